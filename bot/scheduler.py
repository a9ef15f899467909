"""The status-post loop: due slots -> claim -> build -> send -> mark; change alerts the same way.

Nothing here imports discord: the Discord adapter (bot/subscriptions.py) injects `send`, which
raises SendError (transient: retried with backoff; permanent: the subscription is marked failing
with the reason and paused after max_failures), and `find`, which looks for a post in a channel.
Every outcome is logged in the store; nothing is dropped silently.

Exactly once, whatever instant a process dies (see bot/store.py for the claims):

1. Each post has a deterministic nonce (`post_nonce`), sent with `enforce_nonce`, and shown as
   the marker at the end of its embed footer.
2. A claim left by a process that stopped heartbeating is taken over by one process that owns
   the guild's shard. Within `nonce_window_seconds` of the first attempt it sends again with the
   same nonce: Discord returns the message already created, if there is one.
3. Past that window it reads the channel's recent messages for its own post with that marker:
   found, the post is recorded as sent; not found, it is sent (still with the nonce).
4. A claim taken over after its grace period is only looked for, never sent late.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from bot.schedule_settings import ScheduleSettings
from bot.shards import Shards
from bot.slots import Clock, Schedule, ScheduleError, due_slot
from bot.store import Post, SeenChange, Store, Subscription, wall_clock
from commands.changes import Change
from commands.context import Context
from commands.reply import Reply
from commands.status import digest

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")
BUILD_ERROR = "error: could not build the digest"
ALERT_BUILD_ERROR = "error: could not build the change alert"
NONCE_PREFIX = "capcom-"
NONCE_LENGTH = 25  # Discord's limit for a string nonce


class SendError(Exception):
    """Sending failed; `transient` errors (5xx, 429, network) are worth retrying."""

    def __init__(self, reason: str, *, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


# send(channel_id, reply, role_id, nonce) -> message id; raises SendError
Send = Callable[[int, Reply, int | None, str], Awaitable[int | None]]
# find(channel_id, nonce, not_before) -> id of our post carrying that marker, or None
Find = Callable[[int, str, dt.datetime], Awaitable[int | None]]
DigestBuilder = Callable[[Context, dt.datetime, dt.datetime | None, int, Sequence[Change]], Reply]
# observe(kind, outcome): "digest"/"alert", "sent"/"failed"/"error"/"missed"/"recovered"
Observe = Callable[[str, str], None]


def post_nonce(sub: Subscription, key: str) -> str:
    """The post's nonce and marker: the same for the same subscription, channel and slot."""
    raw = f"{sub.id}:{sub.channel_id}:{key}".encode()
    return NONCE_PREFIX + hashlib.sha256(raw).hexdigest()[: NONCE_LENGTH - len(NONCE_PREFIX)]


def slot_key(slot: dt.datetime) -> str:
    """What a digest's nonce is derived from."""
    return "slot:" + slot.astimezone(dt.UTC).isoformat(timespec="seconds")


def change_key(change_id: str) -> str:
    """What a change alert's nonce is derived from."""
    return "change:" + change_id


@dataclass
class TickReport:
    """What one pass did (for tests and the log)."""

    sent: int = 0
    failed: int = 0
    skipped: int = 0
    missed: int = 0
    errors: int = 0
    recovered: int = 0  # taken-over claims whose post was found already in the channel


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, SendError) and exc.transient


class Pacer:
    """Spaces requests fleet-wide: each waits for its turn from the store's shared bucket."""

    def __init__(self, store: Store, per_second: float, *, name: str = "discord") -> None:
        self.store = store
        self.interval = 1.0 / per_second
        self.name = name
        self.late_after = min(0.02, self.interval)  # a turn missed by more is taken again

    async def wait(self) -> None:
        """Return at this process's next turn."""
        for _ in range(3):
            at = await self.store.reserve_request(self.name, self.interval)
            delay = at - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            if time.time() - at <= self.late_after:
                return
        # three turns missed in a row (a very busy loop): go now rather than starve


@dataclass
class _Tick:
    """What one pass computes once and shares between its posts."""

    now: dt.datetime
    report: TickReport = field(default_factory=TickReport)
    replies: dict[tuple[object, ...], Reply] = field(default_factory=dict)


