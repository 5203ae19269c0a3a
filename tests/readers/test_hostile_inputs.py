"""Inputs from a hostile run: each is an input error of its own file, never a hang, a
traceback or a silent skip, and the other inputs are still read."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import threading

import pytest

from mtqa.config import load_settings
from mtqa.errors import InputError
from mtqa.report import InputProblem
from mtqa.readers import iter_documents, read_file

GOOD = "The minister said that the talks would resume on Monday.\n"


def _settings(**overrides):
    return load_settings(None, overrides)


def _reason(path, settings=None) -> str:
    with pytest.raises(InputError) as info:
        read_file(str(path), settings or _settings())
    assert "\n" not in info.value.reason
    return info.value.reason


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(list(iter_documents([str(fifo)], _settings()))),
                              daemon=True)
    reader.start()
    reader.join(60)  # a hang guard, not a timing: the fixed reader never waits for a writer
    assert outcome, "reading a FIFO blocked"
    (problem,) = outcome[0]
    assert isinstance(problem, InputProblem) and "not a regular file (a named pipe)" in problem.message


def test_dev_zero_behind_a_symlink_is_refused(tmp_path):
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    assert "not a regular file (a character device)" in _reason(link)


def test_standard_input_is_capped_too(monkeypatch):
    data = GOOD.encode() * 100
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(InputError) as info:
        read_file("-", _settings(**{"inputs.max_bytes": 1000}))
    assert info.value.path == "<stdin>" and "too large" in info.value.reason


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100, encoding="utf-8")
    assert "too large" in _reason(path, _settings(**{"inputs.max_bytes": 1000}))
    (path.parent / "small.txt").write_text(GOOD, encoding="utf-8")
    assert read_file(str(path.parent / "small.txt"), _settings(**{"inputs.max_bytes": 1000}))


def test_a_folder_beyond_the_path_length_limit_is_an_input_error(tmp_path):
    root = tmp_path / "deep"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(25):  # 25 x 200 characters: beyond PATH_MAX (4096)
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("lost.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as handle:
            handle.write(GOOD)
    finally:
        os.close(fd)
    items = list(iter_documents([str(root)], _settings()))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [os.path.basename(i.path) for i in items if not isinstance(i, InputProblem)] == ["good.txt"]
    assert len(problems) == 1 and "folder not readable" in problems[0].message
    assert os.strerror(errno.ENAMETOOLONG) in problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder (the path-length test covers the walk as root)")
def test_an_unreadable_sub_folder_is_an_input_error(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        items = list(iter_documents([str(tmp_path)], _settings()))
    finally:
        locked.chmod(0o755)
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [p.path for p in problems] == [str(locked)] and "permission denied" in problems[0].message
    assert [os.path.basename(i.path) for i in items if not isinstance(i, InputProblem)] == ["good.txt"]


@pytest.mark.parametrize("name,content", [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\nx\x9c\x03\x00endstream"),
    ("uncompressed.txt", b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\nBT (The minister said) Tj ET\n%%EOF\n"),
])
def test_pdf_is_named(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert _reason(path) == "PDF is not supported: extract the text first"


XLIFF2 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">'
          '<file id="f"><unit id="1"><segment><source>Hallo</source><target>Hello{cp}</target></segment></unit>'
          '</file></xliff>')


@pytest.mark.parametrize("hex_value,reason", [("D800", "surrogate"), ("110000", "not a Unicode code point"),
                                              ("zz", "not a Unicode code point"), ("+41", "not a Unicode code point")])
def test_xliff_cp_that_is_not_a_character_is_an_input_error(tmp_path, hex_value, reason):
    path = tmp_path / "unit.xlf"
    path.write_text(XLIFF2.replace("{cp}", f'<cp hex="{hex_value}"/>'), encoding="utf-8")
    assert reason in _reason(path)


def test_xliff_cp_of_a_control_character_is_kept(tmp_path):
    path = tmp_path / "unit.xlf"
    path.write_text(XLIFF2.replace("{cp}", '<cp hex="0007"/>'), encoding="utf-8")
    (document,) = read_file(str(path), _settings())
    assert document.text == "Hello\x07"


@pytest.mark.parametrize("line,reason", [
    ('{"target": "A lone \\ud800 surrogate"}', "lone surrogate"),
    ('{"target": "ok", "source": "\\udfff"}', "lone surrogate"),
    ('{"target": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
])
def test_jsonl_values_that_are_not_text_are_input_errors(tmp_path, line, reason):
    path = tmp_path / "segments.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert reason in _reason(path)


def test_jsonl_value_with_a_raw_line_separator_is_read(tmp_path):
    values = ["Before\u2028after the separator.", "Para\u2029graph and next\u0085line.", "Third."]
    path = tmp_path / "segments.jsonl"
    path.write_text("".join(json.dumps({"id": f"s{i}", "target": v}, ensure_ascii=False) + "\n"
                            for i, v in enumerate(values)), encoding="utf-8")
    (document,) = read_file(str(path), _settings())
    assert [document.text[u.start:u.end] for u in document.units] == values
    assert [u.id for u in document.units] == ["s0", "s1", "s2"]


@pytest.mark.parametrize("header", ["source\ttarget", "Source\tTarget\tReference", "src\tmt\tref", "SOURCE_TEXT\tMT"])
def test_a_tsv_header_row_is_skipped(tmp_path, header):
    columns = header.count("\t") + 1
    row = "\t".join(["Hallo Welt.", "Hello world.", "Hello, world."][:columns])
    path = tmp_path / "pairs.tsv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    (document,) = read_file(str(path), _settings())
    assert document.text == "Hello world."
    assert document.units[0].id == "2"  # the file line


def test_a_tsv_first_row_of_text_is_a_segment(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Quelle\tSource\nHallo.\tHello.\n", encoding="utf-8")
    (document,) = read_file(str(path), _settings())
    assert document.text == "Source\nHello."


def test_source_file_aligns_with_all_jsonl_documents(tmp_path):
    path = tmp_path / "mt.jsonl"
    records = [("a", "First of A."), ("b", "First of B."), ("a", "Second of A.")]
    path.write_text("".join(json.dumps({"doc": d, "target": t}) + "\n" for d, t in records), encoding="utf-8")
    source = tmp_path / "src.txt"
    source.write_text("Erstes A.\nErstes B.\nZweites A.\n", encoding="utf-8")
    documents = list(iter_documents([str(path)], load_settings(None, {}, run_options={"source_file": str(source)})))
    assert {d.id: [u.source for u in d.units] for d in documents} == {
        "a": ["Erstes A.", "Zweites A."], "b": ["Erstes B."]}
    source.write_text("Erstes A.\nErstes B.\n", encoding="utf-8")
    (problem,) = iter_documents([str(path)], load_settings(None, {}, run_options={"source_file": str(source)}))
    assert "3 segments in 2 documents" in problem.message and "has 2 lines" in problem.message


def test_a_named_path_beyond_the_length_limit_says_so(tmp_path):
    path = str(tmp_path) + "/x" * 2100 + ".txt"
    (problem,) = iter_documents([path], _settings())
    assert problem.message == os.strerror(errno.ENAMETOOLONG)
