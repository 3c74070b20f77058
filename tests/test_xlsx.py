"""XLSX: a sheet per section with a frozen header and a filter, an About sheet, and cells equal to
the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treatycmp.cli import app
from treatycmp.output.render.xlsx import sheet_name

openpyxl = pytest.importorskip("openpyxl")


def export(tmp_path: Path, *args: str) -> tuple[object, object]:
    runner = CliRunner()
    path = tmp_path / "out.xlsx"
    result = runner.invoke(app, [*args, "-f", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    return openpyxl.load_workbook(path), data


def rows_of(sheet) -> list[dict[str, object]]:  # noqa: ANN001
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def same(cell: object, value: object) -> bool:
    """A cell equals its JSON value (empty cells are None; titles carry the † of an unconfirmed
    title)."""
    if value in (None, ""):
        return cell in (None, "", "—")
    return str(cell).removesuffix(" †") == str(value)


def test_diff_workbook_has_a_sheet_per_section_and_every_cell_equals_the_json(
    tmp_path: Path,
) -> None:
    book, data = export(tmp_path, "diff", "budapest", "un")
    assert [s.title for s in book.worksheets][-1] == "About"
    by_kind = {"link": book.worksheets[0], "gap": book.worksheets[1], "only_b": book.worksheets[2]}
    for kind, sheet in by_kind.items():
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
        expected = [r for r in data["rows"] if r["kind"] == kind]
        got = rows_of(sheet)
        assert len(got) == len(expected) > 0
        for cells, row in zip(got, expected):
            for key, cell in cells.items():
                if key in ("evidence_from", "evidence_to"):
                    side = (row["evidence"] or {}).values()
                    assert cell in (None, *side)
                elif key in row:
                    assert same(cell, row[key]), (kind, key, cell, row[key])


def test_status_and_relation_are_coloured_and_formulas_stay_text(tmp_path: Path) -> None:
    book, _ = export(tmp_path, "diff", "budapest", "un")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    status = sheet.cell(2, header.index("status") + 1)
    relation = sheet.cell(2, header.index("relation") + 1)
    assert status.font.color is not None and relation.font.color is not None and relation.font.b
    assert all(
        c.data_type == "s"
        for row in sheet.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str)
    )


def test_about_sheet_holds_the_legend_and_the_sources(tmp_path: Path) -> None:
    book, _ = export(tmp_path, "gaps", "p2", "un")
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2)}
    assert any(str(k).startswith("relation") for k in about) is False  # gaps has no relation legend
    values = [
        row[1].value for row in book["About"].iter_rows(min_row=2) if row[0].value == "source"
    ]
    assert values and all(values)


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    names = [
        sheet_name("Budapest: no counterpart in [UN]/*?", taken),
        sheet_name("About", taken),
        sheet_name("about", taken),
    ]
    assert names == ["Budapest no counterpart in UN", "About", "about (2)"]
    assert all(len(n) <= 31 for n in names)
