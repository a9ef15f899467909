"""Departures and returns: "still docked?", "back yet?", "when did they get home?", and a
follow-up whose pronoun is the subject while the station is only where it happened."""

from __future__ import annotations

from commands.context import Context
from commands.reply import Reply
from tests.commands.conftest import ask


def lead(reply: Reply) -> str:
    return reply.text.split("\n")[0]


# --- the station as the place of an action, with a pronoun for the subject --------------------


def test_a_pronoun_with_the_station_as_place_keeps_the_last_subject(ctx: Context) -> None:
    reply = ask(ctx, "what was crs-34", "when did it undock from the iss?")
    assert reply.entities[0] == "crs-34"
    assert "16 June 2026" in lead(reply)
    reply = ask(ctx, "who flew on crew-12", "so when did they depart from the station")
    assert reply.entities[0] == "crew-12"
    assert "7 October 2026" in lead(reply)


def test_the_station_named_on_its_own_is_still_the_subject(ctx: Context) -> None:
    reply = ask(ctx, "crs-34", "how many people live on the space station")
    assert "crs-34" not in reply.entities


# --- still docked, still aboard ---------------------------------------------------------------


def test_still_docked_weighs_later_absence_evidence(ctx: Context) -> None:
    for text in ("progress ms-33 still attached to the iss?", "is progress ms 33 docked right now"):
        reply = ask(ctx, text)
        assert lead(reply).startswith("No."), text
        assert "derived" in lead(reply)


def test_still_docked_after_a_departure_is_no(ctx: Context) -> None:
    reply = ask(ctx, "is ng-23 still berthed at the station")
    assert lead(reply).startswith("No.")
    assert "12 March 2026" in lead(reply)
    reply = ask(ctx, "tell me about crew-12", "are they still up there?")
    assert lead(reply).startswith("No.")


def test_still_docked_with_no_later_word_past_a_typical_stay_is_not_known(ctx: Context) -> None:
    reply = ask(ctx, "is progress ms-32 still at the iss")
    assert lead(reply).startswith("Not known")
    assert "typically stays" in lead(reply)


def test_still_docked_within_a_typical_stay_is_yes(ctx: Context) -> None:
    reply = ask(ctx, "soyuz ms-29 still docked?")
    assert lead(reply).startswith("Yes.")


# --- back yet, got home --------------------------------------------------------------------


def test_a_person_back_yet_is_their_flights_landing(ctx: Context) -> None:
    for text in ("is jack hathaway home yet", "andrey fedyaev back on the ground yet?"):
        reply = ask(ctx, text)
        assert lead(reply).startswith("Yes."), text
        assert "Crew-12" in lead(reply)
        assert "8 October 2026" in lead(reply)


def test_a_return_with_no_landing_report_gives_the_derived_departure(ctx: Context) -> None:
    for turns in (
        ("soyuz ms-28 crew", "and when did they get back home?"),
        ("when did christopher williams come home",),
    ):
        reply = ask(ctx, *turns)
        assert "26 July 2026" in lead(reply), turns
        assert "derived" in lead(reply)
        assert "launched on 27 November" not in lead(reply)


def test_people_on_one_flight_get_one_answer(ctx: Context) -> None:
    reply = ask(ctx, "when will menon and kikina get back")
    assert lead(reply).count("Soyuz MS-29") <= 2
    assert len(reply.text.split("\n\n")[0].split("\n")) == 1
    assert "soyuz-ms-29" in reply.entities
    reply = ask(ctx, "when did meir, adenot and fedyaev splash down")
    assert "8 October 2026" in lead(reply)
    assert len(reply.text.split("\n\n")[0].split("\n")) == 1


# --- what a ship took away; a fragment going on from the last answer ---------------------------


def test_what_a_ship_took_away_is_its_departure_load(ctx: Context) -> None:
    for turns in (
        ("ng-24", "what did it leave with?"),
        ("what cargo did ng-24 take back down",),
    ):
        reply = ask(ctx, *turns)
        assert "heat-shield capsules" in lead(reply), turns
    reply = ask(ctx, "what science did crs-34 bring back")
    assert "bioprinted tissue" in lead(reply)


def test_a_fragment_goes_on_from_the_last_answer(ctx: Context) -> None:
    reply = ask(
        ctx, "how much oxygen does the station's generator produce daily", "enough for how many?"
    )
    assert "six people" in lead(reply)
    assert reply.entities[0] == "iss-consumption-rates"
    reply = ask(ctx, "how much oxygen can the oxygen generation system make", "but enough for who?")
    assert "six people" in lead(reply)


def test_a_question_of_its_own_is_no_fragment(ctx: Context) -> None:
    reply = ask(ctx, "how much oxygen does the US oxygen generator make a day", "ng-24 cargo")
    assert reply.entities[0] == "ng-24"
