"""--source/--reference never replace the sources or references a file carries (XLIFF, TMX,
JSONL or TSV fields): an aligned file named for it is an input error, a mirrored folder
with no file for it is no error, and the other inputs still get theirs."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa

XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" '
         'target-language="en" datatype="plaintext" original="a.txt"><body>\n'
         '<trans-unit id="u1"><source>Er sagte das.</source><target>He said it.</target></trans-unit>\n'
         '<trans-unit id="u2"><source>Der Haushalt beträgt 5 Milliarden.</source>'
         '<target>The budget is 7 billion.</target></trans-unit>\n</body></file></xliff>\n')


def _rules(result, path):
    documents = {d["path"]: d for d in json.loads(result.stdout)["documents"]}
    return sorted({f["rule"] for f in documents[path]["findings"]})


def test_an_aligned_file_for_a_file_with_its_own_sources_is_refused(tmp_path):
    (tmp_path / "b.xlf").write_text(XLIFF, encoding="utf-8")
    (tmp_path / "s2.txt").write_text("a\nb\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The budget is 7 billion.\nHe said it.\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "--source", "s2.txt", "b.xlf", "t.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "mtqa: error: b.xlf: has its own sources; --source s2.txt would replace them "
        "(--source is for files without sources)"]
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["t.txt"]  # still checked


def test_jsonl_references_are_kept_and_a_missing_field_still_takes_the_file(tmp_path):
    (tmp_path / "own.jsonl").write_text(json.dumps({"source": "Er hat 5.", "target": "He has 7.",
                                                    "reference": "He has 5."}) + "\n", encoding="utf-8")
    (tmp_path / "bare.jsonl").write_text(json.dumps({"source": "Er hat 5.", "target": "He has 7."}) + "\n",
                                         encoding="utf-8")
    (tmp_path / "r.txt").write_text("Quite another sentence here.\n", encoding="utf-8")
    refused = run_mtqa("check", "--no-grammar", "--reference", "r.txt", "own.jsonl", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        "mtqa: error: own.jsonl: has its own references; --reference r.txt would replace them "
        "(--reference is for files without references)"]
    taken = run_mtqa("check", "--no-grammar", "-f", "json", "--reference", "r.txt", "bare.jsonl", cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    assert "MTQA-BI-011" in _rules(taken, "bare.jsonl")  # its own source, the file's reference
    assert json.loads(taken.stdout)["documents"][0]["metrics"]


def test_a_mirrored_folder_pairs_line_files_and_leaves_bilingual_files_their_own(tmp_path):
    for folder in ("mt", "src"):
        (tmp_path / folder).mkdir()
    (tmp_path / "mt" / "b.xlf").write_text(XLIFF, encoding="utf-8")
    (tmp_path / "mt" / "a.txt").write_text("The budget is 7 billion.\n", encoding="utf-8")
    (tmp_path / "src" / "a.txt").write_text("Der Haushalt beträgt 5 Milliarden.\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "--source", "src", "mt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MTQA-BI-011" in _rules(result, "mt/a.txt") and "MTQA-BI-011" in _rules(result, "mt/b.xlf")
    (tmp_path / "src" / "b.xlf").write_text("a\nb\n", encoding="utf-8")  # a mirror for it: a conflict
    result = run_mtqa("check", "--no-grammar", "-f", "json", "--source", "src", "mt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "mtqa: error: mt/b.xlf: has its own sources; --source src/b.xlf would replace them "
        "(--source is for files without sources)"]
