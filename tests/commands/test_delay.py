"""How late a flight went: its launch against the first plan its schedule history records."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_a_follow_up_compares_the_launch_with_the_first_plan(ctx: Context) -> None:
    reply = ask(ctx, "what day did progress ms-33 go up", "so how delayed was it vs the first date")
    assert reply.title == "Progress MS-33", reply.plain()
    lead = reply.text.split("\n\n")[0]
    assert "22 March 2026" in lead
    assert "20 December 2025" in lead
    assert "92 days" in lead


def test_a_named_flight_asked_how_much_later(ctx: Context) -> None:
    reply = ask(ctx, "how much later than planned did progress ms-33 fly")
    assert "about 3 months" in reply.text.split("\n\n")[0], reply.plain()
