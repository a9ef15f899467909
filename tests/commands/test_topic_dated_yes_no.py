"""A year or month asked of what a topic states: Yes when the stating clause's date is inside
it, No when a single event (a rank, a flight) is dated only outside it, else "Not known"."""

from __future__ import annotations

from commands.context import Context
from commands.understand.vocabulary import unslang
from tests.commands.conftest import lead


def test_a_final_flight_dated_inside_the_asked_year_is_yes(ctx: Context) -> None:
    for text in ("was antares's final flight in 2023?",):
        said = lead(ctx, text)
        assert said.startswith("Yes."), (text, said)
        assert "1 August 2023" in said, (text, said)


def test_a_final_flight_dated_outside_the_asked_period_is_no(ctx: Context) -> None:
    for text in ("was antares's final flight in 2022?",):
        said = lead(ctx, text)
        assert said.startswith("No."), (text, said)
        assert "1 August 2023" in said, (text, said)


def test_a_spacewalk_in_the_asked_year_is_yes_from_its_clause(ctx: Context) -> None:
    said = lead(ctx, "did sergei mikaev go on a spacewalk in 2026?")
    assert said.startswith("Yes."), said
    assert "27 May" in said, said


def test_another_year_of_a_repeatable_event_is_not_a_no(ctx: Context) -> None:
    said = lead(ctx, "did sergei mikaev go on a spacewalk in 2024?")
    assert said.startswith("Not known"), said


def test_a_related_topic_states_the_asked_event(ctx: Context) -> None:
    said = lead(
        ctx,
        "was there a spacewalk in august 2026 that installed mounting hardware for the solar"
        " arrays?",
    )
    assert said.startswith("Yes."), said
    assert "6 August" in said, said


def test_chat_spellings_of_doing_and_a_trailing_or_wat() -> None:
    assert unslang("is the pad still doin cargo") == "is the pad still doing cargo"


def test_a_plan_with_no_date_asked_this_year_opens_not_known(ctx: Context) -> None:
    said = lead(ctx, "is starliner-1 goin up this yr or wat")
    assert said.startswith("Not known as of"), said
    assert "no date" in said, said


def test_russian_working_in_latin_letters_asks_the_status(ctx: Context) -> None:
    for text in (
        "baikonur ploshchadka 31 rabotayet ili net?",
        "площадка 31 на байконуре работает или нет?",
    ):
        said = lead(ctx, text)
        assert said.startswith("Yes."), (text, said)
        assert "active" in said, (text, said)
