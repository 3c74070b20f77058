"""Confirmed articles marked verified in articles.yaml, edited in place: a YAML round trip would
lose comments and layout."""

# Only the `verified:` and `source:` values of each confirmed article change; old values are read
# with PyYAML.

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import yaml

from ..errors import DataError
from ..loading.yamltree import read_text

_ITEM = re.compile(r"^(?P<indent> *)-(?P<gap> +)(?P<rest>\S.*?)?(?P<eol>\r?\n)?$", re.S)
_FALSE = re.compile(r"^(?P<quote>[\"']?)(?:false|no)(?P=quote)(?P<tail>\s*(?:#.*)?)$", re.I | re.S)
_COMMENT = re.compile(r"\s+#.*$")


class Confirmation(NamedTuple):
    """An article confirmed against the official text: the line of its `- num:` item and where it
    was found."""

    line: int
    locator: str
    not_compared: tuple[str, ...] = ()
    """The levels of its place the text did not state (`chapter`, `section`, `title_group`): still
    unconfirmed."""


class Skipped(NamedTuple):
    """A confirmation that could not be written, with the reason."""

    line: int
    reason: str


class EditResult(NamedTuple):
    """The new text of the file and the confirmations left out."""

    text: str
    skipped: tuple[Skipped, ...]


class FileEdit(NamedTuple):
    """A data file's text before and after an edit, to show as a diff and write."""

    path: Path
    label: str
    old: str
    new: str

    def diff(self) -> str:
        """The edit as a unified diff."""
        return unified_diff(self.old, self.new, self.label)


def confirm_titles(path: Path, label: str, confirmations: Iterable[Confirmation]) -> FileEdit:
    """The edit of the articles file *path* (*label* in messages) marking *confirmations*."""
    old = read_text(path, label)
    return FileEdit(path, label, old, mark_verified(old, confirmations, label))


def mark_verified(
    path_text: str, confirmations: Iterable[Confirmation], label: str = "articles.yaml"
) -> str:
    """The text with each confirmed article `verified: true` and its source naming the locator.

    Raises DataError naming the first article that cannot be edited in place (see `edit_verified`).
    """
    result = edit_verified(path_text, confirmations)
    if result.skipped:
        first = result.skipped[0]
        raise DataError(label, first.line, first.reason)
    return result.text


def edit_verified(path_text: str, confirmations: Iterable[Confirmation]) -> EditResult:
    """Like `mark_verified`, but returns the articles it could not edit instead of raising."""
    lines = path_text.splitlines(keepends=True)
    skipped: list[Skipped] = []
    for conf in sorted(confirmations, key=lambda c: c.line, reverse=True):
        reason = _edit_item(lines, conf)
        if reason:
            skipped.append(Skipped(conf.line, reason))
    return EditResult("".join(lines), tuple(reversed(skipped)))


def unified_diff(old: str, new: str, label: str) -> str:
    """A unified diff of two versions of the file *label*."""
    diff = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{label}", f"b/{label}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff
    )


def gains(old: str, locator: str, not_compared: tuple[str, ...] = ()) -> str:
    """A source value that names *locator*: the old value followed by it, or the locator alone; what
    the old value said was not yet confirmed (`(title not yet confirmed …)`) is left out, but for
    levels in *not_compared*."""
    old = confirmed(old, not_compared).strip()
    if not old:
        return locator
    return old if locator in old else f"{old}; {locator}"


def confirmed(source: str, not_compared: tuple[str, ...] = ()) -> str:
    """*source* without the clauses of its parentheses that say something is not yet confirmed (a
    parenthesis left empty goes too); a clause about a level in *not_compared* (a chapter or section
    heading) stays."""
    out: list[str] = []
    at = 0
    for start, end in _parentheses(source):
        clauses = [
            c
            for c in _split_clauses(source[start + 1 : end - 1])
            if not _unconfirmed(c, not_compared)
        ]
        kept = f"({'; '.join(clauses)})" if clauses else ""
        out.append((source[at:start] if kept else source[at:start].rstrip()) + kept)
        at = end
    return "".join(out) + source[at:]


def _parentheses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each outermost balanced parenthesis of *text*, end past its closing
    bracket."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            start = i if depth == 0 else start
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                yield start, i + 1


