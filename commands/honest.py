"""Replies that say what the assistant does not know: off-base subjects, missing context,
and "did you mean" choices ranked by how much of the whole question each one covers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from commands.context import Context
from commands.format import day_text, publisher
from commands.lookup import cut_at_sentence, describe
from commands.reply import Reply, Suggestion
from commands.understand import vocabulary as vocab
from commands.understand.prefilter import Phrases
from commands.understand.thresholds import (
    SUGGEST_FOR_UNKNOWN,
    SUGGESTIONS_MAX,
    TOPIC_CONFIDENT,
    TOPIC_POSSIBLE,
)
from commands.understand.types import Question, Subject
from knowledge.text import fold, words

SCOPE = (
    "I cover ISS resupply from 2024 on: cargo and crew flights, their vehicles and pads, the "
    "people named in the news, and resupply what-ifs."
)


def untracked(ctx: Context, q: Question) -> Reply:
    """A subject the base never tracks (stock prices, the weather), with what it knows."""
    kin = next(((n, p) for n, _, p in vocab.RELATIVES if n == q.untracked), None)
    if kin is not None:
        return _relative(ctx, q, *kin)
    main = q.main()
    # a record only sharing a word with the question ("the falcons") is not shown, nor one
    # inside the untracked thing's name ("space station 13") or only where it happens
    # ("pizza near cape canaveral")
    rec = ctx.kb.get(main.record_id) if main and main.exact and _asked_of(q, main) else None
    known = ""
    if rec is not None and rec.summary:
        known = f" What I do know about {rec.name}: {cut_at_sentence(rec.summary, 200)}"
    return Reply(
        kind="suggestions",
        title="Not something I track",
        text=f"I don't track {q.untracked}. {SCOPE}{known}",
        suggestions=(Suggestion(rec.name, rec.name, rec.id),) if rec is not None else (),
        entities=(rec.id,) if rec is not None else (),
        as_of=ctx.kb.as_of,
    )


def _asked_of(q: Question, s: Subject) -> bool:
    """Whether the untracked question is asked of the record it names, not naming it as part
    of the untracked thing's name or as the place something happens near."""
    low = q.text.lower()
    if any(m.start() < s.end and s.start < m.end() for m in vocab.UNTRACKED_NAMES.finditer(low)):
        return False
    return not vocab.AS_PLACE.search(low[: s.start])


def _relative(ctx: Context, q: Question, name: str, pattern: Phrases) -> Reply:
    """An untracked thing sharing a name with a tracked one ("Falcon Heavy", "Dragon XL"):
    said to be untracked, never answered as its relative, with what the base's texts say of
    it in passing and what it knows of the relative."""
    short = name.split(" (")[0]
    rec = ctx.kb.get(q.relative) if q.relative else None
    text = f"I don't track {name}"
    if rec is None:
        text += "."
    elif ctx.kb.kind_of(rec.id) == "organization":  # "Starship": SpaceX's, not a record
        text += f", only its maker, {rec.name}."
    else:
        text += f"; it is not {rec.name}, which I do track."
    mentions = [
        p for ps in ctx.lexicon.passages.values() for p in ps if pattern.search(p.text.lower())
    ]
    mentions.sort(key=lambda p: len(p.text))
    cited: tuple[str, ...] = ()
    if mentions:
        said, where = mentions[0], ctx.kb.get(mentions[0].record_id)
        place = f" ({where.name})" if where is not None else ""
        text += f" The fact base mentions {short} only in passing: “{said.text}”{place}."
        cited = said.sources
    if rec is not None and rec.summary:
        text += f" What I do know about {rec.name}: {cut_at_sentence(rec.summary, 200)}"
    return Reply(
        kind="suggestions",
        title="Not something I track",
        text=f"{text} {SCOPE}",
        sources=tuple(publisher(ctx.kb, sid) for sid in dict.fromkeys(cited)),
        source_ids=cited,
        suggestions=(Suggestion(rec.name, rec.name, rec.id),) if rec is not None else (),
        entities=(rec.id,) if rec is not None else (),
        as_of=ctx.kb.as_of,
    )


def unknown_subject(ctx: Context, q: Question) -> Reply:
    """A name or subject no record has ("Artemis II", "Haven-1"), with what the base says of it."""
    named = [u for u in q.unknown if " " in u or any(c.isdigit() for c in u)]
    shown = f"“{named[0]}”" if named else _subject_words(q)
    said = ""
    for w in q.words:
        passages = ctx.lexicon.passages_with(w, 1)
        if passages:
            word = next((t for t in _typed(q) if words(t)[:1] == [w]), w)
            said = f" It mentions {word.capitalize()} only in passing: “{passages[0].text}”"
            break
    lead = (
        f"The fact base has no record of {shown}, so nothing to answer that with."
        if said
        else f"I have nothing on {shown}."
    )
    choices = _near_records(ctx, q)
    return Reply(
        kind="suggestions",
        title="Outside what I know",
        text=f"{lead}{said} {SCOPE}"
        + (" These are the closest things I do know:" if choices else ""),
        suggestions=tuple(choices),
        as_of=ctx.kb.as_of,
    )


