"""The gate's OpenAPI 3.1 document (served at GET /openapi.json).

Written by hand; its schemas are JSON Schema 2020-12, and the test suite
validates the gate's real responses against them.
"""
from __future__ import annotations

from typing import Any

from .. import __version__

SELECTORS = {"oneOf": [{"type": "array", "items": {"type": "string"}},
                       {"type": "string", "description": "comma-separated"}]}

SCHEMAS: dict[str, Any] = {
    "CheckRequest": {
        "type": "object",
        "required": ["story"],
        "additionalProperties": False,
        "properties": {
            "story": {"description": "The story: its source as a string (plain text, Markdown, HTML, ninjs "
                                     "JSON, Python), or a ninjs object.",
                      "oneOf": [{"type": "string"}, {"type": "object"}]},
            "format": {"type": "string", "enum": ["text", "markdown", "html", "ninjs", "python"],
                       "description": "How to read the story; default from filename's extension, else text "
                                      "(ninjs when story is an object)."},
            "filename": {"type": "string", "description": "The story's file name; its extension picks the format."},
            "style": {"type": "string", "description": "House style: ap (default) or reuters."},
            "select": {**SELECTORS, "description": "Only these rules or categories."},
            "ignore": {**SELECTORS, "description": "Rules or categories to turn off."},
            "extend_select": {**SELECTORS, "description": "Rules or categories to add to the defaults."},
            "fail_on": {"type": "string", "enum": ["error", "warning", "info"],
                        "description": "Lowest severity that blocks publication (default warning)."},
            "id": {"description": "Any story id; echoed in the response."},
        },
    },
    "FixRequest": {
        "allOf": [{"$ref": "#/components/schemas/CheckRequest"}],
        "properties": {"unsafe": {"type": "boolean", "default": False,
                                  "description": "Also apply fixes marked unsafe."}},
    },
    "Edit": {
        "type": "object", "required": ["start", "end", "replacement"],
        "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
                       "replacement": {"type": "string"}},
    },
    "Fix": {
        "type": "object", "required": ["applicability", "message", "edits"],
        "properties": {"applicability": {"type": "string", "enum": ["safe", "unsafe", "display-only"]},
                       "message": {"type": "string"},
                       "edits": {"type": "array", "items": {"$ref": "#/components/schemas/Edit"}}},
    },
    "Diagnostic": {
        "type": "object",
        "description": "As in the JSON report of CONTRACT.md; offsets count code points of the story's source.",
        "required": ["rule", "severity", "message", "start", "end", "line", "column", "end_line", "end_column", "fix"],
        "properties": {
            "rule": {"type": "string"},
            "severity": {"type": "string", "enum": ["error", "warning", "info"]},
            "message": {"type": "string"},
            "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
            "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
            "end_line": {"type": "integer", "minimum": 1}, "end_column": {"type": "integer", "minimum": 1},
            "fix": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Fix"}]},
        },
    },
    "Summary": {
        "type": "object",
        "required": ["findings", "blocking", "errors", "warnings", "infos", "fixable", "unsafe_fixable"],
        "properties": {k: {"type": "integer", "minimum": 0}
                       for k in ("findings", "blocking", "errors", "warnings", "infos", "fixable", "unsafe_fixable")},
    },
    "CheckResponse": {
        "type": "object",
        "required": ["version", "verdict", "reasons", "fail_on", "diagnostics", "summary", "format", "elapsed_ms"],
        "properties": {
            "version": {"const": 1},
            "verdict": {"type": "string", "enum": ["publish", "block"]},
            "reasons": {"type": "array", "items": {"type": "string"},
                        "description": "Why the story is blocked, one line per finding, for a desk editor."},
            "fail_on": {"type": "string", "enum": ["error", "warning", "info"]},
            "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
            "summary": {"$ref": "#/components/schemas/Summary"},
            "format": {"type": "string"},
            "id": {},
            "elapsed_ms": {"type": "number"},
        },
    },
    "FixResponse": {
        "allOf": [{"$ref": "#/components/schemas/CheckResponse"}],
        "required": ["story", "changed", "fixed"],
        "properties": {
            "story": {"description": "The fixed story, in the form it came in (a string, or a ninjs object). "
                                     "Diagnostics refer to this fixed story.",
                      "oneOf": [{"type": "string"}, {"type": "object"}]},
            "changed": {"type": "boolean"},
            "fixed": {"type": "integer", "minimum": 0},
        },
    },
    "Error": {
        "type": "object", "required": ["error"],
        "properties": {
            "error": {"type": "object", "required": ["code", "message"],
                      "properties": {"code": {"type": "string", "enum": [
                          "malformed_json", "invalid_request", "unknown_format", "unknown_rule", "invalid_setting",
                          "invalid_story", "too_large", "time_limit", "fix_did_not_converge", "internal",
                          "not_found", "method_not_allowed", "bad_request"]},
                          "message": {"type": "string"}}},
            "verdict": {"type": "string", "enum": ["publish", "block"],
                        "description": "Only when the gate could not answer (time_limit, internal): "
                                       "the server's on_error policy."},
            "checked": {"type": "boolean"},
            "reasons": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Rules": {
        "type": "object", "required": ["version", "rules"],
        "properties": {"version": {"const": 1}, "rules": {"type": "array", "items": {
            "type": "object", "required": ["id", "category", "severity", "fixable", "default_enabled", "summary"],
            "properties": {"id": {"type": "string"}, "category": {"type": "string"},
                           "severity": {"type": "string"}, "fixable": {"type": "boolean"},
                           "default_enabled": {"type": "boolean"}, "summary": {"type": "string"}}}}},
    },
    "Health": {
        "type": "object", "required": ["status", "version"],
        "properties": {"status": {"const": "ok"}, "version": {"type": "string"},
                       "formats": {"type": "array", "items": {"type": "string"}},
                       "limits": {"type": "object"}, "on_error": {"type": "string"}},
    },
}


