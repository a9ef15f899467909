"""BASELINE ONLY: the first release's router (commands/router.py at a62b2b6), kept verbatim but for
imports so benchmarks/answer_bench.py can time it against the new one in the same run.

Not used by the product. Do not edit its logic.
"""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from commands import compare as compare_cmd
from commands import sources as sources_cmd
from commands import timeline as timeline_cmd
from commands import upcoming as upcoming_cmd
from commands import whatif
from commands.context import Context
from commands.help import about_reply, help_reply, small_talk
from commands.lookup import describe, lookup, suggestions_reply
from commands.reply import Reply, Suggestion, error
from benchmarks.baseline_topics import STOPWORDS, TopicMatch, tokens
from knowledge.schema import RecordKind
from knowledge.search import Match

MAX_CHARS = 1000
TOPIC_CONFIDENT = 42.0
TOPIC_POSSIBLE = 22.0

COMMANDS: dict[str, tuple[RecordKind, ...] | None] = {
    "mission": ("mission",),
    "vehicle": ("vehicle",),
    "pad": ("pad",),
    "crew": ("crew",),
    "topic": ("topic",),
    "compare": None,
    "upcoming": None,
    "timeline": None,
    "sources": None,
    "help": None,
    "about": None,
}
COMMAND_ALIASES = {
    "missions": "mission",
    "flight": "mission",
    "vehicles": "vehicle",
    "spacecraft": "vehicle",
    "rocket": "vehicle",
    "pads": "pad",
    "astronaut": "crew",
    "cosmonaut": "crew",
    "person": "crew",
    "source": "sources",
    "next": "upcoming",
    "schedule": "upcoming",
    "history": "timeline",
}

_MENTION = re.compile(r"<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b", re.IGNORECASE)
_MARKDOWN = re.compile(r"[*_~`|>]+|\[([^\]]*)\]\([^)]*\)")
_WHATIF = re.compile(
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:what\s*if|whatif|what\s+happens\s+if|what\s+would\s+happen\s+if"
    r"|suppose|imagine|scenario:?)\b|^\s*if\b.*\bthen\s+what\b"
    # "if NG-24 slips 3 months ...": a plain "if" followed by a change to the plan.
    r"|^\s*if\b(?=.*\b(?:slip(?:s|ped)?|delay(?:s|ed)?|postponed|pushed|cancel(?:l?ed|s)?"
    r"|never\s+(?:flies|flew|launch(?:es|ed)?)|(?:had|has|did|does)\s*n(?:o|')t\s+(?:launch|fly|flown)"
    r"|sta(?:y|ys|yed)\s+down|moves?\s+up|grounded)\b)",
    re.IGNORECASE | re.DOTALL,
)
_COMPARE = re.compile(
    r"\bcompare\b|\bvs\.?\b|\bversus\b|\bdifference between\b"
    r"|\bwhich (?:one )?(?:is|has|carries|costs) (?:bigger|larger|heavier|more|better|cheaper)\b",
    re.I,
)
_UPCOMING = re.compile(
    r"\bupcoming\b|\bnext\s+(?:\w+\s+)?(?:launch|launches|flights?|missions?|events?)\b"
    r"|\bwhat'?s next\b|\blaunch schedule\b|\bcoming up\b|\bschedule\b",
    re.I,
)
_TIMELINE = re.compile(r"\btimeline\b|\bhistory of\b|\bchronology\b", re.I)
_SOURCES = re.compile(r"\bsources?\b|\bcitations?\b|\bwhere does .* come from\b", re.I)
_COMPARE_WORDS = re.compile(
    r"\bcompare\b|\bwhich (?:one )?(?:is|has|carries|costs) \w+\b|\bthe difference between\b",
    re.I,
)
_CARGO_FLIGHT = re.compile(r"\b(?:cargo|resupply|supply)\b", re.I)
_CREW_FLIGHT = re.compile(r"\bcrew(?:ed)?\b", re.I)
_FOLLOW_UP = re.compile(
    r"^\s*(?:and|so|ok(?:ay)?|but|also|then)\b|^\s*(?:why|how|when|who)\W*$"
    r"|\b(?:it|that|this|they|them|those|the other one|the same one)\b",
    re.I,
)
_WH = frozenset(
    {"why", "how", "what", "when", "where", "who", "which", "come", "back", "still", "yet"}
    | {m.lower() for m in calendar.month_name[1:]}
)
_LEADING = re.compile(r"^(?:(?:for|of|about|on|the|a|an|me|is|are|from|to)\s+)+", re.I)
_SMALL_TALK = re.compile(
    r"^\W*(hi|hello|hey|yo|hiya|howdy|gm|good (?:morning|evening|afternoon)|thanks|thank you"
    r"|thx|ty|cheers|lol|lmao|ok|okay|cool|nice|great|awesome|bye|goodbye"
    r"|good bot|bad bot|nice bot|thanks? capcom)\b[\W]*$",
    re.I,
)
_HELP = re.compile(
    r"^\s*(?:help|\?|commands|what can you do\??|how do i use (?:this|you)\??)\s*$", re.I
)

