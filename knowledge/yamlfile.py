"""Read one YAML file into Python data plus a line number for every path, reporting problems."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    # the text as typed of every scalar YAML did not read as text (NO, 35, 2026-05-10, ~)
    raw: dict[PathKey, str] = field(default_factory=dict)

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
        raw_bytes = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 1, f"cannot read file: {exc.strerror or exc}"))
        return None
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw_bytes, exc.start)
        problems.append(
            Problem(
                name,
                line,
                f"not UTF-8 text (byte 0x{raw_bytes[exc.start]:02x} at column {col}):"
                " save the file as UTF-8",
            )
        )
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): 1})
        lines: dict[PathKey, int] = {}
        raw: dict[PathKey, str] = {}
        data, plain = _build(loader, node, lines, raw, problems, name)
        if not plain:  # merge keys, explicit tags, complex keys: let PyYAML construct it all
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        line, message = syntax_message(text, exc)
        problems.append(
            Problem(
                name, line, f"YAML syntax error: {message} (the rest of this file was not checked)"
            )
        )
        return None
    except yaml.YAMLError as exc:
        problems.append(
            Problem(name, 1, f"YAML error: {exc} (the rest of this file was not checked)")
        )
        return None
    finally:
        loader.dispose()
    return YamlDocument(data, lines, raw)


def _line_col(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    start = data.rfind(b"\n", 0, index) + 1
    return data.count(b"\n", 0, index) + 1, index - start + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_line(lines: list[str], index: int) -> int | None:
    """The 0-based index of the nearest line above index with content (not blank or comment)."""
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _quoted_scalar_before(text: str, index: int) -> yaml.ScalarToken | None:
    """The quoted multi-line scalar that ends right before index, if the scanner finds one."""
    last: yaml.Token | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (
        isinstance(last, yaml.ScalarToken)
        and last.style in ("'", '"')
        and last.end_mark.line > last.start_mark.line
    ):
        return last
    return None


def syntax_message(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The line to report and a plain-words message for a YAML syntax error."""
    lines = text.splitlines() or [""]
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return 1, exc.problem or "invalid YAML"
    row = min(mark.line, len(lines) - 1)  # EOF is after the last line
    here = lines[row]
    what = exc.problem or "invalid YAML"
    context = exc.context or ""
    cmark = exc.context_mark
    if "\t" in here[: len(here) - len(here.lstrip())] or "tab" in what:
        return row + 1, "tab character: indent with spaces"
    if "quoted scalar" in context and cmark is not None:
        quote = text[cmark.index] if cmark.index < len(text) else "'"
        return cmark.line + 1, f"the quote {quote} opened on this line is never closed"
    quoted = _quoted_scalar_before(text, mark.index)
    if quoted is not None:
        return (
            quoted.start_mark.line + 1,
            f"the quote {quoted.style} opened on this line is not closed on it"
            f" (the text runs on to line {quoted.end_mark.line + 1})",
        )
    if "simple key" in context and cmark is not None:
        return cmark.line + 1, "a ':' is missing after the field name: write `name: value`"
    column = mark.column + 1
    prev = _previous_line(lines, row)
    in_flow = "expected ',' or" in what and cmark is not None and cmark.line == mark.line
    if "mapping values are not allowed" in what or (
        in_flow and mark.index < len(text) and text[mark.index] == ":"
    ):
        found = re.search(r":(\s|$)", here)
        first_colon = found.start() if found else -1
        if (
            prev is not None
            and _indent(here) > _indent(lines[prev])
            and first_colon >= mark.column - 1
            and not here.lstrip().startswith("- ")
        ):
            return (
                row + 1,
                f"this line is indented more than line {prev + 1} above it;"
                " fields of one record line up under each other",
            )
        seg = here[: mark.column]
        start = max(seg.rfind("{"), seg.rfind(", ")) if in_flow else -1
        key = seg[start + 1 :].strip(" ,-").split(":")[0].strip() or "key"
        return (
            row + 1,
            f"text with ': ' in it must be quoted (the ':' at column {column}): write {key}: '...'",
        )
    if "expected '-' indicator" in what or "expected key" in what:
        at = f"line {prev + 1}" if prev is not None else "the line above"
        return (
            row + 1,
            f"indentation doesn't line up with {at}; each record starts with '- ' and"
            " its fields line up under the first one",
        )
    if "expected ',' or" in what and cmark is not None:
        closing = what[-2]
        opening = {"]": "[", "}": "{"}.get(closing, closing)
        return (
            row + 1,
            f"the '{opening}' opened on line {cmark.line + 1} is not closed with '{closing}'"
            f" (or an item in it has a ',' or ':' and must be quoted)",
        )
    started = ""
    if context and cmark is not None and cmark.line != mark.line:
        started = f" that starts on line {cmark.line + 1}"
    ctx = f" ({context}{started})" if context else ""
    return row + 1, f"{what}{ctx}"


_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("null", "bool", "int", "float", "timestamp")
)


def _build(
    loader: _Loader,
    root: yaml.Node,
    lines: dict[PathKey, int],
    raw: dict[PathKey, str],
    problems: list[Problem],
    name: str,
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

    def make(node: yaml.Node, path: PathKey | None) -> Any:  # None: a key
        nonlocal plain
        tag = node.tag
        if type(node) is scalar_node:
            if tag == _STR:
                return node.value
            if tag in _SCALAR_TAGS:
                if path is not None:
                    raw[path] = node.value
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
        todo.append((node, path or (), container))
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
                value_key = make(key_node, None)
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
