"""What a scenario did, in words: the "If …" clause of the verdict and one line per change."""

from __future__ import annotations

import datetime as dt
import re

from commands.format import date_text, day_text, listed
from commands.reply import DateMention
from commands.whatif.apply import (
    Added,
    Applied,
    Change,
    CrewSet,
    Held,
    LeftEarly,
    Lost,
    Moved,
    Unboosted,
)
from commands.whatif.edits import OWN_CLOSURE
from commands.whatif.model import EVACUATION_RESOURCES, Params, Resource
from commands.whatif.projection import short_name
from knowledge.base import KnowledgeBase
from knowledge.dates import MONTH_NAMES, FuzzyDate
from knowledge.schema import PENDING


def month_text(d: dt.date, short: bool = False) -> str:
    """ "March 2027" (short: "Mar 2027")."""
    name = MONTH_NAMES[d.month - 1]
    return f"{name[:3] if short else name} {d.year}"


def days(x: float) -> str:
    """A number of days of supply in words: "61 days", "over 9,999 days"."""
    if x >= 9999:
        return "over 9,999 days"
    n = round(x)
    if n == 0:
        return "none left"
    return "1 day" if n == 1 else f"{n:,} days"


def boosters(kb: KnowledgeBase, refuelling: bool = False) -> list[str]:
    """Short names of the active vehicles that can reboost the station (without the ones
    that refuel the Russian segment, unless refuelling)."""
    return [
        short_name(kb, v.id)
        for v in kb.vehicles.values()
        if v.can_reboost and v.status == "active" and (refuelling or not v.refuels_russian_segment)
    ]


def without_propellant(params: Params, kb: KnowledgeBase) -> str:
    """What an empty Russian-segment propellant store means (no evacuation rule covers it):
    "no Russian-segment reboosts or debris avoidance then; the orbit decays …"."""
    text = "no Russian-segment reboosts or debris avoidance then"
    d = params.decay
    if d is not None:
        loss = f" {d.altitude_loss}" if d.altitude_loss else ""
        text += f"; the orbit decays{loss} (re-entry within {d.reentry} without reboosts)"
    others = boosters(kb)
    if others:
        text += f" unless a docked {listed(others, 'or')} boosts it"
    return text


def orbit_decay(params: Params, whose: str = "its") -> str:
    """What happens to the orbit without reboosts, from the station record: "its orbit decays
    70–100 m a day and it would re-enter within 2–5 years"."""
    d = params.decay
    if d is None:
        return f"{whose} orbit decays (the fact base gives no rate)"
    loss = f" {d.altitude_loss}" if d.altitude_loss else ""
    return f"{whose} orbit decays{loss} and it would re-enter within {d.reentry} without any"


def who_reboosts(kb: KnowledgeBase) -> str:
    """Who reboosts the station now, from the station and vehicle records."""
    station = kb.station
    segments = [s.name for s in station.segments if "reboost" in s.provides] if station else []
    ships = boosters(kb, refuelling=True)
    fuel = [short_name(kb, v.id) for v in kb.vehicles.values() if v.refuels_russian_segment]
    parts = []
    if segments:
        own = f"the {listed(segments)}'s own engines"
        parts.append(f"{own} (fuelled only by {listed(fuel, 'or')})" if fuel else own)
    if ships:
        parts.append(f"docked {listed(ships, 'or')} ships")
    return f"Reboosts come from {listed(parts)}" if parts else "The fact base records no reboosts"


def _flight(
    c: Moved | Lost, kb: KnowledgeBase, today: dt.date, mentions: list[DateMention] | None
) -> str:
    """The flight's name, with which one "the next Progress" was read as."""
    f = c.flight
    if not f.how:
        return f.name
    if c.projected:
        return f"{f.how} (projected for {month_text(c.old)})"
    return f"{f.how} ({f.name}, {planned(kb, f.key, c.old, today, mentions)})"


