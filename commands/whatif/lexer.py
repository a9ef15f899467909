"""The words of a what-if that are numbers, lengths of time and dates.

The rule for numbers: one the lexer does not fully understand is refused, naming it — powers
("10^9"), exponents ("1e308", "1.5e3"), "nan" and "infinity", decimal commas ("1,5"),
fractions before a unit ("1/2 month") and vague counts ("several", "some") — rather than read
as something else. "a few weeks" is read as 3 weeks, and its text says so. "minus 5 months"
is read as -5 (and then refused as negative).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from commands.reply import Suggestion
from commands.understand.prefilter import Phrases, phrases
from commands.whatif.errors import ScenarioError
from knowledge.dates import (
    MONTH_NAMES,
    MONTH_NUMBERS,
    SEASON_QUARTERS,
    FuzzyDate,
    FuzzyDateError,
    season_quarter,
)
from knowledge.units import kg_per_said

# The days in a unit of a stated length: "3 months" is 91 days.
DAYS_PER_UNIT = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}

if TYPE_CHECKING:  # built in the functions below: a look-up imports the lexer, not the edits
    from commands.whatif.edits import Duration, MonthTarget

_UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_MAGNITUDES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# "a few weeks": read as three, and the reply says so ("a few weeks (read as 3 weeks)").
FEW = 3
_SPECIAL = {"a": 1, "an": 1, "another": 1, "couple": 2, "few": FEW, "dozen": 12, "half": 0.5}
# Spelled numbers the "every number understood" check looks for ("one", "a": too common).
NUMBER_WORDS = frozenset(
    set(_UNITS_WORDS) - {"one"} | set(_MAGNITUDES) | {"dozen", "couple", "few"}
)


def _alt(words: object) -> str:
    return "|".join(sorted(map(str, words), key=len, reverse=True))  # type: ignore[call-overload]


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:\.\d+)?"
_WORDNUM = rf"(?:{_alt(_UNITS_WORDS)})(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
_BASE = (
    rf"(?:{_DIGITS}|{_WORDNUM}|an?\s+couple(?:\s+of)?|couple(?:\s+of)?|an?\s+few|an?\s+dozen|dozen"
    r"|half(?:\s+an?)?|another|an?)"
)
NUMBER = (
    rf"(?:(?:[-−+]\s*|minus\s+|negative\s+)?(?<![\w.,]){_BASE}(?![\w])"
    rf"(?:[\s-]+(?:{_alt(_MAGNITUDES)}))*(?:\s+and\s+a\s+half(?![\w]))?)"
)
_UNIT = r"(?:days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?|y|quarters?|qtrs?)"
# "a whole year", "6 full months": words that stress a length without changing it.
_WHOLE = r"(?:\s+(?:whole|full|entire|straight|solid|complete))?"
_ONE_DURATION = (
    rf"{NUMBER}(?:\s+(?:of\s+)?an?)?{_WHOLE}[\s-]*{_UNIT}(?![\w])(?:\s+and\s+a\s+half(?![\w]))?"
)
_DURATION = phrases(
    rf"(?P<d>{_ONE_DURATION}(?:\s*(?:,\s*|and\s+|plus\s+)?(?={NUMBER}[\s-]*{_UNIT}(?![\w])){_ONE_DURATION})*)",
    re.I,
)
_ONE = phrases(
    rf"(?P<num>{NUMBER})(?:\s+(?:of\s+)?an?)?{_WHOLE}[\s-]*(?P<unit>{_UNIT})(?![\w])(?P<half>\s+and\s+a\s+half)?",
    re.I,
)
_NUMBER = phrases(NUMBER, re.I)
# A length said as a range ("1-2 years", "one to two years", "between 18 and 24 months", "a
# year or two"): the model runs its upper end and says so.
_RANGE = phrases(
    rf"(?:between\s+)?(?<![\w.,-])(?P<lo>{_BASE})\s*(?:-|–|—|to|or|and)\s*(?P<hi>{_BASE})"
    rf"{_WHOLE}[\s-]*(?P<unit>{_UNIT})(?![\w])"
    rf"|(?<![\w.,-])(?P<lo2>an?|one|{_DIGITS})[\s-]*(?P<unit2>{_UNIT})\s+or\s+"
    r"(?P<hi2>two|three|four|five|six|\d+)(?![\w])(?!\s*(?:more|extra|less))",
    re.I,
)

# --- numbers the lexer refuses -----------------------------------------------------------------

_REFUSED: tuple[tuple[Phrases, str], ...] = (
    (
        phrases(r"\d+(?:\.\d+)?\s*(?:\^|\*\*)\s*[-+]?\d+(?:\.\d+)?", re.I),
        "is a power; write the number out in digits (e.g. “6 months”)",
    ),
    (
        phrases(r"(?<![\w.])[-+]?\d+(?:\.\d+)?e[-+]?\d+(?![\w.])", re.I),
        "is in scientific notation; write the number out in digits (e.g. “1500 days”)",
    ),
    (
        phrases(r"(?<![\w])(?:nan|inf|infinity|infinite|infinitely)(?![\w])|∞", re.I),
        "is not a number I can use; give a length such as “6 months” or a date",
    ),
    (
        phrases(r"(?<![\d,.])\d+,\d{1,2}(?![\d])"),
        "has a decimal comma; write it with a point (e.g. “1.5 months”)",
    ),
    (
        phrases(r"(?<![\w.])\d+\.\d+\.\d+(?![\w.])"),
        "is not a number or a date I can read; write dates as 2027-03-01 or 1 March 2027",
    ),
    (
        phrases(r"(?<![\w/])\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])"),
        "is ambiguous (day/month or month/day); write it as 2027-03-01 or 1 March 2027",
    ),
    (
        phrases(rf"(?<![\w/])\d+/\d+\s*(?:of\s+an?\s+)?{_UNIT}(?![\w])", re.I),
        "is a fraction; write it in digits (e.g. “0.5 months” or “2 weeks”)",
    ),
    (
        phrases(
            rf"\b(?:(?<!\ba\s)few|several|some|many|lots\s+of|a\s+bunch\s+of|a\s+number\s+of)"
            rf"(?:\s+more)?\s+{_UNIT}(?![\w])",
            re.I,
        ),
        "is not a number; say how many (e.g. “3 months”)",
    ),
)


def check_numbers(text: str) -> None:
    """Refuse, naming it, the first number written in a form the lexer does not read."""
    for pattern, why in _REFUSED:
        m = pattern.search(text)
        if m:
            shown = m.group(0).strip()
            raise ScenarioError(shown, f"“{shown}” {why}")


def numeric_tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the numbers in text (digits, and spelled numbers other than "one" and "a")."""
    out = [(m.start(), m.end()) for m in re.finditer(r"\d+(?:[.,]\d+)*", text)]
    for m in re.finditer(r"[a-z]+", text, re.I):
        if m.group(0).lower() in NUMBER_WORDS:
            out.append((m.start(), m.end()))
    return sorted(out)


