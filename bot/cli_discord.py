"""The Discord subcommands of `capcom`: `run` (the bot) and `sync` (register slash commands)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Any, NoReturn

import aiohttp
import click
import discord

from bot.reach import Unreachable, unreachable, wait_for_discord
from bot.settings import Settings, SettingsError, apply_endpoints, load_settings
from bot.store import StoreError
from knowledge import LoadError

log = logging.getLogger("capcom")
NO_TOKEN = (
    "no Discord token: set the DISCORD_TOKEN environment variable, "
    "or name a file holding it with token_file in config.yaml"
)

config_option = click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path),
    default=None,
    help="Settings file (default: env CAPCOM_CONFIG, else ./config.yaml).",
)
knowledge_option = click.option(
    "--knowledge",
    "knowledge_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Fact base folder (default: knowledge_path in config, else the bundled one).",
)
now_option = click.option(
    "--now",
    "now",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Fix today's date, YYYY-MM-DD (default: env CAPCOM_NOW, else the real UTC date).",
)


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"capcom: {message}", err=True)
    sys.exit(code)


def _settings(config: Path | None, **overrides: Any) -> Settings:
    try:
        return load_settings(config, **overrides)
    except SettingsError as exc:
        _fail(str(exc))


def _token(settings: Settings) -> str:
    try:
        token = settings.token()
    except SettingsError as exc:
        _fail(str(exc))
    if not token:
        _fail(NO_TOKEN)
    return token


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _shard_ids(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[int, ...] | None:
    if value is None:
        return None
    try:
        ids = tuple(int(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise click.BadParameter(
            f"give shard numbers separated by commas, e.g. 0,1 (not {value!r})"
        ) from None
    if not ids:
        raise click.BadParameter("give at least one shard number, e.g. 0")
    return ids


@click.command()
@config_option
@knowledge_option
@now_option
@click.option(
    "--shard-count",
    "shard_count",
    type=click.IntRange(1),
    default=None,
    help="Shards of the whole bot (default: shard_count in config; unset: no sharding).",
)
@click.option(
    "--shard-ids",
    "shard_ids",
    callback=_shard_ids,
    default=None,
    metavar="0,1",
    help="The shards this process runs (default: shard_ids in config, else all).",
)
def run(
    config: Path | None,
    knowledge_path: Path | None,
    now: dt.datetime | None,
    shard_count: int | None,
    shard_ids: tuple[int, ...] | None,
) -> None:
    """Run the Discord bot (token from env DISCORD_TOKEN or token_file)."""
    settings = _settings(
        config,
        knowledge_path=knowledge_path,
        now=_date(now),
        shard_count=shard_count,
        shard_ids=shard_ids,
    )
    token = _token(settings)
    discord.utils.setup_logging(level=getattr(logging, settings.log_level))
    apply_endpoints(settings)
    try:
        asyncio.run(_run(settings, token))
    except KeyboardInterrupt:
        log.info("stopped")
    except Unreachable as exc:
        _fail(str(exc))
    except (aiohttp.ClientConnectorError, OSError) as exc:  # reachable at first, then not
        _fail(str(unreachable(settings.api_base_url, exc)))
    except discord.LoginFailure:
        _fail("Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN")
    except LoadError as exc:
        _fail(f"{exc}; run `capcom check` to list them", 1)
    except StoreError as exc:
        _fail(str(exc), 1)
    except discord.PrivilegedIntentsRequired:
        _fail(
            "the Message Content intent is not enabled for this bot: enable it in the "
            "Discord developer portal (Bot > Privileged Gateway Intents)"
        )


async def _run(settings: Settings, token: str) -> None:
    from bot.client import create_bot
    from bot.state import capcom_of

    await wait_for_discord(settings.api_base_url, settings.connect_retry_seconds)
    bot = create_bot(settings, freeze_gc=True)
    capcom_of(bot).charts.warm()  # the chart worker starts (and imports matplotlib) now
    async with bot:
        await bot.start(token)


@click.command()
@config_option
@click.option("--force", is_flag=True, help="Sync even if the definitions did not change.")
def sync(config: Path | None, force: bool) -> None:
    """Register the slash commands with Discord (globally, or to test_guild_ids)."""
    settings = _settings(config, sync_on_start=False)
    token = _token(settings)
    discord.utils.setup_logging(level=logging.WARNING)
    apply_endpoints(settings)
    try:
        results = asyncio.run(_sync(settings, token, force))
    except Unreachable as exc:
        _fail(str(exc))
    except (aiohttp.ClientConnectorError, OSError) as exc:
        _fail(str(unreachable(settings.api_base_url, exc)))
    except discord.LoginFailure:
        _fail("Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN")
    except LoadError as exc:
        _fail(f"{exc}; run `capcom check` to list them", 1)
    except StoreError as exc:
        _fail(str(exc), 1)
    except discord.HTTPException as exc:
        _fail(f"sync failed: {exc.status} {exc.text or ''}".strip(), 1)
    for result in results:
        click.echo(str(result))


async def _sync(settings: Settings, token: str, force: bool) -> list[Any]:
    from bot.client import create_bot
    from bot.state import capcom_of
    from bot.sync import sync_commands

    await wait_for_discord(settings.api_base_url, 0)  # one try: sync is run by hand
    bot = create_bot(settings)
    async with bot:
        await bot.login(token)  # runs setup_hook: loads the fact base, adds the commands
        return await sync_commands(bot, settings, capcom_of(bot).store, force=force)


def register(cli: click.Group) -> None:
    """Add `run` and `sync` to the capcom command group."""
    cli.add_command(run)
    cli.add_command(sync)
