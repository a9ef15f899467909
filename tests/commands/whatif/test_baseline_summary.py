"""The one-line supply margin that status digests show for the unchanged plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import MappingProxyType

from commands.context import Context
from commands.whatif import baseline_summary
from tests.commands.conftest import TODAY


def test_summary_names_crossings_and_marks_the_estimate(ctx: Context) -> None:
    text = baseline_summary(ctx, TODAY)
    assert text is not None
    assert "45-day reserve" in text
    assert "Modelled estimate" in text
    assert "assumed stock" in text
    # The curated base records no Progress after MS-34, so propellant crosses the reserve.
    assert "propellant from 2026-" in text


def test_summary_is_none_without_a_station(ctx: Context) -> None:
    kb = dataclasses.replace(ctx.kb, stations=MappingProxyType({}))
    assert baseline_summary(Context.build(kb), dt.date(2026, 1, 1)) is None
