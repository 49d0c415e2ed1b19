"""Errors as an interface (Lỗi dữ liệu): every problem has a location, a message and a fix, in vi and en.

A clerk filing a report reads these messages, so each one says what was expected, what was
found, and what to do. The text of every message lives in :data:`MESSAGES`, keyed by a stable
code; tests assert the exact wording.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Lang = Literal["vi", "en"]

# code → (message vi, message en, fix vi, fix en); placeholders are filled from Problem.params.
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    # --- reading the file -------------------------------------------------------------
    "file.symlink": (
        "tệp là liên kết tượng trưng (symlink), không được chấp nhận",
        "the file is a symbolic link, which is not accepted",
        "thay liên kết bằng một tệp thật",
        "replace the link with a real file",
    ),
    "file.unexpected": (
        "tệp không thuộc loại nào mà plan-data/ chứa",
        "this file is not of any kind that plan-data/ holds",
        "xóa tệp, hoặc đặt nó đúng chỗ: {expected}",
        "remove it, or put it where it belongs: {expected}",
    ),
    "file.missing": (
        "thiếu tệp bắt buộc",
        "a required file is missing",
        "tạo tệp {expected}",
        "create {expected}",
    ),
    "file.unreadable": (
        "không đọc được tệp: {detail}",
        "the file cannot be read: {detail}",
        "kiểm tra quyền đọc và đường dẫn của tệp",
        "check the file's permissions and path",
    ),
    "yaml.encoding": (
        "tệp không phải UTF-8 (byte {byte})",
        "the file is not UTF-8 (byte {byte})",
        "lưu lại tệp với bảng mã UTF-8",
        "save the file again as UTF-8",
    ),
    "yaml.too_large": (
        "tệp quá lớn: {size} byte, giới hạn {limit} byte",
        "the file is too large: {size} bytes, limit {limit} bytes",
        "chia nội dung thành nhiều tệp nhỏ hơn",
        "split it into smaller files",
    ),
    "yaml.too_deep": (
        "lồng nhau quá sâu (giới hạn {limit} cấp)",
        "nesting is too deep (limit {limit} levels)",
        "giảm số cấp lồng nhau; dữ liệu kế hoạch không cần sâu như vậy",
        "flatten the structure; plan data never needs that depth",
    ),
    "yaml.too_many_nodes": (
        "tệp có quá nhiều phần tử (giới hạn {limit})",
        "the file has too many nodes (limit {limit})",
        "chia nội dung thành nhiều tệp nhỏ hơn",
        "split it into smaller files",
    ),
    "yaml.syntax": (
        "lỗi cú pháp YAML: {detail}",
        "YAML syntax error: {detail}",
        "kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm và dấu ngoặc kép ở dòng này",
        "check indentation (spaces, not tabs), colons and quotes on this line",
    ),
    "yaml.duplicate_key": (
        "khóa '{key}' lặp lại (đã có ở dòng {first_line})",
        "key '{key}' appears twice (first at line {first_line})",
        "giữ một khóa '{key}' và xóa khóa còn lại",
        "keep one '{key}' and delete the other",
    ),
    "yaml.alias": (
        "không dùng bí danh YAML (*{name})",
        "YAML aliases (*{name}) are not allowed",
        "viết đầy đủ giá trị thay cho bí danh",
        "write the value out in full instead of the alias",
    ),
    "yaml.anchor": (
        "không dùng neo YAML (&{name})",
        "YAML anchors (&{name}) are not allowed",
        "xóa &{name}",
        "delete &{name}",
    ),
    "yaml.merge_key": (
        "không dùng khóa gộp YAML (<<)",
        "YAML merge keys (<<) are not allowed",
        "viết đầy đủ các khóa thay cho <<",
        "write the keys out in full instead of <<",
    ),
    "yaml.tag": (
        "không dùng thẻ YAML {tag}",
        "YAML tag {tag} is not allowed",
        "xóa thẻ; đặt văn bản trong dấu ngoặc kép nếu cần",
        "remove the tag; put text in double quotes if needed",
    ),
    "yaml.complex_key": (
        "khóa phải là một chuỗi đơn giản",
        "a key must be plain text",
        "dùng khóa dạng chữ, ví dụ `status:`",
        "use a plain text key such as `status:`",
    ),
    "yaml.multiple_documents": (
        "tệp chứa nhiều tài liệu YAML (---)",
        "the file holds more than one YAML document (---)",
        "mỗi tệp chỉ chứa một tài liệu; xóa dòng --- thứ hai",
        "keep one document per file; delete the second ---",
    ),
    "yaml.empty": (
        "tệp rỗng",
        "the file is empty",
        "điền nội dung theo mẫu {expected}",
        "fill it in following {expected}",
    ),
    # --- schema ---------------------------------------------------------------------------
    "schema.required": (
        "thiếu trường bắt buộc '{name}'",
        "required field '{name}' is missing",
        "thêm '{name}:' vào đây",
        "add '{name}:' here",
    ),
    "schema.unknown_key": (
        "trường không xác định '{name}'",
        "unknown field '{name}'",
        "{suggestion_vi}",
        "{suggestion_en}",
    ),
    "schema.type": (
        "cần {expected_vi}; nhận được {got}",
        "expected {expected_en}; got {got}",
        "{hint_vi}",
        "{hint_en}",
    ),
    "schema.enum": (
        "cần một trong các giá trị {choices}; nhận được {got}",
        "expected one of {choices}; got {got}",
        "{hint_vi}",
        "{hint_en}",
    ),
    "schema.pattern": (
        "giá trị {got} không đúng dạng {what_vi}",
        "value {got} is not a valid {what_en}",
        "viết theo dạng {example}",
        "write it like {example}",
    ),
    "schema.min_items": (
        "danh sách cần ít nhất {limit} phần tử",
        "the list needs at least {limit} item(s)",
        "thêm phần tử vào danh sách",
        "add items to the list",
    ),
    "schema.line_range": (
        "cần đúng hai số dòng [đầu, cuối]; nhận được {got}",
        "expected exactly two line numbers [first, last]; got {got}",
        "viết dạng [140, 168]",
        "write it like [140, 168]",
    ),
    "schema.min_length": (
        "văn bản không được để trống",
        "the text must not be empty",
        "điền nội dung, hoặc ghi '[…]' nếu bản gốc bị mất chữ",
        "fill it in, or write '[…]' where the source text is lost",
    ),
    "schema.range": (
        "giá trị {got} nằm ngoài khoảng {minimum}–{maximum}",
        "value {got} is outside {minimum}–{maximum}",
        "dùng một số từ {minimum} đến {maximum}",
        "use a number from {minimum} to {maximum}",
    ),
    "schema.minimum": (
        "giá trị {got} nhỏ hơn {minimum}",
        "value {got} is less than {minimum}",
        "dùng một số từ {minimum} trở lên",
        "use {minimum} or more",
    ),
    "schema.maximum": (
        "giá trị {got} lớn hơn {maximum}",
        "value {got} is more than {maximum}",
        "dùng một số không quá {maximum}",
        "use {maximum} or less",
    ),
    "schema.unique": (
        "danh sách có phần tử trùng nhau",
        "the list has duplicate items",
        "xóa phần tử trùng",
        "delete the duplicate",
    ),
    "schema.other": (
        "giá trị không hợp lệ: {detail}",
        "invalid value: {detail}",
        "đối chiếu với lược đồ {schema}",
        "compare with the schema {schema}",
    ),
    # --- cross-file integrity -------------------------------------------------------------
    "ref.agency": (
        "đơn vị '{got}' không có trong danh mục đơn vị",
        "agency '{got}' is not in the agencies registry",
        "{hint_vi}",
        "{hint_en}",
    ),
    "ref.group": (
        "nhóm '{got}' không có trong groups.yaml",
        "group '{got}' is not in groups.yaml",
        "dùng một trong {choices}",
        "use one of {choices}",
    ),
    "ref.task": (
        "nhiệm vụ '{got}' không có trong kế hoạch",
        "task '{got}' is not in the plan",
        "{hint_vi}",
        "{hint_en}",
    ),
    "id.duplicate": (
        "mã '{got}' đã dùng ở {first}",
        "id '{got}' is already used at {first}",
        "đặt một mã khác, chưa dùng",
        "choose another id that is not used yet",
    ),
    "id.case_collision": (
        "mã '{got}' chỉ khác '{other}' ở chữ hoa/thường",
        "id '{got}' differs from '{other}' only in letter case",
        "đặt một mã khác hẳn",
        "choose a clearly different id",
    ),
    "id.unsafe": (
        "mã {got} chứa ký tự không an toàn (chỉ dùng a-z, 0-9, dấu gạch ngang)",
        "id {got} holds unsafe characters (use only a-z, 0-9 and hyphens)",
        "viết lại mã chỉ bằng chữ ASCII, ví dụ {example}",
        "rewrite it in plain ASCII, e.g. {example}",
    ),
    "id.mismatch": (
        "mã '{got}' không khớp với {expected_vi}",
        "id '{got}' does not match {expected_en}",
        "đổi thành '{expected}'",
        "change it to '{expected}'",
    ),
    "text.unsafe_chars": (
        "văn bản chứa ký tự điều khiển hoặc ký tự ẩn ({chars})",
        "the text holds control or invisible characters ({chars})",
        "xóa các ký tự đó (thường do sao chép từ Word hoặc PDF)",
        "delete them (they usually come from copying out of Word or a PDF)",
    ),
    "text.placeholder": (
        "văn bản còn để mẫu: {got}",
        "the text is still a placeholder: {got}",
        "điền nội dung thật, hoặc '[…]' nếu bản gốc bị mất chữ",
        "write the real text, or '[…]' where the source is lost",
    ),
    "order.numbering": (
        "số thứ tự {got} không liên tiếp (cần {expected})",
        "number {got} is out of sequence (expected {expected})",
        "đánh số lại cho liên tiếp",
        "renumber in sequence",
    ),
    "source.range": (
        "dòng nguồn {got} nằm ngoài tệp nguồn (1–{limit})",
        "source line {got} is outside the source file (1–{limit})",
        "sửa số dòng theo `cat -n` của tệp nguồn",
        "fix the line number using `cat -n` on the source file",
    ),
    "date.invalid": (
        "ngày {got} không có thật",
        "date {got} does not exist",
        "viết ngày có thật theo dạng \"YYYY-MM-DD\", ví dụ \"2017-03-05\"",
        "write a real date as \"YYYY-MM-DD\", e.g. \"2017-03-05\"",
    ),
    # --- what the source leaves uncertain (plan data) ----------------------------------------
    "decision.possible_dates_with_date": (
        "đã có ngày ban hành ({date}); possible_dates chỉ dùng khi date là null",
        "the date of issue is known ({date}); possible_dates belongs only with date: null",
        "xóa possible_dates, hoặc đặt date: null nếu bản gốc mất một phần ngày",
        "delete possible_dates, or set date: null if the source lost part of the day",
    ),
    "decision.possible_dates_order": (
        "các ngày {got} không theo thứ tự tăng dần",
        "the dates {got} are not in ascending order",
        "sắp xếp từ sớm đến muộn: {expected}",
        "sort them from earliest to latest: {expected}",
    ),
    "decision.possible_date_month": (
        "ngày {got} không thuộc tháng ban hành {month}",
        "date {got} is not in the month of issue {month}",
        "sửa ngày cho nằm trong tháng {month}, hoặc sửa month",
        "use a date within {month}, or correct month",
    ),
    "members.collective": (
        "'{got}' là một tập thể; thành viên phải là đơn vị đã đăng ký, không phải tập thể",
        "'{got}' is a collective; members must be registered agencies, not collectives",
        "xóa '{got}' khỏi members.ids",
        "remove '{got}' from members.ids",
    ),
    "probable.already_named": (
        "đơn vị '{got}' đã có ở {where} của nhiệm vụ {task}; cách đọc có khả năng chỉ nêu đơn vị không đọc được",
        "agency '{got}' is already in {where} of task {task}; a probable reading names only agencies that cannot be read",
        "xóa '{got}' khỏi probable, hoặc khỏi {where} nếu chữ không đọc được",
        "remove '{got}' from probable, or from {where} if the words are not legible",
    ),
    "probable.not_lost": (
        "ô có cách đọc có khả năng (probable) nhưng text.{lang} không có […]",
        "the cell has probable readings but text.{lang} has no […]",
        "ghi […] vào chỗ chữ bị mất; chữ đọc được thì ghi vào agencies, không ghi vào probable",
        "write […] where the words are lost; legible words belong in agencies, not in probable",
    ),
    "probable.line_outside": (
        "dòng {got} nằm ngoài các đoạn nguồn của nhiệm vụ ({ranges})",
        "line {got} is outside the task's source ranges ({ranges})",
        "dùng một dòng trong source_ranges của nhiệm vụ, hoặc mở rộng source_ranges",
        "use a line within the task's source_ranges, or extend source_ranges",
    ),
    "text.elided": (
        "văn bản có dấu '…' ngoài '[…]': cách đọc và lý do phải được viết đầy đủ",
        "the text has '…' outside '[…]': a reading and its reasoning must be written out in full",
        "viết đầy đủ, trích nguyên các mảnh OCR; '[…]' chỉ dùng cho chữ bị mất trong bản gốc",
        "write it out in full, quoting OCR fragments whole; '[…]' marks only text lost in the source",
    ),
    "column.not_in_cell": (
        "đơn vị '{got}' không có trong agencies hay probable của ô này",
        "agency '{got}' is in neither the agencies nor the probable readings of this cell",
        "chỉ ghi đơn vị của chính ô này: {choices}",
        "list only this cell's agencies: {choices}",
    ),
    "target.lost_pair": (
        "value và comparator phải cùng là null (con số bị mất) hoặc cùng có giá trị",
        "value and comparator must both be null (figure lost) or both be set",
        "đặt cả hai là null, hoặc ghi cả hai",
        "set both to null, or fill in both",
    ),
    "target.lost_without_note": (
        "con số của chỉ tiêu bị mất nhưng nhiệm vụ không có ghi chú giải thích",
        "the target's figure is lost but the task has no note explaining it",
        "thêm vào notes của nhiệm vụ dòng nguồn và phần chữ còn thấy",
        "add to the task's notes the source line and what is still visible",
    ),
    # --- progress reports (báo cáo tiến độ) -------------------------------------------------
    "date.future": (
        "ngày {got} muộn hơn ngày đối chiếu {as_of}",
        "date {got} is after the as-of date {as_of}",
        "kiểm tra lại năm và tháng; chỉ báo cáo việc đã xảy ra",
        "check the year and month; report only what has already happened",
    ),
    "url.not_https": (
        "liên kết {got} không bắt đầu bằng https://",
        "link {got} does not start with https://",
        "dùng liên kết https:// tới văn bản đã công bố, hoặc xóa dòng url",
        "use an https:// link to the published document, or delete the url line",
    ),
    "report.file_name": (
        "tên tệp '{got}' không đúng dạng <kỳ>.yaml hoặc <kỳ>-<n>.yaml",
        "file name '{got}' is not <period>.yaml or <period>-<n>.yaml",
        "đặt tên như 2017-q1.yaml (quý), 2017-h1.yaml (6 tháng), 2017-year.yaml (năm), 2017-q1-2.yaml (báo cáo bổ sung)",
        "name it like 2017-q1.yaml (quarter), 2017-h1.yaml (six months), 2017-year.yaml (year), 2017-q1-2.yaml (supplementary report)",
    ),
    "report.agency_mismatch": (
        "đơn vị '{got}' khác với thư mục của tệp ({expected})",
        "agency '{got}' differs from the file's folder ({expected})",
        "đổi thành '{expected}', hoặc đặt tệp trong thư mục plan-data/progress/{got}/",
        "change it to '{expected}', or put the file in plan-data/progress/{got}/",
    ),
    "report.period_mismatch": (
        "kỳ báo cáo '{got}' khác với tên tệp ({expected})",
        "period '{got}' differs from the file name ({expected})",
        "đổi thành '{expected}', hoặc đổi tên tệp cho khớp",
        "change it to '{expected}', or rename the file to match",
    ),
    "report.period_outside": (
        "kỳ báo cáo '{got}' nằm ngoài các năm của kế hoạch ({start}–{end})",
        "period '{got}' is outside the plan years ({start}–{end})",
        "chọn một kỳ trong các năm {start}–{end}",
        "choose a period in the years {start}–{end}",
    ),
    "report.not_assigned": (
        "đơn vị '{agency}' không chủ trì cũng không phối hợp nhiệm vụ {task}",
        "agency '{agency}' is neither lead nor coordinating agency of task {task}",
        "xóa mục này; mỗi đơn vị chỉ báo cáo nhiệm vụ được giao cho mình (xem `partracker new-report --agency {agency}`)",
        "delete this entry; an agency reports only on tasks assigned to it (see `partracker new-report --agency {agency}`)",
    ),
    "report.duplicate_task": (
        "nhiệm vụ {task} đã được báo cáo trong tệp này ở {first}",
        "task {task} is already reported in this file at {first}",
        "gộp hai mục làm một; để sửa một mục đã nộp, dùng `corrects`",
        "merge the two entries; to correct an entry already filed, use `corrects`",
    ),
    "report.target_unknown": (
        "nhiệm vụ {task} không có chỉ tiêu '{got}'",
        "task {task} has no target '{got}'",
        "{hint_vi}",
        "{hint_en}",
    ),
    "report.completed_missing": (
        "trạng thái done cần ngày hoàn thành",
        "status done needs the completion date",
        "thêm completed: \"YYYY-MM-DD\" (ngày hoàn thành)",
        "add completed: \"YYYY-MM-DD\" (the date the work was finished)",
    ),
    "report.completed_not_done": (
        "chỉ ghi ngày hoàn thành khi trạng thái là done (đang là {got})",
        "a completion date belongs only to status done (status is {got})",
        "xóa dòng completed, hoặc đặt status: \"done\"",
        "delete the completed line, or set status: \"done\"",
    ),
    "report.corrects_unknown": (
        "không có mục '{got}' trong các báo cáo của đơn vị {agency}",
        "there is no entry '{got}' in the reports of agency {agency}",
        "viết <kỳ>#<mã mục> của một mục đã nộp, ví dụ 2017-q1#e1 hoặc 2017-q1-2#e3",
        "write <period>#<entry id> of an entry already filed, e.g. 2017-q1#e1 or 2017-q1-2#e3",
    ),
    "report.corrects_not_earlier": (
        "mục '{got}' không thuộc một báo cáo nộp trước tệp này",
        "entry '{got}' is not in a report filed before this one",
        "chỉ sửa mục của một báo cáo trước; báo cáo bổ sung {supplement} có thể sửa {got}",
        "correct only entries of an earlier report; a supplementary report {supplement} can correct {got}",
    ),
    "report.exists": (
        "tệp {path} đã có; báo cáo đã nộp không được ghi đè",
        "{path} already exists; a filed report is never overwritten",
        "để sửa hay bổ sung, tạo báo cáo bổ sung {supplement} với mục có `corrects`",
        "to correct or add to it, create the supplementary report {supplement} with entries that `corrects` the old ones",
    ),
    "report.nothing_owed": (
        "đơn vị '{agency}' không chủ trì hay phối hợp nhiệm vụ nào trong kế hoạch",
        "agency '{agency}' is not lead or coordinating agency of any task in the plan",
        "kiểm tra mã đơn vị; đơn vị thuộc một tập thể (ví dụ so-ban-nganh-tinh) báo cáo bằng mã của mình",
        "check the agency id; a member of a collective (e.g. so-ban-nganh-tinh) reports under its own id",
    ),
    "history.changed": (
        "tệp báo cáo đã có ở {base} bị sửa (khác từ dòng {first_line}); lịch sử báo cáo chỉ được thêm, không được sửa",
        "a report file that exists at {base} was changed (differs from line {first_line}); report history is append-only",
        "khôi phục tệp như ở {base}, rồi nộp báo cáo bổ sung {supplement} với một mục `corrects` trỏ tới mục cũ",
        "restore the file as it is at {base}, then file a new supplementary report {supplement} with an entry that `corrects` the old one",
    ),
    "history.deleted": (
        "tệp báo cáo đã có ở {base} bị xóa; lịch sử báo cáo chỉ được thêm, không được xóa",
        "a report file that exists at {base} was deleted; report history is append-only",
        "khôi phục tệp như ở {base}, rồi nộp báo cáo bổ sung {supplement} với một mục `corrects` trỏ tới mục cũ",
        "restore the file as it is at {base}, then file a new supplementary report {supplement} with an entry that `corrects` the old one",
    ),
    "history.symlink": (
        "tệp báo cáo đã có ở {base} bị thay bằng liên kết tượng trưng (symlink)",
        "a report file that exists at {base} was replaced by a symbolic link",
        "khôi phục tệp như ở {base}, rồi nộp báo cáo bổ sung {supplement} với một mục `corrects` trỏ tới mục cũ",
        "restore the file as it is at {base}, then file a new supplementary report {supplement} with an entry that `corrects` the old one",
    ),
    "history.git": (
        "không đọc được lịch sử git ở '{base}': {detail}",
        "cannot read the git history at '{base}': {detail}",
        "kiểm tra tên nhánh hay commit; trong GitHub Actions dùng actions/checkout với fetch-depth: 0",
        "check the branch or commit name; in GitHub Actions use actions/checkout with fetch-depth: 0",
    ),
    # --- `partracker obligations` usage errors (lỗi cách dùng lệnh) ---------------------------
    "option.date_invalid": (
        "{option}: '{got}' không phải ngày hợp lệ",
        "{option}: '{got}' is not a valid date",
        "viết ngày có thật theo dạng YYYY-MM-DD, ví dụ 2017-03-05",
        "write a real date as YYYY-MM-DD, e.g. 2017-03-05",
    ),
    "as_of.epoch_invalid": (
        "SOURCE_DATE_EPOCH='{got}' không phải số giây Unix",
        "SOURCE_DATE_EPOCH='{got}' is not a number of Unix seconds",
        "đặt SOURCE_DATE_EPOCH là số nguyên, ví dụ 1514653200, hoặc dùng --as-of YYYY-MM-DD",
        "set SOURCE_DATE_EPOCH to an integer such as 1514653200, or pass --as-of YYYY-MM-DD",
    ),
    "build.no_config": (
        "không tìm thấy tệp cấu hình {path}",
        "the site configuration {path} was not found",
        "chạy lệnh trong thư mục dự án (nơi có mkdocs.yml), hoặc dùng --config đường/dẫn/mkdocs.yml",
        "run the command in the project folder (where mkdocs.yml is), or pass --config path/to/mkdocs.yml",
    ),
    "compiled.period_unknown": (
        "không có báo cáo tổng hợp cho kỳ '{got}'",
        "there is no consolidated report for the period '{got}'",
        "dùng một kỳ có báo cáo định kỳ: {choices}",
        "use a period with periodic reports: {choices}",
    ),
    "obligations.agency_unknown": (
        "không có đơn vị '{got}' trong plan-data/agencies.yaml",
        "there is no agency '{got}' in plan-data/agencies.yaml",
        "dùng một mã có sẵn: {choices}",
        "use an existing id: {choices}",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One located problem in a data file (Lỗi)."""

    file: str
    """Path shown to the reader, relative to the project root."""
    line: int
    """1-based line."""
    column: int
    """1-based column."""
    field: str
    """Dotted path of the field, e.g. ``tasks[2].status``."""
    code: str
    """Stable message code, a key of :data:`MESSAGES`."""
    params: dict[str, Any] = field(default_factory=dict)
    """Values for the message placeholders."""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Problems are reported by file, then position."""
        return (self.file, self.line, self.column, self.field, self.code)

    def parts(self, lang: Lang) -> tuple[str, str]:
        """The message and the fix hint in ``lang``."""
        vi, en, fix_vi, fix_en = MESSAGES[self.code]
        params = _Params(self.params)
        if lang == "vi":
            return vi.format_map(params), fix_vi.format_map(params)
        return en.format_map(params), fix_en.format_map(params)

    def format(self, lang: Lang = "en") -> str:
        """``file:line:col: field: message — fix: hint`` in ``lang``."""
        message, fix = self.parts(lang)
        label = "cách sửa" if lang == "vi" else "fix"
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {message} — {label}: {fix}"

    def github(self, lang: Lang = "en") -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        message, fix = self.parts(lang)
        label = "cách sửa" if lang == "vi" else "fix"
        body = f"{self.field}: {message} — {label}: {fix}"
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = self.file.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={file},line={self.line},col={self.column}::{body}"

    def as_json(self) -> dict[str, Any]:
        """Both languages, for tools."""
        vi, fix_vi = self.parts("vi")
        en, fix_en = self.parts("en")
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "code": self.code,
            "message": {"vi": vi, "en": en},
            "fix": {"vi": fix_vi, "en": fix_en},
        }


class _Params(dict):
    # A missing placeholder shows as itself rather than crashing the error report.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_problems(problems: list[Problem], *, lang: Lang, fmt: str) -> str:
    """All problems in one text, sorted, in the requested output format."""
    ordered = sorted(problems, key=Problem.sort_key)
    if fmt == "json":
        return json.dumps([p.as_json() for p in ordered], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(p.github(lang) for p in ordered)
    return "\n".join(p.format(lang) for p in ordered)


def agency_hint(agency_id: str, agency_ids: Iterable[str]) -> dict[str, str]:
    """The fix of a ``ref.agency`` problem: the closest registered id, or where the ids are."""
    close = difflib.get_close_matches(agency_id, sorted(agency_ids), n=1, cutoff=0.6)
    if close:
        return {"hint_vi": f"có phải ý bạn là '{close[0]}'?", "hint_en": f"did you mean '{close[0]}'?"}
    return {"hint_vi": "dùng một mã trong plan-data/agencies.yaml, hoặc thêm đơn vị vào đó", "hint_en": "use an id from plan-data/agencies.yaml, or add the agency there"}


def quote(value: Any) -> str:
    """A value as it appears in a message: text in quotes, other values as YAML would write them."""
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return "'" + shown.encode("unicode_escape").decode("ascii") + "'" if not shown.isprintable() else f"'{shown}'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        if len(value) <= 6 and all(isinstance(v, (int, float, str)) and not isinstance(v, bool) for v in value):
            return "[" + ", ".join(quote(v) for v in value) + "]"
        return "[…]"
    return str(value)


class DataInvalid(Exception):
    """The data has problems; nothing may be published."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems
