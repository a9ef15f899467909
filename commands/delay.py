"""How late a flight went against its first recorded plan: its launch (or, still to fly, its
latest plan) set beside the earliest plan in its schedule history, the gap derived."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.facts import Lead, finish
from commands.format import announcement_keys, date_text, day_text, outcome_date, publisher
from commands.reply import Reply
from commands.understand import vocabulary as vocab
from commands.understand.types import Question
from knowledge.dates import FuzzyDate
from knowledge.schema import Mission, ScheduleEntry

DAYS_PER_MONTH = 30.44  # a mean calendar month, to say a gap of days as months


def asks_delay(q: Question) -> bool:
    """Whether a question asks how late something went against its plan."""
    return bool(vocab.LATE_BY.search(q.text))


def first_plan(m: Mission) -> ScheduleEntry | None:
    """The earliest plan the flight's schedule history records: the entry announced first
    (an unannounced one belongs just before the next announced one), earlier in the list on
    a tie."""
    if not m.schedule:
        return None
    keys = announcement_keys(m)
    order = sorted(range(len(m.schedule)), key=lambda i: (keys[i].start, i))
    dated = [i for i in order if not m.schedule[i].tbd]
    return m.schedule[dated[0]] if dated else None


def gap_text(start: FuzzyDate, end: FuzzyDate) -> str | None:
    """ "92 days (about 3 months)" between two dates at their precision; None when the later
    one is not after the earlier."""
    if start.precision == "day" and end.precision == "day":
        days = (end.start - start.start).days
        if days <= 0:
            return None
        months = round(days / DAYS_PER_MONTH)
        return f"{days} days" + (f" (about {months} months)" if months >= 2 else "")
    months = (end.start.year - start.start.year) * 12 + end.start.month - start.start.month
    if months <= 0:
        return None
    return f"about {months} month{'s' if months != 1 else ''}"


def delay_answer(ctx: Context, m: Mission, q: Question, now: dt.date) -> Reply:
    """The flight's launch (or current plan) against its first recorded plan."""
    first = first_plan(m)
    if first is None:
        lead = Lead(
            f"{m.name}'s original plan is not recorded as of {day_text(ctx.kb.as_of)}, so how "
            "late it went is not known.",
            known=False,
        )
        return finish(ctx, m, q, lead)
    lead = Lead("")
    planned = date_text(first.planned, lead.mentions)
    by = f" by {first.by}" if first.by else ""
    per = f", per {publisher(ctx.kb, first.sources[0])}" if first.sources else ""
    note = f" ({first.note})" if first.note else ""
    plan = f"the {planned} plan{by}{per}{note}"
    launched = outcome_date(m)
    later = m.schedule[-1] if m.schedule else None
    if launched is not None:
        gap = gap_text(first.planned, launched)
        when = date_text(launched, lead.mentions)
        lead.text = (
            f"{m.name} launched on {when}, {gap} later than {plan} (derived from its schedule "
            "history)."
            if gap
            else f"{m.name} launched on {when}, not later than {plan}."
        )
        launch_sources = [s for e in m.events if e.kind == "launched" for s in e.sources]
        lead.sources = [*launch_sources, *first.sources]
    elif later is not None and later is not first and not later.tbd:
        gap = gap_text(first.planned, later.planned)
        now_plan = date_text(later.planned, lead.mentions)
        lead.text = (
            f"{m.name} has not launched as of {day_text(ctx.kb.as_of)}; its latest plan, "
            f"{now_plan}, is "
            + (f"{gap} later than {plan}" if gap else f"no later than {plan}")
            + " (derived from its schedule history)."
        )
        lead.sources = [*later.sources, *first.sources]
    else:
        lead.text = (
            f"{m.name} has not launched as of {day_text(ctx.kb.as_of)} and no later plan than "
            f"{plan} is recorded, so how late it goes is not known."
        )
        lead.known = False
        lead.sources = list(first.sources)
    return finish(ctx, m, q, lead)


__all__ = ["asks_delay", "delay_answer", "first_plan", "gap_text"]
