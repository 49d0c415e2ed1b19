"""Which Chromium or Chrome the browser tests, screenshots and Lighthouse drive (Trình duyệt dùng để kiểm thử).

One setting, looked up in this order, the first usable binary wins:

1. ``PARTRACKER_CHROMIUM`` — the project's own setting; when it is set, it must name a usable
   binary, otherwise this fails rather than quietly driving another browser;
2. ``CHROME_BIN``, ``CHROMIUM_PATH`` — the names other tools use (GitHub's Ubuntu runners set
   ``CHROME_BIN=/usr/bin/google-chrome``);
3. ``/usr/bin/chromium`` (Debian's package; a symbolic link to a Chromium snapshot on GitHub's runners),
   then ``chromium``, ``chromium-browser`` and ``google-chrome`` on the PATH.

Ubuntu's ``chromium-browser`` package installs a shell script that only asks for the snap: such a
script is not a browser and is skipped. No browser is ever downloaded.

``python3 -m partracker.tools.browser`` prints the binary found, or exits 1: ``scripts/test.sh`` installs
Debian's chromium only then. It imports nothing outside the standard library, so it runs before the
project is installed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SETTING = "PARTRACKER_CHROMIUM"
"""The project's environment variable naming the browser binary."""
OTHER_SETTINGS = ("CHROME_BIN", "CHROMIUM_PATH")
"""Environment variables other tools set for the same purpose."""
USUAL_PATHS = ("/usr/bin/chromium",)
"""Absolute paths tried before the PATH."""
USUAL_NAMES = ("chromium", "chromium-browser", "google-chrome")
"""Command names looked up on the PATH, in order."""
ARGS = (
    "--headless=new",
    "--no-sandbox",  # Ubuntu 24.04 only lets Google Chrome's own binary use the sandbox (AppArmor); the pages are our own
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
"""The flags every headless run uses: no sandbox, no network side channels of the browser itself."""


class NoBrowser(RuntimeError):
    """No usable Chromium or Chrome binary; the message says where it looked and how to set one."""


def usable(path: str | os.PathLike[str]) -> bool:
    """True for an executable file that is a browser, not a script asking for a snap."""
    p = Path(path)
    if not p.is_file() or not os.access(p, os.X_OK):
        return False
    with open(p, "rb") as fh:
        head = fh.read(4096)
    # Ubuntu's transitional chromium-browser: "#!/bin/sh … requires the chromium snap to be installed".
    return not (head.startswith(b"#!") and b"snap" in head)


def find(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The browser binary to drive, by the order in this module's docstring; raises :class:`NoBrowser`."""
    env = os.environ if environ is None else environ
    chosen = env.get(SETTING, "").strip()
    if chosen:
        if usable(chosen):
            return chosen
        raise NoBrowser(f"{SETTING}={chosen!r} is not an executable Chromium or Chrome binary; unset it or point it at one.")
    candidates = [env.get(name, "").strip() for name in OTHER_SETTINGS]
    candidates += list(USUAL_PATHS)
    candidates += [shutil.which(name, path=env.get("PATH")) or "" for name in USUAL_NAMES]
    for candidate in candidates:
        if candidate and usable(candidate):
            return candidate
    raise NoBrowser(
        f"No Chromium or Chrome found (looked at ${SETTING}, ${', $'.join(OTHER_SETTINGS)}, {', '.join(USUAL_PATHS)} and "
        f"{', '.join(USUAL_NAMES)} on the PATH). Install Debian's chromium (`apt-get install chromium`, as scripts/test.sh does) "
        f"or set {SETTING} to a Chromium or Chrome binary."
    )


def main() -> int:
    """Print the browser found (exit 0), or why none was (exit 1)."""
    try:
        print(find())
    except NoBrowser as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