def _typed(q: Question) -> list[str]:
    """The question's subject words as typed ("elon", "musk", "haven-1")."""
    return [
        t
        for t in re.findall(r"[^\W_]+(?:-\d+)?", q.text)
        if fold(t) and words(t) and words(t)[0] in q.words
    ]


def _subject_words(q: Question) -> str:
    """The question's subject words as typed ("elon musk", "haven-1"), quoted."""
    typed = _typed(q)
    return f"“{' '.join(typed[:4])}”" if typed else ", ".join(f"“{w}”" for w in q.unknown[:3])


def _near_records(ctx: Context, q: Question) -> list[Suggestion]:
    """Records close to an unknown name (never a short fuzzy match) and covering topics."""
    out: dict[str, Suggestion] = {}
    for w in q.unknown:
        typed = {c for c in fold(w) if c.isdigit()}
        for m in ctx.index.search(w).matches[:2]:
            digits = {c for c in fold(m.name) if c.isdigit()}
            if m.score >= SUGGEST_FOR_UNKNOWN and typed <= digits:
                out.setdefault(m.record_id, Suggestion(m.name, m.name, m.record_id))
    for t in q.topics[:2]:
        if t.score >= TOPIC_CONFIDENT and _covers(ctx, t.topic_id, q):
            out.setdefault(t.topic_id, Suggestion(t.title, t.title, t.topic_id))
    return list(out.values())[:SUGGESTIONS_MAX]


def _covers(ctx: Context, topic_id: str, q: Question) -> bool:
    bag = ctx.topics.vocabulary_of(topic_id)
    known = [w for w in q.words if w not in q.unknown]
    return bool(known) and all(w in bag for w in known)


def not_understood(ctx: Context, q: Question, strange: tuple[str, ...]) -> Reply:
    """A message naming records whose other words mean nothing to the base: ask what was meant,
    answer nothing."""
    typed = [t for t in re.findall(r"[^\W_]+", q.text) if words(t) and words(t)[0] in strange]
    shown = ", ".join(f"“{t}”" for t in dict.fromkeys(typed[:4]))
    recs = [r for r in (ctx.kb.get(s.record_id) for s in q.subjects) if r is not None]
    names = list(dict.fromkeys(r.name for r in recs))
    about = f" about {' and '.join(names[:2])}" if names else ""
    return Reply(
        kind="suggestions",
        title="What do you mean?",
        text=(
            f"I'm not sure what you mean: nothing in the fact base ties {shown} to "
            f"{' or '.join(names[:2]) or 'what you named'}, so I won't guess an answer. What "
            f"would you like to know{about}? For example a launch date, the cargo or the crew."
        ),
        suggestions=tuple(Suggestion(r.name, r.name, r.id) for r in recs[:SUGGESTIONS_MAX]),
        entities=tuple(dict.fromkeys(r.id for r in recs)),
        as_of=ctx.kb.as_of,
    )


def not_recorded(ctx: Context, q: Question, rid: str, now: dt.date) -> Reply:
    """A question about a record that the base has nothing on ("who replaced him" of a
    cosmonaut nobody replaced): say so, then the record's brief card."""
    card = describe(ctx, rid, now, brief=True)
    rec = ctx.kb.get(rid)
    name = rec.name if rec is not None else rid
    asked = " ".join(_typed_words(q))
    what = f"nothing on “{asked}” for {name}" if asked else f"no answer to that for {name}"
    has = _nearest_fact(ctx, q, rid, now) or card.text
    return replace(
        card,
        text=f"Not known as of {day_text(ctx.kb.as_of)}: the fact base records {what}. "
        f"What it has:\n\n{has}",
    )


def _nearest_fact(ctx: Context, q: Question, rid: str, now: dt.date) -> str | None:
    """The first sentence of a recorded fact of the record whose words share an asked word
    ("what altitude does the iss orbit at": the altitude it loses a day), else None."""
    from commands.facts import fact_answer, has_fact

    rec = ctx.kb.get(rid)
    if rec is None:
        return None
    for fact, fact_words in vocab.FACT_WORDS.items():
        if fact in q.facts or not set(q.words) & fact_words or not has_fact(rec, fact):
            continue
        found = fact_answer(ctx, rid, q, fact, now)
        if found is not None and found.known:
            return found.reply.text.split("\n\n")[0]
    return None


