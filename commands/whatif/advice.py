"""Fewest extra flights (which vehicle, arriving by when) that keep every resource above reserve.

Greedy: take the earliest reserve crossing, add one flight of the active cargo vehicle that
delivers the most of that resource (and whose pad is open then) arriving the day before the
crossing, run again; repeat up to MAX_FLIGHTS. A resource no vehicle can deliver (propellant
while every Progress pad is down) is reported as such rather than papered over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from commands.whatif.model import (
    LABELS,
    Delivery,
    Params,
    Plan,
    Resource,
    Run,
    load_of,
    run,
    with_deliveries,
)
from knowledge.base import KnowledgeBase
from knowledge.schema import Vehicle

MAX_FLIGHTS = 12


@dataclass(frozen=True)
class ExtraFlight:
    """One flight the advice adds."""

    vehicle: str
    vehicle_name: str
    by: dt.date
    resource: Resource


@dataclass(frozen=True)
class Advice:
    """The flights that close every gap, or why they cannot."""

    flights: tuple[ExtraFlight, ...]
    closed: bool  # True when every resource stays above reserve with these flights
    blocked: tuple[str, ...] = ()  # sentences: gaps no vehicle can close

    def text(self) -> str:
        """One sentence, e.g. "1 extra Progress MS arriving by 2026-05-13"."""
        if not self.flights and not self.blocked:
            return "No extra flight needed."
        parts: list[str] = []
        groups: dict[str, list[ExtraFlight]] = {}
        for f in self.flights:
            groups.setdefault(f.vehicle_name, []).append(f)
        for name, fl in groups.items():
            whens = ", ".join(f.by.isoformat() for f in fl)
            n = len(fl)
            parts.append(f"{n} extra {name} flight{'s' if n > 1 else ''} arriving by {whens}")
        out = "; ".join(parts)
        if self.flights and not self.closed:
            n = len(self.flights)
            out += f" (still not enough after {n} flight{'s' if n > 1 else ''})"
        if self.blocked:
            out = (out + ". " if out else "") + " ".join(self.blocked)
        return out


Span = tuple[str, dt.date, dt.date]  # (pad or vehicle id, from, until)


def _can_fly(
    vehicle: Vehicle, when: dt.date, closed: Sequence[Span], grounded: Sequence[Span]
) -> bool:
    """Whether the vehicle can fly on a day: not grounded, and one of its pads open."""
    if any(v == vehicle.id and a <= when < b for v, a, b in grounded):
        return False
    if not vehicle.pads:
        return True
    return any(not any(p == pad and a <= when < b for p, a, b in closed) for pad in vehicle.pads)


def candidates(kb: KnowledgeBase, params: Params) -> list[tuple[Vehicle, dict[Resource, float]]]:
    """Active cargo vehicles and what one typical flight of each delivers."""
    out = []
    for v in kb.vehicles.values():
        if v.kind != "cargo-spacecraft" or v.status != "active":
            continue
        out.append((v, load_of(params, v, None)))
    return out


def advise(
    kb: KnowledgeBase,
    params: Params,
    plan: Plan,
    result: Run,
    end: dt.date,
    closed_pads: Sequence[Span] = (),
    deadlines: Mapping[Resource, dt.date] | None = None,
    grounded: Sequence[Span] = (),
) -> Advice:
    """The fewest extra flights that keep every resource above the reserve line.

    deadlines: per resource, the day from which a crossing no longer counts (the recorded
    plan's own crossing), so the advice closes the gap a scenario opens, not the fact base's
    lack of far-future flights.
    """
    limits = dict(deadlines or {})

    def counted(run_: Run) -> list[tuple[dt.date, Resource]]:
        return [
            (d, r)
            for d, r in run_.crossings()
            if r not in blocked_res and (r not in limits or d < limits[r])
        ]

    cands = candidates(kb, params)
    flights: list[ExtraFlight] = []
    blocked: list[str] = []
    blocked_res: set[str] = set()
    current = result
    deliveries = list(plan.deliveries)
    for _ in range(MAX_FLIGHTS):
        crossings = counted(current)
        if not crossings:
            return Advice(tuple(flights), True, tuple(blocked))
        when, res = crossings[0]
        by = when - dt.timedelta(days=1)
        if by < current.start:
            blocked.append(
                f"{LABELS[res]} is below the reserve from the model's start: "
                "no flight can fix that."
            )
            blocked_res.add(res)
            continue
        able = [(v, load[res]) for v, load in cands if load.get(res, 0.0) > 0]
        open_ = [(v, kg) for v, kg in able if _can_fly(v, by, closed_pads, grounded)]
        if not open_:
            names = ", ".join(v.name for v, _ in able) or "no active cargo vehicle"
            blocked.append(
                f"{LABELS[res]}: only {names} can deliver it, and "
                + ("none can fly then." if able else "none is recorded as able to.")
            )
            blocked_res.add(res)
            continue
        veh, _kg = max(open_, key=lambda vk: (vk[1], vk[0].id))
        flights.append(ExtraFlight(veh.id, veh.name, by, res))
        deliveries.append(
            Delivery(
                f"advice-{len(flights)}",
                f"extra {veh.name}",
                veh.id,
                veh.pads[0] if veh.pads else None,
                by,
                load_of(params, veh, None),
            )
        )
        current = run(params, with_deliveries(plan, deliveries), current.start, end)
    remaining = counted(current)
    return Advice(tuple(flights), not remaining, tuple(blocked))
