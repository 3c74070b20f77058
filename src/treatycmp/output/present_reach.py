"""Turn reach results into :class:`~treatycmp.output.views.Report` objects: the latest counts, the timeline of the
snapshots with a bar per snapshot, the lists of States, and the States bound by several instruments.

Every count carries its date and source; a count the source does not state is shown '—' (null in JSON), never 0.
"""

from __future__ import annotations

from ..engine.reach import InstrumentReach, Reach, StatesAnswer
from ..models import COUNT_LABELS, COUNTS, Listed, Snapshot, StateList
from .views import BAR, ID, NUMBER, SOURCE, Column, Figure, Report, Section, View

UNKNOWN = "—"
COUNT_COLUMNS = tuple(Column(c, c.capitalize(), NUMBER) for c in COUNTS)
INSTRUMENT_COLUMN = Column("instrument", "Instrument", ID)
DATE_COLUMN = Column("date", "Date", ID)
SOURCE_COLUMN = Column("source", "Source", SOURCE)
BAR_PARTS = ("parties", "signatories", "invited")
"""The counts a bar stacks: observer States are signatories or invited States, so they are not drawn again."""


def _cell(value: int | None) -> str:
    return UNKNOWN if value is None else str(value)


def _bar(snap: Snapshot) -> tuple[tuple[str, int], ...]:
    return tuple((part, snap.stated(part) or 0) for part in BAR_PARTS)


def counts_text(snap: Snapshot) -> str:
    """'78 Parties, 2 signatories, 15 invited to accede' (only the counts the source states)."""
    return ", ".join(f"{snap.stated(c)} {COUNT_LABELS[c]}" for c in COUNTS if snap.stated(c) is not None)


def source_text(snap: Snapshot) -> str:
    """The source as one line, with its note."""
    return f"{snap.source}" + (f" — {snap.source.note}" if snap.source.note else "")


def reach_report(result: Reach) -> Report:
    """The latest counts of each instrument, the timeline of its snapshots, and the lists of States."""
    names = ", ".join(r.instrument.short for r in result.instruments)
    facts = tuple((r.instrument.id, _latest_fact(r)) for r in result.instruments)
    latest = tuple(_latest_row(r) for r in result.instruments)
    timeline = tuple((r.instrument.id, s.when, *(_cell(s.stated(c)) for c in COUNTS), _bar(s), source_text(s))
                     for r in result.instruments for s in r.timeline)
    lists = tuple(_list_row(r.instrument.id, s, s.states) for r in result.instruments for s in r.timeline if s.states)
    sections = (
        Section("Latest counts", (INSTRUMENT_COLUMN, DATE_COLUMN, *COUNT_COLUMNS, SOURCE_COLUMN), latest),
        Section("Timeline", (INSTRUMENT_COLUMN, DATE_COLUMN, *COUNT_COLUMNS, Column("chart", "", BAR, 2, 16), SOURCE_COLUMN),
                timeline, "no snapshot in the data"),
        Section("Lists of States", LIST_COLUMNS, lists, "no source in the data lists States"),
    )
    figures = tuple(_figure(r) for r in result.instruments if r.latest is not None)
    view = View(f"Reach of {names}", sections, facts, marks=("reach",) if timeline else (), figures=figures,
                footer="Dates marked 'or later': the source prints no date; the date of its latest entry is a lower bound.")
    return Report("reach", view, {"instruments": [instrument_data(r) for r in result.instruments]})


LIST_COLUMNS = (INSTRUMENT_COLUMN, DATE_COLUMN, Column("list", "List", ID), Column("known", "States named", NUMBER),
                Column("of", "of", NUMBER), Column("named_parties", "Parties named", NUMBER), SOURCE_COLUMN)


def _latest_fact(r: InstrumentReach) -> str:
    snap = r.latest
    if snap is None:
        return "no count in the data"
    return f"{counts_text(snap)} ({snap.when})"


def _latest_row(r: InstrumentReach) -> tuple[object, ...]:
    snap = r.latest
    if snap is None:
        return (r.instrument.id, UNKNOWN, *(UNKNOWN for _ in COUNTS), "no count in the data")
    return (r.instrument.id, snap.when, *(_cell(snap.stated(c)) for c in COUNTS), source_text(snap))


def _list_row(inst_id: str, snap: Snapshot, states: StateList) -> tuple[object, ...]:
    known = states.known if states.known is not None else len(states.entries)
    of = str(states.of) if states.of is not None else (str(known) if states.complete else UNKNOWN)
    return (inst_id, snap.when, "complete" if states.complete else "partial", str(known), of,
            str(states.named("party")), source_text(snap))


def _figure(r: InstrumentReach) -> Figure:
    snap = r.latest
    assert snap is not None
    counts = tuple((str(snap.stated(c)), COUNT_LABELS[c][0].upper() + COUNT_LABELS[c][1:])
                   for c in COUNTS if snap.stated(c) is not None)
    return Figure(f"{r.instrument.short}: reach", counts, f"Status {snap.when}", f"Source: {source_text(snap)}")


