"""Reference metrics stream: peak memory of `mtqa check --reference` over every WMT system output.

Every system output of ``corpus/wmt/*/*/systems/*.txt`` is checked in one run, once
without and once with its pair's human reference (a mirrored folder of links, so each
output gets its own reference). BLEU, chrF and TER are summed as sacrebleu's sufficient
statistics, so the run with references should need about the memory of the run
without: the target is a peak RSS within 10%.

Usage: python benchmarks/bench_reference.py [--wmt DIR]
Writes benchmarks/results/reference.json and .md.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
from pathlib import Path

from benchmarks.bench_stream import REPO, run, system_outputs


def main() -> None:
    files = system_outputs(__doc__.splitlines()[0])
    with tempfile.TemporaryDirectory() as tmp:
        inputs, references = Path(tmp) / "in", Path(tmp) / "ref"
        inputs.mkdir()
        references.mkdir()
        linked = []
        for f in files:
            name = f"{f.parts[-4]}-{f.parts[-3]}-{f.name}"
            (inputs / name).symlink_to(f.resolve())
            (references / name).symlink_to((f.parent.parent / "reference.txt").resolve())
            linked.append(inputs / name)
        runs = {}
        for name, extra in ((f"all {len(files)} files", []),
                            (f"all {len(files)} files, --reference", ["--reference", str(references)])):
            runs[name] = run(linked, extra)
            print(name, json.dumps(runs[name]), flush=True)
    without, with_reference = runs.values()
    ratio = round(with_reference["peak_rss_mb"] / without["peak_rss_mb"], 3)
    out = {"python": platform.python_version(), "cpus": os.cpu_count(), "runs": runs,
           "peak_rss_with_over_without_reference": ratio}
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "reference.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    md = ["# `mtqa check --no-grammar --reference` over the WMT system outputs", "",
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs (shared with other work while measured).", "",
          "| run | files | words | wall s | peak RSS MB | findings | exit |", "|---|---|---|---|---|---|---|"]
    md += [f"| {name} | {r['files']} | {r['words']:,} | {r['wall_seconds']} | {r['peak_rss_mb']} | {r['findings']} | "
           f"{r['exit_code']} |" for name, r in runs.items()]
    md += ["", f"Peak RSS with references / without: {ratio}; target: at most 1.10."]
    (results / "reference.md").write_text("\n".join(md) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
