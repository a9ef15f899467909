"""Quantities asked with an explicit count: a number of people and a span is a total of use
(chat spellings too), a counted crew reaches the oxygen-generation check from a what-if lead,
N more flights are priced from a vehicle's recorded figures, and "how many X to make up the
cargo" after a loss replaces the flight the question names."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.conversation import Conversation
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _reply(text: str, conv: Conversation | None = None) -> tuple[str, str, str]:
    reply = answer(_CTX, text, NOW, conv)
    return reply.kind, reply.title, reply.text.split("\n\n")[0]


# ------------------------------------------------------------- people × span × consumable


def test_a_number_of_people_and_a_span_is_a_total_without_a_whatif_word() -> None:
    kind, _, lead = _reply("approx how much water would 5 people go through in 3 weeks")
    assert kind == "whatif"
    assert "5 people (your figure)" in lead
    assert "× 5 people × 21 days" in lead
    assert "derived" in lead


def test_chat_spellings_count_as_people_and_consumables() -> None:
    _, title, lead = _reply("how much grub do 3 ppl need for 2mo")
    assert title.startswith("Food for 3 people")
    assert "× 3 people × 61 days" in lead
    _, title, _ = _reply("how much h2o do 6 ppl need for 10 days")
    assert title.startswith("Water for 6 people")


def test_a_crew_of_n_is_a_number_of_people() -> None:
    _, _, lead = _reply("how much o2 does a crew of 4 breathe over 10 days")
    assert lead.startswith("About 34 kg of oxygen")
    assert "4 people (your figure)" in lead


def test_a_follow_up_with_a_number_of_people_keeps_the_resource() -> None:
    conv = Conversation()
    answer(_CTX, "how much water does a single astronaut drink per day", NOW, conv)
    kind, title, lead = _reply("alright and for 9 ppl over two weeks?", conv)
    assert kind == "whatif"
    assert title.startswith("Water for 9 people")
    assert "× 9 people × 14 days" in lead


# ------------------------------------------------------------- the per-person rate


def test_a_purpose_aside_does_not_hide_the_rate_lookup() -> None:
    for text in (
        "h2o per astronaut per day? just curious",
        "food per crew member per day?? im working out some numbers",
    ):
        kind, title, _ = _reply(text)
        assert kind == "answer", text
        assert title == "How much the crew consumes per day", text


# ------------------------------------------------------------- oxygen made aboard


def test_a_whatif_lead_with_a_crew_size_reaches_the_oxygen_check() -> None:
    kind, title, lead = _reply("suppose 10 ppl were on board, could the oxygen generator cope?")
    assert kind == "answer"
    assert title == "Oxygen made aboard against the crew's need"
    assert lead.startswith("No, not at its usual rate (derived): 10 people")


def test_a_small_crew_is_covered_by_the_oxygen_made_aboard() -> None:
    _, _, lead = _reply("imagine only 3 aboard — can the oxygen generator keep up?")
    assert lead.startswith("Yes (derived): 3 people")


# ------------------------------------------------------------- the cost of N more flights


def test_more_flights_priced_from_a_recorded_price_per_mission() -> None:
    kind, title, lead = _reply("what would two extra cygnus missions cost us")
    assert kind == "whatif"
    assert title == "Cost of 2 more Cygnus flights"
    assert lead.startswith("About $500 million-$800 million (derived: 2 × the recorded")
    assert "per Cygnus mission" in lead


def test_more_flights_priced_from_a_contract_over_its_flights() -> None:
    _, _, lead = _reply("if we bought 4 more cargo dragons how much would that cost")
    assert lead.startswith("About $1.2 billion (derived: 4 × about $300 million a flight")
    assert "÷ its 21 missions" in lead
    assert "not a quote" in lead


def test_more_flights_with_no_recorded_price_say_so() -> None:
    _, _, lead = _reply("what would 2 more progress flights cost")
    assert lead.startswith("Not derivable")


def test_a_seat_price_is_not_a_flight_price() -> None:
    _, title, _ = _reply("how much do 2 crew dragon seats cost")
    assert not title.startswith("Cost of")


# ------------------------------------------------------------- flights to make up a loss


def test_make_up_the_cargo_replaces_the_flight_named_in_the_loss() -> None:
    kind, title, lead = _reply("say crs-35 blew up, how many cygnus to cover the load")
    assert kind == "whatif"
    assert title == "Cygnus flights to replace CRS-35"
    assert "1 Cygnus flight " in lead  # a full Dragon fits in one Cygnus
    assert "If it flew full" in lead


def test_make_up_with_no_for_reads_the_loss_clause() -> None:
    _, title, lead = _reply("if ng-24 exploded how many dragons to make up the cargo")
    assert title.startswith("Cargo Dragon 2 flights to replace NG-24")
    assert "derived" in lead
