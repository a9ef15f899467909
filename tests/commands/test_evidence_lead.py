"""A recorded sentence that answers the question leads, whatever words the question uses."""

from __future__ import annotations

from commands.bounds import figures
from commands.context import Context
from tests.commands.conftest import answer_to, lead


def test_a_figure_the_recorded_sentence_states_is_yes(ctx: Context) -> None:
    text = lead(ctx, "does the space station reclaim roughly 98 percent of its water?")
    assert text.startswith("Yes."), text
    assert "98%" in text


def test_another_figure_of_the_same_unit_is_no_with_the_recorded_one(ctx: Context) -> None:
    text = lead(ctx, "is the station getting back 85% of its water these days")
    assert text.startswith("No: the record says 98%, not 85%"), text


def test_a_former_figure_is_no_yes(ctx: Context) -> None:
    text = lead(ctx, "does the iss still recover 94% of its water")
    assert text.startswith("No: the record says 98%, not 94%"), text


def test_a_count_said_in_words_answers_a_figure_in_digits(ctx: Context) -> None:
    text = lead(ctx, "could crew dragon take 7 aboard in an emergency")
    assert text.startswith("Yes."), text
    assert "seven" in text


def test_a_verb_and_a_count_after_a_name_are_no_unknown_flight(ctx: Context) -> None:
    reply = answer_to(ctx, "can the crew dragon hold 7 people during an evacuation")
    assert reply.kind == "answer", reply.plain()
    assert "no record of" not in reply.text


def test_figures_skip_years_and_days_of_a_month() -> None:
    found = figures("On 26 July 2026 it carried 950 kg and seven people")
    assert [(f.value, f.unit) for f in found] == [(950.0, "kg"), (7.0, "crew")]


def test_a_count_with_several_words_before_its_noun(ctx: Context) -> None:
    text = lead(ctx, "how many tiny heat shield capsules did ng-24 take with it on departure")
    assert "12 small" in text, text


def test_chat_clipped_propellant(ctx: Context) -> None:
    text = lead(ctx, "how much prop can a progress ms deliver")
    assert "propellant" in text, text
    assert "kg" in text, text
    assert not text.startswith("Not known"), text


def test_a_designation_typed_apart_dated_by_a_sentence(ctx: Context) -> None:
    reply = answer_to(ctx, "when did expedition 75 kick off")
    assert reply.kind == "answer", reply.plain()
    assert "Expedition 75 began" in reply.text


def test_design_life_answers_what_a_craft_is_certified_for(ctx: Context) -> None:
    text = lead(ctx, "how long is soyuz ms certified to stay at the station")
    assert "design life is 210 days" in text, text
    assert text.startswith("Soyuz MS"), text


def test_a_dropped_g_is_the_verb(ctx: Context) -> None:
    text = lead(ctx, "is starliner ever comin back to fly")
    assert "records nothing on" not in text, text


def test_off_topic_stays_outside(ctx: Context) -> None:
    reply = answer_to(ctx, "when did season 75 of the simpsons start")
    assert reply.kind != "answer", reply.plain()
