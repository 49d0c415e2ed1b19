"""Errors as an interface (Lỗi dữ liệu): every problem has a location, a message and a fix, in vi and en.

A clerk filing a report reads these messages, so each one says what was expected, what was
found, and what to do. The text of every message lives in :data:`MESSAGES`, keyed by a stable
code; tests assert the exact wording.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Lang = Literal["vi", "en"]

# code → (message vi, message en, fix vi, fix en); placeholders are filled from Problem.params.
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    # --- reading the file -------------------------------------------------------------
    "file.symlink": (
        "tệp này là một liên kết tượng trưng, trỏ tới một tệp khác; không được chấp nhận",
        "this file is a symbolic link to another file, which is not accepted",
        "thay liên kết bằng một tệp thật nằm trong dự án (trang web chỉ được dựng từ tệp của dự án)",
        "replace the link with a real file inside the project (the site is built only from the project's own files)",
    ),
    "dir.symlink": (
        "thư mục này là một liên kết tượng trưng, trỏ tới một thư mục khác; không được chấp nhận",
        "this folder is a symbolic link to another folder, which is not accepted",
        "thay liên kết bằng một thư mục thật nằm trong dự án (trang web chỉ được dựng từ tệp của dự án)",
        "replace the link with a real folder inside the project (the site is built only from the project's own files)",
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
    # YAML syntax: every message of the parser (libyaml or PyYAML's own) sorted into one of these (yamlload.classify).
    "yaml.syntax": (
        "cú pháp YAML không hợp lệ ở đây{began_vi}",
        "YAML syntax error: {detail}{began_en}",
        "kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm và dấu ngoặc kép ở dòng này",
        "check indentation (spaces, not tabs), colons and quotes on this line",
    ),
    "yaml.unclosed_quote": (
        "dấu {quote_vi} {char} mở ở dòng {open_line}, cột {open_column} chưa được đóng (trình đọc YAML dừng ở dòng {seen_line})",
        "the {quote_en} {char} opened at line {open_line}, column {open_column} is never closed (the YAML reader stopped at line {seen_line})",
        "thêm dấu {char} ở cuối văn bản đó, trên cùng dòng",
        "add the closing {char} at the end of that text, on the same line",
    ),
    "yaml.tab": (
        "dòng này có ký tự tab (U+0009) ở chỗ chỉ được dùng dấu cách{began_vi}",
        "this line has a tab character (U+0009) where only spaces are allowed{began_en}",
        "thay tab bằng dấu cách, thẳng hàng với các dòng cùng cấp (thường 2 dấu cách mỗi cấp)",
        "replace the tab with spaces, lined up with the lines at the same level (usually 2 spaces a level)",
    ),
    "yaml.special_char": (
        "giá trị không được bắt đầu bằng {char}, một ký tự đặc biệt của YAML{began_vi}",
        "a value cannot begin with {char}, a special character in YAML{began_en}",
        "đặt cả giá trị trong dấu ngoặc kép \"…\"",
        "put the whole value in double quotes \"…\"",
    ),
    "yaml.colon": (
        "dấu hai chấm ': ' không được đứng ở đây{began_vi}",
        "a colon ': ' is not allowed here{began_en}",
        "nếu giá trị có dấu hai chấm, đặt cả giá trị trong dấu ngoặc kép; nếu đây là một khóa mới, viết nó trên dòng riêng, thẳng hàng với các khóa khác",
        "if the value holds a colon, put the whole value in double quotes; if this is a new key, write it on its own line, lined up with the other keys",
    ),
    "yaml.missing_colon": (
        "dòng này có chữ nhưng thiếu dấu hai chấm ':' sau tên khóa",
        "this line holds text but no colon ':' after a key",
        "viết dạng `khóa: giá trị`; nếu đây là phần tiếp theo của văn bản ở dòng trên, đặt cả văn bản đó trong dấu ngoặc kép",
        "write `key: value`; if the line continues the text above, put that whole text in double quotes",
    ),
    "yaml.text_after_value": (
        "có chữ thừa sau giá trị trên dòng này{began_vi}",
        "there is more text after the value on this line{began_en}",
        "nếu phần chữ đó thuộc về giá trị, đặt cả giá trị trong một cặp dấu ngoặc kép (dấu \" bên trong viết \\\"); nếu không, xóa nó",
        "if it belongs to the value, put the whole value in one pair of double quotes (write \\\" for a quote inside); otherwise delete it",
    ),
    "yaml.list_in_mapping": (
        "phần tử danh sách '- ' đứng lẫn giữa các khóa{began_vi}",
        "a list item '- ' stands among keys{began_en}",
        "thụt các dòng '- ' vào sâu hơn khóa chứa danh sách, ví dụ `entries:` rồi `  - id: \"e1\"`",
        "indent the '- ' lines further than the key that holds the list, e.g. `entries:` then `  - id: \"e1\"`",
    ),
    "yaml.indentation": (
        "dòng này thụt lề không khớp với các dòng cùng cấp{began_vi}",
        "this line's indentation does not match the lines at its level{began_en}",
        "thụt lề dòng này bằng đúng số dấu cách như các khóa cùng cấp ở trên",
        "indent this line by exactly as many spaces as the keys at the same level above",
    ),
    "yaml.unclosed_bracket": (
        "ngoặc {bracket} mở ở dòng {open_line}, cột {open_column} chưa được đóng, hoặc thiếu dấu phẩy giữa hai phần tử",
        "the bracket {bracket} opened at line {open_line}, column {open_column} is not closed, or a comma is missing between two items",
        "đóng bằng {closer} ở cuối và ngăn các phần tử bằng dấu phẩy; văn bản có dấu phẩy, dấu hai chấm hay dấu ngoặc thì đặt trong dấu ngoặc kép",
        "close it with {closer} and separate the items with commas; put text that holds a comma, a colon or a bracket in double quotes",
    ),
    "yaml.missing_value": (
        "thiếu giá trị: gặp {char} ở chỗ cần một giá trị{began_vi}",
        "a value is missing: found {char} where a value should be{began_en}",
        "viết giá trị ở đây; nếu giá trị bắt đầu bằng ký tự đó, đặt cả giá trị trong dấu ngoặc kép",
        "write the value here; if the value begins with that character, put it all in double quotes",
    ),
    "yaml.escape": (
        "trong dấu ngoặc kép, dấu gạch chéo ngược \\ phải đi với một mã hợp lệ như \\n, \\\" hoặc \\\\{began_vi}",
        "inside double quotes, a backslash \\ must begin a valid escape such as \\n, \\\" or \\\\{began_en}",
        "viết \\\\ cho một dấu gạch chéo ngược, hoặc dùng ngoặc đơn '…', trong đó \\ là một ký tự thường",
        "write \\\\ for one backslash, or use single quotes '…', where \\ is an ordinary character",
    ),
    "yaml.block_scalar": (
        "sau ký hiệu khối văn bản '|' hoặc '>' chỉ được xuống dòng{began_vi}",
        "only a line break may follow the block text sign '|' or '>'{began_en}",
        "viết văn bản ở các dòng sau, thụt vào; hoặc đặt văn bản trong dấu ngoặc kép",
        "write the text on the following lines, indented; or put it in double quotes",
    ),
    "yaml.list_after_key": (
        "danh sách '- ' không được bắt đầu trên cùng dòng với khóa của nó{began_vi}",
        "a list '- ' cannot begin on the same line as its key{began_en}",
        "xuống dòng, thụt vào hai dấu cách rồi viết '- …'; hoặc viết cả danh sách trên một dòng: [a, b]",
        "start a new line, indent two spaces, then write '- …'; or write the whole list on one line: [a, b]",
    ),
    "yaml.document_marker": (
        "dòng '---' hoặc '...' nằm giữa một giá trị chưa kết thúc{began_vi}",
        "a '---' or '...' line falls inside an unfinished value{began_en}",
        "kết thúc giá trị trước dòng đó (đóng dấu ngoặc), hoặc xóa dòng đó",
        "finish the value before that line (close its bracket or quote), or delete the line",
    ),
    "yaml.directive": (
        "dòng bắt đầu bằng '%' là chỉ thị YAML, không dùng trong tệp dữ liệu",
        "a line beginning with '%' is a YAML directive, which data files do not use",
        "xóa dòng đó; nếu đó là văn bản, thụt vào và đặt trong dấu ngoặc kép",
        "delete the line; if it is text, indent it and put it in double quotes",
    ),
    "yaml.after_end": (
        "phần này nằm sau chỗ tài liệu YAML đã kết thúc (một dấu ngoặc đóng thừa, hoặc một dòng '...')",
        "this comes after the YAML document has ended (an extra closing bracket, or a '...' line)",
        "xóa dấu ngoặc đóng thừa hoặc dòng '...' ở trên",
        "delete the extra closing bracket or the '...' line above",
    ),
    "yaml.end": (
        "tệp kết thúc khi một giá trị chưa xong{began_vi}",
        "the file ends before a value is finished{began_en}",
        "hoàn tất giá trị đó (đóng dấu ngoặc), hoặc xóa phần dở dang",
        "finish that value (close its bracket or quote), or delete the unfinished part",
    ),
    "yaml.invisible_char": (
        "dòng này có ký tự ẩn {char} ở chỗ YAML không chấp nhận",
        "this line holds the invisible character {char} where YAML does not accept it",
        "xóa ký tự đó (thường do sao chép từ Word hoặc PDF; trình soạn thảo có thể không hiện nó)",
        "delete it (it usually comes from copying out of Word or a PDF; an editor may not show it)",
    ),
    "yaml.control_char": (
        "tệp chứa ký tự điều khiển {char}, YAML không cho phép",
        "the file holds the control character {char}, which YAML does not allow",
        "xóa ký tự đó (thường do sao chép từ Word hoặc PDF)",
        "delete it (it usually comes from copying out of Word or a PDF)",
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
        "cần {expected_vi}; nhận được {got_vi}",
        "expected {expected_en}; got {got_en}",
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
        "the list needs at least {limit} {items_en}",
        "{hint_vi}",
        "{hint_en}",
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
        "giá trị không hợp lệ ở đây",
        "invalid value: {detail}",
        "{hint_vi}",
        "{hint_en}",
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
    "file.case_collision": (
        "tên tệp '{got}' chỉ khác tệp '{other}' ở chữ hoa/thường",
        "the file name '{got}' differs from the file '{other}' only in letter case",
        "xóa hoặc đổi tên một trong hai tệp: trên Windows và macOS hai tên này là cùng một tệp",
        "delete or rename one of the two: on Windows and macOS both names are the same file",
    ),
    "agency.name_taken": (
        "tên '{got}' trùng với tên của đơn vị '{other}' ({first}), khi không tính chữ hoa/thường và dấu cách",
        "the name '{got}' is the same as a name of agency '{other}' ({first}), ignoring letter case and spacing",
        "đặt một tên khác; nếu đây là cùng một đơn vị, xóa mục này và dùng mã '{other}'",
        "give it another name; if it is the same agency, delete this entry and use the id '{other}'",
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
        "đã có ngày ban hành ({date}); 'possible_dates' chỉ dùng khi 'date: null'",
        "the date of issue is known ({date}); 'possible_dates' belongs only with 'date: null'",
        "xóa 'possible_dates', hoặc đặt 'date: null' nếu bản gốc mất một phần ngày",
        "delete 'possible_dates', or set 'date: null' if the source lost part of the day",
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
        "sửa ngày cho nằm trong tháng {month}, hoặc sửa 'month'",
        "use a date within {month}, or correct 'month'",
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
        "xóa '{got}' khỏi 'probable', hoặc khỏi {where} nếu chữ không đọc được",
        "remove '{got}' from 'probable', or from {where} if the words are not legible",
    ),
    "probable.not_lost": (
        "ô có cách đọc có khả năng ('probable') nhưng 'text.{lang}' không có […]",
        "the cell has probable readings but text.{lang} has no […]",
        "ghi […] vào chỗ chữ bị mất; chữ đọc được thì ghi vào 'agencies', không ghi vào 'probable'",
        "write […] where the words are lost; legible words belong in 'agencies', not in 'probable'",
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
        "đơn vị '{got}' không có trong 'agencies' hay 'probable' của ô này",
        "agency '{got}' is in neither 'agencies' nor 'probable' of this cell",
        "chỉ ghi đơn vị của chính ô này: {choices}",
        "list only this cell's agencies: {choices}",
    ),
    "target.lost_pair": (
        "'value' và 'comparator' phải cùng là 'null' (con số bị mất) hoặc cùng có giá trị",
        "'value' and 'comparator' must both be 'null' (figure lost) or both be set",
        "đặt cả hai là 'null', hoặc ghi cả hai",
        "set both to 'null', or fill in both",
    ),
    "target.lost_without_note": (
        "con số của chỉ tiêu bị mất nhưng nhiệm vụ không có ghi chú giải thích",
        "the target's figure is lost but the task has no note explaining it",
        "thêm vào 'notes' của nhiệm vụ dòng nguồn và phần chữ còn thấy",
        "add to the task's 'notes' the source line and what is still visible",
    ),
    # --- progress reports (báo cáo tiến độ) -------------------------------------------------
    "date.future": (
        "ngày {got} muộn hơn ngày đối chiếu {as_of}",
        "date {got} is after the as-of date {as_of}",
        "kiểm tra lại năm và tháng; chỉ báo cáo việc đã xảy ra",
        "check the year and month; report only what has already happened",
    ),
    "report.date_before_period": (
        "ngày {got} có trước kỳ báo cáo {period} (kỳ bắt đầu ngày {first})",
        "date {got} is before the reporting period {period} (which begins on {first})",
        "báo cáo kỳ {period} ghi ngày {window_vi}; kiểm tra lại năm, hoặc đặt tệp vào đúng kỳ",
        "a report on {period} is dated {window_en}; check the year, or file it under the right period",
    ),
    "report.date_after_window": (
        "ngày {got} quá muộn cho báo cáo kỳ {period}: báo cáo kỳ này ghi ngày {window_vi}",
        "date {got} is too late for a report on {period}: such a report is dated {window_en}",
        "kiểm tra lại năm; để sửa hay bổ sung báo cáo kỳ này sau thời hạn đó, nộp báo cáo bổ sung {supplement}",
        "check the year; to correct or complete this period's report after that, file the supplementary report {supplement}",
    ),
    "report.submitted_after_published": (
        "ngày {got} muộn hơn ngày tệp báo cáo được đưa lên nhánh chính ({published}); báo cáo không thể gửi sau khi đã công bố",
        "date {got} is after the day the report file reached the main branch ({published}); a report cannot be sent after it was made public",
        "ghi đúng ngày đơn vị gửi báo cáo, không muộn hơn {published}",
        "write the day the agency actually sent the report, no later than {published}",
    ),
    "report.empty": (
        "tệp báo cáo rỗng",
        "the report file is empty",
        "viết theo mẫu báo cáo: `agency: \"{agency}\"`, `period: \"{period}\"`, `submitted: \"YYYY-MM-DD\"`, rồi `entries:` với `id`, `task`, `status`, `reported` cho mỗi mục; hoặc xóa tệp rồi chạy `partracker new-report --agency {agency} --period {period}` để có mẫu điền sẵn",
        "write it from the report template: `agency: \"{agency}\"`, `period: \"{period}\"`, `submitted: \"YYYY-MM-DD\"`, then `entries:` with `id`, `task`, `status` and `reported` for each; or delete the file and run `partracker new-report --agency {agency} --period {period}` for a pre-filled one",
    ),
    "url.not_https": (
        "liên kết {got} không bắt đầu bằng https://",
        "link {got} does not start with https://",
        "dùng liên kết https:// tới văn bản đã công bố, hoặc xóa dòng `url`",
        "use an https:// link to the published document, or delete the `url` line",
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
        "trạng thái 'done' cần ngày hoàn thành",
        "status 'done' needs the completion date",
        "thêm dòng `completed: \"YYYY-MM-DD\"` (ngày hoàn thành)",
        "add the line `completed: \"YYYY-MM-DD\"` (the date the work was finished)",
    ),
    "report.completed_not_done": (
        "chỉ ghi ngày hoàn thành khi trạng thái là 'done' (đang là '{got}')",
        "a completion date belongs only to status 'done' (status is '{got}')",
        "xóa dòng `completed`, hoặc đặt `status: \"done\"`",
        "delete the `completed` line, or set `status: \"done\"`",
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
    # --- translations of report notes (bản dịch ghi chú) ---------------------------------------
    "translation.file_name": (
        "tên tệp '{got}' không đúng dạng <kỳ>.yaml hoặc <kỳ>-<n>.yaml",
        "file name '{got}' is not <period>.yaml or <period>-<n>.yaml",
        "đặt tên tệp bản dịch giống hệt tên tệp báo cáo được dịch, ví dụ translations/so-noi-vu/2017-q1.yaml cho progress/so-noi-vu/2017-q1.yaml",
        "name a translation exactly as the report it translates, e.g. translations/so-noi-vu/2017-q1.yaml for progress/so-noi-vu/2017-q1.yaml",
    ),
    "translation.agency_mismatch": (
        "đơn vị '{got}' khác với thư mục của tệp ({expected})",
        "agency '{got}' differs from the file's folder ({expected})",
        "đổi thành '{expected}', hoặc đặt tệp trong thư mục plan-data/translations/{got}/",
        "change it to '{expected}', or put the file in plan-data/translations/{got}/",
    ),
    "translation.filing_mismatch": (
        "báo cáo '{got}' khác với tên tệp ({expected})",
        "report '{got}' differs from the file name ({expected})",
        "đổi thành '{expected}', hoặc đổi tên tệp cho khớp",
        "change it to '{expected}', or rename the file to match",
    ),
    "translation.no_report": (
        "không có báo cáo {report} để dịch",
        "there is no report {report} to translate",
        "đặt tệp bản dịch cùng đơn vị và cùng tên với một báo cáo đã nộp",
        "give the translation the agency and the name of a filed report",
    ),
    "translation.entry_unknown": (
        "báo cáo {report} không có mục '{got}'",
        "the report {report} has no entry '{got}'",
        "dùng mã một mục của báo cáo đó: {choices}",
        "use the id of one of its entries: {choices}",
    ),
    "translation.no_note": (
        "mục '{got}' của báo cáo {report} không có ghi chú để dịch",
        "entry '{got}' of the report {report} has no note to translate",
        "xóa phần này của tệp bản dịch",
        "delete this part of the translation",
    ),
    "translation.has_english": (
        "ghi chú của mục '{got}' đã có tiếng Anh trong báo cáo {report}",
        "the note of entry '{got}' already has its English in the report {report}",
        "xóa phần này: bản tiếng Anh đơn vị đã viết trong báo cáo được dùng",
        "delete this part: the English the agency wrote in the report is the one shown",
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
        "tệp báo cáo đã có ở {base} bị thay bằng một liên kết tượng trưng",
        "a report file that exists at {base} was replaced by a symbolic link",
        "khôi phục tệp như ở {base}, rồi nộp báo cáo bổ sung {supplement} với một mục `corrects` trỏ tới mục cũ",
        "restore the file as it is at {base}, then file a new supplementary report {supplement} with an entry that `corrects` the old one",
    ),
    # --- git (lịch sử báo cáo, `partracker diff`) ------------------------------------------------
    "git.ref_unknown": (
        "không tìm thấy nhánh hoặc commit '{ref}'",
        "no branch or commit '{ref}' was found",
        "kiểm tra tên (ví dụ origin/main hoặc mã commit); nhánh trên máy chủ cần `git fetch` trước; trong GitHub Actions dùng actions/checkout với fetch-depth: 0",
        "check the name (e.g. origin/main or a commit id); a branch on the server needs `git fetch` first; in GitHub Actions use actions/checkout with fetch-depth: 0",
    ),
    "git.not_repository": (
        "thư mục '{path}' không nằm trong một kho git",
        "'{path}' is not inside a git repository",
        "chạy lệnh trong một bản sao của kho dự án",
        "run the command in a clone of the project's repository",
    ),
    "git.missing": (
        "không chạy được chương trình git ('{detail}')",
        "the git program cannot be run ('{detail}')",
        "cài git rồi chạy lại lệnh",
        "install git, then run the command again",
    ),
    "git.failed": (
        "git báo lỗi: '{detail}'",
        "git failed: '{detail}'",
        "kiểm tra tên nhánh hay commit và kho git; trong GitHub Actions dùng actions/checkout với fetch-depth: 0",
        "check the branch or commit name and the repository; in GitHub Actions use actions/checkout with fetch-depth: 0",
    ),
    # --- `partracker obligations` usage errors (lỗi cách dùng lệnh) ---------------------------
    "option.date_invalid": (
        "{option}: '{got}' không phải ngày hợp lệ",
        "{option}: '{got}' is not a valid date",
        "viết ngày có thật theo dạng YYYY-MM-DD, ví dụ 2017-03-05",
        "write a real date as YYYY-MM-DD, e.g. 2017-03-05",
    ),
    "option.period_invalid": (
        "'{got}' không phải một kỳ báo cáo",
        "'{got}' is not a reporting period",
        "viết dạng 2017-q1 … 2017-q4 (quý), 2017-h1 (6 tháng) hoặc 2017-year (năm)",
        "write it like 2017-q1 … 2017-q4 (quarter), 2017-h1 (six months) or 2017-year (year)",
    ),
    "as_of.epoch_invalid": (
        "SOURCE_DATE_EPOCH='{got}' không phải số giây Unix",
        "SOURCE_DATE_EPOCH='{got}' is not a number of Unix seconds",
        "đặt SOURCE_DATE_EPOCH là số nguyên, ví dụ 1514653200, hoặc dùng --as-of YYYY-MM-DD",
        "set SOURCE_DATE_EPOCH to an integer such as 1514653200, or pass --as-of YYYY-MM-DD",
    ),
    "deployment.placeholder_host": (
        "địa chỉ {got} là địa chỉ giữ chỗ ({host}), không phải nơi trang thật được xuất bản",
        "the address {got} is a placeholder ({host}), not where the site is really published",
        "ghi địa chỉ thật của trang, hoặc để trống site_url: trang khi đó dùng liên kết tương đối",
        "write the site's real address, or leave site_url empty: the site then uses relative links",
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


# The formal names (Unicode NameAliases.txt) of control characters, which unicodedata.name() does not know.
_CONTROL_NAMES = dict(
    enumerate(
        (
            "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
            "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
            "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
            "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
            "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
            "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
        )
    )
) | {
    0x7F: "DELETE", 0x80: "PADDING CHARACTER", 0x81: "HIGH OCTET PRESET", 0x82: "BREAK PERMITTED HERE", 0x83: "NO BREAK HERE",
    0x84: "INDEX", 0x85: "NEXT LINE", 0x86: "START OF SELECTED AREA", 0x87: "END OF SELECTED AREA", 0x88: "CHARACTER TABULATION SET",
    0x89: "CHARACTER TABULATION WITH JUSTIFICATION", 0x8A: "LINE TABULATION SET", 0x8B: "PARTIAL LINE FORWARD",
    0x8C: "PARTIAL LINE BACKWARD", 0x8D: "REVERSE LINE FEED", 0x8E: "SINGLE SHIFT TWO", 0x8F: "SINGLE SHIFT THREE",
    0x90: "DEVICE CONTROL STRING", 0x91: "PRIVATE USE ONE", 0x92: "PRIVATE USE TWO", 0x93: "SET TRANSMIT STATE",
    0x94: "CANCEL CHARACTER", 0x95: "MESSAGE WAITING", 0x96: "START OF GUARDED AREA", 0x97: "END OF GUARDED AREA",
    0x98: "START OF STRING", 0x99: "SINGLE GRAPHIC CHARACTER INTRODUCER", 0x9A: "SINGLE CHARACTER INTRODUCER",
    0x9B: "CONTROL SEQUENCE INTRODUCER", 0x9C: "STRING TERMINATOR", 0x9D: "OPERATING SYSTEM COMMAND", 0x9E: "PRIVACY MESSAGE",
    0x9F: "APPLICATION PROGRAM COMMAND",
}


def char_name(char: str) -> str:
    """A character as messages name it: ``U+00A0 NO-BREAK SPACE``."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    if not name:
        category = unicodedata.category(char)
        name = {"Cs": "SURROGATE", "Co": "PRIVATE USE", "Cn": "UNASSIGNED"}.get(category, category)
    return f"U+{code:04X} {name}"


