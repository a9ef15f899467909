"""The scenario language: edits to the plan, parsing them from text, applying them to a plan.

Edits: move a mission (delay or advance by a duration, or to a date), cancel a mission, add a
flight of a vehicle on a date, ground a pad for a duration (its flights slip to after it
reopens, in order, keeping each vehicle's minimum spacing), change the crew size from a date,
change a rate (water recovery, propellant use, oxygen made aboard). Phrases such as "what if
MS-33 slips 4 months and CRS-35 moves up a month" split into one edit per clause; a bare name
takes the verb of the next clause ("both MS-33 and CRS-35 are cancelled"). Verbs are read in
any tense and negated ("had not launched", "never flew", "had stayed broken"); a past pad
closure counts from its recorded damage, "another 6 months" from its recorded repair. Targets
may be a date, a month ("to December": the next one after the plan), "mid-March 2027" or a
quarter; vague ones ("next summer") are refused with choices. "The pad" unnamed is the one
damaged pad, else the most recently damaged, else a question.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from commands.reply import Suggestion
from commands.whatif.model import (
    MAX_HORIZON_DAYS,
    Delivery,
    Params,
    Plan,
    RateChange,
    arrival_date,
    delivers,
    load_of,
    placed_plan,
)
from commands.whatif.resolve import Resolver, ScenarioError
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate, FuzzyDateError
from knowledge.schema import Pad

MAX_EDITS = 20
MAX_CREW = 13
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "hundred": 100,
    "couple": 2,
    "few": 3,
    "half": 0.5,
}
_NUM = r"(?:[-−+]?\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"(?:days?|weeks?|months?|mos?|years?|yrs?|y|quarters?)"
_DURATION = re.compile(
    rf"(?P<num>{_NUM}(?:\s+and\s+a\s+half)?)(?:\s+(?:a|of\s+a|an))?\s*(?P<unit>{_UNIT})\b",
    re.I,
)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MON = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# "early", "mid", "late", "end of" a month: the day the model counts it on.
_PART = r"(?P<part>early|mid|middle\s+of|late|end\s+of|start\s+of|beginning\s+of)"
_PART_DAY = {"early": 1, "start": 1, "beginning": 1, "mid": 15, "middle": 15, "late": 21, "end": 31}
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_WORDS.update({"fourth": 4, "4th": 4})
# A month with no year ("to December", "until mid-March"): resolved against the mission's plan.
_BARE_MONTH = re.compile(rf"\b(?:{_PART}[\s-]*)?(?P<m>{_MON})(?![\w-])(?!\s*,?\s*\d)", re.I)
# Phrases that name no placeable date.
_VAGUE = re.compile(
    r"\b(?P<v>(?:(?:next|this|the\s+following|following|late|early|mid)[\s-]+)?"
    r"(?:summer|winter|spring|autumn|fall|year|month|week)"
    r"|later(?:\s+on)?|some\s*time(?:\s+later)?|soon|eventually|indefinitely|a\s+while)\b",
    re.I,
)
_SEASON_MONTHS = {
    "spring": ("March", "April", "May"),
    "summer": ("June", "July", "August"),
    "autumn": ("September", "October", "November"),
    "fall": ("September", "October", "November"),
    "winter": ("December", "January", "February"),
}

_DATE_FORMS = [
    re.compile(r"(?P<iso>(?:NET\s+)?\d{4}-(?:Q[1-4]|\d{1,2}(?:-\d{1,2})?))\b", re.I),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MON})\s*,?\s*(?P<y>\d{{4}})\b", re.I
    ),
    re.compile(
        rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})\b", re.I
    ),
    re.compile(rf"\b(?:{_PART}[\s-]*)?(?P<m>{_MON})\s*,?\s*(?P<y>\d{{4}})\b", re.I),
    re.compile(r"\bQ(?P<q>[1-4])\s*,?\s*(?P<y>\d{4})\b", re.I),
    re.compile(
        r"\b(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
        r"(?P<y>\d{4})\b",
        re.I,
    ),
    re.compile(r"\b(?:in|by|on|from|until|till|to)\s+(?P<y>\d{4})\b", re.I),
]


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
            return d + dt.timedelta(days=sign * round(months * 30.44))
        days = n * (7 if self.unit == "week" else 1)
        return d + dt.timedelta(days=sign * round(days))

    def days(self) -> float:
        """Approximate length in days (for bounds checks)."""
        per = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}[self.unit]
        return self.amount * per


def add_months(d: dt.date, months: int) -> dt.date:
    """d plus whole months, clamped to the month's last day."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


# --- edits --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthTarget:
    """A month named without a year: the next one after the mission's plan (last one before
    it when the mission moves up), counted on the 1st, or the day "mid/late/end of" says."""

    month: int
    part: str | None  # None | "early" | "mid" | "late" | "end" | ...
    text: str
    direction: int = 1  # -1 when the mission moves up

    def resolve(self, plan: dt.date) -> dt.date:
        """The date meant, relative to the mission's current date."""
        here = (plan.year, plan.month)
        years = range(plan.year - 1, plan.year + 3)
        if self.direction < 0:
            year = max(y for y in years if (y, self.month) < here)
        else:
            year = min(y for y in years if (y, self.month) > here)
        return dt.date(year, self.month, _part_day(self.part, year, self.month))


@dataclass(frozen=True)
class Move:
    """Delay (+) or advance (-) a mission by a duration, or move it to a date."""

    mission: str
    sign: int  # +1 delay, -1 advance, 0 move to a date
    by: Duration | None = None
    to: dt.date | None = None
    month: MonthTarget | None = None  # a month with no year, resolved against the plan
    typed: str = ""  # the target as typed, when it is not an exact day ("Q1 2027")


