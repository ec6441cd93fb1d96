"""caption-leftover: photo captions, credits, teasers and other page furniture left in the body."""
from __future__ import annotations

import regex

from lintnews import Fix, Invalid, Rule, Severity, Valid
from lintnews import regex_cache
from lintnews.lazy import LazyPattern as _Lazy
from lintnews.document import DATELINE_RE, TIMEOUT

from lintnews.model import Applicability, Edit

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_TIME = r"\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?\s?m\.?|hrs?|hours|h))?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?"
_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|"
         rf"\d{{1,2}}\s+(?:of\s+)?{_MONTHS}(?:\s+(?:of\s+)?\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})")
# A line that is only a date and/or a time: "10/10/2022 - 10:35", "Oct. 10, 2022 | 10:35 am EDT".
TIMESTAMP_LINE = _Lazy(
    rf"^(?:{_DATE}(?:\s*(?:[-|,·•–—]|at)?\s*{_TIME})?|{_TIME}(?:\s*(?:[-|,·•–—])?\s*{_DATE})?)[.\s]*$",
    regex.V1 | regex.IGNORECASE)
# The signature of an embedded post: "— Volodymyr Zelensky (@ZelenskyyUa) October 10, 2022".
EMBED_SIGNATURE = _Lazy(
    rf"^[—–-]{{1,2}}\s*[^\n()]{{1,80}}\(@[\w.]+\)\s*{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}\s*$", regex.V1)
EMBED_OTHER = _Lazy(
    r"^(?:A post shared by\b.*|pic\.twitter\.com/\w+|View this post on Instagram|"
    r"(?:Watch|See|View) (?:the )?(?:video|post|tweet) (?:on|in) (?:X|Twitter|Instagram|YouTube|TikTok|Facebook)\b.*)$",
    regex.V1 | regex.IGNORECASE)
# Generic shapes of page furniture; the words that make them furniture are
# looked up in the captions pack.
TEASER = _Lazy(r"^\s*[\[(]?(?P<label>[^:|›»>\n…\[\]()]{1,45}?)[\])]?\s*(?::|\||›|»|>|[-–—](?=\s)|\.\.\.|…)",
                       regex.V1)
SECTION = _Lazy(r"\s+\|\s*(?P<sec>[\p{L} ]{2,30}?)\s*$", regex.V1)
PAREN_END = _Lazy(r"\(\s*(?P<body>[^()\n]{1,80})\)\s*\.?\s*$", regex.V1)
CREDIT_LEAD = _Lazy(r"(?:via|from|photo by|photos by|by|source:?|courtesy(?: of)?)\s+", regex.V1 | regex.IGNORECASE)
LABEL_LEAD = _Lazy(r"(?P<label>[\p{L}][\p{L} ]{1,25}?)\s*[:.,-]\s*", regex.V1)
SLASH_END = _Lazy(r"(?:^|(?<=[\s.,;:”\"]))(?P<ag>\p{L}[\p{L}\- ]{0,25}?)\s*/\s*\p{Lu}[\p{L}\p{M}'’. -]{1,50}$",
                          regex.V1)
LABEL_END = _Lazy(r"(?:^|(?<=[\s.,;:”\"]))(?:(?P<lab>\p{L}[\p{L} ]{1,25}?)\s*[:|]|(?P<by>(?:Photo|Photos|Foto)\s+by))"
                          r"\s*[^\n:]{1,60}$", regex.V1)
FUSED_END = _Lazy(r"(?<=[\p{Ll}\p{N})”\"]\.)(?P<cr>[^\n.]{1,60})$", regex.V1)
# Two names around a slash, glued to the end of a sentence: "…Bad Bunny.Nayeli Cruz / Ramona Rosales".
_NAME = r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:de\s+|del\s+|da\s+|van\s+|von\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3}"
FUSED_NAMES = _Lazy(rf"(?<=[\p{{Ll}}\p{{N}})”\"]\.)(?:{_NAME})\s*/\s*(?:{_NAME})\s*$", regex.V1)
# What a line must start with (case-folded, as the patterns fold case) for
# CREDIT_LEAD and EMBED_OTHER to match.
_CREDIT_WORDS = ("via", "from", "photo by", "photos by", "by", "source", "courtesy")
_EMBED_STARTS = ("a post shared by", "pic.twitter.com/", "view this post on instagram", "watch ", "see ", "view ")


