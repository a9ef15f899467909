"""Who relieves a crew: the next crew flight of the same vehicle after a crew flight (its
crew, or that none is recorded), from the tracked flights' launches and plans."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.facts import Lead, finish, names
from commands.format import current_plan, date_text, outcome_date
from commands.reply import Reply
from commands.understand import vocabulary as vocab
from commands.understand.types import Question
from knowledge.dates import FuzzyDate
from knowledge.schema import Mission


def asks_relief(q: Question) -> bool:
    """Whether a question asks who replaces a crew ("who's flying up to replace them")."""
    return bool(vocab.RELIEF.search(q.text))


def _day(m: Mission) -> FuzzyDate | None:
    """When a flight launched, else its current plan."""
    plan = current_plan(m)
    return outcome_date(m) or (plan.planned if plan is not None and not plan.tbd else None)


def relief_of(ctx: Context, m: Mission) -> Mission | None:
    """The next crew flight of the same vehicle after m, by launch or plan; None if none."""
    start = _day(m)
    if start is None or m.kind != "crew":
        return None
    later = [
        (d, k)
        for k in ctx.kb.missions.values()
        if k.kind == "crew" and k.vehicle == m.vehicle and k.id != m.id
        if (d := _day(k)) is not None and d.start > start.start
    ]
    return min(later, key=lambda dk: dk[0].start)[1] if later else None


def relief_answer(ctx: Context, m: Mission, q: Question, now: dt.date) -> Reply | None:
    """The flight that relieves m's crew, with its date and crew; None when m is no crew
    flight."""
    if m.kind != "crew":
        return None
    nxt = relief_of(ctx, m)
    vehicle = ctx.kb.vehicles.get(m.vehicle)
    kind = vehicle.name if vehicle is not None else "crew"
    lead = Lead("")
    if nxt is None:
        lead.text = f"No {kind} crew flight after {m.name} is recorded in the fact base."
        lead.known = False
        return finish(ctx, m, q, lead)
    launched = outcome_date(nxt)
    plan = current_plan(nxt)
    if launched is not None:
        when = f"launched {'on ' if launched.precision == 'day' else 'in '}"
        when += date_text(launched, lead.mentions)
    elif plan is not None:
        when = f"planned for {date_text(plan.planned, lead.mentions)}"
    else:
        when = "not yet dated"
    people = [r.name for c in nxt.crew if (r := ctx.kb.crew.get(c)) is not None]
    crew = f"with {names(people)}" if people else "its crew is not recorded"
    lead.text = f"The next {kind} crew flight after {m.name} is {nxt.name}, {when}; {crew}."
    lead.sources = [
        *(s for e in nxt.events if e.kind == "launched" for s in e.sources),
        *(plan.sources if plan is not None and launched is None else ()),
        *nxt.sources,
    ]
    reply = finish(ctx, nxt, q, lead)
    return reply


__all__ = ["asks_relief", "relief_answer", "relief_of"]
