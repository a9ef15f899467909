"""A yes/no claim of how long something took ("dock in under 8 hours", "more than a year"):
the bound asked, the length recorded or said, and the verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from commands.context import Context
from commands.durations import flight_duration, stay_duration, transit
from commands.format import day_text
from commands.reply import Reply
from commands.understand import vocabulary as vocab
from commands.understand.prefilter import phrases
from commands.understand.types import Ask, Fact, Question
from commands.whatif.lexer import NUMBER, NUMBER_WORDS, number
from knowledge.text import canonical, fold_word, sentences, stem, words

# Minutes in each unit a bound or a said length is given in (a month is an average one).
UNIT_MINUTES = {
    "minute": 1.0,
    "hour": 60.0,
    "day": 1440.0,
    "week": 7 * 1440.0,
    "month": 30.44 * 1440.0,
    "year": 365.25 * 1440.0,
}
# A length said as "about ..." is this close to the bound (either way) too close to call.
CLOSE_SHARE = 0.15
# Facts a question of a flight's whole length is read with ("in space for", "last").
LENGTH_FACTS = frozenset(
    {Fact.STATUS, Fact.DAYS_IN_SPACE, Fact.LAUNCH, Fact.LANDING, Fact.UNDOCKING}
)
# A length derived from dates coarser than a day may be off by up to a month either way.
MONTH_SPREAD = 31 * 1440.0

_UNIT = r"(?P<unit>min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_BELOW = r"less than|fewer than|under|shorter than|no more than|at most|within|inside(?: of)?"
_ABOVE = r"more than|over|longer than|at least|upwards of|in excess of"
_BOUNDED = rf"\b(?:(?P<below>{_BELOW})|(?P<above>{_ABOVE}))\s+(?P<n>{NUMBER})\s*{_UNIT}\b"
_RELATION = r"\s+(?:late|early|behind|ahead|ago|later|earlier|before|after|of|from|since)\b"
# "in less than 8 hours", "more than a year": not a delay ("more than 2 days late").
_BOUND = phrases(rf"{_BOUNDED}(?!{_RELATION})", re.I)
# A length between two events or from today ("within a week of the repair", "more than 2
# days late", "over a month ago"): no recorded length answers it here.
_RELATIVE = phrases(rf"{_BOUNDED}(?={_RELATION})", re.I)
# Getting to the station, whatever the facts read: "make it to the iss", "reach the station".
_ARRIVAL = phrases(
    r"\b(?:reach\w*|arriv\w*|(?:get|gets|got|getting) (?:to|there)|ma[dk]e it (?:to|there))\b",
    re.I,
)
# A time spent at the station, whatever the facts read: "docked for", "stay at the iss for".
_STAYED = phrases(
    r"\b(?:docked|berthed|attached|parked)\s+(?:\w+\s+){0,3}?for\b|\bstay\w*\b"
    r"|\b(?:at|on|aboard) the (?:station|iss)\b",
    re.I,
)
# "took about three months", "lasted 96 days", "a repair of about three months".
_SAID = phrases(
    rf"\b(?:took|takes|take|lasted|lasting|taking)\s+(?P<about>about |around |roughly |some "
    rf"|nearly |almost |~)?(?P<n>{NUMBER})\s*{_UNIT}\b",
    re.I,
)


@dataclass(frozen=True)
class Bound:
    """A length a yes/no claims something stayed under (or went over)."""

    minutes: float
    below: bool  # "less than", "within"; else "more than", "at least"
    inclusive: bool  # "within", "at most", "at least": the bound itself counts
    text: str  # as typed: "less than 8 hours"


def _unit(u: str) -> str:
    u = u.lower()
    if u.startswith("mi"):
        return "minute"
    if u.startswith("h"):
        return "hour"
    if u.startswith("mo"):
        return "month"
    return {"d": "day", "w": "week", "y": "year"}[u[0]]


def asked_bound(text: str) -> Bound | None:
    """The length bound a question claims ("in less than 8 hours", "within 6 months")."""
    m = _BOUND.search(text)
    if m is None:
        return None
    n = number(m["n"])
    if n is None or n <= 0:
        return None
    word = (m["below"] or m["above"]).lower()
    inclusive = word in ("within", "no more than", "at most", "at least")
    minutes = n * UNIT_MINUTES[_unit(m["unit"])]
    return Bound(minutes, m["below"] is not None, inclusive, m.group(0).strip())


def blanked(text: str) -> str:
    """The text with its length bound blanked (same length, so spans keep their places): its
    words ("less", "hours") are no subject words."""
    m = _BOUND.search(text)
    return text if m is None else f"{text[: m.start()]}{' ' * len(m.group(0))}{text[m.end() :]}"


@dataclass(frozen=True)
class Said:
    """A length a sentence says something took, in minutes."""

    minutes: float
    about: bool
    text: str  # "took about three months"


def length_said(text: str) -> Said | None:
    """The first length the text says something took ("took about three months")."""
    m = _SAID.search(text)
    if m is None:
        return None
    n = number(m["n"])
    if n is None or n <= 0:
        return None
    minutes = n * UNIT_MINUTES[_unit(m["unit"])]
    return Said(minutes, bool(m["about"]), m.group(0))


def holds(bound: Bound, low: float, high: float) -> bool | None:
    """Whether a length somewhere from low to high minutes keeps the bound; None when the
    range falls on both sides of it."""
    under = high < bound.minutes or (high == bound.minutes and bound.inclusive == bound.below)
    over = low > bound.minutes or (low == bound.minutes and bound.inclusive != bound.below)
    if under == over:
        return None
    return under if bound.below else over


# The opener a yes/no reply already has, replaced by the bound's verdict.
_OPENER = phrases(
    r"^(?:Yes|No)(?:\.|, as recorded[^:]*:)\s+|^Not known as a plain yes or no[^:]*:\s+"
)


def answer_bound(ctx: Context, q: Question, reply: Reply) -> Reply:
    """A yes/no claiming how long something took: Yes or No from the flight's trip to the
    station or its length, else from the length the reply itself says something took; a
    length that cannot be found never leaves the Yes of the event alone standing."""
    if reply.kind != "answer" or (q.ask != Ask.YES_NO and not _OPENER.match(reply.text)):
        return reply
    bound = asked_bound(q.text)
    if bound is None:
        relative = _RELATIVE.search(q.text)
        if relative is None:
            return answer_figure(ctx, q, reply) if q.ask == Ask.YES_NO else reply
        if not _OPENER.match(reply.text):
            return reply
        body = _OPENER.sub("", reply.text, count=1)
        opener = f"Not known as a plain yes or no as of {day_text(ctx.kb.as_of)}: “"
        return replace(reply, text=f"{opener}{relative.group(0)} …” is not checked here. {body}")
    body = _OPENER.sub("", reply.text, count=1)
    flown = [r for r in q.record_ids if r in ctx.kb.missions]
    found = _flight_length(ctx, q) if flown else _said_length(body) or _topic_length(ctx, q)
    if found is None:
        if not _OPENER.match(reply.text):
            return reply
        opener = f"Not known as a plain yes or no as of {day_text(ctx.kb.as_of)}: no length "
        return replace(reply, text=f"{opener}is recorded to check “{bound.text}” against. {body}")
    figure, low, high, lead = found
    verdict = holds(bound, low, high)
    if verdict is None:
        said = f"Too close to call: {figure}, against “{bound.text}”."
    else:
        said = f"{'Yes' if verdict else 'No'}: {figure} is{'' if verdict else ' not'} {bound.text}."
    return replace(reply, text=f"{said} {lead}{body}")


def _flight_length(ctx: Context, q: Question) -> tuple[str, float, float, str] | None:
    """One named flight's trip to the station (a docking asked) or its length in space."""
    flights = [ctx.kb.missions[r] for r in dict.fromkeys(q.record_ids) if r in ctx.kb.missions]
    if len(flights) != 1:
        return None
    m = flights[0]
    arrival = bool(_ARRIVAL.search(q.text))  # "arrive at the iss in ...": the trip, never a stay
    stay = not arrival and (Fact.STAY in q.facts or bool(_STAYED.search(q.text)))
    if arrival or (not stay and (Fact.DOCKING in q.facts or Fact.TRANSIT in q.facts)):
        t = transit(m)
        if t is None:
            return None
        if t.minutes is not None:
            low = high = float(t.minutes)
        else:  # dates only: the trip is within a day either side of the days between them
            low, high = max(0.0, (t.days - 1) * 1440.0), (t.days + 1) * 1440.0
        return t.span(), low, high, f"{m.name} took {t.span()} from launch to docking. "
    if stay or set(q.facts) <= LENGTH_FACTS:  # "was it up there for ...", "did it land after"
        d = stay_duration(m) if stay else flight_duration(m, ctx.kb.as_of)
        if d is None or d.ongoing:
            return None
        days = d.days * 1440.0
        spread = 0.0 if d.exact else MONTH_SPREAD
        low = 0.0 if d.at_most else max(0.0, days - spread)
        what = "stay at the station" if stay else "flight"
        return f"{d.days} days", low, days + spread, f"{m.name}'s {what}: {d.text}. "
    return None


