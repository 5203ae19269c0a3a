"""Fixtures for the server tests: settings, an in-process client and a real uvicorn server.

The live server listens on a free loopback port in a background thread, exactly as
`mtqa serve` runs it, so real clients (language-tool-python, Chromium, raw sockets) talk
HTTP to it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from mtqa.config.settings import load_settings
from mtqa.server import ServerConfig, create_app
from mtqa.server.run import uvicorn_config


def loadable_checkers(settings) -> list[str]:
    """Checkers whose module imports cleanly; one that is mid-way through being written
    elsewhere in the tree must not take the server tests down with it."""
    from mtqa.checkers import available_checkers, load_checker_class

    names = []
    for name in available_checkers():
        try:
            load_checker_class(name)
        except Exception:  # noqa: BLE001 - any import failure means "not available"
            continue
        names.append(name)
    return names


def make_service(settings, config):
    from mtqa.server.service import CheckService

    return CheckService(settings, config, loadable_checkers(settings))


def no_grammar_settings(**overrides):
    return load_settings(overrides={"checkers.grammar.enabled": False, **overrides})


@contextlib.contextmanager
def live_server(settings, config: ServerConfig) -> Iterator[str]:
    """Serve ``create_app(settings, config)`` with uvicorn on 127.0.0.1; yields the base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    service = make_service(settings, config)
    service.warm_up()
    app = create_app(settings, config, service)
    server = uvicorn.Server(uvicorn_config(app, config, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
        service.close()


@pytest.fixture(scope="session")
def serve_settings():
    return no_grammar_settings()


@pytest.fixture(scope="session")
def server_url(serve_settings) -> Iterator[str]:
    """One grammar-less server with default limits, shared by the session's tests."""
    config = ServerConfig.from_settings(serve_settings.server)
    with live_server(serve_settings, config) as url:
        yield url


@pytest.fixture(scope="session")
def seed_text(seed_article) -> str:
    return seed_article.read_text(encoding="utf-8")
