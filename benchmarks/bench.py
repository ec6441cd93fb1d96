"""Speed and memory of lintnews, with proselint as the baseline, in one run.

    .venv/bin/pip install proselint     # the baseline (optional: skipped if absent)
    .venv/bin/python benchmarks/bench.py [--words 100000] [--repeat 5]

Prints, for a large story it generates from examples/story.txt:
- words per second of `lintnews` (lint) and `lintnews --fix`, in process and
  through the command line;
- wall time (median of --repeat runs) and peak memory of a cold `lintnews`
  run on the one example story, and of the very first run on a machine (an
  empty cache folder: it builds the lexicon, gazetteer and regex caches once);
- the same command-line figures for `proselint check` on the same inputs, and
  the ratios.

Two things make the comparison fair:
- proselint's default configuration stops linting once it has produced 1,000
  findings (`max_errors`), so on a large input it skips most of its checks.
  The ratio is taken against a run with that cap lifted, so both tools lint the
  whole input; the capped figure is printed too.
- Both tools run with their bytecode caches written, as on a user's machine
  (pip compiles an installed package; an editable install writes its caches on
  the first run). Where PYTHONDONTWRITEBYTECODE is set, every cold run would
  recompile lintnews's sources, so the benchmark unsets it and warms up once.
Numbers are for comparison within one run on one machine: a shared machine
is noisy, so quote ratios, not absolute times.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "story.txt"


def generate(words: int, seed: int = 7) -> str:
    """Wire copy of about ``words`` words: the example story's paragraphs,
    shuffled, with numbers varied so no two paragraphs are identical."""
    rnd = random.Random(seed)
    paras = [p for p in STORY.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, count = [], 0
    while count < words:
        p = rnd.choice(paras)
        p = "".join(str(rnd.randint(0, 9)) if ch.isdigit() else ch for ch in p)
        out.append(p)
        count += len(p.split())
    return "\n\n".join(out) + "\n"


# Bytecode caches on, as on a user's machine (see the module docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def peak_and_time(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one command, measured from a fresh
    parent so the figure is that command's own."""
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True,
                         env={**ENV, **(env or {})})
    secs, kib = out.stdout.split()
    return float(secs), int(kib) / 1024


def median_run(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [peak_and_time(cmd) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    bindir = Path(sys.executable).parent
    lintnews = [str(bindir / "lintnews")] if (bindir / "lintnews").exists() else [sys.executable, "-m", "lintnews"]
    proselint = shutil.which("proselint", path=str(bindir)) or shutil.which("proselint")

    text = generate(args.words)
    nwords = len(text.split())
    tmp = Path(tempfile.mkdtemp(prefix="lintnews-bench-"))
    big = tmp / "big.txt"
    big.write_text(text, encoding="utf-8")
    print(f"input: {nwords} words ({len(text) / 1024:.0f} KiB) generated from {STORY.name}")

    # In process: the engine alone, dictionaries already loaded.
    from lintnews.config import Config
    from lintnews.engine import Linter
    linter = Linter(Config())
    linter.lint_source(STORY.read_text(encoding="utf-8"))  # warm: load packs and dictionaries once
    t = time.perf_counter()
    result = linter.lint_source(text)
    lint_s = time.perf_counter() - t
    t = time.perf_counter()
    linter.fix_source(text, unsafe=False)
    fix_s = time.perf_counter() - t
    print(f"in process  lint: {nwords / lint_s:10,.0f} words/s ({lint_s:.2f} s, {len(result.diagnostics)} findings)")
    print(f"in process   fix: {nwords / fix_s:10,.0f} words/s ({fix_s:.2f} s)")
    slow = sorted(linter.timings.items(), key=lambda kv: -kv[1])[:5]
    print("slowest rules (both passes): " + ", ".join(f"{k} {v:.2f}s" for k, v in slow))

    # Command line, cold processes (one warm-up run writes the bytecode caches).
    peak_and_time([*lintnews, str(STORY)])
    cold_s, cold_mb = median_run([*lintnews, str(STORY)], args.repeat)
    # The very first run on a machine also builds the per-user caches (lexicons,
    # gazetteer, regex programs), once; measured with an empty cache folder.
    first_runs = []
    for _ in range(max(1, args.repeat // 2)):
        empty = Path(tempfile.mkdtemp(prefix="lintnews-cache-", dir=tmp))
        first_runs.append(peak_and_time([*lintnews, str(STORY)], {"LINTNEWS_CACHE_DIR": str(empty)}))
    first_s = statistics.median(r[0] for r in first_runs)
    big_s, big_mb = median_run([*lintnews, str(big)], max(1, args.repeat // 2))
    fixcopy = tmp / "fix.txt"
    fix_runs = []
    for _ in range(max(1, args.repeat // 2)):
        fixcopy.write_text(text, encoding="utf-8")
        fix_runs.append(peak_and_time([*lintnews, "--fix", str(fixcopy)]))
    fixcli_s = statistics.median(r[0] for r in fix_runs)
    print(f"cli cold run, one story: {cold_s * 1000:6.0f} ms, peak {cold_mb:.0f} MiB   (target: 150 ms)")
    print(f"cli first run on a machine, empty cache: {first_s * 1000:6.0f} ms (once: builds the caches)")
    print(f"cli lint, large input:   {big_s:6.2f} s  = {nwords / big_s:9,.0f} words/s, peak {big_mb:.0f} MiB")
    print(f"cli --fix, large input:  {fixcli_s:6.2f} s  = {nwords / fixcli_s:9,.0f} words/s")

    if proselint:
        # proselint stops at max_errors findings (1,000 by default): lift the cap
        # so that it lints the whole input, as lintnews does.
        uncapped = tmp / "proselint.json"
        uncapped.write_text('{"max_errors": 1000000000}', encoding="utf-8")
        full = [proselint, "check", "--config", str(uncapped)]
        peak_and_time([proselint, "check", str(STORY)])
        p_cold, p_cold_mb = median_run([*full, str(STORY)], args.repeat)
        p_capped, _ = median_run([proselint, "check", str(big)], max(1, args.repeat // 2))
        p_big, p_big_mb = median_run([*full, str(big)], max(1, args.repeat // 2))
        print(f"proselint cold run, one story: {p_cold * 1000:6.0f} ms, peak {p_cold_mb:.0f} MiB")
        print(f"proselint, large input:        {p_big:6.2f} s  = {nwords / p_big:9,.0f} words/s, peak {p_big_mb:.0f} MiB")
        print(f"proselint, large input, default cap of 1,000 findings (skips checks): {p_capped:.2f} s")
        print(f"ratio lintnews/proselint: cold run time {cold_s / p_cold:.2f}x, "
              f"large-input time {big_s / p_big:.2f}x (below 1 = lintnews faster)")
    else:
        print("proselint not installed: `pip install proselint` for the baseline figures")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
