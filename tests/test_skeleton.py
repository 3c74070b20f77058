"""The articles.yaml entry of a new instrument, made from its text, and loaded back."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatycmp.errors import UsageError
from treatycmp.headings import UNTITLED, parse_outline
from treatycmp.loader import load
from treatycmp.models import Heading, Instrument
from treatycmp.skeleton import UNKNOWN, skeleton_yaml
from treatycmp.textsource import read_text

TEXTS = Path(__file__).parent / "texts"


def load_entry(tmp_path: Path, entry: str) -> Instrument:
    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.yaml").write_text('meta:\n  data_version: "test"\ninstruments:\n' + entry, encoding="utf-8")
    (data / "mapping.yaml").write_text("comparisons: []\n", encoding="utf-8")
    return load(data).instruments[0]


def outline_of(name: str):  # type: ignore[no-untyped-def]
    return parse_outline(read_text(TEXTS / name))


def test_the_entry_of_a_national_law(tmp_path: Path) -> None:
    entry = skeleton_yaml("cma", "Computer Misuse Act 2030", outline_of("law.txt"), short="CMA", number="Act 12 of 2030")
    assert entry.splitlines()[1:9] == [
        '  - id: "cma"',
        '    name: "Computer Misuse Act 2030"',
        '    short: "CMA"',
        '    number: "Act 12 of 2030"',
        "    article_count: 4",
        "    sources:",
        '      - "Text of the instrument: law.txt"',
        "    articles:",
    ]
    assert entry.splitlines()[9:15] == [
        '      - num: "1"',
        '        title: "Short title"',
        '        chapter: "I — Preliminary"',
        '        summary: ""',
        '        source: "law.txt, line 5"',
        "        verified: true",
    ]
    law = load_entry(tmp_path, entry)
    assert (law.id, law.name, law.short, law.number, law.article_count) == ("cma", "Computer Misuse Act 2030", "CMA", "Act 12 of 2030", 4)
    assert [(a.num, a.title, a.chapter, a.source, a.verified, a.summary) for a in law.articles] == [
        ("1", "Short title", Heading("I", "Preliminary"), "law.txt, line 5", True, ""),
        ("2", "Unauthorised access", Heading("II", "Offences"), "law.txt, line 10", True, ""),
        ("3", "Unauthorised interception", Heading("II", "Offences"), "law.txt, line 14", True, ""),
        ("4", "Search warrants", Heading("III", "Procedure"), "law.txt, line 20", True, ""),
    ]
    assert all(a.keywords == () for a in law.articles)  # nothing declared that the text does not say


def test_a_treaty_with_three_levels_untitled_articles_and_latin_numbers(tmp_path: Path) -> None:
    entry = skeleton_yaml("tt", "Convention on Testing Things", outline_of("treaty.txt"))
    treaty = load_entry(tmp_path, entry)
    assert treaty.short == "Convention on Testing Things" and treaty.number == UNKNOWN
    assert "  # no number given: fill in if there is one" in entry
    assert [a.num for a in treaty.articles] == ["1", "2", "3", "4", "5", "6", "6a", "6-bis", "7"]
    second, last = treaty.articles[1], treaty.articles[-1]
    assert (second.chapter, second.section, second.title_group) == (
        Heading("II", "MEASURES TO BE TAKEN AT THE NATIONAL LEVEL"), Heading("1", "Substantive criminal law"),
        Heading("1", "Offences against computer systems"),
    )
    assert treaty.articles[5].title == "Misuse of ‘devices’"
    assert (last.title, last.chapter) == (UNTITLED, Heading("III", "International co-operation"))


def test_the_source_label_can_be_given(tmp_path: Path) -> None:
    entry = skeleton_yaml("fr", "Convention sur les essais", outline_of("traite.txt"), source="JO 2030 p. 4")
    treaty = load_entry(tmp_path, entry)
    assert treaty.sources == ("Text of the instrument: JO 2030 p. 4",)
    assert [(a.num, a.title, a.source) for a in treaty.articles] == [
        ("1", "Définitions", "JO 2030 p. 4, line 5"), ("2", "Accès illégal", "JO 2030 p. 4, line 14"),
        ("3", "Interception illégale", "JO 2030 p. 4, line 17"),
    ]


def test_duplicates_keep_the_first_and_say_so(tmp_path: Path) -> None:
    entry = skeleton_yaml("dup", "Duplicates", outline_of("duplicate.txt"))
    assert "  # article 2 again at line 7 of the text, left out" in entry
    assert [(a.num, a.title) for a in load_entry(tmp_path, entry).articles] == [
        ("1", "Purpose"), ("2", "Scope"), ("3", "Entry into force"),
    ]


def test_a_text_without_headings_gives_an_entry_without_articles() -> None:
    entry = skeleton_yaml("none", "Nothing", outline_of("no_headings.txt"))
    assert "    article_count: 0\n" in entry and "    articles: []\n" in entry


def test_quotes_and_backslashes_are_escaped(tmp_path: Path) -> None:
    from treatycmp.textsource import Line, SourceText

    source = SourceText("q.txt", "text", (Line(1, 'Article 1 – The "quoted" \\ title'), Line(2, "Body.")))
    entry = skeleton_yaml("q", 'A "named" law', parse_outline(source))
    law = load_entry(tmp_path, entry)
    assert law.name == 'A "named" law' and law.articles[0].title == 'The "quoted" \\ title'


@pytest.mark.parametrize("bad", ["Budapest", "2nd", "my-law", ""])
def test_an_id_the_corpus_refuses_is_a_usage_error(bad: str) -> None:
    with pytest.raises(UsageError, match="must be lower-case letters and digits"):
        skeleton_yaml(bad, "Name", outline_of("law.txt"))
