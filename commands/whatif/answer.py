"""The what-if reply: the verdict in one sentence, at most four short fields, the chart; and the
full account behind "details"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from commands.format import day_text, source_line
from commands.reply import Chart, DateMention, Field, Reply, Suggestion, error
from commands.whatif.advice import Advice, advise
from commands.whatif.apply import Applied, CrewSet, apply
from commands.whatif.baseline import Prepared, prepare
from commands.whatif.chartdata import Curve, Marker, WhatIfChart
from commands.whatif.crew import level_on
from commands.whatif.edits import Scenario
from commands.whatif.english import days, if_clause, line, month_text
from commands.whatif.errors import ScenarioError
from commands.whatif.model import (
    DAYS_CAP,
    LABELS,
    MAX_HORIZON_DAYS,
    RESOURCES,
    Delivery,
    ModelError,
    Resource,
    Run,
    placement,
    run,
)
from commands.whatif.parser import Parser
from commands.whatif.projection import short_name
from commands.whatif.resolve import Index, Resolver
from commands.whatif.trigger import strip_lead
from knowledge.base import KnowledgeBase

DEFAULT_HORIZON_DAYS = 365
TAIL_DAYS = 180  # the horizon runs at least this long past the latest edited date
VERDICT_MAX = 300
NOTABLE_DAYS = 7  # fewer extra days below the reserve (or used up) are not worth a verdict
SOURCES_SHOWN = 4
_DID_YOU_MEAN = " Did you mean one of the choices below?"
_EXAMPLE = " For example:"
QUERY_MAX = 100  # a suggestion's query is cut at this length (commands.reply.fit)

_MODEL_NOTES = (
    "Days of supply = stock ÷ daily need (propellant: yearly use ÷ 365); water and oxygen "
    "drawn net of recovery and oxygen made aboard.",
    "A delivery adds its recorded cargo, else its vehicle's typical load (propellant: Progress "
    "only), on its docking day, else launch, else plan (NET: its start; month/quarter/year: "
    "its middle).",
    "Crew: the station record's levels, then each crew flight's people from its arrival until "
    "the next flight of that vehicle arrives (at most its typical stay plus 3 months); short "
    "private visits are not counted.",
)


@dataclass(frozen=True)
class Margin:
    """One resource over the window that matters: its lowest point and reserve crossings."""

    low: float
    low_date: dt.date
    cross: dt.date | None  # first day below the reserve
    evac: dt.date | None  # first day below the line at which the crew leaves
    out: dt.date | None  # first day with nothing left
    below: int  # days below the reserve
    empty: int  # days with nothing left


def margins(r: Run, frm: dt.date, reserve: float, evac: float | None) -> dict[Resource, Margin]:
    """Each resource's margin from frm to the end of the run."""
    i0 = min(max(0, (frm - r.start).days), r.days - 1)
    out: dict[Resource, Margin] = {}

    def first(mask: npt.NDArray[np.bool_]) -> dt.date | None:
        return r.start + dt.timedelta(days=i0 + int(np.argmax(mask))) if mask.any() else None

    for res in RESOURCES:
        s = r.supply[res][i0:]
        i = int(np.argmin(s))
        out[res] = Margin(
            float(s[i]),
            r.start + dt.timedelta(days=i0 + i),
            first(s < reserve - 1e-9),
            first(s < evac - 1e-9) if evac is not None else None,
            first(s < 0.5),
            int(np.count_nonzero(s < reserve - 1e-9)),
            int(np.count_nonzero(s < 0.5)),
        )
    return out


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
        query = re.sub(re.escape(part), s.label, text, count=1, flags=re.I) if part else text
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


@dataclass(frozen=True)
class Outcome:
    """Both runs, their margins over the window that matters, and the advice."""

    prep: Prepared
    applied: Applied
    end: dt.date
    frm: dt.date
    base: Run
    scen: Run
    before: dict[Resource, Margin]
    after: dict[Resource, Margin]
    advice: Advice | None
    today: dt.date
    dips: dict[Resource, Dip]  # where the scenario moves each resource most


