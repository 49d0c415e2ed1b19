"""JSON Schemas (draft-07) for every kind of file in plan-data/ (Lược đồ dữ liệu).

The schemas are written here once, as Python, and saved as ``partracker/schemas/*.schema.json``
by ``partracker schemas --write``; a test fails when the saved files differ. Each YAML file points
to its schema with a ``# yaml-language-server: $schema=…`` comment so editors validate as a clerk
types. Every property carries a Vietnamese and an English description: ``description`` holds
both ("vi — en") because editors show only that key; ``x-description`` keeps them apart.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from partracker.domain.model import (
    AGENCY_KINDS,
    COMPARATORS,
    CONFIDENCES,
    REPORT_KINDS,
    REPORT_STATUSES,
    RULE_KINDS,
)
from partracker.domain.periods import PERIOD, SUPPLEMENT
from partracker.language.labels import labels

SCHEMA_DIR = Path(str(files("partracker") / "schemas"))
"""Where the schemas are saved, inside the package (published with the site's open data)."""

ID_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TASK_ID = r"^[A-C]-[IVX]+-[1-9][0-9]*$"
SECTION_ID = r"^[A-C]-[IVX]+$"
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def described(vi: str, en: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Attach a bilingual description to a schema fragment."""
    out = dict(schema or {})
    out["description"] = f"{vi} — {en}"
    out["x-description"] = {"vi": vi, "en": en}
    return out


def obj(props: dict[str, dict[str, Any]], required: list[str], **extra: Any) -> dict[str, Any]:
    """A closed object: unknown keys are errors (they are usually typos)."""
    return {"type": "object", "properties": props, "required": required, "additionalProperties": False, **extra}


TEXT_STRING = {"type": "string", "minLength": 1}

BILINGUAL = obj(
    {
        "vi": described("Tiếng Việt (văn bản gốc, có giá trị pháp lý).", "Vietnamese (the authoritative text).", TEXT_STRING),
        "en": described("Tiếng Anh (bản dịch trung thành).", "English (a faithful translation).", TEXT_STRING),
    },
    ["vi", "en"],
)


def text(vi: str, en: str) -> dict[str, Any]:
    """A bilingual text field."""
    return described(vi, en, {"$ref": "#/definitions/text"})


def notes() -> dict[str, Any]:
    """Transcription notes."""
    return described(
        "Ghi chú: chỗ OCR không chắc chắn, chữ bị mất, cách đọc đề xuất.",
        "Notes: OCR doubts, lost text, proposed readings.",
        {"type": "array", "items": {"$ref": "#/definitions/text"}},
    )


def confidence() -> dict[str, Any]:
    """How sure the transcription is."""
    return described(
        "Mức tin cậy của bản chép: high (cao), medium (trung bình), low (thấp).",
        "Confidence of the transcription: high, medium or low.",
        {"type": "string", "enum": list(CONFIDENCES)},
    )


def line_range(vi: str, en: str) -> dict[str, Any]:
    """[first, last] seed lines."""
    return described(vi, en, {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2, "maxItems": 2})


def agency_ids(vi: str, en: str) -> dict[str, Any]:
    """A list of registry ids."""
    return described(vi, en, {"type": "array", "items": {"type": "string", "pattern": ID_SLUG}, "uniqueItems": True})


DEFINITIONS = {"text": BILINGUAL}


def _schema(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    # No "$id": the schemas are published at the address of each deployment, which the package cannot know.
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        **body,
        "definitions": DEFINITIONS,
    }


PERIOD_PATTERN = rf"^{PERIOD}$"
"""A reporting period: 2017-q1 … 2017-q4, 2017-h1, 2017-year."""
ENTRY_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An entry id within a report file (e1, e2…)."""
REF_PATTERN = rf"^{PERIOD}(?:-{SUPPLEMENT})?#[a-z0-9]+(?:-[a-z0-9]+)*$"
"""A reference to an entry of an earlier filing: ``<filing>#<entry id>``."""
FILING_PATTERN = rf"^{PERIOD}(?:-{SUPPLEMENT})?$"
"""A filing: a period, or a supplement ``<period>-<n>``: the name of a report file without ``.yaml``."""
TRANSLATION_SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../partracker/schemas/translation.schema.json"
"""First line of a translation file."""
SITE_URL = r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%/-]*)?$"
"""The public https:// address of a site root, without query or fragment."""
REPOSITORY = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"
"""A GitHub repository, ``owner/name``."""
BRANCH = r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$"
"""A git branch name."""
ORGANISATION = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$"
"""A GitHub organisation's name."""
REPORT_SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../partracker/schemas/report.schema.json"
"""First line of a report file: editors that read it check the file as a clerk types."""

