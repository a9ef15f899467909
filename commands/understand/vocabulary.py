"""The words of questions: which form of answer they ask for, which facts, which cargo.

Each table maps phrases (regular expressions over the lower-cased message) to a type of
commands.understand.types. Grow them from what people type; never from one question.
"""

from __future__ import annotations

import re

from commands.understand.prefilter import Phrases, phrases
from commands.understand.types import Ask, Chat, Command, Fact
from knowledge.schema import CargoClass


def _any(*patterns: str) -> Phrases:
    return phrases("|".join(f"(?:{p})" for p in patterns), re.I)


# Days named relative to today ("tomorrow", "next week", "this month", "in the next 10 days"):
# a schedule window (commands/upcoming.py `window_of` reads which days).
RELATIVE_WINDOW = (
    r"\b(?:today|tonight|tomorrow|(?:this|next)\s+(?:week|month)|the\s+rest\s+of\s+the\s+"
    r"(?:week|month)|(?:next|coming|following)\s+\d{1,3}\s+(?:days?|weeks?|months?))\b"
)
_TRAFFIC = (
    r"(?:launch(?:es|ing)?|flights?|missions?|dockings?|arrivals?|visits?|ships?|rotations?"
    r"|resuppl(?:y|ies)|going\s+up|flying|anything|something)"
)

# --- the form of answer asked for (first match wins) -----------------------------------------
# A question opened by its verb: "is ...", "did ...", "won't ...".
YES_NO_OPENER = _any(
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:is|are|was|were|did|does|do|has|have|had|can|could"
    r"|will|would|should|shall|isn'?t|wasn'?t|didn'?t|doesn'?t|hasn'?t|won'?t|can'?t)\b"
)

ASK_PATTERNS: tuple[tuple[Ask, Phrases], ...] = (
    (
        Ask.COMPARE,
        _any(
            r"\bcompare\b",
            r"\bcompared (?:to|with)\b",
            r"\bvs\.?\b",
            r"\bversus\b",
            r"\bdifference between\b",
            r"\bwhich (?:one )?(?:is|has|carries|costs|can|holds|brings|was) \w+(?:er|more|less)\b",
            r"\bwhich (?:one )?(?:is|was) (?:bigger|larger|heavier|better|cheaper|newer|older)",
            r"\bwhich (?:one )?(?:is|was|costs|carries) (?:more|less) \w+",
            r"\bwhich (?:one )?(?:can|could|will|does|do) \w+ (?:more|less|most|least)\b",
            r",\s*which\b",
            # "which pad does soyuz use, site 31 or site 1": a choice between the names after it
            r"^\W*which\b[^,?]*,\s*[^,?]+\s(?:or|vs\.?|versus)\s[^,?]+\W*$",
            r"\bor\b.*\bwhich (?:one )?(?:is|carries|costs)\b",
            r"\bwhich (?:carries|costs|holds|brings) more\b",
            # "did X or Y bring more propellant", "which stays longer, X or Y", "X or Y, which
            # was longer": two named things weighed on one measure
            r"^(?:so\s+|and\s+)?(?:did|does|do|is|was|were|will|has|have|can)\b[^?]*\bor\b[^?]*"
            r"\b(?:more|less|fewer|longer|shorter|bigger|larger|heavier|lighter|cheaper)\b",
            r"^(?:so\s+|and\s+)?(?:did|does|do|is|was|were|will|has|have|can)\b[^?]*"
            r"\b(?:more|less|fewer|longer|shorter|bigger|larger|heavier|lighter|cheaper)\b"
            r"[^?]*\bor\b",
            r"\bwhich\b[^?]*\b(?:longer|shorter|more|less|fewer|bigger|larger|heavier|cheaper)\b"
            r"[^?]*\b(?:or|vs\.?|versus)\b",
            r"\b(?:or|vs\.?|versus)\b[^?]*\bwhich\b[^?]*"
            r"\b(?:longer|shorter|more|less|fewer|bigger|larger|heavier|cheaper)\b",
        ),
    ),
    (Ask.HOW_MANY, _any(r"\bhow many\b", r"\bnumber of\b", r"\bcount\b", r"\bсколько\b")),
    (Ask.HOW_LONG, _any(r"\bhow long\b", r"\bfor how many (?:days|months)\b")),
    (
        Ask.WHY,
        _any(
            r"^\s*(?:so\s+|and\s+|but\s+)?why\b",
            r"\bwhy\b",
            r"\bhow come\b",
            r"^\s*how (?:did|does|do|is|are|was|were|will|would|can|could) (?!much|many|long)",
            r"\bwhat (?:happened|went wrong|broke|caused|is wrong|'?s wrong|is going on"
            r"|'?s going on|'?s the deal|is the deal|does .* mean|'?s up with|is up with)\b",
            r"\bexplain\b",
            r"\bwhat(?:'?s| is) (?:going on|happening|up|the deal|the story) with\b",
            r"\bwhat happens (?:when|if|after)\b",
            r"\bчто случилось\b",
            r"\bпочему\b",
        ),
    ),
    (
        Ask.LIST,
        _any(
            r"\bupcoming\b",
            r"\bnext\s+(?:\w+\s+)?(?:launch|launches|flights?|missions?|events?)\b",
            r"\bwhat'?s next\b",
            r"\blaunch schedule\b",
            r"\bcoming up\b",
            # the traffic itself, however it is named: "the next cargo run", "the next russian
            # cargo ship", "the next crew rotation", "the next private astronaut mission"
            r"\bnext\s+(?:[\w-]+\s+){0,3}(?:launch(?:es)?|flights?|missions?|rotations?|runs?"
            r"|ships?|freighters?|visits?|resupply|resupplies|arrivals?|dockings?|crews?"
            r"|cargo)\b",  # "whens the next russian cargo": its flight
            # launching or going up, with nothing named: "what's launching", "anything going up
            # in december", "what launches this month", "when's the japanese one going back up"
            # (not "what launches htv-x": which rocket)
            r"\b(?:what(?:'?s| is| are)?|anything|something)\s+(?:launch(?:ing|es)?|flying"
            r"|fl(?:y|ies)|going\s+up|heading\s+up|scheduled|planned)(?=\s*(?:$|[?!.,]|(?:to|next"
            r"|this|in|for|on|soon|up|from|during|before|after|at)\b))",
            # (not in the past: "what did he fly up on", "when did she go up" ask their flight;
            # not "which pad does it go up from": where it launches, its pad)
            r"^(?!.*\b(?:did|has|had|have)\b.*\b(?:go|fly|head)\s+(?:back\s+)?up\b)"
            r".*\b(?:going|heading|flying|go(?:es)?|heads?|fl(?:y|ies))\s+(?:back\s+)?up\b"
            r"(?!\s+from\b)",
            r"\bon\s+the\s+(?:schedule|manifest|calendar)\b",
            # traffic in days named from today: "any iss launches next week", "tomorrow, any
            # flights?", "is anything docking this week" (not "did crew-12 launch today")
            rf"\b(?:any|what|which|anything|something)\b(?:\s+[\w-]+){{0,3}}\s+{_TRAFFIC}\b"
            rf"[^?]*{RELATIVE_WINDOW}",
            rf"\b(?:launches|flights|missions|dockings|arrivals|rotations)\b[^?]*{RELATIVE_WINDOW}",
            rf"{RELATIVE_WINDOW}[^?]*\b(?:any|what|which)\b(?:\s+[\w-]+){{0,3}}\s+{_TRAFFIC}\b",
            r"\b(?:schedule|manifest)\s+(?:for|in|this|next)\b",
        ),
    ),
    (
        Ask.HOW_MUCH,
        _any(
            r"\bhow much\b",
            r"\bhow heavy\b",
            r"\bhow big\b",
            r"\bwhat(?:'s| is| does)? (?:the )?(?:cost|price|payload|capacity|mass)\b",
            r"\bwhat(?:'s|s| is| was| are| were)\b[^?]*\bworth\b",  # "what's X's contract worth"
        ),
    ),
    (
        Ask.WHEN,
        _any(r"\bwhen\b", r"\bкогда\b", r"\bwhat (?:day|date|time)\b", r"\bwhich (?:day|date)\b"),
    ),
    (
        Ask.WHERE,
        _any(
            r"\bwhere\b",
            r"\b(?:what|which) (?:pad|launch ?pad|site|launch site|spaceport|cosmodrome)\b",
        ),
    ),
    (Ask.STATUS, _any(r"\bstatus\b", r"\bhow is .* doing\b", r"\bwhere .* stand")),
    (Ask.YES_NO, YES_NO_OPENER),
    (
        Ask.WHO,
        _any(
            r"\bwho\b",
            r"\bwhos\b",
            r"\bwhom\b",
            r"\bкто\b",
            # a person asked for by kind: "which astronaut caught it", "what cosmonaut"
            r"\b(?:which|what) (?:astronaut|cosmonaut|crew ?member|person|crewmate)\b",
        ),
    ),
    (Ask.WHAT, _any(r"\bwhat\b", r"\bwhats\b", r"\bwhich\b")),
)

# "What is X", "who is X", "tell me about X": the whole record, briefly.
DESCRIBE = _any(
    r"^\s*(?:what|who)(?:'?s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|a\s+|an\s+)?"
    r"[^?]*?\??\s*$",
    r"^\s*(?:кто|что)\s+(?:такой|такая|такое|это)\b",
    r"^\s*tell me (?:about|more about)\b",
    r"^\s*(?:info|information|details|facts)\s+(?:on|about|for)\b",
)

# --- the facts asked for ------------------------------------------------------------------
# Room inside a craft is its pressurized volume, never its up-mass: "more room inside",
# "space inside", "roomier", "interior volume".
ROOM_INSIDE = (
    r"\b(?:room|space) inside\b|\binside (?:room|space)\b|\broom(?:y|ier|iest)\b"
    r"|\b(?:more|most|less|much|enough) room\b|\binterior (?:space|volume)\b"
)
# What a ship takes away when it leaves: "what did it take with it", "left with".
TAKE_AWAY = (
    r"\b(?:take|takes|took|taken|taking) (?:\w+ )?(?:with (?:it|them|her|him)|away|back|down"
    r"|home)\b|\b(?:left|leave|leaves|departed|came back|returned) with\b"
)

# Goods brought home ("returns more stuff", "returned science"): cargo, not a landing date.
RETURN_GOODS = (
    r"\breturn(?:s|ed|ing)? (?:more |less |the most |its |their )?(?:cargo|stuff|mass|science)\b"
)

