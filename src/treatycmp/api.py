"""The documented Python API: names instead of objects, for notebooks and scripts.

The command line calls these same functions, so the API and the CLI behave alike: the ``show``
fallback to a clear best search match, the check that a chapter exists, the resolution of names and
citations."""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Callable, NamedTuple

from .engine import compare
from .errors import CitationError, TreatyError, UnknownName, UsageError, echo
from .models import (
    Article,
    Basis,
    Corpus,
    GuidanceNote,
    Instrument,
    Scope,
    Status,
    Topic,
    scope_of,
)

SHOW_MIN_SCORE = 70.0
"""A search hit must score this much, and lead the next by 3 points, for ``show`` to take it for a
citation."""

if TYPE_CHECKING:  # imported only by the commands that need them
    from pathlib import Path

    from .engine import coverage as _coverage
    from .engine import lineage as _lineage
    from .engine.notes import NoteView
    from .engine.reach import Reach, StatesAnswer
    from .engine.topics import TopicView
    from .findings import Finding
    from .names.notes_topics import NoteHit
    from .names.search import FindResult, Index
    from .sources.verify import Verification
    from .sources.yamledit import FileEdit


class Shown(NamedTuple):
    """The article a ``show`` query named, the paragraph it pinpoints, and whether it came from a
    search."""

    article: Article
    pinpoint: str | None = None
    searched: bool = False


class ReportData(NamedTuple):
    """Everything the offline HTML report shows: each declared comparison with its coverage, and
    every card."""

    corpus: Corpus
    comparisons: tuple[tuple[compare.Diff, _coverage.Coverage], ...]
    cards: tuple[compare.Counterparts, ...]
    status: str | None = None
    notes: tuple[NoteView, ...] = ()
    topics: tuple[TopicView, ...] = ()
    basis: str | None = None
    reach: Reach | None = None


class DataFile(NamedTuple):
    """A data file of one layer: where it is, its name in messages, and whether it is shipped."""

    path: Path
    label: str
    shipped: bool


class LazyIndex:
    """A search index made only when a search needs it, by *make* (say, read from the cache)."""

    def __init__(self, make: Callable[[], Index]) -> None:
        self._make = make
        self._index: Index | None = None

    @property
    def index(self) -> Index:
        """The index, made on first use."""
        if self._index is None:
            self._index = self._make()
        return self._index


def load(data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None) -> Corpus:
    """Load the corpus and mapping: the shipped data, with the folder *data_dir* layered over it
    (``shipped=False``: the folder alone)."""
    from .loading import load as _load

    return _load(data_dir, shipped=shipped)


def data_files(
    data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None
) -> tuple[DataFile, ...]:
    """Every data file that :func:`load` reads for *data_dir*, in every layer, by file name."""
    from .loading.datafiles import DATA_FILES, locate

    layers = locate(data_dir, shipped=shipped).layers
    return tuple(
        DataFile(layer.path(name), layer.label(name), layer.shipped)
        for name in DATA_FILES
        for layer in layers
        if layer.has(name)
    )


def articles_file(
    corpus: Corpus,
    instrument: str,
    data_dir: str | os.PathLike[str] | None = None,
    *,
    shipped: bool | None = None,
) -> DataFile:
    """The articles.yaml that defines *instrument* in the data :func:`load` reads for *data_dir*."""
    from .loading.datafiles import ARTICLES, locate

    label = corpus.file_of(corpus.instrument(scope(corpus, instrument).id))
    layer = next(l for l in locate(data_dir, shipped=shipped).layers if l.label(ARTICLES) == label)
    return DataFile(layer.path(ARTICLES), label, layer.shipped)


def check(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    shipped: bool | None = None,
    strict: bool = False,
) -> list[Finding]:
    """Every finding on the data in *data_dir*, root cause first; *strict* makes warnings errors."""
    from .loading import check_findings

    findings = check_findings(data_dir, shipped=shipped)
    if strict:
        from .findings import apply_strict

        findings = apply_strict(findings)
    return findings


def scope(corpus: Corpus, name: str) -> Scope:
    """An instrument or group by id or alias ('budapest', 'coe', 'ETS 185' ...)."""
    if any(i.id == name for i in corpus.instruments) or any(g.id == name for g in corpus.groups):
        return scope_of(corpus, name)  # an exact id needs no name tables
    from .names.citations import resolver_for

    return resolver_for(corpus).scope(name)


