"""Scale benchmark: start-up, one-core throughput, `--jobs 2`, `--engine dask`, memory.

Runs the real command line in child processes over the shared WMT system outputs and
records, for each run, wall time, CPU time (user+sys of the whole process tree) and the
peak of the summed resident memory of the tree (sampled from /proc every 50 ms):

- start-up: `mtqa check --no-grammar` on a one-line file, median of 7 runs;
- one core: 2022 ru-en, four systems with `--doc-ids` (8,064 segments in
  908 documents), `--jobs 1`: segments per second after start-up, what the naturalness
  checker adds to the whole command (the same runs with `--ignore naturalness`), and where
  the time goes: CPU seconds of each checker, of reading and of the rest, in one process;
- `--jobs 2` against `--jobs 1` over all system outputs without grammar (identical
  findings required), and the same corpus twice over for memory growth;
- `--engine dask` on a 2-worker LocalCluster against `--jobs 2`;
- with `--grammar`: 2023 he-en (7,640 segments), `--select grammar` against a warm
  LanguageTool server with an empty result cache, `--jobs 1` and `--jobs 2`, and the
  ratio to `--no-grammar`.

Children run as an installed mtqa runs: from its bytecode cache (a PYTHONDONTWRITEBYTECODE
in the environment is dropped for them, and a warm-up run writes the cache), so start-up
does not include compiling mtqa's own modules.

Usage: python -m benchmarks.bench_scale [--grammar] [--wmt DIR]
Writes benchmarks/results/scale.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MTQA = [sys.executable, "-m", "mtqa"]
RESULTS = REPO / "benchmarks" / "results"
ROUNDS = 3  # interleaved runs of each engine; the median run is reported
# As installed: bytecode is cached (pip compiles it at install time).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _tree_rss_kb(root: int) -> int:
    """Summed resident memory of ``root`` and all its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            continue
    total, frontier = 0, [root]
    while frontier:
        pid = frontier.pop()
        total += rss.get(pid, 0)
        frontier.extend(p for p, parent in parents.items() if parent == pid)
    return total


