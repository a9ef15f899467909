"""Fact-base reloads: /reload, SIGHUP and the file watch, and the fleet's reloads.

A reload validates the new base first: a bad one is refused (and logged, with its file:line
problems) while the old one keeps answering. An accepted reload swaps the base in, records its
changes and the reload itself in the store's reload log, and announces it (PostgreSQL NOTIFY;
every process also polls the log). Every other process then loads the same files, checks they
are the base that was validated (by digest), and posts the change alerts of its own shards:
alerts are claimed per subscription and change, so each goes out once across the fleet.
The /reload command is installed whether or not status posts are enabled.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

import knowledge
from bot.errors import UserError, send_ephemeral
from bot.reload_worker import load_in_worker
from bot.scheduler import Scheduler, TickReport
from bot.state import AnyBot, Capcom
from bot.store import ReloadRecord
from commands.changes import Change, diff
from commands.context import Context
from commands.reply import Reply
from knowledge.files import ByteBudget, Unreadable
from knowledge.limits import DEFAULT_LIMITS, Limits
from knowledge.yamlfile import Problem

log = logging.getLogger(__name__)
PROBLEMS_SHOWN = 10


@dataclass
class ReloadResult:
    """What a reload did: refused with problems, or swapped with its changes posted."""

    ok: bool
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    sent: int = 0
    failed: int = 0

    def text(self) -> str:
        """A short human summary."""
        if not self.ok:
            lines = "\n".join(str(p) for p in self.problems[:PROBLEMS_SHOWN])
            extra = len(self.problems) - PROBLEMS_SHOWN
            more = f"\n… and {extra} more" if extra > 0 else ""
            return (
                f"The new fact base was refused ({len(self.problems)} problem(s)); "
                f"the old one keeps answering.\n{lines}{more}"
            )
        if not self.changes:
            return "Fact base reloaded; no schedule or status changes."
        listed = "\n".join(f"• {c.text}" for c in self.changes[:15])
        return (
            f"Fact base reloaded: {len(self.changes)} change(s); {self.sent} alert(s) posted"
            f"{f', {self.failed} failed' if self.failed else ''}.\n{listed}"
        )


def base_files(folder: Path) -> list[Path]:
    """The YAML files of a fact base, in a stable order."""
    return sorted(folder.rglob("*.yaml"))


def base_digest(folder: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """A digest of a fact base's files (names and contents): equal digests, equal bases.

    Read as the loader reads them (knowledge.files): a named pipe or /dev/zero behind a
    YAML name is hashed as the reason it cannot be read, never waited on or read forever.
    """
    h = hashlib.sha256()
    budget = ByteBudget(limits)
    for path in base_files(folder):
        h.update(str(path.relative_to(folder)).encode())
        h.update(b"\0")
        try:
            h.update(budget.read(path))
        except Unreadable as exc:
            h.update(str(exc).encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


class Reloader:
    """Reloads of one process: its own (/reload, SIGHUP, watch) and the fleet's."""

    def __init__(self, bot: AnyBot, capcom: Capcom, scheduler: Scheduler | None) -> None:
        self.bot = bot
        self.capcom = capcom
        self.scheduler = scheduler  # None when status posts are off: changes are only recorded
        self.settings = capcom.settings.schedule
        self.clock = capcom.clock
        self._lock = asyncio.Lock()
        self._tasks: list[asyncio.Task[None]] = []
        self._sighup = False
        self.seen = 0  # the newest reload-log id this process has applied
        self.digest = ""
        self.last_reload: float | None = None  # epoch seconds, for the metrics

    @property
    def folder(self) -> Path:
        """The fact-base folder."""
        return self.capcom.settings.knowledge_path or knowledge.DEFAULT_DATA

    async def start(self) -> None:
        """Note where the reload log is, catch up on alerts missed, start the listeners."""
        store = self.capcom.store
        self.digest = await asyncio.to_thread(base_digest, self.folder)
        latest = await store.latest_reload()
        self.seen = latest.id if latest is not None else 0
        if latest is not None and latest.base_digest != self.digest:
            log.warning(
                "this process's fact base (%s) is not the one the last reload validated (%s, "
                "reload %d): check that every process reads the same files",
                self.digest,
                latest.base_digest,
                latest.id,
            )
        if self.scheduler is not None:
            since = self.clock.now() - self.settings.grace
            for record in await store.reloads_since(since):  # alerts of reloads while we were down
                await self.scheduler.post_recorded_changes(await store.changes(record.change_ids))
        if self.settings.sighup_reload:
            try:
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._on_sighup)
                self._sighup = True
            except (NotImplementedError, RuntimeError, AttributeError, ValueError):
                log.info("SIGHUP reload is not available here")
        if self.settings.watch_knowledge:
            self._tasks.append(asyncio.create_task(self._watch_files(), name="capcom-kb-watch"))
        self._tasks.append(asyncio.create_task(self._follow(), name="capcom-reload-follow"))

    async def stop(self) -> None:
        """Stop the watch, the follower and the signal handler."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        if self._sighup:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            self._sighup = False

    def _on_sighup(self) -> None:
        log.info("SIGHUP: reloading the fact base")
        task = asyncio.create_task(self.reload("sighup"))
        task.add_done_callback(_log_failure)

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        out = []
        for p in base_files(self.folder):
            try:
                st = p.stat()
            except OSError:
                continue
            out.append((str(p), st.st_mtime_ns, st.st_size))
        return tuple(out)

    async def _watch_files(self) -> None:
        last = await asyncio.to_thread(self._fingerprint)
        while True:
            await asyncio.sleep(self.settings.watch_seconds)
            try:
                now = await asyncio.to_thread(self._fingerprint)
                if now != last:
                    last = now
                    log.info("fact base files changed: reloading")
                    await self.reload("watch")
            except Exception:
                log.exception("fact-base watch failed; it keeps watching")

    # -- this process's reloads -------------------------------------------------------------

    async def _load(self) -> knowledge.KnowledgeBase:
        """Load the base from disk in a worker process, within the limits (LoadError if not)."""
        config = self.capcom.settings
        return await load_in_worker(
            config.knowledge_path,
            config.limits(),
            memory_mb=config.reload_memory_mb,
            timeout=config.reload_timeout_seconds,
        )

    async def reload(self, origin: str = "command") -> ReloadResult:
        """Validate the new base; refuse a bad one; else swap it in, log it, post its changes."""
        store = self.capcom.store
        async with self._lock:
            config = self.capcom.settings
            digest = await asyncio.to_thread(base_digest, self.folder, config.limits())
            try:
                kb = await self._load()
            except knowledge.LoadError as exc:
                log.error(
                    "reload refused, the old fact base keeps answering; %d problem(s):\n%s",
                    len(exc.problems),
                    exc.report(config.max_problems_shown),
                )
                await store.record_reload(
                    base_digest=digest,
                    as_of=None,
                    ok=False,
                    detail=exc.report()[:2000],
                    change_ids=(),
                    origin=origin,
                    now=self.clock.now(),
                )
                return ReloadResult(False, problems=list(exc.problems))
            old = self.capcom.ctx
            ctx = await asyncio.to_thread(Context.build, kb, old.options)
            self.capcom.replace_context(ctx)
            changes = diff(old.kb, kb)
            log.info("fact base reloaded (%s): %d change(s)", origin, len(changes))
            now = self.clock.now()
            await store.remember_changes(
                [(c.id, c.record_id, c.kind, c.text, c.sources) for c in changes], now
            )
            rid = await store.record_reload(
                base_digest=digest,
                as_of=kb.as_of.isoformat(),
                ok=True,
                detail=None,
                change_ids=[c.id for c in changes],
                origin=origin,
                now=now,
            )
            self.seen, self.digest, self.last_reload = max(self.seen, rid), digest, time.time()
            await store.notify_reload(rid)
        report = TickReport()
        if self.scheduler is not None:
            report = await self.scheduler.post_changes(changes, now, remember=False)
        return ReloadResult(True, changes=changes, sent=report.sent, failed=report.failed)

    # -- the fleet's reloads ----------------------------------------------------------------

    async def _follow(self) -> None:
        store = self.capcom.store
        while True:
            try:
                await store.wait_for_reload(self.settings.reload_poll_seconds)
                for record in await store.reloads_after(self.seen):
                    await self.apply(record)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("following the fleet's reloads failed; trying again")
                await asyncio.sleep(self.settings.reload_poll_seconds)

    async def apply(self, record: ReloadRecord) -> None:
        """Load the base another process validated, then post its alerts for our shards."""
        async with self._lock:
            if record.id <= self.seen:
                return
            self.seen = record.id
            if record.base_digest != self.digest:
                config = self.capcom.settings
                digest = await asyncio.to_thread(base_digest, self.folder, config.limits())
                try:
                    kb = await self._load()
                except knowledge.LoadError as exc:
                    log.error(
                        "reload %d (by %s) is not valid here; keeping the old fact base:\n%s",
                        record.id,
                        record.requested_by,
                        exc.report(config.max_problems_shown),
                    )
                    return
                if digest != record.base_digest:
                    log.warning(
                        "reload %d validated fact base %s but this process reads %s: "
                        "check that every process reads the same files",
                        record.id,
                        record.base_digest,
                        digest,
                    )
                options = self.capcom.ctx.options
                self.capcom.replace_context(await asyncio.to_thread(Context.build, kb, options))
                self.digest = digest
                log.info("fact base reloaded by %s (reload %d)", record.requested_by, record.id)
            self.last_reload = time.time()
        if self.scheduler is not None and record.change_ids:
            changes = await self.capcom.store.changes(record.change_ids)
            await self.scheduler.post_recorded_changes(changes)


def _log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("reload failed", exc_info=task.exception())


class Reloads(commands.Cog):
    """/reload, and the reload machinery's start and stop."""

    def __init__(self, reloader: Reloader) -> None:
        self.reloader = reloader

    async def cog_load(self) -> None:
        """Start listening for reloads (setup_hook adds this cog once per process)."""
        await self.reloader.start()

    async def cog_unload(self) -> None:
        """Stop listening."""
        await self.reloader.stop()

    @app_commands.command(name="reload", description="Reload the fact base (bot owner only).")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Validate and swap in the fact base from disk; post its changes."""
        if not await self.reloader.bot.is_owner(interaction.user):
            raise UserError("Only the bot's owner can reload the fact base.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.reloader.reload("command")
        reply = Reply(
            kind="answer" if result.ok else "error",
            title="Reloaded" if result.ok else "Reload refused",
            text=result.text(),
        )
        await send_ephemeral(interaction, reply)


async def install(bot: AnyBot, capcom: Capcom, scheduler: Scheduler | None) -> Reloader:
    """Add /reload and start following reloads; call once, from setup_hook."""
    reloader = Reloader(bot, capcom, scheduler)
    await bot.add_cog(Reloads(reloader))
    return reloader


def changes_text(changes: Sequence[Change]) -> str:
    """Changes as bullet lines (for logs)."""
    return "\n".join(f"• {c.text}" for c in changes)
