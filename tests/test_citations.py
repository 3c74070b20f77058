"""Citations and names as people write them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatycmp.errors import UnknownName
from treatycmp.loading import load
from treatycmp.models import Corpus
from treatycmp.names.citations import Resolver, alias_key


@pytest.fixture(scope="module")
def resolver(corpus: Corpus) -> Resolver:
    return Resolver(corpus)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("budapest:2", "budapest:2"),
        ("bc 2", "budapest:2"),
        ("BC art. 2", "budapest:2"),
        ("Art. 2 BC", "budapest:2"),
        ("Article 2 of the Budapest Convention", "budapest:2"),
        ("ETS 185 art 2", "budapest:2"),
        ("ETS No. 185, Article 2", "budapest:2"),
        ("CETS 224 article 6", "p2:6"),
        ("UN 41", "un:41"),
        ("Article 16 UN", "un:16"),
        ("un:41", "un:41"),
        ("Art. 32(b) BC", "budapest:32"),
        ("art 32 para 2 bc", "budapest:32"),
        ("ets189 art. 6", "p1:6"),
        ("second protocol art 9", "p2:9"),
        ("A/RES/79/243 art. 40", "un:40"),
        ("Palermo Convention art 18", "untoc:18"),
        ("Mérida Convention article 51", "uncac:51"),
        ("UNCAC 51", "uncac:51"),
        ("bc2", "budapest:2"),
        ("Art.32BC", "budapest:32"),
        ("UN41", "un:41"),
        ("p2 art6", "p2:6"),
        ("§ 6 p1", "p1:6"),
        ("ETS 185-2", "budapest:2"),
    ],
)
def test_citation_forms(resolver: Resolver, text: str, expected: str) -> None:
    assert resolver.article(text).id == expected


def test_alias_key_folds_case_punctuation_and_fillers() -> None:
    assert alias_key("The ETS No. 185") == alias_key("ets185") == alias_key("ETS-185")


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("bc", "budapest"),
        ("Budapest Convention", "budapest"),
        ("ETS 185", "budapest"),
        ("first protocol", "p1"),
        ("e-evidence protocol", "p2"),
        ("coe", "coe"),
        ("UN convention", "un"),
        ("uncc", "un"),
        ("A/RES/79/243", "un"),
    ],
)
def test_scope_aliases(resolver: Resolver, name: str, scope: str) -> None:
    assert resolver.scope(name).id == scope


def test_group_members(resolver: Resolver) -> None:
    coe = resolver.scope("coe")
    assert coe.is_group and coe.members == ("budapest", "p1", "p2")


def test_unknown_instrument_suggests(resolver: Resolver) -> None:
    with pytest.raises(
        UnknownName, match=r"unknown instrument 'budapset'; did you mean 'budapest'"
    ):
        resolver.scope("budapset")


def test_unknown_article_number_says_the_range(resolver: Resolver) -> None:
    with pytest.raises(UnknownName, match="budapest has articles 1–48"):
        resolver.article("budapest:49")


def test_group_citation_is_refused_with_candidates(resolver: Resolver) -> None:
    with pytest.raises(UnknownName, match="coe is a group") as info:
        resolver.article("coe 6")
    assert set(info.value.suggestions) == {"budapest:6", "p1:6", "p2:6"}


def _forms(inst_alias: str, num: str) -> list[str]:
    return [
        f"{inst_alias}:{num}",
        f"{inst_alias} {num}",
        f"{inst_alias} art. {num}",
        f"Art. {num} {inst_alias}",
        f"Article {num} of the {inst_alias}",
        f"{inst_alias.upper()} ARTICLE {num}",
        f"art {num}({num}) {inst_alias}",
    ]


CORPUS = load()
RESOLVER = Resolver(CORPUS)
ARTICLES = [
    (a.id, a.num, (i.id, i.number, *i.aliases)) for i in CORPUS.instruments for a in i.articles
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(ARTICLES), st.data())
def test_every_article_in_every_form_resolves_to_itself(
    entry: tuple[str, str, tuple[str, ...]], data: st.DataObject
) -> None:
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


# ---------------------------------------------------------------- paragraphs as pinpoints


@pytest.mark.parametrize(
    ("text", "expected", "pinpoint"),
    [
        ("Article 40.22 UN", "un:40", "22"),
        ("Article 21.4 BC", "budapest:21", "4"),
        ("Art. 24(4) BC", "budapest:24", "4"),
        ("32 b) BC", "budapest:32", "b"),
        ("Art. 32(b) BC", "budapest:32", "b"),
        ("Art. 32b) BC", "budapest:32", "b"),
        ("art 32(2)(b) bc", "budapest:32", "2(b)"),
        ("UN 40.22(b)", "un:40", "22(b)"),
        ("art 32 para 2 bc", "budapest:32", "2"),
        ("Art. 32 § 2 BC", "budapest:32", "2"),
        ("Article 2 (BC)", "budapest:2", None),
        ("un:41", "un:41", None),
    ],
)
def test_paragraphs_are_kept_as_pinpoints(
    resolver: Resolver, text: str, expected: str, pinpoint: str | None
) -> None:
    cited = resolver.cite(text)
    assert (cited.article.id, cited.pinpoint) == (expected, pinpoint)
    assert resolver.article(text).id == expected


NUMBERED = """\
meta:
  data_version: "test"
