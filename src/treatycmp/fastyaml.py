"""A fast reader for the plain subset of YAML that treatycmp's data files are written in.

:func:`read` returns exactly the tree that the libyaml-based reader in :mod:`.yamlevents` returns (same
values, same lines and columns) for documents made of block mappings with simple keys, block sequences,
one-line flow collections of scalars, quoted and plain scalars (which may continue on more-indented lines,
without escapes or blank lines), comments, and folded (``>``) or literal (``|``) block scalars with clip or
strip chomping.

Anything else raises :class:`Unsupported` at the first line that leaves the subset: anchors, aliases,
tags, escapes, multi-line flow collections, tabs, lone CR line ends, document markers, duplicate keys,
and every kind of error. The caller then reads the file with libyaml, which knows the whole language
and reports errors with their line. Being wrong is never an option here: when in doubt, give up.

Why: libyaml parses quickly, but handing each of its events to Python costs about a microsecond;
a 28 MB corpus has 1.2 million events. Reading the lines directly takes about half the time (1.4 to 2.3 times
faster on the 100x benchmark corpus, bench/scale.py).
"""

from __future__ import annotations

import re

from .yamlio import NULLS, YList, YMap

__all__ = ["Unsupported", "read"]


class Unsupported(Exception):
    """The text leaves the fast subset (or is not valid YAML): read it with libyaml instead."""


# The fast reader counts lines and indentation in a way that ignores other line breaks (CR, NEL, LS, PS),
# tabs and byte-order marks, and it must refuse what libyaml refuses (characters outside YAML's printable set).
# Both are found in the UTF-8 bytes: deleting printable ASCII and LF leaves only control bytes (tab and CR among
# them) and the bytes of non-ASCII characters, usually a small remainder to search.
_PLAIN_ASCII = b"\n" + bytes(range(0x20, 0x7F))
_HIGH = bytes(range(0x80, 0x100))
_BAD_UTF8 = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbb\xbf|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf]")
_KEY_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_DOUBLE = re.compile(r'"([^"\\]*)"')
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?!')")
_DOUBLE_OPEN = re.compile(r'"([^"\\]*)$')  # a double-quoted scalar continued on the next line
_SINGLE_OPEN = re.compile(r"'((?:[^']|'')*)$")
_DOUBLE_CLOSE = re.compile(r' *([^"\\]*)"')  # the line that closes it
_SINGLE_CLOSE = re.compile(r" *((?:[^']|'')*)'(?!')")
_TAIL = re.compile(r"(?: +#.*| *)$")
_BLOCK_HEADER = re.compile(r"([>|])(-?)(?: +#.*| *)$")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SCALAR = r"""("[^"\\]*"|'(?:[^']|'')*'(?!')|[^\s,\[\]{}#&*!|>'"%@`?:-](?:[^,\[\]{}:#]*[^\s,\[\]{}:#])?)"""
_SEQ_ITEM = re.compile(r" *" + _FLOW_SCALAR + r" *([,\]])")
_PAIR = r" *([A-Za-z_][A-Za-z0-9_-]{0,127}): +" + _FLOW_SCALAR + r" *"
_MAP_ITEM = re.compile(_PAIR + r"([,}])")
_FLOW_MAP = re.compile(r"\{(?:" + _PAIR + r",)*" + _PAIR + r"\} *")  # a whole one-line flow mapping, no comment
_EMPTY_SEQ = re.compile(r"\[ *\]")
_EMPTY_MAP = re.compile(r"\{ *\}")


def read(text: str, raw: bytes | None = None) -> YMap | YList:
    """The tree of *text* (whose UTF-8 bytes are *raw*, without a byte-order mark), or :class:`Unsupported`
    if *text* leaves the subset (see the module docstring)."""
    if raw is None:
        raw = text.encode("utf-8", "surrogatepass")
    if b"\r" in raw:  # CRLF line ends read as LF, as libyaml reads them (a lone CR is caught below)
        raw, text = raw.replace(b"\r\n", b"\n"), text.replace("\r\n", "\n")
    rest = raw.translate(None, _PLAIN_ASCII)
    if rest and (rest.translate(None, _HIGH) or _BAD_UTF8.search(rest)):
        raise Unsupported
    return _Reader(text).document()


