"""The post log and the scheduler loop with a fake clock, on both backends: exactly once,
failures, survival, shards, and finishing what a stopped process claimed (nonce, then the
channel's history)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import pytest
import pytest_asyncio

from bot.schedule_settings import ScheduleSettings
from bot.scheduler import (
    ALERT_BUILD_ERROR,
    BUILD_ERROR,
    NONCE_LENGTH,
    Scheduler,
    SendError,
    post_nonce,
    slot_key,
)
from bot.shards import Shards
from bot.slots import FakeClock
from bot.store import Store, Subscription, open_url
from commands.changes import Change
from commands.context import Context
from commands.reply import Reply
from commands.status import digest
from tests.bot.conftest import fixture_context
from tests.bot.databases import db_url

__all__ = ["db_url"]
UTC = dt.UTC
CHANNEL = 111


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=UTC)


@dataclass
class Message:
    id: int
    channel_id: int
    reply: Reply
    role_id: int | None
    nonce: str


class Outbox:
    """A fake Discord for send() and find(): records posts, fails on demand, and honours
    enforce_nonce like Discord (the same nonce returns the message already created) until
    `forget_nonces()` ends the de-duplication window."""

    def __init__(self) -> None:
        self.posts: list[Message] = []
        self.failures: list[SendError] = []
        self.sends = 0
        self.finds = 0
        self._nonces: dict[str, int] = {}

    async def __call__(self, channel_id: int, reply: Reply, role_id: int | None, nonce: str) -> int:
        self.sends += 1
        if self.failures:
            raise self.failures.pop(0)
        if nonce in self._nonces:
            return self._nonces[nonce]
        msg = Message(len(self.posts) + 1, channel_id, reply, role_id, nonce)
        self.posts.append(msg)
        self._nonces[nonce] = msg.id
        return msg.id

    async def find(self, channel_id: int, marker: str, after: dt.datetime) -> int | None:
        self.finds += 1
        for msg in self.posts:
            if msg.channel_id == channel_id and msg.nonce == marker:
                return msg.id
        return None

    def forget_nonces(self) -> None:
        self._nonces.clear()


SETTINGS = ScheduleSettings(retry_wait_seconds=0, max_failures=2, grace_minutes=120)


@pytest_asyncio.fixture
async def open_stores(db_url: str) -> AsyncIterator[list[Store]]:
    """Stores opened by a test on one fresh database (closed afterwards)."""
    opened: list[Store] = []
    yield opened
    for store in opened:
        await store.close()


class World:
    """One database, one fake Discord and one clock, and schedulers (processes) on them."""

    def __init__(self, url: str, opened: list[Store]) -> None:
        self.url = url
        self.opened = opened
        self.clock = FakeClock(utc(2026, 1, 1))
        self.outbox = Outbox()

    async def process(
        self, name: str = "a", settings: ScheduleSettings = SETTINGS, **kw: object
    ) -> Scheduler:
        store = await open_url(self.url, owner=name)
        self.opened.append(store)
        sched = Scheduler(
            store,
            settings,
            fixture_context,
            self.outbox,
            self.clock,
            find=self.outbox.find,
            **kw,  # type: ignore[arg-type]
        )
        await store.heartbeat(sched.shards, started_at=self.clock.now())
        return sched


@pytest_asyncio.fixture
async def world(db_url: str, open_stores: list[Store]) -> World:
    return World(db_url, open_stores)


async def subscribe(store: Store, now: dt.datetime, **kw: object) -> Subscription:
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
    return await store.subscribe(**values)  # type: ignore[arg-type]


def test_nonces_are_deterministic_short_and_distinct() -> None:
    def sub(sid: int, channel: int) -> Subscription:
        return Subscription(
            sid,
            1,
            channel,
            "both",
            "daily 08:00",
            "UTC",
            None,
            "slash",
            utc(2026, 1, 1),
            None,
            0,
            False,
            None,
        )

    slot = utc(2026, 1, 2, 8)
    nonce = post_nonce(sub(1, 10), slot_key(slot))
    assert nonce == post_nonce(
        sub(1, 10), slot_key(slot.astimezone(dt.timezone(dt.timedelta(hours=2))))
    )
    assert len(nonce) == NONCE_LENGTH
    others = {
        post_nonce(sub(2, 10), slot_key(slot)),
        post_nonce(sub(1, 11), slot_key(slot)),
        post_nonce(sub(1, 10), slot_key(slot + dt.timedelta(days=1))),
        post_nonce(sub(1, 10), "change:abc"),
    }
    assert nonce not in others
    assert len(others) == 4


@pytest.mark.asyncio
async def test_post_at_the_slot_once(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    clock.set(utc(2026, 1, 14, 12))
    sched = await world.process()
    await subscribe(sched.store, clock.now())
    assert (await sched.tick()).sent == 0  # 08:00 Berlin on the 14th was before subscribing
    clock.set(utc(2026, 1, 15, 7, 0, 5))  # 08:00:05 in Berlin
    assert (await sched.tick()).sent == 1
    assert (await sched.tick()).sent == 0
    clock.advance(dt.timedelta(minutes=30))
    assert (await sched.tick()).sent == 0
    assert len(outbox.posts) == 1
    assert outbox.posts[0].reply.title.startswith("ISS logistics digest")


@pytest.mark.asyncio
async def test_catch_up_after_downtime_posts_only_the_latest_slot(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    clock.set(utc(2026, 1, 1, 12))
    sched = await world.process()
    sub = await subscribe(sched.store, clock.now(), tz="UTC")
    clock.set(utc(2026, 1, 5, 9))  # slots on the 2nd..5th all passed; the 5th is within grace
    assert (await sched.tick()).sent == 1
    assert [p.slot for p in await sched.store.posts(sub.id)] == [utc(2026, 1, 5, 8)]
    clock.set(utc(2026, 1, 9, 12))  # down again; back 4 h after the 9th's slot: beyond grace
    report = await sched.tick()
    assert (report.sent, report.missed) == (0, 1)
    assert (await sched.store.posts(sub.id))[-1].status == "missed"
    assert (await sched.tick()).missed == 0  # logged once
    assert len(outbox.posts) == 1


@pytest.mark.asyncio
async def test_two_racing_processes_post_once(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    a, b = await world.process("a"), await world.process("b")
    await subscribe(a.store, clock.now(), tz="UTC")
    clock.set(utc(2026, 1, 2, 8))
    reports = await asyncio.gather(*(loop.tick() for loop in (a, b, a, b)))
    assert sum(r.sent for r in reports) == 1
    assert outbox.sends == 1


@pytest.mark.asyncio
async def test_each_process_posts_only_for_its_shards(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    processes = [await world.process(f"p{i}", shards=Shards(3, (i,))) for i in range(3)]
    guilds = [(1000 + i) << 22 for i in range(9)]
    for i, guild in enumerate(guilds):
        await subscribe(
            processes[0].store, clock.now(), guild_id=guild, channel_id=200 + i, tz="UTC"
        )
    clock.set(utc(2026, 1, 2, 8))
    reports = await asyncio.gather(*(p.tick() for p in processes))
    assert [r.sent for r in reports] == [3, 3, 3]
    assert sorted(m.channel_id for m in outbox.posts) == list(range(200, 209))
    for p in processes:
        for post_sub in await p.store.subscriptions(shards=p.shards):
            (post,) = await p.store.posts(post_sub.id)
            assert post.claimed_by == p.store.owner  # posted by the process owning the guild


@pytest.mark.asyncio
async def test_a_claim_left_by_a_live_process_is_not_taken(world: World) -> None:
    clock = world.clock
    a, b = await world.process("a"), await world.process("b")
    sub = await subscribe(a.store, clock.now(), tz="UTC")
    slot = utc(2026, 1, 2, 8)
    assert await a.store.claim_slot(sub.id, slot, slot, post_nonce(sub, slot_key(slot)))
    clock.set(slot)
    report = await b.tick()
    assert (report.sent, report.skipped) == (0, 1)
    assert world.outbox.sends == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("created", [False, True], ids=["died-before-create", "died-after-create"])
async def test_a_crash_mid_send_is_finished_with_the_same_nonce(
    world: World, created: bool
) -> None:
    clock, outbox = world.clock, world.outbox
    first = await world.process("a")
    sub = await subscribe(first.store, clock.now(), tz="UTC")
    slot = utc(2026, 1, 2, 8)
    nonce = post_nonce(sub, slot_key(slot))
    assert await first.store.claim_slot(sub.id, slot, slot, nonce)
    if created:  # Discord created the message; the process died before hearing back
        await outbox(sub.channel_id, Reply(kind="answer", title="t", text="x"), None, nonce)
    await first.store.leave()  # ... or stopped heartbeating: the same after the lease
    clock.set(slot + dt.timedelta(minutes=1))
    restarted = await world.process("b")
    report = await restarted.tick()
    assert (report.sent, report.recovered) == (1, 0)
    assert outbox.finds == 0  # within the window the nonce alone prevents a duplicate
    assert [m.nonce for m in outbox.posts] == [nonce]
    (post,) = await restarted.store.posts(sub.id)
    assert (post.status, post.message_id, post.claimed_by) == ("sent", 1, "b")
    assert (await restarted.tick()).sent == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("created", [False, True], ids=["not-in-channel", "in-channel"])
async def test_past_the_nonce_window_the_channel_is_read_before_sending(
    world: World, created: bool
) -> None:
    clock, outbox = world.clock, world.outbox
    no_window = ScheduleSettings(retry_wait_seconds=0, grace_minutes=120, nonce_window_seconds=0)
    first = await world.process("a", no_window)
    sub = await subscribe(first.store, clock.now(), tz="UTC")
    slot = utc(2026, 1, 2, 8)
    nonce = post_nonce(sub, slot_key(slot))
    assert await first.store.claim_slot(sub.id, slot, slot, nonce)
    if created:
        await outbox(sub.channel_id, Reply(kind="answer", title="t", text="x"), None, nonce)
    outbox.forget_nonces()  # Discord's de-duplication window has passed
    await first.store.leave()
    clock.set(slot + dt.timedelta(minutes=30))
    restarted = await world.process("b", no_window)
    report = await restarted.tick()
    assert outbox.finds == 1
    assert (report.sent, report.recovered) == ((0, 1) if created else (1, 0))
    assert [m.nonce for m in outbox.posts] == [nonce]
    (post,) = await restarted.store.posts(sub.id)
    assert (post.status, post.message_id) == ("sent", 1)


@pytest.mark.asyncio
@pytest.mark.parametrize("created", [False, True])
async def test_a_claim_found_after_its_grace_is_only_looked_for(
    world: World, created: bool
) -> None:
    clock, outbox = world.clock, world.outbox
    first = await world.process("a")
    sub = await subscribe(first.store, clock.now(), tz="UTC")
    slot = utc(2026, 1, 2, 8)
    nonce = post_nonce(sub, slot_key(slot))
    assert await first.store.claim_slot(sub.id, slot, slot, nonce)
    if created:
        await outbox(sub.channel_id, Reply(kind="answer", title="t", text="x"), None, nonce)
    await first.store.leave()
    clock.set(slot + dt.timedelta(hours=5))  # grace is 2 h
    restarted = await world.process("b")
    report = await restarted.tick()
    assert (report.sent, report.recovered, report.missed) == ((0, 1, 0) if created else (0, 0, 1))
    assert len(outbox.posts) == int(created)
    post = (await restarted.store.posts(sub.id))[0]
    assert post.status == ("sent" if created else "missed")


@pytest.mark.asyncio
async def test_two_processes_finishing_one_claim_send_once(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    first = await world.process("a")
    sub = await subscribe(first.store, clock.now(), what="changes", schedule=None)
    change = Change("abc", "schedule", "crs-35", "CRS-35 moved.")
    await first.store.remember_changes(
        [("abc", "crs-35", "schedule", "CRS-35 moved.", ())], clock.now()
    )
    assert await first.store.claim_change(sub.id, "abc", clock.now(), post_nonce(sub, "change:abc"))
    await first.store.leave()
    b, c = await world.process("b"), await world.process("c")
    reports = await asyncio.gather(b.tick(), c.tick())
    assert sum(r.sent for r in reports) == 1
    assert outbox.sends == 1
    assert outbox.posts[0].reply.text == change.text


@pytest.mark.asyncio
async def test_transient_errors_are_retried_and_delivered_once(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    sched = await world.process()
    sub = await subscribe(sched.store, clock.now(), tz="UTC")
    outbox.failures = [SendError("500", transient=True), SendError("429", transient=True)]
    clock.set(utc(2026, 1, 2, 8))
    assert (await sched.tick()).sent == 1
    assert len(outbox.posts) == 1
    assert outbox.sends == 3
    assert len({m.nonce for m in outbox.posts}) == 1
    last = await sched.store.last_post(sub.id)
    assert last is not None
    assert last.status == "sent"


@pytest.mark.asyncio
async def test_permanent_errors_mark_failing_then_pause(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    sched = await world.process()
    sub = await subscribe(sched.store, clock.now(), tz="UTC")
    outbox.failures = [SendError("403 Forbidden", transient=False)]
    clock.set(utc(2026, 1, 2, 8))
    assert (await sched.tick()).failed == 1
    failing = await sched.store.subscription(sub.id)
    assert failing is not None
    assert (failing.failures, failing.paused, failing.last_error) == (1, False, "403 Forbidden")
    outbox.failures = [SendError("403 Forbidden", transient=False)]
    clock.set(utc(2026, 1, 3, 8))  # retried on the next slot, fails again: paused (max 2)
    assert (await sched.tick()).failed == 1
    paused = await sched.store.subscription(sub.id)
    assert paused is not None
    assert paused.paused
    clock.set(utc(2026, 1, 4, 8))
    assert (await sched.tick()).sent == 0  # paused: not posted, and it says so
    await sched.store.set_paused(sub.id, False)
    clock.set(utc(2026, 1, 5, 8))
    assert (await sched.tick()).sent == 1


@pytest.mark.asyncio
async def test_a_crashing_digest_builder_does_not_kill_the_loop(world: World) -> None:
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

    clock, outbox = world.clock, world.outbox
    settings = ScheduleSettings(tick_seconds=3600, retry_wait_seconds=0)
    sched = await world.process("a", settings, build_digest=broken)
    sub = await subscribe(sched.store, clock.now(), tz="UTC")
    clock.set(utc(2026, 1, 2, 8))
    await sched.start()
    await sched.start()  # started once
    await asyncio.wait_for(_until(lambda: sched.ticks >= 1), 5)
    last = await sched.store.last_post(sub.id)
    assert last is not None
    assert last.status == "failed"
    clock.set(utc(2026, 1, 3, 8))
    sched.poke()
    await asyncio.wait_for(_until(lambda: sched.ticks >= 2), 5)
    assert sched.running
    assert len(outbox.posts) == 1
    await sched.stop()
    assert sched.store.owner not in {i.id for i in await sched.store.instances()}


@pytest.mark.asyncio
async def test_a_digest_that_fails_to_build_is_our_error_not_the_channels(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(
        ctx: Context,
        now: dt.datetime,
        since: dt.datetime | None,
        days: int,
        changes: Sequence[Change],
    ) -> Reply:
        raise RuntimeError("boom")

    clock, outbox = world.clock, world.outbox
    sched = await world.process(build_digest=broken)  # max_failures=2
    sub = await subscribe(sched.store, clock.now(), tz="UTC")
    for day in (2, 3, 4):  # more failed builds than max_failures
        clock.set(utc(2026, 1, day, 8))
        report = await sched.tick()
        assert (report.errors, report.failed, report.sent) == (1, 0, 0)
    after = await sched.store.subscription(sub.id)
    assert after is not None
    assert (after.failures, after.paused, after.last_error) == (0, False, None)
    last = await sched.store.last_post(sub.id)
    assert last is not None
    assert (last.status, last.detail) == ("failed", BUILD_ERROR)
    logged = [r for r in caplog.records if r.exc_info and "building the digest" in r.getMessage()]
    assert len(logged) == 3
    assert f"subscription {sub.id}" in logged[-1].getMessage()
    assert "2026-01-04T08:00:00+00:00" in logged[-1].getMessage()
    assert outbox.posts == []


@pytest.mark.asyncio
async def test_change_alerts_once_per_subscriber(world: World) -> None:
    clock, outbox = world.clock, world.outbox
    sched = await world.process()
    await subscribe(sched.store, clock.now(), what="changes", schedule=None)
    await subscribe(sched.store, clock.now(), channel_id=222, what="both")
    await subscribe(sched.store, clock.now(), channel_id=333, what="digest")
    change = Change("abc", "schedule", "crs-35", "CRS-35 moved from November 2026 to August 2026.")
    first = await sched.post_changes([change])
    again = await sched.post_changes([change])
    assert (first.sent, again.sent, again.skipped) == (2, 0, 2)
    assert sorted(m.channel_id for m in outbox.posts) == [CHANNEL, 222]
    # the next digest lists the change seen on the reload
    clock.set(utc(2026, 1, 2, 7, 1))
    await sched.tick()
    digests = [m.reply for m in outbox.posts if m.reply.title.startswith("ISS")]
    assert any("CRS-35 moved" in f.value for d in digests for f in d.fields)


@pytest.mark.asyncio
async def test_changes_recorded_by_another_process_skip_newer_subscriptions(
    world: World,
) -> None:
    clock, outbox = world.clock, world.outbox
    sched = await world.process()
    await subscribe(sched.store, clock.now(), what="changes", schedule=None)
    await sched.store.remember_changes(
        [("abc", "crs-35", "schedule", "CRS-35 moved.", ())], clock.now()
    )
    clock.advance(dt.timedelta(hours=1))
    await subscribe(sched.store, clock.now(), channel_id=222, what="changes", schedule=None)
    report = await sched.post_recorded_changes(await sched.store.changes(["abc"]))
    assert report.sent == 1
    assert [m.channel_id for m in outbox.posts] == [CHANNEL]


@pytest.mark.asyncio
async def test_a_change_alert_that_fails_to_build_is_recorded_not_left_claimed(
    world: World,
) -> None:
    class Broken(Change):
        def reply(self, kb: object) -> Reply:
            raise RuntimeError("boom")

    clock = world.clock
    sched = await world.process()
    sub = await subscribe(sched.store, clock.now(), what="changes", schedule=None)
    broken = Broken("abc", "schedule", "crs-35", "CRS-35 moved.")
    fine = Change("def", "schedule", "crs-36", "CRS-36 moved.")
    report = await sched.post_changes([broken, fine])
    assert (report.errors, report.sent, report.failed) == (1, 1, 0)
    first, second = await sched.store.posts(sub.id)
    assert (first.status, first.detail) == ("failed", ALERT_BUILD_ERROR)
    assert second.status == "sent"
    after = await sched.store.subscription(sub.id)
    assert after is not None
    assert (after.failures, after.paused) == (0, False)


async def _until(predicate: object) -> None:
    while not predicate():  # type: ignore[operator]
        await asyncio.sleep(0.01)
