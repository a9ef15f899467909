"""Quantities a what-if asks for that the supply run does not lead with: how many flights of
one vehicle carry another flight's cargo, how much food, water or oxygen a longer stay or a
crew overlap uses, and whether a longer stay passes its vehicle's design life — each derived
from recorded figures, with its inputs and their sources, or the missing input named."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from commands.context import Context
from commands.conversation import Turn
from commands.format import collect_sources, listed, publisher, source_lines
from commands.reply import Reply
from commands.understand.prefilter import phrases
from commands.understand.vocabulary import unslang
from commands.whatif.lexer import (
    DAYS_PER_UNIT,
    NUMBER,
    WHOLE_CREW,
    find_duration,
    number,
    said_added,
    said_people,
)
from knowledge.schema import Amount, Mission, RecordKind, Station, Vehicle
from knowledge.units import kg_per

_TITLE = "What-if: derived figure"

# "how many Dragon flights would it take to replace HTV-X2's cargo", "how many cygnus runs
# to cover what progress ms-30 brought": the carrier, then the load to be carried.
_REPLACE = phrases(
    r"\bhow\s+many\s+(?P<by>.+?)\s+(?:(?:would|will|could|should|does|do|is|are|it|it['’]d"
    r"|we|they|you|take|takes|need|needed|be|required|to|of|them|more|extra|flights?"
    r"|missions?|launch(?:es)?|trips?|runs?|loads?|ships?|capsules?)\s+)*"
    r"(?:replace|replacing|make\s+up\s+for|cover|match|equal|substitute\s+for|stand\s+in\s+for"
    r"|make\s+good|make\s+up|carry|haul|move|deliver)\s+(?P<what>.+?)\s*[?.!]*$",
    re.I,
)
# What a replacement question carries when it names no flight there ("make up the cargo",
# "replace it", "cover what was lost"): the flight the question names elsewhere.
_GENERIC_WHAT = phrases(
    r"^(?:(?:the|its?|that|this|those|what|was|were|got|is|lost|loss|cargo|load|payload|"
    r"supplies|stuff|shortfall|difference|gap|missing|up-?mass|delivery|haul|all|of|would"
    r"|have|had|carried|brought)\b\s*)+$",
    re.I,
)
_BY_FILLER = phrases(
    r"^(?:(?:flights?|missions?|launch(?:es)?|trips?|runs?|loads?|of|the|a)\s+)+"
    r"|\s+(?:flights?|missions?|launch(?:es)?|trips?|runs?|loads?|ships?|capsules?)$",
    re.I,
)
_WHAT_FILLER = phrases(
    r"^(?:(?:all\s+(?:of\s+)?|the\s+|a\s+|one\s+|single\s+|what\s+)*"
    r"(?:(?:cargo|load|payload|up-?mass|supplies)\s+(?:of|on|from|aboard|that)\s+)?)"
    r"|['’]s?\s+(?:cargo|load|payload|up-?mass|delivery|supplies|haul)\b.*$"
    r"|\s+(?:cargo|load|payload|carried|brought|delivered|would\s+have|was\s+to)\b.*$",
    re.I,
)
# "2 progress flights", "three cygnus missions": several full loads of one vehicle.
_COUNTED_WHAT = phrases(
    rf"^(?P<n>{NUMBER})\s+(?P<rest>.+?)(?:\s+(?:flights?|missions?|launch(?:es)?|runs?"
    r"|loads?|ships?))?$",
    re.I,
)

# The consumables a question may name, and what each stands for.
RESOURCE_OF = {
    "food": ("food",),
    "water": ("water",),
    "oxygen": ("oxygen",),
    "o2": ("oxygen",),
    "air": ("oxygen",),
    "supplies": ("food", "water", "oxygen"),
    "consumables": ("food", "water", "oxygen"),
}
# Their words, for the patterns that read one ("food|water|oxygen|o2|air|supplies|...").
CONSUMABLE_WORDS = "|".join(RESOURCE_OF)

# "how much more water", "how many extra kg of food", "how much oxygen ... extra".
_USE = phrases(
    r"\bhow\s+(?:much|many\s+(?:more\s+|extra\s+|additional\s+)?(?:kg|kilos?|kilograms?|"
    r"tonnes?|tons?|pounds|lbs?|liters?|litres?)(?:\s+of)?)\s+(?:more\s+|extra\s+|additional\s+)?"
    rf"(?P<res>{CONSUMABLE_WORDS})\b",
    re.I,
)
# "… oxygen and water", "food, water and oxygen", "water or food": the further consumables a
# question asks beside the first, each read from where the one before it ends.
_AND_RES = phrases(
    r"\s*(?:,\s*(?:and\s+|or\s+|&\s+|plus\s+)?|\s+(?:and|or|&|plus)\s+)"
    r"(?:(?:more|extra|additional|the|some)\s+)?(?P<res>food|water|oxygen|o2|air)\b",
    re.I,
)
# What makes it extra use: a longer stay, or an overlap of two crews.
_LONGER = phrases(
    r"\b(?:stay(?:s|ed|ing)?|extend(?:s|ed|ing)?|extension|longer|remain(?:s|ed)?|"
    r"kept\s+up|keep\s+(?:them|the\s+crew)\s+up)\b",
    re.I,
)
_OVERLAP = phrases(r"\b(?:overlap(?:s|ped|ping)?|handovers?|hand-?overs?|both\s+crews)\b", re.I)

# "water recovery drops to 94%", "if recycling fell back to 93 percent": a new recovery rate.
_RECOVERY = phrases(
    r"\b(?:water\s+)?(?:recovery|recycling|reclamation|recycl\w*)\b.*?"
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per\s*cent)",
    re.I,
)

# "past the capsule's design life", "beyond its certified duration".
DESIGN = phrases(
    r"\b(?:design(?:ed)?\s+(?:life(?:time)?|limit|duration)|certified\s+(?:duration|life|limit)"
    r"|certification\s+limit|rated\s+life)\b",
    re.I,
)
# "its 210 day design life": a design life the question says, not a stay.
_SAID_LIFE = phrases(
    r"\b\d{2,4}[\s-]*days?\s+(?=design(?:ed)?\s+(?:life|limit|duration)|certified|rated)", re.I
)
# A length added to the usual stay ("2 months longer", "extended by 3 weeks"); without one a
# length said with a stay is the stay's whole length ("if it stayed 250 days").
_ADDED = phrases(
    r"\b(?:longer|extra|more|additional|further|extend(?:s|ed|ing)?|extension|over(?:stay|run)s?"
    r"|on\s+top|beyond\s+(?:its|the)\s+(?:usual|typical|normal|planned))\b",
    re.I,
)
_DESIGN_DAYS = phrases(
    r"\b(?:design(?:ed)?\s+(?:life\s+is|for)|design\s+life\s+of)\s+(?P<n>\d{2,4})\s+days\b", re.I
)

# "the next dragon crew", "the next soyuz flight": the next flight of that crew ship.
_NEXT_CREW = phrases(
    r"\bnext\s+(?P<v>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:crew|crewed\s+flight|flight|mission)\b",
    re.I,
)

# "3 extra months": the length without the word between its number and unit.
_EXTRA_UNIT = phrases(
    r"\b(?:extra|more|additional|further)\s+(?=(?:days?|weeks?|months?|years?)\b)", re.I
)


def asked_resources(m: re.Match[str]) -> tuple[str, ...]:
    """The consumables a question asks, from the match of the first one (its `res` group) on:
    "oxygen and water" is oxygen, then water; "supplies" is all three; each once."""
    said = [m["res"]]
    pos = m.end("res")
    while (more := _AND_RES.match(m.string, pos)) is not None:
        said.append(more["res"])
        pos = more.end()
    return tuple(dict.fromkeys(r for word in said for r in RESOURCE_OF[word.lower()]))


def quantity_answer(
    ctx: Context, text: str, now: dt.date, last: Turn | None = None
) -> Reply | None:
    """The asked quantity, derived, when the question asks for one of these; else None."""
    from commands.whatif.figures import figure_answer
    from commands.whatif.totals import total_answer

    text = unslang(text)  # "7 ppl", "o2", "h2o", "6mo": the words the kinds read
    kinds: tuple[Callable[[Context, str, dt.date], Reply | None], ...] = (
        figure_answer,
        _flights_to_replace,
        _recovery_extra,
        _extra_use,
        _past_design_life,
    )
    for kind in kinds:
        reply = kind(ctx, text, now)
        if reply is not None:
            return reply
    return total_answer(ctx, text, now, last)


def reply_of(ctx: Context, title: str, text: str, sources: list[str], ids: list[str]) -> Reply:
    ordered = collect_sources(sources)
    return Reply(
        kind="whatif",
        title=title,
        text=text,
        sources=source_lines(ctx.kb, ordered),
        source_ids=ordered,
        as_of=ctx.kb.as_of,
        entities=tuple(dict.fromkeys(ids)),
    )


def _by(ctx: Context, sources: tuple[str, ...]) -> str:
    """ " (NASA)": the publisher of a figure's first source."""
    return f" ({publisher(ctx.kb, sources[0])})" if sources else ""


