"""One build, one truth (Ngữ cảnh dựng trang): everything every output needs, computed once.

A :class:`BuildContext` is created once per build from :class:`BuildOptions`: it loads and
validates the data (all problems at once), resolves the as-of date by the one policy
(:mod:`partracker.reading.clock`), and then holds — computed on first use, never again — the
obligations and their assessments, the entries that count once corrections apply, each agency's
duties, the Jinja environment, the URL builder and the labels. Outputs are functions of it
(:mod:`partracker.outputs.registry`); none re-derives what it holds. The plan is a value held by
the context, never a module-level singleton, so two contexts can build two plans side by side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from partracker.domain import duties as duty_rules
from partracker.domain import progress, schedule
from partracker.domain.model import Plan, Report
from partracker.domain.schedule import Assessment, Obligation
from partracker.language.formats import sort_texts
from partracker.language.labels import Labels, labels
from partracker.language.text import Lang, Text
from partracker.outputs import render, wording
from partracker.outputs.urls import Urls
from partracker.reading import reportfiles
from partracker.reading.clock import resolve_as_of
from partracker.reading.dataset import load_dataset
from partracker.reading.deployment import Deployment
from partracker.reading.errors import DataInvalid
from partracker.reading.history import Publication

T = TypeVar("T")

DUE_SOON_DAYS = 30
"""An obligation is "due soon" this many days before its due date."""


@dataclass(frozen=True)
class BuildOptions:
    """What one build is asked for, besides the data itself."""

    data_dir: Path
    """The plan-data directory."""
    as_of: dt.date | None = None
    """The as-of date given explicitly (``--as-of``); None: resolved by the one policy."""
    demo: bool = False
    """Add the sample reports of ``demo/progress/`` (beside the data directory) and a DEMO banner."""
    base_url: str | None = None
    """Public address of the site root given explicitly (``--base-url``); it wins over the deployment setting's."""
    deployment: Deployment = Deployment()
    """The project's deployment setting (``deployment.yaml``): site address, repository, branch, organisation."""

    @property
    def site_url(self) -> str | None:
        """The public address of the site root: the one given explicitly, else the setting's, else None (links stay relative)."""
        return self.base_url or self.deployment.site_url

    @property
    def demo_dir(self) -> Path:
        """Where the sample reports live: ``demo/`` beside the data directory."""
        return self.data_dir.parent / "demo"


