"""The day-stepped station inventory: parameters from the station record, deliveries, a run.

How each resource is modelled (every figure comes from the station record, knowledge/data/
station.yaml, and the vehicles' and missions' cargo records):

* Each resource is a mass in kg aboard at the end of each day, from the stock date on.
* Need (kg/day) is what the crew uses: crew(t) x the per-crew-day rate for food, water and
  oxygen; for Russian-segment propellant (reboost and attitude) it is the yearly use / 365,
  independent of the crew.
* Draw (kg/day) is what actually leaves the stores: food = need; water = need x (1 - water
  recovery); oxygen = max(0, need - oxygen made aboard per day); propellant = need.
* Days of supply = stock / need: how long the stores alone would last the crew if nothing
  were recycled or made aboard. The reserve line (45 days) and the stock estimate (in days)
  are in these units; the stock estimate is converted to kg with the need on the stock date.
* Each day: stock = max(0, stock + deliveries arriving that day - draw).
* NASA ships what is needed: a flight still to fly (planned, projected or added) fills the
  food, water and oxygen stores up to the normal stock (the station record's
  normal_stock_days, about six months, in days of the need that day) and no further; what it
  could carry beyond that is other cargo. Flown flights bring their recorded loads (food: the
  share of dry cargo calibrated so that history keeps the stock level), except water and
  oxygen, which always fill only up to the normal stock (`STOCKED_RESOURCES`: the draw leaves
  out uses the model cannot size). Without this the planned and projected flights would pile
  up 8-10 months of food, which the sources do not show. Propellant has no such ceiling: its
  use is derived from the recorded loads on the assumption that it stayed level.
* The crew leaves when food, water or oxygen falls below the evacuation line (the station
  record's rule covers only those: EVACUATION_RESOURCES). Propellant running out means no
  Russian-segment reboosts or debris avoidance: the orbit decays (the station record's
  altitude loss and re-entry time without reboosts), which is not an evacuation.
* A delivery arrives on its docking day (else launch day, else its last planned date: the
  day, the first day of a NET date, else the middle of the month, quarter or year).
* A delivery adds what its mission's recorded cargo says, else the vehicle's typical load by
  cargo class: propellant only from vehicles that refuel the Russian segment (Progress);
  water from the "water" class; oxygen from the "gas" class; food as the station record's
  food share of the "dry-cargo" (else "pressurized") class. A flight listed in the station
  record's reboost offsets adds the propellant it saves.
* A stock level given as a mass (propellant: kg aboard) is counted in days of the need on the
  stock date, at the run's end of the use range (more use, fewer days).
* Uncertainty: every estimate in the station record is a range (stock, food use, food share
  of cargo, propellant use). `params_from(station, "worse")` / `"better"` take each range's
  pessimistic / optimistic end (the food share by scaling food deliveries,
  Params.delivery_scale); a result that the two ends put on both sides of the reserve line is
  within the model's uncertainty and is said so ("close to the reserve line", never a
  confident breach). tests/commands/whatif/test_backtest.py replays the recorded 2025-2026
  flights and fails if the model (central or either end) puts recorded history below it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import numpy.typing as npt

from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.pads import flown_from
from knowledge.schema import Amount, Mission, Station, Vehicle
from knowledge.units import kg_per

Resource = str
RESOURCES: tuple[Resource, ...] = ("food", "water", "oxygen", "propellant")
LABELS: dict[Resource, str] = {
    "food": "Food",
    "water": "Water",
    "oxygen": "Oxygen",
    "propellant": "Propellant",
}
# The resources the crew cannot stay without: the reserve and evacuation rules are about these.
EVACUATION_RESOURCES: tuple[Resource, ...] = ("food", "water", "oxygen")
# Deliveries fill the stores up to the normal stock and no further: of these resources
# every delivery (the model's draw leaves out uses it cannot size, such as water split for
# oxygen, leaks and airlock losses) ...
STOCKED_RESOURCES: tuple[Resource, ...] = ("water", "oxygen")
# ... and of these the flights still to fly (planned, projected or added); flown flights
# bring what the food share of their recorded cargo says (calibrated on history).
FILLED_RESOURCES: tuple[Resource, ...] = ("food", "water", "oxygen")
MAX_HORIZON_DAYS = 3653  # ten years
DAYS_CAP = 9999.0  # days of supply shown when the need is zero (no crew)
_DELIVERED = ("launched", "docked", "completed")
_ARRIVAL_EVENTS = ("docked", "berthed", "captured", "arrived")
_DEPARTURE_EVENTS = ("landed", "splashdown", "undocked", "unberthed", "returned", "departed")

FloatArray = npt.NDArray[np.float64]
# Which end of each estimate's range a run takes: the middle, the pessimistic end (less stock,
# more use, less food per flight) or the optimistic end.
End = Literal["mid", "worse", "better"]


class ModelError(ValueError):
    """The fact base lacks something the model needs (no station record, a missing rate)."""


@dataclass(frozen=True)
class Assumption:
    """One parameter the model used, as shown in a reply."""

    label: str
    text: str
    sources: tuple[str, ...]
    estimate: bool


@dataclass(frozen=True)
class Rates:
    """Consumption parameters, in kg per crew-day (food, water, oxygen) or per day."""

    per_crew_day: Mapping[Resource, float]
    water_recovery: float  # fraction 0..1
    oxygen_generation: float  # kg/day made aboard
    propellant_per_day: float  # kg/day


@dataclass(frozen=True)
class Params:
    """Everything the model takes from the station record."""

    station_id: str
    stock_date: dt.date
    stock_days: Mapping[Resource, float]
    rates: Rates
    reserve_days: float
    evacuation_days: float | None
    food_share: float
    crew: tuple[tuple[dt.date, int], ...]  # step changes, sorted
    reboost: Mapping[str, tuple[float, frozenset[str]]]  # vehicle -> (kg saved, missions)
    assumptions: tuple[Assumption, ...]
    source_ids: tuple[str, ...]
    decay: Decay | None = None  # what happens to the orbit without reboosts
    end: End = "mid"  # which end of the estimates' ranges these are
    # What each delivery of a resource is multiplied by in a run (the food share's ends
    # against its middle, which built the deliveries); missing means 1.
    delivery_scale: Mapping[Resource, float] = field(default_factory=dict)
    # The normal stock in days of supply: deliveries of STOCKED_RESOURCES fill up to it.
    normal_days: float | None = None


@dataclass(frozen=True)
class Decay:
    """The orbit without reboosts, as the station record gives it: altitude lost a day, and
    how soon the station would re-enter."""

    altitude_loss: str  # "70–100 m a day"
    reentry: str  # "2–5 years"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Delivery:
    """One flight's arrival: what it adds, in kg per resource, and the crew it brings."""

    key: str  # mission id, "added-N" for a flight a scenario adds, "projected-<vehicle>-N"
    label: str
    vehicle: str
    pad: str | None
    date: dt.date
    amounts: Mapping[Resource, float]
    mission: str | None = None
    projected: bool = False  # routine traffic projected from the vehicle's recorded cadence
    crew: int = 0  # people it brings to the station
    leaves: dt.date | None = None  # when its crew left, when recorded
    flown: bool = False  # a recorded flight that flew (launched, docked or completed)


