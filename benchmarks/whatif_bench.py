"""Benchmark: a 3-year what-if end to end, with and without projected routine traffic, and chart
rendering, against baselines measured in the same run.

Baselines: the same engine with projection off (recorded flights only: what the previous
engine modelled) for the whole what-if, and the plain Python day loop for one model run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import time
from collections.abc import Callable

from commands.chart import render_png
from commands.context import Context, Options
from commands.whatif import ask
from commands.whatif.baseline import prepare
from commands.whatif.model import run, run_naive
from knowledge import load

NOW = dt.date(2026, 11, 30)
SCENARIO = "what if MS-36 slips 4 months and CRS-35 moves up a month over the next 3 years"
GOAL_MS = 20.0


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of fn in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print medians and ratios."""
    on = Context.build(load())
    off = dataclasses.replace(on, options=Options(whatif_projection=False))
    prep = prepare(on.kb)
    p = prep.params
    end = p.stock_date + dt.timedelta(days=3 * 365)
    plan = prep.baseline.plan
    fast = median_ms(lambda: run(p, plan, p.stock_date, end), 200)
    naive = median_ms(lambda: run_naive(p, plan, p.stock_date, end), 10)
    whole_off = median_ms(lambda: ask(off, SCENARIO, NOW), 100)
    whole_on = median_ms(lambda: ask(on, SCENARIO, NOW), 100)
    cold = median_ms(lambda: prepare(load(), True), 3)  # a fresh base: cadences, baseline
    reply = ask(on, SCENARIO, NOW)
    assert reply.kind == "whatif", reply.plain()
    assert reply.chart is not None
    chart = reply.chart
    png = median_ms(lambda: render_png(chart), 10)
    print(f"one 3-year run, numpy day-step:        {fast:8.3f} ms")
    print(f"one 3-year run, plain Python day loop: {naive:8.3f} ms  (x{naive / fast:.0f} slower)")
    print(f"whole 3-year what-if, projection off:  {whole_off:8.2f} ms  (recorded flights only)")
    print(
        f"whole 3-year what-if, projection on:   {whole_on:8.2f} ms  "
        f"(x{whole_on / whole_off:.2f} of projection off; goal <= {GOAL_MS:g} ms: "
        f"{'met' if whole_on <= GOAL_MS else 'MISSED'})"
    )
    print(f"load + prepare a fresh base (once per reload): {cold:.1f} ms")
    print(
        f"chart render to PNG: {png:.1f} ms (goal <= 500); what-if/chart ratio {whole_on / png:.3f}"
    )


if __name__ == "__main__":
    main()
