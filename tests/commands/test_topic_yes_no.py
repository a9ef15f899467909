"""A yes/no question a topic answers opens with Yes (its sentence says every asked word outright),
No (its sentence denies an asked word) or
Not known with what the topic records; never the topic's text with no answer first."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def _body(ctx: Context, q: str) -> str:
    reply = answer(ctx, q, NOW)
    assert reply.kind == "answer", reply.plain()
    return reply.text


@pytest.mark.parametrize(
    "q",
    [
        "is starliner flying crew",
        "will starliner carry astronauts... is it crewed?",
        "did the artemyev scandal stop cooperation with russia",
        "did the itar scandal end cooperation with the russians",
    ],
)
def test_a_topic_sentence_denying_an_asked_word_is_no(ctx: Context, q: str) -> None:
    assert _body(ctx, q).startswith("No. ")


@pytest.mark.parametrize(
    "q",
    [
        "is russia leaving the iss",
        "is russia pulling out of the station soon",
        "can spacex refuse to fly cargo for nasa",
        "is wallops the only pad for cygnus",
        "is the iss running low on food",
    ],
)
def test_a_topic_that_does_not_settle_it_says_not_known_then_what_it_records(
    ctx: Context, q: str
) -> None:
    text = _body(ctx, q)
    assert text.startswith("Not known as a plain yes or no as of 10 October 2026."), text
    assert len(text) > 80, text


def test_a_negated_question_is_never_answered_by_a_denial(ctx: Context) -> None:
    text = _body(ctx, "isn't starliner flying crew anymore")
    assert not text.startswith(("Yes", "No.")), text


@pytest.mark.parametrize(
    "q",
    [
        "did the h3 rocket fail",
        "did crew-11 come back early",
        "has there ever been a medical evacuation from the iss",
        "was the baikonur pad damaged by soyuz ms-28",
        "did nasa move its cargo dragon flights earlier",
    ],
)
def test_a_topic_sentence_saying_every_asked_word_outright_is_yes(ctx: Context, q: str) -> None:
    assert _body(ctx, q).startswith("Yes. "), q


@pytest.mark.parametrize(
    "q",
    [
        "did roscosmos pay spacex for the flights",  # "NASA pays SpaceX ..., not Roscosmos"
        "did russia leave the station",  # "threatened to leave"
        "did spacex refuse nasa",  # "room to refuse is limited"
        "did h3 fail in 2026",  # F8 failed in December 2025
        "was anybody evacuated from the iss in 2025",  # January 2026
        "was crew-12 sent home early",  # Crew-11 was
    ],
)
def test_overlap_under_a_denial_threat_or_other_date_is_never_yes(ctx: Context, q: str) -> None:
    assert not _body(ctx, q).startswith("Yes"), q