def _per(ctx: Context, sources: tuple[str, ...]) -> str:
    """ ", per NASA": the publisher of a figure's first source, inside parentheses."""
    return f", per {publisher(ctx.kb, sources[0])}" if sources else ""


def n_text(x: float) -> str:
    return f"{x:,.0f}" if x >= 10 else f"{x:,.1f}".replace(".0", "")


def kg_range(a: Amount) -> tuple[float, float] | None:
    """An amount's low and high ends in kg, or None when it is not a mass."""
    per = kg_per(a.unit)
    if per is None:
        return None
    low = a.low if a.low is not None else a.mid
    high = a.high if a.high is not None else a.mid
    return low * per, high * per


def up_mass(items: tuple[Amount, ...]) -> Amount | None:
    return next((c for c in items if getattr(c, "cargo", None) == "total-up-mass"), None)


# ------------------------------------------------------------- flights to replace a load


def _flights_to_replace(ctx: Context, text: str, now: dt.date) -> Reply | None:
    m = _REPLACE.search(text)
    if m is None:
        return None
    from commands.whatif.resolve import Resolver  # its model imports numpy: what-ifs only

    resolver = Resolver(ctx.kb, ctx.index)
    by_text = _BY_FILLER.sub("", m["by"]).strip()
    what_text = _WHAT_FILLER.sub("", m["what"]).strip()
    by = resolver.find(by_text, ("vehicle", "mission")) if by_text else None
    loads = 1
    counted = _COUNTED_WHAT.match(what_text)
    if counted is not None and (number(counted["n"]) or 0) >= 2:
        many = resolver.find(counted["rest"], ("vehicle",))  # "2 progress flights": 2 full loads
        if many is not None:
            loads, what_text = int(number(counted["n"]) or 1), counted["rest"]
    if not what_text or _GENERIC_WHAT.match(what_text):
        what = _named_elsewhere(ctx, text, m.span("by"))  # "if NG-25 got lost, how many …"
    else:
        what = resolver.find(what_text, ("mission", "vehicle"))
    if by is None or what is None:
        return None
    carrier = ctx.kb.vehicles.get(by[0]) or _vehicle_of(ctx, ctx.kb.missions.get(by[0]))
    if carrier is None:
        return None
    flight = ctx.kb.missions.get(what[0])
    replaced = ctx.kb.vehicles.get(what[0]) or _vehicle_of(ctx, flight)
    ids = [carrier.id, *([flight.id] if flight else []), *([replaced.id] if replaced else [])]
    cap = up_mass(carrier.capacities)
    cap_kg = kg_range(cap) if cap is not None else None
    if cap is None or cap_kg is None:
        return reply_of(
            ctx,
            f"{carrier.name} flights to carry {_name(flight, replaced)}'s cargo",
            f"Not derivable as of {ctx.kb.as_of:%-d %B %Y}: the fact base records no cargo "
            f"up-mass for {carrier.name}, so how many of its flights would carry "
            f"{_name(flight, replaced)}'s cargo is not known.",
            [],
            ids,
        )
    per_flight = cap_kg[1]  # the most it carries: the fewest flights
    cap_said = (
        f"{carrier.name} carries up to {n_text(per_flight)} kg to the station"
        f"{_per(ctx, cap.sources)}"
    )
    load = up_mass(flight.cargo) if flight is not None else None
    load_kg = kg_range(load) if load is not None else None
    sources = list(cap.sources)
    if flight is not None and (load is None or load_kg is None):
        whole = up_mass(replaced.capacities) if replaced is not None else None
        whole_kg = kg_range(whole) if whole is not None else None
        lead = (
            f"{flight.name}'s cargo mass is not recorded in the fact base (as of "
            f"{ctx.kb.as_of:%-d %B %Y}), so how many {carrier.name} flights would replace it "
            "cannot be derived."
        )
        if replaced is not None and whole is not None and whole_kg is not None:
            need = math.ceil(whole_kg[1] / per_flight)
            lead += (
                f" If it flew full — {replaced.name} carries up to {n_text(whole_kg[1])} kg"
                f"{_by(ctx, whole.sources)} — it would take {need} {carrier.name} "
                f"{'flight' if need == 1 else 'flights'} "
                f"(derived: {n_text(whole_kg[1])} ÷ {n_text(per_flight)} kg, rounded up; "
                f"{cap_said})."
            )
            sources += whole.sources
        else:
            lead += f" ({cap_said}.)"
        return reply_of(ctx, f"{carrier.name} flights to replace {flight.name}", lead, sources, ids)
    if flight is None:  # a vehicle's full load
        load = up_mass(replaced.capacities) if replaced is not None else None
        load_kg = kg_range(load) if load is not None else None
        if replaced is None or load is None or load_kg is None:
            return reply_of(
                ctx,
                f"{carrier.name} flights to replace {_name(flight, replaced)}",
                f"{_name(flight, replaced)}'s cargo up-mass is not recorded in the fact base (as "
                f"of {ctx.kb.as_of:%-d %B %Y}), so how many {carrier.name} flights would "
                "replace it cannot be derived.",
                sources,
                ids,
            )
        if loads == 1:
            whose = f"a full {replaced.name} ({n_text(load_kg[1])} kg{_per(ctx, load.sources)})"
        else:
            whose = (
                f"{loads} full {replaced.name} flights ({loads} × {n_text(load_kg[1])} kg"
                f"{_per(ctx, load.sources)})"
            )
        low_kg = high_kg = load_kg[1] * loads
    else:
        assert load is not None
        assert load_kg is not None
        whose = f"{flight.name}'s recorded {load.text()} of cargo{_by(ctx, load.sources)}"
        low_kg, high_kg = load_kg
    sources += load.sources
    low, high = math.ceil(low_kg / per_flight), math.ceil(high_kg / per_flight)
    count = f"{low}" if low == high else f"{low}-{high}"
    plural = "flight" if high == 1 else "flights"
    division = (
        f"{n_text(low_kg)} ÷ {n_text(per_flight)} kg"
        if low_kg == high_kg
        else f"{n_text(low_kg)}-{n_text(high_kg)} ÷ {n_text(per_flight)} kg"
    )
    lead = (
        f"About {count} {carrier.name} {plural} would carry {whose} (derived: {division}, "
        f"rounded up, with every flight full; {cap_said})."
    )
    extra = _propellant_note(ctx, carrier, flight, replaced)
    several = f"{loads} {replaced.name} flights" if loads > 1 and replaced else ""
    return reply_of(
        ctx,
        f"{carrier.name} flights to replace {several or _name(flight, replaced)}",
        lead + extra,
        sources,
        ids,
    )


