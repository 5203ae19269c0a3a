"""Gate lines on stderr: they name the document as the reports do, and an untranslated
document cannot pass `--max-mqm` by having no words to divide by."""

from __future__ import annotations

from tests.conftest import run_mtqa


def test_max_mqm_fails_a_document_with_no_translated_words(tmp_path):
    (tmp_path / "z.jsonl").write_text('{"source":"Hallo Welt, wie geht es?","target":""}\n', encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-q", "--max-mqm", "10", str(tmp_path / "z.jsonl"))
    assert result.returncode == 1, result.stderr
    assert "with no translated words (over any --max-mqm)" in result.stderr
    junit = run_mtqa("check", "--no-grammar", "-q", "--max-mqm", "10", "-f", "junit", "--fail-on", "critical",
                     str(tmp_path / "z.jsonl"))
    assert 'type="max-mqm"' in junit.stdout and "no translated words" in junit.stdout


def test_max_mqm_passes_an_empty_document_without_findings(tmp_path):
    (tmp_path / "e.jsonl").write_text('{"source":"","target":""}\n', encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-q", "--max-mqm", "10", str(tmp_path / "e.jsonl"))
    assert result.returncode == 0, result.stderr


def test_gate_lines_name_the_file_of_each_document(tmp_path):
    (tmp_path / "ids.txt").write_text("doc1\ndoc1\ndoc2\n", encoding="utf-8")
    for name in ("sysA.txt", "sysB.txt"):
        (tmp_path / name).write_text("He said the thing.\nRussia said she would come.\nIsrael said she would come.\n",
                                     encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-q", "--fail-on", "major", "--doc-ids", str(tmp_path / "ids.txt"),
                      str(tmp_path / "sysA.txt"), str(tmp_path / "sysB.txt"))
    assert result.returncode == 1, result.stderr
    gate = [line for line in result.stderr.splitlines() if "gate failed" in line]
    assert len(gate) == 4
    for system in ("sysA.txt", "sysB.txt"):
        for doc in ("doc1", "doc2"):
            assert sum(f"{system}[{doc}]: " in line for line in gate) == 1, gate