_COST = r"\bcost|\bprice|\bexpensive|\bcheap|\$|\bhow much (?:does|did|is) .*\b(?:cost|pay)"
_CAPACITY = (
    r"\bcapacit|\bcarr(?:y|ies)\b|\bpayload|\bup-?mass"
    r"|\bhow much (?:cargo|propellant|fuel|water)"
)
_WHEN = r"\bwhen\b|\bdate\b|\bwhat day\b|\blaunch(?:es|ing)?\b|\bscheduled?\b"
FOCUS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cost", re.compile(_COST, re.I)),
    ("capacity", re.compile(_CAPACITY, re.I)),
    ("how-long", re.compile(r"\bhow long\b", re.I)),
    ("when", re.compile(_WHEN, re.I)),
    ("who", re.compile(r"\bwho\b|\bcrew\b", re.I)),
)
# Words that ask about a record rather than add a new subject.
FOCUS_WORDS = frozenset(
    """when date day launch schedul who crew cost price expensive cheap capacity carry carri
    payload up-mass how much many long what which where is status info information about
    detail details mission flight vehicle spacecraft pad site rocket person station tell show
    give per planned plan next last latest dock docked arrive arrival cargo supply
    supplies""".split()
)
_FOCUS_STEMS = frozenset(tokens(" ".join(FOCUS_WORDS)))
WHY_HOW = re.compile(
    r"^\s*(?:why|how (?:did|does|do|come|will|would|is|are|can)"
    r"|what (?:happened|does|went|broke|caused)"
    r"|is (?:russia|roscosmos|nasa|spacex)|does |did |are there|can |should |will )",
    re.I,
)


@dataclass(frozen=True)
class Route:
    """What the router decided: a command, its arguments and an optional focus."""

    command: str
    args: tuple[str, ...] = ()
    focus: str = ""
    topics: tuple[TopicMatch, ...] = field(default=())


