"""Renderers: every format renders every command's report; each format's own promises."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

import treatycmp as tc
from treatycmp import compare
from treatycmp.counting import coverage
from treatycmp.errors import UsageError
from treatycmp.lookup import Index
from treatycmp.models import Corpus
from treatycmp.origins import lineage
from treatycmp.output import write_atomic
from treatycmp.present import (
    article_card,
    articles_report,
    card_report,
    coverage_report,
    diff_report,
    find_all_report,
    find_report,
    gaps_report,
    instruments_report,
    lineage_report,
    note_report,
    notes_report,
    topic_report,
    topics_report,
)
from treatycmp.refs import Resolver
from treatycmp.render import RENDERERS, CheckFormat, Format, render, renderer_for
from treatycmp.render.base import Renderer, RenderOptions
from treatycmp.render.markdown import escape
from treatycmp.views import Column, Report, Section, View


@pytest.fixture(scope="module")
def reports(corpus: Corpus) -> dict[str, Report]:
    r = Resolver(corpus)
    bc, un, coe = r.scope("budapest"), r.scope("un"), r.scope("coe")
    return {
        "list": instruments_report(corpus),
        "articles": articles_report(corpus, un, corpus.instrument("un").articles),
        "diff": diff_report(compare.diff(corpus, bc, un)),
        "gaps": gaps_report(un, coe, compare.gaps(corpus, un, coe)),
        "show": card_report(corpus, compare.counterparts(corpus, corpus.article("un:40"))),
        "find": find_report(Index(corpus).find("grooming")),
        "coverage": coverage_report(coverage(corpus, bc, un)),
        "lineage": lineage_report(lineage(corpus, un, (coe, r.scope("untoc"), r.scope("uncac")))),
        "notes": notes_report(tc.notes(corpus)),
        "note": note_report(tc.note(corpus, "2")),
        "note-without-articles": note_report(tc.note(corpus, "12")),
        "show-with-notes": article_card(corpus, compare.counterparts(corpus, corpus.article("budapest:14"))),
        "find-with-notes": find_all_report(Index(corpus).find("ransomware"), tc.find_notes(corpus, "ransomware")),
        "topics": topics_report(tc.topics(corpus)),
        "topic": topic_report(tc.topic(corpus, "safeguards")),
    }


def test_every_format_has_a_renderer_and_nothing_else_is_registered() -> None:
    names = {f.value for f in Format} | {f.value for f in CheckFormat} | {"plain"}
    assert set(RENDERERS) == names
    for name in names:
        if name == "pptx":
            pytest.importorskip("pptx")
        assert isinstance(renderer_for(name, RenderOptions()), Renderer)


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders_every_command(reports: dict[str, Report], fmt: Format) -> None:
    pytest.importorskip("pptx") if fmt is Format.PPTX else None
    pytest.importorskip("openpyxl") if fmt is Format.XLSX else None
    for name, report in reports.items():
        if fmt is Format.SSSOM and report.mappings is None:  # only diff and gaps answer with mapping rows
            with pytest.raises(UsageError, match="--format sssom is for diff, gaps and export"):
                render(report, fmt)
            continue
        out = render(report, fmt, width=100, color=fmt is not Format.TABLE)
        assert out, (name, fmt)
        if fmt is Format.JSON:
            json.loads(out)
        if fmt in (Format.PPTX, Format.XLSX):
            assert out[:2] == b"PK"
    if fmt is Format.SSSOM:
        assert {n for n, r in reports.items() if r.mappings is not None} == {"diff", "gaps"}


def test_markdown_escapes_pipes_and_newlines() -> None:
    assert escape("a|b\nc") == "a\\|b c"
    report = Report("x", View("T", (Section("S", (Column("a", "A"),), (("x|y\nz",),)),)), [])
    assert "| x\\|y z |" in render(report, Format.MARKDOWN)


def test_csv_quotes_and_neutralises_formulas() -> None:
    report = Report("x", View("T", (Section("S", (Column("a", "A"), Column("b", "B")), (("=cmd()", 'say "hi", ok'),)),)), [])
    rows = list(csv.reader(io.StringIO(render(report, Format.CSV).lstrip("\ufeff"))))
    assert rows == [["a", "b"], ["'=cmd()", 'say "hi", ok']]


def test_html_is_self_contained(reports: dict[str, Report]) -> None:
    page = render(reports["diff"], Format.HTML)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "http://" not in page.replace('"http://www.w3.org', "") and "<script src" not in page and "<link" not in page
    assert "rel-subset" in page and "Relations:" in page


def test_svg_has_no_remote_font(reports: dict[str, Report]) -> None:
    svg = render(reports["coverage"], Format.SVG)
    assert svg.lstrip().startswith("<svg") and 'url("http' not in svg


def test_plain_table_fits_the_width(reports: dict[str, Report]) -> None:
    for width in (60, 100, 160):
        out = render(reports["diff"], Format.TABLE, width=width)
        table_lines = [l for l in out.splitlines() if l.startswith(("budapest:", "---", "un:"))]
        assert max(len(l) for l in table_lines) <= width


def test_pptx_splits_long_tables(reports: dict[str, Report]) -> None:
    pptx = pytest.importorskip("pptx")
    deck = pptx.Presentation(io.BytesIO(render(reports["diff"], Format.PPTX)))
    slides = list(deck.slides)
    assert len(slides) > 5
    for slide in slides:
        for shape in slide.shapes:
            if shape.has_table:
                assert len(shape.table.rows) <= 13


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(Exception, match="No space left"):
        write_atomic(target, "new content")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


@pytest.mark.parametrize("width", [1, 3, 8, 20])
def test_fold_keeps_every_character_within_the_width(width: int) -> None:
    from treatycmp.render.plain import fold
    text = "Trans-border access to stored computer data with consent or where publicly available"
    lines = fold(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def _pdf_words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, bottom y, page height, word) of every word, read with poppler's pdftotext -bbox."""
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words: list[tuple[int, float, float, str]] = []
    for n, page in enumerate(html.split("<page ")[1:], 1):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        words += [(n, float(y), height, w) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page)]
    return words


