"""repeated-word: the same word twice in a row ("the the")."""
from __future__ import annotations

from lintnews import Invalid, Rule, Severity, Valid


class RepeatedWord(Rule):
    id = "repeated-word"
    category = "words"
    severity = Severity.WARNING
    summary = "The same word twice in a row"
    doc = """
    ## What it catches
    A word written twice with only spaces between: `the the`, `of of`.

    ## Why
    A doubled word survives spell checkers and is the commonest slip of a
    hurried edit or a merge of two translation segments.

    ## Example
    `the the university` → `the university`

    ## Not flagged
    Doublings English allows (`had had`, `that that`, `voted on on March 28`,
    from the `repeated-word` pack), names that repeat (`Sirhan Sirhan`,
    `Duran Duran`), numbers, words split by punctuation or a paragraph
    break, and anything inside a direct quotation (what someone said).

    ## Fix safety
    Safe: the second copy and the space before it are deleted.
    """
    examples = [
        Valid("The bill was debated and voted on on March 28.\n"),
        Valid("She had had enough of the delays.\n"),
        Valid("He said that that plan had failed.\n"),
        Valid("Sirhan Sirhan was denied parole.\n"),
        Valid("The band Duran Duran played in Lima.\n"),
        Valid("The vote was 20 20 in the first round.\n"),
        Valid("It was over. Over the years, it changed.\n"),
        Valid("\u201cNo, no, no,\u201d he said. \u201cIt is is what it is.\u201d\n"),
        Valid("The council met.\n\nMet with silence, the plan died.\n"),
        Valid("Walla Walla is in Washington state.\n"),
        Invalid("They are suing the the regional water board.\n",
                fixed="They are suing the regional water board.\n", flagged="the the"),
        Invalid("The mayor of of Lima resigned.\n", fixed="The mayor of Lima resigned.\n"),
        Invalid("The The minister spoke.\n", fixed="The minister spoke.\n"),
        Invalid("He said he would would resign.\n", fixed="He said he would resign.\n"),
        Invalid("Rents rose in in the suburbs and fell in the east of of the city.\n",
                fixed="Rents rose in the suburbs and fell in the east of the city.\n",
                options={"allowed": []}),
        Invalid("It is is a problem.\n", fixed="It is a problem.\n"),
        Invalid("The army and and the police.\n", fixed="The army and the police.\n"),
        Invalid("A deal was was signed.\n", fixed="A deal was signed.\n"),
        Invalid("The the the the the the the the the the the the end.\n", fixed="The end.\n"),
        Invalid("They left for for Madrid.\n", fixed="They left for Madrid.\n"),
        Invalid("The talks  the  the end.\n", fixed="The talks  the end.\n"),
        Invalid("Officials said the\nthe bridge fell.\n", fixed="Officials said the bridge fell.\n"),
    ]
    options = {"allowed": None}  # a list replaces the pack's allowed doublings

    def check(self, doc):
        allowed = self.opts["allowed"]
        if allowed is None:
            allowed = self.pack("repeated-word").get("allowed", [])
        allowed = {w.lower() for w in allowed}
        function_words = set(self.pack("repeated-word").get("function-words", []))
        tokens = doc.tokens
        text = doc.text

        def repeats(a, b) -> bool:
            if a.kind != "word" or b.kind != "word" or a.lower != b.lower:
                return False
            return text[a.end:b.start].strip(" \t\u00a0") in ("", "\n")

        # Only the positions where a word's lowercase equals the next one's are
        # worth a closer look: find them in one pass.
        lowers = [t.lower for t in tokens]
        candidates = [k for k, (x, y) in enumerate(zip(lowers, lowers[1:])) if x == y]
        i = 0
        for k in candidates:
            if k < i:
                continue  # inside a run already reported
            i = k
            a, b = tokens[i], tokens[i + 1]
            i += 1
            if not repeats(a, b) or not a.text[:1].isalpha():
                continue
            if a.lower in allowed or self.is_accepted(a.text):
                continue
            # A capitalised pair is a name ("Sirhan Sirhan", "Walla Walla"), unless
            # it opens a sentence with a function word ("The The minister").
            if b.text[:1].isupper() and not (doc.is_sentence_start(a) and a.lower in function_words):
                continue
            # A run of three or more copies goes in one fix, so one round settles it.
            j = i
            while j + 1 < len(tokens) and repeats(tokens[j], tokens[j + 1]):
                j += 1
            last = tokens[j]
            i = j
            if doc.in_quote(a.start, last.end):
                continue
            copies = j - a.index
            yield self.finding(a.start, last.end, f"\"{a.text}\" is repeated",
                               self.replace(a.end, last.end, "",
                                            f"delete the second \"{b.text}\"" if copies == 1
                                            else f"delete the {copies} extra copies of \"{a.text}\""))
