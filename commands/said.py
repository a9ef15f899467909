"""Values a record's texts write next to the asked word, for attributes no field holds.

A question may ask for an attribute the base keeps no field for: what a spacecraft was named
("NASA calls it Progress 91"), when a ship docked when only a sentence gives the day ("docking
planned for 28 April"), how much of something a text mentions. Such an answer is a sentence of
the record's own texts (or of a topic about it) that carries a value of the asked kind (a
name, a date, an amount) within a few words of the asked word; it is quoted with its source,
never reworded into a field.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from commands.context import Context
from commands.format import publisher, unverified
from commands.understand import vocabulary as vocab
from commands.understand.lexicon import Passage
from commands.understand.prefilter import phrases
from commands.understand.thresholds import VALUE_NEAR_WORDS
from commands.understand.types import Ask, Fact, Question
from knowledge.dates import MONTH_NUMBERS
from knowledge.text import fold, words

# The words a sentence may date a fact by, for facts a record may hold no date field of:
# "when was site 31 built" is answered by "1958: Construction began (end of 1958)".
DATED_BY = {Fact.BUILDER: ("buil", "construct", "manufactur")}


class Kind(enum.Enum):
    """The kind of value a question asks for."""

    NAME = "name"
    DATE = "date"
    AMOUNT = "amount"


# "what was it called", "the name of the ship", "what is NG-24 named", "what does NASA call it"
NAME_ASKED = phrases(r"\b(?:names?|named|call(?:ed|s)?|christen\w*|dubbed|nicknamed?)\b", re.I)
# A name given in a text: "named S.S. Steven R. Nagel", "NASA calls it Progress 91 (91P)",
# "DC-101, named Tenacity", "known as Gagarin's Start".
_NAMING = phrases(
    r"\b(?:named|called|calls?\s+(?:it|her|him|them)|christened|dubbed|nicknamed|known\s+as)"
    r"\s+(?:the\s+)?[\"“]?(?P<name>[A-Z0-9][\w.'’-]*(?:\s+[A-Z0-9][\w.'’()-]*)*)"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = phrases(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTHS})\b|(?:{_MONTHS})\s+\d{{1,2}}\b|\d{{4}}-\d\d-\d\d|(?:19|20)\d\d\b)",
    re.I,
)
_AMOUNT = phrases(
    r"(?:~|\$)?\d[\d,.]*\s*(?:kg|t|tonnes?|tons?|lbs?|pounds?|l|liters?|litres?|gallons?|"
    r"m3|%|percent|million|billion)\b",
    re.I,
)
# An event's passage starts with its own date ("3 July 2025: Launched ...; docked to Poisk"):
# that date is the event's, not the one written beside a later word.
_EVENT_DATE = phrases(r"^[^:]{4,24}:\s")
_TOKEN = phrases(r"\S+")
_PER_SHOWN = 2  # publishers named after a quoted sentence; the footer lists them all


def name_passage(ctx: Context, ids: Iterable[str]) -> Passage | None:
    """The shortest sentence of the first of these records that gives a name ("was named X")."""
    for rid in ids:
        found = [p for p in ctx.lexicon.passages.get(rid, ()) if _NAMING.search(p.text)]
        if found:
            return min(found, key=lambda p: len(p.text))
    return None


def asks_name(q: Question) -> bool:
    """Whether the question asks what something is called."""
    return q.ask in (Ask.WHAT, Ask.DESCRIBE, Ask.WHO, Ask.YES_NO) and bool(
        NAME_ASKED.search(q.text)
    )


def value_passage(
    ctx: Context, ids: Iterable[str], stems: Iterable[str], kind: Kind
) -> Passage | None:
    """The first sentence of these records that writes a value of this kind within
    VALUE_NEAR_WORDS words of a word starting with one of the stems ("docking planned for
    28 April", "420 L of water")."""
    stems = tuple(s for s in stems if len(s) >= 3)
    if not stems:
        return None
    for rid in ids:
        for p in ctx.lexicon.passages.get(rid, ()):
            if has_value_near(p.text, stems, kind):
                return p
    return None


def has_value_near(text: str, stems: tuple[str, ...], kind: Kind) -> bool:
    """Whether text writes a value of the kind near a word starting with one of the stems."""
    head = _EVENT_DATE.match(text) if kind == Kind.DATE else None
    body = text[head.end() :] if head else text
    pattern = _DATE if kind == Kind.DATE else _AMOUNT if kind == Kind.AMOUNT else _NAMING
    spans = [(m.start(), m.end()) for m in pattern.finditer(body)]
    if not spans:
        return False
    tokens = list(_TOKEN.finditer(body))
    at = [
        i
        for i, t in enumerate(tokens)
        if any(w.startswith(stems) for w in words(t.group())) or t.group().lower().startswith(stems)
    ]
    events = [i for i, t in enumerate(tokens) if t.group().lower().startswith(EVENT_STEMS)]
    for a, b in spans:
        i = next((k for k, t in enumerate(tokens) if t.end() > a), len(tokens))
        j = next((k for k, t in enumerate(tokens) if t.end() >= b), len(tokens))
        near = [k for k in at if i - VALUE_NEAR_WORDS <= k <= j + VALUE_NEAR_WORDS]
        if not near:
            continue
        if kind == Kind.DATE and events:
            # a date is the event's written before it ("launched on 16 September, docking
            # expected on 19 September"), else the one right after ("on 3 July it docked")
            before = [k for k in events if i - VALUE_NEAR_WORDS <= k < i]
            after = [k for k in events if j < k <= j + VALUE_NEAR_WORDS]
            owner = max(before) if before else min(after) if after else None
            if owner is not None and owner not in near:
                continue
        return True
    return False


# The words of a flight's events: a date beside one of them is that event's date.
EVENT_STEMS = (
    "launch", "lift", "dock", "undock", "berth", "unberth", "land", "splash", "return",
    "releas", "depart", "re-ent", "reent",
)  # fmt: skip


# Words that make the clause they open a plan, not what happened: "NET 16 September",
# "expected docking at about 13:46 UTC on 19 September", "was to launch on".
_PLAN_MARK = phrases(
    r"\b(?:NET|no earlier than|expect\w*|plan\w*|schedul\w*|target\w*|estimat\w*|intend\w*|"
    r"due|set for|was to|were to|would|aimed?|slated)\b",
    re.I,
)
_CLAUSE_START = phrases(r"[;:(]|,\s|\.\s|\bwhen\b|\bwhile\b|\bbut\b|\band\b", re.I)


# A time of day an event's text gives: "at 11:10 a.m. EDT", "at 14:47:43 UTC".
CLOCK = phrases(
    r"\b(?:at|around|about) (\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.m\.)?(?:\s*(?:UTC|GMT|EDT|EST"
    r"|CDT|CST|PDT|MSK|JST|Moscow time))?)",
)


def clock_in(what: str) -> re.Match[str] | None:
    """The first time of day an event's text gives outside a plan clause (a time a clause
    opened by "expected" gives is a plan's, never the event's)."""
    return next((m for m in CLOCK.finditer(what) if not planned_at(what, m.start())), None)


def planned_at(text: str, pos: int) -> bool:
    """Whether the clause holding position pos is a plan ("Launch Library 2 had expected
    docking at about 13:46 UTC on 19 September"): a plan word before pos in that clause."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, pos)]
    return bool(_PLAN_MARK.search(text, starts[-1] if starts else 0, pos))


# "by 27 September 2026": the latest an event can have happened, when only a later listing is
# known ("Docked to the ISS by 27 September 2026, when CelesTrak listed it").
_BY_DATE = phrases(
    rf"\bby\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\w*(?:\s+(?P<year>(?:19|20)\d\d))?\b", re.I
)


def by_date(text: str, year: int) -> dt.date | None:
    """The date a text gives an event as done by ("by 27 September 2026"; a date with no year
    is in the given year), not in a plan."""
    for m in _BY_DATE.finditer(text):
        if not planned_at(text, m.start()):
            month = MONTH_NUMBERS.get(m["month"].lower()[:3], 0)
            try:
                return dt.date(int(m["year"] or year), month, int(m["day"]))
            except ValueError:
                continue
    return None


def quoted(ctx: Context, p: Passage) -> str:
    """The sentence as an answer's lead: named if it does not say whose, with its source
    ("Progress MS-34: Docking was planned for 28 April ..., per Orda.kz.")."""
    rec = ctx.kb.get(p.record_id)
    name = rec.name if rec is not None else p.record_id
    text = re.sub(r"^Its\b", f"{name}'s", p.text.rstrip(". "))  # "Its planned stay"
    text = re.sub(r"^It\b", name, text)  # "It stayed ...": say which
    if name.split()[0].lower() not in text.lower():
        text = f"{name}: {text}"
    said_by = list(dict.fromkeys(publisher(ctx.kb, s) for s in p.sources))
    more = f" and {len(said_by) - _PER_SHOWN} more" if len(said_by) > _PER_SHOWN else ""
    per = f", per {', '.join(said_by[:_PER_SHOWN])}{more}" if said_by else ""
    weak = unverified(ctx.kb, p.sources)
    return f"{text} ({weak})." if weak else f"{text}{per}."


_NUMBER_WORDS = {"a": 1, "an": 1, **vocab.NUMBER_WORDS}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_SPAN = phrases(
    r"\b(?:(?P<n>\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+)?(?P<unit>day|week|month|year)s?\b",
    re.I,
)
_PHRASE_WORDS = 3  # words quoted before a planned length ("the usual six months")
# Words that make a length a plan rather than what happened.
PLAN_STEMS = ("plan", "expect", "usual", "design", "schedul", "estimat", "typical", "intend")


def planned_days(text: str) -> tuple[int, str] | None:
    """The length, in days, a sentence gives as a plan ("a planned stay of 167 days", "the
    usual six months"): the first length within VALUE_NEAR_WORDS words after a plan word."""
    for m in _SPAN.finditer(text):
        before = text[: m.start()].split()[-VALUE_NEAR_WORDS:]
        if m["n"] is None and not (before and before[-1].lower().startswith(PLAN_STEMS)):
            continue  # a bare unit counts only right after the plan word: "the usual month"
        at = [i for i, w in enumerate(before) if w.lower().startswith(PLAN_STEMS)]
        if at:
            n = (m["n"] or "one").lower()  # "the usual month": one
            count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            start = max(at[-1], len(before) - _PHRASE_WORDS)  # "a stay of 179 days"
            phrase = " ".join([*before[start:], m.group()]).strip(",;")
            return count * _UNIT_DAYS[m["unit"].lower()], phrase
    return None


def plan_passage(ctx: Context, ids: Iterable[str]) -> tuple[int, str, Passage] | None:
    """The first sentence of these records that gives a planned length: the length in days,
    the words that say it ("usual six months") and the sentence."""
    for rid in ids:
        for p in ctx.lexicon.passages.get(rid, ()):
            found = planned_days(p.text)
            if found is not None:
                return found[0], found[1], p
    return None


# A flight designation as typed ("NG-19", "ng19", "MS-27"): letters, an optional hyphen, digits.
_DESIGNATION = phrases(r"\b([a-z]{1,6})-?(\d{1,3})\b", re.I)
# A word and a number the base's own texts write together ("Expedition 75"), typed apart.
_SPACED = phrases(r"\b([a-z]{4,12}) (\d{1,3})\b", re.I)


@dataclass(frozen=True)
class Designation:
    """A designation the question types that names no record ("NG-19", "C209")."""

    letters: str
    digits: str
    typed: str  # as typed
    said: re.Pattern[str]  # how a text writes it ("NG-19", "ng 19", "C209")

    @property
    def name(self) -> str:
        if len(self.letters) > _SHORT_LETTERS:  # "Expedition 75", not "EXPEDITION-75"
            return f"{self.letters.capitalize()} {self.digits}"
        return f"{self.letters.upper()}-{self.digits}"


_SHORT_LETTERS = 6  # letters of a designation said in capitals with a hyphen ("NG-19")


def designations(q: Question, known: frozenset[str] = frozenset()) -> list[Designation]:
    """The designations the question types that no name it reads covers ("capsule C209"),
    and a word and number typed apart that are one of the known (folded) designations the
    base's texts write ("expedition 75")."""
    taken = [(s.start, s.end) for s in q.subjects] + [
        (s.start, s.end) for g in q.ambiguous for s in g
    ]
    found = []
    spaced = [m for m in _SPACED.finditer(q.text) if fold(m.group(1) + m.group(2)) in known]
    for m in [*_DESIGNATION.finditer(q.text), *spaced]:
        inside = [(a, b) for a, b in taken if m.start() <= a and b <= m.end()]
        if any(a < m.end() and m.start() < b and (a, b) not in inside for a, b in taken):
            continue  # a name typed over it; "soyuz" of "soyuz-2" is no name of its own
        if any(b - a >= m.end() - m.start() for a, b in inside):
            continue
        letters, digits = m.group(1), m.group(2)
        said = re.compile(rf"\b{re.escape(letters)}[- ]?{digits}\b(?!\.\d)", re.I)
        found.append(Designation(letters, digits, m.group(), said))
    return found


def _said_score(ctx: Context, q: Question, p: Passage, own: set[str]) -> float:
    """How much of the question a sentence mentioning its subject speaks to: the question's
    own words, and each asked fact its words do not already speak for, once by its best word
    ("reboost burn": "raised the station")."""
    weight = ctx.lexicon.weight
    common = (set(words(q.text)) - own) & p.words
    return sum(weight(w) for w in common) + sum(
        max((weight(w) for w in fw & p.words), default=0.0)
        for f in q.facts
        if not (fw := vocab.FACT_WORDS.get(f, frozenset())) & common
    )


def _named_there(text: str, asked: frozenset[str]) -> bool:
    """Whether the text writes an asked word as a name, capitalized past its first word
    ("Shooting Star cargo module", "NEM"), not as a common word ("the commander")."""
    tokens = _TOKEN.findall(text)[1:]
    return any(w in asked for t in tokens if t[:1].isupper() for w in words(t))


def words_passage(ctx: Context, q: Question) -> tuple[str, Passage] | None:
    """Subject words naming no record that one sentence uses together, and the sentence
    speaking most to the rest of the question ("who builds the shooting star module": Dream
    Chaser's "... with an expendable Shooting Star cargo module")."""
    asked = frozenset(q.words)
    if not asked or q.subjects or q.ambiguous or re.search(r"\d", q.text):
        return None  # a number typed is a designation's or a value's ("crs 36")
    best: tuple[float, int, Passage] | None = None
    for ps in ctx.lexicon.passages.values():
        for p in ps:
            if asked <= p.words and _named_there(p.text, asked):
                key = (_said_score(ctx, q, p, set(asked)), -len(p.text))
                if best is None or key > best[:2]:
                    best = (*key, p)
    if best is None:
        return None
    typed = [t for t in re.findall(r"[\w'-]+", q.text) if set(words(t)) & asked]
    return " ".join(typed), best[2]


def mention_passage(ctx: Context, q: Question) -> tuple[str, Passage] | None:
    """A designation the question types that names no record ("NG-19"), and the sentence
    mentioning it that shares the most of the question's other words and asked fact's words
    ("NG-19 reboost burn length": the Cygnus record's "On NG-19 Cygnus fired for 22 min 48 s")."""
    kind = {Ask.WHEN: Kind.DATE, Ask.HOW_MUCH: Kind.AMOUNT}.get(q.ask)
    best: tuple[float, bool, int, str, Passage] | None = None
    for d in designations(q, ctx.lexicon.designators):
        letters, said = d.letters, d.said
        own = set(words(d.typed))
        for ps in ctx.lexicon.passages.values():
            for p in ps:
                if not said.search(p.text):
                    continue
                score = _said_score(ctx, q, p, own)
                valued = kind is not None and has_value_near(p.text, (letters.lower(),), kind)
                key = (score, valued, -len(p.text))
                if score > 0 and (best is None or key > best[:3]):
                    best = (*key, d.name, p)
    return (best[3], best[4]) if best is not None else None
