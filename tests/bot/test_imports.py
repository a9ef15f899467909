"""What each CLI path imports: the offline `ask` never loads discord, aiohttp or matplotlib."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
HEAVY = ("discord", "aiohttp", "matplotlib", "numpy", "pydantic_settings", "croniter")

# Run the CLI in a fresh interpreter, then print the top-level packages it imported.
_PROBE = """
import json, sys
from bot.__main__ import cli
try:
    cli.main(args=sys.argv[1:], prog_name="capcom", standalone_mode=False)
except SystemExit:
    pass
print("\\n@@" + json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def imported(args: list[str], cache: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPCOM_")}
    env |= {"CAPCOM_CACHE_DIR": str(cache), "CAPCOM_NOW": "2026-06-01"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout.rsplit("\n@@", 1)[1]))


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