FACT_PATTERNS: tuple[tuple[Fact, Phrases], ...] = (
    (
        Fact.ABOARD,
        _any(
            r"\bstill (?:docked|berthed|attached|there|up there|up|aboard|on board|in space"
            r"|in orbit|on (?:the )?(?:iss|station)|at (?:the )?(?:iss|station))\b",
            r"\b(?:currently|now) (?:docked|berthed|attached|aboard)\b",
            r"\b(?:docked|berthed|attached) (?:right )?now\b",
            r"\bhasn'?t (?:left|undocked|come back|come home|returned)\b",
            # "still parked at the station", "still hanging around up there", "still floatin
            # around up there" (chat drops the g)
            r"\bstill (?:parked|moored|hooked up|plugged in|hanging (?:around|out|on)"
            r"|float(?:ing|in'?)?(?: around| about)?|circling|flying around|around)\b",
        ),
    ),
    (
        Fact.CAPSULE,
        _any(
            r"\bcapsules?\b",
            r"\b(?:what|which) (?:dragon|cygnus|spacecraft|ship|vehicle)\b"
            r"(?! (?:flights?|missions?))",
            r"\b(?:ship|spacecraft)'?s? name\b",
        ),
    ),
    (
        Fact.MASS,
        _any(
            r"^(?!.*\b(?:cargo|payload|carr\w*|brings?|deliver\w*|supplies|propellant|water)\b)"
            r".*\b(?:how heavy (?:is|are|was)|weigh(?:s|t)?\b|launch mass|dry mass|mass of)",
        ),
    ),
    (
        Fact.CREW_SIZE,
        _any(
            r"\bhow many (?:people|crew|astronauts|cosmonauts|seats|persons)\b"
            r"(?!\s+(?:flights?|missions?|launch))",
            r"\bcrew size\b",
            # "seats on soyuz", "seats each"; a seat priced ("price per seat on crew dragon",
            # "what does a seat on soyuz cost") is the basis of a cost, not the crew size
            r"^(?!.*(?:\b(?:price|priced|pricey|costs?|costing|pay|paid|dollars?|bucks|cheap\w*"
            r"|expensive|how much)\b|\$)).*\bseats? (?:does|do|can|on|in|each|apiece)\b",
        ),
    ),
    (
        Fact.DAYS_IN_SPACE,
        _any(
            r"\bdays? in space\b",
            r"\bв космосе\b",
            # "how many days was it attached to the station" is the stay, not the flight
            r"\bhow many days\b(?!.*\b(?:at|on|to|with) the (?:station|iss)\b)",
            # (a "first time in space" is a first flight)
            r"(?<!\bfirst )\btime in (?:space|orbit)\b",
            r"\bspent in (?:space|orbit)\b",
            r"\bhow long .* in space\b",
            # "how long was he up there" (not "how long did it take to get up there")
            r"\bhow long (?:was|were|is|will|did)\b(?!.*\b(?:take|took|get|got|reach\w*)\b)"
            r".*\bup there\b",
            r"\bhow long (?:did|was|were|is|will) .*\b(?:mission|flight|expedition)\b",
            r"\bhow long did .* last\b",
            r"\b(?:mission|flight) (?:length|duration)\b",
            r"\bduration\b",
            r"\b(?:longer|shorter|longest|shortest)\b",
        ),
    ),
    (
        Fact.COST,
        _any(
            r"\bcosts?\b",
            r"\bcosting\b",
            r"\bworth\b",  # "what's the contract worth"
            r"\bbudget\w*",
            r"\bfunding\b",
            r"\bhow much money\b",
            r"\bprice[sd]?\b",
            r"\bpricey\b",
            r"\bexpensive\b",
            r"\bcheap(?:er|est)?\b",
            r"\$",
            r"\bhow much .* pay\b",
            r"\bhow much(?:'s| is| was| are| were| would be) (?:a|one|each|the) seats?\b",
            r"\bdollars?\b",
            r"\bbucks\b",
            r"\bстоит\b",
            r"\bстоимость\w*",
            r"\bцен[аы]\b",
        ),
    ),
    (
        Fact.BUILDER,
        _any(
            r"\bbuil(?:d|ds|t|der|ding)\b",
            r"\bmakes?\b(?! it\b)",
            r"\bmade\b",
            r"\bmanufactur\w*",
            r"\bmaker\b",
            r"\bconstruct\w*",
        ),
    ),
    (
        Fact.OPERATOR,
        _any(
            r"\boperat\w*",
            r"\bruns?\b",
            r"\brun by\b",
            r"\bowns?\b",
            r"\bin charge of\b",
            r"\bwhose\b",
        ),
    ),
    (
        Fact.REFUELS,
        _any(
            r"\brefuel\w*",
            r"\bpropellant (?:to|for) the russian\b",
            r"\bfuel (?:to|for) the russian\b",
        ),
    ),
    (
        Fact.DECAY,
        _any(
            r"\b(?:fall|falls|falling|fell|come|comes|coming) (?:down|back down|out of)\b",
            r"\bre-?ent(?:er|ers|ering|ry)\b",
            r"\b(?:orbit(?:al)?|orbit's) decay\w*|\bdecay\w*",
            r"\b(?:lose|loses|losing|lost) (?:\w+ )?(?:altitude|height)\b",
            r"\b(?:altitude|height)\b.*\b(?:lose|loses|losing|lost|drop|drops)\b",
            r"\b(?:sink|sinks|sinking|drop|drops|dropping)\b(?=.*\b(?:orbit|altitude)\b)",
            r"\b(?:without|with no|no more) (?:any )?re-?boosts?\b",
            r"\bif (?:nobody|no one|nothing) (?:re-?)?boosts?\b",
        ),
    ),
    (
        Fact.REBOOSTS,
        _any(
            r"\bre-?boost\w*",
            r"\bboost(?:s|ed|ing)? the (?:station|iss|orbit)\b",
            r"\braise the (?:station|iss|orbit)\b",
        ),
    ),
    (Fact.REUSABLE, _any(r"\breusabl\w*", r"\bre-?used?\b", r"\breflown\b", r"\bre-?fly\b")),
    (
        Fact.FIRST_FLIGHT,
        _any(
            r"\bfirst(?:[- ]ever)? (?:flight|flew|fly|flies|launch|launched|mission|flown|went up"
            r"|used|use)\b",
            r"\bever (?:first )?(?:flight|launch)\b.*\bfirst\b",
            # a pad's start: "when did site 31 open", "when was the pad inaugurated"
            r"\b(?:opened|inaugurat\w*|commissioned|first put (?:in|into) (?:use|service))\b",
            r"\bwhen did\b.*\bopen\b",
            r"\bfirst flown\b",
            r"\bfirst (?:space ?flight|trip (?:to|into) (?:space|orbit))\b",
            # "is it her first time in space", "his first time up there", "first go in orbit"
            r"\bfirst (?:time|go|ride|trip)\b(?:\s+(?:going|flying|being))?\s+"
            r"(?:(?:in|to|into|up)\s+(?:space|orbit)|up(?:\s+there)?)\b",
            # "had he flown before", "has she ever been to space": whether it is a first flight
            r"\b(?:flown|flew|been (?:to|in) (?:space|orbit)|been up|been on)\b"
            r".*\b(?:before|previously)\b",
            r"\b(?:before|previously) (?:flown|flew)\b",  # "раньше летал": before flew
            r"\bever (?:flown|flew|been (?:to|in) (?:space|orbit))\b",
            r"\b(?:rookie|veteran|newbie)\b",
            # "what did he do before that", "what was she doing before this mission": a
            # person's earlier flights
            r"\b(?:do|did|done|doing|up to)\b.*\b(?:before|previously)\b",
            # "what was his previous flight": the flight before, which a first one lacks
            r"\b(?:previous|prior|earlier|other) (?:space ?flights?|flights?|missions?|trips?)\b",
            r"\bmaiden\b",
            r"\bdebut\w*",
        ),
    ),
    (
        Fact.TRANSIT,  # before STAY: "how long ... there" is the trip, not the stay
        _any(
            r"\bhow long\b.*\b(?:take|took|takes|taking)\b.*\b(?:get|got|getting|reach\w*"
            r"|arriv\w*|dock\w*|berth\w*|there|up)\b",
            r"\bhow (?:long|fast|quickly)\b.*\b(?:to (?:get|reach|dock|arrive)|reach(?:ed)?"
            r" (?:the )?(?:station|iss)|get(?:ting)? (?:there|to the (?:station|iss)))\b",
            r"\b(?:transit|travel|trip|journey|flight) time\b",
            r"\btime to (?:dock|reach|get to|arrive)\b",
            # "which gets there faster, X or Y", "which was quicker to reach the iss"
            r"\b(?:faster|quicker|slower|fastest|quickest|slowest|sooner)\b.*\b(?:get|gets|got|getting|reach\w*"
            r"|arriv\w*|dock\w*|there|station|iss)\b",
            r"\b(?:gets?|got|getting|reach\w*|arriv\w*|dock\w*|there)\b.*\b(?:faster|quicker"
            r"|slower|fastest|quickest|slowest)\b",
            r"\bhow long\b.*\b(?:trip|journey|ride|transit)\b",
            # "how long until it docked", "how long before it got there"
            r"\bhow long(?: \w+){0,3}? (?:until|before)\b.*\b(?:dock\w*|berth\w*|arriv\w*|reach\w*"
            r"|got there|get there|captur\w*)",
        ),
    ),
    (
        Fact.STAY,
        _any(
            r"\bhow long .*\b(?:stay|stays|staying|docked|berthed|attached|there|up)\b",
            r"\bhow many (?:days|weeks|months)\b",
            r"\bstay(?:s|ed|ing)?\b(?! (?:on|until))",
            r"\bhow long .* at the (?:station|iss)",
        ),
    ),
    (
        Fact.UNDOCKING,
        _any(
            r"\bun-?dock\w*",
            r"\bun-?berth\w*",
            r"\bdepart\w*",
            r"\bleave the (?:station|iss)\b",
            r"\bleft the (?:station|iss)\b",
            r"\bwhen did (?:it|they|\S+) leave\b",
            r"\bwhen (?:did|does|do|will|is|are|was|were)\b.*\bleav(?:e|es|ing)\b"
            r"(?!\s+(?:for|earth|the (?:pad|ground|planet)))",
            r"\bleft\s*\?*\s*$",
            r"\breleased?\b",
            # "has ng-24 left yet", "gone yet", "is it off the station": whether it departed
            r"\b(?:left|gone|unberthed|undocked|departed|off the (?:station|iss))"
            r"(?: (?:the )?(?:station|iss))? (?:yet|already)\b",
            r"\bstill (?:parked|moored)\b",
            # "is ng-23 leaving soon", "leaving yet?", "about to leave": whether it departs
            r"\bleav(?:e|es|ing)\b(?=\s*(?:soon\w*|yet|already|now|today|tomorrow|this|next|any"
            r"|in (?:a|\d|january|february|march|april|may|june|july|august|september|october"
            r"|november|december)|\W*$))",
            r"\b(?:about|set|due|going|scheduled|planned|expected|ready|gonna) to leave\b",
        ),
    ),
    (
        Fact.LANDING,
        _any(
            r"\bland(?:s|ed|ing)?\b",
            r"\bsplash\w*",
            r"\bcom(?:e|es|ing) (?:home|back)\b",
            r"\bcame (?:home|back)\b",
            r"\b(?:go(?:es|ing)?|went|get(?:s|ting)?|got|head(?:s|ed|ing)?) (?:home|back)\b",
            r"\breturn\w*",
            r"\bre-?entry\b",
            r"\bre-?ent(?:er|ers|ered|ering)\b",
            r"\bburn(?:s|ed|t|ing)? up\b",
            r"\bget back\b",
            r"\bdue (?:back|home|down)\b",  # "when's it due back": its return, not its launch
            r"\b(?:get|gets|got|getting|be|been|are|is|was|were) (?:back )?home\b",
            r"\bback (?:on|to) (?:earth|the ground)\b",
            r"\bback (?:home|down)\b",
            r"\b(?:home|back|down) yet\b",
            r"\b(?:home|back)\s*\?+\W*$",  # "crew-12 back?": home again, asked in chat
        ),
    ),
    (
        Fact.DOCKING,
        _any(
            r"\bdock(?:s|ed|ing)?\b",
            r"\bberth(?:s|ed|ing)?\b",
            r"\barriv\w*",
            r"\bcaptur\w*",
            r"\bgrab\w*",
            r"\bgrappl\w*",
            # the arm's catch, in any tense: "who caught NG-24", "catching Cygnus"
            r"\bcaught\b",
            r"\bcatch(?:es|ing)?\b",
            r"\bsnag(?:s|ged|ging)?\b",
            r"\brobot(?:ic)? arm\b",
            r"\bcanadarm\w*",
            # where it docked: "which module did it dock to", "what port is it on"
            r"\b(?:which|what) (?:\w+ )?(?:docking )?(?:port|module|node|hatch)\b",
            r"\breach(?:es|ed)? the (?:station|iss)\b",
            r"\bget to the (?:station|iss)\b",
            # "when did it get there", "when will they make it up there": there is the station
            r"\bwhen\b.*\b(?:get|gets|got|getting|make it|made it) (?:up )?there\b",
        ),
    ),
    (
        Fact.LAUNCHER,
        _any(
            r"\brocket\b",
            r"\blauncher\b",
            r"\blaunch vehicle\b",
            r"\b(?:on|with) what\b",
            r"\bwhat .* launch(?:es|ed)? (?:it|on)\b",
        ),
    ),
    (
        Fact.PAD,
        _any(
            r"\b(?:what|which)(?: launch)? ?(?:pad|site|launch ?pad|launch site|spaceport"
            r"|cosmodrome)\b",
            r"\b(?:pad|launch ?pad|launch site)\s*\??\s*$",
            r"\bfrom where\b",
            r"\bwhere .* (?:launch|fly|flies|flew|go)\w* from\b",
            r"\bwhere .* from\b",
        ),
    ),
    (
        Fact.CREW,
        _any(
            r"\bcrew\b",
            r"\bcrewed\b",
            r"\bastronauts?\b",
            r"\bcosmonauts?\b",
            r"\bwho (?:flew|flies|fly|is flying|was flying|went|goes|is going|rode|rides)\b",
            r"\bwho(?:'?s| is| was| are| were) (?:on|aboard|flying|in)\b",
            r"\bwho launched\b",
            r"\bon board\b",
            r"\baboard\b",
            r"\bcommand\w*",
            r"\bpeople\b",
            r"\bppl\b",
            r"\bчеловек\w*",
            r"\bэкипаж\w*",
            r"\bкосмонавт\w*",
            r"\bастронавт\w*",
            r"\bwho(?:'s| is)? going\b",
            r"\bpilot\w*",
        ),
    ),
    (
        Fact.AGENCY,
        _any(
            r"\bagency\b",
            r"\b(?:work|works|fly|flies|flew) for\b",
            r"\bnationality\b",
            r"\bwhat country\b",
            r"\bwhich country\b",
        ),
    ),
    (
        Fact.MISSIONS,
        _any(
            r"\bmissions?\b.*\b(?:flown|flew|fly|flies|been on)\b",
            r"\bwhich (?:missions|flights)\b",
            r"\b(?:missions|flights)\s*\??\s*$",
            r"\bwhat (?:missions|flights)\b",
        ),
    ),
    (
        Fact.CAPACITY,
        _any(
            r"\bcapacit\w*",
            r"\bcarry\b",
            r"\bcarries\b",
            r"\bpayload\b",
            r"\bhaul\w*",
            r"\bup-?mass\b",
            r"\bdown-?mass\b",
            r"\bvolume\b",
            ROOM_INSIDE,
            r"\bhold\b",
            r"\bholds\b",
            r"\blift\b(?!\s*-?\s*off)",  # "lift off" is a launch
            r"\bhow big\b",
            # "how much can X take up / send up / ferry to the station": what it can carry
            r"\bhow much\b.*\b(?:take|send|ship|ferry|fly|get|move)\s+"
            r"(?:up\b|to\b|in(?:to)? orbit)",
            r"\bhow much\b.*\bferr(?:y|ies)\b",
            r"\bhow much (?:can|could)\b[^?]*\b(?:take|fit)\W*$",  # "how much can an XL take?"
        ),
    ),
    (
        Fact.CARGO,
        _any(
            TAKE_AWAY,
            RETURN_GOODS,
            r"\bcarried\b",
            r"\bcarrying\b",
            r"\bhow (?:many|much) (?:lbs?|pounds|kgs?|kilos?|kilograms|tons?|tonnes)\b",
            r"\bcargo\b",
            r"\bbr(?:ing|ings|ought)\b",
            r"\bdeliver\w*",
            r"\bload\w*",
            r"\bmass\b",
            r"\bweigh\w*",
            r"\bheavy\b",
            r"\bpayload\b",
            r"\bsupplies\b",
            r"\bon board\b",
            r"\bпривез\w*",
            r"\bдостав\w*",
            r"\bгруз\w*",
        ),
    ),
    (
        Fact.LAUNCH,
        _any(
            r"\blaunch\w*",
            r"\blift(?:s|ed)? ?off\b",
            r"\bliftoff\b",
            r"\bзапуск\w*",
            r"\bзапуст\w*",
            r"\bстарт\w*",
            r"\bлет(?:ит|ят|ел|ела|ели|ал|ала|али)\b",
            r"\bполет\w*",
            r"\byet\b",
            r"\bup there\b",
            r"\bflew\b",
            r"\bfl(?:y|ies|ying)\b",
            r"\bgo(?:es|ing)? up\b",
            r"\bwent up\b",
            r"\btake ?off\b",
            r"\bscheduled?\b",
            r"\bdate\b",
            r"\bwhen\b",
            r"\bstill on\b",
            r"\bhappen\w*",
        ),
    ),
    (
        Fact.STATUS,
        _any(
            r"\bstatus\b",
            r"\bstate\b",
            r"\bcondition\b",
            r"\bfixed\b",
            r"\brepair\w*",
            r"\bпочин\w*",
            r"\bремонт\w*",
            r"\bdamaged?\b",
            r"\bactive\b",
            r"\bretired?\b",
            r"\bgrounded\b",
            r"\bback in (?:action|service)\b",
            r"\bworking\b",
            r"\bcancel\w*",
            r"\bdoing\b",
            r"\bremoved\b",
            r"\b(?:still|now|currently) (?:in space|in orbit|aboard|on the (?:iss|station))\b",
            r"\bin space\b",
            # slang for a ship or programme in trouble: "is starliner cooked", "x still bricked"
            r"\b(?:cooked|bricked|borked|toast|fubar|doomed|screwed)\b",
            # "is starliner dead", "is x scrapped / axed / over": whether it still goes on
            r"\b(?:dead|alive|scrapped|axed|killed|kaput|defunct|abandoned|shelved|finished)\b",
            r"\b(?:still|even) (?:a thing|happening|around|going|on)\b",
            r"\b(?:done for|shut down|over for|over now|is over|are over)\b",
        ),
    ),
)

