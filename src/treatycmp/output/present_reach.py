"""Turn reach results into :class:`~treatycmp.output.views.Report` objects: the latest counts, the
timeline of the snapshots with a bar per snapshot, the lists of States, and the States bound by
several instruments.

Each snapshot is built once, as the record its JSON holds (:mod:`.rows`); the tables show those
records. Every count carries its date and source; a count the source does not state is shown '—'
(null in JSON), never 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.reach import InstrumentReach, Reach, StatesAnswer
from ..models import COUNT_LABELS, COUNTS, Listed, Snapshot, StateList
from .rows import Record, Show, Spec, field, public, section
from .views import BAR, ID, NUMBER, SOURCE, Column, Figure, Report, View

if TYPE_CHECKING:
    from ..names.states import State

UNKNOWN = "—"
BAR_PARTS = ("parties", "signatories", "invited")
"""The counts a bar stacks: observer States are signatories or invited States, so they are not drawn
again."""


def _count(name: str) -> Show:
    return lambda r: UNKNOWN if r[name] is None else str(r[name])


def _bar(r: Record) -> tuple[tuple[str, int], ...]:
    return tuple((part, r[part] or 0) for part in BAR_PARTS)


def _of(r: Record) -> str:
    """How many States the list is of: as stated, else all it names when it is complete."""
    states = r["states"]
    if states["of"] is not None:
        return str(states["of"])
    return str(states["known"]) if states["complete"] else UNKNOWN


HEAD: Spec = (
    (Column("instrument", "Instrument", ID), field("instrument")),
    (Column("date", "Date", ID), field("_when")),
)
COUNTS_SPEC: Spec = tuple((Column(c, c.capitalize(), NUMBER), _count(c)) for c in COUNTS)
SOURCE_SPEC: Spec = ((Column("source", "Source", SOURCE), field("_source")),)
LATEST_SPEC: Spec = (*HEAD, *COUNTS_SPEC, *SOURCE_SPEC)
TIMELINE_SPEC: Spec = (*HEAD, *COUNTS_SPEC, (Column("chart", "", BAR, 2, 16), _bar), *SOURCE_SPEC)
LIST_SPEC: Spec = (
    *HEAD,
    (Column("list", "List", ID), lambda r: "complete" if r["states"]["complete"] else "partial"),
    (Column("known", "States named", NUMBER), lambda r: str(r["states"]["known"])),
    (Column("of", "of", NUMBER), _of),
    (
        Column("named_parties", "Parties named", NUMBER),
        lambda r: str(sum(1 for e in r["states"]["list"] if e["status"] == "party")),
    ),
    *SOURCE_SPEC,
)


def counts_text(r: Record) -> str:
    """'78 Parties, 2 signatories, 15 invited to accede' (only the counts the source states)."""
    return ", ".join(f"{r[c]} {COUNT_LABELS[c]}" for c in COUNTS if r[c] is not None)


def source_text(snap: Snapshot) -> str:
    """The source as one line, with its note."""
    return f"{snap.source}" + (f" — {snap.source.note}" if snap.source.note else "")


def reach_report(result: Reach) -> Report:
    """The latest counts of each instrument, the timeline of its snapshots, and the lists of
    States."""
    names = ", ".join(r.instrument.short for r in result.instruments)
    data = [instrument_data(r) for r in result.instruments]
    timeline = [{"instrument": i["id"], **s} for i in data for s in i["snapshots"]]
    no_count = {**{c: None for c in COUNTS}, "_when": UNKNOWN, "_source": "no count in the data"}
    latest = [{"instrument": i["id"], **(i["latest"] or no_count)} for i in data]
    sections = (
        section("Latest counts", LATEST_SPEC, latest),
        section("Timeline", TIMELINE_SPEC, timeline, "no snapshot in the data"),
        section(
            "Lists of States",
            LIST_SPEC,
            [r for r in timeline if r["states"]],
            "no source in the data lists States",
        ),
    )
    facts = tuple(
        (
            i["id"],
            f"{counts_text(i['latest'])} ({i['latest']['_when']})"
            if i["latest"]
            else "no count in the data",
        )
        for i in data
    )
    figures = tuple(_figure(i) for i in data if i["latest"])
    footer = (
        "Dates marked 'or later': the source prints no date; the date of its latest entry "
        "is a lower bound."
    )
    view = View(
        f"Reach of {names}",
        sections,
        facts,
        marks=("reach",) if timeline else (),
        figures=figures,
        footer=footer,
    )
    return Report("reach", view, {"instruments": public(data)})


def _figure(inst: Record) -> Figure:
    snap = inst["latest"]
    counts = tuple(
        (str(snap[c]), COUNT_LABELS[c][0].upper() + COUNT_LABELS[c][1:])
        for c in COUNTS
        if snap[c] is not None
    )
    return Figure(
        f"{inst['_short']}: reach", counts, f"Status {snap['_when']}", f"Source: {snap['_source']}"
    )


def instrument_data(r: InstrumentReach) -> Record:
    """The stable JSON form of one instrument's reach (with its short name for slides)."""
    latest = r.latest
    return {
        "id": r.instrument.id,
        "name": r.instrument.name,
        "latest": snapshot_data(latest) if latest else None,
        "snapshots": [snapshot_data(s) for s in r.timeline],
        "_short": r.instrument.short,
    }


