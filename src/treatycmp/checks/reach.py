"""Reach: every snapshot of `reach.yaml` names a known instrument, once a date; every listed State
is a State of ISO 3166-1, once a list; a list's counts agree with what it names, and its dates with
the snapshot's.

### unknown-instrument

A snapshot of an instrument that the data does not define; reported at the instrument, with near
names. An error: `treatycmp reach` would never show it.

```yaml
# failing: reach.yaml
snapshots:
  - {instrument: aa, date: "2024-06-20", parties: 3, source: {document: "News", url:
    "https://example.org"}}
# passing
snapshots:
  - {instrument: a, date: "2024-06-20", parties: 3, source: {document: "News", url:
    "https://example.org"}}
```

### duplicate-snapshot

Two snapshots of one instrument on the same date (in one file, or in two layered folders); reported
at the second date. An error: the latest count would depend on the order of the files. Put what both
sources say in one snapshot.

```yaml
# failing: reach.yaml
snapshots:
  - {instrument: a, date: "2024-06", parties: 3, source: {document: "Slides", locator: "slide 2"}}
  - {instrument: a, date: "2024-06", parties: 4, source: {document: "News", url:
    "https://example.org"}}
# passing
snapshots:
  - {instrument: a, date: "2024-06", parties: 3, source: {document: "Slides", locator: "slide 2"}}
  - {instrument: a, date: "2024-07-01", parties: 4, source: {document: "News", url:
    "https://example.org"}}
```

### unknown-state

A listed name or code that is no State of ISO 3166-1 (nor a regional organisation such as the
European Union); reported at the name, with near spellings. An error: the State could not be
compared across lists. Names resolve through pycountry, in any of their ISO forms and the
depositaries' word orders ("Korea, Republic of", "Republic of Korea"), and a few well-known short
forms ("Turkey" for Türkiye).

```yaml
# failing
      list:
        - {state: "Turkei", status: party}
# passing
      list:
        - {state: "Turkey", status: party}
```

### duplicate-state

A State listed twice in one list, however it is spelt ("Türkiye" and "Turkey", "TR" and "TUR");
reported at the second. An error: the list would count it twice.

```yaml
# failing
      list:
        - {state: "Türkiye", status: party}
        - {state: "Turkey", status: party}
# passing
      list:
        - {state: "Türkiye", status: party}
```

### list-count

A list whose counts disagree: `known` is not the number of States it names, a partial list has no
`known`, `of` is smaller than `known` or is not the snapshot's Parties and signatories together, or
a complete list names more or fewer Parties or signatories than the snapshot counts. Reported at the
count. An error: a partial list must say how much of the whole it is, and a complete one must be the
whole.

```yaml
# failing: the snapshot counts 2 Parties, its complete list names 1
    parties: 2
    states:
      complete: true
      list:
        - {state: "Japan", status: party}
# passing
    parties: 2
    states:
      complete: true
      list:
        - {state: "Japan", status: party}
        - {state: "Serbia", status: party}
```

### date-after-snapshot

A signature or ratification date later than the date of its snapshot; reported at that date. An
error: the list would say a State was bound before it was.

```yaml
# failing
  - instrument: a
    date: "2023-12-10"
    states:
      list:
        - {state: "Japan", status: party, bound: "2024-08-10"}
# passing
  - instrument: a
    date: "2024-12-10"
    states:
      list:
        - {state: "Japan", status: party, bound: "2024-08-10"}
```

### signatory-bound

A State listed as a signatory with a ratification or accession date, or as a Party with a signature
later than its ratification; reported at the date. An error: the two facts contradict each other.

```yaml
# failing
        - {state: "Hungary", status: signatory, signed: "2023-06-28", bound: "2024-02-05"}
# passing
        - {state: "Hungary", status: party, signed: "2023-06-28", bound: "2024-02-05"}
```

### lower-bound

A snapshot marked `lower_bound: true` (its source prints no date, so the date is that of the latest
entry it lists) whose source has no `note` saying so, or whose date is not the latest date of its
list; reported at the date. An error: the reader must be told the date is a lower bound, and which
entry sets it.

```yaml
# failing
    date: "2025-11-14"
    lower_bound: true
    source: {document: "Treaty database", url: "https://example.org/224"}
# passing
    date: "2025-11-14"
    lower_bound: true
    source: {document: "Treaty database", url: "https://example.org/224",
             note: "No date is printed; 2025-11-14 is the latest signature listed, a lower bound."}
```
"""

from __future__ import annotations

from typing import Iterator

from ..errors import UnknownName
from ..findings import ERROR, Finding, make
from ..models import PARTY, SIGNATORY, Corpus, Snapshot, StateList

CODES = {
    "unknown-instrument": ERROR,
    "duplicate-snapshot": ERROR,
    "unknown-state": ERROR,
    "duplicate-state": ERROR,
    "list-count": ERROR,
    "date-after-snapshot": ERROR,
    "signatory-bound": ERROR,
    "lower-bound": ERROR,
}
"""Every code this rule reports, with its severity."""


def check(corpus: Corpus) -> Iterator[Finding]:
    """Instruments and dates of the snapshots, then each list: its States, counts and dates."""
    if not corpus.reach:
        return
    yield from _snapshots(corpus)
    for snap in corpus.reach:
        if snap.states is not None:
            yield from _states(snap, snap.states)
            yield from _counts(snap, snap.states)
            yield from _dates(snap, snap.states)
        yield from _lower_bound(snap)


