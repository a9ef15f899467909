"""The language people use, one class at a time: losing a flight, grounding a vehicle or a pad
and for how long, "the next Progress", the crew size, supply gaps, and the what-if's forms."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from commands.context import Context
from commands.format import day_text
from commands.router import answer
from commands.whatif import ask
from commands.whatif.apply import Held, LeftEarly, Moved
from commands.whatif.baseline import prepare
from commands.whatif.crew import level_on
from commands.whatif.edits import Cancel, CrewChange, EarlyReturn, Hold, Move, add_months
from commands.whatif.errors import ScenarioError
from knowledge.launchers import last_return_to_flight
from knowledge.pads import last_closure, last_damage, reopened
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import applied, edit, field, flight_date, parse

SITE_31 = "baikonur-site-31"


def next_of(ctx: Context, vehicle: str) -> str:
    """The name of the vehicle's next flight, planned or projected."""
    got = prepare(ctx.kb).next_flight(vehicle, TODAY)
    assert got is not None
    return got.name


# --- losing a flight -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "what if crs-35 is lost",
        "what if we lose crs-35",
        "what if crs-35 is scrubbed",
        "what if crs-35 explodes",
        "what if crs-35 blows up",
        "what if crs-35 blew up on launch",
        "what if crs-35 fails",
        "what if crs-35 is destroyed",
        "what if crs-35 doesn't fly",
        "what if crs-35 does not fly",
        "what if crs-35 never flies",
        "what if crs-35 is cancelled",
        "what if crs-35 had been cancelled",
        "what if crs-35 gets scrubbed",
        "what if crs-35's launch fails",
    ],
)
def test_cancel_verbs(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Cancel)
    assert e.flight.key == "crs-35"


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        ("what if we lose crs-34", "crs-34"),
        ("wat if ms-34 blew up on launch", "progress-ms-34"),
        ("what if progress ms-34 hadn't launched", "progress-ms-34"),
        ("what if ms-33 never flew", "progress-ms-33"),
    ],
)
def test_a_flight_that_flew_is_a_counterfactual_in_one_clause(
    ctx: Context, text: str, mission: str
) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.plain()
    name = ctx.kb.missions[mission].name
    assert r.text.startswith(f"If {name} had been lost (it flew on ")
    assert r.text.count("counterfactual") == 0
    assert "would" in r.text.split(")", 1)[1]


def test_lists_share_a_verb(ctx: Context) -> None:
    for text in (
        "what if both crs-35 and ng-25 are lost",
        "what if crs-35 and ng-25 never launch",
        "what if crs-35, ng-25 are cancelled",
    ):
        keys = [e.flight.key for e in parse(ctx, text).edits if isinstance(e, Cancel)]
        assert keys == ["crs-35", "ng-25"], text


# --- the next flight of a vehicle ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("what if we lose the next progress", "progress-ms"),
        ("what if the next Dragon is lost", "cargo-dragon"),
        ("what if the next cygnus is destroyed", "cygnus"),
        ("what if the next soyuz slips 3 months", "soyuz-ms"),
        ("what if the next htv-x slips a month", "htv-x"),
        ("what if dragon explodes", "cargo-dragon"),
    ],
)
def test_the_next_flight_of_a_vehicle_says_which(ctx: Context, text: str, vehicle: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Cancel | Move)
    assert e.flight.vehicle == vehicle
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.plain()
    short = e.flight.how.removeprefix("the next ")
    assert f"If the next {short} (" in r.text
    if e.flight.slot is None:
        assert e.flight.name in r.text.split(")")[0]
    else:
        assert "(projected for " in r.text


