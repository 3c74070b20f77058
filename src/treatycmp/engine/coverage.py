"""Coverage: per chapter of A, how many articles are equal / subset / superset / intersects / absent
in B."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple, Sequence

from ..models import Absence, Article, Corpus, Heading, Link, Relation, Scope, Status
from .compare import absence_in, articles_of, links_to

RELATION_ORDER = (Relation.EQUAL, Relation.SUBSET, Relation.SUPERSET, Relation.INTERSECTS)
COVERAGE_KEYS = tuple(r.value for r in RELATION_ORDER) + ("absent", "unmapped")


class CoverageRow(NamedTuple):
    """Counts of one chapter of A by how its articles relate to B, and how many of each rest on
    draft rows."""

    chapter: Heading | None
    counts: dict[str, int]
    drafts: dict[str, int] = {}

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
        return _sum(row.counts for row in self.rows)

    @property
    def draft_totals(self) -> dict[str, int]:
        return _sum(row.drafts for row in self.rows)


def _sum(dicts: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for counts in dicts:
        total.update(counts)
    return {key: total.get(key, 0) for key in COVERAGE_KEYS}


def classify(corpus: Corpus, art: Article, b: Scope) -> tuple[str, str | None]:
    """The strongest relation of *art* to B ('equal' before 'subset' ...), 'absent' or 'unmapped',
    with the review status of what says so ('reviewed' when any such row is reviewed, else 'draft';
    None when unmapped)."""
    relation, rows = classifying_rows(corpus, art, b)
    return relation, _status(rows) if rows else None


def classifying_rows(
    corpus: Corpus, art: Article, b: Scope
) -> tuple[str, Sequence[Link | Absence]]:
    """The strongest relation of *art* to B, 'absent' or 'unmapped', with the rows that say so."""
    links = links_to(corpus, art.id, b)
    for rel in RELATION_ORDER:
        chosen = [l for l in links if l.relation is rel]
        if chosen:
            return rel.value, chosen
    absence = absence_in(corpus, art.id, b)
    return ("absent", [absence]) if absence else ("unmapped", [])


def _status(rows: Sequence[Link | Absence]) -> Status:
    """An article's review status: reviewed when any row that classifies it is."""
    return Status.REVIEWED if any(r.status == Status.REVIEWED for r in rows) else Status.DRAFT


def coverage(
    corpus: Corpus, a: Scope, b: Scope, *, status: str | None = None, basis: str | None = None
) -> Coverage:
    """Per chapter of A, how many articles are equal / subset / superset / intersects / absent in B.

    With *status* (or *basis*), only the articles whose classifying rows have that review status (or
    include a row of that basis) are counted."""
    counts: dict[tuple[str, Heading | None], Counter[str]] = {}
    drafts: dict[tuple[str, Heading | None], Counter[str]] = {}
    for art in articles_of(corpus, a):
        key = (art.instrument, art.chapter)
        relation, chosen = classifying_rows(corpus, art, b)
        row_status = _status(chosen) if chosen else None
        counts.setdefault(key, Counter())
        drafts.setdefault(key, Counter())
        if (status is None or row_status == status) and (
            basis is None or any(r.basis == basis for r in chosen)
        ):
            counts[key][relation] += 1
            drafts[key][relation] += row_status == Status.DRAFT
    rows = tuple(
        CoverageRow(
            _qualified(corpus, inst, ch, a),
            {k: c.get(k, 0) for k in COVERAGE_KEYS},
            {k: drafts[(inst, ch)].get(k, 0) for k in COVERAGE_KEYS},
        )
        for (inst, ch), c in counts.items()
    )
    return Coverage(a, b, rows)


def _qualified(corpus: Corpus, inst_id: str, chapter: Heading | None, a: Scope) -> Heading | None:
    if not a.is_group:
        return chapter
    short = inst_id
    if chapter is None:
        return Heading(short, "")
    return Heading(f"{short} {chapter.num}", chapter.name)