def number(text: str) -> float | None:
    """The value of a number as matched by NUMBER ("6", "six", "twenty-one", "a", "minus 5",
    "2 million", "a couple of"), or None."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("−", "-"))
    sign = 1.0
    m = re.match(r"^(?:(-|\+)\s*|(minus|negative) )", t)
    if m:
        sign = -1.0 if m.group(1) == "-" or m.group(2) else 1.0
        t = t[m.end() :]
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")].strip()
    factor = 1.0
    while True:
        parts = re.split(r"[\s-]+", t)
        if len(parts) > 1 and parts[-1] in _MAGNITUDES:
            factor *= _MAGNITUDES[parts[-1]]
            t = " ".join(parts[:-1])
            continue
        break
    t = re.sub(r"^(?:an?\s+)(?=couple|dozen|few)", "", t).removesuffix(" of").strip()
    t = re.sub(r"^half an?$", "half", t)
    value: float | None
    if re.fullmatch(_DIGITS, t):
        value = float(t.replace(",", "").replace(" ", ""))
    elif t in _SPECIAL:
        value = float(_SPECIAL[t])
    else:
        words = re.split(r"[\s-]+", t)
        if all(w in _UNITS_WORDS for w in words) and 1 <= len(words) <= 2:
            value = float(sum(_UNITS_WORDS[w] for w in words))
            if len(words) == 2 and not (_UNITS_WORDS[words[0]] >= 20 > _UNITS_WORDS[words[1]]):
                return None
        else:
            return None
    return sign * (value * factor + (0.5 if half else 0.0))


def _unit(u: str) -> str:
    u = u.lower()
    if u.startswith("d"):
        return "day"
    if u.startswith("w"):
        return "week"
    if u.startswith("q"):
        return "quarter"
    if u.startswith("m"):
        return "month"
    return "year"


_ADJECTIVE_UNIT = phrases(r"[\s-]+(day|week|month|year|quarter)$", re.I)


def _as_noun(shown: str, amount: float) -> str:
    """A length said as an adjective ("a 3 month gap", "6-month") as a noun: "3 months"."""
    if abs(amount) == 1 or not re.match(r"[-−+]?\d|[a-z]+-(?:day|week|month|year|quarter)$", shown):
        return shown
    return _ADJECTIVE_UNIT.sub(lambda u: f" {u[1]}s", shown)


@dataclass(frozen=True)
class Found:
    """Something the lexer found in a text, and where."""

    start: int
    end: int
    text: str


# "a third of a year", "two thirds of a month": a part of the length after it.
_THIRDS = phrases(r"\b(?P<k>a|one|two)\s+thirds?\s+of\s+$", re.I)
_IN_SMALLER = {"year": ("month", 12.0), "month": ("day", 30.44), "week": ("day", 7.0)}


def find_duration(text: str, pos: int = 0) -> tuple[Duration, Found] | None:
    """The first length of time in text[pos:] ("6 months", "a year and a half", "1 year and
    2 months", "minus 5 months", "6-month", "a third of a year"), or None."""
    from commands.whatif.edits import Duration

    got = _whole_duration(text, pos)
    if got is None:
        return None
    third = _THIRDS.search(text[: got[1].start])
    if third is None or third.start() < pos:
        return got
    dur, found = got
    unit, per = _IN_SMALLER.get(dur.unit, (dur.unit, 1.0))
    amount = dur.amount * per * (2 if third["k"].lower() == "two" else 1) / 3
    amount = round(amount) if unit == "day" else round(amount, 2)
    shown = text[third.start() : found.end].strip()
    return Duration(amount, unit, shown), Found(third.start(), found.end, shown)


def _whole_duration(text: str, pos: int) -> tuple[Duration, Found] | None:
    """find_duration without the parts of a length ("a third of")."""
    from commands.whatif.edits import Duration

    m = _DURATION.search(text, pos)
    ranged = _RANGE.search(text, pos)
    if ranged is not None and (m is None or ranged.start() <= m.start()):
        return _upper_end(ranged)
    if not m:
        return None
    parts: list[tuple[float, str]] = []
    for one in _ONE.finditer(m.group(0)):
        n = number(one["num"])
        if n is None:
            return None
        unit = _unit(one["unit"])
        if unit == "quarter":
            unit, n = "month", n * 3
        if one["half"]:
            n += 0.5 if n >= 0 else -0.5
        parts.append((n, unit))
    if not parts:
        return None
    shown = m.group(0).strip()
    found = Found(m.start(), m.end(), shown)
    if len(parts) == 1:
        said = _as_noun(shown, parts[0][0])
        if re.search(r"\bfew\b", shown, re.I):  # "a few weeks": the count assumed, said
            n, unit = parts[0]
            said = f"{said} (read as {n:g} {unit}s)"
        return Duration(parts[0][0], parts[0][1], said), found
    if all(u in ("month", "year") for _, u in parts):
        months = sum(n * (12 if u == "year" else 1) for n, u in parts)
        return Duration(months, "month", shown), found
    days = sum(n * {"day": 1, "week": 7, "month": 30.44, "year": 365.25}[u] for n, u in parts)
    return Duration(round(days), "day", shown), found


def _upper_end(m: re.Match[str]) -> tuple[Duration, Found] | None:
    """The longer end of a length said as a range, said as read ("2 years (the upper end of
    1-2 years)")."""
    from commands.whatif.edits import Duration

    lo, hi = number(m["lo"] or m["lo2"]), number(m["hi"] or m["hi2"])
    if lo is None or hi is None:
        return None
    unit = _unit(m["unit"] or m["unit2"])
    if unit == "quarter":
        unit, lo, hi = "month", lo * 3, hi * 3
    top = max(lo, hi)
    shown = m.group(0).strip()
    said = f"{top:g} {unit}{'' if top == 1 else 's'} (the upper end of {shown})"
    return Duration(top, unit, said), Found(m.start(), m.end(), shown)


# --- dates -----------------------------------------------------------------------------------

# A mass said in a question: "~800 kg", "7 tonnes", "5 tonne", "1,500 lb", "2.5 t".
_MASS = phrases(
    rf"(?P<about>~|about\s+|around\s+|roughly\s+)?(?P<num>{NUMBER})\s*"
    r"(?P<unit>kgs?|kilos?|kilograms?|t|tons?|tonnes?|metric\s+tons?|lbs?|pounds?)(?![\w])",
    re.I,
)


@dataclass(frozen=True)
class Mass:
    """A mass said in a question, in kg, and how it was written."""

    kg: float
    text: str
    start: int
    end: int


def find_masses(text: str) -> list[Mass]:
    """Every mass written in text, in order ("~7 tonnes" -> 7,000 kg; "12 lb" -> 5.4 kg)."""

    out: list[Mass] = []
    for m in _MASS.finditer(text):
        n = number(m["num"])
        if n is None or n <= 0:
            continue
        unit = m["unit"].lower()
        per = kg_per_said(unit)
        out.append(Mass(n * per, m.group(0).strip(), m.start(), m.end()))
    return out


_MON = r"(?:" + _alt(MONTH_NUMBERS) + r")\.?"
_PART = r"(?P<part>early|mid|middle\s+of|late|end\s+of|start\s+of|beginning\s+of)"
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_WORDS.update({"fourth": 4, "4th": 4})
_PREP = r"(?:to|until|till|til|in|into|by|on|from|before|after|through|thru|since|starting|as\s+of)"
# A year in full, or short after an apostrophe ("May '27").
_YEAR = r"(?P<y>\d{4}\b|['’]\d{2}(?!\d))"
# The month a part of a year is counted from: "early 2027" is January, "mid-2027" July.
_YEAR_PART_MONTH = {"early": 1, "start": 1, "beginning": 1, "mid": 7, "middle": 7, "late": 10}
_YEAR_PART_MONTH["end"] = 12
_DATE_FORMS = (
    phrases(r"(?P<iso>(?:NET\s+)?\d{4}-(?:Q[1-4]|\d{1,2}(?:-\d{1,2})?))(?![\w-])", re.I),
    phrases(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})\s*,?\s*(?P<y>\d{{4}})\b",
        re.I,
    ),
    phrases(rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})\b", re.I),
    phrases(rf"\b(?:{_PART}[\s-]*)?(?P<m>{_MON})\s*,?\s*(?:of\s+)?{_YEAR}", re.I),
    # "early 2027", "mid-2027", "the end of 2027": the month that part of the year starts
    phrases(rf"\b(?:the\s+)?{_PART}[\s-]*(?:of\s+)?(?P<py>\d{{4}})\b", re.I),
    phrases(r"\bQ(?P<q>[1-4])\s*,?\s*(?P<y>\d{4})\b", re.I),
    phrases(
        r"\b(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
        r"(?P<y>\d{4})\b",
        re.I,
    ),
    # "summer 2027", "the fall of 2027": the quarter of the season's middle month
    phrases(
        r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s*,?\s*(?:of\s+)?"
        r"(?P<y>\d{4})\b",
        re.I,
    ),
    phrases(rf"\b{_PREP}\s+(?P<y>\d{{4}})\b(?!-)", re.I),
)
# "the rest of 2027", "the end of 2027", "through 2027", "all of 2027": until the next 1 January.
_YEAR_END = phrases(
    r"\b(?:(?:for\s+)?the\s+rest\s+of|(?:until|till|to|by)\s+the\s+end\s+of|through(?:out)?|thru"
    r"|(?:for\s+)?all\s+of)\s+(?P<y>\d{4})\b",
    re.I,
)
# Only after a preposition or "mid-"/"late" ... ("may" and "march" are verbs too).
_BARE_MONTH = phrases(
    rf"\b(?P<lead>{_PREP}\s+(?:the\s+)?)?(?:{_PART}[\s-]*)?(?P<m>{_MON})(?![\w-])"
    r"(?!\s*,?\s*(?:of\s+)?\d)",
    re.I,
)
# Phrases that name no placeable date.
_VAGUE = phrases(
    r"\b(?P<v>(?:(?:next|this|the\s+following|following|late|early|mid)[\s-]+)?"
    r"(?:summer|winter|spring|autumn|fall|year|month|week)(?![\w-])"
    r"|later(?:\s+on)?|some\s*time(?:\s+later)?|soon|eventually|a\s+while|a\s+bit)\b",
    re.I,
)
_SEASON_MONTHS = {
    "spring": ("March", "April", "May"),
    "summer": ("June", "July", "August"),
    "autumn": ("September", "October", "November"),
    "fall": ("September", "October", "November"),
    "winter": ("December", "January", "February"),
}


