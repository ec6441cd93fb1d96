"""spelling: a misspelled common word ("goverment", "allso")."""
from __future__ import annotations

from lintnews import Applicability, Fix, Invalid, Rule, Severity, Valid

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# Word-building affixes: "reposted" is re+posted, "livestreamed" livestream+ed, not typos.
_PREFIXES = ("re", "pre", "de", "dis", "mis", "non", "co", "over", "under", "out",
             "anti", "post", "sub", "inter", "multi", "counter", "cyber", "micro", "mega",
             "super", "self", "ex", "semi", "bio", "geo", "eco", "tele", "auto", "narco")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ism", "ist", "ists",
             "ation", "ations", "ize", "ized", "izes", "ise", "ised", "able", "ful", "less")


def _derived(word: str, en) -> bool:
    """A prefix or suffix added to a word the lexicon knows."""
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 4 and en.known(word[len(p):]):
            return True
    for sfx in _SUFFIXES:
        if word.endswith(sfx) and len(word) - len(sfx) >= 4:
            base = word[:-len(sfx)]
            if en.known(base) or en.known(base + "e") or (len(base) > 4 and base[-1] == base[-2]
                                                            and en.known(base[:-1])):
                return True
    return False


def _british_pair(word: str, candidate: str) -> bool:
    """True when ``word`` is the British spelling of ``candidate`` (one edit apart):
    organisers/organizers, colour/color, travelled/traveled, defences/defenses,
    centre/center, analyse/analyze."""
    if len(word) == len(candidate):
        diff = [i for i, (a, b) in enumerate(zip(word, candidate)) if a != b]
        if len(diff) == 1:
            i = diff[0]
            if word[i] == "s" and candidate[i] == "z":
                return True
            if word[i] == "c" and candidate[i] == "s" and word[i + 1:i + 2] == "e":
                return True
        if len(diff) == 2 and diff[1] == diff[0] + 1 and word.endswith(("re", "res", "red")):
            i = diff[0]
            return word[i:i + 2] == "re" and candidate[i:i + 2] == "er"
        return False
    if len(word) == len(candidate) + 1:
        for i in range(len(word)):
            if word[:i] + word[i + 1:] == candidate:
                if word[i] == "u" and word[i - 1:i] == "o" and word[i + 1:i + 2] == "r":
                    return True   # colour, honour, labour
                if (word[i] == "l" and word[i - 1:i] == "l"
                        and word[i + 1:].startswith(("ed", "ing", "er", "or"))):
                    return True   # travelled, cancelled, modelling
                if word[i] in "ae" and word[i - 1:i] in ("a", "o"):
                    return True   # paediatric, manoeuvre
                if word[i] == "e" and word.endswith(("ement", "ements")) and word[i + 1:i + 2] == "m":
                    return True   # judgement, acknowledgement
        return False
    return False


