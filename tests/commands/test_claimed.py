"""Yes/no questions naming a value of a field: answered from that field, Yes, No or not known."""

from __future__ import annotations

import pytest

from commands.claimed import date_in
from commands.context import Context
from knowledge.dates import FuzzyDate
from tests.commands.conftest import lead


@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("did NG-24 ride on an Antares?", "No.", "Falcon 9"),
        ("was ng-24 carried by falcon 9", "Yes.", "Falcon 9"),
        ("did progress ms-33 fly on a soyuz", "Yes.", "Soyuz-2.1a"),  # the rocket's family
        ("did ng-24 launch from wallops island", "No.", "SLC-40"),
        ("did soyuz ms-28 lift off from baikonur", "Yes.", "Site 31"),
        ("did crew-12 launch from kennedy", "No.", "Cape Canaveral"),
        ("was ng-24 operated by roscosmos", "No.", "Northrop Grumman"),
        ("is ng-24 run by northrop grumman", "Yes.", "Northrop Grumman"),
        ("was ng-24 a dragon flight", "No.", "Cygnus"),  # a name of several records
        ("was ng-24 a cygnus mission", "Yes.", "Cygnus"),
        ("does cygnus fly on atlas v", "No.", "Falcon 9"),
        ("was christopher williams on soyuz ms-28", "Yes.", "Williams"),
        ("was jessica meir aboard soyuz ms-28", "No.", "Kud-Sverchkov"),
        ("did soyuz ms-28 launch in 2024", "No.", "27 November 2025"),
        ("did soyuz ms-28 launch in 2025", "Yes.", "27 November 2025"),
        ("did crew-12 launch in march", "No.", "13 February 2026"),
    ],
)
def test_a_named_value_is_checked_against_its_field(
    ctx: Context, question: str, start: str, says: str
) -> None:
    text = lead(ctx, question)
    assert text.startswith(start), text
    assert says in text.split("\n")[0], text


@pytest.mark.parametrize(
    "question",
    [
        "did ng-24 dock after crew-12",  # a flight named beside it is no value of its fields
        "did ng-24 launch after the antares retired",
        "did ng-24 carry cargo for nasa",  # an organization with no "by": not the operator
    ],
)
def test_other_names_beside_the_flight_are_no_claim(ctx: Context, question: str) -> None:
    assert not lead(ctx, question).startswith("No."), question


def test_a_crew_change_question_is_no_membership_claim(ctx: Context) -> None:
    assert not lead(ctx, "did jessica meir replace someone on crew-12").startswith("No.")


def test_bounds_decide_only_what_they_rule_out() -> None:
    net = FuzzyDate.parse("NET 2026-09-16")
    by = FuzzyDate.parse("2026-09-27").start
    assert date_in(net, 2026, 9, by) is True
    assert date_in(net, 2026, 10, by) is False
    assert date_in(net, 2025, None, by) is False
    assert date_in(net, 2026, 10, None) is None  # no latest date: October is possible
    assert date_in(FuzzyDate.parse("2026-Q3"), 2026, 8, None) is None
    assert date_in(FuzzyDate.parse("2026-08"), 2026, 8, None) is True


def test_a_choice_of_values_is_answered_with_the_recorded_one(ctx: Context) -> None:
    text = lead(ctx, "did ng-24 launch on antares or falcon 9")
    assert text.startswith("NG-24 flew on a Falcon 9"), text
    assert lead(ctx, "did ng-24 fly from wallops or slc-40").startswith("NG-24 launched from")
    assert lead(ctx, "did ng-24 launch on antares or atlas v").startswith("No.")
