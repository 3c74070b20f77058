"""Marking confirmed articles verified in articles.yaml: only their verified and source values
change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from treatycmp.errors import DataError
from treatycmp.loading import load
from treatycmp.loading.datafiles import packaged_data_dir
from treatycmp.sources.yamledit import (
    Confirmation,
    Skipped,
    confirmed,
    edit_verified,
    gains,
    mark_verified,
    unified_diff,
)

LOC = "official.txt, line 12"
REAL_DATA = packaged_data_dir()

BLOCK = """\
instruments:
  - id: "t"
    articles:
      # first article
      - num: "1"
        title: "One"   # kept
        source: "Doc, art. 1"
        verified: false  # to check
      - num: "2"
        title: 'Two'
        source: 'It''s art. 2'
        verified: "false"
      - num: "3"
        title: Three
        source: Doc art. 3
        verified: no
      - num: "4"
        title: "Four"
        verified: false
      - num: "5"
        title: "Five"
        source: >-
          A long source
          on two lines
        verified: false

      - num: "6"
        title: "Six"
        verified: false
"""


def changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(old.splitlines(), new.splitlines()) if a != b]


def test_double_quoted_source_gains_the_locator_and_comments_stay() -> None:
    new = mark_verified(BLOCK, [Confirmation(5, LOC)])
    assert changed_lines(BLOCK, new) == [
        ('        source: "Doc, art. 1"', '        source: "Doc, art. 1; official.txt, line 12"'),
        ("        verified: false  # to check", "        verified: true  # to check"),
    ]


def test_single_quoted_and_plain_values_keep_their_style() -> None:
    new = mark_verified(BLOCK, [Confirmation(9, LOC), Confirmation(13, LOC)])
    assert changed_lines(BLOCK, new) == [
        ("        source: 'It''s art. 2'", "        source: 'It''s art. 2; official.txt, line 12'"),
        ('        verified: "false"', '        verified: "true"'),
        ("        source: Doc art. 3", "        source: Doc art. 3; official.txt, line 12"),
        ("        verified: no", "        verified: true"),
    ]


def test_a_missing_source_is_added_inside_the_article() -> None:
    new = mark_verified(BLOCK, [Confirmation(17, LOC)])
    assert new.splitlines()[16:21] == [
        '      - num: "4"',
        '        title: "Four"',
        "        verified: true",
        '        source: "official.txt, line 12"',
        '      - num: "5"',
    ]
    assert len(new.splitlines()) == len(BLOCK.splitlines()) + 1


def test_a_block_scalar_source_becomes_one_quoted_line() -> None:
    new = mark_verified(BLOCK, [Confirmation(20, LOC)])
    assert new.splitlines()[19:24] == [
        '      - num: "5"',
        '        title: "Five"',
        '        source: "A long source on two lines; official.txt, line 12"',
        "        verified: true",
        "",
    ]


def test_the_last_article_before_a_blank_line_and_at_the_end_of_the_file() -> None:
    new = mark_verified(BLOCK, [Confirmation(27, LOC)])
    assert new.endswith(
        '      - num: "6"\n        title: "Six"\n        verified: true\n        source: '
        '"official.txt, line 12"\n'
    )


def test_nothing_else_changes_and_the_result_loads_as_yaml() -> None:
    import yaml

    confirmations = [Confirmation(line, LOC) for line in (5, 9, 13, 17, 20, 27)]
    new = mark_verified(BLOCK, confirmations)
    articles = yaml.safe_load(new)["instruments"][0]["articles"]
    assert [a["verified"] for a in articles] == [
        True,
        "true",
        True,
        True,
        True,
        True,
    ]  # quoting kept
    assert [a["source"] for a in articles] == [
        "Doc, art. 1; " + LOC,
        "It's art. 2; " + LOC,
        "Doc art. 3; " + LOC,
        LOC,
        "A long source on two lines; " + LOC,
        LOC,
    ]
    assert "      # first article\n" in new and '        title: "One"   # kept\n' in new


def test_an_already_named_locator_is_not_repeated_and_verified_true_stays() -> None:
    once = mark_verified(BLOCK, [Confirmation(5, LOC)])
    assert mark_verified(once, [Confirmation(5, LOC)]) == once
    assert gains("Doc; " + LOC, LOC) == "Doc; " + LOC and gains("  ", LOC) == LOC


def test_crlf_line_ends_are_kept() -> None:
    crlf = BLOCK.replace("\n", "\r\n")
    new = mark_verified(crlf, [Confirmation(5, LOC), Confirmation(17, LOC)])
    assert new.count("\r\n") == new.count("\n") == crlf.count("\n") + 1
    assert '        source: "official.txt, line 12"\r\n' in new


FLOW = """\
instruments:
  - id: "t"
    articles:
      - {num: "1", title: "One, with comma", verified: false, source: "Doc, art. 1"}
      - {num: "2", title: "Two", keywords: [a, "b}"], verified: false}
      - {num: "3", title: 'It''s verified: false', verified: false, source: 'A'}  # note
      - {num: "4",
         title: "Four", verified: false}
