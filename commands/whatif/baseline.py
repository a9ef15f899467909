"""What one fact base gives the model, computed once per base: parameters, the recorded
flights, each vehicle's cadence and the unchanged plan (recorded, then projected)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from commands.whatif.edits import FlightRef, Scenario
from commands.whatif.model import (
    Delivery,
    End,
    ModelError,
    Params,
    all_flights,
    params_from,
)
from commands.whatif.projection import Cadence, cadences, short_name
from knowledge.base import KnowledgeBase
from knowledge.schema import PENDING

if TYPE_CHECKING:
    from commands.whatif.apply import Applied

# A crew waiting for its relief stays up to this long past its vehicle's typical stay.
EXTENSION_DAYS = 90


@dataclass(frozen=True)
class Prepared:
    """The model's inputs for one fact base, with or without projected routine traffic."""

    kb: KnowledgeBase
    params: Params
    projection: bool
    recorded: tuple[Delivery, ...]  # every recorded flight, cargo and crew, any date
    cadences: tuple[Cadence, ...]
    stay_limits: Mapping[str, int]
    # The parameters at the pessimistic and optimistic ends of the estimates' ranges.
    ends: Mapping[End, Params] = dataclasses.field(default_factory=dict)

    @cached_property
    def baseline(self) -> Applied:
        """The unchanged plan: recorded flights, then projected ones; crew from the flights."""
        from commands.whatif.apply import apply

        return apply(Scenario(()), self, self.params.stock_date)

    def cadence(self, vehicle: str) -> Cadence | None:
        """A vehicle's projected cadence, if it has one."""
        return next((c for c in self.cadences if c.vehicle == vehicle), None)

    def next_flight(self, vehicle: str, today: dt.date) -> FlightRef | None:
        """The vehicle's next flight (see next_flights)."""
        got = self.next_flights(vehicle, today, 1)
        return got[0] if got else None

    def next_flights(self, vehicle: str, today: dt.date, n: int) -> list[FlightRef]:
        """The vehicle's next n flights: its recorded flights still to fly, then its projected
        ones from today."""
        how = f"the next {short_name(self.kb, vehicle)}"
        pending = sorted(
            (
                d
                for d in self.recorded
                if d.vehicle == vehicle
                and d.mission is not None
                and self.kb.missions[d.mission].status in PENDING
            ),
            key=lambda d: (d.date, d.key),
        )
        out = [FlightRef(d.key, d.label, vehicle, how, due=d.date) for d in pending[:n]]
        for d in self.baseline.plan.deliveries:
            if len(out) >= n:
                break
            if d.vehicle == vehicle and d.projected and d.date >= today:
                slot = int(d.key.rsplit("-", 1)[1])
                out.append(FlightRef(d.key, d.label, vehicle, how, slot, d.date))
        short = short_name(self.kb, vehicle)
        later = (f"the {short} after it", f"the {short} after that")
        return [
            f if i == 0 else dataclasses.replace(f, how=later[min(i, 2) - 1])
            for i, f in enumerate(out)
        ]


_CACHE: dict[tuple[int, bool], Prepared] = {}
_LOCK = threading.Lock()


def prepare(kb: KnowledgeBase, projection: bool = True) -> Prepared:
    """The model's inputs for kb (cached per base); ModelError when the base lacks them."""
    key = (id(kb), projection)
    with _LOCK:
        got = _CACHE.get(key)
        if got is not None and got.kb is kb:
            return got
    station = kb.station
    if station is None:
        raise ModelError("the fact base has no station record (station.yaml)")
    params = params_from(station)
    recorded = all_flights(kb, params)
    stay: dict[str, int] = {}
    for v in kb.vehicles.values():
        if v.typical_stay_days is not None and v.kind == "crew-spacecraft":
            a = v.typical_stay_days
            stay[v.id] = round(a.high if a.high is not None else a.mid) + EXTENSION_DAYS
    ends = {end: params_from(station, end) for end in ("worse", "better")}
    prep = Prepared(
        kb,
        params,
        projection,
        recorded,
        cadences(kb, recorded) if projection else (),
        stay,
        ends,  # type: ignore[arg-type]
    )
    _ = prep.baseline
    with _LOCK:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = prep
    return prep
