"""Follow-ups that lean on the last exchange in other ways (issue 12, fresh follow-ups): a
cargo-class fragment asks the last amount question again, a record tied to the referent ("the
rocket it rides on") is asked about in its own right, and a yes/no question nobody's texts
settle stays on the subject."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, ask


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


# --- a cargo class alone continues the last amount question ---------------------------------


def test_a_cargo_fragment_asks_the_last_amount_again(ctx: Context) -> None:
    first = ("tell me about progress ships", "how much propellant do they usually carry")
    reply = ask(ctx, *first)
    assert reply.entities[0] == "progress-ms", reply.plain()
    assert "750" in _lead(reply.text)
    for fragment, said in (
        ("and water?", "420 L"),
        ("what about water", "420 L"),
        ("and oxygen?", "40–50 kg"),
        ("what about nitrogen?", "40–50 kg"),
        ("water?", "420 L"),
        ("how much water?", "420 L"),
    ):
        reply = ask(ctx, *first, fragment)
        assert reply.entities[0] == "progress-ms", (fragment, reply.plain())
        assert said in _lead(reply.text), (fragment, reply.plain())


def test_a_cargo_fragment_after_a_flight_stays_on_the_flight(ctx: Context) -> None:
    reply = ask(ctx, "how much propellant did progress ms-32 carry", "and water?")
    assert reply.entities[0] == "progress-ms-32"
    assert "water is not recorded" in _lead(reply.text)
    cygnus = ask(ctx, "how much can cygnus carry", "and what about fuel?")
    assert _lead(cygnus.text).startswith("Cygnus carries no propellant")


def test_more_than_a_cargo_word_is_a_question_of_its_own(ctx: Context) -> None:
    # near-misses: a topic's subject beside the cargo word, or no earlier subject
    recovery = ask(ctx, "tell me about progress ships", "and water recovery?")
    assert recovery.entities[0] == "iss-water-recovery"
    recycle = ask(ctx, "tell me about progress ships", "how much water does the station recycle")
    assert recycle.entities[0] == "iss-water-recovery"
    alone = answer(ctx, "and water?", TODAY)
    assert alone.kind == "suggestions"
    # after no amount question, a bare "how much water?" is the crew's use (a topic)
    person = ask(ctx, "who is jessica meir", "how much water?")
    assert person.entities[0] == "iss-consumption-rates"


# --- a record tied to the referent -----------------------------------------------------------


def test_the_rocket_it_rides_on_is_the_flights_launcher(ctx: Context) -> None:
    for second, rid, said in (
        ("is the rocket it rides on flying again?", "h3", "Yes. H3 flew again on 11 August 2026"),
        ("what pad does its rocket use", "h3", "Tanegashima"),
        ("who makes its rocket", "h3", "Mitsubishi Heavy Industries"),
        ("who builds the ship it flies on", "htv-x", "HTV-X is built by Mitsubishi"),
    ):
        reply = ask(ctx, "when does HTV-X2 launch", second)
        assert reply.entities[0] == rid, (second, reply.plain())
        assert said in _lead(reply.text), (second, reply.plain())


def test_ties_from_other_records(ctx: Context) -> None:
    pad = ask(ctx, "tell me about soyuz ms-28", "what pad does its rocket use")
    assert pad.entities[0] == "soyuz-2-1a"
    reusable = ask(ctx, "tell me about cygnus", "is its rocket reusable?")
    assert reusable.entities[0] == "falcon-9"  # its one active rocket
    assert _lead(reusable.text).startswith("Yes.")
    capsule = ask(ctx, "who is jessica meir", "who built the capsule she flew up in")
    assert capsule.entities[0] == "crew-dragon"  # her flight's spacecraft
    operated = ask(ctx, "tell me about crs-33", "who operates the rocket it launched on")
    assert "Falcon 9 is operated by SpaceX" in _lead(operated.text)


def test_that_rocket_is_the_flights_rocket(ctx: Context) -> None:
    for second, said in (
        ("is that rocket flying again?", "Yes. H3 flew again"),
        ("and the rocket, is it flying again?", "H3 flew again on 11 August 2026"),
        ("who makes the rocket?", "H3 is built by Mitsubishi"),
    ):
        reply = ask(ctx, "when does HTV-X2 launch", second)
        assert reply.entities[0] == "h3", (second, reply.plain())
        assert said in _lead(reply.text)


def test_asking_for_the_tie_itself_names_it(ctx: Context) -> None:
    # near-misses: "what rocket does it ride on" asks which rocket, of the flight
    for second in ("what rocket does it ride on", "what's its rocket?"):
        reply = ask(ctx, "when does HTV-X2 launch", second)
        assert reply.entities[0] == "htv-x2", (second, reply.plain())
        assert "H3" in _lead(reply.text)


def test_flying_again_after_a_failure(ctx: Context) -> None:
    lead = _lead(answer(ctx, "is h3 flying again?", TODAY).text)
    assert lead.startswith("Yes. H3 flew again on 11 August 2026, after its failure on 22")
    # a vehicle with no recorded failure keeps the ordinary launch answer
    soyuz = _lead(answer(ctx, "is soyuz-2.1a flying again", TODAY).text)
    assert "The next Soyuz-2.1a flight recorded" in soyuz
    antares = _lead(answer(ctx, "is antares flying again", TODAY).text)
    assert antares.startswith("No. Antares is retired")


# --- a yes/no question nobody's texts settle stays on the subject -----------------------------


def test_an_unsettled_yes_no_stays_on_the_event(ctx: Context) -> None:
    for second, word in (
        ("was anyone injured?", "injured"),
        ("was anyone hurt?", "hurt"),
        ("did anybody get hurt", "hurt"),
        ("were there any casualties?", "casualties"),
        ("was it insured?", "insured"),
        ("any injuries?", "injuries"),
        ("did anyone die", "die"),
    ):
        reply = ask(ctx, "what broke at Site 31 in November", second)
        assert reply.entities[0] == "pad-31-damage", (second, reply.plain())
        lead = _lead(reply.text)
        assert lead.startswith("Not known as of 10 October 2026"), lead
        assert f"“{word}”" in lead
        assert "27 November 2025" in reply.text  # the event itself is repeated


def test_an_unsettled_yes_no_about_a_flight(ctx: Context) -> None:
    reply = ask(ctx, "when did soyuz ms-28 launch", "was anyone hurt?")
    assert reply.entities[0] == "soyuz-ms-28", reply.plain()
    assert _lead(reply.text).startswith("Not known as of")
    assert "scandal" not in reply.text.lower()


def test_a_yes_no_a_topic_settles_leaves_the_subject(ctx: Context) -> None:
    # near-misses: a topic sure of several of its words, a pronoun's topic, names it lacks
    station = ask(ctx, "what broke at Site 31 in November", "is russia building its own station?")
    assert station.entities[0] != "pad-31-damage"
    deorbit = ask(ctx, "what broke at Site 31 in November", "is the iss going to be deorbited?")
    assert deorbit.entities[0] == "iss-end-of-life"
    ties = ask(ctx, "who is oleg artemyev", "did it hurt cooperation with russia?")
    assert ties.entities[0] == "scandal-impact"
    artemis = ask(ctx, "what broke at Site 31 in November", "is artemis 2 delayed?")
    assert artemis.kind == "suggestions"
    reboost = ask(ctx, "when did crs-33 launch", "did it reboost the station?")
    assert reboost.entities[0] == "iss-propellant-and-reboost"


# --- a shared name after a subject of one kind ----------------------------------------------


def test_what_about_a_shared_name_takes_the_same_kind(ctx: Context) -> None:
    reply = ask(ctx, "how much propellant does progress carry", "what about dragon?")
    assert reply.entities[0] == "cargo-dragon", reply.plain()
    assert _lead(reply.text).startswith("Cargo Dragon 2 carries no propellant")
    # near-misses: no subject of that kind earlier, or none at all: ask which Dragon
    for turns in (("who flew on crew-12", "what about dragon?"), ("what about dragon?",)):
        assert ask(ctx, *turns).kind == "suggestions", turns
