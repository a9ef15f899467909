"""What a question is read into before anything is looked up: its form, its facts, its subjects."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from knowledge.schema import CargoClass, RecordKind

if TYPE_CHECKING:
    from commands.topics import TopicMatch


class Ask(enum.Enum):
    """The form of answer a question asks for."""

    DESCRIBE = "describe"  # a name alone, "what is X", "tell me about X"
    WHO = "who"  # a person or an organization: crew, operator, builder
    WHEN = "when"  # a date: launch, docking, undocking, landing
    WHERE = "where"  # a place: the pad, the launch site
    HOW_MUCH = "how much"  # an amount: cost, capacity, cargo mass
    HOW_MANY = "how many"  # a count computed from the base, or a counted attribute
    HOW_LONG = "how long"  # a duration: a stay, a repair, days in space
    STATUS = "status"  # where something stands now
    YES_NO = "yes/no"  # did / is / can / has ...
    WHY = "why"  # an explanation: why, how come, what happened
    COMPARE = "compare"  # two or more records side by side
    LIST = "list"  # what is next: upcoming flights
    WHAT = "what"  # "what rocket", "what did X carry": the fact named decides


class Fact(enum.Enum):
    """A fact of a record that a question can ask for; each maps to fields of the base."""

    CREW = "crew"
    OPERATOR = "operator"
    BUILDER = "builder"
    COST = "cost"
    CAPACITY = "capacity"
    CARGO = "cargo"
    MASS = "mass"  # of the spacecraft itself (not its cargo)
    LAUNCH = "launch date"
    DOCKING = "docking date"
    UNDOCKING = "undocking date"
    LANDING = "landing date"
    PAD = "pad"
    LAUNCHER = "launcher"
    STATUS = "status"
    ABOARD = "still at the station"  # "is it still docked", "are they still up there"
    DAYS_IN_SPACE = "days in space"
    AGENCY = "agency"
    MISSIONS = "missions"
    CREW_SIZE = "crew size"
    STAY = "stay"
    TRANSIT = "time to reach the station"  # launch to docking ("how long to get there")
    FIRST_FLIGHT = "first flight"
    REFUELS = "refuels the Russian segment"
    REBOOSTS = "reboosts the station"
    REUSABLE = "reusable"
    CAPSULE = "capsule"  # which spacecraft flew a flight (Dragon Grace, capsule C209)
    FLIGHTS = "flights"  # a count of flights (how many times has Cygnus flown)
    DECAY = "orbit decay"  # how fast the station sinks, and when it re-enters with no reboosts


class Command(enum.Enum):
    """A command word that may start a message ("vehicle cygnus", "timeline crs-35")."""

    MISSION = "mission"
    VEHICLE = "vehicle"
    PAD = "pad"
    CREW = "crew"
    TOPIC = "topic"
    COMPARE = "compare"
    UPCOMING = "upcoming"
    TIMELINE = "timeline"
    SOURCES = "sources"
    HELP = "help"
    ABOUT = "about"


class Chat(enum.Enum):
    """Messages that are not questions about the base."""

    GREETING = "greeting"
    THANKS = "thanks"
    BYE = "bye"
    HELP = "help"


@dataclass(frozen=True)
class Subject:
    """A record a question names, and where in the text."""

    record_id: str
    kind: RecordKind
    name: str
    start: int
    end: int
    exact: bool  # named exactly (not a typo or a generated form)


@dataclass(frozen=True)
class Question:
    """A message read into what it asks, about what, before anything is looked up."""

    text: str
    ask: Ask
    facts: tuple[Fact, ...] = ()
    cargo: CargoClass | None = None  # "propellant", "water": the cargo class asked about
    subjects: tuple[Subject, ...] = ()  # records named once, clearly (text order)
    ambiguous: tuple[tuple[Subject, ...], ...] = ()  # each: one name, several records
    refers_back: bool = False  # "it", "him", "and its cost?": needs the last subject
    hint: str = ""  # "russia", "cargo", "crew", "other": which one of a kind ("the russian one")
    year: int | None = None  # "in 2025"
    unknown: tuple[str, ...] = ()  # subject words (or names) the base does not know
    untracked: str = ""  # a subject the base never tracks: "stock prices", "the weather"
    relative: str = ""  # the tracked record an untracked relative shares a name with
    words: tuple[str, ...] = ()  # content words beyond names and question vocabulary
    topics: tuple[TopicMatch, ...] = field(default=())
    count_of: str = ""  # what a how-many question counts: "flights", "missions"
    kind_filter: str = ""  # "cargo" / "crew": a count or a list limited to one kind

    @property
    def record_ids(self) -> tuple[str, ...]:
        """The ids of the clearly named records, in text order."""
        return tuple(s.record_id for s in self.subjects)

    def main(self, kinds: tuple[RecordKind, ...] = ()) -> Subject | None:
        """The subject the question is most about (of these kinds, if given)."""
        pool = [s for s in self.subjects if not kinds or s.kind in kinds]
        if not pool:
            return None
        order = _SPECIFICITY
        return min(pool, key=lambda s: (order.get(s.kind, 9), s.start))


# A mission or a person is more specific than the vehicle, pad or organization around them.
_SPECIFICITY: dict[str, int] = {
    "mission": 0,
    "crew": 1,
    "pad": 2,
    "vehicle": 3,
    "station": 4,
    "organization": 5,
    "topic": 6,
}
