"""First-name gender lookup, loaded lazily from the built-in names pack.

The pack (``packs/names-gender.txt`` of the built-in rules folder) is made by
``tools/build_names_gender.py`` from the nomquamgender data set. It is read on
the first lookup only, once per process (about 55,000 names, a few ms).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

FEMALE, MALE, AMBIGUOUS = "f", "m", "a"


def fold(name: str) -> str:
    """Lower-case ASCII form of a name: ``Analía`` → ``analia``."""
    if name.isascii():
        return name.lower()  # nothing to decompose or strip
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _lines() -> tuple[tuple[str, str], ...]:
    """The pack's three classes as space-padded strings: a membership test is
    one substring search, far cheaper than building a 55,000-entry dict."""
    from .packs import builtin_rules_folder
    p = builtin_rules_folder() / "packs" / "names-gender.txt"
    out = []
    try:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                key, names = line.rstrip("\n").split("\t", 1)
                out.append((key, " " + names + " "))
    except OSError:
        return ()
    return tuple(out)


# A substring search costs about 0.2 ms for a name not in the pack; past this
# many of them, sets of the names (a few ms to build) answer instead.
_SEARCHES_BEFORE_SETS = 40
_searches = 0
_sets: tuple[tuple[str, frozenset[str]], ...] | None = None


def _class_of(key: str) -> str | None:
    global _searches, _sets
    sets = _sets
    if sets is None:
        _searches += 1
        if _searches <= _SEARCHES_BEFORE_SETS:
            for cls, names in _lines():
                if key in names:
                    return cls
            return None
        # Names hold no space: " name " is in the padded list exactly when
        # name is one of its words.
        sets = _sets = tuple((cls, frozenset(names.split(" "))) for cls, names in _lines())
    name = key[1:-1]
    for cls, names in sets:
        if name in names:
            return cls
    return None


@lru_cache(maxsize=4096)
def gender_of(first_name: str) -> str | None:
    """``"f"``, ``"m"``, ``"a"`` (a name either gender uses) or None (not a known first name)."""
    key = " " + fold(first_name) + " "
    if len(key) < 4 or not key.strip().isalpha():
        return None
    return _class_of(key)
