"""Benchmark the naturalness checker: held-out detection, false alarms on human English, speed.

- **Held-out he-en dev** (`qe_metrics`): five folds of contiguous segment blocks (neighbours
  share an article). Each fold's model is trained on zh-en, WMT 2022 human references (even
  lines) and the other four folds; its precise/recall thresholds are false-alarm budgets
  (1 and 10 findings per 1,000 words) on WMT 2022 references it never saw (odd lines). No
  choice looks at the held-back fold. Spans are the checker's (``spans.runs``), scored
  with the severity it reports (minor). Scored alone and together with the other checkers'
  findings (`mtqa check --source-lang he --ignore naturalness`, LanguageTool included).
- **Cross-pair**: the same, trained without any he-en data, tested on all of he-en dev.
- **False alarms**: the shipped model through the checker on every WMT 2023 reference
  (never used in training or calibration), per 1,000 words, in both modes, in 40-line
  documents.
- **zh-en system ranking**: pairwise accuracy of per-system MQM penalty (major 5, minor 1)
  against the human MQM ranking of the 13 MT systems, for the other checkers without
  LanguageTool, with and without this checker; its model here is trained without zh-en.
- **Speed**: sentences per second of the checker alone on WMT 2023 references, one
  40-line document (about one article) at a time; and CPU seconds on 2022 ru-en system
  outputs cut into articles by their document ids, handed to it 64 at a time as the
  pipeline does (``batched_speed``).
- **Load**: seconds and resident memory of numpy (imported as the checker imports it),
  the model and the word list on first use, in a fresh process.

Needs the build extra (`pip install -e '.[build]'`). Writes benchmarks/results/naturalness.json|md.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from benchmarks.qe_metrics import SHARED, Score, normalise_severity  # noqa: E402
from mtqa.checkers.naturalness import NaturalnessChecker  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.model import Document  # noqa: E402

_spec = importlib.util.spec_from_file_location("build_model", REPO / "scripts" / "build_naturalness_model.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

RESULTS = REPO / "benchmarks" / "results"
# References carry no article boundaries; 40 lines is about one news article, so a name
# the article repeats (which the checker trusts) repeats about as often as in real use.
ARTICLE_LINES = 40


def other_checkers(segments, lang: str, grammar: bool) -> dict[str, list]:
    """Findings of every other checker per segment id, from the real CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "in.jsonl"
        data.write_text("".join(json.dumps({"id": s.id, "doc": s.doc, "source": s.source, "target": s.target}) + "\n"
                                for s in segments), encoding="utf-8")
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "mtqa", "check", str(data), "--source-lang", lang, "--ignore", "naturalness",
               "--format", "json", "-o", str(report)] + ([] if grammar else ["--no-grammar"])
        subprocess.run(cmd, check=False, capture_output=True)
        found: dict[str, list] = defaultdict(list)
        for doc in json.loads(report.read_text(encoding="utf-8"))["documents"]:
            for f in doc["findings"]:
                found[f["segment"]].append((f["segment_start"], f["segment_end"], normalise_severity(f["severity"])))
    return found


def spans(data: dict, score: np.ndarray, threshold: float) -> dict[int, list]:
    """The checker's spans, with the severity it reports (always minor: character F1 credits severity)."""
    return {k: [(s, e, "minor") for s, e, _ in v] for k, v in build.findings(data, score, threshold).items()}


def evaluate(segments, predicted: dict[int, list], rest: dict[str, list] | None) -> dict:
    score = Score()
    for k, seg in enumerate(segments):
        score.add(seg.target, seg.gold, predicted.get(k, []) + (rest.get(seg.id, []) if rest is not None else []))
    return score.as_dict()


