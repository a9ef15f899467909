"""The parts of one question that each ask a fact of the same record, and a claim put up to check.

"ax-5 when and who's flying" asks two facts (its launch date, its crew); "crs 33 was the boost
kit one, right? when did it splash" puts up a claim and asks one fact. The question reader's
`facts` holds every fact any word suggests ("flying" also suggests a launch); a part here is a
stretch between "and", "?" or ";" and its asked fact is the one its own form fits best.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from commands.understand import vocabulary as vocab
from commands.understand.prefilter import phrases
from commands.understand.types import Ask, Fact, Question

# Where one part of a question ends and the next begins.
_BREAK = phrases(r"\?|;|\band\b|,\s*(?=(?:and|when|who|where|which|what|how)\b)", re.I)
# A tag asking agreement at the end of a claim: "…, right?", "…, rite?", "… yeah?"
_AGREE = phrases(r"[\s,]*\b(?:right|rite|rigth|ryt|true|correct|yeah|yes|innit)\W*$", re.I)


@dataclass(frozen=True)
class Parts:
    """The facts asked by separate parts, in the order asked, and a claim to check first."""

    facts: tuple[Fact, ...]
    claim: str = ""  # the claim's own words, names blanked out: "was the boost kit one"


def read_parts(
    q: Question,
    fitting: Mapping[Ask, tuple[Fact, ...]],
    defaults: Mapping[Ask, tuple[Fact, ...]],
) -> Parts:
    """Each part's asked fact (the first its form fits, else the first it names, else its
    form's default: a bare "when" is the launch date), and a leading claim tagged for checking."""
    text = q.text
    for s in q.subjects:  # names say which record, not which fact
        text = text[: s.start] + " " * (s.end - s.start) + text[s.end :]
    asked: list[Fact] = []
    claim = ""
    pieces = [p for p in _split(text) if p.strip(" ,")]
    for n, piece in enumerate(pieces):
        low = piece.lower()
        ask = next((a for a, p in vocab.ASK_PATTERNS if p.search(low)), None)
        named = [f for f, p in vocab.FACT_PATTERNS if p.search(low)]
        tagged = _AGREE.search(low)
        if ask in (None, Ask.YES_NO) and not named and tagged and n == 0 and len(pieces) > 1:
            claim = low[: tagged.start()].strip(" ,")
            continue
        if ask in (None, Ask.WHAT, Ask.DESCRIBE, Ask.YES_NO) and not named:
            continue
        own = [f for f in fitting.get(ask, ()) if f in named] if ask else []
        chosen = (own or named or list(defaults.get(ask, ())) if ask else named)[:1]
        asked += [f for f in chosen if f not in asked]
    return Parts(tuple(asked), claim)


def _split(text: str) -> list[str]:
    out, start = [], 0
    for m in _BREAK.finditer(text):
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    return out
