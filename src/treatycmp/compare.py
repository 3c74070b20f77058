"""The comparison engine: pure functions over a loaded corpus (no I/O).

Links are stored once; :func:`links_between` reads them in either direction, deriving the reverse
relation (subset <-> superset).
"""

from __future__ import annotations

from typing import NamedTuple

from collections import Counter

from .models import NONE, Absence, Article, Corpus, Heading, Link, Relation
from .refs import Scope

RELATION_ORDER = (Relation.EQUAL, Relation.SUBSET, Relation.SUPERSET, Relation.INTERSECTS)
COVERAGE_KEYS = tuple(r.value for r in RELATION_ORDER) + ("absent", "unmapped")


class DiffRow(NamedTuple):
    """One row of a diff: a link, an article of A with no counterpart, or an article of B with nothing in A."""

    kind: str  # "link" | "gap" | "only_b"
    from_article: Article | None
    to_article: Article | None
    relation: str
    note: str = ""
    source: str = ""
    status: str | None = None
    from_paragraphs: str | None = None
    to_paragraphs: str | None = None
    declared: bool = True


class Diff(NamedTuple):
    """The answer to 'how does A line up with B?'."""

    a: Scope
    b: Scope
    rows: tuple[DiffRow, ...]

    def of_kind(self, kind: str) -> tuple[DiffRow, ...]:
        return tuple(r for r in self.rows if r.kind == kind)


class Gap(NamedTuple):
    """An article of A with no counterpart in B, and why."""

    article: Article
    reason: str
    source: str = ""
    declared: bool = True
    status: str | None = None


class Counterparts(NamedTuple):
    """One article with its links and declared absences in every other instrument."""

    article: Article
    links: tuple[tuple[Link, Article], ...]
    absences: tuple[Absence, ...]


class CoverageRow(NamedTuple):
    """Counts of one chapter of A by how its articles relate to B."""

    chapter: Heading | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Coverage(NamedTuple):
    """Per-chapter counts of A's articles by relation to B, with totals."""

    a: Scope
    b: Scope
    rows: tuple[CoverageRow, ...]

    @property
    def totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for row in self.rows:
            total.update(row.counts)
        return {key: total.get(key, 0) for key in COVERAGE_KEYS}


def articles_of(corpus: Corpus, scope: Scope) -> tuple[Article, ...]:
    """The articles of every instrument of *scope*, in treaty order."""
    return tuple(a for inst_id in scope.members for a in corpus.instrument(inst_id).articles)


def links_to(corpus: Corpus, article_id: str, scope: Scope) -> tuple[Link, ...]:
    """Links from *article_id* to any article of *scope*, read from that article."""
    members = set(scope.members)
    return tuple(l for l in corpus.links_of(article_id) if l.to_id.partition(":")[0] in members)


def absence_in(corpus: Corpus, article_id: str, scope: Scope) -> Absence | None:
    """The absence entry that declares *article_id* absent in *scope* (or in a group holding it)."""
    members = set(scope.members)
    for absence in corpus.absences_of(article_id):
        if absence.absent_in == scope.id or members <= set(corpus.members(absence.absent_in)):
            return absence
    return None


def links_between(corpus: Corpus, a: Scope, b: Scope) -> tuple[Link, ...]:
    """All links between A and B, read from A, in A's treaty order."""
    return tuple(l for art in articles_of(corpus, a) for l in links_to(corpus, art.id, b))


def diff(
    corpus: Corpus, a: Scope, b: Scope, *, chapter: str | None = None,
    relation: str | None = None, only: str | None = None,
) -> Diff:
    """Links from A to B in A's order, then A's gaps, then B's articles with nothing in A."""
    rows: list[DiffRow] = []
    gap_rows: list[DiffRow] = []
    for art in in_chapter(articles_of(corpus, a), chapter):
        links = links_to(corpus, art.id, b)
        rows.extend(_link_row(corpus, l) for l in links)
        if not links:
            gap_rows.append(_gap_row(corpus, art, b))
    rows.extend(gap_rows)
    rows.extend(_only_b_rows(corpus, a, b))
    return Diff(a, b, tuple(r for r in rows if _keep(r, relation, only)))


def _link_row(corpus: Corpus, link: Link) -> DiffRow:
    return DiffRow(
        "link", corpus.article(link.from_id), corpus.article(link.to_id), link.relation.value, link.note,
        link.source, link.status, link.from_paragraphs, link.to_paragraphs,
    )


def _gap_row(corpus: Corpus, art: Article, b: Scope) -> DiffRow:
    gap = gap_of(corpus, art, b)
    return DiffRow("gap", art, None, NONE, gap.reason, gap.source, gap.status, declared=gap.declared)


def _only_b_rows(corpus: Corpus, a: Scope, b: Scope) -> list[DiffRow]:
    rows = []
    for art in articles_of(corpus, b):
        if not links_to(corpus, art.id, a):
            gap = gap_of(corpus, art, a)
            rows.append(DiffRow("only_b", None, art, NONE, gap.reason, gap.source, gap.status, declared=gap.declared))
    return rows


def _keep(row: DiffRow, relation: str | None, only: str | None) -> bool:
    if only == "matched" and row.kind != "link":
        return False
    if only == "gaps" and row.kind == "link":
        return False
    return relation is None or row.relation == relation


