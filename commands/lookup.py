"""Look-ups of one record: mission, vehicle, pad, crew member, topic, organization, station."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from commands.context import Context
from commands.format import (
    amount,
    announcement_keys,
    collect_sources,
    current_plan,
    date_text,
    day_text,
    dispute_sources,
    disputes_field,
    outcome_date,
    schedule_line,
    schedule_sentence,
    source_lines,
)
from commands.freshness import noted
from commands.reply import DateMention, Field, Reply, Suggestion, error
from commands.understand.thresholds import BRIEF_SUMMARY_CHARS
from knowledge.schema import (
    PENDING,
    CrewMember,
    Event,
    Mission,
    Organization,
    Pad,
    Record,
    RecordKind,
    Station,
    Topic,
    Vehicle,
)
from knowledge.text import sentence_ends

Focus = str  # "when", "who", "cost", "capacity", "why", "" ...

CARGO_NAMES = {
    "pressurized": "Pressurized cargo",
    "unpressurized": "Unpressurized cargo",
    "total-up-mass": "Total up-mass",
    "propellant": "Propellant (transfer)",
    "water": "Water",
    "gas": "Gas (N2/O2/air)",
    "dry-cargo": "Dry cargo",
    "down-mass": "Down-mass (return)",
    "disposal": "Disposal (burns up)",
    "pressurized-volume": "Pressurized volume",
    "unpressurized-volume": "Unpressurized volume",
    "payload-leo": "Payload to LEO",
}


def resolve(ctx: Context, query: str, kinds: tuple[RecordKind, ...] | None) -> Reply | str:
    """The id of the one record query means, or a suggestions/error Reply."""
    query = query.strip()
    if not query:
        what = " or ".join(kinds) if kinds else "record"
        return error(f"Which {what}?", f"Give a {what} name, for example “CRS-35”.")
    if query in ctx.kb.kinds and (kinds is None or ctx.kb.kinds[query] in kinds):
        return query
    result = ctx.index.search(query, kinds=kinds)
    if result.confident and result.best is not None:
        return result.best.record_id
    return suggestions_reply(ctx, query, [(m.name, m.record_id) for m in result.matches], kinds)


def suggestions_reply(
    ctx: Context,
    query: str,
    choices: list[tuple[str, str]],
    kinds: tuple[RecordKind, ...] | None = None,
) -> Reply:
    """A "did you mean" reply (never a guess)."""
    shown = query if len(query) <= 80 else query[:77] + "…"
    what = " or ".join(kinds) if kinds else "record or topic"
    if kinds is not None:
        # "pad iss", "pad space station": the station (or a topic) the name means, offered as
        # what it is, before any name of the wanted kind that only shares a word
        other = ctx.index.search(query, kinds=[k for k in ("station", "topic") if k not in kinds])
        if other.confident and other.best is not None:
            best = other.best
            return Reply(
                kind="suggestions",
                title="Did you mean…",
                text=f"“{shown}” is {best.name}, not a {what}. Pick it to see what I have:",
                suggestions=(Suggestion(best.name, best.name, best.record_id),),
                entities=(best.record_id,),
                as_of=ctx.kb.as_of,
            )
    if not choices:
        return Reply(
            kind="suggestions",
            title="No match",
            text=(
                f"I have no {what} matching “{shown}”. Try a mission (CRS-35, Progress MS-33), "
                "a vehicle (Cygnus, Soyuz MS), a pad (Site 31/6), a person (Oleg Artemyev), "
                "or a question such as “why did NASA move Dragon flights earlier?”."
            ),
            suggestions=tuple(
                Suggestion(label, label)
                for label in ("CRS-35", "Progress MS-33", "Baikonur Site 31/6", "upcoming")
            ),
            as_of=ctx.kb.as_of,
        )
    return Reply(
        kind="suggestions",
        title="Did you mean…",
        text=f"I am not sure which {what} “{shown}” means. Pick one:",
        suggestions=tuple(Suggestion(name, name, rid) for name, rid in choices[:5]),
        entities=tuple(rid for _, rid in choices[:5]),
        as_of=ctx.kb.as_of,
    )


def lookup(
    ctx: Context,
    query: str,
    now: dt.date,
    kinds: tuple[RecordKind, ...] | None = None,
    focus: Focus = "",
) -> Reply:
    """Answer about the record query names (fuzzy), or offer choices."""
    rid = resolve(ctx, query, kinds)
    if isinstance(rid, Reply):
        return rid
    return describe(ctx, rid, now, focus)


def describe(
    ctx: Context, rid: str, now: dt.date, focus: Focus = "", *, brief: bool = False
) -> Reply:
    """The card for one record id: whole, or brief (lead, a short summary, key fields)."""
    rec = ctx.kb.get(rid)
    if rec is None:
        return error("Unknown record", f"There is no record with id “{rid[:80]}”.")
    builder = _BUILDERS[type(rec)]
    card = builder(ctx, rec, now, focus)
    return shorten(card, rec) if brief else card


# The fields a brief card keeps, per kind of record (besides short disagreements).
BRIEF_FIELDS: dict[type[Record], tuple[str, ...]] = {
    Mission: ("Crew", "Latest"),
    Vehicle: (),
    Pad: (),
    CrewMember: ("Days in space", "Missions"),
    Topic: ("Related",),
    Organization: ("Vehicles",),
    Station: ("Crew aboard",),
}
DISPUTES = "Sources disagree"
BRIEF_DISPUTES_CHARS = 600  # longer disagreements are listed by subject only in a brief card


def shorten(card: Reply, rec: Record) -> Reply:
    """A brief card: the lead, the summary cut at a sentence, key fields, "More" for the rest."""
    lead, _, summary = card.text.partition("\n\n")
    text = lead
    if summary and not isinstance(rec, Topic):
        text += "\n\n" + cut_at_sentence(summary, BRIEF_SUMMARY_CHARS)
    elif summary:
        text = card.text
    keep = BRIEF_FIELDS.get(type(rec), ())
    fields = [f for f in card.fields if f.name in keep]
    for f in card.fields:
        if f.name == DISPUTES:
            if len(f.value) <= BRIEF_DISPUTES_CHARS:
                fields.append(f)
            else:  # the first disagreement in full, the others by subject
                first, *rest = f.value.split("\n")
                others = "; ".join(d.about for d in rec.disputes[1:])
                value = (
                    first if len(first) <= BRIEF_DISPUTES_CHARS else first[:BRIEF_DISPUTES_CHARS]
                )
                if rest and others:
                    value += f"\nAlso: {others} (More shows each side)."
                fields.append(Field(DISPUTES, value))
    return replace(card, text=text, fields=tuple(fields), more=rec.id)


def cut_at_sentence(text: str, limit: int) -> str:
    """Text cut after the last whole sentence within limit (at least its first sentence)."""
    if len(text) <= limit:
        return text
    ends = sentence_ends(text)
    within = [e for e in ends if e <= limit + 1]
    if within:
        return text[: within[-1]]
    return text[: ends[0]] if ends else text[:limit].rstrip() + "…"


def _finish(
    ctx: Context,
    rec: Record,
    text: str,
    fields: list[Field],
    extra_sources: list[str],
    mentions: list[DateMention],
    entities: tuple[str, ...] = (),
    focus_fields: tuple[str, ...] = (),
) -> Reply:
    disputes = disputes_field(ctx.kb, rec.disputes)
    if disputes:
        fields.append(disputes)
    if focus_fields:  # the fields the question asks about go first
        fields.sort(key=lambda f: 0 if any(k in f.name.lower() for k in focus_fields) else 1)
    ids = collect_sources(
        rec.sources, extra_sources, [s for f in rec.facts for s in f.sources],
        dispute_sources(rec.disputes),
    )  # fmt: skip
    return Reply(
        kind="answer",
        title=rec.name,
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(rec.id, *entities),
        dates=tuple(mentions),
    )


def _facts_field(rec: Record, title: str = "Facts") -> list[Field]:
    if not rec.facts:
        return []
    lines = [f"• {f.text}{' (estimate)' if f.estimate else ''}" for f in rec.facts]
    return [Field(title, "\n".join(lines))]


def _events_lines(events: tuple[Event, ...], mentions: list[DateMention]) -> str:
    ordered = sorted(events, key=lambda e: e.date.start)
    return "\n".join(f"• {date_text(e.date, mentions)}: {e.what}" for e in ordered)


def _name(ctx: Context, rid: str | None) -> str:
    if rid is None:
        return "—"
    rec = ctx.kb.get(rid)
    return rec.name if rec else rid


def pad_serves(ctx: Context, pad: Pad) -> tuple[str, tuple[str, ...]]:
    """What a pad serves, never blank: its vehicles, else the sentence of its facts that
    says what it serves (with that fact's sources), else "not recorded"."""
    names = [ctx.kb.vehicles[v].name for v in pad.vehicles if v in ctx.kb.vehicles]
    if names:
        return ", ".join(names), ()
    for f in pad.facts:
        if _SERVES.search(f.text):
            return f.text[:1].lower() + f.text[1:].rstrip("."), tuple(f.sources)
    return "not recorded", ()


_SERVES = re.compile(r"\b(?:serves?|served|used (?:by|for)|flies|launches)\b", re.I)


def _mission(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, Mission)
    m = rec
    mentions: list[DateMention] = []
    vehicle = _name(ctx, m.vehicle)
    parts = [f"{vehicle} {m.kind} flight"]
    if m.launcher:
        parts.append(f"on {_name(ctx, m.launcher)}")
    if m.pad:
        parts.append(f"from {_name(ctx, m.pad)}")
    parts.append(f"to the {m.destination}" if m.destination == "ISS" else f"to {m.destination}")
    lead = f"{m.name}: {' '.join(parts)}. " + schedule_sentence(ctx.kb, m, now, mentions)
    text = lead + (f"\n\n{m.summary}" if m.summary else "")
    fields = [Field("Status", f"{m.status} (as of {day_text(m.status_as_of, mentions)})", True)]
    if m.crew:
        fields.append(Field("Crew", ", ".join(_name(ctx, c) for c in m.crew), True))
    if m.cargo:
        fields.append(
            Field("Cargo", "\n".join(f"• {CARGO_NAMES[c.cargo]}: {amount(c)}" for c in m.cargo))
        )
    extra: list[str] = []
    if m.schedule:
        lines = []
        for e in m.schedule:
            lines.append(schedule_line(e, mentions, note=True))
            extra += e.sources
        fields.append(Field("Schedule history", "\n".join(lines)))
    if m.events:
        fields.append(Field("Events", _events_lines(m.events, mentions)))
        extra += [s for e in m.events for s in e.sources]
    fields += _facts_field(m)
    latest = _latest(m, now, mentions)
    if latest:
        fields.insert(2 if m.crew else 1, Field("Latest", latest))
    focus_fields = {"when": ("schedule", "events", "status"), "who": ("crew",)}.get(focus, ())
    if focus in ("cargo", "capacity", "how-much"):
        focus_fields = ("cargo",)
    reply = _finish(
        ctx, m, text, fields, extra, mentions,
        entities=tuple(x for x in (m.vehicle, m.pad) if x), focus_fields=focus_fields,
    )  # fmt: skip
    if m.status in PENDING:  # its date may have moved since the base's as-of
        return noted(ctx, reply, now, after_lead=True)
    return reply


def _latest(m: Mission, now: dt.date, mentions: list[DateMention]) -> str:
    """The newest of a mission's events and its current plan, as one line. A plan a later
    one replaced is history, never the latest, and so is every plan once the flight has
    launched; a current plan dated by when it was announced, and said to have passed when it
    has (a superseded "November" plan is never shown as what comes next)."""
    items: list[tuple[dt.date, str]] = [
        (e.date.start, f"{date_text(e.date, mentions)}: {e.what}") for e in m.events
    ]
    plan = current_plan(m)
    if plan is not None and plan.note and outcome_date(m) is None and m.status != "cancelled":
        said = (
            f"{date_text(plan.announced, mentions)}: plan announced for"
            if plan.announced
            else "current plan:"
        )
        passed = " (that date has passed; no outcome recorded)" if plan.planned.is_past(now) else ""
        items.append(
            (
                announcement_keys(m)[-1].start,
                f"{said} {date_text(plan.planned, mentions)}{passed} — {plan.note}",
            )
        )
    if not items:
        return ""
    return max(items, key=lambda i: i[0])[1]


def _vehicle(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, Vehicle)
    v = rec
    mentions: list[DateMention] = []
    op = _name(ctx, v.operator)
    kind = v.kind.replace("-", " ")
    text = f"{v.name}: {kind} operated by {op}; status {v.status}." + (
        f"\n\n{v.summary}" if v.summary else ""
    )
    fields: list[Field] = []
    extra: list[str] = []
    if v.capacities:
        lines = [f"• {CARGO_NAMES[c.cargo]}: {amount(c)}" for c in v.capacities]
        fields.append(Field("Capacity", "\n".join(lines)))
        extra += [s for c in v.capacities for s in c.sources]
    abilities = [
        "refuels the Russian segment" if v.refuels_russian_segment else "",
        ("can reboost the ISS" + (f" ({v.reboost_note})" if v.reboost_note else ""))
        if v.can_reboost
        else "",
        "reusable" if v.reusable else ("expendable" if v.reusable is False else ""),
        f"crew {v.crew_size}" + (f" (up to {v.crew_size_max})" if v.crew_size_max else "")
        if v.crew_size
        else "",
    ]
    if v.kind in ("cargo-spacecraft", "spaceplane") and not v.refuels_russian_segment:
        abilities.append("carries no propellant for the Russian segment")
    abilities = [a for a in abilities if a]
    if abilities:
        fields.append(Field("Abilities", "; ".join(abilities)))
    if v.costs:
        lines = [f"• {amount(c)} per {c.per}" for c in v.costs]
        fields.append(Field("Cost", "\n".join(lines)))
        extra += [s for c in v.costs for s in c.sources]
    links = []
    if v.launchers:
        links.append("Launchers: " + ", ".join(_name(ctx, x) for x in v.launchers))
    if v.pads:
        links.append("Pads: " + ", ".join(_name(ctx, x) for x in v.pads))
    if v.typical_stay_days:
        links.append(f"Typical stay: {amount(v.typical_stay_days)}")
    if links:
        fields.append(Field("Flies from", "\n".join(links)))
    fields += _flights_field(
        ctx, [m for m in ctx.kb.missions.values() if v.id in (m.vehicle, m.launcher)],
        "Recent and planned flights", now, mentions,
    )  # fmt: skip
    fields += _facts_field(v)
    if v.events:
        fields.append(Field("Events", _events_lines(v.events, mentions)))
        extra += [s for e in v.events for s in e.sources]
    focus_fields = {
        "cost": ("cost",),
        "capacity": ("capacity",),
        "how-much": ("capacity", "cost"),
        "when": ("flights", "events"),
    }.get(focus, ())
    return _finish(ctx, v, text, fields, extra, mentions, focus_fields=focus_fields)


def _flights_field(
    ctx: Context, missions: list[Mission], title: str, now: dt.date, mentions: list[DateMention]
) -> list[Field]:
    """The last eight of these missions by date, each with where its schedule stands."""
    flights = sorted(missions, key=_mission_sort_key)[-8:]
    if not flights:
        return []
    lines = [f"• {m.name}: {_mission_brief(ctx, m, now, mentions)}" for m in flights]
    return [Field(title, "\n".join(lines))]


def _mission_sort_key(m: Mission) -> dt.date:
    for e in m.events:
        if e.kind == "launched":
            return e.date.start
    return m.schedule[-1].planned.start if m.schedule else dt.date.max


def _mission_brief(ctx: Context, m: Mission, now: dt.date, mentions: list[DateMention]) -> str:
    sentence = schedule_sentence(ctx.kb, m, now, mentions)
    return sentence.removeprefix(m.name + " ").rstrip(".")


def _pad(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, Pad)
    p = rec
    mentions: list[DateMention] = []
    since = f" since {date_text(p.status_since, mentions)}" if p.status_since else ""
    serves, _ = pad_serves(ctx, p)
    text = (
        f"{p.name} ({p.site}, {p.country}; operated by {_name(ctx, p.operator)}): "
        f"status {p.status}{since}. Serves: {serves}."
    ) + (f"\n\n{p.summary}" if p.summary else "")
    fields: list[Field] = []
    extra: list[str] = []
    if p.repair_estimates:
        lines = []
        for r in p.repair_estimates:
            span = (
                f"{r.low_months:g} months"
                if r.low_months == r.high_months
                else f"{r.low_months:g}–{r.high_months:g} months"
            )
            who = f" ({r.said_by})" if r.said_by else ""
            note = f" — {r.note}" if r.note else ""
            lines.append(f"• {r.case}: {span}{who}{note}")
            extra += r.sources
        fields.append(Field("Repair estimates", "\n".join(lines)))
    if p.history:
        fields.append(Field("History", _events_lines(p.history, mentions)))
        extra += [s for e in p.history for s in e.sources]
    fields += _flights_field(
        ctx, [m for m in ctx.kb.missions.values() if m.pad == p.id],
        "Flights from this pad", now, mentions,
    )  # fmt: skip
    fields += _facts_field(p)
    focus_fields = {"when": ("history", "repair"), "how-long": ("repair",)}.get(focus, ())
    return _finish(ctx, p, text, fields, extra, mentions, focus_fields=focus_fields)


def _crew(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, CrewMember)
    c = rec
    mentions: list[DateMention] = []
    native = f" ({c.native_name})" if c.native_name else ""
    text = f"{c.name}{native}: {_name(ctx, c.agency)}; status {c.status}." + (
        f"\n\n{c.summary}" if c.summary else ""
    )
    fields: list[Field] = []
    extra: list[str] = []
    if c.days_in_space:
        fields.append(Field("Days in space", amount(c.days_in_space), True))
        extra += c.days_in_space.sources
    if c.missions:
        fields.append(Field("Missions", ", ".join(_name(ctx, m) for m in c.missions), True))
    if c.transliterations:
        fields.append(Field("Also written", ", ".join(c.transliterations), True))
    if c.events:
        fields.append(Field("Events", _events_lines(c.events, mentions)))
        extra += [s for e in c.events for s in e.sources]
    fields += _facts_field(c)
    return _finish(ctx, c, text, fields, extra, mentions, entities=c.missions)


def _topic(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, Topic)
    t = rec
    mentions: list[DateMention] = []
    fields: list[Field] = []
    extra: list[str] = []
    if t.events:
        fields.append(Field("What happened", _events_lines(t.events, mentions)))
        extra += [s for e in t.events for s in e.sources]
    related = [r for r in t.related if ctx.kb.get(r) is not None]
    if related:
        fields.append(Field("Related", ", ".join(_name(ctx, r) for r in related)))
    fields += _facts_field(t)
    return _finish(ctx, t, t.answer, fields, extra, mentions, entities=tuple(related))


def _organization(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, Organization)
    o = rec
    text = f"{o.name}: {o.kind} ({o.country})." + (f"\n\n{o.summary}" if o.summary else "")
    fields: list[Field] = []
    vehicles = [v.name for v in ctx.kb.vehicles.values() if o.id in (v.operator, v.manufacturer)]
    if vehicles:
        fields.append(Field("Vehicles", ", ".join(vehicles)))
    fields += _facts_field(o)
    return _finish(ctx, o, text, fields, [], [])


def _station(ctx: Context, rec: Record, now: dt.date, focus: Focus) -> Reply:
    assert isinstance(rec, Station)
    s = rec
    mentions: list[DateMention] = []
    text = f"{s.name}: nominal crew {amount(s.nominal_crew)}." + (
        f"\n\n{s.summary}" if s.summary else ""
    )
    fields = [
        Field(seg.name, f"{_name(ctx, seg.operator)}: " + ", ".join(seg.provides))
        for seg in s.segments
    ]
    r = s.resupply
    lines = [f"• {res}: {amount(a)} per crew-day" for res, a in r.consumption_per_crew_day.items()]
    lines.append(f"• water recovery: {amount(r.water_recovery)}")
    lines.append(f"• propellant use: {amount(r.propellant_use_per_year)} per year")
    lines.append(f"• reserve: {amount(r.reserve_days)}")
    fields.append(Field("Resupply model", "\n".join(lines)))
    if s.crew_history:
        levels = sorted(s.crew_history, key=lambda c: c.since)
        rows = [f"• from {day_text(c.since, mentions)}: {c.crew} aboard" for c in levels]
        latest = levels[-1]
        rows.append(
            f"Latest recorded: {latest.crew} aboard since {day_text(latest.since, mentions)}; "
            "later crew changes are not in the sources."
        )
        fields.insert(0, Field("Crew aboard", "\n".join(rows)))
    extra = [
        src
        for a in (r.water_recovery, r.propellant_use_per_year, r.reserve_days)
        for src in a.sources
    ] + [src for a in r.consumption_per_crew_day.values() for src in a.sources]
    fields += _facts_field(s)
    if s.events:
        fields.append(Field("Events", _events_lines(s.events, mentions)))
    focus_fields = {"who": ("crew",), "capacity": ("resupply",)}.get(focus, ())
    return _finish(ctx, s, text, fields, extra, mentions, focus_fields=focus_fields)


_BUILDERS: dict[type[Record], Callable[[Context, Record, dt.date, Focus], Reply]] = {
    Mission: _mission,
    Vehicle: _vehicle,
    Pad: _pad,
    CrewMember: _crew,
    Topic: _topic,
    Organization: _organization,
    Station: _station,
}