def _topic_length(ctx: Context, q: Question) -> tuple[str, float, float, str] | None:
    """The length a topic about a named record says, when the topic's title has an asked word
    ("was the pad repaired within ...": "How long the Site 31/6 repair took")."""
    asked = set(q.words)
    found = [
        (t, said)
        for t in ctx.kb.topics.values()
        if set(t.related) & set(q.record_ids)
        and asked & {stem(w) for w in words(t.name)}
        and (said := _said_length(t.answer)) is not None
    ]
    if len(found) != 1:
        return None
    topic, (figure, low, high, _) = found[0]
    return figure, low, high, f"{sentences(topic.answer)[0]} "


def _said_length(body: str) -> tuple[str, float, float, str] | None:
    """The length the reply's own first sentence says something took (a topic's answer)."""
    first = sentences(body.partition("\n\n")[0])
    said = length_said(first[0]) if first else None
    if said is None:
        return None
    spread = CLOSE_SHARE * said.minutes if said.about else 0.0
    figure = said.text.split(None, 1)[1]
    return figure, said.minutes - spread, said.minutes + spread, ""


# A figure a yes/no names without a bound ("recycling 98% of its water", "fit 7 people",
# "rated for 210 days"): a number (digits or a spelled one) and the word after it.
_SPELLED = "|".join(sorted(NUMBER_WORDS - {"few", "couple", "dozen"}, key=len, reverse=True))
_FIGURE = phrases(
    rf"(?<![\w.,/-])(?P<n>\d[\d,]*(?:\.\d+)?|(?:{_SPELLED})(?:-(?:{_SPELLED}))?)(?![\w/-]|[.,]\d)"
    r"\s*(?P<unit>%|[^\W\d_]+)?",
    re.I,
)
_YEAR = phrases(r"^(?:19|20)\d\d$")
_PERCENT = canonical("percent")
# Units of measure: a figure in one is only the same figure in the same unit, and a recorded
# figure in the asked unit that differs from it says No.
MEASURES = frozenset(
    words(
        "percent day week month year hour minute kg kilogram ton tonne t lb pound liter litre l "
        "km meter metre mile gallon"
    )
)
# The reply's own opener when nothing decided the yes/no (a figure may): a topic's "Not known
# as a plain yes or no ... What is recorded:" or none at all (a passage's sentence).
_UNDECIDED = phrases(r"^Not known as a plain yes or no[^:]*:\s+")
_DECIDED = phrases(r"^(?:Yes|No|Not known|Too close)\b")
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