def snapshot_data(snap: Snapshot) -> Record:
    """The stable JSON form of a snapshot: counts (null when the source does not state them), date,
    source, list; with the date and source as tables show them."""
    return {
        "date": snap.date,
        "lower_bound": snap.lower_bound,
        **{c: snap.stated(c) for c in COUNTS},
        "source": snap.source._asdict(),
        "note": snap.note,
        "states": _list_data(snap.states) if snap.states else None,
        "_when": snap.when,
        "_source": source_text(snap),
    }


def _list_data(states: StateList) -> Record:
    known = states.known if states.known is not None else len(states.entries)
    return {
        "complete": states.complete,
        "known": known,
        "of": states.of,
        "list": [_entry_data(e) for e in states.entries],
    }


def _entry_data(entry: Listed) -> Record:
    from ..names.states import registry

    state = registry().find(entry.state)
    return {
        "state": entry.state,
        "alpha2": state.alpha2 if state else None,
        "alpha3": state.alpha3 if state else None,
        "name": state.name if state else None,
        "status": entry.status,
        "signed": entry.signed,
        "bound": entry.bound,
        "how": entry.how,
    }


def states_report(answer: StatesAnswer) -> Report:
    """The States bound by all, any, or only one of the instruments; or which lists keep that from
    being computed."""
    ids = [r.instrument.id for r in answer.reach.instruments]
    title = f"States bound by {' and '.join(ids)}"
    listed = [
        (r.instrument.id, snapshot_data(r.latest_list) if r.latest_list else None)
        for r in answer.reach.instruments
    ]
    lists = section(
        "Lists used", LIST_SPEC, [{"instrument": i, **s} for i, s in listed if s and s["states"]]
    )
    data: Record = {
        "computed": answer.computed,
        "instruments": ids,
        "lists": [_used(i, s) for i, s in listed],
    }
    if not answer.computed:
        facts = (
            ("computed", "nothing: the States can be compared only from complete lists"),
            *((g.instrument.id, str(g).partition(": ")[2]) for g in answer.gaps),
        )
        data = {**data, "gaps": [str(g) for g in answer.gaps]}
        return Report("reach", View(title, (lists,), facts), {k: data[k] for k in _GAP_KEYS})
    spec: Spec = (
        (Column("state", "State", ratio=2), field("name")),
        (Column("code", "ISO", ID), field("alpha3")),
        *((Column(i, f"{i}: bound", ID), _bound_cell(i)) for i in ids),
    )
    groups = [
        (key, name, [_state_data(s, answer) for s in states])
        for key, (name, states) in zip(_keys(ids), _groups(answer, ids))
    ]
    sections = tuple(section(f"{name} ({len(rows)})", spec, rows) for _, name, rows in groups)
    facts = tuple((name, str(len(rows))) for _, name, rows in groups)
    data.update({key: public(rows) for key, _, rows in groups})
    return Report("reach", View(title, (*sections, lists), facts), data)


_GAP_KEYS = ("computed", "instruments", "gaps", "lists")
"""The keys of the JSON when the States cannot be compared, in their order."""


def _groups(answer: StatesAnswer, ids: list[str]) -> list[tuple[str, tuple[State, ...]]]:
    if len(ids) == 1:
        return [(f"Bound by {ids[0]}", answer.in_any())]
    both = "both" if len(ids) == 2 else "all"
    either = "either" if len(ids) == 2 else "any"
    return [
        (f"Bound by {both}", answer.in_all()),
        (f"Bound by {either}", answer.in_any()),
        *((f"Bound by {i} only", answer.only_in(n)) for n, i in enumerate(ids)),
    ]


def _keys(ids: list[str]) -> list[str]:
    return ["bound"] if len(ids) == 1 else ["all", "any", *(f"only_{i}" for i in ids)]


def _bound_cell(inst_id: str) -> Show:
    """The date the State is bound by *inst_id* ('bound' when the list gives none, '' if not)."""
    return lambda r: (r["bound"][inst_id] or "bound") if inst_id in r["_in"] else ""


def _state_data(state: State, answer: StatesAnswer) -> Record:
    ids = [r.instrument.id for r in answer.reach.instruments]
    lists = list(zip(ids, answer.bound))
    bound = {i: (b[state.alpha2].on if state.alpha2 in b else None) for i, b in lists}
    return {
        "name": state.name,
        "alpha2": state.alpha2,
        "alpha3": state.alpha3,
        "bound": bound,
        "_in": [i for i, b in lists if state.alpha2 in b],
    }


def _used(inst_id: str, snap: Record | None) -> Record:
    """The list an instrument's States are read from, in short (``list`` null when it has none)."""
    if snap is None or snap["states"] is None:
        return {"instrument": inst_id, "list": None}
    states = snap["states"]
    return {
        "instrument": inst_id,
        "date": snap["date"],
        "lower_bound": snap["lower_bound"],
        "complete": states["complete"],
        "known": states["known"],
        "of": states["of"],
        "source": snap["source"],
    }
