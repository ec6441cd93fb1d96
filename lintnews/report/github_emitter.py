"""GitHub Actions workflow commands (`--format github`): each finding becomes
an annotation on the pull request's changed line.

    ::warning file=story.md,line=3,col=15,endLine=3,endColumn=22,title=lintnews (repeated-word)::"the" is repeated

info findings are notices. Values are escaped as the runner expects (``%``,
CR and LF in messages; also ``:`` and ``,`` in properties).
"""
from __future__ import annotations

from . import FileReport, emitter

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


@emitter("github")
def emit(reports: list[FileReport], out, *, summary: dict, **_) -> None:
    for r in reports:
        path = escape_property(r.path)
        for d in r.diagnostics:
            line, col = r.line_col(d.start)
            end_line, end_col = r.line_col(d.end)
            message = d.message
            if d.fix is not None and d.fix.message:
                kind = "fix" if d.fix.applicability.value == "safe" else f"{d.fix.applicability.value} fix"
                message += f" ({kind}: {d.fix.message})"
            out.write(f"::{LEVEL[d.severity.value]} file={path},line={line},col={col},"
                      f"endLine={end_line},endColumn={end_col},"
                      f"title={escape_property(f'lintnews ({d.rule})')}::{escape_data(message)}\n")
        if r.error:
            out.write(f"::error file={path},title=lintnews::{escape_data(r.error)}\n")
    from .text_emitter import summary_line
    out.write(summary_line(summary) + "\n")
