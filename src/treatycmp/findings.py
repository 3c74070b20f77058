"""Findings: small sortable records of what is wrong in the data, with file and line."""

from __future__ import annotations

from typing import NamedTuple

ERROR = "error"
WARNING = "warning"


class Finding(NamedTuple):
    """One problem in a data file, sortable by file and line."""

    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    article: str | None = None

    def order(self) -> tuple[str, int, int, str, str]:
        """Sort key: file, line, column, then code and message (never compares a missing article)."""
        return (self.file, self.line, self.column, self.code, self.message)

    def text(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"


def make(file: str, line: int, severity: str, code: str, message: str, article: str | None = None) -> Finding:
    """Build a finding at column 1 of *line*."""
    return Finding(file, line, 1, severity, code, message, article)
