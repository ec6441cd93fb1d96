"""The Python API: lint_text / fix_text return what the command line reports."""
from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

import lintnews
from lintnews import fix_text, lint_text
from lintnews.api import diagnostics_to_dicts, get_linter
from lintnews.config import Config, ConfigError
from lintnews.formats import FormatError

RULES = ["whitespace", "repeated-word", "quote-punctuation", "missing-period"]
STORY = ("MADRID (AP) — The council met on Monday.\n\n"
         "The mayor said the the budget would pass  this week, aides said.\n\n\n\n"
         "“We will house every family.”, he added.\n\n"
         "Officials said the vote would be held before the end of the month\n")


def test_lint_text_matches_the_cli_json_report():
    ds = lint_text(STORY, select=RULES)
    cli = subprocess.run([sys.executable, "-m", "lintnews", "--format", "json", "--select", ",".join(RULES), "-"],
                         input=STORY, capture_output=True, text=True, encoding="utf-8")
    report = json.loads(cli.stdout)["files"][0]["diagnostics"]
    assert diagnostics_to_dicts(STORY, ds) == report
    assert [d["rule"] for d in report] == ["repeated-word", "whitespace", "whitespace", "quote-punctuation",
                                           "missing-period"]


def test_fix_text_applies_safe_fixes_and_reports_what_is_left():
    fixed, left = fix_text(STORY, select=RULES)
    assert fixed == ("MADRID (AP) — The council met on Monday.\n\n"
                     "The mayor said the budget would pass this week, aides said.\n\n"
                     "“We will house every family,” he added.\n\n"
                     "Officials said the vote would be held before the end of the month.\n")
    assert left == []
    assert fix_text(fixed, select=RULES) == (fixed, [])


def test_formats_by_name_and_by_filename():
    html = "<p>The storm hit the the coast.</p>"
    by_name = lint_text(html, format="html", select=["repeated-word"])
    by_file = lint_text(html, format=None, filename="story.html", select=["repeated-word"])
    assert by_name == by_file and html[by_name[0].start:by_name[0].end] == "the the"


def test_errors():
    with pytest.raises(ValueError, match="unknown input format"):
        lint_text("x", format="docx")
    with pytest.raises(ConfigError, match="unknown rule"):
        lint_text("x", select=["no-such-rule"])
    with pytest.raises(FormatError):
        lint_text("{", format="ninjs")


def test_linter_is_cached_per_settings_and_config_is_honoured():
    assert get_linter(select=RULES) is get_linter(select=RULES)
    assert get_linter(select=RULES) is not get_linter(select=["whitespace"])
    cfg = Config(ignore=["repeated-word"])
    assert [d.rule for d in lint_text("The the storm hit.\n", config=cfg, select=RULES)] == []


def test_threads_get_the_same_answer():
    expected = lint_text(STORY, select=RULES)
    results = []

    def work():
        results.append(lint_text(STORY, select=RULES))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 8


def test_exported_from_package():
    assert lintnews.lint_text is lint_text and lintnews.fix_text is fix_text
    assert lint_text.__doc__ and fix_text.__doc__
