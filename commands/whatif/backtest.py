"""The back-test: the recorded flights replayed through the supply model, against history.

History says no reserve was breached while the fact base records the station: the crew
stayed, reboosts went on, and the long gaps of 2025-2026 (no Progress from September 2025 to
March 2026 while Baikonur's pad was repaired; no US cargo ship from HTV-X1 in October 2025 to
NG-24 in April 2026) were bridged. `replay` runs the model over exactly what flew (missions
recorded as launched, docked or completed) and the station record's crew levels, from the
stock date to the base's as-of date, at the middle and at both ends of the estimates;
`gaps` measures the longest recorded gap between deliveries of each kind. The test
tests/commands/whatif/test_backtest.py fails when the model puts recorded history below the
reserve. `python -m commands.whatif.backtest` prints the same numbers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from commands.whatif.model import (
    RESOURCES,
    End,
    ModelError,
    Plan,
    Resource,
    Run,
    all_flights,
    params_from,
    run,
)
from knowledge.base import KnowledgeBase
from knowledge.schema import Station

FLOWN = ("launched", "docked", "completed")
ENDS: tuple[End, ...] = ("mid", "worse", "better")


@dataclass(frozen=True)
class Gap:
    """The longest stretch between two recorded deliveries of one kind."""

    kind: str  # "propellant (Progress)" | "US and Japanese cargo"
    after: str  # the flight before the gap
    before: str  # the flight that ended it
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        """Its length in days."""
        return (self.end - self.start).days


def flown_plan(
    kb: KnowledgeBase, end: End = "mid", station: Station | None = None
) -> tuple[Plan, dt.date, dt.date]:
    """The plan of what flew, the stock date and the last day history covers (the base's
    as-of date); station: another station record to try (default: the base's)."""
    station = station or kb.station
    if station is None:
        raise ModelError("the fact base has no station record (station.yaml)")
    params = params_from(station, end)
    flights = tuple(
        d
        for d in all_flights(kb, params)
        if d.mission is not None
        and kb.missions[d.mission].status in FLOWN
        and d.date >= params.stock_date
        and any(d.amounts.values())
    )
    return Plan(flights, params.crew), params.stock_date, kb.as_of


def replay(kb: KnowledgeBase, station: Station | None = None) -> dict[End, Run]:
    """The recorded history run at the middle and both ends of the estimates (station:
    another station record to try, default the base's)."""
    station = station or kb.station
    if station is None:
        raise ModelError("the fact base has no station record (station.yaml)")
    out: dict[End, Run] = {}
    for end in ENDS:
        plan, start, last = flown_plan(kb, end, station)
        out[end] = run(params_from(station, end), plan, start, last)
    return out


def gaps(kb: KnowledgeBase, since: dt.date) -> list[Gap]:
    """The longest gap between flown cargo deliveries since a date: Progress (the only
    propellant for the Russian segment) and the other cargo ships."""
    station = kb.station
    if station is None:
        return []
    flights = [
        d
        for d in all_flights(kb, params_from(station))
        if d.mission is not None
        and kb.missions[d.mission].status in FLOWN
        and kb.missions[d.mission].kind == "cargo"
        and d.date <= kb.as_of
    ]
    out: list[Gap] = []
    for kind, refuels in (("propellant (Progress)", True), ("US and Japanese cargo", False)):
        mine = sorted(
            (
                d
                for d in flights
                if (v := kb.vehicles.get(d.vehicle)) is not None
                and v.refuels_russian_segment == refuels
            ),
            key=lambda d: d.date,
        )
        pairs = [(a, b) for a, b in itertools.pairwise(mine) if b.date >= since]
        if pairs:
            a, b = max(pairs, key=lambda p: (p[1].date - p[0].date).days)
            out.append(Gap(kind, a.label, b.label, a.date, b.date))
    return out


def lowest(r: Run) -> dict[Resource, tuple[float, dt.date]]:
    """Each resource's lowest days of supply and its day."""
    return {res: (x.min_days, x.min_date) for res, x in r.results.items() if res in RESOURCES}


def main() -> None:
    """Print the back-test: the lowest margin of each resource over recorded history."""
    from knowledge import load

    kb = load()
    runs = replay(kb)
    first = runs["mid"]
    last = first.start + dt.timedelta(days=first.days - 1)
    print(f"Recorded history {first.start} to {last}, reserve {first.reserve_days:g} days")
    for res in RESOURCES:
        cells = []
        for end in ENDS:
            x = runs[end].results[res]
            cells.append(f"{end} {x.min_days:.0f} d ({x.min_date})")
        print(f"  {res:<10} lowest: " + ", ".join(cells))
    for g in gaps(kb, first.start - dt.timedelta(days=365)):
        print(f"  longest {g.kind} gap: {g.after} {g.start} -> {g.before} {g.end}, {g.days} days")


if __name__ == "__main__":
    main()