@dataclass(frozen=True)
class Cancel:
    """Take a mission out of the plan."""

    mission: str


@dataclass(frozen=True)
class AddFlight:
    """A flight of a vehicle arriving on a date with the vehicle's typical load."""

    vehicle: str
    on: dt.date


@dataclass(frozen=True)
class GroundPad:
    """A pad out of use for a duration (or until a date) from a start date."""

    pad: str
    start: dt.date | None  # None: from now
    by: Duration | None = None
    until: dt.date | None = None
    extra: bool = False  # "another 6 months": `by` counts from the pad's recorded reopening
    note: str = ""  # how a generic "the pad" was read


@dataclass(frozen=True)
class CrewChange:
    """The crew size from a date on."""

    crew: int
    since: dt.date | None  # None: from now


@dataclass(frozen=True)
class SetRate:
    """A rate from a date on: water recovery (%), propellant use (kg/yr), oxygen made (kg/d)."""

    name: str  # "water_recovery" | "propellant_per_day" | "oxygen_generation"
    value: float  # in model units (fraction, kg/day, kg/day)
    shown: str
    since: dt.date | None = None


Edit = Move | Cancel | AddFlight | GroundPad | CrewChange | SetRate


@dataclass(frozen=True)
class Scenario:
    """A list of edits plus an optional horizon asked for."""

    edits: tuple[Edit, ...]
    horizon_days: int | None = None


# --- parsing ------------------------------------------------------------------------------

_LEAD = re.compile(
    r"^\s*(?:/?what\s*-?\s*if|what\s+happens\s+if|what\s+would\s+happen\s+if|suppose|imagine"
    r"|assume|scenario|if)\b[:,]?\s*",
    re.I,
)
_TRAIL = re.compile(
    r"\s*(?:,?\s*then\s+what|,?\s*what\s+happens|,?\s*what\s+then"
    # a question about the result after a comma: ", are we ok?", ", how bad is it?"
    r"|,\s*(?:are|is|do|does|would|will|how|can|could|should|what)\b[^,]*)?\s*[?.!]*\s*$",
    re.I,
)
_HORIZON = re.compile(
    rf"\b(?:over|across|horizon(?:\s+of)?|(?:looking|look)\s+ahead)\s+(?:the\s+)?(?:next\s+)?"
    rf"(?P<num>{_NUM})\s+(?P<unit>years?|months?)"
    r"\s*$",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:;|,?\s+and\s+then\s+|,?\s+and\s+|,?\s+plus\s+|,\s*(?=[a-z]))\s*", re.I)

