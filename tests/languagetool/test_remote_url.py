"""A configured `--languagetool-url`: a URL without http://, a server that fails its first
check, and an unreachable one end in one error line and exit 2, never a traceback."""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from mtqa.languagetool.server import free_port
from tests.conftest import run_mtqa

pytestmark = pytest.mark.languagetool

LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}, {"name": "English", "code": "en",
                                                                         "longCode": "en"}]
ARTICLE = "Their is a big problem here.\n"


class _Broken(http.server.BaseHTTPRequestHandler):
    """Lists its languages (language-tool-python's start-up check passes), then fails every check."""

    garbage = False

    def do_GET(self):
        self._answer(json.dumps(LANGUAGES).encode("utf-8"))

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.garbage:
            self._answer(b"<html>not json</html>")
        else:  # the connection closed with no answer, as by a proxy or a crashed server
            self.close_connection = True
            self.connection.shutdown(2)

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(params=["drops", "garbage"])
def broken_server(request):
    handler = type("Handler", (_Broken,), {"garbage": request.param == "garbage"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", request.param
    server.shutdown()
    server.server_close()


@pytest.fixture
def article(tmp_path):
    (tmp_path / "lt2.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _one_error(result) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("mtqa: error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_a_url_without_http_reaches_the_real_server(languagetool_server, article):
    bare = languagetool_server.removeprefix("http://")
    result = run_mtqa("check", "lt2.txt", "--languagetool-url", bare, "-f", "json", "-o", "out.json", cwd=article)
    assert result.returncode in (0, 1), result.stderr
    findings = json.loads((article / "out.json").read_text(encoding="utf-8"))["documents"][0]["findings"]
    assert any(f["rule"].startswith("LT-") for f in findings)


def test_a_server_that_fails_its_first_check_is_one_error_line(broken_server, article):
    url, how = broken_server
    for given in (url, url.removeprefix("http://")):
        result = run_mtqa("check", "lt2.txt", "--languagetool-url", given, "-f", "json", "-o", "out.json",
                          cwd=article)
        error = _one_error(result)
        assert error.startswith(f"mtqa: error: grammar: LanguageTool at {given} stopped answering: ")
        cause = "Remote end closed connection without response" if how == "drops" else (
            "the answer is not LanguageTool's JSON: <html>not json</html>")
        assert cause in error
        # The other checkers' findings are still reported, with the failure recorded.
        report = json.loads((article / "out.json").read_text(encoding="utf-8"))
        assert report["provenance"]["failed"]


def test_an_unreachable_url_keeps_its_cause_and_another_scheme_is_refused(article):
    url = f"http://127.0.0.1:{free_port()}"
    error = _one_error(run_mtqa("check", "lt2.txt", "--languagetool-url", url, cwd=article))
    assert error == f"mtqa: error: grammar: LanguageTool at {url} cannot be used: Connection refused"
    error = _one_error(run_mtqa("check", "lt2.txt", "--languagetool-url", "ftp://x", cwd=article))
    assert error == ("mtqa: error: grammar: LanguageTool at ftp://x cannot be used: "
                     "the URL must start with http:// or https://")
