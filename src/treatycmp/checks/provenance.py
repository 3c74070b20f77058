"""Provenance: every link and absence says where it comes from (a document and locator, or
``analysis``); every article says where its title was checked. A warning, an error with ``--strict``.

Failing example::

    links:
      - {from: budapest:2, to: un:7, relation: equal}
      # warning missing-source: link budapest:2 → un:7 has no source (a document and locator, or 'analysis')
"""

from __future__ import annotations

from typing import Iterator

from ..findings import WARNING, Finding, make
from ..models import Corpus


def check(corpus: Corpus) -> Iterator[Finding]:
    hint = "(a document and locator, or 'analysis')"
    for link in corpus.links:
        if not link.source:
            message = f"link {link.from_id} → {link.to_id} has no source {hint}"
            yield make(corpus.mapping_file, link.line, WARNING, "missing-source", message, link.from_id)
    for absence in corpus.absences:
        if not absence.source:
            message = f"absence of {absence.article} in {absence.absent_in} has no source {hint}"
            yield make(corpus.mapping_file, absence.line, WARNING, "missing-source", message, absence.article)
    for inst in corpus.instruments:
        for art in inst.articles:
            if not art.source and not inst.sources:
                message = f"article {art.id} has no source for its title"
                yield make(corpus.articles_file, art.line, WARNING, "missing-source", message, art.id)
