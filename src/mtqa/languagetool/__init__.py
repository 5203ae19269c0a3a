"""LanguageTool for the grammar checker: fetching it, running its server, talking to it.

install (Maven fetch into the user cache) -> server (one JVM) / state (`mtqa languagetool
start`) -> session (which server a run uses, restarts) -> client (HTTP) -> batching, cache,
mapping, names, variants (turning matches into findings, in mtqa.checkers.grammar).
"""
