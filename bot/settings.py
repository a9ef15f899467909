"""Operator settings: config.yaml plus CAPCOM_* environment variables; the token only from env."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.schedule_settings import ScheduleSettings
from bot.shards import Shards
from commands.context import DEFAULT_STALE_AFTER_DAYS, Options
from knowledge.files import ByteBudget, Unreadable
from knowledge.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from knowledge.yamlfile import Problem

DEFAULT_CONFIG = Path("config.yaml")
CONFIG_ENV = "CAPCOM_CONFIG"
TOKEN_ENV = "DISCORD_TOKEN"
ENV_PREFIX = "CAPCOM_"
DISCORD_API = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"
# Launch Library 2's ISS launches (program 17), detailed mode for docking events.
LL2_URLS = (
    "https://ll.thespacedevs.com/2.3.0/launches/upcoming/?program=17&mode=detailed&limit=50",
    "https://ll.thespacedevs.com/2.3.0/launches/previous/?program=17&mode=detailed&limit=30"
    "&ordering=-net",
)
_SECRET_KEYS = frozenset({"token", "discord_token", "bot_token"})


def _url_with_host(text: str, schemes: tuple[str, ...]) -> bool:
    """Whether text is a URL with one of these schemes and a host."""
    try:
        url = urlsplit(text)
        return url.scheme in schemes and bool(url.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False


class SettingsError(Exception):
    """Settings that cannot be used; str() is one clear line per problem, no traceback."""


class Settings(BaseModel):
    """Everything an operator can set; every field also reads env CAPCOM_<NAME>."""

    # Validators are built on first use: a start-up from the snapshot (bot/settings_cache.py)
    # never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True, defer_build=True)

    token_file: Path | None = Field(None, description="A file holding the bot token.")
    api_base_url: str = Field(DISCORD_API, description="Discord REST API base (or a proxy).")
    gateway_url: str = Field(DISCORD_GATEWAY, description="Discord gateway URL (or a proxy).")
    state_dir: Path = Field(Path("state"), description="Where the bot keeps its state.")
    database_url: str | None = Field(
        None, description="postgresql://... for a fleet; unset: SQLite in state_dir."
    )
    database_pool_size: int = Field(10, ge=2, le=100)
    knowledge_path: Path | None = Field(None, description="Fact base folder (default: bundled).")
    cache_dir: Path | None = Field(
        None, description="Where offline commands cache the validated base (~/.cache/capcom)."
    )
    test_guild_ids: tuple[int, ...] = Field((), description="Sync commands to these guilds only.")
    sync_on_start: bool = True
    shard_count: int | None = Field(None, ge=1)
    shard_ids: tuple[int, ...] | None = None
    now: dt.date | None = Field(None, description="Fix 'today' (also env CAPCOM_NOW).")
    # the per-user budget of expensive work (what-ifs and their charts), on every path
    whatif_cooldown_seconds: float = Field(20.0, ge=0)
    whatif_cooldown_uses: int = Field(2, ge=1)
    whatif_queue_per_user: int = Field(1, ge=1)  # a user's what-ifs running or waiting at once
    # what reading a fact base may cost (knowledge/limits.py), at start-up, check and reloads
    max_file_mb: float = Field(DEFAULT_LIMITS.max_file_mb, gt=0)
    max_total_mb: float = Field(DEFAULT_LIMITS.max_total_mb, gt=0)
    max_depth: int = Field(DEFAULT_LIMITS.max_depth, ge=2, le=1000)
    max_alias_nodes: int = Field(DEFAULT_LIMITS.max_alias_nodes, ge=0)
    max_records_per_file: int = Field(DEFAULT_LIMITS.max_records_per_file, ge=1)
    max_problems_shown: int = Field(DEFAULT_LIMITS.max_problems_shown, ge=1)
    reload_memory_mb: float = Field(2048.0, ge=256)  # the reload worker's memory ceiling
    reload_timeout_seconds: float = Field(120.0, gt=0)
    connect_retry_seconds: float = Field(300.0, ge=0)  # `run` retries an unreachable Discord
    view_timeout_seconds: float = Field(600.0, gt=0, le=840)  # buttons outlive no token (15 min)
    defer_after_seconds: float = Field(1.5, gt=0, le=2.5)
    chart_timeout_seconds: float = Field(10.0, gt=0)
    guild_ready_timeout: float = Field(2.0, ge=0)
    log_level: str = "INFO"
    metrics_port: int | None = Field(None, ge=0, le=65535, description="/metrics, /healthz.")
    metrics_host: str = "127.0.0.1"
    discord_requests_per_second: float = Field(
        46.0, gt=0, le=50, description="Status posts' share of Discord's 50/s, fleet-wide."
    )
    stale_after_days: int = Field(
        DEFAULT_STALE_AFTER_DAYS, ge=1, description="Say how old the base is after this many days."
    )
    whatif_projection: bool = Field(
        True, description="What-ifs project routine traffic past the last recorded flight."
    )
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)  # status posts
    # `capcom update ll2 --fetch`: the free tier allows 15 requests an hour.
    ll2_urls: tuple[str, ...] = Field(LL2_URLS, min_length=1, description="LL2 launch lists.")
    ll2_cache_minutes: float = Field(60.0, ge=0, description="Reuse a fetched page this long.")
    ll2_requests_per_hour: int = Field(15, ge=1, description="Never send LL2 more than this.")
    ll2_timeout_seconds: float = Field(30.0, gt=0)
    ll2_retry_attempts: int = Field(3, ge=1, le=10)
    ll2_max_wait_seconds: float = Field(120.0, ge=0, description="Longest Retry-After to wait.")
    ll2_max_pages: int = Field(3, ge=1, le=50, description="Pages read per launch list.")

    @field_validator("api_base_url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not _url_with_host(v, ("http", "https")):
            raise ValueError(f"must be an http(s) URL such as {DISCORD_API}, not {v!r}")
        return v.rstrip("/")

    @field_validator("ll2_urls")
    @classmethod
    def _ll2_urls(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for one in v:
            if not _url_with_host(one, ("http", "https")):
                raise ValueError(f"must be http(s) URLs of LL2 launch lists, not {one!r}")
        return v

    @field_validator("gateway_url")
    @classmethod
    def _ws_url(cls, v: str) -> str:
        if not _url_with_host(v, ("ws", "wss")):
            raise ValueError(f"must be a ws(s) URL such as {DISCORD_GATEWAY}, not {v!r}")
        return v

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        v = v.strip()
        if not v.startswith(("postgresql://", "postgres://", "sqlite:///")):
            raise ValueError(
                "must be a PostgreSQL URL such as postgresql://capcom@db/capcom, or "
                "sqlite:///path/to/file.sqlite3"
            )
        return v

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        if v.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return v.upper()

    @model_validator(mode="after")
    def _shards(self) -> Settings:
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise ValueError("shard_ids needs shard_count")
            bad = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
            if bad:
                raise ValueError(f"shard_ids {bad} are outside 0..{self.shard_count - 1}")
        return self

    @property
    def shards(self) -> Shards:
        """The shards this process runs (all of them when unsharded)."""
        return Shards(self.shard_count, self.shard_ids)

    @property
    def sharded(self) -> bool:
        """Whether to run an AutoShardedBot (shard_count or shard_ids set)."""
        return self.shard_count is not None

    def limits(self) -> Limits:
        """The fact-base reading limits these settings set."""
        return Limits(**{f.name: getattr(self, f.name) for f in dataclasses.fields(Limits)})

    def options(self) -> Options:
        """The settings that shape answers, for Context.build."""
        return Options(
            stale_after_days=self.stale_after_days, whatif_projection=self.whatif_projection
        )

    def today(self) -> dt.date:
        """The date commands treat as today: `now` if set, else the real UTC date."""
        return self.now or dt.datetime.now(dt.UTC).date()

    def token(self) -> str | None:
        """The bot token from env DISCORD_TOKEN or token_file; never logged or printed."""
        value = os.environ.get(TOKEN_ENV, "").strip()
        if value:
            return value
        if self.token_file is None:
            return None
        try:
            value = self.token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(
                f"token_file: cannot read {self.token_file}: {exc.strerror or exc}"
            ) from None
        return value or None


def config_path(path: Path | str | None = None) -> Path:
    """The config file to read: path, else env CAPCOM_CONFIG, else ./config.yaml."""
    if path is not None:
        return Path(path)
    return Path(os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)


def load_settings(path: Path | str | None = None, **overrides: Any) -> Settings:
    """Read config.yaml (missing is fine for the default path) and the environment.

    Overrides (command-line options) win over both. Raise SettingsError naming file and field.
    """
    file = config_path(path)
    explicit = path is not None or bool(os.environ.get(CONFIG_ENV))
    data = _read_yaml(file, required=explicit)
    _merge(data, _from_env())
    _merge(data, {k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise SettingsError(_explain(exc, file, overrides)) from None


def _from_env() -> dict[str, Any]:
    """The settings given as CAPCOM_<NAME> (any case); lists and mappings are JSON."""
    env = {k.upper(): v for k, v in os.environ.items() if k.upper().startswith(ENV_PREFIX)}
    found: dict[str, Any] = {}
    for name, info in Settings.model_fields.items():
        value: Any = env.get(ENV_PREFIX + name.upper())
        if value is None:
            continue
        if _structured(info.annotation):
            try:
                value = json.loads(value)
            except ValueError:  # not the JSON its field takes
                raise SettingsError(_explain_json(name, value)) from None
        found[name] = value
    return found


def _structured(annotation: Any) -> bool:
    """Whether a field holds a list or a mapping (given as JSON in the environment)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_structured(a) for a in typing.get_args(annotation))
    return origin in (tuple, list, dict, set, frozenset)