def test_the_next_flight_past_the_recorded_ones_is_a_projected_one(ctx: Context) -> None:
    missions = {
        mid: m.model_copy(update={"status": "launched"}) if m.vehicle == "progress-ms" else m
        for mid, m in ctx.kb.missions.items()
    }
    flown = dataclasses.replace(ctx, kb=dataclasses.replace(ctx.kb, missions=missions))
    got = prepare(flown.kb).next_flight("progress-ms", TODAY)
    assert got is not None
    assert got.slot is not None
    r = ask(flown, "what if we lose the next progress", TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith("If the next Progress (projected for ")


# --- grounding a vehicle -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("what if cargo dragon is grounded for 6 months", "cargo-dragon"),
        ("what if cygnus is stood down for a year", "cygnus"),
        ("what if progress is out for 3 months", "progress-ms"),
        ("what if soyuz stands down until March", "soyuz-ms"),
        ("what if crew dragon is grounded for the rest of 2027", "crew-dragon"),
    ],
)
def test_grounding_a_vehicle(ctx: Context, text: str, vehicle: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert e.vehicles == (vehicle,)
    assert ask(ctx, text, TODAY).kind == "whatif"


def test_a_grounding_with_no_end_holds_for_the_whole_run(ctx: Context) -> None:
    r = ask(ctx, "what if cygnus is grounded", TODAY)
    assert r.text.startswith("If Cygnus is grounded with no end date, ")
    a = applied(ctx, "what if cygnus is grounded")
    assert a.open_ended
    assert not [d for d in a.plan.deliveries if d.vehicle == "cygnus" and d.date >= TODAY]


@pytest.mark.parametrize(
    "text",
    [
        "what if the dragons are stood down for a year",
        "what if dragon gets grounded",
        "what if spacex dragon can't fly until 2028",
        "what if dragon is out of service for 10 months",
        "what if the dragon capsule gets grounded for 3 months",
    ],
)
def test_a_family_word_grounds_the_whole_family(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert set(e.vehicles) == {"cargo-dragon", "crew-dragon"}
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith("If Cargo Dragon and Crew Dragon are grounded ")
    assert "crew rotation on Crew Dragon stops too" in field(r, "Assumed")


def test_grounding_both_dragons_leaves_the_station_short_of_crew(ctx: Context) -> None:
    base = prepare(ctx.kb).baseline.plan.crew
    a = applied(ctx, "what if dragon is grounded for two years")
    window = [TODAY + dt.timedelta(days=i) for i in range(0, 730, 7)]
    # when the Crew Dragon crew aboard must come home unrelieved, the crew drops by its four
    assert min(level_on(base, d) for d in window) == 7
    assert min(level_on(a.plan.crew, d) for d in window) == 3
    r = ask(ctx, "what if dragon is grounded for two years", TODAY)
    assert re.search(r"the crew is \d+ instead of 7 from ", r.text), r.text


def test_no_flights_of_a_family_holds_the_family_and_its_cargo_only_for_cargo(
    ctx: Context,
) -> None:
    e = edit(ctx, "what if there are no dragon flights for 6 months")
    assert isinstance(e, Hold)
    assert set(e.vehicles) == {"cargo-dragon", "crew-dragon"}
    e = edit(ctx, "what if no dragon cargo for 6 months")
    assert isinstance(e, Hold)
    assert e.vehicles == ("cargo-dragon",)


def test_a_grounded_launcher_grounds_what_flies_on_it(ctx: Context) -> None:
    e = edit(ctx, "what if falcon 9 is grounded for 3 months")
    assert isinstance(e, Hold)
    assert "cargo-dragon" in e.vehicles
    assert "cygnus" in e.vehicles


# --- a launcher failing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vehicles", "pads"),
    [
        ("what if the h3 rocket has a launch failure", {"htv-x"}, ()),
        ("what if a soyuz rocket crashes at baikonur", {"progress-ms", "soyuz-ms"}, (SITE_31,)),
        (
            "what if we lose a falcon 9 on the pad at the cape",
            {"cargo-dragon", "crew-dragon", "cygnus"},
            ("slc-40",),
        ),
        ("what if f9 explodes", {"cargo-dragon", "crew-dragon", "cygnus"}, ()),
        ("what if falcon nine has an anomaly", {"cargo-dragon", "crew-dragon", "cygnus"}, ()),
        # "the pad" a launcher fails on is its own, not the last damaged one
        (
            "what if a falcon 9 blows up on the pad",
            {"cargo-dragon", "crew-dragon", "cygnus"},
            ("slc-40",),
        ),
    ],
)
def test_a_launcher_failure_grounds_what_it_carries_and_the_pad(
    ctx: Context, text: str, vehicles: set[str], pads: tuple[str, ...]
) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert set(e.vehicles) == vehicles
    assert e.pads == pads
    assert e.cause == "fails"
    # no length given: as long as the latest recorded return to flight took (stated)
    launcher = next(v for v in ctx.kb.vehicles.values() if e.label == f"{v.name} grounded")
    got = last_return_to_flight(ctx.kb, launcher.id)
    assert got is not None
    assert e.by is not None
    assert e.by.days() == (got[2] - got[1]).days
    assert f"for {(got[2] - got[1]).days} days, as long as " in e.note


def test_a_launcher_failure_says_what_it_assumed(ctx: Context) -> None:
    r = ask(ctx, "what if an f9 launch fails at slc-40", TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith("If Falcon 9 is grounded for ")
    assert "after a failure on Cape Canaveral SLC-40" in r.text
    assumed = field(r, "Assumed")
    assert "Falcon 9 carries Cargo Dragon, Crew Dragon and Cygnus" in assumed
    assert "A failure is taken to ground Falcon 9 for " in assumed
    assert "Cape Canaveral SLC-40 is down as long" in assumed
    d = ask(ctx, "what if an f9 launch fails at slc-40 details", TODAY)
    assert field(d, "Scenario").count("A failure is taken to ground Falcon 9") == 1


@pytest.mark.parametrize(
    "text",
    [
        "what if there's a falcon 9 failure",
        "what if roscosmos has another soyuz rocket explosion",
        "what if nasa suffers an h3 launch failure",
    ],
)
def test_a_launcher_failure_said_as_a_noun(ctx: Context, text: str) -> None:
    edits = parse(ctx, text).edits
    assert [type(e) for e in edits] == [Hold]
    hold = edits[0]
    assert isinstance(hold, Hold)
    assert hold.cause == "fails"


def test_a_launcher_failing_with_a_flight_loses_it_too(ctx: Context) -> None:
    edits = parse(ctx, "what if f9 explodes carrying crs-35").edits
    assert [type(e) for e in edits] == [Cancel, Hold]
    lost = edits[0]
    assert isinstance(lost, Cancel)
    assert lost.flight.key == "crs-35"
    edits = parse(ctx, "what if the next falcon 9 launch blows up").edits
    assert [type(e) for e in edits] == [Cancel, Hold]
    lost = edits[0]
    assert isinstance(lost, Cancel)
    carried = {v.id for v in ctx.kb.vehicles.values() if "falcon-9" in v.launchers}
    assert lost.flight.vehicle in carried
    r = ask(ctx, "what if the next falcon 9 launch blows up", TODAY)
    assert r.text.startswith(f"If the next Falcon 9 ({lost.flight.name}, "), r.text


def test_a_launcher_failure_with_a_length_or_a_date_uses_them(ctx: Context) -> None:
    e = edit(ctx, "what if a falcon 9 blows up for 4 months")
    assert isinstance(e, Hold)
    assert e.by is not None
    assert e.by.amount == 4
    e = edit(ctx, "what if f9 fails in march 2027")
    assert isinstance(e, Hold)
    assert e.start == dt.date(2027, 3, 1)


# --- a pad down ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pad"),
    [
        ("what if the soyuz pad is out for a year", SITE_31),
        ("what if baikonur is down for a year", SITE_31),
        ("what if the dragon pad is closed for 3 months", "slc-40"),
        ("what if the progress pad is wrecked for 6 months", SITE_31),
        ("what if slc-40 is destroyed for a year", "slc-40"),
        ("what if pad 31/6 stays down for 2 years", SITE_31),
        ("what if site 31/6 is unusable until March 2027", SITE_31),
        # any of the pad's names, typed with or without "site"/"pad"/"launch"
        ("what if launch site 31 is out for 5 months", SITE_31),
        ("what if pad 31 is closed for 8 months", SITE_31),
        ("what if 31-6 is offline for two years", SITE_31),
        ("what if the pad at baikonur is wrecked for 4 months", SITE_31),
        ("what if the baikonur pad is unavailable until June", SITE_31),
        ("what if russia's launch pad is out for a full year", SITE_31),
        ("what if site 31 at baikonur is down for a year", SITE_31),
        ("what if the soyuz launch site goes offline for two whole years", SITE_31),
        ("what if gagarins start is closed for 2 years", "baikonur-site-1"),
        ("what if slc-40 blows up", "slc-40"),
        ("what if slc 40 is bricked for 3 months", "slc-40"),
        ("what if the soyuz pad gets trashed", SITE_31),
        # two state words in a row: the second is not part of the pad's name
        ("what if down wrecked slc-40", "slc-40"),
        ("suppose offline damaged pad 31", SITE_31),
    ],
)
def test_pads_by_name_vehicle_or_site(ctx: Context, text: str, pad: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert e.pads == (pad,)


def test_a_pad_down_again_copies_its_own_recorded_closure(ctx: Context) -> None:
    closure = last_closure(ctx.kb, SITE_31)
    assert closure is not None
    e = edit(ctx, "what if 31/6 breaks again")
    assert isinstance(e, Hold)
    assert e.by is not None
    assert e.by.days() == (closure[1] - closure[0]).days
    e = edit(ctx, "what if pad 31 gets blown up like last time")
    assert isinstance(e, Hold)
    assert e.by is not None
    assert e.by.days() == (closure[1] - closure[0]).days
    # a length given wins over "again"
    e = edit(ctx, "what if the 31/6 pad goes offline again for eight whole months")
    assert isinstance(e, Hold)
    assert e.by is not None
    assert e.by.amount == 8


def test_a_repair_length_said_after_and_is_the_same_closure(ctx: Context) -> None:
    e = edit(ctx, "what if the soyuz pad gets damaged and takes 5 months to repair")
    assert isinstance(e, Hold)
    assert e.pads == (SITE_31,)
    assert e.by is not None
    assert e.by.amount == 5


def test_a_pad_no_iss_flight_uses_changes_nothing_and_says_why(ctx: Context) -> None:
    r = ask(ctx, "what if gagarin's start is wrecked for 18 months", TODAY)
    assert r.kind == "whatif", r.plain()
    assert "no ISS flight launches from it, so supplies do not change" in r.text


def test_a_pad_read_from_a_vehicle_or_a_site_says_how(ctx: Context) -> None:
    r = ask(ctx, "what if the soyuz pad is out for a year details", TODAY)
    assert "“the soyuz pad” taken as Baikonur Site 31/6, where Soyuz flies from" in field(
        r, "Scenario"
    )
    r = ask(ctx, "what if baikonur is down for a year details", TODAY)
    assert "“baikonur” taken as Baikonur Site 31/6, its pad for ISS flights" in field(r, "Scenario")


def test_wrecked_like_another_pad_copies_its_recorded_closure(ctx: Context) -> None:
    e = edit(ctx, "what if slc-40 gets wrecked like 31/6 did")
    assert isinstance(e, Hold)
    assert e.pads == ("slc-40",)
    down = last_damage(ctx.kb, SITE_31)
    assert down is not None
    up = reopened(ctx.kb, SITE_31, down)
    assert up is not None
    assert e.by is not None
    assert e.by.days() == (up - down).days
    r = ask(ctx, "what if slc-40 gets wrecked like 31/6 did", TODAY)
    assert f"as long as Baikonur Site 31/6 was ({(up - down).days} days" in r.text


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("what if baikonur is down until March", dt.date(2027, 3, 1)),
        ("what if baikonur is down until mid-June 2027", dt.date(2027, 6, 15)),
        ("what if baikonur is down for the rest of 2027", dt.date(2028, 1, 1)),
        ("what if baikonur is down through 2027", dt.date(2028, 1, 1)),
    ],
)
def test_how_long_until(ctx: Context, text: str, until: dt.date) -> None:
    held = next(c for c in applied(ctx, text).changes if isinstance(c, Held))
    assert held.reopen == until


