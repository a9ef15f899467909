"""Gateway sessions of the fake Discord: framing, zlib-stream compression and event replay."""

from __future__ import annotations

import asyncio
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

HEARTBEAT_INTERVAL_MS = 41250


class GatewayConnection:
    """One websocket, sending JSON text frames or zlib-stream binary frames."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, compress: bool) -> None:
        self.ws = ws
        self.request = request
        self._compressor = zlib.compressobj() if compress else None
        self._lock = asyncio.Lock()

    async def send(self, payload: dict[str, Any]) -> None:
        """Send one gateway payload (ignored once the socket is closed)."""
        raw = json.dumps(payload)
        async with self._lock:
            if self.ws.closed:
                return
            if self._compressor is None:
                await self.ws.send_str(raw)
            else:
                data = self._compressor.compress(raw.encode())
                data += self._compressor.flush(zlib.Z_SYNC_FLUSH)
                await self.ws.send_bytes(data)

    async def close(self, code: int | None) -> None:
        """Close with a code, or abort the TCP connection when code is None."""
        if code is None:
            transport = self.request.transport
            if transport is not None:
                transport.abort()
            return
        await self.ws.close(code=code)


@dataclass
class Session:
    """A gateway session: its shard, sequence and every event sent (for RESUME replay)."""

    session_id: str
    shard: tuple[int, int]
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    connection: GatewayConnection | None = None

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH event now, or keep it for replay if disconnected."""
        self.seq += 1
        payload = {"op": 0, "t": event, "s": self.seq, "d": data}
        self.events.append(payload)
        if self.connection is not None:
            await self.connection.send(payload)

    async def resume(self, connection: GatewayConnection, seq: int | None) -> int:
        """Attach a new connection, replay events after `seq`, send RESUMED; return count."""
        self.connection = connection
        missed = [e for e in self.events if e["s"] > (seq or 0)]
        for payload in missed:
            await connection.send(payload)
        self.seq += 1
        await connection.send({"op": 0, "t": "RESUMED", "s": self.seq, "d": {}})
        return len(missed)


def shard_for(guild_id: int, shard_count: int) -> int:
    """Return the shard a guild belongs to."""
    return (guild_id >> 22) % shard_count
