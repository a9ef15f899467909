"""Load a fact-base folder into a validated, cross-referenced, immutable KnowledgeBase."""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import process

from knowledge.base import KnowledgeBase
from knowledge.dates import full_date_problem
from knowledge.files import DEFAULT_DATA, ByteBudget, Unreadable, entries, is_folder, yaml_files
from knowledge.frozen import freeze
from knowledge.limits import DEFAULT_LIMITS, Limits
from knowledge.refs import model_in, raw_refs, refs
from knowledge.schema import KIND_FILES, KIND_MODELS, Record, RecordKind, RefTo
from knowledge.text import fold  # the index's folding: aliases must not collide there
from knowledge.yamlfile import PathKey, Problem, YamlDocument, display_path, read_yaml


class LoadError(Exception):
    """The fact base has problems; every one of them is in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=problem_order)
        super().__init__(f"{len(self.problems)} problem(s) in the fact base")

    def report(self, shown: int | None = None) -> str:
        """The problems, one `file:line: message` per line: the first `shown`, then a count."""
        return report(self.problems, shown)


def report(problems: list[Problem], shown: int | None = None) -> str:
    """Problems one per line; past `shown` (max_problems_shown) only how many more there are."""
    lines = [str(p) for p in problems[:shown]]
    hidden = len(problems) - len(lines)
    if hidden > 0:
        lines.append(
            f"… and {hidden:,} more problem(s) not shown (setting max_problems_shown;"
            " fix these first, as one cause often has many effects)"
        )
    return "\n".join(lines)


_FOLLOW_ON = " could not be checked because "


def problem_order(problem: Problem) -> tuple[str, int, bool, str]:
    """Sort key: by file and line, a root cause before the summary of what it hid."""
    return (problem.file, problem.line, _FOLLOW_ON in problem.message, problem.message)


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
    # the file of each unreadable kind and why: "sources.yaml could not be read"
    unreadable_files: dict[RecordKind, tuple[str, int, str]] = field(default_factory=dict)
    # references inside records that failed validation, checked all the same
    raw_refs: list[tuple[str, str, int, PathKey, RefTo, str]] = field(default_factory=list)


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


def load(path: Path | str | None = None, limits: Limits = DEFAULT_LIMITS) -> KnowledgeBase:
    """Load and validate the fact base in path (default: the bundled data); raise LoadError.

    Reading stays within limits (bytes, nesting, aliases, records): a file over one is a
    problem naming the setting, never a crash or a hang.
    """
    with _gc_paused():
        return _load(path, limits)


def _load(path: Path | str | None, limits: Limits) -> KnowledgeBase:
    folder = Path(path) if path is not None else DEFAULT_DATA
    state = _State()
    _read_folder(folder, state, limits)
    _cross_check(state)
    _check_not_empty(folder, state)
    if state.problems:
        raise LoadError(state.problems)
    return KnowledgeBase.build(
        [(r.kind, r.model) for r in state.records],
        {_id(r.model): (r.file, r.doc.line_of(r.base)) for r in state.records},
        folder,
    )


def check(
    path: Path | str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Load path, returning the base (or None) and every problem found."""
    try:
        return load(path, limits), []
    except LoadError as exc:
        return None, exc.problems


def _kind_files(folder: Path, state: _State) -> Iterator[tuple[RecordKind, Path]]:
    stems = {stem: kind for kind, stem in KIND_FILES.items()}
    if not is_folder(folder):
        state.problems.append(Problem(display_path(folder), 1, "not a fact-base folder"))
        return
    try:
        listed = entries(folder)
    except Unreadable as exc:
        state.problems.append(Problem(display_path(folder), 1, str(exc)))
        return
    for entry in listed:
        yaml_named = entry.suffix in (".yaml", ".yml")
        if entry.name in stems and not yaml_named:  # a folder of files of one kind
            kind = stems[entry.name]
            for sub, why in yaml_files(entry):
                if why is None:
                    yield kind, sub
                    continue
                shown = display_path(sub)
                state.problems.append(Problem(shown, 1, why))
                state.unreadable.add(kind)
                state.unreadable_files.setdefault(kind, (shown, 1, f"{sub.name} could not be read"))
        elif yaml_named and entry.stem in stems:
            yield stems[entry.stem], entry  # whatever it is: the reader refuses a non-file by name
        elif yaml_named or is_folder(entry):
            stem = entry.name if is_folder(entry) else entry.stem
            guess = _guess_stem(stem, list(stems))
            if guess is not None:
                state.unreadable.add(stems[guess])  # its records may be in this file
                state.unreadable_files.setdefault(
                    stems[guess], (display_path(entry), 1, f"{entry.name} has an unknown name")
                )
                hint = f"did you mean {guess}{'' if is_folder(entry) else '.yaml'}?"
                state.problems.append(
                    Problem(display_path(entry), 1, f"unknown file '{entry.name}': {hint}")
                )
                continue
            expected = ", ".join(f"{s}.yaml" for s in KIND_FILES.values())
            state.problems.append(
                Problem(
                    display_path(entry), 1, f"unknown fact-base file; expected one of {expected}"
                )
            )


