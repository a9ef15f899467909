"""Read a cleaned message into a Question: its form, facts, subjects and what it leans on.

Decision order:
1. The records it names: exact or typo'd names (the search index's mentions), then a word
   of a record's name on its own ("dragon" names Cargo Dragon 2 and Crew Dragon); a name
   that fits several records is narrowed by the rest of the message ("dragon ... cargo",
   "who flew on MS-28" asks for a crew, so Soyuz MS-28).
2. The form of answer (who / when / how much / yes-no / why / compare ...) and the facts
   asked for (crew, cost, launch date ...), from the vocabulary tables.
3. What it does not know: a designator or a name no record has ("artemis 2", "94P"), a
   person whose surname matched someone else ("Suni Williams"), subjects never tracked
   (stock prices, the weather), or subject words the base never uses.
4. Whether it leans on the last exchange: a pronoun or an elliptical "and ...?" with no
   subject of its own.
"""

from __future__ import annotations

import itertools
import re

from commands.context import Context
from commands.topics import TopicMatcher
from commands.understand import vocabulary as vocab
from commands.understand.lexicon import Lexicon
from commands.understand.prefilter import phrases
from commands.understand.thresholds import (
    LED_NAME_SCORE,
    NONSENSE_MIN_WORDS,
    NONSENSE_SHARE,
    NONSENSE_UNKNOWN_MIN,
    TOPIC_CONFIDENT,
    TOPIC_COVER_SHARE,
    UNKNOWN_SHARE,
)
from commands.understand.types import Ask, Fact, Question, Subject
from knowledge.base import KnowledgeBase
from knowledge.names import names_of
from knowledge.schema import CargoClass, CrewMember, Mission, Pad, RecordKind, Vehicle
from knowledge.search import Match, SearchIndex
from knowledge.text import (
    NOT_A_NAME,
    canonical,
    fold,
    fold_tokens,
    fold_word,
    is_cyrillic,
    token_spans,
    words,
)

QUESTION_VOCABULARY = frozenset(
    c for c in (canonical(fold_word(w)) for w in vocab.QUESTION_VOCABULARY | NOT_A_NAME) if c
)
_DESIGNATOR = phrases(
    r"(?<![\w-])([^\W\d_]{1,10})[- ]?(\d{1,3}|ii|iii|iv|vi|vii)(?![\w/]|[.,]\d)", re.I
)
_NOT_A_LEAD = frozenset("q h".split()) | NOT_A_NAME
WEAK = ("station", "organization")  # kinds whose names are also plain words of questions
# A number followed by one of these is a quantity ("iss 45 days"), not a designator.
_UNIT_AFTER = phrases(
    r"\s*(?:%|percent|days?|weeks?|months?|years?|yrs?|kg|kilos?|t|tons?|tonnes?|lbs?|pounds?"
    r"|people|persons|crew|astronauts|cosmonauts|flights?|missions?|launches|times|seats?|m3"
    r"|million|billion|k)\b",
    re.I,
)


