"""treatycmp: compare international cybercrime treaties article by article.

The core is a small Python API for notebooks::

    import treatycmp as tc
    corpus = tc.load()                                  # the shipped data (or tc.load("my/data"))
    d = tc.diff(corpus, "budapest", "un")               # rows: links, then gaps, then B-only
    tc.gaps(corpus, "p2", "un")                         # articles with no counterpart, with reasons
    tc.find(corpus, "transborder acess", within="bc")   # fuzzy look-up, best first
    tc.article(corpus, "Art. 32 BC")                    # citations as people write them

Nothing heavy is imported until first use. No public name is also a module name, so a name keeps
meaning the function after any submodule is imported."""

from __future__ import annotations

from ._version import __version__

TYPE_CHECKING = (
    False  # not imported from typing: start-up (and Ctrl-C during it) stays as short as it can be
)

if TYPE_CHECKING:
    from .api import (
        article,
        check,
        counterparts,
        coverage,
        diff,
        find,
        find_notes,
        gaps,
        lineage,
        load,
        note,
        notes,
        reach,
        reach_states,
        scope,
        show,
        topic,
        topics,
        verify,
    )

# fmt: off
__all__ = [
    "__version__", "load", "diff", "gaps", "find", "article", "counterparts", "coverage", "lineage",
    "show", "scope", "notes", "note", "find_notes", "topics", "topic", "reach", "reach_states",
    "check", "verify",
]
# fmt: on


def __getattr__(name: str) -> object:
    if name in __all__[1:]:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'treatycmp' has no attribute {name!r}")
