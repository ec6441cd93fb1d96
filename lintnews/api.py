"""The Python API: lint or fix a story held in memory."""
from __future__ import annotations

from .config import Config
from .model import Diagnostic


def _linter(config: Config | None, select, ignore, style):
    from .engine import Linter
    return Linter(config or Config(), select=select, ignore=ignore, style=style)


def lint_text(text: str, *, config: Config | None = None, format: str = "text",
              select: list[str] | None = None, ignore: list[str] | None = None,
              style: str | None = None) -> list[Diagnostic]:
    """The diagnostics the command line would report for ``text`` (source offsets)."""
    from .formats import format_for
    return _linter(config, select, ignore, style).lint_source(text, format_for(None, format)).diagnostics


def fix_text(text: str, *, config: Config | None = None, format: str = "text", unsafe: bool = False,
             select: list[str] | None = None, ignore: list[str] | None = None,
             style: str | None = None) -> tuple[str, list[Diagnostic]]:
    """``text`` with fixes applied (safe ones, and unsafe ones if asked), and what is left."""
    from .formats import format_for
    result = _linter(config, select, ignore, style).fix_source(text, format_for(None, format), unsafe=unsafe)
    return result.source, result.diagnostics
