"""whitespace: runs of empty lines, doubled spaces, a space before punctuation,
a missing space after a full stop."""
from __future__ import annotations

from lintnews.lazy import LazyPattern
from lintnews import Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT

# Two or more empty lines (where a removed image or embed left a hole).
EMPTY_LINES = LazyPattern(r"\n(?:[ \t]*\n){2,}")
# Two or more spaces between two non-space characters on one line.
DOUBLE_SPACE = LazyPattern(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
# A space before , ; : . ? ! that closes a word: "elections ." "FC ,". Not an
# ellipsis, not a decimal (" .5"), not a list marker at the line start.
SPACE_BEFORE = LazyPattern(r"(?<=[\p{L}\p{N})”’\"])[ \t]+(?P<p>[,;:.?!])(?![.\p{N}])(?P<after>\p{L})?")
# "Peru.In" / "Solá.As": a lowercase word, a full stop, then a capitalised
# word, with no space. Not abbreviations (U.S.), decimals, URLs or domains.
MISSING_SPACE = LazyPattern(r"(?<![\p{L}\p{N}.]\p{L}?\.)(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll}+\b)")


class Whitespace(Rule):
    id = "whitespace"
    category = "whitespace"
    severity = Severity.WARNING
    summary = "Runs of empty lines, doubled spaces, a space before punctuation or none after a full stop"
    doc = """
    ## What it catches
    - two or more empty lines in a row, where a removed photo or embed left a hole;
    - two or more spaces between words;
    - a space before a comma, semicolon, colon, full stop, question or
      exclamation mark (`elections .`, `Congress ,where`);
    - a full stop glued to the next sentence (`Peru.In`).

    ## Why
    Scraped and machine-translated copy keeps the layout of the page it came
    from. Readers see the gaps; search and hyphenation break on them.

    ## Example
    `The talks ended  Friday .` → `The talks ended Friday.`

    ## Fix safety
    Safe: only spaces and empty lines change, never a word. Abbreviations
    (`U.S.`), decimals (`3.5`), web addresses and e-mail addresses are left
    alone, and nothing inside a direct quotation is touched.
    """
    examples = [
        Valid("The talks ended Friday.\n\nThe minister left.\n"),
        Valid("Prices rose 3.5% in the U.S. on Monday.\n"),
        Valid("Visit www.example.com.Then call us.\n"),
        Valid("He said: \u201cWait . . . no.\u201d\n"),
        Valid("The score was 2-1. 5 minutes later it was over.\n"),
        Valid("Talks resume at 10 a.m.\n\nThe mayor spoke.\n"),
        Valid("The ratio was 1:3 and .5 of the rest.\n"),
        Valid("BOGOTÁ, Colombia (AP) — Rain returned.\n"),
        Valid("First line.\n\nSecond line.\n\n"),
        Valid("Details at john.smith@example.org.\n"),
        Invalid("The bridge was damaged.\n\n\n\nRussia responded.\n",
                fixed="The bridge was damaged.\n\nRussia responded.\n", flagged="\n\n\n\n"),
        Invalid("Boats sank in shallow  waters.\n", fixed="Boats sank in shallow waters.\n",
                flagged="  "),
        Invalid("The vote was held in Peru.In Lima, crowds gathered.\n",
                fixed="The vote was held in Peru. In Lima, crowds gathered.\n"),
        Invalid("He played for Inter Miami FC , the club said.\n",
                fixed="He played for Inter Miami FC, the club said.\n"),
        Invalid("The session in Congress ,where it failed.\n",
                fixed="The session in Congress, where it failed.\n"),
        Invalid("They voted before the elections .\n", fixed="They voted before the elections.\n"),
        Invalid("Why now ?\n", fixed="Why now?\n"),
        Invalid("Talks ended.\n\n \n\nNothing followed.\n", fixed="Talks ended.\n\nNothing followed.\n"),
        Invalid("The mayor   said Friday that rain   returned.\n",
                fixed="The mayor said Friday that rain returned.\n"),
        Invalid("Crowds left ; police stayed.\n", fixed="Crowds left; police stayed.\n"),
        Invalid("It rained in Solá.As the storm passed, roads closed.\n",
                fixed="It rained in Solá. As the storm passed, roads closed.\n"),
    ]

    def check(self, doc):
        text = doc.text
        copy_end = len(text.rstrip("\n \t"))  # once, not per match: each is a copy of the story
        text_end = len(text.rstrip())
        for m in EMPTY_LINES.finditer(text, timeout=TIMEOUT):
            if m.end() >= copy_end and m.start() >= text_end:
                # Trailing blank lines at the end of the file are not copy.
                continue
            yield self.finding(m.start(), m.end(), "run of empty lines",
                               self.replace(m.start(), m.end(), "\n\n", "keep one empty line"))
        for m in DOUBLE_SPACE.finditer(text, timeout=TIMEOUT):
            if doc.in_quote(m.start(), m.end()) or self._in_token(doc, m.start()):
                continue
            yield self.finding(m.start(), m.end(), "more than one space between words",
                               self.replace(m.start(), m.end(), " ", "use one space"))
        for m in SPACE_BEFORE.finditer(text, timeout=TIMEOUT):
            if doc.in_quote(m.start(), m.end()):
                continue
            p = m["p"]
            if p == ":" and m["after"] is None and text[m.end():m.end() + 1].isdigit():
                continue
            start, end = m.start(), m.start("p") + 1
            replacement = p + (" " if m["after"] else "")
            message = f"space before \"{p}\"" + (" and none after it" if m["after"] else "")
            yield self.finding(start, end, message,
                               self.replace(start, end, replacement, f"write \"{p}\" against the word"))
        for m in MISSING_SPACE.finditer(text, timeout=TIMEOUT):
            tok = doc.token_at(m.start() - 1)
            nxt = doc.token_at(m.end())
            if tok is None or tok.kind != "word" or (nxt and nxt.kind != "word"):
                continue
            if doc.in_quote(m.start(), m.end()) or self._in_token(doc, m.start()):
                continue
            yield self.finding(tok.start, (nxt.end if nxt else m.end()), "no space after the full stop",
                               self.replace(m.start(), m.end(), ". ", "add a space after the full stop"))

    @staticmethod
    def _in_token(doc, offset: int) -> bool:
        """Inside a URL or an e-mail address."""
        for tok in doc.tokens_in(max(0, offset - 200), offset + 1):
            if tok.kind in ("url", "email") and tok.start <= offset < tok.end:
                return True
        return False