def run(args: list[str], cwd: Path) -> dict:
    """One `mtqa check` run: exit code, wall and CPU seconds, peak tree RSS, the JSON report."""
    out = cwd / "report.json"
    out.unlink(missing_ok=True)
    cmd = [*MTQA, "check", *args, "--format", "json", "--output", str(out)]
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(child.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return {
        "exit_code": os.waitstatus_to_exitcode(status),
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_tree_rss_mb": round(peak[0] / 1024, 1),
        "documents": len(report.get("documents", [])),
        "findings": [(d["id"], f["rule"], f["start"], f["end"]) for d in report.get("documents", [])
                     for f in d["findings"]],
        "stderr_tail": stderr.strip().splitlines()[-2:],
    }


def _median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["wall_seconds"])[len(runs) // 2]


def _public(result: dict) -> dict:
    return {k: (len(v) if k == "findings" else v) for k, v in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
    parser.add_argument("--wmt", type=Path, default=shared / "corpus" / "wmt")
    parser.add_argument("--grammar", action="store_true", help="also time LanguageTool runs (minutes)")
    parser.add_argument("--checker-times", type=Path, help=argparse.SUPPRESS)  # the child of checker_times
    options = parser.parse_args()
    if options.checker_times:
        _checker_times(options.checker_times)
        return
    wmt = options.wmt
    systems = sorted(wmt.glob("*/*/systems/*.txt"))
    if not systems:
        sys.exit(f"no system outputs under {wmt}")
    results: dict = {"python": platform.python_version(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        one_line = tmp / "one.txt"
        one_line.write_text("The minister said the talks would resume on Monday.\n", encoding="utf-8")
        run(["--no-grammar", "--jobs", "1", str(one_line)], tmp)  # warm-up: bytecode cache, word lists
        starts = [run(["--no-grammar", "--jobs", "1", str(one_line)], tmp) for _ in range(7)]
        startup = statistics.median(r["wall_seconds"] for r in starts)
        startup_cpu = statistics.median(r["cpu_seconds"] for r in starts)
        results["startup"] = {"median_wall_seconds": startup, "median_cpu_seconds": startup_cpu}

        pair = wmt / "2022" / "ru-en"
        files = sorted((pair / "systems").glob("*.txt"))
        segments = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
        base = ["--no-grammar", "--doc-ids", str(pair / "docids.txt"),
                *map(str, files)]
        one_core = [run([*base, "--jobs", "1"], tmp) for _ in range(3)]
        best = min(one_core, key=lambda r: r["wall_seconds"])
        # Issue 14: what the learned checker adds to the whole command.
        without = min((run([*base, "--jobs", "1", "--ignore", "naturalness"], tmp) for _ in range(3)),
                      key=lambda r: r["wall_seconds"])
        results["one_core"] = {
            "corpus": "2022 ru-en, 4 systems, --doc-ids",
            "segments": segments,
            "documents": best["documents"],
            "runs": [_public(r) for r in one_core],
            "segments_per_second_wall": round(segments / max(0.01, best["wall_seconds"] - startup)),
            "segments_per_second_cpu": round(segments / max(0.01, best["cpu_seconds"] - startup_cpu)),
            "cpu_seconds_by_part": checker_times(pair),
            "without_naturalness": _public(without),
            "naturalness_adds": round(best["wall_seconds"] / without["wall_seconds"] - 1, 3),
            "naturalness_adds_cpu": round(best["cpu_seconds"] / without["cpu_seconds"] - 1, 3),
        }

        all_segments = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in systems)
        twice = []  # copies, not links: mtqa reads a file named twice (or linked twice) once
        for copy in (1, 2):
            for i, f in enumerate(systems):
                twice.append(tmp / f"{copy}-{i:03d}.txt")
                shutil.copyfile(f, twice[-1])
        try:
            import distributed  # noqa: F401

            engines = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask": ["--engine", "dask", "--jobs", "2"]}
        except ImportError:
            engines = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"]}
        # Interleaved rounds, median of each: on a shared machine one run of each can land in
        # a busy minute and decide a ratio by itself.
        rounds: dict[str, list[dict]] = {name: [] for name in engines}
        for _ in range(ROUNDS):
            for name, flags in engines.items():
                rounds[name].append(run(["--no-grammar", *flags, *map(str, systems)], tmp))
        jobs1, jobs2 = _median_run(rounds["jobs1"]), _median_run(rounds["jobs2"])
        jobs1_twice = run(["--no-grammar", "--jobs", "1", *map(str, twice)], tmp)
        jobs2_twice = run(["--no-grammar", "--jobs", "2", *map(str, twice)], tmp)
        results["jobs"] = {
            "corpus": f"all {len(systems)} WMT system outputs, no grammar",
            "segments": all_segments,
            "rounds": ROUNDS,
            "wall_seconds_each_round": {name: [r["wall_seconds"] for r in runs] for name, runs in rounds.items()},
            "jobs1": _public(jobs1),
            "jobs2": _public(jobs2),
            "speedup": round(jobs1["wall_seconds"] / jobs2["wall_seconds"], 2),
            "identical_findings": all(r["findings"] == jobs1["findings"] for runs in rounds.values() for r in runs),
            "memory_ratio_jobs2_to_jobs1": round(jobs2["peak_tree_rss_mb"] / jobs1["peak_tree_rss_mb"], 2),
            "jobs1_twice": _public(jobs1_twice),
            "jobs2_twice": _public(jobs2_twice),
            "memory_ratio_twice_jobs2": round(jobs2_twice["peak_tree_rss_mb"] / jobs2["peak_tree_rss_mb"], 2),
        }
        if "dask" in rounds:
            dask = _median_run(rounds["dask"])
            results["dask"] = {
                "dask": _public(dask),
                "identical_findings": all(r["findings"] == jobs1["findings"] for r in rounds["dask"]),
                "throughput_vs_jobs2": round(jobs2["wall_seconds"] / dask["wall_seconds"], 2),
            }
        else:
            results["dask"] = {"skipped": "dask[distributed] is not installed (pip install 'mtqa[dask]')"}

        if options.grammar:
            results["grammar"] = grammar_runs(wmt, tmp)
        elif (RESULTS / "scale.json").exists():
            # Minutes of LanguageTool: a run without --grammar keeps the last measured figures.
            earlier = json.loads((RESULTS / "scale.json").read_text(encoding="utf-8")).get("grammar")
            if earlier:
                results["grammar"] = {**earlier, "carried_over": True}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "scale.md").write_text(render(results), encoding="utf-8")
    print(render(results))


def checker_times(pair: Path) -> dict:
    """CPU seconds of each checker, of reading and of the rest over the one-core corpus, in
    a child process (after one document, so models are loaded before the clock starts)."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_scale", "--checker-times", str(pair)],
                         cwd=REPO, env=CHILD_ENV, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _checker_times(pair: Path) -> None:
    from mtqa.config.settings import load_settings
    from mtqa.pipeline import Pipeline, batches
    from mtqa.readers import iter_documents

    settings = load_settings(None, {"checkers.grammar.enabled": False},
                             run_options={"doc_ids_file": str(pair / "docids.txt")})
    files = [str(f) for f in sorted((pair / "systems").glob("*.txt"))]
    spent: dict[str, float] = {}
    with Pipeline(settings) as pipeline:
        clock = time.process_time
        started = clock()
        documents = list(iter_documents(files, settings))
        spent["reading"] = clock() - started
        pipeline.check_document(documents[0])
        for checker in pipeline.checkers:
            # Both entry points: a checker that scores a batch at once is called through
            # check_batch, the others through check (Pipeline.check_documents).
            for method in ("check", "check_batch"):
                def timed(documents, call=getattr(checker, method), name=checker.name):
                    begun = clock()
                    found = list(call(documents))
                    spent[name] = spent.get(name, 0.0) + clock() - begun
                    return found
                setattr(checker, method, timed)
        started = clock()
        for document in documents:
            document.sentences, document.paragraphs  # computed once, shared by the checkers
        spent["sentence splitting"] = clock() - started
        started = clock()
        for batch in batches(documents):
            pipeline.check_documents(batch)
        total = clock() - started
    spent["pipeline (dedupe, suppression, scoring)"] = total - sum(
        v for k, v in spent.items() if k not in ("reading", "sentence splitting"))
    print(json.dumps({k: round(v, 3) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}))


def grammar_runs(wmt: Path, tmp: Path) -> dict:
    """LanguageTool, warm server, empty result cache: one process, two workers, and --no-grammar."""
    files = sorted((wmt / "2023" / "he-en" / "systems").glob("*.txt"))
    segments = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
    out: dict = {"corpus": "2023 he-en, 4 systems", "segments": segments}
    # A warm server that every run finds (`mtqa languagetool start`), so JVM start-up is not timed.
    subprocess.run([*MTQA, "languagetool", "start"], check=True, capture_output=True)
    try:
        _grammar_timings(files, tmp, out)
    finally:
        subprocess.run([*MTQA, "languagetool", "stop"], capture_output=True)
    return out


def _grammar_timings(files: list[Path], tmp: Path, out: dict) -> None:
    for jobs in ("1", "2"):
        config = tmp / f"cold-{jobs}.toml"
        config.write_text(f'[checkers.grammar]\ncache_path = "{tmp / f"cache-{jobs}.sqlite3"}"\n', encoding="utf-8")
        result = run(["--config", str(config), "--select", "grammar", "--jobs", jobs, *map(str, files)], tmp)
        out[f"select_grammar_jobs{jobs}"] = _public(result)
    # Two seconds a run, so the median of a few: one busy second would move the ratio by half.
    no_grammar = _median_run([run(["--no-grammar", "--jobs", "1", *map(str, files)], tmp) for _ in range(ROUNDS)])
    out["no_grammar_jobs1"] = _public(no_grammar)
    out["speedup_jobs2"] = round(out["select_grammar_jobs1"]["wall_seconds"]
                                 / out["select_grammar_jobs2"]["wall_seconds"], 2)
    out["no_grammar_vs_grammar"] = round(out["select_grammar_jobs1"]["wall_seconds"] / no_grammar["wall_seconds"], 1)


def render(r: dict) -> str:
    lines = ["# Scale: start-up, one core, `--jobs 2`, `--engine dask`", "",
             f"Python {r['python']}, {r['cpus']} CPUs (shared with other work while measured; CPU seconds are "
             "the steadier figure).", ""]
    s = r["startup"]
    lines += [f"Start-up, `check --no-grammar` on a one-line file: median {s['median_wall_seconds']} s wall, "
              f"{s['median_cpu_seconds']} s CPU.", ""]
    o = r["one_core"]
    lines += [f"One core ({o['corpus']}, {o['segments']:,} segments in {o['documents']} documents): "
              f"{o['segments_per_second_wall']:,} segments/s by wall time after start-up, "
              f"{o['segments_per_second_cpu']:,} by CPU time.", ""]
    if "naturalness_adds" in o:
        lines += [f"The naturalness checker adds {o['naturalness_adds']:.0%} to the whole command's wall time "
                  f"({o['naturalness_adds_cpu']:.0%} CPU): {o['without_naturalness']['wall_seconds']} s with "
                  "`--ignore naturalness`.", ""]
    parts = o.get("cpu_seconds_by_part")
    if parts:
        whole = sum(parts.values())
        lines += ["Where one core's time goes (CPU seconds in one process, models already loaded):", "",
                  "| part | CPU s | share |", "|---|---|---|"]
        lines += [f"| {name} | {seconds} | {seconds / whole:.0%} |" for name, seconds in parts.items()]
        lines.append("")
    j = r["jobs"]
    lines += [f"## --jobs ({j['corpus']}, {j['segments']:,} segments)", "",
              "| run | wall s | CPU s | peak tree RSS MB | documents | findings |", "|---|---|---|---|---|---|"]
    for name in ("jobs1", "jobs2", "jobs1_twice", "jobs2_twice"):
        x = j[name]
        lines.append(f"| {name.replace('_', ', ')} | {x['wall_seconds']} | {x['cpu_seconds']} | "
                     f"{x['peak_tree_rss_mb']} | {x['documents']} | {x['findings']} |")
    lines += ["", f"Speed-up of `--jobs 2`: {j['speedup']}×; identical findings: {j['identical_findings']}; "
              f"memory jobs 2 / jobs 1: {j['memory_ratio_jobs2_to_jobs1']}; corpus twice / once (jobs 2): "
              f"{j['memory_ratio_twice_jobs2']}.", ""]
    if "rounds" in j:
        lines += [f"Wall times are the median of {j['rounds']} interleaved rounds: "
                  + "; ".join(f"{name} {', '.join(map(str, walls))} s" for name, walls in j["wall_seconds_each_round"].items())
                  + ".", ""]
    d = r.get("dask", {})
    if "dask" in d:
        lines += [f"Dask, 2-worker LocalCluster: {d['dask']['wall_seconds']} s wall, identical findings: "
                  f"{d['identical_findings']}, throughput relative to `--jobs 2`: {d['throughput_vs_jobs2']}.", ""]
    elif d:
        lines += [f"Dask: {d['skipped']}", ""]
    g = r.get("grammar")
    if g:
        carried = " (carried over from the last `--grammar` run)" if g.get("carried_over") else ""
        lines += [f"## Grammar, empty result cache ({g['corpus']}, {g['segments']:,} segments){carried}", "",
                  f"`--select grammar`: jobs 1 {g['select_grammar_jobs1']['wall_seconds']} s, jobs 2 "
                  f"{g['select_grammar_jobs2']['wall_seconds']} s (speed-up {g['speedup_jobs2']}×); "
                  f"`--no-grammar` {g['no_grammar_jobs1']['wall_seconds']} s, {g['no_grammar_vs_grammar']}× faster.",
                  ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
