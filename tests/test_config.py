"""Configuration: discovery by walking up, every key checked, errors name file and key."""
import json

import pytest

from lintnews.config import ConfigError, ConfigFinder, parse_config
from lintnews.engine import Linter
from conftest import STORY


def test_pyproject_found_by_walking_up(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.lintnews]\nselect = ["repeated-word"]\n')
    sub = tmp_path / "desk" / "world"
    sub.mkdir(parents=True)
    f = sub / "s.txt"
    f.write_text(STORY, encoding="utf-8")
    r = cli("--format", "json", f)
    rules = {d["rule"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]}
    assert rules == {"repeated-word"}


def test_pyproject_without_our_table_is_passed_over(tmp_path):
    (tmp_path / "lintnews.toml").write_text('ignore = ["whitespace"]\n')
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.black]\nline-length = 80\n')
    cfg = ConfigFinder().for_path(inner / "s.txt")
    assert cfg.ignore == ["whitespace"]


def test_nearest_config_wins(tmp_path):
    (tmp_path / "lintnews.toml").write_text('ignore = ["whitespace"]\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "lintnews.toml").write_text('ignore = ["repeated-word"]\n')
    assert ConfigFinder().for_path(inner / "s.txt").ignore == ["repeated-word"]


@pytest.mark.parametrize("body, key", [
    ('selct = ["x"]\n', "selct"),
    ('fail-on = "fatal"\n', "fail-on"),
    ('select = "whitespace"\nignore = [1]\n', "ignore"),
    ('[rules.whitespace]\nseverity = "loud"\n', "rules.whitespace.severity"),
    ('rules-folders = ["missing"]\n', "rules-folders"),
])
def test_bad_config_names_file_and_key(cli, tmp_path, body, key):
    (tmp_path / "lintnews.toml").write_text(body)
    f = tmp_path / "s.txt"
    f.write_text("Copy.\n")
    r = cli(f)
    assert r.returncode == 2
    assert "lintnews.toml" in r.stderr and key in r.stderr


def test_malformed_toml_is_a_clear_error(cli, tmp_path):
    (tmp_path / "lintnews.toml").write_text('select = [\n')
    f = tmp_path / "s.txt"
    f.write_text("Copy.\n")
    r = cli(f)
    assert r.returncode == 2 and "not valid TOML" in r.stderr


def test_unknown_rule_option_and_wrong_type(tmp_path):
    cfg = parse_config({"rules": {"missing-period": {"min-wordz": 3}}}, tmp_path / "lintnews.toml")
    with pytest.raises(ConfigError, match=r"rules.missing-period.min-wordz: unknown option"):
        Linter(cfg)
    cfg = parse_config({"rules": {"missing-period": {"min-words": "three"}}}, tmp_path / "lintnews.toml")
    with pytest.raises(ConfigError, match="expected int"):
        Linter(cfg)
    cfg = parse_config({"rules": {"no-such-rule": {}}}, tmp_path / "lintnews.toml")
    with pytest.raises(ConfigError, match="unknown rule"):
        Linter(cfg)


def test_per_rule_severity_and_options(tmp_path):
    cfg = parse_config({"select": ["missing-period"],
                        "rules": {"missing-period": {"severity": "error", "min-words": 20}}}, None)
    linter = Linter(cfg)
    text = "Talks began.\n\nThe prime minister said the talks would resume soon\n"
    assert linter.lint_text(text).diagnostics == []  # fewer than 20 words
    cfg = parse_config({"select": ["missing-period"], "rules": {"missing-period": {"severity": "error"}}}, None)
    [d] = Linter(cfg).lint_text(text).diagnostics
    assert d.severity.value == "error"


def test_accepted_words_reach_the_rules(tmp_path):
    (tmp_path / "accept.txt").write_text("# desk names\nSirhan\n")
    cfg = parse_config({"accept": ["Kyiv"], "accept-file": "accept.txt"}, tmp_path / "lintnews.toml")
    assert cfg.accept == {"Kyiv", "Sirhan"}


def test_house_style_by_path_extends_a_builtin(tmp_path):
    (tmp_path / "house.toml").write_text('extends = "reuters"\nname = "Desk"\n')
    cfg = parse_config({"style": "house.toml"}, tmp_path / "lintnews.toml")
    linter = Linter(cfg)
    assert linter.style.get("quote-punctuation") == "logical"
    assert linter.style.get("name") == "Desk"
    with pytest.raises(ConfigError, match="unknown house style"):
        Linter(parse_config({"style": "nyt"}, None))
