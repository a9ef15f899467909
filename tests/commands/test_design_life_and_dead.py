"""A design life asked as a fact is answered from the record, not weighed as a stay; a pad
unused for years is "dead"."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _lead(ctx: Context, question: str) -> str:
    return ask(ctx, question).text.split("\n\n")[0]


def test_a_design_life_asked_as_a_fact_is_not_a_stay(ctx: Context) -> None:
    lead = _lead(ctx, "is the soyuz ms design life really 210 days")
    assert not lead.startswith("No"), lead
    assert "a stay of your" not in lead


def test_a_stay_against_the_design_life_is_still_weighed(ctx: Context) -> None:
    lead = _lead(ctx, "if a soyuz crew stayed 300 days would that exceed the design life")
    assert lead.startswith("Yes"), lead
    assert "210" in lead


def test_an_inactive_pad_is_dead(ctx: Context) -> None:
    assert _lead(ctx, "is site 1/5 dead now").startswith("Yes")


def test_an_active_pad_is_not_dead(ctx: Context) -> None:
    assert _lead(ctx, "is site 31/6 dead").startswith("No")


def test_a_design_life_stated_in_the_question_is_no_stay(ctx: Context) -> None:
    lead = _lead(ctx, "soyuz design life is 210 days; if a crew stayed 260 days is it over")
    assert lead.startswith("Yes"), lead
    assert "your 260 days" in lead, lead
