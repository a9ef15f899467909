"""Text helpers shared by commands: dates relative to now, sources, disputes, amounts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from commands.reply import DateMention, Field
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.schema import PENDING, Amount, Dispute, Mission, Record, ScheduleEntry


def date_text(d: FuzzyDate, mentions: list[DateMention] | None = None) -> str:
    """A date as text; day-precision dates are also recorded for Discord timestamps."""
    text = d.text()
    if mentions is not None and d.precision == "day" and not d.net:
        mentions.append(DateMention(text, d.start))
    return text


def when_text(d: FuzzyDate, mentions: list[DateMention] | None = None) -> str:
    """A past date with its preposition: "on 16 July 2025", "in 2025", "no earlier than …"."""
    if d.net:
        return "no earlier than " + date_text(FuzzyDate(d.start, d.precision), mentions)
    return ("on " if d.precision == "day" else "in ") + date_text(d, mentions)


def day_text(d: dt.date, mentions: list[DateMention] | None = None) -> str:
    """A plain date as "30 August 2026" (recorded for Discord timestamps)."""
    return date_text(FuzzyDate(d), mentions)


def source_line(kb: KnowledgeBase, sid: str) -> str:
    """One human-readable line for a source id: publisher, title, date."""
    s = kb.sources.get(sid)
    if s is None:
        return sid
    when = f", {s.date.text()}" if s.date else ""
    return f"{s.publisher}: {s.title}{when}"


def collect_sources(*groups: Iterable[str]) -> tuple[str, ...]:
    """Source ids in first-seen order without repeats."""
    seen: dict[str, None] = {}
    for g in groups:
        for sid in g:
            seen.setdefault(sid, None)
    return tuple(seen)


SOURCES_SHOWN = 4  # publishers named under a reply; the full list is one command away


def listed(names: list[str], joiner: str = "and") -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return f" {joiner} ".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def with_article(name: str) -> str:
    """ "a Falcon 9", "an Antares", "an H3" (a spelled-out letter that sounds as a vowel)."""
    first = name.split("-")[0].split()[0] if name.strip() else ""
    spelled = bool(first) and (first.isupper() or any(c.isdigit() for c in first))
    vowel = first[:1].lower() in "aeio" or (spelled and first[:1] in _VOWEL_LETTERS)
    return f"{'an' if vowel else 'a'} {name}"


_VOWEL_LETTERS = frozenset("AEFHILMNORSX")  # letters whose names start with a vowel sound


def publisher(kb: KnowledgeBase, sid: str) -> str:
    """A source's publisher, short: "RussianSpaceWeb.com (also TASS)" -> "RussianSpaceWeb.com"."""
    if sid == "seed-article":
        return "the seed article"
    s = kb.sources.get(sid)
    if s is None:
        return sid
    short = s.publisher.split(";")[0].split(" (")[0].strip()
    return short or s.publisher


# A source the research graded weak: grade C, unverified, of uncertain quality ("B/C" is not).
_WEAK_SOURCE = re.compile(r"(?<!B/)\bgrade C\b|\bunverified\b|\bweak\b|uncertain quality", re.I)


def weak_only(kb: KnowledgeBase, ids: Iterable[str]) -> bool:
    """Whether every one of these sources is graded weak (and there is at least one)."""
    found = [kb.sources.get(s) for s in ids]
    return bool(found) and all(
        s is not None and _WEAK_SOURCE.search(s.reliability) is not None for s in found
    )


