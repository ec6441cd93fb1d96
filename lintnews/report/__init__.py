"""Output formats for a run's results, one emitter module per format."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import line_col, line_starts
from ..model import Diagnostic


@dataclass
class FileReport:
    path: str
    source: str = ""                       # decoded source text (for line/column and context)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0                         # findings resolved by --fix
    error: str | None = None               # why the file could not be linted
    changed: bool = False                  # --fix wrote the file / --diff has a diff
    diff: str = ""

    def line_col(self, offset: int) -> tuple[int, int]:
        return line_col(self._line_starts(), offset)

    def _line_starts(self) -> list[int]:
        cached = getattr(self, "_starts", None)
        if cached is None:
            cached = self._starts = line_starts(self.source)
        return cached

    def line_text(self, line: int) -> str:
        starts = self._line_starts()
        s = starts[line - 1]
        e = starts[line] - 1 if line < len(starts) else len(self.source)
        return self.source[s:e].rstrip("\r")


EMITTERS = {}


def emitter(name: str):
    def deco(fn):
        EMITTERS[name] = fn
        return fn
    return deco


def get_emitter(name: str):
    # Import the emitter modules lazily: a text run never loads JSON or SARIF code.
    if name not in EMITTERS:
        import importlib
        importlib.import_module(f".{name}_emitter", __name__)
    return EMITTERS[name]
