"""Replies that are about capcom itself: greetings, help and the version card."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.freshness import ago_text, stale_note
from commands.reply import Field, Reply, Suggestion


def small_talk(ctx: Context, word: str) -> Reply:
    """A short, friendly reply to a greeting or thanks, with things to try."""
    thanks = word.startswith(("thank", "thx", "ty", "cheers"))
    bye = word.startswith(("bye", "goodbye"))
    text = (
        "You're welcome. Anything else?"
        if thanks
        else "See you. I'm here whenever you want ISS logistics answers."
        if bye
        else "Hi! I answer questions about ISS resupply: missions, vehicles, pads, crews, and "
        "what-ifs. Try one of these:"
    )
    picks = ("upcoming", "why is Soyuz in trouble?", "CRS-35", "what if CRS-35 is cancelled")
    return Reply(
        kind="suggestions",
        title="capcom",
        text=text,
        suggestions=tuple(Suggestion(p, p) for p in picks),
        as_of=ctx.kb.as_of,
    )


def help_reply(ctx: Context) -> Reply:
    """What the assistant can do, with examples (the command table's, plus free questions)."""
    from commands.registry import TABLE

    groups: dict[str, list[str]] = {}
    for spec in TABLE:
        if spec.group and spec.examples:
            groups.setdefault(spec.group, []).extend(spec.examples)
    fields = [Field(name, " · ".join(examples)) for name, examples in groups.items()]
    fields[1:1] = [
        Field("Ask a fact", "who flew on Soyuz MS-28? · how much does a Cygnus flight cost?"),
        Field("Ask why or how", "why is Soyuz in trouble? · who pays for the Dragon flights?"),
        Field("Count", "how many Progress flights in 2025?"),
    ]
    fields.append(
        Field("What if", "what if Progress MS-33 slips 6 months? · what if CRS-35 is cancelled?")
    )
    return Reply(
        kind="answer",
        title="capcom: ISS logistics answers",
        text=(
            "Ask in plain words or use a command. Every answer names its sources and how "
            "current it is; follow-ups such as “and its cost?” refer to the last answer."
        ),
        fields=tuple(fields),
        as_of=ctx.kb.as_of,
    )


def about_reply(ctx: Context, now: dt.date | None = None) -> Reply:
    """Version, fact-base date (and its age on now), record counts and the source list."""
    from importlib.metadata import PackageNotFoundError, version  # a costly import: only here

    try:
        ver = version("capcom")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        ver = "unknown"
    counts = ", ".join(f"{n} {k}" for k, n in sorted(ctx.kb.counts().items()))
    pubs = sorted({s.publisher for s in ctx.kb.sources.values()})
    return Reply(
        kind="answer",
        title=f"capcom {ver}",
        text=_about_text(ctx, now, counts),
        fields=(Field("Sources", ", ".join(pubs)),),
        as_of=ctx.kb.as_of,
    )


def _about_text(ctx: Context, now: dt.date | None, counts: str) -> str:
    if now is None:
        return f"Fact base as of {ctx.kb.as_of.isoformat()}: {counts}."
    note = stale_note(ctx, now, operators=True)
    lead = f"{note}\n" if note else ""
    return f"{lead}Fact base as of {ctx.kb.as_of.isoformat()} ({ago_text(ctx, now)}): {counts}."