def unverified(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    """ "unverified: reported only by Arise News, a weak source" for a claim only weak
    sources make, else ""."""
    ids = tuple(ids)
    if not weak_only(kb, ids):
        return ""
    names = list(dict.fromkeys(publisher(kb, s) for s in ids))
    return f"unverified: reported only by {', '.join(names)}, graded a weak source"


def source_lines(
    kb: KnowledgeBase, ids: Iterable[str], limit: int = SOURCES_SHOWN
) -> tuple[str, ...]:
    """Short publisher names of these sources (no repeats), at most limit, then "+N more"."""
    names = list(dict.fromkeys(publisher(kb, s) for s in ids))
    shown = names[:limit]
    if len(names) > limit:
        shown.append(f"+{len(names) - limit} more (ask for the sources)")
    return tuple(shown)


def publishers(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    """Short attribution: the publishers of the given sources."""
    names = list(dict.fromkeys(publisher(kb, s) for s in ids))
    return ", ".join(names) if names else "unsourced"


def dispute_text(kb: KnowledgeBase, d: Dispute) -> str:
    """ "About: A (sources) vs B (sources). Assessment." in one paragraph."""
    claims = "; ".join(f"{c.says} ({publishers(kb, c.sources)})" for c in d.claims)
    tail = f" {d.assessment}" if d.assessment else ""
    return f"**{d.about}**: {claims}.{tail}"


def disputes_field(kb: KnowledgeBase, disputes: Iterable[Dispute]) -> Field | None:
    """A "Sources disagree" field, or None when they all agree."""
    items = [dispute_text(kb, d) for d in disputes]
    if not items:
        return None
    return Field("Sources disagree", "\n".join(f"• {i}" for i in items))


def dispute_sources(disputes: Iterable[Dispute]) -> list[str]:
    """Every source id cited by the claims of these disputes."""
    return [s for d in disputes for c in d.claims for s in c.sources]


def amount(a: Amount) -> str:
    """An amount with its note."""
    note = f" ({a.note})" if a.note else ""
    return a.text() + note


def current_plan(m: Mission) -> ScheduleEntry | None:
    """The mission's latest schedule entry: its current plan."""
    return m.schedule[-1] if m.schedule else None


def plan_passed(m: Mission, now: dt.date) -> bool:
    """Whether the mission's current plan is dated and every day it could mean is before now,
    with no launch recorded: the one test for "was planned for …; not known whether it flew"."""
    plan = current_plan(m)
    return (
        plan is not None
        and not plan.tbd
        and outcome_date(m) is None
        and m.status in PENDING
        and plan.planned.is_past(now)
    )


def announcement_keys(m: Mission) -> list[FuzzyDate]:
    """The date each schedule entry belongs at: its announcement, else its neighbours'."""
    keys: list[FuzzyDate | None] = [e.announced for e in m.schedule]
    following: FuzzyDate | None = None
    for i in range(len(keys) - 1, -1, -1):  # unannounced entries sit just before the next one
        if keys[i] is None and following is not None:
            keys[i] = following
        following = keys[i] or following
    fallback = min((k for k in keys if k is not None), key=lambda k: k.start, default=None)
    return [k or fallback or e.planned for k, e in zip(keys, m.schedule, strict=True)]


def schedule_line(e: ScheduleEntry, mentions: list[DateMention], note: bool = False) -> str:
    """ "• planned NET April 2026 by NASA, announced 24 November 2025" (with its note)."""
    who = f" by {e.by}" if e.by else ""
    when = f", announced {date_text(e.announced, mentions)}" if e.announced else ""
    said = f" — {e.note}" if note and e.note else ""
    plan = "no date (TBD)" if e.tbd else f"planned {date_text(e.planned, mentions)}"
    return f"• {plan}{who}{when}{said}"


def undated_text(m: Mission, mentions: list[DateMention] | None = None) -> str:
    """ "no date since 30 August 2026 (listed as under review); the earlier plan for NET April
    2026 is superseded", for a mission whose latest schedule entry gives no date."""
    plan = current_plan(m)
    assert plan is not None
    assert plan.tbd
    since = date_text(plan.announced or FuzzyDate(m.status_as_of), mentions)
    note = f" ({plan.note})" if plan.note else ""
    text = f"no date since {since}{note}"
    dated = [e for e in m.schedule if not e.tbd]
    if dated:
        text += f"; the earlier plan for {date_text(dated[-1].planned, mentions)} is superseded"
    return text


def outcome_date(m: Mission) -> FuzzyDate | None:
    """When the mission launched, if recorded."""
    for e in m.events:
        if e.kind == "launched":
            return e.date
    return None


def schedule_sentence(
    kb: KnowledgeBase, m: Mission, now: dt.date, mentions: list[DateMention] | None = None
) -> str:
    """Where the mission's date stands today, honest about plans that have gone by."""
    launched = outcome_date(m)
    plan = current_plan(m)
    if m.status == "cancelled":
        return f"{m.name} was cancelled (as of {day_text(m.status_as_of, mentions)})."
    if launched is not None:
        return f"{m.name} launched {when_text(launched, mentions)}."
    if m.status in ("launched", "docked", "completed", "failed"):
        return f"{m.name} has flown (status: {m.status}); its launch date is not recorded."
    if plan is None:
        return f"{m.name} has no planned date recorded (status: {m.status})."
    if plan.tbd:
        return f"{m.name} has {undated_text(m, mentions)}."
    when = date_text(plan.planned, mentions)
    since = day_text(m.status_as_of, mentions)
    if plan.planned.is_past(now):
        return (
            f"{m.name} was planned for {when}; no update recorded since {since}, "
            f"so whether it flew is not known to this fact base."
        )
    verb = "is postponed; the latest plan is" if m.status == "postponed" else "is planned for"
    return f"{m.name} {verb} {when} (last confirmed {since})."


def record_label(rec: Record) -> str:
    """The record's display name."""
    return rec.name
