"""The articles.yaml entry of a new instrument, made from the headings of its text.

Whatever it writes loads back and passes ``treatycmp check`` (but for the summaries still to write):
names given on the command line are refused when they hold a character the data may not hold, and
such characters in the text's headings are dropped."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import UsageError
from ..loading.schema import ID_RE
from ..loading.yamltree import read_text
from ..models import Corpus, Heading
from ..output.textsafe import BIDI, CONTROLS
from .headings import UNTITLED, Outline, OutlineArticle, number_key
from .yamledit import FileEdit

UNKNOWN = "unknown"
"""The number written, followed by the id, when no treaty series number or document symbol is given
(the corpus needs one, and a number is a name of its instrument: two instruments may not share
one)."""
_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")
"""Line breaks as YAML reads them (and tabs): a space in a title, refused in a name."""
_UNSAFE = re.compile(f"[{CONTROLS}{BIDI}\ud800-\udfff\ufffe\uffff]")
"""What the data may not hold (check's control-char, and what YAML cannot read)."""
HEADER = "# My instruments, layered over the shipped treatycmp data. Format: docs/data-format.md.\n"
"""The first line of an articles.yaml that ``treatycmp new`` makes."""


def skeleton_yaml(
    id: str,
    name: str,
    outline: Outline,
    *,
    short: str | None = None,
    number: str | None = None,
    source: str | None = None,
) -> str:
    """The YAML of an `instruments:` item for *outline*, indented to go under `instruments:` in
    articles.yaml.

    Titles and places are the text's own, each article cites its file and line and is `verified:
    true`; summaries are left empty and nothing else is declared."""
    if not ID_RE.match(id):
        raise UsageError(
            f"instrument id {id!r} must be lower-case letters and digits, starting with a letter"
        )
    for option, value in (("--name", name), ("--short", short), ("--number", number)):
        _refuse_unsafe(option, value)
    label = safe_text(source or Path(outline.source).name)
    articles, omitted = _first_of_each(outline.articles)
    out = [
        f"  # {name}: made from {label} by `treatycmp new`; summaries still to write in our own "
        f"words."
    ]
    out += [f"  # article {a.num} again at line {a.line} of the text, left out" for a in omitted]
    out += [
        f"  - id: {_q(id)}",
        f"    name: {_q(name)}",
        f"    short: {_q(short or name)}",
        f"    number: {_q(number or f'{UNKNOWN} ({id})')}"
        + ("" if number else "  # no number given: fill in if there is one"),
        f"    article_count: {len(articles)}",
        "    sources:",
        f"      - {_q(f'Text of the instrument: {label}')}",
        "    articles:" if articles else "    articles: []",
    ]
    out += [line for art in articles for line in _article(art, label)]
    return "\n".join(out) + "\n"


def refuse_taken_names(corpus: Corpus, instrument_id: str, number: str | None) -> None:
    """Refuse an id or --number that already names an instrument or group of *corpus*, the data
    the new one will join: every later command would fail on it."""
    from ..names.citations import alias_key

    scopes = [(g.id, corpus.file_of(g), (g.id, *g.aliases)) for g in corpus.groups]
    scopes += [(i.id, corpus.file_of(i), (i.id, i.number, *i.aliases)) for i in corpus.instruments]
    owners: dict[str, tuple[str, str]] = {}
    for scope_id, file, names in scopes:
        for taken in filter(None, names):
            owners.setdefault(alias_key(taken), (scope_id, file))
    for what, value in (("id", instrument_id), ("--number", number)):
        owner = owners.get(alias_key(value)) if value else None
        if owner is not None:
            named = f"{owner[0]!r}" if owner[0] == value else f"{owner[0]!r}, which {value!r} names"
            raise UsageError(
                f"{owner[1]} already defines {named}; choose another {what} for the new instrument"
            )


def add_to_articles(path: Path, instrument_id: str, yaml: str) -> FileEdit:
    """The edit that appends an instrument's YAML (from :func:`skeleton_yaml`) to the articles file
    *path*, whose last top-level key must be 'instruments', or makes that file."""
    if not path.exists():
        return FileEdit(path, str(path), "", HEADER + "instruments:\n" + yaml)
    old = read_text(path, str(path))
    if f'- id: "{instrument_id}"' in old or f"- id: {instrument_id}\n" in old:
        raise UsageError(f"{path} already defines an instrument {instrument_id!r}")
    last_key = [line for line in old.splitlines() if line[:1].isalpha()][-1:]
    if last_key != ["instruments:"]:
        raise UsageError(
            f"cannot add to {path}: its last top-level key must be 'instruments:'; "
            "paste the YAML of 'treatycmp new' (without --data) under it instead"
        )
    return FileEdit(path, str(path), old, old.rstrip("\n") + "\n" + yaml)


def _refuse_unsafe(option: str, value: str | None) -> None:
    """Refuse a name that would not load back: a control, line break, tab or bidi character, or
    nothing at all."""
    if value is None:
        return
    if not value.strip():
        raise UsageError(f"{option} is empty")
    found = _BREAKS.search(value) or _UNSAFE.search(value)
    if found:
        code = ord(found.group())
        shown = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
        raise UsageError(
            f"{option} holds the character {shown} (a control, line break or bidirectional "
            f"character); "
            "give it as plain text"
        )


def safe_text(text: str) -> str:
    """*text* as the data may hold it: line breaks and tabs as spaces, control and bidi characters
    dropped."""
    return " ".join(_UNSAFE.sub("", _BREAKS.sub(" ", text)).split())


def _first_of_each(
    articles: tuple[OutlineArticle, ...],
) -> tuple[list[OutlineArticle], list[OutlineArticle]]:
    seen: set[str] = set()
    first: list[OutlineArticle] = []
    again: list[OutlineArticle] = []
    for art in articles:
        key = number_key(art.num)
        (again if key in seen else first).append(art)
        seen.add(key)
    return first, again


def _article(art: OutlineArticle, label: str) -> list[str]:
    lines = [
        f"      - num: {_q(art.num)}",
        f"        title: {_q(safe_text(art.title) or UNTITLED)}",
    ]
    for key, heading in (
        ("chapter", art.chapter),
        ("section", art.section),
        ("title_group", art.title_group),
    ):
        if heading is not None:
            lines.append(f"        {key}: {_q(_heading(heading))}")
    lines += [
        '        summary: ""',
        f"        source: {_q(f'{label}, line {art.line}')}",
        "        verified: true",
    ]
    return lines


def _heading(heading: Heading) -> str:
    name = safe_text(heading.name)
    return f"{heading.num} — {name}" if name else heading.num


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
