"""Reading an official text (plain text, Markdown, HTML or PDF) into numbered lines."""

from __future__ import annotations

import io
import logging
import os
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import DataError, UsageError, cut

MAX_TEXT_BYTES = 20 * 1024 * 1024
"""The largest document read (20 MB): a treaty's text is well under 1 MB, its PDF a few MB. No more
than one byte past it is read, so /dev/zero, an endless pipe or a huge file is refused at once."""
if TYPE_CHECKING:
    from pypdf import PdfReader

PDF_EXTRA_MESSAGE = "PDF input needs the optional extra: pip install 'treatycmp[pdf]'"
KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd div dl dt figcaption figure footer h1 h2 "
    "h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead title tr ul".split()
)
DROPPED_TAGS = frozenset(("script", "style", "template"))
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")
_MD_SIGNS = re.compile(rb"^ {0,3}#{1,6}[ \t]*[^\s#]", re.M)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")


class Line(NamedTuple):
    """One line of a document: its 1-based number in the file (or in the extracted text), its text,
    its page."""

    number: int
    text: str
    page: int | None = None


class SourceText(NamedTuple):
    """The lines of a document and how it was read (`text`, `markdown`, `html` or `pdf`)."""

    path: str
    kind: str
    lines: tuple[Line, ...]

    def locator(self, number: int) -> str:
        """Where line *number* is, as a person would cite it: 'file, line 12' or, in a PDF, 'file,
        p. 3'."""
        line = next((ln for ln in self.lines if ln.number == number), Line(number, ""))
        return self.locator_of(line)

    def locator_of(self, line: Line) -> str:
        name = Path(self.path).name
        return f"{name}, p. {line.page}" if line.page is not None else f"{name}, line {line.number}"


def read_text(path: str | Path) -> SourceText:
    """Read *path* as text, Markdown, HTML or PDF; raise DataError when it holds no usable text."""
    label, shown = (
        str(path),
        cut(str(path)),
    )  # errors show the path as given, cut when it is very long
    data = _read_bytes(Path(path), shown)
    kind = _kind(Path(path), data)
    if kind == "pdf":
        lines = _pdf_lines(data, shown)
    else:
        raw = _decode(data, shown, kind)
        lines = _html_lines(raw) if kind == "html" else _plain_lines(raw, kind == "markdown")
    if not any(line.text.strip() for line in lines):
        raise DataError(shown, None, "the document holds no text")
    return SourceText(label, kind, tuple(lines))


def _kind(path: Path, data: bytes) -> str:
    """The kind the extension names, or else the one the content shows (PDF signature, HTML,
    Markdown headings)."""
    kind = KINDS.get(path.suffix.lower())
    if kind is not None:
        return kind
    head = data[:512]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if re.match(rb"(?:\xef\xbb\xbf)?\s*<(!doctype html|html)", head, re.I):
        return "html"
    return "markdown" if _MD_SIGNS.search(data) else "text"


def _read_bytes(path: Path, label: str) -> bytes:
    """At most MAX_TEXT_BYTES of *path*; a longer document (or an endless one) is refused after one
    byte more."""
    try:
        # O_NONBLOCK: opening a FIFO that no one writes to returns at once (its read then finds the
        # end) instead of
        # waiting for a writer; reads are blocking again once it is open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | _NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if _NONBLOCK:
                os.set_blocking(fd, True)
            data = handle.read(MAX_TEXT_BYTES + 1)
    except IsADirectoryError:
        raise DataError(label, None, "is a folder, not a document") from None
    except OSError as exc:
        raise DataError(label, None, f"cannot read the document: {exc.strerror or exc}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise DataError(
            label,
            None,
            f"the document is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB, "
            "the limit for an official text",
        )
    return data


def _decode(data: bytes, label: str, kind: str) -> str:
    if b"\x00" in data:
        raise DataError(label, None, "not a text document (binary content)")
    encodings = ("utf-8-sig", "cp1252") if kind == "text" else ("utf-8-sig",)
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(
        label, None, f"not {' or '.join(e.replace('-sig', '') for e in encodings)} text"
    )


def _plain_lines(raw: str, markdown: bool) -> list[Line]:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    clean = _markdown_line if markdown else _clean
    return [Line(i, clean(text)) for i, text in enumerate(lines, 1)]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00ad", "")).strip()


def _markdown_line(text: str) -> str:
    text = _MD_BULLET.sub("", _MD_HEADING.sub("", text))
    text = _MD_ITALIC.sub(r"\1", _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text)))
    return _clean(text)


class _TextCollector(HTMLParser):
    """Collects the text of an HTML page, one line per block element, with the source line of
    each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.start = 0
        self.dropping = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_TAGS:
            self.dropping += 1
        elif tag in BLOCK_TAGS:
            self.flush()
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCK_TAGS:
            self.flush()
            self.pre -= tag == "pre" and self.pre > 0

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        line = self.getpos()[0]
        if self.pre:
            for offset, piece in enumerate(data.split("\n")):
                if offset:
                    self.flush()
                self._add(piece, line + offset)
            return
        lead = data[: len(data) - len(data.lstrip())]
        self._add(data, line + lead.count("\n"))

    def _add(self, data: str, line: int) -> None:
        if not self.parts and data.strip():
            self.start = line
        self.parts.append(data)

    def flush(self) -> None:
        text = _clean(" ".join("".join(self.parts).split()))
        if text:
            self.lines.append(Line(self.start, text))
        self.parts = []


def _html_lines(raw: str) -> list[Line]:
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    collector.flush()
    return collector.lines


def _pdf_lines(data: bytes, label: str) -> list[Line]:
    pages = _pdf_pages(data, label)
    lines: list[Line] = []
    for page_no, text in enumerate(pages, 1):
        for piece in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            lines.append(Line(len(lines) + 1, _clean(piece), page_no))
    if not any(line.text for line in lines):
        raise DataError(
            label, None, "the PDF has no text layer (a scanned image?); run it through OCR first"
        )
    return lines


def _pdf_pages(data: bytes, label: str) -> list[str]:
    """The text of each page; pypdf's own warnings (a damaged cross-reference table ...) are not
    printed."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise UsageError(PDF_EXTRA_MESSAGE) from None
    logger = logging.getLogger(
        "pypdf"
    )  # the level holds for pypdf's modules' loggers too ('disabled' would not)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _extract(PdfReader(io.BytesIO(data)), label)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise DataError(label, None, f"cannot read the PDF: {exc}") from None
    finally:
        logger.setLevel(level)


def _extract(reader: PdfReader, label: str) -> list[str]:
    """The text of each page of an open PDF; refused once the text grows past the limit (a
    decompression bomb)."""
    if reader.is_encrypted and not reader.decrypt(""):
        raise DataError(label, None, "the PDF is encrypted")
    pages: list[str] = []
    size = 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        size += len(pages[-1])
        if size > MAX_TEXT_BYTES:
            raise DataError(
                label,
                None,
                f"the PDF's text is longer than {MAX_TEXT_BYTES // (1024 * 1024)} MB, the "
                "limit for an official text",
            )
    return pages
