"""Load benchmark of the Discord bot through the fake Discord: slash look-ups per second, latency.

N /mission interactions are dispatched over the gateway, keeping `--window` in flight, and the
time from dispatch to the bot's callback request arriving at the fake is measured. The fake runs
in the same process and event loop (one core for both), so the figures include its own cost;
it forgets finished interactions every 100 so its records do not grow the heap the garbage
collector walks (a real Discord keeps them on its side).
A baseline bot that answers every interaction with a constant embed runs in the same session.

Run: .venv/bin/python -m benchmarks.bot_bench [--n 2000] [--window 16] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import logging
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from aiohttp import web
from discord import app_commands
from discord.ext import commands

import knowledge
from bot.client import create_bot, intents
from bot.settings import Settings, apply_endpoints
from commands.context import Context
from tests.fake_discord.server import (
    FakeDiscord,
    RecordedRequest,
    restore_discord_py_defaults,
)

FIXTURE_KB = Path(__file__).resolve().parent.parent / "tests" / "bot" / "fixtures" / "kb"


class TimedFake(FakeDiscord):
    """The fake Discord, noting when each interaction's callback request arrives."""

    def __init__(self) -> None:
        super().__init__(validate=False)
        self.answered: dict[str, float] = {}
        self.done = asyncio.Event()
        self.expected = 0

    def trim(self) -> None:
        """Forget what a long run piles up (a real Discord keeps it on its own side)."""
        self.requests.clear()
        self.messages.clear()
        self._by_id.clear()
        self._handles = {t: h for t, h in self._handles.items() if h.callback is None}
        for session in self._sessions.values():
            session.events.clear()

    async def _callback(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        self.answered[m["token"]] = time.perf_counter()
        if len(self.answered) >= self.expected:
            self.done.set()
        return await super()._callback(req, m)


@dataclass
class Result:
    """One run: throughput and dispatch->callback latency."""

    name: str
    n: int
    seconds: float
    cpu_seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        """Interactions answered per wall-clock second."""
        return self.n / self.seconds

    def pct(self, q: float) -> float:
        """A latency percentile in ms."""
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, int(q / 100 * len(data)))]


