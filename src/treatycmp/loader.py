"""Loading the data in stages: read the YAML, check its schema into records, run the rules, cache the result.

:func:`load` is what commands use: it raises :class:`~treatycmp.errors.DataError` on the first error that makes
the data unusable. :func:`load_with_findings` returns every finding instead, for ``treatycmp check``. Both go
through :func:`validated`, the one place where the stages (in :mod:`.stages`) are composed.
"""

from __future__ import annotations

import os

from .errors import DataError
from .findings import ERROR, Finding
from .models import Corpus
from .resources import DataFiles, locate


def load(data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None) -> Corpus:
    """Load and validate the data; raise :class:`DataError` on the first blocking error.

    *data_dir* is layered over the shipped data (``shipped=False``: it replaces it; None: as the environment says).
    """
    corpus, findings = validated(locate(data_dir, shipped=shipped), blocking_only=True)
    errors = sorted((f for f in findings if f.severity == ERROR), key=Finding.order)
    if errors:
        first = errors[0]
        raise DataError(first.file, first.line, f"{first.message} [{first.code}]", first.column)
    return corpus


def load_with_findings(
    data_dir: str | os.PathLike[str] | None = None, *, blocking_only: bool = False, shipped: bool | None = None
) -> tuple[Corpus, list[Finding]]:
    """Load the data and return it with every finding of the schema and the rules."""
    return validated(locate(data_dir, shipped=shipped), blocking_only=blocking_only)


def validated(files: DataFiles, *, blocking_only: bool) -> tuple[Corpus, list[Finding]]:
    """read → schema → rules, the result cached by the content of the files (see ``cache.py``)."""
    from .cache import cached

    def run() -> tuple[Corpus, list[Finding]]:
        from .stages import apply_rules, read, to_records

        findings: list[Finding] = []
        corpus = to_records(read(files), files, findings)
        findings.extend(apply_rules(corpus, blocking_only=blocking_only))
        return corpus, findings

    return cached(files, run, "corpus" if blocking_only else "findings", tuple)


