"""Completeness: every article of a declared comparison's source is linked or declared absent, and
every instrument has the number of articles it declares.

### unmapped-article

An article of a comparison's `from` side with no link to the `to` side and no absence naming it (or
a group holding it); reported at the comparison, one finding per article, sorted by number. An
error: the comparison would silently leave the article out of `diff`, `gaps` and `coverage`. A
comparison declared twice is checked once, and one that compares an instrument with itself is not
checked (see `self-comparison`).

```yaml
# failing: a:3 is neither linked to c nor declared absent in c
comparisons:
  - {from: a, to: c}
absences: []
# passing
comparisons:
  - {from: a, to: c}
absences:
  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}
```

### article-count

An instrument that lists another number of articles than its `article_count`; reported at the count.
An error: an article is missing, repeated, or dropped because an earlier finding made it unreadable.

```yaml
# failing: instrument c lists two articles
    article_count: 5
# passing
    article_count: 2
```
"""

from __future__ import annotations

from typing import Iterator

from ..engine.compare import absence_in, articles_of
from ..findings import ERROR, Finding, Pos, make, place
from ..models import Comparison, Corpus, scope_of

CODES = {"unmapped-article": ERROR, "article-count": ERROR}
"""Every code this rule reports, with its severity."""


def check(corpus: Corpus) -> Iterator[Finding]:
    """Article counts, then every declared comparison between known scopes."""
    yield from _counts(corpus)
    for comparison in _checkable(corpus):
        where = place(comparison.pos, comparison.line)
        yield from _uncovered(
            corpus, comparison.from_id, comparison.to_id, where, corpus.file_of(comparison)
        )


def _checkable(corpus: Corpus) -> Iterator[Comparison]:
    """Each declared comparison once, between known scopes that share no instrument."""
    # the others are reported by integrity and consistency; checking them would only repeat the
    # consequence
    known = {i.id for i in corpus.instruments} | {g.id for g in corpus.groups}
    seen: set[tuple[str, str]] = set()
    for comp in corpus.comparisons:
        key = (comp.from_id, comp.to_id)
        shared = set(corpus.members(comp.from_id)) & set(corpus.members(comp.to_id))
        if comp.from_id in known and comp.to_id in known and not shared and key not in seen:
            yield comp
        seen.add(key)


def _uncovered(corpus: Corpus, a_id: str, b_id: str, where: Pos, file: str) -> Iterator[Finding]:
    a, b = scope_of(corpus, a_id), scope_of(corpus, b_id)
    members = set(b.members)
    for art in articles_of(corpus, a):
        linked = any(l.to_id.partition(":")[0] in members for l in corpus.links_of(art.id))
        if not linked and absence_in(corpus, art.id, b) is None:
            message = (
                f"{art.id} {art.title!r} has no link to {b_id} and no absence declared "
                f"(comparison {a_id} → {b_id})"
            )
            yield make(file, where, ERROR, "unmapped-article", message, article=art.id)


def _counts(corpus: Corpus) -> Iterator[Finding]:
    for inst in corpus.instruments:
        if inst.article_count >= 0 and len(inst.articles) != inst.article_count:
            message = (
                f"instrument {inst.id!r} declares {inst.article_count} articles but lists "
                f"{len(inst.articles)}"
            )
            where = place(inst.count_pos, inst.count_line or inst.line)
            yield make(corpus.file_of(inst), where, ERROR, "article-count", message)
