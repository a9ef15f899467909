"""The what-if chart renders to PNG bytes in memory."""

from __future__ import annotations

import pytest

from commands.chart import PNG_SIGNATURE, ChartError, render_png
from commands.context import Context
from commands.reply import Chart
from commands.whatif import ask
from tests.commands.conftest import TODAY


def test_whatif_chart_is_a_png(ctx: Context) -> None:
    r = ask(ctx, "what if progress ms-33 slips 6 months", TODAY)
    assert r.chart is not None
    png = render_png(r.chart, timeout=30)
    assert png.startswith(PNG_SIGNATURE)
    assert 10_000 < len(png) < 1_000_000


def test_unknown_chart_kind_is_refused() -> None:
    with pytest.raises(ChartError):
        render_png(Chart("pie", "nothing", None))
