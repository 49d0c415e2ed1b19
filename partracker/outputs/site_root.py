"""The site's root (Gốc trang): the files beside ``vi/`` and ``en/``, written once per build.

- ``index.html`` sends a reader to ``vi/`` or ``en/`` by the browser's languages;
- ``404.html`` is the one "not found" page, in both languages: static hosts such as GitHub Pages serve the root's
  404 page for a missing address at any depth, so it holds everything inline and links absolutely;
- ``robots.txt`` lets every page be indexed and names the sitemap index;
- ``sitemap.xml`` (only when the site's address is known: a sitemap holds absolute addresses) names each
  language's sitemap, whose entries carry the page's address in every language (``overrides/sitemap.xml``).
"""

from __future__ import annotations

from partracker.language.labels import labels
from partracker.language.text import LANGS
from partracker.outputs.context import BuildContext

FAVICON = "assets/images/favicon.png"
"""Material's icon in each language's site."""

NOT_FOUND_PAGES = (("home", "home"), ("agencies", "agencies"), ("downloads", "downloads"))
"""What the 404 page offers: (label, attribute of :class:`~partracker.outputs.urls.Urls` naming the page)."""


def root_files(ctx: BuildContext) -> dict[str, str]:
    """Every file of the site's root: path → text."""
    urls, env = ctx.urls, ctx.templates
    vi, en = labels("vi"), labels("en")
    known = urls.base_url is not None
    roots = {lang: urls.language_root(lang) for lang in LANGS} if known else None
    links = [(key, urls.site_path(getattr(urls, page))) for key, page in NOT_FOUND_PAGES]
    files = {
        urls.root_index: env.get_template("root/index.html.j2").render(vi=vi, en=en, roots=roots, favicon=FAVICON, description=f"{vi.site_name} / {en.site_name}"),
        urls.not_found: env.get_template("root/404.html.j2").render(vi=vi, en=en, root=urls.base_url or "/", known=known, links=links),
        urls.robots: env.get_template("root/robots.txt.j2").render(site_name=f"{vi.site_name} / {en.site_name}", sitemap=urls.root_public(urls.sitemap_index)),
    }
    if known:
        sitemaps = [f"{urls.language_root(lang)}sitemap.xml" for lang in LANGS]
        files[urls.sitemap_index] = env.get_template("root/sitemap.xml.j2").render(sitemaps=sitemaps)
    return dict(sorted(files.items()))
