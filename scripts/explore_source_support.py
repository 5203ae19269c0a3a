"""Exploration: does the source support each English word, and does that separate MT errors?

Measures, with a lexicon file from scripts/build_source_lexicon.py:
- error rate of supported vs unsupported content words on he-en dev and zh-en newstest2021;
- word AUC of out-of-fold scores (the build script's 5 block folds of he-en dev) with and
  without the source columns; this checker's held-back char F1 / finding precision / findings
  at the false-alarm budgets, alone and with the other checkers (``--rest``: their findings,
  computed through the CLI with LanguageTool on first use and kept in that pickle).

Budgets are WMT 2022 odd-line references (as the build script's) unless ``--he-refs``: then
Hebrew sources get budgets of their own on the odd lines of the second half of WMT 2023
he-en (which the lexicon never learned), and false alarms are counted on its even lines.
Results of every option are in docs/naturalness.md (third round).

    python scripts/explore_source_support.py LEXICON.tsv.gz --he-refs [--keep 0] [--crossed]
        [--he-train] [--baseline] [--rest rest.pkl] [--cache data.pkl]
"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks"), str(ROOT / "scripts"), str(ROOT)]

import source_support as src  # noqa: E402
from mtqa.checkers.naturalness.additive import Additive  # noqa: E402
from qe_metrics import SHARED, Score  # noqa: E402

_spec = importlib.util.spec_from_file_location("build_model", ROOT / "scripts" / "build_naturalness_model.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def reference_langs(year: str, parity: int) -> list[str]:
    """The source language of each item of build.human_references(year, parity), in its order."""
    out = []
    for pair in sorted((SHARED / "corpus" / "wmt" / year).iterdir()):
        ref = pair / "reference.txt"
        if not ref.exists():
            continue
        refs = ref.read_text(encoding="utf-8").splitlines()
        has_source = (pair / "source.txt").exists()
        lang = pair.name.split("-")[0] if has_source else None
        out += [lang for i, r in enumerate(refs) if r.strip() and i % 2 == parity]
    return out


def columns(part: dict, langs: list[str | None], tables) -> np.ndarray:
    items = part["items"]
    texts = [items[k][1][s:e] for k, (s, e) in zip(part["seg"].tolist(), part["tok"].tolist())]
    pieces = [(items[k][0], langs[k]) for k in range(len(items))]
    return src.support_columns(texts, part["seg"].tolist(), pieces, tables)


def crossed(x: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Support, and unsupported crossed with rarity, capitalisation and an unsupported neighbour."""
    c = build.features.COLUMN
    unsupported = cols[:, 0] == 0
    out = np.full((len(x), 4), -1.0)
    out[:, 0] = cols[:, 0]
    out[:, 1] = np.where(unsupported, x[:, c["zipf"]], 9.0)
    name = (x[:, c["capitalised"]] == 1) & (x[:, c["sentence_initial"]] == 0)
    out[:, 2] = np.where(cols[:, 0] >= 0, unsupported & name, -1)
    out[:, 3] = np.where(cols[:, 0] >= 0, unsupported & ((cols[:, 1] == 0) | (cols[:, 2] == 0)), -1)
    return out


def auc(score: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    # average ranks of ties
    _, inv, counts = np.unique(score, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    ranks = (sums / counts)[inv]
    pos = y == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum()))


def train(parts, rounds=300):
    import lightgbm

    x = np.vstack([p["x"] for p, _ in parts])
    y = np.concatenate([p["y"] for p, _ in parts])
    w = np.concatenate([np.full(len(p["y"]), weight) for p, weight in parts])
    booster = lightgbm.train(build.PARAMS, lightgbm.Dataset(x, y, weight=w), rounds)
    return Additive.from_stumps([t["tree_structure"] for t in booster.dump_model()["tree_info"]], x.shape[1])


def evaluate(segments, found, rest=None) -> str:
    score = Score()
    for k, seg in enumerate(segments):
        mine = [(s, e, "minor") for s, e, _ in found.get(k, [])]
        score.add(seg.target, seg.gold, mine + (rest.get(seg.id, []) if rest else []))
    d = score.as_dict()
    return f"{d['char_f1']:.4f} / {d['finding_precision']:.2f} / {d['findings']}"


