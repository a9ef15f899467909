"""Start-up time of the CLI against a bare `python -c pass`, measured in the same run.

Each round runs every command once, in turn, so that a busy machine slows them all alike; the
table shows the median (and the spread) of the rounds and the ratio of the medians to
`python -c pass`. Bytecode is cached (in a temporary PYTHONPYCACHEPREFIX) as it is in an
installed package, even where PYTHONDONTWRITEBYTECODE is set; the start-up cache of the
validated fact base is measured warm (the usual case) and cold (the first run after a change).

Run: .venv/bin/python -m benchmarks.startup_bench [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"capcom --help": 3.0, 'capcom ask "crs-35"': 6.0}  # times `python -c pass`


@dataclass
class Case:
    """One command line to time, and what to do before each run of it."""

    label: str
    argv: list[str]
    cold_cache: bool = False


def capcom() -> str:
    """The installed console script next to this interpreter (else `python -m bot`)."""
    script = Path(sys.executable).with_name("capcom")
    return str(script) if script.exists() else ""


def cases() -> list[Case]:
    """The commands compared."""
    cli = [capcom()] if capcom() else [sys.executable, "-m", "bot"]
    return [
        Case("python -c pass", [sys.executable, "-c", "pass"]),
        Case("capcom --help", [*cli, "--help"]),
        Case('capcom ask "crs-35"', [*cli, "ask", "crs-35"]),
        Case('capcom ask "crs-35" (start-up cache cold)', [*cli, "ask", "crs-35"], True),
        Case('capcom ask "why is soyuz in trouble"', [*cli, "ask", "why is soyuz in trouble"]),
    ]


def run_once(case: Case, env: dict[str, str], cache: Path) -> float:
    """Wall time of one run, in seconds; fails loudly if the command fails."""
    if case.cold_cache:
        shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(case.argv, env=env, cwd=ROOT, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{case.label} failed:\n{done.stderr.decode(errors='replace')}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    """Time every case for some rounds; print the table; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="capcom-startup-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env["CAPCOM_CACHE_DIR"] = str(Path(tmp) / "cache")
        env["CAPCOM_NOW"] = "2026-06-01"
        todo = cases()
        times: dict[str, list[float]] = {c.label: [] for c in todo}
        for _ in range(args.warmup):
            for case in todo:
                run_once(case, env, Path(env["CAPCOM_CACHE_DIR"]))
        for _ in range(args.rounds):
            for case in todo:
                times[case.label].append(run_once(case, env, Path(env["CAPCOM_CACHE_DIR"])))
    base = statistics.median(times["python -c pass"])
    print(
        f"{platform.node() or 'this machine'}: {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {args.rounds} rounds, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    print("| command | median ms | min–max ms | × python -c pass | goal |")
    print("|---|---:|---:|---:|---|")
    ok = True
    for case in todo:
        t = times[case.label]
        ratio = statistics.median(t) / base
        goal = GOALS.get(case.label)
        verdict = ""
        if goal is not None:
            verdict = f"≤ {goal:g}×: {'ok' if ratio <= goal else 'MISSED'}"
            ok = ok and ratio <= goal
        print(
            f"| `{case.label}` | {statistics.median(t) * 1000:.0f} "
            f"| {min(t) * 1000:.0f}–{max(t) * 1000:.0f} | {ratio:.1f} | {verdict} |"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
