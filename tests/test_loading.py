"""Loading the real corpus and broken copies of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import write_data

from treatycmp.errors import DataError
from treatycmp.loading import load
from treatycmp.models import Corpus

EXPECTED_COUNTS = {"budapest": 48, "p1": 16, "p2": 25, "un": 68, "untoc": 41, "uncac": 71}

# Official English titles, as printed in the treaty texts (sample across every instrument and
# chapter).
OFFICIAL_TITLES = {
    "budapest:1": "Definitions",
    "budapest:2": "Illegal access",
    "budapest:9": "Offences related to child pornography",
    "budapest:10": "Offences related to infringements of copyright and related rights",
    "budapest:23": "General principles relating to international co-operation",
    "budapest:27": "Procedures pertaining to mutual assistance requests in the absence of "
    "applicable international agreements",
    "budapest:32": "Trans-border access to stored computer data with consent or where publicly "
    "available",
    "budapest:35": "24/7 Network",
    "budapest:46": "Consultations of the Parties",
    "p1:3": "Dissemination of racist and xenophobic material through computer systems",
    "p1:6": "Denial, gross minimisation, approval or justification of genocide or crimes against "
    "humanity",
    "p1:8": "Relations between the Convention and this Protocol",
    "p2:6": "Request for domain name registration information",
    "p2:7": "Disclosure of subscriber information",
    "p2:8": "Giving effect to orders from another Party for expedited production of subscriber "
    "information and traffic data",
    "p2:10": "Emergency mutual assistance",
    "un:1": "Statement of purpose",
    "un:7": "Illegal access",
    "un:10": "Interference with an information and communications technology system",
    "un:14": "Offences related to online child sexual abuse or child sexual exploitation material",
    "un:15": "Solicitation or grooming for the purpose of committing a sexual offence against a "
    "child",
    "un:16": "Non-consensual dissemination of intimate images",
    "un:24": "Conditions and safeguards",
    "un:36": "Protection of personal data",
    "untoc:18": "Mutual legal assistance",
    "uncac:51": "General provision",
}


def test_every_instrument_has_its_declared_number_of_articles(corpus: Corpus) -> None:
    counts = {inst.id: len(inst.articles) for inst in corpus.instruments}
    assert counts == EXPECTED_COUNTS
    assert all(inst.article_count == len(inst.articles) for inst in corpus.instruments)


def test_articles_are_numbered_one_to_n_in_order(corpus: Corpus) -> None:
    for inst in corpus.instruments:
        assert [a.num for a in inst.articles] == [str(n) for n in range(1, len(inst.articles) + 1)]


def test_ids_are_unique_and_well_formed(corpus: Corpus) -> None:
    ids = [a.id for inst in corpus.instruments for a in inst.articles]
    assert len(ids) == len(set(ids)) == sum(EXPECTED_COUNTS.values())
    assert all(re.fullmatch(r"[a-z0-9]+:[0-9]+", i) for i in ids)


@pytest.mark.parametrize(("article_id", "title"), sorted(OFFICIAL_TITLES.items()))
def test_sample_titles_match_the_official_text(corpus: Corpus, article_id: str, title: str) -> None:
    assert corpus.article(article_id).title == title


def test_council_of_europe_texts_use_british_spelling(corpus: Corpus) -> None:
    coe = [a.title for i in ("budapest", "p1", "p2") for a in corpus.instrument(i).articles]
    assert not any("cooperation" in t.lower() for t in coe)
    un = [a.title for a in corpus.instrument("un").articles]
    assert not any("co-operation" in t.lower() for t in un)


def test_every_article_has_summary_keywords_and_a_place(corpus: Corpus) -> None:
    for inst in corpus.instruments:
        for art in inst.articles:
            assert art.summary and len(art.summary) < 900, art.id
            assert len(art.keywords) >= 3, art.id
            assert art.source, art.id
            if inst.id != "untoc":
                assert art.chapter is not None, art.id


def test_hierarchy_of_budapest_article_2(corpus: Corpus) -> None:
    art = corpus.article("budapest:2")
    assert (art.chapter.num, art.section.num, art.title_group.num) == ("II", "1", "1")
    assert art.section.name == "Substantive criminal law"


def test_instrument_facts(corpus: Corpus) -> None:
    bc = corpus.instrument("budapest")
    assert (bc.opened, bc.in_force, bc.number) == ("2001-11-23", "2004-07-01", "ETS No. 185")
    assert corpus.instrument("p2").in_force is None
    assert corpus.instrument("un").adopted == "2024-12-24"
    assert corpus.meta.data_version


def test_loads_from_another_folder(mini: Path) -> None:
    corpus = load(mini)
    assert [i.id for i in corpus.instruments] == ["a", "b", "c"]
    assert corpus.articles_file.endswith("articles.yaml")


def test_broken_yaml_names_file_and_line(real_copy: Path) -> None:
    path = real_copy / "articles.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[40] = "  - num: [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(real_copy)
    assert re.match(r".*articles\.yaml:4[1-3]:\d+: YAML syntax error", str(info.value))


def test_link_to_missing_article_blocks_loading_with_its_line(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path / "d",
        mapping="""\
        comparisons: []
        links:
          - {from: "a:1", to: "c:9", relation: equal, source: analysis}
        """,
    )
    with pytest.raises(
        DataError, match=r"mapping\.yaml:3:.*unknown article 'c:9' \(c has articles 1–2\)"
    ):
        load(folder)


def test_missing_data_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="data folder not found"):
        load(tmp_path / "missing")


def test_wrong_type_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "d")
    text = (
        (folder / "articles.yaml").read_text().replace("article_count: 3", "article_count: three")
    )
    (folder / "articles.yaml").write_text(text)
    with pytest.raises(
        DataError,
        match=r"articles\.yaml:13:20: instrument 'a' field 'article_count' must be a whole number",
    ):
        load(folder)


def test_duplicate_top_level_key_in_real_data_names_file_line_and_column(real_copy: Path) -> None:
    path = real_copy / "mapping.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "links: []\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"mapping\.yaml:\d+:1: duplicate key 'links'"):
        load(real_copy)
