"""`--select bilingual` (or `reference`) on inputs with no source (reference) checks nothing:
said on stderr, recorded in the provenance, and an error when it is all the run would do."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "t.txt").write_text("The budget is 7 billion.\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Der Haushalt beträgt 5 Milliarden.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("selected", "part"), [("bilingual", "source"), ("reference", "reference")])
def test_selecting_only_a_checker_no_input_can_feed_is_an_error(folder, selected, part):
    result = run_mtqa("check", "t.txt", "--no-grammar", "--select", selected, "--fail-on", "minor", "-q",
                      "-f", "json", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: --select {selected}: no input has a {part}; nothing was checked"
    provenance = json.loads(result.stdout)["provenance"]  # the report is still written
    assert provenance["checked_nothing"] == {selected: f"no input has a {part}"}


def test_a_selected_checker_without_data_beside_others_is_a_warning(folder):
    result = run_mtqa("check", "t.txt", "--no-grammar", "--select", "bilingual,MTQA-CORE", cwd=folder)
    assert result.returncode == 0
    assert result.stderr.strip() == "mtqa: warning: bilingual checked nothing: no input has a source"


def test_with_a_source_or_without_select_nothing_is_said(folder):
    given = run_mtqa("check", "t.txt", "--source", "s.txt", "--no-grammar", "--select", "bilingual",
                     "--fail-on", "major", "-f", "json", cwd=folder)
    assert given.returncode == 1, given.stderr  # BI-010/BI-011 found
    assert given.stderr.strip() == "mtqa: gate failed: t.txt: 2 finding(s) at or above major"
    assert "checked_nothing" not in json.loads(given.stdout)["provenance"]
    plain = run_mtqa("check", "t.txt", "--no-grammar", "-f", "json", cwd=folder)
    assert plain.stderr == ""
    assert "checked_nothing" not in json.loads(plain.stdout)["provenance"]


def test_worker_processes_tell_the_parent_what_they_checked(folder):
    for i in range(6):
        (folder / f"m{i}.txt").write_text(f"The budget is {i + 2} billion.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"source": "Der Haushalt beträgt 5 Milliarden.",
                                                "target": "The budget is 7 billion."}) + "\n", encoding="utf-8")
    names = [f"m{i}.txt" for i in range(6)]
    without = run_mtqa("check", *names, "--no-grammar", "--select", "bilingual", "-j", "3", "-q", cwd=folder)
    assert without.returncode == 2
    with_one = run_mtqa("check", *names, "b.jsonl", "--no-grammar", "--select", "bilingual", "-j", "3", "-q",
                        "-f", "json", cwd=folder)
    assert with_one.stderr == ""
    assert "checked_nothing" not in json.loads(with_one.stdout)["provenance"]


def test_a_long_lived_pipeline_reports_each_batch_by_its_own_documents(tmp_path):
    """`mtqa serve` keeps one pipeline and reports each request alone: a request without a
    source after one with a source still checked nothing with `select = bilingual`."""
    from mtqa.config.settings import load_settings
    from mtqa.pipeline import Pipeline
    from mtqa.readers.segments import Unit, document_from_units

    settings = load_settings(overrides={"checkers.grammar.enabled": False, "select": ["bilingual"]},
                             search_from=tmp_path)
    sourced = document_from_units("a", "a", [Unit("The budget is 7 billion.", source="Der Haushalt beträgt 5 Milliarden.")],
                                  "de")
    bare = document_from_units("b", "b", [Unit("The budget is 7 billion.")], "de")
    with Pipeline(settings) as pipeline:
        first = pipeline.check_documents([sourced])
        assert "checked_nothing" not in pipeline.report(first, []).provenance
        second = pipeline.check_documents([bare])
        assert pipeline.report(second, []).provenance["checked_nothing"] == {"bilingual": "no input has a source"}
        assert "checked_nothing" not in pipeline.report(first + second, []).provenance