def _merge(into: dict[str, Any], more: dict[str, Any]) -> None:
    """Update into with more; mappings (the `schedule:` block) are merged key by key."""
    for key, value in more.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged = dict(old)
            _merge(merged, value)
            into[key] = merged
        else:
            into[key] = value


CONFIG_LIMITS = Limits(max_file_mb=1, max_total_mb=1, max_depth=16, max_alias_nodes=100)


def _read_yaml(file: Path, *, required: bool) -> dict[str, Any]:
    if not os.path.lexists(file):
        if required:
            raise SettingsError(f"{file}: no such config file")
        return {}
    try:
        data = ByteBudget(CONFIG_LIMITS).read(file)
    except Unreadable as exc:
        raise SettingsError(f"{file}: {exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SettingsError(
            f"{file}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}): save it as UTF-8"
        ) from None
    from knowledge.yamlfile import parse_yaml  # yaml: only when a config file is read

    problems: list[Problem] = []
    doc = parse_yaml(text, str(file), problems, CONFIG_LIMITS)
    if problems:  # impossible dates stay text here, for the field's own clear message
        first = problems[0]
        message = first.message.replace("YAML syntax error: ", "invalid YAML: ")
        message = message.replace(" (the rest of this file was not checked)", "")
        message = re.sub(r" \(setting \w+\)", "", message)  # the config's limits are fixed
        raise SettingsError(f"{first.file}:{first.line}: {message}")
    raw = doc.data if doc is not None else None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SettingsError(
            f"{file}: expected a mapping of setting: value, not {type(raw).__name__}"
        )
    secret = _SECRET_KEYS & set(raw)
    if secret:
        raise SettingsError(
            f"{file}: {sorted(secret)[0]}: never put the token in the config file; set "
            f"{TOKEN_ENV} in the environment or name a file with token_file"
        )
    return {str(k): v for k, v in raw.items()}