instruments:
  - id: own
    name: "Own Instrument"
    short: "Own"
    number: "OWN-1"
    aliases: ["own treaty"]
    article_count: 5
    sources: ["test"]
    articles:
      - {num: "1", title: "One", summary: "s", source: "t"}
      - {num: "1.10", title: "One point ten", summary: "s", source: "t"}
      - {num: "2a", title: "Two a", summary: "s", source: "t"}
      - {num: "014", title: "Fourteen", summary: "s", source: "t"}
      - {num: "7", title: "Seven", summary: "s", source: "t"}
"""


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    from conftest import write_data

    folder = write_data(
        tmp_path_factory.mktemp("numbered"), NUMBERED, "comparisons: []\nlinks: []\nabsences: []\n"
    )
    return Resolver(load(folder))


@pytest.mark.parametrize(
    ("text", "expected", "pinpoint"),
    [
        ("own:1.10", "own:1.10", None),
        ("Art. 1.10 own", "own:1.10", None),
        ("own 1.2", "own:1", "2"),
        ("own:2a", "own:2a", None),
        ("own:014", "own:014", None),
        ("own 14", "own:014", None),
        ("Article 7 own", "own:7", None),
    ],
)
def test_article_numbers_with_dots_letters_and_zeros_are_found_as_spelled(
    numbered: Resolver, text: str, expected: str, pinpoint: str | None
) -> None:
    cited = numbered.cite(text)
    assert (cited.article.id, cited.pinpoint) == (expected, pinpoint)


def test_leading_zero_still_finds_the_plain_number(resolver: Resolver) -> None:
    assert resolver.article("budapest:014").id == "budapest:14"


# ---------------------------------------------------------------- short names and ordinals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merida 51", "uncac:51"),
        ("Palermo art. 18", "untoc:18"),
        ("Art. 5 Mérida", "uncac:5"),
        ("Hanoi treaty 7", "un:7"),
        ("1st Protocol art 6", "p1:6"),
        ("2nd Protocol 6", "p2:6"),
        ("Art. 6 2nd Protocol", "p2:6"),
        ("first protocol 3", "p1:3"),
        ("Article 9 of the second protocol", "p2:9"),
        ("2nd additional protocol art 2", "p2:2"),
    ],
)
def test_one_word_names_and_ordinals(resolver: Resolver, text: str, expected: str) -> None:
    assert resolver.article(text).id == expected


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("Merida", "uncac"),
        ("palermo", "untoc"),
        ("1st protocol", "p1"),
        ("2nd Protocol", "p2"),
        ("Hanoi", "un"),
    ],
)
def test_partial_names_name_one_instrument(resolver: Resolver, name: str, scope: str) -> None:
    assert resolver.scope(name).id == scope


@pytest.mark.parametrize(
    "name", ["protocol", "convention", "united nations", "cybercrime", "treaty", "additional"]
)
def test_words_shared_or_generic_name_nothing(resolver: Resolver, name: str) -> None:
    assert resolver.find_scope(name) is None


# ---------------------------------------------------------------- numbers that are no article


@pytest.mark.parametrize("text", ["budapest:-1", "bc -1", "Art. -3 UN", "budapest:0"])
def test_negative_or_zero_numbers_are_unknown_articles(resolver: Resolver, text: str) -> None:
    with pytest.raises(UnknownName, match="article numbers start at 1") as info:
        resolver.article(text)
    assert info.value.suggestions == ()


def test_negative_number_is_not_a_search_for_article_one(resolver: Resolver) -> None:
    assert resolver.parse("budapest:-1") == ("budapest", "-1")


# ---------------------------------------------------------------- did you mean


@pytest.mark.parametrize(
    ("text", "suggestions"),
    [
        ("un:7a", ("un:7",)),
        ("budapset:2", ("budapest:2",)),
        ("Art. 32 BCC", ("budapest:32",)),
        ("merdia 5", ("uncac:5",)),
        ("Art. 9b UN", ("un:9",)),
    ],
)
def test_suggestions_are_near_spellings(
    resolver: Resolver, text: str, suggestions: tuple[str, ...]
) -> None:
    with pytest.raises(UnknownName) as info:
        resolver.article(text)
    assert info.value.suggestions == suggestions
    assert resolver.suggest_article(text) == suggestions


def test_an_unknown_number_suggests_nothing_unrelated(resolver: Resolver) -> None:
    with pytest.raises(UnknownName) as info:
        resolver.article("un:99")
    assert info.value.suggestions == ()


def test_numbered_suggestions_keep_the_spelling(numbered: Resolver) -> None:
    assert numbered.suggest_article("own:2") == ("own:2a",)
    assert numbered.suggest_article("own:1b") == ("own:1", "own:1.10")
    assert numbered.suggest_article("own 1.1x") == (
        "own:1",
    )  # article 1, point 1x: found, so offered as is


def test_long_text_is_no_citation_and_is_read_quickly(resolver: Resolver) -> None:
    import time

    start = time.perf_counter()
    assert resolver.parse("1." * 5000) is None and resolver.parse("bc " + "2 " * 3000) is None
    assert (
        time.perf_counter() - start < 5
    )  # a backtracking pattern would take minutes; a busy machine takes ~0.5 s


def test_close_matches_ranks_by_similarity() -> None:
    from treatycmp.names.fuzzy import close_matches

    assert close_matches("budapset", ["un", "budapest", "bc"]) == ("budapest",)
    assert close_matches("p3", ["p1", "p2", "un"]) == ("p1", "p2")
    assert close_matches("7a", ["17", "7", "70"], limit=1) == ("7",)
    assert close_matches("zzz", ["budapest"]) == ()
    assert close_matches("", ["a"]) == () and close_matches("a", []) == ()


# ---------------------------------------------------------------- digits, and citations that say
# what is missing


@pytest.mark.parametrize(
    ("text", "expected"),
    [("UN ٤١", "un:41"), ("UN ４１", "un:41"), ("Art. ٣٢ BC", "budapest:32"), ("un:۴۱", "un:41")],
)
def test_unicode_decimal_digits_are_read_as_digits(
    resolver: Resolver, text: str, expected: str
) -> None:
    assert resolver.article(text).id == expected


@pytest.mark.parametrize("text", ["UN 4¹", "UN ⁴¹", "UN ④", "BC ½"])
def test_superscripts_and_other_numeric_characters_are_no_digits(
    resolver: Resolver, text: str
) -> None:
    with pytest.raises(UnknownName, match="is not a digit") as info:
        resolver.article(text)
    assert info.value.suggestions == ()
    assert resolver.find_citation(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "32 b)",
            "no instrument named in '32 b)'; article 32 exists in budapest, un, untoc, uncac",
        ),
        (
            "Art. 24(4)",
            "no instrument named in 'Art. 24(4)'; article 24 exists in budapest, p2, un, untoc, "
            "uncac",
        ),
        (
            "Article 40.22",
            "no instrument named in 'Article 40.22'; article 40 exists in budapest, un, untoc, "
            "uncac",
        ),
        (
            ":2",
            "no instrument named in ':2'; article 2 exists in budapest, p1, p2, un, untoc, uncac",
        ),
        ("Art. 999", "no instrument named in 'Art. 999'; no instrument has an article 999"),
        ("budapest:", "'budapest:' has no article number; write e.g. 'budapest:1'"),
        (
            "article II BC",
            "'article II BC' has no article number (II is a roman numeral, as chapters are "
            "numbered: "
            "'treatycmp articles budapest --chapter II' lists them)",
        ),
        ("UN 41 42", "'UN 41 42' names two articles (un:41, un:42); cite one at a time"),
    ],
)
def test_a_citation_missing_its_instrument_or_number_says_so(
    resolver: Resolver, text: str, message: str
) -> None:
    from treatycmp.errors import CitationError

    with pytest.raises(CitationError) as info:
        resolver.article(text)
    assert str(info.value) == message


def test_the_range_of_numbers_reads_in_number_order(numbered: Resolver) -> None:
    with pytest.raises(UnknownName, match="own has articles 1–014"):
        numbered.article("own:99")


def test_a_long_argument_is_echoed_cut(resolver: Resolver) -> None:
    with pytest.raises(UnknownName) as info:
        resolver.scope("x" * 100_000)
    assert len(str(info.value)) < 200 and "xxx…'" in str(info.value)
