"""Acceptance: the number checks on real WMT data (perturbed and unperturbed references)."""

from __future__ import annotations

import random

import pytest

from tests.bilingual.perturb import load_pairs, number_checker, number_findings, perturb_sample

SEED = 20221207


@pytest.fixture(scope="module")
def pairs(wmt_dir):
    loaded = load_pairs(wmt_dir)
    if len(loaded) < 1000:
        pytest.skip("WMT corpus too small")
    return loaded


def test_perturbed_numbers_are_found(pairs):
    checker = number_checker()
    sample = perturb_sample(pairs, 200, SEED)
    originals = number_findings(checker, [(p.lang, p.source, p.target) for p, _, _ in sample])
    perturbed = number_findings(checker, [(p.lang, p.source, t) for p, _, t in sample])
    missed = [(p.where, kind, t) for (p, kind, t), before, after in zip(sample, originals, perturbed)
              if not (after - before)]
    assert {kind for _, kind, _ in sample} == {"change-digit", "swap-scale", "drop-number"}
    assert len(missed) <= 10, f"{len(missed)}/200 perturbations missed: {missed[:10]}"


def test_unperturbed_references_are_rarely_flagged(pairs):
    rng = random.Random(SEED)
    sample = rng.sample(pairs, 3000)
    findings = number_findings(number_checker(), [(p.lang, p.source, p.target) for p in sample])
    flagged = [(p.where, list(f)) for p, f in zip(sample, findings) if f]
    assert len(flagged) <= 30, f"{len(flagged)}/3000 flagged: {flagged[:10]}"
