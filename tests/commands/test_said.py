"""Attributes no field holds, answered from a sentence carrying a value of the asked kind."""

from __future__ import annotations

from commands.context import Context
from commands.said import Kind, has_value_near, planned_days
from tests.commands.conftest import lead


def test_a_name_given_in_a_sentence_answers_what_a_ship_was_called(ctx: Context) -> None:
    for q in (
        "what was the NG-24 cygnus called",
        "whats the name of the ng-24 spacecraft",
        "what was ng-24 named",
    ):
        text = lead(ctx, q)
        assert text.startswith("NG-24: The Cygnus XL was named S.S. Steven R. Nagel"), q
        # marked with its source: a weak one is named as the only one, unverified
        assert "per " in text or "reported only by" in text, q
    assert "Progress 91" in lead(ctx, "what does nasa call progress ms-30")
    assert "Tenacity" in lead(ctx, "what is the first dream chaser called")


def test_no_name_in_the_texts_is_not_known_never_another_ships(ctx: Context) -> None:
    text = lead(ctx, "what was the name of the NG-23 cygnus")
    assert text.startswith("Not known"), text
    assert "Nagel" not in text


def test_fields_still_answer_name_like_questions(ctx: Context) -> None:
    assert "Freedom" in lead(ctx, "what's the name of the crew-12 capsule")
    assert "Jessica Meir" in lead(ctx, "who flew on crew-12")


def test_a_docking_date_written_in_a_sentence_leads(ctx: Context) -> None:
    text = lead(ctx, "when did progress ms-34 dock")
    assert text.startswith("Progress MS-34: Docking was planned for 28 April"), text
    assert "Orda.kz" in text
    text = lead(ctx, "when did crs-34 dock")
    assert "planned for 17 May" in text.split(". No ")[0], text


def test_a_launch_date_beside_the_word_is_not_a_docking_date(ctx: Context) -> None:
    # "3 July 2025: Launched from Baikonur; docked to the Poisk module": 3 July is the launch
    text = lead(ctx, "when did progress ms-31 dock")
    assert text.startswith("No docking of Progress MS-31 is recorded"), text
    assert not has_value_near(
        "3 July 2025: Launched from Baikonur; docked to the Poisk module.", ("dock",), Kind.DATE
    )


def test_a_recorded_docking_still_answers_from_its_event(ctx: Context) -> None:
    assert lead(ctx, "when did progress ms-33 dock").startswith(
        "Progress MS-33 docked on 24 March 2026"
    )


def test_when_was_it_built_is_a_dated_sentence_or_not_known(ctx: Context) -> None:
    for q in ("when was site 31 built", "when was site 31 constructed"):
        assert "1958" in lead(ctx, q), q
    for q in ("when was cygnus built", "when was slc-40 built"):
        text = lead(ctx, q)
        assert text.startswith("Not known"), (q, text)
    assert "Northrop Grumman" in lead(ctx, "who builds cygnus")


def test_a_progress_after_a_verb_is_the_vehicle(ctx: Context) -> None:
    for q in ("how much water does a progress bring", "how much water can a progress ship carry"):
        assert "420 L" in lead(ctx, q), q
    assert "repair" in lead(ctx, "how much progress has been made on the pad repair")


def test_planned_lengths_are_read_only_after_a_plan_word() -> None:
    assert planned_days("a planned stay of 167 days") == (167, "planned stay of 167 days")
    assert planned_days("Instead of the usual month it stayed about six months") == (
        30,
        "usual month",
    )
    assert planned_days("It stayed docked for more than 220 days.") is None
    assert planned_days("expected later this year") is None