@dataclass(frozen=True)
class RateChange:
    """A rate set to a new value from a date on, or until a date (then the rate before it
    resumes). `USE_RATES` names are multipliers of the per-crew-day use (1.0 unchanged)."""

    since: dt.date
    name: str  # "water_recovery" (fraction) | "propellant_per_day" | "oxygen_generation" | USE
    value: float
    until: dt.date | None = None


# Multipliers of a resource's per-crew-day use ("the crew eats 20% more food": 1.2).
USE_RATES: Mapping[Resource, str] = {
    "food": "food_use",
    "water": "water_use",
    "oxygen": "oxygen_use",
}
_RATE_NAMES = ("water_recovery", "oxygen_generation", "propellant_per_day", *USE_RATES.values())


def _base_rate(r: Rates, name: str) -> float:
    """A rate's unchanged value (1.0 for a use multiplier)."""
    return 1.0 if name in USE_RATES.values() else float(getattr(r, name))


def _windowed(start: dt.date, days: int, changes: Sequence[RateChange], base: float) -> FloatArray:
    """A per-day array of a rate: each change from its date on, or until its end (then the
    value before it), applied in date order."""
    arr = np.full(days, base, dtype=np.float64)
    for c in sorted(changes, key=lambda c: c.since):
        i = max((c.since - start).days, 0)
        j = days if c.until is None else min(max((c.until - start).days, 0), days)
        if i < j:
            arr[i:j] = c.value
    return arr


