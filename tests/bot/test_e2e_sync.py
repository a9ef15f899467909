"""Start -> READY -> commands synced; a second start with the same definitions does not sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bot.conftest import settings_for, start_bot
from tests.fake_discord.server import FakeDiscord

EXPECTED = {
    "ask", "mission", "vehicle", "pad", "crew", "compare", "upcoming", "timeline", "whatif",
    "about", "help", "subscribe", "unsubscribe", "subscriptions", "reload", "sources",
}  # fmt: skip


@pytest.mark.asyncio
async def test_start_syncs_once_then_not_again(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    settings = settings_for(fake_discord, tmp_path / "state")
    first = await start_bot(settings)
    await first.stop()
    assert fake_discord.sync_calls == 1
    assert set(fake_discord.commands) == EXPECTED
    assert fake_discord.commands["mission"]["options"][0]["autocomplete"] is True
    assert (tmp_path / "state" / "command-sync.json").exists()

    second = await start_bot(settings)
    await second.stop()
    assert fake_discord.sync_calls == 1
    assert len(fake_discord.identifies) == 2


@pytest.mark.asyncio
async def test_test_guilds_get_their_own_sync(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    guild = fake_discord.guilds[0].id
    settings = settings_for(fake_discord, tmp_path / "state", test_guild_ids=(guild,))
    run = await start_bot(settings)
    try:
        assert fake_discord.commands == {}
        assert set(fake_discord.guild_commands[guild]) == EXPECTED
        handle = await fake_discord.slash("about")
        assert (await handle.final_message())["embeds"][0]["title"].startswith("capcom")
    finally:
        await run.stop()
    again = await start_bot(settings)
    await again.stop()
    assert fake_discord.sync_calls == 1


@pytest.mark.asyncio
async def test_shard_settings_run_an_auto_sharded_bot(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    from discord.ext import commands

    settings = settings_for(fake_discord, tmp_path / "state", shard_count=1, shard_ids=(0,))
    run = await start_bot(settings)
    try:
        assert isinstance(run.bot, commands.AutoShardedBot)
        assert fake_discord.identifies[0]["shard"] == [0, 1]
        handle = await fake_discord.slash("mission", {"name": "crs-35"})
        assert (await handle.final_message())["embeds"][0]["title"] == "CRS-35"
    finally:
        await run.stop()