# "flies", "launched", "went up": what a cancelled flight does not do (any tense).
_FLY = (
    r"(?:fl(?:y|ies|ew|own|ying)|launch(?:es|ed|ing)?|happen(?:s|ed)?|go(?:es|ne)?\s+up|went\s+up"
    r"|arrive[sd]?|dock(?:s|ed)?|lift(?:s|ed)?\s+off)"
)
_CANCEL = re.compile(
    r"\b(?:(?:is|are|gets|get|got|was|were|had\s+been|has\s+been|have\s+been|been|is\s+being"
    r"|were\s+being)\s+)?(?:cancel(?:l?ed|s|l?ing)?|scrubbed(?:\s+for\s+good)?|called\s+off"
    r"|scrapped|axed|dropped|lost|fails|failed|explodes|exploded)\b"
    rf"|\b(?:(?:had|has|have|was|were|is|are|did|does|do|would\s+have)\s+)?(?:not|never)\s+(?:been\s+)?{_FLY}\b"
    rf"|\b(?:hadn'?t|hasn'?t|haven'?t|wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t|doesn'?t|don'?t"
    rf"|wouldn'?t\s+have)\s+(?:been\s+)?(?:ever\s+)?{_FLY}\b",
    re.I,
)
_DELAY = re.compile(
    r"\b(?:slips?|slipped|slipping|slides?|slid|delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?"
    r"\s+(?:back|out|right)|moves?\s+(?:back|right|out)|moved\s+(?:back|right|out)"
    r"|is\s+late|was\s+late|runs\s+late|ran\s+late|(?:gets|got|get|been)\s+pushed)\b",
    re.I,
)
_ADVANCE = re.compile(
    r"\b(?:moves?\s+up|moved\s+up|advance[sd]?|brought\s+forward|brings?\s+forward"
    r"|pulled\s+(?:in|forward|up)|pulls?\s+(?:in|forward|up)|moves?\s+(?:forward|earlier|left)"
    r"|moved\s+(?:forward|earlier|left)|comes?\s+(?:early|earlier|forward)|flies\s+earlier"
    r"|launch(?:es)?\s+earlier|earlier)\b",
    re.I,
)
_MOVE_TO = re.compile(
    r"\b(?:moves?|moved|is\s+moved|flies|launch(?:es)?|is\s+rescheduled|rescheduled"
    r"|goes|slips?|slipped|slides?|slid|delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?|advanced"
    r"|arrives?|arrived|docks?|docked|(?:moves?|moved|brought|pulled)\s+(?:up|forward|back|out))"
    r"\s+(?:to|on|in|into|until|till)\b",
    re.I,
)
_OUT = (
    r"(?:down|closed|shut|grounded|out(?:\s+of\s+(?:action|service|use))?|offline|broken|damaged"
    r"|destroyed|unusable|unavailable|under\s+repair|out\s+of\s+commission)"
)
_GROUND = re.compile(
    rf"\b(?:(?:had\s+|would\s+have\s+)?(?:stays?|stayed|remains?|remained|been|is|are|was|were|be"
    rf"|gets?|got|goes|went)\s+{_OUT}|(?:gets\s+|got\s+|been\s+)?grounded|ground|closes?|closed"
    r"|shut\s+down|down|unavailable|offline|broken|out\s+of\s+(?:action|service))\b",
    re.I,
)
# Past forms: the pad's closure counts from its recorded damage.
_PAST = re.compile(
    r"\b(?:stay|stays|stayed|remain|remains|remained|had|was|were|been|would\s+have)\b", re.I
)
# "another 6 months", "6 more months", "6 months longer": past the recorded reopening.
_EXTRA = re.compile(r"\b(?:another|an\s+extra|extra|more|longer|further|additional)\b", re.I)
_ADD = re.compile(
    r"^(?:(?:we\s+)?add(?:ing)?\s+(?:an?\s+|one\s+|another\s+)?(?:extra\s+)?|an?\s+(?:extra\s+|additional\s+)?"
    r"|another\s+|one\s+more\s+|an?\s+new\s+|extra\s+)(?P<veh>.+?)\s*(?:cargo\s+)?"
    r"(?:flight|mission|launch)?\s*(?:flies|launches|flew|arrives|docks|is\s+added|goes\s+up)?\s*"
    r"(?:on|in|by|at)\s+(?P<when>.+)$",
    re.I,
)
_CREW = re.compile(
    rf"\bcrew\b(?:\s+(?:size|count))?\s*(?:is|of|at|becomes|drops\s+to|falls\s+to|goes\s+(?:up|down)\s+to"
    rf"|rises\s+to|grows\s+to|shrinks\s+to|reduced\s+to|increased\s+to|cut\s+to|=|:)?\s*"
    rf"(?:only\s+)?(?P<n>{_NUM}|-\d+)\b"
    rf"|(?P<n2>{_NUM}|-\d+)\s+(?:crew(?:\s+members)?|people|astronauts|aboard|on\s+board)\b",
    re.I,
)
_RECOVERY = re.compile(
    r"\b(?:water\s+)?(?:recovery|recycling)(?:\s+rate)?\b.*?(?P<v>-?\d+(?:\.\d+)?)\s*%", re.I
)
_PROPELLANT = re.compile(
    r"\b(?:propellant|fuel)\s+(?:use|usage|consumption|burn)\b.*?(?P<v>-?\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<u>t|tonnes?|tons?|kg)?",
    re.I,
)
_OXYGEN = re.compile(
    r"\b(?:oxygen\s+generat\w*|ogs|elektron|oxygen\s+generator)\b.*?(?:(?P<v>\d+(?:\.\d+)?)\s*kg"
    r"|(?P<off>fails|failed|stops|broken|down|off|dies|is\s+lost))",
    re.I,
)
# A pad named generically: "the pad", "the launch pad", "the site".
_GENERIC_PAD = re.compile(r"(?:the\s+|that\s+|our\s+)?(?:launch\s*)?(?:pad|site)", re.I)
_FROM = re.compile(r"\b(?:from|since|starting|beginning|as\s+of|after|on)\b\s+(?P<rest>.+)$", re.I)
_FOR = re.compile(r"\bfor\s+(?P<rest>.+)$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|through|to)\s+(?P<rest>.+)$", re.I)
_SUBJECT_FILLER = re.compile(
    r"\b(?:the|if|is|are|was|were|had|has|have|been|gets|got|would|will|does|did|to|by|be|should"
    r"|both|either|all|also|too)\b",
    re.I,
)


def number(text: str) -> float | None:
    """A number written as digits or words ("6", "six", "a", "half")."""
    t = text.strip().lower().replace("−", "-").replace(",", "")
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")].strip()
    try:
        v = float(t)
    except ValueError:
        w = _NUMBER_WORDS.get(t)
        if w is None:
            return None
        v = float(w)
    return v + 0.5 if half else v


def parse_duration(text: str) -> Duration | None:
    """The first duration in text ("6 months", "two years", "-9999 years"), or None."""
    m = _DURATION.search(text)
    if not m:
        return None
    n = number(m["num"])
    if n is None:
        return None
    u = m["unit"].lower()
    unit = (
        "day"
        if u.startswith("d")
        else "week"
        if u.startswith("w")
        else "month"
        if u.startswith("mo")
        else "quarter"
        if u.startswith("q")
        else "year"
    )
    if unit == "quarter":
        unit, n = "month", n * 3
    return Duration(n, unit, m.group(0).strip())


def parse_date(text: str) -> dt.date | None:
    """The first date in text, as the first day it could mean; None when there is none."""
    got = parse_date_typed(text)
    return got[0] if got else None


def parse_date_typed(text: str) -> tuple[dt.date, str] | None:
    """The first date in text and the words that gave it ("mid-March 2027")."""
    for form in _DATE_FORMS:
        m = form.search(text)
        if not m:
            continue
        g = m.groupdict()
        try:
            typed = re.sub(
                r"^(?:in|by|on|from|until|till|to)\s+", "", m.group(0).strip(), flags=re.I
            )
            if g.get("iso"):
                return FuzzyDate.parse(g["iso"]).start, typed
            year = int(g["y"])
            if g.get("q") or g.get("qw"):
                q = int(g["q"]) if g.get("q") else _QUARTER_WORDS[g["qw"].lower()]
                return dt.date(year, 3 * q - 2, 1), typed
            month = _MONTHS[g["m"].lower().rstrip(".")] if g.get("m") else 1
            day = int(g["d"]) if g.get("d") else _part_day(g.get("part"), year, month)
            return dt.date(year, month, day), typed
        except (FuzzyDateError, ValueError, KeyError):
            raise ScenarioError(m.group(0), f"“{m.group(0).strip()}” is not a valid date") from None
    return None


