"""The Discord client: the bot classes (plain or auto-sharded), their setup, DMs and mentions."""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any, cast

import discord
from discord.ext import commands

from bot.budget import OverBudget
from bot.errors import APOLOGY, CapcomTree
from bot.render import embed
from bot.respond import NO_PINGS
from bot.settings import Settings
from bot.state import AnyBot, Capcom
from bot.views import suggestion_view
from commands.context import Context
from commands.reply import error as error_reply
from commands.router import costly

log = logging.getLogger(__name__)


def intents() -> discord.Intents:
    """Guilds, DMs, guild messages and message content; nothing else."""
    out = discord.Intents.none()
    out.guilds = True
    out.dm_messages = True
    out.guild_messages = True
    out.message_content = True
    return out


def bot_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments shared by both bot classes."""
    options: dict[str, Any] = {
        "command_prefix": commands.when_mentioned,
        "help_command": None,
        "intents": intents(),
        "allowed_mentions": discord.AllowedMentions.none(),
        "tree_cls": CapcomTree,
        "guild_ready_timeout": settings.guild_ready_timeout,
        "max_messages": 100,
        "chunk_guilds_at_startup": False,
    }
    if settings.sharded:
        options["shard_count"] = settings.shard_count
        if settings.shard_ids is not None:
            options["shard_ids"] = list(settings.shard_ids)
    return options


async def setup(bot: AnyBot, capcom: Capcom) -> None:
    """Load the fact base, open the store, add the commands and listeners, sync once per deploy.

    Loops (status posts, reload listeners, metrics) start here once, never from on_ready.
    """
    from bot import reload
    from bot.slash import Slash, table_commands
    from bot.sync import sync_commands

    await capcom.load()
    await capcom.open_store()
    if capcom.settings.metrics_port is not None:
        from bot.metrics import Metrics

        capcom.metrics = Metrics(bot, capcom)
        await capcom.metrics.start()
    slash = Slash(capcom)
    await bot.add_cog(slash)
    for command in table_commands(slash):
        bot.tree.add_command(command)
    await bot.add_cog(Conversation(bot, capcom))
    scheduler = None
    if capcom.settings.schedule.enabled:
        from bot.subscriptions import install

        scheduler = (await install(bot, capcom)).scheduler
    capcom.reloader = await reload.install(bot, capcom, scheduler)
    if capcom.freeze_gc:
        # The fact base and the library live as long as the process: keep them out of the
        # garbage collector's full passes (those made the p99 latency 5x worse under load).
        gc.collect()
        gc.freeze()
    if capcom.settings.sync_on_start:
        try:
            for result in await sync_commands(bot, capcom.settings, capcom.store):
                log.info("%s", result)
        except discord.HTTPException:
            log.exception("command sync failed; running with the commands Discord has")


class _CapcomBotMixin:
    """What both bot classes add to discord.py's: Capcom state, setup_hook, no prefix commands."""

    def __init__(self, capcom: Capcom) -> None:
        super().__init__(**bot_options(capcom.settings))  # the discord.py class next in the MRO
        self.capcom = capcom

    async def setup_hook(self) -> None:
        """Build the Context once and install the commands."""
        await setup(cast(AnyBot, self), capcom=self.capcom)

    async def on_message(self, message: discord.Message, /) -> None:
        """Messages are handled by the Conversation cog; there are no prefix commands."""

    async def close(self) -> None:
        """Stop the cogs' loops, disconnect, then close the metrics server, the store and the
        chart workers."""
        try:
            await super().close()  # type: ignore[misc]
            if self.capcom.metrics is not None:
                await self.capcom.metrics.stop()
            await self.capcom.close_store()
        finally:
            self.capcom.close()


class CapcomBot(_CapcomBotMixin, commands.Bot):
    """capcom in one process, one gateway connection."""


class ShardedCapcomBot(_CapcomBotMixin, commands.AutoShardedBot):
    """capcom over several shards (shard_count / shard_ids in config)."""


def create_bot(
    settings: Settings, context: Context | None = None, *, freeze_gc: bool = False
) -> AnyBot:
    """A bot for these settings: AutoShardedBot when sharding is configured, else Bot."""
    capcom = Capcom(settings, context)
    capcom.freeze_gc = freeze_gc
    if settings.sharded:
        return ShardedCapcomBot(capcom)
    return CapcomBot(capcom)


class Conversation(commands.Cog):
    """Direct messages, and server messages that mention the bot, answered like /ask."""

    def __init__(self, bot: AnyBot, capcom: Capcom) -> None:
        self.bot = bot
        self.capcom = capcom

    def addressed(self, message: discord.Message) -> bool:
        """Whether a message is for us: a DM, or a server message mentioning the bot."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return False
        if message.guild is None:
            return True
        return any(u.id == me.id for u in message.mentions)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a message addressed to us; apologise (and log) if that fails on our side."""
        if not self.addressed(message):
            return
        try:
            with self.capcom.budget.spend(message.author.id, costly(message.content)):
                await self.respond(message)
        except OverBudget as exc:
            await self.refuse(message, str(exc))
        except Exception as exc:
            log.exception(
                "unexpected error answering message %s from user %s in guild %s channel %s",
                message.id,
                message.author.id,
                message.guild.id if message.guild else None,
                message.channel.id,
            )
            self.capcom.unexpected.append(exc)
            try:
                await message.channel.send(
                    embed=embed(error_reply("Sorry", APOLOGY)),
                    allowed_mentions=NO_PINGS,
                    reference=message.to_reference(fail_if_not_exists=False),
                )
            except discord.HTTPException:
                log.exception("could not apologise in channel %s", message.channel.id)

    async def refuse(self, message: discord.Message, text: str) -> None:
        """Say why a message is not answered now (a what-if over the user's budget)."""
        try:
            await message.channel.send(
                embed=embed(error_reply("Not right now", text)),
                allowed_mentions=NO_PINGS,
                reference=message.to_reference(fail_if_not_exists=False),
                mention_author=False,
            )
        except discord.HTTPException:
            log.exception(
                "could not answer message %s in channel %s", message.id, message.channel.id
            )

    async def respond(self, message: discord.Message) -> None:
        """Answer the message's text, with suggestion buttons when it is a "did you mean"."""
        settings = self.capcom.settings
        text = message.content
        who = (message.author.id, message.channel.id)
        task = asyncio.ensure_future(asyncio.to_thread(self.capcom.answer, text, who))
        done, _ = await asyncio.wait({task}, timeout=settings.defer_after_seconds)
        if not done:
            await message.channel.typing()
        reply = await task
        rendered = await self.capcom.render(reply)
        view = suggestion_view(self.capcom, message.author.id, reply)
        kwargs: dict[str, Any] = {"embed": rendered.embed, "allowed_mentions": NO_PINGS}
        if rendered.file is not None:
            kwargs["file"] = rendered.file
        if view is not None:
            kwargs["view"] = view
        if message.guild is not None:
            kwargs["reference"] = message.to_reference(fail_if_not_exists=False)
            kwargs["mention_author"] = False
        sent = await message.channel.send(**kwargs)
        if view is not None:
            view.bind(sent.edit)