def _named_elsewhere(
    ctx: Context, text: str, carrier: tuple[int, int]
) -> tuple[str, RecordKind] | None:
    """The flight (else the vehicle) a question names outside its carrier's words: the load a
    replacement is for when the what-part only says "the cargo" or "it"."""
    found = [
        x
        for x in ctx.index.find_mentions(text, ("mission", "vehicle"))
        if x.end <= carrier[0] or x.start >= carrier[1]
    ]
    flight = next((x for x in found if x.record_id in ctx.kb.missions), None)
    if flight is not None:
        return flight.record_id, "mission"
    return (found[0].record_id, "vehicle") if found else None


@dataclass(frozen=True)
class Named:
    """The flight and vehicle a question names, or the flights a shared designation could be."""

    flight: Mission | None
    vehicle: Vehicle | None
    either: tuple[Mission, ...] = ()  # "ms-29" alone: Progress MS-29 and Soyuz MS-29


def named(ctx: Context, text: str) -> Named:
    """The flight and the vehicle a question names (a flight's own vehicle first). A designation
    two families share ("ms-29") is the flight of the family named beside it ("the ms-29
    soyuz"); with no family named it is every one of them, never a pick."""
    mentions = ctx.index.find_mentions(text, ("mission", "vehicle"))
    vehicles = [v for x in mentions if (v := ctx.kb.vehicles.get(x.record_id)) is not None]
    flights = [m for x in mentions if (m := ctx.kb.missions.get(x.record_id)) is not None]
    flight = flights[0] if flights else None
    if flight is not None:
        span = next((x.start, x.end) for x in mentions if x.record_id == flight.id)
        tied = [
            m
            for x in mentions
            if (x.start, x.end) == span and (m := ctx.kb.missions.get(x.record_id)) is not None
        ]
        if len(tied) > 1:
            own = [m for m in tied if any(m.vehicle == v.id for v in vehicles)]
            if len(own) != 1:
                return Named(None, None, tuple(tied))
            flight = own[0]
    vehicle = _vehicle_of(ctx, flight) or (vehicles[0] if vehicles else None)
    return Named(flight, vehicle)


