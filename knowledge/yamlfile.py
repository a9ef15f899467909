"""Read one YAML file into Python data plus a line number for every path, reporting problems."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AnyStr

import yaml
from yaml.composer import ComposerError

from knowledge.files import ByteBudget, Unreadable
from knowledge.limits import DEFAULT_LIMITS, Limits

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
    """A path as it should appear in messages: relative to the working folder when inside it.

    Links are not resolved (a link loop must still have a name), and a working folder that
    was deleted is no reason to fail.
    """
    try:
        absolute = os.path.abspath(path)
        return str(Path(absolute).relative_to(os.getcwd()))
    except (ValueError, OSError):
        return str(path)


_NOT_CHECKED = " (the rest of this file was not checked)"


def read_yaml(
    path: Path,
    problems: list[Problem],
    limits: Limits = DEFAULT_LIMITS,
    budget: ByteBudget | None = None,
) -> YamlDocument | None:
    """Parse path within limits; append every problem found; None if it cannot be used."""
    name = display_path(path)
    try:
        raw_bytes = (budget or ByteBudget(limits)).read(path)
    except Unreadable as exc:
        problems.append(Problem(name, 1, str(exc)))
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
    return parse_yaml(text, name, problems, limits)


def parse_yaml(
    text: str, name: str, problems: list[Problem], limits: Limits = DEFAULT_LIMITS
) -> YamlDocument | None:
    """Parse YAML text within limits; append every problem found; None if it cannot be used."""
    loader = _Loader(text)
    try:
        doc = _Builder(loader, limits, problems, name).document()
        if doc.data is _GENERIC:  # merge keys, explicit tags, complex keys: PyYAML builds it
            loader.dispose()
            loader = _Loader(text)  # checked above: its recursion is bounded by max_depth
            doc = YamlDocument(loader.get_single_data(), doc.lines, doc.raw)
    except TooCostly as exc:
        problems.append(Problem(name, exc.line, f"{exc}{_NOT_CHECKED}"))
        return None
    except yaml.MarkedYAMLError as exc:
        line, message = syntax_message(text, exc)
        problems.append(Problem(name, line, f"YAML syntax error: {message}{_NOT_CHECKED}"))
        return None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        problems.append(
            Problem(
                name,
                line,
                f"character U+{ord(char):04X} at column {col} is not allowed in YAML:"
                f" remove it{_NOT_CHECKED}",
            )
        )
        return None
    except yaml.YAMLError as exc:
        flat = " ".join(str(exc).split())
        problems.append(Problem(name, 1, f"YAML error: {flat}{_NOT_CHECKED}"))
        return None
    finally:
        loader.dispose()
    return doc


def _line_col(data: AnyStr, index: int) -> tuple[int, int]:
    """1-based line and column of an offset into bytes or text."""
    newline: Any = b"\n" if isinstance(data, bytes) else "\n"
    start = data.rfind(newline, 0, index) + 1
    return data.count(newline, 0, index) + 1, index - start + 1


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
        opened = (
            lines[cmark.line][cmark.column : cmark.column + 1] if cmark.line < len(lines) else ""
        )
        quote = opened if opened in ("'", '"') else "'"
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
_MERGE = "tag:yaml.org,2002:merge"
_GENERIC: Any = object()  # data marker: build the document with PyYAML's generic constructor
_NO_KEY: Any = object()


class TooCostly(Exception):
    """A file over one of the limits; str() names the setting, line is where it was found."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _Frame:
    """An open list or mapping while its events arrive."""

    __slots__ = ("anchor", "container", "is_key", "key", "path", "seen", "start")

    def __init__(
        self, container: Any, path: PathKey, is_key: bool, anchor: str | None, start: int
    ) -> None:
        self.container = container
        self.path = path
        self.is_key = is_key  # this collection is itself a mapping key (a complex key)
        self.anchor = anchor
        self.start = start  # the value count when it opened: its size is counted at the end
        self.key: Any = _NO_KEY  # a mapping's key waiting for its value
        self.seen: dict[object, int] = {}  # a mapping's keys and the line of each


