"""The package builds any project: from an installed wheel, under `mkdocs serve` with live edits, with honest failures."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import MINI_PLAN, ROOT, SITE_AS_OF, SOURCE_DATE_EPOCH

PROJECT_FILES = ("mkdocs.yml", "mkdocs.en.yml", "docs", "overrides", "hooks")
"""What a project holds besides its data: the package is installed, never copied in."""


def make_project(dest: Path) -> Path:
    """A project folder: the configs, hand-written docs, theme overrides and hook of this checkout, and the small fictional plan."""
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, dest / name)
    shutil.copytree(MINI_PLAN, dest / "plan-data")
    return dest


def test_an_installed_wheel_builds_a_project_outside_this_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(dist), str(ROOT)], check=True, capture_output=True)
    (wheel,) = dist.glob("partracker-*.whl")
    venv = tmp_path / "venv"
    # The venv sees the test machine's packages (MkDocs, Material…) but gets the package only from the wheel.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--force-reinstall", str(wheel)], check=True, capture_output=True)
    # Without PYTHONPATH, which would put a checkout's package before the installed one.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    where = subprocess.run([str(python), "-c", "import partracker; print(partracker.__file__)"], check=True, capture_output=True, text=True, cwd=tmp_path, env=env).stdout
    assert where.startswith(str(venv)), where
    project = make_project(tmp_path / "project")
    run = subprocess.run([str(venv / "bin" / "partracker"), "build", "--as-of", SITE_AS_OF.isoformat()], capture_output=True, text=True, cwd=project, env=env)
    assert run.returncode == 0, run.stderr
    # The project has no deployment.yaml: the build says plainly what that leaves unknown.
    assert "Lưu ý: deployment.yaml chưa ghi địa chỉ trang (site_url) và không có --base-url, nên trang dùng liên kết tương đối" in run.stderr
    assert "Lưu ý: deployment.yaml chưa ghi kho GitHub (repository)" in run.stderr
    site = project / "site"
    for rel in ("vi/tasks/a-i-1/index.html", "en/agencies/so-noi-vu/index.html", "vi/assets/site.css", "en/schemas/report.schema.json", "vi/data/plan.json"):
        assert (site / rel).is_file(), rel
    assert "Ban hành Kế hoạch CCHC hằng năm" in (site / "vi" / "tasks" / "a-i-1" / "index.html").read_text(encoding="utf-8")


def test_build_refuses_a_folder_without_a_project(tmp_path: Path) -> None:
    shutil.copytree(MINI_PLAN, tmp_path / "plan-data")
    run = subprocess.run([sys.executable, "-m", "partracker", "build", "--as-of", "2017-06-01", "--lang", "en"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert "mkdocs.yml was not found — fix: run the command in the project folder (where mkdocs.yml is), or pass --config path/to/mkdocs.yml" in run.stderr
    assert not (tmp_path / "site").exists()


def partracker(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line of this checkout's package, run in ``cwd``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    return subprocess.run([sys.executable, "-m", "partracker", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_a_copy_of_the_repository_builds_its_own_pages(tmp_path: Path) -> None:
    # The package's own checkout has docs/ too: a build must read the project it runs in (or --config), never those.
    project = make_project(tmp_path / "copy")
    for lang in ("vi", "en"):
        page = project / "docs" / lang / "contribute.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n\nTRANG-CỦA-BẢN-SAO-{lang}\n", encoding="utf-8")
    run = partracker("build", "--as-of", SITE_AS_OF.isoformat(), "--lang", "en", cwd=project)
    assert run.returncode == 0, run.stderr
    for lang in ("vi", "en"):
        assert f"TRANG-CỦA-BẢN-SAO-{lang}" in (project / "site" / lang / "contribute" / "index.html").read_text(encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = partracker("build", "--as-of", SITE_AS_OF.isoformat(), "--lang", "en", "--config", str(project / "mkdocs.yml"),
                     "--data", str(project / "plan-data"), "--site-dir", str(elsewhere / "site"), cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    assert "TRANG-CỦA-BẢN-SAO-vi" in (elsewhere / "site" / "vi" / "contribute" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "link, target",
    [("docs/vi/leak.md", "secret.txt"), ("docs/en/notes", "secrets"), ("overrides/partials/leak.html", "secret.txt"), ("hooks/extra.py", "secret.txt")],
)
def test_a_symbolic_link_among_the_pages_is_refused_and_nothing_is_published(tmp_path: Path, link: str, target: str) -> None:
    (tmp_path / "secret.txt").write_text("SECRET of the machine\n", encoding="utf-8")
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "index.md").write_text("SECRET of the machine\n", encoding="utf-8")
    project = make_project(tmp_path / "project")
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(tmp_path / target)
    kind = ("folder", "folder") if target == "secrets" else ("file", "tệp")
    build = partracker("build", "--as-of", SITE_AS_OF.isoformat(), "--lang", "en", cwd=project)
    assert build.returncode == 1
    assert build.stderr.startswith(f"{link}:1:1: (file): this {kind[0]} is a symbolic link to another {kind[0]}, which is not accepted — fix: replace the link with a real")
    assert not (project / "site").exists()
    validate = partracker("validate", "--as-of", SITE_AS_OF.isoformat(), cwd=project)
    assert validate.returncode == 1
    assert validate.stderr.startswith(f"{link}:1:1: (file): {'thư mục' if kind[1] == 'folder' else 'tệp'} này là một liên kết tượng trưng")


def test_a_programming_error_shows_its_traceback(tmp_path: Path) -> None:
    # An output that fails like a bug would: the build stops, says so, and the traceback names the error.
    script = (
        "import sys\n"
        "from partracker.outputs import registry\n"
        "def broken(ctx, lang):\n"
        "    raise ZeroDivisionError('an output failed like a bug')\n"
        "registry.OUTPUTS = registry.OUTPUTS + (broken,)\n"
        "from partracker.tools.cli import main\n"
        "sys.argv = ['partracker', 'build', '--data', sys.argv[1], '--site-dir', sys.argv[2], '--as-of', '2017-06-01', '--config', sys.argv[3], '--lang', 'en']\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(MINI_PLAN), str(tmp_path / "site"), str(ROOT / "mkdocs.yml")], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback (most recent call last)" in run.stderr
    assert "ZeroDivisionError: an output failed like a bug" in run.stderr
    assert not (tmp_path / "site").exists()


# --- mkdocs serve ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback only)
            return resp.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        assert proc.poll() is None, "mkdocs serve stopped"
        page = _get(url)
        if page is not None and text in page:
            return
        time.sleep(0.2)
    pytest.fail(f"{url} did not show {text!r} within {timeout:.0f} s")


def test_serve_shows_an_edit_to_the_data_a_template_or_a_module_without_a_restart(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    code = tmp_path / "code"
    shutil.copytree(ROOT / "partracker", code / "partracker", ignore=shutil.ignore_patterns("__pycache__"))
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/tasks/a-i-1/"
    try:
        _wait_for(url, "Ban hành Kế hoạch CCHC hằng năm", proc)
        section = project / "plan-data" / "tasks" / "A-I.yaml"
        section.write_text(section.read_text(encoding="utf-8").replace("Ban hành Kế hoạch CCHC hằng năm", "Ban hành Kế hoạch CCHC hằng năm SỬA-DỮ-LIỆU"), encoding="utf-8")
        _wait_for(url, "SỬA-DỮ-LIỆU", proc)
        template = code / "partracker" / "outputs" / "templates" / "site" / "task.md.j2"
        template.write_text(template.read_text(encoding="utf-8") + "\nSỬA-MẪU-TRANG\n", encoding="utf-8")
        _wait_for(url, "SỬA-MẪU-TRANG", proc)
        labels = code / "partracker" / "language" / "labels.py"
        labels.write_text(labels.read_text(encoding="utf-8").replace('"history": ("Lịch sử tiến độ",', '"history": ("Lịch sử tiến độ SỬA-MÃ",', 1), encoding="utf-8")
        _wait_for(url, "SỬA-MÃ", proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