def _error(snap: Snapshot, where: tuple[int, int], code: str, message: str) -> Finding:
    return make(snap.file, where, ERROR, code, message)


def _snapshots(corpus: Corpus) -> Iterator[Finding]:
    known = [i.id for i in corpus.instruments]
    seen: dict[tuple[str, str], Snapshot] = {}
    for snap in corpus.reach:
        if snap.instrument not in known:
            from ..names.fuzzy import close_matches

            near = close_matches(snap.instrument, known)
            hint = (
                f"; did you mean {' or '.join(repr(n) for n in near)}?"
                if near
                else f" (known: {', '.join(known)})"
            )
            yield _error(
                snap,
                snap.instrument_pos,
                "unknown-instrument",
                f"snapshot of unknown instrument {snap.instrument!r}{hint}",
            )
        first = seen.setdefault((snap.instrument, snap.date), snap)
        if first is not snap:
            yield _error(
                snap,
                snap.date_pos,
                "duplicate-snapshot",
                f"a second snapshot of {snap.instrument} on {snap.date} (first at "
                f"{first.file}:{first.line}); "
                "put what both sources say in one",
            )


def _states(snap: Snapshot, states: StateList) -> Iterator[Finding]:
    from ..names.states import registry

    found: dict[str, str] = {}
    for entry in states.entries:
        try:
            state = registry().resolve(entry.state)
        except UnknownName as exc:
            yield _error(
                snap,
                entry.state_pos,
                "unknown-state",
                f"{exc} in the list of {snap.instrument} of {snap.date}",
            )
            continue
        if state.alpha2 in found:
            yield _error(
                snap,
                entry.state_pos,
                "duplicate-state",
                f"{entry.state!r} is {state}, already listed as {found[state.alpha2]!r}",
            )
        found.setdefault(state.alpha2, entry.state)


def _counts(snap: Snapshot, states: StateList) -> Iterator[Finding]:
    named = len(states.entries)
    where = f"the list of {snap.instrument} of {snap.date}"
    if states.known is not None and states.known != named:
        yield _error(
            snap,
            states.known_pos,
            "list-count",
            f"{where} says it knows {states.known} States but names {named}",
        )
    if not states.complete and states.known is None:
        yield _error(
            snap,
            states.pos,
            "list-count",
            f"{where} is partial but does not say how many States it names ('known')",
        )
    if states.of is not None and states.known is not None and states.of < states.known:
        yield _error(
            snap,
            states.of_pos,
            "list-count",
            f"{where} knows {states.known} States of only {states.of}",
        )
    whole = (snap.parties or 0) + (snap.signatories or 0)
    if (
        states.of is not None
        and snap.parties is not None
        and snap.signatories is not None
        and states.of != whole
    ):
        yield _error(
            snap,
            states.of_pos,
            "list-count",
            f"{where} is of {states.of} States, but the snapshot counts {snap.parties} Parties and "
            f"{snap.signatories} signatories ({whole})",
        )
    if states.complete:
        for status, count in ((PARTY, snap.parties), (SIGNATORY, snap.signatories)):
            if count is not None and states.named(status) != count:
                yield _error(
                    snap,
                    snap.pos_of_count("parties" if status == PARTY else "signatories"),
                    "list-count",
                    f"the snapshot counts {count} "
                    f"{'Parties' if status == PARTY else 'signatories'} of "
                    f"{snap.instrument}, but its complete list names {states.named(status)}",
                )


def _dates(snap: Snapshot, states: StateList) -> Iterator[Finding]:
    for entry in states.entries:
        for date, pos, what in (
            (entry.signed, entry.signed_pos, "signed"),
            (entry.bound, entry.bound_pos, "bound"),
        ):
            if date and _later(date, snap.date):
                yield _error(
                    snap,
                    pos,
                    "date-after-snapshot",
                    f"{entry.state} {what} on {date}, after the snapshot of {snap.instrument} of "
                    f"{snap.date}",
                )
        if entry.status == SIGNATORY and entry.bound:
            yield _error(
                snap,
                entry.bound_pos,
                "signatory-bound",
                f"{entry.state} is listed as a signatory of {snap.instrument} but bound on "
                f"{entry.bound}",
            )
        if entry.signed and entry.bound and _later(entry.signed, entry.bound):
            yield _error(
                snap,
                entry.signed_pos,
                "signatory-bound",
                f"{entry.state} signed {snap.instrument} on {entry.signed}, after it was bound on "
                f"{entry.bound}",
            )


def _later(date: str, than: str) -> bool:
    """True when *date* is surely later than *than* (a month-only date is any day of its month)."""
    size = min(len(date), len(than))
    return date[:size] > than[:size]


def _lower_bound(snap: Snapshot) -> Iterator[Finding]:
    if not snap.lower_bound:
        return
    if not snap.source.note:
        yield _error(
            snap,
            snap.date_pos,
            "lower-bound",
            f"the snapshot of {snap.instrument} of {snap.date} is a lower bound, but its source "
            f"has no note saying so",
        )
    dates = [
        d for e in (snap.states.entries if snap.states else ()) for d in (e.signed, e.bound) if d
    ]
    if dates and max(dates) != snap.date:
        yield _error(
            snap,
            snap.date_pos,
            "lower-bound",
            f"the snapshot of {snap.instrument} is dated {snap.date}, but the latest date it lists "
            f"is {max(dates)}",
        )
