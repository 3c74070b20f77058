"""Reading official texts: plain text, Markdown, HTML and PDF, with their line numbers, and the
refusals."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from treatycmp.errors import DataError, UsageError
from treatycmp.sources.texts import PDF_EXTRA_MESSAGE, Line, SourceText, read_text

TEXTS = Path(__file__).parent / "texts"
LIMIT = 20 * 1024 * 1024
"""The documented size limit of a text (docs/verification.md)."""


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds *lines* (Helvetica, one line each)."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    content = (
        "BT /F1 12 Tf 14 TL 72 760 Td " + " ".join(f"({line}) Tj T*" for line in escaped) + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def texts_of(path: Path) -> list[str]:
    return [line.text for line in read_text(path).lines if line.text]


def test_plain_text_keeps_every_line_with_its_number() -> None:
    source = read_text(TEXTS / "treaty.txt")
    assert source.kind == "text"
    assert source.lines[0] == Line(1, "Convention on Testing Things")
    assert source.lines[8] == Line(9, "Article 1 – Definitions")
    assert len(source.lines) == len((TEXTS / "treaty.txt").read_text(encoding="utf-8").split("\n"))


def test_markdown_loses_heading_marks_emphasis_bullets_and_link_targets() -> None:
    source = read_text(TEXTS / "treaty.md")
    by_number = {line.number: line.text for line in source.lines}
    assert source.kind == "markdown"
    assert by_number[1] == "Convention on Testing Things"
    assert by_number[5] == "Article 1 – Definitions"
    assert by_number[9] == '"system" means any device;'
    assert by_number[10] == '"data" means any representation of facts.'
    assert by_number[16] == "Article 2"
    assert by_number[18] == "Illegal access"
    assert (
        by_number[20] == "Each Party shall criminalise access to a computer system without right."
    )
    assert by_number[22] == "Article 3 – Illegal interception"


def test_html_blocks_and_breaks_become_lines_scripts_and_styles_are_dropped() -> None:
    source = read_text(TEXTS / "treaty.html")
    assert source.kind == "html"
    assert [(line.number, line.text) for line in source.lines] == [
        (4, "Convention on Testing Things"),
        (9, "Convention on Testing Things"),
        (10, "Chapter I – Use of terms"),
        (11, "Article 1 – Definitions"),
        (12, "For the purposes of this Convention, “system” means any device."),
        (14, "Chapter II"),
        (14, "Measures to be taken at the national level"),
        (15, "Article 2"),
        (15, "Illegal access & intrusion"),
        (16, "Each Party shall criminalise access."),
        (18, "Article 3 – Illegal interception"),
        (19, "Each Party shall criminalise interception."),
    ]


def test_html_is_recognised_by_its_content_without_an_extension(tmp_path: Path) -> None:
    page = tmp_path / "page"
    page.write_text("<!doctype html><p>Article 1 &ndash; Purpose</p><p>Body.</p>", encoding="utf-8")
    assert read_text(page).kind == "html"
    assert texts_of(page) == ["Article 1 – Purpose", "Body."]


def test_windows_1252_text_is_read_when_it_is_not_utf8(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Article 1 – Définitions\r\nText.\r\n".encode("cp1252"))
    assert texts_of(legacy) == ["Article 1 – Définitions", "Text."]


def test_a_byte_order_mark_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    marked = tmp_path / "bom.md"
    marked.write_bytes("\ufeff# Article 1 – Purpose\n".encode())
    assert texts_of(marked) == ["Article 1 – Purpose"]


def test_markdown_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.md"
    legacy.write_bytes("Article 1 – Définitions".encode("cp1252"))
    with pytest.raises(DataError, match="not utf-8 text") as err:
        read_text(legacy)
    assert err.value.file == str(legacy) and err.value.line is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "holds no text"),
        (b"  \n\n\t\n", "holds no text"),
        (b"\x00\x01binary\x00", "binary content"),
    ],
)
def test_documents_without_text_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        read_text(path)


def test_a_missing_file_and_a_folder_are_data_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read the document"):
        read_text(tmp_path / "absent.txt")
    with pytest.raises(DataError, match="is a folder"):
        read_text(tmp_path)


def test_pdf_text_layer_is_read_with_page_numbers(tmp_path: Path) -> None:
    pdf = tmp_path / "treaty.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                "Chapter I - Use of terms",
                "Article 1 - Definitions",
                "For the purposes of this text.",
            ]
        )
    )
    source = read_text(pdf)
    assert source.kind == "pdf"
    assert [line.text for line in source.lines if line.text] == [
        "Chapter I - Use of terms",
        "Article 1 - Definitions",
        "For the purposes of this text.",
    ]
    assert {line.page for line in source.lines} == {1}
    assert source.locator(2) == "treaty.pdf, p. 1"


def test_pdf_is_recognised_by_its_signature_without_an_extension(tmp_path: Path) -> None:
    pdf = tmp_path / "download"
    pdf.write_bytes(make_pdf(["Article 1 - Purpose"]))
    assert read_text(pdf).kind == "pdf"


def test_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    scanned = tmp_path / "scanned.pdf"
    with scanned.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DataError, match="no text layer"):
        read_text(scanned)


def test_a_broken_pdf_is_a_data_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")
    with pytest.raises(DataError, match="cannot read the PDF"):
        read_text(broken)


def test_pdf_without_pypdf_asks_for_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "treaty.pdf"
    pdf.write_bytes(make_pdf(["Article 1 - Purpose"]))
    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(UsageError) as err:
        read_text(pdf)
    assert (
        str(err.value)
        == PDF_EXTRA_MESSAGE
        == "PDF input needs the optional extra: pip install 'treatycmp[pdf]'"
    )


def test_locator_names_the_file_and_line() -> None:
    assert read_text(TEXTS / "law.txt").locator(10) == "law.txt, line 10"


def test_a_document_over_the_size_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(LIMIT * 3)  # sparse: 60 MB of nothing, written at once
    with pytest.raises(
        DataError, match=r"larger than 20 MB, the limit for an official text"
    ) as err:
        read_text(huge)
    assert err.value.file == str(huge)
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"Article 1 - Purpose\n" + b" " * (LIMIT - 20))
    assert read_text(exact).lines[0].text == "Article 1 - Purpose"  # the limit itself is allowed


def test_dev_zero_is_refused_at_the_limit() -> None:
    start = time.monotonic()
    with pytest.raises(DataError, match="larger than 20 MB"):
        read_text("/dev/zero")
    assert time.monotonic() - start < 2


def read_soon(path: Path) -> SourceText | BaseException:
    """read_text(path) in a thread; a read still waiting after 5 s is released (a writer opens and
    closes) and fails."""
    outcome: list[SourceText | BaseException] = []

    def target() -> None:
        try:
            outcome.append(read_text(path))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():
        with open(path, "wb"):
            pass
        pytest.fail(f"reading {path.name} still waits after 5 s")
    return outcome[0]


def test_a_fifo_nobody_writes_to_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = read_soon(fifo)
    assert isinstance(outcome, DataError) and "holds no text" in str(outcome)


def test_a_fifo_is_read_once_and_its_kind_comes_from_its_content(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    content = (TEXTS / "treaty.md").read_bytes()
    threading.Thread(target=lambda: fifo.write_bytes(content), daemon=True).start()
    time.sleep(0.1)  # the writer waits in open() for a reader: the reader finds it there
    source = read_soon(fifo)
    assert isinstance(source, SourceText) and source.kind == "markdown"
    assert source.lines[0].text == "Convention on Testing Things"


def test_markdown_is_recognised_by_its_headings_without_an_extension(tmp_path: Path) -> None:
    bare = tmp_path / "treaty"
    bare.write_bytes((TEXTS / "treaty.md").read_bytes())
    assert read_text(bare).kind == "markdown"
    assert texts_of(bare) == texts_of(TEXTS / "treaty.md")
    plain = tmp_path / "notes"
    plain.write_text("Article 1 – Purpose\n#1 is a number, not a heading mark?\n", encoding="utf-8")
    assert read_text(plain).kind in ("text", "markdown")  # a stray '#' never loses a line
    assert texts_of(plain)[0] == "Article 1 – Purpose"


def test_pypdf_says_nothing_of_its_own_while_a_pdf_is_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(
        make_pdf(["Article 1 - Purpose", "Body."]).replace(b"startxref\n", b"startxref\n9")
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")
    with caplog.at_level("DEBUG"):
        assert "Article 1 - Purpose" in [line.text for line in read_text(damaged).lines]
        with pytest.raises(DataError, match="cannot read the PDF"):
            read_text(broken)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
