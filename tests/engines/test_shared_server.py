"""The one LanguageTool server of a --jobs run gets a check thread per worker."""

from mtqa.config.settings import load_settings
from mtqa.engines.shared_server import server_properties


def _grammar(overrides=None):
    return load_settings(None, overrides or {}).checker_options("grammar")


def test_more_workers_than_configured_threads_get_a_thread_each():
    assert server_properties(_grammar(), 6)["maxCheckThreads"] == 6


def test_a_larger_configured_thread_count_is_kept():
    options = _grammar({"checkers.grammar.server.maxCheckThreads": 8})
    assert server_properties(options, 2)["maxCheckThreads"] == 8


def test_the_configured_table_is_not_modified():
    options = _grammar()
    server_properties(options, 6)
    assert options["server"]["maxCheckThreads"] == 2
