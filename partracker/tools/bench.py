"""The performance benchmark (Đo hiệu năng): what the data-driven layer costs on top of MkDocs.

``partracker bench`` measures, in one run on one machine:

0. the real plan: CPU time of ``partracker build`` against plain MkDocs building the very same pages;
1. the bilingual build of the generated site against the same pages written to disk as plain
   Markdown and built by plain MkDocs + Material with the same navigation (the ratio is the figure);
2. build time and peak memory of the generated site at N tasks (synthetic plans), and
   time(largest)/time(previous size);
3. validation throughput, in progress entries per second, against its floor (libyaml's event stream over the
   same files) and its peer (check-jsonschema), and the validation cache cold, warm and with one new report;
4. for the real plan, the time from saving a progress file to the rebuilt page under ``mkdocs serve``;
5. for the real plan, the largest HTML page, the search index of each language (raw and gzipped) and how well
   search finds the pages of the query set ``tests/search-queries.yaml``, typed into the real search box in Chromium.

Every build runs in a child process: its wall time is measured around it and its peak memory is
the ``ru_maxrss`` that ``wait4`` returns (the largest process of the child's tree), plus the
largest sum of resident memory over the whole tree, sampled from /proc.
"""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from partracker.tools import synthetic

AS_OF = "2021-01-15"
"""As-of date of every benchmark build: after the last synthetic report (December 2020)."""

FULL_SIZES = (100, 1000, 10000)
QUICK_SIZES = (20, 60)
FULL_ENTRIES = 200_000
QUICK_ENTRIES = 2_000
SERVE_TIMEOUT = 120.0
"""Seconds to wait for ``mkdocs serve`` to start, and again for a rebuilt page."""

TARGETS: dict[str, tuple[str, float, str, str]] = {
    # key → (comparator, target, unit, label)
    "real_cpu_ratio": ("le", 1.05, "×", "real plan: CPU time of partracker build / plain MkDocs build of the same pages"),
    "build_ratio": ("le", 1.10, "×", "generated / plain MkDocs build time, same pages and nav"),
    "scaling_ratio": ("le", 11.0, "×", "build time(10k) / time(1k)"),
    "peak_memory_mb": ("le", 3072.0, "MB", "peak memory of the 10k build (largest process)"),
    "validation_entries_per_s": ("ge", 100_000.0, "entries/s", "validation throughput"),
    "validation_floor_ratio": ("le", 2.0, "×", "CPU of partracker validate / libyaml's event stream over the same files (the floor)"),
    "validation_peer_ratio": ("le", 1.0, "×", "CPU of partracker validate / check-jsonschema on the same report files (the peer)"),
    "cache_warm_s": ("le", 2.0, "s", "validate an unchanged history, cache warm (CPU time: one process, the wall time of an idle machine)"),
    "cache_one_new_s": ("le", 1.0, "s", "validate the history plus one new report, above interpreter start (CPU time)"),
    "serve_refresh_s": ("le", 2.0, "s", "save → rebuilt page under mkdocs serve --dirty (real plan)"),
    "largest_page_kb": ("le", 150.0, "KB", "largest HTML page (real plan)"),
    "search_index_kb_vi": ("le", 1024.0, "KB", "search index, Vietnamese (real plan)"),
    "search_index_kb_en": ("le", 1024.0, "KB", "search index, English (real plan)"),
    "search_index_gzip_kb_vi": ("le", 1024.0, "KB", "search index gzipped, Vietnamese (real plan)"),
    "search_index_gzip_kb_en": ("le", 1024.0, "KB", "search index gzipped, English (real plan)"),
    "search_rank1_vi": ("ge", 85.0, "%", "search query set found first, Vietnamese (real plan, Chromium)"),
    "search_rank1_en": ("ge", 85.0, "%", "search query set found first, English (real plan, Chromium)"),
    "search_top3_vi": ("ge", 100.0, "%", "search query set found in the top 3, Vietnamese"),
    "search_top3_en": ("ge", 100.0, "%", "search query set found in the top 3, English"),
}
"""The issue's targets; every figure the JSON carries, measured or not (then ``null``)."""

PARTS = ("real", "compare", "scaling", "validation", "serve", "pages")


