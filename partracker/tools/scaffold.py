"""A new report file (Tạo tệp báo cáo mới, ``partracker new-report``): every task the agency owes, ready to fill in.

The file lists the agency's duties (:func:`partracker.domain.duties.duties`) with status
``not_started`` and comments in Vietnamese and English that say how to fill each field, in the
same words as the validator and the site.
"""

from __future__ import annotations

import datetime as dt
import json

from partracker.domain.duties import duties
from partracker.domain.model import REPORT_STATUSES, Plan
from partracker.domain.periods import period_kind, period_year
from partracker.language.labels import labels
from partracker.outputs.wording import role_words
from partracker.reading.schemas import REPORT_SCHEMA_COMMENT


def yaml_string(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for any text a clerk reads back.
    return json.dumps(value, ensure_ascii=False)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def scaffold(plan: Plan, agency_id: str, period: str, *, today: dt.date) -> str:
    """The text of a new report file: every task the agency owes, status not_started, with vi/en comments."""
    agency = plan.agency(agency_id)
    kind, year = period_kind(period), period_year(period)
    vi, en = labels("vi"), labels("en")
    day = yaml_string(today.isoformat())
    lines = [
        REPORT_SCHEMA_COMMENT,
        f"# Báo cáo tiến độ — {agency.name.vi} — {vi.code('period', kind)} năm {year}",
        f"# Progress report — {agency.name.en} — {en.code('period', kind)} {year}",
        "#",
        "# Cách điền (vi):",
        "#   status     trạng thái: " + ", ".join(f"{code} ({vi.status_name(code).lower()})" for code in REPORT_STATUSES[:2]) + ",",
        "#              " + ", ".join(f"{code} ({vi.status_name(code).lower()})" for code in REPORT_STATUSES[2:]),
        "#   percent    phần trăm hoàn thành, số từ 0 đến 100 (không bắt buộc)",
        "#   targets    giá trị đạt được của chỉ tiêu số, theo mã chỉ tiêu t1, t2… (không bắt buộc)",
        "#   evidence   văn bản minh chứng: số văn bản, ngày, liên kết https://",
        "#   note       giải thích thêm bằng tiếng Việt (vi) (không bắt buộc); tiếng Anh (en) có thể bỏ qua",
        "#   reported   ngày ghi nhận thông tin; completed: ngày hoàn thành (chỉ khi status là done)",
        '#   Ngày tháng viết "YYYY-MM-DD" trong ngoặc kép. Không sửa tệp đã nộp: để sửa, nộp',
        f"#   báo cáo bổ sung {period}-2.yaml với mục có corrects: \"{period}#e1\".",
        "# How to fill in (en):",
        "#   status     not_started, in_progress, done or not_applicable",
        "#   percent    percent complete, a number from 0 to 100 (optional)",
        "#   targets    values reached for the numeric targets, by target id t1, t2… (optional)",
        "#   evidence   supporting documents: document number, date, https:// link",
        "#   note       further explanation in Vietnamese (vi) (optional); English (en) may be left out",
        "#   reported   date the fact was reported; completed: date finished (only for status done)",
        '#   Write dates "YYYY-MM-DD" in double quotes. Never edit a filed report: to correct it,',
        f"#   file the supplementary report {period}-2.yaml with an entry that has corrects: \"{period}#e1\".",
        f"agency: {yaml_string(agency_id)}",
        f"period: {yaml_string(period)}",
        f"submitted: {day}  # ngày gửi báo cáo / date the report is sent",
        "entries:",
    ]
    for n, duty in enumerate(duties(plan, agency_id), start=1):
        task, via = duty.task, duty.via
        through = f" — {vi.via_collective} {via} / {en.via_collective} {via}" if via else ""
        vi_role, en_role = (role_words(duty.role, duty.assignment, duty.role_certain, lang).lower() for lang in ("vi", "en"))
        lines += [
            f"  # {task.id} ({vi_role} / {en_role}{through})",
            f"  # vi: {_one_line(task.content.vi)}",
            f"  # en: {_one_line(task.content.en)}",
            f"  - id: \"e{n}\"",
            f"    task: {yaml_string(task.id)}",
            '    status: "not_started"  # not_started | in_progress | done | not_applicable',
            "    # percent: 50  # % hoàn thành / percent complete (0–100)",
        ]
        if task.targets:
            lines.append("    # targets:  # giá trị đạt được / value reached")
            for t in task.targets:
                # A figure lost in the source is never suggested: the clerk writes the value reached.
                shown = "…" if t.value is None else _fmt_number(t.value)
                lines.append(f"    #   {t.id}: {shown}  # {_one_line(t.metric.vi)} / {_one_line(t.metric.en)}")
        lines += [
            "    evidence: []  # - {document: \"123/QĐ-UBND\", date: \"2017-03-05\", url: \"https://…\"}",
            "    # note: {vi: \"…\"}  # giải thích (tiếng Việt là đủ) / explanation (Vietnamese is enough)",
            f"    reported: {day}  # ngày ghi nhận / date reported",
            f"    # completed: {day}  # ngày hoàn thành, chỉ khi done / date finished, only for done",
        ]
    return "\n".join(lines) + "\n"


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
