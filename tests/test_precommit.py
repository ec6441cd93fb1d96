"""The real pre-commit tool runs both hooks of .pre-commit-hooks.yaml
against a scratch repository (`pre-commit try-repo` on this checkout)."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, STORY

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def newsroom(tmp_path):
    repo = tmp_path / "stories"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "peru-floods.txt").write_text(STORY, encoding="utf-8")
    (repo / "clean.txt").write_text("The mayor said Friday that the plan would go ahead.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "stories")
    return repo


def try_repo(repo, hook, home):
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_report_hook_fails_on_defects_and_changes_nothing(newsroom, precommit_home):
    r = try_repo(newsroom, "lintnews", precommit_home)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "peru-floods.txt" in r.stdout and "quote-punctuation" in r.stdout
    assert (newsroom / "peru-floods.txt").read_text(encoding="utf-8") == STORY


def test_fix_hook_fixes_and_fails_then_passes(newsroom, precommit_home):
    r = try_repo(newsroom, "lintnews-fix", precommit_home)
    assert r.returncode == 1, r.stdout + r.stderr
    fixed = (newsroom / "peru-floods.txt").read_text(encoding="utf-8")
    assert "help now,” said" in fixed and "The the" not in fixed
    assert "files were modified by this hook" in r.stdout
    git(newsroom, "add", ".")
    r = try_repo(newsroom, "lintnews-fix", precommit_home)
    assert r.returncode == 0, r.stdout + r.stderr
