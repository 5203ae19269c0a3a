"""Measure every language rule pack: false alarms on human references, hits on MT output,
and what it adds on the two human-labelled sets.

- False alarms: each pack is forced on (whatever the pair) over ALL WMT human references
  (`reference.txt` of every pair); every match counts as a false alarm. Per 1,000 words,
  per pack and per rule, with the lines that fired, so a rule that fires on human English
  more than rarely is seen and dropped or narrowed.
- Hits on MT: the same pack over the MT systems of its own source language(s) and over all
  systems (a calque pack should hit its own language's MT far more than human text).
- Labelled sets (`benchmarks/qe_metrics.py`): the rules checker as shipped (grammar off),
  with each segment's source language, on he-en dev and zh-en newstest2021: finding
  precision, character F1, and per pack its findings, their precision, and the change in
  character F1 when the pack is left out.

Usage: python benchmarks/bench_packs.py [--wmt DIR]
Writes benchmarks/results/packs.json and packs.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from benchmarks.qe_metrics import SHARED, Score, load_he_en, load_zh_en, overlaps  # noqa: E402
from mtqa.checkers.rules import RuleChecker  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.engine import CompiledRules, load_rule_set  # noqa: E402
from mtqa.model import Document  # noqa: E402

DEFAULT_WMT = SHARED / "corpus" / "wmt"
# A rule that fires on human references more often than this (about two hits in the
# 370,000 reference words) is dropped or narrowed.
RULE_BUDGET_PER_1000 = 0.006


def pairs(wmt: Path):
    for folder in sorted(p for p in wmt.glob("*/*") if (p / "reference.txt").is_file()):
        yield folder, folder.name.split("-")[0]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def line_of(text: str, start: int, end: int) -> str:
    return text[text.rfind("\n", 0, start) + 1: text.find("\n", end) if text.find("\n", end) >= 0 else None]


def wmt_counts(wmt: Path) -> dict:
    rule_set = load_rule_set()
    packs = {name: info for name, info in rule_set.packs.items() if info.source_langs}
    compiled = {name: CompiledRules(info.rules) for name, info in packs.items()}
    references = [(f"{folder.parent.name}/{folder.name}", lang, read(folder / "reference.txt")) for folder, lang in pairs(wmt)]
    systems = [(f"{folder.parent.name}/{folder.name}/{p.stem}", lang, read(p))
               for folder, lang in pairs(wmt) for p in sorted((folder / "systems").glob("*.txt"))]
    ref_words = sum(len(t.split()) for _, _, t in references)
    result = {}
    for name, info in sorted(packs.items()):
        per_rule: Counter = Counter()
        examples: dict[str, list[str]] = defaultdict(list)
        for tag, _, text in references:
            for m in compiled[name].scan(text):
                per_rule[m.rule.id] += 1
                if len(examples[m.rule.id]) < 3:
                    examples[m.rule.id].append(f"{tag}: …{line_of(text, m.start, m.end)[:200]}")
        own_words = all_words = own_hits = all_hits = 0
        mt_rule: Counter = Counter()
        for _, lang, text in systems:
            n = len(text.split())
            hits = list(compiled[name].scan(text))
            all_words += n
            all_hits += len(hits)
            if lang in info.source_langs:
                own_words += n
                own_hits += len(hits)
                mt_rule.update(m.rule.id for m in hits)
        fa = sum(per_rule.values())
        result[name] = {
            "rules": len(info.rules), "source_langs": list(info.source_langs),
            "reference_words": ref_words, "false_alarms": fa,
            "false_alarms_per_1000_words": round(fa * 1000 / ref_words, 4),
            "mt_own_language_words": own_words, "mt_own_language_hits": own_hits,
            "mt_own_language_per_1000_words": round(own_hits * 1000 / own_words, 4) if own_words else None,
            "mt_all_per_1000_words": round(all_hits * 1000 / all_words, 4),
            "rules_over_budget": sorted(r for r, c in per_rule.items() if c * 1000 / ref_words > RULE_BUDGET_PER_1000),
            "false_alarms_per_rule": dict(per_rule.most_common()),
            "mt_own_language_per_rule": dict(mt_rule.most_common()),
            "false_alarm_lines": dict(examples),
        }
    return result


def labelled(name: str, segments, lang: str) -> dict:
    checker = RuleChecker(load_settings(overrides={"checkers.grammar.enabled": False}))
    pack_of = {r.id: r.pack for r in checker.rule_set.rules}
    languages = {name for name, info in checker.rule_set.packs.items() if info.source_langs}
    found = []
    for seg in segments:
        doc = Document(id=seg.id, path=seg.doc, text=seg.target, source_lang=lang)
        spans = [(f.start, f.end, "major" if f.severity.name.lower() in ("major", "critical") else "minor", pack_of[f.rule], f.rule)
                 for f in checker.check(doc)]
        found.append((seg, spans))

    def score(skip: str | None = None) -> Score:
        total = Score()
        for seg, spans in found:
            total.add(seg.target, seg.gold, [s[:3] for s in spans if s[3] != skip])
        return total

    everything = score()
    per_pack = {}
    for pack in sorted({s[3] for _, spans in found for s in spans}):
        hits = [(seg, s) for seg, spans in found for s in spans if s[3] == pack]
        right = sum(any(overlaps(s[:3], g) for g in seg.gold) for seg, s in hits)
        without = score(skip=pack)
        per_pack[pack] = {"findings": len(hits), "finding_precision": round(right / len(hits), 4),
                          "char_f1_change": round(everything.char_f1 - without.char_f1, 4)}
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for seg, spans in found:
        for s in spans:
            if pack_of[s[4]] in languages:
                per_rule[s[4]][0] += 1
                per_rule[s[4]][1] += any(overlaps(s[:3], g) for g in seg.gold)
    return {"set": name, "source_lang": lang, "segments": len(segments), "rules_checker": everything.as_dict(),
            "per_pack": per_pack,
            "language_rules": {code: {"findings": n, "in_labelled_spans": right}
                               for code, (n, right) in sorted(per_rule.items(), key=lambda kv: -kv[1][0])}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=DEFAULT_WMT)
    args = parser.parse_args()
    results = {"rule_budget_per_1000_words": RULE_BUDGET_PER_1000, "packs": wmt_counts(args.wmt),
               "labelled": [labelled("he-en dev", load_he_en(), "he"), labelled("zh-en newstest2021", load_zh_en(), "zh")]}
    out = REPO / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "packs.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "packs.md").write_text(render(results), encoding="utf-8")
    print(render(results))


def render(r: dict) -> str:
    lines = ["# Language rule packs: false alarms, MT hits, labelled sets", "",
             "Generated by `benchmarks/bench_packs.py`. Each pack forced on over all WMT human references "
             "(false alarms) and over MT output (hits).", "",
             "| pack | rules | false alarms | per 1,000 reference words | MT hits per 1,000 words (own language) | (all MT) |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, p in r["packs"].items():
        own = p["mt_own_language_per_1000_words"]
        lines.append(f"| {name} | {p['rules']} | {p['false_alarms']} | {p['false_alarms_per_1000_words']} | "
                     f"{'—' if own is None else own} | {p['mt_all_per_1000_words']} |")
    for s in r["labelled"]:
        c = s["rules_checker"]
        lines += ["", f"{s['set']} ({s['segments']} segments, source `{s['source_lang']}`), rules checker: "
                  f"finding precision {c['finding_precision']}, character F1 {c['char_f1']}, "
                  f"{c['findings']} findings.", "",
                  "| pack | findings | finding precision | char F1 change |", "|---|---:|---:|---:|"]
        for pack, d in s["per_pack"].items():
            lines.append(f"| {pack} | {d['findings']} | {d['finding_precision']} | {d['char_f1_change']:+} |")
        if s["language_rules"]:
            lines += ["", "Language-pack rules (findings, of which inside a labelled error span): " + ", ".join(
                f"{code} {d['findings']}/{d['in_labelled_spans']}" for code, d in s["language_rules"].items())]
    lines += ["", f"Rules that fire on references (budget {r['rule_budget_per_1000_words']} per 1,000 words):", ""]
    for name, p in r["packs"].items():
        for code, count in p["false_alarms_per_rule"].items():
            lines.append(f"- {code}: {count}" + (" (over budget)" if code in p["rules_over_budget"] else ""))
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
