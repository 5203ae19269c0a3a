"""Every example of every shipped rule: bad texts fire at exactly their marked spans, good
texts do not fire. One test per rule, with the rule code as the test id."""

from __future__ import annotations

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
