"""How-many questions answered from a count the base's texts state, and honest zeros."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_a_noun_other_than_flights_is_counted_from_the_record_texts(ctx: Context) -> None:
    for q in ("what number of reboosts did crs-33 perform", "crs-33: how many iss reboosts"):
        text = lead(ctx, q)
        assert "six ISS reboosts" in text, q
        assert "carries no crew" not in text


def test_a_pad_states_its_own_lifetime_count(ctx: Context) -> None:
    for q in ("how many rockets launched from gagarin start", "number of launches from site 1/5"):
        text = lead(ctx, q)
        assert "520 launches" in text, q
        assert "records no" not in text


def test_a_count_narrowed_by_words_the_record_states(ctx: Context) -> None:
    text = lead(ctx, "how many flights does boeing's starliner contract have now")
    assert "four flights" in text
    text = lead(ctx, "how many missions were in the crs-2 deal worth 6.31 billion")
    assert "21 missions" in text


def test_no_false_zero_for_flights_the_base_does_not_track(ctx: Context) -> None:
    text = lead(ctx, "how many progress flights in 2012")
    assert "records no" not in text
    assert "can't count" in text
    text = lead(ctx, "how many flights went up from vostochny")
    assert "records" not in text.split(":")[0]
    assert "Progress MS-28" not in text  # never the list of every flight


def test_tracked_flight_counts_still_count(ctx: Context) -> None:
    assert "records 3 Progress MS flights launched in 2025" in lead(
        ctx, "how many progress flights went up in 2025"
    )
    assert lead(ctx, "how many HTV-X flights in 2025").startswith("The fact base records 1 HTV-X")
    assert "crew of 4" in lead(ctx, "how many people can crew dragon take up")


def test_the_usual_crew_of_the_station_is_its_nominal_crew(ctx: Context) -> None:
    for q in (
        "what's the usual crew size of the station",
        "how many astronauts typically live on the iss",
    ):
        text = lead(ctx, q)
        assert text.startswith("The International Space Station normally has a crew of 7"), q
    assert "7 people were aboard" in lead(ctx, "how many people live on the iss")


def test_how_many_times_a_flight_did_something_is_its_stated_count(ctx: Context) -> None:
    for q in (
        "how many times did crs-33 boost the iss",
        "crs-33 reboosted the station how many times",
    ):
        text = lead(ctx, q)
        assert "six ISS reboosts" in text, q
        assert "no crew" not in text


def test_a_count_the_sources_dispute_gives_both_claims(ctx: Context) -> None:
    for q in (
        "how many launches from site 31/6",
        "how many rockets have launched from baikonur site 31",
        "site 31 had its 400th launch in 2020, how many launches has it had in total",
    ):
        text = lead(ctx, q)
        assert text.startswith("Sources disagree"), (q, text)
        assert "Around 500 launches" in text, q
        assert "400th launch in 2020" in text, q


def test_an_undisputed_count_is_stated_alone(ctx: Context) -> None:
    assert lead(ctx, "how many launches has gagarin's start had").count("Sources disagree") == 0


def test_a_milestone_year_filters_no_count_but_a_year_asked_does(ctx: Context) -> None:
    assert (
        "in 2020"
        not in lead(ctx, "how many launches did site 31 have after the 400th launch in 2020").split(
            ":"
        )[0]
    )
    text = lead(ctx, "how many launches from site 31 in 2025")
    assert "5 Baikonur Site 31/6 flights launched in 2025" in text
    assert "400th" in lead(ctx, "when was the 400th launch from site 31")


def test_a_rocket_name_before_launched_counts_nothing(ctx: Context) -> None:
    assert "Kuiper KF-03 mission at" not in lead(ctx, "how many launches from slc-40")
