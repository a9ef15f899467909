"""State behind one interface: subscriptions, the post log, instances, reloads, command syncs.

Two backends implement the few primitives at the bottom of `Store` (run a statement, run a
transaction, take the migration lock): SQLite (bot/store_sqlite.py, the default, one file in
the state folder) and PostgreSQL (bot/store_postgres.py, `database_url`, for a fleet of shard
processes). Every query is written once here, with `?` placeholders, in SQL both accept.

Exactly once: a post is *claimed* (a row inserted into the post log, unique per (subscription,
slot) or (subscription, change id), by a conditional insert) before it is sent, carrying the
deterministic nonce it is sent with, and *marked* with its outcome after - only by the process
that holds the claim. A claim whose process stopped heartbeating is taken over atomically by
another process owning the guild's shard, which resends with the same nonce (Discord returns
the message already created) or, past Discord's de-duplication window, first looks for the
post in the channel (bot/scheduler.py). Claims left by the first release (no nonce) are never
repeated: their outcome stays unknown.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import socket
import uuid
from abc import abstractmethod
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.migrations import LATEST, MIGRATIONS, TABLES, Dialect, statements
from bot.records import (
    Db,
    Instance,
    Origin,
    Post,
    PostStatus,
    ReloadRecord,
    Row,
    SeenChange,
    StoreError,
    Subscription,
    What,
    as_time,
    utc,
    wall_clock,
)
from bot.shards import Shards
from bot.store_fleet import FleetStore

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "DB_FILE",
    "Db",
    "Instance",
    "Origin",
    "Post",
    "PostStatus",
    "ReloadRecord",
    "Row",
    "SeenChange",
    "Store",
    "StoreError",
    "Subscription",
    "What",
    "as_time",
    "open_store",
    "open_url",
    "utc",
    "wall_clock",
]
log = logging.getLogger(__name__)
DB_FILE = "capcom.sqlite3"


class Store(FleetStore):
    """The state database. Backends implement all/run, transaction() and _locked_migrate()."""

    dialect: Dialect

    def __init__(self, *, owner: str) -> None:
        self.owner = owner  # this process's instance id: recorded as claimed_by

    # -- what a backend provides ----------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Db]:
        """A transaction that writes first (so two processes never interleave inside it)."""

    @abstractmethod
    async def _locked_migrate(self) -> list[int]:
        """Apply the missing migrations under the backend's lock; the versions applied."""

    @abstractmethod
    async def close(self) -> None:
        """Close the connection(s)."""

    @abstractmethod
    def describe(self) -> str:
        """Where the database is, for messages (never a password)."""

    async def notify_reload(self, reload_id: int) -> None:
        """Tell the other processes a reload was recorded (PostgreSQL: NOTIFY)."""

    async def wait_for_reload(self, timeout: float) -> None:
        """Return when another process may have recorded a reload, at the latest after timeout."""
        await asyncio.sleep(timeout)

    # -- schema ---------------------------------------------------------------------------

    async def version(self) -> int:
        """The schema version the database is at (0 when empty)."""
        try:
            row = await self.one("SELECT MAX(version) AS v FROM schema_version")
        except Exception as exc:
            if self.missing_table(exc):
                return 0
            raise
        return int(row["v"] or 0) if row else 0

    def missing_table(self, exc: Exception) -> bool:
        """Whether an error says a table does not exist."""
        text = str(exc).lower()
        return "no such table" in text or "does not exist" in text

    async def migrate(self) -> list[int]:
        """Apply the migrations not applied yet, once, whichever process gets there first."""
        applied = await self._locked_migrate()
        current = await self.version()
        if current > LATEST:
            raise StoreError(
                f"{self.describe()} is at schema version {current}, newer than this capcom "
                f"({LATEST}); upgrade capcom before running it against this database"
            )
        return applied

    async def _apply_missing(self, db: Db) -> list[int]:
        """Inside the lock: create schema_version, apply each missing migration, in order."""
        await db.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
        done = {int(r["version"]) for r in await db.all("SELECT version FROM schema_version")}
        applied = []
        for migration in MIGRATIONS:
            if migration.version in done:
                continue
            for statement in statements(migration, self.dialect):
                await db.run(statement)
            await db.run("INSERT INTO schema_version (version) VALUES (?)", (migration.version,))
            applied.append(migration.version)
            log.info(
                "state database: applied migration %d (%s)", migration.version, migration.purpose
            )
        return applied

    # -- subscriptions --------------------------------------------------------------------

    async def subscribe(
        self,
        *,
        guild_id: int,
        channel_id: int,
        what: What,
        schedule: str | None,
        tz: str,
        role_id: int | None,
        origin: Origin,
        now: dt.datetime,
        created_by: int | None = None,
    ) -> Subscription:
        """Create or replace the channel's subscription of this origin (resets failures)."""
        await self.run(
            """
            INSERT INTO subscriptions
                (guild_id, channel_id, what, schedule, tz, role_id, origin, created_at,
                 created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel_id, origin) DO UPDATE SET
                guild_id = excluded.guild_id, what = excluded.what,
                schedule = excluded.schedule, tz = excluded.tz, role_id = excluded.role_id,
                created_at = CASE
                    WHEN subscriptions.schedule IS NOT DISTINCT FROM excluded.schedule
                     AND subscriptions.tz = excluded.tz THEN subscriptions.created_at
                    ELSE excluded.created_at END,
                created_by = excluded.created_by,
                failures = 0, paused = 0, last_error = NULL
            """,
            (guild_id, channel_id, what, schedule, tz, role_id, origin, utc(now), created_by),
        )
        sub = await self.subscription_for(channel_id, origin)
        assert sub is not None
        return sub

    async def sync_config(self, declared: list[dict[str, object]], now: dt.datetime) -> None:
        """Make the config-origin subscriptions exactly the declared ones (post log kept)."""
        keep = {int(str(d["channel_id"])) for d in declared}
        for d in declared:
            existing = await self.subscription_for(int(str(d["channel_id"])), "config")
            fields = (d.get("what"), d.get("schedule"), d.get("tz"), d.get("role_id"))
            if existing is not None and fields == (
                existing.what,
                existing.schedule,
                existing.tz,
                existing.role_id,
            ):
                continue  # unchanged: keep failures and pause state
            await self.subscribe(
                guild_id=int(str(d["guild_id"])),
                channel_id=int(str(d["channel_id"])),
                what=d["what"],  # type: ignore[arg-type]
                schedule=d.get("schedule"),  # type: ignore[arg-type]
                tz=str(d.get("tz") or "UTC"),
                role_id=d.get("role_id"),  # type: ignore[arg-type]
                origin="config",
                now=now,
            )
        for sub in await self.subscriptions():
            if sub.origin == "config" and sub.channel_id not in keep:
                await self.unsubscribe(sub.id)

    async def unsubscribe(self, sub_id: int) -> bool:
        """Delete a subscription (and its post log); True if it existed."""
        return await self.run("DELETE FROM subscriptions WHERE id = ?", (sub_id,)) > 0

    @staticmethod
    def _sub(row: Row) -> Subscription:
        created = as_time(row["created_at"])
        assert created is not None
        return Subscription(
            id=int(row["id"]),
            guild_id=int(row["guild_id"]),
            channel_id=int(row["channel_id"]),
            what=row["what"],
            schedule=row["schedule"],
            tz=row["tz"],
            role_id=row["role_id"],
            origin=row["origin"],
            created_at=created,
            created_by=row["created_by"],
            failures=int(row["failures"]),
            paused=bool(row["paused"]),
            last_error=row["last_error"],
        )

    async def subscriptions(
        self, guild_id: int | None = None, *, shards: Shards | None = None
    ) -> list[Subscription]:
        """All subscriptions (of one guild, or of the guilds on some shards), oldest first."""
        if guild_id is not None:
            rows = await self.all(
                "SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY id", (guild_id,)
            )
        else:
            where, params = (shards or Shards()).where()
            rows = await self.all(f"SELECT * FROM subscriptions WHERE {where} ORDER BY id", params)
        return [self._sub(r) for r in rows]

    async def subscription(self, sub_id: int) -> Subscription | None:
        """One subscription by id."""
        row = await self.one("SELECT * FROM subscriptions WHERE id = ?", (sub_id,))
        return self._sub(row) if row else None

    async def subscription_for(self, channel_id: int, origin: Origin) -> Subscription | None:
        """The channel's subscription of one origin."""
        row = await self.one(
            "SELECT * FROM subscriptions WHERE channel_id = ? AND origin = ?", (channel_id, origin)
        )
        return self._sub(row) if row else None

    async def set_paused(self, sub_id: int, paused: bool) -> None:
        """Pause or resume (resuming clears the failure count)."""
        if paused:
            await self.run("UPDATE subscriptions SET paused = 1 WHERE id = ?", (sub_id,))
        else:
            await self.run(
                "UPDATE subscriptions SET paused = 0, failures = 0 WHERE id = ?", (sub_id,)
            )

    # -- the post log ---------------------------------------------------------------------

    async def claim_slot(
        self, sub_id: int, slot: dt.datetime, now: dt.datetime, nonce: str | None = None
    ) -> int | None:
        """Claim a scheduled slot; the post id, or None if anyone claimed it before."""
        return await self._claim(sub_id, utc(slot), None, now, "claimed", nonce)

    async def claim_change(
        self, sub_id: int, change_id: str, now: dt.datetime, nonce: str | None = None
    ) -> int | None:
        """Claim a change alert; the post id, or None if anyone claimed it before."""
        return await self._claim(sub_id, None, change_id, now, "claimed", nonce)

    async def record_missed(
        self, sub_id: int, slot: dt.datetime, now: dt.datetime, why: str
    ) -> bool:
        """Log a slot that was not posted (too late to catch up); False if already logged."""
        pid = await self._claim(sub_id, utc(slot), None, now, "missed", None)
        if pid is None:
            return False
        await self.run(
            "UPDATE posts SET finished_at = ?, detail = ? WHERE id = ?", (utc(now), why, pid)
        )
        return True

    async def _claim(
        self,
        sub_id: int,
        slot: dt.datetime | None,
        change_id: str | None,
        now: dt.datetime,
        status: str,
        nonce: str | None,
    ) -> int | None:
        row = await self.one(
            """
            INSERT INTO posts (subscription_id, slot, change_id, status, claimed_at, claimed_by,
                               nonce, attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            (sub_id, slot, change_id, status, utc(now), self.owner, nonce, utc(wall_clock())),
        )
        return int(row["id"]) if row else None

    async def logged_slots(self, slots: Iterable[dt.datetime]) -> set[tuple[int, dt.datetime]]:
        """(subscription, slot) pairs already in the post log, for these slot instants."""
        wanted = sorted({utc(s) for s in slots})
        out: set[tuple[int, dt.datetime]] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = await self.all(
                f"SELECT subscription_id, slot FROM posts WHERE slot IN ({marks})", chunk
            )
            for r in rows:
                slot = as_time(r["slot"])
                assert slot is not None
                out.add((int(r["subscription_id"]), slot))
        return out

    async def _finish(self, post_id: int, sql: str, params: Sequence[Any]) -> bool:
        """Run an outcome update only while this process holds the claim."""
        changed = await self.run(
            f"{sql} WHERE id = ? AND status = 'claimed' AND claimed_by = ?",
            (*params, post_id, self.owner),
        )
        if not changed:
            log.warning(
                "post %s: not ours any more (taken over or finished); outcome kept", post_id
            )
        return changed > 0

    async def mark_sent(self, post_id: int, now: dt.datetime, message_id: int | None) -> bool:
        """The post was delivered: record it and clear the subscription's failures."""
        async with self.transaction() as db:
            changed = await db.run(
                "UPDATE posts SET status = 'sent', finished_at = ?, message_id = ?, detail = NULL"
                " WHERE id = ? AND status = 'claimed' AND claimed_by = ?",
                (utc(now), message_id, post_id, self.owner),
            )
            if changed:
                await db.run(
                    "UPDATE subscriptions SET failures = 0, last_error = NULL WHERE id ="
                    " (SELECT subscription_id FROM posts WHERE id = ?)",
                    (post_id,),
                )
        if not changed:
            log.warning(
                "post %s: not ours any more (taken over or finished); outcome kept", post_id
            )
        return changed > 0

    async def mark_error(self, post_id: int, now: dt.datetime, reason: str) -> bool:
        """The post failed through our own fault: record it, without counting it on the channel."""
        return await self._finish(
            post_id,
            "UPDATE posts SET status = 'failed', finished_at = ?, detail = ?",
            (utc(now), reason),
        )

    async def mark_missed(self, post_id: int, now: dt.datetime, reason: str) -> bool:
        """A claimed post that is now too late to send: record it as missed."""
        return await self._finish(
            post_id,
            "UPDATE posts SET status = 'missed', finished_at = ?, detail = ?",
            (utc(now), reason),
        )

    async def mark_failed(
        self, post_id: int, now: dt.datetime, reason: str, max_failures: int
    ) -> bool:
        """The post failed: count it on the subscription; True if that paused it."""
        async with self.transaction() as db:
            changed = await db.run(
                "UPDATE posts SET status = 'failed', finished_at = ?, detail = ?"
                " WHERE id = ? AND status = 'claimed' AND claimed_by = ?",
                (utc(now), reason, post_id, self.owner),
            )
            if not changed:
                return False
            row = await db.one("SELECT subscription_id FROM posts WHERE id = ?", (post_id,))
            assert row is not None
            sub_id = row["subscription_id"]
            await db.run(
                "UPDATE subscriptions SET failures = failures + 1, last_error = ? WHERE id = ?",
                (reason, sub_id),
            )
            await db.run(
                "UPDATE subscriptions SET paused = 1 WHERE id = ? AND failures >= ?",
                (sub_id, max_failures),
            )
            paused = await db.one("SELECT paused FROM subscriptions WHERE id = ?", (sub_id,))
        return bool(paused and paused["paused"])

    @staticmethod
    def _post(row: Row) -> Post:
        claimed = as_time(row["claimed_at"])
        assert claimed is not None
        return Post(
            id=int(row["id"]),
            subscription_id=int(row["subscription_id"]),
            slot=as_time(row["slot"]),
            change_id=row["change_id"],
            status=row["status"],
            claimed_at=claimed,
            claimed_by=row["claimed_by"],
            finished_at=as_time(row["finished_at"]),
            message_id=row["message_id"],
            detail=row["detail"],
            nonce=row.get("nonce"),
            attempt_at=as_time(row.get("attempt_at")),
        )

    async def post(self, post_id: int) -> Post | None:
        """One post-log row."""
        row = await self.one("SELECT * FROM posts WHERE id = ?", (post_id,))
        return self._post(row) if row else None

    async def posts(self, sub_id: int) -> list[Post]:
        """The subscription's post log, oldest first."""
        rows = await self.all(
            "SELECT * FROM posts WHERE subscription_id = ? ORDER BY id", (sub_id,)
        )
        return [self._post(r) for r in rows]

    async def last_post(self, sub_id: int) -> Post | None:
        """The subscription's latest post-log row."""
        row = await self.one(
            "SELECT * FROM posts WHERE subscription_id = ? ORDER BY id DESC LIMIT 1", (sub_id,)
        )
        return self._post(row) if row else None

    async def last_digest(self, sub_id: int) -> Post | None:
        """The subscription's latest delivered digest."""
        row = await self.one(
            "SELECT * FROM posts WHERE subscription_id = ? AND slot IS NOT NULL AND status = 'sent'"
            " ORDER BY slot DESC LIMIT 1",
            (sub_id,),
        )
        return self._post(row) if row else None

    async def abandoned(self, shards: Shards, lease: dt.timedelta) -> list[Post]:
        """Claims (with a nonce) of processes that stopped heartbeating, on these shards."""
        where, params = shards.where("s.guild_id")
        live_after = utc(wall_clock() - lease)
        rows = await self.all(
            f"""
            SELECT p.* FROM posts p JOIN subscriptions s ON s.id = p.subscription_id
            WHERE p.status = 'claimed' AND p.nonce IS NOT NULL AND {where}
              AND p.claimed_by NOT IN (SELECT id FROM instances WHERE heartbeat_at > ?)
            ORDER BY p.id
            """,
            (*params, live_after),
        )
        return [self._post(r) for r in rows]

    async def take_over(self, post: Post) -> bool:
        """Become the holder of an abandoned claim (atomic: one process wins)."""
        changed = await self.run(
            "UPDATE posts SET claimed_by = ? WHERE id = ? AND status = 'claimed'"
            " AND claimed_by = ?",
            (self.owner, post.id, post.claimed_by),
        )
        return changed > 0

    # -- changes seen on reloads ----------------------------------------------------------

    async def remember_changes(
        self, changes: list[tuple[str, str, str, str, tuple[str, ...]]], now: dt.datetime
    ) -> None:
        """Record (id, record_id, kind, text, sources) found on a reload (first sighting kept)."""
        async with self.transaction() as db:
            await db.many(
                "INSERT INTO changes (id, record_id, kind, text, sources, detected_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(c[0], c[1], c[2], c[3], " ".join(c[4]), utc(now)) for c in changes],
            )

    @staticmethod
    def _change(r: Row) -> SeenChange:
        detected = as_time(r["detected_at"])
        assert detected is not None
        return SeenChange(
            r["id"], r["record_id"], r["kind"], r["text"], tuple(r["sources"].split()), detected
        )

    async def changes_since(self, since: dt.datetime | None) -> list[SeenChange]:
        """Changes detected after since (all when None), oldest first."""
        if since is None:
            rows = await self.all("SELECT * FROM changes ORDER BY detected_at, id")
        else:
            rows = await self.all(
                "SELECT * FROM changes WHERE detected_at > ? ORDER BY detected_at, id",
                (utc(since),),
            )
        return [self._change(r) for r in rows]

    async def changes(self, ids: Sequence[str]) -> list[SeenChange]:
        """The recorded changes with these ids, in the order given."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = await self.all(f"SELECT * FROM changes WHERE id IN ({marks})", list(ids))
        by_id = {r["id"]: self._change(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    # -- copy and counts ------------------------------------------------------------------

    async def counts(self) -> dict[str, int]:
        """Rows per copied table."""
        out = {}
        for table in TABLES:
            row = await self.one(f"SELECT COUNT(*) AS n FROM {table}")
            out[table] = int(row["n"]) if row else 0
        return out

    async def rows(self, table: str) -> AsyncIterator[list[Row]]:
        """A table's rows in batches, in primary-key order."""
        if table not in TABLES:
            raise ValueError(f"not a state table: {table}")
        order = {"command_syncs": "target, hash", "rate_limits": "name", "changes": "id"}
        rows = await self.all(f"SELECT * FROM {table} ORDER BY {order.get(table, 'id')}")
        for i in range(0, len(rows), 1000):
            yield [dict(r) for r in rows[i : i + 1000]]

    async def insert_rows(self, table: str, rows: Sequence[Row]) -> None:
        """Insert rows as they are (ids kept), in one transaction."""
        if not rows:
            return
        columns = list(rows[0])
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        async with self.transaction() as db:
            await db.many(sql, [[self.import_value(table, c, r[c]) for c in columns] for r in rows])

    def import_value(self, table: str, column: str, value: Any) -> Any:
        """A value read from another backend, as this one stores it."""
        return value

    async def after_copy(self) -> None:
        """Bring id sequences past the copied ids (PostgreSQL)."""


def sqlite_path(settings: Settings) -> Path:
    """The SQLite file of these settings: database_url's path, else state_dir/capcom.sqlite3."""
    url = settings.database_url
    if url and url.startswith("sqlite:"):
        return Path(url.removeprefix("sqlite://"))
    return settings.state_dir / DB_FILE


def instance_id() -> str:
    """A name for this process, unique in the fleet: host, pid and a random suffix."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


async def open_store(
    settings: Settings, *, owner: str | None = None, migrate: bool = True
) -> Store:
    """Open the database the settings name (database_url, else SQLite in state_dir)."""
    url = settings.database_url or f"sqlite://{sqlite_path(settings)}"
    return await open_url(url, owner=owner, migrate=migrate, pool_size=settings.database_pool_size)


async def open_url(
    url: str, *, owner: str | None = None, migrate: bool = True, pool_size: int = 10
) -> Store:
    """Open postgresql://... or sqlite:///path, applying its missing migrations unless told not."""
    owner = owner or instance_id()
    store: Store
    if url.startswith(("postgresql://", "postgres://")):
        from bot.store_postgres import PostgresStore

        store = await PostgresStore.connect(url, owner=owner, pool_size=pool_size)
    elif url.startswith("sqlite://"):
        from bot.store_sqlite import SqliteStore

        store = SqliteStore(Path(url.removeprefix("sqlite://")), owner=owner)
    else:
        raise StoreError(
            f"a database URL starts with postgresql:// or sqlite:///, not {url.split(':')[0]!r}"
        )
    if migrate:
        try:
            await store.migrate()
        except BaseException:
            await store.close()
            raise
    return store
