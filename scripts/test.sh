#!/usr/bin/env bash
# The README's test command: install everything the tests need, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Browser tests drive Debian's Chromium through Playwright (no browser is downloaded);
# the report builder's script is also run under Node.js.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
python3 -m pip install -q -e '.[test]'
python3 -m pytest "$@"
