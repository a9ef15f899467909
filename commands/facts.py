"""Answers to one fact of one record: the lead sentence states the value, its date and source.

`fact_answer` returns None when the record has no such fact at all (a pad has no crew), so
the router can try a topic or a passage instead; a fact the record could have but the base
does not record is answered as "not recorded as of <date>" with what is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import get_args

from commands import firsts
from commands.context import Context
from commands.durations import docked_duration, flight_duration, transit
from commands.format import (
    amount,
    collect_sources,
    current_plan,
    date_text,
    day_text,
    dispute_sources,
    disputes_field,
    outcome_date,
    publisher,
    schedule_line,
    schedule_sentence,
    source_lines,
    when_text,
    with_article,
)
from commands.freshness import confirmation_stale, noted
from commands.lookup import CARGO_NAMES
from commands.reply import DateMention, Field, Reply
from commands.said import Kind, by_date, clock_in, plan_passage, quoted, value_passage
from commands.understand.lexicon import Passage
from commands.understand.prefilter import Phrases, phrases
from commands.understand.thresholds import SENTENCE_SHARE
from commands.understand.types import Ask, Fact, Question
from commands.understand.vocabulary import (
    AFTER_LEAVING,
    AGAIN,
    AHEAD_TENSE,
    AHEAD_WINDOW,
    CLAIM,
    CREW_UNANNOUNCED,
    DAY_OF_MONTH,
    DOCKING_PLACE,
    EXPENDED,
    FACT_WORDS,
    HEADING,
    NEGATION,
    NUMBER_WORDS,
    ORDINALS,
    RELATIVE_YEAR,
    STILL_AHEAD,
    USUALLY,
)
from commands.upcoming import window_of
from knowledge.dates import FuzzyDate
from knowledge.names import names_of
from knowledge.schema import (
    PENDING,
    Amount,
    CrewMember,
    Event,
    Mission,
    Organization,
    Pad,
    Record,
    Station,
    Vehicle,
)
from knowledge.text import fold, fold_tokens, sentences, words
from knowledge.units import kg_per_said

CAPACITY_LINES = 4  # other capacities listed under a capacity answer; More shows all
DOCKED = ("docked", "berthed")
UNDOCKED = ("undocked", "unberthed", "departed", "released")
LANDED = ("splashdown", "landed", "landing", "returned", "re-entered", "reentered", "burned up")
# The verb for an event whose kind says more than the fact's own verb (a cargo ship that
# burns up has not "returned to Earth").
_KIND_VERBS = {
    "re-entered": "re-entered the atmosphere",
    "reentered": "re-entered the atmosphere",
    "burned up": "burned up on re-entry",
    "berthed": "was berthed",  # captured by the arm, not docked
    "unberthed": "was unberthed",  # taken off its port by the arm, not undocked
}


@dataclass
class Lead:
    """The first sentence of an answer, the fields that bear on it and their sources."""

    text: str
    known: bool = True  # False: the base does not record the fact asked for
    yes: bool | None = None  # for a yes/no question: the answer, when the fact decides it
    opener: str = ""  # said instead of "Yes." / "No." ("No, not as planned:")
    says_why: bool = False  # a lead saying why the fact is unknown needs no "Not known" opener
    fields: list[Field] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    mentions: list[DateMention] = field(default_factory=list)


Builder = Callable[[Context, Record, Question, dt.date], Lead | None]


@dataclass(frozen=True)
class FactAnswer:
    """An answer to one fact, and whether the base records that fact."""

    reply: Reply
    known: bool
    yes: bool | None = None


def fact_answer(ctx: Context, rid: str, q: Question, fact: Fact, now: dt.date) -> FactAnswer | None:
    """The answer to one fact of one record, or None when the record has no such fact."""
    rec = ctx.kb.get(rid)
    if rec is None:
        return None
    build = _TABLE.get((type(rec), fact))
    if build is None:
        return None
    lead = build(ctx, rec, q, now)
    if lead is None:
        return None
    reply = finish(ctx, rec, q, lead)
    if isinstance(rec, Mission) and rec.status in PENDING:
        # Its plan may have moved since the base's date.
        reply = noted(ctx, reply, now, after_lead=True)
    return FactAnswer(reply, lead.known, lead.yes)


# A question offering two alternatives ("burnt up yet or still floating around"): a bare Yes
# or No would answer only one of them, so the fact is said without it ("or not" is no choice).
_ALTERNATIVES = phrases(r"\w\s+or\s+(?!not\b|no\b|nah\b|nope\b|naw\b|what\b)\w", re.I)


def _offers_alternatives(q: Question) -> bool:
    """Two things asked of the record ("burnt up yet or still floating around"), not two values
    of one field ("on antares or atlas v": a named value follows the "or", checked elsewhere)."""
    m = _ALTERNATIVES.search(q.text)
    return m is not None and not any(s.start >= m.end() - 1 for s in q.subjects)


def finish(ctx: Context, rec: Record, q: Question, lead: Lead) -> Reply:
    """Lead sentence (with Yes/No for a yes/no question), its fields, short sources, More."""
    text = lead.text
    if q.ask == Ask.YES_NO and not _offers_alternatives(q):
        if lead.yes is not None and lead.opener:
            text = f"{lead.opener} {text}"
        elif lead.yes is True:
            text = "Yes. " + text
        elif lead.yes is False:
            text = "No. " + text
        elif not lead.known and not lead.says_why:
            text = f"Not known as of {day_text(ctx.kb.as_of)}. " + text
    fields = list(lead.fields)
    disputed = _disputes_about(ctx, rec, q)
    if disputed is not None:
        fields.append(disputed)
    ids = collect_sources(
        lead.sources or rec.sources, dispute_sources(rec.disputes) if disputed else ()
    )
    return Reply(
        kind="answer",
        title=rec.name,
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(rec.id,),
        dates=tuple(lead.mentions),
        more=rec.id,
    )


def _disputes_about(ctx: Context, rec: Record, q: Question) -> Field | None:
    """The disagreement of sources that shares the most words with the fact asked about."""
    asked = set(q.words) | {w for f in q.facts for w in words(f.value)}
    if q.cargo:
        asked |= set(words(q.cargo))
    if Fact.CARGO in q.facts or Fact.CAPACITY in q.facts:
        asked |= {"mass", "cargo", "capacity", "load"}
    scored = []
    own = set(words(rec.name))
    for d in rec.disputes:
        shared = len(asked & (set(words(d.about)) - own))
        if shared:
            scored.append((shared, d))
    if not scored:
        return None
    best = max(scored, key=lambda sd: sd[0])[1]
    return disputes_field(ctx.kb, [best])


def _is_mass(about: str) -> bool:
    return bool(re.search(r"\b(?:mass|cargo|capacity|propellant|load|kg)\b", about, re.I))


def names(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _name(ctx: Context, rid: str | None) -> str:
    rec = ctx.kb.get(rid) if rid else None
    return rec.name if rec else (rid or "—")


def _per(ctx: Context, sources: tuple[str, ...] | list[str]) -> str:
    """ ", per TASS" for the first of these sources (nothing when there is none)."""
    return f", per {publisher(ctx.kb, sources[0])}" if sources else ""


def _event(m: Mission | Vehicle | CrewMember | Pad, kinds: tuple[str, ...]) -> Event | None:
    events = m.history if isinstance(m, Pad) else m.events
    found = [e for e in events if e.kind in kinds]
    return min(found, key=lambda e: e.date.start) if found else None


def _still_ahead(q: Question) -> bool:
    """A yes/no asking whether something is still to come ("is X launching soon")."""
    if q.ask != Ask.YES_NO:
        return False
    window = AHEAD_WINDOW.search(q.text) and AHEAD_TENSE.search(q.text)
    return bool(STILL_AHEAD.search(q.text) or window)


def _already(q: Question, ev: Event | None, now: dt.date) -> bool:
    """Asked whether it is still to come, of an event that has happened: the answer is No."""
    return ev is not None and ev.date.start <= now and _still_ahead(q)


def asked_ahead(q: Question, ev: Event | None, now: dt.date) -> bool:
    """A yes/no in the present or future tense ("is crew-13 going up in october", "will it
    dock on 3 may") of an event that has happened: its sentence says it already did."""
    if ev is None or ev.date.start > now or q.ask != Ask.YES_NO:
        return False
    return _still_ahead(q) or bool(AHEAD_TENSE.search(q.text))


def already_text(text: str, who: str, verb: str) -> str:
    """ "Crew-13 launched on ..." -> "Crew-13 already launched on ..." ("was berthed" ->
    "was already berthed")."""
    done = verb.replace("was ", "was already ", 1) if verb.startswith("was ") else f"already {verb}"
    return text.replace(f"{who} {verb}", f"{who} {done}", 1)


# A flight that left the station this long ago is no longer heading home: its return (a
# splashdown, a cargo ship's re-entry) follows a departure within weeks.
RETURN_AFTER_DEPARTURE_DAYS = 30


# A record's own words that a flight had left the station, where no dated undocking or landing
# is recorded (a later crew list without its crew, a docked-vehicle list without it).
_LEFT_WORDS = phrases(
    r"\b(?:left|departed|undocked from|was released from)\s+(?:the\s+)?(?:station|iss)\b"
    r"|\bno longer (?:includes|lists|listed|docked|aboard|at)\b",
    re.I,
)


@dataclass(frozen=True)
class Left:
    """Evidence that a flight had left the station, though no undocking date is recorded."""

    text: str
    date: FuzzyDate | None
    sources: tuple[str, ...]


def left_evidence(m: Mission) -> Left | None:
    """The latest event, else a fact, of a flight that says it had left the station."""
    gone = DOCKED + UNDOCKED + LANDED
    for e in sorted(m.events, key=lambda e: e.date.start, reverse=True):
        if e.kind not in gone and _LEFT_WORDS.search(e.what):
            return Left(e.what, e.date, tuple(e.sources))
    for f in m.facts:
        if _LEFT_WORDS.search(f.text):
            return Left(f.text, None, tuple(f.sources))
    return None


def _left_sentence(ctx: Context, who: str, left: Left, mentions: list[DateMention]) -> str:
    """ "by later reports it left the station about 26 July 2026 (derived), per NASA: ..." """
    when = f" about {date_text(left.date, mentions)}" if left.date is not None else ""
    return (
        f"by later reports {who} left the station{when} (derived; no undocking date is "
        f"reported){_per(ctx, left.sources)}: {left.text.rstrip('.')}."
    )


# --- missions ---------------------------------------------------------------------------------


def _launch_clause(m: Mission, mentions: list[DateMention]) -> str:
    launched = outcome_date(m)
    if launched is not None:
        return f"launched {date_text(launched, mentions)}"
    plan = current_plan(m)
    if plan is not None:
        return f"planned for {date_text(plan.planned, mentions)}"
    return f"status {m.status}"


def _crew_unannounced(m: Mission) -> str | None:
    """Where a flight's own texts say its crew is not yet public, and what they say ("its
    summary says not yet announced"), or None."""
    texts = [("its summary", m.summary), *(("its schedule note", p.note) for p in m.schedule)]
    for where, text in texts:
        found = CREW_UNANNOUNCED.search(" ".join((text or "").split()))
        if found is not None:
            return f"{where} says {found.group('said')}"
    return None


def _m_crew(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    people = [_name(ctx, c) for c in m.crew]
    if not people:
        if m.kind != "crew":
            lead.text = f"{m.name} is an uncrewed {m.kind} flight: it carries no crew."
            lead.yes = False
            return lead
        lead.text = f"No crew of {m.name} is recorded as of {day_text(ctx.kb.as_of)}."
        unannounced = _crew_unannounced(m)
        if unannounced is not None:  # its own texts say why: "crew not yet announced"
            lead.text = (
                f"{m.name}'s crew is not recorded ({unannounced}) as of {day_text(ctx.kb.as_of)}."
            )
            lead.says_why = True
        lead.known = False
        return lead
    clause = _launch_clause(m, lead.mentions)
    launched = outcome_date(m) is not None
    plan = current_plan(m)
    if launched:
        verb = "carried"
    elif plan is not None and plan.planned.is_past(now):
        verb = "was to carry"
    else:
        verb = "is to carry"
    lead.text = f"{m.name} {verb} {names(people)} ({clause})."
    chosen = _of_agency(ctx, m, q)
    if chosen:  # "which nasa astronaut is on ms-29": that agency's people first
        org = _name(ctx, ctx.kb.crew[chosen[0]].agency)
        lead.text = f"{org}'s crew on {m.name}: {names([_name(ctx, c) for c in chosen])}. " + (
            lead.text
        )
    lead.sources = list(collect_sources(m.sources))
    lead.yes = True
    if q.words:  # "who commands soyuz ms-28": the sentence that names the role
        best = ctx.lexicon.best_passages((m.id, *m.crew), frozenset(q.words), 1)
        if best and best[0][0] >= SENTENCE_SHARE:
            lead.text = f"{best[0][1].text} {lead.text}"
            lead.sources = list(best[0][1].sources) + lead.sources
    return lead


def _of_agency(ctx: Context, m: Mission, q: Question) -> list[str]:
    """The crew of the one agency the question names, when that is some of the crew only."""
    agencies = {s.record_id for s in q.subjects if s.kind == "organization"}
    chosen = [c for c in m.crew if c in ctx.kb.crew and ctx.kb.crew[c].agency in agencies]
    same = len({ctx.kb.crew[c].agency for c in chosen}) == 1
    return chosen if chosen and same and len(chosen) < len(m.crew) else []


def _m_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    sentence = schedule_sentence(ctx.kb, m, now, lead.mentions)
    launched = outcome_date(m)
    plan = current_plan(m)
    ev = _event(m, ("launched",))
    where = []
    if ev is not None and _clock(ev.what):
        where.append(_clock(ev.what).strip())  # "at 11:10 a.m. EDT"
    if m.pad:
        where.append(f"from {_name(ctx, m.pad)}")
    if m.launcher:
        where.append(f"on {with_article(_name(ctx, m.launcher))}")
    if launched is not None and where:
        sentence = sentence.rstrip(".") + " " + " ".join(where) + "."
    if m.crew:  # "Crew-13 launched ... with Watkins, ..."
        people = names([_name(ctx, c) for c in m.crew])
        sentence = sentence.rstrip(".") + f", with {people}."
    lead.text = sentence
    lead.sources = list(ev.sources if ev else (plan.sources if plan else m.sources))
    if launched is not None:
        lead.yes = _asked_day_matches(q, ev.date if ev else None) is not False
        lead.text = sentence.rstrip(".") + _per(ctx, lead.sources) + "."
        if _already(q, ev, now):  # "is crew-13 going up soon": No, it has flown
            lead.yes = False
        if asked_ahead(q, ev, now):  # "is crew-13 going up on 1 october": it already did
            lead.text = already_text(lead.text, m.name, "launched")
        if _foreign_state(q, m):  # "the launch pad got damaged by X": not whether X launched
            lead.yes = None
    elif m.status == "cancelled":
        lead.yes = False
    elif plan is not None and plan.planned.is_past(now):
        lead.known = False  # a plan past with no update: whether it flew is not known
    elif plan is not None and (verdict := _plan_in_window(q, plan.planned, now)) is not None:
        # "still happening this year": a plan inside the window is yes unless its own dates
        # have begun with only an old confirmation (it may have flown or slipped since); one
        # reaching past the window cannot be told; never No inside it
        inside, opener = verdict
        if inside is None or (inside and _plan_opened(ctx, m, now)):
            lead.known = False
        else:
            lead.yes, lead.opener = inside, opener
    elif _plan_opened(ctx, m, now):  # "has it launched by now": under way, on an old word
        lead.known = False
    else:
        lead.yes = _asked_plan_matches(q, plan.planned if plan else None)
        if lead.yes is None and not _still_ahead(q):
            lead.yes = False  # planned, not flown yet
        elif lead.yes is None:
            lead.known = False  # "soon?" of a plan: its date is said, never a guessed yes
    if len(m.schedule) > 1 and launched is None:
        lead.fields.append(Field("Schedule history", _schedule_lines(m, lead.mentions)))
    return lead


_MONTHS = (
    "january february march april may june july august september october november december"
).split()


def _asked_day_matches(q: Question, when: FuzzyDate | None) -> bool | None:
    """For "did X launch on Oct 13": whether a day-precise date is the day asked about
    (None when no day is asked or the date is coarser)."""
    found = DAY_OF_MONTH.search(q.text)
    if found is None or when is None or when.precision != "day":
        return None
    typed = found.group(0).lower()
    day = re.search(r"\d{1,2}", typed)
    month = next((i + 1 for i, n in enumerate(_MONTHS) if re.search(rf"\b{n[:3]}", typed)), 0)
    if day is None or not month:
        return None
    return (when.start.month, when.start.day) == (month, int(day.group()))


def _asked_window(q: Question, now: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a yes/no about a plan asks of: a window a schedule question names ("this
    month", "in december", "the next 30 days"), else a year ("in 2027", "this year")."""
    w = window_of(q.text.lower(), now)
    if w is not None:
        return w.start, w.end
    rel = RELATIVE_YEAR.search(q.text)
    year = q.year
    if year is None and rel is not None and rel["which"] == "this":
        year = now.year
    return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year is not None else None


def _plan_opened(ctx: Context, m: Mission, now: dt.date) -> bool:
    """Whether the flight's current plan has begun by now (its first possible day is past)
    with no outcome and only a confirmation older than `stale_after_days`: it may have
    flown or slipped since, which the base cannot say."""
    plan = current_plan(m)
    return (
        plan is not None
        and not plan.tbd
        and outcome_date(m) is None
        and plan.planned.start <= now
        and confirmation_stale(ctx, m.status_as_of, now)
    )


def _asked_plan_matches(q: Question, planned: FuzzyDate | None) -> bool | None:
    """For "is X still on for august", "will X fly in 2027": whether the plan is in the month
    and year asked about (None when neither is asked, or the plan is too coarse to tell)."""
    if planned is None:
        return None
    low = q.text.lower()
    asked = [i + 1 for i, name in enumerate(_MONTHS) if re.search(rf"\b{name[:3]}\w*\b", low)]
    if q.year is not None:
        if not planned.start.year <= q.year <= planned.end.year:
            return False
        if not asked and planned.start.year != planned.end.year:
            return None
    if not asked:
        return True if q.year is not None else None
    if planned.precision not in ("day", "month") and planned.start.month != planned.end.month:
        return None
    return planned.start.month in asked or planned.end.month in asked


def _plan_in_window(
    q: Question, planned: FuzzyDate, now: dt.date
) -> tuple[bool | None, str] | None:
    """For "is X launching later this month", "still happening this year": None when no window
    is asked, else whether the plan falls in it and the answer's opener. A plan after the
    window is "No."; one before it may still slip into it ("No, not as planned:"); one wholly
    inside it is "Yes, as planned:"; one straddling it (or a NET date) decides nothing."""
    window = _asked_window(q, now)
    if window is None:
        return None
    start, end = window
    if end < planned.start:
        return False, ""
    if not planned.net and planned.end < start:
        return False, "No, not as planned:"
    if not planned.net and start <= planned.start and planned.end <= end:
        return True, "Yes, as planned:"
    return None, ""


def _schedule_lines(m: Mission, mentions: list[DateMention]) -> str:
    return "\n".join(schedule_line(e, mentions) for e in m.schedule)


def _m_event(
    kinds: tuple[str, ...],
    noun: str,
    verb: str,
    before: tuple[str, ...] = (),
    after: tuple[str, ...] = (),
) -> Builder:
    """A mission's event of these kinds; with none recorded, an event of the `before` kinds
    answers it in part ("when did NG-24 come home": it left the station on 9 October), and
    one of the `after` kinds says it happened by then ("has crew-11 left yet": it was home on
    15 January 2026, so it had left)."""

    def build(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
        assert isinstance(rec, Mission)
        m = rec
        lead = Lead("")
        ev = _event(m, kinds)
        departed = _event(m, before) if ev is None and before else None
        if departed is not None:
            lead.text = (
                f"{m.name} left the station on {date_text(departed.date, lead.mentions)}"
                f"{_per(ctx, departed.sources)}; no {noun} is recorded after that."
            )
            if departed.what:
                lead.fields.append(Field("Recorded", departed.what))
            lead.sources = list(departed.sources)
            gone = departed.date.start + dt.timedelta(days=RETURN_AFTER_DEPARTURE_DAYS)
            if _still_ahead(q) and gone <= now:  # "is ng-23 heading home soon": long gone
                lead.yes = False
                lead.text = already_text(lead.text, m.name, "left")
            elif HEADING.search(q.text):  # "has ng-24 headed home yet": on its way once it left
                lead.yes = True
            return lead
        asked_place = _asked_place(ctx, q) if kinds == DOCKED else None
        if kinds == DOCKED and q.ask != Ask.WHO and (asked_place or DOCKING_PLACE.search(q.text)):
            placed = _docking_place(ctx, m, ev, lead)
            if placed is not None:
                return _place_claim(placed, asked_place) if asked_place else placed
        if ev is not None:
            said = _KIND_VERBS.get(ev.kind, verb)
            lead.text = (
                f"{m.name} {said} on {date_text(ev.date, lead.mentions)}{_clock(ev.what)}"
                f"{_per(ctx, ev.sources)}."
            )
            landed = _landing_place(ev.what) if set(kinds) & set(LANDED) else None
            if landed is not None and _WHERE.search(q.text):  # "where and when": both, first
                own_verb, place = landed
                lead.text = (
                    f"{m.name} {own_verb or said} {place} on {date_text(ev.date, lead.mentions)}"
                    f"{_clock(ev.what)}{_per(ctx, ev.sources)}."
                )
            if ev.date.net:  # only a bound is known: never a planned day as the event's
                lead.text = bounded(ctx, m.name, said, ev)
            if q.ask == Ask.WHO and ev.what:  # "who grabbed it": the event's own words
                lead.text = (
                    f"{m.name}, {date_text(ev.date, lead.mentions)}: {ev.what.rstrip('.')}"
                    f"{_per(ctx, ev.sources)}."
                )
                if not _names_person(ctx, ev.what):
                    lead.text += " The sources name no one who did it."
                lead.sources = list(ev.sources)
                lead.yes = True
                return lead
            if ev.what and not ev.what.lower().startswith(verb.split()[0][:4]):
                lead.fields.append(Field("Recorded", ev.what))
            lead.sources = list(ev.sources)
            if set(kinds) & set(UNDOCKED):  # unberthed, then released, then re-entered
                _after_departure(ctx, m, ev, q, lead)
            lead.yes = _asked_day_matches(q, ev.date) is not False  # "on 9 May": that day?
            if _already(q, ev, now):  # "is it docking soon": No, it already docked
                lead.yes = False
            if asked_ahead(q, ev, now):  # "is it docking on 3 may": it already did
                lead.text = already_text(lead.text, m.name, said)
            return lead
        launched = outcome_date(m)
        lead.known = False
        if m.status == "cancelled" or launched is None:
            lead.text = schedule_sentence(ctx.kb, m, now, lead.mentions)
            lead.yes = False if m.status == "cancelled" else None
            if m.status != "cancelled" and launched is None:
                plan = current_plan(m)
                ahead = plan is not None and not plan.planned.is_past(now)
                lead.yes = False if ahead and not _plan_opened(ctx, m, now) else None
                lead.known = lead.yes is not None
            return lead
        later = _event(m, after) if after else None
        if later is not None:  # home again: it had left the station by then
            lead.text = (
                f"No {noun} date of {m.name} is recorded, but it "
                f"{_KIND_VERBS.get(later.kind, 'returned to Earth')} on "
                f"{date_text(later.date, lead.mentions)}{_per(ctx, later.sources)}, so it had "
                "left the station by then."
            )
            lead.sources = list(later.sources)
            lead.known, lead.yes = True, not _still_ahead(q)
            return lead
        left = left_evidence(m) if set(kinds) & set(UNDOCKED + LANDED) else None
        if left is not None:  # "when did they get home": the derived departure, said so
            lead.text = (
                f"No {noun} of {m.name} is reported as of "
                f"{day_text(ctx.kb.as_of, lead.mentions)}; "
                + _left_sentence(ctx, "it", left, lead.mentions)
            )
            lead.sources = list(left.sources)
            lead.known = True
            return lead
        lead.text = (
            f"No {noun} of {m.name} is recorded as of {day_text(ctx.kb.as_of, lead.mentions)}; "
            f"it launched {when_text(launched, lead.mentions)}."
        )
        dated = value_passage(ctx, (m.id,), (k[:4] for k in kinds), Kind.DATE)
        if dated is not None:  # "docking planned for 28 April": the sentence that dates it
            lead.text = (
                f"{quoted(ctx, dated)} No {noun} is recorded as an event as of "
                f"{day_text(ctx.kb.as_of, lead.mentions)}; it launched on "
                f"{date_text(launched, lead.mentions)}."
            )
            lead.sources = list(dict.fromkeys((*dated.sources, *m.sources)))
            return lead
        if kinds == LANDED and _planned_return(ctx, m, launched, lead):
            return lead
        hint = _passage(ctx, (m.id,), frozenset({noun.split()[0][:4], *q.words}), kinds)
        if hint:
            lead.fields.append(Field("What the sources say", hint))
        return lead

    return build


def _planned_return(ctx: Context, m: Mission, launched: FuzzyDate, lead: Lead) -> bool:
    """A flight not yet home whose record gives a planned length ("a planned stay of about six
    months"): its return derived from the launch, marked so; False when none is given."""
    planned = plan_passage(ctx, [m.id])
    if planned is None:
        return False
    days, phrase, p = planned
    due = FuzzyDate(launched.start + dt.timedelta(days=days), "month")
    lead.text = (
        f"No return of {m.name} is recorded as of {day_text(ctx.kb.as_of, lead.mentions)}; "
        f"it launched {when_text(launched, lead.mentions)}; its record gives “{phrase}”"
        f"{_per(ctx, p.sources)}, which puts its return around "
        f"{date_text(due, lead.mentions)} (derived from the planned length, not a recorded date)."
    )
    lead.sources = list(dict.fromkeys((*p.sources, *m.sources)))
    return True


def _v_landing(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "when does the soyuz crew come home": the return of the vehicle's flights at the
    station now; none there, the family's last one to leave."""
    assert isinstance(rec, Vehicle)
    here = [m for m, a in flights_aboard(ctx, [rec], q, now) if a.yes is True]
    if not here:
        lead = family_aboard(ctx, [rec], q, now)
        lead.yes = None
        return lead
    lead = Lead("")
    parts = []
    for m in here:
        each = _M_LANDING(ctx, m, q, now)
        if each is not None:
            parts.append(each.text)
            lead.sources += each.sources
            lead.mentions += each.mentions
            lead.known = lead.known and each.known
    lead.text = " ".join(parts)
    return lead


def bounded(ctx: Context, who: str, verb: str, ev: Event) -> str:
    """An event known only as no earlier than one day and done by a later listing: "Progress
    MS-35 docked by 27 September 2026 (no earlier than 16 September 2026; the exact date is not
    in the sources), per CelesTrak"."""
    return f"{bounded_clause(who, verb, ev)}{_per(ctx, ev.sources)}."


def bounded_clause(
    who: str, verb: str, ev: Event, mentions: list[DateMention] | None = None
) -> str:
    """ "Progress MS-35 docked by 27 September 2026 (no earlier than 16 September 2026; the
    exact date is not in the sources)": a NET event's bounds, with no source or full stop."""
    earliest = date_text(FuzzyDate(ev.date.start, ev.date.precision), mentions)
    by = by_date(ev.what, ev.date.start.year)
    if by is None:
        return f"{who} {verb} no earlier than {earliest} (the exact date is not in the sources)"
    latest = date_text(FuzzyDate(by), mentions)
    return (
        f"{who} {verb} by {latest} (no earlier than {earliest}; the exact date is not in the "
        "sources)"
    )


_TRAILING_ASIDE = phrases(r"\s*\([^()]*\)\s*$")


def _after_departure(ctx: Context, m: Mission, ev: Event, q: Question, lead: Lead) -> None:
    """The flight's recorded events after it left (release, re-entry, splashdown), as a field;
    asked what happened after it left, also said in brief in the lead."""
    later = [
        e
        for e in m.events[m.events.index(ev) + 1 :]
        if e.date.start >= ev.date.start and e.kind not in DOCKED
    ]
    if later:
        lines = [f"• {date_text(e.date, lead.mentions)}: {e.what}" for e in later]
        lead.fields.append(Field("After it left", "\n".join(lines)))
        lead.sources += [s for e in later for s in e.sources]
    if not AFTER_LEAVING.search(q.text):
        return
    if not later:
        lead.text += f" No later event is recorded as of {day_text(ctx.kb.as_of, lead.mentions)}."
        return
    steps = []
    for e in later:
        what = _TRAILING_ASIDE.sub("", e.what).rstrip(".") or e.kind
        what = what[0].lower() + what[1:] if what[1:2].islower() else what
        steps.append(f"{date_text(e.date, lead.mentions)}, {what}")
    lead.text += " After that: " + "; ".join(steps) + "."


# Where a docking text says a ship docked: "Docked to the nadir port of Prichal at 17:52",
# "berthed to Unity", "docked to Prichal's nadir port", "docking with Zvezda planned for".
_PLACE = phrases(
    r"\b(?:dock(?:ed|ing|s)?|berth(?:ed|ing|s)?|attached)\s+(?:to|at|with)\s+"
    r"(?P<place>[^,;.()]+?)(?=\s+(?:at|on|for|in|about|after|planned|as|and|to|until)\b|[,;.()]|$)",
    re.IGNORECASE,
)
_NOT_A_PLACE = phrases(r"^(?:the\s+)?(?:iss|station|international space station)$", re.I)


def docking_place(ctx: Context, m: Mission) -> str | None:
    """The module or port a flight docked or berthed at, from its docking event's text, else a
    sentence of its record; None when no text names one."""
    for e in m.events:
        if e.kind in DOCKED and (place := _place_in(e.what)) is not None:
            return place
    return next(
        (p for x in ctx.lexicon.passages.get(m.id, ()) if (p := _place_in(x.text)) is not None),
        None,
    )


def _place_in(text: str) -> str | None:
    """The module or port a docking text names, or None ("the ISS" names none)."""
    for found in _PLACE.finditer(text):
        place = found["place"].strip()
        if place and not _NOT_A_PLACE.match(place):
            return place
    return None


# Where a landing text says a ship came down: "Splashed down off California at about ...",
# "landed in Kazakhstan", "splashdown in the Gulf of Mexico" (a capitalized place, no month).
_LANDED_AT = phrases(
    r"^(?:(?P<verb>(?:[Ss]plashed|[Ll]anded|[Tt]ouched) down|[Ll]anded)\s+)?.*?"
    r"\b(?P<place>(?:off|in|near)\s+(?:the\s+)?(?:coast\s+of\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)[A-Z][\w-]*(?:,?\s+(?:of\s+)?[A-Z][\w-]*)*"
    r"(?:\s+off\s+(?:the\s+)?[A-Z][\w-]*(?:,?\s+[A-Z][\w-]*)*)?)"
)
_WHERE = phrases(r"\bwhere\b", re.I)


def _landing_place(text: str) -> tuple[str, str] | None:
    """(its own verb, lowercased, or "", the place) of a landing text that names a place."""
    found = _LANDED_AT.search(text)
    if found is None:
        return None
    return (found["verb"] or "").lower(), found["place"]


# Words of a port's name that name no module ("the aft port of Zvezda": aft, Zvezda).
_PORT_WORDS = frozenset("the a an port module node of s docking side end".split())


def _place_words(place: str) -> set[str]:
    return set(fold_tokens(place)) - _PORT_WORDS


def _asked_place(ctx: Context, q: Question) -> str | None:
    """The module or port a yes/no names ("did it dock at prichal"), when it names one that a
    docking text of the base names too (never "dock with no problems")."""
    if q.ask != Ask.YES_NO:
        return None
    asked = _place_in(q.text)
    if asked is None or not _place_words(asked):
        return None
    known = {
        w
        for m in ctx.kb.missions.values()
        for e in m.events
        if e.kind in DOCKED and (p := _place_in(e.what))
        for w in _place_words(p)
    }
    return asked if _place_words(asked) & known else None


def _place_claim(placed: Lead, asked: str) -> Lead:
    """A port named in a yes/no against the recorded one: Yes when the record's place holds
    every word of it, No with the recorded place, not known when no place is recorded."""
    recorded = _place_in(placed.text)
    if recorded is None or placed.yes is not True:  # "the sources do not say which port"
        placed.yes = None
        placed.known = False
        return placed
    if _place_words(asked) <= _place_words(recorded):
        return placed
    at = placed.text.rfind(", per ")
    at = at if at >= 0 else len(placed.text.rstrip(".").rstrip())
    typed = " ".join(w[:1].upper() + w[1:] for w in asked.split())  # "poisk": Poisk
    placed.text = f"{placed.text[:at]}, not to {typed}{placed.text[at:]}"
    placed.yes = False
    return placed


def _docking_place(ctx: Context, m: Mission, ev: Event | None, lead: Lead) -> Lead | None:
    """ "which module did it dock to": the port or module first, then the date; from the
    docking event, else from a sentence of the record; None when no text names a place."""
    verb = "berthed" if ev is not None and ev.kind == "berthed" else "docked"
    place = _place_in(ev.what) if ev is not None else None
    sources: tuple[str, ...] = tuple(ev.sources) if ev is not None and place else ()
    if place is None:
        for p in ctx.lexicon.passages.get(m.id, ()):
            place = _place_in(p.text)
            if place is not None:
                sources = p.sources
                break
    if ev is None and place is None:
        return None
    if place is None:
        assert ev is not None
        lead.text = (
            f"The sources do not say which port or module {m.name} {verb} at; it {verb} on "
            f"{date_text(ev.date, lead.mentions)}{_clock(ev.what)}{_per(ctx, ev.sources)}."
        )
        lead.sources = list(ev.sources)
        if ev.what:
            lead.fields.append(Field("Recorded", ev.what))
        return lead
    when = ""
    if ev is not None:
        when = f" on {date_text(ev.date, lead.mentions)}{_clock(ev.what)}"
        sources = tuple(dict.fromkeys((*sources, *ev.sources)))
    lead.text = f"{m.name} {verb} to {place}{when}{_per(ctx, sources)}."
    if ev is None:
        lead.text += " Its docking date is not recorded."
    elif ev.what and not _place_in(ev.what):
        lead.fields.append(Field("Recorded", ev.what))
    lead.sources = list(sources)
    lead.yes = True
    return lead


def _names_vehicle(ctx: Context, text: str) -> bool:
    """Whether text names a vehicle of the base (spacecraft or rocket) by its name."""
    folded = text.lower()
    return any(v.name.lower() in folded for v in ctx.kb.vehicles.values())


def _names_person(ctx: Context, text: str) -> bool:
    """Whether text names a person of the base (by surname)."""
    folded = text.lower()
    return any(c.name.split()[-1].lower() in folded for c in ctx.kb.crew.values())


def _clock(what: str) -> str:
    """ " at 11:10 a.m. EDT" when an event's text gives its time of day, else ""."""
    found = clock_in(what)
    return f" at {found.group(1).strip()}" if found else ""


def _passage(
    ctx: Context, ids: tuple[str, ...], stems: frozenset[str], kinds: tuple[str, ...]
) -> str:
    """A passage of these records whose words start with one of the stems (e.g. "dock")."""
    for rid in ids:
        for p in ctx.lexicon.passages.get(rid, ()):
            if any(w.startswith(s) for w in p.words for s in stems if len(s) >= 3):
                return p.text
    return ""


def _m_pad(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    if m.pad is None:
        v = ctx.kb.vehicles.get(m.vehicle)
        pads = [_name(ctx, p) for p in (v.pads if v else ())]
        if not pads:
            lead.text = f"The pad of {m.name} is not recorded as of {day_text(ctx.kb.as_of)}."
            lead.known = False
            return lead
        lead.text = (
            f"No pad is recorded for {m.name} itself; {_name(ctx, m.vehicle)} flies from "
            f"{names(pads)}."
        )
        return lead
    flown = outcome_date(m) is not None
    verb = "launched from" if flown else "is to launch from"
    clause = _launch_clause(m, lead.mentions)
    lead.text = f"{m.name} {verb} {_name(ctx, m.pad)} ({clause})."
    pad = ctx.kb.pads.get(m.pad)
    lead.sources = list(pad.sources[:1] if pad else ()) + list(m.sources)
    return lead


def _m_launcher(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    if m.launcher is None:
        lead.text = f"The rocket of {m.name} is not recorded as of {day_text(ctx.kb.as_of)}."
        lead.known = False
        return lead
    flown = outcome_date(m) is not None
    verb = "launched on" if flown else "is to launch on"
    pad = f" from {_name(ctx, m.pad)}" if m.pad else ""
    lead.text = (
        f"{m.name} {verb} a {_name(ctx, m.launcher)}{pad} ({_launch_clause(m, lead.mentions)})."
    )
    return lead


def _m_operator(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    v = ctx.kb.vehicles.get(m.vehicle)
    op = m.operator or (v.operator if v else None)
    if op is None:
        return Lead(f"The operator of {m.name} is not recorded.", known=False)
    return Lead(f"{m.name} is flown by {_name(ctx, op)} with its {_name(ctx, m.vehicle)}.")


def _m_builder(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    v = ctx.kb.vehicles.get(rec.vehicle)
    if v is None:
        return None
    lead = _v_builder(ctx, v, q, now)
    if lead is not None:  # "Progress MS is built by ...": "X flies a Progress MS, built by ..."
        said = lead.text.removeprefix(v.name).lstrip()
        said = re.sub(r"^is (built|made|manufactured)\b", r"\1", said)
        lead.text = f"{rec.name} flies a {v.name}, {said}"
    return lead


_CARRY_WORDS = frozenset(words("carries carrying carried delivers delivering delivered brings"))
# a sentence starting with one of these has the mission as its unsaid subject ("Carries ...")
_CARRY_VERBS = frozenset("carries carried delivers delivered brings brought".split())


def _carried(ctx: Context, m: Mission) -> Passage | None:
    """The sentence of a mission's texts that says what it carries ("Carries the final set of
    iROSA solar arrays"), worded with the mission's name first; None when none does."""
    best = [p for _, p in ctx.lexicon.best_passages((m.id,), _CARRY_WORDS, 4)]
    best.sort(key=lambda p: p.text.split(" ", 1)[0].lower() not in _CARRY_VERBS)  # "Carries ..."
    for p in best:
        text = p.text
        if text[:1].isupper() and text.split(" ", 1)[0].lower() in _CARRY_VERBS:
            text = f"{m.name} {text[:1].lower()}{text[1:]}"  # "Carries ..." -> "CRS-35 carries ..."
        elif m.name.lower() not in text.lower():
            text = f"{m.name}: {text}"
        return replace(p, text=text)
    return None


# What a departure or landing event says the ship took with it.
_WITH = phrases(r"\b(?:carrying|loaded with|returning|with)\b.+$", re.I)


def _took_away(ctx: Context, m: Mission, lead: Lead) -> Lead | None:
    """The load a flight left or came home with, from its departure or landing event."""
    for ev in sorted(m.events, key=lambda e: e.date.start):
        if ev.kind not in UNDOCKED + LANDED:
            continue
        took = _WITH.search(ev.what)
        if took is None:
            continue
        verb = "left the station" if ev.kind in UNDOCKED else "returned"
        lead.text = (
            f"{m.name} {verb} on {date_text(ev.date, lead.mentions)} "
            f"{took.group(0).rstrip('.')}{_per(ctx, ev.sources)}."
        )
        lead.sources = list(ev.sources)
        lead.yes = True
        return lead
    for f in m.facts:
        if _RETURNED.search(f.text):
            lead.text = f"{m.name}: {f.text.rstrip('.')}{_per(ctx, f.sources)}."
            lead.sources = list(f.sources)
            lead.yes = True
            return lead
    return None


_RETURNED = phrases(
    r"\breturn(?:ed|ing)? (?:cargo|science|with)\b|\bbr(?:ought|ing|ings) back\b|\bdown-?mass\b"
    r"|\bcame back with\b",
    re.I,
)


_LANDED_VERB = {"splashdown": "splashed down", "landed": "landed", "landing": "landed"}
# A ship that comes back with nothing: it burns up on re-entry.
_BURNS_UP = phrases(r"\bburns? up\b|\bdestructive re-?entry\b", re.I)


def _returned(ctx: Context, m: Mission, lead: Lead) -> Lead:
    """ "what did CRS-33 bring back" with no return load recorded: said as not recorded, then
    what its vehicle can bring back and when it came home; a vehicle that burns up on re-entry
    brought nothing back (No, with that sentence)."""
    v = ctx.kb.vehicles.get(m.vehicle or "")
    asof = day_text(ctx.kb.as_of)
    if v is not None and not any(c.cargo == "down-mass" for c in v.capacities):
        burns = next((f for f in v.facts if _BURNS_UP.search(f.text)), None)
        if burns is not None:
            said = burns.text.rstrip(". ")
            if not fold(said).startswith(fold(v.name.split()[0])):
                said = f"{v.name} {said[0].lower()}{said[1:]}"
            lead.text = f"{m.name} brought no cargo back: {said}{_per(ctx, burns.sources)}."
            lead.sources = list(burns.sources)
            lead.yes = False
            return lead
    lead.known = False
    lead.text = f"What {m.name} brought back is not recorded as of {asof}."
    back = next((c for c in v.capacities if c.cargo == "down-mass"), None) if v else None
    if v is not None and back is not None:
        lead.text += f" A {v.name} can bring back {amount(back)}{_per(ctx, back.sources)}."
        lead.sources = list(back.sources)
    home = _event(m, LANDED)
    if home is not None:
        lead.text += (
            f" {m.name} {_LANDED_VERB.get(home.kind, 'returned')} on "
            f"{date_text(home.date, lead.mentions)}."
        )
        lead.sources += list(home.sources)
    return lead


def _m_cargo(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    items = [c for c in m.cargo if q.cargo is None or c.cargo == q.cargo]
    if not items and q.cargo in ("down-mass", "disposal"):
        away = _took_away(ctx, m, lead)  # "what did it take with it": its departure's load
        if away is not None:
            return away
    flown = outcome_date(m) is not None
    verb = "carried" if flown else "is to carry"
    if not items:
        what = CARGO_NAMES.get(q.cargo or "", "cargo").lower() if q.cargo else "cargo"
        if m.kind == "crew" and not m.cargo:
            return None
        if q.cargo == "down-mass":
            return _returned(ctx, m, lead)
        said = _carried(ctx, m) if q.cargo is None else None
        if said is not None:  # "what's it carrying": no masses, but a sentence says what
            lead.text = said.text
            lead.sources = list(said.sources)
            lead.fields.append(Field("Mass", f"not recorded as of {day_text(ctx.kb.as_of)}"))
            return lead
        lead.known = False
        lead.text = f"{m.name}'s {what} is not recorded as of {day_text(ctx.kb.as_of)}."
        best = ctx.lexicon.best_passages(
            (m.id,), frozenset({"kg", "cargo", "supply", "propellant", "t"}), 1
        )
        if best:
            lead.fields.append(Field("What the sources say", best[0][1].text))
        return lead
    main = next((c for c in items if c.cargo == "total-up-mass"), items[0])
    clause = _launch_clause(m, lead.mentions)
    lead.text = f"{m.name} {verb} {_mass_phrase(main)} ({clause}{_per(ctx, main.sources)})."
    rest = [c for c in items if c is not main]
    if rest:
        lead.fields.append(
            Field("Cargo", "\n".join(f"• {CARGO_NAMES[c.cargo]}: {amount(c)}" for c in rest))
        )
    lead.sources = [s for c in items for s in c.sources]
    return lead


# A sentence naming the spacecraft that flew a flight: "in Dragon Grace", "capsule C209",
# "named S.S. Steven R. Nagel".
_CAPSULE_TEXT = phrases(r"\bcapsule\b|\bDragon (?!because\b)[A-Z][a-z]+\b|\bS\.S\. [A-Z]")
_DRAGON_NAME = phrases(r"\bDragon ([A-Z][a-z]+)\b")


def _m_capsule(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    found = [
        p
        for p in ctx.lexicon.passages.get(m.id, ())
        if _CAPSULE_TEXT.search(p.text) or re.search(r"\bcapsule\b", p.text, re.I)
    ]
    if not found:
        lead.known = False
        lead.text = (
            f"Which spacecraft flew {m.name} is not recorded as of {day_text(ctx.kb.as_of)}."
        )
        return lead
    best = min(found, key=lambda p: len(p.text))
    clause = _launch_clause(m, lead.mentions)
    named = _DRAGON_NAME.search(best.text)
    counted = min(
        (p for p in found if re.search(r"\b(?:time|times|flight)\b", p.text)),
        key=lambda p: len(p.text),
        default=None,
    )
    if q.ask == Ask.HOW_MANY and counted is not None:
        best, named = counted, None  # "how many times has its capsule flown"
    if named is not None:
        lead.text = f"{m.name} flew in Dragon {named.group(1)} ({clause})."
    else:
        text = best.text.rstrip(".")
        lead.text = f"{m.name}: {text[0].upper()}{text[1:]} ({clause})."
    lead.sources = list(best.sources) or list(m.sources)
    lead.yes = True
    return lead


def _mass_phrase(c: Amount) -> str:
    cargo = getattr(c, "cargo", "")
    what = {
        "total-up-mass": "of cargo",
        "propellant": "of propellant",
        "water": "of water",
        "gas": "of gas",
        "dry-cargo": "of dry cargo",
        "down-mass": "back to Earth",
        "pressurized": "of pressurized cargo",
        "unpressurized": "of unpressurized cargo",
    }.get(cargo, f"({CARGO_NAMES.get(cargo, cargo)})")
    note = f" ({c.note})" if c.note else ""
    return f"{c.text()} {what}{note}"


def _m_status(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    sentence = schedule_sentence(ctx.kb, m, now, lead.mentions)
    since = day_text(m.status_as_of, lead.mentions)
    status = f"{m.name}: {m.status} (as of {since}). "
    lead.text = sentence if m.status == "cancelled" else status + sentence
    _status_lead(ctx, q, lead, m, m.events)
    last = max(m.events, key=lambda e: e.date.start, default=None)
    if last is not None:
        lead.fields.append(
            Field("Latest event", f"{date_text(last.date, lead.mentions)}: {last.what}")
        )
    return lead


def _m_transit(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "how long did it take to get there": launch to first docking, in hours and minutes
    when the record states them or gives both times of day, else from the recorded dates."""
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    trip = transit(m)
    if trip is None:
        lead.text = f"How long {m.name} took to reach the station is not recorded."
        lead.known = False
        return lead
    verb = "berthed" if trip.arrived.kind == "berthed" else "docked"
    launched = f"launched {date_text(trip.launched.date, lead.mentions)}"
    arrived = f"{verb} {date_text(trip.arrived.date, lead.mentions)}"
    per = _per(ctx, trip.sources)
    if trip.stated:  # the arrival's own words say how long it took
        per = _per(ctx, trip.arrived.sources)
        how = f"{launched}{_clock(trip.launched.what)}; “{trip.arrived.what.rstrip('.')}”"
    elif trip.minutes is not None:
        how = (
            f"{launched}{_clock(trip.launched.what)}, {arrived}{_clock(trip.arrived.what)}"
            " (derived from the recorded times)"
        )
    else:
        how = f"{launched}, {arrived} (derived from the recorded dates)"
    lead.text = f"{m.name} took {trip.span()} to reach the station: {how}{per}."
    lead.sources = list(trip.sources)
    return lead


# What an event of a kind is called in a derived length's note ("berthing and unberthing").
_KIND_NOUNS = {
    "docked": "docking",
    "berthed": "berthing",
    "undocked": "undocking",
    "unberthed": "unberthing",
    "released": "release",
    "departed": "departure",
}


def _m_stay(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    arrived = _event(m, DOCKED)
    left = _event(m, UNDOCKED)
    if arrived is not None and left is not None:
        days = (left.date.start - arrived.date.start).days
        lead.text = (
            f"{m.name} stayed about {days} days at the station "
            f"({date_text(arrived.date, lead.mentions)} to {date_text(left.date, lead.mentions)}"
            f", derived from its recorded {_KIND_NOUNS.get(arrived.kind, 'docking')} and "
            f"{_KIND_NOUNS.get(left.kind, 'departure')} dates)."
        )
        lead.sources = list(arrived.sources) + list(left.sources)
        return lead
    v = ctx.kb.vehicles.get(m.vehicle)
    best = ctx.lexicon.best_passages((m.id,), frozenset({"stay", "day", "month"}), 1)
    if best and best[0][0] > 0:
        lead.text = best[0][1].text
        lead.sources = list(best[0][1].sources)
        return lead
    if v is not None and v.typical_stay_days is not None:
        lead.text = (
            f"{m.name}'s stay is not recorded; a {v.name} typically stays "
            f"{amount(v.typical_stay_days)}."
        )
        lead.known = False
        return lead
    return None


def _m_aboard(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "is it still docked": a departure, landing or later absence says no; a docking with
    nothing after it says yes only while a typical stay would not have ended."""
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    gone = _event(m, UNDOCKED + LANDED)
    if gone is not None:
        said = _KIND_VERBS.get(gone.kind, "left the station")
        lead.text = (
            f"{m.name} {said} on {date_text(gone.date, lead.mentions)}{_per(ctx, gone.sources)}."
        )
        landed = _event(m, LANDED)
        if landed is not None and landed is not gone:
            said = _KIND_VERBS.get(landed.kind, "returned to Earth")
            lead.text += f" It {said} on {date_text(landed.date, lead.mentions)}."
        lead.sources = list(gone.sources)
        lead.yes = False
        return lead
    left = left_evidence(m)
    if left is not None:
        said = _left_sentence(ctx, m.name, left, lead.mentions)
        lead.text = said[0].upper() + said[1:]
        lead.sources = list(left.sources)
        lead.yes = False
        return lead
    arrived = _event(m, DOCKED)
    if arrived is None:
        if outcome_date(m) is None:  # not flown yet (or cancelled)
            lead.text = schedule_sentence(ctx.kb, m, now, lead.mentions)
            lead.yes = False
            return lead
        listed = _listed_docked(ctx, m, now, lead)
        if listed is not None:
            return listed
        lead.text = f"No docking of {m.name} is recorded as of {day_text(ctx.kb.as_of)}."
        lead.known = False
        return lead
    docked = f"{m.name} docked on {date_text(arrived.date, lead.mentions)}"
    if arrived.date.net:  # only its bounds are known: never "docked on NET <day>"
        docked = bounded_clause(m.name, "docked", arrived, lead.mentions)
    if m.status not in ("docked", "launched") and m.status_as_of >= arrived.date.start:
        lead.text = (
            f"{docked}; the base lists the flight as {m.status} as of "
            f"{day_text(m.status_as_of, lead.mentions)}, with no undocking date recorded."
        )
        lead.sources = list(arrived.sources)
        lead.yes = False
        return lead
    seen = max(arrived.date.start, m.status_as_of if m.status == "docked" else arrived.date.start)
    v = ctx.kb.vehicles.get(m.vehicle)
    stay = v.typical_stay_days if v is not None else None
    days = (stay.value or stay.high) if stay is not None else None
    lead.sources = list(arrived.sources)
    last_seen = f"; last reported docked on {day_text(seen, lead.mentions)}"
    if seen == arrived.date.start:
        last_seen = ""
    ends = arrived.date.start + dt.timedelta(days=days) if days is not None else None
    kind = v.name if v is not None else "flight"
    if ends is not None and ends < ctx.kb.as_of:  # the stay ended before the base's last word
        lead.text = (
            f"{docked}{last_seen}, and no departure is recorded; but a {kind} typically stays "
            f"{_days(stay)}, which would have ended about {day_text(ends, lead.mentions)}."
        )
        lead.known = False
        return lead
    lead.text = f"{docked}{last_seen}, and no departure is recorded as of {day_text(ctx.kb.as_of)}."
    if ends is not None and ends < now:  # yes as of the base's date; it may have left since
        lead.text += (
            f" A {kind} typically stays {_days(stay)}, which would end about "
            f"{day_text(ends, lead.mentions)}, after the base's last update."
        )
    lead.yes = True
    return lead


def _v_aboard(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "is progress still docked": which of the vehicle's flights are at the station."""
    assert isinstance(rec, Vehicle)
    return family_aboard(ctx, [rec], q, now)


def flights_aboard(
    ctx: Context, vehicles: Sequence[Vehicle], q: Question, now: dt.date
) -> list[tuple[Mission, Lead]]:
    """Each flown ISS flight of these vehicles with the still-docked rule's answer for it
    (`_m_aboard`), oldest launch first."""
    ids = {v.id for v in vehicles}
    out = []
    for m in ctx.kb.missions.values():
        launched = outcome_date(m)
        if m.vehicle not in ids or launched is None or "ISS" not in m.destination:
            continue
        lead = _m_aboard(ctx, m, q, now)
        if lead is not None:
            out.append((launched.start, m, lead))
    return [(m, lead) for _, m, lead in sorted(out, key=lambda x: (x[0], x[1].name))]


def family_aboard(ctx: Context, vehicles: Sequence[Vehicle], q: Question, now: dt.date) -> Lead:
    """ "is dragon still docked": the family's flights at the station as of the base's last
    record, each with its dates; none, the last one to leave; unsure ones said as not known."""
    family = " or ".join(v.name for v in vehicles)
    seen = flights_aboard(ctx, vehicles, q, now)
    lead = Lead("")
    here = [(m, a) for m, a in seen if a.yes is True]
    gone = [(m, a) for m, a in seen if a.yes is False]
    # a flight the rule cannot decide counts only when no later flight of the family is decided:
    # older ones past their typical stay are in a field, not the answer
    decided = max((i for i, (_, a) in enumerate(seen) if a.yes is not None), default=-1)
    unsure = [(m, a) for i, (m, a) in enumerate(seen) if a.yes is None and i > decided]
    older = [m for i, (m, a) in enumerate(seen) if a.yes is None and i < decided]
    as_of = day_text(ctx.kb.as_of)
    for _, a in [*here, *unsure]:
        lead.mentions += a.mentions
        lead.sources += a.sources
    if here:
        names = " and ".join(m.name for m, _ in here)
        lead.text = " ".join(a.text for _, a in here)
        if len(here) > 1:
            lead.text = f"{names} are recorded at the station as of {as_of}. {lead.text}"
        lead.yes = True
    elif unsure:
        lead.text = " ".join(a.text for _, a in unsure)
        lead.known = False
    else:
        lead.text = f"No {family} flight is recorded at the station as of {as_of}"
        lead.yes = False
        if gone:
            a = gone[-1][1]
            lead.text += f"; the last one: {a.text}"
            lead.mentions += a.mentions
            lead.sources += a.sources
        else:
            lead.text += "."
    if here and unsure:
        lead.text += " Not known: " + " ".join(a.text for _, a in unsure)
    if older:
        lead.fields.append(
            Field(
                "Earlier flights with no departure recorded",
                ", ".join(m.name for m in older) + ".",
            )
        )
    return lead


def _listed_docked(ctx: Context, m: Mission, now: dt.date, lead: Lead) -> Lead | None:
    """A flight with no docking event whose status says docked on a later day ("listed among
    the vehicles docked on 27 September"): yes as of that record, nothing later recorded; a
    typical stay ended before the base's date makes it not known."""
    launched = outcome_date(m)
    if m.status != "docked" or launched is None or m.status_as_of < launched.start:
        return None
    seen = day_text(m.status_as_of, lead.mentions)
    noted = next((f for f in m.facts if re.search(r"\bdocked\b", f.text, re.I)), None)
    lead.sources = list(noted.sources if noted is not None else m.sources)
    v = ctx.kb.vehicles.get(m.vehicle)
    stay = v.typical_stay_days if v is not None else None
    days = (stay.value or stay.high) if stay is not None else None
    ends = launched.start + dt.timedelta(days=days) if days is not None else None
    kind = v.name if v is not None else "flight"
    per = _per(ctx, lead.sources)
    base = (
        f"as of {seen}, the last record, {m.name} was docked to the station{per}"
        f" (launched {date_text(launched, lead.mentions)}; its docking date is not recorded); "
        "nothing later is recorded."
    )
    if ends is not None and ends < ctx.kb.as_of:  # a stay that ended before the base's date
        lead.text = (
            f"{base[0].upper()}{base[1:-1]}; but a {kind} typically stays {_days(stay)}, which "
            f"would have ended about {day_text(ends, lead.mentions)}."
        )
        lead.known = False
        return lead
    lead.text = base[0].upper() + base[1:]
    if ends is not None and ends < now:
        lead.text += (
            f" A {kind} typically stays {_days(stay)}, which would end about "
            f"{day_text(ends, lead.mentions)}, after the base's last update."
        )
    lead.yes = True
    return lead


def _days(stay: Amount | None) -> str:
    """ "about 180 days", "240-270 days": a typical stay without its notes."""
    if stay is None:
        return ""
    if stay.value is not None:
        return f"about {stay.value:.0f} {stay.unit}"
    return f"{stay.low or 0:.0f}-{stay.high or 0:.0f} {stay.unit}"


def _m_days(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """How long a flight lasted: launch to landing from the recorded dates (derived)."""
    assert isinstance(rec, Mission)
    m = rec
    if outcome_date(m) is None:
        return None
    took = flight_duration(m, ctx.kb.as_of)
    docked = docked_duration(m)
    if took is None:
        lead = Lead(f"How long {m.name} lasted is not recorded: no return date.", known=False)
        if docked is not None:
            lead.text = (
                f"{m.name}'s return date is not recorded; it was docked to the station for "
                f"{docked.text}."
            )
            lead.sources, lead.mentions = list(docked.sources), list(docked.mentions)
        return lead
    verb = "has been in space" if took.ongoing else "lasted"
    lead = Lead(f"{m.name} {verb} {took.text}.", sources=list(took.sources))
    lead.mentions = list(took.mentions)
    if docked is not None:
        lead.text += f" It was docked to the station for {docked.text}."
        lead.mentions += list(docked.mentions)
    return lead


def _m_cost(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    v = ctx.kb.vehicles.get(rec.vehicle)
    if v is None or not v.costs:
        return Lead(
            f"No cost of {rec.name} is recorded as of {day_text(ctx.kb.as_of)}.", known=False
        )
    lead = _v_cost(ctx, v, q, now)
    assert lead is not None
    own = lead.text
    lead.text = f"No cost is recorded for {rec.name} itself; for its vehicle: {lead.text}"
    # "what did nasa pay for its last soyuz seat": a price per seat is the vehicle's, and
    # answers it; a flight's own price ("what did crs-34 cost") is not recorded
    asked = set(words(q.text))
    lead.known = any(c.per in asked for c in v.costs if c.per not in ("mission", "launch"))
    if lead.known:  # the price asked leads; the flight's own is said to be unrecorded
        lead.text = f"{own} No price is recorded for {rec.name} itself."
    return lead


def _mass(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "how heavy is htv-x": the spacecraft's own mass, which the base does not record."""
    cargo = ""
    if isinstance(rec, Vehicle) and rec.capacities:
        top = next((c for c in rec.capacities if c.cargo == "total-up-mass"), None)
        cargo = f" It records what it carries: up to {top.text()} of cargo." if top else ""
    elif isinstance(rec, Mission) and rec.cargo:
        cargo = f" It records its cargo: {_mass_phrase(rec.cargo[0])}."
    return Lead(
        f"The mass of {rec.name} itself is not recorded as of {day_text(ctx.kb.as_of)}.{cargo}",
        known=False,
    )


# --- vehicles ---------------------------------------------------------------------------------


def _v_operator(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    built = (
        f" and built by {_name(ctx, v.manufacturer)}"
        if v.manufacturer and v.manufacturer != v.operator
        else ""
    )
    return Lead(f"{v.name} is operated by {_name(ctx, v.operator)}{built}.")


def _v_builder(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if v.manufacturer is None:
        return Lead(
            f"{v.name} is operated by {_name(ctx, v.operator)}; its builder is not recorded.",
            known=False,
        )
    op = f", operated by {_name(ctx, v.operator)}" if v.operator != v.manufacturer else ""
    return Lead(f"{v.name} is built by {_name(ctx, v.manufacturer)}{op}.")


def _v_cost(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if not v.costs:
        return Lead(f"No cost of {v.name} is recorded as of {day_text(ctx.kb.as_of)}.", known=False)
    order = {"mission": 0, "launch": 1, "seat": 2, "kg": 3, "contract": 4, "year": 5}
    costs = sorted(v.costs, key=lambda c: order.get(c.per, 9))
    main = costs[0]
    lead = Lead(f"{v.name} costs {main.text()} per {main.per}{_per(ctx, main.sources)}.")
    if main.note:
        lead.fields.append(Field("Note", main.note))
    if len(costs) > 1:
        lead.fields.append(
            Field("Other cost figures", "\n".join(f"• {amount(c)} per {c.per}" for c in costs[1:]))
        )
    lead.sources = [s for c in costs for s in c.sources]
    return lead


def _v_capacity(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    lead = Lead("")
    caps = list(v.capacities)
    if not caps:
        lead.text = f"{v.name}'s capacity is not recorded as of {day_text(ctx.kb.as_of)}."
        lead.known = False
        return lead
    if q.cargo is not None:
        asked = [c for c in caps if c.cargo == q.cargo]
        if not asked:
            what = CARGO_NAMES.get(q.cargo, q.cargo).lower()
            if q.cargo == "propellant" and not v.refuels_russian_segment:
                lead.text = (
                    f"{v.name} carries no propellant for the station "
                    "(only Progress refuels the Russian segment)."
                )
                lead.yes = False
            else:
                lead.text = f"{v.name}'s {what} capacity is not recorded."
                lead.known = False
            lead.fields.append(Field("Capacity", _capacity_lines(caps)))
            return lead
        main = asked[0]
    else:
        main = next((c for c in caps if c.cargo in ("total-up-mass", "payload-leo")), caps[0])
    where = (
        "to orbit"
        if main.cargo == "payload-leo"
        else "to the station"
        if main.cargo != "down-mass"
        else ""
    )
    label = CARGO_NAMES[main.cargo].lower()
    if main.cargo == "down-mass":
        lead.text = f"{v.name} brings up to {main.text()} back to Earth{_per(ctx, main.sources)}."
    else:
        lead.text = (
            f"{v.name} carries up to {main.text()} {where} ({label}{_per(ctx, main.sources)})."
        )
    if main.note:
        lead.text += " " + main.note.rstrip(".") + "."
    others = [c for c in caps if c is not main][:CAPACITY_LINES]
    if others and q.cargo is None:
        lead.fields.append(Field("Capacity", _capacity_lines(others)))
    lead.sources = [s for c in caps for s in c.sources]
    lead.yes = _carries(main, q.text)
    return lead


# A mass a yes/no claims a vehicle carries: "can dragon carry 6000 kg", "2.5 tonnes".
_ASKED_MASS = phrases(
    r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>kgs?|kilos?|kilograms?|t|tons?"
    r"|tonnes?|metric tons?|lbs?|pounds?)\b",
    re.I,
)


def _carries(cap: Amount, text: str) -> bool | None:
    """Yes to "can it carry N kg" when N is within the capacity, No when above it; Yes with no
    mass asked (it carries cargo); None when the capacity is no mass to compare with."""
    m = _ASKED_MASS.search(text)
    if m is None:
        return True
    top = cap.high if cap.value is None else cap.value
    if top is None or cap.unit != "kg":
        return None
    asked = float(m["n"].replace(",", "")) * kg_per_said(m["unit"])
    return asked <= top


def _capacity_lines(caps: Sequence[Amount]) -> str:
    return "\n".join(f"• {CARGO_NAMES[getattr(c, 'cargo', '')]}: {amount(c)}" for c in caps)


def _v_crew_size(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if not v.crew_size:
        if v.kind in ("cargo-spacecraft", "launch-vehicle"):
            return Lead(f"{v.name} is a {v.kind.replace('-', ' ')}: it carries no crew.", yes=False)
        return Lead(f"{v.name}'s crew size is not recorded.", known=False)
    most = (
        f" (up to {v.crew_size_max})" if v.crew_size_max and v.crew_size_max != v.crew_size else ""
    )
    return Lead(f"{v.name} carries a crew of {v.crew_size}{most}.", yes=True)


def rides(ctx: Context, v: Vehicle) -> tuple[list[str], list[str], list[str], list[str]]:
    """A spacecraft's launchers and pads, split into current and retired ones (a pad is retired
    for it when only its retired launchers used it, or when its own record no longer lists the
    spacecraft while another of its pads does: LC-39A for Dragon since 2026): "Falcon 9 from
    SLC-40; earlier Antares"."""
    launchers = [ctx.kb.get(x) for x in v.launchers]
    old = [x for x, r in zip(v.launchers, launchers, strict=True) if _retired(r)]
    now = [x for x in v.launchers if x not in old]
    old_pads: list[str] = []
    if old and now:
        used_now = {p for x in now if isinstance(r := ctx.kb.get(x), Vehicle) for p in r.pads}
        used_old = {p for x in old if isinstance(r := ctx.kb.get(x), Vehicle) for p in r.pads}
        old_pads = [p for p in v.pads if p in used_old and p not in used_now]
    serving = [
        p for p in v.pads if (pad := ctx.kb.pads.get(p)) is not None and v.id in pad.vehicles
    ]
    if serving:
        old_pads += [p for p in v.pads if p not in serving and p not in old_pads]
    return now or old, old if now else [], [p for p in v.pads if p not in old_pads], old_pads


def _retired(rec: Record | None) -> bool:
    return isinstance(rec, Vehicle) and rec.status == "retired"


def _earlier(ctx: Context, old: list[str], old_pads: list[str]) -> str:
    """ "; earlier on Antares (retired) from Wallops Pad 0A", or nothing."""
    if not old:
        return ""
    where = f" from {names([_name(ctx, p) for p in old_pads])}" if old_pads else ""
    return f"; earlier on {names([_name(ctx, x) for x in old])} (retired){where}"


def _v_pad(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if not v.pads:
        return Lead(f"The pads of {v.name} are not recorded.", known=False)
    current, old, pads, old_pads = rides(ctx, v)
    on = f" on {names([_name(ctx, x) for x in current])}" if current else ""
    where = names([_name(ctx, p) for p in pads])
    return Lead(f"{v.name} launches from {where}{on}{_earlier(ctx, old, old_pads)}.")


def _v_launcher(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if not v.launchers:
        if v.kind == "launch-vehicle":
            return None
        return Lead(f"The rocket of {v.name} is not recorded.", known=False)
    current, old, pads, old_pads = rides(ctx, v)
    where = f" from {names([_name(ctx, p) for p in pads])}" if pads else ""
    rockets = names([_name(ctx, x) for x in current])
    return Lead(f"{v.name} launches on {rockets}{where}{_earlier(ctx, old, old_pads)}.")


def _v_status(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    lead = Lead("")
    span = []
    if v.first_flight:
        span.append(f"first flight {date_text(v.first_flight, lead.mentions)}")
    if v.last_flight:
        span.append(f"last flight {date_text(v.last_flight, lead.mentions)}")
    extra = f" ({'; '.join(span)})" if span else ""
    lead.text = f"{v.name} is {v.status.replace('-', ' ')}{extra}."
    _status_lead(ctx, q, lead, v, v.events)
    return lead


_LAUNCH_EVENTS = ("flight", "failure")  # a vehicle's event kinds that can be launches
_LAUNCHED = phrases(r"\blaunch", re.IGNORECASE)  # ...and the words that say one was


def _flights_of(ctx: Context, v: Vehicle) -> list[tuple[dt.date, Mission]]:
    """The recorded launches of a vehicle (as spacecraft or rocket), oldest first."""
    out = []
    for m in ctx.kb.missions.values():
        launched = outcome_date(m)
        if launched is not None and v.id in (m.vehicle, m.launcher):
            out.append((launched.start, m))
    return sorted(out, key=lambda dm: (dm[0], dm[1].name))


def _pending_of(ctx: Context, v: Vehicle) -> list[Mission]:
    """The vehicle's flights still to fly (as spacecraft or rocket), by their planned dates."""
    pending = [
        m
        for m in ctx.kb.missions.values()
        if v.id in (m.vehicle, m.launcher) and m.status in PENDING and m.schedule
    ]
    return sorted(pending, key=lambda m: m.schedule[-1].planned.start)


def _v_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "when does soyuz launch": its next planned flight and its last recorded one."""
    assert isinstance(rec, Vehicle)
    v = rec
    if firsts.FIRST.search(q.text):  # "the first time cygnus flew on falcon 9"
        return _v_first_flight(ctx, rec, q, now)
    if AGAIN.search(q.text):
        again = flew_again(ctx, v, now)
        if again is not None:  # "is H3 flying again": its first launch since its failure
            return again
    lead = Lead("")
    pending = _pending_of(ctx, v)
    upcoming = [m for m in pending if not m.schedule[-1].planned.is_past(now)]
    flown = _flights_of(ctx, v)
    parts = []
    if upcoming:
        m = upcoming[0]
        when = date_text(m.schedule[-1].planned, lead.mentions)
        parts.append(f"The next {v.name} flight recorded is {m.name}, planned for {when}.")
        lead.sources += list(m.schedule[-1].sources)
    elif pending:  # only plans whose dates have passed: said as such, never as "no flight"
        parts.append(schedule_sentence(ctx.kb, pending[0], now, lead.mentions))
        lead.sources += list(pending[0].schedule[-1].sources)
    # launches the vehicle's own history records after its last station flight (a test flight,
    # a launch for someone else): "H3 returned to flight", "Starliner's OFT-2"
    own = [
        e
        for e in v.events
        if e.kind in _LAUNCH_EVENTS
        and e.date.start <= now
        and (not flown or e.date.start > flown[-1][0])
        and _LAUNCHED.search(e.what)  # not its dockings, departures or re-entries
    ]
    if own:
        e = max(own, key=lambda e: e.date.start)
        parts.append(f"Its latest launch recorded, {date_text(e.date, lead.mentions)}: {e.what}")
        lead.sources += list(e.sources)
    if flown:
        day, m = flown[-1]
        last = "last station flight" if own else "last recorded launch"
        parts.append(f"The {last} was {m.name} on {day_text(day, lead.mentions)}.")
    if not upcoming and v.status in ("retired", "cancelled"):
        # "is antares still flying": it is retired, whatever flights the base lists
        return _retired_launch(ctx, v, q, parts, lead)
    if not parts:
        lead.text = f"No flight of {v.name} is recorded as of {day_text(ctx.kb.as_of)}."
        lead.known = False
        return lead
    lead.text = " ".join(parts)
    lead.known = bool(upcoming) or q.ask != Ask.WHEN
    return lead


def flew_again(ctx: Context, v: Vehicle, now: dt.date) -> Lead | None:
    """Whether a vehicle has launched since its latest recorded failure, and when it first
    did; None when no failure is recorded (the ordinary launch answer applies)."""
    failures = [e for e in v.events if e.kind == "failure" and e.date.start <= now]
    if not failures or v.status in ("retired", "cancelled"):
        return None
    failed = max(failures, key=lambda e: e.date.start)
    lead = Lead("")
    since: list[tuple[dt.date, str, tuple[str, ...]]] = [
        (e.date.start, _clause(e.what), e.sources)
        for e in v.events
        if e.kind == "flight"
        and failed.date.start < e.date.start <= now
        and _LAUNCHED.search(e.what)
    ]
    since += [
        (day, f"{m.name} launched", m.sources)
        for day, m in _flights_of(ctx, v)
        if failed.date.start < day <= now
    ]
    failure = f"its failure on {date_text(failed.date, lead.mentions)} ({_clause(failed.what)})"
    if not since:
        lead.text = f"No {v.name} launch is recorded since {failure}."
        lead.known = False
        lead.sources = list(failed.sources)
        return lead
    day, what, sources = min(since, key=lambda s: s[0])
    lead.text = (
        f"{v.name} flew again on {day_text(day, lead.mentions)}, after {failure}: "
        f"{what}{_per(ctx, sources)}."
    )
    lead.sources = [*sources, *failed.sources]
    lead.yes = True
    return lead


def _clause(what: str) -> str:
    """An event's first clause ("Flight F8 failed (second stage)"), for a sentence of its own."""
    return what.split(";")[0].rstrip(". ")


def _retired_launch(ctx: Context, v: Vehicle, q: Question, parts: list[str], lead: Lead) -> Lead:
    """A retired (or cancelled) vehicle's flying: its status first, then who flies in its place
    for a spacecraft the question names beside it ("is antares still flying cygnus")."""
    last = f" (last flight {date_text(v.last_flight, lead.mentions)})" if v.last_flight else ""
    said = [f"{v.name} is {v.status}{last}.", *([] if v.last_flight else parts)]
    for rid in q.record_ids:
        other = ctx.kb.get(rid)
        if isinstance(other, Vehicle) and other.id != v.id and v.id in other.launchers:
            rides = _v_launcher(ctx, other, q, ctx.kb.as_of)
            if rides is not None and rides.known:
                said.append(rides.text)
    lead.text = " ".join(said)
    if q.ask != Ask.YES_NO:
        return lead
    rank = CLAIM.search(q.text) if q.year is None else None
    if rank is not None:  # "was NG-19 the last antares launch": the flight its text names
        lead.yes = _last_flight_named(v, q.text, rank.group("rank"))
        lead.known = lead.yes is not None
        return lead
    lead.yes = _retired_flew_in(v, q)
    lead.known = lead.yes is not None  # an earlier year: not known from its last flight
    return lead


_DESIGNATION = phrases(r"\b[a-z]{1,10}-?\d{1,3}\b", re.I)


def _last_flight_named(v: Vehicle, text: str, rank: str) -> bool | None:
    """Whether the flight a question names is the one the vehicle's own sentences call its
    last (final) flight: Yes for that one, No for another, None when none says."""
    if rank.lower() not in ("last", "final"):
        return None
    asked = {fold(d) for d in _DESIGNATION.findall(text)} - {fold(n) for n in names_of(v)}
    if not asked:
        return None
    said = [v.summary, *(f.text for f in v.facts)]
    for line in (x for t in said for x in sentences(t)):
        if re.search(r"\b(?:last|final)\b", line, re.I):
            named = {fold(d) for d in _DESIGNATION.findall(line)} - {fold(n) for n in names_of(v)}
            if named:
                return bool(asked & named)
    return None


def _retired_flew_in(v: Vehicle, q: Question) -> bool | None:
    """A yes/no of a retired vehicle flying: No for now or a year after its last flight, Yes
    for the year of its last flight ("was the last antares launch in 2023"), not known for an
    earlier year (only its last flight is recorded here)."""
    if q.year is None or v.last_flight is None:
        return False
    if q.year > v.last_flight.end.year:
        return False
    return True if q.year >= v.last_flight.start.year else None


def _ranked_kind(ctx: Context, rec: Record, q: Question, last: bool) -> Lead | None:
    """ "the first crewed launch from SLC-40", "the last cargo flight from 39A": a rank of a
    kind the question narrows to, from the record's own sentence stating it, else the recorded
    flights of that kind; never the first (or last) of another kind as if it answered."""
    kind = firsts.asked_kind(ctx.kb, q, rec)
    if kind is None:
        return None
    lead = Lead("")
    noun = "launch" if isinstance(rec, Pad) else "flight"
    rank = "last" if last else "first"
    if isinstance(rec, Pad):
        what = " ".join(w for w in (kind.said(), noun) if w) + f"{kind.where()} from {rec.name}"
        whose = f"{rec.name}'s {rank} " + " ".join(w for w in (kind.said(), noun) if w)
        whose += kind.where()
    else:
        what = " ".join(w for w in (kind.said(), rec.name, noun) if w) + kind.where()
        whose = f"The {rank} {what}"
    said, limited = firsts.stated(rec, kind, q, last)
    if said is not None:
        when = f", {date_text(said.date, lead.mentions)}" if said.date else ""
        lead.text = f"{whose}{when}: {said.text.rstrip('. ')}{_per(ctx, said.sources)}."
        lead.sources = list(said.sources)
        return lead
    found = firsts.flights(ctx.kb, rec, kind, last)
    if found:
        m = found[0]
        day = outcome_date(m)
        assert day is not None
        on = f"{m.name}, on {date_text(day, lead.mentions)}"
        if last:
            lead.text = f"The latest {what} the fact base records is {on}."
        else:
            lead.text = (
                f"{whose} is not recorded; the earliest {what} the fact base records is {on}."
            )
            lead.known = False
        told = next((e for e in _history(rec) if m.name in e.what), None)
        if told is not None:
            lead.fields.append(Field("Recorded", f"{date_text(told.date)}: {told.what}"))
        return lead
    lead.text = f"{whose} is not recorded as of {day_text(ctx.kb.as_of)}."
    lead.known = False
    if limited is not None:
        when = f"{date_text(limited.date)}: " if limited.date else ""
        lead.fields.append(Field("What is recorded", f"{when}{limited.text}"))
        lead.sources = list(limited.sources)
    return lead


def _history(rec: Record) -> Sequence[Event]:
    """A pad's history or a vehicle's events."""
    return rec.history if isinstance(rec, Pad) else getattr(rec, "events", ())


def _v_first_flight(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    ranked = _ranked_kind(ctx, v, q, last=False)
    if ranked is not None:
        return ranked
    lead = Lead("")
    ev = _event(v, ("first-launch", "first-flight"))
    if v.first_flight is None and ev is None:
        flown = _flights_of(ctx, v)
        if flown:
            day, m = flown[0]
            lead.text = (
                f"The first {v.name} flight the fact base records is {m.name}, launched "
                f"{day_text(day, lead.mentions)}."
            )
            return lead
        planned = _pending_of(ctx, v)
        if planned:  # "when will dream chaser first launch": it has not; its planned first
            m = planned[0]
            plan = schedule_sentence(ctx.kb, m, now, lead.mentions)
            lead.text = (
                f"{v.name} has not flown as of {day_text(ctx.kb.as_of, lead.mentions)}; its "
                f"first flight recorded is planned: {plan}"
            )
            lead.sources = list(m.schedule[-1].sources)
            return lead
        lead.text = f"{v.name}'s first flight is not recorded as of {day_text(ctx.kb.as_of)}."
        lead.known = False
        return lead
    when = v.first_flight or (ev.date if ev else None)
    assert when is not None
    lead.text = f"{v.name} first flew in {date_text(when, lead.mentions)}."
    if ev is not None:
        lead.fields.append(Field("Recorded", ev.what))
        lead.sources = list(ev.sources)
    return lead


_DOCKS = phrases(r"\b(?:dock|berth)\w*", re.I)
_NO_DOCKING = phrases(
    r"\b(?:no|not|never|without)\s+(?:\w+\s+){0,2}?(?:dock|berth)\w*"
    r"|\b(?:doesn'?t|does\s+not|won'?t|will\s+not|cannot|can'?t|isn'?t|is\s+not)\s+(?:\w+\s+)?"
    r"(?:dock|berth)\w*",
    re.I,
)


def _v_docking(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "is dream chaser docking with the iss", "when does cygnus dock": the vehicle's plan
    when its texts say it will not dock, else its latest recorded docking and next plan."""
    assert isinstance(rec, Vehicle)
    v = rec
    if v.kind == "launch-vehicle":
        return None
    lead = Lead("")
    plans = sorted(
        (e for e in v.events if _DOCKS.search(e.what)), key=lambda e: e.date.start, reverse=True
    )
    newer = _no_docking_flight(ctx, v, plans[0].date.start if plans else None)
    if newer is not None:  # a flight of it recorded later says it will not dock: the newest plan
        lead.text = (
            f"{v.name}'s plan, as of {day_text(newer.status_as_of, lead.mentions)}: {newer.name} "
            f"flies to {newer.destination}. {schedule_sentence(ctx.kb, newer, now, lead.mentions)}"
        )
        lead.sources = list(newer.schedule[-1].sources) if newer.schedule else list(newer.sources)
        lead.yes = False
        return lead
    for e in plans:
        if _NO_DOCKING.search(e.what):
            lead.text = (
                f"{v.name}'s plan, as of {date_text(e.date, lead.mentions)}: "
                f"{e.what.rstrip('.')}{_per(ctx, e.sources)}."
            )
            lead.sources = list(e.sources)
            lead.yes = False
            return lead
    for p in ctx.lexicon.passages.get(v.id, ()):
        if _NO_DOCKING.search(p.text) and _DOCKS.search(p.text):
            lead.text = p.text if v.name.split()[0] in p.text else f"{v.name}: {p.text}"
            lead.sources = list(p.sources)
            lead.yes = False
            return lead
    docked = []
    for m in ctx.kb.missions.values():
        ev = _event(m, DOCKED) if m.vehicle == v.id else None
        if ev is not None:
            docked.append((ev.date.start, m, ev))
    if not docked:
        return None
    _day, m, ev = max(docked, key=lambda d: d[0])
    lead.text = (
        f"{v.name} flights {ev.kind} at the ISS: the latest recorded, {m.name}, "
        f"on {date_text(ev.date, lead.mentions)}{_per(ctx, ev.sources)}."
    )
    lead.sources = list(ev.sources)
    lead.yes = True
    return lead


def _no_docking_flight(ctx: Context, v: Vehicle, since: dt.date | None) -> Mission | None:
    """The vehicle's next flight still to fly whose destination says it will not dock, when
    its status was confirmed after the vehicle's own latest docking plan (since)."""
    for m in _pending_of(ctx, v):
        if m.vehicle != v.id or not _NO_DOCKING.search(m.destination):
            continue
        if since is None or m.status_as_of > since:
            return m
    return None


def _v_bool(attr: str, yes_text: str, no_text: str) -> Builder:
    def build(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
        assert isinstance(rec, Vehicle)
        if attr == "reusable" and (part := _part_reused(ctx, rec, q)) is not None:
            return part  # "is the dragon trunk reused": the trunk's, not the whole vehicle's
        value = getattr(rec, attr)
        if value is None:
            return Lead(f"Whether {rec.name} {yes_text} is not recorded.", known=False)
        note = (
            f" ({rec.reboost_note})" if attr == "can_reboost" and value and rec.reboost_note else ""
        )
        text = f"{rec.name} {yes_text}{note}." if value else f"{rec.name} {no_text}."
        return Lead(text, yes=bool(value))

    return build


def _part_reused(ctx: Context, rec: Vehicle, q: Question) -> Lead | None:
    """A part the question names beside the vehicle ("does the dragon trunk get reused"):
    the record's clause naming that part with a used-once word ("the trunk is expended") is
    No, with a reuse word undenied Yes; neither recorded is "not known" (the vehicle's own
    reusable field says nothing of its parts); None when no part is named."""
    part = [w for w in q.words if w not in FACT_WORDS[Fact.REUSABLE]]
    if not part:
        return None
    for p in ctx.lexicon.passages.get(rec.id, ()):
        if not set(part) <= p.words:
            continue
        for clause in _CLAUSE_BREAK.compiled.split(p.text):
            said = set(words(clause))
            if not set(part) <= said:
                continue
            if said & EXPENDED:
                return Lead(p.text, yes=False, sources=list(p.sources))
            if said & FACT_WORDS[Fact.REUSABLE] and not NEGATION.search(clause):
                return Lead(p.text, yes=True, sources=list(p.sources))
    typed = " ".join(part)
    return Lead(f"Whether {rec.name}'s {typed} is reused is not recorded.", known=False)


# Where a sentence's clauses part: "The capsule is reused (...); the trunk is expended".
_CLAUSE_BREAK = phrases(r"[;:]\s+|,\s+(?:which|but|and|while)\b|\s+but\s+", re.I)


def _v_stay(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if v.typical_stay_days is None:
        return None
    s = v.typical_stay_days
    return Lead(
        f"A {v.name} typically stays {amount(s)} at the station{_per(ctx, s.sources)}.",
        sources=list(s.sources),
    )


def _v_crew(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    lead = _v_crew_size(ctx, rec, q, now)
    if lead is not None and rec.crew_size:
        lead.yes = None  # what it can carry does not say whom it flies now
    return lead


# --- pads -------------------------------------------------------------------------------------


def _p_status(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Pad)
    p = rec
    lead = Lead("")
    since = f" since {date_text(p.status_since, lead.mentions)}" if p.status_since else ""
    lead.text = f"{p.name} is {p.status.replace('-', ' ')}{since}."
    last = max(p.history, key=lambda e: e.date.start, default=None)
    if last is not None:
        lead.fields.append(Field("Latest", f"{date_text(last.date, lead.mentions)}: {last.what}"))
        lead.sources = list(last.sources)
    _status_lead(ctx, q, lead, p, p.history)
    if q.ask == Ask.HOW_LONG and p.repair_estimates:
        lead.fields.append(Field("Repair estimates", _repair_lines(p)))
    return lead


_PAD_LAUNCHES = ("first-launch", "launch", "last-launch")
_AFTER_REPAIR = phrases(r"\b(?:repair\w*|fix\w*|damage\w*|rebuil\w*|since|after)\b", re.I)


def _p_first_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "when was the first launch from site 31": the pad's recorded first launch (the first
    after its repair when that is asked), else the earliest flight the base records from it."""
    assert isinstance(rec, Pad)
    p = rec
    ranked = _ranked_kind(ctx, p, q, last=False)
    if ranked is not None:
        return ranked
    lead = Lead("")
    first_events = sorted(
        (e for e in p.history if e.kind == "first-launch"), key=lambda e: e.date.start
    )
    # The pad's own first launch names no vehicle ("First Vulcan Centaur launch" is Vulcan's
    # first from it, "First launch after the repair: Progress MS-33" a return to use).
    own = [e for e in first_events if not _names_vehicle(ctx, e.what)]
    ev = (first_events[-1] if _AFTER_REPAIR.search(q.text) and first_events else None) or (
        own[0] if own else None
    )
    if ev is None and first_events:
        ev = first_events[0]
        lead.text = (
            f"{p.name}'s own first launch is not recorded; the earliest first its history "
            f"records, {date_text(ev.date, lead.mentions)}: {ev.what.rstrip('.')}"
            f"{_per(ctx, ev.sources)}."
        )
        lead.sources = list(ev.sources)
        lead.known = False
        return lead
    if ev is not None:
        lead.text = (
            f"{p.name}, {date_text(ev.date, lead.mentions)}: {ev.what.rstrip('.')}"
            f"{_per(ctx, ev.sources)}."
        )
        built = next((e for e in p.history if e.kind == "construction"), None)
        if built is not None and own and ev is own[0]:
            lead.fields.append(
                Field("Built", f"{date_text(built.date, lead.mentions)}: {built.what}")
            )
        lead.sources = list(ev.sources)
        return lead
    flown = sorted(
        (d.start, m.name)
        for m in ctx.kb.missions.values()
        if m.pad == p.id and (d := outcome_date(m)) is not None
    )
    if flown:
        day, name = flown[0]
        lead.text = (
            f"{p.name}'s first launch is not recorded; the earliest launch from it the fact base "
            f"records is {name}, on {day_text(day, lead.mentions)}."
        )
        lead.known = False
        return lead
    lead.text = f"The first launch from {p.name} is not recorded as of {day_text(ctx.kb.as_of)}."
    lead.known = False
    return lead


def _p_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "when was the last launch from site 31": the latest launch its history records."""
    assert isinstance(rec, Pad)
    p = rec
    if firsts.FIRST.search(q.text):
        return _p_first_launch(ctx, rec, q, now)
    if firsts.LAST.search(q.text):
        ranked = _ranked_kind(ctx, p, q, last=True)
        if ranked is not None:
            return ranked
    lead = Lead("")
    past = [e for e in p.history if e.kind in _PAD_LAUNCHES and e.date.start <= now]
    if not past:
        return None
    ev = max(past, key=lambda e: e.date.start)
    lead.text = (
        f"The latest launch from {p.name} recorded, {date_text(ev.date, lead.mentions)}: "
        f"{ev.what.rstrip('.')}{_per(ctx, ev.sources)}."
    )
    lead.sources = list(ev.sources)
    return lead


def _repair_lines(p: Pad) -> str:
    lines = []
    for r in p.repair_estimates:
        span = (
            f"{r.low_months:g} months"
            if r.low_months == r.high_months
            else f"{r.low_months:g}–{r.high_months:g} months"
        )
        who = f" ({r.said_by})" if r.said_by else ""
        lines.append(f"• {r.case}: {span}{who}")
    return "\n".join(lines)


def _p_operator(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Pad)
    p = rec
    serves = names([_name(ctx, v) for v in p.vehicles])
    tail = f"; it serves {serves}" if serves else ""
    return Lead(f"{p.name} ({p.site}, {p.country}) is operated by {_name(ctx, p.operator)}{tail}.")


def _p_vehicles(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Pad)
    p = rec
    if not p.vehicles:
        return None
    return Lead(f"{p.name} serves {names([_name(ctx, v) for v in p.vehicles])}.")


# --- crew -------------------------------------------------------------------------------------


def _c_agency(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, CrewMember)
    c = rec
    nat = f" ({c.nationality})" if c.nationality else ""
    return Lead(f"{c.name}{nat} flies for {_name(ctx, c.agency)}.")


def _c_missions(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, CrewMember)
    c = rec
    if not c.missions:
        return Lead(
            f"No mission of {c.name} is recorded as of {day_text(ctx.kb.as_of)}.", known=False
        )
    lead = Lead("")
    parts = []
    for mid in c.missions:
        m = ctx.kb.missions.get(mid)
        if m is None:
            continue
        parts.append(f"{m.name} ({_launch_clause(m, lead.mentions)})")
    lead.text = f"{c.name}'s recorded missions: {names(parts)}."
    stated = _stated_flights(c)
    if stated is not None and stated[0] > len(parts):
        count, text, sources = stated
        lead.text = (
            f"{c.name} has made at least {count} spaceflights, as {c.name}'s record says: "
            f"“{text}”. The fact base tracks {len(parts)} of them: {names(parts)}."
        )
        lead.sources = [*sources, *lead.sources]
    return lead


# A count of a person's own flights their texts state: "her second spaceflight" (so far, at
# least two), "a veteran of three spaceflights"; a narrowed one ("his second flight on Crew
# Dragon") counts only some of them.
_FLIGHTS_STATED = phrases(
    r"\b(?:(?:his|her|their)\s+(?P<nth>"
    + "|".join(ORDINALS)
    + r")|(?P<n>\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r"))\s+(?:space\s?flights?|flights?|missions?)\b(?!\s+(?:on|aboard|in|with)\b)",
    re.I,
)


def _stated_flights(c: CrewMember) -> tuple[int, str, list[str]] | None:
    """The largest count of flights a person's own texts state, with its sentence."""
    texts = [(t, list(c.sources)) for t in sentences(c.summary)]
    texts += [(e.what, list(e.sources)) for e in c.events]
    best: tuple[int, str, list[str]] | None = None
    for text, sources in texts:
        for m in _FLIGHTS_STATED.finditer(text):
            raw = (m.group("nth") or m.group("n") or "").lower()
            n = ORDINALS.get(raw) or NUMBER_WORDS.get(raw) or (int(raw) if raw.isdigit() else 0)
            if n and (best is None or n > best[0]):
                best = (n, text.rstrip("."), sources)
    return best


def _c_days(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, CrewMember)
    c = rec
    if c.days_in_space is None:
        return Lead(f"{c.name}'s time in space is not recorded.", known=False)
    d = c.days_in_space
    return Lead(
        f"{c.name} has spent {amount(d)} in space{_per(ctx, d.sources)}.", sources=list(d.sources)
    )


def _c_status(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, CrewMember)
    c = rec
    lead = Lead(f"{c.name}'s status: {c.status.replace('-', ' ')}.")
    last = max(c.events, key=lambda e: e.date.start, default=None)
    if last is not None:
        lead.fields.append(Field("Latest", f"{date_text(last.date, lead.mentions)}: {last.what}"))
        lead.sources = list(last.sources)
    _status_lead(ctx, q, lead, c, c.events)
    return lead


def _c_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, CrewMember)
    c = rec
    missions = [ctx.kb.missions[m] for m in c.missions if m in ctx.kb.missions]
    if not missions:
        return None
    last = missions[-1]
    lead = _m_launch(ctx, last, q, now)
    if lead is not None:  # "flew on" once the flight is up, "flies on" while it is planned
        verb = "flew on" if outcome_date(last) is not None else "flies on"
        lead.text = f"{c.name} {verb} {last.name}: {lead.text}"
    return lead


# What a person's own texts say of their experience: a first flight, or flights before.
_FIRST_OF_THEIR_OWN = phrases(
    r"\b(?:his|her|their) first (?:space ?flight|flight|mission|trip)\b|\brookie\b", re.I
)
_FLOWN_BEFORE = phrases(
    r"\bveteran\b|\b(?:second|third|fourth|fifth) (?:space ?flight|flight|mission)\b"
    r"|\b(?:has|had) flown before\b|\bpreviously flew\b",
    re.I,
)
_ASKS_BEFORE = phrases(r"\bbefore\b|\bever\b|\bpreviously\b|\balready\b|\bveteran\b", re.I)


def _c_first_flight(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "is it his first flight", "had she flown before": what the person's own texts say."""
    assert isinstance(rec, CrewMember)
    c = rec
    texts = [(t, list(c.sources)) for t in sentences(c.summary)]
    texts += [(e.what, list(e.sources)) for e in c.events]
    before = bool(_ASKS_BEFORE.search(q.text))  # asks whether they flew before, not if first
    earlier = _earlier_flight(ctx, c, q)
    if earlier is not None:
        earlier.yes = before or not _FIRST_ASKED.search(q.text)
        return earlier
    for pattern, first in ((_FIRST_OF_THEIR_OWN, True), (_FLOWN_BEFORE, False)):
        for text, sources in texts:
            if pattern.search(text):
                said = re.sub(r"^(?:He|She|They)\b", c.name, text.rstrip(".") + ".")
                named = c.name.split()[-1] in said  # the sentence names them itself
                return Lead(
                    said if named else f"{c.name}: {said}",
                    yes=first != before,
                    sources=sources,
                )
    if not c.missions:
        return Lead(f"Whether {c.name} had flown before is not recorded.", known=False)
    return Lead(
        f"Whether {c.name} flew before {_name(ctx, c.missions[0])} is not recorded: the fact "
        "base lists no earlier flight.",
        known=False,
    )


def _asked_flight(ctx: Context, c: CrewMember, q: Question) -> str | None:
    """The one of the person's flights the question names by any of its names ("before
    crew-12"), else None."""
    text = f" {' '.join(words(q.text))} "
    for mid in c.missions:
        rec = ctx.kb.get(mid)
        if rec is not None and any(f" {' '.join(words(n))} " in text for n in names_of(rec)):
            return mid
    return None


_FIRST_ASKED = phrases(r"\bfirst\b", re.I)
_WHICH_FIRST = phrases(r"\b(?:what|which|when)\b.*\bfirst\b", re.I)


def _earlier_flight(ctx: Context, c: CrewMember, q: Question) -> Lead | None:
    """A person's flight before their latest recorded one ("had he flown before": yes, on
    Crew-6 in 2023), with the event that dates it; or their first ("what was his first
    mission"). None when the record lists only one flight."""
    if len(c.missions) < 2:
        return None
    asked = _asked_flight(ctx, c, q)  # "what did he do before crew-6": before that one
    if asked is not None and c.missions.index(asked) == 0 and _ASKS_BEFORE.search(q.text):
        return Lead(
            f"The fact base lists no flight of {c.name} before {_name(ctx, asked)}.", known=False
        )
    last = c.missions.index(asked) if asked is not None else len(c.missions) - 1
    latest = _name(ctx, c.missions[last])
    pick = c.missions[0] if _WHICH_FIRST.search(q.text) else c.missions[last - 1]
    name = _name(ctx, pick)
    event = next((e for e in c.events if fold(name) in fold(e.what)), None)
    lead = Lead("", sources=list(event.sources) if event else list(c.sources))
    when = f" ({date_text(event.date, lead.mentions)})" if event else ""
    if pick == c.missions[0] and _WHICH_FIRST.search(q.text):
        lead.text = f"{c.name}'s first recorded flight was {name}{when}."
    else:
        lead.text = f"{c.name} flew on {name}{when} before {latest}."
    return lead


def flown_on(ctx: Context, c: CrewMember) -> Mission | None:
    """The latest flight a person launched on (None before their first)."""
    flown = [
        ctx.kb.missions[m]
        for m in c.missions
        if m in ctx.kb.missions and outcome_date(ctx.kb.missions[m]) is not None
    ]
    return flown[-1] if flown else None


# The facts of a person that are those of the flight they are on.
FLIGHT_FACTS = (Fact.DOCKING, Fact.UNDOCKING, Fact.LANDING, Fact.ABOARD, Fact.TRANSIT)


def _c_flight(fact: Fact) -> Builder:
    """A person's docking, departure, return or whether they are still aboard: that of the
    latest flight they launched on ("is she back on earth yet": her flight's landing)."""

    def build(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
        assert isinstance(rec, CrewMember)
        flight = flown_on(ctx, rec)
        if flight is None:
            return None
        builder = _TABLE.get((Mission, fact))
        lead = builder(ctx, flight, q, now) if builder is not None else None
        if lead is not None:
            lead.text = f"{rec.name} flew on {flight.name}: {lead.text}"
        return lead

    return build


# --- organizations and the station ------------------------------------------------------------


def _o_vehicles(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Organization)
    o = rec
    if q.ask == Ask.WHO:
        return None  # "who runs roscosmos" asks for its head, not what it runs
    ops = [v.name for v in ctx.kb.vehicles.values() if v.operator == o.id]
    built = [v.name for v in ctx.kb.vehicles.values() if v.manufacturer == o.id]
    if not ops and not built:
        return None
    parts = []
    if ops:
        parts.append(f"operates {names(ops)}")
    if built:
        parts.append(f"builds {names(built)}")
    return Lead(f"{o.name} ({o.kind}, {o.country}) {' and '.join(parts)}.")


def _s_crew(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Station)
    s = rec
    lead = Lead("")
    if not s.crew_history:
        lead.text = f"The {s.name} has a nominal crew of {amount(s.nominal_crew)}."
        return lead
    latest = max(s.crew_history, key=lambda c: c.since)
    if USUALLY.search(q.text):  # "how many normally live aboard": the nominal crew first
        lead.text = (
            f"The {s.name} normally has a crew of {amount(s.nominal_crew)}"
            f"{_per(ctx, s.nominal_crew.sources)}; "
            f"{latest.crew} were aboard from {day_text(latest.since, lead.mentions)}, the latest "
            "crew change recorded."
        )
        lead.sources = list(s.nominal_crew.sources) + list(latest.sources)
        return lead
    lead.text = (
        f"{latest.crew} people were aboard the {s.name} from "
        f"{day_text(latest.since, lead.mentions)}, the latest crew change recorded "
        f"(nominal crew {amount(s.nominal_crew)})."
    )
    lead.sources = list(latest.sources)
    return lead


def _s_decay(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """How fast the station sinks without reboosts, and how long until it would re-enter."""
    assert isinstance(rec, Station)
    s = rec
    loss, down = s.resupply.altitude_loss_per_day, s.resupply.reentry_without_reboost
    if loss is None and down is None:
        return None
    lead = Lead("")
    parts = []
    if down is not None:
        parts.append(
            f"With no reboosts the {s.name} would re-enter within {down.text()}"
            f"{_per(ctx, down.sources)}"
        )
        lead.sources += list(down.sources)
    if loss is not None:
        parts.append(f"it loses about {loss.text()} of altitude a day{_per(ctx, loss.sources)}")
        lead.sources += list(loss.sources)
    text = "; ".join(parts)
    lead.text = text[:1].upper() + text[1:] + "."
    if down is not None and down.note:
        lead.fields.append(Field("Note", down.note))
    return lead


# --- yes/no on a status -----------------------------------------------------------------------

_STATUS_WORDS: tuple[tuple[Phrases, frozenset[str]], ...] = (
    (
        phrases(r"\b(?:fixed|repaired|working|operational|active|back|open|usable|ok)\b", re.I),
        frozenset({"active"}),
    ),
    (
        phrases(r"\b(?:damaged|broken|down|grounded|closed|unusable|out)\b", re.I),
        frozenset({"damaged", "under-repair", "inactive"}),
    ),
    (
        phrases(r"\bunder repair\b|\bbeing (?:repaired|fixed)\b", re.I),
        frozenset({"under-repair"}),
    ),
    (phrases(r"\bretired\b", re.I), frozenset({"retired"})),
    (phrases(r"\bcancel+ed\b", re.I), frozenset({"cancelled"})),
    (
        phrases(r"\balive\b|\bstill (?:a thing|happening|around|going)\b", re.I),
        frozenset({"active"}),
    ),
    (
        phrases(
            r"\b(?:dead|scrapped|axed|killed|kaput|defunct|abandoned|shelved|finished|done for)\b"
            r"|\b(?:is|are) (?:\w+ ){0,3}over\b",
            re.I,
        ),
        frozenset({"cancelled", "retired", "inactive"}),  # a pad unused since 2019 is "dead"
    ),
    (phrases(r"\bremoved\b|\bkicked\b|\bdropped\b|\breplaced\b", re.I), frozenset({"removed"})),
    (
        phrases(r"\bin space\b|\bin orbit\b|\baboard\b|\bon the (?:iss|station)\b", re.I),
        frozenset({"in-space", "docked"}),
    ),
    (phrases(r"\bdocked\b", re.I), frozenset({"docked"})),
    (phrases(r"\bpostponed\b|\bdelayed\b", re.I), frozenset({"postponed"})),
)


# The history events that show a record once had a status: "was the pad ever damaged" is Yes
# when its history records the damage, whatever its status now.
_STATUS_EVENTS: dict[str, frozenset[str]] = {
    "damaged": frozenset({"damaged", "pad-damaged"}),
    "under-repair": frozenset({"under-repair"}),
    "inactive": frozenset({"grounding", "launch-pause", "failure"}),  # a failure grounds
    "active": frozenset({"repaired"}),
    "docked": frozenset({"docked", "berthed"}),
    "postponed": frozenset({"delayed"}),
}
# A yes/no in the past tense ("was it damaged", "did it get damaged", "has it ever been"), unless
# it asks about now ("was it still damaged", "is it damaged now").
_PAST_ASK = phrases(r"^\W*(?:(?:and|so|but|ok)\W+)?(?:was|were|had|did)\b|\bever\b", re.I)
_NOW_ASK = phrases(r"\b(?:now|still|currently|today|any ?more|at the moment)\b", re.I)


def asked_statuses(q: Question) -> frozenset[str] | None:
    """The statuses a yes/no question asks about ("is the pad fixed", "was X removed"), or None
    when it asks none."""
    if q.ask != Ask.YES_NO:
        return None
    for pattern, statuses in _STATUS_WORDS:
        if pattern.search(q.text):
            return statuses
    return None


# The states a thing is put in by harm, which a question can blame on a flight ("was the
# pad damaged by Progress MS-28"): the flight's own launch facts never settle those.
HARM_STATES = frozenset({"damaged", "under-repair", "inactive"})


def asks_harm(q: Question) -> bool:
    """The yes/no asks whether something was damaged, broken or put out of use."""
    asked = asked_statuses(q)
    return asked is not None and bool(asked & HARM_STATES)


def _statuses_of(rec: Mission | Vehicle | Pad | CrewMember) -> frozenset[str]:
    """Every status a record of this kind can have (its schema's status values)."""
    return frozenset(get_args(type(rec).model_fields["status"].annotation))


def _foreign_state(q: Question, rec: Mission | Vehicle | Pad | CrewMember) -> bool:
    """The question asks a harm no record of this kind can suffer ("was the pad damaged by
    Progress MS-28" of the flight): the record's own facts do not settle it."""
    return asks_harm(q) and not HARM_STATES & _statuses_of(rec)


def _status_lead(
    ctx: Context,
    q: Question,
    lead: Lead,
    rec: Mission | Vehicle | Pad | CrewMember,
    history: Sequence[Event],
) -> None:
    """Sets the yes of a status question: whether the status is the one asked about. Asked in
    the past tense ("was it ever damaged"), a
    status the record no longer has is Yes when its history records it, said with its date
    before the status now."""
    asked = asked_statuses(q)
    if asked is None:
        return
    # none a record of this kind can have: no Yes or No from its status ("was artemyev removed
    # from crew-12" asks the person's status, not the flight's; "was soyuz ms grounded" its past)
    lead.yes = rec.status in asked if asked & _statuses_of(rec) else None
    if lead.yes:
        return
    if not _PAST_ASK.search(q.text) or _NOW_ASK.search(q.text):
        return
    kinds = frozenset().union(*(_STATUS_EVENTS.get(s, frozenset()) for s in asked))
    once = sorted((e for e in history if e.kind in kinds), key=lambda e: e.date.start)
    if not once:
        return
    ev, lead.yes = _by_whom(ctx, q, rec, once)
    when = when_text(ev.date, lead.mentions)
    lead.text = (
        f"{when[0].upper()}{when[1:]}: {ev.what.rstrip('.')}{_per(ctx, ev.sources)}. "
        f"Now: {lead.text}"
    )
    lead.sources = list(dict.fromkeys([*ev.sources, *lead.sources]))


def _by_whom(
    ctx: Context, q: Question, rec: Record, once: Sequence[Event]
) -> tuple[Event, bool | None]:
    """Which of the status events answers, and how, when the question names the flight that
    caused it ("was site 31 damaged by progress ms-28"): Yes for an event naming that flight,
    No when the events name another flight instead (the damage was Soyuz MS-28's), else
    not known; with no flight named, the first event is a Yes."""
    asked = {s.record_id for s in q.subjects if s.kind == "mission" and s.record_id != rec.id}
    if not asked:
        return once[0], True

    def named(ev: Event) -> set[str]:
        what = fold(ev.what)
        return {m.id for m in ctx.kb.missions.values() if fold(m.name) in what}

    for ev in once:
        if named(ev) & asked:
            return ev, True
    other = next((ev for ev in once if named(ev)), None)
    return (other, False) if other is not None else (once[0], None)


_M_DOCKING = _m_event(DOCKED, "docking", "docked")
_M_UNDOCKING = _m_event(UNDOCKED, "undocking", "undocked", after=LANDED)
_M_LANDING = _m_event(LANDED, "return to Earth", "returned to Earth", before=UNDOCKED)

_TABLE: dict[tuple[type[Record], Fact], Builder] = {
    (Mission, Fact.CREW): _m_crew,
    (Mission, Fact.CREW_SIZE): _m_crew,
    (Mission, Fact.LAUNCH): _m_launch,
    (Mission, Fact.FIRST_FLIGHT): _m_launch,
    (Mission, Fact.DOCKING): _M_DOCKING,
    (Mission, Fact.UNDOCKING): _M_UNDOCKING,
    (Mission, Fact.LANDING): _M_LANDING,
    (Mission, Fact.PAD): _m_pad,
    (Mission, Fact.LAUNCHER): _m_launcher,
    (Mission, Fact.OPERATOR): _m_operator,
    (Mission, Fact.BUILDER): _m_builder,
    (Mission, Fact.CARGO): _m_cargo,
    (Mission, Fact.CAPSULE): _m_capsule,
    (Mission, Fact.CAPACITY): _m_cargo,
    (Mission, Fact.MASS): _mass,
    (Vehicle, Fact.MASS): _mass,
    (Mission, Fact.STATUS): _m_status,
    (Mission, Fact.ABOARD): _m_aboard,
    (Mission, Fact.STAY): _m_stay,
    (Mission, Fact.TRANSIT): _m_transit,
    (Mission, Fact.DAYS_IN_SPACE): _m_days,
    (Mission, Fact.COST): _m_cost,
    (Vehicle, Fact.OPERATOR): _v_operator,
    (Vehicle, Fact.BUILDER): _v_builder,
    (Vehicle, Fact.COST): _v_cost,
    (Vehicle, Fact.CAPACITY): _v_capacity,
    (Vehicle, Fact.CARGO): _v_capacity,
    (Vehicle, Fact.CREW_SIZE): _v_crew_size,
    (Vehicle, Fact.CREW): _v_crew,
    (Vehicle, Fact.PAD): _v_pad,
    (Vehicle, Fact.LAUNCHER): _v_launcher,
    (Vehicle, Fact.STATUS): _v_status,
    (Vehicle, Fact.FIRST_FLIGHT): _v_first_flight,
    (Vehicle, Fact.LAUNCH): _v_launch,
    (Vehicle, Fact.REFUELS): _v_bool(
        "refuels_russian_segment",
        "refuels the Russian segment",
        "carries no propellant for the Russian segment",
    ),
    (Vehicle, Fact.REBOOSTS): _v_bool(
        "can_reboost", "can reboost the station", "cannot reboost the station"
    ),
    (Vehicle, Fact.REUSABLE): _v_bool("reusable", "is reusable", "is expendable (not reused)"),
    (Vehicle, Fact.STAY): _v_stay,
    (Vehicle, Fact.DOCKING): _v_docking,
    (Vehicle, Fact.ABOARD): _v_aboard,
    (Vehicle, Fact.LANDING): _v_landing,
    (Pad, Fact.STATUS): _p_status,
    (Pad, Fact.OPERATOR): _p_operator,
    (Pad, Fact.CAPACITY): _p_vehicles,
    (Pad, Fact.FIRST_FLIGHT): _p_first_launch,
    (Pad, Fact.LAUNCH): _p_launch,
    (CrewMember, Fact.AGENCY): _c_agency,
    (CrewMember, Fact.OPERATOR): _c_agency,
    (CrewMember, Fact.MISSIONS): _c_missions,
    (CrewMember, Fact.DAYS_IN_SPACE): _c_days,
    (CrewMember, Fact.STATUS): _c_status,
    (CrewMember, Fact.LAUNCH): _c_launch,
    (CrewMember, Fact.FIRST_FLIGHT): _c_first_flight,
    **{(CrewMember, f): _c_flight(f) for f in FLIGHT_FACTS},
    (Organization, Fact.OPERATOR): _o_vehicles,
    (Organization, Fact.BUILDER): _o_vehicles,
    (Station, Fact.CREW): _s_crew,
    (Station, Fact.CREW_SIZE): _s_crew,
    (Station, Fact.DECAY): _s_decay,
}


def has_fact(rec: Record, fact: Fact) -> bool:
    """Whether a record of this kind can answer this fact."""
    return (type(rec), fact) in _TABLE
