"""Load a fact-base folder into a validated, cross-referenced, immutable KnowledgeBase."""

from __future__ import annotations

import gc
import re
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import process

from knowledge.base import KnowledgeBase
from knowledge.frozen import freeze
from knowledge.schema import KIND_FILES, KIND_MODELS, Record, RecordKind, RefTo
from knowledge.search import fold  # the index's folding: aliases must not collide there
from knowledge.yamlfile import PathKey, Problem, YamlDocument, display_path, read_yaml

DEFAULT_DATA = Path(__file__).parent / "data"


class LoadError(Exception):
    """The fact base has problems; every one of them is in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the fact base")

    def report(self) -> str:
        """All problems, one `file:line: message` per line."""
        return "\n".join(str(p) for p in self.problems)


@dataclass
class _Located:
    kind: RecordKind
    model: BaseModel
    file: str
    doc: YamlDocument
    base: PathKey  # path of this record inside its file


@dataclass
class _State:
    problems: list[Problem] = field(default_factory=list)
    records: list[_Located] = field(default_factory=list)
    # ids of records that exist but failed validation, and kinds with an unreadable file:
    # references to them are not reported as unknown (the real problem is already reported)
    broken_ids: dict[str, RecordKind] = field(default_factory=dict)
    unreadable: set[RecordKind] = field(default_factory=set)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a base is built.

    Parsing allocates hundreds of thousands of objects that all survive, so the collector
    would traverse the growing tree again and again: that was two thirds of the load time
    of a 10,000-record base. Nothing the loader builds needs it (reference counting frees
    everything); it is re-enabled afterwards if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(path: Path | str | None = None) -> KnowledgeBase:
    """Load and validate the fact base in path (default: the bundled data); raise LoadError."""
    with _gc_paused():
        return _load(path)


def _load(path: Path | str | None) -> KnowledgeBase:
    folder = Path(path) if path is not None else DEFAULT_DATA
    state = _State()
    _read_folder(folder, state)
    _cross_check(state)
    if state.problems:
        raise LoadError(state.problems)
    return KnowledgeBase.build(
        [(r.kind, r.model) for r in state.records],
        {_id(r.model): (r.file, r.doc.line_of(r.base)) for r in state.records},
        folder,
    )


def check(path: Path | str | None = None) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Load path, returning the base (or None) and every problem found."""
    try:
        return load(path), []
    except LoadError as exc:
        return None, exc.problems


def _kind_files(folder: Path, state: _State) -> Iterator[tuple[RecordKind, Path]]:
    stems = {stem: kind for kind, stem in KIND_FILES.items()}
    if not folder.is_dir():
        state.problems.append(Problem(display_path(folder), 1, "not a fact-base folder"))
        return
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name in stems:
            for sub in sorted(entry.rglob("*.y*ml")):
                yield stems[entry.name], sub
        elif entry.suffix in (".yaml", ".yml") and entry.stem in stems:
            yield stems[entry.stem], entry
        elif entry.suffix in (".yaml", ".yml") or entry.is_dir():
            expected = ", ".join(f"{s}.yaml" for s in KIND_FILES.values())
            state.problems.append(
                Problem(
                    display_path(entry), 1, f"unknown fact-base file; expected one of {expected}"
                )
            )


def _read_folder(folder: Path, state: _State) -> None:
    for kind, path in _kind_files(folder, state):
        doc = read_yaml(path, state.problems)
        if doc is None:
            state.unreadable.add(kind)
            continue
        name = display_path(path)
        items: list[tuple[PathKey, Any]]
        if doc.data is None:
            state.problems.append(
                Problem(name, 1, f"empty file; expected a list of {kind} records (or `[]`)")
            )
            continue
        if isinstance(doc.data, list):
            items = [((i,), item) for i, item in enumerate(doc.data)]
        elif isinstance(doc.data, dict):
            items = [((), doc.data)]
        else:
            state.problems.append(
                Problem(
                    name,
                    doc.line_of(()),
                    f"expected a list of {kind} records, got {_type_name(doc.data)}",
                )
            )
            state.unreadable.add(kind)
            continue
        model_cls = KIND_MODELS[kind]
        for base, item in items:
            if not isinstance(item, dict):
                state.problems.append(
                    Problem(
                        name,
                        doc.line_of(base),
                        f"expected a {kind} record (a mapping), got {_type_name(item)}",
                    )
                )
                continue
            label = _label(kind, item)
            try:
                model = model_cls.model_validate(item)
            except ValidationError as exc:
                for err in exc.errors():
                    loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
                    state.problems.append(
                        Problem(name, doc.line_of(base + loc), _message(label, loc, err))
                    )
                rid = item.get("id")
                if isinstance(rid, str):
                    state.broken_ids.setdefault(rid, kind)
                continue
            freeze(model)
            state.records.append(_Located(kind, model, name, doc, base))


