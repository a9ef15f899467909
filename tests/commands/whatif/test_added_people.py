"""People a question adds to those aboard ("a ninth astronaut", "another crew member", "three
more people", "a guest") are the ones whose extra use is asked, and a question asking several
consumables gets each of them in its first sentence."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from commands.whatif.lexer import said_added
from commands.whatif.quantity import n_text
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _first(text: str) -> str:
    return answer(_CTX, text, NOW).text.split("\n\n")[0].split(". People:")[0]


def _rate(res: str) -> float:
    station = _CTX.kb.station
    assert station is not None
    rate = station.resupply.consumption_per_crew_day[res]  # type: ignore[index]
    return rate.mid


def _aboard() -> int:
    station = _CTX.kb.station
    assert station is not None
    return [c for c in station.crew_history if c.since <= NOW][-1].crew


def test_said_added_reads_the_people_added_not_the_crew_they_join() -> None:
    assert said_added("if a ninth astronaut flew up") == 1
    assert said_added("with a 10th crew member aboard") == 1
    assert said_added("if one more cosmonaut came") == 1
    assert said_added("if another crewmate joined") == 1
    assert said_added("with an additional person") == 1
    assert said_added("if three more people came") == 3
    assert said_added("with 4 extra astronauts") == 4
    assert said_added("if a guest stayed") == 1
    assert said_added("two visitors") == 2
    assert said_added("if 5 people stayed 3 more weeks") is None
    assert said_added("if everyone stayed longer") is None
    assert said_added("a visiting vehicle") is None


def test_an_ordinal_person_counts_one_person_for_both_consumables() -> None:
    lead = _first(
        "if a ninth person stayed for 3 weeks how much extra water and oxygen would they need"
    )
    water, oxygen = _rate("water") * 21, _rate("oxygen") * 21  # derived: rate × 1 × 21 days
    assert lead.startswith(f"About {n_text(water)} kg more water")
    assert f"{n_text(oxygen)} kg more oxygen" in lead
    assert "× 1 person × 21 days" in lead
    assert f"× {_aboard()} people" not in lead


def test_several_added_people_are_that_many() -> None:
    lead = _first(
        "if three more astronauts stayed for 20 days how much extra oxygen would they need"
    )
    assert lead.startswith(f"About {n_text(_rate('oxygen') * 3 * 20)} kg more oxygen")
    assert "× 3 people × 20 days" in lead


def test_a_guest_needs_food_and_water_each() -> None:
    lead = _first("how much more food and water would a guest need for 12 days")
    assert "more food" in lead
    assert f"{n_text(_rate('water') * 12)} kg more water" in lead
    assert lead.count("× 1 person × 12 days") == 2


def test_people_said_without_adding_stay_those_people() -> None:
    lead = _first("if 4 people stayed 3 more weeks how much extra oxygen would they need")
    assert lead.startswith(f"About {n_text(_rate('oxygen') * 4 * 21)} kg more oxygen")


def test_the_whole_crew_is_the_crew_aboard_and_any_added() -> None:
    n = _aboard()
    lead = _first("if the whole crew stayed 10 more days how much extra water would they need")
    assert f"× {n} people × 10 days" in lead
    lead = _first("how much water would the whole crew need for 10 days with a ninth person aboard")
    assert f"× {n + 1} people × 10 days" in lead
    assert "more water" not in lead


def test_a_total_asking_two_consumables_answers_both() -> None:
    lead = _first("how much water and oxygen would the whole crew need for 2 weeks")
    assert f"{n_text(_rate('water') * _aboard() * 14)} kg of water" in lead
    assert f"{n_text(_rate('oxygen') * _aboard() * 14)} kg of oxygen" in lead
