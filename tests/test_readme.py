"""The README's rule table is generated from the rules' metadata and current."""
import importlib.util

from conftest import ROOT


def test_readme_rule_table_is_current():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "tools" / "update_readme.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    assert mod.render(current) == current, "README.md rule table is stale: run python tools/update_readme.py"


def test_readme_commands_match_ci():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci
