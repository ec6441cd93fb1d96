"""pronoun-gender: a he/she that contradicts the person the story is talking about."""
from __future__ import annotations

import bisect

from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from lintnews import Invalid, Rule, Severity, Valid
from lintnews.names_gender import FEMALE, MALE, fold, gender_of

PRONOUNS = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}
SWAP = {"he": "she", "him": "her", "his": "her", "himself": "herself",
        "she": "he", "hers": "his", "herself": "himself"}
PARTICLES = {"de", "del", "la", "las", "los", "y", "van", "von", "der", "da", "dos", "das", "di", "le", "bin", "al", "el"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "another", "whose", "one"}
# Capitalised words that open sentences without naming anyone.
STARTERS = set("""however meanwhile afterwards afterward later earlier officials police analysts critics
authorities residents experts prosecutors investigators witnesses supporters opponents many several
both neither each other others there here what when where why how who which despite although though
because since until during under over among according asked speaking last next first second third
finally still yet also then now today yesterday tomorrow instead thus therefore moreover furthermore
nevertheless nonetheless such one two three four five some most few all any no none every once
while if unless whether after before as so but and or nor for to in on at by with without from
about against between into through across around its their his her our your my we they you it
she he i this that these those an a the lawmakers voters students workers families doctors
teachers farmers troops soldiers rescuers firefighters protesters demonstrators members leaders
ministers governments companies markets prices shares investors traders economists scientists
researchers data figures results reports images videos photos sources diplomats""".split())
PLACE_PREPOSITIONS = {"the", "of", "in", "at", "from", "to", "into", "on", "for", "by", "via", "across",
                      "near", "outside", "inside", "throughout", "toward", "towards", "around", "a", "an",
                      "its", "their", "our", "his", "her"}
COPULAS = {"is", "was", "be", "been", "being", "becomes", "became", "become", "remains", "remained",
           "as", "named", "elected", "appointed", "sworn"}
# After "her": a word that shows it is an object ("told her the plan", "saw her in").
OBJECT_FOLLOWERS = {
    "the", "a", "an", "this", "that", "these", "those", "to", "in", "on", "at", "for", "from", "with",
    "by", "of", "as", "and", "or", "but", "if", "when", "while", "after", "before", "about", "into",
    "over", "under", "again", "too", "also", "not", "no", "up", "down", "out", "off", "back", "away",
    "there", "here", "then", "now", "yesterday", "today", "last", "next", "because", "until", "since",
    "during", "without", "against", "through", "some", "any", "all", "more", "most", "so", "than",
    "who", "which", "what", "how", "why", "where", "his", "her", "their", "its", "my", "our", "your",
}
# Verbs that take two objects: "gave her money" could be "gave him money" or
# "gave his money": no fix offered.
DITRANSITIVE = {"give", "gave", "given", "gives", "giving", "tell", "told", "tells", "show", "showed",
                "shown", "send", "sent", "offer", "offered", "hand", "handed", "ask", "asked", "pay",
                "paid", "promise", "promised", "owe", "owed", "lend", "lent", "grant", "granted",
                "bring", "brought", "buy", "bought", "find", "found", "call", "called", "make",
                "made", "leave", "left", "let", "deny", "denied", "award", "awarded", "win", "won",
                "cost", "earn", "earned", "teach", "taught", "wish", "wished", "get", "got"}


@dataclass
class Mention:
    start: int
    end: int
    gender: str | None          # f, m, a (either) or None (unknown)
    kind: str                   # name | title | surname | speaker | noun | pronoun
    key: str = ""               # the person it names (surname key) when known
    votes: dict = field(default_factory=dict)


_POSSESSIVE = ("’s", "'s", "’", "'")
_GAPS = frozenset((" ", ". ", "\u00a0"))
_KIND = itemgetter(3)
_START = attrgetter("start")
_END = attrgetter("end")


