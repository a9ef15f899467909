"""Words that carry a question's kind (fillers, slang, Latin-letter Russian question words),
names asked in other shapes, and the station as a subject of every path."""

from __future__ import annotations

from commands.context import Context
from commands.lookup import resolve
from commands.reply import Reply
from commands.router import answer
from commands.understand import vocabulary as vocab
from commands.understand.reader import read
from tests.commands.conftest import TODAY


def first(ctx: Context, text: str) -> str:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "answer", (text, reply.plain())
    return reply.text.split("\n\n")[0]


def not_known(ctx: Context, text: str) -> bool:
    return answer(ctx, text, TODAY).text.startswith("Not known")


# 1. Words of the question's kind are never an unrecorded fact


def test_fitting_aboard_asks_the_crew_size(ctx: Context) -> None:
    for q in (
        "how many ppl can fit inside crew dragon",
        "crew dragon holds how many people",
        "how many seats does crew dragon have",
    ):
        lead = first(ctx, q)
        assert "4" in lead, (q, lead)
        assert "7" in lead, (q, lead)


def test_soon_and_until_ask_the_date_or_the_trip(ctx: Context) -> None:
    lead = first(ctx, "is crs-35 going up soon?")
    assert "13 October 2026" in lead
    # a past plan with no update is not known as a yes or no; "soon" is never the unknown word
    assert lead.startswith("Not known as of 10 October 2026. CRS-35 was planned"), lead
    assert "soon" not in lead
    lead = first(ctx, "how long was it til ng-24 berthed")
    assert "2 days" in lead
    assert "derived" in lead


def test_fillers_are_no_fact(ctx: Context) -> None:
    for text in ("when did ng-24 actually launch", "so like when did ng-24 even launch"):
        assert "11 April 2026" in first(ctx, text), text
    question = read(ctx, "how long do they even stay, honestly")
    assert not set(question.words) & {"even", "honestly"}


def test_latin_letter_russian_question_words(ctx: Context) -> None:
    assert "Dubrov" in first(ctx, "kto letit na soyuz ms-29?")
    assert "March 2027" in first(ctx, "kogda sleduyuschiy soyuz ms-30")
    assert "13 October 2026" in first(ctx, "kogda crs-35")
    assert "Dubrov" in first(ctx, "кто летит на союз мс-29")


def test_english_words_stay_english(ctx: Context) -> None:
    # near-misses: an English message with no Russian opener is not read as Russian
    assert ctx.lexicon.russian("who is on crew-12") == "who is on crew-12"
    assert ctx.lexicon.russian("gde is fine") != "gde is fine"  # an opener alone is Russian


def test_a_real_unrecorded_fact_still_says_not_known(ctx: Context) -> None:
    # near-misses: words naming something the base does not record keep the honest opener
    assert not_known(ctx, "was anyone sick on crew-11")
    assert not_known(ctx, "did ng-23 have a name")


# 2. Chat shorthand


def test_chat_shorthand_is_written_out() -> None:
    assert vocab.unslang("whos on the stn rn") == "who is on the station now"
    assert vocab.unslang("still like 6mo?") == "still like 6 months?"
    assert vocab.unslang("ngl how long til it docks") == "how long until it docks"
    assert vocab.unslang("is crew-12 up there tbh for 8 mos") == "is crew-12 up there for 8 months"
    # near-misses: words that only contain the letters stay
    assert vocab.unslang("the tilted modules of mos 6") == "the tilted modules of mos 6"
    assert vocab.unslang("stnd by") == "stnd by"


def test_who_is_aboard_now_in_shorthand(ctx: Context) -> None:
    lead = first(ctx, "who's on the stn rn")
    assert "aboard" in lead
    assert "Dubrov" in lead


def test_a_typical_stay_in_shorthand(ctx: Context) -> None:
    reply = answer(ctx, "how long do ppl stay up there these days, still 6mo?", TODAY)
    assert reply.kind == "answer"
    assert not reply.text.startswith("Not known")
    lead = reply.text.split("\n\n")[0]
    assert "8 months" in lead
    assert "Crew-12 237 days" in lead
    assert "derived from the recorded dates" in lead
    # near-misses: one flight's stay, and cargo ships' stays, are answered as before
    assert "Crew-12 stayed" in first(ctx, "how long did crew-12 stay")
    assert answer(ctx, "how long do cargo ships stay", TODAY).title != "How long crews stay"


# 3. Names asked in other shapes


def test_a_name_asked_any_way(ctx: Context) -> None:
    for q in (
        "did the ng24 cygnus get a name? what was it called",
        "does ng-24 have a name",
        "what's the ng-24 cygnus called",
        "who is ng-24 named after",
    ):
        assert "Nagel" in first(ctx, q), q
    assert first(ctx, "does ng-24 have a name").startswith("Yes")


# 4. The station as subject


def test_a_timeline_about_the_station(ctx: Context) -> None:
    reply = answer(
        ctx, "whats the timeline of taking the station down and the deorbit craft", TODAY
    )
    assert reply.kind == "answer", reply.plain()
    assert "2030" in reply.text
    reply = answer(ctx, "timeline iss", TODAY)
    assert reply.kind == "answer"
    assert "Expedition 75" in reply.text
    # near-miss: a flight's timeline is still the flight's
    assert answer(ctx, "timeline of crs-35", TODAY).title == "Timeline: CRS-35"


def test_the_station_named_where_a_kind_is_wanted(ctx: Context) -> None:
    found = resolve(ctx, "space station", ("pad",))
    assert isinstance(found, Reply)
    assert found.kind == "suggestions"
    assert found.entities == ("iss",)
    assert "not a pad" in found.text
    # near-miss: nothing at all still says no match
    none = resolve(ctx, "zzqx", ("pad",))
    assert isinstance(none, Reply)
    assert none.title == "No match"
