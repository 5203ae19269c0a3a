"""The Python API: check a string or files and get a Report, as the CLI does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mtqa.config.settings import load_settings
from mtqa.readers.lineends import document as read_document
from mtqa.report import Report


def check_text(text: str, *, source_lang: str | None = None, grammar: bool = False,
               config: str | None = None, **overrides: Any) -> Report:
    """Check one article given as a string. Grammar is off unless asked for (it starts a JVM)."""
    from mtqa.pipeline import Pipeline

    options = {"source_lang": source_lang, "checkers.grammar.enabled": grammar, **overrides}
    settings = load_settings(config, options)
    document = read_document(id="<text>", path="<text>", text=text, source_lang=settings.source_lang)
    with Pipeline(settings) as pipeline:
        return pipeline.run_documents([document])


def check_files(paths: Iterable[str], *, config: str | None = None, **overrides: Any) -> Report:
    from mtqa.pipeline import Pipeline

    settings = load_settings(config, overrides)
    with Pipeline(settings) as pipeline:
        return pipeline.run(list(paths))
