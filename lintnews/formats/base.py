"""What every input format provides: extraction and a source map."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..model import Edit, Fix


class FormatError(ValueError):
    """The source is not valid in its format (broken JSON, a Python syntax error)."""


class SourceMap:
    """Maps offsets in the extracted text back to offsets in the source.

    Made of pieces ``(text_start, source_start, text_len, source_len)``. A piece
    with equal lengths maps one to one; any other piece is atomic (a CRLF that
    reads as one newline, an entity that reads as one character). Text between
    pieces is not mapped: an extractor covers every text offset with a piece.
    """

    def __init__(self, pieces: Sequence[tuple[int, int, int, int]] | None = None,
                 identity_len: int | None = None) -> None:
        if pieces is None:
            pieces = [(0, 0, identity_len or 0, identity_len or 0)]
        self.pieces = list(pieces)
        self._starts = [p[0] for p in self.pieces]

    @classmethod
    def identity(cls, length: int) -> "SourceMap":
        return cls(identity_len=length)

    def _piece(self, t: int) -> tuple[int, int, int, int]:
        i = bisect.bisect_right(self._starts, t) - 1
        return self.pieces[max(i, 0)]

    def start(self, t: int) -> int:
        """Source offset where the text character at ``t`` begins."""
        ts, ss, tl, sl = self._piece(t)
        if t >= ts + tl:  # past the last piece
            return ss + sl + (t - ts - tl)
        return ss + (t - ts) if tl == sl else ss

    def end(self, t: int) -> int:
        """Source offset just after the text character at ``t - 1``."""
        if t == 0:
            return self.start(0)
        ts, ss, tl, sl = self._piece(t - 1)
        if t > ts + tl:
            return ss + sl + (t - ts - tl)
        return ss + (t - ts) if tl == sl else ss + sl

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start == end:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


@dataclass
class Extracted:
    text: str                       # what the rules see
    map: SourceMap                  # text offsets -> source offsets
    ignored: list[tuple[int, int]] = field(default_factory=list)  # text ranges that are not copy


class Format:
    name = "text"
    extensions: tuple[str, ...] = ()
    # Extensions a directory walk picks up (None: all of ``extensions``). A format
    # whose extension is shared with other kinds of files (.json, .py) is read
    # from a walk only under its own extension; a file named on the command
    # line is always read.
    walk_extensions: tuple[str, ...] | None = None
    description = ""

    def extract(self, source: str) -> Extracted:  # pragma: no cover - abstract
        raise NotImplementedError

    def encode_replacement(self, source: str, replacement: str) -> str:
        """How a replacement is written into the source (escaping, line endings)."""
        return replacement

    def is_verbatim(self, source: str, extracted: Extracted) -> bool:
        """True when the rules saw the source itself: offsets and replacements
        need no mapping (the common case, a plain-text story with LF endings)."""
        return False

    def source_edit(self, source: str, extracted: Extracted, edit: Edit) -> Edit | None:
        """One text-coordinate edit as a source edit, or None when it cannot be
        written into the source without damaging it (markup in the way)."""
        return Edit(*extracted.map.span(edit.start, edit.end), self.encode_replacement(source, edit.replacement))

    def source_fix(self, source: str, extracted: Extracted, fix: Fix) -> Fix | None:
        """A text-coordinate fix in source offsets; None if any edit cannot be mapped."""
        edits = []
        for e in fix.edits:
            mapped = self.source_edit(source, extracted, e)
            if mapped is None:
                return None
            edits.append(mapped)
        try:
            return Fix(tuple(edits), fix.applicability, fix.message)
        except ValueError:  # two edits collapsed onto overlapping source ranges
            return None

    def apply(self, source: str, extracted: Extracted, edits: Iterable[Edit]) -> str:
        """Apply text-coordinate edits to the source (edits that cannot be mapped are skipped)."""
        from ..model import apply_edits
        mapped = [m for m in (self.source_edit(source, extracted, e) for e in edits) if m is not None]
        return apply_edits(source, mapped)
