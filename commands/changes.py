"""What changed between two fact bases: schedules, statuses, pads, added and removed missions."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Literal

from commands.format import collect_sources, current_plan, source_lines
from commands.reply import Reply
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.schema import Mission, Pad

ChangeKind = Literal["schedule", "status", "pad-status", "added", "removed"]


@dataclass(frozen=True)
class Change:
    """One change between two bases; `id` is stable for the same record, before and after."""

    id: str
    kind: ChangeKind
    record_id: str
    text: str
    sources: tuple[str, ...] = ()

    def reply(self, kb: KnowledgeBase) -> Reply:
        """The change as an alert to post (sources resolved against kb, the new base)."""
        return Reply(
            kind="answer",
            title=_TITLES[self.kind],
            text=self.text,
            sources=source_lines(kb, self.sources),
            source_ids=self.sources,
            as_of=kb.as_of,
            entities=(self.record_id,),
        )


_TITLES: dict[ChangeKind, str] = {
    "schedule": "Schedule change",
    "status": "Status change",
    "pad-status": "Pad status change",
    "added": "New in the fact base",
    "removed": "Removed from the fact base",
}


def change_id(kind: ChangeKind, record_id: str, old: str, new: str) -> str:
    """A stable id: the same change computed twice (another process, a restart) is the same."""
    raw = "\x1f".join((kind, record_id, old, new))
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def _plan(m: Mission) -> FuzzyDate | None:
    entry = current_plan(m)
    return entry.planned if entry is not None and not entry.tbd else None


def _plan_text(d: FuzzyDate | None) -> str:
    return d.text() if d is not None else "no date"


def _direction(old: FuzzyDate | None, new: FuzzyDate | None) -> str:
    if old is None or new is None:
        return ""
    if new.start > old.end:
        return " (later)"
    if new.end < old.start:
        return " (earlier)"
    return ""


def _make(
    kind: ChangeKind, rid: str, old: str, new: str, text: str, sources: tuple[str, ...]
) -> Change:
    return Change(change_id(kind, rid, old, new), kind, rid, text, sources)


def _mission_changes(old: Mission | None, new: Mission | None) -> list[Change]:
    if old is None and new is not None:
        plan = _plan(new)
        when = f", planned for {plan.text()}" if plan is not None else ""
        return [
            _make(
                "added",
                new.id,
                "",
                new.status + "|" + (plan.iso() if plan else ""),
                f"{new.name} was added to the fact base{when} (status: {new.status}).",
                tuple(new.sources),
            )
        ]
    if new is None and old is not None:
        return [
            _make(
                "removed",
                old.id,
                old.status,
                "",
                f"{old.name} was removed from the fact base.",
                tuple(old.sources),
            )
        ]
    assert old is not None
    assert new is not None
    out: list[Change] = []
    before, after = _plan(old), _plan(new)
    if before != after:
        entry = current_plan(new)
        src = collect_sources(entry.sources if entry else (), new.sources)
        who = f", per {entry.by}" if entry is not None and entry.by else ""
        out.append(
            _make(
                "schedule",
                new.id,
                before.iso() if before else "",
                after.iso() if after else "",
                f"{new.name} moved from {_plan_text(before)} to {_plan_text(after)}"
                f"{_direction(before, after)}{who}.",
                src,
            )
        )
    if old.status != new.status:
        out.append(
            _make(
                "status",
                new.id,
                old.status,
                new.status,
                f"{new.name}: status changed from {old.status} to {new.status} "
                f"(as of {new.status_as_of.isoformat()}).",
                tuple(new.sources),
            )
        )
    return out


def _pad_changes(old: Pad | None, new: Pad | None) -> list[Change]:
    if old is None or new is None or old.status == new.status:
        return []
    since = f" since {new.status_since.text()}" if new.status_since else ""
    return [
        _make(
            "pad-status",
            new.id,
            old.status,
            new.status,
            f"{new.name} ({new.site}): status changed from {old.status} to {new.status}{since}.",
            tuple(new.sources),
        )
    ]


def diff(old_kb: KnowledgeBase, new_kb: KnowledgeBase) -> list[Change]:
    """Every schedule, status and pad-status change, and added or removed missions, in order."""
    out: list[Change] = []
    for rid in sorted(set(old_kb.missions) | set(new_kb.missions)):
        out += _mission_changes(old_kb.missions.get(rid), new_kb.missions.get(rid))
    for rid in sorted(set(old_kb.pads) | set(new_kb.pads)):
        out += _pad_changes(old_kb.pads.get(rid), new_kb.pads.get(rid))
    return out


def announced_between(kb: KnowledgeBase, start: dt.date, end: dt.date) -> list[Change]:
    """Schedule changes the missions' histories say were announced in (start, end]."""
    out: list[Change] = []
    for m in kb.missions.values():
        for prev, entry in zip(m.schedule, m.schedule[1:], strict=False):
            when = entry.announced
            if when is None or not start < when.start <= end:
                continue
            if prev.planned == entry.planned:
                continue
            who = f" by {entry.by}" if entry.by else ""
            out.append(
                _make(
                    "schedule",
                    m.id,
                    prev.planned.iso(),
                    entry.planned.iso(),
                    f"{m.name} moved from {prev.planned.text()} to {entry.planned.text()}"
                    f"{_direction(prev.planned, entry.planned)} (announced {when.text()}{who}).",
                    collect_sources(entry.sources, m.sources),
                )
            )
    return sorted(out, key=lambda c: c.text)
