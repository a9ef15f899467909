"""Yes/no questions that name a value for a field: the value against the record's own field.

"did NG-24 launch on an Antares", "was Soyuz MS-28 flown from Site 31", "was NG-24 run by
Roscosmos", "was Chris Williams on Soyuz MS-28", "did Soyuz MS-28 launch in 2024": the named
value is compared with the field that holds that kind of value (launcher or spacecraft,
pad, operator or builder, crew, launch year or month). A match is "Yes", a mismatch is "No"
with the recorded value, and a field the record does not fill is "not known"; a question
that names no such value is left to the other checks (None).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from commands.context import Context
from commands.facts import already_text, asked_ahead, asks_harm, bounded, names, rides
from commands.format import date_text, publisher, when_text, with_article
from commands.said import by_date, planned_at
from commands.understand.prefilter import phrases
from commands.understand.reader import countries_of
from commands.understand.types import Ask, Fact, Question, Subject
from commands.understand.vocabulary import (
    COUNTRIES,
    DAY_OF_MONTH,
    GENERIC_NOUNS,
    HINTS,
    NATIONALITIES,
    QUESTION_VOCABULARY,
    YES_NO_TAG,
)
from knowledge.dates import MONTH_NAMES, FuzzyDate
from knowledge.names import names_of
from knowledge.schema import PENDING, CrewMember, Event, Mission, Pad, Record, Vehicle
from knowledge.text import fold_tokens, words

# Words right before a value that make it the claim's value ("on an Antares", "from Wallops",
# "by Roscosmos", "aboard Soyuz MS-28"); articles between are skipped.
_CLAIM_WORDS = frozenset(
    "on aboard atop from off at by with via using use used uses onboard".split()
)
_ARTICLES = frozenset({"a", "an", "the"})
# Words between the record and a value that make "is X a Y" a claim ("was NG-24 a Cygnus").
_COPULA = frozenset({"is", "was", "a", "an", "the", "really", "actually"})
# A crew question about a change of crew is no membership claim ("did Kim replace Artemyev").
_CREW_CHANGE = phrases(
    r"\b(?:replac\w*|swap\w*|pull\w*|remov\w*|instead|bump\w*|substitut\w*|original\w*|"
    r"kick\w*|dropp?\w*|boot\w*|dismiss\w*|fired|yank\w*|axed|taken off|struck off|"
    r"backup|reserve|train\w*|meet|met|visit\w*|greet\w*)\b",
    re.I,
)
_IN_MONTH = phrases(
    r"\bin\s+(?:early\s+|late\s+|mid-?\s*)?(" + "|".join(m.lower() for m in MONTH_NAMES) + r")\b",
    re.I,
)
DATE_FACTS = {
    Fact.LAUNCH: ("launched",),
    Fact.DOCKING: ("docked", "berthed"),
    Fact.UNDOCKING: ("undocked", "unberthed", "departed", "released"),
    Fact.LANDING: ("splashdown", "landed", "landing", "returned", "re-entered", "burned up"),
}

_VERBS = {
    Fact.LAUNCH: "launched",
    Fact.DOCKING: "docked",
    Fact.UNDOCKING: "undocked",
    Fact.LANDING: "returned",
}


@dataclass(frozen=True)
class Verdict:
    """A named value checked against a record's field."""

    yes: bool | None  # None: the field is not recorded (or the question offers a choice)
    text: str  # the recorded value in a sentence, without Yes/No
    sources: tuple[str, ...]
    known: bool = True  # False: the field is not recorded
    field: str = ""  # which field was checked: one sentence per field in the answer


