"""The chunked tokenizer gives exactly the tokens of one finditer over the
token pattern (the readable definition), on wire copy and on hostile text."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews import document
from lintnews.document import TIMEOUT, Document, _token_pattern
from lintnews.testing import ODD, PUNCT, WORDS


def reference(text: str) -> list[tuple]:
    return [(m.group(), m.start(), m.end(), m.lastgroup, i)
            for i, m in enumerate(_token_pattern(text).finditer(text, timeout=TIMEOUT))]


def tokens(text: str) -> list[tuple]:
    return [tuple(t)[:5] for t in Document(text).tokens]


CASES = [
    "", "a", "\n\n", "@", "#", "-a@b.co", "_@b.c", "\u200djoe@example.org", "U.S.A. x", "EE.UU.",
    "3,4.5:6 16.8billion", "rock'n'roll co-op AT&T", "see https://www.example.com/a?b=1, then",
    "www.example.com.", "@handle #tag a@b@c", "Ⓐ@x.org ‿y@x.org", "e\u0301l dijo", "x" * 5000 + "\n" + "y z",
]


def test_fixed_cases():
    for text in CASES:
        assert tokens(text) == reference(text), text


def test_chunk_boundaries():
    # Many lines around the chunk size, some with addresses, so tokens fall on both sides of every cut.
    rnd = random.Random(5)
    lines = []
    for _ in range(400):
        words = rnd.choices(WORDS, k=rnd.randint(0, 60))
        lines.append(" ".join(words))
    text = "\n".join(lines)
    assert len(text) > 3 * document._TOKEN_CHUNK
    assert tokens(text) == reference(text)
    assert tokens(text + " mail a@b.org") == reference(text + " mail a@b.org")


piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(ODD),
                  st.sampled_from(["@", "#", "www.", "https://", ".org", "-", "+", "_", "\n"]),
                  st.text(max_size=6))


@settings(max_examples=300, deadline=None)
@given(st.lists(piece, max_size=60).map("".join))
def test_same_tokens_as_finditer(text):
    assert tokens(text) == reference(text)


def test_tokens_carry_their_lowercase():
    toks = Document("Mexico City and MEXICO, İstanbul").tokens
    assert [t.lower for t in toks] == [t.text.lower() for t in toks]