def year_of(typed: str) -> int:
    """A year as typed, in full or short after an apostrophe ("'27" is 2027)."""
    digits = typed.lstrip("'’")
    return int(digits) + (2000 if len(digits) == 2 else 0)


def find_date(text: str, pos: int = 0) -> tuple[dt.date, Found] | None:
    """The first full date in text[pos:] (a day, a month or quarter with its year, a year), as
    the first day it could mean, and the words that gave it ("mid-March 2027")."""
    from commands.whatif.edits import part_day

    best: tuple[dt.date, Found] | None = None
    for form in _DATE_FORMS:
        m = form.search(text, pos)
        if not m or (best is not None and m.start() >= best[1].start):
            continue
        g = m.groupdict()
        typed = re.sub(rf"^{_PREP}\s+", "", m.group(0).strip(), flags=re.I)
        try:
            if g.get("iso"):
                day = FuzzyDate.parse(g["iso"]).start
            elif g.get("py"):
                year = int(g["py"])
                month = _YEAR_PART_MONTH[g["part"].split()[0].lower()]
                day = dt.date(year, month, 1)
                typed = f"{typed} (read as {MONTH_NAMES[month - 1]} {year})"
            else:
                year = year_of(g["y"])
                if g.get("season"):
                    quarter = season_quarter(g["season"], year)
                    day = quarter.start
                    typed = f"{typed} (read as {quarter.text()})"
                elif g.get("q") or g.get("qw"):
                    q = int(g["q"]) if g.get("q") else _QUARTER_WORDS[g["qw"].lower()]
                    day = dt.date(year, 3 * q - 2, 1)
                else:
                    month = MONTH_NUMBERS[g["m"].lower().rstrip(".")] if g.get("m") else 1
                    d = int(g["d"]) if g.get("d") else part_day(g.get("part"), year, month)
                    day = dt.date(year, month, d)
        except (FuzzyDateError, ValueError, KeyError):
            raise ScenarioError(m.group(0), f"“{m.group(0).strip()}” is not a valid date") from None
        best = (day, Found(m.start(), m.end(), typed))
    return best


