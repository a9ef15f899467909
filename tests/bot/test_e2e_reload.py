"""Fact-base reloads outside /reload, end to end: SIGHUP and the file watch validate, swap the
context and post one alert per `changes` subscriber; a bad base is refused."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.reload import Reloader
from bot.schedule_settings import ScheduleSettings
from bot.slots import FakeClock
from tests.bot.conftest import Running, settings_for
from tests.bot.test_e2e_schedule import (
    START,
    assert_every_body_validated,
    ephemeral_text,
    kb_copy,
    posted,
    start,
)
from tests.fake_discord.fixtures import fake_discord
from tests.fake_discord.server import FakeDiscord

__all__ = ["fake_discord", "kb_copy"]
MOVED = ("planned: NET 2026-08", "planned: 2026-09-30")


@pytest_asyncio.fixture
async def three_channels(
    fake_discord: FakeDiscord, tmp_path: Path, kb_copy: Path, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[FakeDiscord, Running, list[int]]]:
    """The bot with sighup reloads (and the watch, if parametrised) and three channels:
    changes only, digests and changes, digests only."""
    fake = fake_discord
    channels = [fake.guilds[0].channel_ids[0], fake.add_channel(), fake.add_channel()]
    watch: dict[str, Any] = getattr(request, "param", {})
    sched = ScheduleSettings(tick_seconds=3600, retry_wait_seconds=0, sighup_reload=True, **watch)
    settings = settings_for(fake, tmp_path / "state", knowledge_path=kb_copy, schedule=sched)
    run = await start(settings, FakeClock(START))
    try:
        for cid, what in zip(channels, ("changes", "both", "digest"), strict=True):
            options = {"channel": cid, "what": what, "schedule": "daily 07:00"}
            await ephemeral_text(await fake.slash("subscribe", options))
        yield fake, run, channels
    finally:
        await run.stop()
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL, "the handler outlived the bot"
    assert_every_body_validated(fake)


def edit(kb: Path, old: str, new: str) -> None:
    missions = kb / "missions.yaml"
    missions.write_text(missions.read_text().replace(old, new, 1), encoding="utf-8")


async def alerts(fake: FakeDiscord, channels: list[int]) -> None:
    """Wait for the alert in each `changes` channel."""
    await fake.wait_until(lambda: all(posted(fake, c) for c in channels) or None, 5, "alerts")


async def until(predicate: Any) -> None:
    while not predicate():
        await asyncio.sleep(0)


def reloader_of(run: Running) -> Reloader:
    reloader = run.capcom.reloader
    assert reloader is not None
    return reloader


def sighup(reloader: Reloader) -> None:
    """SIGHUP this test process: safe only while the bot's handler is installed on the loop."""
    assert reloader._sighup, "the SIGHUP handler is not installed"
    os.kill(os.getpid(), signal.SIGHUP)


@pytest.mark.asyncio
async def test_sighup_reload_swaps_the_base_and_alerts_each_changes_subscriber(
    three_channels: tuple[FakeDiscord, Running, list[int]], kb_copy: Path
) -> None:
    fake, run, (changes_only, both, digest_only) = three_channels
    posts = reloader_of(run)
    old = run.capcom.ctx
    edit(kb_copy, *MOVED)
    sighup(posts)
    await alerts(fake, [changes_only, both])
    assert run.capcom.ctx is not old
    for cid in (changes_only, both):
        [alert] = posted(fake, cid)
        assert alert["embeds"][0]["title"] == "Schedule change"
        assert "CRS-35 moved from NET August 2026 to" in alert["embeds"][0]["description"]
    assert posted(fake, digest_only) == []
    answer = await (await fake.slash("mission", {"name": "crs-35"})).final_message()
    sept_30 = int(dt.datetime(2026, 9, 30, 12, tzinfo=dt.UTC).timestamp())  # dates at noon UTC
    assert f"planned for <t:{sept_30}:D>" in answer["embeds"][0]["description"]
    # the same base again: nothing new to announce
    swapped = run.capcom.ctx
    sighup(posts)
    await asyncio.wait_for(until(lambda: run.capcom.ctx is not swapped), 5)
    assert [len(posted(fake, c)) for c in (changes_only, both, digest_only)] == [1, 1, 0]


@pytest.mark.asyncio
async def test_sighup_with_a_bad_base_is_refused_and_logged(
    three_channels: tuple[FakeDiscord, Running, list[int]],
    kb_copy: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake, run, channels = three_channels
    old = run.capcom.ctx
    edit(kb_copy, "status: planned", "status: sideways")
    sighup(reloader_of(run))

    def refused() -> bool:
        return any("reload refused" in r.getMessage() for r in caplog.records)

    await asyncio.wait_for(until(refused), 5)
    [record] = [r for r in caplog.records if "reload refused" in r.getMessage()]
    assert "missions.yaml:" in record.getMessage()
    assert run.capcom.ctx is old
    assert all(posted(fake, c) == [] for c in channels)
    answer = await (await fake.slash("mission", {"name": "crs-35"})).final_message()
    assert answer["embeds"][0]["title"] == "CRS-35"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "three_channels", [{"watch_knowledge": True, "watch_seconds": 0.01}], indirect=True
)
async def test_file_watch_reloads_on_change(
    three_channels: tuple[FakeDiscord, Running, list[int]], kb_copy: Path
) -> None:
    fake, run, (changes_only, both, digest_only) = three_channels
    reloader = reloader_of(run)
    watch = next(t for t in reloader._tasks if t.get_name() == "capcom-kb-watch")
    assert not watch.done()
    edit(kb_copy, *MOVED)
    await alerts(fake, [changes_only, both])
    assert posted(fake, digest_only) == []
    assert "CRS-35 moved" in posted(fake, both)[0]["embeds"][0]["description"]
    assert not watch.done()  # it keeps watching
