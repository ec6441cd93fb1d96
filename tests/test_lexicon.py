"""The shared word-frequency lexicon: answers, caching, fallback, story names."""
import os
import stat
import subprocess
import sys

import pytest

from lintnews import Document, lexicon


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    lexicon.clear()
    yield tmp_path / "cache"
    lexicon.clear()


def test_english_frequencies():
    en = lexicon.english()
    assert en.frequency("the") > en.frequency("bridge") > 0
    assert en.frequency("Bridge") == en.frequency("bridge")
    assert en.known("government") and not en.known("goverment")
    assert "which" in en and "canalwhich" not in en
    assert en.frequency("") == 0
    assert 6 < en.zipf("the") < 8 and en.zipf("qzxv") == 0.0
    assert 0 < en.probability("the") < 1


def test_spanish_frequencies():
    es = lexicon.spanish()
    assert es.frequency("y") > es.frequency("gobierno") > 0
    assert es.known("presidente") and not lexicon.english().known("presidente")


def test_loaded_once_per_process():
    assert lexicon.english() is lexicon.english()
    assert lexicon.get("es") is lexicon.spanish()


def test_edits1_known_ranks_by_frequency():
    cands = lexicon.english().edits1_known("goverment")
    assert cands[0][0] == "government"
    assert all(a[1] >= b[1] for a, b in zip(cands, cands[1:]))


def test_cache_is_written_and_reused(fresh_cache):
    first = lexicon.english()
    assert first.source == "built"
    files = list(fresh_cache.glob("lexicon-en-*.marshal"))
    assert len(files) == 1
    lexicon.clear()
    again = lexicon.english()
    assert again.source == "cache"
    assert again.frequency("bridge") == first.frequency("bridge")
    assert len(again) == len(first) > 100_000


def test_damaged_cache_is_rebuilt(fresh_cache):
    lexicon.english()
    (path,) = fresh_cache.glob("lexicon-en-*.marshal")
    path.write_bytes(b"not marshal data")
    lexicon.clear()
    en = lexicon.english()
    assert en.source == "built" and en.known("bridge")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_unwritable_cache_dir_falls_back_to_memory(fresh_cache):
    fresh_cache.mkdir(parents=True)
    fresh_cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        en = lexicon.english()
        assert en.source == "memory" and en.known("bridge")
    finally:
        fresh_cache.chmod(stat.S_IRWXU)


def test_cache_dir_on_a_file_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(blocker / "sub"))
    lexicon.clear()
    try:
        en = lexicon.english()
        assert en.source == "memory" and en.known("bridge")
    finally:
        lexicon.clear()


def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("LINTNEWS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon.cache_dir() == tmp_path / "lintnews"


def test_nothing_loaded_at_import():
    code = ("import sys, lintnews, lintnews.lexicon as L; import lintnews.engine;"
            "print(bool(L._loaded), 'spellchecker' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_story_names():
    doc = Document("Henrik Lindqvist, Sweden's trade minister (AP)\n\n"
                   "Ordóñez will govern until July. The minister met Henrik Lindqvist in Lima.\n")
    names = lexicon.story_names(doc)
    assert {"Lindqvist", "Lima", "Ordóñez"} <= names.names
    assert "The" not in names.names
    assert "Henrik" in names.before["Lindqvist"]
    assert names.count["Lindqvist"] == 2
    assert lexicon.story_names(doc) is names  # memoised on the document
