"""Diacritic folding and slugs (Bỏ dấu): one rule for search, anchors and ids.

Vietnamese readers often type without diacritics ("mot cua" for "một cửa"), and URLs and heading
anchors must be ASCII. Both use :func:`fold_diacritics`, which removes every combining mark and,
unlike a plain Unicode decomposition, also turns "đ/Đ" (a letter of its own, not d with a mark)
into "d/D".
"""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold_diacritics(text: str) -> str:
    """The text without diacritics: "Đào tạo" → "Dao tao"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


FOLDED_RANGES = ((0x00C0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF))
"""Characters whose folded form the site's scripts are given: Latin letters with marks, combining marks, Vietnamese letters."""


def fold_table() -> dict[str, str]:
    """Each character of :data:`FOLDED_RANGES` that :func:`fold_diacritics` changes, with what it becomes.

    The site's scripts (the table filters, the agency finder, the search worker) fold text with this
    table: the one rule, written out for JavaScript.
    """
    out = {}
    for first, last in FOLDED_RANGES:
        for code in range(first, last + 1):
            c = chr(code)
            if fold_diacritics(c) != c:
                out[c] = fold_diacritics(c)
    return out


def slugify(text: str, separator: str = "-") -> str:
    """An ASCII slug of ``text``: folded, lower case, runs of other characters as one ``separator``.

    "Nghĩa vụ sắp đến hạn" → "nghia-vu-sap-den-han"; "Đơn vị" → "don-vi". Used for heading anchors
    (Python-Markdown's ``toc`` extension calls it with the text of each heading) and id hints.
    """
    ascii_text = fold_diacritics(text).encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub(separator, ascii_text).strip(separator)


def comparable(text: str) -> str:
    """The form under which two names read the same to a reader: compatibility-normalised (NFKC), case-folded,
    invisible format characters removed and runs of spaces (of any kind) made one. "Sở  Nội vụ" typed with
    decomposed accents or a no-break space compares equal to "sở nội vụ"."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").casefold().split())
