"""The what-if reply: the verdict, at most four short fields, the chart; the full account
behind "details"; and refusals that offer what-ifs that run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from commands.format import day_text, source_lines
from commands.reply import Chart, DateMention, Field, Reply, Suggestion, error
from commands.whatif.apply import Applied, Held, Unboosted, apply
from commands.whatif.baseline import Prepared, prepare
from commands.whatif.chartdata import Curve, Marker, WhatIfChart
from commands.whatif.edits import Scenario
from commands.whatif.english import (
    days,
    line,
    month_text,
    orbit_decay,
    reserve_text,
    who_reboosts,
    without_propellant,
)
from commands.whatif.errors import ScenarioError
from commands.whatif.model import (
    DAYS_CAP,
    EVACUATION_RESOURCES,
    LABELS,
    RESOURCES,
    ModelError,
    Resource,
    placement,
)
from commands.whatif.outcome import Margin, Outcome, outcome
from commands.whatif.parser import Parser
from commands.whatif.projection import short_name
from commands.whatif.resolve import Index, Resolver
from commands.whatif.trigger import asked_supplies, strip_lead
from commands.whatif.verdict import (
    advice_text,
    emptied,
    idle_pad,
    lasting_lead,
    only_unboosted,
    overdue,
    verdict,
)
from knowledge.base import KnowledgeBase

SOURCES_SHOWN = 4
_DID_YOU_MEAN = " Did you mean one of the choices below?"
_EXAMPLE = " For example:"
QUERY_MAX = 100  # a suggestion's query is cut at this length (commands.reply.fit)
REPLY_MAX = 1500  # a what-if reply's text, all told (the chart carries the rest)
NOTE_ROOM = 100  # kept free for the note on the fact base's age (with_note)

_MODEL_NOTES = (
    "Days of supply = stock ÷ daily need (propellant: yearly use ÷ 365); water and oxygen "
    "drawn net of recovery and oxygen made aboard.",
    "Uncertainty: each run is repeated at both ends of the estimate ranges above; a crossing "
    "only some ends show is too close to call. Back-test: the flights that flew in 2025-2026 "
    "keep every resource above the reserve at all of them, as happened.",
    "A delivery adds its recorded cargo, else its vehicle's typical load (propellant: Progress "
    "only), on its docking day, else launch, else plan (NET: its start; month/quarter/year: "
    "its middle).",
    "Crew: the station record's levels, then each crew flight's people from its arrival until "
    "the next flight of that vehicle arrives (at most its typical stay plus 3 months); short "
    "private visits are not counted.",
)


def scenario_error(text: str, exc: ScenarioError, examples: tuple[Suggestion, ...]) -> Reply:
    """A refusal naming the part of the scenario that is wrong, with runnable choices."""
    part = exc.part.strip()
    if exc.refusal:  # a request the model cannot run: offer the edits it can, as whole queries
        return Reply(
            kind="suggestions",
            title="Can't model that scenario — try one of these",
            text=f"{exc.message.rstrip('.')}.",
            suggestions=exc.suggestions or examples,
            entities=tuple(s.record_id for s in exc.suggestions if s.record_id),
        )
    head = f"The part “{part}”: " if part and part.casefold() != text.strip().casefold() else ""
    msg = exc.message.rstrip(".")
    sugg: list[Suggestion] = []
    for s in exc.suggestions:  # each choice put back into the question: a what-if to run
        # the part as a whole word: "a" in "wat if lost a" is the last word, never wat's a
        whole = rf"(?<!\w){re.escape(part)}(?!\w)"
        query = re.sub(whole, s.label, text, count=1, flags=re.I) if part else text
        if query != text:
            sugg.append(Suggestion(s.label, query))
    more = _DID_YOU_MEAN if sugg else _EXAMPLE
    return error("Can't model that scenario", f"{head}{msg}.{more}", tuple(sugg) or examples)


def examples(prep: Prepared, today: dt.date) -> tuple[Suggestion, ...]:
    """What-ifs the model runs on this base: the next recorded flight slipping or lost, the
    busiest ISS pad down, no cargo for a while."""
    out: list[Suggestion] = []
    pending = [
        d
        for d in prep.recorded
        if d.mission is not None
        and prep.kb.missions[d.mission].status in ("planned", "postponed")
        and d.date >= prep.params.stock_date
        and any(d.amounts.values())
    ]
    if pending:
        d = min(pending, key=lambda d: (d.date < today, d.date))
        out.append(Suggestion(f"{d.label} slips 3 months", f"what if {d.label} slips 3 months"))
        out.append(Suggestion(f"{d.label} is lost", f"what if {d.label} is lost"))
    progress = next(
        (c for c in prep.cadences if prep.kb.vehicles[c.vehicle].refuels_russian_segment), None
    )
    if progress is not None:
        name = short_name(prep.kb, progress.vehicle)
        out.append(Suggestion(f"we lose the next {name}", f"what if we lose the next {name}"))
    out.append(Suggestion("no cargo for 6 months", "what if there is no cargo for 6 months"))
    out.append(Suggestion("crew of 4", "what if the crew goes to 4"))
    return tuple(out[:5])


def evaluate(
    kb: KnowledgeBase,
    index: Index | None,
    text: str,
    now: dt.date,
    projection: bool = True,
) -> Reply:
    """Parse a scenario from text, run it beside the unchanged plan, and answer."""
    try:
        prep = prepare(kb, projection)
    except ModelError as exc:
        return error("The supply model can't run", f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
    today = max(now, prep.params.stock_date)
    body, _ = strip_lead(text) if text.strip() else ("", False)
    if not body:
        return error(
            "What if … what?",
            "Say what changes, e.g. “what if CRS-35 slips 3 months”, “what if we lose the next "
            "Progress”, “what if there is no cargo for 6 months”.",
            examples(prep, today),
        )
    resolver = Resolver(kb, index)
    parser = Parser(resolver, today, lambda v, n: prep.next_flights(v, today, n))

    def runs(query: str) -> bool:
        try:
            apply(parser.parse(query), prep, now)
        except ScenarioError:
            return False
        return True

    try:
        scenario = parser.parse(text)
        applied = apply(scenario, prep, now)
    except ScenarioError as exc:
        reply = scenario_error(text, exc, examples(prep, today))
        # Every refusal offers what-ifs that run: choices that would not are dropped.
        good = tuple(s for s in reply.suggestions if runs(s.query))
        if not good:
            good = examples(prep, today)
            reply = dataclasses.replace(reply, text=reply.text.replace(_DID_YOU_MEAN, _EXAMPLE))
        return dataclasses.replace(reply, suggestions=good)
    return answer(prep, scenario, applied, text, now)


def evaluate_scenario(
    kb: KnowledgeBase, scenario: Scenario, title: str, now: dt.date, projection: bool = True
) -> Reply:
    """Run a scenario built without words (the slash command's options) and answer."""
    try:
        prep = prepare(kb, projection)
        applied = apply(scenario, prep, now)
    except ModelError as exc:
        return error("The supply model can't run", f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
    except ScenarioError as exc:
        return scenario_error(title, exc, examples(prep, max(now, prep.params.stock_date)))
    return answer(prep, scenario, applied, title, now)


def _margin_field(o: Outcome) -> Field | None:
    """Each resource's lowest margin while the runs differ, unchanged → scenario (only the
    ones that change)."""
    lines = []
    empty = emptied(o) is not None
    for r, d in o.dips.items():
        if abs(d.now - d.was) < 1 or max(d.now, d.was) < 2:
            continue
        if empty and r in EVACUATION_RESOURCES:
            continue  # an empty station uses none: no margin to show (verdict.emptied)
        was = f"{round(d.was):,}" if 0.5 <= d.was < DAYS_CAP else days(d.was)
        lines.append(f"{LABELS[r]} {was} → {days(d.now)} ({month_text(d.day, short=True)})")
    if not lines:
        return None
    return Field("Lowest margin, unchanged → scenario", "; ".join(lines))


def _tightest(o: Outcome, mentions: list[DateMention]) -> Field:
    # The lowest margin; on a tie (both empty), what the crew cannot stay without first.
    r = min(
        RESOURCES,
        key=lambda r: (round(o.after[r].low), r not in EVACUATION_RESOURCES, -o.after[r].below, r),
    )
    m = o.after[r]
    reserve = o.prep.params.reserve_days
    if m.out is not None:
        value = f"{LABELS[r]} runs out on {day_text(m.out, mentions)}"
    else:
        value = f"{LABELS[r]}: {days(m.low)} on {day_text(m.low_date, mentions)}"
    if m.out is not None and r not in EVACUATION_RESOURCES:
        # Propellant: what an empty store means, rather than days below the model's line.
        value += f", empty {m.empty} days: {without_propellant(o.prep.params, o.prep.kb)}"
    elif m.cross is not None:
        value += f"; below {reserve_text(r, reserve)} {m.below} days in all"
    else:
        value += f", above {reserve_text(r, reserve)}"
    if o.uncertain(r):
        value += (
            f" (middle estimate; {round(o.worst[r].low)}–{round(o.best[r].low)} days across "
            "the estimate ranges)"
        )
    return Field("Tightest", value)


def _supplies(o: Outcome) -> Field:
    """What stopping reboosts does to supplies, as far as the model can say."""
    low = min(EVACUATION_RESOURCES, key=lambda r: (o.after[r].low, r))
    per_year = o.prep.params.rates.propellant_per_day * 365
    return Field(
        "Supplies",
        f"Food, water and oxygen do not depend on reboosts (the lowest, {LABELS[low].lower()}, "
        f"stays {days(o.after[low].low)}). Propellant for reboosts would no longer be burned, "
        f"but the model counts {per_year:,.0f} kg a year for reboost and attitude control "
        "together and cannot split it.",
    )


def _assumed(o: Outcome, brief: bool = False) -> Field:
    """What was assumed, in one line (brief: the projection and the overdue flights in a few
    words, when the reply would be too long)."""
    prep = o.prep
    parts: list[str] = []
    if prep.projection and prep.cadences and brief:
        parts.append("Routine traffic projected past the last recorded flights")
    elif prep.projection and prep.cadences:
        base = {d.key: d.date for d in prep.baseline.plan.deliveries if d.projected}
        cargo: list[str] = []
        crew: list[str] = []
        for c in prep.cadences:
            firsts = [d for k, d in base.items() if k.startswith(f"projected-{c.vehicle}-")]
            if not firsts:
                continue
            every = c.every() if not cargo else c.every().removeprefix("every ")
            if c.crew and not any(c.amounts.values()):
                crew.append(f"{c.short} {c.every().removeprefix('every ')}")
            else:
                cargo.append(f"{c.short} {every} from {month_text(min(firsts), short=True)}")
        if cargo:
            parts.append("Projected past the last recorded flights: " + "; ".join(cargo))
        if crew:
            parts.append("crews rotate: " + ", ".join(crew))
    else:
        last = max(
            (d.date for d in prep.recorded if any(d.amounts.values())),
            default=prep.params.stock_date,
        )
        parts.append(f"Recorded flights only (projection off; the last is in {month_text(last)})")
    short = [r for r in RESOURCES if o.before[r].cross is not None]
    if short:
        r = short[0]
        parts.append(
            f"even the unchanged plan dips below the {LABELS[r].lower()} reserve from "
            f"{month_text(o.before[r].cross)}"  # type: ignore[arg-type]
        )
    late = overdue(prep, o.today)
    if late and brief:
        parts.append(f"{len(late)} overdue flights counted on their past planned dates")
    elif late:
        names = ", ".join(d.label for d in late[:3])
        more = f" and {len(late) - 3} more" if len(late) > 3 else ""
        parts.append(f"{names}{more} counted on their past planned dates")
    p = prep.params
    parts.append(f"{_stock_text(prep)} on {day_text(p.stock_date)} (assumed)")
    # How the question's words were read ("dragon" as both Dragons) comes first.
    parts[:0] = list(o.applied.notes)
    if o.applied.open_ended:  # "retired", "indefinitely", no length: the horizon it runs to
        parts.insert(0, f"no end date given: held to the end of the run, {day_text(o.end)}")
    if any(isinstance(c, Unboosted) for c in o.applied.changes) and not only_unboosted(o):
        parts.insert(
            0, f"without reboosts {orbit_decay(prep.params, 'the station’s')} (not modelled)"
        )
    text = ". ".join(x[:1].upper() + x[1:] for x in parts) + ". All assumptions: add “details”."
    return Field("Assumed", text)


def _sources(prep: Prepared, applied: Applied) -> tuple[list[str], list[str]]:
    """The source ids of the reply (the changed records' first, then the model's), and short
    names (publishers) for the short form."""
    ids: list[str] = []
    if any(isinstance(c, Unboosted) for c in applied.changes) and prep.params.decay is not None:
        ids += prep.params.decay.sources
    for rid in applied.entities:
        rec = prep.kb.get(rid)
        if rec is not None:
            ids.extend(rec.sources)
    ids += prep.params.source_ids
    ids = list(dict.fromkeys(s for s in ids if s in prep.kb.sources))
    names: list[str] = []
    for sid in ids:
        s = prep.kb.sources[sid]
        name = "the seed article" if sid == "seed-article" else s.publisher
        name = name if len(name) <= 40 else name[:39].rstrip() + "…"
        if name not in names:
            names.append(name)
    if len(names) > SOURCES_SHOWN:
        names = [*names[:SOURCES_SHOWN], f"{len(names) - SOURCES_SHOWN} more (details)"]
    return ids, names


def _chart(o: Outcome) -> WhatIfChart:
    base, scen = o.base, o.scen
    curves = tuple(
        Curve(
            res,
            LABELS[res],
            tuple(float(x) for x in base.supply[res]),
            tuple(float(x) for x in scen.supply[res]),
        )
        for res in RESOURCES
    )
    last = base.start + dt.timedelta(days=base.days - 1)
    shown = [
        d
        for d in (*o.prep.baseline.plan.deliveries, *o.applied.plan.deliveries)
        if any(d.amounts.values()) and base.start <= d.date <= last
    ]
    bset = {(d.key, d.date) for d in o.prep.baseline.plan.deliveries}
    sset = {(d.key, d.date) for d in o.applied.plan.deliveries}
    seen: set[tuple[str, dt.date]] = set()
    markers = []
    for d in sorted(shown, key=lambda d: (d.date, d.key)):
        kd = (d.key, d.date)
        if kd in seen:
            continue
        seen.add(kd)
        plan = "both" if kd in bset and kd in sset else ("baseline" if kd in bset else "scenario")
        label = d.label.replace(" (projected)", "")
        markers.append(Marker(d.date, label, plan, d.projected))
    return WhatIfChart(
        start=base.start,
        curves=curves,
        reserve_days=o.prep.params.reserve_days,
        evacuation_days=o.prep.params.evacuation_days,
        deliveries=tuple(markers),
        today=o.today if base.start <= o.today <= last else None,
        evacuation_label=", ".join(LABELS[r].lower() for r in EVACUATION_RESOURCES),
    )


def answer(prep: Prepared, scenario: Scenario, applied: Applied, text: str, now: dt.date) -> Reply:
    """Run the unchanged plan and the scenario side by side and write the reply."""
    o = outcome(prep, scenario, applied, now)
    mentions: list[DateMention] = []
    lead = lasting_lead(o, asked_supplies(text), mentions)  # "how many days of oxygen …"
    before, after = idle_pad(o, mentions)  # a closure that changes nothing: why, first
    head = before + lead + verdict(o, mentions) + after + left_out(scenario)
    body, _ = strip_lead(text)
    title_text = body or text.strip()
    title = f"What if {title_text.rstrip('?.! ')}?"
    ids, names = _sources(prep, applied)
    chart = Chart("whatif", title, _chart(o))
    if scenario.details:
        return Reply(
            kind="whatif",
            title=f"{title} — details",
            text=head,
            fields=details(o),
            sources=source_lines(prep.kb, ids),
            source_ids=tuple(ids),
            as_of=prep.kb.as_of,
            entities=(*applied.entities, prep.params.station_id),
            chart=chart,
            dates=tuple(mentions),
        )
    fields: list[Field] = []
    if only_unboosted(o):
        fields += [Field("Who reboosts it now", who_reboosts(prep.kb) + "."), _supplies(o)]
    else:
        margin = _margin_field(o)
        if margin is not None:
            fields.append(margin)
        fields.append(_tightest(o, mentions))
        help_ = advice_text(o, None)
        if help_:
            fields.append(Field("To close the gap", help_[:1].upper() + help_[1:]))
    fields.append(_assumed(o))
    query = f"what if {title_text.rstrip('?.! ')} details"
    reply = Reply(
        kind="whatif",
        title=title,
        text=head,
        fields=tuple(fields[:4]),
        sources=(", ".join(names),) if names else (),
        source_ids=tuple(ids),
        as_of=prep.kb.as_of,
        entities=(*applied.entities, prep.params.station_id),
        # The details as a button when the question fits one (else the Assumed field says how).
        suggestions=(Suggestion("Details", query),) if len(query) <= QUERY_MAX else (),
        chart=chart,
        dates=tuple(mentions),
    )
    if len(reply.plain()) > REPLY_MAX - NOTE_ROOM:  # the assumptions in brief; details has all
        brief = tuple(_assumed(o, brief=True) if f.name == "Assumed" else f for f in reply.fields)
        reply = dataclasses.replace(reply, fields=brief)
    return reply


def left_out(scenario: Scenario) -> str:
    """The parts of the question the model could not use, each with why ("" when none): the
    reply says what it modelled and what it left out rather than refusing the whole."""
    if not scenario.unmodelled:
        return ""
    parts = "; ".join(f"“{words}” ({why})" for words, why in scenario.unmodelled)
    return f"\n\nNot modelled: {parts}."


def details(o: Outcome) -> tuple[Field, ...]:
    """The full account: every change, every resource, the flights, projection, crew,
    assumptions."""
    prep, applied = o.prep, o.applied
    kb = prep.kb
    fields: list[Field] = []
    said = {c.hold.note for c in applied.changes if isinstance(c, Held)}  # in their own line
    lines = [*(n for n in applied.notes if n not in said), *(line(c, kb) for c in applied.changes)]
    fields.append(Field("Scenario", "\n".join(lines) or "No change"))
    per = []
    for r in RESOURCES:
        b, a = o.before[r], o.after[r]

        def cross(m: Margin) -> str:
            return m.cross.isoformat() if m.cross else "never"

        per.append(
            f"{LABELS[r]}: lowest {days(b.low)} ({b.low_date.isoformat()}) → {days(a.low)} "
            f"({a.low_date.isoformat()}); below reserve {cross(b)} → {cross(a)}"
        )
    fields.append(
        Field(
            f"Unchanged plan → scenario, from {o.frm.isoformat()} to {o.end.isoformat()}",
            "\n".join(per),
        )
    )
    fields.append(Field("Flights the scenario changes", _flight_changes(o)))
    if prep.cadences:
        proj = []
        for c in prep.cadences:
            load = ", ".join(f"{v:,.0f} kg {k}" for k, v in c.amounts.items() if v >= 1)
            who = f"{c.crew} crew" if c.crew else ""
            what = "; ".join(x for x in (load, who) if x) or "nothing the model tracks"
            proj.append(
                f"{c.short} {c.every()} ({c.interval} days, median of its last {c.measured} "
                f"flights), after {c.last.isoformat()}: {what}"
            )
        fields.append(Field("Projected routine traffic (not recorded flights)", "\n".join(proj)))
    else:
        fields.append(Field("Projected routine traffic", "Off: only recorded flights count."))
    fields.append(Field("Crew aboard in the scenario", _crew_text(o)))
    late = overdue(prep, o.today)
    if late:
        fields.append(
            Field(
                "Past their planned date",
                "No launch recorded; counted on the planned date: "
                + "; ".join(f"{d.label} ({d.date.isoformat()})" for d in late),
            )
        )
    placed = []
    for d in prep.recorded:
        m = kb.missions.get(d.mission or "")
        note = placement(m) if m is not None else None
        if note and d.date >= o.today:
            placed.append(f"{d.label} on {d.date.isoformat()} ({note})")
    if placed:
        fields.append(Field("Dates the model placed", "; ".join(placed)))
    fields.extend(_assumption_fields(prep))
    return tuple(fields)


def _flight_changes(o: Outcome) -> str:
    start, end = o.frm, o.end
    base = {d.key: d for d in o.prep.baseline.plan.deliveries if start <= d.date <= end}
    scen = {d.key: d for d in o.applied.plan.deliveries if start <= d.date <= end}
    changed = []
    for key, d in sorted(scen.items(), key=lambda kv: (kv[1].date, kv[0])):
        was = base.get(key)
        if was is None:
            changed.append(f"{d.label} {d.date.isoformat()} (added)")
        elif was.date != d.date:
            changed.append(f"{d.label} {d.date.isoformat()} (was {was.date.isoformat()})")
    changed += [
        f"{d.label} removed (was {d.date.isoformat()})" for k, d in base.items() if k not in scen
    ]
    same = sum(1 for k, d in scen.items() if k in base and base[k].date == d.date)
    tail = f"{same} other{'s' if same != 1 else ''} as in the unchanged plan (see the chart)."
    if not changed:
        return f"None between {start.isoformat()} and {end.isoformat()}; {tail}"
    return "; ".join(changed) + f". {tail}"


def _crew_text(o: Outcome) -> str:
    steps = [(d, n) for d, n in o.applied.plan.crew if d <= o.end]
    shown = [f"{n} from {d.isoformat()}" for d, n in steps if d >= o.frm - dt.timedelta(days=1)]
    before = [f"{n} from {d.isoformat()}" for d, n in steps if d < o.frm]
    return "; ".join((before[-1:] + shown)[:12]) or "as recorded"


def _assumption_fields(prep: Prepared) -> tuple[Field, ...]:
    lines = []
    for a in prep.params.assumptions:
        est = " (estimate)" if a.estimate and "estimate" not in a.text else ""
        lines.append(f"• {a.label}: {a.text}{est}")
    lines += [f"• {n}" for n in _MODEL_NOTES]
    out: list[Field] = []
    cur: list[str] = []
    for ln in lines:
        if sum(len(x) + 1 for x in cur) + len(ln) > 1000:
            out.append(Field("Assumptions" if not out else "Assumptions (cont.)", "\n".join(cur)))
            cur = []
        cur.append(ln)
    if cur:
        out.append(Field("Assumptions" if not out else "Assumptions (cont.)", "\n".join(cur)))
    return tuple(out)


def with_note(reply: Reply, note: str | None) -> Reply:
    """The reply with a note on the fact base's age among its assumptions (the first sentence
    stays the verdict)."""
    if note is None or reply.kind != "whatif":
        return reply
    fields = list(reply.fields)
    at = next((i for i, f in enumerate(fields) if f.name == "Assumed"), None)
    if at is not None:
        fields[at] = Field("Assumed", f"{note} {fields[at].value}")
    else:
        fields.insert(min(1, len(fields)), Field("Fact base", note))
    return dataclasses.replace(reply, fields=tuple(fields))


def _stock_text(prep: Prepared) -> str:
    """ "stock ~6 months (150–210 days)", or per group of resources when their stocks differ:
    "stock ~6 months of food, water and oxygen (150–210 days), ~12 months of propellant
    (290–456 days)"."""
    p = prep.params
    ends = [e.stock_days for e in prep.ends.values()]
    groups: dict[int, list[Resource]] = {}
    for r in RESOURCES:
        groups.setdefault(round(p.stock_days[r] / 30.44), []).append(r)
    out = []
    for months, rs in groups.items():
        spread = (
            f" ({round(min(d[r] for d in ends for r in rs))}–"
            f"{round(max(d[r] for d in ends for r in rs))} days)"
            if ends
            else ""
        )
        names = ""
        if len(groups) > 1:
            words = [LABELS[r].lower() for r in rs]
            names = " of " + (
                words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
            )
        out.append(f"~{months} months{names}{spread}")
    return "stock " + ", ".join(out)
