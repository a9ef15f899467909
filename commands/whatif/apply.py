"""Apply a scenario's edits to the recorded flights, project routine traffic around them, and
derive the crew aboard; the result says what changed as data (english.py writes it)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from commands.whatif.crew import crew_levels, level_on, stays, with_crew_edits
from commands.whatif.edits import (
    AddFlight,
    Cancel,
    CrewChange,
    EarlyReturn,
    Edit,
    FlightRef,
    Hold,
    Move,
    NoReboost,
    Scenario,
    SetRate,
)
from commands.whatif.errors import ScenarioError
from commands.whatif.model import (
    MAX_HORIZON_DAYS,
    Delivery,
    Plan,
    RateChange,
    departure,
    load_of,
    placed_plan,
)
from commands.whatif.projection import project, short_name
from knowledge.base import KnowledgeBase
from knowledge.dates import MONTH_NAMES, FuzzyDate
from knowledge.pads import last_damage, reopened

if TYPE_CHECKING:
    from commands.whatif.baseline import Prepared

_FLOWN = ("launched", "docked", "completed")


@dataclass(frozen=True)
class Moved:
    """A flight moved: its old and new dates, and how the change was asked."""

    flight: FlightRef
    old: dt.date
    new: dt.date
    by: str = ""  # "3 months"
    target: str = ""  # "Q1 2027", "December"
    placed: FuzzyDate | None = None  # the plan the model had to place on a day
    month_guess: str = ""  # "next" | "last": a month named without a year
    projected: bool = False
    by_gives: dt.date | None = None  # where the length said with a date would have put it
    origin: str = ""  # what the length was counted from, when named: "December 2025"


@dataclass(frozen=True)
class Lost:
    """A flight taken out of the plan."""

    flight: FlightRef
    old: dt.date
    placed: FuzzyDate | None = None
    projected: bool = False


@dataclass(frozen=True)
class Added:
    """A flight added with its vehicle's typical load."""

    vehicle: str
    name: str
    on: dt.date
    amounts: dict[str, float]


@dataclass(frozen=True)
class Held:
    """Flights held: by a pad down, a vehicle grounded or a supply gap."""

    hold: Hold
    down: dt.date  # as asked or recorded (may be before the model's start)
    reopen: dt.date
    open_ended: bool
    from_damage: bool = False
    repair: dt.date | None = None  # the recorded repair "another N" counts from
    modelled_from: dt.date | None = None  # the model's start, when the closure began before it
    moved: tuple[tuple[str, dt.date, dt.date], ...] = ()  # recorded flights: label, old, new
    resumed: tuple[str, ...] = ()  # vehicles whose projected traffic waits for the end


@dataclass(frozen=True)
class CrewSet:
    """The crew set to a size, or changed by some, from a date."""

    since: dt.date
    crew: int | None
    delta: int
    was: int | None = None  # the unchanged plan's crew on that day
    until: dt.date | None = None  # when the unchanged plan's crew resumes (None: never)
    lasting: str = ""  # how long, as typed ("2 weeks")


@dataclass(frozen=True)
class LeftEarly:
    """A crew flight's people leaving before they were due."""

    name: str  # the flight: "Crew-13"
    vehicle: str
    crew: int
    on: dt.date
    due: dt.date | None  # when the unchanged plan has them leave (None: after the run)
    given: bool  # a date or "N months early" was said (else: today)
    like: str = ""  # the precedent named ("Crew-11")
    like_on: dt.date | None = None  # when its crew left
    late: bool = False  # they stay past `due` instead
    relief: str = ""  # the flight relieving them, moved from `due` to `on` (a longer stay)


@dataclass(frozen=True)
class Unboosted:
    """Nobody reboosts the station from a date (the model's runs do not change: it does not
    track the orbit)."""

    since: dt.date
    lasting: str = ""  # "a year"


@dataclass(frozen=True)
class RateSet:
    """A rate changed from a date (until a date, when said for a while)."""

    since: dt.date
    shown: str
    until: dt.date | None = None
    lasting: str = ""


Change = Moved | Lost | Added | Held | CrewSet | RateSet | LeftEarly | Unboosted


