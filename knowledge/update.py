"""What LL2 launches propose for the fact base: schedule entries, outcomes, new ISS missions, and
disputes where LL2 disagrees with a curated value. Proposals only; the curator decides."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.ll2 import Launch, designators
from knowledge.ll2match import LaunchMatch, match_launch
from knowledge.schema import Mission, Source
from knowledge.search import SearchIndex, fold
from knowledge.yamledit import Editor, NewRecord, RecordEdit, commit
from knowledge.yamlfile import Problem

ChangeKind = Literal["schedule", "outcome", "status", "confirmed", "new-mission", "dispute"]

LL2_BY = "Launch Library 2"
LL2_PUBLISHER = "The Space Devs (Launch Library 2)"
LL2_RELIABILITY = (
    "Community-maintained launch database (The Space Devs): dates and statuses gathered from "
    "agencies, providers and the press; good for schedules; check outcomes against a primary "
    "source."
)
SAME_DAY_DAYS = 1  # LL2 dates are UTC; a launch at 03:22 Baikonur time is the previous UTC day
PENDING = ("planned", "postponed")
FLOWN_STATUSES = ("launched", "docked", "completed")
_KINDS_BY_TYPE = {"resupply": "cargo", "human exploration": "crew", "tourism": "crew"}


@dataclass(frozen=True)
class Change:
    """One proposed change, for the review: what, from what to what, and why."""

    record_id: str
    name: str
    kind: ChangeKind
    what: str  # "schedule: 30 August 2026 -> 13 October 2026"
    why: str  # "Launch Library 2, updated 2026-10-10: NET 2026-10-13 14:40 UTC, Go for Launch"


@dataclass(frozen=True)
class Unplaced:
    """A launch that changes nothing: unmatched, ambiguous, or not an ISS flight."""

    launch: Launch
    reason: str
    candidates: tuple[str, ...] = ()


@dataclass
class Proposal:
    """Everything the launches propose, and the launches that could not be placed."""

    changes: list[Change] = field(default_factory=list)
    edits: dict[str, RecordEdit] = field(default_factory=dict)
    new_records: list[NewRecord] = field(default_factory=list)
    ambiguous: list[Unplaced] = field(default_factory=list)
    unmatched: list[Unplaced] = field(default_factory=list)
    ignored: list[Unplaced] = field(default_factory=list)
    unchanged: list[tuple[Launch, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _sources: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Whether nothing would be written."""
        return not self.edits and not self.new_records

    def edit(self, rid: str) -> RecordEdit:
        """The pending edit of record rid (created on first use)."""
        return self.edits.setdefault(rid, RecordEdit())

    def cite(self, launch: Launch, today: dt.date) -> str:
        """The id of the source record for this launch's LL2 data (planned once per run)."""
        sid = source_id(launch)
        if sid not in self._sources:
            record = source_record(launch, today)
            self._sources[sid] = record
            self.new_records.append(NewRecord("source", record))
        return sid


def kebab(text: str) -> str:
    """A kebab-case id from text: "Progress MS-36" -> "progress-ms-36"."""
    return re.sub(r"[^a-z0-9]+", "-", fold_ascii(text).lower()).strip("-")


def fold_ascii(text: str) -> str:
    """text with accents removed and other scripts dropped."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def source_id(launch: Launch) -> str:
    """ "ll2-dragon-crs-2-spx-35-20261010": the launch's payload and LL2's update day."""
    stem = kebab(launch.payload or launch.name)[:60].strip("-") or "launch"
    return f"ll2-{stem}-{launch.updated:%Y%m%d}"


def source_record(launch: Launch, today: dt.date) -> dict[str, Any]:
    """The sources.yaml record citing one LL2 launch as of its last update."""
    url = launch.url or f"https://ll.thespacedevs.com/2.3.0/launches/{launch.ll2_id}/"
    return {
        "id": source_id(launch),
        "title": f"Launch Library 2: {launch.name}",
        "publisher": LL2_PUBLISHER,
        "url": url,
        "date": launch.updated,
        "reliability": LL2_RELIABILITY,
        "note": (
            f"Read by capcom update ll2 on {today.isoformat()}; LL2 last_updated "
            f"{launch.last_updated:%Y-%m-%d %H:%M} UTC; status {launch.status_name}."
        ),
    }


def net_text(launch: Launch) -> str:
    """ "NET 2026-10-13 14:40 UTC (precision: Minute), Go for Launch"."""
    return (
        f"NET {launch.net.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC (precision: "
        f"{launch.precision_name}), {launch.status_name}"
    )


def _why(launch: Launch) -> str:
    return f"{LL2_BY}, updated {launch.updated.isoformat()}: {net_text(launch)}"


def _plan(m: Mission) -> FuzzyDate | None:
    return m.schedule[-1].planned if m.schedule else None


def _event(m: Mission, kind: str) -> FuzzyDate | None:
    return next((e.date for e in m.events if e.kind == kind), None)


def _day(when: dt.datetime) -> FuzzyDate:
    return FuzzyDate(when.astimezone(dt.UTC).date())


def _apart(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether two dates of a launch disagree by more than the UTC/local-time slack."""
    slack = dt.timedelta(days=SAME_DAY_DAYS)
    return b.start > a.end + slack or b.end < a.start - slack


