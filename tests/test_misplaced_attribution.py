"""misplaced-attribution on whole stories."""
from lintnews import fix_text, lint_text
from lintnews.config import Config

STORY = (
    "Energy Minister Ana Ruiz said on Monday that output would recover.\n\n"
    "The state oil company cut production by 5% in the second quarter.\n\n"
    "“We will return to 1.8 million barrels a day,” she said.\n\n"
    "Debt fell to its lowest level since 2016, she pointed out in the conference. Ana Ruiz.\n\n"
    "Suppliers complained of late payments.\n\n"
    "Prices will keep falling, he warned.\n"
)


def test_story():
    found = lint_text(STORY, select=["misplaced-attribution"])
    flagged = [STORY[d.start:d.end] for d in found]
    assert flagged == ["she pointed out in the conference. Ana Ruiz.", "he warned"]
    fixed, left = fix_text(STORY, select=["misplaced-attribution"], unsafe=True)
    assert "since 2016, Ana Ruiz pointed out in the conference.\n" in fixed
    assert [fixed[d.start:d.end] for d in left] == ["he warned"]  # no fix: only an editor knows who spoke


def test_window_options():
    text = ("Energy Minister Ana Ruiz spoke on Monday.\n\n"
            "The company cut output.\n\n"
            "Debt fell to its lowest level since 2016, she said.\n")
    assert lint_text(text, select=["misplaced-attribution"])
    cfg = Config(rule_settings={"misplaced-attribution": {"window": 2}})
    assert not lint_text(text, select=["misplaced-attribution"], config=cfg)


def test_quote_in_translated_copy_is_not_touched():
    text = "Officials met.\n\n“The damage is enormous, he said. Pedro.”\n"
    assert not lint_text(text, select=["misplaced-attribution"])
