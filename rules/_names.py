"""Shared data for the name rules (place-case, name-variant, style-consistency).

Not a rule (the loader skips files starting with "_"). Everything here is
built lazily, once per process and per set of rules folders, the first time
a rule asks for it; importing this module costs nothing.
"""
from __future__ import annotations

import marshal
import unicodedata
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from pathlib import Path

from lintnews.document import tokenize

_CACHE: dict = {}
_FORMAT = 1  # of the cached gazetteer
_MEMO_MAX = 50_000  # bound on per-word memos: a long-running gate sees endless new words
DEMONYM, AMBIGUOUS = 1, 2  # Gazetteer.flags

# Words that open many place names and are everyday English on their own.
COMMON_MODIFIERS = frozenset("""new old north south east west upper lower great little long big
red green white black grand fort port cape central united the of""".split())


def strip_accents(s: str) -> str:
    if s.isascii():
        return s  # nothing to strip, and most words are
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def words_of(name: str) -> tuple[str, ...]:
    """The word tokens of a name, as the document tokenises them."""
    if name.replace(" ", "").replace("-", "").replace("'", "").isalnum() and "- " not in name \
            and " -" not in name and "' " not in name and " '" not in name:
        return tuple(name.split())  # the common case, without a regex
    return tuple(w for _, _, kind, w in tokenize(name) if kind == "word")


def token_forms(doc) -> tuple[list[str], set[str]]:
    """The text of every token, and the set of the word tokens' texts: worked
    out once per document for the name rules."""
    return doc.memo("names.token_forms", lambda: _token_forms(doc.tokens))


def _token_forms(tokens) -> tuple[list[str], set[str]]:
    texts = list(map(itemgetter(0), tokens))
    kinds = list(map(itemgetter(3), tokens))
    if kinds.count("word") == len(kinds):  # no address, handle or U.S.
        return texts, set(texts)
    return texts, {w for w, k in zip(texts, kinds) if k == "word"}


def pick_tokens(doc, *tests) -> list[list[int]]:
    """For each test, the word tokens (indices, in order) whose text passes it.

    Each distinct word form is tested once, and one scan at C speed finds the
    tokens of the forms that pass any test: a Python-level test on each of a
    long story's 100,000 tokens costs more than the checks themselves."""
    tokens = doc.tokens
    texts, forms = token_forms(doc)
    masks = {}
    for w in forms:
        m = 0
        for bit, test in enumerate(tests):
            if test(w):
                m |= 1 << bit
        if m:
            masks[w] = m
    out: list[list[int]] = [[] for _ in tests]
    for i in compress(range(len(tokens)), map(masks.get, texts)):
        if tokens[i].kind != "word":
            continue
        m = masks[texts[i]]
        for bit, lst in enumerate(out):
            if m >> bit & 1:
                lst.append(i)
    return out


def stem(word: str) -> str:
    """A word without its possessive ending: "Kiev's" → "Kiev"."""
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def match_words(text: str, tokens, i: int, words: tuple[str, ...]) -> int | None:
    """The end offset when tokens[i:] spell ``words`` exactly, one space apart
    (the last word may carry a possessive), else None."""
    k = len(words)
    if i + k > len(tokens):
        return None
    for n, w in enumerate(words):
        t = tokens[i + n]
        if t.kind != "word":
            return None
        if n and text[tokens[i + n - 1].end:t.start] not in (" ", "\u00a0"):
            return None
        if t.text != w and not (n == k - 1 and stem(t.text) == w):
            return None
    return tokens[i + k - 1].start + len(words[-1])


@dataclass(frozen=True, slots=True)
class Place:
    name: str                 # correct case: "Kyiv", "Latin American"
    words: tuple[str, ...]    # its word tokens
    kind: str                 # "place" | "demonym"
    ambiguous: bool           # also a common English word ("nice", "turkey")


