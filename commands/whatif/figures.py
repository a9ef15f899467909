"""Recorded figures a what-if asks for as its answer: what a lost flight would take from the
station, boost kits worth some Progress reboosts, a load's cost at a price per kg, when a
docked ship would leave after a stay, and how long the station lasts without reboosts."""

from __future__ import annotations

import datetime as dt
import math
import re

from commands.context import Context
from commands.reply import Reply
from commands.understand.prefilter import phrases
from commands.whatif.lexer import DAYS_PER_UNIT, find_duration, find_masses, number
from commands.whatif.quantity import (
    DESIGN,
    design_days,
    kg_range,
    n_text,
    named,
    reply_of,
    up_mass,
    which_flight,
)
from knowledge.schema import Mission, Vehicle

# "got lost on launch", "blew up", "failed to reach orbit": the flight never arrives.
_LOST = phrases(
    r"\b(?:lost|lose[sd]?|losing|fail(?:s|ed)?|failure|explode[sd]?|blew\s+up|blows\s+up"
    r"|destroyed|crashe[sd]|never\s+(?:arrives?|arrived|made\s+it|got\s+there|docke[sd]))\b",
    re.I,
)
_MISSED = phrases(
    r"\bhow\s+(?:much|many\s+(?:more\s+|extra\s+)?(?:kg|kilos?|kilograms?|tonnes?|tons?|pounds"
    r"|lbs?))\b.*\b(?:miss(?:es|ed|ing)?|lose|lost|go\s+without|not\s+get|short|gone"
    r"|cargo|stuff|supplies|mass)\b",
    re.I,
)

_KITS = phrases(r"\bhow\s+many\b.*\b(?:boost\s+kits?|reboosts?)\b", re.I)
_PROGRESS_WORTH = phrases(
    r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+progress(?:es)?"
    r"(?:\s+(?:ships?|flights?|loads?|worth))*\b",
    re.I,
)

_PER_KG = phrases(
    r"\b(?:price|cost|rate)\s+(?:per|a|each|/)\s*(?:kg|kilo(?:gram)?)\b|\bper[\s-]+(?:kg|kilo)\b"
    r"|/\s*kg\b",
    re.I,
)
# "at crs-2 rates", "using the CRS-1 prices": a contract's price, applied to a said mass.
_AT_RATES = phrases(
    r"\b(?:at|using|with|on|by)\s+(?:the\s+)?(?:crs[\s-]?\d|contract)(?:['’]s)?\s+"
    r"(?:rates?|prices?|pricing|costs?)\b",
    re.I,
)
_COST_ASKED = phrases(r"\b(?:cost|costs|price|pay|spend|worth|how\s+much\s+money)\b", re.I)
_A_LOAD = phrases(r"\b(?:full|load|loaded|flight|mission|cargo)\b", re.I)
_CONTRACT = phrases(r"\b(?P<c>crs[\s-]?\d)\b", re.I)
_SAID_PRICE = phrases(
    r"\$\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k|thousand)?\s*(?:per|a|/)\s*(?:kg|kilo)\b", re.I
)

# "3 extra cargo dragons", "two more Cygnus flights", "a dozen progress": a count of flights
# of one vehicle, then up to three words naming it.
_COUNTED = phrases(
    r"(?<![\w.,$-])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple"
    r"(?:\s+of)?)\s+(?:(?:extra|more|additional|further|new|spare|added)\s+)*"
    r"(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
    re.I,
)
_FLIGHT_WORDS = phrases(
    r"\s+(?:flights?|missions?|launch(?:es)?|runs?|trips?|resupply|resupplies|what|would"
    r"|cost|costs?|be|that|it)\b.*$",
    re.I,
)
_SEATS = phrases(r"\bseats?\b", re.I)  # a seat's price is the crew vehicle's own answer
# "21 missions", "over 20 flights": how many flights a contract's note says it buys.
_NOTE_FLIGHTS = phrases(r"\b(?P<n>\d{1,3})\s+(?:missions|flights|launches)\b", re.I)

