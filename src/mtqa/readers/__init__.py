"""Input files to Documents, one reader module per format, chosen by file extension.

``iter_documents`` streams: it reads one file at a time and yields its Documents, or an
InputProblem for a file it cannot read, so a bad file never stops the others.
"""

from __future__ import annotations

import fnmatch
import glob
import importlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document, InputProblem

STDIN = "-"
_GLOB = re.compile(r"[*?\[]")

# Extension -> reader module (each has ``read(text, path, settings) -> Iterable[Document]``).
READERS: dict[str, str] = {
    ".txt": "mtqa.readers.text",
    ".md": "mtqa.readers.markdown",
    ".markdown": "mtqa.readers.markdown",
    ".html": "mtqa.readers.html",
    ".htm": "mtqa.readers.html",
    ".jsonl": "mtqa.readers.jsonl",
    ".tsv": "mtqa.readers.tsv",
    ".xlf": "mtqa.readers.xliff",
    ".xliff": "mtqa.readers.xliff",
    ".tmx": "mtqa.readers.tmx",
}
DEFAULT_READER = "mtqa.readers.text"
# Formats that parse bytes themselves (XML declares its own encoding).
BYTE_READERS = frozenset({"mtqa.readers.xliff", "mtqa.readers.tmx"})


def reader_for(path: str) -> str:
    return READERS.get(Path(path).suffix.lower(), DEFAULT_READER)


def expand_paths(paths: Iterable[str], settings: Settings) -> Iterator[str | InputProblem]:
    """Files to read, in a stable order: folders are walked, filtered by include/exclude."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _walk(path, settings):
                found = True
                yield file
            if not found:
                yield InputProblem(raw, "no files to check in this folder (see [inputs] include and exclude)")
        elif path.exists():
            yield raw
        elif _GLOB.search(raw):
            # A quoted glob (`mtqa check 'site/**/*.md'`), for shells and CI files that
            # do not expand it; `**` matches any depth.
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputProblem(raw, "no files match this pattern")
            yield from expand_paths(matches, settings)
        else:
            yield InputProblem(raw, "no such file or directory")


def _excluded(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def _walk(root: Path, settings: Settings) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(
            d for d in dirs if not _excluded(os.path.normpath(os.path.join(rel_folder, d)), d, settings.exclude)
        )
        for name in sorted(files):
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if _excluded(rel, name, settings.exclude):
                continue
            if any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in settings.include):
                yield os.path.join(folder, name)


def read_file(path: str, settings: Settings) -> list[Document]:
    """All Documents of one input; raises InputError with a one-line reason."""
    from mtqa.readers.decode import decode_bytes

    if path == STDIN:
        data = sys.stdin.buffer.read()
        display = "<stdin>"
    else:
        display = path
        try:
            size = os.path.getsize(path)
            if size > settings.max_bytes:
                raise InputError(
                    path, f"file too large ({size / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.1f} MB)"
                )
            with open(path, "rb") as handle:
                data = handle.read()
        except IsADirectoryError:
            raise InputError(path, "is a directory") from None
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as exc:
            raise InputError(path, exc.strerror or str(exc)) from None
    module_name = reader_for(path) if path != STDIN else DEFAULT_READER
    module = importlib.import_module(module_name)
    if module_name in BYTE_READERS:
        if not data:
            raise InputError(display, "file is empty")
        return list(module.read_bytes(data, display, settings))
    text = decode_bytes(data, display, settings.encoding_confidence)
    if not text.strip():
        raise InputError(display, "file has no text")
    documents = list(module.read(text, display, settings))
    if not documents:
        raise InputError(display, "no text to check")
    return documents


def iter_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | InputProblem]:
    aligned = settings.source_file or settings.reference_file
    for root in paths:
        for item in expand_paths([root], settings):
            if isinstance(item, InputProblem):
                yield item
                continue
            try:
                documents = read_file(item, settings)
                if aligned:  # --source/--reference: line-aligned files or mirrored folders
                    from mtqa.readers.parallel import attach_sidecars

                    documents = [attach_sidecars(d, root, settings) for d in documents]
                yield from documents
            except InputError as exc:
                yield InputProblem(exc.path, exc.reason)
