"""Which guilds a process serves: Discord's shard of a guild is (guild_id >> 22) % shard_count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Shards:
    """The shards a process runs: guilds whose (id >> 22) % count is in ids (all when None)."""

    count: int | None = None
    ids: tuple[int, ...] | None = None

    def owns(self, guild_id: int | None) -> bool:
        """Whether a guild (None: a DM, which Discord sends to shard 0) is on these shards."""
        if self.count is None:
            return True
        shard = 0 if guild_id is None else (guild_id >> 22) % self.count
        return self.ids is None or shard in self.ids

    def where(self, column: str = "guild_id") -> tuple[str, list[Any]]:
        """An SQL condition (and its parameters) selecting rows of guilds on these shards."""
        if self.count is None or self.ids is None:
            return "1 = 1", []
        marks = ", ".join("?" for _ in self.ids)
        return f"(({column} >> 22) % ?) IN ({marks})", [self.count, *self.ids]
