"""Topic views on the shipped data: articles by instrument with their counterparts, and what each
framework lacks."""

from __future__ import annotations

import pytest

import treatycmp as tc
from treatycmp.engine.topics import frameworks
from treatycmp.errors import UnknownName
from treatycmp.models import Corpus


def test_safeguards_lists_un_24_and_budapest_15_by_instrument(corpus: Corpus) -> None:
    view = tc.topic(corpus, "safeguards")
    assert [i.id for i, _ in view.groups] == ["budapest", "p2", "un", "untoc", "uncac"]
    ids = [r.article.id for r in view.rows]
    assert (
        {"un:24", "budapest:15"} <= set(ids) and len(ids) == 16 and "un:23" not in ids
    )  # un:23 is a scope clause
    budapest = dict(view.groups)[corpus.instrument("budapest")]
    assert [r.article.id for r in budapest] == [
        "budapest:14",
        "budapest:15",
        "budapest:27",
        "budapest:28",
    ]  # treaty order
    bc15 = next(r for r in view.rows if r.article.id == "budapest:15")
    assert ("subset", "un:24") in [(l.relation.value, o.id) for l, o in bc15.links]


def test_lacks_are_the_declared_absences_of_the_topics_articles(corpus: Corpus) -> None:
    view = tc.topic(corpus, "proceeds")
    assert ("coe", "un:17") in [(x.framework.id, x.row.article.id) for x in view.lacks]
    for lack in view.lacks:
        assert lack.absence in corpus.absences_of(lack.row.article.id)
    expected = {
        (a.absent_in, r.article.id) for r in view.rows for a in corpus.absences_of(r.article.id)
    }
    assert {(x.framework.id, x.row.article.id) for x in view.lacks} == expected


def test_status_filters_links_and_lacks(corpus: Corpus) -> None:
    view = tc.topic(corpus, "safeguards", status="reviewed")
    assert all(l.status == "reviewed" for r in view.rows for l, _ in r.links)
    assert all(x.absence.status == "reviewed" for x in view.lacks)
    assert len(view.rows) == 16  # entries have no status: every one stays


def test_frameworks_are_groups_then_lone_instruments(corpus: Corpus) -> None:
    assert [f.id for f in frameworks(corpus)] == ["coe", "un", "untoc", "uncac"]


@pytest.mark.parametrize(
    "name", ["safeguards", "topic:safeguards", "Human Rights", "TOPIC: conditions and safeguards"]
)
def test_topics_are_named_by_id_alias_or_prefix(corpus: Corpus, name: str) -> None:
    assert tc.topic(corpus, name).topic.id == "safeguards"


def test_an_unknown_topic_suggests_the_near_spelling(corpus: Corpus) -> None:
    with pytest.raises(UnknownName, match="did you mean 'topic:emergencies'"):
        tc.topic(corpus, "emergencis")
