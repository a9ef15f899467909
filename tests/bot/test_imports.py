"""What each CLI path imports: the offline `ask` never loads discord, aiohttp or matplotlib,
and from the start-up caches neither yaml nor pydantic's validators."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[2]
HEAVY = ("discord", "aiohttp", "matplotlib", "numpy", "pydantic_settings", "croniter")

# Run the CLI in a fresh interpreter, then print the modules it imported.
_PROBE = """
import json, sys
from bot.__main__ import cli
try:
    cli.main(args=sys.argv[1:], prog_name="capcom", standalone_mode=False)
except SystemExit:
    pass
print("\\n@@" + json.dumps(sorted(sys.modules)))
"""
# The same, printing how many of the question patterns (commands.understand.prefilter) were
# compiled and how many were made.
_COMPILED = _PROBE.replace(
    "json.dumps(sorted(sys.modules))",
    "json.dumps([sum(p._compiled is not None for p in sys.modules["
    "'commands.understand.prefilter']._MADE), len(sys.modules["
    "'commands.understand.prefilter']._MADE)])",
)


def imported(args: list[str], cache: Path) -> set[str]:
    """The top-level packages the CLI imported."""
    return {m.split(".")[0] for m in modules(args, cache)}


def modules(args: list[str], cache: Path) -> set[str]:
    """Every module the CLI imported."""
    return set(probe(_PROBE, args, cache))


def probe(code: str, args: list[str], cache: Path) -> list[Any]:
    """What code (a probe) prints after running the CLI with args in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPCOM_")}
    env |= {"CAPCOM_CACHE_DIR": str(cache), "CAPCOM_NOW": "2026-06-01"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    found: list[Any] = json.loads(done.stdout.rsplit("\n@@", 1)[1])
    return found


@pytest.mark.parametrize("question", ["crs-35", "when does crs 35 launch?", "why is soyuz late"])
def test_offline_ask_imports_no_discord_aiohttp_matplotlib_or_numpy(
    tmp_path: Path, question: str
) -> None:
    for _ in range(2):  # the first run fills the start-up cache, the second reads it
        loaded = imported(["ask", question], tmp_path)
        assert {"knowledge", "commands"} <= loaded  # the probe saw the real path
        assert not loaded & set(HEAVY)


def test_a_whatif_imports_numpy_but_no_discord_or_matplotlib(tmp_path: Path) -> None:
    loaded = imported(["ask", "what if CRS-35 slips 6 months"], tmp_path)
    assert "numpy" in loaded
    assert not loaded & {"discord", "aiohttp", "matplotlib"}


def test_help_imports_neither_the_fact_base_nor_pydantic(tmp_path: Path) -> None:
    loaded = imported(["--help"], tmp_path)
    assert "click" in loaded
    assert not loaded & {"knowledge", "commands", "pydantic", "yaml", "rapidfuzz", *HEAVY}


def test_a_cached_ask_parses_no_yaml_and_builds_no_validators(tmp_path: Path) -> None:
    """From the caches (the validated base, the settings snapshot) an ask reads plain pickles:
    no YAML parser, no pydantic validator built (which would load its plugins through
    importlib.metadata), no fuzzy matcher for a question with an exact name, and none of the
    what-if edit types."""
    first = modules(["ask", "crs-35"], tmp_path)  # fills both caches
    assert {"yaml", "knowledge.loader"} <= first
    again = modules(["ask", "crs-35"], tmp_path)
    assert "pydantic" in again  # the records are pydantic models, unpickled
    assert not again & {
        "yaml",
        "knowledge.loader",
        "knowledge.yamlfile",
        "importlib.metadata",
        "pydantic.plugin._loader",
        "rapidfuzz",
        "commands.whatif.edits",  # a look-up reads numbers through the lexer, builds no edit
    }


@pytest.mark.parametrize(
    ("question", "most"),
    # a why-question also weighs the base's sentences for causes (the REASON_* patterns run
    # on texts that hold their literals), two patterns more than a plain look-up
    [("crs-35", 10), ("why is soyuz in trouble", 12)],
)
def test_a_cached_ask_compiles_only_the_patterns_its_question_may_match(
    tmp_path: Path, question: str, most: int
) -> None:
    """The start-up cache holds each question pattern's needed literals, so a warm ask skips
    (and never compiles) a pattern whose literals its question lacks: a handful of hundreds."""
    for _ in range(2):  # the first run fills the cache (and reads every pattern's literals)
        compiled, made = probe(_COMPILED, ["ask", question], tmp_path)
        assert made > 200
    assert compiled <= most