class _Builder:
    """Build a document's data, line map and typed text from parser events, within limits.

    The C composer recurses once per nesting level, so a deep enough file overflows the
    stack; the event parser does not recurse, and this builds iteratively from its events.
    Every value an alias stands for is counted as if it were written out (what validation
    will walk), so an alias bomb stops at max_alias_nodes instead of exhausting memory.
    Duplicate keys are reported; anything only PyYAML's generic constructor handles (merge
    keys, explicit or custom tags, complex keys) makes the data _GENERIC, checked all the same.
    """

    def __init__(self, loader: _Loader, limits: Limits, problems: list[Problem], name: str):
        self.loader = loader
        self.limits = limits
        self.problems = problems
        self.name = name
        self.lines: dict[PathKey, int] = {}
        self.raw: dict[PathKey, str] = {}
        self.plain = True
        self.count = 0  # values so far, aliases counted as expanded
        self.aliased = 0  # of which added by aliases
        self.records = 0
        self.anchors: dict[str, tuple[Any, Any]] = {}  # value, mark
        self.sizes: dict[str, int] = {}

    def document(self) -> YamlDocument:
        get = self.loader.get_event
        first: Any = None
        data: Any = None
        while True:
            event: Any = get()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                if first is not None:
                    mark: Any = event.start_mark
                    raise ComposerError(
                        None,
                        None,
                        "a second YAML document starts here (after '---'): a file holds one",
                        mark,
                    )
                first = event
                data = self.node()
        if first is None:
            return YamlDocument(None, {(): 1})
        if not self.plain:
            data = _GENERIC
        return YamlDocument(data, self.lines, self.raw)

    def node(self) -> Any:
        """Consume the events of one document's root node and return its data."""
        get = self.loader.get_event
        loader = self.loader
        constructors = loader.yaml_constructors
        lines, raw = self.lines, self.raw
        max_depth = self.limits.max_depth
        stack: list[_Frame] = []
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
        node_events = (scalar_event, alias_event, seq_start, map_start)
        while True:
            event: Any = get()  # parser events are untyped: each kind has its fields
            kind = type(event)
            parent = stack[-1] if stack else None
            # -- where this value goes: its path, and whether it is a mapping key
            is_key = False
            if kind in node_events:
                if parent is None:
                    path: PathKey = ()
                    lines[()] = event.start_mark.line + 1
                elif type(parent.container) is list:
                    path = (*parent.path, len(parent.container))
                    lines[path] = event.start_mark.line + 1
                    if len(stack) == 1:
                        self._record(event)
                elif parent.key is _NO_KEY:
                    is_key = True
                    path = parent.path
                else:
                    path = (*parent.path, parent.key[1])
            else:  # the end of a list or mapping
                frame = stack.pop()
                if frame.anchor is not None:
                    self.sizes[frame.anchor] = self.count - frame.start
                value = frame.container
                if not stack:
                    return value
                self._attach(stack[-1], value, frame.is_key, event)
                continue
            # -- the value itself
            if kind is scalar_event:
                self.count += 1
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag == _STR:
                    value = event.value
                elif tag in _SCALAR_TAGS:
                    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
                    value = constructors[tag](loader, node)
                    if not is_key:
                        raw[path] = event.value
                else:
                    self.plain = False
                    value = None
                if is_key and tag == _MERGE:
                    self.plain = False
                if event.anchor is not None:
                    self._anchor(event, value)
                    self.sizes[event.anchor] = 1
            elif kind is alias_event:
                value = self._alias(event)
            else:
                if len(stack) >= max_depth:
                    raise TooCostly(
                        event.start_mark.line + 1,
                        f"nested deeper than {max_depth} levels (setting max_depth):"
                        " look for runaway brackets or indentation",
                    )
                start = self.count  # its size, counted at its end, includes itself
                self.count += 1
                tag = event.tag
                expected = _SEQ if kind is seq_start else _MAP
                if tag is not None and tag != "!" and tag != expected:
                    self.plain = False
                container: Any = [] if kind is seq_start else {}
                if event.anchor is not None:
                    self._anchor(event, container)
                stack.append(_Frame(container, path, is_key, event.anchor, start))
                continue
            if parent is None:
                return value
            self._attach(parent, value, is_key, event)

    def _record(self, event: Any) -> None:
        self.records += 1
        if self.records > self.limits.max_records_per_file:
            raise TooCostly(
                event.start_mark.line + 1,
                f"more than {self.limits.max_records_per_file:,} records in one file (setting"
                " max_records_per_file): split them into several files in a folder",
            )

    def _anchor(self, event: Any, value: Any) -> None:
        anchor = event.anchor
        if anchor in self.anchors:
            first = self.anchors[anchor][1].line + 1
            raise ComposerError(
                None,
                None,
                f"the anchor &{anchor} is defined twice (first on line {first}):"
                " give each anchor its own name",
                event.start_mark,
            )
        self.anchors[anchor] = (value, event.start_mark)

    def _alias(self, event: Any) -> Any:
        anchor = event.anchor
        found = self.anchors.get(anchor)
        if found is None:
            raise ComposerError(
                None,
                None,
                f"the alias *{anchor} names no anchor &{anchor} defined before it",
                event.start_mark,
            )
        size = self.sizes.get(anchor, 1)  # an alias inside its own anchor: a loop, seen once
        self.count += size
        self.aliased += size
        if self.aliased > self.limits.max_alias_nodes:
            raise TooCostly(
                event.start_mark.line + 1,
                f"the aliases (*{anchor} here) stand for more than"
                f" {self.limits.max_alias_nodes:,} values when written out (setting"
                " max_alias_nodes): write the values out, or share fewer",
            )
        return found[0]

    def _attach(self, parent: _Frame, value: Any, is_key: bool, event: Any) -> None:
        """Put a finished value into its parent: a list item, a mapping key, or its value."""
        container = parent.container
        if type(container) is list:
            container.append(value)
            return
        if is_key:
            line = event.start_mark.line + 1
            if isinstance(event, yaml.ScalarEvent):
                text = event.value
                key = value
            else:  # a list, mapping or alias as a key: only the generic constructor does that
                self.plain = False
                text = key = f"<complex key on line {line}>"
            same = (type(key), key)  # '0' and 0, or 1 and true, are different keys
            if same in parent.seen:
                self.problems.append(
                    Problem(
                        self.name,
                        line,
                        f"duplicate key '{text}' (first given on line {parent.seen[same]})",
                    )
                )
            else:
                parent.seen[same] = line
            self.lines[(*parent.path, str(text))] = line  # errors about a field point at its key
            parent.key = (key, str(text))
            return
        if self.plain:
            try:
                container[parent.key[0]] = value
            except TypeError:  # an unhashable key (an alias to a list): generic constructor
                self.plain = False
        parent.key = _NO_KEY
