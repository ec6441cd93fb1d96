"""SARIF 2.1.0 (`--format sarif`): for code-scanning dashboards (GitHub code
scanning, Azure DevOps, SonarQube).

One run; the driver lists the rules that produced results, with their
summary, documentation and default level. Each result carries its location
twice, as line/column and as character offset/length (columns and offsets
count Unicode code points: ``columnKind`` says so), and its fix, when it
has one, as SARIF ``fixes`` (a safe or unsafe applicability is kept in the
fix's properties). A file that could not be read is a tool execution
notification and makes ``executionSuccessful`` false.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from . import FileReport, emitter

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    if path == "-":
        return "stdin"
    return quote(PurePath(path).as_posix(), safe="/:@")


def _rule_metadata() -> dict:
    """id -> rule class, for the rules lintnews ships (custom rule folders may add more)."""
    try:
        from ..catalog import all_rules
        from ..config import Config
        return {c.id: c for c in all_rules(Config())}
    except Exception:  # pragma: no cover - the report must not fail on metadata
        return {}


def _region(r: FileReport, start: int, end: int) -> dict:
    line, col = r.line_col(start)
    end_line, end_col = r.line_col(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": end - start}


def sarif_log(reports: list[FileReport]) -> dict:
    meta = _rule_metadata()
    rule_ids: list[str] = []
    for r in reports:
        for d in r.diagnostics:
            if d.rule not in rule_ids:
                rule_ids.append(d.rule)
    rules = []
    for rid in rule_ids:
        entry: dict = {"id": rid}
        cls = meta.get(rid)
        if cls is not None:
            entry["shortDescription"] = {"text": cls.summary}
            doc = cls.documentation()
            if doc:
                entry["help"] = {"text": doc, "markdown": doc}
            entry["defaultConfiguration"] = {"level": LEVEL[cls.severity.value]}
            entry["properties"] = {"category": cls.category, "tags": [cls.category]}
        rules.append(entry)
    index = {rid: i for i, rid in enumerate(rule_ids)}

    artifacts = []
    results = []
    notifications = []
    for r in reports:
        uri = artifact_uri(r.path)
        a_index = len(artifacts)
        artifacts.append({"location": {"uri": uri}})
        if r.error:
            notifications.append({"level": "error", "message": {"text": f"{r.path}: {r.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri,
                                                                                           "index": a_index}}}]})
        for d in r.diagnostics:
            result = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL[d.severity.value],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": a_index},
                    "region": _region(r, d.start, d.end)}}],
            }
            if d.fix is not None and d.fix.edits:
                result["fixes"] = [{
                    "description": {"text": d.fix.message or "apply the fix"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri, "index": a_index},
                        "replacements": [{"deletedRegion": _region(r, e.start, e.end),
                                          "insertedContent": {"text": e.replacement}} for e in d.fix.edits],
                    }],
                    "properties": {"applicability": d.fix.applicability.value},
                }]
            results.append(result)

    invocation = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lintnews", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "invocations": [invocation],
            "results": results,
        }],
    }


@emitter("sarif")
def emit(reports: list[FileReport], out, **_) -> None:
    json.dump(sarif_log(reports), out, ensure_ascii=False, indent=2)
    out.write("\n")