def find_year_end(text: str, pos: int = 0) -> tuple[dt.date, Found] | None:
    """ "the rest of 2027", "through 2027": the 1 January after that year, or None."""
    m = _YEAR_END.search(text, pos)
    if not m:
        return None
    year = int(m["y"])
    if not 1900 <= year <= 2200:
        raise ScenarioError(m.group(0), f"“{m.group(0)}” is outside the years I can model")
    return dt.date(year + 1, 1, 1), Found(m.start(), m.end(), m.group(0).strip())


def find_month(text: str, direction: int = 1, pos: int = 0) -> tuple[MonthTarget, Found] | None:
    """A month named without a year after a preposition ("to December", "until mid-March"),
    or None."""
    from commands.whatif.edits import MonthTarget

    m = next((m for m in _BARE_MONTH.finditer(text, pos) if m["lead"] or m["part"]), None)
    if not m:
        return _find_season(text, direction, pos)
    month = MONTH_NUMBERS[m["m"].lower().rstrip(".")]
    part = m["part"].split()[0].lower() if m["part"] else None
    typed = f"{m['part']}-" if m["part"] and m["part"].lower() == "mid" else m["part"] or ""
    typed += ("" if not typed or typed.endswith("-") else " ") + MONTH_NAMES[month - 1]
    start = m.start("part") if m["part"] else m.start("m")
    return MonthTarget(month, part, typed, direction), Found(start, m.end(), typed)


