"""Locale formatting, Vietnamese alphabetical order and diacritic folding."""

from __future__ import annotations

import datetime as dt

import pytest

from partracker.language.folding import fold_diacritics
from partracker.language.formats import (
    format_date,
    format_number,
    format_percent,
    sort_texts,
    vi_sort_key,
)


def vi_sorted(words: list[str]) -> list[str]:
    return sorted(words, key=vi_sort_key)


def test_d_with_stroke_after_d() -> None:
    assert vi_sorted(["đo", "do", "dz", "e"]) == ["do", "dz", "đo", "e"]


def test_horn_letters_after_their_base() -> None:
    assert vi_sorted(["ơn", "ôn", "on", "p"]) == ["on", "ôn", "ơn", "p"]
    assert vi_sorted(["ưa", "ua", "va"]) == ["ua", "ưa", "va"]
    assert vi_sorted(["ăn", "ân", "an", "bo"]) == ["an", "ăn", "ân", "bo"]


def test_tone_order_none_grave_hook_tilde_acute_dot() -> None:
    assert vi_sorted(["bạ", "bá", "bã", "bả", "bà", "ba"]) == ["ba", "bà", "bả", "bã", "bá", "bạ"]


def test_letters_decide_before_tones() -> None:
    assert vi_sorted(["bác", "bạ", "ba"]) == ["ba", "bạ", "bác"]


def test_word_by_word_and_case_insensitive() -> None:
    assert vi_sorted(["anh", "an b", "An"]) == ["An", "an b", "anh"]
    assert vi_sorted(["sở", "Sở"]) == ["Sở", "sở"]  # equal ignoring case: the text breaks the tie


def test_digits_before_letters_and_as_numbers() -> None:
    assert vi_sorted(["Quý I", "Quý 10", "Quý 2"]) == ["Quý 2", "Quý 10", "Quý I"]


def test_agency_names_in_vietnamese_order() -> None:
    names = [
        "UBND cấp xã", "Sở Y tế", "Sở Tư pháp", "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Tài chính",
        "Sở Thông tin và Truyền thông", "Báo Gia Lai", "Đài Phát thanh - Truyền hình", "Sở, ban, ngành tỉnh",
        "Văn phòng UBND tỉnh", "UBND tỉnh", "UBND cấp huyện", "Sở Khoa học và Công nghệ", "Các đơn vị sự nghiệp công lập",
        "Cơ quan, đơn vị liên quan",
    ]
    assert sort_texts(names, str, "vi") == [
        "Báo Gia Lai",
        "Các đơn vị sự nghiệp công lập",
        "Cơ quan, đơn vị liên quan",
        "Đài Phát thanh - Truyền hình",
        "Sở, ban, ngành tỉnh",
        "Sở Giáo dục và Đào tạo",
        "Sở Khoa học và Công nghệ",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Thông tin và Truyền thông",
        "Sở Tư pháp",
        "Sở Y tế",
        "UBND cấp huyện",
        "UBND cấp xã",
        "UBND tỉnh",
        "Văn phòng UBND tỉnh",
    ]


def test_english_pages_use_plain_casefold_order() -> None:
    assert sort_texts(["department of Justice", "Department of Home Affairs", "Office"], str, "en") == [
        "Department of Home Affairs", "department of Justice", "Office",
    ]


def test_sort_texts_uses_the_key() -> None:
    items = [("x", "Sở Tư pháp"), ("y", "Sở Nội vụ")]
    assert [i[0] for i in sort_texts(items, lambda i: i[1], "vi")] == ["y", "x"]


def test_dates() -> None:
    assert format_date(dt.date(2017, 6, 5), "vi") == "05/06/2017"
    assert format_date(dt.date(2017, 6, 5), "en") == "5 June 2017"
    assert format_date("2016-12-02", "en") == "2 December 2016"


def test_numbers_and_percentages() -> None:
    assert format_number(1234567.5, "vi") == "1.234.567,5"
    assert format_number(1234567.5, "en") == "1,234,567.5"
    assert format_number(100.0, "vi") == "100"
    assert format_percent(0.925, "vi") == "92,5%"
    assert format_percent(0.925, "en") == "92.5%"
    assert format_percent(1, "en") == "100%"


@pytest.mark.parametrize(
    ("text", "folded"),
    [("một cửa", "mot cua"), ("thủ tục hành chính", "thu tuc hanh chinh"), ("đào tạo", "dao tao"), ("Đào Tạo", "Dao Tao"), ("ƯU TIÊN", "UU TIEN")],
)
def test_fold_diacritics(text: str, folded: str) -> None:
    assert fold_diacritics(text) == folded
