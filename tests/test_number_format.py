"""number-format on passages written for these tests: wire-style figures must
raise nothing; Spanish conventions must be found and fixed as an editor would."""
import pytest

from lintnews import fix_text, lint_text

CLEAN = [
    "About 1,500 people marched on Sunday, 3.5% more than last year, police said.\n",
    "The peso closed at 20.80 per dollar; exports reached US$11.6 billion and prices rose 130,000%.\n",
    "Alcaraz won 6-4, 6-3. Real Madrid beat Getafe 2-1, and the winner came at 7:36 p.m.\n",
    "The city of 7.7 million sweltered at 40 degrees Celsius (104 degrees Fahrenheit).\n",
    "The reform passed with 87 of the 130 lawmakers. Fifty-five voted against it.\n",
    "The 10-year yield rose to 4.250% and output reached 1.625 million barrels per day.\n",
    "The first results were expected at 1600 GMT, or 16:30 GMT at the latest.\n",
    "Psalm 23:4 was read at the funeral on Oct. 10, 2024, in Lima.\n",
    "Decree 1.234 and Article 1.100 of the code took effect in March 2023.\n",
    "The marathon was won in 2:05:30; she ran the last mile in 4:35 minutes.\n",
    "The company will open 3 of October's 10 new stores, it said on Tuesday, Nov. 5.\n",
    "Inflation was 0.5% in May and 12.25% over 12 months; rates stand at 9.25%.\n",
    "The government owes $1.2 billion (1.1 billion euros) to 2,300 suppliers.\n",
    "It was the 1,000th day of the war; 192.168.1.1 is not a number we check.\n",
]

FIXED = [
    ("The bank cut its rate to 9,5 % on Thursday.\n", "The bank cut its rate to 9.5% on Thursday.\n"),
    ("Some 1.500 people were evacuated.\n", "Some 1,500 people were evacuated.\n"),
    ("The plan will cost 16,8 billion pesos.\n", "The plan will cost 16.8 billion pesos.\n"),
    ("The dollar sold at 20,6295 pesos.\n", "The dollar sold at 20.6295 pesos.\n"),
    ("Unemployment fell to 35 % in the region.\n", "Unemployment fell to 35% in the region.\n"),
    ("A ticket costs $ 27.\n", "A ticket costs $27.\n"),
    ("The deficit reached US$ 2.500 million.\n", "The deficit reached US$2.5 billion.\n"),
    ("Exports were 7.250 million euros.\n", "Exports were 7.25 billion euros.\n"),
    ("The loss was 12,400 million pesos.\n", "The loss was 12.4 billion pesos.\n"),
    ("Its debt is 105.300 million dollars.\n", "Its debt is $105.3 billion.\n"),
    ("It will cost $ 3.000 million pesos.\n", "It will cost 3 billion pesos.\n"),
    ("The census counted 2.345.678 residents.\n", "The census counted 2,345,678 residents.\n"),
    ("The polls open on 7 of June.\n", "The polls open on June 7.\n"),
    ("She was born on 3 of December of 1961.\n", "She was born on Dec. 3, 1961.\n"),
    ("The term ends in January of 2027.\n", "The term ends in January 2027.\n"),
]

UNSAFE = [
    ("The vote ends at 18:00 hours.\n", "The vote ends at 6 p.m.\n"),
    ("Trading resumed at 14:30 local time.\n", "Trading resumed at 2:30 p.m. local time.\n"),
    ("The curfew runs from 22:00 to 05:00 hours.\n", "The curfew runs from 10 p.m. to 5 a.m.\n"),
    ("The march starts at 12:00 hours.\n", "The march starts at noon.\n"),
]


def _diags(text, **kw):
    return [d for d in lint_text(text, select=["number-format"], **kw) if d.rule == "number-format"]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_figures_raise_nothing(text):
    found = _diags(text)
    assert not found, [(text[d.start:d.end], d.message) for d in found]


@pytest.mark.parametrize("text, fixed", FIXED)
def test_spanish_figures_are_fixed_safely(text, fixed):
    assert _diags(text)
    out, left = fix_text(text, select=["number-format"])
    assert out == fixed
    assert not [d for d in left if d.rule == "number-format"]


@pytest.mark.parametrize("text, fixed", UNSAFE)
def test_times_are_unsafe_fixes(text, fixed):
    assert _diags(text)
    out, _ = fix_text(text, select=["number-format"])
    assert out == text  # not applied by a plain --fix
    out, _ = fix_text(text, select=["number-format"], unsafe=True)
    assert out == fixed


def test_billon_is_flagged_without_fix():
    text = "The debt reached 1,2 billones de pesos.\n"
    found = _diags(text)
    assert found and found[0].fix is None


def test_24_hour_house_style_leaves_times_alone(tmp_path):
    style = tmp_path / "desk.toml"
    style.write_text('extends = "reuters"\nclock = "24-hour"\ndate-order = "day-month"\n')
    text = "Polls close at 18:00 on 7 of June.\n"
    found = _diags(text, style=str(style))
    assert [text[d.start:d.end] for d in found] == ["7 of June"]
    out, _ = fix_text(text, select=["number-format"], style=str(style))
    assert out == "Polls close at 18:00 on 7 June.\n"
