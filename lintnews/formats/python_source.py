"""Python source (.py): the copy a newsroom's code carries.

Parsed with libcst, which keeps every byte of the file (comments, quotes,
prefixes, layout) and gives each node its position. Read as prose:

- docstrings (module, class, function), always;
- other string literals that read as prose: at least three words and mostly
  letters (``"Breaking: the mayor has resigned"``), not identifiers, keys,
  paths, format specs or byte strings;
- in an f-string, the literal parts; each ``{expression}`` is a stand-in that
  is never edited; implicitly concatenated literals read as one text.

Each string's value is read with its escapes decoded (``\\"`` reads as ``"``)
and mapped back character by character, so a fix is an edit at exact source
positions inside the literal, escaped for that literal's quotes and prefix;
the file is parsed again after a fix and the fix is dropped if the result
would not parse. Everything else in the file is untouched.

A suppression marker is a comment line: ``# lintnews: disable=RULE``.
"""
from __future__ import annotations

import io
import tokenize


from ..suppress import MARKER_RE
from .base import FormatError
from .mapped import Builder, MappedExtracted, MappedFormat
from ..document import TIMEOUT, line_starts
from ..lazy import LazyPattern

PROSE_WORD = LazyPattern(r"\p{L}{2,}")
_OCTAL = LazyPattern(r"[0-7]{1,3}")
_LITERAL_START = LazyPattern(r"(?i)([rbuf]*)('''|\"\"\"|'|\")")
_PREFIX = LazyPattern(r"(?i)[rbuf]*")
SIMPLE_ESC = {"\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n",
              "r": "\r", "t": "\t", "v": "\v"}


def is_prose(value: str) -> bool:
    """A string that reads as copy, not as an identifier, a key, a path or a format."""
    words = PROSE_WORD.findall(value, timeout=TIMEOUT)
    if len(words) < 3 or value.count(" ") < 2:
        return False
    visible = [c for c in value if not c.isspace()]
    letters = sum(1 for c in visible if c.isalpha())
    return letters >= 0.6 * len(visible)


def _decode(b: Builder, body: str, at: int, raw: bool, fstring: bool) -> None:
    """Append the value of a literal's body (source ``body`` starting at ``at``)."""
    i = 0
    n = len(body)
    run = 0  # start of the pending verbatim run
    while i < n:
        ch = body[i]
        if ch == "\r" and body[i + 1:i + 2] == "\n":
            b.verbatim(body[run:i], at + run)
            b.atomic("\n", at + i, at + i + 2)
            i += 2
            run = i
        elif fstring and ch in "{}" and body[i + 1:i + 2] == ch:
            b.verbatim(body[run:i], at + run)
            b.atomic(ch, at + i, at + i + 2)
            i += 2
            run = i
        elif ch == "\\" and not raw and i + 1 < n:
            b.verbatim(body[run:i], at + run)
            e = body[i + 1]
            j = i + 2
            if e == "\n" or (e == "\r"):
                j = i + 2 + (1 if body[i + 1:i + 3] == "\r\n" else 0)
                value = ""  # a line continuation: no character
            elif e in SIMPLE_ESC:
                value = SIMPLE_ESC[e]
            elif e in "01234567":
                m = _OCTAL.match(body[i + 1:], timeout=TIMEOUT)
                j = i + 1 + len(m.group())
                value = chr(int(m.group(), 8))
            elif e in "xuU":
                width = {"x": 2, "u": 4, "U": 8}[e]
                try:
                    value = chr(int(body[i + 2:i + 2 + width], 16))
                    j = i + 2 + width
                except ValueError:
                    value, j = "\\" + e, i + 2
            elif e == "N" and body[i + 2:i + 3] == "{":
                close = body.find("}", i)
                import unicodedata
                try:
                    value = unicodedata.lookup(body[i + 3:close])
                    j = close + 1
                except (KeyError, ValueError):
                    value, j = "\\N", i + 2
            else:
                value = "\\" + e  # unknown escape: kept as written
            if value:
                if len(value) == j - i:
                    b.verbatim(value, at + i)
                else:
                    b.atomic(value, at + i, at + j)
            i = j
            run = i
        else:
            i += 1
    b.verbatim(body[run:n], at + run)


def _split_literal(code: str) -> tuple[str, str, str]:
    """prefix, quote, body of a string literal's source."""
    m = _LITERAL_START.match(code, timeout=TIMEOUT)
    prefix, quote = m.group(1), m.group(2)
    return prefix, quote, code[len(prefix) + len(quote):len(code) - len(quote)]


def _encoder(prefix: str, quote: str, crlf: bool):
    raw = "r" in prefix.lower()
    fstring = "f" in prefix.lower()
    triple = len(quote) == 3

    def encode(text: str) -> str:
        if not raw:
            text = text.replace("\\", "\\\\")
            text = text.replace(quote[0], "\\" + quote[0]) if not triple else text.replace(quote, "\\" + quote)
            if not triple:
                text = text.replace("\n", "\\n")
        if fstring:
            text = text.replace("{", "{{").replace("}", "}}")
        if triple and crlf:
            text = text.replace("\n", "\r\n")
        return text
    return encode


