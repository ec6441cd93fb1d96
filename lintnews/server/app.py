"""The gate's ASGI application.

Why Starlette on uvicorn: both are maintained by the Encode team, small,
widely deployed, and Starlette is the layer FastAPI itself is built on. The
gate needs full control over three things a heavier framework would decide
for it: reading the body under a byte limit (413 before the whole body is
in memory), the exact shape of every error body (a desk tool reads them),
and running the CPU-bound linting off the event loop under a time limit.
The OpenAPI 3.1 document is written by hand in :mod:`.openapi` and the test
suite validates real responses against it, so it cannot drift silently.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import __version__
from ..api import diagnostics_to_dicts, get_linter
from ..config import Config, ConfigError, read_config_file
from ..engine import ConvergenceError, TimeLimitExceeded, deadline
from ..formats import FORMATS, FormatError, format_for
from ..model import Severity, fix_counts
from .openapi import openapi_document
from .settings import Settings

CHECK_FIELDS = {"story", "format", "filename", "style", "select", "ignore", "extend_select", "fail_on", "id"}
FIX_FIELDS = CHECK_FIELDS | {"unsafe"}
MAX_REASONS = 20


class GateError(Exception):
    """A request the gate refuses: status, machine-readable code, human message."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}, **extra}, status_code=status)


