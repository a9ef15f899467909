"""Has it flown since: a vehicle's (or pad's) recorded flights after the event a question, or
the one before it, asked about (a failure, the pad damage), from its events and its flights."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.facts import Lead, finish
from commands.format import date_text, day_text, outcome_date
from commands.reply import Reply
from commands.understand import vocabulary as vocab
from commands.understand.types import Question
from knowledge.dates import FuzzyDate
from knowledge.launchers import FAILURE_KINDS, FLIGHT_KINDS
from knowledge.schema import Event, Pad, Vehicle


def asks_since(q: Question) -> bool:
    """Whether a question asks for a flight after an event ("has it flown since?")."""
    return bool(vocab.SINCE_FLOWN.search(q.text))


# Events that are flights: a vehicle's, and a pad's launches.
_FLOWN_KINDS = (*FLIGHT_KINDS, "launch", "first-launch", "last-launch")


def _events(rec: Vehicle | Pad) -> tuple[Event, ...]:
    """A vehicle's events, a pad's status history."""
    return rec.history if isinstance(rec, Pad) else rec.events


def _anchor(rec: Vehicle | Pad, asked: str) -> Event | None:
    """The event asked about: the latest of a kind the question's words name ("fail" -> a
    failure), else the latest failure or damage event."""
    low = asked.lower()
    events = sorted(_events(rec), key=lambda e: e.date.start)
    named = [e for e in events if e.kind not in _FLOWN_KINDS and e.kind[:4] in low]
    failures = [e for e in events if e.kind in FAILURE_KINDS or "damage" in e.kind]
    pick = named or failures
    return pick[-1] if pick else None


def _flights_after(
    ctx: Context, rec: Vehicle | Pad, after: dt.date
) -> list[tuple[FuzzyDate, str, tuple[str, ...]]]:
    """Recorded flights after a day: the record's own flight events and the tracked
    flights launched on it (or from it), oldest first: (date, what, sources)."""
    found = [
        (e.date, e.what, tuple(e.sources))
        for e in _events(rec)
        if e.kind in _FLOWN_KINDS and e.date.start > after
    ]
    for m in ctx.kb.missions.values():
        on = m.pad == rec.id if isinstance(rec, Pad) else rec.id in (m.vehicle, m.launcher)
        launched = outcome_date(m)
        if on and launched is not None and launched.start > after:
            sources = tuple(s for e in m.events if e.kind == "launched" for s in e.sources)
            found.append((launched, f"{m.name} launched", sources))
    return sorted(found, key=lambda f: f[0].start)


def since_answer(ctx: Context, rid: str, q: Question, asked_before: str) -> Reply | None:
    """Yes with the first recorded flight after the event, or that none is recorded; None
    when the record is no vehicle or pad, or records no such event."""
    rec = ctx.kb.get(rid)
    if not isinstance(rec, Vehicle | Pad):
        return None
    event = _anchor(rec, f"{q.text} {asked_before}")
    if event is None:
        return None
    lead = Lead("")
    when = date_text(event.date, lead.mentions)
    flights = _flights_after(ctx, rec, event.date.end)
    if flights:
        day, what, sources = flights[0]
        more = f"; {len(flights)} flights are recorded since" if len(flights) > 1 else ""
        lead.text = (
            f"{rec.name} flew again {('on ' if day.precision == 'day' else 'in ')}"
            f"{date_text(day, lead.mentions)}, the first recorded flight after the "
            f"{event.kind.replace('-', ' ')} {('on ' if event.date.precision == 'day' else 'in ')}"
            f"{when}: {what.rstrip('.')}{more}."
        )
        lead.yes = True
        lead.sources = [*sources, *event.sources]
    else:
        lead.text = (
            f"No flight of {rec.name} after the {event.kind.replace('-', ' ')} of {when} is "
            f"recorded as of {day_text(ctx.kb.as_of)}."
        )
        lead.known = False
        lead.sources = list(event.sources)
    return finish(ctx, rec, q, lead)


__all__ = ["asks_since", "since_answer"]
