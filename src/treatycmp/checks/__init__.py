"""The rules that ``treatycmp check`` runs over a loaded corpus.

Each rule is a small module with a ``check(corpus)`` generator of findings; its docstring says what it
catches with a failing example. Blocking rules (identity, integrity) also run on every load, because
no comparison can be trusted past them.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, NamedTuple

from ..findings import ERROR, WARNING, Finding
from ..models import Corpus
from . import completeness, consistency, identity, integrity, provenance


class Rule(NamedTuple):
    """A named rule and whether a load must stop on its errors."""

    name: str
    check: Callable[[Corpus], Iterable[Finding]]
    blocking: bool


RULES: tuple[Rule, ...] = (
    Rule("identity", identity.check, True),
    Rule("integrity", integrity.check, True),
    Rule("completeness", completeness.check, False),
    Rule("consistency", consistency.check, False),
    Rule("provenance", provenance.check, False),
)


def run_rules(corpus: Corpus, *, blocking_only: bool = False) -> Iterator[Finding]:
    """Run every rule (or only the blocking ones) over *corpus*."""
    for rule in RULES:
        if rule.blocking or not blocking_only:
            yield from rule.check(corpus)


def apply_strict(findings: Iterable[Finding]) -> list[Finding]:
    """Turn warnings into errors, as ``--strict`` asks."""
    return [f._replace(severity=ERROR) if f.severity == WARNING else f for f in findings]
