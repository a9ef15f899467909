"""A planned flight whose pad is not recorded flies from its vehicle's pad in the model, so an
outage of that pad holds it (NG-25, a Cygnus with no pad recorded, from SLC-40)."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from commands.whatif.baseline import prepare
from commands.whatif.model import all_flights
from knowledge import load

_KB = load()


def test_a_planned_flight_without_a_pad_takes_its_vehicles_pad() -> None:
    prep = prepare(_KB, True)
    by_key = {d.key: d for d in all_flights(_KB, prep.params)}
    assert _KB.missions["ng-25"].pad is None
    assert by_key["ng-25"].pad == "slc-40"


def test_a_pad_outage_names_the_unpadded_flight() -> None:
    text = answer(
        Context.build(_KB), "what if slc-40 were shut for ten weeks", dt.date(2026, 12, 1)
    ).text
    assert "NG-25" in text.split("If ")[0]
