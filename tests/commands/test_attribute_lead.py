"""Attributes no field holds: the sentence carrying the asked value leads, the newest plan of
a vehicle's first flight is said, and a topic about another subject never answers for one."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, lead


def test_topic_sentence_with_the_asked_word_leads(ctx: Context) -> None:
    for text in (
        "what inclination does the ROS orbit have",
        "at what inclination will the russian orbital station fly",
        "ROS orbital inclination?",
        "ROS inclination, what is it",
    ):
        first = lead(ctx, text)
        assert first.startswith("In December 2025 ROS's planned orbit became 51.6°"), (text, first)


def test_topic_sentence_with_the_asked_fact_leads(ctx: Context) -> None:
    for text in (
        "what rocket will ros launch on",
        "ROS launch vehicle?",
        "which launcher will ros use",
    ):
        first = lead(ctx, text)
        assert "Proton-M" in first.split(". ")[0], (text, first)


def test_a_named_topic_never_answers_for_another_record(ctx: Context) -> None:
    for text in ("what is the inclination of the iss", "what's the space station's inclination"):
        reply = answer(ctx, text, TODAY)
        assert reply.title != "Russian Orbital Station (ROS)", (text, reply.plain())
        assert "51.6" not in reply.text.split("\n\n")[1 if reply.kind == "answer" else 0], text


def test_no_docking_plan_is_the_newest_flights(ctx: Context) -> None:
    for text in (
        "when does dream chaser dock with the station",
        "is dream chaser going to berth at the iss",
        "when will sierra space's dream chaser dock",
    ):
        first = lead(ctx, text)
        assert "as of 15 May 2026" in first, (text, first)
        assert "no docking with the ISS" in first, (text, first)
        assert "September 2025" not in first, (text, first)


def test_first_flight_not_flown_says_its_plan(ctx: Context) -> None:
    for text in (
        "when will dream chaser first launch",
        "when's dream chaser's maiden flight",
        "dream chaser debut date?",
    ):
        first = lead(ctx, text)
        assert "has not flown" in first, (text, first)
        assert "Q4 2026" in first, (text, first)
        assert "not recorded" not in first, (text, first)
