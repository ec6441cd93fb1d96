"""Benchmark the word-frequency lexicons and the word-level rules.

    python benchmarks/bench_lexicon.py [STORY.txt ...]

Prints:

1. the cold cost of loading each dictionary in a fresh process: from the
   compact cache, when the cache has to be built from pyspellchecker's gzip
   JSON, and pyspellchecker's own ``SpellChecker()`` for comparison;
2. the per-story cost of fused-word, spanish-leftover and spelling, alone and
   together, on the stories given (default: a built-in sample story written for
   this benchmark), with the lexicons already loaded (warm) and on the first
   story of a process (cold: includes loading them).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RULES = ["fused-word", "spanish-leftover", "spelling"]

SAMPLE = """Ukraine and Moldova ask for more air defence

KYIV (Reuters) - Russia launched drones and missiles at Ukraine overnight, the air force said on
Sunday, and the Moldovan foreign minister, Ileana Vartic, called her Ukrainian counterpart to
promise more help.

The Moldovan foreign minister, Ileana Varticalled her counterpart after the strike on the
damwhich feeds the river port, officials said. Chisinau has pledged $2.4billion
in reconstruction aid since 2023.

Vartic y Sandu, in an archive image (Reuters)

Prices of food and fuel rose again in March, según the statistics office, and the goverment said
it would review its budget. Exports to EE.UU. fell 4%, while trade with the European Union grew.

Residents of Los Angeles, El Salvador and La Paz followed the talks, El País reported. The
organisers of the festival in Viña del Mar said they were recognising the travelled musicians.
The y-axis of the chart shows the share of Generation Y voters who back the deal.

"We will not give up," Zelensky said in his nightly address. "Every city will be rebuilt."
""" * 3


def _fresh(code: str, env: dict | None = None, setup: str = "import lintnews.lexicon") -> float:
    """Seconds a fresh interpreter spends running ``code`` (after ``setup``, untimed)."""
    wrapped = (setup + "\nimport time; t = time.perf_counter()\n" + code +
               "\nprint(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True,
                         env={**os.environ, **(env or {})}, check=True).stdout
    return float(out.strip().splitlines()[-1])


def _median_ms(fn, n: int) -> float:
    return 1000 * statistics.median(fn() for _ in range(n))


def bench_load(repeat: int = 5) -> None:
    print("Cold load of one dictionary (fresh process, imports excluded, median of %d):" % repeat)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "es"):
            code = f"from lintnews import lexicon; lexicon.get({lang!r}).frequency('the')"
            build = _median_ms(lambda: _fresh(
                "import os, glob\n"
                "[os.remove(p) for p in glob.glob(os.path.join(os.environ['LINTNEWS_CACHE_DIR'], '*'))]\n"
                + code, {"LINTNEWS_CACHE_DIR": tmp}), repeat)
            _fresh(code, {"LINTNEWS_CACHE_DIR": tmp})  # make sure the cache exists
            cached = _median_ms(lambda: _fresh(code, {"LINTNEWS_CACHE_DIR": tmp}), repeat)
            spell = _median_ms(lambda: _fresh(
                f"SpellChecker(language={lang!r})", setup="from spellchecker import SpellChecker"), repeat)
            print(f"  {lang}: cache {cached:6.1f} ms | build cache from gzip JSON {build:6.1f} ms | "
                  f"pyspellchecker SpellChecker() {spell:6.1f} ms")


def bench_rules(texts: list[str], repeat: int = 20) -> None:
    from lintnews import lexicon
    from lintnews.engine import Linter

    words = sum(len(t.split()) for t in texts)
    print(f"\nPer-story cost ({len(texts)} stories, {words / len(texts):.0f} words on average):")
    base = Linter(select=["whitespace"]) if "whitespace" in Linter().available else None
    for sel in [[r] for r in RULES] + [RULES]:
        linter = Linter(select=sel)
        lexicon.clear()
        t = time.perf_counter()
        linter.lint_text(texts[0])
        cold = 1000 * (time.perf_counter() - t)
        linter.timings.clear()
        for _ in range(repeat):
            for text in texts:
                linter.lint_text(text)
        rules_ms = 1000 * sum(linter.timings[r] for r in sel) / (repeat * len(texts))
        print(f"  {' + '.join(sel):40} rule time {rules_ms:6.2f} ms/story (lexicons loaded) | "
              f"first story of a process, whole lint {cold:6.1f} ms")
    if base is not None:
        t = time.perf_counter()
        for _ in range(repeat):
            for text in texts:
                base.lint_text(text)
        per = 1000 * (time.perf_counter() - t) / (repeat * len(texts))
        print(f"  (for scale: building the document and running the whitespace rule: {per:.2f} ms/story)")


def main(argv: list[str]) -> int:
    texts = [open(p, encoding="utf-8").read() for p in argv] or [SAMPLE]
    bench_load()
    bench_rules(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
