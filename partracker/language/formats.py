"""Locale formatting and Vietnamese collation (Định dạng và thứ tự chữ cái tiếng Việt).

Dates, numbers and percentages are formatted with babel's CLDR data, so the same input always
gives the same text. Vietnamese dates use the dd/mm/yyyy form of Vietnamese official documents
("05/06/2017"); English dates use "5 June 2017".

Vietnamese alphabetical order (:func:`vi_sort_key`) follows the dictionary convention:

* letters: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z) —
  f, j, w and z are not Vietnamese letters but occur in loanwords and abbreviations, so they keep
  their Latin place;
* a text is compared word by word, and each word first by its letters, then by its tone mark in
  the order: none (ngang), huyền, hỏi, ngã, sắc, nặng — so "ba" < "bà" < "bả" < "bã" < "bá" < "bạ" < "bác";
* comparison ignores case and punctuation; a run of digits compares as a number and comes before
  any letter ("Quý 2" < "Quý 10" < "Quý I");
* texts that compare equal are ordered by the text itself, so the order is total and stable.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal as _babel_format_decimal
from babel.numbers import format_percent as _babel_format_percent

from partracker.language.text import Lang

T = TypeVar("T")

LOCALES: dict[str, str] = {"vi": "vi_VN", "en": "en_GB"}
"""babel locale per site language; en_GB gives "5 June 2017" day-first dates."""

DATE_PATTERNS: dict[str, str] = {"vi": "dd/MM/yyyy", "en": "d MMMM yyyy"}
"""CLDR date patterns per language."""

# Letters in Vietnamese alphabetical order; base letter + modifier (after NFD) for ă â đ ê ô ơ ư.
_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
             "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}

# Combining marks that make a different letter (kept at the primary level) …
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)
# … and the five tone marks, ranked after "no tone" (0).
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng

_DIGIT, _LETTER, _OTHER = 0, 1, 2


def _as_date(d: dt.date | str) -> dt.date:
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return d
    return dt.date.fromisoformat(d)


def format_date(d: dt.date | str, lang: Lang) -> str:
    """A date as readers of ``lang`` write it: vi "05/06/2017", en "5 June 2017"."""
    return _babel_format_date(_as_date(d), DATE_PATTERNS[lang], locale=LOCALES[lang])


def format_number(n: float | int, lang: Lang) -> str:
    """A number with the language's separators and at most three decimals: vi "1.234,5", en "1,234.5"."""
    return _babel_format_decimal(n, format="#,##0.###", locale=LOCALES[lang])


def format_percent(x: float, lang: Lang) -> str:
    """A ratio (0.925) as a percentage with at most one decimal: vi "92,5%", en "92.5%"."""
    return _babel_format_percent(x, format="#,##0.#%", locale=LOCALES[lang])


def _word_key(word: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    digits = ""
    for base, marks in _clusters(word):
        if base.isdigit() and base.isascii():
            digits += base
            continue
        if digits:
            letters.append((_DIGIT, int(digits)))
            digits = ""
        letter = base + "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", letter)
        if letter in _LETTER_RANK:
            letters.append((_LETTER, _LETTER_RANK[letter]))
        elif base.isalpha():
            letters.append((_OTHER, ord(base)))
        else:
            continue  # punctuation does not take part in the order
        tones.append(max((_TONE_RANK.get(m, 0) for m in marks), default=0))
    if digits:
        letters.append((_DIGIT, int(digits)))
    return tuple(letters), tuple(tones)


def _clusters(word: str) -> Iterable[tuple[str, list[str]]]:
    """Base characters with their combining marks, after NFD."""
    base: str | None = None
    marks: list[str] = []
    for c in unicodedata.normalize("NFD", word.casefold()):
        if unicodedata.combining(c) and base is not None:
            marks.append(c)
            continue
        if base is not None:
            yield base, marks
        base, marks = c, []
    if base is not None:
        yield base, marks


def vi_sort_key(text: str) -> tuple:
    """Sort key for Vietnamese alphabetical order (see the module docstring for the rules)."""
    words = tuple(_word_key(w) for w in text.split())
    return tuple(w for w in words if w[0]), text


def en_sort_key(text: str) -> tuple[str, str]:
    """Sort key for English pages: case-insensitive, ties broken by the text."""
    return text.casefold(), text


def sort_texts(items: Iterable[T], key: Callable[[T], str], lang: Lang) -> list[T]:
    """``items`` sorted by the text ``key`` gives: Vietnamese order on vi pages, casefold order on en pages."""
    text_key = vi_sort_key if lang == "vi" else en_sort_key
    return sorted(items, key=lambda item: text_key(key(item)))
