"""Operator settings: file + environment + options, clear one-line errors, token handling."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.__main__ import cli
from bot.settings import DISCORD_API, SettingsError, load_settings
from knowledge.limits import Limits


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISCORD_TOKEN", "CAPCOM_CONFIG", "CAPCOM_NOW", "CAPCOM_SHARD_COUNT"):
        monkeypatch.delenv(name, raising=False)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.api_base_url == DISCORD_API
    assert s.gateway_url.startswith("wss://gateway.discord.gg")
    assert not s.sharded
    assert s.token() is None


def test_bundled_config_yaml_is_valid() -> None:
    s = load_settings(Path(__file__).parents[2] / "config.yaml")
    assert s.api_base_url == DISCORD_API


def test_env_wins_over_file_and_options_over_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "now: 2026-01-01\nshard_count: 2\n")
    monkeypatch.setenv("CAPCOM_NOW", "2026-02-02")
    assert load_settings(path).now == dt.date(2026, 2, 2)
    assert load_settings(path, now=dt.date(2026, 3, 3)).today() == dt.date(2026, 3, 3)
    assert load_settings(path).sharded


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("shard_count: lots\n", "config.yaml: shard_count: Input should be a valid integer"),
        ("shard_ids: [0]\n", "config.yaml: shard_ids needs shard_count"),
        ("shard_count: 2\nshard_ids: [5]\n", "shard_ids [5] are outside 0..1"),
        ("api_base_url: discord.com\n", "config.yaml: api_base_url: must be an http(s) URL"),
        ("gateway_url: https://x\n", "config.yaml: gateway_url: must be a ws(s) URL"),
        ("test_guild_id: [1]\n", "config.yaml: test_guild_id: unknown setting"),
        ("token: abc\n", "config.yaml: token: never put the token in the config file"),
        ("- a\n- b\n", "config.yaml: expected a mapping"),
        ("now: [\n", "config.yaml:1: invalid YAML: did not find expected node content"),
        ("now: 2026-13-45\n", "config.yaml: now: Input should be a valid date"),
        ("now: 2026-02-30\n", "config.yaml: now: Input should be a valid date"),
        ("now: 2026-01-01\nnow: 2026-01-02\n", "config.yaml:2: duplicate key 'now'"),
        ("a: &a [*a, *a]\nb: [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]\n", "nested deeper than 16"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, text))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert "abc" not in str(caught.value)


def test_bad_env_names_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPCOM_SHARD_COUNT", "x")
    with pytest.raises(SettingsError, match=r"^environment CAPCOM_SHARD_COUNT: shard_count: "):
        load_settings(write(tmp_path, ""))


def test_token_from_env_or_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "token"
    secret.write_text("from-file\n", encoding="utf-8")
    s = load_settings(write(tmp_path, f"token_file: {secret}\n"))
    assert s.token() == "from-file"
    assert "from-file" not in repr(s)
    monkeypatch.setenv("DISCORD_TOKEN", "from-env")
    assert s.token() == "from-env"
    assert "from-env" not in repr(s)


def test_run_without_token_exits_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", "--config", str(write(tmp_path, ""))])
    assert result.exit_code == 2
    assert "no Discord token" in result.output
    assert "Traceback" not in result.output


def test_run_with_bad_config_exits_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["sync", "--config", str(write(tmp_path, "shard_count: x"))])
    assert result.exit_code == 2
    assert "shard_count" in result.output
    assert "Traceback" not in result.output


def test_stale_after_days_reaches_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings().options().stale_after_days == 45
    monkeypatch.setenv("CAPCOM_STALE_AFTER_DAYS", "400")
    assert load_settings().options().stale_after_days == 400
    runner = CliRunner()
    late = runner.invoke(cli, ["ask", "--now", "2027-01-01", "upcoming"])
    assert late.exit_code == 0
    assert "Fact base last updated" not in late.output  # 400 days: still fresh
    monkeypatch.setenv("CAPCOM_STALE_AFTER_DAYS", "0")
    with pytest.raises(SettingsError, match="stale_after_days"):
        load_settings()


def test_limits_come_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPCOM_MAX_DEPTH", "12")
    limits = load_settings(write(tmp_path, "max_file_mb: 2\nmax_problems_shown: 5\n")).limits()
    assert (limits.max_file_mb, limits.max_depth, limits.max_problems_shown) == (2, 12, 5)
    assert limits.max_total_mb == Limits().max_total_mb


def test_non_json_environment_value_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAPCOM_TEST_GUILD_IDS", "not json")
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, ""))
    assert str(caught.value) == (
        "environment CAPCOM_TEST_GUILD_IDS: test_guild_ids: cannot read 'not json':"
        " write it as JSON, e.g. '[123456789012345678]'"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"now: 2026-01-01\nlog_level: \xff\n", "config.yaml:2: not UTF-8 text (byte 0xff)"),
        (b"now: \x01\n", "config.yaml:1: character U+0001 at column 6 is not allowed in YAML"),
    ],
)
def test_unreadable_config_text_is_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_bytes(data)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_config_that_is_not_a_file_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.yaml")
    with pytest.raises(SettingsError, match=r"config\.yaml: not a regular file \(a named pipe"):
        load_settings(tmp_path / "config.yaml")


_CONFIG_BYTES = st.one_of(
    st.binary(max_size=200),
    st.lists(
        st.sampled_from([*"-:[]{},&*!|>'\"# \n\tabc01.~%", "now", "shard_count", "2026-13-45"]),
        max_size=40,
    ).map(lambda parts: "".join(parts).encode("utf-8")),
    st.dictionaries(
        st.sampled_from(["now", "shard_count", "test_guild_ids", "max_depth", "schedule", "x"]),
        st.one_of(st.integers(), st.text(max_size=12), st.lists(st.integers(), max_size=3)),
        max_size=4,
    ).map(lambda d: yaml.safe_dump(d).encode("utf-8")),
)


def settings_error(path: Path) -> str | None:
    """load_settings' error message, or None when the settings load."""
    try:
        load_settings(path)
    except SettingsError as exc:
        return str(exc)
    return None


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_CONFIG_BYTES)
def test_any_config_file_is_settings_or_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    message = settings_error(path)
    if message is not None:
        assert message.startswith(str(path)), message


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["NOW", "TEST_GUILD_IDS", "SHARD_IDS", "MAX_DEPTH", "SCHEDULE"]),
    value=st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
        max_size=30,
    ),
)
def test_any_environment_value_is_settings_or_one_clear_error(
    tmp_path: Path, name: str, value: str
) -> None:
    config = write(tmp_path, "")
    with pytest.MonkeyPatch.context() as env:
        env.setenv(f"CAPCOM_{name}", value)
        message = settings_error(config)
    if message is not None:
        assert message.startswith(f"environment CAPCOM_{name}: "), message
