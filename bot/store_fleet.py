"""The fleet's shared state, in the store: the reload log, live instances, command syncs, and the
request rate every process draws its turns from."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence

from bot.records import Db, Instance, ReloadRecord, Row, as_time, utc, wall_clock
from bot.shards import Shards


class FleetStore(Db):
    """Queries of the fleet; Store (bot/store.py) adds them to its own."""

    owner: str  # this process's instance id
    greatest = "MAX"  # the two-argument maximum function of the dialect

    # -- the reload log -------------------------------------------------------------------

    async def record_reload(
        self,
        *,
        base_digest: str,
        as_of: str | None,
        ok: bool,
        detail: str | None,
        change_ids: Sequence[str],
        origin: str,
        now: dt.datetime,
    ) -> int:
        """Log a reload (refused ones too); its id."""
        row = await self.one(
            "INSERT INTO reloads (base_digest, as_of, ok, detail, change_ids, requested_by,"
            " origin, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                base_digest,
                as_of,
                int(ok),
                detail,
                " ".join(change_ids),
                self.owner,
                origin,
                utc(now),
            ),
        )
        assert row is not None
        return int(row["id"])

    @staticmethod
    def _reload(r: Row) -> ReloadRecord:
        at = as_time(r["at"])
        assert at is not None
        return ReloadRecord(
            id=int(r["id"]),
            base_digest=r["base_digest"],
            as_of=r["as_of"],
            ok=bool(r["ok"]),
            detail=r["detail"],
            change_ids=tuple(r["change_ids"].split()),
            requested_by=r["requested_by"],
            origin=r["origin"],
            at=at,
        )

    async def latest_reload(self, *, ok_only: bool = True) -> ReloadRecord | None:
        """The newest (accepted) reload."""
        where = "WHERE ok = 1 " if ok_only else ""
        row = await self.one(f"SELECT * FROM reloads {where}ORDER BY id DESC LIMIT 1")
        return self._reload(row) if row else None

    async def reloads_after(self, reload_id: int) -> list[ReloadRecord]:
        """Accepted reloads newer than reload_id, oldest first."""
        rows = await self.all(
            "SELECT * FROM reloads WHERE ok = 1 AND id > ? ORDER BY id", (reload_id,)
        )
        return [self._reload(r) for r in rows]

    async def reloads_since(self, since: dt.datetime) -> list[ReloadRecord]:
        """Accepted reloads at or after a time, oldest first."""
        rows = await self.all(
            "SELECT * FROM reloads WHERE ok = 1 AND at >= ? ORDER BY id", (utc(since),)
        )
        return [self._reload(r) for r in rows]

    # -- instances (heartbeats) -----------------------------------------------------------

    async def heartbeat(self, shards: Shards, *, started_at: dt.datetime) -> None:
        """Say this process is alive (claims of processes that stop saying so are taken over)."""
        now = utc(wall_clock())
        ids = " ".join(str(i) for i in shards.ids or ())
        await self.run(
            "INSERT INTO instances (id, shard_count, shard_ids, started_at, heartbeat_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " heartbeat_at = excluded.heartbeat_at",
            (self.owner, shards.count, ids, utc(started_at), now),
        )

    async def leave(self) -> None:
        """Forget this process (on a clean stop: its leftover claims are taken over at once)."""
        await self.run("DELETE FROM instances WHERE id = ?", (self.owner,))

    async def instances(self) -> list[Instance]:
        """The processes that have heartbeated, newest first."""
        rows = await self.all("SELECT * FROM instances ORDER BY heartbeat_at DESC, id")
        out = []
        for r in rows:
            started, beat = as_time(r["started_at"]), as_time(r["heartbeat_at"])
            assert started is not None
            assert beat is not None
            ids = tuple(int(i) for i in str(r["shard_ids"] or "").split())
            out.append(Instance(r["id"], r["shard_count"], ids, started, beat))
        return out

    # -- command syncs --------------------------------------------------------------------

    async def sync_done(self, target: str, digest: str) -> bool:
        """Whether these definitions were synced to this target (by any process)."""
        row = await self.one(
            "SELECT done_at FROM command_syncs WHERE target = ? AND hash = ?", (target, digest)
        )
        return bool(row and row["done_at"] is not None)

    async def claim_sync(self, target: str, digest: str, stale_after: dt.timedelta) -> bool:
        """Claim the sync of these definitions (one process per deploy); False if taken."""
        now = utc(wall_clock())
        row = await self.one(
            "INSERT INTO command_syncs (target, hash, claimed_by, claimed_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (target, hash) DO UPDATE SET claimed_by = excluded.claimed_by,"
            " claimed_at = excluded.claimed_at"
            " WHERE command_syncs.done_at IS NULL AND command_syncs.claimed_at < ?"
            " RETURNING claimed_by",
            (target, digest, self.owner, now, utc(now - stale_after)),
        )
        return bool(row and row["claimed_by"] == self.owner)

    async def finish_sync(self, target: str, digest: str, *, ok: bool) -> None:
        """Record the claimed sync as done, or release the claim so another process retries."""
        if ok:
            await self.run(
                "INSERT INTO command_syncs (target, hash, claimed_by, claimed_at, done_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (target, hash) DO UPDATE SET"
                " done_at = excluded.done_at",
                (target, digest, self.owner, utc(wall_clock()), utc(wall_clock())),
            )
        else:
            await self.run(
                "DELETE FROM command_syncs WHERE target = ? AND hash = ? AND done_at IS NULL",
                (target, digest),
            )

    # -- the shared request rate ----------------------------------------------------------

    async def reserve_request(self, name: str, interval: float) -> float:
        """The real time (epoch seconds) at which the caller may make one request.

        A shared leaky bucket (GCRA): every process draws its turn from one row, so the whole
        fleet stays at one request per `interval`, evenly spaced, whatever each process does.
        """
        now = time.time()
        row = await self.one(
            f"INSERT INTO rate_limits (name, tat) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
            f" SET tat = {self.greatest}(rate_limits.tat + ?, excluded.tat) RETURNING tat",
            (name, now + interval, interval),
        )
        assert row is not None
        return float(row["tat"]) - interval
