"""A fleet end to end: three `capcom run` processes (shards 0-2 of 3) on one PostgreSQL and the
fake Discord, 200 subscriptions over 60 guilds due in the same minute. Processes are killed
with SIGKILL at random points while posting - one of them between a create and its answer -
and restarted. Every due post must exist exactly once, each sent by the process that owns the
guild's shard. Seeds: CAPCOM_FLEET_SEEDS (comma-separated), else FLEET_SEEDS."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import yaml

from bot.shards import Shards
from bot.store import Store, open_url
from tests.bot.conftest import FIXTURE_KB
from tests.bot.databases import pg_schema
from tests.fake_discord.server import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
SHARDS = 3
GUILDS = 60
SUBSCRIPTIONS = 200
SLOT = dt.datetime(2026, 1, 15, 8, 0, tzinfo=dt.UTC)
FLEET_SEEDS = (11, 22, 33)
DEADLINE = 60.0  # seconds for one seed's posts to be all settled
TOKEN = "fake-token-shard-{}"  # one token per process: the fake tells who sent what


def seeds() -> list[int]:
    raw = os.environ.get("CAPCOM_FLEET_SEEDS", "")
    return [int(s) for s in raw.split(",") if s.strip()] or list(FLEET_SEEDS)


@dataclass
class Fleet:
    """The fake Discord, the database, and the processes running against them."""

    fake: FakeDiscord
    url: str
    folder: Path
    window: float
    procs: dict[int, asyncio.subprocess.Process] = field(default_factory=dict)
    starts: Counter[int] = field(default_factory=Counter)

    def config(self) -> Path:
        path = self.folder / "config.yaml"
        settings: dict[str, Any] = {
            "api_base_url": self.fake.api_base,
            "gateway_url": self.fake.gateway_url,
            "database_url": self.url,
            "knowledge_path": str(FIXTURE_KB),
            "state_dir": str(self.folder / "state"),
            "now": "2026-01-15",
            "guild_ready_timeout": 0.05,
            "log_level": "INFO",
            "schedule": {
                "now": (SLOT + dt.timedelta(seconds=10)).isoformat(),
                "tick_seconds": 0.3,
                "heartbeat_seconds": 0.25,
                "claim_lease_seconds": 1.0,
                "retry_wait_seconds": 0.05,
                "nonce_window_seconds": self.window,
                "reload_poll_seconds": 1.0,
                "post_concurrency": 4,
                "sighup_reload": False,
            },
        }
        path.write_text(yaml.safe_dump(settings), encoding="utf-8")
        return path

    async def start(self, shard: int) -> None:
        self.starts[shard] += 1
        log = (self.folder / f"shard-{shard}-{self.starts[shard]}.log").open("wb")
        env = {
            **os.environ,
            "CAPCOM_CONFIG": str(self.config()),
            "DISCORD_TOKEN": TOKEN.format(shard),
        }
        self.procs[shard] = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--shard-count",
            str(SHARDS),
            "--shard-ids",
            str(shard),
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        log.close()

    async def kill(self, shard: int) -> None:
        proc = self.procs[shard]
        proc.send_signal(signal.SIGKILL)
        await proc.wait()

    async def stop(self) -> None:
        for proc in self.procs.values():
            if proc.returncode is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except TimeoutError:
                proc.kill()
                await proc.wait()

    def logs(self) -> str:
        out = []
        for path in sorted(self.folder.glob("shard-*.log")):
            text = path.read_text(encoding="utf-8", errors="replace")
            out.append(f"--- {path.name} (last lines)\n" + "\n".join(text.splitlines()[-15:]))
        return "\n".join(out)


def shard_of(guild_id: int) -> int:
    return (guild_id >> 22) % SHARDS


def posts_made(fake: FakeDiscord) -> int:
    return sum(len(fake.bot_messages(cid)) for cid in fake.channels)


@pytest_asyncio.fixture
async def database() -> AsyncIterator[str]:
    async with pg_schema("capcom_fleet") as url:
        yield url


async def seed_subscriptions(fake: FakeDiscord, url: str) -> dict[int, int]:
    """200 daily-08:00 subscriptions, one per channel, over 60 guilds; channel -> guild."""
    store: Store = await open_url(url, owner="test")
    channels: dict[int, int] = {}
    try:
        for i in range(SUBSCRIPTIONS):
            g = i % GUILDS
            guild = fake.guilds[g]
            cid = guild.channel_ids[0] if i < GUILDS else fake.add_channel(g)
            channels[cid] = guild.id
            await store.subscribe(
                guild_id=guild.id,
                channel_id=cid,
                what="digest",
                schedule="daily 08:00",
                tz="UTC",
                role_id=None,
                origin="slash",
                now=SLOT - dt.timedelta(days=1),
            )
    finally:
        await store.close()
    return channels


async def settled(url: str) -> list[tuple[int, str, int | None, str]]:
    """(subscription, status, message id, holder) of every post in the log."""
    store = await open_url(url, owner="test-reader")
    try:
        out: list[tuple[int, str, int | None, str]] = []
        for sub in await store.subscriptions():
            for post in await store.posts(sub.id):
                out.append((sub.id, post.status, post.message_id, post.claimed_by))
        return out
    finally:
        await store.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("seed", seeds())
async def test_a_fleet_posts_every_due_post_exactly_once_through_kills(
    seed: int, database: str, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    window = 600.0 if seed % 2 else 0.0  # odd seeds: resend with the nonce; even: read history
    fake = FakeDiscord(guild_count=GUILDS, shard_count=SHARDS)
    await fake.start()
    fleet = Fleet(fake, database, tmp_path, window)
    try:
        channels = await seed_subscriptions(fake, database)
        assert sorted(Counter(shard_of(g) for g in set(channels.values())).values()) == [20] * 3
        victim, other = rng.randrange(SHARDS), rng.randrange(SHARDS)
        victim_channels = [c for c, g in channels.items() if shard_of(g) == victim]
        stall_after = rng.randrange(0, 80)  # posts before the stalled create
        kill_after = rng.randrange(100, 170)  # posts before the plain kill
        for shard in range(SHARDS):
            await fleet.start(shard)
        try:
            await fake.wait_until(lambda: posts_made(fake) >= stall_after, 40, "first posts")
            stall = fake.stall_creates(channel_ids=victim_channels)
            await asyncio.wait_for(stall.hit.wait(), 30)
            await fleet.kill(victim)  # the message exists; its answer never reaches the process
            stall.release()
            await fleet.start(victim)
            await fake.wait_until(lambda: posts_made(fake) >= kill_after, 40, "more posts")
            await fleet.kill(other)
            await fleet.start(other)

            async def all_sent() -> list[tuple[int, str, int | None, str]]:
                while True:
                    rows = await settled(database)
                    if len(rows) == SUBSCRIPTIONS and all(r[1] == "sent" for r in rows):
                        return rows
                    await asyncio.sleep(0.3)

            rows = await asyncio.wait_for(all_sent(), DEADLINE)
        except (TimeoutError, AssertionError):
            print(fleet.logs())
            raise
        finally:
            await fleet.stop()

        # every due post exactly once: one message per subscribed channel, the logged one
        by_channel = {cid: fake.bot_messages(cid) for cid in channels}
        assert {cid: len(msgs) for cid, msgs in by_channel.items() if len(msgs) != 1} == {}
        logged = {mid for _, _, mid, _ in rows}
        assert logged == {int(msgs[0]["id"]) for msgs in by_channel.values()}
        markers = [
            m["embeds"][0]["footer"]["text"].rsplit(" · ", 1)[-1]
            for m in (msgs[0] for msgs in by_channel.values())
        ]
        assert len(set(markers)) == SUBSCRIPTIONS
        assert all(m.startswith("capcom-") and len(m) == 25 for m in markers)
        # the stalled create was finished, not repeated
        assert int(stall.messages[0]["id"]) in logged
        # nobody posted (or read) outside its shards
        for req in fake.requests:
            cid = req.path.split("/")[2] if req.path.startswith("/channels/") else None
            if cid is None or int(cid) not in channels:
                continue
            sender = int(req.headers["Authorization"].rsplit("-", 1)[-1])
            assert Shards(SHARDS, (sender,)).owns(channels[int(cid)]), (req.method, req.path)
        creates = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]
        nonces = Counter(r.json["nonce"] for r in creates)
        history = [r for r in fake.requests if r.method == "GET" and r.path.endswith("/messages")]
        if window:  # the stalled post was created again with its nonce; no history read
            assert nonces[markers_of(stall)] >= 2
            assert history == []
        else:  # past the window: the channel was read, and the post found there
            assert any(
                r.path == f"/channels/{stall.messages[0]['channel_id']}/messages" for r in history
            )
        assert fake.sync_calls == 1  # command sync once per deploy, not once per process
        assert fake.errors == []
        print(
            f"seed {seed}: victim {victim} (stall after {stall_after}), then {other} "
            f"(after {kill_after}); {len(creates)} creates, {sum(n - 1 for n in nonces.values())} "
            f"repeated nonces, {len(history)} history reads, {fake.rate_limited} 429s"
        )
    finally:
        await fake.stop()


def markers_of(stall: Any) -> str:
    """The marker (nonce) at the end of the stalled message's footer."""
    return str(stall.messages[0]["embeds"][0]["footer"]["text"].rsplit(" · ", 1)[-1])
