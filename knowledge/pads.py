"""What a pad's recorded history says: when it was last damaged, when it reopened, who flies
from it."""

from __future__ import annotations

import datetime as dt

from knowledge.base import KnowledgeBase

REOPENING_KINDS = ("repaired", "reopened", "returned-to-service")
_OUT_OF_USE = ("damaged", "under-repair")


def last_damage(kb: KnowledgeBase, pad_id: str) -> dt.date | None:
    """The pad's most recent recorded damage (history or current status), or None."""
    pad = kb.pads.get(pad_id)
    if pad is None:
        return None
    hits = [e.date.start for e in pad.history if "damag" in e.kind or "damag" in e.what.lower()]
    if pad.status in _OUT_OF_USE and pad.status_since is not None:
        hits.append(pad.status_since.start)
    return max(hits) if hits else None


def reopened(kb: KnowledgeBase, pad_id: str, since: dt.date) -> dt.date | None:
    """When the pad was recorded back in use after `since` (repaired, else active again)."""
    pad = kb.pads.get(pad_id)
    if pad is None:
        return None
    hits = [e.date.start for e in pad.history if e.kind in REOPENING_KINDS and e.date.start > since]
    if hits:
        return min(hits)
    if pad.status == "active" and pad.status_since is not None and pad.status_since.start > since:
        return pad.status_since.start
    return None


def last_closure(kb: KnowledgeBase, pad_id: str) -> tuple[dt.date, dt.date] | None:
    """The pad's last recorded closure: (damaged, back in use), when both are recorded."""
    down = last_damage(kb, pad_id)
    if down is None:
        return None
    up = reopened(kb, pad_id, down)
    return (down, up) if up is not None else None


def out_of_use(kb: KnowledgeBase) -> list[str]:
    """Ids of the pads recorded as damaged or under repair now."""
    return [p.id for p in kb.pads.values() if p.status in _OUT_OF_USE]


def flown_from(kb: KnowledgeBase, vehicle_id: str) -> str | None:
    """The pad a vehicle flies from: that of its latest recorded mission, else its first
    active listed pad, else its first listed pad."""
    latest: tuple[dt.date, str] | None = None
    for m in kb.missions.values():
        if m.vehicle != vehicle_id or m.pad is None or m.pad not in kb.pads:
            continue
        dates = [e.date.start for e in m.events] + [s.planned.start for s in m.schedule]
        if dates and (latest is None or max(dates) > latest[0]):
            latest = (max(dates), m.pad)
    if latest is not None:
        return latest[1]
    veh = kb.vehicles.get(vehicle_id)
    if veh is None or not veh.pads:
        return None
    active = [p for p in veh.pads if p in kb.pads and kb.pads[p].status == "active"]
    return (active or list(veh.pads))[0]
