"""The stages of loading: read the YAML of every layer, turn it into typed records, run the rules.

:mod:`treatycmp.loading` composes them (and caches the result); this module holds the work, and the
imports it needs (libyaml, the schema readers, the rules), which a command whose data is cached
never pays for."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping, NamedTuple, TypeVar, cast

from ..errors import DataError
from ..findings import Finding
from ..models import (
    Absence,
    Comparison,
    Corpus,
    ErRange,
    Group,
    GuidanceNote,
    Instrument,
    Link,
    Meta,
    Snapshot,
    Topic,
)
from .commentary_schema import read_note, read_report, read_topic
from .datafiles import ARTICLES, EXPLANATORY, GUIDANCE, MAPPING, REACH, TOPICS, DataFiles
from .schema import Reader, read_absence, read_comparison, read_group, read_instrument, read_link
from .yamltree import ItemSink, Node, Pos, YList, YMap, read_yaml

T = TypeVar("T")
ARTICLES_TOP = ("meta", "groups", "instruments")
MAPPING_TOP = ("comparisons", "links", "absences")
GUIDANCE_TOP = ("notes",)
TOPICS_TOP = ("topics",)
EXPLANATORY_TOP = ("reports",)
REACH_TOP = ("snapshots",)


ItemReader = Callable[[Reader, Node, Pos], object]
"""Makes one record (or None) of one item of a list, reporting to the reader's findings."""


class Streamed(NamedTuple):
    """The records made from a streamed list, and the findings made while reading it."""

    records: list[object]
    findings: list[Finding]


def _sink(r: Reader, read_one: ItemReader, records: list[object]) -> ItemSink:
    """Where the items of one streamed list go: *read_one* makes each a record, kept in
    *records*."""

    def take(node: Node, pos: Pos) -> None:
        record = read_one(r, node, pos)
        if record is not None:
            records.append(record)

    return take


ARTICLES_LISTS: dict[str, ItemReader] = {"instruments": read_instrument, "groups": read_group}
MAPPING_LISTS: dict[str, ItemReader] = {
    "links": read_link,
    "absences": read_absence,
    "comparisons": read_comparison,
}
"""The lists of each file made into records as they are read (see :meth:`Document.streamed`)."""


class Document(NamedTuple):
    """One data file (stage 1), with the label its findings name; its YAML tree is read when stage 2
    asks for it."""

    label: str
    path: Path
    shipped: bool = True

    @property
    def tree(self) -> Node:
        """The YAML tree of the file, read now: stage 2 holds one file's tree at a time, never all
        of them."""
        return read_yaml(self.path, self.label)

    def streamed(self, lists: Mapping[str, ItemReader]) -> tuple[Node, dict[str, Streamed]]:
        """The tree of the file without the items of its top-level *lists*: each item is made a
        record by the list's reader as soon as it is read, and only the record is kept."""
        done = {key: Streamed([], []) for key in lists}
        sinks = {
            key: _sink(Reader(self.label, done[key].findings), read_one, done[key].records)
            for key, read_one in lists.items()
        }
        return read_yaml(self.path, self.label, sinks), done


class Documents(NamedTuple):
    """The data files of every layer, in layer order (stage 1)."""

    articles: tuple[Document, ...]
    mapping: tuple[Document, ...]
    guidance: tuple[Document, ...] = ()
    topics: tuple[Document, ...] = ()
    explanatory: tuple[Document, ...] = ()
    reach: tuple[Document, ...] = ()


def read(files: DataFiles) -> Documents:
    """Stage 1: every layer's files (a syntax error raises :class:`DataError` when stage 2 reads the
    file's tree)."""
    return Documents(
        _documents(files, ARTICLES),
        _documents(files, MAPPING),
        _documents(files, GUIDANCE),
        _documents(files, TOPICS),
        _documents(files, EXPLANATORY),
        _documents(files, REACH),
    )


def _documents(files: DataFiles, name: str) -> tuple[Document, ...]:
    return tuple(
        Document(layer.label(name), layer.path(name), layer.shipped)
        for layer in files.layers
        if layer.has(name)
    )


def to_records(docs: Documents, files: DataFiles, findings: list[Finding]) -> Corpus:
    """Stage 2: typed records from the trees of every layer, appending schema findings to
    *findings*."""
    instruments: list[Instrument] = []
    groups: list[Group] = []
    metas: list[Meta] = []
    for doc in docs.articles:
        i, g, m = _articles_file(Reader(doc.label, findings), doc)
        instruments += i
        groups += g
        metas.append(m)
    links: list[Link] = []
    absences: list[Absence] = []
    comparisons: list[Comparison] = []
    for doc in docs.mapping:
        lk, ab, cp = _mapping_file(Reader(doc.label, findings), doc)
        links += lk
        absences += ab
        comparisons += cp
    notes, topics, er_ranges = _commentary(docs, findings)
    return Corpus(
        instruments=tuple(instruments),
        groups=tuple(groups),
        links=tuple(links),
        absences=tuple(absences),
        comparisons=tuple(comparisons),
        meta=metas[0] if metas else Meta(),
        articles_file=files.layers[0].label(ARTICLES),
        mapping_file=files.layers[0].label(MAPPING),
        notes=notes,
        topics=topics,
        er_ranges=er_ranges,
        reach=_reach(docs, findings),
    )


