"""System comparison with sacrebleu's paired bootstrap resampling (Koehn 2004).

The test is sacrebleu's own (`sacrebleu.significance.PairedTest`, what `--paired-bs`
runs), so p-values and confidence intervals match the sacrebleu CLI for the same seed
(``SACREBLEU_SEED``, default 12345).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sacrebleu.significance import PairedTest

from mtqa.metrics.scores import METRICS, check_aligned, make_metric


def paired_bootstrap(systems: Sequence[tuple[str, Sequence[str]]], references: Sequence[str],
                     metrics: Sequence[str] = METRICS, n_samples: int = 1000,
                     options: Mapping[str, Mapping[str, Any]] | None = None,
                     ) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Scores of every system (two or more) and, for all but the first, the p-value against the first.

    Returns (signatures by metric, one row per system:
    ``{"system": name, "bleu": {"score", "mean", "ci", "p_value"}, …}``).
    """
    for name, hypotheses in systems:
        check_aligned(hypotheses, references, name)
    metric_objects = {name: make_metric(name, (options or {}).get(name)) for name in metrics}
    named = [(name, list(hyps)) for name, hyps in systems]
    test = PairedTest(named, metric_objects, [list(references)], test_type="bs", n_samples=n_samples)
    signatures, results = test()
    labels = list(results)[1:]  # "System" is the first column
    rows = []
    for index, (name, _) in enumerate(systems):
        row: dict[str, Any] = {"system": name}
        for metric_name, label in zip(metrics, labels):
            result = results[label][index]
            row[metric_name] = {
                "score": result.score,
                "mean": None if result.mean is None else float(result.mean),
                "ci": None if result.ci is None else float(result.ci),
                "p_value": None if index == 0 or result.p_value is None else float(result.p_value),
            }
        rows.append(row)
    sigs = {metric_name: str(signatures[label]) for metric_name, label in zip(metrics, labels)}
    return sigs, rows

