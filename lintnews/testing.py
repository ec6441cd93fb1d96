"""Turn every rule's embedded examples into test cases.

``example_cases()`` gives one pytest parameter per example of every loaded
rule. ``check_example`` lints the example with only its rule selected and:

- a valid example must raise nothing;
- an invalid one must raise something (the first finding's text must equal
  ``flagged`` when given); when ``fixed`` is given, applying the rule's fixes
  (unsafe ones too if the example says so) must give exactly that text, and
  re-linting the result must raise nothing from the rule: the fix resolves its
  finding. When ``fixed`` is None the rule must offer no applicable fix.
"""
from __future__ import annotations

from pathlib import Path

from .config import Config
from .engine import Linter
from .loader import load_rules
from .model import Example
from .rule import Rule

# A vocabulary of wire copy and its traps, for property tests and the fuzzer:
# words the rules care about, punctuation around quotations, and characters
# that break naive text handling (zero-width, right-to-left, combining marks,
# emoji, odd line breaks).
WORDS = ["the", "The", "and", "y", "e", "said", "he", "she", "reported", "this", "Monday", "Tuesday",
         "kyiv", "Kyiv", "Kiev", "crimean", "US", "U.S.", "EE.UU.", "Zelensky", "Zelenskyy", "Torres",
         "Torrecalled", "roadwhich", "according", "to", "según", "el", "presidente", "Los", "Angeles",
         "minister", "Ana", "Morales", "his", "her", "16,8", "1.500", "35", "%", "$", "27", "billion",
         "15:00", "hours", "of", "October", "(Reuters)", "(EFE)", "EFE/Juan", "Pérez", "By", "READ", "ALSO:",
         "assured", "that", "head", "diplomacy", "Luis", "Gómez", "Center", "in", "statements", "lost",
         "their", "lives", "Bogotá", "MEXICO", "CITY", "(AP)", "—", "-", "–", "www.example.com", "@handle",
         "#tag", "a@b.org", "Ms.", "Sen.", "Mr.", "No.", "2-1", "7:36", "130,000%"]
PUNCT = [".", ",", ";", ":", "?", "!", "…", ".”,", "”,", "”.", "“", "”", "\"", "«", "»", "'", "’", "(", ")"]
ODD = ["\u200b", "\u200d", "\u200f", "\u202e", "\u0301", "\u0308", "שלום", "مرحبا", "😀", "👍🏽", "\ufeff",
       "\t", "\u00a0", "\x0b", "\x0c", "\u2028", "\u2029", "\r", "İ", "ß", "ﬁ", "Ⅻ", "𝔘"]


def rule_classes(extra_folders: list[Path] | tuple = ()) -> list[type[Rule]]:
    from .suppress import UnusedSuppression
    return [UnusedSuppression, *load_rules(list(extra_folders)).rules.values()]


def linter_for(cls: type[Rule], example: Example, extra_folders=()) -> Linter:
    cfg = Config(rules_folders=list(extra_folders),
                 rule_settings={cls.id: dict(example.options)} if example.options else {})
    return Linter(cfg, select=[cls.id], style=example.style)


def check_example(cls: type[Rule], example: Example, extra_folders=()) -> None:
    linter = linter_for(cls, example, extra_folders)
    result = linter.lint_source(example.text)
    assert not result.errors, result.errors
    found = [d for d in result.diagnostics if d.rule == cls.id]
    if example.valid:
        assert not found, (f"{cls.id}: valid example raised {len(found)} finding(s): "
                           + "; ".join(f"{example.text[d.start:d.end]!r}: {d.message}" for d in found)
                           + f"\n  text: {example.text!r}")
        return
    assert found, f"{cls.id}: invalid example raised nothing\n  text: {example.text!r}"
    if example.flagged is not None:
        got = example.text[found[0].start:found[0].end]
        assert got == example.flagged, f"{cls.id}: flagged {got!r}, expected {example.flagged!r}"
    fixed = linter.fix_source(example.text, unsafe=example.unsafe)
    if example.fixed is None:
        assert fixed.source == example.text, (
            f"{cls.id}: example expects no fix, but fixing gave {fixed.source!r}")
        return
    assert fixed.source == example.fixed, (
        f"{cls.id}: fix gave\n  {fixed.source!r}\nexpected\n  {example.fixed!r}")
    again = [d for d in linter.lint_source(fixed.source).diagnostics if d.rule == cls.id]
    assert not again, (f"{cls.id}: the fixed text still raises: "
                       + "; ".join(f"{fixed.source[d.start:d.end]!r}: {d.message}" for d in again))


def example_cases(extra_folders=()):
    import pytest
    cases = []
    for cls in rule_classes(extra_folders):
        for i, ex in enumerate(cls.examples):
            kind = "valid" if ex.valid else "invalid"
            cases.append(pytest.param(cls, ex, id=f"{cls.id}-{kind}-{i}"))
    return cases
