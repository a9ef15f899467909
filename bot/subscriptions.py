"""Status posts in Discord: /subscribe, /unsubscribe, /subscriptions, /reload, SIGHUP, file watch.

`install(bot, capcom)` (called once from setup_hook) opens the state store, adds the commands
to the tree, and starts the scheduler loop - never from on_ready, which runs again on every
reconnect. The only mention the bot ever sends is the role a subscription asked for.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

import knowledge
from bot.errors import UserError, send_ephemeral
from bot.reload_worker import load_in_worker
from bot.render import embed
from bot.schedule_settings import ScheduleSettings
from bot.scheduler import Scheduler, SendError, next_slots
from bot.slots import Clock, Schedule, ScheduleError, SystemClock, zone
from bot.store import Post, Store, Subscription
from commands.changes import Change, diff
from commands.context import Context
from commands.reply import Reply
from knowledge.yamlfile import Problem

if TYPE_CHECKING:
    from bot.client import AnyBot, Capcom

log = logging.getLogger(__name__)
WhatChoice = Literal["digest", "changes", "both"]
UNKNOWN_AFTER = dt.timedelta(minutes=2)  # a claim older than this without outcome is "unknown"
_NEEDED = ("view_channel", "send_messages", "embed_links")


def _manage_channels(interaction: discord.Interaction) -> bool:
    """Check: in a server (NoPrivateMessage otherwise), by someone with Manage Channels."""
    if interaction.guild is None:
        raise app_commands.NoPrivateMessage()
    if not interaction.permissions.manage_channels:
        raise app_commands.MissingPermissions(["manage_channels"])
    return True


class PostChannel(app_commands.Transformer):
    """A text or announcement channel option, kept as Discord resolved it (even if unseen)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        """A channel option."""
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        """Channels that can hold status posts."""
        return [discord.ChannelType.text, discord.ChannelType.news]

    async def transform(self, interaction: discord.Interaction, value: Any, /) -> Any:
        """The resolved channel (or a bare Object with its id)."""
        return value


ChannelOption = app_commands.Transform[discord.abc.Snowflake, PostChannel]


def mentions_for(role_id: int | None) -> discord.AllowedMentions:
    """Nothing pings, except the subscription's own role when it asked for one."""
    if role_id is None:
        return discord.AllowedMentions.none()
    return discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(role_id)], replied_user=False
    )


def make_send(bot: discord.Client) -> Any:
    """The scheduler's send(): post an embed in a channel, errors classified as SendError."""

    async def send(channel_id: int, reply: Reply, role_id: int | None) -> int | None:
        channel = bot.get_partial_messageable(channel_id)
        content = f"<@&{role_id}>" if role_id is not None else None
        try:
            msg = await channel.send(
                content=content, embed=embed(reply), allowed_mentions=mentions_for(role_id)
            )
        except discord.Forbidden as exc:
            raise SendError(
                f"403 Forbidden: capcom may not post in channel {channel_id} "
                f"({exc.text or 'missing permissions'}); give it View Channel, Send Messages "
                "and Embed Links there",
                transient=False,
            ) from None
        except discord.NotFound as exc:
            raise SendError(
                f"404: channel {channel_id} was deleted or capcom cannot see it "
                f"({exc.text or 'unknown channel'})",
                transient=False,
            ) from None
        except discord.HTTPException as exc:
            transient = exc.status == 429 or exc.status >= 500
            raise SendError(
                f"Discord answered {exc.status}: {exc.text or exc}", transient=transient
            ) from None
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise SendError(f"network error: {exc!r}", transient=True) from None
        return msg.id

    return send


def shard_owner(bot: discord.Client) -> Any:
    """owns_guild(): True for guilds on a shard this process runs (all, unsharded)."""

    def owns(guild_id: int) -> bool:
        count = bot.shard_count
        ids = getattr(bot, "shard_ids", None)
        if not count or ids is None:
            return True
        return ((guild_id >> 22) % count) in ids

    return owns


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
            lines = "\n".join(str(p) for p in self.problems[:10])
            more = f"\n… and {len(self.problems) - 10} more" if len(self.problems) > 10 else ""
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


