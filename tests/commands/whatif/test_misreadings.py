"""What-ifs once read wrongly: a designation before its family word, a stay said as its length,
a slip from a named origin, an outage "like last time", a pad whose flights are all overdue and
resupply stopping with no flight named."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def _reply(text: str) -> tuple[str, str]:
    reply = answer(_CTX, text, NOW)
    return reply.title, reply.text


def test_family_word_after_designation_picks_that_family() -> None:
    title, text = _reply("if the ms-29 soyuz stayed 200 days, when would it come back")
    assert "Soyuz MS-29" in title
    assert "Progress" not in text
    assert text.startswith("Around 30 January 2027")


def test_shared_designation_alone_asks_which() -> None:
    title, text = _reply("what if ms-29 stayed 200 days, when would it have to leave")
    assert title == "Which flight?"
    assert "Progress MS-29" in text
    assert "Soyuz MS-29" in text


def test_shared_designation_in_a_scenario_asks_which() -> None:
    _, text = _reply("what if ms-29 slipped 3 weeks")
    assert "which flight?" in text
    assert "Progress MS-29 or Soyuz MS-29" in text


def test_stay_of_the_design_life_is_its_length() -> None:
    _, text = _reply("suppose soyuz ms-29 just stayed its design life, when does it need to return")
    assert text.startswith("Around 9 February 2027")
    assert "design life of 210 days" in text
    assert "plus" not in text


def test_stay_said_as_length_is_weighed_not_added() -> None:
    _, text = _reply("would the ms-29 soyuz be past its design life if it stayed 230 days")
    assert text.startswith("Yes: a stay of your 230 days is longer than")
    assert "242" not in text  # the typical stay is not added to it


def test_stay_said_as_extra_is_still_added() -> None:
    _, text = _reply("would soyuz ms-29 exceed its design life if it stayed 10 extra days")
    assert "plus" in text


def test_slip_from_a_named_month_counts_from_it() -> None:
    _, text = _reply("suppose progress ms-33 had been delayed 5 months from december")
    assert text.startswith("If Progress MS-33 had slipped 5 months from December 2025, to ")
    assert "May 2026" in text.split("(")[0]


def test_slip_from_its_original_date_uses_the_first_plan() -> None:
    _, text = _reply("what if progress ms-33 had slipped two months from its original launch date")
    assert "from its original date (20 December 2025), to 22 February 2026" in text


def test_slip_with_no_origin_still_counts_from_the_plan() -> None:
    _, text = _reply("what if progress ms-33 had slipped 2 months")
    assert "had slipped 2 months (it flew on 22 March 2026)" in text


def test_pad_out_like_its_year_copies_its_recorded_outage_from_now() -> None:
    _, text = _reply("what if baikonur site 31/6 got smashed up again just like in 2025")
    assert "as long as its last recorded closure, 27 November 2025 – 3 March 2026" in text
    assert "(96 days, to 7 March 2027)" in text


def test_pad_out_like_a_year_with_no_closure_then_says_so() -> None:
    _, text = _reply("what if the soyuz pad is wrecked like back in 2019")
    assert "not in 2019" in text
    assert "27 November 2025 – 3 March 2026" in text


def test_idle_pad_closure_says_why_nothing_changes_first() -> None:
    _, text = _reply("what if space launch complex 40 is closed for 6 weeks")
    assert text.startswith(
        "The fact base has no supply or crew-rotation flight from Cape Canaveral SLC-40 planned"
    )
    assert "CRS-35" in text.split("If ")[0]
    assert "overdue" in text.split("If ")[0]
    assert text.rstrip().endswith("single point of failure for US cargo and crew.")


def test_pad_closure_that_changes_supplies_keeps_its_verdict_first() -> None:
    _, text = _reply("what if site 31/6 is closed for 8 months")
    assert text.startswith("If Baikonur Site 31/6")


def test_resupply_stopping_with_an_adverb_is_the_no_cargo_scenario() -> None:
    title, text = _reply("if cargo flights simply stopped, how long till they need to come home")
    assert title.startswith("What if")
    assert text.startswith("If there is no cargo with no end date")
    assert "the crew would have to leave by" in text


def test_they_in_a_scenario_is_the_crew_not_an_earlier_turn() -> None:
    title, _ = _reply("if deliveries suddenly stopped, how long till they must leave")
    assert title.startswith("What if")
