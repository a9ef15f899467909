"""The state store, one suite for both backends (SQLite and PostgreSQL): migrations under a
lock, atomic claims and take-overs, shards, heartbeats, the reload log, command syncs, the
shared request rate; and a first-release SQLite file migrating in place."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.migrations import LATEST, MIGRATIONS
from bot.shards import Shards
from bot.store import Store, Subscription, open_url, utc
from tests.bot.databases import db_url

__all__ = ["db_url"]
UTC = dt.UTC
NOW = dt.datetime(2026, 1, 15, 7, tzinfo=UTC)
FIRST_RELEASE = Path(__file__).parent / "fixtures" / "state-first-release.sql"
LEASE = dt.timedelta(seconds=10)


@pytest_asyncio.fixture
async def stores(db_url: str) -> AsyncIterator[tuple[Store, Store]]:
    """Two processes' connections to one fresh database."""
    a = await open_url(db_url, owner="a")
    b = await open_url(db_url, owner="b")
    try:
        yield a, b
    finally:
        await a.close()
        await b.close()


async def subscribe(store: Store, guild: int = 1, channel: int = 10, **kw: object) -> Subscription:
    values: dict[str, object] = {
        "guild_id": guild,
        "channel_id": channel,
        "what": "both",
        "schedule": "daily 08:00",
        "tz": "UTC",
        "role_id": None,
        "origin": "slash",
        "now": NOW,
    }
    values.update(kw)
    return await store.subscribe(**values)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_migrations_are_versioned_and_applied_once(db_url: str) -> None:
    first = await open_url(db_url, owner="a", migrate=False)
    try:
        assert await first.version() == 0
        assert await first.migrate() == [m.version for m in MIGRATIONS]
        assert await first.version() == LATEST
        assert await first.migrate() == []
    finally:
        await first.close()


@pytest.mark.asyncio
async def test_processes_starting_together_migrate_once(db_url: str) -> None:
    stores = [await open_url(db_url, owner=f"p{i}", migrate=False) for i in range(4)]
    try:
        applied = await asyncio.gather(*(s.migrate() for s in stores))
        assert sorted(v for versions in applied for v in versions) == [
            m.version for m in MIGRATIONS
        ]
        assert {await s.version() for s in stores} == {LATEST}
    finally:
        for s in stores:
            await s.close()


@pytest.mark.asyncio
async def test_claims_are_unique_per_slot_and_per_change(stores: tuple[Store, Store]) -> None:
    a, b = stores
    sub = await subscribe(a)
    slot = dt.datetime(2026, 1, 16, 8, tzinfo=UTC)
    assert await a.claim_slot(sub.id, slot, NOW, "n1") is not None
    assert await b.claim_slot(sub.id, slot, NOW, "n1") is None
    assert await b.claim_change(sub.id, "c1", NOW, "n2") is not None
    assert await a.claim_change(sub.id, "c1", NOW, "n2") is None
    assert await a.logged_slots([slot, NOW]) == {(sub.id, slot)}


@pytest.mark.asyncio
async def test_racing_claims_from_two_processes_give_one_winner(
    stores: tuple[Store, Store],
) -> None:
    a, b = stores
    subs = [await subscribe(a, channel=100 + i) for i in range(10)]
    slot = dt.datetime(2026, 1, 16, 8, tzinfo=UTC)
    tries = [s.claim_slot(sub.id, slot, NOW, f"n{sub.id}") for sub in subs for s in (a, b, a, b)]
    won = [pid for pid in await asyncio.gather(*tries) if pid is not None]
    assert len(won) == len(set(won)) == 10


@pytest.mark.asyncio
async def test_subscribe_replaces_and_keeps_the_start_when_the_schedule_is_the_same(
    stores: tuple[Store, Store],
) -> None:
    a, _ = stores
    first = await subscribe(a, role_id=5)
    later = NOW + dt.timedelta(days=1)
    again = await subscribe(a, role_id=6, now=later)
    assert (again.id, again.role_id, again.created_at) == (first.id, 6, first.created_at)
    moved = await subscribe(a, schedule="daily 09:00", now=later)
    assert moved.created_at == later
    changes_only = await subscribe(a, what="changes", schedule=None, now=later)
    assert (changes_only.schedule, changes_only.digests) == (None, False)
    await a.sync_config(
        [
            {
                "guild_id": 2,
                "channel_id": 20,
                "what": "changes",
                "schedule": None,
                "tz": "UTC",
                "role_id": None,
            }
        ],
        NOW,
    )
    assert [(s.channel_id, s.origin) for s in await a.subscriptions()] == [
        (10, "slash"),
        (20, "config"),
    ]
    await a.sync_config([], NOW)
    assert [s.channel_id for s in await a.subscriptions()] == [10]


