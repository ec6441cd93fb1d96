"""Big runs: a tree of 10,000 stories and one 50 MB file.

    .venv/bin/python benchmarks/bench_scale.py [--files 10000] [--mb 50]

Prints files per second for the tree, serial (-j 1) and with -j 2, and the
peak memory (the largest single process; with -j each worker is its own
process), then the time and peak memory of linting one 50 MB file (linted in
paragraph-aligned pieces, so memory stays bounded).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import generate  # noqa: E402


def run(cmd: list[str]) -> tuple[float, float, int]:
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    secs, kib, rc = out.stdout.split()
    return float(secs), int(kib) / 1024, int(rc)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--mb", type=int, default=50)
    args = ap.parse_args()
    bindir = Path(sys.executable).parent
    lintnews = [str(bindir / "lintnews")] if (bindir / "lintnews").exists() else [sys.executable, "-m", "lintnews"]
    tmp = Path(tempfile.mkdtemp(prefix="lintnews-scale-"))
    try:
        tree = tmp / "tree"
        text = generate(args.files * 200)
        paras = text.split("\n\n")
        for i in range(args.files):
            d = tree / f"desk{i % 20:02}"
            d.mkdir(parents=True, exist_ok=True)
            body = "\n\n".join(paras[(i * 4) % len(paras):(i * 4) % len(paras) + 6]) + "\n"
            (d / f"story{i:05}.txt").write_text(body, encoding="utf-8")
        print(f"tree: {args.files} stories of about 200 words")
        for jobs in (1, 2):
            secs, mb, rc = run([*lintnews, "-j", str(jobs), "--quiet", str(tree)])
            print(f"  -j {jobs}: {secs:6.1f} s = {args.files / secs:7.0f} files/s, peak {mb:.0f} MiB "
                  f"(largest process), exit {rc}")

        big = tmp / "big.txt"
        chunk = generate(200_000)
        with open(big, "w", encoding="utf-8") as fh:
            written = 0
            while written < args.mb * 1024 * 1024:
                fh.write(chunk)
                fh.write("\n")
                written += len(chunk.encode("utf-8")) + 1
        size = big.stat().st_size / 1048576
        secs, mb, rc = run([*lintnews, "--format", "json", str(big)])
        print(f"one {size:.0f} MB file: {secs:6.1f} s, peak {mb:.0f} MiB, exit {rc}")
        secs, mb, rc = run([*lintnews, "--fix", str(big)])
        print(f"one {size:.0f} MB file, --fix: {secs:6.1f} s, peak {mb:.0f} MiB, exit {rc}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