def _json(ref: str, description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def _errors(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    out = {
        "400": _json("Error", "Malformed JSON (code malformed_json)."),
        "413": _json("Error", "The body is over the size limit (code too_large)."),
        "422": _json("Error", "Invalid request, unknown format, unknown rule, invalid story, or the story "
                              "took longer than the time limit (code time_limit, with the on_error verdict)."),
        "500": _json("Error", "The gate failed (code internal, with the on_error verdict)."),
    }
    out.update(extra or {})
    return out


def openapi_document(settings=None) -> dict[str, Any]:
    limit = f" Bodies over {settings.max_bytes} bytes get 413; a story gets {settings.time_limit:g} s." if settings else ""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {"title": "lintnews publish gate", "version": __version__,
                 "description": "Checks a story before it goes live: diagnostics and a verdict (publish or "
                                "block) with reasons a desk editor reads; fixes in the story's own format." + limit},
        "paths": {
            "/v1/check": {"post": {
                "summary": "Lint a story and decide whether it may publish",
                "operationId": "check",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/CheckRequest"}}}},
                "responses": {"200": _json("CheckResponse", "The verdict and the diagnostics."), **_errors()},
            }},
            "/v1/fix": {"post": {
                "summary": "Apply the fixes and return the story in the same format, with what is left",
                "operationId": "fix",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/FixRequest"}}}},
                "responses": {"200": _json("FixResponse", "The fixed story, the verdict after the fixes."),
                              **_errors()},
            }},
            "/v1/rules": {"get": {"summary": "The rules", "operationId": "rules",
                                  "responses": {"200": _json("Rules", "Every rule.")}}},
            "/healthz": {"get": {"summary": "Liveness", "operationId": "health",
                                 "responses": {"200": _json("Health", "The gate is up.")}}},
        },
        "components": {"schemas": SCHEMAS},
    }
