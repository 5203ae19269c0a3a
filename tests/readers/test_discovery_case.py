"""Folders and globs find files whose extension is in upper case (NEWS.TXT, Story.MD)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa


@pytest.mark.parametrize("argument", ["uc", "uc/*"])
def test_upper_case_extensions_are_read_by_their_reader(tmp_path, argument):
    (tmp_path / "uc").mkdir()
    (tmp_path / "uc" / "NEWS.TXT").write_text("He said the the thing.\n", encoding="utf-8")
    (tmp_path / "uc" / "Story.MD").write_text("`the the`\n\nHe said the the thing.\n", encoding="utf-8")
    (tmp_path / "uc" / "ok.txt").write_text("Fine text here.\n", encoding="utf-8")
    (tmp_path / "uc" / "notes.DOCX").write_bytes(b"PK\x03\x04")
    result = run_mtqa("check", "--no-grammar", "-f", "json", argument, cwd=tmp_path)
    documents = json.loads(result.stdout)["documents"]
    assert sorted(d["path"].split("/")[-1] for d in documents) == ["NEWS.TXT", "Story.MD", "ok.txt"]
    lines = {d["path"].split("/")[-1]: [f["line"] for f in d["findings"]] for d in documents}
    assert lines == {"NEWS.TXT": [1], "Story.MD": [3], "ok.txt": []}  # Story.MD read as Markdown