def check(ctx: Context, q: Question, rec: Record, now: dt.date) -> Verdict | None:
    """The named values of a yes/no question against the record's fields: every value must
    match its field for "Yes"; one mismatch is "No"; None when no value is named."""
    groups = _values(q, rec)
    verdicts = [v for g in groups if (v := _against_any(ctx, q, rec, g)) is not None]
    if len(groups) >= 2 and _OR.search(q.text[groups[0][0].end : groups[-1][0].start]):
        # "did NG-24 launch on an Antares or a Falcon 9": which of them, not yes or no
        chosen = [v for v in verdicts if v.yes]
        if chosen:
            return Verdict(None, chosen[0].text, chosen[0].sources)
    when = deadline(ctx, q, (rec,), now) or _date_claim(ctx, q, rec, now)
    if when is not None:
        verdicts.append(when)
    if not groups and isinstance(rec, CrewMember):
        national = _nationality_claim(ctx, q, rec)
        if national is not None:  # "is she american", "is he a russian cosmonaut"
            verdicts.append(national)
    if not verdicts:
        unread = _unread_field(ctx, q, rec)  # "does progress launch from vostochny"
        verdicts += [unread] if unread is not None else []
    if not verdicts:
        return None
    wrong = [v for v in verdicts if v.yes is False]
    unknown = [v for v in verdicts if v.yes is None]
    chosen = wrong or unknown or verdicts
    yes = False if wrong else None if unknown else True
    per_field = {v.field or v.text: v.text for v in reversed(chosen)}  # the first of each
    text = " ".join(dict.fromkeys(reversed(per_field.values())))
    sources = tuple(dict.fromkeys(s for v in chosen for s in v.sources))
    return Verdict(yes, text, sources, known=yes is not None)


_OR = phrases(r"\bor\b", re.I)


def _against_any(
    ctx: Context, q: Question, rec: Record, group: tuple[Subject, ...]
) -> Verdict | None:
    """One typed value that may mean several records ("Dragon", "Soyuz"): a match if any of
    them matches its field, else the first mismatch."""
    found = [v for s in group if (v := _against(ctx, q, rec, s)) is not None]
    return next((v for v in found if v.yes), None) or (found[0] if found else None)


def _values(q: Question, rec: Record) -> list[tuple[Subject, ...]]:
    """The values the question names for the record (not the record itself); a name that
    fits several records is one value."""
    own = [s for s in q.subjects if s.record_id == rec.id]
    countries = _country_spans(q.text)
    out: list[tuple[Subject, ...]] = []
    for group in [*((s,) for s in q.subjects), *q.ambiguous]:
        s = group[0]
        if any(g.record_id == rec.id for g in group):
            continue
        if any(a <= s.start < b for a, b in countries):
            continue  # "from the united states": a country, not United Launch Alliance
        if any(g.kind not in ("vehicle", "pad", "organization", "crew") for g in group):
            continue
        if any(o.start <= s.start < o.end or s.start <= o.start < s.end for o in own):
            continue  # part of the record's own name ("Cygnus" in "Cygnus NG-24")
        chained = bool(out) and _word_before(q, s) in ("or", "nor")  # "on X or (on) Y"
        if s.kind == "crew" or chained or _claimed(q, s, own):
            out.append(group)
    return out


def is_value(q: Question, s: Subject) -> bool:
    """Whether a name the question types is a claimed value ("from Tanegashima"), not the
    record the claim is about."""
    return _claimed(q, s, [])


def field_sentences(ctx: Context, rec: Record) -> tuple[str, ...]:
    """A vehicle's rockets and pads as sentences, for naming the recorded value of a slot the
    question fills with another ("on an H-IIB": "HTV-X flies on the H3")."""
    if not isinstance(rec, Vehicle):
        return ()
    rides = names([f"the {_name(ctx, r)}" for r in rec.launchers]) if rec.launchers else ""
    pads = names([_name(ctx, p) for p in rec.pads]) if rec.pads else ""
    # where the pads are: "from florida", "from kazakhstan" name no other pad
    where = [
        f"{p.name} is at {p.site}, {p.country}." for r in rec.pads if (p := ctx.kb.pads.get(r))
    ]
    return tuple(
        t
        for t in (
            rides and f"{rec.name} flies on {rides}.",
            pads and f"{rec.name} flies from {pads}.",
            *where,
        )
        if t
    )


def _word_before(q: Question, s: Subject) -> str:
    """The word before a name, articles skipped ("" at the start)."""
    before = [w for w in fold_tokens(q.text[: max(s.start, 0)]) if w not in _ARTICLES]
    return before[-1] if before else ""


def _claimed(q: Question, s: Subject, own: list[Subject]) -> bool:
    """Whether the words before a value make it the claim's value."""
    if s.start < 0:
        return False
    before = fold_tokens(q.text[: s.start])
    while before and before[-1] in _ARTICLES:
        before.pop()
    if before and (before[-1] in _CLAIM_WORDS or before[-2:] == ["out", "of"]):
        return True  # "on an H3", "out of Tanegashima"
    mine = [o for o in own if 0 <= o.end <= s.start]
    if mine:  # "was NG-24 a Cygnus flight"
        between = fold_tokens(q.text[max(o.end for o in mine) : s.start])
        return bool(between) and set(between) <= _COPULA and bool(set(between) & {"a", "an"})
    return False


