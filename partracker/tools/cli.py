"""The ``partracker`` command line: the same pipeline the site uses, for people and CI.

Exit codes: 0 valid / done, 1 data errors, 2 usage errors.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from partracker.domain.model import Plan
from partracker.domain.schedule import Assessment
from partracker.language.labels import labels
from partracker.outputs import opendata
from partracker.reading import dataset as ds
from partracker.reading.clock import AsOfError, resolve_as_of
from partracker.reading.errors import (
    FIX_LABELS,
    MESSAGES,
    DataInvalid,
    Problem,
    agency_hint,
    render_problems,
)

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


def as_of_policy(explicit: dt.date | None, lang: str):  # type: ignore[no-untyped-def]
    """The as-of date by the one policy (partracker.reading.clock), as a function of the plan's time zone; a bad SOURCE_DATE_EPOCH is a usage error."""

    def resolve(timezone: str) -> dt.date:
        try:
            return resolve_as_of(explicit, timezone)
        except AsOfError as exc:
            raise _usage(exc.problem.code, lang, **exc.problem.params) from None

    return resolve


def fail_with(problems: list, *, lang: str, fmt: str = "text") -> None:
    """Print every problem and exit 1: text to stderr; GitHub annotations and JSON to stdout, where tools read them."""
    click.echo(render_problems(problems, lang=lang, fmt=fmt), err=fmt == "text")  # type: ignore[arg-type]
    if fmt != "json":
        words = labels(lang)  # type: ignore[arg-type]
        click.echo(words.format("cli.problems", count=words.count("count.problems", len(problems))), err=True)
    sys.exit(1)