def _split_clauses(inside: str) -> list[str]:
    """The '; '-separated clauses of a parenthesis, not cutting inside nested parentheses."""
    clauses, depth, begin = [], 0, 0
    for i, ch in enumerate(inside):
        depth += 1 if ch == "(" else -1 if ch == ")" and depth else 0
        if ch == ";" and depth == 0:
            clauses.append(inside[begin:i].strip())
            begin = i + 1
    return [c for c in clauses + [inside[begin:].strip()] if c]


def _unconfirmed(clause: str, not_compared: tuple[str, ...]) -> bool:
    words = clause.lower()
    levels = {"chapter": "chapter", "section": "section", "title_group": "title heading"}
    return "not yet confirmed" in words and not any(
        levels[f] in words for f in not_compared if f in levels
    )


def _edit_item(lines: list[str], conf: Confirmation) -> str:
    index = conf.line - 1
    match = _ITEM.match(lines[index]) if 0 <= index < len(lines) else None
    if match is None or not match.group("rest"):
        return f"line {conf.line} does not start an article item ('- num: ...')"
    rest = _COMMENT.sub("", match.group("rest"))
    if rest.startswith("{"):
        return (
            _edit_flow(lines, index, conf)
            if rest.endswith("}")
            else "a flow mapping over several lines; edit it by hand"
        )
    keys = len(match.group("indent")) + 1 + len(match.group("gap"))
    end = _item_end(lines, index, len(match.group("indent")))
    _set_verified(lines, index, end, keys)  # first: it never changes the number of lines
    _set_source(lines, index, end, keys, conf)
    return ""


def _item_end(lines: list[str], index: int, dash: int) -> int:
    """The index just past the item's last line with content."""
    end = last = index + 1
    while end < len(lines):
        text = lines[end].rstrip("\r\n")
        if text.strip():
            if len(text) - len(text.lstrip(" ")) <= dash:
                break
            last = end + 1
        end += 1
    return last


def _key_at(lines: list[str], i: int, keys: int, key: str) -> bool:
    text = lines[i]
    return (
        text[keys:].startswith(key + ":")
        and not text[:keys].strip(" -")
        and (len(text) - len(text.lstrip(" -")) == keys)
    )


def _find(lines: list[str], start: int, end: int, keys: int, key: str) -> int | None:
    return next((i for i in range(start, end) if _key_at(lines, i, keys, key)), None)


def _set_verified(lines: list[str], start: int, end: int, keys: int) -> None:
    i = _find(lines, start, end, keys, "verified")
    if i is None:
        return  # no field: true by default
    head, value, eol = _split_value(lines[i], keys, "verified")
    found = _FALSE.match(value)
    if found:
        quote = found.group("quote")
        lines[i] = f"{head}{quote}true{quote}{found.group('tail')}{eol}"


def _split_value(line: str, keys: int, key: str) -> tuple[str, str, str]:
    """The line cut into (everything up to the value, the value with any comment, the line end)."""
    body = line.rstrip("\r\n")
    eol = line[len(body) :]
    after = keys + len(key) + 1
    value = body[after:].lstrip(" ")
    return body[: len(body) - len(value)], value, eol


def _set_source(lines: list[str], start: int, end: int, keys: int, conf: Confirmation) -> None:
    i = _find(lines, start, end, keys, "source")
    if i is None:
        eol = _eol(lines[end - 1])
        lines[end - 1] = lines[end - 1].rstrip("\r\n") + eol
        lines.insert(end, " " * keys + "source: " + _quoted(conf.locator) + eol)
        return
    stop = _value_end(lines, i, end, keys)
    head, value, eol = _split_value(lines[i], keys, "source")
    if stop == i + 1 and _single_line_scalar(value):
        old = _scalar(head, value)
        lines[i] = (
            head + _emit(gains(old, conf.locator, conf.not_compared), value) + _comment(value) + eol
        )
    else:
        old = _scalar(
            head,
            "".join([value + "\n"] + [line.rstrip("\r\n") + "\n" for line in lines[i + 1 : stop]]),
        )
        lines[i:stop] = [
            head + _quoted(gains(old, conf.locator, conf.not_compared)) + _eol(lines[stop - 1])
        ]


def _value_end(lines: list[str], i: int, end: int, keys: int) -> int:
    """The index past the last line of the value that starts on line *i* (continuations are more
    indented)."""
    stop = i + 1
    for j in range(i + 1, end):
        text = lines[j].rstrip("\r\n")
        if text.strip() and len(text) - len(text.lstrip(" ")) <= keys:
            break
        stop = j + 1 if text.strip() else stop
    return stop


