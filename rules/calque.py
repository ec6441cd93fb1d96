"""calque: Spanish constructions rendered word for word ("this Monday", "assured that",
"head of US diplomacy", "counts with", inverted attribution)."""
from __future__ import annotations

import regex

from lintnews import Invalid, Rule, Severity, Valid
from lintnews import regex_cache
from lintnews.lazy import LazyPattern as _Lazy
from lintnews.document import TIMEOUT


_SPACES = _Lazy(r"\s+")
_PROPERTY = _Lazy(r"\\[pP]\{[^}]*\}")  # \p{Lu}: the stdlib parser reads it as \w
_AN_NUMBER = _Lazy(r"(?:8|11|18|8\d|8\d\d)(?!\d)")  # "an 8", "an 11", "an 80"

MACROS = {
    "WEEKDAY": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    "MONTH": "January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.",
    "NUM": r"\d[\d,.]*",
    "NUMWORD": "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
               "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety",
    "COUNTRYADJ": r"Spanish|Mexican|Argentine|Argentinian|Colombian|Peruvian|Chilean|Venezuelan|Ecuadorian"
                  r"|Bolivian|Brazilian|Cuban|Uruguayan|Paraguayan|Guatemalan|Honduran|Salvadoran|Nicaraguan"
                  r"|Panamanian|Costa\s+Rican|Dominican|Russian|Ukrainian|Chinese|French|German|British|Italian"
                  r"|Israeli|Iranian|European|Japanese|Turkish|Indian|Canadian|Portuguese|Polish|Saudi|Qatari"
                  r"|Egyptian|Syrian|Lebanese|Palestinian|Venezuelan|North\s+Korean|South\s+Korean",
}
# "…”, reported the …" / "…, explained the …": the verb and what follows it.
INVERTED = _Lazy(
    r"(?:[”\"’]\s*,?|(?<=\p{L}\p{Ll}),)\s+(?P<verb>\p{Ll}+)(?:\s+(?P<part>out))?\s+(?P<rest>[^\n.;!?,“”\"]{1,100})")
SUBJ_WORD = _Lazy(r"[\p{L}\p{M}'’\-]+")
SUBJ_END = _Lazy(r"\s*[,.;]|\s*$|\s+(?:\p{Lu}|(?:of|on|in|at|during|after|from)\b)")
NAME_SUBJ = _Lazy(r"\p{Lu}[\p{Ll}\p{M}'’\-]+(?:\s+(?:de\s+|del\s+)?\p{Lu}[\p{Ll}\p{M}'’\-]+){1,3}(?=\s*(?:[,;]|$))")
_FIELD = _Lazy(r"\{(\w+)(?::(\w+))?\}")
_WEEKDAYS = MACROS["WEEKDAY"]


def _ordinal(n: str) -> str:
    try:
        v = int(n)
    except ValueError:
        return n
    suffix = "th" if 10 <= v % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(v % 10, "th")
    return f"{v}{suffix}"


def _article(word: str) -> str:
    w = word.strip().lower()
    if _AN_NUMBER.match(w, timeout=TIMEOUT) or w[:1] in "aeiou":
        return "an"
    return "a"


def _us(word: str) -> str:
    return "U.S." if word.replace(".", "").upper() in ("US", "AMERICAN") else word


FILTERS = {"lower": str.lower, "ordinal": _ordinal, "article": _article, "us": _us}


# Common words that say nothing about whether an entry can match.
_COMMON = frozenset("""that this with have from their they which were been will said what when where
there than then them these those into over after before about more most some such only other
being does each very""".split())


def _best(sets):
    """Of several sufficient trigger sets, the most selective: long, uncommon words, few of them."""
    def score(ws):
        return (min(len(w) - (10 if w in _COMMON else 0) for w in ws), -len(ws))
    return max(sets, key=score) if sets else None


def _required(items):
    """A set of words one of which every match of the parsed sequence must contain
    (present in the text at least), or None when no such set is known."""
    return _best(_required_sets(items))


def _required_sets(items):
    """Every set of words that a match of the parsed sequence must contain one of."""
    from re import _constants as C  # the stdlib parser reads the pattern's structure
    sets, chunk = [], []

    def flush():
        word = "".join(chunk).lower()
        if len(word) >= 3:
            sets.append({word})
        chunk.clear()
    for op, av in items:
        if op is C.LITERAL and chr(av).isalpha():
            chunk.append(chr(av))
            continue
        flush()
        sub = None
        if op is C.SUBPATTERN:
            sub = _required(av[-1])
        elif op is C.BRANCH:
            parts = [_required(b) for b in av[1]]
            sub = set().union(*parts) if all(parts) else None
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        elif op is C.ASSERT and av[0] < 0:
            sub = _required(av[1])  # a lookbehind: its words are in the text too
        if sub:
            sets.append(sub)
    flush()
    return sets