_LEAVE = phrases(
    r"\bwhen\s+(?:would|will|does|do|might|could|should)\s+(?:it|she|that|they|the\s+\w+)?\s*"
    r"(?:(?:have|has|need|needs)\s+to\s+|be\s+(?:due|made)\s+to\s+)?"
    r"(?:leave|undock|depart|come\s+(?:home|back|off)|go|head\s+home|return|be\s+released)\b",
    re.I,
)

# "if they had to evacuate, enough seats?", "could everyone get home in the lifeboats": the
# seats of the crew ships docked against the people aboard.
_EVACUATE = phrases(
    r"\b(?:evacuat\w*|abandon\w*|bail(?:s|ed|ing)?\s+out|lifeboats?|escape\s+(?:pods?|ships?)"
    r"|emergency\s+(?:return|departure|undocking)|get\s+(?:everyone|everybody|all\s+of\s+them)"
    r"\s+(?:home|off|down|out))\b",
    re.I,
)
_SEAT_ASKED = phrases(
    r"\b(?:seats?|room|fit|enough\s+(?:space|capsules?|ships?|spacecraft|lifeboats?)"
    r"|lifeboats?)\b",
    re.I,
)

_NO_REBOOST = phrases(
    r"\b(?:no|lost|loses?|losing|without|every\s+way\s+to|any\s+way\s+to|can['’]?t|cannot|stops?)"
    r"\b.*\breboost",
    re.I,
)
_COMES_DOWN = phrases(
    r"\bhow\s+long\b.*\b(?:come[s]?\s+down|re-?enter\w*|deorbit\w*|fall\w*|crash\w*"
    r"|burn\w*\s+up|decay\w*|hits?\s+the\s+atmosphere|stay\s+up)\b",
    re.I,
)


# "X replaced one Y flight", "X flew instead of Y", "swap a Y for an X": X's load instead of Y's.
_INSTEAD = phrases(
    r"\b(?:replaced?|replaces|replacing|instead\s+of|in\s+place\s+of|took\s+the\s+place\s+of"
    r"|takes\s+the\s+place\s+of|substituted\s+for|stood\s+in\s+for|swapped\s+(?:in\s+)?for)\b",
    re.I,
)
_MORE_ASKED = phrases(
    r"\bhow\s+(?:much|many\s+(?:kg|kilos?|kilograms?|tonnes?|tons?))\s+(?:more|less|extra"
    r"|additional|fewer)\b|\b(?:difference|gain|lose|lost)\b.*\b(?:cargo|up-?mass|mass|kg)\b",
    re.I,
)


# "they go under 30 days", "supplies drop below 45 days", "stocks dip under 20 days": the stock
# itself crossing a number of days, which the reserve rules speak to and no edit sets.
_UNDER_DAYS = phrases(
    r"\b(?:go(?:es)?|went|gets?|got|drops?|dropped|dips?|dipped|falls?|fell|runs?|ran|sinks?"
    r"|is|are|were|was|be)\s+(?:down\s+)?(?:under|below|beneath|less\s+than"
    r"|lower\s+than)\s+(?P<n>\d{1,3})\s+days?\b",
    re.I,
)


def figure_answer(ctx: Context, text: str, now: dt.date) -> Reply | None:
    """A recorded figure as the what-if's answer, when asked; else None."""
    return (
        _reserve_line(ctx, text)
        or _evacuation_seats(ctx, text)
        or _decay(ctx, text)
        or _boost_kits(ctx, text)
        or _cost_at_price(ctx, text)
        or _flights_cost(ctx, text)
        or _leave_date(ctx, text, now)
        or _capacity_swap(ctx, text)
        or _lost_cargo(ctx, text)
    )


def _named(ctx: Context, text: str) -> tuple[Mission | None, Vehicle | None]:
    """The flight and the vehicle a question names (a flight's own vehicle first); neither when
    it names a designation several families share (`quantity.named`)."""
    said = named(ctx, text)
    return said.flight, said.vehicle


def _as_of(ctx: Context) -> str:
    return f"{ctx.kb.as_of:%-d %B %Y}"


# ------------------------------------------------------------- seats home in an evacuation


