"""Word-frequency lexicons (English, Spanish), shared by every rule that asks.

    from lintnews import lexicon
    en = lexicon.english()
    en.frequency("bridge")   # corpus count, 0 when unknown
    en.known("Bridge")       # case-insensitive membership
    en.zipf("bridge")        # log10 of occurrences per billion words (0 when unknown)
    en.edits1_known("goverment")   # known words one edit away, most frequent first
    lexicon.spanish().frequency("y")

The data is pyspellchecker's word-frequency lists (``resources/<lang>.json.gz``;
the English list has about 160,000 words, the Spanish one about 86,000, all
lower case). Parsing that gzip JSON costs 50-150 ms, too much for a cold run
on one story, so the first load writes a compact cache:

* the words are grouped into buckets by their first three letters, each bucket
  one ``"\\tword freq\\tword freq\\t"`` string, and the dict of buckets is written
  with :mod:`marshal` to ``<cache dir>/lexicon-<lang>-<pyspellchecker version>-<size>.marshal``;
* loading the cache is a file read plus ``marshal.loads`` of a few thousand
  strings (a few milliseconds); a lookup is one ``str.find`` in the word's
  bucket, remembered per word, so nothing is parsed that no rule asks for.

The cache dir is ``$LINTNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lintnews``,
else ``~/.cache/lintnews``. When it cannot be written (read-only home, CI
sandbox) the lexicon is built in memory from the gzip JSON: slower, same
answers. Nothing is loaded at import time; each language is loaded at most
once per process, on first use. ``python -m lintnews.lexicon`` (re)builds
the caches and prints where they are.
"""
from __future__ import annotations

import marshal
import math
import os
import threading
from pathlib import Path
from typing import Iterable

from .cache import cache_dir, write_atomic

__all__ = ["Lexicon", "english", "spanish", "get", "cache_dir", "clear"]

CACHE_FORMAT = 2
_BUCKET = 3  # letters of the bucket key
_LETTERS = "abcdefghijklmnopqrstuvwxyz'"

_lock = threading.Lock()
_loaded: dict[str, "Lexicon"] = {}


# Longer than any word in the dictionaries ("floccinaucinihilipilification" is 29).
MAX_WORD = 34
_SEEN_MAX = 100_000


class Lexicon:
    """A lower-case word -> corpus count table, parsed bucket by bucket on demand."""

    def __init__(self, lang: str, buckets: dict[str, str], total: int, source: str = "") -> None:
        self.lang = lang
        self.total = max(total, 1)
        self.source = source  # "cache", "built" or "memory": how it was loaded (for benchmarks)
        self._raw = buckets
        self._seen: dict[str, int] = {}

    # -- lookups ---------------------------------------------------------------
    def frequency(self, word: str) -> int:
        """How often the word occurs in the source corpus (case-insensitive); 0 if unknown."""
        f = self._seen.get(word)
        if f is not None:
            return f
        f = self._lookup(word)
        # Memoise the story's words, within a bound: a gate that runs for weeks
        # sees millions of distinct strings and must not keep them all.
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()
        self._seen[word] = f
        return f

    def _lookup(self, word: str) -> int:
        w = word.lower().replace("’", "'")
        f = 0
        raw = self._raw.get(w[:_BUCKET])
        if raw and w:
            # A bucket is "\tword freq\tword freq\t": one C-speed find, no dict to build.
            i = raw.find(f"\t{w} ")
            if i != -1:
                start = i + len(w) + 2
                f = int(raw[start:raw.index("\t", start)])
        return f

    __getitem__ = frequency

    def known(self, word: str, min_frequency: int = 1) -> bool:
        return self.frequency(word) >= min_frequency

    __contains__ = known

    def probability(self, word: str) -> float:
        return self.frequency(word) / self.total

    def zipf(self, word: str) -> float:
        """log10 of occurrences per billion words: ~7 for "the", ~4 for "bridge", 0 unknown."""
        f = self.frequency(word)
        return math.log10(f * 1e9 / self.total) if f else 0.0

    def edits1(self, word: str) -> set[str]:
        """Strings one deletion, transposition, replacement or insertion away."""
        w = word.lower()
        splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
        deletes = [a + b[1:] for a, b in splits if b]
        transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
        inserts = [a + c + b for a, b in splits for c in _LETTERS]
        return set(deletes + transposes + replaces + inserts) - {w}

    def edits1_known(self, word: str, min_frequency: int = 1) -> list[tuple[str, int]]:
        """Known words one edit away, most frequent first: [(word, frequency), ...].

        Nothing for a string longer than any dictionary word: its edits would
        cost memory in proportion to the square of its length."""
        if len(word) > MAX_WORD:
            return []
        # Candidates are looked up without memoising: they are mostly nonsense.
        out = [(c, f) for c in self.edits1(word) if (f := self._lookup(c)) >= min_frequency]
        out.sort(key=lambda x: (-x[1], x[0]))
        return out

    def __len__(self) -> int:
        return sum(raw.count("\t") - 1 for raw in self._raw.values() if raw)

    def __repr__(self) -> str:  # pragma: no cover
        return f"Lexicon({self.lang!r}, source={self.source!r})"


