"""The verdict: the first sentence of a what-if reply, answering the question with the number
that matters, in plain words and at most 300 characters."""

from __future__ import annotations

import datetime as dt
import re

from commands.format import day_text
from commands.reply import DateMention
from commands.understand.prefilter import phrases
from commands.whatif.apply import CrewSet, Held, RateSet, Unboosted
from commands.whatif.baseline import Prepared
from commands.whatif.crew import level_on, same_levels
from commands.whatif.english import days, if_clause, month_text, orbit_decay, reserve_text
from commands.whatif.model import (
    DAYS_CAP,
    EVACUATION_RESOURCES,
    LABELS,
    RESOURCES,
    Delivery,
    Resource,
)
from commands.whatif.outcome import NOTABLE_DAYS, Outcome, earlier
from commands.whatif.projection import short_name

VERDICT_MAX = 300
OXYGEN_SHORT_KG = 0.05  # a smaller daily oxygen deficit (rounding) is not said
# A crossing only some ends of the estimates show is "close to the line, too close to tell"
# while the middle estimate's lowest margin is within this many days of the line; deeper, the
# middle estimate's crossing is stated, with the optimistic end that stays above.
CLOSE_CALL_DAYS = 15.0


def advice_text(o: Outcome, mentions: list[DateMention] | None) -> str:
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


def emptied(o: Outcome) -> dt.date | None:
    """The day the scenario leaves nobody aboard for good (to the end of the run) while the
    unchanged plan has a crew then, else None: an empty station uses no food, water or oxygen,
    so its margins are no answer."""
    scen = o.applied.plan.crew
    if level_on(scen, o.end) or not level_on(o.prep.baseline.plan.crew, o.end):
        return None
    days_ = sorted({o.frm, *(d for d, _ in scen if o.frm <= d <= o.end)})
    return next(d for d in days_ if all(not level_on(scen, e) for e in days_ if e >= d))


def _result(o: Outcome, mentions: list[DateMention]) -> str:
    """What the scenario does to supplies, in one clause with the number that matters.

    Decision order: a resource that falls below the reserve (or earlier) than in the unchanged
    plan; one that no longer does; one already below it that stays below longer or shorter;
    the largest change of a lowest margin; else no change.
    """
    p = o.prep.params

    def line(r: Resource) -> str:
        return reserve_text(r, p.reserve_days)

    would = _would(o)
    gone = emptied(o)
    if gone is not None:
        return (
            "with nobody aboard no food, water or oxygen is used: the model counts supplies for "
            "a crew on board, not an empty station (its systems, orbit or end of life), so it "
            "has no margin to give"
        )
    b, a = o.before, o.after
    worse = [r for r in RESOURCES if earlier(a[r].cross, b[r].cross)]
    better = [r for r in RESOURCES if earlier(b[r].cross, a[r].cross)]
    deficit = oxygen_short(o)
    if deficit and not worse:
        ox = a["oxygen"]
        verb = "would be" if would else "is"
        where = (
            _above(o, "oxygen")
            if ox.cross is None
            else f"below {line('oxygen')} from {day_text(ox.cross, mentions)}"
        )
        return (
            f"{deficit}: the lowest oxygen margin {verb} {days(ox.low)} "
            f"({round(b['oxygen'].low)} in the unchanged plan), {where}"
        )
    if worse:
        # What the crew cannot stay without comes before propellant.
        r = min(worse, key=lambda r: (r not in EVACUATION_RESOURCES, a[r].cross or dt.date.max))
        m = a[r]
        assert m.cross is not None
        if o.uncertain(r):
            return _close_call(o, r, would, mentions)
        fall = "would fall" if would else "falls"
        body = f"{LABELS[r].lower()} {fall} below {line(r)} on {day_text(m.cross, mentions)}"
        if m.out is not None:
            body += f" and {'would run' if would else 'runs'} out on {day_text(m.out, mentions)}"
            if r not in EVACUATION_RESOURCES:  # propellant: the orbit, not the crew
                body += ", then no Russian-segment reboosts"
        else:
            body += f", down to {days(m.low)}"
        if m.evac is not None and earlier(m.evac, b[r].evac):
            sure = r in o.best and o.best[r].evac is not None
            leave = f"by {day_text(m.evac, mentions)}"
            if p.evacuation_days is not None:
                leave += f" (under {p.evacuation_days:g} days left)"
            body += (
                f", so the crew would have to leave {leave}"
                if sure
                else ", perhaps low enough that the crew would have to leave"
            )
        help_ = advice_text(o, mentions)
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
        return f"{deficit}: {body}" if deficit and r == "oxygen" else body
    if better:
        r = better[0]
        cross = b[r].cross
        assert cross is not None
        return (
            f"{LABELS[r].lower()} {'would stay' if would else 'stays'} above {line(r)} "
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
    # Dips before rises (a crew sent home raises every margin; what runs lower is the risk),
    # the largest first.
    lows = sorted(
        (r for r in diffs if abs(diffs[r]) >= 1), key=lambda r: (diffs[r] > 0, -abs(diffs[r]))
    )
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
            f"below {line(longer)} ({a[longer].below} instead of {b[longer].below} days through "
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
                f" — {_above(o, r)}"
                if now_ >= p.reserve_days
                else f" — below {line(r)}, as in the unchanged plan"
            )
        parts.append(text)
    if parts:
        return "; ".join(parts)
    nothing = "supplies would not change" if would else "supplies do not change"
    if _unchanged(o):
        if _unused_pads(o):
            return f"no ISS flight launches from it, so {nothing}"
        return f"no supply or crew-rotation flight is due while it lasts, so {nothing}"
    fine = [r for r in RESOURCES if a[r].cross is None] or list(RESOURCES)
    low = min(fine, key=lambda r: (a[r].low, r))
    above = f", {_above(o, low).removeprefix('still ')}" if a[low].cross is None else ""
    was = round(b[low].low)
    if was != round(a[low].low):  # flights moved a few days: say by how much, not "stays"
        barely = "supplies would barely change" if would else "supplies barely change"
        return (
            f"{barely}: the lowest {LABELS[low].lower()} margin is {days(a[low].low)} instead "
            f"of {was}{above}"
        )
    return f"{nothing}: the lowest {LABELS[low].lower()} margin stays {days(a[low].low)}{above}"