class StatusPosts:
    """The store, the scheduler and reloads of one bot process."""

    def __init__(self, bot: AnyBot, capcom: Capcom, clock: Clock | None = None) -> None:
        self.bot = bot
        self.capcom = capcom
        self.settings: ScheduleSettings = capcom.settings.schedule
        self.clock: Clock = clock or getattr(capcom, "clock", None) or SystemClock()
        self.store = Store.in_folder(capcom.settings.state_dir, owner=f"pid-{id(self)}")
        self.scheduler = Scheduler(
            self.store,
            self.settings,
            lambda: self.capcom.ctx,
            make_send(bot),
            self.clock,
            owns_guild=shard_owner(bot),
        )
        self._reload_lock = asyncio.Lock()
        self._watch: asyncio.Task[None] | None = None
        self._sighup = False

    def start(self) -> None:
        """Apply config subscriptions, start the loop, SIGHUP and the optional file watch."""
        self.store.sync_config(self.settings.declared(), self.clock.now())
        if self.settings.enabled:
            self.scheduler.start()
        if self.settings.sighup_reload:
            try:
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._on_sighup)
                self._sighup = True
            except (NotImplementedError, RuntimeError, AttributeError, ValueError):
                log.info("SIGHUP reload is not available here")
        if self.settings.watch_knowledge:
            self._watch = asyncio.create_task(self._watch_files(), name="capcom-kb-watch")

    async def stop(self) -> None:
        """Stop the loop, the watch and the signal handler; close the store."""
        await self.scheduler.stop()
        if self._watch is not None:
            self._watch.cancel()
            await asyncio.gather(self._watch, return_exceptions=True)
        if self._sighup:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        self.store.close()

    def _on_sighup(self) -> None:
        log.info("SIGHUP: reloading the fact base")
        task = asyncio.create_task(self.reload())
        task.add_done_callback(_log_failure)

    def _knowledge_folder(self) -> Path:
        return self.capcom.settings.knowledge_path or knowledge.DEFAULT_DATA

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        folder = self._knowledge_folder()
        out = []
        for p in sorted(folder.rglob("*.yaml")):
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
                    await self.reload()
            except Exception:
                log.exception("fact-base watch failed; it keeps watching")

    async def reload(self) -> ReloadResult:
        """Validate the new base; refuse a bad one; else swap it in and post its changes."""
        async with self._reload_lock:
            config = self.capcom.settings
            try:
                kb = await load_in_worker(
                    config.knowledge_path,
                    config.limits(),
                    memory_mb=config.reload_memory_mb,
                    timeout=config.reload_timeout_seconds,
                )
            except knowledge.LoadError as exc:
                log.error(
                    "reload refused, the old fact base keeps answering; %d problem(s):\n%s",
                    len(exc.problems),
                    exc.report(config.max_problems_shown),
                )
                return ReloadResult(False, problems=list(exc.problems))
            old = self.capcom.ctx
            ctx = await asyncio.to_thread(Context.build, kb, old.options)
            self.capcom.replace_context(ctx)
            changes = diff(old.kb, kb)
            log.info("fact base reloaded: %d change(s)", len(changes))
            report = await self.scheduler.post_changes(changes, self.clock.now())
            return ReloadResult(True, changes=changes, sent=report.sent, failed=report.failed)

    # -- what /subscriptions shows ----------------------------------------------------------

    def outcome_text(self, sub: Subscription, post: Post | None, now: dt.datetime) -> str:
        """The last post's outcome as a user should read it."""
        if post is None:
            state = "nothing posted yet"
        elif post.status == "sent":
            when = post.finished_at or post.claimed_at
            state = f"posted <t:{int(when.timestamp())}:R>"
        elif post.status == "claimed":
            if now - post.claimed_at < UNKNOWN_AFTER:
                state = "being posted now"
            else:
                state = (
                    "unknown outcome: the bot stopped while posting "
                    f"<t:{int(post.claimed_at.timestamp())}:F>; that post is not repeated"
                )
        elif post.status == "missed":
            state = f"missed: {post.detail or 'the bot was not running'}"
        elif post.detail and post.detail.startswith("error:"):
            state = post.detail  # our own error, logged; the channel is not at fault
        else:
            state = f"failed: {post.detail or 'unknown reason'}"
        if sub.paused:
            state += (
                f"\n**Paused** after {sub.failures} failed post(s)"
                f"{f': {sub.last_error}' if sub.last_error else ''}. Fix it, then /subscribe again."
            )
        elif sub.failures:
            state += f"\nFailing ({sub.failures} in a row): {sub.last_error}"
        return state

    def listing(self, guild_id: int) -> Reply:
        """The guild's subscriptions with next post time and last outcome."""
        now = self.clock.now()
        subs = self.store.subscriptions(guild_id)
        if not subs:
            return Reply(
                kind="answer",
                title="No status posts here",
                text="This server has no subscriptions; add one with /subscribe.",
            )
        nexts = next_slots(subs, now)
        lines = []
        for sub in subs[:20]:
            what = {"digest": "digests", "changes": "change alerts", "both": "digests and alerts"}
            head = f"<#{sub.channel_id}>: {what[sub.what]}"
            if sub.digests:
                head += f", {sub.schedule} ({sub.tz})"
            if sub.role_id is not None:
                head += f", mentions <@&{sub.role_id}>"
            if sub.origin == "config":
                head += " — from config.yaml"
            nxt = nexts.get(sub.id)
            if sub.paused:
                head += "\nNext post: none while paused"
            elif nxt is not None:
                head += f"\nNext post: <t:{int(nxt.timestamp())}:F>"
            last = self.store.last_post(sub.id)
            lines.append(head + "\nLast: " + self.outcome_text(sub, last, now))
        return Reply(kind="answer", title=f"Status posts ({len(subs)})", text="\n\n".join(lines))


