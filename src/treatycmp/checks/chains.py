"""Chains: relations that contradict each other when read together.

### relation-cycle

A chain of links that makes an article strictly narrower than itself, such as `a:1 ⊂ c:1`, `c:1 =
b:1`, `b:1 ⊂ a:1`. Each link is read in both directions (`subset` one way is `superset` the other)
and `equal` counts as both ⊂ and ⊃; `intersects` takes no part. A cycle of such steps with at least
one strict (`subset` or `superset`) step is impossible. Reported at the relation of the link that
closes the cycle (the last one in the file), naming the whole chain; the links after it are read as
if that link were not there, so one wrong link gives one finding. An error: at least one relation of
the chain is wrong.

```yaml
# failing: a:1 ⊂ c:1 = b:1 ⊂ a:1
links:
  - {from: "a:1", to: "c:1", relation: subset, note: "narrower", source: analysis}
  - {from: "c:1", to: "b:1", relation: equal, source: analysis}
  - {from: "a:1", to: "b:1", relation: superset, note: "wider", source: analysis}
# passing: a:1 ⊂ c:1 = b:1, and a:1 ⊂ b:1
links:
  - {from: "a:1", to: "c:1", relation: subset, note: "narrower", source: analysis}
  - {from: "c:1", to: "b:1", relation: equal, source: analysis}
  - {from: "a:1", to: "b:1", relation: subset, note: "narrower", source: analysis}
```
"""

from __future__ import annotations

from collections import deque
from typing import Iterator, Sequence

from ..findings import ERROR, Finding, make, place
from ..models import Corpus, Link, Relation

CODES = {"relation-cycle": ERROR}
"""Every code this rule reports, with its severity."""


Step = tuple[str, str, bool]
"""One inclusion read from a link: (low, high, strict) for low ⊆ high, strictly when strict."""
Graph = dict[str, list[Step]]


def steps(link: Link) -> tuple[Step, ...]:
    """The inclusions a link states, in the direction low ⊆ high."""
    relation = link.relation
    if relation is Relation.SUBSET:
        return ((link.from_id, link.to_id, True),)
    if relation is Relation.SUPERSET:
        return ((link.to_id, link.from_id, True),)
    if relation is Relation.EQUAL:
        return ((link.from_id, link.to_id, False), (link.to_id, link.from_id, False))
    return ()


def check(corpus: Corpus) -> Iterator[Finding]:
    """The links, in file order, that close a cycle of inclusions with a strict step."""
    graph: Graph = {}
    for link in _in_strict_cycles(corpus.links):
        chain = next((c for c in (_back_path(graph, s) for s in steps(link)) if c), None)
        if chain is None:
            for step in steps(link):
                graph.setdefault(step[0], []).append(step)
            continue
        message = (
            f"relation cycle {_render(chain)}: {chain[0][0]} would be strictly narrower than itself"
        )
        yield make(
            corpus.file_of(link),
            place(link.relation_pos, link.line),
            ERROR,
            "relation-cycle",
            message,
            article=link.from_id,
        )


def _back_path(graph: Graph, first: Step) -> list[Step]:
    """*first* followed by a path back to its start, with a strict step among them; [] when there is
    none."""
    low, high, strict = first
    start, goal = (high, strict), (low, True)
    parent: dict[tuple[str, bool], tuple[tuple[str, bool], Step] | None] = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if state == goal:
            return [first, *_unwind(parent, state)]
        for step in graph.get(state[0], ()):
            nxt = (step[1], state[1] or step[2])
            if nxt not in parent:
                parent[nxt] = (state, step)
                queue.append(nxt)
    return []


def _unwind(
    parent: dict[tuple[str, bool], tuple[tuple[str, bool], Step] | None], state: tuple[str, bool]
) -> list[Step]:
    path: list[Step] = []
    entry = parent[state]
    while entry is not None:
        state, step = entry
        path.append(step)
        entry = parent[state]
    return path[::-1]


def _render(chain: list[Step]) -> str:
    """'a:1 ⊂ c:1 = b:1 ⊂ a:1'."""
    return " ".join(
        [chain[0][0], *(f"{'⊂' if strict else '='} {high}" for _, high, strict in chain)]
    )


def _in_strict_cycles(links: Sequence[Link]) -> list[Link]:
    """The links, in file order, with a step inside a strongly connected set of articles that holds
    a strict step."""
    if not _has_strict_cycle(links):
        return []
    component = _components(links)
    bad = {
        component[low]
        for link in links
        for low, high, strict in steps(link)
        if strict and component[low] == component[high]
    }
    if not bad:
        return []
    return [
        link
        for link in links
        if any(
            component[low] in bad and component[low] == component[high]
            for low, high, _ in steps(link)
        )
    ]


# One pass over up to every link of a large data set, kept in one function (a call per link costs
# time).
def _has_strict_cycle(links: Sequence[Link]) -> bool:  # noqa: C901
    """Whether any cycle of steps holds a strict one, proved quickly for the usual case of none:
    articles joined by `equal` are merged (union-find), and the strict steps between merged sets
    must then sort topologically (Kahn)."""
    merged: dict[str, str] = {}

    def root(article: str) -> str:
        while (up := merged.get(article, article)) != article:
            merged[article] = top = merged.get(up, up)  # path halving
            article = top
        return article

    equal, subset, superset = Relation.EQUAL, Relation.SUBSET, Relation.SUPERSET
    for link in links:
        if link.relation is equal:
            low, high = link.from_id, link.to_id
            if low in merged:
                low = root(low)
            if high in merged:
                high = root(high)
            if low != high:
                merged[low] = high
    after: dict[str, list[str]] = {}  # low ⊂ high, between merged sets
    waiting: dict[str, int] = {}  # per merged set: the strict steps into it not yet sorted
    for link in links:  # a second pass, once every equal set is merged
        relation = link.relation
        if relation is subset:
            low, high = link.from_id, link.to_id
        elif relation is superset:
            low, high = link.to_id, link.from_id
        else:
            continue
        if low in merged or high in merged:
            low, high = root(low), root(high)
        if low == high:
            return True
        later = after.get(low)
        if later is None:
            after[low] = [high]
        else:
            later.append(high)
        waiting[high] = waiting.get(high, 0) + 1
    ready = [node for node in after if node not in waiting]
    while ready:
        for nxt in after.get(ready.pop(), ()):
            waiting[nxt] -= 1
            if not waiting[nxt]:
                ready.append(nxt)
    return any(waiting.values())


def _components(links: Sequence[Link]) -> dict[str, str]:
    """Each article's strongly connected component, named by one of its articles (Kosaraju, no
    recursion)."""
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    for link in links:
        for low, high, _ in steps(link):
            forward.setdefault(low, []).append(high)
            backward.setdefault(high, []).append(low)
            forward.setdefault(high, [])
    component: dict[str, str] = {}
    for root in reversed(_finish_order(forward)):
        if root in component:
            continue
        component[root], stack = root, [root]
        while stack:
            for prev in backward.get(stack.pop(), ()):
                if prev not in component:
                    component[prev] = root
                    stack.append(prev)
    return component


def _finish_order(graph: dict[str, list[str]]) -> list[str]:
    """The nodes of *graph* in the order a depth-first search finishes them."""
    order: list[str] = []
    seen: set[str] = set()
    for start in graph:
        if start in seen:
            continue
        seen.add(start)
        stack = [(start, iter(graph[start]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                order.append(node)
            elif child not in seen:
                seen.add(child)
                stack.append((child, iter(graph[child])))
    return order
