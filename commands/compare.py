"""Side-by-side comparison of two or more vehicles or pads."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TypeVar

from commands import said
from commands.context import Context
from commands.durations import Duration, flight_duration, planned_duration, stay_duration, transit
from commands.facts import docking_place
from commands.format import (
    amount,
    collect_sources,
    day_text,
    outcome_date,
    publishers,
    source_lines,
)
from commands.lookup import CARGO_NAMES, pad_serves, resolve
from commands.reply import Field, Reply, Suggestion, error
from commands.understand.prefilter import phrases
from commands.understand.thresholds import PLAN_MATCH_SHARE
from commands.understand.types import Fact
from knowledge.schema import (
    PENDING,
    Amount,
    Capacity,
    CargoClass,
    CargoItem,
    Mission,
    Pad,
    Vehicle,
)
from knowledge.text import words
from knowledge.units import KG_PER_LB

MAX_ITEMS = 6


def compare(
    ctx: Context,
    names: list[str],
    now: dt.date,
    facts: tuple[Fact, ...] = (),
    cargo: CargoClass | None = None,
    serving: tuple[str, ...] = (),
    text: str = "",
) -> Reply:
    """Compare the named vehicles (or pads): a verdict for what was asked, then the rows
    every one of them has (no blank cells)."""
    names = [n for n in (x.strip() for x in names) if n][: MAX_ITEMS + 1]
    if len(names) < 2:
        return error(
            "Compare needs two or more",
            "Name two or more vehicles or pads, e.g. “compare Cygnus and Cargo Dragon”.",
        )
    if len(names) > MAX_ITEMS:
        return error("Too many to compare", f"Compare at most {MAX_ITEMS} at a time.")
    ids: list[str] = []
    for i, n in enumerate(names):
        found = ctx.index.find_mentions(n, kinds=("vehicle", "pad"))
        spans = {(m.start, m.end) for m in found}
        rid = found[0].record_id if found and len(spans) == 1 and len(found) == 1 else None
        resolved = rid or resolve(ctx, n, ("vehicle", "pad"))
        if isinstance(resolved, Reply):
            return _keep_comparing(ctx, resolved, names, i)
        if resolved not in ids:
            ids.append(resolved)
    recs = [ctx.kb.get(i) for i in ids]
    if len(ids) < 2:
        return error("Compare needs two different records", "Those names all mean the same record.")
    if all(isinstance(r, Vehicle) for r in recs):
        vehicles = [r for r in recs if isinstance(r, Vehicle)]
        fields = _vehicle_columns(ctx, vehicles)
        text = verdict(vehicles, facts, cargo, text)
        src = collect_sources(
            *[v.sources for v in vehicles],
            *[[s for c in v.capacities for s in c.sources] for v in vehicles],
            *[[s for c in v.costs for s in c.sources] for v in vehicles],
        )
    elif all(isinstance(r, Pad) for r in recs):
        pads = [r for r in recs if isinstance(r, Pad)]
        serves = [pad_serves(ctx, p) for p in pads]
        fields = [
            Field(p.name, f"{p.site}, {p.country}\nStatus: {p.status}\nServes: {what}", True)
            for p, (what, _) in zip(pads, serves, strict=True)
        ]
        text = "Pads side by side."
        src = collect_sources(*[p.sources for p in pads], *[ids for _, ids in serves])
        vehicles = [v for r in serving if (v := ctx.kb.vehicles.get(r)) is not None]
        if vehicles:  # "which one does dragon use": the pads that serve it
            text, more = _serving_verdict(ctx, pads, vehicles)
            src = collect_sources(src, more)
    else:
        return error("Compare like with like", "Compare vehicles with vehicles or pads with pads.")
    return Reply(
        kind="answer",
        title=" vs ".join(r.name for r in recs if r is not None),
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, src),
        source_ids=src,
        as_of=ctx.kb.as_of,
        entities=tuple(ids),
    )


def _serving_verdict(
    ctx: Context, pads: list[Pad], vehicles: list[Vehicle]
) -> tuple[str, list[str]]:
    """Which of the pads serve the vehicles named beside them, and what the others' texts
    say of those vehicles ("No longer used for Dragon")."""
    wanted = {v.id for v in vehicles}
    them = " or ".join(v.name for v in vehicles)
    serve: list[str] = []
    others: list[str] = []
    sources: list[str] = []
    for p in pads:
        served = [ctx.kb.vehicles[v].name for v in p.vehicles if v in wanted]
        if served:
            serve.append(f"{p.name} serves {' and '.join(served)}.")
            continue
        said = ctx.lexicon.best_passages(
            (p.id,), frozenset(w for v in vehicles for w in words(v.name)), 3
        )
        top = [ps for score, ps in said if score > 0 and score == said[0][0]]
        passage = min(top, key=lambda ps: ps.date is not None) if top else None
        if passage is not None:
            others.append(f"{p.name} does not serve {them}: {passage.text}")
            sources += passage.sources
        else:
            others.append(f"{p.name} does not serve {them}.")
    parts = serve + others
    return " ".join(parts), sources


def _keep_comparing(ctx: Context, reply: Reply, names: list[str], i: int) -> Reply:
    """A did-you-mean for one name whose choices each answer the whole comparison."""
    if not reply.suggestions:
        return reply
    kinds = {
        v.kind
        for j, n in enumerate(names)
        if j != i
        for m in ctx.index.find_mentions(n, kinds=("vehicle",))
        if (v := ctx.kb.vehicles.get(m.record_id)) is not None
    }

    def same_kind_first(s: Suggestion) -> int:
        v = ctx.kb.vehicles.get(s.record_id or "")
        return 0 if v is not None and v.kind in kinds else 1

    choices = []
    for s in sorted(reply.suggestions, key=same_kind_first):
        parts = [*names[:i], s.label, *names[i + 1 :]]
        choices.append(Suggestion(s.label, "compare " + " and ".join(parts)))
    return Reply(
        kind="suggestions",
        title=reply.title,
        text=f"Which “{names[i]}” should I compare? Pick one:",
        suggestions=tuple(choices),
        entities=reply.entities,
        as_of=reply.as_of,
    )


def _vehicle_rows(ctx: Context, v: Vehicle) -> dict[str, str]:
    org = ctx.kb.organizations.get(v.operator)
    rows = {
        "Kind": v.kind.replace("-", " "),
        "Operator": org.name if org else v.operator,
        "Status": v.status,
    }
    for c in v.capacities:
        rows[CARGO_NAMES[c.cargo]] = amount(c)
    for cost in v.costs:
        rows.setdefault(f"Cost per {cost.per}", amount(cost))
    rows["Refuels Russian segment"] = "yes" if v.refuels_russian_segment else "no"
    rows["Reboost"] = "yes" if v.can_reboost else "no"
    if v.reusable is not None:
        rows["Reusable"] = "yes" if v.reusable else "no"
    if v.crew_size:
        rows["Crew"] = str(v.crew_size)
    return rows


def _vehicle_columns(ctx: Context, vehicles: list[Vehicle]) -> list[Field]:
    """One column per vehicle with only the rows every vehicle has."""
    rows = [_vehicle_rows(ctx, v) for v in vehicles]
    common = [k for k in rows[0] if all(k in r for r in rows[1:])]
    return [
        Field(v.name, "\n".join(f"{k}: {r[k]}" for k in common), True)
        for v, r in zip(vehicles, rows, strict=True)
    ]


# --- ties: one rule for every "which is more / less" verdict -------------------------------

T = TypeVar("T")
Span = tuple[float, float]  # the least and the most a recorded value can be


def span(a: Amount, scale: float = 1.0) -> Span:
    """The range a recorded amount allows ("750-950 kg", "at least 2,500 kg": up to any)."""
    if a.value is not None:
        top = math.inf if a.bound is not None else a.value
        return a.value * scale, top * scale
    return (a.low or 0.0) * scale, (a.high if a.high is not None else math.inf) * scale


def ranked(items: list[tuple[Span, T]], less: bool = False) -> tuple[list[tuple[Span, T]], bool]:
    """The items best first (the most, or the least when `less`) and whether the first wins
    clearly: its whole range beyond every other's. Equal values, or ranges that overlap, are
    a tie, never a winner."""

    def mid(sp: Span) -> float:
        return sp[0] if math.isinf(sp[1]) else (sp[0] + sp[1]) / 2

    order = sorted(items, key=lambda it: mid(it[0]), reverse=not less)
    (lo, hi), rest = order[0][0], order[1:]
    clear = all((lo > o[1]) if not less else (hi < o[0]) for (o, _) in rest)
    return order, clear


def tie_line(values: list[tuple[str, str]], what: str) -> str:
    """The tie said as one: the same value each, or values whose ranges overlap, each
    named ("No clear difference in cost per seat between A and B: ...")."""
    who = " and ".join(n for n, _ in values)
    if len({v for _, v in values}) == 1:
        return f"A tie: {who} have the same {what} recorded, {values[0][1]} each."
    each = "; ".join(f"{n} {v}" for n, v in values)
    return f"No clear difference in {what} between {who}: {each} (the recorded values overlap)."


def _cap(v: Vehicle, cargo: str) -> Capacity | None:
    return next((c for c in v.capacities if c.cargo == cargo and c.unit == "kg"), None)


def verdict(
    vehicles: list[Vehicle], facts: tuple[Fact, ...], cargo: CargoClass | None, text: str = ""
) -> str:
    """One line answering what was compared: capacity (default), cost, refuelling, reboost,
    crew."""
    if Fact.COST in facts:
        line = _cost_verdict(vehicles, text)
        if line:
            return line
    # "docked for longer", "up there longer": a vehicle's length is its typical stay
    lengths = bool({Fact.DOCKING, Fact.DAYS_IN_SPACE} & set(facts)) and bool(
        _SHORTER_OR_LONGER.search(text)
    )
    if Fact.STAY in facts or lengths:
        line = _stay_verdict(vehicles)
        if line or lengths:
            return line
    if Fact.CREW_SIZE in facts or Fact.CREW in facts:
        crewed = [v for v in vehicles if v.crew_size]
        if len(crewed) >= 2 and len({v.crew_size for v in crewed}) == 1:  # a tie is a tie
            return (
                f"{' and '.join(v.name for v in crewed)} carry the same crew, "
                f"{crewed[0].crew_size} each{_most_seats(crewed)}."
            )
        if crewed:
            top = max(v.crew_size or 0 for v in crewed)
            best = [v for v in crewed if v.crew_size == top]
            rest = "; ".join(f"{v.name} {_seats(v)}" for v in crewed if v not in best)
            if len(best) > 1:  # shared first place is a tie, never one winner
                who = " and ".join(v.name for v in best)
                return f"{who} carry the most crew, {top} each{_most_seats(best)}; {rest}."
            uncrewed = [v.name for v in vehicles if not v.crew_size]
            line = f"{best[0].name} carries the most crew, {_seats(best[0])}; {rest}."
            if not rest:
                line = f"Only {best[0].name} carries a crew, {_seats(best[0])}."
            elif uncrewed:
                line += f" {' and '.join(uncrewed)} carries none."
            return line
    if Fact.REBOOSTS in facts:
        return _reboost_verdict(vehicles)
    if Fact.REFUELS in facts or cargo == "propellant":
        refuel = [v.name for v in vehicles if v.refuels_russian_segment]
        if refuel:
            return f"Only {' and '.join(refuel)} can refuel the Russian segment."
        return "None of them can refuel the Russian segment."
    return _capacity_verdict(vehicles, cargo)


def _seats(v: Vehicle) -> str:
    """ "4 (up to 7 at most)": a vehicle's crew, with the most it can seat when that is more."""
    most = v.crew_size_max if v.crew_size_max and v.crew_size_max > (v.crew_size or 0) else None
    return f"{v.crew_size or 0}" + (f" (up to {most} at most)" if most else "")


