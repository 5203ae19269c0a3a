"""Number perturbations of real WMT references, for measuring the bilingual number checks.

Three kinds, as a translation system gets numbers wrong: a digit changed, million and
billion swapped, a number dropped. Everything is driven by one seeded Random, so a run is
reproducible.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mtqa.checkers.bilingual import BilingualChecker
from mtqa.checkers.bilingual.written_numbers import target_numbers
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units

NUMBER_RULES = frozenset({"MTQA-BI-010", "MTQA-BI-011", "MTQA-BI-012"})
_SCALE = re.compile(r"(?<=\d)(\s+|-)(million|billion)\b")
_DIGITS = re.compile(r"^\d[\d,.]*$")


@dataclass(frozen=True)
class Pair:
    lang: str
    source: str
    target: str
    where: str


def load_pairs(wmt_dir: Path) -> list[Pair]:
    pairs = []
    for folder in sorted(p for p in wmt_dir.glob("*/*") if (p / "source.txt").is_file()):
        lang = folder.name.split("-")[0]
        sources = (folder / "source.txt").read_text(encoding="utf-8").split("\n")
        references = (folder / "reference.txt").read_text(encoding="utf-8").split("\n")
        for i, (s, r) in enumerate(zip(sources, references)):
            if s.strip() and r.strip():
                pairs.append(Pair(lang, s, r, f"{folder.parent.name}/{folder.name}:{i + 1}"))
    return pairs


def change_digit(text: str, rng: random.Random) -> str | None:
    numbers = [n for n in target_numbers(text)[0] if _DIGITS.match(n.text)]
    if not numbers:
        return None
    number = rng.choice(numbers)
    positions = [i for i in range(number.start, number.start + len(number.text)) if text[i].isdigit()]
    pos = rng.choice(positions)
    choices = [d for d in "0123456789" if d != text[pos] and not (d == "0" and pos == number.start)]
    return text[:pos] + rng.choice(choices) + text[pos + 1:]


def swap_scale(text: str, rng: random.Random) -> str | None:
    matches = list(_SCALE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    other = "billion" if m.group(2) == "million" else "million"
    return text[:m.start(2)] + other + text[m.end(2):]


def drop_number(text: str, rng: random.Random) -> str | None:
    numbers = [n for n in target_numbers(text)[0] if _DIGITS.match(n.text) or n.scaled]
    if not numbers:
        return None
    number = rng.choice(numbers)
    start, end = number.start, number.end
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " ":
        start -= 1
    return text[:start] + text[end:]


PERTURBATIONS = {"change-digit": change_digit, "swap-scale": swap_scale, "drop-number": drop_number}


def perturb_sample(pairs: list[Pair], count: int, seed: int) -> list[tuple[Pair, str, str]]:
    """``count`` (pair, kind, perturbed target): a third of each kind where possible."""
    rng = random.Random(seed)
    scaled = [p for p in pairs if _SCALE.search(p.target)]
    numeric = [p for p in pairs if target_numbers(p.target)[0]]
    chosen: list[tuple[Pair, str, str]] = []
    quotas = {"swap-scale": count // 3, "drop-number": count // 3}
    quotas["change-digit"] = count - sum(quotas.values())
    for kind, quota in quotas.items():
        pool = scaled if kind == "swap-scale" else numeric
        taken: set[str] = set()
        attempts = 0
        while sum(1 for c in chosen if c[1] == kind) < quota and attempts < 50 * count:
            attempts += 1
            pair = rng.choice(pool)
            if pair.where in taken:
                continue
            perturbed = PERTURBATIONS[kind](pair.target, rng)
            if perturbed is not None and perturbed != pair.target:
                taken.add(pair.where)
                chosen.append((pair, kind, perturbed))
    return chosen


def number_checker() -> BilingualChecker:
    settings = load_settings(overrides={"checkers.bilingual.language_id": False})
    return BilingualChecker(settings)


def number_findings(checker: BilingualChecker, items: list[tuple[str, str, str]]) -> list[Counter]:
    """Per (lang, source, target): a Counter of (rule, message) of its number findings."""
    results = []
    for lang in sorted({i[0] for i in items}):
        group = [(k, i) for k, i in enumerate(items) if i[0] == lang]
        units = [Unit(target=t, source=s, id=str(k)) for k, (_, s, t) in group]
        document = document_from_units("wmt", "wmt", units, lang)
        found: dict[str, Counter] = {str(k): Counter() for k, _ in group}
        for finding in checker.check(document):
            if finding.rule in NUMBER_RULES:
                found[finding.segment][(finding.rule, finding.message)] += 1
        results.extend((k, found[str(k)]) for k, _ in group)
    return [c for _, c in sorted(results, key=lambda kc: kc[0])]
