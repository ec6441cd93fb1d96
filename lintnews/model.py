"""The data every part of lintnews passes around: edits, fixes, diagnostics.

All offsets are 0-based code-point offsets into the text a rule sees, end
exclusive. They are frozen so that a rule cannot change a finding after the
engine has filtered or sorted it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.lower())
        except (ValueError, AttributeError):
            raise ValueError(f"severity must be one of error, warning, info (got {value!r})") from None


class Applicability(str, Enum):
    # safe: cannot change the meaning a careful copy editor intended; --fix applies it.
    SAFE = "safe"
    # unsafe: picks between readings; applied only with --unsafe-fixes.
    UNSAFE = "unsafe"
    # display-only: shown as advice, never applied.
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with replacement (empty replacement deletes, empty range inserts)."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad edit range {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""

    def __post_init__(self) -> None:
        edits = tuple(sorted(self.edits, key=lambda e: (e.start, e.end)))
        for a, b in zip(edits, edits[1:]):
            if b.start < a.end:
                raise ValueError("edits of one fix overlap")
        object.__setattr__(self, "edits", edits)

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, message: str = "",
                applicability: Applicability = Applicability.SAFE) -> "Fix":
        return cls((Edit(start, end, replacement),), applicability, message)

    @classmethod
    def delete(cls, start: int, end: int, message: str = "",
               applicability: Applicability = Applicability.SAFE) -> "Fix":
        return cls((Edit(start, end, ""),), applicability, message)

    @property
    def start(self) -> int:
        return self.edits[0].start if self.edits else 0

    @property
    def end(self) -> int:
        return max((e.end for e in self.edits), default=0)

    def apply(self, text: str) -> str:
        return apply_edits(text, self.edits)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    category: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability != Applicability.DISPLAY_ONLY


def fix_counts(diagnostics) -> dict[str, int]:
    """How many findings --fix would repair, and how many more --unsafe-fixes would."""
    safe = unsafe = 0
    for d in diagnostics:
        if d.fix is not None:
            if d.fix.applicability == Applicability.SAFE:
                safe += 1
            elif d.fix.applicability == Applicability.UNSAFE:
                unsafe += 1
    return {"fixable": safe, "unsafe_fixable": unsafe}


def apply_edits(text: str, edits) -> str:
    """Apply sorted, non-overlapping edits to text in one pass."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Example:
    """An example embedded in a rule: the suite turns each into a test case.

    A valid example must raise nothing from the rule. An invalid one must raise
    at least one finding (``flagged``, if given, is the exact text of the first
    span); ``fixed`` is the whole text after applying the rule's fixes (safe
    ones, plus unsafe ones when ``unsafe`` is true), or None when the rule
    offers no fix for it. ``options`` and ``style`` configure the rule.
    """

    text: str
    valid: bool
    fixed: str | None = None
    flagged: str | None = None
    unsafe: bool = False
    options: dict = field(default_factory=dict)
    style: str | None = None


def Valid(text: str, *, options: dict | None = None, style: str | None = None) -> Example:
    return Example(text, True, options=options or {}, style=style)


def Invalid(text: str, fixed: str | None = None, *, flagged: str | None = None,
            unsafe: bool = False, options: dict | None = None, style: str | None = None) -> Example:
    return Example(text, False, fixed=fixed, flagged=flagged, unsafe=unsafe,
                   options=options or {}, style=style)
