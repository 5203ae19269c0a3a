"""Runs every benchmark script (`bench_*.py`) in turn; each writes its own results file.

`make bench` calls this. Benchmarks read the shared WMT corpus (set MTQA_SHARED to the
folder that holds `corpus/wmt`, default: `../shared` beside the repository).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    failures = 0
    for script in sorted(HERE.glob("bench_*.py")):
        name = script.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        print(f"== {name}", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{script.stem}"], cwd=HERE.parent)
        print(f"== {name}: exit {result.returncode} in {time.monotonic() - started:.1f} s", flush=True)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
