"""Shared machinery of the markup formats (Markdown, HTML, ninjs, Python).

A markup extractor walks its source and appends what the rules should read
to a :class:`Builder`, piece by piece:

- ``verbatim``: prose copied as it is in the source (maps one to one);
- ``atomic``: one unit of text written differently in the source (an entity
  ``&amp;`` read as ``&``, an escape ``\\"`` read as ``"``, a line-wrapped run
  of HTML whitespace read as one space); an edit over it replaces it whole;
- ``locked``: a stand-in for something that is not prose (inline code, an
  image) so that words on either side are not read as one; never edited;
- ``synthetic``: text that is not in the source at all (the blank line between
  two HTML paragraphs); deleting it is a no-op, writing over it is refused.

Each editable piece belongs to a *region* that knows how to write a
replacement back (HTML-escape it, JSON-escape it, escape it for a Python
string literal). :meth:`MappedFormat.source_edit` refuses any edit that would
touch locked text, span two regions, or cover source characters that are not
prose (markup between two pieces): the finding is still reported, without a
fix. That is how tags, attributes, link targets and the rest of a file come
through a fix byte for byte.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable

from ..model import Edit, Fix
from .base import Extracted, Format, SourceMap

VERBATIM, ATOMIC, LOCKED, SYNTHETIC = "v", "a", "l", "s"
PLACEHOLDER = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: not a letter, so never part of a word


def identity(s: str) -> str:
    return s


@dataclass
class MappedExtracted(Extracted):
    kinds: list[str] = field(default_factory=list)      # one per map piece
    regions: list[int] = field(default_factory=list)    # one per map piece: index into encoders
    encoders: list[Callable[[str], str]] = field(default_factory=list)


class Builder:
    """Accumulates the extracted text and its source map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[list[int]] = []   # [text_start, source_start, text_len, source_len]
        self.kinds: list[str] = []
        self.regions: list[int] = []
        self.encoders: list[Callable[[str], str]] = [identity]
        self.region = 0
        self.ignored: list[tuple[int, int]] = []
        self.t = 0

    # -- regions ------------------------------------------------------------------
    def begin_region(self, encode: Callable[[str], str]) -> None:
        """Text appended from now on is written back through ``encode``."""
        self.encoders.append(encode)
        self.region = len(self.encoders) - 1

    # -- pieces -------------------------------------------------------------------
    def _add(self, text: str, src: int, src_len: int, kind: str) -> None:
        self.pieces.append([self.t, src, len(text), src_len])
        self.kinds.append(kind)
        self.regions.append(self.region)
        self.parts.append(text)
        self.t += len(text)

    def verbatim(self, text: str, src: int) -> None:
        """``text`` as it stands at ``src`` in the source."""
        if not text:
            return
        if self.pieces and self.kinds[-1] == VERBATIM and self.regions[-1] == self.region:
            last = self.pieces[-1]
            if last[1] + last[3] == src:
                last[2] += len(text)
                last[3] += len(text)
                self.parts.append(text)
                self.t += len(text)
                return
        self._add(text, src, len(text), VERBATIM)

    def atomic(self, text: str, src: int, src_end: int) -> None:
        """``text`` stands for source[src:src_end] as a whole (an entity, an escape)."""
        if text:
            self._add(text, src, src_end - src, ATOMIC)

    def locked(self, src: int, src_end: int, text: str = PLACEHOLDER, *, ignored: bool = False) -> None:
        """A stand-in for source[src:src_end], which is not prose; never edited.
        ``ignored``: not part of any paragraph either (a skipped block)."""
        start = self.t
        self._add(text, src, src_end - src, LOCKED)
        if ignored:
            self.ignored.append((start, self.t))

    def synthetic(self, text: str, at: int) -> None:
        """Text the rules need (a paragraph break) that is not in the source."""
        if text:
            self._add(text, at, 0, SYNTHETIC)

    def separate(self, at: int, newlines: int = 2) -> None:
        """End the current paragraph (``newlines=2``) or line (1) with synthetic
        newlines, counting those the text already ends with, so that a break
        never reads as a run of empty lines."""
        if not self.t:
            return
        text = self.text[-64:]
        tail = text[len(text.rstrip()):]
        need = newlines - tail.count("\n")
        if need > 0:
            self.synthetic("\n" * need, at)

    @property
    def source_end(self) -> int:
        """Source offset just past the last piece."""
        if not self.pieces:
            return 0
        p = self.pieces[-1]
        return p[1] + p[3]

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def ends_with(self, s: str) -> bool:
        return self.text.endswith(s) if self.parts else False

    def build(self, extra_ignored: list[tuple[int, int]] | None = None) -> MappedExtracted:
        pieces = [tuple(p) for p in self.pieces] or [(0, 0, 0, 0)]
        return MappedExtracted("".join(self.parts), SourceMap(pieces),
                               sorted(self.ignored + list(extra_ignored or [])),
                               kinds=list(self.kinds) or [VERBATIM], regions=list(self.regions) or [0],
                               encoders=list(self.encoders))


