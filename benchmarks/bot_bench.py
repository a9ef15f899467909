"""Load benchmark of the Discord bot: interactions and direct messages per second, and latency.

The fake Discord runs in a process of its own (`--fake`, started by this script) and drives the
load: `/ask` with free-text questions from the question corpus (tests/commands/data/*.yaml,
what-ifs left out: they have /whatif, a cooldown and a chart) alternating with `/mission` with
typo'd mission names, keeping `--window` interactions in flight; then the same questions as
direct messages. It times each from its dispatch to the bot's answer arriving (the interaction
callback, or the DM reply: Discord's global limit of 50 requests a second is lifted so that
the bot's own capacity shows). The bot runs in this process, alone on its side.

The baseline is a bot answering every interaction and DM with a constant embed, through the
same fake, in the same run; runs of the two alternate and the medians are reported.

Run: .venv/bin/python -m benchmarks.bot_bench [--n 1000] [--window 16] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import logging
import random
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
import yaml
from aiohttp import web
from discord import app_commands
from discord.ext import commands

from bot.client import create_bot, intents
from bot.settings import Settings, apply_endpoints
from commands.context import Context
from commands.whatif import looks_like_whatif
from knowledge import load
from knowledge.generate import typo_queries
from tests.fake_discord.server import FakeDiscord, RecordedRequest, restore_discord_py_defaults

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "commands" / "data"
GOAL = 0.9  # capcom's throughput at least this share of the constant bot's
USERS = 64  # distinct people sending interactions
_LINE_LIMIT = 1 << 26  # the JSON lines between the processes carry whole workloads and results

Json = dict[str, Any]


# --- the fake Discord's process -----------------------------------------------------------------


class TimedFake(FakeDiscord):
    """The fake Discord, resolving a future when each interaction or DM is answered."""

    def __init__(self) -> None:
        super().__init__(validate=False, global_rate_limit=None)
        self.callbacks: dict[str, asyncio.Future[float]] = {}
        self.dm_replies: dict[int, asyncio.Future[float]] = {}

    def trim(self) -> None:
        """Forget what a long run piles up (a real Discord keeps it on its own side)."""
        self.requests.clear()
        self.messages.clear()
        self._by_id.clear()
        self._handles = {t: h for t, h in self._handles.items() if h.callback is None}
        for session in self._sessions.values():
            session.events.clear()

    async def _callback(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        waiter = self.callbacks.pop(m["token"], None)
        if waiter is not None and not waiter.done():
            waiter.set_result(time.perf_counter())
        return await super()._callback(req, m)

    async def _post_message(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        waiter = self.dm_replies.pop(int(m["cid"]), None)
        if waiter is not None and not waiter.done():
            waiter.set_result(time.perf_counter())
        return await super()._post_message(req, m)


async def drive(fake: TimedFake, mode: str, items: list[list[str]], n: int, window: int) -> Json:
    """Send n interactions (or DMs) from items, window at a time; time each one's answer.

    Interactions come from USERS people in turn; DMs from one person per slot in the window, so
    that each DM channel has one question waiting at a time.
    """
    loop = asyncio.get_running_loop()
    people = [fake.make_user(f"user-{i}") for i in range(USERS if mode == "slash" else window)]
    free: asyncio.Queue[Json] = asyncio.Queue()
    for person in people:
        free.put_nowait(person)
    slots = asyncio.Semaphore(window)
    latencies: list[float] = []

    async def one(i: int, person: Json) -> None:
        waiter: asyncio.Future[float] = loop.create_future()
        try:
            start = time.perf_counter()
            if mode == "slash":
                command, option, text = items[i % len(items)]
                handle = await fake.slash(command, {option: text}, user=person)
                fake.callbacks[handle.token] = waiter
            else:
                fake.dm_replies[fake._dm_channel(person)] = waiter
                await fake.dm(items[i % len(items)][2], user=person)
            latencies.append((await asyncio.wait_for(waiter, 30) - start) * 1000)
        finally:
            free.put_nowait(person)
            slots.release()

    gc.collect()
    gc.freeze()
    cpu0, t0 = time.process_time(), time.perf_counter()
    tasks = []
    for i in range(n):
        await slots.acquire()
        tasks.append(asyncio.create_task(one(i, free.get_nowait())))
        if i % 100 == 99:
            fake.trim()
    await asyncio.gather(*tasks)
    seconds = time.perf_counter() - t0
    bad = [e for e in fake.errors if e.status >= 400]
    return {
        "seconds": seconds,
        "latencies": latencies,
        "fake_cpu": time.process_time() - cpu0,
        "errors": [str(e) for e in bad[:3]],
    }


async def serve_fake() -> None:
    """The fake's process: say where it listens, then obey JSON-line commands on stdin."""
    logging.basicConfig(level=logging.ERROR)
    fake = TimedFake()
    await fake.start()
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=_LINE_LIMIT)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)

    def say(obj: Json) -> None:
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()

    say({"api": fake.api_base, "gateway": fake.gateway_url})
    try:
        while line := await reader.readline():
            cmd = json.loads(line)
            if cmd["cmd"] == "ready":
                wanted: list[str] = list(cmd["commands"])

                def synced(wanted: list[str] = wanted) -> bool:
                    return all(c in fake.commands for c in wanted)

                await fake.wait_for_ready(timeout=30)
                await fake.wait_until(synced, 30, "commands")
                say({"ok": True})
            elif cmd["cmd"] == "run":
                say(await drive(fake, cmd["mode"], cmd["items"], cmd["n"], cmd["window"]))
            else:
                break
    finally:
        await fake.stop()


