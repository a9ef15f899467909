"""Free text -> Reply: the one entry point every surface calls (DMs, /ask, `capcom ask`).

Decision order for a message:
1. Clean it (mentions, markdown, control characters); empty or absurdly long is an error.
2. A what-if (commands.whatif.looks_like_whatif: "what if", "wat if", "suppose", "if ...
   then what", ...) goes to the what-if command; greetings, thanks and "help" are chat.
3. A leading command word from the command table ("vehicel dragon", "timeline crs-35").
4. Read it into a Question (commands/understand/reader.py): what is asked, about what.
5. A follow-up with no subject of its own takes the last exchange's subject (and, when it
   asks nothing new, its question); with no last exchange it asks, never guesses.
6. Subjects the base never tracks, or names it does not know, are said to be so.
7. Compare, count and "what's next" questions; then a fact of a named record (the first
   sentence states it); a why-question goes to the topic about its subject; a name alone
   is the record's brief card.
8. Topics that cover the question's subject words answer questions naming no record.
9. Below every bar: "did you mean", ranked by how much of the question each choice covers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from commands import bounds, claimed, honest, said, whatif
from commands import compare as compare_cmd
from commands import upcoming as upcoming_cmd
from commands.clean import strip_escapes
from commands.context import Context
from commands.conversation import Conversation, Turn
from commands.count import count, crew_aboard_at
from commands.delay import asks_delay, delay_answer
from commands.facts import (
    FLIGHT_FACTS,
    Lead,
    fact_answer,
    family_aboard,
    finish,
    flew_again,
    flown_on,
    has_fact,
    names,
)
from commands.fill import asks_fill, fill_answer
from commands.format import collect_sources, day_text, outcome_date, source_lines
from commands.freshness import NOTE_OPENS
from commands.help import help_reply, small_talk
from commands.keepup import keep_up
from commands.linked import linked_passages, neighbours, says_words
from commands.lookup import describe
from commands.mentions import mentioned_flights
from commands.reasons import Reason, gives_reason, reason_for
from commands.registry import BY_COMMAND, split_list
from commands.relief import asks_relief, relief_answer
from commands.reply import Field, Reply, error
from commands.since import asks_since, since_answer
from commands.stated import stated_count
from commands.stays import asks_typical_stay, typical_stay
from commands.topics import QUESTION_FORMS, lead_sentence
from commands.understand import vocabulary as vocab
from commands.understand.lexicon import Passage
from commands.understand.parts import read_parts
from commands.understand.prefilter import phrases
from commands.understand.reader import countries_of, fits_hint, read, unaccounted
from commands.understand.thresholds import (
    AFFIRM_PREFIX,
    ASIDE_TOPIC_WORDS,
    CLAIM_PASSAGES,
    COMMAND_WORD_SCORE,
    FRAGMENT_WORDS,
    SENTENCE_SHARE,
    TOPIC_ABOUT_RECORD,
    TOPIC_CONFIDENT,
    TOPIC_COVER_SHARE,
    TOPIC_FIELD_QUESTION,
    TOPIC_OWN_WORDS,
    TOPIC_POSSIBLE,
    TOPIC_SURE,
    TOPIC_VERBATIM,
)
from commands.understand.types import Ask, Chat, Command, Fact, Question, Subject
from knowledge.dates import MONTH_NAMES
from knowledge.names import names_of
from knowledge.schema import CrewMember, Mission, Record, Topic, Vehicle
from knowledge.text import fold, fold_tokens, sentences, stem, words

MAX_CHARS = 1000

_MENTION = phrases(r"<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b", re.IGNORECASE)
_MARKDOWN = phrases(r"[*_~`|>]+|\[([^\]]*)\]\([^)]*\)")
_LEADING = phrases(r"^(?:(?:for|of|about|on|the|a|an|me|is|are|from|to)\s+)+", re.I)

# Facts that answer each form of question when the question names none.
DEFAULT_FACTS: dict[Ask, tuple[Fact, ...]] = {
    Ask.WHEN: (Fact.LAUNCH,),
    Ask.WHERE: (Fact.PAD, Fact.AGENCY),
    Ask.WHO: (Fact.CREW, Fact.OPERATOR, Fact.AGENCY),
    Ask.HOW_MUCH: (Fact.COST, Fact.CAPACITY, Fact.CARGO),
    Ask.HOW_LONG: (Fact.STAY, Fact.DAYS_IN_SPACE, Fact.STATUS),
    Ask.STATUS: (Fact.STATUS,),
    Ask.HOW_MANY: (Fact.CREW_SIZE,),
}
# Facts a record may not record while a topic about it does (a planned return, a stay): when
# the record's answer is "not recorded", a topic about the record that nearly matches wins.
TOPIC_KNOWS_BETTER = frozenset({Fact.LANDING, Fact.UNDOCKING, Fact.DOCKING, Fact.STAY, Fact.COST})
# The facts that fit each form of question best, tried first.
ASK_FACTS: dict[Ask, tuple[Fact, ...]] = {
    Ask.WHO: (Fact.CREW, Fact.OPERATOR, Fact.BUILDER, Fact.AGENCY),
    Ask.WHEN: (
        Fact.DOCKING, Fact.UNDOCKING, Fact.LANDING, Fact.FIRST_FLIGHT, Fact.LAUNCH,
    ),
    Ask.WHERE: (Fact.PAD,),
    Ask.HOW_MUCH: (Fact.MASS, Fact.COST, Fact.CAPACITY, Fact.CARGO),
    Ask.HOW_LONG: (Fact.DAYS_IN_SPACE, Fact.STAY),
}  # fmt: skip


def is_whatif(text: str) -> bool:
    """Whether a (cleaned) message is a what-if, which the resupply model answers."""
    return whatif.looks_like_whatif(text)


def clean(text: str) -> str:
    """Drop mentions, markdown and control characters; fold whitespace."""
    text = unicodedata.normalize("NFKC", strip_escapes(text))
    text = _MENTION.sub(" ", text)
    text = re.sub(r"^\s*@\w+[,:]?\s+", " ", text)  # "@capcom hello" typed as plain text
    text = _MARKDOWN.sub(lambda m: m.group(1) or " ", text)
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)
    text = text.replace("–", "-").replace("—", "-").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def costly(text: str) -> bool:
    """Whether answering raw text runs a what-if (a model run and a chart): budgeted per user."""
    return is_whatif(clean(text))


def answer(
    ctx: Context, text: str, now: dt.date, conversation: Conversation | None = None
) -> Reply:
    """Answer any message; with a conversation, follow-ups refer to its last exchange."""
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
    last = conversation.recall() if conversation is not None else None
    reply, question = respond(ctx, cleaned, now, last)
    if conversation is not None and question is not None:
        subjects, others = _subjects_of(ctx, reply)
        conversation.remember(question, subjects, others, _named_in(ctx, reply))
    return reply


def _empty() -> Reply:
    from commands.reply import Suggestion

    return error(
        "Ask me something",
        "Send a question or a name, for example “CRS-35”, “why is Soyuz in trouble?”, "
        "“compare Cygnus and Cargo Dragon” or “what if Progress MS-33 slips 6 months?”.",
        suggestions=(Suggestion("help", "help"), Suggestion("upcoming", "upcoming")),
    )


def _subjects_of(ctx: Context, reply: Reply) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an answer was about (for follow-ups): its records, then a mission's crew."""
    if reply.kind not in ("answer", "whatif"):
        return (), ()
    ids = [e for e in reply.entities if ctx.kb.get(e) is not None]
    named = list(ids)
    for rid in named:
        m = ctx.kb.missions.get(rid)
        if m is not None:
            ids += [c for c in m.crew if c not in ids]
    return tuple(ids), tuple(named[1:])  # "the other one": the next record the answer named


def _named_in(ctx: Context, reply: Reply) -> tuple[str, ...]:
    """The records the answer's lead (its text up to the first blank line) names, in the
    order it names them: what "that pad" or "those guys" can point at next."""
    if reply.kind != "answer":
        return ()
    lead = reply.text.split("\n\n", 1)[0]
    found = sorted(ctx.index.find_mentions(lead), key=lambda m: m.start)
    return tuple(dict.fromkeys(m.record_id for m in found))


def respond(
    ctx: Context, text: str, now: dt.date, last: Turn | None = None
) -> tuple[Reply, Question | None]:
    """The reply to a cleaned message, and the Question it was read as (None for chat)."""
    carried = _quantity_carried(ctx, text, now, last)
    if carried is not None:  # "ok so for the whole crew for a month?" after a per-day amount
        return carried
    quantity = whatif.asked_quantity(ctx, text, now, last)  # "how many X to replace Y's cargo"
    if quantity is not None:  # remembered: a fragment next ("and for 7 people?") carries it
        return quantity, Question(text, Ask.HOW_MUCH)
    if is_whatif(text):
        # "say 8 ppl were aboard, can the oxygen generator keep up": generation against the
        # need, not a supply run
        kept = keep_up(ctx, text)
        return (kept or whatif.ask(ctx, text, now)), None
    chat = next((c for c, p in vocab.CHAT if p.match(text)), None)
    if chat is not None:
        return (help_reply(ctx) if chat == Chat.HELP else small_talk(ctx, chat.value)), None
    both = _two_asks(ctx, text, now, last)
    if both is not None:
        return both
    russian = ctx.lexicon.russian(text)  # "... или нет?" -> "... or not?"
    # "... or nah": a yes/no question; so is a Russian question with no question word
    # ("Прогресс МС-34 отстыковался?", "пристыковался ли ..."), which no verb leads
    tagged = bool(vocab.YES_NO_TAG.search(russian)) or (
        russian != text
        and bool(vocab.RUSSIAN_YES_NO.search(text))
        and not vocab.WH_WORD.search(russian)
    )
    text = russian
    text = ctx.lexicon.unclip(vocab.unslang(text))  # "whens the next
    # prog lol" -> "when is the next progress": Russian, chat spellings and clipped names
    # written out
    text = vocab.dated_years(text, now.year)  # "last year": the year it names from today
    by_word = _command(ctx, text, now)
    if by_word is not None:
        return by_word
    q = replace(read(ctx, bounds.blanked(text)), text=text)  # "in under 8 hours": no subject
    if tagged and q.ask in (Ask.WHAT, Ask.DESCRIBE, Ask.STATUS):
        q = replace(q, ask=Ask.YES_NO)
    q = _vehicle_pad(ctx, q) or q  # "is the soyuz pad working": Site 31/6, not Soyuz MS
    pronoun = bool(vocab.PRONOUNS.search(text.lower()))
    if q.ask == Ask.COMPARE and len(q.subjects) == 1 and last is not None and pronoun:
        rid = last.subjects[0]  # "compare it with cygnus": the remembered record is the other
        rec, kind = ctx.kb.get(rid), ctx.kb.kind_of(rid)
        if rec is not None and kind is not None and rid not in q.record_ids:
            q = replace(q, subjects=(Subject(rid, kind, rec.name, -1, -1, True), *q.subjects))
    next_one = vocab.NEIGHBOUR.search(q.text)
    if (
        q.refers_back
        and last is None
        and q.ask == Ask.LIST
        and (q.hint or (next_one is not None and next_one.group("next")))
    ):
        # "when's the next one going up", with nothing earlier: the schedule's next flight
        # "when's the japanese one going up", with nothing earlier: the flights that fit
        q = replace(q, refers_back=False)
    if _aside(ctx, q, last):  # "was anyone injured?" just after the pad damage: that event
        q = replace(q, ask=Ask.YES_NO, refers_back=True, unknown=())
    # "when does tiangong get its next crew": "its" is the untracked subject, not the last one
    if not q.untracked and (
        q.refers_back
        or (last is not None and (_elliptical(q) or _bare_fact(q) or _points_back(q)))
        or (last is not None and _cargo_fragment(q) and _asked_amount(last.question))
    ):
        if last is None:
            return honest.no_context(ctx, q), None
        several = _picked_several(ctx, q, last)
        if several is not None:  # "which of them is american": both Americans of Crew-12
            return several, q
        q = follow_up(ctx, q, last)
        if q.refers_back:  # still nothing to refer to
            earlier = ctx.kb.get(last.subjects[0])
            unfit = honest.no_context(ctx, q, earlier.name if earlier is not None else None)
            return _no_neighbour(ctx, q, last) or unfit, None
    onward = _history_asked(ctx, q, last, now)
    if onward is not None:  # "how late was that vs the original plan", "has it flown since?"
        return onward, q
    filled = _fill(ctx, q, last, now)
    if filled is not None:  # "how full was it?" just after NG-23's load
        return filled, q
    stay = _remembered_topic(q, last)
    if stay is not None:  # "what rocket is the first module going up on", after ROS
        return _topic(ctx, stay, now, q), q
    if last is not None and _continues(q):
        # "enough for how many people?" just after the oxygen answer: that answer's record
        # or topic, when one of its sentences has the fragment's words
        passage = _passage_answer(ctx, q, last.subjects[:1], now)
        if passage is not None:
            return passage, q
    reply = bounds.answer_bound(ctx, q, decide(ctx, q, now))  # "dock in under 8 hours?"
    if last is not None and reply.kind == "suggestions" and _no_subject(q):
        # "who's the commander", just after Crew-13: the last subject, when it answers
        again = follow_up(ctx, replace(q, refers_back=True), last)
        if not again.refers_back:
            retry = decide(ctx, again, now)
            if retry.kind == "answer":
                return retry, again
    return reply, q


def _quantity_carried(
    ctx: Context, text: str, now: dt.date, last: Turn | None
) -> tuple[Reply, Question] | None:
    """A fragment giving only whom and how long ("ok so for the whole crew for a month?")
    just after an amount of a consumable was asked: that consumable's quantity for the
    fragment's people and span, when the what-if quantities derive it; the question it was
    read as, the consumable written in, is what the next fragment carries on from."""
    m = vocab.SPAN_FRAGMENT.match(text)
    if last is None or m is None:
        return None
    resource = whatif.asked_resource(last.question.text)
    if resource is None:
        return None
    full = f"how much {resource} {m['rest']}"
    got = whatif.asked_quantity(ctx, full, now)
    return None if got is None else (got, Question(full, Ask.HOW_MUCH))


def _two_asks(
    ctx: Context, text: str, now: dt.date, last: Turn | None
) -> tuple[Reply, Question | None] | None:
    """ "who grappled NG-24 and where was it berthed": two questions with different question
    words, the second leaning on the first; both answers, the second's lead after the first."""
    m = vocab.TWO_ASKS.search(text)
    if m is None:
        return None
    first, second = text[: m.start()].strip(), text[m.end() :].strip()
    word1 = vocab.WH_LEAD.match(first)
    word2 = vocab.WH_LEAD.match(second)
    if word1 is None or word2 is None or word1.group(1).lower() == word2.group(1).lower():
        return None  # "when did it launch and when did it dock": one question, two facts
    r1, q1 = respond(ctx, first, now, last)
    if r1.kind != "answer" or q1 is None or not q1.subjects:
        return None
    subjects, others = _subjects_of(ctx, r1)
    r2, _q2 = respond(ctx, second, now, Turn(q1, subjects, others, named=_named_in(ctx, r1)))
    if r2.kind != "answer":
        return None
    lead2 = r2.text.split("\n\n")[0].strip()
    if not lead2 or lead2 in r1.text:
        return r1, q1
    from commands.format import collect_sources, source_lines

    lead1, _, rest = r1.text.partition("\n\n")
    ids = collect_sources(r1.source_ids, r2.source_ids)
    text2 = f"{lead1}\n\n{lead2}" + (f"\n\n{rest}" if rest else "")
    fields = tuple(dict.fromkeys((*r1.fields, *r2.fields)))  # a dispute of either is said
    return replace(
        r1, text=text2, fields=fields, source_ids=ids, sources=source_lines(ctx.kb, ids)
    ), q1


def _remembered_topic(q: Question, last: Turn | None) -> str | None:
    """The topic a question naming nothing is best about, when the last answer was about it
    or named it: a follow-up on a topic's subject stays with that topic."""
    if last is None or not _no_subject(q) or not q.words or q.refers_back or not q.topics:
        return None
    top = q.topics[0]
    if top.score >= TOPIC_CONFIDENT and top.topic_id in last.subjects:
        return top.topic_id
    return None


def _history_asked(ctx: Context, q: Question, last: Turn | None, now: dt.date) -> Reply | None:
    """What a record's history answers of the flight (or vehicle, or pad) the question names,
    else the one the last answer was about: how late a flight went against its first plan,
    whether a vehicle flew after the event asked before, which crew flight relieves a crew."""
    if len(q.subjects) > 1 and q.ask == Ask.COMPARE:
        return None
    named = [r for r in q.record_ids if ctx.kb.kind_of(r) == "mission"]
    flight = ctx.kb.missions.get(named[0]) if named else None
    if flight is None and last is not None and not q.subjects:
        flight = _remembered_flight(ctx, last)
    if flight is not None and asks_delay(q):
        return delay_answer(ctx, flight, q, now)
    if flight is not None and asks_relief(q):
        relief = relief_answer(ctx, flight, q, now)
        if relief is not None:
            return relief
    if asks_since(q) and q.ask == Ask.YES_NO:
        before = (*last.subjects, *last.named) if last is not None else ()
        asked = last.question.text if last is not None else ""
        for rid in dict.fromkeys((*q.record_ids, *before)):
            since = since_answer(ctx, rid, q, asked)
            if since is not None:
                return since
    return None


def _fill(ctx: Context, q: Question, last: Turn | None, now: dt.date) -> Reply | None:
    """A load weighed against a capacity ("how full was NG-23", "is that near what an XL
    can take?"): the flight the question names, else the one the last answer was about."""
    if not asks_fill(q) or any(s.kind not in ("mission", "vehicle") for s in q.subjects):
        return None  # "how much room is left on the station": no flight's load
    if q.ask == Ask.COMPARE and len(q.subjects) > 1:
        return None  # "compare the capacity of dragon and cygnus"
    flights = [s.record_id for s in q.subjects if s.kind == "mission"]
    if not flights and last is not None:
        flights = [r for r in last.subjects if ctx.kb.kind_of(r) == "mission"]
    flight = ctx.kb.missions.get(flights[0]) if flights else None
    if flight is None or not flight.cargo:
        return None
    return fill_answer(ctx, q, flight, now)