@dataclass(frozen=True)
class Applied:
    """The scenario's plan, what each edit did, and what the reply needs to know about it."""

    plan: Plan
    changes: tuple[Change, ...]
    entities: tuple[str, ...]
    counterfactual: tuple[tuple[str, dt.date], ...]  # flights edited that already flew: name, day
    latest: dt.date  # the latest date the edits touch (for the horizon)
    first: dt.date | None  # the earliest date the edits touch
    closures: tuple[tuple[str, dt.date, dt.date], ...] = ()  # (pad, down from, reopens)
    grounded: tuple[tuple[str, dt.date, dt.date], ...] = ()  # (vehicle, from, until)
    open_ended: bool = False  # something is held with no end given
    notes: tuple[str, ...] = field(default=())  # how generic names were read


def min_spacing(kb: KnowledgeBase, vehicle: str) -> int:
    """Smallest gap in days between two recorded launches of a vehicle (derived; at least 1)."""
    dates = sorted(
        {
            e.date.start
            for m in kb.missions.values()
            if m.vehicle == vehicle
            for e in m.events
            if e.kind in ("launched", "launch") and e.date.precision == "day"
        }
    )
    gaps = [(b - a).days for a, b in itertools.pairwise(dates) if (b - a).days > 0]
    return max(1, min(gaps)) if gaps else 1


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _by_gives(e: Move, old: dt.date, new: dt.date) -> dt.date | None:
    """Where a move's length would have put the flight, when a date is named with it and
    the two fall in different months (the date named is used), else None."""
    if e.by is None or (e.to is None and e.month is None):
        return None
    gives = e.by.add_to(old, e.sign)
    return None if (gives.year, gives.month) == (new.year, new.month) else gives