"""


def test_flow_style_articles_are_edited_in_place() -> None:
    new = mark_verified(FLOW, [Confirmation(4, LOC), Confirmation(5, LOC), Confirmation(6, LOC)])
    assert new.splitlines()[3:6] == [
        '      - {num: "1", title: "One, with comma", verified: true, source: "Doc, art. 1; '
        'official.txt, line 12"}',
        '      - {num: "2", title: "Two", keywords: [a, "b}"], verified: true, source: '
        '"official.txt, line 12"}',
        "      - {num: \"3\", title: 'It''s verified: false', verified: true, source: 'A; "
        "official.txt, line 12'}  # note",
    ]


def test_a_flow_mapping_over_several_lines_is_reported_not_edited() -> None:
    result = edit_verified(FLOW, [Confirmation(7, LOC), Confirmation(4, LOC)])
    assert result.skipped == (Skipped(7, "a flow mapping over several lines; edit it by hand"),)
    assert (
        "verified: true" in result.text.splitlines()[3]
        and result.text.splitlines()[6:] == FLOW.splitlines()[6:]
    )
    with pytest.raises(DataError) as err:
        mark_verified(FLOW, [Confirmation(7, LOC)], label="data/articles.yaml")
    assert (
        str(err.value) == "data/articles.yaml:7: a flow mapping over several lines; edit it by hand"
    )


def test_a_line_that_is_not_an_item_is_reported() -> None:
    assert edit_verified(BLOCK, [Confirmation(6, LOC), Confirmation(999, LOC)]).skipped == (
        Skipped(6, "line 6 does not start an article item ('- num: ...')"),
        Skipped(999, "line 999 does not start an article item ('- num: ...')"),
    )


def test_unified_diff() -> None:
    new = mark_verified(BLOCK, [Confirmation(5, LOC)])
    diff = unified_diff(BLOCK, new, "data/articles.yaml")
    assert diff.splitlines()[:2] == ["--- a/data/articles.yaml", "+++ b/data/articles.yaml"]
    assert [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")
    ] == [
        '-        source: "Doc, art. 1"',
        "-        verified: false  # to check",
        '+        source: "Doc, art. 1; official.txt, line 12"',
        "+        verified: true  # to check",
    ]
    assert unified_diff(BLOCK, BLOCK, "x") == ""
    assert unified_diff("a", "b", "x").endswith("+b\n\\ No newline at end of file\n")


def test_the_shipped_file_loads_with_only_the_confirmed_articles_changed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    before = load(data)
    targets = [a for inst in before.instruments for a in inst.articles if not a.verified][:5]
    assert len(targets) == 5
    original = (data / "articles.yaml").read_text(encoding="utf-8")
    new = mark_verified(
        original,
        [Confirmation(a.line, f"official.txt, line {i}") for i, a in enumerate(targets, 1)],
    )
    assert len(changed_lines(original, new)) == 10 and len(new.splitlines()) == len(
        original.splitlines()
    )
    (data / "articles.yaml").write_text(new, encoding="utf-8")
    after = load(data)
    changed = {a.id: i for i, a in enumerate(targets, 1)}
    for old_inst, new_inst in zip(before.instruments, after.instruments):
        assert old_inst._replace(articles=()) == new_inst._replace(articles=())
        for old, fresh in zip(old_inst.articles, new_inst.articles):
            if old.id in changed:
                assert fresh == old._replace(
                    verified=True,
                    source=f"{confirmed(old.source)}; official.txt, line {changed[old.id]}",
                )
                assert "not yet confirmed" in old.source and "not yet confirmed" not in fresh.source
            else:
                assert fresh == old
    assert (after.links, after.absences, after.groups) == (
        before.links,
        before.absences,
        before.groups,
    )


@pytest.mark.parametrize(
    ("source", "after"),
    [
        (
            "CETS No. 224, art. 9 (title not yet confirmed against the official English text)",
            "CETS No. 224, art. 9",
        ),
        (
            "A/RES/79/243, annex, art. 18 (English title not yet confirmed against the official "
            "English text; chapter per "
            "the C4IR Viet Nam overview of the Convention (c4ir.vn))",
            "A/RES/79/243, annex, art. 18 (chapter per the C4IR Viet Nam overview of the "
            "Convention (c4ir.vn))",
        ),
        (
            "A/RES/79/243, annex, art. 45 (title as reported in the dig.watch report; not yet "
            "confirmed against the "
            "official English text)",
            "A/RES/79/243, annex, art. 45 (title as reported in the dig.watch report)",
        ),
        (
            "CETS No. 224, art. 7 (title cited in Japan's reservation; section heading not yet "
            "confirmed against the "
            "official final text)",
            "CETS No. 224, art. 7 (title cited in Japan's reservation)",
        ),
        ("Doc (p. 4) art. 2", "Doc (p. 4) art. 2"),
        ("Doc, not yet confirmed (unbalanced", "Doc, not yet confirmed (unbalanced"),
    ],
)
def test_a_confirmed_source_no_longer_says_it_is_not_yet_confirmed(source: str, after: str) -> None:
    assert confirmed(source) == after
    assert gains(source, LOC) == f"{after}; {LOC}"


def test_a_level_the_text_did_not_state_stays_unconfirmed() -> None:
    source = (
        "CETS No. 224, art. 7 (title per Japan; section heading not yet confirmed against the "
        "official text)"
    )
    assert confirmed(source, ("section", "title_group")) == source
    assert confirmed(source, ("chapter",)) == "CETS No. 224, art. 7 (title per Japan)"


def test_the_written_source_drops_the_unconfirmed_parenthesis_in_each_style() -> None:
    text = """\
instruments:
  - id: "t"
    articles:
      - num: "1"
        source: "Doc, art. 1 (title not yet confirmed against the official text)"
        verified: false
      - {num: "2", source: 'Doc, art. 2 (English title not yet confirmed)', verified: false}
      - num: "3"
        source: >-
          Doc, art. 3 (title not yet
          confirmed against the official text)
        verified: false
"""
    new = mark_verified(text, [Confirmation(4, LOC), Confirmation(7, LOC), Confirmation(8, LOC)])
    assert "not yet" not in new
    assert [
        line.strip()
        for line in new.splitlines()
        if "source" in line or line.startswith("      - {")
    ] == [
        f'source: "Doc, art. 1; {LOC}"',
        f"- {{num: \"2\", source: 'Doc, art. 2; {LOC}', verified: true}}",
        f'source: "Doc, art. 3; {LOC}"',
    ]
