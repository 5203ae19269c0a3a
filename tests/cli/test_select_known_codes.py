"""--select/--ignore accept every code `mtqa rules list` knows, whichever checkers the
run skips: the precedence example of docs/configuration.md (`--select MTQA-HE-012
--ignore rules`) reports MTQA-HE-012, and a code of a checker that is not selected is
no typo. Entries that name nothing are still errors."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

ARTICLE = """---
title: Coalition talks
source_lang: he
---

The prime minister has not yet came down from the tree on the budget.

One of the leaders said he would bring the proposal to the rabbis myself before the vote.
"""


def _rules(tmp_path, *args) -> list[str]:
    (tmp_path / "a.md").write_text(ARTICLE)
    result = run_mtqa("check", "a.md", "--no-grammar", "-f", "json", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return sorted({f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]})


@pytest.mark.parametrize(("args", "expected"), [
    (("--select", "MTQA-HE-012", "--ignore", "rules"), ["MTQA-HE-012"]),
    (("--select", "MTQA-CONS-002", "--ignore", "consistency"), ["MTQA-CONS-002"]),
])
def test_a_selected_code_beats_its_ignored_checker(tmp_path, args, expected):
    assert _rules(tmp_path, *args) == expected


def test_a_code_of_a_checker_that_does_not_run_is_no_typo(tmp_path):
    assert "MTQA-HE-012" not in _rules(tmp_path, "--select", "consistency", "--ignore", "MTQA-HE-012")


def test_a_project_pack_code_is_known_when_the_rules_checker_is_ignored(tmp_path):
    (tmp_path / "house.yml").write_text(
        "pack: house\nrules:\n  - id: MTQA-HOUSE-001\n    name: no-budget\n    title: budget\n"
        "    category: style/awkward\n    severity: minor\n    message: house style\n"
        "    phrases: [\"the budget\"]\n    description: house style\n"
        "    examples:\n      bad: [\"On [[the budget]] again.\"]\n      good: [\"On money again.\"]\n")
    (tmp_path / "mtqa.toml").write_text('[checkers.rules]\npaths = ["house.yml"]\n')
    assert _rules(tmp_path, "--ignore", "rules", "--select", "MTQA-HOUSE-001") == ["MTQA-HOUSE-001"]


def test_a_typo_is_still_an_error(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    result = run_mtqa("check", "a.md", "--no-grammar", "--select", "MTQA-HX", "--ignore", "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "select: unknown rule code, pack, checker or category: 'MTQA-HX'" in result.stderr


@pytest.mark.parametrize("args", [("--select", "MTQA-CORE"), ("--select", "MTQA"), ("--ignore", "LT-"),
                                  ("--ignore", "LT")])
def test_a_code_prefix_only_runs_the_checkers_whose_codes_it_can_name(tmp_path, args):
    """A checker that cannot produce anything selected is not run (docs/configuration.md):
    `--select MTQA-CORE` or `--ignore LT-` started LanguageTool all the same, and failed the
    run (exit 2) when it could not be reached. The server named here refuses connections."""
    (tmp_path / "a.md").write_text(ARTICLE)
    result = run_mtqa("check", "a.md", "-f", "json", "--languagetool-url", "http://127.0.0.1:1", *args,
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["provenance"]["skipped"] == {"grammar": "not selected"}


def test_a_languagetool_code_prefix_wants_only_the_grammar_checker():
    from mtqa.selection import Selector

    only_lt = Selector.build(["LT-"], [])
    assert only_lt.checker_wanted("grammar", ["fluency/grammar"])
    assert not only_lt.checker_wanted("rules", ["fluency/grammar"])
    assert Selector.build(["LT-EN"], ["grammar"]).checker_wanted("grammar", [])  # the code is more specific
    assert not Selector.build(["MTQA-HE-012"], ["LT"]).checker_wanted("grammar", [])
