"""Article, chapter and section headings of a treaty or law, found by hand-written rules (no library
reads legal headings)."""

# A heading starts its line, is short, and is followed by a title (on the same line after a dash,
# full stop or colon,
# or on the next non-empty line) or by the body of the article; a sentence that merely mentions
# "Article 5" is not one.

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from ..models import Heading
from .texts import Line, SourceText

ARTICLES, SECTIONS = "articles", "sections"
CHAPTER, SECTION, TITLE = "chapter", "section", "title"
LATIN = "bis|ter|quater|quinquies|sexies|septies|octies|nonies|novies|decies"
_SEP = r"[.:\u2013\u2014\u2011\u2012\u2010-]"
_NUM = rf"(?P<num>\d{{1,4}}(?:[A-Za-z]\b|\s*(?:{LATIN})\b)?|premier|1er)"
_TAIL = rf"\s*(?:{_SEP}\s*(?P<name>.*?))?\s*$"
ARTICLE_RE = re.compile(rf"^(?i:article|art\.?)\s*{_NUM}{_TAIL}")
ARTICLE_BARE_RE = re.compile(
    rf"^(?i:article|art\.?)\s*{_NUM}\s+(?P<name>[A-Z\u00c0-\u00de\"'\u2018\u201c].*?)\s*$"
)
_LEVEL_NUM = r"(?P<num>[IVXLC]+|\d{1,3}[A-Za-z]?|premier|1er)\b"
CHAPTER_RE = re.compile(rf"^(?i:chapter|chapitre|part|partie)\s+{_LEVEL_NUM}{_TAIL}")
SECTION_RE = re.compile(rf"^(?i:section|sect\.)\s*{_LEVEL_NUM}{_TAIL}")
TITLE_RE = re.compile(rf"^(?i:title|titre)\s+{_LEVEL_NUM}{_TAIL}")
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,4}[A-Z]?)\.\s+(?P<name>\S.*?)\s*$")
_PARAGRAPH_RE = re.compile(r"^(?:\(?\d{1,3}[.)]|\([a-z]{1,4}\)|[a-z]{1,2}\))\s")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
MAX_HEADING = 200
UNTITLED = "(untitled)"
"""The title the corpus gives an article that has none in its text (a title is required)."""


class OutlineArticle(NamedTuple):
    """An article-level heading: its number (as the corpus writes numbers), title, line and
    place."""

    num: str
    title: str
    line: int
    chapter: Heading | None = None
    section: Heading | None = None
    title_group: Heading | None = None


class OutlineHeading(NamedTuple):
    """A heading above the articles: `chapter` (or a law's Part), `section` or `title`."""

    level: str
    heading: Heading
    line: int


class OutlineFinding(NamedTuple):
    """A problem of the text's numbering: `no-headings`, `duplicate-article` or `numbering-gap`."""

    code: str
    line: int | None
    message: str


class Outline(NamedTuple):
    """The headings of one document, in order, with the problems found in them."""

    source: str
    units: str
    articles: tuple[OutlineArticle, ...]
    headings: tuple[OutlineHeading, ...]
    findings: tuple[OutlineFinding, ...]

    def article(self, num: str) -> OutlineArticle | None:
        """The first article numbered *num* ('12 bis', '12-bis' and '12bis' are one number)."""
        key = number_key(num)
        return next((a for a in self.articles if number_key(a.num) == key), None)


def number_key(num: str) -> str:
    """A comparable form of an article number: lower case, no spaces, dashes or dots; 'premier' is
    1."""
    key = re.sub(r"[\s.\-]", "", num.lower())
    return "1" if key in ("premier", "1er") else key


def heading_key(num: str) -> str:
    """A comparable form of a chapter or section number: Roman numerals become Arabic."""
    key = number_key(num)
    return str(roman_value(key.upper())) if re.fullmatch(r"[ivxlc]+", key) else key


def roman_value(numeral: str) -> int:
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def canonical_num(raw: str) -> str:
    """The number as the corpus writes it: '12', '12a', '12-bis'; 'premier' and '1er' are '1'."""
    match = re.fullmatch(rf"(\d+)\s*([A-Za-z]|{LATIN})?", raw.strip(), re.I)
    if match is None:
        return "1" if raw.strip().lower() in ("premier", "1er") else raw.strip()
    digits, suffix = match.group(1), (match.group(2) or "").lower()
    return digits + ("-" + suffix if len(suffix) > 1 else suffix)


def parse_outline(source: SourceText, units: str | None = None) -> Outline:
    """The headings of *source*; *units* is 'articles' or 'sections' (auto: articles if any Article
    heading)."""
    lines = [line for line in source.lines if line.text]
    if units is None:
        units = (
            ARTICLES
            if any(_article_match(lines, i, ARTICLES) for i in range(len(lines)))
            else SECTIONS
        )
    if units not in (ARTICLES, SECTIONS):
        raise ValueError(f"units must be {ARTICLES!r} or {SECTIONS!r}, not {units!r}")
    numbered = units == SECTIONS and not any(SECTION_RE.match(line.text) for line in lines)
    articles, headings = _walk(lines, units, numbered)
    return Outline(source.path, units, tuple(articles), tuple(headings), tuple(_findings(articles)))