class _Applier:
    """The state of one application: flights by key, the projection's edits, the changes."""

    def __init__(self, prep: Prepared, now: dt.date) -> None:
        self.prep = prep
        self.kb = prep.kb
        self.start = prep.params.stock_date
        self.limit = self.start + dt.timedelta(days=MAX_HORIZON_DAYS)
        self.today = max(now, self.start)
        self.flights: dict[str, Delivery] = {d.key: d for d in prep.recorded}
        self.gone: dict[str, list[dt.date]] = {}  # vehicle -> dates of its lost recorded flights
        self.lost_slots: dict[str, set[int]] = {}
        self.moved_slots: dict[str, dict[int, Callable[[dt.date], dt.date]]] = {}
        self.held: dict[str, list[tuple[dt.date, dt.date]]] = {}
        self.crew_edits: list[tuple[dt.date, int | None, int, dt.date | None]] = []
        self.rates: list[RateChange] = []
        self.changes: list[Change] = []
        self.entities: list[str] = []
        self.counterfactual: list[tuple[str, dt.date]] = []
        self.touched: list[dt.date] = []
        self.closures: list[tuple[str, dt.date, dt.date]] = []
        self.grounded: list[tuple[str, dt.date, dt.date]] = []
        self.notes: list[str] = []
        self.added = 0
        self.open_ended = False
        self.early: list[EarlyReturn] = []

    def in_range(self, d: dt.date, what: str, part: str) -> None:
        if d < self.start or d > self.limit:
            raise ScenarioError(
                part,
                f"{what} ({_iso(d)}) is outside the model's range: {_iso(self.start)} (the stock "
                f"estimate's date) to {_iso(self.limit)}",
            )

    # -- recorded flights ---------------------------------------------------------------------

    def recorded(self, ref: FlightRef) -> Delivery:
        """The recorded flight an edit is about, checked to be one the model can change."""
        mission = self.kb.missions[ref.key]
        name = mission.name
        self.entities.append(ref.key)
        cur = self.flights.get(ref.key)
        if cur is None:
            if mission.status in ("cancelled", "failed"):
                raise ScenarioError(
                    name, f"{name} is recorded as {mission.status}: there is nothing to change"
                )
            if any(c.flight.key == ref.key for c in self.changes if isinstance(c, Lost)):
                raise ScenarioError(name, f"{name} is already lost in this scenario")
            raise ScenarioError(
                name, f"{name} carries nothing the model tracks (no cargo or crew to the ISS)"
            )
        if cur.date < self.start:
            raise ScenarioError(
                name,
                f"{name} arrived on {_iso(cur.date)}, before the model's start "
                f"({_iso(self.start)}, the stock estimate's date): its cargo is already in the "
                "estimated stock, so the model cannot replay it",
            )
        if mission.status in _FLOWN:
            flew = [e.date.start for e in mission.events if e.kind in ("launched", "launch")]
            self.counterfactual.append((name, min(flew) if flew else cur.date))
        return cur

    def move(self, e: Move) -> None:
        if e.flight.slot is not None:
            self.move_slot(e)
            return
        cur = self.recorded(e.flight)
        name = e.flight.name
        placed = placed_plan(self.kb.missions[e.flight.key])
        guess = origin = ""
        if e.month is not None:
            new = e.month.resolve(cur.date)
            guess = "last" if e.month.direction < 0 else "next"
            self.in_range(new, f"the new date for {name}", e.typed)
        elif e.to is not None:
            new = e.to
            self.in_range(new, f"the new date for {name}", e.typed or name)
        else:
            assert e.by is not None
            new, origin = e.by.add_to(cur.date, e.sign), ""
            if e.origin is not None:
                new, origin = self._from_origin(e, cur.date)
            if new < self.start:
                raise ScenarioError(
                    e.by.text,
                    f"moving {name} up {e.by.text} puts it on {_iso(new)}, before the model's "
                    f"start ({_iso(self.start)}, the stock estimate's date)",
                )
            self.in_range(new, f"the new date for {name}", e.by.text)
        self.flights[e.flight.key] = replace(cur, date=new)
        self.touched += [cur.date, new]
        by = e.by.text if e.by is not None else ""
        typed = e.typed if e.typed and e.typed != _iso(new) else ""
        gives = _by_gives(e, cur.date, new)
        said = Moved(e.flight, cur.date, new, by, typed, placed, guess, False, gives)
        self.changes.append(replace(said, origin=origin) if origin else said)

    def _from_origin(self, e: Move, arrives: dt.date) -> tuple[dt.date, str]:
        """A slip counted from the origin the question names ("6 months from December"): the
        launch lands that long after it, and arrives as long after launching as it does in
        the plan; with the origin as said."""
        assert e.origin is not None
        assert e.by is not None
        mission = self.kb.missions[e.flight.key]
        launched = [ev.date.start for ev in mission.events if ev.kind in ("launched", "launch")]
        launch = min(launched) if launched else arrives
        o = e.origin
        if o.original:
            if not mission.schedule:
                raise ScenarioError(o.typed, f"the fact base records no plan for {e.flight.name}")
            first = mission.schedule[0].planned
            day, said = first.start, f"its original date ({first.text()})"
        elif o.month is not None:
            day = o.month.resolve(launch)
            said = f"{MONTH_NAMES[day.month - 1]} {day.year}"
        else:
            assert o.day is not None
            day, said = o.day, o.typed
        return e.by.add_to(day, e.sign) + (arrives - launch), said

    def move_slot(self, e: Move) -> None:
        assert e.flight.slot is not None
        base = self.prep.baseline.plan.deliveries
        old = next((d.date for d in base if d.key == e.flight.key), None)
        if old is None:
            raise ScenarioError(e.flight.name, f"{e.flight.name} is past the model's range")

        def to(d: dt.date) -> dt.date:
            if e.month is not None:
                return e.month.resolve(d)
            if e.to is not None:
                return e.to
            assert e.by is not None
            o = e.origin
            if o is not None and o.original:
                raise ScenarioError(o.typed, f"{e.flight.name} is projected: it has no plan")
            if o is not None:  # "slips 2 months from March": counted from the origin named
                d = o.month.resolve(d) if o.month is not None else o.day or d
            return e.by.add_to(d, e.sign)

        new = to(old)
        self.in_range(new, f"the new date for {e.flight.how or e.flight.name}", e.typed or "")
        self.moved_slots.setdefault(e.flight.vehicle, {})[e.flight.slot] = to
        self.entities.append(e.flight.vehicle)
        self.touched += [old, new]
        by = e.by.text if e.by is not None else ""
        typed = e.typed if e.typed and e.typed != _iso(new) else ""
        gives = _by_gives(e, old, new)
        self.changes.append(Moved(e.flight, old, new, by, typed, None, "", True, gives))

    def cancel(self, e: Cancel) -> None:
        if e.flight.slot is not None:
            base = self.prep.baseline.plan.deliveries
            old = next((d.date for d in base if d.key == e.flight.key), self.today)
            self.lost_slots.setdefault(e.flight.vehicle, set()).add(e.flight.slot)
            self.entities.append(e.flight.vehicle)
            self.touched.append(old)
            self.changes.append(Lost(e.flight, old, None, True))
            return
        cur = self.recorded(e.flight)
        del self.flights[e.flight.key]
        self.gone.setdefault(cur.vehicle, []).append(cur.date)
        self.touched.append(cur.date)
        self.changes.append(Lost(e.flight, cur.date, placed_plan(self.kb.missions[e.flight.key])))

    def add(self, e: AddFlight) -> None:
        self.in_range(e.on, "the added flight", e.typed or _iso(e.on))
        veh = self.kb.vehicles[e.vehicle]
        self.added += 1
        key = f"added-{self.added}"
        pad = veh.pads[0] if veh.pads else None
        amounts = load_of(self.prep.params, veh, None)
        # a crew spacecraft brings its crew, who stay as its flights' crews do (crew.stays)
        crew = (veh.crew_size or 0) if veh.kind == "crew-spacecraft" else 0
        if crew and e.vehicle not in self.prep.stay_limits:
            self.notes.append(
                f"{veh.name} has no recorded typical stay: the extra flight's crew of {crew} is "
                "counted aboard to the end of the run"
            )
        self.flights[key] = Delivery(
            key, f"extra {veh.name}", e.vehicle, pad, e.on, amounts, crew=crew
        )
        self.entities.append(e.vehicle)
        self.touched.append(e.on)
        self.changes.append(Added(e.vehicle, veh.name, e.on, amounts))

    def crew(self, e: CrewChange) -> None:
        since = e.since or self.today
        self.in_range(since, "the crew change", str(e.crew if e.crew is not None else e.delta))
        until = e.lasting.add_to(since) if e.lasting is not None else None
        if until is not None:
            self.in_range(until, "the end of the crew change", e.lasting.text if e.lasting else "")
        was = level_on(self.prep.baseline.plan.crew, since)
        crew, delta = e.crew, e.delta
        if e.crew is not None and e.came_from is not None and e.came_from != was:
            crew, delta = None, e.crew - e.came_from  # "roscosmos cuts its crew from 3 to 2"
            self.notes.append(
                f"the plan has {was} aboard then, not the {e.came_from} said: read as part of "
                f"the crew going from {e.came_from} to {e.crew}, so {was + delta} aboard"
            )
        self.crew_edits.append((since, crew, delta, until))
        self.touched.append(since)
        if e.total is not None and e.crew is None:
            then = was + e.delta
            self.notes.append(
                f"the {e.total} total said matches the plan's {was} aboard then plus {e.delta}"
                if then == e.total
                else f"the plan has {was} aboard then, so {e.delta} more makes {then}, not the "
                f"{e.total} said; modelled as {e.delta} more"
            )
        lasting = e.lasting.text if e.lasting is not None else ""
        self.changes.append(CrewSet(since, crew, delta, was, until, lasting))

    def rate(self, e: SetRate) -> None:
        since = e.since or self.today
        self.in_range(since, "the rate change", e.shown)
        value = e.value
        if e.factor is not None:
            r = self.prep.params.rates
            value = float(getattr(r, e.name)) * e.factor
        until = e.lasting.add_to(since) if e.lasting is not None else None
        if until is not None:
            self.in_range(until, "the end of the rate change", e.lasting.text if e.lasting else "")
        if e.note:
            self.notes.append(e.note)
        self.rates.append(RateChange(since, e.name, value, until))
        self.touched.append(since)
        lasting = e.lasting.text if e.lasting is not None else ""
        self.changes.append(RateSet(since, e.shown, until, lasting))

    def hold(self, e: Hold) -> None:
        down = e.start or self.today
        gstart = max(down, self.start)
        repair: dt.date | None = None
        if e.extra and e.by is not None and len(e.pads) == 1:
            repair = reopened(self.kb, e.pads[0], down)
            reopen = e.by.add_to(repair or self.today)
        elif e.until is not None:
            reopen = e.until
        elif e.by is not None:
            reopen = e.by.add_to(down if e.pads or e.start else self.today)
        else:
            reopen = self.limit + dt.timedelta(days=1)  # past the model's range: never
            self.open_ended = True
        what = e.label
        if not e.open_ended:
            self.in_range(
                reopen, f"the end of “{what}”", e.until_text or (e.by.text if e.by else what)
            )
        if reopen <= gstart:
            raise ScenarioError(
                e.until_text or what,
                f"“{what}” would end ({_iso(reopen)}) before it starts ({_iso(gstart)})",
            )
        from_damage = (
            bool(e.pads) and e.start is not None and e.start == last_damage(self.kb, e.pads[0])
        )
        vehicles = set(e.vehicles)
        for pad in e.pads:
            self.closures.append((pad, gstart, reopen))
            self.entities.append(pad)
        for v in e.vehicles:
            self.grounded.append((v, gstart, reopen))
            self.entities.append(v)
        if e.note:
            self.notes.append(e.note)
        held = sorted(
            (
                d
                for d in self.flights.values()
                if (d.pad in e.pads or d.vehicle in vehicles) and d.date >= gstart
            ),
            key=lambda d: (d.date, d.key),
        )
        last: dict[str, dt.date] = {}
        moved: list[tuple[str, dt.date, dt.date]] = []
        for d in held:
            new = max(d.date, reopen)
            prev = last.get(d.vehicle)
            if prev is not None:
                new = max(new, prev + dt.timedelta(days=min_spacing(self.kb, d.vehicle)))
            last[d.vehicle] = new
            if new != d.date:
                self.flights[d.key] = replace(d, date=new)
                moved.append((d.label, d.date, new))
                if d.mission:
                    self.entities.append(d.mission)
        resumed = []
        for c in self.prep.cadences:
            if c.vehicle in vehicles or c.pad in e.pads:
                self.held.setdefault(c.vehicle, []).append((gstart, reopen))
                resumed.append(c.vehicle)
        self.touched.append(gstart)
        if not e.open_ended:
            self.touched.append(reopen)
        self.changes.append(
            Held(
                e,
                down,
                reopen,
                e.open_ended,
                from_damage,
                repair,
                self.start if down < self.start else None,
                tuple(moved),
                tuple(resumed),
            )
        )

    # -- crews leaving early ------------------------------------------------------------------

    def leave_early(self, flights: list[Delivery]) -> list[Delivery]:
        """The flights with each early return's crew leaving on its day (after every other
        edit, so a moved or held relief flight is the one they would have waited for)."""
        out = list(flights)
        for e in self.early:
            due = {f.key: leaves for f, leaves in stays(out, self.prep.stay_limits)}
            on = e.on or self.today
            if e.flight is not None:
                at = next((i for i, d in enumerate(out) if d.key == e.flight.key), None)
                if at is None:
                    raise ScenarioError(e.flight.name, f"{e.flight.name} is not in this scenario")
                self.entities.append(e.flight.key)
            else:
                short = short_name(self.kb, e.vehicle)
                aboard = [
                    i
                    for i, d in enumerate(out)
                    if d.vehicle == e.vehicle
                    and d.crew > 0
                    and d.date <= on
                    and (due[d.key] is None or on < due[d.key])  # type: ignore[operator]
                ]
                if not aboard:
                    raise ScenarioError(short, f"no {short} crew is aboard on {_iso(on)}")
                at = max(aboard, key=lambda i: out[i].date)
                self.entities.append(e.vehicle)
            d = out[at]
            until = due[d.key]
            name = d.label.replace(" (projected)", "")
            shift = e.early or e.late
            if shift is not None:
                if until is None:
                    raise ScenarioError(
                        shift.text, f"{name}'s crew is not due home within the model's range"
                    )
                on = shift.add_to(until, 1 if e.late else -1)
            if d.leaves is not None and d.leaves <= self.today and e.on is None and shift is None:
                raise ScenarioError(
                    name,
                    f"{name}'s crew already left, on {_iso(d.leaves)}: say when they would have "
                    "left instead, e.g. “… left early in March 2026”",
                )
            if on < d.date:
                raise ScenarioError(
                    e.typed or name,
                    f"{name} arrives on {_iso(d.date)}: its crew cannot leave before that "
                    f"({_iso(on)})",
                )
            relief = ""
            if e.late is not None and until is not None:
                relief = self._relieve_later(out, d, until, on)
            elif until is not None and on >= until:
                raise ScenarioError(
                    e.typed or name,
                    f"{name}'s crew is due home on {_iso(until)}: leaving on {_iso(on)} is not "
                    "early",
                )
            self.in_range(on, f"{name}'s early return", e.typed or name)
            out[at] = replace(d, leaves=on)
            self.touched.append(on)
            if e.note:
                self.notes.append(e.note)
            like = self.kb.missions.get(e.like) if e.like else None
            self.changes.append(
                LeftEarly(
                    name,
                    d.vehicle,
                    d.crew,
                    on,
                    until,
                    e.on is not None or shift is not None,
                    like.name if like is not None else "",
                    departure(like) if like is not None else None,
                    e.late is not None,
                    relief,
                )
            )
        return out

    def _relieve_later(self, out: list[Delivery], d: Delivery, due: dt.date, on: dt.date) -> str:
        """A crew staying on until `on`: the flight of the same vehicle that was to relieve it
        on `due` flies on `on` instead (its name; "" when the stay limit, not a relief, ended
        the stay). In place in out."""
        at = next(
            (
                i
                for i, f in enumerate(out)
                if f.vehicle == d.vehicle and f.crew > 0 and f.date == due and f.key != d.key
            ),
            None,
        )
        if at is None:
            return ""
        label = out[at].label
        self.in_range(on, "the relief flight", label)
        out[at] = replace(out[at], date=on)
        self.touched.append(on)
        return label

    # -- the plan -----------------------------------------------------------------------------

    def plan(self) -> list[Delivery]:
        """Recorded (edited) flights, then each vehicle's projected traffic after them."""
        out = list(self.flights.values())
        for c in self.prep.cadences:
            dates = [
                d.date
                for d in self.flights.values()
                if d.vehicle == c.vehicle and not d.key.startswith("added-")
            ]
            dates += self.gone.get(c.vehicle, [])
            anchor = max(dates) if dates else c.last
            out += project(
                c,
                anchor,
                self.limit,
                sorted(self.held.get(c.vehicle, [])),
                frozenset(self.lost_slots.get(c.vehicle, set())),
                self.moved_slots.get(c.vehicle),
            )
        return sorted(out, key=lambda d: (d.date, d.key))