def _matches(ctx: Context, s: Subject, q: Question, rid: str | None) -> bool:
    """Whether the named value is the field's record: the same id, or every word typed for it
    is a word of one of the field record's names (or a pad's site): "Soyuz" of Soyuz-2.1a."""
    if rid is None:
        return False
    if rid == s.record_id:
        return True
    rec = ctx.kb.get(rid)
    if rec is None or s.start < 0:
        return False
    typed = set(fold_tokens(q.text[s.start : s.end]))
    if not typed:
        return False
    forms = [*names_of(rec), *([rec.site] if isinstance(rec, Pad) else [])]
    return any(typed <= set(fold_tokens(f)) for f in forms)


def _name(ctx: Context, rid: str | None) -> str:
    rec = ctx.kb.get(rid) if rid else None
    return rec.name if rec is not None else (rid or "")


def _per(ctx: Context, sources: tuple[str, ...]) -> str:
    return f", per {publisher(ctx.kb, sources[0])}" if sources else ""


def _against(ctx: Context, q: Question, rec: Record, s: Subject) -> Verdict | None:
    if isinstance(rec, Mission):
        return _mission_field(ctx, q, rec, s)
    if isinstance(rec, Vehicle):
        return _vehicle_field(ctx, q, rec, s)
    if isinstance(rec, CrewMember) and s.kind == "organization":
        return _one(ctx, q, s, rec.name, "is with", [rec.agency], rec.sources)
    return None


def _one(
    ctx: Context,
    q: Question,
    s: Subject,
    who: str,
    verb: str,
    recorded: list[str],
    sources: tuple[str, ...],
    article: str = "",
) -> Verdict:
    """The value against the recorded ones: which are recorded, and "not X" on a mismatch."""
    if not recorded:
        return Verdict(None, f"The base does not record what {who} {verb}.", sources, known=False)
    said = [
        with_article(_name(ctx, r)) if article == "a " else f"{article}{_name(ctx, r)}"
        for r in recorded
    ]
    names = ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]
    yes = any(_matches(ctx, s, q, r) for r in recorded)
    typed = s.name if s.exact else q.text[s.start : s.end]
    tail = "" if yes else f", not {typed}"
    text = f"{who} {verb} {names}{tail}{_per(ctx, sources)}."
    return Verdict(yes, text, sources, field=f"{who} {verb}")


# A country by its own name ("from russia", "from the united states"): the first name of each.
_COUNTRY_NAMED = {
    h: phrases(rf"\bfrom (?:the )?{re.escape(names[0].lower())}\b", re.I)
    for h, names in COUNTRIES.items()
}
# A claim of what a person is: "is she ...", "was Kikina ...".
_IS_WHO = phrases(r"^\s*(?:is|was|are|were|isn'?t|wasn'?t)\b", re.I)


def _nationality_claim(ctx: Context, q: Question, c: CrewMember) -> Verdict | None:
    """A person's country asked yes or no ("is she american", "is he from japan"): the
    countries of their recorded nationality and agency (reader.countries_of: ESA is Europe,
    so a French ESA astronaut is European) against the asked one."""
    low = q.text.lower()  # the whole text: a country's name is left out of q.hint ("russia")
    if not _IS_WHO.match(low):  # "did the scandal stop cooperation with russia": no claim
        return None
    found = {
        h: m.group(0)
        for h, p in (*HINTS, *_COUNTRY_NAMED.items())
        if h in COUNTRIES and (m := p.search(low))
    }
    if len(found) != 1:  # none, or "american or russian": no single claim
        return None
    hint, typed = next(iter(found.items()))
    asked = COUNTRIES[hint]
    mine = countries_of(ctx.kb, c.id)
    if not mine:
        return None
    yes = any(country in asked for country in mine)
    agency = ctx.kb.get(c.agency)
    flies = f" and flies for {agency.name}" if agency is not None else ""
    who = c.nationality or mine[0]
    if typed.lower().startswith("from "):  # "from the united states": the country's name
        shown = asked[0]
    else:
        shown = typed.upper() if typed.lower() in ("us", "usa") else typed[:1].upper() + typed[1:]
    tail = "" if yes else f", not {shown}"
    text = f"{c.name} is {who}{flies}{tail}{_per(ctx, c.sources)}."
    return Verdict(yes, text, c.sources, field=f"{c.name} is")


