"""Benchmark the grammar checker (LanguageTool) on the WMT human references.

1. False alarms: findings per 1,000 words on every reference file (human, edited English,
   so nearly everything flagged is a false alarm). Target: <= 1.0 major per 1,000 words.
   This run uses an empty result cache, so it is also the "first run" of part 3.
2. Overhead: the grammar checker against direct HTTP calls (requests, same batches, same
   parameters, JSON decoded) to the same server on the same text, alternating runs on a
   sample of lines, with the server's own result cache off. Target: <= 10 %.
3. Cached second run: the same corpus again with the SQLite cache of part 1.
   Target: >= 20x faster.

One LanguageTool server (started here, stopped at the end) serves all parts.
Usage: python -m benchmarks.bench_grammar [--wmt DIR] [--lines N] [--sample N]
Writes benchmarks/results/grammar.json and grammar.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mtqa.checkers.grammar import GrammarChecker  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.languagetool.batching import make_batches  # noqa: E402
from mtqa.languagetool.install import fetch  # noqa: E402
from mtqa.languagetool.server import ServerProcess  # noqa: E402
from mtqa.model import Document  # noqa: E402
from mtqa.scoring import count_words  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"


def reference_documents(wmt: Path, lines: int | None) -> list[Document]:
    docs = []
    for path in sorted(wmt.glob("*/*/reference.txt")):
        text = path.read_text(encoding="utf-8")
        if lines:
            text = "\n".join(text.split("\n")[:lines]) + "\n"
        name = "/".join(path.parts[-3:-1])
        docs.append(Document(id=name, path=name, text=text))
    return docs


def make_checker(url: str, cache_path: Path | None) -> GrammarChecker:
    overrides = {"checkers.grammar.url": url, "checkers.grammar.cache": cache_path is not None}
    if cache_path is not None:
        overrides["checkers.grammar.cache_path"] = str(cache_path)
    return GrammarChecker(load_settings(None, overrides, search_from=Path(tempfile.gettempdir())))


def run_checker(checker: GrammarChecker, docs: list[Document]) -> tuple[float, list]:
    started = time.perf_counter()
    findings = [f for doc in docs for f in checker.check(doc)]
    return time.perf_counter() - started, findings


def run_direct(url: str, params_for, docs: list[Document], batch_chars: int) -> tuple[float, int]:
    """The baseline: the same requests with plain `requests`, JSON decoded, nothing else."""
    session = requests.Session()
    matches = 0
    started = time.perf_counter()
    for doc in docs:
        text = doc.analysis_text
        for batch in make_batches(text, ((p.start, p.end) for p in doc.paragraphs), batch_chars):
            response = session.post(f"{url}/v2/check", data=params_for(batch.text), timeout=300)
            matches += len(response.json()["matches"])
    elapsed = time.perf_counter() - started
    session.close()
    return elapsed, matches


def false_alarms(docs: list[Document], findings: list) -> dict:
    words = sum(count_words(d.analysis_text) for d in docs)
    by_severity = Counter(f.severity.value for f in findings)
    per_k = lambda n: round(n * 1000 / words, 3)  # noqa: E731
    return {
        "documents": len(docs),
        "words": words,
        "findings": len(findings),
        "per_1000_words": per_k(len(findings)),
        "major_per_1000_words": per_k(by_severity.get("major", 0) + by_severity.get("critical", 0)),
        "by_severity": dict(sorted(by_severity.items())),
        "by_category": dict(Counter(f.category for f in findings).most_common()),
        "top_major_rules": dict(Counter(f.rule for f in findings if f.severity.value != "minor").most_common(15)),
        "top_rules": dict(Counter(f.rule for f in findings).most_common(15)),
    }


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=shared / "corpus" / "wmt")
    parser.add_argument("--lines", type=int, default=0, help="only the first N lines of each file (0 = all)")
    parser.add_argument("--sample", type=int, default=150, help="lines per file for the overhead runs")
    args = parser.parse_args(argv)
    if not args.wmt.is_dir():
        print(f"WMT corpus not found at {args.wmt}", file=sys.stderr)
        return 2

    installation = fetch()
    # The server's own sentence cache is off, so repeated overhead passes do equal work.
    server = ServerProcess(installation, heap="1g", properties={"cacheSize": 0})
    started = time.perf_counter()
    url = server.start()
    startup = time.perf_counter() - started
    results: dict = {"languagetool": installation.version, "server_startup_s": round(startup, 1)}
    try:
        docs = reference_documents(args.wmt, args.lines or None)
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "results.sqlite3"
            checker = make_checker(url, cache)
            first_s, findings = run_checker(checker, docs)
            sent = checker.stats["sent"]
            checker.close()
            results["false_alarms"] = false_alarms(docs, findings)

            checker = make_checker(url, cache)
            second_s, again = run_checker(checker, docs)
            cached = checker.stats["cached"]
            checker.close()
            assert [(f.rule, f.start) for f in again] == [(f.rule, f.start) for f in findings]
            results["cache"] = {
                "first_run_s": round(first_s, 2), "second_run_s": round(second_s, 3),
                "speedup": round(first_s / second_s, 1), "batches_sent_first": sent,
                "batches_cached_second": cached,
            }

        sample = reference_documents(args.wmt, args.sample)
        checker = make_checker(url, None)
        params_for = checker.connection.client.params
        batch_chars = checker.batch_chars
        run_direct(url, params_for, sample, batch_chars)  # warm the JIT on this text first
        # The machine is shared, so the server's time swings between runs: alternate the
        # order (ABBAAB) and compare the fastest run of each. Client CPU time (this
        # process only) is the part of the overhead that is mtqa's own work.
        direct, mtqa, direct_cpu, mtqa_cpu = [], [], [], []
        for order in ("direct", "mtqa", "mtqa", "direct", "direct", "mtqa"):
            cpu = time.process_time()
            if order == "direct":
                direct.append(run_direct(url, params_for, sample, batch_chars)[0])
                direct_cpu.append(time.process_time() - cpu)
            else:
                mtqa.append(run_checker(checker, sample)[0])
                mtqa_cpu.append(time.process_time() - cpu)
        checker.close()
        results["overhead"] = {
            "sample_words": sum(count_words(d.analysis_text) for d in sample),
            "direct_http_s": [round(x, 2) for x in direct],
            "grammar_checker_s": [round(x, 2) for x in mtqa],
            "overhead_pct": round((min(mtqa) / min(direct) - 1) * 100, 1),
            "client_cpu_direct_s": round(min(direct_cpu), 3),
            "client_cpu_checker_s": round(min(mtqa_cpu), 3),
            "client_cpu_overhead_pct": round((min(mtqa_cpu) - min(direct_cpu)) / min(direct) * 100, 1),
        }
    finally:
        server.stop()
    results["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(), "note": "shared, loaded"}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "grammar.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "grammar.md").write_text(render_md(results), encoding="utf-8")
    print(render_md(results))
    return 0


def render_md(r: dict) -> str:
    fa, ca, ov = r["false_alarms"], r["cache"], r["overhead"]
    top = ", ".join(f"{k} {v}" for k, v in list(fa["top_major_rules"].items())[:8]) or "none"
    return f"""# Grammar checker (LanguageTool {r['languagetool']}) on the WMT references

