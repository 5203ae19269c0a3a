"""`.pre-commit-hooks.yaml` with the real pre-commit tool on a temporary git repository.

The hook repository is a fresh git repository holding this checkout's package (so the
test exercises the working tree, not a published tag); pre-commit installs it into its
own environment, exactly as a user's `pre-commit install` would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

CONFIG = """\
select = ["vocabulary"]
vocabulary = { reject = ["Kiev -> Kyiv"] }

[checkers.vocabulary]
severity = "major"
"""


def _git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env)


def _pre_commit(*args, cwd, home):
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
                          env=env)


@pytest.fixture(scope="module")
def hook_repo(repo_root, tmp_path_factory):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git not found")
    repo = tmp_path_factory.mktemp("hooks")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("src", "rules"):
        if (repo_root / name).is_dir():
            shutil.copytree(repo_root / name, repo / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(repo_root / name, repo / name)
    (repo / "rules").mkdir(exist_ok=True)
    (repo / "rules" / ".keep").touch()  # git keeps no empty folder; the wheel includes rules/
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "hooks", cwd=repo)
    return repo, _git("rev-parse", "HEAD", cwd=repo).stdout.strip()


def test_manifest_is_valid(repo_root, tmp_path):
    pytest.importorskip("pre_commit")
    result = _pre_commit("validate-manifest", str(repo_root / ".pre-commit-hooks.yaml"), cwd=repo_root,
                         home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_block_then_fix_then_pass(hook_repo, tmp_path):
    repo, rev = hook_repo
    user = tmp_path / "articles"
    user.mkdir()
    _git("init", "-q", cwd=user)
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {rev}\n  hooks:\n  - id: mtqa\n  - id: mtqa-fix\n", encoding="utf-8")
    (user / "mtqa.toml").write_text(CONFIG, encoding="utf-8")
    (user / "clean.md").write_text("The minister spoke in Kyiv on Monday.\n", encoding="utf-8")
    (user / "story.md").write_text("The minister spoke in Kiev on Monday.\n", encoding="utf-8")
    _git("add", "-A", cwd=user)
    home = tmp_path / "pre-commit-home"

    first = _pre_commit("run", "--all-files", cwd=user, home=home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "mtqa (translation quality)" in output and "Failed" in output
    assert "story.md:1:23: MTQA-VOCAB-001" in output
    assert "files were modified by this hook" in output
    assert (user / "story.md").read_text(encoding="utf-8") == "The minister spoke in Kyiv on Monday.\n"

    _git("add", "-A", cwd=user)
    second = _pre_commit("run", "--all-files", cwd=user, home=home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.count("Passed") == 2
