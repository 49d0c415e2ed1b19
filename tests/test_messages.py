"""Messages a clerk reads: each wholly in the chosen language, invisible characters named, hints specific to the mistake.

The catalogue gate: no Vietnamese message holds an English word, and no English message a Vietnamese one, outside
quoted values and identifiers (codes and keys in quotes, paths, commands, names of characters). The Contribute page shows ten common mistakes
with the messages the validator really gives: a test compares the page with them (set PARTRACKER_UPDATE_DOCS=1 to
rewrite that part of both pages after a deliberate change of wording).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml
from test_reports_fixture import GOOD_REPORT, make_plan, write
from test_yamlload import SYNTAX_MISTAKES

from partracker.outputs.render import md_code, md_escape
from partracker.reading import yamlload
from partracker.reading.dataset import check_document, load_dataset
from partracker.reading.errors import (
    MESSAGES,
    YAML_CONSTRUCTS,
    Problem,
    char_name,
    visible,
)
from partracker.reading.yamlload import LoadError, load_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.yaml"))
AS_OF = dt.date(2017, 12, 31)

# --- the language checker ------------------------------------------------------------------------

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|<U\+[0-9A-F]{4,6} [^>]*>|U\+[0-9A-F]{4,6}(?: [A-Z][A-Z0-9 -]*[A-Z0-9])?|\{[a-z_]+\}")
"""Quoted values, code, named characters and placeholders: not words of either language."""
_VOWELS = "aăâeêioôơuưy"
_VI_LETTERS = set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵăâêôơưđ")
_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|oai|oay|oeo|uay|uoi|uou|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uy|uo|ie|ye|a|e|i|o|u|y)"
    r"(?:ng|nh|m|n)?$"
)
"""A Vietnamese syllable written without any mark: no tone but level, so no stop final (-c, -ch, -p, -t)."""
_ENGLISH_LOOKALIKES = {"the", "to", "in", "on", "no", "of", "or", "and", "is", "at", "by", "be", "as", "he", "me", "we", "if", "up", "them", "then", "can", "may", "one"}
"""English words that happen to be spellable as a Vietnamese syllable without marks."""
_TECHNICAL = {"git", "commit", "tab", "web", "byte", "https", "GitHub", "Actions", "Word", "Windows", "macOS", "Unix"}
"""Names of programs and things with no Vietnamese word, which Vietnamese text uses as they are."""


def _words(text: str) -> list[str]:
    """The words of ``text`` that belong to a language: quoted values, identifiers, numbers and symbols left out."""
    out = []
    for token in _QUOTED.sub(" ", text).split():
        word = token.strip(".,;:()[]!?—–…")
        if len(word) < 2 or re.search(r"[0-9_./#<>\\@&=*+%{}|-]", word) or word.isupper():
            continue
        out.append(word)
    return out


def english_words(vietnamese: str) -> list[str]:
    """Words of a Vietnamese text that are not Vietnamese."""
    found = []
    for word in _words(vietnamese):
        lower = word.lower()
        if word in _TECHNICAL or any(c in _VI_LETTERS for c in lower):
            continue
        if lower in _ENGLISH_LOOKALIKES or not _VI_SYLLABLE.match(lower):
            found.append(word)
    return found


def vietnamese_words(english: str) -> list[str]:
    """Words of an English text that are Vietnamese (written with Vietnamese letters)."""
    return [w for w in _words(english) if any(c in _VI_LETTERS for c in w.lower())]


def test_the_checker_sees_a_word_of_the_other_language() -> None:
    assert english_words("không đọc được tệp: fatal: not a valid object reference") == ["fatal", "not", "valid", "object", "reference"]
    assert english_words("cần văn bản; nhận được 'abc' (text)") == ["text"]
    assert english_words("cần một trong các giá trị high, medium, low") == ["high", "medium", "low"]
    assert english_words("thường do sao chép từ Word hoặc PDF, trong `git fetch` và 'done'") == []
    assert vietnamese_words("the file is not UTF-8 (tệp)") == ["tệp"]
    assert vietnamese_words("got 'Hoàn thành' — fix: use 'done'") == []


# --- every message of the catalogue, and the messages really given --------------------------------


def _template_text(template: str) -> str:
    return re.sub(r"\{[a-z_]+\}", " ", template)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_catalogue_message_is_in_one_language(code: str) -> None:
    vi, en, fix_vi, fix_en = MESSAGES[code]
    assert english_words(_template_text(vi + " " + fix_vi)) == [], code
    assert vietnamese_words(_template_text(en + " " + fix_en)) == [], code


def test_each_syntax_construct_is_in_one_language() -> None:
    for vi, en in YAML_CONSTRUCTS.values():
        assert english_words(_template_text(vi)) == [] and vietnamese_words(_template_text(en)) == []


def given_problems(tmp: Path) -> list[Problem]:
    """Problems the validator really gives: the corpus, every syntax mistake under both parsers, report mistakes."""
    found: list[Problem] = []
    for path in CORPUS:
        found += check_document(path.read_bytes(), path.name, path.read_text("utf-8", "replace").split()[2])
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        saved, yamlload._LOADER = yamlload._LOADER, loader
        try:
            for text, _, _ in SYNTAX_MISTAKES:
                try:
                    load_text(text, "f.yaml")
                except LoadError as exc:
                    found += exc.problems
        finally:
            yamlload._LOADER = saved
    for _, _, old, new in MISTAKES:
        found += sample_problems(tmp, old, new)
    return found


def test_every_message_given_is_in_one_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    problems = given_problems(tmp_path)
    assert len(problems) > 100
    for p in problems:
        vi, fix_vi = p.parts("vi")
        en, fix_en = p.parts("en")
        # The place may end with the field's key in parentheses, "trạng thái (status)": an identifier.
        place_vi, place_en = (re.sub(r" \([^ ()]+\)$", "", p.place(lang)) if p.where else "" for lang in ("vi", "en"))
        assert english_words(f"{place_vi} {vi} {fix_vi}") == [], p.format("vi")
        assert vietnamese_words(f"{place_en} {en} {fix_en}") == [], p.format("en")


# --- invisible characters, entries, hints ----------------------------------------------------------


def test_invisible_characters_are_named_wherever_they_appear() -> None:
    assert char_name("\u00a0") == "U+00A0 NO-BREAK SPACE" and char_name("\x01") == "U+0001 START OF HEADING"
    assert visible("status\u00a0") == "status<U+00A0 NO-BREAK SPACE>"
    doc = 'agency: "so-noi-vu"\nperiod: "2017-q1"\nsubmitted: "2017-03-04"\nentries:\n  - id: "e1"\n    task: "A-I-1"\n    status\u00a0: "done\u200b"\n    reported: "2017-03-04"\n'
    texts = [p.format("vi") for p in check_document(doc, "r.yaml", "report")]
    assert texts == [
        "r.yaml:7:5: mục e1 (nhiệm vụ A-I-1), trường 'status<U+00A0 NO-BREAK SPACE>': trường không xác định 'status<U+00A0 NO-BREAK SPACE>'"
        " — cách sửa: xóa ký tự ẩn U+00A0 NO-BREAK SPACE khỏi tên khóa, để còn 'status'",
        "r.yaml:7:14: mục e1 (nhiệm vụ A-I-1), trường 'status<U+00A0 NO-BREAK SPACE>': văn bản chứa ký tự điều khiển hoặc ký tự ẩn (U+200B ZERO WIDTH SPACE)"
        " — cách sửa: xóa các ký tự đó (thường do sao chép từ Word hoặc PDF)",
    ]
    assert all("\u00a0" not in t and "\u200b" not in t for t in texts)


def test_a_report_error_names_the_entry_by_id_and_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    problems = sample_problems(tmp_path, 'en: "The plan was issued"', "en: 7")
    problems += sample_problems(tmp_path, 'date: "2017-01-10"', 'date: "2017-02-30"')
    assert [p.format("vi").split(": ", 2)[1] for p in problems] == [
        "mục e1 (nhiệm vụ A-I-1), ghi chú (note.en)",
        "mục e1 (nhiệm vụ A-I-1), minh chứng thứ 1 (evidence[0].date)",
    ]
    assert [p.format("en").split(": ", 2)[1] for p in problems] == ["entry e1 (task A-I-1), note.en", "entry e1 (task A-I-1), evidence item 1 (evidence[0].date)"]
    assert all("entries[" not in p.format(lang) for p in problems for lang in ("vi", "en"))


@pytest.mark.parametrize(
    "value, quoted, hint",
    [
        ("0123", False, "write 123 (drop the leading zero)"),
        ('"0123"', True, "write 123 (drop the leading zero and the quotes)"),
        ('"2"', True, "write 2 without quotes"),
        ("1:30", False, "write digits only, without ':'"),
        ('"95%"', True, "write 95 (without the % sign)"),
        ("ba", False, "write the number in digits, e.g. 3 instead of 'three'"),
    ],
)
def test_a_number_hint_fits_what_was_written(value: str, quoted: bool, hint: str) -> None:
    doc = f'agency: "so-noi-vu"\nperiod: "2017-q1"\nsubmitted: "2017-03-04"\nentries:\n  - id: "e1"\n    task: "A-I-1"\n    status: "done"\n    percent: {value}\n    reported: "2017-03-04"\n'
    (problem,) = check_document(doc, "r.yaml", "report")
    assert problem.format("en").endswith(f"— fix: {hint}")
    assert ("quotes" in hint) == quoted or value == '"95%"'


def test_no_hint_is_generic() -> None:
    generic = ("follow the schema", "sửa theo mẫu trong lược đồ")
    for code, texts in MESSAGES.items():
        assert not any(g in t for g in generic for t in texts), code
    wrong_date = 'agency: "so-noi-vu"\nperiod: "2017-q1"\nsubmitted: "05/03/2017"\nentries: []\n'
    assert [p.format("en") for p in check_document(wrong_date, "r.yaml", "report")] == [
        "r.yaml:3:12: submitted: value '05/03/2017' is not a valid date — fix: write it like \"2017-03-05\"",
        "r.yaml:4:10: entries: the list needs at least 1 item — fix: add items, each starting with '- ' with the fields id, task, status, reported",
    ]


def test_an_empty_report_file_gets_the_report_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = make_plan(tmp_path)
    write(data, "progress/so-noi-vu/2017-q2.yaml", "# yaml-language-server: $schema=../../../partracker/schemas/report.schema.json\n")
    (problem,) = load_dataset(data, as_of=AS_OF).problems
    assert problem.format("en") == (
        "plan-data/progress/so-noi-vu/2017-q2.yaml:1:1: (file): the report file is empty — fix: write it from the report template: "
        '`agency: "so-noi-vu"`, `period: "2017-q2"`, `submitted: "YYYY-MM-DD"`, then `entries:` with `id`, `task`, `status` and `reported` for each; '
        "or delete the file and run `partracker new-report --agency so-noi-vu --period 2017-q2` for a pre-filled one"
    )


def test_files_differing_only_in_case_are_not_called_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = make_plan(tmp_path)
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    write(data, "progress/SO-NOI-VU/2017-q1.yaml", GOOD_REPORT)
    texts = [p.format("vi") for p in load_dataset(data, as_of=AS_OF).problems if p.code == "file.case_collision"]
    assert texts == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: (file): tên tệp 'progress/so-noi-vu/2017-q1.yaml' chỉ khác tệp 'progress/SO-NOI-VU/2017-q1.yaml' ở chữ hoa/thường"
        " — cách sửa: xóa hoặc đổi tên một trong hai tệp: trên Windows và macOS hai tên này là cùng một tệp"
    ]


# --- ten common mistakes, on the Contribute page --------------------------------------------------

MISTAKES = [
    ("Trạng thái viết bằng tiếng Việt", "The status written in Vietnamese", 'status: "in_progress"', 'status: "Đang thực hiện"'),
    ("Ngày viết kiểu ngày/tháng/năm", "A date written day/month/year", 'submitted: "2017-03-04"', 'submitted: "04/03/2017"'),
    ("Phần trăm kèm dấu %", "A percentage with its % sign", "percent: 40", 'percent: "40%"'),
    ("Hoàn thành mà thiếu ngày hoàn thành", "Done without the date it was finished", '    completed: "2017-02-28"\n', ""),
    ("Gõ sai tên trường", "A mistyped field name", '    reported: "2017-03-04"\n  - id: "e2"', '    reportd: "2017-03-04"\n  - id: "e2"'),
    ("Dấu cách không ngắt dán từ Word", "A no-break space pasted from Word", 'status: "in_progress"', 'status\u00a0: "in_progress"'),
    ("Quên đóng dấu ngoặc kép", "A closing quote forgotten", 'en: "The plan was issued"}', 'en: "The plan was issued}'),
    ("Thụt lề bằng phím Tab", "Indenting with the Tab key", "    percent: 40", "\tpercent: 40"),
    ("Ngày nằm ngoài kỳ báo cáo", "A date outside the reporting period", 'submitted: "2017-03-04"', 'submitted: "2016-03-04"'),
    ("Báo cáo nhiệm vụ không được giao", "A task the agency was not given", 'task: "A-I-3"', 'task: "A-I-4"'),
]
"""(title vi, title en, text of a valid report, what a clerk wrote instead)."""

START, END = "<!-- mistakes:start (generated by tests/test_messages.py) -->", "<!-- mistakes:end -->"


def sample_problems(tmp: Path, old: str, new: str) -> list[Problem]:
    """What the validator says about GOOD_REPORT with ``old`` written as ``new``, filed as so-noi-vu's 2017-q1 report."""
    assert old in GOOD_REPORT
    root = tmp / f"sample-{abs(hash((old, new)))}"
    if not root.exists():
        make_plan(root)
    data = root / "plan-data"
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT.replace(old, new, 1))
    cwd = Path.cwd()
    os.chdir(root)
    try:
        return load_dataset(Path("plan-data"), as_of=AS_OF).problems
    finally:
        os.chdir(cwd)