def in_chapter(articles: tuple[Article, ...], chapter: str | None) -> tuple[Article, ...]:
    """The articles whose chapter matches *chapter* (all of them when it is None)."""
    if chapter is None:
        return articles
    return tuple(a for a in articles if a.chapter and chapter_matches(a.chapter, chapter))


def chapter_matches(heading: Heading, wanted: str) -> bool:
    """True when *wanted* names *heading* by roman or arabic number, or by (part of) its name."""
    w = wanted.strip().lower().removeprefix("chapter").strip()
    return w in (heading.num.lower(), _arabic(heading.num)) or (len(w) > 2 and w in heading.name.lower())


def _arabic(roman: str) -> str:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total, prev = 0, 0
    for ch in reversed(roman.lower()):
        if ch not in values:
            return roman.lower()
        val = values[ch]
        total, prev = (total - val, prev) if val < prev else (total + val, val)
    return str(total)


def gap_of(corpus: Corpus, art: Article, b: Scope) -> Gap:
    """Why *art* has no counterpart in B: its declared absence, or 'not mapped'."""
    absence = absence_in(corpus, art.id, b)
    if absence is not None:
        return Gap(art, absence.reason, absence.source, True, absence.status)
    elsewhere = _linked_in_siblings(corpus, art, b)
    if elsewhere:
        return Gap(art, f"no counterpart in {b.id}; its counterparts elsewhere in the same framework: {', '.join(elsewhere)}")
    return Gap(art, "not mapped: no link and no declared absence", "", False)


def _linked_in_siblings(corpus: Corpus, art: Article, b: Scope) -> list[str]:
    """Articles linked to *art* in the other instruments of a group that holds B's instruments."""
    siblings = {m for g in corpus.groups if set(b.members) <= set(g.members) for m in g.members} - set(b.members)
    return [l.to_id for l in corpus.links_of(art.id) if l.to_id.partition(":")[0] in siblings]


def gaps(corpus: Corpus, a: Scope, b: Scope, *, chapter: str | None = None) -> tuple[Gap, ...]:
    """A's articles with no link to any article of B."""
    arts = in_chapter(articles_of(corpus, a), chapter)
    return tuple(gap_of(corpus, art, b) for art in arts if not links_to(corpus, art.id, b))


def counterparts(corpus: Corpus, article: Article) -> Counterparts:
    """Every link and declared absence of *article*, in every other instrument."""
    links = tuple((l, corpus.article(l.to_id)) for l in corpus.links_of(article.id))
    return Counterparts(article, links, corpus.absences_of(article.id))


def classify(corpus: Corpus, art: Article, b: Scope) -> str:
    """The strongest relation of *art* to B ('equal' before 'subset' ...), 'absent' or 'unmapped'."""
    relations = {l.relation for l in links_to(corpus, art.id, b)}
    for rel in RELATION_ORDER:
        if rel in relations:
            return rel.value
    return "absent" if absence_in(corpus, art.id, b) else "unmapped"


def coverage(corpus: Corpus, a: Scope, b: Scope) -> Coverage:
    """Per chapter of A, how many articles are equal / subset / superset / intersects / absent in B."""
    by_chapter: dict[tuple[str, Heading | None], Counter[str]] = {}
    for art in articles_of(corpus, a):
        key = (art.instrument, art.chapter)
        by_chapter.setdefault(key, Counter())[classify(corpus, art, b)] += 1
    rows = tuple(
        CoverageRow(_qualified(corpus, inst, ch, a), {k: c.get(k, 0) for k in COVERAGE_KEYS})
        for (inst, ch), c in by_chapter.items()
    )
    return Coverage(a, b, rows)


def _qualified(corpus: Corpus, inst_id: str, chapter: Heading | None, a: Scope) -> Heading | None:
    if not a.is_group:
        return chapter
    short = inst_id
    if chapter is None:
        return Heading(short, "")
    return Heading(f"{short} {chapter.num}", chapter.name)


class LineageRow(NamedTuple):
    """One article of the subject with its counterparts in each source scope."""

    article: Article
    origins: tuple[tuple[str, tuple[tuple[Link, Article], ...]], ...]

    @property
    def is_new(self) -> bool:
        return not any(pairs for _, pairs in self.origins)


class Lineage(NamedTuple):
    """Where each article of the subject comes from, and how many come from each source."""

    subject: Scope
    sources: tuple[Scope, ...]
    rows: tuple[LineageRow, ...]

    def counts(self) -> dict[str, int]:
        """Articles with at least one counterpart in each source, and articles with none ('new')."""
        counts = {s.id: sum(1 for r in self.rows if dict(r.origins)[s.id]) for s in self.sources}
        counts["new"] = sum(1 for r in self.rows if r.is_new)
        return counts


def lineage(corpus: Corpus, subject: Scope, sources: tuple[Scope, ...], *, chapter: str | None = None) -> Lineage:
    """For each article of *subject*, its counterparts in every source scope (e.g. UN → coe, untoc, uncac)."""
    rows = []
    for art in in_chapter(articles_of(corpus, subject), chapter):
        origins = tuple(
            (s.id, tuple((l, corpus.article(l.to_id)) for l in links_to(corpus, art.id, s))) for s in sources
        )
        rows.append(LineageRow(art, origins))
    return Lineage(subject, sources, tuple(rows))
