"""Corpus and segment scores with sacrebleu, each with the signature that reproduces it.

mtqa calls sacrebleu's own metric classes with their defaults (BLEU 13a tokenisation and
exponential smoothing, chrF2 = character 6-grams with beta 2, TER case-insensitive), so a
score printed by mtqa is the score `sacrebleu REF -i SYS -m bleu chrf ter` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric

from mtqa.errors import MtqaError

METRICS = ("bleu", "chrf", "ter")
# The name sacrebleu gives each score ("chrF2", not "chrf").
LABELS = {"bleu": "BLEU", "chrf": "chrF2", "ter": "TER"}
# Direction: TER is an error rate, lower is better.
HIGHER_IS_BETTER = {"bleu": True, "chrf": True, "ter": False}


def make_metric(name: str, options: Mapping[str, Any] | None = None) -> Metric:
    """A sacrebleu metric object; ``options`` are its constructor arguments."""
    options = dict(options or {})
    if name == "bleu":
        return _bleu(options)
    if name == "chrf":
        return CHRF(**options)
    if name == "ter":
        return TER(**options)
    raise MtqaError(f"unknown metric {name!r}; choose from {', '.join(METRICS)}")


def _bleu(options: dict[str, Any]) -> Metric:
    """BLEU, whose tokenizer loads on construction: the Japanese and Korean ones need
    sacrebleu's extras, the SentencePiece ones a package and a model download. sacrebleu says
    so in a multi-line exception; the user gets its install line as one error."""
    try:
        return BLEU(**options)
    except (ImportError, RuntimeError, OSError) as exc:
        hint = [line.strip() for line in str(exc).splitlines() if line.strip().startswith("pip install")]
        what = f"needs extra packages: {hint[-1]}" if hint else f"cannot be loaded ({str(exc).strip() or type(exc).__name__})"
        raise MtqaError(f"--tokenize {options.get('tokenize')}: {what}") from None


def check_aligned(hypotheses: Sequence[str], references: Sequence[str], what: str = "system") -> None:
    if len(hypotheses) != len(references):
        raise MtqaError(f"{what} has {len(hypotheses)} segments but the reference has {len(references)}")
    if not hypotheses:
        raise MtqaError(f"{what} has no segments")


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str],
                  metrics: Sequence[str] = METRICS,
                  options: Mapping[str, Mapping[str, Any]] | None = None,
                  n_bootstrap: int = 1) -> dict[str, dict[str, Any]]:
    """``{"bleu": {"score": 31.2, "signature": "nrefs:1|case:mixed|…"}, …}`` for one system;
    with ``n_bootstrap`` > 1 also sacrebleu's bootstrap ``mean`` and 95% ``ci`` (its --confidence)."""
    check_aligned(hypotheses, references)
    results: dict[str, dict[str, Any]] = {}
    for name in metrics:
        metric = make_metric(name, (options or {}).get(name))
        score = metric.corpus_score(list(hypotheses), [list(references)], n_bootstrap=n_bootstrap)
        # Without resampling sacrebleu leaves -1 in _mean and _ci: no interval, not a negative one.
        bootstrapped = n_bootstrap > 1
        results[name] = {"score": score.score, "signature": str(metric.get_signature()),
                         "mean": float(score._mean) if bootstrapped else None,
                         "ci": float(score._ci) if bootstrapped else None}
    return results


def sentence_chrf(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[list[float], str]:
    """Per-segment chrF scores (default options) and the signature."""
    metric = make_metric("chrf")
    scores = [metric.sentence_score(h, [r]).score for h, r in zip(hypotheses, references)]
    return scores, str(metric.get_signature())


def read_segments(path: str, on_guess: Callable[[str, str], None] | None = None) -> list[str]:
    """Lines of a plain-text system or reference file, right-stripped as sacrebleu reads them.

    ``on_guess(path, encoding)`` hears of a file that was not UTF-8 and was read by a guessed
    encoding: sacrebleu would refuse it, so scores from it must not look like its scores."""
    from mtqa.readers.decode import decode
    from mtqa.readers.lines import split_lines

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise MtqaError(f"{path}: {exc.strerror or exc}") from None
    decoded = decode(data, path)
    if decoded.guessed and on_guess is not None:
        on_guess(path, decoded.encoding)
    text = decoded.text
    return [line.rstrip() for line in split_lines(text)] if text else []
