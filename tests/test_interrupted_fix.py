"""--fix killed at any moment leaves every file either untouched or fully fixed
(fixes are written to a temporary file and renamed over the story)."""
import shutil
import signal
import subprocess
import sys
import time

from conftest import FIRST_RULES, STORY


def test_killed_fix_never_leaves_a_half_written_file(tmp_path):
    original = tmp_path / "original"
    original.mkdir()
    for i in range(150):
        (original / f"s{i:03}.txt").write_text(STORY * 20 + f"Story {i}.\n", encoding="utf-8")
    expected = tmp_path / "expected"
    shutil.copytree(original, expected)
    subprocess.run([sys.executable, "-m", "lintnews", "--fix", "--select", FIRST_RULES, "-j", "1", str(expected)],
                   capture_output=True, timeout=300)
    fixed_bytes = {p.name: p.read_bytes() for p in expected.iterdir()}
    assert all(fixed_bytes[p.name] != p.read_bytes() for p in original.iterdir())

    for attempt, delay in enumerate((0.4, 0.8, 1.2, 1.6)):
        work = tmp_path / f"work{attempt}"
        shutil.copytree(original, work)
        proc = subprocess.Popen([sys.executable, "-m", "lintnews", "--fix", "--select", FIRST_RULES,
                                 "-j", "1", str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        for p in work.iterdir():
            if p.name.endswith(".lintnews-tmp"):
                continue  # an orphaned temporary file; the story itself is what matters
            data = p.read_bytes()
            assert data in ((original / p.name).read_bytes(), fixed_bytes[p.name]), f"{p.name} is damaged"
        stories = [p for p in work.iterdir() if p.suffix == ".txt"]
        assert len(stories) == 150