def _mission_field(ctx: Context, q: Question, m: Mission, s: Subject) -> Verdict | None:
    pending = m.status in PENDING
    src = tuple(m.sources)
    if s.kind == "vehicle":
        v = ctx.kb.vehicles.get(s.record_id)
        verb = "is planned to fly on" if pending else "flew on"
        rocket = _one(ctx, q, s, m.name, verb, [m.launcher] if m.launcher else [], src, "a ")
        ship = _one(ctx, q, s, m.name, "is a flight of", [m.vehicle], src)
        if ship.yes and not rocket.yes:  # "on a Soyuz": the Soyuz-2.1a or the Soyuz MS
            return ship
        return rocket if (v is not None and v.kind == "launch-vehicle") or rocket.yes else ship
    if s.kind == "pad":
        if asks_harm(q):  # "was the pad damaged by X": the pad's state, not X's pad
            return None
        verb = "is planned to launch from" if pending else "launched from"
        return _one(ctx, q, s, m.name, verb, [m.pad] if m.pad else [], src)
    if s.kind == "organization":
        v = ctx.kb.vehicles.get(m.vehicle)
        if Fact.BUILDER in q.facts:
            built = [v.manufacturer] if v is not None and v.manufacturer else []
            return _one(ctx, q, s, f"{m.name}'s spacecraft", "is built by", built, src)
        if Fact.OPERATOR in q.facts or _claimed(q, s, []):
            op = m.operator or (v.operator if v is not None else None)
            return _one(ctx, q, s, m.name, "is flown by", [op] if op else [], src)
        return None
    if s.kind == "crew" and not _CREW_CHANGE.search(q.text):
        if m.crew:
            return _one(
                ctx, q, s, m.name, "carried" if not pending else "is to carry", [*m.crew], src
            )
        if m.kind == "cargo":
            return Verdict(False, f"{m.name} is a cargo flight: it carried no crew.", src)
        return Verdict(None, f"The base does not record {m.name}'s crew.", src, known=False)
    return None


def _unread_field(ctx: Context, q: Question, rec: Record) -> Verdict | None:
    """A yes/no naming a value no record is, after a slot word a vehicle's field fills
    ("launch from vostochny", "fly on an angara"): No with the recorded rockets or pads when
    the value is none of them nor where they are (`field_sentences`); None otherwise."""
    if q.ask is not Ask.YES_NO or not isinstance(rec, Vehicle):
        return None
    found = unread_values(ctx, q, rec, "", field_sentences(ctx, rec))
    # only a rocket or pad slot ("from", "on"), never where a pad is ("in trouble")
    if found is None or found[0] is not False or f"{rec.name} flies " not in found[1]:
        return None
    return Verdict(False, found[1].strip(), tuple(rec.sources), field="unread")


def _vehicle_field(ctx: Context, q: Question, v: Vehicle, s: Subject) -> Verdict | None:
    src = tuple(v.sources)
    other = ctx.kb.vehicles.get(s.record_id)
    if s.kind == "vehicle" and other is not None and other.kind == "launch-vehicle":
        if v.kind == "launch-vehicle":
            return None
        retired = [r for r in v.launchers if _retired(ctx, r)]
        current = [r for r in v.launchers if r not in retired]
        if not retired or not current or _PAST.search(q.text):
            return _one(ctx, q, s, v.name, "flies on", [*v.launchers], src, "the ")
        # "is cygnus launched on falcon 9 now": the rockets it flies on today, the retired
        # ones said as earlier
        now = _one(ctx, q, s, v.name, "flies on", current, src, "the ")
        earlier = names([f"the {_name(ctx, r)}" for r in retired])
        return replace(now, text=f"{now.text[:-1]} (earlier also on {earlier}, now retired).")
    if s.kind == "pad":
        _, retired_rockets, current_pads, old_pads = rides(ctx, v)
        if not old_pads or _PAST.search(q.text):
            return _one(ctx, q, s, v.name, "flies from", [*v.pads], src)
        # "does cygnus still fly from wallops": the pads its rockets fly from today, a pad only
        # its retired rockets used said as earlier
        now = _one(ctx, q, s, v.name, "flies from", current_pads, src)
        earlier = names([_name(ctx, p) for p in old_pads])
        why = (
            f"on {names([f'the {_name(ctx, r)}' for r in retired_rockets])}, now retired"
            if retired_rockets
            else "no longer used for it"
        )
        return replace(now, text=f"{now.text[:-1]} (earlier also from {earlier}, {why}).")
    if s.kind == "organization":
        if Fact.BUILDER in q.facts:
            built = [v.manufacturer] if v.manufacturer else []
            return _one(ctx, q, s, v.name, "is built by", built, src)
        if Fact.OPERATOR in q.facts:
            return _one(ctx, q, s, v.name, "is operated by", [v.operator], src)
    return None


