"""Schedule parsing and slot computation: DST, cron edge cases, catch-up, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.slots import FakeClock, Schedule, ScheduleError, due_slot, to_cron

UTC = dt.UTC


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=UTC)


def test_daily_and_weekly_forms() -> None:
    assert to_cron("daily 08:00") == "0 8 * * *"
    assert to_cron("Weekly Monday 07:30") == "30 7 * * mon"
    assert to_cron("0 8 * * 1-5") == "0 8 * * 1-5"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("daily 25:00", "not a time of day"),
        ("weekly funday 08:00", "weekly DAY HH:MM"),
        ("0 8 * *", "5 fields"),
        ("61 8 * * *", "not a valid cron"),
        ("hourly", "5 fields"),
        ("", "Give a schedule"),
    ],
)
def test_bad_schedules_have_clear_messages(text: str, needle: str) -> None:
    with pytest.raises(ScheduleError, match=needle):
        Schedule.parse(text)


def test_unknown_time_zone() -> None:
    with pytest.raises(ScheduleError, match="not a time zone"):
        Schedule.parse("daily 08:00", "Mars/Olympus_Mons")
    with pytest.raises(ScheduleError, match="not a time zone"):
        Schedule.parse("daily 08:00", "../../etc/passwd")


def test_daily_slot_keeps_local_time_across_both_berlin_switches() -> None:
    s = Schedule.parse("daily 08:00", "Europe/Berlin")
    march = s.slots_between(utc(2026, 3, 27), utc(2026, 3, 31))
    assert [t.hour for t in march] == [7, 7, 6, 6]  # CET (UTC+1) then CEST (UTC+2)
    assert all(t.astimezone(s.tz).hour == 8 for t in march)
    october = s.slots_between(utc(2026, 10, 23), utc(2026, 10, 27))
    assert [t.hour for t in october] == [6, 6, 7, 7]
    assert all(t.astimezone(s.tz).hour == 8 for t in october)


def test_time_in_the_spring_gap_moves_forward_and_fall_back_fires_once() -> None:
    s = Schedule.parse("daily 02:30", "Europe/Berlin")
    march = s.slots_between(utc(2026, 3, 28), utc(2026, 3, 30))
    assert march == [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 30)]  # 29th: 03:30 CEST
    october = s.slots_between(utc(2026, 10, 24), utc(2026, 10, 26))
    assert october == [utc(2026, 10, 24, 0, 30), utc(2026, 10, 25, 0, 30)]  # first 02:30 only


def test_hourly_slots_are_unique_instants_around_the_gap() -> None:
    s = Schedule.parse("0 * * * *", "Europe/Berlin")
    slots = s.slots_between(utc(2026, 3, 28, 23), utc(2026, 3, 29, 3))
    assert len(slots) == len(set(slots))
    assert slots == sorted(slots)


def test_feb_29_only_in_leap_years() -> None:
    s = Schedule.parse("0 8 29 2 *")
    assert s.next_after(utc(2026, 1, 1)) == utc(2028, 2, 29, 8)
    assert s.latest_at_or_before(utc(2027, 6, 1)) == utc(2024, 2, 29, 8)


def test_day_of_month_or_day_of_week_follows_cron() -> None:
    # cron semantics: both fields restricted means either matches
    s = Schedule.parse("0 8 1 * mon")
    slots = s.slots_between(utc(2026, 6, 1), utc(2026, 6, 30))
    days = [t.day for t in slots]
    assert 1 in days  # the 1st (a Monday anyway) and every Monday
    assert all(t.weekday() == 0 or t.day == 1 for t in slots)
    assert len(slots) == 5


def test_every_minute_is_refused_by_default_and_bounded_otherwise() -> None:
    with pytest.raises(ScheduleError, match="at most once every 60 minutes"):
        Schedule.parse("* * * * *", min_interval=dt.timedelta(hours=1))
    s = Schedule.parse("* * * * *")
    # a month of downtime: the catch-up is one slot, found without walking 40,000 minutes
    slot, missed = due_slot(
        s, utc(2026, 2, 1, 0, 0, 30), not_before=utc(2026, 1, 1), grace=dt.timedelta(minutes=5)
    )
    assert slot == utc(2026, 2, 1, 0, 0)
    assert missed is None


def test_catch_up_is_the_latest_missed_slot_within_grace() -> None:
    s = Schedule.parse("daily 08:00")
    grace = dt.timedelta(hours=2)
    created = utc(2026, 1, 1)
    # down from the 3rd to the 6th, back at 09:00: one post, for the 6th
    slot, missed = due_slot(s, utc(2026, 1, 6, 9), not_before=created, grace=grace)
    assert (slot, missed) == (utc(2026, 1, 6, 8), None)
    # back at 11:00: too late for the 6th; nothing posted, the miss reported
    slot, missed = due_slot(s, utc(2026, 1, 6, 11), not_before=created, grace=grace)
    assert (slot, missed) == (None, utc(2026, 1, 6, 8))
    # a slot before the subscription existed is never due
    assert due_slot(s, utc(2026, 1, 1, 9), not_before=utc(2026, 1, 1, 8, 30), grace=grace) == (
        None,
        None,
    )


def test_fake_clock_only_moves_by_hand() -> None:
    clock = FakeClock(utc(2026, 1, 1))
    assert clock.now() == utc(2026, 1, 1)
    assert clock.advance(dt.timedelta(hours=1)) == utc(2026, 1, 1, 1)
    with pytest.raises(ValueError, match="aware"):
        clock.set(dt.datetime(2026, 1, 1))
