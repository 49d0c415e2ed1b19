"""GitHub workflows and the pull request template: they parse strictly and follow least privilege."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partracker.reading.yamlload import load_file

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


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
                assert step["uses"].split("@")[0] in {"actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages"}
                assert "@v" in step["uses"]


def test_only_these_workflows_exist() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["deploy.yml", "pr.yml"]


def test_pull_request_workflow_validates_history_builds_and_tests() -> None:
    flow = workflow("pr.yml")
    assert list(flow["on"]) == ["pull_request"]
    (job,) = flow["jobs"].values()
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


def test_deploy_workflow_builds_reproducibly_and_deploys_to_pages() -> None:
    flow = workflow("deploy.yml")
    assert flow["on"]["push"] == {"branches": ["main"]}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [s["run"] for s in build["steps"] if "run" in s]
    assert 'echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"' in runs
    # The deploy refuses what the pull-request check refuses: a published report changed or deleted since the last deploy.
    publish = 'partracker build --site-dir site --base "$PUBLISHED"'
    assert runs.index(publish) > runs.index('echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"')
    assert runs.index(publish) > next(i for i, r in enumerate(runs) if 'echo "PUBLISHED=$BEFORE"' in r)
    assert build["env"] == {"BEFORE": "${{ github.event.before }}"} and not any("${{" in r for r in runs)
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"] == {"path": "site"}
    assert "permissions" not in build
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_pull_request_template_is_bilingual() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for phrase in ("## Nội dung / What this changes", "Báo cáo tiến độ mới / New progress report", "Không sửa, không xóa tệp báo cáo đã nộp", "I did not edit or delete a filed report", "docs/vi/contribute.md", "docs/en/contribute.md"):
        assert phrase in text