def clean(text: str) -> str:
    """Drop mentions, markdown and control characters; fold whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = _MENTION.sub(" ", text)
    text = re.sub(r"^\s*@\w+[,:]?\s+", " ", text)  # "@capcom hello" typed as plain text
    text = _MARKDOWN.sub(lambda m: m.group(1) or " ", text)
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)
    text = text.replace("–", "-").replace("—", "-").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def focus_of(text: str) -> str:
    """What the question asks about a record: cost, capacity, when, who, how-long or ''."""
    for name, pattern in FOCUS_PATTERNS:
        if pattern.search(text):
            return name
    return ""


def answer(ctx: Context, text: str, now: dt.date) -> Reply:
    """Answer any message. Never raises for user input."""
    if not isinstance(text, str) or not text.strip():
        return _empty()
    if len(text) > MAX_CHARS * 4:
        return error(
            "Message too long",
            f"That message is {len(text):,} characters long. Ask one question in under "
            f"{MAX_CHARS:,} characters, for example “when does CRS-35 launch?”.",
        )
    cleaned = clean(text)
    if not cleaned or not re.search(r"\w", cleaned):
        return _empty()
    if len(cleaned) > MAX_CHARS:
        return error(
            "Message too long",
            f"That question is {len(cleaned):,} characters long; please keep it under "
            f"{MAX_CHARS:,} characters.",
        )
    r = route(ctx, cleaned)
    return dispatch(ctx, r, now, cleaned)


def _empty() -> Reply:
    return error(
        "Ask me something",
        "Send a question or a name, for example “CRS-35”, “why is Soyuz in trouble?”, "
        "“compare Cygnus and Cargo Dragon” or “what if Progress MS-33 slips 6 months?”.",
        suggestions=(Suggestion("help", "help"), Suggestion("upcoming", "upcoming")),
    )


def _command_word(word: str) -> str | None:
    w = word.lower().lstrip("/!")
    if any(c.isdigit() for c in w) or len(w) < 3:
        return None
    if w in COMMANDS:
        return w
    if w in COMMAND_ALIASES:
        return COMMAND_ALIASES[w]
    if len(w) < 4:
        return None
    best = process.extractOne(w, list(COMMANDS), scorer=fuzz.ratio, score_cutoff=80)
    return str(best[0]) if best else None


def route(ctx: Context, text: str, command_words: bool = True) -> Route:
    """Decide which command answers text (already cleaned)."""
    if _WHATIF.search(text):
        return Route("whatif", (text,))
    small = _SMALL_TALK.match(text)
    if small:
        return Route("small-talk", (small.group(1).lower(),))
    if _HELP.match(text):
        return Route("help")
    if command_words:
        first, _, rest = text.partition(" ")
        cmd = _command_word(first)
        rest = _LEADING.sub("", rest)
        if cmd is not None and (rest.strip() or cmd in ("upcoming", "help", "about")):
            if cmd in ("mission", "vehicle", "pad", "crew", "topic"):
                return Route(cmd, (rest.strip(),), focus_of(text))
            if cmd == "compare":
                return Route("compare", tuple(_split_list(rest)))
            if cmd in ("timeline", "sources"):
                return Route(cmd, (rest.strip(),))
            return Route(cmd, (rest.strip(),) if rest.strip() else ())
    mentions = ctx.index.find_mentions(text)
    if _COMPARE.search(text):
        parts = _split_list(_COMPARE_WORDS.sub("", text))
        if len(parts) >= 2:
            return Route("compare", tuple(parts))
        names = [m.record_id for m in mentions if m.kind in ("vehicle", "pad")]
        if len(names) >= 2:
            return Route("compare", tuple(names))
    if _TIMELINE.search(text) and mentions:
        return Route("timeline", (mentions[0].record_id,))
    focus = focus_of(text)
    clear, ambiguous = _spans(mentions)
    residual = _residual(ctx, text, mentions)
    topic_matches = _prefer_related(ctx, tuple(ctx.topics.match(text)), clear, residual)
    top = topic_matches[0] if topic_matches else None
    if not clear and not ambiguous and _FOLLOW_UP.search(text) and len(residual - _WH) <= 2:
        return Route("no-context", (text,))
    if _SOURCES.search(text):
        if top is not None and top.score >= 75:
            return Route("sources", (top.topic_id,))
        if mentions:
            return Route("sources", (mentions[0].record_id,))
        if top is not None and top.score >= TOPIC_CONFIDENT:
            return Route("sources", (top.topic_id,))
    nxt = _next_of(text, clear)
    if nxt is not None:
        return Route("upcoming", (nxt,))
    if _UPCOMING.search(text) and not [m for m in mentions if m.kind == "mission"]:
        subject = [m.record_id for m in mentions if m.kind in ("vehicle", "pad")]
        if subject or not _unknown_words(ctx, residual):
            kind = "crew" if _CREW_FLIGHT.search(text) else ""
            kind = "cargo" if _CARGO_FLIGHT.search(text) else kind
            return Route("upcoming", tuple(subject[:1]), kind)
        return Route("search", (text,), focus_of(text))  # "starship next flight": not ours
    unknown = _unknown_designator(text, mentions) or _other_person(ctx, text, clear)
    if unknown and not WHY_HOW.search(text):
        return Route("search", (unknown,), focus, topic_matches)
    asks_why = bool(WHY_HOW.search(text))
    question_like = asks_why or "?" in text or len(tokens(text)) >= 3
    # Missions, people and pads are specific; a why-question about a vehicle family, an
    # organization or the station is usually a topic.
    specific = ("mission", "crew", "pad") if asks_why else ("mission", "crew", "vehicle", "pad")
    named = [m for m in clear if m.kind in specific]
    if not named and not ambiguous:
        strange = _unknown_words(ctx, residual)
        if strange and (top is None or top.score < 75):  # "when did 94P launch", "deorbit"
            return Route("unknown-subject", tuple(sorted(strange)), focus, topic_matches)
    if top is not None and top.score >= TOPIC_CONFIDENT and question_like:
        related = set(ctx.kb.topics[top.topic_id].related)
        covered = _covered(ctx, residual, top.topic_id, named=bool(named)) or top.score >= 75
        if named:
            # A topic beats a named record only when it is about that record, and not when the
            # question asks for one of the record's own fields (its capacity or cost).
            field_question = focus in ("capacity", "cost") and not asks_why
            about = any(m.record_id in related for m in named)
            # ... or when the message is (nearly) one of the questions the topic says it answers.
            if residual and covered and not field_question and (about or top.score >= 90):
                return Route("topic-answer", (top.topic_id,), focus, topic_matches)
        elif covered:
            about_them = any(m.record_id in related for m in clear)
            if (
                not clear
                or asks_why
                or (residual and (top.score >= 75 or (about_them and top.score >= 55)))
            ):
                return Route("topic-answer", (top.topic_id,), focus, topic_matches)
    if clear:
        best = _pick_mention(clear, focus)
        return Route("record", (best,), focus, topic_matches)
    if ambiguous:
        return Route("choose", tuple(m.record_id for m in ambiguous[0]), focus, topic_matches)
    return Route("search", (text,), focus, topic_matches)


def _distinctive(ctx: Context, residual: set[str]) -> set[str]:
    """The words that carry a question's subject: not question words, not parts of names."""
    return {w for w in residual - _WH if len(w) >= 4 and w not in ctx.topics.name_words}