@main.command()
@DATA_OPTION
@LANG_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--base", default=None, metavar="REF", help="Git ref (e.g. origin/main): report files that exist there must be unchanged / Nhánh gốc: tệp báo cáo đã có ở đó không được sửa.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="Report dates after this day are errors [default: SOURCE_DATE_EPOCH, else today in the plan's time zone].")
@click.option("--config", "config", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None, help="The project's mkdocs.yml [default: ./mkdocs.yml]: its docs/, overrides/ and hooks/ must hold no symbolic link.")
@click.option("--cache-dir", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where clean results are kept so unchanged files are not checked again [default: ./.partracker-cache]; deleting it changes no result.")
@click.option("--no-cache", "no_cache", is_flag=True, help="Check every file, read and write no cache (CI).")
def validate(data_dir: Path, lang: str, fmt: str, base: str | None = None, as_of: str | None = None, config: Path | None = None,
             cache_dir: Path | None = None, no_cache: bool = False) -> None:
    """Check every file in plan-data/ (and the project's pages) and report all problems at once.

    Kiểm tra mọi tệp trong plan-data/ (và các trang của dự án) và báo tất cả lỗi trong một lần chạy.
    """
    from partracker.outputs.mkdocs_site import config_file
    from partracker.reading import cache
    from partracker.reading.deployment import deployment_problems
    from partracker.reading.files import symlink_problems

    policy = as_of_policy(_iso_option(as_of, "--as-of", lang) if as_of else None, lang)
    loaded = cache.validate(data_dir, as_of=policy, cache_dir=None if no_cache else (cache_dir or cache.DEFAULT_DIR))
    project_dir = config.parent if config else Path.cwd()
    if config_file(project_dir, "vi").is_file():
        loaded.problems = sorted(loaded.problems + symlink_problems(project_dir), key=lambda p: p.sort_key())
    loaded.problems = sorted(loaded.problems + deployment_problems(project_dir)[1], key=lambda p: p.sort_key())
    if base is not None:
        from partracker.reading.history import history_problems

        loaded.problems = sorted(loaded.problems + history_problems(data_dir, base), key=lambda p: p.sort_key())
    if loaded.problems:
        fail_with(loaded.problems, lang=lang, fmt=fmt)
    if fmt == "json":
        click.echo("[]")
        return
    words = labels(lang)  # type: ignore[arg-type]
    click.echo(words.format("cli.valid", data=data_dir, tasks=words.count("count.tasks", loaded.tasks), agencies=words.count("count.agencies", loaded.agencies),
                            reports=words.count("count.report_files", loaded.reports)))


@main.command()
@DATA_OPTION
@LANG_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
def export(data_dir: Path, lang: str, fmt: str) -> None:
    """Print the loaded plan as JSON (everything) or CSV (one row per task, the bytes of data/tasks.csv: UTF-8 with a BOM for Excel).

    In kế hoạch đã nạp dưới dạng JSON (đầy đủ) hoặc CSV (mỗi nhiệm vụ một dòng, giống hệt data/tasks.csv: UTF-8 có BOM cho Excel).
    """
    loaded = ds.load_dataset(data_dir)
    if loaded.problems or loaded.plan is None:
        fail_with(loaded.problems, lang=lang)
    assert loaded.plan is not None
    out = opendata.to_json(opendata.plan_to_dict(loaded.plan)) if fmt == "json" else opendata.tasks_csv(loaded.plan)
    # Bytes, so CSV keeps its CRLF line ends on every platform.
    stream = click.get_binary_stream("stdout")
    stream.write(out.encode("utf-8"))
    stream.flush()


@main.command()
@click.option("--check", is_flag=True, help="Fail when the saved schemas differ from the code.")
def schemas(check: bool) -> None:
    """Write the JSON Schemas to partracker/schemas/ (or check them with --check)."""
    from partracker.reading import schemas as sc

    if check:
        stale = [n for n in sc.all_names() if not (sc.SCHEMA_DIR / f"{n}.schema.json").is_file() or (sc.SCHEMA_DIR / f"{n}.schema.json").read_text(encoding="utf-8") != sc.rendered(n)]
        if stale:
            click.echo("Stale schemas: " + ", ".join(stale) + " — run `partracker schemas`.", err=True)
            sys.exit(1)
        click.echo("Schemas are up to date.")
        return
    for path in sc.write_all():
        click.echo(str(path))


def _both(problem: object) -> str:
    """A problem in Vietnamese, then English: for messages a clerk reads outside CI."""
    return problem.format("vi") + "\n" + problem.format("en")  # type: ignore[attr-defined]


@main.command("new-report")
@click.option("--agency", "agency_id", required=True, help="Agency id, e.g. so-noi-vu / Mã đơn vị.")
@click.option("--period", required=True, help="2017-q1 … 2017-q4, 2017-h1 or 2017-year / Kỳ báo cáo.")
@DATA_OPTION
@click.option("--date", "on", default=None, metavar="YYYY-MM-DD", help="Date for submitted/reported, within the period's reporting window [default: SOURCE_DATE_EPOCH, else today in the plan's time zone].")
def new_report(agency_id: str, period: str, data_dir: Path, on: str | None) -> None:
    """Write plan-data/progress/<agency>/<period>.yaml with every task the agency owes; never overwrites.

    Tạo tệp báo cáo mới với mọi nhiệm vụ đơn vị được giao; không bao giờ ghi đè tệp đã có.
    """
    import re

    from partracker.domain.duties import duties
    from partracker.reading import reportfiles
    from partracker.reading.schemas import PERIOD_PATTERN
    from partracker.tools.scaffold import scaffold

    if not re.match(PERIOD_PATTERN, period):
        raise _usage_both("option.period_invalid", got=period)
    day_given = _iso_option(on, "--date", "vi", "en") if on else None
    loaded = ds.load_dataset(data_dir, with_reports=False)
    if loaded.plan is None:
        fail_with(loaded.problems, lang="vi")
    plan = loaded.plan
    assert plan is not None
    target = data_dir / "progress" / agency_id / f"{period}.yaml"
    shown = ds.display_path(data_dir, f"progress/{agency_id}/{period}.yaml")
    if agency_id not in {a.id for a in plan.agencies}:
        hint = agency_hint(agency_id, (a.id for a in plan.agencies))
        click.echo(_both(Problem(shown, 1, 1, "--agency", "ref.agency", {"got": agency_id, **hint})), err=True)
        sys.exit(1)
    if target.exists() or target.is_symlink():
        supplement = reportfiles.next_supplement(target.parent, period)
        click.echo(_both(Problem(shown, 1, 1, "(file)", "report.exists", {"path": shown, "supplement": supplement})), err=True)
        sys.exit(1)
    if not duties(plan, agency_id):
        click.echo(_both(Problem(shown, 1, 1, "--agency", "report.nothing_owed", {"agency": agency_id})), err=True)
        sys.exit(1)
    # The file written must pass the validator: the period in the plan, its dates checked by the same rule.
    outside = reportfiles.period_problem(plan, period)
    if outside is not None:
        click.echo(_both(Problem(shown, 1, 1, "--period", outside[0], outside[1])), err=True)
        sys.exit(1)
    as_of = as_of_policy(None, "vi")(plan.meta.timezone)
    day = day_given or as_of
    wrong = reportfiles.date_problem(day.isoformat(), as_of=as_of, filing=period, supplement=reportfiles.next_supplement(target.parent, period))
    if wrong is not None:
        click.echo(_both(Problem(shown, 1, 1, "--date", wrong[0], wrong[1])), err=True)
        sys.exit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as fh:
        fh.write(scaffold(plan, agency_id, period, today=day))
    n = len(duties(plan, agency_id))
    click.echo(f"{shown}: " + " / ".join(labels(lang).format("cli.report_created", count=labels(lang).count("count.entries", n)) for lang in ("vi", "en")) + ".")


@main.command("diff")
@click.argument("base")
@click.argument("head", required=False)
@DATA_OPTION
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="Date at which obligations are assessed [default: SOURCE_DATE_EPOCH, else today in the plan's time zone].")
def diff_command(base: str, head: str | None, data_dir: Path, as_of: str | None) -> None:
    """Markdown (vi and en) for a pull request: new reports, status, target and obligation changes.

    Tóm tắt thay đổi của pull request (tiếng Việt và tiếng Anh) dạng Markdown.
    """
    from partracker.reading.history import GitError
    from partracker.tools import diff as df

    try:
        before = df.load_side(data_dir, base)
        after = df.load_side(data_dir, head)
    except GitError as exc:
        # The summary is read in both languages, so is its failure; an unknown ref is a usage error.
        for lang in ("vi", "en"):
            click.echo(_plain(exc.code, lang, **exc.params), err=True)
        sys.exit(2 if exc.code == "git.ref_unknown" else 1)
    plan = after.plan or before.plan
    # Without a plan on either side no status is computed, so the zone of the date does not matter.
    timezone = plan.meta.timezone if plan else "UTC"
    result = df.compare(before, after, as_of=as_of_policy(_iso_option(as_of, "--as-of", "vi", "en") if as_of else None, "en")(timezone))
    click.echo(df.render(result, base=base, head=head or after.ref), nl=False)


