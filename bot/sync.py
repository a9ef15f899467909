"""Command sync once per deploy: only when the definitions changed, by one process of the fleet.

The hash of what was synced to each target is kept in the state store. A process that finds
new definitions claims the sync (a row keyed by target and hash, inserted atomically): one
process syncs, the others skip. A hash kept by the first release in state_dir is honoured.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord

from bot.settings import Settings
from bot.state import AnyBot
from bot.store import Store

log = logging.getLogger(__name__)
STATE_FILE = "command-sync.json"  # the first release's record of synced hashes
STALE_CLAIM = dt.timedelta(minutes=5)  # a claimed sync not done by then is claimed again


@dataclass(frozen=True)
class SyncResult:
    """What happened for one target: global, or one test guild."""

    target: str
    synced: bool
    count: int
    elsewhere: bool = False  # another process of the fleet is syncing these definitions

    def __str__(self) -> str:
        if self.elsewhere:
            what = "being synced by another process"
        else:
            what = "synced" if self.synced else "unchanged, not synced"
        return f"{self.target}: {self.count} command(s) {what}"


def definitions(bot: AnyBot, guild: discord.abc.Snowflake | None) -> list[dict[str, Any]]:
    """The command payloads a sync to this target would send, sorted by name."""
    cmds = bot.tree.get_commands(guild=guild)
    return sorted((c.to_dict(bot.tree) for c in cmds), key=lambda d: str(d.get("name")))


def definitions_hash(payload: list[dict[str, Any]]) -> str:
    """A stable hash of command definitions."""
    raw = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


class SyncState:
    """The first release's hashes of what was last synced, in state_dir (read, and kept up)."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / STATE_FILE

    def read(self) -> dict[str, str]:
        """The stored hashes (empty when missing or unreadable)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def write(self, hashes: dict[str, str]) -> None:
        """Store hashes atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(hashes, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


async def sync_commands(
    bot: AnyBot, settings: Settings, store: Store, *, force: bool = False
) -> list[SyncResult]:
    """Sync globally, or to each test guild, where the definitions' hash changed (or force)."""
    if bot.application_id is None:
        raise RuntimeError("sync needs the application id: log in first")
    legacy = SyncState(settings.state_dir)
    hashes = legacy.read()
    targets: list[discord.Object | None] = [discord.Object(g) for g in settings.test_guild_ids]
    if not targets:
        targets = [None]
    results = []
    for guild in targets:
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        name = "global" if guild is None else f"guild {guild.id}"
        key = f"{bot.application_id}/{name}"
        payload = definitions(bot, guild)
        digest = definitions_hash(payload)
        if not force:
            if hashes.get(key) == digest and not await store.sync_done(key, digest):
                await store.finish_sync(key, digest, ok=True)  # synced by the first release
            if await store.sync_done(key, digest):
                results.append(SyncResult(name, False, len(payload)))
                continue
            if not await store.claim_sync(key, digest, STALE_CLAIM):
                results.append(SyncResult(name, False, len(payload), elsewhere=True))
                continue
        try:
            synced = await bot.tree.sync(guild=guild)
        except BaseException:
            await store.finish_sync(key, digest, ok=False)  # let another process try
            raise
        await store.finish_sync(key, digest, ok=True)
        hashes[key] = digest
        if settings.database_url is None:  # one process, files in state_dir: keep it readable
            legacy.write(hashes)
        results.append(SyncResult(name, True, len(synced)))
    return results
