#!/usr/bin/env bash
# The README's build command: install the project, validate plan-data/ and build the bilingual site.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -e .
partracker build --site-dir "${1:-site}"
