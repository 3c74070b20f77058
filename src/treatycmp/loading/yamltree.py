"""Safe YAML reading through libyaml that keeps positions and never constructs Python objects.

Mappings become :class:`YMap` (a dict that remembers where each key and each value stands),
sequences :class:`YList` (a list that remembers where each item stands), and every scalar stays the
exact text written in the file, so `1.10`, `014`, `no` and `2024-12-24` are never mangled. Plain
`null`/`~`/empty values become ``None``. Duplicate keys, aliases, merge keys, extra documents and
non-standard tags (such as ``!!python/object/apply``) are refused with the file, line and column.

The tree is built straight from libyaml's parser events (PyYAML's C binding when present): no node
graph and no constructor, which is both the safe way and the fast one."""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path
from sys import intern
from typing import Any, Callable, Mapping, Union

import yaml

from ..errors import DataError
from .datafiles import kind_of

MAX_BYTES = 256 * 1024 * 1024
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""The plain scalars that mean null; every other scalar stays its text."""

Pos = tuple[int, int]
"""A 1-based (line, column)."""


class YMap(dict):
    """A mapping read from YAML, with the position of itself, of each key and of each value."""

    __slots__ = ("line", "column", "at")
    line: int
    column: int
    at: dict[str, tuple[int, int, int, int]]
    """Where each key and its value stand: (key line, key column, value line, value column), in one
    small tuple."""

    def line_of(self, key: str) -> int:
        """The line of *key*, or of the mapping itself when the key is absent."""
        at = self.at.get(key)
        return at[0] if at else self.line

    def pos_of(self, key: str) -> Pos:
        """Line and column of *key* (of the mapping when absent)."""
        at = self.at.get(key)
        return (at[0], at[1]) if at else (self.line, self.column)

    def value_at(self, key: str) -> Pos:
        """Line and column of the value of *key* (of the mapping when the key is absent)."""
        at = self.at.get(key)
        return (at[2], at[3]) if at else (self.line, self.column)


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
ItemSink = Callable[[Node, Pos], None]
"""Where the items of a streamed top-level list go, each with its position, as soon as read."""

try:  # pragma: no cover - depends on the PyYAML build
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {None, "!"} | {
    _STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq")
}


def read_yaml(
    path: Path, label: str | None = None, items: Mapping[str, ItemSink] | None = None
) -> Node:
    """Read one YAML document from *path*; raise :class:`DataError` naming *label* on any problem.

    *items*: the top-level keys whose list is streamed: each item goes to the key's sink as soon as
    it is read, and is not kept (the list stays in the tree, empty), so a large file is never held
    whole.
    """
    name = label or str(path)
    text = read_text(path, name)
    if not text.strip():
        raise DataError(name, None, "file is empty")
    return parse_yaml(text, name, items)


def parse_yaml(text: str, name: str, items: Mapping[str, ItemSink] | None = None) -> Node:
    """Parse YAML *text* into YMap/YList/str/None; raise :class:`DataError` naming *name*."""
    loader = _Loader(text)
    try:
        return _build(loader, name, items or {})
    except yaml.MarkedYAMLError as exc:
        if "\t" in text:
            _refuse_tab_indent(text, name)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(name, line, _syntax_error(exc), col) from None
    except yaml.YAMLError as exc:
        raise DataError(name, None, f"YAML error: {exc}") from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.MarkedYAMLError) -> str:
    """libyaml's complaint, and where the construct it was reading started when that is elsewhere:
    an unclosed flow mapping is noticed lines below its '{' ('… (the flow mapping opened at
    2:5)')."""
    said = f"YAML syntax error: {exc.problem or exc.context}"
    start, found = exc.context_mark, exc.problem_mark
    if (
        exc.problem
        and exc.context
        and start
        and found
        and (start.line, start.column) != (found.line, found.column)
    ):
        what = _CONTEXT_RE.sub("", exc.context)
        verb = "opened" if what.startswith("flow ") else "started"
        said += f" (the {what} {verb} at {start.line + 1}:{start.column + 1})"
    return said


_CONTEXT_RE = re.compile(r"^while (?:parsing|scanning) (?:an? )?")


def _refuse_tab_indent(text: str, name: str) -> None:
    """Say plainly that a tab indents a line (YAML allows only spaces), instead of libyaml's 'found
    character'."""
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            raise DataError(
                name,
                number,
                "a tab in indentation: YAML indents with spaces only",
                indent.index("\t") + 1,
            )


