"""Benchmark the `rules` checker on the shared WMT corpus: false alarms and throughput.

False alarms: every human reference of every pair is checked, one document per file.
Findings on references count as false alarms (a few are real boilerplate or typos the
references contain; the report lists them). Two configurations:
- ``default``: the shipped defaults, with each pair's source language (so the he-en pack
  runs on he-en, ru-en on ru-en and uk-en, nothing language-specific elsewhere);
- ``every-rule``: every pack and rule on every reference (style enabled, language packs
  forced with ``unknown_source = "all"``), the worst case, reported per pack and per rule.
MT system outputs are scanned the same way for comparison (hits per 1,000 words).

Throughput: sentences (lines) per second of CPU time (one core) for ``check()``, with each line its
own document (worst case: per-document overhead) and with one document per file.

Usage: python benchmarks/bench_rules.py [--wmt DIR] [--repeat N]
Writes benchmarks/results/rules.json and rules.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mtqa.checkers.rules import RuleChecker  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.model import Document  # noqa: E402

DEFAULT_WMT = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared")) / "corpus" / "wmt"


def settings(**overrides):
    return load_settings(overrides={"checkers.grammar.enabled": False, **overrides})


def pairs(wmt: Path):
    for folder in sorted(p for p in wmt.glob("*/*") if (p / "reference.txt").is_file()):
        yield folder, folder.name.split("-")[0]


def scan(checker: RuleChecker, path: Path, lang: str | None):
    text = path.read_text(encoding="utf-8")
    doc = Document(id=path.name, path=path.name, text=text, source_lang=lang)
    return len(text.split()), list(checker.check(doc)), text


def false_alarms(wmt: Path) -> dict:
    configs = {
        "default": (RuleChecker(settings()), True),
        "every-rule": (RuleChecker(settings(**{"checkers.rules.enable": ["style"],
                                               "checkers.rules.unknown_source": "all"})), False),
    }
    result = {}
    for name, (checker, use_lang) in configs.items():
        words = 0
        per_pack: Counter = Counter({name: 0 for name in checker.rule_set.packs})
        per_rule: Counter = Counter()
        per_pair: dict[str, int] = {}
        examples: dict[str, list[str]] = defaultdict(list)
        for folder, lang in pairs(wmt):
            n, findings, text = scan(checker, folder / "reference.txt", lang if use_lang else None)
            words += n
            per_pair[f"{folder.parent.name}/{folder.name}"] = len(findings)
            for f in findings:
                per_pack[checker.rule_set.by_code[f.rule].pack] += 1
                per_rule[f.rule] += 1
                if len(examples[f.rule]) < 2:
                    line = text[text.rfind("\n", 0, f.start) + 1: text.find("\n", f.end)]
                    examples[f.rule].append(f"{folder.name}: {line[:160]}")
        total = sum(per_rule.values())
        result[name] = {
            "words": words, "findings": total, "per_1000_words": round(total * 1000 / words, 3),
            "per_pack": {p: {"findings": c, "per_1000_words": round(c * 1000 / words, 3)}
                         for p, c in sorted(per_pack.items())},
            "per_rule": dict(per_rule.most_common()), "per_pair": per_pair, "examples": dict(examples),
        }
    return result


def system_hits(wmt: Path) -> dict:
    checker = RuleChecker(settings())
    words = 0
    per_pack: Counter = Counter({name: 0 for name in checker.enabled})
    for folder, lang in pairs(wmt):
        for path in sorted((folder / "systems").glob("*.txt")):
            n, findings, _ = scan(checker, path, lang)
            words += n
            for f in findings:
                per_pack[checker.rule_set.by_code[f.rule].pack] += 1
    return {"words": words, "per_1000_words": {p: round(c * 1000 / words, 3) for p, c in sorted(per_pack.items())}}


def throughput(wmt: Path, repeat: int) -> dict:
    checker = RuleChecker(settings(**{"checkers.rules.unknown_source": "all", "checkers.rules.enable": ["style"]}))
    lines = []
    for folder, _ in pairs(wmt):
        lines += (folder / "reference.txt").read_text(encoding="utf-8").splitlines()
        for path in sorted((folder / "systems").glob("*.txt")):
            lines += path.read_text(encoding="utf-8").splitlines()
    docs = [Document(id=str(i), path="-", text=line) for i, line in enumerate(lines)]
    whole = [Document(id="all", path="-", text="\n".join(lines[i:i + 2000])) for i in range(0, len(lines), 2000)]
    best_line = best_file = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for doc in docs:
            for _f in checker.check(doc):
                pass
        best_line = min(best_line, time.process_time() - started)
        started = time.process_time()
        for doc in whole:
            for _f in checker.check(doc):
                pass
        best_file = min(best_file, time.process_time() - started)
    compiled, _ = checker.compiled_for(None)
    return {
        "sentences": len(lines), "rules": len(compiled.rules), "passes_per_document": compiled.passes,
        "sentences_per_second_one_document_each": round(len(lines) / best_line),
        "sentences_per_second_2000_line_documents": round(len(lines) / best_file),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=DEFAULT_WMT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {
        "python": platform.python_version(),
        "false_alarms_on_references": false_alarms(args.wmt),
        "hits_on_mt_systems": system_hits(args.wmt),
        "throughput": throughput(args.wmt, args.repeat),
    }
    out = REPO / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "rules.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "rules.md").write_text(render(results), encoding="utf-8")
    print(render(results))


def render(r: dict) -> str:
    fa = r["false_alarms_on_references"]
    t = r["throughput"]
    lines = ["# rules checker on the WMT corpus", "",
             "Generated by `benchmarks/bench_rules.py`. False alarms = findings on human references.", "",
             "| configuration | words | findings | per 1,000 words |", "|---|---:|---:|---:|"]
    for name, data in fa.items():
        lines.append(f"| {name} | {data['words']:,} | {data['findings']} | {data['per_1000_words']} |")
    lines += ["", "Per pack (findings per 1,000 reference words):", "",
              "| pack | default | every rule on every reference | MT system outputs |", "|---|---:|---:|---:|"]
    packs = sorted(set(fa["every-rule"]["per_pack"]) | set(fa["default"]["per_pack"])
                   | set(r["hits_on_mt_systems"]["per_1000_words"]))
    for pack in packs:
        d = fa["default"]["per_pack"].get(pack, {}).get("per_1000_words", 0)
        e = fa["every-rule"]["per_pack"].get(pack, {}).get("per_1000_words", 0)
        s = r["hits_on_mt_systems"]["per_1000_words"].get(pack, 0)
        lines.append(f"| {pack} | {d} | {e} | {s} |")
    lines += ["", f"Throughput (one core, {t['sentences']:,} sentences, {t['rules']} rules, "
              f"{t['passes_per_document']} passes per document):", "",
              f"- one document per sentence: {t['sentences_per_second_one_document_each']:,} sentences/s",
              f"- 2,000-sentence documents: {t['sentences_per_second_2000_line_documents']:,} sentences/s", "",
              "Rules firing on references (every-rule configuration):", ""]
    for code, count in fa["every-rule"]["per_rule"].items():
        lines.append(f"- {code}: {count}")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
