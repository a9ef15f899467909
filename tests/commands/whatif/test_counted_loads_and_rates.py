"""Several full loads of one vehicle carried by another, and a said mass priced "at a
contract's rates"."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _lead(text: str) -> str:
    reply = answer(_CTX, text, NOW)
    assert reply.kind == "whatif", reply.text
    return reply.text.split("\n\n")[0]


def test_three_progress_loads_in_cygnus_flights() -> None:
    lead = _lead("how many cygnus missions to cover three progress flights")
    assert lead.startswith("About 2 Cygnus flights would carry 3 full Progress MS flights")
    assert "3 × 2,600 kg" in lead
    assert "7,800 ÷ 5,000 kg" in lead
    assert "no propellant to the Russian segment" in lead


def test_counted_loads_of_a_vehicle_that_needs_no_propellant_note() -> None:
    lead = _lead("how many progress flights would it take to replace 4 cygnus runs")
    assert lead.startswith("About 8 Progress MS flights would carry 4 full Cygnus flights")
    assert "propellant" not in lead


def test_a_mass_at_a_contracts_rates() -> None:
    lead = _lead("at crs-2 rates how much would sending 800 kg cost")
    assert lead.startswith("About $58 million (derived: your 800 kg × ~$72,000")


def test_extra_mass_on_a_vehicle_at_the_older_contracts_prices() -> None:
    lead = _lead("what would 3 tonnes more on cygnus cost at the crs-1 prices")
    assert lead.startswith("About $189 million (derived: your 3 tonnes × ~$63,000")