def instrument_data(r: InstrumentReach) -> dict[str, object]:
    """The stable JSON form of one instrument's reach."""
    latest = r.latest
    return {"id": r.instrument.id, "name": r.instrument.name,
            "latest": snapshot_data(latest) if latest else None,
            "snapshots": [snapshot_data(s) for s in r.timeline]}


def snapshot_data(snap: Snapshot) -> dict[str, object]:
    """The stable JSON form of a snapshot: counts (null when the source does not state them), date, source, list."""
    return {
        "date": snap.date, "lower_bound": snap.lower_bound, **{c: snap.stated(c) for c in COUNTS},
        "source": snap.source._asdict(), "note": snap.note,
        "states": _list_data(snap.states) if snap.states else None,
    }


def _list_data(states: StateList) -> dict[str, object]:
    return {"complete": states.complete, "known": states.known if states.known is not None else len(states.entries),
            "of": states.of, "list": [_entry_data(e) for e in states.entries]}


def _entry_data(entry: Listed) -> dict[str, object]:
    from ..names.states import registry

    state = registry().find(entry.state)
    return {"state": entry.state, "alpha2": state.alpha2 if state else None, "alpha3": state.alpha3 if state else None,
            "name": state.name if state else None, "status": entry.status, "signed": entry.signed,
            "bound": entry.bound, "how": entry.how}


def states_report(answer: StatesAnswer) -> Report:
    """The States bound by all, any, or only one of the instruments; or which lists keep that from being computed."""
    insts = [r.instrument for r in answer.reach.instruments]
    ids = [i.id for i in insts]
    title = f"States bound by {' and '.join(ids)}"
    lists = Section("Lists used", LIST_COLUMNS, tuple(_list_row(r.instrument.id, s, s.states) for r in answer.reach.instruments
                                                      for s in (r.latest_list,) if s and s.states))
    if not answer.computed:
        facts = (("computed", "nothing: the States can be compared only from complete lists"),
                 *((g.instrument.id, str(g).partition(": ")[2]) for g in answer.gaps))
        data = {"computed": False, "instruments": ids, "gaps": [str(g) for g in answer.gaps],
                "lists": [_used(r) for r in answer.reach.instruments]}
        return Report("reach", View(title, (lists,), facts), data)
    columns = (Column("state", "State", ratio=2), Column("code", "ISO", ID), *(Column(i, f"{i}: bound", ID) for i in ids))
    groups = _groups(answer, ids)
    sections = tuple(Section(f"{name} ({len(states)})", columns, tuple(_state_row(s, answer) for s in states))
                     for name, states in groups) + (lists,)
    facts = tuple((name, str(len(states))) for name, states in groups)
    data = {"computed": True, "instruments": ids, "lists": [_used(r) for r in answer.reach.instruments],
            **{key: [_state_data(s, answer) for s in states] for key, (_, states) in zip(_keys(ids), groups)}}
    return Report("reach", View(title, sections, facts), data)


def _groups(answer: StatesAnswer, ids: list[str]) -> list[tuple[str, tuple[object, ...]]]:
    if len(ids) == 1:
        return [(f"Bound by {ids[0]}", answer.in_any())]
    both = "both" if len(ids) == 2 else "all"
    either = "either" if len(ids) == 2 else "any"
    return [(f"Bound by {both}", answer.in_all()), (f"Bound by {either}", answer.in_any()),
            *((f"Bound by {i} only", answer.only_in(n)) for n, i in enumerate(ids))]


def _keys(ids: list[str]) -> list[str]:
    return ["bound"] if len(ids) == 1 else ["all", "any", *(f"only_{i}" for i in ids)]


def _state_row(state: object, answer: StatesAnswer) -> tuple[object, ...]:
    from ..names.states import State

    assert isinstance(state, State)
    dates = tuple((b[state.alpha2].on or "bound") if state.alpha2 in b else "" for b in answer.bound)
    return (state.name, state.alpha3, *dates)


def _state_data(state: object, answer: StatesAnswer) -> dict[str, object]:
    from ..names.states import State

    assert isinstance(state, State)
    ids = [r.instrument.id for r in answer.reach.instruments]
    return {"name": state.name, "alpha2": state.alpha2, "alpha3": state.alpha3,
            "bound": {i: (b[state.alpha2].on if state.alpha2 in b else None) for i, b in zip(ids, answer.bound)}}


def _used(r: InstrumentReach) -> dict[str, object]:
    snap = r.latest_list
    if snap is None or snap.states is None:
        return {"instrument": r.instrument.id, "list": None}
    states = snap.states
    return {"instrument": r.instrument.id, "date": snap.date, "lower_bound": snap.lower_bound, "complete": states.complete,
            "known": states.known if states.known is not None else len(states.entries), "of": states.of,
            "source": snap.source._asdict()}
