"""HTML stories and CMS bodies (.html, .htm): text nodes only.

Parsed with the standard library's ``html.parser`` with character
references left unconverted: it reports every text node, tag, comment and
entity with its position in the source and never rewrites anything, which
is what a fixer needs (a fix is an edit of the original string, so tags,
attributes, comments, scripts and entities around it stay byte for byte).
It is also forgiving of the broken markup CMS bodies carry, and costs no
dependency.

What the rules read: the text of the page, a blank line between block
elements (``p``, ``h1``…, ``li``, ``blockquote``, ``div``, ``figcaption``…),
a line break for ``<br>``. Whitespace that wraps a line in the source reads
as one space (the browser shows one). Skipped: ``script``, ``style``,
``pre``, ``code``, ``textarea``, ``template``, ``svg``, ``math``, the
``head``. An entity (``&amp;``, ``&#8220;``) reads as its character; a fix
that replaces it writes the character back escaped where HTML needs it.

A suppression marker is a comment of its own: ``<!-- lintnews: disable=RULE -->``.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser


from ..suppress import MARKER_RE
from .mapped import Builder, MappedExtracted, MappedFormat
from ..document import TIMEOUT, line_starts
from ..lazy import LazyPattern

BLOCK = frozenset("""address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p
    section summary table tbody td tfoot th thead tr ul""".split())
SKIP = frozenset("script style pre code textarea template svg math head noscript iframe object".split())
WRAP = LazyPattern(r"[ \t\f]*\r?\n[ \t\r\n\f]*")
CHARREF = LazyPattern(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def html_encode(text: str) -> str:
    return html.escape(text, quote=False)


class _Walker(HTMLParser):
    def __init__(self, source: str, b: Builder) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.b = b
        self.starts = line_starts(source)
        self.skip: list[str] = []
        self.pending = ""          # break owed before the next text: "\n" or "\n\n"
        self.block_has_text = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _break(self, kind: str) -> None:
        if self.b.t and (self.block_has_text or self.pending):
            if len(kind) > len(self.pending):
                self.pending = kind
        self.block_has_text = False

    def _flush(self) -> None:
        if self.pending and self.b.t:
            self.b.separate(self.b.source_end, len(self.pending))
        self.pending = ""

    # -- tags -----------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip.append(tag)
        elif tag == "br":
            self._break("\n")
        elif tag in BLOCK:
            self._break("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._break("\n")
        elif tag in BLOCK:
            self._break("\n\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
        elif tag in BLOCK:
            self._break("\n\n")

    # -- text -----------------------------------------------------------------------
    def handle_data(self, data):
        if self.skip or not data:
            return
        pos = self._pos()
        if self.source[pos:pos + len(data)] != data:  # never guess where text is
            return
        i = 0
        for m in WRAP.finditer(data, timeout=TIMEOUT):
            self._text(data[i:m.start()], pos + i)
            if self.block_has_text and not self.pending:
                self.b.atomic(" ", pos + m.start(), pos + m.end())
            i = m.end()
        self._text(data[i:], pos + i)

    def _text(self, text: str, pos: int) -> None:
        if not text:
            return
        if not self.block_has_text:
            stripped = text.lstrip()
            pos += len(text) - len(stripped)
            text = stripped
            if not text:
                return
        self._flush()
        self.b.verbatim(text, pos)
        self.block_has_text = True

    def _ref(self):
        if self.skip:
            return
        pos = self._pos()
        m = CHARREF.match(self.source, pos, timeout=TIMEOUT)
        if not m:
            return
        raw = m.group()
        char = html.unescape(raw)
        if char == raw:
            return
        if char.isspace() and char != "\u00a0" and not self.block_has_text:
            return
        self._flush()
        self.b.atomic(char, pos, m.end())
        self.block_has_text = True

    def handle_entityref(self, name):
        self._ref()

    def handle_charref(self, name):
        self._ref()

    def handle_comment(self, data):
        if self.skip:
            return
        pos = self._pos()
        end = self.source.find("-->", pos)
        if end == -1:
            return
        raw = self.source[pos:end + 3]
        if MARKER_RE.fullmatch(raw, timeout=TIMEOUT):
            # A marker is a line of its own in the text the rules read.
            self._break("\n\n")
            if self.b.t:
                self.pending = self.pending or "\n"
                self._flush()
            self.b.verbatim(raw, pos)
            self.pending = "\n"
            self.block_has_text = False


class HTML(MappedFormat):
    name = "html"
    extensions = (".html", ".htm", ".xhtml")
    description = "HTML: text nodes only; tags, attributes, comments, scripts and entities are kept"

    def extract(self, source: str) -> MappedExtracted:
        b = self.extract_into(Builder(), source)
        return b.build()

    @staticmethod
    def extract_into(b: Builder, source: str) -> Builder:
        b.begin_region(html_encode)
        w = _Walker(source, b)
        w.feed(source)
        w.close()
        return b
