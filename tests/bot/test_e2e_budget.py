"""One what-if budget per user across DMs, mentions, /ask and /whatif; look-ups never draw on it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.render import COLOURS
from tests.bot.conftest import Running
from tests.bot.test_e2e_whatif import whatif_bot
from tests.fake_discord.server import EPHEMERAL_FLAG, FakeDiscord

__all__ = ["whatif_bot"]

WHATIF = "what if CRS-35 slips 3 months?"


async def dm(fake: FakeDiscord, text: str, user: dict[str, Any] | None = None) -> dict[str, Any]:
    sent = await fake.dm(text, user=user)
    reply = await fake.wait_for_message(int(sent["channel_id"]), timeout=15)
    embed: dict[str, Any] = reply["embeds"][0]
    return embed


@pytest.mark.asyncio
async def test_dms_mentions_and_slash_commands_share_one_budget(
    fake_discord: FakeDiscord, whatif_bot: Running
) -> None:
    fake = fake_discord
    assert whatif_bot.capcom.settings.whatif_cooldown_uses == 2
    assert (await dm(fake, WHATIF))["color"] == COLOURS["whatif"]
    me = fake.bot_user
    mention = await fake.channel_message(f"<@{me['id']}> {WHATIF}", mentions=[me])
    answered = await fake.wait_for_message(int(mention["channel_id"]), timeout=15)
    assert answered["embeds"][0]["color"] == COLOURS["whatif"]
    # two what-ifs used: /ask, /whatif and another DM are told when to try again
    for name, options in (("ask", {"question": WHATIF}), ("whatif", {"question": WHATIF})):
        refused = await (await fake.slash(name, options)).response()
        assert refused["data"]["flags"] & EPHEMERAL_FLAG
        assert re.search(r"try again in \d+ s", refused["data"]["embeds"][0]["description"])
    told = await dm(fake, WHATIF)
    assert told["color"] == COLOURS["error"]
    assert re.search(r"try again in \d+ s", told["description"])
    # look-ups are not what-ifs: still answered at once, by every path
    assert (await dm(fake, "CRS-35"))["title"].startswith("CRS-35")
    asked = await (await fake.slash("ask", {"question": "CRS-35"})).final_message()
    assert asked["embeds"][0]["title"].startswith("CRS-35")
    # and someone else has a budget of their own
    other = fake.make_user("someone-else")
    assert (await dm(fake, WHATIF, other))["color"] == COLOURS["whatif"]
