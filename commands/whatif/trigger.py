"""Whether a message is a what-if, and the scenario inside it ("wat if MS-34 blew up?").

Decision order:
1. A what-if lead, typos and all ("what if", "wat if", "wht if", "whatif", "suppose",
   "imagine", "assume", "hypothetically", "let's say"), or "if … then?" / "if … then what":
   always a what-if, even when the rest cannot be modelled (the what-if then says so).
2. A softer lead ("what happens if", "what would happen if", a bare "if", "say"): a what-if
   only when the rest changes the plan (a flight slips, is lost, a pad or vehicle is down, no
   cargo, the crew size, a rate); "what happens if the ISS runs out of food" is a question for
   the topics.
3. No lead at all, but a change to the plan and a question about its outcome, before or after
   it ("Falcon 9 gets grounded for 6 months, does the ISS make it", "SLC-40 down 3 months -
   is the station still supplied?", "are we ok on food if Dragon can't fly till June", "how
   much runway does an extra Dragon buy us"): a what-if.
4. No lead and no question, but a change stated with how long it lasts or the rate it goes to
   ("Cygnus stood down for half a year from today", "water recovery drops back to 94%"): a
   what-if, unless it opens as a question or a request ("was Falcon 9 grounded for 15 days?")
   or dates itself in the past ("in 2024", "ago").
"""

from __future__ import annotations

import re

from commands.understand.prefilter import phrases

