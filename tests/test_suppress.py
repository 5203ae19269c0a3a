"""Suppression comments (regions, next line, per rule) and the project vocabulary."""

from __future__ import annotations

import dataclasses
import json

import pytest

from mtqa.config.settings import load_settings
from mtqa.model import Document
from mtqa.suppress import filter_findings, suppressed_regions

TEXT = """Kiev one.
<!-- mtqa-disable-next-line -->
Kiev two.
<!-- mtqa-disable MTQA-VOCAB -->
Kiev three.
<!-- mtqa-enable MTQA-VOCAB -->
Kiev four.
<!-- mtqa-disable fluency, MTQA-T-9 -->
Kiev five.
<!-- mtqa-enable -->
Kiev six.
<!-- mtqa-disable -->
Kiev seven.
"""


def _settings(**vocabulary):
    return load_settings(None, {"vocabulary.reject": ["Kiev -> Kyiv"], **{f"vocabulary.{k}": v for k, v in
                                                                       vocabulary.items()}})


def _findings(document: Document, rule: str, checker: str = "rules", category: str = "style/awkward"):
    out = []
    start = document.text.find("Kiev")
    while start != -1:
        out.append(document.finding(rule=rule, checker=checker, category=category, severity="minor",
                                    message="m", start=start, end=start + 4))
        start = document.text.find("Kiev", start + 1)
    return out


def _kept_lines(document, findings, settings=None):
    kept = filter_findings(document, findings, settings or load_settings(None, {}))
    return [document.text[f.start:].split("\n", 1)[0] for f in kept]


def test_regions_per_rule_and_for_all_rules():
    doc = Document(id="a.md", path="a.md", text=TEXT)
    vocab = _findings(doc, "MTQA-VOCAB-001", "vocabulary", "terminology/inconsistent")
    other = _findings(doc, "MTQA-T-100")
    fluency = _findings(doc, "MTQA-FLU-001", "fluency", "fluency/spelling")
    assert _kept_lines(doc, vocab) == ["Kiev one.", "Kiev four.", "Kiev five.", "Kiev six."]
    assert _kept_lines(doc, other) == ["Kiev one.", "Kiev three.", "Kiev four.", "Kiev five.", "Kiev six."]
    # "fluency" names a checker: its findings are off between disable and the bare enable.
    assert _kept_lines(doc, fluency) == ["Kiev one.", "Kiev three.", "Kiev four.", "Kiev six."]


def test_rule_prefix_and_category_targets():
    text = "<!-- mtqa-disable MTQA-T-9, fluency/grammar -->\nKiev here.\n"
    doc = Document(id="a.md", path="a.md", text=text)
    assert _kept_lines(doc, _findings(doc, "MTQA-T-901")) == []
    assert _kept_lines(doc, _findings(doc, "MTQA-T-801")) == ["Kiev here."]
    assert _kept_lines(doc, _findings(doc, "MTQA-X-1", "grammar", "fluency/grammar")) == []


def test_unclosed_disable_runs_to_the_end_and_regions_are_reported():
    doc = Document(id="a.md", path="a.md", text=TEXT)
    regions = suppressed_regions(doc)
    assert regions[-1][1] == len(TEXT) and regions[-1][2] == ()


def test_accepted_words_silence_every_checker_on_that_word_only():
    text = "Khreshchatyk Street was busy. Khreshchatykk was not. The Kraschatyk district.\n"
    doc = Document(id="a.txt", path="a.txt", text=text)
    spans = [("Khreshchatyk", "fluency", "fluency/spelling"), ("Khreshchatykk", "grammar", "fluency/spelling"),
             ("Kraschatyk", "consistency", "fluency/inconsistency"), ("Street was", "grammar", "fluency/grammar")]
    findings = []
    for quote, checker, category in spans:
        start = text.index(quote)
        findings.append(doc.finding(rule=f"MTQA-{checker.upper()}-1", checker=checker, category=category,
                                    severity="minor", message="m", start=start, end=start + len(quote)))
    settings = load_settings(None, {"vocabulary.accept": ["Khreshchatyk", "Kraschatyk"]})
    kept = filter_findings(doc, findings, settings)
    assert [f.text for f in kept] == ["Khreshchatykk", "Street was"]


