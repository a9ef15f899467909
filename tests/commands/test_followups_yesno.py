"""Follow-ups and yes/no questions: carried facts, status slang, retired launchers, claims."""

from __future__ import annotations

from commands.context import Context
from commands.reply import Reply
from tests.commands.conftest import ask


def lead(reply: Reply) -> str:
    return reply.text.split("\n\n")[1] if "\n\n" in reply.text else reply.text


def test_how_much_a_ship_can_take_up_is_its_capacity(ctx: Context) -> None:
    for text in (
        "how much can cygnus take up to the station?",
        "how much can cargo dragon send up?",
        "how much can progress ferry to the iss",
    ):
        first = lead(ask(ctx, text))
        assert "carries up to" in first, (text, first)
        assert "$" not in first


def test_an_elliptical_follow_up_keeps_the_capacity_asked(ctx: Context) -> None:
    for first, then in (
        ("how much can cargo dragon take up?", "what about the russian one?"),
        ("how much can cygnus haul?", "and progress?"),
    ):
        reply = ask(ctx, first, then)
        assert "progress-ms" in reply.entities, (first, then)
        assert "carries up to" in lead(reply), (first, then, reply.text)


def test_slang_for_a_dead_programme_asks_for_its_status(ctx: Context) -> None:
    for text, yes in (
        ("is dream chaser dead", "No."),
        ("is starliner scrapped lol", "No."),
        ("is antares axed?", "Yes."),
        ("is cygnus still alive", "Yes."),
    ):
        first = lead(ask(ctx, text))
        assert first.startswith(yes), (text, first)
        assert "records nothing" not in first


def test_a_retired_launcher_is_not_still_flying(ctx: Context) -> None:
    for text in ("does antares still launch cygnus?", "is antares still flying cygnus"):
        first = lead(ask(ctx, text))
        assert first.startswith("No."), (text, first)
        assert "retired" in first
        assert "Falcon 9" in first
    assert "retired" in lead(ask(ctx, "is antares still flying"))


def test_generic_words_of_a_name_do_not_name_the_record(ctx: Context) -> None:
    from commands.understand.reader import read

    for text in ("is it her first flight?", "when was the first flight", "first flight for her?"):
        assert "dream-chaser-demo" not in read(ctx, text).record_ids, text
    assert "dream-chaser-demo" in read(ctx, "when is the dream chaser demo flight").record_ids


def test_a_person_pronoun_means_the_person_the_last_question_chose(ctx: Context) -> None:
    # the NASA one of a mixed crew; the replacement a who-question asked for, not the replaced
    reply = ask(ctx, "who is the nasa astronaut on soyuz ms-29", "was that his first flight?")
    assert reply.entities[:1] == ("anil-menon",), reply.text
    assert lead(reply).startswith("Yes.")
    reply = ask(ctx, "who was put on crew-12 in place of oleg artemyev?", "had he flown before?")
    assert reply.entities[:1] == ("andrey-fedyaev",), reply.text
    assert lead(reply).startswith("Yes.")


def test_a_person_pronoun_with_a_vehicle_name_asks_about_the_person(ctx: Context) -> None:
    reply = ask(ctx, "tell me about anil menon", "had he been on a soyuz before?")
    assert reply.entities[:1] == ("anil-menon",), reply.text
    assert lead(reply).startswith("No.")
    reply = ask(ctx, "who is jack hathaway", "has he ever flown on dragon before?")
    assert reply.entities[:1] == ("jack-hathaway",), reply.text
    assert lead(reply).startswith("No.")


def test_a_crew_question_naming_an_agency_names_its_people_first(ctx: Context) -> None:
    for text, who in (
        ("which esa astronaut flew on crew-12", "Sophie Adenot"),
        ("who is roscosmos's cosmonaut on crew-12?", "Andrey Fedyaev"),
    ):
        first = lead(ask(ctx, text))
        assert first.split(".")[0].endswith(who), (text, first)


def test_a_rank_claim_no_field_checks_gets_no_bare_yes(ctx: Context) -> None:
    for text, said in (
        ("was crew-12 the first crew flight off slc-40?", "Crew-9"),
        ("was ng-23 the last cygnus on antares?", "NG-19"),
        ("was soyuz ms-29 the first crewed flight from site 31/6", "since"),
    ):
        first = lead(ask(ctx, text))
        assert first.startswith("Not known"), (text, first)
        assert said in first, (text, first)


def test_a_follow_up_on_a_topics_subject_stays_with_the_topic(ctx: Context) -> None:
    for first, then in (
        ("tell me about russia's orbital station", "when does the first module launch?"),
        ("what happens to the iss at the end?", "which rocket carries the first module?"),
    ):
        reply = ask(ctx, first, then)
        assert reply.entities[:1] == ("ros-station",), (first, then, reply.title)
        assert "Proton-M" in reply.text


def test_two_questions_in_one_message_get_both_answers(ctx: Context) -> None:
    reply = ask(ctx, "where was ng-24 berthed and who captured it?")
    assert "Unity" in reply.text
    assert "Hathaway" in reply.text
    reply = ask(ctx, "when did soyuz ms-29 dock and who flew on it?")
    assert "docked" in reply.text
    assert "Anil Menon" in reply.text


def test_a_russian_spacewalk_question_reaches_the_spacewalks(ctx: Context) -> None:
    for text in (
        "Mikaev vykhodil v otkrytyi kosmos?",
        "Выходил ли Кудь-Сверчков в открытый космос?",
    ):
        reply = ask(ctx, text)
        assert "spacewalk" in reply.text.lower(), (text, reply.text)
        assert "records nothing" not in reply.text
