"""Rendering text safely (Hiển thị an toàn): the one Jinja setup and the escapes every Markdown template uses.

Free text from plan-data/ and from contributors' reports must never become markup: it is
HTML-escaped and its Markdown punctuation backslash-escaped, and outside links keep only the
https scheme. The site pages and the pull-request summary render through :func:`environment`.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"

# Characters that make markup anywhere in a line (emphasis, code, links, attribute lists, table cells);
# `<`, `>` and `&` are HTML-escaped instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# Characters that make markup only at the start of a line: lists, headings, rules, setext underlines.
_MD_LINE_START = re.compile(r"^([-+#=])")
_SAFE_SCHEMES = ("https",)


def md_escape(value: Any) -> Markup:
    """Free text as inert Markdown: HTML-escaped, Markdown punctuation backslash-escaped, one line."""
    text = " ".join(str("" if value is None else value).split())
    text = _MD_LINE_START.sub(r"\\\1", _MD_SPECIAL.sub(r"\\\1", text))
    return Markup(html.escape(_guard_list(text), quote=False))


def md_code(value: Any) -> Markup:
    """Free text as one Markdown code span: shown literally, never splitting a table cell."""
    text = " ".join(str("" if value is None else value).split()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def _guard_list(text: str) -> str:
    # "1. …" at the start of a list item would open a nested ordered list.
    m = re.match(r"^(\d+)([.)])(\s)", text)
    return f"{m.group(1)}\\{m.group(2)}{m.group(3)}{text[m.end():]}" if m else text


def safe_url(url: str | None) -> str | None:
    """An outside link only when its scheme is https; None otherwise."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?#&=%~.,+-_@!$;")


def yaml_title(value: Any) -> Markup:
    """A front-matter title: HTML-escaped, because themes print page titles as raw HTML, then quoted as a YAML (JSON) string."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=False), ensure_ascii=False))


def environment(folder: str) -> jinja2.Environment:
    """A Jinja environment for the Markdown templates in ``partracker/templates/<folder>``: autoescaped, strict."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["code"] = md_code
    env.filters["safe_url"] = safe_url
    env.filters["tojson_yaml"] = yaml_title
    return env