@pytest.mark.parametrize("name", ["diff", "gaps", "lineage"])
def test_pptx_slides_fit_and_break_no_word_when_rendered(reports: dict[str, Report], tmp_path: Path, name: str) -> None:
    import shutil
    import subprocess

    pytest.importorskip("pptx")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler-utils render the deck (apt-get install libreoffice-impress poppler-utils)")
    deck = tmp_path / f"{name}.pptx"
    deck.write_bytes(render(reports[name], Format.PPTX))  # type: ignore[arg-type]
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                   capture_output=True, check=True, timeout=300)
    words = _pdf_words(tmp_path / f"{name}.pdf")
    assert words
    assert all(y <= height for _, y, height, _ in words), "text runs off the bottom of a slide"
    text = {w for *_, w in words}
    assert not {"reviewe", "Relati", "intersect", "supers", "Statu"} & text, "a word is broken inside a cell"


def test_unconfirmed_note_facts_are_marked_in_every_format(reports: dict[str, Report]) -> None:
    """GN 2's title, symbol, plenary, date and articles are best readings: each human format shows the mark and its legend."""
    pytest.importorskip("pptx")
    legend = "a best reading that no source we read states outright"
    for fmt in (Format.TABLE, Format.MARKDOWN, Format.HTML, Format.SVG):
        out = str(render(reports["note"], fmt, width=120)).replace("&#160;", " ")
        assert "T-CY(2013)6 †" in out and legend in out, fmt
    data = json.loads(render(reports["note"], Format.JSON))
    assert data["note"]["unconfirmed"] == ["title", "symbol", "plenary", "adopted", "articles"]
    deck = pptx_text(render(reports["note"], Format.PPTX))
    assert "T-CY(2013)6 †" in deck and legend in deck
    rows = list(csv.DictReader(io.StringIO(str(render(reports["notes"], Format.CSV)).lstrip("\ufeff"))))
    assert rows[1]["symbol"] == "T-CY(2013)6 †" and rows[2]["symbol"] == "T-CY (2013)7 E †" and rows[9]["symbol"] == "T-CY(2015)16"


def pptx_text(data: str | bytes) -> str:
    import pptx
    deck = pptx.Presentation(io.BytesIO(data if isinstance(data, bytes) else data.encode()))
    texts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(texts)


def test_topic_deck_has_a_slide_per_instrument(reports: dict[str, Report]) -> None:
    pytest.importorskip("pptx")
    text = pptx_text(render(reports["topic"], Format.PPTX))
    for heading in ("Budapest Convention (budapest)", "UN Convention", "What each framework lacks"):
        assert heading in text
    assert "un:24" in text and "budapest:15" in text


HOSTILE = "Title \x1b]0;PWNED\x07\x1b[2J end \u202eevil\u202c \x9b31m"


def test_control_and_bidi_characters_never_reach_any_format_raw() -> None:
    import xml.dom.minidom

    section = Section("S", (Column("a", HOSTILE), Column("b", "B")), ((HOSTILE, "[/x] [bold]b[/bold]"),))
    report = Report("x", View(HOSTILE, (section,), ((HOSTILE, HOSTILE),), footer=HOSTILE), {"title": HOSTILE})
    raw = ("\x1b", "\x07", "\u202e", "\u202c", "\x9b")
    for fmt in (Format.TABLE, Format.MARKDOWN, Format.CSV, Format.HTML, Format.SVG, "plain"):
        for color in (False, True):
            out = render(report, fmt, width=100, color=color)
            styled = color and fmt in (Format.TABLE, Format.SVG)  # our own colour codes are escapes too
            forbidden = ("\x1b]", "\x1b[2J", *raw[1:]) if styled else raw
            assert isinstance(out, str) and not any(c in out for c in forbidden), (fmt, color)
            assert "PWNED" in out and ("\\x1b]0;PWNED\\x07" in out or fmt in (Format.SVG, Format.MARKDOWN)), fmt
    xml.dom.minidom.parseString(render(report, Format.SVG))  # still well-formed XML
    dumped = render(report, Format.JSON)
    assert not any(c in dumped for c in raw) and json.loads(dumped)["title"] == HOSTILE  # valid and faithful
    assert "[/x] [bold]b[/bold]" in render(report, Format.TABLE, color=True)


def test_diff_on_an_80_column_terminal_never_cuts_a_word_of_a_title(corpus: Corpus) -> None:
    r = Resolver(corpus)
    report = diff_report(compare.diff(corpus, r.scope("budapest"), r.scope("un")))
    out = render(report, Format.TABLE, width=80)
    words = set(out.split())
    assert max(len(line) for line in out.splitlines()) <= 80
    for row in report.data["rows"]:  # type: ignore[index]
        for title in (row["from_title"], row["to_title"]):
            assert not title or all(w in words for w in title.split()), title
    wide = render(report, Format.TABLE, width=200)
    assert "budapest title" in wide and "un title" in wide  # the full table where it fits
