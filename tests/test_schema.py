"""The schema stage: what each malformed entry gives, at the key, the value or the entry, and
nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_ARTICLES, MINI_MAPPING, write_data
from rulecase import RuleCase, findings

from treatycmp.errors import DataError
from treatycmp.findings import Finding, id_key, sorted_ids
from treatycmp.loading import load
from treatycmp.models import Heading

E, W = "error", "warning"
ARTICLE_1 = '      - {num: "1", title: "One", chapter: "I — First", summary: "s", source: "t"}\n'


def with_article_1(tmp_path: Path, replacement: str) -> RuleCase:
    """The findings of the mini data with its article a:1 (line 16) written as *replacement*."""
    return RuleCase(tmp_path / "d", MINI_ARTICLES.replace(ARTICLE_1, replacement))


def test_unknown_fields_are_at_their_key(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace(
        '    aliases: ["alpha"]\n', '    aliases: ["alpha"]\n    colour: red\n'
    )
    mapping = MINI_MAPPING.replace("relation: equal, source", "relation: equal, sauce: x, source")
    assert findings(tmp_path, articles, mapping) == [
        ("articles", 13, 5, E, "unknown-field"),
        ("mapping", 4, 47, E, "unknown-field"),
    ]


def test_a_misspelt_field_suggests_the_known_one_and_comes_before_what_it_leaves_missing(
    tmp_path: Path,
) -> None:
    case = with_article_1(tmp_path, ARTICLE_1.replace("title:", "titel:"))
    consequences = [
        ("mapping", 4, 12, E, "unknown-article"),
        ("articles", 13, 20, E, "article-count"),
    ]
    assert case.rows == [
        ("articles", 16, 20, E, "unknown-field"),
        ("articles", 16, 20, E, "missing-field"),
        *consequences,
    ]
    assert case.messages("unknown-field") == [
        "unknown field 'titel' in article of a; did you mean 'title'?"
    ]
    assert case.messages("missing-field") == ["article of a has no 'title'"]
    block = with_article_1(
        tmp_path / "block", '      - num: "1"\n        summary: "s"\n        titel: "One"\n'
    )
    assert block.rows == [
        ("articles", 18, 9, E, "unknown-field"),
        ("articles", 18, 9, E, "missing-field"),
        *consequences,
    ]


def test_a_count_too_long_to_be_a_count_is_out_of_range(tmp_path: Path) -> None:
    case = RuleCase(
        tmp_path / "d",
        MINI_ARTICLES.replace("article_count: 3", "article_count: 99999999999999999999"),
    )
    assert case.rows == [("articles", 13, 20, E, "bad-value")]
    assert case.messages("bad-value") == [
        "instrument 'a' field 'article_count' is out of range: '99999999999999999999' has 20 "
        "digits (at most 999999999)"
    ]


def test_missing_field_is_at_the_entry_then_its_consequence(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace('to: "c:1", ', "")
    assert findings(tmp_path, mapping=mapping) == [
        ("mapping", 4, 5, E, "missing-field"),
        ("mapping", 2, 5, E, "unmapped-article"),
    ]


def test_empty_required_field_is_at_its_key(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace('to: "c:1"', "to: ~")
    assert findings(tmp_path, mapping=mapping) == [
        ("mapping", 4, 19, E, "missing-field"),
        ("mapping", 2, 5, E, "unmapped-article"),
    ]


def test_missing_summary_is_a_warning_at_the_article(tmp_path: Path) -> None:
    case = with_article_1(tmp_path, ARTICLE_1.replace('summary: "s", ', ""))
    assert case.rows == [("articles", 16, 9, W, "missing-field")]


def test_wrong_types_are_at_the_value(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace("article_count: 3", "article_count: three")
    articles = articles.replace('title: "One"', "title: {x: y}").replace(
        'aliases: ["alpha"]', "aliases: [alpha, [x]]"
    )
    assert findings(tmp_path, articles) == [
        ("articles", 12, 14, E, "wrong-type"),
        ("articles", 13, 20, E, "wrong-type"),
        ("articles", 16, 27, E, "wrong-type"),
    ]


def test_relation_and_status_outside_the_vocabulary_are_at_the_value(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace("relation: subset", "relation: similar")
    mapping = mapping.replace(
        "relation: equal, source: analysis,", "relation: equal, source: analysis, status: final,"
    )
    case = RuleCase(tmp_path / "d", mapping=mapping)
    assert case.rows == [
        ("mapping", 4, 73, E, "bad-value"),
        ("mapping", 5, 40, E, "bad-value"),
        ("mapping", 2, 5, E, "unmapped-article"),
    ]
    assert (
        case.messages("bad-value")[1]
        == "relation 'similar' is not one of: equal, subset, superset, intersects"
    )


def test_malformed_reference_is_at_the_value(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace('{from: "a:2"', '{from: "a-2"')
    assert findings(tmp_path, mapping=mapping) == [
        ("mapping", 5, 12, E, "malformed-id"),
        ("mapping", 2, 5, E, "unmapped-article"),
    ]


# dates

DATES = '    adopted: "2001-11-08"\n    opened: "2001-11-23"\n    in_force: ~\n'


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2021-02-30", "is not a date in the calendar"),
        ("2021-13-01", "is not a date in the calendar"),
        ("2021-2-3", "is not an ISO date YYYY-MM-DD"),
        ("20210203", "is not an ISO date YYYY-MM-DD"),
        ("23 Nov 2001", "is not an ISO date YYYY-MM-DD"),
        ("2021-02-03T00:00", "is not an ISO date YYYY-MM-DD"),
    ],
)
def test_dates_are_real_iso_dates(tmp_path: Path, value: str, reason: str) -> None:
    dates = DATES.replace('opened: "2001-11-23"', f'opened: "{value}"')
    case = RuleCase(
        tmp_path / "d", MINI_ARTICLES.replace('    number: "A-1"\n', f'    number: "A-1"\n{dates}')
    )
    assert case.rows == [("articles", 13, 13, E, "bad-date")]
    assert case.messages("bad-date") == [f"instrument 'a' field 'opened': {value!r} {reason}"]


def test_iso_dates_and_null_pass(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('    number: "A-1"\n', f'    number: "A-1"\n{DATES}')
    assert findings(tmp_path, articles) == []
    assert load(tmp_path / "data").instrument("a").adopted == "2001-11-08"


# headings


@pytest.mark.parametrize(
    ("written", "separator"),
    [
        ("I - First", " - "),
        ("I – First", " – "),
        ("I—First", "—"),
        ("I  —  First", "  —  "),
        ("I-First", "-"),
        ("I -- First", " -- "),
    ],
)
def test_heading_separator_other_than_an_em_dash_between_spaces(
    tmp_path: Path, written: str, separator: str
) -> None:
    case = with_article_1(tmp_path, ARTICLE_1.replace('"I — First"', f'"{written}"'))
    assert case.rows == [("articles", 16, 43, W, "bad-heading")]
    assert case.messages("bad-heading") == [
        f"article a:1 field 'chapter' separates number and name with {separator!r} in {written!r}; "
        "write 'I — First' (an em dash between spaces)"
    ]
    assert load(tmp_path / "d").article("a:1").chapter == Heading("I", "First")


def test_heading_without_a_number_is_a_bad_value(tmp_path: Path) -> None:
    case = with_article_1(tmp_path, ARTICLE_1.replace('"I — First"', '"Chapter one"'))
    assert case.rows == [("articles", 16, 43, E, "bad-value")]


def test_headings_with_an_em_dash_or_a_bare_number_pass(tmp_path: Path) -> None:
    section = ARTICLE_1.replace(
        'chapter: "I — First"', 'chapter: "I — First — and more", section: "2bis"'
    )
    assert with_article_1(tmp_path, section).rows == []
    assert load(tmp_path / "d").article("a:1").section == Heading("2bis", "")


# control characters


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        ("\\e]0;PWNED\\a", "characters U+001B, U+0007"),
        ("\\x7f", "character U+007F"),
        ("\\N", "character U+0085"),
        ("\\x9b", "character U+009B"),
        ("\\r", "character U+000D"),
        ("\\t", "character U+0009"),
        ("\\u202E", "character U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\\u2066", "character U+2066 LEFT-TO-RIGHT ISOLATE"),
    ],
)
def test_control_and_bidi_characters_in_a_title(tmp_path: Path, escape: str, named: str) -> None:
    case = with_article_1(tmp_path, ARTICLE_1.replace('"One"', f'"One{escape}"'))
    assert case.rows == [("articles", 16, 27, E, "control-char")]
    assert case.messages("control-char") == [f"article a:1 field 'title' holds the control {named}"]


def test_a_terminal_escape_blocks_loading_without_being_printed(tmp_path: Path) -> None:
    write_data(tmp_path / "d", MINI_ARTICLES.replace('"One"', '"One\\e]0;PWNED\\a"'))
    with pytest.raises(DataError) as info:
        load(tmp_path / "d")
    assert str(info.value).endswith(
        "articles.yaml:16:27: article a:1 field 'title' holds the control characters "
        "U+001B, U+0007 [control-char]"
    )
    assert "\x1b" not in str(info.value) and "\x07" not in str(info.value)


def test_control_characters_in_list_items_meta_and_mapping(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('["alpha"]', '["alpha", "\\u202Eahpla"]').replace(
        '"test"\n', '"te\\u001bst"\n', 1
    )
    mapping = MINI_MAPPING.replace('reason: "nothing"', 'reason: "no\\u0007thing"')
    assert findings(tmp_path, articles, mapping) == [
        ("articles", 2, 17, E, "control-char"),
        ("articles", 12, 24, E, "control-char"),
        ("mapping", 7, 44, E, "control-char"),
    ]


def test_tab_and_line_feed_are_allowed_in_free_text_only(tmp_path: Path) -> None:
    block = ARTICLE_1.replace('summary: "s"', 'summary: "one\\ttwo\\nthree"')
    assert with_article_1(tmp_path, block).rows == []
    newline = ARTICLE_1.replace('"One"', '"One\\nTwo"')
    assert with_article_1(tmp_path / "x", newline).rows == [("articles", 16, 27, E, "control-char")]


# order of findings


def test_article_ids_sort_by_number() -> None:
    assert sorted_ids(["b:29", "b:3", "b:2a", "a:10", "b:2", "b:2-1", "a:9"]) == [
        "a:9",
        "a:10",
        "b:2",
        "b:2-1",
        "b:2a",
        "b:3",
        "b:29",
    ]
    assert id_key("budapest:3") < id_key("budapest:29") and id_key("un:2") < id_key(
        "un:2a"
    ) < id_key("un:3")


def test_findings_sort_by_stage_before_file_and_line() -> None:
    later = Finding("a.yaml", 1, 1, E, "article-count", "m", stage=5)
    first = Finding("m.yaml", 9, 9, E, "malformed-id", "m", stage=0)
    middle = Finding("m.yaml", 2, 1, E, "unknown-article", "m", "c:2", stage=2)
    assert sorted([later, middle, first], key=Finding.order) == [first, middle, later]