def read_text(path: Path, name: str) -> str:
    """The UTF-8 text of *path* (without a byte-order mark), or a :class:`DataError` saying why
    not."""
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
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(name, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None


_NO_KEY = object()
"""The key slot of an open mapping that waits for its next key."""


# The hot path of loading: one loop over every libyaml event, kept in one function because a call
# per event costs more than the branches it would move (see bench/README.md).
def _build(loader: Any, name: str, items: Mapping[str, ItemSink]) -> Node:  # noqa: C901
    """Fold libyaml's event stream into one document of YMap/YList/str/None, in one loop; the items
    of the top-level lists named in *items* go to their sinks instead."""
    root: Node = None
    documents = 0
    stack: list[
        tuple[Any, Any, Any, Any]
    ] = []  # the containers that enclose *parent*, each with its state
    parent: Any = None  # the open container that the next node goes into
    key: Any = _NO_KEY  # in a mapping: the key waiting for its value
    add: Any = None  # in a list: its append; in a mapping: its position table
    add_pos: Any = None  # in a list: the append of its item positions
    key_line = key_column = 0  # where the key waiting for its value stands
    streamed: Any = _NO_KEY  # the top-level list whose items go to *sink* (a sentinel: no list)
    sink: Any = None
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    event: Any
    for event in iter(loader.get_event, None):
        kind = type(event)
        node: Any
        if kind is scalar_event:
            tag = event.tag
            if tag is not None and tag not in _ALLOWED_TAGS:
                raise _fail(name, event, f"unsupported YAML tag {tag!r}")
            node = event.value
            if tag is None and not event.style and node in NULLS:
                node = None
        elif kind is mapping_start or kind is sequence_start:
            if event.tag not in _ALLOWED_TAGS:
                raise _fail(name, event, f"unsupported YAML tag {event.tag!r}")
            node = _container(event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            parent, key, add, add_pos = stack.pop()
            if parent is streamed:  # an item of a streamed list is complete: it leaves the tree
                sink(parent.pop(), parent.item_pos.pop())
            continue
        elif kind is yaml.AliasEvent:
            raise _fail(name, event, "YAML aliases (*name) are not supported in treatycmp data")
        else:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _fail(name, event, "only one YAML document per file")
            continue
        mark = event.start_mark
        if parent is None:
            root = node
        elif type(parent) is YList:
            if parent is streamed and kind is scalar_event:
                sink(node, (mark.line + 1, mark.column + 1))
                continue
            add(node)
            add_pos((mark.line + 1, mark.column + 1))
        elif key is _NO_KEY:
            if kind is not scalar_event or (node == "<<" and not event.style):
                raise _fail(name, event, "mapping keys must be plain strings (no merge keys)")
            key = (
                "" if node is None else intern(node)
            )  # one copy of each key name, however many mappings use it
            if key in parent:
                raise _fail(name, event, f"duplicate key {key!r} (first at line {add[key][0]})")
            key_line, key_column = mark.line + 1, mark.column + 1
        else:
            if kind is sequence_start and len(stack) == 1 and key in items:  # a list to stream
                streamed, sink = node, items[key]
            parent[key] = node
            line = mark.line + 1
            add[key] = (
                key_line,
                key_column,
                key_line if line == key_line else line,
                mark.column + 1,
            )
            key = _NO_KEY
        if kind is not scalar_event:
            stack.append((parent, key, add, add_pos))
            parent, key = node, _NO_KEY
            if type(node) is YList:
                add, add_pos = node.append, node.item_pos.append
            else:
                add = node.at
    if documents == 0:
        raise DataError(name, None, "file holds no YAML document")
    return root


def _container(event: Any) -> YMap | YList:
    """An empty YMap or YList that remembers where *event* starts."""
    node: YMap | YList
    if type(event) is yaml.MappingStartEvent:
        node = YMap()
        node.at = {}
    else:
        node = YList()
        node.item_pos = []
    mark = event.start_mark
    node.line, node.column = mark.line + 1, mark.column + 1
    return node


def _fail(name: str, event: Any, message: str) -> DataError:
    mark = event.start_mark
    return DataError(name, mark.line + 1, message, mark.column + 1)
