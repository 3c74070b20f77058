"""Coverage: per chapter of A, how many articles are equal / subset / superset / intersects / absent in B."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple, Sequence

from .compare import absence_in, articles_of, links_to
from .models import Absence, Article, Corpus, Heading, Link, Relation, Scope

RELATION_ORDER = (Relation.EQUAL, Relation.SUBSET, Relation.SUPERSET, Relation.INTERSECTS)
COVERAGE_KEYS = tuple(r.value for r in RELATION_ORDER) + ("absent", "unmapped")


class CoverageRow(NamedTuple):
    """Counts of one chapter of A by how its articles relate to B, and how many of each rest on draft rows."""

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
    """The strongest relation of *art* to B ('equal' before 'subset' ...), 'absent' or 'unmapped', with the
    review status of what says so ('reviewed' when any such row is reviewed, else 'draft'; None when unmapped)."""
    links = links_to(corpus, art.id, b)
    for rel in RELATION_ORDER:
        chosen = [l for l in links if l.relation is rel]
        if chosen:
            return rel.value, _status(chosen)
    absence = absence_in(corpus, art.id, b)
    return ("absent", _status([absence])) if absence else ("unmapped", None)


def _status(rows: Sequence[Link | Absence]) -> str:
    return "reviewed" if any(r.status == "reviewed" for r in rows) else "draft"


def coverage(corpus: Corpus, a: Scope, b: Scope, *, status: str | None = None) -> Coverage:
    """Per chapter of A, how many articles are equal / subset / superset / intersects / absent in B.

    With *status*, only the articles whose classifying row has that review status are counted.
    """
    counts: dict[tuple[str, Heading | None], Counter[str]] = {}
    drafts: dict[tuple[str, Heading | None], Counter[str]] = {}
    for art in articles_of(corpus, a):
        key = (art.instrument, art.chapter)
        relation, row_status = classify(corpus, art, b)
        counts.setdefault(key, Counter())
        drafts.setdefault(key, Counter())
        if status is None or row_status == status:
            counts[key][relation] += 1
            drafts[key][relation] += row_status == "draft"
    rows = tuple(
        CoverageRow(_qualified(corpus, inst, ch, a), {k: c.get(k, 0) for k in COVERAGE_KEYS},
                    {k: drafts[(inst, ch)].get(k, 0) for k in COVERAGE_KEYS})
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