def which_flight(ctx: Context, either: tuple[Mission, ...]) -> Reply:
    """The question back when a designation names flights of several families."""
    names = [m.name for m in either]
    listed = ", ".join(names[:-1]) + f" or {names[-1]}"
    return reply_of(
        ctx,
        "Which flight?",
        f"Which flight do you mean: {listed}? The designation is shared; name the family, e.g. "
        f"“{names[-1]}”.",
        [],
        [m.id for m in either],
    )


def _vehicle_of(ctx: Context, m: Mission | None) -> Vehicle | None:
    return ctx.kb.vehicles.get(m.vehicle) if m is not None else None


def _name(flight: Mission | None, vehicle: Vehicle | None) -> str:
    return flight.name if flight is not None else vehicle.name if vehicle is not None else "it"


def _propellant_note(
    ctx: Context, carrier: Vehicle, flight: Mission | None, replaced: Vehicle | None = None
) -> str:
    """A flight's (else a replaced vehicle's) Russian-segment propellant, which a carrier that
    cannot refuel it cannot replace."""
    if carrier.refuels_russian_segment is not False:
        return ""
    if flight is None:
        if replaced is None or not replaced.refuels_russian_segment:
            return ""
        return (
            f" But {carrier.name} delivers no propellant to the Russian segment (recorded), and "
            f"{replaced.name} refuels it (recorded): that part of the load could not be "
            "replaced by it."
        )
    fuel = next((c for c in flight.cargo if c.cargo == "propellant"), None)
    if fuel is None:
        return ""
    return (
        f" But {carrier.name} delivers no propellant to the Russian segment (recorded), so "
        f"{flight.name}'s {fuel.text()} of propellant could not be replaced by it."
    )


