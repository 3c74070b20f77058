"""Coverage: per chapter of A, how many articles are equal / subset / superset / intersects / absent in B."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from .compare import absence_in, articles_of, links_to
from .models import Article, Corpus, Heading, Relation
from .models import Scope

RELATION_ORDER = (Relation.EQUAL, Relation.SUBSET, Relation.SUPERSET, Relation.INTERSECTS)
COVERAGE_KEYS = tuple(r.value for r in RELATION_ORDER) + ("absent", "unmapped")


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
