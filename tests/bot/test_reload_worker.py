"""Reloads in a worker process: the new base, its problems, or why the worker failed."""

from __future__ import annotations

import os
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

import knowledge
from bot.reload_worker import load_in_worker
from knowledge.limits import Limits
from tests.bot.conftest import FIXTURE_KB
from tests.hostile import alias_bomb, kb_with, text


def segfault(conn: Connection, path: Path | None, limits: Limits, memory: int) -> None:
    """A worker that crashes the way the C YAML parser once did."""
    os.kill(os.getpid(), signal.SIGSEGV)


def stall(conn: Connection, path: Path | None, limits: Limits, memory: int) -> None:
    """A worker that never answers."""
    time.sleep(60)


async def reload(path: Path, **kw: object) -> knowledge.KnowledgeBase:
    options: dict[str, object] = {"memory_mb": 1024, "timeout": 60, **kw}
    return await load_in_worker(path, Limits(), **options)  # type: ignore[arg-type]


def failure(caught: pytest.ExceptionInfo[knowledge.LoadError]) -> str:
    [problem] = caught.value.problems
    return problem.message


@pytest.mark.asyncio
async def test_the_worker_returns_the_same_base() -> None:
    assert await reload(FIXTURE_KB) == knowledge.load(FIXTURE_KB)


@pytest.mark.asyncio
async def test_problems_come_back_as_a_load_error(tmp_path: Path) -> None:
    kb = kb_with(tmp_path / "kb", {"crew.yaml": text("[[[[[[[[[[" * 10)})
    with pytest.raises(knowledge.LoadError) as caught:
        await reload(kb)
    assert "nested deeper than 32 levels" in caught.value.report()


@pytest.mark.asyncio
async def test_the_memory_ceiling_stops_a_base_that_would_exhaust_memory(tmp_path: Path) -> None:
    kb = kb_with(tmp_path / "kb", {"crew.yaml": text(alias_bomb(300))})
    unlimited = Limits(max_alias_nodes=10**12)
    with pytest.raises(knowledge.LoadError) as caught:
        await load_in_worker(kb, unlimited, memory_mb=300, timeout=60)
    assert "reload failed:" in failure(caught)
    assert "out of memory" in failure(caught) or "killed" in failure(caught)


@pytest.mark.asyncio
async def test_a_crashed_worker_is_a_load_error_naming_the_signal() -> None:
    with pytest.raises(knowledge.LoadError) as caught:
        await reload(FIXTURE_KB, work=segfault)
    assert failure(caught) == "reload failed: the reload worker was killed by SIGSEGV"


@pytest.mark.asyncio
async def test_a_slow_worker_is_stopped_at_the_timeout() -> None:
    with pytest.raises(knowledge.LoadError) as caught:
        await reload(FIXTURE_KB, work=stall, timeout=1)
    assert failure(caught) == "reload failed: took longer than 1 s (setting reload_timeout_seconds)"