def _typed_words(q: Question) -> list[str]:
    return [t for t in re.findall(r"[^\W_]+", q.text) if words(t) and words(t)[0] in q.words]


def no_context(ctx: Context, q: Question, earlier: str | None = None) -> Reply:
    """A follow-up ("and its cost?") with nothing earlier to refer to: ask, never guess
    ("has he flown before": who is meant). With `earlier` (the last answer's subject), the
    follow-up fitted nothing of it: say so rather than that there was no earlier subject."""
    person = bool(vocab.PERSON_PRONOUNS.search(q.text.lower()))
    if earlier is not None:
        who = "who" if person else "what"
        text = (
            f"I can't tell {who} you mean from the last answer (about {earlier}): the fact "
            "base records nothing there that fits, so name it, e.g. “who flew on Soyuz "
            "MS-28?”."
        )
    elif person:
        text = (
            "Who do you mean? I don't have an earlier subject to go on in this "
            "conversation, so name the person, e.g. “has Jessica Meir flown before?” or "
            "“who flew on Soyuz MS-28?”."
        )
    else:
        text = (
            "I don't have an earlier subject to go on in this conversation, so name what you "
            "mean, e.g. “when does CRS-35 launch?” or “who flew on Soyuz MS-28?”."
        )
    choices: tuple[Suggestion, ...] = (Suggestion("help", "help"),)
    if not person:
        choices = (Suggestion("upcoming", "upcoming"), *choices)
    return Reply(
        kind="suggestions",
        title="What are you referring to?",
        text=text,
        suggestions=choices,
        as_of=ctx.kb.as_of,
    )


def did_you_mean(
    ctx: Context,
    q: Question,
    candidates: list[tuple[str, str]],
    why: str = "",
) -> Reply:
    """Choices for a question below the confidence bar: no repeats, the closest to the
    whole question first, and a sentence saying why the assistant is asking."""
    ranked = rank(ctx, q, candidates)
    if not ranked:
        return Reply(
            kind="suggestions",
            title="No match",
            text=(
                "I couldn't match that to anything in the fact base. " + SCOPE + " Try a "
                "mission (CRS-35), a vehicle (Cygnus), a pad (Site 31/6), a person (Oleg "
                "Artemyev) or a question such as “why is Soyuz in trouble?”."
            ),
            suggestions=tuple(
                Suggestion(label, label)
                for label in ("CRS-35", "Progress MS-33", "Baikonur Site 31/6", "upcoming")
            ),
            as_of=ctx.kb.as_of,
        )
    reason = why or (
        "Nothing in the fact base answers that question with confidence; these come closest "
        "to what you asked:"
    )
    return Reply(
        kind="suggestions",
        title="Did you mean…",
        text=reason,
        suggestions=tuple(Suggestion(name, name, rid) for name, rid in ranked),
        entities=tuple(rid for _, rid in ranked),
        as_of=ctx.kb.as_of,
    )


def rank(ctx: Context, q: Question, candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Candidates without repeats (by id or label), ordered by how much of the question each
    covers (its words, names and facts), keeping the given order among equals."""
    asked = set(words(q.text))
    scored: list[tuple[float, int, str, str]] = []
    seen_ids: set[str] = set()
    seen_labels: set[str] = set()
    for i, (label, rid) in enumerate(candidates):
        key = fold(label)
        if rid in seen_ids or key in seen_labels:
            continue
        seen_ids.add(rid)
        seen_labels.add(key)
        scored.append((_relevance(ctx, rid, asked), i, label, rid))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [(label, rid) for _, _, label, rid in scored[:SUGGESTIONS_MAX]]


def _relevance(ctx: Context, rid: str, asked: set[str]) -> float:
    if not asked:
        return 0.0
    if rid in ctx.kb.topics:
        vocab = ctx.topics.vocabulary_of(rid)
    else:
        vocab = frozenset(w for p in ctx.lexicon.passages.get(rid, ()) for w in p.words)
        rec = ctx.kb.get(rid)
        if rec is not None:
            vocab = vocab | frozenset(words(rec.name))
    return sum(ctx.lexicon.weight(w) for w in asked & vocab) / sum(
        ctx.lexicon.weight(w) for w in asked
    )


def topic_choices(q: Question) -> list[tuple[str, str]]:
    """The topics close enough to offer as choices."""
    return [(t.title, t.topic_id) for t in q.topics if t.score >= TOPIC_POSSIBLE]


def as_of_note(ctx: Context) -> str:
    """ "as of 15 May 2026" for the base."""
    return f"as of {day_text(ctx.kb.as_of)}"
