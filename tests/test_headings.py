"""Finding article, chapter and section headings in the layouts treaties and laws use."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatycmp.models import Heading
from treatycmp.sources.headings import (
    OutlineFinding,
    canonical_num,
    heading_key,
    number_key,
    parse_outline,
)
from treatycmp.sources.texts import Line, SourceText, read_text

TEXTS = Path(__file__).parent / "texts"


def outline_of(name: str, units: str | None = None):  # type: ignore[no-untyped-def]
    return parse_outline(read_text(TEXTS / name), units)


def from_lines(*texts: str, units: str | None = None):  # type: ignore[no-untyped-def]
    source = SourceText("inline.txt", "text", tuple(Line(i, t) for i, t in enumerate(texts, 1)))
    return parse_outline(source, units)


def summary(outline) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return [(a.num, a.title, a.line) for a in outline.articles]


def test_every_english_article_layout() -> None:
    outline = outline_of("treaty.txt")
    assert outline.units == "articles"
    assert summary(outline) == [
        ("1", "Definitions", 9),
        ("2", "Illegal access", 19),
        ("3", "Illegal interception", 24),
        ("4", "Data interference", 27),
        ("5", "System interference", 31),
        ("6", "Misuse of ‘devices’", 37),
        ("6a", "Computer-related forgery", 40),
        ("6-bis", "Computer-related fraud", 43),
        ("7", "", 48),
    ]
    assert outline.findings == ()


def test_mentions_of_articles_in_sentences_are_not_headings() -> None:
    lines = {a.line for a in outline_of("treaty.txt").articles}
    assert 4 not in lines  # "recalling Article 5 of an earlier text," inside the preamble
    assert 21 not in lines  # "Article 5" alone on a line, the sentence going on below it
    assert 22 not in lines  # "of this Convention, and Article 3 applies as well."


def test_chapter_section_and_title_levels_with_names_on_the_same_or_next_line() -> None:
    outline = outline_of("treaty.txt")
    first, second, fifth, sixth, last = (outline.articles[i] for i in (0, 1, 4, 5, 8))
    assert first.chapter == Heading("I", "Use of terms") and first.section is None
    assert second.chapter == Heading("II", "MEASURES TO BE TAKEN AT THE NATIONAL LEVEL")
    assert second.section == Heading("1", "Substantive criminal law")
    assert second.title_group == Heading("1", "Offences against computer systems")
    assert fifth.title_group == Heading("1", "Offences against computer systems")
    assert sixth.title_group == Heading("2", "Computer-related offences")
    assert last.chapter == Heading("III", "International co-operation")
    assert (
        last.section is None and last.title_group is None
    )  # a new chapter closes the section and the title
    assert [(h.level, h.heading.num, h.line) for h in outline.headings] == [
        ("chapter", "I", 7),
        ("chapter", "II", 12),
        ("section", "1", 15),
        ("title", "1", 17),
        ("title", "2", 35),
        ("chapter", "III", 46),
    ]


def test_markdown_headings() -> None:
    outline = outline_of("treaty.md")
    assert summary(outline) == [
        ("1", "Definitions", 5),
        ("2", "Illegal access", 16),
        ("3", "Illegal interception", 22),
    ]
    assert outline.articles[2].chapter == Heading(
        "II", "Measures to be taken at the national level"
    )
    assert outline.articles[2].section == Heading("1", "Substantive criminal law")


def test_html_headings() -> None:
    outline = outline_of("treaty.html")
    assert summary(outline) == [
        ("1", "Definitions", 11),
        ("2", "Illegal access & intrusion", 15),
        ("3", "Illegal interception", 18),
    ]
    assert outline.articles[1].chapter == Heading(
        "II", "Measures to be taken at the national level"
    )


def test_french_headings() -> None:
    outline = outline_of("traite.txt")
    assert summary(outline) == [
        ("1", "Définitions", 5),
        ("2", "Accès illégal", 14),
        ("3", "Interception illégale", 17),
    ]
    assert outline.articles[0].chapter == Heading("1", "Terminologie")  # "Chapitre premier"
    assert outline.articles[1].chapter == Heading("II", "Mesures à prendre au niveau national")
    assert outline.articles[1].section == Heading("1", "Droit pénal matériel")
    assert outline.articles[1].title_group == Heading("1", "Infractions contre la confidentialité")


def test_national_law_parts_and_sections_are_detected() -> None:
    outline = outline_of("law.txt")
    assert outline.units == "sections"
    assert summary(outline) == [
        ("1", "Short title", 5),
        ("2", "Unauthorised access", 10),
        ("3", "Unauthorised interception", 14),
        ("4", "Search warrants", 20),
    ]
    assert [a.chapter for a in outline.articles] == [
        Heading("I", "Preliminary"),
        Heading("II", "Offences"),
        Heading("II", "Offences"),
        Heading("III", "Procedure"),
    ]
    assert outline.findings == ()


def test_numbered_sections_under_parts() -> None:
    outline = outline_of("law_numbered.txt")
    assert outline.units == "sections"
    assert summary(outline) == [
        ("1", "Short title", 6),
        ("2", "Unauthorised access", 12),
        ("3", "Unauthorised interception", 16),
    ]
    assert outline.articles[1].chapter == Heading("II", "OFFENCES")


def test_the_mode_can_be_forced() -> None:
    assert outline_of("law.txt", units="articles").articles == ()
    forced = outline_of("treaty.txt", units="sections")  # its Section heading becomes the unit
    assert summary(forced) == [("1", "Substantive criminal law", 15)]
    with pytest.raises(ValueError, match="units must be"):
        outline_of("law.txt", units="paragraphs")


def test_no_headings_is_a_finding() -> None:
    outline = outline_of("no_headings.txt")
    assert outline.articles == ()
    assert [f.code for f in outline.findings] == ["no-headings"]


def test_duplicate_article_numbers_are_a_finding() -> None:
    outline = outline_of("duplicate.txt")
    assert [a.num for a in outline.articles] == ["1", "2", "2", "3"]
    assert outline.findings == (
        OutlineFinding("duplicate-article", 7, "article 2 again (first at line 4)"),
    )
    assert outline.article("2").title == "Scope"  # the first of the two


def test_numbering_gaps_are_findings() -> None:
    outline = outline_of("gap.txt")
    assert [a.num for a in outline.articles] == ["1", "2", "3", "5", "9"]
    assert outline.findings == (
        OutlineFinding("numbering-gap", 10, "numbering jumps from 3 to 5"),
        OutlineFinding("numbering-gap", 13, "numbering jumps from 5 to 9"),
    )


def test_a_text_starting_after_article_one_says_so() -> None:
    outline = from_lines("Article 4 – Scope", "Text.", "Article 5 – Offences", "Text.")
    assert outline.findings == (OutlineFinding("numbering-gap", 1, "numbering starts at 4"),)


@pytest.mark.parametrize(
    ("line", "num", "title"),
    [
        ("Article 12 – Title of it", "12", "Title of it"),
        ("Article 12 — Title of it", "12", "Title of it"),
        ("Article 12 - Title of it", "12", "Title of it"),
        ("Article 12. Title of it", "12", "Title of it"),
        ("Article 12: Title of it", "12", "Title of it"),
        ("ARTICLE 12 – TITLE OF IT", "12", "TITLE OF IT"),
        ("Art. 12 – Title of it", "12", "Title of it"),
        ("Art 12 – Title of it", "12", "Title of it"),
        ("Article 12a – Title of it", "12a", "Title of it"),
        ("Article 12 bis – Title of it", "12-bis", "Title of it"),
        ("Article 12ter – Title of it", "12-ter", "Title of it"),
        ("Article 1er – Objet", "1", "Objet"),
        ("Article 12 Title of it", "12", "Title of it"),
    ],
)
def test_article_heading_forms(line: str, num: str, title: str) -> None:
    outline = from_lines(line, "Body of the article.")
    assert summary(outline) == [(num, title, 1)]


@pytest.mark.parametrize(
    "line",
    [
        "Article 12 shall apply to the offences in this chapter.",
        "Article 12 of the Convention applies.",
        "Article 12 – the measures referred to above apply,",
        "Articles 12 and 13 – Common provisions",
        "Article 12. Each Party shall adopt such legislative and other measures as may be "
        "necessary.",
    ],
)
def test_sentences_that_start_with_an_article_are_not_headings(line: str) -> None:
    assert from_lines(line, "More text follows here.").articles == ()


def test_a_heading_at_the_very_end_of_the_text_is_not_one() -> None:
    assert from_lines("Some text.", "Article 3").articles == ()


def test_numbers_compare_across_spellings() -> None:
    assert number_key("12 bis") == number_key("12-bis") == number_key("12bis") == "12bis"
    assert number_key("premier") == number_key("1er") == "1"
    assert heading_key("IV") == heading_key("4") == "4"
    assert heading_key("XIV") == "14" and heading_key("XL") == "40"
    assert (
        canonical_num("12 BIS") == "12-bis"
        and canonical_num("6A") == "6a"
        and canonical_num("premier") == "1"
    )
