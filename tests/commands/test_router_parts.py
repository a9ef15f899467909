"""Several facts of one record asked in separate parts, each answered in its own sentence in
the order asked; a claim put up for checking before a fact is asked."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import answer_to


def _text(ctx: Context, question: str) -> str:
    reply = answer_to(ctx, question)
    assert reply.kind == "answer", reply.plain()
    return reply.text


def test_two_facts_are_both_answered_in_the_order_asked(ctx: Context) -> None:
    text = _text(ctx, "crew-11 when did it go up and which capsule did it ride")
    assert "1 August 2025" in text
    assert "Endeavour" in text
    assert text.index("1 August 2025") < text.index("Endeavour")


def test_a_missing_part_is_said_as_not_recorded(ctx: Context) -> None:
    text = _text(ctx, "ax-5 launch date and who is flying on it")
    assert text.startswith("Ax-5 is planned for NET January 2027")
    assert "Ax-5's crew is not recorded" in text
    assert text.count("Fact base last updated") <= 1


def test_a_disputed_capsule_keeps_its_dispute(ctx: Context) -> None:
    reply = answer_to(ctx, "when did crew 12 go up, and which dragon flew it")
    assert "Freedom" in reply.plain()
    assert "Sources disagree" in reply.plain()
    assert "Resilience" in reply.plain()


def test_a_claim_is_checked_before_the_fact_asked(ctx: Context) -> None:
    text = _text(ctx, "crs-33 had the boost kit right? and when did it come home")
    assert text.startswith("Yes:")
    assert "kit" in text
    assert "27 February 2026" in text
    text = _text(ctx, "ng-23 was the boost kit flight, right? when did it depart")
    assert text.startswith("Not known")
    assert "12 March 2026" in text
