"""Crew aboard over time: the station record's levels, then the crew flights.

Up to the station record's last recorded level, the crew is what it records. After it, each
crew flight adds its people on arrival, and they leave when they are recorded as gone, else
when the next flight of the same vehicle arrives (a rotation; the short handover is not
modelled), but no longer than the stay limit given per vehicle — so a crew flight that slips
moves the crew change with it, and one that is lost leaves the station short once the crew
before it has to go home. Short private visits are not crew changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from commands.whatif.model import Delivery

MAX_CREW = 13


def stays(
    flights: Sequence[Delivery], stay_limits: Mapping[str, int]
) -> list[tuple[Delivery, dt.date | None]]:
    """Each crew flight with the day its crew leaves (None: still aboard at the end)."""
    chains: dict[str, list[Delivery]] = {}
    for f in sorted(flights, key=lambda f: (f.date, f.key)):
        if f.crew > 0:
            chains.setdefault(f.vehicle, []).append(f)
    out: list[tuple[Delivery, dt.date | None]] = []
    for vehicle, chain in chains.items():
        limit = stay_limits.get(vehicle)
        for i, f in enumerate(chain):
            ends: list[dt.date] = []
            if f.leaves is not None:
                ends.append(f.leaves)
            else:
                if i + 1 < len(chain):
                    ends.append(chain[i + 1].date)
                if limit is not None:
                    ends.append(f.date + dt.timedelta(days=limit))
            out.append((f, min(ends) if ends else None))
    return out


def _events(flights: Sequence[Delivery], stay_limits: Mapping[str, int]) -> dict[dt.date, int]:
    """People arriving (+) and leaving (-) by day, from the crew flights."""
    out: dict[dt.date, int] = {}
    for f, leaves in stays(flights, stay_limits):
        if leaves is not None and leaves <= f.date:
            continue  # never aboard
        out[f.date] = out.get(f.date, 0) + f.crew
        if leaves is not None:
            out[leaves] = out.get(leaves, 0) - f.crew
    return out


def crew_levels(
    recorded: Sequence[tuple[dt.date, int]],
    flights: Sequence[Delivery],
    stay_limits: Mapping[str, int],
    start: dt.date,
    unchanged: Sequence[Delivery] | None = None,
) -> tuple[tuple[dt.date, int], ...]:
    """Step changes of the crew aboard.

    The unchanged plan: the recorded levels, then the crew flights' arrivals and departures
    after the last recorded level. A scenario (flights differing from `unchanged`, the
    unchanged plan's flights): the unchanged plan's levels plus the difference its flights
    make on every day, before the last recorded level too (a crew flight that had slipped).
    """
    steps = sorted(recorded) or [(start, 0)]
    last = steps[-1][0]
    base = _events(flights if unchanged is None else unchanged, stay_limits)
    diff: dict[dt.date, int] = {}
    if unchanged is not None:
        for day, n in _events(flights, stay_limits).items():
            diff[day] = diff.get(day, 0) + n
        for day, n in base.items():
            diff[day] = diff.get(day, 0) - n
    days = sorted({d for d, _ in steps} | {d for d in base if d > last} | set(diff))
    out: list[tuple[dt.date, int]] = []
    level = 0
    for day in days:
        recorded_level = [n for d, n in steps if d <= day]
        if day <= last:
            value = recorded_level[-1] if recorded_level else steps[0][1]
        else:
            value = steps[-1][1] + sum(n for d, n in base.items() if last < d <= day)
        value += sum(n for d, n in diff.items() if d <= day)
        value = max(0, min(MAX_CREW, value))
        if not out or value != level:
            out.append((day, value))
            level = value
    return tuple(out)


def with_crew_edits(
    levels: Sequence[tuple[dt.date, int]],
    edits: Sequence[tuple[dt.date, int | None, int, dt.date | None]],
) -> tuple[tuple[dt.date, int], ...]:
    """Levels after crew edits (since, set to or changed by, until: None for good), applied
    in order; a change that ends gives back the levels it replaced from its end on."""
    out = sorted(levels)
    for since, crew, delta, until in edits:
        before = [(d, n) for d, n in out if d < since]
        at = level_on(out, since)
        resumed: list[tuple[dt.date, int]] = []
        if until is not None and until > since:
            resumed = [(until, level_on(out, until)), *((d, n) for d, n in out if d > until)]
        during = [(d, n) for d, n in out if since < d and (until is None or d < until)]
        if crew is not None:
            out = [*before, (since, crew), *resumed]
        else:
            after = [(d, max(0, min(MAX_CREW, n + delta))) for d, n in during]
            out = [*before, (since, max(0, min(MAX_CREW, at + delta))), *after, *resumed]
    return tuple(out)


def level_on(levels: Sequence[tuple[dt.date, int]], day: dt.date) -> int:
    """The crew aboard on a day."""
    n = levels[0][1] if levels else 0
    for since, crew in sorted(levels):
        if since <= day:
            n = crew
    return n


def same_levels(
    a: Sequence[tuple[dt.date, int]], b: Sequence[tuple[dt.date, int]], start: dt.date
) -> bool:
    """Whether two crew levels agree on every day from start (however their steps are
    written)."""
    days = {start} | {d for d, _ in (*a, *b) if d >= start}
    return all(level_on(a, d) == level_on(b, d) for d in days)