@pytest.mark.asyncio
async def test_subscriptions_of_some_shards(stores: tuple[Store, Store]) -> None:
    a, _ = stores
    guilds = [(1234567890 << 22) + (i << 22) + 7 for i in range(9)]  # shards 0, 1, 2, 0, ...
    for i, guild in enumerate(guilds):
        await subscribe(a, guild=guild, channel=500 + i)
    shards = Shards(3, (1,))
    mine = await a.subscriptions(shards=shards)
    assert [s.guild_id for s in mine] == [g for g in guilds if (g >> 22) % 3 == 1]
    assert all(shards.owns(s.guild_id) for s in mine)
    assert len(await a.subscriptions(shards=Shards(3, (0, 2)))) == 6
    assert len(await a.subscriptions(shards=Shards(3))) == 9  # all shards in this process
    assert Shards(3, (0,)).owns(None)  # DMs are on shard 0
    assert not Shards(3, (1,)).owns(None)


@pytest.mark.asyncio
async def test_outcomes_are_marked_only_by_the_claim_holder(stores: tuple[Store, Store]) -> None:
    a, b = stores
    sub = await subscribe(a)
    pid = await a.claim_slot(sub.id, NOW, NOW, "n1")
    assert pid is not None
    assert not await b.mark_sent(pid, NOW, 1)
    assert not await b.mark_failed(pid, NOW, "403", 3)
    assert await a.mark_failed(pid, NOW, "403 Forbidden", 1)  # paused at the first failure
    after = await a.subscription(sub.id)
    assert after is not None
    assert (after.failures, after.paused, after.last_error) == (1, True, "403 Forbidden")
    assert not await a.mark_sent(pid, NOW, 1)  # finished: the outcome stays
    post = await a.post(pid)
    assert post is not None
    assert (post.status, post.detail) == ("failed", "403 Forbidden")
    await a.set_paused(sub.id, False)
    resumed = await a.subscription(sub.id)
    assert resumed is not None
    assert (resumed.paused, resumed.failures) == (False, 0)


@pytest.mark.asyncio
async def test_claims_of_a_silent_process_are_taken_over_by_one_other(
    stores: tuple[Store, Store], db_url: str
) -> None:
    a, b = stores
    sub = await subscribe(a)
    await a.heartbeat(Shards(), started_at=NOW)
    pid = await a.claim_slot(sub.id, NOW, NOW, "n1")
    assert pid is not None
    assert await b.abandoned(Shards(), LEASE) == []  # a is alive
    await a.leave()  # a stopped
    (post,) = await b.abandoned(Shards(), LEASE)
    assert (post.id, post.claimed_by, post.nonce) == (pid, "a", "n1")
    assert post.attempt_at is not None
    assert abs((post.attempt_at - utc(dt.datetime.now(UTC))).total_seconds()) < 60
    c = await open_url(db_url, owner="c")
    try:
        results = await asyncio.gather(b.take_over(post), c.take_over(post))
        assert sorted(results) == [False, True]
        holder = b if results[0] else c
        assert not await a.mark_sent(pid, NOW, 1)  # the old holder cannot finish it any more
        assert await holder.mark_sent(pid, NOW, 2)
    finally:
        await c.close()
    assert await b.abandoned(Shards(), LEASE) == []


@pytest.mark.asyncio
async def test_only_claims_on_our_shards_and_with_a_nonce_are_abandoned(
    stores: tuple[Store, Store],
) -> None:
    a, b = stores
    on0, on1 = (
        await subscribe(a, guild=3 << 22, channel=1),
        await subscribe(a, guild=4 << 22, channel=2),
    )
    await a.claim_slot(on0.id, NOW, NOW, "n0")
    await a.claim_slot(on1.id, NOW, NOW, "n1")
    await a.claim_slot(on1.id, NOW + dt.timedelta(days=1), NOW, None)  # first-release claim
    assert [p.nonce for p in await b.abandoned(Shards(3, (0,)), LEASE)] == ["n0"]
    assert [p.nonce for p in await b.abandoned(Shards(3, (1,)), LEASE)] == ["n1"]


