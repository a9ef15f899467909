"""A tag asking agreement ("…, right?", "… yeah?", "… innit?") is no part of the value a
yes/no names: the value is checked alone, and the reply never quotes the tag back."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _lead(ctx: Context, question: str) -> str:
    return ask(ctx, question).text.split("\n\n")[0]


def test_a_right_value_with_a_tag_is_still_yes(ctx: Context) -> None:
    lead = _lead(ctx, "crew-12 landed in the pacific yeah?")
    assert lead.startswith(("Yes", "Not known")), lead
    assert "not in the pacific" not in lead.lower()


def test_a_wrong_value_with_a_tag_is_no_without_the_tag(ctx: Context) -> None:
    lead = _lead(ctx, "htv-x1 rode an h-iib yep?")
    assert lead.startswith("No"), lead
    assert "yep" not in lead.lower()
