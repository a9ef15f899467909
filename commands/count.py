"""Counts computed from the base: "how many Progress flights in 2025", "how many crew flights"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from commands.claimed import month_asked
from commands.context import Context
from commands.facts import names
from commands.format import collect_sources, date_text, outcome_date, source_lines
from commands.reply import DateMention, Reply
from commands.understand.prefilter import phrases
from commands.understand.reader import countries_of
from commands.understand.types import Question, Subject
from commands.understand.vocabulary import COUNTRIES, RELATIVE_YEAR
from knowledge.dates import FuzzyDate
from knowledge.schema import CrewLevel, Mission, Station
from knowledge.text import words

_PLANNED = phrases(r"\b(?:planned|scheduled|upcoming|coming|future|will)\b", re.I)
_RECORDED = phrases(r"\b(?:recorded|known|listed|tracked|in the base|total)\b", re.I)
LISTED_MAX = 12  # flights named in a count's reply
_COUNTRY_WORDS = frozenset(words("russia america japan europe us usa nasa roscosmos jaxa esa"))
_COUNTRY_ADJECTIVE = {"us": "US", "russia": "Russian", "japan": "Japanese", "europe": "European"}


def count(ctx: Context, q: Question, now: dt.date) -> Reply | None:
    """How many flights the base records for the question's vehicle, pad, kind and year."""
    scope = [s for s in q.subjects if s.kind in ("vehicle", "pad", "crew", "organization")]
    missions = list(ctx.kb.missions.values())
    what = ""
    if scope:
        scope_ids = {s.record_id for s in scope}
        missions = [m for m in missions if _touches(ctx, m, scope_ids)]
        what = " and ".join(s.name for s in scope) + " "
    elif any(s.kind != "station" for s in q.subjects):
        return None  # a count about a mission ("how many days did CRS-33 stay") is a fact
    scope_missions = list(missions)
    if q.hint in COUNTRIES:  # "us cargo flights": flights of that country's vehicles
        missions = [m for m in missions if set(countries_of(ctx.kb, m.id)) & set(COUNTRIES[q.hint])]
        what += f"{_COUNTRY_ADJECTIVE.get(q.hint, q.hint)} "
    year = q.year
    relative = RELATIVE_YEAR.search(q.text)
    if year is None and relative is not None:  # "this year": the year of today
        year = now.year - (0 if relative.group("which").lower() == "this" else 1)
    q = replace(q, year=year)
    if q.kind_filter:
        missions = [m for m in missions if m.kind == q.kind_filter]
        what += f"{q.kind_filter} "
    planned = bool(_PLANNED.search(q.text))
    everything = bool(_RECORDED.search(q.text)) and not planned and q.year is None
    mentions: list[DateMention] = []
    if planned:
        picked = [m for m in missions if m.status in ("planned", "postponed")]
        verb = "planned"
    elif everything:
        picked = missions
        verb = "recorded"
    else:
        picked = [m for m in missions if outcome_date(m) is not None]
        verb = "launched"
    if q.year is not None:
        picked = [m for m in picked if _year(m) == q.year]
    picked.sort(key=lambda m: (_when(m), m.name))
    span = f" in {q.year}" if q.year is not None else ""
    noun = "flight" if len(picked) == 1 else "flights"
    listed = [f"{m.name} ({_brief_date(m, mentions)})" for m in picked[:LISTED_MAX]]
    more = f" and {len(picked) - LISTED_MAX} more" if len(picked) > LISTED_MAX else ""
    if picked:
        text = (
            f"The fact base records {len(picked)} {what}{noun} {verb}{span}: {names(listed)}{more}."
        )
    elif unlinked := [s.name for s in scope if s.kind == "organization" and not _flies(ctx, s)]:
        # "how many flights did NASA fly": the base records who flies a mission, not who buys
        # it, so a zero here would be a false statement about the organization
        text = (
            f"I can't count that: the fact base records which organization flies each mission, "
            f"not who buys it, and {names(unlinked)} flies none of the recorded missions."
        )
    elif not _tracks(ctx, scope_missions, q.year):
        # Nothing of this scope (or that year) is tracked at all: a zero would be a false
        # statement about the pad or vehicle, not a count.
        text = (
            f"I can't count {what}flights{span}: the fact base tracks none of them, so it "
            f"does not know how many there were."
        )
    else:
        text = f"The fact base records no {what}flight {verb}{span}."
    text += f" It counts only the flights it tracks (as of {ctx.kb.as_of.isoformat()})."
    left = [w for w in q.words if not (q.hint in COUNTRIES and w in _COUNTRY_WORDS)]
    narrowed = scope or q.year is not None or q.kind_filter or q.hint in COUNTRIES or planned
    if left and not narrowed:  # "how many flights from vostochny": all flights is no answer
        shown = ", ".join(f"“{w}”" for w in left)
        text = (
            f"I can't count flights by {shown}: the fact base counts the flights it tracks by "
            f"vehicle, pad, operator, kind (cargo or crew) and year (as of "
            f"{ctx.kb.as_of.isoformat()})."
        )
        picked = []
    elif left:  # "how many crs missions": a word the count could not narrow by
        shown = ", ".join(f"“{w}”" for w in left)
        text += f" I could not narrow the count by {shown}."
    ids = collect_sources(*[m.sources for m in picked])
    return Reply(
        kind="answer",
        title=f"{what.strip() or 'All'} flights{span}".strip(),
        text=text,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=tuple(s.record_id for s in scope) + tuple(m.id for m in picked[:LISTED_MAX]),
        dates=tuple(mentions),
    )


