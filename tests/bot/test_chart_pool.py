"""Charts drawn in a worker process; a stuck or dead worker is replaced, not waited on."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Iterator

import pytest

from bot.chart_pool import ChartFailed, ChartPool
from commands.chart import PNG_SIGNATURE
from commands.reply import Chart
from commands.router import answer
from tests.bot.test_e2e_whatif import bundled_context


@pytest.fixture(scope="module")
def chart() -> Chart:
    reply = answer(bundled_context(), "what if CRS-35 is cancelled", dt.date(2026, 6, 1))
    assert reply.chart is not None
    return reply.chart


@pytest.fixture
def pool() -> Iterator[ChartPool]:
    charts = ChartPool(timeout=60)
    try:
        yield charts
    finally:
        charts.close()


def test_a_chart_is_drawn_in_a_worker(pool: ChartPool, chart: Chart) -> None:
    assert pool(chart).startswith(PNG_SIGNATURE)


def test_a_chart_over_the_timeout_is_given_up_and_the_worker_replaced(
    pool: ChartPool, chart: Chart
) -> None:
    pool.timeout = 0.001  # less than starting a worker
    with pytest.raises(ChartFailed, match="took over"):
        pool(chart)
    pool.timeout = 60
    assert pool(chart).startswith(PNG_SIGNATURE)


def test_a_dead_worker_is_replaced(pool: ChartPool, chart: Chart) -> None:
    pool.warm().result(timeout=60)
    executor = pool._get()
    for process in list(executor._processes.values()):  # the worker behind the pool
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
    with pytest.raises(ChartFailed, match="died"):
        pool(chart)
    assert pool(chart).startswith(PNG_SIGNATURE)
