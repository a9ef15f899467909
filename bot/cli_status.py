"""`capcom status`: the scheduled digest, printed offline in the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click


@click.command()
@click.option("--now", "now", metavar="YYYY-MM-DD", help="Fix today's date (or env CAPCOM_NOW).")
@click.option(
    "--days",
    "days",
    type=click.IntRange(1, 366),
    default=14,
    show_default=True,
    help="Upcoming window in days.",
)
@click.option(
    "--since",
    "since",
    metavar="YYYY-MM-DD",
    help="List schedule changes announced after this date (default: the last 7 days).",
)
@click.option("--knowledge", "knowledge", type=click.Path(path_type=Path), help="Fact base folder.")
def status(now: str | None, days: int, since: str | None, knowledge: Path | None) -> None:
    """Print the ISS logistics digest (the same one status posts send), offline."""
    from bot import offline
    from commands.status import digest

    config = offline.settings() if now is None else None  # read once; a bad --now first
    today = offline.parse_now(now, config)
    ctx = offline.load_context(knowledge, config)
    start = None
    if since:
        try:
            start = dt.datetime.combine(dt.date.fromisoformat(since), dt.time(), dt.UTC)
        except ValueError:
            raise click.UsageError(
                f"--since must be a date like 2026-01-01, got {since!r}"
            ) from None
    when = dt.datetime.combine(today, dt.time(12), dt.UTC)
    click.echo(offline.show(digest(ctx, when, start, days)))


def register(cli: click.Group) -> None:
    """Add `status` to the capcom command group."""
    cli.add_command(status)