def _tracks(ctx: Context, missions: list[Mission], year: int | None) -> bool:
    """Whether the base tracks flights of this scope at all (in that year, within the years
    its tracked flights span): only then is a zero a count."""
    if not missions:
        return False
    if year is None:
        return True
    years = [y for m in ctx.kb.missions.values() if (y := _year(m)) is not None]
    return bool(years) and min(years) <= year <= max(years)


def _flies(ctx: Context, org: Subject) -> bool:
    """Whether any recorded mission or its vehicle is operated by the organization."""
    return any(_touches(ctx, m, {org.record_id}) for m in ctx.kb.missions.values())


def _touches(ctx: Context, m: Mission, ids: set[str]) -> bool:
    vehicle = ctx.kb.vehicles.get(m.vehicle)
    owners = {m.vehicle, m.launcher, m.pad, m.operator, vehicle.operator if vehicle else None}
    return bool(ids & owners) or bool(ids & set(m.crew))


def _when(m: Mission) -> dt.date:
    launched = outcome_date(m)
    if launched is not None:
        return launched.start
    return m.schedule[-1].planned.start if m.schedule else dt.date.max


def _year(m: Mission) -> int | None:
    launched = outcome_date(m)
    if launched is not None:
        return launched.start.year
    return m.schedule[-1].planned.start.year if m.schedule else None


def _brief_date(m: Mission, mentions: list[DateMention]) -> str:
    launched = outcome_date(m)
    if launched is not None:
        return date_text(launched, mentions)
    if m.schedule:
        return "planned " + date_text(m.schedule[-1].planned, mentions)
    return m.status


# --- people aboard at a moment ------------------------------------------------------------

_PEOPLE = phrases(
    r"\b(?:people|persons?|crew|crews|crewmembers?|astronauts?|cosmonauts?|aboard|on board)\b",
    re.I,
)
_ON_STATION = phrases(r"\b(?:station|iss|aboard|on board|up there|expedition \d+)\b", re.I)
_LEFT = phrases(
    r"\b(?:left|leaves?|leaving|depart\w*|undock\w*|return\w*|splash\w*|land\w*|"
    r"went home|gone|came home|came back)\b",
    re.I,
)
_ARRIVED = phrases(r"\b(?:arriv\w*|dock\w*|berth\w*|got there|showed up|joined)\b", re.I)
_BEFORE = phrases(r"\b(?:before|prior to|until)\b", re.I)
_EXPEDITION = phrases(r"\bexpedition\s+(\d{1,3})\b", re.I)
_ENDS = ("undocked", "unberthed", "departed", "splashdown", "landed", "landing", "returned")
_STARTS = ("docked", "berthed")


