"""Safe YAML reading through libyaml that keeps positions and never constructs Python objects.

Mappings become :class:`YMap` (a dict that remembers where each key and each value stands), sequences
:class:`YList` (a list that remembers where each item stands), and every scalar stays the exact text written in
the file, so `1.10`, `014`, `no` and `2024-12-24` are never mangled. Plain `null`/`~`/empty values become
``None``. Duplicate keys, aliases, merge keys, extra documents and non-standard tags (such as
``!!python/object/apply``) are refused with the file, line and column.

The tree is built straight from libyaml's parser events (PyYAML's C binding when present): no node graph and no
constructor, which is both the safe way and the fast one.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path
from typing import Iterator, Union

import yaml

from .errors import DataError
from .resources import kind_of

MAX_BYTES = 256 * 1024 * 1024
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""The plain scalars that mean null; every other scalar stays its text."""

Pos = tuple[int, int]
"""A 1-based (line, column)."""


class YMap(dict):
    """A mapping read from YAML, with the position of itself, of each key and of each value."""

    __slots__ = ("line", "column", "key_pos", "value_pos")
    line: int
    column: int
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

    def line_of(self, key: str) -> int:
        """The line of *key*, or of the mapping itself when the key is absent."""
        return self.key_pos.get(key, (self.line, self.column))[0]

    def pos_of(self, key: str) -> Pos:
        """Line and column of *key* (of the mapping when absent)."""
        return self.key_pos.get(key, (self.line, self.column))

    def value_at(self, key: str) -> Pos:
        """Line and column of the value of *key* (of the key, or the mapping, when there is none)."""
        return self.value_pos.get(key) or self.pos_of(key)


class YList(list):
    """A sequence read from YAML, with its position and the position of each item."""

    __slots__ = ("line", "column", "item_pos")
    line: int
    column: int
    item_pos: list[Pos]

    @property
    def item_lines(self) -> list[int]:
        return [line for line, _ in self.item_pos]


Node = Union[YMap, YList, str, None]

try:  # pragma: no cover - depends on the PyYAML build
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {None, "!"} | {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq")}


def read_yaml(path: Path, label: str | None = None) -> Node:
    """Read one YAML document from *path*; raise :class:`DataError` naming *label* on any problem."""
    name = label or str(path)
    text = read_text(path, name)
    if not text.strip():
        raise DataError(name, None, "file is empty")
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> Node:
    """Parse YAML *text* into YMap/YList/str/None; raise :class:`DataError` naming *name*."""
    try:
        return _Builder(name).build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        if "\t" in text:
            _refuse_tab_indent(text, name)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(name, line, _syntax_error(exc), col) from None
    except yaml.YAMLError as exc:
        raise DataError(name, None, f"YAML error: {exc}") from None


def _syntax_error(exc: yaml.MarkedYAMLError) -> str:
    """libyaml's complaint, and where the construct it was reading started when that is elsewhere: an unclosed
    flow mapping is noticed lines below its '{' ('… (the flow mapping opened at 2:5)')."""
    said = f"YAML syntax error: {exc.problem or exc.context}"
    start, found = exc.context_mark, exc.problem_mark
    if exc.problem and exc.context and start and found and (start.line, start.column) != (found.line, found.column):
        what = _CONTEXT_RE.sub("", exc.context)
        verb = "opened" if what.startswith("flow ") else "started"
        said += f" (the {what} {verb} at {start.line + 1}:{start.column + 1})"
    return said


_CONTEXT_RE = re.compile(r"^while (?:parsing|scanning) (?:an? )?")


def _refuse_tab_indent(text: str, name: str) -> None:
    """Say plainly that a tab indents a line (YAML allows only spaces), instead of libyaml's 'found character'."""
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            raise DataError(name, number, "a tab in indentation: YAML indents with spaces only", indent.index("\t") + 1)


def read_text(path: Path, name: str) -> str:
    """The UTF-8 text of *path* (without a byte-order mark), or a :class:`DataError` saying why not."""
    try:
        info = path.stat()  # never opened unless a regular file: a FIFO would wait for a writer
        if not stat.S_ISREG(info.st_mode):
            raise DataError(name, None, f"is not a regular file (it is {kind_of(info.st_mode)})")
        size = info.st_size
        if size > MAX_BYTES:
            raise DataError(name, None, f"file is too large ({size} bytes; limit {MAX_BYTES})")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(name, None, "file not found") from None
    except PermissionError:
        raise DataError(name, None, "permission denied") from None
    except OSError as exc:
        raise DataError(name, None, f"cannot read file: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataError(name, line, "binary content (NUL byte): not a YAML text file")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(name, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None


def _pos(event: yaml.Event) -> Pos:
    """The 1-based line and column where *event* starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Frame:
    """An open container and, for a mapping, the key waiting for its value."""

    __slots__ = ("node", "key", "is_list")

    def __init__(self, node: YMap | YList) -> None:
        self.node = node
        self.key: str | None = None
        self.is_list = isinstance(node, YList)


class _Builder:
    """Folds libyaml's event stream into one document of YMap/YList/str/None."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stack: list[_Frame] = []
        self.root: Node = None

    def fail(self, event: yaml.Event, message: str) -> DataError:
        line, column = _pos(event)
        return DataError(self.name, line, message, column)

    def build(self, events: Iterator[yaml.Event]) -> Node:
        documents = 0
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.add(self.scalar(event), event)  # type: ignore[arg-type]
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                node = self.open(event)  # type: ignore[arg-type]
                self.add(node, event)
                self.stack.append(_Frame(node))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.stack.pop()
            elif kind is yaml.AliasEvent:
                raise self.fail(event, "YAML aliases (*name) are not supported in treatycmp data")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(event, "only one YAML document per file")
        if documents == 0:
            raise DataError(self.name, None, "file holds no YAML document")
        return self.root

    def scalar(self, event: yaml.ScalarEvent) -> str | None:
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            raise self.fail(event, f"unsupported YAML tag {tag!r}")
        return None if not event.style and tag is None and event.value in NULLS else event.value

    def open(self, event: yaml.NodeEvent) -> YMap | YList:
        if event.tag not in _ALLOWED_TAGS:  # type: ignore[attr-defined]
            raise self.fail(event, f"unsupported YAML tag {event.tag!r}")  # type: ignore[attr-defined]
        node: YMap | YList
        if type(event) is yaml.MappingStartEvent:
            node = YMap()
            node.key_pos, node.value_pos = {}, {}
        else:
            node = YList()
            node.item_pos = []
        node.line, node.column = _pos(event)
        return node

    def add(self, value: Node, event: yaml.Event) -> None:
        """Put *value* where it belongs: the root, a list item, a mapping key, or a mapping value."""
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        pos = _pos(event)
        if frame.is_list:
            lst: YList = frame.node  # type: ignore[assignment]
            lst.append(value)
            lst.item_pos.append(pos)
            return
        mapping: YMap = frame.node  # type: ignore[assignment]
        if frame.key is None:
            frame.key = self.key(mapping, value, event)
            mapping.key_pos[frame.key] = pos
        else:
            mapping[frame.key] = value
            mapping.value_pos[frame.key] = pos
            frame.key = None

    def key(self, mapping: YMap, value: Node, event: yaml.Event) -> str:
        if type(event) is not yaml.ScalarEvent or (event.value == "<<" and not event.style):
            raise self.fail(event, "mapping keys must be plain strings (no merge keys)")
        key = "" if value is None else str(value)
        if key in mapping:
            raise self.fail(event, f"duplicate key {key!r} (first at line {mapping.key_pos[key][0]})")
        return key
