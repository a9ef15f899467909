"""LL2 proposals against a fixture base; --apply writes all or none, untouched bytes kept."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest

from commands.changes import diff
from knowledge import check, load
from knowledge.base import KnowledgeBase
from knowledge.ll2 import Launch, parse_page
from knowledge.proposal import Proposal
from knowledge.search import SearchIndex
from knowledge.update import propose, write
from knowledge.yamledit import EditError, Editor, RecordEdit, commit, flow, scalar
from tests.knowledge.ll2_fixtures import BASE_DIR, launch, page, previous, upcoming

TODAY = dt.date(2026, 10, 11)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(BASE_DIR, folder)
    return folder


def _launches(*pages: dict[str, object]) -> list[Launch]:
    return [x for p in pages for x in parse_page(p, "fixture").launches]


def _propose(folder: Path, *pages: dict[str, object]) -> tuple[KnowledgeBase, Proposal]:
    kb = load(folder)
    return kb, propose(kb, SearchIndex.build(kb), _launches(*pages), TODAY)


def _change(p: Proposal, rid: str) -> str:
    return "; ".join(c.what for c in p.changes if c.record_id == rid)


def test_proposals_from_the_fixture_lists(base: Path) -> None:
    _kb, p = _propose(base, upcoming(), previous())
    # a moved date
    assert _change(p, "crs-35") == "schedule: 30 August 2026 -> 13 October 2026"
    entry = p.edits["crs-35"].append["schedule"][0]
    assert entry["by"] == "Launch Library 2"
    assert entry["announced"] == dt.date(2026, 10, 10)  # LL2's last_updated
    assert p.edits["crs-35"].set == {"status_as_of": dt.date(2026, 10, 10)}
    # a launch outcome, with its docking
    assert _change(p, "progress-ms-35") == (
        "launched 16 September 2026 (Launch Successful); status: planned -> docked; "
        "schedule: 9 September 2026 -> 16 September 2026"
    )
    assert [e["kind"] for e in p.edits["progress-ms-35"].append["events"]] == ["launched", "docked"]
    # a new ISS mission, named and placed like its series
    new = next(r for r in p.new_records if r.kind == "mission")
    assert (new.data["id"], new.after) == ("progress-ms-36", "progress-ms-35")
    assert new.data["vehicle"] == "progress-ms"
    assert new.data["pad"] == "baikonur-site-31"
    assert new.data["status"] == "planned"
    assert "not yet reviewed by a curator" in new.data["summary"]
    # an ambiguous match is listed, never guessed
    assert [(u.launch.payload, u.candidates) for u in p.ambiguous] == [
        ("MS-28", ("progress-ms-28", "soyuz-ms-28"))
    ]
    # a conflict with a curated value is a dispute; the curated launch date stays
    assert _change(p, "crew-12") == "dispute: Crew-12 launch date"
    assert "set" not in str(p.edits["crew-12"].set)
    claims = p.edits["crew-12"].append["disputes"][0]["claims"]
    assert claims[0] == {"says": "Launched on 13 February 2026.", "sources": ["src-spacex"]}
    assert claims[1]["sources"] == ["ll2-crew-12-20260301"]
    # the same launch a day apart in UTC is no conflict; a non-ISS flight is ignored
    assert [rid for _, rid in p.unchanged] == ["progress-ms-34"]
    assert [u.launch.payload for u in p.ignored] == ["Starlink Group 10-5"]
    # every LL2 claim cites an LL2 source record dated by last_updated
    sources = {r.data["id"]: r.data for r in p.new_records if r.kind == "source"}
    assert sources["ll2-dragon-crs-2-spx-35-20261010"]["date"] == dt.date(2026, 10, 10)
    assert not p.problems


def test_a_curated_plan_newer_than_ll2_is_disputed_not_replaced(base: Path) -> None:
    stale = launch(
        "Falcon 9 Block 5 | Dragon CRS-2 SpX-35",
        "2026-09-20T10:00:00Z",
        updated="2026-05-01T08:00:00Z",  # older than the curated status_as_of (2026-05-15)
    )
    _kb, p = _propose(base, page([stale]))
    assert _change(p, "crs-35") == "dispute: CRS-35 planned date"
    assert "schedule" not in p.edits["crs-35"].append


def test_a_rocket_that_is_not_the_missions_launcher_is_not_taken(base: Path) -> None:
    odd = launch("Soyuz 2.1a | Crew-12", "2026-02-11T10:15:00Z", status="Success")
    _kb, p = _propose(base, page([odd]))
    assert p.empty
    assert "not its recorded launcher (Falcon 9)" in p.ambiguous[0].reason


def test_an_unknown_iss_flight_without_a_series_is_listed_not_invented(base: Path) -> None:
    mystery = launch("Falcon 9 Block 5 | Mystery Cargo", "2026-12-01T00:00:00Z")
    _kb, p = _propose(base, page([mystery]))
    assert p.empty
    assert "could not tell its spacecraft" in p.unmatched[0].reason


def _changed_lines(old: str, new: str) -> list[str]:
    """The old lines an edit replaced or deleted (inserted lines are not counted)."""
    out: list[str] = []
    a, b = old.splitlines(True), new.splitlines(True)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            out += a[i1:i2]
    return out


def test_apply_writes_a_valid_base_and_keeps_untouched_lines(base: Path) -> None:
    before = {p.name: p.read_bytes() for p in base.iterdir()}
    kb, p = _propose(base, upcoming(), previous())
    written, problems = write(base, p)
    assert problems == []
    assert sorted(x.name for x in written) == ["missions.yaml", "sources.yaml"]
    new_kb, found = check(base)
    assert found == []
    assert new_kb is not None
    assert new_kb.as_of == dt.date(2026, 10, 10)
    for name, data in before.items():
        if name not in ("missions.yaml", "sources.yaml"):
            assert (base / name).read_bytes() == data, name
    assert (
        _changed_lines(before["sources.yaml"].decode(), (base / "sources.yaml").read_text()) == []
    )
    replaced = _changed_lines(
        before["missions.yaml"].decode(), (base / "missions.yaml").read_text()
    )
    assert replaced == [
        "  status: planned\n",  # Progress MS-35
        "  status_as_of: 2026-08-01\n",
        "  status_as_of: 2026-05-15\n",  # CRS-35
        "  sources: [src-nasa]\n",
    ]
    text = (base / "missions.yaml").read_text()
    assert "  status_as_of: 2026-04-26   # the date of the newest source\n" in text
    assert "  sources: [src-nasa, ll2-dragon-crs-2-spx-35-20261010]\n" in text
    assert "    - src-tass\n    - ll2-progress-ms-35-20260918\n" in text
    # LL2 never overwrites the curated Crew-12 launch date
    assert new_kb.missions["crew-12"].events == kb.missions["crew-12"].events
    assert len(new_kb.missions["crew-12"].disputes) == 1


def test_the_reload_after_apply_fires_the_existing_change_alerts(base: Path) -> None:
    old, p = _propose(base, upcoming(), previous())
    write(base, p)
    texts = [c.text for c in diff(old, load(base))]
    assert "CRS-35 moved from 30 August 2026 to 13 October 2026 (later), per Launch Library 2." in (
        texts
    )
    assert "Progress MS-35: status changed from planned to docked (as of 2026-09-18)." in texts
    assert (
        "Progress MS-36 was added to the fact base, planned for December 2026 (status: planned)."
        in texts
    )


def test_a_second_run_proposes_nothing(base: Path) -> None:
    _kb, p = _propose(base, upcoming(), previous())
    write(base, p)
    _kb, again = _propose(base, upcoming(), previous())
    assert again.empty, again.changes
    assert {rid for _, rid in again.unchanged} >= {"crs-35", "progress-ms-35", "progress-ms-36"}


def test_a_record_that_would_not_validate_is_a_problem_and_nothing_is_written(
    base: Path,
) -> None:
    sources = base / "sources.yaml"
    sources.write_text(
        sources.read_text()
        + "- {id: progress-ms-36, title: T, publisher: P, url: https://x.org, reliability: r}\n"
    )
    before = {p.name: p.read_bytes() for p in base.iterdir()}
    _kb, p = _propose(base, upcoming())
    assert p.problems == [
        "Soyuz 2.1a | Progress MS-36: a record with id 'progress-ms-36' already exists"
    ]
    assert {p.name: p.read_bytes() for p in base.iterdir()} == before


def test_commit_writes_nothing_when_the_result_fails_check(base: Path) -> None:
    before = {p.name: p.read_bytes() for p in base.iterdir()}
    editor = Editor(base)
    editor.edit("crs-35", RecordEdit(set={"status": "launched"}, append={"sources": ["nowhere"]}))
    problems = commit(base, editor.texts(), lambda path: check(path)[1])
    assert len(problems) == 1
    assert "unknown source 'nowhere'" in problems[0].message or "nowhere" in problems[0].message
    assert problems[0].file.endswith("missions.yaml")
    assert "capcom-update-" not in problems[0].file  # reported against the real folder
    assert {p.name: p.read_bytes() for p in base.iterdir()} == before


def test_edits_that_cannot_be_made_safely_are_refused(base: Path) -> None:
    editor = Editor(base)
    with pytest.raises(EditError, match="spans several lines"):
        editor.edit("progress-ms-35", RecordEdit(set={"summary": "x"}))
    with pytest.raises(EditError, match="no record 'nope'"):
        editor.edit("nope", RecordEdit(set={"status": "launched"}))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("NASA", "NASA"),
        ("yes", "'yes'"),
        ("12", "'12'"),
        ("a: b", "'a: b'"),
        ("it's", "it's"),
        ("'x'", "'''x'''"),
        ("2026-10", "2026-10"),
        (dt.date(2026, 10, 13), "2026-10-13"),
    ],
)
def test_scalars_are_plain_only_when_they_read_back_the_same(value: object, text: str) -> None:
    assert scalar(value) == text


def test_flow_values() -> None:
    assert flow({"a": [1, "b c"], "d": "e, f"}) == "{a: [1, b c], d: 'e, f'}"


def test_a_newer_ll2_listing_of_the_same_date_confirms_the_plan(base: Path) -> None:
    same = launch(
        "Falcon 9 Block 5 | Dragon CRS-2 SpX-35",
        "2026-08-30T18:00:00Z",
        precision="Day",
        updated="2026-08-20T08:00:00Z",
    )
    _kb, p = _propose(base, page([same]))
    assert _change(p, "crs-35") == "still 30 August 2026; status_as_of: 2026-05-15 -> 2026-08-20"
    assert "schedule" not in p.edits["crs-35"].append
    _written, problems = write(base, p)
    assert problems == []
    assert load(base).missions["crs-35"].status_as_of == dt.date(2026, 8, 20)
