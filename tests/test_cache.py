"""The per-user cache of parsed packs: fast, keyed by file version, never trusted blindly."""
import os
import time

from lintnews import cache
from lintnews.packs import PackError, read_toml

import pytest


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(d))
    return d


def test_pack_parse_is_cached_and_follows_edits(tmp_path, cache_home):
    pack = tmp_path / "places.toml"
    pack.write_text('towns = ["Piura"]\n', encoding="utf-8")
    assert read_toml(pack) == {"towns": ["Piura"]}
    assert len(list(cache_home.glob("pack-places-*.marshal"))) == 1
    assert read_toml(pack) == {"towns": ["Piura"]}  # from the cache
    time.sleep(0.01)
    pack.write_text('towns = ["Piura", "Tumbes"]\n', encoding="utf-8")
    assert read_toml(pack) == {"towns": ["Piura", "Tumbes"]}


def test_damaged_cache_is_rebuilt(tmp_path, cache_home):
    pack = tmp_path / "p.toml"
    pack.write_text('a = 1\n', encoding="utf-8")
    read_toml(pack)
    [entry] = cache_home.glob("pack-p-*.marshal")
    entry.write_bytes(b"\x00garbage")
    assert read_toml(pack) == {"a": 1}


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(blocker / "sub"))
    pack = tmp_path / "p.toml"
    pack.write_text('a = 1\n', encoding="utf-8")
    assert read_toml(pack) == {"a": 1}


def test_values_marshal_cannot_store_are_not_cached(tmp_path, cache_home):
    pack = tmp_path / "d.toml"
    pack.write_text("when = 2024-05-01\n", encoding="utf-8")
    assert str(read_toml(pack)["when"]) == "2024-05-01"


def test_bad_toml_is_still_a_clear_error(tmp_path, cache_home):
    pack = tmp_path / "bad.toml"
    pack.write_text("a = [\n", encoding="utf-8")
    with pytest.raises(PackError, match="not valid TOML"):
        read_toml(pack)


def test_old_entries_of_a_family_are_pruned(tmp_path, cache_home):
    # A CI runner checks the stories out to a new folder each time: each run's
    # pack gets a new key, and the cache must not grow for ever.
    for run in range(10):
        checkout = tmp_path / f"build-{run}"
        checkout.mkdir()
        pack = checkout / "places.toml"
        pack.write_text('towns = ["Piura"]\n', encoding="utf-8")
        assert read_toml(pack) == {"towns": ["Piura"]}
        time.sleep(0.002)
    assert len(list(cache_home.glob("pack-places-*.marshal"))) == 4
    other = tmp_path / "names.toml"
    other.write_text('x = 1\n', encoding="utf-8")
    read_toml(other)
    assert len(list(cache_home.glob("pack-places-*.marshal"))) == 4  # another family is left alone
    assert len(list(cache_home.glob("pack-names-*.marshal"))) == 1


def test_prune_keeps_the_newest(tmp_path):
    for i in range(6):
        f = tmp_path / f"regex-v{i}.marshal"
        f.write_bytes(b"x")
        os.utime(f, ns=(i * 10**9, i * 10**9))
    (tmp_path / "gazetteer-a.marshal").write_bytes(b"x")
    cache.prune(tmp_path, "regex-", keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-a.marshal", "regex-v4.marshal",
                                                          "regex-v5.marshal"]
