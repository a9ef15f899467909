"""SQLite state for status posts: subscriptions, the exactly-once post log, seen changes.

The database lives in the state folder (WAL mode, so several connections - two loops, a CLI -
can use it at once). Its schema is versioned: MIGRATIONS run in order, each once, recorded in
the schema_version table.

Exactly-once, as far as it can be had: a post is *claimed* (a row inserted into the post log,
unique per (subscription, slot) or (subscription, change id)) before it is sent, and *marked*
with its outcome after. Whoever inserts the row sends; a second claimer (another loop, a
restart) gets nothing and sends nothing. If the process dies between claim and mark, the row
stays "claimed": that slot is never sent again (at-most-once for a claimed slot, because a
duplicate in a channel is worse than a missed digest, and Discord gives no way to ask whether
a message was created), and /subscriptions reports it as "unknown outcome".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DB_FILE = "capcom.sqlite3"
What = Literal["digest", "changes", "both"]
Origin = Literal["slash", "config"]
PostStatus = Literal["claimed", "sent", "failed", "missed"]

MIGRATIONS: tuple[str, ...] = (
    # 1: subscriptions and the post log
    """
    CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        what TEXT NOT NULL CHECK (what IN ('digest', 'changes', 'both')),
        schedule TEXT,
        tz TEXT NOT NULL DEFAULT 'UTC',
        role_id INTEGER,
        origin TEXT NOT NULL CHECK (origin IN ('slash', 'config')),
        created_at TEXT NOT NULL,
        created_by INTEGER,
        failures INTEGER NOT NULL DEFAULT 0,
        paused INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        UNIQUE (channel_id, origin)
    );
    CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        slot TEXT,
        change_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'missed')),
        claimed_at TEXT NOT NULL,
        claimed_by TEXT NOT NULL,
        finished_at TEXT,
        message_id INTEGER,
        detail TEXT,
        UNIQUE (subscription_id, slot),
        UNIQUE (subscription_id, change_id),
        CHECK ((slot IS NULL) <> (change_id IS NULL))
    );
    CREATE INDEX posts_by_subscription ON posts (subscription_id, id);
    """,
    # 2: changes seen on reloads, so the next digest can list them
    """
    CREATE TABLE changes (
        id TEXT PRIMARY KEY,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        sources TEXT NOT NULL DEFAULT '',
        detected_at TEXT NOT NULL
    );
    """,
)


def _iso(t: dt.datetime) -> str:
    if t.tzinfo is None:
        raise ValueError("store times must be timezone-aware")
    return t.astimezone(dt.UTC).isoformat(timespec="seconds")


def _time(s: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(s) if s else None


@dataclass(frozen=True)
class Subscription:
    """A channel's subscription to digests, change alerts, or both."""

    id: int
    guild_id: int
    channel_id: int
    what: What
    schedule: str | None
    tz: str
    role_id: int | None
    origin: Origin
    created_at: dt.datetime
    created_by: int | None
    failures: int
    paused: bool
    last_error: str | None

    @property
    def digests(self) -> bool:
        """Whether scheduled digests are posted."""
        return self.what in ("digest", "both") and bool(self.schedule)

    @property
    def alerts(self) -> bool:
        """Whether change alerts are posted."""
        return self.what in ("changes", "both")


@dataclass(frozen=True)
class Post:
    """One row of the post log."""

    id: int
    subscription_id: int
    slot: dt.datetime | None
    change_id: str | None
    status: PostStatus
    claimed_at: dt.datetime
    finished_at: dt.datetime | None
    message_id: int | None
    detail: str | None


@dataclass(frozen=True)
class SeenChange:
    """A change found on a reload."""

    id: str
    record_id: str
    kind: str
    text: str
    sources: tuple[str, ...]
    detected_at: dt.datetime