_OPENER = r"^\s*(?:(?:so|and|but|ok(?:ay)?|hey|hmm+|well|also|then|now|quick\s+one)[\s,:]+)*"
_WHAT_WORDS = frozenset(
    {"what", "wat", "wht", "whta", "waht", "wut", "whaat", "hwat", "wha", "whatt", "whar", "qhat"}
)
_JOINED = phrases(r"^(?:what|wat|wht|waht|whta|wut)[\s-]?i?f+\b", re.I)
_FIRST_TWO = phrases(r"^\s*(?P<w>[a-z]{2,6})\s+(?P<if>iff?|fi)(?![a-z])", re.I)
_STRONG = phrases(
    r"^\s*(?:suppose|supposing|imagine|assume|assuming|hypothetically|scenario\s*:"
    r"|let'?s\s+say|lets\s+say|say\s+that)\b[\s,:]*",
    re.I,
)
_SOFT = phrases(
    r"^\s*(?:what\s+(?:happens|happened|would\s+happen|will\s+happen|could\s+happen)"
    r"\s+(?:if|when)|how\s+(?:bad|long)\s+(?:is\s+it\s+|would\s+it\s+be\s+)?if|and\s+if|if"
    r"|say(?:\s+that)?(?=\s+(?:the\s+|a\s+|an\s+|we\s+)?[\w-]+))\b"
    r"[\s,:]*",
    re.I,
)
# Who a question about the outcome asks after: the station, its crew, "we".
_USES = (
    r"(?:eat(?:s|ing)?|drink(?:s|ing)?|breath(?:e|es|ing)|uses?|using|consum(?:e|es|ing)"
    r"|burn(?:s|ing)?|go(?:es)?\s+through)"
)
_WHO = (
    r"(?:iss|station|crew|we|they|astronauts|everyone|everybody|people\s+(?:up\s+)?there"
    r"|(?:the\s+)?(?:crew|people|folks|astronauts)\s+(?:aboard|on\s+board|up\s+there))"
)
# Having to leave the station: "must leave", "would have to evacuate", "need to come home".
_MUST = (
    r"(?:must|has\s+to|have\s+to|had\s+to|would\s+have\s+to|will\s+have\s+to|needs?\s+to"
    r"|would\s+need\s+to|(?:would\s+|will\s+)?be\s+forced\s+to)"
)
_LEAVE = (
    r"(?:leave|evacuate|abandon(?:\s+(?:ship|the\s+(?:iss|station)))?|come\s+home|go\s+home"
    r"|bail)"
)
_STOCK = r"(?:food|water|oxygen|o2|air|supplies|supply|propellant|fuel|consumables|stuff|cargo)"
_STOCKS = rf"(?:the\s+)?{_STOCK}(?:\s*(?:,|and|&|\+|or|/)\s*(?:the\s+)?{_STOCK})*"
# A question about what gives out, in any wording: "what runs out first", "what breaks first",
# "how many days of oxygen do they have", "does oxygen hold", "would water and food be ok",
# or a bare "supplies?" / "food?" after the change.
# A question about one supply's fate: "what happens to food", "how's water looking", "how
# would oxygen fare" (`asked_supplies` leads with it).
_FATE_OF = (
    r"what\s+(?:happens|would\s+happen|will\s+happen|happened)\s+to\s+(?P<s>{0})"
    r"|how(?:'s|’s|\s+is|\s+are|\s+does|\s+do|\s+would|\s+will)\s+(?P<t>{0})\s+(?:look(?:s|ing)?"
    r"|doing|do|fare|faring|holding\s+up|hold\s+up)"
)
_ASKED = (
    _FATE_OF.format(_STOCKS).replace("?P<s>", "?:").replace("?P<t>", "?:")
    + r"|what\s+(?:would\s+|will\s+|does\s+)?(?:runs?|goes|go|breaks?|gives?|fails?|ends?|hits?)"
    r"(?:\s+(?:out|dry|short|low|empty))?\s+first"
    r"|what\s+(?:would\s+|will\s+)?(?:run|runs|go|goes)\s+(?:out|short|dry|low)"
    rf"|how\s+many\s+(?:more\s+)?(?:days|weeks|months)\s+(?:of\s+{_STOCKS}\s+)?"
    r"(?:do|does|would|will|could|did)\s+(?:the\s+)?(?:they|we|crew|station|iss|it|astronauts)"
    r"\s+(?:have|get|last|got)"
    rf"|how\s+many\s+(?:more\s+)?(?:days|weeks|months)\s+(?:of\s+{_STOCKS}\s+)?"
    r"(?:are|is|would\s+be|will\s+be)\s+(?:left|remaining)"
    rf"|how\s+long\s+(?:would|will|does|do|could|can)\s+{_STOCKS}\s+(?:last|hold\s+out|hold)"
    rf"|(?:do(?:es)?|would|will|can|could|is|are)\s+{_STOCKS}\s+(?:still\s+)?(?:hold(?:\s+out|\s+up)?"
    r"|last|be\s+(?:ok(?:ay)?|fine|enough|good|alright|a\s+problem|an\s+issue)|ok(?:ay)?|fine"
    r"|enough|good|alright|run\s+out|run\s+short|make\s+it)"
    # "does that matter (for supplies)", "is that a problem", "can they still breathe",
    # "supplies hold up?", "what's the impact"
    r"|(?:does|would|will|could)\s+(?:that|this|it)\s+(?:even\s+)?matter"
    r"|(?:is|would|will|could)\s+(?:that|this|it)\s+(?:be\s+)?(?:a\s+)?(?:problem|issue|bad|trouble)"
    rf"|(?:can|could|would|will|do|does)\s+(?:the\s+)?{_WHO}\s+(?:still\s+)?(?:breathe|eat|drink)"
    r"(?=\s*(?:ok(?:ay)?|enough|fine)?\s*[?.!]*\s*$)"
    rf"|{_STOCKS}\s+(?:still\s+)?(?:hold(?:\s+up|\s+out)?|last|ok(?:ay)?|fine|enough)(?=\s*\?)"
    r"|what'?s\s+the\s+(?:impact|effect|damage|outcome|result|verdict)"
    # when the crew has to leave: "how long before the crew must leave", "when would they have
    # to evacuate", "how much longer do supplies last"
    rf"|how\s+(?:long|many\s+(?:days|weeks|months))\s+(?:before|until|till)\s+(?:the\s+)?{_WHO}"
    rf"\s+{_MUST}\s+{_LEAVE}"
    rf"|when\s+(?:would|will|do|does|must|should|could)\s+(?:the\s+)?{_WHO}\s+(?:{_MUST}\s+)?{_LEAVE}"
    rf"|how\s+much\s+(?:longer|more\s+time)\s+(?:do|does|would|will|could|can)\s+(?:the\s+)?"
    rf"(?:{_STOCKS}|{_WHO})\s+(?:last|hold(?:\s+out)?|have|get)"
    r"|(?:any\s+)?(?:problems?|issues?|trouble|worries|impact|effect|consequences?|fallout)\s*\?+\s*$"
    # "..., we good?", ". we still ok?"
    r"|(?:we|u|they)\s+(?:still\s+)?(?:ok(?:ay)?|good|fine|alright|safe)"
    r"(?=\s*\?)"
)
# The same asked alone after the change: ". supplies?", " - food?"
_TERSE = rf"(?:^|[.,;:?!—–]|\s-+)\s*(?:and\s+|so\s+)?{_STOCKS}\s*\?+\s*$"
_THEN = phrases(r"\bthen\s*(?:what)?\s*[?.!]*\s*$|,\s*then\b", re.I)
_TRAIL = phrases(
    r"\s*(?:,?\s*then\s+what|,?\s*what\s+happens(?:\s+then)?|,?\s*what\s+then|,?\s*then"
    # a question about the result after a comma: ", are we ok?", ", how bad is it?"
    # (or a dash, a semicolon, a colon, a question mark): "... - does the station stay supplied?"
    r"|(?:[,;:?—–]|\.(?=\s)|\s-+)\s*(?:are|r|is|do|does|would|will|how|when|can|could|should|what"
    r"|what'?s|have|has|shall|any)\b[^,;?]*"
    r"|(?:[,;:.?—–]|\s-+)\s*(?:problems?|issues?|trouble|worries|impact|effect|consequences?"
    r"|fallout)\s*\?+"
    # the same question without its comma: "... for 6 months does the iss make it"
    rf"|\s+(?:does|do|would|will|can|could|is|are)\s+(?:the\s+)?{_WHO}\s+(?:still\s+)?"
    r"(?:make\s+it|survive|cope|last|hold\s+out|be\s+ok(?:ay)?|run\s+out|run\s+short|stay"
    r"|have\s+enough|get\s+enough|ok(?:ay)?|fine|safe|good|supplied)\b[^,]*"
    r"|\s+how\s+bad\s+(?:is|would)\s+(?:that|it|this)(?:\s+be)?"
    r"|(?:[,;:—–]|\s-+)?\s*(?:ok(?:ay)?|fine|alright|safe|survivable)\s*\?+"
    # the outcome after a full stop or with no comma: ". what runs out first", ". food?"
    rf"|(?:[,;:.?—–]|\s-+|\s)\s*(?:{_ASKED})\b[^,;?]*"
    rf"|{_TERSE}"
    rf"|(?:[,;:?—–]|\s-+)\s*(?:impact|effect)\s+on\s+(?:the\s+)?(?:{_WHO}|{_STOCK})\b"
    r"|\s+how\s+long\s+(?:does|do|would|will|can|could)\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:last|hold\s+out|survive))?\s*[?.!]*\s*$",
    re.I,
)
_DETAILS = phrases(
    r"(?:[\s,;:(-]+(?:with\s+|show\s+|full\s+|in\s+|all\s+(?:the\s+)?)?(?:details?|detail|full)"
    r"\)?|\s+--full|\s+-f)\s*[?.!]*\s*$",
    re.I,
)
# A question about a change's outcome, with no lead: "..., does the iss make it", "what
# happens", "is the station still supplied", "are they ok on food", "enough water?".
_OUTCOME = phrases(
    r"\b(?:what\s+(?:happens|then|would\s+happen)|then\s+what|how\s+bad|(?:are|r)\s+we\s+(?:ok|okay|fine"
    r"|good|screwed|safe)"
    rf"|(?:do(?:es)?|would|will|can|could|is|are)\s+(?:the\s+)?{_WHO}\s+(?:still\s+)?"
    r"(?:make\s+it|survive|cope|last|hold\s+out|be\s+ok(?:ay)?|run\s+out|run\s+short|stay\s+\w+"
    r"|have\s+enough|get\s+enough|ok(?:ay)?|fine|safe|alright|good|screwed|supplied|in\s+trouble)"
    rf"|how\s+long\s+(?:do(?:es)?|would|will|can|could)\s+(?:the\s+)?(?:{_WHO}|it|{_STOCK})\s+"
    r"(?:last|hold\s+out|survive|go)"
    rf"|(?:trouble|problems?|issues?)\s+(?:with|for|on)\s+{_STOCK}|enough\s+{_STOCK}|(?:ok(?:ay)?|fine|good|alright|short|low)\s+(?:on|for)\s+{_STOCK}"
    r"|(?:still\s+)?(?:supplied|stocked|resupplied)|run(?:s|ning)?\s+(?:out|short|low|dry)"
    rf"|(?:impact|effect|affect\w*|do(?:es)?\s+to|mean\s+for)\s+(?:on\s+)?(?:the\s+)?(?:{_WHO}|{_STOCK}"
    r"|margins?|stocks?|resupply|things|us)"
    # a bare "ok?" at the end: "the crew goes to 8 for a year, ok?"
    r"|(?:ok(?:ay)?|fine|alright|safe|survivable)\s*\?+\s*$"
    rf"|{_ASKED}|{_TERSE})",
    re.I,
)
# The outcome asked first and the change after it: "are we ok on food if Dragon is grounded".
_ASKED_FIRST = phrases(r"^(?P<q>.+?)\s+(?:if|in\s+case|should)\s+(?P<body>.+?)\s*[?.!]*\s*$", re.I)
# A stated change with how long it lasts ("for 6 months", "until March", "starting today") or
# the rate it goes to ("water recovery drops to 94%"): a scenario even without a question.
_LASTS = phrases(
    r"\bfor\s+(?:(?:another|a\s+further|the\s+next|the\s+rest\s+of|half)\s+)?(?:\w+[\s-]+)?"
    r"(?:\w+[\s-]+)?(?:days?|weeks?|months?|years?|quarters?)\b|\b(?:until|till|til|through"
    r"|thru)\s+\w|\bstarting\b|\bfrom\s+(?:now|today|tomorrow)\b|\bindefinitely\b|\bfor\s+good\b"
    r"|\b(?:to|at)\s+\d+(?:\.\d+)?\s*(?:%|percent|per\s*cent)"
    # a rate changed by a share: "20% more food", "a quarter more water", "use doubles"
    r"|\b(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s*cent)|an?\s+(?:quarter|third|fifth|tenth|half)"
    r"|half|twice|double|triple)\s+(?:more|less|fewer|as\s+much)\b"
    r"|\b(?:use|usage|consumption|intake|demand)\s+(?:doubles|halves|triples)\b"
    # a flight moved by a length: "CRS-35 slipped 3 months", "pushed back six weeks"
    r"|\b(?:slip\w*|slid\w*|delay\w*|postpone\w*|push\w*\s+(?:back|out)|mov\w*\s+(?:up|back))"
    r"\s+(?:by\s+)?(?:\w+[\s-]+)?(?:\w+[\s-]+)?(?:days?|weeks?|months?|years?)\b"
    # "... are 3 weeks late"
    r"|\b(?:days?|weeks?|months?)\s+late\b"
    # a change from a year on: "russia stops sending progress in 2027" (past tense: _PAST_TENSE)
    r"|\b(?:from|in)\s+(?:early\s+|late\s+|mid-?)?(?:\w+\s+)?20\d\d\b",
    re.I,
)
# A statement that opens as a question or a request, or that dates itself in the past, is a
# look-up, not a scenario ("was Falcon 9 grounded for 15 days in 2024").
_LOOKUP = phrases(
    r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|how|when"
    r"|why|which|who|whose|where|what|list|show|tell|give|find|explain|describe)\b"
    r"|\b(?:(?:until|till|til)\s+when|for\s+how\s+long|how\s+long)\b"
    r"|\b(?:ago|back\s+in|last\s+(?:year|month|week))\b",
    re.I,
)
# A year said with a change ("in 2024") dates it in the past only beside a verb in the past
# tense: "Falcon 9 was grounded for 15 days in 2024", not "russia stops sending progress in
# 2027" or "CRS-35 is delayed 3 months in 2027" (a participle after is/are/be/gets is not).
_IN_YEAR = phrases(r"\bin\s+(?:early\s+|late\s+|mid-?)?(?:\w+\s+)?(?:19|20)\d\d\b", re.I)
_PAST_TENSE = phrases(
    r"\b(?:was|were|had|did|went|flew|came|ran)\b"
    r"|(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bget\s)(?<!\bgets\s)(?<!\bbeen\s)\b(?:[a-z]{3,}ed|lost|slid|left)\b",
    re.I,
)
# A gap said first with its length ("no progress for a year?", "zero cargo till june?"): what
# it would do, never whether it is so.
_GAP_FIRST = re.compile(
    r"^\s*(?:no|zero)\s+(?:more\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:for|until|till|through)\s", re.I
)
# ... unless it says the change starts now: "the Progress was out for 6 months starting now".
_NOW = phrases(r"\b(?:now|today|tomorrow|starting|from\s+here)\b", re.I)
# A question about what happened ("how was the station supplied when Falcon 9 was grounded"):
# history, never a scenario.
_PAST_QUESTION = phrases(
    r"^\s*(?:(?:how|when|why|which|who|where|what)\s+(?:\w+\s+)?)?(?:was|were|did|had)\b", re.I
)

# "how would X affect the station", "what would X do to supplies": X is the scenario.
_EFFECT = phrases(
    r"^\s*(?:how\s+(?:badly\s+|much\s+)?(?:would|will|does|do|could|might)|what\s+(?:would|will"
    r"|does|do|could|might))\s+(?P<body>.+?)\s+(?:affect|impact|hit|change|mean\s+for|do\s+to)\s+"
    rf"(?:the\s+)?(?:{_WHO}|{_STOCK}|margins?|stocks?|resupply|things|us)\b[^,;]*?[?.!]*\s*$",
    re.I,
)
# "how much runway does X buy us": a question about X's effect on the margins; X is the scenario.
_BUYS = phrases(
    r"^\s*how\s+(?:much|many)\s+(?:more\s+|extra\s+)?(?:runway|margin|time|days|slack|buffer"
    r"|breathing\s+room|months|weeks)\s+(?:does|would|will|do|could|can)\s+(?P<body>.+?)\s+"
    r"(?:buy|give|gain|add|get)(?:\s+(?:us|the\s+(?:iss|station|crew)))?\s*[?.!]*\s*$",
    re.I,
)
# What makes a softer lead a what-if: a change to the plan.
_CHANGE = phrases(
    r"\b(?:slip\w*|slid\w*|delay\w*|postpone\w*|push(?:es|ed)?\s+(?:back|out|right|to)"
    r"|moves?\s+(?:up|back|to|forward)|moved|cancel\w*|scrub\w*|lose|loses|lost|fail(?:s|ed)?"
    r"|scrap(?:s|ped)?|axed|written\s+off|wreck(?:s|ed)?|totall?ed|smashed"
    # the crew made bigger or smaller by someone: "they raised the crew to 9"
    r"|(?:raise[sd]?|bump(?:s|ed)?(?:\s+up)?|increase[sd]?|cut|cuts|reduce[sd]?|lower(?:s|ed)?"
    r"|double[sd]?|halve[sd]?|trim(?:s|med)?|grow|grows|grew|shrink|shrinks|shrank|expand(?:s|ed)?)"
    r"\s+(?:the\s+)?crew"
    # equipment that makes oxygen or recovers water: "OGS dies", "the oxygen generator fails"
    r"|ogs|elektron|oxygen\s+(?:generat\w*|production|system)|water\s+(?:processor|recycler)"
    r"|wrs|urine\s+processor"
    r"|explode[sd]?|blow[sn]?\s+up|blew\s+up|destroy\w*|crash\w*|never\s+(?:flies|flew|launch\w*)"
    r"|(?:doesn'?t|didn'?t|does\s+not|did\s+not|hadn'?t|had\s+not)\s+(?:fly|launch|flown)"
    r"|grounded|stood\s+down|stands?\s+down|(?:is|are|stays?|goes|went|was|remains?)\s+"
    r"(?:down|out|closed|offline|broken|damaged|wrecked)|wrecked|shuts?\s+down|shutting\s+down"
    r"|clos(?:es|ed|ing)"
    # a country or operator stopping: "russia stops sending cargo", "the us stops resupply"
    r"|(?:stops?|stopped|halts?|halted|ceases?|quits?)\s+(?:sending|flying|launching|supplying"
    r"|resupplying|resupply|delivering)"
    # the flights themselves stopping: "all resupply stopped right now", "cargo flights end"
    r"|(?:resupply|cargo|deliveries|supplies|shipments|(?:cargo\s+|supply\s+)?flights?|launches)"
    r"\s+(?:(?:all|just|simply|suddenly|completely|entirely|totally|abruptly)\s+)?"
    r"(?:stops?|stopped|halts?|halted|ceases?|ceased|ends?|ended|dr(?:y|ies|ied)\s+up)"
    # the crew taken down or up: "takes the crew down from 7 to 4", "crew from seven to three"
    r"|(?:takes?|took|taking|brings?|brought|bringing)\s+(?:the\s+)?crew\s+(?:down|up|from)"
    r"|crew\s+(?:down\s+|up\s+)?from\s+\w+\s+(?:down\s+)?to\s+\w+"
    r"|(?:no|zero|not\s+(?:a\s+single|one|any))\s+(?:\w+\s+)?(?:cargo|resupply|supplies|supply"
    r"|deliveries|flights?|launch(?:es)?|ships?)"
    r"|(?:can'?t|cannot|can\s+not|won'?t|unable\s+to)\s+(?:fly|launch|go)|grounding|stand-?down"
    r"|sidelined|benched|on\s+hold|suspended|out\s+of\s+commission|outage|closure|shutdown"
    r"|off\s+the\s+table|(?:down|out|offline|closed|shut|shuts|grounded)\s+(?:for|until|till|through"
    r"|thru)"
    # with its length and no verb: "Cygnus down 5 months"
    r"|(?:down|out|offline|closed)\s+(?:\w+[\s-]+)?\w+[\s-]+(?:days?|weeks?|wks?|months?|mos?"
    r"|mths?|years?|yrs?)"
    r"|(?:nothing|nobody|no\s*one)\s+(?:\w+\s+)?(?:launch\w*|fl(?:y|ies|ew)|goes\s+up|arrives?"
    r"|gets?\s+(?:to|up|there|launched)|reach\w*|dock\w*|shows?\s+up|comes?)"
    r"|crew\s+(?:of|goes|went|drops|dropped|falls|fell|rises|rose|grows|grew|shrinks|shrank|is|was"
    r"|are|were|gets|got|has\s+been|had\s+been"
    r"|size|(?:is\s+|was\s+|gets\s+|got\s+)?(?:cut|reduced|increased|halved|doubled))|\d+\s+(?:crew|people|astronauts)"
    r"|(?:add|extra|another|additional|one\s+more)\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:flight|launch|mission|crew|person"
    r"|astronaut|cosmonaut)"
    # "an 8th person stays": one more aboard
    r"|(?:an?|the)\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|thirteenth)\s+(?:person|crew\s*member|astronaut|cosmonaut|crewmate)"
    r"|water\s+recovery|recycl\w*|propellant\s+use|oxygen\s+generat\w*"
    # the crew using more or less of a supply: "everyone eats 20% more food", "food use doubles"
    rf"|{_USES}\s+(?:\S+\s+){{0,3}}?(?:more|less|fewer|as\s+much)"
    r"|(?:food|water|oxygen|o2|air|fuel)\s+(?:use|usage|consumption|intake|demand)"
    # visitors: "a private mission brings 4 extra", "adds 2 more people"
    r"|(?:adds?|brings?|brought|carries|sends?\s+up)\s+(?:up\s+)?\d+\s+(?:more|extra|additional)"
    r"|\d+\s+(?:more|extra|additional)\s+(?:crew|people|persons|astronauts|visitors)"
    # a flight not flying before a date: "doesn't fly until 2028", "won't go before summer"
    r"|(?:\w*n'?t|not|never)\s+(?:fly|launch|go|happen|arrive)\w*\s+(?:until|till|before)"
    # a family named after "no" with a length: "no Progress for 8 months"
    r"|no\s+(?:more\s+)?[\w-]+\s+(?:for|until|till|through)\s+\w"
    r"|no\s+earlier\s+than"
    # a crew sent home early, a launcher failing, a crew size said against the usual one
    r"|(?:comes?|came|go(?:es)?|went|heads?|headed)\s+home\s+early"
    r"|(?:bails?|bailed|leaves?|left|returns?|returned)\s+early"
    r"|(?:has|had|suffers?|suffered)\s+an?\s+(?:launch\s+)?(?:failure|anomaly)"
    r"|instead\s+of\s+\d+"
    r"|(?:is|are|was|were|runs?|arrives?|comes?)\s+(?:\w+[\s-]+){0,2}late)\b",
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
    if _what_if_lead(rest) or _STRONG.match(rest) or _crew_asked(rest):
        return True
    buys = _BUYS.match(rest) or _EFFECT.match(rest)
    if buys is not None:
        return bool(_CHANGE.search(buys["body"]))
    soft = _SOFT.match(rest)
    if soft is None:  # no lead: a change and a question about what it does, or how long
        return _unled(rest)
    body = rest[soft.end() :]
    if rest[: soft.end()].strip().lower().startswith("if") and _THEN.search(body):
        return True
    return bool(_CHANGE.search(body))


def _unled(text: str) -> bool:
    """Whether a message with no lead is a what-if (rules 3 and 4 of the module)."""
    if _PAST_QUESTION.match(text):
        return False
    first = _ASKED_FIRST.match(text)
    if first is not None and _OUTCOME.search(first["q"]) and not _CHANGE.search(first["q"]):
        return bool(_CHANGE.search(first["body"]))
    if not _CHANGE.search(text):
        return False
    if _OUTCOME.search(text):
        return True
    lookup = _LOOKUP.search(text)
    if lookup is None and _PAST_TENSE.search(text):
        lookup = _IN_YEAR.search(text)
    now = _NOW.search(text)
    if lookup is not None and lookup.start() > 0 and now:
        lookup = None  # dated in the past, but said to start now
    if text.rstrip().endswith("?") and not now and not _GAP_FIRST.match(text):
        return False  # "CRS-35 delayed until March?": asks whether it is
    return bool(_LASTS.search(text)) and lookup is None


# How long supplies last for a crew of a size, asked first: "how long would food last for 10
# people", "how long does the water last with 4 aboard", "how many days of food would 7 people
# have if nothing launches for 6 months": the crew size is the change.
_CREW_ASKED = re.compile(
    rf"^(?:how\s+long\s+(?:would|will|does|do|could|can)\s+{_STOCKS}\s+(?:last|hold(?:\s+out)?)"
    r"\s+(?:for|with)\s+(?:a\s+crew\s+of\s+)?(?P<n>\w+)"
    r"|how\s+many\s+(?:more\s+)?(?:days|weeks|months)\s+(?:of\s+|worth\s+of\s+)?"
    rf"(?:{_STOCKS}\s+)?(?:would|will|do|does|could|can)\s+(?:a\s+crew\s+of\s+)?(?P<n2>\w+))"
    r"(?:\s+(?:people|persons|crew(?:\s*members)?|astronauts|aboard|on\s+board))+"
    r"(?:\s+(?:aboard|on\s+board|up\s+there))?(?:\s+(?:have|get|last))?"
    r"(?:\s*,?\s+(?:if|when|should)\s+(?P<body>.+?))?\s*[?.!]*\s*$",
    re.I,
)


def _crew_asked(text: str) -> str | None:
    """The scenario in "how long would food last for 10 people (if …)": "crew of 10 (, …)"."""
    m = _CREW_ASKED.match(text)
    if m is None:
        return None
    crew = f"crew of {m['n'] or m['n2']}"
    return f"{crew}, {m['body']}" if m["body"] else crew


def _asked_first(text: str) -> str | None:
    """The change in "are we ok on food if Dragon is grounded", or None."""
    first = _ASKED_FIRST.match(text)
    if first is None or _what_if_lead(text) or _STRONG.match(text) or _SOFT.match(text):
        return None
    if _OUTCOME.search(first["q"]) and _CHANGE.search(first["body"]):
        return first["body"] if not _CHANGE.search(first["q"]) else None
    return None


def strip_lead(text: str) -> tuple[str, bool]:
    """The scenario without its lead ("what if"), its tail ("then what?", ", are we ok?") or a
    trailing "details"; and whether the details were asked for."""
    t = text.strip()
    details = False
    buys = _BUYS.match(t) or _EFFECT.match(t)
    if buys is not None:
        t = buys["body"]
    first = _crew_asked(t[_opener_end(t) :]) or _asked_first(t[_opener_end(t) :])
    if first is not None:
        t = first
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


# How long one supply lasts, asked by name: "how many days of oxygen do they have", "how long
# does the water last", "how much food is left".
_HOW_LONG = phrases(
    rf"\bhow\s+many\s+(?:more\s+)?days?\s+(?:of\s+|worth\s+of\s+)(?P<a>{_STOCKS})"
    rf"|\bhow\s+long\s+(?:would|will|does|do|could|can)\s+(?P<b>{_STOCKS})\s+(?:last|hold)"
    rf"|\bhow\s+much\s+(?P<c>{_STOCKS})\s+(?:is|would\s+be|will\s+be|do\s+they\s+have)\s+left"
    rf"|\bhow\s+much\s+(?:longer|more\s+time)\s+(?:would|will|does|do|could|can)\s+(?P<d>{_STOCKS})"
    r"\s+(?:last|hold)"
    rf"|\b(?:{_FATE_OF.format(_STOCKS)})",
    re.I,
)
_RESOURCE_WORDS = {
    "food": "food",
    "water": "water",
    "oxygen": "oxygen",
    "o2": "oxygen",
    "air": "oxygen",
    "propellant": "propellant",
    "fuel": "propellant",
}


def asked_supplies(text: str) -> tuple[str, ...]:
    """The resources whose lasting a message asks after by name ("how many days of oxygen do
    they have": oxygen), in the order named; () when it names none or only "supplies"."""
    m = _HOW_LONG.search(text)
    if m is None:
        return ()
    said = next(g for g in (m["a"], m["b"], m["c"], m["d"], m["s"], m["t"]) if g)
    words = re.findall(r"[a-z0-9]+", said.lower())
    return tuple(dict.fromkeys(_RESOURCE_WORDS[w] for w in words if w in _RESOURCE_WORDS))