def _is_key(text: str) -> bool:
    """A plain key of letters, digits, "_" and "-" (not starting with a digit or "-"), short enough for YAML."""
    return len(text) < 1000 and ((text.isidentifier() and text.isascii()) or _KEY_NAME.match(text) is not None)


def _new_map(line: int, column: int) -> YMap:
    node = YMap()
    node.key_lines, node.line, node.column = {}, line, column
    return node


def _new_seq(line: int, column: int) -> YList:
    node = YList()
    node.item_lines, node.line, node.column = [], line, column
    return node


class _Reader:
    """One pass over the lines with a stack of open block nodes (the hot path of loading large corpora)."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.ends_with_break = text.endswith("\n")

    def document(self) -> YMap | YList:  # noqa: C901 - one loop on purpose: it runs once per line
        """The root node. Open block nodes are kept on a stack of (indentation, node, is a sequence, is a
        sequence written under its key at the key's indentation); the innermost one is also in locals."""
        lines, stack = self.lines, []
        root = pending = None  # pending: (mapping, key) of a key whose value is on the following lines
        at, node, in_seq, compact = -1, None, False, False
        i, count = 0, len(lines)
        while i < count:
            line = lines[i]
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                i += 1
                continue  # blank or comment line
            indent = len(line) - len(content)
            dash = 0
            if content[0] == "-" and content[1:2] == " ":
                rest = content[2:].lstrip(" ")
                dash = len(content) - len(rest)  # "- " and the spaces after it
            else:
                rest = content
            key = None
            if rest[:1] in _KEY_START:
                key, colon, value = rest.partition(": ")
                if colon or key[-1] == ":":
                    key = key if colon else key[:-1]
                    if not (key.isidentifier() and key.isascii()) and not _is_key(key):
                        raise Unsupported
                    rest = value.lstrip(" ") if colon else ""
                else:
                    key = None  # a plain scalar
            if pending is not None:
                frame = self.open_value(pending, at, indent, dash > 0, i)
                if frame is not None:
                    stack.append(frame)
                    at, node, in_seq, compact = frame
                pending = None
            elif root is None:
                root = _new_seq(i + 1, indent + 1) if dash else _new_map(i + 1, indent + 1)
                stack.append((indent, root, dash > 0, False))
                at, node, in_seq, compact = stack[-1]
            while indent < at or (compact and indent == at and not dash):
                stack.pop()
                if not stack:
                    raise Unsupported  # less indented than the root, or a second root node
                at, node, in_seq, compact = stack[-1]
            if indent != at:
                raise Unsupported
            if in_seq:
                if not dash or (key is None and (not rest or rest[0] == "#")):
                    raise Unsupported  # not an item, or an item written on the following lines
                node.item_lines.append(i + 1)
                if key is None:
                    value, i = self.value(rest, i, indent, indent + dash)
                    node.append(value)
                    continue
                indent += dash
                node.append(_new_map(i + 1, indent + 1))
                stack.append((indent, node[-1], False, False))
                at, node, in_seq, compact = stack[-1]
            elif dash or key is None:
                raise Unsupported
            if key in node or key in NULLS:
                raise Unsupported  # duplicates are reported by the full reader
            node.key_lines[key] = i + 1
            if not rest or rest[0] == "#":
                pending = node, key
                i += 1
            elif rest[0] == '"' and rest[-1] == '"' and rest.count('"') == 2 and "\\" not in rest:
                node[key] = rest[1:-1]  # the common case: a double-quoted scalar alone on its line
                i += 1
            else:
                node[key], i = self.value(rest, i, indent, len(line) - len(rest))
        if root is None:
            raise Unsupported  # no document: libyaml says so
        if pending is not None:
            pending[0][pending[1]] = None
        return root

    @staticmethod
    def open_value(pending: tuple, at: int, indent: int, item: bool, i: int) -> tuple | None:
        """Give a pending key its value now that the next line is known: a block below it (whose frame is
        returned), or null."""
        mapping, key = pending
        if indent > at:
            node: YMap | YList = _new_seq(i + 1, indent + 1) if item else _new_map(i + 1, indent + 1)
            mapping[key] = node
            return indent, node, item, False
        if indent == at and item:
            mapping[key] = node = _new_seq(i + 1, indent + 1)
            return indent, node, True, True
        mapping[key] = None
        return None

    def value(self, rest: str, i: int, indent: int, pos: int) -> tuple[object, int]:
        """The value *rest* that starts at column *pos* of line *i*, in a block node indented by *indent*,
        with the index of the line after it."""
        first = rest[0]
        if first == '"' or first == "'":
            return self.quoted(rest, i, indent)
        if first == "[":
            return self.flow_sequence(rest, i, pos), i + 1
        if first == "{":
            return self.flow_mapping(rest, i, pos), i + 1
        if first == ">" or first == "|":
            return self.block_scalar(rest, i, indent)
        if first in _INDICATORS:
            raise Unsupported
        end = rest.find(" #")
        text = (rest if end < 0 else rest[:end]).rstrip(" ")
        if ": " in text or text[-1] == ":":
            raise Unsupported
        if end < 0:
            text, i = self.continued(text, i + 1, indent)
        else:
            i += 1
        return None if text in NULLS else text, i

    def quoted(self, rest: str, i: int, indent: int) -> tuple[str, int]:
        """A single- or double-quoted scalar on one line, or folded over several (no escapes)."""
        single = rest[0] == "'"
        match = (_SINGLE if single else _DOUBLE).match(rest)
        if match is not None:
            if not _TAIL.match(rest, match.end()):
                raise Unsupported  # text after the closing quote
            text = match.group(1)
            return (text.replace("''", "'") if single else text), i + 1
        match = (_SINGLE_OPEN if single else _DOUBLE_OPEN).match(rest)
        parts = [match.group(1).rstrip(" ")] if match is not None else [""]
        if not parts[0]:
            raise Unsupported  # an escape, or a break right after the opening quote
        close = _SINGLE_CLOSE if single else _DOUBLE_CLOSE
        for j in range(i + 1, len(self.lines)):
            line = self.lines[j]
            content = line.strip(" ")
            if not content or len(line) - len(line.lstrip(" ")) <= indent or content[0] == "#":
                break  # blank lines fold differently; lines not indented past the node are errors
            match = close.match(line)
            if match is None:
                if "\\" in content or content.count("'" if single else '"') % 2:
                    raise Unsupported
                parts.append(content)
                continue
            if not _TAIL.match(line, match.end()):
                raise Unsupported
            parts.append(match.group(1).strip(" "))
            text = " ".join(parts)
            return (text.replace("''", "'") if single else text), j + 1
        raise Unsupported

    def continued(self, text: str, i: int, indent: int) -> tuple[str, int]:
        """A plain scalar with its continuation lines from *i* (more indented than its node), folded with spaces."""
        lines, parts = self.lines, [text]
        while i < len(lines):
            line = lines[i]
            content = line.strip(" ")
            if not content or content[0] == "#" or len(line) - len(line.lstrip(" ")) <= indent:
                break  # a blank or comment line ends the scalar: any deeper line after it is left to libyaml
            if content[0] in _INDICATORS or ": " in content or " #" in content or content[-1] == ":":
                raise Unsupported
            parts.append(content)
            i += 1
        return (" ".join(parts) if len(parts) > 1 else text), i

    def flow_sequence(self, rest: str, i: int, pos: int) -> YList:
        """A flow sequence of scalars that opens and closes on line *i*, at column *pos*."""
        node = _new_seq(i + 1, pos + 1)
        if rest[:2] == '["' and rest[-2:] == '"]' and "\\" not in rest:
            items = rest[2:-2].split('", "')  # the common case: one line of double-quoted strings
            if rest.count('"') == 2 * len(items):
                node.extend(items)
                node.item_lines.extend([i + 1] * len(items))
                return node
        if (empty := _EMPTY_SEQ.match(rest)) is not None:
            return self.closed(node, rest, empty.end())
        entries, end = _entries(_SEQ_ITEM, rest, "]")
        node.extend(_flow_value(token) for token, _ in entries)
        node.item_lines.extend([i + 1] * len(entries))
        return self.closed(node, rest, end)

    def flow_mapping(self, rest: str, i: int, pos: int) -> YMap:
        """A flow mapping of scalars that opens and closes on line *i*, at column *pos*."""
        node = _new_map(i + 1, pos + 1)
        if "#" not in rest and _FLOW_MAP.fullmatch(rest):  # the common case: all pairs found in one pass
            pairs, end = _MAP_ITEM.findall(rest), len(rest)
        elif (empty := _EMPTY_MAP.match(rest)) is not None:
            pairs, end = [], empty.end()
        else:
            pairs, end = _entries(_MAP_ITEM, rest, "}")
        node.update((key, _flow_value(token)) for key, token, _ in pairs)
        if len(node) < len(pairs) or not NULLS.isdisjoint(node):
            raise Unsupported  # a duplicate or null key
        node.key_lines.update(dict.fromkeys(node, i + 1))
        return self.closed(node, rest, end)

    @staticmethod
    def closed(node: YMap | YList, rest: str, end: int) -> YMap | YList:
        """*node*, if nothing but spaces or a comment follows its closing bracket at *end*."""
        if not _TAIL.match(rest, end):
            raise Unsupported
        return node

    def block_scalar(self, rest: str, i: int, indent: int) -> tuple[str, int]:
        """A folded (>) or literal (|) scalar, clipped or stripped (-), with its indentation set by its first line."""
        header = _BLOCK_HEADER.match(rest)
        if header is None:
            raise Unsupported  # keep chomping (+) or an indentation indicator
        folded, strip = header.group(1) == ">", header.group(2) == "-"
        lines, j = self.lines, i + 1
        first = lines[j] if j < len(lines) else ""
        body = len(first) - len(first.lstrip(" "))
        if body <= indent or not first.strip():
            raise Unsupported  # empty scalar or leading blank lines
        prefix, parts = " " * body, []
        while j < len(lines):
            text = lines[j]
            if not text:
                parts.append("")
            elif text.startswith(prefix):
                part = text[body:]
                if not part.strip() or (folded and part[0] == " "):
                    raise Unsupported  # blank lines with spaces, or more-indented lines in a folded scalar
                parts.append(part)
            elif not text.strip():
                raise Unsupported
            else:
                break
            j += 1
        if j == len(lines) and not self.ends_with_break:
            raise Unsupported  # the last line has no line break: chomping differs
        while parts[-1] == "":
            parts.pop()
        value = _fold(parts) if folded else "\n".join(parts)
        return (value if strip else value + "\n"), j


def _entries(pattern: re.Pattern[str], rest: str, closer: str) -> tuple[list[tuple[str, ...]], int]:
    """The entries of the one-line flow collection *rest* (each the groups of *pattern*, the separator last),
    and the position after its closing bracket *closer*."""
    entries, pos = [], 1
    while True:
        match = pattern.match(rest, pos)
        if match is None:
            raise Unsupported
        entries.append(match.groups())
        pos = match.end()
        if entries[-1][-1] == closer:
            return entries, pos


def _flow_value(token: str) -> str | None:
    """The value of a scalar in a flow collection, from its text with any quotes."""
    if token[0] == '"':
        return token[1:-1]
    if token[0] == "'":
        return token[1:-1].replace("''", "'")
    return None if token in NULLS else token


def _fold(parts: list[str]) -> str:
    """Join the lines of a folded scalar: one space between lines, a line break for each blank line."""
    out = [parts[0]]
    breaks = 0
    for part in parts[1:]:
        if not part:
            breaks += 1
            continue
        out.append("\n" * breaks if breaks else " ")
        out.append(part)
        breaks = 0
    return "".join(out)
