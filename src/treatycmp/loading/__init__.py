"""Loading the data in stages: read the YAML, check its schema into records, run the rules, cache
the result.

:func:`load` is what commands use: it raises :class:`~treatycmp.errors.DataError` on the first error
that makes the data unusable. :func:`check_findings` returns every finding instead, for ``treatycmp
check`` (cached without the corpus), and :func:`load_with_findings` the corpus with them. All go
through :func:`_stages`, the one place where the stages (in :mod:`.stages`) are composed."""

from __future__ import annotations

import os

from ..errors import DataError
from ..findings import ERROR, Finding
from ..models import Corpus
from .datafiles import DataFiles, locate


def load(data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None) -> Corpus:
    """Load and validate the data; raise :class:`DataError` on the first blocking error.

    *data_dir* is layered over the shipped data (``shipped=False``: it replaces it; None: as the
    environment says)."""
    corpus, findings = validated(locate(data_dir, shipped=shipped), blocking_only=True)
    errors = sorted((f for f in findings if f.severity == ERROR), key=Finding.order)
    if errors:
        first = errors[0]
        raise DataError(first.file, first.line, f"{first.message} [{first.code}]", first.column)
    return corpus


def load_with_findings(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    blocking_only: bool = False,
    shipped: bool | None = None,
) -> tuple[Corpus, list[Finding]]:
    """Load the data and return it with every finding of the schema and the rules."""
    return validated(locate(data_dir, shipped=shipped), blocking_only=blocking_only)


def check_findings(
    data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None
) -> list[Finding]:
    """Every finding of the schema and the rules, root cause first: what ``treatycmp check``
    reports.

    Cached alone, without the corpus, so that a second run reads only what it prints.
    """
    from .cache import cached

    files = locate(data_dir, shipped=shipped)
    return cached(
        files,
        lambda: sorted(_stages(files, blocking_only=False)[1], key=Finding.order),
        "check",
        list,
    )


def validated(files: DataFiles, *, blocking_only: bool) -> tuple[Corpus, list[Finding]]:
    """read → schema → rules, the result cached by the content of the files (see ``cache.py``)."""
    from .cache import cached

    return cached(
        files,
        lambda: _stages(files, blocking_only=blocking_only),
        "corpus" if blocking_only else "findings",
        tuple,
    )


def _stages(files: DataFiles, *, blocking_only: bool) -> tuple[Corpus, list[Finding]]:
    """read → schema → rules."""
    from .stages import apply_rules, read, to_records

    findings: list[Finding] = []
    corpus = to_records(read(files), files, findings)
    findings.extend(apply_rules(corpus, blocking_only=blocking_only))
    return corpus, findings