def _type_name(value: object) -> str:
    """A YAML-ish name for the type of a parsed value."""
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list"}
    return names.get(type(value), "a mapping" if isinstance(value, dict) else type(value).__name__)


def _a(word: str) -> str:
    """The word with its indefinite article: "a vehicle", "an organization"."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _label(kind: str, item: dict[str, Any]) -> str:
    rid = item.get("id")
    return f"{kind} '{rid}'" if isinstance(rid, str) else kind


def _message(label: str, loc: tuple[str | int, ...], err: Any) -> str:
    etype = err["type"]
    where = ".".join(str(p) for p in loc)
    if etype == "extra_forbidden":
        parent = ".".join(str(p) for p in loc[:-1])
        at = f" in {parent}" if parent else ""
        return f"{label}: unknown field '{loc[-1]}'{at}"
    if etype == "missing":
        return f"{label}: missing required field '{where}'"
    msg = str(err["msg"])
    msg = re.sub(r"^Value error, ", "", msg)
    inp = err.get("input")
    shown = ""
    if etype not in ("value_error",) and isinstance(inp, (str, int, float)) and len(str(inp)) < 60:
        shown = f" (got {inp!r})"
    if etype == "string_pattern_mismatch" and loc and loc[-1] == "id":
        msg = "ids are kebab-case: lowercase letters, digits and single dashes"
    return f"{label}: {where or 'record'}: {msg}{shown}"


def _id(model: BaseModel) -> str:
    return str(getattr(model, "id"))  # noqa: B009 - every record model has an id


def _cross_check(state: _State) -> None:
    ids: dict[str, _Located] = {}
    kinds_of: dict[str, set[RecordKind]] = {}
    for rec in state.records:
        rid = _id(rec.model)
        kinds_of.setdefault(rid, set()).add(rec.kind)
        first = ids.get(rid)
        if first is not None:
            state.problems.append(
                Problem(
                    rec.file,
                    rec.doc.line_of(rec.base + ("id",)),
                    f"{rec.kind} '{rid}': duplicate id (first defined at {first.file}:"
                    f"{first.doc.line_of(first.base + ('id',))}, {_a(first.kind)})",
                )
            )
            continue
        ids[rid] = rec
    for rid, kind in state.broken_ids.items():
        kinds_of.setdefault(rid, set()).add(kind)
    by_kind: dict[RecordKind, list[str]] = {}
    for rid, kinds in kinds_of.items():
        for kind in kinds:
            by_kind.setdefault(kind, []).append(rid)

    for rec in state.records:
        label = f"{rec.kind} '{_id(rec.model)}'"
        if isinstance(rec.model, Record) and not rec.model.sources:
            state.problems.append(
                Problem(
                    rec.file,
                    rec.doc.line_of(rec.base),
                    f"{label}: has no source; add `sources:` with ids from sources.yaml",
                )
            )
        for loc, ref, value in _refs(rec.model, ()):
            found = kinds_of.get(value)
            if found is not None and not found.isdisjoint(ref.kinds):
                continue
            if found is None and not state.unreadable.isdisjoint(ref.kinds):
                continue  # it may be in the file that could not be read
            expected = _kinds_text(ref.kinds)
            where = ".".join(str(p) for p in loc)
            line = rec.doc.line_of(rec.base + loc)
            if found is not None:
                actual = " and ".join(_a(k) for k in sorted(found))
                msg = f"{label}: {where}: '{value}' is {actual}, expected {expected}"
            else:
                pool = [i for k in ref.kinds for i in by_kind.get(k, [])]
                best = process.extractOne(value, pool) if pool else None
                hint = f"; did you mean '{best[0]}'?" if best and best[1] >= 60 else ""
                msg = f"{label}: {where}: unknown {' or '.join(ref.kinds)} '{value}'{hint}"
            state.problems.append(Problem(rec.file, line, msg))
    _check_aliases(state)


def _kinds_text(kinds: tuple[RecordKind, ...]) -> str:
    """ "a vehicle", "an organization or vehicle", "a pad, mission or crew"."""
    if len(kinds) == 1:
        return _a(kinds[0])
    return _a(", ".join(kinds[:-1]) + f" or {kinds[-1]}")


def _check_aliases(state: _State) -> None:
    claimed: dict[str, tuple[str, str, int]] = {}
    for rec in state.records:
        model = rec.model
        if not isinstance(model, Record):
            continue
        names: list[tuple[str, PathKey]] = [(model.name, ("name",))]
        names += [(a, ("aliases", i)) for i, a in enumerate(model.aliases)]
        extra = getattr(model, "transliterations", ())
        names += [(t, ("transliterations", i)) for i, t in enumerate(extra)]
        seen_here: set[str] = set()
        for text, loc in names:
            key = fold(text)
            if not key or key in seen_here:
                continue
            seen_here.add(key)
            line = rec.doc.line_of(rec.base + loc)
            other = claimed.get(key)
            if other is None:
                claimed[key] = (model.id, rec.file, line)
            elif other[0] != model.id:
                state.problems.append(
                    Problem(
                        rec.file,
                        line,
                        f"{rec.kind} '{model.id}': alias '{text}' is also claimed by "
                        f"'{other[0]}' ({other[1]}:{other[2]})",
                    )
                )


# --- reference discovery -------------------------------------------------------------------


def _refs(model: BaseModel, loc: PathKey) -> Iterator[tuple[PathKey, RefTo, str]]:
    for name, plan in _plan(type(model)):
        value = getattr(model, name)
        yield from _walk_value(value, plan, loc + (name,))


_Plan = tuple[RefTo | None, bool]  # (reference marker, whether nested models may appear)
_PLANS: dict[type[BaseModel], list[tuple[str, _Plan]]] = {}


def _plan(cls: type[BaseModel]) -> list[tuple[str, _Plan]]:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, info in cls.model_fields.items():
            ref = _find_ref(info.metadata) or _find_ref_in(info.annotation)
            nested = _has_model(info.annotation)
            if ref or nested:
                plan.append((name, (ref, nested)))
        _PLANS[cls] = plan
    return plan


def _find_ref(metadata: list[Any] | tuple[Any, ...]) -> RefTo | None:
    for m in metadata:
        if isinstance(m, RefTo):
            return m
    return None


def _find_ref_in(annotation: Any) -> RefTo | None:
    if typing.get_origin(annotation) is typing.Annotated:
        found = _find_ref(annotation.__metadata__)
        if found:
            return found
    for arg in typing.get_args(annotation):
        found = _find_ref_in(arg)
        if found:
            return found
    return None


def _has_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _has_model(typing.get_args(annotation)[0])
    if origin in (tuple, list, dict, typing.Union, types.UnionType):
        return any(_has_model(a) for a in typing.get_args(annotation))
    return False


def _walk_value(value: Any, plan: _Plan, loc: PathKey) -> Iterator[tuple[PathKey, RefTo, str]]:
    ref, nested = plan
    if value is None:
        return
    if isinstance(value, str):
        if ref is not None:
            yield loc, ref, value
    elif isinstance(value, BaseModel):
        if nested:
            yield from _refs(value, loc)
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk_value(item, plan, loc + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, plan, loc + (str(key),))


__all__ = ["DEFAULT_DATA", "LoadError", "check", "load"]
