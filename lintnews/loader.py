"""Finding and loading rules: the built-in rules folder, a newsroom's own
folders named in the config, and packages that declare the ``lintnews.rules``
entry point. The engine knows no particular rule; everything comes from here.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .datarule import data_rule_class
from .packs import PackError, builtin_rules_folder, read_toml
from .rule import Rule, validate_rule_class

ENTRY_POINT_GROUP = "lintnews.rules"


class RuleLoadError(Exception):
    pass


@dataclass
class RuleSet:
    rules: dict[str, type[Rule]]  # id -> class, in load order
    folders: list[Path]           # rules folders (for packs), built-in first


def _rule_classes(module: ModuleType) -> list[type[Rule]]:
    out = []
    for value in vars(module).values():
        if (isinstance(value, type) and issubclass(value, Rule) and value is not Rule
                and value.__module__ == module.__name__ and value.id):
            out.append(value)
    return out


def _import_file(path: Path) -> ModuleType:
    # A stable, unique module name per file, so two folders may both hold "calque.py".
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10]
    name = f"lintnews_rulefile_{path.stem}_{digest}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuleLoadError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise RuleLoadError(f"{path}: failed to load: {type(exc).__name__}: {exc}") from exc
    return module


def load_folder(folder: Path) -> list[type[Rule]]:
    """Every rule in a rules folder: one per ``*.py`` file, plus TOML rules."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleLoadError(f"rules folder {folder} does not exist")
    found: list[type[Rule]] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("_"):
            continue
        if path.suffix == ".py":
            found.extend(_rule_classes(_import_file(path)))
        elif path.suffix == ".toml":
            try:
                data = read_toml(path)
            except PackError as exc:
                raise RuleLoadError(str(exc)) from None
            if "rule" in data:
                try:
                    found.append(data_rule_class(data, path))
                except ValueError as exc:
                    raise RuleLoadError(f"{path}: {exc}") from None
    return found


def _entry_point_declared() -> bool:
    """Whether any installed distribution declares a ``lintnews.rules`` entry
    point. Importing importlib.metadata costs 20 ms of every cold run; a
    scan of the metadata folders for the group's name costs one or two."""
    marker = f"[{ENTRY_POINT_GROUP}]"
    for base in sys.path:
        try:
            entries = os.scandir(base or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as fh:
                        if marker in fh.read():
                            return True
                except OSError:
                    continue
    return False


def _entry_point_rules() -> tuple[list[type[Rule]], list[Path]]:
    rules: list[type[Rule]] = []
    folders: list[Path] = []
    if not _entry_point_declared():
        return rules, folders
    from importlib import metadata
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:
            raise RuleLoadError(f"entry point {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
        if isinstance(obj, ModuleType):
            rules.extend(_rule_classes(obj))
            if getattr(obj, "__file__", None):
                folder = Path(obj.__file__).parent
                if (folder / "packs").is_dir():
                    folders.append(folder)
        elif isinstance(obj, type) and issubclass(obj, Rule):
            rules.append(obj)
    return rules, folders


_CACHE: dict[tuple, RuleSet] = {}


def load_rules(extra_folders: list[Path] | tuple = (), *, entry_points: bool = True) -> RuleSet:
    key = (tuple(str(Path(f).resolve()) for f in extra_folders), entry_points)
    if key in _CACHE:
        return _CACHE[key]
    builtin = builtin_rules_folder()
    folders = [builtin] + [Path(f) for f in extra_folders]
    classes: list[type[Rule]] = []
    for folder in folders:
        classes.extend(load_folder(folder))
    if entry_points:
        ep_rules, ep_folders = _entry_point_rules()
        classes.extend(ep_rules)
        folders.extend(ep_folders)
    rules: dict[str, type[Rule]] = {}
    for cls in classes:
        problems = validate_rule_class(cls)
        if problems:
            raise RuleLoadError(f"{cls.source_file()}: " + "; ".join(problems))
        if cls.id in rules and rules[cls.id] is not cls:
            raise RuleLoadError(
                f"rule id {cls.id!r} is defined twice: {rules[cls.id].source_file()} and {cls.source_file()}")
        rules[cls.id] = cls
    result = RuleSet(rules, folders)
    _CACHE[key] = result
    return result
