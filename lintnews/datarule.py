"""Rules written as data: a TOML file in a rules folder with a ``[rule]`` table.

A newsroom adds a phrase check without writing Python::

    [rule]
    id = "house-banned-phrases"
    category = "style"
    severity = "warning"          # error | warning | info
    summary = "Phrases our desk does not print"
    doc = "What it catches, why, and where the list comes from."
    kind = "substitution"         # substitution: has a replacement; existence: flag only
    safe = false                  # are the replacements safe fixes?
    message = "write \\"{replacement}\\", not \\"{match}\\""

    [[entries]]
    phrase = "in the framework of"   # literal words, matched case-insensitively at word edges
    replacement = "under"
    source = "Desk style memo, 2025"

    [[entries]]
    pattern = '\\bthe Aztec country\\b'   # or a regular expression (regex module, V1)
    replacement = "Mexico"

    [[examples]]
    text = "Talks in the framework of the treaty."
    fixed = "Talks under the treaty."

    [[examples]]
    text = "Talks under the treaty."
    valid = true

All entries compile to one alternation, scanned once per text. Matches
inside direct quotations are skipped (a quote is what someone said).
Replacements copy the capitalisation of the first letter they replace.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import regex

from .document import TIMEOUT, Document
from . import regex_cache
from .lazy import LazyPattern

_NOT_WORD = LazyPattern(r"\W")
from .model import Example, Severity
from .rule import Finding, Rule

_RULE_KEYS = {"id", "category", "severity", "summary", "doc", "kind", "safe", "message",
              "ignore-case", "skip-quotes", "default-enabled"}
_ENTRY_KEYS = {"phrase", "pattern", "replacement", "source", "example", "message"}


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template``'s first letter."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def data_rule_class(data: dict, path: Path) -> type[Rule]:
    meta = data.get("rule")
    if not isinstance(meta, dict):
        raise ValueError("[rule] must be a table")
    unknown = set(meta) - _RULE_KEYS
    if unknown:
        raise ValueError(f"unknown key(s) in [rule]: {', '.join(sorted(unknown))}")
    kind = meta.get("kind", "substitution")
    if kind not in ("substitution", "existence"):
        raise ValueError(f"[rule] kind must be substitution or existence (got {kind!r})")
    entries = data.get("entries", [])
    if not entries:
        raise ValueError("a data rule needs [[entries]]")
    alternatives: list[str] = []
    compiled_entries = []
    flags = regex.V1 | (regex.IGNORECASE if meta.get("ignore-case", True) else 0)
    for i, entry in enumerate(entries):
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise ValueError(f"entry {i + 1}: unknown key(s) {', '.join(sorted(unknown))}")
        if "phrase" in entry:
            words = entry["phrase"].split()
            pat = r"(?<![\p{L}\p{N}])" + r"\s+".join(regex.escape(w) for w in words) + r"(?![\p{L}\p{N}])"
        elif "pattern" in entry:
            pat = entry["pattern"]
        else:
            raise ValueError(f"entry {i + 1}: needs a phrase or a pattern")
        try:
            compiled = regex_cache.compile(pat, flags)
        except regex.error as exc:
            raise ValueError(f"entry {i + 1}: bad pattern {pat!r}: {exc}") from None
        if compiled.groups and kind == "substitution" and "replacement" not in entry:
            raise ValueError(f"entry {i + 1}: a substitution needs a replacement")
        alternatives.append(f"(?P<e{i}>{pat})")
        compiled_entries.append((compiled, entry))
    combined = regex_cache.compile("|".join(alternatives), flags)
    examples = [
        Example(ex["text"], bool(ex.get("valid", False)), fixed=ex.get("fixed"),
                flagged=ex.get("flagged"), unsafe=not meta.get("safe", False) and "fixed" in ex)
        for ex in data.get("examples", [])
    ]
    try:
        severity = Severity.parse(meta.get("severity", "warning"))
    except ValueError as exc:
        raise ValueError(str(exc)) from None

    class DataRule(Rule):
        id = meta.get("id", "")
        category = meta.get("category", "")
        summary = meta.get("summary", "")
        doc = meta.get("doc", "") + f"\n\nDefined in {path.name}."
        fixes_quotes = False

        def check(self, doc: Document) -> Iterable[Finding]:
            skip_quotes = meta.get("skip-quotes", True)
            for m in combined.finditer(doc.text, timeout=TIMEOUT):
                if skip_quotes and doc.in_quote(m.start(), m.end()):
                    continue
                idx = next(i for i in range(len(compiled_entries)) if m.group(f"e{i}") is not None)
                compiled, entry = compiled_entries[idx]
                fix = None
                replacement = entry.get("replacement")
                if kind == "substitution" and replacement is not None:
                    inner = compiled.fullmatch(m.group(), timeout=TIMEOUT)
                    text = inner.expand(replacement) if inner else replacement
                    text = match_case(m.group(), text)
                    fix = self.replace(m.start(), m.end(), text, f"replace with \"{text}\"",
                                       safe=bool(meta.get("safe", False)))
                template = entry.get("message") or meta.get(
                    "message", "\"{match}\": write \"{replacement}\"" if replacement else "\"{match}\"")
                message = template.format(match=m.group(), replacement=replacement or "")
                yield self.finding(m.start(), m.end(), message, fix)

    DataRule.severity = severity
    DataRule.default_enabled = bool(meta.get("default-enabled", True))
    DataRule.examples = examples
    DataRule.__name__ = DataRule.__qualname__ = "DataRule_" + _NOT_WORD.sub("_", DataRule.id, timeout=TIMEOUT)
    DataRule.__module__ = __name__
    DataRule._source = str(path)

    @classmethod
    def source_file(cls) -> str:  # the TOML file, not this module
        return cls._source

    DataRule.source_file = source_file
    return DataRule
