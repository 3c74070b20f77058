"""Schema: the fields, types, vocabularies, ids, dates, headings and text of every entry, as the
files are read.

An entry too broken to use is left out of the corpus; what that upsets (a link naming a dropped
article, an article count) is reported by the later stages. A bad value is reported at the value, an
unknown field at its key, a missing field at the entry (at the key when the key is there but empty).

### unknown-field

A field that the format does not define (often a misspelt one: then the closest known field is
suggested, and a required field it leaves missing is reported at it, after it).

```yaml
# failing: 'sauce' is reported at its key
links:
  - {from: "a:1", to: "c:1", relation: equal, sauce: analysis}
# passing
links:
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
```

### missing-field

A required field is absent or empty (an error), or an article has no summary (a warning).

```yaml
# failing: reported at the entry
links:
  - {from: "a:1", relation: equal, source: analysis}
# passing
links:
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
```

### wrong-type

A mapping where text is expected, text where a list is expected, a count that is not a whole number.

```yaml
# failing
    article_count: three
# passing
    article_count: 3
```

### bad-value

A value outside its vocabulary (`relation`, `status`, `basis`), a count out of range (more than
999999999) or a heading that does not read `NUM — Name`.

```yaml
# failing
  - {from: "a:2", to: "c:2", relation: similar, note: "narrower", source: analysis}
# passing
  - {from: "a:2", to: "c:2", relation: subset, note: "narrower", source: analysis}
```

### malformed-id

An instrument or group id that is not lower-case letters and digits, an article number that is not a
number like `2` or `2a`, a reference that does not read `instrument:number`.

```yaml
# failing
  - {from: "a-2", to: "c:2", relation: subset, note: "narrower", source: analysis}
# passing
  - {from: "a:2", to: "c:2", relation: subset, note: "narrower", source: analysis}
```

### bad-date

`adopted`, `opened`, `in_force` and a row's `reviewed` are ISO dates `YYYY-MM-DD` that exist in the
calendar (or null for `in_force`). An error: the date is shown as fact in `list` and `show`.

```yaml
# failing
    adopted: "2021-02-30"
    opened: "23 Nov 2001"
# passing
    adopted: "2021-02-28"
    opened: "2001-11-23"
```

### bad-heading

A `chapter`, `section` or `title_group` whose number and name are separated by anything but an em
dash between spaces (`-`, `–`, `--`, missing or doubled spaces). A warning (an error with
`--strict`): the number and name are still read, so nothing downstream is wrong, but the file does
not follow the format.

```yaml
# failing
    chapter: "II - Measures to be taken at the national level"
# passing
    chapter: "II — Measures to be taken at the national level"
```

### control-char

A C0 or C1 control character or DEL (tab and line feed are allowed in the free text of `summary`,
`note`, `reason` and `status_note`) or a bidirectional mark, override or isolate (U+061C, U+200E,
U+200F, U+202A–U+202E, U+2066–U+2069) in any text value. An error at the value: such characters
rewrite the terminal that prints them or hide text from the reader.

```yaml
# failing: the title holds U+001B and U+0007
      - {num: "1", title: "One\\e]0;PWNED\\a"}
# passing
      - {num: "1", title: "One"}
```
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Union

from ..errors import echo
from ..findings import ERROR, WARNING, Finding, Pos, make
from ..models import (
    Absence,
    Article,
    Basis,
    Comparison,
    Evidence,
    Group,
    Heading,
    Instrument,
    Link,
    Relation,
    Status,
)
from ..output.textsafe import BIDI, CONTROLS
from .yamltree import YList, YMap

CODES = {
    "unknown-field": ERROR,
    "missing-field": f"{ERROR} ({WARNING}: no summary)",
    "wrong-type": ERROR,
    "bad-value": ERROR,
    "malformed-id": ERROR,
    "bad-date": ERROR,
    "bad-heading": WARNING,
    "control-char": ERROR,
}
"""Every code this module reports, with its severity."""

MAX_COUNT = 999_999_999
"""The largest count read (nine digits): far beyond any treaty, and no longer a number to trust."""
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
NUM_RE = re.compile(r"^[0-9]+[a-z]?(?:[-.][0-9a-z]+)?$")
ARTICLE_ID_RE = re.compile(r"^([a-z][a-z0-9_]*):([0-9]+[a-z]?(?:[-.][0-9a-z]+)?)$")
STATUSES = {s.value: s for s in Status}
BASES = {b.value: b for b in Basis}
RELATIONS = {rel.value: rel for rel in Relation}
HEADING_RE = re.compile(r"^(\S+) — (\S.*)$")
LOOSE_HEADING_RE = re.compile(r"^([^\s—–‒―-]+)(\s*[—–‒―-]+\s*)(\S.*)$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
CONTROL_RE = re.compile(f"[\t\n{CONTROLS}{BIDI}]")
BLOCK_CONTROL_RE = re.compile(f"[{CONTROLS}{BIDI}]")
"""The characters every output escapes (:mod:`treatycmp.output.textsafe`); tab and line feed only in
free text."""
BLOCK_TEXT = frozenset({"summary", "note", "reason", "status_note"})
"""Free-text fields, where a tab or a line feed is allowed."""

INSTRUMENT_FIELDS = {
    "id": True,
    "name": True,
    "short": True,
    "number": True,
    "article_count": True,
    "articles": True,
    "adopted": False,
    "opened": False,
    "place": False,
    "in_force": False,
    "status_note": False,
    "languages": False,
    "url": False,
    "aliases": False,
    "sources": False,
}
ARTICLE_FIELDS = {
    "num": True,
    "title": True,
    "summary": False,
    "chapter": False,
    "section": False,
    "title_group": False,
    "keywords": False,
    "source": False,
    "verified": False,
}
GROUP_FIELDS = {"id": True, "name": True, "members": True, "aliases": False}
LINK_FIELDS = {
    "from": True,
    "to": True,
    "relation": True,
    "note": False,
    "source": False,
    "status": False,
    "from_paragraphs": False,
    "to_paragraphs": False,
    "basis": False,
    "evidence": False,
    "reviewed": False,
}
ABSENCE_FIELDS = {
    "article": True,
    "absent_in": True,
    "reason": False,
    "source": False,
    "status": False,
    "basis": False,
    "evidence": False,
    "reviewed": False,
}
EVIDENCE_KEYS = {"link": ("from", "to"), "absence": ("article", "absent_in")}
"""The two sides an `evidence` mapping names, for each kind of row."""
EVIDENCE_FIELDS = {what: dict.fromkeys(keys, True) for what, keys in EVIDENCE_KEYS.items()}
EVIDENCE_LABELS = {what: f"{what} evidence" for what in EVIDENCE_KEYS}
COMPARISON_FIELDS = {"from": True, "to": True}

Where = Union[int, Pos]


def control_chars(value: str, key: str = "") -> list[str]:
    """The distinct forbidden characters of *value*, in order, as 'U+001B' (with the name when it
    has one)."""
    pattern = BLOCK_CONTROL_RE if key in BLOCK_TEXT else CONTROL_RE
    found = dict.fromkeys(pattern.findall(value))
    return [
        f"U+{ord(c):04X}" + (f" {unicodedata.name(c)}" if unicodedata.name(c, "") else "")
        for c in found
    ]


class Reader:
    """Validates the mappings of one file and records findings against it."""

    def __init__(self, file: str, findings: list[Finding]) -> None:
        self.file, self.findings = file, findings
        self.headings: dict[
            str, tuple[Heading, str]
        ] = {}  # headings repeat across articles: each is parsed once

    def error(self, where: Where, code: str, message: str, article: str | None = None) -> None:
        """Record an error at *where*: a (line, column), or a line."""
        self.findings.append(make(self.file, where, ERROR, code, message, article=article))

    def warn(self, where: Where, code: str, message: str, article: str | None = None) -> None:
        """Record a warning at *where*: a (line, column), or a line."""
        self.findings.append(make(self.file, where, WARNING, code, message, article=article))

    def fields(self, node: object, spec: dict[str, bool], what: str, where: Where) -> YMap | None:
        """Check that *node* is a mapping with the required and only the known fields."""
        if not isinstance(node, YMap):
            self.error(where, "wrong-type", f"{what} must be a mapping, not {_kind(node)}")
            return None
        meant = self.unknown_fields(node, spec, what) if not spec.keys() >= node.keys() else None
        get = node.get
        for key in _required(spec):
            value = get(key)
            if value is None or value == "":
                self._missing(node, spec, meant or {}, what)
                return None
        return node

    def _missing(self, node: YMap, spec: dict[str, bool], meant: dict[str, str], what: str) -> None:
        """Report each required field of *spec* that *node* lacks or leaves empty."""
        for key in _required(spec):
            if node.get(key) in (None, ""):
                known = key in node or key in meant
                at = node.pos_of(meant.get(key, key)) if known else item_pos(node)
                self.error(at, "missing-field", f"{what} has no {key!r}")

    def unknown_fields(self, node: YMap, spec: dict[str, bool], what: str) -> dict[str, str]:
        """Report the fields of *node* that *spec* lacks, each with the closest known field it may
        misspell; return {known field: the unknown key that misspells it}."""
        from ..names.fuzzy import close_matches

        meant: dict[str, str] = {}
        for key in node:
            if key in spec:
                continue
            close = close_matches(
                key, [k for k in spec if k not in node and k not in meant], limit=1
            )
            if close:
                meant[close[0]] = key
                self.error(
                    node.pos_of(key),
                    "unknown-field",
                    f"unknown field {key!r} in {what}; did you mean {close[0]!r}?",
                )
            else:
                known = ", ".join(sorted(spec))
                self.error(
                    node.pos_of(key),
                    "unknown-field",
                    f"unknown field {key!r} in {what} (known: {known})",
                )
        return meant

    def text(self, node: YMap, key: str, what: str) -> str:
        """The stripped text of *key* ('' when absent); anything else, or unsafe characters, is
        reported."""
        value = node.get(key)
        if type(value) is str:
            if not value.isprintable() and CONTROL_RE.search(
                value
            ):  # none of them is printable: a quick first test
                self.unsafe(value, node.value_at(key), key, f"{what} field {key!r}")
            return value.strip()
        if value is not None:
            self.error(
                node.value_at(key),
                "wrong-type",
                f"{what} field {key!r} must be text, not {_kind(value)}",
            )
        return ""

    def unsafe(self, value: str, where: Pos, key: str, label: str) -> None:
        """Report the control and bidi characters of *value*, if any beyond what *key* allows."""
        chars = control_chars(value, key)
        if chars:
            plural = "s" if len(chars) > 1 else ""
            self.error(
                where,
                "control-char",
                f"{label} holds the control character{plural} {', '.join(chars)}",
            )

    def optional(self, node: YMap, key: str, what: str) -> str | None:
        return None if node.get(key) is None else self.text(node, key, what) or None

    def listed(self, node: YMap, key: str, what: str) -> tuple[tuple[str, ...], tuple[Pos, ...]]:
        """The non-empty stripped strings of the list at *key*, with the position of each."""
        values = self.strings(node, key, what)
        items = node.get(key)
        if not values or not isinstance(items, YList):
            return values, ()
        return values, tuple(pos for v, pos in zip(items, items.item_pos) if v.strip())

    def strings(self, node: YMap, key: str, what: str) -> tuple[str, ...]:
        """The non-empty stripped strings of the list at *key*; unsafe characters are reported at
        their item."""
        value = node.get(key)
        if value is None:
            return ()
        try:
            stripped = tuple(map(str.strip, value)) if isinstance(value, YList) else None
        except TypeError:  # an item that is not text
            stripped = None
        if stripped is None:
            self.error(
                node.value_at(key), "wrong-type", f"{what} field {key!r} must be a list of strings"
            )
            return ()
        if CONTROL_RE.search("".join(value)):
            for text, pos in zip(value, value.item_pos):
                if CONTROL_RE.search(text):
                    self.unsafe(text, pos, key, f"{what} field {key!r} item {text.strip()!r}")
        return tuple(v for v in stripped if v) if "" in stripped else stripped

    def integer(self, node: YMap, key: str, what: str) -> int:
        value = node.get(key)
        if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value):
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"[0-9]+", value):
            self.error(
                node.value_at(key),
                "bad-value",
                f"{what} field {key!r} is out of range: {echo(value)} has "
                f"{len(value)} digits (at most {MAX_COUNT})",
            )
        else:
            self.error(
                node.value_at(key), "wrong-type", f"{what} field {key!r} must be a whole number"
            )
        return -1

    def boolean(self, node: YMap, key: str, what: str, default: bool) -> bool:
        value = node.get(key)
        if value is None:
            return default
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
            return value.lower() in ("true", "yes")
        self.error(node.value_at(key), "wrong-type", f"{what} field {key!r} must be true or false")
        return default

    def date(self, node: YMap, key: str, what: str) -> str | None:
        """An ISO date that exists in the calendar, or None; anything else is reported."""
        value = self.optional(node, key, what)
        if value is None:
            return None
        if not DATE_RE.match(value):
            reason = "is not an ISO date YYYY-MM-DD"
        else:
            try:
                datetime.date.fromisoformat(value)
                return value
            except ValueError:
                reason = "is not a date in the calendar"
        self.error(node.value_at(key), "bad-date", f"{what} field {key!r}: {value!r} {reason}")
        return value

    def heading(self, node: YMap, key: str, what: str) -> Heading | None:
        """A hierarchy level 'NUM — Name' (or a bare number); a loose separator is a warning."""
        value = self.text(node, key, what)
        if not value:
            return None
        known = self.headings.get(value) or _parse_heading(value)
        if known is None:
            self.error(
                node.value_at(key),
                "bad-value",
                f"{what} field {key!r} must read 'NUM — Name', got {value!r}",
            )
            return None
        self.headings[value] = known
        heading, separator = known
        if separator:
            message = (
                f"{what} field {key!r} separates number and name with {separator!r} in {value!r}; "
                f"write '{heading}' (an em dash between spaces)"
            )
            self.warn(node.value_at(key), "bad-heading", message)
        return heading

    def status(self, node: YMap, what: str) -> Status:
        """The review status; absent or unusable reads as draft (an unusable one is reported)."""
        status = self.optional(node, "status", what)
        if status is not None and status not in STATUSES:
            self.error(
                node.value_at("status"),
                "bad-value",
                f"status {status!r} is not one of: {', '.join(STATUSES)}",
            )
        return STATUSES.get(status or "", Status.DRAFT)

    def basis(self, node: YMap, what: str) -> Basis | None:
        """What the row rests on, from the documented vocabulary; None when absent or unusable."""
        basis = self.optional(node, "basis", what)
        if basis is not None and basis not in BASES:
            self.error(
                node.value_at("basis"),
                "bad-value",
                f"basis {basis!r} is not one of: {', '.join(BASES)}",
            )
        return BASES.get(basis or "")

    def evidence(self, node: YMap, what: str) -> Evidence | None:
        """What was read on each side: a mapping with exactly the two keys of *what*."""
        value = node.get("evidence")
        if value is None:
            return None
        keys = EVIDENCE_KEYS[what]
        if not isinstance(value, YMap):
            self.error(
                node.value_at("evidence"),
                "wrong-type",
                f"{what} field 'evidence' must be a mapping with {keys[0]!r} and {keys[1]!r}, not "
                f"{_kind(value)}",
            )
            return None
        label = EVIDENCE_LABELS[what]
        if self.fields(value, EVIDENCE_FIELDS[what], label, item_pos(value)) is None:
            return None
        return Evidence(self.text(value, keys[0], label), self.text(value, keys[1], label))

    def article_ref(self, node: YMap, key: str, what: str) -> str:
        value = self.text(node, key, what)
        if value and not ARTICLE_ID_RE.match(value):
            self.error(
                node.value_at(key),
                "malformed-id",
                f"{what} {key!r} must look like 'budapest:2', got {value!r}",
            )
            return ""
        return value

    def scope_ref(self, node: YMap, key: str, what: str) -> str:
        value = self.text(node, key, what)
        if value and not ID_RE.match(value):
            self.error(
                node.value_at(key),
                "malformed-id",
                f"{what} {key!r} must be an instrument or group id, got {value!r}",
            )
            return ""
        return value


_REQUIRED: dict[int, tuple[dict[str, bool], tuple[str, ...]]] = {}


def _required(spec: dict[str, bool]) -> tuple[str, ...]:
    """The required fields of *spec*, worked out once per spec (kept: its id is no other's)."""
    known = _REQUIRED.get(id(spec))
    if known is None or known[0] is not spec:
        known = _REQUIRED[id(spec)] = (spec, tuple(key for key, needed in spec.items() if needed))
    return known[1]


def _parse_heading(value: str) -> tuple[Heading, str] | None:
    """The heading of *value* and its separator when that is not ' — ' ('' when it is); None if
    unreadable."""
    match = HEADING_RE.match(value)
    if match:
        return Heading(match.group(1), match.group(2)), ""
    loose = LOOSE_HEADING_RE.match(value)
    if loose:
        return Heading(loose.group(1), loose.group(3)), loose.group(2)
    if " " not in value:
        return Heading(value, ""), ""
    return None


def item_pos(node: YMap) -> Pos:
    """Where the entry *node* starts."""
    return (node.line, node.column)


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    return "text"


def read_instrument(r: Reader, node: object, where: Where) -> Instrument | None:
    """An instrument and its articles, or None when its fields or id are unusable."""
    m = r.fields(node, INSTRUMENT_FIELDS, "instrument", where)
    if m is None:
        return None
    inst_id = r.text(m, "id", "instrument")
    if not ID_RE.match(inst_id):
        r.error(
            m.value_at("id"),
            "malformed-id",
            f"instrument id {inst_id!r} must be lower-case letters and digits",
        )
        return None
    what = f"instrument {inst_id!r}"
    aliases, alias_pos = r.listed(m, "aliases", what)
    return Instrument(
        id=inst_id,
        name=r.text(m, "name", what),
        short=r.text(m, "short", what),
        number=r.text(m, "number", what),
        articles=_read_articles(r, m, inst_id),
        article_count=r.integer(m, "article_count", what),
        aliases=aliases,
        adopted=r.date(m, "adopted", what),
        opened=r.date(m, "opened", what),
        place=r.optional(m, "place", what),
        in_force=r.date(m, "in_force", what),
        status_note=r.text(m, "status_note", what),
        languages=r.strings(m, "languages", what),
        url=r.text(m, "url", what),
        sources=r.strings(m, "sources", what),
        line=m.line,
        count_line=m.line_of("article_count"),
        pos=item_pos(m),
        id_pos=m.value_at("id"),
        number_pos=m.value_at("number"),
        count_pos=m.value_at("article_count"),
        alias_pos=alias_pos,
        file=r.file,
    )


def _read_articles(r: Reader, m: YMap, inst_id: str) -> tuple[Article, ...]:
    items = m.get("articles")
    if not isinstance(items, YList):
        r.error(
            m.value_at("articles"),
            "wrong-type",
            f"instrument {inst_id!r} field 'articles' must be a list",
        )
        return ()
    of = f"article of {inst_id}"
    out = (read_article(r, item, pos, inst_id, of) for item, pos in zip(items, items.item_pos))
    return tuple(a for a in out if a is not None)


def read_article(
    r: Reader, node: object, where: Where, inst_id: str, of: str = ""
) -> Article | None:
    """One article, or None when its fields or number are unusable (*of*: 'article of ID')."""
    of = of or f"article of {inst_id}"
    m = r.fields(node, ARTICLE_FIELDS, of, where)
    if m is None:
        return None
    num = r.text(m, "num", of)
    if not NUM_RE.match(num):
        r.error(
            m.value_at("num"),
            "malformed-id",
            f"article number {num!r} of {inst_id} is not a number like '2' or '2a'",
        )
        return None
    what = f"article {inst_id}:{num}"
    if not m.get("summary"):
        r.warn(item_pos(m), "missing-field", f"{what} has no summary", f"{inst_id}:{num}")
    return Article(  # fields in order, an absent optional one without a call
        inst_id,
        num,
        r.text(m, "title", what),
        r.text(m, "summary", what),
        r.heading(m, "chapter", what),
        r.heading(m, "section", what) if "section" in m else None,
        r.heading(m, "title_group", what) if "title_group" in m else None,
        r.strings(m, "keywords", what) if "keywords" in m else (),
        r.text(m, "source", what),
        r.boolean(m, "verified", what, True) if "verified" in m else True,
        m.line,
        item_pos(m),
        _value_pos(m.at["num"]),
        r.file,
    )


def read_group(r: Reader, node: object, where: Where) -> Group | None:
    """A group of instruments, or None when its id or members are unusable."""
    m = r.fields(node, GROUP_FIELDS, "group", where)
    if m is None:
        return None
    group_id = r.scope_ref(m, "id", "group")
    members, member_pos = r.listed(m, "members", "group")
    if not group_id or not members:
        return None
    aliases, alias_pos = r.listed(m, "aliases", "group")
    return Group(
        group_id,
        r.text(m, "name", "group"),
        members,
        aliases,
        m.line,
        item_pos(m),
        m.value_at("id"),
        member_pos,
        alias_pos,
        r.file,
    )


def read_link(r: Reader, node: object, where: Where) -> Link | None:
    """A link, or None when an end or the relation is unusable."""
    m = r.fields(node, LINK_FIELDS, "link", where)
    if m is None:
        return None
    from_id, to_id = r.article_ref(m, "from", "link"), r.article_ref(m, "to", "link")
    given = r.text(m, "relation", "link")
    relation = RELATIONS.get(given)
    if relation is None:
        allowed = ", ".join(rel.value for rel in Relation)
        r.error(
            m.value_at("relation"),
            "bad-value",
            f"relation {given!r} is not one of: {allowed}",
            from_id or None,
        )
        return None
    if not from_id or not to_id:
        return None
    at = m.at  # where each value stands: the three required ones are there
    return Link(  # fields in order, an absent optional one without a call
        from_id,
        to_id,
        relation,
        r.text(m, "note", "link"),
        r.text(m, "source", "link"),
        r.status(m, "link") if "status" in m else Status.DRAFT,
        r.optional(m, "from_paragraphs", "link") if "from_paragraphs" in m else None,
        r.optional(m, "to_paragraphs", "link") if "to_paragraphs" in m else None,
        m.line,
        False,
        item_pos(m),
        _value_pos(at["from"]),
        _value_pos(at["to"]),
        _value_pos(at["relation"]),
        r.file,
        r.basis(m, "link") if "basis" in m else None,
        r.evidence(m, "link") if "evidence" in m else None,
        r.date(m, "reviewed", "link") if "reviewed" in m else None,
    )


def _value_pos(at: tuple[int, int, int, int]) -> Pos:
    """The value's (line, column) in a position entry of :attr:`YMap.at`."""
    return (at[2], at[3])


def read_absence(r: Reader, node: object, where: Where) -> Absence | None:
    """An absence, or None when its article or target is unusable."""
    m = r.fields(node, ABSENCE_FIELDS, "absence", where)
    if m is None:
        return None
    article, absent_in = (
        r.article_ref(m, "article", "absence"),
        r.scope_ref(m, "absent_in", "absence"),
    )
    if not article or not absent_in:
        return None
    return Absence(
        article,
        absent_in,
        r.text(m, "reason", "absence"),
        r.text(m, "source", "absence"),
        r.status(m, "absence"),
        m.line,
        item_pos(m),
        m.value_at("article"),
        m.value_at("absent_in"),
        file=r.file,
        basis=r.basis(m, "absence"),
        evidence=r.evidence(m, "absence"),
        reviewed=r.date(m, "reviewed", "absence"),
    )


def read_comparison(r: Reader, node: object, where: Where) -> Comparison | None:
    """A declared comparison, or None when an end is unusable."""
    m = r.fields(node, COMPARISON_FIELDS, "comparison", where)
    if m is None:
        return None
    from_id, to_id = r.scope_ref(m, "from", "comparison"), r.scope_ref(m, "to", "comparison")
    if not from_id or not to_id:
        return None
    return Comparison(
        from_id, to_id, m.line, item_pos(m), m.value_at("from"), m.value_at("to"), r.file
    )
