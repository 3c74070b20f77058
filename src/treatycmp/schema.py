"""Field-level validation of the raw YAML mappings: known fields, required fields and types.

Each ``read_*`` function takes a :class:`~treatycmp.yamlio.YMap` and a list to append findings to,
and returns the typed record (or ``None`` when the entry is too broken to use).
"""

from __future__ import annotations

import re

from .findings import ERROR, WARNING, Finding, make
from .models import (
    Absence,
    Article,
    Comparison,
    Group,
    Heading,
    Instrument,
    Link,
    Relation,
)
from .yamlio import YList, YMap

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
NUM_RE = re.compile(r"^[0-9]+[a-z]?(?:[-.][0-9a-z]+)?$")
ARTICLE_ID_RE = re.compile(r"^([a-z][a-z0-9_]*):([0-9]+[a-z]?(?:[-.][0-9a-z]+)?)$")
STATUSES = ("draft", "reviewed")
HEADING_RE = re.compile(r"^\s*(\S+)\s+[—–-]\s+(.+?)\s*$")

INSTRUMENT_FIELDS = {
    "id": True, "name": True, "short": True, "number": True, "article_count": True, "articles": True,
    "adopted": False, "opened": False, "place": False, "in_force": False, "status_note": False,
    "languages": False, "url": False, "aliases": False, "sources": False,
}
ARTICLE_FIELDS = {
    "num": True, "title": True, "summary": False, "chapter": False, "section": False,
    "title_group": False, "keywords": False, "source": False, "verified": False,
}
GROUP_FIELDS = {"id": True, "name": True, "members": True, "aliases": False}
LINK_FIELDS = {
    "from": True, "to": True, "relation": True, "note": False, "source": False, "status": False,
    "from_paragraphs": False, "to_paragraphs": False,
}
ABSENCE_FIELDS = {"article": True, "absent_in": True, "reason": False, "source": False, "status": False}
COMPARISON_FIELDS = {"from": True, "to": True}


class Reader:
    """Validates the mappings of one file and records findings against it."""

    def __init__(self, file: str, findings: list[Finding]) -> None:
        self.file, self.findings = file, findings
        self.headings: dict[str, Heading] = {}  # headings repeat across articles: each is parsed once

    def error(self, line: int, code: str, message: str, article: str | None = None) -> None:
        self.findings.append(make(self.file, line, ERROR, code, message, article))

    def warn(self, line: int, code: str, message: str, article: str | None = None) -> None:
        self.findings.append(make(self.file, line, WARNING, code, message, article))

    def fields(self, node: object, spec: dict[str, bool], what: str, line: int) -> YMap | None:
        """Check that *node* is a mapping with the required and only the known fields."""
        if not isinstance(node, YMap):
            self.error(line, "wrong-type", f"{what} must be a mapping, not {_kind(node)}")
            return None
        if not spec.keys() >= node.keys():
            for key in node:
                if key not in spec:
                    known = ", ".join(sorted(spec))
                    self.error(node.line_of(key), "unknown-field", f"unknown field {key!r} in {what} (known: {known})")
        ok = True
        for key, required in spec.items():
            if required and node.get(key) in (None, ""):
                self.error(node.line, "missing-field", f"{what} has no {key!r}")
                ok = False
        return node if ok else None

    def text(self, node: YMap, key: str, what: str) -> str:
        value = node.get(key)
        if type(value) is str:
            return value.strip()
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(node.line_of(key), "wrong-type", f"{what} field {key!r} must be text, not {_kind(value)}")
            return ""
        return value.strip()

    def optional(self, node: YMap, key: str, what: str) -> str | None:
        return self.text(node, key, what) or None

    def strings(self, node: YMap, key: str, what: str) -> tuple[str, ...]:
        value = node.get(key)
        if value is None:
            return ()
        try:
            stripped = tuple(map(str.strip, value)) if isinstance(value, YList) else None
        except TypeError:  # an item that is not text
            stripped = None
        if stripped is None:
            self.error(node.line_of(key), "wrong-type", f"{what} field {key!r} must be a list of strings")
            return ()
        return tuple(v for v in stripped if v) if "" in stripped else stripped

    def integer(self, node: YMap, key: str, what: str) -> int:
        value = node.get(key)
        if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value):
            return int(value)
        self.error(node.line_of(key), "wrong-type", f"{what} field {key!r} must be a whole number")
        return -1

    def boolean(self, node: YMap, key: str, what: str, default: bool) -> bool:
        value = node.get(key)
        if value is None:
            return default
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
            return value.lower() in ("true", "yes")
        self.error(node.line_of(key), "wrong-type", f"{what} field {key!r} must be true or false")
        return default

    def heading(self, node: YMap, key: str, what: str) -> Heading | None:
        value = self.text(node, key, what)
        if not value:
            return None
        heading = self.headings.get(value)
        if heading is not None:
            return heading
        match = HEADING_RE.match(value)
        if match or " " not in value:
            heading = Heading(match.group(1), match.group(2)) if match else Heading(value, "")
            self.headings[value] = heading
            return heading
        self.error(node.line_of(key), "bad-value", f"{what} field {key!r} must read 'NUM — Name', got {value!r}")
        return None

    def status(self, node: YMap, what: str) -> str | None:
        status = self.optional(node, "status", what)
        if status is not None and status not in STATUSES:
            self.error(node.line_of("status"), "bad-value", f"status {status!r} is not one of: {', '.join(STATUSES)}")
            return None
        return status

    def article_ref(self, node: YMap, key: str, what: str) -> str:
        value = self.text(node, key, what)
        if value and not ARTICLE_ID_RE.match(value):
            self.error(node.line_of(key), "malformed-id", f"{what} {key!r} must look like 'budapest:2', got {value!r}")
            return ""
        return value

    def scope_ref(self, node: YMap, key: str, what: str) -> str:
        value = self.text(node, key, what)
        if value and not ID_RE.match(value):
            self.error(node.line_of(key), "malformed-id", f"{what} {key!r} must be an instrument or group id, got {value!r}")
            return ""
        return value


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    return "text"


