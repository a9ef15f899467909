"""Operator settings for status posts (the `schedule:` block of config.yaml), validated early."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class DeclaredSubscription(BaseModel):
    """A subscription declared in config.yaml; it behaves like one made with /subscribe."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    guild_id: int
    channel_id: int
    what: Literal["digest", "changes", "both"] = "both"
    schedule: str | None = None
    timezone: str = "UTC"
    role_id: int | None = None

    @model_validator(mode="after")
    def _valid(self) -> DeclaredSubscription:
        if self.what in ("digest", "both") and not self.schedule:
            raise ValueError(f"channel {self.channel_id}: a digest needs a schedule")
        if self.schedule:
            from bot.slots import Schedule, ScheduleError  # croniter: only for a declared one

            try:
                Schedule.parse(self.schedule, self.timezone)
            except ScheduleError as exc:
                raise ValueError(f"channel {self.channel_id}: {exc}") from None
        return self


class ScheduleSettings(BaseModel):
    """How status posts behave: digest window, catch-up grace, failures, loop interval."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    enabled: bool = True
    digest_days: int = Field(14, ge=1, le=366)
    grace_minutes: float = Field(60.0, ge=0)
    max_failures: int = Field(3, ge=1)
    tick_seconds: float = Field(30.0, gt=0)
    min_interval_minutes: float = Field(60.0, ge=0)
    retry_attempts: int = Field(4, ge=1, le=10)
    retry_wait_seconds: float = Field(2.0, ge=0)
    sighup_reload: bool = True
    watch_knowledge: bool = False
    watch_seconds: float = Field(5.0, gt=0)
    subscriptions: tuple[DeclaredSubscription, ...] = ()
    post_concurrency: int = Field(8, ge=1, le=64)
    heartbeat_seconds: float = Field(2.0, gt=0)
    claim_lease_seconds: float = Field(10.0, gt=0)
    nonce_window_seconds: float = Field(60.0, ge=0)
    reload_poll_seconds: float = Field(5.0, gt=0)
    now: dt.datetime | None = None  # fix the scheduler's clock at this instant (tests, demos)

    @model_validator(mode="after")
    def _lease(self) -> ScheduleSettings:
        if self.claim_lease_seconds < 2 * self.heartbeat_seconds:
            raise ValueError("claim_lease_seconds must be at least twice heartbeat_seconds")
        if self.now is not None and self.now.tzinfo is None:
            raise ValueError("now needs a time zone, e.g. 2026-01-15T07:00:00Z")
        return self

    @property
    def grace(self) -> dt.timedelta:
        """The catch-up grace period."""
        return dt.timedelta(minutes=self.grace_minutes)

    @property
    def lease(self) -> dt.timedelta:
        """How long a process may miss heartbeats before its claims are taken over."""
        return dt.timedelta(seconds=self.claim_lease_seconds)

    @property
    def min_interval(self) -> dt.timedelta:
        """The shortest allowed time between two digests of a subscription."""
        return dt.timedelta(minutes=self.min_interval_minutes)

    def declared(self) -> list[dict[str, object]]:
        """The declared subscriptions as store rows."""
        return [
            {
                "guild_id": d.guild_id,
                "channel_id": d.channel_id,
                "what": d.what,
                "schedule": d.schedule if d.what != "changes" else None,
                "tz": d.timezone,
                "role_id": d.role_id,
            }
            for d in self.subscriptions
        ]
