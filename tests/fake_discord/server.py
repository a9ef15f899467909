"""A local fake Discord (REST + gateway on 127.0.0.1) that the real discord.py client talks to."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

import discord
import yarl
from aiohttp import BodyPartReader, WSMsgType, web

from tests.fake_discord.gateway import (
    HEARTBEAT_INTERVAL_MS,
    GatewayConnection,
    Session,
    shard_for,
)
from tests.fake_discord.openapi import (
    RequestValidator,
    check_limits,
    default_validator,
    merge_errors,
)

T = TypeVar("T")
Json = dict[str, Any]
DISCORD_EPOCH_MS = 1420070400000
EVERYONE_PERMISSIONS = sum(1 << b for b in (6, 10, 11, 14, 15, 16, 31, 38))
ALL_PERMISSIONS = (1 << 50) - 1
LOADING_FLAG = 1 << 7
EPHEMERAL_FLAG = 1 << 6
GLOBAL_RATE_LIMIT = 50  # Discord: 50 requests per second per bot token (interactions exempt)
HISTORY_DEFAULT = 50  # messages a history page has when no limit is given (the spec caps it at 100)
_DEFAULT_BASE = discord.http.Route.BASE
_DEFAULT_GATEWAY = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
_OPTION_TYPES = {bool: 5, int: 4, float: 10, str: 3}
_RESOLVED_KINDS = {6: "users", 7: "channels", 8: "roles"}  # option type -> `resolved` key


class Endpoints(Protocol):
    """Anything with a REST API base and a gateway URL (the fake, or operator settings)."""

    @property
    def api_base(self) -> str: ...

    @property
    def gateway_url(self) -> str: ...


def point_discord_py_at(target: Endpoints) -> Callable[[], None]:
    """Point discord.py's REST base and gateway at `target`; return a restore callback."""
    discord.http.Route.BASE = target.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(target.gateway_url)
    return restore_discord_py_defaults


def restore_discord_py_defaults() -> None:
    """Point discord.py back at the real Discord."""
    discord.http.Route.BASE = _DEFAULT_BASE
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = _DEFAULT_GATEWAY


def _now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class FakeGuild:
    """A guild the fake serves, with its text channels."""

    id: int
    name: str
    channel_ids: list[int]


@dataclass
class RecordedRequest:
    """One REST request as the fake received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[tuple[str, str, bytes]] = field(default_factory=list)


@dataclass
class FakeError:
    """A request the fake rejected: invalid body (400), unknown route or resource (404)."""

    kind: str
    method: str
    path: str
    status: int
    detail: Any


@dataclass
class Stall:
    """Creates the fake accepts (the message exists) but answers only after `release()`."""

    channel_ids: frozenset[int] | None
    remaining: int
    hit: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)
    messages: list[Json] = field(default_factory=list)

    def release(self) -> None:
        """Answer the stalled requests (to whoever is still listening)."""
        self.released.set()


@dataclass
class _Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    retry_after: float | None


class InteractionHandle:
    """An interaction the fake sent; await what the bot answered through it."""

    def __init__(self, fake: FakeDiscord, payload: Json, source: Json | None = None) -> None:
        self.fake = fake
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.channel_id = int(payload["channel"]["id"])
        self.source_message = source
        self.callback: Json | None = None
        self.original: Json | None = None
        self.followups: list[Json] = []

    async def response(self, timeout: float = 5.0) -> Json:
        """Return the callback body (payload_json for multipart, with `files` names)."""
        return await self.fake.wait_until(lambda: self.callback, timeout, "interaction callback")

    async def followup(self, index: int = 0, timeout: float = 5.0) -> Json:
        """Return the `index`-th follow-up message sent with this interaction's token."""

        def ready() -> Json | None:
            return self.followups[index] if len(self.followups) > index else None

        return await self.fake.wait_until(ready, timeout, f"follow-up #{index}")

    async def final_message(self, timeout: float = 5.0) -> Json:
        """Return the response message as the user sees it (after defer/edits, not loading)."""

        def ready() -> Json | None:
            msg = self.original
            return msg if msg is not None and not msg["flags"] & LOADING_FLAG else None

        return await self.fake.wait_until(ready, timeout, "final interaction message")


Handler = Callable[[RecordedRequest, re.Match[str]], Awaitable[web.Response]]


