"""Verifying corpus articles against an official text: titles, places, missing and extra articles,
own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatycmp.loading import load
from treatycmp.models import Article, Corpus, Heading, Instrument
from treatycmp.sources.headings import parse_outline
from treatycmp.sources.texts import Line, SourceText, read_text
from treatycmp.sources.verify import (
    CONFIRMED,
    DIFFERS,
    EXTRA,
    MISSING,
    Copied,
    Difference,
    Prose,
    ShingleIndex,
    copied_runs,
    plain_wording,
    prose_of,
    same_heading,
    same_wording,
    verify,
)
from treatycmp.sources.yamledit import Confirmation

TEXTS = Path(__file__).parent / "texts"
CH1 = Heading("I", "Use of terms")
CH2 = Heading("2", "Measures to be taken at the national level")
SEC1 = Heading("1", "Substantive criminal law")
T1 = Heading("1", "Offences against computer systems")
T2 = Heading("2", "Computer-related offences")


def art(
    num: str,
    title: str,
    chapter: Heading | None = CH2,
    section: Heading | None = SEC1,
    title_group: Heading | None = T1,
    line: int = 0,
    verified: bool = True,
) -> Article:
    return Article("t", num, title, "", chapter, section, title_group, (), "", verified, line)


ARTICLES = (
    art("1", "Definitions", CH1, None, None, line=10),
    art(
        "2", "Illegal access", line=20, verified=False
    ),  # chapter written "2" and in lower case: same place
    art("3", "Illegal Interception", line=30),  # a capital inside the title
    art("4", "data interference", line=40),  # case of the first letter only
    art("5", "System   interference", line=50),  # white space
    art("6", "Misuse of 'devices'", title_group=T2, line=60),  # straight quotes
    art(
        "6a",
        "Computer–related forgery",
        section=Heading("2", "Procedural law"),
        title_group=T2,
        line=70,
    ),
    art("6-bis", "Computer-related fraud", title_group=None, line=80),
    art("8", "Not in the text", line=90),
)
INSTRUMENT = Instrument("t", "Test Convention", "Test", "T-1", ARTICLES, len(ARTICLES))


@pytest.fixture(scope="module")
def treaty() -> SourceText:
    return read_text(TEXTS / "treaty.txt")


@pytest.fixture(scope="module")
def result(treaty: SourceText):  # type: ignore[no-untyped-def]
    return verify(INSTRUMENT, parse_outline(treaty), treaty, ())


def test_statuses_of_every_article(result) -> None:  # type: ignore[no-untyped-def]
    assert [(c.num, c.status) for c in result.checks] == [
        ("1", CONFIRMED),
        ("2", CONFIRMED),
        ("3", DIFFERS),
        ("4", CONFIRMED),
        ("5", CONFIRMED),
        ("6", CONFIRMED),
        ("6a", DIFFERS),
        ("6-bis", DIFFERS),
        ("8", MISSING),
        ("7", EXTRA),
    ]
    assert result.counts() == {CONFIRMED: 5, DIFFERS: 3, MISSING: 1, EXTRA: 1}
    assert result.exit_code() == 1


def test_a_different_title_keeps_both_wordings(result) -> None:  # type: ignore[no-untyped-def]
    check = result.checks[2]
    assert check.differences == (
        Difference("title", "Illegal Interception", "Illegal interception"),
    )
    assert (check.corpus_title, check.text_title, check.corpus_line, check.text_line) == (
        "Illegal Interception",
        "Illegal interception",
        30,
        24,
    )
    assert check.locator == "treaty.txt, line 24"


def test_a_different_place_says_which_level(result) -> None:  # type: ignore[no-untyped-def]
    forgery, fraud = result.checks[6], result.checks[7]
    assert forgery.differences == (
        Difference("section", "2 — Procedural law", "1 — Substantive criminal law"),
    )
    assert fraud.differences == (Difference("title_group", "", "2 — Computer-related offences"),)
    assert fraud.text_place == (
        "Chapter II — MEASURES TO BE TAKEN AT THE NATIONAL LEVEL › Section 1 — Substantive "
        "criminal law"
        " › Title 2 — Computer-related offences"
    )


def test_missing_and_extra_articles(result) -> None:  # type: ignore[no-untyped-def]
    missing, extra = result.checks[8], result.checks[9]
    assert (missing.corpus_title, missing.text_title, missing.text_line, missing.locator) == (
        "Not in the text",
        "",
        0,
        "",
    )
    assert (extra.corpus_title, extra.text_title, extra.text_line, extra.corpus_line) == (
        "",
        "",
        48,
        0,
    )
    assert extra.text_place == "Chapter III — International co-operation"


def test_confirmations_are_the_confirmed_articles_still_unverified(result) -> None:  # type: ignore[no-untyped-def]
    assert result.confirmations() == (Confirmation(20, "treaty.txt, line 19"),)
    assert [c.line for c in result.confirmations(include_verified=True)] == [10, 20, 40, 50, 60]


def test_everything_confirmed_and_nothing_copied_exits_zero() -> None:
    law = read_text(TEXTS / "law.txt")
    offences = Heading("II", "Offences")
    articles = (
        art("1", "Short title", Heading("1", "Preliminary"), None, None),
        art("2", "Unauthorised access", offences, None, None),
        art("3", "Unauthorised interception", offences, None, None),
        art(
            "4", "Search warrants", Heading("III", "PROCEDURE"), None, None
        ),  # capitals carry no case
    )
    instrument = INSTRUMENT._replace(articles=articles, article_count=4)
    clean = verify(
        instrument,
        parse_outline(law),
        law,
        [Prose("summary", "t:2", 5, "Entering a computer unlawfully.")],
    )
    assert clean.counts() == {CONFIRMED: 4, DIFFERS: 0, MISSING: 0, EXTRA: 0}
    assert clean.exit_code() == 0
    copied = verify(
        instrument,
        parse_outline(law),
        law,
        [Prose("summary", "t:1", 5, "It may be cited as the Computer Misuse Act 2030.")],
    )
    assert copied.exit_code() == 1


def test_eight_shared_words_are_reported_with_the_words(treaty: SourceText) -> None:
    prose = [
        Prose(
            "summary",
            "t:7",
            11,
            "We note that the Parties shall co-operate with each other to the widest extent, "
            "always.",
        ),
        Prose("note", "t:5 → u:9", 12, "Each Party shall criminalise the hindering of a bicycle."),
        Prose(
            "reason", "t:5 absent in u", 13, "Each Party shall criminalise the hindering of cars."
        ),
        Prose(
            "summary",
            "t:2",
            14,
            "Each Party shall adopt such measures as may be necessary under Article 5!",
        ),
    ]
    assert list(copied_runs(treaty, prose)) == [
        Copied(
            "summary",
            "t:7",
            11,
            "the parties shall co operate with each other to the widest extent",
            49,
        ),
        Copied("note", "t:5 → u:9", 12, "each party shall criminalise the hindering of a", 33),
        Copied(
            "summary",
            "t:2",
            14,
            "each party shall adopt such measures as may be necessary under article 5",
            20,
        ),
    ]


def test_seven_shared_words_are_not_a_copy(treaty: SourceText) -> None:
    assert (
        list(
            copied_runs(
                treaty,
                [Prose("summary", "x", 1, "each party shall criminalise the hindering of cars")],
            )
        )
        == []
    )


def test_two_separate_runs_in_one_text_are_two_findings(treaty: SourceText) -> None:
    text = (
        "Each Party shall criminalise the hindering of a system; elsewhere, "
        "the Parties shall co-operate with each other to the widest extent."
    )
    assert [c.words for c in copied_runs(treaty, [Prose("summary", "x", 1, text)])] == [
        "each party shall criminalise the hindering of a system",
        "the parties shall co operate with each other to the widest extent",
    ]


def test_the_index_holds_each_run_of_words_once() -> None:
    source = SourceText(
        "t.txt", "text", (Line(1, "one two three four"), Line(2, "five six seven eight nine ten"))
    )
    index = ShingleIndex(source)
    assert len(index.starts) == 3
    assert index.starts[("one", "two", "three", "four", "five", "six", "seven", "eight")] == 1
    assert index.starts[("three", "four", "five", "six", "seven", "eight", "nine", "ten")] == 1


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ("Trans-border access", "Trans–border access", True),
        ("Trans-border access", "Trans‑border access", True),
        ("The “Convention”", 'The "Convention"', True),
        ("Party’s duty", "Party's duty", True),
        ("illegal access", "Illegal access", True),
        ("Illegal  access ", " Illegal access", True),
        ("Illegal access", "ILLEGAL ACCESS", True),
        ("Illegal access", "Illegal Access", False),
        ("Transborder access", "Trans-border access", False),
        ("Co-operation", "Cooperation", False),
    ],
)
def test_wording_comparison(ours: str, theirs: str, same: bool) -> None:
    assert same_wording(ours, theirs) is same


def test_plain_wording() -> None:
    assert plain_wording("  “Illegal”   access — ‘now’ ") == "\"Illegal\" access - 'now'"
    assert plain_wording("Illegal access") == "illegal access"


def test_heading_comparison() -> None:
    assert same_heading(
        Heading("II", "International co-operation"), Heading("2", "INTERNATIONAL CO-OPERATION")
    )
    assert same_heading(
        Heading("II", "Final provisions"), Heading("II", "")
    )  # the text gives no name
    assert not same_heading(Heading("II", "Final provisions"), Heading("III", "Final provisions"))
    assert not same_heading(Heading("II", "Final provisions"), Heading("II", "Final clauses"))
    assert not same_heading(Heading("II", "Final provisions"), None)
    assert same_heading(None, None)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load()


def text_of(instrument: Instrument) -> SourceText:
    """The headings of *instrument* written out as an official text would lay them out."""
    lines: list[str] = []
    place: tuple[Heading | None, ...] = (None, None, None)
    for a in instrument.articles:
        levels = (a.chapter, a.section, a.title_group)
        for depth, (label, heading) in enumerate(zip(("Chapter", "Section", "Title"), levels)):
            if heading is not None and heading != place[depth]:
                lines += [f"{label} {heading.num} – {heading.name}", ""]
        place = levels
        lines += [f"Article {a.num} – {a.title}", "The Parties undertake this.", ""]
    return SourceText(
        f"{instrument.id}.txt", "text", tuple(Line(i, t) for i, t in enumerate(lines, 1))
    )


@pytest.mark.parametrize("instrument_id", ["budapest", "p1", "p2", "un", "untoc", "uncac"])
def test_every_shipped_instrument_confirms_against_its_own_headings(
    corpus: Corpus, instrument_id: str
) -> None:
    instrument = corpus.instrument(instrument_id)
    source = text_of(instrument)
    result = verify(instrument, parse_outline(source), source, ())
    assert result.counts()[CONFIRMED] == len(instrument.articles)
    assert result.findings == ()
    assert result.exit_code() == 0


def test_prose_of_collects_summaries_notes_and_reasons(corpus: Corpus) -> None:
    prose = prose_of(corpus, "p1")
    summaries = [p for p in prose if p.kind == "summary"]
    notes = [p for p in prose if p.kind == "note"]
    reasons = [p for p in prose if p.kind == "reason"]
    assert [p.id for p in summaries] == [
        a.id for a in corpus.instrument("p1").articles if a.summary
    ]
    assert len(notes) == sum(
        1 for k in corpus.links if k.note and "p1:" in (k.from_id[:3], k.to_id[:3])
    )
    assert all("p1:" in p.id for p in notes)
    expected = [
        s
        for s in corpus.absences
        if s.reason and (s.article.startswith("p1:") or "p1" in corpus.members(s.absent_in))
    ]
    assert [p.line for p in reasons] == [s.line for s in expected]
    assert len(prose) == len(summaries) + len(notes) + len(reasons) > len(summaries)


def source_of(lines: list[str], name: str = "t.txt") -> SourceText:
    return SourceText(name, "text", tuple(Line(i, t) for i, t in enumerate(lines, 1)))


def without_levels(source: SourceText, *words: str) -> SourceText:
    """*source* without its headings of the levels named (and without the blank line after each)."""
    kept = [line.text for line in source.lines if not line.text.startswith(words)]
    return source_of(kept, source.path)


def test_only_the_levels_the_text_states_are_compared(corpus: Corpus) -> None:
    budapest = corpus.instrument("budapest")
    source = without_levels(text_of(budapest), "Section ", "Title ")
    result = verify(budapest, parse_outline(source), source, ())
    assert result.counts()[CONFIRMED] == 48 and result.exit_code() == 0
    assert result.not_compared == ("section", "title_group")
    assert [(f.code, f.line, f.message) for f in result.findings] == [
        (
            "levels-not-compared",
            None,
            "the text states no section or title headings: those levels were not compared "
            "for any article",
        ),
    ]
    bare = without_levels(text_of(budapest), "Chapter ", "Section ", "Title ")
    result = verify(budapest, parse_outline(bare), bare, ())
    assert result.counts()[CONFIRMED] == 48 and result.not_compared == (
        "chapter",
        "section",
        "title_group",
    )
    assert result.findings[-1].message.startswith(
        "the text states no chapter, section or title headings"
    )


def test_a_level_the_text_states_is_still_compared(corpus: Corpus) -> None:
    budapest = corpus.instrument("budapest")
    source = without_levels(text_of(budapest), "Title ")
    moved = source_of(
        [t.replace("Section 2 –", "Section 3 –") for t in (line.text for line in source.lines)]
    )
    result = verify(budapest, parse_outline(moved), moved, ())
    in_section_2 = [a.num for a in budapest.articles if a.section and a.section.num == "2"]
    assert in_section_2
    assert [c.num for c in result.of(DIFFERS)] == in_section_2 and result.not_compared == (
        "title_group",
    )
    assert {d.field for c in result.of(DIFFERS) for d in c.differences} == {"section"}


TRANSBORDER = "Trans-border access to stored computer data with consent or where publicly available"


@pytest.mark.parametrize(
    "lines",
    [
        [
            "Article 32 – Trans-border access to stored computer data with consent or",
            "where publicly available",
            "",
            "A Party may, without the authorisation of another Party:",
        ],
        [
            "Article 32",
            "Trans-border access to stored computer data with",
            "consent or where publicly",
            "available",
            "A Party may, without the authorisation of another Party:",
        ],
        [
            "Article 32 – Trans-",
            "border access to stored computer data with consent or where publicly available",
        ],
        [
            "Article 32 – Trans-border access to stored computer data with consent or where pub-",
            "licly available",
        ],
    ],
)
def test_a_title_wrapped_over_lines_is_read_on(lines: list[str]) -> None:
    instrument = INSTRUMENT._replace(
        articles=(art("32", TRANSBORDER, None, None, None),), article_count=1
    )
    source = source_of(lines)
    check = verify(instrument, parse_outline(source), source, ()).checks[0]
    assert (check.status, check.text_title, check.text_line) == (CONFIRMED, TRANSBORDER, 1)


def test_a_wrapped_title_is_joined_only_when_that_makes_it_match() -> None:
    instrument = INSTRUMENT._replace(
        articles=(art("32", TRANSBORDER, None, None, None),), article_count=1
    )
    for lines in (
        [
            "Article 32 – Trans-border access to stored computer data with consent or",
            "",
            "where publicly available",
        ],  # a blank line ends the heading
        [
            "Article 32 – Trans-border access to stored computer data with consent or",
            "where it is public",
        ],
    ):
        source = source_of(lines)
        check = verify(instrument, parse_outline(source), source, ()).checks[0]
        assert check.status == DIFFERS and check.text_title == lines[0].split(" – ")[1]


def test_a_wrapped_chapter_name_is_read_on() -> None:
    chapter = Heading("III", "International co-operation and mutual assistance in criminal matters")
    instrument = INSTRUMENT._replace(
        articles=(art("23", "General principles", chapter, None, None),), article_count=1
    )
    source = source_of(
        [
            "Chapter III – International co-",
            "operation and mutual assistance in",
            "criminal matters",
            "",
            "Article 23 – General principles",
            "The Parties shall co-operate.",
        ]
    )
    check = verify(instrument, parse_outline(source), source, ()).checks[0]
    assert check.status == CONFIRMED and check.text_place == f"Chapter III — {chapter.name}"


def test_confirmations_carry_the_levels_the_text_did_not_state(corpus: Corpus) -> None:
    budapest = corpus.instrument("budapest")
    source = without_levels(text_of(budapest), "Section ", "Title ")
    confirmations = verify(budapest, parse_outline(source), source, ()).confirmations(
        include_verified=True
    )
    assert len(confirmations) == 48 and {c.not_compared for c in confirmations} == {
        ("section", "title_group")
    }
