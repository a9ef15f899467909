"""Reloads across processes: two bots on shards 0 and 1 of 2 share a database; a reload in one
makes the other load the same base, and each change alert goes out once across the fleet.
/reload exists with status posts switched off."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from bot.schedule_settings import ScheduleSettings
from bot.slots import FakeClock
from commands.context import Options
from tests.bot.conftest import Running, settings_for
from tests.bot.databases import db_url
from tests.bot.test_e2e_reload import MOVED, edit, reloader_of
from tests.bot.test_e2e_schedule import START, kb_copy, posted, start
from tests.fake_discord.server import FakeDiscord, point_discord_py_at

__all__ = ["db_url", "kb_copy"]


@pytest.mark.asyncio
async def test_a_reload_in_one_process_reaches_the_other_and_alerts_once(
    db_url: str, tmp_path: Path, kb_copy: Path
) -> None:
    fake = FakeDiscord(guild_count=2, shard_count=2)
    await fake.start()
    restore = point_discord_py_at(fake)
    runs: list[Running] = []
    try:
        sched = ScheduleSettings(
            tick_seconds=3600, retry_wait_seconds=0, sighup_reload=False, reload_poll_seconds=0.05
        )
        for shard in (0, 1):
            settings = settings_for(
                fake,
                tmp_path / f"state-{shard}",
                knowledge_path=kb_copy,
                schedule=sched,
                database_url=db_url,
                shard_count=2,
                shard_ids=(shard,),
                stale_after_days=7,
                whatif_projection=False,
            )
            runs.append(await start(settings, FakeClock(START)))
        assert fake.sync_calls == 1  # the second process found the definitions synced
        store = runs[0].capcom.store
        channels = [g.channel_ids[0] for g in fake.guilds]
        for guild, cid in zip(fake.guilds, channels, strict=True):
            await store.subscribe(
                guild_id=guild.id,
                channel_id=cid,
                what="changes",
                schedule=None,
                tz="UTC",
                role_id=None,
                origin="slash",
                now=START - dt.timedelta(days=1),
            )
        on_shard = [
            next(c for g, c in zip(fake.guilds, channels, strict=True) if (g.id >> 22) % 2 == s)
            for s in (0, 1)
        ]
        other_old = runs[1].capcom.ctx
        edit(kb_copy, *MOVED)
        result = await reloader_of(runs[0]).reload()
        assert result.ok
        assert len(result.changes) == 1
        assert result.sent == 1  # its own shard's subscriber
        await fake.wait_until(lambda: all(posted(fake, c) for c in channels) or None, 5, "alerts")
        assert runs[1].capcom.ctx is not other_old
        # both processes keep the operator's answer options across the reload
        expected = Options(stale_after_days=7, whatif_projection=False)
        assert [run.capcom.ctx.options for run in runs] == [expected, expected]
        moved = runs[1].capcom.ctx.kb.missions["crs-35"]
        assert moved.schedule[-1].planned.start == dt.date(2026, 9, 30)
        for cid in on_shard:
            [alert] = posted(fake, cid)
            assert "CRS-35 moved" in alert["embeds"][0]["description"]
        reloads = await store.reloads_after(0)
        assert [r.requested_by for r in reloads] == [runs[0].capcom.store.owner]
        await asyncio.sleep(0.2)  # more polls: nothing is posted twice
        assert [len(posted(fake, c)) for c in channels] == [1, 1]
    finally:
        for run in runs:
            await run.stop()
        restore()
        await fake.stop()
    assert fake.errors == []


@pytest.mark.asyncio
async def test_reload_exists_with_status_posts_off(tmp_path: Path, kb_copy: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    restore = point_discord_py_at(fake)
    try:
        sched = ScheduleSettings(enabled=False, sighup_reload=False)
        settings = settings_for(fake, tmp_path / "state", knowledge_path=kb_copy, schedule=sched)
        run = await start(settings, FakeClock(START))
        try:
            assert "reload" in fake.commands
            assert "subscribe" not in fake.commands
            edit(kb_copy, *MOVED)
            handle = await fake.slash("reload")
            message = await handle.final_message()
            assert "1 change(s); 0 alert(s) posted" in message["embeds"][0]["description"]
            assert run.capcom.store is not None
            assert len(await run.capcom.store.changes_since(None)) == 1
        finally:
            await run.stop()
    finally:
        restore()
        await fake.stop()
    assert fake.errors == []
