"""The settings snapshot: the same Settings back for the same inputs, a full read otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import bot.settings_cache
from bot.settings import Settings, SettingsError, load_settings
from bot.settings_cache import cached_settings


@pytest.fixture
def full_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Settings]:
    """A clean environment in tmp_path (cache in tmp_path/cache); the settings read and
    validated in full rather than taken from the snapshot."""
    for name in list(os.environ):
        if name.upper().startswith("CAPCOM_") or name == "XDG_CACHE_HOME":
            monkeypatch.delenv(name)
    monkeypatch.setenv("CAPCOM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    seen: list[Settings] = []

    def counting() -> Settings:
        seen.append(load_settings())
        return seen[-1]

    monkeypatch.setattr(bot.settings_cache, "load_settings", counting)
    return seen


def config(text: str) -> None:
    Path("config.yaml").write_text(text, encoding="utf-8")


def test_the_same_inputs_are_read_from_the_snapshot(full_reads: list[Settings]) -> None:
    config("stale_after_days: 30\nlog_level: debug\n")
    first = cached_settings()
    second = cached_settings()
    assert len(full_reads) == 1
    assert second == first == load_settings()
    assert (second.stale_after_days, second.log_level) == (30, "DEBUG")


def test_an_edited_config_file_is_read_again(full_reads: list[Settings]) -> None:
    config("stale_after_days: 30\n")
    assert cached_settings().stale_after_days == 30
    config("stale_after_days: 31\n")
    assert cached_settings().stale_after_days == 31
    Path("config.yaml").unlink()
    assert cached_settings().stale_after_days == load_settings().stale_after_days
    assert len(full_reads) == 3


def test_a_changed_environment_is_read_again(
    full_reads: list[Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    config("now: 2026-01-02\n")
    assert str(cached_settings().now) == "2026-01-02"
    monkeypatch.setenv("CAPCOM_NOW", "2026-03-04")
    assert str(cached_settings().now) == "2026-03-04"
    monkeypatch.setenv("capcom_now", "2026-05-06")  # any case, as load_settings reads it
    assert cached_settings() == load_settings()
    assert len(full_reads) == 3


def test_a_bad_config_after_a_good_one_is_reported(full_reads: list[Settings]) -> None:
    config("stale_after_days: 30\n")
    cached_settings()
    config("stale_after_days: -1\n")
    for _ in range(2):  # and never snapshotted
        with pytest.raises(SettingsError, match="stale_after_days"):
            cached_settings()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # the payload cut short
        lambda data: data[:32] + b"\x80\x05not a pickle",  # the right key, garbage after it
        lambda data: b"",
        lambda data: bytes(64),
    ],
)
def test_a_corrupt_snapshot_is_a_miss(full_reads: list[Settings], tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    config("stale_after_days: 30\n")
    good = cached_settings()
    snapshot = tmp_path / "cache" / "settings.pickle"
    snapshot.write_bytes(damage(snapshot.read_bytes()))
    assert cached_settings() == good
    assert len(full_reads) == 2
    assert cached_settings() == good  # rewritten on the miss
    assert len(full_reads) == 2


def test_a_cache_dir_set_only_in_the_config_gets_no_snapshot(
    full_reads: list[Settings], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAPCOM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    config(f"cache_dir: {tmp_path / 'elsewhere'}\n")
    for _ in range(2):
        assert cached_settings().cache_dir == tmp_path / "elsewhere"
    assert len(full_reads) == 2
    assert not (tmp_path / "xdg").exists()  # nothing written where the operator did not say
