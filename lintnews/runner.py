"""Running lintnews over files: one file at a time, or many in parallel
processes (``-j N``) with results in the order the files were given.

A worker reads the file, finds its config, lints or fixes it, and returns a
picklable outcome; the command line prints the outcomes. Nothing a worker
does depends on another file.
"""
from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .config import ConfigError, ConfigFinder
from .document import collector_paused
from .files import FileError, decode, read_source, write_atomic
from .formats import FormatError, format_for
from .model import Severity
from .report import FileReport


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    style: str | None = None
    config_path: str | None = None
    input_format: str | None = None
    stdin_filename: str | None = None
    fail_on: str | None = None


@dataclass
class FileOutcome:
    report: FileReport
    fail_level: Severity | None = None      # None when the file was not linted
    warnings: list[str] = field(default_factory=list)
    failed: bool = False                    # the run must exit 2
    stdin_output: str | None = None         # --fix on standard input: the fixed story


class Runner:
    """Lints files under one set of options, caching configs and linters."""

    def __init__(self, opts: RunOptions) -> None:
        self.opts = opts
        self.finder = ConfigFinder(Path(opts.config_path) if opts.config_path else None)
        self._linters: dict[int, object] = {}

    def linter_for(self, cfg):
        from .engine import Linter  # the engine loads only when there is work
        key = id(cfg)
        if key not in self._linters:
            o = self.opts
            self._linters[key] = Linter(cfg, select=list(o.select) if o.select is not None else None,
                                        ignore=list(o.ignore), extend_select=list(o.extend_select),
                                        style=o.style)
        return self._linters[key]

    def config_for(self, path: str):
        o = self.opts
        if path == "-":
            return self.finder.for_path(Path(o.stdin_filename) if o.stdin_filename else None)
        return self.finder.for_path(Path(path))

    def run_file(self, path: str, stdin_bytes: bytes | None = None) -> FileOutcome:
        """Lint (or fix) one file. Config and rule errors propagate: they stop the run."""
        from .engine import ConvergenceError
        o = self.opts
        is_stdin = path == "-"
        shown = (o.stdin_filename or "-") if is_stdin else path
        out = FileOutcome(FileReport(shown))
        report = out.report
        try:
            src = decode(shown, stdin_bytes or b"") if is_stdin else read_source(path)
        except FileError as exc:
            report.error = str(exc).removeprefix(f"{shown}: ")
            out.failed = True
            return out
        cfg = self.config_for(path)
        linter = self.linter_for(cfg)
        fmt = format_for(o.stdin_filename if is_stdin else path, o.input_format)
        out.fail_level = Severity.parse(o.fail_on) if o.fail_on else cfg.fail_on
        report.source = src.text
        try:
            # A long story's tokens and findings would set the cyclic collector
            # off again and again (a tenth of the run). Only the command line
            # does this per file; the gate and the API keep their collector.
            with collector_paused():
                self._lint_or_fix(path, shown, is_stdin, src, linter, fmt, out)
        except ConvergenceError as exc:
            report.error = str(exc)
        except FormatError as exc:
            report.error = f"{exc} (read as {fmt.name}); not linted"
        except OSError as exc:
            report.error = f"cannot write the fixed file: {exc.strerror or exc}"
        if out.warnings or report.error:
            out.failed = True
        return out

    def _lint_or_fix(self, path, shown, is_stdin, src, linter, fmt, out) -> None:
        """Lint or fix one decoded file, recording the result in ``out``."""
        o = self.opts
        report = out.report
        if o.fix or o.diff:
            result = linter.fix_source(src.text, fmt, unsafe=o.unsafe, path=shown)
            report.diagnostics, report.fixed, new = result.diagnostics, result.fixed, result.source
            out.warnings.extend(result.errors)
            if o.diff:
                report.diagnostics = linter.lint_source(src.text, fmt, path=shown).diagnostics
                report.fixed = 0
                if new != src.text:
                    report.diff = "".join(difflib.unified_diff(
                        src.text.splitlines(keepends=True), new.splitlines(keepends=True),
                        f"a/{shown}", f"b/{shown}"))
                    report.changed = True
            elif is_stdin:
                out.stdin_output = new
                report.source = new
                report.changed = new != src.text
            elif new != src.text:
                data = src.encode(new)
                if data != src.raw:
                    write_atomic(path, data)
                    report.changed = True
                report.source = new
        else:
            result = linter.lint_source(src.text, fmt, path=shown)
            report.diagnostics = result.diagnostics
            out.warnings.extend(result.errors)


# -- parallel processes -------------------------------------------------------------
_WORKER: Runner | None = None


def _init_worker(opts: RunOptions) -> None:
    global _WORKER
    _WORKER = Runner(opts)


def _work(path: str) -> FileOutcome:
    assert _WORKER is not None
    return _WORKER.run_file(path)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_files(runner: Runner, files: list[str], jobs: int, progress=None):
    """Yield one FileOutcome per file, in the order given. Standard input and
    small runs stay in this process; bigger runs fan out to ``jobs`` processes."""
    stdin_bytes = sys.stdin.buffer.read() if "-" in files else None
    on_disk = [f for f in files if f != "-"]
    if jobs <= 1 or len(on_disk) < 2 * jobs:
        for f in files:
            outcome = runner.run_file(f, stdin_bytes if f == "-" else None)
            if progress:
                progress(1)
            yield outcome
        return
    # Surface config and rule errors before starting workers, once per config.
    for f in on_disk:
        runner.linter_for(runner.config_for(f))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    ctx = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    chunk = max(1, min(64, len(on_disk) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(runner.opts,)) as pool:
        results = pool.map(_work, on_disk, chunksize=chunk)
        for f in files:
            outcome = runner.run_file(f, stdin_bytes) if f == "-" else next(results)
            if progress:
                progress(1)
            yield outcome


__all__ = ["ConfigError", "FileOutcome", "RunOptions", "Runner", "default_jobs", "run_files"]