@pytest.mark.asyncio
async def test_the_reload_log(stores: tuple[Store, Store]) -> None:
    a, b = stores
    assert await a.latest_reload() is None
    refused = await a.record_reload(
        base_digest="d0",
        as_of=None,
        ok=False,
        detail="missions.yaml:3: bad",
        change_ids=(),
        origin="sighup",
        now=NOW,
    )
    ok = await a.record_reload(
        base_digest="d1",
        as_of="2026-01-14",
        ok=True,
        detail=None,
        change_ids=["c1", "c2"],
        origin="command",
        now=NOW,
    )
    latest = await b.latest_reload()
    assert latest is not None
    assert (latest.id, latest.base_digest, latest.change_ids, latest.requested_by) == (
        ok,
        "d1",
        ("c1", "c2"),
        "a",
    )
    last = await b.latest_reload(ok_only=False)
    assert last is not None
    assert last.id == ok > refused
    assert [r.id for r in await b.reloads_after(0)] == [ok]
    assert [r.id for r in await b.reloads_after(ok)] == []
    assert [r.id for r in await b.reloads_since(NOW - dt.timedelta(hours=1))] == [ok]
    await a.remember_changes([("c2", "crs-35", "schedule", "moved", ("s1",))], NOW)
    await a.remember_changes([("c1", "crs-36", "status", "done", ())], NOW)
    assert [c.id for c in await b.changes(["c1", "c2", "nope"])] == ["c1", "c2"]
    assert [c.id for c in await b.changes_since(NOW - dt.timedelta(seconds=1))] == ["c1", "c2"]
    assert await b.changes_since(NOW) == []


@pytest.mark.asyncio
async def test_command_sync_is_claimed_once_per_definitions(stores: tuple[Store, Store]) -> None:
    a, b = stores
    stale = dt.timedelta(minutes=5)
    results = await asyncio.gather(
        a.claim_sync("app/global", "h1", stale), b.claim_sync("app/global", "h1", stale)
    )
    assert sorted(results) == [False, True]
    winner, loser = (a, b) if results[0] else (b, a)
    await winner.finish_sync("app/global", "h1", ok=False)  # failed: released
    assert await loser.claim_sync("app/global", "h1", stale)
    await loser.finish_sync("app/global", "h1", ok=True)
    assert await winner.sync_done("app/global", "h1")
    assert not await winner.claim_sync("app/global", "h1", stale)
    assert not await winner.sync_done("app/global", "h2")
    assert await winner.claim_sync("app/global", "h2", stale)
    assert not await loser.claim_sync("app/global", "h2", stale)
    assert await loser.claim_sync("app/global", "h2", dt.timedelta(seconds=-1))  # stale claim


@pytest.mark.asyncio
async def test_request_turns_are_spaced_fleet_wide(stores: tuple[Store, Store]) -> None:
    a, b = stores
    start = time.time()
    turns = [await s.reserve_request("discord", 0.02) for s in (a, b, a, b, a, b)]
    assert turns == sorted(turns)
    gaps = [round(y - x, 6) for x, y in itertools.pairwise(turns)]
    assert gaps == [0.02] * 5
    assert turns[0] >= start - 0.001
    other = await a.reserve_request("elsewhere", 0.02)
    assert other < turns[-1]  # buckets are per name


@pytest.mark.asyncio
async def test_rows_come_out_as_they_went_in(stores: tuple[Store, Store]) -> None:
    a, _ = stores
    sub = await subscribe(a, guild=2**62 + 5, channel=2**62 + 6, role_id=2**62 + 7)
    pid = await a.claim_slot(sub.id, NOW, NOW, "n1")
    assert pid is not None
    await a.mark_sent(pid, NOW, 2**62 + 8)
    counts = await a.counts()
    assert (counts["subscriptions"], counts["posts"]) == (1, 1)
    rows = [r async for batch in a.rows("posts") for r in batch]
    assert rows[0]["message_id"] == 2**62 + 8
    again = await a.subscription(sub.id)
    assert again == sub


def load_first_release(path: Path) -> None:
    """A state file exactly as the first release left it."""
    con = sqlite3.connect(path)
    con.executescript(FIRST_RELEASE.read_text(encoding="utf-8"))
    con.close()


@pytest.mark.asyncio
async def test_a_first_release_state_file_migrates_in_place(tmp_path: Path) -> None:
    path = tmp_path / "capcom.sqlite3"
    load_first_release(path)
    store = await open_url(f"sqlite://{path}", owner="new", migrate=False)
    try:
        assert await store.version() == 2
        assert await store.migrate() == [3]
        subs = await store.subscriptions()
        assert [(s.id, s.what, s.tz, s.role_id, s.failures) for s in subs] == [
            (1, "both", "Europe/Berlin", 3456789012345678901, 0),
            (2, "changes", "UTC", None, 1),
        ]
        posts = await store.posts(1)
        assert [(p.status, p.nonce) for p in posts] == [
            ("sent", None),
            ("claimed", None),
            ("missed", None),
        ]
        assert posts[0].message_id == 987654321098765432
        assert posts[0].slot == dt.datetime(2026, 1, 11, 7, tzinfo=UTC)
        # the first release's claim died mid-send without a nonce: never repeated
        assert await store.abandoned(Shards(), LEASE) == []
        assert [c.id for c in await store.changes_since(None)] == ["abc123"]
        new = await subscribe(store, channel=99)
        assert new.id == 3
    finally:
        await store.close()
