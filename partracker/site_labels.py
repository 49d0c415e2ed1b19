"""Interface labels of the public site (Nhãn giao diện), in Vietnamese and English.

Every word the site's templates print that does not come from plan-data/ lives here, so a test
can check that English pages carry no Vietnamese interface text and vice versa.
"""

from __future__ import annotations

from partracker.model import Lang

# key → (vi, en)
LABELS: dict[str, tuple[str, str]] = {
    "site_name": ("Theo dõi Kế hoạch Chỉ số CCHC Gia Lai 2016–2020", "Gia Lai PAR INDEX plan tracker 2016–2020"),
    "lang_name": ("Tiếng Việt", "English"),
    "home": ("Trang chủ", "Home"),
    "plan": ("Kế hoạch", "The plan"),
    "plan_overview": ("Tổng quan kế hoạch", "Plan overview"),
    "section": ("Mục", "Section"),
    "group": ("Nhóm", "Group"),
    "task": ("Nhiệm vụ", "Task"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "agencies": ("Đơn vị", "Agencies"),
    "agency": ("Đơn vị", "Agency"),
    "glossary": ("Thuật ngữ viết tắt", "Glossary of abbreviations"),
    "abbr": ("Viết tắt", "Abbreviation"),
    "meaning": ("Nghĩa", "Meaning"),
    "source_page": ("Về văn bản nguồn", "About the source"),
    "downloads": ("Tải dữ liệu", "Downloads"),
    "coverage": ("Mức độ dịch", "Translation coverage"),
    "how_built": ("Cách dựng trang", "How the site is built"),
    "deadlines": ("Cách tính thời hạn", "How deadlines are computed"),
    "data_model": ("Mô hình dữ liệu", "Data model"),
    "benchmark": ("Đo hiệu năng", "Performance benchmark"),
    "about": ("Giới thiệu", "About"),
    "timeline": ("Lịch thực hiện", "Timeline"),
    "progress": ("Tiến độ", "Progress"),
    "contribute": ("Đóng góp báo cáo", "Contribute a report"),
    "report_builder": ("Lập báo cáo", "Report builder"),
    "number": ("TT", "No."),
    "content": ("Nội dung thực hiện", "Content"),
    "lead": ("Đơn vị chủ trì", "Lead agency"),
    "coordinating": ("Đơn vị phối hợp/thực hiện", "Coordinating/implementing agencies"),
    "outputs": ("Sản phẩm đầu ra", "Outputs"),
    "completion": ("Thời gian hoàn thành", "Completion time"),
    "rule": ("Cách tính hạn", "Deadline rule"),
    "targets": ("Chỉ tiêu", "Targets"),
    "target_metric": ("Chỉ tiêu đo", "Metric"),
    "target_value": ("Mức", "Level"),
    "target_year": ("Năm", "Year"),
    "every_year": ("Mỗi năm của kế hoạch", "Every plan year"),
    "obligations": ("Nghĩa vụ và tình trạng", "Obligations and status"),
    "obligation": ("Nghĩa vụ", "Obligation"),
    "due": ("Hạn", "Due"),
    "status": ("Tình trạng", "Status"),
    "no_obligations": ("Điều khoản này không sinh ra nghĩa vụ có ngày hạn.", "These clauses produce no dated obligations."),
    "history": ("Lịch sử tiến độ", "Progress history"),
    "no_reports": ("Chưa có báo cáo tiến độ nào được nộp cho nhiệm vụ này.", "No progress report has been filed for this task."),
    "no_reports_site": ("Chưa có đơn vị nào nộp báo cáo tiến độ. Trang chỉ trình bày kế hoạch và các hạn theo kế hoạch; chưa có thông tin nào về việc đã thực hiện.", "No agency has filed a progress report yet. The site shows the plan and its deadlines only; there is no information yet about what has been done."),
    "reported": ("Ngày báo cáo", "Reported"),
    "period": ("Kỳ", "Period"),
    "percent": ("Tỷ lệ", "Percent"),
    "evidence": ("Minh chứng", "Evidence"),
    "note": ("Ghi chú", "Note"),
    "correction": ("Đính chính", "Correction"),
    "corrects": ("đính chính mục", "corrects entry"),
    "source": ("Nguồn", "Source"),
    "source_lines": ("Dòng trong văn bản nguồn", "Lines in the source text"),
    "confidence": ("Độ tin cậy của bản chép", "Transcription confidence"),
    "conf_high": ("cao", "high"),
    "conf_medium": ("trung bình", "medium"),
    "conf_low": ("thấp", "low"),
    "notes": ("Ghi chú về bản chép (OCR)", "Transcription (OCR) notes"),
    "none": ("Không có", "None"),
    "as_lead": ("Nhiệm vụ chủ trì", "Tasks as lead agency"),
    "as_coordinator": ("Nhiệm vụ phối hợp/thực hiện", "Tasks as coordinating/implementing agency"),
    "via_collective": ("qua nhóm", "through"),
    "responsibilities": ("Trách nhiệm theo phần Tổ chức thực hiện", "Responsibilities in the plan body (Implementation)"),
    "item": ("Mục", "Item"),
    "members": ("Thành viên", "Members"),
    "member_of": ("Thuộc nhóm", "Member of"),
    "collective_note": ("Đây là một nhóm đơn vị: kế hoạch giao việc cho cả nhóm mà không nêu tên từng thành viên.", "This is a collective: the plan assigns work to the whole group without naming its members."),
    "upcoming": ("Nghĩa vụ sắp đến hạn", "Upcoming obligations"),
    "overdue": ("Nghĩa vụ quá hạn", "Overdue obligations"),
    "filing_record": ("Hồ sơ nộp báo cáo", "Report filing record"),
    "submitted": ("Ngày nộp", "Submitted"),
    "entries": ("Số mục", "Entries"),
    "no_filings": ("Đơn vị chưa nộp báo cáo nào.", "This agency has filed no report."),
    "calendar": ("Lịch (ICS)", "Calendar (ICS)"),
    "calendar_link": ("Tải lịch nghĩa vụ của đơn vị (.ics)", "Download this agency's obligations calendar (.ics)"),
    "print_hint": ("Trang này in được thành bảng nghĩa vụ gọn gàng.", "This page prints as a clean obligations sheet."),
    "agency_index_intro": ("Mọi đơn vị mà kế hoạch giao việc, kể cả các nhóm đơn vị.", "Every agency the plan assigns work to, including collectives."),
    "n_lead": ("Chủ trì", "Lead"),
    "n_coord": ("Phối hợp", "Coordinating"),
    "kind": ("Loại", "Kind"),
    "what_is_plan": ("Kế hoạch là gì", "What the plan is"),
    "overall": ("Tình hình chung", "Overall progress"),
    "latest": ("Cập nhật mới nhất", "Latest updates"),
    "count_groups": ("Số nhóm tiêu chí", "Criteria groups"),
    "count_sections": ("Số mục", "Sections"),
    "count_tasks": ("Số nhiệm vụ", "Tasks"),
    "count_obligations": ("Số nghĩa vụ", "Obligations"),
    "count_agencies": ("Số đơn vị", "Agencies"),
    "decision": ("Quyết định", "Decision"),
    "signed_by": ("Người ký", "Signed by"),
    "plan_period": ("Giai đoạn", "Period"),
    "uncertain": ("Các chỗ đọc chưa chắc chắn", "Uncertain readings"),
    "uncertain_intro": ("Mọi nhiệm vụ và mục có độ tin cậy dưới mức cao hoặc có ghi chú về bản chép.", "Every task and item with confidence below high or with transcription notes."),
    "plan_notes": ("Ghi chú về thông tin quyết định", "Notes on the decision's details"),
    "what_we_have": ("Phần văn bản hiện có", "The part of the decision we have"),
    "data_as_of": ("Số liệu tính đến {date} (giờ Asia/Ho_Chi_Minh)", "Data as of {date} (Asia/Ho_Chi_Minh)"),
    "demo_banner": ("BẢN MINH HỌA: trang này có báo cáo mẫu, không phải số liệu thật.", "DEMO: this site contains sample reports, not real data."),
    "demo_report": ("mẫu", "sample"),
    "licence": ("Giấy phép", "Licence"),
    "licence_text": ("Dữ liệu kế hoạch là bản chép lại một văn bản hành chính công khai; dữ liệu mở này được cung cấp theo giấy phép MIT của dự án, giống mã nguồn. Khi dùng lại, xin ghi nguồn.", "The plan data is a transcription of a public administrative document; these open data files are offered under the project's MIT licence, like the source code. Please credit the source when reusing them."),
    "file": ("Tệp", "File"),
    "format": ("Định dạng", "Format"),
    "description": ("Mô tả", "Description"),
    "dl_plan_json": ("Toàn bộ kế hoạch (nhiệm vụ, đơn vị, thuật ngữ, trách nhiệm, chế độ báo cáo)", "The whole plan (tasks, agencies, glossary, responsibilities, reporting regime)"),
    "dl_tasks_csv": ("Nhiệm vụ, mỗi dòng một nhiệm vụ (an toàn với công thức bảng tính)", "Tasks, one row per task (formula-safe for spreadsheets)"),
    "dl_obligations": ("Nghĩa vụ có ngày hạn và tình trạng", "Dated obligations and their status"),
    "dl_progress": ("Các mục báo cáo tiến độ", "Progress report entries"),
    "dl_schema": ("Lược đồ JSON cho tệp", "JSON Schema for"),
    "dl_ics_plan": ("Lịch mọi nghĩa vụ của kế hoạch", "Calendar of every obligation in the plan"),
    "dl_ics_agency": ("Lịch nghĩa vụ theo đơn vị", "Obligations calendar per agency"),
    "dl_feed": ("Nguồn tin Atom các cập nhật", "Atom feed of updates"),
    "schemas": ("Lược đồ JSON", "JSON Schemas"),
    "open_data": ("Dữ liệu mở", "Open data"),
    "calendars": ("Lịch", "Calendars"),
    "feeds": ("Nguồn tin", "Feeds"),
    "not_available": ("Chưa có trong bản dựng này.", "Not available in this build."),
    "untranslated": ("Chưa dịch", "Not yet translated"),
    "coverage_intro": ("Tỷ lệ văn bản dữ liệu có bản tiếng Anh. Văn bản tiếng Việt là bản gốc.", "Share of data texts that have an English version. The Vietnamese text is authoritative."),
    "texts_total": ("Tổng số văn bản", "Texts"),
    "texts_translated": ("Đã dịch", "Translated"),
    "missing_list": ("Các văn bản chưa dịch", "Untranslated texts"),
    "all_translated": ("Mọi văn bản đều đã có bản tiếng Anh.", "Every text has an English version."),
    "section_tasks": ("Các nhiệm vụ của mục", "Tasks in this section"),
    "back_to_section": ("Thuộc mục", "In section"),
    "redirect_title": ("Đang chuyển đến trang tiếng Việt", "Redirecting to the Vietnamese site"),
    "upcoming_site": ("Hạn sắp tới", "Upcoming deadlines"),
    "none_upcoming": ("Không có hạn nào trong 30 ngày tới.", "No deadline in the next 30 days."),
    "see_timeline": ("Xem toàn bộ lịch thực hiện", "See the whole timeline"),
    "plan_ended": ("Giai đoạn kế hoạch đã kết thúc năm {year}.", "The plan period ended in {year}."),
    "home_intro": ("Trang này công khai Kế hoạch ban hành kèm Quyết định {number} của UBND tỉnh Gia Lai: ai phải làm gì, đến khi nào, và các đơn vị báo cáo đã làm được gì.", "This site publishes the plan issued with Decision {number} of the Gia Lai Provincial People's Committee: who must do what, by when, and what the agencies report having done."),
}

# Rule kinds of a completion clause, explained.
COMPARATORS: dict[str, tuple[str, str]] = {
    "eq": ("bằng", "equal to"),
    "gt": ("trên", "more than"),
    "gte": ("từ … trở lên", "at least"),
}

UNITS: dict[str, tuple[str, str]] = {"percent": ("%", "%")}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "provincial_committee": ("UBND tỉnh", "Provincial People's Committee"),
    "provincial_department": ("Sở", "Provincial department"),
    "provincial_office": ("Văn phòng", "Provincial office"),
    "district_committee": ("UBND cấp huyện", "District People's Committee"),
    "commune_committee": ("UBND cấp xã", "Commune People's Committee"),
    "media": ("Cơ quan báo chí", "Media"),
    "public_service_unit": ("Đơn vị sự nghiệp", "Public service unit"),
    "collective": ("Nhóm đơn vị", "Collective"),
}


def labels(lang: Lang) -> dict[str, str]:
    """The interface labels in ``lang``."""
    i = 0 if lang == "vi" else 1
    return {k: v[i] for k, v in LABELS.items()}


def pick(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    """One entry of a label table in ``lang``; unknown keys fail loudly."""
    try:
        pair = table[key]
    except KeyError:
        raise RuntimeError(f"Unknown label key: {key!r}") from None
    return pair[0] if lang == "vi" else pair[1]
