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
from pydantic import ValidationError

from bot.__main__ import cli
from knowledge.schema import KIND_FILES, Amount
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
    assert result.stderr.strip() == "8 problem(s) found"


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


def test_schema_top_level_is_a_list_except_single_record_files(
    schemas: dict[str, dict[str, Any]],
) -> None:
    assert schemas["missions"]["type"] == "array"
    assert schemas["station"]["$ref"] == "#/$defs/Record"
    assert "oneOf" not in schemas["sources"]


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("planned", "NET 2026-Q3", True),
        ("planned", "2026-08-30", True),
        ("planned", 2026, True),
        ("planned", "Aug 2026", False),
        ("planned", "30/08/2026", False),
        ("planned", "2026-13", False),
        ("by", "", True),
    ],
)
def test_schema_checks_fuzzy_dates(
    field: str, value: object, ok: bool, schemas: dict[str, dict[str, Any]]
) -> None:
    data = _yaml_as_editor_sees_it(VALID / "missions.yaml")
    data[0]["schedule"] = [{"planned": "2026-08", field: value}]
    valid = jsonschema.Draft202012Validator(schemas["missions"]).is_valid(data)
    assert valid is ok


def test_schema_requires_text_and_full_dates(schemas: dict[str, dict[str, Any]]) -> None:
    validator = jsonschema.Draft202012Validator(schemas["missions"])
    data = _yaml_as_editor_sees_it(VALID / "missions.yaml")
    assert validator.is_valid(data)
    data[0]["name"] = ""
    assert not validator.is_valid(data)
    data = _yaml_as_editor_sees_it(VALID / "missions.yaml")
    data[0]["status_as_of"] = "2026-05"
    assert not validator.is_valid(data)


def test_schema_has_field_descriptions(schemas: dict[str, dict[str, Any]]) -> None:
    record = schemas["missions"]["$defs"]["Record"]["properties"]
    assert record["vehicle"]["description"] == "The id of a vehicle record (vehicles.yaml)."
    assert "YYYY-MM-DD" in record["status_as_of"]["description"]
    offsets = schemas["station"]["$defs"]["ReboostOffset"]["properties"]
    assert offsets["missions"]["description"].startswith("Flights known to carry")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"value": 2500, "unit": "kg", "bound": "more-than"}, "more than 2,500 kg"),
        ({"value": 11000, "unit": "lb", "bound": "at-least"}, "at least 11,000 lb"),
        (
            {"value": 800, "unit": "kg", "bound": "more-than", "estimate": True},
            "more than 800 kg (estimate)",
        ),
        ({"value": 2500, "unit": "kg"}, "2,500 kg"),
    ],
)
def test_amount_lower_bound_reads_as_a_bound_not_an_exact_value(
    data: dict[str, Any], text: str
) -> None:
    amount = Amount.model_validate(data)
    assert amount.text() == text
    assert amount.mid == data["value"]  # a model counts the least it can be


def test_amount_bound_qualifies_a_value_not_a_range() -> None:
    with pytest.raises(ValidationError, match="bound 'more-than' qualifies a value"):
        Amount.model_validate({"low": 1, "high": 2, "unit": "kg", "bound": "more-than"})
    with pytest.raises(ValidationError):
        Amount.model_validate({"value": 1, "unit": "kg", "bound": "about"})