def chapter_scope(corpus: Corpus, name: str, chapter: str | None) -> Scope:
    """The scope *name*, refusing a *chapter* it does not have (listing the ones it has)."""
    found = scope(corpus, name)
    if chapter is not None and not compare.in_chapter(compare.articles_of(corpus, found), chapter):
        label = (
            (lambda a: f"{a.instrument} {a.chapter}")
            if found.is_group
            else (lambda a: str(a.chapter))
        )
        names = dict.fromkeys(
            label(a) for a in compare.articles_of(corpus, found) if a.chapter
        )  # in treaty order
        raise UsageError(
            f"no chapter {echo(chapter)} in {found.id}; chapters: {'; '.join(names) or 'none'}"
        )
    return found


def row_filter(status: str | None, basis: str | None) -> tuple[str | None, str | None]:
    """*status* and *basis* checked against their vocabularies (None keeps every row)."""
    if status is not None and status not in {s.value for s in Status}:
        raise UsageError(
            f"unknown status {echo(status)}; one of: {', '.join(s.value for s in Status)}"
        )
    if basis is not None and basis not in {b.value for b in Basis}:
        raise UsageError(
            f"unknown basis {echo(basis)}; one of: {', '.join(b.value for b in Basis)}"
        )
    return status, basis


def diff(
    corpus: Corpus,
    a: str,
    b: str,
    *,
    chapter: str | None = None,
    relation: str | None = None,
    only: str | None = None,
    status: str | None = None,
    basis: str | None = None,
) -> compare.Diff:
    """Compare instrument or group *a* with *b*: links in A's order, then A's gaps, then B's
    articles with nothing in A.

    *status* ('reviewed', 'draft') and *basis* ('official-texts', 'one-official-text', 'published',
    'analysis') keep only the rows that have them."""
    status, basis = row_filter(status, basis)
    sa, sb = chapter_scope(corpus, a, chapter), scope(corpus, b)
    return compare.diff(
        corpus, sa, sb, chapter=chapter, relation=relation, only=only, status=status, basis=basis
    )


def gaps(
    corpus: Corpus,
    a: str,
    b: str,
    *,
    chapter: str | None = None,
    status: str | None = None,
    basis: str | None = None,
) -> tuple[compare.Gap, ...]:
    """A's articles with no counterpart in B, each with its reason."""
    status, basis = row_filter(status, basis)
    return compare.gaps(
        corpus,
        chapter_scope(corpus, a, chapter),
        scope(corpus, b),
        chapter=chapter,
        status=status,
        basis=basis,
    )


def coverage(
    corpus: Corpus, a: str, b: str, *, status: str | None = None, basis: str | None = None
) -> _coverage.Coverage:
    """Per-chapter counts of A's articles by relation to B."""
    from .engine import coverage as _coverage

    status, basis = row_filter(status, basis)
    return _coverage.coverage(
        corpus, scope(corpus, a), scope(corpus, b), status=status, basis=basis
    )


def lineage(
    corpus: Corpus,
    subject: str = "un",
    sources: tuple[str, ...] = ("coe", "untoc", "uncac"),
    *,
    chapter: str | None = None,
    status: str | None = None,
    basis: str | None = None,
) -> _lineage.Lineage:
    """Where each article of *subject* comes from in each of *sources*, or 'new'."""
    from .engine import lineage as _lineage

    status, basis = row_filter(status, basis)
    found = chapter_scope(corpus, subject, chapter)
    return _lineage.lineage(
        corpus,
        found,
        tuple(scope(corpus, s) for s in sources),
        chapter=chapter,
        status=status,
        basis=basis,
    )


def mapping_rows(corpus: Corpus, *, status: str | None = None, basis: str | None = None) -> Corpus:
    """*corpus* with only the links and absences of that status and basis (the whole mapping when
    both are None)."""
    status, basis = row_filter(status, basis)
    if status is None and basis is None:
        return corpus
    links = tuple(l for l in corpus.links if compare.keeps(l, status, basis))
    absences = tuple(a for a in corpus.absences if compare.keeps(a, status, basis))
    return dataclasses.replace(
        corpus, links=links, absences=absences
    )  # the indexes are derived again


