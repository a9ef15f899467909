"""The next planned events from now, and plans whose dates passed without an update."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from commands.context import Context
from commands.format import (
    collect_sources,
    current_plan,
    date_text,
    day_text,
    outcome_date,
    plan_passed,
    publishers,
    source_lines,
    undated_text,
)
from commands.freshness import noted
from commands.reply import DateMention, Field, Reply
from commands.understand import vocabulary as vocab
from knowledge.dates import FuzzyDate
from knowledge.schema import PENDING, Mission


def split(
    ctx: Context, now: dt.date, days: int | None = None, keep: Callable[[Mission], bool] = bool
) -> tuple[list[Mission], list[Mission]]:
    """Missions not yet flown or cancelled that keep() accepts, by current plan then name:
    those planned from now (within days, if given) and those whose planned date has passed."""
    future: list[Mission] = []
    overdue: list[Mission] = []
    horizon = now + dt.timedelta(days=days) if days is not None else None
    for m in sorted(ctx.kb.missions.values(), key=_plan_order):
        plan = current_plan(m)
        if m.status not in PENDING or plan is None or not keep(m):
            continue
        if plan_passed(m, now) or (plan.tbd and plan.planned.is_past(now)):
            overdue.append(m)
        elif horizon is None or plan.planned.start <= horizon:
            future.append(m)
    return future, overdue


def _plan_order(m: Mission) -> tuple[dt.date, str]:
    plan = current_plan(m)
    return (plan.planned.start if plan else dt.date.max, m.name)


def plan_line(
    ctx: Context,
    m: Mission,
    mentions: list[DateMention],
    *,
    detail: bool = True,
    precision_note: bool = False,
) -> str:
    """ "• 30 August 2026: CRS-35 — Cargo Dragon 2", for a mission that has a plan."""
    plan = current_plan(m)
    assert plan is not None
    if not detail:
        return f"• {date_text(plan.planned, mentions)}: {m.name}"
    vehicle = ctx.kb.vehicles[m.vehicle].name if m.vehicle in ctx.kb.vehicles else m.vehicle
    state = " (postponed)" if m.status == "postponed" else ""
    p = plan.planned.precision
    note = f" (date known only to the {p})" if precision_note and p != "day" else ""
    return f"• {date_text(plan.planned, mentions)}: {m.name} — {vehicle}{state}{note}"


def overdue_field(missions: list[Mission], mentions: list[DateMention]) -> Field:
    """The missions whose planned date passed with no recorded outcome, said as such."""
    rows = []
    for m in missions:
        plan = current_plan(m)
        assert plan is not None
        if plan.tbd:
            rows.append(f"• {m.name}: {undated_text(m, mentions)}")
            continue
        rows.append(
            f"• {m.name}: was planned for {date_text(plan.planned, mentions)}; "
            f"no update recorded since {day_text(m.status_as_of, mentions)}"
        )
    return Field("Planned dates that have passed without an update", "\n".join(rows))


def upcoming(
    ctx: Context,
    now: dt.date,
    count: int = 10,
    days: int | None = None,
    kind: str = "",
    by: str = "",
) -> Reply:
    """The next count planned ISS flights after now (within days; only cargo or crew flights
    when kind says so; only those an organization flies or launches when `by` names it),
    plus the ones whose planned dates passed without an update."""
    count = max(1, min(count, 20))
    mentions: list[DateMention] = []

    def keep(m: Mission) -> bool:
        # The Dream Chaser demo flies free: it is not ISS traffic.
        return m.destination == "ISS" and (not kind or m.kind == kind) and _flown_by(ctx, m, by)

    future, overdue = split(ctx, now, days, keep)
    lines = [plan_line(ctx, m, mentions) for m in future[:count]]
    span = f" in the next {days} days" if days is not None else ""
    span += f" (only {kind} flights)" if kind else ""
    org = ctx.kb.get(by) if by else None
    span += f" (only {org.name}'s)" if org is not None else ""
    text = (
        "\n".join(lines)
        if lines
        else f"No planned events after {day_text(now)}{span} are recorded."
    )
    fields = [overdue_field(overdue[:10], mentions)] if overdue else []
    shown = future[:count] + overdue[:10]
    src = collect_sources(*[m.sources for m in shown])
    reply = Reply(
        kind="answer",
        title=f"Upcoming ISS traffic after {day_text(now)}",
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, src),
        source_ids=src,
        as_of=ctx.kb.as_of,
        entities=tuple(m.id for m in shown),
        dates=tuple(mentions),
    )
    return noted(ctx, reply, now)


def _flown_by(ctx: Context, m: Mission, org: str) -> bool:
    """Whether an organization flies the mission, or operates its spacecraft or rocket."""
    if not org:
        return True
    owners = {m.operator}
    for vid in (m.vehicle, m.launcher):
        v = ctx.kb.vehicles.get(vid) if vid else None
        if v is not None:
            owners.add(v.operator)
    return org in owners


def upcoming_for(ctx: Context, query: str, now: dt.date, count: int = 10) -> Reply:
    """The next planned flights of one vehicle or from one pad."""
    from commands.lookup import resolve

    found = ctx.index.find_mentions(query, kinds=("vehicle", "pad"))
    rid = found[0].record_id if len(found) == 1 else resolve(ctx, query, ("vehicle", "pad"))
    if isinstance(rid, Reply):
        return rid
    rec = ctx.kb.get(rid)
    assert rec is not None
    mentions: list[DateMention] = []
    future, overdue = split(ctx, now, keep=lambda m: rid in (m.vehicle, m.launcher, m.pad))
    future.sort(key=lambda m: _soonest(m, now))
    if future:  # the answer first: the next one, its date as recorded and whose plan it is
        text = f"The next flight of {rec.name} on record is {_planned(ctx, future[0], mentions)}."
        rows = [plan_line(ctx, m, mentions, detail=False) for m in future[1:count]]
        text += "\n\nThen:\n" + "\n".join(rows) if rows else ""
    else:
        text = f"No future flight of {rec.name} is recorded after {day_text(now)}."
        if overdue:
            which = "it has" if len(overdue) == 1 else "they have"
            text += f" Not known whether {which} flown: {_names([m.name for m in overdue])}."
    fields = (overdue_field(overdue, mentions),) if overdue else ()
    src = [s for m in sorted(future + overdue, key=_plan_order) for s in m.sources]
    ids = collect_sources(rec.sources, src)
    reply = Reply(
        kind="answer",
        title=f"Upcoming: {rec.name}",
        text=text,
        fields=fields,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(rid,),
        dates=tuple(mentions),
    )
    return noted(ctx, reply, now, after_lead=True)


def _when(m: Mission) -> FuzzyDate | None:
    """When a flight launched, else its current plan."""
    plan = current_plan(m)
    return outcome_date(m) or (plan.planned if plan is not None else None)


def upcoming_after(ctx: Context, rid: str, after: Mission, now: dt.date) -> Reply:
    """ "the next cargo dragon after crs-35": the first recorded flight of a vehicle (or from a
    pad) after a given flight, or that none is recorded (and whether that flight flew)."""
    rec = ctx.kb.get(rid)
    assert rec is not None
    return _first_after(
        ctx,
        after,
        now,
        lambda m: rid in (m.vehicle, m.launcher, m.pad),
        f"{rec.name} flight",
        rec.name,
        (rid,),
        rec.sources,
    )


def kind_after(ctx: Context, want: Want, after: Mission, now: dt.date) -> Reply:
    """ "after crew-13, what's the next crew launch": the first recorded ISS flight of the kind
    asked (any vehicle) after a given flight's date, then the one or two after it."""
    what = describe_want(want)
    label = f"Next {what}"
    return _first_after(ctx, after, now, lambda m: wanted(ctx, m, want), what, label)


