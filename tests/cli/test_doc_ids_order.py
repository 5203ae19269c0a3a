"""`--doc-ids`: lines sharing an id form one document, so an id that comes back after another
id began is refused in one line (a document is one slice of the file), not split in two
documents with the same id."""

from __future__ import annotations

import json

import pytest

from mtqa.errors import InputError
from mtqa.readers.docsplit import read_doc_ids
from tests.conftest import run_mtqa

LINES = [f"The minister spoke on day {i}." for i in range(1, 7)]


def test_interleaved_ids_are_refused_naming_the_ids_file_and_the_line(tmp_path):
    mt = tmp_path / "system.txt"
    mt.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    ids = tmp_path / "docids.txt"
    ids.write_text("doc1\ndoc1\ndoc0\ndoc1\ndoc0\ndoc1\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--format", "json", "--doc-ids", str(ids), str(mt))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtqa: error: {ids}: line 4: id 'doc1' comes back after 'doc0' began on line 3; the lines of "
        "a document must be adjacent (sort the input and the ids file by id)")
    assert json.loads(result.stdout)["documents"] == []


def test_adjacent_ids_are_read_as_before(tmp_path):
    ids = tmp_path / "docids.txt"
    ids.write_text("a\tnews\na\tnews\nb\nc\nc\n", encoding="utf-8")
    assert read_doc_ids(str(ids), 1000) == ["a", "a", "b", "c", "c"]


@pytest.mark.parametrize(("text", "line"), [("a\nb\na\n", 3), ("a\nb\nb\nc\nb\n", 5)])
def test_the_first_id_that_comes_back_is_named(tmp_path, text, line):
    ids = tmp_path / "docids.txt"
    ids.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_doc_ids(str(ids), 1000)
    assert info.value.reason.startswith(f"line {line}: ")


def test_an_ids_file_with_a_byte_order_mark_is_read_without_it(tmp_path):
    """Saved by a Windows editor: BOM and CRLF. The first line belongs to doc1, not to a
    document of its own named "\\ufeffdoc1"."""
    (tmp_path / "sys.txt").write_text("He said the the thing.\nRussia said she would come.\n"
                                      "Israel said she would come.\n", encoding="utf-8")
    (tmp_path / "ids.txt").write_bytes(b"\xef\xbb\xbfdoc1\r\ndoc1\r\ndoc2\r\n")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "--doc-ids", "ids.txt", "sys.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["doc1", "doc2"]