def _shown_line(old: str, new: str) -> str:
    """The line as the clerk wrote it, indented as in the file; for a deleted line, the entry it was deleted from."""
    written = GOOD_REPORT.replace(old, new, 1)
    at = GOOD_REPORT.index(old)
    lines = written.split("\n")
    first = written[:at].count("\n")
    if new:
        return lines[first]
    begin = max(i for i in range(first) if lines[i].startswith("  - id:"))
    stop = next((i for i in range(first, len(lines)) if lines[i].startswith("  - id:")), len(lines))
    return "\n".join(line for line in lines[begin:stop] if line)


def mistakes_block(lang: str, tmp: Path) -> str:
    """The Contribute page's list of common mistakes in ``lang``, with the messages the validator gives today."""
    out = [START, ""]
    for n, (title_vi, title_en, old, new) in enumerate(MISTAKES, start=1):
        out += [f"### {n}. {title_vi if lang == 'vi' else title_en}", "", "```yaml", _shown_line(old, new).replace("\u00a0", " "), "```", ""]
        # Each message as the check prints it, in a quote that wraps on a phone (a code block would scroll sideways).
        for problem in sample_problems(tmp, old, new):
            where, _, rest = problem.format(lang).partition(f":{problem.column}: ")
            out += [f"> {md_code(f'{where}:{problem.column}:')} {md_escape(rest)}", ""]
    out.append(END)
    return "\n".join(out)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_contribute_page_shows_ten_common_mistakes_with_their_real_messages(lang: str, tmp_path: Path) -> None:
    page = ROOT / "docs" / lang / "contribute.md"
    text = page.read_text(encoding="utf-8")
    expected = mistakes_block(lang, tmp_path)
    assert len(MISTAKES) == 10 and text.count(START) == 1 and text.count(END) == 1
    current = text[text.index(START) : text.index(END) + len(END)]
    if current != expected and os.environ.get("PARTRACKER_UPDATE_DOCS") == "1":
        page.write_text(text.replace(current, expected), encoding="utf-8")
        current = expected
    assert current == expected, "the messages changed: run PARTRACKER_UPDATE_DOCS=1 python3 -m pytest tests/test_messages.py and review the diff"


def test_every_message_of_the_catalogue_is_used() -> None:
    package = ROOT / "partracker"
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p.name != "errors.py")
    loader = (package / "reading" / "yamlload.py").read_text(encoding="utf-8")
    for code in MESSAGES:
        # Syntax messages are named by the kind of mistake the loader sorts a parser message into.
        assert f'"{code}"' in source or (code.startswith("yaml.") and f'"{code[5:]}"' in loader), code


def test_a_date_option_written_wrongly_is_told_in_the_chosen_language(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from partracker.tools.cli import main

    data = make_plan(tmp_path)
    for lang, text in (("vi", "--as-of: '01/06/2017' không phải ngày hợp lệ — cách sửa: viết ngày có thật theo dạng YYYY-MM-DD"),
                       ("en", "--as-of: '01/06/2017' is not a valid date — fix: write a real date as YYYY-MM-DD")):
        for command in ("validate", "build"):
            result = CliRunner().invoke(main, [command, "--data", str(data), "--lang", lang, "--as-of", "01/06/2017", "--config", str(ROOT / "mkdocs.yml")])
            assert result.exit_code == 2 and text in result.stderr, (command, result.stderr)