class MappedFormat(Format):
    """A format whose extractor uses :class:`Builder`; it vets every edit."""

    def source_edits(self, source: str, extracted: Extracted, edit: Edit) -> list[Edit] | None:
        """The source edits for one text edit. An edit that covers an entity or an
        escape is first cut down to the characters that really change, so that
        ``.&rdquo;,`` -> ``,&rdquo;`` keeps the entity as it was written."""
        if isinstance(extracted, MappedExtracted) and edit.end > edit.start and self._covers_atomic(extracted, edit):
            import difflib
            old = extracted.text[edit.start:edit.end]
            out = []
            sm = difflib.SequenceMatcher(None, old, edit.replacement, autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op == "equal":
                    continue
                mapped = self.source_edit(source, extracted,
                                          Edit(edit.start + i1, edit.start + i2, edit.replacement[j1:j2]))
                if mapped is None:
                    break
                out.append(mapped)
            else:
                return out
        mapped = self.source_edit(source, extracted, edit)
        return None if mapped is None else [mapped]

    @staticmethod
    def _covers_atomic(ex: "MappedExtracted", edit: Edit) -> bool:
        starts = ex.map._starts
        i = max(bisect.bisect_right(starts, edit.start) - 1, 0)
        pieces = ex.map.pieces
        while i < len(pieces) and pieces[i][0] < edit.end:
            if ex.kinds[i] == ATOMIC and pieces[i][2] != pieces[i][3]:
                return True
            i += 1
        return False

    def source_fix(self, source: str, extracted: Extracted, fix: Fix) -> Fix | None:
        edits: list[Edit] = []
        for e in fix.edits:
            mapped = self.source_edits(source, extracted, e)
            if mapped is None:
                return None
            edits.extend(mapped)
        try:
            return Fix(tuple(edits), fix.applicability, fix.message)
        except ValueError:
            return None

    def apply(self, source: str, extracted: Extracted, edits) -> str:
        from ..model import apply_edits
        mapped: list[Edit] = []
        for e in edits:
            m = self.source_edits(source, extracted, e)
            if m:
                mapped.extend(m)
        return apply_edits(source, mapped)

    def source_edit(self, source: str, extracted: Extracted, edit: Edit) -> Edit | None:
        if not isinstance(extracted, MappedExtracted):
            return super().source_edit(source, extracted, edit)
        ex = extracted
        pieces = ex.map.pieces
        starts = ex.map._starts
        a, b = edit.start, edit.end
        if a == b:
            # An insertion: inside or at the edge of an editable piece.
            i = bisect.bisect_right(starts, a) - 1
            cands = []
            if i >= 0:
                ts, ss, tl, sl = pieces[i]
                if ts < a < ts + tl and ex.kinds[i] != VERBATIM:
                    return None  # inside an entity, a placeholder or a synthetic break
                cands.append(i)
                if a == ts and i > 0:
                    # Prefer the piece the insertion follows, unless markup closes
                    # between it and a following run of whitespace: then the
                    # insertion goes after the markup ("[link](url)." not "[link.](url)").
                    prev = pieces[i - 1]
                    closes_markup = (prev[1] + prev[3] != ss and ex.kinds[i] in (VERBATIM, ATOMIC)
                                     and ex.text[a:a + 1].isspace())
                    if not closes_markup:
                        cands.insert(0, i - 1)
                    else:
                        cands.append(i - 1)
            region = None
            at = None
            for j in cands:
                if ex.kinds[j] in (VERBATIM, ATOMIC):
                    ts, ss, tl, sl = pieces[j]
                    region = ex.regions[j]
                    at = ss + sl if a >= ts + tl else ss + (a - ts)
                    break
            if region is None:
                return None
            return Edit(at, at, ex.encoders[region](edit.replacement))
        i = max(bisect.bisect_right(starts, a) - 1, 0)
        touched = []
        while i < len(pieces) and pieces[i][0] < b:
            if pieces[i][0] + pieces[i][2] > a:
                touched.append(i)
            i += 1
        real = [j for j in touched if ex.kinds[j] != SYNTHETIC]
        if any(ex.kinds[j] == LOCKED for j in real):
            return None
        if not real:
            # Only synthetic text: nothing in the source to change.
            return None if edit.replacement else Edit(pieces[touched[0]][1], pieces[touched[0]][1], "")
        if len(real) != len(touched) and edit.replacement:
            return None  # writing over a break that is not in the source
        if len({ex.regions[j] for j in real}) != 1:
            return None
        for x, y in zip(real, real[1:]):
            if pieces[x][1] + pieces[x][3] != pieces[y][1]:
                return None  # markup between the two pieces
        # Partial overlap of an atomic piece replaces it whole: only allowed when
        # the edit covers it entirely.
        for j in real:
            ts, ss, tl, sl = pieces[j]
            if ex.kinds[j] == ATOMIC and (a > ts or b < ts + tl) and tl != sl:
                return None
        first, last = pieces[real[0]], pieces[real[-1]]
        s = first[1] + (a - first[0] if a > first[0] and first[2] == first[3] else 0)
        e = last[1] + (b - last[0] if b < last[0] + last[2] and last[2] == last[3] else last[3])
        return Edit(s, e, ex.encoders[ex.regions[real[0]]](edit.replacement))
