"""Rendering text safely (Hiển thị an toàn): the one Jinja environment and the escapes every template uses.

Free text from plan-data/ and from contributors' reports must never become markup: it is
HTML-escaped and its Markdown punctuation backslash-escaped, and outside links keep only the
https scheme. Site pages, charts and the pull-request summary render through :func:`environment`,
created once per build; filters that depend on the page's language read ``lang`` from the render
context.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from partracker.language.formats import format_date, format_number, format_percent
from partracker.language.text import Text

# Characters that make markup anywhere in a line (emphasis, code, links, attribute lists, table cells);
# `<`, `>` and `&` are HTML-escaped instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# Characters that make markup only at the start of a line: lists, headings, rules, setext underlines.
_MD_LINE_START = re.compile(r"^([-+#=])")
_SAFE_SCHEMES = ("https",)
# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/U+FFFF).
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


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


def xml_safe(value: Any) -> Any:
    """What every ``{{ … }}`` prints: characters XML cannot carry dropped, whitespace runs folded (markup left as is)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return _SPACE.sub(" ", INVALID_XML.sub("", value)).strip()
    return value


@jinja2.pass_context
def _local(context: Any, text: Text | None) -> str:
    """A bilingual text in the page's language."""
    return "" if text is None else text.get(context["lang"])


@jinja2.pass_context
def _date(context: Any, day: Any) -> str:
    return format_date(day, context["lang"]) if day else "—"


@jinja2.pass_context
def _number(context: Any, n: float | int) -> str:
    return format_number(n, context["lang"])


@jinja2.pass_context
def _percent(context: Any, x: float) -> str:
    return format_percent(x, context["lang"])


def environment() -> jinja2.Environment:
    """The Jinja environment of every template in ``partracker/outputs/templates/``: autoescaped, strict."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("partracker.outputs", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=xml_safe,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md_escape,
        code=md_code,
        safe_url=safe_url,
        tojson_yaml=yaml_title,
        local=_local,
        date=_date,
        number=_number,
        percent=_percent,
    )
    return env
