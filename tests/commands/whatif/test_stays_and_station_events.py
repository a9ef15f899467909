"""A crew staying past (or short of) its modelled departure ("the MS-30 crew stays 3 months
longer"), events to the station itself (refused by what the model counts) and an empty
station (no margins), asked in several wordings."""

from __future__ import annotations

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.apply import LeftEarly
from commands.whatif.edits import EarlyReturn
from commands.whatif.errors import ScenarioError, Unmodelled
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import applied, edit


@pytest.mark.parametrize(
    ("text", "longer"),
    [
        ("the crew-13 crew stays on for 2 more months", True),
        ("crew 13 extended by six weeks", True),
        ("crew-13's stay is extended by a month", True),
        ("crew thirteen remains aboard an extra month", True),
        ("the crew-13 crew stays 2 months shorter", False),
    ],
)
def test_a_longer_or_shorter_stay_is_read(ctx: Context, text: str, longer: bool) -> None:
    e = edit(ctx, text)
    assert isinstance(e, EarlyReturn)
    assert (e.late is not None) is longer
    assert (e.early is not None) is not longer


def test_a_longer_stay_moves_its_relief_with_it(ctx: Context) -> None:
    a = applied(ctx, "crew 13 stays 2 months longer than planned")
    stay = next(c for c in a.changes if isinstance(c, LeftEarly))
    assert stay.late
    assert stay.due is not None
    assert stay.on > stay.due
    assert stay.relief
    relief = [d for d in a.plan.deliveries if d.label == stay.relief]
    assert relief
    assert relief[0].date == stay.on


def test_a_cargo_flight_staying_longer_is_not_a_crew(ctx: Context) -> None:
    with pytest.raises((ScenarioError, Unmodelled)):
        edit(ctx, "crs-35 stays 2 months longer")


@pytest.mark.parametrize(
    "text",
    [
        "what if the russian segment loses all power",
        "what if they deorbit the station in 2028",
        "what if an air leak gets worse",
    ],
)
def test_an_event_to_the_station_itself_is_refused_by_what_the_model_counts(
    ctx: Context, text: str
) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "error"
    assert "damage to the station itself" in reply.text
    assert "I don't know a flight" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "what if crs-35 is lost and the us segment loses power",
        "what if space junk hits the iss and the crew has to bail",
    ],
)
def test_an_event_beside_a_modelled_change_is_named_as_not_modelled(
    ctx: Context, text: str
) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif"
    assert "Not modelled: “" in reply.text
    assert "its power, its orbit" in reply.text


@pytest.mark.parametrize(
    "text",
    ["what if the whole crew goes home for good", "what if everyone abandons the iss in may"],
)
def test_an_empty_station_gives_no_margins(ctx: Context, text: str) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif"
    assert "with nobody aboard no food, water or oxygen is used" in reply.text
    assert "9,999" not in reply.text


def test_an_added_crew_flight_brings_its_crew(ctx: Context) -> None:
    a = applied(ctx, "what if we fly an extra starliner in may 2027")
    extra = [d for d in a.plan.deliveries if d.key.startswith("added-")]
    assert len(extra) == 1
    assert extra[0].crew == ctx.kb.vehicles["starliner"].crew_size
    assert any("no recorded typical stay" in n for n in a.notes)


def test_a_whole_stay_said_without_a_longer_word_is_never_read_as_time_added(
    ctx: Context,
) -> None:
    for text in (
        "what if crew-13 has to stay 8 months instead of the normal six",
        "suppose the crew-13 crew stays 7 months in total",
    ):
        reply = answer(ctx, text, TODAY)
        assert "stays on until" not in reply.text, reply.text