_ESSENTIAL: tuple[RecordKind, ...] = ("mission", "vehicle", "pad")


def _check_not_empty(folder: Path, state: _State) -> None:
    """A base without missions, vehicles and pads would answer "no match" to everything.

    Said only when nothing else is wrong: a broken or misnamed file is the likelier cause.
    """
    if state.problems:
        return
    if {r.kind for r in state.records}.isdisjoint(_ESSENTIAL):
        state.problems.append(
            Problem(
                display_path(folder),
                1,
                "no missions, vehicles or pads: this is not a fact base (expected"
                " missions.yaml, vehicles.yaml and pads.yaml in this folder)",
            )
        )


def _guess_stem(stem: str, stems: list[str]) -> str | None:
    """The kind file a misnamed file was probably meant to be: mission -> missions."""
    low = stem.lower()
    for known in stems:
        if low in (known, known + "s", known.rstrip("s")):
            return known
    best = process.extractOne(low, stems, score_cutoff=80)
    return str(best[0]) if best else None


def _read_folder(folder: Path, state: _State, limits: Limits) -> None:
    budget = ByteBudget(limits)
    for kind, path in _kind_files(folder, state):
        doc = read_yaml(path, state.problems, limits, budget)
        if doc is None:
            state.unreadable.add(kind)
            shown = display_path(path)
            root = state.problems[-1].line if state.problems else 1
            state.unreadable_files.setdefault(kind, (shown, root, f"{path.name} could not be read"))
            continue
        name = display_path(path)
        items: list[tuple[PathKey, Any]]
        if doc.data is None:
            state.problems.append(
                Problem(name, 1, f"empty file; expected a list of {kind} records (or `[]`)")
            )
            state.unreadable.add(kind)
            state.unreadable_files.setdefault(kind, (name, 1, f"{path.name} could not be read"))
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
            state.unreadable_files.setdefault(kind, (name, 1, f"{path.name} could not be read"))
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
                bad: list[PathKey] = []
                for err in exc.errors():
                    loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
                    bad.append(loc)
                    line = doc.line_of(base + loc)
                    msg = _message(label, loc, err, model_cls, item, doc.raw, base)
                    state.problems.append(Problem(name, line, msg))
                rid = item.get("id")
                if isinstance(rid, str):
                    state.broken_ids.setdefault(rid, kind)
                    state.broken_ids.setdefault(_kebab(rid), kind)
                for loc, ref, value in raw_refs(model_cls, item, ()):
                    if not any(loc[: len(b)] == b for b in bad):
                        line = doc.line_of(base + loc)
                        state.raw_refs.append((label, name, line, loc, ref, value))
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


def _kebab(text: str) -> str:
    """The kebab-case form of an id: "Progress MS_35" -> "progress-ms-35"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _suggest(value: str, choices: list[str], cutoff: float = 75) -> str:
    """'; did you mean 'x'?' for the closest choice scoring at least cutoff, else ''."""
    if not choices:
        return ""
    best = process.extractOne(value, choices, processor=str.lower, score_cutoff=cutoff)
    return f"; did you mean '{best[0]}'?" if best else ""


def _model_at(cls: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class found at loc inside cls (indexes and dict keys step into items)."""
    current: Any = cls
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return None
            current = info.annotation
        else:
            current = model_in(current)
            if current is None:
                return None
    return (
        current
        if isinstance(current, type) and issubclass(current, BaseModel)
        else (model_in(current))
    )


