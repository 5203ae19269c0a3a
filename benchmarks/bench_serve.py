"""Load test of `mtqa serve` on loopback: requests/s and latency for 1,000-word articles.

The server runs as its own process (`python -m mtqa serve`), exactly as users start it,
once without grammar and once with grammar (the managed LanguageTool server) when the
grammar checker is installed. Clients post LanguageTool-style `/v2/check` requests with
1,000-word articles built from consecutive WMT system-output lines; no article is sent
twice and mtqa's LanguageTool result cache is off, so every request is really checked. Each phase is bounded both in requests and
in seconds. A burst phase then sends more parallel requests than the server admits and
records how many were refused with 503 (and that none failed otherwise).

Usage: python -m benchmarks.bench_serve [--wmt DIR] [--requests N] [--seconds S] [--modes no-grammar,grammar]
Writes benchmarks/results/serve.json and serve.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
WORDS = 1000


def build_articles(wmt: Path, count: int, words: int = WORDS) -> list[str]:
    """``count`` distinct articles of about ``words`` words: consecutive system-output
    lines, one paragraph each, taken from every system file in turn."""
    files = sorted(wmt.glob("*/*-en/systems/*.txt"))
    if not files:
        raise SystemExit(f"no WMT system outputs under {wmt}; set MTQA_SHARED or --wmt")
    articles: list[str] = []
    per_file = max(1, -(-count // len(files)))
    for path in files:
        paragraphs, total, taken = [], 0, 0
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                paragraphs.append(line)
                total += len(line.split())
                if total >= words:
                    articles.append("\n\n".join(paragraphs))
                    paragraphs, total, taken = [], 0, taken + 1
                    if taken == per_file or len(articles) == count:
                        break
        if len(articles) == count:
            break
    return articles


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(grammar: bool, port: int, concurrency: int, queue: int, config: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "mtqa", "serve", "--port", str(port), "--log-level", "warning", "--config", str(config),
           "--concurrency", str(concurrency), "--queue", str(queue), "--request-timeout", "120"]
    if not grammar:
        cmd.append("--no-grammar")
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180  # a cold LanguageTool JVM needs a while
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read()[-2000:]}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except requests.RequestException:
            pass
        time.sleep(0.25)
    proc.kill()
    raise RuntimeError("server did not become healthy in 180 s")


def load(url: str, articles: list[str], clients: int, max_requests: int, max_seconds: float) -> dict:
    """``clients`` threads post until ``max_requests`` are done or ``max_seconds`` pass."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    matches = 0
    words = 0
    counter = iter(range(max_requests))
    started = time.monotonic()

    def worker() -> None:
        nonlocal matches, words
        session = requests.Session()
        for n in counter:
            if time.monotonic() - started > max_seconds:
                return
            t0 = time.perf_counter()
            article = articles[n % len(articles)]
            response = session.post(f"{url}/v2/check", timeout=300, data={"language": "en-US", "text": article})
            latencies.append(time.perf_counter() - t0)
            statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
            if response.status_code == 200:
                matches += len(response.json()["matches"])
                words += len(article.split())

    with ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(worker)
    elapsed = time.monotonic() - started
    ok = statuses.get("200", 0)
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(round(p * (len(lat) - 1))))] * 1000, 1) if lat else 0.0

    return {
        "clients": clients, "requests": len(lat), "ok": ok, "statuses": statuses, "seconds": round(elapsed, 2),
        "requests_per_s": round(ok / elapsed, 2) if elapsed else 0.0,
        "words_per_s": round(words / elapsed) if elapsed else 0,
        "latency_ms": {"p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99), "max": pct(1.0),
                       "mean": round(statistics.fmean(lat) * 1000, 1) if lat else 0.0},
        "matches_per_article": round(matches / ok, 1) if ok else 0.0,
    }


def burst(url: str, article: str, parallel: int) -> dict:
    """More simultaneous requests than concurrency + queue: the excess must get 503, nothing else."""
    def one(_):
        return requests.post(f"{url}/v2/check", data={"language": "en-US", "text": article}, timeout=300).status_code

    with ThreadPoolExecutor(parallel) as pool:
        codes = list(pool.map(one, range(parallel)))
    return {"parallel": parallel, "statuses": {str(c): codes.count(c) for c in sorted(set(codes))}}


def grammar_available() -> bool:
    from mtqa.checkers import available_checkers

    return "grammar" in available_checkers()


