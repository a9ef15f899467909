"""Answering an interaction within Discord's 3 s: run the work, defer if it runs long, send."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import discord
from discord.utils import MISSING

from bot.render import Rendered
from commands.reply import Reply

T = TypeVar("T")
log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()


class Deadline:
    """Awaits work for an interaction, deferring first if it would pass `after` seconds."""

    def __init__(self, interaction: discord.Interaction, after: float, *, update: bool) -> None:
        self.interaction = interaction
        self.after = after
        self.update = update  # a component: defer as "update the message", not "thinking"
        self.started = asyncio.get_running_loop().time()

    @property
    def deferred(self) -> bool:
        """Whether the interaction was already acknowledged."""
        return self.interaction.response.is_done()

    async def defer(self) -> None:
        """Acknowledge now (a "thinking…" message, or a silent update for components)."""
        if self.deferred:
            return
        if self.update:
            await self.interaction.response.defer()
        else:
            await self.interaction.response.defer(thinking=True)

    async def run(self, work: Awaitable[T]) -> T:
        """Await work; defer the interaction if it is not done before the deadline."""
        task = asyncio.ensure_future(work)
        if not self.deferred:
            left = self.after - (asyncio.get_running_loop().time() - self.started)
            done, _ = await asyncio.wait({task}, timeout=max(0.0, left))
            if not done:
                await self.defer()
        return await task

    async def thread(self, fn: Callable[[], T]) -> T:
        """Run a blocking function in a worker thread under the deadline."""
        return await self.run(asyncio.to_thread(fn))


Renderer = Callable[[Reply], Awaitable[Rendered]]
ViewFactory = Callable[[Reply], discord.ui.View | None]
Binder = Callable[[discord.ui.View, Callable[..., Awaitable[object]]], None]


async def send_reply(
    interaction: discord.Interaction,
    reply: Reply,
    deadline: Deadline,
    *,
    render: Renderer,
    make_view: ViewFactory,
    bind: Binder,
) -> None:
    """Send a reply to a slash command: errors ephemeral, charts attached, views bound."""
    rendered: Rendered = await deadline.run(render(reply))
    view = make_view(reply)
    ephemeral = reply.kind == "error"
    shown: Any = view if view is not None else MISSING
    editor: Callable[..., Awaitable[object]] = interaction.edit_original_response
    if not interaction.response.is_done():
        await interaction.response.send_message(
            embed=rendered.embed,
            files=rendered.files,
            view=shown,
            ephemeral=ephemeral,
            allowed_mentions=NO_PINGS,
        )
    elif ephemeral:  # the "thinking…" message is public: replace it with a private one
        await interaction.delete_original_response()
        sent = await interaction.followup.send(
            embed=rendered.embed,
            files=rendered.files,
            view=shown,
            ephemeral=True,
            wait=True,
            allowed_mentions=NO_PINGS,
        )
        editor = sent.edit
    else:
        await interaction.edit_original_response(
            embed=rendered.embed, attachments=rendered.files, view=view, allowed_mentions=NO_PINGS
        )
    if view is not None:
        bind(view, editor)


async def edit_reply(
    interaction: discord.Interaction,
    reply: Reply,
    deadline: Deadline,
    *,
    render: Renderer,
    make_view: ViewFactory,
    bind: Binder,
) -> None:
    """Replace the message a component sits on with a reply (a button click's answer)."""
    rendered = await deadline.run(render(reply))
    view = make_view(reply)
    if not interaction.response.is_done():
        await interaction.response.edit_message(
            embed=rendered.embed, attachments=rendered.files, view=view
        )
    else:
        await interaction.edit_original_response(
            embed=rendered.embed, attachments=rendered.files, view=view
        )
    if view is not None:
        bind(view, interaction.edit_original_response)
