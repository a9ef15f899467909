"""A claim marked for checking ("i heard …, true?", "someone said …, is that right?") is a
yes/no of the claim itself; a mass claimed of a vehicle is checked against its capacity."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_hearsay_leads_and_tails_make_a_yes_no(ctx: Context) -> None:
    for text in (
        "i heard progress ms-33 went up from site 31/6, true?",
        "somebody told me crew-13 docked in october. is that right?",
        "apparently crew-13 launched on a falcon 9",
        "crew-13 launched on a falcon 9, correct?",
    ):
        got = lead(ctx, text)
        assert got.startswith("Yes"), (text, got)
        assert "true" not in got.split(".")[0].lower(), text


def test_hearsay_words_are_no_subject_words(ctx: Context) -> None:
    got = lead(ctx, "i've read that crew-12 docked in february, is that true?")
    assert "heard" not in got
    assert "“true”" not in got


def test_a_mass_above_the_capacity_is_no(ctx: Context) -> None:
    assert lead(ctx, "could cargo dragon haul 5,500 kg to the iss?").startswith("No")
    assert lead(ctx, "i heard progress can lift 9 tonnes, true?").startswith("No")


def test_a_mass_within_the_capacity_is_yes(ctx: Context) -> None:
    assert lead(ctx, "can cygnus carry 4000 kg").startswith("Yes")
    assert lead(ctx, "can dragon carry cargo").startswith("Yes")
