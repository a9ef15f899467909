"""Asked quantities a scenario run does not lead with: flights to replace a load, extra
consumables for a longer stay or an overlap, a stay against its vehicle's design life."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _lead(text: str) -> str:
    reply = answer(_CTX, text, NOW)
    return reply.text.split("\n\n")[0]


def test_flights_to_replace_a_recorded_load() -> None:
    lead = _lead("how many progress ships would be needed to make up for NG-23's cargo?")
    assert lead.startswith("About 2 Progress MS flights")
    assert "4,990" in lead
    assert "2,600" in lead
    assert "derived" in lead


def test_flights_to_replace_names_propellant_the_carrier_cannot_bring() -> None:
    lead = _lead("how many cygnus missions to replace progress ms-30")
    assert lead.startswith("About 1 Cygnus flight")
    assert "no propellant" in lead
    assert "950 kg" in lead


def test_flights_to_replace_a_load_not_recorded_says_so() -> None:
    lead = _lead("how many cargo dragon trips would cover htv-x2")
    assert lead.startswith("HTV-X2's cargo mass is not recorded")
    assert "5,820" in lead
    assert "3,307" in lead
    assert "derived" in lead


def test_flights_to_replace_a_whole_vehicle() -> None:
    assert _lead("how many dragons to replace one HTV-X").startswith(
        "About 2 Cargo Dragon 2 flights would carry a full HTV-X"
    )


def test_extra_water_for_a_longer_stay_uses_the_crew_aboard() -> None:
    lead = _lead("say the crew is kept up 2 more months, how much more water would that take")
    # 2.38 kg x 7 people x 61 days
    assert lead.startswith("About 1,016 kg more water")
    assert "7 people" in lead
    assert "98% recovered" in lead


def test_extra_oxygen_for_a_named_crew_stay() -> None:
    lead = _lead("what if Crew-13 stays 3 weeks longer, how much oxygen more do they use")
    assert lead.startswith("About 71 kg more oxygen")  # 0.84 x 4 x 21
    assert "4 people" in lead


def test_extra_food_for_an_overlap_of_crews() -> None:
    lead = _lead("how much more food gets eaten if the handover overlap lasts 10 days")
    assert lead.startswith("About 52-72 kg more food")  # 1.75 x 3 x 10 to 1.8 x 4 x 10
    assert "extra crew" in lead


def test_stated_people_count_wins() -> None:
    lead = _lead("how much extra food if 5 extra people stay aboard for a week longer")
    assert lead.startswith("About 61-63 kg more food")


def test_stay_against_design_life() -> None:
    lead = _lead("would soyuz ms-29 go past its design life if its stay got extended by 2 months")
    assert lead.startswith("Yes: Soyuz MS-29 would stay about 303 days")
    assert "210 days" in lead


def test_no_quantity_leaves_scenarios_alone() -> None:
    reply = answer(_CTX, "what if Progress MS-33 slips 6 months", NOW)
    assert reply.title.startswith("What if")