_NUMBER_WITH_EXTRAS = re.compile(r"^\s*[-+]?[\d.,\s]*\d[\d.,\s]*[^\d\s.,]")


def _number_fix(text: str) -> str:
    digits = re.sub(r"[^\d.]", "", text.split()[0] if " " in text.strip() else text)
    digits = re.sub(r"[^\d.]", "", digits)
    return digits or "2500"


def _message(
    label: str,
    loc: tuple[str | int, ...],
    err: Any,
    cls: type[BaseModel],
    item: dict[str, Any],
    raw: dict[PathKey, str],
    base: PathKey,
) -> str:
    etype = err["type"]
    where = ".".join(str(p) for p in loc)
    inp = err.get("input")
    parent = loc[:-1]
    if etype == "extra_forbidden" or (loc and isinstance(loc[-1], int) and etype == "invalid_key"):
        name = str(loc[-1])
        at = f" in {'.'.join(str(p) for p in parent)}" if parent else ""
        container = _value_at(item, parent)
        if re.match(r"^\d", name) and isinstance(container, dict):
            keys = list(container)
            pos = next((i for i, k in enumerate(keys) if str(k) == name), 0)
            before = keys[pos - 1] if pos else None
            if before in ("value", "low", "high"):
                number = f"{container[before]}{name.split()[0]}"
                return (
                    f"{label}: {'.'.join(str(p) for p in parent)}: a ',' inside {{...}} split"
                    f" the number: write the number alone ({number}, no comma or unit) and"
                    " put the unit in `unit:`"
                )
        model = _model_at(cls, parent)
        hint = _suggest(name, list(model.model_fields)) if model is not None else ""
        return f"{label}: unknown field '{name}'{at}{hint}"
    if etype == "missing":
        return f"{label}: missing required field '{where}'"
    msg = str(err["msg"])
    msg = re.sub(r"^Value error, ", "", msg)
    typed = raw.get(base + loc)
    shown = ""
    if etype not in ("value_error",) and isinstance(inp, (str, int, float)) and len(str(inp)) < 60:
        shown = f" (got {inp!r})"
    if etype == "string_pattern_mismatch" and loc and loc[-1] == "id":
        fixed = _kebab(str(inp))
        fix = f": write '{fixed}'" if fixed else ""
        return (
            f"{label}: id: ids are kebab-case: lowercase letters, digits and single dashes"
            f" (got {inp!r}){fix}"
        )
    if etype == "string_type":
        if isinstance(inp, (bool, int, float, dt.date)):
            what = (
                str(inp).lower()
                if isinstance(inp, bool)
                else ("a date" if isinstance(inp, dt.date) else "a number")
            )
            text = typed if typed is not None else str(inp)
            return f"{label}: {where}: YAML read {text} as {what}: put it in quotes ('{text}')"
        if inp is None:
            return f"{label}: {where}: is empty: give it a value"
        if isinstance(inp, (list, tuple)):
            return f"{label}: {where}: expected one value, got a list"
        if isinstance(inp, dict):
            return f"{label}: {where}: expected one value, got a mapping"
    if etype in ("tuple_type", "list_type"):
        example = f"; write [{inp}]" if isinstance(inp, str) and inp else ""
        got = "" if isinstance(inp, str) else f" (got {_type_name(inp)})"
        return f"{label}: {where}: expected a list, e.g. [a, b]{got}{example}"
    if etype == "too_short" and loc and loc[-1] == "claims":
        return f"{label}: {where}: a dispute needs at least two claims"
    if etype == "too_short":
        return f"{label}: {where}: needs at least {err.get('ctx', {}).get('min_length', 1)} item(s)"
    if (
        etype in ("float_parsing", "int_parsing", "float_type")
        and isinstance(inp, str)
        and (_NUMBER_WITH_EXTRAS.match(inp) or "," in inp)
    ):
        return (
            f"{label}: {where}: write the number alone ({_number_fix(inp)}, no comma or unit)"
            f" and put the unit in `unit:` (got {inp!r})"
        )
    if etype.startswith("date") or etype.startswith("datetime"):
        return f"{label}: {where}: {full_date_problem(typed if typed is not None else inp)}"
    if etype == "literal_error":
        expected = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        hint = _suggest(str(inp), expected) if isinstance(inp, str) else ""
        return f"{label}: {where}: {msg}{shown}{hint}"
    return f"{label}: {where or 'record'}: {msg}{shown}"


