"""Document queries that rules ask hundreds of thousands of times answer
exactly what their plain definitions say."""
from __future__ import annotations

import random

from lintnews.document import Document


def _in_quote_by_definition(quotes, start, end):
    end = start + 1 if end is None or end <= start else end
    return any(q.inner_start < end and start < q.inner_end for q in quotes)


def test_in_quote_matches_its_definition():
    rnd = random.Random(2)
    alphabet = list("ab “”«»\"„\n.")
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        doc = Document(text)
        for start in range(len(text) + 1):
            for end in (None, start, start + 1, start + 3):
                assert doc.in_quote(start, end) == _in_quote_by_definition(doc.quotes, start, end), \
                    (text, start, end)


def test_in_quote_on_wire_copy():
    text = 'He said: “We will not leave.” Then “” and «fin'
    doc = Document(text)
    assert doc.in_quote(text.index("leave"))
    assert not doc.in_quote(text.index("Then"))
    assert doc.in_quote(text.index("fin"))
    assert doc.in_quote(text.index("“”"), text.index("“”") + 2)  # an empty quotation