class Gate:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.config = read_config_file(Path(settings.config)) if settings.config else Config()
        self.limiter = anyio.CapacityLimiter(settings.concurrency)
        self.known_selectors: set[str] = set()

    def warm(self) -> None:
        linter = get_linter(self._config_or_none(), style=self.settings.style)
        self.known_selectors = {"ALL"} | set(linter.available) | {c.category for c in linter.available.values()}

    def _config_or_none(self) -> Config | None:
        return self.config if self.settings.config else None

    # -- request parsing ------------------------------------------------------------
    async def read_json(self, request: Request) -> Any:
        limit = self.settings.max_bytes
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            raise GateError(413, "too_large", f"the request body is {int(length)} bytes; the limit is {limit} bytes",
                            limit=limit)
        chunks = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise GateError(413, "too_large", f"the request body is over the limit of {limit} bytes",
                                limit=limit)
            chunks.append(chunk)
        body = b"".join(chunks)
        if not body.strip():
            raise GateError(400, "malformed_json", "the request body is empty; send a JSON object "
                                                   "such as {\"story\": \"...\", \"format\": \"text\"}")
        try:
            return json.loads(body.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise GateError(400, "malformed_json", f"the request body is not UTF-8 (byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise GateError(400, "malformed_json",
                            f"the request body is not valid JSON: {exc.msg} at line {exc.lineno} "
                            f"column {exc.colno}") from None

    def parse(self, data: Any, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise GateError(422, "invalid_request", "the request body must be a JSON object with a \"story\"")
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise GateError(422, "invalid_request", f"unknown field(s): {', '.join(unknown)} "
                                                    f"(known: {', '.join(sorted(allowed))})")
        if "story" not in data:
            raise GateError(422, "invalid_request", "the field \"story\" is missing")
        story = data["story"]
        req: dict[str, Any] = {}
        fmt_name = data.get("format")
        if fmt_name is not None and not isinstance(fmt_name, str):
            raise GateError(422, "invalid_request", "\"format\" must be a string")
        filename = data.get("filename")
        if filename is not None and not isinstance(filename, str):
            raise GateError(422, "invalid_request", "\"filename\" must be a string")
        if isinstance(story, dict):
            if fmt_name not in (None, "ninjs"):
                raise GateError(422, "invalid_request",
                                f"a story sent as a JSON object is read as ninjs, not {fmt_name!r}")
            fmt_name = "ninjs"
            req["story_object"] = True
            story = json.dumps(story, ensure_ascii=False, indent=2) + "\n"
        elif not isinstance(story, str):
            raise GateError(422, "invalid_request", "\"story\" must be a string (text, Markdown, HTML, "
                                                    "ninjs JSON) or a ninjs object")
        if fmt_name is not None and fmt_name not in FORMATS:
            raise GateError(422, "unknown_format", f"unknown format {fmt_name!r} "
                                                   f"(known: {', '.join(sorted(FORMATS))})",
                            known=sorted(FORMATS))
        req["story"] = story
        req["format"] = format_for(filename, fmt_name)
        for key in ("select", "ignore", "extend_select"):
            value = data.get(key)
            if value is None:
                req[key] = None
                continue
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise GateError(422, "invalid_request", f"\"{key}\" must be a list of rule ids or categories")
            bad = [v for v in value if v not in self.known_selectors]
            if bad:
                raise GateError(422, "unknown_rule", f"unknown rule or category in \"{key}\": {', '.join(bad)} "
                                                     "(GET /v1/rules lists them)", unknown=bad)
            req[key] = value
        style = data.get("style", self.settings.style)
        if style is not None and (not isinstance(style, str) or "/" in style or "\\" in style
                                  or style.endswith(".toml")):
            raise GateError(422, "invalid_request", "\"style\" must be a house style name such as \"ap\" or \"reuters\"")
        req["style"] = style
        fail_on = data.get("fail_on", self.settings.fail_on)
        try:
            req["fail_on"] = Severity.parse(fail_on) if fail_on is not None else self.config.fail_on
        except ValueError:
            raise GateError(422, "invalid_request", "\"fail_on\" must be error, warning or info") from None
        unsafe = data.get("unsafe", False)
        if not isinstance(unsafe, bool):
            raise GateError(422, "invalid_request", "\"unsafe\" must be true or false")
        req["unsafe"] = unsafe
        req["id"] = data.get("id")
        return req

    # -- the work (runs in a worker thread) ---------------------------------------------
    def work(self, req: dict[str, Any], fix: bool, stop_at: float) -> dict[str, Any]:
        with deadline(stop_at):
            return self._work(req, fix)

    def _work(self, req: dict[str, Any], fix: bool) -> dict[str, Any]:
        t0 = time.perf_counter()
        try:
            linter = get_linter(self._config_or_none(), select=req["select"], ignore=req["ignore"],
                                extend_select=req["extend_select"], style=req["style"])
        except ConfigError as exc:
            raise GateError(422, "invalid_setting", str(exc)) from None
        fmt = req["format"]
        story = req["story"]
        try:
            if fix:
                result = linter.fix_source(story, fmt, unsafe=req["unsafe"])
                source, diagnostics, fixed = result.source, result.diagnostics, result.fixed
            else:
                source, diagnostics, fixed = story, linter.lint_source(story, fmt).diagnostics, 0
        except FormatError as exc:
            raise GateError(422, "invalid_story", f"the story is not valid {fmt.name}: {exc}") from None
        except ConvergenceError as exc:
            raise GateError(422, "fix_did_not_converge", str(exc)) from None
        out = self.verdict(source, diagnostics, req["fail_on"])
        out["format"] = fmt.name
        if req.get("id") is not None:
            out["id"] = req["id"]
        if fix:
            out["changed"] = source != story
            out["fixed"] = fixed
            if req.get("story_object"):
                out["story"] = json.loads(source)
            else:
                out["story"] = source
        out["elapsed_ms"] = round((time.perf_counter() - t0) * 1000, 2)
        return out

    @staticmethod
    def verdict(source: str, diagnostics, fail_on: Severity) -> dict[str, Any]:
        dicts = diagnostics_to_dicts(source, diagnostics)
        blocking = [d for d in dicts if Severity(d["severity"]).rank >= fail_on.rank]
        reasons = [f"line {d['line']}, column {d['column']}: {d['message']} [{d['rule']}]"
                   + (" (fixable)" if d["fix"] and d["fix"]["applicability"] == "safe" else "")
                   for d in blocking[:MAX_REASONS]]
        if len(blocking) > MAX_REASONS:
            reasons.append(f"… and {len(blocking) - MAX_REASONS} more")
        counts = {s.value: sum(1 for d in dicts if d["severity"] == s.value) for s in Severity}
        return {
            "version": 1,
            "verdict": "block" if blocking else "publish",
            "reasons": reasons,
            "fail_on": fail_on.value,
            "diagnostics": dicts,
            "summary": {
                "findings": len(dicts),
                "blocking": len(blocking),
                "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                **fix_counts(diagnostics),
            },
        }

    async def handle(self, request: Request, fix: bool) -> JSONResponse:
        try:
            data = await self.read_json(request)
            req = self.parse(data, FIX_FIELDS if fix else CHECK_FIELDS)
        except GateError as exc:
            return error_response(exc.status, exc.code, exc.message, **exc.extra)
        limit = self.settings.time_limit
        try:
            # The time limit counts from the request's arrival, waiting for a worker included;
            # the worker itself stops between two rules once it is past (see engine.deadline).
            with anyio.fail_after(limit):
                out = await anyio.to_thread.run_sync(self.work, req, fix, time.perf_counter() + limit,
                                                     limiter=self.limiter, abandon_on_cancel=True)
        except (TimeoutError, TimeLimitExceeded):
            return self.cannot_answer(422, "time_limit",
                                      f"the story was not checked within the time limit of {limit:g} s")
        except GateError as exc:
            return error_response(exc.status, exc.code, exc.message, **exc.extra)
        except Exception as exc:  # noqa: BLE001 - the gate answers, whatever happened
            return self.cannot_answer(500, "internal", f"the gate failed: {type(exc).__name__}: {exc}")
        return JSONResponse(out, headers={"X-Lintnews-Verdict": out["verdict"]})

    def cannot_answer(self, status: int, code: str, message: str) -> JSONResponse:
        """The gate could not check the story: the verdict is the on_error policy."""
        verdict = self.settings.on_error
        return JSONResponse({"error": {"code": code, "message": message}, "verdict": verdict, "checked": False,
                             "reasons": [f"not checked: {message}; the gate's on_error policy is {verdict}"]},
                            status_code=status, headers={"X-Lintnews-Verdict": verdict})


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    gate = Gate(settings)
    gate.warm()  # load the rules now, not on the first story

    async def check(request: Request) -> JSONResponse:
        return await gate.handle(request, fix=False)

    async def fix(request: Request) -> JSONResponse:
        return await gate.handle(request, fix=True)

    async def rules(request: Request) -> JSONResponse:
        from ..catalog import all_rules
        return JSONResponse({"version": 1, "rules": [
            {"id": c.id, "category": c.category, "severity": c.severity.value, "fixable": c.fixable(),
             "default_enabled": c.default_enabled, "summary": c.summary}
            for c in sorted(all_rules(gate.config), key=lambda c: (c.category, c.id))]})

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__, "formats": sorted(FORMATS),
                             "limits": {"max_bytes": settings.max_bytes, "time_limit": settings.time_limit},
                             "on_error": settings.on_error})

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(openapi_document(settings))

    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
        message = {404: f"no such endpoint {request.url.path} (see GET /openapi.json)",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return error_response(exc.status_code, code, message)

    return Starlette(routes=[
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/fix", fix, methods=["POST"]),
        Route("/v1/rules", rules, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ], exception_handlers={HTTPException: http_error})
