"""Serving the app with uvicorn, with transport limits matching the ServerConfig."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys

from mtqa.config.settings import Settings
from mtqa.server.config import WILDCARD_HOSTS, ServerConfig


def startup_warnings(config: ServerConfig) -> list[str]:
    """LanguageTool-style warnings for configurations that widen who can reach the server."""
    notes = []
    if not config.is_loopback:
        notes.append(f"WARNING: listening on {config.host or '*'}: anyone who can reach this port and knows "
                     "the token can use the server. It speaks plain HTTP; put it behind a reverse proxy "
                     "that terminates TLS.")
        if config.host in WILDCARD_HOSTS and not config.allowed_hosts:
            notes.append("WARNING: no --allowed-host given: only requests addressed to localhost will be "
                         "answered; add the server's public name with --allowed-host NAME.")
    if "*" in config.allow_origins:
        notes.append("WARNING: --allow-origin '*' lets any web page you visit call this server.")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        notes.append("WARNING: running as root is not needed and not recommended.")
    return notes


def bind(config: ServerConfig) -> socket.socket:
    """The listening address, taken before anything slow starts: a port in use is a one-line
    error (exit 2), not a LanguageTool start followed by uvicorn's exit 3; port 0 gets its port."""
    from mtqa.errors import MtqaError

    host = config.host.strip("[]")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host or None, config.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise MtqaError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: TIME_WAIT is no obstacle
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise MtqaError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None
    return sock


def announce(config: ServerConfig, sock: socket.socket) -> str:
    """The line `mtqa serve` starts with: the URL it really listens on."""
    host = f"[{config.host}]" if ":" in config.host else config.host
    return f"mtqa serve: http://{host}:{sock.getsockname()[1]}/  (Ctrl+C to stop)"


def uvicorn_config(app, config: ServerConfig, log_level: str = "info"):
    """uvicorn's settings for ``app``: transport limits matching the ServerConfig."""
    import uvicorn

    from mtqa.server.transport import timed_protocol

    return uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        log_level=log_level,
        # Every request must arrive whole within read_timeout (slow headers, stalled bodies).
        http=timed_protocol(config.read_timeout),
        # Open connections beyond work capacity + headroom get uvicorn's own 503.
        limit_concurrency=config.concurrency + config.queue + 64,
        timeout_keep_alive=5,
        # A header block still arriving may not exceed this (the Guard bounds complete ones).
        h11_max_incomplete_event_size=16 * 1024,
        proxy_headers=False,
        server_header=False,
        access_log=log_level == "debug",
    )


def run(settings: Settings, config: ServerConfig, log_level: str = "info") -> None:
    """Take the port, build the pipeline (a port in use or a bad selection, pack or checker
    option is a one-line error), start LanguageTool (one that is absent or fails to start is
    a one-line error), listen, announce the URL, then serve until stopped: the URL is printed
    only when it will answer.

    SIGTERM and SIGHUP become SystemExit (mtqa.languagetool.lifetime), so the JVM is
    stopped on every way out; while serving, SIGHUP shuts down as gracefully as SIGTERM.
    """
    import uvicorn

    from mtqa.languagetool.lifetime import exit_on_signals
    from mtqa.server.app import create_app
    from mtqa.server.service import CheckService

    exit_on_signals()
    sock = bind(config)
    logging.basicConfig(level=log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    try:
        # The selection, rule packs and checker options are checked here: a bad one is a
        # one-line error before the URL is announced, never after it.
        service = CheckService(settings, config)
    except BaseException:
        sock.close()
        raise
    try:
        service.warm_up()
        server = uvicorn.Server(uvicorn_config(create_app(settings, config, service), config, log_level))
        # Announced only now, and listening already: a LanguageTool that cannot start is an
        # error with no URL before it, and a client that reads the URL is answered.
        sock.listen(server.config.backlog)
        print(announce(config, sock), file=sys.stderr)
        for note in startup_warnings(config):
            print(note, file=sys.stderr)
        hangup = getattr(signal, "SIGHUP", None)
        hung_up: list[int] = []

        def on_hangup(signum, _frame) -> None:
            hung_up.append(signum)
            server.should_exit = True  # uvicorn's graceful shutdown, as for SIGTERM

        previous = signal.signal(hangup, on_hangup) if hangup else None
        try:
            server.run(sockets=[sock])
        finally:
            if hangup:
                signal.signal(hangup, previous)
        if hung_up:
            raise SystemExit(128 + hung_up[0])
    finally:
        service.close()
        sock.close()
