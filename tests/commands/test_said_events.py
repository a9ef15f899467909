"""A date in a sentence belongs to its own event, and a plan is never the event's date."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.said import Kind, by_date, has_value_near, planned_at
from tests.commands.conftest import lead


def test_a_date_belongs_to_the_event_written_before_it() -> None:
    text = "Launched on 16 September, docking expected on 19 September"
    assert has_value_near(text, ("laun",), Kind.DATE)
    assert has_value_near(text, ("dock",), Kind.DATE)
    assert not has_value_near("Undocked on 5 May, then it landed", ("dock",), Kind.DATE)
    assert not has_value_near("It launched on 3 July and docked to Poisk", ("dock",), Kind.DATE)
    assert has_value_near("On 3 July it docked to Poisk", ("dock",), Kind.DATE)


def test_plan_words_mark_their_clause() -> None:
    text = "Docked by 27 September 2026; Launch Library 2 had expected docking at 13:46 UTC"
    assert planned_at(text, text.index("13:46"))
    assert not planned_at(text, text.index("27 September"))
    assert by_date(text, 2026) == dt.date(2026, 9, 27)
    assert by_date("docking was planned by 30 September 2026", 2026) is None


def test_a_no_earlier_than_event_is_said_as_its_bounds(ctx: Context) -> None:
    for q in ("when did progress ms-35 dock", "did progress ms-35 dock"):
        text = lead(ctx, q)
        assert "docked by 27 September 2026" in text, text
        assert "13:46" not in text
        assert "docked on NET" not in text
    assert lead(ctx, "did progress ms-35 dock in september").startswith("Yes.")
    assert lead(ctx, "did progress ms-35 dock in october").startswith("No.")