def is_invisible(char: str) -> bool:
    """True for a character a reader cannot see or tell from a space: controls, format marks, separators other than the space."""
    return char != " " and not char.isprintable()


def visible(text: str) -> str:
    """``text`` with each invisible character replaced by its name: ``'status<U+00A0 NO-BREAK SPACE>'``."""
    if text.isprintable():
        return text
    return "".join(f"<{char_name(c)}>" if is_invisible(c) else c for c in text)


FIELD_NAMES: dict[str, str] = {
    "agency": "đơn vị",
    "period": "kỳ báo cáo",
    "submitted": "ngày gửi",
    "id": "mã mục",
    "task": "nhiệm vụ",
    "status": "trạng thái",
    "percent": "phần trăm hoàn thành",
    "targets": "chỉ tiêu",
    "note": "ghi chú",
    "reported": "ngày ghi nhận",
    "completed": "ngày hoàn thành",
    "corrects": "mục được sửa",
}
"""The Vietnamese name of each field of a report, shown before its key: ``trạng thái (status)``."""

PLACES: dict[str, tuple[str, str]] = {
    "field": ("{name} ({key})", "{key}"),
    "entry": ("mục {id}", "entry {id}"),
    "entry_number": ("mục thứ {number}", "entry no. {number}"),
    "entry_task": ("{entry} (nhiệm vụ {task})", "{entry} (task {task})"),
    "entry_field": ("{entry}, {name} ({key})", "{entry}, {key}"),
    "entry_unknown_field": ("{entry}, trường '{key}'", "{entry}, {key}"),
    "entry_evidence": ("{entry}, minh chứng thứ {number} ({key})", "{entry}, evidence item {number} ({key})"),
}
"""How a message names a place in a report, (vi, en): an entry by its id and task, never by a list index."""

