"""Rewriting a baseline keeps what this run did not look at: a run over part of a corpus, or
one where a file could not be read, must not forget long-accepted findings of the rest."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa


def _documents(path):
    return sorted(json.loads(path.read_text(encoding="utf-8"))["documents"])


def _corpus(tmp_path):
    art = tmp_path / "art"
    art.mkdir()
    (art / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    (art / "b.txt").write_text("Russia said she would come.\n", encoding="utf-8")
    (art / "c.txt").write_text("Israel said she would come.\n", encoding="utf-8")
    made = run_mtqa("check", "--no-grammar", "-q", "art", "--write-baseline", "bl.json", cwd=tmp_path)
    assert made.returncode in (0, 1), made.stderr
    assert _documents(tmp_path / "bl.json") == ["art/a.txt", "art/b.txt", "art/c.txt"]
    return art


def test_refresh_on_one_file_keeps_the_others_and_drops_files_that_are_gone(tmp_path):
    art = _corpus(tmp_path)
    (art / "c.txt").unlink()
    run = run_mtqa("check", "--no-grammar", "art/a.txt", "--baseline", "bl.json", "--write-baseline", "bl.json",
                   cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "kept 1 of documents not checked in this run" in run.stderr
    assert _documents(tmp_path / "bl.json") == ["art/a.txt", "art/b.txt"]


def test_a_file_that_could_not_be_read_keeps_its_entries(tmp_path):
    art = _corpus(tmp_path)
    (art / "b.txt").write_bytes(b"\x00\x01binary")
    broken = run_mtqa("check", "--no-grammar", "-q", "art", "--baseline", "bl.json", "--write-baseline", "bl.json",
                      cwd=tmp_path)
    assert broken.returncode == 2
    (art / "b.txt").write_text("Russia said she would come.\n", encoding="utf-8")
    again = run_mtqa("check", "--no-grammar", "-q", "art", "--baseline", "bl.json", "--fail-on", "major",
                     cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr


def test_a_fixed_finding_leaves_the_baseline(tmp_path):
    art = _corpus(tmp_path)
    (art / "a.txt").write_text("He said the thing.\n", encoding="utf-8")
    run = run_mtqa("check", "--no-grammar", "-q", "art", "--baseline", "bl.json", "--write-baseline", "bl.json",
                   cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _documents(tmp_path / "bl.json") == ["art/b.txt", "art/c.txt"]


def test_a_file_that_is_not_a_baseline_is_never_replaced(tmp_path):
    """--write-baseline over package.json, or over a baseline broken by a merge conflict, is
    refused before the run: replacing it would lose the file, or every entry of the documents
    the run did not check."""
    art = _corpus(tmp_path)
    other = tmp_path / "package.json"
    other.write_text('{"name": "newsroom"}\n', encoding="utf-8")
    run = run_mtqa("check", "--no-grammar", "art", "--write-baseline", "package.json", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip() == ("mtqa: error: package.json: not an mtqa baseline (no 'mtqa_baseline' version); "
                                  "--write-baseline would replace it: remove it or name another file")
    assert other.read_text(encoding="utf-8") == '{"name": "newsroom"}\n'
    baseline = tmp_path / "bl.json"
    conflicted = "<<<<<<< HEAD\n" + baseline.read_text(encoding="utf-8") + "=======\n{}\n>>>>>>> theirs\n"
    baseline.write_text(conflicted, encoding="utf-8")
    run = run_mtqa("check", "--no-grammar", "art/a.txt", "--write-baseline", "bl.json", cwd=tmp_path)
    assert run.returncode == 2
    assert "bl.json: baseline is not valid JSON" in run.stderr
    assert baseline.read_text(encoding="utf-8") == conflicted


def test_an_empty_file_takes_a_baseline(tmp_path):
    _corpus(tmp_path)
    (tmp_path / "new.json").write_text("", encoding="utf-8")
    run = run_mtqa("check", "--no-grammar", "-q", "art", "--write-baseline", "new.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _documents(tmp_path / "new.json") == ["art/a.txt", "art/b.txt", "art/c.txt"]
