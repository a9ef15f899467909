"""Totals a what-if asks for from its own premises: what a crew uses in a period (rate × people
× days), how long a load lasts at a stated rate of use, how long a stated stock lasts before
the reserve line, how long a stated stock lasts when nothing aboard makes more of it, and how
many flights a stated use needs at a stated load a flight — the user's numbers winning over
recorded ones, each said."""

from __future__ import annotations

import datetime as dt
import math
import re

from commands.context import Context
from commands.conversation import Turn
from commands.format import listed
from commands.reply import Reply
from commands.understand.prefilter import phrases
from commands.whatif.lexer import (
    DAYS_PER_UNIT,
    WHOLE_CREW,
    Mass,
    find_duration,
    find_masses,
    said_people,
)
from commands.whatif.quantity import (
    CONSUMABLE_WORDS,
    RESOURCE_OF,
    asked_resources,
    kg_range,
    n_text,
    people_of,
    reply_of,
    use_parts,
)
from knowledge.schema import Station

_RESOURCE = phrases(rf"\b(?P<res>{CONSUMABLE_WORDS})\b", re.I)
_HOW_MUCH = phrases(
    r"\bhow\s+(?:much|many\s+(?:kg|kgs|kilos?|kilograms?|tonnes?|tons?|pounds|lbs?)\b)", re.I
)
# "per month", "each year", "monthly": one unit of time, when no length is written.
_PER_PERIOD = phrases(
    r"\b(?:per|each|every|a|an)\s+(?P<u>day|week|month|year)\b"
    r"|\b(?P<adv>daily|weekly|monthly|yearly|annually)\b",
    re.I,
)
# "how many progress flights a year", "how many launches would that take": a count of flights
# (never "how many kg").
_HOW_MANY_FLIGHTS = phrases(
    r"\bhow\s+many\s+(?P<what>(?:[a-z][\w-]*\s+){0,3}?)(?:flights?|missions?|launch(?:es)?"
    r"|runs?|trips?|resupplies|deliveries|ships?|loads?|progress(?:es)?|dragons|cygnus(?:es)?"
    r"|htv-?xs?)\b",
    re.I,
)
_ADVERB_UNIT = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
# "the whole crew", "all of them", "everyone aboard": the crew aboard, not one person.
# A question about use, for a follow-up that names no resource ("for the whole crew?").
_USE_ASKED = phrases(
    r"\bhow\s+(?:much|many)\b|\b(?:consum\w*|eats?|drinks?|breathes?|uses?|needs?)\b", re.I
)

# "how long would it last", "how many days does that cover"
_LAST = phrases(
    r"\bhow\s+(?:long|many\s+(?:days|weeks|months))\b.*\b(?:last|cover|keep|see|hold|get)",
    re.I,
)
# A rate of use said after a mass: "7 tonnes of prop a year", "20 kg per day", "9 kg/day".
_RATE_AFTER = phrases(
    r"^\s*(?:of\s+(?:\w+\s+){0,2})?(?:(?:a|per|each|every|an)\s+|/\s*)"
    r"(?P<u>day|week|month|year|yr)\b|^\s*(?:of\s+(?:\w+\s+){0,2})?(?P<adv>annually|yearly|daily)",
    re.I,
)
_PROPELLANT = phrases(r"\b(?:prop|propellant|fuel|reboost|refuel\w*)\b", re.I)

# "they had 6 months of food", "with 90 days of water left", "food for 4 months"
_STOCK_OF = phrases(rf"\s*(?:worth\s+)?of\s+(?P<res>{CONSUMABLE_WORDS})\b", re.I)
_STOCK_FOR = phrases(rf"\b(?P<res>{CONSUMABLE_WORDS})\s+for\s*$", re.I)
_TILL = phrases(
    r"\bhow\s+(?:long|many\s+(?:days|weeks|months))\b.*\b(?:till|until|til|before|to)\b"
    r"|\bwhen\s+(?:would|will|do|does|did)\b",
    re.I,
)
_LINE = phrases(
    r"\b(?:reserve|minimum|min|limit|line|rule|floor|evacuat\w*|run(?:s|ning)?\s+out|empty)\b",
    re.I,
)
# What stops the station making a resource ("the oxygen generator broke", "water recycling
# fails"): a stock of it then lasts its mass ÷ the crew's whole use.
_NOT_MADE = phrases(
    r"\b(?P<oxygen>oxygen\s+(?:generat\w*|production|maker|system)|ogs|electrolysis)"
    r"|\b(?P<water>water\s+(?:recycl\w*|recovery|processor|reclamation)|wpa|urine\s+processor)",
    re.I,
)
_STOPS = phrases(
    r"\b(?:broke|breaks?|broken|fails?|failed|failing|dies|died|dead|down|off|out|stops?"
    r"|stopped|quits?|quit|conks\s+out|is\s+lost|went|goes)\b",
    re.I,
)
_SAID_LINE = phrases(
    r"\b(?P<n>\d{1,3})[\s-]*days?\s+(?:minimum|min|reserve|limit|line|rule|floor|mark)\b", re.I
)


