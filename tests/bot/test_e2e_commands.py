"""Every slash command as a user sees it: embeds, autocomplete, errors and cooldowns."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.render import COLOURS
from tests.bot.conftest import Running
from tests.fake_discord.server import EPHEMERAL_FLAG, FakeDiscord

Json = dict[str, Any]


async def answer_of(fake: FakeDiscord, name: str, options: Json | None = None) -> Json:
    handle = await fake.slash(name, options)
    message = await handle.final_message()
    assert len(message["embeds"]) == 1
    embed: Json = message["embeds"][0]
    return embed


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("command", "value", "title"),
    [
        ("mission", "crs-35", "CRS-35"),
        ("mission", "CRS 35", "CRS-35"),
        ("vehicle", "cargo-dragon", "Cargo Dragon"),
        ("pad", "slc-40", "SLC-40"),
        ("crew", "jane-doe", "Jane Doe"),
        ("timeline", "crs-35", "Timeline: CRS-35"),
    ],
)
async def test_record_commands(
    fake_discord: FakeDiscord, running: Running, command: str, value: str, title: str
) -> None:
    embed = await answer_of(fake_discord, command, {"name": value})
    assert embed["title"] == title
    assert embed["color"] == COLOURS["answer"]
    assert "As of" in embed["footer"]["text"]


@pytest.mark.asyncio
async def test_mission_shows_dates_as_discord_timestamps(
    fake_discord: FakeDiscord, running: Running
) -> None:
    embed = await answer_of(fake_discord, "mission", {"name": "crs-35"})
    shown = embed.get("description", "") + "".join(f["value"] for f in embed.get("fields", []))
    assert re.search(r"<t:\d+:D>", shown)
    assert "15 January 2026" not in shown
    assert "August 2026" in shown  # month precision stays text


@pytest.mark.asyncio
async def test_ask_compare_upcoming_about(fake_discord: FakeDiscord, running: Running) -> None:
    assert (await answer_of(fake_discord, "ask", {"question": "when does CRS-35 launch?"}))[
        "title"
    ] == "CRS-35"
    compared = await answer_of(
        fake_discord, "compare", {"first": "cargo-dragon", "second": "falcon-9"}
    )
    assert "Dragon" in compared["title"] or "Dragon" in str(compared.get("fields"))
    upcoming = await answer_of(fake_discord, "upcoming", {"count": 5})
    assert upcoming["title"].startswith("Upcoming")
    about = await answer_of(fake_discord, "about")
    assert about["title"].startswith("capcom")
    assert "2026-01-15" in about["description"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("command", "option", "partial", "expected"),
    [
        ("mission", "name", "cr", {"crs-35", "crew-12"}),
        ("vehicle", "name", "drag", {"cargo-dragon"}),
        ("pad", "name", "slc", {"slc-40"}),
        ("crew", "name", "", {"jane-doe"}),
        ("compare", "first", "f", {"falcon-9"}),
        ("whatif", "mission", "crs", {"crs-35"}),
        ("timeline", "name", "x" * 300, set()),
    ],
)
async def test_autocomplete_choices_are_valid(
    fake_discord: FakeDiscord,
    running: Running,
    command: str,
    option: str,
    partial: str,
    expected: set[str],
) -> None:
    choices = await fake_discord.autocomplete(command, {option: partial})
    assert len(choices) <= 25
    assert expected <= {c["value"] for c in choices}
    for choice in choices:
        assert 1 <= len(choice["name"]) <= 100
        assert 1 <= len(choice["value"]) <= 100
        assert running.capcom.ctx.kb.get(choice["value"]) is not None


@pytest.mark.asyncio
async def test_user_error_is_ephemeral(fake_discord: FakeDiscord, running: Running) -> None:
    handle = await fake_discord.slash("ask", {"question": "   "})
    body = await handle.response()
    assert body["data"]["flags"] & EPHEMERAL_FLAG
    assert body["data"]["embeds"][0]["color"] == COLOURS["error"]


@pytest.mark.asyncio
async def test_whatif_without_arguments_is_an_ephemeral_error(
    fake_discord: FakeDiscord, running: Running
) -> None:
    handle = await fake_discord.slash("whatif", {})
    body = await handle.response()
    assert body["data"]["flags"] & EPHEMERAL_FLAG
    assert "mission and a change" in body["data"]["embeds"][0]["description"]


@pytest.mark.asyncio
async def test_whatif_cooldown_per_user(fake_discord: FakeDiscord, running: Running) -> None:
    question = {"question": "what if CRS-35 slips 3 months?"}
    for _ in range(running.capcom.settings.whatif_cooldown_uses):
        await (await fake_discord.slash("whatif", question)).final_message()
    refused = await (await fake_discord.slash("whatif", question)).response()
    assert refused["data"]["flags"] & EPHEMERAL_FLAG
    assert re.search(r"try again in \d+ s", refused["data"]["embeds"][0]["description"])
    other = fake_discord.make_user("someone-else")
    allowed = await (await fake_discord.slash("whatif", question, user=other)).response()
    assert "try again" not in str(allowed["data"]["embeds"][0].get("description"))


@pytest.mark.asyncio
async def test_allowed_mentions_none_on_every_reply(
    fake_discord: FakeDiscord, running: Running
) -> None:
    await answer_of(fake_discord, "ask", {"question": "@everyone when does CRS-35 launch?"})
    bodies = [
        r.json.get("data", r.json)
        for r in fake_discord.requests
        if r.method == "POST" and "/callback" in r.path
    ]
    assert bodies
    for body in bodies:
        assert body["allowed_mentions"] == {"parse": []}
