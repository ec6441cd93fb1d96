"""Configuration: ``lintnews.toml`` or ``[tool.lintnews]`` in ``pyproject.toml``.

Found by walking up from the linted file's folder; the nearest file that
configures lintnews wins (a ``pyproject.toml`` without ``[tool.lintnews]`` is
passed over). ``--config PATH`` names one file for the whole run.

Every key is checked: an unknown key or a bad value is an error naming the
file and the key (exit status 2), never silently ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Severity

CONFIG_FILES = ("lintnews.toml", "pyproject.toml")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    select: list[str] | None = None        # None: every rule enabled by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    style: str = "ap"
    rules_folders: list[Path] = field(default_factory=list)
    accept: frozenset[str] = frozenset()
    exclude: list[str] = field(default_factory=list)
    rule_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: Path | None = None

    @property
    def base_dir(self) -> Path:
        return self.source.parent if self.source else Path.cwd()


def _err(path: Path | None, key: str, message: str) -> ConfigError:
    where = str(path) if path else "configuration"
    return ConfigError(f"{where}: {key}: {message}")


def _str_list(path: Path | None, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(path, key, "must be a list of strings")
    return list(value)


def parse_config(data: dict, path: Path | None) -> Config:
    """Build a Config from a ``[tool.lintnews]`` table, checking every key."""
    if not isinstance(data, dict):
        raise _err(path, "tool.lintnews", "must be a table")
    cfg = Config(source=path)
    base = path.parent if path else Path.cwd()
    accepted: set[str] = set()
    for key, value in data.items():
        if key == "select":
            cfg.select = _str_list(path, key, value)
        elif key == "extend-select":
            cfg.extend_select = _str_list(path, key, value)
        elif key == "ignore":
            cfg.ignore = _str_list(path, key, value)
        elif key == "fail-on":
            try:
                cfg.fail_on = Severity.parse(value)
            except ValueError as exc:
                raise _err(path, key, str(exc)) from None
        elif key == "style":
            if not isinstance(value, str) or not value:
                raise _err(path, key, "must be a house style name (ap, reuters) or a path to a .toml style")
            cfg.style = str(base / value) if value.endswith(".toml") else value
        elif key == "rules-folders":
            cfg.rules_folders = [base / v for v in _str_list(path, key, value)]
            for folder in cfg.rules_folders:
                if not folder.is_dir():
                    raise _err(path, key, f"folder {folder} does not exist")
        elif key == "accept":
            accepted.update(_str_list(path, key, value))
        elif key == "accept-file":
            for name in _str_list(path, key, value):
                f = base / name
                try:
                    lines = f.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError) as exc:
                    raise _err(path, key, f"cannot read {f}: {exc}") from None
                accepted.update(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))
        elif key == "exclude":
            cfg.exclude = _str_list(path, key, value)
        elif key == "root":
            if not isinstance(value, bool):
                raise _err(path, key, "must be true or false")
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise _err(path, key, "must be a table of [rules.<rule-id>] tables")
            cfg.rule_settings = {k: dict(v) for k, v in value.items()}
            for rule_id, settings in cfg.rule_settings.items():
                if "severity" in settings:
                    try:
                        settings["severity"] = Severity.parse(settings["severity"])
                    except ValueError as exc:
                        raise _err(path, f"rules.{rule_id}.severity", str(exc)) from None
        else:
            raise _err(path, key, "unknown key (known: select, extend-select, ignore, fail-on, style, "
                                  "rules-folders, accept, accept-file, exclude, root, rules)")
    cfg.accept = frozenset(accepted)
    return cfg


def read_config_file(path: Path) -> Config:
    import tomllib  # imported only when a config file is read
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("lintnews", {})
    elif "lintnews" in data and len(data) == 1 and isinstance(data["lintnews"], dict):
        data = data["lintnews"]
    return parse_config(data, path)


def _configures_lintnews(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if b"lintnews" not in raw:
        return False  # most projects' pyproject.toml: no need to parse it
    import tomllib
    try:
        return "lintnews" in tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml is someone else's problem unless it mentions us.
        try:
            return "[tool.lintnews" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False


class ConfigFinder:
    """Finds the config for each linted file, caching per folder."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = read_config_file(explicit) if explicit else None
        self._by_dir: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}

    def for_path(self, path: Path | None) -> Config:
        if self._explicit is not None:
            return self._explicit
        start = (path.parent if path else Path.cwd()).resolve()
        return self._for_dir(start)

    def _for_dir(self, folder: Path) -> Config:
        if folder in self._by_dir:
            return self._by_dir[folder]
        cfg = None
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _configures_lintnews(candidate):
                if candidate not in self._by_file:
                    self._by_file[candidate] = read_config_file(candidate)
                cfg = self._by_file[candidate]
                break
        if cfg is None:
            cfg = Config() if folder.parent == folder else self._for_dir(folder.parent)
        self._by_dir[folder] = cfg
        return cfg
