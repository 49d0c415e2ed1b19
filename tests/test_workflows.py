"""GitHub workflows and the pull request template: they parse strictly and follow least privilege."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from partracker.reading.yamlload import load_file

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PINS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/configure-pages": ("45bfe0192ca1faeb007ade9deae92b16b8254a0d", "v6.0.0"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": ("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
}
"""The only actions the workflows use, each pinned to a commit (a tag can be moved; a commit cannot), with its release."""


def workflow(name: str) -> dict[str, Any]:
    return load_file(WORKFLOWS / name).data


def steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in flow["jobs"].values() for s in job["steps"]]


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_workflows_parse_with_the_strict_loader_and_declare_permissions(name: str) -> None:
    flow = workflow(name)
    assert flow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in flow["on"]
    code = [line for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert not any("pull_request_target" in line for line in code)
    for job in flow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                action, ref = step["uses"].split("@")
                assert action in PINS and ref == PINS[action][0], step["uses"]


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_every_action_is_pinned_by_commit_with_its_version_beside_it(name: str) -> None:
    lines = [line.strip() for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        m = re.fullmatch(r"(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)", line)
        assert m, line
        assert PINS[m.group(1)] == (m.group(2), m.group(3)), line


def test_only_these_workflows_exist() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["deploy.yml", "pr.yml"]


def test_pull_request_workflow_validates_history_builds_and_tests() -> None:
    flow = workflow("pr.yml")
    assert list(flow["on"]) == ["pull_request"]
    assert list(flow["jobs"]) == ["check", "properdocs"]
    job = flow["jobs"]["check"]
    assert job["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert "permissions" not in job
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == [
        "python -m pip install -e '.[test]'",
        'partracker validate --format github --base "origin/$BASE_REF"',
        'partracker diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"',
        "partracker build --site-dir site",
        "bash scripts/test.sh",
    ]
    # Untrusted text is never spliced into a script: only the environment carries it.
    assert not any("${{" in r for r in runs)


def test_pull_request_workflow_keeps_the_site_building_under_properdocs() -> None:
    job = workflow("pr.yml")["jobs"]["properdocs"]
    assert "permissions" not in job
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == ["python -m pip install -e . properdocs==1.6.7", "bash scripts/properdocs_check.sh"]
    script = (ROOT / "scripts" / "properdocs_check.sh").read_text(encoding="utf-8")
    assert "properdocs build" in script and "diff -r" in script


def test_deploy_workflow_builds_reproducibly_and_deploys_to_pages() -> None:
    flow = workflow("deploy.yml")
    assert flow["on"]["push"] == {"branches": ["main"]}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [s["run"] for s in build["steps"] if "run" in s]
    assert 'echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"' in runs
    # The deploy refuses what the pull-request check refuses: a published report changed or deleted since the last deploy.
    # The Pages address comes from configure-pages, through the environment: no placeholder host is ever published.
    publish = 'partracker build --site-dir site --base "$PUBLISHED" --base-url "$PAGES_URL/"'
    step = next(s for s in build["steps"] if s.get("run") == publish)
    assert step["env"] == {"PAGES_URL": "${{ steps.pages.outputs.base_url }}"}
    pages = next(i for i, s in enumerate(build["steps"]) if s.get("uses", "").startswith("actions/configure-pages"))
    assert build["steps"][pages]["id"] == "pages" and pages < build["steps"].index(step)
    assert runs.index(publish) > runs.index('echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"')
    assert runs.index(publish) > next(i for i, r in enumerate(runs) if 'echo "PUBLISHED=$BEFORE"' in r)
    assert build["env"] == {"BEFORE": "${{ github.event.before }}"} and not any("${{" in r for r in runs)
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"] == {"path": "site"}
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_pull_request_template_is_bilingual() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for phrase in ("## Nội dung / What this changes", "Báo cáo tiến độ mới / New progress report", "Không sửa, không xóa tệp báo cáo đã nộp", "I did not edit or delete a filed report", "docs/vi/contribute.md", "docs/en/contribute.md"):
        assert phrase in text
