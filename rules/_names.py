"""Shared data for the name rules (place-case, name-variant, style-consistency).

Not a rule (the loader skips files starting with "_"). Everything here is
built lazily, once per process and per set of rules folders, the first time
a rule asks for it; importing this module costs nothing.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lintnews.document import TOKEN_RE

_CACHE: dict = {}

# Words that open many place names and are everyday English on their own.
COMMON_MODIFIERS = frozenset("""new old north south east west upper lower great little long big
red green white black grand fort port cape central united the of""".split())


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def words_of(name: str) -> tuple[str, ...]:
    """The word tokens of a name, as the document tokenises them."""
    return tuple(m.group() for m in TOKEN_RE.finditer(name) if m.lastgroup == "word")


@dataclass(frozen=True, slots=True)
class Place:
    name: str                 # correct case: "Kyiv", "Latin American"
    words: tuple[str, ...]    # its word tokens
    kind: str                 # "place" | "demonym"
    ambiguous: bool           # also a common English word ("nice", "turkey")


class Gazetteer:
    """Places and demonyms indexed by the lowercase form of their first word."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[Place]] = {}
        self.lowercase_phrases: set[tuple[str, ...]] = set()
        self.sources: list[str] = []

    def add(self, name: str, kind: str, ambiguous: bool) -> None:
        ws = words_of(name)
        if not ws or not any(w[:1].isupper() for w in ws):
            return
        key = ws[0].lower()
        lst = self.by_first.setdefault(key, [])
        lower = tuple(w.lower() for w in ws)
        for i, p in enumerate(lst):
            if tuple(w.lower() for w in p.words) == lower:
                # A later (curated or newsroom) entry wins, but an entry
                # marked ambiguous anywhere stays ambiguous.
                lst[i] = Place(name, ws, kind, ambiguous or p.ambiguous)
                return
        lst.append(Place(name, ws, kind, ambiguous))
        lst.sort(key=lambda p: -len(p.words))

    def set_ambiguous(self, lower: str, value: bool) -> None:
        ws = tuple(w.lower() for w in words_of(lower))
        for i, p in enumerate(self.by_first.get(ws[0] if ws else "", [])):
            if tuple(w.lower() for w in p.words) == ws:
                self.by_first[ws[0]][i] = Place(p.name, p.words, p.kind, value)

    def lookup(self, name: str) -> Place | None:
        ws = tuple(w.lower() for w in words_of(name))
        for p in self.by_first.get(ws[0] if ws else "", []):
            if tuple(w.lower() for w in p.words) == ws:
                return p
        return None


def gazetteer(rule) -> Gazetteer:
    """The merged gazetteer: every rules folder's packs/gazetteer.txt, then
    the `places` pack (curated lists and a newsroom's additions)."""
    store = rule._packs
    if store is None:
        from lintnews.packs import default_store
        store = rule._packs = default_store()
    key = ("gazetteer", tuple(store.folders))
    if key in _CACHE:
        return _CACHE[key]
    g = Gazetteer()
    for folder in store.folders:
        path = Path(folder) / "packs" / "gazetteer.txt"
        if not path.is_file():
            continue
        g.sources.append(str(path))
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                name, tag = line.rstrip("\n").split("\t", 1)
                g.add(name, "demonym" if tag.startswith("D") else "place", tag.endswith("~"))
    pack = rule.pack("places")
    for section in ("places", "regions", "seas", "landmarks", "institutions"):
        for name in pack.get(section, []):
            g.add(name, "place", False)
    for name in pack.get("demonyms", []):
        g.add(name, "demonym", False)
    for name in pack.get("ambiguous", []):
        g.set_ambiguous(name, True)
    # A several-word name made of ambiguous names and everyday modifiers is
    # ambiguous too: "new jersey" may be a new shirt.
    single = {k for k, ps in g.by_first.items() for p in ps if len(p.words) == 1 and p.ambiguous}
    for key, ps in g.by_first.items():
        for idx, p in enumerate(ps):
            if len(p.words) > 1 and not p.ambiguous and all(
                    w.lower() in single or w.lower() in COMMON_MODIFIERS for w in p.words):
                ps[idx] = Place(p.name, p.words, p.kind, True)
    for name in pack.get("unambiguous", []):
        g.set_ambiguous(name, False)
    g.lowercase_phrases = {tuple(w.lower() for w in words_of(p)) for p in pack.get("lowercase-phrases", [])}
    _CACHE[key] = g
    return g
