"""Why-questions lead with the sentence that gives the reason, not the change it explains."""

from __future__ import annotations

from commands.context import Context
from commands.reasons import gives_reason
from tests.commands.conftest import answer_to, lead


def test_a_why_question_about_moved_flights_leads_with_why(ctx: Context) -> None:
    for text in (
        "why did nasa move the CRS-34 and CRS-35 flights up",
        "why was crs-35 advanced",
        "how come crs-34 got moved earlier? why",
    ):
        first = lead(ctx, text).split("\n")[0]
        assert "pad damage" in first, (text, first)


def test_a_reason_already_first_stays_first(ctx: Context) -> None:
    for text in ("why was artemyev removed from crew-12", "why did oleg artemyev get pulled"):
        first = lead(ctx, text)
        assert first.startswith("In late November 2025 Oleg Artemyev"), (text, first)
        assert "accused" in first.split(". ")[0]


def test_a_reason_from_a_record_keeps_its_sources(ctx: Context) -> None:
    reply = answer_to(ctx, "why was crs-35 advanced")
    assert "crs-35" in reply.entities
    assert reply.sources


def test_near_misses_keep_their_topics_lead(ctx: Context) -> None:
    # the topic's first sentence already says why: no record sentence goes before it
    first = lead(ctx, "why did crew-11 come home early")
    assert first.startswith("Crew-11 (launched 1 August 2025) returned early"), first
    first = lead(ctx, "why is soyuz in such a mess rn")
    assert first.startswith("On 27 November 2025"), first


def test_what_counts_as_a_reason() -> None:
    assert gives_reason("Moved up a month when NASA reshuffled flights after the pad damage.")
    assert gives_reason("He was accused of photographing restricted documents.")
    assert not gives_reason("CRS-34 moved from June to May 2026.")


def test_a_record_why_leads_with_its_cause_not_its_status_line(ctx: Context) -> None:
    first = lead(ctx, "how come the ng-22 cygnus got axed").split("\n")[0]
    assert "damaged in transit" in first, first
    first = lead(ctx, "why did crew-12 fly sooner than first planned").split("\n")[0]
    assert "medical evacuation" in first, first


def test_a_why_not_leads_with_the_limit(ctx: Context) -> None:
    first = lead(ctx, "why isn't baikonur site 1/5 in use anymore").split("\n")[0]
    assert "never upgraded" in first, first
    first = lead(ctx, "why must the iss keep getting progress ships if dragon is bigger")
    assert first.split("\n")[0].startswith("Progress is the only vehicle"), first


def test_a_consequence_never_leads_over_the_cause(ctx: Context) -> None:
    first = lead(ctx, "why was site 31/6 destroyed in 2025").split("\n")[0]
    assert "fell into the flame trench" in first, first


def test_a_stated_reason_beats_the_news_line(ctx: Context) -> None:
    first = lead(ctx, "why does nasa want more spacex crew missions").split("\n")[0]
    assert "reasons" in first, first


def test_what_counts_as_a_temporal_after() -> None:
    assert not gives_reason("The first crewed launch after the repair was Soyuz MS-29.")
    assert gives_reason("The mission was cancelled after the module was found damaged.")
