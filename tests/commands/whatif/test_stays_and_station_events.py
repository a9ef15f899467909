"""A crew staying past (or short of) its modelled departure ("the MS-30 crew stays 3 months
longer", "crew-13 is extended by 2 months"), asked in several wordings."""

from __future__ import annotations

import pytest

from commands.context import Context
from commands.whatif.apply import LeftEarly
from commands.whatif.edits import EarlyReturn
from commands.whatif.errors import ScenarioError, Unmodelled
from tests.commands.whatif.helpers import applied, edit


@pytest.mark.parametrize(
    ("text", "longer"),
    [
        ("the crew-13 crew stays on for 2 more months", True),
        ("crew 13 extended by six weeks", True),
        ("crew-13's stay is extended by a month", True),
        ("crew thirteen remains aboard an extra month", True),
        ("the crew-13 crew stays 2 months shorter", False),
    ],
)
def test_a_longer_or_shorter_stay_is_read(ctx: Context, text: str, longer: bool) -> None:
    e = edit(ctx, text)
    assert isinstance(e, EarlyReturn)
    assert (e.late is not None) is longer
    assert (e.early is not None) is not longer


def test_a_longer_stay_moves_its_relief_with_it(ctx: Context) -> None:
    a = applied(ctx, "crew 13 stays 2 months longer than planned")
    stay = next(c for c in a.changes if isinstance(c, LeftEarly))
    assert stay.late
    assert stay.due is not None
    assert stay.on > stay.due
    assert stay.relief
    relief = [d for d in a.plan.deliveries if d.label == stay.relief]
    assert relief
    assert relief[0].date == stay.on


def test_a_cargo_flight_staying_longer_is_not_a_crew(ctx: Context) -> None:
    with pytest.raises((ScenarioError, Unmodelled)):
        edit(ctx, "crs-35 stays 2 months longer")
