"""What the state store holds and hands out: its rows as dataclasses, times, the Db interface."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

What = Literal["digest", "changes", "both"]
Origin = Literal["slash", "config"]
PostStatus = Literal["claimed", "sent", "failed", "missed"]
Row = Mapping[str, Any]
UTC = dt.UTC


class StoreError(Exception):
    """The state database cannot be used; str() says why and what to do, in one line."""


def utc(t: dt.datetime) -> dt.datetime:
    """An aware time in UTC, to the second (how every time is stored)."""
    if t.tzinfo is None:
        raise ValueError("store times must be timezone-aware")
    return t.astimezone(UTC).replace(microsecond=0)


def as_time(value: Any) -> dt.datetime | None:
    """A stored time (ISO text in SQLite, timestamptz in PostgreSQL) as an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC)
    return dt.datetime.fromisoformat(str(value)).astimezone(UTC)


def wall_clock() -> dt.datetime:
    """The real time: leases, heartbeats and Discord's nonce window run on it, never faked."""
    return dt.datetime.now(UTC)


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
    claimed_by: str
    finished_at: dt.datetime | None
    message_id: int | None
    detail: str | None
    nonce: str | None = None
    attempt_at: dt.datetime | None = None  # real time the first send may have started


@dataclass(frozen=True)
class SeenChange:
    """A change found on a reload."""

    id: str
    record_id: str
    kind: str
    text: str
    sources: tuple[str, ...]
    detected_at: dt.datetime


@dataclass(frozen=True)
class ReloadRecord:
    """One reload in the log: which base (by digest), by whom, refused or with its changes."""

    id: int
    base_digest: str
    as_of: str | None
    ok: bool
    detail: str | None
    change_ids: tuple[str, ...]
    requested_by: str
    origin: str
    at: dt.datetime


@dataclass(frozen=True)
class Instance:
    """A running process of the fleet, as its last heartbeat left it."""

    id: str
    shard_count: int | None
    shard_ids: tuple[int, ...]
    started_at: dt.datetime
    heartbeat_at: dt.datetime


class Db(ABC):
    """A connection, or one transaction on it: run statements with `?` placeholders."""

    @abstractmethod
    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of a query."""

    @abstractmethod
    async def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; the number of rows it changed."""

    async def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """The first row of a query, or None."""
        rows = await self.all(sql, params)
        return rows[0] if rows else None

    async def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run a statement once per parameter row."""
        for params in rows:
            await self.run(sql, params)
