"""Citations and names as people write them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatycmp.errors import UnknownName
from treatycmp.loader import load
from treatycmp.models import Corpus
from treatycmp.refs import Resolver, alias_key


@pytest.fixture(scope="module")
def resolver(corpus: Corpus) -> Resolver:
    return Resolver(corpus)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("budapest:2", "budapest:2"), ("bc 2", "budapest:2"), ("BC art. 2", "budapest:2"), ("Art. 2 BC", "budapest:2"),
        ("Article 2 of the Budapest Convention", "budapest:2"), ("ETS 185 art 2", "budapest:2"),
        ("ETS No. 185, Article 2", "budapest:2"), ("CETS 224 article 6", "p2:6"), ("UN 41", "un:41"),
        ("Article 16 UN", "un:16"), ("un:41", "un:41"), ("Art. 32(b) BC", "budapest:32"), ("art 32 para 2 bc", "budapest:32"),
        ("ets189 art. 6", "p1:6"), ("second protocol art 9", "p2:9"), ("A/RES/79/243 art. 40", "un:40"),
        ("Palermo Convention art 18", "untoc:18"), ("Mérida Convention article 51", "uncac:51"), ("UNCAC 51", "uncac:51"),
        ("bc2", "budapest:2"), ("Art.32BC", "budapest:32"), ("UN41", "un:41"), ("p2 art6", "p2:6"), ("§ 6 p1", "p1:6"),
    ],
)
def test_citation_forms(resolver: Resolver, text: str, expected: str) -> None:
    assert resolver.article(text).id == expected


def test_alias_key_folds_case_punctuation_and_fillers() -> None:
    assert alias_key("The ETS No. 185") == alias_key("ets185") == alias_key("ETS-185")


@pytest.mark.parametrize(("name", "scope"), [("bc", "budapest"), ("Budapest Convention", "budapest"), ("ETS 185", "budapest"),
                                             ("first protocol", "p1"), ("e-evidence protocol", "p2"), ("coe", "coe"),
                                             ("UN convention", "un"), ("uncc", "un"), ("A/RES/79/243", "un")])
def test_scope_aliases(resolver: Resolver, name: str, scope: str) -> None:
    assert resolver.scope(name).id == scope


def test_group_members(resolver: Resolver) -> None:
    coe = resolver.scope("coe")
    assert coe.is_group and coe.members == ("budapest", "p1", "p2")


def test_unknown_instrument_suggests(resolver: Resolver) -> None:
    with pytest.raises(UnknownName, match=r"unknown instrument 'budapset'; did you mean 'budapest'"):
        resolver.scope("budapset")


def test_unknown_article_number_says_the_range(resolver: Resolver) -> None:
    with pytest.raises(UnknownName, match="budapest has articles 1–48"):
        resolver.article("budapest:49")


def test_group_citation_is_refused_with_candidates(resolver: Resolver) -> None:
    with pytest.raises(UnknownName, match="coe is a group") as info:
        resolver.article("coe 6")
    assert set(info.value.suggestions) == {"budapest:6", "p1:6", "p2:6"}


def _forms(inst_alias: str, num: str) -> list[str]:
    return [f"{inst_alias}:{num}", f"{inst_alias} {num}", f"{inst_alias} art. {num}", f"Art. {num} {inst_alias}",
            f"Article {num} of the {inst_alias}", f"{inst_alias.upper()} ARTICLE {num}", f"art {num}({num}) {inst_alias}"]


CORPUS = load()
RESOLVER = Resolver(CORPUS)
ARTICLES = [(a.id, a.num, (i.id, i.number, *i.aliases)) for i in CORPUS.instruments for a in i.articles]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(ARTICLES), st.data())
def test_every_article_in_every_form_resolves_to_itself(entry: tuple[str, str, tuple[str, ...]], data: st.DataObject) -> None:
    article_id, num, aliases = entry
    alias = data.draw(st.sampled_from(aliases))
    for form in _forms(alias, num):
        assert RESOLVER.article(form).id == article_id, form


def test_every_article_resolves_by_id_and_number(corpus: Corpus, resolver: Resolver) -> None:
    for inst in corpus.instruments:
        for art in inst.articles:
            assert resolver.article(f"{inst.number} art {art.num}").id == art.id


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parser_never_crashes(text: str) -> None:
    parsed = RESOLVER.parse(text)
    assert parsed is None or CORPUS.members(parsed[0])
