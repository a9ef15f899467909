"""How long a flight lasted, derived from its recorded dates (launch to landing, docked period),
or stated in its texts when no end is recorded; comparable between two flights."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from commands.format import date_text, outcome_date
from commands.reply import DateMention
from commands.said import clock_in
from commands.understand.prefilter import phrases
from knowledge.dates import FuzzyDate
from knowledge.schema import Event, Mission

# Events that end a flight (back on Earth, or burned up) and that start and end a stay.
ENDED = ("splashdown", "landed", "landing", "returned", "re-entered", "reentered", "burned up")
DOCKED = ("docked", "berthed")
UNDOCKED = ("undocked", "unberthed", "departed", "released")
_DAYS = phrases(r"\b(?:(?P<about>about|around|roughly|some|~)\s*)?(?P<n>\d{1,4})\s+days\b", re.I)
_AT_STATION = phrases(
    r"\s*(?:at the station|at the iss|docked|berthed|attached|after (?:capture|docking|berthing)"
    r"|(?:at|on|to) (?:the )?(?:station|iss))\b",
    re.I,
)
_PLANNED = phrases(r"\b(?:planned|scheduled|expected|designed|design)\b[^.;]{0,45}$", re.I)


@dataclass(frozen=True)
class Duration:
    """How long a flight lasted (or has lasted so far), and how the number was found."""

    days: int
    text: str  # the clause that says it: "237 days (launched 13 February 2026, ...)"
    sources: tuple[str, ...]
    exact: bool = True  # derived from two day-precision dates
    ongoing: bool = False  # no end recorded: days up to the base's date, at least
    mentions: tuple[DateMention, ...] = field(default=())
    at_most: bool = False  # a start not recorded: days from an earlier date, an upper bound


def _event(m: Mission, kinds: tuple[str, ...]) -> Event | None:
    found = [e for e in m.events if e.kind in kinds]
    return found[-1] if found else None


def flight_duration(m: Mission, as_of: dt.date) -> Duration | None:
    """Launch to landing from the recorded dates; else a duration the mission's texts state;
    else, still up, the days from launch to the base's date (at least)."""
    launched = outcome_date(m)
    if launched is None:
        return None
    mentions: list[DateMention] = []
    end = _event(m, ENDED)
    if end is not None:
        days = (end.date.start - launched.start).days
        exact = launched.precision == "day" and end.date.precision == "day"
        verb = "splashed down" if end.kind == "splashdown" else end.kind.replace("-", " ")
        launch_text = date_text(launched, mentions)
        end_text = date_text(end.date, mentions)
        text = (
            f"{'' if exact else 'about '}{days} days (launched {launch_text}, {verb} "
            f"{end_text}; derived from the recorded dates)"
        )
        launch_event = _event(m, ("launched",))
        sources = tuple(launch_event.sources if launch_event else ()) + tuple(end.sources)
        return Duration(days, text, sources, exact, mentions=tuple(mentions))
    stated = _stated(m)
    if stated is not None:
        return stated
    if m.status in ("completed", "landed", "lost", "failed"):
        return None  # over, with no end date recorded: the base cannot say how long
    days = (as_of - launched.start).days
    text = (
        f"at least {days} days so far (launched {date_text(launched, mentions)}; no return "
        f"recorded as of {date_text(FuzzyDate(as_of), mentions)})"
    )
    return Duration(days, text, (), False, True, tuple(mentions))


def _stated(m: Mission) -> Duration | None:
    """A duration the mission's facts or summary state ("About 241 days from launch ..."),
    never a planned one ("planned for 242 days")."""
    texts = [(f.text, tuple(f.sources)) for f in m.facts] + [(m.summary, tuple(m.sources))]
    for text, sources in texts:
        for d in _DAYS.finditer(text):
            if _PLANNED.search(text[: d.start()]) or _AT_STATION.match(text, d.end()):
                continue  # a plan, or a stay at the station, is not the flight's length
            sentence = text[max(0, text.rfind(".", 0, d.start()) + 1) :].strip()
            sentence = sentence.split(". ")[0].rstrip(".")
            days = int(d.group("n"))
            said = sentence[:1].lower() + sentence[1:] if sentence[1:2].islower() else sentence
            return Duration(days, f"about {days} days ({said})", sources, exact=False)
    return None


def planned_duration(m: Mission) -> Duration | None:
    """A length the mission's facts or summary give as planned ("Planned stay of about eight
    months (~240 days)"): a plan, never a recorded length."""
    texts = [(f.text, tuple(f.sources)) for f in m.facts] + [(m.summary, tuple(m.sources))]
    for text, sources in texts:
        for d in _DAYS.finditer(text):
            if not _PLANNED.search(text[: d.start()]):
                continue
            days = int(d.group("n"))
            return Duration(days, f"about {days} days", sources, exact=False)
    return None


def docked_duration(m: Mission) -> Duration | None:
    """Docking to undocking, from the recorded dates."""
    arrived, left = _event(m, DOCKED), _event(m, UNDOCKED)
    if arrived is None or left is None:
        return None
    mentions: list[DateMention] = []
    days = (left.date.start - arrived.date.start).days
    exact = arrived.date.precision == "day" and left.date.precision == "day"
    text = (
        f"{'' if exact else 'about '}{days} days ({date_text(arrived.date, mentions)} to "
        f"{date_text(left.date, mentions)})"
    )
    return Duration(
        days, text, tuple(arrived.sources) + tuple(left.sources), exact, mentions=tuple(mentions)
    )