def _commentary(
    docs: Documents, findings: list[Finding]
) -> tuple[tuple[GuidanceNote, ...], tuple[Topic, ...], tuple[ErRange, ...]]:
    """The records of the optional commentary files of every layer."""
    notes: list[GuidanceNote] = []
    for doc in docs.guidance:
        r = Reader(doc.label, findings)
        notes += _items(r, _top(r, doc.tree, GUIDANCE_TOP), "notes", read_note)
    topics: list[Topic] = []
    for doc in docs.topics:
        r = Reader(doc.label, findings)
        topics += _items(r, _top(r, doc.tree, TOPICS_TOP), "topics", read_topic)
    ranges: list[ErRange] = []
    for doc in docs.explanatory:
        r = Reader(doc.label, findings)
        for report in _items(r, _top(r, doc.tree, EXPLANATORY_TOP), "reports", read_report):
            ranges += report
    return tuple(notes), tuple(topics), tuple(ranges)


def _reach(docs: Documents, findings: list[Finding]) -> tuple[Snapshot, ...]:
    """The reach snapshots of every layer, each stamped with its file."""
    from .reach_schema import read_snapshot

    snapshots: list[Snapshot] = []
    for doc in docs.reach:
        r = Reader(doc.label, findings)
        snapshots += [
            s._replace(file=doc.label)
            for s in _items(r, _top(r, doc.tree, REACH_TOP), "snapshots", read_snapshot)
        ]
    return tuple(snapshots)


def apply_rules(corpus: Corpus, *, blocking_only: bool) -> list[Finding]:
    """Stage 3: the findings of the ``check`` rules (only the blocking ones when loading for a
    command)."""
    from ..checks import run_rules

    return list(run_rules(corpus, blocking_only=blocking_only))


def _articles_file(
    r: Reader, doc: Document
) -> tuple[tuple[Instrument, ...], tuple[Group, ...], Meta]:
    tree, lists = doc.streamed(ARTICLES_LISTS)
    top = _top(r, tree, ARTICLES_TOP)
    return (
        _items(r, top, "instruments", read_instrument, required=True, streamed=lists),
        _items(r, top, "groups", read_group, streamed=lists),
        _meta(r, top),
    )


def _mapping_file(
    r: Reader, doc: Document
) -> tuple[tuple[Link, ...], tuple[Absence, ...], tuple[Comparison, ...]]:
    tree, lists = doc.streamed(MAPPING_LISTS)
    top = _top(r, tree, MAPPING_TOP)
    return (
        _items(r, top, "links", read_link, streamed=lists),
        _items(r, top, "absences", read_absence, streamed=lists),
        _items(r, top, "comparisons", read_comparison, streamed=lists),
    )


def _top(r: Reader, doc: Node, allowed: tuple[str, ...]) -> YMap:
    if not isinstance(doc, YMap):
        line = doc.line if isinstance(doc, YList) else 1
        raise DataError(
            r.file, line, f"the top level must be a mapping with keys {', '.join(allowed)}"
        )
    for key in doc:
        if key not in allowed:
            r.error(
                doc.line_of(key),
                "unknown-field",
                f"unknown top-level key {key!r} (allowed: {', '.join(allowed)})",
            )
    return doc


def _items(
    r: Reader,
    doc: YMap,
    key: str,
    read_one: Callable[[Reader, Node, tuple[int, int]], T | None],
    *,
    required: bool = False,
    streamed: Mapping[str, Streamed] | None = None,
) -> tuple[T, ...]:
    """The records of the list at *key* (made as it was read when *streamed* has them), with their
    findings."""
    items = doc.get(key)
    if items is None:
        if required:
            r.error(doc.line, "missing-field", f"no {key!r} list")
        return ()
    if not isinstance(items, YList):
        r.error(doc.line_of(key), "wrong-type", f"{key!r} must be a list")
        return ()
    if streamed and key in streamed:
        r.findings += streamed[key].findings
        return cast("tuple[T, ...]", tuple(streamed[key].records))
    out = (read_one(r, item, pos) for item, pos in zip(items, items.item_pos))
    return tuple(x for x in out if x is not None)


def _meta(r: Reader, doc: YMap) -> Meta:
    node = doc.get("meta")
    if node is None:
        return Meta()
    if not isinstance(node, YMap):
        r.error(doc.line_of("meta"), "wrong-type", "'meta' must be a mapping")
        return Meta()
    return Meta(
        r.text(node, "data_version", "meta") or "unversioned", r.text(node, "licence", "meta")
    )
