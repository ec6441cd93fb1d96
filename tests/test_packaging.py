"""The wheel must carry the engine, every subpackage and the rules folder."""
import tomllib

from conftest import ROOT


def test_every_package_folder_is_listed_in_pyproject():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(cfg["packages"])
    for init in (ROOT / "lintnews").rglob("__init__.py"):
        name = ".".join(init.parent.relative_to(ROOT).parts)
        assert name in listed, f"{name} is not in [tool.setuptools] packages"
    for init in (ROOT / "rules").rglob("__init__.py"):
        name = ".".join(("lintnews_rules", *init.parent.relative_to(ROOT / "rules").parts))
        assert name in listed, f"{name} is not in [tool.setuptools] packages"


def test_every_pack_file_is_package_data():
    import fnmatch
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = cfg["package-data"]["lintnews_rules"]
    for f in (ROOT / "rules").rglob("*"):
        if f.is_file() and f.suffix not in (".py", ".pyc") and "__pycache__" not in f.parts:
            rel = f.relative_to(ROOT / "rules").as_posix()
            assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"rules/{rel} is not shipped in the wheel"