def _parse(pattern: str):
    import re
    try:
        probe = _PROPERTY.sub(r"\\w", pattern, timeout=TIMEOUT)
        return list(re._parser.parse(probe, re.IGNORECASE))
    except Exception:  # a construct the stdlib parser does not know
        return None


def required_words(pattern: str) -> tuple:
    """Trigger words for a pattern: the text must contain one of them for the
    pattern to match. Empty when they cannot be worked out (always compile)."""
    parsed = _parse(pattern)
    words = _required(parsed) if parsed is not None else None
    return tuple(sorted(words)) if words else ()


def also_required(pattern: str) -> tuple:
    """Further word sets, besides the trigger words, that a match must contain
    one of each of: a story that mentions a weekday but never "dawn" or "early"
    need not compile "in the early hours of this Monday". Sets holding a word
    too common to tell stories apart are left out."""
    parsed = _parse(pattern)
    if parsed is None:
        return ()
    sets = _required_sets(parsed)
    best = _best(sets)
    out = []
    for ws in sets:
        if ws is best or ws == best or any(len(w) <= 3 or w in _COMMON for w in ws):
            continue
        key = tuple(sorted(ws))
        if key not in out:
            out.append(key)
    return tuple(out)


class Entry:
    """One calque of the pack. Its pattern is compiled only when one of its
    trigger words occurs in the text (compiling every pattern of a large pack
    would cost more than running them)."""

    __slots__ = ("id", "source", "flags", "_regex", "prefer", "spanish", "fix", "fix_map", "quotes",
                 "triggers", "letter_triggers", "requires")

    def __init__(self, raw: dict) -> None:
        pattern = raw["match"]
        for key, value in MACROS.items():
            pattern = pattern.replace("{" + key + "}", f"(?:{value})")
        self.flags = 0 if raw.get("case-sensitive") else regex.IGNORECASE
        self.id = raw.get("id", "")
        self.source = pattern
        self._regex = None
        self.prefer = raw.get("prefer", "")
        self.spanish = raw.get("spanish", "")
        self.fix = raw.get("fix")
        self.fix_map = {_SPACES.sub(" ", k.lower(), timeout=TIMEOUT): v for k, v in raw.get("fix-map", {}).items()}
        self.quotes = bool(raw.get("quotes", False))
        if "trigger" in raw:
            self.triggers = tuple(w.lower() for w in raw["trigger"])
        else:
            self.triggers = required_words(pattern)
        self.requires = tuple(tuple(ws) for ws in raw.get("requires", ()))
        # Triggers made of letters only can be looked up in the document's vocabulary.
        self.letter_triggers = all(w.isalpha() for ws in (self.triggers, *self.requires) for w in ws)

    @property
    def regex(self):
        if self._regex is None:
            self._regex = regex_cache.compile(self.source, self.flags)
        return self._regex

    def may_match(self, doc) -> bool:
        """False when the text lacks every trigger word, or every word of a required set."""
        if not self.triggers:
            return True
        haystack = doc.vocabulary if self.letter_triggers else doc.memo("text.lower", doc.text.lower)
        return (any(w in haystack for w in self.triggers)
                and all(any(w in haystack for w in ws) for ws in self.requires))

    def replacement(self, m) -> str | None:
        if self.fix_map:
            key = _SPACES.sub(" ", m.group().lower(), timeout=TIMEOUT)
            return self.fix_map.get(key)
        if self.fix is None:
            return None

        def field(f):
            value = m.group(f[1]) or ""
            return FILTERS[f[2]](value) if f[2] else value
        return _FIELD.sub(field, self.fix, timeout=TIMEOUT)


def _match_case(text: str, start: int, replacement: str) -> str:
    """Capitalise the replacement when it opens a sentence."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    opens = i == 0 or text[i - 1] in ".!?…\n“\"‘(["
    if opens and text[start:start + 1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Calque(Rule):
    id = "calque"
    category = "calque"
    severity = Severity.WARNING
    summary = "A Spanish construction rendered word for word"
    doc = """
    ## What it catches
    Spanish→English translationese, from the `calques` pack (each entry gives
    the Spanish source, the preferred English, its source and an example):

    - dates: `this Wednesday` (este miércoles) → `on Wednesday`; `since this Monday`
      → `since Monday`; `in the early hours of this Tuesday` → `early on Tuesday`;
      `in June of 2019` → `in June 2019`; `in the minute 22` → `in the 22nd minute`;
    - reporting verbs: `assured that` (aseguró que) → `said that`, but not
      `assured him of`; `affirmed that`, `informed that`, `denounced that`,
      `in statements to` (en declaraciones a) → `told`; and inverted
      attribution with a verb other than "said": `…”, reported the director of…`;
    - titles and periphrases: `the head of US diplomacy` → `the top U.S. diplomat`,
      `the President of the Government` → `prime minister`, `the also president`,
      `the Hebrew state`, `the Aztec country`, `the first mandatary`, `homologue`;
    - idioms and false friends: `counts with` → `has`, `in the framework of` →
      `as part of`, `through his social networks` → `on social media`,
      `lost their lives` → `died`, `rejected to` → `refused to`, `a tower of
      twelve floors` → `a twelve-story tower`, `civilian victims`, `realized an operation`…

    ## Not flagged
    Periphrases real wires use (`the Andean country`, `the South American
    nation`, `the Jewish state`), `within the framework of`, `assure` with an
    object (`the envoy assured her of both`), and, inside direct quotations,
    everything but the unmistakable periphrases (what someone said is theirs).

    ## Why
    Calques are the most frequent defect of machine-translated wire copy: the
    words are English, the construction is Spanish, and the copy reads as a
    translation.

    ## Example
    `The head of US diplomacy assured this Tuesday that…` →
    `The top U.S. diplomat said on Tuesday that…`

    ## Options
    `disable`: a list of pack entry ids to skip (e.g. `["lost-their-lives"]`).
    Newsrooms add entries with a `packs/calques.toml` of their own.

    ## Fix safety
    Unsafe: a calque is rewritten the way a wire editor usually would, but the
    right wording depends on the sentence. Many entries only flag and name the
    preferred form. Nothing inside a quotation is rewritten.
    """
    options = {"disable": []}
    examples = [
        Valid("The minister said on Monday that talks would resume.\n"),
        Valid("The envoy assured her of both.\n"),
        Valid("The Andean country and the South American nation signed a treaty.\n"),
        Valid("The accord was signed within the framework of the United Nations.\n"),
        Valid("“We will meet this Monday,” she said.\n"),
        Valid("The leader of the Jewish state spoke on Tuesday.\n"),
        Valid("The top U.S. diplomat, who landed in Hanoi on Wednesday, met the trade minister.\n"),
        Valid("“Thanks to the volunteers,” Okonkwo said at a briefing, and she thanked the fire crews.\n"),
        Valid("The company said it counted on government support.\n"),
        Valid("The deficit amounts to 3% of output, said Manuel Ruiz, a former minister.\n"),
        Valid("The country's new head of state took the oath on Sunday in June 2021.\n"),
        Valid("Insurers are assured of payment, the ministry said.\n"),
        Invalid("The ministry reported this Monday a loss.\n",
                fixed="The ministry reported on Monday a loss.\n", unsafe=True, flagged="this Monday"),
        Invalid("The strike has lasted since this Monday.\n",
                fixed="The strike has lasted since Monday.\n", unsafe=True),
        Invalid("The senators passed the bill in the early hours of this Tuesday.\n",
                fixed="The senators passed the bill early on Tuesday.\n", unsafe=True),
        Invalid("The union, in a short statement, assured that its members would return to work.\n",
                fixed="The union, in a short statement, said that its members would return to work.\n",
                unsafe=True),
        Invalid("The head of US diplomacy, during his first trip to Seoul, met students.\n",
                fixed="The top U.S. diplomat, during his first trip to Seoul, met students.\n", unsafe=True),
        Invalid("The President of the Government, back from Brussels, opened the debate.\n",
                fixed="The prime minister, back from Brussels, opened the debate.\n", unsafe=True),
        Invalid("“The meeting was useful”, reported the trade minister after the session.\n",
                fixed="“The meeting was useful”, said the trade minister after the session.\n", unsafe=True,
                flagged="reported the trade minister"),
        Invalid("The museum counts with a new wing for sculpture.\n",
                fixed="The museum has a new wing for sculpture.\n", unsafe=True),
        Invalid("The talks took place in the framework of the summit.\n",
                fixed="The talks took place as part of the summit.\n", unsafe=True),
        Invalid("She announced it through her social networks.\n",
                fixed="She announced it on social media.\n", unsafe=True),
        Invalid("The Aztec country exported more cars.\n", fixed="Mexico exported more cars.\n", unsafe=True),
        Invalid("Four climbers lost their lives on the mountain.\n",
                fixed="Four climbers died on the mountain.\n", unsafe=True),
        Invalid("The fire gutted a government building of eleven floors.\n",
                fixed="The fire gutted an eleven-story government building.\n", unsafe=True),
        Invalid("The bridge was opened to traffic in June of 2019.\n",
                fixed="The bridge was opened to traffic in June 2019.\n", unsafe=True),
        Invalid("The minister rejected to resign.\n", fixed="The minister refused to resign.\n", unsafe=True),
        Invalid("The also president of the party spoke.\n", fixed=None, flagged="The also president"),
        Invalid("The minister said in statements to the press that prices would fall.\n", fixed=None),
        Invalid("“The Hebrew state will not accept these terms,” the envoy said.\n", fixed=None,
                flagged="The Hebrew state"),
        Invalid("The striker scored in the minute 22.\n", fixed="The striker scored in the 22nd minute.\n",
                unsafe=True),
    ]

    def _entries(self) -> list[Entry]:
        pack = self.pack("calques")
        cached = getattr(type(self), "_compiled", None)
        if cached is not None and cached[0] is pack:
            entries = cached[1]
        else:
            entries = [Entry(raw) for raw in pack.get("calque", [])]
            type(self)._compiled = (pack, entries)
        disabled = set(self.opts.get("disable") or [])
        return [e for e in entries if e.id not in disabled]

    def _inverted_data(self):
        pack = self.pack("attribution")
        cached = getattr(type(self), "_inv", None)
        if cached is not None and cached[0] is pack:
            return cached[1]
        data = ({_SPACES.sub(" ", v.lower(), timeout=TIMEOUT) for v in pack.get("inverted-verbs", [])},
                {n.lower() for n in pack.get("person-nouns", []) if " " not in n})
        type(self)._inv = (pack, data)
        return data

    def _inverted(self, doc):
        """Inverted attribution with a verb other than "said": "…”, reported the director of…",
        "…, explained the minister Tomás Arregui." Yields (start, end, verb)."""
        verbs, nouns = self._inverted_data()
        text = doc.text
        for m in INVERTED.finditer(text, timeout=TIMEOUT):
            verb = m["verb"] + (f" {m['part']}" if m["part"] else "")
            if verb not in verbs:
                if m["verb"] not in verbs:
                    continue
                verb = m["verb"]
            vend = m.start("verb") + len(verb)
            rest_start = m.start("rest")
            rest = text[rest_start:m.end("rest")]
            if m["part"] and verb == m["verb"]:
                continue  # "pointed up the…": not an attribution
            end = None
            words = list(SUBJ_WORD.finditer(rest, timeout=TIMEOUT))
            if words and words[0].group() == "the":
                for w in words[1:7]:
                    after = rest[w.end():]
                    if w.group().lower() in nouns and SUBJ_END.match(after, timeout=TIMEOUT):
                        end = rest_start + w.end()
                        break
            else:
                nm = NAME_SUBJ.match(rest, timeout=TIMEOUT)
                if nm:
                    end = rest_start + nm.end()
            if end is not None:
                yield m.start("verb"), end, verb, vend

    def check(self, doc):
        text = doc.text
        found = []  # (start, end, order, message, replacement or None)
        for order, entry in enumerate(self._entries()):
            if not entry.may_match(doc):
                continue
            for m in entry.regex.finditer(text, timeout=TIMEOUT):
                if m.end() == m.start():
                    continue
                in_quote = doc.in_quote(m.start(), m.end())
                if in_quote and not entry.quotes:
                    continue
                repl = None if in_quote else entry.replacement(m)
                msg = f"calque of Spanish \"{entry.spanish}\": write {entry.prefer}" if entry.spanish \
                    else f"calque: write {entry.prefer}"
                found.append((m.start(), m.end(), order, msg, repl))
        for s, e, verb, vend in self._inverted(doc):
            if doc.in_quote(s, e):
                continue
            repl = "said" + text[vend:e]
            found.append((s, e, -1, f"inverted attribution \"{verb} the …\" (Spanish word order): "
                                    "write \"<speaker> said\"", repl))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
        last_end = -1
        for s, e, _order, msg, repl in found:
            if s < last_end:
                continue
            last_end = e
            fix = None
            if repl is not None:
                repl = _match_case(text, s, repl)
                fix = self.replace(s, e, repl, f"replace with \"{repl}\"", safe=False)
            yield self.finding(s, e, msg, fix)
