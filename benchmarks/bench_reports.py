"""Reports, baselines, vocabulary and fixes on real MT output: how long each takes and how big it gets.

Takes the first LINES lines of FILES WMT system outputs (one document each), checks
them once without grammar, then times every reporter (best of 3), writing and applying a
baseline, the cost of a large project vocabulary (accepted and rejected words) on the
check itself, and `fix` planning over all findings.

Usage: python -m benchmarks.bench_reports [--wmt DIR] [--files 40] [--lines 300]
Writes benchmarks/results/reports.json and .md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _documents(files: list[Path], lines: int):
    from mtqa.model import Document

    for path in files:
        with path.open(encoding="utf-8") as handle:
            text = "".join(next(handle, "") for _ in range(lines))
        name = "/".join(path.parts[-4:])
        yield Document(id=name, path=name, text=text)


def _check(settings, files, lines):
    from mtqa.cli.postprocess import apply_run_options
    from mtqa.pipeline import Pipeline

    started = time.perf_counter()
    with Pipeline(settings) as pipeline:
        report = pipeline.run_documents(_documents(files, lines))
    report = apply_run_options(report, settings)
    return report, time.perf_counter() - started


def _best_of(fn, runs=3):
    best, value = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - started)
    return best, value


def main() -> None:
    shared = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=shared / "corpus" / "wmt")
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--lines", type=int, default=300)
    args = parser.parse_args()
    all_files = sorted(args.wmt.glob("*/*/systems/*.txt"))
    if not all_files:
        sys.exit(f"no system outputs under {args.wmt}")
    step = max(1, len(all_files) // args.files)
    files = all_files[::step][: args.files]

    from mtqa.baseline import apply_baseline, build_baseline
    from mtqa.config.settings import load_settings
    from mtqa.fix import choose_edits
    from mtqa.reporters import available_formats, render

    base = dataclasses.replace(load_settings(None, {"checkers.grammar.enabled": False}), keep_text=True)
    _check(base, files, args.lines)  # warm-up: model and rule-pack loading are not the point here
    report, check_seconds = _check(base, files, args.lines)
    findings = sum(len(d.findings) for d in report.documents)
    words = sum(d.words for d in report.documents)

    formats = {}
    for name in available_formats():
        seconds, text = _best_of(lambda n=name: render(report, n))
        formats[name] = {"seconds": round(seconds, 4), "bytes": len(text.encode("utf-8")),
                         "findings_per_second": round(findings / seconds) if seconds else None}

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "baseline.json"
        write_s, data = _best_of(lambda: build_baseline(report))
        path.write_text(json.dumps(data), encoding="utf-8")
        fresh, _ = _check(base, files, args.lines)
        apply_s, applied = _best_of(lambda: apply_baseline(_copy(fresh), str(path)))
        baseline = {"entries": applied.baseline["entries"], "build_seconds": round(write_s, 4),
                    "apply_seconds": round(apply_s, 4), "new_after_rerun": applied.baseline["new"],
                    "file_bytes": path.stat().st_size}

    # A newsroom-sized vocabulary: frequent English words accepted, names rejected.
    from wordfreq import top_n_list

    accept = [w for w in top_n_list("en", 2000) if w.isalpha()][1000:1500]
    reject = [f"{w.capitalize()}ovich -> {w.capitalize()}ovych" for w in top_n_list("en", 300) if w.isalpha()][:97]
    reject += ["Kiev -> Kyiv", "towards -> toward", "amongst -> among"]  # house spellings that do occur
    vocab = dataclasses.replace(base, accept_words=tuple(accept), reject_words=tuple(reject))
    vocab_report, vocab_seconds = _check(vocab, files, args.lines)
    vocabulary = {"accept_words": len(accept), "reject_words": len(reject),
                  "check_seconds_without": round(check_seconds, 2), "check_seconds_with": round(vocab_seconds, 2),
                  "findings_without": findings, "findings_with": sum(len(d.findings) for d in vocab_report.documents)}

    fix_s, plans = _best_of(lambda: [choose_edits(d.text, d.findings, unsafe=True) for d in report.documents])
    fix = {"plan_seconds": round(fix_s, 4), "safe_edits": sum(len(choose_edits(d.text, d.findings)[0])
                                                              for d in report.documents),
           "edits_with_unsafe": sum(len(p[0]) for p in plans), "overlapping": sum(p[1] for p in plans)}

    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average": round(os.getloadavg()[0], 2)},
        "input": {"files": len(files), "lines_per_file": args.lines, "words": words, "findings": findings,
                  "check_seconds": round(check_seconds, 2)},
        "formats": formats, "baseline": baseline, "vocabulary": vocabulary, "fix": fix,
    }
    out = REPO / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "reports.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    md = ["# Reports, baselines, vocabulary and fixes on WMT system output", "",
          f"{len(files)} WMT system outputs × first {args.lines} lines = {words} words, {findings} findings "
          f"(checked in {check_seconds:.1f} s without grammar). {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, load average {results['machine']['load_average']} (shared machine), "
          f"{results['date']}.", "",
          "| format | render s (best of 3) | size | findings/s |", "|---|---:|---:|---:|"]
    for name, r in formats.items():
        md.append(f"| {name} | {r['seconds']:.3f} | {r['bytes'] / 1024:.0f} KiB | {r['findings_per_second']} |")
    md += ["", f"- baseline: {baseline['entries']} entries ({baseline['file_bytes'] / 1024:.0f} KiB), built in "
               f"{baseline['build_seconds']:.3f} s, applied in {baseline['apply_seconds']:.3f} s; a re-run of the "
               f"same input reports {baseline['new_after_rerun']} new findings",
           f"- vocabulary of {len(accept)} accepted and {len(reject)} rejected words: check "
           f"{vocabulary['check_seconds_without']} s → {vocabulary['check_seconds_with']} s, findings "
           f"{vocabulary['findings_without']} → {vocabulary['findings_with']}",
           f"- fix planning over every finding: {fix['plan_seconds']:.4f} s; {fix['safe_edits']} safe edits, "
           f"{fix['edits_with_unsafe']} with --unsafe-fixes, {fix['overlapping']} overlapping left for a later pass"]
    (out / "reports.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


def _copy(report):
    import copy

    return copy.deepcopy(report)


if __name__ == "__main__":
    main()