def read_instrument(r: Reader, node: object, line: int) -> Instrument | None:
    what = "instrument"
    m = r.fields(node, INSTRUMENT_FIELDS, what, line)
    if m is None:
        return None
    inst_id = r.text(m, "id", what)
    if not ID_RE.match(inst_id):
        r.error(m.line_of("id"), "malformed-id", f"instrument id {inst_id!r} must be lower-case letters and digits")
        return None
    articles = _read_articles(r, m, inst_id)
    return Instrument(
        id=inst_id, name=r.text(m, "name", what), short=r.text(m, "short", what), number=r.text(m, "number", what),
        articles=articles, article_count=r.integer(m, "article_count", what), aliases=r.strings(m, "aliases", what),
        adopted=r.optional(m, "adopted", what), opened=r.optional(m, "opened", what), place=r.optional(m, "place", what),
        in_force=r.optional(m, "in_force", what), status_note=r.text(m, "status_note", what),
        languages=r.strings(m, "languages", what), url=r.text(m, "url", what), sources=r.strings(m, "sources", what),
        line=m.line, count_line=m.line_of("article_count"),
    )


def _read_articles(r: Reader, m: YMap, inst_id: str) -> tuple[Article, ...]:
    items = m.get("articles")
    if not isinstance(items, YList):
        r.error(m.line_of("articles"), "wrong-type", f"instrument {inst_id!r} field 'articles' must be a list")
        return ()
    out = (read_article(r, item, line, inst_id) for item, line in zip(items, items.item_lines))
    return tuple(a for a in out if a is not None)


def read_article(r: Reader, node: object, line: int, inst_id: str) -> Article | None:
    what = f"article of {inst_id}"
    m = r.fields(node, ARTICLE_FIELDS, what, line)
    if m is None:
        return None
    num = r.text(m, "num", what)
    if not NUM_RE.match(num):
        r.error(m.line_of("num"), "malformed-id", f"article number {num!r} of {inst_id} is not a number like '2' or '2a'")
        return None
    what = f"article {inst_id}:{num}"
    if not m.get("summary"):
        r.warn(m.line, "missing-field", f"{what} has no summary", f"{inst_id}:{num}")
    return Article(
        instrument=inst_id, num=num, title=r.text(m, "title", what), summary=r.text(m, "summary", what),
        chapter=r.heading(m, "chapter", what), section=r.heading(m, "section", what),
        title_group=r.heading(m, "title_group", what), keywords=r.strings(m, "keywords", what),
        source=r.text(m, "source", what), verified=r.boolean(m, "verified", what, True), line=m.line,
    )


def read_group(r: Reader, node: object, line: int) -> Group | None:
    m = r.fields(node, GROUP_FIELDS, "group", line)
    if m is None:
        return None
    group_id = r.scope_ref(m, "id", "group")
    members = r.strings(m, "members", "group")
    if not group_id or not members:
        return None
    return Group(group_id, r.text(m, "name", "group"), members, r.strings(m, "aliases", "group"), m.line)


def read_link(r: Reader, node: object, line: int) -> Link | None:
    m = r.fields(node, LINK_FIELDS, "link", line)
    if m is None:
        return None
    from_id, to_id = r.article_ref(m, "from", "link"), r.article_ref(m, "to", "link")
    given = r.text(m, "relation", "link")
    relation = Relation._value2member_map_.get(given)
    if relation is None:
        allowed = ", ".join(rel.value for rel in Relation)
        r.error(m.line_of("relation"), "bad-value", f"relation {given!r} is not one of: {allowed}", from_id or None)
        return None
    if not from_id or not to_id:
        return None
    return Link(
        from_id, to_id, relation, r.text(m, "note", "link"), r.text(m, "source", "link"), r.status(m, "link"),
        r.optional(m, "from_paragraphs", "link"), r.optional(m, "to_paragraphs", "link"), m.line,
    )


def read_absence(r: Reader, node: object, line: int) -> Absence | None:
    m = r.fields(node, ABSENCE_FIELDS, "absence", line)
    if m is None:
        return None
    article, absent_in = r.article_ref(m, "article", "absence"), r.scope_ref(m, "absent_in", "absence")
    if not article or not absent_in:
        return None
    return Absence(
        article, absent_in, r.text(m, "reason", "absence"), r.text(m, "source", "absence"), r.status(m, "absence"), m.line
    )


def read_comparison(r: Reader, node: object, line: int) -> Comparison | None:
    m = r.fields(node, COMPARISON_FIELDS, "comparison", line)
    if m is None:
        return None
    from_id, to_id = r.scope_ref(m, "from", "comparison"), r.scope_ref(m, "to", "comparison")
    return Comparison(from_id, to_id, m.line) if from_id and to_id else None
