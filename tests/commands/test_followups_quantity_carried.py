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
