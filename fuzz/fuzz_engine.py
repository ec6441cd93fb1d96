"""Coverage-guided fuzzing of the whole engine and every rule (atheris).

    .venv/bin/pip install atheris
    mkdir -p /tmp/lintnews-fuzz && .venv/bin/python fuzz/fuzz_engine.py -atheris_runs=1000000 /tmp/lintnews-fuzz fuzz/seeds
    # two processes, half a million inputs each:
    .venv/bin/python fuzz/fuzz_engine.py -runs=500000 -jobs=2 -workers=2 -max_len=1024 /tmp/lintnews-fuzz fuzz/seeds

Each input is decoded as UTF-8 (invalid bytes replaced) and, half the time,
given CRLF endings; then it is linted with every rule and fixed (safe and
unsafe fixes), and the properties of tests/test_properties.py are checked:
no exception, no rule error, spans inside the text, fixing twice equals
fixing once. A failure raises, and atheris saves the crashing input.

The seeds (fuzz/seeds/) are stories of our own; atheris keeps the inputs
it finds interesting in the first folder named (a scratch folder). Outside the unit suite: a million inputs
take minutes, not seconds.
"""
from __future__ import annotations

import contextlib
import os
import sys

import atheris

# Coverage instrumentation makes every input about five times slower. Set
# LINTNEWS_FUZZ_COVERAGE=1 to explore with coverage feedback; leave it unset
# for the volume run (libFuzzer's mutations, a million inputs in minutes).
_instrument = atheris.instrument_imports if os.environ.get("LINTNEWS_FUZZ_COVERAGE") else contextlib.nullcontext
with _instrument():
    from lintnews.config import Config
    from lintnews.engine import ConvergenceError, Linter
    from lintnews.formats import FORMATS
    from lintnews.testing import ODD, PUNCT, WORDS

LINTER = Linter(Config(), select=["ALL"])
TEXT = FORMATS["text"]


def check(text: str) -> None:
    result = LINTER.lint_source(text, TEXT)
    if result.errors:
        raise AssertionError(f"rule error: {result.errors}")
    n = len(text)
    for d in result.diagnostics:
        if not 0 <= d.start <= d.end <= n:
            raise AssertionError(f"{d.rule}: span {d.start}..{d.end} outside text of {n}")
        if d.fix:
            last = -1
            for e in d.fix.edits:
                if e.start < last or not 0 <= e.start <= e.end <= n:
                    raise AssertionError(f"{d.rule}: bad edit {e}")
                last = e.end
    try:
        once = LINTER.fix_source(text, TEXT, unsafe=True)
    except ConvergenceError as exc:
        raise AssertionError(str(exc)) from None
    twice = LINTER.fix_source(once.source, TEXT, unsafe=True)
    if twice.source != once.source:
        raise AssertionError("fix is not idempotent")


PIECES = WORDS + PUNCT + ODD
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\n\n\n\n", ""]


def wire_copy(fdp) -> str:
    """Bytes -> a story made of wire-copy words, quotes and odd characters, so
    that even without coverage feedback most inputs look like copy."""
    out = []
    while fdp.remaining_bytes():
        choice = fdp.ConsumeIntInRange(0, len(PIECES) + 3)
        if choice < len(PIECES):
            out.append(PIECES[choice])
        else:  # now and then, raw text
            out.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(1, 8)))
        out.append(SEPARATORS[fdp.ConsumeIntInRange(0, len(SEPARATORS) - 1)])
    return "".join(out)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    crlf = fdp.ConsumeBool()
    if fdp.ConsumeBool():
        text = wire_copy(fdp)
    else:
        text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", errors="replace")
    if crlf:
        text = text.replace("\r", "").replace("\n", "\r\n")
    check(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
