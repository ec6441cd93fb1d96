"""Every pattern runs with a time limit, so no input can make a rule
backtrack without bound; and a pattern that times out costs that rule's
findings on that text, never the run."""
import ast
import time
from pathlib import Path


from conftest import ROOT
from lintnews.config import Config
from lintnews.engine import Linter

MATCHING = {"finditer", "search", "match", "fullmatch", "sub", "subn", "findall"}


def regex_calls_without_timeout(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in MATCHING
                and not any(k.arg == "timeout" for k in node.keywords)
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "fnmatch", "PurePath"))):
            yield f"{path.relative_to(ROOT)}:{node.lineno}: .{node.func.attr}() without timeout="


def test_every_regex_call_in_engine_and_rules_has_a_timeout():
    problems = []
    for folder in ("lintnews", "rules"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            problems.extend(regex_calls_without_timeout(path))
    assert not problems, "\n".join(problems)


def literal_patterns_compiled_in_place(path: Path):
    """regex.compile("…") or regex.match("…", …) with a pattern written in the
    code: it belongs in a LazyPattern, compiled on first use and kept in the
    machine's regex cache. (A pattern built from data at run time is fine.)"""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "regex"
                and node.func.attr in MATCHING | {"compile", "split"}
                and node.args and isinstance(node.args[0], ast.Constant)):
            yield f"{path.relative_to(ROOT)}:{node.lineno}: regex.{node.func.attr}() of a literal pattern"


def test_literal_patterns_are_lazy_and_cached():
    problems = []
    for folder in ("lintnews", "rules"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            problems.extend(literal_patterns_compiled_in_place(path))
    assert not problems, "\n".join(problems)


def test_a_pattern_that_times_out_costs_the_rule_not_the_run(tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "slow.py").write_text('''
import regex
from lintnews import Rule, Valid, Invalid
CATASTROPHIC = regex.compile(r"(?:a|aa)+$")
class Slow(Rule):
    id = "slow"
    category = "test"
    summary = "catastrophic backtracking"
    doc = "## What it catches\\nnothing\\n## Fix safety\\nnone"
    examples = [Valid("b"), Invalid("a")]
    def check(self, doc):
        for m in CATASTROPHIC.finditer(doc.text, timeout=0.2):
            yield self.finding(m.start(), m.end(), "a")
''', encoding="utf-8")
    linter = Linter(Config(rules_folders=[tmp_path / "r"]), select=["slow", "repeated-word"])
    text = "The the " + "a" * 80 + "!"  # built to backtrack exponentially
    t = time.monotonic()
    result = linter.lint_text(text)
    assert time.monotonic() - t < 30  # bounded: without the timeout this runs for ages
    assert any("slow crashed" in e and "TimeoutError" in e for e in result.errors)
    assert [d.rule for d in result.diagnostics] == ["repeated-word"]


def test_builtin_rules_on_inputs_built_to_backtrack():
    linter = Linter(Config(), select=["ALL"])
    nasty = [
        "a" * 20000,
        ("word " * 5000).strip(),
        "“" * 3000 + "”" * 3000,
        ("U.S." * 3000),
        ".” ," * 4000,
        "\n \n" * 5000,
        ("Juan de la " * 2000) + "Cruz",
        "http://" + "a." * 5000,
        ("x@" * 3000) + "y",
        ("1,5" * 3000),
    ]
    for text in nasty:
        result = linter.lint_text(text)
        assert not result.errors, result.errors
