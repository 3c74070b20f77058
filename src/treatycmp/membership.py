"""Typed records of ``reach.yaml``: dated snapshots of who is bound by each instrument, each with its source.

A snapshot holds the counts its source states (Parties, signatories not yet Parties, States invited to accede,
observer States; a count the source does not state is None) and, where the source lists them, the States with
their signature and ratification or accession dates: a list that is complete, or partial with how many of how
many States it names.
"""

from __future__ import annotations

from typing import NamedTuple

PARTY = "party"
SIGNATORY = "signatory"
STATUSES = (PARTY, SIGNATORY)
"""What a listed State is at the date of the snapshot: bound (a Party), or a signatory not yet bound."""
HOW = ("ratification", "acceptance", "approval", "accession", "succession")
"""How a State became bound."""
COUNTS = ("parties", "signatories", "invited", "observers")
"""The counts a snapshot may state, in the order every view shows them."""
COUNT_LABELS = {"parties": "Parties", "signatories": "signatories", "invited": "invited to accede",
                "observers": "observer States"}

Pos = tuple[int, int]


class Source(NamedTuple):
    """Where a snapshot comes from: a document, a locator in it and/or its address, and a note on how it was read."""

    document: str
    locator: str = ""
    url: str = ""
    note: str = ""

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.locator, self.url) if x)
        return f"{self.document} ({where})" if where else self.document


class Listed(NamedTuple):
    """One State (or regional organisation) named by a list, with its dates as the source gives them."""

    state: str
    """As written in the data: a name, or an ISO 3166-1 alpha-2 or alpha-3 code."""
    status: str
    signed: str | None = None
    bound: str | None = None
    how: str | None = None
    written: str = ""
    """The name as the source prints it, when the data identifies the State otherwise (a code, a translation)."""
    pos: Pos = (0, 0)
    state_pos: Pos = (0, 0)
    signed_pos: Pos = (0, 0)
    bound_pos: Pos = (0, 0)


class StateList(NamedTuple):
    """The States a source lists: complete, or partial with how many it names (*known*) of how many (*of*)."""

    complete: bool
    entries: tuple[Listed, ...]
    known: int | None = None
    of: int | None = None
    pos: Pos = (0, 0)
    complete_pos: Pos = (0, 0)
    known_pos: Pos = (0, 0)
    of_pos: Pos = (0, 0)

    def named(self, status: str) -> int:
        """How many entries have *status*."""
        return sum(1 for e in self.entries if e.status == status)


class Snapshot(NamedTuple):
    """What one source says of one instrument's reach at one date."""

    instrument: str
    date: str
    """ISO 8601: YYYY-MM-DD, or YYYY-MM when the source gives only the month."""
    source: Source
    parties: int | None = None
    signatories: int | None = None
    invited: int | None = None
    observers: int | None = None
    lower_bound: bool = False
    """True when the source prints no date: *date* is that of its latest entry, and the snapshot is of that day or later."""
    note: str = ""
    states: StateList | None = None
    line: int = 0
    pos: Pos = (0, 0)
    instrument_pos: Pos = (0, 0)
    date_pos: Pos = (0, 0)
    count_pos: tuple[tuple[str, Pos], ...] = ()
    file: str = ""

    def stated(self, name: str) -> int | None:
        """The count *name* (one of :data:`COUNTS`), or None when the source does not state it."""
        value: int | None = getattr(self, name)
        return value

    @property
    def has_counts(self) -> bool:
        return any(self.stated(c) is not None for c in COUNTS)

    @property
    def when(self) -> str:
        """The date as shown: '2025-11-14 or later' for a lower bound."""
        return f"{self.date} or later" if self.lower_bound else self.date

    def pos_of_count(self, name: str) -> Pos:
        return dict(self.count_pos).get(name, self.pos)