STATUS_ALIASES = {
    "xong": "done",
    "hoàn thành": "done",
    "đã hoàn thành": "done",
    "đã xong": "done",
    "đang thực hiện": "in_progress",
    "đang làm": "in_progress",
    "đang triển khai": "in_progress",
    "chưa thực hiện": "not_started",
    "chưa làm": "not_started",
    "chưa triển khai": "not_started",
    "không áp dụng": "not_applicable",
    "started": "in_progress",
    "complete": "done",
    "completed": "done",
    "finished": "done",
}
"""Common words a clerk writes instead of the status code (lower case, NFC); the hint names the code."""


def plan_schema() -> dict[str, Any]:
    """plan.yaml: decision metadata."""
    return _schema(
        "plan",
        "Plan metadata / Thông tin kế hoạch",
        obj(
            {
                "decision": described(
                    "Quyết định ban hành kế hoạch.",
                    "The decision that issues the plan.",
                    obj(
                        {
                            "number": described("Số quyết định, ví dụ 934/QĐ-UBND.", "Decision number, e.g. 934/QĐ-UBND.", TEXT_STRING),
                            "date": described(
                                "Ngày ban hành (YYYY-MM-DD) nếu bản gốc cho thấy rõ; null nếu không.",
                                "Date of issue (YYYY-MM-DD) when the source shows it clearly; null otherwise.",
                                {"type": ["string", "null"], "pattern": ISO_DATE},
                            ),
                            "month": described(
                                "Tháng ban hành (YYYY-MM) khi bản gốc mất ngày nhưng còn tháng; nghĩa vụ có hạn trước tháng này không áp dụng.",
                                "Month of issue (YYYY-MM) when the source lost the day but shows the month; obligations due before it do not apply.",
                                {"type": ["string", "null"], "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
                            ),
                            "possible_dates": described(
                                "Các ngày ban hành có thể (YYYY-MM-DD, tăng dần), khi bản gốc mất một phần ngày: nghĩa vụ có hạn trước ngày sớm nhất không áp dụng; có hạn từ ngày sớm nhất đến trước ngày muộn nhất thì chưa rõ có áp dụng không.",
                                "The possible dates of issue (YYYY-MM-DD, ascending), when the source lost part of the day: obligations due before the earliest do not apply; whether those due from the earliest to before the latest apply is uncertain.",
                                {"type": "array", "items": {"type": "string", "pattern": ISO_DATE}, "minItems": 2, "uniqueItems": True},
                            ),
                            "date_text": text("Ngày ban hành như bản gốc thể hiện.", "Date of issue as far as the source shows it."),
                            "issuer": text("Cơ quan ban hành.", "Issuing body."),
                            "signer": described(
                                "Người ký.",
                                "Signer.",
                                obj(
                                    {
                                        "name": described("Họ tên người ký.", "Signer's name.", TEXT_STRING),
                                        "title": text("Chức vụ.", "Title."),
                                        "on_behalf": text("Dòng thẩm quyền ký (TM., KT.).", "Signing authority line (on behalf of …)."),
                                    },
                                    ["name", "title", "on_behalf"],
                                ),
                            ),
                        },
                        ["number", "date", "date_text", "issuer", "signer"],
                    ),
                ),
                "title": text("Tên kế hoạch.", "Plan title."),
                "appendix_title": text("Tên phụ lục nhiệm vụ.", "Title of the task appendix."),
                "period": described(
                    "Giai đoạn kế hoạch.",
                    "Plan period.",
                    obj(
                        {
                            "start_year": described("Năm đầu.", "First year.", {"type": "integer", "minimum": 2000, "maximum": 2100}),
                            "end_year": described("Năm cuối.", "Last year.", {"type": "integer", "minimum": 2000, "maximum": 2100}),
                        },
                        ["start_year", "end_year"],
                    ),
                ),
                "timezone": described("Múi giờ của mọi ngày tháng.", "Time zone of every date.", {"type": "string", "enum": ["Asia/Ho_Chi_Minh"]}),
                "source": described(
                    "Nguồn của bản chép.",
                    "Source of the transcription.",
                    obj(
                        {
                            "file": described("Tệp nguồn (OCR).", "Source file (OCR).", TEXT_STRING),
                            "lines": described("Số dòng của tệp nguồn.", "Number of lines in the source file.", {"type": "integer", "minimum": 1}),
                            "description": text("Phần nào của quyết định có trong nguồn, phần nào thiếu.", "Which part of the decision the source holds, and what is missing."),
                        },
                        ["file", "lines", "description"],
                    ),
                ),
                "notes": notes(),
            },
            ["decision", "title", "appendix_title", "period", "timezone", "source"],
        ),
    )


def agencies_schema() -> dict[str, Any]:
    """agencies.yaml: the registry."""
    agency = obj(
        {
            "id": described("Mã cố định (chữ thường ASCII, dấu gạch ngang).", "Stable id (lowercase ASCII, hyphens).", {"type": "string", "pattern": ID_SLUG}),
            "kind": described("Loại đơn vị.", "Kind of agency.", {"type": "string", "enum": list(AGENCY_KINDS)}),
            "name": text("Tên chính thức.", "Official name."),
            "short": text("Tên ngắn dùng trong bảng.", "Short name used in tables."),
            "members": described(
                "Với tập thể (collective): thành viên là các đơn vị ghi trong ids và mọi đơn vị đã đăng ký có loại nằm trong kinds.",
                "For a collective: its members are the agencies listed in ids plus every registered agency whose kind is in kinds.",
                obj(
                    {
                        "ids": described(
                            "Mã các đơn vị đã đăng ký thuộc tập thể vì một lý do mà loại của chúng không nói lên.",
                            "Ids of registered agencies that belong for a reason their kind does not say.",
                            {"type": "array", "items": {"type": "string", "pattern": ID_SLUG}, "uniqueItems": True},
                        ),
                        "kinds": described(
                            "Các loại đơn vị mà mọi đơn vị đã đăng ký thuộc loại đó đều là thành viên.",
                            "Kinds of agency whose every registered agency is a member.",
                            {"type": "array", "items": {"type": "string", "enum": list(AGENCY_KINDS[:-1])}, "uniqueItems": True},
                        ),
                    },
                    [],
                    minProperties=1,
                ),
            ),
        },
        ["id", "kind", "name", "short"],
    )
    return _schema(
        "agencies",
        "Agencies registry / Danh mục đơn vị",
        obj({"agencies": described("Các đơn vị.", "Agencies.", {"type": "array", "items": agency, "minItems": 1})}, ["agencies"]),
    )


def glossary_schema() -> dict[str, Any]:
    """glossary.yaml: abbreviations."""
    term = obj(
        {
            "abbr": described("Chữ viết tắt như in.", "Abbreviation as printed.", TEXT_STRING),
            "vi": described("Nghĩa đầy đủ tiếng Việt.", "Vietnamese expansion.", TEXT_STRING),
            "en": described("Nghĩa tiếng Anh.", "English meaning.", TEXT_STRING),
        },
        ["abbr", "vi", "en"],
    )
    return _schema(
        "glossary",
        "Glossary / Thuật ngữ viết tắt",
        obj({"terms": described("Các chữ viết tắt.", "Abbreviations.", {"type": "array", "items": term, "minItems": 1})}, ["terms"]),
    )


def groups_schema() -> dict[str, Any]:
    """groups.yaml: groups A/B/C."""
    group = obj(
        {
            "id": described("Mã nhóm (A, B, C).", "Group id (A, B, C).", {"type": "string", "pattern": "^[A-C]$"}),
            "title": text("Tên nhóm tiêu chí.", "Group heading."),
            "source_lines": line_range("Dòng nguồn của tiêu đề.", "Source lines of the heading."),
            "notes": notes(),
        },
        ["id", "title", "source_lines"],
    )
    return _schema(
        "groups",
        "Task groups / Nhóm tiêu chí",
        obj({"groups": described("Các nhóm.", "Groups.", {"type": "array", "items": group, "minItems": 1})}, ["groups"]),
    )


def section_schema() -> dict[str, Any]:
    """tasks/<section>.yaml: one section and its tasks."""
    probable = obj(
        {
            "reading": text("Cách đọc đề xuất cho phần chữ bị mất.", "The proposed reading of the lost words."),
            "agencies": described(
                "Mã các đơn vị mà cách đọc nêu (không trùng với agencies của nhiệm vụ).",
                "Registry ids the reading names (never also in the task's agencies).",
                {"type": "array", "items": {"type": "string", "pattern": ID_SLUG}, "minItems": 1, "uniqueItems": True},
            ),
            "certainty": described(
                "Khả năng đúng của cách đọc: high (gần như chắc chắn theo cấu trúc bảng, nhưng không đọc được), medium, low. Chữ đọc được thì ghi vào text và agencies.",
                "How likely the reading is: high (near certain from the table's structure, but not legible), medium or low. Legible words belong in text and agencies.",
                {"type": "string", "enum": list(CONFIDENCES)},
            ),
            "fragments": described(
                "Các mảnh OCR làm căn cứ: số dòng nguồn và chữ như OCR in (để trống nếu OCR không có chữ nào ở chỗ đó).",
                "The OCR fragments it rests on: the source line and the text as the OCR prints it (empty where the OCR shows nothing).",
                {
                    "type": "array",
                    "items": obj(
                        {
                            "line": described("Dòng nguồn.", "Source line.", {"type": "integer", "minimum": 1}),
                            "ocr": described("Chữ như OCR in.", "Text as the OCR prints it.", {"type": "string"}),
                        },
                        ["line", "ocr"],
                    ),
                },
            ),
            "reasoning": text("Lý do các mảnh và ngữ cảnh chỉ tới các đơn vị này.", "Why the fragments and the context point to these agencies."),
        },
        ["reading", "agencies", "certainty", "fragments", "reasoning"],
    )
    column_doubt = obj(
        {
            "agencies": described(
                "Mã các đơn vị của ô (chắc chắn hoặc có khả năng) có thể thuộc cột kia.",
                "Ids of the cell (certain or probable) that may belong to the other column.",
                {"type": "array", "items": {"type": "string", "pattern": ID_SLUG}, "minItems": 1, "uniqueItems": True},
            ),
            "reasoning": text("Lý do không xác định được cột.", "Why the column cannot be told."),
        },
        ["agencies", "reasoning"],
    )
    assignment = obj(
        {
            "text": text("Nội dung ô như in.", "The cell as printed."),
            "agencies": agency_ids("Mã các đơn vị mà ô nêu rõ, theo thứ tự.", "Registry ids the cell names legibly, in order."),
            "probable": described(
                "Cách đọc có khả năng của ô bị hỏng (ô phải có […]): các đơn vị nhiều khả năng được nêu, không bao giờ hiển thị như chắc chắn.",
                "Probable readings of a damaged cell (the cell must contain […]): the agencies it most likely names, never shown as certain.",
                {"type": "array", "items": probable, "minItems": 1},
            ),
            "column_uncertain": described(
                "Các đơn vị đọc được (hoặc có khả năng) nhưng không rõ thuộc cột chủ trì hay cột phối hợp.",
                "Agencies that are read (or probable) but whose column, lead or coordinating, cannot be told.",
                column_doubt,
            ),
        },
        ["text", "agencies"],
    )
    rule = obj(
        {
            "kind": described("Loại quy tắc thời hạn.", "Deadline rule kind.", {"type": "string", "enum": list(RULE_KINDS)}),
            "quarter": described("Quý (với in_quarter).", "Quarter (for in_quarter).", {"type": "integer", "minimum": 1, "maximum": 4}),
            "citation": described(
                "Điều khoản được dẫn (với per_regulation); null nếu chỉ ghi \"Theo quy định\".",
                "Cited provision (for per_regulation); null when the clause only says \"as regulated\".",
                {"oneOf": [{"$ref": "#/definitions/text"}, {"type": "null"}]},
            ),
        },
        ["kind"],
    )
    clause = obj(
        {
            "text": text("Điều khoản thời gian như in.", "The completion clause as printed."),
            "rule": described("Cách đọc có cấu trúc của điều khoản.", "Structured reading of the clause.", rule),
        },
        ["text", "rule"],
    )
    target = obj(
        {
            "id": described("Mã chỉ tiêu trong nhiệm vụ (t1, t2…).", "Target id within the task (t1, t2…).", {"type": "string", "pattern": "^t[1-9][0-9]*$"}),
            "metric": text("Đại lượng đo.", "What is measured."),
            "comparator": described(
                "So sánh: eq (bằng), gt (trên), gte (từ … trở lên); null khi con số bị mất trong bản gốc.",
                "Comparison: eq, gt (more than), gte (at least); null when the figure is lost in the source.",
                {"type": ["string", "null"], "enum": [*COMPARATORS, None]},
            ),
            "value": described(
                "Giá trị chỉ tiêu; null khi con số bị mất trong bản gốc (nhiệm vụ phải có ghi chú).",
                "Target value; null when the figure is lost in the source (the task must have a note).",
                {"type": ["number", "null"], "minimum": 0},
            ),
            "unit": described("Đơn vị đo.", "Unit.", {"type": "string", "enum": ["percent"]}),
            "year": described(
                "Năm phải đạt; null nếu áp dụng hằng năm.",
                "Year by which it must be met; null when it applies every year.",
                {"type": ["integer", "null"], "minimum": 2000, "maximum": 2100},
            ),
        },
        ["id", "metric", "comparator", "value", "unit", "year"],
    )
    task = obj(
        {
            "id": described("Mã nhiệm vụ: nhóm-mục-số, ví dụ A-I-1.", "Task id: group-section-number, e.g. A-I-1.", {"type": "string", "pattern": TASK_ID}),
            "number": described("Số thứ tự (cột TT).", "Row number (TT column).", {"type": "integer", "minimum": 1}),
            "content": text("Nội dung thực hiện (cột 2).", "Task content (column 2)."),
            "lead": described("Đơn vị chủ trì (cột 3).", "Lead agency (column 3).", assignment),
            "coordinating": described("Đơn vị phối hợp/thực hiện (cột 4).", "Coordinating/implementing agencies (column 4).", assignment),
            "outputs": described("Sản phẩm đầu ra (cột 5).", "Outputs (column 5).", {"type": "array", "items": {"$ref": "#/definitions/text"}}),
            "completion": described("Thời gian hoàn thành (cột 6).", "Completion time (column 6).", {"type": "array", "items": clause}),
            "targets": described("Chỉ tiêu định lượng.", "Numeric targets.", {"type": "array", "items": target}),
            "source_ranges": described(
                "Các đoạn dòng nguồn [đầu, cuối] đã đọc.",
                "Source line ranges [first, last] read.",
                {"type": "array", "minItems": 1, "items": {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2, "maxItems": 2}},
            ),
            "confidence": confidence(),
            "notes": notes(),
        },
        ["id", "number", "content", "lead", "coordinating", "outputs", "completion", "source_ranges", "confidence"],
    )
    return _schema(
        "section",
        "Section and tasks / Mục và nhiệm vụ",
        obj(
            {
                "id": described("Mã mục: nhóm-số La Mã, ví dụ A-I.", "Section id: group-roman numeral, e.g. A-I.", {"type": "string", "pattern": SECTION_ID}),
                "group": described("Mã nhóm.", "Group id.", {"type": "string", "pattern": "^[A-C]$"}),
                "numeral": described("Số La Mã như in.", "Roman numeral as printed.", {"type": "string", "pattern": "^[IVX]+$"}),
                "title": text("Tên mục.", "Section heading."),
                "source_lines": line_range("Dòng nguồn của tiêu đề.", "Source lines of the heading."),
                "notes": notes(),
                "tasks": described("Các nhiệm vụ của mục.", "Tasks of the section.", {"type": "array", "items": task, "minItems": 1}),
            },
            ["id", "group", "numeral", "title", "source_lines", "tasks"],
        ),
    )


def responsibilities_schema() -> dict[str, Any]:
    """responsibilities.yaml: plan body items."""
    item = obj(
        {
            "number": described("Số mục như in.", "Item number as printed.", {"type": "integer", "minimum": 1}),
            "heading": text("Tiêu đề mục (tên đơn vị) hoặc […] nếu mất.", "Item heading (agency names) or […] when lost."),
            "agencies": agency_ids("Mã các đơn vị tiêu đề nêu.", "Registry ids the heading names."),
            "bullets": described("Các đoạn của mục.", "Paragraphs of the item.", {"type": "array", "items": {"$ref": "#/definitions/text"}, "minItems": 1}),
            "source_lines": line_range("Dòng nguồn.", "Source lines."),
            "confidence": confidence(),
            "notes": notes(),
        },
        ["number", "heading", "agencies", "bullets", "source_lines", "confidence"],
    )
    closing = obj(
        {
            "text": text("Đoạn kết.", "Closing paragraph."),
            "source_lines": line_range("Dòng nguồn.", "Source lines."),
            "confidence": confidence(),
            "notes": notes(),
        },
        ["text", "source_lines", "confidence"],
    )
    return _schema(
        "responsibilities",
        "Responsibilities / Trách nhiệm tổ chức thực hiện",
        obj(
            {
                "items": described("Các mục trách nhiệm.", "Responsibility items.", {"type": "array", "items": item, "minItems": 1}),
                "closing": described("Đoạn kết của kế hoạch.", "Closing paragraph of the plan.", closing),
            },
            ["items", "closing"],
        ),
    )


def reporting_schema() -> dict[str, Any]:
    """reporting.yaml: two-tier regime."""
    due = obj(
        {
            "rule": described(
                "day_of_last_month_of_quarter: trước ngày N của tháng cuối quý; fixed_day: trước ngày/tháng cố định.",
                "day_of_last_month_of_quarter: before day N of the quarter's last month; fixed_day: before a fixed day and month.",
                {"type": "string", "enum": ["day_of_last_month_of_quarter", "fixed_day"]},
            ),
            "day": described("Ngày trong tháng.", "Day of month.", {"type": "integer", "minimum": 1, "maximum": 31}),
            "month": described("Tháng (với fixed_day).", "Month (for fixed_day).", {"type": "integer", "minimum": 1, "maximum": 12}),
        },
        ["rule", "day"],
    )
    report = obj(
        {
            "kind": described("Loại báo cáo.", "Report kind.", {"type": "string", "enum": list(REPORT_KINDS)}),
            "on_request": described(
                "Báo cáo chỉ làm khi được yêu cầu: không sinh nghĩa vụ có hạn (mặc định false).",
                "Made only when requested: no dated obligations are generated (default false).",
                {"type": "boolean"},
            ),
            "due": described("Thời hạn gửi.", "When it is due.", due),
            "text": text("Điều khoản như in.", "The clause as printed."),
        },
        ["kind", "due", "text"],
    )
    tier = obj(
        {
            "id": described("Mã cấp báo cáo.", "Tier id.", {"type": "string", "pattern": ID_SLUG}),
            "from": agency_ids("Đơn vị gửi báo cáo.", "Agencies that send the reports."),
            "to": described("Đơn vị nhận báo cáo.", "Agency that receives them.", {"type": "string", "pattern": ID_SLUG}),
            "text": text("Câu quy định như in.", "The regime's sentence as printed."),
            "reports": described("Các loại báo cáo.", "Report kinds.", {"type": "array", "items": report, "minItems": 1}),
        },
        ["id", "from", "to", "text", "reports"],
    )
    return _schema(
        "reporting",
        "Reporting regime / Chế độ báo cáo",
        obj(
            {
                "source_task": described("Nhiệm vụ nêu chế độ báo cáo.", "Task that states the regime.", {"type": "string", "pattern": TASK_ID}),
                "tiers": described("Các cấp báo cáo.", "Reporting tiers.", {"type": "array", "items": tier, "minItems": 1}),
                "source_lines": line_range("Dòng nguồn.", "Source lines."),
                "notes": notes(),
            },
            ["source_task", "tiers", "source_lines"],
        ),
    )


def _date(vi: str, en: str) -> dict[str, Any]:
    return described(vi + ' Dạng "YYYY-MM-DD", trong ngoặc kép.', en + ' Written "YYYY-MM-DD", in quotes.', {"type": "string", "pattern": ISO_DATE})


def report_schema() -> dict[str, Any]:
    """progress/<agency>/<period>.yaml: one agency's progress report for one period."""
    evidence = obj(
        {
            "document": described("Số, ký hiệu văn bản, ví dụ 123/QĐ-UBND.", "Document number as issued, e.g. 123/QĐ-UBND.", TEXT_STRING),
            "date": _date("Ngày ban hành văn bản.", "Date of the document."),
            "url": described("Liên kết https:// tới văn bản đã công bố (nếu có).", "https:// link to the published document (if any).", {"type": "string", "minLength": 9}),
        },
        ["document"],
    )
    entry = obj(
        {
            "id": described("Mã mục, không trùng trong tệp (e1, e2…).", "Entry id, unique within the file (e1, e2…).", {"type": "string", "pattern": ENTRY_ID}),
            "task": described("Mã nhiệm vụ trong kế hoạch, ví dụ A-I-1.", "Task id in the plan, e.g. A-I-1.", {"type": "string", "pattern": TASK_ID}),
            "status": described(
                "Trạng thái: " + ", ".join(f"{code} ({labels('vi').status_name(code).lower()})" for code in REPORT_STATUSES) + ".",
                "Status: " + ", ".join(REPORT_STATUSES[:-1]) + " or " + REPORT_STATUSES[-1] + ".",
                {"type": "string", "enum": list(REPORT_STATUSES), "x-aliases": STATUS_ALIASES},
            ),
            "percent": described("Phần trăm hoàn thành, 0–100.", "Percent complete, 0–100.", {"type": "number", "minimum": 0, "maximum": 100}),
            "targets": described(
                "Giá trị đạt được của các chỉ tiêu số của nhiệm vụ, theo mã chỉ tiêu (t1: 95).",
                "Values reached for the task's numeric targets, by target id (t1: 95).",
                {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
            ),
            "evidence": described("Văn bản minh chứng.", "Supporting documents.", {"type": "array", "items": evidence}),
            "note": described(
                "Giải thích thêm, bằng tiếng Việt; tiếng Anh không bắt buộc: người duy trì bổ sung bản dịch sau, trong plan-data/translations/.",
                "Further explanation, in Vietnamese; English is optional: maintainers add a translation later, in plan-data/translations/.",
                obj(
                    {
                        "vi": described("Ghi chú bằng tiếng Việt (bắt buộc).", "The note in Vietnamese (required).", TEXT_STRING),
                        "en": described("Bản tiếng Anh của ghi chú, nếu đơn vị có sẵn (không bắt buộc).", "An English version of the note, if the agency has one (optional).", TEXT_STRING),
                    },
                    ["vi"],
                ),
            ),
            "reported": _date("Ngày ghi nhận thông tin này.", "Date this fact was reported."),
            "completed": _date("Ngày hoàn thành (chỉ khi status là done).", "Date the work was finished (only for status done)."),
            "corrects": described(
                "Mục được sửa: <kỳ>#<mã mục> của một báo cáo nộp trước, ví dụ 2017-q1#e2 hoặc 2017-q1-2#e1.",
                "The entry this one corrects: <period>#<entry id> of an earlier report, e.g. 2017-q1#e2 or 2017-q1-2#e1.",
                {"type": "string", "pattern": REF_PATTERN},
            ),
        },
        ["id", "task", "status", "reported"],
    )
    return _schema(
        "report",
        "Progress report / Báo cáo tiến độ",
        obj(
            {
                "agency": described("Mã đơn vị báo cáo (trùng tên thư mục).", "Reporting agency id (the folder name).", {"type": "string", "pattern": ID_SLUG}),
                "period": described(
                    "Kỳ báo cáo: 2017-q1…2017-q4 (quý), 2017-h1 (6 tháng), 2017-year (năm).",
                    "Reporting period: 2017-q1…2017-q4 (quarter), 2017-h1 (six months), 2017-year (year).",
                    {"type": "string", "pattern": PERIOD_PATTERN},
                ),
                "submitted": _date("Ngày gửi báo cáo.", "Date the report is sent."),
                "entries": described("Các mục báo cáo, mỗi nhiệm vụ một mục.", "Report entries, one per task.", {"type": "array", "items": entry, "minItems": 1}),
            },
            ["agency", "period", "submitted", "entries"],
        ),
    )


def translation_schema() -> dict[str, Any]:
    """translations/<agency>/<filing>.yaml: the English of notes a filed report gave in Vietnamese only."""
    note = obj(
        {
            "entry": described("Mã mục của báo cáo có ghi chú được dịch (e1, e2…).", "The id of the report entry whose note is translated (e1, e2…).", {"type": "string", "pattern": ENTRY_ID}),
            "en": described("Bản dịch tiếng Anh trung thành của ghi chú.", "A faithful English translation of the note.", TEXT_STRING),
        },
        ["entry", "en"],
    )
    return _schema(
        "translation",
        "Translation of report notes / Bản dịch ghi chú báo cáo",
        obj(
            {
                "agency": described("Mã đơn vị đã nộp báo cáo (trùng tên thư mục).", "Id of the agency that filed the report (the folder name).", {"type": "string", "pattern": ID_SLUG}),
                "filing": described(
                    "Báo cáo được dịch: tên tệp báo cáo không có .yaml, ví dụ 2017-q1 hoặc 2017-q1-2 (trùng tên tệp này).",
                    "The report translated: its file name without .yaml, e.g. 2017-q1 or 2017-q1-2 (the name of this file).",
                    {"type": "string", "pattern": FILING_PATTERN},
                ),
                "notes": described("Các ghi chú được dịch, mỗi mục một lần.", "The notes translated, each entry once.", {"type": "array", "items": note, "minItems": 1}),
            },
            ["agency", "filing", "notes"],
        ),
    )


def deployment_schema() -> dict[str, Any]:
    """deployment.yaml (beside mkdocs.yml): where this copy of the project is published and who reviews it."""

    def optional(vi: str, en: str, pattern: str) -> dict[str, Any]:
        return described(vi, en, {"type": ["string", "null"], "pattern": pattern})

    return _schema(
        "deployment",
        "Deployment setting / Thiết lập triển khai",
        obj(
            {
                "site_url": optional(
                    "Địa chỉ https:// công khai của trang (thư mục chứa vi/ và en/); để trống nếu chưa biết: trang dùng liên kết tương đối.",
                    "The site's public https:// address (the folder holding vi/ and en/); empty when unknown: the site uses relative links.",
                    SITE_URL,
                ),
                "repository": optional(
                    "Kho GitHub chứa dữ liệu, dạng chủ-sở-hữu/tên-kho; để trống nếu chưa biết: trang lập báo cáo không mở được GitHub.",
                    "The GitHub repository holding the data, as owner/name; empty when unknown: the report builder cannot open GitHub.",
                    REPOSITORY,
                ),
                "branch": optional(
                    "Nhánh chính: báo cáo được hợp nhất vào đây và trang được xuất bản từ đây.",
                    "The main branch: reports are merged into it and the site is published from it.",
                    BRANCH,
                ),
                "organisation": optional(
                    "Tổ chức GitHub có các nhóm (team) duyệt thư mục báo cáo của từng đơn vị (CODEOWNERS); để trống nếu chưa có.",
                    "The GitHub organisation whose teams review each agency's report folder (CODEOWNERS); empty when there is none yet.",
                    ORGANISATION,
                ),
            },
            [],
        ),
    )


SCHEMAS = {
    "plan": plan_schema,
    "agencies": agencies_schema,
    "glossary": glossary_schema,
    "groups": groups_schema,
    "section": section_schema,
    "responsibilities": responsibilities_schema,
    "reporting": reporting_schema,
    "report": report_schema,
    "translation": translation_schema,
}
"""Schema builders by kind of file in plan-data/ (published with the open data)."""

PROJECT_SCHEMAS = {"deployment": deployment_schema}
"""Schema builders of the project's own settings, beside mkdocs.yml (saved, never published as open data)."""


def names() -> list[str]:
    """Every kind of plan-data/ file with a schema, sorted."""
    return sorted(SCHEMAS)


def all_names() -> list[str]:
    """Every kind of file with a schema, the project's settings included, sorted."""
    return sorted(SCHEMAS | PROJECT_SCHEMAS)


def schema(name: str) -> dict[str, Any]:
    """The schema for a file kind."""
    return (SCHEMAS | PROJECT_SCHEMAS)[name]()


def rendered(name: str, *, schema_id: str | None = None) -> str:
    """The schema as saved on disk (stable key order, trailing newline), or as published with the ``$id`` of its address.

    The saved files have no ``$id``: editors find them by relative path (the ``yaml-language-server`` comment),
    and an identifier must not name a host the schema is not at.
    """
    body = schema(name)
    if schema_id:
        body = {"$schema": body["$schema"], "$id": schema_id, **{k: v for k, v in body.items() if k != "$schema"}}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Save every schema; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name in all_names():
        path = directory / f"{name}.schema.json"
        path.write_text(rendered(name), encoding="utf-8")
        out.append(path)
    return out
