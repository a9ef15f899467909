"""Routine traffic past the last recorded flight, projected from each vehicle's recorded cadence.

For each active vehicle with at least two recorded ISS flights in the two years before its
last one: the interval is the median gap between those flights, the load the mean of what
they carried (cargo per resource, people). Projected flights follow the vehicle's last
recorded flight at that interval. A projected flight that falls while the vehicle cannot fly
(its pad down, the vehicle grounded) waits for the end, and the cadence resumes from there;
a lost projected flight leaves its slot empty and the cadence carries on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from commands.whatif.model import RESOURCES, Delivery, Resource
from knowledge.base import KnowledgeBase
from knowledge.pads import flown_from

CADENCE_WINDOW_DAYS = 730  # a vehicle's recent flights: the two years before its last one
MIN_INTERVAL_DAYS = 30
MAX_SLOTS = 200
_FLYING_KINDS = ("cargo-spacecraft", "crew-spacecraft", "spaceplane")


@dataclass(frozen=True)
class Cadence:
    """A vehicle's routine traffic as measured from its recent recorded flights."""

    vehicle: str
    short: str  # "Progress"
    interval: int  # days between flights
    amounts: Mapping[Resource, float]
    crew: int
    pad: str | None
    measured: int  # how many recent flights it was measured from
    last: dt.date  # the vehicle's last recorded flight

    def every(self) -> str:
        """ "every ~4 months" (or weeks, for short intervals)."""
        if self.interval < 45:
            return f"every ~{max(1, round(self.interval / 7))} weeks"
        months = round(self.interval / 30.44)
        return f"every ~{months} month{'s' if months != 1 else ''}"


def short_name(kb: KnowledgeBase, vehicle: str) -> str:
    """A vehicle's everyday name: the shortest of its names starting with its name's first
    word ("Progress", "Soyuz", "Cargo Dragon", "Cygnus")."""
    veh = kb.vehicles.get(vehicle)
    if veh is None:
        return vehicle
    first = veh.name.split()[0]
    names = [n for n in (veh.name, *veh.aliases) if n.split() and n.split()[0] == first]
    return min(names, key=len) if names else veh.name


def cadences(kb: KnowledgeBase, recorded: Sequence[Delivery]) -> tuple[Cadence, ...]:
    """The cadence of every active vehicle with at least two recent recorded ISS flights."""
    by_vehicle: dict[str, list[Delivery]] = {}
    for d in recorded:
        veh = kb.vehicles.get(d.vehicle)
        if veh is None or veh.status != "active" or veh.kind not in _FLYING_KINDS:
            continue
        by_vehicle.setdefault(d.vehicle, []).append(d)
    out: list[Cadence] = []
    for vehicle, flights in sorted(by_vehicle.items()):
        flights.sort(key=lambda d: (d.date, d.key))
        last = flights[-1].date
        recent = [d for d in flights if (last - d.date).days <= CADENCE_WINDOW_DAYS]
        days = sorted({d.date for d in recent})
        gaps = [(b - a).days for a, b in itertools.pairwise(days)]
        if not gaps:
            continue
        interval = max(MIN_INTERVAL_DAYS, round(statistics.median(gaps)))
        amounts = {r: statistics.fmean(d.amounts.get(r, 0.0) for d in recent) for r in RESOURCES}
        crew = round(statistics.median(d.crew for d in recent))
        pad = flights[-1].pad or flown_from(kb, vehicle)
        out.append(
            Cadence(
                vehicle, short_name(kb, vehicle), interval, amounts, crew, pad, len(recent), last
            )
        )
    return tuple(out)


def project(
    c: Cadence,
    anchor: dt.date,
    end: dt.date,
    held: Sequence[tuple[dt.date, dt.date]] = (),
    lost: frozenset[int] = frozenset(),
    moved: Mapping[int, Callable[[dt.date], dt.date]] | None = None,
) -> list[Delivery]:
    """The vehicle's projected flights after anchor through end.

    held: (from, until) spans in which the vehicle cannot fly; lost: slot numbers that do not
    fly; moved: slot number -> the new date given its projected one.
    """
    out: list[Delivery] = []
    t = anchor
    for k in range(1, MAX_SLOTS + 1):
        d = t + dt.timedelta(days=c.interval)
        if moved and k in moved:
            d = moved[k](d)
        changed = True
        while changed:
            changed = False
            for a, b in held:
                if a <= d < b:
                    d, changed = b, True
        if d > end:
            break
        t = d
        if k in lost:
            continue
        out.append(
            Delivery(
                slot_key(c.vehicle, k),
                f"{c.short} (projected)",
                c.vehicle,
                c.pad,
                d,
                dict(c.amounts),
                None,
                projected=True,
                crew=c.crew,
            )
        )
    return out


def slot_key(vehicle: str, slot: int) -> str:
    """The key of a vehicle's n-th projected flight."""
    return f"projected-{vehicle}-{slot}"
