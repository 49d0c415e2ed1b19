"""The site under MkDocs (Dựng trang bằng MkDocs): the hook's events, the navigation, and the two-language build.

A project is a folder with ``mkdocs.yml`` (Vietnamese), ``mkdocs.en.yml`` (English, ``INHERIT``
of it), ``docs/``, ``overrides/`` and ``hooks/plan_pages.py``; this package can build any such
project, not only the checkout it came from. ``partracker build`` creates one
:class:`~partracker.outputs.context.BuildContext`, then builds each language from it (in parallel
processes that inherit it); ``mkdocs serve`` and a bare ``mkdocs build`` make one in
:func:`on_config`. The hook only forwards MkDocs' events here.
"""

from __future__ import annotations

import html
import logging
import multiprocessing
import shutil
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any

from partracker.domain.model import Plan
from partracker.language.labels import labels
from partracker.language.text import LANGS, Lang
from partracker.outputs import live, registry, search, wording
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.outputs.urls import Urls
from partracker.reading.clock import AsOfError
from partracker.reading.deployment import load_deployment
from partracker.reading.errors import DataInvalid
from partracker.reading.files import symlink_problems

CONTEXT_ATTRIBUTE = "partracker_context"
"""Where a MkDocs config carries the build context handed to it by :func:`build_language`."""


class BuildFailed(Exception):
    """A language's MkDocs build failed; its log says why. Nothing was published."""


def config_file(project_dir: Path, lang: Lang) -> Path:
    """The MkDocs config of a language in a project."""
    return project_dir / ("mkdocs.yml" if lang == "vi" else f"mkdocs.{lang}.yml")


# --- the hook's events -----------------------------------------------------------------------------


def context_of(config: Any, logger: Any) -> BuildContext:
    """The build context this config was given, or (``mkdocs serve``, bare ``mkdocs build``) a new one."""
    ctx = getattr(config, CONTEXT_ATTRIBUTE, None)
    if ctx is None:
        project_dir = Path(config.config_file_path).parent
        try:
            options = BuildOptions(data_dir=project_dir / "plan-data", deployment=load_deployment(project_dir))
            ctx = BuildContext.load(options)
        except DataInvalid as exc:
            lang = config.extra["site_lang"]
            for p in exc.problems:
                logger.error(p.format(lang))
            from mkdocs.exceptions import Abort

            raise Abort(f"{len(exc.problems)} problem(s) in plan-data/ or deployment.yaml; nothing was published.") from None
        except AsOfError as exc:
            from mkdocs.exceptions import Abort

            raise Abort(exc.problem.format(config.extra["site_lang"])) from None
        setattr(config, CONTEXT_ATTRIBUTE, ctx)
    return ctx


def on_config(config: Any, logger: Any) -> Any:
    """Load (or take) the build context; put the labels the theme overrides print and the search worker's path into ``extra.ui``, and the repository link."""
    linked = symlink_problems(Path(config.config_file_path).parent)
    if linked:
        from mkdocs.exceptions import Abort

        for p in linked:
            logger.error(p.format(config.extra["site_lang"]))
        raise Abort(f"{len(linked)} symbolic link(s) in the project; nothing was published.")
    ctx = context_of(config, logger)
    lang: Lang = config.extra["site_lang"]
    words = labels(lang)
    from partracker.language.formats import format_date

    config.extra["ui"] = {
        "data_as_of": words.format("data_as_of", date=format_date(ctx.as_of, lang), timezone=ctx.timezone),
        "demo_banner": words.demo_banner if ctx.demo else "",
        "lang": lang,
        "search_worker": ctx.urls.search_worker,
    }
    config.extra["generator"] = False
    # The theme's link to the repository comes from the deployment setting, never from a copy in mkdocs.yml.
    deployment = ctx.options.deployment
    if deployment.repository_url:
        config.repo_url = deployment.repository_url
        config.repo_name = deployment.repository
    # The palette toggle's names in mkdocs.yml are label keys (scheme_dark, scheme_light): words come from the catalogue.
    for scheme in config.theme.get("palette") or []:
        toggle = scheme.get("toggle") or {}
        if toggle.get("name") in ("scheme_dark", "scheme_light"):
            toggle["name"] = words[toggle["name"]]
    return config


def on_files(files: Any, config: Any, logger: Any) -> Any:
    """Add every generated page and file, and the navigation, to this language's build."""
    from mkdocs.structure.files import File

    class Generated(File):
        """A generated file; under ``mkdocs serve --dirty``, not rebuilt when its bytes did not change."""

        unchanged = False

        def is_modified(self) -> bool:
            return not self.unchanged and super().is_modified()

    ctx = context_of(config, logger)
    lang: Lang = config.extra["site_lang"]
    for path, content in registry.generate(ctx, lang).items():
        if files.get_file_from_path(path) is not None:
            logger.warning(f"Generated page {path} would replace a hand-written file; keeping the hand-written one.")
            continue
        generated = Generated.generated(config, path, content=content)
        generated.unchanged = live.unchanged(lang, path, content)
        files.append(generated)
    config.nav = nav(lang, ctx.plan, ctx.urls, {f.src_uri for f in files})
    return files


