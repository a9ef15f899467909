"""A mission's or pad's dated history in one list."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.format import collect_sources, date_text, schedule_sentence, source_lines
from commands.lookup import resolve
from commands.reply import DateMention, Reply, error
from knowledge.dates import FuzzyDate
from knowledge.schema import CrewMember, Mission, Pad, Vehicle


def timeline(ctx: Context, query: str, now: dt.date) -> Reply:
    """Every dated entry of the record: schedule changes, events, pad status changes."""
    rid = resolve(ctx, query, ("mission", "pad", "vehicle", "crew"))
    if isinstance(rid, Reply):
        return rid
    rec = ctx.kb.get(rid)
    mentions: list[DateMention] = []
    rows: list[tuple[FuzzyDate, str]] = []
    src: list[str] = []
    lead = ""
    if isinstance(rec, Mission):
        for e in rec.schedule:
            when = e.announced or e.planned
            who = f" {e.by}" if e.by else ""
            note = f" ({e.note})" if e.note else ""
            rows.append((when, f"planned for {date_text(e.planned, mentions)}{who}{note}"))
            src += e.sources
        for ev in rec.events:
            rows.append((ev.date, ev.what))
            src += ev.sources
        lead = schedule_sentence(ctx.kb, rec, now, mentions)
    elif isinstance(rec, Pad):
        for ev in rec.history:
            rows.append((ev.date, ev.what))
            src += ev.sources
    elif isinstance(rec, (Vehicle, CrewMember)):
        for ev in rec.events:
            rows.append((ev.date, ev.what))
            src += ev.sources
    else:
        return error("No timeline", "Timelines exist for missions, pads, vehicles and crew.")
    if rec is None:
        return error("No timeline", "That record does not exist.")
    rows.sort(key=lambda r: r[0].start)
    body = "\n".join(f"• {date_text(d, mentions)}: {what}" for d, what in rows)
    ids = collect_sources(rec.sources, src)
    return Reply(
        kind="answer",
        title=f"Timeline: {rec.name}",
        text=(lead + "\n\n" if lead else "") + (body or "No dated entries are recorded."),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(rec.id,),
        dates=tuple(mentions),
    )
