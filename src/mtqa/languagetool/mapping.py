"""LanguageTool category / issue type / rule id -> MQM category, severity and confidence.

The table is data (mapping.toml beside this file); this module only loads it and looks
matches up, so tuning the mapping never touches code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mtqa.categories import validate_category
from mtqa.languagetool.variants import VariantSpelling
from mtqa.model import Severity


@dataclass(frozen=True, slots=True)
class Mapped:
    category: str
    severity: Severity
    confidence: float


class Mapping:
    def __init__(self, data: dict) -> None:
        self.rules: dict[str, dict] = data.get("rules", {})
        self.patterns = [(re.compile(p), entry) for p, entry in data.get("rule_patterns", {}).items()]
        self.categories: dict[str, dict] = data.get("categories", {})
        self.issue_types: dict[str, dict] = data.get("issue_types", {})
        self.fallback: dict = data["fallback"]
        disabled = data.get("disabled", {})
        self.disabled_rules: tuple[str, ...] = tuple(disabled.get("rules", ()))
        self.disabled_categories: tuple[str, ...] = tuple(disabled.get("categories", ()))
        self.variants = VariantSpelling(data.get("spelling_variants", {}))
        for table in (self.rules, self.categories, self.issue_types, dict(enumerate(e for _, e in self.patterns))):
            for entry in table.values():
                if "category" in entry:
                    validate_category(entry["category"])
                if "severity" in entry:
                    Severity.parse(entry["severity"])
        self._memo: dict[tuple[str, str, str], Mapped] = {}

    def lookup(self, rule_id: str, category_id: str, issue_type: str) -> Mapped:
        key = (rule_id, category_id, issue_type)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._resolve(rule_id, category_id, issue_type)
        return found

    def _resolve(self, rule_id: str, category_id: str, issue_type: str) -> Mapped:
        layers = [self.rules.get(rule_id)]
        layers.append(next((entry for pattern, entry in self.patterns if pattern.fullmatch(rule_id)), None))
        layers += [self.categories.get(category_id), self.issue_types.get(issue_type), self.fallback]
        merged: dict = {}
        for layer in layers:
            for key, value in (layer or {}).items():
                merged.setdefault(key, value)
        return Mapped(merged["category"], Severity.parse(merged["severity"]), float(merged["confidence"]))


@lru_cache(maxsize=1)
def default_mapping() -> Mapping:
    text = resources.files("mtqa.languagetool").joinpath("mapping.toml").read_text(encoding="utf-8")
    return Mapping(tomllib.loads(text))
