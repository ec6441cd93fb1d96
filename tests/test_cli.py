"""The command line as a user runs it: a real subprocess, real files."""
import json
import os
import stat

from conftest import FIRST_RULES, STORY, STORY_FIXED


def test_json_report_follows_the_contract(cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    r = cli("--format", "json", "--select", FIRST_RULES, f)
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    assert report["version"] == 1
    [entry] = report["files"]
    assert entry["path"] == str(f)
    diags = entry["diagnostics"]
    assert [d["start"] for d in diags] == sorted(d["start"] for d in diags)
    rules = {d["rule"] for d in diags}
    assert rules == {"whitespace", "repeated-word", "quote-punctuation", "missing-period"}
    for d in diags:
        assert set(d) >= {"rule", "severity", "message", "start", "end", "line", "column",
                          "end_line", "end_column", "fix"}
        assert d["severity"] in ("error", "warning", "info")
        lines = STORY.split("\n")
        # line/column point at the same place as the offset
        offset = sum(len(x) + 1 for x in lines[:d["line"] - 1]) + d["column"] - 1
        assert offset == d["start"]
        if d["fix"]:
            assert d["fix"]["applicability"] in ("safe", "unsafe")
            for e in d["fix"]["edits"]:
                assert set(e) == {"start", "end", "replacement"}
    quote = next(d for d in diags if d["rule"] == "quote-punctuation")
    assert STORY[quote["start"]:quote["end"]] == ".”,"


def test_every_file_appears_even_when_clean(cli, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("The mayor said Friday that the plan would go ahead.\n", encoding="utf-8")
    r = cli("--format", "json", a)
    assert r.returncode == 0, r.stdout + r.stderr
    assert json.loads(r.stdout)["files"] == [{"path": str(a), "diagnostics": []}]


def test_fix_is_exact_idempotent_and_keeps_permissions(cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    os.chmod(f, 0o640)
    r = cli("--fix", "--select", FIRST_RULES, f)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f.read_text(encoding="utf-8") == STORY_FIXED
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o640
    assert "fixed" in r.stderr
    once = f.read_bytes()
    mtime = os.stat(f).st_mtime_ns
    r = cli("--fix", "--select", FIRST_RULES, f)
    assert r.returncode == 0
    assert f.read_bytes() == once
    assert os.stat(f).st_mtime_ns == mtime  # nothing to change: not rewritten


def test_crlf_and_bom_survive_a_fix(cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"))
    r = cli("--format", "json", "--select", FIRST_RULES, f)
    diags = json.loads(r.stdout)["files"][0]["diagnostics"]
    text = STORY.replace("\n", "\r\n")
    quote = next(d for d in diags if d["rule"] == "quote-punctuation")
    assert text[quote["start"]:quote["end"]] == ".”,"  # offsets exclude the BOM, count CRs
    r = cli("--fix", "--select", FIRST_RULES, f)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f.read_bytes() == b"\xef\xbb\xbf" + STORY_FIXED.replace("\n", "\r\n").encode("utf-8")


def test_binary_and_latin1_files_get_clear_messages_and_the_run_goes_on(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("El presidente visitó Bogotá.\n".encode("latin-1"))
    r = cli("--format", "json", "--select", FIRST_RULES, binary, latin, good)
    assert r.returncode == 2
    report = json.loads(r.stdout)
    assert [e["path"] for e in report["files"]] == [str(binary), str(latin), str(good)]
    assert "binary" in report["files"][0]["error"]
    assert "UTF-8" in report["files"][1]["error"] and "Latin-1" in report["files"][1]["error"]
    assert report["files"][2]["diagnostics"]
    assert "photo.txt" in r.stderr and "latin.txt" in r.stderr
    # --fix leaves the unreadable files untouched
    before = latin.read_bytes()
    cli("--fix", latin, good)
    assert latin.read_bytes() == before


def test_missing_file_is_reported(cli, tmp_path):
    r = cli(tmp_path / "nope.txt")
    assert r.returncode == 2
    assert "no such file" in r.stdout + r.stderr


def test_stdin_lint_and_fix(cli):
    r = cli("--select", FIRST_RULES, "--stdin-filename", "story.txt", "-", input=STORY)
    assert r.returncode == 1
    assert "story.txt:" in r.stdout
    r = cli("--fix", "--select", FIRST_RULES, "-", input=STORY)
    assert r.stdout == STORY_FIXED  # fixed text on stdout, report on stderr
    assert r.returncode == 0


def test_diff_changes_nothing(cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    r = cli("--diff", "--select", FIRST_RULES, f)
    assert r.returncode == 1
    out = r.stdout
    assert out.startswith("--- a/") and "+“We have lost everything and we need help now,” said" in out
    assert f.read_text(encoding="utf-8") == STORY


def test_text_report_shows_line_marker_and_fix(cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    r = cli("--select", "repeated-word", f)
    out = r.stdout
    assert f"{f}:7:1: warning[repeated-word]" in out
    assert "^^^^^^^" in out and "= fix:" in out
    assert "\x1b[" not in out  # piped: no colour
    assert "1 finding in 1 file, 1 fixable with --fix." in out


def test_unsafe_fixes_need_the_flag(cli, tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "house.toml").write_text(
        '[rule]\nid = "house-phrases"\ncategory = "style"\nsummary = "Desk phrases"\n'
        'doc = "Phrases the desk rewrites."\nsafe = false\n'
        '[[entries]]\nphrase = "in the framework of"\nreplacement = "under"\n'
        '[[examples]]\ntext = "Talks in the framework of the deal."\nfixed = "Talks under the deal."\n'
        '[[examples]]\ntext = "Talks under the deal."\nvalid = true\n', encoding="utf-8")
    (tmp_path / "lintnews.toml").write_text('rules-folders = ["myrules"]\nselect = ["house-phrases"]\n')
    f = tmp_path / "s.txt"
    f.write_text("Talks in the framework of the deal ended.\n", encoding="utf-8")
    r = cli("--fix", f)
    assert r.returncode == 1
    assert f.read_text() == "Talks in the framework of the deal ended.\n"
    r = cli("--fix", "--unsafe-fixes", f)
    assert r.returncode == 0, r.stdout
    assert f.read_text() == "Talks under the deal ended.\n"


def test_directories_are_walked_in_order(cli, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Fine copy.\n")
    (tmp_path / "a.txt").write_text("Fine copy.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("the the\n")
    r = cli("--format", "json", tmp_path)
    paths = [e["path"] for e in json.loads(r.stdout)["files"]]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_bad_options_exit_2(cli, tmp_path):
    f = tmp_path / "s.txt"
    f.write_text("Copy.\n")
    assert cli("--select", "no-such-rule", f).returncode == 2
    assert cli("--format", "xml", f).returncode == 2
    assert cli().returncode == 2


def test_fail_on_error_ignores_warnings(cli, tmp_path):
    f = tmp_path / "s.txt"
    f.write_text(STORY, encoding="utf-8")
    assert cli("--select", FIRST_RULES, "--fail-on", "error", f).returncode == 0


def test_rules_and_explain(cli):
    r = cli("rules")
    out = r.stdout
    assert r.returncode == 0
    for rule in ("whitespace", "repeated-word", "quote-punctuation", "missing-period"):
        assert rule in out
    r = cli("explain", "quote-punctuation")
    out = r.stdout
    assert "## What it catches" in out and "## Fix safety" in out and "lintnews: disable=quote-punctuation" in out
    r = cli("explain", "nope")
    assert r.returncode == 2 and "unknown rule" in r.stderr
