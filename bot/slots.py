"""Digest schedules ("daily 08:00", "weekly mon 08:00", cron) in a time zone: DST-correct slots.

Slots are computed on local wall-clock times and then placed on the UTC time line:

- a wall time that does not exist (the spring-forward gap) is moved forward by the gap
  (02:30 on the day Berlin jumps from 02:00 to 03:00 becomes 03:30 local, 01:30 UTC);
- a wall time that happens twice (the autumn fall-back) fires once, at its first occurrence;
- two wall times that land on the same instant (hourly slots around the gap) are one slot.

A slot is identified by its UTC instant, which is what the post log keys on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter  # type: ignore[import-untyped]

UTC = dt.UTC
_DAYS = {
    "mon": "mon",
    "monday": "mon",
    "tue": "tue",
    "tuesday": "tue",
    "wed": "wed",
    "wednesday": "wed",
    "thu": "thu",
    "thursday": "thu",
    "fri": "fri",
    "friday": "fri",
    "sat": "sat",
    "saturday": "sat",
    "sun": "sun",
    "sunday": "sun",
}
_TIME = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")
_MAX_STEPS = 64  # bounds every search: a slot is at most a few candidates away


class Clock(Protocol):
    """Where the scheduler reads the time (aware datetimes)."""

    def now(self) -> dt.datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The real clock, in UTC."""

    def now(self) -> dt.datetime:
        """The current instant in UTC."""
        return dt.datetime.now(UTC)


class FakeClock:
    """A clock tests move by hand; it never moves by itself."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start

    def now(self) -> dt.datetime:
        """The time the test set."""
        return self._now

    def set(self, when: dt.datetime) -> None:
        """Jump to an instant (aware)."""
        if when.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = when

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        """Move forward by delta; return the new time."""
        self._now += delta
        return self._now


def clock_at(fixed: dt.datetime | None) -> Clock:
    """The scheduler's clock: fixed at an instant (settings schedule.now), else the real one."""
    return FakeClock(fixed) if fixed is not None else SystemClock()


class ScheduleError(ValueError):
    """A schedule or time zone the user must fix; the message says how."""


def zone(name: str) -> ZoneInfo:
    """A time zone by IANA name ("Europe/Berlin", "UTC"), or a ScheduleError."""
    text = name.strip() or "UTC"
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f"“{text[:60]}” is not a time zone I know; use an IANA name such as "
            "Europe/Berlin, America/New_York or UTC."
        ) from None


def _hhmm(text: str) -> tuple[int, int]:
    m = _TIME.match(text)
    if not m or not (0 <= int(m["h"]) <= 23 and 0 <= int(m["m"]) <= 59):
        raise ScheduleError(f"“{text[:20]}” is not a time of day; use 24-hour HH:MM, e.g. 08:00.")
    return int(m["h"]), int(m["m"])


def to_cron(text: str) -> str:
    """ "daily 08:00" / "weekly mon 08:00" / a 5-field cron expression -> a cron expression."""
    words = text.strip().lower().split()
    if not words:
        raise ScheduleError("Give a schedule: “daily 08:00”, “weekly mon 08:00” or a cron line.")
    if words[0] == "daily":
        if len(words) != 2:
            raise ScheduleError("Say “daily HH:MM”, e.g. “daily 08:00”.")
        h, m = _hhmm(words[1])
        return f"{m} {h} * * *"
    if words[0] == "weekly":
        if len(words) != 3 or words[1] not in _DAYS:
            raise ScheduleError("Say “weekly DAY HH:MM”, e.g. “weekly mon 08:00”.")
        h, m = _hhmm(words[2])
        return f"{m} {h} * * {_DAYS[words[1]]}"
    if len(words) != 5:
        raise ScheduleError(
            f"“{text.strip()[:80]}” is not a schedule: use “daily 08:00”, “weekly mon 08:00”, "
            "or a cron expression with 5 fields (minute hour day month weekday)."
        )
    expr = " ".join(words)
    if not croniter.is_valid(expr):
        raise ScheduleError(
            f"“{expr[:80]}” is not a valid cron expression "
            "(5 fields: minute hour day-of-month month day-of-week, e.g. “0 8 * * 1-5”)."
        )
    return expr


