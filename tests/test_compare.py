"""The comparison engine on the real data."""

from __future__ import annotations

import pytest

from treatycmp.engine.compare import counterparts, diff, gaps, links_between
from treatycmp.engine.coverage import classify, coverage
from treatycmp.models import Corpus, Relation
from treatycmp.names.citations import Resolver

# The Council of Europe slides (seed deck, slide 7): Budapest offences and their UN counterparts.
SLIDE_PAIRS = [
    ("budapest:2", "un:7"),
    ("budapest:3", "un:8"),
    ("budapest:4", "un:9"),
    ("budapest:5", "un:10"),
    ("budapest:6", "un:11"),
    ("budapest:7", "un:12"),
    ("budapest:8", "un:13"),
    ("budapest:9", "un:14"),
]


@pytest.fixture(scope="module")
def scopes(corpus: Corpus):
    r = Resolver(corpus)
    return {name: r.scope(name) for name in ("budapest", "p1", "p2", "un", "coe", "untoc", "uncac")}


@pytest.mark.parametrize(("bc", "un"), SLIDE_PAIRS)
def test_slide_offence_pairs_are_linked(corpus: Corpus, bc: str, un: str) -> None:
    assert un in {l.to_id for l in corpus.links_of(bc)}
    assert bc in {l.to_id for l in corpus.links_of(un)}


def test_reverse_view_swaps_subset_and_superset(corpus: Corpus, scopes) -> None:
    forward = {
        (l.from_id, l.to_id): l.relation
        for l in links_between(corpus, scopes["budapest"], scopes["un"])
    }
    backward = {
        (l.to_id, l.from_id): l.relation
        for l in links_between(corpus, scopes["un"], scopes["budapest"])
    }
    assert forward.keys() == backward.keys()
    for pair, relation in forward.items():
        assert backward[pair] is relation.inverse()
    assert any(r is Relation.SUBSET for r in forward.values())


def test_reverse_links_are_derived_not_stored(corpus: Corpus) -> None:
    stored = {(l.from_id, l.to_id) for l in corpus.links}
    assert not any((b, a) in stored for a, b in stored)
    assert all(l.derived for l in corpus.links_of("un:7") if l.to_id == "budapest:2")


def test_diff_rows_follow_a_order_then_gaps_then_b_only(corpus: Corpus, scopes) -> None:
    d = diff(corpus, scopes["budapest"], scopes["un"])
    kinds = [r.kind for r in d.rows]
    assert kinds == sorted(kinds, key=["link", "gap", "only_b"].index)
    nums = [int(r.from_article.num) for r in d.rows if r.kind == "link"]
    assert nums == sorted(nums)
    covered = {r.from_article.id for r in d.rows if r.from_article}
    assert covered == {a.id for a in corpus.instrument("budapest").articles}


def test_every_un_article_appears_in_diff_un_coe(corpus: Corpus, scopes) -> None:
    d = diff(corpus, scopes["un"], scopes["coe"])
    assert {r.from_article.id for r in d.rows if r.from_article} == {
        a.id for a in corpus.instrument("un").articles
    }
    assert all(r.declared for r in d.rows)


def test_gaps_of_p1_in_un_are_all_sixteen(corpus: Corpus, scopes) -> None:
    found = gaps(corpus, scopes["p1"], scopes["un"])
    assert [g.article.num for g in found] == [str(n) for n in range(1, 17)]
    assert all(g.declared and g.reason for g in found)


def test_gaps_of_p2_in_un_include_direct_cooperation_and_emergencies(
    corpus: Corpus, scopes
) -> None:
    ids = {g.article.id for g in gaps(corpus, scopes["p2"], scopes["un"])}
    assert {"p2:6", "p2:7", "p2:9", "p2:10"} <= ids


def test_grooming_and_intimate_images_are_new_in_un(corpus: Corpus, scopes) -> None:
    ids = {g.article.id for g in gaps(corpus, scopes["un"], scopes["coe"])}
    assert {"un:15", "un:16"} <= ids
    assert "un:7" not in ids


def test_budapest_25_to_28_meet_un_40(corpus: Corpus) -> None:
    for num in (25, 27, 28):
        assert "un:40" in {l.to_id for l in corpus.links_of(f"budapest:{num}")}


def test_group_scope_gathers_all_three_instruments(corpus: Corpus, scopes) -> None:
    d = diff(corpus, scopes["coe"], scopes["un"])
    instruments = {r.from_article.instrument for r in d.rows if r.from_article}
    assert instruments == {"budapest", "p1", "p2"}


def test_absence_in_group_counts_for_each_member(corpus: Corpus, scopes) -> None:
    assert classify(corpus, corpus.article("un:15"), scopes["budapest"])[0] == "absent"
    assert classify(corpus, corpus.article("un:15"), scopes["coe"])[0] == "absent"


def test_counterparts_span_every_instrument(corpus: Corpus) -> None:
    card = counterparts(corpus, corpus.article("un:40"))
    instruments = {other.instrument for _, other in card.links}
    assert {"budapest", "untoc", "uncac"} <= instruments


def test_filters(corpus: Corpus, scopes) -> None:
    only_equal = diff(corpus, scopes["budapest"], scopes["un"], relation="equal")
    assert only_equal.rows and all(r.relation == "equal" for r in only_equal.rows)
    chapter = diff(corpus, scopes["budapest"], scopes["un"], chapter="II", only="matched")
    assert chapter.rows and all(r.from_article.chapter.num == "II" for r in chapter.rows)
    by_name = diff(
        corpus, scopes["budapest"], scopes["un"], chapter="final provisions", only="gaps"
    )
    assert {r.kind for r in by_name.rows} <= {"gap", "only_b"}


def test_coverage_counts_each_article_once(corpus: Corpus, scopes) -> None:
    cov = coverage(corpus, scopes["budapest"], scopes["un"])
    assert sum(cov.totals.values()) == 48
    assert cov.totals["unmapped"] == 0
    assert [str(r.chapter.num) for r in cov.rows] == ["I", "II", "III", "IV"]


SCOPES = ("budapest", "p1", "p2", "un", "untoc", "uncac", "coe")


@pytest.mark.parametrize(("a", "b"), [(a, b) for a in SCOPES for b in SCOPES if a != b])
def test_diff_accounts_for_every_article_once_between_any_two_scopes(
    corpus: Corpus, scopes, a: str, b: str
) -> None:
    d = diff(corpus, scopes[a], scopes[b])
    a_ids = [x.id for inst in scopes[a].members for x in corpus.instrument(inst).articles]
    linked = {r.from_article.id for r in d.rows if r.kind == "link"}
    gapped = [r.from_article.id for r in d.rows if r.kind == "gap"]
    assert len(gapped) == len(set(gapped)) and not linked & set(gapped)
    assert linked | set(gapped) == set(a_ids)
    only_b = {r.to_article.id for r in d.rows if r.kind == "only_b"}
    reverse = diff(corpus, scopes[b], scopes[a])
    assert only_b == {r.from_article.id for r in reverse.rows if r.kind == "gap"}
    forward = sorted(
        (r.from_article.id, r.to_article.id, r.relation) for r in d.rows if r.kind == "link"
    )
    back = sorted(
        (r.to_article.id, r.from_article.id, Relation(r.relation).inverse().value)
        for r in reverse.rows
        if r.kind == "link"
    )
    assert forward == back
