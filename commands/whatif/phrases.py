"""The phrases of the scenario language: the verbs of each edit in every tense people use,
the words around them, and splitting a scenario into one clause per edit."""

from __future__ import annotations

import re

from commands.understand.prefilter import phrases
from commands.understand.vocabulary import ORDINALS
from commands.whatif.lexer import NUMBER
from knowledge.dates import MONTH_NUMBERS

# "… and takes 6 months to fix", "… and comes home": the same subject goes on (no split).
_SAME_SUBJECT = (
    r"(?:it\s+|they\s+)?(?:takes|took|needs|needed|requires|required|would\s+take|will\s+take"
    r"|comes?\s+(?:home|back)|came\s+(?:home|back)|has\s+to|had\s+to|have\s+to|must|stays?"
    r"|stayed|remains?|remained|never\s+(?:resume[sd]?|restart(?:s|ed)?)"
    # "… and repairs take 18 months", "… and the fix would take a year"
    r"|(?:the\s+)?(?:repairs?|fix(?:es)?|rebuild|recovery)\s+(?:takes?|took|lasts?|would\s+take"
    r"|will\s+take|needs?)"
    # "Pad 39A is wrecked and out for half a year": the state goes on, with its length
    r"|(?:is\s+|are\s+)?(?:out|down|closed|offline|grounded|unusable|unavailable)(?=\s+(?:for|until"
    r"|till|through|thru)\b))\b"
)
# ", to March 2027" after a slip's length: where it lands, not a clause of its own
_MONTH_WORD = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_LANDS_ON = (
    r"(?:to|until|till|til|into)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[\s-]*)?"
    rf"(?:(?:{_MONTH_WORD})\b|\d)"
)
UNIT_AHEAD = r"(?:[\s-]*(?:days?|weeks?|months?|years?|quarters?)\b|\s+a\s+half\b)"
SPLIT = re.compile(
    # a cause given for the change is a change of its own: "… because CRS-35 never flew"
    rf"\s*(?:,?\s+(?:because(?:\s+of)?|(?:all\s+)?due\s+to|cos|'?cause)\s+(?=\w)|;|,?\s+and\s+then\s+(?!{_SAME_SUBJECT})|,?\s+and\s+(?!{NUMBER}{UNIT_AHEAD}|a\s+half\b"
    rf"|{_SAME_SUBJECT})"
    rf"|,?\s+plus\s+(?!{NUMBER}{UNIT_AHEAD})|,\s*(?=[a-z])(?!(?:not|instead|rather)\b|{_LANDS_ON})"
    # chat shorthand: "crs35 lost + ms36 lost"
    r"|\s+\+\s+(?=[a-z])"
    # "... 12 lb a day with 7 crew": the crew said alongside is a change of its own
    rf"|\s+with\s+(?=(?:a\s+crew\s+of\s+)?{NUMBER}\s+(?:crew|people|astronauts|aboard)\b))\s*",
    re.I,
)
FLY = (
    r"(?:fl(?:y|ies|ew|own|ying)|launch(?:es|ed|ing)?|happen(?:s|ed)?|go(?:es|ne)?\s+up|went\s+up"
    r"|arrive[sd]?|dock(?:s|ed)?|lift(?:s|ed)?\s+off|make\s+it|made\s+it)"
)
CANCEL = re.compile(
    r"\b(?:(?:is|are|gets|get|got|was|were|had\s+been|has\s+been|have\s+been|been|is\s+being"
    r"|were\s+being)\s+)?(?:cancel(?:l?ed|s|l?ing)?|scrubbed(?:\s+for\s+good)?|called\s+off"
    r"|scrapped|axed|dropped|lost|fail|fails|failed|explodes|exploded|blows\s+up|blew\s+up|blown\s+up"
    r"|destroyed|crash(?:es|ed)|goes\s+boom|went\s+boom|wrecked|totall?ed|smashed|written\s+off)\b"
    r"|\b(?:we\s+|they\s+)?(?:lose|loses|losing|scrub|scrubs|cancel|scrap|axe|drop"
    r"|skip(?:s|ped|ping)?)\b|\b(?:is|are|gets?|got|was|were)\s+skipped\b"
    rf"|\b(?:(?:had|has|have|was|were|is|are|did|does|do|would\s+have)\s+)?(?:not|never)\s+"
    rf"(?:been\s+)?{FLY}\b"
    rf"|\b(?:hadn'?t|hasn'?t|haven'?t|wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t|doesn'?t|don'?t"
    rf"|won'?t|wouldn'?t\s+have)\s+(?:been\s+)?(?:ever\s+)?{FLY}\b"
    r"|\blaunch\s+(?:fails|failed|failure)\b|\bfails?\s+(?:on|at)\s+launch\b"
    r"|\b(?:has|had|have|suffers?|suffered)\s+an?\s+(?:launch\s+)?(?:failure|anomaly|mishap"
    r"|accident)\b",
    re.I,
)
# Where a launcher failed, or with which flight: "on SLC-40", "at Baikonur", "during CRS-35",
# "carrying NG-25".
FAILED_ON = re.compile(
    r"\b(?:on|at|from|over|during|with|carrying|launching)\s+(?P<pad>.+?)"
    r"(?=\s+(?:for|until|till|through|and|in|from|during|with|carrying|launching)\b|\s*[?.!]*$)",
    re.I,
)
# A failure named as a noun: "a Falcon 9 failure", "another Soyuz rocket explosion".
FAILURE_OF = re.compile(
    r"(?P<veh>[\w.'’-]+(?:[\s-]+[\w.'’-]+){0,3}?)\s+(?:launch\s+|rocket\s+)?(?:failure|anomaly"
    r"|explosion|mishap|accident|blow-?up)\b",
    re.I,
)
DELAY = re.compile(
    r"\b(?:slips?|slipped|slipping|slides?|slid|delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?"
    r"\s+(?:back|out|right)|moves?\s+(?:back|right|out)|moved\s+(?:back|right|out)"
    r"|(?:gets|got|get|been)\s+pushed|is\s+pushed|was\s+pushed"
    # "is late", "is 2 months late", "arrives a month late", "launches 6 weeks late", "docks
    # a month later"
    rf"|(?:is|are|was|were|runs?|ran|comes?|came|arrives?|arrived|goes|went|fly|flies|flew"
    r"|launch(?:es|ed)?|lifts?\s+off|lifted\s+off|docks?|docked|berths?|berthed|gets?\s+there"
    rf"|got\s+there)\s+(?:{NUMBER}[\s-]*(?:days?|weeks?|months?|years?)\s+)?later?)\b",
    re.I,
)
ADVANCE = re.compile(
    r"\b(?:moves?\s+up|moved\s+up|advance[sd]?|brought\s+forward|brings?\s+forward"
    r"|pulled\s+(?:in|forward|up)|pulls?\s+(?:in|forward|up)|moves?\s+(?:forward|earlier|left)"
    r"|moved\s+(?:forward|earlier|left)|comes?\s+(?:early|earlier|forward)|flies\s+earlier"
    r"|launch(?:es)?\s+earlier|earlier)\b",
    re.I,
)
# A flight that will not fly before a date: "HTV-X2 doesn't fly until 2028", "NG-25 won't go
# before summer 2027", "no earlier than March" (moved to that date).
NOT_UNTIL = re.compile(
    r"\b(?:(?:does|do|did|will|would|is|are|can|could)\s*(?:n'?t|not)|won'?t|can'?t|cannot"
    r"|isn'?t\s+going\s+to|is\s+not\s+going\s+to|never|not)\s+(?:fly(?:ing)?|launch(?:ing)?"
    r"|go(?:ing)?(?:\s+up)?|happen(?:ing)?|arrive|arriving|dock(?:ing)?|lift(?:ing)?\s+off)"
    r"\s+(?:until|till|til|before|earlier\s+than|ahead\s+of)\b"
    r"|\bnot\s+(?:until|till|before)\b|\bno\s+earlier\s+than\b",
    re.I,
)
MOVE_TO = re.compile(
    r"\b(?:moves?|moved|is\s+moved|flies|launch(?:es)?|is\s+rescheduled|rescheduled"
    r"|goes|slips?|slipped|slides?|slid|delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?|advanced"
    r"|arrives?|arrived|docks?|docked|(?:moves?|moved|brought|pulled|push(?:es|ed)?)\s+(?:up"
    r"|forward|back|out))"
    r"\s+(?:to|on|in|into|until|till)\b",
    re.I,
)
# Where a slip said by its length lands: "slips 2 months to February 2027", "into early 2027".
# What a slip's length counts from: "6 months from its original date", "from december".
SLIP_ORIGINAL = phrases(
    r"\bfrom\s+(?:its|the|their|her)\s+(?:original(?:ly)?|first|initial|old|earlier|first\s+planned)"
    r"\s+(?:(?:planned|scheduled|launch|target)\s+)?(?:date|plan|slot|schedule|target|launch)\b",
    re.I,
)
SLIP_FROM = phrases(r"\bfrom\s+(?:the\s+)?", re.I)
SLIP_TARGET = phrases(r"\b(?:to|until|till|til|into|in\s+to)\s+(?:the\s+)?", re.I)
OUT = (
    r"(?:down|closed|shut|grounded|out(?:\s+of\s+(?:action|service|use|commission))?|offline"
    r"|broken|damaged|destroyed|wrecked|unusable|unavailable|under\s+repair|stood\s+down"
    r"|knocked\s+out|blown\s+up|out\s+of\s+order"
    # slang for broken: "bricked", "trashed", "busted", "toast"
    r"|bricked|trashed|busted|totall?ed|smashed|fried|toast|kaput|hosed|nuked|borked|wiped\s+out"
    # taken out of use for a while: "sidelined", "on hold", "suspended"
    r"|sidelined|benched|on\s+hold|suspended|paused|halted|off\s+the\s+table|shut)"
)
GROUND = re.compile(
    rf"\b(?:(?:had\s+|would\s+have\s+)?(?:stays?|stayed|remains?|remained|been|is|are|was|were|be"
    rf"|gets?|got|goes|went)\s+{OUT}|(?:gets\s+|got\s+|been\s+)?grounded|ground|closes?|closed"
    r"|shut\s+down|stands?\s+down|stood\s+down|down|unavailable|offline|broken|wrecked|damaged"
    r"|destroyed|out\s+of\s+(?:action|service|commission)|(?:can'?t|cannot|can\s+not)\s+"
    r"(?:launch|fly)"
    # what breaks a pad: "SLC-40 blows up", "31/6 breaks again", "the pad collapses"
    r"|breaks?(?:\s+down)?|broke(?:\s+down)?|collapses?|collapsed|blows?\s+up|blew\s+up"
    r"|bricked|trashed|busted|totall?ed|smashed|kaput|goes\s+kaput|out\s+of\s+order"
    r"|sidelined|benched|on\s+hold|suspended|off\s+the\s+table|(?:shuts?|out)(?=\s+(?:for|until|till|thru|through)\b)"
    # "cygnus out 4 mos": out with its length and no verb
    r"|out(?=\s+(?:\w+[\s-]+)?\w+[\s-]*(?:days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)\b)"
    # the same said as a noun: "a 4-month Falcon 9 grounding", "a stand-down of 6 months"
    r"|grounding|stand-?down|shutdown|closure|outage"
    r"|explodes?|exploded|burns?(?:\s+down)?|burned(?:\s+down)?|burnt(?:\s+down)?"
    # a vehicle taken out of service for good: "Cygnus XL gets retired (early)", "is phased out"
    r"|(?:gets?\s+|got\s+|is\s+|was\s+|been\s+)?(?:retire[sd]?|mothballed|phased\s+out"
    r"|decommissioned|withdrawn(?:\s+from\s+service)?|taken\s+out\s+of\s+service))\b",
    re.I,
)
# "zero cargo", "not a single flight", "not one ship": the same as "no" (read as "no").
NONE_OF = re.compile(
    r"\b(?:zero|not\s+(?:a\s+single|one\s+single|one|any))\s+(?=(?:[\w.'’-]+\s+){0,2}?"
    r"(?:cargo|resupply|supply|supplies|deliver(?:y|ies)|flights?|launch(?:es)?|ships?|missions?"
    rf"|vehicles?|runs?)\b|[\w.'’-]+(?:\s+[\w.'’-]+)?\s+{FLY}\b)",
    re.I,
)
# A flight's load changed ("CRS-35 arrives with 1000 kg less food", "the next cargo flight only
# delivers half its cargo", "the station is short 2 tonnes of cargo"): not a change the model
# makes, named as such.
_MASS = r"\d[\d,.]*\s*(?:kg|kilo(?:gram)?s?|tons?|tonnes?|t|lbs?|pounds?)"
LOAD_CHANGE = re.compile(
    rf"\b{_MASS}\s+(?:less|fewer|short|lighter|under)\b"
    rf"|\bshort\s+(?:of\s+|by\s+)?(?:{_MASS}|half)"
    r"|\b(?:deliver\w*|brings?|carr(?:y|ies)|arrives?\s+with|flies\s+with)\s+(?:only\s+)?"
    r"(?:half|a\s+(?:third|quarter)|\d+\s*%)\b"
    r"|\b(?:half|partial|reduced|lighter|smaller|light)\s+(?:a\s+)?(?:load|cargo\s+load|manifest)\b",
    re.I,
)
# How full the station starts ("starting from a full station", "with the station fully
# stocked"): the model always starts from the stock estimated for its stock date.
STOCK_START = re.compile(
    r"[,;]?\s*\b(?:(?:starting|beginning|start)(?:\s+out)?\s+)?(?:from|with)\s+(?:a\s+|an\s+"
    r"|the\s+)?(?:(?:completely\s+|totally\s+)?full(?:y\s+(?:stocked|loaded|supplied))?"
    r"|topped[\s-]up|(?:half[\s-])?empty|well[\s-]stocked|fresh)\s+(?:station|iss|stock|stocks"
    r"|stores|supplies|pantry|shelves|larder|start)\b"
    r"|[,;]?\s*\b(?:with|and)\s+(?:the\s+)?(?:station|iss)\s+(?:starting\s+(?:out\s+)?)?"
    r"(?:fully\s+stocked|full|topped\s+up|empty|well[\s-]stocked)\b",
    re.I,
)
# Words that colour a change without changing it ("every cargo flight just stopped", "is
# suddenly grounded"): dropped before a scenario is read.
# A window said as "between A and B" (months, seasons or years): read as "from A to B", so the
# "and" never splits it into two clauses and both ends are read.
_WHEN = (
    r"(?:(?:early|mid|late|the\s+(?:start|end)\s+of)[-\s]+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?:\s+(?:\d{4}|'\d\d))?"
    r"|(?:spring|summer|autumn|fall|winter)(?:\s+\d{4})?|\d{4}|q[1-4](?:\s+\d{4})?)"
)
BETWEEN = re.compile(rf"\bbetween\s+({_WHEN})\s+and\s+({_WHEN})\b", re.I)
# "from february to may 2027": the start is read with the end's year.
FROM_TO = re.compile(rf"\bfrom\s+({_WHEN})\s+(?:to|until|till|through|thru)\s+({_WHEN})\b", re.I)
HEDGES = re.compile(
    r"\b(?:just|simply|suddenly|abruptly|unexpectedly|completely|entirely|totally|basically"
    r"|somehow|all\s+of\s+a\s+sudden|out\s+of\s+nowhere)\s+(?=\w)",
    re.I,
)
# Past forms: the pad's closure counts from its recorded damage.
PAST = re.compile(
    r"\b(?:stay|stays|stayed|remain|remains|remained|had|was|were|been|would\s+have)\b", re.I
)
AGAIN = re.compile(
    r"\b(?:again|once\s+more|a\s+second\s+time|(?:like|as)\s+(?:the\s+)?last\s+time"
    r"|(?:like|as)\s+(?:it\s+did\s+)?before)\b",
    re.I,
)
EXTRA = re.compile(r"\b(?:another|an\s+extra|extra|more|longer|further|additional)\b", re.I)
OPEN_ENDED = re.compile(
    r"\b(?:indefinitely|forever|for\s+good|permanently|for\s+the\s+foreseeable\s+future"
    r"|until\s+further\s+notice|for\s+ever|(?:and\s+)?never\s+(?:resume[sd]?|restart(?:s|ed)?)"
    # out of service for good: a retirement has no end date
    r"|retire[sd]?|mothballed|phased\s+out|decommissioned|withdrawn|taken\s+out\s+of\s+service)\b",
    re.I,
)
# "like 31/6 did", "as the Site 31/6 pad was", "like crew 11" (a bare "like" needs no verb).
# A pad's own recorded outage said by its year: "wrecked again like in 2025", "as back in
# 2025" (the year is checked against the record's).
LIKE_YEAR = phrases(
    r"\b(?:just\s+)?(?:like|as)\s+(?:it\s+(?:was|did)\s+)?(?:back\s+)?in\s+"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
LIKE = re.compile(
    rf"\blike\s+(?!(?:the\s+)?last\s+time\b|before\b|it\s+did\b|{NUMBER}{UNIT_AHEAD}"
    r"|(?:it\s+(?:was|did)\s+)?(?:back\s+)?in\s+(?:19|20)\d\d\b)"
    r"(?:the\s+)?(?P<pad>.+?)"
    r"(?:\s+(?:did|was|had|got|has|were|went)\b"
    r"|(?=\s+(?:for|until|till|in|from|on)\b)|\s*[?.!]*$)"
    r"|\bas\s+(?:the\s+)?(?P<pad2>.+?)\s+(?:did|was|had|got|has)\b",
    re.I,
)
# A comparison with another flight said beside a change ("NG-25 is scrapped the way NG-22
# was", "CRS-35 gets cancelled, just like NG-23 did"): an aside, never a change of its own
# (the parser keeps it only when it names a flight; a pad's "like 31/6 did" is `LIKE`).
COMPARED = phrases(
    r"\s*[,(—–-]?\s*(?:just\s+|exactly\s+|much\s+)?(?:the\s+(?:same\s+)?way(?:\s+that)?|like"
    r"|(?:the\s+)?same\s+as|just\s+as|as(?!\s+(?:soon|long|much|many|well|early|late|far|if|of)\b))\s+(?:the\s+)?(?P<name>[\w/.-]+(?:\s+[\w/.-]+){0,3}?)"
    r"(?:\s+(?:did|was|were|had|got|has|went)\b(?:\s+(?:before|last\s+year|in\s+(?:19|20)\d\d))?"
    r"\)?|(?=\s*[?.!]*\s*$))",
    re.I,
)
# What a move verb with no subject is followed by when it names no flight of its own: a
# length or a date ("slipped 2 months", "slid to December"), not "delays MS-36 by 2 months".
_MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
AFTER_MOVE = phrases(
    r"\s*(?:(?:by|to|until|till|til|into|another|a\s+further|back|out|again|right)\s+)*"
    rf"(?:{NUMBER}|(?:early|mid|late|next)\b|(?:{_MONTHS})\b|\s*[,.;?!]*\s*$)",
    re.I,
)
# A flight said not to have flown on its date ("CRS-35 hadn't launched in October", "didn't
# fly in March"): with a slip of it in the next clause, the same news as the slip.
NOT_FLOWN = phrases(
    rf"\b(?:hadn'?t|had\s+not|didn'?t|did\s+not|wasn'?t|was\s+not|never)\s+(?:been\s+)?{FLY}\b",
    re.I,
)
ADD = re.compile(
    r"^(?:(?:we\s+)?(?:add(?:ing)?|launch|fly|send)\s+(?:(?P<n>an?|one|another|\d+|two|three)\s+)?"
    r"(?:extra\s+|more\s+|additional\s+)?|an?\s+(?:extra\s+|additional\s+|new\s+)?|another\s+"
    r"|one\s+more\s+|extra\s+)(?P<veh>.+?)(?:\s+cargo)?(?:\s+(?:flights?|missions?|launch(?:es)?))?"
    r"(?:\s+(?:flies|launches|flew|arrives|docks|is\s+added|goes\s+up))?"
    r"\s+(?P<prep>on|in|by|at|around|for)\s+(?P<when>.+)$",
    re.I,
)
CREW_WORDS = r"(?:crew(?:\s*members?)?|crewmembers?|people|persons?|astronauts?|cosmonauts?)"
CREW_ADD = re.compile(
    rf"\b(?:add(?:ing)?|one\s+more|an?\s+(?:extra|additional)|another|extra|additional"
    rf"|(?P<plus>\+))\s*(?P<n>{NUMBER}\s+)?"
    rf"(?:more\s+|extra\s+)?{CREW_WORDS}\b",
    re.I,
)
# "an 8th person stays", "a ninth astronaut joins": one more aboard, said by its place in line.
# People added with a number before "more"/"extra": "a visit adds 2 more people", "a private
# mission brings 4 extra", "3 additional astronauts"; `verb` marks the bare "4 extra".
CREW_MORE = re.compile(
    rf"(?:\b(?P<verb>adds?|added|adding|brings?|brought|bringing|carries|carried|fl(?:y|ies|ew)"
    rf"\s+up|sends?\s+up|sent\s+up)\s+(?:up\s+)?)?(?<![\w-])(?P<n>{NUMBER})\s+"
    rf"(?:more|extra|additional)(?P<who>\s+(?:visiting\s+|private\s+)?{CREW_WORDS}|\s+visitors?"
    rf"|\s+(?:aboard|on\s+board))?\b",
    re.I,
)
# The crew said as a total alongside a change ("adds 2 more people, 9 total"): a check.
CREW_TOTAL = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:{CREW_WORDS}\s+)?(?:(?:in\s+)?total|altogether|all\s+told"
    rf"|(?:aboard|on\s+board)\s+in\s+total)\b"
    rf"|\b(?:(?:for\s+)?a\s+total\s+of|total(?:ling)?|making(?:\s+it)?|bringing\s+it\s+to"
    rf"|that'?s)\s+(?P<n2>{NUMBER})(?:\s+(?:{CREW_WORDS}|aboard|on\s+board))?\b",
    re.I,
)
CREW_NTH = re.compile(
    rf"\b(?:an?|the|one)\s+(?P<n>\d+\s*(?:st|nd|rd|th)|{'|'.join(ORDINALS)})\s+"
    rf"(?:extra\s+|more\s+|additional\s+)?{CREW_WORDS}\b",
    re.I,
)
CREW_REMOVE = re.compile(
    rf"\b(?:remove|lose|minus|drop|one\s+less|one\s+fewer|fewer|send\s+home)\s+(?P<n>{NUMBER}\s+)?"
    rf"(?:less\s+|fewer\s+)?{CREW_WORDS}\b",
    re.I,
)
CREW_GOES = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:more\s+|extra\s+)?{CREW_WORDS}\s+(?P<dir>leaves?|go(?:es)?\s+home"
    r"|departs?|returns?|comes?\s+(?:aboard|up)|arrives?|joins?)\b",
    re.I,
)
CREW_BY = re.compile(
    rf"\bcrew\b(?:\s+(?:size|count))?\s+(?P<dir>grows|rises|goes\s+up|increases|is\s+increased"
    rf"|drops|falls|goes\s+down|shrinks|decreases|is\s+(?:cut|reduced))\s+by\s+(?P<n>{NUMBER})",
    re.I,
)
_CREW_NOUN = r"\bcrew\b(?:\s+(?:size|count|complement|number))?"
_CREW_VERB = (
    r"(?:is|was|were|had\s+been|has\s+been|becomes|became|stays|stayed|remains|remained"
    r"|(?:(?:is|are|was|were|gets|get|got|has\s+been|had\s+been)\s+)?(?:cut|reduced|increased"
    r"|raised|trimmed|lowered|changed|bumped|expanded)"
    r"|drops|dropped|falls|fell|goes|went|rises|rose|grows|grew|shrinks|shrank|changes"
    r"|comes|came)(?:\s+(?:up|down|back))?"
)
# "a crew of 4", "the crew drops from 7 to 4", "crew is cut to 4", "4 people aboard", "a
# 5-person crew" ("a crew" alone is no size).
CREW_SET = re.compile(
    rf"{_CREW_NOUN}(?:\s+{_CREW_VERB})?"
    rf"(?:\s+(?:down\s+|up\s+)?from\s+{NUMBER}(?:\s+{CREW_WORDS})?)?"
    rf"(?:\s+(?:(?:up|down)\s+)?(?:to|of|at|is)\b|\s*[=:])?\s*(?:only\s+|just\s+|a\s+mere\s+)?"
    rf"(?<![\w-])(?P<n>{NUMBER})(?![\w-])"
    rf"|(?<![\w-])(?!(?:an?|another)\s+{CREW_WORDS})(?P<n2>{NUMBER})\s+"
    rf"(?:{CREW_WORDS}|aboard|on\s+board)\b"
    rf"|\b(?:a\s+)?(?P<n3>{NUMBER})[\s-]+(?:person|people|member|man|woman)\s+crew\b",
    re.I,
)
# How long a crew size lasts: "for 2 weeks", "for the next six months" (the length follows).
CREW_FOR = re.compile(
    r"\b(?:for|over|(?:stays?|stayed|remains?|remained|lasting)(?:\s+(?:on|aboard|up\s+there))?"
    r"(?:\s+for)?)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?",
    re.I,
)
# The size it changes from, said alongside: "instead of 7", "down from 7", "rather than 7
# people", "(not 7)".
CREW_WAS = re.compile(
    rf"\b(?:instead\s+of|rather\s+than|not|versus|vs\.?|(?:down|up)\s+from|compared\s+"
    rf"(?:to|with)|from)\s+(?:the\s+(?:usual|normal|current|planned|nominal)\s+)?"
    rf"(?P<n>{NUMBER})(?=\s*(?:{CREW_WORDS}\b|aboard\b|on\s+board\b|(?:down\s+|up\s+)?to\b|[,;)]|$))",
    re.I,
)
# A crew leaving before it was due: "has to bail early", "comes home 2 months early", "is
# evacuated", "cuts its stay short". `early` marks the leaving as early; the verbs in `cut`
# say it by themselves.
LEAVE = re.compile(
    r"\b(?:(?:has|have|had|would\s+have|were|was|is|are|gets?|got)\s+to\s+|must\s+|needs?\s+to\s+"
    r"|(?:is|are|was|were)\s+forced\s+to\s+)?"
    r"(?:(?P<cut>bails?(?:\s+out)?|bailed(?:\s+out)?|(?:is|are|was|were|gets?|got|had\s+been)\s+"
    r"(?:evacuated|medevaced|sent\s+home|cut\s+short|brought\s+home)|evacuates?|evacuated"
    r"|medevacs?|cuts?\s+(?:its|their|the)\s+(?:mission|stay|expedition)\s+short|abandons?"
    r"|abandoned|(?:has|had|have|suffers?|suffered)\s+an?\s+(?:medical\s+)?(?:emergency"
    r"|medical\s+(?:problem|issue|evacuation))|(?:gets?|got|falls?|fell)\s+(?:sick|ill))"
    r"|leaves?|left|comes?\s+(?:home|back|down)|came\s+(?:home|back|down)|returns?(?:\s+home)?"
    r"|returned(?:\s+home)?|go(?:es)?\s+home|went\s+home|heads?\s+home|headed\s+home"
    r"|departs?|departed|undocks?|undocked|splash(?:es)?\s+down|splashed\s+down|ends?|ended)"
    rf"(?P<early>(?:\s+(?:{NUMBER}[\s-]*(?:days?|weeks?|months?)\s+)?(?:early|earlier(?:\s+than"
    r"\s+(?:planned|scheduled|due))?|ahead\s+of\s+(?:schedule|time)|prematurely|too\s+soon)))?\b",
    re.I,
)
# A crew staying past (or short of) its modelled departure: "stays 3 months longer", "is
# extended by 2 months", "stays an extra month", "gets a 6-week extension", "stays 2 months
# less". `n` is the length; `less` marks a shorter stay.
STAY_CHANGE = phrases(
    r"\b(?:(?:'s|’s|their|its)\s+(?:stay|mission|expedition|increment)\s+(?:is|gets|was)\s+"
    r"(?:extended|lengthened|prolonged)|(?:is|are|was|were|gets?|got)\s+(?:extended|kept(?:\s+on)?"
    r"|held\s+over)|extended|extends?\s+(?:its|their|the)\s+(?:stay|mission|expedition)|stays?(?:\s+on)?"
    r"|stayed(?:\s+on)?|remains?(?:\s+aboard)?|remained(?:\s+aboard)?|(?:gets?|got)\s+an?)"
    r"\s+(?:(?:by|for)\s+)?(?:an?\s+)?(?:(?:extra|additional|more)\s+)?"
    rf"(?P<n>(?:(?:{NUMBER}|a|an|one)[\s-]*)?(?:(?:extra|additional|more)\s+)?"
    r"(?:days?|weeks?|months?|years?))"
    r"(?:\s+(?:(?P<more>longer|more|extra|extension|over(?:\s+time)?|past\s+(?:the\s+)?plan(?:ned)?)"
    r"|(?P<less>shorter|less|fewer|early|earlier)))?\b",
    re.I,
)
# Something happening to the station itself, not to its supplies or crew: "the iss is
# deorbited early", "the us segment loses power", "a debris strike", "an air leak".
STATION_EVENT = phrases(
    r"\b(?:de-?orbit(?:s|ed|ing)?|re-?enters?|(?:us|u\.s\.|american|russian|orbital)\s+segment"
    r"|(?:loses?|lost|losing)\s+(?:all\s+)?power|power\s+(?:failure|loss|outage|cut)|blackout"
    r"|(?:debris|meteoroid|micrometeoroid|space\s+junk)\s+(?:strike|hit|impact|collision)"
    r"|(?:hit|struck|holed)\s+by\s+(?:a\s+)?(?:piece\s+of\s+)?(?:debris|(?:micro)?meteoroid"
    r"|space\s+junk)|(?:air|ammonia|coolant|cabin|pressure)\s+leak|springs?\s+a\s+leak"
    r"|depressuri[sz](?:es?|ed|ation)|(?:a\s+)?fire\s+(?:on|aboard|breaks\s+out)"
    r"|(?:module|truss|solar\s+(?:array|panel)s?)\s+(?:fails?|failed|is\s+lost|breaks?))",
    re.I,
)
# Who leaves: "crew 13", "the crew-13 crew", "soyuz ms-29's crew", "the crew of MS-29".
CREW_OF = re.compile(
    r"^(?:the\s+)?(?:(?:crew|astronauts|cosmonauts|people|someone|somebody|an?\s+(?:astronaut"
    r"|cosmonaut|crew\s*member|member))\s+(?:of|on|from|aboard|in)\s+(?:the\s+)?(?P<a>.+)"
    r"|one\s+of\s+(?:the\s+)?(?P<c>.+?)(?:\s+(?:crew|astronauts|cosmonauts))?"
    r"|(?P<b>.+?)(?:'s|’s)?\s+(?:crew|astronauts|cosmonauts|people|team|folks|guys|crewmates"
    r"|members)(?:\s+members?)?)$",
    re.I,
)
WHOLE_CREW = re.compile(
    r"^(?:the\s+)?(?:(?:whole|entire|full)\s+crew|crew|everyone|everybody|all\s+(?:the\s+)?crew"
    r"|the\s+station|station|iss|the\s+iss)$",
    re.I,
)
_BOOST = r"(?:re-?boost(?:s|ed|ing)?|boost(?:s|ed|ing)?)"
# Nobody raising the orbit: "nobody reboosts the station", "no more reboosts", "reboosts
# stop", "we stop boosting the ISS", "the station isn't reboosted", "without reboosts".
NO_REBOOST = re.compile(
    rf"\b(?:nobody|no\s*-?\s*one|none\s+of\s+them|no\s+vehicle|no\s+ship)\s+(?:ever\s+)?"
    rf"(?:{_BOOST}|raises?\s+(?:the\s+)?(?:station'?s\s+)?orbit)"
    rf"|\bno\s+(?:more\s+|further\s+|other\s+)?(?:re-?boosts?|reboosting|orbit\s+raising)"
    rf"|\b(?:re-?boosts?|reboosting|orbit\s+raising)\s+(?:stops?|stopped|ends?|ended|cease[sd]?"
    rf"|halts?|halted|(?:is|are|gets?|get)\s+(?:stopped|cancell?ed|halted|suspended))"
    rf"|\b(?:stops?|stopped|quits?|cease[sd]?|no\s+longer)\s+(?:being\s+|getting\s+)?{_BOOST}"
    rf"|\b(?:stops?|stopped|quits?)\s+raising\s+(?:the\s+)?(?:station'?s\s+)?orbit"
    rf"|\b(?:is|are|was|isn'?t|aren'?t|is\s+not|never\s+gets?|doesn'?t\s+get|is\s+no\s+longer"
    rf"|can'?t\s+be|cannot\s+be)\s+(?:re-?boosted|boosted)"
    rf"|\bwithout\s+(?:any\s+)?(?:more\s+)?(?:re-?boosts?|reboosting)\b",
    re.I,
)
# "water recovery drops to 94%", "... from 98% to 94%" (`was`: the rate it changes from).
RECOVERY = re.compile(
    rf"\b(?:water\s+)?(?:recovery|recycl\w*|processor)(?:\s+rate)?\b.*?"
    rf"(?:\bfrom\s+(?P<was>{NUMBER})\s*(?:%|percent|per\s*cent)?\s+(?:back\s+)?(?:to|down\s+to"
    rf"|up\s+to)\s+)?"
    rf"(?P<by>\bby\s+)?"
    rf"(?P<v>{NUMBER})\s*(?:%|percent|per\s*cent|points?)(?:\s+(?:water\s+)?(?:recovery|recycling))?",
    re.I,
)
RECOVERY_FAILS = re.compile(
    r"\b(?:water\s+(?:recovery|recycl\w*|processor)|wrs|urine\s+processor|water\s+recycler)"
    r"(?:\s+system)?\s+(?:fails|failed|breaks(?:\s+down)?|broke(?:\s+down)?|stops|stopped|dies"
    r"|died|quits|(?:is|goes|went|stays|are)\s+(?:down|broken|lost|offline|out(?:\s+of\s+action)?)"
    r"|goes\s+down|shuts\s+down)\b",
    re.I,
)
# How long a rate change or a failure lasts: "for 2 months", "for the next six weeks".
RATE_FOR = re.compile(r"\b(?:for|over)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?", re.I)
_RES = r"(?P<res>food|meals?|water|oxygen|o2|air|propellant|fuel)"
_SHARE = (
    rf"(?:{NUMBER}\s*(?:%|percent|per\s*cent)|an?\s+(?:quarter|third|fifth|tenth|half)|half"
    r"|one\s+(?:quarter|third|fifth|tenth))"
)
_EATS = (
    r"(?P<verb>eat(?:s|ing)?|ate|drink(?:s|ing)?|drank|breath(?:e|es|ing)|us(?:e|es|ed|ing)"
    r"|consum(?:e|es|ed|ing)|burn(?:s|ed|ing)?|go(?:es)?\s+through|need(?:s)?)"
)
# How much of a resource the crew uses, changed by a share: "everyone eats 20% more food", "the
# crew drinks a quarter more water", "they use 10% less oxygen", "eat twice as much",
# "food consumption rises by 30%", "water use is up a quarter", "oxygen use doubles".
USE_CHANGE = re.compile(
    rf"\b{_EATS}\s+(?:(?P<share>{_SHARE})\s+(?P<dir>more|less|fewer)"
    rf"|(?P<times>twice|double|three\s+times|triple|half)\s+(?:as\s+much|the)"
    rf"|(?P<times2>double|triple)\s+(?:their|its|the|as\s+much)?)"
    rf"(?:\s+(?:of\s+)?(?:the\s+|their\s+|its\s+)?{_RES}\b)?"
    rf"|\b(?P<res2>food|water|oxygen|o2|air|propellant|fuel)\s+(?:use|usage|consumption|intake"
    r"|needs?|demand|burn)\s+(?:(?P<up>goes\s+up|rises|rose|increases|increased|jumps|grows"
    r"|climbs|is\s+up|up|(?:is\s+)?raised)|(?P<down>goes\s+down|drops|dropped|falls|fell"
    r"|decreases|decreased|shrinks|is\s+down|down|(?:is\s+)?cut|(?:is\s+)?reduced))"
    rf"\s+(?:by\s+)?(?P<share2>{_SHARE})"
    # "food consumption is 20% higher", "water use runs a third above normal"
    r"|\b(?P<res4>food|water|oxygen|o2|air|propellant|fuel)\s+(?:use|usage|consumption|intake"
    r"|needs?|demand|burn)\s+(?:is|are|runs?|goes|would\s+be|will\s+be|gets)\s+"
    rf"(?P<share4>{_SHARE})\s+(?P<dir4>higher|lower|more|less|above|below|over|under)\b"
    r"(?:\s+(?:normal|usual|planned|nominal|today'?s))?"
    r"|\b(?P<res3>food|water|oxygen|o2|air|propellant|fuel)\s+(?:use|usage|consumption|intake"
    r"|needs?|demand|burn)\s+(?P<times3>doubles|is\s+doubled|halves|is\s+halved|triples"
    r"|is\s+tripled)\b",
    re.I,
)
SHARE_WORDS = {"quarter": 0.25, "third": 1 / 3, "fifth": 0.2, "tenth": 0.1, "half": 0.5}
# The resource a verb of use means when none is named: "eats 20% more".
VERB_RESOURCE = {"eat": "food", "ate": "food", "dri": "water", "dra": "water", "bre": "oxygen"}
RESOURCE_WORDS = {
    "food": "food", "meal": "food", "meals": "food", "water": "water", "oxygen": "oxygen",
    "o2": "oxygen", "air": "oxygen", "propellant": "propellant", "fuel": "propellant",
}  # fmt: skip
PROPELLANT = re.compile(
    r"\b(?:propellant|fuel)\s+(?:use|usage|consumption|burn|need)\b(?P<rest>.*)$", re.I
)
OXYGEN = re.compile(
    r"\b(?:oxygen\s+generat\w*|ogs|elektron|oxygen\s+generator|oxygen\s+production)\b"
    rf".*?(?:(?P<v>{NUMBER})\s*(?P<u>kg|kilo(?:gram)?s?|lbs?|pounds?)\b|(?P<off>fails|failed|stops|stopped|broken|breaks|broke|down|off|dies|died"
    r"|is\s+lost))",
    re.I,
)
GAP = re.compile(
    r"\bno\s+(?:more\s+|new\s+)?(?P<what>(?:[\w.]+\s+){0,2}?(?:cargo|resupply|supply|supplies"
    r"|deliver(?:y|ies)|flights?|launch(?:es)?|ships?|missions?|vehicles?)(?:\s+(?:flights?|ships?|missions?"
    r"|launch(?:es)?|runs?|deliveries))?)(?:\s+at\s+all)?\b"
    r"|\b(?:all\s+)?(?P<what2>(?:[\w.]+\s+)?(?:cargo|resupply|supply|supplies|deliveries"
    r"|shipments)(?:\s+(?:flights?|runs?|missions?|launch(?:es)?|deliveries))?)\s+(?:(?:stops?"
    r"|stopped|halts?|halted|ceases?|ceased)(?:\s+(?:coming|arriving|flowing))?"
    r"|pauses?|ends?|ended|dr(?:y|ies|ied)\s+up|(?:is|are|gets?|get)\s+(?:suspended|halted|paused|stopped|grounded|cut\s+off))\b"
    # "russia stops sending progress", "nasa stops launching cargo"
    # "northrop grumman stops cygnus flights": the flights named without a verb
    r"|\b(?P<stop>stops?|stopped|halts?|halted|ceases?|quits?|pulls?\s+out|pulled\s+out|withdraws?"
    r"|withdrew|exits?|exited)\s+(?:(?P<leave>(?:of\s+|from\s+)?(?:the\s+)?(?:iss|station"
    r"|program(?:me)?|partnership))\b|(?P<verb>sending|flying"
    r"|launching|supplying|resupplying|resupply|delivering)(?:\s+(?:to\s+)?(?:the\s+)?(?:iss"
    r"|station))?|(?=(?:its\s+|their\s+|all\s+)?(?:[\w.-]+\s+){0,2}(?:flights|launches|missions"
    r"|deliveries|cargo\s+runs)\b))"
    r"(?:\s*(?P<what3>(?!(?:for|until|till|through|thru|from|in|on|after)\b)(?:[\w.-]+\s+){0,2}?"
    r"[\w.-]+?))?"
    r"(?=\s+(?:for|until|till|through|thru|from|after|in|starting)\b|\s*$)"
    # "(literally) nothing launches to the iss", "nobody flies anything up": no flights at all
    r"|\b(?P<none>(?:(?:literally|absolutely|just)\s+)?(?:nothing|nobody|no\s*one)\s+"
    r"(?:\w+\s+)?(?:launch(?:es|ed)?|fl(?:y|ies|ew)|goes\s+up|went\s+up|gets?\s+(?:launched|up"
    r"|there)|gets?(?=\s+(?:up\s+)?(?:to|at)\s+the\s+(?:iss|station))|arrives?|docks?"
    r"|shows?\s+up|comes?(?=\s+(?:up\s+)?(?:to|at)\s+the\s+(?:iss|station))|reach(?:es)?)(?:\s+(?:anything|at\s+all))?(?:\s+(?:up\s+)?(?:to|at)"
    r"\s+the\s+(?:iss|station)|\s+up)?)",
    re.I,
)
# A vehicle family named after "no", with a length or an end after it: "there's no Progress for
# a year", "no more dragons until June" (the parser keeps it only when it names a vehicle).
NO_VEHICLE = re.compile(
    r"\bno\s+(?:more\s+|new\s+|further\s+)?(?P<veh>[\w.'’-]+(?:\s+[\w.'’-]+)??)"
    rf"(?:\s+(?:ever\s+)?(?:{FLY}|shows?\s+up|showed\s+up|gets?\s+there|comes?|came))?"
    r"(?=\s+(?:for|until|till|through|thru|from|before|in)\b|\s*[?.!]*$)",
    re.I,
)
GAP_WORDS = frozenset(
    "cargo resupply supply supplies deliveries flights flight launches ships missions vehicles "
    "runs run at all any more new".split()
)
COUNTRIES = {
    "russia": "russia",
    "russian": "russia",
    "russia's": "russia",
    "roscosmos": "russia",
    "american": "united states",
    "us": "united states",
    "u.s.": "united states",
    "u.s": "united states",
    "nasa": "united states",
    "usa": "united states",
    "japanese": "japan",
    "jaxa": "japan",
    "japan": "japan",
    "america": "united states",
    "united states": "united states",
    "the states": "united states",
}
ADJECTIVES = {"russia": "Russian", "united states": "US", "japan": "Japanese"}
GENERIC_PAD = re.compile(r"(?:the\s+|that\s+|our\s+)?(?:launch\s*)?(?:pad|site)", re.I)
# "the baikonur pad", "russia's launch pad", "the pad at baikonur": a place's or a country's pad.
PAD_OF = re.compile(
    r"(?:the\s+|that\s+|our\s+)?(?P<what>[\w.'’-]+?)(?:'s|’s)?\s+(?:launch\s*)?(?:pad|site)"
    r"|(?:the\s+)?(?:launch\s*)?(?:pad|site)\s+(?:at|in|of)\s+(?P<what2>.+)",
    re.I,
)
# "site 31 at baikonur": a pad's name, then where it is.
PAD_AT = re.compile(r"(?P<pad>.+?)\s+(?:at|in|on)\s+(?:the\s+)?(?P<place>[\w\s.'’-]+)", re.I)
# A change that starts once a named flight has flown: "grounded after NG-24", "stops flying
# after CRS-35", "from after MS-29 on".
AFTER_FLIGHT = re.compile(
    r"\b(?:(?:from|starting|beginning)\s+)?(?:right\s+|just\s+)?after\s+(?:the\s+)?(?P<flight>.+?)"
    r"(?:\s+(?:flies|launches|docks|arrives|is\s+done))?(?:\s+on)?"
    r"(?=\s+(?:for|until|till|through|thru|and|with|from)\b|\s*[?.!,;]*$)",
    re.I,
)
FROM = re.compile(
    r"\b(?:from|since|starting(?:\s+(?:from|in|on))?|beginning|as\s+of|after|on|in)\b\s+", re.I
)
UNTIL = re.compile(r"\b(?:until|till|til|through|thru|to|up\s+to)\s+", re.I)
COUNTED = re.compile(
    rf"^(?:the\s+|our\s+)?(?:next\s+)?(?P<n>{NUMBER})\s+(?:next\s+|more\s+)?(?P<what>(?P<veh>.+?)"
    r"(?:\s+(?:cargo\s+|crew\s+)?(?:flights?|missions?|ships?|launch(?:es)?))?)"
    # "two dragons in a row": the next ones, one after another
    r"(?:\s+(?:in\s+a\s+row|back[\s-]+(?:to[\s-]+)?back|in\s+succession|consecutively))?$",
    re.I,
)
# Flights named by their kind rather than their vehicle: "the next three resupply missions",
# "the next two cargo flights", "the next russian cargo ship", "the next crew flight".
_FLIGHT_NOUN = (
    r"(?:flights?|missions?|launch(?:es)?|ships?|runs?|vehicles?|deliver(?:y|ies)|rotations?)"
)
GENERIC_FLIGHTS = re.compile(
    rf"(?:(?P<country>{'|'.join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))})"
    rf"\s+)?(?:(?P<kind>cargo|resupply|supply|crew(?:ed)?)"
    rf"(?:\s+(?P<noun>{_FLIGHT_NOUN}))?|(?P<noun2>{_FLIGHT_NOUN}))",
    re.I,
)
GENERIC_KINDS = {
    "cargo": ("cargo-spacecraft", "spaceplane"),
    "crew": ("crew-spacecraft",),
    "": ("cargo-spacecraft", "spaceplane", "crew-spacecraft"),
}
NEXT = re.compile(
    r"^(?:the\s+|our\s+|a\s+|an\s+)?(?:(?P<next>next|upcoming|coming|following|first\s+upcoming)"
    r"\s+)?(?P<veh>.+?)(?:\s+(?:flight|mission|launch|ship|one|cargo\s+flight|crew\s+flight))?$",
    re.I,
)
SUBJECT_FILLER = re.compile(
    r"\b(?:if|is|are|was|were|had|has|have|been|gets|got|would|will|does|did|to|by|be|should"
    r"|both|either|all|also|too|we|they|nasa|roscosmos|spacex|then|happens|just|somehow|really"
    r"|on\s+launch|at\s+launch|on\s+the\s+pad|the\s+iss|the\s+station|iss)\b",
    re.I,
)


