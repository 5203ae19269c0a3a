"""Files with Windows (CRLF) or old Mac (lone CR) line ends give the findings their LF twins
give, and are fixed keeping their line ends."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import REPO, run_mtqa

ARTICLE = ("---\nsource_lang: he\ntitle: Protest on Kraschatyk\n---\n\n"
           "The parties have not yet came down from the tree.\n\nBy Editor\n")
# Each line end and the name of its twin folder or file.
ENDINGS = pytest.mark.parametrize("end, name", [("\r\n", "crlf"), ("\r", "cr")])


def _findings(folder, *paths: str) -> list[tuple]:
    result = run_mtqa("check", "--no-grammar", "-f", "json", "-q", "--exit-zero", "-j", "1", *paths, cwd=folder)
    assert result.returncode == 0, result.stderr
    return sorted((d["path"].replace("crlf", "lf", 1).replace("cr", "lf", 1), f["rule"], f["line"], f["column"],
                   f["text"].replace("\r\n", "\n").replace("\r", "\n"))
                  for d in json.loads(result.stdout)["documents"] for f in d["findings"])


@ENDINGS
def test_markdown_has_its_front_matter_and_line_anchored_rules(tmp_path, end, name):
    (tmp_path / "lf.md").write_bytes(ARTICLE.encode())
    (tmp_path / f"{name}.md").write_bytes(ARTICLE.replace("\n", end).encode())
    lf, other = _findings(tmp_path, "lf.md"), _findings(tmp_path, f"{name}.md")
    assert other == lf
    assert [f[1] for f in lf] == ["MTQA-HE-012", "MTQA-WEB-001"]  # source_lang read, byline found, title masked
    text = run_mtqa("check", "--no-grammar", "-q", f"{name}.md", cwd=tmp_path).stdout
    assert "\r" not in text and "\\x0d" not in text and "    By Editor\n" in text


@ENDINGS
def test_fix_leaves_the_line_ends_alone(tmp_path, end, name):
    (tmp_path / f"{name}.md").write_bytes(ARTICLE.replace("\n", end).encode())
    result = run_mtqa("fix", "--no-grammar", "--unsafe-fixes", f"{name}.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    fixed = (tmp_path / f"{name}.md").read_bytes().decode()
    assert fixed.startswith(f"---{end}source_lang: he{end}title: Protest on Kraschatyk{end}---{end}")
    assert "backed down" in fixed and fixed.count(end) == ARTICLE.count("\n")
    assert fixed.replace(end, "\n").count("\n") == ARTICLE.count("\n")  # no LF added, no CR left alone


@ENDINGS
def test_the_corpus_gives_the_same_findings(tmp_path, end, name):
    shutil.copytree(REPO / "corpus", tmp_path / "lf")
    shutil.copytree(REPO / "corpus", tmp_path / name)
    for path in (tmp_path / name).iterdir():
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", end.encode()))
    assert _findings(tmp_path, name) == _findings(tmp_path, "lf")


@ENDINGS
def test_a_finding_across_a_line_end_stays(tmp_path, end, name):
    text = "The storm hit the coast on Monday, cutting power to thousands\nof homes in the region.\n"
    (tmp_path / "lf.txt").write_bytes(text.encode())
    (tmp_path / f"{name}.txt").write_bytes(text.replace("\n", end).encode())
    lf = _findings(tmp_path, "lf.txt")
    assert lf == [("lf.txt", "MTQA-FLU-008", 1, 53, "thousands\nof")]
    assert _findings(tmp_path, f"{name}.txt") == lf


def test_a_lone_cr_file_split_by_doc_ids_counts_its_lines(tmp_path):
    """--doc-ids cuts a line file into articles; their lines still count in the file."""
    lines = ["The talks ended on Monday.", "The minister said the the talks would go on.",
             "Prices rose in March.", "He said the the index fell."]
    (tmp_path / "ids.txt").write_text("a\na\nb\nb\n", encoding="utf-8")
    for name, end in (("lf.txt", "\n"), ("cr.txt", "\r")):
        (tmp_path / name).write_bytes(end.join(lines).encode() + end.encode())
    runs = {}
    for name in ("lf.txt", "cr.txt"):
        result = run_mtqa("check", "--no-grammar", "--select", "MTQA-CORE-001", "--doc-ids", "ids.txt", "-f", "json",
                          "--exit-zero", name, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        runs[name] = [(d["id"], f["line"], f["column"]) for d in json.loads(result.stdout)["documents"]
                      for f in d["findings"]]
    assert runs["cr.txt"] == runs["lf.txt"] == [("a", 2, 19), ("b", 4, 9)]