def total_answer(ctx: Context, text: str, now: dt.date, last: Turn | None) -> Reply | None:
    """A total of use, how long a load lasts, or how long a stock lasts, when asked; else
    None."""
    return (
        _flights_for_use(ctx, text)
        or _stock_till_line(ctx, text, now)
        or _stock_unmade(ctx, text, now)
        or _load_lasts(ctx, text, now)
        or _total_use(ctx, text, now, last)
    )


def _days_of(text: str, pos: int = 0) -> tuple[int, str] | None:
    """The length a question gives (after pos if it gives one there), in days, and as said;
    "per month" and "monthly" are one of that unit."""
    got = find_duration(text, pos) or find_duration(text)
    if got is not None:
        dur = got[0]
        return round(abs(dur.amount) * DAYS_PER_UNIT[dur.unit]), dur.text
    per = _PER_PERIOD.search(text, pos) or _PER_PERIOD.search(text)
    if per is None:
        return None
    unit = per["u"].lower() if per["u"] else _ADVERB_UNIT.get(per["adv"].lower(), "year")
    return round(DAYS_PER_UNIT[unit]), f"a {unit}"


# ------------------------------------------------------------- total use in a period


def _total_use(ctx: Context, text: str, now: dt.date, last: Turn | None) -> Reply | None:
    station = ctx.kb.station
    if station is None:
        return None
    m = _RESOURCE.search(text)
    if m is not None and not _HOW_MUCH.search(text):
        return None
    if m is None:  # "for the whole crew for a month?" after a per-person rate
        before = last.question.text if last is not None else ""
        m = _RESOURCE.search(before)
        if m is None or not _USE_ASKED.search(before) or _HOW_MUCH.search(text):
            return None
        if ctx.index.find_mentions(text, ("mission", "vehicle")):
            return None
    k = said_people(text)
    if k is None and not WHOLE_CREW.search(text):
        return None
    resources = asked_resources(m)  # "food and water": each of them
    period = _days_of(text, m.end() if m.string is text else 0)
    if period is None or period[0] <= 0:
        return None
    days, said = period
    people = people_of(ctx, station, text, now, False)
    if people is None:
        return None
    low_people, high_people, who, who_sources, ids = people
    if k is not None:
        who = f"{k} people (your figure)"
    parts, sources = use_parts(
        station, resources, (low_people, high_people), who.split(" (")[0], days, extra=False
    )
    lead = (
        "About " + "; ".join(parts) + f". People: {who}; {said[:1].lower()}{said[1:]} read as "
        f"{days} days. Estimates from NASA's per-person rates in the station record."
    )
    title = f"{listed(list(resources)).capitalize()} for {who.split(' (')[0]} over {said}"
    return reply_of(ctx, title, lead, [*who_sources, *sources], ids or [station.id])


# ------------------------------------------------------------- how long a load lasts


