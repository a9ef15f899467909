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

from commands.format import day_text, listed
from commands.whatif.edits import (
    OWN_CLOSURE,
    AddFlight,
    Cancel,
    CrewChange,
    Duration,
    EarlyReturn,
    Edit,
    FlightRef,
    Hold,
    MonthTarget,
    Move,
    NoReboost,
    Scenario,
    SetRate,
    SlipOrigin,
    add_months,
)
from commands.whatif.errors import ScenarioError, Unmodelled
from commands.whatif.lexer import (
    NUMBER,
    check_numbers,
    find_date,
    find_duration,
    find_month,
    find_window,
    find_year_end,
    number,
    vague_error,
)
from commands.whatif.model import USE_RATES, arrival_date, departure
from commands.whatif.phrases import (
    ADD,
    ADJECTIVES,
    ADVANCE,
    AFTER_MOVE,
    AGAIN,
    BETWEEN,
    BOTH_KINDS,
    CANCEL,
    COMPARED,
    COUNTRIES,
    CREW_ADD,
    CREW_BY,
    CREW_FOR,
    CREW_GOES,
    CREW_MORE,
    CREW_NTH,
    CREW_OF,
    CREW_REMOVE,
    CREW_SET,
    CREW_TOTAL,
    CREW_WAS,
    CREW_WORDS,
    DELAY,
    EXTRA,
    FAILED_ON,
    FAILURE_OF,
    FROM,
    FROM_TO,
    GAP,
    GAP_WORDS,
    GENERIC_KINDS,
    GENERIC_PAD,
    GROUND,
    HEDGES,
    LEAVE,
    LIKE,
    LIKE_YEAR,
    LOAD_CHANGE,
    MOVE_TO,
    NEXT,
    NO_REBOOST,
    NO_VEHICLE,
    NONE_OF,
    NOT_FLOWN,
    NOT_UNTIL,
    OPEN_ENDED,
    OXYGEN,
    PAST,
    PROPELLANT,
    RATE_FOR,
    RECOVERY,
    RECOVERY_FAILS,
    RESOURCE_WORDS,
    SHARE_WORDS,
    SLIP_FROM,
    SLIP_ORIGINAL,
    SLIP_TARGET,
    STATION_EVENT,
    STAY_CHANGE,
    STOCK_START,
    SUBJECT_FILLER,
    UNTIL,
    USE_CHANGE,
    VERB_RESOURCE,
    WHOLE_CREW,
    clauses,
    leading_verb,
    predicate,
)
from commands.whatif.projection import short_name
from commands.whatif.reading import MAX_EDITS, Clause, Reader, check_duration, split_horizon
from commands.whatif.trigger import strip_lead
from knowledge.dates import MONTH_NAMES
from knowledge.launchers import last_return_to_flight
from knowledge.pads import flown_from, last_closure, last_damage
from knowledge.units import KG_PER_LB

MAX_CREW = 13
_STOCK_START_WHY = (
    "the model always starts from the station's estimated stock on its stock date, not a full "
    "or empty station"
)
_LOAD_WHY = (
    "the model does not change what a flight carries: each planned flight is taken to bring "
    "what is needed, up to the normal ~6 months of stock; to see cargo not arriving, say the "
    "flight is lost or slips"
)
_STATION_WHY = (
    "the model counts the station's supplies (food, water, oxygen, dry cargo, Russian-segment "
    "propellant) against the flights and the crew aboard; damage to the station itself, its "
    "power, its orbit or its end of life is not in it. Say what it would do to the crew or "
    "the flights instead, e.g. “the crew leaves in March” or “CRS-35 is lost”"
)
# Words that make "the crew leaves" everyone leaving, not a rotation: "the whole crew".
ALL_ABOARD = frozenset({"every", "everyone", "everybody", "whole", "entire", "full", "all"})
_STATION_SHORT = (
    "the model counts supplies against the flights and the crew aboard: damage to the station "
    "itself, its power, its orbit or its end of life is not in it"
)
_UNMODELLED_WHY = "not a change the model knows, so it is left out"
_COMPARED_WHY = "a comparison with another flight, not a change: only the change itself is modelled"


def _unsized(subject: str) -> str:
    """A subject without the length said before a noun ("a 4-month Falcon 9" in "a 4-month
    Falcon 9 grounding"): the hold reads the length itself."""
    got = find_duration(subject)
    if got is None:
        return subject
    rest = subject[: got[1].start] + subject[got[1].end :]
    return re.sub(r"^\s*(?:an?|the)\s+|\s+", " ", rest).strip()


# The words that make a stay said with a length an extension ("stays 2 more months", "is
# extended by a month"); without them "stays 9 months" is the whole stay.
_LONGER = re.compile(
    r"\b(?:extend\w*|lengthen\w*|prolong\w*|kept|held\s+over|extra|additional|more|longer"
    r"|extension|over(?:\s+time)?|past)\b",
    re.I,
)
_YEAR = re.compile(r"\s+(\d{4}|'\d\d)$")
_MONTH_AT = {m[:3].lower(): i for i, m in enumerate(MONTH_NAMES, 1)}


def _start_in_end_year(m: re.Match[str]) -> str:
    """ "from february to may 2027" -> "from february 2027 to may 2027": a start month with no
    year takes the end's (the year before when its month comes after the end's)."""
    start, end = m.group(1), m.group(2)
    year = _YEAR.search(end)
    month = re.search(r"[a-z]{3}", start.lower().split()[-1])
    end_month = re.search(r"[a-z]{3}", end.lower().split()[0 if len(end.split()) < 3 else -2])
    if year is None or _YEAR.search(start) or month is None or month[0] not in _MONTH_AT:
        return m.group(0)
    said = year.group(1)
    full = int(said) if len(said) == 4 else 2000 + int(said[1:])
    if end_month is not None and _MONTH_AT.get(month[0], 0) > _MONTH_AT.get(end_month[0], 13):
        full -= 1
    return m.group(0).replace(start, f"{start} {full}", 1)


