"""Every number that decides how sure the assistant is, named once and explained.

Topic scores are the topic matcher's 0-100 similarity (commands/topics.py: idf-weighted
cosine with the closest of a topic's questions, plus a share of its whole vocabulary).
Record confidence is the search index's (knowledge/search.py: CONFIDENT_SCORE, margins).
"""

from __future__ import annotations

# --- topics ---------------------------------------------------------------------------------
# A topic this close is (nearly) one of the questions it says it answers: it answers even
# when the question also names a record the topic is not about.
TOPIC_SURE = 75.0
# A topic whose closest listed question alone is this similar IS the question asked (the
# phrasing score, without the vocabulary bonus): it answers even over a named record.
TOPIC_VERBATIM = 88.0
# A topic at or above this answers a why/how question whose subject words it covers, or a
# question about a record it is related to.
TOPIC_CONFIDENT = 42.0
# With a record named, a topic about that record answers a why/how question from this score:
# the record already narrows the subject, so one shared subject word is enough.
TOPIC_ABOUT_RECORD = 30.0
# With a record named whose own texts use none of the question's subject words, a topic not
# about that record still answers when its texts hold at least this many of them ("the soyuz
# pad thing where the cabin fell in the trench": the pad-damage topic, not the Soyuz MS card).
TOPIC_OWN_WORDS = 2
# Topics at or above this are offered as "did you mean" choices, never answered.
TOPIC_POSSIBLE = 22.0
# Without a record named, a topic must use at least this share of the question's subject
# words: "what's dragon's downmass" shares only "dragon" with the SLC-40 topic.
TOPIC_COVER_SHARE = 0.5
# A field question ("when", "how much") with no record named is answered by a topic only
# from this score: below it, the question is probably about something the base lacks.
TOPIC_FIELD_QUESTION = 55.0

# How much a topic's whole vocabulary (its answer and every question) adds to the best single
# question's similarity: a question that words a topic's content differently from any one
# of its listed questions still reaches it (measured: benchmarks/topics_bench.py).
BAG_WEIGHT = 0.35
# A word this long or longer that the topics do not use is read as the topic word it is a
# typo of (fuzzy ratio at least TYPO_SCORE), or as a topic word that contains it ("boost" in
# "reboost") or that it contains.
MIN_EXPAND_LEN = 5
TYPO_SCORE = 85

# --- words and names ------------------------------------------------------------------------
# A word of a record's name shared by more records than this, or by records of different
# kinds ("space": Sierra Space, Axiom Space, the International Space Station), names none.
NAME_WORD_RECORDS_MAX = 4
# A word this long or longer that starts exactly one name word, and is no word of the base's
# texts, names that word's records ("prog": Progress); shorter clips ("sta") name nothing.
CLIPPED_MIN = 4
# A name of several words typed with its first word right and a typo after it ("crew dragn")
# is that record when the whole run searches to it at least this well.
LED_NAME_SCORE = 90.0
# A first word is read as a command when it is this close (fuzzy ratio) to a command name.
COMMAND_WORD_SCORE = 80.0
# A name typed with a number ("artemis 2", "tianzhou 9") that names no record is an unknown
# subject; with no record named, so is a message whose subject words are all unknown to the
# base ("zxqv blorptang"), or a what/who-is question where at least this share of them is
# ("who is elon musk": "elon" unknown, "musk" only mentioned in passing).
UNKNOWN_SHARE = 0.5
# A record is offered as "did you mean" for an unknown subject word only from this search
# score (and never when the numbers differ): "artemis" is not offered "Artemyev" (66).
SUGGEST_FOR_UNKNOWN = 80.0

# A message naming a record whose other words the base cannot account for ("the purple dock of
# cygnus tastes like tuesday") is asked about, not answered: when more than this share of its
# content words (subject words, names and fact words) are words neither the base's texts nor
# the named records' own texts and topics use, at least NONSENSE_MIN_WORDS of them and at least
# NONSENSE_UNKNOWN_MIN no text of the base uses at all ("purple", "tastes"; "tuesday" is in
# some record, but none about Cygnus).
NONSENSE_SHARE = 0.5
NONSENSE_MIN_WORDS = 3
NONSENSE_UNKNOWN_MIN = 2

# --- sentences from a record's texts --------------------------------------------------------
# A sentence of a record's summary, facts or events leads an answer when it shares at least
# this share of the question's subject words (idf-weighted), e.g. "who replaced him" and
# "... was removed in December 2025 and replaced by Andrey Fedyaev ...".
SENTENCE_SHARE = 0.5

# --- did you mean ---------------------------------------------------------------------------
SUGGESTIONS_MAX = 5  # Discord shows at most 5 buttons in a row

# --- conversation ---------------------------------------------------------------------------
# A follow-up ("and its cost?") refers to the last exchange for this long (seconds) ...
CONVERSATION_TTL_SECONDS = 600.0
# ... and the bot remembers at most this many conversations (users x channels) at once.
CONVERSATIONS_MAX = 10_000
# A fragment naming nothing ("enough for how many people?") goes on from the last answer when
# it has at most this many words; longer messages are questions of their own.
FRAGMENT_WORDS = 7
# A yes/no question naming nothing ("was anyone injured?") just after an exchange asks about
# that exchange's subject, unless a topic is sure of it (TOPIC_SURE) through at least this
# many of its words: one shared word ("hurt" in "did the scandal hurt cooperation") is not
# enough to leave the subject.
ASIDE_TOPIC_WORDS = 2
# A load at least this share of what the vehicle can carry is "near" its capacity (a yes to
# "was it nearly full?", "is that close to what an XL can take?").
NEAR_CAPACITY_SHARE = 0.9

# --- replies --------------------------------------------------------------------------------
# A brief card (a record named alone) keeps at most this many characters of its summary; the
# whole card is one click away (the "More" button, /mission etc., `ask --full`).
BRIEF_SUMMARY_CHARS = 320

# --- Russian --------------------------------------------------------------------------------
# A capitalised Russian word whose transliteration is at least this close (rapidfuzz ratio,
# 0-100) to a word of a record's Latin name is that name word ("Джессика" -> "jessica");
# closer spellings are matched exactly first ("Байконуре" -> "baikonur").
TRANSLIT_NAME_MIN = 80.0

# --- yes/no claims --------------------------------------------------------------------------
# "was X the first ... ": at most this many recorded sentences that speak of the rank asked.
CLAIM_PASSAGES = 3

# --- values written in texts ----------------------------------------------------------------
# A sentence answers an attribute no field holds (a docking day, a ship's name, an amount) when
# it writes a value of the asked kind at most this many words from the asked word: "docking to
# Harmony's forward port planned for 17 May" is 7 words apart; farther, the value is another's.
VALUE_NEAR_WORDS = 8
# A stay within this share of its planned length is "about as long as planned"; beyond it,
# longer or shorter (a planned "six months" is 180 days, so 170-190 days match it).
PLAN_MATCH_SHARE = 0.1

# --- why-questions --------------------------------------------------------------------------
# A topic whose first sentence gives no reason is led by a sentence that does (its own, or of a
# record asked about) when that sentence shares at least this share of the asked-word weight
# the first one shares: "why was crs-34 moved earlier" - "Moved up a month ... after the
# Baikonur pad damage" shares "moved" but not "earlier", and still says why.
REASON_SHARE = 0.5
# Letters an asked word's stem needs before a longer word of a sentence counts as its form
# ("evacuat" ~ "evacuation"); shorter stems must match whole ("fail" ~ "failed" by stem).
AFFIRM_PREFIX = 5
