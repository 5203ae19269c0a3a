"""Input files to Documents, one reader module per format, chosen by file extension.

``iter_documents`` streams: it reads one file at a time and yields its Documents, or an
InputProblem for a file it cannot read, so a bad file never stops the others.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.offsets import LONE_SURROGATE
from mtqa.readers.discovery import STDIN, discover
from mtqa.report import InputProblem


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


def read_file(path: str, settings: Settings) -> list[Document]:
    """All Documents of one input; raises InputError with a one-line reason."""
    from mtqa.readers.decode import decode, refuse_unsupported

    # Standard input is read as the file --stdin-filename names (its reader, its name in reports).
    display = (settings.stdin_filename or "<stdin>") if path == STDIN else path
    data = load_bytes(path, settings.max_bytes)
    refuse_unsupported(data, display)
    module_name = READERS.get(Path(display).suffix.lower(), DEFAULT_READER)
    module = importlib.import_module(module_name)
    if module_name in BYTE_READERS:
        if not data:
            raise InputError(display, "file is empty")
        from mtqa.readers.xmlsafe import xml_encoding

        documents = list(module.read_bytes(data, display, settings))
        encoding = xml_encoding(data)
        if encoding is not None:  # declared or marked, never guessed: XML says what it is
            for document in documents:
                document.metadata.update(encoding=encoding, encoding_guessed=False)
        return _checked(documents, display)
    decoded = decode(data, display)
    if not decoded.text.strip():
        raise InputError(display, "file has no text")
    documents = list(module.read(decoded.text, display, settings))
    if not documents:
        raise InputError(display, "no text to check")
    if decoded.encoding != "utf-8":
        for document in documents:
            document.metadata["encoding"] = decoded.encoding
            document.metadata["encoding_guessed"] = decoded.guessed
    return _checked(documents, display)


# Readers whose document text is the text they were given, so a request's offsets, aligned
# lines and fixes stay its own (the formats `mtqa fix` writes, too).
SAME_TEXT = frozenset({"mtqa.readers.text", "mtqa.readers.markdown"})


def read_as(document: Document, name: str, settings: Settings) -> Document:
    """``document`` (text sent in a request) read as the file ``name`` would be: its extension
    chooses the reader (Markdown masks front matter, code and markup, and its front matter may
    give the source language), and reports name it. Its aligned lines, source and reference,
    and a source language the request gives, are kept. InputError for a format whose reader
    would change the text (HTML, JSONL, ...)."""
    from dataclasses import replace

    suffix = Path(name).suffix.lower()
    module_name = READERS.get(suffix, DEFAULT_READER)
    if module_name not in SAME_TEXT:
        raise InputError(name, f"only plain text and Markdown (.txt, .md, .markdown) can be sent as text, not {suffix}")
    read = next(iter(importlib.import_module(module_name).read(document.text, name, settings)))
    return replace(read, source_text=document.source_text, reference_text=document.reference_text,
                   units=document.units, source_lang=document.source_lang or read.source_lang, _cache={})


def load_bytes(path: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file (or standard input), else InputError.

    Only regular files are opened for reading, and the cap is applied to what is read
    (``st_size`` is only a shortcut): a FIFO, a device or ``/dev/zero`` behind a symbolic
    link would otherwise block for ever or exhaust memory, and a pipe has no size at all.
    """
    if path == STDIN:
        return _capped(sys.stdin.buffer, "<stdin>", limit)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, f"not a regular file ({_kind(info.st_mode)}); only files and folders are read")
        if info.st_size > limit:  # refused without reading; a file growing meanwhile is caught below
            raise InputError(path, f"file too large ({size_text(info.st_size)}; the limit is {size_text(limit)})")
        try:
            return _capped(handle, path, limit)
        except OSError as exc:
            raise InputError(path, exc.strerror or str(exc)) from None


def _capped(handle, path: str, limit: int) -> bytes:
    data = handle.read(limit + 1)
    if len(data) > limit:
        what = "input" if path == "<stdin>" else "file"
        raise InputError(path, f"{what} too large (over the limit of {size_text(limit)})")
    return data


def size_text(size: int) -> str:
    """A file size for a message: megabytes, or bytes below 0.1 MB, so that a small
    ``[inputs] max_bytes`` is not reported as "the limit is 0.0 MB"."""
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def _checked(documents: list[Document], path: str) -> list[Document]:
    """The last guard before the checkers: no lone surrogate in any text a checker reads."""
    for document in documents:
        # (Not the path: a file name that is not UTF-8 is the reporters' to show safely.)
        for text in (document.text, document.source_text, document.reference_text,
                     *(u.source or "" for u in document.units), *(u.reference or "" for u in document.units),
                     *(u.id or "" for u in document.units)):
            match = LONE_SURROGATE.search(text or "")
            if match:
                raise InputError(path, f"holds a lone surrogate (U+{ord(match.group()):04X}), which is not text")
    return documents


def iter_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | InputProblem]:
    aligned = settings.source_file or settings.reference_file
    doc_ids = None
    if settings.doc_ids_file:
        from mtqa.readers.docsplit import read_doc_ids

        try:
            doc_ids = read_doc_ids(settings.doc_ids_file, settings.max_bytes)
        except InputError as exc:
            yield InputProblem(exc.path, exc.reason)
            return
    for item in discover(paths, settings):
        if isinstance(item, InputProblem):
            yield item
            continue
        try:
            documents = read_file(item.path, settings)
            if aligned:  # --source/--reference: line-aligned files or mirrored folders
                from mtqa.readers.parallel import attach_sidecars

                documents = attach_sidecars(documents, item.root, settings)
            if doc_ids is not None or settings.split_docs:
                from mtqa.readers.docsplit import split_documents

                documents = split_documents(documents, settings, doc_ids)
            yield from documents
        except InputError as exc:
            yield InputProblem(exc.path, exc.reason)
