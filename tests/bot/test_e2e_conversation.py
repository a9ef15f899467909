"""Direct messages and mentions, answered like /ask; nothing the bot sends can ping."""

from __future__ import annotations

import pytest

from bot.render import COLOURS
from tests.bot.conftest import Running
from tests.fake_discord.server import FakeDiscord


@pytest.mark.asyncio
async def test_dm_question_is_answered(fake_discord: FakeDiscord, running: Running) -> None:
    sent = await fake_discord.dm("when does CRS-35 launch?")
    reply = await fake_discord.wait_for_message(int(sent["channel_id"]))
    assert reply["embeds"][0]["title"] == "CRS-35"
    assert reply["embeds"][0]["color"] == COLOURS["answer"]
    assert "guild_id" not in reply


@pytest.mark.asyncio
async def test_mention_is_answered_and_other_messages_ignored(
    fake_discord: FakeDiscord, running: Running
) -> None:
    channel = fake_discord.guilds[0].channel_ids[0]
    await fake_discord.channel_message("CRS-35 is late again")  # not for the bot
    bot_id = fake_discord.bot_user["id"]
    mention = await fake_discord.channel_message(
        f"<@{bot_id}> tell me about Jane Doe", mentions=[fake_discord.bot_user]
    )
    reply = await fake_discord.wait_for_message(channel)
    assert reply["embeds"][0]["title"] == "Jane Doe"
    assert str(reply["message_reference"]["message_id"]) == mention["id"]
    assert reply["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert len(fake_discord.messages[channel]) == 1  # the first message got no answer


@pytest.mark.asyncio
async def test_10000_character_dm(fake_discord: FakeDiscord, running: Running) -> None:
    sent = await fake_discord.dm("CRS-35 " * 1430)
    reply = await fake_discord.wait_for_message(int(sent["channel_id"]))
    embed = reply["embeds"][0]
    assert embed["color"] == COLOURS["error"]
    assert "too long" in embed["title"].lower()


@pytest.mark.asyncio
async def test_everyone_in_a_question_pings_nobody(
    fake_discord: FakeDiscord, running: Running
) -> None:
    bot_id = fake_discord.bot_user["id"]
    channel = fake_discord.guilds[0].channel_ids[0]
    await fake_discord.channel_message(
        f"<@{bot_id}> @everyone @here <@{fake_discord.user['id']}> CRS-35?",
        mentions=[fake_discord.bot_user, fake_discord.user],
    )
    reply = await fake_discord.wait_for_message(channel)
    assert reply["embeds"][0]["title"] == "CRS-35"
    assert reply["allowed_mentions"]["parse"] == []
    assert reply["allowed_mentions"].get("replied_user") is False
    assert reply["content"] == ""
    assert not reply["mention_everyone"]
    assert reply["mentions"] == []
