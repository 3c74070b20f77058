"""The rules that ``treatycmp check`` runs over a loaded corpus, in stages.

Each rule is a small module with a ``check(corpus)`` generator of findings and a ``CODES`` table of
the codes it reports with their severity; its docstring documents every code with a failing and a
passing example, and ``docs/rules.md`` is generated from them (``python -m treatycmp.checks.doc
docs/rules.md``).

The schema of the files is stage 0; rule *n* of :data:`RULES` is stage *n*. Findings sort by stage
first, so a root cause is printed before its consequences. Blocking rules (identity, integrity,
commentary) also run on every load, because no comparison can be trusted past them."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Iterable, Iterator, NamedTuple

from ..findings import Finding
from ..models import Corpus


class Rule(NamedTuple):
    """A rule module, by name, and whether a load must stop on its errors."""

    name: str
    blocking: bool

    @property
    def module(self) -> ModuleType:
        """The rule's module, imported when first needed: a load runs only the blocking rules."""
        return importlib.import_module(f"{__name__}.{self.name}")

    def check(self, corpus: Corpus) -> Iterable[Finding]:
        """The findings of this rule over *corpus*."""
        return self.module.check(corpus)  # type: ignore[no-any-return]


RULES: tuple[Rule, ...] = (
    Rule("identity", True),
    Rule("integrity", True),
    Rule("commentary", True),
    Rule("consistency", False),
    Rule("chains", False),
    Rule("completeness", False),
    Rule("provenance", False),
    Rule("reach", False),
)


def run_rules(corpus: Corpus, *, blocking_only: bool = False) -> Iterator[Finding]:
    """Run every rule (or only the blocking ones) over *corpus*, each finding stamped with its
    stage."""
    for stage, rule in enumerate(RULES, 1):
        if rule.blocking or not blocking_only:
            yield from (f._replace(stage=stage) for f in rule.check(corpus))