def _part_day(part: str | None, year: int, month: int) -> int:
    """The day "early/mid/late/end of" a month is counted on (the 1st when no part is said)."""
    if not part:
        return 1
    day = _PART_DAY[part.split()[0].lower()]
    return min(day, calendar.monthrange(year, month)[1])


def month_target(text: str, direction: int = 1) -> MonthTarget | None:
    """A month named without a year ("to December", "until mid-March"), or None."""
    m = _BARE_MONTH.search(text)
    if not m:
        return None
    month = _MONTHS[m["m"].lower().rstrip(".")]
    part = m["part"].split()[0].lower() if m["part"] else None
    typed = f"{m['part']}-" if m["part"] and m["part"].lower() == "mid" else m["part"] or ""
    typed += ("" if not typed or typed.endswith("-") else " ") + calendar.month_name[month]
    return MonthTarget(month, part, typed, direction)


def vague_error(text: str) -> ScenarioError | None:
    """A clear refusal for a time phrase too vague to place ("next summer", "later")."""
    m = _VAGUE.search(text)
    if not m:
        return None
    phrase = m["v"]
    season = next((s for s in _SEASON_MONTHS if s in phrase.lower()), None)
    sugg = tuple(
        Suggestion(f"mid-{mon}", f"mid-{mon}") for mon in _SEASON_MONTHS.get(season or "", ())
    )
    return ScenarioError(
        phrase,
        f"“{phrase}” is too vague to place on the calendar: say a month (“to July 2027”, or "
        "“to July” for the next July after its plan), a quarter (“to Q3 2027”), a date (“to "
        "2027-07-15”) or a length (“by 6 months”)",
        sugg,
    )


def clean(text: str) -> str:
    """The message without its "what if" lead and "then what" tail."""
    t = text.strip()
    for _ in range(3):
        t2 = _LEAD.sub("", t)
        if t2 == t:
            break
        t = t2
    return _TRAIL.sub("", t).strip()


def split(text: str) -> tuple[str, int | None]:
    """Clauses of a cleaned scenario, and a horizon in days when one is asked for."""
    horizon: int | None = None
    m = _HORIZON.search(text)
    if m:
        n = number(m["num"])
        if n is not None and n > 0:
            horizon = round(n * (365.25 if m["unit"].lower().startswith("y") else 30.44))
            text = text[: m.start()].strip()
    return text, horizon


def clauses(text: str) -> list[str]:
    """One clause per edit ("both"/"either" before a list dropped)."""
    out = [c.strip(" ,;") for c in _SPLIT.split(text) if c and c.strip(" ,;")]
    return [re.sub(r"^(?:both|either)\s+", "", c, flags=re.I) for c in out]


def _predicate(c: str) -> str | None:
    """The clause from its verb on ("are cancelled", "slip 2 months"), or None without one."""
    starts = [
        m.start() for r in (_CANCEL, _DELAY, _ADVANCE, _MOVE_TO, _GROUND) if (m := r.search(c))
    ]
    return c[min(starts) :] if starts else None


