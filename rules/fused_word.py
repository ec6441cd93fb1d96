"""fused-word: two words run together ("Lindqcalled", "canalwhich", "12.4billion")."""
from __future__ import annotations

import math
import unicodedata

import regex

from lintnews.lazy import LazyPattern
from lintnews import Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT

_CAMEL = LazyPattern(r"(\p{Ll}+)(\p{Lu}[\p{Ll}\p{M}]+)", regex.V1)
_NUMBER_WORD = LazyPattern(r"(\p{N}[\p{N}.,]*)(\p{Ll}{3,})", regex.V1)
_LETTERS = LazyPattern(r"[\p{L}\p{M}]+", regex.V1)
# Particles inside a name run ("Juan de la Cruz", "Ursula von der Leyen").
_PARTICLES = {"de", "del", "la", "las", "los", "da", "do", "dos", "das", "di", "van", "von",
              "der", "den", "le", "y", "bin", "al", "el", "ibn"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those",
                "our", "my", "your", "some", "two", "three", "several", "many", "all", "both"}
_IN_CONTEXT = object()  # a capitalised word: split or not depends on the words around it
_MIN_ZIPF = 2.5       # a split part must be at least this common (zipf)
_CONTENT_ZIPF = 3.3   # both parts of a content+content split must be this common


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


