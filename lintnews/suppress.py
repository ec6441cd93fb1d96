"""Suppression markers: silence a rule for a stretch of text, naming the rule.

A marker is a line of its own, in any comment syntax the format allows
(plain text takes it bare or in brackets)::

    lintnews: disable=fused-word,spelling     (until a matching enable, or the end)
    lintnews: enable=fused-word
    lintnews: disable-next-line=place-case    (the next non-blank line only)
    <!-- lintnews: disable=calque -->         (Markdown, HTML)
    # lintnews: disable-next-line=spelling    (Python source)

Marker lines are not copy: no rule sees them as text of the story. A marker
that silences nothing, or names a rule lintnews does not know, is reported by
``unused-suppression`` (its safe fix deletes the marker line).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .lazy import LazyPattern
from .model import Example, Invalid, Severity, Valid
from .rule import Rule

MARKER_RE = LazyPattern(
    r"^[ \t]*(?:<!--|#|//|\[|\{)?[ \t]*lintnews:[ \t]*(?P<kind>disable-next-line|disable|enable)"
    r"[ \t]*[= \t][ \t]*(?P<rules>[a-z0-9][a-z0-9\-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9\-]*)*)"
    r"[ \t]*(?:-->|\]|\})?[ \t]*$",
    regex.MULTILINE,
)


@dataclass
class Directive:
    kind: str               # disable | enable | disable-next-line
    rules: tuple[str, ...]
    start: int              # the marker line, in text offsets
    end: int
    region: tuple[int, int] = (0, 0)   # the stretch it silences
    used: set[str] = field(default_factory=set)


def find_markers(text: str) -> list[Directive]:
    out = [Directive(m["kind"], tuple(r.strip() for r in m["rules"].split(",")), m.start(), m.end())
           for m in MARKER_RE.finditer(text, timeout=2.0)]
    _assign_regions(text, out)
    return out


def _assign_regions(text: str, directives: list[Directive]) -> None:
    for i, d in enumerate(directives):
        if d.kind == "disable-next-line":
            pos = d.end + 1
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
            nl = text.find("\n", pos)
            d.region = (pos, len(text) if nl == -1 else nl)
        elif d.kind == "disable":
            end = len(text)
            for later in directives[i + 1:]:
                if later.kind == "enable" and set(later.rules) & set(d.rules):
                    end = later.start
                    break
            d.region = (d.end, end)


def marker_ranges(directives: list[Directive]) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in directives]


class UnusedSuppression(Rule):
    id = "unused-suppression"
    category = "engine"
    severity = Severity.WARNING
    summary = "A suppression marker that silences nothing or names an unknown rule"
    doc = """
    ## What it catches
    A `lintnews: disable=RULE` (or `disable-next-line=RULE`) marker that did not
    silence any finding of RULE in this run, or that names a rule lintnews does
    not know.

    ## Why
    Stale markers hide future problems: once the text they guarded is edited,
    a real defect there goes unreported. A misspelt rule name silences nothing.

    ## Fix safety
    Safe: deleting the marker line changes nothing in the story.
    A marker naming a rule that is not enabled in this run is left alone (it
    may be used under another configuration).
    """
    examples: list[Example] = [
        Valid("The mayor said Friday.\n"),
        Valid("lintnews: disable=repeated-word\nThe mayor said Friday.\n"),
        Invalid("lintnews: disable=no-such-rule\nThe mayor said Friday.\n",
                fixed="The mayor said Friday.\n", flagged="lintnews: disable=no-such-rule"),
        Invalid("<!-- lintnews: disable-next-line=not-a-rule -->\nThe mayor said Friday.\n",
                fixed="The mayor said Friday.\n"),
    ]

    def check(self, doc):  # findings come from the engine's suppression stage
        return ()
