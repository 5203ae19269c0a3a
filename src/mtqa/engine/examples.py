"""Run rules' own examples: every `bad` text must be flagged at exactly its marked spans, and
no `good` text may be flagged. The test suite and `mtqa rules test` share this harness, so
a user's pack is checked exactly as the shipped ones are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mtqa.engine.matchers import CompiledRules
from mtqa.engine.schema import Rule


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.problem}"


def _spans(compiled: CompiledRules, rule: Rule, text: str):
    return [m for m in compiled.scan(text) if m.rule is rule]


def check_rule_examples(rule: Rule, compiled: CompiledRules | None = None) -> list[ExampleFailure]:
    """Failures of one rule's examples (empty when they all pass).

    ``compiled`` may hold many rules (as in a real run, where rules share one RE2 set);
    only this rule's matches count.
    """
    compiled = compiled or CompiledRules([rule])
    failures: list[ExampleFailure] = []
    for example in rule.bad:
        where = f"{rule.file}:{example.line}"
        matches = _spans(compiled, rule, example.text)
        got = sorted((m.start, m.end) for m in matches)
        want = sorted(example.spans)
        if got != want:
            shown = [example.text[s:e] for s, e in got] or "nothing"
            failures.append(ExampleFailure(rule.id, where, f"bad example {example.text!r}: expected "
                                           f"{[example.text[s:e] for s, e in want]}, flagged {shown}"))
        elif example.suggest is not None and (not matches or matches[0].suggestions[:1] != (example.suggest,)):
            found = matches[0].suggestions if matches else ()
            failures.append(ExampleFailure(rule.id, where, f"bad example {example.text!r}: expected suggestion "
                                           f"{example.suggest!r}, got {list(found)}"))
    for text in rule.good:
        matches = _spans(compiled, rule, text)
        if matches:
            failures.append(ExampleFailure(rule.id, f"{rule.file}:{rule.line}",
                                           f"good example {text!r} flagged {[m.text for m in matches]}"))
    return failures


def check_examples(rules: Iterable[Rule]) -> dict[str, list[ExampleFailure]]:
    """Failures per rule code for every rule given, compiled together as a run would be."""
    rules = list(rules)
    compiled = CompiledRules(rules)
    return {rule.id: check_rule_examples(rule, compiled) for rule in rules}
