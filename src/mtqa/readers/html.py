"""HTML: the article text is extracted (trafilatura) and becomes the document text.

Offsets point into the extracted text, not the markup: editors fix the article, and a
finding inside navigation or scripts would be noise. The page title, when trafilatura
finds one, is kept as metadata.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document


def extract_article(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_links=False,
        favor_precision=False,
        deduplicate=False,
    )


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    article = extract_article(text)
    if not article or not article.strip():
        raise InputError(path, "no article text found in HTML")
    yield Document(id=path, path=path, text=article, source_lang=settings.source_lang,
                   # The markup stays for suppression comments (mtqa.suppress), which the
                   # extracted text no longer holds.
                   metadata={"format": "html", "markup": text})
