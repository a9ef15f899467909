"""The loaded fact base: immutable records by kind and id, with small look-up helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel

from knowledge.schema import (
    CrewMember,
    Mission,
    Organization,
    Pad,
    Record,
    RecordKind,
    Source,
    Station,
    Topic,
    Vehicle,
)

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class KnowledgeBase:
    """A validated fact base. Never mutated: a reload builds a new one beside it."""

    folder: Path
    sources: Mapping[str, Source]
    organizations: Mapping[str, Organization]
    vehicles: Mapping[str, Vehicle]
    pads: Mapping[str, Pad]
    missions: Mapping[str, Mission]
    crew: Mapping[str, CrewMember]
    topics: Mapping[str, Topic]
    stations: Mapping[str, Station]
    kinds: Mapping[str, RecordKind]
    origins: Mapping[str, tuple[str, int]]

    @classmethod
    def build(
        cls,
        items: Iterable[tuple[RecordKind, BaseModel]],
        origins: Mapping[str, tuple[str, int]],
        folder: Path,
    ) -> KnowledgeBase:
        """Assemble a base from validated (kind, model) pairs."""
        groups: dict[RecordKind, dict[str, BaseModel]] = {}
        kinds: dict[str, RecordKind] = {}
        for kind, model in items:
            rid = str(getattr(model, "id"))  # noqa: B009
            groups.setdefault(kind, {})[rid] = model
            kinds[rid] = kind

        def group(kind: RecordKind, _cls: type[T]) -> Mapping[str, T]:
            return MappingProxyType(groups.get(kind, {}))  # type: ignore[arg-type]

        return cls(
            folder=folder,
            sources=group("source", Source),
            organizations=group("organization", Organization),
            vehicles=group("vehicle", Vehicle),
            pads=group("pad", Pad),
            missions=group("mission", Mission),
            crew=group("crew", CrewMember),
            topics=group("topic", Topic),
            stations=group("station", Station),
            kinds=MappingProxyType(kinds),
            origins=MappingProxyType(dict(origins)),
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as plain dicts (a reload worker sends its base to the bot this way)."""
        tables = {f.name: dict(getattr(self, f.name)) for f in fields(self) if f.name != "folder"}
        return (_unpickle, (self.folder, tables))

    @property
    def station(self) -> Station | None:
        """The station record (the ISS), if the base has one."""
        return next(iter(self.stations.values()), None)

    def kind_of(self, rid: str) -> RecordKind | None:
        """The kind of the record with this id."""
        return self.kinds.get(rid)

    def get(self, rid: str) -> Record | None:
        """Any named record (not a source) by id."""
        kind = self.kinds.get(rid)
        if kind is None or kind == "source":
            return None
        table: Mapping[str, Record] = {
            "organization": self.organizations,
            "vehicle": self.vehicles,
            "pad": self.pads,
            "mission": self.missions,
            "crew": self.crew,
            "topic": self.topics,
            "station": self.stations,
        }[kind]
        return table.get(rid)

    def records(self) -> Iterable[tuple[RecordKind, Record]]:
        """Every named record with its kind (sources excluded)."""
        for rid, kind in self.kinds.items():
            rec = self.get(rid)
            if rec is not None:
                yield kind, rec

    def counts(self) -> dict[str, int]:
        """Number of records of each kind."""
        out: dict[str, int] = {}
        for kind in self.kinds.values():
            out[kind] = out.get(kind, 0) + 1
        return out

    @cached_property
    def as_of(self) -> dt.date:
        """The newest date any source or mission status carries: how current the base is."""
        dates = [s.date.start for s in self.sources.values() if s.date is not None]
        dates += [m.status_as_of for m in self.missions.values()]
        return max(dates) if dates else dt.date(1970, 1, 1)


def _unpickle(folder: Path, tables: dict[str, dict[str, Any]]) -> KnowledgeBase:
    """A base from its pickled tables, read-only again."""
    return KnowledgeBase(folder, **{k: MappingProxyType(v) for k, v in tables.items()})
