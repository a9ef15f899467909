"""Status-post throughput against Discord's ceiling: 10,000 digests due at once.

Discord lets a bot make 50 requests per second (its global limit, per token); the fake Discord
enforces it with 429s. This posts N digests due in the same minute with `capcom run` processes
(subprocesses, as in production) - one process, then three (shards 0-2 of 3) sharing the
limit through the database - on SQLite and on PostgreSQL, and reports for each: posts/s over
the run, the median of the per-second counts, the busiest second, the ratio to the 50/s
ceiling, and the 429s. Goal: at least 90% of the ceiling with zero 429s. The fake runs in this
process without OpenAPI validation (its own cost is not the bot's); the bot paces itself at
`discord_requests_per_second` (46 by default, 92% of the ceiling).

Run: .venv/bin/python -m benchmarks.post_bench [--subs 10000] [--configs sqlite:1,...]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.store import open_url
from tests.bot.databases import pg_schema
from tests.fake_discord.server import FakeDiscord

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KB = ROOT / "tests" / "bot" / "fixtures" / "kb"
CEILING = 50.0
SLOT = dt.datetime(2026, 1, 15, 8, 0, tzinfo=dt.UTC)
CHANNELS_PER_GUILD = 20


class CountingFake(FakeDiscord):
    """The fake Discord, counting the messages it creates (waiting must not cost it time)."""

    created = 0

    def _store(self, msg: dict[str, object]) -> None:
        super()._store(msg)
        self.created += 1


@dataclass
class Result:
    """One configuration's figures."""

    name: str
    posts: int
    seconds: float
    median_per_second: float
    busiest_second: int
    rate_limited: int

    @property
    def rate(self) -> float:
        """Posts per second over the whole run (first post to last)."""
        return self.posts / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        """One table row."""
        return (
            f"{self.name:<16} {self.posts:>6} {self.seconds:>8.1f} {self.rate:>8.1f} "
            f"{self.median_per_second:>8.1f} {self.busiest_second:>7} "
            f"{self.rate / CEILING:>7.0%} {self.rate_limited:>5}"
        )


@contextlib.asynccontextmanager
async def database(backend: str, folder: Path) -> AsyncIterator[str]:
    """A fresh database of one backend."""
    if backend == "sqlite":
        yield f"sqlite://{folder / 'bench.sqlite3'}"
    else:
        async with pg_schema("capcom_bench") as url:
            yield url


async def seed(fake: FakeDiscord, url: str, subs: int) -> list[int]:
    """N daily-08:00 digests, one per channel; the channels."""
    store = await open_url(url, owner="bench")
    channels = []
    try:
        for i in range(subs):
            g = i % len(fake.guilds)
            guild = fake.guilds[g]
            cid = guild.channel_ids[0] if i < len(fake.guilds) else fake.add_channel(g)
            channels.append(cid)
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


async def run(backend: str, processes: int, subs: int, folder: Path) -> Result:
    """Post `subs` digests with `processes` processes; the figures."""
    guilds = max(3, subs // CHANNELS_PER_GUILD)
    fake = CountingFake(guild_count=guilds, shard_count=3, validate=False)
    await fake.start()
    procs: list[asyncio.subprocess.Process] = []
    try:
        async with database(backend, folder) as url:
            channels = await seed(fake, url, subs)
            config = folder / f"{backend}-{processes}.yaml"
            settings = {
                "api_base_url": fake.api_base,
                "gateway_url": fake.gateway_url,
                "database_url": url,
                "knowledge_path": str(FIXTURE_KB),
                "state_dir": str(folder / "state"),
                "now": "2026-01-15",
                "guild_ready_timeout": 0.05,
                "log_level": "WARNING",
                "sync_on_start": False,
                "schedule": {"now": (SLOT + dt.timedelta(seconds=10)).isoformat()},
            }
            config.write_text(yaml.safe_dump(settings), encoding="utf-8")
            env = {**os.environ, "CAPCOM_CONFIG": str(config), "DISCORD_TOKEN": "bench"}
            shard_sets = [["0,1,2"]] if processes == 1 else [[str(i)] for i in range(3)]
            for ids in shard_sets:
                log = (folder / f"{backend}-{processes}-{ids[0]}.log").open("wb")
                procs.append(
                    await asyncio.create_subprocess_exec(
                        sys.executable,
                        "-m",
                        "bot",
                        "run",
                        "--shard-count",
                        "3",
                        "--shard-ids",
                        *ids,
                        cwd=ROOT,
                        env=env,
                        stdout=log,
                        stderr=log,
                        stdin=asyncio.subprocess.DEVNULL,
                    )
                )
                log.close()

            await fake.wait_until(
                lambda: fake.created >= subs, timeout=subs / 20 + 120, what="every post"
            )
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.terminate()
        for proc in procs:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), 10)
        await fake.stop()
    times = sorted(
        dt.datetime.fromisoformat(m["timestamp"]).timestamp()
        for c in channels
        for m in fake.messages.get(c, [])
    )
    per_second = Counter(int(t - times[0]) for t in times)
    full = [per_second[s] for s in range(int(times[-1] - times[0]))] or [len(times)]
    return Result(
        f"{backend} x{processes}",
        len(times),
        times[-1] - times[0],
        statistics.median(full),
        max(per_second.values()),
        fake.rate_limited,
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subs", type=int, default=10_000)
    parser.add_argument(
        "--configs",
        default="sqlite:1,postgresql:1,sqlite:3,postgresql:3",
        help="backend:processes, comma-separated",
    )
    args = parser.parse_args()
    results = []
    print(f"{args.subs} digests due at once; ceiling {CEILING:.0f} requests/s")
    print(
        f"{'config':<16} {'posts':>6} {'seconds':>8} {'posts/s':>8} {'median':>8} "
        f"{'busiest':>7} {'ceiling':>7} {'429s':>5}"
    )
    for item in args.configs.split(","):
        backend, n = item.split(":")
        with tempfile.TemporaryDirectory(prefix="post-bench-") as tmp:
            started = time.perf_counter()
            result = await run(backend, int(n), args.subs, Path(tmp))
            results.append(result)
            print(result.line(), f"(wall {time.perf_counter() - started:.0f} s)", flush=True)
    if len(results) > 1:
        base = results[0]
        for r in results[1:]:
            print(f"{r.name} / {base.name}: {r.rate / base.rate:.2f}x posts/s")


if __name__ == "__main__":
    asyncio.run(main())
