"""The `capcom` command line: run, console, ask, check, schema, status, sync, db, update."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from bot.cli_db import register as register_db
from bot.cli_discord import register as register_discord
from bot.cli_status import register as register_status
from bot.cli_update import register as register_update

# Each command imports what it needs when it runs, so `capcom --help` and `capcom ask` load
# no more than their own path (tests/bot/test_imports.py checks the offline path).


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """capcom: ISS logistics answers from a curated, sourced fact base."""


@cli.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
def check(path: Path | None) -> None:
    """Validate a fact base folder (default: knowledge_path from the settings, else bundled)."""
    from bot.offline import settings
    from knowledge import check as check_base
    from knowledge.loader import report
    from knowledge.schema import KIND_FILES

    config = settings()
    folder = path if path is not None else config.knowledge_path
    base, problems = check_base(folder, config.limits())
    if base is None:
        click.echo(report(problems, config.max_problems_shown))
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    counts = base.counts()
    total = sum(counts.values())
    by_kind = ", ".join(
        f"{counts[kind]} {stem if counts[kind] != 1 else kind}"
        for kind, stem in KIND_FILES.items()
        if counts.get(kind)
    )
    click.echo(f"ok: {base.folder}: {total} records ({by_kind}); as of {base.as_of.isoformat()}")


@cli.command()
@click.option("--out", "out", default="schemas", type=click.Path(path_type=Path), show_default=True)
def schema(out: Path) -> None:
    """Write the JSON Schema of every fact-base file, for editor completion."""
    from bot.offline import UsageError
    from knowledge.jsonschema import write_schemas

    if out.exists() and not out.is_dir():
        raise UsageError(f"--out: {out} is a file; give a folder for the schemas")
    try:
        written = write_schemas(out)
    except OSError as exc:
        raise UsageError(f"--out: cannot write into {out}: {exc.strerror or exc}") from None
    for path in written:
        click.echo(str(path))


@cli.command()
@click.argument("text", required=False)
@click.option(
    "--jsonl", is_flag=True, help="Read one message per stdin line; write one JSON line each."
)
@click.option("--now", "now", metavar="YYYY-MM-DD", help="Fix today's date (or env CAPCOM_NOW).")
@click.option("--knowledge", "knowledge", type=click.Path(path_type=Path), help="Fact base folder.")
@click.option(
    "--chart", "chart", type=click.Path(path_type=Path), help="Write a what-if chart PNG here."
)
@click.option(
    "--fresh", is_flag=True, help="With --jsonl: answer every line on its own (no follow-ups)."
)
@click.option("--full", is_flag=True, help="Print a record's whole card, not the brief answer.")
def ask(
    text: str | None,
    jsonl: bool,
    now: str | None,
    knowledge: Path | None,
    chart: Path | None,
    fresh: bool,
    full: bool,
) -> None:
    """Answer one question (or many with --jsonl) and exit."""
    from bot import offline

    config = offline.settings() if now is None else None  # read once; a bad --now first
    today = offline.parse_now(now, config)
    if chart is not None:
        offline.chart_folder(chart)
    ctx = offline.load_context(knowledge, config)
    if jsonl:
        with offline.utf8_stdio() as (stdin, stdout):
            offline.run_jsonl(ctx, stdin, stdout, today, fresh=fresh)
        return
    if text is None:
        raise click.UsageError('give a question, e.g. capcom ask "when does CRS-35 launch?"')
    reply = offline.safe_answer(ctx, text, today)
    if full:
        reply = offline.full_card(ctx, reply, today)
    click.echo(reply.plain())
    if chart is not None:
        written = offline.write_chart(reply, chart)
        if written:
            click.echo(f"chart written to {written}", err=True)
        else:
            click.echo("no chart: only what-if replies have one", err=True)


@cli.command()
@click.option("--now", "now", metavar="YYYY-MM-DD", help="Fix today's date (or env CAPCOM_NOW).")
@click.option("--knowledge", "knowledge", type=click.Path(path_type=Path), help="Fact base folder.")
def console(now: str | None, knowledge: Path | None) -> None:
    """Ask questions interactively, offline (no Discord account needed)."""
    from bot import offline

    config = offline.settings() if now is None else None  # read once; a bad --now first
    today = offline.parse_now(now, config)
    ctx = offline.load_context(knowledge, config)
    history = Path.home() / ".capcom_history"
    offline.console(ctx, today, history)


register_discord(cli)
register_status(cli)
register_db(cli)
register_update(cli)


def main() -> None:
    """Entry point of the console script: operator mistakes end in one line and exit 2."""
    try:
        os.getcwd()
    except FileNotFoundError:
        click.echo(
            "capcom: the working folder was deleted: cd to an existing folder and run again",
            err=True,
        )
        sys.exit(2)
    try:
        cli()
    except OSError as exc:  # the file system refused something an operator can fix
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"capcom: {where}{exc.strerror or exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