# A question about the past ("did", "has it ever", "was"): a retired value still counts.
_PAST = phrases(r"^\W*(?:did|was|were|had|has|have)\b|\bever\b|\bused to\b", re.I)


def _retired(ctx: Context, rid: str) -> bool:
    rec = ctx.kb.vehicles.get(rid)
    return rec is not None and rec.status == "retired"


def _date_claim(ctx: Context, q: Question, rec: Record, now: dt.date) -> Verdict | None:
    """ "did X launch in 2024", "did X dock in March": the asked year or month against the
    recorded event's date (a plan or a no-earlier-than date decides only what it rules out)."""
    if not isinstance(rec, Mission):
        return None
    month_m = _IN_MONTH.search(q.text)
    month = MONTH_NAMES.index(month_m.group(1).capitalize()) + 1 if month_m else None
    if q.year is None and month is None:
        return None
    if DAY_OF_MONTH.search(q.text):
        return None  # a whole day is checked by the event's own builder
    fact = next((f for f in q.facts if f in DATE_FACTS), None)
    if fact is None:
        return None
    kinds = DATE_FACTS[fact]
    found = [e for e in rec.events if e.kind in kinds]
    ev = min(found, key=lambda e: e.date.start) if found else None
    if ev is None:
        return None  # not happened (or not recorded): the event's builder says which
    verdict = date_in(ev.date, q.year, month, by_date(ev.what, ev.date.start.year))
    noun = fact.value
    src = tuple(ev.sources or rec.sources)
    when = date_text(ev.date)
    said = f"{rec.name} {_VERBS[fact]} {when_text(ev.date)}{_per(ctx, src)}."
    if ev.date.net:  # only bounds are known: said as bounds
        said = bounded(ctx, rec.name, _VERBS[fact], ev)
    elif verdict is None:
        said = f"{rec.name}'s {noun} is recorded only as {when}{_per(ctx, src)}."
    elif asked_ahead(q, ev, now):  # "is crew-13 going up in october", asked in december
        said = already_text(said, rec.name, _VERBS[fact])
    return Verdict(verdict, said, src, known=verdict is not None)


# A deadline asked ("by March 2026", "by the end of 2025", "before April"): the event is
# checked against the period's last day ("by": on or before) or its first ("before").
_DEADLINE = phrases(
    r"\b(?P<word>by|before)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?P<month>"
    + "|".join(m.lower() for m in MONTH_NAMES)
    + r")\b\s*(?P<my>(?:19|20)\d\d)?|(?P<year>(?:19|20)\d\d))\b",
    re.I,
)


def deadline(ctx: Context, q: Question, recs: tuple[Record, ...], now: dt.date) -> Verdict | None:
    """ "did they finish the pad repair by March 2026", "had X launched by April": the first
    recorded event of the asked kind (a date fact's, else one whose kind the question's words
    name, never an ongoing state such as "under-repair") against the asked period's end ("by")
    or start ("before"); None when no deadline is asked, no such event is recorded, or its
    precision cannot tell."""
    m = _DEADLINE.search(q.text)
    if m is None:
        return None
    found = [(rec, e) for rec in recs for e in _asked_events(q, rec)]
    if not found:
        return None
    rec, ev = min(found, key=lambda re_: re_[1].date.start)
    year = int(m["my"] or m["year"] or 0) or q.year or ev.date.start.year
    month = MONTH_NAMES.index(m["month"].capitalize()) + 1 if m["month"] else None
    first = dt.date(year, month or 1, 1)
    last = FuzzyDate(first, "month" if month else "year").end
    before = m["word"].lower() == "before"
    latest = by_date(ev.what, ev.date.start.year) if ev.date.net else ev.date.end
    earliest = ev.date.start
    limit = first if before else last
    if (earliest >= limit) if before else (earliest > limit):
        yes: bool | None = False
    elif latest is not None and ((latest < limit) if before else (latest <= limit)):
        yes = True
    else:
        yes = None
    src = tuple(ev.sources or rec.sources)
    said = f"{ev.what.rstrip('. ')} ({rec.name}, {date_text(ev.date)}){_per(ctx, src)}."
    if yes is False:
        said = f"Not until {date_text(ev.date)}: {said}"
    return Verdict(yes, said, src, field="deadline")