def _value_at(item: Any, loc: PathKey) -> Any:
    """The raw value at loc inside a parsed record, or None."""
    for part in loc:
        if isinstance(item, dict):
            item = item.get(part, item.get(str(part)))
        elif isinstance(item, list) and isinstance(part, int) and 0 <= part < len(item):
            item = item[part]
        else:
            return None
    return item


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
    skipped: dict[RecordKind, int] = {}
    for rid, kinds in kinds_of.items():
        for kind in kinds:
            by_kind.setdefault(kind, []).append(rid)
    hints = _IdHints(by_kind)

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
        for loc, ref, value in refs(rec.model, ()):
            line = rec.doc.line_of(rec.base + loc)
            _check_ref(state, kinds_of, hints, skipped, (label, rec.file, line, loc, ref, value))
    for pending in state.raw_refs:
        _check_ref(state, kinds_of, hints, skipped, pending)
    for kind, count in sorted(skipped.items()):
        if kind not in state.unreadable_files:
            continue
        file, root, why = state.unreadable_files[kind]
        noun = "reference" if count == 1 else "references"
        state.problems.append(
            Problem(
                file,
                root,
                f"{count} {noun} to {KIND_FILES[kind]}{_FOLLOW_ON}{why}",
            )
        )
    _check_aliases(state)


def _check_ref(
    state: _State,
    kinds_of: dict[str, set[RecordKind]],
    hints: _IdHints,
    skipped: dict[RecordKind, int],
    ref_at: tuple[str, str, int, PathKey, RefTo, str],
) -> None:
    """Report one reference that names no record of the kinds it may point at."""
    label, file, line, loc, ref, value = ref_at
    found = kinds_of.get(value)
    if found is not None and not found.isdisjoint(ref.kinds):
        return
    lost = [k for k in ref.kinds if k in state.unreadable]
    if found is None and lost:
        skipped[lost[0]] = skipped.get(lost[0], 0) + 1  # it may be in the unread file
        return
    expected = _kinds_text(ref.kinds)
    where = ".".join(str(p) for p in loc)
    if found is not None:
        actual = " and ".join(_a(k) for k in sorted(found))
        msg = f"{label}: {where}: '{value}' is {actual}, expected {expected}"
    else:
        hint = hints.suggest(value, ref.kinds)
        msg = f"{label}: {where}: unknown {' or '.join(ref.kinds)} '{value}'{hint}"
    state.problems.append(Problem(file, line, msg))


_DIGITS = re.compile(r"\d+")
HINTS_MAX = 1_000  # "did you mean" for at most this many unknown references in one load


class _IdHints:
    """'did you mean' for unknown ids: close (score >= 75) and with the same numbers.

    Candidates are grouped once by the numbers they contain, so a look-up scores only ids
    that share them; and after HINTS_MAX look-ups the rest go without a hint, so a base full
    of unknown references stays fast (it has bigger problems than a hint can solve).
    """

    def __init__(self, by_kind: dict[RecordKind, list[str]]) -> None:
        self.by_kind = by_kind
        self.pools: dict[tuple[RecordKind, ...], dict[tuple[str, ...], list[str]]] = {}
        self.left = HINTS_MAX

    def suggest(self, value: str, kinds: tuple[RecordKind, ...]) -> str:
        """'; did you mean 'x'?' or ''."""
        if self.left <= 0:
            return ""
        self.left -= 1
        pool = self.pools.get(kinds)
        if pool is None:
            pool = self.pools[kinds] = {}
            for kind in kinds:
                for rid in self.by_kind.get(kind, []):
                    pool.setdefault(tuple(_DIGITS.findall(rid)), []).append(rid)
        same = pool.get(tuple(_DIGITS.findall(value)))
        if not same:
            return ""
        best = process.extractOne(value, same, score_cutoff=75)
        return f"; did you mean '{best[0]}'?" if best else ""


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


__all__ = ["DEFAULT_DATA", "LoadError", "check", "load", "problem_order"]