@main.command()
@DATA_OPTION
@click.option("--org", default=None, help="GitHub organisation whose teams own the folders [default: deployment.yaml's organisation].")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=Path(".github/CODEOWNERS"), show_default=True)
@click.option("--check", is_flag=True, help="Fail when the file differs from the registry.")
def codeowners(data_dir: Path, org: str | None, output: Path, check: bool) -> None:
    """Write .github/CODEOWNERS from the agencies registry and deployment.yaml (or check it with --check).

    Sinh .github/CODEOWNERS từ danh mục đơn vị và deployment.yaml (hoặc kiểm tra với --check).
    """
    from partracker.reading.deployment import load_deployment
    from partracker.tools import codeowners as co

    loaded = ds.load_dataset(data_dir, with_reports=False)
    if loaded.plan is None:
        fail_with(loaded.problems, lang="vi")
    assert loaded.plan is not None
    try:
        deployment = load_deployment(Path.cwd()).overridden(organisation=org)
    except DataInvalid as exc:
        fail_with(exc.problems, lang="vi")
    if deployment.organisation is None:
        for lang in ("vi", "en"):
            click.echo(labels(lang).format("cli.no_organisation"), err=True)
    text = co.render(loaded.plan, org=deployment.organisation, data_dir=data_dir.as_posix().strip("/") or "plan-data")
    if check:
        if not output.is_file() or output.read_text(encoding="utf-8") != text:
            click.echo(f"{output}: lỗi thời, chạy `partracker codeowners` / out of date, run `partracker codeowners`.", err=True)
            sys.exit(1)
        click.echo(f"{output}: khớp danh mục đơn vị / matches the agencies registry.")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(str(output))


