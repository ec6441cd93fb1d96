"""style-consistency: the same thing written two ways in one story (US / U.S., 5% / 5 percent)."""
from __future__ import annotations

from collections import Counter
from itertools import compress

import regex

from lintnews.lazy import LazyPattern
from lintnews import Edit, Fix, Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT
from lintnews.model import Applicability
from lintnews_rules._names import gazetteer, pick_tokens, strip_accents, token_forms

_PERCENT = LazyPattern(
    r"(?<![\p{L}\p{N}.,])(?P<num>\d+(?:[.,]\d+)*)(?P<form>[ \u00a0]?%|[ \u00a0]percent|[ \u00a0]per[ \u00a0]cent)(?![\p{L}])",
    regex.V1)
_VOWELS = set("aeiouy")
_US_FORMS = frozenset({"U.S.", "US"})


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _vowel_variant(a: str, b: str) -> bool:
    """a and b differ by one vowel added, dropped or changed, or one letter
    doubled, not at the end: "Halversen"/"Halvorsen", "Ferreria"/"Ferreira" is
    left alone (two letters swapped), "Mario"/"Maria" too (the last letter)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return (len(diff) == 1 and 0 < diff[0] < len(a) - 1
                and a[diff[0]].lower() in _VOWELS and b[diff[0]].lower() in _VOWELS)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            if i == 0 or i == len(long_) - 1:
                return False
            ch = long_[i].lower()
            return ch in _VOWELS or long_[i - 1] == long_[i] or (i + 1 < len(long_) and long_[i + 1] == long_[i])
    return False


class StyleConsistency(Rule):
    id = "style-consistency"
    category = "style"
    severity = Severity.INFO
    summary = "The same thing written two ways in one story: US / U.S., 5% / 5 percent, Zelensky / Zelenskyy"
    doc = """
    ## What it catches
    A story that writes one thing two ways:
    - `US` and `U.S.` (house style key `us-abbreviation`);
    - `5%`, `5 percent` and `5 per cent` after numerals (key `percent`);
    - two accepted spellings of one name, `Zelensky` and `Zelenskyy`
      (the `[groups]` of `packs/names.toml`; the house form is the
      style's `[names]` table);
    - a name spelled two ways, one vowel apart: `Halvorsen` / `Halversen`;
    - an acronym in capitals and as a word: `COFEPRIS` / `Cofepris`;
    - quotations in straight `"` and in curly `“”` marks;
    - a title capitalised standing alone (`the third Governor to quit this
      year`) in a story that writes `the governor` elsewhere (titles from
      the `titles` list of `packs/names.toml`).

    It flags the form that differs from the house style, or, where the
    style is silent or its form is not in the story, the minority form,
    and suggests the other. A story that writes one form throughout raises
    nothing: `US` alone is AFP and Anadolu style, `Zelensky` alone is the
    spelling of many outlets. Headlines and the dateline are not counted.

    ## Why
    Translated copy mixes the habits of the source and of the translation
    engine; an inconsistent story looks unedited. Editors fix the odd form
    out first.

    ## Fix safety
    Safe for US / U.S., percent and name groups (the forms mean the same).
    Unsafe for a name spelled two ways and an acronym's case (the minority
    form may be the right one), and for quotation marks.
    """
    examples = [
        Valid("Officials in the US said US aid would continue.\n"),
        Valid("U.S. officials said U.S. aid would continue.\n"),
        Valid("Inflation rose 5% and wages 3%.\n"),
        Valid("Inflation rose 5 percent and wages 3 percent.\n"),
        Valid("President Zelensky said Zelensky's team would travel.\n"),
        Valid("The loan was US$11.6 billion, U.S. officials said.\n"),
        Valid("Ingrid Halvorsen spoke. Halvorsen said the talks went well.\n"),
        Valid("Julio Vargas met Julia Vargas in Lima.\n"),
        Valid("\"We will stay,\" she said. \"We have no choice.\"\n"),
        Valid("NATO leaders met. The NATO summit ended.\n"),
        Valid("President Ana Torres spoke. The president left, and Vice President Luis Ruiz stayed.\n"),
        Valid("US STOCKS RISE\n\nNEW YORK (AP) — U.S. stocks rose 2%, and U.S. bonds fell.\n"),
        Invalid("U.S. officials said US aid would continue, a U.S. envoy added.\n",
                fixed="U.S. officials said U.S. aid would continue, a U.S. envoy added.\n", flagged="US"),
        Invalid("Officials in the US said aid to the US would grow. It reached the U.S. on Friday.\n",
                fixed="Officials in the U.S. said aid to the U.S. would grow. It reached the U.S. on Friday.\n",
                flagged="U.S."),
        Invalid("Prices rose 8.5% in May and 6 percent in June.\n",
                fixed="Prices rose 8.5% in May and 6% in June.\n", flagged="6 percent"),
        Invalid("Prices rose 8.5 per cent in May and 6% in June.\n",
                fixed="Prices rose 8.5% in May and 6% in June.\n", style="reuters"),
        Invalid("Zelensky spoke in Kyiv. Later Zelenskyy flew to Paris.\n",
                fixed="Zelenskyy spoke in Kyiv. Later Zelenskyy flew to Paris.\n", flagged="Zelensky"),
        Invalid("Zelensky spoke in Kyiv. Later Zelenskyy flew to Paris.\n",
                fixed="Zelenskiy spoke in Kyiv. Later Zelenskiy flew to Paris.\n", style="reuters"),
        Invalid("Ingrid Halvorsen spoke. Halvorsen said Halversen would travel.\n",
                fixed="Ingrid Halvorsen spoke. Halvorsen said Halvorsen would travel.\n", unsafe=True,
                flagged="Halversen"),
        Invalid("The regulator (Cofepris) approved it. Cofepris said COFEPRIS tests were done.\n",
                fixed="The regulator (Cofepris) approved it. Cofepris said Cofepris tests were done.\n", unsafe=True),
        Invalid("\u201cWe will stay,\u201d she said. \u201cWe have no choice,\u201d she added. \"It is over,\" he said.\n",
                fixed="\u201cWe will stay,\u201d she said. \u201cWe have no choice,\u201d she added. \u201cIt is over,\u201d he said.\n",
                unsafe=True),
        Invalid("Rates fell 2 percent. Loans rose 3 percent, bonds 4% and stocks 5 percent.\n",
                fixed="Rates fell 2%. Loans rose 3%, bonds 4% and stocks 5%.\n"),
    ]

    examples += [
        Invalid("The governor resigned. She is the third Governor to quit this year.\n",
                fixed="The governor resigned. She is the third governor to quit this year.\n", flagged="Governor"),
    ]

    # -- where the story's body is -----------------------------------------------
    def _body(self, doc) -> tuple[int, set[int]]:
        """Offset where the body starts, and the paragraphs to skip (bylines)."""
        start = 0
        if doc.dateline is not None:
            start = doc.dateline.end
        elif doc.paragraphs:
            first = doc.paragraphs[0]
            if len(doc.paragraphs) > 1 and first.text.rstrip()[-1:] not in ".!?\"”’":
                start = doc.paragraphs[1].start  # a headline
        skip = {p.index for p in doc.paragraphs
                if p.text.startswith("By ") or (p.text.isupper() and len(p.text) < 120)}
        return start, skip

    def check(self, doc):
        body, skip = self._body(doc)

        if skip:
            def in_body(offset: int) -> bool:
                if offset < body:
                    return False
                p = doc.paragraph_at(offset)
                return p is None or p.index not in skip
        else:  # no byline: the body is everything from its start on
            def in_body(offset: int) -> bool:
                return offset >= body

        texts, forms = token_forms(doc)
        # lowercase forms of the words the story writes with a lowercase initial
        lower_seen = {w.lower() for w in forms if w[:1].islower()}
        names = doc.names
        titles = set(self.pack("names").get("titles", []))
        # the tokens each check below is about (see their loops for why)
        spelled, caps, title_case, title_words = pick_tokens(
            doc, lambda w: w[:1].isupper() and not w.isupper() and w.isalpha() and len(w) >= 5,
            lambda w: w.isupper() and w.isalpha() and len(w) >= 3 and w.lower() not in lower_seen,
            lambda w: w[:1].isupper() and w[1:].islower() and w.isalpha() and len(w) >= 3
            and w.lower() not in lower_seen and w in names,
            lambda w: w.lower() in titles)
        yield from self._us(doc, in_body, texts)
        yield from self._percent(doc, in_body)
        yield from self._groups(doc, in_body)
        yield from self._spellings(doc, in_body, spelled, lower_seen)
        yield from self._acronyms(doc, in_body, caps, title_case)
        yield from self._quote_marks(doc, in_body)
        yield from self._titles(doc, in_body, title_words)

    def _titles(self, doc, in_body, candidates):
        """ "the third Governor to quit this year" in a story that writes "the
        governor" elsewhere: AP and Reuters capitalise a title only before a
        name ("President Ana Torres")."""
        tokens = doc.tokens
        lower, upper = Counter(), {}
        for i in candidates:  # the words of the pack's titles
            t = tokens[i]
            if not in_body(t.start):
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            before_name = (nxt is not None and nxt.kind == "word" and nxt.text[:1].isupper()
                           and doc.text[t.end:nxt.start] == " ")
            if t.text.islower():
                lower[t.lower] += 1
            elif t.text[0].isupper() and t.text[1:].islower() and not before_name \
                    and not doc.is_sentence_start(t) and not doc.in_quote(t.start, t.end):
                prev = tokens[i - 1] if i else None
                # "Vice President", "Prime Minister": part of a longer title
                if prev is not None and prev.text[:1].isupper() and not doc.is_sentence_start(prev) \
                        and doc.text[prev.end:t.start] == " ":
                    continue
                upper.setdefault(t.lower, []).append(t)
        for word, ts in upper.items():
            if lower[word] < 1:
                continue
            for t in ts:
                yield self.finding(t.start, t.end,
                                   f"\"{t.text}\": a title standing alone is lowercase, as elsewhere in this story",
                                   self.replace(t.start, t.end, t.lower, f"write \"{t.lower}\""))

    @staticmethod
    def _pick(counts: Counter, house: str | None) -> str:
        """The form to keep: the house style's, or the story's majority form
        where the style is silent (none on a tie)."""
        if house:
            return house
        best = max(counts.values())
        tops = [f for f, c in counts.items() if c == best]
        return tops[0] if len(tops) == 1 else ""

    def _us(self, doc, in_body, texts):
        text = doc.text
        occ = []
        if "US" not in text and "U.S." not in text:
            return
        for t in compress(doc.tokens, map(_US_FORMS.__contains__, texts)):
            if t.text == "U.S." and t.kind == "abbrev" or t.text == "US" and t.kind == "word":
                if text[t.end:t.end + 1] == "$" or not in_body(t.start):
                    continue
                occ.append(t)
        counts = Counter("U.S." if t.text == "U.S." else "US" for t in occ)
        if len(counts) < 2:
            return
        house = self.style.get("us-abbreviation")
        right = self._pick(counts, house)
        if not right:
            return

        def edit(t) -> Edit:
            form = "U.S." if t.text == "U.S." else "US"
            repl, end = right, t.end
            if form == "U.S." and right == "US" and self._ends_sentence(doc, t):
                repl = "US."  # the abbreviation's period also ended the sentence
            if form == "US" and right == "U.S." and text[end:end + 1] == ".":
                end += 1  # "in the US." -> "in the U.S."
            return Edit(t.start, end, repl)

        wrong = [t for t in occ if ("U.S." if t.text == "U.S." else "US") != right]
        kept = [t for t in occ if t not in wrong]
        other = "US" if right == "U.S." else "U.S."
        if right == house and len(kept) < len(wrong):
            # The house form is the odd one out: that is what a reader notices,
            # so flag it once, and let the fix bring the rest of the story to it.
            t = kept[0]
            yield self.finding(
                t.start, t.end,
                f"this story writes {other} {_times(len(wrong))} and {right} {_times(len(kept))}; house style ({self.style.get('name', 'house')}) writes {right}",
                Fix(tuple(edit(w) for w in wrong), message=f"write {right} throughout"))
            return
        for t in wrong:
            form = "U.S." if t.text == "U.S." else "US"
            e = edit(t)
            why = f"house style ({self.style.get('name', 'house')}) writes {right}" if right == house \
                else f"the story mostly writes {right}"
            yield self.finding(t.start, t.end, f"\"{form}\": this story writes both US and U.S.; {why}",
                               self.replace(e.start, e.end, e.replacement, f"write \"{e.replacement}\""))

    @staticmethod
    def _ends_sentence(doc, t) -> bool:
        rest = doc.text[t.end:t.end + 3]
        return rest == "" or rest[:1] == "\n" or (rest[:1] == " " and rest[1:2].isupper())

    def _percent(self, doc, in_body):
        occ = []
        for m in _PERCENT.finditer(doc.text, timeout=TIMEOUT):
            if not in_body(m.start()):
                continue
            form = m["form"].replace("\u00a0", " ").strip()
            occ.append((m, "%" if form == "%" else form))
        counts = Counter(f for _, f in occ)
        if len(counts) < 2:
            return
        house = self.style.get("percent")
        right = self._pick(counts, house)
        if not right:
            return
        written = "%" if right == "%" else " " + right
        for m, form in occ:
            if form == right:
                continue
            yield self.finding(m.start(), m.end(),
                               f"\"{m.group()}\": this story writes percentages two ways; use \"{right}\"",
                               self.replace(m.start("form"), m.end("form"), written, f"write \"{m['num']}{written}\""))

    def _groups(self, doc, in_body):
        groups = self.pack("names").get("groups", {})
        house = self.style.section("names")
        text = doc.text
        for group, forms in groups.items():
            if sum(f in text for f in forms) < 2:
                continue  # a story can only mix two forms it contains
            rx = regex.compile(r"(?<![\p{L}\p{M}\-])(?:" + "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))
                               + r")(?![\p{L}\p{M}])", regex.V1)
            occ = [m for m in rx.finditer(text, timeout=TIMEOUT) if in_body(m.start())]
            counts = Counter(m.group() for m in occ)
            if len(counts) < 2:
                continue
            right = self._pick(counts, house.get(group))
            if not right:
                continue
            for m in occ:
                if m.group() != right:
                    yield self.finding(m.start(), m.end(),
                                       f"\"{m.group()}\": this story also writes \"{right}\"",
                                       self.replace(m.start(), m.end(), right, f"write \"{right}\""))

    def _spellings(self, doc, in_body, candidates, lower_seen):
        counts: Counter = Counter()
        tokens = doc.tokens
        for i in candidates:  # capitalised words of five letters or more
            t = tokens[i]
            if in_body(t.start):
                counts[t.text] += 1
        # a name: used capitalised away from a sentence start, never lowercase
        # Names of a [groups] entry (Zelensky/Zelenskyy…) are the house style's
        # business (_groups): judging them here too could pull the other way.
        grouped = {f for forms in self.pack("names").get("groups", {}).values() for f in forms}
        names = [n for n in counts if n.lower() not in lower_seen and n in doc.names and n not in grouped]
        if len(names) < 2:
            return
        gaz = None
        by_len: dict[int, list[str]] = {}
        for n in names:
            by_len.setdefault(len(n), []).append(n)
        for a in names:
            for L in (len(a) - 1, len(a), len(a) + 1):
                for b in by_len.get(L, ()):
                    if counts[b] < 2 or counts[a] >= counts[b] or a[0] != b[0]:
                        continue
                    if strip_accents(a) == strip_accents(b) or not _vowel_variant(a, b):
                        continue
                    if gaz is None:
                        gaz = gazetteer(self)
                    if gaz.lookup(a) is not None or gaz.lookup(b) is not None:
                        continue
                    for t in doc.tokens:
                        if t.text == a and in_body(t.start):
                            yield self.finding(t.start, t.end,
                                               f"\"{a}\": the story spells this name \"{b}\" elsewhere",
                                               self.replace(t.start, t.end, b, f"write \"{b}\"", safe=False))

    def _acronyms(self, doc, in_body, caps_at, title_at):
        """ "COFEPRIS" and "Cofepris" in one story. Words the story also writes in
        lowercase ("THE" / "the") and runs of capitals (a shouted line, a
        heading) are not acronyms."""
        tokens = doc.tokens
        caps: dict[str, list] = {}  # "COFEPRIS" -> its tokens
        title: dict[str, list] = {}  # "COFEPRIS" -> the tokens of "Cofepris"
        # caps_at / title_at: the words of three letters or more, not written
        # lowercase in the story, in capitals / capitalised and used as names
        for i in caps_at:
            t = tokens[i]
            if not in_body(t.start) or doc.in_quote(t.start, t.end):
                continue
            near = [tokens[k] for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
            if any(n.kind == "word" and n.text.isupper() and len(n.text) > 1 and n.text.isalpha()
                   for n in near):
                continue
            caps.setdefault(t.text, []).append(t)
        # the same words as names ("Cofepris"), looked for only where they matter
        if caps:
            for i in title_at:
                t = tokens[i]
                if t.text.upper() in caps and in_body(t.start) and not doc.in_quote(t.start, t.end):
                    title.setdefault(t.text.upper(), []).append(t)
        gaz = None
        for word, cs in caps.items():
            ts = title.get(word)
            if not ts:
                continue
            # "VALENCIA, Spain —", "LIMA, Nov 14 (EFE).-": a dateline's place
            # is written in capitals in every style.
            if gaz is None:
                gaz = gazetteer(self)
            if gaz.lookup(word) is not None:
                continue
            cs = [t for t in cs if (p := doc.paragraph_at(t.start)) is None or p.start != t.start]
            if not cs:
                continue
            # the majority form, or on a tie the form the story introduced first
            if len(cs) != len(ts):
                keep_caps = len(cs) > len(ts)
            else:
                keep_caps = cs[0].start < ts[0].start
            bad, right = (ts, word) if keep_caps else (cs, word.capitalize())
            for t in bad:
                yield self.finding(t.start, t.end, f"\"{t.text}\": this story also writes \"{right}\"",
                                   self.replace(t.start, t.end, right, f"write \"{right}\"", safe=False))

    def _quote_marks(self, doc, in_body):
        quotes = [q for q in doc.quotes if in_body(q.start) and q.opener in "\"“"]
        straight = [q for q in quotes if q.opener == '"' and q.closer in ('"', "")]
        curly = [q for q in quotes if q.opener == "“" and q.closer in ("”", "")]
        if not straight or not curly:
            return
        # the minority form; on a tie the straight marks (typewriter quotes in
        # a typeset story are the leftover)
        if len(straight) <= len(curly):
            bad, op, cl, what = straight, "“", "”", "curly"
        else:
            bad, op, cl, what = curly, '"', '"', "straight"
        for q in bad:
            edits = [Edit(q.start, q.start + 1, op)]
            if q.closer:
                edits.append(Edit(q.end - 1, q.end, cl))
            yield self.finding(q.start, q.start + 1,
                               f"this quotation uses {'straight' if what == 'curly' else 'curly'} marks; the story's others are {what}",
                               Fix(tuple(edits), Applicability.UNSAFE, f"use {op}{cl}"))
