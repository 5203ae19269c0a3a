"""With --reference, the reports people read give the run's BLEU, chrF and TER (the README
promises them "with a reference"); before, only the JSON report had them."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa

MT = "The government allocated money for the repair of roads.\nWork will begin in April.\n"
REF = "The government allocated funds to repair roads.\nWork will start in April.\n"


def _files(tmp_path):
    (tmp_path / "mt.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "ref.txt").write_text(REF, encoding="utf-8")


def _scores(tmp_path) -> str:
    report = run_mtqa("check", "--no-grammar", "-f", "json", "mt.txt", "--reference", "ref.txt", cwd=tmp_path)
    metrics = json.loads(report.stdout)["metrics"]
    return (f"BLEU {metrics['bleu']['score']:.2f}, chrF {metrics['chrf']['score']:.2f}, "
            f"TER {metrics['ter']['score']:.2f} against the reference")


def test_text_and_markdown_reports_give_the_scores(tmp_path):
    _files(tmp_path)
    scores = _scores(tmp_path)
    text = run_mtqa("check", "--no-grammar", "mt.txt", "--reference", "ref.txt", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert scores in text.stdout.splitlines()
    markdown = run_mtqa("check", "--no-grammar", "-f", "markdown", "mt.txt", "--reference", "ref.txt", cwd=tmp_path)
    assert scores + "." in markdown.stdout.splitlines()


def test_no_reference_no_scores(tmp_path):
    _files(tmp_path)
    text = run_mtqa("check", "--no-grammar", "mt.txt", cwd=tmp_path)
    assert "against the reference" not in text.stdout
