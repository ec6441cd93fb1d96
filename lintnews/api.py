"""The Python API: lint or fix a story held in memory.

What a CMS plugin written in Python calls::

    from lintnews import lint_text, fix_text

    diagnostics = lint_text(body_html, format="html", select=["whitespace", "repeated-word"])
    for d in diagnostics:
        print(d.rule, d.severity.value, d.message, d.start, d.end)

    fixed, left = fix_text(body_html, format="html")

Both return the diagnostics the command line reports for the same story:
offsets are code-point offsets into the *source* you passed (the HTML, the
Markdown, the ninjs JSON), end exclusive, sorted by start; each fix's edits
are in the same offsets. :func:`diagnostics_to_dicts` turns them into the
JSON shape of CONTRACT.md (with line and column).

The rules are loaded once per process and per settings (house style,
select, ignore), so calling these functions for every story is cheap. They
are safe to call from several threads at once.

Errors: an unknown ``format`` raises :class:`ValueError`; an unknown rule or
category in ``select``/``ignore``/``extend_select``, or an unknown house
style, raises :class:`lintnews.config.ConfigError`; a source that is not
valid in its format (broken JSON, a Python syntax error) raises
:class:`lintnews.formats.FormatError`; fixes that keep undoing each other
raise :class:`lintnews.engine.ConvergenceError`.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Sequence

from .config import Config, ConfigError
from .model import Diagnostic

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Linter
    from .formats import Format

__all__ = ["lint_text", "fix_text", "get_linter", "resolve_format", "diagnostics_to_dicts",
           "ConfigError"]

_CACHE: "OrderedDict[tuple, Linter]" = OrderedDict()
_CACHE_SIZE = 32
_LOCK = threading.Lock()


def _key(values: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


def get_linter(config: Config | None = None, *, select: Sequence[str] | None = None,
               ignore: Sequence[str] | None = None, extend_select: Sequence[str] | None = None,
               style: str | None = None) -> "Linter":
    """A configured :class:`~lintnews.engine.Linter`, cached per settings when
    ``config`` is None (the default configuration)."""
    from .engine import Linter

    def build() -> Linter:
        return Linter(config or Config(), select=list(select) if select is not None else None,
                      ignore=list(ignore or []), extend_select=list(extend_select or []), style=style)

    if config is not None:
        return build()
    key = (_key(select), _key(ignore), _key(extend_select), style)
    with _LOCK:
        linter = _CACHE.get(key)
        if linter is not None:
            _CACHE.move_to_end(key)
            return linter
    linter = build()
    with _LOCK:
        _CACHE[key] = linter
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return linter


def resolve_format(format: str | None = None, filename: str | None = None) -> "Format":
    """The input format named ``format`` (text, markdown, html, ninjs, python),
    else the one ``filename``'s extension implies, else plain text."""
    from .formats import format_for
    return format_for(filename, format)


def lint_text(text: str, *, config: Config | None = None, format: str | None = "text",
              filename: str | None = None, select: Sequence[str] | None = None,
              ignore: Sequence[str] | None = None, extend_select: Sequence[str] | None = None,
              style: str | None = None) -> list[Diagnostic]:
    """Lint ``text`` (the source of a story in ``format``) and return what the
    command line would report, in source offsets, sorted by start.

    Args:
        text: the story's source (plain text, Markdown, HTML, ninjs JSON or Python).
        config: a :class:`~lintnews.config.Config` (default: lintnews's defaults;
            read a project's with :func:`lintnews.config.read_config_file`).
        format: the input format; None to pick it from ``filename``.
        filename: the story's name, used for the format when ``format`` is None.
        select: only these rules or categories (like ``--select``).
        ignore: rules or categories to turn off (like ``--ignore``).
        extend_select: rules or categories to add to the defaults.
        style: house style, ``"ap"`` or ``"reuters"`` or a path to a style .toml.
    """
    fmt = resolve_format(format, filename)
    linter = get_linter(config, select=select, ignore=ignore, extend_select=extend_select, style=style)
    return linter.lint_source(text, fmt, path=filename).diagnostics


def fix_text(text: str, *, config: Config | None = None, format: str | None = "text",
             filename: str | None = None, unsafe: bool = False, select: Sequence[str] | None = None,
             ignore: Sequence[str] | None = None, extend_select: Sequence[str] | None = None,
             style: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Apply the fixes (safe ones; unsafe ones too if ``unsafe``) to ``text``
    until none applies, and return the fixed source and what is left (in the
    fixed source's offsets). Markup, code and everything that is not copy is
    left byte for byte. Arguments as for :func:`lint_text`.
    """
    fmt = resolve_format(format, filename)
    linter = get_linter(config, select=select, ignore=ignore, extend_select=extend_select, style=style)
    result = linter.fix_source(text, fmt, unsafe=unsafe, path=filename)
    return result.source, result.diagnostics


def diagnostics_to_dicts(source: str, diagnostics: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    """The diagnostics in the JSON shape of CONTRACT.md (rule, severity,
    message, start/end, 1-based line/column, fix), for ``source``."""
    from .report import FileReport
    from .report.json_emitter import diagnostic_dict
    report = FileReport("-", source=source)
    return [diagnostic_dict(report, d) for d in diagnostics]
