"""Bilingual text (Văn bản song ngữ): the two languages of the project and a text in both.

Vietnamese is the authoritative language of every text; English is a faithful translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["vi", "en"]
"""A language of the site: ``vi`` (authoritative) or ``en``."""
LANGS: tuple[Lang, ...] = ("vi", "en")
"""Every language, Vietnamese first."""


@dataclass(frozen=True)
class Text:
    """A bilingual text; Vietnamese is authoritative, English a faithful translation."""

    vi: str
    """Vietnamese (authoritative)."""
    en: str
    """English."""

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.vi if lang == "vi" else self.en
