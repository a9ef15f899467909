"""The command table: every command word, what it runs, its help line and its slash form.

Adding a command is adding a row here: the router reads its words ("vehicle cygnus"),
/help lists its examples, and a row with `slash_name` becomes a `/<command> name:` slash
command with autocomplete over `kinds` (bot/slash.py builds those from this table).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from commands import compare as compare_cmd
from commands import sources as sources_cmd
from commands import timeline as timeline_cmd
from commands import upcoming as upcoming_cmd
from commands.context import Context
from commands.help import about_reply
from commands.lookup import lookup
from commands.reply import Reply
from commands.understand.thresholds import TOPIC_CONFIDENT
from commands.understand.types import Command
from knowledge.schema import RecordKind

Run = Callable[[Context, str, dt.date], Reply]


@dataclass(frozen=True)
class CommandSpec:
    """One command: its word, what it runs on its argument text, how it is shown."""

    command: Command
    run: Run
    summary: str  # the slash command's description and the help line
    examples: tuple[str, ...] = ()
    group: str = ""  # the /help field it is listed under
    kinds: tuple[RecordKind, ...] | None = None  # records its argument names
    slash_name: str = ""  # the option of a generated `/<command> <option>:` slash command
    slash_hint: str = ""  # that option's description
    needs_argument: bool = True


def _record(kinds: tuple[RecordKind, ...]) -> Run:
    def run(ctx: Context, arg: str, now: dt.date) -> Reply:
        return lookup(ctx, arg, now, kinds)

    return run


def _sources(ctx: Context, arg: str, now: dt.date) -> Reply:
    reply = sources_cmd.sources(ctx, arg, now)
    topics = ctx.topics.match(arg) if reply.kind == "suggestions" else []
    if topics and topics[0].score >= TOPIC_CONFIDENT:  # "source for the progress gap"
        return sources_cmd.sources(ctx, topics[0].topic_id, now)
    return reply


def split_list(text: str) -> list[str]:
    """ "cygnus, dragon and htv-x" -> the three names."""
    parts = re.split(
        r"\s*(?:,|\band\b|\bor\b|\bvs\.?\b|\bversus\b|\bwith\b|&)\s*", text, flags=re.I
    )
    return [p.strip(" ?.!") for p in parts if p.strip(" ?.!")]


def _compare(ctx: Context, arg: str, now: dt.date) -> Reply:
    return compare_cmd.compare(ctx, split_list(arg), now)


def _upcoming(ctx: Context, arg: str, now: dt.date) -> Reply:
    if arg and ctx.index.find_mentions(arg, kinds=("vehicle", "pad")):
        return upcoming_cmd.upcoming_for(ctx, arg, now)
    return upcoming_cmd.upcoming(ctx, now)


def _help(ctx: Context, arg: str, now: dt.date) -> Reply:
    from commands.help import help_reply

    return help_reply(ctx)


def _about(ctx: Context, arg: str, now: dt.date) -> Reply:
    return about_reply(ctx, now)


TABLE: tuple[CommandSpec, ...] = (
    CommandSpec(
        Command.MISSION, _record(("mission",)), "A mission: dates, vehicle, pad, crew.",
        ("CRS-35", "Progress MS-33"), "Look up", ("mission",), "name",
        "Mission name, e.g. CRS-35 or Progress MS-33",
    ),
    CommandSpec(
        Command.VEHICLE, _record(("vehicle",)), "A vehicle: capacities, status, flights.",
        ("Cygnus",), "Look up", ("vehicle",), "name", "Vehicle name, e.g. Cygnus or Soyuz MS",
    ),
    CommandSpec(
        Command.PAD, _record(("pad",)), "A launch pad: status, history, vehicles.",
        ("Site 31/6",), "Look up", ("pad",), "name", "Pad name, e.g. Site 31/6 or SLC-40",
    ),
    CommandSpec(
        Command.CREW, _record(("crew",)), "A crew member: agency, missions.",
        ("Oleg Artemyev",), "Look up", ("crew",), "name", "Name, e.g. Oleg Artemyev",
    ),
    CommandSpec(
        Command.TOPIC, _record(("topic",)), "A why/how topic.", (), "", ("topic",),
    ),
    CommandSpec(
        Command.COMPARE, _compare, "Compare vehicles or pads side by side.",
        ("compare Cygnus and Cargo Dragon",), "Compare",
    ),
    CommandSpec(
        Command.UPCOMING, _upcoming, "The next flights to and from the ISS.",
        ("upcoming", "next Progress launch"), "What is next", needs_argument=False,
    ),
    CommandSpec(
        Command.TIMELINE, timeline_cmd.timeline, "The dated history of a record.",
        ("timeline CRS-35",), "What is next", ("mission", "pad", "vehicle", "crew"), "name",
        "A mission, vehicle, pad or person",
    ),
    CommandSpec(
        Command.SOURCES, _sources, "Every source behind a record, with its reliability.",
        ("sources Site 31/6",), "Sources", None, "name", "A record or topic, e.g. Site 31/6",
    ),
    CommandSpec(
        Command.HELP, _help, "What capcom can answer, with examples.", needs_argument=False
    ),
    CommandSpec(
        Command.ABOUT, _about, "Version, fact-base date, counts, sources.", needs_argument=False
    ),
)  # fmt: skip

BY_COMMAND: dict[Command, CommandSpec] = {spec.command: spec for spec in TABLE}
