"""The plan's facts in words (Diễn đạt): obligation titles, deadline rules, reasons, targets, values.

Every output that names an obligation, a rule or a target — pages, calendars, feeds, the command
line, the pull-request summary — words it through these functions, so it reads the same everywhere.
The words come from the label catalogue (:mod:`partracker.language.labels`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from partracker.domain.model import Plan, PlanMeta, Rule, Section, Target, Task
from partracker.domain.periods import ROMAN_QUARTERS, period_kind, quarter_end
from partracker.domain.schedule import Obligation, Reason
from partracker.language.formats import format_date, format_number
from partracker.language.labels import labels
from partracker.language.text import Lang, Text


def both(word: Callable[..., str], *args: Any) -> Text:
    """A wording function's result in both languages: ``both(obligation_title, plan, ob)``."""
    return Text(word(*args, "vi"), word(*args, "en"))


def note_text(note: Text, lang: Lang) -> tuple[str, bool]:
    """A report note in ``lang``, and whether it is shown untranslated: the English site shows a note filed in
    Vietnamese only in Vietnamese until a translation is filed (:func:`partracker.domain.progress.with_translations`)."""
    if lang == "en" and not note.en:
        return note.vi, True
    return note.get(lang), False


def note_plain(note: Text, lang: Lang) -> str:
    """A report note as plain text (feeds, the Word draft): the untranslated one marked "(not yet translated)"."""
    text, untranslated = note_text(note, lang)
    return f"{text} ({labels(lang).not_translated})" if untranslated else text


def quarter_label(year: int, quarter: int, lang: Lang) -> str:
    """ "Quý II/2017" or "Q2 2017"."""
    return labels(lang).format("quarter_of_year", roman=ROMAN_QUARTERS[quarter - 1], quarter=quarter, year=year)


def agency_short(plan: Plan, agency_id: str | None, lang: Lang) -> str:
    """An agency's short name, or "[…]" when the source lost the cell."""
    return plan.agency(agency_id).short.get(lang) if agency_id else "[…]"


def obligation_title(plan: Plan, ob: Obligation, lang: Lang) -> str:
    """A short title: "Ban hành kế hoạch năm 2017" / "Issue the 2017 plan"."""
    words = labels(lang)
    year = ob.year
    if ob.kind == "periodic_report":
        recipient = plan.agency(ob.recipient).short.get(lang) if ob.recipient else ""
        suffix = period_kind(ob.period or f"{year}-year")
        quarter = int(suffix[1:]) if suffix.startswith("q") else 0
        return words.format(f"title.report_{ob.report_kind}", year=year, quarter=quarter, roman=ROMAN_QUARTERS[quarter - 1] if quarter else "", recipient=recipient)
    if ob.kind == "target":
        assert ob.target is not None
        return target_obligation_title(ob.target, year, lang)
    if ob.kind == "in_quarter":
        quarter = ob.rule.quarter if ob.rule and ob.rule.quarter else 1
        return words.format("title.in_quarter", quarter=quarter, roman=ROMAN_QUARTERS[quarter - 1], year=year)
    return words.format(f"title.{ob.kind}", year=year)


def section_title(plan: Plan, section: Section, lang: Lang) -> str:
    """ "A-VII · Hiện đại hóa hành chính", with its group when another group has a section of the same title."""
    title = section.title.get(lang)
    repeated = any(s.title.get(lang) == title and s.group != section.group for s in plan.sections)
    key = "section_title_group" if repeated else "section_title"
    return labels(lang).format(key, id=section.id, title=title, group=section.group)


def target_obligation_title(target: Target, year: int, lang: Lang) -> str:
    """A target's obligation in the target's own words: "Chỉ tiêu năm 2018: Tỷ lệ … bằng 100%"."""
    return labels(lang).format("title.target", metric=target.metric.get(lang), level=target_level(target, lang), year=year)


TASK_TITLE_LIMIT = 80
"""Characters of a task's short title before it is cut at a word and marked "…"."""

# A task's content often runs on after its first phrase: a parenthesised target, a list after ":", a second duty after ";".
_TITLE_END = re.compile(r"\s*[(;:\n]")


def task_title(task: Task, lang: Lang) -> str:
    """A task's short title: its content up to the first "(", ";", ":" or line break, cut at a word near 80 characters."""
    text = task.content.get(lang).strip()
    head = _TITLE_END.split(text, maxsplit=1)[0].strip() or text
    head = " ".join(head.split())
    if len(head) > TASK_TITLE_LIMIT:
        head = head[:TASK_TITLE_LIMIT].rsplit(" ", 1)[0]
    elif head == " ".join(text.split()):
        return head
    return head.rstrip(",.;") + "…"


