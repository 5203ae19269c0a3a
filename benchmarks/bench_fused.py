"""Fused-word splitter on hostile input: one very long letter run per document.

Each size is checked in a fresh child process (so the word-frequency cache starts
empty) running the fluency checker on ``"The report <letters> was published."``;
recorded are the wall time of the check and the child's peak resident memory
(``wait4`` rusage). Splitting used to slice and cache every prefix of a token, which is
quadratic: 80,000 letters took 18.5 s and 3.2 GB. Tokens longer than the longest word
in the list are now skipped, so time and memory should not grow with the token.

Usage: python -m benchmarks.bench_fused
Writes benchmarks/results/fused.json and .md.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES = (30, 1_000, 10_000, 80_000, 1_000_000)
CHILD = """
import sys, time
from mtqa.checkers.fluency import FluencyChecker
from mtqa.config.settings import load_settings
from mtqa.model import Document
checker = FluencyChecker(load_settings(overrides={"checkers.grammar.enabled": False}))
list(checker.check(Document(id="w", path="w", text="Warm up the dictatormost word list.")))
text = "The report " + "b" * int(sys.argv[1]) + " was published."
started = time.perf_counter()
list(checker.check(Document(id="d", path="d", text=text)))
print(time.perf_counter() - started)
"""


def measure(size: int) -> dict:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(size)], stdout=subprocess.PIPE, cwd=REPO)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = float(child.stdout.read().decode().strip() or "nan")
    return {"letters": size, "check_s": round(seconds, 4), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "exit": os.waitstatus_to_exitcode(status)}


def main() -> None:
    rows = []
    for size in SIZES:
        rows.append(measure(size))
        print(json.dumps(rows[-1]), flush=True)
    out = {"machine": platform.platform(), "cpus": os.cpu_count(), "rows": rows}
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "fused.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    md = ["# Fused-word splitter on one long letter run", "",
          "Fluency checker on one document holding one run of N letters; fresh process per row.", "",
          "| letters | check (s) | peak RSS (MB) |", "|---|---|---|"]
    md += [f"| {r['letters']:,} | {r['check_s']} | {r['peak_rss_mb']} |" for r in rows]
    (results / "fused.md").write_text("\n".join(md) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
