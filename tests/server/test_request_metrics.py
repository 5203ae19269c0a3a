"""/api/check reports the metrics of its own request's text, never a total over the
requests the server has answered before or answers at the same time."""

from __future__ import annotations

import concurrent.futures

import pytest
import requests

from mtqa.server import ServerConfig
from tests.server.conftest import live_server, no_grammar_settings

SAME = "The cat sat on the mat."


def _metrics(url: str, payload: dict) -> tuple[dict | None, dict | None]:
    report = requests.post(f"{url}/api/check", json=payload, timeout=60).json()
    scores = lambda m: m and {name: value["score"] for name, value in m.items()}  # noqa: E731
    return scores(report.get("metrics")), scores(report["documents"][0].get("metrics"))


@pytest.fixture(scope="module")
def four_worker_url():
    settings = no_grammar_settings()
    with live_server(settings, ServerConfig.from_settings(settings.server, concurrency=4)) as url:
        yield url


def test_each_request_gets_its_own_metrics_and_none_without_a_reference(four_worker_url):
    perfect = {"bleu": 100.0, "chrf": 100.0, "ter": 0.0}
    assert _metrics(four_worker_url, {"text": SAME, "reference": SAME}) == (perfect, perfect)
    report, document = _metrics(four_worker_url, {"text": "A dog barked loudly.",
                                                  "reference": "Completely different words here."})
    assert report == document and report["chrf"] < 20
    assert _metrics(four_worker_url, {"text": "Plain text, no reference."}) == (None, None)
    assert _metrics(four_worker_url, {"text": SAME, "reference": SAME}) == (perfect, perfect)


def test_concurrent_clients_do_not_get_each_others_metrics(four_worker_url):
    text = " ".join(["The minister said the talks would go on next week in the capital."] * 30)

    def check(i: int) -> tuple[bool, float | None, float | None]:
        identical = i % 2 == 0
        reference = text if identical else "Completely different words here. " * 20
        report, document = _metrics(four_worker_url, {"text": text, "reference": reference})
        return identical, report and report["chrf"], document and document["chrf"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(check, range(48)))
    assert [(same, chrf == 100.0, doc == 100.0) for same, chrf, doc in answers] == \
        [(same, same, same) for same, _, _ in answers]