@dataclass(frozen=True)
class Parser:
    """Parses clauses into edits, resolving names against the fact base."""

    resolver: Resolver

    def parse(self, text: str) -> Scenario:
        """A Scenario from a whole message; ScenarioError naming the part that is wrong."""
        body, horizon = split(clean(text))
        if not body:
            raise ScenarioError(
                text, "say what changes, e.g. “what if Progress MS-33 slips 6 months”"
            )
        parts = clauses(body)
        if len(parts) > MAX_EDITS:
            raise ScenarioError(
                body, f"that is {len(parts)} changes; a scenario takes at most {MAX_EDITS}"
            )
        return Scenario(tuple(self.clause(p) for p in self.distribute(parts)), horizon)

    def distribute(self, parts: list[str]) -> list[str]:
        """Give a bare name the verb of the next clause that has one: "MS-33 and CRS-35 are
        cancelled" -> "MS-33 cancelled", "CRS-35 are cancelled"."""
        out = []
        for i, p in enumerate(parts):
            if _predicate(p) is None and self.resolver.find(p, ("mission", "pad")) is not None:
                pred = next((q for q in map(_predicate, parts[i + 1 :]) if q is not None), None)
                if pred is not None:
                    p = f"{p} {pred}"
            out.append(p)
        return out

    def clause(self, c: str) -> Edit:
        """One edit from one clause."""
        for attempt in (
            self._rate,
            self._crew,
            self._add,
            self._cancel,
            self._ground,
            self._move,
        ):
            edit = attempt(c)
            if edit is not None:
                return edit
        # A bare name: say what we can do with it.
        found = self.resolver.find(c, ("mission", "pad", "vehicle"))
        if found is not None:
            raise ScenarioError(
                c,
                f"what happens to {self.resolver.name(found[0])}? Say e.g. “slips 3 months”, "
                "“is cancelled”, “moves up a month”, or for a pad “stays down for a year”",
            )
        raise ScenarioError(
            c,
            "I can model: a mission slipping, moving up or being cancelled; a flight added on a "
            "date; a pad down for a while; the crew size from a date; water recovery or "
            "propellant use changing",
        )

    # -- each kind --------------------------------------------------------------------------

    def _rate(self, c: str) -> Edit | None:
        m = _RECOVERY.search(c)
        if m:
            v = float(m["v"])
            if not 0 <= v <= 100:
                raise ScenarioError(
                    m.group(0), f"water recovery of {v:g}% is not between 0 and 100%"
                )
            return SetRate(
                "water_recovery", v / 100.0, f"water recovery {v:g}%", self._since(c, m.end())
            )
        m = _PROPELLANT.search(c)
        if m:
            v = float(m["v"].replace(",", ""))
            unit = (m["u"] or "kg").lower()
            kg = v * (1000.0 if unit.startswith("t") else 1.0)
            if not 0 <= kg <= 50_000:
                raise ScenarioError(
                    m.group(0), f"propellant use of {kg:,.0f} kg a year is outside 0-50,000"
                )
            return SetRate(
                "propellant_per_day",
                kg / 365.0,
                f"propellant use {kg:,.0f} kg/yr",
                self._since(c, m.end()),
            )
        m = _OXYGEN.search(c)
        if m:
            if m["off"]:
                return SetRate(
                    "oxygen_generation", 0.0, "no oxygen made aboard", self._since(c, m.end())
                )
            v = float(m["v"])
            if v > 50:
                raise ScenarioError(m.group(0), f"{v:g} kg of oxygen a day is not plausible")
            return SetRate(
                "oxygen_generation", v, f"oxygen made aboard {v:g} kg/day", self._since(c, m.end())
            )
        return None

    def _since(self, c: str, after: int) -> dt.date | None:
        m = _FROM.search(c[after:]) or _FROM.search(c)
        return parse_date(m["rest"]) if m else None

    def _crew(self, c: str) -> Edit | None:
        m = _CREW.search(c)
        if not m:
            return None
        raw = m["n"] or m["n2"]
        n = number(raw)
        if n is None:
            return None
        if n < 0 or not float(n).is_integer():
            raise ScenarioError(raw, f"a crew of {raw} makes no sense")
        if n > MAX_CREW:
            raise ScenarioError(
                raw, f"a crew of {int(n)} is not possible: the model allows 0-{MAX_CREW} aboard"
            )
        rest = c[m.end() :]
        fm = _FROM.search(rest) or _FROM.search(c[: m.start()])
        since = parse_date(fm["rest"]) if fm else parse_date(rest)
        return CrewChange(int(n), since)

    def _add(self, c: str) -> Edit | None:
        m = _ADD.match(c)
        if not m:
            return None
        veh_text = m["veh"]
        found = self.resolver.find(veh_text, ("vehicle",))
        if found is None:
            mission = self.resolver.find(veh_text, ("mission",))
            if mission is not None:
                return None  # "a CRS-35 flies on ..." reads as a move
            raise ScenarioError(
                veh_text,
                f"“{veh_text}” is not a vehicle I know",
                self.resolver.suggest(veh_text, ("vehicle",)),
            )
        vid = found[0]
        veh = self.resolver.kb.vehicles[vid]
        if veh.kind not in ("cargo-spacecraft", "spaceplane", "crew-spacecraft"):
            raise ScenarioError(
                veh_text,
                f"{veh.name} is a {veh.kind.replace('-', ' ')}; add a flight of a cargo ship "
                "(Progress, Dragon, Cygnus, HTV-X)",
            )
        when = parse_date(m["when"])
        if when is None:
            raise ScenarioError(m["when"], "give the flight's date, e.g. “on 2026-09-01”")
        return AddFlight(vid, when)

    def _cancel(self, c: str) -> Edit | None:
        m = _CANCEL.search(c)
        if not m:
            return None
        subject = _subject(c, m.start(), m.end())
        return Cancel(self._mission(subject))

    def _ground(self, c: str) -> Edit | None:
        m = _GROUND.search(c)
        if not m:
            return None
        subject = _subject(c, m.start(), m.end(), drop_amounts=True)
        if not subject:
            return None
        note = ""
        if _GENERIC_PAD.fullmatch(subject):
            rid, note = self._the_pad(subject)
            found: tuple[str, str] | None = (rid, "pad")
        else:
            found = self.resolver.find(subject, ("pad", "vehicle", "mission"))
        if found is None:
            looks_like_pad = re.search(r"\b(?:pad|site|lc|slc|complex|31)\b", c, re.I)
            if not looks_like_pad:
                return None
            raise ScenarioError(
                subject,
                f"“{subject}” is not a pad I know",
                self.resolver.suggest(subject, ("pad",)),
            )
        rid, kind = found
        if kind == "vehicle":
            raise self._vehicle_grounded(subject, rid, c)
        if kind == "mission":
            if _DELAY.search(c) or _ADVANCE.search(c) or _MOVE_TO.search(c):
                return None
            raise ScenarioError(
                subject,
                f"{self.resolver.name(rid)} is a mission, not a pad: say it “slips 3 months” or "
                "“is cancelled”",
            )
        rest = c[m.end() :]
        until_m = _UNTIL.search(rest)
        until = parse_date(until_m["rest"]) if until_m else None
        dur = parse_duration(rest)
        if until is None and dur is None:
            dur = parse_duration(c)
        if until is None and dur is None:
            raise ScenarioError(c, "say for how long the pad is down, e.g. “for 6 months”")
        if dur is not None:
            _check_duration(dur)
        extra = dur is not None and until is None and bool(_EXTRA.search(c))
        start = None
        fm = _FROM.search(rest)
        if fm:
            start = parse_date(fm["rest"])
        if start is None and (extra or _PAST.search(c[: m.end()])):
            start = last_damage(self.resolver.kb, rid)
        return GroundPad(rid, start, None if until else dur, until, extra, note)

    def _the_pad(self, subject: str) -> tuple[str, str]:
        """“The pad” with no name: the one pad damaged or under repair, else the most recently
        damaged one; else ask which."""
        kb = self.resolver.kb
        out = [p for p in kb.pads.values() if p.status in ("damaged", "under-repair")]
        if len(out) == 1:
            pad = out[0]
            return pad.id, f"“{subject}” taken as {pad.name}, the one pad recorded as {pad.status}"
        if not out:
            damaged = {pid: d for pid in kb.pads if (d := last_damage(kb, pid)) is not None}
            if damaged:
                latest = max(damaged.values())
                ids = [pid for pid, d in damaged.items() if d == latest]
                if len(ids) == 1:
                    pad = kb.pads[ids[0]]
                    return pad.id, (
                        f"“{subject}” taken as {pad.name}, the most recently damaged pad "
                        f"(damaged {latest.isoformat()})"
                    )
        pads = out or list(kb.pads.values())
        raise ScenarioError(
            subject,
            f"which pad? “{subject}” could be any of {len(pads)}; name it, e.g. “pad 31/6”",
            tuple(Suggestion(p.name, p.name, p.id) for p in pads[:5]),
        )

    def _vehicle_grounded(self, subject: str, rid: str, c: str) -> ScenarioError:
        """The refusal for grounding a vehicle, with the edits the model can run instead."""
        kb = self.resolver.kb
        veh = kb.vehicles[rid]
        dur = parse_duration(c)
        span = dur.text if dur is not None else "6 months"
        pads = [kb.pads[p] for p in veh.pads if p in kb.pads]
        planned = sorted(
            (
                m
                for m in kb.missions.values()
                if m.vehicle == rid and m.status in ("planned", "postponed") and delivers(m, veh)
            ),
            key=lambda m: (arrival_date(m) or dt.date.max, m.id),
        )
        sugg = [
            Suggestion(
                f"{p.name} down {span}", f"what if {self._pad_name(p)} is down for {span}", p.id
            )
            for p in pads[:2]
        ]
        sugg += [
            Suggestion(f"{m.name} slips {span}", f"what if {m.name} slips {span}", m.id)
            for m in planned[:2]
        ]
        sugg += [
            Suggestion(f"{m.name} cancelled", f"what if {m.name} is cancelled", m.id)
            for m in planned[:1]
        ]
        pad_names = ", ".join(p.name for p in pads) or "its pad"
        return ScenarioError(
            subject,
            f"{veh.name} is a vehicle, not a pad: the model cannot ground a vehicle. It can "
            f"close its pad ({pad_names}) for a while, or slip or cancel its missions; pick one "
            "below",
            tuple(sugg[:5]),
            refusal=True,
        )

    def _pad_name(self, pad: Pad) -> str:
        """The shortest name that finds the pad again ("SLC-40"), else its full name."""
        short = _short(pad)
        return short if self.resolver.find(short, ("pad",)) == (pad.id, "pad") else pad.name

    def _move(self, c: str) -> Edit | None:
        m = _ADVANCE.search(c)
        sign = -1
        if m is None:
            m = _DELAY.search(c)
            sign = 1
        to_m = _MOVE_TO.search(c)
        if m is None and to_m is None:
            return None
        direction = sign if m is not None else 1
        if to_m is not None and re.search(r"\b(?:up|forward)\b", to_m.group(0), re.I):
            direction = -1
        if m is None:
            assert to_m is not None
            m = to_m
            sign = 0
        subject = _subject(c, m.start(), m.end(), drop_amounts=True)
        mission = self._mission(subject)
        rest = c[m.end() :]
        if to_m is not None and to_m.start() >= m.start():
            target = c[to_m.end() :]
            got = parse_date_typed(target)
            if got is not None:
                return Move(mission, 0, None, got[0], typed=got[1])
            month = month_target(target, direction)
            if month is not None:
                return Move(mission, 0, None, None, month, month.text)
            vague = vague_error(target)
            if vague is not None:
                raise vague
        dur = parse_duration(rest) or parse_duration(c)
        if dur is None:
            got = parse_date_typed(rest)
            if got is not None:
                return Move(mission, 0, None, got[0], typed=got[1])
            vague = vague_error(rest)
            if vague is not None:
                raise vague
            raise ScenarioError(
                c,
                "say by how long (“by 6 months”) or to when (“to 2026-09-01”, “to December”, "
                "“to mid-March 2027”, “to Q1 2027”)",
            )
        if sign == 0:
            raise ScenarioError(c, "say whether it moves later (slips) or earlier (moves up)")
        _check_duration(dur)
        return Move(mission, sign, dur, None)

    def _mission(self, subject: str) -> str:
        if not subject:
            raise ScenarioError(subject, "which mission? e.g. “Progress MS-33 slips 6 months”")
        found = self.resolver.find(subject, ("mission",))
        if found is not None:
            return found[0]
        other = self.resolver.find(subject, ("vehicle", "pad"))
        if other is not None:
            rid, kind = other
            if kind == "vehicle":
                raise ScenarioError(
                    subject,
                    f"{self.resolver.name(rid)} is a vehicle; name one of its missions "
                    "(e.g. Progress MS-33), or say “a Progress flies on 2026-09-01”",
                    self.resolver.suggest(subject, ("mission",)),
                )
            raise ScenarioError(
                subject,
                f"{self.resolver.name(rid)} is a pad; say e.g. “it stays down for 6 months”",
            )
        raise ScenarioError(
            subject,
            f"I don't know a mission called “{subject}”",
            self.resolver.suggest(subject, ("mission",)),
        )


