"""Schema of ``reach.yaml``: dated snapshots of each instrument's reach, each with its source.

The entries are read like those of the other files (:class:`~treatycmp.loading.schema.Reader`:
unknown and missing fields, types, dates, control characters, positions) and report the same schema
codes. A snapshot's date, and a listed State's signature and ratification dates, are ISO 8601 dates:
``YYYY-MM-DD``, or ``YYYY-MM`` when the source gives only the month. What needs the whole corpus or
the State registry (an unknown instrument or State, a count that a complete list contradicts, a
State listed twice) is left to the ``reach`` rule."""

from __future__ import annotations

import datetime
import re

from ..models import COUNTS, HOW, STATUSES, Listed, Snapshot, Source, StateList
from .schema import ID_RE, Reader, Where, item_pos
from .yamltree import YList, YMap

SNAPSHOT_FIELDS = {
    "instrument": True,
    "date": True,
    "source": True,
    "lower_bound": False,
    "note": False,
    "states": False,
    **dict.fromkeys(COUNTS, False),
}
SOURCE_FIELDS = {"document": True, "locator": False, "url": False, "note": False}
LIST_FIELDS = {"complete": True, "known": False, "of": False, "list": True}
ENTRY_FIELDS = {
    "state": True,
    "status": True,
    "signed": False,
    "bound": False,
    "how": False,
    "written": False,
}
PARTIAL_DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")


def read_snapshot(r: Reader, node: object, where: Where) -> Snapshot | None:
    """A snapshot, or None when its instrument, date or source is unusable."""
    m = r.fields(node, SNAPSHOT_FIELDS, "snapshot", where)
    if m is None:
        return None
    instrument = r.text(m, "instrument", "snapshot")
    if not ID_RE.match(instrument):
        r.error(
            m.value_at("instrument"),
            "malformed-id",
            f"snapshot 'instrument' must be an instrument id, got {instrument!r}",
        )
        return None
    what = f"snapshot of {instrument}"
    date, source = iso_date(r, m, "date", what), _source(r, m, what)
    counts = {c: _count(r, m, c, what) for c in COUNTS}
    if date is None or source is None:
        return None
    return Snapshot(
        instrument=instrument,
        date=date,
        source=source,
        parties=counts["parties"],
        signatories=counts["signatories"],
        invited=counts["invited"],
        observers=counts["observers"],
        lower_bound=r.boolean(m, "lower_bound", what, False),
        note=r.text(m, "note", what),
        states=_states(r, m, f"{what} of {date}"),
        line=m.line,
        pos=item_pos(m),
        instrument_pos=m.value_at("instrument"),
        date_pos=m.value_at("date"),
        count_pos=tuple((c, m.value_at(c)) for c in COUNTS if c in m),
    )


def iso_date(r: Reader, m: YMap, key: str, what: str) -> str | None:
    """An ISO date ``YYYY-MM-DD`` or ``YYYY-MM`` that exists in the calendar, or None; anything else
    is reported."""
    value = r.optional(m, key, what)
    if value is None:
        return None
    match = PARTIAL_DATE_RE.match(value)
    if match is None:
        reason = "is not an ISO date YYYY-MM-DD (or YYYY-MM when the source gives only the month)"
    else:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            datetime.date(year, month, day)
            return value
        except ValueError:
            reason = "is not a date in the calendar"
    r.error(m.value_at(key), "bad-date", f"{what} field {key!r}: {value!r} {reason}")
    return None


def _count(r: Reader, m: YMap, key: str, what: str) -> int | None:
    """A count the source states, or None when the field is absent (or unusable: then reported)."""
    if m.get(key) is None:
        return None
    value = r.integer(m, key, what)
    return value if value >= 0 else None


def _source(r: Reader, m: YMap, what: str) -> Source | None:
    node = m.get("source")
    s = r.fields(node, SOURCE_FIELDS, f"source of the {what}", m.value_at("source"))
    if s is None:
        return None
    source = Source(
        r.text(s, "document", what),
        r.text(s, "locator", what),
        r.text(s, "url", what),
        r.text(s, "note", what),
    )
    if not source.locator and not source.url:
        r.error(item_pos(s), "missing-field", f"source of the {what} has no 'locator' or 'url'")
    return source


def _states(r: Reader, m: YMap, what: str) -> StateList | None:
    node = m.get("states")
    if node is None:
        return None
    s = r.fields(node, LIST_FIELDS, f"states of the {what}", m.value_at("states"))
    if s is None:
        return None
    items = s.get("list")
    if not isinstance(items, YList):
        r.error(
            s.value_at("list"), "wrong-type", f"states of the {what} field 'list' must be a list"
        )
        return None
    entries = tuple(
        e
        for e in (_entry(r, item, pos, what) for item, pos in zip(items, items.item_pos))
        if e is not None
    )
    return StateList(
        complete=r.boolean(s, "complete", what, False),
        entries=entries,
        known=_count(r, s, "known", what),
        of=_count(r, s, "of", what),
        pos=item_pos(s),
        complete_pos=s.value_at("complete"),
        known_pos=s.value_at("known"),
        of_pos=s.value_at("of"),
    )


def _entry(r: Reader, node: object, where: Where, what: str) -> Listed | None:
    m = r.fields(node, ENTRY_FIELDS, f"State listed in the {what}", where)
    if m is None:
        return None
    state = r.text(m, "state", what)
    label = f"State {state!r} listed in the {what}"
    status = r.text(m, "status", label)
    if status not in STATUSES:
        r.error(
            m.value_at("status"),
            "bad-value",
            f"{label}: status {status!r} is not one of: {', '.join(STATUSES)}",
        )
        return None
    how = r.optional(m, "how", label)
    if how is not None and how not in HOW:
        r.error(
            m.value_at("how"), "bad-value", f"{label}: how {how!r} is not one of: {', '.join(HOW)}"
        )
    return Listed(
        state=state,
        status=status,
        signed=iso_date(r, m, "signed", label),
        bound=iso_date(r, m, "bound", label),
        how=how if how in HOW else None,
        written=r.text(m, "written", label),
        pos=item_pos(m),
        state_pos=m.value_at("state"),
        signed_pos=m.value_at("signed"),
        bound_pos=m.value_at("bound"),
    )
