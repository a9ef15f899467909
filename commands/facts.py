"""Answers to one fact of one record: the lead sentence states the value, its date and source.

`fact_answer` returns None when the record has no such fact at all (a pad has no crew), so
the router can try a topic or a passage instead; a fact the record could have but the base
does not record is answered as "not recorded as of <date>" with what is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from commands.context import Context
from commands.durations import docked_duration, flight_duration
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
    schedule_sentence,
    source_lines,
)
from commands.freshness import noted
from commands.lookup import CARGO_NAMES
from commands.reply import DateMention, Field, Reply
from commands.understand.thresholds import SENTENCE_SHARE
from commands.understand.types import Ask, Fact, Question
from commands.understand.vocabulary import USUALLY
from knowledge.dates import FuzzyDate
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
from knowledge.text import words

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
}


@dataclass
class Lead:
    """The first sentence of an answer, the fields that bear on it and their sources."""

    text: str
    known: bool = True  # False: the base does not record the fact asked for
    yes: bool | None = None  # for a yes/no question: the answer, when the fact decides it
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


def finish(ctx: Context, rec: Record, q: Question, lead: Lead) -> Reply:
    """Lead sentence (with Yes/No for a yes/no question), its fields, short sources, More."""
    text = lead.text
    if q.ask == Ask.YES_NO:
        if lead.yes is True:
            text = "Yes. " + text
        elif lead.yes is False:
            text = "No. " + text
        elif not lead.known:
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


# --- missions ---------------------------------------------------------------------------------


def _launch_clause(m: Mission, mentions: list[DateMention]) -> str:
    launched = outcome_date(m)
    if launched is not None:
        return f"launched {date_text(launched, mentions)}"
    plan = current_plan(m)
    if plan is not None:
        return f"planned for {date_text(plan.planned, mentions)}"
    return f"status {m.status}"


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
    lead.sources = list(collect_sources(m.sources))
    lead.yes = True
    if q.words:  # "who commands soyuz ms-28": the sentence that names the role
        best = ctx.lexicon.best_passages((m.id, *m.crew), frozenset(q.words), 1)
        if best and best[0][0] >= SENTENCE_SHARE:
            lead.text = f"{best[0][1].text} {lead.text}"
            lead.sources = list(best[0][1].sources) + lead.sources
    return lead


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
        where.append(f"on a {_name(ctx, m.launcher)}")
    if launched is not None and where:
        sentence = sentence.rstrip(".") + " " + " ".join(where) + "."
    if m.crew:  # "Crew-13 launched ... with Watkins, ..."
        people = names([_name(ctx, c) for c in m.crew])
        sentence = sentence.rstrip(".") + f", with {people}."
    lead.text = sentence
    lead.sources = list(ev.sources if ev else (plan.sources if plan else m.sources))
    if launched is not None:
        lead.yes = True
        lead.text = sentence.rstrip(".") + _per(ctx, lead.sources) + "."
    elif m.status == "cancelled":
        lead.yes = False
    elif plan is not None and plan.planned.is_past(now):
        lead.known = False
    else:
        lead.yes = _asked_month_matches(q, plan.planned if plan else None)
        if lead.yes is None:
            lead.yes = False  # planned, not flown yet
    if len(m.schedule) > 1 and launched is None:
        lead.fields.append(Field("Schedule history", _schedule_lines(m, lead.mentions)))
    return lead


_MONTHS = (
    "january february march april may june july august september october november december"
).split()


def _asked_month_matches(q: Question, planned: FuzzyDate | None) -> bool | None:
    """For "is X still on for august": whether the plan is in the month asked about."""
    if planned is None:
        return None
    low = q.text.lower()
    asked = [i + 1 for i, name in enumerate(_MONTHS) if re.search(rf"\b{name[:3]}\w*\b", low)]
    if not asked:
        return None
    return planned.start.month in asked or planned.end.month in asked


def _schedule_lines(m: Mission, mentions: list[DateMention]) -> str:
    lines = []
    for e in m.schedule:
        who = f" by {e.by}" if e.by else ""
        when = f", announced {date_text(e.announced, mentions)}" if e.announced else ""
        lines.append(f"• planned {date_text(e.planned, mentions)}{who}{when}")
    return "\n".join(lines)


def _m_event(kinds: tuple[str, ...], noun: str, verb: str) -> Builder:
    def build(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
        assert isinstance(rec, Mission)
        m = rec
        lead = Lead("")
        ev = _event(m, kinds)
        if ev is not None:
            said = _KIND_VERBS.get(ev.kind, verb)
            lead.text = (
                f"{m.name} {said} on {date_text(ev.date, lead.mentions)}{_clock(ev.what)}"
                f"{_per(ctx, ev.sources)}."
            )
            if q.ask == Ask.WHO and ev.what:  # "who grabbed it": the event's own words
                lead.text = (
                    f"{m.name}, {date_text(ev.date, lead.mentions)}: {ev.what.rstrip('.')}"
                    f"{_per(ctx, ev.sources)}."
                )
                lead.sources = list(ev.sources)
                lead.yes = True
                return lead
            if ev.what and not ev.what.lower().startswith(verb.split()[0][:4]):
                lead.fields.append(Field("Recorded", ev.what))
            lead.sources = list(ev.sources)
            lead.yes = True
            return lead
        launched = outcome_date(m)
        lead.known = False
        if m.status == "cancelled" or launched is None:
            lead.text = schedule_sentence(ctx.kb, m, now, lead.mentions)
            lead.yes = False if m.status == "cancelled" else None
            if m.status != "cancelled" and launched is None:
                plan = current_plan(m)
                lead.yes = False if plan is not None and not plan.planned.is_past(now) else None
                lead.known = lead.yes is not None
            return lead
        lead.text = (
            f"No {noun} of {m.name} is recorded as of {day_text(ctx.kb.as_of, lead.mentions)}; "
            f"it launched on {date_text(launched, lead.mentions)}."
        )
        hint = _passage(ctx, (m.id,), frozenset({noun.split()[0][:4], *q.words}), kinds)
        if hint:
            lead.fields.append(Field("What the sources say", hint))
        return lead

    return build


_CLOCK = re.compile(
    r"\b(?:at|around|about) (\d{1,2}:\d{2}(?:\s*[ap]\.m\.)?(?:\s*(?:UTC|GMT|EDT|EST|CDT|CST|PDT|"
    r"MSK|JST|Moscow time))?)",
)


def _clock(what: str) -> str:
    """ " at 11:10 a.m. EDT" when an event's text gives its time of day, else ""."""
    found = _CLOCK.search(what)
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


