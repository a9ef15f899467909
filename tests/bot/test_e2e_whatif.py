"""/whatif: a scenario answered with its chart attached as a PNG shown in the embed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

import knowledge
from bot.render import CHART_FILENAME, COLOURS
from commands.context import Context
from tests.bot.conftest import Running, settings_for, start_bot
from tests.fake_discord.server import FakeDiscord

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_BUNDLED: list[Context] = []


def bundled_context() -> Context:
    """The bundled fact base (what-ifs need the station's consumables and rates)."""
    if not _BUNDLED:
        try:
            _BUNDLED.append(Context.build(knowledge.load()))
        except knowledge.LoadError as exc:
            pytest.skip(f"the bundled fact base does not load right now ({exc})")
    return _BUNDLED[0]


@pytest_asyncio.fixture
async def whatif_bot(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[Running]:
    run = await start_bot(settings_for(fake_discord, tmp_path / "state"), bundled_context())
    try:
        yield run
    finally:
        await run.stop()


def chart_of(fake: FakeDiscord, message: dict[str, Any]) -> bytes:
    embed = message["embeds"][0]
    assert embed["image"]["url"] == f"attachment://{CHART_FILENAME}"
    [attachment] = message["attachments"]
    assert attachment["filename"] == CHART_FILENAME
    return fake.attachment_bytes[int(attachment["id"])]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "options",
    [
        {"question": "what if Progress MS-33 slips 6 months?"},
        {"mission": "progress-ms-33", "change": "delay", "amount": "6 months"},
    ],
)
async def test_whatif_with_chart(
    fake_discord: FakeDiscord, whatif_bot: Running, options: dict[str, str]
) -> None:
    handle = await fake_discord.slash("whatif", options)
    message = await handle.final_message(timeout=15)
    embed = message["embeds"][0]
    assert embed["color"] == COLOURS["whatif"], embed
    assert "Progress MS-33" in embed["title"] + embed.get("description", "")
    assert chart_of(fake_discord, message).startswith(PNG_MAGIC)


@pytest.mark.asyncio
async def test_whatif_chart_from_commands_chart(
    fake_discord: FakeDiscord, whatif_bot: Running
) -> None:
    handle = await fake_discord.slash("whatif", {"question": "what if CRS-35 is cancelled?"})
    message = await handle.final_message(timeout=15)
    assert chart_of(fake_discord, message).startswith(PNG_MAGIC)
