"""IPTC ninjs documents (.json): the copy fields of a news item.

Read: ``headline``, ``subheadline``, ``description`` / ``description_text`` /
``description_html``, ``body_text`` / ``body_html`` (ninjs 1.x), and the
``value`` of each entry of ``headlines``, ``descriptions`` and ``bodies``
(ninjs 2.x; an entry whose ``contenttype`` mentions html is read as HTML).
HTML fields are read like the HTML format (text nodes only). Each field is
its own paragraph or paragraphs, headline first.

The JSON is scanned here, not loaded, so that every character of every
string is known by its position in the file: a fix rewrites only the
characters it changes, inside the strings it changes, JSON-escaped (and
HTML-escaped in an HTML field); every other byte of the file stays as it
was, key order, indentation and escapes included.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from .base import FormatError
from .html import HTML, html_encode
from .mapped import ATOMIC, LOCKED, SYNTHETIC, VERBATIM, Builder, MappedExtracted, MappedFormat

TOP_FIELDS = ("headline", "subheadline", "description", "description_text", "description_html",
              "body_text", "body_html")
LIST_FIELDS = ("headlines", "descriptions", "bodies")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WS = " \t\r\n"


class JString:
    """A JSON string literal: its value and, per character, its span in the file."""

    __slots__ = ("value", "spans", "start", "end")

    def __init__(self, value: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
        self.value, self.spans, self.start, self.end = value, spans, start, end


class _Scanner:
    def __init__(self, s: str) -> None:
        self.s = s

    def ws(self, i: int) -> int:
        s = self.s
        while i < len(s) and s[i] in _WS:
            i += 1
        return i

    def value(self, i: int) -> tuple[Any, int]:
        s = self.s
        i = self.ws(i)
        ch = s[i]
        if ch == "{":
            out: dict[str, Any] = {}
            i = self.ws(i + 1)
            if s[i] == "}":
                return out, i + 1
            while True:
                key, i = self.string(self.ws(i))
                i = self.ws(i)
                i += 1  # ':'
                val, i = self.value(i)
                out[key.value] = val
                i = self.ws(i)
                if s[i] == ",":
                    i += 1
                    continue
                return out, i + 1  # '}'
        if ch == "[":
            arr: list[Any] = []
            i = self.ws(i + 1)
            if s[i] == "]":
                return arr, i + 1
            while True:
                val, i = self.value(i)
                arr.append(val)
                i = self.ws(i)
                if s[i] == ",":
                    i += 1
                    continue
                return arr, i + 1
        if ch == '"':
            return self.string(i)
        j = i
        while j < len(s) and s[j] not in ",}] \t\r\n":
            j += 1
        return None, j  # number, true, false, null: not copy

    def string(self, i: int) -> tuple[JString, int]:
        s = self.s
        start = i
        i += 1
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        while True:
            ch = s[i]
            if ch == '"':
                return JString("".join(chars), spans, start, i + 1), i + 1
            if ch != "\\":
                chars.append(ch)
                spans.append((i, i + 1))
                i += 1
                continue
            e = s[i + 1]
            if e == "u":
                code = int(s[i + 2:i + 6], 16)
                j = i + 6
                if 0xD800 <= code < 0xDC00 and s[j:j + 2] == "\\u":
                    low = int(s[j + 2:j + 6], 16)
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        j += 6
                chars.append(chr(code))
                spans.append((i, j))
                i = j
            else:
                chars.append(_ESCAPES[e])
                spans.append((i, i + 2))
                i += 2


def _emit_chars(b: Builder, value: str, spans: list[tuple[int, int]], p: int, q: int) -> None:
    i = p
    while i < q:
        s, e = spans[i]
        if e - s == 1 and value[i] not in "\n":
            j = i + 1
            while j < q and spans[j][1] - spans[j][0] == 1 and spans[j][0] == spans[j - 1][1]:
                j += 1
            b.verbatim(value[i:j], s)
            i = j
        else:
            b.atomic(value[i], s, e)
            i += 1


def _src(js: JString, p: int) -> int:
    """Source offset of the decoded character at p (or the closing quote)."""
    return js.spans[p][0] if p < len(js.spans) else js.end - 1


class Ninjs(MappedFormat):
    name = "ninjs"
    extensions = (".json", ".ninjs")
    walk_extensions = (".ninjs",)  # a folder walk does not read every .json file as a story
    description = "IPTC ninjs JSON: headline, subheadline, description and body (text or HTML)"

    def extract(self, source: str) -> MappedExtracted:
        try:
            json.loads(source)
        except ValueError as exc:
            raise FormatError(f"not valid JSON: {exc}") from None
        doc, _ = _Scanner(source).value(0)
        if not isinstance(doc, dict):
            raise FormatError("a ninjs document is a JSON object")
        last_display = True
        ascii_only = not any(ord(c) > 127 for c in source) and "\\u" in source
        b = Builder()
        for js, is_html, display in self.fields(doc):
            if not js.value.strip():
                continue
            # Headline, subheadline and description read as one display block
            # (lines of one paragraph, like a headline and dek above a story).
            b.separate(b.source_end, 1 if display and last_display else 2)
            last_display = display
            enc = _json_encoder(ascii_only)
            if is_html:
                self._html(b, js, lambda t, enc=enc: enc(html_encode(t)))
            else:
                b.begin_region(enc)
                _emit_chars(b, js.value, js.spans, 0, len(js.value))
        return b.build()

    @staticmethod
    def fields(doc: dict) -> list[tuple[JString, bool, bool]]:
        """(string, is HTML, is display copy) for each copy field, headline first."""
        out: list[tuple[JString, bool, bool]] = []
        for key in TOP_FIELDS:
            v = doc.get(key)
            if isinstance(v, JString):
                out.append((v, key.endswith("_html"), not key.startswith("body")))
            if key == "subheadline":
                for item in doc.get("headlines") or []:  # ninjs 2: headline entries
                    if isinstance(item, dict) and isinstance(item.get("value"), JString):
                        out.append((item["value"], _is_html(item), True))
            if key == "description_html":
                for item in doc.get("descriptions") or []:
                    if isinstance(item, dict) and isinstance(item.get("value"), JString):
                        out.append((item["value"], _is_html(item), True))
        for item in doc.get("bodies") or []:
            if isinstance(item, dict) and isinstance(item.get("value"), JString):
                out.append((item["value"], _is_html(item), False))
        return out

    @staticmethod
    def _html(b: Builder, js: JString, encode: Callable[[str], str]) -> None:
        """The HTML walker over the decoded string, its map composed with the string's."""
        sub = HTML.extract_into(Builder(), js.value)
        b.begin_region(encode)
        base = b.t
        text = sub.text
        for (ts, ss, tl, sl), kind in zip(sub.pieces, sub.kinds):
            if kind == VERBATIM:
                seg = text[ts:ts + tl]
                # decoded positions ss..ss+tl are the same characters
                vals = js.value
                assert vals[ss:ss + tl] == seg
                _emit_chars(b, vals, js.spans, ss, ss + tl)
            elif kind == ATOMIC:
                b.atomic(text[ts:ts + tl], _src(js, ss), js.spans[ss + sl - 1][1])
            elif kind == LOCKED:
                b.locked(_src(js, ss), js.spans[ss + sl - 1][1] if sl else _src(js, ss), text[ts:ts + tl])
            elif kind == SYNTHETIC:
                b.synthetic(text[ts:ts + tl], _src(js, ss))
        b.ignored.extend((s + base, e + base) for s, e in sub.ignored)


def _is_html(item: dict) -> bool:
    ct = item.get("contenttype")
    return isinstance(ct, JString) and "html" in ct.value.lower()


def _json_encoder(ascii_only: bool) -> Callable[[str], str]:
    def encode(text: str) -> str:
        return json.dumps(text, ensure_ascii=ascii_only)[1:-1]
    return encode
