"""Guidance Notes and topics named as people write them, and notes found by the words of a query.

Notes are cited by number, symbol or title word (``GN 3``, ``GN#3``, ``gn:3``, ``Guidance Note
#10``, ``T-CY(2013)7``, ``T-CY GN ransomware``), topics by id, name or alias (``topic:safeguards``,
``human rights``). :func:`find_notes` ranks the notes whose title or a keyword holds a query's words
(typos within about one edit in seven letters tolerated)."""

from __future__ import annotations

import re
from typing import NamedTuple, NoReturn

from ..errors import CitationError, UnknownName, echo
from ..models import Corpus, GuidanceNote, Topic
from .citations import Resolver, alias_key, canonical_num, name_words, resolver_for
from .normalise import GLUED_RE, WORD_RE, fold, normalise

TITLE, KEYWORD, CITATION = "title", "keyword", "citation"
MIN_FUZZY = 85.0
"""Least similarity (rapidfuzz ``fuzz.ratio``) at which a query word of five letters or more matches
a note's word."""
_STOP = frozenset(
    {"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with", "note", "guidance"}
)


class NoteHit(NamedTuple):
    """A note matching a query: its score (0-100), the kind of field that matched and its text."""

    note: GuidanceNote
    score: float
    field: str
    matched: str


def find_notes(corpus: Corpus, query: str, *, limit: int = 10) -> tuple[NoteHit, ...]:
    """Notes whose title or a keyword holds the query's words (typos within about one edit in seven
    letters tolerated), best first; a note cited by number ('GN 3') comes first with a full
    score."""
    cited = find_note(resolver_for(corpus), query)
    hits = [NoteHit(cited, 100.0, CITATION, cited.label)] if cited else []
    wanted = [w for w in normalise(query) if w not in _STOP]
    if wanted:
        for note in corpus.notes:
            hit = _best_field(note, wanted)
            if hit is not None and (cited is None or note.number != cited.number):
                hits.append(hit)
    hits.sort(key=lambda h: (-h.score, int(h.note.number)))
    return tuple(hits[:limit])


def _best_field(note: GuidanceNote, wanted: list[str]) -> NoteHit | None:
    """The note's title or keyword holding the most query words; a hit when it holds them all (two
    thirds of a query of three words or more)."""
    best: NoteHit | None = None
    for kind, text, weight in [(TITLE, note.title, 100.0)] + [
        (KEYWORD, k, 95.0) for k in note.keywords
    ]:
        have = normalise(text)
        share = sum(1 for w in wanted if _holds(have, w)) / len(wanted)
        enough = share == 1 or (len(wanted) >= 3 and share >= 2 / 3)
        if enough and (best is None or weight * share > best.score):
            best = NoteHit(note, round(weight * share, 1), kind, text)
    return best


def _holds(have: tuple[str, ...], word: str) -> bool:
    if word in have:
        return True
    if len(word) < 5:
        return False
    from .fuzzy import resembles

    return any(
        resembles(word, w, MIN_FUZZY) or (len(w) > len(word) and w.startswith(word)) for w in have
    )


def find_note(resolver: Resolver, text: str, *, bare: bool = False) -> GuidanceNote | None:
    """The note *text* cites ('GN 3', 'GN#3', 'gn:3', 'Guidance Note #10', 'T-CY GN ransomware'), or
    None.

    Without a marker ('GN', 'Guidance Note', 'T-CY', '#') only *bare* text counts ('3',
    'ransomware')."""
    try:
        return note(resolver, text, bare=bare)
    except UnknownName:
        return None


def names_note(text: str) -> bool:
    """True when *text* is marked as a Guidance Note citation ('GN', 'Guidance Note', 'T-CY',
    '#')."""
    return _note_words(text)[0]


def note(resolver: Resolver, text: str, *, bare: bool = True) -> GuidanceNote:
    """Resolve a note citation by number, symbol or title word, or raise :class:`UnknownName` with
    suggestions."""
    marked, rest = _note_words(text)
    notes = resolver.corpus.notes
    numbers = [
        w for w in rest if w.isascii() and w.isdigit()
    ]  # fold wrote every decimal digit in ASCII
    if not (marked or bare) or not rest:
        raise UnknownName("Guidance Note", text, (), NOTE_HINT)
    cited = None if marked else resolver.find_citation(text)
    if cited is not None:
        art = cited.article.id
        hint = f"{art} is an article: 'treatycmp show {art}' lists the notes on it"
        raise UnknownName("Guidance Note", text, (), hint)
    if len(rest) == 1 and numbers:
        found = [n for n in notes if n.number == canonical_num(numbers[0])]
        if found:
            return found[0]
        said = f"no Guidance Note {echo(canonical_num(numbers[0]))[1:-1]}"
        raise CitationError(
            "Guidance Note", text, f"{said}; the notes are numbered {_note_span(notes)}"
        )
    by_symbol = [n for n in notes if n.symbol and _symbol_key(n.symbol) == _symbol_key(text)]
    if by_symbol:
        return by_symbol[0]
    return _note_by_words(notes, text, rest)