# ------------------------------------------------------------- extra food, water, oxygen


def _extra_use(ctx: Context, text: str, now: dt.date) -> Reply | None:
    m = _USE.search(text)
    station = ctx.kb.station
    if m is None or station is None:
        return None
    overlap = bool(_OVERLAP.search(text))
    added = said_added(text)  # "if an 8th person stayed": the extra is theirs
    if added is not None and WHOLE_CREW.search(text):
        added = None  # "the whole crew with an 8th person": all of them, a total's question
    if not overlap and not _LONGER.search(text) and added is None:
        return None
    got = find_duration(_EXTRA_UNIT.sub("", text))
    if got is None:
        return None
    dur, _ = got
    days = round(abs(dur.amount) * DAYS_PER_UNIT[dur.unit])
    if days <= 0:
        return None
    people = people_of(ctx, station, text, now, overlap)
    if people is None:
        return None
    who, who_sources, ids = people[2:]
    short = who.split(" (")[0]
    resources = asked_resources(m)
    parts, sources = use_parts(station, resources, people[:2], short, days)
    sources = [*who_sources, *sources]
    lead = "About " + "; ".join(parts) + f". People: {who}."
    tail = (
        f" {dur.text[:1].upper()}{dur.text[1:]} read as {days} days. Estimates from NASA's "
        "per-person rates in the station record."
    )
    asked = m["res"].lower() if len(resources) == 1 else listed(list(resources))
    why = "a crew overlap" if overlap else "a longer stay" if added is None else _added_who(added)
    title = f"Extra {asked} for {why}"
    return reply_of(ctx, title, lead + tail, sources, ids)