def _unknown_words(ctx: Context, residual: set[str]) -> set[str]:
    """The subject words no record or topic uses, when they are what the message is about.

    "when did 94P launch", "who is elon musk", "iss deorbit vehicle": at least half of the
    distinctive words are unknown, or an unknown word carries a number (a designator).
    "lmao roscosmos dropped a cabin into the flame trench" has one unknown word of five.
    """
    words = _distinctive(ctx, residual) | {w for w in residual if any(c.isdigit() for c in w)}
    unknown = {w for w in words if not ctx.topics.knows(w)}
    if any(any(c.isdigit() for c in w) for w in unknown) or 2 * len(unknown) >= len(words) > 0:
        return unknown
    return set()


def _covered(ctx: Context, residual: set[str], topic_id: str, *, named: bool) -> bool:
    """Whether the topic speaks to the words the question adds to the names in it.

    With a named record, one of them is enough (the record narrows the subject); without,
    at least half ("what's dragon's downmass" is not about the pad Dragon launches from).
    """
    words = _distinctive(ctx, residual)
    if not words:  # only dates or question words beyond the names: the record answers
        return bool(residual) and not named
    vocab = ctx.topics.vocabulary_of(topic_id)
    hits = sum(1 for w in words if w in vocab or ctx.topics.near(w, vocab))
    return hits >= 1 if named else 2 * hits >= len(words)


def _next_of(text: str, clear: list[Match]) -> str | None:
    """The vehicle or pad in "when is the next Progress", "next Soyuz crew launch"."""
    for m in clear:
        if m.kind in ("vehicle", "pad") and re.search(r"\bnext\s+$", text[: m.start], re.I):
            return m.record_id
    return None


def _other_person(ctx: Context, text: str, clear: list[Match]) -> str:
    """ "Suni Williams" when only the surname matched a different person: the full name."""
    for m in clear:
        if m.kind != "crew" or m.start <= 0 or len(text[m.start : m.end].split()) > 1:
            continue  # only a bare surname can belong to someone else
        rec = ctx.kb.get(m.record_id)
        if rec is None:
            continue
        before = text[: m.start].split()
        if not before or not before[-1].isalpha():
            continue
        first = before[-1].casefold()
        if not before[-1][0].isupper() and ctx.topics.knows(first):
            continue  # a lower-case word the base knows is not a first name ("ask williams")
        known = {
            w.casefold()
            for n in (
                rec.name,
                *rec.aliases,
                *getattr(rec, "transliterations", ()),
                getattr(rec, "native_name", None) or "",
            )
            for w in n.split()
        }
        if first not in known and first not in STOPWORDS and first not in FOCUS_WORDS:
            return f"{before[-1]} {text[m.start : m.end]}"
    return ""


_DESIGNATOR = re.compile(r"(?<![\w-])([^\W\d_]{1,8})[- ]?(\d{1,3})(?![\w/])", re.I)


def _unknown_designator(text: str, mentions: list[Match]) -> str:
    """A flight designator ("MS-99", "CRS 36") that no mention covers, with its lead word."""
    covered = [(m.start, m.end) for m in mentions]
    for d in _DESIGNATOR.finditer(text):
        if d.group(1).lower() in ("in", "on", "at", "by", "to", "for", "of", "q", "h", "the"):
            continue
        if any(s <= d.start(2) < e for s, e in covered):
            continue
        before = text[: d.start()].split()
        lead = before[-1] if before and before[-1].isalpha() else ""
        return f"{lead} {d.group(0)}".strip()
    return ""