def _aside(ctx: Context, q: Question, last: Turn | None) -> bool:
    """A yes/no question naming nothing, just after an exchange ("was anyone injured?",
    "did anybody get hurt"): it asks about that exchange's subject, unless a topic is sure
    of it through several of its words. Names the base lacks ("artemis 2") are no aside."""
    yes_no = q.ask == Ask.YES_NO or (q.ask == Ask.DESCRIBE and vocab.ANY_LEAD.search(q.text))
    if last is None or not yes_no or q.refers_back or not q.words:
        return False
    if q.subjects or q.ambiguous or q.untracked:
        return False
    if any(" " in u or _has_digit(u) for u in q.unknown):
        return False
    top = q.topics[0] if q.topics else None
    if top is None or top.score < TOPIC_SURE:
        return True
    return _shared_words(ctx, top.topic_id, q) < ASIDE_TOPIC_WORDS


def _shared_words(ctx: Context, topic_id: str, q: Question) -> int:
    """How many words of the question's own text a topic uses."""
    bag = ctx.topics.vocabulary_of(topic_id)
    return sum(1 for w in words(q.text) if w in bag or ctx.topics.expand(w) in bag)


def _continues(q: Question) -> bool:
    """A short fragment naming nothing, that goes on from the last answer ("enough for how
    many people?", "per person?"): no question word or verb of its own leads it."""
    return (
        _no_subject(q)
        and q.ask not in (Ask.LIST, Ask.COMPARE)
        and not q.refers_back
        and len(q.text.split()) <= FRAGMENT_WORDS
        and bool(vocab.FRAGMENT.match(q.text))
    )


def _no_subject(q: Question) -> bool:
    """A question naming nothing the base knows, and nothing it lacks."""
    return not (q.subjects or q.ambiguous or q.unknown or q.untracked)


def _points_back(q: Question) -> bool:
    """ "has that rocket ever failed", "why did that pad get damaged", with a conversation:
    the record of that kind the last answer named, whatever topic the words fit (asked on
    its own, a topic that covers it answers)."""
    return not (q.subjects or q.ambiguous) and bool(vocab.POINTED.search(q.text))


def _bare_fact(q: Question) -> bool:
    """ "which pad", "launch date?": a fact asked of nothing named, in no words of its own
    (a follow-up when there is a last subject; "when is the next launch" is no follow-up)."""
    return (
        _no_subject(q)
        and not q.words
        and bool(q.facts)
        and q.ask != Ask.LIST
        and not re.search(r"\bnext\b|\bupcoming\b", q.text, re.I)
    )


def _elliptical(q: Question) -> bool:
    """ "and crew-12?", "what about cygnus": a new subject and no question of its own."""
    return bool(vocab.WHAT_ABOUT.match(q.text) or vocab.ELLIPSIS.match(q.text)) and (
        q.ask in (Ask.DESCRIBE, Ask.WHAT) and not q.facts
    )


def _command(ctx: Context, text: str, now: dt.date) -> tuple[Reply, Question | None] | None:
    """A message starting with a command word ("vehicle cygnus"), if it parses as one."""
    first, _, rest = text.partition(" ")
    cmd = _command_word(first)
    if cmd is None:
        return None
    spec = BY_COMMAND[cmd]
    arg = _LEADING.sub("", rest).strip()
    if not arg and spec.needs_argument:
        return None
    if cmd == Command.UPCOMING and arg:
        return None  # "next progress launch": read as a question
    if cmd == Command.COMPARE:
        asked = read(ctx, text)
        if asked.facts or asked.cargo is not None:  # "compare the price per seat of X and Y":
            return None  # read as a question, so the verdict answers the asked attribute
    reply = spec.run(ctx, arg, now)
    if spec.kinds and reply.kind == "answer" and reply.more is None and cmd != Command.TIMELINE:
        reply = describe(ctx, reply.entities[0], now, brief=True)
    q = read(ctx, text)
    if reply.kind in ("suggestions", "error") and arg and (q.subjects or q.ambiguous):
        # "crew 12 return date" is about the mission Crew-12, not a crew member "12 ...",
        # and "compare it with cygnus" leans on the last answer: read it as a question.
        return None
    return reply, q


def _command_word(word: str) -> Command | None:
    w = word.lower().lstrip("/!")
    if any(c.isdigit() for c in w) or len(w) < 3:
        return None
    if w in vocab.COMMAND_WORDS:
        return vocab.COMMAND_WORDS[w]
    if len(w) < 4:
        return None
    from rapidfuzz import fuzz, process  # not imported by a start-up that needs none

    best = process.extractOne(
        w, [c.value for c in Command], scorer=fuzz.ratio, score_cutoff=COMMAND_WORD_SCORE
    )
    return Command(str(best[0])) if best else None


# --- follow-ups -------------------------------------------------------------------------------


def follow_up(ctx: Context, q: Question, last: Turn) -> Question:
    """The question with the last exchange's subject (and question, if it asks nothing new)."""
    prev = last.question
    subjects = q.subjects
    if q.refers_back and all(s.kind in ("vehicle", "mission") for s in subjects):
        # "had she flown on a soyuz before": the person, not the ship; "what did he do before
        # crew-12": the person, before that flight (the reader leans back only then)
        subjects = ()
    if not subjects and q.ambiguous and not q.refers_back:
        # "what about dragon?" after Progress: the Dragon of the same kind (cargo), else ask
        like = _like_last(ctx, q.ambiguous[0], last)
        if like is None:
            return q
        subjects = (like,)
    if not subjects:
        pointed = _pointed(ctx, q, last) or _neighbour(ctx, q, last)
        if pointed is not None:  # "is that pad working now": the pad the last answer named
            return pointed
        target = _referent(ctx, q, last)
        if target is None:
            return q
        tied = _tied(ctx, q, target)
        if tied is not None:  # "is the rocket it rides on flying again": "is H3 flying again"
            return tied
        rec = ctx.kb.get(target)
        kind = ctx.kb.kind_of(target)
        if rec is None or kind is None:
            return q
        subjects = (Subject(target, kind, rec.name, -1, -1, True),)
        # "and the russian cosmonaut?": the person noun picks, it asks for no crew
        picked = (
            replace(q, facts=tuple(f for f in q.facts if f is not Fact.CREW))
            if vocab.PICKED_ONE.search(q.text)
            else q
        )
        if (
            kind == "crew"
            and q.hint in vocab.COUNTRIES
            and (_only_hint(picked) or _who_only(picked))
        ):
            # "and the american on it?": who that person is (the country word chose them)
            return replace(
                q,
                ask=Ask.DESCRIBE,
                subjects=subjects,
                ambiguous=(),
                refers_back=False,
                unknown=(),
                words=tuple(w for w in q.words if w not in COUNTRY_WORDS),
            )
    asks_nothing = q.ask in (Ask.DESCRIBE, Ask.WHAT) and not q.facts
    if (asks_nothing and not vocab.PRONOUNS.search(q.text.lower())) or _only_hint(q):
        return replace(
            q,
            ask=prev.ask,
            facts=prev.facts,
            cargo=prev.cargo,
            subjects=subjects,
            ambiguous=(),
            refers_back=False,
            count_of=prev.count_of,
            year=q.year or prev.year,
            topics=prev.topics if prev.ask == Ask.WHY else q.topics,
            words=prev.words,  # "and the japanese one?": its words chose the record
        )
    if _cargo_fragment(q) and _asked_amount(prev):
        # "and water?" after "how much propellant do they carry": the same question, of water
        return replace(
            q,
            ask=prev.ask,
            facts=prev.facts,
            subjects=subjects,
            ambiguous=(),
            refers_back=False,
            unknown=(),
            year=q.year or prev.year,
        )
    if vocab.BARE_ASK.match(q.text) and prev.facts:  # "did they land yet?" then "when"
        fitting = tuple(f for f in ASK_FACTS.get(q.ask, ()) if f in prev.facts)
        q = replace(q, facts=fitting or q.facts)
    if q.ask == Ask.LIST and q.refers_back and subjects and _WHEN.search(q.text):
        q = replace(q, ask=Ask.WHEN)  # "when does its first module go up": its launch, no list
    named = " ".join(s.name for s in subjects)  # "what did he do" as "what did Artemyev do"
    topics = tuple(ctx.topics.match(f"{q.text} {named}"))
    return replace(q, subjects=subjects, ambiguous=(), refers_back=False, unknown=(), topics=topics)


_WHEN = phrases(r"\bwhen\b", re.I)


def _like_last(ctx: Context, group: tuple[Subject, ...], last: Turn) -> Subject | None:
    """The one record of a shared name that is of the same kind as the last subject (a
    cargo ship after a cargo ship), or None."""
    kind = getattr(ctx.kb.get(last.subjects[0]), "kind", None)
    same = [s for s in group if getattr(ctx.kb.get(s.record_id), "kind", None) == kind]
    return same[0] if kind is not None and len(same) == 1 else None


def _cargo_fragment(q: Question) -> bool:
    """ "and water?", "what about oxygen", "how much water?": a cargo class and nothing
    else of its own (no name, no other subject word, no fact but an amount)."""
    return (
        q.cargo is not None
        and bool(q.words)
        and not (q.subjects or q.ambiguous or q.untracked)
        and q.ask in (Ask.WHAT, Ask.DESCRIBE, Ask.HOW_MUCH)
        and set(q.facts) <= {Fact.CARGO, Fact.CAPACITY}
        and all(any(p.search(w) for _, p in vocab.CARGO_PATTERNS) for w in q.words)
    )


def _asked_amount(prev: Question) -> bool:
    """Whether a question asked an amount carried (of a cargo class, or a load or capacity)."""
    return prev.cargo is not None or bool({Fact.CARGO, Fact.CAPACITY} & set(prev.facts))


def _tied(ctx: Context, q: Question, rid: str) -> Question | None:
    """A record tied to the referent that the question asks about ("its rocket", "the ship
    it flies on"): the question read again with that record's name in the phrase's place
    ("what pad does H3 use"). None when the tie is itself what is asked ("what's its
    rocket": the flight's launcher)."""
    m = vocab.CRAFT_OF.search(q.text)
    if m is None:
        return None
    if q.ask == Ask.WHAT and set(q.facts) <= {Fact.LAUNCHER, Fact.CAPSULE}:
        return None
    noun = m.group("own") or m.group("of") or m.group("rocket")
    linked = _craft_of(ctx, rid, bool(vocab.LAUNCHER_NOUN.match(noun)))
    rec = ctx.kb.get(linked) if linked is not None else None
    if rec is None:
        return None
    again = read(ctx, f"{q.text[: m.start()]}{rec.name}{q.text[m.end() :]}")
    return again if linked in again.record_ids else None


def _pointed(ctx: Context, q: Question, last: Turn) -> Question | None:
    """ "that pad", "those guys", "from there": the record of that kind the last answer
    named (else the one tied to its subject), put in the phrase's place and the question
    read again ("is Baikonur Site 31/6 working now"). None when nothing of that kind fits."""
    m = vocab.POINTED.search(q.text)
    if m is None:
        return None
    kinds = _POINTED_KINDS[next(k for k, v in m.groupdict().items() if v)]
    target = next(
        (r for r in (*last.named, *last.subjects) if _kind_fits(ctx, r, kinds)), None
    ) or _tied_of_kind(ctx, last.subjects[0], kinds)
    rec = ctx.kb.get(target) if target is not None else None
    if rec is None:
        return None
    span = m.span("there") if m.group("there") else m.span()
    again = read(ctx, f"{q.text[: span[0]]}{rec.name}{q.text[span[1] :]}")
    return again if target in again.record_ids else None


def _neighbour(ctx: Context, q: Question, last: Turn) -> Question | None:
    """ "and the one before it?", "the flight after that": the remembered flight's neighbour
    in its series, asked what was asked of it when the message asks nothing new."""
    m = vocab.NEIGHBOUR.search(q.text)
    flight = _remembered_flight(ctx, last)
    if m is None or flight is None:
        return None
    found = neighbour_of(ctx, flight, later=bool(m.group("after") or m.group("next")))
    if found is None:
        return q  # still referring back: answered as not recorded (`_no_neighbour`)
    again = read(ctx, f"{q.text[: m.start()]}{found.name}{q.text[m.end() :]}")
    if found.id not in again.record_ids:
        return q
    if again.ask in (Ask.DESCRIBE, Ask.WHAT) and not again.facts:  # "and the one before it?"
        prev = last.question
        return replace(again, ask=prev.ask, facts=prev.facts, cargo=prev.cargo, year=prev.year)
    return again


def _no_neighbour(ctx: Context, q: Question, last: Turn) -> Reply | None:
    """The honest answer when the flight before or after the remembered one is not in the
    base ("the one after CRS-35": none recorded); None when that was not asked."""
    m = vocab.NEIGHBOUR.search(q.text)
    flight = _remembered_flight(ctx, last)
    if m is None or flight is None:
        return None
    later = bool(m.group("after") or m.group("next"))
    vehicle = ctx.kb.get(flight.vehicle)
    kind = vehicle.name if vehicle is not None else "other"
    return Reply(
        kind="answer",
        title=flight.name,
        text=(
            f"The {kind} flight {'after' if later else 'before'} {flight.name} is not in the "
            f"fact base as of {day_text(ctx.kb.as_of)}."
        ),
        entities=(flight.id,),
        as_of=ctx.kb.as_of,
    )


def _remembered_flight(ctx: Context, last: Turn) -> Mission | None:
    """The flight the last exchange was about: its first remembered mission, else the first
    its answer named ("the next Progress": Progress MS-36)."""
    ids = (*last.subjects, *last.named)
    return next((ctx.kb.missions[r] for r in ids if r in ctx.kb.missions), None)


def neighbour_of(ctx: Context, m: Mission, later: bool) -> Mission | None:
    """The flight of the same vehicle just before (or after) m: by its series number when
    the name ends in one ("Progress MS-32" before "Progress MS-33"; None when that flight is
    not in the base), else by date (launched, else planned)."""
    own = vocab.SERIES_NUMBER.match(m.name)
    kin = [k for k in ctx.kb.missions.values() if k.vehicle == m.vehicle and k.id != m.id]
    if own is not None:
        want = int(own.group("number")) + (1 if later else -1)
        series = ((k, vocab.SERIES_NUMBER.match(k.name)) for k in kin)
        return next(
            (
                k
                for k, found in series
                if found is not None
                and found.group("stem") == own.group("stem")
                and int(found.group("number")) == want
            ),
            None,
        )
    start = _flight_day(m)
    if start is None:
        return None
    dated = [(d, k) for k in kin if (d := _flight_day(k)) is not None]
    side = [dk for dk in dated if (dk[0] > start if later else dk[0] < start)]
    if not side:
        return None
    return (min if later else max)(side, key=lambda dk: dk[0])[1]


def _flight_day(m: Mission) -> dt.date | None:
    """When a flight launched, else its planned date's start; None when neither is recorded."""
    launched = outcome_date(m)
    if launched is not None:
        return launched.start
    plan = m.schedule[-1].planned if m.schedule else None
    return plan.start if plan is not None else None


# What each noun of vocab.POINTED can point at: record kinds ("rocket": a launch vehicle).
_POINTED_KINDS: dict[str, tuple[str, ...]] = {
    "pad": ("pad",),
    "there": ("pad",),
    "the_pad": ("pad",),
    "rocket": ("rocket",),
    "person": ("crew",),
    "org": ("organization",),
    "people": ("organization", "crew"),
}


def _kind_fits(ctx: Context, rid: str, kinds: tuple[str, ...]) -> bool:
    """Whether a record is of one of the kinds ("rocket": a vehicle that is a launcher)."""
    kind = ctx.kb.kind_of(rid)
    if "rocket" in kinds and kind == "vehicle":
        return getattr(ctx.kb.get(rid), "kind", "") == "launch-vehicle"
    return kind in kinds


def _tied_of_kind(ctx: Context, rid: str, kinds: tuple[str, ...]) -> str | None:
    """The one record of a kind tied to a record: a flight's (or a person's flight's) pad
    or rocket, a vehicle's only pad, a record's operator; None when the base says none."""
    rec = ctx.kb.get(rid)
    if isinstance(rec, CrewMember):
        rec = flown_on(ctx, rec)
    if "rocket" in kinds:
        return _craft_of(ctx, rid, rocket=True)
    if "pad" in kinds:
        if isinstance(rec, Mission):
            return rec.pad
        pads: tuple[str, ...] = rec.pads if isinstance(rec, Vehicle) else ()
        return pads[0] if len(pads) == 1 else None
    if "organization" in kinds:
        return getattr(rec, "operator", None)
    return None


def _craft_of(ctx: Context, rid: str, rocket: bool) -> str | None:
    """The rocket (or, with rocket False, the spacecraft) of a flight, of a person's
    flight, or of a spacecraft (its one active rocket); None when the base does not say."""
    rec = ctx.kb.get(rid)
    if isinstance(rec, CrewMember):
        rec = flown_on(ctx, rec)
    if isinstance(rec, Mission):
        if not rocket:
            return rec.vehicle
        if rec.launcher is not None:
            return rec.launcher
        rec = ctx.kb.vehicles.get(rec.vehicle)
    if not rocket or not isinstance(rec, Vehicle) or rec.kind == "launch-vehicle":
        return None
    rockets = [ctx.kb.vehicles[r] for r in rec.launchers if r in ctx.kb.vehicles]
    active = [r.id for r in rockets if r.status == "active"] or [r.id for r in rockets]
    return active[0] if len(active) == 1 else None


def _vehicle_pad(ctx: Context, q: Question) -> Question | None:
    """A pad named by the one vehicle flying from it ("the soyuz pad", "progress's launch
    site"): the question read again with the pad's name in the phrase's place; None when no
    such phrase, or the vehicle flies from several pads."""
    for s in q.subjects:
        m = vocab.PAD_AFTER.match(q.text, s.end) if s.kind == "vehicle" and s.end > 0 else None
        pad = _tied_of_kind(ctx, s.record_id, ("pad",)) if m is not None else None
        rec = ctx.kb.get(pad) if pad is not None else None
        if m is None or rec is None:
            continue
        again = read(ctx, f"{q.text[: s.start]}{rec.name}{q.text[m.end() :]}")
        return again if pad in again.record_ids else None
    return None


def _who_only(q: Question) -> bool:
    """ "who's the russian one": who a person picked by a country word is, nothing more."""
    return q.ask == Ask.WHO and not q.facts and not q.subjects


def _only_hint(q: Question) -> bool:
    """ "what about the russian one": a choice among kin, no question of its own."""
    return bool(q.hint) and not q.subjects and not q.facts and q.ask in (Ask.DESCRIBE, Ask.WHAT)