@dataclass(frozen=True)
class Run:
    """One child process, measured."""

    seconds: float
    """Wall time."""
    maxrss_mb: float
    """ru_maxrss of the child's tree (its largest process), MiB."""
    tree_peak_mb: float
    """Largest sampled sum of resident memory over the child and its descendants, MiB."""
    returncode: int
    """Exit status."""
    cpu_seconds: float = 0.0
    """User + system CPU time of the child and every descendant it waited for."""


class BenchError(RuntimeError):
    """A measured command failed; the message holds its last lines of output."""


# --- measuring child processes -----------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name may hold spaces; fields after the closing parenthesis are fixed.
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        out.setdefault(ppid, []).append(int(entry))
    return out


def _tree_rss_kb(pid: int) -> int:
    children = _children_map()
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def measure(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, log: Path | None = None) -> Run:
    """Run ``cmd`` to the end; its wall time, peak memory and exit status; raise BenchError on failure."""
    out = open(log, "wb") if log else subprocess.DEVNULL
    peak = [0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT if log else subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if log:
        out.close()  # type: ignore[union-attr]
    run = Run(seconds=seconds, maxrss_mb=usage.ru_maxrss / 1024, tree_peak_mb=peak[0] / 1024, returncode=proc.returncode,
              cpu_seconds=usage.ru_utime + usage.ru_stime)
    if run.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:] if log else []
        raise BenchError(f"{' '.join(cmd)} exited {run.returncode}\n" + "\n".join(tail))
    return run


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # Reproducible: MkDocs dates the sitemap from SOURCE_DATE_EPOCH; the as-of date is explicit anyway.
    env["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.fromisoformat(AS_OF + "T00:00:00+07:00").timestamp()))
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


# --- builds: generated and plain -----------------------------------------------------------------


def project_root() -> Path:
    """The project holding mkdocs.yml: the current directory (``partracker bench`` runs in the project, like ``build``)."""
    return Path.cwd().resolve()


def build_generated(data_dir: Path, site_dir: Path, *, log: Path) -> Run:
    """``partracker build`` of both languages, in a child process."""
    cmd = [sys.executable, "-m", "partracker", "build", "--data", str(data_dir), "--site-dir", str(site_dir), "--as-of", AS_OF, "--config", str(project_root() / "mkdocs.yml")]
    return measure(cmd, cwd=project_root(), env=_env(), log=log)


def dump_plain(data_dir: Path, out: Path) -> list[Path]:
    """Write each language's generated pages, hand-written pages and a plain MkDocs config (same nav, no hooks) under ``out``; the configs."""
    from mkdocs.config import load_config

    from partracker.language.text import LANGS
    from partracker.outputs import registry
    from partracker.outputs.context import BuildContext, BuildOptions
    from partracker.outputs.mkdocs_site import config_file, nav

    configs = []
    # The data does not depend on the language: load it once (this step is not timed).
    ctx = BuildContext.load(BuildOptions(data_dir=data_dir, as_of=dt.date.fromisoformat(AS_OF)))
    for lang in LANGS:
        real = load_config(str(config_file(project_root(), lang)))
        docs = out / "docs" / lang
        shutil.copytree(real.docs_dir, docs)
        for rel, content in registry.generate(ctx, lang).items():
            path = docs / rel
            if path.exists():
                continue  # a hand-written page wins, as in the hook
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        present = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
        config = {
            "site_name": real.site_name,
            "site_url": real.site_url,
            "docs_dir": str(docs),
            "site_dir": str(out / "site" / lang),
            "use_directory_urls": real.use_directory_urls,
            "theme": {"name": "material", "language": lang, "font": False, "features": list(real.theme["features"])},
            "plugins": [{"search": {"lang": lang}}],
            "markdown_extensions": _extensions(real),
            "extra_css": list(real.extra_css),
            "nav": nav(lang, ctx.plan, ctx.urls, present),
        }
        path = out / f"mkdocs.{lang}.yml"
        # JSON is YAML: MkDocs reads it as it is (a function given by name becomes a !!python/name: tag).
        text = re.sub(rf'"{_PYTHON_NAME}([A-Za-z0-9_.]+)"', r"!!python/name:\1", json.dumps(config, ensure_ascii=False, indent=1))
        path.write_text(text, encoding="utf-8")
        configs.append(path)
    return configs


_PYTHON_NAME = "python-name:"
"""Marks a function in an extension's options (toc's slugify); written back as YAML's !!python/name: tag."""


def _extensions(config: Any) -> list[Any]:
    def option(value: Any) -> Any:
        return f"{_PYTHON_NAME}{value.__module__}.{value.__qualname__}" if callable(value) else value

    ext_configs = config.mdx_configs
    return [{name: {k: option(v) for k, v in ext_configs[name].items()}} if name in ext_configs else name for name in config.markdown_extensions]


def build_plain(configs: list[Path], *, log: Path) -> Run:
    """Plain ``mkdocs build`` of every language, in parallel as ``partracker build`` does, in a child process."""
    cmd = [sys.executable, "-m", "partracker.tools.bench", "plain-build", *map(str, configs)]
    return measure(cmd, cwd=configs[0].parent, env=_env(), log=log)


def _plain_worker(config: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config))


