"""pronoun-gender on whole stories written for these tests: clean copy must
raise nothing; the Spanish-dropped-pronoun errors must be found."""
import pytest

from lintnews import lint_text

CLEAN = [
    # The man the pronoun means was named in the paragraph before.
    "Congress removed President Marcelo Ibarra on Wednesday.\n\n"
    "Vice President Teresa Solano said he had tried to shut down the electoral court.\n",
    # Two people of different genders in one sentence.
    "QUITO, Ecuador (AP) — President Sofía Quiroga, who succeeded Martín Ugarte Paz, "
    "said he had left her a strong economy.\n",
    # Surname-only people the story never names in full.
    "Haaland scored twice on Sunday. Afterwards Alexia Putellas said he was the best player she had seen.\n",
    "Lula praised Dilma Rousseff on Monday and said his government would honor her legacy.\n",
    # A person noun the pronoun may point to.
    "Xóchitl Gálvez criticized the president on Monday. He responded at his morning news conference.\n",
    "Prosecutors charged Maria Lopez's son with fraud. He denied the charges, his lawyer said.\n",
    "Ana Botín, Santander's chairwoman, said her predecessor had built the bank. He died in 2014.\n",
    # A male speaker quoted after a woman is mentioned as an object.
    "Olaf Scholz met Ursula von der Leyen in Brussels. Scholz said he expected a deal by June.\n",
    # New paragraph, new subject.
    "Lucía Ferrán announced the plan on Monday.\n\n"
    "Mateo Ferrán, her brother and the speaker of the National Assembly, said he backed it.\n",
    # Pronouns inside quotations are the speaker's own.
    "\u201cHe never listened to us,\u201d said Carmen Aristegui of the former president.\n",
    # Ambiguous first names.
    "Kim Jong Un inspected a missile base, state media said. He was accompanied by his daughter.\n",
    "Andrea Bocelli sang at the ceremony, and he was joined by his son Matteo.\n",
    # A place named like a woman.
    "Victoria Falls drew record crowds, said Tourism Minister Walter Mzembi. He called it a boom.\n",
    "Santa Maria officials said the mayor, Rosa Díaz, had resigned. Her deputy said he would serve.\n",
    # A story that refers to a woman by title and a man by surname.
    "Ms. Warren questioned Powell for two hours. He said rates would stay high.\n",
    # Cataphora.
    "Maria Corina Machado thanked her supporters. In his statement on Monday, Edmundo González "
    "said he would return.\n",
    "Ricardo Mena and his foreign minister, Laura Quintero, flew to Madrid, where he met the king.\n",
]

# Whole stories with many people of both genders.
STORIES = [
'Valdés vetoes pension bill, Arancibia defends move\n\nSANTIAGO (Reuters) - President Héctor Valdés vetoed a pension increase on Friday, and Interior Minister Silvia Arancibia said the government would not back down.\n\nArancibia, a former senator, told reporters that she had spoken with Valdés and that he was "calm and determined." She said his economic team expected inflation to fall further.\n\nOpposition lawmaker Verónica Lagos called the veto "cruel" and said she would push for an override. Her colleague Ignacio del Solar said he agreed.\n\nMaría Teresa Ossandón de Riquelme, the former president, posted on X that Valdés had "abandoned retirees." Her son, Tomás Riquelme, said in a radio interview that he would vote against the government.\n\nFinance Minister Rodrigo Peña said the veto protected the fiscal surplus. He added that his ministry would publish new figures next week. Daniela Valdés, the president\'s sister and chief of staff, did not comment, but aides said she had met him twice on Thursday.\n\nThe IMF\'s Kristalina Georgieva praised Peña last month, saying he had made "impressive progress." Asked about Georgieva, Valdés said she was "a friend of Chile."\n',
'Real Madrid beat Barcelona as Bonmatí shines for women\'s side\n\nMADRID (AP) — Kylian Mbappé scored twice as Real Madrid beat Barcelona 2-1 on Sunday, and coach Carlo Ancelotti said he was proud of his players.\n\nIn the women\'s game, Aitana Bonmatí set up both goals for Barcelona. Her coach, Pere Romeu, said she was "the best player in the world" and that he hoped she would stay.\n\nQueen Letizia attended the match with King Felipe VI. He presented the trophy, and she greeted the players.\n\nJennifer Hermoso, who now plays in Mexico, said in an interview that Luis Rubiales had apologized to her. A judge fined him last year. Rubiales said his lawyers would appeal.\n\nGov. Kathy Hochul of New York met Mayor Eric Adams on Monday. Adams said he and Hochul agreed on the budget, and she said his office would release details.\n\nSen. Bernie Sanders and Rep. Alexandria Ocasio-Cortez rallied in Denver. Sanders told the crowd he was not done fighting, and Ocasio-Cortez said she would campaign for him.\n\nDr. Anthony Fauci, the former director, testified. Sen. Rand Paul questioned him for an hour, then said he would refer Fauci to the Justice Department.\n',
]

FLAGGED = [
    ("BOGOTÁ (EFE) — The foreign minister, Laura Sarabia, said that he would travel to Caracas.\n", "he", "she"),
    ("Sofía Quiroga spoke at the presidential palace. \u201cWe will not yield,\u201d he said.\n", "he", "she"),
    ("The opposition leader, María Corina Machado, said the vote was taken from his party.\n", "his", "her"),
    ("Senator Patricia Bullrich said that he would present the bill himself.\n", "he", "she"),
    ("Mrs. Fernández said that he has no plans to run.\n", "he", "she"),
    ("Former President Michelle Bachelet said that he was worried about the reform.\n", "he", "she"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_copy_raises_nothing(text):
    found = [d for d in _diags(text)]
    assert not found, [(text[d.start:d.end], d.message) for d in found]


@pytest.mark.parametrize("text, word, fixed", FLAGGED)
def test_contradicting_pronoun_is_found(text, word, fixed):
    found = _diags(text)
    assert found, text
    d = found[0]
    assert text[d.start:d.end] == word
    assert d.fix is not None and d.fix.edits[0].replacement == fixed


def _diags(text):
    return [d for d in lint_text(text, select=["pronoun-gender"]) if d.rule == "pronoun-gender"]


@pytest.mark.parametrize("text", STORIES)
def test_clean_stories_raise_nothing(text):
    found = _diags(text)
    assert not found, [(text[d.start:d.end], d.message) for d in found]


def test_her_before_a_noun_becomes_his():
    text = "Jorge Ruiz won easily. Voters backed her plan for the port.\n"
    d = _diags(text)[0]
    assert d.fix.edits[0].replacement == "his"


def test_names_lookup():
    from lintnews.names_gender import gender_of
    assert gender_of("Inés") == "f" and gender_of("Andrés") == "m"
    assert gender_of("Kim") == "a" and gender_of("Arancibia") is None
