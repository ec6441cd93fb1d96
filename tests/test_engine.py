"""The engine: rule loading, fixes, quotations, suppressions, crashes."""
import pytest

from lintnews import Document, Fix, Severity
from lintnews.config import Config
from lintnews.engine import ConvergenceError, Linter, pick_fixes
from lintnews.formats import FORMATS
from lintnews.loader import RuleLoadError, load_folder
from lintnews.model import Applicability, Diagnostic, Edit


def write_rule(folder, name, body):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")


RULE_HEADER = '''
from lintnews import Rule, Fix, Severity, Valid, Invalid
class R(Rule):
    category = "test"
    summary = "test rule"
    doc = "## What it catches\\nx\\n## Fix safety\\nx"
    examples = [Valid("a"), Invalid("b")]
'''


def linter_with(tmp_path, body, **kw):
    write_rule(tmp_path / "r", "r.py", RULE_HEADER + body)
    return Linter(Config(rules_folders=[tmp_path / "r"]), select=["t"], **kw)


def test_a_rule_that_crashes_loses_its_findings_not_the_run(tmp_path):
    linter = linter_with(tmp_path, '''
    id = "t"
    def check(self, doc):
        raise RuntimeError("boom")
''')
    result = linter.lint_text("Some copy.")
    assert result.diagnostics == []
    assert "rule t crashed" in result.errors[0] and "boom" in result.errors[0]


def test_a_fix_that_fails_to_build_keeps_the_finding(tmp_path):
    linter = linter_with(tmp_path, '''
    id = "t"
    def check(self, doc):
        def broken():
            raise ValueError("no fix")
        yield self.finding(0, 4, "flagged", broken)
''')
    [d] = linter.lint_text("Some copy.").diagnostics
    assert d.fix is None and d.message == "flagged"


def test_fixes_inside_quotations_are_dropped(tmp_path):
    linter = linter_with(tmp_path, '''
    id = "t"
    def check(self, doc):
        i = doc.text.index("teh")
        yield self.finding(i, i + 3, "typo", self.replace(i, i + 3, "the"))
''')
    [d] = linter.lint_text("He said: “teh end.”").diagnostics
    assert d.fix is None
    [d] = linter.lint_text("He said teh end.").diagnostics
    assert d.fix is not None


def test_fixes_that_never_converge_name_the_rule(tmp_path):
    linter = linter_with(tmp_path, '''
    id = "t"
    def check(self, doc):
        yield self.finding(0, 1, "grow", self.replace(0, 0, "x"))
''')
    with pytest.raises(ConvergenceError, match="rules still fixing: t"):
        linter.fix_source("abc")


def test_pick_fixes_left_to_right_without_overlap():
    def diag(s, e):
        return Diagnostic("r", Severity.WARNING, "m", s, e, Fix((Edit(s, e, "x"),)))
    chosen = pick_fixes([diag(5, 9), diag(0, 6), diag(9, 10), diag(12, 13)], {Applicability.SAFE})
    assert [(d.start, d.end) for d in chosen] == [(0, 6), (9, 10), (12, 13)]


def test_fix_edits_never_overlap():
    with pytest.raises(ValueError):
        Fix((Edit(0, 5, "a"), Edit(3, 6, "b")))


def test_suppression_markers(tmp_path):
    linter = Linter(Config(), select=["repeated-word", "unused-suppression", "missing-period"])
    text = ("The the mayor spoke.\n\n"
            "lintnews: disable-next-line=repeated-word\n"
            "The the council met.\n\n"
            "lintnews: disable=repeated-word\n"
            "The the police came.\n\n"
            "And and the army.\n"
            "lintnews: enable=repeated-word\n\n"
            "The the end.\n\n"
            "lintnews: disable=missing-period\n"
            "Nothing to silence here.\n")
    diags = linter.lint_text(text).diagnostics
    flagged = [(d.rule, text[d.start:d.end]) for d in diags]
    assert flagged == [("repeated-word", "The the"), ("repeated-word", "The the"),
                       ("unused-suppression", "lintnews: disable=missing-period")]
    assert diags[1].start == text.index("The the end")


def test_rules_folder_problems_are_clear(tmp_path):
    write_rule(tmp_path / "bad", "bad.py", "import nonexistent_module\n")
    with pytest.raises(RuleLoadError, match="bad.py: failed to load"):
        load_folder(tmp_path / "bad")
    write_rule(tmp_path / "bad2", "r.py", RULE_HEADER + '    id = "Not_Kebab"\n    def check(self, doc): return ()\n')
    with pytest.raises(RuleLoadError, match="not kebab-case"):
        Linter(Config(rules_folders=[tmp_path / "bad2"]))


