"""The one text folding every matcher uses: folded words, stop-words, stems and synonyms.

`fold` / `fold_tokens` are for names (search keys, alias clashes, what-if targets); `words` is
for meaning (topic matching, question reading): folded words without stop-words, with slang
and synonyms merged into one canonical word and plural/tense endings stemmed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")
MAX_WORDS_CHARS = 2000  # words() reads at most this much of a text ...
MAX_WORDS = 80  # ... and returns at most this many words


def fold_word(word: str) -> str:
    """One word, case- and accent-folded: "Artém'yev" -> "artemyev" (Cyrillic kept)."""
    if word.isascii():
        return word.lower()
    # casefold maps some scripts to upper case (Cherokee "ꭰ" -> "Ꭰ"): lower after it
    decomposed = unicodedata.normalize(
        "NFKD", unicodedata.normalize("NFKD", word).casefold().lower()
    )
    return "".join(c for c in decomposed if c.isalnum())


def fold_tokens(text: str) -> list[str]:
    """The folded words of text: "SpX-35 (CRS)" -> ["spx", "35", "crs"]."""
    if text.isascii():  # the usual case, in one pass: every ASCII word is just lower-cased
        return _TOKEN.findall(text.lower())
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = fold_word(m.group())
        if tok:
            out.append(tok)
    return out


def fold(text: str) -> str:
    """Case-, accent-, space- and punctuation-folded form: "Progress MS-33" -> "progressms33"."""
    return "".join(fold_tokens(text))


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Folded words of text with their character spans in it."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        tok = fold_word(m.group())
        if tok:
            out.append((tok, m.start(), m.end()))
    return out


# Words that carry no subject of their own: articles, pronouns, auxiliaries, fillers.
FUNCTION_WORDS = frozenset(
    """a an the is are was were be been being am do does did doing done to of for in on at by
    and or but with this that these those it its as from into about than then there their they
    them he she his her him i me my we our you your us can could would should will shall may
    might must has have had having so such just also very really any some all s t re ve ll d m
    up out over again still get got tell know explain please hey hi hello capcom bot right now
    currently today if happen happens rn tho though pls plz u ur ya yeah yep кто что такои
    такая такое это когда где почему сколько как thing things stuff deal story lol lmao
    btw anyway exactly actually basically everything anything something bruh bro dude ngl tbh
    kinda sorta goated lowkey highkey fr imo imho use used using around max maximum minimum
    total exact approximately roughly typical typically usually average till nobody anybody
    anyone someone somebody see
    don doesn didn isn aren wasn weren hasn hadn couldn wouldn shouldn mustn needn ain
    """.split()  # the last line: what a contraction leaves before "n't" ("couldn't"; not
    # "haven", a name: Haven-1)
)

# Words of questions that, on their own, never name a record ("launch" is not a mention of
# "Launch Pad 0A"; "next" is not "Next Big Future").
QUESTION_WORDS = frozenset(
    """after any before between both compare date during each else ever get gets how last late
    launch launched launches launching let like many me mission missions month months more most
    much new next no not off one only other planned said say schedule scheduled since slip slips
    status than today too under until vs week weeks what when where which while who whom whose why
    year years yes yet""".split()
)

# Single words that are never, on their own, a mention of a record.
NOT_A_NAME = FUNCTION_WORDS | QUESTION_WORDS

# Spellings, slang and near-synonyms merged into one word before stemming, so a question
# reaches a topic that words the same thing differently. Grow it from what people type.
SYNONYMS: dict[str, str] = {
    # damage
    "broke": "damage",
    "break": "damage",
    "breaks": "damage",
    "breaking": "damage",
    "broken": "damage",
    "busted": "damage",
    "bust": "damage",
    "destroyed": "damage",
    "destroy": "damage",
    "accident": "damage",
    "wrecked": "damage",
    "wreck": "damage",
    "trashed": "damage",
    "smashed": "damage",
    "collapsed": "damage",
    "collapse": "damage",
    "damaged": "damage",
    # trouble
    "mess": "trouble",
    "messed": "trouble",
    "problem": "trouble",
    "problems": "trouble",
    "issue": "trouble",
    "issues": "trouble",
    "crisis": "trouble",
    "wrong": "trouble",
    "struggling": "trouble",
    "troubles": "trouble",
    # slang for a ship or a programme in trouble ("is soyuz cooked", "starliner still bricked")
    "cooked": "trouble",
    "bricked": "trouble",
    "borked": "trouble",
    "toast": "trouble",
    "fubar": "trouble",
    # repair
    "fix": "repair",
    "fixed": "repair",
    "fixing": "repair",
    "rebuild": "repair",
    "rebuilt": "repair",
    "restore": "repair",
    "restored": "repair",
    "repaired": "repair",
    "repairs": "repair",
    # places and people
    "launchpad": "pad",
    "launchpads": "pad",
    "russian": "russia",
    "russians": "russia",
    "russias": "russia",
    "american": "america",
    "americans": "america",
    "usa": "america",
    "japanese": "japan",
    "iss": "station",
    "cosmonauts": "cosmonaut",
    "astronauts": "astronaut",
    "crewmembers": "crew",
    "people": "crew",
    "ppl": "crew",
    # importance
    "indispensable": "important",
    "essential": "important",
    "crucial": "important",
    "vital": "important",
    "importance": "important",
    "key": "important",
    # roles
    "commander": "command",
    "commanded": "command",
    "commanding": "command",
    "commands": "command",
    # espionage
    "spying": "espionage",
    "spy": "espionage",
    "spied": "espionage",
    "spies": "espionage",
    "scandal": "espionage",
    # money
    "pays": "pay",
    "paying": "pay",
    "paid": "pay",
    "funding": "pay",
    "funds": "pay",
    "fund": "pay",
    "foots": "pay",
    "bill": "pay",
    "price": "cost",
    "prices": "cost",
    "pricey": "cost",
    "expensive": "cost",
    "cheap": "cost",
    "cheaper": "cost",
    "costs": "cost",
    "costly": "cost",
    "bucks": "cost",
    "tag": "cost",
    # leaving
    "quit": "leave",
    "quitting": "leave",
    "leaving": "leave",
    "exit": "leave",
    "withdraw": "leave",
    "ditch": "leave",
    "ditching": "leave",
    "abandon": "leave",
    "abandoning": "leave",
    "pull": "leave",
    "decline": "refuse",
    "beg": "ask",
    "begged": "ask",
    "request": "ask",
    "requested": "ask",
    "kicked": "remove",
    "booted": "remove",
    "dropped": "remove",
    "removed": "remove",
    "replaced": "replace",
    "swapped": "replace",
    "swap": "replace",
    "substitute": "replace",
    "substituted": "replace",
    "supplant": "replace",
    "spot": "place",  # "took his spot": his place
    "screwed": "trouble",
    "doomed": "trouble",
    "struggle": "trouble",
    "refusing": "refuse",
    # supply
    "resupply": "supply",
    "supplies": "supply",
    "cargo": "supply",
    "deliveries": "supply",
    "delivery": "supply",
    "deliver": "supply",
    "stuff": "supply",
    # a barter in chat words ("trading seats", "seats exchanged"): what the topics call it
    "trade": "barter",
    "trades": "barter",
    "traded": "barter",
    "trading": "barter",
    "exchange": "barter",
    "exchanges": "barter",
    "exchanged": "barter",
    "exchanging": "barter",
    "crossflight": "cross",
    "crossflights": "cross",
    # delay
    "delayed": "delay",
    "postponed": "delay",
    "postpone": "delay",
    "slip": "delay",
    "slipped": "delay",
    "pushed": "delay",
    "late": "delay",
    "behind": "delay",
    "hang": "stay",
    "hanging": "stay",
    "remain": "stay",
    "remains": "stay",
    # choose
    "pick": "choose",
    "picked": "choose",
    "chose": "choose",
    "chosen": "choose",
    "select": "choose",
    "selected": "choose",
    # return
    "home": "return",
    "back": "return",
    "returning": "return",
    "returned": "return",
    "land": "return",
    "landing": "return",
    "landed": "return",
    "splashdown": "return",
    # capture
    "grab": "capture",
    "grabbed": "capture",
    "grabbing": "capture",
    "grapple": "capture",
    "grappled": "capture",
    "captured": "capture",
    "canadarm2": "canadarm",
    # consumption
    "breathe": "oxygen",
    "breathing": "oxygen",
    "air": "oxygen",
    "fuel": "propellant",
    "prop": "propellant",  # chat's clipped "propellant": "how much prop does it bring"
    # size
    "little": "small",
    "tiny": "small",
    "smaller": "small",
    # beginning
    "began": "start",
    "begin": "start",
    "begins": "start",
    "begun": "start",
    # what a spacecraft is built to last: "rated to stay docked", its "design life"
    "rated": "design",
    "certified": "design",
    "designed": "design",
}

_VOWELS = frozenset("aeiouy")
CANONICAL_CACHE = 65_536  # distinct words remembered by canonical() (bounded: input is open)


def stem(word: str) -> str:
    """A light English stem, the same for every form: "launches", "launched" -> "launch";
    "flies", "flying" -> "fly"; "moved", "move" -> "mov"; "cygnus", "progress" stay."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    base = word
    if word.endswith("ies") and len(word) >= 5:
        base = word[:-3] + "y"
    elif word.endswith("ing") and _has_vowel(word[:-3]):
        base = word[:-3]
    elif _strips_two(word):
        base = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        base = word[:-1]
    if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz" + "".join(_VOWELS):
        base = base[:-1]  # "stopped" -> "stop"
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]  # "move" and "moved" both -> "mov"
    return base if len(base) >= 3 else word