def article(corpus: Corpus, citation: str) -> Article:
    """The article a citation names: 'budapest:2', 'Art. 32 BC', 'CETS 224 article 6' ..."""
    from .names.citations import resolver_for

    return resolver_for(corpus).article(citation)


def articles(corpus: Corpus, name: str, *, chapter: str | None = None) -> tuple[Article, ...]:
    """The articles of instrument or group *name* in treaty order (with *chapter*, its own)."""
    found = chapter_scope(corpus, name, chapter)
    return compare.in_chapter(compare.articles_of(corpus, found), chapter)


def counterparts(
    corpus: Corpus, citation: str | Article, *, status: str | None = None, basis: str | None = None
) -> compare.Counterparts:
    """One article (a citation, or an article found before) with its links and declared absences
    in every other instrument."""
    status, basis = row_filter(status, basis)
    found = citation if isinstance(citation, Article) else article(corpus, citation)
    return compare.counterparts(corpus, found, status=status, basis=basis)


def declared(corpus: Corpus, a: str, b: str) -> bool:
    """True when a comparison declared in the mapping covers instruments or groups *a* and *b*
    (either way round)."""
    return compare.is_declared(corpus, scope(corpus, a), scope(corpus, b))


def show(corpus: Corpus, query: str, index: Index | LazyIndex | None = None) -> Shown:
    """The article *query* cites or, when it is no citation, the clear best search match
    (``searched`` says so).

    *index* is the search index to use (a :class:`LazyIndex` is made only for a query that is no
    citation)."""
    from .names.citations import resolver_for

    resolver = resolver_for(corpus)
    try:
        cited = resolver.cite(query)
        return Shown(cited.article, cited.pinpoint)
    except UnknownName as exc:
        if (
            isinstance(exc, CitationError)
            or exc.suggestions
            or resolver.parse(query) is not None
            or not query.strip()
        ):
            raise
        searched = index.index if isinstance(index, LazyIndex) else index or search_index(corpus)
        hits = searched.find(query, limit=3).hits
        if (
            hits
            and hits[0].score >= SHOW_MIN_SCORE
            and (len(hits) == 1 or hits[0].score - hits[1].score >= 3)
        ):
            return Shown(hits[0].article, None, True)
        raise UnknownName("article", query, tuple(h.article.id for h in hits), exc.hint) from None


def search_index(corpus: Corpus) -> Index:
    """A look-up index over *corpus*."""
    from .names.search import Index

    return Index(corpus)


def load_index(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    shipped: bool | None = None,
    corpus: Corpus | None = None,
) -> Index:
    """The search index of the data :func:`load` reads, from the cache while they are unchanged;
    *corpus*, those data if already loaded, saves loading them again to build it. The index holds
    them as ``.corpus``."""
    from .loading.cache import cached
    from .loading.datafiles import locate
    from .names.search import Index

    def build() -> Index:
        return search_index(corpus or load(data_dir, shipped=shipped))

    return cached(locate(data_dir, shipped=shipped), build, "index", Index)


def find(
    corpus: Corpus,
    query: str,
    within: str | None = None,
    limit: int = 10,
    index: Index | None = None,
) -> FindResult:
    """Articles matching *query*, best first; *within* names an instrument or group."""
    if not query.strip():
        raise UsageError("the query is empty")
    members = scope(corpus, within).members if within else None
    return (index or search_index(corpus)).find(query, within=members, limit=limit)


def query_reading(found: FindResult) -> str:
    """How *found*'s query was read when it names instruments ("reading 'UN treaty' as --in un"),
    else ''."""
    from .names.questions import reading

    return reading(found.read) if found.read else ""


