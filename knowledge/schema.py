"""Pydantic models of every fact-base record: vehicles, pads, missions, crew, topics, station."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from knowledge.dates import FuzzyDate

RecordKind = Literal[
    "source", "organization", "vehicle", "pad", "mission", "crew", "topic", "station"
]


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as a reference to the id of a record of one or more kinds."""

    kinds: tuple[RecordKind, ...]


_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, Field(pattern=_ID_PATTERN, max_length=80)]
SourceRef = Annotated[str, RefTo(("source",))]
OrgRef = Annotated[str, RefTo(("organization",))]
VehicleRef = Annotated[str, RefTo(("vehicle",))]
PadRef = Annotated[str, RefTo(("pad",))]
MissionRef = Annotated[str, RefTo(("mission",))]
CrewRef = Annotated[str, RefTo(("crew",))]
AnyRef = Annotated[
    str, RefTo(("organization", "vehicle", "pad", "mission", "crew", "topic", "station"))
]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]


class Model(BaseModel):
    """Base for every fact-base model: immutable, unknown fields are errors.

    Validators are built on first use (defer_build), not at import: a start-up that reads the
    validated base from the cache (knowledge/cache.py) never needs them.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Amount(Model):
    """A number (or a low-high range) with a unit, its sources, and whether it is an estimate."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    # A lower bound, not an exact value: "more than 2.5 t" is {value: 2500, bound: more-than}.
    bound: Literal["at-least", "more-than"] | None = None
    unit: Text
    estimate: bool = False
    sources: tuple[SourceRef, ...] = ()
    note: str = ""

    @model_validator(mode="after")
    def _one_form(self) -> Amount:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give either value, or both low and high")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either value, or low and high, not both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is greater than high ({self.high:g})")
        if self.bound is not None and self.value is None:
            raise ValueError(
                f"bound {self.bound!r} qualifies a value; give value, not low and high"
            )
        return self

    @property
    def mid(self) -> float:
        """The value (a lower bound's value: the least it can be), or the middle of the range."""
        if self.value is not None:
            return self.value
        assert self.low is not None
        assert self.high is not None
        return (self.low + self.high) / 2

    def text(self) -> str:
        """Human form, e.g. "750-950 kg (estimate)", "more than 2,500 kg"."""
        if self.value is not None:
            num = _fmt(self.value)
        else:
            assert self.low is not None
            assert self.high is not None
            num = f"{_fmt(self.low)}–{_fmt(self.high)}"
        unit = self.unit
        if unit == "USD":
            body = f"${num}"
        elif unit in ("%",):
            body = f"{num}%"
        else:
            body = f"{num} {unit}"
        if self.bound is not None:
            body = f"{self.bound.replace('-', ' ')} {body}"
            return f"{body} (estimate)" if self.estimate else body
        return f"~{body} (estimate)" if self.estimate else body


def _fmt(x: float) -> str:
    if abs(x) >= 1e9 and x % 1e7 == 0:
        return f"{x / 1e9:g} billion"
    if abs(x) >= 1e6 and x % 1e4 == 0:
        return f"{x / 1e6:g} million"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


class Claim(Model):
    """One side of a disagreement between sources."""

    says: Text
    sources: tuple[SourceRef, ...]


class Dispute(Model):
    """Sources that disagree on one point, recorded rather than hidden."""

    about: Text
    claims: tuple[Claim, ...] = Field(min_length=2)
    assessment: str = ""


class Event(Model):
    """A dated happening in a record's history."""

    date: FuzzyDate
    what: Text
    kind: str = "event"
    sources: tuple[SourceRef, ...] = ()


class Record(Model):
    """Fields every named record has."""

    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    summary: str = ""
    disputes: tuple[Dispute, ...] = ()
    facts: tuple[Fact, ...] = ()


class Fact(Model):
    """A sourced statement about a record that has no field of its own."""

    text: Text
    sources: tuple[SourceRef, ...] = ()
    estimate: bool = False