def _has_sigma(words) -> bool:
    return any("σ" in w or "ς" in w for w in words)


def _folded(s: str) -> str:
    """Case-folded as the patterns fold case (they also match "İ" to "i")."""
    return s.replace("İ", "i").casefold()


def _may_be_upper(ch: str) -> bool:
    """False only for a character that is surely not \\p{Lu} (the pattern
    library knows newer capitals than str.isupper does)."""
    return ch.isupper() or (ch != "" and not ch.isascii())


class CaptionLeftover(Rule):
    id = "caption-leftover"
    category = "caption-leftover"
    severity = Severity.WARNING
    summary = "A photo caption, credit, teaser or page banner left in the body of the story"
    # The fix deletes a whole line of page furniture, quotation marks and all
    # (a teaser often quotes a headline); it never edits inside a quotation it keeps.
    fixes_quotes = True
    doc = """
    ## What it catches
    Whole lines of page furniture that a scrape left between the paragraphs:

    - photo captions ending in a credit: `Kofi Mensah, Ghana's finance minister (via Reuters)`,
      `… in an archive image (EFE)`, `… in an archive image. EFE/Rosa Díaz`, `(Photo: Reuters)`,
      `Photo: AFP`, `(Getty Images)`, `File image`;
    - a credit glued to the end of a paragraph: `…in Mexico City.Getty Images`,
      `…the singer.Nayeli Cruz / Ramona Rosales` (only the credit is flagged);
    - related-link teasers: `READ ALSO: …`, `It may interest you: …`, `LOOK HERE:`, `Lee:`;
    - banners (`Developing…`, `News in development`), update timestamps
      (`First modification: 10/10/2022 - 10:35`, a line that is only a date and time),
      a site section glued to a line (`… | International`) and the signature
      lines of embedded posts (`— Name (@handle) October 10, 2022`, `pic.twitter.com/…`).

    ## Not flagged
    A wire dateline (`MEXICO CITY (EFE) —`, `KYIV (Reuters) -`, `(CNN) --`), a
    byline (`By JOSEPH WILSON / Associated Press`), `(Reporting by …; Editing by …)`,
    `With information from …`, and a bare agency credit that the house style
    keeps at the end of a story (`EFE`, `–Agencies`, `(AFP)`). The agencies,
    credit labels, teaser labels, banners and the lines to keep are data in
    the `captions` pack; a newsroom extends them with its own pack.

    ## Why
    Sites that republish translated wire copy print captions, credits and
    "read also" links between paragraphs; a scrape flattens them into the text,
    where they read as garbled sentences. A copy editor deletes them.

    ## Example
    `Ortega y Salas, at the summit in Quito (Reuters)` on a line of its own → the line is deleted.

    ## Fix safety
    Unsafe: the fix deletes the whole line (and the blank line after it), or
    only the glued credit; a quoted headline inside a teaser goes with its
    line, but no quotation that stays is ever edited. A line can be mistaken for a caption, so the
    deletion is offered, never applied by `--fix` alone.
    """
    examples = [
        Valid("MEXICO CITY (EFE) — The peso rose on Monday.\n\nAnalysts expect more gains.\n"),
        Valid("KYIV (Reuters) - Russia fired missiles at Kyiv on Sunday.\n\n"
              "(Reporting by Ana Ruiz; Editing by Tom Lee)\n"),
        Valid("(CNN) -- The storm moved north on Tuesday.\n"),
        Valid("By JOSEPH WILSON and CIARÁN GILES / Associated Press\n\nThe vote was held Sunday in Madrid.\n"),
        Valid("The talks ended on Monday without a deal.\n\nEFE\n"),
        Valid("The talks ended on Monday without a deal.\n\n–Agencies\n"),
        Valid("The mayor told Reuters the bridge would reopen in May.\n"),
        Valid("Police said the photo was taken in 2019. It showed the suspect near the border.\n"),
        Valid("The council said it would answer every letter.\n\nWatch the hearing on Friday, it said.\n"),
        Valid("The vote is on Oct. 10, 2022, at 10:35 a.m., officials said.\n"),
        Valid("The talks ended on Monday without a deal.\n\nWith information from AFP and Reuters.\n"),
        Valid("NAIROBI, Kenya (AP) — Trains resumed.\n\nSome information in this report comes from The Associated Press.\n"),
        Invalid("Kofi Mensah, Ghana's finance minister (via Reuters)\n\nThe talks began on Monday.\n",
                fixed="The talks began on Monday.\n", unsafe=True,
                flagged="Kofi Mensah, Ghana's finance minister (via Reuters)"),
        Invalid("The talks began on Monday.\n\nThe two ministers, in an archive image (EFE)\n\nThey spoke for an hour.\n",
                fixed="The talks began on Monday.\n\nThey spoke for an hour.\n", unsafe=True,
                flagged="The two ministers, in an archive image (EFE)"),
        Invalid("The talks began on Monday.\n\n"
                "The governor at a school opening in Quito, in an archive image. EFE/Rosa Díaz\n\n"
                "They spoke for an hour.\n",
                fixed="The talks began on Monday.\n\nThey spoke for an hour.\n", unsafe=True),
        Invalid("The talks began on Monday.\n\nA refinery near the port. (Photo: Reuters)\n",
                fixed="The talks began on Monday.\n", unsafe=True),
        Invalid("The talks began on Monday.\n\nPhoto: AFP\n\nThey spoke for an hour.\n",
                fixed="The talks began on Monday.\n\nThey spoke for an hour.\n", unsafe=True),
        Invalid("Firefighters at the scene of the blaze (Getty Images)\n\nThe fire began at dawn.\n",
                fixed="The fire began at dawn.\n", unsafe=True),
        Invalid("The talks began on Monday.\n\nREAD ALSO: Peso hits a record low against the dollar\n\n"
                "They spoke for an hour.\n",
                fixed="The talks began on Monday.\n\nThey spoke for an hour.\n", unsafe=True,
                flagged="READ ALSO: Peso hits a record low against the dollar"),
        Invalid("The talks began on Monday.\n\nIt may interest you: The ten best beaches in Peru\n\nThey met again.\n",
                fixed="The talks began on Monday.\n\nThey met again.\n", unsafe=True),
        Invalid("The talks began on Monday.\n\nLOOK HERE:\n\nThey met again.\n",
                fixed="The talks began on Monday.\n\nThey met again.\n", unsafe=True),
        Invalid("Developing…\n\nThe talks began on Monday.\n", fixed="The talks began on Monday.\n", unsafe=True),
        Invalid("First modification: 10/10/2022 - 10:35\n\nThe talks began on Monday.\n",
                fixed="The talks began on Monday.\n", unsafe=True),
        Invalid("The talks began on Monday.\n\n— Lucía Marín (@luciamarin) March 3, 2021\n\nThey met again.\n",
                fixed="The talks began on Monday.\n\nThey met again.\n", unsafe=True),
        Invalid("The singer greets fans at the concert in Mexico City.Getty Images\n\nThe tour ends in May.\n",
                fixed="The tour ends in May.\n", unsafe=True),
        Invalid("The talks began on Monday.\n\nLee: Congress approves the budget\n\nThey met again.\n", fixed=None),
        # "Photo by" once crashed the rule (no label group), losing every finding of the story.
        Invalid("The fire began at dawn.\n\nA firefighter at the scene, Photo by Ana Ruiz\n\nIt was out by noon.\n",
                fixed="The fire began at dawn.\n\nIt was out by noon.\n", unsafe=True,
                flagged="A firefighter at the scene, Photo by Ana Ruiz"),
        Valid("The museum shows a photo by Ana Ruiz of the flooded square.\n"),
    ]

    def _data(self):
        pack = self.pack("captions")
        cached = getattr(type(self), "_compiled", None)
        if cached is not None and cached[0] is pack:
            return cached[1]
        # Word lists are matched by set lookups on a few generic patterns:
        # compiling long alternations would cost more than the whole check.
        agencies = pack.get("agencies", [])
        d = {
            "agencies_exact": frozenset(a for a in agencies if len(a) <= 3),
            "agencies": frozenset(a.lower() for a in agencies if len(a) > 3),
            "labels": frozenset(x.lower() for x in pack.get("credit-labels", [])),
            "phrases": tuple(x.lower() for x in pack.get("caption-phrases", [])),
            "teasers": frozenset(x.lower() for x in pack.get("teaser-labels", [])),
            "banners": frozenset(x.lower() for x in pack.get("banners", [])),
            "stamps": tuple(sorted((x.lower() for x in pack.get("timestamp-labels", [])), key=len, reverse=True)),
            "sections": frozenset(pack.get("sections", [])),
            # Compiled now, so that a bad pattern in a desk's pack is reported on
            # every story (from the machine's cache, this costs microseconds).
            "keep": [regex_cache.compile(k, regex.V1) for k in pack.get("keep-lines", [])],
        }
        # A pattern whose answer only matters for a line starting with one of
        # these words runs only on such lines. Lower-casing a whole line can
        # turn a final sigma into another letter than in the word alone: no
        # shortcut for a list holding one.
        d["teaser_starts"] = None if _has_sigma(d["teasers"]) else tuple(d["teasers"])
        d["label_starts"] = None if _has_sigma(d["labels"]) else tuple(d["labels"])
        type(self)._compiled = (pack, d)
        return d

    def _is_agency(self, part: str, d) -> bool:
        part = part.strip(" .,;:-–—")
        return part in d["agencies_exact"] or (len(part) > 3 and part.lower() in d["agencies"])

    def _credit_body(self, body: str, d) -> bool:
        """Whether the text inside a final parenthesis is a credit: "via Reuters",
        "Photo: Reuters", "AP Photo/Name", "Name/Getty Images", "File photo"."""
        body = body.strip()
        m = _folded(body).startswith(_CREDIT_WORDS) and CREDIT_LEAD.match(body, timeout=TIMEOUT)
        if m:
            body = body[m.end():]
        starts = d["label_starts"]
        m = (starts is None or body.lower().startswith(starts)) and LABEL_LEAD.match(body, timeout=TIMEOUT)
        if m and m["label"].lower() in d["labels"]:
            return True
        if body.lower() in d["labels"]:
            return True
        return any(self._is_agency(part, d) for part in body.split("/"))

    def check(self, doc):
        d = self._data()
        text = doc.text
        seen: dict = {}
        for ln in doc.lines:
            if not ln.text.strip():
                continue
            start = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            end = ln.start + len(ln.text.rstrip())
            line = text[start:end]
            # A line repeated (a credit under every photo) is read once.
            kind = seen.get(line, seen)
            if kind is seen:
                kind = seen[line] = self._furniture(line, d)
            if kind is None:
                continue
            what, tail = kind
            words = len(line.split())
            if tail is not None and words > 45:
                # A credit glued to the end of a paragraph of body text:
                # flag and delete only the credit, and any credits glued before
                # it, in one fix (one per round would never settle).
                for _ in range(50):
                    more = self._classify(line[:tail].rstrip(" \t"), d)
                    if more is None or more[1] is None or more[1] >= tail:
                        break
                    tail = more[1]
                cstart = start + tail
                while cstart > start and text[cstart - 1] in " \t":
                    cstart -= 1
                yield self.finding(start + tail, end, f"{what} left at the end of a paragraph",
                                   Fix((Edit(cstart, end, ""),), Applicability.UNSAFE, "delete the credit"))
                continue
            yield self.finding(start, end, f"{what} left in the body of the story",
                               lambda s=start, e=end: self._delete_line(doc, s, e))

    def _furniture(self, line, d):
        """What _classify says of a line the house style does not keep."""
        # Lines to keep are asked about only once they look like furniture.
        kind = self._classify(line, d)
        if kind is None or self._kept(line, d):
            return None
        return kind

    @staticmethod
    def _kept(line, d) -> bool:
        """A line the house style keeps (a credit line it wants), or a dateline."""
        return any(k.search(line, timeout=TIMEOUT) for k in d["keep"]) or \
            DATELINE_RE.match(line, timeout=TIMEOUT) is not None

    def _classify(self, line, d):
        """(description, offset of the credit within the line or None) or None."""
        lower = line.lower()
        # Each pattern runs (and is compiled) only on lines that can hold its
        # shape; the string tests before each are what the pattern requires.
        teasers = d["teaser_starts"]
        m = None
        if len(line) < 400:
            head = lower.lstrip()
            if head[:1] in ("[", "("):
                head = head[1:].lstrip()
            if teasers is None or head.startswith(teasers):
                m = TEASER.match(line, timeout=TIMEOUT)
        if m and m["label"].strip().lower() in d["teasers"]:
            return "related-link teaser", None
        if lower.strip(" []().!:…").rstrip(".") in d["banners"]:
            return "page banner", None
        words = len(line.split())
        short = words <= 12
        has_digit = (short or len(line) <= 90) and any(map(str.isdigit, line))
        if short and has_digit and TIMESTAMP_LINE.match(line, timeout=TIMEOUT):
            return "timestamp line", None
        if len(line) <= 90 and has_digit:
            for label in d["stamps"]:
                if lower.startswith(label) and lower[len(label):len(label) + 1] in (":", " "):
                    return "timestamp line", None
        if ("(@" in line and EMBED_SIGNATURE.match(line, timeout=TIMEOUT)) \
                or (words <= 20 and _folded(line).startswith(_EMBED_STARTS)
                    and EMBED_OTHER.match(line, timeout=TIMEOUT)):
            return "embedded-post signature", None
        m = "|" in line and SECTION.search(line, timeout=TIMEOUT)
        if m and m["sec"].strip() in d["sections"] and words <= 25:
            return "site section label", m.start()
        # The credit in parentheses closes the line: it opens at the last "(".
        m = line.rstrip(" .").endswith(")") and "(" in line and \
            PAREN_END.search(line, line.rfind("("), timeout=TIMEOUT)
        if m and self._credit_body(m["body"], d):
            return "photo caption or credit", m.start()
        # After the last "/": a capitalised name of at most 51 characters.
        slash = line.rfind("/")
        after_slash = line[slash + 1:].lstrip() if slash != -1 else ""
        m = slash != -1 and len(after_slash) <= 51 and _may_be_upper(after_slash[:1]) and \
            SLASH_END.search(line, timeout=TIMEOUT)
        if m and self._is_agency(m["ag"], d):
            return "photo caption or credit", m.start()
        m = self._label_end_possible(line) and LABEL_END.search(line, timeout=TIMEOUT)
        if m and (m["by"] or m["lab"].strip().lower() in d["labels"]):
            return "photo caption or credit", m.start()
        # A glued credit runs from the last full stop to the end, 1-60 characters.
        dot = line.rfind(".")
        m = dot != -1 and 0 < len(line) - dot - 1 <= 61 and FUSED_END.search(line, timeout=TIMEOUT)
        if m and self._is_agency(m["cr"].split("/")[0], d):
            return "photo caption or credit", m.start()
        m = slash != -1 and _may_be_upper(after_slash[:1]) and "." in line[:slash] and \
            FUSED_NAMES.search(line, timeout=TIMEOUT)
        if m:
            return "photo credit", m.start()
        if words <= 25 and not line.rstrip().endswith(("?", "!", "”", "\"")):
            tail = lower.rstrip(" .)")
            for phrase in d["phrases"]:
                if tail.endswith(phrase) and (len(tail) == len(phrase) or not tail[-len(phrase) - 1].isalpha()):
                    return "photo caption", None
        return None

    @staticmethod
    def _label_end_possible(line: str) -> bool:
        """Whether LABEL_END can match: after its ":" or "|" (the last ":", as
        the credit holds none) or its "Photo by", at most 60 characters."""
        if "Photo" in line or "Foto" in line:
            return ":" in line or "|" in line or " by " in line
        colon = line.rfind(":")
        if colon != -1 and len(line[colon + 1:].lstrip()) <= 60:
            return True
        pipe = line.rfind("|")
        if pipe > colon and len(line[pipe + 1:].lstrip()) <= 60:
            return True
        return False

    @staticmethod
    def _delete_line(doc, start, end):
        """Delete the line and the blank lines after it (or, for the last line,
        the blank lines before it), so the paragraphs around it close up."""
        text = doc.text
        j = end
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        if j < len(text):
            # Back to the start of the next non-blank line.
            ls = text.rfind("\n", 0, j) + 1
            return Fix((Edit(text.rfind("\n", 0, start) + 1, ls, ""),), Applicability.UNSAFE,
                       "delete the line")
        i = start
        while i > 0 and text[i - 1] in " \t\r\n":
            i -= 1
        tail_nl = "\n" if text.endswith("\n") else ""
        if i == 0:
            return Fix((Edit(0, len(text), ""),), Applicability.UNSAFE, "delete the line")
        return Fix((Edit(i, len(text), tail_nl),), Applicability.UNSAFE, "delete the line")