def stay_duration(m: Mission) -> Duration | None:
    """Docking to undocking; with no docking recorded, launch to undocking as an upper bound
    (a ship docks after it launches), so a stay can still be compared."""
    docked = docked_duration(m)
    if docked is not None:
        return docked
    launched, left = outcome_date(m), _event(m, UNDOCKED)
    if launched is None or left is None or _event(m, DOCKED) is not None:
        return None
    mentions: list[DateMention] = []
    days = (left.date.start - launched.start).days
    launch_event = _event(m, ("launched",))
    text = (
        f"at most {days} days (launched {date_text(launched, mentions)}, {left.kind} "
        f"{date_text(left.date, mentions)}; the docking date is not recorded)"
    )
    sources = tuple(launch_event.sources if launch_event else ()) + tuple(left.sources)
    return Duration(days, text, sources, False, at_most=True, mentions=tuple(mentions))


# Hours and minutes an arrival's text says it took: "docked 7 hours 55 minutes after launch".
_AFTER_LAUNCH = phrases(
    r"\b(?:(?P<h>\d{1,3})\s*(?:hours?|hrs?|h)\b(?:\s*(?:and\s*)?(?P<m>\d{1,2})\s*(?:minutes?"
    r"|mins?|min)\b)?|(?P<only>\d{1,4})\s*(?:minutes?|mins?|min)\b)"
    r"\s+after\s+(?:launch|liftoff|lift-off)\b",
    re.I,
)
# Hours from UTC of the time zones event texts write.
_ZONE_HOURS = {
    "utc": 0, "gmt": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6, "pdt": -7,
    "msk": 3, "moscow time": 3, "jst": 9,
}  # fmt: skip
_TIME = phrases(
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?\s*(?:(?P<half>[ap])\.m\.)?\s*(?P<zone>[A-Za-z ]+)?"
)


_DAY_MINUTES = 24 * 60  # a trip this long or longer is said in days and hours


@dataclass(frozen=True)
class Transit:
    """Launch to first docking or berthing. `minutes` when the record gives them (a duration
    the arrival's text states, else both times of day), else whole days from the dates."""

    launched: Event
    arrived: Event
    days: int
    exact: bool  # both dates to the day
    minutes: int | None = None
    stated: bool = False  # the minutes are the record's own words, not derived

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.launched.sources, *self.arrived.sources]))

    def span(self) -> str:
        """ "7 hours 55 minutes", "about 3 hours 5 minutes", "the same day", "about 2 days"."""
        if self.minutes is not None and self.minutes >= _DAY_MINUTES:  # "about 2 days 2 hours"
            days, hours = divmod(round(self.minutes / 60), 24)
            exact = self.stated and self.minutes % 60 == 0
            span = f"{days} day{'s' if days != 1 else ''}"
            span += f" {hours} hour{'s' if hours != 1 else ''}" if hours else ""
            return span if exact else f"about {span}"
        if self.minutes is not None:
            h, mins = divmod(self.minutes, 60)
            parts = [f"{h} hour{'s' if h != 1 else ''}"] if h else []
            parts += [f"{mins} minute{'s' if mins != 1 else ''}"] if mins or not h else []
            return ("" if self.stated else "about ") + " ".join(parts)
        span = (
            "the same day" if self.days == 0 else f"{self.days} day{'s' if self.days != 1 else ''}"
        )
        return span if self.exact else f"about {span}"


def transit(m: Mission) -> Transit | None:
    """How long the flight took to reach the station, from its launch and first arrival."""
    launched = _first(m, ("launched", "launch"))
    arrived = _first(m, DOCKED)
    if launched is None or arrived is None or arrived.date.start < launched.date.start:
        return None
    if launched.date.net or arrived.date.net:
        return None  # only bounds are recorded: "no earlier than" says nothing of the trip
    days = (arrived.date.start - launched.date.start).days
    exact = launched.date.precision == "day" and arrived.date.precision == "day"
    found = _AFTER_LAUNCH.search(arrived.what)
    if found is not None:
        minutes = int(found["only"] or 0) + int(found["h"] or 0) * 60 + int(found["m"] or 0)
        return Transit(launched, arrived, days, exact, minutes, stated=True)
    start, end = _utc_minutes(launched), _utc_minutes(arrived)
    if exact and start is not None and end is not None and end + days * 1440 >= start:
        return Transit(launched, arrived, days, exact, end + days * 1440 - start)
    return Transit(launched, arrived, days, exact)


def _first(m: Mission, kinds: tuple[str, ...]) -> Event | None:
    found = [e for e in m.events if e.kind in kinds]
    return min(found, key=lambda e: e.date.start) if found else None


def _utc_minutes(ev: Event) -> int | None:
    """Minutes past midnight UTC of the time of day the event's text gives (zone written)."""
    found = clock_in(ev.what)
    typed = _TIME.match(found.group(1)) if found else None
    zone = (typed["zone"] or "").strip().lower() if typed else ""
    if typed is None or zone not in _ZONE_HOURS:
        return None
    hour = (
        int(typed["h"]) % 12 + (12 if typed["half"] == "p" else 0)
        if typed["half"]
        else int(typed["h"])
    )
    return hour * 60 + int(typed["m"]) - _ZONE_HOURS[zone] * 60
