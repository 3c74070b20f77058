"""Near spellings: the one fuzzy matcher behind "did you mean", article search and note search.

rapidfuzz is imported on first use: a command that never compares spellings never pays for it.
"""

from __future__ import annotations

from typing import Iterable

DEFAULT_CUTOFF = 70.0
"""Least similarity (0-100, rapidfuzz ``fuzz.ratio``) of a suggestion, unless it is a single edit
away."""


def close_matches(
    word: str, choices: Iterable[str], *, limit: int = 3, cutoff: float = DEFAULT_CUTOFF
) -> tuple[str, ...]:
    """The *choices* spelled most like *word* (similarity >= *cutoff*, or one edit away), best
    first, at most *limit*."""
    # The one-edit rule lets short names find their neighbours: 'p3' -> 'p2' has a similarity of
    # only 50.
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    unique = list(dict.fromkeys(choices))
    if not word or not unique or limit <= 0:
        return ()
    scored = {
        i: score
        for _, score, i in process.extract(
            word, unique, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
    }
    if len(word) >= 2:
        for _, _, i in process.extract(
            word, unique, scorer=Levenshtein.distance, score_cutoff=1, limit=None
        ):
            scored.setdefault(i, fuzz.ratio(word, unique[i]))
    ranked = sorted(scored, key=lambda i: (-scored[i], i))
    return tuple(unique[i] for i in ranked[:limit])


def similar(word: str, choices: Iterable[str], cutoff: float) -> dict[str, float]:
    """Every choice whose similarity to *word* (rapidfuzz ``fuzz.ratio``, 0-100) is at least
    *cutoff*."""
    from rapidfuzz import fuzz, process

    return {
        w: s
        for w, s, _ in process.extract_iter(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    }


def resembles(word: str, other: str, cutoff: float) -> bool:
    """True when *other* is spelled like *word*: similarity (``fuzz.ratio``) at least *cutoff*."""
    from rapidfuzz import fuzz

    return fuzz.ratio(word, other) >= cutoff
