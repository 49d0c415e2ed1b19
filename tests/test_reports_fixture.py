"""A small, self-contained plan-data/ for the progress report tests (no tests of its own)."""

from __future__ import annotations

from pathlib import Path

PLAN = '''\
decision:
  number: "934/QĐ-UBND"
  date: null
  date_text: {vi: "tháng 12 năm 2016", en: "December 2016"}
  issuer: {vi: "Ủy ban nhân dân tỉnh Gia Lai", en: "Gia Lai Provincial People's Committee"}
  signer:
    name: "Người Ký"
    title: {vi: "Chủ tịch", en: "Chairman"}
    on_behalf: {vi: "TM. Ủy ban nhân dân", en: "On behalf of the People's Committee"}
title: {vi: "Kế hoạch thử", en: "Test plan"}
appendix_title: {vi: "Phụ lục thử", en: "Test appendix"}
period: {start_year: 2016, end_year: 2020}
timezone: "Asia/Ho_Chi_Minh"
source:
  file: "seeds/test.txt"
  lines: 100
  description: {vi: "Dữ liệu thử", en: "Test data"}
'''

AGENCIES = '''\
agencies:
  - {id: "ubnd-tinh", kind: "provincial_committee", name: {vi: "Ủy ban nhân dân tỉnh", en: "Provincial People's Committee"}, short: {vi: "UBND tỉnh", en: "PPC"}}
  - {id: "so-noi-vu", kind: "provincial_department", name: {vi: "Sở Nội vụ", en: "Department of Home Affairs"}, short: {vi: "Sở Nội vụ", en: "DOHA"}}
  - {id: "so-tu-phap", kind: "provincial_department", name: {vi: "Sở Tư pháp", en: "Department of Justice"}, short: {vi: "Sở Tư pháp", en: "DOJ"}}
  - {id: "so-tai-chinh", kind: "provincial_department", name: {vi: "Sở Tài chính", en: "Department of Finance"}, short: {vi: "Sở Tài chính", en: "DOF"}}
  - {id: "bao-gia-lai", kind: "media", name: {vi: "Báo Gia Lai", en: "Gia Lai Newspaper"}, short: {vi: "Báo Gia Lai", en: "Gia Lai Newspaper"}}
  - {id: "so-ban-nganh-tinh", kind: "collective", name: {vi: "Sở, ban, ngành tỉnh", en: "Provincial departments"}, short: {vi: "Sở, ban, ngành", en: "Departments"}, members: {kinds: ["provincial_department"]}}
  - {id: "ubnd-cap-huyen", kind: "collective", name: {vi: "UBND cấp huyện", en: "District People's Committees"}, short: {vi: "UBND cấp huyện", en: "Districts"}, members: {kinds: ["district_committee"]}}
'''

GLOSSARY = '''\
terms:
  - {abbr: "CCHC", vi: "Cải cách hành chính", en: "Public administration reform"}
'''

GROUPS = '''\
groups:
  - {id: "A", title: {vi: "Nhóm A", en: "Group A"}, source_lines: [1, 1]}
'''

RESPONSIBILITIES = '''\
items:
  - number: 1
    heading: {vi: "Sở Nội vụ:", en: "Department of Home Affairs:"}
    agencies: ["so-noi-vu"]
    bullets: [{vi: "Theo dõi", en: "Monitor"}]
    source_lines: [90, 91]
    confidence: "high"
closing:
  text: {vi: "Trên đây là Kế hoạch.", en: "This is the Plan."}
  source_lines: [99, 99]
  confidence: "high"
'''

REPORTING = '''\
source_task: "A-I-1"
tiers:
  - id: "tier-1"
    from: ["so-ban-nganh-tinh", "ubnd-cap-huyen"]
    to: "so-noi-vu"
    text: {vi: "Báo cáo quý", en: "Quarterly reports"}
    reports:
      - {kind: "quarterly", due: {rule: "day_of_last_month_of_quarter", day: 5}, text: {vi: "BC quý", en: "Quarterly report"}}
source_lines: [2, 3]
'''


def _task(number: int, section: str, lead: list[str], coordinating: list[str], targets: str = "") -> str:
    lead_ids = ", ".join(f'"{a}"' for a in lead)
    coord_ids = ", ".join(f'"{a}"' for a in coordinating)
    return f'''\
  - id: "{section}-{number}"
    number: {number}
    content: {{vi: "Nội dung {section}-{number}", en: "Content {section}-{number}"}}
    lead: {{text: {{vi: "chủ trì", en: "lead"}}, agencies: [{lead_ids}]}}
    coordinating: {{text: {{vi: "phối hợp", en: "coordinating"}}, agencies: [{coord_ids}]}}
    outputs: [{{vi: "Báo cáo", en: "Report"}}]
    completion:
      - text: {{vi: "Hằng năm", en: "Every year"}}
        rule: {{kind: "recurring_annual"}}
{targets}    source_ranges: [[10, 12]]
    confidence: "high"
'''


TARGETS = '''\
    targets:
      - {id: "t1", metric: {vi: "Tỷ lệ", en: "Share"}, comparator: "gte", value: 100, unit: "percent", year: null}
      - {id: "t2", metric: {vi: "Tỷ lệ khác", en: "Other share"}, comparator: "gt", value: 80, unit: "percent", year: 2020}
'''

SECTION_I = (
    'id: "A-I"\ngroup: "A"\nnumeral: "I"\ntitle: {vi: "Mục I", en: "Section I"}\nsource_lines: [5, 5]\ntasks:\n'
    + _task(1, "A-I", ["so-noi-vu"], ["so-ban-nganh-tinh"], TARGETS)
    + _task(2, "A-I", ["so-tu-phap"], ["ubnd-cap-huyen"])
    + _task(3, "A-I", ["so-ban-nganh-tinh"], ["so-tu-phap"])
    + _task(4, "A-I", ["so-tai-chinh"], [])
)


def make_plan(root: Path) -> Path:
    """Write the fixture plan-data/ under ``root`` and return its path."""
    data = root / "plan-data"
    (data / "tasks").mkdir(parents=True)
    (data / "progress").mkdir()
    for name, body in [
        ("plan.yaml", PLAN),
        ("agencies.yaml", AGENCIES),
        ("glossary.yaml", GLOSSARY),
        ("groups.yaml", GROUPS),
        ("responsibilities.yaml", RESPONSIBILITIES),
        ("reporting.yaml", REPORTING),
        ("tasks/A-I.yaml", SECTION_I),
    ]:
        (data / name).write_text(body, encoding="utf-8")
    return data


GOOD_REPORT = '''\
# yaml-language-server: $schema=../../../partracker/schemas/report.schema.json
agency: "so-noi-vu"
period: "2017-q1"
submitted: "2017-03-04"
entries:
  - id: "e1"
    task: "A-I-1"
    status: "in_progress"
    percent: 40
    targets: {t1: 60}
    evidence:
      - {document: "12/KH-SNV", date: "2017-01-10", url: "https://example.org/kh-12.pdf"}
    note: {vi: "Đã ban hành kế hoạch", en: "The plan was issued"}
    reported: "2017-03-04"
  - id: "e2"
    task: "A-I-3"
    status: "done"
    reported: "2017-03-04"
    completed: "2017-02-28"
'''


def write(data: Path, rel: str, body: str) -> Path:
    """Write a file under plan-data/ (creating folders)."""
    path = data / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path
