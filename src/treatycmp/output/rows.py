"""The row model: a command builds its rows once, as records keyed as its JSON is, and each column
shows a record through a small function, so the table cells, the CSV and the JSON all come from the
same rows; the counts and marks of a view are read from the same records.

A record may hold keys starting with '_': what a table shows that the stable JSON does not carry
(the number of articles an instrument lists, say). :func:`public` leaves them out of the JSON.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Sequence

from ..models import Basis
from .views import (
    DRAFT,
    REVIEWED,
    UNMAPPED_MARK,
    Column,
    Ref,
    Section,
    basis_word,
    marked,
    status_word,
)

Record = dict[str, Any]
Show = Callable[[Record], object]
Spec = tuple[tuple[Column, Show], ...]
"""Each column with how it shows a record."""


def section(
    title: str,
    spec: Spec,
    records: Iterable[Record],
    empty: str = "(none)",
    exports_only: bool = False,
) -> Section:
    """The table of *records*, one row each, one cell per column of *spec*."""
    rows = tuple(cells(spec, r) for r in records)
    return Section(title, tuple(c for c, _ in spec), rows, empty, exports_only)


def cells(spec: Spec, record: Record) -> tuple[object, ...]:
    """What each column of *spec* shows of *record*."""
    return tuple(show(record) for _, show in spec)


def public(data: Any) -> Any:
    """*data* without the keys only tables read (those starting with '_'), at any depth."""
    if isinstance(data, list):
        return [public(d) for d in data]
    if isinstance(data, dict):
        return {k: public(v) for k, v in data.items() if not str(k).startswith("_")}
    return data


def field(key: str) -> Show:
    """The value of *key*, '' when it is None."""
    return lambda r: "" if r[key] is None else r[key]


def text(key: str) -> Show:
    """The value of *key* as text (numbers as digits)."""
    return lambda r: str(r[key])


def joined(key: str, sep: str = ", ") -> Show:
    """The list under *key* as one text."""
    return lambda r: sep.join(r[key])


def ref(key: str, paragraphs: str) -> Show:
    """The article id under *key* with the pinpoint under *paragraphs* ('' when there is none)."""
    return lambda r: Ref(r[key], r[paragraphs]) if r[key] else ""


def titled(key: str = "title", verified: str = "verified") -> Show:
    """The title under *key*, marked † when *verified* is false ('' when there is none)."""
    return lambda r: "" if r[key] is None else marked(r[key], r[verified])


def status(r: Record) -> str:
    """The status cell: the status word, or '—' for a row that is not declared (status null)."""
    return "—" if r["status"] is None else status_word(r["status"])


def basis(r: Record) -> str:
    return basis_word(r["basis"])


def flagged(key: str) -> Show:
    """The text under *key*, marked ⚠ on a row that is neither linked nor declared absent."""
    return lambda r: r[key] if r.get("declared", True) else f"{UNMAPPED_MARK} {r[key]}"


def evidence(side: int) -> Show:
    """What was read on one side (0: this side, 1: the other), '' when the row says nothing."""

    def show(r: Record) -> object:
        read = r["evidence"]
        if not read:
            return ""
        return list(read.values() if isinstance(read, dict) else read)[side]

    return show


PROVENANCE: Spec = (
    (Column("evidence_from", "Evidence (this side)", in_tables=False), evidence(0)),
    (Column("evidence_to", "Evidence (other side)", in_tables=False), evidence(1)),
    (Column("reviewed", "Reviewed", in_tables=False), field("reviewed")),
)
"""What was read on each side and when: kept in CSV, left out of tables (JSON: ``evidence``)."""


def counted(values: Iterable[str]) -> dict[str, int]:
    """How often each value occurs, in the order they first occur."""
    return dict(Counter(values))


def _declared(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if r.get("declared", True)]


def status_counts(records: Sequence[Record]) -> str:
    """'80 rows: 13 reviewed, 62 draft, 5 not mapped' (parts that are zero left out)."""
    declared = _declared(records)
    reviewed = sum(1 for r in declared if r["status"] == REVIEWED)
    parts = [
        (reviewed, REVIEWED),
        (len(declared) - reviewed, DRAFT),
        (len(records) - len(declared), "not mapped"),
    ]
    said = ", ".join(f"{n} {what}" for n, what in parts if n)
    return f"{len(records)} row{'s' if len(records) != 1 else ''}" + (f": {said}" if said else "")


def basis_counts(records: Sequence[Record]) -> str:
    """'20 official-texts, 31 one-official-text, 4 analysis' over the declared rows (parts that are
    zero left out)."""
    counts = Counter(r["basis"] or "no basis" for r in _declared(records))
    keys = (*(b.value for b in Basis), "no basis")
    said = ", ".join(f"{counts[k]} {k}" for k in keys if counts[k])
    return said or "no declared rows"


def status_marks(records: Sequence[Record]) -> tuple[str, ...]:
    """The marks (keys of :data:`~.views.MARK_LEGEND`) rows may show: draft, each basis, and ⚠ for
    rows neither linked nor declared absent."""
    declared = _declared(records)
    marks: tuple[str, ...] = (DRAFT,) if any(r["status"] != REVIEWED for r in declared) else ()
    bases = {r["basis"] for r in declared}
    marks += tuple(f"basis:{b.value}" for b in Basis if b.value in bases)
    return marks + (("unmapped",) if len(declared) < len(records) else ())


def title_marks(verified: Iterable[bool | None]) -> tuple[str, ...]:
    """('unconfirmed',) when any title shown is not confirmed (None: no article)."""
    return ("unconfirmed",) if any(v is False for v in verified) else ()
