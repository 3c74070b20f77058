"""The articles.yaml entry of a new instrument, made from its text, and loaded back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatycmp.errors import UsageError
from treatycmp.loading import load
from treatycmp.models import Heading, Instrument
from treatycmp.sources.headings import UNTITLED, parse_outline
from treatycmp.sources.skeleton import UNKNOWN, skeleton_yaml
from treatycmp.sources.texts import read_text

TEXTS = Path(__file__).parent / "texts"


def load_entry(tmp_path: Path, entry: str) -> Instrument:
    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.yaml").write_text(
        'meta:\n  data_version: "test"\ninstruments:\n' + entry, encoding="utf-8"
    )
    (data / "mapping.yaml").write_text("comparisons: []\n", encoding="utf-8")
    return load(data).instruments[0]


def outline_of(name: str):  # type: ignore[no-untyped-def]
    return parse_outline(read_text(TEXTS / name))


def test_the_entry_of_a_national_law(tmp_path: Path) -> None:
    entry = skeleton_yaml(
        "cma",
        "Computer Misuse Act 2030",
        outline_of("law.txt"),
        short="CMA",
        number="Act 12 of 2030",
    )
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
    assert (law.id, law.name, law.short, law.number, law.article_count) == (
        "cma",
        "Computer Misuse Act 2030",
        "CMA",
        "Act 12 of 2030",
        4,
    )
    assert [(a.num, a.title, a.chapter, a.source, a.verified, a.summary) for a in law.articles] == [
        ("1", "Short title", Heading("I", "Preliminary"), "law.txt, line 5", True, ""),
        ("2", "Unauthorised access", Heading("II", "Offences"), "law.txt, line 10", True, ""),
        ("3", "Unauthorised interception", Heading("II", "Offences"), "law.txt, line 14", True, ""),
        ("4", "Search warrants", Heading("III", "Procedure"), "law.txt, line 20", True, ""),
    ]
    assert all(
        a.keywords == () for a in law.articles
    )  # nothing declared that the text does not say


def test_a_treaty_with_three_levels_untitled_articles_and_latin_numbers(tmp_path: Path) -> None:
    entry = skeleton_yaml("tt", "Convention on Testing Things", outline_of("treaty.txt"))
    treaty = load_entry(tmp_path, entry)
    assert treaty.short == "Convention on Testing Things" and treaty.number == f"{UNKNOWN} (tt)"
    assert "  # no number given: fill in if there is one" in entry
    assert [a.num for a in treaty.articles] == ["1", "2", "3", "4", "5", "6", "6a", "6-bis", "7"]
    second, last = treaty.articles[1], treaty.articles[-1]
    assert (second.chapter, second.section, second.title_group) == (
        Heading("II", "MEASURES TO BE TAKEN AT THE NATIONAL LEVEL"),
        Heading("1", "Substantive criminal law"),
        Heading("1", "Offences against computer systems"),
    )
    assert treaty.articles[5].title == "Misuse of ‘devices’"
    assert (last.title, last.chapter) == (UNTITLED, Heading("III", "International co-operation"))


def test_the_source_label_can_be_given(tmp_path: Path) -> None:
    entry = skeleton_yaml(
        "fr", "Convention sur les essais", outline_of("traite.txt"), source="JO 2030 p. 4"
    )
    treaty = load_entry(tmp_path, entry)
    assert treaty.sources == ("Text of the instrument: JO 2030 p. 4",)
    assert [(a.num, a.title, a.source) for a in treaty.articles] == [
        ("1", "Définitions", "JO 2030 p. 4, line 5"),
        ("2", "Accès illégal", "JO 2030 p. 4, line 14"),
        ("3", "Interception illégale", "JO 2030 p. 4, line 17"),
    ]


def test_duplicates_keep_the_first_and_say_so(tmp_path: Path) -> None:
    entry = skeleton_yaml("dup", "Duplicates", outline_of("duplicate.txt"))
    assert "  # article 2 again at line 7 of the text, left out" in entry
    assert [(a.num, a.title) for a in load_entry(tmp_path, entry).articles] == [
        ("1", "Purpose"),
        ("2", "Scope"),
        ("3", "Entry into force"),
    ]


def test_a_text_without_headings_gives_an_entry_without_articles() -> None:
    entry = skeleton_yaml("none", "Nothing", outline_of("no_headings.txt"))
    assert "    article_count: 0\n" in entry and "    articles: []\n" in entry


def test_quotes_and_backslashes_are_escaped(tmp_path: Path) -> None:
    from treatycmp.sources.texts import Line, SourceText

    source = SourceText(
        "q.txt", "text", (Line(1, 'Article 1 – The "quoted" \\ title'), Line(2, "Body."))
    )
    entry = skeleton_yaml("q", 'A "named" law', parse_outline(source))
    law = load_entry(tmp_path, entry)
    assert law.name == 'A "named" law' and law.articles[0].title == 'The "quoted" \\ title'


@pytest.mark.parametrize("bad", ["Budapest", "2nd", "my-law", ""])
def test_an_id_the_corpus_refuses_is_a_usage_error(bad: str) -> None:
    with pytest.raises(UsageError, match="must be lower-case letters and digits"):
        skeleton_yaml(bad, "Name", outline_of("law.txt"))


@pytest.mark.parametrize(
    ("option", "value", "shown"),
    [
        ("name", "Evil\x1b]0;PWNED\x07", "\\x1b"),
        ("name", "A\nmeta: {}", "\\x0a"),
        ("short", "A\u202eB", "\\u202e"),
        ("number", "No.\t12", "\\x09"),
        ("name", "A\u2028B", "\\u2028"),
        ("name", "A\x85B", "\\x85"),
        ("short", "A\ud800", "\\ud800"),
    ],
)
def test_a_name_with_a_control_line_break_or_bidi_character_is_refused(
    option: str, value: str, shown: str
) -> None:
    names = {"name": "Name", option: value}
    with pytest.raises(UsageError) as err:
        skeleton_yaml("law", names.pop("name"), outline_of("law.txt"), **names)
    assert str(err.value) == (
        f"--{option} holds the character {shown} (a control, line break or bidirectional "
        "character); give it as plain text"
    )


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(UsageError, match="--name is empty"):
        skeleton_yaml("law", " \u00a0", outline_of("law.txt"))


def test_control_and_bidi_characters_of_the_text_are_not_written(tmp_path: Path) -> None:
    from treatycmp.sources.texts import Line, SourceText

    source = SourceText(
        "e\u202evil\nx: 1.txt",
        "text",
        (
            Line(1, "Chapter II – Off\u202eences\x1b[31m"),
            Line(2, "Article 1 – Illegal\u2028access\x07"),
            Line(3, "Body."),
            Line(4, "Article 2 – D\u202eata\u202c"),
            Line(5, "Body."),
            Line(6, "Article 3 – Misuse\x85of\ufffe devices"),
        ),
    )
    entry = skeleton_yaml("hx", "Hostile", parse_outline(source))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2028\ufffe]", entry)
    law = load_entry(tmp_path, entry)
    assert [(a.title, a.chapter) for a in law.articles] == [
        ("Illegal access", Heading("II", "Offences[31m")),
        ("Data", Heading("II", "Offences[31m")),
        ("Misuse of devices", Heading("II", "Offences[31m")),
    ]
    assert law.sources == ("Text of the instrument: evil x: 1.txt",)


def test_roman_section_numbers_of_a_law_become_arabic(tmp_path: Path) -> None:
    from treatycmp.sources.texts import Line, SourceText

    source = SourceText(
        "l.txt",
        "text",
        (Line(1, "Part I – General"), Line(2, "Section IV – Scope"), Line(3, "Body.")),
    )
    law = load_entry(tmp_path, skeleton_yaml("lx", "Law", parse_outline(source, "sections")))
    assert [(a.num, a.title) for a in law.articles] == [("4", "Scope")]


def test_two_instruments_without_a_number_do_not_share_one(tmp_path: Path) -> None:
    from treatycmp.loading import load_with_findings

    entries = [skeleton_yaml(i, "Law", outline_of("law.txt")) for i in ("one", "two")]
    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.yaml").write_text(
        'meta:\n  data_version: "t"\ninstruments:\n' + "".join(entries), encoding="utf-8"
    )
    (data / "mapping.yaml").write_text("comparisons: []\n", encoding="utf-8")
    corpus, findings = load_with_findings(data)
    assert [f.text() for f in findings if f.severity == "error"] == []
    assert [i.number for i in corpus.instruments] == [f"{UNKNOWN} (one)", f"{UNKNOWN} (two)"]


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(max_size=24),
    number=st.none() | st.text(max_size=12),
    title=st.text(max_size=40),
    chapter=st.text(max_size=24),
)
def test_whatever_new_writes_passes_check(
    tmp_path: Path, name: str, number: str | None, title: str, chapter: str
) -> None:
    from treatycmp.loading import load_with_findings
    from treatycmp.sources.texts import Line, SourceText

    source = SourceText(
        "t.txt",
        "text",
        (
            Line(1, f"Chapter II – {chapter}"),
            Line(2, f"Article 1 – {title}"),
            Line(3, "Article 2"),
            Line(4, title),
            Line(5, "Body."),
        ),
    )
    try:
        entry = skeleton_yaml("hx", name, parse_outline(source), number=number)
    except UsageError:
        return  # a name or number that would not load back is refused instead
    data = tmp_path / "hyp"
    data.mkdir(exist_ok=True)
    (data / "articles.yaml").write_text(
        'meta:\n  data_version: "t"\ninstruments:\n' + entry, encoding="utf-8"
    )
    (data / "mapping.yaml").write_text("comparisons: []\n", encoding="utf-8")
    corpus, findings = load_with_findings(data)
    assert [f.text() for f in findings if f.severity == "error"] == []
    assert corpus.instruments[0].name == name.strip()
