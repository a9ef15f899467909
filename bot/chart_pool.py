"""What-if charts drawn in a worker process, so their CPU never holds the bot's event loop.

matplotlib holds the GIL for most of a chart's ~0.3 s; drawn in a thread, it would delay
every other user's reply. The pool is a ChartRenderer (a blocking call, run in a thread by
render_async) that hands the chart to a spawned process and waits within a timeout; a worker
that hangs or dies is replaced, and that chart is left out of its reply.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from commands.reply import Chart

log = logging.getLogger(__name__)


def _draw(chart: Chart) -> bytes:
    """In the worker: render the chart (matplotlib is imported there, never in the bot)."""
    from commands.chart import render_png

    return render_png(chart)


def _warm() -> None:
    """In the worker: import matplotlib ahead of the first chart."""
    import commands.chart  # noqa: F401


class ChartFailed(RuntimeError):
    """The chart worker died or timed out; the reply goes without its chart."""


class ChartPool:
    """A process pool of chart workers, started on first use, replaced when broken."""

    def __init__(self, timeout: float, workers: int = 1) -> None:
        self.timeout = timeout
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn")
                )
            return self._pool

    def warm(self) -> Future[None]:
        """Start a worker and import matplotlib in it now, not on the first chart."""
        return self._get().submit(_warm)

    def __call__(self, chart: Chart) -> bytes:
        """PNG bytes of chart, drawn in a worker; blocking (call it from a thread)."""
        pool = self._get()
        try:
            return pool.submit(_draw, chart).result(timeout=self.timeout)
        except FutureTimeout:
            self._replace(pool, f"a chart took over {self.timeout:g} s")
            raise ChartFailed(f"the chart took over {self.timeout:g} s") from None
        except BrokenProcessPool:
            self._replace(pool, "the chart worker died")
            raise ChartFailed("the chart worker died") from None

    def _replace(self, pool: ProcessPoolExecutor, why: str) -> None:
        """Kill a stuck or broken pool's workers; the next chart starts a new one."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        log.warning("%s: replacing the chart worker", why)
        _kill(pool)

    def close(self) -> None:
        """Stop the workers (pending charts are cancelled)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            _kill(pool)


def _kill(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor cannot stop a running task; its worker processes can be killed.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
