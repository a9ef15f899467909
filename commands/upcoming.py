"""The next planned events from now, and plans whose dates passed without an update."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.format import collect_sources, current_plan, date_text, day_text, source_lines
from commands.reply import DateMention, Field, Reply
from knowledge.schema import Mission

PENDING = ("planned", "postponed")


def pending(ctx: Context) -> list[tuple[Mission, dt.date]]:
    """Missions not yet flown or cancelled, with the first day of their current plan."""
    out = []
    for m in ctx.kb.missions.values():
        plan = current_plan(m)
        if m.status in PENDING and plan is not None:
            out.append((m, plan.planned.start))
    return sorted(out, key=lambda x: (x[1], x[0].name))


def upcoming(
    ctx: Context, now: dt.date, count: int = 10, days: int | None = None, kind: str = ""
) -> Reply:
    """The next count planned ISS flights after now (within days; only cargo or crew flights
    when kind says so), plus the ones whose planned dates passed without an update."""
    count = max(1, min(count, 20))
    mentions: list[DateMention] = []
    future, overdue = [], []
    for m, _start in pending(ctx):
        if m.destination != "ISS" or (kind and m.kind != kind):
            continue  # the Dream Chaser demo flies free, it does not go to the ISS
        plan = current_plan(m)
        assert plan is not None
        if plan.planned.is_past(now):
            overdue.append(m)
        elif days is None or plan.planned.start <= now + dt.timedelta(days=days):
            future.append(m)
    lines = []
    for m in future[:count]:
        plan = current_plan(m)
        assert plan is not None
        vehicle = ctx.kb.vehicles[m.vehicle].name if m.vehicle in ctx.kb.vehicles else m.vehicle
        state = " (postponed)" if m.status == "postponed" else ""
        lines.append(f"• {date_text(plan.planned, mentions)}: {m.name} — {vehicle}{state}")
    span = f" in the next {days} days" if days is not None else ""
    span += f" (only {kind} flights)" if kind else ""
    text = (
        "\n".join(lines)
        if lines
        else f"No planned events after {day_text(now)}{span} are recorded."
    )
    fields = []
    if overdue:
        rows = []
        for m in overdue[:10]:
            plan = current_plan(m)
            assert plan is not None
            rows.append(
                f"• {m.name}: was planned for {date_text(plan.planned, mentions)}; "
                f"no update recorded since {day_text(m.status_as_of, mentions)}"
            )
        fields.append(Field("Planned dates that have passed without an update", "\n".join(rows)))
    shown = future[:count] + overdue[:10]
    src = collect_sources(*[m.sources for m in shown])
    return Reply(
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
    rows: list[str] = []
    overdue: list[str] = []
    src: list[str] = []
    for m, _ in pending(ctx):
        if rid not in (m.vehicle, m.launcher, m.pad):
            continue
        plan = current_plan(m)
        assert plan is not None
        src += m.sources
        if plan.planned.is_past(now):
            overdue.append(
                f"• {m.name}: was planned for {date_text(plan.planned, mentions)}; "
                f"no update recorded since {day_text(m.status_as_of, mentions)}"
            )
        else:
            rows.append(f"• {date_text(plan.planned, mentions)}: {m.name}")
    if rows:
        text = f"Next planned flights of {rec.name}:\n" + "\n".join(rows[:count])
    else:
        text = f"No future flight of {rec.name} is recorded after {day_text(now)}."
    fields = (Field("Planned dates that have passed without an update", "\n".join(overdue)),)
    ids = collect_sources(rec.sources, src)
    return Reply(
        kind="answer",
        title=f"Upcoming: {rec.name}",
        text=text,
        fields=fields if overdue else (),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(rid,),
        dates=tuple(mentions),
    )