# A season with no year after a preposition: "to summer", "until next winter".
_BARE_SEASON = phrases(
    rf"\b{_PREP}\s+(?:the\s+)?(?P<which>(?:next|this|coming)\s+)?"
    r"(?P<season>spring|summer|autumn|fall|winter)\b(?!\s*,?\s*(?:of\s+)?\d)",
    re.I,
)


def _find_season(text: str, direction: int, pos: int) -> tuple[MonthTarget, Found] | None:
    """A season with no year, as the next quarter of its middle month (the season_quarter
    rule): "to summer" is the next Q3, from its first day."""
    from commands.whatif.edits import MonthTarget

    m = _BARE_SEASON.search(text, pos)
    if not m:
        return None
    quarter = SEASON_QUARTERS[m["season"].lower()]
    month = 3 * quarter - 2
    said = f"{m['which'] or ''}{m['season']}".strip()
    typed = f"{said} (read as Q{quarter}, from {MONTH_NAMES[month - 1]})"
    start = m.start("which") if m["which"] else m.start("season")
    return MonthTarget(month, None, typed, direction), Found(start, m.end(), typed)


def vague_error(text: str) -> ScenarioError | None:
    """A clear refusal for a time phrase too vague to place ("next summer", "later")."""
    m = _VAGUE.search(text)
    if not m:
        return None
    phrase = m["v"]
    season = next((s for s in _SEASON_MONTHS if s in phrase.lower()), None)
    sugg = tuple(
        Suggestion(f"mid-{mon}", f"mid-{mon}") for mon in _SEASON_MONTHS.get(season or "", ())
    )
    return ScenarioError(
        phrase,
        f"“{phrase}” is too vague to place on the calendar: say a month (“to July 2027”, or "
        "“to July” for the next July), a quarter (“to Q3 2027”), a date (“to 2027-07-15”) or a "
        "length (“by 6 months”)",
        sugg,
    )