@main.command()
@DATA_OPTION
@LANG_OPTION
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True, help="Where to write the site.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="Date statuses are computed for [default: SOURCE_DATE_EPOCH, else today in the plan's time zone].")
@click.option("--demo", is_flag=True, help="Add the sample reports of demo/progress/ and a DEMO banner on every page.")
@click.option("--base-url", default=None, help="Public address of the site root [default: deployment.yaml's site_url; none: relative links].")
@click.option("--config", "config", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None, help="The project's mkdocs.yml [default: ./mkdocs.yml]; mkdocs.en.yml sits beside it.")
@click.option("--base", default=None, metavar="REF", help="Git ref of the last published data (the deploy workflow's previous commit): a report file that exists there must be unchanged, as the pull-request check requires.")
def build(data_dir: Path, lang: str, site_dir: Path, as_of: str | None, demo: bool, base_url: str | None, config: Path | None, base: str | None = None) -> None:
    """Validate plan-data/, then build the Vietnamese and English sites and the open data.

    Kiểm tra plan-data/, rồi dựng trang tiếng Việt, tiếng Anh và dữ liệu mở.
    """
    import os

    from partracker.outputs.context import BuildContext, BuildOptions
    from partracker.outputs.mkdocs_site import BuildFailed, build_site, config_file
    from partracker.reading.clock import epoch_of

    project_dir = (config.parent if config else Path.cwd()).resolve()
    if not config_file(project_dir, "vi").is_file():
        raise _usage("build.no_config", lang, path=config_file(project_dir, "vi"))
    words = labels(lang)  # type: ignore[arg-type]
    from partracker.reading.deployment import load_deployment

    try:
        # The deployment setting, with --base-url first: option, else the file, else none.
        deployment = load_deployment(project_dir).overridden(site_url=base_url)
    except DataInvalid as exc:
        fail_with(exc.problems, lang=lang)
    options = BuildOptions(data_dir=data_dir, as_of=_iso_option(as_of, "--as-of", lang) if as_of else None, demo=demo, deployment=deployment)
    try:
        ctx = BuildContext.load(options)
    except DataInvalid as exc:
        fail_with(exc.problems, lang=lang)
    except AsOfError as exc:
        raise _usage(exc.problem.code, lang, **exc.problem.params) from None
    if base is not None:
        from partracker.reading.history import history_problems

        changed = history_problems(data_dir, base)
        if changed:
            fail_with(changed, lang=lang)
    # Reproducible builds: MkDocs dates its sitemap from SOURCE_DATE_EPOCH.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch_of(ctx.as_of, ctx.timezone)))
    try:
        build_site(ctx, site_dir, project_dir=project_dir)
    except DataInvalid as exc:  # a symbolic link among the project's pages
        fail_with(exc.problems, lang=lang)
    except BuildFailed as exc:  # the log above says what went wrong; programming errors keep their traceback
        click.echo(words.format("cli.build_failed", detail=exc), err=True)
        sys.exit(1)
    click.echo(words.format("cli.built", site=site_dir, date=ctx.as_of.isoformat(), demo=" (DEMO)" if demo else ""))
    # What the setting leaves unknown, said plainly: nothing was invented in its place.
    if deployment.site_url is None:
        click.echo(words["cli.no_site_url"], err=True)
    if deployment.repository is None:
        click.echo(words["cli.no_repository"], err=True)
    # Dates the history cannot give are shown as unknown, never guessed; say why.
    if ctx.publication.unknown is not None:
        click.echo(words[{"no_git": "cli.no_git_history", "shallow": "cli.shallow_history"}[ctx.publication.unknown]], err=True)


def _plain(code: str, lang: str, **params: object) -> str:
    """A message of errors.MESSAGES in ``lang``, with its fix, for a failure that has no file and line."""
    vi, en, fix_vi, fix_en = MESSAGES[code]
    message, fix = (vi, fix_vi) if lang == "vi" else (en, fix_en)
    label = FIX_LABELS["vi" if lang == "vi" else "en"]
    return f"{message.format(**params)} — {label}: {fix.format(**params)}"


def _usage(code: str, lang: str, **params: object) -> click.UsageError:
    """A usage error (exit 2) worded from errors.MESSAGES in ``lang``."""
    return click.UsageError(_plain(code, lang, **params))


def _usage_both(code: str, **params: object) -> click.UsageError:
    """A usage error in Vietnamese, then English: for commands whose output is read in both languages."""
    return click.UsageError(_plain(code, "vi", **params) + "\n" + _plain(code, "en", **params))


def _iso_option(value: str, option: str, *langs: str) -> dt.date:
    """A date option written YYYY-MM-DD; anything else is a usage error worded in ``langs``."""
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        if len(langs) > 1:
            raise _usage_both("option.date_invalid", option=option, got=value) from None
        raise _usage("option.date_invalid", langs[0], option=option, got=value) from None


@main.command()
@click.option("--agency", "agency_id", default=None, help="Only this agency (and the collectives it belongs to) / Chỉ đơn vị này.")
@click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD", help="Due on or after this day / Hạn từ ngày.")
@click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD", help="Due on or before this day / Hạn đến ngày.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="Date statuses are computed for; default SOURCE_DATE_EPOCH, else today / Ngày tính trạng thái.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format / Định dạng.")
@click.option("--demo", is_flag=True, help="Count the sample reports of demo/progress/ too, as `build --demo` does / Tính cả báo cáo mẫu.")
@LANG_OPTION
@DATA_OPTION
def obligations(agency_id: str | None, date_from: str | None, date_to: str | None, as_of: str | None, fmt: str, demo: bool, lang: str, data_dir: Path) -> None:
    """List obligations with their due dates and status on the as-of date.

    Liệt kê nghĩa vụ, thời hạn và trạng thái tại ngày tính (as-of). With --from/--to, obligations
    without a date of their own are left out. The statuses are the site's: the same build context computes them.
    """
    from partracker.outputs.context import BuildContext, BuildOptions

    explicit = _iso_option(as_of, "--as-of", lang) if as_of else None
    start = _iso_option(date_from, "--from", lang) if date_from else None
    end = _iso_option(date_to, "--to", lang) if date_to else None
    try:
        ctx = BuildContext.load(BuildOptions(data_dir=data_dir, as_of=explicit, demo=demo))
    except DataInvalid as exc:
        fail_with(exc.problems, lang=lang)
    except AsOfError as exc:
        raise _usage(exc.problem.code, lang, **exc.problem.params) from None
    if agency_id is not None and agency_id not in {a.id for a in ctx.plan.agencies}:
        raise _usage("obligations.agency_unknown", lang, got=agency_id, choices=", ".join(a.id for a in ctx.plan.agencies))
    items = ctx.assessments if agency_id is None else ctx.agency_assessments(agency_id)
    if start or end:
        # A date range only holds dated obligations; undated ones have no place in it.
        items = tuple(a for a in items if a.obligation.due is not None and (start is None or a.obligation.due >= start) and (end is None or a.obligation.due <= end))
    click.echo(_obligations_output(ctx.plan, items, as_of=ctx.as_of, agency_id=agency_id, fmt=fmt, lang=lang), nl=False)