def _bare(word: str) -> str:
    if not word.endswith(_POSSESSIVE):
        return word
    for suffix in _POSSESSIVE:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _scan(doc, L) -> tuple[list[str], list[int]]:
    """The lower-case text of every token, and the indices of those that may be
    a pronoun or a person noun: one pass over the tokens serves both."""
    def scan():
        lows = [t.lower for t in doc.tokens]
        wanted = L["wanted"]
        return lows, [i for i, w in enumerate(lows) if w in wanted]
    return doc.memo("pronoun-gender/scan", scan)


def _apposition(between: str) -> bool:
    """True for the text between a name and a noun in ``Name, Org's chairwoman``
    or ``Name, former director of``: one comma, no sentence end, a few words."""
    between = between.strip()
    return (between.startswith(",") and between.count(",") == 1 and not any(c in between for c in ".;:!?")
            and len(between.split()) <= 5)


def _key(word: str) -> str:
    """A surname's lookup key: no possessive, no accents (Ordóñez = Ordonez)."""
    return fold(_bare(word))


class PronounGender(Rule):
    id = "pronoun-gender"
    category = "mistranslation"
    severity = Severity.WARNING
    summary = "A he/she that contradicts the person the story names: `Claudia Sheinbaum … he said`"
    doc = """
    ## What it catches
    A third-person pronoun whose only possible referent is a person of the
    other gender: `Health Minister Rosa Elvira Paredes said that he is
    ready to talk`, `the minister, María Corina Machado, … his party`. The rule
    tracks who the story names:

    - full names, whose first name has a clear gender in the names data
      (`packs/names-gender.txt`, about 43,000 clearly female or male first
      names and 11,000 used by both, from the nomquamgender data set, which
      pools 36 national and international sources);
    - gendered titles and nouns (`Ms.`, `Mrs.`, `Sen.` marks a person,
      `Queen`, `congresswoman`, `ministra`, `his wife`: `packs/titles.toml`);
    - later references by surname alone (`Montes`), resolved through the
      full name anywhere in the story;
    - the pronouns the story already used for a person it names only by
      surname: `Arancibia … her record … she said` makes `he` a contradiction.

    ## Why
    Spanish drops subject pronouns (`dijo que no renunciará`), so machine
    translation has to guess one and usually guesses `he`. It is the commonest
    single mistranslation in translated wire copy.

    ## When it stays quiet
    Only clear evidence is used. No finding when the sentence (or, if it names
    nobody before the pronoun, the one before it) also names a person of the
    pronoun's gender, a person whose gender is unknown (a surname alone, an
    ambiguous first name such as `Andrea` or `Kim`, an organisation that
    "said"), or a person noun (`the former president`, `her lawyer`); when the
    pronoun's gender was already used there for someone; inside quotations.

    ## Example
    `Inés Carrasco, the fisheries minister, said that he will publish the data.` →
    `… said that she will publish the data.`

    ## Fix safety
    Unsafe: he→she, him/his→her, himself→herself and back. `her` becomes
    `his` before a noun and `him` elsewhere; after a verb with two objects
    (`gave her money`) no fix is offered.
    """
    examples = [
        Valid("Valeria Montes said she would visit Washington.\n"),
        Valid("Tomás Herrera called Valeria Montes on Monday, and he said the talks went well.\n"),
        Valid("Montes met Herrera on Monday. She said he had promised support.\n"),
        Valid("María Corina Machado said her predecessor had done his best.\n"),
        Valid("Andrea Rossi, the company's founder, said he would step down.\n"),
        Valid("Paulina Aguirre thanked the minister, who said he would resign.\n"),
        Valid("Irene Castaño spoke after her brother. \u201cHe is right,\u201d she said.\n"),
        Valid("Ms. Lopez and Mr. Kim met on Friday. He said the deal was close.\n"),
        Valid("Julieta Vidal said the plan was weak. Her husband, a doctor, said he agreed.\n"),
        Valid("Aerolíneas Andinas said it would pay. Marta Elena Quiroga said the company was stable.\n"),
        Valid("Ruben Ordonez took office on Friday. Ordóñez said his priority was crime.\n"),
        Valid("Parliament removed President Héctor Valdés.\n\nSilvia Arancibia said he had broken the law.\n"),
        Valid("Lucía Benavides, the president's sister, said she had met him twice.\n"),
        Invalid("Health Minister Rosa Elvira Paredes said that he is ready to talk to the nurses.\n",
                fixed="Health Minister Rosa Elvira Paredes said that she is ready to talk to the nurses.\n",
                unsafe=True, flagged="he"),
        Invalid("The minister, María Corina Machado, said the vote was stolen from his party.\n",
                fixed="The minister, María Corina Machado, said the vote was stolen from her party.\n",
                unsafe=True, flagged="his"),
        Invalid("Valeria Montes spoke at the palace. \u201cWe will win,\u201d he said.\n",
                fixed="Valeria Montes spoke at the palace. \u201cWe will win,\u201d she said.\n",
                unsafe=True),
        Invalid("The Minister of Fisheries, Inés Carrasco, said that he will publish the catch data soon.\n",
                fixed="The Minister of Fisheries, Inés Carrasco, said that she will publish the catch data soon.\n",
                unsafe=True),
        Invalid("Silvia Arancibia left office.\n\nArancibia said she was proud of her record "
                "and that he had never sought favors for her family.\n",
                fixed="Silvia Arancibia left office.\n\nArancibia said she was proud of her record "
                      "and that she had never sought favors for her family.\n", unsafe=True),
        Invalid("Ms. Ortiz said the court had ruled against himself.\n",
                fixed="Ms. Ortiz said the court had ruled against herself.\n", unsafe=True),
        Invalid("President Tomás Herrera said that she would sign the law.\n",
                fixed="President Tomás Herrera said that he would sign the law.\n", unsafe=True),
        Invalid("Jorge Ruiz thanked the voters. The court then gave her immunity.\n",
                fixed=None, unsafe=True, flagged="her"),
        Invalid("Jorge Ruiz won easily. Voters backed her plan for the port.\n",
                fixed="Jorge Ruiz won easily. Voters backed his plan for the port.\n", unsafe=True),
        Invalid("Mr. Ortega was cheered as the crowd greeted her at the airport.\n",
                fixed="Mr. Ortega was cheered as the crowd greeted him at the airport.\n", unsafe=True),
        Invalid("Chief Justice Graciela Ibáñez spoke.\n\nIbáñez, whose term ends in June, said that "
                "he will not step aside.\n",
                fixed="Chief Justice Graciela Ibáñez spoke.\n\nIbáñez, whose term ends in June, said that "
                      "she will not step aside.\n", unsafe=True),
    ]

    # -- data -----------------------------------------------------------------------
    def _lists(self):
        pack = self.pack("titles")
        cached = getattr(type(self), "_compiled", None)
        if cached is not None and cached[0] is pack:
            return cached[1]
        low = lambda k: {w.lower() for w in pack.get(k, [])}  # noqa: E731
        L = {
            "ftitle": low("female-titles"), "mtitle": low("male-titles"), "ntitle": low("neutral-titles"),
            "fnoun": low("female-nouns"), "mnoun": low("male-nouns"), "pnoun": low("person-nouns"),
            "stop": low("not-first-names"), "place": low("place-heads"), "said": low("said-verbs"),
            "titles": low("neutral-titles") | low("female-titles") | low("male-titles"),
        }
        L["relational"] = L["pnoun"] | L["fnoun"] | L["mnoun"]
        L["stop_not_particles"] = L["stop"] - PARTICLES
        # Every lower-case token a person noun can be, possessive or not: one set
        # lookup per token instead of stripping every token.
        L["noun_forms"] = frozenset(w + s for w in L["relational"] for s in ("",) + _POSSESSIVE)
        L["wanted"] = L["noun_forms"] | PRONOUNS.keys()
        type(self)._compiled = (pack, L)
        return L

    # -- analysis -------------------------------------------------------------------
    def _mentions(self, doc, L):
        """People the story names, in text order, with what is known of their gender."""
        all_toks = doc.tokens
        kinds = set(map(_KIND, all_toks))
        if kinds <= {"word", "abbrev"}:
            toks = all_toks
            lows, hits = _scan(doc, L)
        else:
            toks = [t for t in all_toks if t.kind in ("word", "abbrev")]
            lows = [t.text.lower() for t in toks]
            hits = range(len(toks))
        n = len(toks)
        text = doc.text
        in_quote = doc.in_quote
        ftitle, mtitle, ntitle = L["ftitle"], L["mtitle"], L["ntitle"]
        titles, stop, place, said = L["titles"], L["stop"], L["place"], L["said"]
        fnoun, mnoun, pnoun = L["fnoun"], L["mnoun"], L["pnoun"]
        stop_np = L["stop_not_particles"]
        used = set()
        surnames: dict[str, str | None] = {}
        # Only capitalised tokens can start a name or a title: the loops below
        # visit those alone (every other token only ever hit a `continue`).
        caps = [i for i, t in enumerate(toks) if t[0][0].isupper()]
        capw = {i for i in caps if toks[i][3] == "word"}
        cap = capw.__contains__

        def adjacent(i, j):
            """toks[j] follows toks[i] with only a space (or a title's full stop) between."""
            return text[toks[i][2]:toks[j][1]] in _GAPS

        def title_word(i):
            return lows[i].rstrip(".")

        # Whether a token is in a quotation is asked only of a token about to
        # become a mention: for every other one the answer changed nothing.
        mentions1: list[Mention] = []
        # Both branches need a capitalised word (or a particle) right after.
        given: dict[str, str | None] = {}
        starters = [i for i in caps if i + 1 in capw or (i + 1 < n and toks[i + 1][0] in PARTICLES)]
        for i in starters:
            if i in used:
                continue
            t = toks[i]
            low = lows[i].rstrip(".")
            # A title before a name.
            if low in titles and cap(i + 1) and adjacent(i, i + 1):
                j = i + 1
                while j < n and title_word(j) in titles and cap(j + 1) \
                        and adjacent(j, j + 1):
                    j += 1
                if not cap(j) or title_word(j) in titles:
                    continue
                g = FEMALE if low in ftitle else MALE if low in mtitle else None
                k = j
                names = [j]
                while cap(k + 1) and adjacent(k, k + 1) and title_word(k + 1) not in place:
                    k += 1
                    names.append(k)
                if title_word(j) in place:
                    continue
                if in_quote(t.start, t.end):
                    continue
                first = gender_of(_bare(toks[j].text)) if len(names) > 1 else None
                if g is None and first in (FEMALE, MALE) and _bare(toks[j].text).lower() not in stop:
                    g = first
                elif g is None and first == "a":
                    g = "a"
                sur = [toks[x].text for x in names[1:]] if len(names) > 1 and first else \
                      [toks[x].text for x in names]
                for s in sur:
                    key = _key(s)
                    surnames[key] = g if surnames.get(key, g) == g else "a"
                used.update(range(i, k + 1))
                mentions1.append(Mention(toks[j].start, toks[k].end, g, "title", _key(toks[k].text)))
                continue
            # A first name followed by a surname.
            if i not in capw:
                continue
            # Whether the word can be a first name at all, once per spelling.
            g = given.get(t.text, "")
            if g == "":
                bare = _bare(t.text)
                g = given[t.text] = None if (len(bare) > 1 and bare.isupper()) or bare.lower() in stop \
                    else gender_of(bare)
            if g is None:
                continue
            starts_name = (cap(i + 1) and adjacent(i, i + 1)) or (
                i + 2 < n and toks[i + 1].text in PARTICLES and cap(i + 2) and adjacent(i, i + 1)
                and adjacent(i + 1, i + 2))
            if not starts_name:
                continue
            bare = _bare(t.text)
            if i > 0 and title_word(i - 1) in stop and cap(i - 1) and adjacent(i - 1, i) \
                    and title_word(i - 1) not in {"and", "the"}:
                continue  # "Santa Maria", "New Victoria"
            k = i
            names = [i]
            while k + 1 < n and adjacent(k, k + 1) and (cap(k + 1) or (
                    toks[k + 1].text in PARTICLES and cap(k + 2) and adjacent(k + 1, k + 2))):
                k += 1
                names.append(k)
                if title_word(k) in place:
                    break
            if title_word(k) in place or any(title_word(x) in stop_np for x in names[1:]):
                continue
            if any(title_word(x) in titles for x in names[1:]):
                continue  # "Chilean President Héctor Valdés": the title branch reads it
            if in_quote(t.start, t.end):
                continue
            # José María (m), María José (f): the first clear given name decides.
            gender = g
            if g == "a" and len(names) > 2:
                g2 = gender_of(_bare(toks[names[1]].text))
                if g2 in (FEMALE, MALE):
                    gender = g2
            rest = [x for x in names[1:] if toks[x].text not in PARTICLES]
            # Given names after the first stay given names ("Luz Elena"), not surnames.
            while len(rest) > 1 and gender_of(_bare(toks[rest[0]].text)) in (FEMALE, MALE, "a"):
                rest = rest[1:]
            for x in rest:
                key = _key(toks[x].text)
                surnames[key] = gender if surnames.get(key, gender) == gender else "a"
            used.update(names)
            mentions1.append(Mention(t.start, toks[k].end, gender, "name",
                                     _key(toks[rest[-1]].text) if rest else fold(bare)))
        # Surnames alone, and other capitalised words that act like a speaker.
        mentions2: list[Mention] = []
        info = {}  # token text -> (bare, key, lower bare): names repeat
        is_start = doc.is_sentence_start
        for i in caps:
            if i in used or i not in capw:
                continue
            t = toks[i]
            w = t[0]
            got = info.get(w)
            if got is None:
                bare = _bare(w)
                got = info[w] = (bare, _key(bare), bare.lower())
            bare, key, low = got
            if key in surnames:
                if not in_quote(t.start, t.end):
                    mentions2.append(Mention(t.start, t.end, surnames[key], "surname", key))
                continue
            if low in stop or low in PRONOUNS:
                continue
            nxt = lows[i + 1] if i + 1 < n else ""
            if nxt in said or nxt == "who":
                gap = text[t.end:toks[i + 1].start].strip()
                if (nxt in said and gap in ("", ",")) or (gap == "," and nxt == "who"):
                    if not in_quote(t.start, t.end):
                        mentions2.append(Mention(t.start, t.end, None, "speaker", key))
                    continue
            # A lone capitalised word in subject or object position ("Haaland
            # scored", "praised Lula") may be someone named by surname only.
            if is_start(t):
                # "Haaland scored": a sentence-initial name before a lowercase verb.
                if low in STARTERS or low.endswith("ly") or low in stop or not (
                        i + 1 < n and toks[i + 1].text[:1].islower()):
                    continue
                if not in_quote(t.start, t.end):
                    mentions2.append(Mention(t.start, t.end, None, "maybe", key))
                continue
            if (len(bare) > 1 and bare.isupper()) or low in ntitle \
                    or low in ftitle or low in mtitle or low in place:
                continue
            if i > 0:
                prev = toks[i - 1]
                if (prev.text[:1].isupper() or lows[i - 1] in PLACE_PREPOSITIONS) \
                        and "\n" not in text[prev.end:t.start]:
                    continue
            if cap(i + 1) and adjacent(i, i + 1):
                continue
            if not in_quote(t.start, t.end):
                mentions2.append(Mention(t.start, t.end, None, "maybe", key))
        # Person nouns: "her husband", "the former president".
        mentions3: list[Mention] = []
        forms = L["noun_forms"]
        for i in [i for i in hits if lows[i] in forms]:
            lw = lows[i]
            t = toks[i]
            low = _bare(lw)
            possessive = low != lw
            if low not in fnoun and low not in mnoun and low not in pnoun:
                continue
            if in_quote(t.start, t.end) or i in used:
                continue
            if low in pnoun and low not in fnoun and low not in mnoun:
                before = [lows[x] for x in range(max(0, i - 3), i)
                          if "\n" not in text[toks[x].end:t.start] and "," not in text[toks[x].end:t.start]]
                if not any(b in DETERMINERS or b.endswith(("’s", "'s")) for b in before):
                    continue
                if any(b in COPULAS for b in before):
                    continue  # "became the sixth president": said of someone already named
                g = None
            else:
                g = FEMALE if low in fnoun else MALE
            mentions3.append(Mention(t.start, t.end, g, "possessor" if possessive else "noun"))
        mentions = mentions1 + mentions2 + mentions3
        mentions.sort(key=_START)
        # A person noun right next to a name is that person's title, not another person.
        names = [m for m in mentions if m.kind in ("name", "title", "surname")]
        by_start = [m.start for m in names]
        by_end = sorted(names, key=_END)
        ends = [m.end for m in by_end]
        kept = []
        for m in mentions:
            if m.kind == "noun" and m.gender is None:
                # Only names within 60 characters after or before the noun can count.
                after = names[bisect.bisect_right(by_start, m.end):bisect.bisect_right(by_start, m.end + 60)]
                near = any("." not in text[m.end:x.start].replace("Mr.", "").replace("Ms.", "")
                           .replace("Mrs.", "") for x in after) or \
                    any(_apposition(text[x.end:m.start])
                        for x in by_end[bisect.bisect_left(ends, m.start - 60):bisect.bisect_right(ends, m.start)])
                if near:
                    continue
            kept.append(m)
        return kept

    # -- check ----------------------------------------------------------------------
    def check(self, doc):
        L = self._lists()
        mentions = doc.memo("pronoun-gender/mentions", lambda: self._mentions(doc, L))
        if not any(m.gender in (FEMALE, MALE) for m in mentions) and not any(
                m.kind == "surname" for m in mentions):
            return
        text = doc.text
        sentences = doc.sentences
        all_toks = doc.tokens
        lows, hits = _scan(doc, L)
        pronouns = [all_toks[i] for i in hits if lows[i] in PRONOUNS]
        pronouns = [t for t in pronouns if t.kind == "word" and not doc.in_quote(t.start, t.end)]
        pstarts = [q.start for q in pronouns]
        starts = doc.memo(("pronoun-gender", "starts", id(mentions)), lambda: [m.start for m in mentions])
        # First pass: votes for people named by surname only / of unknown gender.
        votes: dict[str, dict[str, int]] = {}
        decided = []
        relational = L["relational"]
        for p in pronouns:
            if lows[p.index] in ("his", "her"):
                if p.index + 1 < len(all_toks) and lows[p.index + 1] in relational:
                    continue  # "Mateo Ferrán, her brother": another person's relative
            cands, sents = self._candidates(doc, p, mentions)
            decided.append((p, cands, sents))
            named = [m for m in cands if m.kind in ("name", "title", "surname", "speaker", "maybe")]
            if len(named) == 1 and named[0].gender in (None, "a") and named[0].key and \
                    all(m.kind not in ("noun", "possessor") for m in cands):
                v = votes.setdefault(named[0].key, {FEMALE: 0, MALE: 0})
                v[PRONOUNS[lows[p.index]]] += 1
        # Votes teach the gender of a person known by surname only, never of a
        # surname two people of different genders share.
        ambiguous = {m.key for m in mentions if m.gender == "a"}
        learned = {}
        for key, v in votes.items():
            for g, o in ((FEMALE, MALE), (MALE, FEMALE)):
                if v[g] >= 2 and (v[o] <= 1 or v[g] >= 3 * v[o]) and key not in ambiguous:
                    learned[key] = g

        def between(lo: int, hi: int):
            """Mentions starting in [lo, hi)."""
            return mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

        def pronouns_between(lo: int, hi: int):
            return pronouns[bisect.bisect_left(pstarts, lo):bisect.bisect_left(pstarts, hi)]

        flagged: set[int] = set()
        for p, cands, sents in decided:
            pg = PRONOUNS[lows[p.index]]
            other = MALE if pg == FEMALE else FEMALE
            genders = []
            for m in cands:
                g = m.gender
                if g is None and m.key in learned and m.kind in ("surname", "title", "name", "speaker", "maybe"):
                    g = learned[m.key]
                genders.append(g)
            if not genders or any(g != other for g in genders):
                continue
            # An earlier pronoun of the same gender in the window means someone else is about.
            window_start = min(s.start for s in sents)
            if any(PRONOUNS[lows[q.index]] == pg and q.start not in flagged
                   for q in pronouns_between(window_start, p.start)):
                continue
            # Cataphora: someone of the pronoun's gender named later in the sentence.
            sent = doc.sentence_at(p.start)
            if sent and sents != [sent] and any(m.gender != other
                                                for m in between(p.end + 1, sent.end)):
                continue
            # Someone else the pronoun may point to, named just before: in the
            # paragraph's previous sentence anyone not of the other gender; in
            # the two sentences before, anyone of the pronoun's gender ("Parliament
            # removed Héctor Valdés. ¶ Silvia Arancibia said he had tried…") unless
            # the sentence itself also uses the other gender for its subject
            # ("…that he will not step aside and that the criticism of her…").
            if sent and sents == [sent]:
                prev = [sentences[sent.index - 1]] if sent.index > 0 and \
                    sentences[sent.index - 1].paragraph == sent.paragraph else []
                if prev and any(m.gender != other for m in between(prev[0].start, prev[0].end)):
                    continue
                before = sentences[max(0, sent.index - 2):sent.index]
                if before and any(m.gender == pg and m.kind in ("name", "title", "surname")
                                  for m in between(before[0].start, sent.start)):
                    own = [q for q in pronouns_between(sent.start, sent.end) if q.start != p.start
                           and PRONOUNS[lows[q.index]] == other]
                    if not own:
                        continue
            flagged.add(p.start)
            who = text[cands[-1].start:cands[-1].end]
            yield self.finding(p.start, p.end,
                               f"\"{p.text}\" here refers to {who}, who the story presents as a "
                               f"{'woman' if other == FEMALE else 'man'}",
                               lambda p=p: self._fix(doc, p))

    def _candidates(self, doc, p, mentions):
        """People a pronoun can refer to: those named earlier in its sentence, or
        if none, in the nearest earlier sentence (of the paragraph or the one
        before) that names someone."""
        sent = doc.sentence_at(p.start)
        if sent is None:
            return [], []
        # Mentions are in text order: look only at those between two offsets.
        starts = doc.memo(("pronoun-gender", "starts", id(mentions)), lambda: [m.start for m in mentions])

        def between(lo: int, hi: int):
            return mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

        same = [m for m in between(sent.start, p.start) if m.end <= p.start]
        if same:
            return same, [sent]
        sentences = doc.sentences
        i = sent.index - 1
        steps = 0
        while i >= 0 and steps < 2:
            s = sentences[i]
            if s.paragraph != sent.paragraph:
                break  # a new paragraph names its own subject
            found = between(s.start, s.end)
            if found:
                return found, [s, sent]
            i -= 1
            steps += 1
        return [], []

    def _fix(self, doc, p):
        word = p.text
        low = word.lower()
        if low == "her":
            toks = doc.tokens
            nxt = toks[p.index + 1] if p.index + 1 < len(toks) else None
            prv = toks[p.index - 1] if p.index > 0 else None
            gap = doc.text[p.end:nxt.start] if nxt else ""
            if nxt is None or gap.strip() or "\n" in gap or nxt.text.lower() in OBJECT_FOLLOWERS:
                new = "him"
            elif prv is not None and prv.text.lower() in DITRANSITIVE:
                return None  # "gave her money": object or possessive?
            else:
                new = "his"
        else:
            new = SWAP[low]
        if word[:1].isupper():
            new = new[:1].upper() + new[1:]
        return self.replace(p.start, p.end, new, f"write \"{new}\"", safe=False)
