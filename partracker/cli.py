"""The ``partracker`` command line: the same pipeline the site uses, for people and CI.

Exit codes: 0 valid / done, 1 data errors, 2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from partracker import dataset as ds
from partracker import export as ex
from partracker.errors import render_problems

DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("plan-data"),
    show_default=True,
    help="The plan-data directory / Thư mục dữ liệu kế hoạch.",
)
LANG_OPTION = click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="Language of messages / Ngôn ngữ thông báo.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="partracker")
def main() -> None:
    """Gia Lai PAR INDEX plan 2016–2020: validate data, list obligations, build the site.

    Kế hoạch duy trì, nâng cao Chỉ số CCHC tỉnh Gia Lai 2016–2020: kiểm tra dữ liệu, lập danh sách
    nghĩa vụ, dựng trang web.
    """


def fail_with(problems: list, *, lang: str, fmt: str = "text") -> None:
    """Print every problem to stderr and exit 1."""
    click.echo(render_problems(problems, lang=lang, fmt=fmt), err=fmt != "json")  # type: ignore[arg-type]
    if fmt != "json":
        n = len(problems)
        click.echo(f"{n} lỗi, không có gì được xuất bản." if lang == "vi" else f"{n} problem(s); nothing was published.", err=True)
    sys.exit(1)


@main.command()
@DATA_OPTION
@LANG_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True, help="Output format.")
def validate(data_dir: Path, lang: str, fmt: str) -> None:
    """Check every file in plan-data/ and report all problems at once.

    Kiểm tra mọi tệp trong plan-data/ và báo tất cả lỗi trong một lần chạy.
    """
    loaded = ds.load_dataset(data_dir)
    if loaded.problems:
        fail_with(loaded.problems, lang=lang, fmt=fmt)
    plan = loaded.plan
    assert plan is not None
    if fmt == "json":
        click.echo("[]")
        return
    n_tasks, n_agencies, n_reports = len(plan.tasks), len(plan.agencies), len(loaded.report_files)
    if lang == "vi":
        click.echo(f"{data_dir}: hợp lệ — {n_tasks} nhiệm vụ, {n_agencies} đơn vị, {n_reports} tệp báo cáo.")
    else:
        click.echo(f"{data_dir}: valid — {n_tasks} tasks, {n_agencies} agencies, {n_reports} report files.")


@main.command()
@DATA_OPTION
@LANG_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
def export(data_dir: Path, lang: str, fmt: str) -> None:
    """Print the loaded plan as JSON (everything) or CSV (one row per task).

    In kế hoạch đã nạp dưới dạng JSON (đầy đủ) hoặc CSV (mỗi nhiệm vụ một dòng).
    """
    loaded = ds.load_dataset(data_dir)
    if loaded.problems or loaded.plan is None:
        fail_with(loaded.problems, lang=lang)
    assert loaded.plan is not None
    out = ex.to_json(ex.plan_to_dict(loaded.plan)) if fmt == "json" else ex.tasks_csv(loaded.plan)
    # Bytes, so CSV keeps its CRLF line ends on every platform.
    stream = click.get_binary_stream("stdout")
    stream.write(out.encode("utf-8"))
    stream.flush()


@main.command()
@click.option("--check", is_flag=True, help="Fail when the saved schemas differ from the code.")
def schemas(check: bool) -> None:
    """Write the JSON Schemas to partracker/schemas/ (or check them with --check)."""
    from partracker import schemas as sc

    if check:
        stale = [n for n in sorted(sc.SCHEMAS) if not (sc.SCHEMA_DIR / f"{n}.schema.json").is_file() or (sc.SCHEMA_DIR / f"{n}.schema.json").read_text(encoding="utf-8") != sc.rendered(n)]
        if stale:
            click.echo("Stale schemas: " + ", ".join(stale) + " — run `partracker schemas`.", err=True)
            sys.exit(1)
        click.echo("Schemas are up to date.")
        return
    for path in sc.write_all():
        click.echo(str(path))


if __name__ == "__main__":  # pragma: no cover
    main()
