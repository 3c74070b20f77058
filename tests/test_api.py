"""The Python API: the README's example runs as written, and the API keeps the CLI's policies."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import treatycmp as tc
from treatycmp.errors import UnknownName, UsageError
from treatycmp.models import Corpus

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Python API\s+```python\n(.*?)```", text, re.S)
    assert block, "README.md has no Python API example"
    return block.group(1).splitlines()


def test_readme_example_runs_as_written_and_gives_what_its_comments_say() -> None:
    namespace: dict[str, object] = {}
    checked = 0
    for line in readme_example():
        code, _, comment = line.partition("  # ")
        exec(code, namespace)  # noqa: S102 - the README's own example
        try:
            expected = ast.literal_eval(comment.strip())
        except (ValueError, SyntaxError):
            continue
        assert eval(code, namespace) == expected, line  # noqa: S307
        checked += 1
    assert checked >= 3


def test_public_names_stay_functions_after_every_submodule_is_imported() -> None:
    import treatycmp.api  # noqa: F401
    import treatycmp.engine.coverage  # noqa: F401
    import treatycmp.engine.lineage  # noqa: F401

    for name in tc.__all__[1:]:
        assert callable(getattr(tc, name)), name


def test_show_falls_back_to_a_clear_search_match_like_the_cli() -> None:
    corpus = tc.load()
    shown = tc.show(corpus, "grooming")
    assert shown.article.id == "un:15" and shown.searched
    assert tc.show(corpus, "Art. 32 BC") == tc.show(corpus, "budapest:32")
    assert not tc.show(corpus, "budapest:32").searched
    with pytest.raises(UnknownName):
        tc.show(corpus, "budapest:99")


def test_a_chapter_the_instrument_lacks_is_refused() -> None:
    with pytest.raises(UsageError, match="no chapter 'XIX' in budapest"):
        tc.diff(tc.load(), "budapest", "un", chapter="XIX")


def test_status_filter_keeps_only_rows_of_that_status() -> None:
    corpus = tc.load()
    reviewed = tc.diff(corpus, "budapest", "un", status="reviewed").rows
    draft = tc.diff(corpus, "budapest", "un", status="draft").rows
    every = tc.diff(corpus, "budapest", "un").rows
    assert reviewed and draft and all(r.status == "reviewed" for r in reviewed)
    assert all(r.status != "reviewed" for r in draft)
    assert len(reviewed) + len(draft) == sum(1 for r in every if r.declared)


def test_note_cited_reads_note_citations_and_leaves_bare_words_to_articles(corpus: Corpus) -> None:
    from treatycmp.api import note_cited

    assert note_cited(corpus, "GN 3").number == "3"
    assert note_cited(corpus, "3") is None and note_cited(corpus, "budapest:32") is None
    with pytest.raises(UnknownName, match="notes are numbered"):
        note_cited(corpus, "GN 99")