def _referent(ctx: Context, q: Question, last: Turn) -> str | None:
    """Which remembered record a pronoun or "the russian one" means."""
    low = q.text.lower()
    claim = (  # "is she russian?": a claim about the one "she" is, not a pick of the Russian
        q.ask == Ask.YES_NO
        and vocab.PERSON_PRONOUNS.search(low) is not None
        and vocab.PICKED_ONE.search(low) is None
    )
    person = None if claim else _person_by_country(ctx, q, last)
    if person is not None:  # "and the american on it?": the remembered crew's American
        return person
    countries = vocab.COUNTRIES.get(q.hint, ())
    fit = [s for s in last.subjects if any(c in countries for c in countries_of(ctx.kb, s))]
    if len(fit) == 1 and vocab.PICKED_ONE.search(low):  # "which one is russian": of the two
        return fit[0]
    if q.hint and not claim and not vocab.PLAIN_PRONOUNS.search(low):  # "the russian one"
        first = last.subjects[0]
        if q.hint in ("cargo", "crew") and fits_hint(ctx.kb, first, q.hint):
            return first  # "who was in the crew" after Soyuz MS-28: its own crew, no kin
        return _kin(ctx, first, q.hint, last)
    if vocab.PERSON_PRONOUNS.search(low):
        people = [s for s in last.subjects if ctx.kb.kind_of(s) == "crew"]
        meant = _person_meant(ctx, last, people)
        if meant is None and not _asked_of_person(ctx, last.question):
            meant = people[0] if people else None
        if meant is not None or last.question.ask == Ask.WHO:
            return meant
        # no person remembered: a ship is "she", and Russian "он"/"она" is any masculine or
        # feminine noun ("сколько он привез" of Progress MS-33)
    things = [s for s in last.subjects if ctx.kb.kind_of(s) != "crew"]
    first = things[0] if things else last.subjects[0]
    answered = _answered_record(ctx, last)
    if answered is not None and answered != first and _fits_better(ctx, q, answered, first):
        return answered  # "what pad does progress use", "is it working now": the pad
    flight = _scheduled(ctx, last)  # "next soyuz launch?", "who's on it": that flight
    if flight is not None and not set(q.facts) & _SHIP_FACTS:
        return flight
    return first


# What a ship can do, never one flight's: "how much can it carry" after "next cygnus?" is Cygnus.
_SHIP_FACTS = frozenset(
    {Fact.CAPACITY, Fact.CREW_SIZE, Fact.REUSABLE, Fact.REFUELS, Fact.REBOOSTS, Fact.BUILDER}
)


# The record an asked fact names as its value: "what pad" is answered by a pad.
_ANSWERED_KINDS: dict[Fact, tuple[str, ...]] = {
    Fact.PAD: ("pad",),
    Fact.LAUNCHER: ("rocket",),
    Fact.OPERATOR: ("organization",),
    Fact.BUILDER: ("organization",),
}


def _answered_record(ctx: Context, last: Turn) -> str | None:
    """The record the last answer gave as the value of the fact asked ("what pad do progress
    ships launch from": Site 31/6), not merely one it named on the way; None when the fact
    asked has no record for a value."""
    kinds = next((_ANSWERED_KINDS[f] for f in last.question.facts if f in _ANSWERED_KINDS), None)
    if kinds is None:
        return None
    return next((r for r in last.named if _kind_fits(ctx, r, kinds)), None)


def _scheduled(ctx: Context, last: Turn) -> str | None:
    """The flight a schedule answer gave for a vehicle's or pad's next one ("next soyuz
    launch?": Soyuz MS-30), which "who's flying on it" next is about; None otherwise."""
    if not (last.question.ask == Ask.LIST or _next_of(last.question)):
        return None
    if not any(ctx.kb.kind_of(r) in ("vehicle", "pad") for r in last.subjects[:1]):
        return None
    return next((r for r in last.named if r in ctx.kb.missions), None)


def _fits_better(ctx: Context, q: Question, answered: str, subject: str) -> bool:
    """Whether the follow-up's words fit what can be done to the answered record's class and
    not the subject's ("is it working now": a pad; "when did it launch": the ship)."""
    fits = dict(vocab.DONE_TO)
    low = q.text.lower()
    theirs, ours = fits.get(_done_class(ctx, answered)), fits.get(_done_class(ctx, subject))
    return theirs is not None and bool(theirs.search(low)) and not (ours and ours.search(low))


def _done_class(ctx: Context, rid: str) -> str:
    """The class `vocab.DONE_TO` reads a record as: a pad, a rocket, or a craft (a flight or
    a spacecraft); other kinds by their own name."""
    kind = ctx.kb.kind_of(rid) or ""
    if kind == "vehicle":
        return "rocket" if _kind_fits(ctx, rid, ("rocket",)) else "craft"
    return "craft" if kind == "mission" else kind


def _person_meant(ctx: Context, last: Turn, people: list[str]) -> str | None:
    """The one remembered person "he" or "she" means, when the last question chose them:
    the person a who-question asked for ("who replaced Artemyev": his replacement, not him),
    or the one of the agency or country it named ("which nasa astronaut is on ms-29")."""
    prev = last.question
    named = set(prev.record_ids)
    # the person the answer's lead names that the question did not: "who took Artemyev's
    # seat" -> Fedyaev, never the first of the flight's crew list
    led = [r for r in last.named if ctx.kb.kind_of(r) == "crew" and r not in named]
    if _asked_of_person(ctx, prev):  # one other person named: that one; none or a whole
        return led[0] if len(led) == 1 else None  # crew list: which one is not known
    if led and prev.ask == Ask.WHO:
        return led[0]
    agencies = {r for r in named if ctx.kb.kind_of(r) == "organization"}
    countries = vocab.COUNTRIES.get(prev.hint, ())
    chosen = [
        p
        for p in people
        if isinstance(c := ctx.kb.get(p), CrewMember)
        and (c.agency in agencies or any(x in countries for x in countries_of(ctx.kb, p)))
    ]
    return chosen[0] if len(chosen) == 1 else None


def _asked_of_person(ctx: Context, prev: Question) -> bool:
    """Whether a who-question asked about a person it named ("who replaced Artemyev"): the
    answer is another person, so "he" next is that one, not the one named."""
    return prev.ask == Ask.WHO and any(ctx.kb.kind_of(r) == "crew" for r in prev.record_ids)


def _person_by_country(ctx: Context, q: Question, last: Turn) -> str | None:
    """The one remembered person from the hinted country ("the russian aboard", "and the
    american on it?"), unless the question picks a kin record ("the russian one")."""
    if q.hint not in vocab.COUNTRIES:
        return None
    if _KIN_WORDS.search(q.text) and not (q.ask == Ask.WHO or vocab.PICKED_ONE.search(q.text)):
        return None  # "what about the russian one": the Russian record of the kind, not a person
    people = [
        s
        for s in last.subjects
        if ctx.kb.kind_of(s) == "crew"
        and any(c in vocab.COUNTRIES[q.hint] for c in countries_of(ctx.kb, s))
    ]
    return people[0] if len(people) == 1 else None


def _picked_several(ctx: Context, q: Question, last: Turn) -> Reply | None:
    """ "which of them is american" when several remembered people are: all of them, named
    in one sentence; None when the pick is one person (or none, or not a pick of people)."""
    if q.subjects or q.hint not in vocab.COUNTRIES or not vocab.PICKED_ONE.search(q.text):
        return None
    people = [
        s
        for s in last.subjects
        if ctx.kb.kind_of(s) == "crew"
        and any(c in vocab.COUNTRIES[q.hint] for c in countries_of(ctx.kb, s))
    ]
    if len(people) < 2:
        return None
    word = next(p for h, p in vocab.HINTS if h == q.hint).search(q.text.lower())
    said = word.group(0) if word is not None else q.hint
    said = said[:-1] if said.endswith("ns") else said  # "the russians": Russian
    crew = [s for s in last.subjects if ctx.kb.kind_of(s) == "crew"]
    flight = next((m for s in last.subjects if isinstance(m := ctx.kb.get(s), Mission)), None)
    of = f" on {flight.name}" if flight is not None else ""
    who = names([r.name for p in people if (r := ctx.kb.get(p)) is not None])
    return Reply(
        kind="answer",
        title=flight.name if flight is not None else who,
        text=f"{who} are {said.capitalize()} ({len(people)} of the {len(crew)}{of}).",
        # the others stay remembered: "and which one is russian" next
        entities=tuple(dict.fromkeys([*people, *last.subjects])),
        as_of=ctx.kb.as_of,
    )


_KIN_WORDS = phrases(r"\b(?:one|ones|version|kind|type|ship|vehicle|rocket|pad)\b", re.I)


def _kin(ctx: Context, rid: str, hint: str, last: Turn) -> str | None:
    """The record like rid (same kind) that fits the hint: the Russian one, the other one."""
    if hint == "other":
        others = [o for o in last.others if o != rid]
        return others[0] if others else None
    rec = ctx.kb.get(rid)
    if isinstance(rec, Vehicle):
        pool = [v.id for v in ctx.kb.vehicles.values() if v.kind == rec.kind and v.id != rid]
    elif isinstance(rec, Mission):
        pool = [m.id for m in ctx.kb.missions.values() if m.kind == rec.kind and m.id != rid]
    else:
        return None
    if hint in ("cargo", "crew"):
        if isinstance(rec, Vehicle):
            kind = f"{hint}-spacecraft"
            pool = [v.id for v in ctx.kb.vehicles.values() if v.kind == kind]
        else:
            pool = [m.id for m in ctx.kb.missions.values() if m.kind == hint]
    else:
        countries = vocab.COUNTRIES.get(hint, ())
        pool = [p for p in pool if any(c in countries for c in countries_of(ctx.kb, p))]
    active = [p for p in pool if getattr(ctx.kb.get(p), "status", "") == "active"]
    pool = active or pool
    return pool[0] if len(pool) == 1 else None


# --- deciding -------------------------------------------------------------------------------


def decide(ctx: Context, q: Question, now: dt.date) -> Reply:
    """The reply for a Question (see the module docstring for the order)."""
    if q.untracked:
        return honest.untracked(ctx, q)
    q = _latest_flights(ctx, q, now)
    several = mentioned_flights(ctx, q)  # "which flights did C209 fly": every mention
    if several is not None:
        return several
    if all(s.kind in WEAK_KINDS for s in q.subjects):
        kept = keep_up(ctx, q.text)  # "can the oxygen generator keep up with 7 people"
        if kept is not None:
            return kept
    specific = [s for s in q.subjects if s.kind not in WEAK_KINDS]
    if q.ask == Ask.LIST and q.unknown:  # "the manifest for jan": schedule words, no subject
        q = replace(q, unknown=tuple(u for u in q.unknown if not _schedule_words(u)))
    if q.unknown and (not specific or any(" " in u or _has_digit(u) for u in q.unknown)):
        mentioned = _mentioned(ctx, q, now)  # "NG-19's reboost burn": a sentence naming it
        if mentioned is not None:
            return mentioned
        return honest.unknown_subject(ctx, q)  # "artemis 2", "Suni Williams", "progress ms-99"
    strange = unaccounted(ctx, q)
    if strange:  # "the purple dock of cygnus tastes like tuesday": ask, never guess
        return honest.not_understood(ctx, q, strange)
    if vocab.SOURCES.search(q.text) and q.ask != Ask.WHY:
        found = _sources(ctx, q, now)
        if found is not None:
            return found
    if vocab.TIMELINE.search(q.text) and q.subjects:
        # "the timeline for bringing the iss down": the deorbit topic, not the station itself
        dated = next((s for s in q.subjects if s.kind not in WEAK_KINDS), q.subjects[0])
        rid = dated.record_id
        if dated.kind in WEAK_KINDS and q.words:  # "... of taking the station down": its topic
            rid = _dated_topic(ctx, q, rid) or rid
        return BY_COMMAND[Command.TIMELINE].run(ctx, rid, now)
    if asks_typical_stay(q):  # "how long do people stay up there now": the latest crews'
        stays = typical_stay(ctx)
        if stays is not None:
            return stays
    if q.ask == Ask.COMPARE or _vehicles_side_by_side(ctx, q):
        compared = _compare(ctx, q, now)
        if compared is not None:
            return compared
    flights = [
        ctx.kb.missions[rid] for rid in dict.fromkeys(q.record_ids) if rid in ctx.kb.missions
    ]
    same = compare_cmd.same_verdict(ctx, flights, q.text)  # "from the same pad?"
    if same is not None:
        return same
    if len(flights) == 1 and q.ask in (Ask.YES_NO, Ask.COMPARE, Ask.HOW_LONG, Ask.WHAT):
        planned = compare_cmd.plan_verdict(ctx, flights[0], q.text)  # "longer than planned?"
        if planned is not None:
            return planned
    if q.ask == Ask.HOW_MANY and (Fact.CREW_SIZE in q.facts or Fact.CREW in q.facts):
        aboard = crew_aboard_at(ctx, q)  # "how many were aboard after crew-11 left"
        if aboard is not None:
            return aboard
    each = _each(ctx, q, now)
    if each is not None:
        return each
    if q.ask == Ask.HOW_MANY:  # "how many reboosts did CRS-33 do": a count a text states
        stated = stated_count(ctx, q)
        if stated is not None:
            return stated
    if q.ask == Ask.HOW_MANY and q.count_of and q.ambiguous and not q.subjects:
        return _about_ambiguous(ctx, q, now)  # "how many times has dragon flown": which?
    if q.ask == Ask.HOW_MANY and q.count_of and any(s.kind == "crew" for s in q.subjects):
        q = replace(q, ask=Ask.WHAT, facts=(Fact.MISSIONS,))  # a person's flights
    if q.ask == Ask.HOW_MANY and q.count_of:
        topic = None
        if not specific:  # a topic that is this very question knows more than the records
            topic = _verbatim(ctx, q) or _counting_topic(ctx, q)
        if topic is None and q.words and not specific:  # "... missions in the crs-2 contract"
            topic = _covering_topic(ctx, q, TOPIC_SURE, named=False)
        if topic is not None:
            return _topic(ctx, topic, now, q)
        counted = count(ctx, q, now)
        if counted is not None:
            return counted
    after = _after_flight(ctx, q)
    if after is not None:
        asked, flight = after
        if asked is None:  # "after crew-13, the next crew launch": that kind, any vehicle
            want = upcoming_cmd.want_of(_without(q.text, q.subjects), now)
            if want.kind or want.countries or want.private is not None:
                return upcoming_cmd.kind_after(ctx, want, flight, now)
        return upcoming_cmd.upcoming_after(ctx, asked or flight.vehicle, flight, now)
    if q.ask == Ask.LIST and q.subjects and all(s.kind == "topic" for s in q.subjects):
        # "when's the first ROS module going up": the named subject's date, not the schedule's
        # next flight ("going up" reads as the schedule only with no subject of its own)
        q = replace(q, ask=Ask.WHEN)
    if q.ask == Ask.LIST or _next_of(q):
        return _upcoming(ctx, q, now)
    if re.search(r"\bnext\b", q.text, re.I) and q.ambiguous and not q.subjects:
        return _upcoming_each(ctx, q.ambiguous[0], now)  # "the next dragon": each Dragon's
    if q.ambiguous and all(s.kind == "station" for s in q.subjects):
        family = _family_aboard(ctx, q, q.ambiguous[0], now)  # "any dragons still at the iss"
        if family is not None:
            return family
    if q.subjects and not specific and q.facts and q.ask not in (Ask.WHY, Ask.WHO):
        # A fact the station's (or an organization's) own record holds is the answer before
        # any topic that shares a word ("how fast does the iss sink", "how many live on it").
        recs = _recs(ctx, q)
        if recs and all(has_fact(r, q.facts[0]) for r in recs):
            return _about_records(ctx, q, now)
    asks_field = q.ask in (Ask.WHEN, Ask.WHERE) or (
        q.ask == Ask.WHAT and q.facts[:1] in PLACE_AND_DATE
    )
    if q.words and asks_field and not specific and not q.ambiguous:
        # A date or place of something that is no record: a topic whose title is about it
        # ("when will russia build its own station": ROS), else nothing recorded. A sentence of
        # a named organization or station that answers it comes first ("where is X based").
        if q.subjects:
            said = _passage_answer(ctx, q, tuple(s.record_id for s in q.subjects), now)
            if said is not None and (q.ask != Ask.WHEN or re.search(r"\b\d{4}\b", said.text)):
                return said  # a when-answer carries a year
        topic = _verbatim(ctx, q) or _titled_topic(ctx, q) or _sure_about(ctx, q)
        if topic is not None:
            return _topic(ctx, topic, now, q)
        if q.subjects and q.subjects[0].kind == "organization":  # named, but not this fact of it
            return honest.not_recorded(ctx, q, q.subjects[0].record_id, now)
        if all(w in COUNTRY_WORDS for w in q.words):  # "when will russia build ...": a
            titled = _country_titled(ctx, q)  # country, no name: the topic titled with both
            if len(titled) == 1:  # the country and the thing asked of it (ROS)
                return _topic(ctx, titled[0], now, q)
            choices = [(ctx.topics.titles[t], t) for t in titled]
            return honest.did_you_mean(ctx, q, choices + honest.topic_choices(q))
        mentioned = _mentioned(ctx, q, now)  # "when did expedition 75 start": a sentence dates it
        if mentioned is not None and (
            q.ask == Ask.WHERE or re.search(r"\b\d{4}\b", mentioned.text)
        ):
            return mentioned  # a when-answer carries a year ("haven-1 launch date": none)
        return honest.unknown_subject(ctx, replace(q, unknown=q.words))  # "haven-1 launch date"
    if not (q.words or q.subjects or q.ambiguous or q.facts):
        return honest.did_you_mean(ctx, q, [])  # no word to go on: "lmao what"
    weak_lacks = not any(has_fact(r, f) for r in _recs(ctx, q) for f in q.facts)
    # "who is aboard the iss": the topic names them (the station's record only counts them)
    asks_people = q.ask == Ask.WHO and all(s.kind == "station" for s in q.subjects)
    if q.subjects and not specific and (q.words or weak_lacks or asks_people):
        topic = _covering_topic(ctx, q, TOPIC_CONFIDENT, named=False)
        if (
            topic is not None
            and q.ask != Ask.DESCRIBE
            and not _other_subject(ctx, topic, q)
            and _holds_words(ctx, topic, q)
        ):
            return _topic(ctx, topic, now, q)
    if q.subjects:
        return _about_records(ctx, q, now)
    if q.ambiguous:
        return _about_ambiguous(ctx, q, now)
    verbatim = _verbatim(ctx, q)
    if verbatim is not None:
        return _topic(ctx, verbatim, now, q)
    bar = TOPIC_CONFIDENT if q.ask in (Ask.WHY, Ask.YES_NO, Ask.DESCRIBE) else TOPIC_FIELD_QUESTION
    topic = _covering_topic(ctx, q, bar, named=False)
    if topic is not None:
        return _topic(ctx, topic, now, q)
    mentioned = _mentioned(ctx, q, now)
    if mentioned is not None:
        return mentioned
    return honest.did_you_mean(ctx, q, _candidates(ctx, q))


