"""The obligation calendar: deadline rules, obligations, status, roll-ups and PAR INDEX measures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from partracker.domain import schedule as sc
from partracker.domain.duties import concerns, obligations_of
from partracker.domain.model import RULE_KINDS, DueRule, Entry, Plan, Report, ReportSpec
from partracker.language.text import Text
from partracker.outputs.wording import (
    both,
    deadline_when,
    obligation_title,
    reason_text,
)
from partracker.reading.dataset import require_plan

LOST = "lost_in_source"  # the kind of a clause lost in the OCR
LOST_SLUG = LOST.replace("_", "-")

D = dt.date


def t(vi: str, en: str) -> dict[str, str]:
    """A bilingual text as the data files write it."""
    return {"vi": vi, "en": en}


def clause(vi: str, en: str, **rule: object) -> dict[str, object]:
    """A completion-time clause with its rule."""
    return {"text": t(vi, en), "rule": rule}


def task(tid: str, number: int, *, lead: list[str], coordinating: list[str], completion: list[dict], targets: list[dict] | None = None) -> dict:
    """A task row of the appendix."""
    row = {
        "id": tid,
        "number": number,
        "content": t(f"Nội dung {tid}", f"Content {tid}"),
        "lead": {"text": t("Đơn vị chủ trì", "Lead agency"), "agencies": lead},
        "coordinating": {"text": t("Đơn vị phối hợp", "Coordinating agencies"), "agencies": coordinating},
        "outputs": [t("Sản phẩm", "Output")],
        "completion": completion,
        "source_ranges": [[140, 150]],
        "confidence": "high",
    }
    if targets:
        row["targets"] = targets
    return row


def agency(aid: str, kind: str, vi: str, en: str, members: list[str] | None = None) -> dict:
    """A registry entry."""
    row = {"id": aid, "kind": kind, "name": t(vi, en), "short": t(vi, en)}
    if members:
        row["members"] = {"kinds": members}
    return row


def write_plan_data(root: Path, *, start_year: int = 2016, end_year: int = 2020, date: str | None = None, month: str | None = None, possible_dates: list[str] | None = None) -> Path:
    """Write a small, valid plan-data/ with one task per rule kind; returns ``root``."""
    decision_day: dict[str, object] = {"date": date}
    if month:
        decision_day["month"] = month
    if possible_dates:
        decision_day["possible_dates"] = possible_dates
    files: dict[str, object] = {
        "plan.yaml": {
            "decision": {
                "number": "934/QĐ-UBND",
                **decision_day,
                "date_text": t("ngày […] tháng 12 năm 2016", "[…] December 2016"),
                "issuer": t("Ủy ban nhân dân tỉnh Gia Lai", "Gia Lai Provincial People's Committee"),
                "signer": {"name": "Người ký", "title": t("Chủ tịch", "Chairman"), "on_behalf": t("TM. Ủy ban nhân dân", "On behalf of the People's Committee")},
            },
            "title": t("Kế hoạch thử", "Test plan"),
            "appendix_title": t("Phụ lục thử", "Test appendix"),
            "period": {"start_year": start_year, "end_year": end_year},
            "timezone": "Asia/Ho_Chi_Minh",
            "source": {"file": "seeds/000_787042f11e9eca44.txt", "lines": 958, "description": t("Bản thử", "Test source")},
        },
        "agencies.yaml": {
            "agencies": [
                agency("ubnd-tinh", "provincial_committee", "UBND tỉnh", "Provincial People's Committee"),
                agency("so-noi-vu", "provincial_department", "Sở Nội vụ", "Dept. of Home Affairs"),
                agency("so-tu-phap", "provincial_department", "Sở Tư pháp", "Dept. of Justice"),
                agency("bao-gia-lai", "media", "Báo Gia Lai", "Gia Lai Newspaper"),
                agency("so-ban-nganh-tinh", "collective", "Sở, ban, ngành tỉnh", "Provincial departments", ["provincial_department"]),
                agency("ubnd-cap-huyen", "collective", "UBND cấp huyện", "District People's Committees", ["district_committee"]),
                agency("ubnd-cap-xa", "collective", "UBND cấp xã", "Commune People's Committees", ["commune_committee"]),
            ]
        },
        "glossary.yaml": {"terms": [{"abbr": "CCHC", "vi": "Cải cách hành chính", "en": "Public administration reform (PAR)"}]},
        "groups.yaml": {"groups": [{"id": "A", "title": t("Nhóm A", "Group A"), "source_lines": [136, 136]}]},
        "responsibilities.yaml": {
            "items": [{"number": 1, "heading": t("Sở Nội vụ:", "Department of Home Affairs:"), "agencies": ["so-noi-vu"], "bullets": [t("Theo dõi", "Monitor")], "source_lines": [1, 9], "confidence": "high"}],
            "closing": {"text": t("Trên đây là Kế hoạch", "This is the Plan"), "source_lines": [109, 115], "confidence": "high"},
        },
        "reporting.yaml": {
            "source_task": "A-I-2",
            "source_lines": [150, 170],
            "tiers": [
                {
                    "id": "tier-1",
                    "from": ["so-ban-nganh-tinh", "ubnd-cap-huyen"],
                    "to": "so-noi-vu",
                    "text": t("Sở, ban, ngành tỉnh, UBND cấp huyện gửi báo cáo về Sở Nội vụ", "Departments and districts report to the Department of Home Affairs"),
                    "reports": [
                        {"kind": "quarterly", "due": {"rule": "day_of_last_month_of_quarter", "day": 5}, "text": t("BC quý gửi trước ngày 05 tháng cuối cùng của quý", "Quarterly reports before the 5th of the last month of the quarter")},
                        {"kind": "thematic", "due": {"rule": "day_of_last_month_of_quarter", "day": 5}, "text": t("BC chuyên đề gửi trước ngày 05 tháng cuối cùng của quý", "Thematic reports before the 5th of the last month of the quarter")},
                        {"kind": "six_month", "due": {"rule": "fixed_day", "month": 6, "day": 5}, "text": t("BC 6 tháng gửi trước ngày 05/6", "Six-month report before 05/6")},
                        {"kind": "annual", "due": {"rule": "fixed_day", "month": 11, "day": 25}, "text": t("BC năm gửi trước ngày 25/11", "Annual report before 25/11")},
                    ],
                },
                {
                    "id": "tier-2",
                    "from": ["so-noi-vu"],
                    "to": "ubnd-tinh",
                    "text": t("Sở Nội vụ tổng hợp, dự thảo BC trình UBND tỉnh", "The Department of Home Affairs compiles and drafts the report to the PPC"),
                    "reports": [
                        {"kind": "quarterly", "due": {"rule": "day_of_last_month_of_quarter", "day": 10}, "text": t("Báo cáo quý gửi trước ngày 10 tháng cuối cùng của quý", "Quarterly report before the 10th of the last month of the quarter")},
                        {"kind": "six_month", "due": {"rule": "fixed_day", "month": 6, "day": 10}, "text": t("BC 6 tháng gửi trước ngày 10/6", "Six-month report before 10/6")},
                        {"kind": "annual", "due": {"rule": "fixed_day", "month": 12, "day": 2}, "text": t("BC năm gửi trước ngày 02/12", "Annual report before 02/12")},
                    ],
                },
            ],
        },
        "tasks/A-I.yaml": {
            "id": "A-I",
            "group": "A",
            "numeral": "I",
            "title": t("Công tác chỉ đạo điều hành CCHC", "Direction and management of PAR"),
            "source_lines": [138, 138],
            "tasks": [
                task("A-I-1", 1, lead=["so-noi-vu"], coordinating=["so-tu-phap"], completion=[
                    clause("Kế hoạch ban hành trong quý IV của năm trước liền kề năm thực hiện kế hoạch", "Plan issued in Q4 of the year before", kind="plan_in_previous_q4"),
                    clause("Báo cáo kết quả theo định kỳ hằng năm", "Annual results report", kind="annual_report"),
                ]),
                task("A-I-2", 2, lead=["so-ban-nganh-tinh", "ubnd-cap-huyen"], coordinating=["so-noi-vu"], completion=[
                    clause("Báo cáo theo chế độ báo cáo CCHC định kỳ", "Periodic PAR reports", kind="periodic_reports"),
                ]),
                task("A-I-3", 3, lead=["so-noi-vu"], coordinating=[], completion=[
                    clause("Kế hoạch ban hành trong quý IV của năm trước liền kề năm thực hiện kế hoạch", "Plan issued in Q4 of the year before", kind="plan_in_previous_q4"),
                    clause("Tổng hợp báo cáo kết quả trong quý III năm thực hiện kế hoạch", "Results report in Q3 of the plan year", kind="in_quarter", quarter=3),
                ]),
            ],
        },
        "tasks/A-II.yaml": {
            "id": "A-II",
            "group": "A",
            "numeral": "II",
            "title": t("Văn bản QPPL", "Legal documents"),
            "source_lines": [198, 198],
            "tasks": [
                task("A-II-1", 1, lead=["so-tu-phap"], coordinating=["ubnd-cap-xa"], completion=[
                    clause("Thực hiện thường xuyên hằng năm", "Implemented regularly every year", kind="recurring_annual"),
                    clause("Báo cáo kết quả theo chế độ báo cáo CCHC định kỳ", "Report under the periodic regime", kind="periodic_reports"),
                ], targets=[
                    {"id": "t1", "metric": t("Tỷ lệ văn bản được rà soát", "Share of documents reviewed"), "comparator": "gte", "value": 90, "unit": "percent", "year": None},
                    {"id": "t2", "metric": t("Tỷ lệ văn bản được công khai", "Share of documents published"), "comparator": "eq", "value": 100, "unit": "percent", "year": 2020},
                ]),
                task("A-II-2", 2, lead=[], coordinating=[], completion=[
                    clause("Theo quy định tại Điều 15, Nghị định số 48/2013/NĐ-CP của Chính phủ", "As prescribed in Article 15, Decree No. 48/2013/ND-CP", kind="per_regulation", citation=t("Điều 15, Nghị định số 48/2013/NĐ-CP của Chính phủ", "Article 15, Decree No. 48/2013/ND-CP of the Government")),
                    clause("Theo lộ trình", "According to the roadmap", kind="per_roadmap"),
                    clause("Nhiệm vụ thực hiện theo kế hoạch", "Carried out according to the plan", kind="per_plan"),
                    clause("[…]", "[…]", kind=LOST),
                ]),
            ],
        },
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def fixture_plan(tmp_path: Path, **kwargs: object) -> Plan:
    """The fixture plan, loaded through the real loader."""
    return require_plan(write_plan_data(tmp_path / "plan-data", **kwargs))  # type: ignore[arg-type]


def entry(task_id: str, status: str, reported: str, *, eid: str = "e1", completed: str | None = None, corrects: str | None = None, values: tuple = ()) -> Entry:
    """A progress entry."""
    return Entry(id=eid, task=task_id, status=status, percent=None, target_values=values, evidence=(), note=None, reported=reported, completed=completed, corrects=corrects)


def report(agency_id: str, period: str, submitted: str, *entries: Entry) -> Report:
    """A progress report."""
    return Report(agency=agency_id, period=period, file=f"progress/{agency_id}/{period}.yaml", submitted=submitted, entries=tuple(entries))


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return fixture_plan(tmp_path)


def by_id(items: tuple[sc.Obligation, ...]) -> dict[str, sc.Obligation]:
    return {o.id: o for o in items}


def status_of(plan: Plan, oid: str, reports: tuple[Report, ...], as_of: dt.date, **kw: int) -> sc.Assessment:
    ob = by_id(sc.obligations(plan))[oid]
    return sc.assess(plan, [ob], reports, as_of=as_of, **kw)[0]


# --- Rules ------------------------------------------------------------------------------


def test_every_clause_has_a_rule_with_its_verbatim_text(plan: Plan) -> None:
    rules = sc.rules(plan)
    assert [(r.task, r.index, r.clause.rule.kind) for r in rules] == [
        ("A-I-1", 1, "plan_in_previous_q4"),
        ("A-I-1", 2, "annual_report"),
        ("A-I-2", 1, "periodic_reports"),
        ("A-I-3", 1, "plan_in_previous_q4"),
        ("A-I-3", 2, "in_quarter"),
        ("A-II-1", 1, "recurring_annual"),
        ("A-II-1", 2, "periodic_reports"),
        ("A-II-2", 1, "per_regulation"),
        ("A-II-2", 2, "per_roadmap"),
        ("A-II-2", 3, "per_plan"),
        ("A-II-2", 4, LOST),
    ]
    by_kind = {r.clause.rule.kind: r for r in rules}
    def when(kind: str) -> Text:
        return both(deadline_when, plan, by_kind[kind].clause.rule)

    assert when("per_regulation") == Text(
        "Không có hạn riêng: theo quy định tại Điều 15, Nghị định số 48/2013/NĐ-CP của Chính phủ",
        "No date of its own: as prescribed by Article 15, Decree No. 48/2013/ND-CP of the Government",
    )
    assert by_kind["per_regulation"].dated is False
    assert when("in_quarter") == Text("30/09, ngày cuối quý III của mỗi năm kế hoạch", "30/09, the last day of Q3 of each plan year")
    assert when("per_roadmap").en == "No date of its own: according to the roadmap"
    assert by_kind["plan_in_previous_q4"].clause.text.vi == "Kế hoạch ban hành trong quý IV của năm trước liền kề năm thực hiện kế hoạch"


def test_the_fixture_uses_every_rule_kind(plan: Plan) -> None:
    assert {r.clause.rule.kind for r in sc.rules(plan)} == set(RULE_KINDS)


def test_scheduler_handles_every_rule_kind_of_the_shipped_plan(tmp_path: Path) -> None:
    shipped = require_plan(Path(__file__).resolve().parent.parent / "plan-data")
    for p in (shipped, fixture_plan(tmp_path)):
        kinds = {c.rule.kind for task_ in p.tasks for c in task_.completion}
        assert kinds <= set(RULE_KINDS), kinds - set(RULE_KINDS)
        assert len(sc.rules(p)) == sum(len(task_.completion) for task_ in p.tasks)
        items = sc.obligations(p)
        assert len({o.id for o in items}) == len(items)
        assert all(o.id.isascii() for o in items)


def test_an_unknown_rule_kind_fails_loudly() -> None:
    from partracker.domain.model import Rule

    with pytest.raises(RuntimeError, match="Unknown rule kind: 'someday'"):
        sc.is_dated(Rule(kind="someday"))


# --- Due dates ----------------------------------------------------------------------------


def test_truoc_ngay_means_the_day_before(plan: Plan) -> None:
    obs = by_id(sc.obligations(plan))
    assert obs["2017/A-I-2/tier-1-six-month-h1/so-ban-nganh-tinh"].due == D(2017, 6, 4)
    assert obs["2017/A-I-2/tier-1-annual-year/ubnd-cap-huyen"].due == D(2017, 11, 24)
    assert obs["2017/A-I-2/tier-1-quarterly-q1/so-ban-nganh-tinh"].due == D(2017, 3, 4)
    assert obs["2017/A-I-2/tier-1-thematic-q4/so-ban-nganh-tinh"].due == D(2017, 12, 4)
    assert obs["2017/A-I-2/tier-2-quarterly-q3/so-noi-vu"].due == D(2017, 9, 9)
    assert obs["2017/A-I-2/tier-2-six-month-h1/so-noi-vu"].due == D(2017, 6, 9)
    assert obs["2017/A-I-2/tier-2-annual-year/so-noi-vu"].due == D(2017, 12, 1)


def test_quarter_ends_and_leap_february() -> None:
    assert [sc.quarter_end(2019, q) for q in (1, 2, 3, 4)] == [D(2019, 3, 31), D(2019, 6, 30), D(2019, 9, 30), D(2019, 12, 31)]
    spec = ReportSpec("six_month", DueRule("fixed_day", 1, 3), Text("trước ngày 01/3", "before 01/3"))
    assert sc.report_due(spec, 2020, "h1") == D(2020, 2, 29)
    assert sc.report_due(spec, 2019, "h1") == D(2019, 2, 28)
    quarterly = ReportSpec("quarterly", DueRule("day_of_last_month_of_quarter", 1), Text("trước ngày 01", "before the 1st"))
    assert sc.report_due(quarterly, 2020, "q1") == D(2020, 2, 29)
    assert sc.report_due(quarterly, 2020, "q4") == D(2020, 11, 30)


def test_plan_in_previous_q4(plan: Plan) -> None:
    obs = by_id(sc.obligations(plan))
    ob = obs["2018/A-I-1/plan/so-noi-vu"]
    assert (ob.due, ob.role, ob.kind, ob.applicable) == (D(2017, 12, 31), "lead", "plan_in_previous_q4", True)
    assert ob.source.vi == "Kế hoạch ban hành trong quý IV của năm trước liền kề năm thực hiện kế hoạch"
    assert obs["2018/A-I-1/plan/so-tu-phap"].role == "coordinating"
    first = obs["2016/A-I-1/plan/so-noi-vu"]
    assert (first.due, first.applicable) == (D(2015, 12, 31), False)
    assert both(reason_text, plan, first.reason) == Text("Hạn 31/12/2015 có trước khi giai đoạn kế hoạch bắt đầu (2016)", "Due 31/12/2015, before the plan period began (2016)")
    assert sc.assess(plan, [first], (), as_of=D(2017, 1, 1))[0].status == "not_applicable"


def test_decision_date_makes_earlier_deadlines_not_applicable(tmp_path: Path) -> None:
    p = fixture_plan(tmp_path, date="2016-12-12")
    obs = by_id(sc.obligations(p))
    q3 = obs["2016/A-I-3/q3/so-noi-vu"]
    assert (q3.due, q3.applicable) == (D(2016, 9, 30), False)
    assert both(reason_text, p, q3.reason) == Text("Hạn 30/09/2016 có trước ngày ban hành Quyết định 934/QĐ-UBND", "Due 30/09/2016, before Decision 934/QĐ-UBND was issued")
    assert obs["2016/A-I-2/tier-1-quarterly-q4/ubnd-cap-huyen"].applicable is False  # due 04/12/2016
    assert obs["2016/A-II-1/recurring-annual/so-tu-phap"].applicable is True  # due 31/12/2016
    assert obs["2017/A-I-3/plan/so-noi-vu"].applicable is True  # due 31/12/2016


def test_other_rule_kinds(plan: Plan) -> None:
    obs = by_id(sc.obligations(plan))
    assert obs["2019/A-I-3/q3/so-noi-vu"].due == D(2019, 9, 30)
    assert obs["2019/A-II-1/recurring-annual/so-tu-phap"].due == D(2019, 12, 31)
    assert obs["2019/A-II-1/recurring-annual/ubnd-cap-xa"].role == "coordinating"
    # Annual report: the annual-report day of the agency's tier (so-tu-phap through so-ban-nganh-tinh).
    assert obs["2019/A-I-1/annual-report/so-noi-vu"].due == D(2019, 12, 1)
    assert obs["2019/A-I-1/annual-report/so-tu-phap"].due == D(2019, 11, 24)
    regulation = obs["2019/A-II-2/per-regulation/unassigned"]
    assert (regulation.due, regulation.agency, regulation.applicable) == (None, None, True)
    assert regulation.citation == Text("Điều 15, Nghị định số 48/2013/NĐ-CP của Chính phủ", "Article 15, Decree No. 48/2013/ND-CP of the Government")
    assert both(reason_text, plan, regulation.reason) == Text("Văn bản không nêu thời hạn riêng", "The source gives no date of its own")
    for oid in ("2019/A-II-2/per-roadmap/unassigned", "2019/A-II-2/per-plan/unassigned", f"2019/A-II-2/{LOST_SLUG}/unassigned"):
        assert obs[oid].due is None
    # "Theo chế độ báo cáo CCHC định kỳ" is served by the regime's reports, not once more per task.
    assert not [o for o in obs.values() if o.task == "A-II-1" and o.kind == "periodic_report"]


def test_annual_report_without_a_tier_has_no_date(tmp_path: Path) -> None:
    root = write_plan_data(tmp_path / "plan-data")
    path = root / "tasks/A-I.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("coordinating:\n    text:\n      vi: Đơn vị phối hợp\n      en: Coordinating agencies\n    agencies:\n    - so-tu-phap", "coordinating:\n    text:\n      vi: Đơn vị phối hợp\n      en: Coordinating agencies\n    agencies:\n    - ubnd-cap-xa", 1), encoding="utf-8")
    p = require_plan(root)
    ob = by_id(sc.obligations(p))["2017/A-I-1/annual-report/ubnd-cap-xa"]
    assert ob.due is None
    assert both(reason_text, p, ob.reason) == Text("Đơn vị không thuộc cấp báo cáo nào nên không có hạn báo cáo năm", "The agency is in no reporting tier, so it has no annual-report deadline")


def test_periodic_reports_one_per_sender_period_kind_tier_and_year(plan: Plan) -> None:
    reports = [o for o in sc.obligations(plan) if o.kind == "periodic_report"]
    # tier 1: the 2 named senders and Sở Tư pháp, the registered member of "Sở, ban, ngành tỉnh" (Sở Nội vụ is
    # a member too, but it receives these reports) × (4 quarterly + 4 thematic + 1 six-month + 1 annual);
    # tier 2: 1 × (4 + 1 + 1); 5 years.
    assert len(reports) == 5 * (3 * 10 + 6)
    assert {o.agency for o in reports if o.role == "tier-1"} == {"so-ban-nganh-tinh", "ubnd-cap-huyen", "so-tu-phap"}
    assert {o.year for o in reports} == {2016, 2017, 2018, 2019, 2020}
    ob = by_id(reports)["2018/A-I-2/tier-1-quarterly-q2/ubnd-cap-huyen"]
    assert (ob.period, ob.report_kind, ob.role, ob.recipient, ob.task) == ("2018-q2", "quarterly", "tier-1", "so-noi-vu", "A-I-2")
    assert ob.source.vi == "BC quý gửi trước ngày 05 tháng cuối cùng của quý"


def test_a_member_agency_files_its_own_periodic_report(plan: Plan) -> None:
    # Each department sends its own report: Sở Tư pháp's filing counts for Sở Tư pháp, not for the whole group.
    filed = (report("so-tu-phap", "2018-q2", "2018-06-08"),)
    items = sc.obligations(plan)
    assessed = {a.obligation.id: a for a in sc.assess(plan, items, filed, as_of=D(2018, 7, 1))}
    assert (assessed["2018/A-I-2/tier-1-quarterly-q2/so-tu-phap"].status, assessed["2018/A-I-2/tier-1-quarterly-q2/so-tu-phap"].on) == ("done_late", D(2018, 6, 8))
    assert assessed["2018/A-I-2/tier-1-quarterly-q2/so-ban-nganh-tinh"].status == "not_assessed"
    # Its page lists the duty once: its own obligation, with its own status.
    mine = [a for a in obligations_of(plan, tuple(assessed.values()), "so-tu-phap") if a.obligation.what == "tier-1-quarterly-q2" and a.obligation.year == 2018]
    assert [(a.obligation.agency, a.status) for a in mine] == [("so-tu-phap", "done_late")]


def test_plan_years_come_from_the_data(tmp_path: Path) -> None:
    p = fixture_plan(tmp_path, start_year=2019, end_year=2021)
    assert sorted({o.year for o in sc.obligations(p)}) == [2019, 2020, 2021]
    assert "2021/A-I-1/plan/so-noi-vu" in by_id(sc.obligations(p))


def test_targets(plan: Plan) -> None:
    obs = by_id(sc.obligations(plan))
    yearly = [o for o in obs.values() if o.kind == "target" and o.target and o.target.id == "t1" and o.agency == "so-tu-phap"]
    assert [(o.year, o.due) for o in yearly] == [(y, D(y, 12, 31)) for y in range(2016, 2021)]
    dated = [o for o in obs.values() if o.kind == "target" and o.target and o.target.id == "t2"]
    assert [o.id for o in dated] == ["2020/A-II-1/target-t2/so-tu-phap", "2020/A-II-1/target-t2/ubnd-cap-xa"]
    assert dated[0].source == Text("Tỷ lệ văn bản được công khai", "Share of documents published")


def test_obligations_are_sorted_by_due_date_then_id_with_undated_last(plan: Plan) -> None:
    items = sc.obligations(plan)
    assert list(items) == sorted(items, key=sc.sort_key)
    dated = [o for o in items if o.due is not None]
    assert items[: len(dated)] == tuple(dated)
    assert items[0].id == "2016/A-I-1/plan/so-noi-vu"
    assert items[-1].id == "2020/A-II-2/per-roadmap/unassigned"


def test_ids_are_stable(tmp_path: Path) -> None:
    first = [o.id for o in sc.obligations(fixture_plan(tmp_path / "a"))]
    second = [o.id for o in sc.obligations(fixture_plan(tmp_path / "b"))]
    assert first == second


def test_agency_with_no_obligations(plan: Plan) -> None:
    items = sc.obligations(plan)
    assert obligations_of(plan, items, "bao-gia-lai") == ()
    assert [a.id for a in sc.agencies_without_obligations(plan, items)] == ["bao-gia-lai", "ubnd-tinh"]
    own = obligations_of(plan, items, "so-tu-phap", with_collectives=False)
    assert {o.agency for o in own} == {"so-tu-phap"}
    # What the plan asks of "Sở, ban, ngành tỉnh" concerns a department too; here the group owes only periodic
    # reports, which the department owes in its own name, so its list holds each duty once, as its own.
    assert {o.agency for o in items if concerns(plan, o, "so-tu-phap")} == {"so-tu-phap", "so-ban-nganh-tinh"}
    assert {o.agency for o in obligations_of(plan, items, "so-tu-phap")} == {"so-tu-phap"}
    # Sở Nội vụ receives the tier-1 reports of "Sở, ban, ngành tỉnh"; it does not owe them to itself.
    assert {o.agency for o in obligations_of(plan, items, "so-noi-vu")} == {"so-noi-vu"}
    with pytest.raises(KeyError, match="Unknown agency: 'nope'"):
        obligations_of(plan, items, "nope")


def test_titles(plan: Plan) -> None:
    obs = by_id(sc.obligations(plan))
    assert both(obligation_title, plan, obs["2017/A-I-2/tier-1-quarterly-q2/ubnd-cap-huyen"]) == Text("Báo cáo quý II/2017 gửi Sở Nội vụ", "Quarterly report Q2 2017 to Dept. of Home Affairs")
    assert both(obligation_title, plan, obs["2017/A-I-2/tier-1-thematic-q2/ubnd-cap-huyen"]) == Text("Báo cáo chuyên đề quý II/2017 gửi Sở Nội vụ", "Thematic report Q2 2017 to Dept. of Home Affairs")
    assert both(obligation_title, plan, obs["2017/A-I-2/tier-2-annual-year/so-noi-vu"]) == Text("Báo cáo năm 2017 gửi UBND tỉnh", "Annual report 2017 to Provincial People's Committee")
    assert both(obligation_title, plan, obs["2017/A-I-3/q3/so-noi-vu"]) == Text("Hoàn thành trong quý III/2017", "Complete in Q3 2017")
    assert both(obligation_title, plan, obs["2020/A-II-1/target-t2/so-tu-phap"]) == Text(
        "Chỉ tiêu năm 2020: Tỷ lệ văn bản được công khai bằng 100%", "Target for 2020: Share of documents published equal to 100%"
    )  # a target in its own words, never "t2"


# --- Status -------------------------------------------------------------------------------


def test_without_reports_status_follows_the_calendar_then_not_assessed(plan: Plan) -> None:
    oid = "2017/A-I-3/q3/so-noi-vu"  # due 30/09/2017
    assert status_of(plan, oid, (), D(2017, 8, 30)).status == "upcoming"
    assert status_of(plan, oid, (), D(2017, 8, 31)).status == "due_soon"  # 30 days ahead
    assert status_of(plan, oid, (), D(2017, 9, 30)).status == "due_soon"
    assert status_of(plan, oid, (), D(2017, 10, 1)).status == "not_assessed"
    assert status_of(plan, oid, (), D(2017, 8, 20), due_soon_days=45).status == "due_soon"
    assert status_of(plan, "2017/A-II-2/per-roadmap/unassigned", (), D(2017, 1, 1)).status == "not_assessed"


def test_quarter_and_year_boundaries(plan: Plan) -> None:
    q4 = "2017/A-I-2/tier-1-quarterly-q4/so-ban-nganh-tinh"  # due 04/12/2017
    assert status_of(plan, q4, (), D(2017, 12, 4)).status == "due_soon"
    assert status_of(plan, q4, (), D(2017, 12, 5)).status == "not_assessed"
    plan18 = "2018/A-I-1/plan/so-noi-vu"  # due 31/12/2017
    assert status_of(plan, plan18, (), D(2017, 12, 31)).status == "due_soon"
    assert status_of(plan, plan18, (), D(2018, 1, 1)).status == "not_assessed"
    done = (report("so-noi-vu", "2018-q1", "2018-03-08", entry("A-I-1", "done", "2018-03-08", completed="2017-12-31")),)
    assert status_of(plan, plan18, done, D(2018, 4, 1)).status == "done_on_time"
    late = (report("so-noi-vu", "2018-q1", "2018-03-08", entry("A-I-1", "done", "2018-03-08", completed="2018-01-01")),)
    assert status_of(plan, plan18, late, D(2018, 4, 1)).status == "done_late"


def test_leap_year_window(tmp_path: Path) -> None:
    p = fixture_plan(tmp_path)
    # 04/02 → 04/03 is 29 days in 2020 and 28 days in 2019.
    assert status_of(p, "2020/A-I-2/tier-1-quarterly-q1/ubnd-cap-huyen", (), D(2020, 2, 4), due_soon_days=28).status == "upcoming"
    assert status_of(p, "2019/A-I-2/tier-1-quarterly-q1/ubnd-cap-huyen", (), D(2019, 2, 4), due_soon_days=28).status == "due_soon"
    assert status_of(p, "2020/A-I-2/tier-1-quarterly-q1/ubnd-cap-huyen", (), D(2020, 2, 29), due_soon_days=4).status == "due_soon"
    filed = (report("ubnd-cap-huyen", "2020-q1", "2020-02-29"),)
    assert status_of(p, "2020/A-I-2/tier-1-quarterly-q1/ubnd-cap-huyen", filed, D(2020, 3, 31)).status == "done_on_time"


def test_periodic_report_filed_on_time_late_or_not_at_all(plan: Plan) -> None:
    oid = "2017/A-I-2/tier-1-six-month-h1/so-ban-nganh-tinh"  # due 04/6/2017
    on_time = (report("so-ban-nganh-tinh", "2017-h1", "2017-06-04"),)
    a = status_of(plan, oid, on_time, D(2017, 7, 1))
    assert (a.status, a.report, a.on) == ("done_on_time", on_time[0], D(2017, 6, 4))
    late = (report("so-ban-nganh-tinh", "2017-h1", "2017-06-05"),)
    assert status_of(plan, oid, late, D(2017, 7, 1)).status == "done_late"
    # Filed after the as-of date: not known yet.
    assert status_of(plan, oid, late, D(2017, 6, 4)).status == "due_soon"
    assert status_of(plan, oid, (), D(2017, 7, 1)).status == "not_assessed"
    # Both the quarterly and the thematic report of a quarter are served by the quarter's filing.
    q2 = (report("so-ban-nganh-tinh", "2017-q2", "2017-06-01"),)
    assert status_of(plan, "2017/A-I-2/tier-1-thematic-q2/so-ban-nganh-tinh", q2, D(2017, 7, 1)).status == "done_on_time"
    assert status_of(plan, "2017/A-I-2/tier-1-quarterly-q2/so-ban-nganh-tinh", q2, D(2017, 7, 1)).status == "done_on_time"


def test_a_collective_is_served_only_by_its_own_reports(plan: Plan) -> None:
    oid = "2017/A-I-2/tier-1-quarterly-q1/so-ban-nganh-tinh"
    member = (report("so-tu-phap", "2017-q1", "2017-03-01"),)
    assert status_of(plan, oid, member, D(2017, 4, 1)).status == "not_assessed"
    own = (report("so-ban-nganh-tinh", "2017-q1", "2017-03-01"),)
    assert status_of(plan, oid, own, D(2017, 4, 1)).status == "done_on_time"


def test_overdue_needs_a_report_after_the_due_date(plan: Plan) -> None:
    oid = "2017/A-I-3/q3/so-noi-vu"  # due 30/09/2017
    early = (report("so-noi-vu", "2017-q3", "2017-09-08", entry("A-I-3", "in_progress", "2017-09-08")),)
    a = status_of(plan, oid, early, D(2017, 10, 15))
    assert (a.status, a.entry) == ("not_assessed", early[0].entries[0])
    assert status_of(plan, oid, early, D(2017, 9, 10)).status == "due_soon"
    after = early + (report("so-noi-vu", "2017-q4", "2017-12-08", entry("A-I-3", "not_started", "2017-12-08")),)
    assert status_of(plan, oid, after, D(2017, 12, 10)).status == "overdue"
    assert status_of(plan, oid, after, D(2017, 12, 7)).status == "not_assessed"


def test_a_report_filed_after_its_due_date(plan: Plan) -> None:
    oid = "2017/A-II-1/recurring-annual/so-tu-phap"  # due 31/12/2017
    reports = (report("so-tu-phap", "2017-year", "2018-01-20", entry("A-II-1", "done", "2018-01-20")),)
    a = status_of(plan, oid, reports, D(2018, 2, 1))
    assert (a.status, a.on) == ("done_late", D(2018, 1, 20))
    with_date = (report("so-tu-phap", "2017-year", "2018-01-20", entry("A-II-1", "done", "2018-01-20", completed="2017-12-15")),)
    assert status_of(plan, oid, with_date, D(2018, 2, 1)).status == "done_on_time"


def test_entries_count_for_their_own_year_and_agency(plan: Plan) -> None:
    reports = (report("so-tu-phap", "2018-q1", "2018-03-01", entry("A-II-1", "done", "2018-03-01")),)
    assert status_of(plan, "2017/A-II-1/recurring-annual/so-tu-phap", reports, D(2018, 4, 1)).status == "not_assessed"
    assert status_of(plan, "2018/A-II-1/recurring-annual/so-tu-phap", reports, D(2018, 4, 1)).status == "done_on_time"
    assert status_of(plan, "2018/A-II-1/recurring-annual/ubnd-cap-xa", reports, D(2018, 4, 1)).status == "upcoming"


def test_corrections_replace_the_corrected_entry(plan: Plan) -> None:
    oid = "2017/A-II-1/recurring-annual/so-tu-phap"
    wrong = report("so-tu-phap", "2017-q3", "2017-09-01", entry("A-II-1", "done", "2017-09-01", eid="e1"))
    fix = report("so-tu-phap", "2017-q4", "2017-12-01", entry("A-II-1", "in_progress", "2017-08-30", eid="e7", corrects="2017-q3#e1"))
    a = status_of(plan, oid, (wrong, fix), D(2017, 12, 2))
    assert (a.status, a.entry) == ("due_soon", fix.entries[0])
    # Before the correction was filed, the original entry stood.
    assert status_of(plan, oid, (wrong, fix), D(2017, 11, 1)).status == "done_on_time"


def test_undated_obligations(plan: Plan) -> None:
    oid = "2017/A-II-2/per-regulation/unassigned"
    # An unassigned cell can only be matched by nothing: no agency files as "unassigned".
    assert status_of(plan, oid, (), D(2018, 1, 1)).status == "not_assessed"
    items = sc.obligations(plan)
    ob = by_id(items)["2017/A-II-2/per-regulation/unassigned"]
    fake = sc.Obligation(**{**ob.__dict__, "agency": "so-tu-phap"})
    for status, expected in (("done", "done"), ("in_progress", "in_progress"), ("not_started", "not_started"), ("not_applicable", "not_applicable")):
        reports = (report("so-tu-phap", "2017-q2", "2017-06-01", entry("A-II-2", status, "2017-06-01")),)
        assert sc.assess(plan, [fake], reports, as_of=D(2017, 7, 1))[0].status == expected


def test_target_statuses(plan: Plan) -> None:
    oid = "2020/A-II-1/target-t2/so-tu-phap"  # = 100%, by 2020
    met_early = (report("so-tu-phap", "2018-year", "2018-11-20", entry("A-II-1", "in_progress", "2018-11-20", values=(("t2", 100.0),))),)
    a = status_of(plan, oid, met_early, D(2019, 1, 1))
    assert (a.status, a.on) == ("done_on_time", D(2018, 11, 20))
    short = (report("so-tu-phap", "2020-year", "2021-01-10", entry("A-II-1", "in_progress", "2021-01-10", values=(("t2", 95.0),))),)
    assert status_of(plan, oid, short, D(2021, 2, 1)).status == "overdue"
    yearly = "2019/A-II-1/target-t1/so-tu-phap"  # >= 90% each year
    reached = (report("so-tu-phap", "2019-year", "2019-11-20", entry("A-II-1", "in_progress", "2019-11-20", values=(("t1", 90.0),))),)
    assert status_of(plan, yearly, reached, D(2020, 1, 1)).status == "done_on_time"
    assert status_of(plan, "2018/A-II-1/target-t1/so-tu-phap", reached, D(2020, 1, 1)).status == "not_assessed"


def test_assess_keeps_the_order_and_never_reads_the_clock(plan: Plan) -> None:
    items = sc.obligations(plan)
    a1 = sc.assess(plan, items, (), as_of=D(2017, 1, 1))
    a2 = sc.assess(plan, items, (), as_of=D(2017, 1, 1))
    assert a1 == a2
    assert [a.obligation for a in a1] == list(items)


# --- Roll-ups and measures ----------------------------------------------------------------


def test_rollups(plan: Plan) -> None:
    items = [o for o in sc.obligations(plan) if o.year == 2017 and o.kind != "periodic_report"]
    reports = (report("so-noi-vu", "2017-q3", "2017-09-20", entry("A-I-3", "done", "2017-09-20")),)
    assessed = sc.assess(plan, items, reports, as_of=D(2017, 10, 1))
    by_task = sc.rollup(assessed, key=sc.by_task)
    assert list(by_task) == ["A-I-1", "A-I-3", "A-II-1", "A-II-2"]
    assert list(by_task["A-I-3"]) == list(sc.STATUSES)
    # An entry speaks for the whole task in its year: the 2017 plan (due 31/12/2016) reads as done late.
    assert {k: v for k, v in by_task["A-I-3"].items() if v} == {"done_late": 1, "done_on_time": 1}
    assert {k: v for k, v in by_task["A-I-1"].items() if v} == {"not_assessed": 2, "upcoming": 2}
    assert sc.rollup(assessed, key=sc.by_section)["A-II"]["not_assessed"] == 4
    assert sum(sc.rollup(assessed, key=sc.by_group)["A"].values()) == len(items)
    agencies = sc.rollup(assessed, key=sc.by_agency)
    assert list(agencies) == ["so-noi-vu", "so-tu-phap", "ubnd-cap-xa", "unassigned"]


def test_par_measures(plan: Plan) -> None:
    items = sc.obligations(plan)
    done = [
        report("so-noi-vu", "2017-year", "2017-11-30", *(entry(tid, "done", "2017-11-30", eid=f"e{i}", completed="2016-12-20") for i, tid in enumerate(("A-I-1", "A-I-3")))),
        report("so-tu-phap", "2017-year", "2017-11-20", entry("A-I-1", "done", "2017-11-20", completed="2016-12-20"), entry("A-II-1", "done", "2017-11-20", eid="e2")),
        report("ubnd-cap-xa", "2017-year", "2017-11-20", entry("A-II-1", "done", "2017-11-20")),
    ]
    m = sc.par_measures(plan, sc.assess(plan, items, done, as_of=D(2018, 1, 1)), 2017)
    # A-I-1, A-I-3, A-II-1 done; A-II-2 (lost cells, no report) unknown: 75% or 100%, so no band.
    assert (m.tasks_total, m.tasks_done, m.tasks_unknown, m.share, m.band, m.band_settled) == (4, 3, 1, 0.75, "70_90", False)
    nothing = sc.par_measures(plan, sc.assess(plan, items, (), as_of=D(2018, 1, 1)), 2017)
    assert (nothing.tasks_done, nothing.tasks_unknown, nothing.band, nothing.band_settled) == (0, 4, "below_70", False)
    not_done = done + [report("so-noi-vu", "2018-q1", "2018-01-10", entry("A-I-3", "in_progress", "2018-01-10"))]
    # A-I-3's 2018 entry does not speak for 2017; a 2017-year supplement does.
    late_word = done + [Report("so-noi-vu", "2017-year", "progress/so-noi-vu/2017-year-2.yaml", "2018-01-10", (entry("A-I-3", "in_progress", "2018-01-10", eid="e9"),))]
    assert sc.par_measures(plan, sc.assess(plan, items, not_done, as_of=D(2018, 2, 1)), 2017).band_settled is False
    still_open = sc.par_measures(plan, sc.assess(plan, items, late_word, as_of=D(2018, 2, 1)), 2017)
    assert (still_open.tasks_done, still_open.tasks_unknown, still_open.share, still_open.band_settled) == (2, 1, 0.5, False)  # 50% or 75%
    two_open = late_word + [Report("so-tu-phap", "2017-year", "progress/so-tu-phap/2017-year-2.yaml", "2018-01-10", (entry("A-I-1", "not_started", "2018-01-10", eid="e9"),))]
    known = sc.par_measures(plan, sc.assess(plan, items, two_open, as_of=D(2018, 2, 1)), 2017)
    assert (known.tasks_done, known.tasks_unknown, known.share, known.band, known.band_settled) == (1, 1, 0.25, "below_70", True)  # 25% or 50%
    # so-noi-vu's 2017-year filing on 30/11 is also its tier-2 annual report (due 01/12).
    # so-tu-phap's 2017-year filing (20/11, due 24/11) is its own annual report: 3 tier-1 senders × 10 + tier 2's 6.
    assert (m.reports_total, m.reports_on_time, m.all_reports_on_time) == (36, 2, None)
    assert [sc.band(x) for x in (0.91, 0.9, 0.7, 0.69)] == ["above_90", "70_90", "70_90", "below_70"]
    filings = [report(a, f"2017-{p}", d) for a in ("so-ban-nganh-tinh", "ubnd-cap-huyen", "so-tu-phap") for p, d in (("q1", "2017-03-01"), ("q2", "2017-06-01"), ("h1", "2017-06-01"), ("q3", "2017-09-01"), ("q4", "2017-12-01"), ("year", "2017-11-20"))]
    filings += [report("so-noi-vu", f"2017-{p}", d) for p, d in (("q1", "2017-03-09"), ("q2", "2017-06-09"), ("h1", "2017-06-09"), ("q3", "2017-09-09"), ("q4", "2017-12-09"), ("year", "2017-12-01"))]
    on_time = sc.par_measures(plan, sc.assess(plan, items, filings, as_of=D(2018, 1, 1)), 2017)
    assert (on_time.reports_on_time, on_time.all_reports_on_time) == (36, True)
    # One filing a day late (so-noi-vu's Q4 report is due 09/12) and the year is not "all on time".
    late_filings = [r for r in filings if (r.agency, r.period) != ("so-noi-vu", "2017-q4")] + [report("so-noi-vu", "2017-q4", "2017-12-10")]
    late = sc.par_measures(plan, sc.assess(plan, items, late_filings, as_of=D(2018, 1, 1)), 2017)
    assert (late.reports_on_time, late.all_reports_on_time) == (35, False)
    with pytest.raises(ValueError, match="2015 is not a year of the plan"):
        sc.par_measures(plan, (), 2015)


# --- The decision's lost day: possible dates of issue ----------------------------------------

POSSIBLE = ["2016-12-02", "2016-12-12", "2016-12-22"]


def window_plan(tmp_path: Path) -> Plan:
    """The fixture plan issued on 02, 12 or 22/12/2016, with report days moved so that obligations fall due on
    01/12 (tier-2 annual), 02/12 (tier-1 annual), 21/12 (tier-2 Q4) and 22/12 (tier-1 Q4) of 2016."""
    root = write_plan_data(tmp_path / "plan-data", month="2016-12", possible_dates=POSSIBLE)
    path = root / "reporting.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    tier1, tier2 = data["tiers"]
    days = {("tier-1", "annual"): {"rule": "fixed_day", "month": 12, "day": 3}, ("tier-1", "quarterly"): {"rule": "day_of_last_month_of_quarter", "day": 23},
            ("tier-2", "quarterly"): {"rule": "day_of_last_month_of_quarter", "day": 22}}
    for tier in (tier1, tier2):
        for spec in tier["reports"]:
            spec["due"] = days.get((tier["id"], spec["kind"]), spec["due"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return require_plan(root)


def test_the_decision_window_gives_three_states(tmp_path: Path) -> None:
    p = window_plan(tmp_path)
    obs = by_id(sc.obligations(p))
    assert sc.decision_window(p) == (D(2016, 12, 2), D(2016, 12, 22))
    before = obs["2016/A-I-2/tier-2-annual-year/so-noi-vu"]
    assert (before.due, before.applicable, before.date_dependent) == (D(2016, 12, 1), False, False)
    assert both(reason_text, p, before.reason) == Text(
        "Hạn 01/12/2016 có trước mọi ngày ban hành có thể của Quyết định 934/QĐ-UBND (02, 12 hoặc 22/12/2016)",
        "Due 01/12/2016, before every possible date of Decision 934/QĐ-UBND (2, 12 or 22 December 2016)",
    )
    assert obs["2016/A-I-1/annual-report/so-noi-vu"].applicable is False  # the task's own annual report, due 01/12 too
    for oid, due in (("2016/A-I-2/tier-1-annual-year/so-ban-nganh-tinh", D(2016, 12, 2)), ("2016/A-I-1/annual-report/so-tu-phap", D(2016, 12, 2)),
                     ("2016/A-I-2/tier-2-quarterly-q4/so-noi-vu", D(2016, 12, 21))):
        ob = obs[oid]
        assert (ob.due, ob.applicable, ob.date_dependent) == (due, True, True), oid
        assert both(reason_text, p, ob.reason) == Text(
            "Áp dụng hay không tùy ngày ban hành Quyết định, bị mất trong bản gốc (02, 12 hoặc 22/12/2016)",
            "Whether it applies depends on the decision's date, lost in the source (2, 12 or 22 December 2016)",
        )
    after = obs["2016/A-I-2/tier-1-quarterly-q4/ubnd-cap-huyen"]
    assert (after.due, after.applicable, after.date_dependent, after.reason) == (D(2016, 12, 22), True, False, None)
    assert obs["2016/A-II-1/recurring-annual/so-tu-phap"].date_dependent is False  # 31/12/2016


def test_a_date_dependent_obligation_is_never_late_nor_merely_upcoming(tmp_path: Path) -> None:
    p = window_plan(tmp_path)
    q4 = "2016/A-I-2/tier-2-quarterly-q4/so-noi-vu"  # due 21/12/2016
    for as_of in (D(2016, 12, 1), D(2016, 12, 21), D(2017, 3, 1)):
        assert status_of(p, q4, (), as_of).status == "date_dependent", as_of
    # A report that exists is a fact: filed on time or late, it says so.
    assert status_of(p, q4, (report("so-noi-vu", "2016-q4", "2016-12-20"),), D(2017, 1, 1)).status == "done_on_time"
    assert status_of(p, q4, (report("so-noi-vu", "2016-q4", "2016-12-27"),), D(2017, 1, 1)).status == "done_late"
    task_ob = "2016/A-I-1/annual-report/so-tu-phap"  # due 02/12/2016
    open_after = (report("so-tu-phap", "2016-year", "2017-01-10", entry("A-I-1", "in_progress", "2017-01-10")),)
    assert status_of(p, task_ob, open_after, D(2017, 2, 1)).status == "in_progress"  # never "overdue"
    done = (report("so-tu-phap", "2016-year", "2016-12-01", entry("A-I-1", "done", "2016-12-01", completed="2016-12-01")),)
    assert status_of(p, task_ob, done, D(2017, 2, 1)).status == "done_on_time"
    # From 22/12 on, the ordinary rules apply.
    assert status_of(p, "2016/A-I-2/tier-1-quarterly-q4/ubnd-cap-huyen", (), D(2017, 1, 1)).status == "not_assessed"
    assert status_of(p, "2016/A-I-2/tier-1-quarterly-q4/ubnd-cap-huyen", (), D(2016, 12, 10)).status == "due_soon"


def test_date_dependent_obligations_are_not_counted_as_owed(tmp_path: Path) -> None:
    p = window_plan(tmp_path)
    items = sc.obligations(p)
    filed = [report(a, "2016-q4", "2016-12-20") for a in ("so-ban-nganh-tinh", "ubnd-cap-huyen", "so-tu-phap", "so-noi-vu")]
    m = sc.par_measures(p, sc.assess(p, items, filed, as_of=D(2017, 1, 10)), 2016)
    # 2016 tasks: A-I-1 only owes a date-dependent annual report (its plan and Sở Nội vụ's report are not
    # applicable), A-I-3's Q3 falls before the decision; A-II-1 and A-II-2 remain.
    assert m.tasks_total == 2
    # Reports: only tier 1's Q4 (due 22/12, three senders with Sở Tư pháp); tier 1's annual, tier 2's Q4 and both
    # tiers' thematic Q4 reports (due 04/12) depend on the lost day, even when filed.
    assert (m.reports_total, m.reports_on_time, m.all_reports_on_time) == (3, 3, True)


def test_thematic_reports_on_request_have_no_dated_obligation(tmp_path: Path) -> None:
    root = write_plan_data(tmp_path / "plan-data")
    path = root / "reporting.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(spec for spec in data["tiers"][0]["reports"] if spec["kind"] == "thematic")["on_request"] = True
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    p = require_plan(root)
    assert next(s for s in p.reporting[0].reports if s.kind == "thematic").on_request is True
    items = sc.obligations(p)
    assert not [o for o in items if o.report_kind == "thematic"]
    assert len([o for o in items if o.kind == "periodic_report"]) == 5 * (3 * 6 + 6)
    # A filing for a quarter still serves that quarter's quarterly report.
    assert status_of(p, "2017/A-I-2/tier-1-quarterly-q2/so-ban-nganh-tinh", (report("so-ban-nganh-tinh", "2017-q2", "2017-06-01"),), D(2017, 7, 1)).status == "done_on_time"


# --- The shipped data ------------------------------------------------------------------------

SHIPPED = Path(__file__).resolve().parent.parent / "plan-data"


@pytest.fixture(scope="module")
def shipped() -> Plan:
    return require_plan(SHIPPED)


def test_shipped_decision_window(shipped: Plan) -> None:
    obs = by_id(sc.obligations(shipped))
    assert shipped.meta.possible_dates == tuple(POSSIBLE)
    for oid in ("2016/A-I-2/tier-2-annual-year/so-noi-vu", "2016/A-V-5/annual-report/so-noi-vu"):  # due 01/12/2016
        assert (obs[oid].due, obs[oid].applicable) == (D(2016, 12, 1), False), oid
    for oid in ("2016/A-I-2/tier-1-quarterly-q4/so-ban-nganh-tinh", "2016/A-I-2/tier-1-quarterly-q4/ubnd-cap-huyen", "2016/A-I-2/tier-2-quarterly-q4/so-noi-vu"):
        assert (obs[oid].applicable, obs[oid].date_dependent) == (True, True), oid
    window = [o for o in obs.values() if o.due and D(2016, 12, 2) <= o.due <= D(2016, 12, 21)]
    assert window and all(o.date_dependent for o in window)
    assert not [o for o in obs.values() if o.date_dependent and not D(2016, 12, 2) <= o.due <= D(2016, 12, 21)]  # type: ignore[operator]
    assessed = sc.assess(shipped, tuple(obs.values()), (), as_of=D(2017, 1, 15))
    assert {a.status for a in assessed if a.obligation.date_dependent} == {"date_dependent"}
    # Thematic reports are made on request: no dated obligation.
    assert not [oid for oid in obs if "-thematic-" in oid]


def test_shipped_probable_assignments(shipped: Plan) -> None:
    items = sc.obligations(shipped)
    a32 = [o for o in items if o.task == "A-III-2"]
    assert a32 and {o.assignment for o in a32} == {"probable"} and None not in {o.agency for o in a32}
    assert {(o.agency, o.role, o.role_certain) for o in a32} == {("so-tu-phap", "lead", False), ("so-ban-nganh-tinh", "coordinating", False)}
    assert {o.task for o in obligations_of(shipped, items, "so-tu-phap") if o.assignment == "probable"} >= {"A-III-2"}
    communes = obligations_of(shipped, items, "ubnd-cap-xa")
    assert {o.task for o in communes if o.assignment == "probable"} == {"A-VII-2", "A-VIII-5"}
    a21 = {o.agency: o for o in items if o.id.startswith("2017/A-II-1/per-regulation/")}
    assert a21["so-ban-nganh-tinh"].role_certain is False and a21["so-ban-nganh-tinh"].assignment == "certain"
    assert a21["van-phong-ubnd-tinh"].role_certain is True
    # A department owes A-VII-5 certainly through "Sở, ban, ngành tỉnh": that duty is kept over its own probable one.
    kh = [o for o in obligations_of(shipped, items, "so-khoa-hoc-cong-nghe") if o.id.startswith("2017/A-VII-5/plan/")]
    assert [(o.agency, o.assignment) for o in kh] == [("so-ban-nganh-tinh", "certain")]
    assert [(o.agency, o.assignment) for o in obligations_of(shipped, items, "so-khoa-hoc-cong-nghe", with_collectives=False) if o.id.startswith("2017/A-VII-5/plan/")] == [("so-khoa-hoc-cong-nghe", "probable")]


def test_shipped_collective_membership(shipped: Plan) -> None:
    items = sc.obligations(shipped)
    assert [a.id for a in shipped.members_of("don-vi-su-nghiep-cong-lap")] == ["dai-phat-thanh-truyen-hinh"]
    for task_id in ("A-V-1", "C-III-1"):
        owed = [o for o in items if o.task == task_id]
        assert not [o for o in owed if o in obligations_of(shipped, items, "bao-gia-lai")], task_id
        radio = obligations_of(shipped, items, "dai-phat-thanh-truyen-hinh")
        assert {o.agency for o in radio if o.task == task_id} == {"don-vi-su-nghiep-cong-lap"}, task_id


def test_shipped_targets_whose_figure_is_lost(shipped: Plan) -> None:
    obs = by_id(sc.obligations(shipped))
    oid = "2017/A-VIII-1/target-t3/so-noi-vu"
    ob = obs[oid]
    assert ob.target is not None and ob.target.value_lost and ob.target.comparator is None
    title = both(obligation_title, shipped, ob)
    assert title.vi.startswith("Chỉ tiêu năm 2017: Tỷ lệ TTHC") and title.vi.endswith("[…] (con số bị mất trong bản gốc)"), title.vi
    assert title.en.startswith("Target for 2017: Share of administrative") and title.en.endswith("[…] (figure lost in the source)"), title.en
    assert "2017/A-III-3/target-t3/so-tu-phap" in obs
    with pytest.raises(ValueError, match="lost in the source"):
        ob.target.is_met_by(100)
    in_progress = (report("so-noi-vu", "2017-year", "2017-11-20", entry("A-VIII-1", "in_progress", "2017-11-20", values=(("t3", 100.0),))),)
    a = sc.assess(shipped, [ob], in_progress, as_of=D(2018, 1, 10))[0]
    assert a.status not in sc.DONE_STATUSES and a.entry is in_progress[0].entries[0]
    done = (report("so-noi-vu", "2017-year", "2017-11-20", entry("A-VIII-1", "done", "2017-11-20", completed="2017-11-01", values=(("t3", 100.0),))),)
    assert sc.assess(shipped, [ob], done, as_of=D(2018, 1, 10))[0].status == "done_on_time"