def _asked_events(q: Question, rec: Record) -> list[Event]:
    """The recorded events a deadline question asks of a record: those of its date fact
    ("launched by"), else those whose kind the question's words name ("repaired" for "finish
    fixing"), never a state still going on ("under-repair")."""
    events: tuple[Event, ...] = getattr(rec, "events", ()) or getattr(rec, "history", ())
    fact = next((f for f in q.facts if f in DATE_FACTS), None)
    if fact is not None:
        return [e for e in events if e.kind in DATE_FACTS[fact]]
    asked = set(q.words)
    return [
        e
        for e in events
        if not e.kind.startswith(_ONGOING) and asked & set(words(e.kind.replace("-", " ")))
    ]


_ONGOING = ("under-", "pending")


def date_in(
    d: FuzzyDate, year: int | None, month: int | None, latest: dt.date | None = None
) -> bool | None:
    """Whether a recorded date falls in the asked year (and month); None when its precision
    (or a no-earlier-than bound with no latest date) cannot tell."""
    if d.net:
        first, last = d.start, latest or dt.date.max
        if year is not None and not first.year <= year <= last.year:
            return False
        if month is not None and latest is not None:
            y = year or first.year
            lo, hi = (y, month), (y, month)
            if hi < (first.year, first.month) or lo > (last.year, last.month):
                return False
            if (first.year, first.month) == (last.year, last.month) == (y, month):
                return True
        if latest is not None and month is None and first.year == last.year == year:
            return True
        return None
    if year is not None and d.start.year == d.end.year and d.start.year != year:
        return False
    if year is not None and not d.start.year <= year <= d.end.year:
        return False
    if month is not None:
        if d.precision not in ("day", "month"):
            return None
        return d.start.month == month
    if year is not None and d.start.year != d.end.year:
        return None
    return True


# --- values the answering sentence leaves unread ("on an H-IIB", "in the Atlantic") -----------
# A value is named after one of these words; the words of one group name the same kind of
# value (what it rode on, where from, where it was, by whom, with what).
_SLOT_OF = {
    **dict.fromkeys(("on", "aboard", "atop", "using", "via"), "ride"),
    "from": "from",
    **dict.fromkeys(("in", "into", "off", "at", "near", "to"), "place"),
    "by": "by",
    "with": "with",
}
_AFTER_SLOT = phrases(r"\b(?P<prep>" + "|".join(_SLOT_OF) + r")\s+", re.I)
_TOKEN = phrases(r"[^\W_][\w.'-]*|[^\w\s]")
_VALUE_WORDS_MAX = 3  # words a named value runs to ("the Sea of Okhotsk": three)
_MONTH_WORDS = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(
    m.lower()[:3] for m in MONTH_NAMES
)


@dataclass(frozen=True)
class _Named:
    """A value named after a slot word: "on an H-IIB" (slot "ride", words ["H-IIB"])."""

    prep: str
    said: int  # where its slot word starts
    start: int  # where the value starts in its text
    end: int
    value: str  # as written


def _named_in(
    text: str, is_value: Callable[[str], bool], skip: Callable[[int], bool]
) -> list[_Named]:
    """The values a text names after a slot word: up to a few words that each pass
    `is_value`, the first right after the slot word (articles skipped)."""
    out = []
    for m in _AFTER_SLOT.finditer(text):
        toks = list(_TOKEN.finditer(text, m.end()))
        while toks and toks[0].group().lower() in _ARTICLES:
            toks.pop(0)
        taken: list[re.Match[str]] = []
        for t in toks[:_VALUE_WORDS_MAX]:
            if not skip(t.start()) and not is_value(t.group()):
                break
            taken.append(t)  # a word of a record named here is part of it ("Dragon Endurance")
        while taken and skip(taken[-1].start()):
            taken.pop()
        if taken:
            start, end = taken[0].start(), taken[-1].end()
            out.append(_Named(m["prep"].lower(), m.start(), start, end, text[start:end]))
    return out


