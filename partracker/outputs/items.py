"""What an output yields (Sản phẩm của một đầu ra): a page to render, or a file to publish as it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """A Markdown page rendered from a template."""

    path: str
    """Docs path, e.g. ``tasks/a-i-1.md``."""
    template: str
    """Template name under ``templates/``, e.g. ``site/task.md.j2``."""
    values: Mapping[str, Any] = field(default_factory=dict)
    """What the template needs besides what every template sees (see :meth:`BuildContext.render`)."""
    description: str | None = None
    """What the page is about, in a sentence or two of its own content: the page's meta description, shown by search
    engines and by chat apps and social sites when its address is shared (None: the site's description)."""


@dataclass(frozen=True)
class DataFile:
    """A file published as it is: open data, a calendar, a feed, an asset."""

    path: str
    """Docs path, e.g. ``data/plan.json``."""
    content: str | bytes
    """The file's text, or bytes for a binary file (a Word document)."""
