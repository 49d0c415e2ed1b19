"""The deployment setting: one file, read by every part; unknown values stay unknown, never a placeholder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from partracker.outputs.context import BuildOptions
from partracker.reading.deployment import (
    Deployment,
    deployment_problems,
    load_deployment,
)
from partracker.reading.errors import DataInvalid
from partracker.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent

PLACEHOLDER = re.compile(r"(?:https?:|[\"'(=\s])//(?:[A-Za-z0-9-]+\.)*(?:[A-Za-z0-9-]+\.(?:invalid|example|test|localhost)|example\.(?:com|org|net))\b", re.I)
"""An address whose host names no real place (RFC 2606): what a site must never publish as its own."""


def problems_of(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "deployment.yaml").write_text(text, encoding="utf-8")
    return [p.format("en") for p in deployment_problems(tmp_path)[1]]


def test_the_shipped_setting_states_only_what_is_known() -> None:
    # No repository, organisation or site address of this project is known: the file leaves them empty.
    assert load_deployment(ROOT) == Deployment(site_url=None, repository=None, branch="main", organisation=None)
    first = (ROOT / "deployment.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=partracker/schemas/deployment.schema.json"


def test_a_project_without_the_file_has_an_empty_setting(tmp_path: Path) -> None:
    assert deployment_problems(tmp_path) == (Deployment(), [])


def test_the_setting_is_read_and_an_option_wins_over_it(tmp_path: Path) -> None:
    (tmp_path / "deployment.yaml").write_text(
        'site_url: "https://gialai-par.github.io/tracker"\nrepository: "gialai-par/tracker"\nbranch: "main"\norganisation: "gialai-par"\n', encoding="utf-8"
    )
    setting = load_deployment(tmp_path)
    assert setting == Deployment("https://gialai-par.github.io/tracker/", "gialai-par/tracker", "main", "gialai-par")
    assert (setting.repository_url, setting.new_file_url) == ("https://github.com/gialai-par/tracker", "https://github.com/gialai-par/tracker/new/main")
    assert setting.overridden(site_url="https://par.gialai.gov.vn", organisation=None).site_url == "https://par.gialai.gov.vn/"
    assert setting.overridden().site_url == "https://gialai-par.github.io/tracker/"
    assert BuildOptions(Path("plan-data"), deployment=setting).site_url == "https://gialai-par.github.io/tracker/"
    assert BuildOptions(Path("plan-data"), base_url="https://other.gov.vn/", deployment=setting).site_url == "https://other.gov.vn/"
    assert Deployment(repository="o/r").new_file_url is None  # no branch: no guessed "main"


def test_bad_values_are_refused_where_they_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems_of(tmp_path, 'site_url: "https://gialai-par-tracker.invalid/"\n') == [
        "deployment.yaml:1:11: site_url: the address 'https://gialai-par-tracker.invalid/' is a placeholder (gialai-par-tracker.invalid), "
        "not where the site is really published — fix: write the site's real address, or leave site_url empty: the site then uses relative links"
    ]
    assert problems_of(tmp_path, 'site_url: "http://par.gialai.gov.vn/"\nrepository: "gialai par"\nbranh: "main"\n') == [
        "deployment.yaml:1:11: site_url: value 'http://par.gialai.gov.vn/' is not a valid https:// address of the site — fix: write it like \"https://<owner>.github.io/<repo>/\"",
        "deployment.yaml:2:13: repository: value 'gialai par' is not a valid GitHub repository owner/name — fix: write it like \"<owner>/<repo>\"",
        "deployment.yaml:3:1: branh: unknown field 'branh' — fix: did you mean 'branch'? Rename the key",
    ]
    with pytest.raises(DataInvalid):
        load_deployment(tmp_path)


def test_validate_and_build_refuse_a_bad_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "deployment.yaml").write_text('site_url: "https://www.example.com/par/"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    expected = "deployment.yaml:1:11: site_url: the address 'https://www.example.com/par/' is a placeholder (www.example.com)"
    validated = CliRunner().invoke(main, ["validate", "--lang", "en", "--data", str(ROOT / "plan-data")])
    assert validated.exit_code == 1 and expected in validated.stderr
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    built = CliRunner().invoke(main, ["build", "--lang", "en", "--data", str(ROOT / "plan-data"), "--site-dir", str(tmp_path / "site")])
    assert built.exit_code == 1 and expected in built.stderr
    assert not (tmp_path / "site").exists()


def test_without_a_site_address_nothing_names_a_placeholder_host_and_links_stay_relative(real_site: Path) -> None:
    found = []
    for path in sorted(real_site.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".ics", ".csv", ".js", ".txt", ".css"):
            found += [f"{path.relative_to(real_site)}: {m.group(0)}" for m in PLACEHOLDER.finditer(path.read_text(encoding="utf-8", errors="replace"))]
    assert found == []
    page = (real_site / "vi" / "tasks" / "a-i-1" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in page
    # No repository is known: no link to one, and no request to GitHub's API for its stars.
    assert "md-source" not in page and "github.com" not in page
    sitemap = (real_site / "vi" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" not in sitemap


def test_a_known_setting_reaches_the_theme_and_the_addresses(filing_site: Path) -> None:
    page = (filing_site / "en" / "tasks" / "a-i-1" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://gialai-par.github.io/tracker/en/tasks/a-i-1/">' in page
    link = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-source">', page)
    assert link and link.group(1) == "https://github.com/gialai-par/tracker"
    assert 'data-md-component="source"' not in page  # a plain link: the page asks GitHub's API for nothing
    assert ">\n    gialai-par/tracker\n  </div>" in page
