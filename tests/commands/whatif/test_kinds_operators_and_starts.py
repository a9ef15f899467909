"""Changes that start at a named flight ("grounded after NG-24"), flights named by their kind
rather than their vehicle ("the next three resupply missions"), an operator stopping a vehicle
("northrop grumman stops cygnus flights") and plurals the fuzzy index also matches."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.edits import Cancel, Hold, Move
from commands.whatif.errors import ScenarioError
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import field, parse


def _hold(ctx: Context, text: str, now: dt.date = TODAY) -> Hold:
    (hold,) = parse(ctx, text, now).edits
    assert isinstance(hold, Hold)
    return hold


@pytest.mark.parametrize(
    ("text", "vehicles", "flown"),
    [
        ("the cygnus fleet gets grounded after ng-24", {"cygnus"}, "NG-24"),
        ("crew and cargo dragon grounded after crs-34 for a year", None, "CRS-34"),
        ("soyuz grounded right after ms-29", {"soyuz-ms"}, "Soyuz MS-29"),
        ("cargo dragon quits flying after crs-34", {"cargo-dragon"}, "CRS-34"),
    ],
)
def test_a_start_after_a_flight_that_flew_is_today_and_says_so(
    ctx: Context, text: str, vehicles: set[str] | None, flown: str
) -> None:
    hold = _hold(ctx, text)
    if vehicles is not None:
        assert set(hold.vehicles) == vehicles
    assert hold.start is None  # from today
    assert f"{flown} already flew" in hold.note


def test_a_start_after_a_planned_flight_is_the_day_after_it(ctx: Context) -> None:
    early = dt.date(2026, 6, 1)  # before NG-25's planned date
    hold = _hold(ctx, "cygnus stops flying after ng-25 for 6 months", early)
    assert hold.start is not None
    assert hold.start > early
    assert "day after NG-25" in hold.note
    assert hold.by is not None
    assert hold.by.text == "6 months"


def test_a_start_after_an_overdue_flight_says_it_is_counted_as_flown(ctx: Context) -> None:
    reply = answer(ctx, "what if cygnus is down indefinitely after ng-25", TODAY)
    assert reply.kind == "whatif"
    assert "no launch is recorded" in field(reply, "Assumed")


def test_a_flight_after_after_is_never_silently_dropped(ctx: Context) -> None:
    reply = answer(ctx, "what if cargo dragon stops flying after crs-34", TODAY)
    assert reply.kind == "whatif"
    assert "CRS-34 already flew" in reply.plain()


@pytest.mark.parametrize(
    ("text", "kind", "n", "vehicles"),
    [
        ("we lose the next three resupply missions", Cancel, 3, None),
        ("next 2 cargo runs slip by six weeks", Move, 2, None),
        ("the next two russian cargo ships are scrubbed", Cancel, 2, {"progress-ms"}),
        ("the next 3 flights are delayed a month", Move, 3, None),
    ],
)
def test_flights_named_by_kind_are_the_next_of_that_kind(
    ctx: Context, text: str, kind: type, n: int, vehicles: set[str] | None
) -> None:
    edits = parse(ctx, text).edits
    assert len(edits) == n
    assert all(isinstance(e, kind) for e in edits)
    refs = [e.flight for e in edits if isinstance(e, (Cancel, Move))]
    assert len({f.key for f in refs}) == n
    dues = [f.due for f in refs if f.due is not None]
    assert len(dues) == n
    assert dues == sorted(dues)
    if vehicles is not None:
        assert {f.vehicle for f in refs} == vehicles
    if "cargo" in text or "resupply" in text:
        assert all(ctx.kb.vehicles[f.vehicle].kind != "crew-spacecraft" for f in refs)


def test_one_flight_named_by_kind_is_the_next_one(ctx: Context) -> None:
    (move,) = parse(ctx, "the next crew flight is pushed back 2 months").edits
    assert isinstance(move, Move)
    assert ctx.kb.vehicles[move.flight.vehicle].kind == "crew-spacecraft"
    assert move.flight.how == "the next crew flight"


@pytest.mark.parametrize(
    "text",
    ["the upcoming progresses are lost", "the next resupply missions slip 2 months"],
)
def test_a_plural_with_no_count_asks_how_many(ctx: Context, text: str) -> None:
    with pytest.raises(ScenarioError, match="how many"):
        parse(ctx, text)


@pytest.mark.parametrize(
    ("text", "vehicles"),
    [
        ("northrop grumman stops cygnus flights", {"cygnus"}),
        ("spacex halts its dragon missions for a year", {"cargo-dragon", "crew-dragon"}),
        ("spacex stops flying dragon for 8 months", {"cargo-dragon", "crew-dragon"}),
        # Cygnus flies on Falcon 9: SpaceX stopping its cargo launches stops Cygnus too
        ("spacex stops sending cargo", {"cargo-dragon", "cygnus"}),
    ],
)
def test_an_operator_stopping_a_vehicle_holds_that_vehicle_only(
    ctx: Context, text: str, vehicles: set[str]
) -> None:
    assert set(_hold(ctx, text).vehicles) == vehicles


def test_an_unknown_name_after_stops_is_refused_not_every_flight(ctx: Context) -> None:
    with pytest.raises(ScenarioError, match="not a vehicle I know"):
        parse(ctx, "russia stops flying zorblax for a year")


@pytest.mark.parametrize(
    ("text", "crew"),
    [
        ("how long would the water last for 9 people", 9),
        ("how long does food last with 5 astronauts aboard", 5),
        ("how many days of oxygen would 3 crew have", 3),
    ],
)
def test_a_lasting_question_for_a_crew_size_is_that_crew(
    ctx: Context, text: str, crew: int
) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif"
    assert f"the crew is {crew}" in reply.text


def test_a_lasting_question_with_a_change_after_if_reads_both(ctx: Context) -> None:
    reply = answer(ctx, "how many days of food would 6 people have if no cargo for a year", TODAY)
    assert reply.kind == "whatif"
    assert "the crew is 6" in reply.text
    assert "no cargo" in reply.text


def test_a_lasting_lead_never_says_only_that_it_does_not_run_out_below_the_line(
    ctx: Context,
) -> None:
    reply = answer(ctx, "how long would food last if nothing launches for 8 months", TODAY)
    assert reply.kind == "whatif"
    first = reply.text.split(". ")[0]
    assert "would not run out" not in first or "below" in first


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("ng25 lost + ms36 lost, how bad", 2),
        ("the next two cygnus flights are 3 weeks late", 2),
        ("what if they skip the next progress", 1),
        ("what if the next crew rotation slips 2 months", 1),
        ("cygnus out 4 mos, r we ok", 1),
    ],
)
def test_chat_shorthand_and_plain_verbs_read(ctx: Context, text: str, n: int) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif", reply.plain()
    assert len(parse(ctx, text).edits) == n


@pytest.mark.parametrize(
    ("text", "label", "start"),
    [
        ("russia pulls out of the station in 2028", "no Russian flights", dt.date(2028, 1, 1)),
        ("roscosmos withdraws from the iss in march 2027", "no Roscosmos flights", None),
        ("nasa exits the program in 2028", "no US flights", dt.date(2028, 1, 1)),
    ],
)
def test_a_partner_leaving_the_station_stops_its_flights_from_then(
    ctx: Context, text: str, label: str, start: dt.date | None
) -> None:
    hold = _hold(ctx, text)
    assert hold.label == label
    assert hold.start is not None
    if start is not None:
        assert hold.start == start


def test_a_hold_that_starts_later_says_from_when(ctx: Context) -> None:
    reply = answer(ctx, "what if russia withdraws from the station in 2028", TODAY)
    assert reply.kind == "whatif"
    assert "from 1 January 2028" in reply.text.split(". ")[0]


@pytest.mark.parametrize(
    "text",
    [
        "what if ng-25 only brings half its cargo",
        "what if the next dragon arrives with 800 kg less water",
        "what if the station ends up short 3 tonnes of supplies",
    ],
)
def test_a_changed_load_is_refused_saying_why(ctx: Context, text: str) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "error"
    assert "does not change what a flight carries" in reply.plain()


def test_a_changed_load_beside_a_change_is_named_not_modelled(ctx: Context) -> None:
    reply = answer(ctx, "what if htv-x2 slips 3 months and ng-25 delivers half its load", TODAY)
    assert reply.kind == "whatif"
    assert (
        "Not modelled: “ng-25 delivers half its load” (the model does not change" in reply.plain()
    )


@pytest.mark.parametrize(
    "text", ["no cygnus for 9 months?", "zero russian cargo until next summer?"]
)
def test_a_gap_said_first_as_a_question_is_a_whatif(ctx: Context, text: str) -> None:
    assert answer(ctx, text, TODAY).kind == "whatif"
