"""Run rules' own examples: every `bad` text must be flagged at exactly its marked spans, and
no `good` text may be flagged. The test suite and `mtqa rules test` share this harness, so
a user's pack is checked exactly as the shipped ones are, and a Python checker's codes
exactly as the packs': the example goes through the checker with the context it declares
(aligned source or reference, source language, configuration).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from mtqa.engine.matchers import CompiledRules
from mtqa.engine.schema import Example, Rule

# What a rule flags in an example: (start, end, suggestions) in the example's own text.
Flagged = list[tuple[int, int, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.problem}"


def _compare(rule: Rule, flag: Callable[[Example], Flagged]) -> list[ExampleFailure]:
    failures: list[ExampleFailure] = []
    for example in rule.bad:
        where, flagged = f"{rule.file}:{example.line}", sorted(flag(example))
        got = [(s, e) for s, e, _ in flagged]
        if got != sorted(example.spans):
            failures.append(ExampleFailure(rule.id, where, f"bad example {example.text!r}: expected "
                                           f"{[example.text[s:e] for s, e in example.spans]}, "
                                           f"flagged {[example.text[s:e] for s, e in got] or 'nothing'}"))
        elif example.suggest is not None and flagged[0][2][:1] != (example.suggest,):
            failures.append(ExampleFailure(rule.id, where, f"bad example {example.text!r}: expected suggestion "
                                           f"{example.suggest!r}, got {list(flagged[0][2])}"))
    for example in rule.good:
        flagged = flag(example)
        if flagged:
            failures.append(ExampleFailure(rule.id, f"{rule.file}:{example.line}", f"good example "
                                           f"{example.text!r} flagged {[example.text[s:e] for s, e, _ in flagged]}"))
    return failures


def check_rule_examples(rule: Rule, compiled: CompiledRules | None = None) -> list[ExampleFailure]:
    """Failures of one pack rule's examples (empty when they all pass).

    ``compiled`` may hold many rules (as in a real run, where rules share one RE2 set);
    only this rule's matches count.
    """
    compiled = compiled or CompiledRules([rule])
    return _compare(rule, lambda example: [(m.start, m.end, m.suggestions) for m in compiled.scan(example.text)
                                           if m.rule is rule])


class CheckerRunner:
    """Runs a Python checker's examples; checkers are built once per configuration and closed."""

    def __init__(self) -> None:
        self._checkers: dict[tuple, Any] = {}

    def flagged(self, rule: Rule, example: Example) -> Flagged:
        document = self._document(rule, example)
        checker = self._checker(rule.checker, example.context.get("config", {}))
        found = [f for f in checker.check(document) if f.rule == rule.id or rule.id.endswith("*")]
        if not example.context.get("xliff"):
            return [(f.start, f.end, f.suggestions) for f in found]
        from mtqa.readers.inline import restore_span

        flagged = []
        for f in found:  # the example is XLIFF markup: find the flagged markup in it
            markup = restore_span(document, f.start, f.end)
            flagged.append((example.text.find(markup), example.text.find(markup) + len(markup), f.suggestions))
        return flagged

    @staticmethod
    def _document(rule: Rule, example: Example):
        from mtqa.model import Document
        from mtqa.readers.lines import split_lines
        from mtqa.readers.parallel import attach

        context, path = example.context, f"{rule.file}:{example.line}"
        if context.get("xliff"):  # one XLIFF unit: the text is the target's inline markup
            from lxml import etree

            from mtqa.readers.inline import tagged_document, tagged_unit

            source, target = (etree.fromstring(f"<{tag}>{markup}</{tag}>")
                              for tag, markup in (("source", context["source"]), ("target", example.text)))
            return tagged_document("example", path, [tagged_unit("1", source, target)], context.get("source_lang"), {})
        document = Document(id="example", path=path, text=example.text, source_lang=context.get("source_lang"))
        if "source" in context or "reference" in context:
            lines = [split_lines(context[key]) if key in context else None for key in ("source", "reference")]
            document = attach(document, *lines)
        return document

    def _checker(self, name: str, config: dict):
        from mtqa.checkers import load_checker_class
        from mtqa.config.settings import load_settings

        key = (name, repr(sorted(config.items())))
        if key not in self._checkers:
            self._checkers[key] = load_checker_class(name)(load_settings(overrides=config, search=False))
        return self._checkers[key]

    def close(self) -> None:
        for checker in self._checkers.values():
            checker.close()
        self._checkers.clear()


def check_checker_examples(rule: Rule, runner: CheckerRunner) -> list[ExampleFailure]:
    """Failures of one checker code's examples (empty when they all pass)."""
    return _compare(rule, lambda example: runner.flagged(rule, example))


def check_examples(rules: Iterable[Rule]) -> dict[str, list[ExampleFailure]]:
    """Failures per rule code: pack rules compiled together as a run would be, checker codes
    through their checkers."""
    rules = list(rules)
    compiled = CompiledRules([r for r in rules if r.kind])
    runner = CheckerRunner()
    try:
        return {rule.id: check_rule_examples(rule, compiled) if rule.kind else check_checker_examples(rule, runner)
                for rule in rules}
    finally:
        runner.close()
