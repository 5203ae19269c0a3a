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


XLIFF = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="n" source-language="de"
 target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Er sagte das.</source><target>He said it.</target></trans-unit>
<trans-unit id="2"><source>Hallo Welt.</source><target/></trans-unit>
<trans-unit id="3"><source>Gut.</source><target>Fine.</target></trans-unit></body></file></xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" datatype="plaintext" segtype="sentence"
 adminlang="en" srclang="de" o-tmf="x"/><body>
<tu><tuv xml:lang="de"><seg>Er sagte das.</seg></tuv><tuv xml:lang="en"><seg>He said it.</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Hallo Welt.</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Gut.</seg></tuv><tuv xml:lang="en"><seg>Fine.</seg></tuv></tu>
</body></tmx>
"""


def test_split_docs_keeps_empty_targets_of_aligned_files_as_findings(tmp_path):
    """An empty target in TSV, JSONL, XLIFF or TMX is a missing translation, not the blank line
    between two articles: --split-docs leaves those files whole and the major finding fails the gate."""
    (tmp_path / "e.tsv").write_text("Er sagte das.\tHe said it.\nHallo Welt.\t\nGut.\tFine.\n", encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(
        "".join(json.dumps({"source": s, "target": t}) + "\n"
                for s, t in (("Er sagte das.", "He said it."), ("Hallo Welt.", ""), ("Gut.", "Fine."))),
        encoding="utf-8")
    (tmp_path / "e.xlf").write_text(XLIFF, encoding="utf-8")
    (tmp_path / "e.tmx").write_text(TMX, encoding="utf-8")
    names = ["e.tsv", "e.jsonl", "e.xlf", "e.tmx"]
    result = run_mtqa("check", "--no-grammar", "--format", "json", "--jobs", "1", "--fail-on", "major",
                      "--split-docs", "blank-line", *names, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [d["id"] for d in documents] == names
    assert [[f["rule"] for f in d["findings"]] for d in documents] == [["MTQA-BI-001"]] * 4
    notes = [line for line in result.stderr.splitlines() if line.startswith("mtqa: note:")]
    assert notes == [NOT_CUT.format(n=4, kinds=".jsonl, .tmx, .tsv, .xlf")]


NOT_CUT = ("mtqa: note: --split-docs blank-line cuts line files only (.txt, standard input); {n} other file(s) "
           "({kinds}) were not cut: an empty line there is a paragraph break (Markdown, HTML) or a missing "
           "translation (JSONL, TSV, XLIFF, TMX)")


def test_split_docs_says_once_how_many_files_it_did_not_cut(tmp_path):
    """Files --split-docs leaves whole are named in one note per run, only when it was given
    and such a file was read; a run of line files alone, or without the option, says nothing."""
    (tmp_path / "a.txt").write_text("First article.\n\nSecond article.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("One paragraph.\n\nAnother paragraph.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("A page.\n", encoding="utf-8")
    (tmp_path / "d.html").write_text("<html><body><article><p>A page of news, and more news.</p></article>"
                                     "</body></html>\n", encoding="utf-8")
    split = run_mtqa("check", "--no-grammar", "-f", "json", "--split-docs", "blank-line", ".", cwd=tmp_path)
    assert split.returncode == 0, split.stderr
    assert [d["id"] for d in json.loads(split.stdout)["documents"]] == [
        "./a.txt#1", "./a.txt#2", "./b.md", "./c.md", "./d.html"]
    assert split.stderr.splitlines() == [NOT_CUT.format(n=3, kinds=".html, .md")]
    for args in (["a.txt", "--split-docs", "blank-line"], ["."], [".", "--split-docs", "blank-line", "-q"]):
        quiet = run_mtqa("check", "--no-grammar", "-f", "json", *args, cwd=tmp_path)
        assert quiet.returncode == 0 and quiet.stderr == "", (args, quiet.stderr)


def test_split_docs_cuts_a_line_file_only_where_its_source_line_is_empty_too(tmp_path):
    (tmp_path / "mt.txt").write_text("He said it.\n\nFine.\n\nThe next article begins.\n", encoding="utf-8")
    (tmp_path / "src.txt").write_text("Er sagte das.\nHallo Welt.\nGut.\n\nDer nächste Artikel beginnt.\n",
                                      encoding="utf-8")
    report = _report(str(tmp_path / "mt.txt"), "--source", str(tmp_path / "src.txt"), "--split-docs", "blank-line")
    documents = report["documents"]
    assert [d["id"] for d in documents] == [f"{tmp_path / 'mt.txt'}#1", f"{tmp_path / 'mt.txt'}#2"]
    [missing] = documents[0]["findings"]
    assert (missing["rule"], missing["line"]) == ("MTQA-BI-001", 2)
    assert documents[1]["findings"] == []


def test_doc_ids_for_a_file_that_names_its_documents_is_an_input_error_for_that_file(tmp_path):
    """A JSONL `doc` field or a TSV `doc` column already says where documents end: the ids
    file would be ignored (whatever its length), so it is refused for that file; a line file
    next to it is still checked with the ids."""
    (tmp_path / "ids.txt").write_text("only\n", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        "".join(json.dumps({"doc": d, "target": t}) + "\n"
                for d, t in (("a", "He said the the thing."), ("b", "Fine."), ("a", "More text."))),
        encoding="utf-8")
    (tmp_path / "d.tsv").write_text("doc\tsource\ttarget\na\tx\tHe said.\nb\ty\tShe said.\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--format", "json", "--jobs", "1", "--doc-ids", "ids.txt",
                      "d.jsonl", "d.tsv", "one.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "mtqa: error: d.jsonl: --doc-ids does not apply: the file names its own documents ('a', 'b')",
        "mtqa: error: d.tsv: --doc-ids does not apply: the file names its own documents ('a', 'b')",
    ]
    [document] = json.loads(result.stdout)["documents"]
    assert (document["id"], [f["rule"] for f in document["findings"]]) == ("only", ["MTQA-CORE-001"])
