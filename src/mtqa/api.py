"""The Python API: check a string or files and get a Report, as the CLI does.

Keyword options are configuration keys as mtqa.toml spells them (``fail_on="major"``,
``select=["MTQA-CORE"]``, ``**{"checkers.grammar.language": "en-GB"}``), checked as the file
is: an unknown key or a value of the wrong type is a ConfigError naming the key.
``min_severity`` hides findings below it, as ``mtqa check --min-severity`` does.

``check_text`` takes what `POST /api/check` takes (``filename``, ``source``, ``source_lang``,
``reference``) and builds the document with the server's own code, so a string checked here
and the same request sent to `mtqa serve` give the same findings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from mtqa.config.settings import Settings, load_settings
from mtqa.errors import ConfigError
from mtqa.model import Severity
from mtqa.offsets import LONE_SURROGATE
from mtqa.report import Report

PathArg = str | os.PathLike


def check_text(text: str, *, filename: PathArg | None = None, source: str | None = None,
               source_lang: str | None = None, reference: str | None = None, grammar: bool = False,
               config: str | None = None, min_severity: str | None = None, **overrides: Any) -> Report:
    """Check one article given as a string. Grammar is off unless asked for (it starts a JVM).

    ``filename`` reads the text as that file would be read (``.md``: front matter, code and
    markup are not checked, and the front matter's ``source_lang`` is used) and names it in
    the report, as ``--stdin-filename`` does. ``source`` and ``reference`` are the source
    article and a human translation; when they have as many lines as the text, lines are
    aligned segments. A string holding half of a UTF-16 pair is a ValueError.
    """
    from mtqa.pipeline import Pipeline

    _check_strings(text=text, source=source, reference=reference)
    _check_severity(min_severity)
    options = {"source_lang": source_lang, "checkers.grammar.enabled": grammar, **overrides}
    settings = load_settings(config, options)
    document = _document(text, source, reference, filename, settings)
    with Pipeline(settings) as pipeline:
        return _finish(pipeline.run_documents([document]), settings, min_severity)


def check_files(paths: PathArg | Iterable[PathArg], *, config: str | None = None, min_severity: str | None = None,
                **overrides: Any) -> Report:
    """Check files and folders as `mtqa check PATH...` does; one path may be given alone."""
    from mtqa.pipeline import Pipeline

    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # a name is one path, not a list of one-letter ones
    names = [os.fsdecode(path) for path in paths]
    _check_severity(min_severity)
    settings = load_settings(config, overrides)
    with Pipeline(settings) as pipeline:
        return _finish(pipeline.run(names), settings, min_severity)


def _check_strings(**values: str | None) -> None:
    """Refused before anything runs, as `mtqa serve` refuses them with 400: a lone surrogate
    (a bad byte decoded with ``surrogateescape``, half a JSON pair) is not text any checker,
    encoder or report can handle."""
    for name, value in values.items():
        if value is None:
            continue
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        match = LONE_SURROGATE.search(value)
        if match:
            raise ValueError(f"{name} contains a lone surrogate (U+{ord(match.group()):04X} at offset "
                             f"{match.start()}), which is not Unicode text")


def _document(text: str, source: str | None, reference: str | None, filename: PathArg | None,
              settings: Settings):
    """The document `POST /api/check` builds from the same fields (mtqa.server.native)."""
    from dataclasses import replace

    from mtqa.readers import read_as
    from mtqa.server.native import build_document

    document = build_document(text, source or None, settings.source_lang, reference or None)
    if filename is None:
        return replace(document, id="<text>", path="<text>", _cache={})
    name = os.fspath(filename)
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"filename must be a file name such as article.md, not {name!r}")
    return read_as(document, name, settings)


def _check_severity(value: Any) -> None:
    """A bad ``min_severity`` is refused before anything is checked."""
    if value is None:
        return
    try:
        Severity.parse(value if isinstance(value, str) else repr(value))
    except ValueError as exc:
        raise ConfigError(f"min_severity: {exc}") from None


def _finish(report: Report, settings: Settings, min_severity: str | None) -> Report:
    """The gate recorded and findings below ``min_severity`` hidden, as `mtqa check` does."""
    from mtqa.cli.postprocess import apply_run_options

    return apply_run_options(report, settings, quiet=True, min_severity=min_severity)
