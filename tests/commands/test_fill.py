"""A flight's load weighed against its vehicle's capacity (commands/fill.py): asked of a
named flight or of the last answer's value, with both figures, their sources and every
figure the sources give for a disputed load."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, ask


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


def test_the_last_load_against_the_capacity(ctx: Context) -> None:
    for second, verdict in (
        ("is that near what an XL can take?", "Yes. "),
        ("how full was it?", ""),
        ("was it fully loaded?", "Yes. "),
        ("what percent of its capacity was that?", ""),
        ("was that close to full?", "Yes. "),
        ("was it at capacity?", "Yes. "),
        ("how much room was left?", ""),
        ("how does that compare to its max?", ""),
    ):
        reply = ask(ctx, "how much did NG-23 carry", second)
        assert reply.entities[0] == "ng-23", (second, reply.plain())
        lead = _lead(reply.text)
        assert lead.startswith(f"{verdict}NG-23 carried 4,990 kg (NASA): 99.8% of the 5,000 kg")
        assert "Cygnus XL (WikiMili)" in lead  # the capacity's version and source
        # the sources disagree on the load: both figures
        assert "Sources disagree on the load: 4,911 kg (Wikipedia), which is 98.2%" in lead


def test_a_named_flight_and_another_vehicle(ctx: Context) -> None:
    progress = _lead(answer(ctx, "how full was progress ms-31", TODAY).text)
    assert progress.startswith("Progress MS-31 carried 950 kg")
    assert "100% of the ~750–950 kg (estimate) Progress MS can carry" in progress
    dragon = ask(ctx, "how much did NG-23 carry", "is that close to what a dragon can carry?")
    lead = _lead(dragon.text)
    assert lead.startswith("No. NG-23 carried 4,990 kg"), lead
    assert "Cargo Dragon 2" in lead
    assert "more than it can carry" in lead


def test_no_load_no_fill(ctx: Context) -> None:
    # near-misses: a crew flight records no load; a capacity question is still a capacity
    crew = ask(ctx, "who flew on crew-12", "how full was it?")
    assert _lead(crew.text).startswith("Not known as of")
    both = ask(ctx, "how much did NG-23 carry", "compare the capacity of dragon and cygnus")
    assert both.entities == ("cargo-dragon", "cygnus")
    station = ask(ctx, "how much did NG-23 carry", "how much room is left on the station?")
    assert station.entities[0] == "iss"
    capacity = ask(ctx, "how much did NG-23 carry", "how much can a cygnus take?")
    assert _lead(capacity.text).startswith("Cygnus carries up to 5,000 kg"), capacity.plain()