def _evacuation_seats(ctx: Context, text: str) -> Reply | None:
    """Seats in the crew ships docked as of the base's date (the still-docked rule, each
    ship's recorded crew size) against the crew aboard then (the station's crew record)."""
    station = ctx.kb.station
    if station is None or not _EVACUATE.search(text) or not _SEAT_ASKED.search(text):
        return None
    from commands.facts import flights_aboard
    from commands.understand.types import Ask, Question

    as_of = ctx.kb.as_of
    crew_ships = [v for v in ctx.kb.vehicles.values() if v.kind == "crew-spacecraft"]
    seen = flights_aboard(ctx, crew_ships, Question(text, Ask.YES_NO), as_of)
    here = [m for m, lead in seen if lead.yes is True]
    docked_sources = [x for _, lead in seen if lead.yes is True for x in lead.sources]
    unsure = [m for m, lead in seen if lead.yes is None and m.status == "docked"]
    levels = [c for c in station.crew_history if c.since <= as_of]
    title = "Seats home in an evacuation"
    if not levels:
        return reply_of(
            ctx,
            title,
            f"Not known: the fact base records no crew aboard as of {_as_of(ctx)}.",
            [],
            [station.id],
        )
    level = max(levels, key=lambda c: c.since)
    sources: list[str] = [*level.sources, *docked_sources]
    parts: list[str] = []
    seats = 0
    missing: list[str] = []
    for m in here:
        v = ctx.kb.vehicles.get(m.vehicle)
        if v is None or v.crew_size is None:
            missing.append(m.name)
            continue
        seats += v.crew_size
        parts.append(f"{m.name}'s {v.name} {v.crew_size}")
        sources += v.sources[:1]
    people = f"{level.crew} {'person' if level.crew == 1 else 'people'} aboard"
    if missing or not here:
        lead = f"Not known: the fact base records {people} as of {_as_of(ctx)}, but " + (
            f"no seat count for {', '.join(missing)}." if missing else "no crew ship docked then."
        )
    else:
        enough = "Yes" if seats >= level.crew else "No"
        ships = " + ".join(parts)
        lead = (
            f"{enough} (derived): {seats} seats ({ships}) for {people} as of {_as_of(ctx)}, "
            f"counting each docked crew ship's recorded crew size and the station's recorded "
            f"crew."
        )
        if seats < level.crew:
            lead += f" {level.crew - seats} would have no seat home."
    if unsure:
        lead += (
            " Not counted, docked earlier with no departure recorded but past a typical stay: "
            + ", ".join(m.name for m in unsure)
            + "."
        )
    ids = [*(m.id for m in here), station.id]
    return reply_of(ctx, title, lead, sources, ids)


# ------------------------------------------------------------- without reboosts


def _reserve_line(ctx: Context, text: str) -> Reply | None:
    """The stock going under a number of days: what the station record's reserve rules say
    happens then, and that the model cannot set a stock level as a scenario."""
    station = ctx.kb.station
    said = _UNDER_DAYS.search(text)
    if station is None or said is None:
        return None
    rs = station.resupply
    days = int(said["n"])
    rules = [(rs.reserve_days, "an evacuation is planned")]
    if rs.evacuation_days is not None:
        rules.append((rs.evacuation_days, "the crew leaves"))
    crossed = [(a, then) for a, then in rules if days <= a.mid]
    said_rules = "; ".join(f"below {a.text()} of food, water or oxygen {then}" for a, then in rules)
    if crossed:
        a, then = crossed[-1]
        lead = f"Under {days} days is below the {a.text()} line: {then}"
    else:
        lead = f"{days} days is above every reserve line, so no rule is crossed"
    lead += (
        f" (the station record's reserve rules: {said_rules}). The supply model can't simulate "
        "the stock itself going under a number of days: it runs flights, crew and use rates, "
        "and says when a scenario crosses these lines."
    )
    sources = [
        *rs.reserve_days.sources,
        *(rs.evacuation_days.sources if rs.evacuation_days else ()),
    ]
    return reply_of(ctx, "Below the reserve line", lead, sources, [station.id])


