"""Renderers: every format renders every command's report; each format's own promises."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import treatycmp as tc
from treatycmp.engine import compare
from treatycmp.engine.coverage import coverage
from treatycmp.engine.lineage import lineage
from treatycmp.errors import UsageError
from treatycmp.models import Corpus
from treatycmp.names.citations import Resolver
from treatycmp.names.search import Index
from treatycmp.output.present import (
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
    mapping_report,
    note_report,
    notes_report,
    topic_report,
    topics_report,
)
from treatycmp.output.present_reach import reach_report
from treatycmp.output.render import RENDERERS, CheckFormat, Format, render, renderer_for
from treatycmp.output.render.base import Renderer, RenderOptions
from treatycmp.output.render.markdown import escape
from treatycmp.output.views import ID, Column, Report, Section, View, pick_columns
from treatycmp.output.writing import write_atomic


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
        "show-with-notes": article_card(
            corpus, compare.counterparts(corpus, corpus.article("budapest:14"))
        ),
        "find-with-notes": find_all_report(
            Index(corpus).find("ransomware"), tc.find_notes(corpus, "ransomware")
        ),
        "topics": topics_report(tc.topics(corpus)),
        "topic": topic_report(tc.topic(corpus, "safeguards")),
        "export": mapping_report(corpus),
        "reach": reach_report(tc.reach(corpus)),
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
        if (
            fmt is Format.SSSOM and report.mappings is None
        ):  # only diff, gaps and export answer with mapping rows
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
        assert {n for n, r in reports.items() if r.mappings is not None} == {
            "diff",
            "gaps",
            "export",
        }


def test_markdown_escapes_pipes_and_newlines() -> None:
    assert escape("a|b\nc") == "a\\|b c"
    report = Report("x", View("T", (Section("S", (Column("a", "A"),), (("x|y\nz",),)),)), [])
    assert "| x\\|y z |" in render(report, Format.MARKDOWN)


def test_csv_quotes_and_neutralises_formulas() -> None:
    report = Report(
        "x",
        View(
            "T",
            (Section("S", (Column("a", "A"), Column("b", "B")), (("=cmd()", 'say "hi", ok'),)),),
        ),
        [],
    )
    rows = list(csv.reader(io.StringIO(render(report, Format.CSV).lstrip("\ufeff"))))
    assert rows == [["a", "b"], ["'=cmd()", 'say "hi", ok']]


def test_html_is_self_contained(reports: dict[str, Report]) -> None:
    page = render(reports["diff"], Format.HTML)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert (
        "http://" not in page.replace('"http://www.w3.org', "")
        and "<script src" not in page
        and "<link" not in page
    )
    assert "rel-subset" in page and "Relations:" in page


def test_svg_has_no_remote_font(reports: dict[str, Report]) -> None:
    svg = render(reports["coverage"], Format.SVG)
    assert svg.lstrip().startswith("<svg") and 'url("http' not in svg


def test_plain_table_fits_the_width(reports: dict[str, Report]) -> None:
    for width in (60, 100, 160):
        out = render(reports["diff"], Format.TABLE, width=width)
        table_lines = [l for l in out.splitlines() if l.startswith(("budapest:", "---", "un:"))]
        assert max(len(l) for l in table_lines) <= width


def _deck(data: str | bytes) -> Any:
    import pptx

    return pptx.Presentation(io.BytesIO(data if isinstance(data, bytes) else data.encode()))


def _tables(deck: Any) -> list[tuple[str, Any, list[str]]]:
    """(title, table shape, speaker-note paragraphs) of every slide that holds a table."""
    found = []
    for slide in deck.slides:
        title = next(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        notes = slide.notes_slide.notes_text_frame.text.split("\n") if slide.has_notes_slide else []
        found += [(title, shape, notes) for shape in slide.shapes if shape.has_table]
    return found


def _cells(shape: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in shape.table.rows]


def _chapter_ii(corpus: Corpus) -> Report:
    r = Resolver(corpus)
    return diff_report(compare.diff(corpus, r.scope("budapest"), r.scope("un"), chapter="II"))


def test_pptx_tables_hold_the_short_columns_and_the_notes_the_long_ones(corpus: Corpus) -> None:
    pytest.importorskip("pptx")
    report = _chapter_ii(corpus)
    tables = _tables(_deck(render(report, Format.PPTX)))
    headers = {tuple(_cells(shape)[0]) for _, shape, _ in tables}
    assert headers == {
        ("budapest", "budapest title", "Relation", "un", "un title", "Status", "Basis"),
        ("budapest", "budapest title", "Status", "Basis"),
    }
    rows = [row for _, shape, _ in tables for row in _cells(shape)[1:]]
    assert len(rows) == len(report.data["rows"])  # type: ignore[index]
    assert all(
        len(notes) == len(_cells(shape)) - 1 for _, shape, notes in tables
    )  # a paragraph per row


def test_pptx_speaker_notes_carry_each_rows_note_and_source(reports: dict[str, Report]) -> None:
    """Every row of the diff deck: its slide's notes say 'budapest:2 → un:7: <note> Source:
    <source>'."""
    pytest.importorskip("pptx")
    said: dict[str, str] = {}
    for _, shape, notes in _tables(_deck(render(reports["diff"], Format.PPTX))):
        for row, note in zip(_cells(shape)[1:], notes):
            label = note.split(": ", 1)[0]
            assert label in (f"{row[0]} → {row[3]}", row[0]), (
                row,
                note,
            )  # the note of the row beside it
            said[label] = note
    for row in reports["diff"].data["rows"]:  # type: ignore[index]
        ends = [
            f"{i}{f' ¶{p}' if p else ''}"
            for i, p in ((row["from"], row["from_paragraphs"]), (row["to"], row["to_paragraphs"]))
            if i
        ]
        note = said[" → ".join(ends) if row["kind"] == "link" else ends[0]]
        assert note.split(": ", 1)[1].startswith(row["note"]), note
        assert f"Source: {row['source']}" in note if row["source"] else "Source:" not in note, note