class BuildContext:
    """The plan, the reports and everything derived from them for one build, each computed once."""

    def __init__(self, options: BuildOptions, plan: Plan, reports: tuple[Report, ...], as_of: dt.date, publication: Publication | None = None) -> None:
        self.options = options
        """What was asked for."""
        self.plan = plan
        """The plan, validated."""
        self.reports = reports
        """Every filed report that counts in this build (with the sample reports in a demo build), sorted."""
        self.as_of = as_of
        """The date statuses are computed for, in the plan's time zone."""
        self.publication = publication or Publication()
        """When each report file reached the main branch (read from git once, with the data), or why that is unknown."""
        self.urls = Urls(options.site_url)
        """Where every page and file is published."""
        self._shared: dict[str, Any] = {}

    @classmethod
    def load(cls, options: BuildOptions) -> BuildContext:
        """Load and validate the data once; raises :class:`DataInvalid` with every located problem."""
        loaded = load_dataset(options.data_dir, as_of=lambda timezone: resolve_as_of(options.as_of, timezone))
        if loaded.problems or loaded.plan is None or loaded.as_of is None:
            raise DataInvalid(loaded.problems)
        # A note filed in Vietnamese only gets its English from a translation filed apart (the report is never edited).
        reports = progress.with_translations(loaded.reports, loaded.translations)
        if options.demo:
            sample = reportfiles.load_demo_reports(loaded.plan, options.demo_dir, as_of=loaded.as_of)
            reports = tuple(sorted(reports + sample, key=progress.report_sort_key))
        return cls(options, loaded.plan, reports, loaded.as_of, loaded.publication)

    # --- the plan's dates and statuses --------------------------------------------------------

    @property
    def timezone(self) -> str:
        """The time zone every date of the plan is in."""
        return self.plan.meta.timezone

    @property
    def demo(self) -> bool:
        """True for a build with sample reports: every page carries the DEMO banner."""
        return self.options.demo

    @cached_property
    def obligations(self) -> tuple[Obligation, ...]:
        """Every obligation of every plan year, sorted by due date."""
        return schedule.obligations(self.plan)

    @cached_property
    def assessments(self) -> tuple[Assessment, ...]:
        """Every obligation's status at the as-of date, in the obligations' order."""
        return schedule.assess(self.plan, self.obligations, self.reports, as_of=self.as_of, due_soon_days=DUE_SOON_DAYS)

    @cached_property
    def assessments_by_task(self) -> Mapping[str, tuple[Assessment, ...]]:
        """Assessments grouped by task id."""
        out: dict[str, list[Assessment]] = {}
        for a in self.assessments:
            out.setdefault(a.obligation.task, []).append(a)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def entries(self) -> tuple[progress.Filed, ...]:
        """The report entries that count: corrections applied (:func:`partracker.domain.progress.effective_entries`)."""
        return progress.effective_entries(self.reports, as_of=self.as_of)

    @cached_property
    def corrections(self) -> tuple[progress.Correction, ...]:
        """Every correction applied."""
        return progress.corrections(self.reports, as_of=self.as_of)

    @cached_property
    def entries_by_task(self) -> Mapping[str, tuple[progress.Filed, ...]]:
        """Effective entries per task, oldest first (reported date, then submission, filing, entry)."""
        out: dict[str, list[progress.Filed]] = {}
        for filed in sorted(self.entries, key=lambda f: (f[1].reported, f[0].submitted, f[0].agency, *progress.latest_key(f)[2:])):
            out.setdefault(filed[1].task, []).append(filed)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def target_values(self) -> Mapping[tuple[str, str], Mapping[int, float]]:
        """(task, target id) → plan year → the latest value reported for it."""
        return progress.target_values(self.entries)

    def duties(self, agency_id: str) -> tuple[duty_rules.Duty, ...]:
        """The agency's tasks, each once, with its strongest role."""
        return duty_rules.duties(self.plan, agency_id)

    def agency_assessments(self, agency_id: str) -> tuple[Assessment, ...]:
        """What the agency owes, one per (year, task, what), with its status, by due date."""
        return duty_rules.obligations_of(self.plan, self.assessments, agency_id)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per build and shared by both languages (open data, calendars)."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[no-any-return]

    # --- words and templates ------------------------------------------------------------------

    @staticmethod
    def labels(lang: Lang) -> Labels:
        """The label catalogue in ``lang``."""
        return labels(lang)

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The one Jinja environment of this build (templates compiled once)."""
        return render.environment()

    def render(self, template: str, *, lang: Lang, page: str, **values: Any) -> str:
        """Render a template for the page at docs path ``page`` in ``lang``.

        Every template sees: ``plan``, ``lang``, ``words`` (the labels), ``urls``, ``link(path)``
        (a relative link from this page), ``as_of``, ``timezone``, ``demo``, the wording helpers
        ``obligation_title(ob)``, ``rule_label(rule)``, ``target_level(target)``, ``target_text(target)``,
        ``agency_short(agency_id)``, ``due_text(date)``, ``task_title(task)``, ``section_title(section)``,
        ``alphabetical(items, attribute)``, ``note_text(note)``, ``published_late(report)`` and ``published_late_days``
        (:func:`partracker.domain.progress.published_late`), and the ``values`` given.
        """
        plan = self.plan
        return self.templates.get_template(template).render(
            plan=plan,
            lang=lang,
            words=labels(lang),
            urls=self.urls,
            link=lambda target: self.urls.relative(page, target),
            page=page,
            as_of=self.as_of,
            timezone=self.timezone,
            demo=self.demo,
            obligation_title=lambda ob: wording.obligation_title(plan, ob, lang),
            rule_label=lambda rule: wording.rule_label(rule, lang),
            target_level=lambda target: wording.target_level(target, lang),
            target_text=lambda target: wording.target_text(target, lang),
            agency_short=lambda agency_id: wording.agency_short(plan, agency_id, lang),
            due_text=lambda day: wording.date_text(day, lang),
            task_title=lambda task: wording.task_title(task, lang),
            note_text=lambda n: wording.note_text(n, lang),
            published_late=progress.published_late,
            published_late_days=progress.PUBLISHED_LATE_DAYS,
            section_title=lambda section: wording.section_title(plan, section, lang),
            alphabetical=lambda items, attribute: sort_texts(items, lambda item: _text_of(getattr(item, attribute), lang), lang),
            **values,
        )


def _text_of(value: Any, lang: Lang) -> str:
    return value.get(lang) if isinstance(value, Text) else str(value)