def test_another_year_counts_from_the_recorded_repair(ctx: Context) -> None:
    down = last_damage(ctx.kb, SITE_31)
    assert down is not None
    up = reopened(ctx.kb, SITE_31, down)
    assert up is not None
    held = next(
        c
        for c in applied(ctx, "what if baikonur is down another year").changes
        if isinstance(c, Held)
    )
    assert held.down == down
    assert held.reopen == dt.date(up.year + 1, up.month, up.day)
    assert held.repair == up


@pytest.mark.parametrize(
    "text",
    [
        "what if pad 31/6 had stayed broken for a year",
        "what if site 31/6 had been grounded for a year",
        "what if pad 31/6 had remained out of action for a year",
    ],
)
def test_a_past_closure_counts_from_the_recorded_damage(ctx: Context, text: str) -> None:
    held = next(c for c in applied(ctx, text).changes if isinstance(c, Held))
    assert held.down == last_damage(ctx.kb, SITE_31)
    assert held.from_damage


def test_the_pad_unnamed_is_asked_about_when_none_was_damaged(ctx: Context) -> None:
    pads = {
        pid: p.model_copy(update={"history": (), "status": "active"})
        for pid, p in ctx.kb.pads.items()
    }
    kb = dataclasses.replace(ctx.kb, pads=pads)
    r = ask(dataclasses.replace(ctx, kb=kb), "what if the pad stays down for 6 months", TODAY)
    assert r.kind == "error"
    assert "which pad" in r.text
    assert r.suggestions