def oxygen_short(o: Outcome) -> str:
    """When the scenario changes the crew or the oxygen made aboard and the crew then
    breathes more than is made: "a crew of 7 breathes 0.5 kg a day more oxygen than is made
    aboard (5.9 against 5.4 kg)", the same words for a crew grown or cut. Margins count days
    of the crew's whole need, so a small daily deficit moves them slowly: this says it."""
    since = [
        c.since
        for c in o.applied.changes
        if isinstance(c, CrewSet) or (isinstance(c, RateSet) and _sets_oxygen(o, c.since))
    ]
    if not since:
        return ""
    p = o.prep.params
    plan = o.applied.plan
    gens = sorted((c.since, c.value) for c in plan.rate_changes if c.name == "oxygen_generation")
    first = max(o.frm, min(since))
    days_ = sorted(
        {first}
        | {d for d, _ in plan.crew if first < d <= o.end}
        | {d for d, _ in gens if first < d <= o.end}
    )
    worst: tuple[float, float, float, int, int] | None = None
    for i, d in enumerate(days_):
        crew = level_on(plan.crew, d)
        gen = next((v for s, v in reversed(gens) if s <= d), p.rates.oxygen_generation)
        need = crew * p.rates.per_crew_day["oxygen"]
        if need - gen > OXYGEN_SHORT_KG and (worst is None or need - gen > worst[0]):
            worst = (need - gen, gen, need, crew, i)
    if worst is None:
        return ""
    gap, gen, need, crew, i = worst
    # the crew said with its days when it changes later ("a crew of 7 (to 1 March 2027)"), so
    # a crew cut to 3 from March is not read as 7 for good
    ends = next((e for e in days_[i + 1 :] if level_on(plan.crew, e) != crew), None)
    who = f"a crew of {crew}" + (f" (to {day_text(ends, [])})" if ends is not None else "")
    if gen < OXYGEN_SHORT_KG:
        return f"{who} breathes {need:.1f} kg of oxygen a day, all from the stores"
    return (
        f"{who} breathes {gap:.1f} kg a day more oxygen than is made aboard "
        f"({need:.1f} against {gen:.1f} kg)"
    )


def _sets_oxygen(o: Outcome, since: dt.date) -> bool:
    """Whether a rate change on that day is to the oxygen made aboard."""
    return any(
        c.name == "oxygen_generation" and c.since == since for c in o.applied.plan.rate_changes
    )


