"""The document model: one analysis of a text, shared by every rule.

Built once per text. Paragraphs, sentences, tokens and quotations are
computed lazily on first use and cached, so a run that selects only cheap
rules pays only for what they read. Rules never re-tokenise: they read
``doc.tokens`` and friends, and may memoise their own derived analyses with
``doc.memo(key, fn)`` so that two rules share one computation.

All offsets are code-point offsets into ``doc.text``; the text uses "\\n" line
endings (the file reader maps CRLF files back on output).
"""
from __future__ import annotations

import bisect
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterator, NamedTuple

import regex

from .lazy import LazyPattern

# Patterns are compiled once at import. Every match runs with a timeout
# (see TIMEOUT) so that no input can make a pattern backtrack without bound.
TIMEOUT = 2.0

_URL = r"(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]}'’]"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"(?<![\w@#])[@#][\p{L}\p{N}_]+"
_ABBREV = r"(?:\p{Lu}{1,2}\.){2,}"  # U.S.  EE.UU.  U.K.
# A word: letters, marks and digits, joined by inner apostrophes, hyphens or
# ampersands; a dot or comma joins only digits (16.8, 1,500, 16.8billion).
_WORD = r"[\p{L}\p{M}\p{N}]+(?:(?:['’\-&]|(?<=\p{N})[.,:](?=\p{N}))[\p{L}\p{M}\p{N}]+)*"
# What a token is, read one match at a time: the definition the chunked
# tokenizer below is tested against (tests/test_tokenizer.py). The short
# pattern gives the same tokens for text with no address, e-mail or handle.
TOKEN_RE = LazyPattern(
    rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<handle>{_HANDLE})|(?P<abbrev>{_ABBREV})|(?P<word>{_WORD})",
    regex.V1,
)
_WORDS_ONLY_RE = LazyPattern(rf"(?P<abbrev>{_ABBREV})|(?P<word>{_WORD})", regex.V1)

# The same tokens from one match per chunk of text instead of one per token:
# regex's timeout check costs about as much as the match itself, per match.
# The pattern repeats "a token, or a run of characters that cannot start one,
# or any one character", keeping every token in its group's captures; the
# ordered alternation picks tokens exactly as finditer over TOKEN_RE would.
# The words-only form skips the address alternatives when the text has none.
_NOT_TOKEN_START = r"[^\w\p{L}\p{M}\p{N}.+\-@#]+|(?s:.)"  # \w: e-mails may start with U+200D
_TOKENS_RE = LazyPattern(
    rf"(?:(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<handle>{_HANDLE})|(?P<abbrev>{_ABBREV})"
    rf"|(?P<word>{_WORD})|{_NOT_TOKEN_START})*",
    regex.V1,
)
_WORDS_ONLY_TOKENS_RE = LazyPattern(
    rf"(?:(?P<abbrev>{_ABBREV})|(?P<word>{_WORD})|{_NOT_TOKEN_START})*", regex.V1)
# Chunks end at a line break (no token spans one) after this many characters:
# captures of one long match grow a stack, short chunks keep it small.
_TOKEN_CHUNK = 4096


def _has_addresses(text: str) -> bool:
    return "@" in text or "#" in text or "://" in text or "www." in text


def _token_pattern(text: str):
    return TOKEN_RE if _has_addresses(text) else _WORDS_ONLY_RE


def tokenize(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, text) of every token, in order, read one chunk at a time."""
    if _has_addresses(text):
        pattern, others = _TOKENS_RE, ("url", "email", "handle", "abbrev")
    else:
        pattern, others = _WORDS_ONLY_TOKENS_RE, ("abbrev",)
    out: list[tuple[int, int, str, str]] = []
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n", pos + _TOKEN_CHUNK)
        end = n if end == -1 else end + 1
        m = pattern.match(text, pos, end, timeout=TIMEOUT)
        found = [(s, e, "word", w) for (s, e), w in zip(m.spans("word"), m.captures("word"))]
        extra = [(s, e, kind, w) for kind in others for (s, e), w in zip(m.spans(kind), m.captures(kind))]
        if extra:
            found.extend(extra)
            found.sort()
        out.extend(found)
        pos = end
    return out


_PARA_SEP = LazyPattern(r"\n[ \t\u00a0]*\n\s*")

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st mt ft jr sr
    rev hon pres supt insp det cpl pvt no nos vol vols fig op approx est dept univ assn
    inc corp co ltd bros jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun vs etc al e.g i.e a.m p.m""".split()
)

# The terminal mark is matched, not looked behind for: a pattern that starts
# with a lookbehind is tried at every position and runs half as fast.
_SENT_END = LazyPattern(
    r"""[.!?…]["”’')\]]*\s+(?=["“‘'(\[]?[\p{Lu}\p{N}¿¡])""", regex.V1
)

QUOTE_OPENERS = "“«„"
_QUOTE_MARK = LazyPattern(r"[“”«»\"„]")
QUOTE_CLOSERS = "”»“"

