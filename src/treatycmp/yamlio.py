"""Safe YAML reading that keeps line numbers and never constructs Python objects.

Documents are composed into nodes by libyaml (when present) and converted here: mappings become
:class:`YMap` (a dict that remembers the line of each key), sequences :class:`YList`, and every scalar
stays the exact text written in the file, so `1.10`, `014`, `no` and `2024-12-24` are never mangled.
Plain `null`/`~`/empty values become ``None``. Duplicate keys, aliases and non-standard tags
(such as ``!!python/object/apply``) are refused with the file and line.
"""

from __future__ import annotations

from pathlib import Path

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
    text = _read_text(path, name)
    if not text.strip():
        raise DataError(name, None, "file is empty")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(name, line, f"YAML syntax error: {exc.problem or exc.context}", col) from None
    except yaml.YAMLError as exc:
        raise DataError(name, None, f"YAML error: {exc}") from None
    if node is None:
        raise DataError(name, None, "file holds no YAML document")
    return _Converter(name).convert(node)


def _read_text(path: Path, name: str) -> str:
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
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(name, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None


class _Converter:
    """Turns a composed node tree into YMap/YList/str/None, refusing what is unsafe."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> DataError:
        mark = node.start_mark
        return DataError(self.name, mark.line + 1, message, mark.column + 1)

    def convert(self, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.seen:
            raise self.fail(node, "YAML aliases (*name) are not supported in treatycmp data")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        return self.sequence(node)

    def scalar(self, node: yaml.ScalarNode) -> str | None:
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, f"unsupported YAML tag {node.tag!r}")
        if node.tag == _NULL and not node.style:
            return None
        return node.value

    def mapping(self, node: yaml.MappingNode) -> YMap:
        if node.tag != _STD + "map":
            raise self.fail(node, f"unsupported YAML tag {node.tag!r}")
        out = YMap()
        out.line, out.column, out.key_lines = node.start_mark.line + 1, node.start_mark.column + 1, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _STD + "merge":
                raise self.fail(key_node, "mapping keys must be plain strings (no merge keys)")
            key = self.scalar(key_node)
            key = "" if key is None else key
            if key in out:
                first = out.key_lines[key]
                raise self.fail(key_node, f"duplicate key {key!r} (first at line {first})")
            out.key_lines[key] = key_node.start_mark.line + 1
            out[key] = self.convert(value_node)
        return out

    def sequence(self, node: yaml.SequenceNode) -> YList:
        if node.tag != _STD + "seq":
            raise self.fail(node, f"unsupported YAML tag {node.tag!r}")
        out = YList(self.convert(item) for item in node.value)
        out.line, out.column = node.start_mark.line + 1, node.start_mark.column + 1
        out.item_lines = [item.start_mark.line + 1 for item in node.value]
        return out