def singular(word: str) -> str:
    """A plural noun's singular, for names said in the plural: "dragons" -> "dragon",
    "cygnuses" -> "cygnus", "progresses" -> "progress", "soyuzes" -> "soyuz"; other words
    (and "progress", "cygnus") as they are."""
    w = word.casefold()
    if len(w) <= 3 or not w.isalpha():
        return word
    if w.endswith("ies") and len(w) >= 5:
        return word[:-3] + "y"
    if w.endswith(("sses", "uses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _strips_two(word: str) -> bool:
    """ "-ed" after a stem with a vowel ("docked"), "-es" after a sibilant ("launches")."""
    if word.endswith("ed"):
        return _has_vowel(word[:-2])
    return word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh"))


def _has_vowel(text: str) -> bool:
    return len(text) >= 3 and any(c in _VOWELS for c in text)


# Russian inflection: a noun, name or adjective takes a case ending ("Байконур", "Байконура",
# "Байконуре", "Байконуром"), a verb a tense ending. Folded forms (й is folded to и).
RU_ENDINGS = tuple(
    sorted(
        """а я о е и ы у ю ь ом ем ои еи ам ям ах ях ами ями ов ев ую юю ая яя ое ее ые ие ыи ии
        ого его ому ему ым им ых их ыми ими ою ею у ию ия ье ья ью ал ял ла ли ло ил ыл ила или
        ило ала али ало яла яли ет ют ут ит ят ат ешь ишь ем им ете ите ать ять ить еть уть ся сь
        лся лась лись ался ались ется ются ится ятся""".split(),
        key=len,
        reverse=True,
    )
)
_RU_STEM_MIN = 3  # a stem shorter than this is a word of its own ("мкс", "на")


def is_cyrillic(word: str) -> bool:
    """Whether a word is written in Cyrillic letters."""
    return any("\u0400" <= c <= "\u04ff" for c in word)


def ru_stem(word: str) -> str:
    """A folded Cyrillic word without its inflectional ending ("байконуре" -> "байконур",
    "площадку" -> "площадк"); other words unchanged."""
    if not is_cyrillic(word):
        return word
    for ending in RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _RU_STEM_MIN:
            return word[: -len(ending)]
    return word


def ru_bases(word: str) -> list[str]:
    """Every way to read a folded Cyrillic word as a base plus an inflectional ending, the
    whole word first ("артемьева" -> ["артемьева", "артемьев", "артемье", ...])."""
    out = [word]
    if is_cyrillic(word):
        out += [
            word[: -len(e)]
            for e in RU_ENDINGS
            if word.endswith(e) and len(word) - len(e) >= _RU_STEM_MIN
        ]
    return list(dict.fromkeys(out))


_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),
        strict=True,
    )
)


