"""The registry: every checker code's own examples run through its checker, and every
code a run over the corpus and the seed emits is declared."""

from __future__ import annotations

import pytest

from mtqa.engine.examples import CheckerRunner, check_checker_examples
from mtqa.engine.registry import load_registry

REGISTRY = load_registry()
CODES = [r for r in REGISTRY.rules if not r.kind]


@pytest.fixture(scope="module")
def runner():
    runner = CheckerRunner()
    yield runner
    runner.close()


@pytest.mark.parametrize(
    "rule",
    [pytest.param(r, marks=[pytest.mark.languagetool] if r.checker == "grammar" else []) for r in CODES],
    ids=[r.id for r in CODES],
)
def test_checker_code_examples(rule, runner):
    assert check_checker_examples(rule, runner) == []


def test_every_checker_declares_codes():
    from mtqa.checkers import REGISTRY as CHECKERS

    assert set(REGISTRY.checkers()) == set(CHECKERS)


def test_lt_codes_resolve_to_the_languagetool_family():
    assert REGISTRY.resolve("LT-EN_A_VS_AN").id == "LT-*"
    assert REGISTRY.resolve("MTQA-XX-999") is None


def test_corpus_and_seed_emit_only_declared_codes(repo_root, seed_article):
    from mtqa.config.settings import load_settings
    from mtqa.pipeline import Pipeline

    settings = load_settings(overrides={"checkers.grammar.enabled": False}, search=False)
    with Pipeline(settings) as pipeline:
        report = pipeline.run([str(repo_root / "corpus"), str(seed_article)])
    emitted = {f.rule for _, f in report.iter_findings()}
    assert emitted and {code for code in emitted if REGISTRY.resolve(code) is None} == set()