def _recovery_extra(ctx: Context, text: str, now: dt.date) -> Reply | None:
    """Extra water drawn from stores when water recovery changes to a said rate: the recorded
    per-person water use × the change in the share not recovered (per person a day, and for
    the people and length the question says)."""
    m, asked = _RECOVERY.search(text), _USE.search(text)
    station = ctx.kb.station
    if m is None or asked is None or asked["res"].lower() != "water" or station is None:
        return None
    rs = station.resupply
    rate, recovery = rs.consumption_per_crew_day.get("water"), rs.water_recovery
    said = float(m["pct"])
    title = f"Extra water with {said:g}% water recovery"
    if rate is None or recovery.unit != "%":
        return reply_of(
            ctx,
            title,
            "Not derivable: the fact base records no per-person water use or no water "
            "recovery rate.",
            [],
            [station.id],
        )
    change = (recovery.mid - said) / 100
    each = rate.mid * change
    more = "more" if each >= 0 else "less"
    lead = (
        f"About {abs(each):.2f} kg {more} water per person a day from stores and deliveries "
        f"(derived: {rate.text()} of water per person a day, recorded × ({recovery.mid:g}% − "
        f"{said:g}%), the recorded recovery rate against your {said:g}%)."
    )
    k = said_people(text)
    got = find_duration(text)
    if k is not None or got is not None:
        people = k or 1
        days = round(abs(got[0].amount) * DAYS_PER_UNIT[got[0].unit]) if got else 1
        lead += (
            f" For {people} {'person' if people == 1 else 'people'} over {days} "
            f"{'day' if days == 1 else 'days'}: about {n_text(abs(each) * people * days)} kg "
            f"(derived: {abs(each):.2f} × {people} × {days})."
        )
    if recovery.note:
        lead += f" The fact base notes: {recovery.note}"
    return reply_of(ctx, title, lead, [*rate.sources, *recovery.sources], [station.id])


def use_parts(
    station: Station,
    resources: tuple[str, ...],
    people: tuple[int, int],
    short: str,
    days: int,
    extra: bool = True,
) -> tuple[list[str], list[str]]:
    """What `people` (low, high) use of each resource in `days`, derived from the station
    record's per-person rates, said ("420 kg more food (derived: ...)"), with the sources."""
    rs = station.resupply
    parts: list[str] = []
    sources: list[str] = []
    for res in resources:
        rate = rs.consumption_per_crew_day.get(res)  # type: ignore[call-overload]
        if rate is None:
            parts.append(f"the fact base records no {res} use per person a day")
            continue
        low_rate = rate.low if rate.low is not None else rate.mid
        high_rate = rate.high if rate.high is not None else rate.mid
        low, high = low_rate * people[0] * days, high_rate * people[1] * days
        amount = (
            f"{n_text(low)} kg" if round(low) == round(high) else f"{n_text(low)}-{n_text(high)} kg"
        )
        said = (
            f"{amount} {'more' if extra else 'of'} {res} (derived: {rate.text()} per person a "
            f"day × {short} × {days} days)"
        )
        if res == "water" and rs.water_recovery.unit == "%":
            share = 1 - rs.water_recovery.mid / 100
            said += (
                f", of which about {n_text(low * share)} kg would have to come from stores or "
                f"deliveries with {rs.water_recovery.mid:g}% recovered aboard"
            )
            sources += rs.water_recovery.sources
        made = rs.oxygen_generation_per_day
        if res == "oxygen" and made is not None:
            said += " before the oxygen made aboard"
            made_kg = kg_range(made)
            if not extra and made_kg is not None:
                said += (
                    f" (recorded at about {made.text()} a day: {n_text(made_kg[0] * days)} kg in "
                    f"{days} days, derived)"
                )
            sources += made.sources
        parts.append(said)
        sources += rate.sources
    return parts, sources


def _added_who(n: int) -> str:
    return "one more person" if n == 1 else f"{n} more people"