def test_pptx_columns_bring_long_columns_back_into_the_table(reports: dict[str, Report]) -> None:
    pytest.importorskip("pptx")
    picked = pick_columns(reports["diff"], ("from", "relation", "to", "note"))
    tables = _tables(_deck(render(picked, Format.PPTX)))
    assert {tuple(_cells(shape)[0]) for _, shape, _ in tables} >= {
        ("budapest", "Relation", "un", "Note / reason")
    }
    assert not any(notes for *_, notes in tables)
    shown = Counter(
        w
        for _, shape, _ in tables
        for row in _cells(shape)[1:]
        for cell in row
        for w in cell.split()
    )
    notes = Counter(w for row in reports["diff"].data["rows"] for w in row["note"].split())  # type: ignore[index]
    assert (
        not notes - shown
    )  # every word of every note, rows continued on the next slide where they do not fit


def test_pptx_rows_fill_each_slide_before_the_next(
    reports: dict[str, Report], corpus: Corpus
) -> None:
    """No table runs past the bottom margin, and a section moves on to a new slide only when its
    next row would."""
    pytest.importorskip("pptx")
    from pptx.util import Pt

    from treatycmp.output.render.pptx import BOTTOM

    bottom_margin = Pt(BOTTOM)
    decks = {
        **reports,
        "diff-chapter-II": _chapter_ii(corpus),
        "diff-columns": pick_columns(reports["diff"], ("from", "relation", "to", "note", "source")),
    }
    for name, report in decks.items():
        tables = _tables(_deck(render(report, Format.PPTX)))
        for (title, shape, _), (after, following, _) in zip(tables, [*tables[1:], ("", None, [])]):
            end = shape.top + sum(row.height for row in shape.table.rows)
            assert end <= bottom_margin, (name, title)
            if re.sub(r" \(\d+/\d+\)$", "", title) == re.sub(r" \(\d+/\d+\)$", "", after):
                assert end + following.table.rows[1].height > bottom_margin, (name, title)


def test_pptx_a_row_taller_than_the_room_left_continues_on_the_next_slide() -> None:
    pytest.importorskip("pptx")
    from treatycmp.output.render.pptx import Layout, TableRow, paginate, row_height

    layout = Layout((Column("id", "Id", ID), Column("note", "Note")), (80.0, 300.0))
    text = " ".join(f"word{n}" for n in range(200))
    rows = [TableRow(("a:1", "short"), (None, None)), TableRow(("a:2", text), (None, None))]
    room = 10 * row_height(("a:1", "short"), layout.widths)
    pages = paginate(rows, layout, room)
    assert len(pages) > 2 and all(
        sum(row_height(r.cells, layout.widths) for r in page) <= room for page in pages
    )
    assert [r.cells[0] for page in pages for r in page] == ["a:1"] + ["a:2"] * len(
        pages
    )  # ids repeated
    parts = [r.cells[1] for page in pages for r in page][1:]
    assert all(part.startswith("(cont.) ") for part in parts[1:])
    assert " ".join(parts).replace("(cont.) ", "") == text


