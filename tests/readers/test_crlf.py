"""Files with Windows line ends (CRLF) give the findings their LF twins give, and are fixed as CRLF."""

from __future__ import annotations

import json
import shutil

from tests.conftest import REPO, run_mtqa

ARTICLE = ("---\nsource_lang: he\ntitle: Protest on Kraschatyk\n---\n\n"
           "The parties have not yet came down from the tree.\n\nBy Editor\n")


def _findings(folder, *paths: str) -> list[tuple]:
    result = run_mtqa("check", "--no-grammar", "-f", "json", "-q", "--exit-zero", "-j", "1", *paths, cwd=folder)
    assert result.returncode == 0, result.stderr
    return sorted((d["path"].replace("crlf", "lf", 1), f["rule"], f["line"], f["column"], f["text"].replace("\r", ""))
                  for d in json.loads(result.stdout)["documents"] for f in d["findings"])


def test_crlf_markdown_has_its_front_matter_and_line_anchored_rules(tmp_path):
    (tmp_path / "lf.md").write_bytes(ARTICLE.encode())
    (tmp_path / "crlf.md").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    lf, crlf = _findings(tmp_path, "lf.md"), _findings(tmp_path, "crlf.md")
    assert crlf == lf
    assert [f[1] for f in lf] == ["MTQA-HE-012", "MTQA-WEB-001"]  # source_lang read, byline found, title masked
    text = run_mtqa("check", "--no-grammar", "-q", "crlf.md", cwd=tmp_path).stdout
    assert "\r" not in text and "\\x0d" not in text and "    By Editor\n" in text


def test_fix_leaves_crlf_front_matter_alone(tmp_path):
    (tmp_path / "crlf.md").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    result = run_mtqa("fix", "--no-grammar", "--unsafe-fixes", "crlf.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    fixed = (tmp_path / "crlf.md").read_bytes()
    assert fixed.startswith(b"---\r\nsource_lang: he\r\ntitle: Protest on Kraschatyk\r\n---\r\n")
    assert b"backed down" in fixed and fixed.count(b"\r\n") == ARTICLE.count("\n")


def test_the_corpus_as_crlf_gives_the_same_findings(tmp_path):
    shutil.copytree(REPO / "corpus", tmp_path / "lf")
    shutil.copytree(REPO / "corpus", tmp_path / "crlf")
    for path in (tmp_path / "crlf").iterdir():
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert _findings(tmp_path, "crlf") == _findings(tmp_path, "lf")


def test_a_finding_across_a_crlf_line_end_stays(tmp_path):
    text = "The storm hit the coast on Monday, cutting power to thousands\nof homes in the region.\n"
    (tmp_path / "lf.txt").write_bytes(text.encode())
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    lf = _findings(tmp_path, "lf.txt")
    assert lf == [("lf.txt", "MTQA-FLU-008", 1, 53, "thousands\nof")]
    assert _findings(tmp_path, "crlf.txt") == lf
