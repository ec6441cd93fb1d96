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


class LazyFormat(Format):
    """A format registered by name and extensions whose module (and parser)
    is imported only when a file of that format is read: a plain-text run
    never loads the Markdown, HTML, JSON or Python machinery."""

    def __init__(self, name: str, extensions: tuple[str, ...], target: str,
                 walk_extensions: tuple[str, ...] | None = None, description: str = "") -> None:
        self.name, self.extensions, self.walk_extensions = name, extensions, walk_extensions
        self.description = description
        self._target = target
        self._impl: Format | None = None

    @property
    def impl(self) -> Format:
        if self._impl is None:
            import importlib
            module, cls = self._target.rsplit(":", 1)
            self._impl = getattr(importlib.import_module(module, __name__), cls)()
        return self._impl

    def extract(self, source):
        return self.impl.extract(source)

    def encode_replacement(self, source, replacement):
        return self.impl.encode_replacement(source, replacement)

    def source_edit(self, source, extracted, edit):
        return self.impl.source_edit(source, extracted, edit)

    def source_fix(self, source, extracted, fix):
        return self.impl.source_fix(source, extracted, fix)

    def apply(self, source, extracted, edits):
        return self.impl.apply(source, extracted, edits)


register(LazyFormat("markdown", (".md", ".markdown", ".mdown", ".mkd"), ".markdown:Markdown",
                    description="Markdown: prose only; code, HTML, link targets and front matter are skipped"))
register(LazyFormat("html", (".html", ".htm", ".xhtml"), ".html:HTML",
                    description="HTML: text nodes only; tags, attributes, comments, scripts and entities are kept"))
register(LazyFormat("ninjs", (".json", ".ninjs"), ".ninjs:Ninjs", walk_extensions=(".ninjs",),
                    description="IPTC ninjs JSON: headline, subheadline, description and body (text or HTML)"))
register(LazyFormat("python", (".py", ".pyi"), ".python_source:PythonSource", walk_extensions=(),
                    description="Python source: docstrings and prose string literals (libcst)"))


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
