""" "Did you mean" and "More" buttons: up to 5, only the asker may click, disabled on timeout."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.errors import handle_error, send_ephemeral
from bot.respond import Deadline, edit_reply
from bot.state import Capcom
from commands.reply import SUGGESTIONS_MAX, Reply, Suggestion, error
from commands.router import costly

log = logging.getLogger(__name__)

NOT_YOURS = "That is not your question: ask your own with /ask, or send me a message."


class SuggestionView(discord.ui.View):
    """One button per suggestion; a click answers that choice in place of the question."""

    def __init__(self, capcom: Capcom, owner_id: int, suggestions: tuple[Suggestion, ...]) -> None:
        super().__init__(timeout=capcom.settings.view_timeout_seconds)
        self.capcom = capcom
        self.owner_id = owner_id
        self.editor: Callable[..., Awaitable[object]] | None = None
        for i, suggestion in enumerate(suggestions[:SUGGESTIONS_MAX]):
            self.add_item(SuggestionButton(i, suggestion))

    def bind(self, editor: Callable[..., Awaitable[object]]) -> None:
        """Remember how to edit the message this view sits on (to disable it on timeout)."""
        self.editor = editor

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Let only the asker click; tell anyone else, privately."""
        if interaction.user.id == self.owner_id:
            return True
        await send_ephemeral(interaction, error("Not your question", NOT_YOURS))
        return False

    async def on_timeout(self) -> None:
        """Disable every button so the message shows the choices are no longer live."""
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.editor is None:
            return
        try:
            await self.editor(view=self)
        except discord.HTTPException as exc:  # message deleted, token expired: nothing to fix
            log.info("could not disable expired buttons: %s", exc)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        """Route button errors to the bot's one error handler."""
        await handle_error(interaction, error, self.capcom.unexpected)


class SuggestionButton(discord.ui.Button[SuggestionView]):
    """A choice; clicking it edits the message into the chosen answer."""

    def __init__(self, index: int, suggestion: Suggestion) -> None:
        super().__init__(
            label=suggestion.label[:80] or suggestion.query[:80] or "?",
            style=discord.ButtonStyle.primary
            if index == 0 and suggestion.query
            else discord.ButtonStyle.secondary,
        )
        self.suggestion = suggestion

    async def callback(self, interaction: discord.Interaction) -> None:
        """Answer the chosen record (or query) by editing the message."""
        view = self.view
        assert view is not None
        capcom = view.capcom
        pick = self.suggestion
        with capcom.budget.spend(interaction.user.id, not pick.record_id and costly(pick.query)):
            view.stop()
            deadline = Deadline(interaction, capcom.settings.defer_after_seconds, update=True)
            reply = await deadline.thread(lambda: capcom.answer_suggestion(pick))
            await edit_reply(
                interaction,
                reply,
                deadline,
                render=capcom.render,
                make_view=lambda r: suggestion_view(capcom, interaction.user.id, r),
                bind=bind_view,
            )


MORE_LABEL = "More"


def suggestion_view(capcom: Capcom, owner_id: int, reply: Reply) -> SuggestionView | None:
    """A view of buttons for a reply's suggestions and, for a brief answer, "More" (the
    record's whole card); None when it has neither."""
    choices = reply.suggestions
    if reply.more is not None:
        choices = (*choices[: SUGGESTIONS_MAX - 1], Suggestion(MORE_LABEL, "", reply.more))
    if not choices:
        return None
    return SuggestionView(capcom, owner_id, choices)


def bind_view(view: discord.ui.View, editor: Callable[..., Awaitable[object]]) -> None:
    """Tell a SuggestionView how to edit its message."""
    if isinstance(view, SuggestionView):
        view.bind(editor)
