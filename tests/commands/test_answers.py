"""Answers lead with what was asked: the value with its date, yes/no first, honest gaps."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import yaml

from commands.context import Context
from commands.conversation import Conversation
from commands.router import answer
from tests.commands.conftest import TODAY

QUESTIONS = yaml.safe_load(
    (Path(__file__).parents[2] / "benchmarks" / "data" / "questions.yaml").read_text("utf-8")
)


def lead(ctx: Context, text: str) -> str:
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "answer", reply.plain()
    return reply.text.split("\n")[-1] if reply.text.startswith("Fact base") else reply.text


def test_a_fact_is_the_first_sentence(ctx: Context) -> None:
    assert lead(ctx, "who flew up on soyuz ms-28").startswith(
        "Soyuz MS-28 carried Sergey Kud-Sverchkov, Sergei Mikaev and Christopher Williams "
        "(launched 27 November 2025)."
    )
    assert lead(ctx, "how much does a cygnus flight cost").startswith("Cygnus costs ~$250")
    assert lead(ctx, "who operates cygnus").startswith("Cygnus is operated by Northrop Grumman")
    assert lead(ctx, "when did crs-33 undock").startswith("CRS-33 undocked on 26 February 2026")
    assert "3,307 kg" in lead(ctx, "how much can cargo dragon carry").split(".")[0]
    assert "560" in lead(ctx, "how many days has oleg artemyev spent in space").split(".")[0]


def test_yes_no_starts_with_yes_no_or_not_known(ctx: Context) -> None:
    assert lead(ctx, "did ng-24 launch").startswith("Yes.")
    assert lead(ctx, "can dragon refuel the russian segment").startswith("No")
    assert lead(ctx, "is dragon reusable").startswith("Yes")
    assert lead(ctx, "is site 31/6 fixed").startswith("Yes.")
    assert lead(ctx, "has crs-35 launched yet").startswith("Not known as of 10 October 2026")


def test_words_beyond_the_fact_reach_a_topic(ctx: Context) -> None:
    # "seats" is not asking the crew size: the question is who pays.
    assert "no money exchanged" in lead(ctx, "does nasa pay russia for soyuz seats")


def test_counts_come_from_the_base(ctx: Context) -> None:
    text = lead(ctx, "how many progress flights in 2025")
    assert text.startswith("The fact base records 3 Progress MS flights launched in 2025")
    for name in ("Progress MS-30", "Progress MS-31", "Progress MS-32"):
        assert name in text


def test_off_base_subjects_say_so(ctx: Context) -> None:
    artemis = answer(ctx, "when does artemis 2 launch", TODAY)
    assert artemis.kind == "suggestions"
    assert "artemis 2" in artemis.text
    assert "Artemyev" not in artemis.plain()
    stock = answer(ctx, "whats spacex stock price", TODAY)
    assert stock.kind == "suggestions"
    assert "don't track stock prices" in stock.text
    assert "SpaceX" in stock.text  # what the base does know about the subject
    assert "the weather" in answer(ctx, "what's the weather at baikonur", TODAY).text


def test_follow_ups_need_a_last_exchange(ctx: Context) -> None:
    alone = answer(ctx, "who replaced him", TODAY)
    assert alone.title == "What are you referring to?"
    conv = Conversation()
    answer(ctx, "how much can cargo dragon carry", TODAY, conv)
    russian = answer(ctx, "what about the russian one", TODAY, conv)
    assert russian.entities[0] == "progress-ms"
    assert "kg" in russian.text.split(".")[0]
    answer(ctx, "tell me about oleg artemyev", TODAY, conv)
    assert "Fedyaev" in answer(ctx, "who replaced him", TODAY, conv).text
    answer(ctx, "crew-12", TODAY, conv)
    home = answer(ctx, "when did they come home", TODAY, conv)
    assert home.text.startswith("Crew-12 returned to Earth on 8 October 2026")


def test_a_question_naming_nothing_leans_on_the_last_subject(ctx: Context) -> None:
    conv = Conversation()
    answer(ctx, "who's on crew-13", TODAY, conv)
    commander = answer(ctx, "who's the commander", TODAY, conv)
    assert commander.entities[0] == "crew-13"
    assert commander.text.startswith("Jessica Watkins")
    answer(ctx, "what is the iss", TODAY, conv)
    assert "Dubrov" in answer(ctx, "who are they", TODAY, conv).text
    assert answer(ctx, "tell me a joke", TODAY, conv).kind == "suggestions"


def test_did_you_mean_has_no_repeats_and_blames_no_word(ctx: Context) -> None:
    for text in ("ms-28", "zxqv blorptang", "dragon", "station stuff"):
        reply = answer(ctx, text, TODAY)
        labels = [s.label for s in reply.suggestions]
        assert len(labels) == len(set(labels)), text
        assert not re.search(r"nothing on .zxqv.$", reply.text)


def test_compare_gives_a_verdict_and_no_blank_cells(ctx: Context) -> None:
    reply = answer(ctx, "dragon vs cygnus cargo", TODAY)
    assert reply.text.startswith("Cygnus carries more up, 5,000 kg to the station")
    rows = [row for f in reply.fields for row in f.value.split("\n")]
    assert all(row.split(": ", 1)[1].strip() not in ("", "—") for row in rows)
    names = [{row.split(":")[0] for row in f.value.split("\n")} for f in reply.fields]
    assert names[0] == names[1]  # the same rows for each


def test_lookup_replies_are_short(ctx: Context) -> None:
    lengths = [len(answer(ctx, q, TODAY).plain()) for q in QUESTIONS["lookup"]]
    assert statistics.median(lengths) <= 700
    assert max(lengths) <= 6000


def test_a_count_for_an_organization_that_flies_nothing_is_not_a_false_zero(
    ctx: Context,
) -> None:
    # NASA buys flights but operates none of the recorded missions: no "records no NASA flight"
    text = answer(ctx, "how many missions has nasa flown under crs-2", TODAY).plain()
    assert "records no" not in text
    assert "can't count" in text


def test_a_vehicle_launch_question_names_its_latest_launch_not_only_station_flights(
    ctx: Context,
) -> None:
    # H3 flew again (for someone else) after HTV-X1: the answer says so, and calls HTV-X1 its
    # last *station* flight, never its last launch.
    h3 = lead(ctx, "when was the last h3 launch")
    assert "11 August 2026" in h3
    assert "last station flight was HTV-X1" in h3
    # a docking, departure or re-entry in a vehicle's history is no launch
    htvx = lead(ctx, "when did htv-x last fly")
    assert "re-entered" not in htvx
    assert "last recorded launch was HTV-X1" in htvx


def test_a_vehicle_with_only_passed_plans_is_never_said_to_have_no_flight(ctx: Context) -> None:
    text = lead(ctx, "when did starliner last launch")
    assert "No flight of Starliner" not in text
    assert "Starliner-1 has no date since" in text  # said as undated, not upcoming
    assert "NET April 2026 is superseded" in text
    assert "5 June 2024" in text  # the Crew Flight Test


def test_a_retired_launcher_is_named_as_earlier_not_current(ctx: Context) -> None:
    # Cygnus flew on Antares from Wallops until 2023; it flies on Falcon 9 from SLC-40 now.
    for question in ("what rocket does cygnus ride", "where does cygnus launch from"):
        text = lead(ctx, question).split(";")
        assert "Falcon 9" in text[0]
        assert "Antares" not in text[0]
        assert "Wallops" not in text[0]
        assert "earlier on Antares (retired)" in text[1]


def test_what_a_flight_carries_comes_from_its_texts_when_no_mass_is_recorded(
    ctx: Context,
) -> None:
    # CRS-35 has no cargo mass recorded, but NASA said what it carries (iROSA solar arrays).
    for question in ("what will crs-35 deliver", "what's on board crs-35"):
        reply = answer(ctx, question, TODAY)
        assert "iROSA" in reply.text.split("\n")[0], reply.plain()
        assert "not recorded" not in reply.text.split("\n")[0]


def test_where_or_when_of_an_organization_answers_from_its_own_texts(ctx: Context) -> None:
    # The SpaceX record says where it is headquartered; a question about it is that sentence,
    # never "no record of 'headquartered'" quoting the very answer.
    reply = answer(ctx, "where is spacex headquartered", TODAY)
    assert reply.title == "SpaceX"
    assert "Starbase" in reply.text.split("\n")[0]


def test_an_organization_fact_the_base_lacks_is_not_known_for_it_not_off_base(
    ctx: Context,
) -> None:
    for question in (
        "where is northrop grumman based",
        "when was roscosmos founded",
        "when does vast haven-1 launch",  # the record says Haven-1 is planned, not when
    ):
        reply = answer(ctx, question, TODAY)
        assert reply.text.startswith("Not known as of 10 October 2026"), reply.plain()
        assert "only in passing" not in reply.text  # no other record's sentence borrowed


def test_the_station_record_answers_its_own_orbit_decay(ctx: Context) -> None:
    # The ISS record holds how fast it sinks and when it would re-enter with no reboosts:
    # those answer, not a topic that shares a word ("without", "boost").
    for question in (
        "what happens to the station's orbit with no reboosts, how long does it have",
        "if nobody ever boosted the iss again when would it come down",
        "how much altitude does the iss lose per day",
    ):
        reply = answer(ctx, question, TODAY)
        first = reply.text.split("\n")[0]
        assert reply.title == "International Space Station", reply.plain()
        assert "2–5 years" in first
        assert "70–100 m" in first


def test_how_many_live_on_the_station_is_its_crew_not_a_topic(ctx: Context) -> None:
    for question in ("how many people usually live on the iss", "how big is the iss crew"):
        reply = answer(ctx, question, TODAY)
        assert reply.title == "International Space Station", reply.plain()
        assert re.search(r"crew of 7|nominal crew 7", reply.text.split("\n")[0]), reply.plain()
