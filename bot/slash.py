"""Slash commands: /ask, /compare, /upcoming, /whatif, /about, /help, and one `/<command> name:`
per row of the command table (commands/registry.py) that has a slash form: /mission,
/vehicle, /pad, /crew, /timeline, /sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.respond import Deadline, send_reply
from bot.state import Capcom
from bot.views import bind_view, suggestion_view
from commands import compare as compare_cmd
from commands import upcoming as upcoming_cmd
from commands import whatif
from commands.context import Context
from commands.help import about_reply, help_reply
from commands.registry import TABLE, CommandSpec
from commands.reply import Reply
from commands.router import costly
from knowledge.schema import RecordKind

CHOICES_MAX = 25
CHOICE_TEXT_MAX = 100
RecordName = app_commands.Range[str, 1, 100]
CHANGE_CHOICES = [app_commands.Choice(name=c, value=c) for c in whatif.CHANGES[:CHOICES_MAX]]
# What /whatif's `mission` option names for each change (autocomplete).
WHATIF_TARGETS: dict[str, tuple[RecordKind, ...]] = {
    "ground-pad": ("pad",),
    "ground-vehicle": ("vehicle",),
    "add-flight": ("vehicle",),
}


def choices(
    ctx: Context, current: str, kinds: tuple[RecordKind | None, ...]
) -> list[app_commands.Choice[str]]:
    """At most 25 valid choices (names and values within 100 characters) for a partial name."""
    out: list[app_commands.Choice[str]] = []
    seen: set[str] = set()
    for kind in kinds:
        for c in ctx.index.autocomplete(current[:CHOICE_TEXT_MAX], kind=kind, limit=CHOICES_MAX):
            if c.value in seen or not c.value or len(c.value) > CHOICE_TEXT_MAX:
                continue
            seen.add(c.value)
            name = c.name if len(c.name) <= CHOICE_TEXT_MAX else c.name[: CHOICE_TEXT_MAX - 1] + "…"
            out.append(app_commands.Choice(name=name, value=c.value))
    return out[:CHOICES_MAX]


class Slash(commands.Cog):
    """Every slash command; each builds a Reply with commands/ and sends it rendered."""

    def __init__(self, capcom: Capcom) -> None:
        self.capcom = capcom

    # -- helpers ----------------------------------------------------------------------------

    @property
    def ctx(self) -> Context:
        """The assistant's Context."""
        return self.capcom.ctx

    def now(self) -> dt.date:
        """Today, for commands that depend on it."""
        return self.capcom.today()

    async def send(
        self,
        interaction: discord.Interaction,
        work: Callable[[], Reply],
        *,
        thread: bool,
        costly: bool = False,
    ) -> None:
        """Build the reply (in a worker thread if it may be slow), then send it.

        Costly work (a what-if) draws on the user's budget; over it, OverBudget is raised
        and the error handler tells the user when to try again.
        """
        settings = self.capcom.settings
        with self.capcom.budget.spend(interaction.user.id, costly):
            deadline = Deadline(interaction, settings.defer_after_seconds, update=False)
            reply = await deadline.thread(work) if thread else work()
            await send_reply(
                interaction,
                reply,
                deadline,
                render=self.capcom.render,
                make_view=lambda r: suggestion_view(self.capcom, interaction.user.id, r),
                bind=bind_view,
            )

    # -- free text --------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask anything about ISS resupply in plain words.")
    @app_commands.describe(question="e.g. “when does CRS-35 launch?” or “why is Soyuz in trouble?”")
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]
    ) -> None:
        """Route free text through the assistant (a follow-up refers to this user's last
        answer in this channel)."""
        who = (interaction.user.id, interaction.channel_id or 0)
        await self.send(
            interaction,
            lambda: self.capcom.answer(question, who),
            thread=True,
            costly=costly(question),
        )

    # -- several records or none ------------------------------------------------------------

    @app_commands.command(name="compare", description="Compare vehicles or pads side by side.")
    @app_commands.describe(first="A vehicle or pad", second="Another one", third="Optional")
    async def compare(
        self,
        interaction: discord.Interaction,
        first: RecordName,
        second: RecordName,
        third: RecordName | None = None,
    ) -> None:
        """Compare two or three records."""
        names = [n for n in (first, second, third) if n]
        await self.send(
            interaction, lambda: compare_cmd.compare(self.ctx, names, self.now()), thread=False
        )

    @compare.autocomplete("first")
    @compare.autocomplete("second")
    @compare.autocomplete("third")
    async def _compare_ac(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.ctx, current, ("vehicle", "pad"))

    @app_commands.command(name="upcoming", description="The next flights to and from the ISS.")
    @app_commands.describe(count="How many (1-25)", days="Only the next N days")
    async def upcoming(
        self,
        interaction: discord.Interaction,
        count: app_commands.Range[int, 1, 25] = 10,
        days: app_commands.Range[int, 1, 3660] | None = None,
    ) -> None:
        """List upcoming flights."""
        await self.send(
            interaction,
            lambda: upcoming_cmd.upcoming(self.ctx, self.now(), count=count, days=days),
            thread=False,
        )

    # -- what-if ----------------------------------------------------------------------------

    @app_commands.command(
        name="whatif", description="What happens to ISS supplies if a flight slips or a pad closes?"
    )
    @app_commands.describe(
        question="In plain words, e.g. “what if Progress MS-33 slips 6 months?”",
        mission="The flight (“the next Progress” too), the pad or the vehicle it applies to",
        change="What changes",
        amount="How long or until when (“3 months”, “March”, “2027-03-01”), or a number",
    )
    @app_commands.choices(change=CHANGE_CHOICES)
    async def whatif(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, 1000] | None = None,
        mission: RecordName | None = None,
        change: str | None = None,
        amount: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        """Run a what-if scenario, from free text or from structured options."""
        if question is None and (mission is None or change is None):
            raise UserError(
                "Give a question (“what if CRS-35 slips 3 months?”), or a mission and a change."
            )
        now = self.now()

        def work() -> Reply:
            if question is not None:
                return whatif.ask(self.ctx, question, now)
            return whatif.structured(self.ctx, mission or "", change or "", amount, now)

        await self.send(interaction, work, thread=True, costly=True)

    @whatif.autocomplete("mission")
    async def _whatif_ac(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        change = getattr(interaction.namespace, "change", None)
        kinds: tuple[RecordKind, ...] = WHATIF_TARGETS.get(change or "", ("mission",))
        return choices(self.ctx, current, kinds)

    # -- about ------------------------------------------------------------------------------

    @app_commands.command(name="about", description="Version, fact-base date, counts, sources.")
    async def about(self, interaction: discord.Interaction) -> None:
        """Describe capcom and its fact base."""
        await self.send(interaction, lambda: about_reply(self.ctx, self.now()), thread=False)

    @app_commands.command(name="help", description="What capcom can answer, with examples.")
    async def help(self, interaction: discord.Interaction) -> None:
        """Show what the assistant can do."""
        await self.send(interaction, lambda: help_reply(self.ctx), thread=False)


AnyCommand = app_commands.Command[Any, ..., None]


def table_commands(slash: Slash) -> list[AnyCommand]:
    """A `/<command> name:` slash command for each table row with a slash form."""
    return [_table_command(slash, spec) for spec in TABLE if spec.slash_name]


def _table_command(slash: Slash, spec: CommandSpec) -> AnyCommand:
    if spec.slash_name != "name":
        raise ValueError(f"{spec.command.value}: table commands take one option called name")
    kinds: tuple[RecordKind | None, ...] = spec.kinds or (None,)

    async def callback(interaction: discord.Interaction, name: RecordName) -> None:
        await slash.send(interaction, lambda: spec.run(slash.ctx, name, slash.now()), thread=False)

    callback.__doc__ = spec.summary
    described = app_commands.describe(name=spec.slash_hint or "A name")(callback)
    command: AnyCommand = app_commands.Command(
        name=spec.command.value, description=spec.summary, callback=described
    )

    async def complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(slash.ctx, current, kinds)

    command.autocomplete("name")(complete)
    return command
