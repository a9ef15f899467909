"""Yes/no questions a recorded sentence or field answers outright: a rank stated whatever the
question's tense, a deadline against a recorded date, a vehicle's part said to be expended,
and a vehicle's rocket and pad named beside its launch site."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import first


@pytest.mark.parametrize(
    ("q", "opens", "says"),
    [
        # rank: the subject's kind noun ("vehicle") answers another kind noun ("craft")
        ("can progress be the only craft that refuels the russian segment", "Yes", "only"),
        ("was cygnus the only spacecraft to refuel the russian segment", "No", "Progress"),
        # deadline: "by" is on or before the period's end, "before" strictly earlier
        ("were the site 31/6 repairs finished by the end of march 2026", "Yes", "3 March"),
        ("was site 31 repaired before march 2026", "No", "Not until 3 March 2026"),
        ("did progress ms-33 launch by january 2026", "No", "Not until"),
        ("did progress ms-33 launch by june 2026", "Yes", "22 March 2026"),
        # a part of a vehicle: the record's clause naming it, not the vehicle's own field
        ("does cargo dragon's trunk get reflown", "No", "trunk is expended"),
        # a vehicle's rocket and pad, named beside the pad that would otherwise lead
        ("is htv-x launched on an h3 from tanegashima", "Yes", "H3"),
        ("htv-x launches from wallops?", "No", "Tanegashima"),
        ("does htv-x fly on an H-IIB from tanegashima", "No", "not on an H-IIB"),
    ],
)
def test_a_stated_answer_is_yes_or_no(ctx: Context, q: str, opens: str, says: str) -> None:
    text = first(ctx, q)
    assert text.startswith(opens), text
    assert says in text, text
    assert "Not known" not in text.split("\n")[0], text


def test_a_part_never_recorded_is_not_a_yes(ctx: Context) -> None:
    text = first(ctx, "does the cargo dragon heat shield get reused")
    assert not text.startswith("Yes"), text
