"""-j N: many files in parallel processes give the same report, in the same order."""
import json
import os
import pty
import subprocess
import sys

from conftest import FIRST_RULES, STORY


def make_tree(root, n):
    for i in range(n):
        d = root / f"desk{i % 3}"
        d.mkdir(exist_ok=True)
        body = STORY if i % 2 else "The mayor said Friday that the plan would go ahead.\n"
        (d / f"story{i:03}.txt").write_text(body.replace("Piura", f"Piura {i}"), encoding="utf-8")


def test_parallel_report_equals_serial_report(cli, tmp_path):
    make_tree(tmp_path, 40)
    serial = cli("--format", "json", "--select", FIRST_RULES, "-j", "1", tmp_path)
    parallel = cli("--format", "json", "--select", FIRST_RULES, "-j", "2", tmp_path)
    assert serial.returncode == parallel.returncode == 1
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    paths = [f["path"] for f in json.loads(parallel.stdout)["files"]]
    assert paths == sorted(paths) and len(paths) == 40


def test_parallel_fix(cli, tmp_path):
    make_tree(tmp_path, 30)
    r = cli("--fix", "--select", FIRST_RULES, "-j", "2", tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr.count("fixed ") == 15
    again = cli("--select", FIRST_RULES, "-j", "2", tmp_path)
    assert again.returncode == 0


def test_colour_only_on_a_terminal(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text("The the mayor spoke.\n", encoding="utf-8")
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.run([sys.executable, "-m", "lintnews", "--select", "repeated-word", str(f)],
                          stdout=slave, stderr=subprocess.PIPE, env=env, timeout=60)
    os.close(slave)
    data = os.read(master, 65536).decode()
    os.close(master)
    assert proc.returncode == 1
    assert "\x1b[" in data
    proc = subprocess.run([sys.executable, "-m", "lintnews", "--select", "repeated-word", str(f)],
                          capture_output=True, env={**env, "NO_COLOR": "1"}, timeout=60)
    assert b"\x1b[" not in proc.stdout


def test_collector_is_back_on_after_each_file(tmp_path):
    import gc

    from lintnews.runner import RunOptions, Runner
    story = tmp_path / "s.txt"
    story.write_text("The the mayor spoke.\n", encoding="utf-8")
    assert gc.isenabled()
    outcome = Runner(RunOptions()).run_file(str(story))
    assert outcome.report.diagnostics
    assert gc.isenabled()
