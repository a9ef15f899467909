"""The ISS logistics digest: upcoming flights, schedule changes, pad status, supply margin."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from commands.changes import Change, announced_between
from commands.context import Context
from commands.format import (
    collect_sources,
    current_plan,
    date_text,
    day_text,
    outcome_date,
    schedule_sentence,
    source_lines,
)
from commands.freshness import noted
from commands.reply import DateMention, Field, Reply
from commands.upcoming import plan_line, split
from commands.whatif import baseline_summary
from knowledge.schema import PENDING, Mission

log = logging.getLogger(__name__)

DEFAULT_SINCE_DAYS = 7
PAD_NEWS_DAYS = 90
ISS_PAD_DAYS = 365  # a pad an ISS flight left this recently still serves the station
_QUIET_PAD_STATUSES = ("active", "retired", "museum")


def _upcoming(
    ctx: Context, today: dt.date, days: int, mentions: list[DateMention]
) -> tuple[list[str], list[str], list[Mission]]:
    soon, overdue = split(ctx, today, days)
    rows = [plan_line(ctx, m, mentions, precision_note=True) for m in soon[:15]]
    stale = [f"• {schedule_sentence(ctx.kb, m, today, mentions)}" for m in overdue[:8]]
    return rows, stale, soon[:15] + overdue[:8]


def iss_pads(ctx: Context, today: dt.date) -> dict[str, Mission | None]:
    """Pads that serve the ISS, each with its next planned ISS flight (None if none is planned).

    A pad serves the ISS when an ISS flight is planned from it (dates gone by included: the
    flight is still owed) or one launched from it in the last ISS_PAD_DAYS days.
    """
    pads: dict[str, Mission | None] = {}
    recent = today - dt.timedelta(days=ISS_PAD_DAYS)
    for m in ctx.kb.missions.values():
        if m.destination != "ISS" or m.pad is None or m.pad not in ctx.kb.pads:
            continue
        launched = outcome_date(m)
        if m.status in PENDING and current_plan(m) is not None:
            nxt = pads.get(m.pad)
            if nxt is None or _plan_start(m) < _plan_start(nxt):
                pads[m.pad] = m
        elif launched is not None and recent <= launched.start <= today:
            pads.setdefault(m.pad, None)
    return pads


def _plan_start(m: Mission) -> dt.date:
    plan = current_plan(m)
    return plan.planned.start if plan is not None else dt.date.max


def _pads(ctx: Context, today: dt.date, mentions: list[DateMention]) -> tuple[list[str], list[str]]:
    """Pads serving the ISS, pads out of normal service, and pads with recent news."""
    rows: list[str] = []
    src: list[str] = []
    recent = today - dt.timedelta(days=PAD_NEWS_DAYS)
    serving = iss_pads(ctx, today)
    for pad in sorted(ctx.kb.pads.values(), key=lambda p: p.name):
        news = [e for e in pad.history if recent <= e.date.start <= today]
        if pad.status in _QUIET_PAD_STATUSES and not news and pad.id not in serving:
            continue
        since = f" since {date_text(pad.status_since, mentions)}" if pad.status_since else ""
        if pad.status_since is not None and pad.status_since.start > today:
            since += f" (recorded in the fact base as of {ctx.kb.as_of.isoformat()})"
        line = f"• {pad.name} ({pad.site}): {pad.status}{since}"
        if pad.status in ("damaged", "under-repair"):
            estimates = [
                f"{e.case} {e.low_months:g}–{e.high_months:g} months"
                + (f" ({e.said_by})" if e.said_by else "")
                for e in pad.repair_estimates[:4]
            ]
            if estimates:
                line += "; repair estimates: " + ", ".join(estimates)
            for e in pad.repair_estimates[:4]:
                src += e.sources
        if news:
            last = max(news, key=lambda e: e.date.start)
            line += f"; latest: {date_text(last.date, mentions)}: {last.what.rstrip('.')}."
            src += last.sources
        nxt = serving.get(pad.id)
        if nxt is not None:
            plan = current_plan(nxt)
            assert plan is not None
            verb = "was planned for" if plan.planned.is_past(today) else "planned for"
            line += (
                f"{'' if line.endswith('.') else ';'} next ISS flight: {nxt.name}, "
                f"{verb} {date_text(plan.planned, mentions)}."
            )
            src += nxt.sources
        elif pad.id in serving:
            line += f"{'' if line.endswith('.') else ';'} no ISS flight from it is planned."
        if pad.disputes:
            line += " Sources disagree on details (ask about this pad)."
        rows.append(line)
        src += pad.sources
    return rows, src


def schedule_changes(
    ctx: Context, since: dt.date, today: dt.date, extra: Sequence[Change] = ()
) -> list[Change]:
    """Changes announced in the schedule histories after since, plus reload diffs, deduplicated."""
    seen: dict[str, Change] = {}
    for c in [*announced_between(ctx.kb, since, today), *extra]:
        seen.setdefault(c.id, c)
    return list(seen.values())


def digest(
    ctx: Context,
    now: dt.datetime,
    since: dt.datetime | None,
    days: int,
    changes: Sequence[Change] = (),
) -> Reply:
    """The digest as of now: next `days` days, changes since `since` (or a week), pads, margin.

    `changes` are base-to-base differences seen on reloads since the last digest; they are merged
    with the changes the missions' schedule histories date after `since`.
    """
    today = now.date()
    days = max(1, min(days, 3660))
    start = since.date() if since is not None else today - dt.timedelta(days=DEFAULT_SINCE_DAYS)
    mentions: list[DateMention] = []
    rows, stale, shown = _upcoming(ctx, today, days, mentions)
    text = (
        "\n".join(rows)
        if rows
        else f"No flights are planned in the next {days} days according to this fact base."
    )
    fields: list[Field] = []
    if stale:
        fields.append(Field("Planned dates that have passed without an update", "\n".join(stale)))
    found = schedule_changes(ctx, start, today, changes)
    label = (
        "since the last digest" if since is not None else f"in the last {DEFAULT_SINCE_DAYS} days"
    )
    if found:
        fields.append(
            Field(
                f"Schedule changes {label} (since {day_text(start)})",
                "\n".join(f"• {c.text}" for c in found[:12]),
            )
        )
    else:
        fields.append(Field(f"Schedule changes {label}", "None recorded."))
    pad_rows, pad_src = _pads(ctx, today, mentions)
    if pad_rows:
        fields.append(Field("Pad status", "\n".join(pad_rows)))
    try:  # an optional section: a bug in it must not cost the channel its digest
        margin = baseline_summary(ctx, today)
    except Exception:
        log.exception("the what-if baseline summary failed; digest sent without it")
        margin = None
    if margin:
        fields.append(Field("Supply margin (modelled, unchanged plan)", margin))
    src = collect_sources(*[m.sources for m in shown], *[c.sources for c in found], pad_src)
    reply = Reply(
        kind="answer",
        title=f"ISS logistics digest — {day_text(today, mentions)}",
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, src),
        source_ids=src,
        as_of=ctx.kb.as_of,
        entities=tuple(m.id for m in shown) + tuple(c.record_id for c in found),
        dates=tuple(mentions),
    )
    return noted(ctx, reply, today, operators=True)
