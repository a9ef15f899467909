"""Totals from a what-if's own premises: use by a crew over a period, how long a load lasts at
a stated rate, how long a stated stock lasts before the reserve line."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.conversation import Conversation
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _reply(text: str) -> tuple[str, str]:
    reply = answer(_CTX, text, NOW)
    return reply.kind, reply.text.split("\n\n")[0]


def test_total_use_for_a_stated_crew_and_length() -> None:
    kind, lead = _reply(
        "suppose the crew drops to four, how much water would they use over 2 weeks"
    )
    assert kind == "whatif"
    assert lead.startswith("About 133 kg of water")
    assert "4 people (your figure)" in lead
    assert "derived" in lead


def test_total_oxygen_per_year_names_the_oxygen_made_aboard() -> None:
    _, lead = _reply("if only two astronauts stayed aboard, how much oxygen do they need per year")
    assert lead.startswith("About 613 kg of oxygen")
    assert "made aboard" in lead


def test_total_use_follow_up_keeps_the_resource() -> None:
    conv = Conversation()
    answer(_CTX, "how much food does one astronaut eat a day?", NOW, conv)
    reply = answer(_CTX, "and for everyone aboard over a week?", NOW, conv)
    assert reply.kind == "whatif"
    assert "kg of food" in reply.text.split("\n\n")[0]
    assert "7 people" in reply.text


def test_load_lasts_at_the_users_rate() -> None:
    _, lead = _reply(
        "if the russian segment used 5,000 kg of propellant a year, how long would 900 kg last"
    )
    assert lead.startswith("About 66 days")
    assert "Using your 5,000 kg a year" in lead


def test_load_lasts_at_the_recorded_rate_when_none_said() -> None:
    _, lead = _reply("how long would 1 tonne of propellant last the station")
    assert lead.startswith("About 96-114 days")
    assert "fact base's propellant use" in lead


def test_stock_in_months_against_the_reserve() -> None:
    _, lead = _reply(
        "say cargo flights ended and they had 4 months of water left, how long until the reserve?"
    )
    assert lead.startswith("About 77 days")
    assert "your 4 months of water" in lead


def test_stock_in_kg_is_divided_by_the_crews_use() -> None:
    _, lead = _reply(
        "if they had 1000 kg of food and nothing came up, how long until they reach the minimum?"
    )
    assert "your 1000 kg of food" in lead
    assert lead.startswith("About 35 days")
