#!/usr/bin/env python3
"""Write the `trigger` and `requires` words of every entry of rules/packs/calques.toml.

The calque rule compiles an entry's pattern only when one of its trigger
words occurs in the story and one word of each `requires` set does; the sets are worked out from the pattern's
structure (words every match must contain, see `required_words` in
rules/calque.py). Working them out for the whole pack at every run would
cost more than linting, so they are stored in the pack.

Run after editing a pattern:   python tools/calque_triggers.py
Check that they are current:   python tools/calque_triggers.py --check
(tests/test_calque_pack.py runs the check.)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "rules" / "packs" / "calques.toml"


def rewrite(text: str) -> str:
    import tomllib
    sys.path.insert(0, str(ROOT / "rules"))
    from calque import MACROS, also_required, required_words  # noqa: E402

    entries = tomllib.loads(text).get("calque", [])
    out, i = [], 0
    lines = text.splitlines(keepends=True)
    for line in lines:
        if line.startswith(("trigger = ", "requires = ")):
            continue  # regenerated below
        out.append(line)
        if line.startswith("match = "):
            pattern = entries[i]["match"]
            for key, value in MACROS.items():
                pattern = pattern.replace("{" + key + "}", f"(?:{value})")
            words = required_words(pattern)
            i += 1
            if words:
                out.append("trigger = [" + ", ".join(f'"{w}"' for w in words) + "]\n")
                also = also_required(pattern)
                if also:
                    out.append("requires = [" + ", ".join(
                        "[" + ", ".join(f'"{w}"' for w in ws) + "]" for ws in also) + "]\n")
    return "".join(out)


def main() -> int:
    text = PACK.read_text(encoding="utf-8")
    new = rewrite(text)
    if "--check" in sys.argv:
        if new != text:
            print(f"{PACK.name}: trigger words are stale; run tools/calque_triggers.py")
            return 1
        return 0
    if new != text:
        PACK.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
