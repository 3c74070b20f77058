"""Reading a query as a question: which words name an instrument, and which only ask."""

from __future__ import annotations

import pytest

from treatycmp.models import Corpus
from treatycmp.names.citations import Resolver
from treatycmp.names.questions import plain, read_question, reading


@pytest.fixture(scope="module")
def resolver(corpus: Corpus) -> Resolver:
    return Resolver(corpus)


def never_a_title(word: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("query", "named", "asked"),
    [
        (
            "what does the UN treaty say about extradition",
            [("UN treaty", "un")],
            "what does the say about extradition",
        ),
        (
            "which article of the Budapest Convention's chapter II",
            [("Budapest Convention", "budapest")],
            "which article of the 's chapter II",
        ),
        ("Article 14 of the Second Protocol", [("Second Protocol", "p2")], "Article 14 of the"),
        ("what does the Hanoi treaty say", [("Hanoi treaty", "un")], "what does the say"),
        (
            "Merida and Palermo on bribery",
            [("Merida", "uncac"), ("Palermo", "untoc")],
            "and on bribery",
        ),
        (
            "what does the 2nd additional protocol say",
            [("2nd additional protocol", "p2")],
            "what does the say",
        ),
        ("data interference", [], "data interference"),
    ],
)
def test_names_are_read_as_typed_and_taken_out(
    resolver: Resolver, query: str, named: list, asked: str
) -> None:
    question = read_question(resolver, query, never_a_title)
    assert [(m.text, m.scope) for m in question.mentions] == named
    assert question.asked == asked


def test_a_partial_name_of_words_that_title_articles_is_no_name(resolver: Resolver) -> None:
    assert (
        read_question(resolver, "electronic evidence", lambda w: w == "electronic").mentions == ()
    )
    assert [
        m.scope
        for m in read_question(resolver, "electronic evidence protocol", lambda w: True).mentions
    ] == ["p2"]


def test_plain_leaves_out_the_question_words_and_keeps_punctuation() -> None:
    assert plain("what is Art. 32(b) BC?") == "Art. 32(b) BC?"
    assert plain("What's the UN treaty's article on grooming") == "UN treaty's article grooming"
    assert plain("extradition") == "extradition"


def test_the_reading_is_said_once_per_scope(resolver: Resolver) -> None:
    question = read_question(
        resolver, "UN extradition and the UN treaty on " + "x" * 200, never_a_title
    )
    assert reading(question.mentions) == "reading 'UN' as --in un"
