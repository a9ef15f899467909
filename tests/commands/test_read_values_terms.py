"""Values typed in questions (money, units, dates), technical abbreviations, Russian activity
words and names used in another domain's sense."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from commands.understand import vocabulary as vocab
from commands.understand.reader import read
from tests.commands.conftest import TODAY


def reply_of(ctx: Context, text: str) -> tuple[str, str, str]:
    reply = answer(ctx, text, TODAY)
    return reply.kind, reply.title, reply.text.split("\n\n")[0]


# 1. Values are values, never names


def test_money_is_a_value_not_a_name(ctx: Context) -> None:
    for text in (
        "so the crs-2 deal was $6.31B, how many flights did it buy",
        "did crs-2 really cost 6.31 billion dollars",
        "nasa paid $6.3bn for crs-2?",
    ):
        q = read(ctx, text)
        assert not q.unknown, (text, q.unknown)
        reply = answer(ctx, text, TODAY)
        assert reply.kind == "answer", (text, reply.title)
        assert "6.31 billion" in reply.text, (text, reply.title)


def test_a_value_after_a_vehicle_is_no_flight_number(ctx: Context) -> None:
    q = read(ctx, "was boeing's starliner deal worth 4.2 billion")
    assert not q.unknown
    assert "Starliner" in reply_of(ctx, "was boeing's starliner deal worth 4.2 billion")[1]


def test_angles_masses_and_durations_are_values(ctx: Context) -> None:
    for text in (
        "will ROS really fly at 97 degrees",
        "ROS inclination 51,6 or 97°?",
        "does the iss make 12 lb of oxygen a day",
        "progress ms-33 got there in 3 h 20 min?",
    ):
        assert not read(ctx, text).unknown, text
    assert "ROS" in reply_of(ctx, "will ROS really fly at 97 degrees")[1]


def test_russian_dates_units_and_ordinals_are_values(ctx: Context) -> None:
    for text in (
        "что сломалось на Байконуре 27 ноября 2025 года",
        "что произошло на 31-й площадке 27-го ноября",
        "РОС будет на орбите 97 градусов?",
    ):
        kind, _, first = reply_of(ctx, text)
        assert kind == "answer", (text, first)
        assert "nothing on" not in first
    assert "Site 31/6" in reply_of(ctx, "что сломалось на Байконуре 27 ноября 2025 года")[1]
    assert "ROS" in reply_of(ctx, "РОС будет на орбите 97 градусов?")[1]


def test_a_date_does_not_pull_a_question_off_its_topic(ctx: Context) -> None:
    with_date = reply_of(ctx, "what happened at site 31 on 27 november 2025")
    without = reply_of(ctx, "what happened at site 31")
    assert with_date[1] == without[1] == "Damage to Baikonur Site 31/6"


def test_near_misses_still_read_designators(ctx: Context) -> None:
    # an unknown flight with a number is still unknown; a name with a decimal keeps its name
    assert read(ctx, "when does soyuz ms-31 launch").unknown
    assert read(ctx, "what rocket is soyuz-2.1a").subjects
    assert read(ctx, "how many cargo flights in 2025").year == 2025


# 2. Chemical formulas and system abbreviations


def test_formulas_and_system_names_read_as_what_they_mean(ctx: Context) -> None:
    for text in ("how much o2 can the station make in a day", "OGS output per day?"):
        q = read(ctx, ctx.lexicon.unclip(vocab.unslang(text)))
        assert not q.unknown, (text, q.unknown)
        reply = answer(ctx, text, TODAY)
        assert reply.kind == "answer", text
        first = reply.text.split("\n\n")[0]
        assert first.startswith("The US Oxygen Generation System makes about 5.4 kg (12 lb)"), first
    water = reply_of(ctx, "what % of h2o does the WRS get back")
    assert water[0] == "answer"
    assert "98%" in water[2]


def test_an_abbreviation_the_base_lacks_is_said_plainly(ctx: Context) -> None:
    text = vocab.unslang("how much co2 do they scrub")
    assert "carbon dioxide" in text
    assert "co2" not in " ".join(read(ctx, text).unknown)
    kind, _, first = reply_of(ctx, "co2 scrubbers?")
    assert kind == "suggestions"
    assert "co2" not in first.lower()


def test_a_consumption_question_still_leads_with_consumption(ctx: Context) -> None:
    first = reply_of(ctx, "how much o2 does one astronaut use")[2]
    assert first.startswith("NASA's design figures (RP-1324)")


# 3. Russian words for the station's activities


def test_a_russian_spacewalk_phrase_reads_as_a_spacewalk(ctx: Context) -> None:
    lex = ctx.lexicon
    assert "spacewalk" in lex.russian("кто вышел в открытый космос в мае")
    assert "spacewalk" in lex.russian("kto vyhodil v otkrytyi kosmos v 2026")
    for text in (
        "Микаев выходил в открытый космос?",
        "когда Кудь-Сверчков и Микаев выходили в открытый космос",
        "kogda Mikaev i Kud-Sverchkov vykhodili v otkrytyi kosmos",
    ):
        kind, title, _ = reply_of(ctx, text)
        assert kind == "answer", text
        assert "spacewalks" in title, (text, title)


def test_two_people_asked_when_they_launched_still_get_their_flight(ctx: Context) -> None:
    first = reply_of(ctx, "when did mikaev and kud-sverchkov lift off")[2]
    assert "flew together on Soyuz MS-28" in first


def test_russian_docking_words_with_or_not_ask_yes_or_no(ctx: Context) -> None:
    assert reply_of(ctx, "Progress MS-35 pristykovalsya k MKS ili net?")[2].startswith("Yes.")
    assert reply_of(ctx, "пристыковался ли Прогресс МС-35 к МКС")[2].startswith("Yes.")
    undocked = reply_of(ctx, "Прогресс МС-34 отстыковался от МКС?")[2]
    assert undocked.startswith("Not known"), undocked


def test_a_russian_question_about_a_noun_is_not_made_yes_or_no(ctx: Context) -> None:
    first = reply_of(ctx, "экипаж Союза МС-28?")[2]
    assert not first.startswith("Yes"), first
    assert "Kud-Sverchkov" in first


def test_leaving_the_station_is_not_a_spacewalk(ctx: Context) -> None:
    assert "spacewalk" not in ctx.lexicon.russian("выход России из МКС")
    assert "leaving" in reply_of(ctx, "выход России из МКС")[1]


# 4. A name in another domain's sense


def test_a_name_among_another_domains_words_is_off_topic(ctx: Context) -> None:
    for text, domain in (
        ("will house of the dragon come back for a third season", "TV series"),
        ("dragon ball super newest episode", "TV series"),
        ("who wrote the soyuz anthem lyrics", "music"),
        ("where is cygnus in the night sky, which stars", "night sky"),
        ("how do i spot the cygnus constellation", "night sky"),
    ):
        reply = answer(ctx, text, TODAY)
        assert reply.kind == "suggestions", (text, reply.title)
        assert reply.title == "Not something I track", (text, reply.title)
        assert domain in reply.text, (text, reply.text)
        assert not reply.entities, text


def test_a_name_beside_spaceflight_words_keeps_its_sense(ctx: Context) -> None:
    assert "Upcoming" in reply_of(ctx, "dragon next launch")[1]
    assert "Cygnus" in reply_of(ctx, "will cygnus fly again")[1]
    assert "Kud-Sverchkov" in reply_of(ctx, "soyuz ms-28 crew")[2]
    # a season of launches is a schedule, not a TV season: which Dragon is meant
    title = reply_of(ctx, "dragon season of launches 2026")[1]
    assert title != "Not something I track"
    assert "cygnus" in reply_of(ctx, "cygnus cargo this season")[1].lower()


def test_a_name_with_a_designator_is_never_another_sense(ctx: Context) -> None:
    q = read(ctx, "crew-12 episode of the podcast")
    assert not q.untracked.startswith("TV series")


def test_a_value_checked_against_a_topic_leads_with_its_sentence(ctx: Context) -> None:
    first = reply_of(ctx, "was the starliner contract worth 4.2 billion")[2]
    # a yes/no the topic does not settle opens "Not known ...", then the value's sentence
    assert first.startswith("Not known as a plain yes or no"), first
    assert first.split("What is recorded: ")[1].startswith(
        "Reported contract value: $4.2 billion or $4.5 billion"
    ), first
    first = reply_of(ctx, "how many kg of oxygen can the station make daily")[2]
    assert first.startswith("The US Oxygen Generation System")
