"""Baselines: fingerprints ignore positions; a baseline run reports and gates only new findings."""

from __future__ import annotations

import json

import pytest

from mtqa.baseline import apply_baseline, build_baseline, fingerprint
from tests.reporters.conftest import build_report
from tests.conftest import run_mtqa

CONFIG = 'vocabulary = { reject = ["Meanwhile -> Also"] }\n'
ARTICLE = (
    "The committee met in the capital on Monday.\n\n"
    "Meanwhile, the minister spoke to reporters about the budget.\n\n"
    "The talks will resume next week, officials said.\n"
)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "mtqa.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _findings(stdout: str) -> list[dict]:
    return [f for d in json.loads(stdout)["documents"] for f in d["findings"]]


def test_fingerprint_ignores_line_shifts_but_not_context():
    specs = [{"rule": "MTQA-T-001", "quote": "She"}, {"rule": "MTQA-T-001", "quote": "She", "nth": 1}]
    text = "Russia waits. She may extend.\nEgypt waits. She may extend too.\n"
    first = build_report([("a.txt", text, specs)]).documents[0]
    shifted = build_report([("a.txt", "New line.\n\n" + text, specs)]).documents[0]
    fps = [fingerprint(f, first.lines[f.line]) for f in first.findings]
    assert fps == [fingerprint(f, shifted.lines[f.line]) for f in shifted.findings]
    assert fps[0] != fps[1]  # same rule and text, different context


def test_duplicates_are_counted_and_gone_entries_reported(tmp_path):
    text = "the the cat. the the dog.\n"
    old = build_report([("a.txt", text, [{"rule": "MTQA-T-001", "quote": "the the"},
                                         {"rule": "MTQA-T-002", "quote": "dog"}])])
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(build_baseline(old, str(tmp_path))), encoding="utf-8")
    new = build_report([("a.txt", text, [{"rule": "MTQA-T-001", "quote": "the the"},
                                         {"rule": "MTQA-T-001", "quote": "the the", "nth": 1}])])
    result = apply_baseline(new, str(path))
    assert [f.start for f in result.documents[0].findings] == [13]
    assert result.baseline | {"path": None} == {"path": None, "entries": 2, "matched": 1, "new": 1, "gone": 1,
                                                "not_checked": 0}
    assert result.documents[0].penalty == 5


def test_inserting_one_artifact_reports_exactly_that_one(project):
    written = run_mtqa("check", "--no-grammar", "article.md", "--write-baseline", "baseline.json", cwd=project)
    assert written.returncode in (0, 1), written.stderr
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["documents"]["article.md"]
    assert any(e["rule"] == "MTQA-VOCAB-001" for e in entries)

    # A new paragraph at the top shifts every old finding down two lines.
    (project / "article.md").write_text(
        "Meanwhile, a second delegation arrived from the north.\n\n" + ARTICLE, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "article.md", "--baseline", "baseline.json", "--format", "json",
                      "--fail-on", "minor", cwd=project)
    assert result.returncode == 1, result.stderr
    new = _findings(result.stdout)
    assert [(f["rule"], f["line"], f["text"]) for f in new] == [("MTQA-VOCAB-001", 1, "Meanwhile")]
    baseline = json.loads(result.stdout)["baseline"]
    assert (baseline["new"], baseline["gone"], baseline["matched"]) == (1, 0, len(entries))
    assert "1 new, 0 baseline entries gone" in result.stderr


def test_fixed_findings_count_as_gone_and_the_gate_passes(project):
    run_mtqa("check", "--no-grammar", "article.md", "--write-baseline", "baseline.json", cwd=project)
    (project / "article.md").write_text(ARTICLE.replace("Meanwhile", "Also"), encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "article.md", "--baseline", "baseline.json", "--format", "json",
                      "--fail-on", "minor", cwd=project)
    report = json.loads(result.stdout)
    assert report["baseline"]["gone"] >= 1
    assert not any(f["rule"] == "MTQA-VOCAB-001" for f in _findings(result.stdout))
    if not _findings(result.stdout):
        assert result.returncode == 0


def test_real_artifact_inserted_into_a_corpus_file(repo_root, tmp_path):
    from mtqa.checkers import available_checkers

    if "language" not in available_checkers():
        pytest.skip("language checker not installed")
    source = repo_root / "corpus" / "clean-rate-decision.txt"
    if not source.is_file():
        pytest.skip("corpus sample missing")
    text = source.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    run_mtqa("check", "--no-grammar", "a.txt", "--write-baseline", "b.json", cwd=tmp_path)
    paragraphs = text.split("\n\n")
    paragraphs.insert(1, "Министр финансов отказался комментировать решение центрального банка.")
    (tmp_path / "a.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "a.txt", "--baseline", "b.json", "--format", "json", cwd=tmp_path)
    new = _findings(result.stdout)
    assert len(new) == 1, new
    assert new[0]["text"].startswith("Министр")


def test_broken_baseline_is_one_error_line(project):
    (project / "baseline.json").write_text("{not json", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "article.md", "--baseline", "baseline.json", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("mtqa: error: baseline.json: baseline is not valid JSON")
    assert "Traceback" not in result.stderr
    missing = run_mtqa("check", "--no-grammar", "article.md", "--baseline", "nope.json", cwd=project)
    assert missing.returncode == 2 and "baseline file not found" in missing.stderr