# An aside naming both kinds of a family already named whole ("the Dragon fleet grounded,
# cargo and crew"): filler, dropped before splitting.
BOTH_KINDS = re.compile(
    r"[,(—–-]\s*(?:both\s+)?(?:the\s+)?(?:cargo|crew)(?:\s+ones)?\s*(?:and|&|\+|/|as\s+well\s+as)\s*"
    r"(?:the\s+)?(?:cargo|crew)(?:\s+(?:ones|versions|variants|alike))?\s*\)?(?=\s*(?:[,;.?!]|$))",
    re.I,
)


def clauses(text: str) -> list[str]:
    """One clause per edit ("both"/"either" before a list dropped)."""
    out = [c.strip(" ,;") for c in SPLIT.split(text) if c and c.strip(" ,;")]
    return [re.sub(r"^(?:both|either)\s+", "", c, flags=re.I) for c in out]


def predicate(c: str) -> str | None:
    """The clause from its verb on ("are cancelled", "slip 2 months"), or None without one."""
    starts = [m.start() for r in (CANCEL, DELAY, ADVANCE, MOVE_TO, GROUND) if (m := r.search(c))]
    stop = GAP.search(c)  # "russia stops sending cargo": "stops sending cargo"
    if stop is not None and stop["stop"] is not None:
        starts.append(stop.start("stop"))
    return c[min(starts) :] if starts else None


def leading_verb(c: str) -> str | None:
    """The verb a clause opens with, its subject after it ("we lose" in "we lose a progress"),
    or None when the clause names its subject first."""
    hits = [m for r in (CANCEL, DELAY, ADVANCE, MOVE_TO) if (m := r.search(c))]
    if not hits:
        return None
    m = min(hits, key=lambda m: m.start())
    if SUBJECT_FILLER.sub(" ", c[: m.start()]).strip(" ,"):
        return None
    return c[: m.end()]
