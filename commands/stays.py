"""How long crews stay up these days, derived from the recorded launch and landing dates of
the latest finished crew flights ("how long do people stay up there now?")."""

from __future__ import annotations

import re
import statistics

from commands.context import Context
from commands.durations import Duration, flight_duration
from commands.format import collect_sources, day_text, source_lines
from commands.reply import DateMention, Reply
from commands.understand.prefilter import phrases
from commands.understand.types import Ask, Fact, Question
from knowledge.schema import Mission

RECENT_CREWS = 3  # the latest crew flights whose stays make "the typical stay now"
_DAYS_A_MONTH = 30.44
# People asked about, not one flight: "how long do people / crews / astronauts stay".
_PEOPLE = phrases(r"\b(?:people|crews|crew|astronauts?|cosmonauts?|folks|everyone)\b", re.I)


def asks_typical_stay(q: Question) -> bool:
    """A how-long question about crews' stays that names no flight and no other subject."""
    return (
        q.ask == Ask.HOW_LONG
        and Fact.STAY in q.facts
        and not q.words
        and not q.ambiguous
        and all(s.kind == "station" for s in q.subjects)
        and bool(_PEOPLE.search(q.text))
    )


def typical_stay(ctx: Context) -> Reply | None:
    """The latest finished crew flights' time up, each derived from its recorded dates, and
    the middle one in months."""
    stays: list[tuple[Mission, Duration]] = []
    for m in ctx.kb.missions.values():
        if m.kind != "crew" or "ISS" not in m.destination:
            continue
        d = flight_duration(m, ctx.kb.as_of)
        if d is not None and d.exact and not d.ongoing and not d.at_most:
            stays.append((m, d))
    if not stays:
        return None
    stays.sort(key=lambda md: max((x.date for x in md[1].mentions), default=ctx.kb.as_of))
    recent = stays[-RECENT_CREWS:][::-1]
    mentions: list[DateMention] = []
    middle = statistics.median(d.days for _, d in recent)
    each = "; ".join(f"{m.name} {d.text}" for m, d in recent)
    for _, d in recent:
        mentions += d.mentions
    ids = collect_sources(*(d.sources for _, d in recent))
    text = (
        f"The latest ISS crews spent about {round(middle / _DAYS_A_MONTH)} months up, launch "
        f"to landing (as of {day_text(ctx.kb.as_of)}): {each}."
    )
    return Reply(
        kind="answer",
        title="How long crews stay",
        text=text,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=tuple(m.id for m, _ in recent),
        dates=tuple(mentions),
    )
