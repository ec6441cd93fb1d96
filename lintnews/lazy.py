"""Patterns compiled on first use.

Compiling a `regex` pattern costs far more than importing a module; a rule
with many patterns compiles only those a story makes it reach, so a cold run
pays for what it uses, and the compiled program comes from the machine's
cache (see regex_cache) after the first run. Use it like a compiled pattern::

    CREDIT = LazyPattern(r"\\((?:via )?Reuters\\)$", regex.V1)
    CREDIT.search(line, timeout=TIMEOUT)
"""
from __future__ import annotations

from . import regex_cache


class LazyPattern:
    """A pattern compiled on first use, so that importing the rule costs nothing."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx = None

    def __getattr__(self, name):
        if self._rx is None:
            self._rx = regex_cache.compile(*self._args)
        return getattr(self._rx, name)