def read(ctx: Context, text: str) -> Question:
    """Read a cleaned message (see module docstring for the order)."""
    kb, index, topics, lexicon = ctx.kb, ctx.index, ctx.topics, ctx.lexicon
    low = text.lower()
    mentions = [
        m
        for m in index.find_mentions(text)
        if not _common_word(topics, lexicon, m, text)
        and not _used_as_a_word(lexicon, m, text)
        and not _question_word_inside(m, text)
    ]
    clear, groups = _spans(mentions)
    covered = [(m.start, m.end) for m in mentions]
    named_words = _name_word_groups(lexicon, kb, text, covered)
    for group in named_words:
        if group[0].kind not in WEAK:  # "station" alone stays a word of the question too
            covered.append((group[0].start, group[0].end))
        if len(group) == 1:
            clear.append(group[0])
        else:
            groups.append(group)
    if not clear and not groups:
        found = _led_name(index, lexicon, text) or _searched(index, lexicon, text)
        if found is not None:
            clear.append(found)
            covered.append((found.start, found.end))
    values = values_in(text)
    covered += values  # "slip from April 8", "$6.31B", "97 degrees": values, not names
    rest = _blank(text, covered).lower()  # the message without the names in it
    # Facts are read with the station and agencies left in ("leave the station").
    specific = [(s.start, s.end) for s in [*clear, *(g[0] for g in groups)] if s.kind not in WEAK]
    unnamed = _blank(text, specific).lower()
    facts = tuple(f for f, p in vocab.FACT_PATTERNS if p.search(unnamed))
    if Fact.TRANSIT in facts:  # "how long did it take to get there": the trip, not the stay
        facts = tuple(f for f in facts if f is not Fact.STAY)
    if Fact.MASS in facts:  # "how heavy is htv-x": the ship, not what it carries
        facts = tuple(f for f in facts if f not in (Fact.CARGO, Fact.CAPACITY))
    cargo = _cargo(rest)
    if cargo == "down-mass" and Fact.CARGO in facts and not vocab.WH_WHEN.search(low):
        # "what did it take back down": what it carried home, not when it landed
        facts = tuple(f for f in facts if f not in (Fact.LANDING, Fact.UNDOCKING))
    if cargo not in (None, "payload-leo") and not facts:  # "propellant on ms-32 vs ms-31"
        facts = (Fact.CARGO,)
    hint = next((h for h, p in vocab.HINTS if p.search(rest)), "")
    hauls = cargo != "down-mass" and (Fact.CAPACITY in facts or Fact.CARGO in facts)
    # "which brings more back, dragon or dream chaser": beside another ship, the Dragon that
    # has a down-mass (alone, "dragon's downmass" still asks which Dragon)
    returns = (
        cargo == "down-mass"
        and (Fact.CAPACITY in facts or Fact.CARGO in facts)
        and any(s.kind == "vehicle" for s in clear)
    )
    clear, groups = _narrow(
        kb,
        clear,
        groups,
        hint,
        facts,
        _typed_numbers(text, covered),
        hauls=hauls,
        returns=returns,
    )
    for sibling in _siblings(index, text, clear):  # "NG-23 or 24": NG-24
        clear.append(sibling)
        covered.append((sibling.start, sibling.end))
    subjects = tuple(sorted(clear, key=lambda s: s.start))
    own_names = {
        canonical(w)
        for sub in [*clear, *(s for g in groups for s in g)]
        for rec in [kb.get(sub.record_id)]
        if rec is not None
        for n in names_of(rec)
        for w in fold_tokens(n)
    }
    distinctive = tuple(
        dict.fromkeys(
            w
            for w in words(vocab.HEADING.sub(" ", rest))  # "heading up": a verb of going
            if w not in QUESTION_VOCABULARY
            and w not in own_names  # "fedyayev andrey": the rest of the name
            and not w.isdigit()
            and len(w) > 2
        )
    )
    plain = _plain_word(ctx, text, subjects, groups, distinctive)
    if plain is not None:  # "my windows progress bar is stuck": not the Progress spacecraft
        subjects = ()
    other = None if plain is not None else _other_sense(ctx, text, subjects, groups)
    if other is not None:  # "house of the dragon new season": not the Dragon spacecraft
        subjects, groups = (), []
    ask = _ask(low, facts, subjects, bool(groups), distinctive)
    if vocab.AFTER_LEAVING.search(low):  # "what happened after it left": the events that follow
        facts, ask = (Fact.UNDOCKING,), Ask.WHAT
    if ask in (Ask.WHAT, Ask.DESCRIBE) and facts and vocab.YES_NO_SHAPE.search(low):
        ask = Ask.YES_NO if not vocab.WH_WORD.search(low) else ask
    if ask != Ask.COMPARE and not groups:
        subjects = _without_places(text, subjects)  # "when did it leave the station"
    # values say nothing of a topic; a name typed another way ("Микаев") is the record's name
    matches = tuple(topics.match(_as_named(_blank(text, _dated(text, values)), subjects)))
    unknown = _unknown(
        kb,
        topics,
        lexicon,
        text,
        mentions,
        subjects or tuple(g[0] for g in groups),
        distinctive,
        covered,
        ask in (Ask.DESCRIBE, Ask.WHO) or bool(vocab.DESCRIBE.search(low)),
    )
    untracked = next((name for name, p in vocab.UNTRACKED if p.search(low)), "")
    near = bool(matches) and matches[0].score >= TOPIC_CONFIDENT
    if plain is not None and not untracked and not near:
        untracked = f"that (“{text[plain.start : plain.end]}” there is not {plain.name})"
    if other is not None:  # the other sense of the name, before any class of the words
        untracked = other
    relative = ""
    kin = next(((n, rid) for n, rid, p in vocab.RELATIVES if p.search(low)), None)
    # "falcon heavy" is not Falcon 9; a class named too wins ("buy bitcoin when starship flies")
    if kin is not None and not untracked:
        untracked, relative = kin
    # "how much propellant do they carry", "and water?": a cargo class is what is asked of
    # the pronoun's referent, never a subject of its own
    leaning = tuple(w for w in distinctive if _cargo(w) is None)
    refers_back = _refers_back(low, subjects, groups, leaning, matches, topics) or (
        # "what did he do before crew-12": the last person, before the flight named
        Fact.FIRST_FLIGHT in facts
        and bool(subjects)
        and all(s.kind == "mission" for s in subjects)
        and not groups
        and bool(vocab.PERSON_PRONOUNS.search(low))
    )
    year_m = next((y for y in vocab.YEAR.finditer(rest) if not _milestone_year(rest, y)), None)
    counted = vocab.COUNTED.search(low)
    count_of = ""
    if counted is not None:
        what = counted.group("what") or counted.group("what2") or counted.group("what3")
        count_of = (what or "").rstrip("s")
    # "us cargo flights": the kind beside a country
    kind_filter = next((h for h, p in vocab.HINTS if h in ("cargo", "crew") and p.search(rest)), "")
    return Question(
        text=text,
        ask=ask,
        facts=facts,
        cargo=cargo,
        subjects=subjects,
        ambiguous=tuple(tuple(g) for g in groups),
        refers_back=refers_back,
        hint=hint,
        year=int(year_m.group("year")) if year_m else None,
        unknown=unknown,
        untracked=untracked,
        relative=relative,
        words=distinctive,
        topics=matches,
        count_of=count_of,
        kind_filter=kind_filter,
    )


