"""Defects the translation copied from its source: not the translation's errors.

A translation that keeps the source's lower-case sentence start, its space before a
comma, its "..", its Russian ")" smiley or its "Read also:" label is faithful; the
defect was there before the MT ran. With an aligned source, a finding of a rule listed
in ``copied.toml`` is dropped when its segment's source shows the same defect at least
as often as the translation's segment has findings of that rule. More findings than the
source has defects means the MT added some, and which ones cannot be told, so all stay.

The per-rule tests are data (``copied.toml``, one regex or a list per rule code); this
module applies them at one point of the pipeline, for every checker alike. A finding
outside an aligned unit, or in a unit without a source, is never touched.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from functools import lru_cache
from importlib import resources

import regex

from mtqa.model import Document, Finding


@lru_cache(maxsize=1)
def source_tests() -> dict[str, tuple[regex.Pattern, ...]]:
    """Rule code -> the patterns that find its defect in a source segment."""
    data = tomllib.loads(resources.files("mtqa").joinpath("copied.toml").read_text(encoding="utf-8"))
    return {code: tuple(regex.compile(p) for p in ([entry["source"]] if isinstance(entry["source"], str)
                                                  else entry["source"]))
            for code, entry in data.items()}


def source_count(code: str, source: str) -> int:
    """How often ``source`` shows the defect rule ``code`` flags (0 for a rule not listed)."""
    return sum(len(p.findall(source)) for p in source_tests().get(code, ()))


def drop_copied(document: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` without those whose defect the aligned source segment has too."""
    if not document.units or not document.has_source:  # nothing to compare: no patterns to compile
        return findings
    tests = source_tests()
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        if f.rule in tests:
            unit = document.unit_index(f.start)
            if unit is not None and document.units[unit].source:
                groups[(unit, f.rule)].append(i)
    copied = {i for (unit, code), members in groups.items()
              if source_count(code, document.units[unit].source) >= len(members) for i in members}
    return [f for i, f in enumerate(findings) if i not in copied] if copied else findings


__all__ = ["drop_copied", "source_count", "source_tests"]
