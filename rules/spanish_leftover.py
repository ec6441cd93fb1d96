"""spanish-leftover: Spanish words a translation left in English copy."""
from __future__ import annotations

import regex

from lintnews import regex_cache
from lintnews.lazy import LazyPattern
from lintnews import Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT

_I_SOUND = LazyPattern(r"(?i)(?:i|hi(?![aeou]))")  # Spanish writes "e" for "y" before these
_SPACE_CAPITAL = LazyPattern(r"\s+\p{Lu}")
_CALLED = LazyPattern(r"(?:known\s+(?:\w+\s+){0,3}as|called|so-called)\s+(?:an?\s+|the\s+)?$")

_US_FORMS = LazyPattern(r"(?<![\p{L}.])(U\.S\.|US)(?![\p{L}])", regex.V1)
_POSSESSIVE_PAR = LazyPattern(
    r"\b(?:his|her|their|its)\s+(\p{Lu}[\p{Ll}\p{M}]+\s+)?(par)\b(?!-)(?:\s+(\p{L}+))?", regex.V1)
_ELECTION_DATE = LazyPattern(r"(?<![\p{L}\p{N}\-])\p{N}{1,2}-\p{Lu}(?![\p{L}\p{N}\-])", regex.V1)
_SPANISH_RE = LazyPattern(r"[áéíóúñü¿¡]", regex.V1 | regex.IGNORECASE)


