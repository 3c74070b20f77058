"""Provenance: every link and absence says where it comes from (a document and locator, or `analysis`), and
every article says where its title was checked (or its instrument lists its sources).

### missing-source

A link, absence or article without a `source`; reported at the entry. A warning (an error with `--strict`):
the relation may be right, but no one can check it.

```yaml
# failing
links:
  - {from: "a:1", to: "c:1", relation: equal}
# passing
links:
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import WARNING, Finding, make, place
from ..models import Corpus

CODES = {"missing-source": WARNING}
"""Every code this rule reports, with its severity."""

HINT = "(a document and locator, or 'analysis')"


def check(corpus: Corpus) -> Iterator[Finding]:
    """Links, absences and articles without a source."""
    for link in corpus.links:
        if not link.source:
            message = f"link {link.from_id} → {link.to_id} has no source {HINT}"
            yield make(corpus.file_of(link), place(link.pos, link.line), WARNING, "missing-source", message, link.from_id)
    for absence in corpus.absences:
        if not absence.source:
            message = f"absence of {absence.article} in {absence.absent_in} has no source {HINT}"
            yield make(corpus.file_of(absence), place(absence.pos, absence.line), WARNING, "missing-source", message, absence.article)
    for inst in corpus.instruments:
        for art in inst.articles:
            if not art.source and not inst.sources:
                message = f"article {art.id} has no source for its title"
                yield make(corpus.file_of(art), place(art.pos, art.line), WARNING, "missing-source", message, art.id)