DESCRIPTION_LIMIT = 200
"""Characters of a page description before it is cut at a word and marked "…" (search engines show about 160)."""


def description(*parts: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """A page description from sentences of its content: one line, cut at a word near ``limit`` characters."""
    text = " ".join(" ".join(p.split()) for p in parts if p and p.strip())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:—-– ") + "…"


def rule_label(rule: Rule, lang: Lang) -> str:
    """The kind of a deadline rule, with its quarter: "Hoàn thành trong quý III"."""
    label = labels(lang).code("rule_kind", rule.kind)
    return f"{label} {ROMAN_QUARTERS[rule.quarter - 1]}" if rule.quarter else label


def deadline_when(plan: Plan, rule: Rule, lang: Lang) -> str:
    """When a clause of ``rule`` falls due, in words."""
    words = labels(lang)
    if rule.kind == "periodic_reports":
        return words.format("when.periodic_reports", task=plan.reporting_task)
    if rule.kind == "in_quarter":
        quarter = rule.quarter or 1
        end = quarter_end(2001, quarter)
        return words.format("when.in_quarter", end=f"{end:%d/%m}", quarter=quarter, roman=ROMAN_QUARTERS[quarter - 1])
    if rule.kind == "per_regulation" and rule.citation is not None:
        return words.format("when.per_regulation_cited", citation=rule.citation.get(lang))
    return words[f"when.{rule.kind}"]


def reason_text(plan: Plan, reason: Reason, lang: Lang) -> str:
    """Why an obligation has no date, does not apply, or may not apply."""
    meta = plan.meta
    due = f"{reason.due:%d/%m/%Y}" if reason.due else ""
    month = ""
    if meta.month:
        month = f"{meta.month[5:]}/{meta.month[:4]}" if lang == "vi" else meta.month
    dates = possible_dates_text(meta, lang)
    return labels(lang).format(f"reason.{reason.code}", due=due, number=meta.number, month=month, year=meta.start_year, dates=dates)


def possible_dates_text(meta: PlanMeta, lang: Lang) -> str:
    """The decision's possible dates of issue: "02, 12 hoặc 22/12/2016" / "2, 12 or 22 December 2016" ("" when none)."""
    if not meta.possible_dates:
        return ""
    days = [dt.date.fromisoformat(d) for d in meta.possible_dates]
    last = format_date(days[-1], lang)
    if all((d.year, d.month) == (days[-1].year, days[-1].month) for d in days):
        others = [f"{d.day:02d}" if lang == "vi" else str(d.day) for d in days[:-1]]
    else:
        others = [format_date(d, lang) for d in days[:-1]]
    return f"{', '.join(others)} {labels(lang)['or']} {last}"


def role_words(role: str, assignment: str, role_certain: bool, lang: Lang) -> str:
    """A role with the source's doubts: "Chủ trì", "Chủ trì hoặc phối hợp", "có thể: Chủ trì"."""
    words = labels(lang)
    name = words.role_name(role) if role_certain else words.role_uncertain
    return words.format("probable_role", role=name) if assignment == "probable" else name


def role_text(ob: Obligation, lang: Lang) -> str:
    """An obligation's role with the source's doubts (see :func:`role_words`)."""
    return role_words(ob.role, ob.assignment, ob.role_certain, lang)


def format_value(value: float, unit: str, lang: Lang) -> str:
    """A target or reported value with its unit: "95%" or "12 documents"."""
    number = format_number(value, lang)
    return f"{number}%" if unit == "percent" else f"{number} {unit}"


def target_level(target: Target, lang: Lang) -> str:
    """The level a target asks for: "at least 100%", or "[…] (figure lost in the source)"."""
    if target.value is None or target.comparator is None:
        return labels(lang).target_lost
    return labels(lang).code("comparator", target.comparator, value=format_value(target.value, target.unit, lang))


def target_text(target: Target, lang: Lang) -> str:
    """The target in words: "at least 100%, every year"."""
    words = labels(lang)
    when = words.yearly if target.year is None else words.format("by_year_suffix", year=target.year)
    return f"{target_level(target, lang)}, {when}"


def date_text(day: dt.date | str | None, lang: Lang) -> str:
    """A date as readers of ``lang`` write it, or "No fixed date"."""
    return format_date(day, lang) if day else labels(lang).no_due

