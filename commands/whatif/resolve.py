"""Names in a scenario -> mission, pad or vehicle ids, with "did you mean" when unsure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from commands.reply import Suggestion
from knowledge.base import KnowledgeBase
from knowledge.names import names_of
from knowledge.schema import Record, RecordKind
from knowledge.search import SearchIndex
from knowledge.text import fold


class ScenarioError(ValueError):
    """A part of a scenario that cannot be used; `part` is the words at fault."""

    def __init__(
        self,
        part: str,
        message: str,
        suggestions: tuple[Suggestion, ...] = (),
        refusal: bool = False,
    ) -> None:
        super().__init__(message)
        self.part = part
        self.message = message
        self.suggestions = suggestions
        self.refusal = (
            refusal  # a known request the model cannot run; suggestions are whole queries
        )


Index = SearchIndex


_FILLER = re.compile(
    r"^(?:the|a|an|launch|pad|site|mission|flight|of|at|from|baikonur|complex)\s+", re.I
)

# Common words for vehicles that the records may not list as aliases.
_VEHICLE_WORDS = {
    "progress": "progress-ms",
    "dragon": "cargo-dragon",
    "cargodragon": "cargo-dragon",
    "crewdragon": "crew-dragon",
    "cygnus": "cygnus",
    "htv": "htv-x",
    "htvx": "htv-x",
    "soyuz": "soyuz-ms",
    "starliner": "starliner",
    "dreamchaser": "dream-chaser",
}


@dataclass(frozen=True)
class Resolver:
    """Resolves names against one fact base, using the shared search index when given."""

    kb: KnowledgeBase
    index: Index | None = None

    def _table(self, kind: RecordKind) -> Mapping[str, Record]:
        tables: dict[RecordKind, Mapping[str, Record]] = {
            "mission": self.kb.missions,
            "pad": self.kb.pads,
            "vehicle": self.kb.vehicles,
        }
        return tables[kind]

    def _forms(self, kind: RecordKind) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for rid, rec in self._table(kind).items():
            for text in (rid, *names_of(rec)):
                key = fold(text)
                if key:
                    out.setdefault(key, set()).add(rid)
        return out

    def _exact(self, key: str, kind: RecordKind) -> set[str]:
        forms = self._forms(kind)
        if key in forms:
            return forms[key]
        if kind == "vehicle" and key in _VEHICLE_WORDS and _VEHICLE_WORDS[key] in self.kb.vehicles:
            return {_VEHICLE_WORDS[key]}
        if any(ch.isdigit() for ch in key) and len(key) >= 3:
            hits = {rid for form, ids in forms.items() if form.endswith(key) for rid in ids}
            if hits:
                return hits
            # "31/6" -> a pad named "... Site 31/6"
            hits = {rid for form, ids in forms.items() if key in form for rid in ids}
            if len(hits) == 1:
                return hits
        return set()

    def find(self, text: str, kinds: tuple[RecordKind, ...]) -> tuple[str, RecordKind] | None:
        """The one record of these kinds the text names, or None."""
        cleaned = text.strip(" .,!?'\"")
        while True:
            stripped = _FILLER.sub("", cleaned)
            if stripped == cleaned:
                break
            cleaned = stripped
        key = fold(cleaned)
        if not key:
            return None
        for kind in kinds:
            hits = self._exact(key, kind)
            if len(hits) == 1:
                return next(iter(hits)), kind
        if self.index is not None:
            res = self.index.search(cleaned, kinds=kinds)
            if res.best is not None:
                rid = res.best.record_id
                kind_of = self.kb.kind_of(rid)
                if kind_of in kinds and self._digits_agree(cleaned, rid):
                    return rid, kind_of
        return None

    def _digits_agree(self, text: str, rid: str) -> bool:
        """A fuzzy match must not change a number: "MS-99" is not "MS-29"."""
        wanted = re.findall(r"\d+", text)
        if not wanted:
            return True
        rec = self.kb.get(rid)
        names = (rid, *names_of(rec)) if rec is not None else (rid,)
        return any(all(w in re.findall(r"\d+", n) for w in wanted) for n in names)

    def suggest(self, text: str, kinds: tuple[RecordKind, ...]) -> tuple[Suggestion, ...]:
        """Up to 5 "did you mean" choices for a name that did not resolve."""
        ids: list[str] = []
        if self.index is not None:
            ids = [m.record_id for m in self.index.search(text, kinds=kinds).matches]
        if not ids:
            pool: dict[str, str] = {}
            for kind in kinds:
                for rid, rec in self._table(kind).items():
                    pool[rid] = rec.name
            got = process.extract(
                fold(text), {k: fold(v) for k, v in pool.items()}, limit=5, scorer=fuzz.WRatio
            )
            ids = [g[2] for g in got if g[1] >= 50]
        out: list[Suggestion] = []
        for rid in ids[:5]:
            found = self.kb.get(rid)
            if found is not None:
                out.append(Suggestion(found.name, found.name, rid))
        return tuple(out)

    def name(self, rid: str) -> str:
        """A record's display name (its id when unknown)."""
        rec = self.kb.get(rid)
        return rec.name if rec is not None else rid
