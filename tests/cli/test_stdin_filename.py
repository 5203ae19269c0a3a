"""`mtqa check - --stdin-filename NAME`: standard input read as the file NAME."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa

ARTICLE = ("---\nsource_lang: he\ntitle: Talks on Kraschatyk\n---\n\n"
           "The parties have not yet came down from the tree.\n\n```\nBy Editor\n```\n")


def _findings(result) -> list[tuple]:
    return [(d["path"], f["rule"], f["line"]) for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


def test_a_markdown_name_reads_standard_input_as_that_file(tmp_path):
    (tmp_path / "talks.md").write_text(ARTICLE, encoding="utf-8")
    from_file = run_mtqa("check", "--no-grammar", "-f", "json", "talks.md", cwd=tmp_path)
    from_stdin = run_mtqa("check", "--no-grammar", "-f", "json", "--stdin-filename", "talks.md", "-",
                          cwd=tmp_path, stdin=ARTICLE)
    assert _findings(from_stdin) == _findings(from_file) == [("talks.md", "MTQA-HE-012", 6)]
    plain = run_mtqa("check", "--no-grammar", "-f", "json", "-", cwd=tmp_path, stdin=ARTICLE)
    assert sorted(_findings(plain)) == [("<stdin>", "MTQA-CONS-004", 3), ("<stdin>", "MTQA-WEB-001", 9)]


def test_the_name_is_in_text_reports_and_errors(tmp_path):
    result = run_mtqa("check", "--no-grammar", "--stdin-filename", "news/a.md", "-", cwd=tmp_path,
                      stdin="---\nsource_lang: xx\n---\nText.\n")
    assert result.returncode == 2
    assert result.stderr.startswith("mtqa: error: news/a.md: front matter line 2: source_lang: unknown language")
    text = run_mtqa("check", "--no-grammar", "-q", "--stdin-filename", "news/a.md", "-", cwd=tmp_path,
                    stdin=ARTICLE).stdout
    assert text.startswith("news/a.md:6:26: MTQA-HE-012 ")


def test_without_standard_input_or_over_the_named_file_it_is_refused(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    no_stdin = run_mtqa("check", "--no-grammar", "--stdin-filename", "a.md", "a.md", cwd=tmp_path)
    assert no_stdin.returncode == 2 and "--stdin-filename names standard input: give - as an input" in no_stdin.stderr
    over = run_mtqa("check", "--no-grammar", "--stdin-filename", "a.md", "-o", "a.md", "-", cwd=tmp_path,
                    stdin=ARTICLE)
    assert over.returncode == 2 and (tmp_path / "a.md").read_text(encoding="utf-8") == ARTICLE
