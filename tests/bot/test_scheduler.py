"""The post log and the scheduler loop with a fake clock: exactly once, failures, survival."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.schedule_settings import ScheduleSettings
from bot.scheduler import ALERT_BUILD_ERROR, BUILD_ERROR, Scheduler, SendError
from bot.slots import FakeClock
from bot.store import MIGRATIONS, Store, Subscription
from commands.changes import Change
from commands.context import Context
from commands.reply import Reply
from commands.status import digest
from tests.bot.conftest import fixture_context

UTC = dt.UTC
CHANNEL = 111


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=UTC)


class Outbox:
    """A fake send(): records posts; fails on demand."""

    def __init__(self) -> None:
        self.posts: list[tuple[int, Reply, int | None]] = []
        self.failures: list[SendError] = []

    async def __call__(self, channel_id: int, reply: Reply, role_id: int | None) -> int:
        if self.failures:
            raise self.failures.pop(0)
        self.posts.append((channel_id, reply, role_id))
        return len(self.posts)


SETTINGS = ScheduleSettings(retry_wait_seconds=0, max_failures=2, grace_minutes=120)


def make(
    tmp_path: Path, clock: FakeClock, outbox: Outbox, name: str = "a", **kw: object
) -> Scheduler:
    store = Store.in_folder(tmp_path, owner=name)
    return Scheduler(store, SETTINGS, fixture_context, outbox, clock, **kw)  # type: ignore[arg-type]


def subscribe(store: Store, now: dt.datetime, **kw: object) -> Subscription:
    values: dict[str, object] = {
        "guild_id": 1,
        "channel_id": CHANNEL,
        "what": "both",
        "schedule": "daily 08:00",
        "tz": "Europe/Berlin",
        "role_id": None,
        "origin": "slash",
        "now": now,
    }
    values.update(kw)
    return store.subscribe(**values)  # type: ignore[arg-type]


def test_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    first = Store.in_folder(tmp_path)
    assert first.version == len(MIGRATIONS)
    mode = first.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    first.close()
    again = Store.in_folder(tmp_path)
    assert again.version == len(MIGRATIONS)


def test_claim_is_unique_per_slot_and_per_change(tmp_path: Path) -> None:
    a, b = Store.in_folder(tmp_path, owner="a"), Store.in_folder(tmp_path, owner="b")
    sub = subscribe(a, utc(2026, 1, 1))
    slot = utc(2026, 1, 2, 7)
    assert a.claim_slot(sub.id, slot, utc(2026, 1, 2, 7)) is not None
    assert b.claim_slot(sub.id, slot, utc(2026, 1, 2, 7)) is None
    assert b.claim_change(sub.id, "c1", utc(2026, 1, 2)) is not None
    assert a.claim_change(sub.id, "c1", utc(2026, 1, 2)) is None


@pytest.mark.asyncio
async def test_post_at_the_slot_once(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 14, 12)), Outbox()
    sched = make(tmp_path, clock, outbox)
    subscribe(sched.store, clock.now())
    assert (await sched.tick()).sent == 0  # 08:00 Berlin on the 14th was before subscribing
    clock.set(utc(2026, 1, 15, 7, 0, 5))  # 08:00:05 in Berlin
    assert (await sched.tick()).sent == 1
    assert (await sched.tick()).sent == 0
    clock.advance(dt.timedelta(minutes=30))
    assert (await sched.tick()).sent == 0
    assert len(outbox.posts) == 1
    assert outbox.posts[0][1].title.startswith("ISS logistics digest")


@pytest.mark.asyncio
async def test_catch_up_after_downtime_posts_only_the_latest_slot(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 1, 12)), Outbox()
    sched = make(tmp_path, clock, outbox)
    sub = subscribe(sched.store, clock.now(), tz="UTC")
    clock.set(utc(2026, 1, 5, 9))  # slots on the 2nd..5th all passed; the 5th is within grace
    assert (await sched.tick()).sent == 1
    assert [p.slot for p in sched.store.posts(sub.id)] == [utc(2026, 1, 5, 8)]
    clock.set(utc(2026, 1, 9, 12))  # down again; back 4 h after the 9th's slot: beyond grace
    report = await sched.tick()
    assert (report.sent, report.missed) == (0, 1)
    assert sched.store.posts(sub.id)[-1].status == "missed"
    assert len(outbox.posts) == 1


@pytest.mark.asyncio
async def test_restart_between_claim_and_send_does_not_resend(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    first = make(tmp_path, clock, outbox)
    sub = subscribe(first.store, clock.now(), tz="UTC")
    slot = utc(2026, 1, 2, 8)
    assert first.store.claim_slot(sub.id, slot, slot) is not None  # ... and the process died
    first.store.close()
    clock.set(utc(2026, 1, 2, 8, 1))
    restarted = make(tmp_path, clock, outbox, name="b")
    report = await restarted.tick()
    assert (report.sent, report.skipped) == (0, 1)
    assert outbox.posts == []
    assert restarted.store.last_post(sub.id).status == "claimed"  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_two_racing_loops_post_once(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    a, b = make(tmp_path, clock, outbox, "a"), make(tmp_path, clock, outbox, "b")
    subscribe(a.store, clock.now(), tz="UTC")
    clock.set(utc(2026, 1, 2, 8))
    reports = await asyncio.gather(*(loop.tick() for loop in (a, b, a, b)))
    assert sum(r.sent for r in reports) == 1
    assert len(outbox.posts) == 1


@pytest.mark.asyncio
async def test_transient_errors_are_retried_and_delivered_once(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    sched = make(tmp_path, clock, outbox)
    sub = subscribe(sched.store, clock.now(), tz="UTC")
    outbox.failures = [SendError("500", transient=True), SendError("429", transient=True)]
    clock.set(utc(2026, 1, 2, 8))
    assert (await sched.tick()).sent == 1
    assert len(outbox.posts) == 1
    assert sched.store.last_post(sub.id).status == "sent"  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_permanent_errors_mark_failing_then_pause(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    sched = make(tmp_path, clock, outbox)
    sub = subscribe(sched.store, clock.now(), tz="UTC")
    outbox.failures = [SendError("403 Forbidden", transient=False)]
    clock.set(utc(2026, 1, 2, 8))
    assert (await sched.tick()).failed == 1
    failing = sched.store.subscription(sub.id)
    assert failing is not None
    assert (failing.failures, failing.paused, failing.last_error) == (1, False, "403 Forbidden")
    outbox.failures = [SendError("403 Forbidden", transient=False)]
    clock.set(utc(2026, 1, 3, 8))  # retried on the next slot, fails again: paused (max 2)
    assert (await sched.tick()).failed == 1
    paused = sched.store.subscription(sub.id)
    assert paused is not None
    assert paused.paused
    clock.set(utc(2026, 1, 4, 8))
    assert (await sched.tick()).sent == 0  # paused: not posted, and it says so
    sched.store.set_paused(sub.id, False)
    clock.set(utc(2026, 1, 5, 8))
    assert (await sched.tick()).sent == 1


@pytest.mark.asyncio
async def test_a_crashing_digest_builder_does_not_kill_the_loop(tmp_path: Path) -> None:
    calls = 0

    def broken(
        ctx: Context,
        now: dt.datetime,
        since: dt.datetime | None,
        days: int,
        changes: Sequence[Change],
    ) -> Reply:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("boom")
        return digest(ctx, now, since, days, changes)

    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    sched = make(tmp_path, clock, outbox, build_digest=broken)
    sub = subscribe(sched.store, clock.now(), tz="UTC")
    sched = Scheduler(
        sched.store,
        ScheduleSettings(tick_seconds=3600, retry_wait_seconds=0),
        fixture_context,
        outbox,
        clock,
        build_digest=broken,
    )
    clock.set(utc(2026, 1, 2, 8))
    sched.start()
    sched.start()  # started once
    await asyncio.wait_for(_until(lambda: sched.ticks >= 1), 5)
    assert sched.store.last_post(sub.id).status == "failed"  # type: ignore[union-attr]
    clock.set(utc(2026, 1, 3, 8))
    sched.poke()
    await asyncio.wait_for(_until(lambda: sched.ticks >= 2), 5)
    assert sched.running
    assert len(outbox.posts) == 1
    await sched.stop()


@pytest.mark.asyncio
async def test_a_digest_that_fails_to_build_is_our_error_not_the_channels(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(
        ctx: Context,
        now: dt.datetime,
        since: dt.datetime | None,
        days: int,
        changes: Sequence[Change],
    ) -> Reply:
        raise RuntimeError("boom")

    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    sched = make(tmp_path, clock, outbox, build_digest=broken)  # max_failures=2
    sub = subscribe(sched.store, clock.now(), tz="UTC")
    for day in (2, 3, 4):  # more failed builds than max_failures
        clock.set(utc(2026, 1, day, 8))
        report = await sched.tick()
        assert (report.errors, report.failed, report.sent) == (1, 0, 0)
    after = sched.store.subscription(sub.id)
    assert after is not None
    assert (after.failures, after.paused, after.last_error) == (0, False, None)
    last = sched.store.last_post(sub.id)
    assert last is not None
    assert (last.status, last.detail) == ("failed", BUILD_ERROR)
    logged = [r for r in caplog.records if r.exc_info and "building the digest" in r.getMessage()]
    assert len(logged) == 3
    assert f"subscription {sub.id}" in logged[-1].getMessage()
    assert "2026-01-04T08:00:00+00:00" in logged[-1].getMessage()
    assert outbox.posts == []


@pytest.mark.asyncio
async def test_change_alerts_once_per_subscriber(tmp_path: Path) -> None:
    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    sched = make(tmp_path, clock, outbox)
    subscribe(sched.store, clock.now(), what="changes", schedule=None)
    subscribe(sched.store, clock.now(), channel_id=222, what="both")
    subscribe(sched.store, clock.now(), channel_id=333, what="digest")
    change = Change("abc", "schedule", "crs-35", "CRS-35 moved from November 2026 to August 2026.")
    first = await sched.post_changes([change])
    again = await sched.post_changes([change])
    assert (first.sent, again.sent, again.skipped) == (2, 0, 2)
    assert sorted(p[0] for p in outbox.posts) == [CHANNEL, 222]
    # the next digest lists the change seen on the reload
    clock.set(utc(2026, 1, 2, 7, 1))
    await sched.tick()
    digests = [p[1] for p in outbox.posts if p[1].title.startswith("ISS")]
    assert any("CRS-35 moved" in f.value for d in digests for f in d.fields)


@pytest.mark.asyncio
async def test_a_change_alert_that_fails_to_build_is_recorded_not_left_claimed(
    tmp_path: Path,
) -> None:
    class Broken(Change):
        def reply(self, kb: object) -> Reply:
            raise RuntimeError("boom")

    clock, outbox = FakeClock(utc(2026, 1, 1)), Outbox()
    sched = make(tmp_path, clock, outbox)
    sub = subscribe(sched.store, clock.now(), what="changes", schedule=None)
    broken = Broken("abc", "schedule", "crs-35", "CRS-35 moved.")
    fine = Change("def", "schedule", "crs-36", "CRS-36 moved.")
    report = await sched.post_changes([broken, fine])
    assert (report.errors, report.sent, report.failed) == (1, 1, 0)
    first, second = sched.store.posts(sub.id)
    assert (first.status, first.detail) == ("failed", ALERT_BUILD_ERROR)
    assert second.status == "sent"
    after = sched.store.subscription(sub.id)
    assert after is not None
    assert (after.failures, after.paused) == (0, False)


async def _until(predicate: object) -> None:
    while not predicate():  # type: ignore[operator]
        await asyncio.sleep(0)