# --- the bots ----------------------------------------------------------------------------------


class ConstantBot(commands.Bot):
    """The baseline: /ask, /mission and DMs all answered with one constant embed."""

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
        """Add the two commands and sync them."""
        embed = self.embed

        @app_commands.command(name="ask", description="Constant answer.")
        async def ask(interaction: discord.Interaction, question: str) -> None:
            await interaction.response.send_message(embed=embed)

        @app_commands.command(name="mission", description="Constant answer.")
        async def mission(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(embed=embed)

        self.tree.add_command(ask)
        self.tree.add_command(mission)
        await self.tree.sync()

    async def on_message(self, message: discord.Message, /) -> None:
        """Answer a DM with the constant embed."""
        if message.guild is None and not message.author.bot:
            await message.channel.send(embed=self.embed)


def make_capcom(ctx: Context) -> Callable[[Json, Path], discord.Client]:
    """The real capcom bot (its fact base already loaded) against a fake."""

    def make(where: Json, state: Path) -> discord.Client:
        settings = Settings(
            api_base_url=where["api"],
            gateway_url=where["gateway"],
            state_dir=state,
            now=dt.date(2026, 6, 1),
            guild_ready_timeout=0.05,
        )
        apply_endpoints(settings)
        return create_bot(settings, ctx, freeze_gc=True)

    return make


def make_baseline(where: Json, state: Path) -> discord.Client:
    """The constant-embed bot against a fake."""
    apply_endpoints(Settings(api_base_url=where["api"], gateway_url=where["gateway"]))
    return ConstantBot()


# --- the workload ------------------------------------------------------------------------------


def workload(ctx: Context, size: int, seed: int = 3) -> list[list[str]]:
    """/ask questions from the corpus (no what-ifs) alternating with typo'd /mission names."""
    questions: list[str] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            text = str(case.get("ask", "")).strip()
            if text and case.get("kind") != "whatif" and not looks_like_whatif(text):
                questions.append(text)
    asked = {m.record_id for q in questions for m in ctx.index.find_mentions(q, ("mission",))}
    pairs = [(q, rid) for q, rid in typo_queries(ctx.kb, 8 * size, seed) if rid in asked]
    missions = [q for q, _ in pairs] or [m.name for m in ctx.kb.missions.values()]
    rng = random.Random(seed)
    rng.shuffle(questions)
    items: list[list[str]] = []
    for i in range(size):
        items.append(["ask", "question", questions[i % len(questions)]])
        items.append(["mission", "name", missions[i % len(missions)]])
    return items


@dataclass
class Result:
    """One run of one mode: throughput and answer latency."""

    n: int
    seconds: float
    bot_cpu: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        """Answers per wall-clock second."""
        return self.n / self.seconds

    def pct(self, q: float) -> float:
        """A latency percentile, ms."""
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q / 100 * len(data)))]


