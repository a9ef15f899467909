"""Scenario text -> edits: one edit per clause, names resolved against the fact base.

Clauses are split at "and", "plus", ";" and commas ("MS-33 slips 4 months and CRS-35 moves up
a month"); a bare name takes the verb of the next clause ("both MS-33 and CRS-35 are
cancelled"). Each clause is tried, in order, as: a rate change, a crew change, an added
flight, a supply gap ("no Russian cargo until June"), a lost flight ("we lose the next
Progress", "MS-34 blew up"), a pad or vehicle held ("the soyuz pad is out for a year",
"dragon is grounded"), and a flight moved ("CRS-35 slips 3 months"). Verbs are read in any
tense and negated; a past pad closure counts from its recorded damage, "another 6 months"
from its recorded repair. Every number in a clause must be read by the edit it becomes, or the
clause is refused naming the number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from commands.reply import Suggestion
from commands.whatif.edits import (
    AddFlight,
    Cancel,
    CrewChange,
    Duration,
    Edit,
    FlightRef,
    Hold,
    MonthTarget,
    Move,
    Scenario,
    SetRate,
)
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import (
    HORIZON,
    NUMBER,
    Found,
    check_numbers,
    find_date,
    find_duration,
    find_month,
    find_year_end,
    number,
    numeric_tokens,
    vague_error,
)
from commands.whatif.model import MAX_HORIZON_DAYS
from commands.whatif.projection import short_name
from commands.whatif.resolve import Resolver
from commands.whatif.trigger import strip_lead
from knowledge.pads import last_closure, last_damage, out_of_use

MAX_EDITS = 20
MAX_CREW = 13
NextFlights = Callable[[str, int], list[FlightRef]]  # a vehicle's next n flights

_UNIT_AHEAD = r"(?:[\s-]*(?:days?|weeks?|months?|years?|quarters?)\b|\s+a\s+half\b)"
_SPLIT = re.compile(
    rf"\s*(?:;|,?\s+and\s+then\s+|,?\s+and\s+(?!{NUMBER}{_UNIT_AHEAD}|a\s+half\b)"
    rf"|,?\s+plus\s+(?!{NUMBER}{_UNIT_AHEAD})|,\s*(?=[a-z]))\s*",
    re.I,
)
_FLY = (
    r"(?:fl(?:y|ies|ew|own|ying)|launch(?:es|ed|ing)?|happen(?:s|ed)?|go(?:es|ne)?\s+up|went\s+up"
    r"|arrive[sd]?|dock(?:s|ed)?|lift(?:s|ed)?\s+off|make\s+it|made\s+it)"
)
_CANCEL = re.compile(
    r"\b(?:(?:is|are|gets|get|got|was|were|had\s+been|has\s+been|have\s+been|been|is\s+being"
    r"|were\s+being)\s+)?(?:cancel(?:l?ed|s|l?ing)?|scrubbed(?:\s+for\s+good)?|called\s+off"
    r"|scrapped|axed|dropped|lost|fails|failed|explodes|exploded|blows\s+up|blew\s+up|blown\s+up"
    r"|destroyed|crash(?:es|ed)|goes\s+boom|went\s+boom)\b"
    r"|\b(?:we\s+|they\s+)?(?:lose|loses|losing|scrub|scrubs|cancel|scrap|axe|drop)\b"
    rf"|\b(?:(?:had|has|have|was|were|is|are|did|does|do|would\s+have)\s+)?(?:not|never)\s+"
    rf"(?:been\s+)?{_FLY}\b"
    rf"|\b(?:hadn'?t|hasn'?t|haven'?t|wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t|doesn'?t|don'?t"
    rf"|won'?t|wouldn'?t\s+have)\s+(?:been\s+)?(?:ever\s+)?{_FLY}\b"
    r"|\blaunch\s+(?:fails|failed|failure)\b|\bfails?\s+(?:on|at)\s+launch\b",
    re.I,
)
_DELAY = re.compile(
    r"\b(?:slips?|slipped|slipping|slides?|slid|delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?"
    r"\s+(?:back|out|right)|moves?\s+(?:back|right|out)|moved\s+(?:back|right|out)"
    r"|(?:gets|got|get|been)\s+pushed|is\s+pushed|was\s+pushed"
    # "is late", "is 2 months late", "arrives a month late"
    rf"|(?:is|was|runs?|ran|comes?|came|arrives?|arrived|goes|went|flies|flew)\s+"
    rf"(?:{NUMBER}[\s-]*(?:days?|weeks?|months?|years?)\s+)?late)\b",
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
    r"(?:down|closed|shut|grounded|out(?:\s+of\s+(?:action|service|use|commission))?|offline"
    r"|broken|damaged|destroyed|wrecked|unusable|unavailable|under\s+repair|stood\s+down"
    r"|knocked\s+out|blown\s+up)"
)
_GROUND = re.compile(
    rf"\b(?:(?:had\s+|would\s+have\s+)?(?:stays?|stayed|remains?|remained|been|is|are|was|were|be"
    rf"|gets?|got|goes|went)\s+{_OUT}|(?:gets\s+|got\s+|been\s+)?grounded|ground|closes?|closed"
    r"|shut\s+down|stands?\s+down|stood\s+down|down|unavailable|offline|broken|wrecked|damaged"
    r"|destroyed|out\s+of\s+(?:action|service|commission)|(?:can'?t|cannot|can\s+not)\s+"
    r"(?:launch|fly))\b",
    re.I,
)
# Past forms: the pad's closure counts from its recorded damage.
_PAST = re.compile(
    r"\b(?:stay|stays|stayed|remain|remains|remained|had|was|were|been|would\s+have)\b", re.I
)
_EXTRA = re.compile(r"\b(?:another|an\s+extra|extra|more|longer|further|additional)\b", re.I)
_OPEN_ENDED = re.compile(
    r"\b(?:indefinitely|forever|for\s+good|permanently|for\s+the\s+foreseeable\s+future"
    r"|until\s+further\s+notice|for\s+ever)\b",
    re.I,
)
_LIKE = re.compile(r"\b(?:like|as)\s+(?:the\s+)?(?P<pad>.+?)\s+(?:did|was|had|got|has)\b", re.I)
_ADD = re.compile(
    r"^(?:(?:we\s+)?(?:add(?:ing)?|launch|fly|send)\s+(?:(?P<n>an?|one|another|\d+|two|three)\s+)?"
    r"(?:extra\s+|more\s+|additional\s+)?|an?\s+(?:extra\s+|additional\s+|new\s+)?|another\s+"
    r"|one\s+more\s+|extra\s+)(?P<veh>.+?)(?:\s+cargo)?(?:\s+(?:flights?|missions?|launch(?:es)?))?"
    r"(?:\s+(?:flies|launches|flew|arrives|docks|is\s+added|goes\s+up))?"
    r"\s+(?P<prep>on|in|by|at|around|for)\s+(?P<when>.+)$",
    re.I,
)
_CREW_WORDS = r"(?:crew(?:\s*members?)?|crewmembers?|people|persons?|astronauts?|cosmonauts?)"
_CREW_ADD = re.compile(
    rf"\b(?:add(?:ing)?|one\s+more|an?\s+extra|another|extra|(?P<plus>\+))\s*(?P<n>{NUMBER}\s+)?"
    rf"(?:more\s+|extra\s+)?{_CREW_WORDS}\b",
    re.I,
)
_CREW_REMOVE = re.compile(
    rf"\b(?:remove|lose|minus|drop|one\s+less|one\s+fewer|fewer|send\s+home)\s+(?P<n>{NUMBER}\s+)?"
    rf"(?:less\s+|fewer\s+)?{_CREW_WORDS}\b",
    re.I,
)
_CREW_GOES = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:more\s+|extra\s+)?{_CREW_WORDS}\s+(?P<dir>leaves?|go(?:es)?\s+home"
    r"|departs?|returns?|comes?\s+(?:aboard|up)|arrives?|joins?)\b",
    re.I,
)
_CREW_BY = re.compile(
    rf"\bcrew\b(?:\s+(?:size|count))?\s+(?P<dir>grows|rises|goes\s+up|increases|is\s+increased"
    rf"|drops|falls|goes\s+down|shrinks|decreases|is\s+(?:cut|reduced))\s+by\s+(?P<n>{NUMBER})",
    re.I,
)
_CREW_SET = re.compile(
    rf"\bcrew\b(?:\s+(?:size|count))?(?:\s+(?:is|of|at|becomes|drops\s+to|falls\s+to"
    rf"|goes\s+(?:up\s+|down\s+)?to|rises\s+to|grows\s+to|shrinks\s+to|is\s+reduced\s+to"
    rf"|reduced\s+to|increased\s+to|is\s+increased\s+to|is\s+cut\s+to|cut\s+to|changes\s+to"
    rf"|was|were|had\s+been|of\s+just|of\s+only)\s+|\s*[=:]\s*|\s+)(?:only\s+|just\s+)?"
    rf"(?P<n>{NUMBER})(?![\w-])"
    rf"|(?<![\w-])(?P<n2>{NUMBER})\s+(?:{_CREW_WORDS}|aboard|on\s+board)\b"
    rf"|\b(?:a\s+)?(?P<n3>{NUMBER})[\s-]+(?:person|people|member|man|woman)\s+crew\b",
    re.I,
)
_RECOVERY = re.compile(
    rf"\b(?:water\s+)?(?:recovery|recycling)(?:\s+rate)?\b.*?(?P<by>\bby\s+)?(?P<v>{NUMBER})\s*"
    r"(?:%|percent|per\s*cent|points?)",
    re.I,
)
_RECOVERY_FAILS = re.compile(
    r"\b(?:water\s+(?:recovery|recycl\w*|processor)|wrs|urine\s+processor|water\s+recycler)"
    r"(?:\s+system)?\s+(?:fails|failed|breaks|broke|stops|stopped|dies|died|is\s+(?:down|broken"
    r"|lost|offline)|goes\s+down)\b",
    re.I,
)
_PROPELLANT = re.compile(
    r"\b(?:propellant|fuel)\s+(?:use|usage|consumption|burn|need)\b(?P<rest>.*)$", re.I
)
_OXYGEN = re.compile(
    r"\b(?:oxygen\s+generat\w*|ogs|elektron|oxygen\s+generator|oxygen\s+production)\b"
    rf".*?(?:(?P<v>{NUMBER})\s*kg|(?P<off>fails|failed|stops|stopped|broken|breaks|down|off|dies"
    r"|is\s+lost))",
    re.I,
)
_GAP = re.compile(
    r"\bno\s+(?:more\s+|new\s+)?(?P<what>(?:[\w.]+\s+){0,2}?(?:cargo|resupply|supply|supplies"
    r"|deliveries|flights|launches|ships|missions|vehicles)(?:\s+(?:flights?|ships?|missions?"
    r"|launch(?:es)?|runs?|deliveries))?)(?:\s+at\s+all)?\b"
    r"|\b(?:all\s+)?(?P<what2>(?:[\w.]+\s+)?(?:cargo|resupply|supply)(?:\s+(?:flights?|runs?"
    r"|missions?|launch(?:es)?|deliveries))?)\s+(?:stops?|stopped|halts?|halted|ceases?|pauses?"
    r"|(?:is|are|gets?|get)\s+(?:suspended|halted|paused|stopped|grounded|cut\s+off))\b"
    # "russia stops sending progress", "nasa stops launching cargo"
    r"|\b(?:stops?|stopped|halts?|halted|ceases?|quits?)\s+(?:sending|flying|launching)\s+"
    r"(?P<what3>(?:[\w.-]+\s+){0,2}?[\w.-]+?)(?=\s+(?:for|until|till|through|from)\b|$)",
    re.I,
)
_GAP_WORDS = frozenset(
    "cargo resupply supply supplies deliveries flights flight launches ships missions vehicles "
    "runs run at all any more new".split()
)
_COUNTRIES = {
    "russia": "russia",
    "russian": "russia",
    "russia's": "russia",
    "roscosmos": "russia",
    "american": "united states",
    "us": "united states",
    "u.s.": "united states",
    "u.s": "united states",
    "nasa": "united states",
    "usa": "united states",
    "japanese": "japan",
    "jaxa": "japan",
}
_ADJECTIVES = {"russia": "Russian", "united states": "US", "japan": "Japanese"}
_GENERIC_PAD = re.compile(r"(?:the\s+|that\s+|our\s+)?(?:launch\s*)?(?:pad|site)", re.I)
_FROM = re.compile(
    r"\b(?:from|since|starting(?:\s+(?:from|in|on))?|beginning|as\s+of|after|on|in)\b\s+", re.I
)
_UNTIL = re.compile(r"\b(?:until|till|til|through|thru|to|up\s+to)\s+", re.I)
_COUNTED = re.compile(
    rf"^(?:the\s+|our\s+)?(?:next\s+)?(?P<n>{NUMBER})\s+(?:next\s+|more\s+)?(?P<veh>.+?)"
    r"(?:\s+(?:cargo\s+|crew\s+)?(?:flights?|missions?|ships?|launch(?:es)?))?$",
    re.I,
)
_NEXT = re.compile(
    r"^(?:the\s+|our\s+|a\s+|an\s+)?(?:(?P<next>next|upcoming|coming|following|first\s+upcoming)"
    r"\s+)?(?P<veh>.+?)(?:\s+(?:flight|mission|launch|ship|one|cargo\s+flight|crew\s+flight))?$",
    re.I,
)
_SUBJECT_FILLER = re.compile(
    r"\b(?:if|is|are|was|were|had|has|have|been|gets|got|would|will|does|did|to|by|be|should"
    r"|both|either|all|also|too|we|they|nasa|roscosmos|spacex|then|happens|just|somehow|really"
    r"|on\s+launch|at\s+launch|on\s+the\s+pad|the\s+iss|the\s+station|iss)\b",
    re.I,
)


@dataclasses.dataclass
class Clause:
    """One clause and the spans of it that an edit has read (names, numbers, dates)."""

    text: str
    used: list[tuple[int, int]] = dataclasses.field(default_factory=list)

    def mark(self, start: int, end: int) -> None:
        """Note that text[start:end] was read."""
        self.used.append((start, end))

    def unread_number(self) -> str | None:
        """The first number in the clause that no edit read ("5" in "slips 3 months 5")."""
        for a, b in numeric_tokens(self.text):
            if not any(s <= a and b <= e for s, e in self.used):
                after = re.match(r"\s*[a-z%]+", self.text[b:], re.I)
                return self.text[a : b + (after.end() if after else 0)].strip()
        return None


def split_horizon(text: str) -> tuple[str, int | None]:
    """The scenario without "over the next 3 years", and that horizon in days."""
    m = HORIZON.search(text)
    if not m:
        return text, None
    n = number(m["num"])
    if n is None or n <= 0:
        raise ScenarioError(m.group(0), f"“{m.group(0).strip()}” is not a length I can model")
    days = round(n * (365.25 if m["unit"].lower().startswith("y") else 30.44))
    if days > MAX_HORIZON_DAYS:
        raise ScenarioError(m.group(0), f"“{m.group(0).strip()}” is past the model's 10 years")
    return text[: m.start()].strip(" ,"), days


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


def _leading_verb(c: str) -> str | None:
    """The verb a clause opens with, its subject after it ("we lose" in "we lose a progress"),
    or None when the clause names its subject first."""
    hits = [m for r in (_CANCEL, _DELAY, _ADVANCE, _MOVE_TO) if (m := r.search(c))]
    if not hits:
        return None
    m = min(hits, key=lambda m: m.start())
    if _SUBJECT_FILLER.sub(" ", c[: m.start()]).strip(" ,"):
        return None
    return c[: m.end()]


def check_duration(dur: Duration) -> None:
    """Refuse a negative, zero or longer-than-the-model duration, naming it."""
    if dur.amount < 0:
        raise ScenarioError(
            dur.text,
            f"“{dur.text}” is negative; to move a flight earlier say “moves up by …”",
        )
    if dur.amount == 0:
        raise ScenarioError(dur.text, f"“{dur.text}” changes nothing")
    if dur.days() > MAX_HORIZON_DAYS:
        raise ScenarioError(dur.text, f"“{dur.text}” is longer than the model's 10-year horizon")


@dataclasses.dataclass(frozen=True)
class Parser:
    """Parses clauses into edits, resolving names against the fact base."""

    resolver: Resolver
    today: dt.date
    next_flights: NextFlights = lambda _vehicle, _n: []

    def parse(self, text: str) -> Scenario:
        """A Scenario from a whole message; ScenarioError naming the part that is wrong."""
        body, details = strip_lead(text)
        check_numbers(body)
        body, horizon = split_horizon(body)
        if not body:
            raise ScenarioError(
                text, "say what changes, e.g. “what if Progress MS-33 slips 6 months”"
            )
        parts = clauses(body)
        if len(parts) > MAX_EDITS:
            raise ScenarioError(
                body, f"that is {len(parts)} changes; a scenario takes at most {MAX_EDITS}"
            )
        edits = [e for p in self.distribute(parts) for e in self.clause(p)]
        if len(edits) > MAX_EDITS:
            raise ScenarioError(
                body, f"that is {len(edits)} changes; a scenario takes at most {MAX_EDITS}"
            )
        return Scenario(tuple(edits), horizon, details)

    def distribute(self, parts: list[str]) -> list[str]:
        """Give a bare name the verb of the next clause that has one: "MS-33 and CRS-35 are
        cancelled" -> "MS-33 cancelled", "CRS-35 are cancelled"."""
        out: list[str] = []
        for i, p in enumerate(parts):
            if _predicate(p) is None and self._names_something(p):
                pred = next((q for q in map(_predicate, parts[i + 1 :]) if q is not None), None)
                verb = _leading_verb(out[-1]) if out else None
                if pred is not None:
                    p = f"{p} {pred}"
                elif verb is not None:  # "we lose a progress and a dragon": "lose a dragon"
                    p = f"{verb} {p}"
            out.append(p)
        return out

    def _names_something(self, text: str) -> bool:
        """Whether text is a bare name: a flight, a pad, or a vehicle ("a dragon")."""
        if self.resolver.find(text, ("mission", "pad")) is not None:
            return True
        m = _NEXT.match(text.strip(" .,!?"))
        return m is not None and self.resolver.find(m["veh"], ("vehicle",)) is not None

    def clause(self, text: str) -> list[Edit]:
        """The edits of one clause (one, or one per flight in "the next two Progress"); every
        number in it must be read."""
        for attempt in (
            self._rate,
            self._crew,
            self._add,
            self._gap,
            self._cancel,
            self._ground,
            self._move,
        ):
            c = Clause(text)
            edit = attempt(c)
            if edit is not None:
                unread = c.unread_number()
                if unread is not None:
                    raise ScenarioError(
                        unread,
                        f"I don't know what “{unread}” means in “{text}”; say one change per "
                        "clause, e.g. “CRS-35 slips 3 months”",
                    )
                return edit if isinstance(edit, list) else [edit]
        found = self.resolver.find(text, ("mission", "pad", "vehicle"))
        if found is not None:
            raise ScenarioError(
                text,
                f"what happens to {self.resolver.name(found[0])}? Say e.g. “slips 3 months”, "
                "“is lost”, “moves up a month”, or for a pad “is down for a year”",
            )
        raise ScenarioError(
            text,
            "I can model: a flight slipping, moving up or lost; a flight added; a pad or vehicle "
            "down for a while; no cargo for a while; the crew size; water recovery, oxygen made "
            "aboard or propellant use changing",
        )

    # -- names ------------------------------------------------------------------------------

    def flights(self, subject: str) -> list[FlightRef]:
        """The flights a subject names: one (see flight), or "the next two Progress"."""
        m = _COUNTED.match(subject.strip(" .,!?"))
        n = number(m["n"]) if m else None
        if m is None or n is None or n < 2:
            return [self.flight(subject)]
        if not float(n).is_integer() or n > MAX_EDITS:
            raise ScenarioError(m["n"], f"“{m['n']}” flights is not a count I can model")
        veh = self.resolver.find(m["veh"], ("vehicle",))
        if veh is None:
            raise ScenarioError(subject, f"“{m['veh']}” is not a vehicle I know")
        got = self.next_flights(veh[0], int(n))
        if len(got) < n:
            raise ScenarioError(
                subject,
                f"{self.resolver.name(veh[0])} has only {len(got)} flights planned or projected",
            )
        return got

    def flight(self, subject: str) -> FlightRef:
        """The flight a subject names: a mission, or "the next Progress" (also "Progress")."""
        if not subject:
            raise ScenarioError(subject, "which flight? e.g. “Progress MS-33 slips 6 months”")
        found = self.resolver.find(subject, ("mission",))
        if found is not None:
            rec = self.resolver.kb.missions[found[0]]
            return FlightRef(rec.id, rec.name, rec.vehicle)
        m = _NEXT.match(subject.strip(" .,!?"))
        veh = self.resolver.find(m["veh"], ("vehicle",)) if m else None
        if veh is not None:
            vid = veh[0]
            kind = self.resolver.kb.vehicles[vid].kind
            if kind in ("cargo-spacecraft", "crew-spacecraft", "spaceplane"):
                found_next = self.next_flights(vid, 1)
                got = found_next[0] if found_next else None
                if got is None:
                    raise ScenarioError(
                        subject,
                        f"{self.resolver.name(vid)} has no flight planned or projected after "
                        f"{self.today.isoformat()}",
                    )
                return got
            raise ScenarioError(
                subject,
                f"{self.resolver.name(vid)} is a {kind.replace('-', ' ')}; name a flight "
                "(e.g. Progress MS-33) or a cargo ship (“the next Progress”)",
                self.resolver.suggest(subject, ("mission",)),
            )
        pad = self.resolver.find(subject, ("pad",))
        if pad is not None:
            raise ScenarioError(
                subject,
                f"{self.resolver.name(pad[0])} is a pad; say e.g. “it is down for 6 months”",
            )
        raise ScenarioError(
            subject,
            f"I don't know a flight called “{subject}”",
            self.resolver.suggest(subject, ("mission",)),
        )

    def pad(self, subject: str) -> tuple[str, str] | None:
        """A pad a subject names, with how a generic phrase was read: "the pad", "the soyuz
        pad", "baikonur", "SLC-40"."""
        if _GENERIC_PAD.fullmatch(subject):
            return self._the_pad(subject)
        found = self.resolver.find(subject, ("pad",))
        if found is not None:
            return found[0], ""
        return self.resolver.vehicle_pad(subject) or self.resolver.site_pad(subject)

    def _the_pad(self, subject: str) -> tuple[str, str]:
        """“The pad” with no name: the one pad damaged or under repair, else the most recently
        damaged one; else ask which."""
        kb = self.resolver.kb
        out = out_of_use(kb)
        if len(out) == 1:
            pad = kb.pads[out[0]]
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
        pads = [kb.pads[p] for p in out] or list(kb.pads.values())
        raise ScenarioError(
            subject,
            f"which pad? “{subject}” could be any of {len(pads)}; name it, e.g. “pad 31/6”",
            tuple(Suggestion(p.name, p.name, p.id) for p in pads[:5]),
        )

    def _subject(self, c: Clause, start: int, end: int) -> str:
        """The name a verb is about: the words before it, else the words after it (marked
        as read)."""
        before = _SUBJECT_FILLER.sub(" ", c.text[:start])
        before = re.sub(r"\s+", " ", before).strip(" ,")
        if before:
            c.mark(0, start)
            return before
        rest = c.text[end:]
        cut = re.search(
            rf"\b(?:by|for|to|until|till|on|from|in|like|as|through|since)\b|{NUMBER}[\s-]*"
            r"(?:days?|weeks?|months?|years?)\b",
            rest,
            re.I,
        )
        after = rest[: cut.start()] if cut else rest
        c.mark(end, end + len(after))
        after = _SUBJECT_FILLER.sub(" ", after)
        return re.sub(r"\s+", " ", after).strip(" ,")

    # -- durations, dates -------------------------------------------------------------------

    def _duration(self, c: Clause, pos: int = 0) -> Duration | None:
        got = find_duration(c.text, pos)
        if got is None:
            return None
        dur, where = got
        c.mark(where.start, where.end)
        check_duration(dur)
        return dur

    def _date(self, c: Clause, pos: int = 0) -> tuple[dt.date, Found] | None:
        got = find_date(c.text, pos)
        if got is not None:
            c.mark(got[1].start, got[1].end)
        return got

    def _month(self, c: Clause, direction: int = 1, pos: int = 0) -> MonthTarget | None:
        got = find_month(c.text, direction, pos)
        if got is None:
            return None
        c.mark(got[1].start, got[1].end)
        return got[0]

    def _when(self, c: Clause, pos: int) -> tuple[dt.date, str] | None:
        """A date from pos on: a full date, else a month with no year (the next one after
        today), else "today"/"now"."""
        got = self._date(c, pos)
        if got is not None:
            return got[0], got[1].text
        month = self._month(c, 1, pos)
        if month is not None:
            return month.resolve(self.today), month.text
        if re.search(r"\b(?:today|now|right\s+away|immediately)\b", c.text[pos:], re.I):
            return self.today, "today"
        return None

    def _since(self, c: Clause, after: int = 0) -> dt.date | None:
        m = _FROM.search(c.text, after) or _FROM.search(c.text)
        if m is None:
            return None
        got = self._when(c, m.start())
        return got[0] if got else None

    # -- each kind --------------------------------------------------------------------------

    def _rate(self, c: Clause) -> Edit | None:
        t = c.text
        m = _RECOVERY_FAILS.search(t)
        if m:
            c.mark(m.start(), m.end())
            return SetRate("water_recovery", 0.0, "no water recovered", self._since(c, m.end()))
        m = _RECOVERY.search(t)
        if m:
            c.mark(m.start(), m.end())
            v = number(m["v"])
            if v is None:
                return None
            if m["by"]:
                raise ScenarioError(
                    m.group(0),
                    f"give the new water recovery, e.g. “water recovery drops to 90%”, not by "
                    f"how much it changes (“{m['v']}%”)",
                )
            if not 0 <= v <= 100:
                raise ScenarioError(
                    f"{m['v']}%", f"water recovery of {m['v']}% is not between 0 and 100%"
                )
            return SetRate(
                "water_recovery", v / 100.0, f"water recovery {v:g}%", self._since(c, m.end())
            )
        m = _PROPELLANT.search(t)
        if m:
            return self._propellant(c, m)
        m = _OXYGEN.search(t)
        if m:
            c.mark(m.start(), m.end())
            if m["off"]:
                return SetRate(
                    "oxygen_generation", 0.0, "no oxygen made aboard", self._since(c, m.end())
                )
            v = number(m["v"])
            if v is None or not 0 <= v <= 50:
                raise ScenarioError(m["v"], f"{m['v']} kg of oxygen a day is not plausible")
            return SetRate(
                "oxygen_generation", v, f"oxygen made aboard {v:g} kg/day", self._since(c, m.end())
            )
        return None

    def _propellant(self, c: Clause, m: re.Match[str]) -> Edit:
        rest = m["rest"]
        off = m.start("rest")
        if re.match(r"\s*(?:doubles|is\s+doubled)\b", rest, re.I):
            c.mark(m.start(), m.end())
            return SetRate("propellant_per_day", 0.0, "propellant use doubled", factor=2.0)
        if re.match(r"\s*(?:halves|is\s+halved)\b", rest, re.I):
            c.mark(m.start(), m.end())
            return SetRate("propellant_per_day", 0.0, "propellant use halved", factor=0.5)
        v = re.search(
            rf"(?P<by>\bby\s+)?(?P<v>{NUMBER})\s*(?P<u>%|percent|t\b|tonnes?\b|tons?\b|kg\b)?",
            rest,
            re.I,
        )
        if v is None:
            raise ScenarioError(
                m.group(0), "give the new yearly propellant use, e.g. “propellant use 9000 kg”"
            )
        c.mark(m.start(), off + v.end())
        tail = re.match(r"\s*(?:a|per|/)\s*(?:year|yr)\b", rest[v.end() :], re.I)
        if tail:
            c.mark(off + v.end(), off + v.end() + tail.end())
        n = number(v["v"])
        if n is None:
            raise ScenarioError(v["v"], f"I can't read “{v['v']}”")
        unit = (v["u"] or "kg").lower()
        if unit in ("%", "percent") or v["by"]:
            raise ScenarioError(
                v.group(0).strip(),
                "give the new yearly propellant use, e.g. “propellant use 9000 kg a year”, "
                "or say it “doubles”",
            )
        kg = n * (1000.0 if unit.startswith("t") else 1.0)
        if not 0 <= kg <= 50_000:
            raise ScenarioError(
                v.group(0).strip(), f"propellant use of {kg:,.0f} kg a year is outside 0-50,000"
            )
        return SetRate(
            "propellant_per_day", kg / 365.0, f"propellant use {kg:,.0f} kg/yr", self._since(c)
        )

    def _crew_number(self, raw: str) -> int:
        n = number(raw)
        if n is None or not float(n).is_integer() or n < 0:
            raise ScenarioError(raw.strip(), f"a crew of {raw.strip()} makes no sense")
        if n > MAX_CREW:
            raise ScenarioError(
                raw.strip(),
                f"a crew of {raw.strip()} is not possible: the model allows 0-{MAX_CREW} aboard",
            )
        return int(n)

    def _crew(self, c: Clause) -> Edit | None:
        t = c.text
        named = re.search(r"\bcrew[\s-]*\d+\b", t, re.I)
        if named and self.resolver.find(named.group(0), ("mission",)) is not None:
            return None  # "Crew-12 slips a month" is a flight
        for pattern, sign in ((_CREW_ADD, 1), (_CREW_REMOVE, -1)):
            m = pattern.search(t)
            if m:
                c.mark(m.start(), m.end())
                n = self._crew_number(m["n"]) if m["n"] else 1
                return CrewChange(self._since(c, m.end()), None, sign * n)
        m = _CREW_GOES.search(t)
        if m:
            c.mark(m.start(), m.end())
            n = self._crew_number(m["n"])
            away = re.match(r"(?:leave|go|depart|return)", m["dir"], re.I)
            return CrewChange(self._since(c, m.end()), None, -n if away else n)
        m = _CREW_BY.search(t)
        if m:
            c.mark(m.start(), m.end())
            n = self._crew_number(m["n"])
            up = re.match(r"(?:grows|rises|goes\s+up|increases|is\s+increased)", m["dir"], re.I)
            return CrewChange(self._since(c, m.end()), None, n if up else -n)
        m = _CREW_SET.search(t)
        if not m:
            return None
        raw = m["n"] or m["n2"] or m["n3"]
        if raw.strip().lower() in ("a", "an"):
            return None
        c.mark(m.start(), m.end())
        return CrewChange(self._since(c, m.end()), self._crew_number(raw))

    def _add(self, c: Clause) -> Edit | None:
        m = _ADD.match(c.text)
        if not m:
            return None
        veh_text = m["veh"]
        found = self.resolver.find(veh_text, ("vehicle",))
        if found is None:
            if self.resolver.find(veh_text, ("mission",)) is not None:
                return None  # "a CRS-35 flies on ..." reads as a move
            if re.search(_CREW_WORDS, veh_text, re.I):
                return None
            raise ScenarioError(
                veh_text,
                f"“{veh_text}” is not a vehicle I know",
                self.resolver.suggest(veh_text, ("vehicle",)),
            )
        c.mark(0, m.start("when"))
        if m["n"] and m["n"].lower() not in ("a", "an", "one", "another"):
            raise ScenarioError(
                m["n"],
                f"add one flight per clause, e.g. “add a {self.resolver.name(found[0])} in "
                "March and a Progress in June”",
            )
        vid = found[0]
        veh = self.resolver.kb.vehicles[vid]
        if veh.kind not in ("cargo-spacecraft", "spaceplane", "crew-spacecraft"):
            raise ScenarioError(
                veh_text,
                f"{veh.name} is a {veh.kind.replace('-', ' ')}; add a flight of a cargo ship "
                "(Progress, Dragon, Cygnus, HTV-X)",
            )
        got = self._when(c, m.start("prep"))
        if got is None:
            vague = vague_error(m["when"])
            if vague is not None:
                raise vague
            raise ScenarioError(m["when"], "give the flight's date, e.g. “on 2026-09-01”")
        return AddFlight(vid, got[0], got[1])

    def _gap(self, c: Clause) -> Edit | None:
        m = _GAP.search(c.text)
        if not m:
            return None
        what = (m["what"] or m["what2"] or m["what3"]).lower()
        if m["what3"] is not None:  # "stops sending <vehicle or cargo>": who stops, too
            what = f"{c.text[: m.start()].strip()} {what}".strip().lower()
        words = what.split()
        country = next((_COUNTRIES[w] for w in words if w in _COUNTRIES), None)
        # The vehicle named, if any: "no progress flights", "russia stops sending progress".
        named = [w for w in words if w not in _COUNTRIES and w not in _GAP_WORDS]
        vehicle = self.resolver.find(" ".join(named), ("vehicle",)) if named else None
        if vehicle is not None and not re.search(r"cargo|supply", what):
            country = None
            vehicles: tuple[str, ...] = (vehicle[0],)
            label = f"no {short_name(self.resolver.kb, vehicle[0])} flights"
        else:
            cargo = bool(re.search(r"cargo|resupply|supply|supplies|deliver", what))
            kinds = (
                ("cargo-spacecraft", "spaceplane")
                if cargo
                else ("cargo-spacecraft", "spaceplane", "crew-spacecraft")
            )
            vehicles = self.resolver.vehicles_of(country, kinds)
            adjective = next((_ADJECTIVES[_COUNTRIES[w]] for w in words if w in _COUNTRIES), "")
            label = f"no {adjective + ' ' if adjective else ''}{'cargo' if cargo else 'flights'}"
            if not vehicles:
                raise ScenarioError(what, f"no active vehicle matches “{what}”")
        c.mark(m.start(), m.end())
        return self._hold(c, m.end(), label, (), vehicles, "")

    def _cancel(self, c: Clause) -> list[Edit] | None:
        m = _CANCEL.search(c.text)
        if not m:
            return None
        subject = self._subject(c, m.start(), m.end())
        if subject and self.pad(subject) is not None:
            return None  # "SLC-40 is destroyed": the pad is down
        c.mark(m.start(), m.end())
        return [Cancel(f) for f in self.flights(subject)]

    def _ground(self, c: Clause) -> Edit | None:
        m = _GROUND.search(c.text)
        if not m:
            return None
        used = len(c.used)
        subject = self._subject(c, m.start(), m.end())
        if not subject:
            return None
        pad = self.pad(subject)
        if pad is not None:
            rid, note = pad
            c.mark(m.start(), m.end())
            name = self.resolver.name(rid)
            return self._hold(c, m.end(), f"{name} down", (rid,), (), note, m)
        found = self.resolver.find(subject, ("vehicle", "mission"))
        if found is None:
            looks_like_pad = re.search(r"\b(?:pad|site|lc|slc|complex|cosmodrome)\b", subject, re.I)
            if not looks_like_pad:
                del c.used[used:]
                return None
            raise ScenarioError(
                subject,
                f"“{subject}” is not a pad I know",
                self.resolver.suggest(subject, ("pad",)),
            )
        rid, kind = found
        if kind == "mission":
            if _DELAY.search(c.text) or _ADVANCE.search(c.text) or _MOVE_TO.search(c.text):
                del c.used[used:]
                return None
            raise ScenarioError(
                subject,
                f"{self.resolver.name(rid)} is a flight, not a pad: say it “slips 3 months” or "
                "“is lost”",
            )
        veh = self.resolver.kb.vehicles[rid]
        if veh.kind == "launch-vehicle":
            carried = sorted(v.id for v in self.resolver.kb.vehicles.values() if rid in v.launchers)
            if not carried:
                raise ScenarioError(subject, f"nothing I model flies on {veh.name}")
            c.mark(m.start(), m.end())
            return self._hold(c, m.end(), f"{veh.name} grounded", (), tuple(carried), "")
        c.mark(m.start(), m.end())
        return self._hold(c, m.end(), f"{veh.name} grounded", (), (rid,), "")

    def _hold(
        self,
        c: Clause,
        after: int,
        label: str,
        pads: tuple[str, ...],
        vehicles: tuple[str, ...],
        note: str,
        verb: re.Match[str] | None = None,
    ) -> Hold:
        """How long something is held: "for 6 months", "until March", "another year", "for
        the rest of 2027", "like 31/6 did", "indefinitely" or nothing (the whole run)."""
        t = c.text
        until: dt.date | None = None
        until_text = ""
        like = ""
        dur: Duration | None = None
        year_end = find_year_end(t, after) or find_year_end(t)
        if year_end is not None:
            until, until_text = year_end[0], year_end[1].text
            c.mark(year_end[1].start, year_end[1].end)
        else:
            um = _UNTIL.search(t, after)
            if um is not None:
                got = self._when(c, um.start())
                if got is not None:
                    until, until_text = got
            if until is None:
                dur = self._duration(c, after) or self._duration(c)
        if until is None and dur is None:
            lm = _LIKE.search(t)
            if lm:
                ref = self.pad(lm["pad"])
                closure = last_closure(self.resolver.kb, ref[0]) if ref else None
                if ref is None or closure is None:
                    raise ScenarioError(
                        lm.group(0),
                        f"I have no recorded closure for “{lm['pad']}” to copy; say how long, "
                        "e.g. “for 6 months”",
                    )
                c.mark(lm.start(), lm.end())
                days = (closure[1] - closure[0]).days
                dur = Duration(days, "day", f"{days} days")
                like = self.resolver.name(ref[0])
        if until is None and dur is None and not _OPEN_ENDED.search(t):
            vague = vague_error(t[after:])
            if vague is not None:
                raise vague
        extra = dur is not None and until is None and bool(_EXTRA.search(t)) and not like
        start = None
        fm = _FROM.search(t, after)
        if fm is not None and not t[fm.start() :].lower().startswith(("on launch", "in ")):
            got = self._when(c, fm.start())
            start = got[0] if got else None
        past = verb is not None and (extra or bool(_PAST.search(t[: verb.end()])))
        if start is None and len(pads) == 1 and past:
            start = last_damage(self.resolver.kb, pads[0])
        return Hold(label, pads, vehicles, start, dur, until, until_text, extra, like, note)

    def _move(self, c: Clause) -> list[Edit] | None:
        t = c.text
        m = _ADVANCE.search(t)
        sign = -1
        if m is None:
            m = _DELAY.search(t)
            sign = 1
        to_m = _MOVE_TO.search(t)
        if m is None and to_m is None:
            return None
        direction = sign if m is not None else 1
        if to_m is not None and re.search(r"\b(?:up|forward)\b", to_m.group(0), re.I):
            direction = -1
        if m is None:
            assert to_m is not None
            m = to_m
            sign = 0
        subject = self._subject(c, m.start(), m.end())
        refs = self.flights(subject)
        c.mark(m.start(), m.end())
        if to_m is not None and to_m.start() >= m.start():
            c.mark(to_m.start(), to_m.end())
            got = self._date(c, to_m.end())
            if got is not None:
                return [Move(f, 0, None, got[0], typed=got[1].text) for f in refs]
            month = self._month(c, direction, to_m.start())
            if month is not None:
                return [Move(f, 0, None, None, month, month.text) for f in refs]
            vague = vague_error(t[to_m.end() :])
            if vague is not None:
                raise vague
        dur = self._duration(c, m.end()) or self._duration(c)
        if dur is None:
            got = self._date(c, m.end())
            if got is not None:
                return [Move(f, 0, None, got[0], typed=got[1].text) for f in refs]
            vague = vague_error(t[m.end() :])
            if vague is not None:
                raise vague
            raise ScenarioError(
                t,
                "say by how long (“by 6 months”) or to when (“to 2026-09-01”, “to December”, "
                "“to mid-March 2027”, “to Q1 2027”)",
            )
        if sign == 0:
            raise ScenarioError(t, "say whether it moves later (slips) or earlier (moves up)")
        return [Move(f, sign, dur, None) for f in refs]
