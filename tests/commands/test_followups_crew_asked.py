"""Asked "who was in the crew" after a crew flight asks that flight's crew: "the crew" there is
what is asked of the remembered flight, not a hint for another flight of the crew kind."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import ask


@pytest.mark.parametrize(
    ("first", "then", "person"),
    [
        ("when did soyuz ms-28 go up", "who was in the crew?", "Sergei Mikaev"),
        ("where did soyuz ms-29 launch from", "who flew in the crew", "Anna Kikina"),
        ("Когда стартовал Союз МС-28?", "кто был в экипаже?", "Christopher Williams"),
        ("kogda startoval soyuz ms-29", "kto byl v ekipazhe", "Pyotr Dubrov"),
    ],
)
def test_the_crew_of_the_flight_asked_before(
    ctx: Context, first: str, then: str, person: str
) -> None:
    reply = ask(ctx, first, then)
    assert reply.kind == "answer", reply.plain()
    assert reply.title != "Who is aboard the ISS"
    assert person in reply.text.split("\n\n")[0]


def test_the_cargo_one_after_a_crew_flight_is_still_another_flight(ctx: Context) -> None:
    reply = ask(ctx, "tell me about soyuz ms-28", "and the cargo one?")
    assert "Soyuz MS-28" not in reply.title
