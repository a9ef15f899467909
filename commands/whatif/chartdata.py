"""The immutable data a what-if chart is drawn from (Reply.chart.payload for kind "whatif")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Curve:
    """One resource's days of supply per day, baseline and scenario."""

    resource: str
    label: str
    baseline: tuple[float, ...]
    scenario: tuple[float, ...]


@dataclass(frozen=True)
class Marker:
    """A delivery on the chart."""

    date: dt.date
    label: str
    plan: str  # "baseline" | "scenario" | "both"
    projected: bool = False  # routine traffic projected from the recorded cadence


@dataclass(frozen=True)
class WhatIfChart:
    """Everything chart.render_png needs for a what-if: curves, reserve lines, deliveries."""

    start: dt.date
    curves: tuple[Curve, ...]
    reserve_days: float
    evacuation_days: float | None
    deliveries: tuple[Marker, ...]
    today: dt.date | None = None
    evacuation_label: str = ""  # what the evacuation line is about: "food, water, oxygen"