# --- crew ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "crew", "delta"),
    [
        ("what if crew goes to 4", 4, 0),
        ("what if 4 crew", 4, 0),
        ("what if crew of 7", 7, 0),
        ("what if the crew drops to three", 3, 0),
        ("what if only 3 people are aboard", 3, 0),
        ("what if we add a crew member", None, 1),
        ("what if we add 2 astronauts", None, 2),
        ("what if one crew member leaves", None, -1),
        ("what if we lose a crew member", None, -1),
        ("what if the crew grows by 2", None, 2),
        # the size it changes from, said alongside, is read too
        ("what if the station had a crew of five instead of seven", 5, 0),
        ("what if the crew is cut from 7 to 3", 3, 0),
        ("what if the crew shrinks to 6 from 7", 6, 0),
        ("what if only 3 people were on board rather than the usual 7", 3, 0),
        ("what if a crew of four, not seven", 4, 0),
        ("what if the crew size was reduced to 5", 5, 0),
        ("what if the crew complement went down to 2", 2, 0),
        ("what if we cut the crew to 4", 4, 0),
        ("what if the iss ran with a 6-person crew", 6, 0),
    ],
)
def test_crew_size(ctx: Context, text: str, crew: int | None, delta: int) -> None:
    e = edit(ctx, text)
    assert isinstance(e, CrewChange)
    assert (e.crew, e.delta) == (crew, delta)


