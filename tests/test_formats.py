"""Input formats: a story in each format with the kinds of defects machine-
translated copy carries (doubled spaces, runs of empty lines, `family.”, he
added`, `the the`, a paragraph with no final full stop) is linted and fixed;
the fixed file differs from the original only in the fixed characters, which
each test proves by comparing the whole file byte for byte.

Tests select the rules they rely on: more rules will arrive later.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lintnews import fix_text, lint_text
from lintnews.formats import FormatError, format_for, is_lintable

RULES = ["whitespace", "repeated-word", "quote-punctuation", "missing-period"]


def lint(src, fmt, **kw):
    return lint_text(src, format=fmt, select=kw.pop("select", RULES), **kw)


def fix(src, fmt, **kw):
    return fix_text(src, format=fmt, select=kw.pop("select", RULES), **kw)


def flagged(src, diagnostics):
    return [(d.rule, src[d.start:d.end]) for d in diagnostics]


# --------------------------------------------------------------------------- Markdown
MD = """---
title: Storm  report
tags: [the, the]
---
# Storm hits  Lima

LIMA, Peru (AP) — The storm hit the the coast on Monday, officials said.

> “We will rebuild the port and house every family.”, the mayor added.

Run `make  the the build` or read [the  guide](https://example.com/a__b "the the title").



The fish market, known locally as the Barn, was badly *damaged*

- power lines down in the north
- roads  closed

```
code  block the the
```

<div class="embed">the  the</div>

Rescuers worked through the night &amp; reached the survivors at dawn.
"""

MD_FIXED = """---
title: Storm  report
tags: [the, the]
---
# Storm hits Lima

LIMA, Peru (AP) — The storm hit the coast on Monday, officials said.

> “We will rebuild the port and house every family,” the mayor added.

Run `make  the the build` or read [the guide](https://example.com/a__b "the the title").

The fish market, known locally as the Barn, was badly *damaged*.

- power lines down in the north
- roads closed

```
code  block the the
```

<div class="embed">the  the</div>

Rescuers worked through the night &amp; reached the survivors at dawn.
"""


def test_markdown_lint_points_at_the_source():
    ds = lint(MD, "markdown")
    assert flagged(MD, ds) == [
        ("whitespace", "  "),                      # heading
        ("repeated-word", "the the"),
        ("quote-punctuation", ".”,"),
        ("whitespace", "  "),                      # link text
        ("whitespace", "\n\n\n\n"),
        ("missing-period", "damaged"),
        ("whitespace", "  "),                      # list item
    ]
    d = ds[0]
    from lintnews.report import FileReport
    assert FileReport("x", source=MD).line_col(d.start) == (5, 13)


def test_markdown_fix_touches_only_the_fixed_characters():
    fixed, left = fix(MD, "markdown")
    assert fixed == MD_FIXED
    assert left == []
    assert fix(fixed, "markdown")[0] == fixed  # idempotent


def test_markdown_skips_code_html_links_front_matter():
    text = format_for("s.md").extract(MD).text
    for never in ("code  block", "make", "example.com", "Storm  report", "embed", "the title"):
        assert never not in text


def test_markdown_crlf():
    src = MD.replace("\n", "\r\n")
    fixed, _ = fix(src, "markdown")
    assert fixed == MD_FIXED.replace("\n", "\r\n")


def test_markdown_suppression_comment():
    src = "Talks resumed on Monday.\n\n<!-- lintnews: disable=repeated-word -->\nThe the talks ended.\n"
    assert lint(src, "markdown", select=["repeated-word"]) == []
    src2 = src.replace("disable=repeated-word", "disable=whitespace")
    assert [d.rule for d in lint(src2, "markdown", select=["repeated-word"])] == ["repeated-word"]


def test_markdown_fix_never_crosses_markup():
    src = "The storm hit **the** the coast on Monday, officials said.\n"
    ds = lint(src, "markdown", select=["repeated-word"])
    assert [d.rule for d in ds] == ["repeated-word"]
    fixed, _ = fix(src, "markdown", select=["repeated-word"])
    assert fixed == "The storm hit **the** coast on Monday, officials said.\n"
    # a fix that would have to cut through markup is reported without a fix
    src = "The storm hit [the](https://example.com) the coast on Monday, officials said.\n"
    ds = lint(src, "markdown", select=["repeated-word"])
    assert [d.rule for d in ds] == ["repeated-word"]
    fixed, _ = fix(src, "markdown", select=["repeated-word"])
    assert "(https://example.com)" in fixed and "[the]" in fixed


def test_markdown_escape_and_entity_read_as_characters():
    src = "Prices rose 5\\* on Monday &amp; fell  on Tuesday, traders said.\n"
    ex = format_for("s.md").extract(src)
    assert "5* on Monday & fell" in ex.text
    fixed, _ = fix(src, "markdown")
    assert fixed == src.replace("fell  on", "fell on")


# --------------------------------------------------------------------------- HTML
HTML = """<!DOCTYPE html>
<html><head><title>The the  title</title>
<style>p  { margin: 0 }</style></head>
<body>
<h1 class="hed"  data-x="the the">Storm hits  Lima</h1>
<p>LIMA, Peru (AP) &mdash; The storm hit <a href="/the  the" title="the the">the the</a> coast on Monday.</p>
<p>&ldquo;We will rebuild the port and house every family.&rdquo;, the mayor added.</p>
<!-- a comment  with the the words -->
<p>The fish market, known locally as the Barn, was badly <em>damaged</em></p>
<script>var s = "the  the";</script>
<p>Rescuers  worked through
   the night&nbsp;and reached the survivors at dawn.<br>More followed.</p>
<pre>pre  formatted the the</pre>
</body></html>
"""

HTML_FIXED = """<!DOCTYPE html>
<html><head><title>The the  title</title>
<style>p  { margin: 0 }</style></head>
<body>
<h1 class="hed"  data-x="the the">Storm hits Lima</h1>
<p>LIMA, Peru (AP) &mdash; The storm hit <a href="/the  the" title="the the">the</a> coast on Monday.</p>
<p>&ldquo;We will rebuild the port and house every family,&rdquo; the mayor added.</p>
<!-- a comment  with the the words -->
<p>The fish market, known locally as the Barn, was badly <em>damaged.</em></p>
<script>var s = "the  the";</script>
<p>Rescuers worked through
   the night&nbsp;and reached the survivors at dawn.<br>More followed.</p>
<pre>pre  formatted the the</pre>
</body></html>
"""


def test_html_lint_points_at_text_nodes():
    ds = lint(HTML, "html")
    assert flagged(HTML, ds) == [
        ("whitespace", "  "),
        ("repeated-word", "the the"),
        ("quote-punctuation", ".&rdquo;,"),
        ("missing-period", "damaged"),
        ("whitespace", "  "),
    ]


def test_html_fix_keeps_tags_attributes_comments_scripts_entities():
    fixed, left = fix(HTML, "html")
    assert fixed == HTML_FIXED
    assert left == []


def test_html_suppression_comment():
    src = "<p>Talks resumed on Monday.</p>\n<!-- lintnews: disable-next-line=repeated-word -->\n<p>The the talks ended.</p>\n"
    assert lint(src, "html", select=["repeated-word"]) == []


def test_html_fix_replacement_is_escaped():
    # A fix whose replacement holds "&" or "<" must write it escaped.
    fmt = format_for("x.html")
    ex = fmt.extract("<p>Tom  Jerry</p>")
    from lintnews.model import Edit
    assert fmt.apply("<p>Tom  Jerry</p>", ex, [Edit(3, 5, " & ")]) == "<p>Tom &amp; Jerry</p>"


# --------------------------------------------------------------------------- ninjs
NINJS = """{
  "uri": "urn:newsml:example.com:20240101:the  the",
  "type": "text",
  "headline": "Storm hits  Lima",
  "subheadline": "Thousands lose power in the capital",
  "description_text": "The storm cut power to thousands of homes on Monday",
  "body_html": "<p>LIMA, Peru (AP) \\u2014 The storm hit the the coast on Monday.</p>\\n<p>\\u201cWe will rebuild the port and house every family.\\u201d, the mayor added.</p>\\n<p class=\\"x\\">The fish market, known locally as the Barn, was badly <em>damaged</em></p>",
  "body_text": "Rescuers  worked through the night.\\n\\n\\n\\nThey reached the survivors at dawn and the the rest by noon.",
  "language": "en"
}
"""

NINJS_FIXED = """{
  "uri": "urn:newsml:example.com:20240101:the  the",
  "type": "text",
  "headline": "Storm hits Lima",
  "subheadline": "Thousands lose power in the capital",
  "description_text": "The storm cut power to thousands of homes on Monday",
  "body_html": "<p>LIMA, Peru (AP) \\u2014 The storm hit the coast on Monday.</p>\\n<p>\\u201cWe will rebuild the port and house every family,\\u201d the mayor added.</p>\\n<p class=\\"x\\">The fish market, known locally as the Barn, was badly <em>damaged.</em></p>",
  "body_text": "Rescuers worked through the night.\\n\\nThey reached the survivors at dawn and the rest by noon.",
  "language": "en"
}
"""


def test_ninjs_fix_rewrites_only_the_changed_strings():
    ds = lint(NINJS, "ninjs")
    assert sorted(d.rule for d in ds) == sorted(["whitespace", "repeated-word", "quote-punctuation",
                                                 "missing-period", "whitespace", "whitespace", "repeated-word"])
    fixed, left = fix(NINJS, "ninjs")
    assert fixed == NINJS_FIXED
    assert left == []
    assert json.loads(fixed)["uri"] == json.loads(NINJS)["uri"]


def test_ninjs_2_bodies_and_headlines():
    src = json.dumps({"headlines": [{"role": "main", "value": "Storm  hits Lima"}],
                      "bodies": [{"role": "main", "contenttype": "text/html",
                                  "value": "<p>The storm hit the the coast on Monday.</p>"}]}, indent=1)
    fixed, _ = fix(src, "ninjs")
    data = json.loads(fixed)
    assert data["headlines"][0]["value"] == "Storm hits Lima"
    assert data["bodies"][0]["value"] == "<p>The storm hit the coast on Monday.</p>"


def test_ninjs_invalid_json_is_a_format_error():
    with pytest.raises(FormatError):
        lint('{"headline": ', "ninjs")


# --------------------------------------------------------------------------- Python
PY = '''"""Alerts the desk sends when a story breaks.

The templates here are  read by editors before they go out.
"""
import logging

log = logging.getLogger("alerts  desk")
KEY = "story_id"
ALERT = "Breaking: the the mayor of Lima has resigned, officials said."
QUOTE = "\\u201cWe will rebuild the port and house every family.\\u201d, the mayor added."


def alert(name: str) -> str:
    """Build the alert text for the news desk about the named official"""
    # lintnews: disable-next-line=repeated-word
    note = "It was the the worst storm in years, officials said."
    return f"Officials said {name} was  elected mayor on Monday." + note
'''

PY_FIXED = '''"""Alerts the desk sends when a story breaks.

The templates here are read by editors before they go out.
"""
import logging

log = logging.getLogger("alerts  desk")
KEY = "story_id"
ALERT = "Breaking: the mayor of Lima has resigned, officials said."
QUOTE = "\\u201cWe will rebuild the port and house every family,\\u201d the mayor added."


def alert(name: str) -> str:
    """Build the alert text for the news desk about the named official."""
    # lintnews: disable-next-line=repeated-word
    note = "It was the the worst storm in years, officials said."
    return f"Officials said {name} was elected mayor on Monday." + note
'''


def test_python_lint_and_fix_strings_only():
    ds = lint(PY, "python")
    assert flagged(PY, ds) == [
        ("whitespace", "  "),
        ("repeated-word", "the the"),
        ("quote-punctuation", ".\\u201d,"),
        ("missing-period", "official"),
        ("whitespace", "  "),
    ]
    fixed, left = fix(PY, "python")
    assert fixed == PY_FIXED
    assert left == []
    import libcst
    libcst.parse_module(fixed)


def test_python_escapes_replacement_for_the_literal():
    from lintnews.model import Edit
    fmt = format_for("x.py")
    src = 'MSG = "The mayor  said it was over, officials said."\n'
    ex = fmt.extract(src)
    i = ex.text.index("  ")
    assert fmt.apply(src, ex, [Edit(i, i + 2, ' "')]) == 'MSG = "The mayor \\"said it was over, officials said."\n'


def test_python_syntax_error_is_a_format_error():
    with pytest.raises(FormatError):
        lint("def (:\n", "python")


# --------------------------------------------------------------------------- choosing the format
def test_format_from_extension_and_walk():
    from pathlib import Path
    assert format_for("a.md").name == "markdown"
    assert format_for("a.html").name == "html"
    assert format_for("a.json").name == "ninjs"
    assert format_for("a.py").name == "python"
    assert format_for("a.txt", "html").name == "html"
    assert is_lintable(Path("a.md")) and is_lintable(Path("a.ninjs"))
    assert not is_lintable(Path("package.json")) and not is_lintable(Path("setup.py"))


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "lintnews", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8")


def test_cli_fix_html_in_place(tmp_path):
    p = tmp_path / "story.html"
    p.write_bytes(HTML.encode())
    r = run_cli("--fix", "--select", ",".join(RULES), str(p))
    assert r.returncode == 0, r.stdout + r.stderr
    assert p.read_bytes() == HTML_FIXED.encode()


def test_cli_stdin_filename_and_input_format():
    r = run_cli("--fix", "--select", ",".join(RULES), "--stdin-filename", "story.md", "-", stdin=MD)
    assert r.stdout == MD_FIXED
    r = run_cli("--format", "json", "--select", "repeated-word", "--input-format", "html", "-",
                stdin="<p>The the storm.</p>")
    assert json.loads(r.stdout)["files"][0]["diagnostics"][0]["column"] == 4


def test_cli_broken_ninjs_is_reported_not_crashed(tmp_path):
    p = tmp_path / "story.json"
    p.write_text('{"headline": ')
    r = run_cli(str(p))
    assert r.returncode == 2
    assert "not valid JSON" in r.stdout + r.stderr


def test_lazy_registry_matches_the_formats():
    from lintnews.formats import FORMATS
    for name, fmt in FORMATS.items():
        impl = getattr(fmt, "impl", fmt)
        assert impl.name == name
        assert tuple(impl.extensions) == tuple(fmt.extensions)
        assert impl.walk_extensions == fmt.walk_extensions
