"""Benchmark: what-if evaluation over a 3-year horizon and chart rendering, with baselines."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

from commands.chart import render_png
from commands.context import Context
from commands.whatif import ask
from commands.whatif.answer import prepare
from commands.whatif.model import run, run_naive
from knowledge import load

NOW = dt.date(2026, 5, 20)
SCENARIO = "what if MS-33 slips 4 months and CRS-35 moves up a month over the next 3 years"


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of fn in milliseconds."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print medians and ratios."""
    ctx = Context.build(load())
    prep = prepare(ctx.kb)
    p = prep.params
    end = p.stock_date + dt.timedelta(days=3 * 365)
    fast = median_ms(lambda: run(p, prep.plan, p.stock_date, end), 200)
    naive = median_ms(lambda: run_naive(p, prep.plan, p.stock_date, end), 20)
    whole = median_ms(lambda: ask(ctx, SCENARIO, NOW), 100)
    reply = ask(ctx, SCENARIO, NOW)
    assert reply.chart is not None
    chart = reply.chart
    png = median_ms(lambda: render_png(chart), 15)
    print(f"one 3-year run, numpy day-step:        {fast:8.3f} ms")
    print(f"one 3-year run, plain Python day loop: {naive:8.3f} ms  (x{naive / fast:.0f} slower)")
    print(f"whole what-if (parse, 2 runs, advice, reply), 3 years: {whole:.2f} ms (goal <= 20)")
    print(f"chart render to PNG: {png:.1f} ms (goal <= 500); whole/chart ratio {whole / png:.3f}")


if __name__ == "__main__":
    main()