def _subject(c: str, start: int, end: int, drop_amounts: bool = False) -> str:
    """The name a verb is about: the words before it, else the words after it."""
    before = _SUBJECT_FILLER.sub(" ", c[:start])
    before = re.sub(r"\s+", " ", before).strip(" ,")
    if before:
        return before
    after = c[end:]
    after = re.split(
        rf"\b(?:by|for|to|until|till|on|from|in)\b|{_NUM}\s*{_UNIT}", after, maxsplit=1, flags=re.I
    )[0]
    after = _SUBJECT_FILLER.sub(" ", after)
    return re.sub(r"\s+", " ", after).strip(" ,")


def _check_duration(dur: Duration) -> None:
    if dur.amount < 0:
        raise ScenarioError(
            dur.text,
            f"“{dur.text}” is negative; to move a flight earlier say “moves up by …”",
        )
    if dur.amount == 0:
        raise ScenarioError(dur.text, f"“{dur.text}” changes nothing")
    if dur.days() > MAX_HORIZON_DAYS:
        raise ScenarioError(dur.text, f"“{dur.text}” is longer than the model's 10-year horizon")


def _short(pad: Pad) -> str:
    """A pad's short name: the shortest alias its name ends with ("SLC-40"), else its name."""
    names = sorted(
        (a for a in pad.aliases if pad.name.endswith(" " + a) and re.search(r"[a-z]", a, re.I)),
        key=len,
    )
    return names[0] if names else pad.name


