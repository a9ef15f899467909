"""Whether a message is a what-if, and the scenario inside it ("wat if MS-34 blew up?").

Decision order:
1. A what-if lead, typos and all ("what if", "wat if", "wht if", "whatif", "suppose",
   "imagine", "assume", "hypothetically", "let's say"), or "if … then?" / "if … then what":
   always a what-if, even when the rest cannot be modelled (the what-if then says so).
2. A softer lead ("what happens if", "what would happen if", a bare "if", "say"): a what-if
   only when the rest changes the plan (a flight slips, is lost, a pad or vehicle is down, no
   cargo, the crew size, a rate); "what happens if the ISS runs out of food" is a question for
   the topics.
3. No lead at all, but a change to the plan and a question about its outcome ("Falcon 9 gets
   grounded for 6 months, does the ISS make it", "SLC-40 down 3 months, what happens", "how
   much runway does an extra Dragon buy us"): a what-if.
"""

from __future__ import annotations

import re

_OPENER = r"^\s*(?:(?:so|and|but|ok(?:ay)?|hey|hmm+|well|also|then|now|quick\s+one)[\s,:]+)*"
_WHAT_WORDS = frozenset(
    {"what", "wat", "wht", "whta", "waht", "wut", "whaat", "hwat", "wha", "whatt", "whar", "qhat"}
)
_JOINED = re.compile(r"^(?:what|wat|wht|waht|whta|wut)[\s-]?i?f+\b", re.I)
_FIRST_TWO = re.compile(r"^\s*(?P<w>[a-z]{2,6})\s+(?P<if>iff?|fi)(?![a-z])", re.I)
_STRONG = re.compile(
    r"^\s*(?:suppose|supposing|imagine|assume|assuming|hypothetically|scenario\s*:"
    r"|let'?s\s+say|lets\s+say|say\s+that)\b[\s,:]*",
    re.I,
)
_SOFT = re.compile(
    r"^\s*(?:what\s+(?:happens|happened|would\s+happen|will\s+happen|could\s+happen)"
    r"\s+(?:if|when)|how\s+(?:bad|long)\s+(?:is\s+it\s+|would\s+it\s+be\s+)?if|and\s+if|if"
    r"|say(?:\s+that)?(?=\s+(?:the\s+|a\s+|an\s+|we\s+)?[\w-]+))\b"
    r"[\s,:]*",
    re.I,
)
_THEN = re.compile(r"\bthen\s*(?:what)?\s*[?.!]*\s*$|,\s*then\b", re.I)
_TRAIL = re.compile(
    r"\s*(?:,?\s*then\s+what|,?\s*what\s+happens(?:\s+then)?|,?\s*what\s+then|,?\s*then"
    # a question about the result after a comma: ", are we ok?", ", how bad is it?"
    r"|,\s*(?:are|is|do|does|would|will|how|can|could|should|what)\b[^,]*"
    # the same question without its comma: "... for 6 months does the iss make it"
    r"|\s+(?:does|do|would|will|can|could)\s+(?:the\s+)?(?:iss|station|crew|we)\s+(?:make\s+it"
    r"|survive|cope|last|hold\s+out|be\s+ok(?:ay)?|run\s+out|run\s+short)\b[^,]*"
    r"|\s+how\s+bad\s+(?:is|would)\s+(?:that|it|this)(?:\s+be)?"
    r"|\s+how\s+long\s+(?:does|do|would|will|can|could)\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:last|hold\s+out|survive))?\s*[?.!]*\s*$",
    re.I,
)
_DETAILS = re.compile(
    r"(?:[\s,;:(-]+(?:with\s+|show\s+|full\s+|in\s+|all\s+(?:the\s+)?)?(?:details?|detail|full)"
    r"\)?|\s+--full|\s+-f)\s*[?.!]*\s*$",
    re.I,
)
# A question about a change's outcome, with no lead: "..., does the iss make it", "what happens".
_OUTCOME = re.compile(
    r"\b(?:what\s+(?:happens|then|would\s+happen)|then\s+what|how\s+bad|are\s+we\s+(?:ok|okay|fine"
    r"|good|screwed|safe)|(?:do(?:es)?|would|will|can|could)\s+(?:the\s+)?(?:iss|station|crew|we)"
    r"\s+(?:make\s+it|survive|cope|last|hold\s+out|be\s+ok(?:ay)?|run\s+out|run\s+short)"
    r"|how\s+long\s+(?:do(?:es)?|would|will|can|could)\s+(?:the\s+)?(?:iss|station|crew|we|it)\s+"
    r"(?:last|hold\s+out|survive|go))\b",
    re.I,
)
# "how much runway does X buy us": a question about X's effect on the margins; X is the scenario.
_BUYS = re.compile(
    r"^\s*how\s+(?:much|many)\s+(?:more\s+|extra\s+)?(?:runway|margin|time|days|slack|buffer"
    r"|breathing\s+room|months|weeks)\s+(?:does|would|will|do|could|can)\s+(?P<body>.+?)\s+"
    r"(?:buy|give|gain|add|get)(?:\s+(?:us|the\s+(?:iss|station|crew)))?\s*[?.!]*\s*$",
    re.I,
)
# What makes a softer lead a what-if: a change to the plan.
_CHANGE = re.compile(
    r"\b(?:slip\w*|slid\w*|delay\w*|postpone\w*|push(?:es|ed)?\s+(?:back|out|right|to)"
    r"|moves?\s+(?:up|back|to|forward)|moved|cancel\w*|scrub\w*|lose|loses|lost|fail(?:s|ed)?"
    r"|explode[sd]?|blow[sn]?\s+up|blew\s+up|destroy\w*|crash\w*|never\s+(?:flies|flew|launch\w*)"
    r"|(?:doesn'?t|didn'?t|does\s+not|did\s+not|hadn'?t|had\s+not)\s+(?:fly|launch|flown)"
    r"|grounded|stood\s+down|stands?\s+down|(?:is|are|stays?|goes|went|was|remains?)\s+"
    r"(?:down|out|closed|offline|broken|damaged|wrecked)|wrecked|shut\s+down"
    r"|no\s+(?:\w+\s+)?(?:cargo|resupply|supplies|supply|deliveries|flights|launches)"
    r"|(?:nothing|nobody|no\s*one)\s+(?:\w+\s+)?(?:launch\w*|fl(?:y|ies|ew)|goes\s+up|arrives?)"
    r"|crew\s+(?:of|goes|went|drops|dropped|falls|fell|rises|rose|grows|grew|shrinks|shrank|is|was"
    r"|size|(?:is\s+|was\s+|gets\s+|got\s+)?(?:cut|reduced|increased|halved|doubled))|\d+\s+(?:crew|people|astronauts)"
    r"|(?:add|extra|another)\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:flight|launch|mission|crew)"
    r"|water\s+recovery|recycl\w*|propellant\s+use|oxygen\s+generat\w*"
    # a crew sent home early, a launcher failing, a crew size said against the usual one
    r"|(?:comes?|came|go(?:es)?|went|heads?|headed)\s+home\s+early"
    r"|(?:bails?|bailed|leaves?|left|returns?|returned)\s+early"
    r"|(?:has|had|suffers?|suffered)\s+an?\s+(?:launch\s+)?(?:failure|anomaly)"
    r"|instead\s+of\s+\d+)\b",
    re.I,
)


