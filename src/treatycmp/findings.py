"""Findings: small sortable records of what is wrong in the data, with file, line and column.

Findings sort root cause first: by stage (the schema of each file, then the rules in the order
``treatycmp.checks.RULES`` runs them), then file, line and column. A malformed article number
(schema) is printed before the links that name it (integrity) and the article count it upsets
(completeness)."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Union

ERROR = "error"
WARNING = "warning"
SCHEMA_STAGE = 0
"""The stage of the findings made while reading the files; each rule of ``checks.RULES`` is a later
stage."""

Pos = tuple[int, int]
"""A 1-based (line, column)."""

_RUNS = re.compile(r"[0-9]+|[^0-9]+")
ROOT_CODES = frozenset({"unknown-field"})
"""Codes that come first among the findings at one place: a misspelt field, then the field it leaves
missing."""


class Finding(NamedTuple):
    """One problem in a data file, sortable root cause first."""

    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    article: str | None = None
    stage: int = SCHEMA_STAGE

    def order(self) -> tuple[object, ...]:
        """Sort key: stage, file, line, column, root causes before the rest at one place, code,
        article by number, message."""
        return (
            self.stage,
            self.file,
            self.line,
            self.column,
            self.code not in ROOT_CODES,
            self.code,
            id_key(self.article or ""),
            self.message,
        )

    def text(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"


def id_key(article_id: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Sort key of an article id by number: budapest:3 before budapest:29, 2 before 2a before 3."""
    instrument, _, num = article_id.partition(":")
    runs = tuple((0, int(run), "") if run.isdigit() else (1, 0, run) for run in _RUNS.findall(num))
    return (instrument, runs)


def apply_strict(findings: Iterable[Finding]) -> list[Finding]:
    """Turn warnings into errors, as ``--strict`` asks."""
    return [f._replace(severity=ERROR) if f.severity == WARNING else f for f in findings]


def sorted_ids(ids: Iterable[str]) -> list[str]:
    """Article ids sorted by instrument, then by number."""
    return sorted(ids, key=id_key)


def place(pos: Pos, line: int) -> Pos:
    """*pos* when it is known, else column 1 of *line* (records built without positions)."""
    return pos if pos[0] else (line, 1)


def make(
    file: str,
    where: Union[int, Pos],
    severity: str,
    code: str,
    message: str,
    *,
    article: str | None = None,
) -> Finding:
    """Build a finding at *where*: a (line, column), or a line alone (column 1)."""
    line, column = (where, 1) if isinstance(where, int) else where
    return Finding(file, line, column, severity, code, message, article)
