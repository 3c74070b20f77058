"""The strict-cycle search of the chains rule: its quick proof that there is no cycle agrees with
the full search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from treatycmp.checks.chains import _components, _has_strict_cycle, steps
from treatycmp.models import Link, Relation

ARTICLES = [f"a:{n}" for n in range(1, 7)]
links = st.lists(
    st.builds(
        Link, st.sampled_from(ARTICLES), st.sampled_from(ARTICLES), st.sampled_from(list(Relation))
    ),
    max_size=14,
)


def cycle_by_components(found: list[Link]) -> bool:
    """The full search: a strongly connected set of articles that holds a strict step."""
    component = _components(found)
    return any(
        strict and component[low] == component[high]
        for link in found
        for low, high, strict in steps(link)
    )


@settings(max_examples=400, deadline=None)
@given(links)
def test_the_quick_proof_agrees_with_the_strongly_connected_sets(found: list[Link]) -> None:
    assert _has_strict_cycle(found) == cycle_by_components(found)


def test_equal_links_merge_articles_before_the_strict_steps_are_sorted() -> None:
    chain = [
        Link("a:1", "a:2", Relation.EQUAL),
        Link("a:2", "a:3", Relation.SUBSET),
        Link("a:3", "a:4", Relation.EQUAL),
    ]
    assert not _has_strict_cycle(chain)
    assert _has_strict_cycle([*chain, Link("a:1", "a:4", Relation.SUPERSET)])
    assert _has_strict_cycle([*chain, Link("a:4", "a:1", Relation.EQUAL)])
    assert not _has_strict_cycle([*chain, Link("a:4", "a:1", Relation.INTERSECTS)])


def test_a_long_run_of_equal_links_is_one_set() -> None:
    run = [Link(f"a:{n}", f"a:{n + 1}", Relation.EQUAL) for n in range(1, 6)]
    assert not _has_strict_cycle(run)
    assert _has_strict_cycle([*run, Link("a:1", "a:6", Relation.SUBSET)])
    assert _has_strict_cycle(
        [*run, Link("a:1", "a:4", Relation.SUBSET), Link("a:2", "a:6", Relation.SUBSET)]
    )