HORIZON = phrases(
    rf"\b(?:over|across|horizon(?:\s+of)?|(?:looking|look)\s+ahead)\s+(?:the\s+)?"
    rf"(?:next\s+)?(?P<num>{NUMBER})\s+(?P<unit>years?|months?)\s*$",
    re.I,
)


# --- windows: a period the change lasts for -----------------------------------------------------

_PERIOD = (
    r"(?P<rel>next|this|the\s+coming|the\s+next)\s+year"
    r"|Q(?P<q>[1-4])\s*,?\s*(?:of\s+)?(?P<qy>\d{4})|(?P<iq>\d{4})-Q(?P<iqn>[1-4])"
    r"|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?P<qwy>\d{4})"
    rf"|(?P<m>{_MON})\s*,?\s*(?:of\s+)?(?P<my>\d{{4}})"
    r"|(?P<y>\d{4})(?![\d-])"
)
# The whole of a period: "all of 2027", "for the whole of Q1 2027", "throughout next year",
# "during March 2027", "for the entirety of 2027", "the entire year 2027".
_WINDOW = phrases(
    r"\b(?:(?:for|during|over|in|across)\s+)?(?:(?:all|the\s+whole|the\s+entirety|the\s+entire"
    r"|the\s+full)\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?|throughout\s+(?:all\s+of\s+)?(?:the\s+)?"
    r"|during\s+(?:the\s+)?|for\s+(?:the\s+year\s+)?(?=\d{4}\b|next\s+year)"
    # to its end, from today: "through Q1 2027", "until the end of next year"
    r"|(?P<to>through|thru|(?:until|till|to)\s+the\s+end\s+of)\s+(?:the\s+)?)"
    rf"(?:{_PERIOD})\b",
    re.I,
)


def find_window(text: str, today: dt.date, pos: int = 0) -> tuple[dt.date, dt.date, Found] | None:
    """The whole of a period a change lasts for ("all of 2027", "throughout next year", "for the
    whole of Q1 2027"): its first day (today if it has begun), the day after it, and the words
    (as "all of 2027"), or None."""
    m = _WINDOW.search(text, pos)
    if m is None:
        return None
    g = m.groupdict()
    if g["rel"]:
        year = today.year + (0 if g["rel"].lower() == "this" else 1)
        first, after, said = dt.date(year, 1, 1), dt.date(year + 1, 1, 1), str(year)
    elif g["q"] or g["iq"] or g["qw"]:
        year = int(g["qy"] or g["iq"] or g["qwy"])
        q = int(g["q"] or g["iqn"] or _QUARTER_WORDS.get((g["qw"] or "").lower(), 0))
        first = dt.date(year, 3 * q - 2, 1)
        after = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
        said = f"Q{q} {year}"
    elif g["m"]:
        year = int(g["my"])
        month = MONTH_NUMBERS[g["m"].lower().rstrip(".")]
        first = dt.date(year, month, 1)
        after = dt.date(year + (month == 12), month % 12 + 1, 1)
        said = f"{MONTH_NAMES[month - 1]} {year}"
    else:
        year = int(g["y"])
        if not 1900 <= year <= 2200:
            raise ScenarioError(m.group(0), f"“{m.group(0)}” is outside the years I can model")
        first, after, said = dt.date(year, 1, 1), dt.date(year + 1, 1, 1), str(year)
    if g["to"]:
        first, said = today, f"through {said}"
    else:
        said = f"all of {said}"
    if after <= today:
        raise ScenarioError(m.group(0).strip(), f"“{m.group(0).strip()}” is already over")
    return max(first, today), after, Found(m.start(), m.end(), said)