# "the latest progress", "the most recent cygnus": the vehicle's latest flown flight.
_LATEST_BEFORE = phrases(r"\b(?:latest|last|most recent|newest|previous)\s+$", re.I)


def _latest_flights(ctx: Context, q: Question, now: dt.date) -> Question:
    """The question with each spacecraft said as its latest one ("what did the latest
    progress bring") read as that spacecraft's latest recorded flight, launched by now."""
    if q.ask in (Ask.HOW_MANY, Ask.LIST, Ask.YES_NO) or q.count_of:
        return q  # "was ng-23 the last cygnus on antares": a rank claimed, not a flight named
    if any(s.kind == "mission" for s in q.subjects):
        return q
    subjects = list(q.subjects)
    for i, s in enumerate(subjects):
        if s.kind != "vehicle" or s.start < 0 or not _LATEST_BEFORE.search(q.text[: s.start]):
            continue
        flown = [
            (d.start, m.name, m)
            for m in ctx.kb.missions.values()
            if m.vehicle == s.record_id and (d := outcome_date(m)) is not None and d.start <= now
        ]
        if flown:
            m = max(flown, key=lambda x: (x[0], x[1]))[2]
            subjects[i] = Subject(m.id, "mission", m.name, s.start, s.end, True)
    return q if subjects == list(q.subjects) else replace(q, subjects=tuple(subjects))


_TIMELINE_WORDS = frozenset(words("timeline history chronology"))


def _dated_topic(ctx: Context, q: Question, rid: str) -> str | None:
    """The closest topic about the station (or organization) rid that uses a word the
    question asks a timeline of ("the timeline for bringing the iss down": its deorbit)."""
    asked = [w for w in q.words if w not in _TIMELINE_WORDS]
    for t in q.topics:
        if t.score < TOPIC_POSSIBLE:
            break
        bag = ctx.topics.vocabulary_of(t.topic_id)
        about = rid in ctx.topics.related.get(t.topic_id, frozenset())
        if about and any(w in bag or ctx.topics.expand(w) in bag for w in asked):
            return t.topic_id
    return None


def _mentioned(ctx: Context, q: Question, now: dt.date) -> Reply | None:
    """A flight no record is about but a sentence mentions ("when did ng-19 launch"): that
    sentence, saying whose record it is from."""
    found = said.mention_passage(ctx, q) or said.words_passage(ctx, q)
    if found is None:
        return None
    name, passage = found
    reply = _passage_reply(ctx, passage, now)
    whose = reply.title
    why = ""
    if q.ask == Ask.WHY and not vocab.REASON_SAID.search(passage.text):
        why = f"The fact base records no reason as of {day_text(ctx.kb.as_of)}. "
    return replace(
        reply,
        title=name,
        text=f"{why}{said.quoted(ctx, passage)} ({name} has no record of its own; this is from "
        f"{whose}'s.)",
    )


# A date or a place of something that is not a record: the base has none to give.
PLACE_AND_DATE = tuple((f,) for f in (Fact.LAUNCH, Fact.PAD, Fact.DOCKING, Fact.LANDING))
WEAK_KINDS = ("organization", "station")  # subjects that rarely are what a question is about


def _schedule_words(text: str) -> bool:
    """Whether every word of text only narrows a schedule ("manifest", "december")."""
    return all(w in vocab.SCHEDULE_WORDS for w in words(text))


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _titled_topic(ctx: Context, q: Question) -> str | None:
    """A close topic whose title or an alias (not just its text) names every subject word but
    countries ("when is the iss being decommissioned": the alias "ISS decommissioning")."""
    subject = [w for w in q.words if w not in COUNTRY_WORDS]
    for t in q.topics:
        if t.score < TOPIC_FIELD_QUESTION:
            break
        rec = ctx.kb.get(t.topic_id)
        named = {n for name in (names_of(rec) if rec else (t.title,)) for n in words(name)}
        if subject and all(_names_word(named, w) for w in subject):
            return t.topic_id
    return None


def _sure_about(ctx: Context, q: Question) -> str | None:
    """A topic about a named station or organization that is sure of the question and uses
    every word it asks ("where does the iss get dumped": its end of life holds the place),
    when neither its title nor a listed question says the words."""
    ids = set(q.record_ids)
    for t in q.topics:
        if t.score < TOPIC_SURE:
            break
        if ids & ctx.topics.related.get(t.topic_id, frozenset()) and _holds_words(
            ctx, t.topic_id, q
        ):
            return t.topic_id
    return None


def _names_word(named: set[str], word: str) -> bool:
    """Whether a name's words hold the word, or one it starts ("retir" of "retirement",
    "shut" of "shutdown": the stemmer leaves such nouns whole)."""
    return word in named or (
        len(word) >= _TITLE_WORD_MIN and any(n.startswith(word) for n in named)
    )


COUNTRY_WORDS = frozenset(
    words(" ".join(["russia america japan europe european china kazakhstan", *vocab.NATIONALITIES]))
)
_FORM_WORDS = frozenset("what whats which who whos when where why how will does with".split())
_TITLE_WORD_MIN = 4  # shorter words ("is", "the", "its") say nothing of a title's subject


def _country_titled(ctx: Context, q: Question) -> list[str]:
    """Topics whose title names the question's country ("Russian", "Russia's") and another
    word of the question ("when will russia build its own station": Russian Orbital Station)."""
    typed = {w for w in fold_tokens(q.text) if len(w) >= _TITLE_WORD_MIN} - _FORM_WORDS
    found = []
    for tid, title in ctx.topics.titles.items():
        own = set(fold_tokens(title))
        country = {t for t in own for c in q.words if t.startswith(c)}
        if country and (typed - {w for w in typed for c in q.words if w.startswith(c)}) & (
            own - country
        ):
            found.append(tid)
    return found


def _verbatim(ctx: Context, q: Question) -> str | None:
    """A topic one of whose listed questions this is, nearly word for word."""
    for t in q.topics:
        if t.phrasing >= TOPIC_VERBATIM and _covered(ctx, q, t.topic_id, named=False):
            return t.topic_id
    return None


def _about_records(ctx: Context, q: Question, now: dt.date) -> Reply:
    """A question naming records: its fact, the topic about them, or the brief card."""
    main = q.main()
    assert main is not None
    if main.kind == "topic":
        if q.ask == Ask.YES_NO and main.start < 0 and not _topic_says(ctx, main.record_id, q):
            # "was anyone injured?" of the pad damage: its texts say nothing of injuries
            return honest.not_recorded(ctx, q, main.record_id, now)
        return _topic(ctx, main.record_id, now, q)
    ids = q.record_ids
    remembered = main.start < 0  # a follow-up: about the remembered record, not one beside it
    related = (
        _covering_topic(ctx, q, TOPIC_ABOUT_RECORD, named=True, about=remembered)
        if q.words
        else None
    )
    sure = _covering_topic(ctx, q, TOPIC_SURE, named=True, about=True)
    verbatim = _verbatim(ctx, q)
    if remembered and verbatim not in (sure, related):
        verbatim = None
    pair = tuple(dict.fromkeys(s.record_id for s in q.subjects if s.kind not in WEAK_KINDS))
    if q.ask == Ask.WHY and len(pair) > 1 and vocab.RELATION_ASK.search(q.text):
        relating = _relating(ctx, q, pair, now)
        if relating is not None:  # "why can't dragon just replace progress": what ties them
            return relating
    if q.ask == Ask.WHY:
        # "what happened to htv x1" alone is about the flight; to Dream Chaser, the news
        topic = related or verbatim or (sure if main.kind not in ("mission", "crew") else None)
        asks_reason = vocab.REASON_ASK.search(q.text) or vocab.NEWS_ASK.search(q.text)
        if topic is None and asks_reason and not vocab.DELAYED.search(q.text):
            # "why did artemyev get pulled": a plain why, whatever its verb, is answered by
            # the closest topic about the record (its reason), never by its status alone; a
            # slip's reasons are its schedule notes (`_why_slipped`)
            topic = next(
                (
                    t.topic_id
                    for t in q.topics
                    if t.score >= TOPIC_CONFIDENT
                    and main.record_id in ctx.topics.related.get(t.topic_id, frozenset())
                ),
                None,
            )
        if topic is None and len(set(ids)) > 1:  # "why was X pulled from Y": what links them
            topic = next(
                (
                    t.topic_id
                    for t in q.topics
                    if t.score >= TOPIC_ABOUT_RECORD
                    and set(ids) <= ctx.topics.related.get(t.topic_id, frozenset())
                ),
                None,
            )
        if topic is not None:
            return _topic(ctx, topic, now, q)
        passage = _passage_answer(ctx, q, ids, now)
        if passage is not None and gives_reason(passage.text):
            return passage
        slips = _why_slipped(ctx, q, main.record_id, now)
        if slips is not None:
            return slips
        reason = reason_for(ctx, q, main.record_id)
        if reason is not None:  # "why didn't NG-22 fly": its reason before its status line
            card = describe(ctx, main.record_id, now, brief=True)
            return _led_by(ctx, card, reason, _minus_sentence(card.text, reason.text))
        if passage is not None:
            return passage
        return describe(ctx, main.record_id, now, brief=True)
    if q.ask == Ask.YES_NO and not q.facts and said.asks_name(q):
        # "did the ng24 cygnus have a name?": yes, with the sentence naming it
        naming = said.name_passage(ctx, [s.record_id for s in _by_specificity(q, main)])
        if naming is not None:
            return replace(
                _passage_reply(ctx, naming, now), text=f"Yes: {said.quoted(ctx, naming)}", fields=()
            )
    if q.ask == Ask.YES_NO:
        return _yes_no(ctx, q, main, sure or verbatim, now)
    if q.ask == Ask.DESCRIBE and not q.words:
        return describe(ctx, main.record_id, now, brief=True)
    first = q.facts[0] if q.facts else None
    if q.ask == Ask.WHEN and first in said.DATED_BY:
        # "when was site 31 built": a builder field says who, not when; a sentence may date it
        dated = said.value_passage(ctx, [main.record_id], said.DATED_BY[first], said.Kind.DATE)
        if dated is not None:
            return replace(_passage_reply(ctx, dated, now), text=said.quoted(ctx, dated), fields=())
        return honest.not_recorded(ctx, q, main.record_id, now)
    named = _facts_for(ctx, q, main, defaults=False)
    if not named and said.asks_name(q):  # "what was NG-24 called": a sentence naming it
        naming = said.name_passage(ctx, [s.record_id for s in _by_specificity(q, main)])
        if naming is not None:
            return replace(
                _passage_reply(ctx, naming, now), text=said.quoted(ctx, naming), fields=()
            )
    parted = _each_part(ctx, q, main, now)
    if parted is not None:  # "ax-5 when and who's flying": each fact in its own sentence
        return parted
    own_words = {w for f in named[:1] for w in vocab.FACT_WORDS.get(f, ())}
    if q.ask == Ask.HOW_MANY and any(_unsaid(ctx, w) for w in q.words if w not in own_words):
        # "how many people died in the site 31 accident": no text speaks of deaths at all,
        # so the accident's topic would count nothing asked
        return honest.not_recorded(ctx, q, main.record_id, now)
    if not named:
        if verbatim is not None:
            return _topic(ctx, verbatim, now, q)  # "how long was the gap between progress launches"
        if q.words:  # "who pays for crs-35": the words say more than the form of question
            topic = related or sure
            if topic is None or not _topic_about(ctx, topic, main.record_id):
                linked = _linked_answer(ctx, q, main, now)
                if linked is not None:
                    return linked
            if topic is not None:
                return _topic(ctx, topic, now, q)
            passage = _passage_answer(ctx, q, ids, now)
            if passage is not None:
                return passage
            if q.ask != Ask.STATUS and not _field_words_only(q):
                return honest.not_recorded(ctx, q, main.record_id, now)
    beside = [w for w in q.words if not (named and w in vocab.FACT_WORDS.get(named[0], ()))]
    if q.ask == Ask.HOW_LONG and named and set(named) <= STATE_FACTS and (sure or verbatim):
        # "how long did site 31 repairs take": a state has no length; the topic timing it does
        return _topic(ctx, sure or verbatim or "", now, q)
    if named and beside:  # "soyuz backup pad": a word only its pad's texts use
        linked = _linked_answer(ctx, replace(q, words=tuple(beside)), main, now)
        if linked is not None:
            return linked
    if named and beside and q.ask in FIELD_ASKS:  # "how long was the gap between ..."
        topic = related or sure or verbatim
        if topic is not None:
            return _topic(ctx, topic, now, q)
        passage = _passage_answer(ctx, q, ids, now)
        if passage is not None:
            return passage
        if all(not ctx.topics.knows(w) for w in beside):  # "how many people have died ..."
            return honest.not_recorded(ctx, q, main.record_id, now)

    for fact in named or _facts_for(ctx, q, main, defaults=True):
        for subject in _by_specificity(q, main):
            found = fact_answer(ctx, subject.record_id, q, fact, now)
            if found is None:
                continue
            if not found.known and fact in TOPIC_KNOWS_BETTER:
                topic = _topic_for_fact(ctx, q, fact)
                if topic is not None:
                    return _topic(ctx, topic, now, q)  # "when will crew-12 come home"
            if not found.known:
                passage = _passage_answer(ctx, q, ids, now)
                if passage is not None:
                    return passage
            told = _telling_passage(ctx, q, subject.record_id, beside, found.reply.text, now)
            if told is not None:
                return told
            return _and_more(ctx, q, subject.record_id, fact, named, found.reply, now)
    topic = sure or verbatim or related
    if topic is not None:
        return _topic(ctx, topic, now, q)
    passage = _passage_answer(ctx, q, ids, now)
    if passage is not None:
        return passage
    if q.ask in FIELD_ASKS:  # "how much does the iss weigh": a fact the base does not hold
        return honest.not_recorded(ctx, q, main.record_id, now)
    return describe(ctx, main.record_id, now, brief=True)


def _other_subject(ctx: Context, topic_id: str, q: Question) -> bool:
    """Whether a topic is a named subject of its own (ROS) that is not about the records the
    question names: "the inclination of the iss" is not ROS's inclination."""
    rec = ctx.kb.get(topic_id)
    if not isinstance(rec, Topic) or not rec.aliases:
        return False
    return not set(q.record_ids) & ctx.topics.related.get(topic_id, frozenset())


def _topic_says(ctx: Context, topic_id: str, q: Question) -> bool:
    """Whether a topic's texts, or those of the records it is about, use a subject word of
    the question (a yes/no follow-up with none is not settled by the topic)."""
    if not q.words:
        return True
    about = (topic_id, *ctx.topics.related.get(topic_id, frozenset()))
    said_words = {w for rid in about for p in ctx.lexicon.passages.get(rid, ()) for w in p.words}
    return any(w in said_words or ctx.topics.expand(w) in said_words for w in q.words)


_SLIPS_SHOWN = 4  # the latest schedule changes a why-slip answer lists (the card has all)


def _why_slipped(ctx: Context, q: Question, rid: str, now: dt.date) -> Reply | None:
    """ "why did NG-24 slip": the reasons its schedule history records, each with its date."""
    m = ctx.kb.missions.get(rid)
    if m is None or not vocab.DELAYED.search(q.text):
        return None
    noted = [e for e in m.schedule if e.note][-_SLIPS_SHOWN:]
    if not noted:
        return None
    from commands.format import collect_sources, day_text, source_lines

    card = describe(ctx, rid, now, brief=True)
    lines = "; ".join(f"planned {e.planned.text()}: {e.note.rstrip('.')}" for e in noted)
    ids = collect_sources(tuple(s for e in noted for s in e.sources), card.source_ids)
    return replace(
        card,
        text=f"{m.name}'s schedule history, as of {day_text(ctx.kb.as_of)}: {lines}.",
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
    )


# Forms of question that ask for one value: with no fact to give, the answer says so.
STATE_FACTS = frozenset({Fact.STATUS})  # facts saying a state, never how long something took
FIELD_ASKS = (Ask.WHEN, Ask.WHERE, Ask.HOW_MUCH, Ask.HOW_MANY, Ask.HOW_LONG)


def _topic_for_fact(ctx: Context, q: Question, fact: Fact) -> str | None:
    """A topic about a named record, close to the question, that speaks to the fact and
    names the record in its questions ("When Crew-12 comes home" is not about Crew-13)."""
    ids = set(q.record_ids)
    need = vocab.FACT_WORDS.get(fact, frozenset())
    for t in q.topics:
        if t.score < TOPIC_SURE:
            break
        about = ids & ctx.topics.related.get(t.topic_id, frozenset())
        if about and need & ctx.topics.vocabulary_of(t.topic_id) and _names(ctx, t.topic_id, q):
            return t.topic_id
    return None


def _names(ctx: Context, topic_id: str, q: Question) -> bool:
    """Whether a topic's title or questions name the question's main record."""
    main = q.main()
    rec = ctx.kb.get(main.record_id) if main else None
    if rec is None:
        return False
    asked = ctx.topics.asked_words(topic_id)
    return any(set(fold_tokens(n)) <= asked for n in names_of(rec))


