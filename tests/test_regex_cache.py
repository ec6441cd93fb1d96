"""The cache of compiled regex programs: a pattern rebuilt from the cache
behaves exactly like one compiled by regex itself, and a damaged, foreign or
unwritable cache is never a problem."""
from __future__ import annotations

import sys

import pytest
import regex

from lintnews import regex_cache
from lintnews.document import TIMEOUT
from lintnews.lazy import LazyPattern
from lintnews.testing import rule_classes

SAMPLE = ("MEXICO CITY (AP) — This Monday, the head of US diplomacy said that 16,8 billion "
          "“we will win.”, he added. Zelensky y Blinken met in kyiv at 15:00 hours; EE.UU. "
          "READ ALSO: www.example.com a@b.org #tag The the minister, Ana Moralessaid. ") * 3


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """A new cache folder and an empty process table, restored afterwards."""
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regex_cache, "_compiled", {})
    monkeypatch.setattr(regex_cache, "_programs", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    return tmp_path / "cache"


def _restart():
    """What a new process sees: nothing compiled, the file not read yet."""
    regex_cache._compiled.clear()
    regex_cache._new.clear()
    regex_cache._programs = None


def _behaviour(rx, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text, timeout=TIMEOUT)]


def _project_patterns():
    rule_classes()  # imports every rule file
    found = {}
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if not (name.startswith("lintnews") or name.startswith("lintnews_rulefile_")):
            continue
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                found[value._args] = value._args
    from lintnews.config import Config
    from lintnews.engine import Linter
    [calque] = Linter(Config(), select=["calque"]).rules
    for entry in calque._entries():
        found[(entry.source, entry.flags)] = True
    assert len(found) > 100
    return list(found)


def test_every_project_pattern_behaves_the_same_from_the_cache(fresh_cache):
    patterns = _project_patterns()
    for pattern, flags in patterns:
        regex_cache.compile(pattern, flags)
    regex_cache._save()
    assert regex_cache.cache_path().exists()
    _restart()
    for pattern, flags in patterns:
        cached = regex_cache.compile(pattern, flags)
        assert not regex_cache._new, f"{pattern!r} was compiled again, not rebuilt from the file"
        plain = regex.compile(pattern, flags)
        assert cached.pattern == plain.pattern and cached.flags == plain.flags
        assert cached.groupindex == plain.groupindex
        assert _behaviour(cached, SAMPLE) == _behaviour(plain, SAMPLE), pattern


def test_backreferences_case_folding_and_named_groups(fresh_cache):
    cases = [(r"(?P<w>\p{L}+)\s+(?P=w)", regex.V1), (r"\bthis\s+(?:monday|tuesday)\b", regex.IGNORECASE),
             (r"(?<=\d)[.,](?=\d{3}\b)", regex.V1), (r"(?i)straße", 0)]
    text = "the the This MONDAY 16.800 1,500 STRASSE straße"
    expected = [_behaviour(regex.compile(p, f), text) for p, f in cases]
    for p, f in cases:
        regex_cache.compile(p, f)
    regex_cache._save()
    _restart()
    assert [_behaviour(regex_cache.compile(p, f), text) for p, f in cases] == expected


def test_damaged_file_is_ignored_and_rewritten(fresh_cache):
    regex_cache.compile(r"a+b")
    regex_cache._save()
    path = regex_cache.cache_path()
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one flipped byte: the checksum no longer matches
    path.write_bytes(bytes(data))
    _restart()
    assert regex_cache.compile(r"a+b").findall("aab ab") == ["aab", "ab"]
    assert regex_cache._new, "the damaged entry was compiled afresh"
    path.write_bytes(b"short")
    _restart()
    assert regex_cache.compile(r"a+b").findall("ab") == ["ab"]


def test_file_is_named_by_regex_and_python_versions(fresh_cache):
    name = regex_cache.cache_path().name
    assert regex.__version__ in name and sys.implementation.cache_tag in name


def test_bad_pattern_raises_like_regex(fresh_cache):
    with pytest.raises(regex.error):
        regex_cache.compile(r"(unclosed")


def test_unwritable_cache_folder_still_compiles(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(regex_cache, "_compiled", {})
    monkeypatch.setattr(regex_cache, "_programs", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    assert regex_cache.compile(r"x\d+").findall("x1 x22") == ["x1", "x22"]
    regex_cache._save()  # must not raise