def _most_seats(crewed: list[Vehicle]) -> str:
    """ ", seating up to 7 at most": the most each can seat, when it is more than its crew."""
    most = [
        (v.crew_size_max, v)
        for v in crewed
        if v.crew_size_max and v.crew_size_max > (v.crew_size or 0)
    ]
    if not most:
        return ""
    if len(most) == len(crewed) and len({n for n, _ in most}) == 1:
        return f" (each seats up to {most[0][0]} at most)"
    return " (at most: " + ", ".join(f"{v.name} {n}" for n, v in most) + ")"


def _stay_verdict(vehicles: list[Vehicle]) -> str:
    """Which vehicle typically stays at the station longer, from each one's typical stay."""
    stays = [(v.typical_stay_days, v) for v in vehicles if v.typical_stay_days is not None]
    missing = [v.name for v in vehicles if v.typical_stay_days is None]
    if len(stays) < 2:
        return ""
    order, clear = ranked([(span(s), (s, v)) for s, v in stays])
    stays = [sv for _, sv in order]
    (top, best), rest = stays[0], stays[1:]
    others = "; ".join(f"{v.name}'s {s.text()}" for s, v in rest)
    if not clear:
        each = "; ".join(f"{v.name} {s.text()}" for s, v in stays)
        line = f"{' and '.join(v.name for _, v in stays)} typically stay about as long: {each}."
    else:
        line = f"{best.name} typically stays longer, {top.text()}, against {others}."
    if missing:
        line += f" No typical stay is recorded for {' and '.join(missing)}."
    return line