def _yes_no(ctx: Context, q: Question, main: Subject, sure: str | None, now: dt.date) -> Reply:
    """Yes, no or not known from the fact asked about; a topic that nearly is the question
    answers when the fact does not decide it ("is starliner flying crew")."""
    than = _than(ctx, q)
    if than is not None:  # "does dragon carry more than cygnus": the comparison's verdict
        return than  # (before claims: "faster than ms-29" weighs two, it claims no record)
    said_so = _claim_said(ctx, q, main, now)
    if said_so is not None:  # "did crew-13 break a speed record": "the fastest US trip"
        return said_so
    claim = vocab.CLAIM.search(q.text)
    if claim is not None and Fact.FIRST_FLIGHT not in q.facts:
        checked = _claim_check(ctx, q, main, claim, now)
        if checked is not None:
            return checked
    named = _named_value(ctx, q, main, now)
    if named is None and claimed.is_value(q, main):  # "does htv-x fly ... from tanegashima":
        claimants = (s for s in q.subjects if s.start >= 0 and not claimed.is_value(q, s))
        named = next((n for s in claimants if (n := _named_value(ctx, q, s, now))), None)
    if named is not None:  # "did NG-24 launch on an Antares": the value against its field
        return named
    sure = _kept(ctx, q, main, sure)
    found = None
    fact = None
    for fact in _facts_for(ctx, q, main):
        found = fact_answer(ctx, main.record_id, q, fact, now)
        if found is not None:
            break
    if found is not None and found.yes is None and fact is Fact.STATUS:
        # "was artemyev removed from crew-12": the status asked is the person's, not the flight's
        others = (fact_answer(ctx, s.record_id, q, fact, now) for s in q.subjects if s is not main)
        found = next((o for o in others if o is not None and o.yes is not None), found)
    if found is not None and found.yes is True:  # "launched on an H-IIB": a value it left unread
        unread = _unread_value(ctx, q, main, found.reply)
        if unread is not None:
            return unread
    # words of any fact asked ("departed yet or still berthed at unity": the port) are no
    # other matter
    asked = {w for f in q.facts for w in vocab.FACT_WORDS.get(f, ())}
    # a month asked of a date fact is the date claimed ("going up in march"), no other matter
    months = _MONTH_WORDS if fact in claimed.DATE_FACTS else frozenset()
    beside = [w for w in q.words if fact is None or (w not in asked and w not in months)]
    if found is not None and found.yes is not None:  # a Yes/No whose sentence says the word
        said_words = set(words(_lead_of(found.reply.text)))  # ("the trunk is expended")
        beside = [w for w in beside if w not in said_words]
    if beside:  # "does nasa pay russia for soyuz seats": the fact is not what is asked
        topic = _kept(ctx, q, main, _covering_topic(ctx, q, TOPIC_CONFIDENT, named=True))
        if topic is None or not _topic_about(ctx, topic, main.record_id):
            linked = _linked_answer(ctx, q, main, now)  # "a backup pad for soyuz": its pad's
            if linked is not None:
                return linked
        if topic is not None and fact is Fact.STATUS and found is not None and found.known:
            # "is progress ms-33 toast": a slang word asks the flight's own status; a topic
            # answers only when it is about that record ("is soyuz cooked": its troubles)
            topic = topic if _titled_for(ctx, topic, main.record_id) else None
            if topic is None:
                return found.reply
        if topic is not None:
            return _topic(ctx, topic, now, q)
        passage = _passage_answer(ctx, q, q.record_ids, now)
        if passage is not None:
            return passage
    if found is not None and (found.yes is not None or not found.known):
        return found.reply
    if sure is not None:
        return _topic(ctx, sure, now, q)
    related = _kept(ctx, q, main, _covering_topic(ctx, q, TOPIC_CONFIDENT, named=True, about=True))
    if found is None and related is not None:
        return _topic(ctx, related, now, q)
    if found is not None:
        return found.reply
    passage = _passage_answer(ctx, q, q.record_ids, now)
    if passage is not None:
        return passage
    if q.words:  # "is the iss safe": nothing in the base says
        return honest.not_recorded(ctx, q, main.record_id, now)
    return describe(ctx, main.record_id, now, brief=True)


def _unread_value(ctx: Context, q: Question, main: Subject, reply: Reply) -> Reply | None:
    """A Yes that leaves a value the question names unread ("did HTV-X1 go up on an H-IIB",
    "splashed down in the Atlantic?"): No with the recorded value of that kind, or "Not known
    as a plain yes or no" when nothing recorded speaks to it."""
    rec = ctx.kb.get(main.record_id)
    first, _, rest = reply.text.partition("\n")
    if rec is None or not first.startswith("Yes. "):
        return None
    recorded = tuple(f.value for f in reply.fields if f.name == _RECORDED)
    recorded += claimed.field_sentences(ctx, rec)  # "on an H-IIB" of HTV-X: its H3
    verdict = claimed.unread_values(ctx, q, rec, first.removeprefix("Yes. "), recorded)
    if verdict is None:
        return None
    yes, said_line = verdict
    if yes is False:
        fields = tuple(f for f in reply.fields if f.name != _RECORDED)
        text = f"No. {said_line}"
    else:
        fields = reply.fields
        text = f"Not known as a plain yes or no as of {day_text(ctx.kb.as_of)}: {said_line}"
    return replace(reply, text="\n".join((text, rest)) if rest else text, fields=fields)


_RECORDED = "Recorded"  # the field that quotes an event's own text (facts._m_event)


def _holds_words(ctx: Context, topic_id: str, q: Question) -> bool:
    """Whether the topic uses every subject word of the question that some text of the base
    uses, or one standing for it: "what altitude does the iss orbit at" is not answered by a
    topic saying only "orbital" (a word no text uses, "daily", decides nothing)."""
    bag = ctx.topics.vocabulary_of(topic_id)
    return all(w in bag or ctx.topics.expand(w) in bag for w in q.words if not _unsaid(ctx, w))


def _unsaid(ctx: Context, word: str) -> bool:
    """Whether no text of the base (record or topic) uses the word or one of its stem
    ("generator": "generation")."""
    stem = word[:_STEM_LETTERS]
    return not ctx.topics.knows(word) and not any(w.startswith(stem) for w in ctx.lexicon.idf)


_STEM_LETTERS = 5  # letters two words share to count as one stem for _unsaid


def _topic_about(ctx: Context, topic_id: str, rid: str) -> bool:
    """Whether a topic names the record, or a record linked to it, among its related ones
    (the pad damage's topic speaks for Soyuz's pad)."""
    related = ctx.topics.related.get(topic_id, frozenset())
    return rid in related or any(n in related for n in neighbours(ctx, rid))


def _linked_answer(ctx: Context, q: Question, main: Subject, now: dt.date) -> Reply | None:
    """Words the subject's own texts (and topics about it) never use, answered from the
    sentences of its linked records ("is there a backup pad for soyuz": its pad's)."""
    asked = frozenset(q.words)
    about = tuple(t for t, rel in ctx.topics.related.items() if main.record_id in rel)
    if not asked or says_words(ctx, (*q.record_ids, *about), asked):
        return None
    found = linked_passages(ctx, main.record_id, asked, frozenset(words(q.text)))
    if not found:
        return None
    rec = ctx.kb.get(main.record_id)
    name = rec.name if rec is not None else main.record_id
    shown = ", ".join(f"“{w}”" for w in _typed_forms(q))
    lead = f"{name}'s own records say nothing of {shown}; records linked to it do: "
    reply = _passage_reply(ctx, found[0], now)
    ids = collect_sources(*(p.sources for p in found))
    return replace(
        reply,
        title=name,
        text=lead + " ".join(said.quoted(ctx, p) for p in found),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        entities=tuple(dict.fromkeys((main.record_id, *(p.record_id for p in found)))),
    )


def _typed_forms(q: Question) -> list[str]:
    """The question's subject words as typed ("backup", not its stem)."""
    typed = [t for t in re.findall(r"[\w'-]+", q.text) if set(words(t)) & set(q.words)]
    return list(dict.fromkeys(t.lower() for t in typed)) or list(q.words)


def _than(ctx: Context, q: Question) -> Reply | None:
    """ "is X more than Y" of two vehicles or two flights: yes or no from the verdict a
    comparison of them gives (a tie is no winner); None when no verdict can be given."""
    than = bool(compare_cmd.THAN_ASKED.search(q.text))
    either = bool(compare_cmd.WEIGHS.search(q.text) and re.search(r"\bor\b", q.text, re.I))
    if not than and not either:  # "did A or B get there faster": which of them, no yes/no
        return None
    subs = [s for s in q.subjects if s.start >= 0 and s.kind != "station"]  # "to the station"
    for group in q.ambiguous:  # "does the dragon stay longer than a progress": the cargo one
        pick = _same_sort(ctx, [s.record_id for s in subs], group)
        if pick is not None:
            subs.append(pick)
    subs.sort(key=lambda s: s.start)
    ids = list(dict.fromkeys(s.record_id for s in subs))
    kinds = {s.kind for s in subs}
    if len(ids) != 2 or len(kinds) != 1 or kinds & {"mission", "vehicle"} != kinds:
        return None
    recs = [r for rid in ids if (r := ctx.kb.get(rid)) is not None]
    if all(isinstance(r, Vehicle) for r in recs):
        vs = [r for r in recs if isinstance(r, Vehicle)]
        line = compare_cmd.verdict(vs, q.facts, q.cargo, q.text)
    else:
        ms = [r for r in recs if isinstance(r, Mission)]
        line = (
            compare_cmd.mission_verdict(ctx, ms, q.facts, q.cargo, q.text) if len(ms) == 2 else ""
        )
    if not line:
        return None
    yes = compare_cmd.than_yes(line, recs[0].name, [r.name for r in recs], q.text)
    from commands.format import collect_sources, day_text, source_lines

    word = {True: "Yes.", False: "No.", None: f"Not known as of {day_text(ctx.kb.as_of)}."}[yes]
    ids_src = collect_sources(*(r.sources for r in recs))
    return Reply(
        kind="answer",
        title=" and ".join(r.name for r in recs),
        text=f"{word} {line}" if than else line,
        sources=source_lines(ctx.kb, ids_src),
        source_ids=ids_src,
        as_of=ctx.kb.as_of,
        entities=tuple(ids),
    )


def _named_value(ctx: Context, q: Question, main: Subject, now: dt.date) -> Reply | None:
    """A yes/no naming a value of one of the record's fields, answered from that field."""
    rec = ctx.kb.get(main.record_id)
    if rec is None:
        return None
    verdict = claimed.check(ctx, q, rec, now)
    if verdict is None:
        return None
    lead = Lead(verdict.text, known=verdict.known, yes=verdict.yes)
    lead.sources = list(verdict.sources)
    reply = finish(ctx, rec, q, lead)
    return _unread_value(ctx, q, main, reply) or reply  # "aboard Dragon Endurance": the name


def _claim_said(ctx: Context, q: Question, main: Subject, now: dt.date) -> Reply | None:
    """ "did X break a speed record", "was X the quickest trip": yes when a sentence of the
    record's own texts writes a superlative of the same meaning ("the fastest US trip"),
    quoted so its own limits ("US") show; words are compared by meaning, not spelling."""
    asked = set(words(q.text))
    meant = [m for m in vocab.CLAIM_MEANINGS if m & asked]
    if not meant and not asked & vocab.RECORD_WORDS:
        return None
    if vocab.CLAIM.search(q.text) and not meant:  # "the first ...": a rank, checked apart
        return None
    wanted = set().union(*meant) if meant else set().union(*vocab.CLAIM_MEANINGS)
    wanted |= vocab.RECORD_WORDS
    found = [
        p
        for p in ctx.lexicon.passages.get(main.record_id, ())
        if p.words & vocab.SUPERLATIVES & wanted and not _NEGATED.search(p.text)
    ]
    if not found:
        return None
    best = min(found, key=lambda p: len(p.text))
    from commands.format import day_text

    reply = _passage_reply(ctx, best, now)
    return replace(
        reply,
        text=f"Yes, as recorded (as of {day_text(ctx.kb.as_of)}): {said.quoted(ctx, best)}",
    )


_NEGATED = phrases(r"\b(?:not|no|never|nor)\b", re.I)
_MONTH_WORDS = frozenset(w for m in MONTH_NAMES for w in words(m))


def _titled_for(ctx: Context, topic_id: str, rid: str) -> bool:
    """Whether a topic's title (its subject) names the record."""
    rec = ctx.kb.get(rid)
    title = set(fold_tokens(ctx.topics.titles.get(topic_id, "")))
    return rec is not None and any(set(fold_tokens(n)) <= title for n in names_of(rec))


def _kept(ctx: Context, q: Question, main: Subject, topic: str | None) -> str | None:
    """A topic for a yes/no question, unless the subject is remembered and the topic shares
    too few of the question's words ("was anyone hurt?" of Soyuz MS-28 is not "did the
    scandal hurt cooperation")."""
    if topic is None or main.start >= 0 or _shared_words(ctx, topic, q) >= ASIDE_TOPIC_WORDS:
        return topic
    return None


def _claim_check(
    ctx: Context, q: Question, main: Subject, claim: re.Match[str], now: dt.date
) -> Reply | None:
    """ "was crew-12 the first crewed launch from slc-40": no field decides a rank among others,
    so never a bare Yes or No; the recorded sentences that speak of that rank, said as such."""
    rank = claim.group("rank").lower()
    asked = frozenset(words(f"{rank} {claim.group('what')}"))
    people = [c for c in ctx.kb.crew.values() if c.id in q.record_ids]
    flights = [m.id for m in ctx.kb.missions.values() if any(c.id in m.crew for c in people)]
    # a topic about the subject speaks of it too ("Dragon now launches only from SLC-40")
    topics = [t for t, about in ctx.topics.related.items() if main.record_id in about]
    ids = tuple(dict.fromkeys((*q.record_ids, *flights)))  # a person's flights speak of them
    rank_word = words(rank)
    # a passage of a record speaks of it without naming it ("the pad's new crew tower"); the
    # subject's kind is implied by its name ("the only pad" of SLC-40)
    kind = _KIND_NOUNS.get(main.kind, frozenset())
    own = {rid: set(words(getattr(ctx.kb.get(rid), "name", ""))) for rid in (*ids, *topics)}
    for rid in (main.record_id, *topics):
        own[rid] = own.get(rid, set()) | set(words(main.name)) | kind

    def ranking(among: tuple[str, ...]) -> list[Passage]:
        return [
            p
            for _, p in ctx.lexicon.best_passages(among, asked, CLAIM_PASSAGES * 3)
            if rank_word
            and rank_word[0] in p.words
            and len((asked - set(rank_word)) & (p.words | own.get(p.record_id, set()))) > 1
        ][:CLAIM_PASSAGES]

    found = ranking(ids)
    # a topic's sentence leads when it states the rank, and speaks when the records are silent
    said_by_topics = ranking(tuple(topics))
    told = [p for p in said_by_topics if _states_rank(ctx, p, main, asked, rank, q.text)]
    found = [*told[:1], *(found or said_by_topics)][:CLAIM_PASSAGES]
    if not found:
        return None
    from commands.format import collect_sources, day_text, source_lines, unverified

    card = describe(ctx, main.record_id, now, brief=True)
    said = "\n".join(f"• {p.text}" for p in found)
    phrase = f"the {rank}{claim.group('what')}".rstrip(" ?.!")
    weak = unverified(ctx.kb, found[0].sources)
    name_words = set(words(main.name))
    stated = next((p for p in found if _states_rank(ctx, p, main, asked, rank, q.text)), None)
    holders = ((_rank_holder(ctx, p, main, asked, rank, q.text), p) for p in found)
    holder = next(((n, p) for n, p in holders if n is not None), None) if not stated else None
    if stated is not None and not unverified(ctx.kb, stated.sources):
        # the subject's own sentence writes the whole claim ("the only remaining pad capable
        # of launching ... Soyuz ... to the ISS"): Yes, quoted so its limits show
        found = [stated, *(p for p in found if p is not stated)]
        text = f"Yes. {stated.text}"
        if len(found) > 1:
            text += "\nAlso recorded:\n" + "\n".join(f"• {p.text}" for p in found[1:])
    elif holder is not None and not unverified(ctx.kb, holder[1].sources):
        # another record holds the rank ("Progress is the only vehicle that refuels ...")
        found = [holder[1], *(p for p in found if p is not holder[1])]
        text = f"No: {holder[1].text}"
        if len(found) > 1:
            text += "\nAlso recorded:\n" + "\n".join(f"• {p.text}" for p in found[1:])
    elif weak and name_words & found[0].words:  # one weak source says so: said as unverified
        text = (
            f"Not verified as of {day_text(ctx.kb.as_of)}: {found[0].text.rstrip('. ')} "
            f"({weak}; no other source in the fact base confirms it)."
        )
        if len(found) > 1:
            text += "\nAlso recorded:\n" + "\n".join(f"• {p.text}" for p in found[1:])
    else:
        text = (
            f"Not known as of {day_text(ctx.kb.as_of)}: no recorded fact says whether "
            f"{main.name} was {phrase}. What the fact base records:\n{said}"
        )
    ids_src = collect_sources(*(p.sources for p in found))
    return replace(
        card,
        text=text,
        fields=(),
        sources=source_lines(ctx.kb, ids_src),
        source_ids=ids_src,
    )


# A rank a sentence denies ("no longer the only pad"), or limits in a way a question may not
# ("the first crewed launch ... since the pad was damaged", "the first this year").
_RANK_DENIED = phrases(r"\b(?:not|no longer|never|nor)\b(?:\s+\S+){0,3}\s*$", re.I)
# The nouns a subject's own kind implies: "the only pad for Dragon" of SLC-40 needs no "pad".
_KIND_NOUNS = {
    "pad": frozenset(words("pad launch site complex")),
    "vehicle": frozenset(words("vehicle spacecraft ship craft capsule")),
}
# "only from SLC-40", "only at Site 31": what follows a rank of "only" (the name it restricts to).
_ONLY_NAMED = phrases(r"\s+(?:(?:from|at|on|by|with|to|in)\s+)?(?P<rest>.{1,40})", re.S)
# Ranks one record holds at a time: another record stated to hold one denies it of the subject.
_ONE_HOLDER = frozenset({"only", "first", "last", "final", "earliest"})
# Words between a rank and what it ranks that narrow nothing ("the only remaining pad").
_RANK_NEUTRAL = frozenset(words("remaining left ever other one single"))
# A flight's or pad's designation typed in a sentence: "NG-19", "MS-28", "Site 31".
_DESIGNATION = phrases(
    r"\b(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[A-Za-z]{1,8}[- ]?\d+"
    r"[A-Za-z]?\b",
    re.I,
)


# A recorded disagreement is named by its question ("Which rocket launches the first ROS
# module (NEM): Angara-A5M (...); Proton-M ..."): its sides are claims, not a statement.
_DISPUTE_LINE = phrases(r"^\s*(?:which|what|whether|when|who|where|how)\b[^:]*:", re.I)
# A paragraph that reports a claim as someone's ("per the seed", "the seed article says"),
# which later sources may have changed: its words are no outright statement.
_REPORTED = phrases(r"\bper the seed\b|\bthe seed(?: article)? (?:says|said|claims)\b", re.I)
_DISPUTED = phrases(r"[;,:]\s*(?:that|this|which|it)\s+(?:is|was)\s+disputed\b", re.I)


