"""pronoun-gender on whole stories written for these tests: clean copy must
raise nothing; the Spanish-dropped-pronoun errors must be found."""
import pytest

from lintnews import lint_text

CLEAN = [
    # Two people of different genders in one sentence.
    "MEXICO CITY (AP) — President Claudia Sheinbaum, who succeeded Andrés Manuel López Obrador, "
    "said he had left her a strong economy.\n",
    # Surname-only people the story never names in full.
    "Messi scored twice on Sunday. Afterwards Alexia Putellas said he was the best player she had seen.\n",
    "Lula praised Dilma Rousseff on Monday and said his government would honor her legacy.\n",
    # A person noun the pronoun may point to.
    "Xóchitl Gálvez criticized the president on Monday. He responded at his morning news conference.\n",
    "Prosecutors charged Maria Lopez's son with fraud. He denied the charges, his lawyer said.\n",
    "Ana Botín, Santander's chairwoman, said her predecessor had built the bank. He died in 2014.\n",
    # A male speaker quoted after a woman is mentioned as an object.
    "Pedro Sánchez met Ursula von der Leyen in Brussels. Sánchez said he expected a deal by June.\n",
    # New paragraph, new subject.
    "Delcy Rodríguez announced the plan on Monday.\n\n"
    "Jorge Rodríguez, her brother and the speaker of the National Assembly, said he backed it.\n",
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
    "Gustavo Petro and his foreign minister, Laura Sarabia, flew to Madrid, where he met the king.\n",
]

FLAGGED = [
    ("BOGOTÁ (EFE) — The foreign minister, Laura Sarabia, said that he would travel to Caracas.\n", "he", "she"),
    ("Claudia Sheinbaum spoke at the National Palace. \u201cWe will not yield,\u201d he said.\n", "he", "she"),
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
