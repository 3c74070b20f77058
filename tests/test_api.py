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


def test_data_files_are_every_file_load_reads_layer_by_layer(mini: Path) -> None:
    from treatycmp.api import data_files

    shipped = data_files()
    assert {f.path.name for f in shipped} >= {"articles.yaml", "mapping.yaml", "guidance.yaml"}
    assert all(f.shipped and f.path.is_file() for f in shipped)
    layered = data_files(mini, shipped=True)
    mine = [mini / "articles.yaml", mini / "mapping.yaml"]
    assert [f.path for f in layered if not f.shipped] == mine
    assert [f.path for f in data_files(mini, shipped=False)] == mine


def test_articles_file_is_the_layer_that_defines_the_instrument(corpus: Corpus, mini: Path) -> None:
    from treatycmp.api import articles_file

    shipped = articles_file(corpus, "ETS 185")
    assert shipped.shipped and shipped.path.name == "articles.yaml"
    assert shipped.label == corpus.file_of(corpus.instrument("budapest"))
    layered = tc.load(mini, shipped=True)
    mine = articles_file(layered, "alpha", mini, shipped=True)
    assert mine.path == mini / "articles.yaml" and not mine.shipped
    assert articles_file(layered, "un", mini, shipped=True).shipped


def test_check_finds_nothing_in_the_shipped_data_and_strict_makes_warnings_errors(
    tmp_path: Path,
) -> None:
    from conftest import MINI_MAPPING, write_data

    from treatycmp.api import check

    assert check() == []
    unsourced = MINI_MAPPING.replace("relation: equal, source: analysis", "relation: equal")
    folder = write_data(tmp_path / "d", mapping=unsourced)
    assert [(f.severity, f.code) for f in check(folder)] == [("warning", "missing-source")]
    strict = check(folder, strict=True)
    assert [(f.severity, f.code) for f in strict] == [("error", "missing-source")]


