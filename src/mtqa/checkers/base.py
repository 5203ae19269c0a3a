"""The one interface every checker implements; checkers only yield findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from mtqa.config.settings import Settings
    from mtqa.model import Document, Finding, RuleInfo


class Checker:
    """Base class: subclasses set the class attributes and implement ``check``.

    A checker gets the resolved Settings in its constructor and knows nothing of config
    files, the CLI or reporters. ``needs`` names document parts it cannot work without
    ("source", "reference"); the pipeline skips it for documents that lack them.
    ``close`` releases resources (a LanguageTool server, for example).
    """

    name: ClassVar[str] = ""
    categories: ClassVar[tuple[str, ...]] = ()
    needs: ClassVar[frozenset[str]] = frozenset()
    # A generic checker (LanguageTool) yields to the specialised ones: when both flag
    # overlapping text it is one problem, and counting it twice would double its MQM
    # penalty. The specialised finding stays, with its MT-specific message and fix.
    generic: ClassVar[bool] = False

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def rule_infos(self) -> Iterable[RuleInfo]:
        """Metadata of every rule code this checker can emit (SARIF, docs)."""
        return ()

    def describe(self) -> dict:
        """Provenance for the report (versions, packs); JSON-serialisable."""
        return {}

    def close(self) -> None:
        return None


class CheckerUnavailable(Exception):
    """A selected checker cannot run at all (e.g. no LanguageTool); exit code 2, one line."""
