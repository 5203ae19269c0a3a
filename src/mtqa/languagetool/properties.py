"""The LanguageTool server's `--config` properties file, built from `[checkers.grammar]`.

The defaults (defaults.toml) suit a small shared machine: two check threads, a sentence
cache, pipeline caching (the server keeps its rule pipelines between requests, which is
what makes a warm server ~5 ms a sentence). ``pipelinePrewarming`` is off on purpose: it
checks sample text in every installed language, including German, which the English-only
install lacks; mtqa warms the English pipeline itself with one request after start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Always set, whatever the configuration (prewarming: see above).
FIXED: dict[str, Any] = {"pipelinePrewarming": False, "maxSpellingSuggestions": 5}


def server_properties(overrides: Mapping[str, Any] | None = None) -> dict[str, str]:
    """`[checkers.grammar.server]` of defaults.toml, then ``overrides``, as property strings."""
    from mtqa.config.settings import packaged_defaults

    merged = {**packaged_defaults()["checkers"]["grammar"]["server"], **FIXED, **(overrides or {})}
    return {key: _format(value) for key, value in sorted(merged.items())}


def write_properties(path: Path, overrides: Mapping[str, Any] | None = None) -> Path:
    lines = ["# written by mtqa for the LanguageTool HTTP server"]
    lines += [f"{key}={value}" for key, value in server_properties(overrides).items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
