"""Seats home in an evacuation: the docked crew ships' recorded crew sizes against the crew
aboard, as of the base's date."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def test_enough_seats_counts_each_docked_crew_ship() -> None:
    reply = answer(_CTX, "if the crew had to abandon the station today would everyone fit", NOW)
    assert reply.kind == "whatif"
    lead = reply.text.split("\n\n")[0]
    assert lead.startswith("Yes (derived): 7 seats (")
    assert "Crew-13's Crew Dragon 4" in lead
    assert "Soyuz MS-29's Soyuz MS 3" in lead
    assert "for 7 people aboard as of 10 October 2026" in lead


def test_lifeboat_wording() -> None:
    reply = answer(_CTX, "in an emergency return, are there enough lifeboats for the crew", NOW)
    assert reply.text.startswith("Yes (derived): 7 seats")


def test_a_supply_evacuation_is_still_a_supply_run() -> None:
    reply = answer(_CTX, "what if no cargo for a year, would they have to evacuate", NOW)
    assert "seats" not in reply.text.split("\n\n")[0]
