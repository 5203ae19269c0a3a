"""Registry of checkers by name; modules are imported only when a checker is used."""

from __future__ import annotations

import importlib

from mtqa.checkers.base import Checker, CheckerUnavailable

# Order is the order checkers run and appear in provenance.
REGISTRY: dict[str, str] = {
    "language": "mtqa.checkers.language:LanguageChecker",
    "rules": "mtqa.checkers.rules:RuleChecker",
    "consistency": "mtqa.checkers.consistency:ConsistencyChecker",
    "fluency": "mtqa.checkers.fluency:FluencyChecker",
    "grammar": "mtqa.checkers.grammar:GrammarChecker",
    "bilingual": "mtqa.checkers.bilingual:BilingualChecker",
    "reference": "mtqa.checkers.reference:ReferenceChecker",
    "vocabulary": "mtqa.checkers.vocabulary:VocabularyChecker",
    "naturalness": "mtqa.checkers.naturalness:NaturalnessChecker",
}


def available_checkers() -> list[str]:
    return list(REGISTRY)


def load_checker_class(name: str) -> type[Checker]:
    module_name, _, attr = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module_name), attr)


__all__ = ["Checker", "CheckerUnavailable", "REGISTRY", "available_checkers", "load_checker_class"]