def propose(
    kb: KnowledgeBase, index: SearchIndex, launches: Iterable[Launch], today: dt.date
) -> Proposal:
    """Match every launch to the base and propose what it changes (see the module docstring)."""
    out = Proposal()
    latest: dict[str, Launch] = {}
    for launch in launches:  # the same launch from two lists (or pages): its newest version
        old = latest.get(launch.ll2_id)
        if old is None or launch.last_updated > old.last_updated:
            latest[launch.ll2_id] = launch
    matches = [match_launch(kb, index, launch) for launch in latest.values()]
    claimed: dict[str, list[LaunchMatch]] = {}
    for lm in matches:
        if lm.kind == "matched" and lm.mission_id is not None:
            claimed.setdefault(lm.mission_id, []).append(lm)
    for lm in sorted(matches, key=lambda x: (x.launch.net, x.launch.name)):
        launch = lm.launch
        if lm.kind == "ambiguous":
            out.ambiguous.append(Unplaced(launch, lm.reason, lm.candidates))
        elif lm.kind == "unmatched":
            _unmatched(kb, index, launch, today, out)
        elif lm.mission_id is not None and len(claimed[lm.mission_id]) > 1:
            out.ambiguous.append(
                Unplaced(launch, "several LL2 launches name this mission", (lm.mission_id,))
            )
        elif lm.mission_id is not None:
            before = len(out.changes)
            _matched(kb, kb.missions[lm.mission_id], launch, today, out)
            if len(out.changes) == before:
                out.unchanged.append((launch, lm.mission_id))
    return out


def _matched(kb: KnowledgeBase, m: Mission, launch: Launch, today: dt.date, out: Proposal) -> None:
    """Decision order for a launch that is a known mission:

    1. LL2 says it has not flown: a pending mission gets LL2's date as a new schedule entry when
       it differs (a dispute instead when the curated plan is newer than LL2's data); a flown or
       cancelled mission gets a dispute when LL2's data is newer than the curated status.
    2. LL2 says it flew: a pending mission gets the launch (and dockings) as events and its new
       status; a recorded launch on another day, or another outcome, is a dispute.
    """
    if not launch.flown:
        if m.status in PENDING:
            _reschedule(m, launch, today, out)
        elif launch.updated > m.status_as_of:
            _dispute(
                m,
                launch,
                today,
                out,
                about=f"Whether {m.name} has flown",
                curated=f"Status {m.status} (as of {m.status_as_of.isoformat()}).",
                ll2=f"Launch Library 2 still lists it as not launched: {net_text(launch)}.",
            )
        return
    launched = _event(m, "launched")
    failed = launch.state == "failure"
    if m.status in PENDING and launched is None:
        _record_launch(m, launch, today, out)
        return
    if m.status == "cancelled":
        _dispute(
            m,
            launch,
            today,
            out,
            about=f"Whether {m.name} flew",
            curated=f"Cancelled (as of {m.status_as_of.isoformat()}).",
            ll2=f"Launch Library 2 lists a launch: {net_text(launch)}.",
        )
        return
    if launched is not None and _apart(launched, _day(launch.net)):
        _dispute(
            m,
            launch,
            today,
            out,
            about=f"{m.name} launch date",
            curated=f"Launched on {launched.text()}.",
            ll2=f"Launch Library 2 gives the launch as {net_text(launch)}.",
            curated_sources=next(e.sources for e in m.events if e.kind == "launched"),
        )
    if failed != (m.status == "failed"):
        _dispute(
            m,
            launch,
            today,
            out,
            about=f"{m.name} launch outcome",
            curated=f"Status {m.status} (as of {m.status_as_of.isoformat()}).",
            ll2=f"Launch Library 2 says: {launch.status_name}.",
        )
        return
    _dockings(m, launch, today, out)