def on_post_build(config: Any, logger: Any) -> None:
    """Rewrite the search index Material wrote: result titles, and the keys that find Vietnamese typed without diacritics,
    phrases, codes and names (:mod:`partracker.outputs.search`)."""
    ctx = context_of(config, logger)
    path = Path(config.site_dir) / ctx.urls.search_index
    if path.is_file():
        before, after = search.rewrite_index_file(path, ctx, config.extra["site_lang"])
        logger.info(f"search index: {before} → {after} bytes")


def on_serve(server: Any, config: Any, logger: Any) -> Any:
    """Under ``mkdocs serve``, rebuild when the data, the sample reports or any file of this package changes."""
    ctx = context_of(config, logger)
    package = Path(__file__).resolve().parent.parent
    for path in (ctx.options.data_dir, ctx.options.demo_dir, package):
        if path.exists():
            server.watch(str(path))
    return server


def nav(lang: Lang, plan: Plan, urls: Urls, present: set[str]) -> list[Any]:
    """The bounded navigation: index pages only, never every task or agency."""
    words = labels(lang)
    # MkDocs and Material print navigation titles as raw HTML, so data text is escaped here.
    # A section title used in two groups ("Hiện đại hóa hành chính" in A, B and C) shows its group.
    sections = [{html.escape(wording.section_title(plan, s, lang), quote=False): urls.section(s)} for s in plan.sections]
    items: list[Any] = [
        {words.home: urls.home},
        {words.plan: [{words.plan_overview: urls.plan}, *sections]},
        {words.agencies: urls.agencies},
        {words.timeline: urls.timeline},
        {words.progress: urls.progress},
        {words.glossary: urls.glossary},
        {words.source_page: urls.source},
    ]
    for key, name in (("contribute", "contribute.md"), ("report_builder", "report-builder.md")):
        if urls.page(name) in present:
            items.append({words[key]: urls.page(name)})
    items.append({words.downloads: urls.downloads})
    # Pages about the project itself, for maintainers and the curious, in one section at the end (and down-weighted in search).
    about = [{words[key]: path} for key, path in (("deadlines", urls.page("deadlines.md")), ("data_model", urls.page("data-model.md")), ("coverage", urls.coverage), ("how_built", urls.page("maintainers.md")), ("benchmark", urls.page("benchmark.md"))) if path in present]
    items.append({words.about: about})
    return items


# --- the whole build ------------------------------------------------------------------------------


def redirect_page(ctx: BuildContext) -> str:
    """The root page: sends readers to the Vietnamese site, with a plain link for no-JS, no-refresh readers."""
    return ctx.templates.get_template("site/redirect.html.j2").render(vi=labels("vi"), en=labels("en"))


def build_language(ctx: BuildContext, lang: Lang, site_dir: Path, project_dir: Path) -> None:
    """Build one language of the project into ``site_dir/lang`` (strict), from the given context."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    log = logging.getLogger("mkdocs")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"[{lang}] %(levelname)s - %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.WARNING)
    overrides: dict[str, Any] = {"site_dir": str(site_dir / lang), "strict": True}
    root = ctx.urls.language_root(lang)
    if root:
        overrides["site_url"] = root
    cfg = load_config(str(config_file(project_dir, lang)), **overrides)
    setattr(cfg, CONTEXT_ATTRIBUTE, ctx)
    build(cfg)


def _child(ctx: BuildContext, lang: Lang, site_dir: Path, project_dir: Path) -> None:
    """A forked process building one language: exit 0, or print why and exit 1."""
    try:
        build_language(ctx, lang, site_dir, project_dir)
    except Exception as exc:  # noqa: BLE001 - reported to the parent through the exit code
        from mkdocs.exceptions import MkDocsException

        if isinstance(exc, MkDocsException):
            print(f"[{lang}] {exc}", file=sys.stderr)  # MkDocs' own message; the log above says the rest
        else:
            traceback.print_exc()  # a programming error shows its traceback
        sys.stderr.flush()
        sys.exit(1)
    sys.exit(0)


def build_site(ctx: BuildContext, site_dir: Path, *, project_dir: Path, parallel: bool = True) -> None:
    """Build both languages and the root redirect into ``site_dir`` (replaced only when everything succeeded).

    With ``parallel``, each language is built in a forked process that inherits the context: the data
    is loaded, validated and scheduled once, in this process, and language-independent outputs are
    computed before the fork.
    """
    # A symbolic link among the pages would publish whatever it points to: refused before anything is built.
    linked = symlink_problems(project_dir)
    if linked:
        raise DataInvalid(linked)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        registry.prepare(ctx)
        # Forking a process that runs other threads can leave a lock held in the child: build in turn then.
        if parallel and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            fork = multiprocessing.get_context("fork")
            children = [fork.Process(target=_child, args=(ctx, lang, tmp, project_dir), name=f"build-{lang}") for lang in LANGS]
            for child in children:
                child.start()
            for child in children:
                child.join()
            failed = [lang for lang, child in zip(LANGS, children) if child.exitcode != 0]
            if failed:
                raise BuildFailed(f"the {', '.join(failed)} build failed")
        else:
            for lang in LANGS:
                build_language(ctx, lang, tmp, project_dir)
        (tmp / "index.html").write_text(redirect_page(ctx), encoding="utf-8")
        if ctx.urls.base_url is None:
            # A "not found" page is served for missing addresses at any depth, so its links must be absolute:
            # without the site's address they would all be broken. Static hosts then show their own.
            for lang in LANGS:
                (tmp / lang / "404.html").unlink(missing_ok=True)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        tmp.rename(site_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
