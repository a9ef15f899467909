"""Targeted edits of fact-base YAML: set a field, append to a list, add a record; untouched lines
stay byte-identical, every edited file is re-parsed and compared with what was meant, and a set
of files is written all or none after the result validates."""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.dates import FuzzyDate
from knowledge.schema import KIND_FILES, RecordKind
from knowledge.yamlfile import Problem, YamlDocument, display_path, read_yaml


class EditError(Exception):
    """An edit that cannot be made safely; str() says which record and why, in one line."""


@dataclass
class RecordEdit:
    """Changes to one existing record: fields to set, and items to append to list fields."""

    set: dict[str, Any] = field(default_factory=dict)
    append: dict[str, list[Any]] = field(default_factory=dict)

    def add(self, key: str, *items: Any) -> None:
        """Append items to the list field key (created if the record lacks it)."""
        self.append.setdefault(key, []).extend(items)


@dataclass
class NewRecord:
    """A record to add, placed after the record `after` (same kind), else at the file's end."""

    kind: RecordKind
    data: dict[str, Any]
    after: str | None = None
    comment: str = ""


# --- rendering values the way the curated files write them ------------------------------------

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/()+'-]*")
_URL = re.compile(r"https?://[^\s#,\[\]{}]+")


def scalar(value: Any, block: bool = False) -> str:
    """One YAML scalar as the curated files write it: plain when that reads back the same
    (a URL too, outside [..] and {..})."""
    if isinstance(value, FuzzyDate):
        if value.precision == "day" and not value.net:
            return value.start.isoformat()
        value = value.iso()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise EditError(f"cannot write a {type(value).__name__} as a YAML scalar")
    text = " ".join(value.split())
    if _PLAIN.fullmatch(text) and not text.endswith("'") and _loads(text) == text:
        return text
    if block and _URL.fullmatch(text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _loads(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def flow(value: Any) -> str:
    """A value on one line: a scalar, [a, b] or {key: value, ...}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def _is_flat(value: Any) -> bool:
    if isinstance(value, dict):
        return all(
            not isinstance(v, (dict, list, tuple)) or _is_list_of_scalars(v) for v in value.values()
        )
    return not isinstance(value, (list, tuple)) or _is_list_of_scalars(value)


def _is_list_of_scalars(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(
        not isinstance(v, (dict, list, tuple)) for v in value
    )


def item_lines(item: Any, indent: int) -> list[str]:
    """A list item at indent: "- {flow}" when flat, else a block mapping (a dispute's claims)."""
    pad = " " * indent
    if _is_flat(item):
        return [f"{pad}- {flow(item)}\n"]
    if not isinstance(item, dict):
        raise EditError("cannot write a nested list item")
    lines: list[str] = []
    for i, (key, value) in enumerate(item.items()):
        lead = f"{pad}- " if i == 0 else f"{pad}  "
        lines += _field_lines(key, value, lead, indent + 2)
    return lines


def _field_lines(key: str, value: Any, lead: str, indent: int) -> list[str]:
    """key: value at a record's key column (lead is what starts the line)."""
    if isinstance(value, (list, tuple)) and not _is_list_of_scalars(value):
        out = [f"{lead}{key}:\n"]
        for item in value:
            out += item_lines(item, indent + 2)
        return out
    if isinstance(value, dict):
        raise EditError(f"cannot write the mapping {key!r} as a field")
    text = flow(value) if isinstance(value, (list, tuple)) else scalar(value, block=True)
    return [f"{lead}{key}: {text}\n"]


def record_lines(data: dict[str, Any], comment: str = "") -> list[str]:
    """A whole new record, block style, as a top-level list item."""
    lines = [f"# {comment}\n"] if comment else []
    for i, (key, value) in enumerate(data.items()):
        lines += _field_lines(key, value, "- " if i == 0 else "  ", 2)
    return lines


def loaded(value: Any) -> Any:
    """What YAML reads back for a value written by this module."""
    if isinstance(value, dict):
        return {k: loaded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [loaded(v) for v in value]
    return yaml.safe_load(scalar(value))


# --- the files of a base and where each record is ---------------------------------------------


def kind_files(folder: Path) -> Iterator[tuple[RecordKind, Path]]:
    """Every fact-base file in folder with the kind of record it holds."""
    for kind, stem in KIND_FILES.items():
        for suffix in (".yaml", ".yml"):
            if (folder / f"{stem}{suffix}").is_file():
                yield kind, folder / f"{stem}{suffix}"
        if (folder / stem).is_dir():
            for sub in sorted((folder / stem).rglob("*.y*ml")):
                yield kind, sub


@dataclass(frozen=True, order=True)
class _Op:
    """Replace `replace` lines (0: insert) at 0-based line pos.

    At one position the lines end up as: items appended to the record above (group 0), then
    new records (group 1), then the replaced line (group 2); seq keeps each group in order.
    """

    pos: int
    group: int
    seq: int
    replace: int
    lines: tuple[str, ...] = ()


@dataclass
class _File:
    path: Path
    text: str
    doc: YamlDocument
    ops: list[_Op] = field(default_factory=list)
    expected: Any = None
    added: list[int] = field(default_factory=list)  # list positions of planned new records
    targets: list[Any] = field(default_factory=list)  # expected[i] as loaded, before inserts

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)


class Editor:
    """Plans edits of one fact-base folder and renders the new text of every file it touches."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[Path, _File] = {}
        self._where: dict[str, tuple[RecordKind, Path, int]] = {}
        self._last: dict[RecordKind, Path] = {}
        self._seq = 0
        for kind, path in kind_files(folder):
            f = self._file(path)
            self._last[kind] = path
            if isinstance(f.doc.data, list):
                for i, item in enumerate(f.doc.data):
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        self._where[item["id"]] = (kind, path, i)

    def _file(self, path: Path) -> _File:
        f = self._files.get(path)
        if f is None:
            problems: list[Problem] = []
            doc = read_yaml(path, problems)
            if doc is None or problems:
                raise EditError(f"{display_path(path)}: cannot be edited: run `capcom check` first")
            text = path.read_text(encoding="utf-8")
            f = _File(path, text, doc, expected=copy.deepcopy(doc.data))
            if isinstance(f.expected, list):
                f.targets = list(f.expected)
            self._files[path] = f
        return f

    def has(self, rid: str) -> bool:
        """Whether a record with this id exists in the folder."""
        return rid in self._where

    def _op(self, f: _File, pos: int, replace: int, lines: list[str], record: bool = False) -> None:
        self._seq += 1
        group = 2 if replace else 1 if record else 0
        f.ops.append(_Op(pos, group, self._seq, replace, tuple(lines)))

    def _extent(self, f: _File, index: int) -> tuple[int, int]:
        """0-based first line and last content line of the record at index."""
        data = f.doc.data
        start = f.doc.lines[(index,)] - 1
        nxt = f.doc.lines[(index + 1,)] - 1 if index + 1 < len(data) else len(f.lines)
        return start, _last_content(f.lines, start, nxt)

    def edit(self, rid: str, change: RecordEdit) -> None:
        """Plan the changes to the record rid."""
        if rid not in self._where:
            raise EditError(f"no record '{rid}' to edit")
        _kind, path, index = self._where[rid]
        f = self._file(path)
        item = f.doc.data[index]
        start, end = self._extent(f, index)
        keys = sorted(
            ((f.doc.lines[(index, str(k))] - 1, str(k)) for k in item), key=lambda kv: kv[0]
        )
        first_line = f.lines[start]
        key_col = len(first_line) - len(first_line.lstrip(" -"))

        def value_end(key: str) -> int:
            line = f.doc.lines[(index, key)] - 1
            later = [ln for ln, _ in keys if ln > line]
            return _last_content(f.lines, line, later[0] if later else end + 1)

        target = f.targets[index]
        for key, value in change.set.items():
            if key not in item:
                raise EditError(f"'{rid}' has no field '{key}' to change")
            line = f.doc.lines[(index, key)] - 1
            if value_end(key) != line:
                raise EditError(f"'{rid}': field '{key}' spans several lines; edit it by hand")
            self._op(f, line, 1, [_set_line(f.lines[line], key, scalar(value))])
            target[key] = loaded(value)
        for key, items in change.append.items():
            if not items:
                continue
            if key in item and isinstance(item[key], list):
                self._append(
                    f, rid, key, item[key], items, f.doc.lines[(index, key)] - 1, value_end(key)
                )
                target[key] = [*target[key], *loaded(items)]
            elif key in item:
                raise EditError(f"'{rid}': field '{key}' is not a list")
            else:
                at = f.doc.lines[(index, "sources")] - 1 if "sources" in item else end + 1
                pad = " " * key_col
                if _is_list_of_scalars(items):
                    lines = [f"{pad}{key}: {flow(items)}\n"]
                else:
                    lines = [f"{pad}{key}:\n"]
                    for it in items:
                        lines += item_lines(it, key_col + 2)
                self._op(f, at, 0, lines)
                target[key] = loaded(items)

    def _append(
        self, f: _File, rid: str, key: str, old: list[Any], items: list[Any], line: int, last: int
    ) -> None:
        rest = f.lines[line].split(":", 1)[1].strip() if ":" in f.lines[line] else ""
        if rest.startswith("["):  # a flow list: insert before its closing bracket
            text = f.lines[last]
            body = text.rstrip("\r\n")
            stripped = body.rstrip()
            if not stripped.endswith("]"):
                raise EditError(f"'{rid}': cannot find the end of '{key}'; edit it by hand")
            added = ", ".join(flow(v) for v in items)
            sep = "" if not old else ", "
            new = stripped[:-1].rstrip() + sep + added + "]" + body[len(stripped) :]
            self._op(f, last, 1, [new + text[len(body) :]])
            return
        if rest and not rest.startswith("#"):
            raise EditError(f"'{rid}': '{key}' is written in a form this tool does not edit")
        first = f.lines[line + 1 :]
        item_line = next((ln for ln in first if ln.strip() and not ln.lstrip().startswith("#")), "")
        indent = len(item_line) - len(item_line.lstrip(" "))
        lines = [ln for it in items for ln in item_lines(it, indent)]
        self._op(f, last + 1, 0, lines)

    def add_record(self, new: NewRecord) -> None:
        """Plan a new record after `new.after`, else at the end of its kind's last file."""
        rid = str(new.data.get("id", ""))
        if rid in self._where:
            raise EditError(f"a record with id '{rid}' already exists")
        if new.after is not None and new.after in self._where:
            _kind, path, index = self._where[new.after]
            f = self._file(path)
            _start, end = self._extent(f, index)
            pos, position = end + 1, index + 1
        else:
            path = self._last.get(new.kind) or self.folder / f"{KIND_FILES[new.kind]}.yaml"
            if not path.exists():
                raise EditError(f"{display_path(path)}: no such file to add a {new.kind} to")
            f = self._file(path)
            pos = len(f.lines)
            position = len(f.doc.data) if isinstance(f.doc.data, list) else 0
            if f.lines and not f.lines[-1].endswith("\n"):
                self._op(f, pos - 1, 1, [f.lines[-1] + "\n"])
        if not isinstance(f.expected, list):
            raise EditError(f"{display_path(path)}: not a list of records")
        self._op(f, pos, 0, ["\n", *record_lines(new.data, new.comment)], record=True)
        shift = sum(1 for p in f.added if p <= position)  # records planned here before this one
        f.expected.insert(position + shift, loaded(new.data))
        f.added.append(position)
        self._where[rid] = (new.kind, path, -1)

    def texts(self) -> dict[Path, str]:
        """The new text of every file with planned edits, each verified by parsing it again."""
        out: dict[Path, str] = {}
        for path, f in self._files.items():
            if not f.ops:
                continue
            lines = f.lines
            for op in sorted(f.ops, reverse=True):  # bottom-up: earlier positions stay valid
                lines[op.pos : op.pos + op.replace] = op.lines
            text = "".join(lines)
            _verify(path, text, f.expected)
            out[path] = text
        return out


def _last_content(lines: list[str], start: int, stop: int) -> int:
    """The last line in [start, stop) that is neither blank nor a comment (start at least)."""
    last = start
    for i in range(start, min(stop, len(lines))):
        text = lines[i].strip()
        if text and not text.startswith("#"):
            last = i
    return last


def _set_line(line: str, key: str, value: str) -> str:
    """The line `key: old` with its value replaced (indent, dash and line ending kept)."""
    m = re.match(rf"^(\s*(?:-\s+)?{re.escape(key)}\s*:\s*)(.*?)(\r?\n)?$", line)
    if m is None:
        raise EditError(f"cannot find '{key}:' on its line")
    rest = m.group(2)
    comment = re.search(r"\s+#[^'\"]*$", rest)
    tail = comment.group(0) if comment and _loads(rest[: comment.start()]) is not None else ""
    return f"{m.group(1)}{value}{tail}{m.group(3) or ''}"


def _verify(path: Path, text: str, expected: Any) -> None:
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / path.name
        probe.write_text(text, encoding="utf-8")
        doc = read_yaml(probe, problems)
    if doc is None or problems or doc.data != expected:
        raise EditError(
            f"{display_path(path)}: the edited file would not read back as intended; "
            "nothing was written (edit this change by hand)"
        )


# --- writing a set of files: validated copy first, then all or none ---------------------------


def commit(
    folder: Path, texts: dict[Path, str], check: Callable[[Path], list[Problem]]
) -> list[Problem]:
    """Write texts into folder if the base they make passes check; return check's problems.

    The new base is first built and checked in a temporary copy: on problems nothing is
    written. Then every file is written beside its original and renamed over it; if any step
    fails, or the written base fails check, every original is put back.
    """
    folder = folder.resolve()
    with tempfile.TemporaryDirectory(prefix="capcom-update-") as tmp:
        staged = Path(tmp) / "base"
        shutil.copytree(folder, staged)
        for path, text in texts.items():
            (staged / path.resolve().relative_to(folder)).write_text(text, encoding="utf-8")
        problems = check(staged)
        if problems:
            shown = display_path(folder)
            return [
                Problem(p.file.replace(str(staged), shown), p.line, p.message) for p in problems
            ]
    originals = {path: path.read_bytes() for path in texts}
    done: list[Path] = []
    try:
        for path, text in texts.items():
            part = path.with_name(f".{path.name}.capcom-update")
            with part.open("w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            shutil.copymode(path, part)
            part.replace(path)
            done.append(path)
        problems = check(folder)
    except BaseException:
        _restore(originals, done)
        raise
    if problems:
        _restore(originals, done)
    return problems


def _restore(originals: dict[Path, bytes], done: list[Path]) -> None:
    for path in done:
        path.write_bytes(originals[path])
