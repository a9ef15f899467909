"""A flood of what-ifs from one account never delays another user's answers.

Through the fake Discord: user A sends 100 what-if DMs in 10 s while user B asks look-ups
one after another. B's p99 reply time stays within 2x its unloaded p99, measured in the same
test in interleaved rounds (so a machine that gets busier or quieter during the test moves
both the same way); A gets an answer or a rate-limit reply to every message, never silence.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.bot.conftest import Running, settings_for, start_bot
from tests.bot.test_e2e_whatif import bundled_context
from tests.fake_discord.server import FakeDiscord, point_discord_py_at

WHATIF = "what if Progress MS-33 slips 6 months?"
LOOKUPS = ("CRS-35", "Cygnus", "progress ms-33", "Site 31/6", "artemiev", "soyuz ms")
FLOOD = 100  # what-ifs from A ...
FLOOD_SECONDS = 10.0  # ... over this long
ROUNDS = 4  # the flood is split into this many loaded rounds, each after an unloaded one
# B's pace: with A's replies, within Discord's 50 requests/s per bot (the fake enforces it)
LOOKUPS_PER_SECOND = 30


def p99(samples: list[float]) -> float:
    """The 99th percentile (interpolated)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


@pytest_asyncio.fixture
async def quick_fake() -> AsyncIterator[FakeDiscord]:
    """The fake Discord without checking bodies against the OpenAPI spec (the other e2e tests
    do): its checks run on the test's event loop and would be most of what A's flood costs
    there, which a real Discord does not put on the bot's loop."""
    fake = FakeDiscord(validate=False)
    await fake.start()
    restore = point_discord_py_at(fake)
    try:
        yield fake
    finally:
        restore()
        await fake.stop()
    assert fake.errors == [], f"fake Discord rejected requests: {fake.errors}"


@pytest_asyncio.fixture
async def flood_bot(quick_fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[Running]:
    run = await start_bot(settings_for(quick_fake, tmp_path / "state"), bundled_context())
    run.capcom.charts.warm().result(timeout=60)  # as `capcom run` does at start
    try:
        yield run
    finally:
        await run.stop()


async def ask(fake: FakeDiscord, user: dict[str, Any], text: str) -> tuple[float, dict[str, Any]]:
    """Send a DM as user and wait for the reply: (seconds, reply)."""
    start = time.perf_counter()
    sent = await fake.dm(text, user=user)
    reply = await fake.wait_for_message(int(sent["channel_id"]), timeout=30)
    return time.perf_counter() - start, reply


async def lookups_for(fake: FakeDiscord, user: dict[str, Any], seconds: float) -> list[float]:
    """B's look-ups, one after another (at most LOOKUPS_PER_SECOND), for seconds: reply times."""
    times: list[float] = []
    end = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < end:
        took, reply = await ask(fake, user, LOOKUPS[i % len(LOOKUPS)])
        assert reply["embeds"][0]["color"] != 0xC0392B, reply  # an answer, not an error
        times.append(took)
        i += 1
        await asyncio.sleep(max(0.0, 1 / LOOKUPS_PER_SECOND - took))
    return times


async def flood(fake: FakeDiscord, user: dict[str, Any], count: int, seconds: float) -> None:
    """A's what-ifs, evenly spread over seconds, sent without waiting for replies."""
    for _ in range(count):
        await fake.dm(WHATIF, user=user)
        await asyncio.sleep(seconds / count)


@pytest.mark.asyncio
async def test_a_what_if_flood_does_not_delay_another_users_lookups(
    quick_fake: FakeDiscord, flood_bot: Running
) -> None:
    fake = quick_fake
    a, b = fake.make_user("flooder"), fake.make_user("asker")
    await lookups_for(fake, b, 1.0)  # warm-up: first replies build caches
    quiet: list[float] = []
    loaded: list[float] = []
    per_round = FLOOD // ROUNDS
    round_seconds = FLOOD_SECONDS / ROUNDS
    for _ in range(ROUNDS):
        quiet += await lookups_for(fake, b, round_seconds)
        flooding = asyncio.create_task(flood(fake, a, per_round, round_seconds))
        loaded += await lookups_for(fake, b, round_seconds)
        await flooding
    assert min(len(quiet), len(loaded)) >= 100, (len(quiet), len(loaded))
    ratio = p99(loaded) / p99(quiet)
    summary = (
        f"B's reply time p99 {p99(loaded) * 1000:.1f} ms under the flood vs"
        f" {p99(quiet) * 1000:.1f} ms without ({ratio:.2f}x); medians"
        f" {statistics.median(loaded) * 1000:.1f} / {statistics.median(quiet) * 1000:.1f} ms;"
        f" {len(loaded)} / {len(quiet)} samples"
    )
    print(summary)
    assert ratio <= 2.0, summary

    # every one of A's what-ifs was answered: a few worked out, the rest told to wait
    dm_a = fake._dm_channels[int(a["id"])]

    def all_answered() -> bool | None:
        return len(fake.messages.get(dm_a, [])) >= FLOOD or None

    await fake.wait_until(all_answered, 30, "a reply to each of A's what-ifs")
    replies = fake.messages[dm_a]
    worked = [m for m in replies if m["embeds"][0]["color"] == 0x7B4FB8]
    refused = [m for m in replies if "try again" in m["embeds"][0].get("description", "")]
    assert len(replies) == FLOOD
    assert len(worked) + len(refused) == FLOOD
    assert 1 <= len(worked) <= 5  # the budget: 2 per 20 s, refilling during the flood
    print(f"A: {len(worked)} what-ifs worked out, {len(refused)} rate-limit replies")
