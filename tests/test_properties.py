"""Property-based tests: over generated wire copy (names, quotes, numbers,
accents, right-to-left text, emoji, combining marks, zero-width characters,
CRLF, very long lines, empty input) the engine never raises, every span is
inside the text, fixes are well formed and idempotent, and fixing never
creates a finding of the rule that was fixed.

Bounded so the suite stays within CI's budget; benchmarks/fuzz.py runs the
same properties at volume.
"""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lintnews.config import Config
from lintnews.engine import Linter, pick_fixes
from lintnews.formats import FORMATS
from lintnews.model import Applicability, apply_edits
from lintnews.testing import ODD, PUNCT, WORDS

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(ODD),
                  st.text(min_size=1, max_size=8))
sep = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\n\n\n\n", "\r\n", "\r\n\r\n", ""])
copy = st.lists(st.tuples(token, sep), max_size=80).map(lambda xs: "".join(a + b for a, b in xs))
long_line = st.integers(min_value=1, max_value=400).map(lambda n: ("word " * n).strip() + "Ukraineand")
# Short runs of marks and punctuation: edge cases at the text's ends (a quote
# closing on the last character) that the fuzzer found.
marks = st.text(alphabet="“”\"«»‘’,.!?:;~a \n", max_size=12)
story = st.one_of(copy, long_line, marks, st.just(""), st.text(max_size=200))

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_LINTER: Linter | None = None


def linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter(Config(), select=["ALL"])
    return _LINTER


@SETTINGS
@given(story)
@example('"~"')   # found by the fuzzer: a quotation closing on the last character
@example("“”,")
def test_lint_never_raises_and_spans_are_inside(text):
    result = linter().lint_source(text, FORMATS["text"])
    assert not result.errors, result.errors
    n = len(text)
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= n
        if d.fix:
            last = -1
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= n
                assert e.start >= last
                last = e.end


@SETTINGS
@given(story)
def test_one_round_of_fixes_changes_nothing_outside_its_edits(text):
    ex = FORMATS["text"].extract(text)
    diags = linter().lint_text(ex.text).diagnostics
    chosen = pick_fixes(diags, {Applicability.SAFE, Applicability.UNSAFE})
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))
    fixed = apply_edits(ex.text, edits)
    # Walk the text outside the edits: it must appear unchanged, in order.
    pos_src, pos_out = 0, 0
    for e in edits:
        keep = ex.text[pos_src:e.start]
        assert fixed[pos_out:pos_out + len(keep)] == keep
        pos_out += len(keep) + len(e.replacement)
        pos_src = e.end
    assert fixed[pos_out:] == ex.text[pos_src:]


@SETTINGS
@given(story, st.booleans())
@example("By  " * 30, False)  # found by the fuzzer: one copy removed per round never converged
@example("word " * 50 + "EFE/Juan " * 40, True)  # the same, with credits glued to a paragraph
@example("Then Zelensky’s aide, Zelensky and Zelenskyy met Zelenskyy’s team.\n", True)  # two checks pulled apart
def test_fix_twice_equals_fix_once(text, unsafe):
    once = linter().fix_source(text, FORMATS["text"], unsafe=unsafe)
    twice = linter().fix_source(once.source, FORMATS["text"], unsafe=unsafe)
    assert twice.source == once.source
    assert twice.fixed == 0


@SETTINGS
@given(story)
def test_fixing_never_creates_a_finding_of_the_rule_fixed(text):
    lint = linter()
    before = lint.lint_source(text).diagnostics
    for rule in sorted({d.rule for d in before if d.fix and d.fix.applicability == Applicability.SAFE}):
        unfixable_before = sum(1 for d in before if d.rule == rule and not
                               (d.fix and d.fix.applicability == Applicability.SAFE))
        fixed = lint.fix_source(text, only=lambda d, r=rule: d.rule == r)
        after = [d for d in lint.lint_source(fixed.source).diagnostics if d.rule == rule]
        assert len(after) <= unfixable_before, (rule, text, fixed.source,
                                                 [fixed.source[d.start:d.end] for d in after])


@SETTINGS
@given(story)
def test_crlf_text_lints_like_lf_text(text):
    lf = text.replace("\r", "")
    crlf = lf.replace("\n", "\r\n")
    a = linter().lint_source(lf).diagnostics
    b = linter().lint_source(crlf).diagnostics
    assert [(d.rule, d.message) for d in a] == [(d.rule, d.message) for d in b]
    fixed_lf = linter().fix_source(lf).source
    fixed_crlf = linter().fix_source(crlf).source
    assert fixed_crlf == fixed_lf.replace("\n", "\r\n")
