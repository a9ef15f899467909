"""Status posts in Discord: /subscribe, /unsubscribe, /subscriptions, and the scheduler's I/O.

`install(bot, capcom)` (called once from setup_hook, after the store is open) adds the
commands to the tree and starts the scheduler loop - never from on_ready, which runs again on
every reconnect. Posts carry their nonce (sent with enforce_nonce) as the last words of the
embed footer, so a post can be found again in the channel. The only mention the bot ever sends
is the role a subscription asked for. Reloads live in bot/reload.py.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Literal

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError, send_ephemeral
from bot.render import embed
from bot.schedule_settings import ScheduleSettings
from bot.scheduler import Find, Pacer, Scheduler, Send, SendError, next_slots
from bot.slots import Clock, Schedule, ScheduleError, zone
from bot.state import AnyBot, Capcom
from bot.store import Post, Store, Subscription
from commands.reply import Reply

log = logging.getLogger(__name__)
WhatChoice = Literal["digest", "changes", "both"]
UNKNOWN_AFTER = dt.timedelta(minutes=2)  # a claim older than this without outcome is "unknown"
_NEEDED = ("view_channel", "send_messages", "embed_links", "read_message_history")
HISTORY_LIMIT = 100  # recent messages searched for a post whose outcome is unknown


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


def _send_error(exc: Exception, channel_id: int, doing: str) -> SendError:
    """A discord.py or network error as a SendError with a reason an operator can act on."""
    if isinstance(exc, discord.Forbidden):
        return SendError(
            f"403 Forbidden: capcom may not {doing} in channel {channel_id} "
            f"({exc.text or 'missing permissions'}); give it View Channel, Send Messages, "
            "Embed Links and Read Message History there",
            transient=False,
        )
    if isinstance(exc, discord.NotFound):
        return SendError(
            f"404: channel {channel_id} was deleted or capcom cannot see it "
            f"({exc.text or 'unknown channel'})",
            transient=False,
        )
    if isinstance(exc, discord.HTTPException):
        transient = exc.status == 429 or exc.status >= 500
        return SendError(f"Discord answered {exc.status}: {exc.text or exc}", transient=transient)
    return SendError(f"network error: {exc!r}", transient=True)


_ERRORS = (discord.HTTPException, aiohttp.ClientError, TimeoutError, OSError)


def make_send(bot: discord.Client) -> Send:
    """The scheduler's send(): an embed with its marker, sent with the post's nonce."""

    async def send(channel_id: int, reply: Reply, role_id: int | None, nonce: str) -> int | None:
        channel = bot.get_partial_messageable(channel_id)
        content = f"<@&{role_id}>" if role_id is not None else None
        try:
            msg = await channel.send(  # discord.py sends a nonce with enforce_nonce=True
                content=content,
                embed=embed(reply, marker=nonce),
                allowed_mentions=mentions_for(role_id),
                nonce=nonce,
            )
        except _ERRORS as exc:
            raise _send_error(exc, channel_id, "post") from None
        return msg.id

    return send


def make_find(bot: discord.Client) -> Find:
    """The scheduler's find(): our own recent post in a channel whose footer ends in a marker."""

    async def find(channel_id: int, marker: str, after: dt.datetime) -> int | None:
        me = bot.user
        channel = bot.get_partial_messageable(channel_id)
        try:
            async for msg in channel.history(limit=HISTORY_LIMIT, after=after, oldest_first=True):
                if me is not None and msg.author.id != me.id:
                    continue
                for e in msg.embeds:
                    if e.footer.text and e.footer.text.endswith(marker):
                        return msg.id
        except _ERRORS as exc:
            raise _send_error(exc, channel_id, "read the message history") from None
        return None

    return find


class StatusPosts:
    """The scheduler of one bot process and what /subscriptions shows."""

    def __init__(self, bot: AnyBot, capcom: Capcom, clock: Clock | None = None) -> None:
        self.bot = bot
        self.capcom = capcom
        self.settings: ScheduleSettings = capcom.settings.schedule
        self.clock: Clock = clock or capcom.clock
        self.store: Store = capcom.store
        metrics = capcom.metrics
        self.scheduler = Scheduler(
            self.store,
            self.settings,
            lambda: self.capcom.ctx,
            make_send(bot),
            self.clock,
            shards=capcom.settings.shards,
            find=make_find(bot),
            pacer=Pacer(self.store, capcom.settings.discord_requests_per_second),
            observe=metrics.observe_post if metrics is not None else None,
        )

    async def start(self) -> None:
        """Apply config subscriptions and start the loop."""
        await self.store.sync_config(self.settings.declared(), self.clock.now())
        if self.settings.enabled:
            await self.scheduler.start()

    async def stop(self) -> None:
        """Stop the loop."""
        await self.scheduler.stop()

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
            elif post.nonce is not None:
                state = (
                    "being finished: the bot stopped while posting "
                    f"<t:{int(post.claimed_at.timestamp())}:F>; it is checked and sent once"
                )
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

    async def listing(self, guild_id: int) -> Reply:
        """The guild's subscriptions with next post time and last outcome."""
        now = self.clock.now()
        subs = await self.store.subscriptions(guild_id)
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
            last = await self.store.last_post(sub.id)
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


def _ok(title: str, text: str) -> Reply:
    return Reply(kind="answer", title=title, text=text)


class Subscriptions(commands.Cog):
    """/subscribe, /unsubscribe and /subscriptions."""

    def __init__(self, posts: StatusPosts) -> None:
        self.posts = posts

    async def cog_load(self) -> None:
        """Start the scheduler (setup_hook adds this cog once per process)."""
        await self.posts.start()

    async def cog_unload(self) -> None:
        """Stop the scheduler."""
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
        sub = await self.posts.store.subscribe(
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
        sub = (
            await store.subscription(int(value)) if value.isdecimal() and len(value) < 19 else None
        )
        if sub is None or sub.guild_id != guild.id:
            raise UserError(
                f"This server has no subscription “{value[:40]}”; pick one from the list "
                "(/subscriptions shows them all)."
            )
        label = subscription_label(sub, guild)
        if sub.origin == "config":
            raise UserError(f"{label} is declared in config.yaml; the operator removes it there.")
        await store.unsubscribe(sub.id)
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
        for sub in await self.posts.store.subscriptions(interaction.guild.id):
            label = subscription_label(sub, interaction.guild)
            if needle in label.casefold() or needle == str(sub.id):
                out.append(app_commands.Choice(name=label[:100], value=str(sub.id)))
        return out[:25]

    @app_commands.command(name="subscriptions", description="This server's status posts.")
    @app_commands.guild_only()
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        """List subscriptions with next post time and last outcome."""
        guild = self._guild(interaction)
        await send_ephemeral(interaction, await self.posts.listing(guild.id))


async def install(bot: AnyBot, capcom: Capcom, clock: Clock | None = None) -> StatusPosts:
    """Add the status-post commands and start the scheduler; call once, from setup_hook."""
    posts = StatusPosts(bot, capcom, clock)
    await bot.add_cog(Subscriptions(posts))
    return posts