def _above(o: Outcome, r: Resource) -> str:
    """ "still above the 45-day reserve", or, when the pessimistic end of the estimates
    dips below it, that the margin is within the model's uncertainty of the line."""
    line = reserve_text(r, o.prep.params.reserve_days)
    if o.uncertain(r):
        return f"above {line}, but close to it (within the model's uncertainty)"
    return f"still above {line}"


def _close_call(o: Outcome, r: Resource, would: bool, mentions: list[DateMention]) -> str:
    """A crossing the estimates' optimistic end does not reach. Near the line (the middle
    estimates' lowest within CLOSE_CALL_DAYS of it): too close to tell. Deeper: the middle
    estimates' crossing, said as theirs, with the range that makes it uncertain."""
    m, lo, hi = o.after[r], o.worst[r], o.best[r]
    reserve = o.prep.params.reserve_days
    line = reserve_text(r, reserve)
    low = "empty at its lowest" if m.out is not None else f"lowest {days(m.low)}"
    spread = f"{round(lo.low)}–{round(hi.low)} across the model's estimate ranges"
    if m.cross is not None and reserve - m.low > CLOSE_CALL_DAYS:
        fall = "would fall" if would else "falls"
        body = (
            f"{LABELS[r].lower()} {fall} below {line} on {day_text(m.cross, mentions)} by the "
            f"model's middle estimates ({low}, {spread}: not certain)"
        )
        keep = "would close the gap"
    else:
        come = "would come" if would else "comes"
        body = (
            f"{LABELS[r].lower()} {come} close to {line} in {month_text(m.low_date)}, too close "
            f"to tell whether it would fall below ({low}, {spread})"
        )
        keep = "would keep it above"
    help_ = advice_text(o, mentions)
    if help_ and o.advice is not None and o.advice.closed:
        body += f"; {help_} {keep}"
    short = oxygen_short(o) if r == "oxygen" else ""
    return f"{short}: {body}" if short else body


def only_unboosted(o: Outcome) -> bool:
    """Whether the scenario's only change is that nobody reboosts the station."""
    return bool(o.applied.changes) and all(isinstance(c, Unboosted) for c in o.applied.changes)


def _unused_pads(o: Outcome) -> bool:
    """Whether the scenario only closes pads that no ISS flight, recorded or projected, uses."""
    held = [c for c in o.applied.changes if isinstance(c, Held)]
    if not held or len(held) != len(o.applied.changes):
        return False
    if any(not c.hold.pads or c.hold.vehicles for c in held):
        return False
    pads = {p for c in held for p in c.hold.pads}
    used = {d.pad for d in o.prep.recorded} | {c.pad for c in o.prep.cadences}
    return not pads & used


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


def overdue(prep: Prepared, now: dt.date) -> list[Delivery]:
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


def _unconfirmed(o: Outcome, mentions: list[DateMention]) -> str:
    """The clause naming the overdue flights the answer counts as flown ("" when none): their
    planned dates are past and the base records no launch, so the margins rest on them."""
    late = overdue(o.prep, o.today)
    if not late:
        return ""
    listed = (
        " and ".join(d.label for d in late)
        if len(late) <= 2
        else f"the {len(late)} overdue flights"
    )
    return f"assuming {listed} flew (unconfirmed as of {day_text(o.prep.kb.as_of, mentions)})"


# A pad record's sentence saying what depends on it alone.
_ONLY_PAD = phrases(r"\bsingle\s+point\s+of\s+failure\b|\bthe\s+only\s+pad\b", re.I)


def idle_pad(o: Outcome, mentions: list[DateMention]) -> tuple[str, str]:
    """When a pad closure changes nothing because every flight still planned from the pad is
    overdue: that said plainly first, and the pad record's own sentence on what depends on it
    last; ("", "") otherwise."""
    held = [c for c in o.applied.changes if isinstance(c, Held)]
    if not held or len(held) != len(o.applied.changes) or not _unchanged(o):
        return "", ""
    pads = [p for c in held for p in c.hold.pads]
    if len(pads) != 1 or any(c.hold.vehicles and not c.hold.pads for c in held):
        return "", ""
    pad = o.prep.kb.pads[pads[0]]
    late = [d for d in overdue(o.prep, o.today) if d.pad == pad.id]
    ahead = [
        d
        for d in o.prep.recorded
        if d.pad == pad.id and d.date >= o.today and not d.projected and d not in late
    ]
    if not late or ahead:
        return "", ""
    names = [d.label for d in late]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    are = "is" if len(names) == 1 else "are"
    before = (
        f"The fact base has no supply or crew-rotation flight from {pad.name} planned after today "
        f"({day_text(o.today, mentions)}): the {'one' if len(names) == 1 else 'ones'} still "
        f"recorded as planned, {listed}, {are} overdue (planned date past, no launch recorded "
        f"as of {day_text(o.prep.kb.as_of, mentions)}) and counted as flown then. "
    )
    said = [f.text for f in pad.facts if _ONLY_PAD.search(f.text)]
    after = f" {' '.join(said[0].split())}" if said else ""
    return before, after