# -- loading -------------------------------------------------------------------------

def _source(lang: str) -> tuple[Path, str]:
    """pyspellchecker's data file for ``lang`` and the installed version.

    Found without importing the package or scanning all distributions
    (``importlib.metadata`` costs more than loading the cache itself)."""
    import importlib.util
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.origin:
        raise RuntimeError("pyspellchecker is not installed")
    pkg = Path(spec.origin).parent
    version = "unknown"
    try:
        for entry in os.scandir(pkg.parent):
            name = entry.name
            if name.startswith("pyspellchecker-") and name.endswith((".dist-info", ".egg-info")):
                version = name[len("pyspellchecker-"):].rsplit(".", 1)[0]
                break
    except OSError:  # pragma: no cover
        pass
    return pkg / "resources" / f"{lang}.json.gz", version


def _build(path: Path) -> tuple[dict[str, str], int]:
    import gzip  # only when the cache is built, not on every run
    import json
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data: dict[str, int] = json.load(fh)
    groups: dict[str, list[str]] = {}
    total = 0
    for word, freq in data.items():
        word = word.lower()
        if not word or " " in word:
            continue
        total += int(freq)
        groups.setdefault(word[:_BUCKET], []).append(f"{word} {int(freq)}")
    return {k: "\t" + "\t".join(v) + "\t" for k, v in groups.items()}, total


def _cache_path(lang: str, path: Path, version: str) -> Path:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return cache_dir() / f"lexicon-{lang}-{version}-{size}-v{CACHE_FORMAT}.marshal"


def _load(lang: str) -> Lexicon:
    path, version = _source(lang)
    cpath = _cache_path(lang, path, version)
    try:
        with open(cpath, "rb") as fh:
            fmt, total, buckets = marshal.loads(fh.read())
        if fmt == CACHE_FORMAT and isinstance(buckets, dict):
            return Lexicon(lang, buckets, total, "cache")
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache yet, or a damaged one: rebuild it
    buckets, total = _build(path)
    source = "memory"
    try:
        write_atomic(cpath, marshal.dumps((CACHE_FORMAT, total, buckets)), family=f"lexicon-{lang}-", keep=2)
        source = "built"
    except OSError:
        pass  # not writable: keep the in-memory copy
    return Lexicon(lang, buckets, total, source)


def get(lang: str) -> Lexicon:
    """The lexicon for a pyspellchecker language code, loaded once per process."""
    lex = _loaded.get(lang)
    if lex is None:
        with _lock:
            lex = _loaded.get(lang)
            if lex is None:
                lex = _loaded[lang] = _load(lang)
    return lex


def english() -> Lexicon:
    return get("en")


def spanish() -> Lexicon:
    return get("es")


def clear() -> None:
    """Forget the loaded lexicons (tests and benchmarks)."""
    _loaded.clear()


def _main(argv: Iterable[str] | None = None) -> int:  # pragma: no cover - tool
    import time
    for lang in ("en", "es"):
        path, version = _source(lang)
        cpath = _cache_path(lang, path, version)
        try:
            cpath.unlink()
        except OSError:
            pass
        clear()
        t = time.perf_counter()
        lex = get(lang)
        print(f"{lang}: {len(lex)} words, {lex.source} in {1000 * (time.perf_counter() - t):.0f} ms -> {cpath}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())


# -- the story's own vocabulary --------------------------------------------------------

class StoryNames:
    """The names a story uses, for rules that must not "correct" them.

    ``names``: capitalised words used away from a sentence start (``doc.names``),
    plus capitalised words at a sentence start that English does not know as a
    word ("Jerí will…"). ``count``: how often each word token occurs.
    ``before``: for each name, the capitalised words seen right before it
    ("Antony" before "Blinken"), to recognise a full name written again.
    """

    def __init__(self, doc) -> None:
        from collections import Counter
        en = english()
        text = doc.text
        tokens = [t for t in doc.tokens if t.kind == "word"]
        words = [t.text for t in tokens]
        self.count = Counter(words)
        names = set(doc.names)
        # A capitalised word missing from doc.names occurs only at sentence starts.
        for w in self.count:
            if w[:1].isupper() and w not in names and en.zipf(w) < 2.0:
                names.add(w)
        self.names = frozenset(names)
        before: dict[str, set[str]] = {}
        for i in range(1, len(words)):
            if words[i] in names:  # names are capitalised
                a, b = tokens[i - 1], tokens[i]
                if a.text[:1].isupper() and text[a.end:b.start] in (" ", "\u00a0"):
                    before.setdefault(b.text, set()).add(a.text)
        self.before = before


def story_names(doc) -> StoryNames:
    """The :class:`StoryNames` of a document, computed once and shared by every rule."""
    return doc.memo("lexicon.story_names", lambda: StoryNames(doc))