# The arm's capture of a ship: "who caught it" asks who worked the arm, not who flew aboard.
CAPTURE = _any(
    r"\bcaptur\w*",
    r"\bcaught\b",
    r"\bcatch\w*",
    r"\bgrab\w*",
    r"\bgrappl\w*",
    r"\bsnag\w*",
    r"\brobot(?:ic)? arm\b",
    r"\bcanadarm\w*",
)

# A docking question that asks where, not when: "which module did it dock to", "what port".
DOCKING_PLACE = _any(
    r"\bwhere\b",
    r"\b(?:which|what) (?:\w+ )?(?:docking )?(?:port|module|node|hatch|side|end)\b",
    r"\b(?:port|module|node)\b",
)

# Which cargo class a question is about ("how much propellant does Progress carry").
CARGO_PATTERNS: tuple[tuple[CargoClass, Phrases], ...] = (
    (
        "down-mass",
        _any(
            r"\bdown-?mass\b",
            r"\bbring back\b",
            # "brings more stuff back", not "bring the crew back"
            r"\b(?:brings?|brought|bringing) "
            r"(?:(?!crew|astronaut|people|them\b|him\b|her\b)\w+ ){0,3}(?:back|home)\b",
            r"\bback down\b",
            RETURN_GOODS,
            r"\breturn(?:s|ed)? (?:cargo|to earth)\b",
            r"\bback to earth\b",
            TAKE_AWAY,
        ),
    ),
    ("propellant", _any(r"\bpropellant\b", r"\bfuel\b", r"\bprop\b", r"\bтоплив\w*")),
    ("water", _any(r"\bwater\b")),
    ("gas", _any(r"\bgas(?:es)?\b", r"\boxygen\b", r"\bnitrogen\b", r"\bair\b")),
    ("unpressurized", _any(r"\bunpressuri[sz]ed\b", r"\btrunk\b", r"\bexternal\b")),
    ("pressurized-volume", _any(r"\bvolume\b", r"\bm3\b", r"\bcubic\b", ROOM_INSIDE)),
    ("pressurized", _any(r"\bpressuri[sz]ed\b")),
    ("disposal", _any(r"\btrash\b", r"\bgarbage\b", r"\bwaste\b", r"\bdisposal\b")),
    ("payload-leo", _any(r"\bto (?:low earth )?orbit\b", r"\bto leo\b", r"\bleo\b")),
)


def _words(text: str) -> list[str]:
    from knowledge.text import words

    return words(text)


# "the next cargo dragon after crs-35", "which progress flies after ms-33": the flight that
# follows a named one (router `_after_flight`: the flight named after the word).
NEXT_AFTER = _any(
    r"\b(?:next|following|one|flight|launch|mission|ship)\b[^?]*\bafter\b",
    r"\b(?:comes?|goes|going|flies|fly|launch(?:es)?)\s+(?:up\s+)?after\b",
    r"\bnext\b[^?]*\bfollowing\b",
    # "after crew-13, what's the next crew launch", "once ng-24 is up, what's next"
    r"\b(?:after|following|once)\b[^?]*\bnext\b",
)
AFTER = phrases(r"\b(?:after|following|once)\b", re.I)
# "what happened to htv-x1 after it left the station", "what did it do after undocking":
# the flight's recorded events from its departure to its end (facts.py `_m_event`).
AFTER_LEAVING = _any(
    r"\b(?:happen\w*|do|did|does|go|went|become|became)\b[^?]*\b(?:after|since|once)\b[^?]*"
    r"\b(?:left|leav\w*|un-?dock\w*|un-?berth\w*|depart\w*|releas\w*)",
)

# --- what a schedule question narrows to (commands/upcoming.py `want_of`) -------------------
# A window: "this month", "next month", "in december", "january 2027", "in the next 60 days".
WINDOW_THIS_MONTH = _any(r"\bthis\s+month\b", r"\bthe\s+rest\s+of\s+the\s+month\b")
WINDOW_NEXT_MONTH = _any(r"\bnext\s+month\b")
WINDOW_TODAY = _any(r"\btoday\b", r"\btonight\b")
WINDOW_TOMORROW = _any(r"\btomorrow\b")
WINDOW_THIS_WEEK = _any(r"\bthis\s+week\b", r"\bthe\s+rest\s+of\s+the\s+week\b")
WINDOW_NEXT_WEEK = _any(r"\bnext\s+week\b")
WINDOW_MONTH = phrases(
    r"\b(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|sept?|oct|nov|dec)\b(?:\s+(?P<year>20\d\d))?",
    re.I,
)
WINDOW_SPAN = phrases(
    r"\b(?:next|coming|following)\s+(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?|months?)\b", re.I
)
# A day of a month typed in a question ("April 8", "8 April", "Oct 13th", "the 8th of april"):
# a date, never a name (the year after it is left to YEAR).
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
DAY_OF_MONTH = phrases(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)",
    re.I,
)
# A value typed in a question: an amount of money, a number with its unit (an angle, a mass,
# a length, a share, a length of time), a decimal number ("51,6") or a date written in
# figures. A value is what is asked about or checked, never a name: "was the CRS-2 contract
# $6.31B" asks about the contract; "97 degrees" names no orbit called "97". (A day of a month
# is DAY_OF_MONTH; a year is left to YEAR; Russian month names and units are written in
# English first, by RUSSIAN_WORDS / RUSSIAN_STEMS.)
_NUMBER = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:thousand|million|billion|trillion|k|m|mn|mln|b|bn|tn)"
VALUE = phrases(
    "|".join(
        (
            # money: "$6.31B", "€ 2 million", "4.2 billion", "608.9 billion roubles", "$72k/kg"
            rf"[$€£₽]\s?{_NUMBER}(?:\s?{_SCALE}\b)?",
            rf"\b{_NUMBER}\s?{_SCALE}?\s?(?:dollars?|usd|euros?|eur|roubles?|rubles?|rub)\b",
            rf"\b{_NUMBER}\s?(?:thousand|million|billion|trillion|bn|mln)\b",
            # a number with its unit: "97 degrees", "51.6°", "12 lb", "5.4 kg", "98%"
            rf"\b{_NUMBER}\s?(?:°|%)",
            rf"\b{_NUMBER}[\s-]?(?:degrees?|deg|percent|per\s?cent|lbs?|pounds?|kgs?|kilos?"
            r"|kilograms?|grams?|g|tons?|tonnes?|t|km|kilomet(?:er|re)s?|miles?|mi|meters?"
            r"|metres?|m|m3|cubic|liters?|litres?|l|gallons?|gal|mph|km/h|km/s|m/s|kw|watts?)\b",
            # a length of time: "7 h 55 min", "6.5-hour", "90 seconds"
            rf"\b{_NUMBER}[\s-]?(?:h|hrs?|hours?|min|mins|minutes?|s|secs?|seconds?)\b",
            # a decimal number: "51,6", "6.31" (not a name's "2.1a")
            r"\b\d+[.,]\d+(?![\w%°])",
            # a date in figures: "27.11.2025", "27/11" (its year is left to YEAR)
            r"\b\d{1,2}[./]\d{1,2}(?=[./]20\d\d\b)",
        )
    ),
    re.I,
)
# How late a flight went against its first plan (commands/delay.py): "how late was it",
# "how much later than planned", "vs the original plan", "how long was it delayed".
LATE_BY = _any(
    r"\bhow\s+(?:late|much\s+later|far\s+behind)\b",
    r"\bhow\s+long\s+(?:was|were|is|has)\s+(?:it|that|they|\S+)\s+(?:been\s+)?"
    r"(?:delay\w*|late|postponed|pushed\s+back|held\s+up)\b",
    r"\bhow\s+(?:big|long|much)\s+(?:of\s+)?(?:a|the|was\s+the)\s+(?:delay|slip)\b",
    r"\b(?:vs\.?|versus|compared\s+(?:to|with)|against|than)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:original|first|initial|earliest)\s+(?:plan|date|schedule|target)\b",
)
# Flown after the event asked before (commands/since.py): "has it flown since", "any
# launches since then", "did they launch one since".
SINCE_FLOWN = _any(
    r"\b(?:flown|flew|fly|flying|launched|launch(?:es)?|flights?)\b(?:\s+\w+){0,3}?\s+since\b",
)
# Who relieves a crew (commands/relief.py): "who's flying up to replace them", "their
# replacements", "who relieves them", "the next crew after them".
RELIEF = _any(
    r"\breplac\w*\s+(?:them|the\s+crew|their\s+crew|him|her|those)\b",
    r"\b(?:their|the)\s+(?:replacements?|relief(?:\s+crew)?)\b",
    r"\brelie(?:ve|ves|ving)\s+(?:them|the\s+crew|their\s+crew)\b",
    r"\bthe\s+next\s+crew\s+(?:after\s+(?:them|it|that)|to\s+replace)\b",
)
# A flight moved later: "why did NG-24 slip", "why was it pushed back".
DELAYED = _any(
    r"\bslip\w*",
    r"\bdelay\w*",
    r"\bpostpon\w*",
    r"\bpushed\b",
    r"\bmoved (?:back|later|to)\b",
    r"\bscrub\w*",
    r"\bslid\b",
)
# Private astronaut missions, and crew rotations (which are not them).
PRIVATE = _any(
    r"\bprivate\b", r"\btourists?\b", r"\bspace\s+tourism\b", r"\bcommercial\s+astronauts?\b"
)
ROTATION = _any(r"\brotations?\b", r"\bcrew\s+swap\b", r"\bexpedition\b", r"\brelief\s+crew\b")
# Words a schedule question uses that name no subject (dropped before "is it a record?").
SCHEDULE_WORDS = frozenset(
    _words(
        "january february march april may june july august september october november december "
        "month months week weeks weekend day days today tonight tomorrow rest year schedule "
        "scheduled manifest calendar planned "
        "launching launch launches going heading flying up back next coming upcoming anything "
        "something run runs ship ships rotation rotations freighter visit visits arrival "
        "arrivals docking dockings private "
        "tourist tourism commercial astronaut astronauts crew cargo resupply one station iss "
        "russian russia american japanese japan european nasa jaxa esa roscosmos us"
    )
)

# --- which one ("the russian one", "the cargo version") ------------------------------------
HINTS: tuple[tuple[str, Phrases], ...] = (
    ("russia", _any(r"\brussians?\b", r"\brussia'?s\b", r"\broscosmos'?\b")),
    ("us", _any(r"\bamericans?\b", r"\bus\b(?! (?:segment))", r"\busa\b", r"\bnasa'?s?\b")),
    ("japan", _any(r"\bjapanese\b", r"\bjapan'?s?\b", r"\bjaxa'?s?\b")),
    ("canada", _any(r"\bcanadians?\b", r"\bcanada'?s?\b", r"\bcsa'?s?\b")),
    ("france", _any(r"\bfrench\b", r"\bfrance'?s?\b", r"\bcnes\b")),
    ("europe", _any(r"\beuropeans?\b", r"\besa'?s?\b")),
    (
        "cargo",
        _any(r"\bcargo\b", r"\bresupply\b", r"\bsupply\b", r"\buncrewed\b", r"\bfreighter\b"),
    ),
    ("crew", _any(r"\bcrew(?:ed)?\b", r"\bcrewed\b", r"\bpassenger\b", r"\bpeople\b")),
    ("other", _any(r"\bthe other\b", r"\banother one\b")),
)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "russia": ("Russia",),
    "us": ("United States", "USA", "US"),
    "japan": ("Japan",),
    "canada": ("Canada",),
    "france": ("France",),
    "europe": ("Europe", "France", "Germany", "Italy"),
}
# A crew member's nationality (the adjective the base records) -> the country COUNTRIES names;
# every nationality in the base must be here (a test checks), so "which one is canadian" finds
# them. An adjective alone never names an agency ("canadian": not the Canadian Space Agency).
NATIONALITIES: dict[str, str] = {
    "American": "US",
    "Russian": "Russia",
    "Japanese": "Japan",
    "Canadian": "Canada",
    "French": "France",
    "German": "Germany",
    "Italian": "Italy",
}
_NATIONAL = "|".join([*(n.lower() for n in NATIONALITIES), "european"])  # "the french one"