def apply(scenario: Scenario, prep: Prepared, now: dt.date) -> Applied:
    """The plan with every edit applied (holds last, so they hold added and moved flights)."""
    a = _Applier(prep, now)
    ordered: list[Edit] = [e for e in scenario.edits if not isinstance(e, Hold)]
    ordered += [e for e in scenario.edits if isinstance(e, Hold)]
    for e in ordered:
        if isinstance(e, Move):
            a.move(e)
        elif isinstance(e, Cancel):
            a.cancel(e)
        elif isinstance(e, AddFlight):
            a.add(e)
        elif isinstance(e, CrewChange):
            a.crew(e)
        elif isinstance(e, SetRate):
            a.rate(e)
        elif isinstance(e, EarlyReturn):
            a.early.append(e)
        elif isinstance(e, NoReboost):
            since = e.since or a.today
            a.in_range(since, "the end of reboosts", since.isoformat())
            a.changes.append(Unboosted(since, e.lasting.text if e.lasting else ""))
        else:
            a.hold(e)
    flights = sorted(a.leave_early(a.plan()), key=lambda d: (d.date, d.key))
    unchanged = prep.baseline.plan.deliveries if scenario.edits else None
    levels = crew_levels(prep.params.crew, flights, prep.stay_limits, a.start, unchanged)
    if a.crew_edits:
        levels = with_crew_edits(levels, a.crew_edits)
    plan = Plan(tuple(flights), levels, tuple(a.rates))
    touched = [d for d in a.touched if d is not None]
    return Applied(
        plan,
        tuple(a.changes),
        tuple(dict.fromkeys(a.entities)),
        tuple(a.counterfactual),
        max([a.today, *touched]) if touched else a.today,
        min(touched) if touched else None,
        tuple(a.closures),
        tuple(a.grounded),
        a.open_ended,
        tuple(a.notes),
    )
