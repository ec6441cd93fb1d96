"""The human report: file:line:col, rule, message, the line with a marker
under the span, and the proposed fix. Coloured on a terminal only."""
from __future__ import annotations

import click

from ..model import Applicability
from . import FileReport, emitter

CONTEXT = 50  # characters of the line shown either side of a finding


def _window(line: str, col0: int, width: int) -> tuple[str, int]:
    """Cut a long line (a paragraph is one line) to a window around the span."""
    start = max(0, col0 - CONTEXT)
    end = min(len(line), col0 + max(width, 1) + CONTEXT)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(line) else ""
    return prefix + line[start:end] + suffix, col0 - start + len(prefix)


@emitter("text")
def emit(reports: list[FileReport], out, *, summary: dict, color: bool = False, quiet: bool = False, **_) -> None:
    def style(s, **kw):
        return click.style(s, **kw) if color else s

    sev_colour = {"error": "red", "warning": "yellow", "info": "blue"}
    kinds = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
             Applicability.DISPLAY_ONLY: "suggestion"}
    for r in reports:
        lines = []  # one write per file: a large story has thousands of findings
        add = lines.append
        for d in r.diagnostics:
            line, col = r.line_col(d.start)
            end_line, end_col = r.line_col(d.end)
            add(f"{style(r.path, bold=True)}:{line}:{col}: "
                f"{style(d.severity.value, fg=sev_colour[d.severity.value], bold=True)}"
                f"[{style(d.rule, fg='cyan')}] {d.message}\n")
            if quiet:
                continue
            src = r.line_text(line)
            width = (end_col - col) if end_line == line else max(1, len(src) - col + 1)
            shown, at = _window(src, col - 1, width)
            gutter = " " * len(str(line))
            shown_width = min(max(width, 1), len(shown) - at) if len(shown) > at else 1
            add(f" {gutter} |\n"
                f" {style(str(line), fg='blue')} | {shown.expandtabs(1)}\n"
                f" {gutter} | {' ' * at}{style('^' * max(shown_width, 1), fg=sev_colour[d.severity.value])}\n")
            if d.fix is not None:
                add(f" {gutter} = {style(kinds[d.fix.applicability], fg='green')}: {d.fix.message or 'see --diff'}\n")
            add("\n")
        if r.error:
            add(f"{style(r.path, bold=True)}: {style('error', fg='red', bold=True)}: {r.error}\n")
        out.write("".join(lines))
    out.write(summary_line(summary) + "\n")


def summary_line(s: dict) -> str:
    n = s["findings"]
    parts = [f"{n} finding{'s' if n != 1 else ''} in {s['files']} file{'s' if s['files'] != 1 else ''}"]
    if s.get("fixable"):
        parts.append(f"{s['fixable']} fixable with --fix")
    if s.get("unsafe_fixable"):
        parts.append(f"{s['unsafe_fixable']} more with --unsafe-fixes")
    if s.get("fixed") is not None:
        parts.append(f"{s['fixed']} fixed")
    if s.get("errors"):
        parts.append(f"{s['errors']} file{'s' if s['errors'] != 1 else ''} not linted")
    return ", ".join(parts) + "."
