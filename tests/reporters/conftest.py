"""Reports for reporter tests: the corpus report (goldens) and small hand-built ones (edge cases)."""

from __future__ import annotations

import copy
import dataclasses
import json
import os

import pytest

from tests.conftest import REPO, SHARED

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("MTQA_UPDATE_GOLDEN") == "1"
FORMATS = {"text": "txt", "json": "json", "html": "html", "sarif": "sarif", "junit": "xml",
           "markdown": "md", "github": "github.txt"}


def corpus_report(fail_on: str | None = None):
    """The report of `mtqa check corpus/ --no-grammar` run from the repository root."""
    from mtqa.cli.postprocess import apply_run_options
    from mtqa.config.settings import load_settings
    from mtqa.pipeline import Pipeline

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        settings = load_settings(None, {"checkers.grammar.enabled": False, "fail_on": fail_on}, search_from=REPO)
        settings = dataclasses.replace(settings, keep_text=True)
        with Pipeline(settings) as pipeline:
            report = pipeline.run(["corpus"])
        report = apply_run_options(report, settings)
    finally:
        os.chdir(cwd)
    # Pin what changes between releases and machines, not what the reporters decide.
    report.tool = {**report.tool, "version": "0.0.0+golden"}
    report.provenance["config"] = None
    report.provenance["checker_details"] = {}  # library versions, rule-pack hashes
    return report


@pytest.fixture(scope="session")
def _corpus_report():
    if not (REPO / "corpus").is_dir() or not any((REPO / "corpus").iterdir()):
        pytest.skip("the repository's corpus/ folder is empty")
    return corpus_report()


@pytest.fixture
def report_from_corpus(_corpus_report):
    return copy.deepcopy(_corpus_report)


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"SARIF schema not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def build_report(documents: list[tuple[str, str, list[dict]]], errors=(), fail_on=None, rules=None):
    """A Report from (path, text, finding specs); specs are Document.finding keyword arguments.

    A spec may give ``quote`` (and optionally ``nth``) instead of start/end.
    """
    from mtqa.config.settings import load_settings
    from mtqa.model import Document
    from mtqa.report import InputProblem, Report
    from mtqa.pipeline import build_result

    settings = dataclasses.replace(load_settings(None, {}), keep_text=True)
    results = []
    for path, text, specs in documents:
        doc = Document(id=path, path=path, text=text)
        findings = []
        for spec in specs:
            spec = dict(spec)
            if "quote" in spec:
                quote, nth = spec.pop("quote"), spec.pop("nth", 0)
                start = -1
                for _ in range(nth + 1):
                    start = text.index(quote, start + 1)
                spec.update(start=start, end=start + len(quote))
            spec.setdefault("checker", "rules")
            spec.setdefault("category", "style/awkward")
            spec.setdefault("severity", "major")
            spec.setdefault("message", f"{spec['rule']} fired")
            findings.append(doc.finding(**spec))
        findings.sort(key=lambda f: f.sort_key())
        results.append(build_result(doc, findings, settings))
    return Report(
        documents=results,
        errors=[InputProblem(p, m) for p, m in errors],
        tool={"name": "mtqa", "version": "0.0.0+test", "languagetool": None},
        provenance={"checkers": ["rules"], "gate": {"fail_on": fail_on, "max_mqm": None}},
        rules=dict(rules or {}),
        severity_weights=dict(settings.severity_weights),
    )


def synthetic_report():
    """A report built from hand-written findings, independent of every checker: the
    reporter goldens change only when a reporter does. It covers what reporters must show:
    all severities, safe/unsafe/display-only fixes, evidence, non-ASCII text and paths, a
    clean document, an unreadable input, rule metadata, metrics and a failed gate."""
    from mtqa.engine.registry import load_registry

    registry = load_registry()
    rules = {code: registry.resolve(code).info() for code in ("MTQA-HE-001", "MTQA-CONS-001", "MTQA-FLU-001")}
    article = ("Israel’s cabinet met on Sunday.\nShe said the dictatormost would go.\n"
               "The coalition views with a bad eye the plan — “a mistake”, he added.\n")
    report = build_report(
        [
            ("news/he-en article.txt", article, [
                {"rule": "MTQA-CONS-001", "quote": "She", "checker": "consistency", "category": "fluency/grammar",
                 "message": "'She' refers to Israel, which English calls 'it'", "suggestions": ("It",),
                 "evidence": "Israel", "confidence": 0.9},
                {"rule": "MTQA-FLU-001", "quote": "dictatormost", "checker": "fluency",
                 "category": "fluency/spelling", "message": "'dictatormost' looks like 'dictator most'",
                 "suggestions": ("dictator most",), "applicability": "safe"},
                {"rule": "MTQA-HE-001", "quote": "views with a bad eye", "category": "accuracy/mistranslation",
                 "severity": "critical", "message": "Calque of a Hebrew idiom", "suggestions": ("disapproves of",)},
                {"rule": "LT-EN_UNPAIRED_QUOTES", "quote": "“a mistake”", "checker": "grammar",
                 "category": "fluency/punctuation", "severity": "minor", "message": "Unpaired quotes <here> & there",
                 "applicability": "display-only", "confidence": 0.5},
            ]),
            ("clean.md", "# A clean page\n\nNothing to report here.\n", []),
        ],
        errors=[("broken.xlf", "not well-formed XML (line 3)")],
        fail_on="major",
        rules=rules,
    )
    report.documents[0].metrics = {"bleu": {"score": 31.2, "signature": "nrefs:1|case:mixed|tok:13a"}}
    report.metrics = {"bleu": {"score": 30.5, "signature": "nrefs:1|case:mixed|tok:13a"}}
    return report


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    if not path.is_file():
        pytest.fail(f"golden file {path.name} missing; run with MTQA_UPDATE_GOLDEN=1 to create it")
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{path.name} differs; if the change is intended, rerun with MTQA_UPDATE_GOLDEN=1"