def last_damage(kb: KnowledgeBase, pad_id: str) -> dt.date | None:
    """The pad's most recent recorded damage (history or current status), or None."""
    pad = kb.pads.get(pad_id)
    if pad is None:
        return None
    hits = [e.date.start for e in pad.history if "damag" in e.kind or "damag" in e.what.lower()]
    if pad.status in ("damaged", "under-repair") and pad.status_since is not None:
        hits.append(pad.status_since.start)
    return max(hits) if hits else None


def reopened(kb: KnowledgeBase, pad_id: str, since: dt.date) -> dt.date | None:
    """When the pad was recorded back in use after `since` (repaired, else active again)."""
    pad = kb.pads.get(pad_id)
    if pad is None:
        return None
    hits = [
        e.date.start
        for e in pad.history
        if e.kind in ("repaired", "reopened", "returned-to-service") and e.date.start > since
    ]
    if hits:
        return min(hits)
    if pad.status == "active" and pad.status_since is not None and pad.status_since.start > since:
        return pad.status_since.start
    return None


# --- applying -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Applied:
    """The scenario plan plus a line per edit saying what it did."""

    plan: Plan
    lines: tuple[str, ...]
    entities: tuple[str, ...]
    counterfactual: tuple[str, ...]  # missions edited that already flew by `now`
    latest: dt.date  # the latest date the edits touch (for the horizon)
    closures: tuple[tuple[str, dt.date, dt.date], ...] = ()  # (pad, down from, reopens)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def min_spacing(kb: KnowledgeBase, vehicle: str) -> int:
    """Smallest gap in days between two recorded flights of a vehicle (derived; at least 1)."""
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


