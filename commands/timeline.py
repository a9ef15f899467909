"""A mission's or pad's dated history in one list."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.format import (
    announcement_keys,
    collect_sources,
    date_text,
    schedule_sentence,
    source_lines,
)
from commands.lookup import cut_at_sentence, resolve
from commands.reply import DateMention, Reply, error
from knowledge.dates import FuzzyDate
from knowledge.schema import CrewMember, Mission, Pad, RecordKind, Station, Topic, Vehicle

_TOPIC_LEAD_CHARS = 400  # a topic's lead before its dated entries, cut at a sentence


def timeline(ctx: Context, query: str, now: dt.date) -> Reply:
    """Every dated entry of the record: schedule changes, events, pad status changes."""
    rid = resolve(ctx, query, ("mission", "pad", "vehicle", "crew"))
    if isinstance(rid, Reply):
        # "timeline iss", "timeline iss deorbit": the station or a topic, dated by its events
        dated = _dated_other(ctx, query)
        if dated is None:
            return rid
        rid = dated
    rec = ctx.kb.get(rid)
    mentions: list[DateMention] = []
    rows: list[tuple[FuzzyDate, bool, str]] = []  # (sort date, show the date?, text)
    src: list[str] = []
    lead = ""
    if isinstance(rec, Mission):
        # A plan is dated by when it was announced; one with no announcement date keeps its
        # place in the history (just before the next announced plan), never its planned date.
        keys = announcement_keys(rec)
        for e, when in zip(rec.schedule, keys, strict=True):
            who = f" (by {e.by})" if e.by else ""
            note = f": {e.note}" if e.note else ""
            label = "plan announced" if e.announced else "plan (announcement date not recorded)"
            rows.append(
                (
                    when,
                    e.announced is not None,
                    f"{label}: {date_text(e.planned, mentions)}{who}{note}",
                )
            )
            src += e.sources
        for ev in rec.events:
            rows.append((ev.date, True, ev.what))
            src += ev.sources
        lead = schedule_sentence(ctx.kb, rec, now, mentions)
    elif isinstance(rec, Pad):
        for ev in rec.history:
            rows.append((ev.date, True, ev.what))
            src += ev.sources
    elif isinstance(rec, (Vehicle, CrewMember, Station, Topic)):
        if isinstance(rec, Topic):  # what the topic says first, then its dated entries
            lead = cut_at_sentence(rec.answer, _TOPIC_LEAD_CHARS)
        for ev in rec.events:
            rows.append((ev.date, True, ev.what))
            src += ev.sources
    else:
        return error(
            "No timeline",
            "Timelines exist for missions, pads, vehicles, crew, the station and topics.",
        )
    if rec is None:
        return error("No timeline", "That record does not exist.")
    rows.sort(key=lambda r: r[0].start)  # stable: same-day entries keep their recorded order
    body = "\n".join(
        f"• {date_text(d, mentions)}: {what}" if dated else f"• {what}" for d, dated, what in rows
    )
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


def _dated_other(ctx: Context, query: str) -> str | None:
    """The station or a topic a query names (by id or name), whose events make a timeline."""
    kinds: tuple[RecordKind, ...] = ("station", "topic")
    if ctx.kb.kinds.get(query.strip()) in kinds:
        return query.strip()
    found = ctx.index.search(query, kinds=kinds)
    return found.best.record_id if found.confident and found.best is not None else None