def people_of(
    ctx: Context,
    station: Station,
    text: str,
    now: dt.date,
    overlap: bool,
    whole: bool = False,
) -> tuple[int, int, str, list[str], list[str]] | None:
    """How many people use the extra supplies (low, high), said, with sources and records.
    People the question adds ("an 8th person", "2 more astronauts") are those people alone,
    unless the whole crew is meant (`whole`, or "the whole crew" said): then the crew aboard
    and them."""
    added = said_added(text)
    whole = whole or bool(WHOLE_CREW.search(text))
    if added is not None and not whole:
        return added, added, f"{_people(added)} (added; the crew aboard not counted)", [], []
    k = said_people(text) if added is None else None
    if k is not None:
        return k, k, f"{k} people", [], []
    flights = [
        fm
        for x in ctx.index.find_mentions(text, ("mission",))
        if (fm := ctx.kb.missions.get(x.record_id)) is not None and fm.kind == "crew"
    ]
    if flights:
        f = flights[-1] if overlap else flights[0]
        size = len(f.crew) or _crew_size(ctx, f)
        if size:
            return size, size, f"{size} people ({f.name}'s crew)", [], [f.id]
    if overlap:  # an extra crew aboard: the size of a rotation's crew
        sizes = sorted(
            {
                v.crew_size
                for v in ctx.kb.vehicles.values()
                if v.kind == "crew-spacecraft" and v.status == "active" and v.crew_size
            }
        )
        if not sizes:
            return None
        lo, hi = sizes[0], sizes[-1]
        span = f"{lo}" if lo == hi else f"{lo}-{hi}"
        said_who = f"{span} people (an extra crew: the rotation crew sizes recorded)"
        return lo, hi, said_who, [], []
    level = [c for c in station.crew_history if c.since <= now]
    if not level:
        return None
    crew = level[-1]
    if added is not None:
        return (
            crew.crew + added,
            crew.crew + added,
            f"{_people(crew.crew + added)} (derived: the {crew.crew} aboard, recorded since "
            f"{crew.since:%-d %B %Y}, and {added} added)",
            list(crew.sources),
            [station.id],
        )
    return (
        crew.crew,
        crew.crew,
        f"{crew.crew} people (the crew aboard, recorded since {crew.since:%-d %B %Y})",
        list(crew.sources),
        [station.id],
    )


