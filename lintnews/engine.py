"""The engine: run the selected rules over one document, filter by
suppressions, and apply fixes until nothing more applies.

It knows no particular rule: rules come from the loader, their settings from
the config. One pass over the document runs every rule; each rule's time is
recorded. A rule that raises loses its findings for that text, never the run;
a fix that raises while being built is dropped and its finding kept.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .config import Config, ConfigError
from .document import TIMEOUT, Document
from .formats import Extracted, Format, FORMATS
from .lazy import LazyPattern
from .loader import load_rules
from .model import Applicability, Diagnostic, Edit, Fix, Severity
from .packs import PackError, PackStore
from .rule import Rule, RuleContext
from .suppress import UnusedSuppression, find_markers, marker_ranges

# As ruff: realistic stories settle in two or three rounds; the cap only stops
# a rule whose fixes feed each other for ever.
MAX_FIX_ROUNDS = 100
# A plain-text file longer than this is linted in pieces cut at paragraph
# breaks, so memory stays bounded however large the file (an archive dump,
# not a story). Story-wide checks then see one piece at a time.
CHUNK_CHARS = 1_000_000

_limits = threading.local()


class TimeLimitExceeded(Exception):
    """The work on one story went past the deadline set with :func:`deadline`."""


@contextmanager
def deadline(at: float):
    """Stop linting in this thread (between two rules, or two fix rounds) once
    ``time.perf_counter()`` passes ``at``: raises :class:`TimeLimitExceeded`.
    The publish gate uses it so that a story over its time limit stops using
    the CPU soon after the gate has answered."""
    previous = getattr(_limits, "at", None)
    _limits.at = at
    try:
        yield
    finally:
        _limits.at = previous


def _check_deadline() -> None:
    at = getattr(_limits, "at", None)
    if at is not None and time.perf_counter() > at:
        raise TimeLimitExceeded("the story took longer than its time limit")


class ConvergenceError(Exception):
    def __init__(self, rules: list[str]) -> None:
        self.rules = rules
        super().__init__(f"fixes did not converge after {MAX_FIX_ROUNDS} rounds; "
                         f"rules still fixing: {', '.join(sorted(set(rules)))}")


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    errors: list[str] = field(default_factory=list)  # rule crashes


@dataclass
class FixResult:
    source: str                      # the fixed source
    diagnostics: list[Diagnostic]    # what is left, in source offsets
    fixed: int                       # how many findings the fixes resolved
    errors: list[str] = field(default_factory=list)


def _matches(cls: type[Rule], selector: str) -> bool:
    return selector == "ALL" or selector == cls.id or selector == cls.category


class Linter:
    """The selected rules, configured, ready to lint many texts."""

    def __init__(self, config: Config | None = None, *, select: list[str] | None = None,
                 ignore: list[str] | None = None, extend_select: list[str] | None = None,
                 style: str | None = None) -> None:
        config = config or Config()
        self.config = config
        ruleset = load_rules(config.rules_folders)
        available: dict[str, type[Rule]] = {UnusedSuppression.id: UnusedSuppression, **ruleset.rules}
        self.available = available
        try:
            self.store = PackStore(ruleset.folders)
            self.style = self.store.style(style or config.style)
        except PackError as exc:
            raise ConfigError(str(exc)) from None

        chosen_select = select if select is not None else config.select
        wanted_extra = list(config.extend_select) + list(extend_select or [])
        ignored = list(config.ignore) + list(ignore or [])
        known_selectors = {"ALL"} | set(available) | {c.category for c in available.values()}
        for sel in (chosen_select or []) + wanted_extra + ignored:
            if sel not in known_selectors:
                raise ConfigError(f"unknown rule or category {sel!r} in select/ignore "
                                  f"(see `lintnews rules`)")
        for rule_id in config.rule_settings:
            if rule_id not in available:
                raise ConfigError(f"{config.source or 'configuration'}: rules.{rule_id}: unknown rule")

        enabled: list[type[Rule]] = []
        for cls in available.values():
            if chosen_select is None:
                on = cls.default_enabled or any(_matches(cls, s) for s in wanted_extra)
            else:
                on = any(_matches(cls, s) for s in chosen_select + wanted_extra)
            if on and not any(_matches(cls, s) for s in ignored):
                enabled.append(cls)

        self.rules: list[Rule] = []
        self.severity: dict[str, Severity] = {}
        for cls in enabled:
            settings = dict(config.rule_settings.get(cls.id, {}))
            self.severity[cls.id] = settings.pop("severity", cls.severity)
            for key, value in settings.items():
                if key not in cls.options:
                    known = ", ".join(["severity", *cls.options]) or "severity"
                    raise ConfigError(f"{config.source or 'configuration'}: rules.{cls.id}.{key}: "
                                      f"unknown option (known: {known})")
                default = cls.options[key]
                if default is not None and not isinstance(value, type(default)):
                    raise ConfigError(f"{config.source or 'configuration'}: rules.{cls.id}.{key}: "
                                      f"expected {type(default).__name__}, got {type(value).__name__}")
            ctx = RuleContext(options=settings, style=self.style, accepted=config.accept, packs=self.store)
            self.rules.append(cls(ctx))
        self.enabled_ids = {r.id for r in self.rules}
        self.timings: Counter[str] = Counter()

    # -- linting ------------------------------------------------------------------
    def lint_text(self, text: str, *, ignored: list[tuple[int, int]] | None = None,
                  path: str | None = None) -> LintResult:
        """Lint text as the rules see it (offsets are text offsets)."""
        directives = find_markers(text)
        doc = Document(text, ignored=list(ignored or []) + marker_ranges(directives), path=path)
        diagnostics: list[Diagnostic] = []
        errors: list[str] = []
        for rule in self.rules:
            if rule.id == UnusedSuppression.id:
                continue
            _check_deadline()
            t0 = time.perf_counter()
            try:
                found = list(self._run_rule(rule, doc))
            except Exception as exc:  # one broken rule never breaks the run
                errors.append(f"rule {rule.id} crashed{' on ' + path if path else ''}: "
                              f"{type(exc).__name__}: {exc}")
                found = []
            self.timings[rule.id] += time.perf_counter() - t0
            diagnostics.extend(found)
        diagnostics = self._suppress(doc, directives, diagnostics)
        diagnostics.sort(key=lambda d: (d.start, d.end, d.rule))
        return LintResult(diagnostics, errors)

    def _run_rule(self, rule: Rule, doc: Document) -> Iterable[Diagnostic]:
        severity = self.severity[rule.id]
        n = len(doc.text)
        for f in rule.check(doc):
            if not (0 <= f.start <= f.end <= n):
                raise ValueError(f"finding span {f.start}..{f.end} outside the text (length {n})")
            if doc.ignored and any(s < max(f.end, f.start + 1) and f.start < e for s, e in doc.ignored):
                continue
            fix = f.fix
            if callable(fix):
                try:
                    fix = fix()
                except Exception:
                    fix = None
            if fix is not None:
                fix = self._vet_fix(rule, doc, fix)
            yield Diagnostic(rule.id, f.severity or severity, f.message, f.start, f.end, fix, rule.category)

    @staticmethod
    def _vet_fix(rule: Rule, doc: Document, fix: Fix) -> Fix | None:
        n = len(doc.text)
        in_quote = False
        for e in fix.edits:
            if not (0 <= e.start <= e.end <= n):
                return None
            in_quote = in_quote or doc.in_quote(e.start, e.end)
        if not in_quote or rule.fixes_quotes:
            return fix
        # A direct quote is what someone said: --fix never edits inside one,
        # unless the rule is about the quotation's own punctuation. A rule that
        # only respells a proper name may offer the fix there as unsafe: the
        # editor opts in with --unsafe-fixes.
        if rule.quote_fixes_unsafe:
            return Fix(fix.edits, Applicability.UNSAFE, fix.message)
        return None

    def _suppress(self, doc: Document, directives, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        if not directives:
            return diagnostics
        kept = []
        for d in diagnostics:
            silenced = False
            for dr in directives:
                if dr.kind != "enable" and d.rule in dr.rules and dr.region[0] <= d.start < max(dr.region[1], dr.region[0] + 1):
                    dr.used.add(d.rule)
                    silenced = True
            if not silenced:
                kept.append(d)
        if UnusedSuppression.id in self.enabled_ids:
            sev = self.severity[UnusedSuppression.id]
            for dr in directives:
                if dr.kind == "enable":
                    continue
                unknown = [r for r in dr.rules if r not in self.available]
                unused = [r for r in dr.rules if r in self.enabled_ids and r not in dr.used]
                if not unknown and not unused:
                    continue
                parts = []
                if unknown:
                    parts.append("names unknown rule " + ", ".join(unknown))
                if unused:
                    parts.append("silences nothing of " + ", ".join(unused))
                line_end = dr.end + 1 if dr.end < len(doc.text) and doc.text[dr.end] == "\n" else dr.end
                fix = None
                if len(unknown) + len(unused) == len(dr.rules):
                    fix = Fix.delete(dr.start, line_end, "delete the marker line")
                text = doc.text[dr.start:dr.end].strip()
                start = dr.start + doc.text[dr.start:dr.end].index(text) if text else dr.start
                kept.append(Diagnostic(UnusedSuppression.id, sev, f"suppression {'; '.join(parts)}",
                                       start, start + len(text), fix, UnusedSuppression.category))
        return kept

    # -- sources in a format ---------------------------------------------------------
    def lint_source(self, source: str, fmt: Format | None = None, path: str | None = None) -> LintResult:
        """Lint a source in its format; offsets in the result are source offsets."""
        fmt = fmt or FORMATS["text"]
        if getattr(fmt, "chunkable", False) and len(source) > CHUNK_CHARS:
            total = LintResult([])
            for offset, piece in split_chunks(source):
                part = self.lint_source(piece, fmt, path)
                total.diagnostics.extend(shift_diagnostic(d, offset) for d in part.diagnostics)
                total.errors.extend(e for e in part.errors if e not in total.errors)
            return total
        ex = fmt.extract(source)
        result = self.lint_text(ex.text, ignored=ex.ignored, path=path)
        result.diagnostics = [map_diagnostic(d, ex, fmt, source) for d in result.diagnostics]
        return result

    def fix_source(self, source: str, fmt: Format | None = None, *, unsafe: bool = False,
                   path: str | None = None,
                   only: Callable[[Diagnostic], bool] | None = None) -> FixResult:
        """Apply fixes round after round until none applies; return what is left."""
        fmt = fmt or FORMATS["text"]
        if getattr(fmt, "chunkable", False) and len(source) > CHUNK_CHARS:
            pieces, left, fixed, errors, offset = [], [], 0, [], 0
            for _, piece in split_chunks(source):
                part = self.fix_source(piece, fmt, unsafe=unsafe, path=path, only=only)
                pieces.append(part.source)
                left.extend(shift_diagnostic(d, offset) for d in part.diagnostics)
                fixed += part.fixed
                errors.extend(e for e in part.errors if e not in errors)
                offset += len(part.source)
            return FixResult("".join(pieces), left, fixed, errors)
        allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
        fixed = 0
        errors: list[str] = []
        for _round in range(MAX_FIX_ROUNDS + 1):
            _check_deadline()
            ex = fmt.extract(source)
            result = self.lint_text(ex.text, ignored=ex.ignored, path=path)
            errors.extend(e for e in result.errors if e not in errors)
            # A fix the format cannot write into the source (it would cross markup) is no fix.
            result.diagnostics = [_without_unmappable_fix(d, ex, fmt, source) for d in result.diagnostics]
            chosen = pick_fixes(result.diagnostics, allowed, only)
            if not chosen:
                left = [map_diagnostic(d, ex, fmt, source) for d in result.diagnostics]
                return FixResult(source, left, fixed, errors)
            if _round == MAX_FIX_ROUNDS:
                raise ConvergenceError([d.rule for d in chosen])
            edits = [e for d in chosen for e in d.fix.edits]
            new_source = fmt.apply(source, ex, edits)
            if new_source == source:
                left = [map_diagnostic(d, ex, fmt, source) for d in result.diagnostics]
                return FixResult(source, left, fixed, errors)
            source = new_source
            fixed += len(chosen)
        raise AssertionError("unreachable")  # pragma: no cover


def pick_fixes(diagnostics: list[Diagnostic], allowed: set[Applicability],
               only: Callable[[Diagnostic], bool] | None = None) -> list[Diagnostic]:
    """Non-overlapping fixes, left to right; a fix overlapping one taken waits for the next round."""
    candidates = [d for d in diagnostics if d.fix is not None and d.fix.edits
                  and d.fix.applicability in allowed and (only is None or only(d))]
    candidates.sort(key=lambda d: (d.fix.start, d.fix.end))
    chosen: list[Diagnostic] = []
    last_end = -1
    for d in candidates:
        if d.fix.start < last_end or (d.fix.start == last_end and chosen and
                                      (d.fix.edits[0].start == d.fix.edits[0].end)):
            continue
        chosen.append(d)
        last_end = d.fix.end
    return chosen


_CLEAN_BREAKS = [LazyPattern(p) for p in (r"(?<=\S)\r?\n\r?\n(?=\S)", r"(?<=\S)\r?\n(?=\S)", r"(?<=\S) (?=\S)")]


def split_chunks(source: str, size: int | None = None):
    """Cut ``source`` into pieces of about ``size`` characters at paragraph breaks
    (else at a line break, else at a space). Yields (offset, piece)."""
    size = size or CHUNK_CHARS
    pos, n = 0, len(source)
    while pos < n:
        if n - pos <= size:
            yield pos, source[pos:]
            return
        cut = -1
        # A clean paragraph break (one empty line between text), so that no
        # run of blank lines or spaces is cut in two.
        for sep in _CLEAN_BREAKS:
            m = sep.search(source, pos + size // 2, pos + 2 * size, timeout=TIMEOUT)
            if m:
                cut = m.end()
                break
        if cut == -1:
            cut = pos + size
        yield pos, source[pos:cut]
        pos = cut


def shift_diagnostic(d: Diagnostic, offset: int) -> Diagnostic:
    if not offset:
        return d
    fix = d.fix
    if fix is not None:
        fix = Fix(tuple(Edit(e.start + offset, e.end + offset, e.replacement) for e in fix.edits),
                  fix.applicability, fix.message)
    return Diagnostic(d.rule, d.severity, d.message, d.start + offset, d.end + offset, fix, d.category)


def _without_unmappable_fix(d: Diagnostic, ex: Extracted, fmt: Format, source: str) -> Diagnostic:
    if d.fix is None or fmt.is_verbatim(source, ex) or fmt.source_fix(source, ex, d.fix) is not None:
        return d
    return Diagnostic(d.rule, d.severity, d.message, d.start, d.end, None, d.category)


def map_diagnostic(d: Diagnostic, ex: Extracted, fmt: Format, source: str) -> Diagnostic:
    """A diagnostic in text offsets -> the same in source offsets."""
    if fmt.is_verbatim(source, ex):
        return d
    start, end = ex.map.span(d.start, d.end)
    fix = d.fix
    if fix is not None:
        fix = fmt.source_fix(source, ex, fix)  # None when it would cross markup
    return Diagnostic(d.rule, d.severity, d.message, start, end, fix, d.category)