class FusedWord(Rule):
    id = "fused-word"
    category = "fused-word"
    severity = Severity.ERROR
    summary = "Two words run together (\"Blinkcalled\", \"bridgewhich\")"
    doc = """
    ## What it catches
    A token that is not a word and reads as two words whose space was lost:
    `canalwhich`, `Ukraineand`, `theKremlin`, `12.4billion`, `Mwangisaid`,
    and a name cut short and glued to the next word, `Henrik Lindqcalled`
    in a story that names `Henrik Lindqvist` elsewhere.

    A token is a word when pyspellchecker's English frequency list knows it,
    when the story uses it (twice, or as a name) or when the desk accepts it.
    Splits are scored by word frequency (the most probable pair wins, not the
    first that matches) and must pass one of these tests:

    - one part is a closed-class word (`and`, `the`, `which`, `from`…) and the
      other a common word, a name from the story or a word the lexicons know;
    - a capitalised stem followed by a verb of attribution (`said`, `warned`,
      `visited`…), `and`, a relative pronoun or the like;
    - a name the story uses elsewhere plus a common word (`Berglundas` after
      `Berglund` → `Berglund, as`);
    - two common content words that no compound-forming part explains
      (`energyprices`, but not `livestream` or `cyberattack`);
    - a figure followed by a scale word (`12.4billion`).

    The split is punctuated as an editor would: a fused relative pronoun gets
    its comma (`canal, which`, `Novak, whom`), and a name that closes an
    appositive opened by a comma gets the closing comma
    (`The director, Ana Ruizsaid` → `Ana Ruiz, said`).

    ## Not flagged
    Real words (`washington`, `therein`), names and brands (`McDonald`,
    `iPhone`, `YouTube`), words in capitals (`NATO`), model and code names with
    digits (`F16`, `A320neo`, `5G`), URLs, e-mail addresses, handles and
    hashtags, domain names, words the story uses more than once, compounds
    (`livestream`, `counteroffensive`), surnames built on a name (`Jacobson`)
    and anything inside a direct quotation.

    ## Example
    `the canalwhich links` → `the canal, which links`

    ## Fix safety
    A split into two dictionary words (or a word and a name the story uses)
    is safe. A split that has to complete a name from elsewhere in the story
    (`Lindqcalled` → `Lindqvist called`) or that rests on an unknown name stem
    is unsafe; so is a split of two content words. In a completed name only
    the name and the space are restored; the editor decides on punctuation.
    """
    examples = [
        Valid("The canal, which feeds the valley, was damaged.\n"),
        Valid("Washington and Madrid signed the agreement therein.\n"),
        Valid("The company sold its iPhone and YouTube rights to McDonald's.\n"),
        Valid("NATO said the F16 and A320neo fleets use 5G links.\n"),
        Valid("See https://example.org/canalwhich or write to desk@newsroomand.org.\n"),
        Valid("Follow @Ukraineand on social media with #theKremlin.\n"),
        Valid("She told reporters: \u201cThe canalwhich we dug is gone.\u201d\n"),
        Valid("Viewers watched the livestream of the counteroffensive and the cyberattack.\n"),
        Valid("Peter Jacobson met Jacob Ruiz in Lima.\n"),
        Valid("Finance Minister Luis Caputo said the peso fell.\n"),
        Valid("Gabriel Durand and Ana Legrand spoke in Paris.\n"),
        Valid("Officials at Kyivstar said the network recovered.\n"),
        Valid("The concert was allso her last show.\n"),
        Valid("Viktor Orban spoke. Viktorin said the namespace and filesystem of the copyleft code were fine.\n"),
        Invalid("The attack on the canalwhich feeds the valley drew a response.\n",
                fixed="The attack on the canal, which feeds the valley drew a response.\n",
                flagged="canalwhich"),
        Invalid("Aid to Ukraineand Moldova rose.\n", fixed="Aid to Ukraine and Moldova rose.\n"),
        Invalid("Spokesman Dmitry Peskov said theKremlin had no comment.\n",
                fixed="Spokesman Dmitry Peskov said the Kremlin had no comment.\n"),
        Invalid("The package is worth $12.4billion over five years.\n",
                fixed="The package is worth $12.4 billion over five years.\n"),
        Invalid("Henrik Lindqvist, Sweden's trade minister (AP)\n\n"
                "The trade minister, Henrik Lindqcalled his counterpart on Monday.\n",
                fixed="Henrik Lindqvist, Sweden's trade minister (AP)\n\n"
                      "The trade minister, Henrik Lindqvist called his counterpart on Monday.\n",
                unsafe=True, flagged="Lindqcalled"),
        Invalid("Defense Minister Ehud Baraksaid the army was ready.\n",
                fixed="Defense Minister Ehud Barak said the army was ready.\n", unsafe=True),
        Invalid("The central bank governor, Rosa Ortegasaid rates would rise.\n",
                fixed="The central bank governor, Rosa Ortega, said rates would rise.\n", unsafe=True),
        Invalid("The board named its chair, Tomas Berglundas the acting director.\n\n"
                "Berglund, an engineer, took over on Friday.\n",
                fixed="The board named its chair, Tomas Berglund, as the acting director.\n\n"
                      "Berglund, an engineer, took over on Friday.\n"),
        Invalid("The panel cleared auditor Pavel Novakwhom she had accused.\n\nNovak denied it.\n",
                fixed="The panel cleared auditor Pavel Novak, whom she had accused.\n\nNovak denied it.\n"),
        Invalid("Households paid more for fuel as energyprices climbed.\n",
                fixed="Households paid more for fuel as energy prices climbed.\n", unsafe=True),
        Invalid("Rescuers reached the canalwhichlinks the two towns.\n",
                fixed="Rescuers reached the canal, which links the two towns.\n"),
        Invalid("Heavy snow fell in thenorth of the province overnight.\n",
                fixed="Heavy snow fell in the north of the province overnight.\n"),
        Invalid("The mayor of Lima and the governor ofthe region met.\n",
                fixed="The mayor of Lima and the governor of the region met.\n"),
    ]
    options = {"min_length": 5}

    # -- data ------------------------------------------------------------------
    def _data(self):
        d = getattr(self, "_cached_data", None)
        if d is None:
            p = self.pack("fused-word")
            d = self._cached_data = {k: frozenset(p.get(k, [])) for k in (
                "function-words", "weak-function-words", "comma-before-always",
                "comma-before-after-name", "verbs", "number-words", "compound-first",
                "compound-last", "name-endings")}
        return d

    # -- checking --------------------------------------------------------------
    def check(self, doc):
        from lintnews import lexicon
        data = self._data()
        text = doc.text
        min_len = int(self.opts["min_length"])
        max_len = 3 * lexicon.MAX_WORD
        story = None
        en = None
        extra = frozenset(self.pack("lexicon").get("english-extra", []))
        # What a word is depends on its letters alone, except for a capitalised
        # word, which is read in its context: decide each distinct word once.
        # A verdict is None (not fused), _IN_CONTEXT, or a split.
        verdicts: dict[str, object] = {}
        for t in doc.tokens:
            w = t.text
            if t.kind != "word" or not min_len <= len(w) <= max_len:
                continue  # too short to be two words, or too long to be anything but noise
            try:
                split = verdicts[w]
            except KeyError:
                split = None
                if not (any(c in w for c in "'’-&") or self.is_accepted(w)):
                    if en is None:
                        en = lexicon.english()
                        story = lexicon.story_names(doc)
                    if w[:1].isdigit():
                        split = self._number(w, data)
                    elif w.isupper() or not w.isalpha() and not _LETTERS.fullmatch(w, timeout=TIMEOUT):
                        pass
                    elif en.known(w) or story.count[w] > 1 or w.lower() in extra:
                        pass
                    elif w[:1].islower() and any(c.isupper() for c in w):
                        split = self._camel(w, data, en, story)
                    elif w.islower():
                        split = self._lower(w, data, en) or self._lower3(w, data, en)
                    elif w[:1].isupper() and w[1:].islower():
                        split = _IN_CONTEXT
                verdicts[w] = split
            if split is None or self._in_address(text, t.start, t.end):
                continue
            if split is _IN_CONTEXT:
                split = self._capitalised(doc, t, data, en, story)
                if split is None:
                    continue
            if doc.in_quote(t.start, t.end):
                continue
            replacement, safe, how = split
            yield self.finding(
                t.start, t.end, f"\"{w}\" looks like {how} run together",
                self.replace(t.start, t.end, replacement, f"split into \"{replacement}\"", safe=safe))

    @staticmethod
    def _in_address(text: str, start: int, end: int) -> bool:
        """Part of a domain, path or handle the tokenizer did not take whole."""
        before = text[start - 1] if start else " "
        after = text[end:end + 2]
        if before in "./@#_\\:=" or before.isalnum():
            return True
        if len(after) == 2 and after[0] in "./@_\\=" and after[1].isalnum():
            return True
        return False

    def _number(self, w, data):
        m = _NUMBER_WORD.fullmatch(w, timeout=TIMEOUT)
        if m and m[2] in data["number-words"]:
            return f"{m[1]} {m[2]}", True, "a figure and a word"
        return None

    def _camel(self, w, data, en, story):
        m = _CAMEL.fullmatch(w, timeout=TIMEOUT)
        if not m:
            return None
        left, right = m[1], m[2]
        if left not in data["function-words"] or len(left) < 2:
            return None
        if right in story.names or en.known(right):
            return f"{left} {right}", True, "two words"
        return None

    def _lower(self, w, data, en):
        fw = data["function-words"]
        weak = data["weak-function-words"]
        best = None
        for i in range(2, len(w) - 1):
            left, right = w[:i], w[i:]
            fl, fr = en.frequency(left), en.frequency(right)
            if not fl or not fr:
                continue
            score = math.log(fl) + math.log(fr)
            if best is None or score > best[0]:
                best = (score, left, right)
        if best is None:
            return None
        # One slip of a key from a common word ("allso" is "also", not "all so"):
        # a misspelling, not a lost space (the spelling rule's business).
        if any(en.zipf(c) >= 3.0 for c, _ in en.edits1_known(w)[:3]):
            return None
        _, left, right = best
        zl, zr = en.zipf(left), en.zipf(right)
        if left in fw or right in fw:
            other, oz = (right, zr) if left in fw else (left, zl)
            if other in fw and (left in weak or right in weak):
                return None  # "onto", "into"-like pairs of two short words are too ambiguous
            if oz < _MIN_ZIPF + (0.5 if (left in weak or right in weak) else 0):
                return None
            if right in data["compound-last"] or left in data["compound-first"]:
                return None
            sep = ", " if right in data["comma-before-always"] else " "
            return f"{left}{sep}{right}", True, "two words"
        if (zl >= _CONTENT_ZIPF and zr >= _CONTENT_ZIPF and len(left) >= 5 and len(right) >= 5
                and left not in data["compound-first"] and right not in data["compound-last"]
                and not any(w.startswith(p) for p in data["compound-first"] if len(p) >= 4)):
            return f"{left} {right}", False, "two words"
        return None

    def _lower3(self, w, data, en):
        """Three words run together ("canalwhichlinks"): a known first word whose
        rest splits by the two-word test."""
        if len(w) < 9:
            return None
        best = None
        for i in range(2, len(w) - 4):
            left, rest = w[:i], w[i:]
            if en.known(rest) or en.zipf(left) < _MIN_ZIPF:
                continue
            if left not in data["function-words"] and en.zipf(left) < _CONTENT_ZIPF:
                continue
            inner = self._lower(rest, data, en)
            if inner is None:
                continue
            score = en.frequency(left)
            if best is None or score > best[0]:
                best = (score, left, inner)
        if best is None:
            return None
        _, left, (rest, safe, _) = best
        sep = ", " if rest.split(" ")[0].rstrip(",") in data["comma-before-always"] else " "
        return f"{left}{sep}{rest}", safe, "three words"

    def _capitalised(self, doc, t, data, en, story):
        w = t.text
        fw = data["function-words"]
        verbs = data["verbs"]
        prev = self._previous_name(doc, t)
        candidates = []
        for i in range(3, len(w) - 1):
            left, right = w[:i], w[i:]
            if right in data["name-endings"] and right not in fw and right not in verbs:
                continue
            zr = en.zipf(right)
            if not zr:
                continue
            strong = right in verbs or (right in fw and right not in data["weak-function-words"])
            # 1. a name the story uses as a word of its own, plus a word
            if left in story.names and story.count[left] >= 1 and left != w:
                if right in data["weak-function-words"] and not self._determiner_next(doc, t):
                    continue  # "Viktorin said" is a name; "Berglundas the acting director" is not
                if strong or right in fw or (zr >= 4.0 and len(right) >= 4):
                    candidates.append((3, zr, left, right, True))
                    continue
            # 2. the start of a story name, after the same first name: "Henrik Lindqcalled"
            if strong and prev:
                full = [n for n in story.names
                        if n != w and len(n) > len(left) and n.startswith(left)
                        and prev in story.before.get(n, ())]
                if len(full) == 1:
                    candidates.append((2, zr, full[0], right, False))
                    continue
            # 3. an unknown stem with a verb, "and", a relative pronoun
            if strong and len(left) >= 3:
                known_stem = self._known_stem(left, en)
                if right in verbs and prev is None and not known_stem:
                    continue  # "Bakersaid" alone at a sentence start: too little evidence
                if right not in verbs and not known_stem:
                    continue
                if en.zipf(left) >= 3.5 and not left in story.names:
                    continue  # "Lindqcalled" without the story's "Lindqvist": a word, not a name
                candidates.append((1, zr, left, right, known_stem and right not in verbs))
        if not candidates:
            return None
        candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
        _, _, left, right, safe = candidates[0]
        completed = not w.startswith(left)
        sep = " "
        if right in data["comma-before-always"] or right in data["comma-before-after-name"]:
            sep = ", "
        elif not completed and (right in verbs or right == "as") and self._opens_appositive(doc, t):
            sep = ", "
        how = "a name completed from the story and a word" if completed else "a name and a word"
        return f"{left}{sep}{right}", safe, how

    @staticmethod
    def _known_stem(word: str, en) -> bool:
        """The English or Spanish list knows the stem above its noise floor (the
        lists give every rare entry the same count of 50)."""
        from lintnews import lexicon
        es = lexicon.spanish()
        folded = _fold(word)
        return max(en.frequency(word), en.frequency(folded),
                   es.frequency(word), es.frequency(folded)) > 50

    @staticmethod
    def _determiner_next(doc, t) -> bool:
        """The word after ``t`` opens a noun phrase ("as the", "in a", "at 10")."""
        if t.index + 1 >= len(doc.tokens):
            return False
        n = doc.tokens[t.index + 1]
        if doc.text[t.end:n.start] not in (" ", "\u00a0"):
            return False
        return n.text[:1].isdigit() or n.text in _DETERMINERS

    @staticmethod
    def _previous_name(doc, t):
        """The capitalised word just before ``t`` (one space apart), if any."""
        if t.index == 0:
            return None
        p = doc.tokens[t.index - 1]
        if p.kind == "word" and p.text[:1].isupper() and doc.text[p.end:t.start] in (" ", "\u00a0"):
            return p.text
        return None

    @staticmethod
    def _opens_appositive(doc, t) -> bool:
        """True when the name run ending in ``t`` follows a comma: "The director, Ana Ruizsaid"."""
        text = doc.text
        i = t.index
        start = t.start
        while i > 0:
            p = doc.tokens[i - 1]
            if p.kind != "word" or text[p.end:start] not in (" ", "\u00a0"):
                break
            if not (p.text[:1].isupper() or p.text in _PARTICLES):
                break
            start = p.start
            i -= 1
        while start > 0 and text[start - 1] in " \u00a0":
            start -= 1
        return start > 0 and text[start - 1] == ","