@dataclass(frozen=True)
class Plan:
    """The deliveries, crew levels and rate changes a run uses."""

    deliveries: tuple[Delivery, ...]
    crew: tuple[tuple[dt.date, int], ...]
    rate_changes: tuple[RateChange, ...] = ()


@dataclass(frozen=True)
class ResourceResult:
    """How one resource fares over a run."""

    resource: Resource
    crossing: dt.date | None  # first day below the reserve line
    min_days: float
    min_date: dt.date
    shortfall: float  # days below the reserve at the lowest point (0 when it stays above)
    below_evacuation: bool
    end_days: float


@dataclass(frozen=True)
class Run:
    """Days of supply per resource for each day from start, and a summary per resource."""

    start: dt.date
    days: int
    reserve_days: float
    supply: Mapping[Resource, FloatArray] = field(repr=False)
    results: Mapping[Resource, ResourceResult] = field(default_factory=dict)

    def crossings(self) -> list[tuple[dt.date, Resource]]:
        """Reserve crossings, earliest first."""
        out = [(r.crossing, k) for k, r in self.results.items() if r.crossing is not None]
        return sorted(out)


# --- parameters ---------------------------------------------------------------------------


def _fraction(a: Amount) -> float:
    v = a.mid
    return v / 100.0 if a.unit.strip() == "%" else v


def _kg(a: Amount) -> float | None:
    factor = kg_per(a.unit)
    return None if factor is None else a.mid * factor


def _at(a: Amount, end: End, worse_high: bool) -> float:
    """An amount's value at one end of its range (its middle for "mid" or a single value)."""
    if end == "mid" or a.low is None or a.high is None:
        return a.mid
    return a.high if (end == "worse") == worse_high else a.low


def _kg_at(a: Amount, end: End, worse_high: bool) -> float | None:
    factor = kg_per(a.unit)
    return None if factor is None else _at(a, end, worse_high) * factor


