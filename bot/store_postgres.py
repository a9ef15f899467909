"""The PostgreSQL backend of the state store: a connection pool shared by a fleet of processes.

Migrations run under a session advisory lock (one migrator; the others wait, then find nothing
to do). Reloads are announced with NOTIFY on a channel that every process LISTENs to on its own
connection. A schema other than `public` is chosen in the URL, e.g.
`postgresql://capcom@db/capcom?options=-csearch_path%3Dcapcom`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

from bot.migrations import TIME_COLUMNS, Dialect
from bot.store import Db, Row, Store, StoreError, as_time

log = logging.getLogger(__name__)
RELOAD_CHANNEL = "capcom_reload"
Conn = psycopg.AsyncConnection[dict[str, Any]]


def _sql(sql: str) -> str:
    """`?` placeholders -> psycopg's `%s` (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The URL without its password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(unparsable URL)"
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host') or 'localhost'}{port}/{info.get('dbname') or ''}"


class _Conn(Db):
    """Statements on one pooled connection (in a transaction, or autocommit)."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = await self.conn.execute(_sql(sql), list(params))
        return list(await cur.fetchall()) if cur.description else []

    async def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        cur = await self.conn.execute(_sql(sql), list(params))
        return cur.rowcount

    async def many(self, sql: str, rows: Any) -> None:
        async with self.conn.cursor() as cur:
            await cur.executemany(_sql(sql), [list(r) for r in rows])


class PostgresStore(Store):
    """The state in a PostgreSQL database, through a pool of connections."""

    dialect: Dialect = "postgresql"
    greatest = "GREATEST"

    def __init__(self, url: str, pool: AsyncConnectionPool[Any], *, owner: str) -> None:
        super().__init__(owner=owner)
        self.url = url
        self.pool = pool
        self._listener: Conn | None = None
        self._notified = asyncio.Event()
        self._listen_task: asyncio.Task[None] | None = None

    @classmethod
    async def connect(cls, url: str, *, owner: str, pool_size: int = 10) -> PostgresStore:
        """Open a pool on the URL; StoreError (one line, no password) when it cannot."""
        pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
            url,
            min_size=1,
            max_size=max(2, pool_size),
            kwargs={"autocommit": True, "row_factory": dict_row},
            open=False,
            timeout=30.0,
        )
        try:
            await pool.open(wait=True, timeout=10.0)
        except Exception as exc:
            await pool.close()
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {redact(url)}: {reason}") from None
        return cls(url, pool, owner=owner)

    def describe(self) -> str:
        """The server and database (no password)."""
        return f"PostgreSQL {redact(self.url)}"

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of a query."""
        async with self.pool.connection() as conn:
            return await _Conn(conn).all(sql, params)

    async def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; the number of rows it changed."""
        async with self.pool.connection() as conn:
            return await _Conn(conn).run(sql, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Db]:
        """One transaction on one pooled connection (rows it writes stay locked until commit)."""
        async with self.pool.connection() as conn, conn.transaction():
            yield _Conn(conn)

    async def _schema(self, db: Db) -> str:
        row = await db.one("SELECT current_schema() AS s")
        if not row or not row["s"]:
            raise StoreError(
                f"{self.describe()}: no schema to create tables in (check search_path)"
            )
        return str(row["s"])

    async def _locked_migrate(self) -> list[int]:
        async with self.pool.connection() as conn:
            db = _Conn(conn)
            schema = await self._schema(db)
            raw = hashlib.sha256(f"capcom-migrate:{schema}".encode()).digest()[:8]
            key = int.from_bytes(raw, "big", signed=True)
            await db.run("SELECT pg_advisory_lock(?)", (key,))
            try:
                async with conn.transaction():
                    return await self._apply_missing(db)
            finally:
                await db.run("SELECT pg_advisory_unlock(?)", (key,))

    # -- reload notifications -------------------------------------------------------------

    async def notify_reload(self, reload_id: int) -> None:
        """NOTIFY the other processes (payload: the schema and the reload id)."""
        async with self.pool.connection() as conn:
            schema = await self._schema(_Conn(conn))
            await conn.execute(
                "SELECT pg_notify(%s, %s)", (RELOAD_CHANNEL, f"{schema}:{reload_id}")
            )

    async def _listen(self) -> None:
        while True:
            try:
                conn: Conn = await psycopg.AsyncConnection.connect(
                    self.url, autocommit=True, row_factory=dict_row
                )
                self._listener = conn
                async with conn:
                    await conn.execute(f"LISTEN {RELOAD_CHANNEL}")
                    self._notified.set()  # (re)connected: look once, a NOTIFY may have been lost
                    async for _ in conn.notifies():
                        self._notified.set()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("LISTEN connection lost; reconnecting in 5 s", exc_info=True)
                await asyncio.sleep(5)

    async def wait_for_reload(self, timeout: float) -> None:
        """Return on a NOTIFY, at the latest after timeout (a poll, should one be lost)."""
        if self._listen_task is None:
            self._listen_task = asyncio.create_task(self._listen(), name="capcom-listen")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._notified.wait(), timeout)
        self._notified.clear()

    async def close(self) -> None:
        """Stop listening and close the pool."""
        if self._listen_task is not None:
            self._listen_task.cancel()
            await asyncio.gather(self._listen_task, return_exceptions=True)
            self._listen_task = None
        await self.pool.close()

    # -- copy -----------------------------------------------------------------------------

    def import_value(self, table: str, column: str, value: Any) -> Any:
        """ISO times read from SQLite become datetimes (timestamptz columns here)."""
        if column in TIME_COLUMNS.get(table, ()) and isinstance(value, str):
            return as_time(value)
        return value

    async def after_copy(self) -> None:
        """Move each identity sequence past the largest copied id."""
        for table in ("subscriptions", "posts", "reloads"):
            await self.run(
                f"SELECT setval(pg_get_serial_sequence(?, 'id'),"
                f" COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)",
                (table,),
            )