def held_out(data: dict, rest: dict) -> dict:
    he, segments = data["he"], data["he"]["segments"]
    fold = build.he_folds(len(segments))
    modes = {"precise": build.DEFAULT_BUDGET, "recall": build.RECALL_BUDGET}
    found = {m: {} for m in modes}
    for f in range(build.FOLDS):
        model = build.train([(data["zh"], build.WEIGHTS["zh"]), (data["human"], build.WEIGHTS["human"]),
                             (build.subset(he, fold != f), build.WEIGHTS["he"])], 300)
        held = model.probability(data["human_held"]["x"])
        test = build.subset(he, fold == f)
        score = model.probability(test["x"])
        for mode, budget in modes.items():
            found[mode] |= spans(test, score, build.threshold_for_budget(data["human_held"], held, budget))
    out = {"rest_alone": evaluate(segments, {}, rest)}
    for mode in modes:
        out[f"{mode}_alone"] = evaluate(segments, found[mode], None)
        out[f"{mode}_with_rest"] = evaluate(segments, found[mode], rest)
    cross = build.train([(data["zh"], build.WEIGHTS["zh"]), (data["human"], build.WEIGHTS["human"])], 300)
    held = cross.probability(data["human_held"]["x"])
    score = cross.probability(he["x"])
    for mode, budget in modes.items():
        predicted = spans(he, score, build.threshold_for_budget(data["human_held"], held, budget))
        out[f"cross_pair_{mode}_alone"] = evaluate(segments, predicted, None)
        out[f"cross_pair_{mode}_with_rest"] = evaluate(segments, predicted, rest)
    return out


def references() -> list[tuple[str, list[str]]]:
    out = []
    for pair in sorted((SHARED / "corpus" / "wmt" / "2023").iterdir()):
        if (pair / "reference.txt").exists():
            refs = (pair / "reference.txt").read_text(encoding="utf-8").splitlines()
            out.append((pair.name, refs))
    return out


LOAD = """
import os, time
def rss(): return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
from mtqa.checkers.naturalness import NaturalnessChecker
from mtqa.config.settings import load_settings
checker = NaturalnessChecker(load_settings())
marks = [(time.perf_counter(), rss())]
checker.model
marks.append((time.perf_counter(), rss()))
checker.zipf
marks.append((time.perf_counter(), rss()))
print(*[f"{b[0] - a[0]:.3f} {b[1] - a[1]:.1f}" for a, b in zip(marks, marks[1:])])
"""


def load_cost() -> dict:
    """Seconds and resident megabytes of what the checker loads on first use, once per process
    (fresh process; the model's plain copy already in the cache, so numpy is not imported)."""
    out = subprocess.run([sys.executable, "-c", LOAD], check=True, capture_output=True, text=True).stdout.split()
    parts = ("model", "word_list")
    return {part: {"seconds": float(out[2 * i]), "mb": float(out[2 * i + 1])} for i, part in enumerate(parts)}


def false_alarms_and_speed() -> dict:
    out: dict = {}
    for mode in ("precise", "recall"):
        checker = NaturalnessChecker(load_settings(overrides={"checkers.naturalness.mode": mode}))
        words = findings = sentences = 0
        seconds = 0.0
        examples = []
        for pair, refs in references():
            for i in range(0, len(refs), ARTICLE_LINES):
                text = "\n".join(refs[i : i + ARTICLE_LINES])
                doc = Document(id=pair, path=pair, text=text)
                _ = doc.sentences  # segmentation is not this checker's cost
                started = time.process_time()
                hits = list(checker.check(doc))
                seconds += time.process_time() - started
                words += len(text.split())
                sentences += len(doc.sentences)
                findings += len(hits)
                examples += [f"{pair}: {h.text!r} ({h.confidence:.2f})" for h in hits[:2]]
        out[mode] = {"min_confidence": round(checker.min_confidence, 3), "words": words, "findings": findings,
                     "per_1000_words": round(findings * 1000 / words, 2), "examples": examples[:12],
                     "sentences_per_second": round(sentences / seconds) if seconds else None}
    return out


def batched_speed() -> dict:
    """The checker's CPU on each 2022 ru-en system output, cut into articles by document id
    and handed to it ``BATCH_DOCUMENTS`` at a time as the pipeline does: a fresh checker
    per file (every word form new to it), the model already loaded (``load_cost``)."""
    from mtqa.pipeline import BATCH_DOCUMENTS
    from mtqa.readers import iter_documents

    ru = SHARED / "corpus" / "wmt" / "2022" / "ru-en"
    settings = load_settings(overrides={"checkers.grammar.enabled": False},
                             run_options={"doc_ids_file": str(ru / "docids.txt")})
    documents = sentences = 0
    seconds = 0.0
    for path in sorted((ru / "systems").glob("*.txt")):
        docs = [d for d in iter_documents([str(path)], settings) if isinstance(d, Document)]
        sentences += sum(len(d.sentences) for d in docs)  # segmentation is not this checker's cost
        documents += len(docs)
        checker = NaturalnessChecker(settings)
        checker.model
        started = time.process_time()
        for i in range(0, len(docs), BATCH_DOCUMENTS):
            checker.check_batch(docs[i : i + BATCH_DOCUMENTS])
        seconds += time.process_time() - started
    return {"documents": documents, "sentences": sentences, "seconds": round(seconds, 3),
            "sentences_per_second": round(sentences / seconds) if seconds else None}