def _states_rank(
    ctx: Context, p: Passage, main: Subject, asked: frozenset[str], rank: str, text: str
) -> bool:
    """Whether a sentence of the subject's own record (or one naming it) writes every word of
    the claimed rank of the subject (not of another flight named just before it: "NG-19, the
    last Cygnus on an Antares"), undenied, with no limit ("since ...") or narrower words
    ("the first crewed Dragon launch") the question does not share."""
    if (
        _DISPUTE_LINE.match(p.text)
        or _DISPUTED.search(p.text)
        or _REPORTED.search(p.text)
        or vocab.RETRACTED.search(p.text)
    ):
        return False  # a disagreement, or a claim the sentence itself disputes, states nothing
    rec = ctx.kb.get(main.record_id)
    own = [fold(n) for n in names_of(rec)] if rec is not None else []
    if p.record_id != main.record_id and not any(n and n in fold(p.text) for n in own):
        return False
    # the subject's own sentence implies its name ("from the pad's new crew tower" of SLC-40)
    mine = rec is not None and p.record_id == main.record_id
    implied = {w for n in names_of(rec) for w in words(n)} if rec is not None and mine else set()
    if not asked - _RANK_NEUTRAL - _KIND_NOUNS.get(main.kind, frozenset()) - implied <= p.words:
        return False
    at = re.search(rf"\b{re.escape(rank)}\b", p.text, re.I)
    if at is None or _RANK_DENIED.search(p.text[: at.start()]):
        return False
    after = _ONLY_NAMED.match(p.text, at.end())
    if rank == "only" and after and any(n and fold(after["rest"]).startswith(n) for n in own):
        return True  # "Dragon now launches only from SLC-40": the subject is the only one
    ranked = " ".join(p.text[: at.start()].split()[-4:])  # what the rank is said of
    # "was Crew-9 the first crewed launch from SLC-40": the rank is claimed of the flight the
    # question names before it, the place's sentence must state it of that one
    claimed_of = _typed_holder(text, rank, own)
    holder = fold(claimed_of.group(0)) if claimed_of is not None else None
    typed = [fold(named.group(0)) for named in _DESIGNATION.finditer(ranked)]
    if holder is not None and holder not in typed:
        return False
    if any(t != holder and not any(t in n for n in own) for t in typed):
        return False
    limit = vocab.RANK_LIMITS.search(p.text, at.end())
    if limit is not None and limit.group(0).lower() not in text.lower():
        return False
    claimed = set(words(text))
    kind = _KIND_NOUNS.get(main.kind, frozenset())
    for w in words(p.text[at.end() :]):  # "the first crewed Dragon launch": narrower than asked
        if w in asked:
            return True
        # the subject's kind noun narrows nothing ("the only vehicle that refuels" of a "ship")
        if w not in claimed and w not in _RANK_NEUTRAL and w not in kind:
            return False
    return True


def _typed_holder(text: str, rank: str, own: list[str]) -> re.Match[str] | None:
    """The designation a question claims a rank of, typed just before it and not one of the
    subject's own names ("was Crew-9 the first crewed launch from SLC-40": Crew-9); None when
    the rank is claimed of the subject itself."""
    at = re.search(rf"\b{re.escape(rank)}\b", text, re.I)
    if at is None:
        return None
    start = max(0, at.start() - _HOLDER_REACH)
    typed = [
        m
        for m in _DESIGNATION.finditer(text, start, at.start())
        if not any(fold(m.group(0)) in n for n in own) and not m.group(0).split()[1:]
    ]
    return typed[-1] if typed else None


# How far before a rank a question's own designation is read as the rank's holder ("was
# Crew-9 the first").
_HOLDER_REACH = 24


def _rank_holder(
    ctx: Context, p: Passage, main: Subject, asked: frozenset[str], rank: str, text: str
) -> str | None:
    """The other record a sentence gives a one-holder rank the question claims of the subject
    ("Progress is the only vehicle that refuels the Russian segment", asked of Dragon): its
    name, for a No; None when the sentence states no such rank of another record."""
    if rank not in _ONE_HOLDER:
        return None
    at = re.search(rf"\b{re.escape(rank)}\b", p.text, re.I)
    if at is None:
        return None
    before = " ".join(p.text[: at.start()].split()[-4:])  # "Progress is the"
    rec = ctx.kb.get(main.record_id)
    own = [fold(n) for n in names_of(rec)] if rec is not None else []
    holder = _typed_holder(text, rank, own)
    typed = _DESIGNATION.finditer(before) if holder is not None else iter(())
    for named in typed:
        assert holder is not None
        # "was Crew-10 the first crewed launch from SLC-40": "Crew-9 became the first ..."
        as_theirs = text[: holder.start()] + named.group(0) + text[holder.end() :]
        if fold(named.group(0)) != fold(holder.group(0)) and _states_rank(
            ctx, p, main, asked, rank, as_theirs
        ):
            return named.group(0)
    for m in ctx.index.find_mentions(before):
        if m.record_id == main.record_id or m.kind != main.kind:
            continue
        other = Subject(m.record_id, m.kind, m.name, -1, -1, True)
        if _states_rank(ctx, p, other, asked, rank, text):
            return m.name
    return None


def _each_part(ctx: Context, q: Question, main: Subject, now: dt.date) -> Reply | None:
    """Two or more facts asked of one record in separate parts ("when did it launch and which
    capsule was it"), or a claim put up for checking then a fact asked ("X was the one with the
    boost kit, right? when did it land"): each answered in its own sentence, in the order
    asked, a fact the base lacks said as not recorded."""
    parts = read_parts(q, ASK_FACTS, DEFAULT_FACTS)
    if len(parts.facts) < (1 if parts.claim else 2) or len(set(q.record_ids)) != 1:
        return None
    rid = main.record_id
    replies: list[Reply] = []
    leads: list[str] = []
    if parts.claim:
        verdict = _claim_verdict(ctx, q, rid, parts.claim)
        if verdict is None:
            return None
        leads.append(verdict[0])
        replies.append(verdict[1])
    for fact in parts.facts:
        found = fact_answer(ctx, rid, replace(q, facts=(fact,)), fact, now)
        if found is None:
            rec = ctx.kb.get(rid)
            name = rec.name if rec is not None else rid
            leads.append(f"{name}'s {fact.value} is not recorded as of {day_text(ctx.kb.as_of)}.")
            continue
        leads.append(_lead_of(found.reply.text))
        replies.append(found.reply)
    if not replies:
        return None
    ids = collect_sources(*(r.source_ids for r in replies))
    notes = [n for r in replies for n in r.text.split("\n") if n.startswith(NOTE_OPENS)]
    fields = tuple(f for r in replies for f in r.fields)
    return replace(
        replies[0],
        text="\n".join([" ".join(leads), *notes[:1]]),
        fields=tuple(dict.fromkeys(fields)),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        dates=tuple(d for r in replies for d in r.dates),
    )


def _lead_of(text: str) -> str:
    """An answer's own sentences, without the stale-data note around them."""
    kept = [line for line in text.split("\n\n")[0].split("\n") if not line.startswith(NOTE_OPENS)]
    return " ".join(kept)


def _claim_verdict(ctx: Context, q: Question, rid: str, claim: str) -> tuple[str, Reply] | None:
    """Yes with the record's own sentence when one says every subject word of the claim (the
    question's `words`: "boost kit one" checks "kit"), else that the record does not say so;
    None when the claim has no such word to check."""
    rec = ctx.kb.get(rid)
    if rec is None:
        return None
    own = {w for n in names_of(rec) for w in words(n)}
    said_words = frozenset(w for w in words(claim) if w not in own and w in q.words)
    if not said_words:
        return None
    best = ctx.lexicon.best_passages((rid,), said_words, 1)
    if best and said_words <= best[0][1].words:
        reply = _passage_reply(ctx, best[0][1], now=ctx.kb.as_of)
        return f"Yes: {said.quoted(ctx, best[0][1])}", reply
    name = rec.name
    reply = describe(ctx, rid, ctx.kb.as_of, brief=True)
    asof = day_text(ctx.kb.as_of)
    return f"Not known: nothing recorded of {name} says so as of {asof}.", reply


def _and_more(
    ctx: Context,
    q: Question,
    rid: str,
    fact: Fact,
    named: list[Fact],
    reply: Reply,
    now: dt.date,
) -> Reply:
    """ "when did it launch and when did it dock": the second fact's lead after the first."""
    if not re.search(r"\S\s+and\s+\S", q.text.strip(), re.I):  # not a leading "and ..."
        return reply
    for other in named:
        if other is fact or other not in ASK_FACTS.get(q.ask, ()):
            continue
        found = fact_answer(ctx, rid, q, other, now)
        if found is not None and found.known:
            lead = found.reply.text.split("\n")[-1]
            return replace(reply, text=f"{reply.text} {lead}")
    return reply


def _telling_passage(
    ctx: Context, q: Question, rid: str, beside: list[str], lead: str, now: dt.date
) -> Reply | None:
    """A sentence of the record that has every word the question adds beside its fact, when the
    fact's own lead has none of them ("ng-24's booster was on what flight": the launch event
    that says the booster's flight, not just the rocket)."""
    if q.ask != Ask.WHAT or not beside or set(beside) & set(words(lead)):
        return None
    best = ctx.lexicon.best_passages((rid,), frozenset(beside), 1)
    if not best or not set(beside) <= best[0][1].words:
        return None
    # the sentence must be about the lead's own value (the rocket it names), not another
    # matter that shares a word ("science" in a summary, beside a cargo list)
    values = {m.record_id for m in ctx.index.find_mentions(lead)} - {rid}
    said = {m.record_id for m in ctx.index.find_mentions(best[0][1].text)}
    if not values & said:
        return None
    return _passage_answer(ctx, replace(q, words=tuple(beside)), (rid,), now)


def _field_words_only(q: Question) -> bool:
    """Whether the question's own words are all known to the base as plain words (the form
    of question, not a missing fact, is what they add)."""
    return all(w in ("year", "day", "month") for w in q.words)


def _by_specificity(q: Question, main: Subject) -> list[Subject]:
    rest = [s for s in q.subjects if s is not main]
    return [main, *rest]


def _facts_for(ctx: Context, q: Question, main: Subject, *, defaults: bool = True) -> list[Fact]:
    """The facts to try, best first: those the question names that fit its form, then the
    rest it names; else (with defaults) the form's own (a bare "when" is the launch date)."""
    named = list(q.facts)
    fitting = [f for f in ASK_FACTS.get(q.ask, ()) if f in named]
    order = fitting + [f for f in named if f not in fitting]
    rec = ctx.kb.get(main.record_id)
    if (
        not order
        and q.ask == Ask.YES_NO
        and isinstance(rec, Mission)
        and vocab.STILL_AHEAD.search(q.text)
    ):
        order = [Fact.LAUNCH]  # "is crew-13 up next": whether its launch is still to come
    if not order and defaults and q.ask != Ask.DESCRIBE:
        order = list(DEFAULT_FACTS.get(q.ask, ()))
    if Fact.LAUNCH in order and len(order) > 1 and q.ask not in (Ask.WHEN, Ask.YES_NO):
        order.remove(Fact.LAUNCH)  # "fly" in "what agency does she fly for" is not the date
        order.append(Fact.LAUNCH)
    if Fact.DOCKING in order and q.ask == Ask.WHO and vocab.CAPTURE.search(q.text):
        order.remove(Fact.DOCKING)  # "who caught ng-24": who worked the arm, not who flew
        order.insert(0, Fact.DOCKING)
    if Fact.CREW in order and Fact.CARGO in order and getattr(rec, "kind", "") == "cargo":
        order.remove(Fact.CREW)  # "what was on board progress ms-30": its cargo
    usable = [f for f in order if rec is not None and has_fact(rec, f)] or [
        f for f in order if any(has_fact(r, f) for r in _recs(ctx, q))
    ]
    if not usable and q.ask == Ask.HOW_MANY and q.facts:
        return []  # "how many reboosts did CRS-33 make": not its crew size
    if not usable and defaults and q.ask != Ask.DESCRIBE:  # "where is she from": her agency
        usable = [f for f in DEFAULT_FACTS.get(q.ask, ()) if rec is not None and has_fact(rec, f)]
    return usable


def _recs(ctx: Context, q: Question) -> list[Record]:
    return [r for r in (ctx.kb.get(s.record_id) for s in q.subjects) if r is not None]


def _about_ambiguous(ctx: Context, q: Question, now: dt.date) -> Reply:
    """A name several records share: the topic about one of them if the question is a
    why-question it covers, else which one."""
    members = [s for g in q.ambiguous for s in g]
    family = _family_aboard(ctx, q, q.ambiguous[0], now)
    if family is not None:
        return family
    agreed = _agreed_fact(ctx, q, q.ambiguous[0], now)
    if agreed is not None:
        return agreed
    if q.ask in (Ask.WHY, Ask.YES_NO) or q.words:
        ids = {s.record_id for s in members}
        for t in q.topics:
            about = ids & ctx.topics.related.get(t.topic_id, frozenset())
            if t.score >= TOPIC_CONFIDENT and about and _covered(ctx, q, t.topic_id, named=True):
                return _topic(ctx, t.topic_id, now, q)
    group = q.ambiguous[0]
    typed = q.text[group[0].start : group[0].end]
    choices = [(s.name, s.record_id) for s in group]
    why = f"“{typed}” is the name of more than one record. Which one do you mean?"
    return honest.did_you_mean(ctx, q, choices, why)


def _family_aboard(
    ctx: Context, q: Question, group: tuple[Subject, ...], now: dt.date
) -> Reply | None:
    """ "is dragon still docked": a name several vehicles share asks the whole family's flights
    at the station (`facts.family_aboard`), not which vehicle is meant."""
    vehicles = [ctx.kb.vehicles.get(s.record_id) for s in group]
    if Fact.ABOARD not in q.facts or not all(vehicles):
        return None
    family = [v for v in vehicles if v is not None]
    lead = family_aboard(ctx, family, q, now)
    reply = finish(ctx, family[0], q, lead)
    return replace(
        reply,
        title=" and ".join(v.name for v in family),
        entities=tuple(v.id for v in family),
        more=None,
    )


def _agreed_fact(
    ctx: Context, q: Question, group: tuple[Subject, ...], now: dt.date
) -> Reply | None:
    """ "is dragon reusable": when every record the name fits gives the same yes or no."""
    if q.ask != Ask.YES_NO or not q.facts:
        return None
    answers = []
    for s in group:
        found = next(
            (a for f in q.facts if (a := fact_answer(ctx, s.record_id, q, f, now)) is not None),
            None,
        )
        if found is None or found.yes is None:
            return None
        answers.append(found)
    if len({a.yes for a in answers}) != 1:
        return None
    word = "Yes" if answers[0].yes else "No"
    body = " ".join(a.reply.text.removeprefix(f"{word}. ") for a in answers)
    first = answers[0].reply
    ids = tuple(dict.fromkeys(sid for a in answers for sid in a.reply.source_ids))
    from commands.format import source_lines

    return replace(
        first,
        title=" and ".join(s.name for s in group),
        text=f"{word}, for each of them. {body}",
        fields=(),
        entities=tuple(s.record_id for s in group),
        source_ids=ids,
        sources=source_lines(ctx.kb, ids),
        more=None,
    )


def _covering_topic(
    ctx: Context, q: Question, bar: float, *, named: bool, about: bool = False
) -> str | None:
    """The best topic at or above bar that covers the question's subject words; with records
    named, one about them (or one that is nearly the question, above TOPIC_SURE, unless
    `about` asks for a topic about them in any case)."""
    ids = set(q.record_ids) | {s.record_id for g in q.ambiguous for s in g}
    main = q.main(("mission", "crew", "pad", "vehicle")) or q.main()
    found: list[str] = []
    unsaid = named and ids and not about and _unsaid_by(ctx, q, ids)
    for t in q.topics:
        if t.score < bar:
            break
        is_about = bool(ids & ctx.topics.related.get(t.topic_id, frozenset()))
        held = unsaid and _shared_subject_words(ctx, t.topic_id, q) >= TOPIC_OWN_WORDS
        if named and ids and not is_about and (about or t.score < TOPIC_SURE) and not held:
            continue
        # A why-question's verbs may be any words: the best topic about its record answers.
        best_about = named and is_about and t is q.topics[0] and q.ask == Ask.WHY
        if best_about or _covered(ctx, q, t.topic_id, named=named and is_about):
            found.append(t.topic_id)
    if q.ask == Ask.WHY and len(found) > 1 and _form_of(ctx, found[0]) in FIELD_FORMS:
        # "why was artemyev removed": the topic that explains, not the one naming who
        explaining = [tid for tid in found if _form_of(ctx, tid) not in FIELD_FORMS]
        if explaining:
            found.remove(explaining[0])
            found.insert(0, explaining[0])
    if main is not None and named and found:  # "the h3 failure ... iss cargo": about H3
        first = next(t for t in q.topics if t.topic_id == found[0])
        about_main = [
            tid for tid in found if main.record_id in ctx.topics.related.get(tid, frozenset())
        ]
        if about_main and first.phrasing < TOPIC_VERBATIM:
            return about_main[0]
    return found[0] if found else None


def _unsaid_by(ctx: Context, q: Question, ids: set[str]) -> bool:
    """Whether no text of the named records uses any of the question's subject words ("the
    soyuz pad thing where the cabin fell in the trench": Soyuz MS's texts say nothing of a
    cabin or a trench), so a topic holding them speaks to it better than the record's card."""
    said_words = {w for rid in ids for p in ctx.lexicon.passages.get(rid, ()) for w in p.words}
    return bool(q.words) and not any(
        w in said_words or ctx.topics.expand(w) in said_words for w in q.words
    )


def _shared_subject_words(ctx: Context, topic_id: str, q: Question) -> int:
    """How many of the question's subject words a topic's texts use."""
    bag = ctx.topics.vocabulary_of(topic_id)
    return sum(1 for w in q.words if w in bag or ctx.topics.expand(w) in bag)


# The forms of question a topic can be for that ask for one field, not an explanation.
FIELD_FORMS = (Ask.WHO, Ask.WHEN, Ask.WHERE, Ask.HOW_MUCH, Ask.HOW_MANY, Ask.HOW_LONG)
FORMS_CACHE = 4096  # topics whose form of question _form_of_texts remembers


def _form_of(ctx: Context, topic_id: str) -> Ask | None:
    """The form most of a topic's title and listed questions take ("Who was involved ...":
    who), or None when no form has a majority."""
    rec = ctx.kb.get(topic_id)
    if not isinstance(rec, Topic):
        return None
    return _form_of_texts((rec.name, *rec.questions))


@functools.lru_cache(maxsize=FORMS_CACHE)
def _form_of_texts(texts: tuple[str, ...]) -> Ask | None:
    """_form_of on a topic's title and questions; pure, so remembered (a why-question would
    otherwise read every listed question of its candidate topics again)."""
    forms = [next((a for a, p in vocab.ASK_PATTERNS if p.search(t)), None) for t in texts]
    top = max(set(forms), key=forms.count)
    return top if top is not None and forms.count(top) * 2 > len(forms) else None


