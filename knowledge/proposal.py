"""What an LL2 update proposes: its changes for the review, the edits, the LL2 source records."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from knowledge.dates import FuzzyDate
from knowledge.ll2 import Launch
from knowledge.yamledit import NewRecord, RecordEdit

ChangeKind = Literal["schedule", "outcome", "status", "confirmed", "new-mission", "dispute"]

LL2_BY = "Launch Library 2"
LL2_PUBLISHER = "The Space Devs (Launch Library 2)"
LL2_RELIABILITY = (
    "Community-maintained launch database (The Space Devs): dates and statuses gathered from "
    "agencies, providers and the press; good for schedules; check outcomes against a primary "
    "source."
)


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


def why(launch: Launch) -> str:
    """The review's reason: LL2, its update day, its date and status."""
    return f"{LL2_BY}, updated {launch.updated.isoformat()}: {net_text(launch)}"


def entry(launch: Launch, sid: str) -> dict[str, Any]:
    """A schedule entry for the launch's date, announced on LL2's update day."""
    return {
        "planned": launch.date,
        "announced": launch.updated,
        "by": LL2_BY,
        "note": net_text(launch),
        "sources": [sid],
    }


def utc_day(when: dt.datetime) -> FuzzyDate:
    """The UTC day of a moment, as a day-precision date."""
    return FuzzyDate(when.astimezone(dt.UTC).date())