def run_mode(grammar: bool, articles: list[str], args) -> dict:
    port = free_port()
    started = time.monotonic()
    # mtqa's LanguageTool result cache is off: every request must really reach LanguageTool.
    config = Path(tempfile.mkdtemp(prefix="mtqa-bench-")) / "mtqa.toml"
    config.write_text("[checkers.grammar]\ncache = false\n", encoding="utf-8")
    proc = start_server(grammar, port, args.concurrency, args.queue, config)
    startup = round(time.monotonic() - started, 1)
    url = f"http://127.0.0.1:{port}"
    try:
        checkers = requests.get(f"{url}/healthz", timeout=5).json()["checkers"]
        load(url, articles[-2:], 1, 2, 300)  # warm-up (first LanguageTool calls are slow)
        phases = []
        for n, clients in enumerate((1, args.concurrency * 2)):
            fresh = articles[n * args.requests:(n + 1) * args.requests]  # no article is sent twice
            phases.append(load(url, fresh, clients, args.requests, args.seconds))
        burst_result = burst(url, articles[0], args.concurrency + args.queue + 8)
        after = requests.post(f"{url}/v2/check", data={"language": "en-US", "text": articles[1]}, timeout=300)
        return {"grammar": grammar, "checkers": checkers, "startup_s": startup, "phases": phases,
                "burst": burst_result, "serves_after_burst": after.status_code == 200}
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path,
                        default=Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared")) / "corpus" / "wmt")
    parser.add_argument("--requests", type=int, default=60, help="requests per phase (bound)")
    parser.add_argument("--seconds", type=float, default=60, help="seconds per phase (bound)")
    parser.add_argument("--concurrency", type=int, default=2, help="server --concurrency")
    parser.add_argument("--queue", type=int, default=4, help="server --queue")
    parser.add_argument("--modes", default="no-grammar,grammar")
    args = parser.parse_args(argv)
    articles = build_articles(args.wmt, 2 * args.requests + 2)
    modes = []
    for mode in args.modes.split(","):
        if mode == "grammar" and not grammar_available():
            modes.append({"grammar": True, "skipped": "grammar checker not installed in this tree"})
            continue
        print(f"bench_serve: {mode} …", file=sys.stderr, flush=True)
        try:
            modes.append(run_mode(mode == "grammar", articles, args))
        except RuntimeError as exc:
            modes.append({"grammar": mode == "grammar", "skipped": str(exc)[-500:]})
    result = {
        "benchmark": "serve", "date": time.strftime("%Y-%m-%d"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "articles": {"count": len(articles), "words_each": f">= {WORDS}",
                     "mean_chars": round(statistics.fmean(len(a) for a in articles))},
        "bounds": {"requests_per_phase": args.requests, "seconds_per_phase": args.seconds},
        "server": {"concurrency": args.concurrency, "queue": args.queue},
        "modes": modes,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "serve.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "serve.md").write_text(render_md(result), encoding="utf-8")
    print(render_md(result))
    return 0


def render_md(result: dict) -> str:
    lines = ["# `mtqa serve` load test (loopback)", "",
             f"{result['articles']['count']} articles of {result['articles']['words_each']} words "
             f"(WMT system output), POST /v2/check; server concurrency {result['server']['concurrency']}, "
             f"queue {result['server']['queue']}; each phase bounded to {result['bounds']['requests_per_phase']} "
             f"requests / {result['bounds']['seconds_per_phase']:g} s. {result['machine']['cpus']} CPUs, "
             f"Python {result['machine']['python']}, load average at start "
             f"{result['machine']['load_average_at_start'][0]} (the machine is shared), {result['date']}.", "",
             "| grammar | clients | requests | req/s | words/s | p50 ms | p95 ms | p99 ms | statuses |",
             "|---|---|---|---|---|---|---|---|---|"]
    notes = []
    for mode in result["modes"]:
        label = "with" if mode["grammar"] else "without"
        if "skipped" in mode:
            notes.append(f"- {label} grammar: not measured ({mode['skipped']})")
            continue
        for phase in mode["phases"]:
            lat = phase["latency_ms"]
            lines.append(f"| {label} | {phase['clients']} | {phase['requests']} | {phase['requests_per_s']} | "
                         f"{phase['words_per_s']} | {lat['p50']} | {lat['p95']} | {lat['p99']} | {phase['statuses']} |")
        notes.append(f"- {label} grammar: checkers {', '.join(mode['checkers'])}; startup {mode['startup_s']} s; "
                     f"burst of {mode['burst']['parallel']} parallel requests → {mode['burst']['statuses']}; "
                     f"serves afterwards: {mode['serves_after_burst']}")
    return "\n".join(lines + [""] + notes) + "\n"


if __name__ == "__main__":
    sys.exit(main())
