"""misplaced-attribution: a pronoun attribution whose speaker is named nowhere near it,
or only in a verbless fragment after it."""
from __future__ import annotations

import bisect

import regex

from lintnews import Invalid, Rule, Severity, Valid
from lintnews.lazy import LazyPattern as _Lazy
from lintnews.document import TIMEOUT


# Words that open a sentence or a capitalised run without being part of a name.
_STOP = frozenset("""The A An In On At For But And Or If When While After Before As According Among
This That These Those His Her Their Its Our My Your It He She They We You I There Here Still Yet
So Then Also However Meanwhile Last Next Since Until During Under Over With Without From To Of By
Both Each Every All Some Many Most Several Former Late Then-President President Minister""".split())
# One-word sentences that are not names.
_NOT_NAMES = frozenset("""Yes No Indeed However Again Exactly Really Why What Nothing Nobody Never
Thanks Enough Still Perhaps Maybe Finally Meanwhile Instead Otherwise Absolutely Certainly Sure
Done Period Today Tomorrow Yesterday Now Then Later Also Too""".split())
# Lowercase words allowed inside a name-and-title fragment ("of the Center for…").
_FRAGMENT_GLUE = frozenset("""of the for and at in on from a an de del la las los da do dos das y e
van von der den bin al el with to 's ’s former senior chief deputy vice general foreign national
federal regional local state public private international""".split())
_AUX = frozenset("""is are was were be been being has have had will would can could should may might
must shall did does do said says told added wrote""".split())
_NAME = r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:(?:de|del|de la|da|dos|van|von|bin|al|y)\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*){0,5}"
NAME_RE = _Lazy(_NAME, regex.V1)
CAP_RUN = _Lazy(r"\p{Lu}[\p{Ll}\p{M}'’\-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’\-]+)+", regex.V1)
# A one-word subject with a past-tense verb: "Machado spoke to supporters."
SUBJECT_VERB = _Lazy(
    r"(?:^|(?<=[.!?”\"]\s))(?P<w>\p{Lu}[\p{Ll}\p{M}'’\-]+)\s+(?:\p{Ll}+ed|spoke|met|went|told|wrote|said|gave|took|"
    r"made|led|won|lost|left|came|ran|sent|saw|held|became|began|brought|thought|felt|kept|fought|"
    r"sought|stood|paid|sold|chose|broke|drove|did|has|had|is|was|will|would)\b",
    regex.V1 | regex.MULTILINE)
ATTR = _Lazy(r"(?<![\p{L}\p{N}'’])(?P<pron>[Hh]e|[Ss]he|[Tt]hey)\s+(?P<verb>\p{Ll}+)\b(?:\s+(?P<part>out|up)\b)?",
                     regex.V1)
