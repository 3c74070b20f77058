"""The one text normaliser (names/normalise.py): folding (case, accents, digits) and words
(compounds, spelling, plurals, scripts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from treatycmp.names.normalise import fold, normalise


def test_normalisation_folds_spelling_hyphens_and_plurals() -> None:
    assert normalise("Co-operation") == normalise("cooperation")
    assert normalise("criminalisation") == normalise("Criminalization")
    assert normalise("trans-border") == normalise("transborder")
    assert normalise("offences") == normalise("offense")
    assert normalise("police-to-police") == ("police", "to", "police")


def test_fold_strips_accents_and_writes_decimal_digits_in_ascii() -> None:
    assert fold("Mérida") == "merida"
    assert fold("UN ٤١") == "un 41" and fold("ＵＮ ４１") == "un 41"
    assert fold("UN 4¹") == "un 4¹"  # a superscript is no digit


def chunkwise(text: str, expand: bool) -> tuple[str, ...]:
    """normalise() without its shortcut for texts with no compounds: every chunk goes through the
    general rule."""
    from treatycmp.names.normalise import _JOIN_SPLIT_RE, WORD_RE, fold, script_words, word_form

    words: list[str] = []
    for chunk in fold(text).split():
        parts = [p for p in _JOIN_SPLIT_RE.split(chunk) if p]
        if len(parts) == 2 and all(WORD_RE.fullmatch(p) for p in parts):
            words += ["".join(parts)] + (parts if expand else [])
        else:
            words += WORD_RE.findall(chunk)
    return tuple(word_form(p) for w in words for p in script_words(w))


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="abcXYZ019 -/'’.,;éÉℌ\u00a0\t\n网络犯罪الجرائمـ", max_size=30), st.booleans()
)
def test_normalise_shortcut_agrees_with_the_general_rule(text: str, expand: bool) -> None:
    normalise.cache_clear()
    assert normalise(text, expand) == chunkwise(text, expand)


def test_text_without_cjk_does_not_compile_the_cjk_patterns() -> None:
    from treatycmp.names.normalise import cjk_patterns

    normalise.cache_clear()
    cjk_patterns.cache_clear()
    assert normalise("Mérida’s convention") == ("merida", "convention")
    assert cjk_patterns.cache_info().currsize == 0
    assert normalise("网络犯罪") == ("网络", "络犯", "犯罪")
    assert cjk_patterns.cache_info().currsize == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aé’\u303f\u3040\u3041\u30ff\u3100网络\U00020001", min_size=1, max_size=8))
def test_the_cjk_shortcut_cuts_words_as_the_patterns_do(word: str) -> None:
    from treatycmp.names.normalise import cjk_patterns, script_words

    cjk, runs = cjk_patterns()
    expected = (
        [word]
        if not cjk.search(word)
        else [
            p
            for run in runs.findall(word)
            for p in (
                [run[i : i + 2] for i in range(len(run) - 1)]
                if len(run) > 1 and cjk.match(run)
                else [run]
            )
        ]
    )
    assert script_words(word) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aeinorsuzcht-", max_size=16))
def test_spelling_shortcut_agrees_with_the_patterns(word: str) -> None:
    from treatycmp.names.normalise import _SPELLING, spell

    expected = word
    for pattern, repl in _SPELLING:
        expected = pattern.sub(repl, expected)
    assert spell(word) == expected
