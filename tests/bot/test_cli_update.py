"""`capcom update ll2`: the review, --apply, bad input (exit 2), invalid results (exit 1)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.__main__ import cli
from knowledge import check
from tests.bot.fake_ll2 import Answer, FakeLL2, running_in_thread
from tests.knowledge.ll2_fixtures import BASE_DIR, LL2_DIR, launch, page, upcoming, write

FILES = [str(LL2_DIR / "upcoming.json"), str(LL2_DIR / "previous.json")]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("CAPCOM_CONFIG", "CAPCOM_NOW", "CAPCOM_KNOWLEDGE_PATH", "CAPCOM_LL2_URLS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no config.yaml; state_dir is tmp_path/state


@pytest.fixture
def base(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(BASE_DIR, folder)
    return folder


def _run(base: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["update", "ll2", "--now", "2026-10-11", "--knowledge", str(base), *args]
    )


def _snapshot(base: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(base.iterdir())}


def test_review_says_what_changes_and_writes_nothing(base: Path) -> None:
    before = _snapshot(base)
    result = _run(base, *FILES)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Launch Library 2: 7 launch(es) read" in out
    assert "  CRS-35: schedule: 30 August 2026 -> 13 October 2026\n" in out
    assert "why: Launch Library 2, updated 2026-10-10: NET 2026-10-13 14:40 UTC" in out
    assert "Progress MS-35: launched 16 September 2026 (Launch Successful)" in out
    assert "Progress MS-36: new mission: Progress MS-36 (cargo, progress-ms)" in out
    assert "Disputes for the curator (1):" in out
    assert "Crew-12: dispute: Crew-12 launch date" in out
    assert "Soyuz 2.1a | MS-28: could be any of these missions: progress-ms-28, soyuz-ms-28" in out
    assert "Not ISS flights, ignored (1): Falcon 9 Block 5 | Starlink Group 10-5" in out
    assert "Run again with --apply" in out
    assert _snapshot(base) == before


def test_apply_writes_and_checks(base: Path) -> None:
    before = _snapshot(base)
    result = _run(base, *FILES, "--apply")
    assert result.exit_code == 0, result.output
    assert "missions.yaml" in result.output
    assert "capcom check: ok, 26 records; as of 2026-10-10." in result.output
    assert "Reload the bot" in result.output
    _kb, problems = check(base)
    assert problems == []
    after = _snapshot(base)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"missions.yaml", "sources.yaml"}
    again = _run(base, *FILES, "--apply")
    assert again.exit_code == 0, again.output
    assert "No changes to propose." in again.output
    assert "Nothing to write." in again.output
    assert _snapshot(base) == after


def _bad(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("<!DOCTYPE html><title>Rate limited</title>", "an HTML page (Rate limited), not LL2 JSON"),
        ('{"detail": "Request was throttled. Expected available in 3000 seconds."}', "throttled"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    base: Path, tmp_path: Path, text: str, message: str
) -> None:
    before = _snapshot(base)
    result = _run(base, FILES[0], _bad(tmp_path, "bad.json", text), "--apply")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert lines[0].startswith("capcom update ll2: ")
    assert _snapshot(base) == before


def test_a_launch_without_net_exit_2(base: Path, tmp_path: Path) -> None:
    item = launch("Soyuz 2.1a | Progress MS-36", "2026-12-01T00:00:00Z")
    del item["net"]
    path = write(tmp_path, "nonet.json", page([item]))
    result = _run(base, str(path), "--apply")
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"capcom update ll2: {path}: launch 1 ('Soyuz 2.1a | Progress MS-36'): "
        "no `net` (launch date)"
    )


def test_missing_files_and_no_input(base: Path, tmp_path: Path) -> None:
    missing = _run(base, str(tmp_path / "nope.json"))
    assert missing.exit_code == 2
    assert "nope.json: cannot read: No such file or directory" in missing.output
    nothing = _run(base)
    assert nothing.exit_code == 2
    assert "give LL2 JSON files, or --fetch" in nothing.output


def test_a_record_that_would_fail_validation_exit_1_nothing_written(
    base: Path, tmp_path: Path
) -> None:
    sources = base / "sources.yaml"
    sources.write_text(
        sources.read_text()
        + "- {id: progress-ms-36, title: T, publisher: P, url: https://x.org, reliability: r}\n"
    )
    before = _snapshot(base)
    result = _run(base, *FILES, "--apply")
    assert result.exit_code == 1
    assert "problem: Soyuz 2.1a | Progress MS-36: a record with id 'progress-ms-36'" in (
        result.output
    )
    assert "nothing written" in result.output
    assert _snapshot(base) == before


def test_fetch_reads_the_configured_lists_and_caches_them(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeLL2()
    with running_in_thread(fake):
        url = fake.on("/2.3.0/launches/upcoming/?program=17", Answer.json(upcoming()))
        monkeypatch.setenv("CAPCOM_LL2_URLS", json.dumps([url]))
        monkeypatch.setenv("CAPCOM_STATE_DIR", str(tmp_path / "state"))
        first = _run(base, "--fetch")
        assert first.exit_code == 0, first.output
        assert "CRS-35: schedule: 30 August 2026 -> 13 October 2026" in first.output
        assert f"{url}: 3 launch(es), fetched" in first.output
        second = _run(base, "--fetch", "--apply")
        assert second.exit_code == 0, second.output
        assert "from the cache" in second.output
        assert len(fake.requests) == 1  # the second run did not ask LL2 again
        fake.on("/2.3.0/launches/upcoming/?program=17", Answer(503, "down"))
        monkeypatch.setenv("CAPCOM_LL2_CACHE_MINUTES", "0")
        monkeypatch.setenv("CAPCOM_LL2_RETRY_ATTEMPTS", "1")
        failed = _run(base, "--fetch")
    assert failed.exit_code == 2
    assert failed.output.strip() == (
        f"capcom update ll2: {url}: LL2 answered HTTP 503 Service Unavailable "
        "(1 attempt); try again later"
    )
