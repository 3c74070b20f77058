"""Provenance: every link and absence says where it comes from (a document and locator, or
`analysis`), what it rests on (`basis`) and what was read for it (`evidence`); every article says
where its title was checked (or its instrument lists its sources).

### missing-source

A link, absence or article without a `source`; reported at the entry. A warning (an error with
`--strict`): the relation may be right, but no one can check it.

```yaml
# failing
links:
  - {from: "a:1", to: "c:1", relation: equal}
# passing
links:
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
```

### missing-basis

A link or absence without a `basis` (`official-texts`, `one-official-text`, `published`,
`analysis`), or without `evidence` saying what was read on each side. A warning (an error with
`--strict`): a reader cannot tell how far the row can be trusted.

```yaml
# failing: no basis, no evidence
links:
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
# passing
links:
  - from: "a:1"
    to: "c:1"
    relation: equal
    source: analysis
    basis: analysis
    evidence: {from: "summary of a:1 only", to: "summary of c:1 only"}
```

### reviewed-without-texts

A row marked `status: reviewed` whose `basis` is not `official-texts`. An error: "reviewed" promises
that both official texts were compared, and the row says they were not.

```yaml
# failing
  - {from: "a:1", to: "c:1", relation: equal, source: analysis, status: reviewed, basis:
    one-official-text}
# passing
  - {from: "a:1", to: "c:1", relation: equal, source: analysis, status: draft, basis:
    one-official-text}
```

### published-without-source

A row whose `basis` is `published` but whose `source` is empty or `analysis`. An error: `published`
means a cited comparison states the relation, so the row must name it.

```yaml
# failing
  - {from: "a:1", to: "c:1", relation: equal, source: analysis, basis: published}
# passing
  - {from: "a:1", to: "c:1", relation: equal, source: "Comparison X, slide 7", basis: published}
```
"""

from __future__ import annotations

from typing import Iterator, Union

from ..findings import ERROR, WARNING, Finding, make, place
from ..models import Absence, Basis, Corpus, Link, Status

CODES = {
    "missing-source": WARNING,
    "missing-basis": WARNING,
    "reviewed-without-texts": ERROR,
    "published-without-source": ERROR,
}
"""Every code this rule reports, with its severity."""

HINT = "(a document and locator, or 'analysis')"
BASIS_HINT = "(one of: " + ", ".join(b.value for b in Basis) + ")"

Row = Union[Link, Absence]


def check(corpus: Corpus) -> Iterator[Finding]:
    """Links, absences and articles without a source; rows whose basis is missing or does not
    fit."""
    rows: list[Row] = [*corpus.links, *corpus.absences]
    for row in rows:
        problems = _problems(row)
        if problems:  # named and placed only then: most rows have none
            name, article = _name(row)
            where = corpus.file_of(row), place(row.pos, row.line)
            for severity, code, message in problems:
                yield make(*where, severity, code, f"{name} {message}", article=article)
    for inst in corpus.instruments:
        for art in inst.articles:
            if not art.source and not inst.sources:
                message = f"article {art.id} has no source for its title"
                yield make(
                    corpus.file_of(art),
                    place(art.pos, art.line),
                    WARNING,
                    "missing-source",
                    message,
                    article=art.id,
                )


def _problems(row: Row) -> list[tuple[str, str, str]]:
    """(severity, code, message after the row's name) of each problem of *row*."""
    found = []
    if not row.source:
        found.append((WARNING, "missing-source", f"has no source {HINT}"))
    if row.basis is None:
        found.append((WARNING, "missing-basis", f"has no basis {BASIS_HINT}"))
    elif not row.evidence or not all(row.evidence):
        found.append((WARNING, "missing-basis", "has no evidence of what was read on each side"))
    if row.status is Status.REVIEWED and row.basis is not Basis.OFFICIAL_TEXTS:
        basis = row.basis.value if row.basis else "none"
        message = (
            f"is marked reviewed but its basis is {basis}; reviewed needs basis official-texts"
        )
        found.append((ERROR, "reviewed-without-texts", message))
    if row.basis is Basis.PUBLISHED and row.source.lower() in ("", "analysis"):
        message = "has basis published but cites no published comparison in its source"
        found.append((ERROR, "published-without-source", message))
    return found


def _name(row: Row) -> tuple[str, str]:
    if isinstance(row, Link):
        return f"link {row.from_id} → {row.to_id}", row.from_id
    return f"absence of {row.article} in {row.absent_in}", row.article
