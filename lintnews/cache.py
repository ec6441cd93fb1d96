"""The per-user cache: data that is slow to parse (pyspellchecker's gzip JSON,
TOML packs) kept as :mod:`marshal` files that load in milliseconds.

``$LINTNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lintnews``, else
``~/.cache/lintnews``. Every entry is keyed by what it was built from (path,
size, modification time, format version), written atomically, and rebuilt
when missing or damaged; when the folder cannot be written, lintnews works
from memory. Deleting the folder is always safe.
"""
from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any, Callable

FORMAT = 1


def cache_dir() -> Path:
    env = os.environ.get("LINTNEWS_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "lintnews"


def write_atomic(target: Path, payload: bytes, family: str | None = None, keep: int = 4) -> None:
    """Write a cache entry; then, when ``family`` (a file-name prefix) is given,
    delete all but the ``keep`` newest entries of that family.

    Entries are keyed by what they were built from, so every edited pack, new
    checkout path (a CI runner's fresh folder) or upgrade adds a file: without
    pruning the folder would grow for ever."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # The same temporary-file-and-rename as --fix: a reader never sees half a cache entry.
    from .files import write_atomic as replace_file
    replace_file(target, payload)
    if family:
        prune(target.parent, family, keep, spare=target.name)


def prune(folder: Path, family: str, keep: int, spare: str = "") -> None:
    """Delete the oldest ``family*.marshal`` entries beyond the ``keep`` newest
    (``spare``: the entry just written, always kept and counted)."""
    try:
        entries = []
        with os.scandir(folder) as it:
            for e in it:
                if e.name.startswith(family) and e.name.endswith(".marshal") and e.name != spare:
                    entries.append((e.stat().st_mtime_ns, e.path))
        entries.sort(reverse=True)
        for _, path in entries[max(keep - 1 if spare else keep, 0):]:  # the spared entry counts
            try:
                os.unlink(path)
            except OSError:
                pass  # another process got there first, or a read-only folder
    except OSError:
        pass


def cached_file(source: Path, kind: str, build: Callable[[], Any]) -> Any:
    """``build()`` (the parse of ``source``), cached until the file changes.

    Values that marshal cannot store (dates in a TOML file) are simply not cached."""
    try:
        st = source.stat()
    except OSError:
        return build()
    key = hashlib.sha1(f"{source.resolve()}|{st.st_size}|{st.st_mtime_ns}|{FORMAT}".encode()).hexdigest()[:20]
    path = cache_dir() / f"{kind}-{source.stem}-{key}.marshal"
    try:
        with open(path, "rb") as fh:
            return marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        write_atomic(path, marshal.dumps(value), family=f"{kind}-{source.stem}-")
    except (OSError, ValueError):
        pass
    return value