def _flown_names(ctx: Context, rec: Record) -> set[str]:
    """A person's recorded flights' spacecraft and rockets, by every name: "has he flown on
    dragon" is read by a Crew Dragon flight of his (a flight's sentence names the flight, not
    its ship)."""
    if ctx.kb.kind_of(rec.id) != "crew":
        return set()
    ids = {
        rid
        for m in ctx.kb.missions.values()
        if rec.id in m.crew
        for rid in (m.vehicle, m.launcher)
        if rid
    }
    return {t for rid in ids if (r := ctx.kb.get(rid)) for n in names_of(r) for t in fold_tokens(n)}


def _plain(tok: str) -> bool:
    """A date's or a count's word, never a value: "26", "October", "2025"."""
    return bool(_COUNT_WORD.fullmatch(tok)) or tok.lower().rstrip(".") in _MONTH_WORDS


_COUNT_WORD = phrases(r"\d+(?:st|nd|rd|th|s)?", re.I)  # "24", "24th", "1990s"


def _country_spans(text: str) -> list[tuple[int, int]]:
    """Where a question names a country or a nationality ("the united states", "russian"),
    not an agency ("roscosmos" stays an organization): the nationality check reads those,
    never as an unread value or an organization claim."""
    out = []
    for word in (*(n for spelled in COUNTRIES.values() for n in spelled), *NATIONALITIES):
        if len(word) > 2:
            out += [(m.start(), m.end()) for m in _word_at(word).finditer(text)]
    return out


@functools.cache
def _word_at(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}s?\b", re.I)


def unread_values(
    ctx: Context, q: Question, rec: Record, said: str, recorded: tuple[str, ...]
) -> tuple[bool | None, str] | None:
    """Values a yes/no names that the answer's sentences never write ("launched on an H-IIB"
    answered "... on an H3"): (False, the recorded sentence of that kind with "not X") when a
    recorded sentence names another value of the same kind, (None, "") when none speaks to
    it; None when every named value is written in the answer."""
    own = {t for n in names_of(rec) for t in fold_tokens(n)}
    spans = [(s.start, s.end) for g in (*((s,) for s in q.subjects), *q.ambiguous) for s in g]
    spans += _country_spans(q.text)  # "from the united states": the nationality check's

    def asked(tok: str) -> bool:  # a name-like word of the question, not the record's own
        folded = fold_tokens(tok)
        if not folded or _plain(tok) or any(f in QUESTION_VOCABULARY for f in folded):
            return False
        if any(c.isdigit() for c in tok) or (tok[:1].isupper() and tok != q.text[: len(tok)]):
            return not set(folded) <= own
        return (
            not set(folded) & ctx.lexicon.common
            and not set(folded) <= own
            and not (set(folded) & GENERIC_NOUNS)
        )

    def in_subject(at: int) -> bool:
        return any(a <= at < b for a, b in spans)

    def written(tok: str) -> bool:  # a name the recorded text writes: capitalized or a code
        if _plain(tok) or set(fold_tokens(tok)) & GENERIC_NOUNS:  # "to Earth": no value
            return False
        return tok[:1].isupper() or any(c.isdigit() for c in tok)

    texts = (said, *recorded)
    have = {t for x in texts for t in fold_tokens(x)}
    have |= _flown_names(ctx, rec)
    if isinstance(rec, CrewMember):  # "is she from canada": her country, said as "Canadian"
        have |= {t for x in countries_of(ctx.kb, rec.id) for t in fold_tokens(x)}
    wrong: list[tuple[_Named, str, _Named]] = []
    unknown = False
    # a tag asking agreement is no value: "… in the atlantic right?"
    untagged = YES_NO_TAG.sub(lambda m: " " * len(m.group(0)), q.text)
    for named in _named_in(untagged, asked, in_subject):
        if set(fold_tokens(named.value)) <= have:
            continue  # the answer writes it
        slot = _SLOT_OF[named.prep]
        other = [
            (r, x)
            for x in texts
            for r in _named_in(x, written, lambda _: False)
            if _SLOT_OF[r.prep] == slot
        ]
        if other:
            best = next(((r, x) for r, x in other if r.prep == named.prep), other[0])
            wrong.append((named, best[1], best[0]))
        else:
            unknown = True
    if wrong:
        named, text, _ = wrong[0]
        typed = q.text[named.said : named.end]
        if text is said:
            at = said.rfind(", per ")
            at = at if at >= 0 else len(said.rstrip(".").rstrip())
            return False, f"{said[:at]}, not {typed}{said[at:]}"
        return False, f"{said} {text.rstrip('. ')}, not {typed}."
    if unknown:
        return None, said
    return None


