"""A rule pack's runaway pattern costs only the request whose text made it time out: the
switch that turns it off after MAX_TIMEOUTS timeouts works within a run (a `mtqa check`
run, one request), never across the requests of `mtqa serve`."""

from __future__ import annotations

import pytest
import requests

from mtqa.checkers.rules import RuleChecker
from mtqa.engine.matchers import MAX_TIMEOUTS
from mtqa.model import Document
from mtqa.server import ServerConfig
from tests.cli.test_check_options import RUNAWAY_PACK
from tests.server.conftest import live_server, no_grammar_settings

RUNAWAY = "Words " + "a" * 5000 + "b."
CLEAN = "The aac here."  # the rule's own finding


@pytest.fixture(scope="module")
def slow_settings(tmp_path_factory):
    pack = tmp_path_factory.mktemp("pack") / "slow.yml"
    pack.write_text(RUNAWAY_PACK, encoding="utf-8")
    return no_grammar_settings(**{"checkers.rules.paths": [str(pack)]})


def _check(url: str, text: str) -> tuple[list[str], dict | None]:
    report = requests.post(f"{url}/api/check", json={"text": text}, timeout=60).json()
    rules = [f["rule"] for f in report["documents"][0]["findings"] if f["rule"].startswith("MTQA-SLOW")]
    return rules, report["provenance"]["checker_details"]["rules"].get("timeouts")


def test_timeouts_of_other_requests_never_switch_a_rule_off(slow_settings):
    with live_server(slow_settings, ServerConfig.from_settings(slow_settings.server)) as url:
        assert _check(url, CLEAN) == (["MTQA-SLOW-001"], None)
        for _ in range(MAX_TIMEOUTS + 1):
            assert _check(url, RUNAWAY) == ([], {"MTQA-SLOW-001": 1})  # its own timeout, not a total
        assert _check(url, CLEAN) == (["MTQA-SLOW-001"], None)
        answer = requests.post(f"{url}/v2/check", data={"text": CLEAN, "language": "en-US"}, timeout=60).json()
        assert "MTQA-SLOW-001" in [m["rule"]["id"] for m in answer["matches"]]


def test_within_one_run_the_rule_is_still_switched_off(slow_settings):
    checker = RuleChecker(slow_settings)

    def found(text: str) -> list[str]:
        return [f.rule for f in checker.check(Document(id="d", path="d", text=text))]

    for _ in range(2):  # two runs of their own, as two requests are
        with checker.own_run():
            for _ in range(MAX_TIMEOUTS):
                assert found(RUNAWAY) == []
            assert found(CLEAN) == []  # switched off for the rest of this run
            assert checker.describe()["timeouts"] == {"MTQA-SLOW-001": MAX_TIMEOUTS}
    assert found(CLEAN) == ["MTQA-SLOW-001"]  # the checker's own run never timed out
    assert "timeouts" not in checker.describe()