def _obligations_output(plan: Plan, assessed: tuple[Assessment, ...], *, as_of: dt.date, agency_id: str | None, fmt: str, lang: str) -> str:
    """The obligations listing as an aligned table or JSON."""
    import unicodedata

    from partracker.outputs import wording

    words = labels(lang)  # type: ignore[arg-type]
    if fmt == "json":
        return opendata.to_json({"as_of": as_of.isoformat(), "agency": agency_id, "obligations": [opendata.assessment_to_dict(plan, a) for a in assessed]})
    none = "—"
    rows = [[words.due, words.status, words.task, words.agency, words.role, words.obligation, words["cli.col_id"]]]
    for a in assessed:
        ob = a.obligation
        rows.append([
            f"{ob.due:%d/%m/%Y}" if ob.due else none,
            words.status_name(a.status),
            ob.task,
            plan.agency(ob.agency).short.get(lang) if ob.agency else none,  # type: ignore[arg-type]
            wording.role_text(ob, lang),  # type: ignore[arg-type]
            wording.obligation_title(plan, ob, lang),  # type: ignore[arg-type]
            ob.id,
        ])
    rows = [[unicodedata.normalize("NFC", c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(words.format("cli.obligations_count", count=words.count("count.obligations", len(assessed)), date=f"{as_of:%d/%m/%Y}"))
    return "\n".join(lines) + "\n"


@main.command("compile-report")
@click.option("--period", required=True, help="2017-q1 … 2017-q4, 2017-h1 or 2017-year / Kỳ báo cáo.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Date statuses are computed for [default: SOURCE_DATE_EPOCH, else today in the plan's time zone].")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "json"]), default="docx", show_default=True, help="Output format / Định dạng.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Where to write it [default: <period>.docx for docx, standard output otherwise].")
@click.option("--demo", is_flag=True, help="Count the sample reports of demo/progress/ too; the document is marked DEMO / Tính cả báo cáo mẫu.")
@LANG_OPTION
@DATA_OPTION
def compile_report(period: str, as_of: object, fmt: str, out: Path | None, demo: bool, lang: str, data_dir: Path) -> None:
    """The consolidated periodic report Sở Nội vụ sends to the Provincial People's Committee, as a draft.

    Báo cáo tổng hợp định kỳ Sở Nội vụ gửi UBND tỉnh, dưới dạng dự thảo (Word, Markdown hoặc JSON).
    """
    from partracker.outputs import compiled
    from partracker.outputs.context import BuildContext, BuildOptions

    try:
        ctx = BuildContext.load(BuildOptions(data_dir=data_dir, as_of=as_of.date() if as_of else None, demo=demo))  # type: ignore[attr-defined]
    except DataInvalid as exc:
        fail_with(exc.problems, lang=lang)
    except AsOfError as exc:
        raise _usage(exc.problem.code, lang, **exc.problem.params) from None
    known = compiled.periods(ctx)
    if period not in known:
        raise _usage("compiled.period_unknown", lang, got=period, choices=", ".join(known))
    report = compiled.compile_period(ctx, period)
    if fmt == "docx":
        target = out or Path(f"{period}.docx")
        target.write_bytes(compiled.docx_bytes(report, ctx, lang))  # type: ignore[arg-type]
        click.echo(str(target))
        return
    if fmt == "json":
        text = opendata.to_json(compiled.to_dict(report, ctx.plan))
    else:
        (page,) = [p for p in compiled.compiled_pages(ctx, lang) if p.path == ctx.urls.compiled(period)]  # type: ignore[arg-type]
        text = ctx.render(page.template, lang=lang, page=page.path, **page.values)  # type: ignore[arg-type, union-attr]
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(str(out))