def _first_after(
    ctx: Context,
    after: Mission,
    now: dt.date,
    keep: Callable[[Mission], bool],
    what: str,
    label: str,
    about: tuple[str, ...] = (),
    own_sources: list[str] | tuple[str, ...] = (),
) -> Reply:
    """The first flight keep() accepts dated after a given flight (launched, else planned), a
    passed plan said as passed, and the next ones after it; or that none is recorded."""
    mentions: list[DateMention] = []
    ref = _when(after)
    later = sorted(
        (
            (d.start, m)
            for m in ctx.kb.missions.values()
            if m.id != after.id
            and keep(m)
            and m.status != "cancelled"
            and (d := _when(m)) is not None
            and (ref is None or d.start > ref.start)
        ),
        key=lambda x: (x[0], x[1].name),
    )
    if later:
        first = _said(ctx, later[0][1], now, mentions)
        text = f"The first {what} on record after {after.name} is {first}."
        rows = [f"• {_said(ctx, m, now, mentions)}" for _, m in later[1:3]] if not about else []
        text += "\n\nThen:\n" + "\n".join(rows) if rows else ""
    else:
        text = f"No {what} after {after.name} is recorded in the fact base."
        if after.status in PENDING and ref is not None and ref.is_past(now):
            text += f" {_passed(ctx, after, mentions)}, so whether it flew is not known."
    shown = [after, *(m for _, m in later[: 1 if about else 3])]
    ids = collect_sources(own_sources, *[m.sources for m in shown])
    reply = Reply(
        kind="answer",
        title=f"{label} after {after.name}",
        text=text,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(*about, *(m.id for m in shown)),
        dates=tuple(mentions),
    )
    return noted(ctx, reply, now, after_lead=True)


