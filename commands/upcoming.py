"""The next planned events from now, and plans whose dates passed without an update."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from commands.context import Context
from commands.format import (
    collect_sources,
    current_plan,
    date_text,
    day_text,
    source_lines,
)
from commands.freshness import noted
from commands.reply import DateMention, Field, Reply
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
        if plan.planned.is_past(now):
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
    rows = [plan_line(ctx, m, mentions, detail=False) for m in future]
    if rows:
        text = f"Next planned flights of {rec.name}:\n" + "\n".join(rows[:count])
    else:
        text = f"No future flight of {rec.name} is recorded after {day_text(now)}."
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
    return noted(ctx, reply, now)
