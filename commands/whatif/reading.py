"""Reading the names, lengths and dates of a clause: the part of the parser every edit kind
shares, with the record of which words (and so which numbers) were read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from commands.format import day_text, listed
from commands.reply import Suggestion
from commands.whatif.edits import Duration, FlightRef, MonthTarget, add_months
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import (
    HORIZON,
    NUMBER,
    Found,
    find_date,
    find_duration,
    find_month,
    number,
    numeric_tokens,
)
from commands.whatif.model import MAX_HORIZON_DAYS, arrival_date
from commands.whatif.phrases import (
    ADJECTIVES,
    AFTER_FLIGHT,
    COUNTED,
    COUNTRIES,
    FROM,
    GENERIC_FLIGHTS,
    GENERIC_KINDS,
    GENERIC_PAD,
    NEXT,
    OUT,
    PAD_AT,
    PAD_OF,
    SUBJECT_FILLER,
)
from commands.whatif.projection import short_name
from commands.whatif.resolve import Resolver
from knowledge.pads import last_damage, out_of_use
from knowledge.schema import PENDING

MAX_EDITS = 20
# A start said against today: "starting next month", "from next week", "beginning in 2 weeks".
_RELATIVE = re.compile(
    r"\s*(?:(?:starting|beginning|from|as\s+of|after)\s+)?(?:(?:the\s+)?(?:next|coming)\s+"
    r"(?P<unit>week|month|year)\b|in\s+)",
    re.I,
)
_FLYING = ("cargo-spacecraft", "crew-spacecraft", "spaceplane")
NextFlights = Callable[[str, int], list[FlightRef]]  # a vehicle's next n flights


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
class Reader:
    """Resolves the names in clauses against the fact base and reads their dates."""

    resolver: Resolver
    today: dt.date
    next_flights: NextFlights = lambda _vehicle, _n: []

    # -- names ------------------------------------------------------------------------------

    def flights(self, subject: str) -> list[FlightRef]:
        """The flights a subject names: one (see flight), or "the next two Progress"."""
        m = COUNTED.match(subject.strip(" .,!?"))
        n = number(m["n"]) if m else None
        if m is None or n is None or n < 2:
            return [self.flight(subject)]
        if not float(n).is_integer() or n > MAX_EDITS:
            raise ScenarioError(m["n"], f"“{m['n']}” flights is not a count I can model")
        generic = self.generic(m["what"])
        if generic is not None:  # "the next three resupply missions", "two russian cargo runs"
            return self._next_of(subject, *generic[:2], int(n))
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
        shared = self.resolver.missions(subject)
        if len(shared) > 1:  # "ms-29": Progress MS-29 and Soyuz MS-29; ask, never pick
            names = [self.resolver.name(i) for i in shared]
            raise ScenarioError(
                subject,
                f"which flight? “{subject.strip()}” is {', '.join(names[:-1])} or {names[-1]}; "
                f"name the family, e.g. “{names[-1]}”",
                self.resolver.suggest(subject, ("mission",)),
            )
        m = NEXT.match(subject.strip(" .,!?"))
        generic = self.generic(m["veh"]) if m else None
        if generic is not None:  # "the next cargo flight"
            vehicles, label, plural = generic
            if plural:
                raise ScenarioError(subject, f"how many {label}s? Say e.g. “the next two {label}s”")
            return self._next_of(subject, vehicles, label, 1)[0]
        veh = self.resolver.find(m["veh"], ("vehicle",)) if m else None
        if m is not None and veh is not None and self.resolver.plural(m["veh"], ("vehicle",)):
            name = short_name(self.resolver.kb, veh[0])
            raise ScenarioError(  # "the next dragons": never silently one flight
                subject, f"how many {name} flights? Say e.g. “the next two {name} flights”"
            )
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

    def generic(self, said: str) -> tuple[tuple[str, ...], str, bool] | None:
        """The vehicles flights named by their kind stand for ("cargo flights", "russian
        resupply missions", "crew flights"): (vehicle ids, what one is called, whether said
        in the plural), or None when the words name no kind."""
        m = GENERIC_FLIGHTS.fullmatch(said.strip(" .,!?"))
        if m is None:
            return None
        country = COUNTRIES.get(m["country"].lower()) if m["country"] else None
        if m["country"] and country is None:
            return None
        kind = (m["kind"] or "").lower()
        key = "crew" if kind.startswith("crew") else "cargo" if kind else ""
        noun = m["noun"] or m["noun2"] or ""
        plural = noun.lower().endswith("s")
        words = [ADJECTIVES[country]] if country else []
        label = " ".join([*words, *([key] if key else []), "flight"])
        vehicles = self.resolver.vehicles_of(country, GENERIC_KINDS[key])
        if not vehicles:
            raise ScenarioError(said, f"no active vehicle flies {label}s")
        return vehicles, label, plural

    def _next_of(
        self, subject: str, vehicles: tuple[str, ...], label: str, n: int
    ) -> list[FlightRef]:
        """The next n flights of any of these vehicles, in the order they are due."""
        got = sorted(
            (f for v in vehicles for f in self.next_flights(v, n)),
            key=lambda f: (f.due or dt.date.max, f.key),
        )[:n]
        if len(got) < n:
            raise ScenarioError(subject, f"only {len(got)} {label}s are planned or projected")
        later = (f"the next {label}", f"the {label} after it", f"the {label} after that")
        return [dataclasses.replace(f, how=later[min(i, 2)]) for i, f in enumerate(got)]

    def grounded(self, subject: str) -> tuple[tuple[str, ...], str, str] | None:
        """What grounding a vehicle named `subject` holds: (vehicle ids, label, how it was
        read), or None when it names no vehicle. A family word grounds the whole family
        ("Dragon": Cargo Dragon and Crew Dragon, so crew rotation stops too); a launcher
        grounds every vehicle that flies on it."""
        kb = self.resolver.kb
        ids = self.resolver.vehicles(subject)
        if not ids:
            return None
        if len(ids) > 1:
            names = listed([short_name(kb, v) for v in ids])
            crew = [short_name(kb, v) for v in ids if kb.vehicles[v].kind == "crew-spacecraft"]
            why = f", so crew rotation on {listed(crew)} stops too" if crew else ""
            return ids, f"{names} grounded", f"“{subject.strip()}” taken as {names}{why}"
        veh = kb.vehicles[ids[0]]
        if veh.kind != "launch-vehicle":
            return ids, f"{veh.name} grounded", ""
        carried = tuple(
            sorted(
                v.id
                for v in kb.vehicles.values()
                if veh.id in v.launchers and v.status == "active" and v.kind in _FLYING
            )
        )
        if not carried:
            raise ScenarioError(subject, f"nothing I model flies on {veh.name}")
        names = listed([short_name(kb, v) for v in carried])
        return carried, f"{veh.name} grounded", f"{veh.name} carries {names}"

    def pad(self, subject: str) -> tuple[str, str] | None:
        """A pad a subject names, with how a generic phrase was read: "the pad", "the soyuz
        pad", "baikonur", "SLC-40"."""
        if GENERIC_PAD.fullmatch(subject):
            return self._the_pad(subject)
        found = self.resolver.find(subject, ("pad",))
        if found is not None:
            return found[0], ""
        got = self.resolver.vehicle_pad(subject) or self.resolver.site_pad(subject)
        if got is not None:
            return got
        # "the baikonur pad", "the russian pad": a site's or a country's one ISS pad.
        m = PAD_OF.fullmatch(subject.strip(" .,!?"))
        if m is not None:
            inner = re.sub(r"^(?:the|a)\s+", "", m["what"] or m["what2"], flags=re.I)
            country = COUNTRIES.get(inner.lower())
            if country is not None:
                return self.resolver.country_pad(country, subject)
            return self.resolver.site_pad(inner, subject)
        # "site 31 at baikonur": the pad named before the place.
        m = PAD_AT.fullmatch(subject.strip(" .,!?"))
        if m is not None:
            found = self.resolver.find(m["pad"], ("pad",))
            if found is not None:
                return found[0], ""
        return None

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
        before = SUBJECT_FILLER.sub(" ", c.text[:start])
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
        after = SUBJECT_FILLER.sub(" ", after)
        # "down wrecked slc-40": a second state word is not part of the name
        after = re.sub(rf"^\s*(?:{OUT}\b\s*)+", "", after, flags=re.I)
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

    def _when(self, c: Clause, pos: int, direction: int = 1) -> tuple[dt.date, str] | None:
        """A date from pos on: a full date, else a month with no year (the next one after
        today; with direction 0 the nearest, -1 the last), else "today"/"now"."""
        got = self._date(c, pos)
        if got is not None:
            return got[0], got[1].text
        month = self._month(c, direction, pos)
        if month is not None:
            day = month.resolve(self.today)
            if day < self.today:
                return day, f"{month.text} (no year given: read as the last one, {day.year})"
            return day, month.text
        if re.search(r"\b(?:today|now|right\s+away|immediately)\b", c.text[pos:], re.I):
            return self.today, "today"
        return self._relative(c, pos)

    def _relative(self, c: Clause, pos: int) -> tuple[dt.date, str] | None:
        """A start said against today, right at pos: "(starting) next month", "from next
        week", "starting in 2 weeks"."""
        m = _RELATIVE.match(c.text, pos)
        if m is None:
            return None
        if m["unit"]:
            unit = m["unit"].lower()
            if unit == "week":
                day = self.today + dt.timedelta(days=7)
            elif unit == "month":
                day = add_months(self.today.replace(day=1), 1)
            else:
                day = dt.date(self.today.year + 1, 1, 1)
            c.mark(m.start("unit"), m.end())
            return day, f"next {unit}"
        got = find_duration(c.text, m.end())
        if got is None or got[1].start != m.end():
            return None
        dur, found = got
        check_duration(dur)
        c.mark(found.start, found.end)
        return dur.add_to(self.today), f"in {found.text}"

    def _after_flight(
        self, c: Clause, pos: int, vehicles: tuple[str, ...] = ()
    ) -> tuple[dt.date | None, str] | None:
        """A start said as a named flight ("grounded after NG-24"): the day after that flight's
        date in the plan, or today (None) when it has flown or is overdue, with a note that
        says which; None when no flight is named after "after". Of two flights sharing a
        name ("MS-29"), the one of the vehicles held."""
        m = AFTER_FLIGHT.search(c.text, pos)
        if m is None:
            return None
        said = m["flight"].strip()
        ids = self.resolver.missions(said)
        if len(ids) > 1:
            ids = tuple(i for i in ids if self.resolver.kb.missions[i].vehicle in vehicles)
        if len(ids) != 1:
            found = self.resolver.find(said, ("mission",)) if not ids else None
            if found is None:
                return None
            ids = (found[0],)
        rec = self.resolver.kb.missions[ids[0]]
        c.mark(m.start(), m.end())
        day = arrival_date(rec)
        if day is None:
            why = f"{rec.name} is recorded as {rec.status}, so this is taken to start today"
            return None, why
        if rec.status not in PENDING:
            return None, f"{rec.name} already flew ({day_text(day)}), so this starts today"
        if day < self.today:
            return None, (
                f"{rec.name} was planned for {day_text(day)} and no launch is recorded; it is "
                "counted as flown then, so this starts today"
            )
        start = day + dt.timedelta(days=1)
        return start, f"from the day after {rec.name} (planned for {day_text(day)})"

    def _since(self, c: Clause, after: int = 0) -> dt.date | None:
        m = FROM.search(c.text, after) or FROM.search(c.text)
        if m is None:
            return None
        got = self._when(c, m.start())
        return got[0] if got else None
