"""The `mtqa score` leaderboard: systems with BLEU/chrF/TER, significance and artifact rates.

``build`` computes it (sacrebleu for the metrics, mtqa's checkers for the artifacts);
``mtqa.reporters.leaderboard.render`` turns it into text, JSON or Markdown. The
leaderboard is a plain dict, so the JSON format is simply that dict.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from mtqa import __version__
from mtqa.errors import MtqaError
from mtqa.metrics.scores import METRICS, corpus_scores, read_segments

SIGNIFICANCE = 0.05


def system_names(paths: Sequence[str]) -> list[str]:
    """File names without extension, or the paths themselves when two names collide."""
    names = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    return names if len(set(names)) == len(names) else list(paths)


def artifact_rates(pipeline, path: str, sources: list[str] | None) -> dict[str, Any]:
    """Findings of mtqa's checkers on one system output, per 1,000 words by MQM category."""
    from mtqa.model import Document
    from mtqa.readers.decode import decode
    from mtqa.readers.parallel import attach

    with open(path, "rb") as handle:
        text = decode(handle.read(), path).text
    document = attach(Document(id=path, path=path, text=text, source_lang=pipeline.settings.source_lang),
                      sources, None, (None, None))
    result = pipeline.check_document(document)
    counts = Counter(f.category for f in result.findings)
    words = result.words

    def rate(n: int) -> float:
        return round(n * 1000 / words, 2) if words else 0.0

    return {
        "words": words,
        "findings": len(result.findings),
        "per_1000_words": rate(len(result.findings)),
        "by_category": {c: rate(n) for c, n in sorted(counts.items())},
        "mqm_per_1000_words": result.mqm_per_1000_words,
    }


def build(reference: str, systems: Sequence[str], *, source: str | None = None, pipeline=None,
          metrics: Sequence[str] = METRICS, n_samples: int = 1000, confidence: bool = False,
          options: dict[str, dict[str, Any]] | None = None,
          on_guess: Callable[[str, str], None] | None = None) -> dict[str, Any]:
    """``confidence``: a 95% bootstrap interval for every score (the paired test computes
    one for several systems anyway); ``options``: sacrebleu constructor arguments by metric;
    ``on_guess(path, encoding)``: told of each file read by a guessed encoding."""
    references = read_segments(reference, on_guess)
    names = system_names(systems)
    hypotheses = [(name, read_segments(path, on_guess)) for name, path in zip(names, systems)]
    for path, (_, lines) in zip(systems, hypotheses):
        if len(lines) != len(references):
            raise MtqaError(f"{path}: {len(lines)} lines, but the reference has {len(references)}")
    if len(hypotheses) > 1:
        from mtqa.metrics.compare import paired_bootstrap

        signatures, rows = paired_bootstrap(hypotheses, references, metrics, n_samples, options)
    else:
        scores = corpus_scores(hypotheses[0][1], references, metrics, options, n_samples if confidence else 1)
        signatures = {m: scores[m]["signature"] for m in metrics}
        rows = [{"system": names[0], **{m: {"score": scores[m]["score"], "mean": scores[m]["mean"],
                                             "ci": scores[m]["ci"], "p_value": None} for m in metrics}}]
    sources = read_segments(source, on_guess) if source is not None else None
    if sources is not None and len(sources) != len(references):
        raise MtqaError(f"{source}: {len(sources)} lines but the reference has {len(references)}")
    for row, path in zip(rows, systems):
        row["path"] = path
        for cell in (row[m] for m in metrics):
            if not confidence:  # the paired test's interval is a by-product: shown only when asked for
                cell.update(mean=None, ci=None)
            cell.update({k: round(cell[k], 4) for k in ("score", "mean", "ci") if cell[k] is not None})
            cell["significant"] = cell["p_value"] is not None and cell["p_value"] < SIGNIFICANCE
        if pipeline is not None:
            row["artifacts"] = artifact_rates(pipeline, path, sources)
    return {
        "tool": {"name": "mtqa", "version": __version__},
        "reference": reference,
        "source": source,
        "segments": len(references),
        "metrics": list(metrics),
        "signatures": signatures,
        "significance": {"test": "paired bootstrap (sacrebleu)", "samples": n_samples,
                         "baseline": names[0], "threshold": SIGNIFICANCE} if len(systems) > 1 else None,
        "confidence": {"level": 0.95, "samples": n_samples} if confidence else None,
        "checkers": list(pipeline.provenance()["checkers"]) if pipeline is not None else [],
        "systems": rows,
    }