def test_pptx_body_text_is_at_least_14_points(reports: dict[str, Report]) -> None:
    """In the XML of every slide of every deck: each run, paragraph default and end mark is sized,
    at 14 pt or more."""
    pytest.importorskip("pptx")
    from pptx.oxml.ns import qn

    for name, report in reports.items():
        for n, slide in enumerate(_deck(render(report, Format.PPTX)).slides, 1):
            runs = list(slide._element.iter(qn("a:r")))
            assert runs and all(r.find(qn("a:rPr")) is not None for r in runs), (name, n)
            sizes = [
                int(e.get("sz"))
                for tag in ("a:rPr", "a:defRPr", "a:endParaRPr")
                for e in slide._element.iter(qn(tag))
            ]
            assert min(sizes) >= 1400, (name, n)


def test_atomic_write_leaves_nothing_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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
    from treatycmp.output.render.plain import hard_wrap

    text = "Trans-border access to stored computer data with consent or where publicly available"
    lines = hard_wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


class Word(NamedTuple):
    """A word of a rendered slide, with its box in points as poppler's pdftotext -bbox reads it."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


class Page(NamedTuple):
    width: float
    height: float
    words: list[Word]


def _pdf_pages(pdf: Path) -> list[Page]:
    import html
    import subprocess

    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        width, height = (
            float(re.search(rf'{k}="([\d.]+)"', page).group(1)) for k in ("width", "height")
        )  # type: ignore[union-attr]
        boxes = re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        )
        pages.append(
            Page(
                width, height, [Word(*map(float, box[:4]), html.unescape(box[4])) for box in boxes]
            )
        )
    return pages


# fmt: off
DECKS = (
    "list", "articles", "show", "diff", "gaps", "coverage", "lineage", "find", "notes", "note",
    "topics", "topic", "export", "reach", "note-without-articles", "show-with-notes",
    "find-with-notes", "diff-chapter-II", "diff-columns",
)
# fmt: on
"""Every deck command (notes N is 'note'), and diff with --chapter II and with --columns bringing
the notes back."""


@pytest.fixture(scope="module")
def rendered(
    reports: dict[str, Report], corpus: Corpus, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Any, list[Page]]]:
    """Each deck of DECKS and its pages as LibreOffice renders them to PDF (one conversion for
    all)."""
    import shutil
    import subprocess

    pytest.importorskip("pptx")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office or not shutil.which("pdftotext"):
        pytest.skip(
            "LibreOffice and poppler-utils render the decks (apt-get install libreoffice-impress "
            "poppler-utils)"
        )
    assert set(reports) <= set(DECKS)
    decks = {
        **reports,
        "diff-chapter-II": _chapter_ii(corpus),
        "diff-columns": pick_columns(reports["diff"], ("from", "relation", "to", "note", "source")),
    }
    folder = tmp_path_factory.mktemp("decks")
    data = {name: render(decks[name], Format.PPTX) for name in DECKS}
    for name, deck in data.items():
        (folder / f"{name}.pptx").write_bytes(deck)  # type: ignore[arg-type]
    # never handed to another LibreOffice running here
    profile = f"-env:UserInstallation=file://{folder}/profile"
    subprocess.run(
        [
            office,
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.pptx") for name in DECKS),
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    return {name: (_deck(data[name]), _pdf_pages(folder / f"{name}.pdf")) for name in DECKS}


def _slide_texts(slide: Any) -> tuple[list[str], list[str]]:
    """The texts of a slide's text boxes and of its table cells."""
    boxes = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    cells = [c for s in slide.shapes if s.has_table for row in _cells(s) for c in row]
    return boxes, cells


@pytest.mark.parametrize("name", DECKS)
def test_pptx_decks_keep_every_word_on_its_slide_when_rendered(
    rendered: dict[str, tuple[Any, list[Page]]], name: str
) -> None:
    """LibreOffice's rendering: a page per slide; every character of a slide on its page and inside
    it (text that runs off a slide is cut from the PDF); no word broken inside a cell; text 14 pt or
    more; a slide that a table continues from is more than half full."""
    deck, pages = rendered[name]
    assert len(pages) == len(deck.slides)
    for n, (slide, page) in enumerate(zip(deck.slides, pages), 1):
        boxes, cells = _slide_texts(slide)
        missing = Counter("".join("".join(boxes + cells).split())) - Counter(
            "".join(w.text for w in page.words)
        )
        assert not missing, (n, "".join(missing.elements()))
        assert all(
            0 <= w.x0 and w.x1 <= page.width and 0 <= w.y0 and w.y1 <= page.height
            for w in page.words
        ), n
        shown = {w.text for w in page.words}
        broken = {w for cell in cells for w in cell.split() if not re.search("[-/]", w)} - shown
        assert not broken, (n, broken)
        assert min(w.y1 - w.y0 for w in page.words) >= 17.5, (
            n
        )  # 14 pt text boxes 18.2 pt tall; 13 pt 16.9
        if re.search(r"\((\d+)/(?!\1\))\d+\)$", boxes[0]):
            assert max(w.y1 for w in page.words) > page.height / 2, (n, boxes[0])


