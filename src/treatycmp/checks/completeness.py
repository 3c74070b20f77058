"""Completeness: every article of a declared comparison's source is linked or declared absent,
and every instrument has the number of articles it declares.

Failing example: ``comparisons: [{from: budapest, to: un}]`` with no link and no absence for
``budapest:10`` gives ``error unmapped-article: budapest:10 'Offences related to ...' has no link to
un and no absence declared``, reported at the comparison's line.
"""

from __future__ import annotations

from typing import Iterator

from ..compare import absence_in, articles_of, links_to
from ..findings import ERROR, Finding, make
from ..models import Corpus
from ..models import scope_of


def check(corpus: Corpus) -> Iterator[Finding]:
    yield from _counts(corpus)
    known = {i.id for i in corpus.instruments} | {g.id for g in corpus.groups}
    for comparison in corpus.comparisons:
        if comparison.from_id in known and comparison.to_id in known:
            yield from _uncovered(corpus, comparison.from_id, comparison.to_id, comparison.line)


def _uncovered(corpus: Corpus, a_id: str, b_id: str, line: int) -> Iterator[Finding]:
    a, b = scope_of(corpus, a_id), scope_of(corpus, b_id)
    for art in articles_of(corpus, a):
        if not links_to(corpus, art.id, b) and absence_in(corpus, art.id, b) is None:
            message = f"{art.id} {art.title!r} has no link to {b_id} and no absence declared (comparison {a_id} → {b_id})"
            yield make(corpus.mapping_file, line, ERROR, "unmapped-article", message, art.id)


def _counts(corpus: Corpus) -> Iterator[Finding]:
    for inst in corpus.instruments:
        if inst.article_count >= 0 and len(inst.articles) != inst.article_count:
            message = f"instrument {inst.id!r} declares {inst.article_count} articles but lists {len(inst.articles)}"
            yield make(corpus.articles_file, inst.count_line or inst.line, ERROR, "article-count", message)