def planned(
    kb: KnowledgeBase,
    key: str,
    day: dt.date,
    today: dt.date,
    mentions: list[DateMention] | None = None,
) -> str:
    """When a recorded flight is due, as the base has it: its plan at the plan's own precision
    ("planned no earlier than Q4 2026", never the day the model counts it on), and a plan whose
    dates have all passed as past ("was planned for 13 October 2026; no launch recorded since
    7 October 2026"), never as the future."""
    m = kb.missions.get(key)
    plan = m.schedule[-1].planned if m is not None and m.schedule else None
    if m is None or plan is None or m.status not in PENDING:
        return f"{'due' if day >= today else 'was due'} {day_text(day, mentions)}"
    if plan.is_past(today):
        return (
            f"was planned for {date_text(plan, mentions)}; no launch recorded since "
            f"{day_text(m.status_as_of, mentions)}"
        )
    if plan.net:
        return f"planned no earlier than {FuzzyDate(plan.start, plan.precision).text()}"
    return f"planned for {date_text(plan, mentions)}"


def _span(h: Held, mentions: list[DateMention] | None) -> str:
    if h.open_ended:
        return "with no end date"
    end = day_text(h.reopen, mentions)
    hold = h.hold
    if hold.like:
        was = "" if hold.like.startswith(OWN_CLOSURE) else " was"
        return f"as long as {hold.like}{was} ({hold.by.text if hold.by else ''}, to {end})"
    if hold.until is not None:
        return f"until {end}"
    assert hold.by is not None
    if hold.extra:
        return f"for another {hold.by.text.removeprefix('another ')} (to {end})"
    return f"for {hold.by.text} (to {end})"


def clause(
    c: Change,
    kb: KnowledgeBase,
    flown: dict[str, dt.date],
    today: dt.date,
    mentions: list[DateMention] | None = None,
) -> str:
    """One change as the body of an "If …" clause: "CRS-35 slips 3 months"."""
    if isinstance(c, Moved):
        name = _flight(c, kb, today, mentions)
        past = c.flight.name in flown
        later = c.new > c.old
        if c.by:
            verb = (
                ("had slipped " if past else "slips ")
                if later
                else ("had moved up " if past else "moves up ")
            )
            body = f"{name} {verb}{c.by}"
            if c.origin:  # "6 months from December 2025, to June 2026"
                body += f" from {c.origin}, to {day_text(c.new, mentions)}"
            if c.by_gives is not None:  # the length and the date named disagree: the date wins
                body = (
                    f"{name} {verb}to {c.target} (the date named; {c.by} would be "
                    f"{month_text(c.by_gives)})"
                )
            elif c.target:
                body += f" to {c.target}"
        else:
            target = c.target or day_text(c.new, mentions)
            body = f"{name} {'had moved' if past else 'moves'} to {target}"
        if past:
            body += f" (it flew on {day_text(flown[c.flight.name], mentions)})"
        return body
    if isinstance(c, Lost):
        name = _flight(c, kb, today, mentions)
        if c.flight.name in flown:
            return f"{name} had been lost (it flew on {day_text(flown[c.flight.name], mentions)})"
        return f"{name} is lost"
    if isinstance(c, Added):
        return f"an extra {short_name(kb, c.vehicle)} arrives on {day_text(c.on, mentions)}"
    if isinstance(c, Held):
        h = c.hold
        span = _span(c, mentions)
        if c.down > today and not h.pads:  # "from 1 January 2028": a hold said to start later
            span = f"from {day_text(c.down, mentions)} {span}"
        if h.cause:  # a launcher failing: "Falcon 9 is grounded … after a failure on SLC-40"
            on = f" on {kb.pads[h.pads[0]].name}" if h.pads else ""
            return f"{h.label.removesuffix(' grounded')} is grounded {span} after a failure{on}"
        if h.pads:
            return f"{kb.pads[h.pads[0]].name} is down {span}"
        if h.label.startswith("no "):
            return f"there {'are' if h.label.endswith('flights') else 'is'} {h.label} {span}"
        name = short_name(kb, h.vehicles[0]) if len(h.vehicles) == 1 else h.label
        name = name.removesuffix(" grounded")
        return f"{name} {'are' if ' and ' in name else 'is'} grounded {span}"
    if isinstance(c, Unboosted):
        when = "" if c.since <= today else f" from {day_text(c.since, mentions)}"
        lasting = f" for {c.lasting}" if c.lasting else ""
        return f"nobody reboosts the station{when}{lasting}"
    if isinstance(c, LeftEarly) and c.late:
        relief = f", its relief ({c.relief}) flying then" if c.relief else ""
        return f"{c.name}'s crew of {c.crew} stays on until {day_text(c.on, mentions)}{relief}"
    if isinstance(c, LeftEarly):
        day = day_text(c.on, mentions)
        if c.on < today:
            return f"{c.name}'s crew of {c.crew} had left early, on {day}"
        when = f", on {day}" if c.given else f" today ({day}; no date given)"
        return f"{c.name}'s crew of {c.crew} leaves early{when}"
    if isinstance(c, CrewSet):
        when = "" if c.since <= today else f" from {day_text(c.since, mentions)}"
        if c.until is not None and c.lasting.startswith(("all of ", "through ")):
            # a period named: "for all of 2027 (1 January 2027 to 1 January 2028)"
            span = f"{when.removeprefix(' from ')} to " if when else "to "
            word = "for " if c.lasting.startswith("all of ") else ""
            when = f" {word}{c.lasting} ({span}{day_text(c.until, mentions)})"
        elif c.until is not None:
            when += f" for {c.lasting} (to {day_text(c.until, mentions)})"
        if c.crew is not None:
            was = f" instead of {c.was}" if c.was is not None and c.was != c.crew else ""
            return f"the crew is {c.crew}{was}{when}"
        n = abs(c.delta)
        people = "crew member" if n == 1 else "crew members"
        count = "one" if n == 1 else str(n)
        if c.delta > 0:
            return f"{count} more {people} {'comes' if n == 1 else 'come'} aboard{when}"
        return f"{count} {people} {'leaves' if n == 1 else 'leave'}{when}"
    when = "" if c.since <= today else f" from {day_text(c.since, mentions)}"
    if c.until is not None and c.lasting.startswith("until "):
        when += f" {c.lasting} ({day_text(c.until, mentions)})"
    elif c.until is not None:
        when += f" for {c.lasting} (to {day_text(c.until, mentions)})"
    shown = c.shown
    if shown.startswith("no "):
        return f"{shown.replace(' made', ' is made').replace(' recovered', ' is recovered')}{when}"
    if shown.startswith(("propellant use doubled", "propellant use halved")):
        return f"propellant use is {shown.split()[-1]}{when}"
    m = re.match(
        r"(water recovery|propellant use|oxygen made aboard|(?:food|water|oxygen) use) (.+)$", shown
    )
    if m is None:
        return f"{shown}{when}"
    return f"{m[1]} is {m[2].replace('kg/yr', 'kg a year').replace('kg/day', 'kg a day')}{when}"


