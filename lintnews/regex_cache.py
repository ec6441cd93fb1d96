"""Compiled `regex` programs, kept between runs like Python keeps bytecode.

`regex` compiles a pattern in pure Python (parse, optimise, emit a list of
opcodes) and only then hands the opcodes to its C engine. For lintnews's few
hundred patterns that is about 40 ms of a 150 ms cold run, spent again on
every run. This module keeps, per machine, the arguments `regex` passes to
its C engine for each pattern, so a later run rebuilds the same compiled
pattern object in microseconds.

Safety:
- The cache file is named by the `regex` version, the Python version and a
  format number, and carries a checksum: a program built by another version,
  or a damaged file, is never used.
- Anything unexpected (a `regex` release whose internals differ, an
  unwritable cache folder) falls back to plain ``regex.compile``: the cache
  can make lintnews faster, never different. A bad pattern raises
  ``regex.error`` exactly as ``regex.compile`` would.
- New programs are saved once, when the process exits, merged with what
  other processes saved meanwhile. Deleting the file is always safe.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import sys
import threading
from pathlib import Path

import regex

FORMAT = 1
MAX_ENTRIES = 20_000  # a desk's own rules may add patterns; past this the file starts again

_lock = threading.RLock()
_compiled: dict[tuple, object] = {}    # this process's pattern objects
_programs: dict[tuple, tuple] | None = None  # from the cache file, loaded on first use
_new: dict[tuple, tuple] = {}          # built this run, not saved yet
_save_registered = False


def cache_path() -> Path:
    from .cache import cache_dir
    return cache_dir() / f"regex-{regex.__version__}-{sys.implementation.cache_tag}-{FORMAT}.marshal"


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
        digest, payload = blob[:20], blob[20:]
        if hashlib.sha1(payload).digest() != digest:
            return {}
        table = marshal.loads(payload)
        return table if isinstance(table, dict) else {}
    except (OSError, EOFError, ValueError, TypeError):
        return {}


def _save() -> None:
    if not _new:
        return
    try:
        path = cache_path()
        table = _read(path)
        if len(table) + len(_new) > MAX_ENTRIES:
            table = {}
        table.update(_new)
        payload = marshal.dumps(table)
        from .cache import write_atomic
        write_atomic(path, hashlib.sha1(payload).digest() + payload, family="regex-", keep=2)
        _new.clear()
    except (OSError, ValueError):
        pass  # an unwritable cache folder: compile again next time


class _Recorder:
    """Stands in for regex's C module while one pattern compiles, to note the
    arguments of its ``compile`` call (made on this thread only)."""

    def __init__(self, real) -> None:
        self._real = real
        self._thread = threading.get_ident()
        self.args: tuple | None = None

    def __getattr__(self, name):
        return getattr(self._real, name)

    def compile(self, *args):
        if threading.get_ident() == self._thread:
            self.args = args
        return self._real.compile(*args)


def _build(pattern: str, flags: int):
    """Compile through regex's own compiler, noting the program it builds."""
    try:
        from regex import _main
        real = _main._regex
        recorder = _Recorder(real)
        _main._regex = recorder
        try:
            compiled = _main._compile(pattern, flags, False, {}, False)
        finally:
            _main._regex = real
        args = recorder.args
        if args is not None and args[0] == pattern:
            # Flags are IntFlag members; marshal stores plain ints.
            args = tuple(int(a) if isinstance(a, int) else a for a in args)
            marshal.dumps(args)  # only what marshal can store goes in the file
            return compiled, args
        return compiled, None
    except regex.error:
        raise
    except Exception:  # internals not as expected: no caching for this pattern
        return regex.compile(pattern, flags), None


def compile(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)``, from the machine's cache when it can be."""
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    compiled = _compiled.get(key)
    if compiled is not None:
        return compiled
    global _programs, _save_registered
    with _lock:
        compiled = _compiled.get(key)
        if compiled is not None:
            return compiled
        if _programs is None:
            _programs = _read(cache_path())
        args = _programs.get(key)
        if args is not None:
            try:
                from regex import _main
                compiled = _main._regex.compile(*args)
            except Exception:
                compiled = None
        if compiled is None:
            compiled, args = _build(pattern, flags)
            if args is not None:
                _new[key] = args
                if not _save_registered:
                    atexit.register(_save)
                    _save_registered = True
        _compiled[key] = compiled
        return compiled
