"""Each rule of `treatycmp check`: this YAML gives exactly these findings, at these lines and
columns, in this order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MINI_ARTICLES, MINI_MAPPING
from rulecase import RuleCase, findings, mapping_with

from treatycmp.checks import doc
from treatycmp.findings import apply_strict
from treatycmp.loading import load_with_findings
from treatycmp.models import Basis, Link, Status

ROOT = Path(__file__).resolve().parents[1]
E, W = "error", "warning"


def test_clean_mini_data_has_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path) == []


def test_shipped_data_is_clean_even_when_strict(corpus) -> None:
    from treatycmp.loading.datafiles import packaged_data_dir

    _, found = load_with_findings(packaged_data_dir())
    assert [f.text() for f in apply_strict(found)] == []


# identity


def test_duplicate_article_number_and_shared_alias_point_at_the_value(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace(
        '      - {num: "2", title: "Zwei"', '      - {num: "1", title: "Zwei"'
    )
    articles = articles.replace(
        '    number: "B-1"\n', '    number: "B-1"\n    aliases: ["Alpha"]\n'
    )
    case = RuleCase(tmp_path / "d", articles)
    assert case.rows == [
        ("articles", 23, 15, E, "shared-alias"),
        ("articles", 36, 15, E, "duplicate-id"),
        ("mapping", 5, 23, E, "unknown-article"),  # c:2 is gone: a consequence, printed after
    ]
    assert case.messages("shared-alias") == ["alias 'Alpha' of 'b' already names 'a'"]
    assert case.messages("duplicate-id") == ["article c:1 is defined twice (first at line 35)"]


def test_duplicate_instrument_id_is_at_the_second_id(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace("  - id: c\n", "  - id: b\n").replace(
        'number: "C-1"', 'number: "C-2"'
    )
    assert findings(tmp_path, articles) == [
        ("articles", 27, 9, E, "duplicate-id"),
        ("mapping", 2, 19, E, "unknown-name"),
        ("mapping", 4, 23, E, "unknown-article"),
        ("mapping", 5, 23, E, "unknown-article"),
        ("mapping", 7, 33, E, "unknown-name"),
    ]


# integrity


def test_dangling_to_is_reported_at_the_to_value(tmp_path: Path) -> None:
    case = RuleCase(tmp_path / "d", mapping=MINI_MAPPING.replace('to: "c:2"', 'to: "c:9"'))
    assert case.rows == [("mapping", 5, 23, E, "unknown-article")]
    assert case.messages("unknown-article") == [
        "link 'to' names unknown article 'c:9' (c has articles 1–2)"
    ]


def test_unknown_target_suggests_a_name_at_the_value(tmp_path: Path) -> None:
    case = RuleCase(tmp_path / "d", mapping=MINI_MAPPING.replace("absent_in: c", "absent_in: cc"))
    assert case.rows == [
        ("mapping", 7, 33, E, "unknown-name"),
        ("mapping", 2, 5, E, "unmapped-article"),
    ]
    assert "did you mean 'c'" in case.messages("unknown-name")[0]


def test_unknown_group_member_is_at_the_member(tmp_path: Path) -> None:
    assert findings(
        tmp_path, MINI_ARTICLES.replace('members: ["a", "b"]', 'members: ["a", "bb"]')
    ) == [
        ("articles", 6, 20, E, "unknown-name"),
    ]


def test_a_group_in_a_group_says_groups_do_not_nest_and_never_suggests_itself(
    tmp_path: Path,
) -> None:
    nested = (
        '    members: ["a", "b"]\n  - id: grp2\n    name: "Nested"\n    members: ["grp", "c"]\n'
    )
    case = RuleCase(tmp_path / "d", MINI_ARTICLES.replace('    members: ["a", "b"]\n', nested))
    assert case.rows == [("articles", 9, 15, E, "unknown-name")]
    assert case.messages("unknown-name") == [
        "group member 'grp' is a group, and groups do not nest: name its instruments (a, b) instead"
    ]


# consistency


def test_linked_and_absent_self_link_and_duplicate(tmp_path: Path) -> None:
    mapping = mapping_with(
        links='  - {from: "c:1", to: "a:1", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n'
        '  - {from: "c:2", to: "c:2", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n',
        absences='  - {article: "a:1", absent_in: c, reason: "x", source: analysis, basis: '
        'analysis, evidence: {article: "summary", absent_in: "summaries"}}\n',
    )
    assert findings(tmp_path, mapping=mapping) == [
        ("mapping", 6, 5, E, "duplicate-link"),
        ("mapping", 7, 23, E, "self-link"),
        ("mapping", 10, 33, E, "linked-and-absent"),
    ]


def test_linked_and_absent_lists_the_links_by_number(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('{num: "1", title: "Eins"', '{num: "10", title: "Eins"')
    articles = articles.replace('{num: "2", title: "Zwei"', '{num: "9", title: "Zwei"')
    mapping = (
        "links:\n"
        '  - {from: "a:1", to: "c:10", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n'
        '  - {from: "a:1", to: "c:9", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n'
        "absences:\n"
        '  - {article: "a:1", absent_in: c, reason: "x", source: analysis, basis: analysis, '
        'evidence: {article: "summary", absent_in: "summaries"}}\n'
    )
    case = RuleCase(tmp_path / "d", articles, mapping)
    assert case.rows == [("mapping", 5, 33, E, "linked-and-absent")]
    assert case.messages("linked-and-absent") == [
        "a:1 is declared absent in c but linked to c:9, c:10"
    ]


def test_link_within_one_instrument(tmp_path: Path) -> None:
    link = (
        '  - {from: "a:1", to: "a:2", relation: intersects, note: "both", source: analysis, '
        'basis: analysis, evidence: {from: "summary", to: "summary"}}\n'
    )
    case = RuleCase(tmp_path / "d", mapping=mapping_with(links=link))
    assert case.rows == [("mapping", 6, 23, E, "same-instrument-link")]
    assert case.messages("same-instrument-link") == [
        "link a:1 → a:2 links two articles of the same instrument 'a'"
    ]


def test_instrument_or_group_compared_with_itself(tmp_path: Path) -> None:
    case = RuleCase(
        tmp_path / "d",
        mapping=mapping_with(comparisons="  - {from: a, to: c}\n  - {from: grp, to: a}\n"),
    )
    assert case.rows == [
        ("mapping", 3, 21, E, "self-comparison")
    ]  # and no unmapped-article for a → a
    assert case.messages("self-comparison") == ["comparison grp → a compares a with itself"]
    assert findings(tmp_path / "x", mapping=mapping_with(comparisons="  - {from: c, to: c}\n")) == [
        ("mapping", 2, 19, E, "self-comparison"),
    ]


def test_comparison_declared_twice(tmp_path: Path) -> None:
    twice = RuleCase(
        tmp_path / "d",
        mapping=mapping_with(comparisons="  - {from: a, to: c}\n  - {from: a, to: c}\n"),
    )
    assert twice.rows == [("mapping", 3, 5, E, "duplicate-comparison")]
    assert twice.messages("duplicate-comparison") == [
        "comparison a → c is already declared at line 2"
    ]
    assert (
        findings(
            tmp_path / "x",
            mapping=mapping_with(comparisons="  - {from: a, to: c}\n  - {from: c, to: a}\n"),
        )
        == []
    )


def test_absence_in_its_own_instrument_or_group(tmp_path: Path) -> None:
    absences = (
        '  - {article: "a:3", absent_in: grp, reason: "nothing", source: analysis, basis: '
        'analysis, evidence: {article: "summary", absent_in: "summaries"}}\n'
        '  - {article: "a:2", absent_in: a, reason: "x", source: analysis, basis: analysis, '
        'evidence: {article: "summary", absent_in: "summaries"}}\n'
    )
    case = RuleCase(tmp_path / "d", mapping=mapping_with(absences=absences))
    assert case.rows == [
        ("mapping", 8, 33, E, "absent-in-own"),
        ("mapping", 9, 33, E, "absent-in-own"),
    ]
    assert case.messages("absent-in-own") == [
        "absence of a:3 in grp: 'grp' holds its instrument 'a'",
        "absence of a:2 in a: 'a' is the article's own instrument",
    ]


def test_note_is_required_unless_equal(tmp_path: Path) -> None:
    assert findings(tmp_path, mapping=MINI_MAPPING.replace('note: "narrower", ', "")) == [
        ("mapping", 5, 5, E, "missing-note"),
    ]


def test_absence_declared_twice_and_without_reason(tmp_path: Path) -> None:
    absences = (
        '  - {article: "a:3", absent_in: c, source: analysis, basis: analysis, '
        'evidence: {article: "summary", absent_in: "summaries"}}\n'
    )
    assert findings(tmp_path, mapping=mapping_with(absences=absences)) == [
        ("mapping", 8, 5, E, "duplicate-absence"),
        ("mapping", 8, 5, W, "missing-reason"),
    ]


# chains

CYCLE = (
    '  - {from: "c:1", to: "b:1", relation: equal, source: analysis, basis: analysis, evidence: '
    '{from: "summary", to: "summary"}}\n'
    '  - {from: "a:1", to: "b:1", relation: superset, note: "wider", source: analysis, basis: '
    'analysis, evidence: {from: "summary", to: "summary"}}\n'
)


def test_cycle_of_inclusions_is_reported_at_the_link_that_closes_it(tmp_path: Path) -> None:
    case = RuleCase(tmp_path / "d", mapping=mapping_with(links=CYCLE))
    assert case.rows == [("mapping", 7, 40, E, "relation-cycle")]
    assert case.messages("relation-cycle") == [
        "relation cycle b:1 ⊂ a:1 = c:1 = b:1: b:1 would be strictly narrower than itself",
    ]


def test_cycle_read_through_both_directions_of_each_link(tmp_path: Path) -> None:
    links = (
        '  - {from: "b:1", to: "c:2", relation: superset, note: "wider", source: analysis, basis: '
        'analysis, evidence: {from: "summary", to: "summary"}}\n'
        '  - {from: "b:1", to: "a:2", relation: subset, note: "narrower", source: analysis, basis: '
        'analysis, evidence: {from: "summary", to: "summary"}}\n'
    )
    case = RuleCase(tmp_path / "d", mapping=mapping_with(links=links))
    assert case.rows == [("mapping", 7, 40, E, "relation-cycle")]
    assert case.messages("relation-cycle") == [
        "relation cycle b:1 ⊂ a:2 ⊂ c:2 ⊂ b:1: b:1 would be strictly narrower than itself",
    ]


def test_a_cycle_of_equal_and_subset_either_way_is_a_contradiction(tmp_path: Path) -> None:
    """a:1 = c:1 = b:1 makes a:1 and b:1 the same: a:1 ⊂ b:1 contradicts it as much as a:1 ⊃ b:1."""
    links = CYCLE.replace('relation: superset, note: "wider"', 'relation: subset, note: "narrower"')
    assert findings(tmp_path, mapping=mapping_with(links=links)) == [
        ("mapping", 7, 40, E, "relation-cycle")
    ]


def test_consistent_chains_pass(tmp_path: Path) -> None:
    """a:2 ⊂ c:2 = b:1 and a:2 ⊂ b:1 agree; intersects takes no part in a chain."""
    links = (
        '  - {from: "c:2", to: "b:1", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n'
        '  - {from: "a:2", to: "b:1", relation: subset, note: "narrower", source: analysis, basis: '
        'analysis, evidence: {from: "summary", to: "summary"}}\n'
    )
    assert findings(tmp_path, mapping=mapping_with(links=links)) == []
    links = CYCLE.replace("relation: superset", "relation: intersects")
    assert findings(tmp_path / "x", mapping=mapping_with(links=links)) == []


def test_equal_chains_that_return_to_their_start_pass(tmp_path: Path) -> None:
    links = CYCLE.replace('relation: superset, note: "wider"', "relation: equal")
    assert findings(tmp_path, mapping=mapping_with(links=links)) == []


def test_one_wrong_link_gives_one_finding(tmp_path: Path) -> None:
    links = (
        CYCLE + '  - {from: "b:1", to: "c:2", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n'
    )
    assert findings(tmp_path, mapping=mapping_with(links=links)) == [
        ("mapping", 7, 40, E, "relation-cycle")
    ]


# completeness


def test_unmapped_article_is_named_at_the_comparison(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace(
        '  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis, basis: analysis, '
        'evidence: {article: "summary", absent_in: "summaries"}}\n',
        "",
    )
    case = RuleCase(tmp_path / "d", mapping=mapping)
    assert case.rows == [("mapping", 2, 5, E, "unmapped-article")]
    assert case.findings[0].article == "a:3" and "a:3 'Three'" in case.findings[0].message


def test_unmapped_articles_are_listed_by_number(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('{num: "1", title: "Eins"', '{num: "10", title: "Eins"')
    articles = articles.replace('{num: "2", title: "Zwei"', '{num: "9", title: "Zwei"')
    case = RuleCase(tmp_path / "d", articles, "comparisons:\n  - {from: c, to: b}\n")
    assert case.rows == [("mapping", 2, 5, E, "unmapped-article")] * 2
    assert [f.article for f in case.findings] == ["c:9", "c:10"]


def test_article_count_is_at_the_count(tmp_path: Path) -> None:
    assert findings(
        tmp_path, articles=MINI_ARTICLES.replace("article_count: 2", "article_count: 5")
    ) == [
        ("articles", 31, 20, E, "article-count"),
    ]


# provenance


def test_missing_source_is_a_warning_and_strict_makes_it_an_error(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace("relation: equal, source: analysis", "relation: equal")
    assert findings(tmp_path, mapping=mapping) == [("mapping", 4, 5, W, "missing-source")]
    assert RuleCase(tmp_path / "strict", mapping=mapping, strict=True).rows == [
        ("mapping", 4, 5, E, "missing-source")
    ]


def test_missing_basis_or_evidence_is_a_warning_at_the_entry(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace(
        ', basis: analysis, evidence: {from: "summary", to: "summary"}}', "}", 1
    )
    mapping = mapping.replace(
        'evidence: {article: "summary", absent_in: "summaries"}',
        'evidence: {article: "", absent_in: "x"}',
    )
    case = RuleCase(tmp_path / "d", mapping=mapping)
    assert case.rows == [
        ("mapping", 7, 101, E, "missing-field"),
        ("mapping", 4, 5, W, "missing-basis"),
        ("mapping", 7, 5, W, "missing-basis"),
    ]
    assert case.messages("missing-basis") == [
        "link a:1 → c:1 has no basis (one of: official-texts, one-official-text, published, "
        "analysis)",
        "absence of a:3 in c has no evidence of what was read on each side",
    ]


def test_evidence_must_name_both_sides_of_its_row(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace(
        'evidence: {from: "summary", to: "summary"}', 'evidence: {article: "x", to: "y"}', 1
    )
    mapping = mapping.replace(
        'evidence: {from: "summary", to: "summary"}', 'evidence: "read it"', 1
    )
    case = RuleCase(tmp_path / "d", mapping=mapping)
    assert case.rows == [
        ("mapping", 4, 92, E, "missing-field"),
        ("mapping", 4, 93, E, "unknown-field"),
        ("mapping", 5, 111, E, "wrong-type"),
        ("mapping", 4, 5, W, "missing-basis"),
        ("mapping", 5, 5, W, "missing-basis"),
    ]


def test_reviewed_needs_both_official_texts(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace(
        "source: analysis, basis: analysis",
        "source: analysis, status: reviewed, basis: analysis",
        1,
    )
    mapping = mapping.replace(
        'reason: "nothing", source: analysis, basis: analysis',
        'reason: "nothing", source: analysis, status: reviewed, basis: official-texts',
    )
    case = RuleCase(tmp_path / "d", mapping=mapping)
    assert case.rows == [("mapping", 4, 5, E, "reviewed-without-texts")]
    assert case.messages("reviewed-without-texts") == [
        "link a:1 → c:1 is marked reviewed but its basis is analysis; reviewed needs basis "
        "official-texts"
    ]


def test_published_basis_must_cite_the_comparison(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace(
        "source: analysis, basis: analysis", "source: analysis, basis: published", 1
    )
    mapping = mapping.replace(
        'note: "narrower", source: analysis, basis: analysis',
        'note: "narrower", source: "Deck, slide 7", basis: published',
    )
    assert findings(tmp_path, mapping=mapping) == [("mapping", 4, 5, E, "published-without-source")]


def test_basis_outside_its_vocabulary_and_a_bad_review_date_are_at_the_value(
    tmp_path: Path,
) -> None:
    mapping = MINI_MAPPING.replace("basis: analysis", "basis: memory", 1)
    mapping = mapping.replace(
        'absent_in: "summaries"}', 'absent_in: "summaries"}, reviewed: "2026-02-30"'
    )
    case = RuleCase(tmp_path / "d", mapping=mapping)
    assert [r[3:] for r in case.rows] == [(E, "bad-value"), (E, "bad-date"), (W, "missing-basis")]
    assert case.messages("bad-value") == [
        "basis 'memory' is not one of: official-texts, one-official-text, published, analysis"
    ]


# order


def test_root_cause_first_across_files(tmp_path: Path) -> None:
    """A malformed number in articles.yaml, then the link naming it, then the count it upsets."""
    case = RuleCase(
        tmp_path / "d",
        MINI_ARTICLES.replace('{num: "2", title: "Zwei"', '{num: "two", title: "Zwei"'),
    )
    assert case.rows == [
        ("articles", 35, 15, E, "malformed-id"),
        ("mapping", 5, 23, E, "unknown-article"),
        ("articles", 31, 20, E, "article-count"),
    ]


@pytest.mark.parametrize("index", range(0, 66, 13))
def test_removing_any_link_from_real_data_is_caught(real_copy: Path, index: int) -> None:
    import yaml

    path = real_copy / "mapping.yaml"
    text = path.read_text(encoding="utf-8")
    links = yaml.safe_load(text)["links"]
    victim = links[index]
    # drop the link and every other link and absence of its from-article towards the same target
    kept = [
        l
        for l in links
        if not (l["from"] == victim["from"] and l["to"].split(":")[0] == victim["to"].split(":")[0])
    ]
    doc_ = yaml.safe_load(text)
    doc_["links"] = kept
    path.write_text(yaml.safe_dump(doc_, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, found = load_with_findings(real_copy)
    unmapped = [f for f in found if f.code == "unmapped-article"]
    assert victim["from"] in {f.article for f in unmapped}


# documentation


def test_docs_rules_md_is_generated_from_the_code() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == doc.render(), (
        "docs/rules.md is out of date: run python -m treatycmp.checks.doc docs/rules.md"
    )


@pytest.mark.parametrize("entry", doc.modules(), ids=lambda e: e[1])
def test_every_code_is_documented_with_a_failing_and_a_passing_example(entry) -> None:
    _, _, module, _ = entry
    sections = doc.sections(module)
    assert sorted(sections) == sorted(module.CODES)
    for code, text in sections.items():
        assert "# failing" in text and "# passing" in text, code


def test_every_code_has_a_test_that_expects_it() -> None:
    tests = "".join(
        (ROOT / "tests" / name).read_text(encoding="utf-8")
        for name in ("test_checks.py", "test_schema.py", "test_reach.py")
    )
    expected = set(re.findall(r'(?:E|W), "([a-z-]+)"\)', tests))
    assert set(doc.codes()) - expected == set()


def test_an_id_of_a_layered_folder_may_not_shadow_a_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "articles.yaml").write_text(
        "instruments:\n"
        "  - id: mylaw\n    name: My law\n    short: Mine\n    number: No. 1\n    article_count: "
        "1\n    sources: [t]\n"
        '    articles:\n      - {num: "1", title: "One", summary: "s", source: "t"}\n'
        "  - id: budapest\n    name: Another\n    short: Other\n    number: No. 2\n    "
        "article_count: 1\n    sources: [t]\n"
        '    articles:\n      - {num: "1", title: "One", summary: "s", source: "t"}\n',
        encoding="utf-8",
    )
    _, found = load_with_findings(folder, shipped=True)
    rows = [(Path(f.file).name, f.line, f.column, f.severity, f.code) for f in found]
    assert rows == [("articles.yaml", 10, 9, E, "shadowed-id")]
    assert "already defined in data/articles.yaml" in found[0].message


# commentary: guidance.yaml, topics.yaml, explanatory.yaml


def commentary(tmp_path: Path, strict: bool = False, **files: str) -> RuleCase:
    """The findings of the mini data with commentary files (keyword 'guidance' is guidance.yaml
    ...)."""
    return RuleCase(tmp_path / "d", files={f"{k}.yaml": v for k, v in files.items()}, strict=strict)


GUIDANCE_OK = (
    "notes:\n"
    '  - {number: "1", title: "One", sources: ["s"], articles: [{article: "a:1"}]}\n'
    '  - {number: "2", title: "Two", sources: ["s"], articles: []}\n'
)
TOPICS_OK = (
    "topics:\n"
    '  - {id: basics, name: Basics, aliases: [first things], entries: [{article: "a:1", reason: '
    '"r", source: analysis}]}\n'
    '  - {id: more-things, name: More, entries: [{article: "c:2", reason: "r", source: '
    "analysis}]}\n"
)
EXPLANATORY_OK = """\
reports:
  - instrument: a
    title: "ER"
    source: "s"
    paragraphs:
      - {article: "a:1", paragraphs: "51-58"}
