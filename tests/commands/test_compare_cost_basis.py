"""Costs on different bases: a contract's figure says whose contract it is, never reads as one
vehicle's price."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_a_contract_figure_says_it_is_the_whole_programme(ctx: Context) -> None:
    lead = ask(ctx, "is a dragon cargo run cheaper than a cygnus one").text.split("\n\n")[0]
    assert "all providers" in lead, lead
    assert not lead.startswith(("Yes.", "No.")), lead  # per contract against per mission
