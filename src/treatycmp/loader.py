"""Loading the corpus and the mapping into a :class:`~treatycmp.models.Corpus`.

:func:`load` is what commands use: it raises :class:`~treatycmp.errors.DataError` on the first
error that makes the data unusable. :func:`load_with_findings` returns every finding instead,
for ``treatycmp check``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable, TypeVar

from .errors import DataError
from .findings import ERROR, Finding
from .gcpause import paused_gc
from .models import Absence, Comparison, Corpus, Group, Instrument, Link, Meta
from .resources import DataFiles, locate

if TYPE_CHECKING:
    from .schema import Reader
    from .yamlio import YMap

T = TypeVar("T")
ARTICLES_TOP = ("meta", "groups", "instruments")
MAPPING_TOP = ("comparisons", "links", "absences")


def load(data_dir: str | os.PathLike[str] | None = None) -> Corpus:
    """Load and validate the data; raise :class:`DataError` on the first blocking error.

    A corpus already validated with the same file contents is taken from the cache (see ``cache.py``).
    """
    from .cache import cached

    files = locate(data_dir)
    return cached(files, lambda: _load_checked(files), "corpus", Corpus)


def _load_checked(files: DataFiles) -> Corpus:
    corpus, findings = _with_findings(files, blocking_only=True)
    errors = sorted((f for f in findings if f.severity == ERROR), key=Finding.order)
    if errors:
        first = errors[0]
        raise DataError(first.file, first.line, f"{first.message} [{first.code}]", first.column)
    return corpus


def load_with_findings(
    data_dir: str | os.PathLike[str] | None = None, *, blocking_only: bool = False
) -> tuple[Corpus, list[Finding]]:
    """Load the data and return it with every finding of the schema and the rules (cached by content)."""
    from .cache import cached

    files = locate(data_dir)
    kind = "blocking" if blocking_only else "findings"
    return cached(files, lambda: _with_findings(files, blocking_only), kind, tuple)


def _with_findings(files: DataFiles, blocking_only: bool) -> tuple[Corpus, list[Finding]]:
    from .checks import run_rules

    findings: list[Finding] = []
    with paused_gc():
        corpus = build(files, findings)
        findings.extend(run_rules(corpus, blocking_only=blocking_only))
    return corpus, findings


def build(files: DataFiles, findings: list[Finding]) -> Corpus:
    """Read both files into a corpus, appending schema findings to *findings*.

    Large mapping files are read in a second process while this one reads the articles (see `PARALLEL_BYTES`).
    """
    pool = _pool_for(files)
    if pool is None:
        mapping = read_mapping(files)
        articles = read_articles(files)
    else:
        with pool:
            pending = pool.submit(read_mapping, files)
            articles = read_articles(files)
            mapping = pending.result()
    (instruments, groups, meta, article_findings), (links, absences, comparisons, mapping_findings) = articles, mapping
    findings.extend(article_findings + mapping_findings)
    return Corpus(
        instruments=instruments, groups=groups, links=links, absences=absences, comparisons=comparisons, meta=meta,
        articles_file=files.articles_label, mapping_file=files.mapping_label,
    )


PARALLEL_BYTES = 4 * 1024 * 1024
"""A mapping file at least this large is read in parallel with the articles (when the machine has two cores)."""


def _pool_for(files: DataFiles):  # type: ignore[no-untyped-def]
    """A one-worker process pool for reading the mapping, or None when it is not worth one."""
    try:
        big = files.mapping.stat().st_size >= PARALLEL_BYTES and files.articles.stat().st_size >= PARALLEL_BYTES
    except OSError:
        return None
    if not big or (os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux"):
        return None  # forking is safe and cheap on Linux; elsewhere the files are read one after the other
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))


def read_articles(files: DataFiles) -> tuple[tuple[Instrument, ...], tuple[Group, ...], Meta, list[Finding]]:
    """The instruments, groups and meta of articles.yaml, with the findings about them."""
    from .schema import Reader, read_group, read_instrument
    from .yamlio import read_yaml

    findings: list[Finding] = []
    r = Reader(files.articles_label, findings)
    doc = _top(r, read_yaml(files.articles, files.articles_label), ARTICLES_TOP)
    return (_items(r, doc, "instruments", read_instrument, required=True), _items(r, doc, "groups", read_group),
            _meta(r, doc), findings)


def read_mapping(files: DataFiles) -> tuple[tuple[Link, ...], tuple[Absence, ...], tuple[Comparison, ...], list[Finding]]:
    """The links, absences and comparisons of mapping.yaml, with the findings about them."""
    from .schema import Reader, read_absence, read_comparison, read_link
    from .yamlio import read_yaml

    findings: list[Finding] = []
    r = Reader(files.mapping_label, findings)
    doc = _top(r, read_yaml(files.mapping, files.mapping_label), MAPPING_TOP)
    return (_items(r, doc, "links", read_link), _items(r, doc, "absences", read_absence),
            _items(r, doc, "comparisons", read_comparison), findings)


def _top(r: Reader, doc: object, allowed: tuple[str, ...]) -> YMap:
    from .yamlio import YMap

    if not isinstance(doc, YMap):
        line = getattr(doc, "line", 1)
        raise DataError(r.file, line, f"the top level must be a mapping with keys {', '.join(allowed)}")
    for key in doc:
        if key not in allowed:
            r.error(doc.line_of(key), "unknown-field", f"unknown top-level key {key!r} (allowed: {', '.join(allowed)})")
    return doc


def _items(r: Reader, doc: YMap, key: str, read: Callable[..., T | None], required: bool = False) -> tuple[T, ...]:
    from .yamlio import YList

    items = doc.get(key)
    if items is None:
        if required:
            r.error(doc.line, "missing-field", f"no {key!r} list")
        return ()
    if not isinstance(items, YList):
        r.error(doc.line_of(key), "wrong-type", f"{key!r} must be a list")
        return ()
    out = (read(r, item, line) for item, line in zip(items, items.item_lines))
    return tuple(x for x in out if x is not None)


def _meta(r: Reader, doc: YMap) -> Meta:
    from .yamlio import YMap

    node = doc.get("meta")
    if node is None:
        return Meta()
    if not isinstance(node, YMap):
        r.error(doc.line_of("meta"), "wrong-type", "'meta' must be a mapping")
        return Meta()
    return Meta(r.text(node, "data_version", "meta") or "unversioned", r.text(node, "licence", "meta"))


__all__ = ["load", "load_with_findings", "Corpus", "Instrument", "Group", "Link", "Absence", "Comparison"]
