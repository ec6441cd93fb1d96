"""Rule listings and documentation, generated from the rules' own metadata:
`lintnews rules`, `lintnews explain RULE`, and the rule table in README.md."""
from __future__ import annotations

import json

from .config import Config
from .loader import load_rules
from .rule import Rule
from .suppress import UnusedSuppression


def all_rules(cfg: Config) -> list[type[Rule]]:
    return [UnusedSuppression, *load_rules(cfg.rules_folders).rules.values()]


def rule_table(cfg: Config, fmt: str = "text") -> str:
    rules = sorted(all_rules(cfg), key=lambda c: (c.category, c.id))
    if fmt == "json":
        return json.dumps([{"id": c.id, "category": c.category, "severity": c.severity.value,
                            "fixable": c.fixable(), "default_enabled": c.default_enabled,
                            "summary": c.summary} for c in rules], indent=2) + "\n"
    if fmt == "markdown":
        lines = ["| rule | category | severity | fixable | what it catches |", "|---|---|---|---|---|"]
        for c in rules:
            off = "" if c.default_enabled else " (off by default)"
            lines.append(f"| `{c.id}` | {c.category} | {c.severity.value} | "
                         f"{'yes' if c.fixable() else 'no'} | {c.summary}{off} |")
        return "\n".join(lines) + "\n"
    width = max(len(c.id) for c in rules)
    cw = max(len(c.category) for c in rules)
    out = [f"{'rule':{width}}  {'category':{cw}}  severity  fixable  summary"]
    for c in rules:
        off = "" if c.default_enabled else " (off by default)"
        out.append(f"{c.id:{width}}  {c.category:{cw}}  {c.severity.value:8}  "
                   f"{'yes' if c.fixable() else 'no':7}  {c.summary}{off}")
    return "\n".join(out) + "\n"


def explain_rule(cfg: Config, rule_id: str) -> str:
    by_id = {c.id: c for c in all_rules(cfg)}
    if rule_id not in by_id:
        raise KeyError(f"unknown rule {rule_id!r} (see `lintnews rules`)")
    c = by_id[rule_id]
    parts = [f"# {c.id}", "", c.summary, "",
             f"Category: {c.category}. Default severity: {c.severity.value}. "
             f"Fixable: {'yes' if c.fixable() else 'no'}."
             + ("" if c.default_enabled else " Off by default: enable with --extend-select."),
             "", c.documentation(), ""]
    bad = [ex for ex in c.examples if not ex.valid][:3]
    good = [ex for ex in c.examples if ex.valid][:3]
    if bad:
        parts.append("## Flagged")
        for ex in bad:
            parts.append(f"    {ex.text.strip()}")
            if ex.fixed is not None:
                parts.append(f"  fixed{' (unsafe)' if ex.unsafe else ''}: {ex.fixed.strip()}")
        parts.append("")
    if good:
        parts.append("## Not flagged")
        parts.extend(f"    {ex.text.strip()}" for ex in good)
        parts.append("")
    if c.options:
        parts.append("## Options")
        parts.extend(f"- `{k}` (default: {v!r})" for k, v in c.options.items())
        parts.append("")
    parts += ["## Silencing it",
              f"- for a stretch of text: a line `lintnews: disable={c.id}` … `lintnews: enable={c.id}`",
              f"- for the next line only: `lintnews: disable-next-line={c.id}`",
              "  (in Markdown or HTML wrap the marker in <!-- -->, in Python put it after #)",
              f"- for a whole project: `ignore = [\"{c.id}\"]` under [tool.lintnews]",
              f"- for one run: `--ignore {c.id}`"]
    return "\n".join(parts)