def _what_if_lead(text: str) -> re.Match[str] | None:
    """The "what if" at the start of text, typos included, or None."""
    m = _JOINED.match(text)
    if m:
        return m
    m = _FIRST_TWO.match(text)
    if m is None:
        return None
    w = m["w"].lower()
    if w in _WHAT_WORDS:
        return m
    if w[0] != "w":
        return None
    from rapidfuzz import fuzz  # not imported by a start-up that needs none

    return m if fuzz.ratio(w, "what") >= 75 else None


def _opener_end(text: str) -> int:
    m = re.match(_OPENER, text, re.I)
    return m.end() if m else 0


def looks_like_whatif(text: str) -> bool:
    """Whether a (cleaned) message asks a resupply what-if; see the module's decision order."""
    rest = text[_opener_end(text) :]
    if _what_if_lead(rest) or _STRONG.match(rest):
        return True
    buys = _BUYS.match(rest)
    if buys is not None:
        return bool(_CHANGE.search(buys["body"]))
    soft = _SOFT.match(rest)
    if soft is None:  # no lead: a change and a question about what it does
        return bool(_CHANGE.search(rest) and _OUTCOME.search(rest))
    body = rest[soft.end() :]
    if rest[: soft.end()].strip().lower().startswith("if") and _THEN.search(body):
        return True
    return bool(_CHANGE.search(body))


def strip_lead(text: str) -> tuple[str, bool]:
    """The scenario without its lead ("what if"), its tail ("then what?", ", are we ok?") or a
    trailing "details"; and whether the details were asked for."""
    t = text.strip()
    details = False
    buys = _BUYS.match(t)
    if buys is not None:
        t = buys["body"]
    m = _DETAILS.search(t)
    if m and m.start() > 0:
        details = True
        t = t[: m.start()].rstrip(" ,;:(-")
    for _ in range(4):
        start = _opener_end(t)
        lead = _what_if_lead(t[start:]) or _STRONG.match(t[start:]) or _SOFT.match(t[start:])
        if lead is None:
            break
        t = t[start + lead.end() :].lstrip(" ,:")
    t = _TRAIL.sub("", t).strip()
    m = _DETAILS.search(t)
    if m and m.start() > 0:
        details = True
        t = t[: m.start()].rstrip(" ,;:(-")
    return t, details