DATE_WINDOWS: dict[str, tuple[str, str]] = {
    "bounded": ("từ {first} đến {last}", "from {first} to {last}"),
    "open": ("từ {first} trở đi", "from {first} on"),
}
"""The days a report may be dated, (vi, en), as its date messages say them."""

QUOTE_NAMES: dict[str, tuple[str, str]] = {'"': ("ngoặc kép", "double quote"), "'": ("ngoặc đơn", "single quote")}
"""The quote characters YAML uses, named, (vi, en)."""

YAML_CONSTRUCTS: dict[str, tuple[str, str]] = {
    "quote": ("dấu ngoặc mở ở dòng {line}, cột {column}", "the quote opened at line {line}, column {column}"),
    "flow_mapping": ("ngoặc '{{' mở ở dòng {line}, cột {column}", "the '{{' opened at line {line}, column {column}"),
    "flow_sequence": ("ngoặc '[' mở ở dòng {line}, cột {column}", "the '[' opened at line {line}, column {column}"),
    "block_mapping": ("nhóm khóa này bắt đầu ở dòng {line}, cột {column}", "this group of keys begins at line {line}, column {column}"),
    "block_sequence": ("danh sách này bắt đầu ở dòng {line}, cột {column}", "this list begins at line {line}, column {column}"),
    "key": ("khóa bắt đầu ở dòng {line}, cột {column}", "the key begins at line {line}, column {column}"),
    "block_scalar": ("khối văn bản bắt đầu ở dòng {line}, cột {column}", "the block of text begins at line {line}, column {column}"),
    "directive": ("chỉ thị bắt đầu ở dòng {line}, cột {column}", "the directive begins at line {line}, column {column}"),
    "value": ("giá trị bắt đầu ở dòng {line}, cột {column}", "the value begins at line {line}, column {column}"),
}
"""Where a YAML construct began, (vi, en), added to a syntax message when the parser stopped on another line."""


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
    where: tuple[str, str] | None = None
    """The field as a reader names it, (vi, en): ``mục e2 (nhiệm vụ A-IV-1), trường note.en``; None: ``field``."""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Problems are reported by file, then position."""
        return (self.file, self.line, self.column, self.field, self.code)

    def parts(self, lang: Lang) -> tuple[str, str]:
        """The message and the fix hint in ``lang``."""
        vi, en, fix_vi, fix_en = MESSAGES[self.code]
        # Values from the data may hold invisible characters: each is named, never printed raw.
        params = _Params({k: visible(v) if isinstance(v, str) else v for k, v in self.params.items()})
        if lang == "vi":
            return vi.format_map(params), fix_vi.format_map(params)
        return en.format_map(params), fix_en.format_map(params)

    def place(self, lang: Lang) -> str:
        """The field as a reader of ``lang`` is told where to look."""
        if self.where is None:
            return visible(self.field)
        return visible(self.where[0] if lang == "vi" else self.where[1])

    def format(self, lang: Lang = "en") -> str:
        """``file:line:col: field: message — fix: hint`` in ``lang``."""
        message, fix = self.parts(lang)
        label = FIX_LABELS[lang]
        return f"{visible(self.file)}:{self.line}:{self.column}: {self.place(lang)}: {message} — {label}: {fix}"

    def github(self, lang: Lang = "en") -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        message, fix = self.parts(lang)
        label = FIX_LABELS[lang]
        body = f"{self.place(lang)}: {message} — {label}: {fix}"
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
            "where": {"vi": self.place("vi"), "en": self.place("en")},
            "code": self.code,
            "message": {"vi": vi, "en": en},
            "fix": {"vi": fix_vi, "en": fix_en},
        }


FIX_LABELS: dict[str, str] = {"vi": "cách sửa", "en": "fix"}
"""The word before a message's fix, by language: ``… — fix: …``."""


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
    """A value as it appears in a message: text in quotes, other values as YAML would write them.

    Invisible characters are named when the message is rendered (:func:`visible`).
    """
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"'{shown}'"
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
        super().__init__(f"{len(problems)} {'problem' if len(problems) == 1 else 'problems'} in the data")
        self.problems = problems