# Numbers written as words, and places in line ("her second spaceflight", "a ninth astronaut").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
}  # fmt: skip

# --- follow-ups -----------------------------------------------------------------------------
# A message that leans on the last exchange: a pronoun for its subject, or an elliptical
# "and ...?" / "what about ...".
# "this" of a time ("this week", "this month") points at no earlier subject
_THIS = r"this(?!\s+(?:week|weekend|month|year|morning|afternoon|evening|time)\b)"
PRONOUNS = _any(
    rf"\b(?:it|its|it'?s|that|{_THIS}|they|them|their|those|these(?! days)|he|him|his|she|her"
    r"|hers)\b",
    r"\bthe same\b",
    rf"\bthe (?:other|{_NATIONAL}|cargo|crew|crewed|first|second|last|next)"
    r" (?:one|ones|version|kind|type)\b",
    r"\bthe other one\b",
)
PERSON_PRONOUNS = _any(r"\b(?:he|him|his|she|her|hers)\b")
# One of the last answer's records picked by a country or by being the other: "the russian
# one", "which one is american", "which of them", "who is the american on it": a follow-up
# whatever topic its words fit.
_PICKED_NOUN = r"(?:one|ones|guy|lady|woman|man|astronauts?|cosmonauts?|crew ?members?)"
PICKED_ONE = _any(
    rf"\bthe (?:other|{_NATIONAL}) {_PICKED_NOUN}\b",
    r"\bwhich (?:one|of them|of those)\b",
    # "who is the american on it", "and the russian aboard?": the one of that country on it
    rf"\bthe (?:{_NATIONAL})s?(?: {_PICKED_NOUN})? (?:on|aboard|in) (?:it|them|that|this|there)\b",
    rf"\bthe (?:{_NATIONAL})s? (?:aboard|on board|onboard)\b",
    rf"^\W*(?:and\s+|so\s+)?who(?:'s|\s+is|\s+was|\s+were)\s+the\s+(?:{_NATIONAL})s?\W*$",
)
PLAIN_PRONOUNS = _any(
    rf"\b(?:it|its|it'?s|that|{_THIS}|they|them|their|those|these|he|him|his|she|her|hers)\b"
)
BARE_ASK = _any(r"^\s*(?:and\s+)?(?:why|how|when|who|where|how much|how many|how long)\W*$")
ELLIPSIS = _any(
    r"^\s*(?:and|so|ok(?:ay)?|but|also|then|what about|how about|and what about|same for)\b",
    BARE_ASK.pattern,
)
# A fragment that continues the last answer rather than asking anew: "enough for how many
# people?", "per person?", "and in pounds?" (no question word or verb of its own leads it).
FRAGMENT = phrases(
    r"^\s*(?:(?:and|so|but|ok|okay)\s+)?(?!(?:what|whats|what's|which|who|whos|who's|whom"
    r"|when|whens|where|why|how|is|are|was|were|did|does|do|has|have|had|can|could|will|would"
    r"|should|tell|show|list|give|compare|explain|any|anything)\b)[^\W\d_]",
    re.I,
)
# A fragment giving only whom and how long, after an amount was asked ("ok so for the whole
# crew for a month?", "and if they stay 2 weeks longer"): its fillers, then the span it asks.
SPAN_FRAGMENT = phrases(
    r"^\s*(?:(?:ok(?:ay)?|so|and|but|then|well|right|now)\W+)*(?P<rest>(?:for|if|over)\b.*)$",
    re.I,
)
# A yes/no question asking whether an event is still to come ("is crew-13 launching soon",
# "is ms-29 coming up", "is it up next", "going up in december?"): a flight that already did
# it is answered "No" with the day it happened (`facts._still_ahead`).
STILL_AHEAD = _any(
    r"\bsoon(?:ish)?\b",
    r"\b(?:coming|going|heading|flying) (?:back )?up\b",
    r"\bup next\b",
    r"\bnext\b",
    r"\bupcoming\b",
    r"\babout to\b",
    r"\bany (?:day|time) now\b",
    r"\byet to\b",
    r"\bstill to come\b",
)
# A window that starts today, asked of what is still to come ("is it launching before
# christmas", "will it fly by the end of the year"): still ahead only in the present or future
# tense (`AHEAD_TENSE`); "did it launch before christmas" asks about the past.
AHEAD_WINDOW = _any(
    r"\b(?:before|by) (?:christmas|xmas|new year'?s?|the (?:new )?year|the end of (?:the|this)"
    r" (?:year|month))\b",
    r"\b(?:later )?this (?:month|week|winter)\b",
)
# A yes/no question asked in the present or future tense ("is crew-13 going up in october",
# "will it dock on 3 may", "does it launch in june"): of an event that already happened, the
# answer says it already did (`facts.already_text`), whatever the date claimed.
AHEAD_TENSE = _any(
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:will|won'?t|shall)\b",
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:is|are|isn'?t|aren'?t)\b.*\b(?:\w+ing|gonna"
    r"|(?:set|due|scheduled|planned|expected|about) to)\b",
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:does|do|doesn'?t|don'?t)\b.*\b(?:launch|fly|go|dock"
    r"|berth|arrive|leave|depart|undock|land|return|splash down|come (?:home|back))\b",
)
# A yes/no question said without its verb: "sophie adenot back on earth yet?", "ms-29 still up?"
YES_NO_SHAPE = _any(
    r"\byet\W*$",
    r"\bstill\b",
    r"\bby now\b",
    # a claim stated and asked back: "htv-x flies on an h3 out of tanegashima?"
    r"\b[a-z]+(?:s|ed)\s+(?:on|from|out of|aboard|atop|by)\b[^?]*\?\s*$",
    # a name and its event typed as a question, no question word: "ng-24 left?", "docked?"
    r"\b(?:launched|docked|berthed|undocked|unberthed|left|landed|returned|splashed down|flown"
    r"|arrived|departed|gone|home|back)\s*\?+\W*$",
)
WH_WHEN = _any(r"\bwhen\b", r"\bwhat (?:day|date|time)\b")
WH_WORD = _any(r"\b(?:what|whats|which|who|whos|whom|when|where|why|how)\b")
# A pronoun standing for the thing a question is about ("when did it leave ...").
SUBJECT_PRONOUNS = _any(r"\b(?:it|its|they|them|their|he|him|his|she|her)\b")
# The word before a station's name when the station is where an action happens, not what
# is asked about: "leave the station", "docked to the iss", "still on the station".
PLACE_BEFORE = phrases(
    r"\b(?:on|onto|to|from|at|aboard|off|in|near|with|into|leave|leaves|leaving|left|reach"
    r"|reached|reaches|reaching|visit|visited|depart|departed|departing)\s+(?:the\s+)?$",
    re.I,
)
# A question after several flights, not one: "which flights did C209 fly", "list its missions".
FLIGHTS_LISTED = phrases(
    r"\b(?:which|what|list|name)\b.*\b(?:flights|missions|trips|launches)\b", re.I
)
WHAT_ABOUT = phrases(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(.+?)\s*\??\s*$", re.I)
# A record tied to the one referred to, asked about in its own right: "its rocket", "the
# rocket it rides on", "the ship he flew up in", "that rocket" ("launcher" nouns: the rocket;
# the others: the spacecraft that flew; "the ship" alone is the flight itself).
_ROCKET = r"(?:rockets?|launchers?|boosters?|launch vehicles?)"
_CRAFT = rf"(?:{_ROCKET}|ships?|spacecraft|vehicles?|capsules?|freighters?)"
CRAFT_OF = phrases(
    rf"\b(?:its|their|his|her)\s+(?P<own>{_CRAFT})\b"
    rf"|\b(?:the|that|this)\s+(?P<rocket>{_ROCKET})\b(?!\s+(?:it|they|he|she)\b)"
    rf"|\bthe\s+(?P<of>{_CRAFT})\s+(?:that\s+)?(?:it|they|he|she)(?:'s|'re|\s+is|\s+was|\s+are"
    r"|\s+were)?\s+(?:(?:\w+\s+){0,2}?(?:on|in|aboard|with|from)\b|(?:uses?|used|rides?|rode"
    r"|flies|flew|takes?|took)\b)",
    re.I,
)
# A record of one kind that the last answer named, pointed at: "that pad", "this launch
# site", "those guys", "that company", "from there" (a place: the pad it named), "the pad"
# (after a flight: the pad it flew from; "the pad of ..." names its own). The group
# that matched is the kind wanted (`router._pointed`).
_PAD_NOUN = r"(?:launch\s+)?(?:pads?|sites?|complex|cosmodromes?|spaceports?)"
# A pad named by what flies from it: "the soyuz pad", "progress's launch site" (read right
# after the vehicle's name: `router._vehicle_pad`).
PAD_AFTER = phrases(rf"(?:'s)?\s+{_PAD_NOUN}\b", re.I)
_PERSON_NOUN = r"(?:person|astronauts?|cosmonauts?|commander|crew\s?members?)"
_ORG_NOUN = r"(?:compan(?:y|ies)|agenc(?:y|ies)|operators?|firms?|contractors?)"
_PEOPLE_NOUN = r"(?:guys|people|folks|lot)"
POINTED = phrases(
    rf"\b(?:that|this|those|these)\s+(?:(?P<pad>{_PAD_NOUN})|(?P<rocket>{_ROCKET})"
    rf"|(?P<person>{_PERSON_NOUN})|(?P<org>{_ORG_NOUN})|(?P<people>{_PEOPLE_NOUN}))\b"
    r"|\b(?:from|at|out\s+of)\s+(?P<there>there)\b"
    rf"|\bthe\s+(?P<the_pad>{_PAD_NOUN})\b(?!\s+(?:of|for|at|in)\b)",
    re.I,
)
# What a follow-up's "it" can be done to or do, by the class of record ("pad", "rocket", a
# "craft": a flight or spacecraft): a pad is damaged, repaired or working again; a rocket
# fails or is grounded; a craft launches, docks, carries and brings people. After an answer
# that named a record of another class than the question's subject ("what pad does progress
# use": Site 31/6), "it" is the one whose class the follow-up's words fit and the other's do
# not (`router._referent`); words neither or both fit keep the subject.
DONE_TO: tuple[tuple[str, Phrases], ...] = (
    (
        "pad",
        _any(
            r"\b(?:damag\w*|repair\w*|fix(?:ed|es|ing)?|rebuil\w*|restor\w*|collaps\w*"
            r"|reopen\w*|refurbish\w*|wreck\w*|destroy\w*)",
            r"\b(?:work(?:s|ing)?|operational|usable|functional)\b",
            r"\b(?:in|into|back in|out of) (?:service|use|action|operation)\b",
            r"\bup and running\b",
            r"\bhappen(?:ed|s)? to\b",
        ),
    ),
    (
        "rocket",
        _any(
            r"\b(?:fail\w*|explod\w*|blew up|blow up|grounded|anomal\w*|mishap\w*)",
            r"\breturn(?:ed|s)? to flight\b",
        ),
    ),
    (
        "craft",
        _any(
            r"\b(?:launch\w*|fl(?:y|ies|ew|own|ying)|dock\w*|berth\w*|carr(?:y|ies|ied)"
            r"|deliver\w*|br(?:ing|ings|ought)|land\w*|splash\w*|crew\w*|people|astronauts?"
            r"|cosmonauts?|cargo|aboard|leav\w*|left|return\w*|go(?:es|ing)? up|went up)\b",
        ),
    ),
)

# The flight before or after the one referred to, in its series: "the one before it", "the
# flight after that", "the previous one", "the next mission" (`router._neighbour`).
_FLIGHT_NOUN = r"(?:one|flight|mission|launch)"
NEIGHBOUR = phrases(
    rf"\b(?:the\s+)?{_FLIGHT_NOUN}\s+(?:(?P<before>before|prior\s+to|preceding)|(?P<after>after"
    r"|following))(?:\s+(?:it|that|this|that\s+one|this\s+one))?\b"
    rf"|\bthe\s+(?:(?P<previous>previous|prior|preceding|earlier)|(?P<next>next|following"
    rf"|later))\s+{_FLIGHT_NOUN}\b",
    re.I,
)
# A flight's name ending in its number in a series: "Progress MS-33", "Crew-12", "HTV-X1".
SERIES_NUMBER = phrases(r"^(?P<stem>.*?)0*(?P<number>\d+)$")
# "any injuries?", "and any damage?": a yes/no question said without its verb.
ANY_LEAD = _any(r"^\s*(?:and\s+|so\s+|but\s+)?any\b(?!\s*(?:thing|one)\s+else)")
# A vehicle flying again after a failure or stand-down: "is H3 flying again", "back in
# service", "has it returned to flight".
AGAIN = _any(
    r"\bagain\b",
    r"\breturn(?:ed|s|ing)? to (?:flight|flying|service)\b",
    r"\bback (?:to flying|to flight|in service|in business|flying)\b",
    r"\bresum\w*\b",
    r"\bcleared to fly\b",
)
# Flying again, said of a vehicle (not "fail again", "dock again"): "did it ever fly again",
# "has it returned to flight", "back in service", "flown since".
FLOWN_AGAIN = _any(
    r"\b(?:fly|flies|flew|flown|flying|launch\w*|flights?)\b(?:\s+\w+){0,3}?\s+again\b",
    r"\breturn(?:ed|s|ing)? to (?:flight|flying|service)\b",
    r"\bback (?:to flying|to flight|in service|flying)\b",
    r"\bresum\w* (?:flights?|flying|launch\w*)\b",
    r"\bcleared to fly\b",
    r"\b(?:flown|flew|flights?|launch\w*) since\b",
)
# A load weighed against a capacity: "how full was it", "is that near what an XL can take",
# "what share of its capacity was that", "was it fully loaded".
_CAN_CARRY = r"(?:take|carry|hold|haul|lift|fit|capacity|max\w*|limit)"
FILL = _any(
    r"\bhow full\b",
    r"\b(?:was|is|were|are) (?:it|that|they|she) (?:\w+ )?(?:full|maxed)\b",
    r"\bfully (?:loaded|packed|laden)\b|\bfull load\b",
    rf"\b(?:near|nearly|close to|under|below|over|above|short of|at)\s+(?:what|the|its|their"
    rf"|an?|\w+'s)\b[^?]*\b{_CAN_CARRY}\b",
    r"\b(?:percent|%|share|fraction|proportion|how much) of (?:its |the |their |an? )?"
    r"(?:\w+ )?(?:capacity|max\w*|limit)\b",
    r"\broom (?:left|to spare)\b|\bspare (?:room|capacity)\b",
    r"\b(?:room|space)\b[^?]*\bleft\b",
    r"\b(?:near(?:ly)?|close to|almost|at|to)\s+(?:(?:the|its|full)\s+)?(?:full|max\w*|capacity"
    r"|limit)\b",
    r"\b(?:that|it)\b[^?]*\bcompar\w*\b[^?]*\b(?:max\w*|capacity|limit)\b",
)
# The words of FILL that ask whether the load came near the capacity (a yes or a no).
NEAR_FULL = _any(
    r"\bnear",
    r"\bclose\b",
    r"\bfull",
    r"\bmax",
    r"\bpacked\b",
    r"\bat (?:the|its|full)\b",
    r"\bat capacity\b",
)
LAUNCHER_NOUN = phrases(r"^(?:rocket|launcher|booster|launch vehicle)s?$", re.I)

# --- messages that are not questions about the base ----------------------------------------
CHAT: tuple[tuple[Chat, Phrases], ...] = (
    (
        Chat.THANKS,
        _any(
            r"^\W*(?:thanks|thank you|thx|ty|cheers|thanks? capcom|much appreciated)"
            r"(?:\s+(?:a lot|so much|capcom|bot|mate|man))?\W*$"
        ),
    ),
    (Chat.BYE, _any(r"^\W*(?:bye|goodbye|see ya|see you|later|cya)\W*$")),
    (
        Chat.GREETING,
        _any(
            r"^\W*(?:hi|hello|hey|yo|hiya|howdy|gm|sup|good (?:morning|evening"
            r"|afternoon)|lol|lmao|ok|okay|cool|nice|great|awesome|good bot"
            r"|bad bot|nice bot|hmm+|wow|k|kk)(?:\s+(?:there|capcom|bot|all))?\W*$"
        ),
    ),
    (
        Chat.HELP,
        _any(
            r"^\s*(?:help|\?|commands|what can you do\??|how do i use (?:this|you)\??"
            r"|what do you know\??|what can i ask\??|who are you\??|what are you\??)\s*$"
        ),
    ),
)

# Words that make "stock" the station's supplies, never a share price.
STOCK_OF_SUPPLIES = (
    r"station|iss|crew|astronauts?|cosmonauts?|food|water|oxygen|suppl(?:y|ies)|consumables"
    r"|evacuat\w*|abandon\w*|leave|aboard|on board|reserves?|propellant|fuel|run(?:s|ning)? out"
)

# Video games by name, space ones included ("kerbal space program", "space station 13"): a
# subject of their own in UNTRACKED, and another domain's sense of a name in OTHER_SENSES.
GAME_TITLES = (
    r"\b(?:kerbal(?: space program)?|ksp ?2?|space station 13|ss13|elite:? dangerous"
    r"|elite dangerous|no man'?s sky|star citizen|starfield|space engineers|outer wilds"
    r"|eve online|stellaris|among us|minecraft|fortnite|roblox|elden ring|skyrim|dark souls"
    r"|zelda|world of warcraft|dragon quest|dragon age|spyro|pok[eé]mon|juno new origins"
    r"|spaceflight simulator)\b"
)

# Names of untracked things that hold a tracked name ("space station 13"): never the record.
UNTRACKED_NAMES = _any(GAME_TITLES)

# Eating, sleeping and getting about near a place ("best pizza near cape canaveral", "hotels
# close to baikonur"): a place the base knows is where, never what is asked.
_EATING = (
    r"pizza\w*|burgers?|sushi|tacos?|bbq|barbecue|steaks?|seafood|restaurants?|diners?|cafes?"
    r"|caf[eé]s?|coffee shops?|brunch|dinner|lunch|breakfast|places? to eat|eat(?:ing)? out"
)
_STAYING = r"hotels?|motels?|airbnbs?|hostels?|campgrounds?|places? to stay|where to stay"
_GETTING_ABOUT = r"car rentals?|rental cars?|airports?|parking|vacations?|holidays?|sightseeing"

# A name said as where something off-base happens: "pizza near cape canaveral", "hotels in
# baikonur" (the text before the name ends with it).
AS_PLACE = _any(r"\b(?:near|around|close to|next to|outside|in|at|by)(?: the)? *$")

# --- subjects the base never tracks ----------------------------------------------------------
UNTRACKED: tuple[tuple[str, Phrases], ...] = (
    (
        "video games (their news, releases or how to play them)",
        _any(
            GAME_TITLES,
            r"\b(?:video ?games?|gaming|in-?game|playthrough|walkthrough|speedrun\w*|steam"
            r" (?:sale|release|page|reviews?)|early access)\b",
        ),
    ),
    (
        "restaurants, hotels, travel or things to do near a place",
        _any(
            rf"\b(?:{_EATING}|{_STAYING}|{_GETTING_ABOUT})\b(?! (?:aboard|on board|on the"
            r" (?:iss|station)|in (?:space|orbit)))",
            r"\b(?:where (?:can|could|should|do) (?:i|we) (?:eat|stay|sleep|park)"
            r"|things to do (?:near|in|around)|(?:food|eat|drinks?) (?:near|around|close to))\b",
        ),
    ),
    (
        "stock prices",
        _any(
            # not the station's stocks: "how low can stocks go before the crew has to leave"
            rf"^(?!.*\b(?:{STOCK_OF_SUPPLIES})\b).*\bstocks?\b(?! ?(?:levels?|up|pile))",
            r"\bshares?\b(?! (?:the|a) )",
            r"\bshare price\b",
            r"\bmarket ?cap\w*",
            r"\bvaluation\b",
            r"\bipo\b",
            r"\binvest(?!igat)\w*",  # not "the investigation"
            r"\bticker\b",
            r"\bnasdaq\b",
            r"\bnyse\b",
        ),
    ),
    # before advice to buy: "what telescope should i buy" is about watching the ISS
    (
        "watching the ISS from the ground (when and where it passes over, or telescopes)",
        _any(
            r"\b(?:see|spot|watch|view|observe) (?:the )?(?:iss|station|space station)"
            r"(?! (?:crew|module|schedule))\b",
            r"\b(?:fly|flies|flying|pass|passes|passing) (?:over|overhead|above)"
            r" (?!the (?:pad|site|launch))\w+",
            r"\boverhead\b",
            r"\bvisible (?:from|in|tonight|tomorrow)\b",
            r"\bsighting\w*",
            r"\bpass (?:times?|predictions?)\b",
            r"\bin the (?:night )?sky\b",
            # watching it from the ground: "what telescope should i buy to see the station"
            r"(?<!space )(?<!webb )(?<!hubble )\btelescopes?\b|\bbinoculars?\b",
        ),
    ),
    (
        "cryptocurrencies or give investment advice",
        _any(
            r"\b(?:crypto\w*|bitcoins?|btc|ethereum|dogecoins?|doge|shiba inu|solana|altcoins?"
            r"|memecoins?|meme coins?|nfts?|blockchain|coinbase|binance)\b",
            # advice to buy or sell anything: "should i buy ...", "is it worth buying ..."
            r"\bshould i (?:buy|sell|short|hodl|hold|invest|put my money)\b",
            r"\b(?:worth|good time to|time to) (?:buy|sell)(?:ing)?\b(?! (?:a )?(?:seat|ticket))",
            r"\b(?:financial|investment|investing) advice\b",
            r"\b(?:good|bad|smart|safe) (?:investment|buy|bet to buy)\b",
            r"\b(?:buy|sell)(?:ing)? the dip\b",
        ),
    ),
    (
        "the weather",
        _any(
            r"\bweather\b(?=.*\b(?:today|tomorrow|now|forecast|like|going|at|in)\b)",
            r"\bforecast\b",
            r"\b(?:going to|gonna|will it) (?:rain|snow|storm)\b",
            r"\btemperature\b",
            r"^\s*(?:what'?s|how'?s|what is) the weather\b",
        ),
    ),
    (
        "the Moon, lunar landings or NASA's Artemis programme",
        _any(
            r"\bmoon\b",
            r"\blunar\b",
            r"\bartemis (?:3|iii|4|iv)\b",
            # the programme, never Artemyev ("artemis 2" is named back as typed: no record)
            r"\bartemis\b(?![ -]?(?:\d|i+\b|v\b))",
            r"\bgateway\b",
        ),
    ),
    (
        "Mars or its rovers",
        _any(
            r"\bmars\b(?!\s*(?:pad|spaceport|launch|lp|0a|regional))",
            r"\bmartian\b",
            r"\b(?:perseverance|curiosity|opportunity) rover\b",
            r"\b(?:is|was) (?:perseverance|curiosity) (?:still )?(?:driving|roving|alive)\b",
            r"\brovers?\b",
        ),
    ),
    (
        "China's space station (Tiangong) or its Shenzhou and Tianzhou flights",
        _any(
            r"\btiangong\b",
            r"\bshenzhou\b",
            r"\bchinese (?:space )?station\b",
            r"\bchina'?s (?:space )?station\b",
        ),
    ),
    (
        "sports results",
        _any(
            r"\b(?:did|do|will|can) the \w+s (?:win|lose|beat)\b"
            r"(?! (?:the |a |an |its |any |some |much )?(?:[\w-]+ )?(?:contract|bid|award|deal"
            r"|tender|race|altitude|height|orbit|speed|pressure|power|contact|propellant|fuel"
            r"|oxygen|air|attitude|momentum))",  # what a craft loses is no game lost
            r"\b(?:win|won|lose|lost|beat)\b.*\b(?:game|match|last night|tonight|season"
            r"|playoffs?|series|championship|cup|league)\b",
            r"\b(?:nfl|nba|mlb|nhl|mls|super ?bowl|world cup|premier league|playoffs?"
            r"|touchdown|quarterback|halftime|final score)\b",
            r"\bscore (?:of|in) (?:the|last) (?:game|match)\b",
        ),
    ),
    (
        "films, TV or streaming",
        _any(
            r"\bmovies?\b",
            r"\bfilms?\b(?! (?:of|from) (?:the )?(?:launch|docking|landing))",
            r"\b(?:netflix|hulu|disney\+?|hbo|prime video|box office|blu-?ray|dvd|cinemas?"
            r"|theaters?|theatres?|sequel|trailer|tv show|tv series)\b",
            r"\b(?:on|to) streaming\b",
            r"\bstreaming (?:service|platform|date|release)\w*",
            r"\bhow to train your dragon\b",
        ),
    ),
    (
        "models, toys or merchandise of the vehicles (kits, Lego, posters, shirts)",
        _any(
            r"\b(?:scale |plastic |paper |rc |toy |display )?models? (?:kits?|rockets?)\b",
            r"\b(?:model|scale model|replica|toy|lego|poster|plush|figurine|action figure"
            r"|t-?shirts?|hoodies?|mugs?|stickers?|patch(?:es)? for sale)\b(?= .*\b(?:cost"
            r"|price|buy|sell|sale|store|shop|where|get|much)\b)",
            r"\b(?:cost|price|buy|sell|sale|store|shop|get|order|much)\b.*\b(?:scale models?"
            r"|model kits?|replicas?|toys?|lego|legos|lego sets?|posters?|plushies?|figurines?"
            r"|merch|merchandise|souvenirs?|t-?shirts?|hoodies?|mugs?|stickers?)\b",
            r"\b(?:lego|legos|merch|merchandise|souvenirs?)\b",
        ),
    ),
    (
        "space telescopes",
        _any(r"\bhubble\b", r"\bjwst\b", r"\bjames webb\b", r"\bwebb (?:space )?telescope\b"),
    ),
)

# --- untracked relatives of tracked names ----------------------------------------------------
# Things the base does not track whose names share a word with a tracked record: a modifier
# ("heavy", "xl", "ball", "new") makes the shared word ("falcon", "dragon", "glenn") name a
# different family member, never the tracked one. Each: how the reply names it, the tracked
# relative's record id ("" when none is tracked) and its phrases. The reply quotes what the
# base's texts say of it ("LC-39A now serves Falcon Heavy and Starship").
RELATIVES: tuple[tuple[str, str, Phrases], ...] = (
    ("Falcon Heavy", "falcon-9", _any(r"\bfalcon[ -]?heavy\b")),
    (
        "Starship (or its Super Heavy booster)",
        "spacex",
        _any(r"\bstar ?ships?\b", r"\bsuper heavy\b"),
    ),
    ("Falcon 1", "falcon-9", _any(r"\bfalcon[ -]?(?:1|one)\b(?![.,]?\d)")),
    ("Dragon XL (the Gateway cargo ship)", "cargo-dragon", _any(r"\bdragon[ -]?xl\b")),
    (
        "the first-generation Dragon (Dragon 1)",
        "cargo-dragon",
        _any(r"\bdragon[ -]?(?:1|one)\b(?![.,]?\d)"),
    ),
    ("Dragon Ball (the anime)", "", _any(r"\bdragon ?ball\b")),
    ("New Glenn", "blue-origin", _any(r"\bnew glenn\b")),
    ("New Shepard", "blue-origin", _any(r"\bnew shepard\b")),
    ("Soyuz-5", "soyuz-2-1a", _any(r"\bsoyuz[ -]?5\b(?![.,]?\d)")),
    ("Soyuz-2.1b", "soyuz-2-1a", _any(r"\bsoyuz[ -]?2[.,-]?1[ -]?b\b")),
    ("Boeing's airliners", "boeing", _any(r"\bboeing 7[0-8]7\b", r"\b7[0-8]7 max\b")),
    (
        "the Atlanta Falcons (American football)",
        "",
        _any(r"\batlanta falcons\b", r"\bfalcons (?:play|game|match|season|roster|coach|vs)\b"),
    ),
)

# --- a name used in another domain's sense ---------------------------------------------------
# Words of domains the base never covers, that turn a name which is also a common word or
# another domain's name ("dragon", "soyuz", "cygnus") into that other sense, when nothing
# else in the message is about spaceflight: "house of the dragon new season", "soyuz anthem
# lyrics", "cygnus constellation". One entry per domain; its text is what the reply says
# the base does not track.
OTHER_SENSES: tuple[tuple[str, Phrases], ...] = (
    (
        "TV series, films, books or anime",
        _any(
            r"\bseasons?\b",
            r"\bepisodes?\b",
            r"\b(?:tv|television)\b",
            r"\bseries (?:finale|premiere)\b",
            r"\b(?:cast|actors?|actress|characters?|showrunner|spoilers?|spin-?offs?|prequels?)\b",
            r"\b(?:anime|manga|cartoons?|novels?|books?|fantasy|fanfic\w*|goku|targaryens?)\b",
            r"\brenewed\b",
        ),
    ),
    (
        "music (songs, anthems or bands)",
        _any(
            r"\b(?:anthems?|lyrics?|songs?|albums?|bands?|singers?|sing|sung|chorus|melody"
            r"|concerts?|playlists?|spotify|karaoke|national hymn)\b",
        ),
    ),
    (
        "the night sky (stars, constellations or astrology)",
        _any(
            r"\bconstellations?\b",
            r"\b(?:zodiac|horoscopes?|astrology|star ?signs?|stargazing|star charts?)\b",
            r"\b(?:brightest |bright )?stars?\b(?! ?(?:liner|ship|lab))",
            r"\b(?:deneb|albireo|northern cross|milky way)\b",
        ),
    ),
    (
        "sports (teams, scores and leagues)",
        _any(
            r"\b(?:scores?|scored|scoring|touchdowns?|playoffs?|quarterbacks?|halftime|coach"
            r"|roster|standings|draft picks?|goals? scored|home games?|away games?)\b",
        ),
    ),
    (
        "astronomy (planets, comets, asteroids and the solar system)",
        _any(
            r"\b(?:belts?|belt objects?|comets?|(?:dwarf )?planets?"
            r"|planetary|solar system|galax(?:y|ies)"
            r"|nebulae?|black holes?|exoplanets?|oort cloud)\b",
        ),
    ),
    (
        "games",
        _any(
            r"\b(?:video ?games?|games?|gaming|playstation|ps[45]|xbox|nintendo|switch game"
            r"|pokemon|dungeons|boss fight|speedrun\w*|d&d|dnd)\b",
            GAME_TITLES,
        ),
    ),
    (
        "mythology or animals",
        _any(
            r"\b(?:myths?|mythology|mythical|legends?|folklore|fire-?breathing|swans?"
            r"|tattoos?|komodo|zeus|greek god)\b",
        ),
    ),
)

# --- Russian ---------------------------------------------------------------------------------
# Russian words of questions and what they mean in the words the tables above read, keyed by
# their folded form (й folded to и). `Lexicon.russian` writes them out before a message is
# read, after names (which keep their own form), so "когда стартовал прогресс мс-35" reads as
# "when launched прогресс мс-35". Typed in Latin letters ("skolko topliva privez") they are
# matched by their transliteration. Grow them from what people type.
RUSSIAN_WORDS: dict[str, str] = {
    "кто": "who",
    "кем": "who",
    "кому": "who",
    "чем": "what",
    "чего": "what",
    "случилось": "happened",
    "произошло": "happened",
    "что": "what",
    "когда": "when",
    "где": "where",
    "куда": "where",
    "откуда": "from where",
    "почему": "why",
    "зачем": "why",
    "сколько": "how many",
    "как": "how",
    "долго": "long",
    "сел": "landed",  # "когда сел Союз": of a ship, set down (landed), not "sat"
    "села": "landed",
    "сели": "landed",
    "сядет": "will land",
    "сядут": "will land",
    "летит": "flies",
    "летят": "fly",
    "полетит": "will fly",
    "полетят": "will fly",
    "летать": "fly",
    "работает": "working",  # "площадка 31 сейчас работает?": is the pad in service
    "работают": "working",
    "какои": "which",
    "какая": "which",
    "какое": "which",
    "какие": "which",
    "какую": "which",
    "каком": "which",
    "какого": "which",
    "такои": "is",
    "такая": "is",
    "такое": "is",
    "это": "is",
    "есть": "is",
    "ли": "",
    "можно": "can",  # "можно ли ...": can ...
    "раз": "times",  # "сколько раз": how many times
    "раньше": "before",  # "летал раньше": flew before
    "ранее": "before",
    "прежде": "before",
    "юзать": "use",  # slang: "юзать площадку"
    "юзают": "use",
    "юзали": "used",
    "же": "",
    "ну": "",
    "и": "and",
    "а": "and",
    "но": "but",
    "или": "or",
    "на": "on",
    "в": "in",
    "во": "in",
    "за": "for",
    "для": "for",
    "из": "from",
    "от": "from",
    "с": "with",
    "со": "with",
    "до": "until",
    "после": "after",
    "о": "about",
    "про": "about",
    "об": "about",
    "к": "to",
    "ко": "to",
    "у": "at",
    "по": "by",
    "он": "he",
    "она": "she",
    "его": "him",
    "ее": "her",
    "нем": "him",
    "неи": "her",
    "они": "they",
    "их": "them",
    "них": "them",
    "ними": "them",
    "мкс": "iss",
    "наса": "nasa",
    "сша": "usa",
    "уже": "already",
    "еще": "still",
    "сеичас": "now",
    "сегодня": "today",
    "завтра": "tomorrow",
    "вчера": "yesterday",
    "год": "year",
    "году": "year",
    "года": "year",
    "лет": "years",
    "день": "day",
    "дня": "days",
    "днеи": "days",
    "будет": "will",
    "был": "was",
    "была": "was",
    "были": "were",
    "было": "was",
    "будут": "will",
    "нет": "no",
    "да": "yes",
    "один": "one",
    "одна": "one",
    "одно": "one",
    # months and units: values, which the reader never takes for names ("27 ноября")
    "мая": "may",
    "маи": "may",
    "мае": "may",
    "кг": "kg",
    "т": "t",
    "ч": "h",
    "мин": "min",
    "млн": "million",
    "млрд": "billion",
    "руб": "roubles",
    "долл": "dollars",
}
# Stems: a word is one of these followed by an inflectional ending (knowledge.text.RU_ENDINGS),
# or, for a stem of at least RUSSIAN_STEM_FREE letters, by up to 6 more letters ("стартовала").
RUSSIAN_STEM_FREE = 5
RUSSIAN_STEMS: dict[str, str] = {
    "открыт": "open",
    "выход": "leaving",  # "выход России из МКС" (a spacewalk is a phrase: RUSSIAN_PHRASES)
    "старт": "launch",
    "запуст": "launch",
    "запуск": "launch",
    "взлет": "launch",
    "полет": "flight",
    "летал": "flew",
    "летает": "flies",  # "откуда летает Прогресс"
    "летают": "fly",
    "летел": "flew",
    "вернул": "returned",
    "вернут": "return",
    "вернет": "return",
    "возвращ": "return",
    "приземл": "land",
    "посадк": "landing",
    "пристык": "dock",
    "причал": "dock",
    "поима": "caught",  # "поймал" (folded й): the arm's catch
    "захват": "captured",  # "причалил": moored, said of a ship reaching the station
    "долет": "arrived",  # "долетел до МКС": reached the station
    "добрал": "arrived",  # "добрался"
    "состык": "dock",
    "стыковк": "docking",
    "отстык": "undock",
    "расстык": "undock",
    "покин": "leave",
    "улет": "leave",
    "улетел": "flew",  # "улетел с площадки", "улетела к МКС": the past says where it flew
    "вылетел": "flew",
    "замени": "replaced",
    "замен": "replaced",
    "командир": "commander",
    "расскаж": "tell",  # "расскажи про ...": tell me about
    "экипаж": "crew",
    "космонавт": "cosmonauts",
    "астронавт": "astronauts",
    "человек": "people",
    "люд": "people",
    "пилот": "pilot",
    "мест": "seat",  # "место в Союзе": a seat
    "почин": "repaired",
    "ремонт": "repair",
    "отремонт": "repaired",
    "восстанов": "repaired",
    "площадк": "pad",
    "запасн": "backup",  # "запасная площадка": a backup pad
    "резервн": "backup",
    "использ": "use",  # "использовать", "используют"
    "стол": "pad",  # "стартовый стол": the launch pad (a table nowhere else in this base)
    "установ": "installed",
    "устанавлива": "installed",
    "смонтир": "installed",
    "космодром": "cosmodrome",
    "аренд": "lease",
    "плат": "pay",
    "заплат": "paid",
    "стоит": "cost",
    "стоимост": "cost",
    "цен": "price",
    "деньг": "money",
    "доллар": "dollars",
    "миллион": "million",
    "топлив": "propellant",
    "горюч": "propellant",
    "привез": "brought",
    "привоз": "bring",
    "достав": "delivered",
    "груз": "cargo",
    "грузов": "cargo",
    "вод": "water",
    "кислород": "oxygen",
    "еда": "food",
    "еды": "food",
    "ракет": "rocket",
    "носител": "rocket",
    "модул": "module",
    "перв": "first",
    "втор": "second",
    "следующ": "next",
    "ближаиш": "next",
    "последн": "last",
    "станци": "station",
    "корабл": "ship",
    "капсул": "capsule",
    "задерж": "delayed",
    "отлож": "postponed",
    "перенес": "postponed",
    "перенос": "postponed",
    "отмен": "cancelled",
    "слома": "broke",
    "поврежд": "damaged",
    "повред": "damaged",
    "разруш": "damaged",  # "разрушил": wrecked
    "авари": "accident",
    "проблем": "problem",
    "статус": "status",
    "состоян": "condition",
    "росси": "russia",
    "российск": "russian",
    "русск": "russian",
    "америк": "america",
    "американск": "american",
    "американ": "american",  # "американка", "американец": a person's nationality
    "россиян": "russian",
    "японец": "japanese",
    "японк": "japanese",
    "канадец": "canadian",
    "канадк": "canadian",
    "канадск": "canadian",
    "француз": "french",
    "франц": "french",
    "казахстан": "kazakhstan",
    "япони": "japan",
    "японск": "japanese",
    "европеиск": "european",
    "месяц": "month",
    "недел": "week",
    "дат": "date",
    "планир": "planned",
    "план": "plan",
    "новост": "news",
    "вес": "weight",
    "масс": "mass",
    "космос": "space",
    "орбит": "orbit",
    "наклон": "inclination",
    "январ": "january",
    "феврал": "february",
    "март": "march",
    "апрел": "april",
    "июн": "june",
    "июл": "july",
    "август": "august",
    "сентябр": "september",
    "октябр": "october",
    "ноябр": "november",
    "декабр": "december",
    "градус": "degrees",
    "процент": "percent",
    "тонн": "tons",
    "килограм": "kg",
    "фунт": "lb",
    "час": "hours",
    "минут": "minutes",
    "секунд": "seconds",
    "миллиард": "billion",
    "тысяч": "thousand",
    "рубл": "roubles",
}
# An ordinal written with a Russian ending: "31-ю площадку", "1-го модуля".
RUSSIAN_ORDINAL = phrases(r"(?<=\d)-(?:ю|й|я|е|го|му|м|ои|ой|ая|ое|ые|ых|х)\b", re.I)
# Russian phrases whose words mean something else apart, as folded stems in order (each word
# of the message starts with its stem), and the English they stand for; typed in Latin letters
# too ("vykhod v otkrytyi kosmos"). Read before single words.
RUSSIAN_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("выход", "в", "открыт", "космос"), "spacewalk"),  # "выходили в открытый космос"
    (("выш", "в", "открыт", "космос"), "spacewalk"),  # "вышли в открытый космос"
    (("выид", "в", "открыт", "космос"), "spacewalk"),  # "выйдут в открытый космос"
    (("открыт", "космос"), "spacewalk"),
    (("выход", "в", "космос"), "spacewalk"),
    (("выход", "наруж"), "spacewalk"),
    # "во время выхода": the spacewalk was named before, or "выход" here is one
    (("во", "врем", "выход"), "during the spacewalk"),
    (("во", "врем"), "during"),
    (("стартов", "стол"), "pad"),  # "launch" would ask a launch of the pad
    (("стартов", "площадк"), "pad"),
    # "правда ли, что ...", "правда, что ...", "верно ли, что ...": a claim to check
    (("правд", "ли", "что"), "is it true that"),
    (("правд", "что"), "is it true that"),
    (("верно", "ли", "что"), "is it true that"),
    (("сколько", "стои"), "how much cost"),  # "сколько стоит": not "how many"
    (("кто", "из", "них"), "which of them is"),  # "кто из них русский"
    (("с", "каког"), "from which"),  # "с какого космодрома": from, not "with"
    (("с", "какои"), "from which"),
    (("или", "нет"), "or not"),  # "... или нет?": a yes/no question
    (("да", "или", "нет"), "yes or no"),
)
# A Russian question answered yes or no: the particle "ли", or a question mark closing a
# message no question word opens (read with WH_WORD on the English it is written as).
RUSSIAN_YES_NO = _any(
    r"(?<![^\W\d_])(?:ли|li)(?![^\W\d_])",
    # a verb in the past ("пристыковался", "вернулись", "vernulsya") and a question mark
    r"[^\W\d_]{3,}(?:л|ла|ло|ли|лся|лась|лось|лись|l|la|lo|li|lsya|las|los|lis)"
    r"(?![^\W\d_])[^?]*\?\s*$",
)
# Short words that, typed in Latin letters, are Russian and no English word: with one longer
# Russian word they mark a message as Russian in Latin letters ("pristykovalsya k MKS ili net").
LATIN_RUSSIAN_MARKERS = frozenset("ili kto gde eto mks zhe ikh chto kogda".split())
# Question words that, typed in Latin letters, open only a Russian question: one is enough
# ("kogda crs-35?", "kto na mks").
LATIN_RUSSIAN_OPENERS = frozenset("kto gde chto kogda skolko pochemu zachem kuda otkuda".split())