# Two figures given as alternatives or a range ("$4.2 billion or $4.5 billion", "3 to 4 t").
_ALTERNATIVES = phrases(r"\d[^,;()]{0,12}\s(?:or|to)\s[$~]?\d", re.I)


# Words before a figure that make it a past value ("previously about 94%", "up from 93%").
_FORMER = phrases(
    r"\b(?:previously|formerly|earlier|once|used to be|up from|down from|was)\b", re.I
)
_FORMER_REACH = 24  # characters before a figure read for such a word


@dataclass(frozen=True)
class Figure:
    """A number written in a text and the unit (canonical word) after it, if any."""

    value: float
    unit: str
    text: str  # as written: "98%", "seven"
    former: bool = False  # a value it had before ("previously about 94%"): not what it is


def figures(text: str) -> list[Figure]:
    """The figures a text writes: no years, no days of a month ("26 July")."""
    out = []
    for m in _FIGURE.finditer(text):
        raw = m["n"].replace(",", "")
        if _YEAR.match(raw):
            continue
        before = text[: m.start()].split()[-1:]
        unit_raw = (m["unit"] or "").lower()
        if unit_raw in _DATE_WORDS or (before and before[0].lower() in _DATE_WORDS):
            continue
        value = number(raw)
        if value is None:
            continue
        unit = _PERCENT if unit_raw == "%" else canonical(fold_word(unit_raw)) if unit_raw else ""
        shown = m.group(0).strip() if unit in MEASURES else m["n"]
        former = bool(_FORMER.search(text[max(0, m.start() - _FORMER_REACH) : m.start()]))
        out.append(Figure(value, unit, shown, former))
    return out