def translit(word: str) -> str:
    """A folded Cyrillic word in Latin letters, as names are usually transliterated
    ("байконур" -> "baikonur", "артемьев" -> "artemev", "федяев" -> "fedyaev")."""
    return "".join(_TRANSLIT.get(c, c) for c in word).replace("-", "")


@functools.lru_cache(maxsize=CANONICAL_CACHE)
def canonical(word: str) -> str:
    """A folded word as words() keeps it (synonym merged, stemmed), or "" for a stop-word.
    Pure, so remembered: a question's words are mostly ones seen before."""
    word = SYNONYMS.get(word, word)
    if word in FUNCTION_WORDS:
        return ""
    stemmed = stem(word)
    if stemmed in SYNONYMS:  # "pulling" -> "pull" -> "leave"
        stemmed = stem(SYNONYMS[stemmed])
    return "" if stemmed in FUNCTION_WORDS else stemmed


def words(text: str) -> list[str]:
    """Content words of text, for meaning: folded, stop-words dropped, synonyms merged, stemmed."""
    out: list[str] = []
    for tok in fold_tokens(text[:MAX_WORDS_CHARS]):
        w = canonical(tok)
        if w:
            out.append(w)
            if len(out) >= MAX_WORDS:
                break
    return out


# Where a sentence ends: a stop followed by white space (or the end), but not after an initial
# or a short abbreviation ("S.S. Steven R. Nagel", "12:50 p.m. EDT", "Dr. Kim").
_STOP = re.compile(r"[.!?](?=\s|$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr lt col gen capt cmdr vs approx no nos fig ca".split()
)


def sentence_ends(text: str) -> list[int]:
    """The offsets just past each sentence's final stop in text."""
    out = []
    for m in _STOP.finditer(text):
        if m.group() == ".":
            word = re.search(r"([^\W\d_]+)$", text[: m.start()])
            if word is not None and (
                len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS
            ):
                continue
        out.append(m.end())
    return out


def sentences(text: str) -> list[str]:
    """Text split into sentences (initials and abbreviations do not end one)."""
    out, start = [], 0
    for end in sentence_ends(text):
        if not re.match(r"\s*(?:$|[A-Z0-9\"“(])", text[end:]):
            continue
        out.append(text[start:end].strip())
        start = end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]
