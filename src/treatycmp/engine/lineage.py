"""Lineage: where each article of one instrument comes from in several others (UN -> coe, UNTOC,
UNCAC)."""

from __future__ import annotations

from typing import NamedTuple

from ..models import Article, Corpus, Link, Scope
from .compare import articles_of, in_chapter, keeps, links_to


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


def lineage(
    corpus: Corpus,
    subject: Scope,
    sources: tuple[Scope, ...],
    *,
    chapter: str | None = None,
    status: str | None = None,
    basis: str | None = None,
) -> Lineage:
    """For each article of *subject*, its counterparts in every source scope (e.g. UN → coe, untoc,
    uncac).

    With *status* or *basis*, only links of that review status or basis count as origins.
    """
    rows = []
    for art in in_chapter(articles_of(corpus, subject), chapter):
        origins = tuple(
            (
                s.id,
                tuple(
                    (l, corpus.article(l.to_id))
                    for l in links_to(corpus, art.id, s)
                    if keeps(l, status, basis)
                ),
            )
            for s in sources
        )
        rows.append(LineageRow(art, origins))
    return Lineage(subject, sources, tuple(rows))