def subscription_label(sub: Subscription, guild: discord.Guild) -> str:
    """'#channel · what · schedule' (the channel id when the channel is gone or unseen)."""
    channel = guild.get_channel(sub.channel_id)
    where = f"#{channel.name}" if channel is not None else f"channel {sub.channel_id} (not found)"
    parts = [where, sub.what]
    if sub.digests:
        parts.append(f"{sub.schedule} ({sub.tz})")
    if sub.origin == "config":
        parts.append("config.yaml")
    return " · ".join(parts)


def _log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("reload failed", exc_info=task.exception())


def _ok(title: str, text: str) -> Reply:
    return Reply(kind="answer", title=title, text=text)


class Subscriptions(commands.Cog):
    """/subscribe, /unsubscribe, /subscriptions and /reload."""

    def __init__(self, posts: StatusPosts) -> None:
        self.posts = posts

    async def cog_load(self) -> None:
        """Start the scheduler (setup_hook adds this cog once per process)."""
        self.posts.start()

    async def cog_unload(self) -> None:
        """Stop the scheduler and close the store."""
        await self.posts.stop()

    @staticmethod
    def _guild(interaction: discord.Interaction) -> discord.Guild:
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        return interaction.guild

    @app_commands.command(
        name="subscribe", description="Post ISS logistics digests or alerts here."
    )
    @app_commands.describe(
        channel="The channel to post in",
        what="Digests on a schedule, alerts when the schedule changes, or both",
        schedule="“daily 08:00”, “weekly mon 08:00” or a cron line like “0 8 * * 1-5”",
        timezone="IANA time zone of the schedule, e.g. Europe/Berlin (default UTC)",
        role="A role to mention in each post (nobody else is ever pinged)",
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.check(_manage_channels)
    async def subscribe(
        self,
        interaction: discord.Interaction,
        channel: ChannelOption,
        what: WhatChoice = "both",
        schedule: app_commands.Range[str, 1, 100] | None = None,
        timezone: app_commands.Range[str, 1, 64] = "UTC",
        role: discord.Role | None = None,
    ) -> None:
        """Create or replace this channel's subscription."""
        guild = self._guild(interaction)
        settings = self.posts.settings
        try:
            tz = zone(timezone).key
        except ScheduleError as exc:
            raise UserError(str(exc)) from None
        parsed: Schedule | None = None
        if what in ("digest", "both"):
            if not schedule:
                raise UserError(
                    "Digests need a schedule: “daily 08:00”, “weekly mon 08:00” or a cron line."
                )
            try:
                parsed = Schedule.parse(schedule, tz, min_interval=settings.min_interval)
            except ScheduleError as exc:
                raise UserError(str(exc)) from None
        target = guild.get_channel(channel.id)
        if not isinstance(target, discord.TextChannel):  # news channels subclass TextChannel
            raise UserError(f"I cannot see <#{channel.id}>; invite me to it or pick another one.")
        perms = target.permissions_for(guild.me)
        missing = [p.replace("_", " ").title() for p in _NEEDED if not getattr(perms, p)]
        if missing:
            raise UserError(
                f"I cannot post in {target.mention}: I need {', '.join(missing)} there."
            )
        sub = self.posts.store.subscribe(
            guild_id=guild.id,
            channel_id=target.id,
            what=what,
            schedule=parsed.text if parsed else None,
            tz=tz,
            role_id=role.id if role else None,
            origin="slash",
            now=self.posts.clock.now(),
            created_by=interaction.user.id,
        )
        lines = [f"{target.mention} is subscribed to {what}."]
        if parsed is not None:
            nxt = parsed.next_after(self.posts.clock.now())
            lines.append(f"Digests: {parsed.text} ({tz}); next <t:{int(nxt.timestamp())}:F>.")
        if sub.alerts:
            lines.append("Schedule-change alerts are posted when the fact base is reloaded.")
        if role is not None:
            lines.append(f"Each post mentions {role.mention}.")
        await send_ephemeral(interaction, _ok("Subscribed", "\n".join(lines)))

    @app_commands.command(name="unsubscribe", description="Stop a subscription's status posts.")
    @app_commands.describe(subscription="The subscription to remove (even if its channel is gone)")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.check(_manage_channels)
    async def unsubscribe(
        self, interaction: discord.Interaction, subscription: app_commands.Range[str, 1, 100]
    ) -> None:
        """Remove one of this server's /subscribe subscriptions, by id."""
        guild = self._guild(interaction)
        store = self.posts.store
        value = subscription.strip()
        sub = store.subscription(int(value)) if value.isdecimal() and len(value) < 19 else None
        if sub is None or sub.guild_id != guild.id:
            raise UserError(
                f"This server has no subscription “{value[:40]}”; pick one from the list "
                "(/subscriptions shows them all)."
            )
        label = subscription_label(sub, guild)
        if sub.origin == "config":
            raise UserError(f"{label} is declared in config.yaml; the operator removes it there.")
        store.unsubscribe(sub.id)
        await send_ephemeral(interaction, _ok("Unsubscribed", f"Removed: {label}."))

    @unsubscribe.autocomplete("subscription")
    async def _unsubscribe_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """This server's subscriptions, matching what was typed (at most 25)."""
        if interaction.guild is None:
            return []
        needle = current.strip().casefold()
        out = []
        for sub in self.posts.store.subscriptions(interaction.guild.id):
            label = subscription_label(sub, interaction.guild)
            if needle in label.casefold() or needle == str(sub.id):
                out.append(app_commands.Choice(name=label[:100], value=str(sub.id)))
        return out[:25]

    @app_commands.command(name="subscriptions", description="This server's status posts.")
    @app_commands.guild_only()
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        """List subscriptions with next post time and last outcome."""
        guild = self._guild(interaction)
        await send_ephemeral(interaction, self.posts.listing(guild.id))

    @app_commands.command(name="reload", description="Reload the fact base (bot owner only).")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Validate and swap in the fact base from disk; post its changes."""
        if not await self.posts.bot.is_owner(interaction.user):
            raise UserError("Only the bot's owner can reload the fact base.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.posts.reload()
        reply = Reply(
            kind="answer" if result.ok else "error",
            title="Reloaded" if result.ok else "Reload refused",
            text=result.text(),
        )
        await send_ephemeral(interaction, reply)


async def install(bot: AnyBot, capcom: Capcom, clock: Clock | None = None) -> StatusPosts:
    """Add the status-post commands and start the scheduler; call once, from setup_hook."""
    posts = StatusPosts(bot, capcom, clock)
    await bot.add_cog(Subscriptions(posts))
    return posts


def changes_text(changes: Sequence[Change]) -> str:
    """Changes as bullet lines (for logs)."""
    return "\n".join(f"• {c.text}" for c in changes)
