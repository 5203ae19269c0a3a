"""Session fixtures for the real LanguageTool server: one JVM for the whole test session.

Fixtures (use them by name in any test):

* ``languagetool_server`` (session): the base URL (``http://127.0.0.1:PORT``) of a real
  LanguageTool server started once per test session and stopped at its end. Fetches
  LanguageTool first if it is not installed yet (`mtqa languagetool fetch`); skips only
  when there is no Java at all.
* ``grammar_settings`` (function): a factory ``grammar_settings(**overrides)`` returning
  Settings whose grammar checker talks to that server with its result cache turned off;
  overrides use dotted config keys, e.g.
  ``grammar_settings(**{"checkers.grammar.language": "en-GB"})``.

Example: ``mtqa serve`` tests pass ``languagetool_server`` as ``--languagetool-url``.
"""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def languagetool_server():
    if shutil.which("java") is None:
        pytest.skip("no Java: the LanguageTool tests need Java 17 or newer")
    from mtqa.languagetool.install import fetch
    from mtqa.languagetool.server import ServerProcess

    installation = fetch()
    server = ServerProcess(installation, heap="1g")
    try:
        url = server.start()
    except Exception as exc:  # pragma: no cover - reported as a failure, never skipped
        server.stop()
        pytest.fail(f"LanguageTool server did not start: {exc}")
    yield url
    server.stop()


@pytest.fixture
def grammar_settings(languagetool_server, tmp_path):
    from mtqa.config.settings import load_settings

    def build(**overrides):
        values = {"checkers.grammar.url": languagetool_server, "checkers.grammar.cache": False}
        values.update(overrides)
        return load_settings(None, values, search_from=tmp_path)

    return build