def params_from(station: Station, end: End = "mid") -> Params:
    """Read the model's parameters from the station record; ModelError when one is missing.
    end: the middle of each estimate's range, or its pessimistic ("worse") or optimistic
    ("better") end."""
    rs = station.resupply
    per: dict[Resource, float] = {}
    assumptions: list[Assumption] = []
    sources: list[str] = []

    def note(label: str, text: str, a: Amount) -> None:
        assumptions.append(Assumption(label, text, tuple(a.sources), a.estimate))
        sources.extend(a.sources)

    for res in ("food", "water", "oxygen"):
        amt = rs.consumption_per_crew_day.get(res)
        if amt is None:
            raise ModelError(f"the station record has no per-crew-day rate for {res}")
        kg = _kg_at(amt, end, worse_high=True)
        if kg is None:
            raise ModelError(f"the {res} rate is in {amt.unit}, not a mass")
        per[res] = kg
        note(f"{LABELS[res]} use", f"{amt.text()} per crew member per day", amt)
    recovery = _at(rs.water_recovery, end, worse_high=False)
    recovery = recovery / 100.0 if rs.water_recovery.unit.strip() == "%" else recovery
    note("Water recovery", rs.water_recovery.text(), rs.water_recovery)
    gen = 0.0
    if rs.oxygen_generation_per_day is not None:
        gen = _kg_at(rs.oxygen_generation_per_day, end, worse_high=False) or 0.0
        made = rs.oxygen_generation_per_day
        in_kg = f" ({gen:.1f} kg)" if made.unit.strip() != "kg" else ""
        note(
            "Oxygen made aboard",
            f"{made.text()}{in_kg} per day",
            rs.oxygen_generation_per_day,
        )
    prop = _kg_at(rs.propellant_use_per_year, end, worse_high=True)
    if prop is None:
        raise ModelError("the propellant use is not a mass per year")
    note(
        "Propellant use",
        f"{rs.propellant_use_per_year.text()} per year (reboost and attitude)",
        rs.propellant_use_per_year,
    )
    note("Reserve", f"{rs.reserve_days.text()} of supply", rs.reserve_days)
    evac = rs.evacuation_days.mid if rs.evacuation_days is not None else None
    if rs.evacuation_days is not None:
        note("Crew leaves below", rs.evacuation_days.text(), rs.evacuation_days)
    stock_days: dict[Resource, float] = {}
    crew_then = _crew_on(station, rs.stock.as_of)
    for res in RESOURCES:
        lvl = rs.stock.levels.get(res)  # type: ignore[call-overload]
        if lvl is None:
            raise ModelError(f"the stock estimate has no level for {res}")
        kg = _kg_at(lvl, end, worse_high=False)
        if kg is None:  # in days of supply
            stock_days[res] = _at(lvl, end, worse_high=False)
            continue
        # A mass aboard: days of the need on the stock date (at this end's rates).
        need = prop / 365.0 if res == "propellant" else crew_then * per[res]
        if need <= 0:
            raise ModelError(f"no need for {res} on the stock date to count its stock in days")
        stock_days[res] = kg / need
    lvls = rs.stock.levels
    first = next(iter(lvls.values()))
    stock_text = (
        f"{first.text()} of each resource on {rs.stock.as_of.isoformat()}"
        if len({a.mid for a in lvls.values()}) == 1
        else ", ".join(f"{k} {a.text()}" for k, a in lvls.items())
        + f" on {rs.stock.as_of.isoformat()}"
    )
    stock_sources = tuple(dict.fromkeys(s for a in lvls.values() for s in a.sources))
    assumptions.insert(
        0,
        Assumption(
            "Stock",
            stock_text + " — no current published figure; estimates (see the station record)",
            stock_sources,
            any(a.estimate for a in lvls.values()) or True,
        ),
    )
    sources[:0] = list(stock_sources)
    share = 0.0
    scale: dict[Resource, float] = {}
    if rs.food_share_of_cargo is not None:
        share = _fraction(rs.food_share_of_cargo)
        at = _at(rs.food_share_of_cargo, end, worse_high=False)
        at = at / 100.0 if rs.food_share_of_cargo.unit.strip() == "%" else at
        if share > 0:
            scale["food"] = at / share
        note(
            "Food in cargo",
            f"{rs.food_share_of_cargo.text()} of dry/pressurized cargo",
            rs.food_share_of_cargo,
        )
    normal = None
    if rs.normal_stock_days is not None:
        # The stores hover around the normal stock: deliveries top them up to the band's top
        # and the crew draws them down, so the top is the ceiling at every end of the ranges
        # (a ceiling at the middle would keep the stock below its normal level on average).
        ns = rs.normal_stock_days
        normal = ns.high if ns.high is not None else ns.mid
        note(
            "Normal stock",
            f"{rs.normal_stock_days.text()} of food, water and oxygen: deliveries top the "
            "stores up to its top, not beyond (NASA ships what is needed)",
            rs.normal_stock_days,
        )
    reboost: dict[str, tuple[float, frozenset[str]]] = {}
    for off in rs.reboost_offsets:
        kg = _kg(off.propellant_saved)
        if kg:
            reboost[off.vehicle] = (kg, frozenset(off.missions))
            which = ", ".join(off.missions) if off.missions else "every flight"
            note(
                "Reboost offset",
                f"{off.vehicle} ({which}) saves {off.propellant_saved.text()} of propellant",
                off.propellant_saved,
            )
    decay = None
    if rs.reentry_without_reboost is not None:
        loss = rs.altitude_loss_per_day
        decay = Decay(
            f"{_plain(loss)} a day" if loss is not None else "",
            _plain(rs.reentry_without_reboost),
            tuple(
                dict.fromkeys(
                    [*(loss.sources if loss else ()), *rs.reentry_without_reboost.sources]
                )
            ),
        )
        if loss is not None:
            note("Altitude lost without reboosts", f"{loss.text()} a day", loss)
        note(
            "Re-entry without reboosts",
            f"within {rs.reentry_without_reboost.text()}",
            rs.reentry_without_reboost,
        )
    crew = tuple(sorted((c.since, c.crew) for c in station.crew_history))
    if not crew:
        crew = ((rs.stock.as_of, int(station.nominal_crew.mid)),)
    for c in station.crew_history:
        sources.extend(c.sources)
    return Params(
        station_id=station.id,
        stock_date=rs.stock.as_of,
        stock_days=stock_days,
        rates=Rates(per, recovery, gen, prop / 365.0),
        reserve_days=rs.reserve_days.mid,
        evacuation_days=evac,
        food_share=share,
        crew=crew,
        reboost=reboost,
        assumptions=tuple(assumptions),
        source_ids=tuple(dict.fromkeys(sources)),
        decay=decay,
        end=end,
        delivery_scale=scale,
        normal_days=normal,
    )


