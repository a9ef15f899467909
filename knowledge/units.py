"""Mass units, as the fact base records them and as questions write them, in kilograms."""

from __future__ import annotations

from collections.abc import Mapping

KG_PER_LB = 0.45359237

# A recorded amount's unit: a litre counts as a kilogram (water, the only liquid recorded).
KG_PER_UNIT: Mapping[str, float] = {
    "kg": 1.0,
    "t": 1000.0,
    "tonnes": 1000.0,
    "lb": KG_PER_LB,
    "l": 1.0,
    "L": 1.0,
}

# A question's unit word by its first letter: kilos, tonnes, metric tons, lbs, pounds.
_KG_PER_SAID = {"k": 1.0, "t": 1000.0, "m": 1000.0, "l": KG_PER_LB, "p": KG_PER_LB}


def kg_per(unit: str) -> float | None:
    """Kilograms in one of a recorded amount's unit; None for a unit that is no mass."""
    return KG_PER_UNIT.get(unit.strip())


def kg_per_said(word: str) -> float:
    """Kilograms in one of a unit word a question writes ("kg", "tonnes", "lbs", "pounds")."""
    return _KG_PER_SAID.get(word[:1].lower(), 1.0)