def _note_by_words(notes: tuple[GuidanceNote, ...], text: str, rest: list[str]) -> GuidanceNote:
    """The one note whose title (else title and keywords) holds every word of *rest*."""
    wanted = {w for r in rest for w in normalise(r)}
    for fields in ("title", "all"):
        found = [n for n in notes if wanted <= set(_note_vocabulary(n, fields))]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            hint = f"{len(found)} notes match; name one by number"
            raise UnknownName("Guidance Note", text, tuple(n.label for n in found[:3]), hint)
    _no_note(notes, text, rest)


def _no_note(notes: tuple[GuidanceNote, ...], text: str, rest: list[str]) -> NoReturn:
    from .fuzzy import close_matches

    owners: dict[str, list[str]] = {}
    for n in notes:
        for w in _note_vocabulary(n, "all"):
            owners.setdefault(w, []).append(n.label)
    near = [label for w in rest for m in close_matches(w, owners) for label in owners[m]]
    raise UnknownName("Guidance Note", text, tuple(dict.fromkeys(near))[:3], NOTE_HINT)


def find_topic(corpus: Corpus, text: str) -> Topic | None:
    """The topic *text* names ('safeguards', 'topic:safeguards', 'human rights', 'Topic:
    Emergencies'), or None."""
    try:
        return topic(corpus, text)
    except UnknownName:
        return None


def topic(corpus: Corpus, text: str) -> Topic:
    """Resolve a topic by id, name or alias (or distinctive words of one), or raise
    :class:`UnknownName`."""
    names = _topic_names(corpus.topics)
    wanted = _TOPIC_PREFIX_RE.sub("", fold(text)).strip()
    key = alias_key(wanted)
    if key in names:
        return corpus.topic(names[key])
    words = name_words(wanted)
    found = {
        t.id
        for t in corpus.topics
        if words and set(words) <= {w for name in _each_name(t) for w in name_words(name)}
    }
    if len(found) == 1:
        return corpus.topic(found.pop())
    from .fuzzy import close_matches

    near = tuple(dict.fromkeys(names[k] for k in close_matches(key, names, limit=6)))[:3]
    suggestions = near or tuple(sorted(found))[:3]
    raise UnknownName("topic", text, tuple(f"topic:{t}" for t in suggestions), TOPIC_HINT)


NOTE_HINT = "write e.g. 'GN 3', 'Guidance Note #10' or 'T-CY GN ransomware'; see 'treatycmp notes'"
TOPIC_HINT = "see 'treatycmp topic' for the list"
NOTE_MARKERS = frozenset({"gn", "guidance", "tcy"})
# fmt: off
NOTE_FILLERS = frozenset(
    {
        "t", "cy", "tcy", "gn", "guidance", "note", "notes", "no", "nr", "number", "on", "the",
        "of", "about", "article", "art",
    }
)
# fmt: on
_TOPIC_PREFIX_RE = re.compile(r"^\s*topics?\s*[:\s]\s*")
_SYMBOL_RE = re.compile(r"[^0-9a-z]")


def _note_words(text: str) -> tuple[bool, list[str]]:
    """Whether *text* is marked as a note citation, and its words other than the markers ('GN3'
    reads 'GN 3')."""
    folded = GLUED_RE.sub(" ", fold(text)).replace("t-cy", "tcy").replace("t cy", "tcy")
    words = WORD_RE.findall(folded)
    marked = bool(NOTE_MARKERS & set(words)) or "#" in folded
    return marked, [w for w in words if w not in NOTE_FILLERS]


def _note_span(notes: tuple[GuidanceNote, ...]) -> str:
    """The numbers of the notes as runs: '1–13', or '1–5, 7, 9–13' when some are missing."""
    numbers = sorted({int(n.number) for n in notes})
    if not numbers:
        return "(none loaded)"
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def _symbol_key(text: str) -> str:
    """A note symbol without spaces, punctuation and the language letter: 'T-CY (2013)7 E' ->
    'tcy20137'."""
    key = _SYMBOL_RE.sub("", fold(text))
    return key[:-1] if key[-1:] in ("e", "f") and key[-2:-1].isdigit() else key


def _note_vocabulary(note: GuidanceNote, fields: str) -> tuple[str, ...]:
    texts = (note.title,) if fields == "title" else (note.title, *note.keywords)
    return tuple(w for t in texts for w in normalise(t) if w not in NOTE_FILLERS)


def _each_name(topic: Topic) -> tuple[str, ...]:
    return (topic.id, topic.name, *topic.aliases)


def _topic_names(topics: tuple[Topic, ...]) -> dict[str, str]:
    """Alias key of every id, name and alias, with its topic id (the first topic keeps a shared
    one)."""
    names: dict[str, str] = {}
    for topic in topics:
        for name in _each_name(topic):
            names.setdefault(alias_key(name) or name, topic.id)
    return names