def _decay(ctx: Context, text: str) -> Reply | None:
    station = ctx.kb.station
    if station is None or not _NO_REBOOST.search(text) or not _COMES_DOWN.search(text):
        return None
    rs = station.resupply
    when = rs.reentry_without_reboost
    if when is None:
        return reply_of(
            ctx,
            "The station without reboosts",
            f"Not modelled: the fact base (as of {_as_of(ctx)}) states no time for the station "
            "to come down without reboosts.",
            [],
            [station.id],
        )
    lead = f"Within about {when.text()}, as the fact base records it: {when.note}"
    sources = list(when.sources)
    loss = rs.altitude_loss_per_day
    if loss is not None:
        lead += f" Without reboosts it loses about {loss.text()} of altitude a day (recorded)."
        sources += loss.sources
    lead += " This is a quoted figure, not something the supply model computes."
    return reply_of(ctx, "The station without reboosts", lead, sources, [station.id])


# ------------------------------------------------------------- boost kits for Progress reboosts


def _boost_kits(ctx: Context, text: str) -> Reply | None:
    station = ctx.kb.station
    said = _PROGRESS_WORTH.search(text)
    if station is None or not _KITS.search(text) or said is None:
        return None
    count = number(said["n"]) or 1.0
    progress = ctx.kb.vehicles.get("progress-ms")
    fuel = (
        next((c for c in progress.capacities if c.cargo == "propellant"), None)
        if progress is not None
        else None
    )
    _, vehicle = _named(ctx, text[: said.start()])
    offsets = [
        o for o in station.resupply.reboost_offsets if vehicle is None or o.vehicle == vehicle.id
    ]
    title = f"Boost kits for {n_text(count)} Progress worth of reboost"
    if not offsets or fuel is None:
        who = vehicle.name if vehicle is not None else "any vehicle"
        return reply_of(
            ctx,
            title,
            f"Not recorded: the fact base (as of {_as_of(ctx)}) has no reboost equivalence "
            f"between {who} and Progress propellant, so it cannot be derived.",
            [],
            [vehicle.id] if vehicle is not None else [],
        )
    offset = offsets[0]
    kit = ctx.kb.vehicles.get(offset.vehicle)
    kit_name = kit.name if kit is not None else offset.vehicle
    ratio = offset.propellant_saved.mid / fuel.mid
    need = count / ratio
    lead = (
        f"About {math.ceil(need - 1e-9)} {kit_name} boost kits (derived: {n_text(count)} Progress "
        f"÷ {ratio:.1f} Progress a kit = {need:.1f}, rounded up; one kit saves "
        f"{offset.propellant_saved.text()} of propellant, a Progress carries "
        f"{fuel.text()})."
    )
    return reply_of(
        ctx,
        title,
        lead,
        [*offset.propellant_saved.sources, *fuel.sources],
        [offset.vehicle, "progress-ms"],
    )


# ------------------------------------------------------------- a load's cost at a price per kg


