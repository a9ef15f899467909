"""Dropped gateway, Discord errors on replies, and errors of our own, as a user sees them."""

from __future__ import annotations

import logging

import discord
import pytest
from discord import app_commands

from bot.errors import APOLOGY
from tests.bot.conftest import Running
from tests.fake_discord.server import EPHEMERAL_FLAG, FakeDiscord


@pytest.mark.asyncio
@pytest.mark.parametrize("code", [4000, None])
async def test_gateway_dropped_then_resumed(
    fake_discord: FakeDiscord, running: Running, code: int | None
) -> None:
    await fake_discord.drop_connection(code)
    sent = await fake_discord.dm("CRS-35")  # queued by the fake, replayed on RESUME
    await fake_discord.wait_for_resume()
    reply = await fake_discord.wait_for_message(int(sent["channel_id"]))
    assert reply["embeds"][0]["title"] == "CRS-35"
    handle = await fake_discord.slash("pad", {"name": "slc-40"})
    assert (await handle.final_message())["embeds"][0]["title"] == "SLC-40"
    assert (fake_discord.resumes, len(fake_discord.identifies)) == (1, 1)


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "retry_after"), [(500, None), (429, 0.01)])
async def test_failed_interaction_reply_is_retried_once(
    fake_discord: FakeDiscord, running: Running, status: int, retry_after: float | None
) -> None:
    fake_discord.fail_next("POST", r"/callback$", status, retry_after=retry_after)
    handle = await fake_discord.slash("mission", {"name": "crs-35"})
    message = await handle.final_message(timeout=10)
    assert message["embeds"][0]["title"] == "CRS-35"
    posts = [r for r in fake_discord.requests if r.path.endswith("/callback")]
    assert len(posts) == 2
    assert len(fake_discord.messages[handle.channel_id]) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "retry_after"), [(500, None), (429, 0.01)])
async def test_failed_dm_reply_is_retried_once(
    fake_discord: FakeDiscord, running: Running, status: int, retry_after: float | None
) -> None:
    fake_discord.fail_next("POST", r"^/channels/\d+/messages$", status, retry_after=retry_after)
    sent = await fake_discord.dm("CRS-35")
    channel = int(sent["channel_id"])
    reply = await fake_discord.wait_for_message(channel, timeout=10)
    assert reply["embeds"][0]["title"] == "CRS-35"
    posts = [r for r in fake_discord.requests if r.path == f"/channels/{channel}/messages"]
    assert len(posts) == 2
    assert [m["id"] for m in fake_discord.messages[channel]] == [reply["id"]]


@pytest.mark.asyncio
async def test_unexpected_error_is_logged_and_apologised_for(
    fake_discord: FakeDiscord, running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    @app_commands.command(name="boom", description="Fail on purpose.")
    async def boom(interaction: discord.Interaction, word: str) -> None:
        raise ZeroDivisionError("on purpose")

    running.bot.tree.add_command(boom)
    await running.bot.tree.sync()
    with caplog.at_level(logging.ERROR, logger="bot.errors"):
        handle = await fake_discord.slash("boom", {"word": "xyzzy"})
        body = await handle.response()
    assert body["data"]["flags"] & EPHEMERAL_FLAG
    assert body["data"]["embeds"][0]["description"] == APOLOGY
    [record] = [r for r in caplog.records if r.name == "bot.errors"]
    assert "(boom)" in record.getMessage()
    assert "'xyzzy'" in record.getMessage()
    assert f"user={fake_discord.user['id']}" in record.getMessage()
    assert [type(e) for e in running.capcom.unexpected] == [ZeroDivisionError]
    running.capcom.unexpected.clear()
