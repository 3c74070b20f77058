"""Safe YAML reading that keeps line numbers and never constructs Python objects.

Mappings become :class:`YMap` (a dict that remembers the line of each key), sequences :class:`YList`, and
every scalar stays the exact text written in the file, so `1.10`, `014`, `no` and `2024-12-24` are never
mangled. Plain `null`/`~`/empty values become ``None``. Duplicate keys, aliases and non-standard tags
(such as ``!!python/object/apply``) are refused with the file and line.

Two readers give the same trees: :mod:`.fastyaml` for the plain subset the data files are written in, and
:mod:`.yamlevents` (libyaml's parser) for everything else, including every error.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import DataError

MAX_BYTES = 256 * 1024 * 1024


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
    from .yamlevents import read_with_libyaml

    return read_with_libyaml(text, name)


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
