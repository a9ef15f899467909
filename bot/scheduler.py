"""The status-post loop: due slots -> claim -> build -> send -> mark; change alerts the same way.

Nothing here imports discord: the Discord adapter (bot/subscriptions.py) injects `send`, which
raises SendError (transient: retried with backoff; permanent: the subscription is marked failing
with the reason and paused after max_failures). Every outcome is logged in the store; nothing
is dropped silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from bot.schedule_settings import ScheduleSettings
from bot.slots import Clock, Schedule, ScheduleError, due_slot
from bot.store import Store, Subscription
from commands.changes import Change
from commands.context import Context
from commands.reply import Reply
from commands.status import digest

log = logging.getLogger(__name__)
BUILD_ERROR = "error: could not build the digest"
ALERT_BUILD_ERROR = "error: could not build the change alert"


class SendError(Exception):
    """Sending failed; `transient` errors (5xx, 429, network) are worth retrying."""

    def __init__(self, reason: str, *, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


# send(channel_id, reply, role_id) -> message id; raises SendError
Send = Callable[[int, Reply, int | None], Awaitable[int | None]]
DigestBuilder = Callable[[Context, dt.datetime, dt.datetime | None, int, Sequence[Change]], Reply]


@dataclass
class TickReport:
    """What one pass did (for tests and the log)."""

    sent: int = 0
    failed: int = 0
    skipped: int = 0
    missed: int = 0
    errors: int = 0


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, SendError) and exc.transient


class Scheduler:
    """Posts due digests and change alerts, each exactly once per subscription."""

    def __init__(
        self,
        store: Store,
        settings: ScheduleSettings,
        context: Callable[[], Context],
        send: Send,
        clock: Clock,
        *,
        owns_guild: Callable[[int], bool] = lambda _g: True,
        build_digest: DigestBuilder = digest,
    ) -> None:
        self.store = store
        self.settings = settings
        self.context = context
        self.send = send
        self.clock = clock
        self.owns_guild = owns_guild
        self.build_digest = build_digest
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self.ticks = 0

    # -- one pass ---------------------------------------------------------------------------

    async def tick(self, now: dt.datetime | None = None) -> TickReport:
        """Post every due digest once; an error in one subscription does not stop the others."""
        now = now or self.clock.now()
        report = TickReport()
        async with self._lock:
            for sub in self.store.subscriptions():
                if sub.paused or not sub.digests or not self.owns_guild(sub.guild_id):
                    continue
                try:
                    await self._digest_for(sub, now, report)
                except Exception:
                    report.errors += 1
                    log.exception("status post for subscription %s failed unexpectedly", sub.id)
        self.ticks += 1
        return report

    async def _digest_for(self, sub: Subscription, now: dt.datetime, report: TickReport) -> None:
        assert sub.schedule is not None
        try:
            schedule = Schedule.parse(sub.schedule, sub.tz)
        except ScheduleError as exc:
            log.error("subscription %s has an unusable schedule: %s", sub.id, exc)
            return
        slot, missed = due_slot(schedule, now, not_before=sub.created_at, grace=self.settings.grace)
        if missed is not None:
            why = "not posted: the bot was not running within the grace period of this slot"
            if self.store.record_missed(sub.id, missed, now, why):
                report.missed += 1
                log.warning("subscription %s: slot %s missed (%s)", sub.id, missed, why)
            return
        if slot is None:
            return
        previous = self.store.last_digest(sub.id)
        post_id = self.store.claim_slot(sub.id, slot, now)
        if post_id is None:
            report.skipped += 1
            return
        try:
            since = previous.slot if previous is not None else None
            seen = self.store.changes_since(since)
            extra = [Change(c.id, c.kind, c.record_id, c.text, c.sources) for c in seen]  # type: ignore[arg-type]
            reply = self.build_digest(self.context(), slot, since, self.settings.digest_days, extra)
        except Exception:
            # our bug, not the channel's: logged with context, recorded as the slot's outcome,
            # and not counted toward pausing the subscription
            log.exception(
                "building the digest failed (subscription %s, guild %s, channel %s, slot %s)",
                sub.id,
                sub.guild_id,
                sub.channel_id,
                slot.isoformat(),
            )
            self.store.mark_error(post_id, self.clock.now(), BUILD_ERROR)
            report.errors += 1
            return
        await self._deliver(sub, post_id, reply, report)

    async def _deliver(
        self, sub: Subscription, post_id: int, reply: Reply, report: TickReport
    ) -> bool:
        """Send with retries on transient errors; mark the outcome. True when delivered."""
        try:
            message_id = await self._send_with_retry(sub, reply)
        except SendError as exc:
            paused = self.store.mark_failed(
                post_id, self.clock.now(), exc.reason, self.settings.max_failures
            )
            report.failed += 1
            log.warning(
                "subscription %s (channel %s): post failed: %s%s",
                sub.id,
                sub.channel_id,
                exc.reason,
                "; paused after repeated failures" if paused else "",
            )
            return False
        except Exception as exc:
            self.store.mark_failed(
                post_id,
                self.clock.now(),
                f"unexpected error: {exc!r}"[:300],
                self.settings.max_failures,
            )
            report.failed += 1
            log.exception("subscription %s: unexpected error while sending", sub.id)
            return False
        self.store.mark_sent(post_id, self.clock.now(), message_id)
        report.sent += 1
        return True

    async def _send_with_retry(self, sub: Subscription, reply: Reply) -> int | None:
        s = self.settings
        retrying = AsyncRetrying(
            stop=stop_after_attempt(s.retry_attempts),
            wait=wait_exponential(multiplier=s.retry_wait_seconds, max=60),
            retry=retry_if_exception(_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await self.send(sub.channel_id, reply, sub.role_id)
        raise AssertionError("unreachable")  # pragma: no cover

    # -- change alerts ----------------------------------------------------------------------

    async def post_changes(
        self, changes: Sequence[Change], now: dt.datetime | None = None
    ) -> TickReport:
        """Post each change once to every `changes` subscriber (claimed per change id)."""
        now = now or self.clock.now()
        report = TickReport()
        if not changes:
            return report
        self.store.remember_changes(
            [(c.id, c.record_id, c.kind, c.text, c.sources) for c in changes], now
        )
        ctx = self.context()
        async with self._lock:
            for sub in self.store.subscriptions():
                if sub.paused or not sub.alerts or not self.owns_guild(sub.guild_id):
                    continue
                for change in changes:
                    try:
                        post_id = self.store.claim_change(sub.id, change.id, now)
                        if post_id is None:
                            report.skipped += 1
                            continue
                        try:
                            alert = change.reply(ctx.kb)
                        except Exception:
                            # our bug, as for digests: logged, recorded, not the channel's fault
                            log.exception(
                                "building change alert %s failed (subscription %s, channel %s)",
                                change.id,
                                sub.id,
                                sub.channel_id,
                            )
                            self.store.mark_error(post_id, self.clock.now(), ALERT_BUILD_ERROR)
                            report.errors += 1
                            continue
                        delivered = await self._deliver(sub, post_id, alert, report)
                        if not delivered and self.store.subscription(sub.id) is not None:
                            fresh = self.store.subscription(sub.id)
                            if fresh is not None and fresh.paused:
                                break
                    except Exception:
                        report.errors += 1
                        log.exception(
                            "change alert %s for subscription %s failed", change.id, sub.id
                        )
        return report

    # -- the loop ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the loop (once; a second call does nothing)."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="capcom-scheduler")

    @property
    def running(self) -> bool:
        """Whether the loop task is alive."""
        return self._task is not None and not self._task.done()

    def poke(self) -> None:
        """Run the next pass now instead of at the end of the interval."""
        self._wake.set()

    async def _run(self) -> None:
        while True:
            try:
                report = await self.tick()
                if report.sent or report.failed or report.missed:
                    log.info("status posts: %s", report)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("status-post pass failed; the loop continues")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.settings.tick_seconds)
            self._wake.clear()

    async def stop(self) -> None:
        """Stop the loop."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


def next_slots(subs: Iterable[Subscription], now: dt.datetime) -> dict[int, dt.datetime | None]:
    """Each subscription's next digest time (None without digests or with a bad schedule)."""
    out: dict[int, dt.datetime | None] = {}
    for sub in subs:
        if not sub.digests or sub.schedule is None:
            out[sub.id] = None
            continue
        try:
            out[sub.id] = Schedule.parse(sub.schedule, sub.tz).next_after(now)
        except ScheduleError:
            out[sub.id] = None
    return out
