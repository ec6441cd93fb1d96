#!/usr/bin/env python3
"""Prove a refactor changes nothing: dump every finding, fix and fixed text
for a fixed set of stories, then compare two dumps.

    python tools/golden.py dump before.json      # on the old code
    python tools/golden.py dump after.json       # on the new code
    python tools/golden.py compare before.json after.json

The stories: every rule's embedded examples, twenty shuffled mixes of them,
the example story, a 30,000-word story generated as benchmarks/bench.py does,
and, when ../shared exists beside the checkout, the seed and the development
corpus. Speed work on the rules was checked this way: identical dumps.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def stories() -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench
    from lintnews.testing import rule_classes

    out: dict[str, str] = {}
    for path in sorted((SHARED / "corpus" / "dev").glob("*.json")):
        out[path.name] = json.loads(path.read_text(encoding="utf-8"))["text"]
    seed = SHARED / "seed" / "article.txt"
    if seed.exists():
        out["seed"] = seed.read_text(encoding="utf-8")
    out["story"] = (ROOT / "examples" / "story.txt").read_text(encoding="utf-8")
    examples = []
    for cls in rule_classes():
        for i, ex in enumerate(cls.examples):
            out[f"{cls.id}-{i}"] = ex.text
            examples.append(ex.text)
    out["large"] = bench.generate(30_000)
    rnd = random.Random(3)
    for k in range(20):
        out[f"mix-{k}"] = "\n\n".join(rnd.sample(examples, 12))
    return out


def dump(target: str) -> int:
    from lintnews.config import Config
    from lintnews.engine import Linter

    linter = Linter(Config())
    result = {}
    for name, text in stories().items():
        r = linter.lint_source(text)
        result[name] = {
            "findings": [[d.rule, d.severity.value, d.message, d.start, d.end,
                          None if d.fix is None else [d.fix.applicability.value, d.fix.message,
                                                      [[e.start, e.end, e.replacement] for e in d.fix.edits]]]
                         for d in r.diagnostics],
            "errors": [str(e) for e in r.errors],
            "fixed": linter.fix_source(text).source,
            "fixed_unsafe": linter.fix_source(text, unsafe=True).source,
        }
    Path(target).write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} stories, {sum(len(v['findings']) for v in result.values())} findings -> {target}")
    return 0


def compare(a_path: str, b_path: str) -> int:
    a = json.loads(Path(a_path).read_text(encoding="utf-8"))
    b = json.loads(Path(b_path).read_text(encoding="utf-8"))
    differing = [k for k in a if a[k] != b.get(k)]
    for k in differing[:10]:
        before = {json.dumps(f) for f in a[k]["findings"]}
        after = {json.dumps(f) for f in b.get(k, {}).get("findings", [])}
        print(f"{k}: only before {sorted(before - after)[:2]}; only after {sorted(after - before)[:2]}")
    added = [k for k in b if k not in a]
    print(f"differing stories: {len(differing)} of {len(a)}" + (f"; new: {len(added)}" if added else ""))
    return 1 if differing else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        sys.exit(dump(sys.argv[2]))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    print(__doc__)
    sys.exit(2)
