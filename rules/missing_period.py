"""missing-period: a paragraph of body text that ends without terminal punctuation."""
from __future__ import annotations

import regex

from lintnews.lazy import LazyPattern
from lintnews import Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT

TERMINAL = set(".!?…:;\"”’')]»—–-")
BYLINE = LazyPattern(r"^(?:By|Por|From|Reporting by|Editing by|Writing by)\b", regex.V1)
LIST_ITEM = LazyPattern(r"^(?:[-*•·–—]|\d{1,2}[.)])\s", regex.V1)


class MissingPeriod(Rule):
    id = "missing-period"
    category = "punctuation"
    severity = Severity.WARNING
    summary = "A paragraph of body text that ends without terminal punctuation"
    doc = """
    ## What it catches
    A paragraph of running text whose last word has no full stop after it:
    `…was badly damaged` followed by a blank line.

    ## Why
    Machine translation and CMS scrapes drop the final full stop when a
    paragraph was cut at an image or an embed. Readers notice at once.

    ## Not flagged
    Headlines and deks (the paragraphs before the dateline, or a short first
    paragraph), subheads (short, or mostly capitalised words), datelines,
    bylines (`By …`), credits and captions that end in a name or a
    parenthesis, list items, and paragraphs ending in a quotation mark,
    colon or dash.

    ## Example
    `The depot was badly flooded` → `The depot was badly flooded.`

    ## Fix safety
    Safe: a full stop is added after the last word; nothing else changes.
    """
    options = {"min-words": 6}
    examples = [
        Valid("Storm hits Lima\n\nThe storm hit Lima on Monday and cut power to thousands.\n"),
        Valid("What comes next\n\nOfficials said they would review the tolls in the spring.\n"),
        Valid("Austria shuts its Danube ferry crossings to traffic for the first time in 40 years\n\n"
              "VIENNA (Reuters) - Ferries stopped running on Sunday.\n"),
        Valid("By JOSEPH WILSON and CIARÁN GILES / Associated Press\n\nThe vote was held Sunday in Madrid.\n"),
        Valid("The talks ended on Monday.\n\nEFE\n"),
        Valid("The mayor listed three priorities:\n\n- water\n- roads\n"),
        Valid("The talks ended with a statement that both sides called \u201cconstructive\u201d\n"),
        Valid("Firefighters inspect a collapsed warehouse in Porto (Reuters)\n\nThe blaze injured three workers.\n"),
        Valid("The council approved the budget on Tuesday.\n\nReporting by Ana Ruiz; Editing by Tom Lee\n"),
        Valid("The minister spoke on Monday.\n\nThe Fall Of The House Of Cards In The Andes\n\nMore followed.\n"),
        Invalid("The storm hit Lima on Monday.\n\nThe old river terminal, known locally as the Dock, was badly damaged\n\n"
                "Officials said repairs would take weeks.\n",
                fixed="The storm hit Lima on Monday.\n\nThe old river terminal, known locally as the Dock, was badly damaged.\n\n"
                      "Officials said repairs would take weeks.\n",
                flagged="damaged"),
        Invalid("The storm hit Lima on Monday.\n\nA landslide cut the main road to 3,000 homes, the provincial government reported\n",
                fixed="The storm hit Lima on Monday.\n\nA landslide cut the main road to 3,000 homes, "
                      "the provincial government reported.\n"),
        Invalid("Talks began.\n\nThe union said the strike would continue for at least two more weeks\n\nMore followed.\n",
                fixed="Talks began.\n\nThe union said the strike would continue for at least two more weeks.\n\nMore followed.\n"),
        Invalid("Talks began.\n\nThe plan was approved by the council three years ago\n",
                fixed="Talks began.\n\nThe plan was approved by the council three years ago.\n"),
        Invalid("Talks began.\n\nThe company said the plant would close in 2026\n",
                fixed="Talks began.\n\nThe company said the plant would close in 2026.\n"),
        Invalid("Talks began.\n\nThe party has been weakened by its internal divisions\n\nThe vote is Sunday.\n",
                fixed="Talks began.\n\nThe party has been weakened by its internal divisions.\n\nThe vote is Sunday.\n"),
        Invalid("MADRID (AP) — Talks began.\n\nThe prime minister said that the talks would resume soon\n",
                fixed="MADRID (AP) — Talks began.\n\nThe prime minister said that the talks would resume soon.\n"),
        Invalid("Talks began.\r\n\r\nThe prime minister said that the talks would resume soon\r\n",
                fixed="Talks began.\r\n\r\nThe prime minister said that the talks would resume soon.\r\n"),
        Invalid("Talks began.\n\nIt was the first time the victims were able to enter the chamber\n\nEnd.\n",
                fixed="Talks began.\n\nIt was the first time the victims were able to enter the chamber.\n\nEnd.\n"),
        Invalid("Talks began.\n\nPolice said two people were arrested and one was injured in the clash\n\nEnd.\n",
                fixed="Talks began.\n\nPolice said two people were arrested and one was injured in the clash.\n\nEnd.\n"),
    ]

    def check(self, doc):
        paragraphs = doc.paragraphs
        if not paragraphs:
            return
        first_body = doc.dateline.paragraph if doc.dateline else 0
        for p in paragraphs:
            if p.index < first_body:
                continue  # headline and dek
            last = p.text.rstrip()[-1:]
            if not last or last in TERMINAL:
                continue
            if BYLINE.match(p.text, timeout=TIMEOUT) or LIST_ITEM.match(p.text, timeout=TIMEOUT):
                continue
            words = [t for t in doc.tokens_in(p.start, p.end) if t.kind == "word"]
            if len(words) < self.opts["min-words"]:
                continue
            tail = words[-1]
            # The last word must be a lowercase word or a number: a name, an
            # acronym or an agency at the end marks a caption or a credit.
            if not (tail.text[:1].islower() or tail.text[:1].isdigit()):
                continue
            capitals = sum(1 for w in words if w.text[:1].isupper())
            if capitals / len(words) > 0.5:
                continue  # a title-case heading
            if p.index == 0 and len(paragraphs) > 1 and not doc.dateline:
                continue  # a headline
            end = p.start + len(p.text.rstrip())
            yield self.finding(tail.start, end, "paragraph ends without a full stop",
                               self.replace(end, end, ".", "add a full stop"))