# --- a year or month asked of a sentence (a topic's "until NG-19 on 1 August 2023") -----------
_MONTH_ALT = "|".join(
    sorted({m.lower() for m in MONTH_NAMES} | {m.lower()[:3] for m in MONTH_NAMES} | {"sept"})
)
# A month written in a text, with the day and year beside it when given: "1 August 2023",
# "August 6", "6 Aug", "mid-October"; or a year alone.
_SAID_DATE = phrases(
    rf"\b(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_ALT})\b\.?(?:\s+\d{{1,2}}\b)?"
    r"(?:,?\s+(?P<my>(?:19|20)\d\d)\b)?|\b(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# The month a question asks: "in aug 2026", "in August", "during march", "may 2025" (a bare
# "may" is a verb).
_MONTH_ASKED = phrases(
    rf"\b(?:in|during|for|of|by)\s+(?:early\s+|late\s+|mid-?\s*)?(?P<a>{_MONTH_ALT})\b\.?"
    rf"|\b(?P<b>{_MONTH_ALT})\.?\s+(?:19|20)\d\d\b",
    re.I,
)


def month_asked(text: str) -> int | None:
    """The month a question asks of an event ("in aug 2026": 8), or None."""
    m = _MONTH_ASKED.search(text)
    if m is None:
        return None
    said = (m["a"] or m["b"]).lower()
    if said == "may" and m["a"] is None and not re.search(r"\bmay\s+(?:19|20)\d\d", text, re.I):
        return None
    return MONTH_NUMBERS_OF[said[:3]]


MONTH_NUMBERS_OF = {m.lower()[:3]: i for i, m in enumerate(MONTH_NAMES, 1)}


@dataclass(frozen=True)
class SaidDate:
    """A date a text writes, at its position: a year, and a month when given."""

    at: int
    year: int | None
    month: int | None


def dates_said(text: str, context_year: int | None) -> list[SaidDate]:
    """The dates a text writes outside a plan clause ("targeted for 13 October" is no event's
    date); a month with no year takes the last year written before it, else context_year."""
    out: list[SaidDate] = []
    year = context_year
    for m in _SAID_DATE.finditer(text):
        if m["year"]:
            year = int(m["year"])
            if not planned_at(text, m.start()):
                out.append(SaidDate(m.start(), year, None))
            continue
        if m["month"].lower() == "may" and not (m["day"] or m["my"]):
            continue  # "may" the verb
        if m["my"]:
            year = int(m["my"])
        if not planned_at(text, m.start()):
            out.append(SaidDate(m.start(), year, MONTH_NUMBERS_OF[m["month"].lower()[:3]]))
    return out


def clause_dated(
    clause: str, anchors: list[int], year: int | None, month: int | None, context: int | None
) -> bool | None:
    """Whether the event a clause states, dated by its date nearest the asked words (at
    anchors), falls in the asked year and month: True, False only when no date the clause
    writes falls in the asked period, None when its dates cannot tell."""
    found = dates_said(clause, context)
    if not found or not anchors:
        return None

    def inside(d: SaidDate) -> bool | None:
        if d.year is None or (year is not None and d.year != year):
            return None if d.year is None else False
        if month is None:
            return True
        return None if d.month is None else d.month == month

    nearest = min(found, key=lambda d: min(abs(d.at - a) for a in anchors))
    verdicts = [inside(d) for d in found]
    if inside(nearest) is True:
        return True
    if inside(nearest) is False and all(v is False for v in verdicts):
        return False
    return None
