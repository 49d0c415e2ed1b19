"""The deployment setting (Thiết lập triển khai): where this copy of the project lives, in one file.

``deployment.yaml`` at the top of a project says where its site is published (``site_url``), which
GitHub repository holds its data (``repository``, ``owner/name``), the branch reports are merged
into (``branch``), and the GitHub organisation whose teams review each agency's folder
(``organisation``). The build, ``partracker codeowners``, the report builder and the theme's
repository link all read it through :func:`load_deployment`, and nothing else spells these values.
An option given on the command line wins over the file (``--base-url``, ``--org``).

A field left empty is unknown, and nothing is invented in its place: without a site address the
site uses relative links; without a repository the report builder offers copy and download instead
of opening GitHub; without an organisation no team owns a folder in CODEOWNERS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from partracker.reading import checks
from partracker.reading.errors import DataInvalid, Problem, quote
from partracker.reading.files import read, symlink_problem

DEPLOYMENT_FILE = "deployment.yaml"
"""The setting's file, at the top of a project (beside mkdocs.yml)."""

# Hosts that name no real place: reserved for documentation and tests (RFC 2606, RFC 6761).
_PLACEHOLDER_HOST = re.compile(r"(?:^|\.)(?:invalid|example|test|localhost|example\.(?:com|org|net))$")


@dataclass(frozen=True)
class Deployment:
    """Where this copy of the project is published and who reviews it; None where the setting says nothing."""

    site_url: str | None = None
    """Public address of the site root (holding ``vi/`` and ``en/``), ending in ``/``."""
    repository: str | None = None
    """The GitHub repository holding the data, ``owner/name``."""
    branch: str | None = None
    """The branch reports are merged into and the site is published from."""
    organisation: str | None = None
    """The GitHub organisation whose teams own each agency's progress folder (CODEOWNERS)."""

    def overridden(self, *, site_url: str | None = None, organisation: str | None = None) -> Deployment:
        """This setting with the values given explicitly (command-line options) put first: option, else file, else none."""
        return replace(
            self,
            site_url=_with_slash(site_url) if site_url else self.site_url,
            organisation=organisation or self.organisation,
        )

    @property
    def repository_url(self) -> str | None:
        """The repository's page on GitHub, or None when the repository is not known."""
        return f"https://github.com/{self.repository}" if self.repository else None

    @property
    def new_file_url(self) -> str | None:
        """GitHub's "new file" page on the branch (``…/new/<branch>``), or None when repository or branch is unknown."""
        if not (self.repository and self.branch):
            return None
        return f"https://github.com/{self.repository}/new/{self.branch}"


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def deployment_problems(project_dir: Path) -> tuple[Deployment, list[Problem]]:
    """Read ``deployment.yaml`` of a project: the setting and every problem (no file: an empty setting, no problem)."""
    path = project_dir / DEPLOYMENT_FILE
    if path.is_symlink():
        return Deployment(), [symlink_problem(project_dir, DEPLOYMENT_FILE)]
    if not path.is_file():
        return Deployment(), []
    problems: list[Problem] = []
    doc = read(project_dir, DEPLOYMENT_FILE, problems, empty=("yaml.empty", {"expected": "partracker/schemas/deployment.schema.json"}))
    if doc is None:
        return Deployment(), problems
    problems += checks.schema_problems(doc, "deployment") + checks.text_problems(doc)
    if problems:
        return Deployment(), problems
    data = doc.data
    site_url = data.get("site_url")
    if site_url is not None:
        host = (urlsplit(site_url).hostname or "").lower()
        if _PLACEHOLDER_HOST.search(host):
            problems.append(doc.problem(("site_url",), "deployment.placeholder_host", got=quote(site_url), host=host))
    if problems:
        return Deployment(), problems
    return (
        Deployment(
            site_url=_with_slash(site_url) if site_url else None,
            repository=data.get("repository") or None,
            branch=data.get("branch") or None,
            organisation=data.get("organisation") or None,
        ),
        [],
    )


def load_deployment(project_dir: Path) -> Deployment:
    """The project's deployment setting; raises :class:`DataInvalid` with every located problem."""
    deployment, problems = deployment_problems(project_dir)
    if problems:
        raise DataInvalid(problems)
    return deployment
