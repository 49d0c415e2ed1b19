"""The one setting that names the browser of the tests, screenshots and Lighthouse (partracker/tools/browser.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from partracker.tools.browser import NoBrowser, find, usable

ROOT = Path(__file__).resolve().parent.parent


def executable(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path: Path) -> dict[str, Path]:
    """A fake machine: a Chrome binary, a Chromium binary, Ubuntu's snap stub, a file that is not executable."""
    return {
        "chrome": executable(tmp_path / "opt" / "chrome", b"\x7fELF fake chrome"),
        "chromium": executable(tmp_path / "bin" / "chromium", b"\x7fELF fake chromium"),
        "stub": executable(tmp_path / "bin" / "chromium-browser", b"#!/bin/sh\necho 'Command requires the chromium snap to be installed'\n"),
        "plain": (tmp_path / "plain").with_suffix(".txt"),
        "bin": tmp_path / "bin",
    }


def test_the_project_setting_comes_first_then_the_usual_variables_then_the_path(machine: dict[str, Path]) -> None:
    path = str(machine["bin"])
    assert find({"PARTRACKER_CHROMIUM": str(machine["chrome"]), "CHROME_BIN": str(machine["chromium"]), "PATH": path}) == str(machine["chrome"])
    assert find({"CHROME_BIN": str(machine["chrome"]), "PATH": path}) == str(machine["chrome"])
    assert find({"CHROMIUM_PATH": str(machine["chrome"]), "PATH": path}) == str(machine["chrome"])
    # A variable naming nothing usable (another tool's) is passed over.
    found = find({"CHROME_BIN": "/nowhere/chrome", "PATH": path})
    assert found in ("/usr/bin/chromium", str(machine["chromium"]))


def test_ubuntus_snap_stub_is_not_a_browser(machine: dict[str, Path], tmp_path: Path) -> None:
    assert not usable(machine["stub"])
    assert usable(machine["chromium"]) and usable(machine["chrome"])
    machine["plain"].write_bytes(b"\x7fELF")
    assert not usable(machine["plain"])  # not executable
    only_stub = tmp_path / "stub-only"
    executable(only_stub / "chromium-browser", machine["stub"].read_bytes())
    if not Path("/usr/bin/chromium").exists():
        with pytest.raises(NoBrowser):
            find({"PATH": str(only_stub)})


def test_a_wrong_project_setting_fails_loudly_instead_of_driving_another_browser(machine: dict[str, Path]) -> None:
    with pytest.raises(NoBrowser, match="PARTRACKER_CHROMIUM='/nowhere/chromium' is not an executable"):
        find({"PARTRACKER_CHROMIUM": "/nowhere/chromium", "CHROME_BIN": str(machine["chrome"])})
    run = subprocess.run([sys.executable, "-m", "partracker.tools.browser"], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PARTRACKER_CHROMIUM": str(machine["stub"])})
    assert run.returncode == 1 and "is not an executable Chromium or Chrome binary" in run.stderr
    run = subprocess.run([sys.executable, "-m", "partracker.tools.browser"], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PARTRACKER_CHROMIUM": str(machine["chrome"])})
    assert (run.returncode, run.stdout) == (0, f"{machine['chrome']}\n")


def test_every_browser_user_goes_through_the_one_setting() -> None:
    for path in ("tests/conftest.py", "scripts/screenshots.py", "scripts/test.sh"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert "partracker.tools.browser" in text or "partracker.tools import browser" in text, path
        assert 'executable_path="/' not in text and "command -v chromium" not in text, path