def _said(ctx: Context, m: Mission, now: dt.date, mentions: list[DateMention]) -> str:
    """A flight as a schedule says it: launched on its day, else its plan (a plan whose whole
    window is behind today said as passed, never as the future)."""
    done = outcome_date(m)
    if done is not None and m.status not in PENDING:
        return f"{m.name}, launched {date_text(done, mentions)}"
    if plan_passed(m, now):
        return f"{_planned(ctx, m, mentions, passed=True)}; not known whether it flew"
    return _planned(ctx, m, mentions)


# --- a schedule question: what it narrows to, and the answer that leads with it ---------------


@dataclass(frozen=True)
class Window:
    """The days a question asks about ("in december": 1-31 December 2026) and their name."""

    start: dt.date
    end: dt.date
    label: str
    prep: str = "in"  # "ISS flights in December 2026", "… on 2 December 2026 (tomorrow)"


@dataclass(frozen=True)
class Want:
    """What a schedule question asks for: which flights (cargo or crew, whose, private or not)
    and, when it names one, a window of days."""

    kind: str = ""  # "cargo" | "crew" | ""
    countries: tuple[str, ...] = ()  # keys of vocab.COUNTRIES: "russia", "japan", …
    private: bool | None = None  # True: private astronaut missions only; False: none of them
    window: Window | None = None


_MONTHS = {
    name: i
    for i, full in enumerate(calendar.month_name)
    if full
    for name in (full.lower(), full[:3].lower())
} | {"sept": 9}


def want_of(text: str, now: dt.date) -> Want:
    """What a schedule question narrows to, read from its words (vocabulary.py's tables)."""
    low = text.lower()
    hints = [h for h, p in vocab.HINTS if p.search(low)]
    private: bool | None = None
    kind = next((h for h in hints if h in ("cargo", "crew")), "")
    if vocab.PRIVATE.search(low):
        private, kind = True, "crew"
    elif vocab.ROTATION.search(low):
        private, kind = False, "crew"
    countries = tuple(h for h in hints if h in vocab.COUNTRIES)
    return Want(kind, countries, private, window_of(low, now))


