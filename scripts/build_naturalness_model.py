"""Build the naturalness model (src/mtqa/checkers/naturalness/naturalness.npz) from recorded sources.

Sources (licences in docs/naturalness.md): MQM error spans of WMT 2021 zh-en
(`shared/qe/zh-en-newstest2021.jsonl`) and of WMT 2023 QE he-en dev
(`shared/qe/he-en-dev.jsonl`), human WMT 2022 references (`shared/corpus/wmt/2022/*/reference.txt`,
even lines) as error-free English, symspellpy's English bigram list, wordfreq's English list.

Steps: word features (mtqa.checkers.naturalness.features) -> LightGBM stumps (build-time
only: `pip install -e '.[build]'`) -> one step function per feature in an .npz. Thresholds are never
chosen on labelled test data: the default and recall thresholds are false-alarm budgets on
held-out human references (WMT 2022 odd lines), and the confidence shown to users is the
finding precision at that threshold of out-of-fold predictions on he-en dev (cross-validation by blocks of
neighbouring segments, which share an article).

    python scripts/build_naturalness_model.py            # writes the shipped model
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from mtqa.checkers.naturalness import features  # noqa: E402
from mtqa.checkers.naturalness.additive import Additive, save  # noqa: E402
from mtqa.checkers.naturalness.spans import runs  # noqa: E402
from qe_metrics import SHARED, load_he_en, load_zh_en, overlaps  # noqa: E402

OUT = ROOT / "src" / "mtqa" / "checkers" / "naturalness" / "naturalness.npz"
# Stumps: the sum of one-split trees is one step function per feature (see additive.py).
PARAMS = dict(objective="binary", learning_rate=0.2, num_leaves=2, max_depth=1, min_data_in_leaf=100,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0, verbose=-1,
              num_threads=1, seed=7)
WEIGHTS = {"he": 10.0, "zh": 1.0, "human": 3.0}
DEFAULT_BUDGET = 1.0  # findings per 1,000 words of human references at the default confidence
RECALL_BUDGET = 10.0  # the same, in recall mode
FOLDS = 5


def bigram_table() -> dict[str, float]:
    """symspellpy's 243k English bigrams as "w1 w2" -> log10 count."""
    import symspellpy

    path = Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b, count = line.split()
        table[f"{a} {b}"] = round(math.log10(int(count)), 2)
    return table


def human_references(year: str, parity: int) -> list[tuple[str | None, str, tuple]]:
    """Every other line of one year's WMT references (with its source), as error-free items."""
    items = []
    for pair in sorted((SHARED / "corpus" / "wmt" / year).iterdir()):
        ref, src = pair / "reference.txt", pair / "source.txt"
        if not ref.exists():
            continue
        refs = ref.read_text(encoding="utf-8").splitlines()
        srcs = src.read_text(encoding="utf-8").splitlines() if src.exists() else []
        srcs = srcs if len(srcs) == len(refs) else [None] * len(refs)
        items += [(s, r, ()) for i, (s, r) in enumerate(zip(srcs, refs)) if r.strip() and i % 2 == parity]
    return items


def featurise(items, zipf: dict[str, float], bigrams: features.Bigrams) -> dict:
    """Feature rows, labels (word inside a gold span) and word offsets of (source, target, gold) items."""
    words = features.document_features([(target, source) for source, target, _ in items], zipf, bigrams)
    y = [int(any(e > s and s < end and start < e for s, e, _ in items[k][2]))
         for k, start, end in zip(words.piece.tolist(), words.start, words.end)]
    return {"x": words.x, "y": np.array(y, dtype=np.int64), "tok": np.array([words.start, words.end]).T.reshape(-1, 2),
            "seg": words.piece, "items": items}


def subset(data: dict, keep_segments: np.ndarray) -> dict:
    rows = keep_segments[data["seg"]]
    return {"x": data["x"][rows], "y": data["y"][rows], "tok": data["tok"][rows], "seg": data["seg"][rows],
            "items": data["items"]}


def train(parts: list[tuple[dict, float]], rounds: int):
    import lightgbm

    x = np.vstack([p["x"] for p, _ in parts])
    y = np.concatenate([p["y"] for p, _ in parts])
    w = np.concatenate([np.full(len(p["y"]), weight) for p, weight in parts])
    booster = lightgbm.train(PARAMS, lightgbm.Dataset(x, y, weight=w), rounds)
    trees = booster.dump_model()["tree_info"]
    return Additive.from_stumps([t["tree_structure"] for t in trees], features.N_FEATURES)


def findings(data: dict, score: np.ndarray, threshold: float) -> dict[int, list[tuple[int, int, float]]]:
    """The checker's spans (``spans.runs``) per segment at ``threshold``."""
    out: dict[int, list] = {}
    for run in runs(data["seg"], data["tok"][:, 0], data["tok"][:, 1], score, threshold):
        out.setdefault(run.piece, []).append((run.start, run.end, run.confidence))
    return out


