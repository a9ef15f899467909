"""ISS flights LL2 lists that the base lacks: a new mission record when its series (or the
spacecraft its name mentions) says what it is; otherwise listed for the curator."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from knowledge.base import KnowledgeBase
from knowledge.ll2 import Launch, designators
from knowledge.proposal import (
    LL2_BY,
    Change,
    Proposal,
    Unplaced,
    entry,
    kebab,
    source_id,
    source_record,
    utc_day,
    why,
)
from knowledge.schema import Mission, Source
from knowledge.search import SearchIndex, fold
from knowledge.yamledit import NewRecord

_KINDS_BY_TYPE = {"resupply": "cargo", "human exploration": "crew", "tourism": "crew"}


def _family_key(text: str) -> str:
    """A name with its numbers blanked: "Progress MS-36" and "Progress MS-34" share one."""
    return re.sub(r"\d+", "#", fold(text))


def _family(kb: KnowledgeBase, index: SearchIndex, payload: str) -> tuple[list[Mission], str]:
    """Earlier flights of the series the payload belongs to, and the name it takes in it.

    "Progress MS-36" belongs with Progress MS-28…34; "Dragon CRS-2 SpX-36" with the CRS
    missions (by their alias SpX-35) and is named "CRS-36". The payload's designators are
    tried from the last (the flight number: "CRS-2" is a contract), and a series whose
    spacecraft is not the one the payload names (Cygnus) is not taken.
    """
    named = {x.record_id for x in _spacecraft(kb, index, payload)}
    for cand in [payload, *reversed(designators(payload))]:
        key = _family_key(cand)
        if "#" not in key:
            continue
        family = [
            m
            for m in kb.missions.values()
            if any(_family_key(n) == key for n in (m.name, *m.aliases))
        ]
        if not family or (named and not {m.vehicle for m in family} <= named):
            continue
        numbers = re.findall(r"\d+", cand)
        template = family[0].name
        same = {_family_key(m.name) for m in family}
        if len(numbers) == 1 and len(same) == 1 and len(re.findall(r"\d+", template)) == 1:
            return family, re.sub(r"\d+", numbers[0], template)
        return family, payload
    return [], payload


def _spacecraft(kb: KnowledgeBase, index: SearchIndex, text: str) -> list[Any]:
    """Spacecraft (not rockets) the text names: "Cygnus" in "Cygnus CRS-2 NG-25"."""
    return [
        x
        for x in index.find_mentions(text, kinds=("vehicle",))
        if kb.vehicles[x.record_id].kind != "launch-vehicle"
    ]


def _shared(values: Iterable[str | None]) -> str | None:
    found = {v for v in values if v}
    return found.pop() if len(found) == 1 else None


def _find(index: SearchIndex, kb: KnowledgeBase, text: str, kind: str) -> str | None:
    """The one vehicle or pad a name from LL2 confidently means."""
    if not text:
        return None
    result = index.search(text, kinds=("pad",) if kind == "pad" else ("vehicle",))
    if result.best is None:
        return None
    rid = result.best.record_id
    if kind == "launcher" and kb.vehicles[rid].kind != "launch-vehicle":
        return None
    return rid


def propose_new(
    kb: KnowledgeBase, index: SearchIndex, launch: Launch, today: dt.date, out: Proposal
) -> None:
    """Propose a mission record for an unmatched launch, or list why it cannot be."""
    if not launch.is_iss:
        out.ignored.append(Unplaced(launch, "not an ISS flight"))
        return
    family, name = _family(kb, index, launch.payload)
    vehicle = _shared(m.vehicle for m in family)
    if vehicle is None:
        vehicle = _shared(x.record_id for x in _spacecraft(kb, index, launch.payload))
    kind = _shared(m.kind for m in family) or _KINDS_BY_TYPE.get(launch.mission_type.lower())
    if vehicle is None or kind is None:
        what = "its spacecraft" if vehicle is None else "whether it is a cargo or crew flight"
        out.unmatched.append(
            Unplaced(launch, f"an ISS flight the base lacks; could not tell {what}: add it by hand")
        )
        return
    rid = kebab(name)
    sid = source_id(launch)
    record: dict[str, Any] = {"id": rid, "name": name}
    if name != launch.payload:  # LL2's name as an alias: the next update finds it by that
        record["aliases"] = [launch.payload]
    record["vehicle"] = vehicle
    launcher = _find(index, kb, launch.rocket, "launcher") or _shared(m.launcher for m in family)
    pad = _find(index, kb, launch.pad, "pad") or _shared(m.pad for m in family)
    operator = _shared(m.operator for m in family)
    record |= {k: v for k, v in (("launcher", launcher), ("pad", pad)) if v}
    record["kind"] = kind
    if operator:
        record["operator"] = operator
    record["summary"] = (
        f"Added from {LL2_BY} by capcom update on {today.isoformat()} and not yet reviewed by a "
        f"curator: LL2 lists {launch.name} for {launch.date.text()} ({launch.status_name})."
    )
    flown = launch.flown
    record["status"] = (
        ("failed" if launch.state == "failure" else "launched") if flown else "planned"
    )
    record["status_as_of"] = launch.updated
    planned = utc_day(launch.net) if flown else launch.date
    record["schedule"] = [{**entry(launch, sid), "planned": planned}]
    if flown:
        record["events"] = [
            {
                "date": utc_day(launch.net),
                "kind": "launched",
                "what": f"Launched on {launch.rocket} ({LL2_BY}: {launch.status_name})",
                "sources": [sid],
            }
        ]
    record["sources"] = [sid]
    try:
        Mission.model_validate(record)
        Source.model_validate(source_record(launch, today))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        out.problems.append(
            f"{launch.name}: the proposed mission record is invalid: {where}: {first['msg']}"
        )
        return
    if rid in kb.kinds or any(r.data.get("id") == rid for r in out.new_records):
        out.problems.append(f"{launch.name}: a record with id '{rid}' already exists")
        return
    out.cite(launch, today)
    after = max(family, key=lambda m: kb.origins.get(m.id, ("", 0))[1]).id if family else None
    out.new_records.append(
        NewRecord(
            "mission",
            record,
            after=after,
            comment=f"Proposed by capcom update ll2 on {today.isoformat()} from {LL2_BY}: "
            "review it, then delete this line.",
        )
    )
    out.changes.append(
        Change(
            rid,
            name,
            "new-mission",
            f"new mission: {name} ({kind}, {vehicle}), {record['status']}, "
            f"{'launched' if flown else 'planned'} {planned.text()}",
            why(launch),
        )
    )