def _load_lasts(ctx: Context, text: str, now: dt.date) -> Reply | None:
    station = ctx.kb.station
    if station is None or not _LAST.search(text):
        return None
    masses = find_masses(text)
    rate: tuple[Mass, str] | None = None
    for mass in masses:
        after = _RATE_AFTER.match(text[mass.end :])
        if after is not None:
            unit = (after["u"] or after["adv"]).lower()
            unit = {"yr": "year", "annually": "year", "yearly": "year", "daily": "day"}.get(
                unit, unit
            )
            rate = mass, unit
            break
    loads = [x for x in masses if rate is None or x is not rate[0]]
    if not loads:
        return None  # no load said: not this question
    load = loads[0]
    propellant = bool(_PROPELLANT.search(text))
    rs = station.resupply
    recorded = kg_range(rs.propellant_use_per_year)
    if rate is None:
        if not propellant or recorded is None:
            return _missing(ctx, load, "a rate of use (say how much is used a day, month or year)")
        per_day = (recorded[0] / 365.25, recorded[1] / 365.25)
        said = f"the fact base's propellant use of {rs.propellant_use_per_year.text()} a year"
        sources = list(rs.propellant_use_per_year.sources)
        note = ""
    else:
        mass, unit = rate
        per_day = (mass.kg / DAYS_PER_UNIT[unit],) * 2
        said = f"your {mass.text} a {unit} ({n_text(per_day[0])} kg a day)"
        sources = []
        note = ""
        if propellant and recorded is not None:
            lo, hi = load.kg / (recorded[1] / 365.25), load.kg / (recorded[0] / 365.25)
            note = (
                f" Using your {mass.text} a {unit}, not the fact base's estimate of "
                f"{rs.propellant_use_per_year.text()} a year, at which it would last about "
                f"{lo:.0f}-{hi:.0f} days (derived)."
            )
            sources += rs.propellant_use_per_year.sources
    low, high = load.kg / per_day[1], load.kg / per_day[0]
    length = f"{low:.0f}" if round(low) == round(high) else f"{low:.0f}-{high:.0f}"
    lead = (
        f"About {length} days (derived: your {load.text} ÷ {said}), assuming nothing else is "
        f"added or used from it.{note}"
    )
    return reply_of(ctx, f"How long {load.text} lasts", lead, sources, [station.id])


def _missing(ctx: Context, load: Mass, what: str) -> Reply:
    return reply_of(
        ctx,
        f"How long {load.text} lasts",
        f"Not derivable: the question gives {load.text} but not {what}, and the fact base "
        "records no such rate for it.",
        [],
        [],
    )


# ------------------------------------------------------------- a stock against the reserve


def _stock_till_line(ctx: Context, text: str, now: dt.date) -> Reply | None:
    station = ctx.kb.station
    if station is None or not _TILL.search(text) or not _LINE.search(text):
        return None
    stock = _stock(ctx, station, text, now)
    if stock is None:
        return None
    days, res, said, sources = stock
    rs = station.resupply
    line = _SAID_LINE.search(text)
    reserve = int(line["n"]) if line is not None else round(rs.reserve_days.mid)
    whose = "your" if line is not None else "the recorded"
    if line is None:
        sources += rs.reserve_days.sources
    left = days - reserve
    if left <= 0:
        lead = (
            f"Already at or below it: {said} ({days} days) is not more than {whose} "
            f"{reserve}-day reserve (derived)."
        )
    else:
        when = now + dt.timedelta(days=left)
        lead = (
            f"About {left} days, around {when:%-d %B %Y} counting from {now:%-d %B %Y} "
            f"(derived: {said}, read as {days} days, less {whose} {reserve}-day reserve), "
            f"assuming no deliveries and the {res} used at the same rate."
        )
    evac = rs.evacuation_days
    if evac is not None and days > evac.mid:
        lead += (
            f" It would run out after {days} days; below {evac.mid:g} days the crew leaves "
            f"(recorded rule), after about {days - round(evac.mid)} days."
        )
        sources += evac.sources
    return reply_of(ctx, f"{res.capitalize()} stock against the reserve", lead, sources, [])


# ------------------------------------------------------------- a stock with nothing made aboard


def _stock_unmade(ctx: Context, text: str, now: dt.date) -> Reply | None:
    """ "the oxygen generator broke and they had 100 kg of o2 for 7 people": the stock ÷ the
    crew's whole use (none made aboard), in days, ignoring deliveries."""
    station = ctx.kb.station
    if station is None:
        return None
    stock = _stock_mass(ctx, station, text, now)
    if stock is None:
        return None
    days, res, said, sources = stock
    broken = [
        m
        for m in _NOT_MADE.finditer(text)
        if m.lastgroup == res and _STOPS.search(text, m.end(), m.end() + 30)
    ]
    if not broken:
        return None
    rs = station.resupply
    lead = (
        f"About {days} days (derived: {said}), with no {res} "
        f"{'recovered' if res == 'water' else 'made'} aboard and ignoring "
        f"deliveries and anything else drawn from the stores."
    )
    reserve = rs.reserve_days
    if days <= reserve.mid:
        lead += (
            f" That is below the recorded {reserve.mid:g}-day reserve from the start"
            + (
                f" and the {rs.evacuation_days.mid:g}-day line below which the crew leaves"
                if rs.evacuation_days is not None and days <= rs.evacuation_days.mid
                else ""
            )
            + "."
        )
        sources += reserve.sources
        if rs.evacuation_days is not None:
            sources += rs.evacuation_days.sources
    title = f"How long {said.split(' ÷ ')[0].removeprefix('your ')} lasts"
    return reply_of(ctx, title, lead, sources, [station.id])