# --- command words --------------------------------------------------------------------------
COMMAND_WORDS: dict[str, Command] = {c.value: c for c in Command} | {
    "missions": Command.MISSION,
    "flight": Command.MISSION,
    "vehicles": Command.VEHICLE,
    "spacecraft": Command.VEHICLE,
    "rocket": Command.VEHICLE,
    "pads": Command.PAD,
    "astronaut": Command.CREW,
    "cosmonaut": Command.CREW,
    "person": Command.CREW,
    "source": Command.SOURCES,
    "next": Command.UPCOMING,
    "schedule": Command.UPCOMING,
    "history": Command.TIMELINE,
}
TIMELINE = _any(r"\btimeline\b", r"\bhistory of\b", r"\bchronology\b")
SOURCES = _any(
    r"\bsources?\b",
    r"\bcitations?\b",
    r"\bwhere does .* come from\b",
    r"\bwhere did you get\b",
    r"\bhow do you know\b",
)

# --- counts ---------------------------------------------------------------------------------
# What a how-many question counts, when it counts records of the base.
COUNTED = _any(
    r"\bhow many (?:[\w'-]+\s+){0,3}?(?P<what>flights?|missions?|launch(?:es)?|times|trips|runs"
    r"|dockings|visits)\b",
    r"\bnumber of (?:[\w'-]+\s+){0,3}?(?P<what2>flights?|missions?|launch(?:es)?)\b",
    r"\bhow many (?:[\w'-]+\s+){0,3}?(?P<what3>ships?|freighters?|spacecraft)\s+"
    r"(?:have\s+|were\s+|got\s+)?(?:launched|flew|flown|went|gone|gone up|lifted off)\b",
)
# "this year", "last year": a year counted from today.
RELATIVE_YEAR = phrases(r"\b(?P<which>this|last|past|previous)\s+year\b", re.I)
_THE_BEFORE = phrases(r"\bthe\s+$", re.I)  # "over the last year": twelve months, no year
_PREPOSITION_BEFORE = phrases(
    r"\b(?:in|during|since|from|of|for|by|until|till|through|before|after)\s+$", re.I
)


