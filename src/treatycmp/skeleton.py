"""The articles.yaml entry of a new instrument, made from the headings of its text."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import UsageError
from .headings import UNTITLED, Outline, OutlineArticle, number_key
from .models import Heading
from .schema import ID_RE

UNKNOWN = "unknown"
"""The number written when no treaty series number or document symbol is given (the corpus needs one)."""


def skeleton_yaml(
    id: str, name: str, outline: Outline, *, short: str | None = None, number: str | None = None,
    source: str | None = None,
) -> str:
    """The YAML of an `instruments:` item for *outline*, indented to go under `instruments:` in articles.yaml.

    Titles and places are the text's own, each article cites its file and line and is `verified: true`;
    summaries are left empty and nothing else is declared.
    """
    if not ID_RE.match(id):
        raise UsageError(f"instrument id {id!r} must be lower-case letters and digits, starting with a letter")
    label = source or Path(outline.source).name
    articles, omitted = _first_of_each(outline.articles)
    out = [f"  # {name}: made from {label} by `treatycmp new`; summaries still to write in our own words."]
    out += [f"  # article {a.num} again at line {a.line} of the text, left out" for a in omitted]
    out += [
        f"  - id: {_q(id)}",
        f"    name: {_q(name)}",
        f"    short: {_q(short or name)}",
        f"    number: {_q(number or UNKNOWN)}" + ("" if number else "  # no number given: fill in if there is one"),
        f"    article_count: {len(articles)}",
        "    sources:",
        f"      - {_q(f'Text of the instrument: {label}')}",
        "    articles:" if articles else "    articles: []",
    ]
    out += [line for art in articles for line in _article(art, label)]
    return "\n".join(out) + "\n"


def _first_of_each(articles: tuple[OutlineArticle, ...]) -> tuple[list[OutlineArticle], list[OutlineArticle]]:
    seen: set[str] = set()
    first: list[OutlineArticle] = []
    again: list[OutlineArticle] = []
    for art in articles:
        key = number_key(art.num)
        (again if key in seen else first).append(art)
        seen.add(key)
    return first, again


def _article(art: OutlineArticle, label: str) -> list[str]:
    lines = [f"      - num: {_q(art.num)}", f"        title: {_q(art.title or UNTITLED)}"]
    for key, heading in (("chapter", art.chapter), ("section", art.section), ("title_group", art.title_group)):
        if heading is not None:
            lines.append(f"        {key}: {_q(_heading(heading))}")
    lines += ['        summary: ""', f"        source: {_q(f'{label}, line {art.line}')}", "        verified: true"]
    return lines


def _heading(heading: Heading) -> str:
    return f"{heading.num} — {heading.name}" if heading.name else heading.num


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
