"""The digest and the base-to-base diff: stable change ids, honest sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import MappingProxyType

from commands.changes import announced_between, diff
from commands.context import Context
from commands.status import digest
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from tests.bot.conftest import fixture_context


def _moved(kb: KnowledgeBase, rid: str, planned: str) -> KnowledgeBase:
    m = kb.missions[rid]
    last = m.schedule[-1].model_copy(update={"planned": FuzzyDate.parse(planned)})
    new = m.model_copy(update={"schedule": (*m.schedule[:-1], last), "status": "postponed"})
    return dataclasses.replace(kb, missions=MappingProxyType({**kb.missions, rid: new}))


def test_diff_names_schedule_and_status_changes_with_stable_ids() -> None:
    kb = fixture_context().kb
    new = _moved(kb, "crs-35", "2026-09-30")
    changes = diff(kb, new)
    assert [c.kind for c in changes] == ["schedule", "status"]
    assert changes[0].text.startswith("CRS-35 moved from NET August 2026 to 30 September 2026")
    assert [c.id for c in diff(kb, new)] == [c.id for c in changes]
    assert diff(kb, kb) == []
    gone = dataclasses.replace(kb, missions=MappingProxyType({}))
    assert {c.kind for c in diff(kb, gone)} == {"removed"}
    assert {c.kind for c in diff(gone, kb)} == {"added"}


def test_schedule_history_changes_are_dated_by_announcement() -> None:
    kb = fixture_context().kb
    found = announced_between(kb, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert [c.text for c in found] == [
        "CRS-35 moved from November 2026 to NET August 2026 (earlier) (announced 15 January 2026)."
    ]
    assert announced_between(kb, dt.date(2026, 1, 15), dt.date(2026, 1, 31)) == []


def test_digest_has_upcoming_changes_sources_and_as_of() -> None:
    ctx: Context = fixture_context()
    now = dt.datetime(2026, 1, 16, 8, tzinfo=dt.UTC)
    reply = digest(ctx, now, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), 365)
    assert reply.title.startswith("ISS logistics digest")
    assert "CRS-35" in reply.text
    assert any("CRS-35 moved" in f.value for f in reply.fields)
    assert reply.as_of == ctx.kb.as_of
    assert reply.sources
    late = digest(ctx, dt.datetime(2027, 6, 1, tzinfo=dt.UTC), None, 14)
    stale = [f for f in late.fields if f.name.startswith("Planned dates that have passed")]
    assert stale
    assert "was planned for" in stale[0].value
