"""What every handler of one bot process shares: settings, the fact base, the clock, the store."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from discord.ext import commands

import knowledge
from bot.budget import WorkBudget
from bot.chart_pool import ChartPool
from bot.render import ChartRenderer, Rendered, render_async
from bot.settings import Settings
from bot.slots import Clock, clock_at
from commands.context import Context
from commands.conversation import Conversations
from commands.lookup import describe
from commands.reply import Reply, Suggestion
from commands.router import answer

if TYPE_CHECKING:
    from bot.metrics import Metrics
    from bot.reload import Reloader
    from bot.store import Store

log = logging.getLogger(__name__)
AnyBot = commands.Bot | commands.AutoShardedBot


class Capcom:
    """What every handler needs: settings, the assistant's Context, today's date, the store."""

    def __init__(self, settings: Settings, context: Context | None = None) -> None:
        self.settings = settings
        self._context = context
        self.unexpected: list[BaseException] = []  # errors we caused (tests assert it stays empty)
        self.clock: Clock = clock_at(settings.schedule.now)  # status posts read the time here
        self.charts = ChartPool(settings.chart_timeout_seconds)  # drawn in a worker process
        self.draw_chart: ChartRenderer | None = self.charts
        self.freeze_gc = False  # `capcom run` sets it: see client.setup()
        self._store: Store | None = None
        self.metrics: Metrics | None = None  # set when metrics_port is configured
        self.reloader: Reloader | None = None  # set in setup_hook
        # Follow-ups per user and channel, expiring on the clock above (tests swap it).
        self.conversations = Conversations(clock=lambda: self.clock.now().timestamp())
        self.budget = WorkBudget(  # what-ifs per user, on every path
            settings.whatif_cooldown_uses,
            settings.whatif_cooldown_seconds,
            settings.whatif_queue_per_user,
        )

    def close(self) -> None:
        """Stop the chart workers."""
        self.charts.close()

    @property
    def ctx(self) -> Context:
        """The loaded fact base and its indexes."""
        if self._context is None:
            raise RuntimeError("the fact base is not loaded yet (setup_hook has not run)")
        return self._context

    @property
    def store(self) -> Store:
        """The state database (opened by open_store, in setup_hook)."""
        if self._store is None:
            raise RuntimeError("the state store is not open yet (setup_hook has not run)")
        return self._store

    async def open_store(self) -> Store:
        """Open the state database named by the settings and apply its migrations (once)."""
        if self._store is None:
            from bot.store import open_store

            self._store = await open_store(self.settings)
        return self._store

    async def close_store(self) -> None:
        """Close the state database."""
        if self._store is not None:
            await self._store.close()
            self._store = None

    async def load(self) -> None:
        """Load the fact base and build its indexes once (in a worker thread), if not given."""
        if self._context is None:
            path, limits = self.settings.knowledge_path, self.settings.limits()

            def build() -> Context:
                return Context.build(knowledge.load(path, limits), self.settings.options())

            self._context = await asyncio.to_thread(build)
        kb = self._context.kb
        log.info("fact base %s as of %s: %s", kb.folder, kb.as_of, kb.counts())

    def replace_context(self, context: Context) -> None:
        """Swap in a reloaded fact base (validated by the caller); the old one is dropped."""
        self._context = context

    def today(self) -> dt.date:
        """The date commands treat as today."""
        return self.settings.today()

    async def render(self, reply: Reply) -> Rendered:
        """The embed (and chart attachment) for a reply; the chart is drawn off the loop."""
        return await render_async(reply, self.settings.chart_timeout_seconds, self.draw_chart)

    def answer(self, text: str, who: tuple[int, int] | None = None) -> Reply:
        """Answer free text (DMs, mentions, /ask); `who` (user id, channel id) keeps that
        user's conversation in that channel, so a follow-up refers to their last answer."""
        conversation = self.conversations.get(who) if who is not None else None
        return answer(self.ctx, text, self.today(), conversation)

    def answer_suggestion(self, suggestion: Suggestion) -> Reply:
        """Answer a "did you mean" choice (or "More"): its record's whole card if it names
        one, else its query."""
        if suggestion.record_id:
            return describe(self.ctx, suggestion.record_id, self.today())
        return self.answer(suggestion.query)


def capcom_of(client: Any) -> Capcom:
    """The Capcom state of a bot made by bot.client.create_bot."""
    capcom = getattr(client, "capcom", None)
    if not isinstance(capcom, Capcom):
        raise TypeError(f"{type(client).__name__} is not a capcom bot")
    return capcom
