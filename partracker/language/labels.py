"""The one catalogue of words (Nhãn giao diện) a reader sees, in Vietnamese and English.

Every word printed by the site, the calendars and feeds, the command line and the pull-request
summary that does not come from plan-data/ lives here, keyed by meaning. A status, a role or a
kind of report has one wording everywhere. Families of keys are written ``family.code``
(``status.overdue``, ``role.lead``); their codes are the domain's vocabularies, and a test fails
when a key is unused, a code has no key, or a key lacks a language.

Validator messages, which also carry a fix, are a catalogue of their own in
:mod:`partracker.reading.errors`.
"""

from __future__ import annotations

from functools import lru_cache

from partracker.language.text import Lang, Text

# key → (vi, en); ``{name}`` fields are filled by :meth:`Labels.format`.
LABELS: dict[str, tuple[str, str]] = {
    # --- the site and its navigation -----------------------------------------------------------
    "site_name": ("Theo dõi Kế hoạch Chỉ số CCHC Gia Lai 2016–2020", "Gia Lai PAR INDEX plan tracker 2016–2020"),
    "home": ("Trang chủ", "Home"),
    "plan": ("Kế hoạch", "The plan"),
    "plan_overview": ("Tổng quan kế hoạch", "Plan overview"),
    "agencies": ("Đơn vị", "Agencies"),
    "glossary": ("Thuật ngữ viết tắt", "Glossary of abbreviations"),
    "source_page": ("Về văn bản nguồn", "About the source"),
    "downloads": ("Tải dữ liệu", "Downloads"),
    "coverage": ("Mức độ dịch", "Translation coverage"),
    "how_built": ("Cách dựng trang", "How the site is built"),
    "deadlines": ("Cách tính thời hạn", "How deadlines are computed"),
    "data_model": ("Mô hình dữ liệu", "Data model"),
    "benchmark": ("Đo hiệu năng", "Performance benchmark"),
    "about": ("Về dự án", "About the project"),
    "scheme_dark": ("Chuyển sang nền tối", "Switch to the dark scheme"),
    "scheme_light": ("Chuyển sang nền sáng", "Switch to the light scheme"),
    "timeline": ("Lịch thực hiện", "Timeline"),
    "progress": ("Tiến độ", "Progress"),
    "contribute": ("Đóng góp báo cáo", "Contribute a report"),
    "report_builder": ("Lập báo cáo", "Report builder"),
    "lang_name": ("Tiếng Việt", "English"),
    "data_as_of": ("Số liệu tính đến {date} (giờ {timezone})", "Data as of {date} ({timezone})"),
    "demo_banner": ("BẢN MINH HỌA: trang này có báo cáo mẫu, không phải số liệu thật.", "DEMO: this site contains sample reports, not real data."),
    "demo_report": ("mẫu", "sample"),
    "demo_data": ("Trang này đang hiển thị dữ liệu mẫu, không phải báo cáo thật của cơ quan nào.", "This page shows sample data, not a real report from any agency."),
    "sample_prefix": ("[Dữ liệu mẫu]", "[Sample data]"),
    "not_found_title": ("Không tìm thấy trang", "Page not found"),
    "not_found_text": ("Không có trang nào ở địa chỉ này: có thể trang đã chuyển chỗ hoặc địa chỉ bị gõ sai. Các trang sau có thể giúp bạn:", "There is no page at this address: it may have moved, or the address may be mistyped. These pages may help:"),
    # --- common words of tables ----------------------------------------------------------------
    "section": ("Mục", "Section"),
    "group": ("Nhóm", "Group"),
    "task": ("Nhiệm vụ", "Task"),
    "agency": ("Đơn vị", "Agency"),
    "year": ("Năm", "Year"),
    "quarter": ("Quý", "Quarter"),
    "due": ("Hạn", "Due"),
    "status": ("Trạng thái", "Status"),
    "role": ("Vai trò", "Role"),
    "total": ("Tổng số", "Total"),
    "period": ("Kỳ", "Period"),
    "file": ("Tệp", "File"),
    "description": ("Mô tả", "Description"),
    "none": ("Không có", "None"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "field": ("Mục", "Item"),
    "value": ("Nội dung", "Details"),
    "number": ("TT", "No."),
    "obligation": ("Nghĩa vụ", "Obligation"),
    "no_due": ("Không có hạn cụ thể", "No fixed date"),
    "nothing": ("Không có nghĩa vụ nào.", "No obligations."),
    "data_table": ("Bảng số liệu", "Data table"),
    # --- the plan, sections and tasks ----------------------------------------------------------
    "content": ("Nội dung thực hiện", "Content"),
    "lead": ("Đơn vị chủ trì", "Lead agency"),
    "coordinating": ("Đơn vị phối hợp/thực hiện", "Coordinating/implementing agencies"),
    "outputs": ("Sản phẩm đầu ra", "Outputs"),
    "completion": ("Thời gian hoàn thành", "Completion time"),
    "rule": ("Cách tính hạn", "Deadline rule"),
    "targets": ("Chỉ tiêu", "Targets"),
    "target": ("Chỉ tiêu", "Target"),
    "target_metric": ("Chỉ tiêu đo", "Metric"),
    "target_value": ("Mức", "Level"),
    "every_plan_year": ("Mỗi năm của kế hoạch", "Every plan year"),
    "obligations": ("Nghĩa vụ và tình trạng", "Obligations and status"),
    "no_obligations": ("Điều khoản này không sinh ra nghĩa vụ có ngày hạn.", "These clauses produce no dated obligations."),
    "history": ("Lịch sử tiến độ", "Progress history"),
    "no_reports_task": ("Chưa có báo cáo tiến độ nào được nộp cho nhiệm vụ này.", "No progress report has been filed for this task."),
    "no_reports_site": ("Chưa có đơn vị nào nộp báo cáo tiến độ. Trang chỉ trình bày kế hoạch và các hạn theo kế hoạch; chưa có thông tin nào về việc đã thực hiện.", "No agency has filed a progress report yet. The site shows the plan and its deadlines only; there is no information yet about what has been done."),
    "no_reports_progress": ("Chưa có báo cáo tiến độ nào được nộp, nên không nội dung nào được ghi là đã hoàn thành hay trễ hạn: các trạng thái dưới đây chỉ dựa trên lịch của kế hoạch (chưa đến hạn, chưa có báo cáo, không áp dụng).", "No progress reports have been filed yet, so nothing is shown as done or late: the statuses below come from the plan's calendar only (upcoming, no report filed yet, not applicable)."),
    "reported": ("Ngày báo cáo", "Reported"),
    "percent": ("Tỷ lệ", "Percent"),
    "evidence": ("Minh chứng", "Evidence"),
    "note": ("Ghi chú", "Note"),
    "not_translated": ("chưa dịch", "not yet translated"),
    "correction": ("Đính chính", "Correction"),
    "corrects": ("đính chính mục", "corrects entry"),
    "source": ("Nguồn", "Source"),
    "source_lines": ("Dòng trong văn bản nguồn", "Lines in the source text"),
    "confidence": ("Độ tin cậy của bản chép", "Transcription confidence"),
    "notes": ("Ghi chú về bản chép (OCR)", "Transcription (OCR) notes"),
    "target_lost": ("[…] (con số bị mất trong bản gốc)", "[…] (figure lost in the source)"),
    # --- doubts about who owes what (probable readings of damaged agency cells) ---------------
    "probable_reading": ("có thể là: {reading} (mức tin cậy {level})", "probably: {reading} ({level} certainty)"),
    "probably_is": ("có thể là", "probably"),
    "certainty_level": ("mức tin cậy {level}", "{level} certainty"),
    "column_uncertain": ("chủ trì hoặc phối hợp — cột không chắc chắn", "lead or coordinating — column uncertain"),
    "assignment_uncertain": ("phân công chưa chắc chắn", "assignment uncertain"),
    "role_uncertain": ("Chủ trì hoặc phối hợp", "Lead or coordinating"),
    "probable_role": ("có thể: {role}", "probably: {role}"),
    "probably": ("có thể", "probably"),
    "probable_yours": ("Có thể thuộc đơn vị (phân công chưa chắc chắn)", "Probably yours (assignment uncertain)"),
    "probable_yours_intro": ("Ô đơn vị của các nhiệm vụ này bị hỏng trong bản gốc; cách đọc có khả năng nêu đơn vị (hoặc nhóm mà đơn vị thuộc về). Xem lý do trên trang nhiệm vụ.", "These tasks' agency cells are damaged in the source; a probable reading names this agency (or a group it belongs to). The reasons are on each task's page."),
    "probable_readings": ("Cách đọc có khả năng của các ô đơn vị", "Probable readings of agency cells"),
    "probable_readings_intro": ("Chỗ ô đơn vị bị hỏng, các mảnh OCR còn lại và ngữ cảnh chỉ tới những đơn vị dưới đây. Các đơn vị này thấy nhiệm vụ trên trang của mình, với ghi chú phân công chưa chắc chắn; không đơn vị nào được trình bày như chắc chắn.", "Where an agency cell is damaged, the OCR fragments that remain and the context point to the agencies below. They see the task on their pages, marked as an uncertain assignment; none is presented as certain."),
    "column_doubts": ("Đơn vị chưa rõ thuộc cột nào", "Agencies whose column is uncertain"),
    "column": ("Cột", "Column"),
    "reading": ("Cách đọc", "Reading"),
    "certainty": ("Mức tin cậy", "Certainty"),
    "fragments": ("Mảnh OCR", "OCR fragments"),
    "reasoning": ("Lý do", "Reasoning"),
    "source_line": ("dòng {line}", "line {line}"),
    "ocr_nothing": ("(không có chữ)", "(nothing)"),
    "section_tasks": ("Các nhiệm vụ của mục", "Tasks in this section"),
    "section_title": ("{id} · {title}", "{id} · {title}"),
    "section_title_group": ("{id} · {title} (nhóm {group})", "{id} · {title} (group {group})"),
    "task_code_title": ("{id} · {title}", "{id} · {title}"),
    "name_with_short": ("{name} ({short})", "{name} ({short})"),
    "about_text": ("Về bản chép văn bản này", "About this text"),
    "task_status": ("Tình trạng các nhiệm vụ theo năm", "Status of every task, by year"),
    "grid_intro": ("Mỗi ô là tình trạng cần chú ý nhất trong các nghĩa vụ của nhiệm vụ trong năm đó, tính đến ngày {date}; bấm vào ô để xem từng nghĩa vụ.", "Each cell shows the most pressing status among the task's obligations that year, as of {date}; select a cell to see each obligation."),
    "grid_cell_title": ("Năm {year}: {done}/{total} nghĩa vụ đã hoàn thành", "{year}: {done} of {total} obligations done"),
    # --- agencies ------------------------------------------------------------------------------
    "duties_title": ("Các nhiệm vụ của đơn vị", "The agency's tasks"),
    "duties_summary": ("{tasks}, mỗi nhiệm vụ một dòng với vai trò mạnh nhất: chủ trì {lead}, phối hợp {coordinating}.", "{tasks}, each on one row with its strongest role: lead in {lead}, coordinating in {coordinating}."),
    "duties_via": ("{n} nhiệm vụ được giao qua một nhóm đơn vị mà đơn vị này thuộc về.", "{n} of them are assigned through a collective this agency belongs to."),
    "via_collective": ("qua nhóm", "through"),
    "owes_in_year": ("Việc phải làm năm {year}", "What is owed in {year}"),
    "owes_in_year_text": ("{n} nghĩa vụ có hạn trong năm {year} (kể cả qua các nhóm đơn vị), theo quý, in được trên giấy A4.", "{n} obligations due in {year} (including those of collectives), by quarter, printable on A4 paper."),
    "owes_in_year_probable": ("Thêm {n} nghĩa vụ có thể thuộc đơn vị (ô đơn vị bị hỏng trong bản gốc), liệt kê riêng ở cuối bảng.", "{n} more probably fall to it (the agency cell is damaged in the source); the sheet lists them apart at the end."),
    "open_sheet": ("Mở bảng nghĩa vụ năm {year} để in", "Open the printable {year} obligations sheet"),
    "responsibilities": ("Trách nhiệm theo phần Tổ chức thực hiện", "Responsibilities in the plan body (Implementation)"),
    "item": ("Mục", "Item"),
    "members": ("Thành viên", "Members"),
    "member_of": ("Thuộc nhóm", "Member of"),
    "collective_note": ("Đây là một nhóm đơn vị: kế hoạch giao việc cho cả nhóm mà không nêu tên từng thành viên.", "This is a collective: the plan assigns work to the whole group without naming its members."),
    "upcoming": ("Nghĩa vụ sắp đến hạn", "Upcoming obligations"),
    "overdue": ("Nghĩa vụ quá hạn", "Overdue obligations"),
    "filing_record": ("Hồ sơ nộp báo cáo", "Report filing record"),
    "submitted": ("Ngày nộp", "Submitted"),
    "published": ("Ngày công bố", "Published"),
    "published_unknown": ("chưa rõ", "unknown"),
    "published_late": ("công bố muộn", "published late"),
    "published_note": (
        (
            "Ngày nộp là ngày đơn vị ghi trong báo cáo; ngày công bố là ngày tệp báo cáo được đưa lên nhánh chính của kho dữ liệu. "
            "Báo cáo công bố muộn hơn {n} ngày sau ngày nộp được ghi “công bố muộn”; tình trạng đúng hạn hay trễ hạn vẫn tính theo ngày nộp."
        ),
        (
            "Submitted is the date the agency wrote in the report; published is the date the report file reached the data repository's main branch. "
            "A report published more than {n} days after it was submitted is marked “published late”; on time or late is still judged by the date submitted."
        ),
    ),
    "entries": ("Số mục", "Entries"),
    "no_filings": ("Đơn vị chưa nộp báo cáo nào.", "This agency has filed no report."),
    "calendar_title": ("Lịch nghĩa vụ", "Obligations calendar"),
    "calendar_subscribe": ("Đăng ký theo dõi lịch", "Subscribe to the calendar"),
    "subscribe_short": ("Đăng ký", "Subscribe"),
    "calendar_download": ("Tải tệp .ics", "Download the .ics file"),
    "calendar_agency_intro": ("Mỗi nghĩa vụ có ngày hạn của {agency} là một sự kiện cả ngày vào ngày hạn. Khi đăng ký theo dõi, lịch trong điện thoại hay máy tính tự cập nhật khi trang này được cập nhật.", "Each of {agency}'s dated obligations is an all-day event on its due date. Subscribed to, the calendar in your phone or computer updates itself when this site is updated."),
    "calendar_none": ("{agency} không có nghĩa vụ nào có ngày hạn riêng (các việc của đơn vị theo quy định hoặc theo yêu cầu, không gắn với một ngày), nên không có lịch để đăng ký. Các việc của đơn vị được liệt kê dưới đây.", "{agency} has no obligation with a date of its own (its duties fall due by regulation or on request, not on a day), so it has no calendar to subscribe to. Its duties are listed below."),
    "calendar_howto": ("Cách đăng ký theo dõi", "How to subscribe"),
    "calendar_howto_phone": ("**Điện thoại, Apple Calendar, Outlook trên máy tính:** bấm liên kết «{subscribe}»; ứng dụng lịch hỏi có đăng ký không.", "**Phones, Apple Calendar, Outlook on a computer:** tap or click the “{subscribe}” link; your calendar app asks whether to subscribe."),
    "calendar_howto_google": ("**Google Calendar** (trên web, lịch sẽ hiện cả trên điện thoại Android): sao chép địa chỉ của liên kết «{subscribe}», mở *Lịch khác* → **+** → *Từ URL*, dán địa chỉ rồi bấm *Thêm lịch*.", "**Google Calendar** (on the web; the calendar then shows on Android phones too): copy the address of the “{subscribe}” link, open *Other calendars* → **+** → *From URL*, paste it and click *Add calendar*."),
    "calendar_howto_outlook": ("**Outlook trên web (Outlook.com, Microsoft 365):** *Thêm lịch* → *Đăng ký từ web*, dán địa chỉ của liên kết «{subscribe}».", "**Outlook on the web (Outlook.com, Microsoft 365):** *Add calendar* → *Subscribe from web*, and paste the address of the “{subscribe}” link."),
    "calendar_howto_file": ("Tệp .ics tải về chỉ là bản chụp: nhập vào lịch thì các sự kiện không tự cập nhật. Lịch bằng ngôn ngữ của trang này; trang tiếng Anh có cùng các lịch bằng tiếng Anh.", "A downloaded .ics file is a snapshot: imported into a calendar, its events do not update themselves. Calendars are in the language of this site; the Vietnamese site has the same calendars in Vietnamese."),
    "calendar_howto_unpublished": ("Bản dựng này không biết địa chỉ công khai của trang, nên chưa có liên kết đăng ký: dùng tệp .ics, hoặc địa chỉ của tệp khi trang đã được xuất bản.", "This build does not know the site's public address, so it has no subscribe link: use the .ics file, or the file's address once the site is published."),
    "agency_index_intro": ("Mọi đơn vị mà kế hoạch giao việc, kể cả các nhóm đơn vị.", "Every agency the plan assigns work to, including collectives."),
    "n_tasks": ("Số nhiệm vụ", "Tasks"),
    "n_lead": ("Chủ trì", "Lead"),
    "n_coord": ("Phối hợp", "Coordinating"),
    "kind": ("Loại đơn vị", "Kind of agency"),
    "by_year": ("Nghĩa vụ theo năm", "Obligations by year"),
    "by_year_intro": ("Mỗi năm có một trang liệt kê đầy đủ nghĩa vụ của đơn vị (kể cả qua các nhóm đơn vị thuộc về), in ra được thành bảng nghĩa vụ.", "Each year has a page listing every obligation of the agency (including those of the groups it belongs to); it prints as an obligations sheet."),
    "obligations_in": ("nghĩa vụ năm", "obligations in"),
    "sheet_summary": ("{n} nghĩa vụ trong {tasks} nhiệm vụ, theo quý của hạn, kèm tình trạng.", "{n} obligations in {tasks} tasks, by quarter of the due date, with their status."),
    "print": ("In bảng này", "Print this sheet"),
    "back_to_agency": ("Trang đơn vị", "Agency page"),
    # --- home page -----------------------------------------------------------------------------
    "home_intro": ("Trang này công khai Kế hoạch ban hành kèm Quyết định {number} của UBND tỉnh Gia Lai: ai phải làm gì, đến khi nào, và các đơn vị báo cáo đã làm được gì.", "This site publishes the plan issued with Decision {number} of the Gia Lai Provincial People's Committee: who must do what, by when, and what the agencies report having done."),
    "home_counts": ("Kế hoạch có {groups} nhóm tiêu chí, {sections} mục, {tasks} nhiệm vụ và giao việc cho {agencies} đơn vị.", "The plan has {groups} groups of criteria, {sections} sections and {tasks} tasks, and assigns work to {agencies} agencies."),
    "find_agency": ("Đơn vị của bạn phải làm gì?", "What does your agency owe?"),
    "find_agency_label": ("Tìm đơn vị", "Find an agency"),
    "find_agency_hint": ("Gõ một phần tên, có dấu hay không dấu", "Type part of a name"),
    "all_agencies_link": ("Bảng mọi đơn vị, với số nhiệm vụ và nghĩa vụ của từng đơn vị", "Every agency in a table, with its number of tasks and obligations"),
    "find_agency_intro": ("Chọn đơn vị để xem các nhiệm vụ, hạn sắp tới và bảng nghĩa vụ từng năm (in được).", "Choose an agency to see its tasks, its next deadlines and its printable sheet of obligations for each year."),
    "latest": ("Cập nhật mới nhất", "Latest updates"),
    "count_groups": ("Số nhóm tiêu chí", "Criteria groups"),
    "count_sections": ("Số mục", "Sections"),
    "count_tasks": ("Số nhiệm vụ", "Tasks"),
    "count_obligations": ("Số nghĩa vụ", "Obligations"),
    "count_agencies": ("Số đơn vị", "Agencies"),
    "upcoming_site": ("Hạn sắp tới", "Next deadlines"),
    "upcoming_intro": ("Các hạn gần nhất kể từ ngày dữ liệu được tính, mỗi dòng một việc với mọi đơn vị phải làm.", "The nearest deadlines from the date of the data, one row per thing owed with every agency that owes it."),
    "none_upcoming": ("Không còn hạn nào phía trước.", "No deadline lies ahead."),
    "final_picture": ("Kết quả cuối cùng", "The final picture"),
    "final_intro": ("Tình trạng mọi nghĩa vụ của từng năm:", "The status of every obligation, year by year:"),
    "explain_title": ("Đọc trang này thế nào", "How to read this site"),
    "explain_groups": ("Các nhóm A, B, C", "Groups A, B and C"),
    "explain_groups_text": ("Kế hoạch chia {tasks} nhiệm vụ thành ba nhóm tiêu chí:", "The plan sorts its {tasks} tasks into three groups of criteria:"),
    "group_counts": ("{sections} mục, {tasks} nhiệm vụ", "{sections} sections, {tasks} tasks"),
    "explain_obligation": ("Nghĩa vụ là gì?", "What is an obligation?"),
    "explain_obligation_text": ("Một nghĩa vụ là một việc mà một đơn vị phải làm xong trước một hạn, trong một năm của kế hoạch: ví dụ ban hành kế hoạch năm sau trước ngày 31/12, hay gửi báo cáo quý trước ngày quy định. Mỗi nhiệm vụ sinh ra nghĩa vụ cho từng đơn vị chủ trì và phối hợp, mỗi năm; nghĩa vụ của một nhóm đơn vị (như “Sở, ban, ngành tỉnh”) là của mọi thành viên.", "An obligation is one thing one agency must have done by one date, in one year of the plan: issuing next year's plan by 31 December, say, or sending a quarterly report before its date. Each task gives obligations to each lead and coordinating agency, every year; an obligation of a collective (such as “Provincial departments and sectors”) is owed by each of its members."),
    "explain_status": ("“{status}” nghĩa là gì?", "What does “{status}” mean?"),
    "explain_no_report_text": ("Hạn đã qua (hoặc nghĩa vụ không có hạn cụ thể) mà chưa có báo cáo tiến độ nào nói về việc này. Điều đó không có nghĩa là việc chưa được làm, chỉ là trang này chưa được báo: trang không bao giờ ghi “quá hạn” khi không có báo cáo làm bằng chứng.", "The deadline has passed (or the obligation has no fixed date) and no progress report about it has been filed. It does not mean the work was not done, only that this site has not been told: the site never says “overdue” without a report as evidence."),
    "plan_ended": ("Giai đoạn kế hoạch đã kết thúc năm {year}.", "The plan period ended in {year}."),
    # --- the decision and its source -----------------------------------------------------------
    "decision": ("Quyết định", "Decision"),
    "signed_by": ("Người ký", "Signed by"),
    "issued_by": ("Cơ quan ban hành", "Issued by"),
    "date_of_issue": ("Ngày ban hành", "Date of issue"),
    "plan_period": ("Giai đoạn", "Period"),
    "uncertain": ("Các chỗ đọc chưa chắc chắn", "Uncertain readings"),
    "uncertain_intro": ("Mọi phần của dữ liệu có độ tin cậy dưới mức cao hoặc có ghi chú về bản chép: thông tin quyết định, chế độ báo cáo, nhóm, mục, nhiệm vụ, mục trách nhiệm và đoạn kết.", "Every part of the data with confidence below high or with transcription notes: the decision's details, the reporting regime, groups, sections, tasks, responsibility items and the closing paragraph."),
    "reporting_regime": ("Chế độ báo cáo", "Reporting regime"),
    "closing": ("Đoạn kết", "Closing paragraph"),
    "lost_targets": ("Chỉ tiêu bị mất con số", "Targets whose figure is lost"),
    "lost_targets_intro": ("Bản gốc cho thấy các chỉ tiêu này nhưng con số của chúng bị mất: chúng được liệt kê, không bao giờ kèm một con số tự đặt ra.", "The source shows these targets but their figures are lost: they are listed, never with an invented figure."),
    "plan_notes": ("Ghi chú về thông tin quyết định", "Notes on the decision's details"),
    "what_we_have": ("Phần văn bản hiện có", "The part of the decision we have"),
    "abbr": ("Viết tắt", "Abbreviation"),
    "meaning": ("Nghĩa", "Meaning"),
    # --- translation coverage ------------------------------------------------------------------
    "coverage_intro": ("Tỷ lệ văn bản dữ liệu có bản tiếng Anh. Văn bản tiếng Việt là bản gốc.", "Share of data texts that have an English version. The Vietnamese text is authoritative."),
    "texts_total": ("Tổng số văn bản", "Texts"),
    "texts_translated": ("Đã dịch", "Translated"),
    "missing_list": ("Các văn bản chưa dịch", "Untranslated texts"),
    "all_translated": ("Mọi văn bản đều đã có bản tiếng Anh.", "Every text has an English version."),
    "coverage_notes": ("Ghi chú trong báo cáo tiến độ", "Notes in progress reports"),
    "coverage_notes_intro": ("Đơn vị viết ghi chú bằng tiếng Việt; tiếng Anh không bắt buộc. Người duy trì bổ sung bản dịch trong plan-data/translations/ mà không sửa báo cáo đã nộp; đến lúc đó, trang tiếng Anh hiện ghi chú bằng tiếng Việt với dấu “chưa dịch”.", "Agencies write their notes in Vietnamese; English is optional. Maintainers add the translation in plan-data/translations/ without editing the filed report; until then the English site shows the note in Vietnamese, marked “not yet translated”."),
    # --- downloads -----------------------------------------------------------------------------
    "licence": ("Giấy phép", "Licence"),
    "licence_text": ("Dữ liệu kế hoạch là bản chép lại một văn bản hành chính công khai; dữ liệu mở này được cung cấp theo giấy phép MIT của dự án, giống mã nguồn. Khi dùng lại, xin ghi nguồn.", "The plan data is a transcription of a public administrative document; these open data files are offered under the project's MIT licence, like the source code. Please credit the source when reusing them."),
    "dl_plan_json": ("Toàn bộ kế hoạch (nhiệm vụ, đơn vị, thuật ngữ, trách nhiệm, chế độ báo cáo)", "The whole plan (tasks, agencies, glossary, responsibilities, reporting regime)"),
    "dl_tasks_csv": ("Nhiệm vụ, mỗi dòng một nhiệm vụ (an toàn với công thức bảng tính)", "Tasks, one row per task (formula-safe for spreadsheets)"),
    "dl_obligations": ("Nghĩa vụ có ngày hạn và tình trạng", "Dated obligations and their status"),
    "dl_progress": ("Các mục báo cáo tiến độ (đã áp dụng đính chính), với ngày nộp và ngày công bố", "Progress report entries (corrections applied), with the dates submitted and published"),
    "dl_targets": ("Chỉ tiêu số theo năm, với giá trị báo cáo mới nhất", "Numeric targets per year, with the latest value reported"),
    "dl_schema": ("Lược đồ JSON cho tệp", "JSON Schema for"),
    "dl_datapackage": ("Mô tả các tệp CSV theo chuẩn Frictionless Data Package: bảng mã, dấu phân cách, tên và kiểu của từng cột", "The CSV files described as a Frictionless Data Package: encoding, delimiter, and each column's name and type"),
    "dl_csv_note": ("Các tệp CSV mã hóa UTF-8 và bắt đầu bằng dấu BOM (byte order mark) để Excel trên Windows hiện đúng tiếng Việt khi mở tệp bằng cách bấm đúp. pandas, frictionless và mô-đun csv của Python (bảng mã utf-8-sig) đọc được các tệp như vậy; ô bắt đầu bằng =, +, - hay @ được thêm dấu ' ở đầu để bảng tính không chạy nó như công thức.", "The CSV files are UTF-8 and start with a byte order mark (BOM), so that Excel on Windows shows Vietnamese correctly when a file is opened by double-click. pandas, frictionless and Python's csv module (with the utf-8-sig codec) read them as they are; a cell starting with =, +, - or @ gets a leading ' so that a spreadsheet never runs it as a formula."),
    "dl_data_schemas": ("Lược đồ JSON của dữ liệu mở", "JSON Schemas of the open data"),
    "dl_input_schemas": ("Lược đồ JSON của các tệp dữ liệu kế hoạch (plan-data/) và báo cáo", "JSON Schemas of the plan-data files and of reports"),
    "dl_ics_plan": ("Lịch mọi nghĩa vụ của kế hoạch", "Calendar of every obligation in the plan"),
    "dl_ics_agency": ("Lịch nghĩa vụ theo đơn vị", "Obligations calendar per agency"),
    "dl_feed": ("Nguồn tin Atom các cập nhật", "Atom feed of updates"),
    "schemas": ("Lược đồ JSON", "JSON Schemas"),
    "open_data": ("Dữ liệu mở", "Open data"),
    "calendars": ("Lịch", "Calendars"),
    "feeds": ("Nguồn tin", "Feeds"),
    "not_available": ("Chưa có trong bản dựng này.", "Not available in this build."),
    # --- page descriptions (search results, links shared in chat apps and social sites) -----------
    "desc.section": ("{title}: {tasks} của Kế hoạch {number}.", "{title}: {tasks} in Plan {number}."),
    "desc.agency": ("{agency} chủ trì {lead} và phối hợp {coordinating} của Kế hoạch {number}: việc phải làm từng năm, hạn sắp tới, lịch nghĩa vụ và tình hình báo cáo.", "{agency} leads {lead} and coordinates {coordinating} of Plan {number}: what it owes each year, its next deadlines, its calendar and its reports."),
    "desc.agency_lead": ("{agency} chủ trì {lead} của Kế hoạch {number}: việc phải làm từng năm, hạn sắp tới, lịch nghĩa vụ và tình hình báo cáo.", "{agency} leads {lead} of Plan {number}: what it owes each year, its next deadlines, its calendar and its reports."),
    "desc.agency_coordinating": ("{agency} phối hợp {coordinating} của Kế hoạch {number}: việc phải làm từng năm, hạn sắp tới, lịch nghĩa vụ và tình hình báo cáo.", "{agency} coordinates {coordinating} of Plan {number}: what it owes each year, its next deadlines, its calendar and its reports."),
    "desc.agency_none": ("{agency} trong Kế hoạch {number}: nhiệm vụ, hạn và tình hình báo cáo.", "{agency} in Plan {number}: its tasks, deadlines and reports."),
    "desc.agency_year": ("{agency}: {count} có hạn năm {year}, theo quý, kèm trạng thái; in được trên giấy A4.", "{agency}: {count} due in {year}, by quarter, with their status; printable on A4 paper."),
    "desc.glossary": ("Các chữ viết tắt dùng trong Kế hoạch {number} và nghĩa đầy đủ của chúng.", "The abbreviations used in Plan {number} and what they stand for."),
    "desc.source": ("Văn bản nguồn của Kế hoạch {number}: bản chép lại từ OCR, độ tin cậy và mọi chỗ đọc chưa chắc chắn.", "The source of Plan {number}: a transcription of an OCR text, its confidence and every uncertain reading."),
    "desc.downloads": ("Dữ liệu mở của Kế hoạch {number}: JSON, CSV mở được bằng Excel, lược đồ JSON, lịch để đăng ký theo dõi và nguồn tin Atom.", "Open data of Plan {number}: JSON, CSV that opens in Excel, JSON Schemas, calendars to subscribe to and an Atom feed."),
    "desc.timeline_year": ("Sản phẩm đầu ra và hạn báo cáo năm {year} theo quý, kèm trạng thái.", "Deliverables and reporting deadlines of {year} by quarter, with their status."),
    "desc.progress": ("Tiến độ thực hiện Kế hoạch {number}: chỉ số kiểu PAR INDEX theo năm, chỉ tiêu, trạng thái nghĩa vụ theo kỳ, theo mục và theo đơn vị.", "Progress on Plan {number}: PAR-style measures per year, targets, and obligation status by period, section and agency."),
    "desc.targets": ("Các chỉ tiêu số của Kế hoạch {number} và giá trị các đơn vị đã báo cáo, theo năm.", "The numeric targets of Plan {number} and the values the agencies reported, year by year."),
    # --- timeline and progress pages -----------------------------------------------------------
    "as_of": ("Số liệu tính đến ngày {date}.", "Figures as of {date}."),
    "timeline_title": ("Lịch thực hiện", "Timeline"),
    "timeline_intro": ("Sản phẩm đầu ra và hạn báo cáo theo năm và quý, kèm trạng thái.", "Deliverables and reporting deadlines by year and quarter, with their status."),
    "progress_title": ("Tiến độ thực hiện", "Progress"),
    "by_period_title": ("Tiến độ theo kỳ", "Progress by period"),
    "by_section_title": ("Tiến độ theo mục", "Progress by section"),
    "by_agency_title": ("Tiến độ theo đơn vị", "Progress by agency"),
    "count": ("Số lượng", "Count"),
    "reporting_deadline": ("Hạn báo cáo", "Reporting deadline"),
    "deliverable": ("Sản phẩm / việc cần làm", "Deliverable"),
    "measures_title": ("Chỉ số kiểu PAR INDEX theo năm", "PAR-style measures per year"),
    "measures_intro": ("Tỷ lệ nhiệm vụ trong kế hoạch năm đã hoàn thành (mức: trên 90%, từ 70% đến 90%, dưới 70%) và việc nộp đúng hạn mọi báo cáo định kỳ.", "Share of the year's plan tasks completed (bands: above 90%, 70–90%, below 70%) and whether every periodic report was filed on time."),
    "tasks_planned": ("Nhiệm vụ trong năm", "Tasks in the year"),
    "tasks_done": ("Nhiệm vụ hoàn thành", "Tasks completed"),
    "share_done": ("Tỷ lệ hoàn thành", "Share completed"),
    "band": ("Mức", "Band"),
    "band_unsettled": ("Chưa xác định ({n} nhiệm vụ chưa có báo cáo)", "Not settled ({n} tasks without a report)"),
    "at_least": ("ít nhất {value}", "at least {value}"),
    "reports_on_time": ("Báo cáo định kỳ đúng hạn", "Periodic reports on time"),
    "not_assessed_short": ("Chưa đánh giá", "Not yet assessed"),
    "status_by_year": ("Trạng thái nghĩa vụ theo năm", "Obligation status by year"),
    "status_by_section": ("Trạng thái nghĩa vụ theo mục", "Obligation status by section"),
    "status_by_agency": ("Trạng thái nghĩa vụ theo đơn vị", "Obligation status by agency"),
    "targets_title": ("Chỉ tiêu và kết quả báo cáo", "Targets and reported values"),
    "targets_all": ("Tất cả chỉ tiêu", "All targets"),
    "targets_by_section": ("Mỗi mục có một trang với biểu đồ từng chỉ tiêu theo năm.", "Each section has a page with a chart of each target by year."),
    "targets_count": ("Số chỉ tiêu", "Targets"),
    "targets_reported": ("Đã có số liệu báo cáo", "With a reported value"),
    "reported_value": ("Giá trị báo cáo", "Reported value"),
    "no_value": ("Chưa có số liệu", "No value reported"),
    "or": ("hoặc", "or"),
    "met": ("Đạt chỉ tiêu", "Target met"),
    "by_year_suffix": ("đến năm {year}", "by {year}"),
    "yearly": ("hằng năm", "every year"),
    "quarter_of_year": ("Quý {roman}/{year}", "Q{quarter} {year}"),
    # --- the Atom feed -------------------------------------------------------------------------
    "feed_title": ("Tiến độ thực hiện Quyết định {number}", "Progress on Decision {number}"),
    "feed_subtitle": ("Cập nhật tiến độ do các đơn vị báo cáo, mỗi mục là một nội dung báo cáo.", "Progress updates as reported by the agencies, one entry per reported item."),
    "feed_author": ("Cổng theo dõi CCHC Gia Lai", "Gia Lai PAR tracker"),
    "entry_status": ("Trạng thái: {status}", "Status: {status}"),
    "entry_percent": ("Mức hoàn thành: {percent}", "Completion: {percent}"),
    "entry_reported": ("Ngày báo cáo: {date}", "Reported on: {date}"),
    "entry_completed": ("Ngày hoàn thành: {date}", "Completed on: {date}"),
    "entry_report": ("Báo cáo {period} của {agency}, gửi ngày {date}", "Report {period} from {agency}, sent on {date}"),
    "entry_evidence": ("Minh chứng: {items}", "Evidence: {items}"),
    "entry_target": ("Chỉ tiêu {id}: {value}", "Target {id}: {value}"),
    "entry_note": ("Ghi chú: {note}", "Note: {note}"),
    "entry_corrects": ("Đính chính nội dung {ref}", "Corrects entry {ref}"),
    # --- calendars -----------------------------------------------------------------------------
    "calendar_plan": ("Lịch nghĩa vụ — Kế hoạch {number}", "Obligations — Plan {number}"),
    "calendar_agency": ("Lịch nghĩa vụ — {agency}", "Obligations — {agency}"),
    "unknown_agency": ("đơn vị chưa rõ", "agency unknown"),
    "event_summary": ("{doubts}{task} · {title}", "{doubts}{task} · {title}"),
    "event_summary_agency": ("{summary} — {agency}", "{summary} — {agency}"),
    "event_what": ("Nghĩa vụ: {title}", "Obligation: {title}"),
    "event_task": ("Nhiệm vụ {id}: {content}", "Task {id}: {content}"),
    "event_agency": ("Đơn vị: {agency} ({role})", "Agency: {agency} ({role})"),
    "event_source": ("Nguyên văn: {text}", "As printed: {text}"),
    "event_due": ("Hạn: {date}", "Due: {date}"),
    "event_status": ("Trạng thái ngày {date}: {status}", "Status on {date}: {status}"),
    "event_reason": ("Lưu ý: {text}", "Note: {text}"),
    # --- deadline rules in words (schedule) ----------------------------------------------------
    "when.plan_in_previous_q4": ("31/12 của năm trước liền kề mỗi năm kế hoạch", "31/12 of the year before each plan year"),
    "when.periodic_reports": ("Theo hạn của từng kỳ báo cáo CCHC định kỳ (nhiệm vụ {task})", "By the deadline of each periodic PAR report (task {task})"),
    "when.in_quarter": ("{end}, ngày cuối quý {roman} của mỗi năm kế hoạch", "{end}, the last day of Q{quarter} of each plan year"),
    "when.recurring_annual": ("31/12 của mỗi năm kế hoạch", "31/12 of each plan year"),
    "when.annual_report": ("Hạn báo cáo năm theo cấp báo cáo của đơn vị", "The annual-report deadline of the agency's reporting tier"),
    "when.per_plan": ("Không có hạn riêng: theo kế hoạch", "No date of its own: as set by the plan"),
    "when.per_regulation": ("Không có hạn riêng: theo quy định", "No date of its own: as prescribed by regulation"),
    "when.per_roadmap": ("Không có hạn riêng: theo lộ trình", "No date of its own: according to the roadmap"),
    "when.lost_in_source": ("Không đọc được thời hạn trong bản gốc: không suy ra ngày", "The clause is illegible in the source: no date is derived"),
    "when.per_regulation_cited": ("Không có hạn riêng: theo quy định tại {citation}", "No date of its own: as prescribed by {citation}"),
    # --- why an obligation has no date, or does not apply (schedule) --------------------------
    "reason.no_date": ("Văn bản không nêu thời hạn riêng", "The source gives no date of its own"),
    "reason.no_tier": ("Đơn vị không thuộc cấp báo cáo nào nên không có hạn báo cáo năm", "The agency is in no reporting tier, so it has no annual-report deadline"),
    "reason.before_decision": ("Hạn {due} có trước ngày ban hành Quyết định {number}", "Due {due}, before Decision {number} was issued"),
    "reason.before_possible_dates": ("Hạn {due} có trước mọi ngày ban hành có thể của Quyết định {number} ({dates})", "Due {due}, before every possible date of Decision {number} ({dates})"),
    "reason.date_dependent": ("Áp dụng hay không tùy ngày ban hành Quyết định, bị mất trong bản gốc ({dates})", "Whether it applies depends on the decision's date, lost in the source ({dates})"),
    "reason.before_decision_month": ("Hạn {due} có trước tháng ban hành Quyết định {number} ({month})", "Due {due}, before Decision {number} was issued ({month})"),
    "reason.before_plan": ("Hạn {due} có trước khi giai đoạn kế hoạch bắt đầu ({year})", "Due {due}, before the plan period began ({year})"),
    # --- obligation titles (schedule) ----------------------------------------------------------
    "title.report_quarterly": ("Báo cáo quý {roman}/{year} gửi {recipient}", "Quarterly report Q{quarter} {year} to {recipient}"),
    "title.report_thematic": ("Báo cáo chuyên đề quý {roman}/{year} gửi {recipient}", "Thematic report Q{quarter} {year} to {recipient}"),
    "title.report_six_month": ("Báo cáo 6 tháng đầu năm {year} gửi {recipient}", "Six-month report (first half of {year}) to {recipient}"),
    "title.report_annual": ("Báo cáo năm {year} gửi {recipient}", "Annual report {year} to {recipient}"),
    "title.target": ("Chỉ tiêu năm {year}: {metric} {level}", "Target for {year}: {metric} {level}"),
    "title.plan_in_previous_q4": ("Ban hành kế hoạch năm {year}", "Issue the {year} plan"),
    "title.in_quarter": ("Hoàn thành trong quý {roman}/{year}", "Complete in Q{quarter} {year}"),
    "title.recurring_annual": ("Thực hiện trong năm {year}", "Carry out during {year}"),
    "title.annual_report": ("Báo cáo kết quả năm {year}", "Report the results of {year}"),
    "title.per_plan": ("Thực hiện theo kế hoạch năm {year}", "Carry out as planned in {year}"),
    "title.per_regulation": ("Thực hiện theo quy định năm {year}", "Carry out as prescribed in {year}"),
    "title.per_roadmap": ("Thực hiện theo lộ trình năm {year}", "Carry out per the roadmap in {year}"),
    "title.lost_in_source": ("Thời hạn bị mất trong bản gốc, năm {year}", "Deadline lost in the source, {year}"),
    "role.tier": ("Báo cáo cấp {number}", "Reporting tier {number}"),
    # --- statuses: one wording for an obligation's status and a report entry's status ---------
    "status.overdue": ("Quá hạn", "Overdue"),
    "status.due_soon": ("Sắp đến hạn", "Due soon"),
    "status.upcoming": ("Chưa đến hạn", "Upcoming"),
    "status.not_assessed": ("Chưa có báo cáo", "No report filed yet"),
    "status.not_started": ("Chưa thực hiện", "Not started"),
    "status.in_progress": ("Đang thực hiện", "In progress"),
    "status.done_late": ("Hoàn thành trễ hạn", "Done late"),
    "status.done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "status.done": ("Đã hoàn thành", "Done"),
    "status.date_dependent": ("Chưa rõ: tùy ngày ban hành", "Uncertain: depends on the decision's date"),
    "status.not_applicable": ("Không áp dụng", "Not applicable"),
    # --- roles, kinds and bands --------------------------------------------------------------
    "role.lead": ("Chủ trì", "Lead"),
    "role.coordinating": ("Phối hợp", "Coordinating"),
    "rule_kind.plan_in_previous_q4": ("Ban hành kế hoạch trong quý IV năm trước", "Plan issued in Q4 of the previous year"),
    "rule_kind.periodic_reports": ("Báo cáo theo chế độ định kỳ", "Under the periodic reporting regime"),
    "rule_kind.in_quarter": ("Hoàn thành trong quý", "Due within a quarter"),
    "rule_kind.recurring_annual": ("Thực hiện thường xuyên hằng năm", "Recurring every year"),
    "rule_kind.per_plan": ("Theo kế hoạch", "As set by the plan"),
    "rule_kind.annual_report": ("Báo cáo hằng năm", "Annual report"),
    "rule_kind.per_regulation": ("Theo quy định", "As prescribed by regulation"),
    "rule_kind.per_roadmap": ("Theo lộ trình", "According to the roadmap"),
    "rule_kind.lost_in_source": ("Mất chữ trong bản gốc", "Lost in the source"),
    "report_kind.quarterly": ("Báo cáo quý", "Quarterly report"),
    "report_kind.thematic": ("Báo cáo chuyên đề", "Thematic report"),
    "report_kind.six_month": ("Báo cáo 6 tháng", "Six-month report"),
    "report_kind.annual": ("Báo cáo năm", "Annual report"),
    "period.q1": ("Quý I", "Quarter 1"),
    "period.q2": ("Quý II", "Quarter 2"),
    "period.q3": ("Quý III", "Quarter 3"),
    "period.q4": ("Quý IV", "Quarter 4"),
    "period.h1": ("6 tháng đầu năm", "First six months"),
    "period.year": ("Cả năm", "Full year"),
    "band.above_90": ("Trên 90%", "Above 90%"),
    "band.70_90": ("Từ 70% đến 90%", "70% to 90%"),
    "band.below_70": ("Dưới 70%", "Below 70%"),
    "confidence.high": ("cao", "high"),
    "confidence.medium": ("trung bình", "medium"),
    "confidence.low": ("thấp", "low"),
    "comparator.eq": ("bằng {value}", "equal to {value}"),
    "comparator.gt": ("trên {value}", "more than {value}"),
    "comparator.gte": ("từ {value} trở lên", "at least {value}"),
    "agency_kind.provincial_committee": ("UBND tỉnh", "Provincial People's Committee"),
    "agency_kind.provincial_department": ("Sở", "Provincial department"),
    "agency_kind.provincial_office": ("Văn phòng", "Provincial office"),
    "agency_kind.district_committee": ("UBND cấp huyện", "District People's Committee"),
    "agency_kind.commune_committee": ("UBND cấp xã", "Commune People's Committee"),
    "agency_kind.media": ("Cơ quan báo chí", "Media"),
    "agency_kind.public_service_unit": ("Đơn vị sự nghiệp", "Public service unit"),
    "agency_kind.collective": ("Nhóm đơn vị", "Collective"),
    # --- the consolidated periodic report (Sở Nội vụ → UBND tỉnh) ----------------------------------
    "compiled.title": ("Báo cáo tổng hợp định kỳ", "Consolidated periodic reports"),
    "compiled.index_intro": ("Theo chế độ báo cáo của Kế hoạch, các cơ quan, đơn vị báo cáo Sở Nội vụ; Sở Nội vụ tổng hợp và báo cáo UBND tỉnh. Mỗi kỳ dưới đây có bản tổng hợp từ các báo cáo đã nộp trên cổng, kèm bản dự thảo Word để Sở Nội vụ kiểm tra, bổ sung và ký.", "Under the plan's reporting regime, agencies report to the Department of Home Affairs, which compiles their reports and reports to the Provincial People's Committee. Each period below has the compilation of the reports filed on this portal, with a Word draft for the Department to check, complete and sign."),
    "compiled.agency_intro": ("Sở Nội vụ tổng hợp báo cáo của các cơ quan, đơn vị và báo cáo UBND tỉnh theo từng kỳ. Cổng lập sẵn bản tổng hợp của mỗi kỳ và bản dự thảo Word:", "The Department of Home Affairs compiles the agencies' reports and reports to the Provincial People's Committee each period. The portal prepares each period's compilation and a Word draft:"),
    "compiled.intro": ("Bản tổng hợp các báo cáo của cơ quan, đơn vị cho kỳ này, từ dữ liệu của cổng. Sở Nội vụ dùng làm dự thảo báo cáo gửi UBND tỉnh; đây không phải báo cáo chính thức.", "The agencies' reports for this period, compiled from the portal's data. The Department of Home Affairs uses it as the draft of its report to the Provincial People's Committee; it is not the official report."),
    "compiled.period_quarter": ("quý {roman} năm {year}", "Q{quarter} {year}"),
    "compiled.period_h1": ("6 tháng đầu năm {year}", "first half of {year}"),
    "compiled.period_year": ("năm {year}", "the year {year}"),
    "compiled.page_title": ("Báo cáo tổng hợp {period}", "Consolidated report, {period}"),
    "compiled.download": ("Tải bản dự thảo Word (.docx, tiếng Việt)", "Download the Word draft (.docx, in Vietnamese)"),
    "compiled.opening": ("Thực hiện Kế hoạch ban hành kèm Quyết định số {number} của Ủy ban nhân dân tỉnh Gia Lai, Sở Nội vụ tổng hợp báo cáo của các cơ quan, đơn vị {period} như sau:", "Under the plan issued with Decision {number} of the Gia Lai Provincial People's Committee, the Department of Home Affairs compiles the agencies' reports for {period} as follows:"),
    "compiled.as_of": ("Số liệu tổng hợp từ cổng theo dõi, tính đến ngày {date}.", "Figures compiled from the tracking portal, as of {date}."),
    "compiled.tier2": ("Báo cáo của Sở Nội vụ gửi UBND tỉnh cho kỳ này: hạn {due}; trạng thái: {status}.", "The Department of Home Affairs' report to the Provincial People's Committee for this period: due {due}; status: {status}."),
    "compiled.h_senders": ("Tình hình báo cáo của các cơ quan, đơn vị", "Reports from the agencies"),
    "compiled.senders_summary": ("Có {owed} cơ quan, đơn vị phải báo cáo (hạn {due}): {on_time} báo cáo đúng hạn, {late} báo cáo trễ hạn, {missing} chưa báo cáo, {open} chưa đến hạn.", "{owed} agencies owed a report (due {due}): {on_time} on time, {late} late, {missing} not filed, {open} not yet due."),
    "compiled.h_tasks": ("Kết quả thực hiện nhiệm vụ", "Results by task"),
    "compiled.no_entries": ("Chưa có cơ quan, đơn vị nào báo cáo kết quả thực hiện nhiệm vụ cho kỳ này; cổng không có thông tin về việc đã thực hiện.", "No agency has reported results for this period; the portal holds no information about what was done."),
    "compiled.h_targets": ("Chỉ tiêu", "Targets"),
    "compiled.h_outstanding": ("Nghĩa vụ đến hạn trong kỳ chưa có báo cáo", "Obligations due in the period without a report"),
    "compiled.none_outstanding": ("Không có.", "None."),
    "compiled.h_measures": ("Đánh giá chung", "Overall assessment"),
    "compiled.measure_tasks": ("Năm {year}: {done}/{total} nhiệm vụ hoàn thành ({share}); mức: {band}.", "{year}: {done} of {total} tasks completed ({share}); band: {band}."),
    "compiled.measure_reports": ("Báo cáo định kỳ đúng hạn: {on_time}/{total}; tất cả đúng hạn: {all}.", "Periodic reports on time: {on_time} of {total}; all on time: {all}."),
    "compiled.parent_body": ("ỦY BAN NHÂN DÂN TỈNH GIA LAI", "GIA LAI PROVINCIAL PEOPLE'S COMMITTEE"),
    "compiled.issuing_body": ("SỞ NỘI VỤ", "DEPARTMENT OF HOME AFFAIRS"),
    "compiled.number_field": ("Số:        /BC-SNV", "No.:        /BC-SNV"),
    "compiled.place_date": ("Gia Lai, ngày      tháng      năm {year}", "Gia Lai, date:                {year}"),
    "compiled.doc_title": ("BÁO CÁO", "REPORT"),
    "compiled.subtitle": ("Kết quả thực hiện Kế hoạch duy trì, nâng cao Chỉ số cải cách hành chính (PAR INDEX) tỉnh Gia Lai {period}", "Implementation of the plan to maintain and raise Gia Lai's Public Administration Reform Index (PAR INDEX), {period}"),
    "compiled.recipients": ("Nơi nhận:", "Recipients:"),
    "compiled.recipient_ppc": ("UBND tỉnh (b/c);", "Provincial People's Committee (to report);"),
    "compiled.recipient_agencies": ("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố;", "Provincial departments; district-level People's Committees;"),
    "compiled.recipient_filed": ("Lưu: VT, CCHC.", "Filed: records, PAR division."),
    "compiled.signature_authority": ("GIÁM ĐỐC", "DIRECTOR"),
    "compiled.draft_notice": ("DỰ THẢO — tổng hợp tự động từ cổng theo dõi; cần kiểm tra, bổ sung, ghi số, ngày và ký trước khi ban hành", "DRAFT — compiled automatically from the tracking portal; to be checked, completed, numbered, dated and signed before it is issued"),
    "compiled.demo_watermark": ("BẢN MINH HỌA", "DEMO"),
    "compiled.national_title": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "compiled.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "compiled.filed": ("Đã nộp", "Filed"),
    "compiled.not_filed": ("Chưa nộp", "Not filed"),
    # --- the pull-request summary (partracker diff) --------------------------------------------
    "pr.title": ("Tóm tắt thay đổi", "Summary of changes"),
    "pr.compared": ("So sánh {base} với {head}.", "Comparing {base} with {head}."),
    "pr.added": ("Báo cáo mới", "New reports"),
    "pr.rewritten": ("Tệp báo cáo đã nộp bị sửa hoặc xóa (không được phép; kiểm tra sẽ báo lỗi)", "Filed report files changed or deleted (not allowed; validation fails)"),
    "pr.statuses": ("Trạng thái nhiệm vụ thay đổi", "Task statuses that change"),
    "pr.targets": ("Giá trị chỉ tiêu thay đổi", "Target values that change"),
    "pr.obligations": ("Trạng thái nghĩa vụ thay đổi", "Obligation statuses that change"),
    "pr.no_schedule": ("Không tính được nghĩa vụ: dữ liệu kế hoạch ở một phía có lỗi.", "Obligations could not be computed: the plan data on one side has errors."),
    "pr.none": ("Không có.", "None."),
    "pr.before": ("Trước", "Before"),
    "pr.after": ("Sau", "After"),
    "pr.entry": ("Mục báo cáo", "Report entry"),
    "pr.correction": ("đính chính", "correction"),
    # --- the command line ----------------------------------------------------------------------
    "cli.valid": ("{data}: hợp lệ — {tasks}, {agencies}, {reports}.", "{data}: valid — {tasks}, {agencies}, {reports}."),
    "cli.problems": ("{count}, không có gì được xuất bản.", "{count}; nothing was published."),
    "cli.built": ("{site}: vi/, en/ — số liệu tính đến {date}{demo}", "{site}: vi/, en/ — data as of {date}{demo}"),
    "cli.build_failed": ("Dựng trang thất bại, không có gì được xuất bản: {detail}", "Build failed, nothing was published: {detail}"),
    "cli.obligations_count": ("{count}, trạng thái tính đến ngày {date}.", "{count}, status as of {date}."),
    "cli.report_created": ("đã tạo — {count}", "created — {count}"),
    "cli.symlinks": ("{count} trong dự án; không có gì được xuất bản.", "{count} in the project; nothing was published."),
    # Counts: Vietnamese nouns do not change with the number; English ones do ("singular|plural", see Labels.count).
    "count.tasks": ("{n} nhiệm vụ", "{n} task|{n} tasks"),
    "count.agencies": ("{n} đơn vị", "{n} agency|{n} agencies"),
    "count.report_files": ("{n} tệp báo cáo", "{n} report file|{n} report files"),
    "count.problems": ("{n} lỗi", "{n} problem|{n} problems"),
    "count.obligations": ("{n} nghĩa vụ", "{n} obligation|{n} obligations"),
    "count.entries": ("{n} mục", "{n} entry|{n} entries"),
    "count.symlinks": ("{n} liên kết tượng trưng", "{n} symbolic link|{n} symbolic links"),
    "cli.col_id": ("Mã", "Id"),
    "cli.no_site_url": ("Lưu ý: deployment.yaml chưa ghi địa chỉ trang (site_url) và không có --base-url, nên trang dùng liên kết tương đối; nguồn tin Atom, lịch và sơ đồ trang không mang địa chỉ tuyệt đối.", "Note: deployment.yaml gives no site address (site_url) and no --base-url was given, so the site uses relative links; the Atom feed, calendars and sitemaps carry no absolute addresses."),
    "cli.no_repository": ("Lưu ý: deployment.yaml chưa ghi kho GitHub (repository), nên trang lập báo cáo cho chép và tải tệp thay vì mở GitHub, và trang không có liên kết tới kho.", "Note: deployment.yaml names no GitHub repository (repository), so the report builder offers copy and download instead of opening GitHub, and the site has no link to the repository."),
    "cli.no_git_history": (
        "Lưu ý: git không đọc được lịch sử của plan-data/ (không nằm trong một bản git, hoặc chưa có commit nào), nên chưa rõ ngày công bố của các báo cáo; trang ghi “chưa rõ”, không đoán.",
        "Note: git could not read the history of plan-data/ (not in a git checkout, or no commit yet), so the date each report became public is unknown; the site says “unknown” and guesses nothing.",
    ),
    "cli.shallow_history": (
        "Lưu ý: bản git này là bản sao nông (shallow), thiếu các commit cũ, nên chưa rõ ngày công bố của các báo cáo; lấy đủ lịch sử bằng git fetch --unshallow (hoặc fetch-depth: 0 trong workflow).",
        "Note: this git checkout is shallow (older commits are missing), so the date each report became public is unknown; fetch the whole history with git fetch --unshallow (or fetch-depth: 0 in the workflow).",
    ),
    "cli.no_organisation": ("Lưu ý: deployment.yaml chưa ghi tổ chức GitHub (organisation) và không có --org, nên CODEOWNERS chưa giao thư mục nào cho nhóm nào.", "Note: deployment.yaml names no GitHub organisation (organisation) and no --org was given, so CODEOWNERS gives no folder to any team."),
    # --- the report builder's form (words its script shows) ------------------------------------
    "builder.problems": ("Số lỗi: {count}. Sửa các ô được đánh dấu đỏ rồi bấm lại.", "Problems found: {count}. Fix the fields marked in red, then press the button again."),
    "builder.fix.required": ("điền ô này", "fill in this field"),
    "builder.fix.entries": ("chọn trạng thái cho ít nhất một nhiệm vụ", "set a status for at least one task"),
    "builder.fix.completed": ("điền ngày hoàn thành", "fill in the completion date"),
    "builder.fix.document": ("điền số văn bản, hoặc xóa ngày và liên kết của văn bản", "fill in the document number, or clear the document's date and link"),
    "builder.fix.date": ("viết ngày có thật theo dạng ngày/tháng/năm, ví dụ 05/03/2017", "write a real date as YYYY-MM-DD, e.g. 2017-03-05"),
    "builder.date_format": ("dd/mm/yyyy", "yyyy-mm-dd"),
    "builder.draft_restored": ("Đã khôi phục bản nháp lưu trong trình duyệt này.", "The draft kept in this browser was restored."),
    "builder.draft_saved": ("Bản nháp được lưu trong trình duyệt này (không gửi đi đâu).", "The draft is kept in this browser (nothing is sent anywhere)."),
    "builder.group.lead": ("Nhiệm vụ đơn vị chủ trì", "Tasks the agency leads"),
    "builder.group.coordinating": ("Nhiệm vụ đơn vị phối hợp", "Tasks the agency coordinates on"),
    "builder.group.via": ("Nhiệm vụ được giao qua một tập thể", "Tasks assigned through a collective"),
    "builder.clear_draft": ("Xóa bản nháp", "Clear the draft"),
    # --- the site's script (tables, the agency finder) ------------------------------------------
    "script.sort_by": ("Sắp xếp theo {column}", "Sort by {column}"),
    "script.table_tools": ("Lọc và tải bảng", "Filter and download the table"),
    "script.filter": ("Lọc", "Filter"),
    "script.filter_hint": ("Gõ để lọc các dòng", "Type to filter the rows"),
    "script.all": ("Tất cả", "All"),
    "script.csv": ("Tải các dòng đang hiện (CSV)", "Download the rows shown (CSV)"),
    "script.rows_shown": ("{shown}/{total} dòng", "{shown} of {total} rows"),
    "script.agencies_shown": ("{shown}/{total} đơn vị", "{shown} of {total} agencies"),
    "script.scroll_hint": ("Bảng rộng hơn màn hình: kéo ngang để xem thêm cột", "The table is wider than the screen: scroll sideways for more columns"),
}
"""Every word a reader sees, by key: (Vietnamese, English)."""

FAMILIES: tuple[str, ...] = (
    "status", "role", "rule_kind", "report_kind", "period", "band", "confidence", "comparator", "agency_kind", "when", "reason", "title",
)
"""Key families: ``family.code``, each code from one of the domain's vocabularies (or a wording rule)."""


class Labels:
    """The catalogue in one language: ``labels["home"]``, ``labels.home`` in templates, ``labels.status_name("overdue")``."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        """The language of every word returned."""
        self._index = 0 if lang == "vi" else 1

    def __getitem__(self, key: str) -> str:
        try:
            return LABELS[key][self._index]
        except KeyError:
            raise KeyError(f"Unknown label: {key!r}") from None

    def __getattr__(self, key: str) -> str:
        # Templates write labels.home; an unknown name fails loudly, like StrictUndefined.
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def format(self, key: str, **params: object) -> str:
        """The label ``key`` with its ``{name}`` fields filled in."""
        return self[key].format(**params)

    def count(self, key: str, n: int) -> str:
        """``n`` things in words that follow the number: "1 report file", "2 report files", "0 problems".

        A label of the ``count.`` keys holds one form, or ``singular|plural`` where the noun changes (English).
        """
        forms = self[key].split("|")
        return (forms[0] if n == 1 or len(forms) == 1 else forms[1]).format(n=n)

    def code(self, family: str, code: str, **params: object) -> str:
        """The label of ``code`` in a family (``status``, ``role``…), formatted with ``params``."""
        return self.format(f"{family}.{code}", **params)

    def status_name(self, code: str) -> str:
        """An obligation's or a report entry's status."""
        return self[f"status.{code}"]

    def role_name(self, role: str) -> str:
        """lead, coordinating, or a reporting tier (``tier-1`` → "Reporting tier 1")."""
        if role.startswith("tier-"):
            return self.format("role.tier", number=role.removeprefix("tier-"))
        return self[f"role.{role}"]


@lru_cache(maxsize=None)
def labels(lang: Lang) -> Labels:
    """The catalogue in ``lang``."""
    if lang not in ("vi", "en"):
        raise ValueError(f"Expected one of ('vi', 'en') but received: {lang!r}")
    return Labels(lang)


def bilingual(key: str, **params: object) -> Text:
    """A label in both languages, for outputs that carry both (JSON, calendars)."""
    return Text(labels("vi").format(key, **params), labels("en").format(key, **params))
