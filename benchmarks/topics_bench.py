"""How often a paraphrased question reaches its topic: the topic matcher and the whole router,
against the first release's (benchmarks/baseline_topics.py, baseline_router.py), in one run.

Run: .venv/bin/python -m benchmarks.topics_bench [-v]

Paraphrases: tests/commands/data/paraphrases.yaml (chat wording, slang, other verbs). "matcher"
is the top-ranked topic; "router" is the reply's first entity (what the user is shown).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

import yaml

from benchmarks import baseline_router
from benchmarks.baseline_topics import TopicMatcher as BaselineTopics
from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 11, 30)
CASES = Path(__file__).resolve().parents[1] / "tests" / "commands" / "data" / "paraphrases.yaml"


def main() -> None:
    """Print top-1 rates for both matchers and both routers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", action="store_true", help="list the misses of the new router")
    args = parser.parse_args()
    kb = load()
    ctx = Context.build(kb)
    base = dataclasses.replace(ctx, topics=BaselineTopics.build(kb))  # type: ignore[arg-type]
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    hits = {"baseline matcher": 0, "new matcher": 0, "baseline router": 0, "new router": 0}
    misses: list[str] = []
    for c in cases:
        want = c["topic"]
        old_top = base.topics.match(c["ask"])
        new_top = ctx.topics.match(c["ask"])
        hits["baseline matcher"] += bool(old_top) and old_top[0].topic_id == want
        hits["new matcher"] += bool(new_top) and new_top[0].topic_id == want
        old = baseline_router.answer(base, c["ask"], NOW)
        new = answer(ctx, c["ask"], NOW)
        hits["baseline router"] += old.kind == "answer" and old.entities[:1] == (want,)
        got = new.kind == "answer" and new.entities[:1] == (want,)
        hits["new router"] += got
        if not got:
            misses.append(f"  {c['ask']!r}: want {want}, got {new.kind} {new.entities[:1]}")
    print(f"{len(cases)} paraphrases of topic questions")
    for name, n in hits.items():
        print(f"{name:18} top-1 {n:3}/{len(cases)} = {n / len(cases):.0%}")
    if args.v:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
