"""A baseline hides the same findings however the checked paths are typed, and from any folder.

Paths in a baseline are relative to the baseline file's folder, with / and no './', so
`mtqa check articles/`, `mtqa check ./articles/a.md` and `mtqa check .` agree, and a run
from a subfolder finds the entries too. Version 1 files, whose paths are relative to the
folder mtqa ran in, are still read.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

CONFIG = 'vocabulary = { reject = ["Meanwhile -> Also", "budget -> spending plan"] }\n'
ARTICLE = "Meanwhile, the minister spoke to reporters about the budget.\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "mtqa.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _write(project, *inputs: str, baseline: str = "b.json", cwd=None):
    result = run_mtqa("check", "--no-grammar", *inputs, "--write-baseline", baseline, cwd=cwd or project)
    assert result.returncode in (0, 1), result.stderr
    return json.loads((project / baseline).read_text(encoding="utf-8"))


def _apply(project, *inputs: str, baseline: str = "b.json", cwd=None) -> dict:
    result = run_mtqa("check", "--no-grammar", *inputs, "--baseline", baseline, "--fail-on", "minor",
                      "--format", "json", cwd=cwd or project)
    assert result.returncode in (0, 1), result.stderr
    summary = json.loads(result.stdout)["baseline"]
    assert (summary["new"] == 0) == (result.returncode == 0), (summary, result.returncode)
    return summary


@pytest.mark.parametrize("written, checked", [
    (["articles/"], ["./articles/a.md"]),
    (["."], ["articles/"]),
    (["./articles//a.md"], ["articles"]),
])
def test_any_spelling_of_the_path_matches(project, written, checked):
    data = _write(project, *written)
    assert data["mtqa_baseline"] == 2 and list(data["documents"]) == ["articles/a.md"]
    entries = len(data["documents"]["articles/a.md"])
    assert entries >= 2
    assert _apply(project, *checked) == {"path": "b.json", "entries": entries, "matched": entries, "new": 0,
                                         "gone": 0, "not_checked": 0}


def test_paths_are_relative_to_the_baseline_folder(project):
    (project / "ci").mkdir()
    data = _write(project, "articles/a.md", baseline="ci/b.json")
    assert list(data["documents"]) == ["../articles/a.md"]
    entries = len(data["documents"]["../articles/a.md"])
    # From the article's own folder, and with an absolute path.
    inside = _apply(project, "a.md", baseline="../ci/b.json", cwd=project / "articles")
    assert (inside["matched"], inside["new"]) == (entries, 0)
    absolute = _apply(project, str(project / "articles" / "a.md"), baseline=str(project / "ci" / "b.json"))
    assert (absolute["matched"], absolute["new"]) == (entries, 0)


def test_version_1_baselines_are_read_relative_to_the_working_folder(project):
    data = _write(project, "articles/")
    entries = data["documents"]["articles/a.md"]
    (project / "ci").mkdir()
    # As mtqa wrote them before version 2: keys as typed, relative to where it ran.
    old = {"mtqa_baseline": 1, "documents": {"./articles/a.md": entries}}
    (project / "ci" / "old.json").write_text(json.dumps(old), encoding="utf-8")
    summary = _apply(project, "articles/", baseline="ci/old.json")
    assert (summary["matched"], summary["new"], summary["not_checked"]) == (len(entries), 0, 0)
    # Refreshing it writes version 2, relative to its folder.
    refreshed = run_mtqa("check", "--no-grammar", "articles/", "--baseline", "ci/old.json",
                         "--write-baseline", "ci/old.json", cwd=project)
    assert refreshed.returncode == 0, refreshed.stderr
    data = json.loads((project / "ci" / "old.json").read_text(encoding="utf-8"))
    assert data["mtqa_baseline"] == 2 and list(data["documents"]) == ["../articles/a.md"]


def test_unknown_version_is_one_error_line(project):
    (project / "b.json").write_text('{"mtqa_baseline": 9, "documents": {}}', encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "articles/", "--baseline", "b.json", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("mtqa: error: b.json: ") and "version 9" in result.stderr


XLIFF_TWO_FILES = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="one.txt" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Er sagte es.</source><target>He said the the thing.</target></trans-unit></body></file>
<file original="two.txt" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Sie sagte es.</source><target>She said the the word.</target></trans-unit></body></file>
</xliff>
"""


@pytest.fixture
def several(tmp_path):
    """A line file cut by --split-docs and an XLIFF file with two <file>s: documents whose ids
    the readers build from the path as typed."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "w.txt").write_text("He said the the thing.\n\nShe said the the word.\n", encoding="utf-8")
    (tmp_path / "sub" / "m.xlf").write_text(XLIFF_TWO_FILES, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("checked, cwd", [(["./sub"], "."), (["sub/"], "."), (["."], "sub"),
                                          (["w.txt", "./m.xlf"], "sub")])
def test_documents_of_a_file_holding_several_match_however_the_path_is_typed(several, checked, cwd):
    data = _write(several, "sub", "--split-docs", "blank-line")
    assert list(data["documents"]) == ["sub/m.xlf#one.txt", "sub/m.xlf#two.txt", "sub/w.txt#1", "sub/w.txt#2"]
    baseline = "b.json" if cwd == "." else "../b.json"
    summary = _apply(several, *checked, "--split-docs", "blank-line", baseline=baseline, cwd=several / cwd)
    assert summary == {"path": baseline, "entries": 4, "matched": 4, "new": 0, "gone": 0, "not_checked": 0}


def test_a_baseline_keyed_by_the_typed_path_still_matches_the_same_command(several):
    data = _write(several, "sub", "--split-docs", "blank-line")
    # As mtqa wrote it before: the document part of each key repeated the path as typed.
    old = {"mtqa_baseline": 2, "documents": {k.replace("#", "#sub/m.xlf#" if "xlf" in k else "#sub/w.txt#"): v
                                             for k, v in data["documents"].items()}}
    assert "sub/w.txt#sub/w.txt#1" in old["documents"]
    (several / "old.json").write_text(json.dumps(old), encoding="utf-8")
    summary = _apply(several, "sub", "--split-docs", "blank-line", baseline="old.json")
    assert (summary["matched"], summary["new"], summary["not_checked"]) == (4, 0, 0)
