"""--source/--reference: line-aligned files, mirrored folders, and misalignment errors."""

from __future__ import annotations

import json
import subprocess
import sys

from mtqa.config.settings import load_settings
from mtqa.readers import iter_documents
from mtqa.model import Document
from mtqa.report import InputProblem


def _read(paths, **run_options):
    settings = load_settings(overrides={"checkers.bilingual.language_id": False}, run_options=run_options)
    return list(iter_documents([str(p) for p in paths], settings))


def test_source_and_reference_files_align_line_by_line(tmp_path):
    target = tmp_path / "mt.txt"
    target.write_text("The fund spent 5 million.\r\nIt closed in 2020.\n", encoding="utf-8")
    (tmp_path / "src.txt").write_text("Der Fonds gab 5 Mio. aus.\nEr schloss 2021.\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("The fund spent 5 million.\nIt closed in 2021.\n", encoding="utf-8")
    (document,) = _read([target], source_file=str(tmp_path / "src.txt"), reference_file=str(tmp_path / "ref.txt"))
    assert isinstance(document, Document)
    assert [document.text[u.start:u.end] for u in document.units] == ["The fund spent 5 million.",
                                                                       "It closed in 2020."]
    assert [u.id for u in document.units] == ["1", "2"]
    assert document.units[1].source == "Er schloss 2021." and document.units[1].reference == "It closed in 2021."
    assert document.has_source and document.has_reference


def test_mirrored_folders(tmp_path):
    (tmp_path / "mt" / "a").mkdir(parents=True)
    (tmp_path / "src" / "a").mkdir(parents=True)
    (tmp_path / "mt" / "a" / "one.txt").write_text("Hello 1.\nBye 2.\n", encoding="utf-8")
    (tmp_path / "src" / "a" / "one.txt").write_text("Hallo 1.\nTschüss 3.\n", encoding="utf-8")
    (tmp_path / "mt" / "two.txt").write_text("Alone.\n", encoding="utf-8")
    items = _read([tmp_path / "mt"], source_file=str(tmp_path / "src"))
    documents = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [d.units[1].source for d in documents] == ["Tschüss 3."]
    assert len(problems) == 1 and problems[0].path.endswith("two.txt") and "no such file" in problems[0].message


def test_line_count_mismatch_is_an_input_problem(tmp_path):
    target = tmp_path / "mt.txt"
    target.write_text("One.\nTwo.\nThree.\n", encoding="utf-8")
    (tmp_path / "src.txt").write_text("Eins.\nZwei.\n", encoding="utf-8")
    (problem,) = _read([target], source_file=str(tmp_path / "src.txt"))
    assert isinstance(problem, InputProblem)
    assert problem.path == str(target) and "3 lines" in problem.message and "has 2 lines" in problem.message


def test_jsonl_units_take_a_reference_file(tmp_path):
    target = tmp_path / "mt.jsonl"
    target.write_text("\n".join(json.dumps({"id": f"s{i}", "target": t, "source": s})
                                for i, (s, t) in enumerate([("Eins", "One"), ("Zwei", "Two")])) + "\n",
                      encoding="utf-8")
    (tmp_path / "ref.txt").write_text("One\nTwo\n", encoding="utf-8")
    (document,) = _read([target], reference_file=str(tmp_path / "ref.txt"))
    assert [(u.id, u.source, u.reference) for u in document.units] == [("s0", "Eins", "One"), ("s1", "Zwei", "Two")]


def test_cli_check_with_source_flags_the_changed_number(tmp_path):
    target = tmp_path / "mt.txt"
    target.write_text("The fund spent 5 billion euros.\nIt closed in 2020.\n", encoding="utf-8")
    (tmp_path / "src.txt").write_text("Der Fonds gab 5 Millionen Euro aus.\nEr schloss 2020.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", "--select", "bilingual",
                             "--source", str(tmp_path / "src.txt"), "--format", "json", str(target)],
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    findings = report["documents"][0]["findings"]
    assert [(f["rule"], f["text"], f["segment"], f["line"]) for f in findings] == [
        ("MTQA-BI-012", "5 billion", "1", 1)]