_VOLUME_NOUNS: dict[str, str] = {
    "pressurized-volume": "pressurized volume",
    "unpressurized-volume": "unpressurized volume",
}


def _volume(v: Vehicle, cargo: str) -> Capacity | None:
    return next((c for c in v.capacities if c.cargo == cargo and c.unit == "m3"), None)


def _volume_verdict(vehicles: list[Vehicle], cargo: str) -> str:
    """Which has more room: the recorded volumes of the asked class, and for whom none is
    recorded. Never a mass: up-mass says nothing about room inside."""
    noun = _VOLUME_NOUNS[cargo]
    sized = [(c, v) for v in vehicles if (c := _volume(v, cargo)) is not None]
    missing = [v.name for v in vehicles if _volume(v, cargo) is None]
    parts: list[str] = []
    if len(sized) >= 2:
        order, clear = ranked([(span(c), (c, v)) for c, v in sized])
        sized = [cv for _, cv in order]
        (top, big), rest = sized[0], sized[1:]
        others = "; ".join(f"{v.name}'s {c.text()}" for c, v in rest)
        if clear:
            parts.append(f"{big.name} has more {noun}, {top.text()} against {others}.")
        else:
            parts.append(tie_line([(v.name, c.text()) for c, v in sized], noun))
    elif len(sized) == 1:
        c, v = sized[0]
        parts.append(f"Only {v.name}'s {noun} is recorded: {c.text()}.")
    if missing:
        parts.append(f"No {noun} is recorded for {' and '.join(missing)}.")
    return " ".join(parts)