class FakeDiscord:
    """Serve the REST API and gateway discord.py needs, record requests, act as users."""

    def __init__(
        self,
        *,
        guild_count: int = 1,
        shard_count: int = 1,
        validate: bool = True,
        validator: RequestValidator | None = None,
        nonce_window_seconds: float = 180.0,
        global_rate_limit: int | None = GLOBAL_RATE_LIMIT,
    ) -> None:
        self._ids = itertools.count(1)
        self.nonce_window_seconds = nonce_window_seconds  # Discord: "the past few minutes"
        self.global_rate_limit = global_rate_limit  # requests per second per token, or None
        self.rate_limited = 0  # 429s answered for the global limit
        self._recent: collections.deque[float] = collections.deque()
        self._nonces: dict[tuple[str, str], tuple[Json, float]] = {}
        self._stalls: list[Stall] = []
        self.shard_count = shard_count
        self.application_id = self.new_id()
        self.bot_user = self.make_user("capcom-test", bot=True, user_id=self.application_id)
        self.user = self.make_user("tester")
        # spread guild ids over consecutive timestamps from one start, so that guild i lands on
        # shard (start + i) % shard_count however long building them takes
        start = self.new_id() >> 22
        self.guilds = [
            FakeGuild(
                ((start + i) << 22) | (next(self._ids) & 0x3FFFFF), f"Guild {i}", [self.new_id()]
            )
            for i in range(guild_count)
        ]
        self.channels: dict[int, Json] = {}
        self.roles: dict[int, Json] = {}
        for guild in self.guilds:
            for pos, cid in enumerate(guild.channel_ids):
                self.channels[cid] = self._text_channel(guild, cid, pos)
        self.validator = (validator or default_validator()) if validate else None
        self.requests: list[RecordedRequest] = []
        self.errors: list[FakeError] = []
        self.messages: dict[int, list[Json]] = {}
        self.commands: dict[str, Json] = {}
        self.guild_commands: dict[int, dict[str, Json]] = {}
        self.sync_calls = 0
        self.attachment_bytes: dict[int, bytes] = {}
        self.identifies: list[Json] = []
        self.resumes = 0
        self.disconnects = 0
        self._by_id: dict[int, Json] = {}
        self._dm_channels: dict[int, int] = {}
        self._handles: dict[str, InteractionHandle] = {}
        self._failures: list[_Failure] = []
        self._cursors: dict[int, int] = {}
        self._sessions: dict[int, Session] = {}
        self._sessions_by_id: dict[str, Session] = {}
        self._connections: list[GatewayConnection] = []
        self._cond: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.port = 0
        self._setup_routes()

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind on 127.0.0.1 (random port) and serve."""
        self._cond = asyncio.Condition()
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.Server)
        self.port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Close gateway connections and stop serving."""
        for conn in list(self._connections):
            await conn.close(1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        """Return the REST base URL (what discord.http.Route.BASE should be)."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """Return the gateway websocket URL."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def validation_enabled(self) -> bool:
        """Tell whether request bodies are checked against the OpenAPI spec."""
        return self.validator is not None

    # -- ids, users, waiting ----------------------------------------------------------------

    def new_id(self) -> int:
        """Return a fresh snowflake."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._ids) & 0x3FFFFF)

    def make_user(self, name: str, *, bot: bool = False, user_id: int | None = None) -> Json:
        """Return a user payload with a fresh id."""
        uid = user_id or self.new_id()
        return {
            "id": str(uid),
            "username": name,
            "discriminator": "0",
            "global_name": name,
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
            "flags": 0,
        }

    async def _notify(self) -> None:
        assert self._cond is not None, "FakeDiscord.start() was not awaited"
        async with self._cond:
            self._cond.notify_all()

    async def wait_until(
        self, predicate: Callable[[], T | None], timeout: float = 5.0, what: str = "condition"
    ) -> T:
        """Wait until `predicate()` returns something truthy and return it."""
        assert self._cond is not None, "FakeDiscord.start() was not awaited"
        cond = self._cond

        async def wait() -> T:
            async with cond:
                while not (value := predicate()):
                    await cond.wait()
                return value

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise TimeoutError(f"timed out waiting for {what}; errors: {self.errors}") from None

    async def wait_for_message(self, channel_id: int, timeout: float = 5.0) -> Json:
        """Return the next message the bot posted in a channel (each returned once)."""
        cursor = self._cursors.get(channel_id, 0)

        def ready() -> Json | None:
            posted = self.messages.get(channel_id, [])
            return posted[cursor] if len(posted) > cursor else None

        msg = await self.wait_until(ready, timeout, f"a bot message in {channel_id}")
        self._cursors[channel_id] = cursor + 1
        return msg

    async def wait_for_resume(self, timeout: float = 5.0) -> None:
        """Wait until the client resumed after every dropped connection."""
        await self.wait_until(lambda: self.resumes >= self.disconnects, timeout, "RESUME")

    async def wait_for_ready(self, shards: int = 1, timeout: float = 5.0) -> None:
        """Wait until `shards` IDENTIFYs were answered with READY."""
        await self.wait_until(lambda: len(self.identifies) >= shards, timeout, "IDENTIFY")

    @contextlib.contextmanager
    def expect_errors(self) -> Iterator[list[FakeError]]:
        """Collect (and remove from `errors`) the errors recorded inside the block."""
        start = len(self.errors)
        caught: list[FakeError] = []
        yield caught
        caught.extend(self.errors[start:])
        del self.errors[start:]

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int,
        *,
        times: int = 1,
        retry_after: float | None = None,
    ) -> None:
        """Answer the next `times` matching requests with an error status."""
        failure = _Failure(method.upper(), re.compile(path_regex), status, times, retry_after)
        self._failures.append(failure)

    def stall_creates(self, *, times: int = 1, channel_ids: Sequence[int] | None = None) -> Stall:
        """Create the next `times` messages (in these channels) but hold back the answers until
        the returned Stall is released: the client cannot tell whether its post went out."""
        stall = Stall(frozenset(channel_ids) if channel_ids is not None else None, times)
        self._stalls.append(stall)
        return stall

    def bot_messages(self, channel_id: int) -> list[Json]:
        """Messages the bot created in a channel by itself (not interaction answers)."""
        return [m for m in self.messages.get(channel_id, []) if "webhook_id" not in m]

    # -- acting as users --------------------------------------------------------------------

    def _find_command(self, name: str, guild_id: int | None) -> Json:
        if guild_id is not None and name in self.guild_commands.get(guild_id, {}):
            return self.guild_commands[guild_id][name]
        if name in self.commands:
            return self.commands[name]
        raise LookupError(f"command {name!r} was never synced; synced: {sorted(self.commands)}")

    async def slash(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Json] | None = None,
        *,
        guild: bool = True,
        user: Json | None = None,
        channel_id: int | None = None,
        focused: str | None = None,
        resolved: Json | None = None,
    ) -> InteractionHandle:
        """Run a synced slash command as a user; return the interaction handle.

        Channel, role and user options are resolved from the fake's state (its channels,
        `add_role` roles and users), as Discord sends them; `resolved` adds or overrides
        entries (e.g. a channel the bot cannot see), keyed like Discord's: channels/roles/...
        """
        kind = 4 if focused else 2
        guild_id = self.guilds[0].id if guild else None
        command = self._find_command(name, guild_id)
        data: Json = {"id": command["id"], "name": name, "type": 1}
        data["options"] = self._options(command, options, focused)
        found = self._resolve(data["options"], resolved or {}, guild=guild)
        if found:
            data["resolved"] = found
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self._interact(kind, data, guild=guild, user=user, channel_id=channel_id)

    async def autocomplete(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Json],
        *,
        focused: str | None = None,
        guild: bool = True,
        user: Json | None = None,
        timeout: float = 5.0,
    ) -> list[Json]:
        """Ask for autocomplete choices (the focused option defaults to the first one)."""
        if focused is None and isinstance(options, Mapping):
            focused = next(iter(options))
        handle = await self.slash(name, options, guild=guild, user=user, focused=focused or "")
        body = await handle.response(timeout)
        choices: list[Json] = body["data"]["choices"]
        return choices

    async def click(
        self, message: Json, custom_id: str, *, user: Json | None = None
    ) -> InteractionHandle:
        """Click a component on a message the bot sent; return the interaction handle."""
        component_type = 2
        for row in message.get("components") or []:
            for comp in row.get("components") or []:
                if comp.get("custom_id") == custom_id:
                    component_type = comp["type"]
        data = {"custom_id": custom_id, "component_type": component_type}
        if component_type == 3:
            data["values"] = []
        channel_id = int(message["channel_id"])
        payload_message = {k: v for k, v in message.items() if k != "allowed_mentions"}
        return await self._interact(
            3,
            data,
            guild="guild_id" in message,
            user=user,
            channel_id=channel_id,
            source=message,
            extra={"message": payload_message},
        )

    def _options(
        self, command: Json, options: Mapping[str, Any] | Sequence[Json] | None, focused: str | None
    ) -> list[Json]:
        if options is None:
            return []
        if not isinstance(options, Mapping):
            return list(options)
        defined = {o["name"]: o for o in command.get("options") or []}
        out = []
        for name, value in options.items():
            kind = defined.get(name, {}).get("type") or _OPTION_TYPES.get(type(value), 3)
            if kind in _RESOLVED_KINDS:
                value = str(value)  # snowflakes travel as strings
            entry: Json = {"name": name, "type": kind, "value": value}
            if name == focused:
                entry["focused"] = True
            out.append(entry)
        return out

    def add_channel(self, guild_index: int = 0) -> int:
        """Add a text channel to a guild (the bot sees it from its next READY / GUILD_CREATE)."""
        guild = self.guilds[guild_index]
        cid = self.new_id()
        self.channels[cid] = self._text_channel(guild, cid, len(guild.channel_ids))
        guild.channel_ids.append(cid)
        return cid

    def add_role(self, name: str = "launch-watchers", *, mentionable: bool = True) -> int:
        """Add a role to the first guild (resolvable in options; in the guild on next READY)."""
        rid = self.new_id()
        self.roles[rid] = {
            "id": str(rid),
            "name": name,
            "permissions": "0",
            "position": len(self.roles) + 1,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": mentionable,
            "flags": 0,
        }
        return rid

    def _resolve(self, options: list[Json], given: Json, *, guild: bool) -> Json:
        """Discord's `resolved` for the options' channels/roles/users, from state + `given`."""
        out: Json = {key: dict(value) for key, value in given.items()}
        users = {int(u["id"]): u for u in (self.user, self.bot_user)}
        for opt in options:
            key = _RESOLVED_KINDS.get(opt["type"])
            if key is None or opt.get("focused") or str(opt["value"]) in out.get(key, {}):
                continue
            sid = int(opt["value"])
            if key == "channels" and sid in self.channels:
                entry = {**self.channels[sid], "permissions": str(ALL_PERMISSIONS)}
            elif key == "roles" and sid in self.roles:
                entry = self.roles[sid]
            elif key == "users" and sid in users:
                entry = users[sid]
                if guild:
                    member = {k: v for k, v in self._member(entry).items() if k != "user"}
                    out.setdefault("members", {})[str(sid)] = member
            else:
                raise LookupError(
                    f"option {opt['name']!r}: {key[:-1]} {sid} is not in the fake's state; "
                    "pass it in resolved="
                )
            out.setdefault(key, {})[str(sid)] = entry
        return out

    async def _interact(
        self,
        kind: int,
        data: Json,
        *,
        guild: bool,
        user: Json | None,
        channel_id: int | None,
        source: Json | None = None,
        extra: Json | None = None,
    ) -> InteractionHandle:
        user = user or self.user
        iid = self.new_id()
        payload: Json = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": kind,
            "token": f"tok-{uuid.uuid4().hex}",
            "version": 1,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": data,
            "app_permissions": str(ALL_PERMISSIONS),
            "locale": "en-US",
            "entitlements": [],
            **(extra or {}),
        }
        guild_id = None
        if guild:
            fguild = self.guilds[0]
            guild_id = fguild.id
            channel = self.channels[channel_id or fguild.channel_ids[0]]
            payload |= {
                "guild_id": str(guild_id),
                "guild": {"id": str(guild_id), "locale": "en-US", "features": []},
                "guild_locale": "en-US",
                "channel_id": channel["id"],
                "channel": {**channel, "permissions": str(ALL_PERMISSIONS)},
                "member": self._member(user),
                "authorizing_integration_owners": {"0": str(guild_id)},
                "context": 0,
            }
        else:
            channel = self.channels[channel_id or self._dm_channel(user)]
            payload |= {
                "channel_id": channel["id"],
                "channel": channel,
                "user": user,
                "authorizing_integration_owners": {"0": "0"},
                "context": 1,
            }
        handle = InteractionHandle(self, payload, source)
        self._handles[handle.token] = handle
        await self._dispatch("INTERACTION_CREATE", payload, guild_id)
        return handle

    async def dm(self, text: str, *, user: Json | None = None) -> Json:
        """Send the bot a direct message as a user; return the MESSAGE_CREATE payload."""
        user = user or self.user
        msg = self._user_message(self._dm_channel(user), text, user)
        await self._dispatch("MESSAGE_CREATE", msg, None)
        return msg

    async def channel_message(
        self,
        text: str,
        *,
        mentions: Sequence[Json] = (),
        user: Json | None = None,
        channel_id: int | None = None,
    ) -> Json:
        """Post in a guild text channel as a user (mentioning `mentions`); return the payload."""
        user = user or self.user
        guild = self.guilds[0]
        msg = self._user_message(channel_id or guild.channel_ids[0], text, user)
        msg["guild_id"] = str(guild.id)
        msg["member"] = {k: v for k, v in self._member(user).items() if k != "user"}
        msg["mentions"] = [dict(m) for m in mentions]
        await self._dispatch("MESSAGE_CREATE", msg, guild.id)
        return msg

    def _user_message(self, channel_id: int, text: str, user: Json) -> Json:
        msg = self._message(channel_id, {"content": text}, [], author=user)
        self._by_id[int(msg["id"])] = msg
        return msg

    def _dm_channel(self, user: Json) -> int:
        uid = int(user["id"])
        if uid not in self._dm_channels:
            cid = self.new_id()
            self._dm_channels[uid] = cid
            self.channels[cid] = {
                "id": str(cid),
                "type": 1,
                "recipients": [user],
                "last_message_id": None,
                "flags": 0,
            }
        return self._dm_channels[uid]

    async def drop_connection(self, code: int | None = 4000, shard_id: int = 0) -> None:
        """Close the shard's websocket (abort TCP when code is None); the client resumes."""
        session = self._sessions[shard_id]
        conn, session.connection = session.connection, None
        self.disconnects += 1
        if conn is not None:
            await conn.close(code)

    async def send_reconnect(self, shard_id: int = 0) -> None:
        """Send op 7 RECONNECT; the client closes and resumes."""
        session = self._sessions[shard_id]
        conn, session.connection = session.connection, None
        self.disconnects += 1
        if conn is not None:
            await conn.send({"op": 7, "d": None, "s": None, "t": None})

    # -- gateway ----------------------------------------------------------------------------

    async def _dispatch(self, event: str, data: Json, guild_id: int | None) -> None:
        shard = shard_for(guild_id, self.shard_count) if guild_id else 0
        if shard not in self._sessions:
            raise RuntimeError(f"the bot has not identified on shard {shard}")
        await self._sessions[shard].dispatch(event, data)

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        conn = GatewayConnection(ws, request, request.query.get("compress") == "zlib-stream")
        self._connections.append(conn)
        hello = {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}
        await conn.send({"op": 10, "d": hello, "s": None, "t": None})
        session: Session | None = None
        try:
            async for raw in ws:
                if raw.type is not WSMsgType.TEXT:
                    continue
                msg = json.loads(raw.data)
                if msg["op"] == 1:
                    await conn.send({"op": 11, "d": None, "s": None, "t": None})
                elif msg["op"] == 2:
                    session = await self._identify(conn, msg["d"])
                elif msg["op"] == 6:
                    session = await self._resume(conn, msg["d"])
        finally:
            if session is not None and session.connection is conn:
                session.connection = None
            self._connections.remove(conn)
        return ws

    async def _identify(self, conn: GatewayConnection, data: Json) -> Session:
        shard_id, count = data.get("shard") or (0, 1)
        session = Session(uuid.uuid4().hex, (shard_id, count), connection=conn)
        self._sessions[shard_id] = self._sessions_by_id[session.session_id] = session
        guilds = [g for g in self.guilds if shard_for(g.id, count) == shard_id]
        ready: Json = {
            "v": 10,
            "user": self.bot_user,
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "_trace": ["fake-discord"],
        }
        if "shard" in data:
            ready["shard"] = [shard_id, count]
        await session.dispatch("READY", ready)
        for guild in guilds:
            await session.dispatch("GUILD_CREATE", self._guild_payload(guild))
        self.identifies.append(data)
        await self._notify()
        return session

    async def _resume(self, conn: GatewayConnection, data: Json) -> Session | None:
        session = self._sessions_by_id.get(data.get("session_id", ""))
        if session is None:
            await conn.send({"op": 9, "d": False, "s": None, "t": None})
            return None
        await session.resume(conn, data.get("seq"))
        self.resumes += 1
        await self._notify()
        return session

    def _member(self, user: Json) -> Json:
        return {
            "user": user,
            "roles": [],
            "nick": None,
            "avatar": None,
            "flags": 0,
            "joined_at": _now(),
            "deaf": False,
            "mute": False,
            "pending": False,
            "permissions": str(ALL_PERMISSIONS),
        }

    def _text_channel(self, guild: FakeGuild, cid: int, position: int) -> Json:
        return {
            "id": str(cid),
            "type": 0,
            "guild_id": str(guild.id),
            "name": f"general-{position}",
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }

    def _guild_payload(self, guild: FakeGuild) -> Json:
        everyone = {
            "id": str(guild.id),
            "name": "@everyone",
            "permissions": str(EVERYONE_PERMISSIONS),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "owner_id": self.user["id"],
            "unavailable": False,
            "large": False,
            "member_count": 2,
            "joined_at": _now(),
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [everyone, *(self.roles.values() if guild is self.guilds[0] else ())],
            "members": [self._member(self.bot_user), self._member(self.user)],
            "channels": [self.channels[cid] for cid in guild.channel_ids],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "preferred_locale": "en-US",
            "premium_tier": 0,
            "verification_level": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "afk_timeout": 300,
        }

    # -- REST -------------------------------------------------------------------------------

    def _setup_routes(self) -> None:
        app_cmds = r"/applications/(?P<app>\d+)(?:/guilds/(?P<guild>\d+))?/commands"
        webhook = r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)"
        message = r"/messages/(?P<mid>@original|\d+)"
        table: list[tuple[str, str, Handler]] = [
            ("GET", r"/users/@me", self._get_me),
            ("GET", r"/oauth2/applications/@me", self._get_application),
            ("GET", r"/gateway(?:/bot)?", self._get_gateway),
            ("PUT", app_cmds, self._put_commands),
            ("GET", app_cmds, self._get_commands),
            ("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", self._callback),
            ("POST", webhook, self._followup),
            ("GET", webhook + message, self._webhook_message),
            ("PATCH", webhook + message, self._webhook_message),
            ("DELETE", webhook + message, self._webhook_message),
            ("POST", r"/channels/(?P<cid>\d+)/messages", self._post_message),
            ("GET", r"/channels/(?P<cid>\d+)/messages", self._list_messages),
            ("GET", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._channel_message),
            ("PATCH", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._channel_message),
            ("DELETE", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._channel_message),
            ("GET", r"/channels/(?P<cid>\d+)", self._get_channel),
            ("POST", r"/users/@me/channels", self._create_dm),
            ("POST", r"/channels/(?P<cid>\d+)/typing", self._typing),
        ]
        self._routes = [(m, re.compile(f"^{p}$"), h) for m, p, h in table]

    @staticmethod
    def _reply(
        status: int, body: Any = None, headers: Mapping[str, str] | None = None
    ) -> web.Response:
        out = {
            "X-RateLimit-Limit": "50",
            "X-RateLimit-Remaining": "49",
            "X-RateLimit-Reset-After": "1.0",
            "X-RateLimit-Bucket": "fake-bucket",
            **(headers or {}),
        }
        if status == 204 or body is None:
            return web.Response(status=204, headers=out)
        out["Content-Type"] = "application/json"
        return web.Response(status=status, body=json.dumps(body).encode(), headers=out)

    def _unknown(self, req: RecordedRequest, message: str, code: int) -> web.Response:
        return self._error("unknown_resource", req, 404, {"message": message, "code": code})

    def _error(self, kind: str, req: RecordedRequest, status: int, body: Json) -> web.Response:
        self.errors.append(FakeError(kind, req.method, req.path, status, body))
        return self._reply(status, body)

    async def _parse(self, request: web.Request, path: str) -> RecordedRequest:
        req = RecordedRequest(
            request.method, path, dict(request.query), dict(request.headers), None
        )
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):
                    continue
                if part.name == "payload_json":
                    req.json = json.loads(await part.text())
                else:
                    req.files.append((part.name or "", part.filename or "", await part.read()))
        elif request.can_read_body:
            text = await request.text()
            req.json = json.loads(text) if text else None
        return req

    async def _rest(self, request: web.Request) -> web.Response:
        prefix = "/api/v10"
        path = request.path[len(prefix) :] if request.path.startswith(prefix) else request.path
        req = await self._parse(request, path)
        self.requests.append(req)
        limited = self._global_limit(req)
        if limited is not None:
            return limited
        if self.validator is not None:
            bad_query = self.validator.validate_query(req.method, path, req.query)
            if bad_query:
                body = {"message": "Invalid Form Body", "code": 50035, "errors": bad_query}
                return self._error("invalid_query", req, 400, body)
        if req.json is not None:  # checked first: an injected failure must not hide a bad body
            errors = check_limits(req.method, path, req.json)
            if self.validator is not None:
                errors = merge_errors(self.validator.validate(req.method, path, req.json), errors)
            if errors:
                body = {"message": "Invalid Form Body", "code": 50035, "errors": errors}
                return self._error("invalid_body", req, 400, body)
        injected = self._injected_failure(req)
        if injected is not None:
            return injected
        for method, regex, handler in self._routes:
            match = regex.match(path)
            if match and method == req.method:
                response = await handler(req, match)
                await self._notify()
                return response
        return self._error("unhandled_route", req, 404, {"message": "404: Not Found", "code": 0})

    def _global_limit(self, req: RecordedRequest) -> web.Response | None:
        """429 past global_rate_limit requests in any one second (the fake serves one bot, so
        every token counts for it, as processes sharing a token do; interactions are exempt)."""
        if self.global_rate_limit is None or req.path.startswith(("/interactions/", "/webhooks/")):
            return None
        now = time.monotonic()
        recent = self._recent
        while recent and now - recent[0] >= 1.0:
            recent.popleft()
        if len(recent) < self.global_rate_limit:
            recent.append(now)
            return None
        self.rate_limited += 1
        retry = round(1.0 - (now - recent[0]), 3)
        body = {"message": "You are being rate limited.", "retry_after": retry, "global": True}
        headers = {
            "Retry-After": str(max(1, int(retry + 0.999))),
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
            "Via": "1.1 google",  # real 429s carry it; without it discord.py reads a Cloudflare ban
        }
        return self._reply(429, body, headers)

    def _injected_failure(self, req: RecordedRequest) -> web.Response | None:
        for failure in self._failures:
            if failure.method == req.method and failure.pattern.search(req.path):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                return self._failure_reply(failure)
        return None

    def _failure_reply(self, failure: _Failure) -> web.Response:
        status = failure.status
        if status == 429:
            retry = 0.01 if failure.retry_after is None else failure.retry_after
            body = {"message": "You are being rate limited.", "retry_after": retry, "global": False}
            headers = {
                "Retry-After": str(retry),
                "X-RateLimit-Limit": "50",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry),
                "X-RateLimit-Scope": "user",
                "Via": "1.1 google",
            }
            return self._reply(429, body, headers)
        bodies = {
            403: {"message": "Missing Permissions", "code": 50013},
            404: {"message": "Unknown Channel", "code": 10003},
            500: {"message": "500: Internal Server Error", "code": 0},
        }
        return self._reply(status, bodies.get(status, {"message": f"{status}", "code": 0}))

    async def _get_me(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        return self._reply(200, self.bot_user)

    async def _get_application(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        app = {
            "id": str(self.application_id),
            "name": self.bot_user["username"],
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": self.user,
            "flags": 0,
        }
        return self._reply(200, app)

    async def _get_gateway(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        body = {"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": limit}
        return self._reply(200, body)

    def _command_store(self, m: re.Match[str]) -> dict[str, Json]:
        guild = m["guild"]
        return self.guild_commands.setdefault(int(guild), {}) if guild else self.commands

    async def _put_commands(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        store = self._command_store(m)
        old = dict(store)
        store.clear()
        for cmd in req.json or []:
            stored = {
                "type": 1,
                "description": "",
                "options": [],
                **cmd,
                "id": old.get(cmd["name"], {}).get("id") or str(self.new_id()),
                "application_id": str(self.application_id),
                "version": str(self.new_id()),
            }
            if m["guild"]:
                stored["guild_id"] = m["guild"]
            store[cmd["name"]] = stored
        self.sync_calls += 1
        return self._reply(200, list(store.values()))

    async def _get_commands(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        return self._reply(200, list(self._command_store(m).values()))

    def _message(
        self, channel_id: int, body: Json, files: list[tuple[str, str, bytes]], *, author: Json
    ) -> Json:
        channel = self.channels.get(channel_id, {})
        msg: Json = {
            "id": str(self.new_id()),
            "channel_id": str(channel_id),
            "type": 19 if body.get("message_reference") else 0,
            "author": author,
            "content": "",
            "embeds": [],
            "components": [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": _now(),
            "edited_timestamp": None,
            "flags": 0,
        }
        if "guild_id" in channel:
            msg["guild_id"] = channel["guild_id"]
        self._apply(msg, body, files)
        msg["edited_timestamp"] = None
        return msg

    def _apply(self, msg: Json, body: Json, files: list[tuple[str, str, bytes]]) -> None:
        for key in ("content", "embeds", "components", "flags"):
            if key in body:
                msg[key] = body[key] if body[key] is not None else type(msg[key])()
        for key in ("allowed_mentions", "message_reference"):
            if body.get(key) is not None:
                msg[key] = body[key]
        if "attachments" in body:
            keep = {str(a.get("id")) for a in body["attachments"] or []}
            msg["attachments"] = [a for a in msg["attachments"] if a["id"] in keep]
        for _name, filename, data in files:
            aid = self.new_id()
            self.attachment_bytes[aid] = data
            url = f"http://127.0.0.1:{self.port}/attachments/{aid}/{filename}"
            attachment = {"id": str(aid), "filename": filename, "size": len(data), "url": url}
            msg["attachments"].append({**attachment, "proxy_url": url})
        msg["edited_timestamp"] = _now()

    def _store(self, msg: Json) -> None:
        self._by_id[int(msg["id"])] = msg
        self.messages.setdefault(int(msg["channel_id"]), []).append(msg)

    def _unstore(self, msg: Json) -> None:
        posted = self.messages.get(int(msg["channel_id"]), [])
        if msg in posted:
            posted.remove(msg)

    async def _callback(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        handle = self._handles.get(m["token"])
        if handle is None or str(handle.id) != m["iid"]:
            return self._unknown(req, "Unknown interaction", 10062)
        if handle.callback is not None:
            acked = {"message": "Interaction has already been acknowledged.", "code": 40060}
            return self._error("invalid_body", req, 400, acked)
        body: Json = dict(req.json or {})
        body["files"] = [filename for _, filename, _ in req.files]
        kind = body.get("type")
        data: Json = body.get("data") or {}
        message = None
        if kind in (4, 5):
            message = self._message(handle.channel_id, data, req.files, author=self.bot_user)
            message["webhook_id"] = str(self.application_id)
            message["application_id"] = str(self.application_id)
            message["interaction_metadata"] = {
                "id": str(handle.id),
                "type": handle.payload["type"],
                "user": handle.payload.get("user") or handle.payload["member"]["user"],
                "authorizing_integration_owners": handle.payload["authorizing_integration_owners"],
            }
            if kind == 5:
                message["flags"] |= LOADING_FLAG
            handle.original = message
            self._store(message)
        elif kind in (6, 7) and handle.source_message is not None:
            if kind == 7:
                self._apply(handle.source_message, data, req.files)
            handle.original = message = handle.source_message
        handle.callback = body
        if req.query.get("with_response") not in ("1", "true", "True"):
            return self._reply(204)
        flags = message["flags"] if message else 0
        interaction = {
            "id": str(handle.id),
            "type": handle.payload["type"],
            "response_message_id": message["id"] if message else None,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(flags & EPHEMERAL_FLAG),
        }
        out: Json = {"interaction": interaction}
        if message is not None:
            out["resource"] = {"type": kind, "message": message}
        return self._reply(200, out)

    async def _followup(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        handle = self._handles.get(m["token"])
        if handle is None:
            return self._unknown(req, "Unknown Webhook", 10015)
        body = req.json or {}
        original = handle.original
        if original is not None and original["flags"] & LOADING_FLAG and not handle.followups:
            original["flags"] &= ~LOADING_FLAG
            self._apply(original, body, req.files)
            msg = original
        else:
            msg = self._message(handle.channel_id, body, req.files, author=self.bot_user)
            msg["webhook_id"] = str(self.application_id)
            self._store(msg)
        handle.followups.append(msg)
        return self._reply(200, msg)

    async def _webhook_message(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        handle = self._handles.get(m["token"])
        msg = None
        if handle is not None:
            msg = handle.original if m["mid"] == "@original" else self._by_id.get(int(m["mid"]))
        return await self._message_op(req, msg)

    async def _channel_message(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        msg = self._by_id.get(int(m["mid"]))
        return await self._message_op(req, msg if msg and msg["channel_id"] == m["cid"] else None)

    async def _message_op(self, req: RecordedRequest, msg: Json | None) -> web.Response:
        if msg is None:
            return self._unknown(req, "Unknown Message", 10008)
        if req.method == "PATCH":
            msg["flags"] &= ~LOADING_FLAG
            self._apply(msg, req.json or {}, req.files)
        elif req.method == "DELETE":
            self._unstore(msg)
            return self._reply(204)
        return self._reply(200, msg)

    async def _post_message(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        cid = int(m["cid"])
        if cid not in self.channels:
            return self._unknown(req, "Unknown Channel", 10003)
        body = req.json or {}
        nonce = body.get("nonce")
        key = (self.bot_user["id"], str(nonce))
        if nonce is not None and body.get("enforce_nonce"):
            # Discord: the same author's message with this nonce in the past few minutes is
            # returned, and no new message is created
            seen = self._nonces.get(key)
            if seen is not None and time.monotonic() - seen[1] < self.nonce_window_seconds:
                return self._reply(200, {**seen[0], "nonce": nonce})
        msg = self._message(cid, body, req.files, author=self.bot_user)
        self._store(msg)
        if nonce is not None:
            self._nonces[key] = (msg, time.monotonic())
        answer = {**msg, "nonce": nonce} if nonce is not None else msg
        stall = next(
            (
                s
                for s in self._stalls
                if s.remaining > 0 and (s.channel_ids is None or cid in s.channel_ids)
            ),
            None,
        )
        if stall is not None:
            stall.remaining -= 1
            stall.messages.append(msg)
            stall.hit.set()
            await self._notify()
            await stall.released.wait()
        return self._reply(200, answer)

    async def _list_messages(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        """A channel's messages, newest first (before / after / around a message id)."""
        cid = int(m["cid"])
        if cid not in self.channels:
            return self._unknown(req, "Unknown Channel", 10003)
        limit = int(req.query.get("limit", HISTORY_DEFAULT))
        posted = sorted(self.messages.get(cid, []), key=lambda msg: int(msg["id"]))
        if "after" in req.query:
            after = int(req.query["after"])
            page = [msg for msg in posted if int(msg["id"]) > after][:limit]
        elif "before" in req.query:
            before = int(req.query["before"])
            page = [msg for msg in posted if int(msg["id"]) < before][-limit:]
        elif "around" in req.query:
            around = int(req.query["around"])
            at = next((i for i, msg in enumerate(posted) if int(msg["id"]) >= around), len(posted))
            start = max(0, at - limit // 2)
            page = posted[start : start + limit]
        else:
            page = posted[-limit:]
        return self._reply(200, list(reversed(page)))

    async def _get_channel(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        channel = self.channels.get(int(m["cid"]))
        if channel is None:
            return self._unknown(req, "Unknown Channel", 10003)
        return self._reply(200, channel)

    async def _create_dm(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        uid = str((req.json or {}).get("recipient_id"))
        user = self.user if uid == self.user["id"] else self.make_user("someone", user_id=int(uid))
        return self._reply(200, self.channels[self._dm_channel(user)])

    async def _typing(self, req: RecordedRequest, m: re.Match[str]) -> web.Response:
        return self._reply(204)