def values_in(text: str) -> list[tuple[int, int]]:
    """The spans of the values a message types (days of months, amounts, numbers with units,
    decimals): what is asked about or checked, never names of records."""
    spans = [(d.start(), d.end()) for d in vocab.DAY_OF_MONTH.finditer(text)]
    return spans + [(v.start(), v.end()) for v in vocab.VALUE.finditer(text)]


_YEAR_AFTER = phrases(r"[\s,]*(?:20\d\d|19\d\d)\b")


def _dated(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Value spans with the year that completes a date ("27 November 2025"): the whole date,
    which says nothing of what a topic is about."""
    out = []
    for s, e in spans:
        year = _YEAR_AFTER.match(text, e)
        out.append((s, year.end() if year else e))
    return out


_ORDINAL = phrases(r"^\d+(?:st|nd|rd|th)$")
# "its 400th launch in 2020", "the 100th flight (2019)": a year that dates a milestone.
_MILESTONE = phrases(r"\b\d+(?:st|nd|rd|th)\b(?:\W+\w+){0,3}\W*$", re.I)


def _milestone_year(text: str, year: re.Match[str]) -> bool:
    """Whether a year dates an ordinal milestone the question states ("the 400th launch in
    2020"), not a year the question narrows to: it filters no count."""
    return bool(_MILESTONE.search(text[: year.start("year")]))


def _common_word(topics: TopicMatcher, lexicon: Lexicon, m: Match, text: str) -> bool:
    """A typo'd mention that is a word the base uses anyway ("space" is not "SpaceX": "has
    he been to space before" names no one, and asks who is meant)."""
    if m.score >= 97.0:
        return False  # exact, or a generated form such as a surname or "MS-33"
    typed = text[m.start : m.end]
    if len(typed.split()) != 1:
        return False
    return canonical(fold(typed)) in topics.known_words or typed.lower() in lexicon.common


def _question_word_inside(m: Match, text: str) -> bool:
    """A typo'd mention of several words taking in a question word its name lacks ("does
    dragon carry" is not "Dragon cargo": "carry" asks for a capacity)."""
    if m.score >= 97.0:
        return False
    typed = fold_tokens(text[m.start : m.end])
    own = set(fold_tokens(m.matched_text)) | set(fold_tokens(m.name))
    return len(typed) > 1 and any(
        w not in own and canonical(w) in QUESTION_VOCABULARY for w in typed
    )


_ARTICLES = frozenset("a an the some any much this that its their our your more".split())


def _used_as_a_word(lexicon: Lexicon, m: Match, text: str) -> bool:
    """A name that is also a plain word, used as one: "the progress on the repair", "a vast
    amount" (lower case, after an article, and a word the base's own texts use that way)."""
    typed = text[m.start : m.end]
    if " " in typed or not typed.islower() or typed not in lexicon.common:
        return False
    before = text[: m.start].split()
    if not before or before[-1].lower() not in _ARTICLES:
        return False
    after = text[m.end :].split()[:1]
    if after and after[0].lower().strip("?.,!") in _CRAFT_NOUNS:
        return False  # "a progress ship", "the progress flights": the vehicle
    if _SET_AGAINST.search(text[: m.start]):
        return False  # "compared to a progress", "longer than the progress": weighed, a vehicle
    # "does a progress bring", "can a progress reboost": the subject of a question's verb
    return not (len(before) >= 2 and before[-2].lower() in _AUXILIARIES)


_CRAFT_NOUNS = frozenset(
    "ship ships freighter freighters flight flights vehicle vehicles spacecraft craft mission "
    "missions launch launches capsule capsules".split()
)
_AUXILIARIES = frozenset("does do did can could will would should".split())
# A word that sets what follows its article against something else ("compared to a progress",
# "than the progress", "vs a progress"): the name is one side of a comparison.
_SET_AGAINST = phrases(
    r"\b(?:compared?\s+(?:to|with)|than|vs\.?|versus|against)\s+(?:a|an|the|some|any)\s*$", re.I
)


# A personal possessive puts a message in someone's everyday life ("my windows progress bar",
# "progress on my thesis"); without one, odd words around a name are asked about instead.
_EVERYDAY = phrases(r"\b(?:my|our|your|mine)\b", re.I)


def _plain_word(
    ctx: Context,
    text: str,
    subjects: tuple[Subject, ...],
    groups: list[list[Subject]],
    distinctive: tuple[str, ...],
) -> Subject | None:
    """The one record named by a name that is also a plain word ("progress"), in a message
    about someone's own things whose other subject words the record's own texts and topics
    never use ("my windows progress bar is stuck", "progress on my thesis"): the word is used
    in its everyday sense."""
    if len(subjects) != 1 or groups or not distinctive or not _EVERYDAY.search(text):
        return None
    s = subjects[0]
    typed = text[s.start : s.end]
    if " " in typed or typed.lower() not in ctx.lexicon.common or not s.exact:
        return None
    if not (typed.islower() or s.start == 0):  # "Progress" mid-sentence is the name
        return None
    if any(_of_records(ctx, w, (s.record_id,)) for w in distinctive):
        return None
    return s


def _other_sense(
    ctx: Context,
    text: str,
    subjects: tuple[Subject, ...],
    groups: list[list[Subject]],
) -> str | None:
    """What the base does not track, when every record is named by one plain word used in
    another domain's sense ("is house of the dragon getting another season", "soyuz anthem
    lyrics", "cygnus constellation"): words of that domain (vocabulary.OTHER_SENSES) around
    the name and no other word of spaceflight or of the records' own texts ("dragon season
    of launches 2026" asks about launches; a verb such as "come back" fits either sense)."""
    named = [*subjects, *(g[0] for g in groups)]
    if not named:
        return None
    spans = [(s.start, s.end) for s in named]
    if any(" " in text[a:b] or any(c.isdigit() for c in text[a:b]) for a, b in spans):
        return None  # "soyuz ms-28", "crew dragon": a name of its own
    rest = _blank(text, spans)
    domain = next(((d, p) for d, p in vocab.OTHER_SENSES if p.search(rest)), None)
    if domain is None:
        return None
    others = _blank(rest, [(m.start(), m.end()) for m in domain[1].finditer(rest)])
    rids = tuple(s.record_id for s in [*subjects, *(s for g in groups for s in g)])
    for w in words(others):
        if w in _SPACEFLIGHT or (w not in QUESTION_VOCABULARY and _of_records(ctx, w, rids)):
            return None  # "cygnus cargo season", "soyuz pad anthem"
    typed = text[named[0].start : named[0].end]
    meant = " or ".join(dict.fromkeys(s.name for s in [*subjects, *(groups[0] if groups else [])]))
    kind = _KIND_WORDS.get(named[0].kind, "record")
    return f"{domain[0]}: “{typed}” there is not the {kind} {meant}"


_KIND_WORDS = {"vehicle": "spacecraft or rocket", "mission": "flight", "pad": "launch pad"}


# Words of spaceflight that keep a name in its own sense whatever else a message says.
_SPACEFLIGHT = frozenset(
    words(
        "launch flight mission crew cargo dock docking station iss orbit rocket pad spacecraft "
        "capsule astronaut cosmonaut spacewalk nasa roscosmos spacex supply resupply module "
        "berth undock reentry booster payload space"
    )
)


def _searched(index: SearchIndex, lexicon: Lexicon, text: str) -> Subject | None:
    """A record the words left after the question words name confidently ("baikonour pad 31
    status" is Baikonur Site 31/6 though no run of its words is a name or a near one); plain
    words of the base's texts near a name are those words ("been to space": not SpaceX)."""
    spans = [
        (w, s, e)
        for w, s, e in token_spans(text)
        if canonical(w) not in QUESTION_VOCABULARY and w not in NOT_A_NAME
    ]
    if not spans or len(spans) > 4:
        return None
    start, end = spans[0][1], spans[-1][2]
    result = index.search(" ".join(text[s:e] for _, s, e in spans))
    if result.best is None:
        return None
    m = result.best
    if m.score < 97.0 and all(text[s:e].lower() in lexicon.common for _, s, e in spans):
        return None
    return Subject(m.record_id, m.kind, m.name, start, end, False)


def _led_name(index: SearchIndex, lexicon: Lexicon, text: str) -> Subject | None:
    """A name whose first word is typed right and is a word of questions too, the rest with
    a typo ("crew dragn": Crew Dragon), which neither the exact nor the fuzzy pass finds
    (fuzzy runs start at long words that are no question words)."""
    spans = token_spans(text)
    for (w, start, _), (w2, _, end) in itertools.pairwise(spans):
        if w not in lexicon.name_leads or canonical(w2) in QUESTION_VOCABULARY:
            continue
        best = index.search(text[start:end]).best
        if best is None or best.score < LED_NAME_SCORE:
            continue
        if fold_tokens(best.name)[:1] == [w] and fold(text[start:end]) not in lexicon.names:
            return Subject(best.record_id, best.kind, best.name, start, end, False)
    return None


def _subject(m: Match) -> Subject:
    return Subject(m.record_id, m.kind, m.name, m.start, m.end, m.score >= 100.0)


def _spans(mentions: list[Match]) -> tuple[list[Subject], list[list[Subject]]]:
    """Split mentions into those naming one record and groups naming several equally."""
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end), []).append(m)
    clear = [_subject(g[0]) for g in by_span.values() if len(g) == 1]
    groups = [[_subject(m) for m in g] for g in by_span.values() if len(g) > 1]
    return clear, groups