def _topic_fallback(ctx: Context, text: str) -> str | None:
    """A topic that answers a general what-if question the model cannot run, if one clearly does."""
    matches = ctx.topics.match(text)
    if (
        matches
        and matches[0].score >= 55
        and not ctx.index.find_mentions(text, ("mission",))
        and _covered(ctx, _residual(ctx, text, []), matches[0].topic_id, named=False)
    ):
        return matches[0].topic_id
    return None


def _prefer_related(
    ctx: Context, matches: tuple[TopicMatch, ...], clear: list[Match], residual: set[str]
) -> tuple[TopicMatch, ...]:
    """Among topics within 10 points of the best that cover the question, prefer one about a
    named record.

    "how does the H3 failure affect ISS cargo": the H3 topic, not the cargo-gap topic that
    scored a little higher on the word "cargo"; but "why did the soyuz pad break" stays with
    the pad-damage topic, not the cross-flight one that merely lists Soyuz.
    """
    if not matches or not clear:
        return matches
    named = {m.record_id for m in clear}
    best = matches[0].score
    close = [t for t in matches if best - t.score <= 10]
    covering = [t for t in close if _covered(ctx, residual, t.topic_id, named=False)]
    about = [t for t in covering if named & set(ctx.kb.topics[t.topic_id].related)]
    pick = (about or covering or [matches[0]])[0]
    return (pick, *(t for t in matches if t is not pick))


def _spans(mentions: list[Match]) -> tuple[list[Match], list[list[Match]]]:
    """Split mentions into those naming one record and groups naming several equally."""
    groups: dict[tuple[int, int], list[Match]] = {}
    for m in mentions:
        groups.setdefault((m.start, m.end), []).append(m)
    clear = [g[0] for g in groups.values() if len(g) == 1]
    ambiguous = [g for g in groups.values() if len(g) > 1]
    return clear, ambiguous


def _pick_mention(mentions: list[Match], focus: str) -> str:
    ids = [(m.record_id, m.kind) for m in mentions]
    if focus == "who":
        for rid, kind in ids:
            if kind == "crew":
                return str(rid)
    for rid, kind in ids:  # a mission or crew member is more specific than a vehicle or org
        if kind in ("mission", "crew", "pad"):
            return str(rid)
    return str(ids[0][0])


def _residual(ctx: Context, text: str, mentions: list[Match]) -> set[str]:
    """Content words of text that are neither the mentioned records' names nor focus words."""
    for m in sorted(mentions, key=lambda m: -m.start):  # the words a mention covers are its name
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    ids = [m.record_id for m in mentions]
    named: set[str] = set()
    for rid in ids:
        rec = ctx.kb.get(rid)
        if rec is None:
            continue
        for n in (rec.name, *rec.aliases, *getattr(rec, "transliterations", ())):
            named.update(tokens(n))
    out = set()
    for t in tokens(text):
        if t in named or t in _FOCUS_STEMS or t.isdigit() or len(t) <= 2:
            continue
        if any(fuzz.ratio(t, n) >= 80 for n in named):
            continue
        out.add(t)
    return out


def _split_list(text: str) -> list[str]:
    parts = re.split(
        r"\s*(?:,|\band\b|\bor\b|\bvs\.?\b|\bversus\b|\bwith\b|&)\s*", text, flags=re.I
    )
    return [p.strip(" ?.!") for p in parts if p.strip(" ?.!")]


