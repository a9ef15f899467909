"""Read one YAML file into Python data plus a line number for every path, reporting problems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is much faster; fall back to the pure-Python one where it is absent
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the fact base, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


_ResolverTable = dict[str | None, tuple[tuple[str, "re.Pattern[str]"], ...]]


def _resolver_table(loader: type[yaml.resolver.BaseResolver]) -> _ResolverTable:
    """Implicit resolvers by first character, with the wildcard ones appended, as resolve does."""
    raw = loader.yaml_implicit_resolvers
    wildcard = tuple(raw.get(None, ()))
    return {ch: (*found, *wildcard) for ch, found in raw.items() if ch is not None} | {
        None: wildcard
    }


class _Loader(_BaseLoader):
    """Safe loader that keeps an impossible date (2026-02-30) as text for a clear error later.

    Its `resolve` is a faster equivalent of PyYAML's for loaders without path resolvers: the
    composer calls it once per node, and it was a fifth of the load time of a large base.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                table = _RESOLVERS
                found = table.get(value[:1])
                for tag, regexp in found if found is not None else table[None]:
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
assert not _Loader.yaml_path_resolvers, "the fast resolve assumes no path resolvers"
_RESOLVERS = _resolver_table(_Loader)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its data and the 1-based line where each path starts."""

    data: Any
    lines: dict[PathKey, int]

    def line_of(self, path: PathKey) -> int:
        """The line of the longest prefix of path that the file has."""
        while path:
            line = self.lines.get(path)
            if line is not None:
                return line
            path = path[:-1]
        return self.lines.get((), 1)


def display_path(path: Path) -> str:
    """A path as it should appear in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_yaml(path: Path, problems: list[Problem]) -> YamlDocument | None:
    """Parse path; append syntax errors and duplicate keys to problems; None if unreadable."""
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, 1, f"cannot read file: {exc}"))
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): 1})
        lines: dict[PathKey, int] = {}
        data, plain = _build(loader, node, lines, problems, name)
        if not plain:  # merge keys, explicit tags, complex keys: let PyYAML construct it all
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last = max(1, len(text.splitlines()))
        line = min(mark.line + 1, last) if mark is not None else 1  # EOF is after the last line
        what = exc.problem or "invalid YAML"
        context = ""
        if exc.context:
            cmark = exc.context_mark
            started = ""
            if cmark is not None and mark is not None and cmark.line != mark.line:
                started = f" that starts on line {cmark.line + 1}"
            context = f" ({exc.context}{started})"
        problems.append(Problem(name, line, f"YAML syntax error: {what}{context}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(name, 1, f"YAML error: {exc}"))
        return None
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("null", "bool", "int", "float", "timestamp")
)


def _build(
    loader: _Loader, root: yaml.Node, lines: dict[PathKey, int], problems: list[Problem], name: str
) -> tuple[Any, bool]:
    """Construct root's data, record the line of every path, and report duplicate keys.

    One pass instead of a line walk plus PyYAML's generic constructor (which is most of the
    load time of a large base). Returns (data, plain); plain is False when the document uses
    something only the generic constructor handles (merge keys, explicit or custom tags,
    complex keys), and then the data must come from it. Iterative, and each node is built
    once: an alias shares its anchor's object, so a recursive or much-repeated alias cannot
    blow the stack or the time budget.
    """
    made: dict[int, Any] = {}
    todo: list[tuple[yaml.Node, PathKey, Any]] = []
    constructors = loader.yaml_constructors
    scalar_node, sequence_node, mapping_node = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    plain = True

    def make(node: yaml.Node, path: PathKey) -> Any:
        nonlocal plain
        tag = node.tag
        if type(node) is scalar_node:
            if tag == _STR:
                return node.value
            if tag in _SCALAR_TAGS:
                return constructors[tag](loader, node)
            plain = False
            return None
        done = made.get(id(node), made)
        if done is not made:
            return done
        if type(node) is sequence_node and tag == _SEQ:
            container: Any = []
        elif type(node) is mapping_node and tag == _MAP:
            container = {}
        else:
            plain = False
            container = [] if isinstance(node, sequence_node) else {}
        made[id(node)] = container
        todo.append((node, path, container))
        return container

    lines[()] = root.start_mark.line + 1
    data = make(root, ())
    while todo:
        node, here, container = todo.pop()
        if isinstance(container, list):
            append = container.append
            for i, item in enumerate(node.value):
                child = (*here, i)
                lines[child] = item.start_mark.line + 1
                append(make(item, child))
            continue
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if type(key_node) is scalar_node:
                key = key_node.value
                value_key = make(key_node, here)
                if key_node.tag == "tag:yaml.org,2002:merge":
                    plain = False
            else:
                key = value_key = repr(key_node)
                plain = False
            if key in seen:
                problems.append(
                    Problem(name, line, f"duplicate key '{key}' (first given on line {seen[key]})")
                )
            else:
                seen[key] = line
            child = (*here, str(key))
            lines[child] = line  # errors about a field point at its key
            value = make(value_node, child)
            if plain:
                container[value_key] = value
    return data, plain