def _same(asked: Figure, said: Figure) -> bool:
    """Whether a recorded figure is the asked one: the same value, in the same unit when
    either is a unit of measure."""
    if asked.value != said.value:
        return False
    if asked.unit in MEASURES or said.unit in MEASURES:
        return asked.unit == said.unit
    return True


def asked_figures(q: Question) -> list[Figure]:
    """The figures a question names outside the names it typed ("33" of CRS-33 is none)."""
    named = [(s.start, s.end) for s in q.subjects if s.start >= 0]
    return [f for f in figures(_blank_spans(q.text, named)) if f.value > 0]


def misses_figure(q: Question, sentence: str) -> bool:
    """Whether the question names a figure the sentence does not state as current (a Yes
    from its words alone would confirm a number nobody recorded)."""
    asked = asked_figures(q)
    said = [f for f in figures(sentence) if not f.former]
    return bool(asked) and not any(_same(a, f) for a in asked for f in said)


def answer_figure(ctx: Context, q: Question, reply: Reply) -> Reply:
    """A yes/no naming a figure that nothing else decided: Yes when the recorded sentence the
    reply leads with writes that figure, No when it writes the asked unit of measure only
    with other values (said with the recorded one); else the reply as it was."""
    if reply.kind != "answer" or (_DECIDED.match(reply.text) and not _UNDECIDED.match(reply.text)):
        return reply
    if vocab.NEGATION.search(q.text):
        return reply
    asked = asked_figures(q)
    if len(asked) != 1:
        return reply
    want = asked[0]
    body = _UNDECIDED.sub("", reply.text, count=1)
    lead, sep, rest = body.partition("\n\n")
    said = [(s, figures(s)) for s in sentences(lead)]
    said = [(s, [f for f in fs if not f.former]) for s, fs in said]
    hit = next((s for s, fs in said if any(_same(want, f) for f in fs)), None)
    if hit is not None and _ALTERNATIVES.search(hit):
        return reply  # "$4.2 billion or $4.5 billion": the sources' claims, not one figure
    if hit is not None:
        others = " ".join(s for s, _ in said if s != hit)
        return replace(reply, text=f"Yes. {hit} {others}".strip() + sep + rest)
    if want.unit not in MEASURES:
        return reply
    recorded = [f for _, fs in said for f in fs if f.unit == want.unit]
    if not recorded:
        return reply
    return replace(reply, text=f"No: the record says {recorded[0].text}, not {want.text}. {body}")


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans (the names it typed: "Crew-12") blanked, same length."""
    for a, b in spans:
        text = f"{text[:a]}{' ' * (b - a)}{text[b:]}"
    return text
