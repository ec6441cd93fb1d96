"""The rule API: what a check declares and how it reports.

A rule is a subclass of :class:`Rule` in a Python file of a rules folder::

    class RepeatedWord(Rule):
        id = "repeated-word"
        category = "words"
        severity = Severity.WARNING
        summary = "The same word twice in a row"
        doc = '''
        ## What it catches
        ...
        ## Why
        ...
        ## Fix safety
        ...
        '''
        examples = [Valid("..."), Invalid("the the cat", fixed="the cat")]

        def check(self, doc):
            for ...:
                yield self.finding(start, end, "message", fix=Fix.replace(...))

``check`` yields :class:`Finding` objects; the engine stamps them with the
rule id and the configured severity. A fix may be given as a callable that
builds the Fix: if building it raises, the finding is kept without a fix.
"""
from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from .model import Applicability, Example, Fix, Severity
from .lazy import LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .packs import HouseStyle, PackStore


@dataclass(slots=True)
class Finding:
    start: int
    end: int
    message: str
    fix: Fix | Callable[[], Fix | None] | None = None
    severity: Severity | None = None  # overrides the rule's severity for this finding


@dataclass
class RuleContext:
    """What a rule instance knows about the run: its options, the house style,
    the desk's accepted words and the data packs of every rules folder."""

    options: dict[str, Any] = field(default_factory=dict)
    style: "HouseStyle | None" = None
    accepted: frozenset[str] = frozenset()
    packs: "PackStore | None" = None


class Rule:
    id: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    doc: ClassVar[str] = ""
    examples: ClassVar[list[Example]] = []
    # Options a newsroom may set under [tool.lintnews.rules.<id>]: name -> default.
    options: ClassVar[dict[str, Any]] = {}
    # Whether this rule's fixes may touch text inside a direct quotation
    # (true only for rules about the quotation's own punctuation).
    fixes_quotes: ClassVar[bool] = False
    # Whether a fix inside a direct quotation is offered as unsafe rather than
    # dropped (for rules that only respell or recase a proper name).
    quote_fixes_unsafe: ClassVar[bool] = False
    # Off unless selected by name (noisy or specialised checks).
    default_enabled: ClassVar[bool] = True

    def __init__(self, context: RuleContext | None = None) -> None:
        context = context or RuleContext()
        self.context = context
        opts = dict(type(self).options)
        opts.update(context.options)
        self.opts = opts
        self.accepted = context.accepted
        self._style = context.style
        self._packs = context.packs

    # -- what a rule reads ---------------------------------------------------------
    @property
    def style(self) -> "HouseStyle":
        if self._style is None:
            from .packs import default_store
            self._style = default_store().style("ap")
        return self._style

    def pack(self, name: str) -> dict:
        """The merged data pack ``packs/<name>.toml`` from every rules folder."""
        if self._packs is None:
            from .packs import default_store
            self._packs = default_store()
        return self._packs.pack(name)

    def is_accepted(self, word: str) -> bool:
        return word in self.accepted or word.lower() in self.accepted

    # -- what a rule does ----------------------------------------------------------
    def check(self, doc: "Document") -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(self, start: int, end: int, message: str,
                fix: Fix | Callable[[], Fix | None] | None = None,
                severity: Severity | None = None) -> Finding:
        return Finding(start, end, message, fix, severity)

    @staticmethod
    def replace(start: int, end: int, replacement: str, message: str = "", *,
                safe: bool = True) -> Fix:
        return Fix.replace(start, end, replacement, message,
                           Applicability.SAFE if safe else Applicability.UNSAFE)

    # -- metadata ------------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        return textwrap.dedent(cls.doc).strip()

    @classmethod
    def fixable(cls) -> bool:
        """Derived from the examples: a rule is fixable when one shows a fix."""
        return any(not ex.valid and ex.fixed is not None for ex in cls.examples)

    @classmethod
    def source_file(cls) -> str:
        try:
            return inspect.getfile(cls)
        except TypeError:
            return ""


_RULE_ID = LazyPattern(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")  # kebab-case


def validate_rule_class(cls: type[Rule]) -> list[str]:
    """Problems with a rule's declaration (empty when it is well formed)."""
    problems = []
    if not _RULE_ID.fullmatch(cls.id or "", timeout=1.0):
        problems.append(f"rule id {cls.id!r} is not kebab-case")
    if not cls.category:
        problems.append(f"{cls.id}: no category")
    if not cls.summary:
        problems.append(f"{cls.id}: no summary")
    if not cls.doc.strip():
        problems.append(f"{cls.id}: no documentation")
    if not isinstance(cls.severity, Severity):
        problems.append(f"{cls.id}: severity must be a Severity")
    return problems
