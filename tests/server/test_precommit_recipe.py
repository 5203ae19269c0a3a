"""The git pre-commit hook of docs/serve.md, run by git itself, through the server and
through its `mtqa check` fallback: a Markdown article is read as Markdown both ways."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys

import pytest

from tests.conftest import REPO

CLEAN = ("---\nsource_lang: he\ntitle: Talks on Kraschatyk\n---\n\n"
         "The parties have not yet came down from the tree.\n\n```\nBy Editor\n```\n")
BAD = CLEAN + "\nThe march went down Kraschatyk.\n"


def _hook() -> str:
    docs = (REPO / "docs" / "serve.md").read_text(encoding="utf-8")
    section = docs.split("### Git pre-commit hook", 1)[1]
    return re.search(r"```[a-z]+\n(.*?)```", section, re.S).group(1)


def _git(*args, cwd, env):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(params=["server", "fallback"])
def hook_env(request, tmp_path):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    if request.param == "server":
        env["MTQA_URL"] = request.getfixturevalue("server_url")
    else:
        env["MTQA_URL"] = f"http://127.0.0.1:{_free_port()}"  # nothing listens: `mtqa check` runs instead
    _git("init", "-q", cwd=tmp_path, env=env)
    hook = tmp_path / ".git" / "hooks" / "pre-commit"
    hook.write_text(_hook(), encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    return tmp_path, env


def test_the_hook_reads_markdown_as_markdown_and_blocks_major_findings(hook_env):
    repo, env = hook_env
    (repo / "talks.md").write_text(CLEAN, encoding="utf-8")
    _git("add", "talks.md", cwd=repo, env=env)
    clean = _git("commit", "-qm", "clean", cwd=repo, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr  # front matter and code are not the article
    (repo / "talks.md").write_text(BAD, encoding="utf-8")
    _git("add", "talks.md", cwd=repo, env=env)
    bad = _git("commit", "-qm", "bad", cwd=repo, env=env)
    assert bad.returncode == 1
    assert "talks.md:12:21: MTQA-CONS-004" in bad.stderr  # git shows a hook's output on stderr


@pytest.mark.parametrize("name", ["my article.md", "café.md", "-n.md", "0:draft.md", "it's \"new\".md"])
def test_any_file_name_is_checked_and_blocked(hook_env, name):
    """Spaces, non-ASCII letters (which git quotes as "caf\\303\\251.md"), a leading dash, a colon
    and quotes: the staged article is read and its major finding blocks the commit, never an
    empty text that passes."""
    repo, env = hook_env
    (repo / name).write_text("Trucks went to Haifa.\n\nBy Editor\n", encoding="utf-8")
    _git("add", "--", name, cwd=repo, env=env)
    bad = _git("commit", "-qm", "bad", cwd=repo, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert f"{name}:3:1: MTQA-WEB-001" in bad.stderr
    assert _git("rev-parse", "-q", "--verify", "HEAD", cwd=repo, env=env).returncode != 0  # nothing committed
