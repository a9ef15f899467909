"""`capcom db migrate | check | copy --to URL`: the state database named by `database_url`."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

T = TypeVar("T")


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"capcom: {message}", err=True)
    sys.exit(code)


def _run(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine; a StoreError or SettingsError is one line on stderr and exit 1."""
    from bot.settings import SettingsError
    from bot.store import StoreError

    try:
        return asyncio.run(work())
    except (StoreError, SettingsError) as exc:
        _fail(str(exc))


config_option = click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path),
    default=None,
    help="Settings file (default: env CAPCOM_CONFIG, else ./config.yaml).",
)


@click.group()
def db() -> None:
    """The state database: subscriptions, the post log, reloads, command syncs."""


@db.command()
@config_option
def migrate(config: Path | None) -> None:
    """Apply the migrations the database is missing (safe to run from several processes)."""
    from bot.settings import load_settings
    from bot.store import open_store

    async def work() -> tuple[str, list[int], int]:
        store = await open_store(load_settings(config), migrate=False)
        try:
            applied = await store.migrate()
            return store.describe(), applied, await store.version()
        finally:
            await store.close()

    where, applied, version = _run(work)
    if applied:
        click.echo(
            f"{where}: applied migration(s) {', '.join(map(str, applied))}; "
            f"now at version {version}"
        )
    else:
        click.echo(f"{where}: already at version {version}, nothing to do")


@db.command()
@config_option
def check(config: Path | None) -> None:
    """Say whether the database is at this capcom's schema version; count its rows (exit 1 if
    it is behind or ahead)."""
    from bot.migrations import LATEST
    from bot.settings import load_settings
    from bot.store import open_store

    async def work() -> tuple[str, int, dict[str, int], int]:
        store = await open_store(load_settings(config), migrate=False)
        try:
            version = await store.version()
            counts = await store.counts() if version == LATEST else {}
            live = len(await store.instances()) if version == LATEST else 0
            return store.describe(), version, counts, live
        finally:
            await store.close()

    where, version, counts, live = _run(work)
    if version < LATEST:
        _fail(
            f"{where}: schema version {version}, this capcom needs {LATEST}: "
            "run `capcom db migrate`"
        )
    if version > LATEST:
        _fail(
            f"{where}: schema version {version} is newer than this capcom ({LATEST}): "
            "upgrade capcom"
        )
    rows = ", ".join(f"{n} {table}" for table, n in counts.items())
    click.echo(f"ok: {where}: schema version {version}; {rows}; {live} process(es) seen")


@db.command()
@config_option
@click.option(
    "--to",
    "target",
    required=True,
    metavar="URL",
    help="The database to copy into: postgresql://user@host/db (or sqlite:///path).",
)
def copy(config: Path | None, target: str) -> None:
    """Copy the state into another (empty) database, e.g. from SQLite to PostgreSQL, and check
    that every table has the same number of rows on both sides."""
    from bot.migrations import TABLES
    from bot.settings import load_settings
    from bot.store import StoreError, open_store, open_url

    async def work() -> tuple[str, str, dict[str, int]]:
        settings = load_settings(config)
        source = await open_store(settings)
        try:
            dest = await open_url(target, pool_size=settings.database_pool_size)
        except BaseException:
            await source.close()
            raise
        try:
            if source.describe() == dest.describe():
                raise StoreError("the source and the target are the same database")
            filled = {t: n for t, n in (await dest.counts()).items() if n}
            if filled:
                listed = ", ".join(f"{n} {t}" for t, n in filled.items())
                raise StoreError(
                    f"{dest.describe()} is not empty ({listed}); copy into an empty database"
                )
            for table in TABLES:
                async for batch in source.rows(table):
                    await dest.insert_rows(table, batch)
            await dest.after_copy()
            want, got = await source.counts(), await dest.counts()
            wrong = [f"{t}: {want[t]} -> {got[t]}" for t in TABLES if want[t] != got[t]]
            if wrong:
                raise StoreError(f"the copy does not match: {'; '.join(wrong)}")
            return source.describe(), dest.describe(), got
        finally:
            await source.close()
            await dest.close()

    where, dest, counts = _run(work)
    rows = ", ".join(f"{n} {table}" for table, n in counts.items())
    click.echo(f"copied {where} -> {dest}: {rows} (counts match)")
    click.echo("set database_url to the new database before starting capcom again")


def register(cli: click.Group) -> None:
    """Add `db` to the capcom command group."""
    cli.add_command(db)
