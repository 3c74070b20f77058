"""Safe YAML reading that keeps line numbers and never constructs Python objects.

Documents are composed into nodes by libyaml (when present) and converted here: mappings become
:class:`YMap` (a dict that remembers the line of each key), sequences :class:`YList`, and every scalar
stays the exact text written in the file, so `1.10`, `014`, `no` and `2024-12-24` are never mangled.
Plain `null`/`~`/empty values become ``None``. Duplicate keys, aliases and non-standard tags
(such as ``!!python/object/apply``) are refused with the file and line.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Iterator

import yaml

from .errors import DataError

try:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

MAX_BYTES = 256 * 1024 * 1024
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")}
_NULL = _STD + "null"


class YMap(dict):
    """A mapping read from YAML, with the line and column of itself and of each key."""

    __slots__ = ("line", "column", "key_lines")

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    """A sequence read from YAML, with its line and the line of each item."""

    __slots__ = ("line", "column", "item_lines")


def read_yaml(path: Path, label: str | None = None) -> object:
    """Read one YAML document from *path*; raise :class:`DataError` naming *label* on any problem."""
    name = label or str(path)
    raw, text = _read_text(path, name)
    if not text.strip():
        raise DataError(name, None, "file is empty")
    from .fastyaml import Unsupported, read

    try:
        return read(text, raw)
    except Unsupported:
        pass  # outside the fast subset, or not valid YAML: libyaml reads it and reports any error
    return read_with_libyaml(text, name)


def read_with_libyaml(text: str, name: str) -> object:
    """Read *text* with libyaml's parser (the full language); raise :class:`DataError` naming *name*."""
    try:
        return _Builder(name).build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(name, line, f"YAML syntax error: {exc.problem or exc.context}", col) from None
    except yaml.YAMLError as exc:
        raise DataError(name, None, f"YAML error: {exc}") from None


def _read_text(path: Path, name: str) -> tuple[bytes, str]:
    """The bytes of *path* (without a UTF-8 byte-order mark) and their text."""
    try:
        if path.is_dir():
            raise DataError(name, None, "is a folder, not a file")
        size = path.stat().st_size
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
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(name, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None


NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""The plain scalars that mean null; every other scalar stays its text."""
_ALLOWED_TAGS = {None, "!"} | _SCALAR_TAGS | {_STD + "map", _STD + "seq"}


class _Builder:
    """Builds YMap/YList/str/None straight from the parser's events (no node tree, no constructor).

    Plain `null`, `~` and empty values become None; every other scalar stays the text written. Aliases,
    merge keys, unknown tags, duplicate keys and extra documents are refused with their line.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, event: yaml.Event, message: str) -> DataError:
        mark = event.start_mark
        return DataError(self.name, mark.line + 1, message, mark.column + 1)

    def build(self, events: Iterator[yaml.Event]) -> object:
        """Fold the event stream into one document (one tight loop: this is the hot path of loading)."""
        stack: list[list] = []  # frames: [container, pending key or _NO_KEY, key line, is a list]
        frame: list | None = None
        root: object = None
        documents = 0
        scalar, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        for event in events:
            kind = type(event)
            if kind is scalar:
                tag = event.tag
                if tag is not None and tag not in _ALLOWED_TAGS:
                    raise self.fail(event, f"unsupported YAML tag {tag!r}")
                value = None if not event.style and tag is None and event.value in NULLS else event.value
                if frame is None:
                    root = value
                elif frame[3]:
                    frame[0].append(value)
                    frame[0].item_lines.append(event.start_mark.line + 1)
                elif frame[1] is _NO_KEY:
                    self.key(frame, value, event)
                else:
                    frame[0][frame[1]] = value
                    frame[0].key_lines[frame[1]] = frame[2]
                    frame[1] = _NO_KEY
            elif kind is map_start or kind is seq_start:
                container = self.open(event, kind)
                if frame is None:
                    root = container
                else:
                    self.place(frame, container, event)
                frame = [container, _NO_KEY, 0, kind is seq_start]
                stack.append(frame)
            elif kind in ends:
                stack.pop()
                frame = stack[-1] if stack else None
            elif kind is yaml.AliasEvent:
                raise self.fail(event, "YAML aliases (*name) are not supported in treatycmp data")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(event, "only one YAML document per file")
        if documents == 0:
            raise DataError(self.name, None, "file holds no YAML document")
        return root

    def key(self, frame: list, value: object, event: yaml.Event) -> None:
        """Take *value* as the next key of the mapping in *frame*."""
        if type(event) is not yaml.ScalarEvent or event.value == "<<" and not event.style:
            raise self.fail(event, "mapping keys must be plain strings (no merge keys)")
        key = "" if value is None else value
        if key in frame[0]:
            raise self.fail(event, f"duplicate key {key!r} (first at line {frame[0].key_lines[key]})")
        frame[1], frame[2] = key, event.start_mark.line + 1

    def open(self, event: yaml.Event, kind: type) -> object:
        if event.tag not in _ALLOWED_TAGS:
            raise self.fail(event, f"unsupported YAML tag {event.tag!r}")
        mark = event.start_mark
        if kind is yaml.MappingStartEvent:
            container: YMap | YList = YMap()
            container.key_lines = {}
        else:
            container = YList()
            container.item_lines = []
        container.line, container.column = mark.line + 1, mark.column + 1
        return container

    def place(self, frame: list, value: object, event: yaml.Event) -> None:
        """Put a new container into the container of *frame*: a list item, or a mapping value."""
        container = frame[0]
        if frame[3]:
            container.append(value)
            container.item_lines.append(event.start_mark.line + 1)
        elif frame[1] is _NO_KEY:
            self.key(frame, value, event)
        else:
            container[frame[1]] = value
            container.key_lines[frame[1]] = frame[2]
            frame[1] = _NO_KEY


_NO_KEY = object()