def plain_build_main(configs: list[str]) -> None:
    """Entry point of the plain build child: one process per language, like ``partracker build``."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=len(configs)) as pool:
        for f in [pool.submit(_plain_worker, c) for c in configs]:
            f.result()


# --- the parts -----------------------------------------------------------------------------------


def _generate(work: Path, tasks: int) -> synthetic.Summary:
    root = work / f"plan-{tasks}"
    if root.exists():
        shutil.rmtree(root)
    return synthetic.generate(root, tasks=tasks)


def part_builds(work: Path, sizes: tuple[int, ...], *, compare: bool, progress: Any, checkpoint: Any = None) -> dict[str, Any]:
    """Generated build (and, with ``compare``, the plain build of the same pages) at each size."""
    rows: list[dict[str, Any]] = []
    for n in sizes:
        summary = _generate(work, n)
        progress(f"build: {n} tasks, {summary.entries} entries")
        gen = build_generated(summary.root, work / f"site-{n}", log=work / f"build-{n}.log")
        row: dict[str, Any] = {"tasks": n, "entries": summary.entries, "report_files": summary.report_files, "generated": asdict(gen)}
        shutil.rmtree(work / f"site-{n}", ignore_errors=True)
        if checkpoint:
            checkpoint({"sizes": [*rows, row]})
        if compare:
            plain_dir = work / f"plain-{n}"
            t0 = time.perf_counter()
            try:
                configs = dump_plain(summary.root, plain_dir)
            except Exception as exc:  # the hook's own code failing is a failed measurement, not a crash
                raise BenchError(f"dumping the generated pages of {summary.root} failed: {exc!r}") from exc
            row["dump_seconds"] = time.perf_counter() - t0
            pages = sum(1 for p in (plain_dir / "docs").rglob("*.md"))
            plain = build_plain(configs, log=work / f"plain-{n}.log")
            row["pages_md_both_languages"] = pages
            row["plain"] = asdict(plain)
            row["ratio"] = gen.seconds / plain.seconds
            shutil.rmtree(plain_dir, ignore_errors=True)
        progress(f"  generated {gen.seconds:.1f} s, {gen.maxrss_mb:.0f} MB" + (f"; plain {row['plain']['seconds']:.1f} s; ratio {row['ratio']:.2f}" if compare else ""))
        shutil.rmtree(summary.root, ignore_errors=True)
        rows.append(row)
        if checkpoint:
            checkpoint({"sizes": rows})
    return {"sizes": rows}


def part_validation(work: Path, entries: int, *, progress: Any) -> dict[str, Any]:
    """``partracker validate`` of a synthetic plan whose five years of quarterly reports hold ``entries`` entries.

    Beside it, on the same files: the floor (libyaml's event stream over every file validate reads, nothing else),
    the peer (check-jsonschema with the published report schema, when installed), and the validation cache:
    filled, warm, and with one new report.
    """
    tasks = max(3 * 2, entries // ((synthetic.END_YEAR - synthetic.START_YEAR + 1) * 4))
    summary = _generate(work, tasks)
    root = summary.root
    progress(f"validation: {summary.entries} entries in {summary.report_files} files")
    env = _env()
    validate = [sys.executable, "-m", "partracker", "validate", "--data", str(root), "--as-of", AS_OF]
    run = measure([*validate, "--no-cache"], cwd=work, env=env, log=work / "validate.log")
    floor = measure([sys.executable, "-m", "partracker.tools.bench", "floor", str(root)], cwd=work, env=env, log=work / "floor.log")
    progress(f"  validate {run.cpu_seconds:.1f} s CPU; floor {floor.cpu_seconds:.1f} s")
    peer_cmd = _peer_command()
    peer = None
    if peer_cmd:
        schema = Path(__file__).resolve().parent.parent / "schemas" / "report.schema.json"
        files = sorted(str(p) for p in (root / "progress").rglob("*.yaml"))
        peer = measure([*peer_cmd, "--schemafile", str(schema), *files], cwd=work, env=env, log=work / "peer.log")
        progress(f"  check-jsonschema {peer.cpu_seconds:.1f} s CPU")
    start = measure([sys.executable, "-c", "pass"], cwd=work, env=env)
    store = ["--cache-dir", str(work / "validation-cache")]
    cold = measure([*validate, *store], cwd=work, env=env, log=work / "validate-cold.log")
    warm = measure([*validate, *store], cwd=work, env=env, log=work / "validate-warm.log")
    # One new report: a supplement to the last filing of the first agency, two entries of it again.
    agency_dir = sorted(p for p in (root / "progress").iterdir() if p.is_dir())[0]
    last = sorted(agency_dir.glob("*.yaml"))[-1]
    head, *entries_text = last.read_text(encoding="utf-8").split("\n  - ")
    (agency_dir / f"{last.stem}-2.yaml").write_text("\n  - ".join([head, *entries_text[:2]]).rstrip("\n") + "\n", encoding="utf-8")
    one_new = measure([*validate, *store], cwd=work, env=env, log=work / "validate-one-new.log")
    progress(f"  cache: cold {cold.seconds:.2f} s, warm {warm.seconds:.2f} s, one new report {one_new.seconds:.2f} s (interpreter {start.seconds:.2f} s)")
    shutil.rmtree(root, ignore_errors=True)
    return {
        "tasks": tasks, "entries": summary.entries, "report_files": summary.report_files, "run": asdict(run), "entries_per_s": summary.entries / run.seconds,
        "floor": asdict(floor), "peer": asdict(peer) if peer else None, "peer_command": " ".join(peer_cmd[-1:]) if peer_cmd else None,
        "interpreter": asdict(start), "cache_cold": asdict(cold), "cache_warm": asdict(warm), "cache_one_new": asdict(one_new),
    }


def _peer_command() -> list[str] | None:
    """check-jsonschema, installed beside this Python (the test extra pins it), else on the PATH; None when absent."""
    beside = Path(sys.executable).with_name("check-jsonschema")
    found = str(beside) if beside.is_file() else shutil.which("check-jsonschema")
    return [found] if found else None


def floor_main(root: str) -> None:
    """The floor: read every YAML file under ``root`` and pull libyaml's events, doing nothing with them."""
    import yaml

    for path in sorted(Path(root).rglob("*.yaml")):
        next_event = yaml.CSafeLoader(path.read_bytes().decode("utf-8")).get_event
        while next_event() is not None:
            pass


def part_real(work: Path, *, runs: int, progress: Any) -> dict[str, Any]:
    """The real plan: ``partracker build`` against plain MkDocs building the very same pages, alternating, CPU time."""
    root = project_root()
    plain_dir = work / "plain-real"
    configs = dump_plain(root / "plan-data", plain_dir)
    generated, plain = [], []
    for i in range(runs):
        progress(f"real plan: build {i + 1}/{runs}")
        generated.append(build_generated(root / "plan-data", work / "site-real-gen", log=work / "real-gen.log"))
        plain.append(build_plain(configs, log=work / "real-plain.log"))
        shutil.rmtree(work / "site-real-gen", ignore_errors=True)
        shutil.rmtree(plain_dir / "site", ignore_errors=True)
    shutil.rmtree(plain_dir, ignore_errors=True)

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2

    gen_cpu, plain_cpu = median([r.cpu_seconds for r in generated]), median([r.cpu_seconds for r in plain])
    gen_wall, plain_wall = median([r.seconds for r in generated]), median([r.seconds for r in plain])
    progress(f"  generated {gen_cpu:.1f} s CPU, plain {plain_cpu:.1f} s CPU: {gen_cpu / plain_cpu:.3f}×")
    return {
        "runs": runs, "generated": [asdict(r) for r in generated], "plain": [asdict(r) for r in plain],
        "cpu_ratio": gen_cpu / plain_cpu, "wall_ratio": gen_wall / plain_wall,
        "median_cpu_seconds": {"generated": gen_cpu, "plain": plain_cpu}, "median_seconds": {"generated": gen_wall, "plain": plain_wall},
    }


def copy_project(dest: Path) -> Path:
    """A copy of the real project's site inputs (configs, docs, overrides, hooks, plan-data, demo) in ``dest``."""
    root = project_root()
    shutil.rmtree(dest, ignore_errors=True)  # what a stopped run left
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(root / name, dest / name)
    for name in ("docs", "overrides", "hooks", "plan-data", "demo"):
        if (root / name).is_dir():
            shutil.copytree(root / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    # mkdocs.yml watches partracker/ too; the code itself is imported from the installed package.
    (dest / "partracker").symlink_to(root / "partracker", target_is_directory=True)
    return dest


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_LIVERELOAD_CALL = re.compile(rb"livereload\(\d+, \d+\);")


def _get(url: str) -> bytes | None:
    """The page, without the live-reload call whose numbers change on every request; None when not served."""
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback only)
            return _LIVERELOAD_CALL.sub(b"", resp.read())
    except (urllib.error.URLError, OSError):
        return None


def part_serve(work: Path, *, progress: Any) -> dict[str, Any]:
    """Seconds from saving a progress file to the changed task page, under ``mkdocs serve --dirty`` (the figure) and plain ``mkdocs serve``."""
    dirty = _serve(work, dirty=True, progress=progress)
    full = _serve(work, dirty=False, progress=progress)
    return {**dirty, "full": full}


def _serve(work: Path, *, dirty: bool, progress: Any) -> dict[str, Any]:
    """Save a progress file in a copy of the real project under ``mkdocs serve``; seconds until the task page changes."""
    from partracker.domain.duties import duties
    from partracker.reading.dataset import require_plan

    project = copy_project(work / "serve-project")
    plan = require_plan(project / "plan-data")
    agency = "so-noi-vu"
    task = duties(plan, agency)[0].task
    from urllib.parse import urlsplit

    from mkdocs.config import load_config

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    # mkdocs serve mounts the site at the path of site_url (/vi/).
    mount = urlsplit(load_config(str(project / "mkdocs.yml")).site_url or "/").path or "/"
    url = base + mount.rstrip("/") + f"/tasks/{task.slug}/"
    progress(f"serve{' --dirty' if dirty else ''}: {url}")
    log = open(work / "serve.log", "wb")
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    proc = subprocess.Popen(cmd, cwd=project, env=_env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        t0 = time.perf_counter()
        before = None
        while before is None and time.perf_counter() - t0 < SERVE_TIMEOUT and proc.poll() is None:
            before = _get(url)
            if before is None:
                time.sleep(0.2)
        startup = time.perf_counter() - t0
        if before is None:
            raise BenchError(f"mkdocs serve did not serve {url} within {SERVE_TIMEOUT:.0f} s; see {work / 'serve.log'}")
        time.sleep(1.0)  # let the watcher settle after the first build
        report = project / "plan-data" / "progress" / agency / "2017-q1.yaml"
        report.parent.mkdir(parents=True, exist_ok=True)
        # A report in the temporary copy only: never published, never in the real plan-data/.
        text = "\n".join(
            [
                f'agency: "{agency}"',
                'period: "2017-q1"',
                'submitted: "2017-03-04"',
                "entries:",
                '  - id: "e1"',
                f'    task: "{task.id}"',
                '    status: "in_progress"',
                "    percent: 40",
                '    reported: "2017-03-01"',
            ]
        )
        saved = time.perf_counter()
        report.write_text(text + "\n", encoding="utf-8")
        after = before
        while after == before and time.perf_counter() - saved < SERVE_TIMEOUT and proc.poll() is None:
            time.sleep(0.05)
            after = _get(url) or before
        refresh = time.perf_counter() - saved
        if after == before:
            raise BenchError(f"{url} did not change within {SERVE_TIMEOUT:.0f} s of saving {report.name}; see {work / 'serve.log'}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    shutil.rmtree(project, ignore_errors=True)
    progress(f"  refresh {refresh:.2f} s")
    return {"page": url.removeprefix(base), "dirty": dirty, "startup_s": startup, "refresh_s": refresh}


SEARCH_QUERIES = Path("tests") / "search-queries.yaml"
"""The search query set, in the project."""


def part_pages(work: Path, *, progress: Any) -> dict[str, Any]:
    """Build the real plan; its largest HTML page, each language's search index (raw and gzipped), and the search
    query set typed into the real search box in Chromium (:mod:`partracker.tools.search_quality`)."""
    root = project_root()
    site_dir = work / "site-real"
    progress("real plan: build")
    run = build_generated(root / "plan-data", site_dir, log=work / "build-real.log")
    pages = sorted(((p.stat().st_size, p.relative_to(site_dir).as_posix()) for p in site_dir.rglob("*.html")), reverse=True)
    index: dict[str, int | None] = {}
    gzipped: dict[str, int | None] = {}
    for lang in ("vi", "en"):
        path = site_dir / lang / "search" / "search_index.json"
        index[lang] = path.stat().st_size if path.is_file() else None
        gzipped[lang] = len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)) if path.is_file() else None
    quality: dict[str, Any]
    queries = root / SEARCH_QUERIES
    from partracker.tools import search_quality

    if not queries.is_file():
        quality = {"skipped": f"no query set at {SEARCH_QUERIES}"}
    elif not Path(search_quality.CHROMIUM).is_file() or importlib.util.find_spec("playwright") is None:
        quality = {"skipped": f"needs Playwright and Debian's Chromium at {search_quality.CHROMIUM} (bash scripts/test.sh installs both)"}
    else:
        progress("real plan: search query set in Chromium")
        quality = search_quality.measure(site_dir, queries)
    shutil.rmtree(site_dir, ignore_errors=True)
    return {
        "build": asdict(run),
        "html_pages": len(pages),
        "largest_pages": [{"path": p, "bytes": b} for b, p in pages[:5]],
        "search_index_bytes": index,
        "search_index_gzip_bytes": gzipped,
        "search_quality": quality,
    }


# --- the whole run -------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    from importlib.metadata import version

    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "pyyaml_libyaml": _libyaml(),
        "platform": platform.platform(),
    }