@main.command()
@click.option("--quick", is_flag=True, help="Tiny sizes (20 and 60 tasks, 2,000 entries): a smoke run / Cỡ nhỏ để chạy thử.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON instead of the table.")
@click.option("--sizes", default=None, metavar="N,N,…", help="Task counts of the synthetic plans [default: 100,1000,10000; --quick: 20,60].")
@click.option("--entries", type=click.IntRange(min=20), default=None, help="Progress entries for the validation figure [default: 200000; --quick: 2000].")
@click.option("--parts", default=",".join(("real", "compare", "scaling", "validation", "serve", "pages")), show_default=True, help="Which parts to run: real, compare, scaling, validation, serve, pages.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the JSON result to this file.")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Keep generated plans, logs and sites here instead of a removed temp dir.")
def bench(quick: bool, as_json: bool, sizes: str | None, entries: int | None, parts: str, out: Path | None, work_dir: Path | None) -> None:
    """Measure build time, memory, validation throughput, serve refresh and page sizes against the targets.

    Đo thời gian dựng trang, bộ nhớ, tốc độ kiểm tra, thời gian làm mới khi xem trước và dung lượng trang.
    """
    import json

    from partracker.tools import bench as bn

    try:
        size_list = tuple(int(s) for s in sizes.split(",")) if sizes else None
    except ValueError:
        raise click.BadParameter(f"expected numbers separated by commas, got {sizes!r}", param_hint="--sizes") from None
    if size_list is not None and any(n < 6 for n in size_list):
        raise click.BadParameter("every size must be at least 6 tasks", param_hint="--sizes")
    chosen = tuple(p.strip() for p in parts.split(",") if p.strip())
    unknown = sorted(set(chosen) - set(bn.PARTS))
    if unknown:
        raise click.BadParameter(f"{'unknown part' if len(unknown) == 1 else 'unknown parts'} {', '.join(unknown)}; expected some of {', '.join(bn.PARTS)}", param_hint="--parts")
    try:
        result = bn.run(quick=quick, sizes=size_list, entries=entries, parts=chosen, work=work_dir, progress=lambda m: click.echo(m, err=True))
    except bn.BenchError as exc:
        click.echo(f"bench failed: {exc}", err=True)
        sys.exit(1)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    click.echo(text if as_json else bn.table(result))


if __name__ == "__main__":  # pragma: no cover
    main()
