"""Domain errors: every one carries a single printable line and maps to exit code 2."""

from __future__ import annotations


class TreatyError(Exception):
    """Base class of the errors treatycmp reports as one line (exit code 2)."""

    exit_code = 2


class DataError(TreatyError):
    """A data file cannot be read or is malformed at a known place."""

    def __init__(
        self, file: str, line: int | None, message: str, column: int | None = None
    ) -> None:
        self.file, self.line, self.column, self.message = file, line, column, message
        super().__init__(self.location() + message)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (DataError, (self.file, self.line, self.message, self.column))

    def location(self) -> str:
        if self.line is None:
            return f"{self.file}: "
        if self.column is None:
            return f"{self.file}:{self.line}: "
        return f"{self.file}:{self.line}:{self.column}: "


ECHO_LIMIT = 80
"""Longest argument echoed whole in a message; a longer one is cut and ends with '…'."""


def cut(text: str) -> str:
    """*text* as a message shows an argument: whole, or its first :data:`ECHO_LIMIT` characters
    ending with '…'."""
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


def echo(text: str) -> str:
    """*text* quoted as a message echoes an argument: cut to about :data:`ECHO_LIMIT` characters
    ('abc…')."""
    return repr(cut(text))


class UnknownName(TreatyError):
    """An instrument, group, article, relation or chapter that does not exist."""

    def __init__(
        self, kind: str, name: str, suggestions: tuple[str, ...] = (), hint: str = ""
    ) -> None:
        self.kind, self.name, self.suggestions, self.hint = kind, name, suggestions, hint
        message = f"unknown {kind} {echo(name)}"
        if suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class CitationError(UnknownName):
    """A citation whose shape shows what is wrong with it (no instrument, no number, two articles, a
    note that does not exist): its message says exactly that, and ``show`` does not search
    instead."""

    def __init__(
        self, kind: str, name: str, message: str, suggestions: tuple[str, ...] = ()
    ) -> None:
        self.kind, self.name, self.suggestions, self.hint = kind, name, suggestions, ""
        TreatyError.__init__(self, message)


class UsageError(TreatyError):
    """A command-line value that is well-formed but cannot be used."""
