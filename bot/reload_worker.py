"""Load a fact base in a separate process, within the limits and under a memory ceiling.

A reload must never take the running bot down: the new base is read and validated in a
spawned worker with an address-space limit (RLIMIT_AS) and a timeout. Whatever happens to
the worker (problems found, out of memory, killed, a segfault, too slow), the caller gets
either the new KnowledgeBase or a LoadError whose problems say why, and keeps its old base.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import knowledge
from knowledge import KnowledgeBase, LoadError, Problem
from knowledge.limits import MB, Limits
from knowledge.yamlfile import display_path

_SPAWN = multiprocessing.get_context("spawn")  # no inherited event loop, threads or sockets


def _work(conn: Connection, path: Path | None, limits: Limits, memory: int) -> None:
    """The worker: cap memory, load, send ("ok", base) or ("problems", [...]) or ("failed", why)."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    payload: tuple[str, Any]
    try:
        payload = ("ok", knowledge.load(path, limits))
    except LoadError as exc:
        payload = ("problems", exc.problems)
    except MemoryError:
        payload = ("failed", f"ran out of memory (over {memory // MB} MB)")
    except Exception as exc:  # anything else is reported, never raised into the bot
        payload = ("failed", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(payload)
    except MemoryError:
        conn.send(("failed", f"ran out of memory (over {memory // MB} MB) sending the base"))
    conn.close()


def _death(code: int | None) -> str:
    """Why a worker ended without an answer."""
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (the memory ceiling? setting reload_memory_mb)" if -code == signal.SIGKILL else ""
        return f"the reload worker was killed by {name}{hint}"
    return f"the reload worker exited with code {code} without an answer"


def _failed(path: Path | None, why: str) -> LoadError:
    folder = Path(path) if path is not None else knowledge.DEFAULT_DATA
    return LoadError([Problem(display_path(folder), 1, f"reload failed: {why}")])


Work = Callable[[Connection, Path | None, Limits, int], None]


async def load_in_worker(
    path: Path | None,
    limits: Limits,
    *,
    memory_mb: float,
    timeout: float,
    work: Work = _work,
) -> KnowledgeBase:
    """Load and validate path in a worker process; raise LoadError (with why) if that fails.

    work is what the worker runs (a module-level function, for spawn to import): _work.
    """
    parent, child = _SPAWN.Pipe(duplex=False)
    worker = _SPAWN.Process(
        target=work,
        args=(child, path, limits, int(memory_mb * MB)),
        name="capcom-reload",
        daemon=True,
    )
    await asyncio.to_thread(worker.start)
    child.close()
    try:
        ready = await asyncio.to_thread(parent.poll, timeout)
        if not ready:
            raise _failed(path, f"took longer than {timeout:g} s (setting reload_timeout_seconds)")
        try:
            kind, value = await asyncio.to_thread(parent.recv)
        except (EOFError, OSError):
            await asyncio.to_thread(worker.join, 5)
            raise _failed(path, _death(worker.exitcode)) from None
    finally:
        parent.close()
        if worker.is_alive():
            worker.kill()
        await asyncio.to_thread(worker.join, 5)
    if kind == "ok" and isinstance(value, KnowledgeBase):
        return value
    if kind == "problems":
        raise LoadError(list(value))
    raise _failed(path, str(value))
