"""The one-line supply margin that status digests show for the unchanged plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import MappingProxyType

from commands.context import Context, Options
from commands.whatif import baseline_summary
from tests.commands.conftest import TODAY


def test_the_projected_baseline_holds_and_is_marked_as_an_estimate(ctx: Context) -> None:
    text = baseline_summary(ctx, TODAY)
    assert text is not None
    assert text.startswith("Every resource stays above the 45-day reserve"), text
    assert "Modelled estimate" in text
    assert "assumed stock" in text
    assert "routine traffic projected" in text


def test_summary_names_crossings_of_the_recorded_flights_alone(ctx: Context) -> None:
    # Without projection the plan ends with the last recorded flights, so it runs short.
    recorded = dataclasses.replace(ctx, options=Options(whatif_projection=False))
    text = baseline_summary(recorded, dt.date(2027, 9, 1))
    assert text is not None
    assert text.startswith("Below the 45-day reserve: "), text
    assert "propellant from 2027-" in text
    assert "only the flights the fact base records" in text


def test_summary_is_none_without_a_station(ctx: Context) -> None:
    kb = dataclasses.replace(ctx.kb, stations=MappingProxyType({}))
    assert baseline_summary(Context.build(kb), dt.date(2026, 1, 1)) is None
