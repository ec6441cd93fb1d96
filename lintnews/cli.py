"""The command line, as fixed by CONTRACT.md.

    lintnews [OPTIONS] PATH...       lint (PATH "-" reads standard input)
    lintnews rules                   list the rules
    lintnews explain RULE            a rule's documentation

Exit status: 0 nothing at or above the fail level is left; 1 something is;
2 the run itself failed (bad option or config, a file that could not be read).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

import click

from .config import ConfigError, ConfigFinder
from .formats import format_for, is_lintable
from .model import fix_counts
from .report import get_emitter

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


class DefaultGroup(click.Group):
    """`lintnews PATH...` means `lintnews check PATH...`."""

    def parse_args(self, ctx, args):
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lintnews")
def cli() -> None:
    """Lint machine-translated news copy: fused words, Spanish leftovers,
    names and places, quote punctuation, captions left in the body, and more.

    `lintnews story.txt` reports; `lintnews --fix story.txt` repairs what is safe.
    Every option of a lint run (--fix, --diff, --format, --select, -j …):
    `lintnews check --help`.
    """


def _csv(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def walk(paths: list[str], exclude: list[str] | None = None) -> list[str]:
    """Expand directories to the files lintnews understands, in a stable order."""
    out: list[str] = []
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            out.append(p)
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in files:
                full = Path(root) / name
                if is_lintable(full) and not any(PurePath.match(full, pat) for pat in exclude or ()):
                    found.append(str(full))
        out.extend(sorted(found))
    return out


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes marked unsafe.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--exit-non-zero-on-fix", is_flag=True,
              help="With --fix, exit 1 when a file was changed (for pre-commit's fixing hook).")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json", "sarif", "github"]), help="Report format.")
@click.option("--select", multiple=True, help="Only these rules or categories (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules or categories to enable on top of the defaults.")
@click.option("--ignore", multiple=True, help="Rules or categories to turn off (comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 [default: warning].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this lintnews.toml or pyproject.toml instead of searching.")
@click.option("--style", default=None, help="House style: ap, reuters, or a path to a style .toml.")
@click.option("--stdin-filename", default=None, help="The name of the story read from standard input.")
@click.option("--input-format", default=None,
              help="Read files as this format whatever their extension: text, markdown, html, ninjs, python.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Lint files in this many parallel processes [default: the number of cores].")
@click.option("-q", "--quiet", is_flag=True, help="Findings only, no source excerpts; nothing when clean.")
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR is honoured too).")
def check(paths, fix, unsafe_fixes, diff, exit_non_zero_on_fix, output_format, select, extend_select, ignore,
          fail_on, config_path, style, stdin_filename, input_format, jobs, quiet, no_color) -> None:
    """Lint PATHS (files or folders; - for standard input)."""
    from .loader import RuleLoadError
    from .runner import RunOptions, Runner, default_jobs, run_files

    out = click.get_text_stream("stdout")
    err = click.get_text_stream("stderr")
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a folder, or - for standard input)")
    if fix and diff:
        raise click.UsageError("--fix and --diff do not go together: --diff changes nothing")
    if list(paths).count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")
    opts = RunOptions(fix=fix, unsafe=unsafe_fixes, diff=diff,
                      select=tuple(_csv(select)) or None, extend_select=tuple(_csv(extend_select)),
                      ignore=tuple(_csv(ignore)), style=style, config_path=config_path,
                      input_format=input_format, stdin_filename=stdin_filename, fail_on=fail_on)
    try:
        if input_format:
            format_for(None, input_format)
        runner = Runner(opts)
        exclude = runner.finder.for_path(None).exclude if config_path else []
        files = walk(list(paths), exclude)
    except (ConfigError, ValueError, OSError) as exc:
        click.echo(f"lintnews: error: {exc}", err=True)
        sys.exit(2)

    jobs = default_jobs() if jobs is None else max(1, jobs)
    show_progress = (err.isatty() and not quiet and not os.environ.get("CI") and len(files) > 20
                     and output_format == "text")
    outcomes = []
    try:
        if show_progress:
            with click.progressbar(length=len(files), label="linting", file=err) as bar:
                outcomes = list(run_files(runner, files, jobs, progress=bar.update))
        else:
            outcomes = list(run_files(runner, files, jobs))
    except (ConfigError, RuleLoadError) as exc:
        click.echo(f"lintnews: error: {exc}", err=True)
        sys.exit(2)

    reports = [o.report for o in outcomes]
    failed = any(o.failed for o in outcomes)
    for o in outcomes:
        for w in o.warnings:
            click.echo(f"lintnews: warning: {w}", err=True)
    stdin_fixed_output = next((o.stdin_output for o in outcomes if o.stdin_output is not None), None)

    # With --fix on standard input the fixed story goes to stdout; the report to stderr.
    report_stream = err if stdin_fixed_output is not None else out
    color = (not no_color and "NO_COLOR" not in os.environ and report_stream.isatty())
    summary = {
        "files": len(reports),
        "findings": sum(len(r.diagnostics) for r in reports),
        **fix_counts(d for r in reports for d in r.diagnostics),
        "fixed": sum(r.fixed for r in reports) if fix else None,
        "errors": sum(1 for r in reports if r.error),
    }
    if diff:
        for r in reports:
            if r.diff:
                out.write(r.diff)
        for r in reports:
            if r.error:
                click.echo(f"lintnews: error: {r.path}: {r.error}", err=True)
    else:
        if stdin_fixed_output is not None:
            out.write(stdin_fixed_output)
            out.flush()
        if not (quiet and output_format == "text" and not summary["findings"] and not summary["errors"]):
            get_emitter(output_format)(reports, report_stream, summary=summary, color=color, quiet=quiet)
        if output_format != "text":
            for r in reports:
                if r.error:
                    click.echo(f"lintnews: error: {r.path}: {r.error}", err=True)
        if fix and stdin_fixed_output is None:
            for r in reports:
                if r.changed:
                    click.echo(f"fixed {r.path} ({r.fixed} fix{'es' if r.fixed != 1 else ''})", err=True)

    left = any(d.severity.rank >= o.fail_level.rank for o in outcomes if o.fail_level
               for d in o.report.diagnostics)
    if failed:
        sys.exit(2)
    if diff and any(r.changed for r in reports):
        left = True  # like `ruff --diff`: there is something to fix
    if exit_non_zero_on_fix and any(r.changed for r in reports):
        left = True
    sys.exit(1 if left else 0)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
def rules_cmd(output_format, config_path) -> None:
    """List every rule: id, category, default severity, fixable."""
    from .catalog import rule_table
    try:
        finder = ConfigFinder(Path(config_path) if config_path else None)
        cfg = finder.for_path(None)
        click.echo(rule_table(cfg, output_format), nl=False)
    except ConfigError as exc:
        click.echo(f"lintnews: error: {exc}", err=True)
        sys.exit(2)


@cli.command("explain")
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
def explain(rule, config_path) -> None:
    """What RULE catches, why, examples, and how to silence it."""
    from .catalog import explain_rule
    try:
        finder = ConfigFinder(Path(config_path) if config_path else None)
        text = explain_rule(finder.for_path(None), rule)
    except (ConfigError, KeyError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) else str(exc)
        click.echo(f"lintnews: error: {msg}", err=True)
        sys.exit(2)
    click.echo(text)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--max-bytes", type=int, default=None, help="Largest request body; bigger ones get 413 [default: 1 MiB].")
@click.option("--time-limit", type=float, default=None, help="Seconds one story may take [default: 5].")
@click.option("--on-error", type=click.Choice(["publish", "block"]), default=None,
              help="Verdict when the gate cannot answer (time limit, internal error) [default: publish].")
@click.option("--concurrency", type=int, default=None, help="Stories linted at once per process [default: CPUs].")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Default fail level of a request [default: the config's, else warning].")
@click.option("--style", default=None, help="Default house style (ap, reuters).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True), default=None,
              help="A lintnews.toml or pyproject.toml for every request.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(host, port, max_bytes, time_limit, on_error, concurrency, workers, fail_on, style, config_path,
          log_level) -> None:
    """Run the CMS publish gate: POST /v1/check, POST /v1/fix (see docs/gate.md)."""
    try:
        import uvicorn

        from .server.settings import Settings, SettingsError
    except ImportError as exc:  # pragma: no cover
        click.echo(f"lintnews: error: the gate needs {exc.name}: pip install lintnews", err=True)
        sys.exit(2)
    try:
        base = Settings.from_env()
        overrides = {k: v for k, v in dict(max_bytes=max_bytes, time_limit=time_limit, on_error=on_error,
                                           concurrency=concurrency, fail_on=fail_on, style=style,
                                           config=str(Path(config_path).resolve()) if config_path else None).items()
                     if v is not None}
        settings = Settings(**{**base.__dict__, **overrides})
        from .server.app import create_app
        create_app(settings)  # fail now, with a clear message, on a bad config or style
    except (SettingsError, ConfigError) as exc:
        click.echo(f"lintnews: error: {exc}", err=True)
        sys.exit(2)
    os.environ.update(settings.to_env())  # how the settings reach every worker process
    uvicorn.run("lintnews.server.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=log_level == "debug")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