def threshold_for_budget(data: dict, score: np.ndarray, per_thousand: float) -> float:
    """The lowest score threshold at which human text gets at most ``per_thousand`` findings per 1,000 words."""
    words = len(data["y"])
    for threshold in np.round(np.arange(0.05, 0.99, 0.005), 3):
        if sum(map(len, findings(data, score, threshold).values())) * 1000 / words <= per_thousand:
            return float(threshold)
    return 0.99


def he_folds(n_segments: int, k: int = FOLDS) -> np.ndarray:
    """Contiguous blocks of segments: neighbours share an article, so they stay in one fold."""
    return np.array([i * k // n_segments for i in range(n_segments)])


def calibration(data: dict, score: np.ndarray, min_findings: int = 20) -> tuple[list[float], list[float]]:
    """Threshold -> finding precision of out-of-fold findings formed at that threshold.

    A confidence ``c`` then means: with ``min_confidence = c``, about ``c`` of the findings
    overlapped a human-marked error on held-back data. Made non-decreasing (with a tiny
    slope, so that thresholds stay distinct); above the last threshold with
    ``min_findings`` findings the curve stays flat, as there is no evidence beyond it.
    """
    segments = data["segments"]
    raw, precision = [0.0], [0.0]
    for threshold in np.round(np.arange(0.05, 0.95, 0.01), 3):
        found = findings(data, score, threshold)
        total = sum(map(len, found.values()))
        if total < min_findings:
            break
        right = sum(any(overlaps((s, e, ""), g) for g in segments[k].gold) for k, v in found.items() for s, e, _ in v)
        raw.append(float(threshold))
        precision.append(max(precision[-1], right / total))
    raw.append(1.0)
    precision.append(precision[-1])
    precision = [round(min(0.99, p + 0.01 * r), 4) for p, r in zip(precision, raw)]
    return raw, precision


def load_all() -> dict:
    zipf, table = features.english_zipf(), bigram_table()
    bigrams = features.Bigrams.from_table(table)
    he = load_he_en()
    zh = load_zh_en(include_human=True)
    data = {
        "he": featurise([(s.source, s.target, s.gold) for s in he], zipf, bigrams),
        "zh": featurise([(s.source, s.target, s.gold) for s in zh], zipf, bigrams),
        "human": featurise(human_references("2022", 0), zipf, bigrams),
        "human_held": featurise(human_references("2022", 1), zipf, bigrams),
        "human_test": featurise(human_references("2023", 0) + human_references("2023", 1), zipf, bigrams),
    }
    data["he"]["segments"] = he
    return data | {"bigrams": table, "pairs": bigrams}


def out_of_fold(data: dict, rounds: int = 300, with_he: bool = True) -> np.ndarray:
    """Scores of every he-en word from a model that never saw its article block."""
    he = data["he"]
    fold = he_folds(len(he["items"]))
    score = np.zeros(len(he["y"]))
    for f in range(FOLDS):
        train_parts = [(data["zh"], WEIGHTS["zh"]), (data["human"], WEIGHTS["human"])]
        if with_he:
            train_parts.append((subset(he, fold != f), WEIGHTS["he"]))
        model = train(train_parts, rounds)
        test = fold[he["seg"]] == f
        score[test] = model.probability(he["x"][test])
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    data = load_all()
    he = data["he"]
    oof = out_of_fold(data, args.rounds)
    table_raw, table_precision = calibration(he, oof)
    model = train([(data["zh"], WEIGHTS["zh"]), (data["human"], WEIGHTS["human"]), (he, WEIGHTS["he"])], args.rounds)
    held = model.probability(data["human_held"]["x"])
    calibrate = lambda p: float(np.interp(p, table_raw, table_precision))  # noqa: E731
    default_raw = threshold_for_budget(data["human_held"], held, DEFAULT_BUDGET)
    recall_raw = threshold_for_budget(data["human_held"], held, RECALL_BUDGET)
    header = {
        "version": "1",
        "trees": args.rounds,
        "features": list(features.NAMES),
        "trained_on": "WMT 2021 zh-en MQM spans, WMT 2023 QE he-en dev spans, WMT 2022 human references",
        "calibration": {"raw": table_raw, "precision": table_precision},
        "default_min_confidence": calibrate(default_raw),
        "recall_min_confidence": calibrate(recall_raw),
        "major_confidence": 0.0,
        "thresholds_raw": {"default": default_raw, "recall": recall_raw},
    }
    save(args.out, model, data["bigrams"], header)
    print(json.dumps({k: header[k] for k in ("trees", "default_min_confidence", "recall_min_confidence", "thresholds_raw")}))
    print(f"{args.out}: {os.path.getsize(args.out) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