def dispatch(ctx: Context, r: Route, now: dt.date, text: str = "") -> Reply:
    """Run the command a Route names."""
    arg = r.args[0] if r.args else ""
    if r.command == "whatif":
        reply = whatif.ask(ctx, arg or text, now)
        top = _topic_fallback(ctx, arg or text)
        if reply.kind == "error" and top is not None:  # "what happens if the ISS runs out of food"
            return describe(ctx, top, now)
        return reply
    if r.command == "help":
        return help_reply(ctx)
    if r.command == "small-talk":
        return small_talk(ctx, arg)
    if r.command == "no-context":
        return Reply(
            kind="suggestions",
            title="What are you referring to?",
            text=(
                "I answer each message on its own and don't see earlier ones, so name what you "
                "mean, e.g. “when does CRS-35 come back?” or “sources for Site 31/6”."
            ),
            suggestions=(Suggestion("upcoming", "upcoming"), Suggestion("help", "help")),
            as_of=ctx.kb.as_of,
        )
    if r.command == "unknown-subject":
        return _unknown_subject(ctx, list(r.args), r)
    if r.command == "about":
        return about_reply(ctx)
    if r.command in ("mission", "vehicle", "pad", "crew", "topic"):
        kinds = COMMANDS[r.command]
        reply = lookup(ctx, arg, now, kinds, r.focus)
        if reply.kind == "suggestions" and arg and text:
            # "crew 12 return date" is about the mission Crew-12, not a crew member "12 ...":
            # read the whole message again without treating its first word as a command.
            again = route(ctx, text, command_words=False)
            if again.command != "search" or ctx.index.search(text).confident:
                return dispatch(ctx, again, now, text)
        return reply
    if r.command == "compare":
        return compare_cmd.compare(ctx, list(r.args), now)
    if r.command == "upcoming":
        if arg and ctx.index.find_mentions(arg, kinds=("vehicle", "pad")):
            return upcoming_cmd.upcoming_for(ctx, arg, now)
        return upcoming_cmd.upcoming(ctx, now, kind=r.focus)  # "next (cargo) launch"
    if r.command == "timeline":
        return timeline_cmd.timeline(ctx, arg, now)
    if r.command == "sources":
        reply = sources_cmd.sources(ctx, arg, now)
        topics = ctx.topics.match(arg) if reply.kind == "suggestions" else []
        if topics and topics[0].score >= TOPIC_CONFIDENT:  # "source for the progress gap"
            return sources_cmd.sources(ctx, topics[0].topic_id, now)
        return reply
    if r.command == "topic-answer":
        return describe(ctx, arg, now, r.focus)
    if r.command == "record":
        return describe(ctx, arg, now, r.focus)
    if r.command == "choose":
        choices = []
        for rid in r.args:
            rec = ctx.kb.get(rid)
            choices.append((rec.name if rec else rid, rid))
        return suggestions_reply(ctx, text, choices)
    return _search(ctx, arg or text, now, r)


_QUESTION_LEAD = re.compile(
    r"^(?:what|who|where|which)(?:'s|\s+is|\s+are|\s+was)?\s+(?:the\s+|a\s+|an\s+)?"
    r"|^tell me about\s+|^(?:info|details)\s+(?:on|about)\s+",
    re.I,
)


def _unknown_subject(ctx: Context, words: list[str], r: Route) -> Reply:
    """Outside what the fact base covers: say so, with any near names as choices."""
    choices: list[tuple[str, str]] = []
    for w in words:
        for m in ctx.index.search(w).matches[:2]:
            if (m.name, m.record_id) not in choices:
                choices.append((m.name, m.record_id))
    for t in r.topics[:2]:
        if t.score >= TOPIC_POSSIBLE and (t.title, t.topic_id) not in choices:
            choices.append((t.title, t.topic_id))
    shown = ", ".join(f"“{w}”" for w in words[:3])
    return Reply(
        kind="suggestions",
        title="Outside what I know",
        text=(
            f"I have nothing on {shown}. I cover ISS resupply in 2024–2026: cargo and crew "
            "flights, their vehicles and pads, the people named in the news, and what-ifs."
            + (" Did you mean one of these?" if choices else "")
        ),
        suggestions=tuple(Suggestion(n, n, i) for n, i in choices[:5]),
        as_of=ctx.kb.as_of,
    )


def _search(ctx: Context, text: str, now: dt.date, r: Route) -> Reply:
    text = _QUESTION_LEAD.sub("", text).strip(" ?!.") or text
    result = ctx.index.search(text)
    if result.confident and result.best is not None:
        return describe(ctx, result.best.record_id, now, r.focus)
    top = r.topics[0] if r.topics else None
    strong = top is not None and top.score >= 70 and len(tokens(text)) >= 2
    covered = top is not None and _covered(
        ctx, _residual(ctx, text, []), top.topic_id, named=False
    )  # "tianzhou 9" is not the Kuiper topic because both say "launch"
    if (
        top is not None
        and top.score >= TOPIC_CONFIDENT
        and covered
        and (not result.matches or strong)
    ):
        return describe(ctx, top.topic_id, now, r.focus)  # a short question, e.g. "what's ROS"
    choices = [(m.name, m.record_id) for m in result.matches]
    for t in r.topics:
        if t.score >= TOPIC_POSSIBLE and len(choices) < 5:
            choices.append((t.title, t.topic_id))
    return suggestions_reply(ctx, text, choices)
