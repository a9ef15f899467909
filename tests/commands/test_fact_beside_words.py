"""A "what" question that adds a word its fact's lead leaves out (the booster of a flight's
rocket) is answered by the record's sentence that has that word."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY


def test_booster_flight_from_the_launch_event(ctx: Context) -> None:
    for q in (
        "what flight was ng-24's booster on",
        "the booster for ng-24 flew on what flight?",
    ):
        reply = answer(ctx, q, TODAY)
        assert reply.kind == "answer", reply.plain()
        assert "booster on its 7th flight" in reply.text, (q, reply.text)


def test_plain_rocket_question_keeps_the_launcher_lead(ctx: Context) -> None:
    for q in ("what rocket did crs-34 use", "which rocket launched ng-24"):
        reply = answer(ctx, q, TODAY)
        assert "launched on a Falcon 9" in reply.text, (q, reply.text)
