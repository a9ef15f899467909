"""Builds the what-if Reply: verdict, baseline vs scenario per resource, advice, assumptions."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import threading
from dataclasses import dataclass

from commands.format import source_lines
from commands.reply import Chart, DateMention, Field, Reply, Suggestion, error
from commands.whatif.advice import Advice, advise
from commands.whatif.chartdata import Curve, Marker, WhatIfChart
from commands.whatif.model import (
    LABELS,
    MAX_HORIZON_DAYS,
    RESOURCES,
    Delivery,
    ModelError,
    Params,
    Plan,
    ResourceResult,
    Run,
    all_flights,
    baseline_plan,
    params_from,
    placement,
    run,
)
from commands.whatif.resolve import Index, Resolver, ScenarioError
from commands.whatif.scenario import Applied, Parser, Scenario, apply, clean
from knowledge.base import KnowledgeBase

_MONTH = tuple(calendar.month_name[1:])
DEFAULT_HORIZON_DAYS = 365
TAIL_DAYS = 180  # the horizon runs at least this long past the latest edited date

_MODEL_NOTES = (
    "Days of supply = stock ÷ daily need (propellant: yearly use ÷ 365); water and oxygen "
    "drawn net of recovery and oxygen made aboard.",
    "A delivery adds its recorded cargo, else its vehicle's typical load (propellant: Progress "
    "only), on its docking day, else launch, else plan (NET: its start; month/quarter/year: "
    "its middle). Crew levels are the station record's.",
)


@dataclass(frozen=True)
class Prepared:
    """What one fact base gives the model, computed once per loaded base."""

    kb: KnowledgeBase
    params: Params
    plan: Plan
    flights: tuple[Delivery, ...]


_CACHE: dict[int, Prepared] = {}
_LOCK = threading.Lock()


def prepare(kb: KnowledgeBase) -> Prepared:
    """The model's parameters and recorded plan for kb (cached per base)."""
    with _LOCK:
        got = _CACHE.get(id(kb))
        if got is not None and got.kb is kb:
            return got
    station = kb.station
    if station is None:
        raise ModelError("the fact base has no station record (station.yaml)")
    params = params_from(station)
    prep = Prepared(kb, params, baseline_plan(kb, params), all_flights(kb, params))
    with _LOCK:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[id(kb)] = prep
    return prep


def scenario_error(text: str, exc: ScenarioError) -> Reply:
    """An error reply naming the part of the scenario that is wrong."""
    part = exc.part.strip()
    if exc.refusal:  # a request the model cannot run: offer the edits it can, as whole queries
        return Reply(
            kind="suggestions",
            title="Can't model that scenario — try one of these",
            text=f"{exc.message.rstrip('.')}.",
            suggestions=exc.suggestions,
            entities=tuple(s.record_id for s in exc.suggestions if s.record_id),
        )
    head = f"The part “{part}”: " if part and part.casefold() != text.strip().casefold() else ""
    msg = exc.message.rstrip(".")
    sugg: list[Suggestion] = []
    for s in exc.suggestions:
        query = text
        if part:
            query = re.sub(re.escape(part), s.label, text, count=1, flags=re.I)
        if query == text:
            query = s.label
        sugg.append(Suggestion(s.label, query, s.record_id))
    more = " Did you mean one of the choices below?" if sugg else ""
    return error("Can't model that scenario", f"{head}{msg}.{more}", tuple(sugg))


