"""The one tree-wide error handler: user errors ephemeral, our errors logged and apologised for."""

from __future__ import annotations

import logging
import math
from typing import Any

import discord
from discord import app_commands

from bot.render import embed
from bot.respond import NO_PINGS
from commands.reply import Reply
from commands.reply import error as error_reply

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on our side while answering. It has been logged."


class UserError(app_commands.AppCommandError):
    """Input the user can fix; its message is shown to them (ephemeral)."""


class CapcomTree(app_commands.CommandTree[Any]):
    """A command tree whose on_error is the bot's single error handler."""

    def __init__(self, client: discord.Client, **kwargs: Any) -> None:
        super().__init__(client, **kwargs)
        self._own: list[BaseException] = []

    @property
    def unexpected(self) -> list[BaseException]:
        """Errors we caused: the bot's shared list when it has one."""
        shared = getattr(getattr(self.client, "capcom", None), "unexpected", None)
        return shared if isinstance(shared, list) else self._own

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Answer the user; log and record what we did not expect."""
        metrics = getattr(getattr(self.client, "capcom", None), "metrics", None)
        if metrics is not None:
            metrics.observe_interaction(interaction, "error")
        await handle_error(interaction, error, self.unexpected)


def user_message(error: BaseException) -> str | None:
    """The text to show for an error the user caused, or None if it is ours."""
    if isinstance(error, app_commands.CommandOnCooldown):
        wait = max(1, math.ceil(error.retry_after))
        return f"That one is expensive to work out: try again in {wait} s."
    if isinstance(error, UserError):
        return str(error) or "That input cannot be used."
    if isinstance(error, app_commands.TransformerError):
        return f"“{str(error.value)[:100]}” is not a valid value for that option."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command works in servers only."
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use that command here."
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return "This command was just updated; please try again in a minute."
    return None


def describe_interaction(interaction: discord.Interaction) -> str:
    """The context of an interaction for the log: command, options, user, guild, channel."""
    name = interaction.command.qualified_name if interaction.command else "?"
    data: Any = interaction.data or {}
    if interaction.type is discord.InteractionType.component:
        name = f"component {data.get('custom_id', '?')}"
    options = {
        o.get("name"): o.get("value") for o in data.get("options", []) if isinstance(o, dict)
    }
    return (
        f"interaction {interaction.id} ({name}) options={options!r} user={interaction.user.id} "
        f"guild={interaction.guild_id} channel={interaction.channel_id}"
    )


async def handle_error(
    interaction: discord.Interaction,
    error: BaseException,
    unexpected: list[BaseException] | None = None,
) -> None:
    """Answer an interaction's error ephemerally; log ours with context."""
    text = user_message(error)
    if text is None:
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        log.error("unexpected error in %s", describe_interaction(interaction), exc_info=original)
        if unexpected is not None:
            unexpected.append(original)
        await send_ephemeral(interaction, error_reply("Sorry", APOLOGY))
        return
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        log.warning("stale command definitions: %s", error)
    await send_ephemeral(interaction, error_reply("Cannot do that", text))


async def send_ephemeral(interaction: discord.Interaction, reply: Reply) -> None:
    """Send a Reply as an ephemeral message, whether or not the interaction was answered."""
    e = embed(reply)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(embed=e, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(
                embed=e, ephemeral=True, allowed_mentions=NO_PINGS
            )
    except discord.HTTPException:
        log.exception("could not answer %s", describe_interaction(interaction))