"""


def test_clean_commentary_has_no_findings_even_when_strict(tmp_path: Path) -> None:
    case = commentary(
        tmp_path, strict=True, guidance=GUIDANCE_OK, topics=TOPICS_OK, explanatory=EXPLANATORY_OK
    )
    assert case.rows == []


def test_unknown_articles_of_notes_topics_and_ranges_are_at_the_value(tmp_path: Path) -> None:
    case = commentary(
        tmp_path,
        guidance=GUIDANCE_OK.replace('"a:1"', '"a:9"'),
        topics=TOPICS_OK.replace('"c:2"', '"zz:2"'),
        explanatory=EXPLANATORY_OK.replace('"a:1"', '"a:4"'),
    )
    assert case.rows == [
        ("explanatory", 6, 19, E, "unknown-reference"),
        ("guidance", 2, 70, E, "unknown-reference"),
        ("topics", 3, 55, E, "unknown-reference"),
    ]
    assert case.messages("unknown-reference") == [
        "explanatory report of a range names unknown article 'a:4' (a has articles 1–3)",
        "guidance note 1 names unknown article 'a:9' (a has articles 1–3)",
        "topic 'more-things' entry names 'zz:2', an article of an unknown instrument",
    ]


def test_duplicate_note_number_is_at_the_second_number(tmp_path: Path) -> None:
    case = commentary(tmp_path, guidance=GUIDANCE_OK.replace('number: "2"', 'number: "1"'))
    assert case.rows == [("guidance", 3, 14, E, "duplicate-note")]
    assert "first at " in case.messages("duplicate-note")[0]


def test_duplicate_topic_id_and_shared_alias(tmp_path: Path) -> None:
    twice = commentary(tmp_path, topics=TOPICS_OK.replace("id: more-things", "id: basics"))
    assert twice.rows == [("topics", 3, 10, E, "duplicate-topic")]
    alias = commentary(
        tmp_path / "x",
        topics=TOPICS_OK.replace("name: More,", "name: More, aliases: [First-Things],"),
    )
    assert alias.rows == [("topics", 3, 45, E, "duplicate-topic")]
    assert alias.messages("duplicate-topic") == [
        "alias 'First-Things' of topic 'more-things' already names topic 'basics'"
    ]


def test_an_article_listed_twice_in_a_note_a_topic_or_a_report(tmp_path: Path) -> None:
    guidance = GUIDANCE_OK.replace(
        'articles: [{article: "a:1"}]', 'articles: [{article: "a:1"}, {article: "a:1"}]'
    )
    topics = TOPICS_OK.replace(
        "source: analysis}]}\n  - {id: more",
        'source: analysis}, {article: "a:1", source: x}]}\n  - {id: more',
    )
    explanatory = (
        EXPLANATORY_OK
        + '      - {article: "a:1", paragraphs: "51–58"}\n'
        + '      - {article: "a:1", paragraphs: "60"}\n'
    )
    case = commentary(tmp_path, guidance=guidance, topics=topics, explanatory=explanatory)
    assert case.rows == [
        ("guidance", 2, 88, E, "duplicate-entry"),
        ("topics", 2, 126, E, "duplicate-entry"),
    ]
    # '51–58' with an en dash is another spelling: only exact repeats are duplicates
    exact = commentary(
        tmp_path / "x",
        explanatory=EXPLANATORY_OK + '      - {article: "a:1", paragraphs: "51-58"}\n',
    )
    assert exact.rows == [("explanatory", 7, 19, E, "duplicate-entry")]


def test_notes_entries_and_ranges_without_a_source_warn(tmp_path: Path) -> None:
    case = commentary(
        tmp_path,
        guidance=GUIDANCE_OK.replace('sources: ["s"], articles: []', "articles: []"),
        topics=TOPICS_OK.replace(
            'reason: "r", source: analysis}]}\n  - {id: more', 'reason: "r"}]}\n  - {id: more'
        ),
        explanatory=EXPLANATORY_OK.replace('    source: "s"\n', ""),
    )
    assert case.rows == [
        ("explanatory", 5, 9, W, "unsourced-entry"),
        ("guidance", 3, 5, W, "unsourced-entry"),
        ("topics", 2, 67, W, "unsourced-entry"),
    ]
    assert commentary(
        tmp_path / "x",
        strict=True,
        guidance=GUIDANCE_OK.replace('sources: ["s"], articles: []', "articles: []"),
    ).rows == [("guidance", 3, 5, E, "unsourced-entry")]


@pytest.mark.parametrize("paragraphs", ["58-51", "51-", "¶51", "51-58-60", "0", "five"])
def test_malformed_ranges_are_at_the_value(tmp_path: Path, paragraphs: str) -> None:
    case = commentary(tmp_path, explanatory=EXPLANATORY_OK.replace('"51-58"', f'"{paragraphs}"'))
    assert case.rows == [("explanatory", 6, 38, E, "bad-range")]


def test_a_range_on_another_instruments_article_is_a_bad_range(tmp_path: Path) -> None:
    case = commentary(
        tmp_path, explanatory=EXPLANATORY_OK.replace('article: "a:1"', 'article: "c:1"')
    )
    assert case.rows == [("explanatory", 6, 19, E, "bad-range")]
    assert "cannot comment on c:1" in case.messages("bad-range")[0]


def test_commentary_errors_stop_loading_with_file_and_line(tmp_path: Path) -> None:
    from treatycmp.errors import DataError
    from treatycmp.loading import load

    commentary(tmp_path, topics=TOPICS_OK.replace('"c:2"', '"c:7"'))
    with pytest.raises(
        DataError, match=r"topics.yaml:3:\d+: topic 'more-things' entry names unknown article 'c:7'"
    ):
        load(tmp_path / "d")


def test_an_entry_declared_again_in_a_layered_file_names_the_file_of_the_first(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "mapping.yaml").write_text(
        "comparisons:\n  - {from: budapest, to: un}\n"
        'links:\n  - {from: "un:7", to: "budapest:2", relation: equal, source: analysis}\n',
        encoding="utf-8",
    )
    _, found = load_with_findings(folder, shipped=True)
    mine = [
        (Path(f.file).name, f.line, f.column, f.severity, f.code)
        for f in found
        if f.file != "data/mapping.yaml" and f.code.startswith("duplicate")
    ]
    assert sorted(mine) == [
        ("mapping.yaml", 2, 5, E, "duplicate-comparison"),
        ("mapping.yaml", 4, 5, E, "duplicate-link"),
    ]
    said = {f.code: f.message for f in found if f.code.startswith("duplicate")}
    assert re.fullmatch(
        r"comparison budapest → un is already declared in data/mapping\.yaml at line \d+",
        said["duplicate-comparison"],
    )
    assert re.fullmatch(
        r"link un:7 → budapest:2 is already stored in data/mapping\.yaml at line \d+",
        said["duplicate-link"],
    )


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (
            '    aliases: ["Merida"]\n',
            "alias 'Merida' of 'mylaw' shadows 'uncac', which data/articles.yaml names so: "
            "'Merida 1' would cite mylaw instead; choose a name of your own",
        ),
        (
            '    aliases: ["Palermo Law"]\n',
            "alias 'Palermo Law' of 'mylaw' takes the word 'palermo', which names 'untoc' in "
            "data/articles.yaml: 'palermo 1' would no longer cite untoc; choose a name of your own",
        ),
    ],
)
def test_a_name_of_a_layered_folder_may_not_shadow_a_shipped_name(
    tmp_path: Path, names: str, said: str
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "articles.yaml").write_text(
        "instruments:\n  - id: mylaw\n    name: My law\n    short: Mine\n    number: No. 1\n"
        + names
        + "    article_count: 1\n    sources: [t]\n"
        '    articles:\n      - {num: "1", title: "One", summary: "s", source: "t"}\n',
        encoding="utf-8",
    )
    _, found = load_with_findings(folder, shipped=True)
    rows = [
        (Path(f.file).name, f.line, f.column, f.severity, f.code)
        for f in found
        if f.file != "data/mapping.yaml"
    ]
    assert rows == [("articles.yaml", 6, 15, E, "shadowed-alias")]
    assert found[0].message == said


def test_a_layered_folder_with_names_of_its_own_shadows_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "articles.yaml").write_text(
        "instruments:\n  - id: mylaw\n    name: Computer Misuse Act 2030\n    short: Misuse Act\n  "
        "  number: No. 1\n"
        '    aliases: ["CMA", "my cybercrime act"]\n    article_count: 1\n    sources: [t]\n'
        '    articles:\n      - {num: "1", title: "One", summary: "s", source: "t"}\n',
        encoding="utf-8",
    )
    _, found = load_with_findings(folder, shipped=True)
    assert [f.text() for f in found if f.code.startswith(("shadowed", "shared"))] == []


def test_a_treaty_number_shared_by_two_instruments_is_a_shared_number(tmp_path: Path) -> None:
    case = RuleCase(tmp_path / "d", MINI_ARTICLES.replace('number: "B-1"', 'number: "A-1"'))
    assert case.rows == [("articles", 22, 13, E, "shared-alias")]
    assert case.messages("shared-alias") == ["number 'A-1' of 'b' is also the number of 'a'"]


def test_every_shipped_row_says_what_it_rests_on(corpus) -> None:
    """Every link and absence of the shipped data has a basis, evidence on both sides and a review
    date, and only rows read against both official texts are reviewed (the counts are those of data
    2026.12.0)."""
    rows = [*corpus.links, *corpus.absences]
    assert all(r.basis and r.evidence and all(r.evidence) and r.reviewed for r in rows)
    counts = {b.value: sum(1 for r in rows if r.basis is b) for b in Basis}
    assert counts == {
        "official-texts": 42,
        "one-official-text": 138,
        "published": 4,
        "analysis": 72,
    }
    reviewed = {(r.file, r.line) for r in rows if r.status is Status.REVIEWED}
    assert len(reviewed) == 41 and all(
        r.basis is Basis.OFFICIAL_TEXTS for r in rows if (r.file, r.line) in reviewed
    )
    un_beyond_15 = [
        r
        for r in rows
        if r.basis is Basis.OFFICIAL_TEXTS
        for ref in ((r.from_id, r.to_id) if isinstance(r, Link) else (r.article,))
        if ref.startswith("un:") and int(ref.partition(":")[2]) > 15
    ]
    assert un_beyond_15 == []  # the UN text is readable for arts. 1-15 only (Arabic)


def test_a_load_imports_only_the_blocking_rules(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys, treatycmp as tc; tc.load();"
        "print(sorted(m for m in sys.modules if m.startswith('treatycmp.checks.')))"
    )
    env = {**os.environ, "TREATYCMP_CACHE_DIR": str(tmp_path)}  # empty: the rules run
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    names = ["commentary", "identity", "integrity"]
    assert out.stdout.strip() == str([f"treatycmp.checks.{n}" for n in names])