@dataclasses.dataclass(frozen=True)
class Parser(Reader):
    """Parses clauses into edits, resolving names against the fact base."""

    def parse(self, text: str) -> Scenario:
        """A Scenario from a whole message; ScenarioError naming the part that is wrong."""
        body, details = strip_lead(text)
        body = BOTH_KINDS.sub("", NONE_OF.sub("no ", HEDGES.sub("", body)))
        body = FROM_TO.sub(_start_in_end_year, BETWEEN.sub(r"from \1 to \2", body))
        unmodelled: list[tuple[str, str]] = []
        for m in STOCK_START.finditer(body):
            unmodelled.append((m.group(0).strip(" ,;"), _STOCK_START_WHY))
        body = STOCK_START.sub("", body).strip(" ,;")
        body = self._without_comparisons(body, unmodelled)
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
        edits: list[Edit] = []
        skipped: list[Unmodelled] = []
        for p in self.distribute(parts):
            try:
                edits += self.clause(p)
            except Unmodelled as exc:  # left out, and said so, if the rest reads
                skipped.append(exc)
        if not edits and skipped:
            raise skipped[0]
        if len(edits) > MAX_EDITS:
            raise ScenarioError(
                body, f"that is {len(edits)} changes; a scenario takes at most {MAX_EDITS}"
            )
        unmodelled += [(exc.part, exc.why or _UNMODELLED_WHY) for exc in skipped]
        return Scenario(tuple(edits), horizon, details, tuple(unmodelled))

    def _without_comparisons(self, body: str, unmodelled: list[tuple[str, str]]) -> str:
        """body without its comparisons with another flight ("the way NG-22 was"), each
        added to unmodelled as an aside; a crew leaving early like another ("bails out like
        Crew-11 did") keeps its precedent, which `_early` reads."""
        asides = [
            m
            for m in COMPARED.finditer(body)
            if self.resolver.find(m["name"], ("mission",)) and not LEAVE.search(body[: m.start()])
        ]
        for m in reversed(asides):
            body = body[: m.start()] + body[m.end() :]
        unmodelled += [(m.group(0).strip(" ,;()—–-"), _COMPARED_WHY) for m in asides]
        return body.strip(" ,;")

    def distribute(self, parts: list[str]) -> list[str]:
        """Give a bare name the verb of the next clause that has one: "MS-33 and CRS-35 are
        cancelled" -> "MS-33 cancelled", "CRS-35 are cancelled"."""
        out: list[str] = []
        for i, p in enumerate(parts):
            moved = self._subjectless_move(p)
            if moved is not None and out and (said := predicate(out[-1])) is not None:
                subject = out[-1][: len(out[-1]) - len(said)].strip()
                if subject and self._names_something(subject):
                    p = f"{subject} {p}"
                    if NOT_FLOWN.search(said):  # "hadn't launched in October and slipped …"
                        out.pop()
            if predicate(p) is None and self._names_something(p):
                pred = next((q for q in map(predicate, parts[i + 1 :]) if q is not None), None)
                verb = leading_verb(out[-1]) if out else None
                if pred is not None:
                    p = f"{p} {pred}"
                elif verb is not None:  # "we lose a progress and a dragon": "lose a dragon"
                    p = f"{verb} {p}"
            out.append(p)
        return out

    @staticmethod
    def _subjectless_move(text: str) -> str | None:
        """The move verb a clause opens with, no subject before it ("slipped 2 months to
        December"), or None."""
        hits = [m for r in (DELAY, ADVANCE, MOVE_TO) if (m := r.search(text))]
        if not hits:
            return None
        m = min(hits, key=lambda m: m.start())
        if SUBJECT_FILLER.sub(" ", text[: m.start()]).strip(" ,"):
            return None
        return m.group(0) if AFTER_MOVE.match(text, m.end()) else None

    def _names_something(self, text: str) -> bool:
        """Whether text is a bare name: a flight, a pad, or a vehicle ("a dragon")."""
        if self.resolver.find(text, ("mission", "pad")) is not None:
            return True
        who = re.sub(r"^(?:the\s+)", "", text.strip(" .,!?").lower())
        if who in COUNTRIES or self.resolver.find(who, ("organization",)) is not None:
            return True  # "the us and russia stop sending cargo": "the us" stops too
        m = NEXT.match(text.strip(" .,!?"))
        return m is not None and self.resolver.find(m["veh"], ("vehicle",)) is not None

    def clause(self, text: str) -> list[Edit]:
        """The edits of one clause (one, or one per flight in "the next two Progress"); every
        number in it must be read."""
        if STATION_EVENT.search(text):
            raise Unmodelled(text, _STATION_WHY, _STATION_SHORT)
        for attempt in (
            self._rate,
            self._unboosted,
            self._early,
            self._stay,
            self._crew,
            self._add,
            self._gap,
            self._launcher,
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
        if LOAD_CHANGE.search(text):
            raise Unmodelled(text, _LOAD_WHY, _LOAD_WHY)
        found = self.resolver.find(text, ("mission", "pad", "vehicle"))
        if found is not None:
            raise ScenarioError(
                text,
                f"what happens to {self.resolver.name(found[0])}? Say e.g. “slips 3 months”, "
                "“is lost”, “moves up a month”, or for a pad “is down for a year”",
            )
        raise Unmodelled(
            text,
            "I can model: a flight slipping, moving up or lost; a flight added; a pad or vehicle "
            "down for a while; no cargo for a while; the crew size; water recovery, oxygen made "
            "aboard or propellant use changing",
        )

    # -- each kind --------------------------------------------------------------------------

    def _rate(self, c: Clause) -> Edit | None:
        t = c.text
        m = USE_CHANGE.search(t)
        if m:
            return self._use(c, m)
        m = RECOVERY_FAILS.search(t)
        if m:
            c.mark(m.start(), m.end())
            return self._lasting(
                c,
                m.end(),
                SetRate("water_recovery", 0.0, "no water recovered", self._since(c, m.end())),
            )
        m = RECOVERY.search(t)
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
            for said in (m["v"], m["was"]):
                n = number(said) if said else 0.0
                if n is None or not 0 <= n <= 100:
                    raise ScenarioError(
                        f"{said}%", f"water recovery of {said}% is not between 0 and 100%"
                    )
            return SetRate(
                "water_recovery", v / 100.0, f"water recovery {v:g}%", self._since(c, m.end())
            )
        m = PROPELLANT.search(t)
        if m:
            return self._propellant(c, m)
        m = OXYGEN.search(t)
        if m:
            c.mark(m.start(), m.end())
            if m["off"]:
                return self._lasting(
                    c,
                    m.end(),
                    SetRate(
                        "oxygen_generation",
                        0.0,
                        "no oxygen made aboard",
                        self._since(c, m.end()),
                        note=self._oxygen_made(m.group(0)),
                    ),
                )
            said = number(m["v"])
            pounds = m["u"].lower().startswith(("lb", "pound"))
            v = said * KG_PER_LB if said is not None and pounds else said
            unit = "lb" if pounds else "kg"
            if v is None or not 0 <= v <= 50:
                raise ScenarioError(m["v"], f"{m['v']} {unit} of oxygen a day is not plausible")
            shown = f"oxygen made aboard {v:.1f} kg/day ({said:g} lb)" if pounds else None
            return SetRate(
                "oxygen_generation",
                v,
                shown or f"oxygen made aboard {v:g} kg/day",
                self._since(c, m.end()),
            )
        return None

    def _lasting(self, c: Clause, after: int, edit: SetRate) -> SetRate:
        """A rate change for a while: "for 2 months", "for all of 2027", "until March" (then
        the rate before it resumes); unchanged when no length is said."""
        window = find_window(c.text, self.today)
        if window is not None:
            first, end, found = window
            c.mark(found.start, found.end)
            days = (end - first).days
            return dataclasses.replace(edit, since=first, lasting=Duration(days, "day", found.text))
        for m in RATE_FOR.finditer(c.text, after):
            got = find_duration(c.text, m.end())
            if got is not None and got[1].start == m.end():
                c.mark(m.start(), got[1].end)
                check_duration(got[0])
                return dataclasses.replace(edit, lasting=got[0])
        um = UNTIL.search(c.text, after)
        got_until = self._when(c, um.start()) if um is not None else None
        if got_until is not None:
            since = edit.since or self.today
            days = (got_until[0] - since).days
            if days <= 0:
                raise ScenarioError(got_until[1], f"“{got_until[1]}” is not after the change")
            return dataclasses.replace(edit, lasting=Duration(days, "day", f"until {got_until[1]}"))
        return edit

    def _use(self, c: Clause, m: re.Match[str]) -> SetRate:
        """How much of a resource the crew uses, changed by a share ("everyone eats 20% more
        food", "water use is up a quarter", "oxygen use doubles"), for good or for a while."""
        said = m["res"] or m["res2"] or m["res3"] or m["res4"]
        res = RESOURCE_WORDS.get(said.lower()) if said else None
        if res is None and m["verb"]:
            res = VERB_RESOURCE.get(m["verb"].lower()[:3])
        if res is None:
            raise ScenarioError(m.group(0), "say which supply: e.g. “the crew eats 20% more food”")
        share = m["share"] or m["share2"] or m["share4"]
        times = (m["times"] or m["times2"] or m["times3"] or "").lower()
        if share:
            words = share.lower().split()
            frac = SHARE_WORDS.get(words[-1])
            if frac is None:
                n = number(re.sub(r"\s*(?:%|percent|per\s*cent)$", "", share, flags=re.I))
                if n is None:
                    raise ScenarioError(share, f"I can't read “{share}”")
                frac = n / 100.0
            less = bool(m["down"]) or (m["dir"] or m["dir4"] or "").lower() in (
                "less",
                "fewer",
                "lower",
                "below",
                "under",
            )
            factor = 1.0 - frac if less else 1.0 + frac
            how = f"{share.strip()} {'lower' if less else 'higher'}"
        elif times.startswith(("twice", "double")):
            factor, how = 2.0, "doubled"
        elif times.startswith(("three", "triple")):
            factor, how = 3.0, "tripled"
        else:
            factor, how = 0.5, "halved"
        if not 0.0 < factor <= 5.0:
            raise ScenarioError(m.group(0), f"a use {factor:.0%} of today's is not plausible")
        c.mark(m.start(), m.end())
        if res == "propellant":
            edit = SetRate(
                "propellant_per_day",
                0.0,
                f"propellant use {how}",
                self._since(c, m.end()),
                factor=factor,
            )
        else:
            edit = SetRate(
                USE_RATES[res],
                factor,
                f"{res} use {how} (×{factor:.2f} a crew member a day)",
                self._since(c, m.end()),
            )
        return self._lasting(c, m.end(), edit)

    def _oxygen_made(self, said: str) -> str:
        """How a failed oxygen generator was read: the station record's one figure for oxygen
        made aboard, which names the system it is; a generator it does not name is refused."""
        made = next(
            (
                s.resupply.oxygen_generation_per_day
                for s in self.resolver.kb.stations.values()
                if s.resupply is not None and s.resupply.oxygen_generation_per_day is not None
            ),
            None,
        )
        if made is None:
            raise ScenarioError(said, "the station record gives no oxygen made aboard to change")
        system = re.search(r"\b(?:US|Russian)\s+[\w\s]+?System\b", made.note or "")
        named = f"the {system.group(0)}" if system else "the station's oxygen generation"
        other = re.match(r"\s*elektron\b", said, re.I)
        if other and "elektron" not in (made.note or "").lower():
            raise ScenarioError(
                said.strip(),
                f"the model's oxygen made aboard is one figure, {named}'s {made.text()} a day; "
                "the fact base gives no separate figure for the Russian segment's Elektron, so its "
                "failure alone cannot be modelled. Say e.g. “the oxygen generator fails” for no "
                "oxygen made aboard at all",
            )
        return (
            f"the oxygen generator failing is read as no oxygen made aboard: the station record's "
            f"one figure for it is {named}'s {made.text()} a day and it names no other generator, "
            "so the crew breathes stored and delivered oxygen only (the worst case)"
        )

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

    def _unboosted(self, c: Clause) -> Edit | None:
        """Nobody reboosting the station ("nobody reboosts the station anymore")."""
        m = NO_REBOOST.search(c.text)
        if not m:
            return None
        c.mark(0, m.end())
        return NoReboost(self._since(c, m.end()), self._duration(c, m.end()))

    def _early(self, c: Clause) -> Edit | None:
        """A crew leaving early: "crew 13 had to bail early like crew 11 did", "the soyuz crew
        comes home 2 months early", "MS-29's crew returns in January", "the station is
        evacuated" (everyone). No date: today."""
        m = LEAVE.search(c.text)
        if not m:
            return None
        before = c.text[: m.start()].strip(" ,")
        kb = self.resolver.kb
        after = re.split(r"\s+(?:from|on|in|at|by|for|until|today|now)\b", c.text[m.end() :])[0]
        everyone = WHOLE_CREW.fullmatch(before) and (
            m["cut"] or m["early"] or bool(ALL_ABOARD & set(before.lower().split()))
        )
        # "they evacuate the ISS", "nasa abandons the station"
        everyone = everyone or (
            bool(m["cut"])
            and not SUBJECT_FILLER.sub(" ", before).strip(" ,")
            and bool(WHOLE_CREW.fullmatch(after.strip(" ,.!?")))
        )
        if everyone:
            c.mark(0, m.end() + len(after))
            return CrewChange(self._since(c, m.end()) or self._when_at(c, m.end()), 0)
        who = self._leaving(c, m.start(), m.end(), bool(m["cut"] or m["early"]))
        if who is None:
            return None
        flight, vehicle = who
        c.mark(m.start(), m.end())
        early = None
        if m["early"]:
            got = find_duration(m["early"])
            if got is not None:
                early = got[0]
                check_duration(early)
        when = self._when(c, m.end())
        like = note = ""
        lm = LIKE.search(c.text)
        if lm is not None:
            said = lm["pad"] or lm["pad2"]
            ref = self.resolver.find(said, ("mission",))
            left = departure(kb.missions[ref[0]]) if ref is not None else None
            if ref is None or left is None:
                raise ScenarioError(
                    lm.group(0), f"I have no recorded return of “{said}” to compare with"
                )
            c.mark(lm.start(), lm.end())
            like = ref[0]
            note = f"{kb.missions[like].name}'s crew left on {day_text(left)}, the precedent named"
        if when is not None and early is not None:
            raise ScenarioError(
                m["early"].strip(), "say either when they leave or how early, not both"
            )
        on, typed = when if when is not None else (None, "")
        return EarlyReturn(flight, vehicle, on, early, typed, like, note)

    def _leaving(
        self, c: Clause, start: int, end: int, insisted: bool
    ) -> tuple[FlightRef | None, str] | None:
        """Whose crew the verb at start:end is about: a crew flight, or a crew vehicle (its
        flight aboard then); None when the subject is neither. insisted: the verb can only be
        about a crew ("bails early"), so a cargo flight named is an error, not another kind."""
        kb = self.resolver.kb
        used = len(c.used)
        subject = self._subject(c, start, end)
        who = CREW_OF.fullmatch(subject.strip(" .,!?"))
        name = (who["a"] or who["b"] or who["c"]) if who else subject
        flight = None
        vehicle = ""
        found = self.resolver.find(name, ("mission",)) if name else None
        if found is None and name:  # "ms-30": the crew flight of the missions it names
            crewed = [i for i in self.resolver.missions(name) if kb.missions[i].kind == "crew"]
            found = (crewed[0], "mission") if len(crewed) == 1 else None
        if found is not None:
            mission = kb.missions[found[0]]
            if mission.kind != "crew":
                if insisted:
                    raise ScenarioError(
                        name, f"{mission.name} brings no crew to the station: nothing leaves early"
                    )
                del c.used[used:]
                return None
            flight = FlightRef(mission.id, mission.name, mission.vehicle)
        else:
            ids = self.resolver.vehicles(name) if name else ()
            crewed = [v for v in ids if kb.vehicles[v].kind == "crew-spacecraft"]
            if len(crewed) != 1 or not (who or insisted):
                del c.used[used:]
                return None
            vehicle = crewed[0]
        return flight, vehicle

    def _stay(self, c: Clause) -> Edit | None:
        """A crew staying longer or shorter than modelled: "the MS-30 crew stays 3 months
        longer", "crew-13 is extended by 2 months", "crew 12 stays an extra month"."""
        m = STAY_CHANGE.search(c.text)
        if not m:
            return None
        who = self._leaving(c, m.start(), m.end(), False)
        if who is None:
            return None
        flight, vehicle = who
        if not (m["less"] or _LONGER.search(m.group(0))):
            # "had to stay 9 months instead of the usual" says the whole stay, not time added
            return None
        said = re.sub(r"\b(?:extra|additional|more)\s+", "", m["n"], flags=re.I).strip()
        got = find_duration(said) or find_duration(f"1 {said}")
        if got is None:
            return None
        length = got[0]
        check_duration(length)
        c.mark(m.start(), m.end())
        if m["less"]:
            return EarlyReturn(flight, vehicle, early=length)
        return EarlyReturn(flight, vehicle, late=length)

    def _when_at(self, c: Clause, pos: int) -> dt.date | None:
        got = self._when(c, pos)
        return got[0] if got else None

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
        """A crew size or change, for good or for a while ("10 aboard for 2 weeks")."""
        edit = self._crew_size(c)
        if not isinstance(edit, CrewChange):
            return edit
        window = find_window(c.text, self.today)
        if window is not None:  # "a crew of 4 throughout next year": that year, then as planned
            first, after, found = window
            c.mark(found.start, found.end)
            days = (after - first).days
            return dataclasses.replace(edit, since=first, lasting=Duration(days, "day", found.text))
        lasting = None
        for m in CREW_FOR.finditer(c.text):
            got = find_duration(c.text, m.end())
            if got is not None and got[1].start == m.end():
                c.mark(m.start(), got[1].end)
                lasting = got[0]
                check_duration(lasting)
                break
        return dataclasses.replace(edit, lasting=lasting) if lasting is not None else edit

    def _crew_size(self, c: Clause) -> Edit | None:
        t = c.text
        named = re.search(r"\bcrew[\s-]*\d+\b", t, re.I)
        if named and self.resolver.find(named.group(0), ("mission",)) is not None:
            return None  # "Crew-12 slips a month" is a flight
        m = CREW_MORE.search(t)
        if m and (m["verb"] or m["who"]):  # "a visit adds 2 more people, 9 total"
            c.mark(m.start(), m.end())
            for kind in re.finditer(r"[\w.-]+[\s-]+(?:style|type|like)\b", t[: m.start()], re.I):
                c.mark(kind.start(), kind.end())  # "an Ax-5-style visit": the kind, no number
            n = self._crew_number(m["n"])
            total = None
            for tm in CREW_TOTAL.finditer(t):  # the total said alongside: a check
                total = self._crew_number(tm["n"] or tm["n2"])
                c.mark(tm.start(), tm.end())
            return CrewChange(self._since(c, m.end()), None, n, total=total)
        m = CREW_NTH.search(t)
        if m:  # "an 8th person stays": one more aboard
            c.mark(m.start(), m.end())
            return CrewChange(self._since(c, m.end()), None, 1)
        for pattern, sign in ((CREW_ADD, 1), (CREW_REMOVE, -1)):
            m = pattern.search(t)
            if m:
                c.mark(m.start(), m.end())
                n = self._crew_number(m["n"]) if m["n"] else 1
                return CrewChange(self._since(c, m.end()), None, sign * n)
        m = CREW_GOES.search(t)
        if m:
            c.mark(m.start(), m.end())
            n = self._crew_number(m["n"])
            away = re.match(r"(?:leave|go|depart|return)", m["dir"], re.I)
            return CrewChange(self._since(c, m.end()), None, -n if away else n)
        m = CREW_BY.search(t)
        if m:
            c.mark(m.start(), m.end())
            n = self._crew_number(m["n"])
            up = re.match(r"(?:grows|rises|goes\s+up|increases|is\s+increased)", m["dir"], re.I)
            return CrewChange(self._since(c, m.end()), None, n if up else -n)
        m = CREW_SET.search(t)
        if not m:
            return None
        raw = m["n"] or m["n2"] or m["n3"]
        if raw.strip().lower() in ("a", "an"):
            return None
        c.mark(m.start(), m.end())
        came_from = None
        for was in CREW_WAS.finditer(t):  # "instead of 7": the size it changes from
            n = self._crew_number(was["n"])
            c.mark(was.start(), was.end())
            if re.match(r"(?:(?:down|up)\s+)?from\b", was.group(0), re.I):
                came_from = n
        return CrewChange(self._since(c, m.end()), self._crew_number(raw), came_from=came_from)

    def _add(self, c: Clause) -> Edit | None:
        m = ADD.match(c.text)
        if not m:
            return None
        veh_text = m["veh"]
        found = self.resolver.find(veh_text, ("vehicle",))
        if found is None:
            if self.resolver.find(veh_text, ("mission",)) is not None:
                return None  # "a CRS-35 flies on ..." reads as a move
            if re.search(CREW_WORDS, veh_text, re.I):
                return None
            if predicate(veh_text) is not None:
                return None  # "a Falcon 9 blows up on SLC-40", "launch site 31 is out for ..."
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
        m = GAP.search(c.text)
        if not m:
            return self._no_vehicle(c)
        operator: str | None = None  # the organization said before "stops"
        if m["none"] is not None:  # "nothing launches": every flight, cargo and crew
            what = "flights"
        elif m["stop"] is not None:  # "<who> stops sending <what>", "<who> stops flying"
            who = c.text[: m.start()].strip(" ,").lower()
            who = re.sub(r"^(?:the\s+)|\s+(?:both|all|each|also|too)$", "", who).strip()
            verb = (m["verb"] or "").lower()
            supply = "supply" in verb or verb == "delivering"
            if not m["what3"] and not supply:
                return self._stopped(c, m, who)
            org = self.resolver.find(who, ("organization",)) if who else None
            operator = org[0] if org is not None and who not in COUNTRIES else None
            # "stops supplying the iss": its cargo; a country said before the verb counts,
            # an organization picks among the vehicles named ("spacex stops flying dragon")
            said = re.sub(r"^(?:its|their|all)\s+", "", m["what3"] or "", flags=re.I)
            owner = who if who in COUNTRIES else ""
            what = f"{owner} {said} {'cargo' if supply else ''}".strip().lower()
        else:
            what = (m["what"] or m["what2"]).lower()
        words = what.split()
        country = next((COUNTRIES[w] for w in words if w in COUNTRIES), None)
        # The vehicle named, if any: "no progress flights", "russia stops sending progress".
        named = [w for w in words if w not in COUNTRIES and w not in GAP_WORDS]
        kb = self.resolver.kb
        family = self.resolver.vehicles(" ".join(named)) if named else ()
        if operator is not None:  # "spacex stops flying dragon": its own vehicles, or those named
            own = self._operated(operator, GENERIC_KINDS[""])
            family = tuple(v for v in family or (() if named else own) if v in own)
            if not family:
                raise ScenarioError(
                    c.text, f"nothing I model that {self.resolver.name(operator)} flies is named"
                )
        if re.search(r"cargo|supply", what):  # "no dragon cargo": the cargo ones only
            family = tuple(v for v in family if kb.vehicles[v].kind != "crew-spacecraft")
        vehicles: tuple[str, ...]
        if family:
            country = None
            vehicles = family
            label = f"no {listed([short_name(kb, v) for v in family])} flights"
        elif named and m["stop"] is not None:  # never every flight for a name not known
            said = " ".join(named)
            raise ScenarioError(
                said,
                f"“{said}” is not a vehicle I know",
                self.resolver.suggest(said, ("vehicle",)),
            )
        else:
            cargo = bool(re.search(r"cargo|resupply|supply|supplies|deliver", what))
            vehicles = self.resolver.vehicles_of(country, GENERIC_KINDS["cargo" if cargo else ""])
            adjective = next((ADJECTIVES[COUNTRIES[w]] for w in words if w in COUNTRIES), "")
            label = f"no {adjective + ' ' if adjective else ''}{'cargo' if cargo else 'flights'}"
            if not vehicles:
                raise ScenarioError(what, f"no active vehicle matches “{what}”")
        c.mark(m.start(), m.end())
        return self._hold(c, m.end(), label, (), vehicles, "")

    def _no_vehicle(self, c: Clause) -> Edit | None:
        """ "there's no Progress for a year": that vehicle family held, as a supply gap."""
        m = NO_VEHICLE.search(c.text)
        if not m:
            return None
        kb = self.resolver.kb
        kinds = ("cargo-spacecraft", "spaceplane", "crew-spacecraft")
        said = re.sub(r"(?<=[a-z])s$", "", m["veh"], flags=re.I)  # "no dragons"
        family = tuple(
            v
            for words in dict.fromkeys((m["veh"], said))
            for v in self.resolver.vehicles(words)
            if kb.vehicles[v].kind in kinds
        )
        if not family:
            return None
        family = tuple(dict.fromkeys(family))
        c.mark(m.start(), m.end())
        label = f"no {listed([short_name(kb, v) for v in family])} flights"
        return self._hold(c, m.end(), label, (), family, "")

    def _stopped(self, c: Clause, m: re.Match[str], who: str) -> Edit | None:
        """ "SpaceX stops flying": the vehicles an organization (or a country) flies, or that fly
        on its rockets."""
        kb = self.resolver.kb
        org = self.resolver.find(who, ("organization",)) if who else None
        country = COUNTRIES.get(who)
        kinds = ("cargo-spacecraft", "spaceplane", "crew-spacecraft")
        grounded = self.grounded(who) if who and org is None and country is None else None
        if org is not None and (self._operated(org[0], kinds) or country is None):
            oid = org[0]
            vehicles = self._operated(oid, kinds)
            label = f"no {self.resolver.name(oid)} flights"
        elif country is not None:  # "nasa quits": the country's vehicles, whoever operates them
            vehicles = self.resolver.vehicles_of(country, kinds)
            label = f"no {ADJECTIVES[country]} flights"
        elif grounded is not None:  # "cargo dragon stops flying (after CRS-35)"
            vehicles = tuple(v for v in grounded[0] if kb.vehicles[v].kind in kinds)
            label = f"no {listed([short_name(kb, v) for v in vehicles])} flights"
            c.mark(m.start(), m.end())
            return self._hold(c, m.end(), label, (), vehicles, grounded[2])
        else:
            return None
        if not vehicles:
            raise ScenarioError(who, f"nothing I model flies for {who}")
        c.mark(m.start(), m.end())
        return self._hold(c, m.end(), label, (), vehicles, "")

    def _operated(self, oid: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """The active vehicles of these kinds an organization flies, or that fly on its
        rockets."""
        kb = self.resolver.kb
        return tuple(
            v
            for v in self.resolver.vehicles_of(None, kinds)
            if kb.vehicles[v].operator == oid
            or any(
                kb.vehicles[x].operator == oid for x in kb.vehicles[v].launchers if x in kb.vehicles
            )
        )

    def _launcher(self, c: Clause) -> list[Edit] | None:
        """A launcher failing ("a Falcon 9 blows up on SLC-40", "spacex has a falcon 9
        failure", "the next Falcon 9 launch explodes", "Falcon 9 fails during CRS-35"): every
        vehicle it carries is grounded, the pad it failed on is down and the flight it carried
        is lost, for as long as its last recorded return to flight took (else the latest any
        launcher's took), unless a length is given."""
        kb = self.resolver.kb
        found = self._failed_launcher(c)
        if found is None:
            return None
        launcher, subject, m, is_next = found
        grounded = self.grounded(subject)
        assert grounded is not None
        vehicles, label, carries = grounded
        pads: tuple[str, ...] = ()
        lost: list[FlightRef] = []
        for on in FAILED_ON.finditer(c.text, m.end()):
            # "the pad at the cape" is one place; "NG-25 at SLC-40" a flight and a place
            whole = on["pad"]
            parts = [whole]
            if self.pad(whole) is None and self.resolver.find(whole, ("mission",)) is None:
                parts = re.split(r"\s+(?:on|at)\s+", whole, flags=re.I)
            for part in parts:
                pad = (
                    self._launcher_pad(launcher, vehicles) if GENERIC_PAD.fullmatch(part) else None
                )
                pad = pad or self.pad(part)
                flight = self.resolver.find(part, ("mission",)) if pad is None else None
                if pad is not None:
                    pads = (pad[0],)
                elif flight is not None:
                    rec = kb.missions[flight[0]]
                    lost.append(FlightRef(rec.id, rec.name, rec.vehicle))
                else:
                    raise ScenarioError(
                        part,
                        f"“{part}” is not a pad or a flight I know",
                        self.resolver.suggest(part, ("pad", "mission")),
                    )
            c.mark(on.start(), on.end())
        if is_next and not lost:  # "the next Falcon 9 launch": the next ISS flight on it
            nexts = [f for v in vehicles for f in self.next_flights(v, 1) if f.due is not None]
            if nexts:
                first = min(nexts, key=lambda f: (f.due or self.today, f.key))
                lost.append(
                    dataclasses.replace(first, how=f"the next {kb.vehicles[launcher].name}")
                )
        hold = self._launcher_hold(c, m, launcher, label, pads, vehicles, carries, lost)
        return [*(Cancel(f) for f in lost), hold]

    def _launcher_pad(self, launcher: str, carried: tuple[str, ...]) -> tuple[str, str] | None:
        """ "The pad" a launcher failed on: the one pad the vehicles it carries fly from."""
        kb = self.resolver.kb
        used = {p for v in carried if (p := flown_from(kb, v)) is not None}
        if len(used) != 1:
            return None
        return next(iter(used)), ""

    def _failed_launcher(self, c: Clause) -> tuple[str, str, re.Match[str], bool] | None:
        """The launcher a clause says failed: (id, its name as typed, the failure's words,
        whether it was "the next" one), marked as read; or None."""
        kb = self.resolver.kb

        def launcher(text: str) -> tuple[str, str, bool] | None:
            m = NEXT.match(text.strip(" .,!?"))
            named = m["veh"] if m else text
            for words in (named, re.sub(r"\s+(?:rocket|launch(?:er)?)$", "", named, flags=re.I)):
                ids = self.resolver.vehicles(words) if words else ()
                if len(ids) == 1 and kb.vehicles[ids[0]].kind == "launch-vehicle":
                    return ids[0], words, bool(m and m["next"])
            return None

        m = CANCEL.search(c.text)
        if m is not None:
            used = len(c.used)
            got = launcher(self._subject(c, m.start(), m.end()))
            if got is not None:
                c.mark(m.start(), m.end())
                return got[0], got[1], m, got[2]
            del c.used[used:]
        for f in FAILURE_OF.finditer(c.text):
            words = f["veh"].split()
            rocket = " rocket" if re.search(r"\brocket\s+\w+$", f.group(0), re.I) else ""
            for i in range(len(words)):  # "spacex has a falcon 9": the launcher at its end
                got = launcher(" ".join(words[i:]) + rocket) or launcher(" ".join(words[i:]))
                if got is not None:
                    c.mark(f.start(), f.end())
                    return got[0], got[1], f, got[2]
        return None

    def _launcher_hold(
        self,
        c: Clause,
        m: re.Match[str],
        launcher: str,
        label: str,
        pads: tuple[str, ...],
        vehicles: tuple[str, ...],
        carries: str,
        lost: list[FlightRef],
    ) -> Hold:
        """How long a failed launcher stays grounded: as said, else its precedent."""
        kb = self.resolver.kb
        hold = self._hold(c, m.end(), label, pads, vehicles, carries)
        since = hold.start or self._since(c, m.end())  # "fails in March 2027"
        if since is None and lost:  # on the day the flight it carried launches
            rec = kb.missions.get(lost[0].key)
            day = arrival_date(rec) if rec is not None else lost[0].due
            flew = rec is not None and rec.status in ("launched", "docked", "completed")
            since = day if day is not None and (flew or day > self.today) else None
        hold = dataclasses.replace(hold, cause="fails", start=since)
        if not hold.open_ended or OPEN_ENDED.search(c.text):
            return hold
        got = last_return_to_flight(kb, launcher)
        name = kb.vehicles[launcher].name
        where = f"; {kb.pads[pads[0]].name} is down as long" if pads else ""
        if got is None:
            why = (
                f"the fact base records no return to flight after a launch failure, so "
                f"{name} stays grounded through the whole run{where}"
            )
            return dataclasses.replace(hold, note=f"{carries}. {why[:1].upper()}{why[1:]}")
        vid, failed, again = got
        days = (again - failed).days
        whose = (
            f"it took to fly again after its {day_text(failed)} failure"
            if vid == launcher
            else f"{kb.vehicles[vid].name} took to fly again after its {day_text(failed)} failure "
            f"(the latest return to flight recorded; none for {name})"
        )
        why = f"a failure is taken to ground {name} for {days} days, as long as {whose}{where}"
        return dataclasses.replace(
            hold,
            by=Duration(days, "day", f"{days} days"),
            note=f"{carries}. {why[:1].upper()}{why[1:]}",
        )

    def _cancel(self, c: Clause) -> list[Edit] | None:
        m = CANCEL.search(c.text)
        if not m or NOT_UNTIL.search(c.text):  # "doesn't fly until 2028": a move
            return None
        used = len(c.used)
        subject = self._subject(c, m.start(), m.end())
        if subject and self.pad(subject) is not None:
            return None  # "SLC-40 is destroyed": the pad is down
        wrecked = re.search(r"wreck|totall?ed|smashed", m.group(0), re.I)
        if wrecked and not (subject and self._names_something(subject)):
            del c.used[used:]
            return None  # "down, wrecked: SLC-40": what is wrecked may be a pad named after
        c.mark(m.start(), m.end())
        return [Cancel(f) for f in self.flights(subject)]

    def _ground(self, c: Clause) -> Edit | None:
        m = GROUND.search(c.text)
        if not m:
            return None
        used = len(c.used)
        subject = _unsized(self._subject(c, m.start(), m.end()))
        if not subject:
            return None
        pad = self.pad(subject)
        if pad is not None:
            rid, note = pad
            c.mark(m.start(), m.end())
            name = self.resolver.name(rid)
            return self._hold(c, m.end(), f"{name} down", (rid,), (), note, m)
        found = self.resolver.find(subject, ("vehicle", "mission"))
        grounded = self.grounded(subject) if found is None or found[1] == "vehicle" else None
        if grounded is not None:
            c.mark(m.start(), m.end())
            vehicles, label, how = grounded
            return self._hold(c, m.end(), label, (), vehicles, how)
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
        rid = found[0]
        if DELAY.search(c.text) or ADVANCE.search(c.text) or MOVE_TO.search(c.text):
            del c.used[used:]
            return None
        raise ScenarioError(
            subject,
            f"{self.resolver.name(rid)} is a flight, not a pad: say it “slips 3 months” or "
            "“is lost”",
        )

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
        window = find_window(t, self.today)
        year_end = None if window else find_year_end(t, after) or find_year_end(t)
        if window is not None:  # "for the whole of Q1 2027": from its start to its end
            until, until_text = window[1], window[2].text
            c.mark(window[2].start, window[2].end)
        elif year_end is not None:
            until, until_text = year_end[0], year_end[1].text
            c.mark(year_end[1].start, year_end[1].end)
        else:
            um = UNTIL.search(t, after)
            if um is not None:
                got = self._when(c, um.start())
                if got is not None:
                    until, until_text = got
                    month = find_month(t, 1, um.start())
                    whole = month is not None and month[0].part is None
                    if (
                        whole
                        and um.group(0).lower().startswith("thr")
                        and not find_date(t, um.end())
                    ):
                        # "through March": all of March, to 1 April
                        until = add_months(until.replace(day=1), 1)
                        until_text = f"through {until_text}"
            if until is None:
                dur = self._duration(c, after) or self._duration(c)
        if until is None and dur is None:
            lm = LIKE.search(t)
            if lm:
                said = lm["pad"] or lm["pad2"]
                ref = self.pad(said)
                closure = last_closure(self.resolver.kb, ref[0]) if ref else None
                if ref is None or closure is None:
                    raise ScenarioError(
                        lm.group(0),
                        f"I have no recorded closure for “{said}” to copy; say how long, "
                        "e.g. “for 6 months”",
                    )
                c.mark(lm.start(), lm.end())
                days = (closure[1] - closure[0]).days
                dur = Duration(days, "day", f"{days} days")
                like = self.resolver.name(ref[0])
            elif len(pads) == 1 and (AGAIN.search(t) or LIKE_YEAR.search(t)):
                # "31/6 goes down again", "… like in 2025": as long as its own last recorded
                # closure, applied from now; a year said must be the closure's.
                closure = last_closure(self.resolver.kb, pads[0])
                ym = LIKE_YEAR.search(t)
                name = self.resolver.name(pads[0])
                if ym is not None:
                    if closure is None:
                        raise ScenarioError(
                            ym.group(0),
                            f"I have no recorded closure of {name} to copy; say how long, "
                            "e.g. “for 6 months”",
                        )
                    if int(ym["year"]) not in (closure[0].year, closure[1].year):
                        raise ScenarioError(
                            ym.group(0),
                            f"{name}'s last recorded closure was {day_text(closure[0])} – "
                            f"{day_text(closure[1])}, not in {ym['year']}; say how long, e.g. "
                            "“for 6 months”",
                        )
                    c.mark(ym.start(), ym.end())
                if closure is not None:
                    days = (closure[1] - closure[0]).days
                    dur = Duration(days, "day", f"{days} days")
                    like = f"{OWN_CLOSURE}, {day_text(closure[0])} – {day_text(closure[1])}"
        if until is None and dur is None and not OPEN_ENDED.search(t):
            vague = vague_error(t[after:])
            if vague is not None:
                raise vague
        extra = dur is not None and until is None and bool(EXTRA.search(t)) and not like
        start = window[0] if window is not None and window[0] > self.today else None
        flight_start = self._after_flight(c, after, vehicles) if start is None else None
        if flight_start is not None:  # "grounded after NG-24"
            start, said = flight_start
            note = f"{note}; {said}" if note else said
        fm = FROM.search(t, after) if start is None and flight_start is None else None
        ym = LIKE_YEAR.search(t)
        if fm is not None and ym is not None and ym.start() <= fm.start() < ym.end():
            fm = None  # "like in 2025" names the outage copied, not when this one starts
        # "in 2028", "in March" start it; "in 2 weeks" and "on launch" do not
        said_in = re.match(
            r"in\s+(?!(?:19|20)\d\d\b|[a-z]+\s+(?:19|20)\d\d\b)",
            t[fm.start() :] if fm else "",
            re.I,
        )
        if fm is not None and not t[fm.start() :].lower().startswith("on launch") and not said_in:
            # a start month with no year is the nearest one ("after mid-October" in December is
            # the October just gone), the last one after "since"
            since = -1 if fm.group(0).lower().startswith("since") else 0
            got = self._when(c, fm.start(), since)
            start = got[0] if got else None
            if got is not None and got[0] < self.today and "no year given" in got[1]:
                note = f"{note}; from {got[1]}" if note else f"from {got[1]}"
        past = verb is not None and (extra or bool(PAST.search(t[: verb.end()])))
        if start is None and len(pads) == 1 and past:
            start = last_damage(self.resolver.kb, pads[0])
        return Hold(label, pads, vehicles, start, dur, until, until_text, extra, like, note)

    def _not_until(self, c: Clause) -> list[Edit] | None:
        """A flight that does not fly before a date ("HTV-X2 doesn't fly until 2028", "NG-25
        won't go before summer 2027"): moved to the first day of that period."""
        m = NOT_UNTIL.search(c.text)
        if m is None:
            return None
        subject = self._subject(c, m.start(), m.end())
        refs = self.flights(subject)
        c.mark(m.start(), m.end())
        got = self._date(c, m.start())
        if got is not None:
            day, found = got
            typed = found.text
            if day.isoformat() not in typed:  # say which day a year or a season was read as
                first = f"from its first day, {day_text(day)}"
                typed = f"{typed[:-1]}, {first})" if typed.endswith(")") else f"{typed} ({first})"
            return [Move(f, 0, None, day, typed=typed) for f in refs]
        month = self._month(c, 1, m.start())
        if month is not None:
            return [Move(f, 0, None, None, month, month.text) for f in refs]
        vague = vague_error(c.text[m.end() :])
        if vague is not None:
            raise vague
        raise ScenarioError(c.text, "say until when, e.g. “doesn't fly until March 2027”")

    def _move(self, c: Clause) -> list[Edit] | None:
        t = c.text
        if NOT_UNTIL.search(t):
            return self._not_until(c)
        m = ADVANCE.search(t)
        sign = -1
        if m is None:
            m = DELAY.search(t)
            sign = 1
        to_m = MOVE_TO.search(t)
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
        origin = self._slip_origin(c, m.end())
        target = self._slip_target(c, m.end(), sign)
        if target is not None:  # the date named wins over the length; apply says if they differ
            day, month, typed = target
            return [Move(f, sign, dur, day, month, typed, origin) for f in refs]
        return [Move(f, sign, dur, None, origin=origin) for f in refs]

    def _slip_origin(self, c: Clause, pos: int) -> SlipOrigin | None:
        """What a slip's length counts from, when named after it: "from December" (a month,
        the nearest to the flight's date), "from 20 December 2025", "from its original date"
        (the first recorded plan); None when none is named (the flight's date in the plan)."""
        om = SLIP_ORIGINAL.search(c.text, pos)
        if om is not None:
            c.mark(om.start(), om.end())
            return SlipOrigin(original=True, typed="its original date")
        for fm in SLIP_FROM.finditer(c.text, pos):
            got = find_date(c.text, fm.end())
            if got is not None and got[1].start == fm.end():
                c.mark(fm.start(), got[1].end)
                return SlipOrigin(day=got[0], typed=got[1].text)
            month = find_month(c.text, 0, fm.start())
            if month is not None and month[1].start == fm.end():
                c.mark(fm.start(), month[1].end)
                return SlipOrigin(month=month[0], typed=month[0].text)
        return None

    def _slip_target(
        self, c: Clause, pos: int, direction: int
    ) -> tuple[dt.date | None, MonthTarget | None, str] | None:
        """The date a slip said by its length lands on ("2 months to February 2027", "6 weeks
        to mid-January"): a full date, or a month with no year; None when none is named."""
        for tm in SLIP_TARGET.finditer(c.text, pos):
            got = find_date(c.text, tm.end())
            if got is not None and got[1].start == tm.end():
                c.mark(tm.start(), got[1].end)
                return got[0], None, got[1].text
            month = find_month(c.text, direction, tm.start())
            if month is not None and month[1].start == tm.end():
                c.mark(tm.start(), month[1].end)
                return None, month[0], month[0].text
        return None