def crew_aboard_at(ctx: Context, q: Question) -> Reply | None:
    """How many people were aboard the station at a moment the question names: when a named
    flight arrived or left ("right after Crew-11 left"), or when a station event such as an
    expedition began; the station's crew history at that date. None when nothing anchors it."""
    s = ctx.kb.station
    if s is None or not s.crew_history or not _PEOPLE.search(q.text):
        return None
    if not _ON_STATION.search(q.text) and not any(x.kind == "station" for x in q.subjects):
        return None
    span = _interval(ctx, q)
    if span is not None:
        return _aboard_over(ctx, *span)
    anchor = _anchor(ctx, q)
    if anchor is None:
        return None
    day, what, sources = anchor
    if _BEFORE.search(q.text):
        day -= dt.timedelta(days=1)
    levels = sorted(s.crew_history, key=lambda c: c.since)
    now = [c for c in levels if c.since <= day]
    if not now:
        return None  # before the first recorded level: the base cannot say
    level = now[-1]
    later = [c for c in levels if c.since > level.since]
    mentions: list[DateMention] = []
    until = f" until {date_text(FuzzyDate(later[0].since), mentions)}" if later else ""
    lead = (
        f"{level.crew} people were aboard the {s.name} {what} (from "
        f"{date_text(FuzzyDate(level.since), mentions)}{until}), against a nominal crew of "
        f"{s.nominal_crew.text()}."
    )
    if level.note:
        lead += f" {level.note.strip()}"
    ids = collect_sources(sources, level.sources, s.nominal_crew.sources)
    return _crew_reply(ctx, s, lead, ids, mentions)