def _crew_on(station: Station, day: dt.date) -> float:
    """The crew aboard on a day by the station record's levels (else its nominal crew)."""
    got = float(station.nominal_crew.mid)
    for c in sorted(station.crew_history, key=lambda c: c.since):
        if c.since <= day:
            got = float(c.crew)
    return got


def _plain(a: Amount) -> str:
    """An amount without its estimate mark ("2–5 years")."""
    return a.model_copy(update={"estimate": False}).text()


# --- deliveries ---------------------------------------------------------------------------


def _cargo_kg(items: Sequence[Amount], cargo: str) -> float | None:
    total: float | None = None
    for it in items:
        if getattr(it, "cargo", None) == cargo:
            kg = _kg(it)
            if kg is not None:
                total = (total or 0.0) + kg
    return total


def load_of(
    params: Params, vehicle: Vehicle | None, mission: Mission | None = None
) -> dict[Resource, float]:
    """What one flight adds, in kg per resource: mission cargo when recorded, else typical."""
    caps: Sequence[Amount] = vehicle.capacities if vehicle is not None else ()
    cargo: Sequence[Amount] = mission.cargo if mission is not None else ()

    def pick(cls: str) -> float:
        got = _cargo_kg(cargo, cls)
        if got is None:
            got = _cargo_kg(caps, cls)
        return got or 0.0

    out: dict[Resource, float] = dict.fromkeys(RESOURCES, 0.0)
    refuels = vehicle is not None and vehicle.refuels_russian_segment
    out["propellant"] = pick("propellant") if refuels else 0.0
    out["water"] = pick("water")
    out["oxygen"] = pick("gas")
    dry: float | None = None
    for source in (cargo, caps):
        for cls in ("dry-cargo", "pressurized", "total-up-mass"):
            dry = _cargo_kg(source, cls)
            if dry is not None:
                break
        if dry is not None:
            break
    dry = dry or 0.0
    out["food"] = dry * params.food_share
    if vehicle is not None and vehicle.id in params.reboost:
        kg, missions = params.reboost[vehicle.id]
        if not missions or (mission is not None and mission.id in missions):
            out["propellant"] += kg
    return out


def arrival_date(mission: Mission) -> dt.date | None:
    """When a mission's cargo arrives: docking if recorded, else launch, else the plan."""
    if mission.status in ("cancelled", "failed"):
        return None
    for kinds in (_ARRIVAL_EVENTS, ("launched", "launch")):
        hits = [e.date.start for e in mission.events if e.kind in kinds]
        if hits:
            return max(hits)
    if mission.schedule:
        return planned_day(mission.schedule[-1].planned)
    return None


