"""Render a Reply's chart data to PNG bytes in memory (matplotlib Agg, a fresh Figure per call)."""

from __future__ import annotations

import datetime as dt
import io
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as _FutureTimeout

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from commands.reply import Chart
from commands.whatif.chartdata import WhatIfChart

_EPOCH = dt.date(1970, 1, 1)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DEFAULT_TIMEOUT = 5.0
_COLORS = {"food": "#1b9e77", "water": "#377eb8", "oxygen": "#7570b3", "propellant": "#d95f02"}
_PROJECTED = "#6a3d9a"  # projected deliveries: dotted, italic, in a shaded span
_Y_CAP = 400.0  # days of supply shown at most: far-above-reserve curves are cut at the top
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="chart")


class ChartError(ValueError):
    """The chart kind or its data cannot be drawn."""


def render_png(chart: Chart, timeout: float | None = None) -> bytes:
    """PNG bytes for the chart; with a timeout, render in a worker and raise TimeoutError."""
    if timeout is None:
        return _render(chart)
    future = _POOL.submit(_render, chart)
    try:
        return future.result(timeout=timeout)
    except _FutureTimeout:
        future.cancel()
        raise TimeoutError(f"chart rendering took longer than {timeout:g} s") from None


def _render(chart: Chart) -> bytes:
    if chart.kind != "whatif" or not isinstance(chart.payload, WhatIfChart):
        raise ChartError(f"no renderer for chart kind {chart.kind!r}")
    return _whatif(chart.title, chart.payload)


def _num(d: dt.date) -> float:
    """Matplotlib's date number (days since its default 1970-01-01 epoch)."""
    return float((d - _EPOCH).days)


def _whatif(title: str, data: WhatIfChart) -> bytes:
    fig = Figure(figsize=(9.0, 5.0), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    n = max((len(c.baseline) for c in data.curves), default=0)
    if n == 0:
        raise ChartError("the chart has no data")
    x0 = _num(data.start)
    xs = [x0 + i for i in range(n)]
    top = 0.0
    for c in data.curves:
        color = _COLORS.get(c.resource, "#444444")
        base = [min(v, _Y_CAP) for v in c.baseline]
        scen = [min(v, _Y_CAP) for v in c.scenario]
        top = max(top, max(base, default=0.0), max(scen, default=0.0))
        ax.plot(xs[: len(base)], base, linestyle="--", linewidth=1.0, color=color, alpha=0.7)
        ax.plot(xs[: len(scen)], scen, linestyle="-", linewidth=1.8, color=color, label=c.label)
    ax.axhline(data.reserve_days, color="#c0392b", linewidth=1.2)
    ax.text(
        xs[0],
        data.reserve_days,
        f" {data.reserve_days:.0f}-day reserve",
        color="#c0392b",
        va="bottom",
        fontsize=8,
    )
    if data.evacuation_days is not None:
        ax.axhline(data.evacuation_days, color="#c0392b", linewidth=0.8, linestyle=":")
        ax.text(
            xs[0],
            data.evacuation_days,
            f" crew leaves below ({data.evacuation_label})" if data.evacuation_label else "",
            color="#c0392b",
            va="top",
            fontsize=7,
        )
    last = data.start + dt.timedelta(days=n - 1)
    for m in data.deliveries:
        if not data.start <= m.date <= last:
            continue
        x = _num(m.date)
        style = {
            "both": ("#888888", "-"),
            "baseline": ("#888888", "--"),
            "scenario": ("#222222", "-"),
        }
        color, ls = style.get(m.plan, ("#888888", "-"))
        if m.projected:  # routine traffic from the recorded cadence, not a recorded flight
            color, ls = _PROJECTED, ":"
        ax.axvline(x, color=color, linestyle=ls, linewidth=0.6, alpha=0.6)
        ax.text(
            x,
            0.01,
            m.label + (" (proj.)" if m.projected else ""),
            rotation=90,
            fontsize=6,
            va="bottom",
            ha="right",
            color=color,
            style="italic" if m.projected else "normal",
            transform=ax.get_xaxis_transform(),
        )
    projected = [m.date for m in data.deliveries if m.projected and data.start <= m.date <= last]
    if projected:  # shade from the first projected delivery: the recorded plan ends there
        ax.axvspan(_num(min(projected)), _num(last), color=_PROJECTED, alpha=0.06, linewidth=0)
    if data.today is not None:
        ax.axvline(_num(data.today), color="#000000", linewidth=0.8, linestyle="-.")
    ax.set_ylim(0, max(top * 1.08, data.reserve_days * 1.5))
    ax.set_ylabel("days of supply (scenario solid, unchanged plan dashed)")
    ax.xaxis_date()
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.legend(loc="upper right", fontsize=8, ncols=4)
    ax.set_title(title[:90], fontsize=10, loc="left")
    ax.grid(True, alpha=0.25)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
