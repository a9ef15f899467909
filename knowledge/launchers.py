"""What a launcher's recorded history says: its failures and when it flew again."""

from __future__ import annotations

import datetime as dt

from knowledge.base import KnowledgeBase

FAILURE_KINDS = ("failure",)
FLIGHT_KINDS = ("flight", "return-to-flight")


def returns_to_flight(kb: KnowledgeBase, vehicle_id: str) -> list[tuple[dt.date, dt.date]]:
    """Each recorded failure of a vehicle with the next recorded flight after it: (failed,
    flew again), oldest first."""
    veh = kb.vehicles.get(vehicle_id)
    if veh is None:
        return []
    events = sorted(veh.events, key=lambda e: e.date.start)
    out = []
    for i, e in enumerate(events):
        if e.kind not in FAILURE_KINDS:
            continue
        failed = e.date.start
        again = next(
            (
                x.date.start
                for x in events[i + 1 :]
                if x.kind in FLIGHT_KINDS and x.date.start > failed
            ),
            None,
        )
        if again is not None:
            out.append((failed, again))
    return out


def last_return_to_flight(
    kb: KnowledgeBase, vehicle_id: str
) -> tuple[str, dt.date, dt.date] | None:
    """The vehicle's most recent recorded failure and return to flight, else the most recent
    one of any launch vehicle the base records: (vehicle id, failed, flew again), or None."""
    own = returns_to_flight(kb, vehicle_id)
    if own:
        return (vehicle_id, *own[-1])
    others = [
        (failed, again, vid)
        for vid, v in kb.vehicles.items()
        if v.kind == "launch-vehicle"
        for failed, again in returns_to_flight(kb, vid)
    ]
    if not others:
        return None
    failed, again, vid = max(others)
    return vid, failed, again
