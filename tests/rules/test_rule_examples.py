"""Every example of every shipped rule: bad texts fire at exactly their marked spans, good
texts do not fire. One test per rule, with the rule code as the test id."""

from __future__ import annotations

import re

import pytest

from mtqa.engine import CompiledRules, load_rule_set
from mtqa.engine.examples import check_rule_examples

RULE_SET = load_rule_set()
# Compiled together, as in a real run: rules share one RE2 set pass.
COMPILED = CompiledRules(RULE_SET.rules)


@pytest.mark.parametrize("rule", RULE_SET.rules, ids=[r.id for r in RULE_SET.rules])
def test_rule_examples(rule):
    failures = check_rule_examples(rule, COMPILED)
    assert not failures, "\n".join(str(f) for f in failures)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_OBJECT_TAIL = re.compile(r"\bof\s+((?:the\s+|a\s+)?(?:[\w.'’-]+\s+){0,3}[\w'’-]+)$", re.IGNORECASE)


def _pattern_words(rule) -> str:
    source = " ".join((rule.regex, *rule.phrases, *rule.substitute)).lower()
    return source


@pytest.mark.parametrize("rule", [r for r in RULE_SET.rules if r.suggest], ids=[r.id for r in RULE_SET.rules if r.suggest])
def test_first_suggestion_is_a_drop_in_replacement(rule):
    """Applied to every bad example, the first suggestion must read as a replacement of the
    flagged span: no word doubled at either seam ("that is that is"), no name from the span
    lost or replaced by a fixed one ("stood Israel on its feet" -> "put Europe on alert"),
    and an object the span ends with, when it varies between examples ("of the summit",
    "of the St. Petersburg forum"), kept ("on the sidelines of" alone drops it)."""
    problems = []
    tails: dict[str, set[str]] = {}
    applied = []
    for example in rule.bad:
        for match in COMPILED.scan(example.text):
            if match.rule is not rule or not match.suggestions:
                continue
            applied.append((example.text, match))
            tail = _OBJECT_TAIL.search(match.text)
            if tail:  # the same formula before "of", different objects after it
                tails.setdefault(match.text[:tail.start()].lower(), set()).add(tail.group(1).lower())
    pattern = _pattern_words(rule)
    for text, match in applied:
        suggestion = match.suggestions[0]
        fixed = text[:match.start] + suggestion + text[match.end:]
        before = [w.lower() for w in _WORD.findall(text[:match.start])]
        after = [w.lower() for w in _WORD.findall(text[match.end:])]
        words = [w.lower() for w in _WORD.findall(suggestion)]
        for n in range(1, 4):
            if words and len(words) >= n and (before[-n:] == words[:n] or after[:n] == words[-n:]):
                if not (n == 1 and words[0] in ("a", "the")):
                    problems.append(f"{fixed!r}: word doubled at a seam")
                break
        for name in _WORD.findall(match.text)[1:]:
            if name[0].isupper() and name.lower() not in pattern and name.lower() not in suggestion.lower():
                problems.append(f"{fixed!r}: the suggestion drops {name!r} from the span")
        tail = _OBJECT_TAIL.search(match.text)
        if tail and len(tails[match.text[:tail.start()].lower()]) > 1 and not suggestion.lower().endswith(tail.group(1).lower()):
            problems.append(f"{fixed!r}: the suggestion drops the object {tail.group(1)!r}")
    assert not problems, "\n".join(problems)