def apply(
    scenario: Scenario,
    plan: Plan,
    flights: Sequence[Delivery],
    kb: KnowledgeBase,
    params: Params,
    now: dt.date,
    resolver: Resolver,
) -> Applied:
    """The plan with every edit applied (pad groundings last, so they affect added flights)."""
    start = params.stock_date
    limit = start + dt.timedelta(days=MAX_HORIZON_DAYS)
    today = max(now, start)
    deliveries = {d.key: d for d in plan.deliveries}
    known = {d.key: d for d in flights}
    crew = list(plan.crew)
    rates: list[RateChange] = list(plan.rate_changes)
    lines: list[str] = []
    entities: list[str] = []
    counterfactual: list[str] = []
    latest = today
    added = 0
    closures: list[tuple[str, dt.date, dt.date]] = []

    def in_range(d: dt.date, what: str, part: str) -> None:
        if d < start or d > limit:
            raise ScenarioError(
                part,
                f"{what} ({_iso(d)}) is outside the model's range: {_iso(start)} (the stock "
                f"estimate's date) to {_iso(limit)}",
            )

    ordered: list[Edit] = [e for e in scenario.edits if not isinstance(e, GroundPad)]
    ordered += [e for e in scenario.edits if isinstance(e, GroundPad)]
    for e in ordered:
        if isinstance(e, Move | Cancel):
            mission = kb.missions[e.mission]
            name = mission.name
            entities.append(e.mission)
            cur = deliveries.get(e.mission) or known.get(e.mission)
            if cur is None:
                if mission.status in ("cancelled", "failed"):
                    raise ScenarioError(
                        name, f"{name} is recorded as {mission.status}: it delivers nothing to move"
                    )
                raise ScenarioError(
                    name, f"{name} carries nothing the model tracks (no cargo flight to the ISS)"
                )
            if e.mission not in deliveries and cur.date >= start:
                raise ScenarioError(name, f"{name} is already cancelled in this scenario")
            if e.mission not in deliveries:
                raise ScenarioError(
                    name,
                    f"{name} arrived on {_iso(cur.date)}, before the model's start "
                    f"({_iso(start)}, the stock estimate's date): its cargo is already in the "
                    "estimated stock, so the model cannot replay it",
                )
            if mission.status in ("launched", "docked", "completed"):
                counterfactual.append(e.mission)
            placed = placed_plan(mission)
            if isinstance(e, Cancel):
                del deliveries[e.mission]
                was = (
                    f"planned only as “{placed.text()}”; the model had it at mid-{placed.text()}, "
                    f"{_iso(cur.date)}, an assumption"
                    if placed is not None
                    else f"was due {_iso(cur.date)}"
                )
                lines.append(f"{name} cancelled ({was})")
                continue
            target = ""
            if e.month is not None:
                new = e.month.resolve(cur.date)
                which = "last" if e.month.direction < 0 else "next"
                target = (
                    f" to {e.typed} (no year given: the {which} {calendar.month_name[new.month]} "
                    f"{'before' if which == 'last' else 'after'} its plan; counted on {_iso(new)})"
                )
                in_range(new, f"the new date for {name}", e.typed)
            elif e.to is not None:
                new = e.to
                if e.typed and e.typed != _iso(new):
                    target = f" to {e.typed} (counted on {_iso(new)})"
                in_range(new, f"the new date for {name}", e.typed or name)
            else:
                assert e.by is not None
                new = e.by.add_to(cur.date, e.sign)
                if new < start:
                    raise ScenarioError(
                        e.by.text,
                        f"moving {name} up {e.by.text} puts it on {_iso(new)}, before the model's "
                        f"start ({_iso(start)}, the stock estimate's date)",
                    )
                in_range(new, f"the new date for {name}", e.by.text)
            deliveries[e.mission] = replace(cur, date=new)
            latest = max(latest, new)
            verb = "slips" if new > cur.date else "moves up" if new < cur.date else "moves"
            by = f" {e.by.text}" if e.by is not None else ""
            old = _iso(cur.date)
            if placed is not None:
                old += f" (the model's mid-{placed.text()} placement of “{placed.text()}”)"
            lines.append(f"{name} {verb}{by}{target}: {old} → {_iso(new)}")
        elif isinstance(e, AddFlight):
            in_range(e.on, "the added flight", e.on.isoformat())
            veh = kb.vehicles[e.vehicle]
            added += 1
            key = f"added-{added}"
            pad = veh.pads[0] if veh.pads else None
            amounts = load_of(params, veh, None)
            deliveries[key] = Delivery(key, f"extra {veh.name}", e.vehicle, pad, e.on, amounts)
            entities.append(e.vehicle)
            latest = max(latest, e.on)
            what = (
                ", ".join(f"{v:,.0f} kg {k}" for k, v in amounts.items() if v > 0)
                or "nothing the model tracks"
            )
            lines.append(f"Extra {veh.name} on {_iso(e.on)} ({what})")
        elif isinstance(e, CrewChange):
            since = e.since or today
            in_range(since, "the crew change", str(e.crew))
            crew = [(d, n) for d, n in crew if d < since] + [(since, e.crew)]
            latest = max(latest, since)
            lines.append(f"Crew of {e.crew} from {_iso(since)} on")
        elif isinstance(e, SetRate):
            since = e.since or today
            in_range(since, "the rate change", e.shown)
            rates.append(RateChange(since, e.name, e.value))
            latest = max(latest, since)
            lines.append(f"{e.shown[0].upper()}{e.shown[1:]} from {_iso(since)} on")
        else:
            pad_rec = kb.pads[e.pad]
            down = e.start or today  # as recorded or asked (may be before the model's start)
            gstart = max(down, start)  # the model cannot close the pad before its start
            why = ""
            if e.start is not None and e.start == last_damage(kb, e.pad):
                why = " (from its recorded damage)"
            if e.extra and e.by is not None:
                base = reopened(kb, e.pad, down)
                reopen = e.by.add_to(base or today)
                why += (
                    f"; {e.by.text} past its recorded repair ({_iso(base)})"
                    if base is not None
                    else f"; {e.by.text} from today"
                )
            elif e.until is not None:
                reopen = e.until
            else:
                reopen = e.by.add_to(down) if e.by else down
            in_range(reopen, f"{pad_rec.name} reopening", pad_rec.name)
            if reopen <= gstart:
                raise ScenarioError(
                    pad_rec.name,
                    f"{pad_rec.name} would reopen ({_iso(reopen)}) before it closes "
                    f"({_iso(gstart)})",
                )
            entities.append(e.pad)
            closures.append((e.pad, gstart, reopen))
            at_pad = sorted(
                (d for d in deliveries.values() if d.pad == e.pad and d.date >= gstart),
                key=lambda d: (d.date, d.key),
            )
            last: dict[str, dt.date] = {}
            moved: list[str] = []
            for d in at_pad:
                new = max(d.date, reopen)
                prev = last.get(d.vehicle)
                if prev is not None:
                    new = max(new, prev + dt.timedelta(days=min_spacing(kb, d.vehicle)))
                last[d.vehicle] = new
                if new != d.date:
                    deliveries[d.key] = replace(d, date=new)
                    moved.append(f"{d.label} {_iso(d.date)} → {_iso(new)}")
                    if d.mission:
                        entities.append(d.mission)
                latest = max(latest, new)
            latest = max(latest, reopen)
            if down < start:
                why += f"; modelled from {_iso(start)}, the model's start"
            head = f"{pad_rec.name} down {_iso(down)} → {_iso(reopen)}{why}"
            if e.note:
                lines.append(e.note)
            lines.append(
                head + (": " + "; ".join(moved) if moved else ": no recorded flight moves")
            )
    new_plan = Plan(
        tuple(sorted(deliveries.values(), key=lambda d: (d.date, d.key))),
        tuple(sorted(crew)),
        tuple(rates),
    )
    return Applied(
        new_plan,
        tuple(lines),
        tuple(dict.fromkeys(entities)),
        tuple(dict.fromkeys(counterfactual)),
        latest,
        tuple(closures),
    )
