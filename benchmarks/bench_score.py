"""Benchmark `mtqa score` against the sacrebleu CLI, and the bilingual number checks, on WMT.

* Metrics: for every pair and system of the WMT corpus, mtqa's corpus BLEU, chrF and TER
  (``mtqa.metrics.leaderboard.build``, the code behind `mtqa score`) against
  `sacrebleu REF -i SYS -m bleu chrf ter -w 4 -f json` run as a subprocess. Agreement is
  "equal to two decimals": the two scores print the same with ``%.2f``.
* Time: mtqa (metrics plus paired bootstrap, 1,000 resamples) and the sacrebleu CLI per pair.
* Numbers: the share of unperturbed reference segments the number rules flag against their
  source (false alarms), and the share of perturbed references they catch (seeded
  perturbations: change a digit, swap million/billion, drop a number).
* Artifacts: one leaderboard with mtqa's own checkers (grammar off) and its run time.

Usage: python benchmarks/bench_score.py [--wmt DIR] [--pairs 2022/liv-en,...] [--no-artifacts]
Writes benchmarks/results/score.json and score.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from mtqa.metrics import leaderboard  # noqa: E402
from mtqa.reporters.leaderboard import render as render_leaderboard  # noqa: E402
from mtqa.metrics.scores import METRICS  # noqa: E402

DEFAULT_WMT = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared")) / "corpus" / "wmt"


def sacrebleu_cli(reference: Path, system: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "sacrebleu", str(reference), "-i", str(system),
               "-m", "bleu", "chrf", "ter", "-w", "4", "-f", "json"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    scores = json.loads(output)
    names = {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter"}
    return {names[s["name"]]: float(s["score"]) for s in scores}


def bench_metrics(wmt: Path, pairs: list[str]) -> list[dict]:
    rows = []
    for pair in pairs:
        folder = wmt / pair
        systems = sorted(p for p in (folder / "systems").glob("*.txt") if p.name != "docids.txt")
        started = time.perf_counter()
        board = leaderboard.build(str(folder / "reference.txt"), [str(s) for s in systems])
        mtqa_seconds = time.perf_counter() - started
        started = time.perf_counter()
        cli = {s.stem: sacrebleu_cli(folder / "reference.txt", s) for s in systems}
        cli_seconds = time.perf_counter() - started
        for row in board["systems"]:
            entry = {"pair": pair, "system": row["system"], "segments": board["segments"]}
            for metric in METRICS:
                ours, theirs = row[metric]["score"], cli[row["system"]][metric]
                entry[metric] = {"mtqa": round(ours, 4), "sacrebleu": theirs,
                                 "equal_2dp": f"{ours:.2f}" == f"{theirs:.2f}", "p_value": row[metric]["p_value"]}
            rows.append(entry)
        print(f"{pair}: {len(systems)} systems, mtqa {mtqa_seconds:.1f}s (with bootstrap), "
              f"sacrebleu CLI {cli_seconds:.1f}s", flush=True)
        rows[-1]["timing"] = {"mtqa_seconds": round(mtqa_seconds, 2), "sacrebleu_cli_seconds": round(cli_seconds, 2)}
    return rows


def bench_numbers(wmt: Path) -> dict:
    from tests.bilingual.perturb import load_pairs, number_checker, number_findings, perturb_sample

    pairs = load_pairs(wmt)
    checker = number_checker()
    started = time.perf_counter()
    findings = number_findings(checker, [(p.lang, p.source, p.target) for p in pairs])
    seconds = time.perf_counter() - started
    per_pair: dict[str, Counter] = {}
    for pair, found in zip(pairs, findings):
        name = pair.where.rsplit(":", 1)[0]
        counter = per_pair.setdefault(name, Counter())
        counter["segments"] += 1
        counter["flagged"] += bool(found)
    flagged = sum(c["flagged"] for c in per_pair.values())
    recall = []
    for seed, count in ((20221207, 200), (1, 300), (2, 300), (3, 300)):
        sample = perturb_sample(pairs, count, seed)
        before = number_findings(checker, [(p.lang, p.source, p.target) for p, _, _ in sample])
        after = number_findings(checker, [(p.lang, p.source, t) for p, _, t in sample])
        missed = Counter(kind for (_, kind, _), b, a in zip(sample, before, after) if not (a - b))
        recall.append({"seed": seed, "perturbed": len(sample), "found": len(sample) - sum(missed.values()),
                       "missed_by_kind": dict(missed), "kinds": dict(Counter(k for _, k, _ in sample))})
    return {
        "segments": len(pairs),
        "flagged": flagged,
        "false_alarm_rate": round(flagged / len(pairs), 4),
        "per_pair": {name: {"segments": c["segments"], "flagged": c["flagged"],
                            "rate": round(c["flagged"] / c["segments"], 4)} for name, c in sorted(per_pair.items())},
        "seconds": round(seconds, 2),
        "segments_per_second": round(len(pairs) / seconds),
        "recall": recall,
    }


def bench_artifacts(wmt: Path, pair: str) -> dict:
    from mtqa.checkers import available_checkers
    from mtqa.config.settings import load_settings
    from mtqa.pipeline import Pipeline

    folder = wmt / pair
    systems = sorted(str(p) for p in (folder / "systems").glob("*.txt"))
    settings = load_settings(overrides={"checkers.grammar.enabled": False})
    started = time.perf_counter()
    with Pipeline(settings, [n for n in available_checkers() if n != "reference"]) as pipeline:
        board = leaderboard.build(str(folder / "reference.txt"), systems, source=str(folder / "source.txt"),
                                  pipeline=pipeline, metrics=("bleu", "chrf"))
    seconds = time.perf_counter() - started
    return {"pair": pair, "seconds": round(seconds, 2), "markdown": render_leaderboard(board, "markdown")}


def write_markdown(results: dict, path: Path) -> None:
    lines = ["# `mtqa score` and the bilingual number checks on WMT", "",
             f"Machine: {results['machine']}. sacrebleu {results['sacrebleu']}.", "",
             "## Metrics: mtqa vs the sacrebleu CLI", "",
             "| pair | system | segments | BLEU mtqa / CLI | chrF2 mtqa / CLI | TER mtqa / CLI | equal to 2 dp |",
             "|---|---|---:|---|---|---|---|"]
    for row in results["metrics"]:
        cells = [f"{row[m]['mtqa']:.2f} / {row[m]['sacrebleu']:.2f}" for m in METRICS]
        equal = all(row[m]["equal_2dp"] for m in METRICS)
        lines.append(f"| {row['pair']} | {row['system']} | {row['segments']} | " + " | ".join(cells) +
                     f" | {'yes' if equal else 'NO'} |")
    summary = results["metrics_summary"]
    lines += ["", f"{summary['equal']}/{summary['scores']} scores equal to two decimals "
              f"({summary['systems']} systems, {summary['pairs']} pairs). Time for all pairs: mtqa "
              f"{summary['mtqa_seconds']:.0f} s (metrics + paired bootstrap), sacrebleu CLI "
              f"{summary['sacrebleu_cli_seconds']:.0f} s (metrics only).", ""]
    numbers = results.get("numbers")
    if numbers:
        lines += ["## Number checks (MTQA-BI-010/011/012)", "",
                  f"Unperturbed references flagged against their sources: {numbers['flagged']}/"
                  f"{numbers['segments']} = {100 * numbers['false_alarm_rate']:.2f}% "
                  f"({numbers['segments_per_second']} segments/s).", "",
                  "| pair | segments | flagged | rate |", "|---|---:|---:|---:|"]
        for name, c in numbers["per_pair"].items():
            lines.append(f"| {name} | {c['segments']} | {c['flagged']} | {100 * c['rate']:.2f}% |")
        lines += ["", "| seed | perturbed | found | recall | missed by kind |", "|---:|---:|---:|---:|---|"]
        for r in numbers["recall"]:
            lines.append(f"| {r['seed']} | {r['perturbed']} | {r['found']} | "
                         f"{100 * r['found'] / r['perturbed']:.1f}% | {r['missed_by_kind']} |")
        lines.append("")
    artifacts = results.get("artifacts")
    if artifacts:
        lines += [f"## Leaderboard with artifact rates ({artifacts['pair']}, grammar off, "
                  f"{artifacts['seconds']:.0f} s)", "", artifacts["markdown"].replace("## ", "### ")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=DEFAULT_WMT)
    parser.add_argument("--pairs", default="")
    parser.add_argument("--no-artifacts", action="store_true")
    parser.add_argument("--artifacts-pair", default="2023/de-en")
    args = parser.parse_args()
    pairs = [p for p in args.pairs.split(",") if p] or sorted(
        f"{p.parent.name}/{p.name}" for p in args.wmt.glob("*/*") if (p / "reference.txt").is_file())
    import sacrebleu

    results: dict = {"machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                                f"Python {platform.python_version()}", "sacrebleu": sacrebleu.__version__}
    results["metrics"] = bench_metrics(args.wmt, pairs)
    scores = [row[m]["equal_2dp"] for row in results["metrics"] for m in METRICS]
    results["metrics_summary"] = {
        "pairs": len(pairs), "systems": len(results["metrics"]), "scores": len(scores), "equal": sum(scores),
        "mtqa_seconds": sum(r.get("timing", {}).get("mtqa_seconds", 0) for r in results["metrics"]),
        "sacrebleu_cli_seconds": sum(r.get("timing", {}).get("sacrebleu_cli_seconds", 0) for r in results["metrics"]),
    }
    print(f"metrics: {sum(scores)}/{len(scores)} equal to 2 dp", flush=True)
    results["numbers"] = bench_numbers(args.wmt)
    print(f"numbers: {results['numbers']['false_alarm_rate']:.4f} false alarms; "
          f"recall {[r['found'] for r in results['numbers']['recall']]}", flush=True)
    if not args.no_artifacts:
        results["artifacts"] = bench_artifacts(args.wmt, args.artifacts_pair)
        print(f"artifacts: {results['artifacts']['seconds']} s", flush=True)
    out = REPO / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    # Results are committed: name corpus files relative to the corpus, never by machine path.
    results = json.loads(json.dumps(results, ensure_ascii=False).replace(str(args.wmt.resolve()), "wmt")
                         .replace(str(args.wmt), "wmt"))
    (out / "score.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_markdown(results, out / "score.md")


if __name__ == "__main__":
    main()
