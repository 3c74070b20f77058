"""Reading guidance.yaml, topics.yaml and explanatory.yaml: the shipped files, the schema findings
of broken entries, layering, and an Explanatory Report range reaching the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REAL_DATA
from rulecase import RuleCase

from treatycmp.engine import compare
from treatycmp.loading import load
from treatycmp.models import Corpus, paragraph_bounds
from treatycmp.output.present import article_card

E, W = "error", "warning"
NOTE = '  - {number: "1", title: "One", sources: ["s"], articles: [{article: "a:1"}]}\n'
RANGES = """\
reports:
  - instrument: a
    title: "Explanatory Report to A"
    source: "A report, paras 51-58"
    paragraphs:
      - {article: "a:1", paragraphs: "51-58"}
      - {article: "a:2", paragraphs: "59", source: "Own source"}
"""


def case(tmp_path: Path, **files: str) -> RuleCase:
    return RuleCase(tmp_path / "d", files={f"{k}.yaml": v for k, v in files.items()})


def test_shipped_commentary_counts(corpus: Corpus) -> None:
    assert [n.number for n in corpus.notes] == [str(n) for n in range(1, 14)]
    assert (
        sum(len(n.articles) for n in corpus.notes) == 5
    )  # only articles a source names for that note
    assert [t.id for t in corpus.topics] == [
        "safeguards",
        "service-providers",
        "emergencies",
        "child-sexual-abuse",
        "proceeds",
        "e-evidence",
        "trafficking",
    ]
    assert sum(len(t.entries) for t in corpus.topics) == 95
    assert (
        corpus.er_ranges == ()
    )  # no range could be confirmed against the report itself: none is shipped
    assert all(e.source for t in corpus.topics for e in t.entries) and all(
        n.sources for n in corpus.notes
    )


def test_unconfirmed_facts_are_kept_as_the_data_says(corpus: Corpus) -> None:
    assert (
        corpus.note("3").unconfirmed == ("symbol", "adopted")
        and corpus.note("10").unconfirmed == ()
    )
    assert corpus.note("12").unconfirmed == ("symbol", "plenary", "adopted", "articles")
    assert corpus.note("13").adopted is None and not corpus.note("13").confirmed("title")
    assert corpus.notes_of("budapest:32") == (corpus.note("3"),)
    assert [n.number for n in corpus.notes_of("budapest:14")] == ["9"]
    assert (
        corpus.note("2").articles == () and corpus.note("13").articles == ()
    )  # no source names their articles


def test_commentary_files_are_optional(tmp_path: Path) -> None:
    assert case(tmp_path).rows == []
    assert load(tmp_path / "d").notes == ()


def test_a_folder_layered_over_the_shipped_data_adds_its_notes(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "guidance.yaml").write_text(
        'notes:\n  - {number: "99", title: "Mine", sources: [s], articles: [{article: '
        '"budapest:2"}]}\n'
    )
    layered = load(folder, shipped=True)
    assert len(layered.notes) == 14 and layered.note("99").file.endswith("guidance.yaml")
    assert [n.number for n in layered.notes_of("budapest:2")] == ["99"]
    assert [n.number for n in layered.notes_of("budapest:32")] == ["3"]


def test_a_layered_note_may_not_reuse_a_shipped_number(tmp_path: Path) -> None:
    from treatycmp.errors import DataError

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "guidance.yaml").write_text(
        'notes:\n  - {number: "3", title: "Mine", sources: [s]}\n'
    )
    with pytest.raises(
        DataError,
        match=r"guidance.yaml:2:\d+: guidance note 3 is defined twice "
        r"\(first at data/guidance.yaml",
    ):
        load(folder, shipped=True)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (NOTE.replace('number: "1"', 'number: "1a"'), [("guidance", 2, 14, E, "malformed-id")]),
        (NOTE.replace('title: "One", ', ""), [("guidance", 2, 5, E, "missing-field")]),
        (
            NOTE.replace("sources:", "sauces:"),
            [("guidance", 2, 33, E, "unknown-field"), ("guidance", 2, 5, W, "unsourced-entry")],
        ),
        (
            NOTE.replace('sources: ["s"]', 'sources: ["s"], adopted: "2013-02-30"'),
            [("guidance", 2, 58, E, "bad-date")],
        ),
        (
            NOTE.replace('sources: ["s"]', 'sources: ["s"], unconfirmed: [title, colour]'),
            [("guidance", 2, 70, E, "bad-value")],
        ),
        (NOTE.replace('"a:1"', '"a-1"'), [("guidance", 2, 70, E, "malformed-id")]),
        (
            NOTE.replace('articles: [{article: "a:1"}]', "articles: a:1"),
            [("guidance", 2, 59, E, "wrong-type")],
        ),
        (
            NOTE.replace('title: "One"', 'title: "One\\u001b[2J"'),
            [("guidance", 2, 26, E, "control-char")],
        ),
    ],
)
def test_broken_note_entries_are_reported_where_they_are(
    tmp_path: Path, entry: str, expected: list
) -> None:
    assert case(tmp_path, guidance="notes:\n" + entry).rows == expected


def test_broken_topics_and_reports(tmp_path: Path) -> None:
    topics = (
        'topics:\n  - {id: Basics, name: B, entries: [{article: "a:1", source: s}]}\n'
        "  - {id: more, name: M}\n"
    )
    assert case(tmp_path, topics=topics).rows == [
        ("topics", 2, 10, E, "malformed-id"),
        ("topics", 3, 5, E, "missing-field"),
    ]
    reports = "reports:\n  - {instrument: A, paragraphs: []}\nextra: 1\n"
    assert case(tmp_path / "x", explanatory=reports).rows == [
        ("explanatory", 2, 18, E, "malformed-id"),
        ("explanatory", 3, 1, E, "unknown-field"),
    ]


def test_ranges_take_their_reports_source_and_show_on_the_card(tmp_path: Path) -> None:
    assert case(tmp_path, explanatory=RANGES).rows == []
    corpus = load(tmp_path / "d")
    first, second = corpus.er_ranges
    assert (first.article, first.source, first.report, str(first)) == (
        "a:1",
        "A report, paras 51-58",
        "Explanatory Report to A",
        "ER ¶¶ 51–58",
    )
    assert (second.source, str(second)) == ("Own source", "ER ¶ 59")
    card = article_card(corpus, compare.counterparts(corpus, corpus.article("a:1")))
    assert dict(card.view.facts)["explanatory report"] == "ER ¶¶ 51–58 (Explanatory Report to A)"
    assert card.data["explanatory_report"] == [
        {
            "paragraphs": "51-58",
            "first": 51,
            "last": 58,
            "report": "Explanatory Report to A",
            "source": "A report, paras 51-58",
        }
    ]
    plain = article_card(corpus, compare.counterparts(corpus, corpus.article("a:3")))
    assert (
        "explanatory report" not in dict(plain.view.facts)
        and plain.data["explanatory_report"] == []
    )


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("51-58", (51, 58)),
        ("51 – 58", (51, 58)),
        ("7", (7, 7)),
        ("58-51", None),
        ("0-3", None),
        ("5-", None),
        ("", None),
        ("٣", None),
    ],
)
def test_paragraph_bounds(text: str, bounds: tuple[int, int] | None) -> None:
    assert paragraph_bounds(text) == bounds


def test_shipped_explanatory_file_lists_reports_without_ranges() -> None:
    text = (REAL_DATA / "explanatory.yaml").read_text(encoding="utf-8")
    assert text.count("paragraphs: []") == 3