def _interval(ctx: Context, q: Question) -> tuple[dt.date, dt.date, str, list[str]] | None:
    """The period the question asks about, as its first day and the day after it, a few words
    saying what it is and its sources: between one flight leaving and another arriving ("after
    crew-11 left and before crew-12 showed up"), or a month of a year ("in march 2026")."""
    flights = [
        (x, m)
        for x in q.subjects
        if (m := ctx.kb.missions.get(x.record_id)) is not None and x.start >= 0
    ]
    if len(flights) == 2:
        return _between_flights(q, flights)
    if flights:
        return None
    month = month_asked(q.text)
    if month is None or q.year is None:
        return None
    first = dt.date(q.year, month, 1)
    after = dt.date(q.year + month // 12, month % 12 + 1, 1)
    return first, after, f"in {first:%B %Y}", []


def _between_flights(
    q: Question, flights: list[tuple[Subject, Mission]]
) -> tuple[dt.date, dt.date, str, list[str]] | None:
    """From the day one flight left to the day the other arrived: each flight's verb is the
    first leaving or arriving word after its name (before the next name)."""
    ordered = sorted(flights, key=lambda xm: xm[0].start)
    ends: dict[str, tuple[dt.date, Mission, list[str]]] = {}
    kinds: tuple[str, ...]
    for i, (x, m) in enumerate(ordered):
        stop = ordered[i + 1][0].start if i + 1 < len(ordered) else len(q.text)
        tail = q.text[x.end : stop]
        left, arrived = _LEFT.search(tail), _ARRIVED.search(tail)
        if left and not (arrived and arrived.start() < left.start()):
            kind, kinds = "left", _ENDS
        elif arrived:
            kind, kinds = "arrived", _STARTS
        else:
            return None
        events = [e for e in m.events if e.kind in kinds and e.date.precision == "day"]
        if not events or kind in ends:
            return None
        e = max(events, key=lambda ev: ev.date.start) if kind == "left" else events[0]
        ends[kind] = (e.date.start, m, list(e.sources))
    if set(ends) != {"left", "arrived"}:
        return None
    (start, gone, s1), (end, came, s2) = ends["left"], ends["arrived"]
    if end <= start:
        return None
    return start, end, f"after {gone.name} left and before {came.name} arrived", s1 + s2


def _aboard_over(
    ctx: Context, start: dt.date, end: dt.date, what: str, sources: list[str]
) -> Reply | None:
    """The crew levels of the station record that cover a period, each with its own span:
    derived from the recorded crew changes, never from a level outside the period."""
    s = ctx.kb.station
    assert s is not None
    levels = sorted(s.crew_history, key=lambda c: c.since)
    spans = []
    for i, c in enumerate(levels):
        until = levels[i + 1].since if i + 1 < len(levels) else None
        if c.since < end and (until is None or until > start):
            spans.append((c, until))
    if not spans or spans[0][0].since > start:
        return None  # part of the period is before the first recorded level
    mentions: list[DateMention] = []

    def level_text(c: CrewLevel, until: dt.date | None) -> str:
        to = f" to {date_text(FuzzyDate(until), mentions)}" if until else " on"
        return f"{c.crew} from {date_text(FuzzyDate(c.since), mentions)}{to}"

    if len({c.crew for c, _ in spans}) == 1:
        first, last = spans[0][0], spans[-1][1]
        lead = (
            f"{first.crew} people were aboard the {s.name} {what}, the level recorded "
            f"{level_text(first, last).split(' ', 1)[1]}"
        )
    else:
        each = "; ".join(level_text(c, until) for c, until in spans)
        lead = f"The crew aboard the {s.name} changed {what}: {each}"
    lead += " (derived from the station record's crew levels, which follow the crew flights)."
    notes = " ".join(c.note.strip() for c, _ in spans if c.note)
    if notes:
        lead += f" {notes}"
    ids = collect_sources(sources, *(c.sources for c, _ in spans))
    return _crew_reply(ctx, s, lead, ids, mentions)


def _crew_reply(
    ctx: Context, s: Station, lead: str, ids: tuple[str, ...], mentions: list[DateMention]
) -> Reply:
    """A crew-aboard answer: the station's card one click away."""
    return Reply(
        kind="answer",
        title=f"Crew aboard the {s.name}",
        text=lead,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(s.id,),
        dates=tuple(mentions),
        more=s.id,
    )


def _anchor(ctx: Context, q: Question) -> tuple[dt.date, str, list[str]] | None:
    """The day the question points at, a few words saying what it is, and its sources."""
    s = ctx.kb.station
    typed = _EXPEDITION.search(q.text)
    if s is not None and typed is not None:  # "when expedition 75 began": the station's event
        name = f"expedition {typed.group(1)}"
        for e in s.events:
            if name in e.what.lower() and e.date.precision == "day":
                return e.date.start, f"when {name.title()} began", list(e.sources)
    flights = [
        m
        for x in q.subjects
        if (m := ctx.kb.missions.get(x.record_id)) is not None and x.start >= 0
    ]
    if len(flights) != 1:
        return None
    m = flights[0]
    left, arrived = _LEFT.search(q.text), _ARRIVED.search(q.text)
    if left and not (arrived and arrived.start() > left.start()):
        kinds: tuple[str, ...] = _ENDS
        verb = "left"
    elif arrived:
        kinds, verb = _STARTS, "arrived"
    else:
        return None
    events = [e for e in m.events if e.kind in kinds and e.date.precision == "day"]
    if not events:
        return None
    e = max(events, key=lambda ev: ev.date.start)  # left: back on Earth, after undocking
    when = "when" if re.search(r"\bwhen\b", q.text, re.I) else "after"
    when = "just before" if _BEFORE.search(q.text) else when
    return e.date.start, f"{when} {m.name} {verb}", list(e.sources)