# The number of people a question states: "3 crew", "a crew of four", "crew cut to 3".
_NUM_PEOPLE = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_PEOPLE_SAID = phrases(
    rf"\b(?P<n>{_NUM_PEOPLE})\s+"
    r"(?:extra\s+|more\s+|additional\s+)?(?:people|persons|crew\s*members|astronauts|"
    r"cosmonauts|crew(?!s)|aboard|on\s+board)\b"
    # "a crew of 3", "with the crew down to 3", "if the crew is cut to three"
    rf"|\bcrew\s+(?:(?:is|was|were|gets?|got|goes|went|going|drops?|dropped|cut|reduced|shrinks?"
    rf"|shrank|falls?|fell|down|permanently|only|just|back)\s+)*(?:to|of|at)\s+(?P<m>{_NUM_PEOPLE})"
    r"\b(?!\s*(?:days?|weeks?|months?|years?|kg|%|percent))",
    re.I,
)


def said_people(text: str) -> int | None:
    """The number of people a question states ("3 crew", "a crew of four", "crew cut to 3")."""
    said = _PEOPLE_SAID.search(text)
    if said is None:
        return None
    n = number(said["n"] or said["m"])
    return int(n) if n is not None and n > 0 else None


# "the whole crew", "all of them", "everyone": the crew aboard, all of it.
WHOLE_CREW = phrases(
    r"\b(?:whole|entire|full)\s+crew\b|\ball\s+(?:of\s+)?(?:the\s+)?(?:crew|them|astronauts)\b"
    r"|\beveryone\b|\beverybody\b",
    re.I,
)

# People a question adds to those aboard: "an 8th person", "one more astronaut", "another
# cosmonaut", "an extra crew member", "2 additional people", "a visitor", "3 guests".
_ORDINAL = (
    r"\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth"
)
_ONE_PERSON = (
    r"(?:person|astronaut|cosmonaut|taikonaut|crew\s*-?\s*member|crewmate|crew\s*mate"
    r"|member\s+of\s+(?:the\s+)?crew)"
)
_VISITOR = r"(?:(?:space\s+)?tourist|visitor|guest)"
_ADDED_SAID = phrases(
    rf"\b(?:an?|one)\s+(?:{_ORDINAL})\s+{_ONE_PERSON}\b"
    rf"|\b(?:(?P<one>an?|one)\s+(?:more|extra|additional)|another)\s+"
    rf"(?:{_ONE_PERSON}|{_VISITOR}|visiting\s+{_ONE_PERSON})\b"
    rf"|\b(?P<n>{_NUM_PEOPLE})\s+(?:(?:more|extra|additional)\s+(?:people|persons|astronauts"
    r"|cosmonauts|taikonauts|crew\s*-?\s*members|crewmates)|(?:space\s+)?(?:tourists|visitors"
    r"|guests)|visiting\s+(?:astronauts|cosmonauts|crew\s*-?\s*members))\b"
    rf"|\ban?\s+(?:{_VISITOR}|visiting\s+{_ONE_PERSON})\b",
    re.I,
)


def said_added(text: str) -> int | None:
    """The number of people a question adds to those aboard ("an 8th person" 1, "one more
    astronaut" 1, "an extra crew member" 1, "2 additional people" 2, "a visitor" 1), not the
    crew they would join; None when it adds none."""
    said = _ADDED_SAID.search(text)
    if said is None:
        return None
    if said["n"] is None:
        return 1
    n = number(said["n"])
    return int(n) if n is not None and n > 0 else None