def ranking(data: dict) -> dict:
    """Pairwise accuracy of per-system penalties against human MQM (13 MT systems of zh-en)."""
    from benchmarks.qe_metrics import load_zh_en

    segments = load_zh_en()
    human: dict[str, float] = defaultdict(float)
    for s in segments:
        human[s.system] += sum(5 if sev == "major" else 1 for *_, sev in s.gold)
    rest = other_checkers(segments, "zh", grammar=False)
    model = build.train([(data["human"], build.WEIGHTS["human"]), (data["he"], build.WEIGHTS["he"])], 300)
    zh = build.featurise([(s.source, s.target, s.gold) for s in segments], build.features.english_zipf(),
                         data["pairs"])
    held = model.probability(data["human_held"]["x"])
    mine = spans(zh, model.probability(zh["x"]), build.threshold_for_budget(data["human_held"], held, build.DEFAULT_BUDGET))

    def accuracy(with_mine: bool) -> float:
        penalty: dict[str, float] = defaultdict(float)
        for k, s in enumerate(segments):
            found = rest.get(s.id, []) + (mine.get(k, []) if with_mine else [])
            penalty[s.system] += sum(5 if sev == "major" else 1 for *_, sev in found)
        pairs = list(itertools.combinations(sorted(human), 2))
        agree = sum((human[a] - human[b]) * (penalty[a] - penalty[b]) > 0 for a, b in pairs)
        return round(agree / len(pairs), 3)

    return {"systems": len(human), "without": accuracy(False), "with": accuracy(True)}


def main() -> None:
    data = build.load_all()
    results = {
        "held_out_he_en": held_out(data, other_checkers(data["he"]["segments"], "he", grammar=True)),
        "human_references_2023": false_alarms_and_speed(),
        "batched_ru_en_2022": batched_speed(),
        "load": load_cost(),
        "zh_en_ranking": ranking(data),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "naturalness.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "naturalness.md").write_text(render(results), encoding="utf-8")
    print(render(results))


def render(r: dict) -> str:
    lines = ["# naturalness checker", "", "Generated by `benchmarks/bench_naturalness.py`.", "",
             "he-en dev, held-back folds (5 contiguous blocks) and cross-pair (trained without he-en):", "",
             "| setting | char F1 | finding precision | major recall | findings |", "|---|---:|---:|---:|---:|"]
    for name, m in r["held_out_he_en"].items():
        lines.append(f"| {name} | {m['char_f1']} | {m['finding_precision']} | {m['major_recall']} | {m['findings']} |")
    lines += ["", "WMT 2023 human references (never trained on), shipped model:", "",
              "| mode | min confidence | words | findings | per 1,000 words | sentences/s |", "|---|---:|---:|---:|---:|---:|"]
    for mode, m in r["human_references_2023"].items():
        lines.append(f"| {mode} | {m['min_confidence']} | {m['words']:,} | {m['findings']} | {m['per_1000_words']} | "
                     f"{m['sentences_per_second']:,} |")
    b = r["batched_ru_en_2022"]
    lines += ["", f"2022 ru-en system outputs by document id ({b['documents']} documents, {b['sentences']:,} sentences), "
              f"64 documents per call: {b['seconds']} s CPU, {b['sentences_per_second']:,} sentences/s."]
    lines += ["", "First use, once per process (fresh process; wall seconds on the loaded build machine, resident MB):",
              "", "| part | seconds | MB |", "|---|---:|---:|"]
    lines += [f"| {part} | {m['seconds']} | {m['mb']} |" for part, m in r["load"].items()]
    z = r["zh_en_ranking"]
    lines += ["", f"zh-en system ranking (pairwise accuracy, {z['systems']} systems, no LanguageTool): "
              f"{z['without']} without, {z['with']} with the checker.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
