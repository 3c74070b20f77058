"""Who is bound by what: each instrument's latest counts and the timeline of its snapshots, and the
States bound by several instruments, computed from complete lists only.

A count is never inferred: the latest counts of an instrument are those of its latest snapshot that
states any, with that snapshot's date and source, and a count that snapshot does not state stays
unknown. The States bound by both, either or only one of several instruments are computed from the
latest list of each; when one of those lists is partial (or missing), nothing is computed and the
answer says which list is partial and how much of it is known."""

from __future__ import annotations

from typing import NamedTuple

from ..errors import DataError, UnknownName
from ..models import PARTY, Corpus, Instrument, Snapshot
from ..names.states import State


class InstrumentReach(NamedTuple):
    """One instrument's snapshots in date order, and the latest that states counts."""

    instrument: Instrument
    timeline: tuple[Snapshot, ...]

    @property
    def latest(self) -> Snapshot | None:
        """The latest snapshot that states any count (None when no snapshot does)."""
        counted = [s for s in self.timeline if s.has_counts]
        return counted[-1] if counted else None

    @property
    def latest_list(self) -> Snapshot | None:
        """The latest snapshot that lists States (None when none does)."""
        listed = [s for s in self.timeline if s.states is not None]
        return listed[-1] if listed else None


class Reach(NamedTuple):
    """The reach of the instruments asked for, in the order asked."""

    instruments: tuple[InstrumentReach, ...]


class Bound(NamedTuple):
    """A State bound by an instrument, on the date its list gives (None when the list gives
    none)."""

    state: State
    on: str | None


class Gap(NamedTuple):
    """Why the States of one instrument cannot be compared: its latest list is partial, or there is
    none."""

    instrument: Instrument
    snapshot: Snapshot | None

    def __str__(self) -> str:
        snap = self.snapshot
        if snap is None or snap.states is None:
            return f"{self.instrument.id}: no source in the data lists its States"
        states = snap.states
        known = states.known if states.known is not None else len(states.entries)
        of = (
            f"{known} of {states.of} States named"
            if states.of is not None
            else f"{known} States named, of a total the source does not state"
        )
        parties = (
            f"; {states.named(PARTY)} of {snap.parties} Parties" if snap.parties is not None else ""
        )
        return f"{self.instrument.id}: its latest list ({snap.when}) is partial: {of}{parties}"


class StatesAnswer(NamedTuple):
    """The States bound by each instrument (from complete lists), or the gaps that keep them from
    being compared."""

    reach: Reach
    gaps: tuple[Gap, ...]
    bound: tuple[dict[str, Bound], ...] = ()
    """For each instrument, in order: its Parties by alpha-2 code (empty when anything is a gap)."""

    @property
    def computed(self) -> bool:
        return not self.gaps

    def in_all(self) -> tuple[State, ...]:
        """States bound by every instrument."""
        codes = set.intersection(*(set(b) for b in self.bound)) if self.bound else set()
        return self._states(codes)

    def in_any(self) -> tuple[State, ...]:
        """States bound by at least one instrument."""
        return self._states(set().union(*(set(b) for b in self.bound)))

    def only_in(self, index: int) -> tuple[State, ...]:
        """States bound by instrument *index* and by no other."""
        others = set().union(*(set(b) for i, b in enumerate(self.bound) if i != index))
        return self._states(set(self.bound[index]) - others)

    def _states(self, codes: set[str]) -> tuple[State, ...]:
        found = {
            code: b.state for bound in self.bound for code, b in bound.items() if code in codes
        }
        return tuple(sorted(found.values(), key=lambda s: s.name))


def reach(corpus: Corpus, instruments: tuple[Instrument, ...]) -> Reach:
    """The snapshots of each of *instruments*, in date order."""
    return Reach(tuple(InstrumentReach(inst, timeline(corpus, inst.id)) for inst in instruments))


def timeline(corpus: Corpus, instrument_id: str) -> tuple[Snapshot, ...]:
    """The snapshots of *instrument_id*, oldest first."""
    return tuple(
        sorted((s for s in corpus.reach if s.instrument == instrument_id), key=lambda s: s.date)
    )


def with_reach(corpus: Corpus) -> tuple[Instrument, ...]:
    """The instruments that have any snapshot, in the order of the data."""
    ids = {s.instrument for s in corpus.reach}
    return tuple(i for i in corpus.instruments if i.id in ids)


def states(result: Reach) -> StatesAnswer:
    """The Parties of each instrument from its latest list, when every such list is complete."""
    gaps = tuple(
        Gap(r.instrument, r.latest_list)
        for r in result.instruments
        if r.latest_list is None
        or r.latest_list.states is None
        or not r.latest_list.states.complete
    )
    if gaps:
        return StatesAnswer(result, gaps)
    return StatesAnswer(
        result, (), tuple(parties(r.latest_list) for r in result.instruments if r.latest_list)
    )


def parties(snap: Snapshot) -> dict[str, Bound]:
    """The Parties a list names, by alpha-2 code; an unknown State is a :class:`DataError` at its
    place."""
    from ..names.states import registry

    bound: dict[str, Bound] = {}
    for entry in snap.states.entries if snap.states else ():
        try:
            state = registry().resolve(entry.state)
        except UnknownName as exc:
            raise DataError(snap.file, entry.state_pos[0], str(exc), entry.state_pos[1]) from None
        if entry.status == PARTY:
            bound[state.alpha2] = Bound(state, entry.bound)
    return bound