def _capacity_verdict(vehicles: list[Vehicle], cargo: CargoClass | None) -> str:
    if cargo in _VOLUME_NOUNS:
        return _volume_verdict(vehicles, cargo)
    kind = cargo if cargo in ("down-mass", "pressurized", "unpressurized") else "total-up-mass"
    sized = [(c, v) for v in vehicles if (c := _cap(v, kind)) is not None]
    parts: list[str] = []
    if len(sized) >= 2:
        order, clear = ranked([(span(c), (c, v)) for c, v in sized])
        sized = [cv for _, cv in order]
        (top, big), rest = sized[0], sized[1:]
        others = "; ".join(f"{v.name}'s {c.text()}" for c, v in rest)
        what = "back to Earth" if kind == "down-mass" else "to the station"
        verb = "brings more back" if kind == "down-mass" else "carries more up"
        if clear:
            parts.append(f"{big.name} {verb}, {top.text()} {what} against {others}.")
        else:
            noun = "capacity back to Earth" if kind == "down-mass" else "capacity to the station"
            parts.append(tie_line([(v.name, c.text()) for c, v in sized], noun))
    elif len(sized) == 1:
        c, v = sized[0]
        if kind == "down-mass":
            parts.append(f"Only {v.name} brings cargo back to Earth, up to {c.text()}.")
        else:
            parts.append(f"Only {v.name}'s capacity is recorded: {c.text()}.")
    if kind != "down-mass":
        back = [v.name for v in vehicles if _cap(v, "down-mass") is not None]
        if back and len(back) < len(vehicles):
            parts.append(f"Only {' and '.join(back)} brings cargo back to Earth.")
    refuel = [v.name for v in vehicles if v.refuels_russian_segment]
    if refuel and len(refuel) < len(vehicles):
        parts.append(f"Only {' and '.join(refuel)} can refuel the Russian segment.")
    return " ".join(parts) or "Vehicles side by side."


_PER = phrases(r"\b(?:per|a|each|every)\s+(seat|kg|kilo\w*|launch|mission|flight)\b", re.I)


def _reboost_verdict(vehicles: list[Vehicle]) -> str:
    """Which of them can reboost the station, and how each does it (its reboost note)."""
    able = [v for v in vehicles if v.can_reboost]
    if not able:
        return "None of them can reboost the station."
    names = " and ".join(v.name for v in able)
    lead = (
        f"{'Both' if len(able) == 2 == len(vehicles) else 'Only'} {names} can reboost the station."
    )
    if len(able) == len(vehicles) and len(able) > 2:
        lead = f"All of them can reboost the station: {names}."
    notes = [f"{v.name}: {v.reboost_note.strip()}" for v in able if v.reboost_note]
    return " ".join([lead, *notes])


def _cost_verdict(vehicles: list[Vehicle], text: str = "") -> str:
    """The cheaper on the basis asked ("per seat"), else the first basis (per mission, launch,
    seat, kg) every one has a cost for."""
    bases = ["mission", "launch", "seat", "kg"]
    asked = _PER.search(text)
    if asked:
        word = asked.group(1).lower()
        per = "kg" if word.startswith("kilo") else "mission" if word == "flight" else word
        bases.remove(per)
        bases.insert(0, per)
    for per in bases:
        costs = [(next((c for c in v.costs if c.per == per), None), v) for v in vehicles]
        if all(c is not None for c, _ in costs):
            order, clear = ranked([(span(c), (c, v)) for c, v in costs if c is not None], less=True)
            if not clear:
                return tie_line([(v.name, c.text()) for _, (c, v) in order], f"cost per {per}")
            (c, cheap), rest = order[0][1], [cv for _, cv in order[1:]]
            others = "; ".join(f"{v.name} {o.text()}" for o, v in rest)
            return f"{cheap.name} costs less per {per}, {c.text()}, against {others}."
    known = [
        f"{v.name}: {c.text()} per {c.per}"
        + (f" ({c.note.rstrip('.')})" if c.per == "contract" and c.note else "")
        for v in vehicles
        for c in v.costs[:1]
    ]  # a contract's figure says whose it is ("whole CRS-2 programme (all providers)")
    missing = [v.name for v in vehicles if not v.costs]
    line = f"{_NO_BASIS}: " + "; ".join(known) + "." if known else ""
    if missing:
        line += f" No cost is recorded for {' and '.join(missing)}."
    return line.strip()


# --- two or more flights ------------------------------------------------------------------

