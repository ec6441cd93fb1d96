"""quote-punctuation: Spanish-style punctuation around quotations."""
from __future__ import annotations

import regex

from lintnews.lazy import LazyPattern
from lintnews import Edit, Fix, Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT

_LETTERS = LazyPattern(r"\p{L}+")

OPEN_FOR = {"”": "“", "\"": "\"", "»": "«", "“": "“"}
PRONOUN_ATTRIBUTION = LazyPattern(
    r"(?P<pron>He|She|They|It|We|I)\s+(?=\p{Ll})", regex.V1)


class QuotePunctuation(Rule):
    id = "quote-punctuation"
    category = "punctuation"
    severity = Severity.WARNING
    summary = "Spanish-style punctuation around quotations: `people.”, he added`, «guillemets»"
    fixes_quotes = True
    doc = """
    ## What it catches
    - a full stop and a comma around the closing mark: `winter.”, he added`
      (wrong in every English style) → `winter,” he added`;
    - `?”,` and `!”,` → `?”` and `!”`;
    - a comma or full stop after the closing mark: `help”, reported`.
      American punctuation (AP, the default) always puts them inside. Under
      logical (British) punctuation (`quote-punctuation = "logical"` in the
      house style, or a Reuters or AFP dateline when `follow-dateline` is on)
      only a quoted full sentence that opens its sentence and is followed by
      its attribution is flagged: `“coup plotters”, he told supporters` is
      correct Reuters copy;
    - no space after the closing mark: `economic”he said` → `economic,” he said`;
    - an opening mark typed where the closing one belongs (`undoubted“He
      added` → `undoubted,” he added`) and a quote opened curly and closed
      straight, or the other way;
    - «guillemets» → “double quotes”.

    ## Why
    Spanish puts the comma after the closing quotation mark and uses
    guillemets; English wire style does neither. This is the commonest
    mechanical defect in translated copy (half of the real sample).

    ## Fix safety
    Safe: only the marks and the comma or full stop move; the words said are
    never changed.
    """
    options = {"follow-dateline": True}
    examples = [
        Valid("\u201cWe will win,\u201d he said.\n"),
        Valid("\u201cWhy now?\u201d she asked.\n"),
        Valid("She called them \u201ccoup plotters,\u201d and left.\n"),
        Valid("KYIV (Reuters) - She called them \u201ccoup plotters\u201d, he told supporters.\n"),
        Valid("He called it \u201cwithin weeks\u201d, while others waited.\n", style="reuters"),
        Valid("The law is known as \u201cLey Mordaza.\u201d\n"),
        Valid("\u201cWe will stay,\u201d he said. \u201cWe have no choice.\u201d\n"),
        Valid("\u201cThe first paragraph of a long quote runs on\n\n\u201cand the second closes.\u201d\n"),
        Valid("He said: \u201cIt is over.\u201d\n"),
        Valid("Rates rose 0.25 points, the bank said.\n"),
        Invalid("\u201cWe will rebuild the harbor before winter.\u201d, he added.\n",
                fixed="\u201cWe will rebuild the harbor before winter,\u201d he added.\n", flagged=".\u201d,"),
        Invalid("\u201cI called the governor to offer our help\u201d, reported the envoy.\n",
                fixed="\u201cI called the governor to offer our help,\u201d reported the envoy.\n"),
        Invalid("The funds were spent \u201cin line with the rules\u201d.\n",
                fixed="The funds were spent \u201cin line with the rules.\u201d\n"),
        Invalid("\u201cWhy now?\u201d, she asked.\n", fixed="\u201cWhy now?\u201d she asked.\n"),
        Invalid("\u201cWe are economic\u201dhe said.\n", fixed="\u201cWe are economic,\u201d he said.\n"),
        Invalid("\u201cIt was undoubted\u201cHe added.\n", fixed="\u201cIt was undoubted,\u201d he added.\n"),
        Invalid("The \u00abreforms\u00bb failed.\n", fixed="The \u201creforms\u201d failed.\n"),
        Invalid("They fought \u201cwars\" for years.\n", fixed="They fought \u201cwars\u201d for years.\n"),
        Invalid("\u201cWe won\u201d, he told reporters.\n", fixed="\u201cWe won,\u201d he told reporters.\n",
                style="reuters"),
        Invalid("\"We will not close a single school\", he said.\n",
                fixed="\"We will not close a single school,\" he said.\n"),
        Valid('~"~"'),
        Valid("\u201c\u201d, he said."),
        Invalid("Lawmakers cited \u201cgross negligence\u201d, with 87 votes.\n",
                fixed="Lawmakers cited \u201cgross negligence,\u201d with 87 votes.\n"),
    ]

    def _logical(self, doc) -> bool:
        if self.style.get("quote-punctuation", "american") == "logical":
            return True
        if self.opts["follow-dateline"] and doc.dateline is not None:
            agencies = {a.lower() for a in self.pack("quote-punctuation").get("logical-agencies", [])}
            return doc.dateline.agency.lower() in agencies
        return False

    def check(self, doc):
        text = doc.text
        logical = None
        for q in doc.quotes:
            if q.opener == "«" or q.closer == "»":
                edits = [Edit(q.start, q.start + 1, "“")] if q.opener == "«" else []
                if q.closer == "»":
                    edits.append(Edit(q.end - 1, q.end, "”"))
                yield self.finding(q.start, q.end, "guillemets: English copy uses “double quotes”",
                                   Fix(tuple(edits), message="use “ and ”"))
                continue
            if not q.closer:
                continue
            c = q.end - 1  # the closing mark
            before = text[c - 1] if c > q.start + 1 else ""
            after = text[c + 1] if c + 1 < len(text) else ""
            after2 = text[c + 2] if c + 2 < len(text) else ""
            closer = q.closer
            # The closing mark written as an opening one.
            if closer == "“":
                m = PRONOUN_ATTRIBUTION.match(text, c + 1, timeout=TIMEOUT)
                if m and before not in ",.!?":
                    yield self.finding(c, m.end(), "an opening quotation mark closes the quote",
                                       self.replace(c, m.start("pron") + 1,
                                                    ",” " + m["pron"][0].lower(),
                                                    f"write ,” {m['pron'].lower()}"))
                else:
                    yield self.finding(c, c + 1, "an opening quotation mark closes the quote",
                                       self.replace(c, c + 1, "”", "use ”"))
                continue
            # Curly and straight marks mixed in one quotation.
            if (q.opener == "“") != (closer == "”"):
                right = "”" if q.opener == "“" else '"'
                yield self.finding(c, c + 1, "the quotation opens and closes with different marks",
                                   self.replace(c, c + 1, right, f"close with {right}"))
                continue
            if before and before in ".!?" and after == ",":
                repl = ("," + closer) if before == "." else (before + closer)
                yield self.finding(c - 1, c + 2, f"\"{before}{closer},\": the comma goes inside, alone",
                                   self.replace(c - 1, c + 2, repl, f"write {repl}"))
                continue
            if after and after in ",." and before and before not in ".,!?…:;" and not (after == "." and after2 == "."):
                if logical is None:
                    logical = self._logical(doc)
                if logical and not (after == "," and self._full_clause(doc, q) and after2 == " "):
                    continue
                yield self.finding(c, c + 2,
                                   f"\"{closer}{after}\": in American style the {'comma' if after == ',' else 'full stop'} goes inside the quotation"
                                   if not logical else f"\"{closer},\": a quoted sentence takes its comma inside",
                                   self.replace(c, c + 2, after + closer, f"write {after}{closer}"))
                continue
            if after.isalpha():
                nxt = _LETTERS.match(text[c + 1:c + 40], timeout=TIMEOUT)
                word = nxt.group().lower() if nxt else ""
                attribution = word in {"he", "she", "they", "we", "said", "says", "added", "told", "asked"}
                if attribution and before not in ",.!?":
                    repl = "," + closer + " "
                else:
                    repl = closer + " "
                yield self.finding(c, c + 2, "no space after the closing quotation mark",
                                   self.replace(c, c + 1, repl, f"write {repl.strip()} and a space"))

    @staticmethod
    def _full_clause(doc, q) -> bool:
        """A quoted sentence: opens its paragraph or sentence and starts with a capital."""
        inner = doc.text[q.inner_start:q.inner_start + 2]
        if not inner[:1].isupper():
            return False
        i = q.start
        while i > 0 and doc.text[i - 1] in " \t":
            i -= 1
        return i == 0 or doc.text[i - 1] in "\n.!?:"
