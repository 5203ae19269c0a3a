"""`mtqa check` reports: the JSON shape of docs/report-schema.md, determinism, gates and selection."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

ARTIFACTS = (
    "Leaders met in Riyadh on Sunday. The minister said that the talks would resume.\n"
    "Вечером в городе снова объявили воздушную тревогу, и жители спустились в укрытия.\n"
    "Analysts said the summit showed the limits of unity.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTIFACTS, encoding="utf-8")
    return path


def test_seed_article_json_has_design_shape(seed_article):
    result = run_mtqa("check", "--no-grammar", "--format", "json", str(seed_article))
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert set(report) >= {"schema_version", "tool", "provenance", "documents", "summary", "errors"}
    assert report["tool"]["name"] == "mtqa" and report["tool"]["version"]
    assert set(report["provenance"]) >= {"checkers", "skipped", "config_hash"}
    assert "grammar" not in report["provenance"]["checkers"]
    (doc,) = report["documents"]
    assert set(doc) >= {"path", "id", "words", "penalty", "score", "mqm_per_1000_words", "findings"}
    assert doc["words"] > 1000
    text = seed_article.read_text(encoding="utf-8")
    for finding in doc["findings"]:
        assert set(finding) >= {"rule", "checker", "category", "severity", "message", "start", "end",
                                "line", "column", "text", "suggestions", "confidence"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
    summary = report["summary"]
    assert set(summary) >= {"documents", "words", "findings", "by_severity", "by_category", "penalty", "score"}
    assert summary["findings"] == len(doc["findings"])
    assert sum(summary["by_severity"].values()) == summary["findings"]


def test_two_runs_give_byte_identical_json(article):
    first = run_mtqa("check", "--no-grammar", "--format", "json", str(article))
    second = run_mtqa("check", "--no-grammar", "--format", "json", str(article))
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["summary"]["findings"] >= 1


def test_fail_on_and_max_mqm_gate_the_exit_code(article, tmp_path):
    assert run_mtqa("check", "--no-grammar", str(article)).returncode == 0
    assert run_mtqa("check", "--no-grammar", "--fail-on", "minor", str(article)).returncode == 1
    assert run_mtqa("check", "--no-grammar", "--max-mqm", "1", str(article)).returncode == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("The central bank left its interest rate unchanged on Monday.\n", encoding="utf-8")
    assert run_mtqa("check", "--no-grammar", "--fail-on", "minor", str(clean)).returncode == 0


def test_select_and_ignore_filter_by_checker_and_category(article):
    def rules(*args):
        out = run_mtqa("check", "--no-grammar", "--format", "json", *args, str(article)).stdout
        return {f["checker"] for f in json.loads(out)["documents"][0]["findings"]}

    assert "language" in rules()
    assert "language" not in rules("--ignore", "language")
    assert "language" not in rules("--ignore", "accuracy/untranslated")
    assert rules("--select", "accuracy/untranslated") == {"language"}
    assert rules("--select", "MTQA-LANG", "--ignore", "accuracy") == {"language"}


def test_output_file_and_text_report(article, tmp_path):
    out = tmp_path / "report.txt"
    result = run_mtqa("check", "--no-grammar", "--output", str(out), str(article))
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    head, first = text.splitlines()[:2]
    assert head == "mtqa report (generated; `mtqa check` skips this file in folders)"  # a folder run skips it
    assert first.startswith(f"{article}:2:1: MTQA-LANG")
    assert "^^^" in text and "\x1b[" not in text
    assert "finding(s) in 1 document(s)" in text


def test_config_file_is_found_upward_and_flags_override(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.mtqa]\nfail_on = 'minor'\n", encoding="utf-8")
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTIFACTS, encoding="utf-8")
    assert run_mtqa("check", "--no-grammar", "a.txt", cwd=sub).returncode == 1
    assert run_mtqa("check", "--no-grammar", "--fail-on", "critical", "a.txt", cwd=sub).returncode == 0


def test_unknown_select_or_ignore_entry_is_an_error(article):
    result = run_mtqa("check", "--no-grammar", "--ignore", "fluency/speling", str(article))
    assert result.returncode == 2
    assert result.stderr.strip() == "mtqa: error: ignore: unknown rule code, pack, checker or category: 'fluency/speling'"
    assert run_mtqa("check", "--no-grammar", "--select", "he-en,MTQA-LANG,LT-X,fluency", str(article)).returncode == 0


def test_failed_gate_says_why_on_stderr(article, tmp_path):
    result = run_mtqa("check", "--no-grammar", "--fail-on", "major", "--format", "json",
                      "-o", str(tmp_path / "r.json"), str(article))
    assert result.returncode == 1
    assert result.stderr.startswith(f"mtqa: gate failed: {article}: ")
