"""Vehicles said in the plural or counted ("the next two dragons", "two dragons in a row"),
and several countries or operators stopping at once ("the us and russia both stop sending
cargo"), asked with or without a "what if"."""

from __future__ import annotations

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.edits import Cancel, Hold, Move
from commands.whatif.errors import ScenarioError
from commands.whatif.trigger import looks_like_whatif
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import parse


@pytest.mark.parametrize(
    ("text", "kind", "n"),
    [
        ("the next two dragons both slip 3 months", Move, 2),
        ("next 2 dragons are delayed by six weeks", Move, 2),
        ("two dragons in a row fail", Cancel, 2),
        ("2 progresses back to back are lost", Cancel, 2),
        ("the next three cygnuses are scrubbed", Cancel, 3),
        ("3 soyuzes in succession slip a month", Move, 3),
    ],
)
def test_counted_plural_vehicles_are_their_next_flights(
    ctx: Context, text: str, kind: type, n: int
) -> None:
    edits = parse(ctx, text).edits
    assert len(edits) == n
    assert all(isinstance(e, kind) for e in edits)
    assert len({e.flight.key for e in edits}) == n  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["the next dragons slip 3 months", "cygnuses are lost", "the next dragons are lost"],
)
def test_a_plural_with_no_count_asks_how_many(ctx: Context, text: str) -> None:
    with pytest.raises(ScenarioError, match="how many"):
        parse(ctx, text)


def test_a_plural_family_grounded_is_the_whole_family(ctx: Context) -> None:
    (hold,) = parse(ctx, "dragons are grounded for 6 months").edits
    assert isinstance(hold, Hold)
    assert set(hold.vehicles) == {"cargo-dragon", "crew-dragon"}


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("the us and russia both stop sending cargo", {"no US cargo", "no Russian cargo"}),
        ("russia and the us stop resupply for 6 months", {"no US cargo", "no Russian cargo"}),
        ("america and russia stop resupplying the station", {"no US cargo", "no Russian cargo"}),
        ("nasa and jaxa stop sending cargo for a year", {"no US cargo", "no Japanese cargo"}),
        (
            "the us, russia and japan stop flying",
            {"no US flights", "no Russian flights", "no Japanese flights"},
        ),
        ("roscosmos stops supplying the iss", {"no Russian cargo"}),
    ],
)
def test_several_countries_stopping_hold_each(ctx: Context, text: str, labels: set[str]) -> None:
    edits = parse(ctx, text).edits
    assert all(isinstance(e, Hold) for e in edits)
    assert {e.label for e in edits if isinstance(e, Hold)} == labels


@pytest.mark.parametrize(
    "text",
    [
        "if the us and russia both stop sending cargo, how long does the station last",
        "if russia and the us stop resupply for 6 months, what happens",
        "if america and russia both stop resupplying the station, are we ok",
        "progress ms-36 delayed to march, impact?",
        "crs-35 slips to april, consequences?",
        "ng-25 pushed back 2 months - effect?",
    ],
)
def test_stops_and_statement_delays_are_whatifs(ctx: Context, text: str) -> None:
    assert looks_like_whatif(text)
    assert answer(ctx, text, TODAY).kind == "whatif"


def test_a_delay_of_a_flight_that_flew_says_it_flew(ctx: Context) -> None:
    reply = answer(ctx, "progress ms-34 delayed to march, impact?", TODAY)
    assert reply.kind == "whatif"
    assert "it flew on" in reply.text