def _cost_at_price(ctx: Context, text: str) -> Reply | None:
    masses = find_masses(text)
    per_kg = _PER_KG.search(text) or (masses and _AT_RATES.search(text))
    if not per_kg or not _COST_ASKED.search(text):
        return None
    flight, vehicle = _named(ctx, text)
    if not masses and (vehicle is None or not _A_LOAD.search(text)):
        return None  # no load to price ("which contract cost more per kg"): not this question
    ids = [r.id for r in (flight, vehicle) if r is not None]
    sources: list[str] = []
    if masses:
        kg, mass_said = masses[0].kg, f"your {masses[0].text}"
    else:
        cap = up_mass(vehicle.capacities) if vehicle is not None else None
        got = kg_range(cap) if cap is not None else None
        if cap is None or got is None or vehicle is None:
            return reply_of(
                ctx,
                "Cost at a price per kg",
                "Not derivable: the question gives no mass and the fact base records no "
                "cargo up-mass for what it names; say the load in kg or tonnes.",
                [],
                ids,
            )
        kg, mass_said = got[1], f"a full {vehicle.name} ({n_text(got[1])} kg, recorded)"
        sources += cap.sources
    said_price = _SAID_PRICE.search(text)
    contract = _CONTRACT.search(text)
    if said_price is not None:
        price = float(said_price["n"].replace(",", "")) * (1000 if said_price["k"] else 1)
        price_said = f"your ${n_text(price)} a kg"
    else:
        found = _price_per_kg(ctx, contract["c"] if contract else None, vehicle)
        if found is None:
            what = f"the {contract['c'].upper()} contract" if contract else "it"
            return reply_of(
                ctx,
                "Cost at a price per kg",
                f"Not derivable: the fact base (as of {_as_of(ctx)}) records no price per kg "
                f"for {what}.",
                [],
                ids,
            )
        price, price_said, price_sources = found
        sources += price_sources
    total = kg * price
    lead = (
        f"About ${total / 1e6:,.0f} million (derived: {mass_said} × {price_said})."
        if total >= 1e6
        else f"About ${n_text(total)} (derived: {mass_said} × {price_said})."
    )
    mission_cost = next((c for c in vehicle.costs if c.per == "mission"), None) if vehicle else None
    if mission_cost is not None and vehicle is not None:
        lead += (
            f" For comparison, the fact base records {mission_cost.text()} per "
            f"{vehicle.name} mission."
        )
        sources += mission_cost.sources
    return reply_of(ctx, "Cost at a price per kg", lead, sources, ids)


def _price_per_kg(
    ctx: Context, contract: str | None, vehicle: Vehicle | None
) -> tuple[float, str, list[str]] | None:
    """A recorded price per kg: the one whose note names the contract asked, else the named
    vehicle's own; its value, how it is said, and its sources."""
    want = re.sub(r"[\s-]", "", contract).lower() if contract else None
    for v in ctx.kb.vehicles.values():
        for c in v.costs:
            if c.per != "kg" or c.unit != "USD":
                continue
            note = re.sub(r"[\s-]", "", c.note).lower()
            mine = vehicle is not None and v.id == vehicle.id
            if (want is not None and want in note) or (want is None and mine):
                note = c.note.rstrip(".")
                said = (
                    f"{c.text()} a kg ({note[:1].lower()}{note[1:]})"
                    if note
                    else f"{c.text()} a kg"
                )
                return c.mid, said, list(c.sources)
    return None


# ------------------------------------------------------------- the cost of N more flights


def _usd(x: float) -> str:
    """A derived dollar amount, rounded: "$1.5 billion", "$900 million"."""
    if x >= 1e9:
        return f"${x / 1e9:.2f}".rstrip("0").rstrip(".") + " billion"
    return f"${x / 1e6:,.0f} million"


def _flights_cost(ctx: Context, text: str) -> Reply | None:
    if _PER_KG.search(text) or _SEATS.search(text) or not _COST_ASKED.search(text):
        return None
    counted = _counted_vehicle(ctx, text)
    if counted is None:
        return None
    count, vehicle = counted
    n = n_text(count)
    title = f"Cost of {n} more {vehicle.name} {'flight' if count == 1 else 'flights'}"
    per_flight = next((c for c in vehicle.costs if c.per in ("mission", "launch")), None)
    if per_flight is not None:
        low = per_flight.low if per_flight.low is not None else per_flight.mid
        high = per_flight.high if per_flight.high is not None else per_flight.mid
        total = _usd(count * low) if low == high else f"{_usd(count * low)}-{_usd(count * high)}"
        note = f" The fact base notes: {per_flight.note}" if per_flight.note else ""
        lead = (
            f"About {total} (derived: {n} × the recorded {per_flight.text()} per "
            f"{vehicle.name} {per_flight.per}).{note}"
        )
        return reply_of(ctx, title, lead, list(per_flight.sources), [vehicle.id])
    for contract in (c for c in vehicle.costs if c.per == "contract" and c.unit == "USD"):
        flights = _NOTE_FLIGHTS.search(contract.note)
        if flights is None:
            continue
        each = contract.mid / int(flights["n"])
        note = contract.note.rstrip(".")
        lead = (
            f"About {_usd(count * each)} (derived: {n} × about {_usd(each)} a flight, the "
            f"recorded {vehicle.name} contract figure of {contract.text()} ÷ its "
            f"{flights['n']} {flights[0].split()[-1]}; the fact base says of it: "
            f"{note[:1].lower()}{note[1:]}). The fact base records no price for a single "
            f"{vehicle.name} flight, so this is an average, not a quote."
        )
        return reply_of(ctx, title, lead, list(contract.sources), [vehicle.id])
    return reply_of(
        ctx,
        title,
        f"Not derivable: the fact base (as of {_as_of(ctx)}) records no price per flight for "
        f"{vehicle.name}, nor a contract value with its number of flights.",
        [],
        [vehicle.id],
    )


