"""Plain text stories (.txt). CRLF files are read as LF and written back as CRLF."""
from __future__ import annotations

from .base import Extracted, Format, SourceMap


class PlainText(Format):
    name = "text"
    extensions = (".txt", ".text")
    description = "plain text, one paragraph per block of lines"
    chunkable = True  # very large files are linted in paragraph-aligned pieces

    def extract(self, source: str) -> Extracted:
        if "\r" not in source:
            return Extracted(source, SourceMap.identity(len(source)))
        pieces = []
        out = []
        t = s = 0
        i = 0
        n = len(source)
        while i < n:
            j = source.find("\r\n", i)
            if j == -1:
                break
            # identity run up to the CR, then an atomic CRLF -> LF piece
            run = j - i
            if run:
                pieces.append((t, s, run, run))
                out.append(source[i:j])
                t += run
                s += run
            pieces.append((t, s, 1, 2))
            out.append("\n")
            t += 1
            s += 2
            i = j + 2
        if i < n:
            pieces.append((t, s, n - i, n - i))
            out.append(source[i:])
        return Extracted("".join(out), SourceMap(pieces))

    def is_verbatim(self, source: str, extracted: Extracted) -> bool:
        return extracted.text is source  # no CR: extract() handed back the source itself

    _last: tuple[str, bool] = ("", False)

    def encode_replacement(self, source: str, replacement: str) -> str:
        if "\n" not in replacement:
            return replacement
        # Remember the last source's line endings: rescanning it for every edit is quadratic.
        if self._last[0] is not source:
            self._last = (source, "\r\n" in source)
        if self._last[1]:
            return replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        return replacement