_SHORTER_OR_LONGER = phrases(r"\b(?:longer|shorter|longest|shortest)\b", re.I)
# "who stayed longer, X or Y", "which carried more": a question that weighs what it names.
WEIGHS = phrases(
    r"\b(?:longer|shorter|longest|shortest|more|most|fewer|less|least|heavier|lighter"
    r"|bigger|smaller|faster|quicker|slower|fastest|quickest|slowest)\b",
    re.I,
)
_SHORTER = phrases(r"\b(?:shorter|shortest|less time|fewer days)\b", re.I)
_LESS = phrases(r"\b(?:less|fewer|least|lighter|smaller)\b", re.I)


def weighed_facts(facts: tuple[Fact, ...], text: str) -> tuple[Fact, ...]:
    """The facts two flights are weighed on: with a length weighed ("who was up longer", "which
    crew stayed longer"), the flights' lengths, never who flew ("who" and "crew" name the
    people the length belongs to)."""
    lengths = Fact.DAYS_IN_SPACE in facts or Fact.STAY in facts
    if not lengths or not _SHORTER_OR_LONGER.search(text):
        return facts
    return tuple(f for f in facts if f not in (Fact.CREW, Fact.CREW_SIZE))


def mission_verdict(
    ctx: Context,
    missions: list[Mission],
    facts: tuple[Fact, ...],
    cargo: CargoClass | None,
    text: str,
) -> str:
    """One line saying which of the flights wins on what was asked: a longer flight or stay
    (derived from the recorded dates), or more of a cargo class; "" when it cannot be said."""
    if cargo is not None and cargo != "payload-leo":
        return _cargo_verdict(missions, cargo, text)
    if Fact.CREW in facts or Fact.CREW_SIZE in facts:
        return _crew_verdict(missions, text)
    if Fact.TRANSIT in facts:
        return _transit_verdict(missions, text)
    docked = Fact.DOCKING in facts and _SHORTER_OR_LONGER.search(text)
    if Fact.STAY in facts or docked:  # "stayed longer", "docked longer": the docked periods
        stays = [(stay_duration(m), m) for m in missions]
        flights = [(flight_duration(m, ctx.kb.as_of), m) for m in missions]
        if any(d is None for d, _ in stays) and all(d is not None for d, _ in flights):
            unknown = [m.name for d, m in stays if d is None]
            line = _duration_verdict(flights, "flight", text)
            gaps = " and ".join(unknown)
            return f"{line.rstrip('.')}, launch to return ({gaps}'s docked dates are not recorded)."
        return _duration_verdict(stays, "stay", text)
    if Fact.DAYS_IN_SPACE in facts:
        spans = [(flight_duration(m, ctx.kb.as_of), m) for m in missions]
        return _duration_verdict(spans, "flight", text)
    return ""


def _duration_verdict(spans: list[tuple[Duration | None, Mission]], what: str, text: str) -> str:
    known = [(d, m) for d, m in spans if d is not None]
    missing = [m.name for d, m in spans if d is None]
    if len(known) < 2:
        if known:
            d, m = known[0]
            return (
                f"I can't say which {what} was longer: only {m.name}'s is recorded, {d.text}; "
                f"{' and '.join(missing)} has no recorded end."
            )
        return ""
    known.sort(key=lambda dm: -dm[0].days)
    shorter = bool(_SHORTER.search(text))
    if shorter:
        known.reverse()
    (top, best), rest = known[0], known[1:]
    if any(d.ongoing for d, _ in known):
        return _ongoing_verdict(known, what, shorter, text)
    if top.at_most and not shorter:
        return ""  # the longest is only an upper bound: it may not be longer at all
    if shorter and any(d.at_most for d, _ in rest):
        return ""  # a loser's length is only an upper bound: it may be shorter still
    if all(d.days == top.days for d, _ in rest):
        return f"They lasted the same, {top.days} days each."
    word = "shorter" if shorter else "longer"
    others = "; ".join(f"{m.name}'s {_days(d)}" for d, m in rest)
    return f"{best.name} was the {word} {what}: {_days(top)}, against {others}."


def _ongoing_verdict(
    known: list[tuple[Duration, Mission]], what: str, shorter: bool, text: str = ""
) -> str:
    """Lengths with one flight still up: once its days so far pass every finished one's it is
    the longer (the others the shorter); until then which is longer is not known yet, and a
    planned length recorded for it is weighed instead, said as a plan."""
    up = [(d, m) for d, m in known if d.ongoing]
    done = [(d, m) for d, m in known if not d.ongoing]
    if len(up) != 1 or not done or any(d.at_most for d, _ in done):
        return ""  # two still up, or a bound: their lengths so far decide nothing
    d, m = up[0]
    others = "; ".join(f"{o_m.name}'s {_days(o)}" for o, o_m in done)
    if d.days <= max(o.days for o, _ in done):
        so_far = f"{m.name} is still up, {d.text}"
        by_plan = _by_plan(m, done, what)
        if by_plan and _PLAN_ASKED.search(text):
            return f"{by_plan} Not over yet: {so_far}."
        if by_plan:
            return f"Not known yet which {what} is longer: {so_far}; {others}. {by_plan}"
        return f"Not known yet which {what} is longer: {so_far}; {others}."
    if shorter and len(done) == 1:
        (o, o_m) = done[0]
        return f"{o_m.name} was the shorter {what}, {_days(o)}: {m.name} is still up, {d.text}."
    return "" if shorter else f"{m.name} is already the longer {what}: {d.text}, against {others}."