def test_load_index_is_the_search_index_of_the_data_and_comes_from_the_cache(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from treatycmp import api

    index = api.load_index(corpus=corpus)
    assert index.find("grooming", limit=1).hits[0].article.id == "un:15"
    assert index.corpus.instrument("un").articles == corpus.instrument("un").articles

    def refuse(corpus: Corpus) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(api, "search_index", refuse)
    assert api.load_index().vocabulary == index.vocabulary  # read back from the cache


def test_a_lazy_index_is_made_only_for_a_query_that_is_no_citation(corpus: Corpus) -> None:
    from treatycmp.api import LazyIndex, search_index
    from treatycmp.names.search import Index

    made: list[int] = []

    def make() -> Index:
        made.append(1)
        return search_index(corpus)

    lazy = LazyIndex(make)
    assert tc.show(corpus, "Art. 32 BC", lazy).article.id == "budapest:32" and made == []
    assert tc.show(corpus, "grooming", lazy).article.id == "un:15" and made == [1]
    assert tc.show(corpus, "revenge porn", lazy).searched and made == [1]  # made once


def test_articles_lists_a_scope_in_treaty_order_or_one_chapter(corpus: Corpus) -> None:
    from treatycmp.api import articles

    every = articles(corpus, "bc")
    assert every == corpus.instrument("budapest").articles
    chapter = articles(corpus, "budapest", chapter="II")
    assert chapter and set(chapter) < set(every)
    assert all(a.chapter and a.chapter.num == "II" for a in chapter)
    assert [a.instrument for a in articles(corpus, "coe")][:1] == ["budapest"]
    with pytest.raises(UsageError, match="no chapter 'XIX' in budapest"):
        articles(corpus, "budapest", chapter="XIX")


def test_counterparts_takes_an_article_found_before(corpus: Corpus) -> None:
    shown = tc.show(corpus, "grooming")
    assert tc.counterparts(corpus, shown.article) == tc.counterparts(corpus, "un:15")


def test_declared_says_whether_a_declared_comparison_covers_two_scopes(corpus: Corpus) -> None:
    from treatycmp.api import declared

    assert declared(corpus, "budapest", "un")
    assert declared(corpus, "un", "ETS 185")  # either way round
    assert declared(corpus, "coe", "un")  # each member of the group is compared with un
    assert not declared(corpus, "untoc", "uncac") and not declared(corpus, "budapest", "p1")


def test_query_reading_says_which_instruments_the_query_names(corpus: Corpus) -> None:
    from treatycmp.api import query_reading

    asked = tc.find(corpus, "what does the UN treaty say about extradition")
    assert query_reading(asked) == "reading 'UN treaty' as --in un"
    assert query_reading(tc.find(corpus, "grooming")) == ""


def test_note_takes_a_note_found_before(corpus: Corpus) -> None:
    from treatycmp.api import note_cited

    cited = note_cited(corpus, "GN 3")
    assert cited is not None and tc.note(corpus, cited) == tc.note(corpus, "GN 3")


def test_confirm_titles_marks_the_confirmed_unconfirmed_titles_of_the_file(
    real_copy: Path, tmp_path: Path
) -> None:
    from treatycmp.api import articles_file, confirm_titles, verify

    articles = real_copy / "articles.yaml"
    marked = articles.read_text(encoding="utf-8").replace(
        'title: "Illegal access"\n', 'title: "Illegal access"\n        verified: false\n', 1
    )
    articles.write_text(marked, encoding="utf-8")
    corpus = tc.load(real_copy, shipped=False)
    headings = [f"Article {a.num} – {a.title}" for a in corpus.instrument("budapest").articles]
    text = tmp_path / "budapest.txt"
    text.write_text("\n\n".join(headings) + "\n", encoding="utf-8")
    result = verify(corpus, "budapest", text)
    edit = confirm_titles(articles_file(corpus, "budapest", real_copy, shipped=False), result)
    assert edit.path == articles and edit.old == marked
    assert articles.read_text(encoding="utf-8") == marked  # the edit is not written
    assert "-        verified: false" in edit.diff() and "+        verified: true" in edit.diff()
    assert len(edit.new.splitlines()) == len(marked.splitlines())


def test_data_to_join_is_the_shipped_data_while_the_folder_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from treatycmp.api import data_to_join

    empty = tmp_path / "mine"
    empty.mkdir()
    assert data_to_join(empty) is None  # the tests' environment replaces the shipped data
    monkeypatch.delenv("TREATYCMP_NO_SHIPPED")
    joined = data_to_join(empty)
    assert joined is not None
    assert [i.id for i in joined.instruments] == [i.id for i in tc.load().instruments]
    assert data_to_join(empty, shipped=False) is None


def test_skeleton_refuses_a_name_the_data_it_joins_already_has(corpus: Corpus) -> None:
    from treatycmp.api import skeleton

    law = Path(__file__).parent / "texts" / "law.txt"
    with pytest.raises(UsageError, match="already defines 'budapest'; choose another id"):
        skeleton("budapest", law, "Law", joins=corpus)
    taken = "already defines 'budapest', which 'ETS 185' names; choose another --number"
    with pytest.raises(UsageError, match=taken):
        skeleton("mylaw", law, "Law", number="ETS 185", joins=corpus)
    assert '- id: "budapest"' in skeleton("budapest", law, "Law")  # no data to join


def test_instrument_edit_adds_an_instrument_to_the_folder_articles_file(
    tmp_path: Path, mini: Path
) -> None:
    from treatycmp.api import instrument_edit, skeleton

    law = Path(__file__).parent / "texts" / "law.txt"
    yaml = skeleton("mylaw", law, "Computer Misuse Act")
    made = instrument_edit(tmp_path, "mylaw", yaml)
    assert made.path == tmp_path / "articles.yaml" and made.old == "" and not made.path.exists()
    assert made.new.startswith("# My instruments") and made.new.endswith("instruments:\n" + yaml)
    added = instrument_edit(mini, "mylaw", yaml)
    assert added.new == added.old.rstrip("\n") + "\n" + yaml
    with pytest.raises(UsageError, match="already defines an instrument 'a'"):
        instrument_edit(mini, "a", yaml.replace('"mylaw"', '"a"'))
    with pytest.raises(UsageError, match="this command reads it"):
        instrument_edit(mini, "mylaw", yaml, text=mini / "articles.yaml")


def test_an_exact_id_is_resolved_without_the_name_tables(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys, treatycmp as tc; c = tc.load(); s = tc.scope(c, 'coe');"
        "print(s.members, 'treatycmp.names.citations' in sys.modules)"
    )
    env = {**os.environ, "TREATYCMP_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first run fills the cache (its rules read names)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "('budapest', 'p1', 'p2') False"
    assert tc.scope(tc.load(), "ETS 185").id == "budapest"  # an alias still goes through them


def test_a_cached_check_imports_no_rule_and_no_pickle_module(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys, treatycmp as tc; n = len(tc.check(strict=True));"
        "print(n, 'treatycmp.checks' in sys.modules or 'pickle' in sys.modules)"
    )
    env = {**os.environ, "TREATYCMP_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["0 True", "0 False"]  # the first run fills it