class Store:
    """One connection to the state database; open several for several loops."""

    def __init__(self, path: Path, *, owner: str = "capcom") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.owner = owner  # recorded as claimed_by
        self.db = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=10000")
        self.migrate()

    @classmethod
    def in_folder(cls, state_dir: Path, *, owner: str = "capcom") -> Store:
        """The store in a state folder."""
        return cls(state_dir / DB_FILE, owner=owner)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- schema ---------------------------------------------------------------------------

    @property
    def version(self) -> int:
        """The schema version the database is at."""
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        """Apply the migrations not applied yet, in order, each in its own transaction."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
        for number, sql in enumerate(MIGRATIONS, start=1):
            with self.transaction() as db:
                done = db.execute(
                    "SELECT 1 FROM schema_version WHERE version = ?", (number,)
                ).fetchone()
                if done:
                    continue
                for statement in sql.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))

    # -- subscriptions --------------------------------------------------------------------

    def subscribe(
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
        with self.transaction() as db:
            db.execute(
                """
                INSERT INTO subscriptions
                    (guild_id, channel_id, what, schedule, tz, role_id, origin, created_at,
                     created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel_id, origin) DO UPDATE SET
                    guild_id = excluded.guild_id, what = excluded.what,
                    schedule = excluded.schedule, tz = excluded.tz, role_id = excluded.role_id,
                    created_at = CASE
                        WHEN subscriptions.schedule IS excluded.schedule
                         AND subscriptions.tz = excluded.tz THEN subscriptions.created_at
                        ELSE excluded.created_at END,
                    created_by = excluded.created_by,
                    failures = 0, paused = 0, last_error = NULL
                """,
                (guild_id, channel_id, what, schedule, tz, role_id, origin, _iso(now), created_by),
            )
        sub = self.subscription_for(channel_id, origin)
        assert sub is not None
        return sub

    def sync_config(self, declared: list[dict[str, object]], now: dt.datetime) -> None:
        """Make the config-origin subscriptions exactly the declared ones (post log kept)."""
        keep = {int(str(d["channel_id"])) for d in declared}
        for d in declared:
            existing = self.subscription_for(int(str(d["channel_id"])), "config")
            fields = (d.get("what"), d.get("schedule"), d.get("tz"), d.get("role_id"))
            if existing is not None and fields == (
                existing.what,
                existing.schedule,
                existing.tz,
                existing.role_id,
            ):
                continue  # unchanged: keep failures and pause state
            self.subscribe(
                guild_id=int(str(d["guild_id"])),
                channel_id=int(str(d["channel_id"])),
                what=d["what"],  # type: ignore[arg-type]
                schedule=d.get("schedule"),  # type: ignore[arg-type]
                tz=str(d.get("tz") or "UTC"),
                role_id=d.get("role_id"),  # type: ignore[arg-type]
                origin="config",
                now=now,
            )
        for sub in self.subscriptions():
            if sub.origin == "config" and sub.channel_id not in keep:
                self.unsubscribe(sub.id)

    def unsubscribe(self, sub_id: int) -> bool:
        """Delete a subscription (and its post log); True if it existed."""
        cur = self.db.execute("DELETE FROM subscriptions WHERE id = ?", (sub_id,))
        return cur.rowcount > 0

    def _sub(self, row: sqlite3.Row) -> Subscription:
        created = _time(row["created_at"])
        assert created is not None
        return Subscription(
            id=row["id"],
            guild_id=row["guild_id"],
            channel_id=row["channel_id"],
            what=row["what"],
            schedule=row["schedule"],
            tz=row["tz"],
            role_id=row["role_id"],
            origin=row["origin"],
            created_at=created,
            created_by=row["created_by"],
            failures=row["failures"],
            paused=bool(row["paused"]),
            last_error=row["last_error"],
        )

    def subscriptions(self, guild_id: int | None = None) -> list[Subscription]:
        """All subscriptions (of one guild), oldest first."""
        if guild_id is None:
            rows = self.db.execute("SELECT * FROM subscriptions ORDER BY id").fetchall()
        else:
            rows = self.db.execute(
                "SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY id", (guild_id,)
            ).fetchall()
        return [self._sub(r) for r in rows]

    def subscription(self, sub_id: int) -> Subscription | None:
        """One subscription by id."""
        row = self.db.execute("SELECT * FROM subscriptions WHERE id = ?", (sub_id,)).fetchone()
        return self._sub(row) if row else None

    def subscription_for(self, channel_id: int, origin: Origin) -> Subscription | None:
        """The channel's subscription of one origin."""
        row = self.db.execute(
            "SELECT * FROM subscriptions WHERE channel_id = ? AND origin = ?", (channel_id, origin)
        ).fetchone()
        return self._sub(row) if row else None

    def set_paused(self, sub_id: int, paused: bool) -> None:
        """Pause or resume (resuming clears the failure count)."""
        self.db.execute(
            "UPDATE subscriptions SET paused = ?, failures = CASE WHEN ? THEN failures ELSE 0 END"
            " WHERE id = ?",
            (int(paused), int(paused), sub_id),
        )

    # -- the post log ---------------------------------------------------------------------

    def claim_slot(self, sub_id: int, slot: dt.datetime, now: dt.datetime) -> int | None:
        """Claim a scheduled slot; the post id, or None if anyone claimed it before."""
        return self._claim(sub_id, _iso(slot), None, now, "claimed")

    def claim_change(self, sub_id: int, change_id: str, now: dt.datetime) -> int | None:
        """Claim a change alert; the post id, or None if anyone claimed it before."""
        return self._claim(sub_id, None, change_id, now, "claimed")

    def record_missed(self, sub_id: int, slot: dt.datetime, now: dt.datetime, why: str) -> bool:
        """Log a slot that was not posted (too late to catch up); False if already logged."""
        pid = self._claim(sub_id, _iso(slot), None, now, "missed")
        if pid is None:
            return False
        self.db.execute(
            "UPDATE posts SET finished_at = ?, detail = ? WHERE id = ?", (_iso(now), why, pid)
        )
        return True

    def _claim(
        self, sub_id: int, slot: str | None, change_id: str | None, now: dt.datetime, status: str
    ) -> int | None:
        cur = self.db.execute(
            """
            INSERT INTO posts (subscription_id, slot, change_id, status, claimed_at, claimed_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
            (sub_id, slot, change_id, status, _iso(now), self.owner),
        )
        return cur.lastrowid if cur.rowcount == 1 else None

    def mark_sent(self, post_id: int, now: dt.datetime, message_id: int | None) -> None:
        """The post was delivered: record it and clear the subscription's failures."""
        with self.transaction() as db:
            db.execute(
                "UPDATE posts SET status = 'sent', finished_at = ?, message_id = ?, detail = NULL"
                " WHERE id = ?",
                (_iso(now), message_id, post_id),
            )
            db.execute(
                "UPDATE subscriptions SET failures = 0, last_error = NULL WHERE id ="
                " (SELECT subscription_id FROM posts WHERE id = ?)",
                (post_id,),
            )

    def mark_error(self, post_id: int, now: dt.datetime, reason: str) -> None:
        """The post failed through our own fault: record it, without counting it on the channel."""
        self.db.execute(
            "UPDATE posts SET status = 'failed', finished_at = ?, detail = ? WHERE id = ?",
            (_iso(now), reason, post_id),
        )

    def mark_failed(self, post_id: int, now: dt.datetime, reason: str, max_failures: int) -> bool:
        """The post failed: count it on the subscription; True if that paused it."""
        with self.transaction() as db:
            db.execute(
                "UPDATE posts SET status = 'failed', finished_at = ?, detail = ? WHERE id = ?",
                (_iso(now), reason, post_id),
            )
            row = db.execute(
                "SELECT subscription_id FROM posts WHERE id = ?", (post_id,)
            ).fetchone()
            db.execute(
                "UPDATE subscriptions SET failures = failures + 1, last_error = ?,"
                " paused = CASE WHEN failures + 1 >= ? THEN 1 ELSE paused END WHERE id = ?",
                (reason, max_failures, row[0]),
            )
            paused = db.execute(
                "SELECT paused FROM subscriptions WHERE id = ?", (row[0],)
            ).fetchone()
        return bool(paused and paused[0])

    def _post(self, row: sqlite3.Row) -> Post:
        claimed = _time(row["claimed_at"])
        assert claimed is not None
        return Post(
            id=row["id"],
            subscription_id=row["subscription_id"],
            slot=_time(row["slot"]),
            change_id=row["change_id"],
            status=row["status"],
            claimed_at=claimed,
            finished_at=_time(row["finished_at"]),
            message_id=row["message_id"],
            detail=row["detail"],
        )

    def posts(self, sub_id: int) -> list[Post]:
        """The subscription's post log, oldest first."""
        rows = self.db.execute(
            "SELECT * FROM posts WHERE subscription_id = ? ORDER BY id", (sub_id,)
        ).fetchall()
        return [self._post(r) for r in rows]

    def last_post(self, sub_id: int) -> Post | None:
        """The subscription's latest post-log row."""
        row = self.db.execute(
            "SELECT * FROM posts WHERE subscription_id = ? ORDER BY id DESC LIMIT 1", (sub_id,)
        ).fetchone()
        return self._post(row) if row else None

    def last_digest(self, sub_id: int) -> Post | None:
        """The subscription's latest delivered digest."""
        row = self.db.execute(
            "SELECT * FROM posts WHERE subscription_id = ? AND slot IS NOT NULL AND status = 'sent'"
            " ORDER BY slot DESC LIMIT 1",
            (sub_id,),
        ).fetchone()
        return self._post(row) if row else None

    # -- changes seen on reloads ----------------------------------------------------------

    def remember_changes(
        self, changes: list[tuple[str, str, str, str, tuple[str, ...]]], now: dt.datetime
    ) -> None:
        """Record (id, record_id, kind, text, sources) found on a reload (first sighting kept)."""
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO changes (id, record_id, kind, text, sources, detected_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(c[0], c[1], c[2], c[3], " ".join(c[4]), _iso(now)) for c in changes],
            )

    def changes_since(self, since: dt.datetime | None) -> list[SeenChange]:
        """Changes detected after since (all when None), oldest first."""
        rows = self.db.execute(
            "SELECT * FROM changes WHERE detected_at > ? ORDER BY detected_at, id",
            (_iso(since) if since else "",),
        ).fetchall()
        out = []
        for r in rows:
            detected = _time(r["detected_at"])
            assert detected is not None
            out.append(
                SeenChange(
                    r["id"],
                    r["record_id"],
                    r["kind"],
                    r["text"],
                    tuple(r["sources"].split()),
                    detected,
                )
            )
        return out
