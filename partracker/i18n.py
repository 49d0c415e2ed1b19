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

from partracker.model import Lang, Text

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


def fold_diacritics(text: str) -> str:
    """The text without diacritics, for search: "Đào tạo" → "Dao tao"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


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


UI: dict[str, Text] = {
    "no_reports": Text(
        "Chưa có báo cáo tiến độ nào được nộp, nên không nội dung nào được ghi là đã hoàn thành hay trễ hạn: các trạng thái dưới đây chỉ dựa trên lịch của kế hoạch (chưa đến hạn, chưa có báo cáo, không áp dụng).",
        "No progress reports have been filed yet, so nothing is shown as done or late: the statuses below come from the plan's calendar only (upcoming, no report filed yet, not applicable).",
    ),
    "demo_data": Text(
        "Trang này đang hiển thị dữ liệu mẫu, không phải báo cáo thật của cơ quan nào.",
        "This page shows sample data, not a real report from any agency.",
    ),
    "sample_prefix": Text("[Dữ liệu mẫu]", "[Sample data]"),
    "as_of": Text("Số liệu tính đến ngày {date}.", "Figures as of {date}."),
    "timeline_title": Text("Lịch thực hiện", "Timeline"),
    "timeline_intro": Text(
        "Sản phẩm đầu ra và hạn báo cáo theo năm và quý, kèm trạng thái.",
        "Deliverables and reporting deadlines by year and quarter, with their status.",
    ),
    "progress_title": Text("Tiến độ thực hiện", "Progress"),
    "by_period_title": Text("Tiến độ theo kỳ", "Progress by period"),
    "by_section_title": Text("Tiến độ theo mục", "Progress by section"),
    "by_agency_title": Text("Tiến độ theo đơn vị", "Progress by agency"),
    "year": Text("Năm", "Year"),
    "quarter": Text("Quý", "Quarter"),
    "quarter_label": Text("Quý {q}", "Q{n}"),
    "no_quarter": Text("Trong năm (không gắn với quý)", "During the year (no quarter)"),
    "no_year": Text("Không gắn với năm cụ thể", "Not tied to a year"),
    "due": Text("Hạn", "Due"),
    "no_due": Text("Không có hạn cụ thể", "No fixed date"),
    "task": Text("Nhiệm vụ", "Task"),
    "agency": Text("Đơn vị", "Agency"),
    "section": Text("Mục", "Section"),
    "obligation": Text("Nghĩa vụ", "Obligation"),
    "kind": Text("Loại", "Kind"),
    "role": Text("Vai trò", "Role"),
    "status": Text("Trạng thái", "Status"),
    "total": Text("Tổng", "Total"),
    "count": Text("Số lượng", "Count"),
    "nothing": Text("Không có nghĩa vụ nào.", "No obligations."),
    "reporting_deadline": Text("Hạn báo cáo", "Reporting deadline"),
    "deliverable": Text("Sản phẩm / việc cần làm", "Deliverable"),
    "measures_title": Text("Chỉ số kiểu PAR INDEX theo năm", "PAR-style measures per year"),
    "measures_intro": Text(
        "Tỷ lệ nhiệm vụ trong kế hoạch năm đã hoàn thành (mức: trên 90%, từ 70% đến 90%, dưới 70%) và việc nộp đúng hạn mọi báo cáo định kỳ.",
        "Share of the year's plan tasks completed (bands: above 90%, 70–90%, below 70%) and whether every periodic report was filed on time.",
    ),
    "tasks_planned": Text("Nhiệm vụ trong năm", "Tasks in the year"),
    "tasks_done": Text("Đã hoàn thành", "Completed"),
    "share_done": Text("Tỷ lệ hoàn thành", "Share completed"),
    "band": Text("Mức", "Band"),
    "band_high": Text("Trên 90%", "Above 90%"),
    "band_mid": Text("Từ 70% đến 90%", "70–90%"),
    "band_low": Text("Dưới 70%", "Below 70%"),
    "band_unsettled": Text("Chưa xác định ({n} nhiệm vụ chưa có báo cáo)", "Not settled ({n} tasks without a report)"),
    "at_least": Text("ít nhất {value}", "at least {value}"),
    "reports_on_time": Text("Báo cáo định kỳ đúng hạn", "Periodic reports on time"),
    "yes": Text("Có", "Yes"),
    "no": Text("Không", "No"),
    "not_assessed_short": Text("Chưa đánh giá", "Not yet assessed"),
    "not_yet_due": Text("Chưa đến hạn", "Not yet due"),
    "charts": Text("Biểu đồ", "Charts"),
    "status_by_year": Text("Trạng thái nghĩa vụ theo năm", "Obligation status by year"),
    "status_by_section": Text("Trạng thái nghĩa vụ theo mục", "Obligation status by section"),
    "status_by_agency": Text("Trạng thái nghĩa vụ theo đơn vị", "Obligation status by agency"),
    "data_table": Text("Bảng số liệu", "Data table"),
    "see_also": Text("Xem thêm", "See also"),
    "targets_title": Text("Chỉ tiêu và kết quả báo cáo", "Targets and reported values"),
    "target": Text("Chỉ tiêu", "Target"),
    "reported_value": Text("Giá trị báo cáo", "Reported value"),
    "no_value": Text("Chưa có số liệu", "No value reported"),
    "met": Text("Đạt chỉ tiêu", "Target met"),
    "comparator_eq": Text("bằng {value}", "equal to {value}"),
    "comparator_gt": Text("trên {value}", "more than {value}"),
    "comparator_gte": Text("từ {value} trở lên", "at least {value}"),
    "by_year_suffix": Text("đến năm {year}", "by {year}"),
    "every_year": Text("hằng năm", "every year"),
    "feed_title": Text("Tiến độ thực hiện Quyết định {number}", "Progress on Decision {number}"),
    "feed_subtitle": Text(
        "Cập nhật tiến độ do các đơn vị báo cáo, mỗi mục là một nội dung báo cáo.",
        "Progress updates as reported by the agencies, one entry per reported item.",
    ),
    "feed_author": Text("Cổng theo dõi CCHC Gia Lai", "Gia Lai PAR tracker"),
    "entry_status": Text("Trạng thái: {status}", "Status: {status}"),
    "entry_percent": Text("Mức hoàn thành: {percent}", "Completion: {percent}"),
    "entry_reported": Text("Ngày báo cáo: {date}", "Reported on: {date}"),
    "entry_completed": Text("Ngày hoàn thành: {date}", "Completed on: {date}"),
    "entry_report": Text("Báo cáo {period} của {agency}, gửi ngày {date}", "Report {period} from {agency}, sent on {date}"),
    "entry_evidence": Text("Minh chứng: {items}", "Evidence: {items}"),
    "entry_target": Text("Chỉ tiêu {id}: {value}", "Target {id}: {value}"),
    "entry_note": Text("Ghi chú: {note}", "Note: {note}"),
    "entry_corrects": Text("Đính chính nội dung {ref}", "Corrects entry {ref}"),
}
"""Interface strings of the progress pages, charts and feeds (vi, en)."""


def ui(key: str, lang: Lang, **params: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{name}`` fields filled in."""
    try:
        text = UI[key].get(lang)
    except KeyError:
        raise KeyError(f"Unknown interface string: {key!r}") from None
    return text.format(**params) if params else text
