"""Hostile and malformed requests: plain 4xx answers, never a 500 or Python's words.

Lone surrogates, JSON nested 100,000 deep and 80,000-letter words once answered 500 with
the exception's text (or tied the server up); a wrong Content-Type was accepted; a Host
header with user-info slipped past the DNS-rebinding check; and about 80 sockets that
send half a request locked everyone else out. All over real HTTP.
"""

from __future__ import annotations

import json
import socket

import pytest
import requests

from mtqa.server import ServerConfig
from tests.server.conftest import live_server, no_grammar_settings

PYTHON_WORDS = ("Error:", "Traceback", "codec", "surrogates not allowed", "recursion", "Exception")
DEEP = 100_000


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def says_nothing_of_python(message: str) -> bool:
    return not any(word.lower() in message.lower() for word in PYTHON_WORDS)


@pytest.mark.parametrize("body", [
    '{"text": "Bad \\ud800 half of a pair."}',
    '{"text": "Fine text.", "source": "\\udc80 source"}',
    '{"text": "Fine text.", "reference": "reference \\udfff"}',
    '{"text": ' + nested(DEEP) + "}",
    nested(DEEP),
    '{"text": ' + "{\"a\": " * DEEP + "1" + "}" * DEEP + "}",
])
def test_api_check_refuses_bad_json_with_400(server_url, body):
    response = requests.post(f"{server_url}/api/check", data=body.encode(),
                             headers={"Content-Type": "application/json"}, timeout=60)
    assert response.status_code == 400, response.text[:300]
    message = response.json()["error"]["message"]
    assert says_nothing_of_python(message), message


@pytest.mark.parametrize("data", [
    json.dumps({"annotation": [{"text": "A lone "}, {"markup": "<b>"}, {"text": "\ud800 half."}]}),
    '{"annotation": ' + nested(DEEP) + "}",
])
def test_v2_check_refuses_bad_annotated_data_with_400(server_url, data):
    response = requests.post(f"{server_url}/v2/check", data={"language": "en-US", "data": data}, timeout=60)
    assert response.status_code == 400, response.text[:300]
    assert response.text.startswith("Error: ")
    assert says_nothing_of_python(response.text.removeprefix("Error: ")), response.text


def test_a_huge_word_is_checked_and_the_server_keeps_serving(server_url):
    text = "The dictatormost feared was gone. The report " + "b" * 80_000 + " was published.\n"
    for _ in range(3):
        response = requests.post(f"{server_url}/api/check", json={"text": text}, timeout=120)
        assert response.status_code == 200, response.text[:300]
    findings = response.json()["documents"][0]["findings"]
    assert any(f["suggestions"] == ["dictator most"] for f in findings)
    assert requests.get(f"{server_url}/healthz", timeout=10).status_code == 200


@pytest.mark.parametrize("mark", [".", "!", "?", "…"])
def test_a_run_of_199000_periods_is_checked_and_the_server_keeps_serving(server_url, mark):
    """Inside the 200,000-character limit; splitting it into sentences once held the server
    (and its event loop: no /healthz, no request timeout) for about 45 minutes."""
    text = "He left" + mark * 199_000 + " Then he came back."
    response = requests.post(f"{server_url}/api/check", json={"text": text}, timeout=120)
    assert response.status_code == 200, response.text[:300]
    lt = requests.post(f"{server_url}/v2/check", data={"language": "en-US", "text": text}, timeout=120)
    assert lt.status_code == 200, lt.text[:300]
    assert lt.json()["sentenceRanges"] == [[0, 7 + 199_000], [7 + 199_000 + 1, len(text)]]
    assert requests.get(f"{server_url}/healthz", timeout=10).status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "multipart/form-data; boundary=x", "application/xml", None])
def test_api_check_answers_415_for_a_wrong_content_type(server_url, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    session = requests.Session()
    request = requests.Request("POST", f"{server_url}/api/check", data=b'{"text": "Hello."}', headers=headers)
    prepared = session.prepare_request(request)
    if content_type is None:
        prepared.headers.pop("Content-Type", None)
    response = session.send(prepared, timeout=60)
    assert response.status_code == 415, response.text[:300]
    assert "application/json" in response.json()["error"]["message"]
    for good in ("application/json", "application/json; charset=utf-8", "application/vnd.mtqa+json"):
        ok = requests.post(f"{server_url}/api/check", data=b'{"text": "Hello."}', headers={"Content-Type": good},
                           timeout=60)
        assert ok.status_code == 200, (good, ok.text[:300])


@pytest.mark.parametrize("host", ["127.0.0.1:1@evil.example", "localhost@evil.example", "127.0.0.1:80:80",
                                  "127.0.0.1/evil.example", "localhost:8081 evil.example", "::1"])
def test_malformed_host_headers_are_refused(server_url, host):
    port = int(server_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        reply = sock.recv(200)
    assert reply.split(b"\r\n")[0] in (b"HTTP/1.1 403 Forbidden", b"HTTP/1.1 400 Bad Request"), reply


def test_stalled_requests_time_out_and_cannot_lock_the_server_out():
    settings = no_grammar_settings()
    config = ServerConfig.from_settings(settings.server, concurrency=1, queue=0, read_timeout=1.0)
    with live_server(settings, config) as url:
        port = int(url.rsplit(":", 1)[1])
        stalled = []
        for i in range(90):  # more than the connection limit (concurrency + queue + 64)
            sock = socket.create_connection(("127.0.0.1", port), timeout=60)
            if i % 3 == 0:
                sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")  # headers never end
            elif i % 3 == 1:
                sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 1000\r\n\r\n{\"text\": ")  # body never ends
            stalled.append(sock)  # i % 3 == 2: connects and says nothing
        try:
            for sock in stalled:  # each is answered (408, or 503 beyond the limit) and closed, not held
                reply = sock.recv(200)
                assert reply == b"" or reply.startswith((b"HTTP/1.1 408", b"HTTP/1.1 503")), reply
            response = requests.post(f"{url}/api/check", json={"text": "Hello again."}, timeout=60)
            assert response.status_code == 200, response.text[:300]
        finally:
            for sock in stalled:
                sock.close()
