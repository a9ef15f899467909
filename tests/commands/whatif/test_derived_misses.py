"""Derived figures a what-if asks for that used to fall through to a supply run or a refusal:
a lost flight's mass asked in kg or tonnes, the next crew of a crew ship against its design
life, and the rest of quantity.py's and figures.py's kinds in other words."""

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


def test_lost_vehicle_mass_asked_in_tonnes() -> None:
    lead = _lead("suppose a cygnus exploded on ascent, how many tonnes would go missing")
    assert lead.startswith("Up to 5,000 kg")


def test_lost_flight_mass_asked_in_pounds() -> None:
    lead = _lead("if NG-24 had failed, how many pounds of cargo would the crew be short")
    assert lead.startswith("NG-24's recorded cargo")


def test_next_crew_of_a_crew_ship_against_design_life() -> None:
    lead = _lead("say the next soyuz crew stays 250 days, does that exceed the design life")
    assert lead.startswith("Yes: a stay of your 250 days for Soyuz MS-30 (the next Soyuz MS")
    assert "210 days" in lead


def test_next_crew_stay_within_design_life() -> None:
    lead = _lead("if the next crew dragon mission stays 4 months is it past its design life")
    assert lead.startswith("No: a stay of your 4 months")
    assert "the next Crew Dragon flight on record" in lead


def test_recovery_change_gives_extra_water_per_person() -> None:
    lead = _lead("suppose the water recycling slipped to 96 percent, how much more water a day")
    assert lead.startswith("About 0.05 kg more water per person a day")
    assert "(98% − 96%)" in lead


def test_recovery_change_for_a_crew_and_period() -> None:
    lead = _lead(
        "if water recovery went down to 88%, how many kg extra water for 5 people in 10 days"
    )
    assert "For 5 people over 10 days" in lead


def test_one_vehicle_in_place_of_another_is_the_capacity_difference() -> None:
    lead = _lead("suppose a cargo dragon took the place of a cygnus, how many kg less would go up")
    assert lead.startswith("About 1,693 kg less cargo per flight")
    assert "3,307" in lead
    assert "5,000" in lead
    assert "derived" in lead


def test_capacity_swap_names_the_propellant_it_cannot_bring() -> None:
    lead = _lead("what if a cygnus flew instead of a progress, how much more cargo would arrive")
    assert "more cargo per flight" in lead
    assert "no propellant to the Russian segment" in lead


def test_flights_for_a_stated_use_divides_the_users_figures() -> None:
    lead = _lead(
        "suppose the station uses 5 tonnes of propellant per year and a progress carries "
        "900 kg, how many progress launches a year would that need"
    )
    assert lead.startswith("About 5–6 Progress MS flights a year")
    assert "your figures" in lead
    assert "≈ 5.6" in lead
