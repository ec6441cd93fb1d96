"""Data packs and house styles.

A rules folder may hold ``packs/<name>.toml`` (word lists, place names,
calques…) and ``packs/styles/<name>.toml`` (house styles). A pack of the same
name in several folders — the built-in rules, then a newsroom's own folders —
is merged in that order: tables merge key by key, lists are concatenated,
other values are replaced. So a newsroom extends the built-in gazetteer by
shipping a ``packs/gazetteer.toml`` of its own with just its additions.

A house style is a pack with an optional ``extends = "ap"`` at its top; the
style it extends is merged under it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable


class PackError(Exception):
    pass


def deep_merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = deep_merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _parse_toml(path: Path) -> dict:
    import tomllib  # here, not at import: a run whose packs are all cached never needs it
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_toml(path: Path) -> dict:
    """A pack's data. Parsing TOML costs tens of milliseconds for the big
    packs, so the parse is cached per file version (see lintnews.cache)."""
    from .cache import cached_file
    return cached_file(Path(path), "pack", lambda: _parse_toml(Path(path)))


class HouseStyle:
    """A merged house style. ``get("quote-punctuation", "american")`` reads a
    top-level setting; ``section("names")`` reads a table."""

    def __init__(self, name: str, data: dict, sources: list[Path]) -> None:
        self.name = name
        self.data = data
        self.sources = sources

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def section(self, key: str) -> dict:
        value = self.data.get(key, {})
        return value if isinstance(value, dict) else {}

    def __repr__(self) -> str:  # pragma: no cover
        return f"HouseStyle({self.name!r})"


class PackStore:
    """Finds and merges packs across an ordered list of rules folders (cached)."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.folders = [Path(f) for f in folders]
        self._packs: dict[str, dict] = {}
        self._styles: dict[str, HouseStyle] = {}

    def pack_paths(self, name: str) -> list[Path]:
        return [f / "packs" / f"{name}.toml" for f in self.folders
                if (f / "packs" / f"{name}.toml").is_file()]

    def pack(self, name: str) -> dict:
        if name not in self._packs:
            merged: dict = {}
            for path in self.pack_paths(name):
                merged = deep_merge(merged, read_toml(path))
            self._packs[name] = merged
        return self._packs[name]

    def style_names(self) -> list[str]:
        names = set()
        for f in self.folders:
            d = f / "packs" / "styles"
            if d.is_dir():
                names.update(p.stem for p in d.glob("*.toml"))
        return sorted(names)

    def style(self, name_or_path: str, *, _seen: tuple = ()) -> HouseStyle:
        """A house style by name (from any rules folder) or by path to a TOML file."""
        key = str(name_or_path)
        if key in self._styles:
            return self._styles[key]
        if key in _seen:
            raise PackError(f"house style {key!r} extends itself")
        path = Path(key)
        if key.endswith(".toml"):
            if not path.is_file():
                raise PackError(f"house style file {key} not found")
            paths = [path]
        else:
            paths = [f / "packs" / "styles" / f"{key}.toml" for f in self.folders
                     if (f / "packs" / "styles" / f"{key}.toml").is_file()]
            if not paths:
                known = ", ".join(self.style_names()) or "none"
                raise PackError(f"unknown house style {key!r} (known: {known})")
        data: dict = {}
        for p in paths:
            data = deep_merge(data, read_toml(p))
        sources = list(paths)
        parent = data.pop("extends", None)
        if parent:
            if isinstance(parent, str) and parent.endswith(".toml") and not Path(parent).is_absolute():
                parent = str(paths[0].parent / parent)
            base = self.style(parent, _seen=_seen + (key,))
            data = deep_merge(base.data, data)
            sources = base.sources + sources
        style = HouseStyle(path.stem if key.endswith(".toml") else key, data, sources)
        self._styles[key] = style
        return style


_DEFAULT: PackStore | None = None


def builtin_rules_folder() -> Path:
    import lintnews_rules
    return Path(lintnews_rules.__file__).parent


def default_store() -> PackStore:
    """The store over the built-in rules folder alone (for rules used outside a run)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = PackStore([builtin_rules_folder()])
    return _DEFAULT