def _counted_vehicle(ctx: Context, text: str) -> tuple[float, Vehicle] | None:
    """How many flights of which vehicle a question counts ("3 extra cargo dragons")."""
    from commands.whatif.resolve import Resolver  # its model imports numpy: what-ifs only

    resolver = Resolver(ctx.kb, ctx.index)
    for m in _COUNTED.finditer(text):
        words = _FLIGHT_WORDS.sub("", m["name"]).split()
        for size in range(len(words), 0, -1):
            found = resolver.find(" ".join(words[:size]), ("vehicle",))
            vehicle = ctx.kb.vehicles.get(found[0]) if found is not None else None
            if vehicle is not None:
                count = number(m["n"])
                return (count, vehicle) if count else None
    return None


# ------------------------------------------------------------- when a docked ship leaves


def _leave_date(ctx: Context, text: str, now: dt.date) -> Reply | None:
    if not _LEAVE.search(text):
        return None
    said = named(ctx, text)
    if said.either:
        return which_flight(ctx, said.either)
    flight, vehicle = said.flight, said.vehicle
    if flight is None:
        return None
    docked = next((e for e in reversed(flight.events) if e.kind in ("docked", "berthed")), None)
    title = f"When {flight.name} would leave"
    got = find_duration(text)
    life = design_days(vehicle) if vehicle is not None and DESIGN.search(text) else None
    if got is not None:
        days = round(got[0].amount * DAYS_PER_UNIT[got[0].unit])
        stay_said = f"your {got[0].text}"
        if not got[0].text.startswith(f"{days} day"):
            stay_said += f", read as {days} days"
        sources: list[str] = []
    elif life is not None and vehicle is not None:  # "if it stayed its design life"
        days = life[0]
        stay_said = f"{vehicle.name}'s published docked design life of {days} days"
        sources = life[1]
    elif vehicle is not None and vehicle.typical_stay_days is not None:
        days = round(vehicle.typical_stay_days.mid)
        stay_said = f"{vehicle.name}'s recorded typical stay of {vehicle.typical_stay_days.text()}"
        sources = list(vehicle.typical_stay_days.sources)
    else:
        return reply_of(
            ctx,
            title,
            f"Not derivable: the question gives no stay and the fact base records no typical "
            f"stay for {flight.name}'s vehicle.",
            [],
            [flight.id],
        )
    if docked is None:
        return reply_of(
            ctx,
            title,
            f"Not derivable: no docking of {flight.name} is recorded (as of {_as_of(ctx)}), so "
            f"there is no date to add {stay_said} to.",
            sources,
            [flight.id],
        )
    d = docked.date
    start, end = d.start + dt.timedelta(days=days), d.end + dt.timedelta(days=days)
    if start == end:
        when = f"{start:%-d %B %Y}"
    elif start.month == end.month and start.year == end.year:
        when = f"{start:%B %Y}"
    else:
        when = f"between {start:%-d %B} and {end:%-d %B %Y}"
    lead = (
        f"{'No earlier than ' if d.net else 'Around '}{when} (derived: docked "
        f"{d.text()} (recorded) + {stay_said})."
    )
    sources += docked.sources
    return reply_of(ctx, title, lead, sources, [flight.id])


# ------------------------------------------------------------- what a lost flight takes away


