"""Picking remembered crew by country: every nationality reachable, several named together."""

from __future__ import annotations

from commands.context import Context
from commands.understand import vocabulary as vocab
from commands.understand.reader import countries_of, read
from tests.commands.conftest import ask


def test_every_nationality_in_the_base_is_reachable_by_its_adjective(ctx: Context) -> None:
    for c in ctx.kb.crew.values():
        q = read(ctx, f"which one is {c.nationality.lower()}")
        assert q.hint in vocab.COUNTRIES, (c.id, c.nationality, q.hint)
        assert any(x in vocab.COUNTRIES[q.hint] for x in countries_of(ctx.kb, c.id)), c.id
        assert not q.subjects, (c.nationality, q.subjects)  # an adjective names no agency


def test_the_one_person_of_a_country_is_picked(ctx: Context) -> None:
    for turns, person in (
        (("who flew on crew-13", "which one is canadian"), "joshua-kutryk"),
        (("who was on crew-13?", "and the canadian one?"), "joshua-kutryk"),
        (("who flew on crew-12", "the french one?"), "sophie-adenot"),
        (("crew of crew-12", "which of them is european"), "sophie-adenot"),
        (("who flew on crew-11", "which one is japanese"), "kimiya-yui"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[0] == person, (turns, reply.entities)
        assert "Not known" not in reply.text, (turns, reply.text)


def test_several_people_of_a_country_are_all_named(ctx: Context) -> None:
    for turns, names in (
        (("who flew on crew-12", "which of them is american"), ("Jessica Meir", "Jack Hathaway")),
        (("who was on soyuz ms-29", "which of them are russian?"), ("Pyotr Dubrov", "Anna Kikina")),
        (("crew-13 crew?", "which of those are american"), ("Jessica Watkins", "Luke Delaney")),
    ):
        reply = ask(ctx, *turns)
        first = reply.text.split("\n\n")[0]
        assert all(n in first for n in names), (turns, first)
        assert reply.kind == "answer"


def test_after_naming_several_the_rest_of_the_crew_stays_remembered(ctx: Context) -> None:
    reply = ask(ctx, "who flew on crew-12", "which of them is american", "which one is russian")
    assert reply.entities[0] == "andrey-fedyaev", reply.entities


def test_a_pick_with_nothing_earlier_asks(ctx: Context) -> None:
    for text in ("which of them is american", "which one is canadian?"):
        assert ask(ctx, text).kind == "suggestions", text


def test_the_national_on_it_after_a_flight_is_its_crew_member(ctx: Context) -> None:
    for turns, person in (
        (("when did soyuz ms-29 launch", "who is the american on it"), "anil-menon"),
        (("when did soyuz ms-29 launch", "and the american aboard?"), "anil-menon"),
        (("when did crew-13 launch", "who's the canadian"), "joshua-kutryk"),
        (("when did crew-13 launch", "and the russian cosmonaut?"), "sergey-teteryatnikov"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[0] == person, (turns, reply.entities)
        assert "Not known" not in reply.text, (turns, reply.text)


def test_nationals_said_in_the_plural_name_them_all(ctx: Context) -> None:
    for turns, names in (
        (("when did soyuz ms-29 launch", "who are the russians on it?"), ("Dubrov", "Kikina")),
        (("when did crew-12 launch", "who are the americans aboard"), ("Meir", "Hathaway")),
    ):
        first = ask(ctx, *turns).text.split("\n\n")[0]
        assert all(n in first for n in names), (turns, first)
        assert "Americans" not in first, first
        assert "Russians" not in first, first


def test_the_national_on_it_with_nothing_earlier_asks(ctx: Context) -> None:
    for text in ("who is the american on it", "who are the russians aboard?"):
        assert ask(ctx, text).kind == "suggestions", text
