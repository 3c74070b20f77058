"""Schema of the commentary files: T-CY Guidance Notes, topic views and Explanatory Report paragraph
ranges.

The entries are read like those of ``articles.yaml`` and ``mapping.yaml``
(:class:`~treatycmp.loading.schema.Reader`: unknown and missing fields, types, dates, control
characters, positions) and report the same schema codes. What needs the whole corpus (an article
that does not exist, a duplicate, a missing source, a malformed range) is left to the ``commentary``
rule."""

from __future__ import annotations

import re
from typing import Callable, TypeVar

from ..models import NOTE_FACTS, ErRange, GuidanceNote, NoteArticle, Topic, TopicEntry
from .schema import ID_RE, Reader, Where, item_pos
from .yamltree import Node, YList, YMap

NOTE_NUMBER_RE = re.compile(r"^[1-9][0-9]*$")
T = TypeVar("T")
TOPIC_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

NOTE_FIELDS = {
    "number": True,
    "title": True,
    "symbol": False,
    "plenary": False,
    "adopted": False,
    "summary": False,
    "keywords": False,
    "articles": False,
    "sources": False,
    "unconfirmed": False,
}
NOTE_ARTICLE_FIELDS = {"article": True, "paragraphs": False}
TOPIC_FIELDS = {"id": True, "name": True, "aliases": False, "description": False, "entries": True}
ENTRY_FIELDS = {"article": True, "paragraphs": False, "reason": False, "source": False}
REPORT_FIELDS = {"instrument": True, "title": False, "source": False, "paragraphs": False}
RANGE_FIELDS = {"article": True, "paragraphs": True, "source": False}


def read_note(r: Reader, node: object, where: Where) -> GuidanceNote | None:
    """A Guidance Note, or None when its fields or number are unusable."""
    m = r.fields(node, NOTE_FIELDS, "guidance note", where)
    if m is None:
        return None
    number = r.text(m, "number", "guidance note")
    if not NOTE_NUMBER_RE.match(number):
        r.error(
            m.value_at("number"),
            "malformed-id",
            f"guidance note number {number!r} must be a whole number like '3'",
        )
        return None
    what = f"guidance note {number}"
    unconfirmed, unconfirmed_pos = r.listed(m, "unconfirmed", what)
    for fact, pos in zip(unconfirmed, unconfirmed_pos):
        if fact not in NOTE_FACTS:
            r.error(
                pos,
                "bad-value",
                f"{what} field 'unconfirmed' names {fact!r}, not one of: {', '.join(NOTE_FACTS)}",
            )
    return GuidanceNote(
        number=number,
        title=r.text(m, "title", what),
        symbol=r.text(m, "symbol", what),
        plenary=r.text(m, "plenary", what),
        adopted=r.date(m, "adopted", what),
        summary=r.text(m, "summary", what),
        keywords=r.strings(m, "keywords", what),
        articles=_list(r, m, "articles", what, _read_note_article),
        sources=r.strings(m, "sources", what),
        unconfirmed=tuple(f for f in unconfirmed if f in NOTE_FACTS),
        line=m.line,
        pos=item_pos(m),
        number_pos=m.value_at("number"),
        file=r.file,
    )


def _read_note_article(r: Reader, node: object, where: Where, what: str) -> NoteArticle | None:
    m = r.fields(node, NOTE_ARTICLE_FIELDS, f"article of {what}", where)
    if m is None:
        return None
    article = r.article_ref(m, "article", f"{what} article")
    if not article:
        return None
    return NoteArticle(
        article,
        r.optional(m, "paragraphs", what),
        m.line,
        item_pos(m),
        m.value_at("article"),
        r.file,
    )


def read_topic(r: Reader, node: object, where: Where) -> Topic | None:
    """A topic view, or None when its fields or id are unusable."""
    m = r.fields(node, TOPIC_FIELDS, "topic", where)
    if m is None:
        return None
    topic_id = r.text(m, "id", "topic")
    if not TOPIC_ID_RE.match(topic_id):
        r.error(
            m.value_at("id"),
            "malformed-id",
            f"topic id {topic_id!r} must be lower-case words joined by hyphens",
        )
        return None
    what = f"topic {topic_id!r}"
    aliases, alias_pos = r.listed(m, "aliases", what)
    return Topic(
        id=topic_id,
        name=r.text(m, "name", what),
        description=r.text(m, "description", what),
        aliases=aliases,
        entries=_list(r, m, "entries", what, _read_entry),
        line=m.line,
        pos=item_pos(m),
        id_pos=m.value_at("id"),
        alias_pos=alias_pos,
        file=r.file,
    )


def _read_entry(r: Reader, node: object, where: Where, what: str) -> TopicEntry | None:
    m = r.fields(node, ENTRY_FIELDS, f"entry of {what}", where)
    if m is None:
        return None
    article = r.article_ref(m, "article", f"{what} entry")
    if not article:
        return None
    return TopicEntry(
        article,
        r.text(m, "reason", what),
        r.text(m, "source", what),
        r.optional(m, "paragraphs", what),
        m.line,
        item_pos(m),
        m.value_at("article"),
        r.file,
    )


def read_report(r: Reader, node: object, where: Where) -> tuple[ErRange, ...] | None:
    """The paragraph ranges of one instrument's Explanatory Report, each carrying the report's title
    and source."""
    m = r.fields(node, REPORT_FIELDS, "explanatory report", where)
    if m is None:
        return None
    instrument = r.text(m, "instrument", "explanatory report")
    if not ID_RE.match(instrument):
        r.error(
            m.value_at("instrument"),
            "malformed-id",
            f"explanatory report 'instrument' must be an instrument id, got {instrument!r}",
        )
        return None
    what = f"explanatory report of {instrument}"
    title, source = r.text(m, "title", what), r.text(m, "source", what)
    ranges = _list(r, m, "paragraphs", what, _read_range)
    return tuple(
        x._replace(report=title, instrument=instrument, source=x.source or source) for x in ranges
    )


def _read_range(r: Reader, node: object, where: Where, what: str) -> ErRange | None:
    m = r.fields(node, RANGE_FIELDS, f"range of the {what}", where)
    if m is None:
        return None
    article = r.article_ref(m, "article", f"{what} range")
    if not article:
        return None
    return ErRange(
        article,
        r.text(m, "paragraphs", what),
        r.text(m, "source", what),
        line=m.line,
        pos=item_pos(m),
        article_pos=m.value_at("article"),
        paragraphs_pos=m.value_at("paragraphs"),
        file=r.file,
    )


def _list(
    r: Reader,
    m: YMap,
    key: str,
    what: str,
    read_one: Callable[[Reader, object, Where, str], T | None],
) -> tuple[T, ...]:
    """The entries of the list at *key* read by *read_one* (an absent list is empty; anything else
    is reported)."""
    items: Node = m.get(key)
    if items is None:
        return ()
    if not isinstance(items, YList):
        r.error(m.value_at(key), "wrong-type", f"{what} field {key!r} must be a list")
        return ()
    out = (read_one(r, item, pos, what) for item, pos in zip(items, items.item_pos))
    return tuple(x for x in out if x is not None)