def _lost_cargo(ctx: Context, text: str) -> Reply | None:
    if not _LOST.search(text) or not _MISSED.search(text):
        return None
    flight, vehicle = _named(ctx, text)
    if vehicle is None:
        return None
    ids = [r.id for r in (flight, vehicle) if r is not None]
    load = up_mass(flight.cargo) if flight is not None else None
    cap = up_mass(vehicle.capacities)
    name = flight.name if flight is not None else f"a {vehicle.name}"
    title = f"What the station would miss without {name}"
    if load is not None:
        lead = (
            f"{flight.name if flight else name}'s recorded cargo: {load.text()} (recorded up-mass)."
        )
        sources = list(load.sources)
    elif cap is not None:
        lead = (
            f"Up to {cap.text()}: {vehicle.name}'s recorded up-mass capacity"
            + (
                f" ({flight.name}'s own cargo mass is not recorded as of {_as_of(ctx)})"
                if flight is not None
                else ""
            )
            + "."
        )
        sources = list(cap.sources)
    else:
        return reply_of(
            ctx,
            title,
            f"Not recorded: the fact base has no cargo mass for {name} or its vehicle.",
            [],
            ids,
        )
    extra = ""
    if vehicle.refuels_russian_segment:
        fuel = next((c for c in vehicle.capacities if c.cargo == "propellant"), None)
        if fuel is not None:
            extra = f" That includes up to {fuel.text()} of Russian-segment propellant."
            sources += fuel.sources
    hint = (
        f" For what it does to supply margins, ask “what if {flight.name} is lost”."
        if flight is not None
        else f" For what it does to supply margins, ask “what if the next {vehicle.name} is lost”."
    )
    return reply_of(ctx, title, lead + extra + hint, sources, ids)


# ------------------------------------------------------------- one vehicle's load for another's


def _capacity_swap(ctx: Context, text: str) -> Reply | None:
    """How much more (or less) goes up when one vehicle flies in another's place: the
    difference of their recorded up-mass capacities, derived. The supply model cannot swap
    vehicles, so this is the answer, not a run."""
    verb, asked = _INSTEAD.search(text), _MORE_ASKED.search(text)
    if verb is None or asked is None:
        return None
    mentions = ctx.index.find_mentions(text, ("vehicle",))
    before = [x.record_id for x in mentions if x.end <= verb.start()]
    after = [x.record_id for x in mentions if x.start >= verb.end()]
    if not before or not after or before[-1] == after[0]:
        return None
    # "X replaced Y", "X took the place of Y", "X instead of Y": X flies, Y does not
    flies, dropped = ctx.kb.vehicles.get(before[-1]), ctx.kb.vehicles.get(after[0])
    if flies is None or dropped is None:
        return None
    title = f"{flies.name} in place of {dropped.name}"
    caps = [up_mass(v.capacities) for v in (flies, dropped)]
    kgs = [kg_range(c) if c is not None else None for c in caps]
    ids = [flies.id, dropped.id]
    if caps[0] is None or caps[1] is None or kgs[0] is None or kgs[1] is None:
        missing = flies if caps[0] is None or kgs[0] is None else dropped
        return reply_of(
            ctx,
            title,
            f"Not derivable: the fact base (as of {_as_of(ctx)}) records no cargo up-mass for "
            f"{missing.name}.",
            [],
            ids,
        )
    a, b = kgs[0][1], kgs[1][1]
    diff = a - b
    word = "more" if diff >= 0 else "less"
    lead = (
        f"About {n_text(abs(diff))} kg {word} cargo per flight (derived: {flies.name} carries "
        f"up to {caps[0].text()}, {dropped.name} up to {caps[1].text()}, recorded up-mass "
        f"capacities; {n_text(a)} − {n_text(b)} kg, both flying full). The supply model does "
        "not swap one vehicle for another, so this is the capacity difference, not a supply run."
    )
    if dropped.refuels_russian_segment and not flies.refuels_russian_segment:
        lead += (
            f" But {flies.name} delivers no propellant to the Russian segment (recorded), and "
            f"{dropped.name} does."
        )
    return reply_of(ctx, title, lead, [*caps[0].sources, *caps[1].sources], ids)