def test_selection_by_category_and_ignore():
    ids = {r.id for r in Linter(Config(), select=["punctuation"]).rules}
    assert ids == {"quote-punctuation", "missing-period"}
    ids = {r.id for r in Linter(Config(), select=["ALL"], ignore=["punctuation"]).rules}
    assert "quote-punctuation" not in ids and "whitespace" in ids


def test_crlf_source_map_round_trip():
    fmt = FORMATS["text"]
    source = "One  two.\r\n\r\n\r\n\r\nThree.\r\n"
    linter = Linter(Config(), select=["whitespace"])
    result = linter.lint_source(source, fmt)
    spans = [source[d.start:d.end] for d in result.diagnostics]
    assert spans == ["  ", "\r\n\r\n\r\n\r\n"]
    fixed = linter.fix_source(source, fmt)
    assert fixed.source == "One two.\r\n\r\nThree.\r\n"


def test_document_model_basics():
    doc = Document("KYIV (Reuters) - Mr. Smith met U.S. officials. “We won,” he said.\n\nNext paragraph here.")
    assert doc.dateline.agency == "Reuters"
    assert [s.text for s in doc.sentences] == [
        "KYIV (Reuters) - Mr. Smith met U.S. officials.", "“We won,” he said.", "Next paragraph here."]
    assert len(doc.paragraphs) == 2
    assert doc.in_quote(doc.text.index("We"))
    assert not doc.in_quote(doc.text.index("he said"))
    assert "Smith" in doc.names
    tok = doc.token_at(doc.text.index("U.S."))
    assert tok.kind == "abbrev" and tok.text == "U.S."
    assert doc.line_col(doc.text.index("Next")) == (3, 1)


def test_large_files_are_linted_in_pieces_with_the_same_findings(monkeypatch):
    import lintnews.engine as engine
    from conftest import STORY
    # Rules that read one paragraph at a time (story-wide ones see a piece at a time).
    linter = Linter(Config(), select=["whitespace", "repeated-word", "quote-punctuation"])
    story = STORY * 40
    whole = linter.lint_source(story).diagnostics
    monkeypatch.setattr(engine, "CHUNK_CHARS", 1000)
    pieces = list(engine.split_chunks(story))
    assert len(pieces) > 5 and "".join(p for _, p in pieces) == story
    assert all(off == 0 or story[off - 2:off] == "\n\n" for off, _ in pieces)
    chunked = linter.lint_source(story).diagnostics
    assert [(d.rule, d.start, d.end) for d in chunked] == [(d.rule, d.start, d.end) for d in whole]
    fixed = linter.fix_source(story)
    monkeypatch.setattr(engine, "CHUNK_CHARS", 10_000_000)
    assert fixed.source == linter.fix_source(story).source


def test_rules_from_an_installed_package_entry_point(tmp_path, monkeypatch):
    """A third-party package declaring `lintnews.rules` is loaded like a rules folder."""
    import sys
    from importlib import metadata

    import lintnews.loader as loader

    pkg = tmp_path / "desk_rules_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(RULE_HEADER.replace("class R(Rule):", "class DeskRule(Rule):") + '''
    id = "desk-banned-word"
    def check(self, doc):
        i = doc.text.find("slated")
        if i >= 0:
            yield self.finding(i, i + 6, "the desk writes 'scheduled'")
''', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = metadata.EntryPoint(name="desk", value="desk_rules_pkg", group="lintnews.rules")
    monkeypatch.setattr(metadata, "entry_points", lambda group=None: [ep] if group == "lintnews.rules" else [])
    # The cheap scan that decides whether to ask importlib.metadata at all.
    assert not loader._entry_point_declared()
    dist = tmp_path / "desk_rules_pkg-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[lintnews.rules]\ndesk = desk_rules_pkg\n", encoding="utf-8")
    assert loader._entry_point_declared()
    loader._CACHE.clear()
    try:
        linter = Linter(Config(), select=["desk-banned-word"])
        [d] = linter.lint_text("The vote is slated for May.").diagnostics
        assert d.rule == "desk-banned-word"
    finally:
        loader._CACHE.clear()
        sys.modules.pop("desk_rules_pkg", None)