_PLAN_ASKED = phrases(r"\b(?:planned|scheduled|expected|supposed|due|meant|plan)\b", re.I)


def _by_plan(m: Mission, done: list[tuple[Duration, Mission]], what: str) -> str:
    """A still-up flight's planned length against the finished ones' recorded lengths."""
    planned = planned_duration(m)
    if planned is None or len(done) != 1:
        return ""
    o, o_m = done[0]
    gap = o.days - planned.days
    recorded = f"{o_m.name}'s {what} was {_days(o)} (recorded)"
    plan = f"{m.name}'s is planned at {_days(planned)} (a plan, not a recorded length)"
    if abs(gap) <= PLAN_MATCH_SHARE * planned.days:  # "~241" against "about 240" planned
        return f"By plan they are about the same: {recorded}; {plan}."
    days = f"{abs(gap)} day{'s' if abs(gap) != 1 else ''}"
    if gap > 0:
        head = f"{o_m.name} is longer than {m.name}'s plan"
    else:
        head = f"{m.name}'s plan is longer than {o_m.name}'s {what}"
    return f"{head}, by about {days}: {recorded}; {plan}."


_SLOWER = phrases(r"\b(?:slower|slowest|longer|longest)\b", re.I)


def _transit_verdict(missions: list[Mission], text: str) -> str:
    """Which flight reached the station sooner after launch: in minutes when each record
    gives them (stated, or both times of day), else in days when those differ."""
    trips = [(transit(m), m) for m in missions]
    missing = [m.name for t, m in trips if t is None]
    known = [(t, m) for t, m in trips if t is not None]
    if missing or len(known) < 2:
        gaps = " and ".join(missing) or "one of them"
        return f"I can't say which got there faster: how long {gaps} took is not recorded."
    timed = all(t.minutes is not None for t, _ in known)
    key = {id(t): (t.minutes or 0) if timed else t.days * 1440 for t, _ in known}
    if not timed and len({t.days for t, _ in known}) == 1:
        days = ", ".join(f"{m.name} {t.span()}" for t, m in known)
        return f"I can't say which got there faster: the record dates both to the day ({days})."
    known.sort(key=lambda tm: key[id(tm[0])], reverse=bool(_SLOWER.search(text)))
    (top, best), rest = known[0], known[1:]
    if all(key[id(t)] == key[id(top)] for t, _ in rest):
        return f"A tie: each took {top.span()} to reach the station."
    word = "slower" if _SLOWER.search(text) else "faster"
    others = "; ".join(f"{m.name}'s {t.span()}" for t, m in rest)
    return f"{best.name} got there {word}: {top.span()} from launch to docking, against {others}."


def _crew_verdict(missions: list[Mission], text: str) -> str:
    """Which flight carried more people, from each one's recorded crew."""
    crewed = [(len(m.crew), m) for m in missions if m.crew]
    if len(crewed) < 2 or not re.search(r"\b(?:more|fewer|less|most|bigger|larger)\b", text, re.I):
        return ""
    crewed.sort(key=lambda nm: -nm[0])
    if all(n == crewed[0][0] for n, _ in crewed):
        return f"{' and '.join(m.name for _, m in crewed)} carried as many: {crewed[0][0]} each."
    if _LESS.search(text):
        crewed.reverse()
    (n, best), rest = crewed[0], crewed[1:]
    others = "; ".join(f"{m.name}'s {k}" for k, m in rest)
    word = "fewer" if _LESS.search(text) else "more"
    return f"{best.name} carried {word} people: {n}, against {others}."


def _days(d: Duration) -> str:
    if d.at_most:
        return f"at most {d.days} days"
    return f"{'' if d.exact else 'about '}{d.days} days"


def _cargo_verdict(missions: list[Mission], cargo: CargoClass, text: str) -> str:
    name = re.sub(r"\s*\(.*\)", "", CARGO_NAMES.get(cargo, cargo)).lower()
    items = [
        (c, m) for m in missions for c in m.cargo if c.cargo == cargo and c.unit in ("kg", "lb")
    ]
    loads: dict[str, tuple[CargoItem, Mission]] = {}
    for c, m in items:
        loads.setdefault(m.id, (c, m))
    missing = [m.name for m in missions if m.id not in loads]
    known = list(loads.values())
    if len(known) < 2:
        if known:
            c, m = known[0]
            return (
                f"Only {m.name}'s {name} is recorded, {c.text()}; the base records none for "
                f"{' and '.join(missing)}."
            )
        return ""
    less = bool(_LESS.search(text))
    order, clear = ranked(
        [(span(c, KG_PER_LB if c.unit == "lb" else 1.0), (c, m)) for c, m in known], less
    )
    known = [cm for _, cm in order]
    if not clear:
        return tie_line([(m.name, c.text()) for c, m in known], name)
    (top, best), rest = known[0], known[1:]
    verb = "less" if less else "more"
    others = "; ".join(f"{m.name}'s {c.text()}" for c, m in rest)
    return f"{best.name} carried {verb} {name}: {top.text()}, against {others}."