class Source(Model):
    """Where facts come from."""

    id: Id
    title: Text
    publisher: Text
    url: str | None = None
    document: str | None = None
    date: FuzzyDate | None = None
    reliability: Text
    note: str = ""

    @model_validator(mode="after")
    def _where(self) -> Source:
        if not self.url and not self.document:
            raise ValueError("a source needs a url or a document")
        return self


class Organization(Record):
    """An agency or company."""

    kind: Literal["agency", "company", "intergovernmental"]
    country: Text


CargoClass = Literal[
    "pressurized",
    "unpressurized",
    "total-up-mass",
    "propellant",
    "water",
    "gas",
    "dry-cargo",
    "down-mass",
    "disposal",
    "pressurized-volume",
    "unpressurized-volume",
    "payload-leo",
]


class Capacity(Amount):
    """What a vehicle can carry of one cargo class."""

    cargo: CargoClass


class CostEstimate(Amount):
    """A cost figure with what it is per."""

    per: Literal["mission", "seat", "kg", "contract", "year", "launch"]


class Vehicle(Record):
    """A cargo, crew or launch vehicle."""

    kind: Literal["cargo-spacecraft", "crew-spacecraft", "launch-vehicle", "spaceplane"]
    operator: OrgRef
    manufacturer: OrgRef | None = None
    launchers: tuple[VehicleRef, ...] = ()
    pads: tuple[PadRef, ...] = ()
    capacities: tuple[Capacity, ...] = ()
    refuels_russian_segment: bool = False
    can_reboost: bool = False
    reboost_note: str = ""
    reusable: bool | None = None
    crew_size: int | None = Field(default=None, ge=0, le=10)
    crew_size_max: int | None = Field(default=None, ge=0, le=10)
    costs: tuple[CostEstimate, ...] = ()
    status: Literal["active", "retired", "in-development"]
    typical_stay_days: Amount | None = None
    first_flight: FuzzyDate | None = None
    last_flight: FuzzyDate | None = None
    events: tuple[Event, ...] = ()


class RepairEstimate(Model):
    """A forecast of how long a pad repair takes: a case, a range, who said it and when."""

    case: Literal["best", "likely", "worst", "official", "outside"]
    low_months: float = Field(ge=0)
    high_months: float = Field(ge=0)
    said_by: str = ""
    announced: FuzzyDate | None = None
    note: str = ""
    sources: tuple[SourceRef, ...] = ()


class Pad(Record):
    """A launch pad and its dated status history."""

    site: Text
    country: Text
    operator: OrgRef
    vehicles: tuple[VehicleRef, ...] = ()
    status: Literal["active", "damaged", "under-repair", "inactive", "retired", "museum"]
    status_since: FuzzyDate | None = None
    history: tuple[Event, ...] = ()
    repair_estimates: tuple[RepairEstimate, ...] = ()


class ScheduleEntry(Model):
    """One planned date in a mission's schedule history, with who announced it and when."""

    planned: FuzzyDate
    announced: FuzzyDate | None = None
    by: str = ""
    note: str = ""
    sources: tuple[SourceRef, ...] = ()
    # The source lists the flight with no date ("TBD", "under review"): the earlier dates are
    # superseded and `planned` is only the day of that listing, as NET.
    tbd: bool = False


MissionStatus = Literal[
    "planned", "postponed", "launched", "docked", "completed", "cancelled", "failed"
]
# A mission in one of these has not flown yet: its plan is the last schedule entry.
PENDING: tuple[MissionStatus, ...] = ("planned", "postponed")


class CargoItem(Amount):
    """Cargo a specific mission carries, by class."""

    cargo: CargoClass