def _covered(ctx: Context, q: Question, topic_id: str, *, named: bool) -> bool:
    """Whether a topic speaks to the words the question adds to the names in it: one word
    when a record it is about narrows the subject, else at least TOPIC_COVER_SHARE of them."""
    bag = ctx.topics.vocabulary_of(topic_id)
    if not q.words:
        asked = {w for f in q.facts[:1] for w in words(f.value)}
        return (
            named
            or bool(asked & bag)
            or q.ask in (Ask.WHY, Ask.WHO, Ask.HOW_MUCH, Ask.HOW_MANY, Ask.HOW_LONG, Ask.YES_NO)
        )
    hits = sum(1 for w in q.words if w in bag or ctx.topics.expand(w) in bag)
    if named and not hits:  # "what did nasa last pay for a soyuz seat": "seat" titles it
        hits = len(_titling_words(ctx, q, topic_id))
    return hits >= 1 if named else hits >= TOPIC_COVER_SHARE * len(q.words)


def _titling_words(ctx: Context, q: Question, topic_id: str) -> set[str]:
    """The question's own words, beyond the names and forms in it, that a topic's title
    uses: a word read as part of the question's form ("seat", "price") still says which
    topic of a named record it asks about ("Seat barter and seat prices")."""
    title = set(words(ctx.topics.titles.get(topic_id, ""))) - QUESTION_FORMS
    names = ctx.topics.name_words  # "dragon" in "Why NASA chose Dragon" names, it asks nothing
    return {w for w in words(q.text) if w in title and w not in names and len(w) > 2}


def _topic(ctx: Context, topic_id: str, now: dt.date, q: Question | None = None) -> Reply:
    """A topic's brief card; for a why or how-much question, led by its sentence that
    carries the asked kind of fact (the cause, the amount); for a yes/no, opened by one."""
    card = _topic_card(ctx, topic_id, now, q)
    if q is not None and q.ask == Ask.YES_NO and card.kind == "answer":
        return _topic_yes_no(ctx, card, q, topic_id)
    return card


def _topic_card(ctx: Context, topic_id: str, now: dt.date, q: Question | None) -> Reply:
    """A topic's brief card, led by the sentence carrying the asked kind of fact."""
    card = describe(ctx, topic_id, now, brief=True)
    if q is None or card.kind != "answer":
        return card
    amount = (
        q.ask == Ask.HOW_MUCH or Fact.COST in q.facts or _per_day(q) or _UNIT_ASKED.search(q.text)
    )
    checks = vocab.VALUE.search(q.text) is not None  # "is the ROS orbit at 97 degrees"
    # "when was the dragon boost kit first used": the sentence naming the kit's first use
    first_use = q.ask == Ask.WHEN and (Fact.FIRST_FLIGHT in q.facts or _FIRST.search(q.text))
    # an attribute no field holds ("what inclination does ros orbit at"): the sentence that
    # shares the asked words, when one later in the text shares more than the first
    fact_words = vocab.FACT_WORDS.get(q.facts[0], frozenset()) if q.facts else frozenset()
    attribute = bool(q.words or fact_words) and q.ask != Ask.YES_NO
    body, sep, rest = card.text.partition("\n\n")
    other = _other_person_led(ctx, q, body)
    if other is not None:  # "who replaced Artemyev": the sentence naming his replacement
        return replace(card, text=other + sep + rest)
    if not (amount or checks or first_use or attribute or q.ask == Ask.WHY):
        return card
    # an amount (or a value checked, or a first use) is picked by every word asked ("how much
    # can the station make": the sentence that makes it); a cause by the subject words alone
    every = amount or checks or first_use
    asked = (
        frozenset(q.words)
        | (frozenset(words(_unnamed(q))) if every else frozenset())
        | (fact_words if not (every or q.ask == Ask.WHY) else frozenset())
    )
    led = lead_sentence(body, asked, ctx.lexicon.weight, amount=bool(amount))
    if q.ask == Ask.WHY:  # "why did nasa move crs-34 up": the sentence saying why, first
        reason = reason_for(ctx, q, topic_id, body)
        if reason is not None and reason.record_id == topic_id:
            led = " ".join([reason.text, *(p for p in sentences(led) if p != reason.text)])
        elif reason is not None:
            return _led_by(ctx, card, reason, led + sep + rest)
    return card if led == body else replace(card, text=led + sep + rest)


_LEANING_PRONOUN = phrases(r"^(?:He|She)\b")


def _other_person_led(ctx: Context, q: Question, body: str) -> str | None:
    """A topic's text for a who-question asked of a person it names ("who replaced
    Artemyev", "who took his seat"): led by the first sentence naming another person, its
    "He"/"She" written as the person asked of when the sentence before names only them;
    None when the first sentence already names another person, or none does."""
    asked = [r for r in q.record_ids if ctx.kb.kind_of(r) == "crew"]
    if not _asked_of_person(ctx, q) or len(asked) != 1:
        return None
    parts = sentences(body)

    def people(sentence: str) -> set[str]:
        found = ctx.index.find_mentions(sentence)
        return {m.record_id for m in found if ctx.kb.kind_of(m.record_id) == "crew"}

    others = [i for i, p in enumerate(parts) if people(p) - set(asked)]
    if not others or others[0] == 0:
        return None
    best = others[0]
    lead = parts[best]
    person = ctx.kb.get(asked[0])
    if _LEANING_PRONOUN.search(lead):
        if person is None or people(parts[best - 1]) != set(asked):
            return None  # whom "He" means is not certain: the text as written
        lead = _LEANING_PRONOUN.sub(person.name, lead, count=1)
    return " ".join([lead, *(p for i, p in enumerate(parts) if i != best)])


_OPENED = phrases(r"^(?:Yes|No|Not known|Not verified)\b")
# A denial of an asked word in the topic's leading sentence: "a cargo-only flight, not a
# crewed one", "did not stop cooperation".
_DENIES = r"\b(?:not|never|no longer)\s+(?!only\b|just\b)(?:[\w-]+\s+){{0,2}}?{word}"
# A question that itself negates ("isn't it", "did it not") is not settled by a denial.


def _denies(text: str, asked: Iterable[str]) -> bool:
    """Whether the text denies one of the asked words ("not a crewed one")."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(asked), key=len, reverse=True) if w)
    return bool(alternatives) and bool(
        re.search(_DENIES.format(word=f"(?:{alternatives})"), text, re.I)
    )


def _topic_yes_no(ctx: Context, card: Reply, q: Question, topic_id: str) -> Reply:
    """A yes/no question a topic answers: a deadline asked ("finished by March 2026") against
    the dated event of a record the topic is about; No when the topic's sentence sharing the
    most asked words denies one of them, else "Not known" as a plain yes or no, with what the
    topic records (never a Yes no field or rank decides)."""
    if _OPENED.match(card.text):
        return card
    about = (ctx.kb.get(rid) for rid in sorted(ctx.topics.related.get(topic_id, ())))
    due = claimed.deadline(ctx, q, tuple(r for r in about if r is not None), ctx.kb.as_of)
    if due is not None and due.yes is not None:
        ids = collect_sources(due.sources, card.source_ids)
        opened = f"{'Yes' if due.yes else 'No'}. {due.text}\n\n{card.text}"
        return replace(card, text=opened, sources=source_lines(ctx.kb, ids), source_ids=ids)
    again = _flown_again(ctx, q, topic_id)
    if again is not None:  # "did it ever fly again": the vehicle's first launch since failing
        ids = collect_sources(again.sources, card.source_ids)
        opened = f"Yes. {again.text}\n\n{card.text}"
        return replace(card, text=opened, sources=source_lines(ctx.kb, ids), source_ids=ids)
    body, sep, rest = card.text.partition("\n\n")
    led = lead_sentence(body, frozenset(q.words), ctx.lexicon.weight, amount=False)
    first = sentences(led)[0] if sentences(led) else led
    asked = {w for w in words(_unnamed(q)) if len(w) > 2} | set(q.words)
    denied = not vocab.NEGATION.search(q.text) and _denies(first, asked)
    if denied:  # the denying sentence first
        return replace(card, text=f"No. {led}{sep}{rest}")
    retracted = None if vocab.NEGATION.search(q.text) else _retraction(body, q)
    if retracted is not None:  # "X says the Progress MS-28 mission did it; that is an error"
        others = " ".join(s for s in sentences(body) if s != retracted)
        return replace(card, text=f"No. {retracted} {others}{sep}{rest}")
    reported = _REPORTED.search(first) or _DISPUTED.search(first) or vocab.RETRACTED.search(first)
    if (
        not vocab.NEGATION.search(q.text)
        and not reported
        and not bounds.misses_figure(q, first)  # "recovers 50% of its water": not "98%"
        and _affirms(first, q)
    ):
        # "did h3 fail": "H3 ... failed"; never from a claim the paragraph attributes or disputes
        return replace(card, text=f"Yes. {led}{sep}{rest}")
    dated = _dated_yes_no(ctx, q, topic_id) if _DATED.search(q.text) else None
    if dated is not None:  # "was the last antares flight in 2023": its sentence's own date
        yes, stating, tid = dated
        verdict = "Yes" if yes else "No"
        if tid == topic_id:  # the stating sentence first, then the rest of the topic's
            others = " ".join(s for s in sentences(body) if s != stating)
            return replace(card, text=f"{verdict}. {stating} {others}".rstrip() + sep + rest)
        ids = collect_sources(getattr(ctx.kb.get(tid), "sources", ()), card.source_ids)
        title = ctx.topics.titles.get(tid, tid)
        return replace(
            card,
            text=f"{verdict}. {stating} ({title})\n\n{card.text}",
            entities=tuple(dict.fromkeys((*card.entities, tid))),
            sources=source_lines(ctx.kb, ids),
            source_ids=ids,
        )
    opener = f"Not known as a plain yes or no as of {day_text(ctx.kb.as_of)}. What is recorded:"
    return replace(card, text=f"{opener} {card.text}")


def _flown_again(ctx: Context, q: Question, topic_id: str) -> Lead | None:
    """ "Did it ever fly again?" of a topic (or "did H3 return to flight"): the one vehicle the
    question names, else the topic is about, that has flown since its recorded failure (its
    first launch since, `facts.flew_again`); None when the question asks no flying again, or
    no single vehicle has."""
    if q.ask != Ask.YES_NO or vocab.NEGATION.search(q.text) or not vocab.FLOWN_AGAIN.search(q.text):
        return None
    named = [r for r in q.record_ids if ctx.kb.kind_of(r) == "vehicle"]
    pool = named or sorted(ctx.topics.related.get(topic_id, ()))
    found = []
    for rid in pool:
        rec = ctx.kb.get(rid)
        lead = flew_again(ctx, rec, ctx.kb.as_of) if isinstance(rec, Vehicle) else None
        if lead is not None and lead.yes:
            found.append(lead)
    return found[0] if len(found) == 1 else None


_YEAR = phrases(r"\b(?:19|20)\d\d\b")


def _dated_yes_no(ctx: Context, q: Question, topic_id: str) -> tuple[bool, str, str] | None:
    """A year or month asked of what a topic states: Yes when a clause of the topic (or of a
    topic it is related to) states the asked words with its nearest date inside the asked
    period; No when that clause dates a single event (a rank asked, "the last ... flight", or
    a flight named) only outside it; else None. Returns the verdict, what states it (the
    sentence, or the clause of a related topic) and the topic it is from."""
    year, month = q.year, claimed.month_asked(q.text)
    if year is None and month is None:
        return None
    claim = tuple(w for w in q.words if not _DATED.search(w)) or tuple(
        w
        for w in words(_unnamed(q))
        if not _DATED.search(w)
        and (
            w in vocab.RANK_ALIKE
            or (w not in QUESTION_FORMS and w not in vocab.QUESTION_VOCABULARY)
        )
    )
    single = any(w in vocab.RANK_ALIKE for w in claim) or any(
        s.kind == "mission" for s in q.subjects
    )
    pool = [
        topic_id,
        *sorted(t for t in ctx.topics.related.get(topic_id, ()) if t in ctx.topics.titles),
    ]
    for tid in pool:
        rec = ctx.kb.get(tid)
        text = " ".join(str(getattr(rec, "answer", "")).split())
        for sentence in sentences(text):
            for clause in sentence.split("; "):
                if not _affirms(clause, q, claim):
                    continue
                # "Spacewalks recorded for 2026 ...; ... on 6 August": the year written before
                before = [int(y) for y in _YEAR.findall(text[: max(0, text.find(clause))])]
                context = before[-1] if before else None
                anchors = [
                    m.start()
                    for w in (*claim, *(s.name.split()[-1] for s in q.subjects))
                    for m in re.finditer(re.escape(w[:AFFIRM_PREFIX]), clause, re.I)
                ]
                verdict = claimed.clause_dated(clause, anchors, year, month, context)
                if verdict is True or (verdict is False and single):
                    return verdict, (sentence if tid == topic_id else clause), tid
    return None


# Words before a verb that make it no statement of fact: "threatened to leave", "could fail".
_HEDGED = phrases(
    r"\b(?:to|threaten\w*|plan\w*|could|would|may|might|if|expect\w*|whether|unless|agree\w*)$",
    re.I,
)
# A year or month in the question: a topic's sentence may say the event in another one.
_DATED = phrases(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)


def _retraction(body: str, q: Question) -> str | None:
    """The sentence of a topic that reports just what the question claims (every asked word
    and every record it typed, by name or by its kind: "the pad") and then calls that report
    wrong, or None."""
    typed = [s for s in q.subjects if s.kind != "topic"]
    if not q.words or not typed:
        return None
    for sentence in sentences(body):
        m = vocab.RETRACTED.search(sentence)
        if m is None:
            continue
        reported = sentence[: m.start()]
        said = set(words(reported))
        named = all(
            fold(s.name) in fold(reported) or (s.kind != "mission" and s.kind in said)
            for s in typed
        )  # a flight is only ever said by its name
        if named and all(w in said for w in q.words):  # "Site 31/6" is "the pad" there
            return sentence
    return None


def _affirms(sentence: str, q: Question, claim: tuple[str, ...] | None = None) -> bool:
    """The sentence says what the question claims: every content word of the question (or of
    claim, its words less the dates asked) is in it (by stem, or a longer form of it:
    "evacuated" ~ "evacuation"; a rank by its like, "last" ~ "final"), every record typed is
    named in it, and each asked fact is said by one of its own words ("come home" ~
    "returned"). Word overlap short of all that never makes a Yes."""
    if claim is None and _DATED.search(q.text):  # a date asked needs the event's date check
        return False
    asked = q.words if claim is None else claim
    if not asked:
        return False
    if vocab.AGAIN.search(q.text) and not vocab.AGAIN.search(sentence):
        return False  # "did it fail again": a sentence of the one failure says no "again"
    tokens = fold_tokens(sentence)  # every word, so that "to" in "threatened to leave" counts
    stems = [stem(t) for t in tokens]
    canonical = frozenset(words(sentence))
    folded = fold(sentence)

    def has(w: str) -> bool:  # said outright, not under a threat, plan or "if"
        long = len(w) >= AFFIRM_PREFIX
        at = [i for i, s in enumerate(stems) if s == w or (long and s.startswith(w))]
        if not at:
            return w in canonical  # a word the text folds to ("destroyed": damage)
        return any(not _HEDGED.search(" ".join(tokens[max(0, i - 2) : i])) for i in at)

    def said(w: str) -> bool:  # "last" is said by "final"
        return any(has(like) for like in vocab.RANK_ALIKE.get(w, (w,)))

    named = all(
        fold(s.name) in folded or (s.start >= 0 and fold(q.text[s.start : s.end]) in folded)
        for s in q.subjects
        if s.kind != "topic"
    )
    facts = all(any(has(stem(w)) for w in vocab.FACT_WORDS.get(f, frozenset())) for f in q.facts)
    typed = [q.text[s.start : s.end] for s in q.subjects if s.start >= 0]
    # "NASA pays SpaceX ..., not Roscosmos" never says Roscosmos pays
    denied = _denies(sentence, (*asked, *typed, *(s.name for s in q.subjects)))
    return named and facts and not denied and all(said(w) for w in asked)


_FIRST = phrases(r"\b(?:first|maiden|debut)\b", re.I)
# A rate asked without "how much": "iss oxygen generation max per day", "water use a day".
_RATE = phrases(r"\b(?:per|a|each|every)\s+(?:day|person|crew ?member|astronaut|year)\b", re.I)


def _unnamed(q: Question) -> str:
    """The question's text without the names it typed ("iss" says nothing of a sentence)."""
    text = q.text
    for s in sorted(q.subjects, key=lambda x: -x.start):
        if s.start >= 0:
            text = text[: s.start] + " " + text[s.end :]
    return text


# An amount asked by its unit: "how many lb of oxygen", "how many kg".
_UNIT_ASKED = phrases(
    r"\bhow many (?:lbs?|pounds|kgs?|kilo\w*|tons?|tonnes|lit(?:er|re)s?|gallons?)\b", re.I
)


def _per_day(q: Question) -> bool:
    return bool(q.words) and bool(_RATE.search(q.text))


def _led_by(ctx: Context, card: Reply, reason: Reason, text: str) -> Reply:
    """A topic's card led by a record's sentence that gives the reason, with its sources."""
    from commands.format import collect_sources, source_lines

    rec = ctx.kb.get(reason.record_id)
    name = rec.name if rec is not None else reason.record_id
    own = _PRONOUN_LEAD.sub(lambda m: f"{name}'s" if m.group() == "Its" else name, reason.text)
    lead = own if own != reason.text or name.split()[0] in own else f"{name}: {own}"
    ids = collect_sources(reason.sources, card.source_ids)
    return replace(
        card,
        text=f"{lead}\n\n{text}",
        entities=tuple(dict.fromkeys((*card.entities, reason.record_id))),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
    )


