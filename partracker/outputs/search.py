"""The search index (Chỉ mục tìm kiếm): Material's lunr index, made to find Vietnamese typed without diacritics.

Material's lunr search with ``lang: vi`` only filters stop words, so "thu tuc hanh chinh" would
find nothing. After the build, each entry gets a hidden copy of its words folded the same way
as everywhere else (:func:`partracker.language.folding.fold_diacritics`): unaccented queries
match, accented ones stay exact, and the folded words never show in result previews.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from partracker.language.folding import fold_diacritics

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
FOLD_OPEN = '<span class="pt-fold" hidden>'


def folded_words(text: str) -> str:
    """The folded words of ``text`` that differ from the originals, unique, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(html.unescape(_TAG.sub(" ", text))):
        folded = fold_diacritics(word).lower()
        if folded != word.lower() and folded not in seen:
            seen[folded] = None
    return " ".join(seen)


def fold_search_index(path: Path) -> tuple[int, int]:
    """Add a hidden, diacritic-folded copy of each entry's words; returns (bytes before, bytes after)."""
    raw = path.read_text(encoding="utf-8")
    index = json.loads(raw)
    for doc in index["docs"]:
        extra = folded_words(doc.get("title", "") + " " + doc.get("text", ""))
        if extra:
            # Material indexes `text` (HTML-aware tokenizer) and shows it as the teaser; `hidden` keeps
            # the folded words searchable but out of the preview.
            doc["text"] = doc.get("text", "") + FOLD_OPEN + extra + "</span>"
    out = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(out, encoding="utf-8")
    return len(raw.encode("utf-8")), len(out.encode("utf-8"))