def _stock(
    ctx: Context, station: Station, text: str, now: dt.date
) -> tuple[int, str, str, list[str]] | None:
    """The stock a question states, in days of the crew's need, the resource, how it was
    said and the sources of any conversion (a mass is divided by the crew's daily use)."""
    return _stock_days(text) or _stock_mass(ctx, station, text, now)


def _stock_days(text: str) -> tuple[int, str, str, list[str]] | None:
    """A stock said as a length ("6 months of food", "water for 90 days")."""
    pos = 0
    while (got := find_duration(text, pos)) is not None:
        dur, found = got
        pos = found.end
        of = _STOCK_OF.match(text, found.end)
        if of is None:
            before = _STOCK_FOR.search(text[: found.start])
            res = before["res"] if before is not None else None
        else:
            res = of["res"]
        if res is not None:
            res = RESOURCE_OF[res.lower()][0] if res.lower() in ("o2", "air") else res.lower()
            days = round(abs(dur.amount) * DAYS_PER_UNIT[dur.unit])
            return days, res, f"your {dur.text} of {res}", []
    return None


def _stock_mass(
    ctx: Context, station: Station, text: str, now: dt.date
) -> tuple[int, str, str, list[str]] | None:
    """A stock said as a mass ("100 kg of o2"), in days of the crew's whole use."""
    for mass in find_masses(text):
        of = _STOCK_OF.match(text, mass.end)
        if of is None:
            continue
        res = RESOURCE_OF[of["res"].lower()]
        if len(res) != 1:
            continue
        people = people_of(ctx, station, text, now, False, whole=True)
        rate = station.resupply.consumption_per_crew_day.get(res[0])  # type: ignore[call-overload]
        if people is None or rate is None:
            return None
        need = rate.mid * people[0]
        days = round(mass.kg / need)
        said = (
            f"your {mass.text} of {res[0]} ÷ ({rate.text()} per person a day × "
            f"{people[2].split(' (')[0]})"
        )
        return days, res[0], said, [*people[3], *rate.sources]
    return None


# ------------------------------------------------------------- flights a stated use needs


def _flights_for_use(ctx: Context, text: str) -> Reply | None:
    """How many flights carry a stated use ("7 t of propellant a year") at a stated load a
    flight ("each progress brings ~850 kg"): the user's figures divided, said as theirs."""
    asked = _HOW_MANY_FLIGHTS.search(text)
    masses = find_masses(text)
    if asked is None or len(masses) < 2:
        return None
    rate: tuple[Mass, str] | None = None
    for i, m in enumerate(masses):
        upto = masses[i + 1].start if i + 1 < len(masses) else asked.start()
        per = _PER_PERIOD.search(text[: max(upto, m.end)], m.end)
        if per is not None and per.start() - m.end <= 40:
            unit = per["u"].lower() if per["u"] else _ADVERB_UNIT.get(per["adv"].lower(), "year")
            rate = (m, unit)
            break
    if rate is None:
        return None
    use, unit = rate
    load = next((m for m in masses if m is not use), None)
    if load is None or load.kg <= 0:
        return None
    found = ctx.index.find_mentions(text[asked.start() :], ("vehicle",))
    vehicle = ctx.kb.vehicles.get(found[0].record_id) if found else None
    flights = f"{vehicle.name} flights" if vehicle is not None else "flights"
    ratio = use.kg / load.kg
    low, high = math.floor(ratio + 1e-9), math.ceil(ratio - 1e-9)
    count = f"{low}" if low == high else f"{max(low, 1)}–{high}"
    lead = (
        f"About {count} {flights} a {unit} (derived from your figures: your {use.text} a "
        f"{unit} ÷ your {load.text} a flight = {n_text(use.kg)} ÷ {n_text(load.kg)} kg ≈ "
        f"{ratio:.1f}" + (f"; {high} to carry all of it)." if low != high else ").")
    )
    ids = [vehicle.id] if vehicle is not None else []
    return reply_of(ctx, f"{flights[:1].upper()}{flights[1:]} for a stated use", lead, [], ids)