def test_a_crew_flight_name_is_not_a_crew_size(ctx: Context) -> None:
    e = edit(ctx, "what if crew-13 had slipped a month")
    assert isinstance(e, Move)
    assert e.flight.key == "crew-13"


def test_a_crew_size_says_what_it_was(ctx: Context) -> None:
    r = ask(ctx, "what if the station only had a crew of 5 instead of 7", TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith("If the crew is 5 instead of 7, ")


def test_a_crew_change_from_a_date(ctx: Context) -> None:
    e = edit(ctx, "what if the crew is 4 from March 2027")
    assert isinstance(e, CrewChange)
    assert e.since == dt.date(2027, 3, 1)


# --- a crew leaving early ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flight", "vehicle"),
    [
        ("what if crew-13 has to come home early", "crew-13", ""),
        ("what if the crew of soyuz ms-29 is evacuated", "soyuz-ms-29", ""),
        ("what if crew 13's astronauts are sent home in february", "crew-13", ""),
        ("what if the soyuz cosmonauts head home a month early", None, "soyuz-ms"),
        ("what if the crew dragon crew cuts its stay short", None, "crew-dragon"),
        ("what if crew-13 bails out like crew-11 did", "crew-13", ""),
        ("what if someone on crew-13 falls ill and they come home", "crew-13", ""),
        ("what if crew 13 has a medical emergency and has to leave", "crew-13", ""),
        ("what if crew-13 went home in january like crew 11", "crew-13", ""),
        ("what if the crew-13 folks come back early", "crew-13", ""),
        ("what if the ms-30 crew has to leave in june 2027", "soyuz-ms-30", ""),
    ],
)
def test_a_crew_leaving_early(ctx: Context, text: str, flight: str | None, vehicle: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, EarlyReturn)
    assert (e.flight.key if e.flight else None, e.vehicle) == (flight, vehicle)


