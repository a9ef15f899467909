"""A launcher's recorded failures and returns to flight."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import knowledge
from knowledge import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.launchers import last_return_to_flight, returns_to_flight
from knowledge.schema import Event


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge.load()


def with_events(kb: KnowledgeBase, vehicle: str, *events: tuple[str, str]) -> KnowledgeBase:
    veh = kb.vehicles[vehicle]
    extra = tuple(Event(date=FuzzyDate.parse(d), what=k, kind=k) for d, k in events)
    vehicles = {**kb.vehicles, vehicle: veh.model_copy(update={"events": veh.events + extra})}
    return dataclasses.replace(kb, vehicles=vehicles)


def test_each_failure_pairs_with_the_next_flight(kb: KnowledgeBase) -> None:
    h3 = returns_to_flight(kb, "h3")
    assert h3, "the base records H3's failures and returns to flight"
    for failed, again in h3:
        assert again > failed
    fails = sorted(e.date.start for e in kb.vehicles["h3"].events if e.kind == "failure")
    assert [f for f, _ in h3] == fails


def test_a_launcher_with_none_recorded_borrows_the_latest_of_any(kb: KnowledgeBase) -> None:
    assert returns_to_flight(kb, "falcon-9") == []
    got = last_return_to_flight(kb, "falcon-9")
    assert got is not None
    vid, failed, again = got
    assert vid != "falcon-9"
    assert again > failed
    everyone = [
        f
        for v in kb.vehicles
        for f, _ in returns_to_flight(kb, v)
        if kb.vehicles[v].kind == "launch-vehicle"
    ]
    assert failed == max(everyone)


def test_a_launcher_with_its_own_uses_its_own(kb: KnowledgeBase) -> None:
    kb2 = with_events(kb, "falcon-9", ("2024-07-12", "failure"), ("2024-07-27", "flight"))
    assert last_return_to_flight(kb2, "falcon-9") == (
        "falcon-9",
        dt.date(2024, 7, 12),
        dt.date(2024, 7, 27),
    )


def test_a_failure_with_no_flight_after_it_is_no_return(kb: KnowledgeBase) -> None:
    kb2 = with_events(kb, "falcon-9", ("2026-11-01", "failure"))
    assert returns_to_flight(kb2, "falcon-9") == []
