"""A stated stock of a consumable when the station stops making it: mass ÷ the crew's use."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _reply(text: str) -> tuple[str, str]:
    reply = answer(_CTX, text, NOW)
    assert reply.kind == "whatif", reply.text
    return reply.title, reply.text.split("\n\n")[0]


def test_oxygen_stock_with_the_generator_dead() -> None:
    title, lead = _reply("the ogs dies, 40 kg of oxygen left, 3 people, how long")
    assert title == "How long 40 kg of oxygen lasts"
    assert lead.startswith("About 16 days (derived: your 40 kg of oxygen ÷ (0.84 kg")
    assert "ignoring deliveries" in lead
    assert "below the recorded 45-day reserve" in lead


def test_water_stock_with_recycling_down() -> None:
    _, lead = _reply(
        "suppose water recycling fails and there's 600 kg of water aboard for a crew of 4"
    )
    assert lead.startswith("About 63 days (derived: your 600 kg of water ÷ (2.38 kg")
    assert "no water recovered aboard" in lead
    assert "reserve" not in lead


def test_a_stock_of_another_resource_is_not_this_rule() -> None:
    reply = answer(_CTX, "what if the oxygen generator broke and there were 300 kg of food", NOW)
    assert "kg of food ÷" not in reply.text


def test_broke_reads_as_the_generator_failing() -> None:
    reply = answer(_CTX, "what if the oxygen generator broke", NOW)
    assert reply.kind == "whatif"
    assert reply.title.lower().startswith("what if")
