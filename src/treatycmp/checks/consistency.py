"""Consistency: no article both linked and declared absent for the same target, no link stored
twice (in either direction), no self-link, and a note on every link that is not ``equal``.

Failing example::

    links:
      - {from: budapest:8, to: un:13, relation: subset, source: analysis}
      # error missing-note: link budapest:8 → un:13 is 'subset' but has no note saying what differs
"""

from __future__ import annotations

from typing import Iterator

from ..findings import ERROR, WARNING, Finding, make
from ..models import Corpus, Relation


def check(corpus: Corpus) -> Iterator[Finding]:
    yield from _links(corpus)
    yield from _linked_and_absent(corpus)
    yield from _absence_reasons(corpus)


def _links(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[frozenset[str], int] = {}
    file = corpus.mapping_file
    for link in corpus.links:
        label = f"link {link.from_id} → {link.to_id}"
        pair = frozenset((link.from_id, link.to_id))
        if link.from_id == link.to_id:
            yield make(file, link.line, ERROR, "self-link", f"{label} links an article to itself", link.from_id)
        elif pair in seen:
            yield make(file, link.line, ERROR, "duplicate-link", f"{label} is already stored at line {seen[pair]}", link.from_id)
        seen.setdefault(pair, link.line)
        if link.relation is not Relation.EQUAL and not link.note:
            message = f"{label} is {link.relation.value!r} but has no note saying what differs"
            yield make(file, link.line, ERROR, "missing-note", message, link.from_id)


def _linked_and_absent(corpus: Corpus) -> Iterator[Finding]:
    for absence in corpus.absences:
        targets = set(corpus.members(absence.absent_in))
        linked = [l.to_id for l in corpus.links_of(absence.article) if l.to_id.partition(":")[0] in targets]
        if linked:
            message = f"{absence.article} is declared absent in {absence.absent_in} but linked to {', '.join(linked)}"
            yield make(corpus.mapping_file, absence.line, ERROR, "linked-and-absent", message, absence.article)


def _absence_reasons(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[tuple[str, str], int] = {}
    for absence in corpus.absences:
        key = (absence.article, absence.absent_in)
        if key in seen:
            message = f"absence of {absence.article} in {absence.absent_in} is already declared at line {seen[key]}"
            yield make(corpus.mapping_file, absence.line, ERROR, "duplicate-absence", message, absence.article)
        seen.setdefault(key, absence.line)
        if not absence.reason:
            message = f"absence of {absence.article} in {absence.absent_in} has no reason"
            yield make(corpus.mapping_file, absence.line, WARNING, "missing-reason", message, absence.article)