class ConstantBot(commands.Bot):
    """The baseline: /mission answers a constant embed, nothing else."""

    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
            help_command=None,
        )
        self.embed = discord.Embed(title="CRS-35", description="A constant answer.")

    async def setup_hook(self) -> None:
        """Add the one command and sync it."""
        embed = self.embed

        @app_commands.command(name="mission", description="Constant answer.")
        async def mission(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(embed=embed)

        self.tree.add_command(mission)
        await self.tree.sync()


async def _start(bot: discord.Client) -> asyncio.Task[None]:
    task = asyncio.create_task(bot.start("bench-token"))
    waiter = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({task, waiter}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task in done:
        task.result()
    return task


async def _drive(fake: TimedFake, names: list[str], n: int, window: int) -> Result:
    fake.expected = n
    fake.answered.clear()
    fake.done.clear()
    sent: dict[str, float] = {}
    slots = asyncio.Semaphore(window)
    waiters: list[asyncio.Task[None]] = []

    async def release_when_answered(token: str) -> None:
        await fake.wait_until(lambda: token in fake.answered, 30, "callback")
        slots.release()

    gc.collect()
    gc.freeze()  # what `capcom run` does after loading; applied to both bots alike
    cpu0, t0 = time.process_time(), time.perf_counter()
    for i in range(n):
        await slots.acquire()
        start = time.perf_counter()
        handle = await fake.slash("mission", {"name": names[i % len(names)]})
        sent[handle.token] = start
        if i % 100 == 99:
            fake.trim()
        waiters.append(asyncio.create_task(release_when_answered(handle.token)))
    await asyncio.wait_for(fake.done.wait(), 60)
    t1, cpu1 = time.perf_counter(), time.process_time()
    await asyncio.gather(*waiters)
    lat = [(fake.answered[tok] - t) * 1000 for tok, t in sent.items()]
    return Result("", n, t1 - t0, cpu1 - cpu0, lat)


async def run_one(
    name: str, make_bot: Callable[[TimedFake, Path], discord.Client], names: list[str], args: Any
) -> Result:
    """Start a fake and a bot, warm up, then measure one run."""
    fake = TimedFake()
    await fake.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bot = make_bot(fake, Path(tmp))
            task = await _start(bot)
            try:
                await _drive(fake, names, min(200, args.n), args.window)  # warm-up
                result = await _drive(fake, names, args.n, args.window)
                result.name = name
                errors = [e for e in fake.errors if e.status >= 400]
                if errors:
                    raise RuntimeError(f"{name}: the fake rejected requests: {errors[:3]}")
                return result
            finally:
                await bot.close()
                await asyncio.wait_for(task, 10)
    finally:
        restore_discord_py_defaults()
        await fake.stop()


def capcom_factory(ctx: Context) -> Callable[[TimedFake, Path], discord.Client]:
    """Make the real capcom bot against a fake."""

    def make(fake: TimedFake, state: Path) -> discord.Client:
        settings = Settings(
            api_base_url=fake.api_base,
            gateway_url=fake.gateway_url,
            state_dir=state,
            now=dt.date(2026, 5, 15),
            guild_ready_timeout=0.05,
        )
        apply_endpoints(settings)
        return create_bot(settings, ctx)

    return make


def baseline_factory(fake: TimedFake, state: Path) -> discord.Client:
    """Make the constant-embed bot against a fake."""
    apply_endpoints(
        Settings(api_base_url=fake.api_base, gateway_url=fake.gateway_url, state_dir=state)
    )
    return ConstantBot()


def load_context() -> tuple[Context, str]:
    """The bundled fact base, or the test fixture if the bundled one does not load."""
    try:
        return Context.build(knowledge.load()), "bundled"
    except knowledge.LoadError:
        return Context.build(knowledge.load(FIXTURE_KB)), "test fixture"


async def main_async(args: Any) -> int:
    """Run both bots `repeats` times, interleaved, and print the table."""
    ctx, which = load_context()
    names = [rid for rid, kind in ctx.kb.kinds.items() if kind == "mission"]
    runs: dict[str, list[Result]] = {"capcom": [], "baseline": []}
    makers: dict[str, Callable[[TimedFake, Path], discord.Client]] = {
        "capcom": capcom_factory(ctx),
        "baseline": baseline_factory,
    }
    for _ in range(args.repeats):
        for name, make in makers.items():
            runs[name].append(await run_one(name, make, names, args))
    print(
        f"{args.n} /mission interactions x {args.repeats} runs, window {args.window}, "
        f"fact base: {which} ({len(names)} missions), Python {sys.version.split()[0]}"
    )
    print(f"{'bot':10} {'inter/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/inter':>13}")
    medians: dict[str, tuple[float, float, float, float]] = {}
    for name, results in runs.items():
        rate = statistics.median(r.per_second for r in results)
        p50 = statistics.median(r.pct(50) for r in results)
        p99 = statistics.median(r.pct(99) for r in results)
        cpu = statistics.median(r.cpu_seconds / r.n * 1000 for r in results)
        medians[name] = (rate, p50, p99, cpu)
        print(f"{name:10} {rate:9.0f} {p50:8.2f} {p99:8.2f} {cpu:13.3f}")
    c, b = medians["capcom"], medians["baseline"]
    print(
        f"capcom/baseline: throughput {c[0] / b[0]:.2f}x, p50 {c[1] / b[1]:.2f}x, "
        f"p99 {c[2] / b[2]:.2f}x"
    )
    ok = c[0] >= 500 and c[2] <= 20
    print(f"goal (>= 500/s, p99 <= 20 ms): {'met' if ok else 'NOT met'}")
    return 0


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="interactions per run")
    parser.add_argument("--window", type=int, default=16, help="interactions in flight")
    parser.add_argument("--repeats", type=int, default=3, help="runs per bot")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("discord").setLevel(logging.ERROR)
    sys.exit(asyncio.run(main_async(args)))


if __name__ == "__main__":
    main()