def _cite_mission(m: Mission, sid: str, edit: RecordEdit) -> None:
    if sid not in m.sources and sid not in edit.append.get("sources", []):
        edit.add("sources", sid)


def _as_of(m: Mission, launch: Launch, edit: RecordEdit) -> None:
    """Move status_as_of up to LL2's update day (the mission's newest source)."""
    current = edit.set.get("status_as_of", m.status_as_of)
    if launch.updated > current:
        edit.set["status_as_of"] = launch.updated


def _reschedule(m: Mission, launch: Launch, today: dt.date, out: Proposal) -> None:
    plan = _plan(m)
    new = launch.date
    if plan == new:
        if launch.updated > m.status_as_of:  # LL2 confirms the plan more recently
            sid = out.cite(launch, today)
            edit = out.edit(m.id)
            _as_of(m, launch, edit)
            _cite_mission(m, sid, edit)
            out.changes.append(
                Change(
                    m.id,
                    m.name,
                    "confirmed",
                    f"still {new.text()}; status_as_of: {m.status_as_of.isoformat()} -> "
                    f"{launch.updated.isoformat()}",
                    _why(launch),
                )
            )
        return
    if plan is not None and launch.updated < m.status_as_of:
        _dispute(
            m,
            launch,
            today,
            out,
            about=f"{m.name} planned date",
            curated=f"Planned for {plan.text()} (as of {m.status_as_of.isoformat()}).",
            ll2=f"Launch Library 2 gives {new.text()}: {net_text(launch)}.",
            curated_sources=m.schedule[-1].sources,
        )
        return
    sid = out.cite(launch, today)
    edit = out.edit(m.id)
    edit.add("schedule", _entry(launch, sid))
    _as_of(m, launch, edit)
    _cite_mission(m, sid, edit)
    was = plan.text() if plan is not None else "no date"
    out.changes.append(
        Change(m.id, m.name, "schedule", f"schedule: {was} -> {new.text()}", _why(launch))
    )


def _entry(launch: Launch, sid: str) -> dict[str, Any]:
    return {
        "planned": launch.date,
        "announced": launch.updated,
        "by": LL2_BY,
        "note": net_text(launch),
        "sources": [sid],
    }


def _record_launch(m: Mission, launch: Launch, today: dt.date, out: Proposal) -> None:
    sid = out.cite(launch, today)
    edit = out.edit(m.id)
    day = _day(launch.net)
    plan = _plan(m)
    moved = ""
    if plan is None or _apart(plan, day) or plan.precision != "day":
        edit.add("schedule", {**_entry(launch, sid), "planned": day})
        moved = f"; schedule: {plan.text() if plan else 'no date'} -> {day.text()}"
    where = ", ".join(x for x in (launch.pad, launch.location) if x)
    where = f" from {where}" if where else ""
    outcome = {
        "failure": "the launch failed",
        "partial-failure": "a partial failure",
        "launched": "in flight",
        "success": "successful",
    }[launch.state]
    edit.add(
        "events",
        {
            "date": day,
            "kind": "launched",
            "what": f"Launched on {launch.rocket}{where} ({LL2_BY}: {outcome})",
            "sources": [sid],
        },
    )
    status = "failed" if launch.state == "failure" else "launched"
    docked = _dock_events(m, launch, sid, edit)
    if status == "launched" and docked:
        status = "docked"
    edit.set["status"] = status
    _as_of(m, launch, edit)
    _cite_mission(m, sid, edit)
    out.changes.append(
        Change(
            m.id,
            m.name,
            "outcome",
            f"launched {day.text()} ({launch.status_name}); status: {m.status} -> {status}" + moved,
            _why(launch),
        )
    )


