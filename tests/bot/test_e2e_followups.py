"""Follow-ups in Discord: per user and channel, expiring on the clock; "More" shows the card."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.render import COLOURS
from bot.slots import FakeClock
from bot.views import MORE_LABEL
from commands.understand.thresholds import CONVERSATION_TTL_SECONDS
from tests.bot.conftest import Running
from tests.fake_discord.server import FakeDiscord

Json = dict[str, Any]
START = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)


def buttons(message: Json) -> dict[str, Json]:
    return {c["label"]: c for row in message.get("components") or [] for c in row["components"]}


async def ask_dm(fake: FakeDiscord, text: str, user: Json | None = None) -> Json:
    sent = await fake.dm(text, user=user)
    return await fake.wait_for_message(int(sent["channel_id"]))


@pytest.mark.asyncio
async def test_dm_follow_up_refers_to_the_last_answer(
    fake_discord: FakeDiscord, running: Running
) -> None:
    running.capcom.clock = FakeClock(START)
    first = await ask_dm(fake_discord, "crew-12")
    assert first["embeds"][0]["title"] == "Crew-12"
    follow = await ask_dm(fake_discord, "who is flying on it?")
    assert follow["embeds"][0]["title"] == "Crew-12"
    assert "Jane Doe" in follow["embeds"][0]["description"]


@pytest.mark.asyncio
async def test_follow_up_without_context_asks_and_expires(
    fake_discord: FakeDiscord, running: Running
) -> None:
    clock = FakeClock(START)
    running.capcom.clock = clock
    alone = await ask_dm(fake_discord, "and when does it launch?")
    assert alone["embeds"][0]["color"] == COLOURS["suggestions"]
    assert alone["embeds"][0]["title"] == "What are you referring to?"

    await ask_dm(fake_discord, "CRS-35")
    clock.advance(dt.timedelta(seconds=CONVERSATION_TTL_SECONDS + 1))
    late = await ask_dm(fake_discord, "and when does it launch?")
    assert late["embeds"][0]["title"] == "What are you referring to?"


@pytest.mark.asyncio
async def test_conversations_are_per_user(fake_discord: FakeDiscord, running: Running) -> None:
    running.capcom.clock = FakeClock(START)
    await ask_dm(fake_discord, "CRS-35")
    other = fake_discord.make_user("someone-else")
    theirs = await ask_dm(fake_discord, "when does it launch?", user=other)
    assert theirs["embeds"][0]["title"] == "What are you referring to?"
    mine = await ask_dm(fake_discord, "when does it launch?")
    assert mine["embeds"][0]["title"] == "CRS-35"


@pytest.mark.asyncio
async def test_more_button_shows_the_whole_card(
    fake_discord: FakeDiscord, running: Running
) -> None:
    message = await ask_dm(fake_discord, "CRS-35")
    brief = message["embeds"][0]
    more = buttons(message)[MORE_LABEL]
    click = await fake_discord.click(message, more["custom_id"])
    assert (await click.response())["type"] == 7  # the message itself is updated
    full = message["embeds"][0]
    assert full["title"] == "CRS-35"
    names = {f["name"] for f in full.get("fields", [])}
    assert "Schedule history" in names
    assert "Schedule history" not in {f["name"] for f in brief.get("fields", [])}
    assert message["components"] == []