def window_of(low: str, now: dt.date) -> Window | None:
    """The days a question names: this or next month, a month (the next one of that name, from
    this month on), or "the next 60 days"."""
    m = vocab.WINDOW_SPAN.search(low)
    if m:
        n, unit = int(m["n"]), m["unit"].rstrip("s")
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        return Window(now, now + dt.timedelta(days=days), f"the next {n} {m['unit']}")
    if vocab.WINDOW_TODAY.search(low):
        return Window(now, now, f"{_day(now)} (today)", "on")
    if vocab.WINDOW_TOMORROW.search(low):
        day = now + dt.timedelta(days=1)
        return Window(day, day, f"{_day(day)} (tomorrow)", "on")
    if vocab.WINDOW_THIS_WEEK.search(low):  # from today to Sunday
        end = now + dt.timedelta(days=6 - now.weekday())
        return Window(now, end, f"the rest of this week ({_days(now, end)})")
    if vocab.WINDOW_NEXT_WEEK.search(low):  # Monday to Sunday after this week
        start = now + dt.timedelta(days=7 - now.weekday())
        end = start + dt.timedelta(days=6)
        return Window(start, end, f"next week ({_days(start, end)})")
    if vocab.WINDOW_THIS_MONTH.search(low):
        return _month(now.year, now.month)
    if vocab.WINDOW_NEXT_MONTH.search(low):
        return _month(now.year + now.month // 12, now.month % 12 + 1)
    for m in vocab.WINDOW_MONTH.finditer(low):
        word = m["month"].lower()
        if (
            word in ("may", "mar")
            and not m["year"]
            and not re.search(rf"\b(?:in|for|during|of|by|this|next)\s+{word}\b", low)
        ):
            continue  # "may" the verb, "mar" the word
        month = _MONTHS[word]
        year = int(m["year"]) if m["year"] else now.year + (month < now.month)
        return _month(year, month)
    return None


def _day(d: dt.date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def _days(start: dt.date, end: dt.date) -> str:
    """ "7-13 December 2026", "28 December 2026 - 3 January 2027"."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{_day(end)}"
    return f"{_day(start)} - {_day(end)}"


def _month(year: int, month: int) -> Window:
    last = calendar.monthrange(year, month)[1]
    return Window(
        dt.date(year, month, 1), dt.date(year, month, last), f"{calendar.month_name[month]} {year}"
    )


def wanted(ctx: Context, m: Mission, want: Want) -> bool:
    """Whether a mission is ISS traffic of the kind a question asks for."""
    from commands.understand.reader import countries_of

    if m.destination != "ISS" or (want.kind and m.kind != want.kind):
        return False
    if want.countries:
        names = {c for h in want.countries for c in vocab.COUNTRIES[h]}
        if not names & set(countries_of(ctx.kb, m.id)):
            return False
    return want.private is None or _private(ctx, m) == want.private


def _private(ctx: Context, m: Mission) -> bool:
    """A private astronaut mission: a crew flight its record (or its operator's) calls private."""
    if m.kind != "crew":
        return False
    org = ctx.kb.organizations.get(m.operator or "")
    texts = (m.summary, org.summary if org is not None else "")
    return any(re.search(r"\bprivate\b", t or "", re.I) for t in texts)


_ADJECTIVES = {"russia": "Russian", "us": "US", "japan": "Japanese", "europe": "European"}


def describe_want(want: Want, plural: bool = False) -> str:
    """ "Russian cargo flight", "crew rotation flight", "private astronaut mission", "flight"."""
    adjective = " or ".join(_ADJECTIVES[c] for c in want.countries)
    if want.private:
        noun = "private astronaut mission"
    elif want.private is False:
        noun = "crew rotation flight"
    elif want.kind:
        noun = f"{want.kind} flight"
    else:
        noun = "flight"
    noun += "s" if plural else ""
    return f"{adjective} {noun}".strip()


def asked(ctx: Context, now: dt.date, want: Want, count: int = 4) -> Reply:
    """A schedule question's answer, leading with what was asked: the next flight of the kind
    (or the flights in the window), each date at its recorded precision, and any plan of that
    kind whose dates passed with no update said as such, never as the future."""
    mentions: list[DateMention] = []
    future, overdue = split(ctx, now, keep=lambda m: wanted(ctx, m, want))
    future.sort(key=lambda m: _soonest(m, now))
    if want.window is not None:
        lead, shown = _window_lead(ctx, want, future, mentions)
        title = f"ISS {describe_want(want, plural=True)} {want.window.prep} {want.window.label}"
        rest: list[Mission] = []
    else:
        lead, shown = _next_lead(ctx, now, want, future, overdue, mentions)
        title = f"Next {describe_want(want)} to the ISS"
        rest = [m for m in future if m not in shown][:count]
    if overdue and not (len(overdue) == 1 and not future and want.window is None):
        which = "it has" if len(overdue) == 1 else "they have"
        lead += (
            f" Not known whether {which} flown: {_names([m.name for m in overdue])}, whose "
            "planned dates passed with no update (below)."
        )
        fields = [overdue_field(overdue[:10], mentions)]
    else:
        fields = []
    lines = [plan_line(ctx, m, mentions) for m in rest]
    text = lead + ("\n\nAlso planned:\n" + "\n".join(lines) if lines else "")
    listed = [*shown, *rest, *overdue[:10]]
    src = collect_sources(*[m.sources for m in listed])
    reply = Reply(
        kind="answer",
        title=title,
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, src),
        source_ids=src,
        as_of=ctx.kb.as_of,
        entities=tuple(dict.fromkeys(m.id for m in listed)),
        dates=tuple(mentions),
    )
    return noted(ctx, reply, now, after_lead=True)


def _soonest(m: Mission, now: dt.date) -> tuple[dt.date, dt.date, str]:
    """Order for "what is next": the earliest day a plan allows from now on, then the tighter
    plan first (a November plan before one that says only "no earlier than Q4")."""
    plan = current_plan(m)
    assert plan is not None
    d = plan.planned
    end = dt.date.max if d.net else d.end
    return (max(d.start, now), end, m.name)


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _planned(ctx: Context, m: Mission, mentions: list[DateMention], *, passed: bool = False) -> str:
    """ "Progress MS-36 (Progress MS), planned for November 2026 (per <publisher>)"; passed:
    "…, which was planned for November 2026 (per …); no update recorded since …"."""
    plan = current_plan(m)
    assert plan is not None
    vehicle = ctx.kb.vehicles[m.vehicle].name if m.vehicle in ctx.kb.vehicles else m.vehicle
    when = plan.planned
    if when.net:
        date = "no earlier than " + date_text(type(when)(when.start, when.precision), mentions)
    else:
        date = "for " + date_text(when, mentions)
    state = ", postponed" if m.status == "postponed" else ""
    who = publishers(ctx.kb, plan.sources or m.sources)
    if passed:
        since = day_text(m.status_as_of, mentions)
        return (
            f"{m.name} ({vehicle}{state}), which was planned {date} (per {who}); no update "
            f"recorded since {since}"
        )
    return f"{m.name} ({vehicle}{state}), planned {date} (per {who})"


def _passed(ctx: Context, m: Mission, mentions: list[DateMention]) -> str:
    """ "HTV-X2 was planned for NET Q3 2026, with no update recorded since 1 April 2026"."""
    plan = current_plan(m)
    assert plan is not None
    if plan.tbd:
        return f"{m.name} has {undated_text(m, mentions)}"
    return (
        f"{m.name} was planned for {date_text(plan.planned, mentions)}, with no update "
        f"recorded since {day_text(m.status_as_of, mentions)}"
    )


def _last_flown(ctx: Context, want: Want) -> Mission | None:
    """The latest flight of the kind with a recorded launch."""
    flown = [
        (d.start, m)
        for m in ctx.kb.missions.values()
        if m.status not in PENDING and wanted(ctx, m, want) and (d := outcome_date(m)) is not None
    ]
    return max(flown, key=lambda x: x[0])[1] if flown else None


def _next_lead(
    ctx: Context,
    now: dt.date,
    want: Want,
    future: list[Mission],
    overdue: list[Mission],
    mentions: list[DateMention],
) -> tuple[str, list[Mission]]:
    what = describe_want(want)
    if future:
        first = future[0]
        lead = f"The next {what} to the ISS on record is {_planned(ctx, first, mentions)}."
        plan = current_plan(first)
        assert plan is not None
        end = plan.planned.end
        rivals = [m for m in future[1:] if _soonest(m, now)[0] <= end]
        if rivals:  # a coarser plan that may come first
            names = "; ".join(_planned(ctx, m, mentions) for m in rivals[:2])
            lead += f" {names} could come as early: its plan is coarser."
        return lead, [first, *rivals[:2]]
    if len(overdue) == 1:
        return (
            f"{_passed(ctx, overdue[0], mentions)}: not known whether it has flown; no later "
            f"{what} to the ISS is recorded.",
            [],
        )
    lead = f"No {what} to the ISS is recorded as planned after {day_text(now, mentions)}."
    last = _last_flown(ctx, want)
    if last is not None:
        when = outcome_date(last)
        assert when is not None
        lead += f" The last recorded was {last.name}, launched {date_text(when, mentions)}."
    return lead, []


def _window_lead(
    ctx: Context,
    want: Want,
    future: list[Mission],
    mentions: list[DateMention],
) -> tuple[str, list[Mission]]:
    """In the window: plans whose earliest day falls in it; could be: plans from before it whose
    span (or NET date) reaches into it."""
    w = want.window
    assert w is not None
    inside, possible = [], []
    for m in future:
        plan = current_plan(m)
        assert plan is not None
        d = plan.planned
        if w.start <= d.start <= w.end:
            inside.append(m)
        elif d.start < w.start and (d.net or d.end >= w.start):
            possible.append(m)
    what = describe_want(want)
    if inside:
        lead = f"Planned for {w.label}: " + "; ".join(_planned(ctx, m, mentions) for m in inside)
        lead += "."
    else:
        lead = f"No {what} to the ISS is planned for {w.label} in the fact base."
    if possible:
        names = "; ".join(_planned(ctx, m, mentions) for m in possible)
        lead += f" It could still include {names}, as that plan is no more precise."
    return lead, inside + possible
