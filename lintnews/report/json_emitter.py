"""The JSON report of CONTRACT.md."""
from __future__ import annotations

import json

from . import FileReport, emitter


def diagnostic_dict(report: FileReport, d) -> dict:
    line, col = report.line_col(d.start)
    end_line, end_col = report.line_col(d.end)
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": d.fix.message,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in d.fix.edits],
        }
    return {
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "start": d.start,
        "end": d.end,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "fix": fix,
    }


@emitter("json")
def emit(reports: list[FileReport], out, *, summary: dict, **_) -> None:
    files = []
    for r in reports:
        entry = {"path": r.path, "diagnostics": [diagnostic_dict(r, d) for d in r.diagnostics]}
        if r.error:
            entry["error"] = r.error
        if r.fixed:
            entry["fixed"] = r.fixed
        files.append(entry)
    json.dump({"version": 1, "files": files, "summary": summary}, out, ensure_ascii=False, indent=2)
    out.write("\n")