def _libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


def figures(results: dict[str, Any]) -> dict[str, Any]:
    """The issue's figures from the parts' results: value, target, met (``None`` when not measured)."""
    values: dict[str, float | None] = dict.fromkeys(TARGETS)
    labels = {key: spec[3] for key, spec in TARGETS.items()}
    builds = results.get("builds", {}).get("sizes", [])
    if builds:
        last = builds[-1]
        if "ratio" in last:
            values["build_ratio"] = last["ratio"]
        values["peak_memory_mb"] = last["generated"]["maxrss_mb"]
        if len(builds) >= 2:
            values["scaling_ratio"] = last["generated"]["seconds"] / builds[-2]["generated"]["seconds"]
            labels["scaling_ratio"] = f"build time({last['tasks']} tasks) / time({builds[-2]['tasks']} tasks)"
        labels["peak_memory_mb"] = f"peak memory of the {last['tasks']}-task build (largest process)"
        labels["build_ratio"] = f"generated / plain MkDocs build time, same pages and nav ({last['tasks']} tasks)"
    if "real" in results:
        values["real_cpu_ratio"] = results["real"]["cpu_ratio"]
    if "validation" in results:
        v = results["validation"]
        values["validation_entries_per_s"] = v["entries_per_s"]
        if v.get("floor"):
            values["validation_floor_ratio"] = v["run"]["cpu_seconds"] / v["floor"]["cpu_seconds"]
        if v.get("peer"):
            values["validation_peer_ratio"] = v["run"]["cpu_seconds"] / v["peer"]["cpu_seconds"]
        if v.get("cache_warm"):
            # CPU time: a single process, so on an idle machine its wall time; on a shared one, what it would be.
            values["cache_warm_s"] = v["cache_warm"]["cpu_seconds"]
            values["cache_one_new_s"] = max(0.0, v["cache_one_new"]["cpu_seconds"] - v["interpreter"]["cpu_seconds"])
    if "serve" in results:
        values["serve_refresh_s"] = results["serve"]["refresh_s"]
    if "pages" in results:
        pages = results["pages"]
        values["largest_page_kb"] = pages["largest_pages"][0]["bytes"] / 1024 if pages["largest_pages"] else None
        for lang in ("vi", "en"):
            size = pages["search_index_bytes"][lang]
            values[f"search_index_kb_{lang}"] = size / 1024 if size is not None else None
            size = pages.get("search_index_gzip_bytes", {}).get(lang)
            values[f"search_index_gzip_kb_{lang}"] = size / 1024 if size is not None else None
            quality = pages.get("search_quality", {}).get("figures", {}).get(lang)
            if quality:
                values[f"search_rank1_{lang}"] = quality["rank1"] * 100
                values[f"search_top3_{lang}"] = quality["top3"] * 100
    out = {}
    for key, (comparator, target, unit, label) in TARGETS.items():
        value = values[key]
        met = None if value is None else (value <= target if comparator == "le" else value >= target)
        out[key] = {"label": labels[key], "value": value, "target": target, "comparator": comparator, "unit": unit, "met": met}
    return out