def dated_years(text: str, this_year: int) -> str:
    """The message with a year counted from today written as that year ("what happened to it
    last year" in 2026: "... in 2025"), so every reader sees the year a date would name."""

    def year(m: re.Match[str]) -> str:
        before = text[: m.start()]
        if _THE_BEFORE.search(before):
            return m.group(0)
        said = str(this_year - (0 if m["which"].lower() == "this" else 1))
        return said if _PREPOSITION_BEFORE.search(before) else f"in {said}"

    return RELATIVE_YEAR.sub(year, text)


YEAR = phrases(r"\b(?:in|during|for|of|since)?\s*(?P<year>20[0-4]\d)\b")

# Nouns of a kind of place or thing, never a value a yes/no claims ("splashed down in the
# ocean", "landed on the ground"): the answer's own value is of that kind (claimed.unread_values).
GENERIC_NOUNS = frozenset(
    """ocean oceans sea seas water land ground desert steppe sky space orbit earth planet
    parachute parachutes capsule rocket booster ship spacecraft vehicle pad""".split()
)

# "head" as a verb of going ("when is it heading up", "has crew-11 headed home yet"): a word of
# the question's motion like "going", never a subject word ("the head of roscosmos" stays one).
HEADING = _any(
    r"\bhead(?:s|ed|ing|in)?(?=\s+(?:back\s+)?(?:up|home|back|out|off|down|over|to|for|there"
    r"|away|into)\b)"
)

