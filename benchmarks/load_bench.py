"""Load + validate time of the curated fact base and of a generated 10,000-record base."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import knowledge
from knowledge import DEFAULT_DATA

try:
    from yaml import CSafeLoader as BaselineLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as BaselineLoader  # type: ignore[assignment]

GOALS = {"curated": 0.3, "generated": 3.0}  # seconds, median, one core


def _records(path: Path) -> list[object]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=BaselineLoader)
    return data if isinstance(data, list) else [data]


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Median wall time of runs calls of action."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file of a fact-base folder, as the loader would find them."""
    return sorted(p for p in folder.rglob("*.y*ml") if not p.name.startswith("."))


def baseline(folder: Path) -> None:
    """Plain C-loader parse of the same files: no line map, no validation, no cross-checks."""
    for path in yaml_files(folder):
        yaml.load(path.read_text(encoding="utf-8"), Loader=BaselineLoader)


def load(folder: Path) -> None:
    """The real thing: parse, line map, validate, cross-check, build the base (or problems)."""
    knowledge.check(folder)


def measure(label: str, folder: Path, runs: int) -> float:
    """Print and return the median load time of folder, with the plain-parse baseline."""
    base, problems = knowledge.check(folder)  # warm-up (imports, schema plans) and sanity check
    n = sum(base.counts().values()) if base is not None else 0
    if problems:  # still timed: every record is parsed, validated and cross-checked
        print(f"{label:9} note: the base has {len(problems)} problem(s); `capcom check` lists them")
        n = sum(len(_records(p)) for p in yaml_files(folder))
    size = sum(p.stat().st_size for p in yaml_files(folder))
    loaded = median_seconds(lambda: load(folder), runs)
    parsed = median_seconds(lambda: baseline(folder), runs)
    gc.disable()  # the loader pauses the collector; show the baseline under the same terms
    try:
        parsed_no_gc = median_seconds(lambda: baseline(folder), runs)
    finally:
        gc.enable()
    goal = GOALS[label]
    verdict = "ok" if loaded <= goal else "MISSES GOAL"
    print(
        f"{label:9} {n:6d} records {size / 1e6:6.2f} MB  load+validate {loaded:6.3f} s"
        f"  (median of {runs}; goal <= {goal} s: {verdict})"
        f"\n{'':9} baseline plain yaml.load(CSafeLoader) {parsed:6.3f} s"
        f" (ratio {loaded / parsed:4.2f}x); with gc paused too {parsed_no_gc:6.3f} s"
        f" (ratio {loaded / parsed_no_gc:4.2f}x)",
        flush=True,
    )
    return loaded


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 if a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--curated-runs", type=int, default=7)
    parser.add_argument("--generated-runs", type=int, default=3)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):  # measure on one core
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(
        f"python {sys.version.split()[0]}, yaml loader {BaselineLoader.__name__}, one core",
        flush=True,
    )
    ok = measure("curated", DEFAULT_DATA, args.curated_runs) <= GOALS["curated"]
    try:
        generate = importlib.import_module("knowledge.generate")
    except ImportError:
        print("generated: skipped, knowledge.generate is not there yet")
        return 0 if ok else 1
    with tempfile.TemporaryDirectory(prefix="capcom-bench-") as tmp:
        folder = Path(tmp)
        generate.generate_base(folder, n_records=args.records, seed=0)
        ok = measure("generated", folder, args.generated_runs) <= GOALS["generated"] and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
