"""Which fact-base mission an LL2 launch is: found by the project's search, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from knowledge.base import KnowledgeBase
from knowledge.ll2 import Launch, designators
from knowledge.schema import Mission, Record
from knowledge.search import CONFIDENT_SCORE, SearchIndex, SearchResult, fold

MatchKind = Literal["matched", "ambiguous", "unmatched"]
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class LaunchMatch:
    """The mission a launch is (matched), the several it could be (ambiguous), or none."""

    launch: Launch
    kind: MatchKind
    mission_id: str | None = None
    candidates: tuple[str, ...] = ()
    reason: str = ""


def record_numbers(rec: Record) -> frozenset[str]:
    """Every number a record is known by ("CRS-2 SpX-35" gives 2 and 35)."""
    return frozenset(n for text in (rec.name, *rec.aliases) for n in _DIGITS.findall(fold(text)))


def _plausible(kb: KnowledgeBase, query: str, result: SearchResult) -> list[str]:
    """Missions the query names as well as a confident match would, numbers included."""
    if result.best is not None:
        return [result.best.record_id]
    typed = set(_DIGITS.findall(fold(query)))
    out = []
    for m in result.matches:
        rec = kb.missions.get(m.record_id)
        if rec is not None and m.score >= CONFIDENT_SCORE and typed <= record_numbers(rec):
            out.append(m.record_id)
    return out if len(out) > 1 else []  # one plausible but unconfident match is not a name


def _names(kb: KnowledgeBase, index: SearchIndex, queries: list[str]) -> tuple[set[str], set[str]]:
    """(confident matches, plausible matches) over the queries."""
    sure: set[str] = set()
    maybe: set[str] = set()
    for q in queries:
        if not q:
            continue
        result = index.search(q, kinds=("mission",))
        found = _plausible(kb, q, result)
        if result.best is not None:
            sure.add(result.best.record_id)
        else:
            maybe.update(found)
    return sure, maybe


def launcher_agrees(kb: KnowledgeBase, mission: Mission, rocket: str) -> bool:
    """Whether LL2's rocket can be the mission's recorded launcher (either name contains the
    other once folded: "Falcon 9 Block 5" is the Falcon 9); unknown on either side agrees."""
    if not rocket or mission.launcher is None or mission.launcher not in kb.vehicles:
        return True
    flown = fold(rocket)
    vehicle = kb.vehicles[mission.launcher]
    return any(
        key and (key in flown or flown in key)
        for key in (fold(t) for t in (vehicle.name, *vehicle.aliases))
    )


def match_launch(kb: KnowledgeBase, index: SearchIndex, launch: Launch) -> LaunchMatch:
    """Find the mission an LL2 launch is.

    1. The payload part of the name and LL2's mission name: a confident search match is the
       mission; two different confident matches make the launch ambiguous.
    2. Failing that, the flight designators in the payload ("SpX-35", "NG-24"): the same rule,
       and a designator several missions share ("MS-28") makes it ambiguous.
    3. A match whose recorded launcher is not LL2's rocket is listed, not taken.
    """
    sure, maybe = _names(kb, index, [launch.payload, launch.mission_name])
    if not sure:
        more_sure, more_maybe = _names(kb, index, designators(launch.payload))
        sure, maybe = more_sure, maybe | more_maybe
    if len(sure) > 1:
        return LaunchMatch(
            launch, "ambiguous", candidates=tuple(sorted(sure)), reason="names several missions"
        )
    if len(sure) == 1:
        rid = next(iter(sure))
        mission = kb.missions[rid]
        if not launcher_agrees(kb, mission, launch.rocket):
            launcher = kb.vehicles[mission.launcher].name if mission.launcher else "?"
            return LaunchMatch(
                launch,
                "ambiguous",
                candidates=(rid,),
                reason=f"names {mission.name}, but LL2's rocket ({launch.rocket}) is not its "
                f"recorded launcher ({launcher})",
            )
        return LaunchMatch(launch, "matched", mission_id=rid)
    if maybe:
        return LaunchMatch(
            launch,
            "ambiguous",
            candidates=tuple(sorted(maybe)),
            reason="could be any of these missions",
        )
    return LaunchMatch(launch, "unmatched", reason="no mission in the fact base has this name")