def report_data(
    corpus: Corpus, *, status: str | None = None, basis: str | None = None
) -> ReportData:
    """What the offline HTML report shows, computed once."""
    from .engine import coverage as _coverage
    from .engine import notes as _guidance
    from .engine import topics as _themes

    status, basis = row_filter(status, basis)
    kept = {"status": status, "basis": basis}
    comparisons = []
    for c in corpus.comparisons:
        a, b = scope(corpus, c.from_id), scope(corpus, c.to_id)
        comparisons.append(
            (compare.diff(corpus, a, b, **kept), _coverage.coverage(corpus, a, b, **kept))
        )
    cards = tuple(
        compare.counterparts(corpus, art, **kept)
        for inst in corpus.instruments
        for art in inst.articles
    )
    un = (
        (scope(corpus, "un"),)
        if corpus.notes and any(i.id == "un" for i in corpus.instruments)
        else ()
    )
    notes_ = tuple(
        _guidance.note_view(corpus, n, target, **kept) for n in corpus.notes for target in un
    )
    topics_ = tuple(_themes.topic_view(corpus, t, **kept) for t in corpus.topics)
    return ReportData(
        corpus,
        tuple(comparisons),
        cards,
        status,
        notes_,
        topics_,
        basis,
        reach(corpus) if corpus.reach else None,
    )


def verify(
    corpus: Corpus, instrument: str, path: str | os.PathLike[str], *, units: str | None = None
) -> Verification:
    """Check *instrument*'s numbers, titles and places, and the own-words rule, against the official
    text at *path*."""
    from .sources.headings import parse_outline
    from .sources.texts import read_text
    from .sources.verify import prose_of
    from .sources.verify import verify as check_text

    found = scope(corpus, instrument)
    if found.is_group:
        raise UsageError(
            f"{echo(instrument)} is a group; verify one instrument at a time: "
            f"{', '.join(found.members)}"
        )
    inst = corpus.instrument(found.id)
    text = read_text(os.fspath(path))
    return check_text(inst, parse_outline(text, units), text, prose_of(corpus, inst.id))


def confirm_titles(file: DataFile, result: Verification) -> FileEdit:
    """The edit of *file*, the instrument's articles.yaml, that marks the titles *result* confirmed
    and still marked unconfirmed as ``verified: true``, with the text as their source."""
    from .sources.yamledit import confirm_titles as edit

    return edit(file.path, file.label, result.confirmations())


def data_to_join(
    data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None
) -> Corpus | None:
    """The data a new instrument in *data_dir* joins: what :func:`load` reads or, while that folder
    holds no data yet, the shipped data (None when the folder replaces them)."""
    from .loading.datafiles import NO_SHIPPED_VAR, packaged_data_dir

    try:
        return load(data_dir, shipped=shipped)
    except TreatyError:
        if shipped is False or os.environ.get(NO_SHIPPED_VAR, "") not in ("", "0"):
            return None
        return load(packaged_data_dir())


def skeleton(
    instrument_id: str,
    path: str | os.PathLike[str],
    name: str,
    *,
    short: str | None = None,
    number: str | None = None,
    units: str | None = None,
    joins: Corpus | None = None,
) -> str:
    """The YAML of a new instrument read from its text at *path*: numbers, titles and hierarchy,
    empty summaries.

    With *joins*, the data it will join, an id or number that already names one of their
    instruments or groups is refused."""
    from pathlib import Path

    from .sources.headings import parse_outline
    from .sources.skeleton import refuse_taken_names, skeleton_yaml
    from .sources.texts import read_text

    if joins is not None:
        refuse_taken_names(joins, instrument_id, number)
    outline = parse_outline(read_text(os.fspath(path)), units)
    if not outline.articles:
        raise UsageError(f"no article or section headings found in {path}")
    return skeleton_yaml(
        instrument_id, name, outline, short=short, number=number, source=Path(path).name
    )


def instrument_edit(
    folder: str | os.PathLike[str],
    instrument_id: str,
    yaml: str,
    *,
    text: str | os.PathLike[str] | None = None,
) -> FileEdit:
    """The edit that adds a new instrument's YAML (from :func:`skeleton`) to *folder*/articles.yaml,
    made if missing; *text*, the file the YAML was read from, may not be that file."""
    from pathlib import Path

    from .loading.datafiles import ARTICLES
    from .output.writing import refuse_inputs
    from .sources.skeleton import add_to_articles

    path = Path(folder) / ARTICLES
    if text is not None:
        refuse_inputs(str(path), [text])
    return add_to_articles(path, instrument_id, yaml)


def notes(corpus: Corpus) -> tuple[GuidanceNote, ...]:
    """The T-CY Guidance Notes, in number order."""
    return tuple(sorted(corpus.notes, key=lambda n: int(n.number)))


