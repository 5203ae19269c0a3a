"""One LanguageTool server for a run whose checks happen in other processes.

A JVM per worker would cost 300–450 MB each and a minute of start-up on a loaded machine;
one LanguageTool server answers concurrent requests, so the process that owns the run
starts it and hands its URL to the workers. It dies with its owner (see languagetool.server).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from types import MappingProxyType

from mtqa.config.settings import Settings


def with_shared_server(settings: Settings, url: str, version: str) -> Settings:
    """Workers treat the parent's server as mtqa's own (not a user's URL): they send the
    source language as mother tongue, and start a server themselves if it dies."""
    grammar = dict(settings.checker_options("grammar"))
    grammar["shared_url"] = url
    grammar["shared_version"] = version
    checkers = dict(settings.checkers)
    checkers["grammar"] = MappingProxyType(grammar)
    return dataclasses.replace(settings, checkers=MappingProxyType(checkers))


def needs_own_server(settings: Settings) -> bool:
    """Grammar runs and no server is given: neither a URL nor `mtqa languagetool start`'s."""
    if not settings.grammar_enabled or settings.checker_options("grammar")["url"]:
        return False
    from mtqa.languagetool.state import running_server

    return running_server() is None


def server_properties(options, workers: int) -> dict:
    """Every worker may have a request in flight: at least one check thread each. The
    configured value is a floor, not a default (defaults.toml always sets one)."""
    properties = dict(options["server"])
    properties["maxCheckThreads"] = max(int(properties.get("maxCheckThreads", 2)), workers)
    return properties


@contextmanager
def shared_languagetool(settings: Settings, workers: int) -> Iterator[Settings]:
    """``settings`` pointing the grammar checker at one server that lives as long as the block."""
    if not needs_own_server(settings):
        yield settings
        return
    from mtqa.checkers import CheckerUnavailable
    from mtqa.languagetool.install import LanguageToolMissing, require_installed
    from mtqa.languagetool.server import ServerProcess

    options = settings.checker_options("grammar")
    properties = server_properties(options, workers)
    try:
        installation = require_installed()
    except LanguageToolMissing as exc:
        raise CheckerUnavailable(f"grammar: {exc}") from None
    server = ServerProcess.for_grammar(installation, options, properties)
    try:
        url = server.start()
    except LanguageToolMissing:
        # The workers start (and restart) servers of their own, and a grammar checker that
        # still cannot run is reported as failed with the other checkers' findings kept.
        server.stop()
        yield settings
        return
    try:
        yield with_shared_server(settings, url, server.installation.version)
    finally:
        server.stop()