def if_clause(
    applied: Applied, kb: KnowledgeBase, today: dt.date, mentions: list[DateMention] | None = None
) -> str:
    """ "If CRS-35 slips 3 months and MS-35 is lost" for the whole scenario."""
    flown = dict(applied.counterfactual)
    parts = [clause(c, kb, flown, today, mentions) for c in applied.changes]
    if not parts:
        return "With no change"
    if len(parts) <= 3:
        body = " and ".join(parts) if len(parts) <= 2 else f"{parts[0]}, {parts[1]} and {parts[2]}"
    else:
        more = len(parts) - 2
        body = f"{parts[0]}, {parts[1]} and {more} more change{'s' if more > 1 else ''}"
    return f"If {body}"


def line(c: Change, kb: KnowledgeBase) -> str:
    """One change for the details view, with its dates: "CRS-35 slips 3 months: 2026-08-30 →
    2026-11-30"."""
    if isinstance(c, Moved):
        verb = "slips" if c.new > c.old else "moves up" if c.new < c.old else "moves"
        by = f" {c.by}" if c.by else ""
        target = ""
        if c.month_guess:
            which = c.month_guess
            target = (
                f" to {c.target} (no year given: the {which} {MONTH_NAMES[c.new.month - 1]} "
                f"{'before' if which == 'last' else 'after'} its plan; counted on "
                f"{c.new.isoformat()})"
            )
        elif c.target:
            target = f" to {c.target} (counted on {c.new.isoformat()})"
        if c.origin:  # the length counted from the origin named, not from the plan
            target += f" from {c.origin}, not from its date in the plan"
        if c.by_gives is not None:
            target += (
                f"; {c.by} from its plan would be {c.by_gives.isoformat()}, so the date named"
                " is used"
            )
        old = c.old.isoformat()
        if c.placed is not None:
            old += f" (the model's mid-{c.placed.text()} placement of “{c.placed.text()}”)"
        who = f"{c.flight.how}: {c.flight.name}" if c.flight.how else c.flight.name
        return f"{who} {verb}{by}{target}: {old} → {c.new.isoformat()}"
    if isinstance(c, Lost):
        who = f"{c.flight.how}: {c.flight.name}" if c.flight.how else c.flight.name
        was = (
            f"planned only as “{c.placed.text()}”; the model had it at mid-{c.placed.text()}, "
            f"{c.old.isoformat()}, an assumption"
            if c.placed is not None
            else f"was due {c.old.isoformat()}"
        )
        return f"{who} lost ({was})"
    if isinstance(c, Added):
        what = ", ".join(f"{v:,.0f} kg {k}" for k, v in c.amounts.items() if v > 0)
        return f"Extra {c.name} on {c.on.isoformat()} ({what or 'nothing the model tracks'})"
    if isinstance(c, Held):
        h = c.hold
        why = " (from its recorded damage)" if c.from_damage else ""
        if c.repair is not None and h.by is not None:
            why += f"; {h.by.text} past its recorded repair ({c.repair.isoformat()})"
        elif h.extra and h.by is not None:
            why += f"; {h.by.text} from today"
        if h.like:
            own = h.like.startswith(OWN_CLOSURE)
            why += f"; as long as {h.like}" + ("" if own else "'s recorded closure")
        if c.modelled_from is not None:
            why += f"; modelled from {c.modelled_from.isoformat()}, the model's start"
        end = "no end date (the whole run)" if c.open_ended else c.reopen.isoformat()
        head = f"{h.label} {c.down.isoformat()} → {end}{why}"
        moved = "; ".join(f"{lbl} {a.isoformat()} → {b.isoformat()}" for lbl, a, b in c.moved)
        tail = f": {moved}" if moved else ": no recorded flight moves"
        if c.resumed:
            names = ", ".join(short_name(kb, v) for v in c.resumed)
            tail += f"; projected {names} flights resume after it"
        note = f"{h.note}. " if h.note else ""
        return note + head + tail
    if isinstance(c, Unboosted):
        return (
            f"Nobody reboosts the station from {c.since.isoformat()} on: the model does not "
            "track the orbit, so its runs do not change"
        )
    if isinstance(c, LeftEarly):
        due = c.due.isoformat() if c.due is not None else "after the model's range"
        how = "" if c.given else " (no date given: today)"
        like = (
            f"; as {c.like}'s crew did ({c.like_on.isoformat()})"
            if c.like and c.like_on is not None
            else ""
        )
        if c.late:
            relief = f"; {c.relief} moved from {due} to relieve them" if c.relief else ""
            return f"{c.name}'s crew of {c.crew} stays until {c.on.isoformat()}, not {due}{relief}"
        return f"{c.name}'s crew of {c.crew} leaves {c.on.isoformat()}{how}, not {due}{like}"
    if isinstance(c, CrewSet):
        if c.until is not None:
            back = f" to {c.until.isoformat()}, then the planned crew again"
            if c.crew is not None:
                return f"Crew of {c.crew} from {c.since.isoformat()}{back}"
            sign = "+" if c.delta > 0 else "−"
            return f"Crew {sign}{abs(c.delta)} from {c.since.isoformat()}{back}"
        if c.crew is not None:
            return (
                f"Crew of {c.crew} from {c.since.isoformat()} on (crew flights no longer change it)"
            )
        return f"Crew {'+' if c.delta > 0 else '−'}{abs(c.delta)} from {c.since.isoformat()} on"
    if c.until is not None:
        return (
            f"{c.shown[0].upper()}{c.shown[1:]} from {c.since.isoformat()} to "
            f"{c.until.isoformat()}, then as before"
        )
    return f"{c.shown[0].upper()}{c.shown[1:]} from {c.since.isoformat()} on"


def reserve_text(r: Resource, reserve_days: float) -> str:
    """ "the 45-day reserve" for what the crew lives on; for propellant the same number of days
    is only a yardstick ("45 days of use"): no rule sets a propellant reserve."""
    if r in EVACUATION_RESOURCES:
        return f"the {reserve_days:.0f}-day reserve"
    return f"{reserve_days:.0f} days of use"
