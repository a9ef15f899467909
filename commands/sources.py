"""Where facts come from: a record's sources, or one source by id."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.format import collect_sources, dispute_sources
from commands.lookup import resolve
from commands.reply import Field, Reply
from knowledge.schema import Source


def _describe(s: Source) -> str:
    where = s.url or s.document or ""
    when = f" ({s.date.text()})" if s.date else ""
    return f"{s.publisher}{when}\n{where}\nReliability: {s.reliability}"


def sources(ctx: Context, query: str, now: dt.date) -> Reply:
    """List the sources behind a record (with reliability notes), or describe one source."""
    q = query.strip()
    if q in ctx.kb.sources:
        s = ctx.kb.sources[q]
        return Reply(
            kind="answer",
            title=s.title,
            text=_describe(s),
            source_ids=(s.id,),
            sources=(f"{s.publisher}: {s.title}",),
            as_of=ctx.kb.as_of,
        )
    rid = resolve(ctx, q, None)
    if isinstance(rid, Reply):
        return rid
    rec = ctx.kb.get(rid)
    assert rec is not None
    nested = [sid for f in rec.facts for sid in f.sources] + dispute_sources(rec.disputes)
    for attr in ("events", "history", "schedule", "capacities", "costs", "cargo"):
        for item in getattr(rec, attr, ()):
            nested += list(getattr(item, "sources", ()))
    ids = collect_sources(rec.sources, nested)
    fields = [
        Field(ctx.kb.sources[i].title, _describe(ctx.kb.sources[i]))
        for i in ids
        if i in ctx.kb.sources
    ]
    return Reply(
        kind="answer",
        title=f"Sources for {rec.name}",
        text=f"{len(ids)} source(s) back the record {rec.name} (id `{rec.id}`).",
        fields=tuple(fields),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(rec.id,),
    )
