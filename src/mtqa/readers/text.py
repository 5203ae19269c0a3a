"""Plain text: the whole file is one document."""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.model import Document
from mtqa.readers.lineends import document


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    yield document(id=path, path=path, text=text, source_lang=settings.source_lang)