class Mission(Record):
    """A flight: its vehicle, pad, crew or cargo, status and schedule history."""

    vehicle: VehicleRef
    launcher: VehicleRef | None = None
    pad: PadRef | None = None
    destination: Text = "ISS"
    kind: Literal["cargo", "crew", "satellite-deployment", "test"]
    crew: tuple[CrewRef, ...] = ()
    cargo: tuple[CargoItem, ...] = ()
    status: MissionStatus
    status_as_of: dt.date
    schedule: tuple[ScheduleEntry, ...] = ()
    events: tuple[Event, ...] = ()
    operator: OrgRef | None = None


class CrewMember(Record):
    """An astronaut or cosmonaut."""

    native_name: str | None = None
    transliterations: tuple[Text, ...] = ()
    agency: OrgRef
    nationality: str = ""
    missions: tuple[MissionRef, ...] = ()
    days_in_space: Amount | None = None
    status: Literal["active", "assigned", "in-space", "removed", "retired"]
    events: tuple[Event, ...] = ()


class Topic(Record):
    """Why/how knowledge: the questions it answers, the answer, related records."""

    questions: tuple[Text, ...] = Field(min_length=1)
    answer: Text
    related: tuple[AnyRef, ...] = ()
    events: tuple[Event, ...] = ()


class Segment(Model):
    """A part of the station and what it provides."""

    id: Id
    name: Text
    operator: OrgRef
    provides: tuple[Text, ...]
    sources: tuple[SourceRef, ...] = ()


Resource = Literal["food", "water", "oxygen", "propellant"]


class StockEstimate(Model):
    """Estimated stock on board on one date, per resource (in days of supply or mass)."""

    as_of: dt.date
    levels: dict[Resource, Amount]
    note: str = ""


class ReboostOffset(Model):
    """How much Russian-segment reboost propellant one flight of a vehicle saves."""

    vehicle: VehicleRef
    propellant_saved: Amount
    # Flights known to carry the reboost hardware; empty means every flight of the vehicle.
    missions: tuple[MissionRef, ...] = ()
    note: str = ""


class ResupplyModel(Model):
    """Parameters of the resupply model, each with unit, source and estimate flag."""

    consumption_per_crew_day: dict[Resource, Amount]
    water_recovery: Amount
    propellant_use_per_year: Amount
    reserve_days: Amount
    evacuation_days: Amount | None = None
    stock: StockEstimate
    reboost_offsets: tuple[ReboostOffset, ...] = ()
    notes: tuple[Fact, ...] = ()
    # Oxygen made aboard (electrolysis), in kg per day; it offsets the crew's oxygen draw.
    oxygen_generation_per_day: Amount | None = None
    # Share of a cargo ship's dry / pressurized cargo that is food (crew provisions).
    food_share_of_cargo: Amount | None = None
    # Stock normally kept aboard, in days of supply.
    normal_stock_days: Amount | None = None
    # Without reboosts (no Russian-segment propellant, or nobody boosting): how fast the
    # station loses altitude, and how soon it would re-enter.
    altitude_loss_per_day: Amount | None = None
    reentry_without_reboost: Amount | None = None


class Station(Record):
    """The ISS: segments, nominal crew and the resupply model's parameters."""

    segments: tuple[Segment, ...]
    nominal_crew: Amount
    crew_history: tuple[CrewLevel, ...] = ()
    resupply: ResupplyModel
    events: tuple[Event, ...] = ()


class CrewLevel(Model):
    """The number of people aboard from a date."""

    since: dt.date
    crew: int = Field(ge=0, le=13)
    sources: tuple[SourceRef, ...] = ()
    note: str = ""


KIND_MODELS: dict[RecordKind, type[Model]] = {
    "source": Source,
    "organization": Organization,
    "vehicle": Vehicle,
    "pad": Pad,
    "mission": Mission,
    "crew": CrewMember,
    "topic": Topic,
    "station": Station,
}

# File (or folder) stem in the data directory for each kind.
KIND_FILES: dict[RecordKind, str] = {
    "source": "sources",
    "organization": "organizations",
    "vehicle": "vehicles",
    "pad": "pads",
    "mission": "missions",
    "crew": "crew",
    "topic": "topics",
    "station": "station",
}