def test_rejected_words_are_findings_with_safe_fixes(tmp_path):
    from mtqa.api import check_files

    path = tmp_path / "a.md"
    path.write_text("Kiev and Kievan Rus. `Kiev` in code. Kiev.\n", encoding="utf-8")
    report = check_files([str(path)], select=["vocabulary"], **{"vocabulary.reject": ["Kiev -> Kyiv"],
                                                                "checkers.grammar.enabled": False})
    findings = [f for _, f in report.iter_findings()]
    assert [(f.rule, f.start, f.suggestions, f.applicability.value) for f in findings] == [
        ("MTQA-VOCAB-001", 0, ("Kyiv",), "safe"), ("MTQA-VOCAB-001", 37, ("Kyiv",), "safe")]
    assert "MTQA-VOCAB-001" in report.rules


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_comments_work_end_to_end_in_markdown_and_html(tmp_path, suffix):
    from mtqa.api import check_files

    if suffix == ".md":
        body = ("Kiev first here.\n\n<!-- mtqa-disable-next-line -->\nKiev second here.\n\n"
                "<!-- mtqa-disable MTQA-VOCAB-001 -->\nKiev third here.\n\n<!-- mtqa-enable -->\nKiev fourth here.\n")
    else:
        para = "<p>{} is the city where the reporters met the mayor and his many advisers today.</p>"
        body = ("<html><head><title>t</title></head><body><article>"
                + para.format("Kiev first") + "\n<!-- mtqa-disable-next-line -->\n" + para.format("Kiev second")
                + "\n<!-- mtqa-disable MTQA-VOCAB-001 -->\n" + para.format("Kiev third")
                + "\n<!-- mtqa-enable -->\n" + para.format("Kiev fourth") + "</article></body></html>")
    path = tmp_path / f"a{suffix}"
    path.write_text(body, encoding="utf-8")
    report = check_files([str(path)], select=["vocabulary"], **{"vocabulary.reject": ["Kiev"],
                                                                "checkers.grammar.enabled": False})
    doc = report.documents[0]
    kept = [doc.lines[f.line][f.column - 1:].split(" ", 2)[1] for f in doc.findings]
    assert kept == ["first", "fourth"]
    assert doc.suppressed == 2


def test_vocabulary_severity_is_configurable():
    from mtqa.checkers.vocabulary import VocabularyChecker

    settings = load_settings(None, {"vocabulary.reject": ["alright"], "checkers.vocabulary.severity": "major"})
    checker = VocabularyChecker(settings)
    doc = Document(id="a", path="a", text="It is alright, Alright.")
    assert [(f.severity.value, f.start) for f in checker.check(doc)] == [("major", 6)]
    assert dataclasses.asdict(next(iter(checker.rule_infos())))["severity"].value == "major"


def test_the_comment_itself_is_never_flagged_in_plain_text():
    text = "Fine sentence.\n<!-- mtqa-disable-next-line MTQA-X -->\nKiev here.\n"
    doc = Document(id="a.txt", path="a.txt", text=text)
    start = text.index("mtqa-disable")
    on_comment = doc.finding(rule="MTQA-FLU-9", checker="fluency", category="fluency/spelling", severity="minor",
                             message="m", start=start, end=start + 12)
    assert filter_findings(doc, [on_comment], load_settings(None, {})) == []


def test_suppressed_counts_are_shown_in_html_and_markdown(tmp_path):
    from mtqa.api import check_files
    from mtqa.reporters import render

    path = tmp_path / "a.md"
    path.write_text("<!-- mtqa-disable -->\nKiev one. Kiev two.\n", encoding="utf-8")
    report = check_files([str(path)], select=["vocabulary"], **{"vocabulary.reject": ["Kiev"],
                                                                "checkers.grammar.enabled": False})
    assert report.documents[0].suppressed == 2
    assert "<dt>suppressed</dt><dd>2</dd>" in render(report, "html")
    assert "2 finding(s) suppressed" in render(report, "markdown")


@pytest.mark.parametrize("line_end", ["\r", "\r\n"])
def test_next_line_ends_at_a_cr_line_end_as_at_lf(tmp_path, line_end):
    # A lone CR (old Mac) ends a line: "disable-next-line" silences one line, not the rest of the file.
    from click.testing import CliRunner

    from mtqa.cli import cli

    lines = ["He said the the thing.", "<!-- mtqa-disable-next-line -->", "He said the the thing again.",
             "He said the the thing last."]
    found = {}
    for name, end in (("lf.md", "\n"), ("cr.md", line_end)):
        (tmp_path / name).write_bytes((end.join(lines) + end).encode())
        result = CliRunner().invoke(cli, ["check", str(tmp_path / name), "--no-grammar", "-q", "--format", "json",
                                          "--exit-zero"])
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        found[name] = [(f["rule"], f["line"]) for doc in report["documents"] for f in doc["findings"]]
    assert found["cr.md"] == found["lf.md"] == [("MTQA-CORE-001", 1), ("MTQA-CORE-001", 4)]