PRONOUNS = _Lazy(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Hh]ers|[Hh]imself|[Hh]erself)\b", regex.V1)
WORD = _Lazy(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*", regex.V1)
TITLE = _Lazy(r"(?P<t>\b\p{Lu}\p{Ll}{1,4}\.)\s*\p{Lu}", regex.V1)
# "Petrova said" / "said Petrova": a name with an attribution verb.
NAME_VERB = _Lazy(
    r"\b(?P<n1>\p{Lu}[\p{Ll}\p{M}'’\-]+),?\s+(?P<v1>\p{Ll}+)\b|\b(?P<v2>\p{Ll}+)\s+\p{Lu}[\p{Ll}\p{M}]", regex.V1)
AGENCIES = frozenset("EFE AFP AP Reuters Xinhua dpa ANSA Bloomberg Anadolu Agencies Agencias".split())
# Patterns the checks used to pass to regex.search & co. by source (same flags).
SPACES = _Lazy(r"\s+")
TRAIL_STOP = _Lazy(r"\bthat\b|[,;:“”\"]")
QUOTE_BEFORE = _Lazy(r"[”\"]\s*,?\s*$")
FRAGMENT_REST = _Lazy(r"^(?:,\s|\s+(?:of|from|at|with|for|in)\s)")
FRAGMENT_WORD = _Lazy(r"[\p{L}\p{M}'’\-]+")
_NOT_BEFORE_PRONOUN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’")


def _squeeze(s: str) -> str:
    """SPACES.sub(" ", s), which leaves alone a string already spaced so."""
    return s if " ".join(s.split()) == s else SPACES.sub(" ", s, timeout=TIMEOUT)


def _trail_stop(s: str) -> bool:
    """Whether TRAIL_STOP finds something in ``s`` (its word only if "that" is there)."""
    return ("," in s or ";" in s or ":" in s or "“" in s or "”" in s or '"' in s
            or ("that" in s and TRAIL_STOP.search(s, timeout=TIMEOUT) is not None))


def _pronoun_hints(text: str, verbs) -> list[int]:
    """Offsets where ATTR can match with a verb of ``verbs``: "he", "she" or
    "they" (first letter in either case) not after an ASCII letter, digit or
    apostrophe, then spaces and one of the verbs (the pattern decides where a
    character that is not ASCII leaves it open)."""
    out = []
    n = len(text)
    find = text.find

    def ok(start, end):
        if start > 0 and text[start - 1] in _NOT_BEFORE_PRONOUN:
            return False
        k = end
        while k < n and text[k].isspace():
            k += 1
        j = k
        while j < n and "a" <= text[j] <= "z":
            j += 1
        return j < n and not text[j].isascii() or text[k:j] in verbs

    i = find("he")
    while i != -1:
        before = text[i - 1] if i else ""
        if before in ("t", "T"):  # "the", "they"
            if text[i + 2:i + 3] == "y" and text[i + 3:i + 4].isspace() and ok(i - 1, i + 3):
                out.append(i - 1)
        elif before in ("s", "S"):  # "she"
            if text[i + 2:i + 3].isspace() and ok(i - 1, i + 2):
                out.append(i - 1)
        elif before not in _NOT_BEFORE_PRONOUN:  # "he"
            if text[i + 2:i + 3].isspace() and ok(i, i + 2):
                out.append(i)
        i = find("he", i + 1)
    i = find("He")
    while i != -1:
        if i + 2 < n and text[i + 2].isspace() and ok(i, i + 2):
            out.append(i)
        i = find("He", i + 1)
    return out


# Characters surely neither a letter, a mark nor "-": WORD never holds them.
# The ASCII ones become spaces by a bytes translation (a str one is slow).
_ASCII_SEPARATORS = bytes(32 if c < 128 and not chr(c).isalpha() and c != 45 else c for c in range(256))
_OTHER_SEPARATORS = "“”‘’«»„—–…·•\u00a0\u202f"


def _words_lower(window: str) -> list[str]:
    """WORD.findall(window), lower-cased, read with str methods: the pattern
    runs only on a piece between separators that holds a character not ASCII."""
    s = window.lower()
    for c in _OTHER_SEPARATORS:
        if c in s:
            s = s.replace(c, " ")
    s = s.encode("utf-8", "surrogatepass").translate(_ASCII_SEPARATORS).decode("utf-8", "surrogatepass")
    if s.isascii() and "-" not in s:
        return s.split()
    out = []
    for p in s.split():
        if not p.isascii():
            out.extend(WORD.findall(p, timeout=TIMEOUT))
        elif "-" in p:
            # A hyphen joins two runs of letters; "--" joins nothing.
            out.extend(x for x in (y.strip("-") for y in p.split("--")) if x)
        else:
            out.append(p)
    return out


class MisplacedAttribution(Rule):
    id = "misplaced-attribution"
    category = "misplaced-attribution"
    severity = Severity.WARNING
    summary = "A pronoun attribution whose speaker is named only after it, or nowhere near it"
    doc = """
    ## What it catches
    - A pronoun attribution (`he wrote`, `she pointed out`, `they said`) at the
      end of a sentence, followed by a verbless fragment that is only a name,
      or a name with its title or organisation:
      `…could take a decade, she wrote last week in a report. Ingrid Solberg of
      the Nordic Institute for Maritime Studies.`
    - A `he`/`she` attribution with no one for the pronoun to refer to: no
      name, title, role (`the minister`, `an epidemiologist`) or earlier
      pronoun in its paragraph before it or in the paragraph above, including
      a speaker who is introduced only later in the story.

    ## Why
    Spanish puts the speaker after the verb (`escribió la semana pasada en un
    informe Ingrid Solberg, del…`) and drops the subject pronoun; machine translation
    fills in `he` and strands the name in a sentence of its own. The reader
    cannot tell who is speaking.

    ## Example
    `…could take a decade, she wrote last week in a report. Ingrid Solberg of the Nordic Institute for Maritime Studies.`
    → `…could take a decade, Ingrid Solberg of the Nordic Institute for Maritime Studies wrote last week in a report.`

    ## Options
    `window` (default 1): how many paragraphs above the attribution may name
    the speaker; `quote-window` (default 3): the same when the attribution
    closes a direct quotation, which wire copy often carries across a
    paragraph of context.

    ## Data
    Attribution verbs, person nouns and titles, place prefixes and
    organisation words come from the `attribution` pack.

    ## Fix safety
    Unsafe: when the name follows in a fragment, the fix moves it into the
    attribution in place of the pronoun; the wording may still need an
    editor's hand. A pronoun with no antecedent gets no fix: only the editor
    knows who spoke.
    """
    # How many paragraphs above a pronoun attribution may name its speaker
    # (more when the attribution closes a direct quotation).
    options = {"window": 1, "quote-window": 3}
    examples = [
        Valid("Prime Minister Henrik Dahl spoke on Monday.\n\nThe measures include tax cuts.\n\n"
              "\u201cNo family will be forgotten,\u201d he said.\n"),
        Valid("Mayor Ana Ruiz spoke on Monday. The bridge will reopen in May, she said.\n"),
        Valid("Mayor Nadia Petrova spoke on Friday.\n\nNight buses will return in May.\n\n"
              "Petrova announced the new timetable.\n\n"
              "\u201cThanks to the drivers,\u201d she said. \u201cWe made it.\u201d\n"),
        Valid("The minister met unions on Monday.\n\nThe plan will cost $3 million, he said.\n"),
        Valid("The plan will cost $3 million, Ana Ruiz of the Finance Ministry said. Ruiz spoke in Lima.\n"),
        Valid("\u201cI will not resign,\u201d Gov. Ruslan Kravchenko said. He added that talks continue.\n"),
        Valid("The talks failed, the ministry said. Officials blamed the opposition.\n"),
        Valid("Deputy Prime Minister Piotr Zielinski visited Gdansk.\n\nThe ports handled 6 million tons.\n\n"
              "Zielinski wrote on X that ports were open. Coal was most of the cargo, he said.\n"),
        Valid("An epidemiologist at the ministry warned of a bad season. Cases will rise, she said.\n"),
        Valid("The vote was delayed. Police said they arrested two people. Yes.\n"),
        Valid("President Elena Varga visited Debrecen.\n\nVarga met the mayor.\n\nThe city needs trains, she said.\n"),
        Valid("Opposition leader María Machado spoke to supporters.\n\n\u201cWe will win,\u201d she said. \u201cThe country is with us.\u201d "
              "She then left the rally.\n"),
        Valid("The company said prices would rise. They said nothing about jobs, unions noted.\n"),
        Invalid("Repairs could take a decade, she wrote last week in a report. "
                "Ingrid Solberg of the Nordic Institute for Maritime Studies.\n",
                fixed="Repairs could take a decade, Ingrid Solberg of the Nordic Institute "
                      "for Maritime Studies wrote last week in a report.\n", unsafe=True,
                flagged="she wrote last week in a report. Ingrid Solberg of the Nordic Institute "
                        "for Maritime Studies."),
        Invalid("Hoffmann met dockworkers on Monday.\n\nThe strike ended without a deal, he noted in his "
                "weekly address. Hoffmann.\n",
                fixed="Hoffmann met dockworkers on Monday.\n\nThe strike ended without a deal, Hoffmann noted "
                      "in his weekly address.\n", unsafe=True),
        Invalid("The airline will return to profit by 2027, she pointed out at the forum. "
                "Carmen Ibarra Solís.\n",
                fixed="The airline will return to profit by 2027, Carmen Ibarra Solís pointed out at the "
                      "forum.\n", unsafe=True),
        Invalid("Prices will keep rising, they warned. The Central Bank of Chile.\n",
                fixed="Prices will keep rising, the Central Bank of Chile warned.\n", unsafe=True),
        Invalid("Exports fell 4%, she said on Tuesday. Marta Gómez, an economist at the central bank.\n",
                fixed="Exports fell 4%, Marta Gómez, an economist at the central bank, said on Tuesday.\n",
                unsafe=True),
        Invalid("The regions are Umbria and Marche.\n\nThe last season was milder, he explained.\n",
                fixed=None, flagged="he explained"),
        Invalid("Inflation slowed to 3% in March, she said.\n\nThe central bank held rates.\n", fixed=None),
        Invalid("The storm hit the coast on Monday.\n\nThe damage is enormous, he affirmed. Roads are closed.\n",
                fixed=None, flagged="he affirmed"),
        Invalid("Prices rose in Lima and Cusco.\n\nHe said the government would act soon.\n", fixed=None,
                flagged="He said"),
        Invalid("Rains flooded the valley.\n\nThe river rose two meters overnight, she told reporters.\n",
                fixed=None),
        Invalid("Prices fell, he wrote. Roberto Díaz.\n", fixed="Prices fell, Roberto Díaz wrote.\n",
                unsafe=True),
    ]

    def _data(self):
        pack = self.pack("attribution")
        cached = getattr(type(self), "_compiled", None)
        if cached is not None and cached[0] is pack:
            return cached[1]
        # Word lists are matched by set lookups on generic patterns: compiling
        # a long alternation costs more than the whole check.
        verbs = {_squeeze(v.lower()) for v in pack.get("said-verbs", [])}
        d = {
            "verbs": frozenset(verbs),
            "verb1": frozenset(v.split()[0] for v in verbs),
            "nouns": frozenset(n.lower() for n in pack.get("person-nouns", []) if " " not in n),
            "titles": frozenset(pack.get("titles", [])),
            "places": frozenset(pack.get("place-prefixes", [])),
            "orgs": frozenset(pack.get("org-words", [])),
            "things": frozenset(pack.get("not-persons", [])),
        }
        d["nouns_sigma"] = any("σ" in n or "ς" in n for n in d["nouns"])
        type(self)._compiled = (pack, d)
        return d

    def _attributions(self, doc, start, end, d):
        """(pronoun start, verb end, pronoun, verb) of each "<pronoun> <said-verb>"."""
        for m in ATTR.finditer(doc.text, start, end, timeout=TIMEOUT):
            verb = m["verb"]
            if m["part"] and f"{verb} {m['part']}" in d["verbs"]:
                yield m.start("pron"), m.end("part"), m["pron"], f"{verb} {m['part']}"
            elif verb in d["verbs"]:
                yield m.start("pron"), m.end("verb"), m["pron"], verb

    # -- who could a pronoun refer to ------------------------------------------------
    def _has_person(self, doc, window: str, d) -> bool:
        # Any one test is enough: the cheap ones, and those that answer most
        # often, come first.
        if PRONOUNS.search(window, timeout=TIMEOUT):
            return True
        places, orgs = d["places"], d["orgs"]
        for m in CAP_RUN.finditer(window, timeout=TIMEOUT):
            words = m.group().split()
            while words and words[0] in _STOP:
                words.pop(0)
            if len(words) < 2 or words[0] in places:
                continue
            if not orgs.isdisjoint(words):
                continue
            return True
        if d["nouns_sigma"]:  # lower-casing a whole window may change a final sigma
            if not d["nouns"].isdisjoint(map(str.lower, WORD.findall(window, timeout=TIMEOUT))):
                return True
        elif not d["nouns"].isdisjoint(_words_lower(window)):
            return True
        for m in TITLE.finditer(window, timeout=TIMEOUT):
            if m["t"] in d["titles"]:
                return True
        for m in SUBJECT_VERB.finditer(window, timeout=TIMEOUT):
            w = m["w"]
            # A surname used alone: the story names it away from a sentence start too.
            if w in doc.names and w not in _STOP and w not in d["orgs"] and w not in d["things"] \
                    and w not in AGENCIES:
                return True
        for m in NAME_VERB.finditer(window, timeout=TIMEOUT):
            if m["v1"] is not None:
                # A capitalised word before the verb is a name only if the story
                # also writes it capitalised away from a sentence start.
                if m["v1"] in d["verb1"] and m["n1"] in doc.names and m["n1"] not in _STOP \
                        and m["n1"] not in d["orgs"] and m["n1"] not in d["things"]:
                    return True
            elif m["v2"] in d["verb1"]:
                return True
        return False

    # -- a sentence that is only a name, with its title or organisation ---------------
    def _fragment_name(self, doc, sent, d) -> str | None:
        t = sent.text.rstrip()
        if not t.endswith(".") or t.endswith(".."):
            return None
        body = t[:-1].strip()
        words = body.split()
        if not words or len(words) > 16:
            return None
        m = NAME_RE.match(body, timeout=TIMEOUT)
        if not m:
            return None
        name_words = m.group().split()
        if name_words[0] in _STOP - {"The"} or name_words[0] in AGENCIES or name_words[0] in _NOT_NAMES:
            return None
        rest = body[m.end():]
        if rest and not FRAGMENT_REST.match(rest, timeout=TIMEOUT):
            return None
        for w in FRAGMENT_WORD.findall(rest, timeout=TIMEOUT):
            if w[:1].isupper():
                continue
            lw = w.lower()
            if lw in _AUX or lw in d["verb1"]:
                return None
            if lw not in _FRAGMENT_GLUE and lw not in d["nouns"] and not lw.endswith(("ist", "er", "or", "ian", "ant", "ent")):
                # An adjective or a common noun of a title ("senior fellow", "central bank")
                # is fine; a word that reads as a verb ending in -ed is not.
                if lw.endswith("ed") or lw.endswith("ing"):
                    return None
        if len(name_words) == 1 and not rest:
            # A one-word fragment must be a name the story uses elsewhere.
            if doc.text.count(name_words[0]) < 2:
                return None
        return body

    def check(self, doc):
        d = self._data()
        text = doc.text
        sentences = doc.sentences
        paragraphs = doc.paragraphs
        # Only sentences holding a pronoun where ATTR can match are read.
        starts = [x.start for x in sentences]
        candidates = set()
        for h in _pronoun_hints(text, d["verb1"]):
            k = bisect.bisect_right(starts, h) - 1
            if k >= 0 and h < sentences[k].end:
                candidates.add(k)
        for i in sorted(candidates):
            sent = sentences[i]
            for ps, ve, pron, verb in self._attributions(doc, sent.start, sent.end, d):
                if doc.in_quote(ps, ve):
                    continue
                # The trailing form: ", he wrote days ago in an analysis." then a name fragment.
                nxt = sentences[i + 1] if i + 1 < len(sentences) else None
                tail = text[ve:sent.end]
                before = text[sent.start:ps].rstrip()
                trailing = (pron.islower() and before.endswith((",", "—", "–", "”", "\""))
                            and tail.rstrip().endswith(".")
                            and not _trail_stop(tail.rstrip()[:-1])
                            and len(tail.split()) <= 10)
                if trailing and nxt is not None and nxt.paragraph == sent.paragraph:
                    name = self._fragment_name(doc, nxt, d)
                    if name:
                        period = sent.start + len(sent.text.rstrip()) - 1
                        subject = name
                        if subject.startswith("The "):
                            subject = "the" + subject[3:]
                        if "," in subject:
                            subject += ","  # close the appositive: "Name, an economist,"
                        repl = subject + text[ps + len(pron):period] + "."
                        yield self.finding(
                            ps, nxt.start + len(nxt.text.rstrip()),
                            f"the speaker of \"{pron} {verb}\" is named only in the fragment after it",
                            self.replace(ps, nxt.start + len(nxt.text.rstrip()), repl,
                                         f"move \"{name}\" into the attribution", safe=False))
                        continue
                if pron.lower() == "they":
                    continue
                para = paragraphs[sent.paragraph]
                window = text[para.start:ps]
                # A quotation keeps its speaker across a paragraph of context
                # ("Dahl said… / The measures… / “…,” he said."): look further back.
                quoted = QUOTE_BEFORE.search(text[sent.start:ps], timeout=TIMEOUT) is not None
                back = self.opts["quote-window"] if quoted else self.opts["window"]
                for k in range(max(0, sent.paragraph - back), sent.paragraph):
                    window = paragraphs[k].text + "\n" + window
                if self._has_person(doc, window, d):
                    continue
                yield self.finding(ps, ve, f"\"{pron} {verb}\": no one named nearby for "
                                           f"\"{pron}\" to refer to; name the speaker")
