"""Consistency: links, absences and comparisons that contradict themselves or each other.

### self-link

A link from an article to itself; reported at `to`. An error: it says nothing and covers nothing.

```yaml
# failing
  - {from: "c:2", to: "c:2", relation: equal, source: analysis}
# passing
  - {from: "a:2", to: "c:2", relation: equal, source: analysis}
```

### same-instrument-link

A link between two articles of the same instrument; reported at `to`. An error: links relate
instruments to each other; within one treaty they would show as a counterpart "elsewhere" and count
towards no comparison.

```yaml
# failing
  - {from: "a:1", to: "a:2", relation: intersects, note: "both", source: analysis}
# passing
  - {from: "a:1", to: "c:2", relation: intersects, note: "both", source: analysis}
```

### duplicate-link

A second link between the same two articles, in either direction; reported at the second link. An
error: the two relations can disagree, and counts would include the pair twice.

```yaml
# failing: the same pair as 'a:1 → c:1', read backwards
  - {from: "c:1", to: "a:1", relation: equal, source: analysis}
# passing: one link answers for both directions
  - {from: "a:1", to: "c:1", relation: equal, source: analysis}
```

### missing-note

A link that is not `equal` without a `note` saying what differs; reported at the link. An error: the
note is what a reader of `diff` needs.

```yaml
# failing
  - {from: "a:2", to: "c:2", relation: subset, source: analysis}
# passing
  - {from: "a:2", to: "c:2", relation: subset, note: "narrower", source: analysis}
```

### linked-and-absent

An article declared absent in an instrument or group while linked to an article of it; reported at
`absent_in`, naming the links (sorted by number). An error: one of the two statements is wrong.

```yaml
# failing: a:1 is linked to c:1 above
  - {article: "a:1", absent_in: c, reason: "x", source: analysis}
# passing
  - {article: "a:3", absent_in: c, reason: "x", source: analysis}
```

### absent-in-own

An absence whose `absent_in` is the article's own instrument, or a group that holds it; reported at
`absent_in`. An error: an article cannot lack a counterpart in its own treaty.

```yaml
# failing: grp holds a
  - {article: "a:3", absent_in: grp, reason: "nothing", source: analysis}
# passing
  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}
```

### duplicate-absence

The same absence (article and `absent_in`) declared twice; reported at the second. An error, like
every entry declared twice: the second is redundant or a mistyped different entry.

```yaml
# failing
  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}
  - {article: "a:3", absent_in: c, reason: "again", source: analysis}
# passing
  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}
```

### missing-reason

An absence without a `reason`; reported at the absence. A warning (an error with `--strict`): the
absence is still counted, but `gaps` has nothing to show for it.

```yaml
# failing
  - {article: "a:3", absent_in: c, source: analysis}
# passing
  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}
```

### self-comparison

A comparison of an instrument or group with itself, or with a group that holds it; reported at `to`.
An error: it would demand that every article be linked to its own treaty.

```yaml
# failing
comparisons:
  - {from: grp, to: a}
# passing
comparisons:
  - {from: a, to: c}
```

### duplicate-comparison

The same comparison (`from` and `to`) declared twice; reported at the second. An error, like every
entry declared twice: the second is redundant or a mistyped different comparison (often the reverse
one).

```yaml
# failing
comparisons:
  - {from: a, to: c}
  - {from: a, to: c}
# passing
comparisons:
  - {from: a, to: c}
  - {from: c, to: a}
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import ERROR, WARNING, Finding, make, place, sorted_ids
from ..models import Corpus, Link, Relation

CODES = {
    "self-link": ERROR,
    "same-instrument-link": ERROR,
    "duplicate-link": ERROR,
    "missing-note": ERROR,
    "linked-and-absent": ERROR,
    "absent-in-own": ERROR,
    "duplicate-absence": ERROR,
    "missing-reason": WARNING,
    "self-comparison": ERROR,
    "duplicate-comparison": ERROR,
}
"""Every code this rule reports, with its severity."""


def check(corpus: Corpus) -> Iterator[Finding]:
    """Links, then absences, then comparisons."""
    yield from _links(corpus)
    yield from _linked_and_absent(corpus)
    yield from _absences(corpus)
    yield from _comparisons(corpus)


def _links(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[frozenset[str], Link] = {}  # each pair of ends: the link that first joined them
    equal = Relation.EQUAL
    for link in corpus.links:
        first = seen.setdefault(frozenset((link.from_id, link.to_id)), link)
        if first is not link or link.from_id.partition(":")[0] == link.to_id.partition(":")[0]:
            yield _one_link(corpus, link, first)
        if link.relation is not equal and not link.note:
            message = (
                f"link {link.from_id} → {link.to_id} is {link.relation.value!r} but has no note "
                "saying what differs"
            )
            yield make(
                corpus.file_of(link),
                place(link.pos, link.line),
                ERROR,
                "missing-note",
                message,
                article=link.from_id,
            )


def _one_link(corpus: Corpus, link: Link, first: Link) -> Finding:
    """A self-link, a link within one instrument, or a repeat of the pair that *first* joined."""
    label, file = f"link {link.from_id} → {link.to_id}", corpus.file_of(link)
    own = link.from_id.partition(":")[0]
    if link.from_id == link.to_id:
        return make(
            file,
            place(link.to_pos, link.line),
            ERROR,
            "self-link",
            f"{label} links an article to itself",
            article=link.from_id,
        )
    if own == link.to_id.partition(":")[0]:
        message = f"{label} links two articles of the same instrument {own!r}"
        return make(
            file,
            place(link.to_pos, link.line),
            ERROR,
            "same-instrument-link",
            message,
            article=link.from_id,
        )
    message = f"{label} is already stored {_where((corpus.file_of(first), first.line), file)}"
    return make(
        file, place(link.pos, link.line), ERROR, "duplicate-link", message, article=link.from_id
    )


def _linked_and_absent(corpus: Corpus) -> Iterator[Finding]:
    for absence in corpus.absences:
        targets = set(corpus.members(absence.absent_in))
        linked = [
            l.to_id
            for l in corpus.links_of(absence.article)
            if l.to_id.partition(":")[0] in targets
        ]
        if linked:
            listed = ", ".join(sorted_ids(set(linked)))
            message = (
                f"{absence.article} is declared absent in {absence.absent_in} but linked to "
                f"{listed}"
            )
            where = place(absence.absent_in_pos, absence.line)
            yield make(
                corpus.file_of(absence),
                where,
                ERROR,
                "linked-and-absent",
                message,
                article=absence.article,
            )


def _absences(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for absence in corpus.absences:
        file = corpus.file_of(absence)
        label, key = (
            f"absence of {absence.article} in {absence.absent_in}",
            (absence.article, absence.absent_in),
        )
        own = absence.article.partition(":")[0]
        if own in corpus.members(absence.absent_in):
            holds = (
                "is the article's own instrument"
                if own == absence.absent_in
                else f"holds its instrument {own!r}"
            )
            where = place(absence.absent_in_pos, absence.line)
            yield make(
                file,
                where,
                ERROR,
                "absent-in-own",
                f"{label}: {absence.absent_in!r} {holds}",
                article=absence.article,
            )
        if key in seen:
            message = f"{label} is already declared {_where(seen[key], file)}"
            yield make(
                file,
                place(absence.pos, absence.line),
                ERROR,
                "duplicate-absence",
                message,
                article=absence.article,
            )
        seen.setdefault(key, (file, absence.line))
        if not absence.reason:
            message = f"{label} has no reason"
            yield make(
                file,
                place(absence.pos, absence.line),
                WARNING,
                "missing-reason",
                message,
                article=absence.article,
            )


def _comparisons(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for comp in corpus.comparisons:
        label, key = f"comparison {comp.from_id} → {comp.to_id}", (comp.from_id, comp.to_id)
        shared = [m for m in corpus.members(comp.from_id) if m in corpus.members(comp.to_id)]
        if shared:
            message = f"{label} compares {', '.join(shared)} with itself"
            yield make(
                corpus.file_of(comp),
                place(comp.to_pos, comp.line),
                ERROR,
                "self-comparison",
                message,
            )
        if key in seen:
            message = f"{label} is already declared {_where(seen[key], corpus.file_of(comp))}"
            yield make(
                corpus.file_of(comp),
                place(comp.pos, comp.line),
                ERROR,
                "duplicate-comparison",
                message,
            )
        seen.setdefault(key, (corpus.file_of(comp), comp.line))


def _where(first: tuple[str, int], file: str) -> str:
    """Where an entry was first declared: 'at line 5', or 'in data/mapping.yaml at line 5' from
    another file."""
    first_file, line = first
    return f"at line {line}" if first_file == file else f"in {first_file} at line {line}"
