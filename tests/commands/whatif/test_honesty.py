"""What the what-if reply owns up to: placed dates, the damage date, a short recorded plan,
and its length."""

from __future__ import annotations

import datetime as dt
import re

from commands.context import Context
from commands.reply import Reply
from commands.whatif import ask
from tests.commands.conftest import TODAY

PLACED = "date known only to the month; counted at mid-November 2026 (assumption)"
CAVEAT = (
    "so even the unchanged plan runs short; compare the scenario with the recorded plan, not "
    "with reality."
)


def field(reply: Reply, name: str) -> str:
    return next((f.value for f in reply.fields if f.name == name), "")


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=\.)\s+(?=[A-Z])", text)


def test_a_month_only_plan_is_named_as_the_models_placement_when_cancelled(ctx: Context) -> None:
    r = ask(ctx, "what if CRS-35 is delayed 3 months and Progress MS-36 is cancelled", TODAY)
    scen = field(r, "Scenario")
    assert "was due 2026-11-15" not in scen
    assert (
        "Progress MS-36 cancelled (planned only as “November 2026”; the model had it at "
        "mid-November 2026, 2026-11-15" in scen
    )
    assert "an assumption" in scen


def test_a_month_only_plan_placed_in_the_past_is_counted_though_overdue(ctx: Context) -> None:
    r = ask(ctx, "what if crs-35 is cancelled", TODAY)
    overdue = field(r, "Counted though overdue")
    assert "Progress MS-36 on 2026-11-15" in overdue
    assert PLACED in overdue


def test_a_month_only_plan_still_ahead_is_listed_as_placed(ctx: Context) -> None:
    r = ask(ctx, "what if crs-35 is cancelled", dt.date(2026, 6, 1))
    assert "Progress MS-36" not in field(r, "Counted though overdue")
    assert PLACED in field(r, "Dates the model placed")


def test_moving_a_placed_plan_says_where_it_was_placed(ctx: Context) -> None:
    r = ask(ctx, "what if progress ms-36 slips 2 months", TODAY)
    assert (
        "2026-11-15 (the model's mid-November 2026 placement of “November 2026”) → 2027-01-15"
        in field(r, "Scenario")
    )


def test_pad_down_from_its_last_damage_starts_on_the_recorded_damage_date(ctx: Context) -> None:
    r = ask(ctx, "what if pad 31/6 stays down for 2 years", TODAY)
    scen = field(r, "Scenario")
    assert "Baikonur Site 31/6 down 2025-11-27 → 2027-11-27 (from its recorded damage)" in scen
    assert "down 2025-12-10" not in scen


def test_the_short_recorded_plan_is_said_in_the_first_two_sentences(ctx: Context) -> None:
    for q in ("what if crs-35 is cancelled", "what if pad 31/6 stays down for 2 years"):
        r = ask(ctx, q, TODAY)
        first_two = " ".join(sentences(r.text)[:2])
        assert "The fact base records no supply flights after November 2026" in first_two
        assert CAVEAT in first_two


def test_the_reply_stays_well_under_the_embed_limit(ctx: Context) -> None:
    for q in (
        "what if pad 31/6 stays down for 2 years",
        "what if CRS-35 is delayed 3 months and HTV-X2 is cancelled",
        "what if the crew was 10 people",
        "what if progress ms-34 had not launched",
    ):
        r = ask(ctx, q, TODAY)
        assert r.kind == "whatif"
        assert len(r.plain()) < 4500, (q, len(r.plain()))


def test_deliveries_list_only_what_the_scenario_changes(ctx: Context) -> None:
    r = ask(ctx, "what if crs-35 slips 1 month", TODAY)
    deliveries = field(r, "Deliveries in the scenario")
    assert "Changed: CRS-35 2026-11-13 (was 2026-10-13)." in deliveries
    assert "Progress MS-33" not in deliveries
    assert re.search(r"\d+ others as recorded", deliveries)
