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
    where = subprocess.run([str(python), "-c", "import partracker; print(partracker.__file__)"], check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert where.startswith(str(venv)), where
    project = make_project(tmp_path / "project")
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    run = subprocess.run([str(venv / "bin" / "partracker"), "build", "--as-of", SITE_AS_OF.isoformat()], capture_output=True, text=True, cwd=project, env=env)
    assert run.returncode == 0, run.stderr
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