def _single_line_scalar(value: str) -> bool:
    return not value.startswith(("|", ">", "&", "*", "!", "[", "{"))


def _scalar(head: str, value: str) -> str:
    key = head.strip(" -")
    loaded = yaml.safe_load(key + " " + value if value.strip() else key)
    found = loaded.get("source") if isinstance(loaded, dict) else None
    return "" if found is None else str(found)


def _comment(value: str) -> str:
    """The comment after a one-line value, with the spaces before it."""
    for match in re.finditer(r"\s+#", value):
        try:
            yaml.safe_load("k: " + value[: match.start()])
        except yaml.YAMLError:
            continue
        return value[match.start() :]
    return ""


def _emit(new: str, old_value: str) -> str:
    """*new* written in the quoting style of *old_value* when that style can hold it."""
    if old_value.startswith("'"):
        return "'" + new.replace("'", "''") + "'"
    if old_value.startswith('"') or not _plain_ok(new):
        return _quoted(new)
    return new


def _plain_ok(text: str) -> bool:
    try:
        return bool(yaml.safe_load("k: " + text) == {"k": text})
    except yaml.YAMLError:
        return False


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _eol(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"


def _edit_flow(lines: list[str], index: int, conf: Confirmation) -> str:
    """Edit a one-line flow mapping `- {num: "1", ..., verified: false, source: "..."}`."""
    line = lines[index]
    open_at = line.index("{")
    close_at = _flow_close(line, open_at)
    if close_at is None:
        return "a flow mapping this editor cannot read; edit it by hand"
    entries = _flow_entries(line, open_at + 1, close_at)
    inner = line[open_at + 1 : close_at]
    pieces: list[tuple[int, int, str]] = []
    for key, start, stop in entries:
        value = line[start:stop]
        if key == "verified" and _FALSE.match(value.strip()):
            quote = value.strip()[0] if value.strip()[0] in "\"'" else ""
            pieces.append((start, stop, f"{quote}true{quote}"))
        elif key == "source":
            old = yaml.safe_load("k: " + value) if value.strip() else None
            new = gains("" if old is None else str(old["k"]), conf.locator, conf.not_compared)
            pieces.append(
                (start, stop, _emit(new, value) if value.startswith("'") else _quoted(new))
            )
    if "source" not in {key for key, _, _ in entries}:
        gap = " " if inner.endswith(" ") else ""
        pieces.append(
            (close_at - len(gap), close_at - len(gap), f", source: {_quoted(conf.locator)}")
        )
    for start, stop, text in sorted(pieces, reverse=True):
        line = line[:start] + text + line[stop:]
    lines[index] = line
    return ""


def _outside_quotes(line: str, start: int, stop: int) -> Iterator[tuple[int, str, int]]:
    """Each character of ``line[start:stop]`` that is not inside quotes, with the bracket depth
    before it."""
    depth, quote = 0, ""
    for i in range(start, stop):
        ch = line[i]
        if quote:
            quote = "" if ch == quote and (quote == "'" or line[i - 1] != "\\") else quote
            continue
        if ch in "\"'":
            quote = ch
            continue
        yield i, ch, depth
        depth += 1 if ch in "{[" else -1 if ch in "}]" else 0


def _flow_close(line: str, open_at: int) -> int | None:
    """Where the flow collection opened at *open_at* closes on this line, or None."""
    return next(
        (
            i
            for i, ch, depth in _outside_quotes(line, open_at, len(line))
            if ch in "}]" and depth == 1
        ),
        None,
    )


def _flow_entries(line: str, start: int, stop: int) -> list[tuple[str, int, int]]:
    """(key, value start, value end) of each top-level `key: value` of a flow mapping's inside."""
    commas = [
        i for i, ch, depth in _outside_quotes(line, start, stop) if ch == "," and depth == 0
    ] + [stop]
    entries: list[tuple[str, int, int]] = []
    begin = start
    for end in commas:
        entry = re.match(r"\s*([A-Za-z_][\w-]*)\s*:\s?", line[begin:end])
        if entry:
            value_start = begin + entry.end()
            entries.append(
                (entry.group(1), value_start, value_start + len(line[value_start:end].rstrip()))
            )
        begin = end + 1
    return entries
