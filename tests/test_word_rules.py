"""fused-word, spanish-leftover and spelling beyond their embedded examples:
fix safety, house style, and a clean story that must raise nothing."""
from lintnews import Applicability, lint_text

WORD_RULES = ["fused-word", "spanish-leftover", "spelling"]

CLEAN = """Storm floods southern towns as talks on budget stall

LIMA, Peru (AP) — Heavy rain flooded towns in southern Peru on Tuesday, officials said, and
President Teresa Solano flew to Arequipa to meet the regional governor, Rohel Sánchez.

The organisers of a music festival in Viña del Mar, Chile, postponed it, and the Cuero y Salado
reserve in Honduras closed its trails. Residents of La Paz, El Alto and Santa Cruz de la Sierra
were told to stay home. El País and la Liga's clubs sent donations.

“No vamos a rendirnos,” a fisherman in Mollendo told reporters, using the Spanish phrase for
“we will not give up.” The y-axis of the agency's chart shows rainfall; Generation Y farmers were
hit hardest, it said.

The U.S. Embassy pledged $2.5 million. Peru's central bank kept its rate at 5.75%, and the sol
firmed 0.3% to 3.71 per dollar. The F-16 deal with Lockheed Martin and the A320neo orders from
LATAM were not affected, the iPhone maker's supplier said, according to a statement posted on
www.example.com and by @ReutersLatam.

José Ortega y Gasset's essays were read at the ceremony in Juan de la Cruz square, where Charles
de Gaulle once spoke. Junts per Catalunya sent a message.
"""


def _diags(text, **kw):
    return [d for d in lint_text(text, select=WORD_RULES, **kw)]


def test_clean_story_raises_nothing():
    found = _diags(CLEAN)
    assert not found, [(d.rule, CLEAN[d.start:d.end]) for d in found]


def test_fused_word_fix_safety():
    text = ("Henrik Lindqvist, Sweden's trade minister (AP)\n\n"
            "Henrik Lindqcalled his counterpart. The canalwhich flooded was old.\n")
    by_word = {text[d.start:d.end]: d for d in _diags(text) if d.rule == "fused-word"}
    assert by_word["Lindqcalled"].fix.applicability == Applicability.UNSAFE
    assert by_word["Lindqcalled"].fix.edits[0].replacement == "Lindqvist called"
    assert by_word["canalwhich"].fix.applicability == Applicability.SAFE
    assert by_word["canalwhich"].fix.edits[0].replacement == "canal, which"


def test_fused_word_never_splits_guarded_tokens():
    text = ("Write to press@canalwhich.org or visit canalwhich.com, follow #theKremlin and "
            "@Ukraineand. The A320neo, F16 and 5G tests went well. NATOand EUROPOL met.\n")
    assert not [d for d in _diags(text) if d.rule == "fused-word"]


def test_spelling_is_never_safe():
    text = "The goverment said the decision was definately final.\n"
    found = [d for d in _diags(text) if d.rule == "spelling"]
    assert len(found) == 2
    assert all(d.fix.applicability == Applicability.UNSAFE for d in found)


def test_spanish_us_form_follows_the_story_and_the_option():
    text = "US officials and US banks agreed. Exports to EE.UU. fell.\n"
    (d,) = [d for d in _diags(text) if d.rule == "spanish-leftover"]
    assert d.fix.edits[0].replacement == "US"
    text = "US banks agreed on exports to EE.UU. The peso rose.\n"
    (d,) = [d for d in _diags(text) if d.rule == "spanish-leftover"]
    assert d.fix.edits[0].replacement == "US."  # the full stop also ends the sentence
    text2 = "Exports to EE.UU. fell in May.\n"
    (d2,) = [d for d in _diags(text2) if d.rule == "spanish-leftover"]
    assert d2.fix.edits[0].replacement == "U.S."
    assert d2.fix.applicability == Applicability.SAFE


def test_spanish_y_between_lowercase_words_is_unsafe():
    (d,) = [d for d in _diags("Prices y wages rose.\n") if d.rule == "spanish-leftover"]
    assert d.fix.applicability == Applicability.UNSAFE


def test_quoted_spanish_is_left_alone():
    text = "The crowd chanted “el pueblo y la patria” según the organizers.\n"
    found = [text[d.start:d.end] for d in _diags(text)]
    assert found == ["según"]
