"""Which fact an answer leads with: the docking port, who caught a ship, a pad's first launch,
a vehicle's docking plan for a yes/no question."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import first


def test_where_a_ship_docked_leads_with_the_port(ctx: Context) -> None:
    text = first(ctx, "what module did progress ms-33 attach to when it docked")
    assert text.startswith("Progress MS-33 docked to the Poisk module on 24 March 2026")
    text = first(ctx, "where did soyuz ms-29 dock")
    assert "nadir port of Prichal" in text
    assert text.index("Prichal") < text.index("2026")
    text = first(ctx, "which port was progress ms-30 docked at")
    assert "aft port of Zvezda" in text
    assert "Unity" in first(ctx, "which module did ng-24 berth to")


def test_where_a_ship_docked_when_the_sources_name_no_port(ctx: Context) -> None:
    text = first(ctx, "which port did crew-12 dock at")
    assert "do not say which port" in text
    assert "14 February 2026" in text
    # no docking event, but a sentence of the record names the module
    assert "Poisk" in first(ctx, "what module did progress ms-31 dock to")


def test_the_arm_catching_a_ship_is_its_capture(ctx: Context) -> None:
    text = first(ctx, "who grabbed ng-24 with canadarm2")
    assert "Jack Hathaway" in text
    text = first(ctx, "which astronaut caught the cygnus ng-24 using the robot arm")
    assert "Jack Hathaway" in text
    text = first(ctx, "who caught ng-23")
    assert "Captured with Canadarm2" in text
    assert "name no one" in text


def test_a_pads_first_launch(ctx: Context) -> None:
    for q in ("when did site 31/6 first launch anything", "when was 31/6 opened"):
        assert "27 February 1961" in first(ctx, q), q
    # the first Vulcan launch from SLC-41 is not the pad's own first launch
    text = first(ctx, "when was slc-41 first used")
    assert "own first launch is not recorded" in text


def test_a_vehicles_docking_plan_answers_yes_or_no(ctx: Context) -> None:
    text = first(ctx, "is dream chaser gonna berth at the station or not")
    assert text.startswith("No.")
    assert "no docking with the ISS" in text
    text = first(ctx, "will sierra space's dream chaser dock with the iss")
    assert text.startswith("No.")
    assert first(ctx, "does cygnus dock with the iss").startswith("Yes.")


def test_a_how_much_question_leads_a_topic_with_its_amount(ctx: Context) -> None:
    for q in ("how much is russia spending on its new ROS station", "ROS budget?"):
        assert first(ctx, q).startswith("ROS's budget"), q
        assert "608.9 billion roubles" in first(ctx, q)


def test_a_why_question_leads_a_topic_with_its_cause(ctx: Context) -> None:
    for q in (
        "why can't NASA swap progress for extra dragon flights",
        "why couldn't dragons substitute for progress",
    ):
        assert first(ctx, q).startswith("Dragon cannot replace Progress's propellant"), q
    # the topic that explains, not the one listing who was involved
    for q in ("why was artemyev pulled from crew 12", "why did artemyev lose his crew-12 seat"):
        text = first(ctx, q)
        assert "photographing restricted SpaceX documents" in text, q


def test_a_topic_lead_never_opens_with_a_pronoun(ctx: Context) -> None:
    text = first(ctx, "why did fedyaev replace artemyev")
    assert not text.startswith(("He ", "She ", "It "))
