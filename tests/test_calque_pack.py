"""The calques pack: every entry is well formed, documented, catches its own
example, and the stored trigger words are current; clean wire copy raises nothing."""
from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

from lintnews.document import Document

from lintnews import fix_text, lint_text

ROOT = Path(__file__).resolve().parent.parent
PACK = tomllib.loads((ROOT / "rules" / "packs" / "calques.toml").read_text(encoding="utf-8"))
ENTRIES = PACK["calque"]


def _calque_module():
    spec = importlib.util.spec_from_file_location("calque_rule_for_tests", ROOT / "rules" / "calque.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ids_are_unique_and_sources_known():
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))
    for e in ENTRIES:
        for key in ("match", "spanish", "prefer", "source", "example"):
            assert e.get(key), f"{e['id']}: no {key}"
        for src in e["source"].split():
            assert src in PACK["sources"], f"{e['id']}: unknown source {src!r}"
        assert "→" in e["example"], f"{e['id']}: example lacks 'wrong → right'"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_entry_catches_its_example(entry):
    mod = _calque_module()
    compiled = mod.Entry(entry)
    wrong, right = (part.strip() for part in entry["example"].split("→"))
    assert compiled.may_match(Document(wrong)), f"trigger words {compiled.triggers} miss the example"
    m = compiled.regex.search(wrong)
    assert m, f"{entry['id']}: pattern does not match its own example"
    # The preferred English of the example is not flagged by the same entry.
    assert not compiled.regex.search(right), f"{entry['id']}: matches the corrected example too"
    found = lint_text(wrong + "\n", select=["calque"])
    assert found, f"{entry['id']}: the rule raises nothing on its example"


def test_trigger_words_are_current():
    spec = importlib.util.spec_from_file_location("calque_triggers", ROOT / "tools" / "calque_triggers.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    text = (ROOT / "rules" / "packs" / "calques.toml").read_text(encoding="utf-8")
    assert tool.rewrite(text) == text, "run tools/calque_triggers.py"


def test_fix_applies_and_resolves():
    text = ("The head of US diplomacy assured this Tuesday that the alliance counts with new members, "
            "in the framework of the talks.\n")
    fixed, left = fix_text(text, select=["calque"], unsafe=True)
    assert fixed == ("The top U.S. diplomat said on Tuesday that the alliance has new members, "
                     "as part of the talks.\n")
    assert not left


# Sentences in the manner of professionally edited wire copy (written for
# these tests) that contain the look-alikes of calques.
CLEAN = [
    "Defense Secretary Helen Marsh assured them of both U.S. funding and patience.",
    "The Andean country has had seven presidents since 2016, analysts said.",
    "The South American nation holds elections in April.",
    "The pact was signed within the framework of the United Nations charter.",
    "Insurers are assured of payment, the ministry said on Tuesday.",
    "The head of the Copeco emergency management agency toured the coast.",
    "The head of the regional fire service said a school was damaged.",
    "The country's new head of state took office on Sunday after a runoff.",
    "The company said it counted on government support.",
    "The deficit amounts to 3% of gross domestic product.",
    "Estonia's parliament on Monday elected navy chief Peeter Rand as president.",
    "The vote is scheduled for Oct. 10, 2026, officials said.",
    "“We will meet this Monday,” she said.",
    "The minister said on Monday that the plan would cost $3 million.",
    "She said she had asked President Marta Lindqvist to back a relief fund for farmers.",
    "The Jewish state's allies urged restraint.",
    "Juvenile delinquency fell last year, police said.",
    "The balance of power in Congress shifted after the vote.",
    "Rescue workers searched the building through the night.",
    "The prime minister met the heads of government of the European Union.",
    "Voters will decide in the next few days, she told reporters.",
    "A security operative who worked for the embassy was arrested.",
    "The number of dead in the landslide reached nine, the civil defense agency said.",
    "Protesters gathered on Tuesday afternoon outside the Congress building.",
    "Fishing accounts for about 6% of Iceland's exports, according to the Food and Fisheries Ministry.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_sentence_raises_nothing(sentence):
    found = lint_text(sentence + "\n", select=["calque"])
    assert not found, [sentence[d.start:d.end] + ": " + d.message for d in found]