def run(*, quick: bool, sizes: tuple[int, ...] | None = None, entries: int | None = None, parts: tuple[str, ...] = PARTS, work: Path | None = None, progress: Any = None) -> dict[str, Any]:
    """Run the benchmark parts and return every result, the figures and the machine."""
    progress = progress or (lambda message: None)
    sizes = sizes or (QUICK_SIZES if quick else FULL_SIZES)
    entries = entries or (QUICK_ENTRIES if quick else FULL_ENTRIES)
    own = work is None
    work = Path(tempfile.mkdtemp(prefix="partracker-bench-")) if own else work
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict[str, Any] = {}

    def checkpoint(name: str, value: Any) -> None:
        # A long run that is stopped still leaves the figures measured so far.
        results[name] = value
        (work / "results.partial.json").write_text(json.dumps(results, indent=1), encoding="utf-8")

    try:
        # Cheap parts first, so a long run that is stopped still has them.
        if "pages" in parts:
            checkpoint("pages", part_pages(work, progress=progress))
        if "real" in parts:
            checkpoint("real", part_real(work, runs=1 if quick else 3, progress=progress))
        if "serve" in parts:
            checkpoint("serve", part_serve(work, progress=progress))
        if "validation" in parts:
            checkpoint("validation", part_validation(work, entries, progress=progress))
        if "compare" in parts or "scaling" in parts:
            checkpoint("builds", part_builds(work, tuple(sizes), compare="compare" in parts, progress=progress, checkpoint=lambda v: checkpoint("builds", v)))
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    return {
        "command": "partracker bench" + (" --quick" if quick else "") + (f" --sizes {','.join(map(str, sizes))}" if sizes not in (QUICK_SIZES, FULL_SIZES) else ""),
        "quick": quick,
        "sizes": list(sizes),
        "validation_entries": entries,
        "parts": list(parts),
        "as_of": AS_OF,
        "machine": machine(),
        "results": results,
        "figures": figures(results),
        "total_seconds": time.perf_counter() - started,
    }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "entries/s":
        return f"{value:,.0f} {unit}"
    if unit == "%":
        return f"{value:.0f} %" if value == round(value) else f"{value:.1f} %"
    return f"{value:,.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def table(result: dict[str, Any]) -> str:
    """Figure / target / met, as a Markdown table."""
    rows = ["| Figure | Value | Target | Met |", "| --- | ---: | ---: | :---: |"]
    for fig in result["figures"].values():
        sign = "≤" if fig["comparator"] == "le" else "≥"
        met = "—" if fig["met"] is None else ("yes" if fig["met"] else "NO")
        rows.append(f"| {fig['label']} | {_fmt(fig['value'], fig['unit'])} | {sign} {_fmt(fig['target'], fig['unit'])} | {met} |")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    """``python -m partracker.tools.bench plain-build CONFIG…``: the plain side's child process."""
    if argv[:1] == ["plain-build"] and argv[1:]:
        plain_build_main(argv[1:])
        return
    if argv[:1] == ["floor"] and len(argv) == 2:
        floor_main(argv[1])
        return
    raise SystemExit("usage: python -m partracker.tools.bench plain-build CONFIG... | floor DIR")


if __name__ == "__main__":
    main(sys.argv[1:])
