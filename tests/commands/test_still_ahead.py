"""Asked whether a flight's launch, docking or departure is still to come, after it happened."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str) -> str:
    reply = answer(ctx, q, NOW)
    assert reply.kind == "answer", reply.plain()
    body = reply.text.split("\n")[-1] if reply.text.startswith("Fact base") else reply.text
    return body.split("\n\n")[0]


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("is crew-13 launching soon", "already launched on 1 October 2026"),
        ("is crew-13 going up soon?", "already launched on 1 October 2026"),
        ("will crew 13 launch soon", "already launched on 1 October 2026"),
        ("is soyuz ms-29 coming up", "already launched on 14 July 2026"),
        ("is soyuz ms-29 about to go up", "already launched on 14 July 2026"),
        ("is progress ms-33 docking soon", "already docked on 24 March 2026"),
        ("is crew-12 undocking soon", "already undocked on 7 October 2026"),
    ],
)
def test_a_flight_that_did_it_is_answered_no_with_the_day(ctx: Context, q: str, said: str) -> None:
    text = _lead(ctx, q)
    assert text.startswith("No. "), text
    assert said in text, text


@pytest.mark.parametrize("q", ["is soyuz ms-30 launching soon", "is soyuz ms-30 going up soon"])
def test_a_plan_still_ahead_gives_its_date_without_a_guessed_yes_or_no(
    ctx: Context, q: str
) -> None:
    text = _lead(ctx, q)
    assert text.startswith("Not known as of 10 October 2026. "), text
    assert "March 2027" in text, text


def test_asking_whether_it_happened_is_still_yes(ctx: Context) -> None:
    assert _lead(ctx, "did crew-13 launch").startswith("Yes. ")
    assert _lead(ctx, "has progress ms-33 docked yet").startswith("Yes. ")


@pytest.mark.parametrize(
    "q",
    [
        "is cygnus ng-23 leaving soon",
        "is ng-23 about to leave",
        "is ng-23 set to leave any time now?",
        "is ng-23 heading home soon",
        "is the ng-23 cygnus coming back soon",
    ],
)
def test_leaving_or_heading_home_without_the_station_is_a_departure(ctx: Context, q: str) -> None:
    text = _lead(ctx, q)
    assert text.startswith("No. "), text
    assert "12 March 2026" in text, text


@pytest.mark.parametrize(
    "q", ["is crew-13 up next", "is crew 13 next up?", "crew-13 is next, right?"]
)
def test_up_next_of_a_flown_flight_is_no(ctx: Context, q: str) -> None:
    text = _lead(ctx, q)
    assert text.startswith("No. "), text
    assert "already launched on 1 October 2026" in text, text


@pytest.mark.parametrize(
    ("q", "opener"),
    [
        ("is crew-13 going up in october", "Yes. "),
        ("will crew-13 launch in october?", "Yes. "),
        ("is crew 13 launching on 1 october", "Yes. "),
        ("is crew-13 going up in november", "No. "),
        ("does crew-13 launch in december", "No. "),
    ],
)
def test_a_future_tense_question_of_a_past_launch_says_it_already_happened(
    ctx: Context, q: str, opener: str
) -> None:
    text = _lead(ctx, q)
    assert text.startswith(opener), text
    assert "already launched on 1 October 2026" in text, text


def test_a_past_tense_question_keeps_its_plain_verb(ctx: Context) -> None:
    text = _lead(ctx, "did crew-13 launch in october")
    assert text.startswith("Yes. Crew-13 launched on 1 October 2026"), text


@pytest.mark.parametrize(
    ("q", "opener"),
    [
        ("will soyuz ms-30 fly in 2027", "Yes, as planned: "),
        ("is soyuz ms-30 going up in march", "Yes, as planned: "),
        ("is soyuz ms-30 launching in 2027?", "Yes, as planned: "),
        ("will soyuz ms-30 fly in 2026", "No"),
        ("is soyuz ms-30 going up in april", "No"),
    ],
)
def test_a_plan_is_checked_against_the_year_and_month_asked(
    ctx: Context, q: str, opener: str
) -> None:
    text = _lead(ctx, q)
    assert text.startswith(opener), text
    assert "March 2027" in text, text


@pytest.mark.parametrize("q", ["is crs-35 launching soon", "is crs-35 about to go up"])
def test_a_past_plan_with_no_update_is_not_known(ctx: Context, q: str) -> None:
    assert _lead(ctx, q).startswith("Not known as of 10 October 2026. CRS-35 was planned")


@pytest.mark.parametrize(
    ("q", "opener"),
    [
        ("was artemyev removed from crew-12", "Yes. "),
        ("was oleg artemyev removed from the crew-12 crew?", "Yes. "),
        ("was artemyev kicked off crew-12", "Not known"),
        ("was artemyev dropped from crew 12", "Not known"),
    ],
)
def test_a_person_s_removal_is_never_answered_by_the_flight(
    ctx: Context, q: str, opener: str
) -> None:
    text = _lead(ctx, q)
    assert text.startswith(opener), text
    assert "completed" not in text, text