def planned_day(d: FuzzyDate) -> dt.date:
    """The day the model uses for a planned date: the day, NET's first day, else the middle."""
    if d.precision == "day" or d.net:
        return d.start
    return d.start + (d.end - d.start) // 2


def placed_plan(mission: Mission) -> FuzzyDate | None:
    """The planned date the model had to place (a month, quarter or year, not NET), or None
    when the flight's date is a recorded day, a NET date or an event."""
    if mission.status in ("cancelled", "failed") or not mission.schedule:
        return None
    if any(e.kind in (*_ARRIVAL_EVENTS, "launched", "launch") for e in mission.events):
        return None
    d = mission.schedule[-1].planned
    return None if d.precision == "day" or d.net else d


def placement(mission: Mission) -> str | None:
    """ "date known only to the year; counted at mid-2026 (assumption)" for a placed date."""
    d = placed_plan(mission)
    if d is None:
        return None
    return f"date known only to the {d.precision}; counted at mid-{d.text()} (assumption)"


def _to_iss(mission: Mission) -> bool:
    return mission.destination.strip().upper() in ("ISS", "INTERNATIONAL SPACE STATION")


def delivers(mission: Mission, vehicle: Vehicle | None) -> bool:
    """Whether a mission counts as a delivery: a cargo flight, or any flight with cargo."""
    if not _to_iss(mission):
        return False
    if mission.cargo:
        return True
    return mission.kind == "cargo" and (vehicle is None or vehicle.kind != "launch-vehicle")


def crew_of(mission: Mission, vehicle: Vehicle | None) -> int:
    """How many people a crew rotation flight to the ISS brings (0 for any other flight, and
    for a short visit flown for another operator, such as a private Axiom mission)."""
    if mission.kind != "crew" or not _to_iss(mission):
        return 0
    if vehicle is not None and mission.operator not in (None, vehicle.operator):
        return 0
    if mission.crew:
        return len(mission.crew)
    return vehicle.crew_size or 0 if vehicle is not None else 0


def departure(mission: Mission) -> dt.date | None:
    """When a crew flight's crew left the station, when recorded."""
    hits = [e.date.start for e in mission.events if e.kind in _DEPARTURE_EVENTS]
    return max(hits) if hits else None


def baseline_plan(kb: KnowledgeBase, params: Params) -> Plan:
    """The plan as recorded (no projection): every delivery arriving on or after the stock
    date, and the station record's crew levels."""
    flights = all_flights(kb, params)
    return Plan(
        tuple(d for d in flights if d.date >= params.stock_date and any(d.amounts.values())),
        params.crew,
    )


def all_flights(kb: KnowledgeBase, params: Params) -> tuple[Delivery, ...]:
    """Every recorded delivering or crew flight with an arrival date (cancelled ones have
    none), by date. A crew flight adds only the cargo its mission records."""
    out: list[Delivery] = []
    for m in kb.missions.values():
        veh = kb.vehicles.get(m.vehicle)
        crew = crew_of(m, veh)
        cargo = delivers(m, veh)
        if not cargo and not crew:
            continue
        when = arrival_date(m)
        if when is None:
            continue
        amounts = load_of(params, veh, m) if cargo else load_of(params, None, m)
        out.append(
            Delivery(
                m.id,
                m.name,
                m.vehicle,
                # a planned flight with no pad recorded flies from its vehicle's pad (Ax-5, a
                # Crew Dragon flight: SLC-40), so a pad outage holds it
                m.pad or (None if m.status in _DELIVERED else flown_from(kb, m.vehicle)),
                when,
                amounts,
                m.id,
                crew=crew,
                leaves=departure(m) if crew else None,
                flown=m.status in _DELIVERED,
            )
        )
    return tuple(sorted(out, key=lambda d: (d.date, d.key)))