# "the same pad", "different rockets": whether two flights share one attribute of theirs.
SAME_ASKED = phrases(r"\b(?:same|different|differ\w*|identical|shared?)\b", re.I)
_DIFFERENT = phrases(r"\b(?:different|differ\w*)\b", re.I)
# (what the attribute is called, the words that ask for it, the mission field, the verb)
_SHARED = (
    (
        "docking port",
        phrases(r"\b(?:(?:docking\s+)?ports?|modules?|berth(?:ing)?\s+(?:spot|place))\b", re.I),
        "port",
        "docked to",
    ),
    (
        "pad",
        phrases(r"\b(?:pads?|launch\s*(?:site|complex)e?s?|sites?|complex(?:es)?)\b", re.I),
        "pad",
        "launched from",
    ),
    (
        "rocket",
        phrases(r"\b(?:rockets?|launchers?|boosters?|launch vehicles?)\b", re.I),
        "launcher",
        "flew on",
    ),
    ("vehicle", phrases(r"\b(?:spacecraft|ships?|vehicles?)\b", re.I), "vehicle", "flew"),
    ("launch day", phrases(r"\b(?:day|date)\b", re.I), "day", "launched on"),
    (
        "operator",
        phrases(r"\b(?:operators?|compan(?:y|ies)|agenc(?:y|ies))\b", re.I),
        "operator",
        "was run by",
    ),
)


def same_verdict(ctx: Context, missions: list[Mission], text: str) -> Reply | None:
    """ "did NG-23 and CRS-33 go from the same pad": yes or no from each flight's own field,
    or which half is not recorded; None when the question asks no such shared attribute."""
    if len(missions) < 2 or not SAME_ASKED.search(text):
        return None
    asked = next(((what, field, verb) for what, p, field, verb in _SHARED if p.search(text)), None)
    if asked is None:
        return None
    what, field, verb = asked
    values: list[str | None] = [
        _launch_day(m)
        if field == "day"
        else docking_place(ctx, m)
        if field == "port"
        else getattr(m, field)
        for m in missions
    ]
    said = [
        f"{m.name} {verb if m.status not in PENDING else 'is planned to use'} {_named(ctx, v)}"
        for m, v in zip(missions, values, strict=True)
        if v is not None
    ]
    missing = [m.name for m, v in zip(missions, values, strict=True) if v is None]
    ids = collect_sources(*(m.sources for m in missions))
    if missing:
        known = f"; {'; '.join(said)}" if said else ""
        text_out = (
            f"Not known as of {day_text(ctx.kb.as_of)}: the {what} of {' and '.join(missing)} "
            f"is not recorded{known}."
        )
    else:
        same = len(set(values)) == 1
        yes = same != bool(_DIFFERENT.search(text))
        word = "Yes" if yes else "No"
        if same and field != "day" and not any(m.status in PENDING for m in missions):
            text_out = (
                f"{word}: {' and '.join(m.name for m in missions)} share one {what}, "
                f"{_named(ctx, values[0])}."
            )
        else:
            text_out = f"{word}: {'; '.join(said)}."
        when = [f"{m.name} {d.text()}" for m in missions if (d := outcome_date(m)) is not None]
        if when and field == "pad":
            text_out += f" Launched: {', '.join(when)}."
    return Reply(
        kind="answer",
        title=" and ".join(m.name for m in missions),
        text=text_out,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=tuple(m.id for m in missions),
    )


def _launch_day(m: Mission) -> str | None:
    """A flight's recorded launch date as text, if it launched."""
    d = outcome_date(m)
    return d.text() if d is not None else None


def _named(ctx: Context, rid: str | None) -> str:
    rec = ctx.kb.get(rid) if rid else None
    return rec.name if rec is not None else (rid or "—")


# "longer than planned", "as long as expected", "shorter than usual": a flight's stay against
# the plan its texts (or its vehicle's usual stay) give.
PLAN_ASKED = phrases(
    r"\b(?:than|as)\s+(?:(?:was|it was|first|originally|initially)\s+)?(?:planned|expected|"
    r"estimated|scheduled|designed|intended|usual|normal|typical|promised)\b|\bon schedule\b",
    re.I,
)
_STAY_ASKED = phrases(r"\b(?:stay\w*|docked|long\w*|last\w*|short\w*|remain\w*)\b", re.I)
_LONGER_THAN_PLAN = phrases(r"\b(?:longer|more)\b", re.I)
_SHORTER_THAN_PLAN = phrases(r"\b(?:shorter|less|fewer|sooner|earlier)\b", re.I)


