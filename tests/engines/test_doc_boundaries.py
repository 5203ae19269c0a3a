"""Document boundaries inside line files: --doc-ids, --split-docs blank-line, a TSV `doc` column."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa

# Two unrelated articles about two different people with similar names: read as one
# document, the name checker would call them one name spelt two ways.
LINES = [
    "Defence Minister Yoav Gallant visited the base on Monday.",
    "Gallant thanked the soldiers for their work.",
    "Maria Galant opened a bakery in Haifa.",
    "The bread sells out every morning.",
]
IDS = ["base-visit", "base-visit", "haifa-bakery", "haifa-bakery"]


def _report(*args) -> dict:
    result = run_mtqa("check", "--no-grammar", "--format", "json", "--jobs", "1", *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _name_findings(report: dict) -> list[dict]:
    return [f for d in report["documents"] for f in d["findings"] if f["rule"] == "MTQA-CONS-003"]


def test_without_boundaries_the_two_articles_are_one_document(tmp_path):
    mt = tmp_path / "system.txt"
    mt.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    report = _report(str(mt))
    assert len(report["documents"]) == 1
    assert _name_findings(report), "the two similar names should clash inside one document"


def test_doc_ids_give_one_document_per_article_and_no_name_clash_across_them(tmp_path):
    mt = tmp_path / "system.txt"
    mt.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    ids = tmp_path / "docids.txt"
    ids.write_text("".join(f"{i}\tnews\tuk\n" for i in IDS), encoding="utf-8")  # WMT's three columns
    report = _report(str(mt), "--doc-ids", str(ids))
    assert [d["id"] for d in report["documents"]] == ["base-visit", "haifa-bakery"]
    assert _name_findings(report) == []


def test_lines_count_in_the_file_and_spans_point_into_the_document(tmp_path):
    mt = tmp_path / "system.txt"
    lines = [*LINES[:2], "The the bakery opened.", LINES[3]]
    mt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = tmp_path / "docids.txt"
    ids.write_text("\n".join(IDS) + "\n", encoding="utf-8")
    report = _report(str(mt), "--doc-ids", str(ids), "--select", "MTQA-CORE-001")
    second = report["documents"][1]
    [finding] = second["findings"]
    assert finding["line"] == 3 and finding["column"] == 1
    assert finding["segment"] == "3"
    assert (finding["start"], finding["end"]) == (0, 7)
    assert finding["text"] == "The the"


def test_doc_ids_with_the_wrong_number_of_lines_is_an_input_error_for_that_file(tmp_path):
    mt = tmp_path / "system.txt"
    mt.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    ids = tmp_path / "docids.txt"
    ids.write_text("a\nb\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--jobs", "1", str(mt), "--doc-ids", str(ids))
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: {mt}: 4 lines, but the document ids file {ids} has 2 lines"


def test_blank_lines_separate_documents(tmp_path):
    mt = tmp_path / "articles.txt"
    mt.write_text("\n".join(LINES[:2]) + "\n\n\n" + "\n".join(LINES[2:]) + "\n", encoding="utf-8")
    report = _report(str(mt), "--split-docs", "blank-line")
    assert [d["id"] for d in report["documents"]] == [f"{mt}#1", f"{mt}#2"]
    assert _name_findings(report) == []


def test_tsv_doc_column_groups_rows(tmp_path):
    tsv = tmp_path / "pairs.tsv"
    rows = ["doc\tsource\ttarget"] + [f"{i}\tsrc {n}\t{line}" for n, (i, line) in enumerate(zip(IDS, LINES))]
    tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = _report(str(tsv))
    assert [d["id"] for d in report["documents"]] == ["base-visit", "haifa-bakery"]
    assert _name_findings(report) == []


def test_doc_ids_that_cannot_be_read_are_one_error_line(tmp_path):
    mt = tmp_path / "system.txt"
    mt.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = run_mtqa("check", "--no-grammar", "--jobs", "1", str(mt), "--doc-ids", str(missing))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"mtqa: error: {missing}: ")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9\n".encode("latin-1") * 4)
    result = run_mtqa("check", "--no-grammar", "--jobs", "1", str(mt), "--doc-ids", str(latin))
    assert result.stderr.strip() == f"mtqa: error: {latin}: document ids are not UTF-8 text"