def outcome(prep: Prepared, scenario: Scenario, applied: Applied, now: dt.date) -> Outcome:
    """Run the unchanged plan and the scenario over the same days."""
    p = prep.params
    today = max(now, p.stock_date)
    end = horizon(prep, scenario, applied, now)
    base = run(p, prep.baseline.plan, p.stock_date, end)
    scen = run(p, applied.plan, p.stock_date, end)
    frm = max(p.stock_date, min(today, applied.first or today))
    before = margins(base, frm, p.reserve_days, p.evacuation_days)
    after = margins(scen, frm, p.reserve_days, p.evacuation_days)
    worse = [r for r in RESOURCES if _earlier(after[r].cross, before[r].cross)]
    adv = None
    if worse:
        # The unchanged plan's own first crossings (over the whole run) stay: the advice
        # closes the gap the scenario opens.
        deadlines = {r: x.crossing for r, x in base.results.items() if x.crossing is not None}
        adv = advise(
            prep.kb, p, applied.plan, scen, end, applied.closures, deadlines, applied.grounded
        )
    return Outcome(
        prep, applied, end, frm, base, scen, before, after, adv, today, dips(base, scen, frm)
    )


@dataclass(frozen=True)
class Dip:
    """Where a scenario moves a resource most: its lowest margin over the stretch of days on
    which the two runs differ that way, in each run."""

    was: float
    now: float
    day: dt.date  # the scenario's lowest day in that stretch


def dips(base: Run, scen: Run, frm: dt.date) -> dict[Resource, Dip]:
    """Per resource that changes, the stretch (from frm) where the scenario is lower than the
    unchanged plan with the largest drop of its lowest point; else the one where it is higher
    with the largest rise. A slip shows as the dip before the late flight arrives, even when
    a later low point is the same in both runs."""
    i0 = min(max(0, (frm - base.start).days), base.days - 1)
    out: dict[Resource, Dip] = {}
    for r in RESOURCES:
        b, s = base.supply[r][i0:], scen.supply[r][i0:]
        best: tuple[float, Dip] | None = None
        for sign in (1.0, -1.0):
            mask = (b - s) * sign >= 0.5
            if not mask.any():
                continue
            edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
            for lo, hi in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True):
                if hi - lo < NOTABLE_DAYS:
                    continue  # a few days' difference (a crew handover) is not a finding
                j = int(lo) + int(np.argmin(s[lo:hi]))
                was, now_ = float(b[lo:hi].min()), float(s[j])
                if abs(now_ - was) >= 0.5 and (best is None or abs(now_ - was) > best[0]):
                    best = (abs(now_ - was), Dip(was, now_, base.start + dt.timedelta(days=i0 + j)))
            if best is not None:
                break
        if best is not None:
            out[r] = best[1]
    return out


def _advice_text(o: Outcome, mentions: list[DateMention] | None) -> str:
    """ "one extra Progress arriving by 2 March 2027", or why no flight can help."""
    adv = o.advice
    if adv is None or (not adv.flights and not adv.blocked):
        return ""
    groups: dict[str, list[dt.date]] = {}
    for f in adv.flights:
        groups.setdefault(short_name(o.prep.kb, f.vehicle), []).append(f.by)
    parts = []
    for name, whens in groups.items():
        n = len(whens)
        by = day_text(whens[0], mentions)
        if n == 1:
            parts.append(f"one extra {name} arriving by {by}")
        else:
            parts.append(f"{n} extra {name} flights (the first by {by})")
    out = " and ".join(parts)
    if adv.flights and not adv.closed:
        out += " (still not enough)"
    return out