def note(
    corpus: Corpus,
    ref: str | GuidanceNote,
    *,
    to: str = "un",
    status: str | None = None,
    basis: str | None = None,
) -> NoteView:
    """The note *ref* cites ('3', 'GN 3', 'Guidance Note #10', 'ransomware'), or the note *ref*,
    with its articles' counterparts in *to*."""
    from .engine import notes as _guidance
    from .names import notes_topics
    from .names.citations import resolver_for

    status, basis = row_filter(status, basis)
    cited = ref if isinstance(ref, GuidanceNote) else notes_topics.note(resolver_for(corpus), ref)
    return _guidance.note_view(corpus, cited, scope(corpus, to), status=status, basis=basis)


def note_cited(corpus: Corpus, ref: str) -> GuidanceNote | None:
    """The note *ref* cites ('GN 3', 'Guidance Note #10', 'T-CY(2013)7'), or None when *ref* is no
    note citation.

    A citation marked as a note's ('GN', 'Guidance Note', 'T-CY', '#') that names no note raises
    :class:`~treatycmp.errors.UnknownName` saying why; a bare number or word is left to articles."""
    from .names import notes_topics
    from .names.citations import resolver_for

    resolver = resolver_for(corpus)
    cited = notes_topics.find_note(resolver, ref)
    if cited is None and notes_topics.names_note(ref):
        return notes_topics.note(resolver, ref, bare=False)
    return cited


def find_notes(
    corpus: Corpus,
    query: str,
    within: str | None = None,
    limit: int = 10,
    found: FindResult | None = None,
) -> tuple[NoteHit, ...]:
    """Guidance Notes matching *query*, best first (none when *within* names a scope without the
    Budapest Convention).

    Question words do not count; with *found* (the articles found for the same query), the
    instruments the query was read as naming stand for *within* and their names are not searched
    for."""
    from .names.notes_topics import find_notes as _find_notes
    from .names.questions import plain

    if not query.strip():
        raise UsageError("the query is empty")
    if found is not None and found.read and within is None:
        query, named = found.asked, [m.scope for m in found.read]
        within = next((s for s in named if "budapest" in corpus.members(s)), named[0])
    if within and "budapest" not in scope(corpus, within).members:
        return ()
    return _find_notes(corpus, plain(query) or query, limit=limit)


def topics(corpus: Corpus) -> tuple[Topic, ...]:
    """The topic views, in the order of the data."""
    return corpus.topics


def topic(
    corpus: Corpus, name: str, *, status: str | None = None, basis: str | None = None
) -> TopicView:
    """The topic *name* names ('safeguards', 'topic:safeguards', 'human rights'): its articles by
    instrument, each with its counterparts, and what each framework lacks; *status* and *basis*
    filter the links and absences."""
    from .engine import topics as _themes
    from .names import notes_topics

    status, basis = row_filter(status, basis)
    return _themes.topic_view(corpus, notes_topics.topic(corpus, name), status=status, basis=basis)


def reach(corpus: Corpus, *instruments: str) -> Reach:
    """Who is bound by *instruments* (ids, aliases or groups; every instrument with reach data when
    none is named): for each, its snapshots oldest first (``.timeline``), the latest that states
    counts (``.latest``: Parties, signatories, invited, observers, each None when its source does
    not state it, with ``date`` and ``source``) and the latest list of States (``.latest_list``)."""
    from .engine import reach as _reach

    return _reach.reach(
        corpus, _instruments(corpus, instruments) if instruments else _reach.with_reach(corpus)
    )


def reach_states(corpus: Corpus, *instruments: str) -> StatesAnswer:
    """The States bound by all, any, or only one of *instruments*, from the latest list of each;
    when one of those lists is partial or missing nothing is computed, and ``.gaps`` says which list
    is partial and how much is known."""
    from .engine import reach as _reach

    if not instruments:
        raise UsageError("name the instruments whose States to compare, e.g. budapest un")
    return _reach.states(reach(corpus, *instruments))


def _instruments(corpus: Corpus, names: tuple[str, ...]) -> tuple[Instrument, ...]:
    """The instruments *names* name, a group standing for its members, each once, in the order
    named."""
    ids = dict.fromkeys(member for name in names for member in scope(corpus, name).members)
    return tuple(corpus.instrument(i) for i in ids)