def test_a_crew_leaving_early_with_no_date_leaves_today_and_the_crew_drops(
    ctx: Context,
) -> None:
    r = ask(ctx, "what if crew-13 has to come home early", TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith(
        f"If Crew-13's crew of 4 leaves early today ({day_text(TODAY)}; no date given), "
        f"the crew is 3 instead of 7 from {day_text(TODAY)} to "
    ), r.text
    a = applied(ctx, "what if crew-13 has to come home early")
    assert level_on(a.plan.crew, TODAY) == 3
    assert level_on(a.plan.crew, TODAY - dt.timedelta(days=1)) == 7
    # back to seven once the relief flight arrives, as in the unchanged plan
    base = prepare(ctx.kb).baseline.plan.crew
    later = TODAY + dt.timedelta(days=365)
    assert level_on(a.plan.crew, later) == level_on(base, later)


def test_a_crew_leaving_early_names_the_precedent(ctx: Context) -> None:
    r = ask(ctx, "what if crew-13 bails out like crew-11 did", TODAY)
    assert "Crew-11's crew left on 15 January 2026, the precedent named" in field(r, "Assumed")


def test_a_crew_leaving_some_time_early_counts_back_from_when_it_was_due(ctx: Context) -> None:
    a = applied(ctx, "what if the soyuz cosmonauts head home a month early")
    left = next(c for c in a.changes if isinstance(c, LeftEarly))
    assert left.due is not None
    assert left.on == add_months(left.due, -1)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("what if crew-12 came home early", "already left"),
        ("what if cygnus ng-25 leaves early", "brings no crew"),
        ("what if crew-13 leaves early in 2030", "is not early"),
        ("what if the soyuz ms-30 crew bails early", "arrives on"),
    ],
)
def test_a_crew_leaving_early_that_cannot_be_is_refused(ctx: Context, text: str, says: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "error", r.plain()
    assert says in r.text
    assert r.suggestions


@pytest.mark.parametrize(
    "text", ["what if the whole crew has to evacuate", "what if nasa abandons the station"]
)
def test_everyone_leaving_is_a_crew_of_none(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, CrewChange)
    assert e.crew == 0


# --- supply gaps -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vehicles"),
    [
        ("what if no cargo for 6 months", {"cargo-dragon", "cygnus", "htv-x", "progress-ms"}),
        ("what if there's no cargo at all for 6 months", {"cargo-dragon", "progress-ms"}),
        ("what if no Russian cargo until June", {"progress-ms"}),
        ("what if no US cargo for a year", {"cargo-dragon", "cygnus"}),
        ("what if all cargo flights stop for 6 months", {"progress-ms", "cygnus"}),
        ("what if no progress flights for a year", {"progress-ms"}),
    ],
)
def test_supply_gaps(ctx: Context, text: str, vehicles: set[str]) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert vehicles <= set(e.vehicles)
    if "Russian" in text or "progress" in text:
        assert set(e.vehicles) == {"progress-ms"}
    assert "crew-dragon" not in e.vehicles


def test_no_russian_cargo_until_june_holds_progress_until_the_next_june(ctx: Context) -> None:
    r = ask(ctx, "what if no Russian cargo until June", TODAY)
    assert r.text.startswith("If there is no Russian cargo until 1 June 2027, ")
    a = applied(ctx, "what if no Russian cargo until June")
    assert not [
        d
        for d in a.plan.deliveries
        if d.vehicle == "progress-ms" and TODAY < d.date < dt.date(2027, 6, 1)
    ]


# --- slips and moves ---------------------------------------------------------------------


def test_month_targets_resolve_against_the_flights_plan(ctx: Context) -> None:
    was = flight_date(ctx, "crs-35")
    a = applied(ctx, "what if crs 35 slips to december")
    moved = next(c for c in a.changes if isinstance(c, Moved))
    assert moved.new == dt.date(was.year if was.month < 12 else was.year + 1, 12, 1)
    a = applied(ctx, "what if crs-35 moves up to mid-May")
    moved = next(c for c in a.changes if isinstance(c, Moved))
    assert moved.new == dt.date(was.year if was.month > 5 else was.year - 1, 5, 15)