def _result(o: Outcome, mentions: list[DateMention]) -> str:
    """What the scenario does to supplies, in one clause with the number that matters.

    Decision order: a resource that falls below the reserve (or earlier) than in the unchanged
    plan; one that no longer does; one already below it that stays below longer or shorter;
    the largest change of a lowest margin; else no change.
    """
    p = o.prep.params
    reserve = f"{p.reserve_days:.0f}-day reserve"
    would = _would(o)
    b, a = o.before, o.after
    worse = [r for r in RESOURCES if _earlier(a[r].cross, b[r].cross)]
    better = [r for r in RESOURCES if _earlier(b[r].cross, a[r].cross)]
    if worse:
        r = min(worse, key=lambda r: a[r].cross or dt.date.max)
        m = a[r]
        assert m.cross is not None
        fall = "would fall" if would else "falls"
        body = f"{LABELS[r].lower()} {fall} below the {reserve} on {day_text(m.cross, mentions)}"
        if m.out is not None:
            body += f" and {'would run' if would else 'runs'} out on {day_text(m.out, mentions)}"
        else:
            body += f", down to {days(m.low)}"
        if m.evac is not None and _earlier(m.evac, b[r].evac):
            body += ", so the crew would have to leave"
        help_ = _advice_text(o, mentions)
        closed = o.advice is not None and o.advice.closed
        if help_ and closed:
            body += f"; {help_} would close the gap"
        elif help_:
            body += f"; even {help_.removesuffix(' (still not enough)')} would not close it"
        elif o.advice is not None and o.advice.blocked:
            body += "; no flight can close the gap while it lasts"
        others = [LABELS[x].lower() for x in worse if x != r]
        if others:
            body += f" ({' and '.join(others)} too)"
        return body
    if better:
        r = better[0]
        cross = b[r].cross
        assert cross is not None
        return (
            f"{LABELS[r].lower()} {'would stay' if would else 'stays'} above the {reserve} "
            f"(the unchanged plan dips below it on {day_text(cross, mentions)})"
        )
    # Below the reserve in both: the days with none left, else the days below the reserve.
    short = [r for r in RESOURCES if b[r].cross and a[r].cross]
    empty = {r: a[r].empty - b[r].empty for r in short if a[r].empty != b[r].empty}
    below = {r: a[r].below - b[r].below for r in short if a[r].below != b[r].below}
    dips = o.dips
    diffs = {
        r: d.now - d.was
        for r, d in dips.items()
        if min(d.now, d.was) < DAYS_CAP and max(d.now, d.was) >= 2
    }
    lows = sorted((r for r in diffs if abs(diffs[r]) >= 1), key=lambda r: -abs(diffs[r]))
    parts = []
    longer: Resource | None = None
    end = month_text(o.end)
    empty = {r: n for r, n in empty.items() if abs(n) >= NOTABLE_DAYS}
    below = {r: n for r, n in below.items() if abs(n) >= NOTABLE_DAYS}
    if empty:
        longer = max(empty, key=lambda r: (abs(empty[r]), r))
        n = empty[longer]
        parts.append(
            f"{LABELS[longer].lower()} {'would be' if would else 'is'} empty {abs(n)} "
            f"{'more' if n > 0 else 'fewer'} days ({a[longer].empty} instead of "
            f"{b[longer].empty} days through {end})"
        )
    elif below:
        longer = max(below, key=lambda r: (abs(below[r]), r))
        n = below[longer]
        spend = "would spend" if would else "spends"
        parts.append(
            f"{LABELS[longer].lower()} {spend} {abs(n)} {'more' if n > 0 else 'fewer'} days "
            f"below the {reserve} ({a[longer].below} instead of {b[longer].below} days through "
            f"{end})"
        )
    for r in lows:
        if r == longer or len(parts) == 2 or (parts and abs(diffs[r]) < 10):
            continue
        d = dips[r]
        when = month_text(d.day)
        if diffs[r] < 0:
            verb = "would dip" if would else "dips"
            text = (
                f"the {LABELS[r].lower()} margin {verb} to {days(d.now)} in {when} "
                f"instead of {round(d.was)}"
            )
        else:
            verb = "would rise" if would else "rises"
            text = (
                f"the lowest {LABELS[r].lower()} margin {verb} from {round(d.was)} to {days(d.now)}"
            )
        now_ = d.now
        if not parts:
            text += (
                f" — still above the {reserve}"
                if now_ >= p.reserve_days
                else f" — below the {reserve}, as in the unchanged plan"
            )
        parts.append(text)
    if parts:
        return "; ".join(parts)
    nothing = "supplies would not change" if would else "supplies do not change"
    same = {(d.key, d.date) for d in o.applied.plan.deliveries} == {
        (d.key, d.date) for d in o.prep.baseline.plan.deliveries
    }
    if (
        same
        and o.applied.plan.crew == o.prep.baseline.plan.crew
        and not o.applied.plan.rate_changes
    ):
        return f"no flight is due while it lasts, so {nothing}"
    fine = [r for r in RESOURCES if a[r].cross is None] or list(RESOURCES)
    low = min(fine, key=lambda r: (a[r].low, r))
    return f"{nothing}: the lowest {LABELS[low].lower()} margin stays {days(a[low].low)}" + (
        f", above the {reserve}" if a[low].cross is None else ""
    )


