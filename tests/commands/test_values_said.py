"""An asked value buried in a topic leads it, and a designation no record is about is
answered from the sentence that mentions it."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import answer_to, first


def test_the_amount_beside_the_asked_words_leads_a_topic(ctx: Context) -> None:
    for text, said in (
        ("how much delta-v does a Dragon boost kit give", "9 m/s"),
        ("what's Starliner's contract worth", "$4.2 billion or $4.5 billion"),
        ("what is boeing's starliner contract worth", "$4.2 billion or $4.5 billion"),
    ):
        lead = first(ctx, text).split(". ")[0]
        assert said in lead, (text, lead)


def test_an_amount_sentence_already_first_stays_first(ctx: Context) -> None:
    lead = first(ctx, "how much propellant does the iss use a year")
    assert lead.startswith("No current official figure for ISS propellant use"), lead


def test_a_reentry_in_other_words_is_the_records_date(ctx: Context) -> None:
    for text in ("when did HTV-X1 re-enter", "when did HTV-X1 finally burn up"):
        lead = first(ctx, text)
        assert lead.startswith("HTV-X1 re-entered the atmosphere on 27 May 2026"), (text, lead)


def test_a_designation_with_no_record_is_answered_from_its_mention(ctx: Context) -> None:
    for text, said in (
        ("Cygnus NG-19 reboost burn length", "22 min 48 s"),
        ("how long did ng-19 burn to reboost", "22 min 48 s"),
        ("when did ng-19 launch", "1 August 2023"),
    ):
        reply = answer_to(ctx, text)
        assert reply.kind == "answer", (text, reply.plain())
        assert said in reply.text.split("\n\n")[0], (text, reply.text)
        assert "no record of its own" in reply.text
        assert reply.sources


def test_a_designation_nothing_mentions_stays_unknown(ctx: Context) -> None:
    for text in ("progress ms-99 launch date", "when does artemis 2 launch"):
        assert answer_to(ctx, text).kind == "suggestions", text