def _name_word_groups(
    lexicon: Lexicon, kb: KnowledgeBase, text: str, covered: list[tuple[int, int]]
) -> list[list[Subject]]:
    """Records named by one word of their name that no mention covers ("dragon", "falcon")."""
    out: list[list[Subject]] = []
    for word, start, end in token_spans(text):
        if any(s <= start < e for s, e in covered) or canonical(word) in QUESTION_VOCABULARY:
            continue
        if word.capitalize() in vocab.NATIONALITIES:  # "which one is canadian": a country
            continue
        ids = lexicon.name_words.get(word, ())
        if not ids and word.endswith("s"):  # "the two dragons"
            ids = lexicon.name_words.get(word[:-1], ())
        recs = [(rid, kb.get(rid), kb.kind_of(rid)) for rid in ids]
        group = [
            Subject(rid, kind, rec.name, start, end, False)
            for rid, rec, kind in recs
            if rec is not None and kind is not None
        ]
        if group:
            out.append(group)
    return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, key=lambda se: -se[0]):
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _as_named(text: str, subjects: tuple[Subject, ...]) -> str:
    """Text with each name typed in another script or spelling written as the record's own
    name ("Кудь-Сверчков" -> "Sergey Kud-Sverchkov"), for matching topics by their words."""
    for sub in sorted(subjects, key=lambda x: -x.start):
        typed = text[sub.start : sub.end]
        if sub.start >= 0 and not typed.isascii():
            text = text[: sub.start] + sub.name + text[sub.end :]
    return text


