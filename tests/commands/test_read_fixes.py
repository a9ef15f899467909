"""Facts read from words people use, and questions about two named records at once."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import first


def test_two_flights_each_get_the_fact(ctx: Context) -> None:
    text = first(ctx, "propellant on progress ms-32 versus ms-31")
    assert "Progress MS-32" in text
    assert "Progress MS-31" in text
    assert "870 kg" in text
    text = first(ctx, "crew of soyuz ms-28 compared with soyuz ms-29")
    assert "Kud-Sverchkov" in text
    assert "Dubrov" in text
    text = first(ctx, "how many days did crs-33 and ng-23 each stay docked")
    assert "CRS-33" in text
    assert "NG-23" in text


def test_a_shared_name_narrowed_by_the_crew_asked_for(ctx: Context) -> None:
    assert first(ctx, "whos aboard ms-28").startswith("Soyuz MS-28 carried")


def test_the_spacecraft_of_a_flight(ctx: Context) -> None:
    assert "Dragon Freedom" in first(ctx, "which capsule did crew-12 ride")
    assert "sixth" in first(ctx, "how many times had the capsule on crs-34 flown before")


def test_time_of_day_and_re_entry(ctx: Context) -> None:
    assert "11:10 a.m. EDT" in first(ctx, "crew-13 liftoff time?")
    assert first(ctx, "when did the htv-x1 reenter").startswith(
        "HTV-X1 re-entered the atmosphere on 27 May 2026"
    )


def test_capture_and_cargo_in_plain_words(ctx: Context) -> None:
    assert "Hathaway" in first(ctx, "who grappled the ng-24 cygnus")
    assert "2,948 kg" in first(ctx, "how much did crs-34 bring to the station")


def test_counts_over_a_year(ctx: Context) -> None:
    text = first(ctx, "how many soyuz ships have flown last year")
    assert text.startswith("The fact base records")
    assert "in 2025" in text
    text = first(ctx, "how many russian missions launched in 2025")
    assert text.startswith("The fact base records 5 Russian flights launched in 2025")
    assert "could not narrow" not in text


def test_people_aboard_in_chat_words_and_russian(ctx: Context) -> None:
    assert first(ctx, "ppl aboard the station?").startswith("7 people were aboard")
    assert first(ctx, "сколько космонавтов на мкс").startswith("7 people were aboard")


def test_russian_fact_words(ctx: Context) -> None:
    assert first(ctx, "когда запустили прогресс мс-34").startswith("Progress MS-34 launched")
    assert "propellant" in first(ctx, "сколько топлива доставил прогресс мс-31")


def test_make_it_is_not_who_makes_it(ctx: Context) -> None:
    assert first(ctx, "did ng-24 make it up there ok").startswith("Yes.")
    text = first(ctx, "who made the spacecraft of progress ms-34")
    assert text.startswith("Progress MS-34 flies a Progress MS, built by")