class Gazetteer:
    """Places and demonyms: single words by their lowercase form, several-word
    names also indexed by the lowercase form of their first word."""

    def __init__(self) -> None:
        # While building: "kyiv" -> ("Kyiv", "place", ambiguous); "latin american" -> (...)
        self._all: dict[str, tuple[str, str, bool]] = {}
        # Built (see index()): plain dicts of strings, which marshal loads fast.
        self.names: dict[str, str] = {}             # key -> name in its correct case
        self.flags: dict[str, int] = {}             # key -> DEMONYM | AMBIGUOUS, when not 0
        self.by_first: dict[str, tuple[str, ...]] = {}  # first word -> several-word keys, longest first
        self.lowercase_phrases: set[tuple[str, ...]] = set()
        # Answers derived per word, for the rules (place-case's candidates).
        self.memo: dict = {}
        self._starting: dict[str, tuple[Place, ...]] = {}

    @staticmethod
    def key(name: str) -> str:
        return " ".join(words_of(name)).lower()

    def add(self, name: str, kind: str, ambiguous: bool, key: str | None = None) -> None:
        key = key or self.key(name)
        if not key:
            return
        old = self._all.get(key)
        # A later (curated or newsroom) entry wins, but an entry marked
        # ambiguous anywhere stays ambiguous.
        self._all[key] = (name, kind, ambiguous or (old is not None and old[2]))

    def set_ambiguous(self, name: str, value: bool) -> None:
        key = self.key(name)
        if key in self._all:
            n, k, _ = self._all[key]
            self._all[key] = (n, k, value)

    def index(self) -> None:
        single = {k for k, v in self._all.items() if v[2] and " " not in k}
        by_first: dict[str, list[tuple[int, str]]] = {}
        for key, (name, kind, amb) in self._all.items():
            if " " not in key:
                continue
            ws = words_of(name)
            # A several-word name made of ambiguous names and everyday
            # modifiers is ambiguous too: "new jersey" may be a new shirt.
            if not amb and all(w in single or w in COMMON_MODIFIERS for w in key.split()):
                amb = True
                self._all[key] = (name, kind, True)
            by_first.setdefault(ws[0].lower(), []).append((len(ws), key))
        for lst in by_first.values():
            lst.sort(key=lambda p: -p[0])  # longest first
        self.by_first = {first: tuple(key for _, key in lst) for first, lst in by_first.items()}
        self.names = {key: v[0] for key, v in self._all.items()}
        self.flags = {key: (v[1] == "demonym") * DEMONYM | v[2] * AMBIGUOUS
                      for key, v in self._all.items() if v[1] == "demonym" or v[2]}
        self._all = {}

    def get(self, key: str) -> Place | None:
        """A single-word or several-word place by its lowercase key."""
        name = self.names.get(key)
        if name is None:
            return None
        f = self.flags.get(key, 0)
        return Place(name, words_of(name) if " " in key else (name,),
                     "demonym" if f & DEMONYM else "place", bool(f & AMBIGUOUS))

    def lookup(self, name: str) -> Place | None:
        return self.get(self.key(name))

    def starting(self, first: str) -> tuple[Place, ...]:
        """The places that can start with a word whose lowercase form (without
        a possessive) is ``first``: several-word names longest first, then the
        single word."""
        c = self._starting.get(first)
        if c is None:
            c = tuple(self.get(key) for key in self.by_first.get(first, ()))
            single = self.get(first)
            if single is not None and len(single.words) == 1:
                c += (single,)
            if len(self._starting) > _MEMO_MAX:
                self._starting.clear()
            self._starting[first] = c
        return c


def _build(rule, store) -> Gazetteer:
    g = Gazetteer()
    for folder in store.folders:
        path = Path(folder) / "packs" / "gazetteer.txt"
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                name, tag = line.rstrip("\n").split("\t", 1)
                g.add(name, "demonym" if tag[0] == "D" else "place", tag[-1] == "~", name.lower())
    pack = rule.pack("places")
    for section in ("places", "regions", "seas", "landmarks", "institutions"):
        for name in pack.get(section, []):
            g.add(name, "place", False)
    for name in pack.get("demonyms", []):
        g.add(name, "demonym", False)
    for name in pack.get("ambiguous", []):
        g.set_ambiguous(name, True)
    for name in pack.get("unambiguous", []):
        g.set_ambiguous(name, False)
    g.index()
    g.lowercase_phrases = {tuple(w.lower() for w in words_of(p)) for p in pack.get("lowercase-phrases", [])}
    return g


def _cache_path(store) -> Path | None:
    """Where the built gazetteer is cached: keyed by every file it is built
    from (and this module, whose code builds it), so an edit rebuilds it."""
    import hashlib
    from lintnews.cache import cache_dir
    sources = [Path(f) / "packs" / "gazetteer.txt" for f in store.folders]
    sources = [p for p in sources if p.is_file()] + store.pack_paths("places") + [Path(__file__)]
    parts = [str(_FORMAT)]
    try:
        for p in sources:
            st = p.stat()
            parts.append(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}")
    except OSError:
        return None
    key = hashlib.sha1("\n".join(parts).encode()).hexdigest()[:20]
    return cache_dir() / f"gazetteer-{key}.marshal"


def _load(path: Path) -> Gazetteer | None:
    g = Gazetteer()
    try:
        with open(path, "rb") as fh:
            fmt, g.names, g.flags, g.by_first, phrases = marshal.loads(fh.read())
        g.lowercase_phrases = set(phrases)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no cache yet, or a damaged one
    if fmt != _FORMAT or not all(isinstance(d, dict) for d in (g.names, g.flags, g.by_first)):
        return None
    return g


def gazetteer(rule) -> Gazetteer:
    """The merged gazetteer: every rules folder's packs/gazetteer.txt, then
    the `places` pack (curated lists and a newsroom's additions).

    Building it costs about 10 ms, most of a cold run of place-case on one
    story, so the built tables are cached with marshal (see lintnews.cache)
    and load in about a millisecond."""
    store = rule._packs
    if store is None:
        from lintnews.packs import default_store
        store = rule._packs = default_store()
    key = ("gazetteer", tuple(store.folders))
    if key in _CACHE:
        return _CACHE[key]
    path = _cache_path(store)
    g = _load(path) if path is not None else None
    if g is None:
        g = _build(rule, store)
        if path is not None:
            try:
                from lintnews.cache import write_atomic
                write_atomic(path, marshal.dumps(
                    (_FORMAT, g.names, g.flags, g.by_first, sorted(g.lowercase_phrases))),
                    family="gazetteer-")
            except (OSError, ValueError):
                pass  # not writable: work from memory
    _CACHE[key] = g
    return g
