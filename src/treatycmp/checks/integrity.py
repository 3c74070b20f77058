"""Integrity: every link, absence, comparison and group names things that exist.

Failing example (``mapping.yaml``)::

    links:
      - {from: budapest:2, to: un:77, relation: equal}
      # error unknown-article: link 'to' names unknown article 'un:77' (un has articles 1–68)
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..findings import ERROR, Finding, make
from ..models import Corpus


def check(corpus: Corpus) -> Iterator[Finding]:
    scopes = {i.id for i in corpus.instruments} | {g.id for g in corpus.groups}
    for group in corpus.groups:
        for member in group.members:
            if member not in {i.id for i in corpus.instruments}:
                yield _unknown(corpus.articles_file, group.line, "group member", member, scopes)
    for link in corpus.links:
        for end, ref in (("from", link.from_id), ("to", link.to_id)):
            if not corpus.has_article(ref):
                yield _unknown_article(corpus, link.line, f"link {end!r}", ref)
    for absence in corpus.absences:
        if not corpus.has_article(absence.article):
            yield _unknown_article(corpus, absence.line, "absence 'article'", absence.article)
        if absence.absent_in not in scopes:
            yield _unknown(corpus.mapping_file, absence.line, "absence 'absent_in'", absence.absent_in, scopes)
    for comparison in corpus.comparisons:
        for ref in (comparison.from_id, comparison.to_id):
            if ref not in scopes:
                yield _unknown(corpus.mapping_file, comparison.line, "comparison", ref, scopes)


def _unknown(file: str, line: int, what: str, name: str, known: set[str]) -> Finding:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return make(file, line, ERROR, "unknown-name", f"{what} names unknown instrument or group {name!r}{hint}")


def _unknown_article(corpus: Corpus, line: int, what: str, ref: str) -> Finding:
    inst_id, _, num = ref.partition(":")
    ids = {i.id: i for i in corpus.instruments}
    if inst_id not in ids:
        close = difflib.get_close_matches(inst_id, sorted(ids), n=1)
        hint = f"; did you mean '{close[0]}:{num}'?" if close else ""
        return make(corpus.mapping_file, line, ERROR, "unknown-article", f"{what} names unknown instrument in {ref!r}{hint}", ref)
    arts = ids[inst_id].articles
    span = f" ({inst_id} has articles {arts[0].num}–{arts[-1].num})" if arts else ""
    return make(corpus.mapping_file, line, ERROR, "unknown-article", f"{what} names unknown article {ref!r}{span}", ref)
