"""Numbers of a source segment and its English translation, as sets of possible values.

A written number can mean several values ("1.000" is a thousand in German and one in
English, "2,5" is two and a half in Czech, "5m" is five million or five metres), so each
number carries every value it may stand for, and two numbers agree when their value sets
meet. That keeps real-world formats (decimal commas, space- and dot-grouped thousands,
万/億 multipliers, Hebrew, Arabic and Cyrillic scale words) from being flagged while a changed
digit, a million that became a billion, or a dropped number still is.

The two directions are deliberately asymmetric. A target number must be explained by
anything in the source (digits, number words, CJK numerals, month names); a source number
must be found in the target, but only source *digits* are checked that way, since a
source number word may legitimately become a phrase ("zwei" -> "a couple").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mtqa.checkers.bilingual.index import Explainers, Intervals, Points
from mtqa.checkers.bilingual.lexicon import FULLWIDTH, value_key
from mtqa.checkers.bilingual.readings import rendered_spans
from mtqa.checkers.bilingual.written_numbers import Number, source_numbers, target_numbers

# "a week", "an hour": English writes the source's 1 as an article.
_ARTICLE = re.compile(r"\b(?:an?)\b", re.IGNORECASE)


def _rounded(number: Number) -> float | None:
    """Half the unit of the last digit when ``number`` was rounded ("2.5 million", "3.2%")."""
    if number.places is not None and (number.scaled or number.places < 1):
        return number.places / 2 + 1e-9
    return None


def explained(number: Number, values: set[float], others: Points) -> bool:
    """Does ``number`` agree with one of ``values`` (or, if it was rounded, with one of ``others``)?"""
    if any(value_key(v) in values for v in number.values):
        return True
    tolerance = _rounded(number)
    return tolerance is not None and any(others.within(v - tolerance, v + tolerance) for v in number.values)


@dataclass(slots=True)
class Comparison:
    """The numbers of one aligned segment that do not agree."""

    unexplained_target: list[Number] = field(default_factory=list)
    missing_source: list[Number] = field(default_factory=list)
    source: list[Number] = field(default_factory=list)


# Invisible format characters web text carries (soft hyphen, zero-width space and joiners,
# direction marks, BOM): read as the space they sit in, so "280\u200bmillion" is 280 million.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


_GROUPS = re.compile(r"\d+(?:[.,]\d+)+")


class _SourceRuns:
    """The source's digit numbers in text order, indexed by their digits (built once)."""

    def __init__(self, src_numbers: list[Number], source: str) -> None:
        self.ordered = sorted((n for n in src_numbers if n.kind == "digits"), key=lambda n: n.start)
        self.digits = [re.sub(r"\D", "", n.text) for n in self.ordered]
        self.at: dict[str, list[int]] = {}
        for i, d in enumerate(self.digits):
            self.at.setdefault(d, []).append(i)
        self.source = source


MAX_TRIES = 8  # source places tried per target number: the work stays linear


def joins_source_numbers(text: str, runs: _SourceRuns) -> list[Number]:
    """Is ``text`` ("95.03") two or more numbers the source writes apart ("E 95 03", a
    locomotive; "+7 905 989 9172", a phone number; "S1000 130х185", a model and its size)
    joined by a point or comma? Those are identifiers reformatted, not a number changed. The
    source numbers must stand next to each other (only spaces between) and split where the
    target's groups split; a single source number written with spaces ("144 613") is not
    several, so "144.613" for it is still reported. Returns the source numbers joined."""
    if not _GROUPS.fullmatch(text):
        return []
    groups = re.split(r"[.,]", text)
    digits = "".join(groups)
    cuts = [sum(len(g) for g in groups[:i]) for i in range(1, len(groups))]
    for cut in cuts:
        for i in runs.at.get(digits[:cut], ())[:MAX_TRIES]:
            j, joined = i, cut
            while joined < len(digits) and j + 1 < len(runs.ordered):
                following = runs.ordered[j + 1]
                if runs.source[runs.ordered[j].end:following.start].strip():
                    break
                j += 1
                joined += len(runs.digits[j])
                if joined not in cuts and joined != len(digits):
                    break
            if joined == len(digits) and j > i and "".join(runs.digits[i:j + 1]) == digits:
                return runs.ordered[i:j + 1]
    return []


def compare(source: str, target: str, source_lang: str | None = None,
            target_skip: list[tuple[int, int]] = (), source_skip: list[tuple[int, int]] = ()) -> Comparison:
    """Target numbers the source does not explain, and source numbers the target lacks.

    Each number form of the target accounts for one source number, so a number the
    source gives twice must appear twice (in digits or words) in the translation.
    """
    source, target = _INVISIBLE.sub(" ", source), _INVISIBLE.sub(" ", target)
    src_numbers, src_values = source_numbers(source, source_lang, source_skip)
    tgt_numbers, explainers = target_numbers(target, target_skip)
    result = Comparison(source=src_numbers)
    src_points = None  # built only when a number is not found as it is written
    runs = None
    for number in tgt_numbers:
        if any(value_key(v) in src_values for v in number.values):
            continue
        src_points = src_points or Points(v for n in src_numbers for v in n.values)
        if not explained(number, src_values, src_points) and not (  # "April 3 410 bodies": 3 and 410
                number.parts and all(explained(part, src_values, src_points) for part in number.parts)):
            runs = runs or _SourceRuns(src_numbers, source)
            joined = joins_source_numbers(number.text, runs)
            if joined:  # each source number it joins is accounted for
                explainers += [{value_key(v) for v in n.values} for n in joined]
            else:
                result.unexplained_target.append(number)
    if not src_numbers:
        return result
    rendered = rendered_spans(source.translate(FULLWIDTH), target)
    if rendered:  # 1位 -> "comes top": the number needs no digits
        src_numbers = [n for n in src_numbers if not any(s <= n.start < e for s, e in rendered)]
    keys = [{value_key(v) for v in n.values} for n in src_numbers]
    if any(1.0 in k for k in keys):
        explainers += [{1.0} for _ in _ARTICLE.finditer(target)]
    forms = Explainers(explainers)
    tgt_keys, tgt_rounded = None, None
    missing = set()
    for i in sorted(range(len(src_numbers)), key=lambda i: forms.count(keys[i])):  # the rarest values first
        if forms.take(keys[i]) is not None:
            continue
        if forms.any(keys[i]):
            missing.add(i)  # given twice in the source, once in the translation
            continue
        if tgt_keys is None:
            tgt_keys = {value_key(v) for t in tgt_numbers for v in t.values}
            tgt_rounded = Intervals((v - tol, v + tol) for t in tgt_numbers if (tol := _rounded(t)) is not None
                                    for v in t.values)
        if not (keys[i] & tgt_keys or any(tgt_rounded.meets(w, w) for w in src_numbers[i].values)):
            missing.add(i)
    result.missing_source = [n for i, n in enumerate(src_numbers) if i in missing]
    return result
