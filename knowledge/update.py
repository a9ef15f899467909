"""What LL2 launches propose for known missions: schedule entries, outcomes, and disputes where
LL2 disagrees with a curated value; `write` applies a proposal. Proposals only: the curator
decides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.ll2 import Launch
from knowledge.ll2match import LaunchMatch, match_launch
from knowledge.ll2new import propose_new
from knowledge.proposal import LL2_BY, Change, Proposal, Unplaced, entry, net_text, utc_day, why
from knowledge.schema import PENDING, Mission
from knowledge.search import SearchIndex
from knowledge.yamledit import Editor, RecordEdit, commit
from knowledge.yamlfile import Problem

SAME_DAY_DAYS = 1  # LL2 dates are UTC; a launch at 03:22 Baikonur time is the previous UTC day


def _plan(m: Mission) -> FuzzyDate | None:
    return m.schedule[-1].planned if m.schedule else None


def _event(m: Mission, kind: str) -> FuzzyDate | None:
    return next((e.date for e in m.events if e.kind == kind), None)


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
            propose_new(kb, index, launch, today, out)
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
    if launched is not None and _apart(launched, utc_day(launch.net)):
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
                    why(launch),
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
    edit.add("schedule", entry(launch, sid))
    _as_of(m, launch, edit)
    _cite_mission(m, sid, edit)
    was = plan.text() if plan is not None else "no date"
    out.changes.append(
        Change(m.id, m.name, "schedule", f"schedule: {was} -> {new.text()}", why(launch))
    )


def _record_launch(m: Mission, launch: Launch, today: dt.date, out: Proposal) -> None:
    sid = out.cite(launch, today)
    edit = out.edit(m.id)
    day = utc_day(launch.net)
    plan = _plan(m)
    moved = ""
    if plan is None or _apart(plan, day) or plan.precision != "day":
        edit.add("schedule", {**entry(launch, sid), "planned": day})
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
            why(launch),
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
                    "date": utc_day(d.docked),
                    "kind": "docked",
                    "what": "Docked to the ISS",
                    "sources": [sid],
                },
            )
        if d.departed is not None and _event(m, "undocked") is None:
            edit.add(
                "events",
                {
                    "date": utc_day(d.departed),
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
        if when is not None and have is not None and _apart(have, utc_day(when)):
            _dispute(
                m,
                launch,
                today,
                out,
                about=f"{m.name} {kind} date",
                curated=f"{kind.capitalize()} on {have.text()}.",
                ll2=f"Launch Library 2 gives {utc_day(when).text()}.",
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
            why(launch),
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
