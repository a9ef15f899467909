"""A fragment giving only a span after a consumable's amount asks that consumable's
quantity (commands/whatif/quantity.py), not the per-day card again."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_a_longer_stay_fragment_carries_the_consumable(ctx: Context) -> None:
    reply = ask(
        ctx, "how much food does each astronaut eat daily", "ok and if they stay 2 weeks longer"
    )
    assert "more food" in reply.text.split("\n\n")[0], reply.plain()
    assert "14 days" in reply.text


def test_a_fragment_after_a_derived_amount_carries_its_consumable(ctx: Context) -> None:
    # the first answer is a derived quantity (no topic card): it is remembered too
    reply = ask(
        ctx,
        "how much oxygen does a single astronaut use per day",
        "ok what about 5 ppl for 2 weeks",
    )
    first = reply.text.split("\n\n")[0]
    assert "oxygen" in first.lower(), first
    assert "5 people" in first
    assert "14 days" in first


def test_a_second_fragment_keeps_the_consumable_of_the_first(ctx: Context) -> None:
    reply = ask(
        ctx,
        "how much water does 1 crew member go through daily",
        "and for 6 people over 10 days?",
        "so for 2 people over 3 months?",
    )
    first = reply.text.split("\n\n")[0]
    assert "water" in first, first
    assert "2 people" in first
