"""/metrics and /healthz of a running bot: interactions, latency, posts, shard latency."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import aiohttp
import pytest

from bot.schedule_settings import ScheduleSettings
from bot.slots import FakeClock
from tests.bot.conftest import settings_for
from tests.bot.test_e2e_schedule import START, ephemeral_text, posts_of, start
from tests.fake_discord.fixtures import fake_discord
from tests.fake_discord.server import FakeDiscord

__all__ = ["fake_discord"]


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as resp:
        return resp.status, await resp.text()


@pytest.mark.asyncio
async def test_metrics_and_health(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    sched = ScheduleSettings(tick_seconds=3600, retry_wait_seconds=0, sighup_reload=False)
    settings = settings_for(fake, tmp_path / "state", metrics_port=0, schedule=sched)
    clock = FakeClock(START)
    run = await start(settings, clock)
    try:
        metrics = run.capcom.metrics
        assert metrics is not None
        assert metrics.port
        base = f"http://127.0.0.1:{metrics.port}"
        status, body = await get(f"{base}/healthz")
        assert status == 200
        assert '"ready": true' in body
        assert '"database": "ok"' in body
        await (await fake.slash("about")).final_message()
        cid = fake.guilds[0].channel_ids[0]
        options = {"channel": cid, "what": "digest", "schedule": "daily 07:00"}
        await ephemeral_text(await fake.slash("subscribe", options))
        clock.set(dt.datetime(2026, 1, 15, 7, tzinfo=dt.UTC))
        assert (await posts_of(run).scheduler.tick()).sent == 1
        status, text = await get(f"{base}/metrics")
        assert status == 200
        assert 'capcom_interactions_total{type="command"} 2.0' in text
        assert 'capcom_interaction_seconds_count{command="about",outcome="ok"} 1.0' in text
        assert 'capcom_posts_total{kind="digest",outcome="sent"} 1.0' in text
        assert "capcom_last_reload_timestamp_seconds 0.0" in text
        assert 'capcom_shard_latency_seconds{shard="0"}' in text
    finally:
        await run.stop()
    assert run.capcom.metrics is not None
    with pytest.raises(aiohttp.ClientConnectionError):
        await get(f"http://127.0.0.1:{run.capcom.metrics.port}/healthz")
