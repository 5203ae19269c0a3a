"""The documented GitHub Actions workflow parses and uses only options `mtqa check` has."""

from __future__ import annotations

import shlex

import yaml

from mtqa.cli.check import check
from mtqa.reporters import available_formats


def test_workflow_uses_real_options_and_formats(repo_root):
    workflow = yaml.safe_load((repo_root / "docs" / "examples" / "mtqa-github-actions.yml").read_text("utf-8"))
    steps = workflow["jobs"]["mtqa"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    options = {opt for param in check.params for opt in getattr(param, "opts", [])}
    commands = [line.strip() for s in steps for line in s.get("run", "").replace("\n", " ").split("||")
                if "mtqa check" in line]
    assert len(commands) >= 2
    formats = set()
    for command in commands:
        words = shlex.split(command.split("&&")[0])
        for i, word in enumerate(words):
            if word.startswith("--"):
                assert word in options, word
            if word == "--format":
                formats.add(words[i + 1])
    assert {"sarif", "markdown"} <= formats <= set(available_formats())
