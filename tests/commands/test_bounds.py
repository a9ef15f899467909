"""Yes/no claims of how long something took: the bound read, and the verdict from the
recorded or said length (commands/bounds.py)."""

from __future__ import annotations

from commands.bounds import asked_bound, holds, length_said
from commands.context import Context
from tests.commands.conftest import lead


def test_bound_reads_below_and_above() -> None:
    below = asked_bound("did it get there in under eight hours")
    above = asked_bound("did that take over a year")
    assert below is not None
    assert below.below
    assert below.minutes == 480
    assert above is not None
    assert not above.below
    assert above.minutes == 365.25 * 1440


def test_delay_is_no_bound() -> None:
    assert asked_bound("did it launch more than 2 days late") is None
    assert asked_bound("did it dock within 3 days of launch") is None


def test_within_counts_the_bound_itself() -> None:
    within = asked_bound("was it done within 10 days")
    assert within is not None
    assert holds(within, 10 * 1440, 10 * 1440) is True
    assert holds(within, 11 * 1440, 11 * 1440) is False


def test_range_across_the_bound_is_not_settled() -> None:
    bound = asked_bound("more than 3 months")
    assert bound is not None
    assert holds(bound, 80 * 1440, 100 * 1440) is None


def test_length_said_reads_spelled_numbers() -> None:
    said = length_said("The fix took roughly four weeks to finish.")
    assert said is not None
    assert said.about
    assert said.minutes == 4 * 7 * 1440


def test_trip_to_the_station_under_a_bound(ctx: Context) -> None:
    assert lead(ctx, "did crew-13 make it to the iss in less than 9 hours?").startswith("Yes")
    assert lead(ctx, "crew 13 docked in under 6 hours, right?").startswith("No")


def test_trip_in_days_from_dates(ctx: Context) -> None:
    assert lead(ctx, "did crew-12 take more than 3 days to reach the station").startswith("No")


def test_pad_repair_length_against_a_bound(ctx: Context) -> None:
    longer = lead(ctx, "did fixing site 31/6 take longer than a year?")
    assert longer.startswith("No")
    assert "three months" in longer
    assert lead(ctx, "was baikonur pad 31 repaired within half a year").startswith("Yes")
    assert lead(ctx, "did the 31/6 repair take less than 6 weeks").startswith("No")


def test_flight_length_against_a_bound(ctx: Context) -> None:
    assert lead(ctx, "was crew-11 up there for less than 6 months").startswith("Yes")
    assert lead(ctx, "did crew-11's mission last over 200 days").startswith("No")


def test_no_length_never_keeps_a_plain_yes(ctx: Context) -> None:
    text = lead(ctx, "did soyuz ms-28 get to the iss in less than 4 hours")
    assert text.startswith("Not known")


def test_bound_words_are_no_subject_words(ctx: Context) -> None:
    text = lead(ctx, "did crew-13 arrive at the iss in fewer than ten hours")
    assert text.startswith("Yes")
    assert "less" not in text
    assert "fewer" not in text.split(":")[0]


def test_docked_for_is_the_stay_not_the_trip(ctx: Context) -> None:
    assert lead(ctx, "was crew-12 docked for under 200 days").startswith("No")
    assert lead(ctx, "was crew 12 attached to the station for over 230 days").startswith("Yes")
    assert lead(ctx, "did ng-24 stay at the iss for more than half a year").startswith("No")


def test_a_length_between_events_is_not_settled_by_the_event(ctx: Context) -> None:
    for text in (
        "did progress ms-33 go up within 10 days of the pad reopening",
        "did crew-13 launch more than a week late",
    ):
        assert lead(ctx, text).startswith("Not known"), text


def test_at_the_station_for_longer_is_the_stay(ctx: Context) -> None:
    assert lead(ctx, "was ng-24 on the station longer than 6 months?").startswith("No")
