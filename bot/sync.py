"""Command sync only when the definitions changed (per target), so restarts skip Discord's limit."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord.ext import commands

from bot.settings import Settings

AnyBot = commands.Bot | commands.AutoShardedBot
log = logging.getLogger(__name__)
STATE_FILE = "command-sync.json"


@dataclass(frozen=True)
class SyncResult:
    """What happened for one target: global, or one test guild."""

    target: str
    synced: bool
    count: int

    def __str__(self) -> str:
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
    """Hashes of what was last synced, per application and target, in state_dir."""

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
    bot: AnyBot, settings: Settings, *, force: bool = False
) -> list[SyncResult]:
    """Sync globally, or to each test guild, where the definitions' hash changed (or force)."""
    if bot.application_id is None:
        raise RuntimeError("sync needs the application id: log in first")
    state = SyncState(settings.state_dir)
    hashes = state.read()
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
        if not force and hashes.get(key) == digest:
            results.append(SyncResult(name, False, len(payload)))
            continue
        synced = await bot.tree.sync(guild=guild)
        hashes[key] = digest
        state.write(hashes)
        results.append(SyncResult(name, True, len(synced)))
    return results