def _walk(
    lines: list[Line], units: str, numbered: bool
) -> tuple[list[OutlineArticle], list[OutlineHeading]]:
    articles: list[OutlineArticle] = []
    headings: list[OutlineHeading] = []
    place: dict[str, Heading | None] = {CHAPTER: None, SECTION: None, TITLE: None}
    i = 0
    while i < len(lines):
        level = _level_match(lines, i, units)
        if level is not None:
            kind, heading, used = level
            headings.append(OutlineHeading(kind, heading, lines[i].number))
            _enter(place, kind, heading)
            i += used
            continue
        article = _article_match(lines, i, units, numbered and place[CHAPTER] is not None)
        if article is not None:
            num, title, used = article
            articles.append(
                OutlineArticle(
                    num, title, lines[i].number, place[CHAPTER], place[SECTION], place[TITLE]
                )
            )
            i += used
            continue
        i += 1
    return articles, headings


def _enter(place: dict[str, Heading | None], kind: str, heading: Heading) -> None:
    place[kind] = heading
    if kind == CHAPTER:
        place[SECTION] = place[TITLE] = None
    elif kind == SECTION:
        place[TITLE] = None


def _level_match(lines: list[Line], i: int, units: str) -> tuple[str, Heading, int] | None:
    patterns = [(CHAPTER, CHAPTER_RE)] + (
        [(SECTION, SECTION_RE), (TITLE, TITLE_RE)] if units == ARTICLES else []
    )
    for kind, pattern in patterns:
        found = _headed(lines, i, pattern)
        if found is not None:
            num, name, used = found
            return kind, Heading(canonical_num(num), name), used
    return None


def _article_match(
    lines: list[Line], i: int, units: str, numbered: bool = False
) -> tuple[str, str, int] | None:
    if units == ARTICLES:
        found = _headed(lines, i, ARTICLE_RE) or _bare(lines, i)
    else:
        found = _headed(lines, i, SECTION_RE) or (_numbered(lines, i) if numbered else None)
    if found is None:
        return None
    num, title, used = found
    arabic = (
        str(roman_value(num)) if re.fullmatch(r"[IVXLC]+", num) else canonical_num(num)
    )  # 'Section IV' of a law
    return arabic, title, used


def _headed(lines: list[Line], i: int, pattern: re.Pattern[str]) -> tuple[str, str, int] | None:
    """A heading word and number, with its name on the same line or on the next one."""
    text = lines[i].text
    match = pattern.match(text) if len(text) <= MAX_HEADING else None
    if match is None:
        return None
    name = match.group("name")
    if name:
        return (match.group("num"), name, 1) if is_heading_text(name) else None
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    if not following or not (
        following[0].isupper() or following[0].isdigit() or following[0] in "\"'(\u2018\u201c"
    ):
        # the end of the text, or a sentence going on: "... under Article 5 / of this Convention"
        return None
    if (
        _is_any_heading(following)
        or not is_heading_text(following)
        or _PARAGRAPH_RE.match(following)
    ):
        return match.group("num"), "", 1  # an untitled heading followed by its body
    return match.group("num"), following, 2


def _bare(lines: list[Line], i: int) -> tuple[str, str, int] | None:
    """'Article 5 Illegal access': a title after the number with no dash, only when it reads like a
    title."""
    match = ARTICLE_BARE_RE.match(lines[i].text)
    if (
        match is None
        or not is_heading_text(match.group("name"))
        or match.group("name").endswith(".")
    ):
        return None
    return match.group("num"), match.group("name"), 1


def _numbered(lines: list[Line], i: int) -> tuple[str, str, int] | None:
    """'2. Unauthorised access' under a Part of a law: short, capitalised, no full stop."""
    match = NUMBERED_RE.match(lines[i].text)
    if match is None:
        return None
    name = match.group("name")
    if len(name) > 100 or name.endswith(".") or not name[0].isupper() or not is_heading_text(name):
        return None
    return match.group("num"), name, 1


def is_heading_text(text: str) -> bool:
    """Whether *text* reads like a heading's title rather than a sentence of the body."""
    text = text.strip()
    if not text or len(text) > MAX_HEADING or text[-1] in ",;":
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'(\u2018\u201c"):
        return False
    words = text.split()
    return " shall " not in f" {text.lower()} " and not (text.endswith(".") and len(words) > 12)


def _is_any_heading(text: str) -> bool:
    return any(p.match(text) for p in (ARTICLE_RE, CHAPTER_RE, SECTION_RE, TITLE_RE))


def _findings(articles: list[OutlineArticle]) -> Iterator[OutlineFinding]:
    if not articles:
        yield OutlineFinding(
            "no-headings",
            None,
            "no article headings found (is this the text of a treaty or a law?)",
        )
        return
    seen: dict[str, int] = {}
    previous: int | None = None
    for art in articles:
        key = number_key(art.num)
        if key in seen:
            yield OutlineFinding(
                "duplicate-article",
                art.line,
                f"article {art.num} again (first at line {seen[key]})",
            )
            continue
        seen[key] = art.line
        value = int(re.match(r"\d+", art.num).group())  # type: ignore[union-attr]
        start = 0 if previous is None else previous
        if value > start + 1:
            where = "starts at" if previous is None else f"jumps from {previous} to"
            yield OutlineFinding("numbering-gap", art.line, f"numbering {where} {value}")
        previous = value if previous is None else max(previous, value)