def he_references(parity: int | None, quarter: int | None = None) -> list[tuple[str, str, tuple]]:
    """Lines of the second half of WMT 2023 he-en (never learned by the lexicon) of one parity
    (or all), optionally only of its first (2) or last (3) quarter of the file."""
    folder = SHARED / "corpus" / "wmt" / "2023" / "he-en"
    sources = (folder / "source.txt").read_text(encoding="utf-8").splitlines()
    refs = (folder / "reference.txt").read_text(encoding="utf-8").splitlines()
    n = len(sources)
    lines = range(n // 2, n) if quarter is None else range(n // 2, 3 * n // 4) if quarter == 2 else range(3 * n // 4, n)
    return [(sources[i], refs[i], ()) for i in lines if (parity is None or i % 2 == parity) and refs[i].strip()]


def false_alarms(part: dict, score: np.ndarray, threshold: float) -> float:
    return round(sum(map(len, build.findings(part, score, threshold).values())) * 1000 / len(part["y"]), 2)


def held_out(data: dict, rest) -> dict:
    he = data["he"]
    fa = {"precise": [], "recall": []}
    fold = build.he_folds(len(he["items"]))
    oof = np.zeros(len(he["y"]))
    found = {"precise": {}, "recall": {}}
    for f in range(build.FOLDS):
        model = train([(data["zh"], build.WEIGHTS["zh"]), (data["human"], build.WEIGHTS["human"]),
                       (build.subset(he, fold != f), build.WEIGHTS["he"])]
                      + ([(data["he_train"], build.WEIGHTS["human"])] if "he_train" in data else []))
        held = model.probability(data["human_held"]["x"])
        test = build.subset(he, fold == f)
        oof[fold[he["seg"]] == f] = s = model.probability(test["x"])
        for mode, budget in (("precise", build.DEFAULT_BUDGET), ("recall", build.RECALL_BUDGET)):
            if "he_held" in data:  # a threshold of its own for Hebrew sources: their human text is the budget
                threshold = build.threshold_for_budget(data["he_held"], model.probability(data["he_held"]["x"]), budget)
            else:
                threshold = build.threshold_for_budget(data["human_held"], held, budget)
            found[mode] |= build.findings(test, s, threshold)
            if "he_test" in data:
                fa[mode].append(false_alarms(data["he_test"], model.probability(data["he_test"]["x"]), threshold))
    segs = he["segments"]
    out = {"auc": round(auc(oof, he["y"]), 4), "he_refs_fa_per_fold": fa}
    for mode in found:
        out[mode] = evaluate(segs, found[mode])
        if rest is not None:
            out[mode + "+rest"] = evaluate(segs, found[mode], rest)
    return out


def with_columns(data: dict, extra: dict[str, np.ndarray], keep: list[int] | None) -> dict:
    out = dict(data)
    for name in ("he", "zh", "human", "human_held", "he_test", "he_held", "he_train"):
        if name not in data:
            continue
        cols = extra[name] if keep is None else extra[name][:, keep]
        out[name] = dict(data[name]) | {"x": np.hstack([data[name]["x"], cols])}
    return out


def rates(part: dict, col: np.ndarray, label: str, mask=None) -> None:
    v = col[:, 0]
    y = part["y"]
    mask = np.ones(len(y), bool) if mask is None else mask
    for name, sel in (("supported", v == 1), ("unsupported", v == 0), ("no lexicon / function", v < 0)):
        sel = sel & mask
        print(f"  {label} {name}: {sel.sum():,} words, error rate {y[sel].mean() if sel.any() else float('nan'):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("lexicon", type=Path)
    parser.add_argument("--rest", type=Path, help="pickle of the other checkers' he-en dev findings (made on first use)")
    parser.add_argument("--cache", type=Path, help="pickle of the build script's data, made on first use")
    parser.add_argument("--keep", default="", help="indices of the source columns to add (default all)")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--crossed", action="store_true",
                        help="add support crossed with word features (stumps cannot combine features)")
    parser.add_argument("--he-train", action="store_true",
                        help="train on the third quarter of WMT 2023 he-en as error-free text; thresholds and "
                             "false alarms on the last quarter (with --he-refs)")
    parser.add_argument("--he-refs", action="store_true",
                        help="add the odd lines of the second half of WMT 2023 he-en to the threshold set; "
                             "count false alarms on its even lines")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = build.load_all()
        if args.cache:
            args.cache.write_bytes(pickle.dumps(data))
    tables = src.lexicons(str(args.lexicon))
    langs = {"he": ["he"] * len(data["he"]["items"]), "zh": ["zh"] * len(data["zh"]["items"]),
             "human": reference_langs("2022", 0), "human_held": reference_langs("2022", 1)}
    if args.he_refs:
        zipf = build.features.english_zipf()
        quarter = 3 if args.he_train else None
        odd = build.featurise(he_references(1, quarter), zipf, data["pairs"])
        even = build.featurise(he_references(0, quarter), zipf, data["pairs"])
        if args.he_train:
            data["he_train"] = build.featurise(he_references(None, 2), zipf, data["pairs"])
            langs["he_train"] = ["he"] * len(data["he_train"]["items"])
        data["he_held"], langs["he_held"] = odd, ["he"] * len(odd["items"])
        data["he_test"], langs["he_test"] = even, ["he"] * len(even["items"])
    extra = {name: columns(data[name], langs[name], tables) for name in langs}
    if args.crossed:
        extra = {name: crossed(data[name]["x"], cols) for name, cols in extra.items()}
    if "he_test" in data:
        rates(data["he_test"], extra["he_test"], "WMT23 he-en refs (second half, even)")
    print("keys per language:", {k: len(v.table) for k, v in tables.items()})
    rates(data["he"], extra["he"], "he-en dev")
    rates(data["zh"], extra["zh"], "zh-en 2021 (all systems)")
    rates(data["human"], extra["human"], "WMT22 refs (even)")
    he = data["he"]
    lower = np.array([he["items"][k][1][s : s + 1].islower() for k, (s, _) in zip(he["seg"].tolist(), he["tok"].tolist())])
    rates(data["he"], extra["he"], "he-en dev lower-case", lower)
    for name in ("he", "zh"):
        print(f"  {name}: AUC of -src_support alone over content words:",
              round(auc(-extra[name][extra[name][:, 0] >= 0, 0], data[name]["y"][extra[name][:, 0] >= 0]), 4))
    rest = None
    if args.rest:
        if not args.rest.exists():
            from benchmarks.bench_naturalness import other_checkers

            args.rest.write_bytes(pickle.dumps(dict(other_checkers(data["he"]["segments"], "he", grammar=True))))
        rest = pickle.loads(args.rest.read_bytes())
    if args.baseline:
        print("baseline:", held_out(data, rest))
    keep = [int(k) for k in args.keep.split(",")] if args.keep else None
    print("with source columns", keep or "all", ":", held_out(with_columns(data, extra, keep), rest))


if __name__ == "__main__":
    main()
