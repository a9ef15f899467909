"""Mass units in kilograms: recorded units exactly, a question's unit words by their start."""

from __future__ import annotations

import pytest

from knowledge.units import KG_PER_LB, kg_per, kg_per_said


@pytest.mark.parametrize(
    ("unit", "kg"), [("kg", 1.0), ("t", 1000.0), ("lb", KG_PER_LB), ("L", 1.0)]
)
def test_recorded_units(unit: str, kg: float) -> None:
    assert kg_per(unit) == kg


def test_a_unit_that_is_no_mass_has_no_kilograms() -> None:
    assert kg_per("USD") is None
    assert kg_per("%") is None


@pytest.mark.parametrize(
    ("word", "kg"),
    [
        ("kilos", 1.0),
        ("Tonnes", 1000.0),
        ("metric tons", 1000.0),
        ("lbs", KG_PER_LB),
        ("pounds", KG_PER_LB),
    ],
)
def test_question_unit_words(word: str, kg: float) -> None:
    assert kg_per_said(word) == kg
