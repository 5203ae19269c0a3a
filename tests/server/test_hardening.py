"""Hardening defaults: Host check, CORS, token, size limits, malformed input, busy server.

Each refusal must be a 4xx/503 with a clear message, and the server must keep serving.
"""

from __future__ import annotations

import json
import socket
import warnings
from contextlib import contextmanager

import pytest
import requests

from mtqa.errors import MtqaError
from mtqa.server import ServerConfig, create_app
from tests.server.conftest import live_server, make_service, no_grammar_settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

LOCAL = "http://127.0.0.1:8081"


@contextmanager
def client(**config_overrides):
    settings = no_grammar_settings()
    config = ServerConfig.from_settings(settings.server, **config_overrides)
    service = make_service(settings, config)
    try:
        with TestClient(create_app(settings, config, service), base_url=LOCAL) as tc:
            yield tc
    finally:
        service.close()


@pytest.fixture(scope="module")
def tc():
    with client() as c:
        yield c


def lt_check(c, **fields):
    return c.post("/v2/check", data={"language": "en-US", **fields})


# --- binding and tokens -------------------------------------------------------------

def test_non_loopback_bind_needs_a_token(monkeypatch):
    monkeypatch.delenv("MTQA_TOKEN", raising=False)
    with pytest.raises(MtqaError, match="token"):
        ServerConfig.from_settings({}, host="0.0.0.0")
    assert ServerConfig.from_settings({}, host="0.0.0.0", token="t").host == "0.0.0.0"
    assert ServerConfig.from_settings({}, host="::1").is_loopback


@pytest.mark.parametrize("token", ["  ", " s3cret", "s3cret\n"])
def test_a_token_with_surrounding_whitespace_is_refused(monkeypatch, token):
    """MTQA_TOKEN="  " let the server listen on 0.0.0.0 with a blank secret, and a secret
    with a trailing newline (read from a file) is one no client header can carry."""
    monkeypatch.setenv("MTQA_TOKEN", token)
    with pytest.raises(MtqaError, match="^the token starts or ends with whitespace"):
        ServerConfig.from_settings({}, host="0.0.0.0")