# A wire dateline opening the story: "KYIV (Reuters) -", "BOGOTÁ, Colombia (AP) —",
# "MADRID, Nov 3 (EFE).-", "BEIRUT (AFP) -", "(CNN) --". The agency is group 2.
DATELINE_RE = LazyPattern(
    r"""(?P<place>\p{Lu}[\p{Lu}\p{M}\p{N} .'’\-]*(?:,[ \t]*[\p{L}\p{M}\p{N} .'’\-]+?)?[ \t]*)?
        \((?P<agency>[\p{L}\p{N} .&/\-]{1,40})\)[ \t]*(?:\.?[-—–]{1,2}|:)[ \t]*""",
    regex.V1 | regex.VERBOSE,
)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for a stretch of work that
    allocates many objects but makes no reference cycles: each few hundred new
    objects would set it off to find nothing. Left as found afterwards (a
    caller that paused it already keeps it paused)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts ("\n" ends a line; "\r\n" too)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, given the text's ``line_starts``."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


class Token(NamedTuple):
    # A NamedTuple, not a frozen dataclass: a long story has 100,000 of them
    # and tuple construction is several times faster.
    text: str
    start: int
    end: int
    kind: str  # word | abbrev | url | email | handle
    index: int
    lower: str  # text.lower(), made once: rules compare it hundreds of thousands of times

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


