"""Input formats: each turns a file's source into the text the rules see,
with a map back to the source so findings point at the right place and fixes
land in the source without damaging anything around them.

A format is registered by name with the file extensions it claims. The
format of a file comes from ``--input-format``, else ``--stdin-filename`` or
the path's extension, else plain text.
"""
from __future__ import annotations

from pathlib import Path

from .base import Extracted, Format, FormatError, SourceMap
from .plaintext import PlainText

FORMATS: dict[str, Format] = {}
EXTENSIONS: dict[str, str] = {}
WALKED: set[str] = set()


def register(fmt: Format) -> None:
    FORMATS[fmt.name] = fmt
    for ext in fmt.extensions:
        EXTENSIONS[ext] = fmt.name
    WALKED.update(fmt.extensions if fmt.walk_extensions is None else fmt.walk_extensions)


register(PlainText())


def _register_markup() -> None:
    # Each module imports its parser lazily (on first extract), so registering is cheap.
    from .html import HTML
    from .markdown import Markdown
    from .ninjs import Ninjs
    from .python_source import PythonSource
    register(Markdown())
    register(HTML())
    register(Ninjs())
    register(PythonSource())


_register_markup()


def format_for(path: str | Path | None, override: str | None = None) -> Format:
    if override:
        try:
            return FORMATS[override]
        except KeyError:
            raise ValueError(f"unknown input format {override!r} (known: {', '.join(sorted(FORMATS))})") from None
    if path:
        name = EXTENSIONS.get(Path(str(path)).suffix.lower())
        if name:
            return FORMATS[name]
    return FORMATS["text"]


def is_lintable(path: Path) -> bool:
    """Whether a directory walk should pick this file up."""
    return path.suffix.lower() in WALKED


__all__ = ["Extracted", "Format", "FormatError", "SourceMap", "FORMATS", "format_for", "is_lintable", "register"]
