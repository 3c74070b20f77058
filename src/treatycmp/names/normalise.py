"""Text as treatycmp compares it: one normaliser behind citations, search, questions and
did-you-mean.

:func:`fold` lower-cases, strips accents and writes Unicode decimal digits as ASCII ones;
:func:`normalise` splits folded text into words with hyphenated compounds, British spelling and
plurals folded, and Chinese, Japanese and Arabic words cut the way they are indexed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPELLING = (
    (re.compile(r"(?<=[a-z]{4})is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ence\b"), "ense"),
    (re.compile(r"(?<=[a-z]{3})our\b"), "or"),
)
_JOIN_SPLIT_RE = re.compile(r"[-/'’]")
WORD_RE = re.compile(r"[^\W_]+")
"""A word: letters and digits, in any script."""
GLUED_RE = re.compile(r"(?<=[^\W\d_])(?=[0-9])|(?<=[0-9])(?=[^\W\d_])|(?<=[0-9])-(?=[0-9])")
"""Where letters and digits touch ('GN3', 'art32', '32-34'): a citation written without spaces is
read with them."""
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")


def fold(text: str) -> str:
    """Lower-case *text*, strip accents (Mérida -> merida), write Unicode decimal digits as ASCII.

    '٤١' and '４１' read as '41'; other numeric characters (superscripts, circled numbers,
    fractions) stay as they are, so 'UN 4¹' never reads as article 41."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text.lower()))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One lower-case character folded as :func:`fold` says."""
    if char.isascii():
        return char
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    if looks_like_digit(char):
        return char  # '¹' would decompose to '1': it is no digit of a number
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def looks_like_digit(char: str) -> bool:
    """True for a numeric character that is no decimal digit but decomposes to one ('¹', '①',
    '½')."""
    return (
        char.isnumeric()
        and not char.isdecimal()
        and any(c.isdecimal() for c in unicodedata.normalize("NFKD", char))
    )


@lru_cache(maxsize=1)
def cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A CJK character, and runs of CJK or of other characters: compiled on first need, as only CJK
    text needs them (their character class takes milliseconds to compile, which every 'find' would
    pay at start)."""
    return re.compile(f"[{_CJK}]"), re.compile(f"[{_CJK}]+|[^{_CJK}]+")


@lru_cache(maxsize=8192)
def normalise(text: str, expand: bool = False) -> tuple[str, ...]:
    """The words of *text* with case, accents, hyphens, British spelling and plurals folded.

    A two-part compound ('co-operation', 'trans-border', '24/7') is joined into one word; longer
    ones ('police-to-police') are split. With *expand*, a joined compound also yields its parts (for
    indexing)."""
    folded = fold(text)
    if (
        _JOIN_SPLIT_RE.search(folded) is None
    ):  # no compounds: the words are what the loop below would find
        words = WORD_RE.findall(folded)
    else:
        words = []
        for chunk in folded.split():
            parts = [p for p in _JOIN_SPLIT_RE.split(chunk) if p]
            if len(parts) == 2 and all(WORD_RE.fullmatch(p) for p in parts):
                words.append("".join(parts))
                if expand:
                    words.extend(parts)
            else:
                words.extend(WORD_RE.findall(chunk))
    if not folded.isascii():
        words = [piece for word in words for piece in script_words(word)]
    return tuple(map(word_form, words))


def script_words(word: str) -> list[str]:
    """One word as indexed: Chinese or Japanese runs as character pairs, Arabic without tatweel or
    leading article."""
    # '网络犯罪' -> '网络', '络犯', '犯罪' (no spaces between words to split on);
    # 'الجرائم' -> 'جرائم'.
    if _ARABIC_RE.search(word):
        word = word.replace("\u0640", "").replace("ى", "ي").replace("ة", "ه")
        prefix = next(
            (p for p in _ARABIC_ARTICLES if word.startswith(p) and len(word) - len(p) >= 3), ""
        )
        return [word[len(prefix) :]]
    if max(word, default="") < _CJK[0]:  # accents and quotes: no need to compile the patterns
        return [word]
    cjk, runs = cjk_patterns()
    if not cjk.search(word):
        return [word]
    pieces: list[str] = []
    for run in runs.findall(word):
        if len(run) > 1 and cjk.match(run):
            pieces.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            pieces.append(run)
    return pieces


@lru_cache(maxsize=65536)
def word_form(word: str) -> str:
    """One word stemmed and in American spelling (cached: a corpus has far fewer words than
    tokens)."""
    return spell(_stem(word))


def spell(word: str) -> str:
    """*word* in American spelling ('criminalisation' -> 'criminalization', 'offence' -> 'offense',
    'behaviour' -> 'behavior')."""
    if "is" not in word and "ence" not in word and "our" not in word:
        return word  # most words: no pattern can match, and none need running
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


def _stem(word: str) -> str:
    """A light stemmer: plurals and -ing/-ed endings ('offences' -> 'offence', 'ordering' ->
    'order')."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 5
            and word[-len(suffix) - 1] not in "aeiou"
        ):
            return word[: -len(suffix)]
    return word
