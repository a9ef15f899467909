"""Who relieves a crew: the next crew flight of the same vehicle, with its crew or not."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_their_replacements_after_a_soyuz(ctx: Context) -> None:
    reply = ask(ctx, "who is flying on soyuz ms-29", "and who are their replacements?")
    lead = reply.text.split("\n\n")[0]
    assert reply.title == "Soyuz MS-30", reply.plain()
    assert "March 2027" in lead
    assert "crew is not recorded" in lead