def _dock_events(m: Mission, launch: Launch, sid: str, edit: RecordEdit) -> bool:
    """Add LL2's ISS dockings and departures the mission lacks; True if still docked."""
    still = False
    for d in launch.dockings:
        if not d.at_iss:
            continue
        if _event(m, "docked") is None:
            edit.add(
                "events",
                {
                    "date": _day(d.docked),
                    "kind": "docked",
                    "what": "Docked to the ISS",
                    "sources": [sid],
                },
            )
        if d.departed is not None and _event(m, "undocked") is None:
            edit.add(
                "events",
                {
                    "date": _day(d.departed),
                    "kind": "undocked",
                    "what": "Undocked from the ISS",
                    "sources": [sid],
                },
            )
        still = still or d.departed is None
    return still


def _dockings(m: Mission, launch: Launch, today: dt.date, out: Proposal) -> None:
    """A flown mission: add dockings the base lacks; a recorded one on another day is a dispute."""
    iss = [d for d in launch.dockings if d.at_iss]
    if not iss:
        return
    for kind, when in (("docked", iss[0].docked), ("undocked", iss[-1].departed)):
        have = _event(m, kind)
        if when is not None and have is not None and _apart(have, _day(when)):
            _dispute(
                m,
                launch,
                today,
                out,
                about=f"{m.name} {kind} date",
                curated=f"{kind.capitalize()} on {have.text()}.",
                ll2=f"Launch Library 2 gives {_day(when).text()}.",
                curated_sources=next(e.sources for e in m.events if e.kind == kind),
            )
            return
    missing = (_event(m, "docked") is None) or (
        iss[-1].departed is not None and _event(m, "undocked") is None
    )
    if not missing:
        return
    sid = out.cite(launch, today)
    edit = out.edit(m.id)
    still = _dock_events(m, launch, sid, edit)
    status = m.status
    if m.status == "launched" and still:
        edit.set["status"] = status = "docked"
    _as_of(m, launch, edit)
    _cite_mission(m, sid, edit)
    added = ", ".join(f"{e['kind']} {e['date'].text()}" for e in edit.append.get("events", []))
    out.changes.append(
        Change(
            m.id,
            m.name,
            "outcome",
            f"events: {added}; status: {m.status} -> {status}",
            _why(launch),
        )
    )


def _dispute(
    m: Mission,
    launch: Launch,
    today: dt.date,
    out: Proposal,
    *,
    about: str,
    curated: str,
    ll2: str,
    curated_sources: Sequence[str] = (),
) -> None:
    """Record a disagreement for the curator (once: an open LL2 dispute is not repeated)."""
    for d in m.disputes:
        if d.about == about and any(s.startswith("ll2-") for c in d.claims for s in c.sources):
            return
    sid = out.cite(launch, today)
    out.edit(m.id).add(
        "disputes",
        {
            "about": about,
            "claims": [
                {"says": curated, "sources": list(curated_sources or m.sources)},
                {"says": ll2, "sources": [sid]},
            ],
            "assessment": (
                f"Proposed by capcom update ll2 on {today.isoformat()}; the curated value "
                "stands until a curator decides."
            ),
        },
    )
    out.changes.append(Change(m.id, m.name, "dispute", f"dispute: {about}", f"{curated} vs {ll2}"))


# --- ISS flights the base does not know ---------------------------------------------------------


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


def _unmatched(
    kb: KnowledgeBase, index: SearchIndex, launch: Launch, today: dt.date, out: Proposal
) -> None:
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
    planned = _day(launch.net) if flown else launch.date
    record["schedule"] = [{**_entry(launch, sid), "planned": planned}]
    if flown:
        record["events"] = [
            {
                "date": _day(launch.net),
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
            _why(launch),
        )
    )


def write(folder: Path, proposal: Proposal) -> tuple[list[Path], list[Problem]]:
    """Write the proposal into folder if the result validates like `capcom check`.

    Returns the files written and, when the result would not validate, its problems (then
    nothing is written). Raises EditError when a change cannot be written safely.
    """
    from knowledge.loader import check

    editor = Editor(folder)
    for record in proposal.new_records:
        editor.add_record(record)
    for rid, edit in proposal.edits.items():
        editor.edit(rid, edit)
    texts = editor.texts()
    problems = commit(folder, texts, lambda path: check(path)[1])
    return ([] if problems else sorted(texts)), problems