def _m_cargo(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Mission)
    m = rec
    lead = Lead("")
    items = [c for c in m.cargo if q.cargo is None or c.cargo == q.cargo]
    flown = outcome_date(m) is not None
    verb = "carried" if flown else "is to carry"
    if not items:
        what = CARGO_NAMES.get(q.cargo or "", "cargo").lower() if q.cargo else "cargo"
        if m.kind == "crew" and not m.cargo:
            return None
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
_CAPSULE_TEXT = re.compile(r"\bcapsule\b|\bDragon (?!because\b)[A-Z][a-z]+\b|\bS\.S\. [A-Z]")
_DRAGON_NAME = re.compile(r"\bDragon ([A-Z][a-z]+)\b")


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
    lead.yes = _status_yes(q, m.status)
    last = max(m.events, key=lambda e: e.date.start, default=None)
    if last is not None:
        lead.fields.append(
            Field("Latest event", f"{date_text(last.date, lead.mentions)}: {last.what}")
        )
    return lead


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
            f"({date_text(arrived.date, lead.mentions)} to {date_text(left.date, lead.mentions)})."
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
    lead.text = f"No cost is recorded for {rec.name} itself; for its vehicle: {lead.text}"
    lead.known = False
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
    lead.yes = True
    return lead


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


def _v_pad(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if not v.pads:
        return Lead(f"The pads of {v.name} are not recorded.", known=False)
    on = f" on {names([_name(ctx, x) for x in v.launchers])}" if v.launchers else ""
    return Lead(f"{v.name} launches from {names([_name(ctx, p) for p in v.pads])}{on}.")


def _v_launcher(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
    if not v.launchers:
        if v.kind == "launch-vehicle":
            return None
        return Lead(f"The rocket of {v.name} is not recorded.", known=False)
    pads = f" from {names([_name(ctx, p) for p in v.pads])}" if v.pads else ""
    return Lead(f"{v.name} launches on {names([_name(ctx, x) for x in v.launchers])}{pads}.")


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
    lead.yes = _status_yes(q, v.status)
    return lead


_LAUNCH_EVENTS = ("flight", "failure")  # a vehicle's event kinds that can be launches
_LAUNCHED = re.compile(r"\blaunch", re.IGNORECASE)  # ...and the words that say one was


def _flights_of(ctx: Context, v: Vehicle) -> list[tuple[dt.date, Mission]]:
    """The recorded launches of a vehicle (as spacecraft or rocket), oldest first."""
    out = []
    for m in ctx.kb.missions.values():
        launched = outcome_date(m)
        if launched is not None and v.id in (m.vehicle, m.launcher):
            out.append((launched.start, m))
    return sorted(out, key=lambda dm: (dm[0], dm[1].name))


def _v_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    """ "when does soyuz launch": its next planned flight and its last recorded one."""
    assert isinstance(rec, Vehicle)
    v = rec
    lead = Lead("")
    pending = [
        m
        for m in ctx.kb.missions.values()
        if v.id in (m.vehicle, m.launcher) and m.status in PENDING and m.schedule
    ]
    pending.sort(key=lambda m: m.schedule[-1].planned.start)
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
    if not parts:
        lead.text = f"No flight of {v.name} is recorded as of {day_text(ctx.kb.as_of)}."
        lead.known = False
        return lead
    lead.text = " ".join(parts)
    lead.known = bool(upcoming) or q.ask != Ask.WHEN
    return lead


def _v_first_flight(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, Vehicle)
    v = rec
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


def _v_bool(attr: str, yes_text: str, no_text: str) -> Builder:
    def build(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
        assert isinstance(rec, Vehicle)
        value = getattr(rec, attr)
        if value is None:
            return Lead(f"Whether {rec.name} {yes_text} is not recorded.", known=False)
        note = (
            f" ({rec.reboost_note})" if attr == "can_reboost" and value and rec.reboost_note else ""
        )
        text = f"{rec.name} {yes_text}{note}." if value else f"{rec.name} {no_text}."
        return Lead(text, yes=bool(value))

    return build


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
    lead.yes = _status_yes(q, p.status)
    if q.ask == Ask.HOW_LONG and p.repair_estimates:
        lead.fields.append(Field("Repair estimates", _repair_lines(p)))
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
    return lead


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
    lead.yes = _status_yes(q, c.status)
    return lead


def _c_launch(ctx: Context, rec: Record, q: Question, now: dt.date) -> Lead | None:
    assert isinstance(rec, CrewMember)
    c = rec
    missions = [ctx.kb.missions[m] for m in c.missions if m in ctx.kb.missions]
    if not missions:
        return None
    last = missions[-1]
    lead = _m_launch(ctx, last, q, now)
    if lead is not None:
        lead.text = f"{c.name} flies on {last.name}: {lead.text}"
    return lead


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


# --- yes/no on a status -----------------------------------------------------------------------

_STATUS_WORDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(r"\b(?:fixed|repaired|working|operational|active|back|open|usable|ok)\b", re.I),
        frozenset({"active"}),
    ),
    (
        re.compile(r"\b(?:damaged|broken|down|grounded|closed|unusable|out)\b", re.I),
        frozenset({"damaged", "under-repair", "inactive"}),
    ),
    (
        re.compile(r"\bunder repair\b|\bbeing (?:repaired|fixed)\b", re.I),
        frozenset({"under-repair"}),
    ),
    (re.compile(r"\bretired\b", re.I), frozenset({"retired"})),
    (re.compile(r"\bcancel+ed\b", re.I), frozenset({"cancelled"})),
    (re.compile(r"\bremoved\b|\bkicked\b|\bdropped\b|\breplaced\b", re.I), frozenset({"removed"})),
    (
        re.compile(r"\bin space\b|\bin orbit\b|\baboard\b|\bon the (?:iss|station)\b", re.I),
        frozenset({"in-space", "docked"}),
    ),
    (re.compile(r"\bdocked\b", re.I), frozenset({"docked"})),
    (re.compile(r"\bpostponed\b|\bdelayed\b", re.I), frozenset({"postponed"})),
)


def _status_yes(q: Question, status: str) -> bool | None:
    """For "is the pad fixed", "was X removed": whether the status is the one asked about."""
    if q.ask != Ask.YES_NO:
        return None
    for pattern, statuses in _STATUS_WORDS:
        if pattern.search(q.text):
            return status in statuses
    return None


_TABLE: dict[tuple[type[Record], Fact], Builder] = {
    (Mission, Fact.CREW): _m_crew,
    (Mission, Fact.CREW_SIZE): _m_crew,
    (Mission, Fact.LAUNCH): _m_launch,
    (Mission, Fact.FIRST_FLIGHT): _m_launch,
    (Mission, Fact.DOCKING): _m_event(DOCKED, "docking", "docked"),
    (Mission, Fact.UNDOCKING): _m_event(UNDOCKED, "undocking", "undocked"),
    (Mission, Fact.LANDING): _m_event(LANDED, "return to Earth", "returned to Earth"),
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
    (Mission, Fact.STAY): _m_stay,
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
    (Pad, Fact.STATUS): _p_status,
    (Pad, Fact.OPERATOR): _p_operator,
    (Pad, Fact.CAPACITY): _p_vehicles,
    (CrewMember, Fact.AGENCY): _c_agency,
    (CrewMember, Fact.OPERATOR): _c_agency,
    (CrewMember, Fact.MISSIONS): _c_missions,
    (CrewMember, Fact.DAYS_IN_SPACE): _c_days,
    (CrewMember, Fact.STATUS): _c_status,
    (CrewMember, Fact.LAUNCH): _c_launch,
    (Organization, Fact.OPERATOR): _o_vehicles,
    (Organization, Fact.BUILDER): _o_vehicles,
    (Station, Fact.CREW): _s_crew,
    (Station, Fact.CREW_SIZE): _s_crew,
}


def has_fact(rec: Record, fact: Fact) -> bool:
    """Whether a record of this kind can answer this fact."""
    return (type(rec), fact) in _TABLE
