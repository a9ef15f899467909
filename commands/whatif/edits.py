"""The edit types a scenario is made of: move, cancel, add a flight, hold flights (a pad down, a
vehicle grounded, a supply gap), change the crew or a rate."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from commands.whatif.lexer import DAYS_PER_UNIT

_PART_DAY = {"early": 1, "start": 1, "beginning": 1, "mid": 15, "middle": 15, "late": 21, "end": 31}


def add_months(d: dt.date, months: int) -> dt.date:
    """d plus whole months, clamped to the month's last day."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


def part_day(part: str | None, year: int, month: int) -> int:
    """The day "early/mid/late/end of" a month is counted on (the 1st when no part is said)."""
    if not part:
        return 1
    day = _PART_DAY[part.split()[0].lower()]
    return min(day, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Duration:
    """A length of time as typed: n units (months and years keep calendar arithmetic)."""

    amount: float
    unit: str  # "day" | "week" | "month" | "year"
    text: str

    def add_to(self, d: dt.date, sign: int = 1) -> dt.date:
        """d moved by this duration (sign -1: backwards)."""
        n = self.amount
        if self.unit in ("month", "year"):
            months = n * (12 if self.unit == "year" else 1)
            if float(months).is_integer():
                return add_months(d, sign * int(months))
            return d + dt.timedelta(days=sign * round(months * DAYS_PER_UNIT["month"]))
        return d + dt.timedelta(days=sign * round(n * DAYS_PER_UNIT[self.unit]))

    def days(self) -> float:
        """Approximate length in days (for bounds checks)."""
        return self.amount * DAYS_PER_UNIT[self.unit]


@dataclass(frozen=True)
class MonthTarget:
    """A month named without a year: the next one after a reference date (the last one before
    it when a flight moves up), counted on the 1st or the day "mid/late/end of" says."""

    month: int
    part: str | None  # None | "early" | "mid" | "late" | "end" | ...
    text: str
    direction: int = 1  # -1 when a flight moves up or a start is "since"; 0 a start: nearest

    def resolve(self, ref: dt.date) -> dt.date:
        """The date meant, relative to ref (the flight's current date, or today)."""
        here = (ref.year, ref.month)
        years = range(ref.year - 1, ref.year + 3)
        if self.direction == 0:  # "after mid-October" in December: the October just gone
            days = [dt.date(y, self.month, part_day(self.part, y, self.month)) for y in years]
            return min(days, key=lambda d: (abs((d - ref).days), d < ref))
        if self.direction < 0:
            year = max(y for y in years if (y, self.month) < here)
        else:
            year = min(y for y in years if (y, self.month) > here)
        return dt.date(year, self.month, part_day(self.part, year, self.month))


@dataclass(frozen=True)
class FlightRef:
    """A flight an edit is about: a recorded mission, or a projected routine flight."""

    key: str  # the mission id, or the projected slot's key
    name: str  # "Progress MS-33", "Progress (projected)"
    vehicle: str
    how: str = ""  # how a "the next Progress" was read: "the next Progress"
    slot: int | None = None  # the projected slot's number (1 = first after the last recorded)
    due: dt.date | None = None  # when it is due, when known (for "the next Falcon 9" flights)


@dataclass(frozen=True)
class Move:
    """Delay (+) or advance (-) a flight by a duration, or move it to a date."""

    flight: FlightRef
    sign: int  # +1 delay, -1 advance, 0 move to a date
    by: Duration | None = None
    to: dt.date | None = None
    month: MonthTarget | None = None  # a month with no year, resolved against the flight's date
    typed: str = ""  # the target as typed, when it is not an exact day ("Q1 2027")
    origin: SlipOrigin | None = None  # "6 months from December": what the length counts from


# Hold.like when a pad is down as long as its own last recorded closure.
OWN_CLOSURE = "its last recorded closure"


@dataclass(frozen=True)
class SlipOrigin:
    """What a slip's length counts from when the question names it ("slipped 6 months from
    December", "… from its original date"), instead of the flight's date in the plan."""

    day: dt.date | None = None  # a full date named
    month: MonthTarget | None = None  # a month with no year: the nearest to the flight's date
    original: bool = False  # the flight's first recorded planned date
    typed: str = ""


@dataclass(frozen=True)
class Cancel:
    """Take a flight out of the plan (lost, scrubbed, never flies)."""

    flight: FlightRef


@dataclass(frozen=True)
class AddFlight:
    """A flight of a vehicle arriving on a date with the vehicle's typical load."""

    vehicle: str
    on: dt.date
    typed: str = ""


@dataclass(frozen=True)
class Hold:
    """Flights held on the ground for a while: a pad down, a vehicle grounded, a supply gap.

    Recorded flights due while held wait for the end, in order, keeping each vehicle's
    spacing; projected routine flights resume their cadence from the end.
    """

    label: str  # "Baikonur Site 31/6 down", "Cargo Dragon grounded", "no Russian cargo"
    pads: tuple[str, ...] = ()
    vehicles: tuple[str, ...] = ()
    start: dt.date | None = None  # None: from today
    by: Duration | None = None
    until: dt.date | None = None
    until_text: str = ""
    extra: bool = False  # "another 6 months": `by` counts from the pad's recorded reopening
    like: str = ""  # "like 31/6 did": the pad whose recorded closure gave the length
    note: str = ""  # how a generic "the pad" or "the soyuz pad" was read
    cause: str = ""  # "fails": a launcher failure grounding it (and the pad it failed on)

    @property
    def open_ended(self) -> bool:
        """No end given: held through the whole run."""
        return self.by is None and self.until is None


@dataclass(frozen=True)
class CrewChange:
    """The crew size from a date on: set to a number, or changed by one; for a while
    ("10 aboard for 2 weeks"), after which the unchanged plan's crew resumes."""

    since: dt.date | None  # None: from today
    crew: int | None = None
    delta: int = 0
    lasting: Duration | None = None  # None: from then on
    total: int | None = None  # the crew said alongside a change by one ("9 total"): a check
    # the size said it goes from ("from 3 to 2"): when the plan has another number aboard,
    # part of the crew changes (by crew - came_from), never the whole of it
    came_from: int | None = None


@dataclass(frozen=True)
class EarlyReturn:
    """A crew flight's people leave the station early: on a date (None: today), or some time
    before they were due; or stay some time past it (`late`), their relief flying that much
    later. Names a recorded or projected crew flight, or a crew vehicle (the
    flight of it aboard then)."""

    flight: FlightRef | None
    vehicle: str = ""  # when no flight is named: the crew vehicle whose crew aboard leaves
    on: dt.date | None = None
    early: Duration | None = None  # "2 months early": before the modelled departure
    typed: str = ""  # the date as typed
    like: str = ""  # "like Crew-11 did": the recorded early return named as a precedent
    note: str = ""  # that precedent in words, for the assumptions
    late: Duration | None = None  # "3 months longer": after the modelled departure


@dataclass(frozen=True)
class NoReboost:
    """Nobody reboosts the station from a date on (None: today). The supply model does not
    track the orbit: the reply gives what the station record says instead."""

    since: dt.date | None = None
    lasting: Duration | None = None  # "for a year" (None: from then on)


@dataclass(frozen=True)
class SetRate:
    """A rate from a date on (or for a while): water recovery (%), propellant use (kg/yr),
    oxygen made (kg/d), or how much of a resource the crew uses (a multiplier, 1.2 = 20% more)."""

    name: str  # "water_recovery" | "propellant_per_day" | "oxygen_generation" | "food_use" | ...
    value: float  # in model units (fraction, kg/day, kg/day)
    shown: str
    since: dt.date | None = None
    factor: float | None = None  # "doubles": the station record's rate times this, not value
    note: str = ""  # how the words were read, for the assumptions ("OGS" as oxygen made aboard)
    lasting: Duration | None = None  # "for 2 months": then the rate before it resumes


Edit = Move | Cancel | AddFlight | Hold | CrewChange | SetRate | EarlyReturn | NoReboost


@dataclass(frozen=True)
class Scenario:
    """A list of edits, an optional horizon asked for, and whether the full details are wanted."""

    edits: tuple[Edit, ...]
    horizon_days: int | None = None
    details: bool = False
    # The parts read as nothing the model can change, each with why: (words, reason).
    unmodelled: tuple[tuple[str, str], ...] = ()
