"""The SQLite backend of the state store: one file, WAL mode, the default for one process.

Several processes (or loops, or a CLI) may share the file: writes that must not interleave run
in BEGIN IMMEDIATE transactions, and the migrations run one at a time under SQLite's own write
lock. Every statement runs in the store's own worker thread, so a slow disk never stalls the
event loop (and with it the gateway heartbeats). WAL with synchronous=NORMAL: a commit survives
the process being killed; only a power cut may lose the last ones.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from bot.migrations import Dialect
from bot.store import Db, Row, Store, StoreError

T = TypeVar("T")


def _param(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value


class _Conn(Db):
    """Statements on the one sqlite3 connection, in the store's worker thread."""

    def __init__(self, db: sqlite3.Connection, worker: ThreadPoolExecutor) -> None:
        self.db = db
        self.worker = worker

    async def call(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.worker, work)

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        values = [_param(p) for p in params]
        return await self.call(lambda: [dict(r) for r in self.db.execute(sql, values)])

    async def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        values = [_param(p) for p in params]
        return await self.call(lambda: self.db.execute(sql, values).rowcount)

    async def many(self, sql: str, rows: Any) -> None:
        values = [[_param(p) for p in r] for r in rows]
        await self.call(lambda: self.db.executemany(sql, values))


class SqliteStore(Store):
    """The state in one SQLite file."""

    dialect: Dialect = "sqlite"
    greatest = "MAX"

    def __init__(self, path: Path, *, owner: str) -> None:
        super().__init__(owner=owner)
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(
                path, isolation_level=None, timeout=30.0, check_same_thread=False
            )
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=30000")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the state database {path}: {exc}") from None
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="capcom-sqlite")
        self._conn = _Conn(self.db, self._worker)
        self._lock = asyncio.Lock()

    def describe(self) -> str:
        """The file."""
        return f"SQLite {self.path}"

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of a query."""
        async with self._lock:
            return await self._conn.all(sql, params)

    async def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; the number of rows it changed."""
        async with self._lock:
            return await self._conn.run(sql, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Db]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error)."""
        async with self._lock:
            await self._conn.run("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                await self._conn.run("ROLLBACK")
                raise
            await self._conn.run("COMMIT")

    async def _locked_migrate(self) -> list[int]:
        async with self.transaction() as db:  # SQLite's write lock: one migrator at a time
            return await self._apply_missing(db)

    async def close(self) -> None:
        """Close the connection and its thread."""
        async with self._lock:
            await self._conn.call(self.db.close)
        self._worker.shutdown(wait=True)