def evaluate(kb: KnowledgeBase, index: Index | None, text: str, now: dt.date) -> Reply:
    """Parse a scenario from text, run it beside the recorded plan, and answer."""
    if not text.strip() or not clean(text):
        return error(
            "What if … what?",
            "Say what changes, e.g. “what if Progress MS-33 slips 6 months”, “what if pad "
            "31/6 stays down for two years”, “what if CRS-35 is cancelled”.",
        )
    try:
        prep = prepare(kb)
    except ModelError as exc:
        return error("The supply model can't run", f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
    resolver = Resolver(kb, index)
    try:
        scenario = Parser(resolver).parse(text)
        applied = apply(scenario, prep.plan, prep.flights, kb, prep.params, now, resolver)
    except ScenarioError as exc:
        return scenario_error(text, exc)
    return answer(prep, scenario, applied, text, now)


def horizon(prep: Prepared, scenario: Scenario, applied: Applied, now: dt.date) -> dt.date:
    """The last day the runs cover."""
    start = prep.params.stock_date
    today = max(now, start)
    if scenario.horizon_days is not None:
        end = today + dt.timedelta(days=scenario.horizon_days)
    else:
        end = max(
            today + dt.timedelta(days=DEFAULT_HORIZON_DAYS),
            applied.latest + dt.timedelta(days=TAIL_DAYS),
        )
    return min(end, start + dt.timedelta(days=MAX_HORIZON_DAYS))


def _days(x: float) -> str:
    return "9,999+" if x >= 9999 else f"{x:,.0f}"


def _describe(r: ResourceResult, reserve: float) -> str:
    low = f"lowest {_days(r.min_days)} days on {r.min_date.isoformat()}"
    if r.crossing is None:
        return f"stays above the {reserve:.0f}-day reserve; {low}"
    return f"below reserve from {r.crossing.isoformat()}; {low} ({r.shortfall:.0f} days short)"


def _compare(res: str, b: ResourceResult, s: ResourceResult) -> str:
    """One line per resource: the recorded plan's reserve crossing and lowest point → the
    scenario's."""

    def cross(r: ResourceResult) -> str:
        return r.crossing.isoformat() if r.crossing is not None else "never"

    def low(r: ResourceResult) -> str:
        return f"{_days(r.min_days)} d on {r.min_date.isoformat()}"

    if cross(b) == cross(s) and low(b) == low(s):
        return f"{LABELS[res]}: unchanged (below reserve: {cross(b)}; lowest {low(b)})"
    return f"{LABELS[res]}: below reserve {cross(b)} → {cross(s)}; lowest {low(b)} → {low(s)}"


def _stale(prep: Prepared, now: dt.date) -> tuple[list[str], list[str]]:
    """Planned flights counted on a date now past (no launch recorded), and flights whose date
    the model placed (known only to a month, quarter or year) that are still ahead."""
    overdue, placed = [], []
    for d in prep.plan.deliveries:
        m = prep.kb.missions.get(d.mission or "")
        if m is None or m.status not in ("planned", "postponed") or not m.schedule:
            continue
        planned = m.schedule[-1].planned
        note = placement(m)
        text = f"{m.name} on {d.date.isoformat()} (“{planned.text()}”: {note})" if note else ""
        if d.date < now:
            overdue.append(text or f"{m.name} ({planned.text()})")
        elif note:
            placed.append(text)
    return overdue, placed


def _last_delivery(plan: Plan, res: str, start: dt.date) -> Delivery | None:
    got = [d for d in plan.deliveries if d.amounts.get(res, 0.0) > 0 and d.date >= start]
    return got[-1] if got else None


def _verdict(
    prep: Prepared,
    base: Run,
    scen: Run,
    adv: Advice | None,
    applied: Applied,
    end: dt.date,
    now: dt.date,
    dates: list[DateMention],
) -> str:
    p = prep.params
    reserve = f"{p.reserve_days:.0f}-day reserve"
    sentences: list[str] = []
    evac = False
    fine: list[str] = []
    changed: list[str] = []
    for res in sorted(RESOURCES, key=lambda r: (scen.results[r].crossing or dt.date.max, r)):
        s, b = scen.results[res], base.results[res]
        name = LABELS[res] if not sentences else LABELS[res].lower()
        if s.crossing is not None:
            dates.append(DateMention(s.crossing.isoformat(), s.crossing))
            line = f"{name} falls below the {reserve} on {s.crossing.isoformat()}"
            if b.crossing is None:
                line += " (the recorded plan stays above it)"
            elif b.crossing != s.crossing:
                delta = (b.crossing - s.crossing).days
                word = "earlier" if delta > 0 else "later"
                line += (
                    f", {abs(delta)} days {word} than in the recorded plan"
                    f" ({b.crossing.isoformat()})"
                )
            else:
                line += " as in the recorded plan"
            line += f", {s.shortfall:.0f} days short at its lowest"
            if s.below_evacuation and p.evacuation_days is not None:
                line += (
                    f" (under the {p.evacuation_days:.0f}-day line at which the crew leaves)"
                    if not evac
                    else " (under that line too)"
                )
                evac = True
            sentences.append(line)
        elif b.crossing is not None:
            sentences.append(
                f"{name} stays above the {reserve} (the recorded plan falls below it on "
                f"{b.crossing.isoformat()})"
            )
        else:
            fine.append(res)
            if abs(s.end_days - b.end_days) >= 1:
                changed.append(
                    f"{LABELS[res].lower()} ends with {_days(s.end_days)} days of supply instead "
                    f"of {_days(b.end_days)}"
                )
    text = ""
    caveat = _caveat(prep, base)
    if caveat:
        text = caveat + " "
    if sentences:
        text += "; ".join(sentences)
        text += ". "
        if adv is not None and (adv.flights or adv.blocked):
            text += (
                "To close the gap (to at least the recorded plan's dates): "
                f"{adv.text().rstrip('.')}. "
            )
        if adv is not None and any(f.by < now for f in adv.flights):
            text += "(Some of those dates are already past: the gap is in the model's past.) "
    if fine:
        names = [LABELS[r].lower() for r in fine]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        verb = "stays" if len(names) == 1 else "stay"
        text += f"{listed[:1].upper()}{listed[1:]} {verb} above reserve through {end.isoformat()}"
        text += (": " + "; ".join(changed) + ". ") if changed else ". "
    same = all(
        base.results[r].crossing == scen.results[r].crossing
        and abs(base.results[r].min_days - scen.results[r].min_days) < 0.5
        and abs(base.results[r].end_days - scen.results[r].end_days) < 0.5
        for r in RESOURCES
    )
    if same:
        text += "This scenario moves none of the reserve dates or lowest points. "
    if applied.counterfactual:
        flown = ", ".join(prep.kb.missions[m].name for m in applied.counterfactual)
        text += f"{flown} already flew: this is a counterfactual. "
    text += (
        f"The model runs from the stock estimate's date, {p.stock_date.isoformat()} (an "
        f"assumption), to {end.isoformat()}."
    )
    return text


def _caveat(prep: Prepared, base: Run) -> str:
    """The plain warning, when the recorded plan itself runs short, that it does so because
    the fact base records no later flights (its sources end), not because supplies will."""
    short = [r for r in RESOURCES if base.results[r].crossing is not None]
    if not short:
        return ""
    p = prep.params
    future = [d.date for d in prep.plan.deliveries if d.date >= p.stock_date]
    last = max(future) if future else p.stock_date
    lasts = []
    for res in short:
        got = _last_delivery(prep.plan, res, p.stock_date)
        if got is not None:
            lasts.append(f"{LABELS[res].lower()} after {got.label}")
    per = f" (none carrying {'; none carrying '.join(lasts)})" if lasts else ""
    return (
        f"The fact base records no supply flights after {_MONTH[last.month - 1]} {last.year}"
        f"{per}, so even the unchanged plan runs short; compare the scenario with the "
        "recorded plan, not with reality."
    )


def _chart(prep: Prepared, base: Run, scen: Run, applied: Applied, now: dt.date) -> WhatIfChart:
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
    bset = {(d.key, d.date) for d in prep.plan.deliveries}
    sset = {(d.key, d.date) for d in applied.plan.deliveries}
    labels = {d.key: d.label for d in (*prep.plan.deliveries, *applied.plan.deliveries)}
    markers = []
    for key, when in sorted(bset | sset, key=lambda kd: (kd[1], kd[0])):
        if not base.start <= when <= last:
            continue
        plan = (
            "both"
            if (key, when) in bset and (key, when) in sset
            else ("baseline" if (key, when) in bset else "scenario")
        )
        markers.append(Marker(when, labels[key], plan))
    return WhatIfChart(
        start=base.start,
        curves=curves,
        reserve_days=prep.params.reserve_days,
        evacuation_days=prep.params.evacuation_days,
        deliveries=tuple(markers),
        today=now if base.start <= now <= last else None,
    )


def _deliveries(prep: Prepared, applied: Applied, end: dt.date) -> str:
    """The flights the scenario changes (moved, removed, added), and a count of the rest."""
    start = prep.params.stock_date
    base = {d.key: d for d in prep.plan.deliveries if start <= d.date <= end}
    scen = {d.key: d for d in applied.plan.deliveries if start <= d.date <= end}
    changed = []
    for key, d in sorted(scen.items(), key=lambda kv: (kv[1].date, kv[0])):
        was = base.get(key)
        if was is None:
            changed.append(f"{d.label} {d.date.isoformat()} (added)")
        elif was.date != d.date:
            changed.append(f"{d.label} {d.date.isoformat()} (was {was.date.isoformat()})")
    changed += [f"{d.label} removed" for k, d in base.items() if k not in scen]
    same = sum(1 for k, d in scen.items() if k in base and base[k].date == d.date)
    head = f"{len(scen)} through {end.isoformat()}"
    tail = f"{same} other{'s' if same != 1 else ''} as recorded (see the chart)"
    if not changed:
        return f"{head}, all as recorded (see the chart)."
    return f"{head}. Changed: {'; '.join(changed)}. {tail[:1].upper()}{tail[1:]}."


def _assumption_fields(prep: Prepared) -> tuple[Field, ...]:
    lines = []
    for a in prep.params.assumptions:
        est = " (estimate)" if a.estimate and "estimate" not in a.text else ""
        lines.append(f"• {a.label}: {a.text}{est}")
    lines += [f"• {n}" for n in _MODEL_NOTES]
    out: list[Field] = []
    cur: list[str] = []
    for line in lines:
        if sum(len(x) + 1 for x in cur) + len(line) > 1000:
            out.append(Field("Assumptions" if not out else "Assumptions (cont.)", "\n".join(cur)))
            cur = []
        cur.append(line)
    if cur:
        out.append(Field("Assumptions" if not out else "Assumptions (cont.)", "\n".join(cur)))
    return tuple(out)


def answer(prep: Prepared, scenario: Scenario, applied: Applied, text: str, now: dt.date) -> Reply:
    """Run the recorded plan and the scenario side by side and write the reply."""
    p = prep.params
    end = horizon(prep, scenario, applied, now)
    base = run(p, prep.plan, p.stock_date, end)
    scen = run(p, applied.plan, p.stock_date, end)
    deadlines = {r: x.crossing for r, x in base.results.items() if x.crossing is not None}
    adv = None
    if any(r not in deadlines or d < deadlines[r] for d, r in scen.crossings()):
        adv = advise(prep.kb, p, applied.plan, scen, end, applied.closures, deadlines)
    dates: list[DateMention] = []
    verdict = _verdict(prep, base, scen, adv, applied, end, now, dates)
    fields: list[Field] = [Field("Scenario", "\n".join(applied.lines) or "No change")]
    fields.append(
        Field(
            "Recorded plan → scenario",
            "\n".join(_compare(res, base.results[res], scen.results[res]) for res in RESOURCES),
        )
    )
    fields.append(Field("Deliveries in the scenario", _deliveries(prep, applied, end)))
    stale, placed = _stale(prep, now)
    if stale:
        fields.append(
            Field(
                "Counted though overdue",
                "Planned for a date now past, with no launch recorded; counted on that date: "
                + "; ".join(stale),
            )
        )
    if placed:
        fields.append(Field("Dates the model placed", "; ".join(placed)))
    fields.extend(_assumption_fields(prep))
    source_ids = list(p.source_ids)
    for rid in applied.entities:
        rec = prep.kb.get(rid)
        if rec is not None:
            source_ids.extend(rec.sources)
    source_ids = list(dict.fromkeys(s for s in source_ids if s in prep.kb.sources))
    title_text = clean(text) or text.strip()
    return Reply(
        kind="whatif",
        title=f"What if {title_text}?",
        text=verdict,
        fields=tuple(fields),
        sources=source_lines(prep.kb, source_ids),
        source_ids=tuple(source_ids),
        as_of=prep.kb.as_of,
        entities=(*applied.entities, p.station_id),
        chart=Chart("whatif", f"What if {title_text}?", _chart(prep, base, scen, applied, now)),
        dates=tuple(dates),
    )
