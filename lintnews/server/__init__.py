"""The CMS publish gate: `lintnews serve`, an HTTP service (Starlette on uvicorn).

    POST /v1/check   a story -> diagnostics and a verdict (publish | block) with reasons
    POST /v1/fix     a story -> the story with fixes applied, in its format, and what is left
    GET  /v1/rules   the rules
    GET  /healthz    liveness
    GET  /openapi.json

See docs/gate.md.
"""
from __future__ import annotations

from .settings import Settings, SettingsError

__all__ = ["Settings", "SettingsError", "create_app"]


def create_app(settings: Settings | None = None):
    from .app import create_app as _create
    return _create(settings)