async def _request(proc: asyncio.subprocess.Process, cmd: Json) -> Json:
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write((json.dumps(cmd) + "\n").encode())
    await proc.stdin.drain()
    line = await proc.stdout.readline()
    if not line:
        raise RuntimeError("the fake Discord's process ended")
    answer: Json = json.loads(line)
    return answer


async def one_bot(
    make: Callable[[Json, Path], discord.Client], items: list[list[str]], args: Any
) -> dict[str, Result]:
    """Start a fake process and the bot; run slash then DM load; return both results."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "benchmarks.bot_bench", "--fake", cwd=ROOT,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=_LINE_LIMIT,
    )  # fmt: skip
    assert proc.stdout is not None
    where: Json = json.loads(await proc.stdout.readline())
    out: dict[str, Result] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bot = make(where, Path(tmp))
            task = asyncio.create_task(bot.start("bench-token"))
            try:
                await _request(proc, {"cmd": "ready", "commands": ["ask", "mission"]})
                for mode in ("slash", "dm"):
                    warm = {"cmd": "run", "mode": mode, "items": items, "window": args.window}
                    await _request(proc, warm | {"n": min(200, args.n)})
                    cpu0 = time.process_time()
                    got = await _request(proc, warm | {"n": args.n})
                    if got["errors"]:
                        raise RuntimeError(f"the fake rejected requests: {got['errors']}")
                    out[mode] = Result(
                        args.n, got["seconds"], time.process_time() - cpu0, got["latencies"]
                    )
            finally:
                await bot.close()
                await asyncio.wait_for(task, 10)
    finally:
        restore_discord_py_defaults()
        if proc.stdin is not None:
            proc.stdin.close()
        await proc.wait()
    return out


async def main_async(args: Any) -> int:
    """Alternate runs of both bots; print the medians and the ratios."""
    ctx = Context.build(load())
    items = workload(ctx, args.n)
    makers = {"capcom": make_capcom(ctx), "constant": make_baseline}
    runs: dict[str, list[dict[str, Result]]] = {name: [] for name in makers}
    for _ in range(args.repeats):
        for name, make in makers.items():
            runs[name].append(await one_bot(make, items, args))
    print(
        f"{args.n} answers per mode x {args.repeats} runs, window {args.window}, fake Discord "
        f"in its own process, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}"
    )
    print("| mode | bot | answers/s | p50 ms | p99 ms | bot CPU ms/answer |")
    print("|---|---|---:|---:|---:|---:|")
    ok = True
    labels = {"slash": "/ask + /mission", "dm": "direct messages"}
    for mode, label in labels.items():
        med: dict[str, tuple[float, float, float, float]] = {}
        for name, results in runs.items():
            rs = [r[mode] for r in results]
            med[name] = (
                statistics.median(r.per_second for r in rs),
                statistics.median(r.pct(50) for r in rs),
                statistics.median(r.pct(99) for r in rs),
                statistics.median(r.bot_cpu / r.n * 1000 for r in rs),
            )
            rate, p50, p99, cpu = med[name]
            print(f"| {label} | {name} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {cpu:.2f} |")
        c, b = med["capcom"], med["constant"]
        ok = ok and c[0] / b[0] >= GOAL
        print(
            f"| {label} | capcom ÷ constant | {c[0] / b[0]:.2f}× | {c[1] / b[1]:.2f}× "
            f"| {c[2] / b[2]:.2f}× | |"
        )
    print(f"goal: capcom ≥ {GOAL}× the constant bot's throughput: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def main() -> None:
    """Parse arguments; run the fake (--fake) or the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="answers per mode and run")
    parser.add_argument("--window", type=int, default=16, help="answers in flight")
    parser.add_argument("--repeats", type=int, default=3, help="runs per bot")
    parser.add_argument("--fake", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fake:
        asyncio.run(serve_fake())
        return
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("discord").setLevel(logging.ERROR)
    sys.exit(asyncio.run(main_async(args)))


if __name__ == "__main__":
    main()
