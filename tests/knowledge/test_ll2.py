"""LL2 launch lists parsed into typed launches; bad input is one clear line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.dates import FuzzyDate
from knowledge.ll2 import LL2Error, designators, parse_document, parse_page, split_name
from tests.knowledge.ll2_fixtures import LL2_DIR, launch, page, previous, upcoming


def test_fixture_files_are_the_builders_output() -> None:
    assert json.loads((LL2_DIR / "upcoming.json").read_text()) == upcoming()
    assert json.loads((LL2_DIR / "previous.json").read_text()) == previous()


def test_a_page_parses_into_typed_launches() -> None:
    got = parse_document((LL2_DIR / "upcoming.json").read_text(), "upcoming.json")
    assert got.next_url is None
    assert got.count == 3
    crs, progress, starlink = got.launches
    assert (crs.rocket, crs.payload) == ("Falcon 9 Block 5", "Dragon CRS-2 SpX-35")
    assert crs.date == FuzzyDate(dt.date(2026, 10, 13))
    assert crs.state == "pending"
    assert not crs.flown
    assert crs.is_iss
    assert crs.updated == dt.date(2026, 10, 10)
    assert crs.pad == "Space Launch Complex 40"
    assert crs.url.endswith(f"/launches/{crs.ll2_id}/")
    assert progress.date == FuzzyDate.parse("2026-12")  # Month precision stays a month
    assert progress.precision_name == "Month"
    assert not starlink.is_iss


def test_outcomes_and_dockings() -> None:
    got = parse_page(previous(), "previous")
    ms35 = got.launches[0]
    assert ms35.state == "success"
    assert ms35.flown
    assert len(ms35.dockings) == 1
    assert ms35.dockings[0].at_iss
    assert ms35.dockings[0].docked == dt.datetime(2026, 9, 18, 5, 30, tzinfo=dt.UTC)
    assert ms35.dockings[0].departed is None


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("Day", "2026-11-20"), ("Month", "2026-11"), ("Year", "2026")],
)
def test_net_precision_becomes_the_dates_precision(precision: str, expected: str) -> None:
    item = launch("Soyuz 2.1a | Progress MS-36", "2026-11-20T04:00:00Z", precision=precision)
    assert parse_page(page([item]), "x").launches[0].date == FuzzyDate.parse(expected)


def test_quarters_halves_and_weeks() -> None:
    item = launch("Soyuz 2.1a | Progress MS-36", "2026-11-20T04:00:00Z")
    for name, abbrev, expected in (
        ("Quarter 4", "Q4", "2026-Q4"),
        ("Half 2", "H2", "NET 2026-Q4"),
        ("Week", "Week", "NET 2026-11-20"),
    ):
        item["net_precision"] = {"id": 99, "name": name, "abbrev": abbrev}
        assert parse_page(page([item]), "x").launches[0].date == FuzzyDate.parse(expected)
    del item["net_precision"]
    assert parse_page(page([item]), "x").launches[0].date.precision == "day"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"count": 1, "results": [', "x.json: not valid JSON (line 1, column 26"),
        (
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>",
            "x.json: an HTML page (502 Bad Gateway), not LL2 JSON",
        ),
        ('{"detail": "Request was throttled."}', "LL2 answered with an error: Request was"),
        ('{"hello": 1}', "x.json: not an LL2 launch list"),
        ('{"results": {}}', "`results` is not a list"),
    ],
)
def test_unusable_documents_are_one_line(text: str, message: str) -> None:
    with pytest.raises(LL2Error) as err:
        parse_document(text, "x.json")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_launch_without_net_names_itself() -> None:
    item = launch("Soyuz 2.1a | Progress MS-36", "2026-11-20T04:00:00Z")
    del item["net"]
    with pytest.raises(LL2Error) as err:
        parse_page(page([item]), "up.json")
    assert str(err.value) == (
        "up.json: launch 1 ('Soyuz 2.1a | Progress MS-36'): no `net` (launch date)"
    )
    item["net"] = "soon"
    with pytest.raises(LL2Error, match="`net` is not a date and time: 'soon'"):
        parse_page(page([item]), "up.json")


_PART = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="|"), max_size=40
)


@given(_PART, _PART)
def test_split_name_takes_rocket_and_payload_apart(rocket: str, payload: str) -> None:
    got_rocket, got_payload = split_name(f"{rocket} | {payload}")
    assert got_rocket == " ".join(rocket.split())
    assert got_payload == " ".join(payload.split())
    assert split_name(payload) == ("", " ".join(payload.split()))


@given(st.text(max_size=80))
def test_split_name_never_fails_and_keeps_every_word(name: str) -> None:
    rocket, payload = split_name(name)
    assert "|" not in rocket
    assert " ".join(f"{rocket} {payload}".split()) == " ".join(name.replace("|", " ", 1).split())


@given(
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True),
    st.integers(min_value=0, max_value=9999),
    st.sampled_from(["-", " ", ""]),
)
def test_designators_are_found_in_any_spelling(word: str, number: int, sep: str) -> None:
    assert designators(f"Rocket {word}{sep}{number} extra") == [f"{word}-{number}"]


def test_designators_of_real_names() -> None:
    assert designators("Dragon CRS-2 SpX-35") == ["CRS-2", "SpX-35"]
    assert designators("Progress MS-35") == ["MS-35"]
    assert designators("Crew-13") == ["Crew-13"]
    assert designators("Starlink Group 10-5") == []  # "10-5" is no designator
