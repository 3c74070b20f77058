"""Each rule of `treatycmp check`: this YAML gives this finding at this line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_ARTICLES, MINI_MAPPING, write_data

from treatycmp.checks import apply_strict
from treatycmp.loader import load_with_findings


def findings_for(tmp_path: Path, articles: str = MINI_ARTICLES, mapping: str = MINI_MAPPING):
    _, found = load_with_findings(write_data(tmp_path / "d", articles, mapping))
    return sorted(found)


def codes(found) -> list[tuple[str, int, str]]:
    return [(f.file.rsplit("/", 1)[-1], f.line, f.code) for f in found]


def test_clean_mini_data_has_no_findings(tmp_path: Path) -> None:
    assert findings_for(tmp_path) == []


def test_shipped_data_is_clean_even_when_strict(corpus) -> None:
    from treatycmp.resources import packaged_data_dir
    _, found = load_with_findings(packaged_data_dir())
    assert [f.text() for f in apply_strict(found)] == []


def test_unmapped_article_is_named_at_the_comparison_line(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace('  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis}\n', "")
    found = findings_for(tmp_path, mapping=mapping)
    assert codes(found) == [("mapping.yaml", 2, "unmapped-article")]
    assert "a:3 'Three'" in found[0].message and found[0].article == "a:3"


def test_article_count_mismatch(tmp_path: Path) -> None:
    found = findings_for(tmp_path, articles=MINI_ARTICLES.replace("article_count: 2", "article_count: 5"))
    assert codes(found) == [("articles.yaml", 31, "article-count")]


def test_unknown_and_missing_fields(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('    aliases: ["alpha"]\n', '    aliases: ["alpha"]\n    colour: red\n')
    mapping = MINI_MAPPING.replace('relation: equal, source', 'relation: equal, sauce: x, source')
    found = findings_for(tmp_path, articles, mapping)
    assert ("articles.yaml", 13, "unknown-field") in codes(found)
    assert ("mapping.yaml", 4, "unknown-field") in codes(found)


def test_relation_outside_the_vocabulary(tmp_path: Path) -> None:
    found = findings_for(tmp_path, mapping=MINI_MAPPING.replace("relation: subset", "relation: similar"))
    assert ("mapping.yaml", 5, "bad-value") in codes(found)
    bad = [f for f in found if f.code == "bad-value"][0]
    assert "'similar' is not one of: equal, subset, superset, intersects" in bad.message


def test_bad_status_and_malformed_id(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace('source: analysis}\n  - {from: "a:2"', 'source: analysis, status: final}\n  - {from: "a-2"')
    found = findings_for(tmp_path, mapping=mapping)
    assert ("mapping.yaml", 4, "bad-value") in codes(found)
    assert ("mapping.yaml", 5, "malformed-id") in codes(found)


def test_duplicate_ids_and_shared_alias(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('      - {num: "2", title: "Zwei"', '      - {num: "1", title: "Zwei"')
    articles = articles.replace('    number: "B-1"\n', '    number: "B-1"\n    aliases: ["Alpha"]\n')
    found = findings_for(tmp_path, articles)
    assert ("articles.yaml", 36, "duplicate-id") in codes(found)
    assert ("articles.yaml", 19, "shared-alias") in codes(found)


def test_unknown_target_suggests_a_name(tmp_path: Path) -> None:
    found = findings_for(tmp_path, mapping=MINI_MAPPING.replace("absent_in: c", "absent_in: cc"))
    assert ("mapping.yaml", 7, "unknown-name") in codes(found)
    assert "did you mean 'c'" in [f for f in found if f.code == "unknown-name"][0].message


def test_linked_and_absent_self_link_and_duplicate(tmp_path: Path) -> None:
    mapping = MINI_MAPPING + '  - {article: "a:1", absent_in: c, reason: "x", source: analysis}\n'
    mapping = mapping.replace(
        "absences:\n",
        '  - {from: "c:1", to: "a:1", relation: equal, source: analysis}\n'
        '  - {from: "c:2", to: "c:2", relation: equal, source: analysis}\nabsences:\n',
    )
    got = codes(findings_for(tmp_path, mapping=mapping))
    assert ("mapping.yaml", 6, "duplicate-link") in got
    assert ("mapping.yaml", 7, "self-link") in got
    assert ("mapping.yaml", 10, "linked-and-absent") in got


def test_note_is_required_unless_equal(tmp_path: Path) -> None:
    found = findings_for(tmp_path, mapping=MINI_MAPPING.replace('note: "narrower", ', ""))
    assert codes(found) == [("mapping.yaml", 5, "missing-note")]


def test_missing_source_is_a_warning_and_strict_makes_it_an_error(tmp_path: Path) -> None:
    found = findings_for(tmp_path, mapping=MINI_MAPPING.replace("relation: equal, source: analysis", "relation: equal"))
    assert [(f.severity, f.code, f.line) for f in found] == [("warning", "missing-source", 4)]
    assert [f.severity for f in apply_strict(found)] == ["error"]


@pytest.mark.parametrize("index", range(0, 66, 13))
def test_removing_any_link_from_real_data_is_caught(real_copy: Path, index: int) -> None:
    import yaml
    path = real_copy / "mapping.yaml"
    text = path.read_text(encoding="utf-8")
    links = yaml.safe_load(text)["links"]
    victim = links[index]
    # drop the link and every other link and absence of its from-article towards the same target
    kept = [l for l in links if not (l["from"] == victim["from"] and l["to"].split(":")[0] == victim["to"].split(":")[0])]
    doc = yaml.safe_load(text)
    doc["links"] = kept
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, found = load_with_findings(real_copy)
    unmapped = [f for f in found if f.code == "unmapped-article"]
    assert victim["from"] in {f.article for f in unmapped}
