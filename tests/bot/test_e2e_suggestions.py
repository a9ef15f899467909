""" "Did you mean" buttons: the asker's click answers the choice, others are refused, timeout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.render import COLOURS
from bot.views import NOT_YOURS
from tests.bot.conftest import Running, settings_for, start_bot
from tests.fake_discord.server import EPHEMERAL_FLAG, FakeDiscord

Json = dict[str, Any]


def buttons(message: Json) -> dict[str, Json]:
    return {c["label"]: c for row in message["components"] for c in row["components"]}


@pytest.mark.asyncio
async def test_click_answers_the_chosen_record(fake_discord: FakeDiscord, running: Running) -> None:
    handle = await fake_discord.slash("mission", {"name": "cr"})
    message = await handle.final_message()
    assert message["embeds"][0]["color"] == COLOURS["suggestions"]
    choices = buttons(message)
    assert set(choices) == {"CRS-35", "Crew-12"}
    assert len(choices) <= 5

    click = await fake_discord.click(message, choices["Crew-12"]["custom_id"])
    assert (await click.response())["type"] == 7  # the message itself is updated
    assert message["embeds"][0]["title"] == "Crew-12"
    assert message["components"] == []


@pytest.mark.asyncio
async def test_click_by_someone_else_is_refused(
    fake_discord: FakeDiscord, running: Running
) -> None:
    handle = await fake_discord.slash("mission", {"name": "cr"})
    message = await handle.final_message()
    other = fake_discord.make_user("someone-else")
    click = await fake_discord.click(message, buttons(message)["CRS-35"]["custom_id"], user=other)
    body = await click.response()
    assert body["type"] == 4
    assert body["data"]["flags"] & EPHEMERAL_FLAG
    assert body["data"]["embeds"][0]["description"] == NOT_YOURS
    assert message["embeds"][0]["color"] == COLOURS["suggestions"]  # unchanged
    mine = await fake_discord.click(message, buttons(message)["CRS-35"]["custom_id"])
    await mine.response()
    assert message["embeds"][0]["title"] == "CRS-35"


@pytest.mark.asyncio
async def test_dm_suggestions_click(fake_discord: FakeDiscord, running: Running) -> None:
    sent = await fake_discord.dm("jane")
    message = await fake_discord.wait_for_message(int(sent["channel_id"]))
    click = await fake_discord.click(message, buttons(message)["Jane Doe"]["custom_id"])
    await click.response()
    assert message["embeds"][0]["title"] == "Jane Doe"


@pytest.mark.asyncio
async def test_buttons_are_disabled_on_timeout(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    settings = settings_for(fake_discord, tmp_path / "state", view_timeout_seconds=0.2)
    run = await start_bot(settings)
    try:
        handle = await fake_discord.slash("mission", {"name": "cr"})
        message = await handle.final_message()
        assert not any(b.get("disabled") for b in buttons(message).values())
        await fake_discord.wait_until(
            lambda: all(b.get("disabled") for b in buttons(message).values()),
            what="buttons disabled",
        )
        assert message["embeds"][0]["color"] == COLOURS["suggestions"]
    finally:
        await run.stop()