def test_cli_refuses_public_bind_without_token(monkeypatch):
    from click.testing import CliRunner

    from mtqa.cli import cli, main

    monkeypatch.delenv("MTQA_TOKEN", raising=False)
    monkeypatch.setattr("sys.argv", ["mtqa", "serve", "--host", "0.0.0.0", "--no-grammar"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-origin" in result.output


def test_serve_help_lists_every_field_of_the_api_check_body():
    """filename too: the docs' pre-commit recipe depends on it."""
    from click.testing import CliRunner

    from mtqa.cli import cli
    from mtqa.server.native import FIELDS

    result = CliRunner().invoke(cli, ["serve", "--help"])
    body = result.output[result.output.index("POST /api/check"):result.output.index("GET  /healthz")]
    assert all(f'"{field}"' in body for field in FIELDS)


def test_token_is_required_when_configured():
    with client(token="s3cret") as c:
        assert lt_check(c, text="Hi.").status_code == 401
        assert c.post("/api/check", json={"text": "Hi."}).status_code == 401
        assert c.post("/api/check", json={"text": "Hi."},
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/check", json={"text": "Hi."},
                      headers={"Authorization": "Bearer s3cret"}).status_code == 200
        # LanguageTool clients send credentials as the apiKey form field.
        assert lt_check(c, text="Hi.", apiKey="s3cret").status_code == 200
        assert lt_check(c, text="Hi.", apiKey="nope").status_code == 401
        # Probes and the language list stay open, as in LanguageTool.
        assert c.get("/healthz").status_code == 200
        assert c.get("/v2/languages").status_code == 200


# --- Host header and CORS -----------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8081", "127.0.0.1.nip.io"])
def test_foreign_host_header_is_refused(tc, host):
    response = tc.post("/api/check", json={"text": "Hi."}, headers={"Host": host})
    assert response.status_code == 403
    assert "Host" in response.json()["error"]["message"]


@pytest.mark.parametrize("host", ["localhost:8081", "127.0.0.1", "[::1]:8081"])
def test_local_host_headers_are_answered(tc, host):
    assert tc.get("/healthz", headers={"Host": host}).status_code == 200


def test_allowed_host_extends_the_list():
    with client(allowed_hosts=("qa.newsroom.example",)) as c:
        assert c.get("/healthz", headers={"Host": "qa.newsroom.example"}).status_code == 200
        assert c.get("/healthz", headers={"Host": "other.example"}).status_code == 403


def test_cors_is_off_by_default(tc):
    response = tc.post("/api/check", json={"text": "Hi."}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers
    # The review page's own requests are same-origin.
    same = tc.post("/api/check", json={"text": "Hi."}, headers={"Origin": LOCAL})
    assert same.status_code == 200 and "access-control-allow-origin" not in same.headers


def test_allow_listed_origin_gets_cors_headers():
    origin = "chrome-extension://abcdefghijklmnop"
    with client(allow_origins=(origin,)) as c:
        pre = c.options("/v2/check", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                              "Access-Control-Request-Private-Network": "true"})
        assert pre.status_code == 204
        assert pre.headers["access-control-allow-origin"] == origin
        assert pre.headers["access-control-allow-private-network"] == "true"
        response = c.post("/v2/check", data={"language": "en-US", "text": "Hi."}, headers={"Origin": origin})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == origin
        other = c.options("/v2/check", headers={"Origin": "https://evil.example",
                                                "Access-Control-Request-Method": "POST"})
        assert other.status_code == 403 and "access-control-allow-origin" not in other.headers


# --- malformed and oversized requests -------------------------------------------------

@pytest.mark.parametrize("fields, status, needle", [
    ({"text": "Hi."}, 200, None),
    ({}, 400, "text"),
    ({"text": "Hi.", "language": ""}, 400, "language"),
    ({"text": "Hallo.", "language": "de-DE"}, 400, "English"),
    ({"text": "a", "data": "{}"}, 400, "only one"),
    ({"data": "not json"}, 400, "annotation"),
    ({"data": json.dumps({"annotation": [{"text": 1}]})}, 400, "annotation"),
    ({"text": "Hi.", "enabledOnly": "true"}, 400, "enabledOnly"),
])
def test_v2_check_validation(tc, fields, status, needle):
    data = {"language": "en-US", **fields} if "language" not in fields else fields
    response = tc.post("/v2/check", data=data)
    assert response.status_code == status, response.text
    if needle:
        assert response.text.startswith("Error: ") and needle in response.text


def test_v2_check_answers_a_get_as_languagetool_does(tc):
    """LanguageTool's server takes the same fields in a GET's query string."""
    posted = tc.post("/v2/check", data={"language": "en-US", "text": "The minister said the the plan was ready."})
    got = tc.get("/v2/check", params={"language": "en-US", "text": "The minister said the the plan was ready."})
    assert got.status_code == posted.status_code == 200
    assert got.json()["matches"] == posted.json()["matches"] != []
    assert tc.get("/v2/check", params={"text": "Hi."}).status_code == 400  # the same validation


def test_v2_check_refuses_an_unknown_mother_tongue(tc):
    """A typo in a plug-in's setting (motherTongue=hw) is an error, as in LanguageTool and
    /api/check's source_lang, not a silent switch-off of the source-language packs."""
    text = "The parties have not yet came down from the tree."
    refused = lt_check(tc, text=text, motherTongue="xx")
    assert refused.status_code == 400
    assert refused.text.startswith("Error: 'motherTongue': unknown language 'xx'")
    rules = [m["rule"]["id"] for m in lt_check(tc, text=text, motherTongue="he").json()["matches"]]
    assert "MTQA-HE-012" in rules
    assert lt_check(tc, text=text, motherTongue="Hebrew").json()["matches"] == \
        lt_check(tc, text=text, motherTongue="he").json()["matches"]
    assert lt_check(tc, text=text, motherTongue="").status_code == 200  # empty: no source language


def test_v2_check_rejects_bad_encodings(tc):
    bad = tc.post("/v2/check", content=b"language=en-US&text=%FF%FE",
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert bad.status_code == 400
    wrong_type = tc.post("/v2/check", content=b"{}", headers={"Content-Type": "application/json"})
    assert wrong_type.status_code == 415


@pytest.mark.parametrize("body, needle", [
    (b"{not json", "JSON"),
    (b"\xff\xfe{}", "JSON"),
    (b"[1, 2]", "object"),
    (json.dumps({"text": 5}).encode(), "text"),
    (json.dumps({"text": "a", "colour": "red"}).encode(), "unknown"),
    (json.dumps({"text": "a", "source_lang": "../../etc"}).encode(), "source_lang"),
])
def test_api_check_validation(tc, body, needle):
    response = tc.post("/api/check", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert needle in response.json()["error"]["message"]


def test_api_check_calls_a_body_that_is_not_utf8_invalid_utf8(tc):
    response = tc.post("/api/check", content='{"text": "café"}'.encode("latin-1"),
                       headers={"Content-Type": "application/json; charset=latin-1"})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("request body is not valid UTF-8")


def test_text_over_the_character_limit_is_413():
    with client(max_text_chars=100) as c:
        assert lt_check(c, text="word " * 30).status_code == 413
        assert c.post("/api/check", json={"text": "word " * 30}).status_code == 413
        assert lt_check(c, text="Fine.").status_code == 200


def test_oversized_body_is_refused_and_the_server_keeps_serving(seed_text):
    settings = no_grammar_settings()
    config = ServerConfig.from_settings(settings.server, max_body_bytes=64 * 1024)
    with live_server(settings, config) as url:
        big = "x" * (256 * 1024)
        response = requests.post(f"{url}/v2/check", data={"language": "en-US", "text": big}, timeout=30)
        assert response.status_code == 413
        # Chunked upload without Content-Length: cut off at the cap.
        chunks = (b"language=en-US&text=" + b"y" * 8192 for _ in range(32))
        response = requests.post(f"{url}/v2/check", data=chunks, timeout=30,
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert response.status_code == 413
        port = int(url.rsplit(":", 1)[1])
        # A header block far beyond the cap: refused whole (431) or while still arriving.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"z" * 100_000 + b"\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.1 431")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"z" * 100_000)
            reply = sock.recv(100)
        assert reply.startswith(b"HTTP/1.1 4") or reply == b""
        # Garbage instead of HTTP.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"\x16\x03\x01 not http at all\r\n\r\n")
            reply = sock.recv(100)
        assert reply.startswith(b"HTTP/1.1 400") or reply == b""
        ok = requests.post(f"{url}/v2/check", data={"language": "en-US", "text": seed_text}, timeout=60)
        assert ok.status_code == 200 and "matches" in ok.json()


# --- bounded work -----------------------------------------------------------------------

def test_slow_check_times_out_with_503_and_busy_server_refuses(seed_text):
    settings = no_grammar_settings()
    config = ServerConfig.from_settings(settings.server, concurrency=1, queue=0, request_timeout=0.001)
    long_text = "\n\n".join([seed_text] * 20)
    with live_server(settings, config) as url:
        first = requests.post(f"{url}/api/check", json={"text": long_text}, timeout=60)
        assert first.status_code == 503
        assert "longer than" in first.json()["error"]["message"]
        assert first.headers["retry-after"]
        # The timed-out check still holds the only slot: the next request is refused at once.
        second = requests.post(f"{url}/api/check", json={"text": "Hi."}, timeout=60)
        assert second.status_code == 503
        assert "busy" in second.json()["error"]["message"]
        assert second.headers["retry-after"] == "1"
        health = requests.get(f"{url}/healthz", timeout=10).json()
        assert health["timed_out"] == 1 and health["refused"] >= 1


def test_rate_limit_answers_429():
    with client(rate_limit=2) as c:
        assert lt_check(c, text="One.").status_code == 200
        assert lt_check(c, text="Two.").status_code == 200
        third = lt_check(c, text="Three.")
        assert third.status_code == 429 and third.headers["retry-after"] == "60"
        assert c.get("/healthz").status_code == 200


def test_rate_limit_counts_checks_sent_as_get():
    """LanguageTool's clients may send /v2/check as a GET: it is a check request all the same."""
    with client(rate_limit=3) as c:
        fields = {"language": "en-US", "text": "the the"}
        assert [c.get("/v2/check", params=fields).status_code for _ in range(3)] == [200, 200, 200]
        assert c.get("/v2/check", params=fields).status_code == 429
        assert lt_check(c, text="the the").status_code == 429  # one budget for both methods
        assert c.get("/healthz").status_code == 200 and c.get("/").status_code == 200


def test_unknown_paths_and_methods(tc):
    assert tc.get("/nope").status_code == 404
    assert tc.put("/v2/check").status_code == 405
    assert tc.post("/v2/languages").status_code == 405


def test_routing_errors_have_each_api_s_error_shape(tc):
    """mtqa's JSON API answers every error as {"error": {"status", "message"}}; /v2 answers
    LanguageTool's plain `Error: …`."""
    for response, status in ((tc.get("/api/check"), 405), (tc.post("/api/chek", json={}), 404),
                             (tc.get("/nope"), 404)):
        assert response.status_code == status
        assert response.headers["content-type"] == "application/json"
        error = response.json()["error"]
        assert error["status"] == status and "/api/check" in error["message"]
    wrong = tc.get("/api/check")
    assert wrong.headers["allow"] == "POST" and "use POST" in wrong.json()["error"]["message"]
    lt = tc.put("/v2/check")
    assert lt.status_code == 405 and lt.headers["content-type"].startswith("text/plain")
    assert lt.text.startswith("Error: PUT is not allowed on /v2/check")


def test_parallel_burst_gets_only_200_or_503_and_server_recovers(seed_text):
    from concurrent.futures import ThreadPoolExecutor

    settings = no_grammar_settings()
    config = ServerConfig.from_settings(settings.server, concurrency=1, queue=2)
    article = "\n\n".join([seed_text] * 3)
    with live_server(settings, config) as url:
        def post(_):
            return requests.post(f"{url}/v2/check", data={"language": "en-US", "text": article}, timeout=120)

        with ThreadPoolExecutor(16) as pool:
            responses = list(pool.map(post, range(16)))
        codes = [r.status_code for r in responses]
        assert set(codes) <= {200, 503}, codes
        assert 200 in codes and 503 in codes, codes
        assert all(r.headers["retry-after"] == "1" for r in responses if r.status_code == 503)
        assert requests.post(f"{url}/v2/check", data={"language": "en-US", "text": seed_text},
                             timeout=120).status_code == 200