def _minus_sentence(text: str, sentence: str) -> str:
    """A card's text with a sentence already said before it taken out (and no empty line left)."""
    paragraphs = (" ".join(p.replace(sentence, "").split()) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _relating(ctx: Context, q: Question, ids: tuple[str, ...], now: dt.date) -> Reply | None:
    """A why-question naming two or more records and a relation ("why can't X replace Y",
    "why not use X as a backup for Y"): the sentence, of those records or of a topic about all
    of them, that names them all and states such a relation (only, cannot, backup, …)."""
    own = {rid: {w for n in names_of(r) for w in words(n)} for rid in ids if (r := ctx.kb.get(rid))}
    distinct = {
        rid: toks - set().union(*(o for other, o in own.items() if other != rid))
        for rid, toks in own.items()
    }
    pool = [*ids, *(t for t, about in ctx.topics.related.items() if set(ids) <= about)]
    asked = set(q.words)
    best: tuple[int, bool, int, Passage] | None = None
    for rid in pool:
        for p in ctx.lexicon.passages.get(rid, ()):
            named = {i for i in ids if i == p.record_id or distinct.get(i, set()) & p.words}
            if len(named) < len(ids) or not vocab.RELATION_SAID.search(p.text):
                continue
            summary = getattr(ctx.kb.get(p.record_id), "summary", "") or ""
            # the most of the asked words; then a sentence of the record's own summary
            key = (len(asked & p.words), p.text in summary, -len(p.text), p)
            if best is None or key[:3] > best[:3]:
                best = key
    if best is None:
        return None
    passage = best[3]
    if ctx.kb.kind_of(passage.record_id) == "topic":
        card = describe(ctx, passage.record_id, now, brief=True)
        body, sep, rest = card.text.partition("\n\n")
        others = body.replace(passage.text, "").strip()
        return replace(card, text=f"{passage.text} {others}".strip() + sep + rest)
    reply = _passage_reply(ctx, passage, now)
    summary = getattr(ctx.kb.get(passage.record_id), "summary", "") or ""
    first = re.sub(r"^It\b", reply.title, passage.text)  # "It cannot …": say which
    if passage.text in summary:  # the record's own words around it, that sentence first
        lead = f"{first} {summary.replace(passage.text, '').strip()}".strip()
    else:
        lead = f"{first} {summary}".strip()
    return replace(reply, text=lead)


def _passage_answer(ctx: Context, q: Question, ids: tuple[str, ...], now: dt.date) -> Reply | None:
    """The record sentence that best answers the question's words ("who replaced him")."""
    if not q.words:
        return None
    people = [c for rid in ids for c in getattr(ctx.kb.get(rid), "crew", ())]
    best = ctx.lexicon.best_passages(ids + tuple(people), frozenset(q.words), _VALUED_POOL)
    best = [b for b in best if b[0] >= SENTENCE_SHARE]
    if not best:
        return None
    kind = _VALUE_KINDS.get(q.ask)
    if kind is not None:  # "how much water ...": the sentence with an amount by "water" first
        stems = tuple(w[:4] for w in q.words)
        best.sort(key=lambda b: not said.has_value_near(b[1].text, stems, kind))
    return _passage_reply(ctx, best[0][1], now)


_VALUED_POOL = 4  # sentences weighed for carrying a value of the asked kind
_VALUE_KINDS = {Ask.HOW_MUCH: said.Kind.AMOUNT, Ask.WHEN: said.Kind.DATE}


_PRONOUN_LEAD = phrases(r"^(?:It|Its)\b")  # "Its docked design life ...": say whose


def _passage_reply(ctx: Context, passage: Passage, now: dt.date) -> Reply:
    """A record's brief card led by one sentence of its texts."""
    card = describe(ctx, passage.record_id, now, brief=True)
    rec = ctx.kb.get(passage.record_id)
    name = rec.name if rec is not None else passage.record_id
    own = _PRONOUN_LEAD.sub(lambda m: f"{name}'s" if m.group() == "Its" else name, passage.text)
    lead = own if own != passage.text or name.split()[0] in own else f"{name}: {own}"
    from commands.format import collect_sources, source_lines, unverified

    weak = unverified(ctx.kb, passage.sources)
    if weak:  # "The Cygnus XL was named ... (unverified: reported only by ...)"
        lead = f"{lead.rstrip('. ')} ({weak})."

    ids_src = collect_sources(passage.sources, card.source_ids)
    return replace(
        card,
        text=lead,
        fields=tuple(f for f in card.fields if f.name == "Sources disagree"),
        sources=source_lines(ctx.kb, ids_src),
        source_ids=ids_src,
    )


def _sources(ctx: Context, q: Question, now: dt.date) -> Reply | None:
    spec = BY_COMMAND[Command.SOURCES]
    top = q.topics[0] if q.topics else None
    if top is not None and top.score >= TOPIC_SURE:
        return spec.run(ctx, top.topic_id, now)
    if q.subjects:
        return spec.run(ctx, q.subjects[0].record_id, now)
    if top is not None and top.score >= TOPIC_CONFIDENT:
        return spec.run(ctx, top.topic_id, now)
    return None


# The facts a comparison of vehicles weighs (`compare.verdict`).
_VEHICLE_MEASURES = frozenset(
    {
        Fact.COST,
        Fact.STAY,
        Fact.CREW_SIZE,
        Fact.CREW,
        Fact.REBOOSTS,
        Fact.REFUELS,
        Fact.CAPACITY,
        Fact.CARGO,
    }
)


def _vehicles_side_by_side(ctx: Context, q: Question) -> bool:
    """ "soyuz or crew dragon, how many seats each", "how much cargo do htv-x and cygnus
    take": a measure asked of two or more vehicles of one sort (spacecraft, or rockets) named
    side by side is their comparison, every one of them answered, never the first alone."""
    if q.ask in (Ask.YES_NO, Ask.WHY, Ask.LIST, Ask.WHEN) or q.year is not None:
        return False
    if not (_VEHICLE_MEASURES & set(q.facts) or q.cargo is not None):
        return False
    if any(s.kind == "mission" for s in q.subjects) or not _SIDE_BY_SIDE.search(q.text):
        return False
    named = [s.record_id for s in q.subjects if s.kind == "vehicle" and s.start >= 0]
    named += [g[0].record_id for g in q.ambiguous if all(s.kind == "vehicle" for s in g)]
    sorts = {
        v.kind == "launch-vehicle" for rid in named if (v := ctx.kb.vehicles.get(rid)) is not None
    }
    return len(set(named)) >= 2 and len(sorts) == 1


def _compare(ctx: Context, q: Question, now: dt.date) -> Reply | None:
    """Two or more named vehicles or pads, with a verdict for the fact asked about."""
    placed = [(s.start, s.record_id) for s in q.subjects if s.kind in ("vehicle", "pad")]
    picked = [rid for _, rid in placed]
    if not picked and len(q.ambiguous) == 1 and len(q.ambiguous[0]) >= 2:
        group = q.ambiguous[0]  # "compare the two dragons": the records the name fits
        if all(s.kind in ("vehicle", "pad") for s in group):
            ids = [s.record_id for s in group]
            return compare_cmd.compare(ctx, ids, now, facts=q.facts, cargo=q.cargo, text=q.text)
    groups = list(q.ambiguous)
    qualifiers: list[str] = []
    pads = [rid for rid in picked if ctx.kb.kind_of(rid) == "pad"]
    if len(pads) >= 2:  # "LC-39A vs SLC-40, which does dragon use": the pads are compared,
        # and a vehicle named beside them says for what
        vehicles = [g for g in groups if all(s.kind == "vehicle" for s in g)]
        qualifiers = [r for r in picked if r not in pads]
        qualifiers += [s.record_id for g in vehicles for s in g]
        placed = [(st, rid) for st, rid in placed if rid in pads]
        picked = pads
        groups = [g for g in groups if g not in vehicles]
    for group in groups:
        same = _same_sort(ctx, picked, group)
        if same is not None:
            placed.append((same.start, same.record_id))  # "cygnus vs dragon": cargo
            picked.append(same.record_id)
        else:
            names = [s.name for s in group]
            typed = q.text[group[0].start : group[0].end]
            others = [ctx.kb.get(r) for r in picked]
            base = [o.name for o in others if o is not None]
            choices = [(n, "compare " + " and ".join([*base, n])) for n in names]
            why = f"“{typed}” names more than one record. Which one should I compare?"
            from commands.reply import Suggestion

            reply = honest.did_you_mean(
                ctx, q, [(n, s.record_id) for n, s in zip(names, group, strict=True)], why
            )
            return replace(
                reply,
                suggestions=tuple(Suggestion(n, query) for n, query in choices),
            )
    if len(picked) < 2:
        parts = split_list(re.sub(r"\bcompare\b", " ", q.text, flags=re.I))
        if len(parts) >= 2 and not q.subjects:
            named = all(ctx.index.find_mentions(p, kinds=("vehicle", "pad")) for p in parts)
            top = q.topics[0].score if q.topics else 0.0
            if not named and top >= TOPIC_CONFIDENT:
                return None  # "was CRS-1 or CRS-2 cheaper": no records, a topic holds both
            return compare_cmd.compare(ctx, parts, now)
        return None
    ordered = [rid for _, rid in sorted(placed)]
    sorts = {v.kind == "launch-vehicle" for r in ordered if (v := ctx.kb.vehicles.get(r))}
    if len(sorts) > 1:  # "which rocket launches cygnus, falcon 9 or antares": not like with like
        return None
    return compare_cmd.compare(
        ctx, ordered, now, facts=q.facts, cargo=q.cargo, serving=tuple(qualifiers), text=q.text
    )


def _same_sort(ctx: Context, picked: list[str], group: tuple[Subject, ...]) -> Subject | None:
    """The one record of a shared name ("dragon") of the same kind as the records named
    beside it ("cygnus vs dragon": Cargo Dragon), else None."""
    kinds = {getattr(ctx.kb.get(r), "kind", None) for r in picked}
    same = [s for s in group if getattr(ctx.kb.get(s.record_id), "kind", None) in kinds]
    return same[0] if len(same) == 1 else None


# Words that set two named flights or people side by side ("ms-31 vs ms-32", "ng-23 compared
# to ng-24", "who was on each", "crew-12 and crew-13").
_SIDE_BY_SIDE = phrases(r"\b(?:vs\.?|versus|compar\w*|each|both|than|against|and|or)\b", re.I)


def _each(ctx: Context, q: Question, now: dt.date) -> Reply | None:
    """The fact asked for, for each of two or more named flights or people: one lead
    sentence per record, in the order they were named."""
    if q.ask in (Ask.YES_NO, Ask.WHY, Ask.DESCRIBE) or not q.facts or _when_of_words(q):
        return None
    q = replace(q, facts=compare_cmd.weighed_facts(q.facts, q.text))  # "who was up longer"
    subs = [
        s
        for s in q.subjects
        if s.kind in ("mission", "crew") and (s.start >= 0 or q.ask == Ask.COMPARE)
    ]  # "which was longer, it or crs-34": the remembered flight is compared too
    ids = list(dict.fromkeys(s.record_id for s in subs))
    if len(ids) < 2 or len({s.kind for s in subs}) != 1 or not _SIDE_BY_SIDE.search(q.text):
        return None
    together = _one_flight(ctx, q, ids, now)
    if together is not None:
        return together
    answers = []
    for rid in ids:
        main = next(s for s in subs if s.record_id == rid)
        found = None
        for fact in _facts_for(ctx, q, main):
            found = fact_answer(ctx, rid, q, fact, now)
            if found is not None:
                break
        if found is None:
            return None
        answers.append(found.reply)
    from commands.format import source_lines

    source_ids = tuple(dict.fromkeys(sid for r in answers for sid in r.source_ids))
    first = answers[0]
    lines = [r.text.split("\n\n")[0] for r in answers]
    flights = [m for rid in ids if (m := ctx.kb.missions.get(rid)) is not None]
    weighs = q.ask == Ask.COMPARE or bool(compare_cmd.WEIGHS.search(q.text))
    if weighs and len(flights) == len(ids):  # "which was longer", "who stayed longer": verdict
        verdict = compare_cmd.mission_verdict(ctx, flights, q.facts, q.cargo, q.text)
        if verdict:
            lines.insert(0, verdict)
    return replace(
        first,
        title=" and ".join(r.title for r in answers),
        text="\n".join(lines),
        fields=(),
        entities=tuple(ids),
        source_ids=source_ids,
        sources=source_lines(ctx.kb, source_ids),
        dates=tuple(d for r in answers for d in r.dates),
        more=None,
    )


_WHEN = phrases(r"\bwhen\b", re.I)


def _when_of_words(q: Question) -> bool:
    """ "when did X and Y do a spacewalk": a when-question about something its subject words
    name, not about a launch (the launch fact came from "when" alone)."""
    if q.facts != (Fact.LAUNCH,) or not q.words:
        return False
    launch = dict(vocab.FACT_PATTERNS)[Fact.LAUNCH]
    return launch.search(_WHEN.sub(" ", q.text)) is None


def _one_flight(ctx: Context, q: Question, ids: list[str], now: dt.date) -> Reply | None:
    """ "when do dubrov, kikina and menon come back": people on one flight share its dates,
    so the answer is that flight's, said once."""
    people = [ctx.kb.crew.get(rid) for rid in ids]
    flights = {f.id if f else None for p in people if p for f in [flown_on(ctx, p)]}
    asked = [f for f in q.facts if f in FLIGHT_FACTS or f in (Fact.LAUNCH, Fact.PAD)]
    if None in people or len(flights) != 1 or None in flights or not asked:
        return None
    flight = ctx.kb.missions[str(next(iter(flights)))]
    for fact in asked:
        found = fact_answer(ctx, flight.id, q, fact, now)
        if found is None:
            continue
        who = names([p.name for p in people if p is not None])
        return replace(
            found.reply,
            text=f"{who} flew together on {flight.name}: {found.reply.text}",
            entities=(flight.id, *ids),
        )
    return None


def _counting_topic(ctx: Context, q: Question) -> str | None:
    """A topic nearly the count asked for, giving the year asked about ("how many cargo
    flights went up in 2025": NASA's own figure, where the records may miss a flight)."""
    if q.year is None:
        return None
    topic = _covering_topic(ctx, q, TOPIC_SURE, named=False)
    rec = ctx.kb.topics.get(topic) if topic is not None else None
    return topic if rec is not None and str(q.year) in rec.answer else None


def _next_of(q: Question) -> bool:
    """ "when is the next progress": the next flights of a vehicle or pad."""
    low = q.text.lower()
    return (
        bool(re.search(r"\bnext\b", low))
        and any(s.kind in ("vehicle", "pad") for s in q.subjects)
        and not any(s.kind == "mission" for s in q.subjects)
    )


def _after_flight(ctx: Context, q: Question) -> tuple[str | None, Mission] | None:
    """ "the next cargo dragon after crs-35", "after crs-35, the next progress": the vehicle
    (or pad) asked about, named before "after" or after the flight (None when none is), and
    the flight named after "after"."""
    if q.ask in (Ask.WHY, Ask.HOW_MANY, Ask.COMPARE) or not vocab.NEXT_AFTER.search(q.text):
        return None
    word = list(vocab.AFTER.finditer(q.text))[-1]
    flight = next((s for s in q.subjects if s.kind == "mission" and s.start >= word.end()), None)
    if flight is None:
        return None
    m = ctx.kb.missions[flight.record_id]
    asked = next(
        (
            s.record_id
            for s in q.subjects
            if s.kind in ("vehicle", "pad") and (s.end <= word.start() or s.start >= flight.end)
        ),
        None,
    )
    return asked, m


def _without(text: str, subjects: tuple[Subject, ...]) -> str:
    """The message with the records it names blanked ("crew-13" is no "crew" kind word)."""
    for s in sorted(subjects, key=lambda s: s.start, reverse=True):
        if s.start >= 0:
            text = f"{text[: s.start]} {text[s.end :]}"
    return text


def _upcoming(ctx: Context, q: Question, now: dt.date) -> Reply:
    subject = next((s for s in q.subjects if s.kind in ("vehicle", "pad")), None)
    if subject is not None:
        return upcoming_cmd.upcoming_for(ctx, subject.record_id, now)
    org = next((s for s in q.subjects if s.kind == "organization"), None)
    if org is not None:  # "the next spacex launch": flights it flies or launches
        return upcoming_cmd.upcoming(ctx, now, kind=q.kind_filter, by=org.record_id)
    if any(s.kind == "mission" for s in q.subjects):
        if vocab.YES_NO_OPENER.search(q.text):  # "is crew-13 going up soon": yes or no
            asked = replace(q, ask=Ask.YES_NO, facts=q.facts or (Fact.LAUNCH,))
            return _about_records(ctx, asked, now)
        return _about_records(ctx, replace(q, ask=Ask.WHEN), now)
    shared = next((g for g in q.ambiguous if all(s.kind in ("vehicle", "pad") for s in g)), None)
    if shared is not None and not q.subjects:  # "dragon next launch": each Dragon's next
        return _upcoming_each(ctx, shared, now)
    # Words that only narrow the schedule ("russian", "december", "rotation") name no subject;
    # any other word the base does not know is something it lacks ("the next haven-1 launch").
    left = tuple(w for w in q.words if w not in vocab.SCHEDULE_WORDS)
    if left and any(not ctx.topics.knows(w) for w in left):
        return honest.unknown_subject(ctx, replace(q, unknown=left))
    return upcoming_cmd.asked(ctx, now, upcoming_cmd.want_of(q.text, now))


def _upcoming_each(ctx: Context, group: tuple[Subject, ...], now: dt.date) -> Reply:
    """The next flights of every vehicle (or pad) a shared name fits, in one reply."""
    replies = [upcoming_cmd.upcoming_for(ctx, s.record_id, now) for s in group]
    first = replies[0]
    from commands.freshness import stale_note

    note = stale_note(ctx, now)
    bodies = [r.text.replace(f"\n{note}", "") if note else r.text for r in replies]
    text = "\n\n".join(bodies)
    if note:  # once, right after the first answer's lead
        lead, sep, rest = text.partition("\n")
        text = f"{lead}\n{note}{sep}{rest}"
    ids = tuple(dict.fromkeys(sid for r in replies for sid in r.source_ids))
    from commands.format import source_lines

    return replace(
        first,
        title="Upcoming: " + " and ".join(s.name for s in group),
        text=text,
        fields=tuple(f for r in replies for f in r.fields),
        entities=tuple(s.record_id for s in group),
        source_ids=ids,
        sources=source_lines(ctx.kb, ids),
    )


def _candidates(ctx: Context, q: Question) -> list[tuple[str, str]]:
    """Records and topics to offer when nothing is confident, before ranking."""
    out: list[tuple[str, str]] = []
    for g in q.ambiguous:
        out += [(s.name, s.record_id) for s in g]
    text = re.sub(
        r"^(?:what|who|where|which)(?:'s|\s+is|\s+are|\s+was)?\s+(?:the\s+|a\s+|an\s+)?"
        r"|^tell me about\s+",
        "",
        q.text,
        flags=re.I,
    ).strip(" ?!.")
    for m in ctx.index.search(text or q.text).matches:
        out.append((m.name, m.record_id))
    out += honest.topic_choices(q)
    return out


__all__ = ["MAX_CHARS", "Field", "answer", "clean", "decide", "follow_up", "respond"]