# --- the run ------------------------------------------------------------------------------


def _steps(
    start: dt.date, days: int, changes: Sequence[tuple[dt.date, float]], first: float
) -> FloatArray:
    """A per-day array from step changes (value from each date on)."""
    arr = np.full(days, first, dtype=np.float64)
    for since, value in sorted(changes, key=lambda c: c[0]):
        i = (since - start).days
        if i < days:
            arr[max(i, 0) :] = value
    return arr


def run(params: Params, plan: Plan, start: dt.date, end: dt.date) -> Run:
    """Step the inventory day by day from start (the stock date) through end."""
    days = (end - start).days + 1
    if days < 1 or days > MAX_HORIZON_DAYS + 1:
        raise ModelError(f"horizon of {days} days is outside 1-{MAX_HORIZON_DAYS}")
    crew_first = float(plan.crew[0][1]) if plan.crew else 0.0
    for since, n in plan.crew:
        if since <= start:
            crew_first = float(n)
    crew = _steps(start, days, [(d, float(n)) for d, n in plan.crew], crew_first)
    r = params.rates
    series = {
        name: _windowed(
            start, days, [c for c in plan.rate_changes if c.name == name], _base_rate(r, name)
        )
        for name in _RATE_NAMES
    }
    supply: dict[Resource, FloatArray] = {}
    results: dict[Resource, ResourceResult] = {}
    index = np.arange(days)
    for res in RESOURCES:
        if res == "propellant":
            need = series["propellant_per_day"]
            draw = need
        else:
            need = crew * r.per_crew_day[res] * series[USE_RATES[res]]
            if res == "water":
                draw = need * (1.0 - series["water_recovery"])
            elif res == "oxygen":
                draw = np.maximum(0.0, need - series["oxygen_generation"])
            else:
                draw = need
        inflow = np.zeros(days, dtype=np.float64)
        known = np.zeros(days, dtype=np.float64)  # what flown flights brought, as recorded
        for d in plan.deliveries:
            i = (d.date - start).days
            if 0 <= i < days:
                capped = res in STOCKED_RESOURCES or not d.flown
                (inflow if capped else known)[i] += d.amounts.get(res, 0.0)
        scale = params.delivery_scale.get(res, 1.0)
        inflow *= scale
        known *= scale
        # the stock is a mass: days of the need on the stock date at the unchanged use
        usual = r.propellant_per_day if res == "propellant" else crew[0] * r.per_crew_day[res]
        s0 = params.stock_days[res] * float(need[0] if res == "propellant" else usual)
        if params.normal_days is not None and res in FILLED_RESOURCES:
            level = _levels(s0, inflow, known, draw, need, params.normal_days)
        else:
            level = _floored(s0, inflow + known - draw)
        with np.errstate(divide="ignore", invalid="ignore"):
            dos = np.where(need > 0, level / np.where(need > 0, need, 1.0), DAYS_CAP)
        dos = np.minimum(dos, DAYS_CAP)
        supply[res] = dos
        below = dos < params.reserve_days - 1e-9
        crossing = start + dt.timedelta(days=int(np.argmax(below))) if below.any() else None
        imin = int(np.argmin(dos))
        mn = float(dos[imin])
        results[res] = ResourceResult(
            resource=res,
            crossing=crossing,
            min_days=mn,
            min_date=start + dt.timedelta(days=int(index[imin])),
            shortfall=max(0.0, params.reserve_days - mn),
            below_evacuation=res in EVACUATION_RESOURCES
            and params.evacuation_days is not None
            and mn < params.evacuation_days,
            end_days=float(dos[-1]),
        )
    return Run(start, days, params.reserve_days, supply, results)


def _floored(s0: float, net: FloatArray) -> FloatArray:
    """s0 plus the running sum of net, never below zero (the sum reflected at 0)."""
    level = s0 + np.cumsum(net)
    return level - np.minimum(0.0, np.minimum.accumulate(level))


