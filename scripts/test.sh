#!/usr/bin/env bash
# The README's test command: install everything the tests need, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Browser tests drive a Chromium or Chrome through Playwright (no browser is downloaded): the one found by
# partracker/tools/browser.py ($PARTRACKER_CHROMIUM, $CHROME_BIN, $CHROMIUM_PATH, /usr/bin/chromium, then the PATH),
# and Debian's chromium is installed only when there is none. The report builder's script is also run under
# Node.js; LibreOffice (writer, no GUI) and poppler are the second reader of the consolidated report's Word draft
# (about 90 MB, 20 s).
missing=""
python3 -m partracker.tools.browser >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
readers=""
command -v soffice >/dev/null 2>&1 || readers="$readers libreoffice-writer-nogui fonts-liberation2"
command -v pdftotext >/dev/null 2>&1 || readers="$readers poppler-utils"
if [ -n "$missing$readers" ]; then
  sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq
  [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  [ -z "$readers" ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $readers >/dev/null
fi
python3 -m pip install -q -e '.[test]'
python3 -m pytest "$@"