@pytest.mark.parametrize("phrase", ["late summer", "later", "next year"])
def test_a_vague_target_is_refused_with_choices(ctx: Context, phrase: str) -> None:
    r = ask(ctx, f"what if crs-35 is delayed until {phrase}", TODAY)
    assert r.kind == "error"
    assert "too vague" in r.text
    assert phrase in r.text


def test_slips_and_moves(ctx: Context) -> None:
    was = flight_date(ctx, "crs-35")
    for text, new in (
        (
            "what if crs-35 slips 3 months",
            dt.date(was.year + (was.month > 9), (was.month + 2) % 12 + 1, was.day),
        ),
        ("what if crs-35 is pushed to Q1 2027", dt.date(2027, 1, 1)),
        ("what if crs-35 moves to 2027-02-10", dt.date(2027, 2, 10)),
    ):
        moved = next(c for c in applied(ctx, text).changes if isinstance(c, Moved))
        assert moved.new == new, text


# --- forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wat if crs-35 is lost",
        "wht if crs-35 is lost",
        "what happens if crs-35 is lost",
        "suppose crs-35 is lost",
        "imagine crs-35 is lost",
        "if crs-35 is lost then?",
        "if crs-35 is lost, then what",
        "What if CRS-35 is lost?",
        "suppose CRS-35 is lost, are we ok?",
    ],
)
def test_forms_and_typos_reach_the_what_if(ctx: Context, text: str) -> None:
    r = answer(ctx, text, TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith("If CRS-35 is lost, ")


def test_blind_set_phrasings_are_understood(ctx: Context) -> None:
    for text in (
        "what if we lose the next progress",
        "what if baikonur is down another year",
        "what if crew goes to 4",
        "wat if ms-34 blew up on launch",
        "what if slc-40 gets wrecked like 31/6 did",
        "what if no cargo at all for 6 months",
        "what if the soyuz pad is out for a year",
        "what if we lose crs-34",
        "what if dragon is grounded",
    ):
        r = answer(ctx, text, TODAY)
        assert r.kind == "whatif", r.plain()


def test_unknown_names_are_refused_with_choices(ctx: Context) -> None:
    with pytest.raises(ScenarioError):
        parse(ctx, "what if progress ms-99 slips 2 months")
    r = ask(ctx, "what if progress ms-99 slips 2 months", TODAY)
    assert r.kind == "error"
    assert "progress ms-99" in r.text
    assert all("slips 2 months" in s.query for s in r.suggestions)


@pytest.mark.parametrize(
    ("text", "vehicles"),
    [
        ("what if russia stops sending progress", {"progress-ms"}),
        ("what if nasa stops sending cargo for a year", {"cargo-dragon", "cygnus"}),
        ("what if spacex stops flying for a year", {"cargo-dragon", "crew-dragon", "cygnus"}),
        ("what if roscosmos stops launching", {"progress-ms", "soyuz-ms"}),
    ],
)
def test_stopping_a_supply_line(ctx: Context, text: str, vehicles: set[str]) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert vehicles <= set(e.vehicles)
    if "stops sending" in text:
        assert "crew-dragon" not in e.vehicles
    if "nasa" in text:
        assert "progress-ms" not in e.vehicles


def test_late_by_a_length_is_a_slip(ctx: Context) -> None:
    e = edit(ctx, "what if the next progress is 2 months late")
    assert isinstance(e, Move)
    assert e.sign == 1
    assert e.by is not None
    assert (e.by.amount, e.by.unit) == (2, "month")


def test_several_next_flights(ctx: Context) -> None:
    for text in ("what if we lose two progress flights", "what if the next 2 progress are lost"):
        edits = parse(ctx, text).edits
        assert len(edits) == 2, text
        assert all(isinstance(e, Cancel) and e.flight.vehicle == "progress-ms" for e in edits)
        assert edits[1].flight.how == "the Progress after it"  # type: ignore[union-attr]


def test_a_leading_verb_is_shared_by_the_names_after_it(ctx: Context) -> None:
    edits = parse(ctx, "what if the iss loses a progress and a dragon").edits
    assert [e.flight.vehicle for e in edits] == ["progress-ms", "cargo-dragon"]  # type: ignore[union-attr]


def test_an_added_flight_in_a_month(ctx: Context) -> None:
    a = applied(ctx, "what if we send an extra dragon in january")
    added = [d for d in a.plan.deliveries if d.key.startswith("added-")]
    assert [(d.vehicle, d.date) for d in added] == [("cargo-dragon", dt.date(2027, 1, 1))]


# --- nothing flies; a recycler; the plan's own precision in the verdict -------------------------


@pytest.mark.parametrize(
    "text",
    ["what if nothing flies to the station for 9 months", "suppose nobody launches for a year"],
)
def test_nothing_launching_is_a_gap_in_every_flight(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    crew_ships = {v.id for v in ctx.kb.vehicles.values() if v.kind == "crew-spacecraft"}
    assert crew_ships & set(e.vehicles)


def test_a_recycler_rate_is_the_water_recovery(ctx: Context) -> None:
    r = ask(ctx, "what if the recycler only gets 91% back", TODAY)
    assert r.text.startswith("If water recovery is 91%"), r.text


def test_a_coarse_or_passed_plan_is_never_given_as_a_coming_day(ctx: Context) -> None:
    """The verdict names the next flight's plan as the base has it: a quarter stays a quarter,
    and a plan whose dates have all passed reads as past, not as "due" on a day."""
    kb = ctx.kb
    for vehicle in ("cygnus", "cargo-dragon", "htv-x", "progress-ms"):
        r = ask(ctx, f"what if we lose the next {short(kb, vehicle)}", TODAY)
        lead = r.text.split(" is lost")[0]
        m = re.search(r"\((?P<name>[^,]+), (?P<when>.+)\)$", lead)
        if m is None:
            continue  # a projected flight
        mission = next(x for x in kb.missions.values() if x.name == m["name"])
        plan = mission.schedule[-1].planned
        assert "due" not in m["when"], r.text
        if plan.is_past(TODAY):
            assert m["when"].startswith("was planned for"), r.text
        if plan.precision != "day":
            assert not re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", m["when"].split(";")[0]), r.text


def short(kb: object, vehicle: str) -> str:
    from commands.whatif.projection import short_name

    return short_name(kb, vehicle)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "what if all resupply flights suddenly halted",
        "what if cargo deliveries simply stop from tomorrow",
    ],
)
def test_words_that_colour_a_change_are_dropped(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert e.by is None
    assert e.until is None


@pytest.mark.parametrize(
    "text", ["what if progress is phased out", "what if the htv-x gets retired early"]
)
def test_a_retired_vehicle_is_held_for_the_whole_run(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Hold)
    assert e.vehicles
    assert e.by is None
    assert e.until is None
    reply = ask(ctx, text, TODAY)
    assert "No end date given: held to the end of the run" in field(reply, "Assumed")


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("what if ng-25 slips to the fall of 2027", "Q4 2027"),
        ("what if crs-35 is delayed to spring 2027", "Q2 2027"),
        ("what if soyuz ms-30 moves to summer 2027", "Q3 2027"),
    ],
)
def test_a_season_is_read_as_its_quarter(ctx: Context, text: str, quarter: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Move)
    assert e.to is not None
    assert f"(read as {quarter})" in e.typed
    assert f"(read as {quarter})" in ask(ctx, text, TODAY).text


@pytest.mark.parametrize(
    ("text", "month"),
    [("what if crs-35 slips to next summer", 7), ("what if ng-25 is delayed until winter", 1)],
)
def test_a_season_without_a_year_is_its_next_quarter(ctx: Context, text: str, month: int) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Move)
    assert e.month is not None
    assert e.month.month == month
    assert "(read as Q" in ask(ctx, text, TODAY).text


@pytest.mark.parametrize(
    "text",
    [
        "ng-25 launches three weeks late",
        "crs-35 docks 10 days late",
        "htv-x2 lifts off a month later",
        "progress ms-36 berths 2 weeks late",
    ],
)
def test_a_flight_verb_said_late_is_a_slip(ctx: Context, text: str) -> None:
    e = edit(ctx, text)
    assert isinstance(e, Move)
    assert e.sign == 1
    assert e.by is not None
