"""Conversations that land on a person: "what did he fly up on", "when did she go up" is
that person's flight, said in the past once it launched (never the schedule's next flight);
a who-question asked of a person leads with the sentence naming the other person."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import answer_to, ask


def _lead(text: str) -> str:
    body = text.split("\n")[-1] if text.startswith("Fact base") else text
    return body.split("\n\n")[0]


@pytest.mark.parametrize(
    ("turns", "person", "flight", "day"),
    [
        (
            ("who flew on soyuz ms-28", "who is the american", "when did he fly up"),
            "Christopher Williams",
            "Soyuz MS-28",
            "27 November 2025",
        ),
        (
            ("who commanded crew-13", "what did she fly up on"),
            "Jessica Watkins",
            "Crew-13",
            "1 October 2026",
        ),
        (
            ("who's on crew-13", "who is the russian", "what did he go up on and when"),
            "Sergey Teteryatnikov",
            "Crew-13",
            "1 October 2026",
        ),
    ],
)
def test_a_persons_past_flight_is_theirs(
    ctx: Context, turns: tuple[str, ...], person: str, flight: str, day: str
) -> None:
    reply = ask(ctx, *turns)
    assert reply.kind == "answer", reply.plain()
    assert reply.title == person, reply.plain()
    lead = _lead(reply.text)
    assert lead.startswith(f"{person} flew on {flight}"), lead
    assert day in lead
    assert "Next flight" not in reply.plain()


def test_a_named_person_flying_up_in_the_past(ctx: Context) -> None:
    reply = answer_to(ctx, "what did sophie adenot fly up on")
    assert reply.kind == "answer", reply.plain()
    assert _lead(reply.text).startswith("Sophie Adenot flew on Crew-12")


@pytest.mark.parametrize("text", ["anything flying up in january", "what's going up next"])
def test_going_up_ahead_is_still_the_schedule(ctx: Context, text: str) -> None:
    reply = answer_to(ctx, text)
    assert reply.kind == "answer", reply.plain()
    assert "flew on" not in reply.text
    assert "ISS" in reply.title, reply.title


def test_three_turns_stay_on_the_person(ctx: Context) -> None:
    reply = ask(ctx, "who commanded crew-13", "where is she from", "how many flights has she done")
    assert reply.title == "Jessica Watkins", reply.plain()


def test_three_turns_stay_on_the_cargo_ship(ctx: Context) -> None:
    reply = ask(ctx, "when did progress ms-32 launch", "where did it dock", "is it still there")
    assert reply.title == "Progress MS-32", reply.plain()
    assert "docked on 13 September 2025" in _lead(reply.text)


def test_who_replaced_him_leads_with_the_replacement(ctx: Context) -> None:
    reply = ask(ctx, "tell me about oleg artemyev", "who replaced him")
    assert reply.kind == "answer", reply.plain()
    first = _lead(reply.text).split(". ")[0]
    assert "Andrey Fedyaev" in first, reply.plain()
    assert first.startswith("Oleg Artemyev was replaced"), first


def test_who_replaced_then_he_is_the_replacement(ctx: Context) -> None:
    reply = ask(ctx, "who replaced artemyev on crew 12", "what did he fly on")
    assert reply.title == "Andrey Fedyaev", reply.plain()
    assert _lead(reply.text).startswith("Andrey Fedyaev flew on Crew-12")


def test_who_was_involved_keeps_the_topics_order(ctx: Context) -> None:
    reply = answer_to(ctx, "who was involved in the itar incident")
    assert _lead(reply.text).startswith("The incident involved Oleg Artemyev")
