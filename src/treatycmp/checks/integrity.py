"""Integrity: every link, absence, comparison and group names things that exist.

### unknown-name

A group member, an absence's `absent_in` or a comparison end that names no instrument (or group),
with a "did you mean" when one is close; reported at the name. A group member that is itself a group
is reported as such: groups do not nest, so name its instruments instead. An error, and blocking.

```yaml
# failing
absences:
  - {article: "a:3", absent_in: cc, reason: "nothing", source: analysis}
# passing
absences:
  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}
```

### unknown-article

A link end or an absence's `article` that names no article; reported at that value, with the range
of the instrument's articles or a "did you mean" for the instrument. An error, and blocking.

```yaml
# failing
links:
  - {from: "a:1", to: "c:9", relation: equal, source: analysis}
# passing
links:
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import ERROR, Finding, Pos, make, place, sorted_ids
from ..models import Corpus
from ..names.fuzzy import close_matches

CODES = {"unknown-name": ERROR, "unknown-article": ERROR}
"""Every code this rule reports, with its severity."""


def check(corpus: Corpus) -> Iterator[Finding]:
    """Unknown group members, link ends, absence articles and targets, comparison ends."""
    scopes = {i.id for i in corpus.instruments} | {g.id for g in corpus.groups}
    yield from _group_members(corpus)
    yield from _link_ends(corpus)
    yield from _absences(corpus, scopes)
    yield from _comparison_ends(corpus, scopes)


def _group_members(corpus: Corpus) -> Iterator[Finding]:
    instruments = {i.id for i in corpus.instruments}
    groups = {g.id: g for g in corpus.groups}
    for group in corpus.groups:
        for i, member in enumerate(group.members):
            if member not in instruments:
                pos = place(
                    group.member_pos[i] if i < len(group.member_pos) else (0, 0), group.line
                )
                if member in groups:
                    message = (
                        f"group member {member!r} is a group, and groups do not nest: name its "
                        f"instruments "
                        f"({', '.join(groups[member].members)}) instead"
                    )
                    yield make(corpus.file_of(group), pos, ERROR, "unknown-name", message)
                else:
                    yield _unknown(corpus.file_of(group), pos, "group member", member, instruments)


def _link_ends(corpus: Corpus) -> Iterator[Finding]:
    known = corpus.has_article
    for link in corpus.links:
        if known(link.from_id) and known(link.to_id):
            continue
        for end, ref, pos in (
            ("from", link.from_id, link.from_pos),
            ("to", link.to_id, link.to_pos),
        ):
            if not known(ref):
                yield _unknown_article(
                    corpus, corpus.file_of(link), place(pos, link.line), f"link {end!r}", ref
                )


def _absences(corpus: Corpus, scopes: set[str]) -> Iterator[Finding]:
    for absence in corpus.absences:
        if not corpus.has_article(absence.article):
            yield _unknown_article(
                corpus,
                corpus.file_of(absence),
                place(absence.article_pos, absence.line),
                "absence 'article'",
                absence.article,
            )
        if absence.absent_in not in scopes:
            where = place(absence.absent_in_pos, absence.line)
            yield _unknown(
                corpus.file_of(absence), where, "absence 'absent_in'", absence.absent_in, scopes
            )


def _comparison_ends(corpus: Corpus, scopes: set[str]) -> Iterator[Finding]:
    for comparison in corpus.comparisons:
        for ref, pos in (
            (comparison.from_id, comparison.from_pos),
            (comparison.to_id, comparison.to_pos),
        ):
            if ref not in scopes:
                yield _unknown(
                    corpus.file_of(comparison),
                    place(pos, comparison.line),
                    "comparison",
                    ref,
                    scopes,
                )


def _unknown(file: str, where: Pos, what: str, name: str, known: set[str]) -> Finding:
    close = close_matches(name, sorted(known - {name}), limit=1)  # never the very name that failed
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return make(
        file,
        where,
        ERROR,
        "unknown-name",
        f"{what} names unknown instrument or group {name!r}{hint}",
    )


def _unknown_article(corpus: Corpus, file: str, where: Pos, what: str, ref: str) -> Finding:
    inst_id, _, num = ref.partition(":")
    ids = {i.id: i for i in corpus.instruments}
    if inst_id not in ids:
        close = close_matches(inst_id, sorted(ids), limit=1)
        hint = f"; did you mean '{close[0]}:{num}'?" if close else ""
        message = f"{what} names unknown instrument in {ref!r}{hint}"
        return make(file, where, ERROR, "unknown-article", message, article=ref)
    nums = sorted_ids(a.id for a in ids[inst_id].articles)
    span = (
        f" ({inst_id} has articles {nums[0].partition(':')[2]}–{nums[-1].partition(':')[2]})"
        if nums
        else ""
    )
    return make(
        file,
        where,
        ERROR,
        "unknown-article",
        f"{what} names unknown article {ref!r}{span}",
        article=ref,
    )
