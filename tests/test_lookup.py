"""Fuzzy look-up on the real corpus, and the evaluation set that guards its quality."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from treatycmp.lookup import Index, normalise
from treatycmp.models import Corpus
from treatycmp.refs import Resolver

QUERIES = yaml.safe_load((Path(__file__).parent / "data" / "queries.yaml").read_text(encoding="utf-8"))["queries"]


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> Index:
    return Index(corpus)


def top(index: Index, query: str, within: str | None = None, n: int = 3) -> list[str]:
    members = Resolver(index.corpus).scope(within).members if within else None
    return [h.article.id for h in index.find(query, within=members, limit=n).hits]


def test_evaluation_set_is_large_and_valid(corpus: Corpus) -> None:
    assert len(QUERIES) >= 60
    for q in QUERIES:
        assert q["expect"] and all(corpus.has_article(a) for a in q["expect"]), q


def test_hit_at_3_is_100_percent_on_the_evaluation_set(index: Index) -> None:
    misses = [q["query"] for q in QUERIES if not set(top(index, q["query"], q.get("in"))) & set(q["expect"])]
    assert misses == []


def test_hit_at_1_is_at_least_95_percent(index: Index) -> None:
    hits = sum(1 for q in QUERIES if top(index, q["query"], q.get("in"), 1)[:1] and top(index, q["query"], q.get("in"), 1)[0] in q["expect"])
    assert hits / len(QUERIES) >= 0.95


@pytest.mark.parametrize(
    ("query", "within", "expected"),
    [
        ("transborder acess", "budapest", "budapest:32"),
        ("trans-border access", "bc", "budapest:32"),
        ("grooming", None, "un:15"),
        ("revenge porn", None, "un:16"),
        ("WHOIS", None, "p2:6"),
        ("Art. 32 BC", None, "budapest:32"),
        ("interferance with data", "un", "un:9"),
        ("emergency MLA request", "p2", "p2:10"),
        ("DDOS", "budapest", "budapest:5"),
    ],
)
def test_known_queries_land_first(index: Index, query: str, within: str | None, expected: str) -> None:
    assert top(index, query, within, 1) == [expected]


def test_citation_comes_first_with_full_score(index: Index) -> None:
    hit = index.find("ETS 185 art 2").hits[0]
    assert (hit.article.id, hit.score, hit.field) == ("budapest:2", 100.0, "citation")


def test_normalisation_folds_spelling_hyphens_and_plurals() -> None:
    assert normalise("Co-operation") == normalise("cooperation")
    assert normalise("criminalisation") == normalise("Criminalization")
    assert normalise("trans-border") == normalise("transborder")
    assert normalise("offences") == normalise("offense")
    assert normalise("police-to-police") == ("police", "to", "police")


def test_nonsense_finds_nothing(index: Index) -> None:
    assert index.find("qqqzzzx").hits == ()
