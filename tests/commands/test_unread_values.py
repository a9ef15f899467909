"""A yes/no naming a value the answer's sentence does not write: No with the recorded value of
that kind, "not known" when nothing recorded speaks to it, Yes only when it is written."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import lead


@pytest.mark.parametrize(
    ("question", "recorded", "not_said"),
    [
        ("did htv-x1 lift off on an H-IIA", "on an H3", "not on an H-IIA"),  # a rocket no record is
        ("Did HTV-X1 go up from Kourou?", "Tanegashima", "not from Kourou"),  # a site no record is
        ("crew-12 splashed into the Indian Ocean, right?", "Pacific", "not into the Indian Ocean"),
        (
            "did crew-12 splash down in Dragon Endurance",
            "Dragon Freedom",
            "not in Dragon Endurance",
        ),
    ],
)
def test_a_value_of_another_kind_recorded_is_no(
    ctx: Context, question: str, recorded: str, not_said: str
) -> None:
    text = lead(ctx, question)
    assert text.startswith("No. "), text
    assert recorded in text, text
    assert not_said in text, text


@pytest.mark.parametrize(
    ("question", "recorded"),
    [
        ("was ng-24 launched by JAXA", "Northrop Grumman"),  # a wrong operator
        ("did htv-x1 fly on a falcon 9", "H3"),
    ],
)
def test_a_wrong_known_value_is_still_no(ctx: Context, question: str, recorded: str) -> None:
    text = lead(ctx, question)
    assert text.startswith("No. "), text
    assert recorded in text, text


@pytest.mark.parametrize(
    "question",
    [
        "was htv-x1 sent up on an H3?",
        "did crew-12 splash down in the Pacific",
        "did crew-12 splash down in the ocean",  # a kind of place, not a value
        "did htv-x1 launch from Tanegashima",
    ],
)
def test_the_recorded_value_is_still_yes(ctx: Context, question: str) -> None:
    assert lead(ctx, question).startswith("Yes. ")


def test_a_value_nothing_recorded_speaks_to_is_not_known(ctx: Context) -> None:
    text = lead(ctx, "did crew-12 splash down with Zorblatt")
    assert text.startswith("Not known as a plain yes or no as of 10 October 2026"), text


def test_a_name_beside_a_matched_vehicle_is_not_read_as_yes(ctx: Context) -> None:
    text = lead(ctx, "did crew-12 come back aboard Dragon Endurance")
    assert not text.startswith("Yes"), text