# Words that ask about a record rather than name a new subject; not counted as the subject.
QUESTION_VOCABULARY = frozenset(
    """when date day launch schedul who crew cost price expensive cheap capacity carry carri
    payload up-mass how much many long what which where is status info information about
    detail details mission flight vehicle spacecraft pad site rocket person station tell show
    give per planned plan next last latest dock docked arrive arrival cargo supply supplies
    operat operator build built builder make made manufactur maker run runs own flew fly fli
    flown land landed return come home back due splash undock berth leave left stay long heavy
    weigh mass status state time times total number count year month week today now yet still
    current currently recent recently first second go going up down take off mean meaning
    took taken taking away
    aboard board onboard astronaut cosmonaut people seat seats size big
    reusable reuse refuel reboost boost agency country nationality work works launcher spent
    spend recorded record стартует старт запуск летит летят полетит стоит сколько дней дня
    космосе космос случилось lb lbs pound pounds kg kgs kilo kilos kilogram kilograms ton tons
    tonne tonnes capsule bring brought burn burned vs versus compare compared each
    both went gone ship ships ppl rn запустили запустят запуска привез привезла
    доставил топлива топливо груз человек людей экипаж сейчас когда починили ремонт площадку
    площадка космонавтов астронавтов космонавты астронавты
    normally usually typically generally nominally regularly ordinarily usual typical normal
    nominal average live lives living send sent sending ferry ferries haul hauls program programme
    spaceflight spaceflights rookie veteran newbie trip journey ride transit reach reached
    previous previously prior depart departed departing parked moored lifted liftoff""".split()
) | frozenset(
    # Words that carry the question's kind, never a fact of their own: fillers and hedges
    # ("even", "like", "actually", "is it true that"), a time asked about ("soon", "until":
    # when / how long), what fits aboard ("fit", "hold", "seat": how many people or how much a
    # vehicle takes), a whole asked for ("altogether", "overall": a count's total), and the
    # "-wise" of "volume wise", "cost-wise" (in terms of the word before it, which is asked).
    # A reply never says the base records nothing on one of these.
    """even like just really actually exactly basically literally honestly anyway anyways
    tho though pretty roughly approx approximately about around ish still soon sooner lately
    nowadays true truly later wise
    until til till fit fits fitting hold holds seat seated inside within
    altogether overall""".split()
)
# A why-question about how two named things relate: why one can't replace, stand in for or
# back up the other ("why can't dragon just replace progress", "why not launch from site 1
# instead"), and the sentences of the base that state such a relation.
RELATION_ASK = _any(
    r"\b(?:replac\w*|instead|backup|back-up|back up|substitut\w*|alternatives?|swap\w*"
    r"|stand in|fill in|take over)\b",
    r"\b(?:can'?t|cannot|couldn'?t|didn'?t|don'?t|doesn'?t|why not)\b[^?]*\bjust\b",
)
# A question that asks for a reason in so many words ("why", "how come"), not what happened.
REASON_ASK = _any(r"\bwhy\b", r"\bhow come\b", r"\bпочему\b", r"\bwhat (?:was|is) the reason\b")
# A question after the news about a subject ("what's going on with soyuz lately", "what's up
# with starliner"): like a plain why, answered by the closest topic about it.
NEWS_ASK = _any(
    r"\bwhat(?:'?s| is) (?:going on|happening|up|the deal|the story|the latest) with\b",
    r"\bwhat(?:'?s| is) going on\b",
)
# A sentence that gives a reason (what a why-question asks): "because", "due to", "to make up
# for", "accused of", "for medical reasons" (REASON_STRONG); or any "after", "following"
# (REASON_SAID, which also counts "the first launch after the repair").
_REASON_STRONG = (
    r"\b(?:because|due to|owing to|thanks to|caused by|as a result|in response"
    r"|so that|in order to|to make up|make up for|to compensate"
    r"|to replace|to cover|accused|alleged\w*|violat\w*|for (?:\w+ )?reasons?|reasons?"
    r"|amid|over concerns?|concerns?|blamed|led to|forced)\b"
)
REASON_STRONG = _any(_REASON_STRONG)
REASON_SAID = _any(_REASON_STRONG, r"\b(?:after|following)\b")
# An "after" that follows a change, so the change happened because of what came before it
# ("moved up after the Crew-11 medical evacuation", "cancelled after ..."), never a time
# ("the first crewed launch after the repair").
REASON_AFTER = _any(
    r"\b(?:moved|advanced|postponed|delayed|cancell?ed|grounded|slipped|pulled|removed"
    r"|replaced|retired|reshuffled|paused|suspended|halted|scrubbed|returned|ended|dropped"
    r"|switched|changed|modified|stood down)\b(?:\s+[\w'()-]+){0,4}?\s+(?:after|following)\b"
)
# What went wrong, said of a thing: a cause in itself ("damaged in transit", "second stage
# failed", "the cabin was not secured").
REASON_EVENT = _any(
    r"\b(?:damag\w*|fail\w*|faults?|problems?|issues?|leak\w*|medical|evacuat\w*|shortages?"
    r"|anomal\w*|explo(?:ded|sion)|(?:un|not )secured|obsolete)\b"
)
# The kinds of change a why-question asks the cause of, each as the question says it and as a
# sentence giving its cause does ("why did X go up sooner": "moved up after ..."): the cause of
# the asked change goes before the cause of another change to the same record.
CHANGE_KINDS = (
    (
        _any(r"\b(?:sooner|earlier|early|ahead|moved up|brought forward|advanced)\b"),
        _any(r"\b(?:moved up|advanced|early|earlier|brought forward|ahead)\b"),
    ),
    (
        _any(r"\b(?:late|later|slip\w*|delay\w*|postpon\w*|pushed|push(?:ed)? back)\b"),
        _any(r"\b(?:slip\w*|delay\w*|postpon\w*|later|pushed)\b"),
    ),
    (
        _any(r"\b(?:cancel\w*|scrap\w*|axed|never (?:fly|flew|launch\w*)|(?:didn'?t|not) fly)\b"),
        _any(r"\b(?:cancel\w*|never flew|scrapped)\b"),
    ),
    (
        _any(r"\b(?:removed|pulled|taken off|dropped|replaced|swapped|kicked)\b"),
        _any(r"\b(?:removed|replaced|pulled|dropped)\b"),
    ),
)
# A question that asks why something is not, cannot or must be ("why isn't site 1/5 used",
# "why does the station need progress"): what only one thing does, or cannot be done without,
# is its reason (RELATION_SAID).
NEED_ASK = _any(
    r"\bneeds?\b",
    r"\bneeded\b",
    r"\bmust\b",
    r"\bha(?:ve|s) to\b",
    r"\bstill\b[^?]*\b(?:use|rely|depend)\w*\b",
)
# A sentence that reports a claim and then calls it wrong ("the seed says ... Progress MS-28
# mission; that is an error"): a yes/no of that claim is No, and it never leads an answer.
RETRACTED = phrases(
    r"[;,:.]\s*(?:that|this|which|it)\s+(?:is|was|'s)\s+(?:an?\s+)?(?:error|mistake"
    r"|wrong|incorrect|false|untrue|inaccurate)\b",
    re.I,
)
RELATION_SAID = _any(
    r"\b(?:cannot|can'?t|could not|only|not usable|unusable|backup|replace\w*|instead|without"
    r"|neither|never|no other|unable)\b"
)

# What words() leaves of a negative contraction ("didn't" -> "didn"): a question word, never a
# subject word the base should know.
CONTRACTION_STEMS = frozenset(
    "doesn didn isn wasn aren weren hasn haven hadn couldn wouldn shouldn won can".split()
)
# "normally", "usually": the question asks for the usual value (a nominal crew, a typical stay),
# not the latest one.
USUALLY = _any(
    r"\bnormal(?:ly)?\b",
    r"\busual(?:ly)?\b",
    r"\btypical(?:ly)?\b",
    r"\bgenerally\b",
    r"\bnominal(?:ly)?\b",
    r"\bregular(?:ly)?\b",
    r"\bordinarily\b",
    r"\bon average\b",
    r"\bin general\b",
)


_CARGO_WORDS = (
    "cargo capacity carry carries haul load mass weight heavy propellant fuel water oxygen "
    "nitrogen gas air trash garbage waste pressurized unpressurized trunk volume down-mass "
    "downmass up-mass payload kg tons bring brought stuff supply supplies deliver ferry ferries"
)


def _canon(text: str) -> frozenset[str]:
    from knowledge.text import words

    return frozenset(words(text))


# A claim about a record said in other words than its texts use: each set holds the words
# of one meaning ("did it break a speed record" ~ "the fastest trip"; "huge" ~ "largest"). A
# rank in a sequence (first, last, only) is no such claim: `CLAIM` checks those.
CLAIM_MEANINGS: tuple[frozenset[str], ...] = (
    _canon("fastest quickest fast faster quick quicker quickly speed speedy rapid shortest"),
    _canon("biggest largest heaviest big bigger large larger heavy heavier huge"),
    _canon("longest long longer lengthy"),
)
# Words that call a value a record, of whichever meaning the text gives ("a record stay").
RECORD_WORDS = _canon("record records")
# The superlative a sentence must write to say so itself ("the fastest US trip").
SUPERLATIVES = _canon("fastest quickest shortest biggest largest heaviest longest record")