def _explain(exc: ValidationError, file: Path, overrides: dict[str, Any]) -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        field = str(err["loc"][0]) if err["loc"] else ""
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown setting (check the spelling; see config.yaml for the list)"
        env = f"{ENV_PREFIX}{field.upper()}"
        if field and overrides.get(field) is not None:
            where = f"--{field.replace('_', '-')}"
        elif field and env in os.environ:
            where = f"environment {env}"
        else:
            where = str(file)
        lines.append(f"{where}: {loc}: {msg}" if err["loc"] else f"{where}: {msg}")
    return "\n".join(lines)


def _explain_json(field: str, value: str) -> str:
    """One line for an environment value that is not the JSON its field takes."""
    env = f"{ENV_PREFIX}{field.upper()}"
    shown = repr(value) if len(value) <= 40 else repr(value[:40] + "…")
    example = {"test_guild_ids": "'[123456789012345678]'", "shard_ids": "'[0, 1]'"}.get(
        field, "JSON"
    )
    return f"environment {env}: {field}: cannot read {shown}: write it as JSON, e.g. {example}"


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py's REST base and gateway at the configured URLs (process-wide)."""
    import discord  # here, not at the top: the offline commands read settings without discord
    import yarl

    discord.http.Route.BASE = settings.api_base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
