"""Guidance Notes and topics named as people write them."""

from __future__ import annotations

import pytest

from treatycmp.errors import UnknownName
from treatycmp.models import Corpus
from treatycmp.names.citations import Resolver
from treatycmp.names.notes_topics import find_note, find_topic, note, topic


@pytest.mark.parametrize(
    "text",
    [
        "GN 3",
        "GN#3",
        "GN3",
        "gn:3",
        "GN 03",
        "Guidance Note #3",
        "guidance note 3",
        "T-CY GN 3",
        "T-CY(2013)7",
        "T-CY GN transborder access",
    ],
)
def test_note_citations(corpus, text: str) -> None:
    assert note(Resolver(corpus), text).number == "3"
    assert find_note(Resolver(corpus), text).number == "3"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Guidance Note #10", "10"),
        ("T-CY GN ransomware", "12"),
        ("GN botnets", "2"),
        ("T-CY GN election interference", "9"),
    ],
)
def test_notes_by_number_or_title_word(corpus, text: str, number: str) -> None:
    assert note(Resolver(corpus), text).number == number


def test_bare_words_are_note_citations_only_when_asked(corpus) -> None:
    r = Resolver(corpus)
    assert note(r, "ransomware").number == "12" and note(r, "3").number == "3"
    assert (
        find_note(r, "ransomware") is None
        and find_note(r, "3") is None
        and find_note(r, "budapest:32") is None
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("GN 14", "notes are numbered 1–13"),
        ("GN ransomwre", "did you mean 'GN 12'"),
        ("GN attacks", "did you mean 'GN 5' or 'GN 6'"),
        ("Art. 32 BC", "budapest:32 is an article"),
    ],
)
def test_unknown_notes_say_what_is_near(corpus, text: str, message: str) -> None:
    import re

    with pytest.raises(UnknownName, match=re.escape(message)):
        note(Resolver(corpus), text)


def test_an_unknown_note_number_lists_the_numbers(corpus: Corpus) -> None:
    from treatycmp.errors import CitationError

    with pytest.raises(CitationError, match=r"^no Guidance Note 999; the notes are numbered 1–13$"):
        note(Resolver(corpus), "GN 999")


@pytest.mark.parametrize("text", ["safeguards", "topic:safeguards", "Topic: Safeguards"])
def test_topics_by_id_or_name(corpus: Corpus, text: str) -> None:
    assert topic(corpus, text).id == "safeguards"
    assert find_topic(corpus, text) is not None


def test_an_unknown_topic_says_what_is_near(corpus: Corpus) -> None:
    with pytest.raises(UnknownName, match="topic:safeguards"):
        topic(corpus, "safegards")
    assert find_topic(corpus, "safegards") is None