def test_unconfirmed_note_facts_are_marked_in_every_format(reports: dict[str, Report]) -> None:
    """GN 2's title, symbol, plenary, date and articles are best readings: each human format shows
    the mark and its legend."""
    pytest.importorskip("pptx")
    legend = "a best reading that no source we read states outright"
    for fmt in (Format.TABLE, Format.MARKDOWN, Format.HTML, Format.SVG):
        out = str(render(reports["note"], fmt, width=120)).replace("&#160;", " ")
        assert "T-CY(2013)6 †" in out and legend in out, fmt
    data = json.loads(render(reports["note"], Format.JSON))
    assert data["note"]["unconfirmed"] == ["title", "symbol", "plenary", "adopted", "articles"]
    deck = pptx_text(render(reports["note"], Format.PPTX))
    assert "T-CY(2013)6 †" in deck and legend in deck
    rows = list(
        csv.DictReader(io.StringIO(str(render(reports["notes"], Format.CSV)).lstrip("\ufeff")))
    )
    assert (
        rows[1]["symbol"] == "T-CY(2013)6 †"
        and rows[2]["symbol"] == "T-CY (2013)7 E †"
        and rows[9]["symbol"] == "T-CY(2015)16"
    )


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

    section = Section(
        "S", (Column("a", HOSTILE), Column("b", "B")), ((HOSTILE, "[/x] [bold]b[/bold]"),)
    )
    report = Report(
        "x", View(HOSTILE, (section,), ((HOSTILE, HOSTILE),), footer=HOSTILE), {"title": HOSTILE}
    )
    raw = ("\x1b", "\x07", "\u202e", "\u202c", "\x9b")
    for fmt in (Format.TABLE, Format.MARKDOWN, Format.CSV, Format.HTML, Format.SVG, "plain"):
        for color in (False, True):
            out = render(report, fmt, width=100, color=color)
            styled = color and fmt in (
                Format.TABLE,
                Format.SVG,
            )  # our own colour codes are escapes too
            forbidden = ("\x1b]", "\x1b[2J", *raw[1:]) if styled else raw
            assert isinstance(out, str) and not any(c in out for c in forbidden), (fmt, color)
            assert "PWNED" in out and (
                "\\x1b]0;PWNED\\x07" in out or fmt in (Format.SVG, Format.MARKDOWN)
            ), fmt
    xml.dom.minidom.parseString(render(report, Format.SVG))  # still well-formed XML
    dumped = render(report, Format.JSON)
    assert (
        not any(c in dumped for c in raw) and json.loads(dumped)["title"] == HOSTILE
    )  # valid and faithful
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


def test_the_report_page_says_a_missing_basis_with_the_word_tables_use(tmp_path: Path) -> None:
    from conftest import LINK_PROV, MINI_MAPPING, write_data

    from treatycmp.api import report_data
    from treatycmp.loading import load
    from treatycmp.output.render.report import build_report

    folder = write_data(tmp_path / "d", mapping=MINI_MAPPING.replace(f", {LINK_PROV}", "", 1))
    corpus = load(folder, shipped=False)
    page = build_report(report_data(corpus))
    r = Resolver(corpus)
    table = str(render(diff_report(compare.diff(corpus, r.scope("a"), r.scope("c"))), Format.TABLE))
    assert "(draft · —)" in page and "· none)" not in page and re.search(r"a:1 .* draft +— ", table)
    assert 'data-basis="none"' in page  # the filter still finds the rows that say no basis


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab é-\u00a0\t\n", max_size=60),
    st.integers(min_value=5, max_value=30),  # wider than the indents, as --width (20 or more) is
    st.sampled_from(["", "  ", "    "]),
    st.sampled_from(["", "  ", "    "]),
)
def test_row_block_lines_wrap_as_textwrap_does(
    text: str, width: int, first: str, rest: str
) -> None:
    import textwrap

    from treatycmp.output.render.plain import block_lines

    expected = textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    )
    assert block_lines(text, width, first, rest) == (expected or [first])