def plan_verdict(ctx: Context, m: Mission, text: str) -> Reply | None:
    """ "did CRS-33 stay longer than planned": the recorded stay against the planned length a
    sentence of the flight gives (else its vehicle's usual stay); which half is missing when
    one is not recorded. None when the question asks no such thing."""
    if not (PLAN_ASKED.search(text) and _STAY_ASKED.search(text)):
        return None
    actual = stay_duration(m)
    planned = said.plan_passage(ctx, [m.id])
    plan_days: float | None = None
    plan_text = ""
    ids: list[str] = []
    if planned is not None:
        plan_days, phrase, p = planned
        plan_text = f"the plan its record gives, “{phrase}” (per {_pub(ctx, p.sources)})"
        ids += p.sources
    else:
        v = ctx.kb.vehicles.get(m.vehicle or "")
        usual = v.typical_stay_days if v is not None else None
        if v is not None and usual is not None and usual.value is not None:
            plan_days = usual.value
            plan_text = f"{v.name}'s usual stay of {usual.text()} (per {_pub(ctx, usual.sources)})"
            ids += usual.sources
    if actual is None and planned is not None and _SPAN_AFTER.search(planned[2].text):
        # the record's own sentence says how it went ("stayed more than 220 days, longer
        # than the usual six months")
        lead = said.quoted(ctx, planned[2])
    elif actual is None:
        plan = f"; recorded is only {plan_text}" if plan_text else ""
        lead = (
            f"Not known as of {day_text(ctx.kb.as_of)}: {m.name}'s docking and undocking are "
            f"not both recorded, so its stay is not known{plan}."
        )
    elif plan_days is None:
        lead = (
            f"Not known as of {day_text(ctx.kb.as_of)}: no planned stay of {m.name} is "
            f"recorded; it stayed {actual.text}."
        )
    else:
        ratio = actual.days / plan_days if plan_days else 1.0
        how = (
            "longer than"
            if ratio > 1 + PLAN_MATCH_SHARE
            else "shorter than"
            if ratio < 1 - PLAN_MATCH_SHARE
            else "about as long as"
        )
        asked = (
            "longer than"
            if _LONGER_THAN_PLAN.search(text)
            else "shorter than"
            if _SHORTER_THAN_PLAN.search(text)
            else "about as long as"
        )
        word = "Yes" if how == asked else "No"
        lead = f"{word}: {m.name} stayed {actual.text}, {how} {plan_text}."
        ids = [*actual.sources, *ids]
    src = collect_sources(ids or m.sources)
    return Reply(
        kind="answer",
        title=m.name,
        text=lead,
        sources=source_lines(ctx.kb, src),
        source_ids=src,
        as_of=ctx.kb.as_of,
        entities=(m.id,),
        more=m.id,
    )


_SPAN_AFTER = phrases(r"\b(?:stayed|lasted|spent)\b", re.I)


def _pub(ctx: Context, sources: tuple[str, ...] | list[str]) -> str:
    return publishers(ctx.kb, sources)


# --- "is X more than Y": a comparative yes/no from the same verdict -----------------------

THAN_ASKED = phrases(
    r"\b(?:more|less|fewer|bigger|larger|smaller|longer|shorter|cheaper|heavier|lighter|"
    r"pricier|costlier|greater|faster|quicker|slower)\b(?:\s+\w+){0,4}?\s+than\b",
    re.I,
)
_ASKS_LESS = phrases(r"\b(?:less|fewer|smaller|shorter|cheaper|lighter)\b", re.I)
_SAYS_LESS = phrases(r"^\S.*?\b(?:less|fewer|shorter)\b", re.I)
_TIED = ("A tie:", "No clear difference")


_NO_BASIS = "Costs are not given on the same basis"


def than_yes(verdict_text: str, first: str, names: list[str], text: str) -> bool | None:
    """ "is X more than Y" from a comparison's verdict line: yes when the verdict's winner is
    the first named and wins the way asked; no for a tie of equal values; None when it cannot
    be told (values that overlap, or no winner named)."""
    head = verdict_text.split(":")[0]
    if " about the same" in head or _NO_BASIS in head:  # within a plan's rounding, or costs
        return None  # per mission against per contract: neither can be told more
    if verdict_text.startswith(_TIED[0]) or " the same" in head:
        return False  # equal: neither is more
    if verdict_text.startswith(_TIED[1]):
        return None
    winner = next(
        (n for n in sorted(names, key=len, reverse=True) if verdict_text.startswith(n)), None
    )
    if winner is None:
        return None
    head = verdict_text.split(",")[0].split(":")[0]
    says_less = bool(_SAYS_LESS.search(head))
    asks_less = bool(_ASKS_LESS.search(text))
    return (winner == first) == (says_less == asks_less)
