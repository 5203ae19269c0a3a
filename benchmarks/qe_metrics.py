"""The measures of the labelled QE sets (`shared/qe/README.md`), shared by every detection benchmark.

One definition of character F1, finding precision and major recall, so that the rule
benchmarks, the learned detector's training script and the README all quote the same
numbers. Spans are `(start, end, severity)` in code points of one segment's target,
end exclusive; `severity` is `minor` or `major` (critical counts as major).

An empty span marks an omission at a point. As in the WMT 2023 QE task it counts as one
unit: a gold omission at `p` is found by a predicted omission at `p` or by a predicted span
with `start <= p <= end`; a predicted omission at `p` is right when a gold omission sits at
`p` or a gold span has `start <= p <= end`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

Span = tuple[int, int, str]

SHARED = Path(os.environ.get("MTQA_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
QE = SHARED / "qe"


def normalise_severity(value: str) -> str | None:
    """`major`/`minor`, or None for labels that are not errors (MQM `Neutral`, `No-error`)."""
    value = (value or "").strip().lower()
    if value in {"major", "critical"}:
        return "major"
    if value == "minor":
        return "minor"
    return None


@dataclass(frozen=True)
class Segment:
    """One labelled MT segment: what the benchmark feeds to mtqa and scores against."""

    id: str
    source: str
    target: str
    gold: tuple[Span, ...]
    doc: str
    system: str = ""
    is_human: bool = False


def load_he_en(path: Path | None = None) -> list[Segment]:
    """he-en dev without the synthetic hallucinations; neighbouring sids share an article,
    but no document ids exist, so each segment is its own document."""
    path = path or QE / "he-en-dev.jsonl"
    segments = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("synthetic"):
                continue
            gold = tuple(
                (e["start"], e["end"], sev)
                for e in record["errors"]
                if (sev := normalise_severity(e["severity"]))
            )
            sid = str(record["sid"])
            segments.append(Segment(sid, record["source"], record["target"], gold, doc=f"he-{sid}"))
    return segments


def load_zh_en(path: Path | None = None, include_human: bool = False) -> list[Segment]:
    """zh-en newstest2021, target-side spans only; documents are `system/doc` so that
    document-level checkers see one system's article at a time."""
    path = path or QE / "zh-en-newstest2021.jsonl"
    segments = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("is_human_reference") and not include_human:
                continue
            gold = tuple(
                (e["start"], e["end"], sev)
                for e in record.get("errors") or []
                if e.get("side", "target") == "target" and (sev := normalise_severity(e.get("severity")))
            )
            segments.append(
                Segment(
                    record["id"],
                    record["source"],
                    record["target"],
                    gold,
                    doc=f"{record['system']}/{record['doc']}",
                    system=record["system"],
                    is_human=bool(record.get("is_human_reference")),
                )
            )
    return segments


def _units(spans: Iterable[Span], length: int) -> dict[object, str]:
    """Unit → severity: code-point indices for spans, ('gap', p) for empty spans."""
    units: dict[object, str] = {}
    for start, end, severity in spans:
        keys: Iterator[object] = iter(range(max(0, start), min(end, length))) if end > start else iter([("gap", start)])
        for key in keys:
            if units.get(key) != "major":
                units[key] = severity
    return units


def _credit(mine: str, theirs: str) -> float:
    return 1.0 if mine == theirs else 0.5


@dataclass
class Score:
    """Running totals over segments; `add` one segment at a time, read the ratios at the end."""

    gold_units: float = 0.0
    pred_units: float = 0.0
    recall_credit: float = 0.0
    precision_credit: float = 0.0
    findings: int = 0
    findings_overlapping: int = 0
    major_gold: int = 0
    major_found: int = 0
    extra: dict = field(default_factory=dict)

    def add(self, target: str, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
        gold = [(s, e, sev) for s, e, sev in gold]
        predicted = [(s, e, sev) for s, e, sev in predicted]
        n = len(target)
        g = _units(gold, n)
        p = _units(predicted, n)
        self.gold_units += len(g)
        self.pred_units += len(p)
        for key, sev in g.items():
            match = p.get(key) or (_covering(predicted, key[1]) if isinstance(key, tuple) else None)
            if match:
                self.recall_credit += _credit(match, sev)
        for key, sev in p.items():
            match = g.get(key) or (_covering(gold, key[1]) if isinstance(key, tuple) else None)
            if match:
                self.precision_credit += _credit(match, sev)
        self.findings += len(predicted)
        self.findings_overlapping += sum(any(overlaps(f, s) for s in gold) for f in predicted)
        majors = [s for s in gold if s[2] == "major"]
        self.major_gold += len(majors)
        self.major_found += sum(any(overlaps(f, s) for f in predicted) for s in majors)

    @property
    def char_precision(self) -> float:
        return self.precision_credit / self.pred_units if self.pred_units else 0.0

    @property
    def char_recall(self) -> float:
        return self.recall_credit / self.gold_units if self.gold_units else 0.0

    @property
    def char_f1(self) -> float:
        p, r = self.char_precision, self.char_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def finding_precision(self) -> float:
        return self.findings_overlapping / self.findings if self.findings else 0.0

    @property
    def major_recall(self) -> float:
        return self.major_found / self.major_gold if self.major_gold else 0.0

    def as_dict(self) -> dict:
        return {
            "char_f1": round(self.char_f1, 4),
            "char_precision": round(self.char_precision, 4),
            "char_recall": round(self.char_recall, 4),
            "finding_precision": round(self.finding_precision, 4),
            "major_recall": round(self.major_recall, 4),
            "findings": self.findings,
        }


def _covering(spans: Iterable[Span], point: int) -> str | None:
    """The most severe span with start <= point <= end (an omission point touching it)."""
    best = None
    for start, end, severity in spans:
        if start <= point <= end and best != "major":
            best = severity
    return best


def overlaps(a: Span, b: Span) -> bool:
    """Two spans share a character, or an empty one touches the other (inclusive ends)."""
    (s1, e1, _), (s2, e2, _) = a, b
    if e1 > s1 and e2 > s2:
        return s1 < e2 and s2 < e1
    return s1 <= e2 and s2 <= e1
