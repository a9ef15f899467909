"""A "first time in space / up there" question is a first-flight question (the person's
recorded flights and own texts), not their days in space."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask, lead


def test_first_time_in_orbit_reads_the_persons_texts(ctx: Context) -> None:
    text = lead(ctx, "is this jessica meir's first time in orbit")
    assert text.startswith("No."), text
    assert "second spaceflight" in text


def test_first_time_up_there_after_a_crew_answer(ctx: Context) -> None:
    reply = ask(ctx, "tell me about anil menon", "is it his first time up there?")
    first = reply.text.split("\n\n")[0]
    assert first.startswith("Yes."), reply.plain()
    assert "first spaceflight" in first


def test_time_in_space_alone_is_still_days_in_space(ctx: Context) -> None:
    assert "time in space is not recorded" in lead(ctx, "how much time in space has anil menon got")