def _cargo(text: str) -> CargoClass | None:
    for cls, pattern in vocab.CARGO_PATTERNS:
        if pattern.search(text):
            return cls
    return None


def _ask(
    low: str,
    facts: tuple[Fact, ...],
    subjects: tuple[Subject, ...],
    ambiguous: bool,
    distinctive: tuple[str, ...],
) -> Ask:
    """The form of answer asked for; a name alone (or "what is X") is a description."""
    for ask, pattern in vocab.ASK_PATTERNS:
        if pattern.search(low):
            describes = ask in (Ask.WHAT, Ask.WHO) and vocab.DESCRIBE.search(low)
            person = ask == Ask.WHO and subjects and subjects[0].kind == "crew"
            pronoun = vocab.PLAIN_PRONOUNS.search(low)  # "who are they": not a name
            if (
                describes
                and not distinctive
                and not pronoun
                and (not _field_facts(facts) or person)
            ):
                return Ask.DESCRIBE
            return ask
    if vocab.DESCRIBE.search(low):
        return Ask.DESCRIBE
    return Ask.WHAT if _field_facts(facts) else Ask.DESCRIBE


def _field_facts(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Facts that name a field ("launch" alone in "when does X launch" is the default)."""
    return tuple(f for f in facts if f is not Fact.STATUS or len(facts) == 1)


def _typed_numbers(text: str, covered: list[tuple[int, int]]) -> set[str]:
    """Numbers typed outside the names found ("baikonur ... pad 31" -> {"31"})."""
    return {
        w
        for w, s, e in token_spans(text)
        if w.isdigit() and not any(a <= s < b for a, b in covered)
    }


def _narrow(
    kb: KnowledgeBase,
    clear: list[Subject],
    groups: list[list[Subject]],
    hint: str,
    facts: tuple[Fact, ...],
    numbers: set[str],
    *,
    hauls: bool = False,
    returns: bool = False,
) -> tuple[list[Subject], list[list[Subject]]]:
    """Resolve a name shared by several records with what the rest of the message says:
    a number typed beside it, a kind or country, a fact only some of them have (`hauls`:
    cargo carried up, which the cargo one of a family is for; `returns`: cargo brought back,
    which only the ones with a recorded down-mass do)."""
    still: list[list[Subject]] = []
    for group in groups:
        pool = group
        family = [s for s in pool if _same_family(kb, s.record_id, clear)]
        if len(family) == 1:  # "Progress MS-31 or MS-32": the flight of the first's vehicle
            pool = family
        if numbers:  # "baikonur cosmodrome pad 31": the one whose names carry 31
            numbered = [
                s
                for s in pool
                if (rec := kb.get(s.record_id)) is not None
                and numbers & {w for n in names_of(rec) for w in fold_tokens(n)}
            ]
            pool = numbered or pool
        if hint:
            fit = [s for s in pool if fits_hint(kb, s.record_id, hint)]
            pool = fit or pool
        if Fact.CREW in facts or Fact.CREW_SIZE in facts:
            crewed = [s for s in pool if _crewed(kb, s.record_id)]
            pool = crewed or pool
        elif not hint and hauls:  # "how much can dragon haul up"
            carriers = [s for s in pool if fits_hint(kb, s.record_id, "cargo")]
            pool = carriers or pool
        elif not hint and returns:  # "which brings more back, dragon or dream chaser"
            back = [s for s in pool if _brings_back(kb, s.record_id)]
            pool = back or pool
        named_elsewhere = {s.record_id for s in clear}
        if any(s.record_id in named_elsewhere for s in pool):
            continue  # "Progress MS and progress": the group adds nothing
        if len(pool) == 1:
            clear.append(pool[0])
        else:
            still.append(pool)
    return clear, still


_SIBLING = phrases(r"\s*,?\s*(?:or|vs\.?|versus|and|&|/)\s*-?(\d{1,3})(?![\w-]|[.,]\d)", re.I)


def _siblings(index: SearchIndex, text: str, clear: list[Subject]) -> list[Subject]:
    """A bare number after a flight's designator and "or"/"vs" ("NG-23 or 24"): the flight
    with the same name but that number."""
    out: list[Subject] = []
    for s in clear:
        if s.kind != "mission":
            continue
        m = _SIBLING.match(text, s.end)
        typed = text[s.start : s.end]
        lead = re.match(r"(.*?)(\d{1,3})$", typed)
        if m is None or lead is None or _UNIT_AFTER.match(text, m.end()):
            continue
        name = lead.group(1) + m.group(1)
        found = [f for f in index.find_mentions(name, kinds=("mission",)) if f.score >= 100.0]
        ids = {f.record_id for f in found}
        if len(ids) == 1 and found[0].end - found[0].start == len(name):
            f = found[0]
            out.append(Subject(f.record_id, "mission", f.name, m.start(1), m.end(1), True))
    return out


def _same_family(kb: KnowledgeBase, rid: str, clear: list[Subject]) -> bool:
    """Whether a flight is of the same vehicle as a flight named clearly in the message."""
    rec = kb.get(rid)
    if not isinstance(rec, Mission):
        return False
    return any(
        isinstance(other := kb.get(s.record_id), Mission) and other.vehicle == rec.vehicle
        for s in clear
    )


def _brings_back(kb: KnowledgeBase, rid: str) -> bool:
    """Whether a vehicle has a recorded down-mass (cargo it brings back to Earth)."""
    rec = kb.get(rid)
    return isinstance(rec, Vehicle) and any(c.cargo == "down-mass" for c in rec.capacities)


def _crewed(kb: KnowledgeBase, rid: str) -> bool:
    rec = kb.get(rid)
    if isinstance(rec, Mission):
        return rec.kind == "crew"
    if isinstance(rec, Vehicle):
        return rec.kind == "crew-spacecraft"
    return isinstance(rec, CrewMember)


def fits_hint(kb: KnowledgeBase, rid: str, hint: str) -> bool:
    """Whether a record is "the russian one", "the cargo one" ..."""
    rec = kb.get(rid)
    if rec is None:
        return False
    if hint in ("cargo", "crew"):
        kind = getattr(rec, "kind", "")
        return (isinstance(kind, str) and kind.startswith(hint)) or hint in fold(rec.name)
    countries = vocab.COUNTRIES.get(hint, ())
    return any(c in countries for c in countries_of(kb, rid))


def countries_of(kb: KnowledgeBase, rid: str) -> tuple[str, ...]:
    """The countries a record belongs to: its operator's, its agency's, its own."""
    rec = kb.get(rid)
    if rec is None:
        return ()
    out: list[str] = []
    if isinstance(rec, Pad):
        out.append(rec.country)
    if isinstance(rec, CrewMember):
        out.append(vocab.NATIONALITIES.get(rec.nationality, rec.nationality))
    owner = getattr(rec, "operator", None) or getattr(rec, "agency", None)
    if isinstance(rec, Mission) and owner is None:
        vehicle = kb.vehicles.get(rec.vehicle)
        owner = vehicle.operator if vehicle else None
    org = kb.organizations.get(owner) if isinstance(owner, str) else None
    if org is not None:  # "Europe (ESA member states)": Europe
        out.append(org.country.split(" (")[0])
    country = getattr(rec, "country", None)
    if isinstance(country, str):
        out.append(country)
    return tuple(out)


def _unknown(
    kb: KnowledgeBase,
    topics: TopicMatcher,
    lexicon: Lexicon,
    text: str,
    mentions: list[Match],
    subjects: tuple[Subject, ...],
    distinctive: tuple[str, ...],
    covered: list[tuple[int, int]],
    describes: bool,
) -> tuple[str, ...]:
    """Names and subject words the base does not know, when they are what is asked about."""
    numbered = {
        w
        for sub in subjects
        for rec in [kb.get(sub.record_id)]
        if rec is not None
        for n in names_of(rec)
        for w in fold_tokens(n)
        if w.isdigit()
    }
    designator = _unknown_designator(lexicon, topics, text, covered, numbered) or _unknown_flight(
        text, mentions, lexicon, covered
    )
    if designator:
        return (designator,)
    person = _other_person(kb, topics, text, mentions)
    if person:
        return (person,)
    # "its 400th launch": a rank the texts may state, never an unknown name
    unknown = [w for w in distinctive if not topics.knows(w) and not _ORDINAL.match(w)]
    with_digits = [w for w in unknown if any(c.isdigit() for c in w)]
    if with_digits:
        return tuple(with_digits)
    if subjects or not unknown:
        return ()  # a named record is the subject; other unknown words are only words
    # With no record named: unknown when every subject word is unknown ("zxqv blorptang"),
    # or the question asks what or who something is ("who is elon musk").
    if len(unknown) == len(distinctive) or (
        describes and len(unknown) >= UNKNOWN_SHARE * len(distinctive)
    ):
        return tuple(unknown)
    return ()


def _unknown_designator(
    lexicon: Lexicon,
    topics: TopicMatcher,
    text: str,
    covered: list[tuple[int, int]],
    numbered: frozenset[str] | set[str] = frozenset(),
) -> str:
    """A flight designator ("MS-99", "Tianzhou 9", "Artemis II") that no record or text has;
    not a plain word before a number that a named record's name has ("repaired 31 pad at
    baikonur": Site 31)."""
    for d in _DESIGNATOR.finditer(text):
        lead = d.group(1).lower()
        if lead in _NOT_A_LEAD:
            continue
        if canonical(lead) in QUESTION_VOCABULARY and not d.group(0)[len(lead) :].startswith("-"):
            continue  # "crew of 4" is a size; "crew-14" is a flight
        if d.group(2).isdigit() and _UNIT_AFTER.match(text, d.end()):
            continue
        if any(s <= d.start(2) < e for s, e in covered):
            continue
        if d.group(2) in numbered and " " in d.group(0) and lead in lexicon.common:
            continue
        key = fold(d.group(0)).replace("iii", "3").replace("ii", "2").replace("iv", "4")
        if key in lexicon.designators or fold(d.group(0)) in lexicon.designators:
            continue
        before = text[: d.start()].split()
        word = before[-1] if before and before[-1].isalpha() and lead in _SHORT_LEADS else ""
        return f"{word} {d.group(0)}".strip()
    return ""


_SHORT_LEADS = frozenset("ms crs ng kf f".split())


def _unknown_flight(
    text: str, mentions: list[Match], lexicon: Lexicon, covered: list[tuple[int, int]]
) -> str:
    """ "Soyuz MS-31": a vehicle named, then a number, that together name no flight (not a
    value typed after the name: "starliner 4.2 billion")."""
    for m in mentions:
        if m.kind != "vehicle":
            continue
        after = re.match(r"[\s-]*([a-z]{0,3}[\s-]*\d{1,3})(?![\w/])", text[m.end :], re.I)
        if after is None or any(s <= m.end + after.end() - 1 < e for s, e in covered):
            continue
        letters = re.match(r"[a-z]*", after.group(1), re.I)
        lead = letters.group().lower() if letters else ""
        if lead and not after.group(1)[len(lead) :].startswith("-") and _a_word(lead, lexicon):
            continue  # "crew dragon fit 7 people": a verb and a count, not a flight's name
        typed = text[m.start : m.end + after.end()]
        if fold(typed) not in lexicon.names:
            return typed.strip()
    return ""


def _a_word(lead: str, lexicon: Lexicon) -> bool:
    """Whether letters typed between a name and a number are a word of the question ("fit",
    "for", "to") rather than part of a designation ("ms" of Soyuz MS 31)."""
    return lead in _NOT_A_LEAD or canonical(lead) in QUESTION_VOCABULARY or lead in lexicon.common


def _other_person(kb: KnowledgeBase, topics: TopicMatcher, text: str, mentions: list[Match]) -> str:
    """ "Suni Williams" when only the surname matched a different person: the full name."""
    for m in mentions:
        if m.kind != "crew" or m.start <= 0 or len(text[m.start : m.end].split()) > 1:
            continue  # only a bare surname can belong to someone else
        rec = kb.get(m.record_id)
        if rec is None:
            continue
        before = text[: m.start].split()
        if not before or not before[-1].isalpha():
            continue
        first = before[-1].casefold()
        if is_cyrillic(first) and not is_cyrillic(text[m.start : m.end]):
            continue  # "Джессика Меир" read as "Джессика meir": a first name in Russian
        if not before[-1][0].isupper() and topics.knows(first):
            continue  # a lower-case word the base knows is not a first name ("ask williams")
        known = {w for n in names_of(rec) for w in fold_tokens(n)}
        if (
            fold(first) not in known
            and first not in NOT_A_NAME
            and canonical(first) not in QUESTION_VOCABULARY
        ):
            return f"{before[-1]} {text[m.start : m.end]}"
    return ""


def _without_places(text: str, subjects: tuple[Subject, ...]) -> tuple[Subject, ...]:
    """The subjects less the station named only as where an action happens, when a pronoun
    stands for what is asked about: in "when did it leave the station" or "are they still on
    the iss", "it" and "they" are the last subject, and the station is only the place."""
    if not subjects or any(s.kind != "station" for s in subjects):
        return subjects
    if not vocab.SUBJECT_PRONOUNS.search(_blank(text, [(s.start, s.end) for s in subjects])):
        return subjects
    if all(
        vocab.PLACE_BEFORE.search(text[: s.start])
        and not text[s.end :].startswith(("'s", "’s"))  # "to the station's orbit": its owner
        for s in subjects
    ):
        return ()
    return subjects


def _refers_back(
    low: str,
    subjects: tuple[Subject, ...],
    groups: list[list[Subject]],
    distinctive: tuple[str, ...],
    matches: tuple[object, ...],
    topics: TopicMatcher,
) -> bool:
    """Whether the message leans on the last exchange for its subject.

    "who replaced him", "and its cost?", "what about the russian one", "why?": a pronoun or
    an elliptical lead with no record named. A pronoun whose referent is in the message
    itself ("the crs-2 contract and what did it cost") is not a follow-up: the words around
    it name a subject a topic covers.
    """
    named = [*subjects, *(s for g in groups for s in g)]
    if named and vocab.PERSON_PRONOUNS.search(low) and all(s.kind == "vehicle" for s in named):
        # "had he flown on dragon before": "he" is the last person; "dragon" is what he flew
        return True
    if subjects or groups:
        return False
    if vocab.PERSON_PRONOUNS.search(low) or vocab.WHAT_ABOUT.match(low):
        return True
    neighbour = vocab.NEIGHBOUR.search(low)
    if vocab.PICKED_ONE.search(low) or (neighbour is not None and not neighbour.group("next")):
        # "the russian one", "the previous one": whatever topic it fits ("the next flight"
        # alone is the schedule's next flight)
        return True
    if not (vocab.PRONOUNS.search(low) or vocab.ELLIPSIS.search(low)):
        return False
    if not distinctive:
        return True
    top = matches[0] if matches else None
    score = getattr(top, "score", 0.0)
    topic_id = getattr(top, "topic_id", "")
    if score < TOPIC_CONFIDENT:
        return True
    bag = topics.vocabulary_of(topic_id)
    hits = sum(1 for w in distinctive if w in bag or topics.expand(w) in bag)
    return hits < TOPIC_COVER_SHARE * len(distinctive)


def kinds_named(question: Question) -> set[RecordKind]:
    """The kinds of the records a question names clearly."""
    return {s.kind for s in question.subjects}


def unaccounted(ctx: Context, q: Question) -> tuple[str, ...]:
    """The words of a message naming records that neither the base nor those records account
    for, when they are most of it ("the purple dock of cygnus tastes like tuesday"): such a
    message is asked about, never answered. Empty when the message reads as a question."""
    rids = tuple(dict.fromkeys(s.record_id for s in q.subjects))
    if not rids:
        return ()
    content = [w for w in q.words if w not in vocab.CONTRACTION_STEMS]
    nowhere = [w for w in content if not ctx.topics.knows(w)]
    if len(nowhere) < NONSENSE_UNKNOWN_MIN:
        return ()
    strange = tuple(w for w in content if w in nowhere or not _of_records(ctx, w, rids))
    total = len(content) + len(rids) + len(q.facts)
    if len(strange) < NONSENSE_MIN_WORDS or len(strange) <= NONSENSE_SHARE * total:
        return ()
    return strange


def _of_records(ctx: Context, word: str, rids: tuple[str, ...]) -> bool:
    """Whether a record's own texts, or a topic about one of the records, use the word."""
    for rid in rids:
        if any(word in p.words for p in ctx.lexicon.passages.get(rid, ())):
            return True
    return any(
        set(rids) & about and word in ctx.topics.vocabulary_of(tid)
        for tid, about in ctx.topics.related.items()
    )
