"""Regenerate the rule table in README.md from the rules' own metadata.

    python tools/update_readme.py          # rewrite the table
    python tools/update_readme.py --check  # exit 1 if the README is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

from lintnews.catalog import rule_table
from lintnews.config import Config

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{rule_table(Config(), 'markdown')}{END}{tail}"


def main() -> int:
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in sys.argv:
        if fresh != current:
            print("README.md rule table is stale: run python tools/update_readme.py")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