class Span(NamedTuple):
    # NamedTuples, like Token: a long story has tens of thousands of lines and sentences.
    start: int
    end: int
    text: str
    index: int


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    index: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    place: str
    agency: str      # "AP", "Reuters", "AFP", "EFE"…
    paragraph: int   # index of the paragraph it opens


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: ``start`` is the opening mark, ``end`` is just past the
    closing mark (or the paragraph's end when the quote runs on)."""

    start: int
    end: int
    opener: str
    closer: str  # "" when the quote is not closed in its paragraph

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closer else self.end


class Document:
    def __init__(self, text: str, *, ignored: list[tuple[int, int]] | None = None,
                 path: str | None = None) -> None:
        self.text = text
        self.path = path
        # Stretches the rules must not treat as copy (suppression marker lines).
        self.ignored: list[tuple[int, int]] = sorted(ignored or [])
        self._memo: dict[Any, Any] = {}

    def __len__(self) -> int:
        return len(self.text)

    # -- shared derived analyses -------------------------------------------------
    def memo(self, key: Any, fn: Callable[[], Any]) -> Any:
        """Compute ``fn()`` once per document under ``key`` (share work between rules)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = fn()
            return value

    # -- lines ------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        return line_col(self.line_starts, offset)

    @cached_property
    def lines(self) -> list[Span]:
        out = []
        starts = self.line_starts
        for i, s in enumerate(starts):
            e = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
            out.append(Span(s, e, self.text[s:e], i))
        return out

    def _is_ignored(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.ignored)

    @cached_property
    def dateline(self) -> "Dateline | None":
        """The wire dateline at the start of the story's first body paragraph, if any.

        Paragraphs before it are the headline and dek."""
        for p in self.paragraphs[:4]:
            m = DATELINE_RE.match(self.text, p.start, p.end, timeout=TIMEOUT)
            if m:
                return Dateline(m.start(), m.end(), (m["place"] or "").strip(" ,"), m["agency"].strip(), p.index)
        return None

    # -- paragraphs ---------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        """Runs of non-blank lines. A text with no blank line at all but several
        lines is read one paragraph a line (wire copy often arrives that way)."""
        text = self.text
        if "\n" in text.strip() and not _PARA_SEP.search(text, timeout=TIMEOUT):
            pieces = [(ln.start, ln.end) for ln in self.lines]
        else:
            pieces, pos = [], 0
            for m in _PARA_SEP.finditer(text, timeout=TIMEOUT):
                pieces.append((pos, m.start()))
                pos = m.end()
            pieces.append((pos, len(text)))
        out: list[Span] = []
        for s, e in pieces:
            # Marker lines (suppressions) separate paragraphs like blank lines.
            for s2, e2 in self._split_ignored(s, e):
                while s2 < e2 and text[s2].isspace():
                    s2 += 1
                while e2 > s2 and text[e2 - 1].isspace():
                    e2 -= 1
                if s2 < e2:
                    out.append(Span(s2, e2, text[s2:e2], len(out)))
        return out

    def _split_ignored(self, s: int, e: int) -> Iterator[tuple[int, int]]:
        for is_, ie in self.ignored:
            if ie <= s or is_ >= e:
                continue
            yield s, is_
            s = ie
        yield s, e

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Span | None:
        paras = self.paragraphs
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and paras[i].start <= offset <= paras[i].end:
            return paras[i]
        return None

    # -- sentences ----------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for p in self.paragraphs:
            pos = p.start
            for m in _SENT_END.finditer(self.text, p.start, p.end, timeout=TIMEOUT):
                boundary = m.start() + 1  # just after the mark
                if self._is_abbreviation_before(boundary):
                    continue
                end = boundary
                while end > pos and self.text[end - 1].isspace():
                    end -= 1
                out.append(Sentence(pos, end, self.text[pos:end], len(out), p.index))
                pos = m.end()
            if pos < p.end:
                out.append(Sentence(pos, p.end, self.text[pos:p.end], len(out), p.index))
        return out

    def _is_abbreviation_before(self, boundary: int) -> bool:
        """True when the punctuation just before ``boundary`` closes an abbreviation."""
        text = self.text
        i = boundary
        while i > 0 and text[i - 1] in "\"”’')]":
            i -= 1
        if i == 0 or text[i - 1] != ".":
            return False
        j = i - 1
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
        word = text[j:i - 1].lower()
        if word in ABBREVIATIONS:
            return True
        # A single capital initial ("John F. Kennedy"), or dotted capitals
        # followed by a lowercase word are not sentence ends.
        if len(word) == 1 and text[j].isupper():
            return True
        return False

    @cached_property
    def _sentence_offsets(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        sents = self.sentences
        i = bisect.bisect_right(self._sentence_offsets, offset) - 1
        if i >= 0 and sents[i].start <= offset <= sents[i].end:
            return sents[i]
        return None

    # -- tokens -------------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[Token]:
        text = self.text
        make = tuple.__new__  # skips NamedTuple's Python-level __new__
        with collector_paused():  # 100,000 new tuples, none of them part of a cycle
            found = tokenize(text)
            lower = {w: w.lower() for w in {f[3] for f in found}}  # a story repeats its words
            return [make(Token, (w, s, e, kind, i, lower[w])) for i, (s, e, kind, w) in enumerate(found)]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        i = bisect.bisect_left(self._token_starts, start)
        j = bisect.bisect_left(self._token_starts, end)
        return self.tokens[i:j]

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self._token_starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    @cached_property
    def vocabulary(self) -> str:
        """Every distinct token, lowercased, one a line. Every run of letters in
        the text lies inside one token, so a search for a word (or part of one)
        here answers "does it occur anywhere?" in a fraction of the time a search
        of the whole story takes."""
        return "\n".join({t.lower for t in self.tokens})

    @cached_property
    def sentence_starts(self) -> frozenset[int]:
        """Offsets of the first word token of every sentence (capitalised for grammar, not as a name)."""
        starts = set()
        for s in self.sentences:
            toks = self.tokens_in(s.start, s.end)
            if toks:
                starts.add(toks[0].start)
        return frozenset(starts)

    def is_sentence_start(self, token: Token) -> bool:
        return token.start in self.sentence_starts

    @cached_property
    def names(self) -> frozenset[str]:
        """Capitalised words the story uses away from a sentence start: its names."""
        starts = self.sentence_starts
        return frozenset(
            t.text for t in self.tokens
            if t.kind == "word" and t.text[:1].isupper() and t.start not in starts
        )

    # -- quotations ---------------------------------------------------------------
    @cached_property
    def quotes(self) -> list[Quote]:
        text = self.text
        out: list[Quote] = []
        for p in self.paragraphs:
            open_at: int | None = None
            opener = ""
            for m in _QUOTE_MARK.finditer(text, p.start, p.end, timeout=TIMEOUT):
                i = m.start()
                ch = text[i]
                prev = text[i - 1] if i > p.start else " "
                if open_at is None:
                    if ch in "“«„" or (ch == '"' and (prev.isspace() or prev in "([—–-")):
                        open_at, opener = i, ch
                    elif ch == '"' or ch == "”":
                        # A closing mark with no opener: quote ran on from the
                        # previous paragraph, or a stray mark. Not a quote span.
                        continue
                else:
                    closes = (
                        ch in "”»\""
                        # “ typed where ” belongs: `undoubted“He added`
                        or (ch == "“" and not prev.isspace())
                    )
                    if closes:
                        out.append(Quote(open_at, i + 1, opener, ch))
                        open_at = None
            if open_at is not None:
                out.append(Quote(open_at, p.end, opener, ""))
        return out

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation whose inside (between the marks) contains ``offset``."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.inner_start <= offset < q.inner_end:
                return q
        return None

    @cached_property
    def _quote_mask(self) -> bytearray:
        # One byte per character, 1 inside a quotation: rules ask in_quote of
        # every candidate word, and a C-level find answers in constant time.
        mask = bytearray(len(self.text))
        for q in self.quotes:
            mask[q.inner_start:q.inner_end] = b"\x01" * (q.inner_end - q.inner_start)
        return mask

    @cached_property
    def _empty_quotes(self) -> list[int]:
        return [q.inner_start for q in self.quotes if q.inner_start >= q.inner_end]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when any part of [start, end) lies inside a direct quotation."""
        end = start + 1 if end is None or end <= start else end
        if not self.quotes:
            return False
        if self._quote_mask.find(1, start, end) != -1:
            return True
        # An empty quotation (“” or a mark at a paragraph's end) holds no
        # character, but a span around it is still "in" it.
        points = self._empty_quotes
        i = bisect.bisect_right(points, start)
        return i < len(points) and points[i] < end
