"""caption-leftover on whole stories: furniture goes, datelines, bylines and credits stay."""
from lintnews import fix_text, lint_text

STORY = (
    "Peso slides as investors weigh new tax plan\n"
    "\n"
    "MEXICO CITY (EFE) — The peso fell 1% against the dollar on Tuesday.\n"
    "\n"
    "Traders at a currency exchange in Mexico City, in a file image. EFE/Ana López\n"
    "\n"
    "The finance ministry said the plan would raise revenue.\n"
    "\n"
    "READ ALSO: “We will not raise taxes,” says minister\n"
    "\n"
    "Analysts said the central bank could act in December.\n"
    "\n"
    "EFE\n"
)


def test_story_keeps_dateline_and_credit_and_drops_furniture():
    found = lint_text(STORY, select=["caption-leftover"])
    flagged = [STORY[d.start:d.end] for d in found]
    assert flagged == [
        "Traders at a currency exchange in Mexico City, in a file image. EFE/Ana López",
        "READ ALSO: “We will not raise taxes,” says minister",
    ]
    fixed, left = fix_text(STORY, select=["caption-leftover"], unsafe=True)
    assert fixed == (
        "Peso slides as investors weigh new tax plan\n\n"
        "MEXICO CITY (EFE) — The peso fell 1% against the dollar on Tuesday.\n\n"
        "The finance ministry said the plan would raise revenue.\n\n"
        "Analysts said the central bank could act in December.\n\n"
        "EFE\n"
    )
    assert not left


def test_safe_fix_alone_changes_nothing():
    fixed, left = fix_text(STORY, select=["caption-leftover"])
    assert fixed == STORY
    assert len(left) == 2


def test_crlf_story():
    text = STORY.replace("\n", "\r\n")
    fixed, _ = fix_text(text, select=["caption-leftover"], unsafe=True)
    assert "file image" not in fixed and "READ ALSO" not in fixed
    assert fixed.count("\r\n") == fixed.count("\n")


def test_credit_glued_to_a_long_paragraph_is_cut_alone():
    body = ("The ministry said the new plan would raise revenue by cutting exemptions for large companies, "
            "closing loopholes used by wealthy taxpayers and raising fees on imported luxury goods, while "
            "leaving the rates paid by most households unchanged for at least two more years, officials said "
            "in Mexico City.Getty Images\n")
    found = lint_text(body, select=["caption-leftover"])
    assert [body[d.start:d.end] for d in found] == ["Getty Images"]
    fixed, _ = fix_text(body, select=["caption-leftover"], unsafe=True)
    assert fixed.endswith("officials said in Mexico City.\n")


def test_wire_furniture_that_stays():
    text = (
        "KYIV (Reuters) -Russia launched drones at Kyiv overnight, officials said.\n\n"
        "(CNN) -- A second wave followed at dawn.\n\n"
        "By JOSEPH WILSON and CIARÁN GILES / Associated Press\n\n"
        "(Reporting by Marek Novak; Editing by Clara Hughes)\n\n"
        "Some information in this report comes from The Associated Press.\n\n"
        "With information from AFP.\n\n"
        "–Agencies\n"
    )
    assert lint_text(text, select=["caption-leftover"]) == []