def _would(o: Outcome) -> bool:
    """Whether the scenario rewrites the past (a flight that flew, a change before today)."""
    first = o.applied.first
    return bool(o.applied.counterfactual) or (first is not None and first < o.today)


def _crew_change(o: Outcome, mentions: list[DateMention]) -> str:
    """ "the crew is 4 instead of 7 from 11 June to 16 June 2027", when the scenario's crew
    differs from the unchanged plan's and no edit set it directly."""
    if any(isinstance(c, CrewSet) for c in o.applied.changes):
        return ""
    base, scen = o.prep.baseline.plan.crew, o.applied.plan.crew
    days_ = sorted({d for d, _ in (*base, *scen) if o.frm <= d <= o.end})
    for i, d in enumerate(days_):
        b, a = level_on(base, d), level_on(scen, d)
        if a == b:
            continue
        until = next((e for e in days_[i + 1 :] if level_on(base, e) == level_on(scen, e)), None)
        span = (
            f"from {day_text(d, mentions)} to {day_text(until, mentions)}"
            if until is not None
            else f"from {day_text(d, mentions)}"
        )
        verb = "would be" if _would(o) else "is"
        return f"the crew {verb} {a} instead of {b} {span}"
    return ""


def _earlier(x: dt.date | None, y: dt.date | None) -> bool:
    """Whether x is a day before y, None meaning never."""
    return x is not None and (y is None or x < y)


def verdict(o: Outcome, mentions: list[DateMention]) -> str:
    """The first sentence: the answer to the question, with the number that matters."""
    lead = if_clause(o.applied, o.prep.kb, o.today, mentions)
    parts = _result(o, mentions).split("; ")
    crew = _crew_change(o, mentions)
    n = len(o.applied.changes)
    these = "this change" if n == 1 else f"these {n} changes"
    # Longest first; secondary findings give way before the main one, and a long list of
    # changes gives way to "With these changes" (the fields and the details name them).
    tries = [
        (lead, [crew, *parts]),
        (lead, [crew, *parts[:1]]),
        (lead, parts[:1]),
        (f"With {these}", [crew, *parts[:1]]),
        (f"With {these}", parts[:1]),
    ]
    text = ""
    for head, body in tries:
        text = f"{head}, {'; '.join(x for x in body if x)}."
        if len(text) <= VERDICT_MAX:
            break
    return text[:1].upper() + text[1:]


def _margin_field(o: Outcome) -> Field | None:
    """Each resource's lowest margin while the runs differ, unchanged → scenario (only the
    ones that change)."""
    lines = []
    for r, d in o.dips.items():
        if abs(d.now - d.was) < 1 or max(d.now, d.was) < 2:
            continue
        was = f"{round(d.was):,}" if 0.5 <= d.was < DAYS_CAP else days(d.was)
        lines.append(f"{LABELS[r]} {was} → {days(d.now)} ({month_text(d.day, short=True)})")
    if not lines:
        return None
    return Field("Lowest margin, unchanged → scenario", "; ".join(lines))


