"""The reference checker: worst segments flagged with their chrF, metrics in the report."""

from __future__ import annotations

from sacrebleu.metrics import BLEU, CHRF

from mtqa.config.settings import load_settings
from mtqa.pipeline import Pipeline
from mtqa.reporters.json_ import report_to_dict


def test_worst_segment_flagged_and_metrics_reported(wmt_dir, tmp_path):
    folder = wmt_dir / "2022/liv-en"
    references = (folder / "reference.txt").read_text(encoding="utf-8").split("\n")[:40]
    hypotheses = list(references)
    hypotheses[7] = "Completely unrelated words were produced by the broken system here today."
    target = tmp_path / "mt.txt"
    target.write_text("\n".join(hypotheses) + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("\n".join(references) + "\n", encoding="utf-8")
    settings = load_settings(run_options={"reference_file": str(tmp_path / "ref.txt")})
    with Pipeline(settings, ["reference"]) as pipeline:
        report = pipeline.run([str(target)])
    findings = [f for _, f in report.iter_findings()]
    assert [(f.rule, f.segment, f.text) for f in findings] == [("MTQA-REF-001", "8", hypotheses[7])]
    assert findings[0].category == "accuracy/mistranslation" and findings[0].severity.value == "minor"
    assert findings[0].evidence.startswith("chrF ") and "nrefs:1" in findings[0].evidence
    bleu = BLEU().corpus_score(hypotheses, [references]).score
    chrf = CHRF().corpus_score(hypotheses, [references]).score
    data = report_to_dict(report)
    assert data["metrics"]["bleu"]["score"] == round(bleu, 4)
    assert data["documents"][0]["metrics"]["chrf"]["score"] == round(chrf, 4)
    assert data["metrics"]["ter"]["signature"].startswith("nrefs:1|case:lc|tok:tercom")


def test_a_faithful_translation_gets_no_findings(wmt_dir, tmp_path):
    references = (wmt_dir / "2022/liv-en/reference.txt").read_text(encoding="utf-8").split("\n")[:30]
    (tmp_path / "mt.txt").write_text("\n".join(references) + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("\n".join(references) + "\n", encoding="utf-8")
    settings = load_settings(run_options={"reference_file": str(tmp_path / "ref.txt")})
    with Pipeline(settings, ["reference"]) as pipeline:
        report = pipeline.run([str(tmp_path / "mt.txt")])
    assert not list(report.iter_findings())
    assert report.metrics["bleu"]["score"] == 100.0
