"""name-variant: transliteration and exonym variants of names (Kiev, Volodimir, Nueva York)."""
from __future__ import annotations

from collections import Counter
from itertools import compress

from lintnews import Invalid, Rule, Severity, Valid
from lintnews_rules._names import gazetteer, match_words, pick_tokens, stem, strip_accents, token_forms, words_of

_CACHE: dict = {}
# Particles that join a place to the name of an institution ("Banco do Brasil").
_PARTICLES = frozenset({"de", "do", "da", "del", "dos", "das", "la", "el", "of"})


class NameVariant(Rule):
    id = "name-variant"
    category = "names"
    severity = Severity.WARNING
    summary = "A name in a transliteration or language English copy does not use: `Kiev`, `Volodimir`, `Nueva York`"
    doc = """
    ## What it catches
    - transliteration variants English wires dropped: `Kiev` → `Kyiv`,
      `Kharkov` → `Kharkiv`, `Odessa` → `Odesa`, `Volodimir` → `Volodymyr`,
      `Dmitro` → `Dmytro`, and the Spanish transliterations of Russian and
      Arabic names (`Shoigú`, `Navalni`, `Hezbolá`, `Jamenei`);
    - a given name that is wrong before a known surname: `Vladimir
      Zelensky` → `Volodymyr Zelensky` (while `Vladimir Putin` stays);
    - a surname the story also writes in a full transliterated name
      (`Abbas Araqchi` … `Araqchi`);
    - Spanish exonyms left by the translation: `Nueva York`, `Pekín`,
      `Londres`, `Moscú`, `Irak`, `Brasil` → `New York`, `Beijing`,
      `London`, `Moscow`, `Iraq`, `Brazil` — not inside a longer name
      (`Banco do Brasil`, `Radio Perú Online`, `Universidad de México`);
    - a name written with its accents and, once or twice, without them in
      the same story (`Ramón Gómez` … `Ramon Gomez`). A
      story that never writes the accents (AFP style) is
      left alone, as are names English writes unaccented (`Mexico`, `Peru`).

    Not flagged: `Chicken Kiev`, `Kievan Rus`, `Odessa, Texas` (the `keep`
    table of the pack), and the spellings among which the house style
    chooses (`Zelenskyy`, `Zelensky`, `Zelenskiy`): style-consistency
    flags a story that mixes them; set `house-forms = true` to have this
    rule replace every one of them with the house form.

    ## Where the names come from
    `packs/names.toml` (sources listed in it: AP and Reuters Ukraine
    entries, the Ukrainian national transliteration, the RAE's
    Diccionario panhispánico de dudas and Fundéu for the Spanish forms).
    The house spellings are the `[names]` table of the style
    (`packs/styles/ap.toml`: `zelensky = "Zelenskyy"`; `reuters.toml`:
    `"Zelenskiy"`). A newsroom adds variants with its own
    `packs/names.toml` (`[variants]`, `[exonyms]`, `[keep]`).

    ## Fix safety
    Safe for an exact variant of the pack. Inside a direct quotation the fix
    is unsafe (`--unsafe-fixes`): the speaker said the name and its spelling
    in English is the desk's, but --fix never edits a quote. The accent fix
    is unsafe (two people may share a name with and without
    accents) and is not offered inside quotations.
    """
    # The fix changes only how a proper name is spelled or cased, never the
    # words said ("I met the mayor of Jarkov" was said in Spanish; the
    # transliteration is ours). Still, --fix never edits a quotation: inside
    # one the fix is offered as unsafe, for the editor to opt in.
    quote_fixes_unsafe = True
    options = {"house-forms": False, "accents": True}
    examples = [
        Valid("Russian drones struck Kyiv and Odesa overnight.\n"),
        Valid("She ordered chicken Kiev at a restaurant in Kyiv.\n"),
        Valid("Kievan Rus was a medieval state.\n"),
        Valid("He grew up in Odessa, Texas, and moved to Kyiv in 2019.\n"),
        Valid("Russian President Vladimir Putin met Ukrainian President Volodymyr Zelenskyy.\n"),
        Valid("President Volodymyr Zelensky spoke to reporters. Zelensky said aid was coming.\n"),
        Valid("Shares of Banco do Brasil rose in Sao Paulo.\n"),
        Valid("The Fuerza Popular party met in Lima, and Radio Perú Online reported it.\n"),
        Valid("Students at the Universidad Nacional Autónoma de México marched in Mexico City.\n"),
        Valid("President Gabriel Lopez spoke in Caracas. Lopez said the vote was clean.\n"),
        Valid("Prime Minister Ramón Gómez met Gómez's allies in Madrid.\n"),
        Valid("Dmitry Peskov, the Kremlin spokesman, spoke in Moscow.\n"),
        Invalid("Russian missiles hit Kiev on Monday.\n", fixed="Russian missiles hit Kyiv on Monday.\n",
                flagged="Kiev"),
        Invalid("On Friday, Volodimir Zelensky visited the front.\n",
                fixed="On Friday, Volodymyr Zelensky visited the front.\n", flagged="Volodimir"),
        Invalid("Ukraine's leader Vladimir Zelensky thanked Washington.\n",
                fixed="Ukraine's leader Volodymyr Zelensky thanked Washington.\n", flagged="Vladimir"),
        Invalid("The mayor called Dmitro Lubinets.\n", fixed="The mayor called Dmytro Lubinets.\n"),
        Invalid("Fighting continued near Kharkov and Odessa.\n",
                fixed="Fighting continued near Kharkiv and Odesa.\n"),
        Invalid("The summit was held in Nueva York.\n", fixed="The summit was held in New York.\n",
                flagged="Nueva York"),
        Invalid("Xi received him in Pekín, then he flew to Moscú.\n",
                fixed="Xi received him in Beijing, then he flew to Moscow.\n"),
        Invalid("Troops left Irak in 2011, and exports to Brasil grew.\n",
                fixed="Troops left Iraq in 2011, and exports to Brazil grew.\n"),
        Invalid("The talks in Londres ended.\n", fixed="The talks in London ended.\n"),
        Invalid("President Zelenski spoke in Kyiv.\n", fixed="President Zelenskyy spoke in Kyiv.\n"),
        Invalid("President Zelenski spoke in Kyiv.\n", fixed="President Zelenskiy spoke in Kyiv.\n",
                style="reuters"),
        Invalid("Iran's foreign minister Abbas Araqchi spoke. Araqchi said talks would resume.\n",
                fixed="Iran's foreign minister Abbas Araghchi spoke. Araghchi said talks would resume.\n"),
        Invalid("Ramón Gómez took office. Ramon Gomez promised order, Gómez said.\n",
                fixed="Ramón Gómez took office. Ramón Gómez promised order, Gómez said.\n", unsafe=True),
        Invalid("President Zelensky spoke.\n", fixed="President Zelenskyy spoke.\n",
                options={"house-forms": True}),
    ]

    # -- data ----------------------------------------------------------------------
    def _data(self):
        pack = self.pack("names")
        key = id(pack)
        if key in _CACHE:
            return _CACHE[key]
        table: dict[str, tuple[str, str]] = {}  # variant -> (target, kind)
        for kind in ("variants", "exonyms"):
            for variant, target in pack.get(kind, {}).items():
                table[variant] = (target, kind)
        # Matched on the document's tokens, not with one big pattern: a
        # dictionary lookup per word costs nothing to build or to run.
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for variant in table:
            ws = words_of(variant)
            if ws:
                index.setdefault(ws[0], []).append((ws, variant))
        for lst in index.values():
            lst.sort(key=lambda x: -len(x[0]))
        # "Abbas Araqchi" -> "Abbas Araghchi" also makes a bare "Araqchi" a
        # variant in a story that names "Abbas Araqchi" (or "Abbas Araghchi").
        linked: dict[str, tuple[str, str, str]] = {}  # surname variant -> (surname, full variant, full target)
        for variant, (target, kind) in table.items():
            vw, tw = variant.split(), target.split()
            if kind == "variants" and len(vw) == len(tw) >= 2 and vw[:-1] == tw[:-1] and vw[-1] != tw[-1]:
                linked[vw[-1]] = (tw[-1], variant, target)
        given: dict[str, list[tuple[frozenset, str]]] = {}  # wrong given name -> [(surnames, correct)]
        for g in pack.get("given-names", {}).values():
            for v in g.get("variants", []):
                given.setdefault(v, []).append((frozenset(g.get("surnames", [])), g["correct"]))
        data = (table, index, linked, given, pack.get("keep", {}), pack.get("groups", {}))
        _CACHE[key] = data
        return data

    def _target(self, target: str, groups: dict) -> str:
        if target.startswith("@"):
            group = target[1:]
            forms = groups.get(group, [])
            return self.style.section("names").get(group) or (forms[0] if forms else target[1:])
        return target

    # -- checks --------------------------------------------------------------------
    def check(self, doc):
        table, index, linked, given, keep, groups = self._data()
        text = doc.text
        tokens = doc.tokens
        taken: list[tuple[int, int]] = []

        def free(s, e):
            return not any(a < e and s < b for a, b in taken)

        # The tokens each pass below looks at: capitalised words that start a
        # variant (as written or without a possessive); the words that are a
        # linked surname or a wrong given name; the names _accents counts.
        starts, others, capitalised = pick_tokens(
            doc, lambda w: w[:1].isupper() and (w in index or stem(w) in index),
            lambda w: stem(w) in linked or w in given,
            lambda w: w[:1].isupper() and not w.isupper() and len(w) >= 3)
        for i in starts:
            t = tokens[i]
            for ws, variant in index.get(t.text, ()) or index.get(stem(t.text), ()):
                end = match_words(text, tokens, i, ws)
                if end is None:
                    continue
                target, kind = table[variant]
                if self._kept(text, t.start, end, keep.get(variant, [])):
                    break
                if kind == "exonyms" and self._inside_name(doc, t.start, end):
                    break
                right = self._target(target, groups)
                if right == variant or not free(t.start, end):
                    break
                taken.append((t.start, end))
                yield self.finding(t.start, end, f"\"{variant}\": English copy writes \"{right}\"",
                                   self.replace(t.start, end, right, f"write \"{right}\""))
                break
        for i in others:
            t = tokens[i]
            word = stem(t.text)
            if word in linked:
                right, full_v, full_t = linked[word]
                e = t.start + len(word)
                if free(t.start, e) and (full_v in text or full_t in text):
                    taken.append((t.start, e))
                    yield self.finding(t.start, e,
                                       f"\"{word}\": the story's {full_t} is written \"{right}\" in English",
                                       self.replace(t.start, e, right, f"write \"{right}\""))
            if t.text in given and i + 1 < len(tokens) and text[t.end:tokens[i + 1].start] in (" ", "\u00a0"):
                surname = stem(tokens[i + 1].text)
                for surnames, correct in given[t.text]:
                    if surname in surnames and free(t.start, t.end):
                        taken.append((t.start, t.end))
                        yield self.finding(t.start, t.end,
                                           f"\"{t.text}\": this person's name is written \"{correct}\"",
                                           self.replace(t.start, t.end, correct, f"write \"{correct}\""))
                        break
        if self.opts["house-forms"]:
            yield from self._house_forms(doc, groups, free, taken)
        if self.opts["accents"]:
            yield from self._accents(doc, free, capitalised)

    @staticmethod
    def _kept(text: str, s: int, e: int, phrases) -> bool:
        for phrase in phrases:
            lo = max(0, s - len(phrase))
            i = text.find(phrase, lo, e + len(phrase))
            while i != -1 and i <= s:
                if i + len(phrase) >= e:
                    return True
                i = text.find(phrase, i + 1, e + len(phrase))
        # "Kievan", "Kiev-Pechersk": the variant inside a longer word is
        # excluded by the pattern itself.
        return False

    @staticmethod
    def _inside_name(doc, s: int, e: int) -> bool:
        """Part of a longer proper name: "Radio Perú Online", "TV Brasil", "Banco do Brasil"."""
        text = doc.text
        nxt = doc.token_at(e + 1) if text[e:e + 1] == " " else None
        if nxt is not None and nxt.kind == "word" and nxt.text[:1].isupper():
            return True
        prev = doc.token_at(s - 2) if s >= 2 and text[s - 1] == " " else None
        if prev is None or prev.kind != "word":
            return False
        if prev.lower in _PARTICLES:
            before = doc.token_at(prev.start - 2) if prev.start >= 2 and text[prev.start - 1] == " " else None
            return before is not None and before.text[:1].isupper() and not doc.is_sentence_start(before)
        return prev.text[:1].isupper() and not doc.is_sentence_start(prev) and prev.text.isalpha()

    def _house_forms(self, doc, groups, free, taken):
        house = self.style.section("names")
        wrong = {}
        for group, forms in groups.items():
            right = house.get(group)
            if right:
                wrong.update({f: right for f in forms if f != right})
        texts = token_forms(doc)[0]
        wanted = {w for w in set(texts) if stem(w) in wrong}
        for t in compress(doc.tokens, map(wanted.__contains__, texts)):
            word = stem(t.text)
            right = wrong.get(word)
            if right is None or not free(t.start, t.start + len(word)):
                continue
            e = t.start + len(word)
            taken.append((t.start, e))
            yield self.finding(t.start, e, f"\"{word}\": the house style writes \"{right}\"",
                               self.replace(t.start, e, right, f"write \"{right}\""))

    def _accents(self, doc, free, capitalised):
        """A name written with and without its accents in one story."""
        forms: dict[str, Counter] = {}
        starts = doc.sentence_starts
        texts = token_forms(doc)[0]
        # each capitalised word's count, in the order the story first writes it
        for name, n in Counter(map(texts.__getitem__, capitalised)).items():
            forms.setdefault(strip_accents(name), Counter())[name] = n
        gaz = None
        for bare, counts in forms.items():
            if len(counts) < 2 or bare not in counts:
                continue
            accented = [f for f in counts if f != bare]
            best = max(accented, key=lambda f: counts[f])
            if counts[best] < counts[bare]:
                continue
            if gaz is None:
                gaz = gazetteer(self)
            place = gaz.lookup(bare)
            if place is not None and place.words[0] == bare:
                continue  # English writes it unaccented: Mexico, Peru, Bogota
            for t in compress(doc.tokens, map(bare.__eq__, texts)):
                if free(t.start, t.end) and not doc.in_quote(t.start, t.end) \
                        and (t.start not in starts or counts[bare] == 1):
                    yield self.finding(t.start, t.end,
                                       f"\"{bare}\": the story writes this name \"{best}\" elsewhere",
                                       self.replace(t.start, t.end, best, f"write \"{best}\"", safe=False))