# The words (as knowledge.text.words gives them) that speak to each fact: a topic must use
# one to answer for the fact, and a yes/no question whose other words are all among them is
# answered by the fact ("is site 31/6 fixed": status; "does nasa pay ... seats": not size).
FACT_WORDS: dict[Fact, frozenset[str]] = {
    Fact.LANDING: _canon(
        "return returned splash splashdown land landed home back burn burned reentry reenter "
        "re-entry re-enter re-entered"
    ),
    Fact.UNDOCKING: _canon(
        "undock undocked unberth unberthed leave left depart departed return released gone off"
    ),
    Fact.DOCKING: _canon(
        "dock docked berth berthed arrive arrived capture captured caught catch grab grabbed "
        "grapple grappled snag canadarm robotic arm port module node hatch "
        # the station's ports, where a ship docks or berths ("still berthed at unity")
        "unity harmony tranquility destiny zvezda poisk rassvet prichal nauka zarya kibo "
        "columbus nadir zenith forward aft"
    ),
    Fact.STAY: _canon("stay stayed long month months day days attached"),
    Fact.TRANSIT: _canon(
        "trip journey ride transit travel reach reached get there arrive took take"
    ),
    Fact.ABOARD: _canon(
        "still docked berthed attached there up aboard board space orbit station parked moored"
    ),
    Fact.FIRST_FLIGHT: _canon(
        "first ever open opened inaugurated commissioned used use maiden debut flight launch"
    ),
    Fact.DAYS_IN_SPACE: _canon(
        "space orbit day days long longer shorter time spent duration last lasted mission flight"
    ),
    Fact.COST: _canon("cost price pay paid money expensive cheap budget funding worth value"),
    Fact.PAD: _canon("pad site launch from where spaceport cosmodrome"),
    Fact.LAUNCHER: _canon("rocket launcher launch vehicle"),
    Fact.CAPACITY: _canon(_CARGO_WORDS),
    Fact.CARGO: _canon(_CARGO_WORDS),
    Fact.STATUS: _canon(
        "status repair repaired fixed damage damaged active retired grounded working back "
        "action service cancelled removed space orbit aboard station still dead alive scrapped "
        "axed killed kaput defunct abandoned shelved finished over thing happening around going"
    ),
    Fact.LAUNCH: _canon("launch launched fly flew flown yet up there orbit"),
    Fact.CREW: _canon(
        "crew crewed aboard board people astronaut cosmonaut fly flying "
        # a crew made public: "crew announced yet", "has its crew been revealed"
        "announce announced revealed assigned"
    ),
    Fact.REFUELS: _canon("refuel refuels propellant fuel russia segment"),
    Fact.REBOOSTS: _canon("reboost boost raise orbit station"),
    Fact.DECAY: _canon(
        "fall decay reentry reenter altitude height lose sink drop boost reboost orbit without "
        "last re-entry re-enter re-entered"
    ),
    Fact.CREW_SIZE: _canon("crew people live living aboard size seats big"),
    Fact.REUSABLE: _canon("reusable reused reuse fly again reflown refly reflew reflies"),
    Fact.CAPSULE: _canon("capsule spacecraft ship name named time times flown flew fly"),
}

# A part said to be used once ("the trunk is expended", "burns up on re-entry"): not reused.
EXPENDED = _canon("expended expendable expend burns burn discarded jettisoned disposable")

# --- chat spellings -------------------------------------------------------------------------
# A record's own words that its crew is not yet public ("with its crew not yet announced",
# "crew not announced"): the reason no crew is recorded; group "said" is what they say.
CREW_UNANNOUNCED = phrases(
    r"\bcrew\b[^.;]{0,20}?\b(?P<said>not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:announced|named|assigned|selected|revealed))\b",
    re.I,
)

# A claim marked as one to check, before it ("i heard", "true that") or after it ("…, true?",
# "is that right?"): only a yes/no's shape, never a word of what is asked.
_HEARSAY = (
    r"i(?:'ve| have)? (?:heard|read|seen)|some(?:one|body) (?:said|says|told me)|they say"
    r"|(?:people|ppl|peeps|everyone|everybody|folks) (?:(?:keeps?|are|always|all) )?"
    r"(?:saying|says|said|say)|i keep (?:hearing|reading|seeing)"
    r"|apparently|supposedly|rumou?r (?:is|has it)|(?:is it )?(?:true|correct) that"
)
_CHECK_TAIL = (
    r"(?:is|was) (?:that|it|this) (?:true|right|correct|so)|true|correct|is that a fact"
    r"|am i right"
)

# After a chat verb of leaving: a level that dips or bounces back is no departure.
_NOT_A_LEVEL = r"\b(?!\s+(?:back|below|under|to|into|by|in|from|over|up|down)\b)"

# Chat abbreviations and tags rewritten to plain words before a message is read, so the
# tables above see "people", "going to", "when is". Grow it from what people type.
SLANG: tuple[tuple[Phrases, str], ...] = tuple(
    (phrases(p, re.I), r)
    for p, r in (
        # trailing tags that ask for agreement, not for anything more: "... or nah", "fr?"
        (
            r"[\s,]+(?:or\s+(?:nah|nope|naw|not|what|wut|wat|no|we\s+good|are\s+we\s+good))\s*(?=\W*$)",
            "",
        ),
        (r"(?:^|(?<=\s))(?:fr|frfr|lol|lmao|lmfao|ngl|tbh|smh|istg|bruh)(?=\W*$)", ""),
        (r"[\s,]+for real(?=\W*$)", ""),  # "when is it happening for real": "fr" written out
        # "get yeeted into the ocean": thrown away, in plain words
        (r"\byeet(?:s|ed|ing)?\b", "dumped"),
        # a claim put up for checking: "i heard X, true?", "someone said X, is that right?"
        (rf"[\s,]+(?:{_CHECK_TAIL})\s*(?=\W*$)", ""),
        (rf"^\s*(?:{_HEARSAY})\s*,?\s*(?:that\s+)?(?=\w)", ""),
        (r"^\s*(?:ngl|tbh|lol|lmao|lowkey|yo|bruh|fr)\b[\s,]*(?=\w)", ""),
        (r"\b(?:ngl|tbh|imo|imho|idk|lowkey|highkey|smh|istg)\b,?", ""),  # hedges, anywhere
        # why the question is asked, after it: "…?? tryna do some math", "…? just curious"
        (
            r"(?<=[?!.,])\s*(?:(?:i['’]?m|im|am|just|only)\s+)*(?:(?:tryna|trying\s+to|wanna"
            r"|want\s+to|gonna|going\s+to)\s+)?(?:do|doing|run|running|crunch|crunching"
            r"|work(?:ing)?\s+(?:on|out)|figur(?:e|ing)\s+out)\s+(?:(?:some|the|a|my)\s+)?(?:math|maths"
            r"|numbers|calcs?|calculations?|sums|estimates?|homework|spreadsheet)\b[\s\w,']*$",
            "",
        ),
        (r"(?<=[?!.,])\s*(?:just\s+)?(?:curious|wondering|asking\s+for\s+a\s+friend)\W*$", ""),
        (r"\bppl\b", "people"),
        (r"\bgrub\b", "food"),
        (r"\bstn\b", "station"),
        (r"\brn\b", "now"),
        (r"\btill?\b", "until"),
        # a length typed short ("6mo", "8 mos", "3wk"): a value, never a name
        (r"\b(\d+(?:[.,]\d+)?)\s*(?:mo|mos|mth|mths|mnths?)\b", r"\1 months"),
        (r"\b(\d+(?:[.,]\d+)?)\s*(?:wk|wks)\b", r"\1 weeks"),
        (r"\b(\d+(?:[.,]\d+)?)\s*(?:yr|yrs)\b", r"\1 years"),
        (r"\bpeeps\b", "people"),
        (r"\bwhens\b", "when is"),
        (r"\bw(?:e|h)ns?\b(?='?s?\s)", "when"),
        (r"\bwheres\b", "where is"),
        (r"\bwhos\b", "who is"),
        (r"\bhows\b", "how is"),
        (r"\bwats?\b", "what"),
        (r"\bwut\b", "what"),
        (r"\babt\b", "about"),
        (r"\b(?:bc|cuz|coz|cos)\b", "because"),
        (r"\bgonna\b", "going to"),
        (r"\bwanna\b", "want to"),
        (r"\bgotta\b", "have to"),
        (r"\boutta\b", "out of"),
        (r"\bkinda\b", "kind of"),
        (r"\btmrw\b", "tomorrow"),
        (r"\byr\b", "year"),
        (r"\byrs\b", "years"),
        (r"\bmins?\b", "minutes"),
        (r"\bhrs?\b", "hours"),
        (r"\bb?rr+r\b", ""),  # "goes brrr"
        (r"\b(?:goes|go) (?=\W*(?:,|$))", ""),
        (r"\bspeedr[au]n(?:ning|s)?\b", "fastest"),
        # leaving the station in chat verbs ("ng24 dipped yet?", "when does it bounce",
        # "has crew-11 peaced out", "bailed", "cast off"): the departure, never a dip in a level
        # ("stocks dipped below") or a bounce back
        (rf"\b(?:dipped|bounced|bailed|peaced|cast)(?:\s+(?:out|off))?{_NOT_A_LEVEL}", "left"),
        (
            rf"\b(?:dipping|bouncing|bailing|peacing|casting)(?:\s+(?:out|off))?{_NOT_A_LEVEL}",
            "leaving",
        ),
        (rf"\b(?:dips|bounces|bails|peaces|casts)(?:\s+(?:out|off))?{_NOT_A_LEVEL}", "leaves"),
        (
            r"\b(?:dip|bounce|bail|peace\s+out|cast\s+off)\b(?=\s*(?:yet|already|soon|now|today|tomorrow)?\s*\W*$)",
            "leave",
        ),
        # a verb's "-ing" typed without its g: "flyin again", "comin' back", "leavin"
        (r"\b(fly|go|com|launch|leav|dock|land|happen|return|head|arriv|do)in(?:'|\b)", r"\1ing"),
    )
)


# A question that negates itself ("isn't it 98%?", "did it never dock"): no word of it is a
# claim a recorded sentence can confirm.
# (a contraction typed without its apostrophe is a word of its own: "percent" negates nothing)
NEGATION = phrases(
    r"\b(?:not|never|no|cannot|isnt|arent|wasnt|werent|dont|doesnt|didnt|cant|couldnt|wont"
    r"|wouldnt|hasnt|havent|hadnt|shouldnt|aint)\b|n[’']t\b",
    re.I,
)
# A trailing tag that makes a statement a yes/no question: "dream chaser docking this year or
# nah", "crew-13 launching in october or not?" (SLANG drops the tag; this keeps its meaning).
YES_NO_TAG = _any(
    r"[\s,]+or\s+(?:nah|nope|naw|not|no|what|wat|wut)\s*\W*$",
    r"[\s,]+(?:right|rite|rigth|ryt|yeah|yea|yep|innit|yes or no|y/n)\s*\?+\s*$",
    rf"[\s,]+(?:{_CHECK_TAIL})\s*\W*$",
    rf"^\s*(?:{_HEARSAY})\b",
)


# A limit on a rank a sentence states and a question may not ("the first crewed launch ... since
# the pad was damaged", "the first this year").
RANK_LIMITS = phrases(r"\b(?:since|after|until|so far|yet|this year|in \d{4})\b", re.I)


# Rank words that say the same rank: a sentence's "its final flight" states "the last flight".
RANK_ALIKE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("last", "final"), ("last", "final")),
    **dict.fromkeys(("first", "maiden", "debut"), ("first", "maiden", "debut")),
}


# A yes/no claim of a rank among others ("was X the first crewed launch from the pad", "the
# only russian aboard", "the last flight of ..."): no single field of the record decides it.
CLAIM = phrases(
    r"\b(?:the|[a-z]+'s) (?P<rank>first|only|last|final|earliest|biggest|largest|heaviest"
    r"|longest|fastest)"
    r"(?P<what>(?: [\w'/-]+){1,8})",
    re.I,
)


# Two questions in one message: "who grappled it and where was it berthed" (split before the
# second question word; WH_LEAD reads the word each part starts with).
TWO_ASKS = phrases(
    r"[,;]?\s+and\s+(?=(?:who|where|when|what|which|why|how)\b)(?!how (?:much|many|long)\b)",
    re.I,
)
WH_LEAD = phrases(r"^\W*(who|where|when|what|which|why|how)\b", re.I)


# Chemical formulas and the station's system abbreviations, written out as the words the
# base's texts use, so "iss o2 gen max" reads as oxygen generation (never a flight "O2") and
# "how much h2o does the WRS recover" as water recovery. Grow it from what people type.
ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), r)
    for p, r in (
        (r"\bo2\b", "oxygen"),
        (r"\bh2o\b", "water"),
        (r"\bco2\b", "carbon dioxide"),
        (r"\bn2\b", "nitrogen"),
        (r"\b(?:ogs|oga)\b", "oxygen generation"),
        (r"\b(?:wrs|wpa|upa)\b", "water recovery"),
        (r"\beclss\b", "life support (oxygen and water)"),
        (r"\bgen\b", "generation"),
        (r"\belectroly[sz]er\b", "electrolysis"),
    )
)


def unslang(text: str) -> str:
    """The message with chat spellings and abbreviations written out (see SLANG and
    ABBREVIATIONS); never empty if text was not."""
    out = text
    for pattern, plain in SLANG + ABBREVIATIONS:
        out = pattern.sub(plain, out)
    out = re.sub(r"\s+([,?!.])", r"\1", re.sub(r"\s+", " ", out)).strip(" ,")
    return out if re.search(r"\w", out) else text
