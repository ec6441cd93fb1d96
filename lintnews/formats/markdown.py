"""Markdown stories (.md): the prose only.

Parsed with markdown-it-py (CommonMark, plus GitHub tables and
strikethrough), which gives each block its source lines; the mapping inside
a block (where each word of a paragraph sits on its line, behind ``>`` or a
list marker) is done here by aligning the parser's inline tokens with the
source. Skipped and never edited: front matter, fenced and indented code,
inline code, HTML blocks and inline HTML, link targets and titles, images,
autolinks. Entities and backslash escapes are read as the character they
stand for and rewritten whole by a fix.

A suppression marker is an HTML comment on a line of its own:
``<!-- lintnews: disable=repeated-word -->``.
"""
from __future__ import annotations

import regex

from ..suppress import MARKER_RE
from .mapped import PLACEHOLDER, Builder, MappedExtracted, MappedFormat
from ..document import TIMEOUT, line_starts
from ..lazy import LazyPattern

_NOT_NEWLINE = LazyPattern(r"[^\r\n]")

FRONT_MATTER = LazyPattern(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
PREFIX_CHARS = set(" \t>-+*#0123456789.)|")
LIST_MARKER = LazyPattern(r"(?:[-+*]|\d{1,9}[.)])")
MD_SPECIAL = LazyPattern(r"([\\`*_\[\]<])")

_md = None


def _parser():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt
        md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
        md.disable("text_join")  # keep escapes and entities as their own tokens, with their markup
        _md = md
    return _md


def _ws(b: Builder, source: str, s: int, e: int) -> None:
    """Whitespace between two blocks, as it is (a CRLF reads as one newline)."""
    i = s
    while i < e:
        j = source.find("\r\n", i, e)
        if j == -1:
            b.verbatim(source[i:e], i)
            return
        b.verbatim(source[i:j], i)
        b.atomic("\n", j, j + 2)
        i = j + 2


class _Block:
    """One run of inline content and where each of its characters is in the source."""

    def __init__(self, token, source: str, starts: list[int], cursors: dict[int, int]) -> None:
        self.token = token
        self.content: str = token.content
        self.spans: list[tuple[int, int]] | None = self._align(source, starts, cursors)

    def _align(self, source, starts, cursors):
        first = self.token.map[0]
        lines = self.content.split("\n")
        spans: list[tuple[int, int]] = []
        for k, cl in enumerate(lines):
            ln = first + k
            if ln >= len(starts):
                return None
            ls = starts[ln]
            le = starts[ln + 1] - 1 if ln + 1 < len(starts) else len(source)
            line = source[ls:le]
            cur = cursors.get(ln, 0)
            pos = line.find(cl, cur) if cl else len(line.rstrip("\r \t"))
            if pos == -1 or any(ch not in PREFIX_CHARS for ch in line[cur:pos]):
                return None
            cursors[ln] = pos + len(cl)
            spans.extend((ls + pos + i, ls + pos + i + 1) for i in range(len(cl)))
            if k + 1 < len(lines):
                nl_start = le - 1 if line.endswith("\r") else le
                spans.append((nl_start, le + 1))
        return spans

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    def emit(self, b: Builder, p: int, q: int) -> None:
        """content[p:q] as text."""
        i = p
        while i < q:
            s, e = self.spans[i]
            if e - s == 1:
                j = i + 1
                while j < q and self.spans[j][1] - self.spans[j][0] == 1 and self.spans[j][0] == self.spans[j - 1][1]:
                    j += 1
                b.verbatim(self.content[i:j], s)
                i = j
            else:
                b.atomic(self.content[i], s, e)
                i += 1

    def src(self, p: int) -> int:
        return self.spans[p][0] if p < len(self.spans) else (self.spans[-1][1] if self.spans else 0)


def _skip_brackets(c: str, i: int, open_: str, close: str) -> int:
    """Index just past the bracket that closes c[i] (== open_)."""
    depth = 0
    n = len(c)
    while i < n:
        ch = c[i]
        if ch == "\\":
            i += 2
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def _skip_destination(c: str, i: int) -> int:
    """After a link's "]": skip "(target "title")" or "[ref]"."""
    if i < len(c) and c[i] == "(":
        j = i + 1
        n = len(c)
        depth = 1
        quote = None
        while j < n:
            ch = c[j]
            if ch == "\\":
                j += 2
                continue
            if quote:
                if ch == quote:
                    quote = None
            elif ch == "<":
                k = c.find(">", j)
                j = k if k != -1 else j
            elif ch in "\"'" and c[j - 1] in " \t\n":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return n
    if i < len(c) and c[i] == "[":
        return _skip_brackets(c, i, "[", "]")
    return i


def _emit_inline(block: _Block, b: Builder) -> bool:
    """Emit a block's prose; False if its tokens could not be placed in the source."""
    c = block.content
    cur = 0
    skip_until_close = False
    for tok in block.token.children or []:
        t = tok.type
        if skip_until_close:
            if t == "link_close":
                skip_until_close = False
            continue
        if t == "text":
            if not tok.content:
                continue
            p = c.find(tok.content, cur)
            if p == -1:
                return False
            block.emit(b, p, p + len(tok.content))
            cur = p + len(tok.content)
        elif t == "text_special":
            p = c.find(tok.markup, cur)
            if p == -1:
                return False
            if tok.info == "escape" or len(tok.markup) > 1:
                b.atomic(tok.content, block.src(p), block.src(p + len(tok.markup) - 1) + 1)
            else:
                block.emit(b, p, p + 1)
            cur = p + len(tok.markup)
        elif t in ("softbreak", "hardbreak"):
            p = c.find("\n", cur)
            if p == -1:
                if t == "hardbreak":
                    continue
                return False
            block.emit(b, p, p + 1)
            cur = p + 1
        elif t == "code_inline":
            fence = tok.markup
            p = c.find(fence, cur)
            if p == -1:
                return False
            q = p + len(fence)
            while True:
                q = c.find(fence, q)
                if q == -1:
                    return False
                if (q + len(fence) >= len(c) or c[q + len(fence)] != "`") and c[q - 1] != "`":
                    break
                q += 1
            end = q + len(fence)
            b.locked(block.src(p), block.src(end - 1) + 1)
            cur = end
        elif t == "link_open":
            if tok.markup == "autolink":
                p = c.find("<", cur)
                q = c.find(">", p)
                if p == -1 or q == -1:
                    return False
                b.locked(block.src(p), block.src(q) + 1)
                cur = q + 1
                skip_until_close = True
            else:
                p = c.find("[", cur)
                if p == -1:
                    return False
                cur = p + 1
        elif t == "link_close":
            p = c.find("]", cur)
            if p == -1:
                return False
            cur = _skip_destination(c, p + 1)
        elif t == "image":
            p = c.find("![", cur)
            if p == -1:
                return False
            q = _skip_brackets(c, p + 1, "[", "]")
            cur = _skip_destination(c, q)
        elif t == "html_inline":
            p = c.find(tok.content, cur)
            if p == -1:
                return False
            cur = p + len(tok.content)
        # emphasis, strong, strikethrough markers: skipped by the next find
    return True


class Markdown(MappedFormat):
    name = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd")
    description = "Markdown: prose only; code, HTML, link targets and front matter are skipped"

    def extract(self, source: str) -> MappedExtracted:
        parse_src = source
        fm = FRONT_MATTER.match(source, timeout=TIMEOUT)
        if fm:  # blank the front matter out, keeping its lines, so the parser skips it
            parse_src = _NOT_NEWLINE.sub(" ", fm.group(), timeout=TIMEOUT) + source[fm.end():]
        tokens = _parser().parse(parse_src)
        starts = line_starts(source)
        crlf = "\r\n" in source
        b = Builder()
        b.begin_region(self._encoder(crlf))
        cursors: dict[int, int] = {}
        prev_end = 0
        for tok in tokens:
            is_marker = tok.type == "html_block" and MARKER_RE.fullmatch(tok.content.strip(), timeout=TIMEOUT) is not None
            if tok.type != "inline" and not is_marker:
                continue
            if tok.map is None:
                continue
            if is_marker:
                ls = starts[tok.map[0]]
                line = tok.content.strip()
                s = source.find(line, ls)
                if s == -1:
                    continue
                self._gap(b, source, prev_end, s)
                b.verbatim(line, s)
                prev_end = s + len(line)
                continue
            block = _Block(tok, source, starts, cursors)
            if block.spans is None or not block.content.strip():
                continue
            self._gap(b, source, prev_end, block.start)
            mark = (len(b.parts), len(b.pieces), b.t)
            if not _emit_inline(block, b):
                # Could not place this block in the source: leave it out rather than guess.
                del b.parts[mark[0]:], b.pieces[mark[1]:], b.kinds[mark[1]:], b.regions[mark[1]:]
                b.t = mark[2]
                continue
            prev_end = block.spans[-1][1]
        return b.build()

    @staticmethod
    def _gap(b: Builder, source: str, s: int, e: int) -> None:
        """What lies between two prose blocks: whitespace as it is; anything else
        (list markers, a code block, a table rule) as a stand-in that is no paragraph."""
        if s >= e:
            b.separate(s)
            return
        gap = source[s:e]
        if not gap.strip():
            if b.t and gap.count("\n") < 2:
                # two blocks on consecutive lines (list items, table cells): still two paragraphs
                _ws(b, source, s, e)
                b.separate(e)
            else:
                _ws(b, source, s, e)
            return
        lead = len(gap) - len(gap.lstrip())
        trail = len(gap) - len(gap.rstrip())
        _ws(b, source, s, s + lead)
        middle = source[s + lead:e - trail]
        if LIST_MARKER.fullmatch(middle, timeout=TIMEOUT):
            # A list marker reads as in plain text ("- item"), so rules that know
            # list items (no final full stop needed) see one; it is never edited.
            b.locked(s + lead, e - trail, middle)
        else:
            b.locked(s + lead, e - trail, ignored=True)
        _ws(b, source, e - trail, e)

    @staticmethod
    def _encoder(crlf: bool):
        def encode(text: str) -> str:
            text = MD_SPECIAL.sub(r"\\\1", text, timeout=TIMEOUT)
            return text.replace("\n", "\r\n") if crlf else text
        return encode


__all__ = ["Markdown", "PLACEHOLDER"]