def _unchanged(o: Outcome) -> bool:
    """Whether the scenario leaves the flights, the crew and the rates as in the plan."""
    same = {(d.key, d.date) for d in o.applied.plan.deliveries} == {
        (d.key, d.date) for d in o.prep.baseline.plan.deliveries
    }
    p = o.prep.params
    return (
        same
        and same_levels(o.applied.plan.crew, o.prep.baseline.plan.crew, p.stock_date)
        and not o.applied.plan.rate_changes
    )


def verdict(o: Outcome, mentions: list[DateMention]) -> str:
    """The first sentence: the answer to the question, with the number that matters."""
    lead = if_clause(o.applied, o.prep.kb, o.today, mentions)
    if only_unboosted(o):
        text = (
            f"{lead}, {orbit_decay(o.prep.params)}; the supply model follows food, water, oxygen "
            "and propellant, not the orbit, so it cannot date that more closely."
        )
        return text[:VERDICT_MAX]
    parts = _result(o, mentions).split("; ")
    crew = _crew_change(o, mentions)
    n = len(o.applied.changes)
    these = "this change" if n == 1 else f"these {n} changes"
    # Longest first; secondary findings give way before the main one, the overdue clause
    # before the crew change and the if-clause, and a long list of
    # changes gives way to "With these changes" (the fields and the details name them).
    late = _unconfirmed(o, [])
    tries = [
        (lead, [crew, *parts, late]),
        (lead, [crew, *parts, late.split(" (")[0]]),
        (lead, [crew, *parts]),
        (lead, [crew, *parts[:1], late]),
        (lead, [crew, *parts[:1]]),
        (lead, [*parts[:1], late]),
        (lead, parts[:1]),
        (f"With {these}", [crew, *parts[:1], late]),
        (f"With {these}", [crew, *parts[:1]]),
        (f"With {these}", [*parts[:1], late]),
        (f"With {these}", parts[:1]),
    ]
    text = ""
    for head, body in tries:
        text = f"{head}, {'; '.join(x for x in body if x)}."
        if len(text) <= VERDICT_MAX:
            break
    if late and late in text:
        _unconfirmed(o, mentions)  # record its date for Discord timestamps
    return text[:1].upper() + text[1:]


def lasting_lead(o: Outcome, asked: tuple[Resource, ...], mentions: list[DateMention]) -> str:
    """The answer to "how many days of oxygen do they have" first: how long each resource asked
    after lasts in the scenario ("Oxygen would last 201 days, to 20 June 2027 …"), or ""."""
    parts: list[str] = []
    for r in asked:
        m = o.after[r]
        label = LABELS[r]
        unsure = " (within the model's uncertainty)" if o.uncertain(r) else ""
        if m.out is not None:
            n = (m.out - o.today).days
            below = (
                f", below the reserve from {day_text(m.cross, mentions)}"
                if m.cross is not None and m.cross < m.out
                else ""
            )
            parts.append(
                f"{label} would last about {n} days, to {day_text(m.out, mentions)}{below}{unsure}"
            )
        elif m.cross is not None:  # never "would not run out" alone when it goes below the line
            line = reserve_text(r, o.prep.params.reserve_days)
            parts.append(
                f"{label} would not run out, but it falls below {line} on "
                f"{day_text(m.cross, mentions)}, to {days(m.low)} at its lowest "
                f"({month_text(m.low_date)}){unsure}"
            )
        else:
            line = reserve_text(r, o.prep.params.reserve_days)
            parts.append(
                f"{label} would not run out: its lowest is {days(m.low)}, in "
                f"{month_text(m.low_date)} ({'below' if m.cross else 'above'} {line}){unsure}"
            )
    return ("; ".join(parts) + ". ") if parts else ""
