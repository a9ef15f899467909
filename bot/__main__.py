"""The `capcom` command line: run, console, ask, check, schema, status, sync."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from knowledge import check as check_base
from knowledge.jsonschema import write_schemas


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """capcom: ISS logistics answers from a curated, sourced fact base."""


@cli.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
def check(path: Path | None) -> None:
    """Validate a fact base folder (default: the bundled one)."""
    base, problems = check_base(path)
    if base is None:
        for p in problems:
            click.echo(str(p))
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(base.counts().items()))
    click.echo(f"ok: {base.folder}: {counts}; as of {base.as_of.isoformat()}")


@cli.command()
@click.option("--out", "out", default="schemas", type=click.Path(path_type=Path), show_default=True)
def schema(out: Path) -> None:
    """Write the JSON Schema of every fact-base file, for editor completion."""
    for path in write_schemas(out):
        click.echo(str(path))


def main() -> None:
    """Entry point of the console script."""
    cli()


if __name__ == "__main__":
    main()