def _people(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def _crew_size(ctx: Context, m: Mission) -> int:
    v = ctx.kb.vehicles.get(m.vehicle)
    return v.crew_size or 0 if v is not None else 0


# ------------------------------------------------------------- a stay against design life


# A stay weighed against the design life ("if it stays 9 months, is that past …"), not the
# design life asked as a fact ("is crew dragon's design life 210 days?": the record answers).
_STAY_ASKED = phrases(
    r"\b(?:stay(?:s|ed|ing)?|slip(?:s|ped|ping)?|longer|extra|extend\w*|past|beyond|exceed\w*"
    r"|outlast\w*|come\s+home|if)\b",
    re.I,
)


def _past_design_life(ctx: Context, text: str, now: dt.date) -> Reply | None:
    if not DESIGN.search(text) or not _STAY_ASKED.search(text):
        return None
    said = named(ctx, text)
    if said.either:
        return which_flight(ctx, said.either)
    flight, vehicle = said.flight, said.vehicle
    whose = ""  # "the next dragon crew": which flight that is, said in the lead
    if flight is None and (upcoming := next_crew_flight(ctx, text, now)) is not None:
        flight, vehicle = upcoming
        whose = f" for {flight.name} (the next {vehicle.name} flight on record)"
    if vehicle is None:
        return None
    life = design_days(vehicle)
    # the design life the question states ("its 210 day design life", "design life is 210
    # days") is no stay
    got = find_duration(_EXTRA_UNIT.sub("", _DESIGN_DAYS.sub(" ", _SAID_LIFE.sub(" ", text))))
    slip = round(got[0].amount * DAYS_PER_UNIT[got[0].unit]) if got is not None else 0
    who = flight.name if flight is not None else f"a {vehicle.name} crew"
    ids = [*([flight.id] if flight else []), vehicle.id]
    if got is not None and not _ADDED.search(text):
        return _stay_of_length(ctx, who, vehicle, got[0].text, slip, life, ids, whose)
    stay = vehicle.typical_stay_days
    if stay is None:
        return reply_of(
            ctx,
            f"{who} against {vehicle.name}'s design life",
            f"Not derivable: the fact base records no planned stay for {vehicle.name}, so how "
            f"long {who} would stay is not known.",
            [],
            ids,
        )
    low = (stay.low if stay.low is not None else stay.mid) + slip
    high = (stay.high if stay.high is not None else stay.mid) + slip
    length = f"{low:.0f}" if low == high else f"{low:.0f}-{high:.0f}"
    how = f"{vehicle.name}'s recorded typical stay of {stay.text()}{_by(ctx, stay.sources)}"
    if slip:
        how += f" plus {got[0].text if got else ''} ({slip} days)"
    sources = list(stay.sources)
    if life is None:
        return reply_of(
            ctx,
            f"{who} against {vehicle.name}'s design life",
            f"{who} would stay about {length} days (derived: {how}), but the fact base records "
            f"no design life for {vehicle.name}, so whether that passes it is not known.",
            sources,
            ids,
        )
    days_life, life_sources, assessment = life
    sources += life_sources
    if low > days_life:
        verdict = "Yes"
    elif high <= days_life:
        verdict = "No"
    else:
        verdict = "Too close to tell"
    lead = (
        f"{verdict}: {who} would stay about {length} days (derived: {how}), against "
        f"{vehicle.name}'s published docked design life of {days_life} days"
        f"{_by(ctx, tuple(life_sources))}."
    )
    if assessment:
        lead += f" But the fact base notes: {assessment}"
    return reply_of(ctx, f"{who} against {vehicle.name}'s design life", lead, sources, ids)


def next_crew_flight(ctx: Context, text: str, now: dt.date) -> tuple[Mission, Vehicle] | None:
    """The flight "the next <crew ship> crew" names: that crew ship's next planned flight from
    now (the schedule's order), with its vehicle; None when the question says no such crew."""
    m = _NEXT_CREW.search(text)
    if m is None:
        return None
    from commands.upcoming import split
    from commands.whatif.resolve import Resolver  # its model imports numpy: what-ifs only

    resolver = Resolver(ctx.kb, ctx.index)
    for words in (f"{m['v']} crew", m["v"], m["v"].split()[-1]):
        found = resolver.find(words, ("vehicle",))
        vehicle = ctx.kb.vehicles.get(found[0]) if found is not None else None
        if vehicle is not None and vehicle.kind == "crew-spacecraft":
            future = [f for f in split(ctx, now)[0] if f.vehicle == vehicle.id]
            return (future[0], vehicle) if future else None
    return None


def _stay_of_length(
    ctx: Context,
    who: str,
    vehicle: Vehicle,
    said: str,
    days: int,
    life: tuple[int, list[str], str] | None,
    ids: list[str],
    whose: str = "",
) -> Reply:
    """A stay said as its length ("if it stayed 250 days") against the design life; `whose`
    names the flight when the question did not ("the next dragon crew")."""
    title = f"{who} against {vehicle.name}'s design life"
    stay = f"your {said}" if said.startswith(f"{days} day") else f"your {said} ({days} days)"
    if life is None:
        return reply_of(
            ctx,
            title,
            f"The fact base records no design life for {vehicle.name}, so whether a stay of "
            f"{stay}{whose} passes it is not known.",
            [],
            ids,
        )
    days_life, life_sources, assessment = life
    verdict = "Yes" if days > days_life else "No"
    lead = (
        f"{verdict}: a stay of {stay}{whose} is {'longer than' if days > days_life else 'within'} "
        f"{vehicle.name}'s published docked design life of {days_life} days"
        f"{_by(ctx, tuple(life_sources))}."
    )
    if assessment:
        lead += f" But the fact base notes: {assessment}"
    return reply_of(ctx, title, lead, life_sources, ids)


def design_days(v: Vehicle) -> tuple[int, list[str], str] | None:
    """The design life in days a vehicle's record states, its sources, and what the base says
    of it (a dispute's assessment)."""
    for d in v.disputes:
        for c in d.claims:
            m = _DESIGN_DAYS.search(c.says)
            if m is not None:
                return int(m["n"]), list(c.sources), d.assessment.strip()
    m = _DESIGN_DAYS.search(v.summary)
    if m is not None:
        return int(m["n"]), list(v.sources), ""
    return None


__all__ = ["quantity_answer"]


def asked_resource(text: str) -> str | None:
    """The consumable a how-much question asks ("how much oxygen does one person use"), as
    written; None when it asks none."""
    m = _USE.search(text)
    return m["res"] if m is not None else None
