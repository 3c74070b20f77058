"""Text measuring for slides: the width table is Liberation Sans's, and wrapping keeps every line
within its width."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatycmp.output.render import textfit
from treatycmp.output.render.textfit import char_units, text_width, wrap

LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


@pytest.mark.parametrize(("bold", "face"), [(False, "Regular"), (True, "Bold")])
def test_widths_are_liberation_sans_advances(bold: bool, face: str) -> None:
    image_font = pytest.importorskip("PIL.ImageFont")
    path = LIBERATION / f"LiberationSans-{face}.ttf"
    if not path.exists():
        pytest.skip("Liberation Sans is not installed (fonts-liberation2 comes with LibreOffice)")
    font = image_font.truetype(str(path), 2048)
    assert {c: char_units(c, bold) for c in textfit._CHARS} == {
        c: round(font.getlength(c)) for c in textfit._CHARS
    }


def test_accented_letters_measure_as_their_base_and_unknown_characters_as_an_em() -> None:
    assert char_units("é") == char_units("e") and char_units("Ç", bold=True) == char_units(
        "C", bold=True
    )
    assert char_units("⊂") == char_units("漢") == 2048
    assert text_width("ab", 14) == pytest.approx((1139 + 1139) * 14 / 2048)


@pytest.mark.parametrize("width", [20.0, 60.0, 150.0, 400.0])
def test_wrap_keeps_each_line_within_the_width_and_every_word(width: float) -> None:
    text = (
        "Trans-border access to stored computer data with consent or where publicly available\n"
        "T-CY(2013)10E †"
    )
    lines = wrap(text, width, 14)
    assert all(text_width(line, 14) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    whole = [w for w in text.split() if text_width(w, 14) <= width]
    assert all(
        any(w in line.split() for line in lines) for w in whole
    )  # a word that fits a line is never cut


def test_wrap_breaks_only_where_the_next_word_does_not_fit() -> None:
    width = text_width("Illegal access", 14)
    assert wrap("Illegal access to data", width, 14) == ["Illegal access", "to data"]
    assert wrap("", width, 14) == [""] and wrap("a\n\nb", width, 14) == ["a", "", "b"]
