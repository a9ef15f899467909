"""Asked what became of a flight after it left the station: its recorded events to the end."""

from __future__ import annotations

from commands.context import Context
from commands.understand.reader import read
from commands.understand.types import Ask, Fact
from tests.commands.conftest import answer_to, lead


def test_the_question_reads_as_the_departure_and_what_followed(ctx: Context) -> None:
    q = read(ctx, "so what became of htv-x1 once it was released from the iss?")
    assert q.facts == (Fact.UNDOCKING,)
    assert q.ask == Ask.WHAT


def test_the_lead_runs_from_release_to_re_entry(ctx: Context) -> None:
    text = lead(ctx, "what did HTV-X1 do after it departed the ISS?")
    assert "6 March 2026" in text
    assert "7 March 2026, released" in text
    assert "27 May 2026, re-entered" in text  # the end, not only the next step


def test_a_crew_flight_ends_with_its_splashdown(ctx: Context) -> None:
    text = lead(ctx, "what happened with crew 12 after undocking")
    assert text.startswith("Crew-12")
    assert "8 October 2026, splashed down" in text


def test_nothing_recorded_after_a_departure_is_said(ctx: Context) -> None:
    text = lead(ctx, "what happened to cygnus ng-24 after it left")
    assert "9 October 2026" in text
    assert "No later event is recorded" in text


def test_a_plain_departure_question_lists_what_followed_below(ctx: Context) -> None:
    reply = answer_to(ctx, "when did htv-x1 leave the station")
    assert reply.text.startswith("HTV-X1 was unberthed on 6 March 2026")
    after = next(f for f in reply.fields if f.name == "After it left")
    assert "27 May 2026" in after.value
