"""Lighthouse scores of the site as GitHub Pages serves it (mobile, gzip), for the benchmark page.

Usage: python3 scripts/lighthouse.py [--runs 3] [--site-dir DIR] [--json FILE]

1. Builds the real site (as of SITE_AS_OF) with the address it is served at here, as the deploy workflow builds it
   with the Pages address; or takes an already built ``--site-dir`` (then served at the root of 127.0.0.1).
2. Serves it on 127.0.0.1 like GitHub Pages: gzip for text, ``Cache-Control: max-age=600``, a redirect to add the
   trailing slash, the root's ``404.html`` for a missing address.
3. Runs Lighthouse (the npm package, pinned to LIGHTHOUSE below, installed once under ``.cache/``; no browser is
   downloaded) with the project's browser (partracker/tools/browser.py: PARTRACKER_CHROMIUM, CHROME_BIN, Debian's
   chromium…), mobile form factor and simulated throttling, ``--runs`` times per page.
4. Prints a Markdown table: the median of each category (performance / accessibility / best practices / SEO), the
   median largest contentful paint and total blocking time, the failing audits and Lighthouse's ``benchmarkIndex``
   (how fast this machine was: below ~1200 the performance score drops by a few points on the same page).

Lighthouse 13 needs Node 22.19 or newer; 12.8.2 is the newest that runs on Node 20. Run it on a quiet machine: other
processes make the performance score noisy (that is why the median of several runs is recorded).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partracker.tools import browser as browser_setting  # noqa: E402

LIGHTHOUSE = "12.8.2"
"""The npm package's version: the newest that runs on Node 20."""
CACHE = ROOT / ".cache" / f"lighthouse-{LIGHTHOUSE}"
SITE_AS_OF = "2017-06-01"
PAGES = (("home", ""), ("task", "tasks/a-i-1/"), ("agency", "agencies/so-noi-vu/"), ("progress", "progress/"))
"""The pages measured in each language: (name, path under the language root)."""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "application/atom+xml", "image/svg+xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("text/calendar", ".ics")


class PagesLike(http.server.BaseHTTPRequestHandler):
    """Serves ``directory`` as GitHub Pages does (the parts a page load sees)."""

    directory = Path(".")
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class names it so
        path = unquote(urlsplit(self.path).path)
        target = (self.directory / path.lstrip("/")).resolve()
        if target != self.directory and self.directory not in target.parents:
            return self.reply(403, "text/plain", b"forbidden")
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
        if not target.is_file():
            return self.reply(404, "text/html; charset=utf-8", (self.directory / "404.html").read_bytes())
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith(COMPRESSIBLE):
            kind += "; charset=utf-8"
        return self.reply(200, kind, target.read_bytes())

    def reply(self, status: int, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "max-age=600")
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "") and len(data) > 256:
            data = gzip.compress(data, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def lighthouse_binary() -> Path:
    """The pinned Lighthouse, installed under .cache/ on first use (npm; PUPPETEER_SKIP_DOWNLOAD: no browser)."""
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--save-exact", f"lighthouse@{LIGHTHOUSE}"], check=True, env=env)
    return binary


def run_once(binary: Path, chrome: str, url: str, out: Path) -> dict:
    flags = " ".join(browser_setting.ARGS)
    subprocess.run(
        [str(binary), url, f"--chrome-flags={flags}", "--output=json", f"--output-path={out}", "--quiet"],
        check=True, env={**os.environ, "CHROME_PATH": chrome},
    )
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    """The figures of one run."""
    cats, audits = report["categories"], report["audits"]
    failing = sorted(
        audits[ref["id"]]["id"]
        for cat in CATEGORIES
        for ref in cats[cat]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1 and cat != "performance"
    )
    requests = audits["network-requests"]["details"]["items"]
    return {
        **{cat: round(cats[cat]["score"] * 100) for cat in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "kib": round(sum(r.get("transferSize", 0) for r in requests) / 1024),
        "errors": sorted(r["url"] for r in requests if r.get("statusCode", 200) >= 400),
        "failing": failing,
        "benchmark_index": round(report["environment"]["benchmarkIndex"]),
    }


def build(site: Path, base_url: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1496275200")}
    subprocess.run([sys.executable, "-m", "partracker", "build", "--site-dir", str(site), "--as-of", SITE_AS_OF, "--base-url", base_url],
                   check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--json", type=Path, help="write every run's figures here")
    args = parser.parse_args()
    chrome = browser_setting.find()
    binary = lighthouse_binary()
    with tempfile.TemporaryDirectory() as tmp:
        handler = type("Handler", (PagesLike,), {})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        base = f"http://127.0.0.1:{server.server_port}/"
        site = args.site_dir.resolve() if args.site_dir else Path(tmp) / "site"
        if not args.site_dir:
            print(f"building the site for {base} …", file=sys.stderr)
            build(site, base)
        handler.directory = site
        threading.Thread(target=server.serve_forever, daemon=True).start()
        runs: dict[str, list[dict]] = {}
        try:
            for lang in ("vi", "en"):
                for name, path in PAGES:
                    key = f"{lang} {name}"
                    for i in range(args.runs):
                        runs.setdefault(key, []).append(summary(run_once(binary, chrome, f"{base}{lang}/{path}", Path(tmp) / f"run-{lang}-{name}-{i}.json")))
                        print(f"{key} run {i + 1}: {runs[key][-1]}", file=sys.stderr)
        finally:
            server.shutdown()
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Lighthouse {LIGHTHOUSE}, mobile, simulated throttling, served with gzip; median of {args.runs} runs per page.\n")
    print("| page | performance | accessibility | best practices | SEO | LCP | TBT | transfer | failing audits (not performance) | benchmarkIndex |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    below = []
    for key, results in runs.items():
        med = {cat: statistics.median(r[cat] for r in results) for cat in CATEGORIES}
        lcp = statistics.median(r["lcp_ms"] for r in results) / 1000
        tbt = statistics.median(r["tbt_ms"] for r in results)
        kib = statistics.median(r["kib"] for r in results)
        failing = sorted({a for r in results for a in r["failing"]}) or ["–"]
        bench = "–".join(str(v) for v in sorted({min(r["benchmark_index"] for r in results), max(r["benchmark_index"] for r in results)}))
        print(f"| {key} | {med['performance']:g} | {med['accessibility']:g} | {med['best-practices']:g} | {med['seo']:g} | {lcp:.1f} s | {tbt:g} ms | {kib:g} KiB | {', '.join(failing)} | {bench} |")
        below += [f"{key} {cat} {med[cat]:g}" for cat in CATEGORIES if med[cat] < TARGET]
        below += [f"{key}: {url} answered an error" for r in results for url in r["errors"]]
    if below:
        print("\nBelow the target of %d or failing requests: %s" % (TARGET, "; ".join(below)))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
