"""Audit: yes/no claims built from the fact base itself never contradict the record's field.

For every flight with a recorded rocket, pad and operator, the true claim must never be
answered "No" and a false one (another record's value of the same field) never "Yes".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from commands.context import Context
from commands.format import outcome_date
from commands.router import answer
from knowledge.schema import Mission
from tests.commands.conftest import TODAY

# (field, the question for a value of it); each is asked with the true value and a false one
_FORMS: tuple[tuple[str, Callable[[str, str], str]], ...] = (
    ("launcher", lambda m, v: f"did {m} launch on a {v}?"),
    ("launcher", lambda m, v: f"was {m} launched by a {v} rocket"),
    ("pad", lambda m, v: f"did {m} launch from {v}?"),
    ("pad", lambda m, v: f"did {m} lift off from {v}"),
    ("operator", lambda m, v: f"was {m} operated by {v}?"),
    ("operator", lambda m, v: f"is {m} run by {v}"),
    ("vehicle", lambda m, v: f"was {m} a {v} flight?"),
)


def _claims(ctx: Context) -> Iterator[tuple[str, bool]]:
    missions = [m for m in ctx.kb.missions.values() if isinstance(m, Mission)]
    for field, form in _FORMS:
        values = sorted({v for m in missions if (v := getattr(m, field)) is not None})
        for m in missions:
            true = getattr(m, field)
            if true is None:
                continue
            false = next(v for v in values if v != true)
            for value, holds in ((true, True), (false, False)):
                rec = ctx.kb.get(value)
                assert rec is not None
                yield form(m.name, rec.name), holds


def test_claims_from_the_base_never_contradict_the_field(ctx: Context) -> None:
    wrong = []
    for question, holds in _claims(ctx):
        text = answer(ctx, question, TODAY).text
        if text.startswith("No" if holds else "Yes"):
            wrong.append(f"{question} -> {text[:160]}")
    assert not wrong, "\n".join(wrong)


def test_year_claims_from_the_base(ctx: Context) -> None:
    wrong = []
    for m in ctx.kb.missions.values():
        launched = outcome_date(m)
        if launched is None or launched.net or launched.precision == "quarter":
            continue
        year = launched.start.year
        for asked, holds in ((year, True), (year - 1, False), (year + 2, False)):
            question = f"did {m.name} launch in {asked}?"
            text = answer(ctx, question, TODAY).text
            if not text.startswith("Yes" if holds else "No"):
                wrong.append(f"{question} -> {text[:160]}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("who", ["soyuz-ms-28", "crew-12"])
def test_crew_claims_from_the_base(ctx: Context, who: str) -> None:
    m = ctx.kb.missions[who]
    others = [c for c in ctx.kb.crew if c not in m.crew]
    for cid, holds in [*((c, True) for c in m.crew), (others[0], False), (others[-1], False)]:
        person = ctx.kb.crew[cid].name
        text = answer(ctx, f"was {person} on {m.name}?", TODAY).text
        assert text.startswith("Yes" if holds else "No"), (person, text)