def _tightest(o: Outcome, mentions: list[DateMention]) -> Field:
    r = min(RESOURCES, key=lambda r: (o.after[r].low, -o.after[r].below, r))
    m = o.after[r]
    reserve = o.prep.params.reserve_days
    if m.out is not None:
        value = f"{LABELS[r]} runs out on {day_text(m.out, mentions)}"
    else:
        value = f"{LABELS[r]}: {days(m.low)} on {day_text(m.low_date, mentions)}"
    if m.cross is not None:
        value += f"; below the {reserve:.0f}-day reserve {m.below} days in all"
    else:
        value += f", above the {reserve:.0f}-day reserve"
    return Field("Tightest", value)


def _overdue(prep: Prepared, now: dt.date) -> list[Delivery]:
    """Recorded flights counted on a planned date now past, with no launch recorded."""
    out = []
    for d in prep.recorded:
        m = prep.kb.missions.get(d.mission or "")
        if m is None or m.status not in ("planned", "postponed"):
            continue
        if not any(d.amounts.values()) and not d.crew:
            continue  # brings nothing the model counts
        if prep.params.stock_date <= d.date < now:
            out.append(d)
    return out


def _assumed(o: Outcome) -> Field:
    prep = o.prep
    parts: list[str] = []
    if prep.projection and prep.cadences:
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
    overdue = _overdue(prep, o.today)
    if overdue:
        names = ", ".join(d.label for d in overdue[:3])
        more = f" and {len(overdue) - 3} more" if len(overdue) > 3 else ""
        parts.append(f"{names}{more} counted on their past planned dates")
    p = prep.params
    stock = round(next(iter(p.stock_days.values())))
    same = len({round(v) for v in p.stock_days.values()}) == 1
    parts.append(
        f"stock {stock if same else 'as recorded'} days on {day_text(p.stock_date)} (assumed)"
    )
    text = ". ".join(x[:1].upper() + x[1:] for x in parts) + ". All assumptions: add “details”."
    return Field("Assumed", text)


def _sources(prep: Prepared, applied: Applied) -> tuple[list[str], list[str]]:
    """The source ids of the reply (the changed records' first, then the model's), and short
    names (publishers) for the short form."""
    ids: list[str] = []
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
    )


def answer(prep: Prepared, scenario: Scenario, applied: Applied, text: str, now: dt.date) -> Reply:
    """Run the unchanged plan and the scenario side by side and write the reply."""
    o = outcome(prep, scenario, applied, now)
    mentions: list[DateMention] = []
    head = verdict(o, mentions)
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
            sources=tuple(source_line(prep.kb, s) for s in ids),
            source_ids=tuple(ids),
            as_of=prep.kb.as_of,
            entities=(*applied.entities, prep.params.station_id),
            chart=chart,
            dates=tuple(mentions),
        )
    fields: list[Field] = []
    margin = _margin_field(o)
    if margin is not None:
        fields.append(margin)
    fields.append(_tightest(o, mentions))
    help_ = _advice_text(o, None)
    if help_:
        fields.append(Field("To close the gap", help_[:1].upper() + help_[1:]))
    fields.append(_assumed(o))
    query = f"what if {title_text.rstrip('?.! ')} details"
    return Reply(
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


def details(o: Outcome) -> tuple[Field, ...]:
    """The full account: every change, every resource, the flights, projection, crew,
    assumptions."""
    prep, applied = o.prep, o.applied
    kb = prep.kb
    fields: list[Field] = []
    lines = [*applied.notes, *(line(c, kb) for c in applied.changes)]
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
    overdue = _overdue(prep, o.today)
    if overdue:
        fields.append(
            Field(
                "Past their planned date",
                "No launch recorded; counted on the planned date: "
                + "; ".join(f"{d.label} ({d.date.isoformat()})" for d in overdue),
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