class PythonSource(MappedFormat):
    name = "python"
    extensions = (".py", ".pyi")
    walk_extensions = ()   # code is linted when named, never picked up by a folder walk
    description = "Python source: docstrings and prose string literals (libcst)"

    def extract(self, source: str) -> MappedExtracted:
        import libcst as cst
        from libcst.metadata import MetadataWrapper, PositionProvider
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError as exc:
            raise FormatError(f"not valid Python: {str(exc).splitlines()[0]}") from None
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        positions = wrapper.resolve(PositionProvider)
        starts = line_starts(source)
        crlf = "\r\n" in source

        def offset(node) -> int:
            pos = positions[node].start
            return starts[pos.line - 1] + pos.column

        items: list[tuple[int, str, object]] = []   # (source offset, kind, node or text)
        docstrings: set[int] = set()

        class Visitor(cst.CSTVisitor):
            def _docstring(self, body) -> None:
                stmts = getattr(body, "body", body)
                if isinstance(stmts, (list, tuple)) and stmts:
                    first = stmts[0]
                    if isinstance(first, cst.SimpleStatementLine) and first.body \
                            and isinstance(first.body[0], cst.Expr):
                        docstrings.add(id(first.body[0].value))

            def visit_Module(self, node):
                self._docstring(node.body)

            def visit_ClassDef(self, node):
                self._docstring(node.body.body if isinstance(node.body, cst.IndentedBlock) else [])

            def visit_FunctionDef(self, node):
                self._docstring(node.body.body if isinstance(node.body, cst.IndentedBlock) else [])

            def visit_ConcatenatedString(self, node):
                parts = []
                cur = node
                while isinstance(cur, cst.ConcatenatedString):
                    parts.append(cur.left)
                    cur = cur.right
                parts.append(cur)
                items.append((offset(node), "concat", (node, parts)))
                return False

            def visit_SimpleString(self, node):
                items.append((offset(node), "string", (node, [node])))

            def visit_FormattedString(self, node):
                items.append((offset(node), "string", (node, [node])))
                return False

        wrapper.visit(Visitor())

        # Suppression markers: comment lines (found by the tokenizer, which knows strings from comments).
        try:
            for tok in tokenize.generate_tokens(io.StringIO(source).readline):
                if tok.type == tokenize.COMMENT and MARKER_RE.fullmatch(tok.string, timeout=TIMEOUT):
                    items.append((starts[tok.start[0] - 1] + tok.start[1], "marker", tok.string))
        except (tokenize.TokenError, SyntaxError):
            pass

        b = Builder()
        for at, kind, payload in sorted(items, key=lambda x: x[0]):
            if kind == "marker":
                b.separate(b.source_end)
                b.begin_region(lambda t: t)
                b.verbatim(payload, at)
                continue
            node, parts = payload
            if any("b" in _split_literal(self._code(p))[0].lower() for p in parts):
                continue
            value = "".join(self._value(p) for p in parts)
            if id(node) not in docstrings and not is_prose(value):
                continue
            b.separate(b.source_end)
            for p in parts:
                self._emit(b, p, offset(p), positions, starts, crlf)
        return b.build()

    @staticmethod
    def _code(node) -> str:
        import libcst as cst
        if isinstance(node, cst.SimpleString):
            return node.value
        return node.start + "x" + node.end  # FormattedString: prefix+quote ... quote

    @staticmethod
    def _value(node) -> str:
        """A rough value for deciding whether a literal is prose."""
        import libcst as cst
        if isinstance(node, cst.SimpleString):
            try:
                return node.evaluated_value if isinstance(node.evaluated_value, str) else ""
            except Exception:
                return ""
        return " ".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))

    @staticmethod
    def _emit(b: Builder, node, at: int, positions, starts, crlf: bool) -> None:
        import libcst as cst
        if isinstance(node, cst.SimpleString):
            prefix, quote, body = _split_literal(node.value)
            b.begin_region(_encoder(prefix, quote, crlf))
            _decode(b, body, at + len(prefix) + len(quote), "r" in prefix.lower(), False)
            return
        # f-string: literal parts are prose, {expressions} are stand-ins
        prefix = node.start[:-1].rstrip("'\"") if node.start else ""
        prefix = _PREFIX.match(node.start, timeout=TIMEOUT).group()
        quote = node.start[len(prefix):]
        b.begin_region(_encoder(prefix, quote, crlf))
        raw = "r" in prefix.lower()
        for part in node.parts:
            pos = positions[part].start
            off = starts[pos.line - 1] + pos.column
            end_pos = positions[part].end
            end = starts[end_pos.line - 1] + end_pos.column
            if isinstance(part, cst.FormattedStringText):
                _decode(b, part.value, off, raw, True)
            else:
                b.locked(off, end)

    def apply(self, source: str, extracted, edits) -> str:
        new = super().apply(source, extracted, edits)
        if new != source:
            import libcst as cst
            try:
                cst.parse_module(new)
            except cst.ParserSyntaxError:
                return source  # never write a file that would not parse
        return new