class Scheduler:
    """Posts due digests and change alerts of this process's shards, each exactly once."""

    def __init__(
        self,
        store: Store,
        settings: ScheduleSettings,
        context: Callable[[], Context],
        send: Send,
        clock: Clock,
        *,
        shards: Shards | None = None,
        find: Find | None = None,
        pacer: Pacer | None = None,
        build_digest: DigestBuilder = digest,
        observe: Observe | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.context = context
        self.send = send
        self.find = find
        self.pacer = pacer
        self.clock = clock
        self.shards = shards or Shards()
        self.build_digest = build_digest
        self.observe = observe or (lambda _kind, _outcome: None)
        self._task: asyncio.Task[None] | None = None
        self._beat: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self._schedules: dict[tuple[str, str], Schedule | None] = {}
        self.started_at = wall_clock()
        self.ticks = 0

    # -- one pass ---------------------------------------------------------------------------

    async def tick(self, now: dt.datetime | None = None) -> TickReport:
        """Finish abandoned claims, then post every due digest once; errors stay per post."""
        run = _Tick(now or self.clock.now())
        async with self._lock:
            await self._recover(run)
            due = await self._due(run)
            await self._each(due, lambda item: self._digest_for(item[0], item[1], run))
        self.ticks += 1
        return run.report

    def _schedule(self, sub: Subscription) -> Schedule | None:
        assert sub.schedule is not None
        key = (sub.schedule, sub.tz)
        if key not in self._schedules:
            try:
                self._schedules[key] = Schedule.parse(sub.schedule, sub.tz)
            except ScheduleError as exc:
                log.error("subscription %s has an unusable schedule: %s", sub.id, exc)
                self._schedules[key] = None
        return self._schedules[key]

    async def _due(self, run: _Tick) -> list[tuple[Subscription, dt.datetime]]:
        """The (subscription, slot) pairs to post now; missed slots are logged as missed."""
        grace = self.settings.grace
        latest: dict[tuple[str, str], dt.datetime | None] = {}
        candidates: list[tuple[Subscription, dt.datetime | None, dt.datetime | None]] = []
        for sub in await self.store.subscriptions(shards=self.shards):
            if sub.paused or not sub.digests:
                continue
            schedule = self._schedule(sub)
            if schedule is None:
                continue
            key = (schedule.cron, schedule.tz_name)
            if key not in latest:  # shared by every subscription on the same schedule
                latest[key] = schedule.latest_at_or_before(run.now)
            slot, missed = due_slot(
                schedule, run.now, not_before=sub.created_at, grace=grace, latest=latest[key]
            )
            if slot is not None or missed is not None:
                candidates.append((sub, slot, missed))
        instants = [s or m for _, s, m in candidates]
        logged = await self.store.logged_slots(t for t in instants if t is not None)
        due = []
        for sub, slot, missed in candidates:
            if slot is not None:
                if (sub.id, slot) in logged:
                    run.report.skipped += 1
                else:
                    due.append((sub, slot))
            elif missed is not None and (sub.id, missed) not in logged:
                why = "not posted: the bot was not running within the grace period of this slot"
                if await self.store.record_missed(sub.id, missed, run.now, why):
                    run.report.missed += 1
                    self.observe("digest", "missed")
                    log.warning("subscription %s: slot %s missed (%s)", sub.id, missed, why)
        return due

    async def _each(self, items: Sequence[T], work: Callable[[T], Awaitable[None]]) -> None:
        """Run work on every item, post_concurrency at a time; one failure stops nothing."""
        if not items:
            return
        gate = asyncio.Semaphore(self.settings.post_concurrency)

        async def one(item: T) -> None:
            async with gate:
                await work(item)

        await asyncio.gather(*(one(item) for item in items))

    async def _digest_reply(self, sub: Subscription, slot: dt.datetime, run: _Tick) -> Reply:
        previous = await self.store.last_digest(sub.id)
        since = previous.slot if previous is not None else None
        key = ("digest", slot, since)
        if key not in run.replies:
            seen = await self.store.changes_since(since)
            if key not in run.replies:  # another post of this pass may have built it meanwhile
                extra = [_change(c) for c in seen]
                run.replies[key] = self.build_digest(
                    self.context(), slot, since, self.settings.digest_days, extra
                )
        return run.replies[key]

    async def _digest_for(self, sub: Subscription, slot: dt.datetime, run: _Tick) -> None:
        try:
            nonce = post_nonce(sub, slot_key(slot))
            post_id = await self.store.claim_slot(sub.id, slot, run.now, nonce)
            if post_id is None:
                run.report.skipped += 1
                return
            try:
                reply = await self._digest_reply(sub, slot, run)
            except Exception:
                # our bug, not the channel's: logged with context, recorded as the slot's
                # outcome, and not counted toward pausing the subscription
                log.exception(
                    "building the digest failed (subscription %s, guild %s, channel %s, slot %s)",
                    sub.id,
                    sub.guild_id,
                    sub.channel_id,
                    slot.isoformat(),
                )
                await self.store.mark_error(post_id, self.clock.now(), BUILD_ERROR)
                run.report.errors += 1
                self.observe("digest", "error")
                return
            await self._deliver(sub, post_id, nonce, reply, run.report, "digest")
        except Exception:
            run.report.errors += 1
            log.exception("status post for subscription %s failed unexpectedly", sub.id)

    # -- sending ----------------------------------------------------------------------------

    async def _deliver(
        self,
        sub: Subscription,
        post_id: int,
        nonce: str,
        reply: Reply,
        report: TickReport,
        kind: str,
        *,
        first_attempt: dt.datetime | None = None,
    ) -> bool:
        """Send (with retries on transient errors) and mark the outcome. True when delivered.

        first_attempt is set when finishing another process's claim: past the nonce window,
        the channel is searched for the post before anything is sent.
        """
        try:
            message_id: int | None = None
            if first_attempt is not None and self._past_window(first_attempt):
                message_id = await self._look_for(sub, nonce, first_attempt)
                if message_id is not None:
                    await self.store.mark_sent(post_id, self.clock.now(), message_id)
                    report.recovered += 1
                    self.observe(kind, "recovered")
                    log.info("post %s was already in channel %s", post_id, sub.channel_id)
                    return True
            message_id = await self._retrying(
                lambda: self.send(sub.channel_id, reply, sub.role_id, nonce)
            )
        except SendError as exc:
            paused = await self.store.mark_failed(
                post_id, self.clock.now(), exc.reason, self.settings.max_failures
            )
            report.failed += 1
            self.observe(kind, "failed")
            log.warning(
                "subscription %s (channel %s): post failed: %s%s",
                sub.id,
                sub.channel_id,
                exc.reason,
                "; paused after repeated failures" if paused else "",
            )
            return False
        except Exception as exc:
            await self.store.mark_failed(
                post_id,
                self.clock.now(),
                f"unexpected error: {exc!r}"[:300],
                self.settings.max_failures,
            )
            report.failed += 1
            self.observe(kind, "failed")
            log.exception("subscription %s: unexpected error while sending", sub.id)
            return False
        await self.store.mark_sent(post_id, self.clock.now(), message_id)
        report.sent += 1
        self.observe(kind, "sent")
        return True

    def _past_window(self, first_attempt: dt.datetime) -> bool:
        age = (wall_clock() - first_attempt).total_seconds()
        return age >= self.settings.nonce_window_seconds

    async def _look_for(
        self, sub: Subscription, nonce: str, first_attempt: dt.datetime
    ) -> int | None:
        """Our post with this marker in the channel (searched from just before the attempt)."""
        if self.find is None:
            return None
        find = self.find
        after = first_attempt - dt.timedelta(seconds=5)
        return await self._retrying(lambda: find(sub.channel_id, nonce, after))

    async def _retrying(self, request: Callable[[], Awaitable[R]]) -> R:
        s = self.settings
        retrying = AsyncRetrying(
            stop=stop_after_attempt(s.retry_attempts),
            wait=wait_exponential(multiplier=s.retry_wait_seconds, max=60),
            retry=retry_if_exception(_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                if self.pacer is not None:
                    await self.pacer.wait()
                return await request()
        raise AssertionError("unreachable")  # pragma: no cover

    # -- finishing what a stopped process claimed ------------------------------------------

    async def _recover(self, run: _Tick) -> None:
        """Take over the claims of processes that stopped heartbeating, and finish them."""
        posts = await self.store.abandoned(self.shards, self.settings.lease)
        await self._each(posts, lambda post: self._finish(post, run))

    async def _finish(self, post: Post, run: _Tick) -> None:
        kind = "digest" if post.slot is not None else "alert"
        try:
            if not await self.store.take_over(post):
                return  # another process took it
            sub = await self.store.subscription(post.subscription_id)
            assert sub is not None
            assert post.nonce is not None
            log.info(
                "taking over post %s (subscription %s) from %s", post.id, sub.id, post.claimed_by
            )
            due_at = post.slot or post.claimed_at
            if sub.paused or run.now - due_at > self.settings.grace:
                await self._settle_late(sub, post, run, kind)
                return
            try:
                reply = await self._recovered_reply(sub, post, run)
            except Exception:
                log.exception("rebuilding post %s failed", post.id)
                detail = BUILD_ERROR if kind == "digest" else ALERT_BUILD_ERROR
                await self.store.mark_error(post.id, self.clock.now(), detail)
                run.report.errors += 1
                self.observe(kind, "error")
                return
            first = post.attempt_at or post.claimed_at
            await self._deliver(
                sub, post.id, post.nonce, reply, run.report, kind, first_attempt=first
            )
        except Exception:
            run.report.errors += 1
            log.exception("finishing post %s failed unexpectedly", post.id)

    async def _recovered_reply(self, sub: Subscription, post: Post, run: _Tick) -> Reply:
        if post.slot is not None:
            return await self._digest_reply(sub, post.slot, run)
        assert post.change_id is not None
        seen = await self.store.changes([post.change_id])
        if not seen:
            raise LookupError(f"change {post.change_id} is not recorded")
        return _change(seen[0]).reply(self.context().kb)

    async def _settle_late(self, sub: Subscription, post: Post, run: _Tick, kind: str) -> None:
        """Too late (or paused) to send: only find out whether it went out before."""
        assert post.nonce is not None
        found: int | None = None
        reason = "not posted: the bot stopped while posting and the grace period has passed"
        if sub.paused:
            reason = "not posted: the bot stopped while posting and the subscription is paused"
        try:
            found = await self._look_for(sub, post.nonce, post.attempt_at or post.claimed_at)
        except SendError as exc:
            reason = f"unknown outcome: the bot stopped while posting ({exc.reason})"
        if found is not None:
            await self.store.mark_sent(post.id, self.clock.now(), found)
            run.report.recovered += 1
            self.observe(kind, "recovered")
        else:
            await self.store.mark_missed(post.id, self.clock.now(), reason)
            run.report.missed += 1
            self.observe(kind, "missed")

    # -- change alerts ----------------------------------------------------------------------

    async def post_changes(
        self, changes: Sequence[Change], now: dt.datetime | None = None, *, remember: bool = True
    ) -> TickReport:
        """Post each change once to every `changes` subscriber of these shards (claimed per
        change id); remember them for the next digests unless the caller did."""
        run = _Tick(now or self.clock.now())
        if not changes:
            return run.report
        if remember:
            await self.store.remember_changes(
                [(c.id, c.record_id, c.kind, c.text, c.sources) for c in changes], run.now
            )
        ctx = self.context()
        async with self._lock:
            subs = [
                s
                for s in await self.store.subscriptions(shards=self.shards)
                if not s.paused and s.alerts
            ]
            await self._each(subs, lambda sub: self._alerts_for(sub, changes, ctx, run))
        return run.report

    async def post_recorded_changes(self, seen: Iterable[SeenChange]) -> TickReport:
        """Post changes another process recorded (subscriptions made after them excepted)."""
        seen = list(seen)
        if not seen:
            return TickReport()
        oldest = min(c.detected_at for c in seen)
        changes = [_change(c) for c in seen]
        run = _Tick(self.clock.now())
        ctx = self.context()
        async with self._lock:
            subs = [
                s
                for s in await self.store.subscriptions(shards=self.shards)
                if not s.paused and s.alerts and s.created_at <= oldest
            ]
            await self._each(subs, lambda sub: self._alerts_for(sub, changes, ctx, run))
        return run.report

    async def _alerts_for(
        self, sub: Subscription, changes: Sequence[Change], ctx: Context, run: _Tick
    ) -> None:
        for change in changes:
            try:
                nonce = post_nonce(sub, change_key(change.id))
                post_id = await self.store.claim_change(sub.id, change.id, run.now, nonce)
                if post_id is None:
                    run.report.skipped += 1
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
                    await self.store.mark_error(post_id, self.clock.now(), ALERT_BUILD_ERROR)
                    run.report.errors += 1
                    self.observe("alert", "error")
                    continue
                delivered = await self._deliver(sub, post_id, nonce, alert, run.report, "alert")
                if not delivered:
                    fresh = await self.store.subscription(sub.id)
                    if fresh is not None and fresh.paused:
                        break
            except Exception:
                run.report.errors += 1
                log.exception("change alert %s for subscription %s failed", change.id, sub.id)

    # -- the loop ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Say this process is alive, then start the loop (once; a second call does nothing)."""
        if self._beat is None or self._beat.done():
            await self.store.heartbeat(self.shards, started_at=self.started_at)
            self._beat = asyncio.create_task(self._heartbeats(), name="capcom-heartbeat")
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="capcom-scheduler")

    @property
    def running(self) -> bool:
        """Whether the loop task is alive."""
        return self._task is not None and not self._task.done()

    def poke(self) -> None:
        """Run the next pass now instead of at the end of the interval."""
        self._wake.set()

    async def _heartbeats(self) -> None:
        while True:
            await asyncio.sleep(self.settings.heartbeat_seconds)
            try:
                await self.store.heartbeat(self.shards, started_at=self.started_at)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("heartbeat failed; trying again")

    async def _run(self) -> None:
        while True:
            try:
                report = await self.tick()
                if report.sent or report.failed or report.missed or report.recovered:
                    log.info("status posts: %s", report)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("status-post pass failed; the loop continues")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.settings.tick_seconds)
            self._wake.clear()

    async def stop(self) -> None:
        """Stop the loop and the heartbeats; leave the fleet (claims left are taken over)."""
        for task in (self._task, self._beat):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._beat is not None:
            try:
                await self.store.leave()
            except Exception:
                log.exception("could not leave the fleet cleanly; claims wait for the lease")
        self._task = self._beat = None


def _change(c: SeenChange) -> Change:
    return Change(c.id, c.kind, c.record_id, c.text, c.sources)  # type: ignore[arg-type]


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