class Spelling(Rule):
    id = "spelling"
    category = "spelling"
    severity = Severity.WARNING
    summary = "A misspelled common word (\"goverment\", \"allso\")"
    doc = """
    ## What it catches
    A lower-case word that pyspellchecker's English frequency list does not
    know and that is one edit (a letter added, dropped, changed or two letters
    swapped) from a common English word that is clearly the best candidate:
    `goverment` → `government`, `allso` → `also`, `recieved` → `received`.

    ## Why
    Translation engines and hurried edits leave typos that a reader notices at
    once. An ordinary spell checker also "corrects" names, Spanish words and
    British spellings into nonsense; this rule does not.

    ## Not flagged
    Proper nouns and any capitalised word, words in capitals, words the story
    uses as names (`kyiv` when the story also writes `Kyiv` is place-case's
    business), words inside direct quotations, the desk's accepted words,
    Spanish words, British spellings (`organisers`, `colour`, `travelled`,
    `defences`, `centre`), hyphenated compounds, words with digits, words the
    story uses three times or more (a term, not a slip), current words the
    frequency list lacks (the `lexicon` pack: `livestream`, `admin`), and unknown words
    with no clear correction (new compounds, jargon).

    ## Example
    `the state goverment renewed the permit` → suggests `government`.

    ## Fix safety
    Never safe: the suggestion is offered as an unsafe fix (applied only with
    `--unsafe-fixes`), and only when one candidate is far more frequent than
    any other. Options: `min_length` (shortest word checked, 5),
    `dominance` (how many times more frequent the best candidate must be than
    the next, 20).
    """
    examples = [
        Valid("The government said it would also review the license.\n"),
        Valid("Volodymyr Zelenskyy met Dmytro Lubinets in Kyiv.\n"),
        Valid("The organisers said the colour of the centre travelled well, despite the defences.\n"),
        Valid("\u201cThe goverment lies,\u201d the banner read.\n"),
        Valid("NATO and the OSCE sent observers to Zaporizhzhia.\n"),
        Valid("The police seized huachicol and a narcocorrido album.\n"),
        Valid("Viewers followed the livestream of the counteroffensive.\n"),
        Valid("The kyiv office moved after the Kyiv attack.\n"),
        Valid("The F16 and the A320neo use 5G links at 10km.\n"),
        Valid("A well-knwon-style slogan was painted on the wall.\n"),
        Valid("The admin posted an ebook and a livestream link.\n"),
        Valid("Police seized a meth lab; the mayor reposted the video.\n"),
        Valid("The zorbing craze, zorbing fans say, beats zorbing alone.\n"),
        Valid("Goverment Street in the old town was closed.\n"),
        Invalid("The state goverment renewed the permit.\n",
                fixed="The state government renewed the permit.\n", unsafe=True,
                flagged="goverment"),
        Invalid("The concert was allso her last show.\n",
                fixed="The concert was also her last show.\n", unsafe=True),
        Invalid("The ministry recieved the report on Monday.\n",
                fixed="The ministry received the report on Monday.\n", unsafe=True),
        Invalid("Officials said the decision was definately final.\n",
                fixed="Officials said the decision was definitely final.\n", unsafe=True),
        Invalid("The goverment did not comment.\n", fixed=None),
        Invalid("Police arrested the suspect untill dawn.\n",
                fixed="Police arrested the suspect until dawn.\n", unsafe=True),
        Invalid("The bill passed wihtout debate.\n",
                fixed="The bill passed without debate.\n", unsafe=True),
        Invalid("The report was publised on Friday.\n",
                fixed="The report was published on Friday.\n", unsafe=True),
        Invalid("They met in a neighbouring country's capitol where the plan was agreed accross parties.\n",
                fixed="They met in a neighbouring country's capitol where the plan was agreed across parties.\n",
                unsafe=True),
        Invalid("The goverment's plan was rejected.\n",
                fixed="The government's plan was rejected.\n", unsafe=True),
    ]
    options = {"min_length": 5, "dominance": 20, "min_zipf": 3.0}

    @staticmethod
    def _ranked(word, en):
        """Known words one edit away, weighted: a swap of two neighbours ("recieved")
        is the commonest slip of the keyboard, so it counts ten times."""
        out = []
        for cand, freq in en.edits1_known(word):
            if cand[:1] != word[:1]:
                continue  # the first letter of a typo is nearly always right ("ebook" is not "book")
            swapped = (len(cand) == len(word) and sorted(cand) == sorted(word)
                       and sum(a != b for a, b in zip(cand, word)) == 2)
            out.append((cand, freq * 10 if swapped else freq))
        out.sort(key=lambda x: (-x[1], x[0]))
        return out

    def check(self, doc):
        from lintnews import lexicon
        min_len = int(self.opts["min_length"])
        dominance = float(self.opts["dominance"])
        min_zipf = float(self.opts["min_zipf"])
        lex = []  # english, spanish, the story's names: loaded for the first candidate
        extra = frozenset(self.pack("lexicon").get("english-extra", []))

        def verdict(token_text):
            """(word, best spelling) when the token is a misspelling, else None.
            It depends on the token's letters alone (and the story), so it is
            decided once per distinct token."""
            word = token_text
            for suffix in ("'s", "’s"):
                if word.endswith(suffix):
                    word = word[:-2]
            if not min_len <= len(word) <= lexicon.MAX_WORD or not word.islower() or not set(word) <= _LETTERS:
                return None
            if not lex:
                lex.extend((lexicon.english(), lexicon.spanish(), lexicon.story_names(doc)))
            en, es, story = lex
            if (en.known(word) or es.known(word) or word in extra or self.is_accepted(word)
                    or _derived(word, en)):
                return None
            if word.capitalize() in story.names or story.count[token_text] >= 3:
                return None
            cands = self._ranked(word, en)
            if not cands:
                return None
            best, fb = cands[0]
            second = cands[1][1] if len(cands) > 1 else 0
            if en.zipf(best) < min_zipf or (second and fb < dominance * second):
                return None
            if any(_british_pair(word, c) for c, _ in cands[:3]):
                return None
            return word, best

        verdicts: dict[str, tuple | None] = {}
        for t in doc.tokens:
            if t.kind != "word":
                continue
            try:
                v = verdicts[t.text]
            except KeyError:
                v = verdicts[t.text] = verdict(t.text)
            if v is None or doc.in_quote(t.start, t.end):
                continue
            word, best = v
            end = t.start + len(word)
            yield self.finding(
                t.start, end, f"\"{word}\" looks misspelled; did you mean \"{best}\"?",
                Fix.replace(t.start, end, best, f"write \"{best}\"", Applicability.UNSAFE))