def _levels(
    s0: float,
    inflow: FloatArray,
    known: FloatArray,
    draw: FloatArray,
    need: FloatArray,
    normal_days: float,
) -> FloatArray:
    """The stock at the end of each day: s0 plus deliveries less draw, never below zero;
    inflow fills the stores up to the ceiling and no further (a stock already above it, as
    when the crew shrinks, keeps what it has); known is added as it is."""
    days = len(inflow)
    out = np.empty(days, dtype=np.float64)
    arrivals = set(np.flatnonzero((inflow > 0) | (known > 0)).tolist())
    bounds = sorted({0, *arrivals, days})
    level = s0
    for a, b in itertools.pairwise(bounds):
        if a in arrivals:
            level += float(known[a])
            ceiling = _ceiling(need, a, normal_days)
            level = min(level + float(inflow[a]), max(level, ceiling))
        seg = _floored(level, -draw[a:b])
        out[a:b] = seg
        level = float(seg[-1])
    return out


def _ceiling(need: FloatArray, day: int, normal_days: float) -> float:
    """The normal stock on a day: normal_days of the need that day, or of the need on the first
    day if that was more (the stores stay sized for the station's usual crew while it is
    smaller for a while, so a crew growing back finds them stocked)."""
    return normal_days * max(float(need[day]), float(need[0]))


def run_naive(
    params: Params, plan: Plan, start: dt.date, end: dt.date
) -> dict[Resource, list[float]]:
    """The same inventory as a plain Python day loop (reference for tests and benchmarks)."""
    days = (end - start).days + 1
    out: dict[Resource, list[float]] = {}
    r = params.rates

    def step_value(changes: Sequence[tuple[dt.date, float]], day: dt.date, base: float) -> float:
        v = base
        for since, val in sorted(changes, key=lambda c: c[0]):
            if since <= day:
                v = val
        return v

    def rate_value(name: str, day: dt.date) -> float:
        v = _base_rate(r, name)
        for c in sorted(plan.rate_changes, key=lambda c: c.since):
            if c.name == name and c.since <= day and (c.until is None or day < c.until):
                v = c.value
        return v

    crew_ch = [(d, float(n)) for d, n in plan.crew]
    for res in RESOURCES:
        vals: list[float] = []
        level = 0.0
        need0 = 0.0
        for i in range(days):
            day = start + dt.timedelta(days=i)
            crew = step_value(crew_ch, day, crew_ch[0][1] if crew_ch else 0.0)
            if res == "propellant":
                need = rate_value("propellant_per_day", day)
                draw = need
            else:
                need = crew * r.per_crew_day[res] * rate_value(USE_RATES[res], day)
                if res == "water":
                    draw = need * (1.0 - rate_value("water_recovery", day))
                elif res == "oxygen":
                    draw = max(0.0, need - rate_value("oxygen_generation", day))
                else:
                    draw = need
            if i == 0:
                usual = need if res == "propellant" else crew * r.per_crew_day[res]
                level = params.stock_days[res] * usual
                need0 = need
            inflow = sum(d.amounts.get(res, 0.0) for d in plan.deliveries if d.date == day)
            inflow *= params.delivery_scale.get(res, 1.0)
            known = sum(
                d.amounts.get(res, 0.0)
                for d in plan.deliveries
                if d.date == day and d.flown and res not in STOCKED_RESOURCES
            )
            known *= params.delivery_scale.get(res, 1.0)
            inflow -= known
            level += known
            if inflow > 0 and params.normal_days is not None and res in FILLED_RESOURCES:
                ceiling = params.normal_days * max(need, need0)
                inflow = min(inflow, max(0.0, ceiling - level))
            level = max(0.0, level + inflow - draw)
            vals.append(min(level / need, DAYS_CAP) if need > 0 else DAYS_CAP)
        out[res] = vals
    return out


def with_deliveries(plan: Plan, deliveries: Sequence[Delivery]) -> Plan:
    """A copy of plan with other deliveries, sorted by date."""
    return replace(plan, deliveries=tuple(sorted(deliveries, key=lambda d: (d.date, d.key))))
