"""Reading any YAML document through libyaml's parser events into the trees of :mod:`.yamlio`.

This reader knows the whole language and reports every syntax error with its line and column; the data
files normally go through :mod:`.fastyaml`, which hands over to this one whenever it meets anything else.
"""

from __future__ import annotations

from typing import Iterator

import yaml

from .errors import DataError
from .yamlio import NULLS, YList, YMap

try:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")}


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
        if type(event) is not yaml.ScalarEvent or (event.value == "<<" and not event.style):
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
