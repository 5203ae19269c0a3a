"""The `rules` checker: runs the YAML rule packs (calques, boilerplate, MT garbage, style).

Pack choice follows the source language: packs without `source_langs` (core, web, style)
always run when enabled; a language pack runs when the document's source language (or
`source_lang` in the settings) is one of its `source_langs`. When the source language is
unknown, the `unknown_source` option decides (see rules/README.md): by default only the
high-precision rules of the language packs run, with their confidence lowered, because a
calque such as "views with a bad eye" is wrong English whatever the source was.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mtqa.categories import CATEGORIES
from mtqa.checkers.base import Checker
from mtqa.config.settings import Settings
from mtqa.engine.loader import load_rule_set
from mtqa.engine.matchers import CompiledRules
from mtqa.engine.schema import Rule
from mtqa.errors import ConfigError
from mtqa.model import Document, Finding
from mtqa.report import RuleInfo

UNKNOWN_POLICIES = ("high-precision", "all", "none")
class RuleChecker(Checker):
    name = "rules"
    categories = CATEGORIES

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        options = self.options
        paths = tuple(settings.config_dir / Path(p) for p in options["paths"])
        self.rule_set = load_rule_set(paths)
        known = set(self.rule_set.packs)
        enable, disable = set(options["enable"]), set(options["disable"])
        for name in sorted((enable | disable) - known):
            raise ConfigError(f"checkers.rules: unknown rule pack {name!r}; known: {', '.join(sorted(known))}")
        self.enabled = {n for n, p in self.rule_set.packs.items() if (p.default_enabled or n in enable) and n not in disable}
        if options["unknown_source"] not in UNKNOWN_POLICIES:
            raise ConfigError(f"checkers.rules.unknown_source must be one of {', '.join(UNKNOWN_POLICIES)}")
        self._compiled: dict[str | None, tuple[CompiledRules, float]] = {}
        self._own_run = threading.local()  # a thread's run of its own (``own_run``)

    def rules_for(self, lang: str | None) -> tuple[list[Rule], float]:
        """The rules to run for a source language (None = unknown) and the confidence factor."""
        chosen: list[Rule] = []
        factor = 1.0
        policy = self.options["unknown_source"]
        for name in sorted(self.enabled):
            pack = self.rule_set.packs[name]
            if not pack.source_langs:
                chosen.extend(pack.rules)
            elif lang is not None:
                if lang in pack.source_langs:
                    chosen.extend(pack.rules)
            elif policy != "none":
                factor = self.options["unknown_confidence_factor"]
                chosen.extend(r for r in pack.rules
                              if policy == "all" or r.confidence >= self.options["high_precision"])
        return chosen, factor

    def compiled_for(self, lang: str | None) -> tuple[CompiledRules, float]:
        cached = self._compiled.get(lang)
        if cached is None:
            rules, factor = self.rules_for(lang)
            cached = self._compiled[lang] = (CompiledRules(rules), factor)
        return cached

    def check(self, document: Document) -> Iterator[Finding]:
        lang = document.source_lang or self.settings.source_lang  # both already codes
        compiled, factor = self.compiled_for(lang)
        for match in compiled.scan(document.analysis_text, getattr(self._own_run, "timeouts", None)):
            rule = match.rule
            language_pack = bool(self.rule_set.packs[rule.pack].source_langs)
            yield document.finding(
                rule=rule.id, checker=self.name, category=rule.category, severity=rule.severity,
                message=match.message, start=match.start, end=match.end, suggestions=match.suggestions,
                confidence=rule.confidence * (factor if language_pack else 1.0),
                applicability=rule.applicability,
            )

    @contextmanager
    def own_run(self) -> Iterator[None]:
        """Until the block ends, this thread's checks are a run of their own: rule timeouts
        are counted, a runaway rule switched off and ``describe``'s ``timeouts`` reported for
        them alone. `mtqa serve` runs each request so: one client's slow text switches a
        rule off for that request, never for every later request of every client."""
        self._own_run.timeouts = {}
        try:
            yield
        finally:
            del self._own_run.timeouts

    def rule_infos(self) -> list[RuleInfo]:
        return [rule.info() for rule in self.rule_set.rules]

    def describe(self) -> dict:
        packs = {}
        for name in sorted(self.enabled):
            pack = self.rule_set.packs[name]
            digest = hashlib.sha256()
            for file in pack.files:
                digest.update(Path(file).read_bytes())
            packs[name] = {"rules": len(pack.rules), "source_langs": list(pack.source_langs),
                           "sha256": digest.hexdigest()[:16]}
        own = getattr(self._own_run, "timeouts", None)
        timeouts = Counter(own) if own is not None else \
            sum((Counter(compiled.timeouts) for compiled, _ in self._compiled.values()), Counter())
        result = {"packs": packs, "unknown_source": self.options["unknown_source"]}
        if timeouts:
            result["timeouts"] = dict(timeouts)
        return result
