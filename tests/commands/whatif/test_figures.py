"""Recorded figures as a what-if's answer: a lost flight's cargo, boost kits worth Progress
reboosts, a load's cost at a price per kg, a docked ship's leaving date, decay without reboosts."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _lead(text: str) -> str:
    reply = answer(_CTX, text, NOW)
    assert reply.kind == "whatif"
    return reply.text.split("\n\n")[0]


def test_lost_flight_takes_its_recorded_cargo() -> None:
    lead = _lead("if NG-24 had been destroyed at launch how much cargo would the station lose")
    assert lead.startswith("NG-24's recorded cargo: more than 11,000 lb")


def test_lost_vehicle_takes_its_capacity() -> None:
    lead = _lead("suppose a cygnus blew up on the way, how much stuff would the iss miss out on")
    assert lead.startswith("Up to 5,000 kg")


def test_boost_kits_for_progress_reboosts() -> None:
    lead = _lead("how many boost kits would equal 6 progress ships of reboost")
    assert lead.startswith("About 4 Cargo Dragon 2 boost kits")
    assert "derived" in lead


def test_cost_at_a_contract_price() -> None:
    lead = _lead("using the crs-2 cost per kg, what would 2 tonnes of cargo cost")
    assert lead.startswith("About $144 million")
    assert "CRS-2" in lead


def test_cost_at_the_users_price_with_a_full_vehicle() -> None:
    lead = _lead("at $80k per kg what would a full cargo dragon cost")
    assert lead.startswith("About $265 million")
    assert "your $80,000 a kg" in lead


def test_leave_date_from_docking_plus_stay() -> None:
    lead = _lead("if progress ms-35 stayed 100 days, when would it undock")
    assert lead.startswith("No earlier than 25 December 2026")


def test_leave_date_with_no_docking_says_so() -> None:
    lead = _lead("if crs-35 stayed 40 days when would it undock")
    assert lead.startswith("Not derivable: no docking of CRS-35 is recorded")


def test_decay_without_reboosts_quotes_the_record() -> None:
    lead = _lead("with no way to reboost at all, how long until the iss re-enters")
    assert lead.startswith("Within about 2–5 years")
