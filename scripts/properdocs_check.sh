#!/usr/bin/env bash
# Platform risk: ProperDocs (the maintained fork of MkDocs 1.6, on PyPI) builds this project unchanged. Its build of
# each language (`properdocs build`, our hook and overrides included) must be byte-identical to `partracker build`'s,
# for the same data and date. Needs `python -m pip install -e . properdocs==1.6.7` (both engines side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1496275200}"  # one date for both builds
python3 -m partracker build --site-dir "$out/mkdocs" >/dev/null
for lang in vi en; do
  config="mkdocs.yml"
  [ "$lang" = "vi" ] || config="mkdocs.$lang.yml"
  python3 -m properdocs build --strict --quiet -f "$config" -d "$out/properdocs/$lang"
  # `partracker build` publishes one 404 page at the root of the site instead of one per language.
  rm -f "$out/properdocs/$lang/404.html"
  diff -r "$out/mkdocs/$lang" "$out/properdocs/$lang"
done
echo "ProperDocs $(python3 -m pip show properdocs 2>/dev/null | sed -n 's/^Version: //p'): the same site, byte for byte."
