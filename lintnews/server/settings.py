"""The gate's settings: command-line options of `lintnews serve`, or
environment variables (which is how they reach every worker process).

    LINTNEWS_GATE_MAX_BYTES     largest request body accepted (default 1 MiB) -> 413 above it
    LINTNEWS_GATE_TIME_LIMIT    seconds one story may take, queueing included (default 5)
    LINTNEWS_GATE_ON_ERROR      publish | block: the verdict when the gate cannot answer
                                (time limit, internal error); default publish (fail open)
    LINTNEWS_GATE_CONCURRENCY   stories linted at once per process (default: CPU count)
    LINTNEWS_GATE_FAIL_ON       default fail level of a request (default: the config's, else warning)
    LINTNEWS_GATE_STYLE         default house style (default: the config's, else ap)
    LINTNEWS_GATE_CONFIG        a lintnews.toml / pyproject.toml to read (default: none)
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields

ENV_PREFIX = "LINTNEWS_GATE_"


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 1024 * 1024
    time_limit: float = 5.0
    on_error: str = "publish"
    concurrency: int = max(1, os.cpu_count() or 1)
    fail_on: str | None = None
    style: str | None = None
    config: str | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise SettingsError("max_bytes must be a positive number of bytes")
        if self.time_limit <= 0:
            raise SettingsError("time_limit must be a positive number of seconds")
        if self.on_error not in ("publish", "block"):
            raise SettingsError(f"on_error must be publish or block (got {self.on_error!r})")
        if self.concurrency < 1:
            raise SettingsError("concurrency must be at least 1")
        if self.fail_on is not None and self.fail_on not in ("error", "warning", "info"):
            raise SettingsError(f"fail_on must be error, warning or info (got {self.fail_on!r})")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            try:
                if f.name in ("max_bytes", "concurrency"):
                    values[f.name] = int(raw)
                elif f.name == "time_limit":
                    values[f.name] = float(raw)
                else:
                    values[f.name] = raw
            except ValueError:
                raise SettingsError(f"{ENV_PREFIX}{f.name.upper()}={raw!r}: not a number") from None
        return cls(**values)

    def to_env(self) -> dict[str, str]:
        return {ENV_PREFIX + f.name.upper(): str(getattr(self, f.name))
                for f in fields(self) if getattr(self, f.name) is not None}