def _place(local: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """A naive wall time in tz -> the UTC instant (gap: forward; fold: first occurrence)."""
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


@dataclass(frozen=True)
class Schedule:
    """A parsed schedule: the user's text, its cron form and its time zone."""

    text: str
    cron: str
    tz_name: str

    @classmethod
    def parse(
        cls, text: str, tz_name: str = "UTC", *, min_interval: dt.timedelta | None = None
    ) -> Schedule:
        """Parse and validate; refuse schedules firing more often than min_interval."""
        cron = to_cron(text)
        tz = zone(tz_name)
        sched = cls(text.strip(), cron, tz.key)
        try:
            first = sched.next_after(dt.datetime(2026, 1, 1, tzinfo=UTC))
            second = sched.next_after(first)
        except (ValueError, KeyError, OverflowError) as exc:  # croniter's own errors
            raise ScheduleError(f"“{cron}” never fires: {exc}") from None
        if min_interval is not None and second - first < min_interval:
            minutes = int(min_interval.total_seconds() // 60)
            raise ScheduleError(
                f"“{text.strip()[:80]}” fires every {int((second - first).total_seconds() // 60)} "
                f"minute(s); digests can be posted at most once every {minutes} minutes."
            )
        return sched

    @property
    def tz(self) -> ZoneInfo:
        """The time zone."""
        return ZoneInfo(self.tz_name)

    def next_after(self, t: dt.datetime) -> dt.datetime:
        """The first slot strictly after t (UTC)."""
        tz = self.tz
        cursor = t.astimezone(tz).replace(tzinfo=None)
        it = croniter(self.cron, cursor)
        for _ in range(_MAX_STEPS):
            candidate = _place(it.get_next(dt.datetime), tz)
            if candidate > t:
                return candidate
        raise ScheduleError(f"no slot of “{self.cron}” found after {t.isoformat()}")

    def latest_at_or_before(self, t: dt.datetime) -> dt.datetime | None:
        """The last slot at or before t (UTC), or None if there is none in reach."""
        tz = self.tz
        cursor = t.astimezone(tz).replace(tzinfo=None) + dt.timedelta(minutes=1)
        cursor = cursor.replace(second=0, microsecond=0)
        it = croniter(self.cron, cursor)
        for _ in range(_MAX_STEPS):
            try:
                candidate = _place(it.get_prev(dt.datetime), tz)
            except (ValueError, KeyError, OverflowError):
                return None
            if candidate <= t:
                return candidate
        return None

    def slots_between(
        self, start: dt.datetime, end: dt.datetime, limit: int = 1000
    ) -> list[dt.datetime]:
        """Every slot in (start, end], at most limit of them (for tests and previews)."""
        out: list[dt.datetime] = []
        t = start
        while len(out) < limit:
            t = self.next_after(t)
            if t > end:
                break
            out.append(t)
        return out


def due_slot(
    schedule: Schedule,
    now: dt.datetime,
    *,
    not_before: dt.datetime,
    grace: dt.timedelta,
    latest: dt.datetime | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(slot to post now, slot missed beyond the grace period), either possibly None.

    Only the latest slot at or before now is considered: after downtime across several slots
    there is one catch-up post (the latest), and only while now is within grace of it. Slots
    before not_before (the subscription's creation) are never due. `latest` is
    schedule.latest_at_or_before(now) when the caller computed it already.
    """
    if latest is None:
        latest = schedule.latest_at_or_before(now)
    if latest is None or latest < not_before:
        return None, None
    if now - latest > grace:
        return None, latest
    return latest, None