class SpanishLeftover(Rule):
    id = "spanish-leftover"
    category = "spanish-leftover"
    severity = Severity.ERROR
    summary = "Spanish left in English copy (\"Zelensky y Blinken\", \"según\", \"EE.UU.\")"
    doc = """
    ## What it catches
    - the Spanish conjunction `y` between two words (`Zelensky y Scholz`,
      `Mendoza y San Juan`) and `e` before an i-sound (`Ucrania e Israel`);
    - Spanish function words in English running text: `según the ministry`,
      `el presidente`, `los manifestantes`;
    - Spanish abbreviations with an English form: `EE.UU.` (written in the house
      form of U.S.), `T-MEC` (USMCA), `OTAN` (NATO), `FMI` (IMF), `DANA`
      (storm, in a story about Spanish weather), the Argentine regions `NOA`
      and `NEA` (in an Argentine story);
    - untranslated newsroom nouns from the `spanish` pack (`the cuprífera`,
      `the presidente`), `his par` (Spanish *su par*, counterpart), Spanish
      related-link labels at a line start (`Lee:`, `Te puede interesar:`) and
      Spanish election-date shorthand (`23-J`).

    The `spanish` pack holds the word lists (sources: RAE dictionary and
    grammar, Fundéu RAE, AEMET glossary, INDEC regions, AP Stylebook).
    pyspellchecker's Spanish and English frequency lists tell a Spanish word
    from an English one.

    ## Not flagged
    Spanish that belongs in English copy: names (`Los Angeles`, `El Salvador`,
    `La Paz`, `Viña del Mar`, `El País`, `la Liga`, `Juan de la Cruz`,
    `Charles de Gaulle`, `Junts per Catalunya`), Spanish names built of Spanish
    words (`Cuero y Salado`, `Ciencia y Tecnología`), compound surnames
    (`Ortega y Gasset`), anything in a direct quotation, `y-axis`, `x and y`,
    `Generation Y`, `e-mail`, and the desk's accepted words.

    ## Example
    `Zelensky y Scholz met in Kyiv.` → `Zelensky and Scholz met in Kyiv.`

    ## Fix safety
    Safe only where the reading is certain: `y`/`e` between two names or two
    figures, and abbreviations with one English form (`EE.UU.`, `T-MEC`).
    Every other fix is unsafe (`según` → `according to`, `el presidente` →
    `the president`, `DANA` → `storm`). Teaser labels and election-date
    shorthand are reported without a fix. The house style key `us-form`
    (`U.S.` or `US`) picks the form of United States; without it the story's
    own majority form is used, else `U.S.`.
    """
    examples = [
        Valid("Residents of Los Angeles, El Salvador and La Paz watched the vote.\n"),
        Valid("The Chilean resort of Viña del Mar hosted the festival, El País reported.\n"),
        Valid("Barcelona leads la Liga after beating Sevilla.\n"),
        Valid("The airport is named after Charles de Gaulle; the saint is Juan de la Cruz.\n"),
        Valid("Junts per Catalunya voted against the budget.\n"),
        Valid("The Cuero y Salado wildlife reserve and the Ministerio de Ciencia y Tecnología reopened.\n"),
        Valid("The philosopher José Ortega y Gasset taught in Madrid.\n"),
        Valid("Protesters chanted \u201cel pueblo unido jamás será vencido\u201d in the square.\n"),
        Valid("Plot the data on the y-axis, where x and y are both in meters.\n"),
        Valid("Generation Y spends more on rent, he said by e-mail.\n"),
        Valid("The golfer made his par on the last hole.\n"),
        Valid("Lee Jae-myung met his counterpart in Seoul.\n"),
        Valid("Orders rose in the U.S. and the E.U. in the third quarter.\n"),
        Invalid("Zelensky y Scholz met in Kyiv on Monday.\n",
                fixed="Zelensky and Scholz met in Kyiv on Monday.\n", flagged="y"),
        Invalid("The worst-hit towns were Olmedo, Berrocal y Villanúa, officials said.\n",
                fixed="The worst-hit towns were Olmedo, Berrocal and Villanúa, officials said.\n"),
        Invalid("Buses between Santiago y Valparaíso were cancelled.\n",
                fixed="Buses between Santiago and Valparaíso were cancelled.\n"),
        Invalid("Flights resumed between Ucrania e Israel.\n",
                fixed="Flights resumed between Ucrania and Israel.\n"),
        Invalid("Prices y wages rose in March.\n", fixed="Prices and wages rose in March.\n",
                unsafe=True),
        Invalid("Inflation slowed in March, según the statistics institute.\n",
                fixed="Inflation slowed in March, according to the statistics institute.\n",
                unsafe=True, flagged="según"),
        Invalid("Exports to EE.UU. fell 4% in May.\n", fixed="Exports to U.S. fell 4% in May.\n"),
        Invalid("The US economy slowed. Exports to EEUU fell, and US imports rose.\n",
                fixed="The US economy slowed. Exports to US fell, and US imports rose.\n"),
        Invalid("Mexico said the T-MEC review would start in July.\n",
                fixed="Mexico said the USMCA review would start in July.\n"),
        Invalid("The minister met el presidente in the palace.\n",
                fixed="The minister met the president in the palace.\n", unsafe=True),
        Invalid("Output at the mine fell. The cuprífera blamed the strike.\n",
                fixed="Output at the mine fell. The copper company blamed the strike.\n",
                unsafe=True),
        Invalid("Lula called his Argentine par on Tuesday.\n",
                fixed="Lula called his Argentine counterpart on Tuesday.\n", unsafe=True),
        Invalid("The main parties began campaigning.\n\nLee: The candidates for 23-J\n\nPolls open at nine.\n",
                fixed=None, flagged="Lee:"),
        Valid("The storm, known in Spain as a DANA, flooded Murcia.\n"),
        Invalid("Heavy rain fell across Murcia. The DANA that crossed the region flooded two towns.\n",
                fixed="Heavy rain fell across Murcia. The storm that crossed the region flooded two towns.\n",
                unsafe=True),
    ]
    options = {"us_form": None}

    def _data(self):
        d = getattr(self, "_cached", None)
        if d is None:
            p = self.pack("spanish")
            d = self._cached = {
                "fw": dict(p.get("function-words", {})),
                "always": set(p.get("always", [])),
                "names": list(p.get("names-with-y", [])),
                "y_nouns": set(p.get("y-nouns", [])),
                "acronyms": dict(p.get("acronyms", {})),
                "nouns": dict(p.get("nouns", {})),
                "labels": sorted(p.get("teaser-labels", []), key=len, reverse=True),
                "par_not": set(p.get("par-not-before", [])),
            }
            acr = d["acronyms"]
            alts = "|".join(regex.escape(k) for k in sorted(acr, key=len, reverse=True))
            d["acronyms_re"] = regex_cache.compile(
                rf"(?<![\p{{L}}\p{{N}}.\-])(?:{alts})(?![\p{{L}}\p{{N}}\-])", regex.V1) if acr else None
        return d

    def check(self, doc):
        data = self._data()
        findings = []
        findings += self._conjunctions(doc, data)
        findings += self._function_words(doc, data)
        findings += self._acronyms(doc, data)
        findings += self._par(doc, data)
        findings += self._labels(doc, data)
        seen = set()
        for f in sorted(findings, key=lambda f: (f.start, f.end)):
            if (f.start, f.end) in seen or doc.in_quote(f.start, f.end):
                continue
            seen.add((f.start, f.end))
            yield f

    # -- helpers ---------------------------------------------------------------
    @staticmethod
    def _words(doc, tok, step, n):
        out = []
        i = tok.index + step
        while 0 <= i < len(doc.tokens) and len(out) < n:
            t = doc.tokens[i]
            if t.kind == "word":
                out.append(t)
            i += step
        return out

    @staticmethod
    def _is_spanish_word(word: str, common: bool = False) -> bool:
        """A Spanish word English does not use. ``common``: a common Spanish word
        English does not know at all (beyond its noise floor of 50): "Cuero",
        "Salado", "Ciencia" are; the names "Santiago", "Lima", "Valparaíso" are not."""
        from lintnews import lexicon
        es, en = lexicon.spanish(), lexicon.english()
        w = word.lower()
        if common:
            return es.zipf(w) >= 3.0 and en.frequency(w) <= 50
        if en.zipf(w) >= 3.0:
            return False
        return es.zipf(w) >= 2.5 or (bool(_SPANISH_RE.search(w, timeout=TIMEOUT)) and not en.known(w))

    @staticmethod
    def _in_listed_name(text, pos, names):
        for n in names:
            i = text.find(n, max(0, pos - len(n)), pos + len(n))
            if i != -1 and i <= pos < i + len(n):
                return True
        return False

    def _us_form(self, doc):
        form = self.opts.get("us_form") or self.style.get("us-form")
        if form:
            return form
        counts = {"U.S.": 0, "US": 0}
        for m in _US_FORMS.finditer(doc.text, timeout=TIMEOUT):
            counts[m[1]] += 1
        return "US" if counts["US"] > counts["U.S."] else "U.S."

    # -- y / e -----------------------------------------------------------------
    def _conjunctions(self, doc, data):
        text = doc.text
        for t in doc.tokens:
            if t.kind != "word" or t.text not in ("y", "e"):
                continue
            if text[t.start - 1:t.start] != " " or text[t.end:t.end + 1] != " ":
                continue
            left = self._words(doc, t, -1, 3)
            right = self._words(doc, t, 1, 3)
            if not left or not right:
                continue
            a, b = left[0], right[0]
            if len(a.text) < 2 or len(b.text) < 2 or self.is_accepted(t.text):
                continue
            if b.lower in data["y_nouns"] or a.lower in ("the", "a", "an", "and", "or"):
                continue
            if t.text == "e" and not _I_SOUND.match(b.text, timeout=TIMEOUT):
                continue
            span_text = text[a.start:b.end]
            if self._in_listed_name(text, t.start, data["names"]):
                continue
            # A Spanish name made of Spanish words: "Cuero y Salado", "Ciencia y Tecnología".
            if self._is_spanish_word(a.text, True) and self._is_spanish_word(b.text, True):
                continue
            names = a.text[:1].isupper() and b.text[:1].isupper()
            figures = a.text[:1].isdigit() and b.text[:1].isdigit()
            if not (names or figures) and not (a.text.isalpha() and b.text.isalpha()):
                continue
            yield self.finding(
                t.start, t.end, f"Spanish \"{t.text}\" left in English copy ({span_text!r})",
                self.replace(t.start, t.end, "and", "write \"and\"", safe=names or figures))

    # -- función words ---------------------------------------------------------
    def _function_words(self, doc, data):
        from lintnews import lexicon
        fw, nouns = data["fw"], data["nouns"]
        text = doc.text
        for t in doc.tokens:
            if t.kind != "word":
                continue
            low = t.lower
            if low in nouns and t.text.islower():
                # an untranslated newsroom noun, not next to a name
                prev = self._words(doc, t, -1, 1)
                nxt = self._words(doc, t, 1, 1)
                if (prev and prev[0].lower in fw) or self.is_accepted(t.text):
                    continue  # handled with its article below
                if nxt and nxt[0].text[:1].isupper() and text[t.end:nxt[0].start] == " ":
                    continue  # part of a name: "presidente Boric" is another rule's business
                if lexicon.english().zipf(low) >= 3.0:
                    continue
                yield self.finding(t.start, t.end, f"Spanish \"{t.text}\" left untranslated",
                                   self.replace(t.start, t.end, nouns[low], f"write \"{nouns[low]}\"",
                                                safe=False))
                continue
            if low not in fw or self.is_accepted(t.text):
                continue
            if t.text[:1].isupper() and not (low in data["always"] or doc.is_sentence_start(t)):
                continue  # "El País", "Los Angeles", "La Paz" inside a sentence
            nxt = self._words(doc, t, 1, 1)
            if not nxt or text[t.end:nxt[0].start].strip():
                if low not in data["always"]:
                    continue
            n = nxt[0] if nxt else None
            if low not in data["always"]:
                if n is None or not n.text[:1].islower():
                    continue  # a name follows: "Viña del Mar", "Los Angeles"
                if not self._is_spanish_word(n.text) and n.lower not in nouns:
                    # "el" before an English word is an English slip too, but only
                    # Spanish on both sides proves a leftover.
                    continue
            # the whole Spanish phrase: article + noun from the pack gets a full fix
            english = fw[low]
            if n is not None and n.lower in nouns and low not in data["always"]:
                start, end = t.start, n.end
                english = f"{fw[low]} {nouns[n.lower]}"
            else:
                start, end = t.start, t.end
            if t.text[:1].isupper():
                english = english[:1].upper() + english[1:]
            fix = (self.replace(start, end, english, f"write \"{english}\"", safe=False)
                   if english and (end > t.end or low in data["always"]) else None)
            yield self.finding(t.start, t.end if fix is None else end,
                               f"Spanish \"{text[start:end]}\" left in English copy", fix)

    # -- abbreviations ---------------------------------------------------------
    def _acronyms(self, doc, data):
        text = doc.text
        acr = data["acronyms"]
        if not acr:
            return
        hits = []
        for m in data["acronyms_re"].finditer(text, timeout=TIMEOUT):
            key = m.group()
            entry = acr[key]
            ctx = entry.get("context")
            if ctx and not any(regex.search(rf"\b{regex.escape(c)}\b", text, timeout=TIMEOUT) for c in ctx):
                continue
            if self.is_accepted(key):
                continue
            english = entry.get("english", "")
            if english != "us" and english and self._glossed(text, m.start(), m.end(), english):
                continue
            if english == "us":
                english = self._us_form(doc)
                end = m.end()
                # "EE.UU." closing a sentence keeps the full stop when the form has none
                if key.endswith(".") and not english.endswith("."):
                    after = text[end:end + 3]
                    if not after or after[:1] == "\n" or _SPACE_CAPITAL.match(after, timeout=TIMEOUT):
                        english += "."
            hits.append((m.start(), m.end(), key, english, bool(entry.get("safe")), bool(entry.get("region"))))
        # "the NOA and the NEA" -> "the northwest and northeast"
        merged = set()
        for i, a in enumerate(hits):
            for b in hits[i + 1:]:
                if a[5] and b[5]:
                    between = text[a[1]:b[0]]
                    before = text[max(0, a[0] - 4):a[0]]
                    if between == " and the " and before.lower() == "the ":
                        rep = f"{a[3]} and {b[3]}"
                        merged.update({a, b})
                        yield self.finding(a[0], b[1], f"Spanish regional abbreviations \"{a[2]}\" and \"{b[2]}\"",
                                           self.replace(a[0], b[1], rep, f"write \"{rep}\"", safe=False))
        for h in hits:
            if h in merged:
                continue
            s, e, key, english, safe, _ = h
            fix = self.replace(s, e, english, f"write \"{english}\"", safe=safe) if english else None
            yield self.finding(s, e, f"Spanish abbreviation \"{key}\" left in English copy", fix)

    @staticmethod
    def _glossed(text, start, end, english):
        """The copy explains the abbreviation: "a DANA storm", "the storm, known in
        Spain as a DANA", "DANA (a cut-off low)", "the so-called DANA"."""
        if text[end:end + 2] == " (":
            return True
        before = text[max(0, start - 80):start].lower()
        after = text[end:end + 80].lower()
        if _CALLED.search(before, timeout=TIMEOUT):
            return True
        word = regex.escape(english.lower())
        return bool(regex.search(rf"\b{word}\b", before + " " + after, timeout=TIMEOUT))

    # -- su par ------------------------------------------------------------------
    def _par(self, doc, data):
        for m in _POSSESSIVE_PAR.finditer(doc.text, timeout=TIMEOUT):
            # "his Argentine par": a nationality settles it; bare "his par" must
            # not be followed by golf ("his par on the 18th", "his par putt").
            if not m[1] and m[3] and m[3].lower() in data["par_not"]:
                continue
            if self.is_accepted("par"):
                continue
            yield self.finding(m.start(2), m.end(2), "\"par\" is Spanish \"su par\": counterpart",
                               self.replace(m.start(2), m.end(2), "counterpart", "write \"counterpart\"",
                                            safe=False))

    # -- teaser labels and date shorthand ---------------------------------------
    def _labels(self, doc, data):
        text = doc.text
        for line in doc.lines:
            if ":" not in line.text:
                continue  # no label without its colon
            s = line.text.lstrip()
            off = line.start + len(line.text) - len(s)
            for lab in data["labels"]:
                if s.startswith(lab) and s[len(lab):len(lab) + 1] == ":":
                    yield self.finding(off, off + len(lab) + 1,
                                       f"Spanish related-link label \"{lab}:\" left in the copy")
                    break
        for m in _ELECTION_DATE.finditer(text, timeout=TIMEOUT):
            if m.group() in ("2-D", "3-D", "4-D"):
                continue  # dimensions, not dates
            yield self.finding(m.start(), m.end(),
                               f"\"{m.group()}\" is Spanish date shorthand (day-month initial)")
