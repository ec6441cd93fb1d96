"""misplaced-attribution on whole stories."""
from lintnews import fix_text, lint_text
from lintnews.config import Config

STORY = (
    "Transport Minister Ana Ruiz said on Monday that ridership would recover.\n\n"
    "The state rail company cut services by 5% in the second quarter.\n\n"
    "“We will return to 900 trains a day,” she said.\n\n"
    "Losses narrowed to their smallest since 2019, she noted at the forum. Ana Ruiz.\n\n"
    "Unions complained of late wages.\n\n"
    "Fares will keep rising, he warned.\n"
)


def test_story():
    found = lint_text(STORY, select=["misplaced-attribution"])
    flagged = [STORY[d.start:d.end] for d in found]
    assert flagged == ["she noted at the forum. Ana Ruiz.", "he warned"]
    fixed, left = fix_text(STORY, select=["misplaced-attribution"], unsafe=True)
    assert "since 2019, Ana Ruiz noted at the forum.\n" in fixed
    assert [fixed[d.start:d.end] for d in left] == ["he warned"]  # no fix: only an editor knows who spoke


def test_window_options():
    text = ("Transport Minister Ana Ruiz spoke on Monday.\n\n"
            "The company cut services.\n\n"
            "Losses narrowed to their smallest since 2019, she said.\n")
    assert lint_text(text, select=["misplaced-attribution"])
    cfg = Config(rule_settings={"misplaced-attribution": {"window": 2}})
    assert not lint_text(text, select=["misplaced-attribution"], config=cfg)


def test_quote_in_translated_copy_is_not_touched():
    text = "Officials met.\n\n“The damage is enormous, he said. Pedro.”\n"
    assert not lint_text(text, select=["misplaced-attribution"])
