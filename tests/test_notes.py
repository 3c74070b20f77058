"""Guidance Notes against the UN Convention, and notes found by what people type, on the shipped
data."""

from __future__ import annotations

import pytest

import treatycmp as tc
from treatycmp.errors import UnknownName, UsageError
from treatycmp.models import Corpus


def test_note_3_reads_article_32_against_the_un_as_the_mapping_declares(corpus: Corpus) -> None:
    view = tc.note(corpus, "3")
    assert [r.article.id for r in view.rows] == ["budapest:32"]
    row = view.rows[0]
    declared = [a for a in corpus.absences_of("budapest:32") if a.absent_in == "un"]
    assert (
        row.links == () and row.absence == declared[0]
    )  # mapping.yaml: no UN counterpart, only an absence


def test_note_9_lists_each_article_with_its_un_counterparts(corpus: Corpus) -> None:
    view = tc.note(corpus, "GN 9")
    pairs = {r.article.id: [(l.relation.value, o.id) for l, o in r.links] for r in view.rows}
    assert pairs == {
        "budapest:14": [("intersects", "un:23")],
        "budapest:25": [("intersects", "un:40")],
    }
    assert [r.ref.paragraphs for r in view.rows] == ["2", "1"]


def test_a_note_no_source_ties_to_articles_lists_none(corpus: Corpus) -> None:
    assert tc.note(corpus, "GN 2").rows == ()  # botnets: no source names the articles it covers


def test_a_note_whose_articles_no_source_names_has_no_rows(corpus: Corpus) -> None:
    view = tc.note(corpus, "T-CY GN ransomware")
    assert view.note.number == "12" and view.rows == ()


def test_reading_against_another_instrument_and_by_status(corpus: Corpus) -> None:
    assert tc.note(corpus, "10", to="un").rows[0].links[0][1].id == "un:27"
    reviewed = tc.note(corpus, "2", status="reviewed")
    assert all(l.status == "reviewed" for r in reviewed.rows for l, _ in r.links)
    with pytest.raises(UnknownName, match="did you mean 'un'"):
        tc.note(corpus, "2", to="unn")


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("ransomware", "12"),
        ("election interference", "9"),
        ("botnets", "2"),
        ("phishing", "4"),
        ("ransomwre", "12"),
        ("GN 3", "3"),
        ("smartphone", "1"),
    ],
)
def test_find_notes_puts_the_note_first(corpus: Corpus, query: str, number: str) -> None:
    assert tc.find_notes(corpus, query)[0].note.number == number


def test_find_notes_needs_every_word_of_a_short_query(corpus: Corpus) -> None:
    assert tc.find_notes(corpus, "grooming") == ()
    assert tc.find_notes(corpus, "ransomware grooming") == ()
    assert (
        tc.find_notes(corpus, "ransomware", within="un") == ()
    )  # notes interpret the Budapest Convention
    assert tc.find_notes(corpus, "ransomware", within="coe")[0].note.number == "12"
    with pytest.raises(UsageError):
        tc.find_notes(corpus, " ")


def test_notes_come_in_number_order(corpus: Corpus) -> None:
    assert [n.number for n in tc.notes(corpus)] == [str(n) for n in range(1, 14)]
