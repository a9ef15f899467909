"""`capcom check` and `capcom schema`: exit codes, output, JSON Schemas that match the loader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml
from click.testing import CliRunner

from bot.__main__ import cli
from knowledge.schema import KIND_FILES
from tests.knowledge.test_loader import EXPECTED

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"


def test_check_valid_fixture_exits_0_with_one_line_summary() -> None:
    result = CliRunner().invoke(cli, ["check", str(VALID)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines == [
        f"ok: {VALID}: 12 records (2 sources, 2 organizations, 2 vehicles, 1 pad, 2 missions,"
        " 1 crew, 1 topic, 1 station); as of 2026-01-15"
    ]


def test_check_broken_fixture_exits_1_and_prints_every_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(BROKEN / "many-problems")
    result = CliRunner().invoke(cli, ["check", "."])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == EXPECTED["many-problems"]
    assert result.stderr.strip() == "7 problem(s) found"


def test_check_missing_folder_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stdout.rstrip().endswith(":1: not a fact-base folder")


def _yaml_as_editor_sees_it(path: Path) -> Any:
    """The file's data with dates as the text the curator typed (JSON has no date type)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        return value

    return plain(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("schemas")
    result = CliRunner().invoke(cli, ["schema", "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(Path(line).name for line in result.stdout.splitlines())
    assert written == sorted(f"{stem}.schema.json" for stem in KIND_FILES.values())
    return {
        stem: json.loads((out / f"{stem}.schema.json").read_text(encoding="utf-8"))
        for stem in KIND_FILES.values()
    }


@pytest.mark.parametrize("stem", sorted(KIND_FILES.values()))
def test_schema_accepts_the_valid_fixture(stem: str, schemas: dict[str, dict[str, Any]]) -> None:
    schema = schemas[stem]
    jsonschema.Draft202012Validator.check_schema(schema)
    data = _yaml_as_editor_sees_it(VALID / f"{stem}.yaml")
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize(
    ("case", "stem"),
    [
        ("unknown-field", "missions"),
        ("wrong-type", "vehicles"),
        ("scalar-top", "missions"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    case: str, stem: str, schemas: dict[str, dict[str, Any]]
) -> None:
    data = _yaml_as_editor_sees_it(BROKEN / case / f"{stem}.yaml")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schemas[stem]).validate(data)