Server start-up (JVM, rules, warm-up check): {r['server_startup_s']} s.

| measure | result | target |
|---|---|---|
| findings per 1,000 words (all severities) | {fa['per_1000_words']} | — |
| **major findings per 1,000 words** | **{fa['major_per_1000_words']}** | <= 1.0 |
| overhead vs direct HTTP calls to the same server | {ov['overhead_pct']} % | <= 10 % |
| cached second run | {ca['first_run_s']} s -> {ca['second_run_s']} s (**{ca['speedup']}x**) | >= 20x |

Corpus: {fa['documents']} reference files, {fa['words']:,} words, {fa['findings']:,} findings
({', '.join(f'{k} {v}' for k, v in fa['by_severity'].items())}).
By category: {', '.join(f'{k} {v}' for k, v in fa['by_category'].items())}.
Most frequent major rules: {top}.

Overhead sample: {ov['sample_words']:,} words; direct {ov['direct_http_s']} s, checker
{ov['grammar_checker_s']} s (alternating runs, fastest of each compared, server result
cache off). mtqa's own client-side CPU (batching, offsets, mapping, findings):
{ov['client_cpu_checker_s']} s against {ov['client_cpu_direct_s']} s for bare `requests`, i.e.
{ov['client_cpu_overhead_pct']} % of the direct run's wall time.
Regenerate: `python -m benchmarks.bench_grammar`.
"""


if __name__ == "__main__":
    sys.exit(main())
