"""Read one YAML file into Python data plus a line number for every path, reporting problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is much faster; fall back to the pure-Python one where it is absent
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the fact base, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class _Loader(_BaseLoader):
    """Safe loader that keeps an impossible date (2026-02-30) as text for a clear error later."""


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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
        _walk(node, (), lines, problems, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        problems.append(Problem(name, line, f"YAML syntax error: {what}{context}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(name, 1, f"YAML error: {exc}"))
        return None
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


def _walk(
    node: yaml.Node, path: PathKey, lines: dict[PathKey, int], problems: list[Problem], name: str
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(name, line, f"duplicate key '{key}' (first given on line {seen[key]})")
                )
            else:
                seen[key] = line
            child = path + (str(key),)
            _walk(value_node, child, lines, problems, name)
            lines[child] = line  # errors about a field point at its key
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, problems, name)
