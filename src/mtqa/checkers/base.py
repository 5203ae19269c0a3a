"""The one interface every checker implements; checkers only yield findings.

A checker's codes are data (`checkers/codes/<name>.yml`, read by engine.registry); the
checker names a code, a span and a message (``self.finding``) and the registry supplies
the category and the default severity. Options come from the checker's table in
`config/defaults.toml` (validated there), so ``self.options[key]`` always has a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from mtqa.errors import MtqaError

if TYPE_CHECKING:
    from mtqa.config.settings import Settings
    from mtqa.engine.schema import Rule
    from mtqa.metrics.accumulator import MetricsAccumulator
    from mtqa.model import Document, Finding
    from mtqa.report import RuleInfo


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
    # Run-wide metrics (BLEU, chrF, TER) go to the pipeline's accumulator, never into a Document.
    metrics: MetricsAccumulator | None = None

    def __init__(self, settings: Settings) -> None:
        from mtqa.engine.registry import codes_for

        self.settings = settings
        self.options = settings.checker_options(self.name)
        self.codes: dict[str, Rule] = codes_for(self.name)

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def check_batch(self, documents: Sequence[Document]) -> list[list[Finding]]:
        """Each document's findings, exactly what ``check`` gives it alone.

        A checker whose cost is mostly per call overrides this to share that cost across
        a batch; the pipeline then calls it instead of ``check`` (``Pipeline.check_documents``).
        """
        return [list(self.check(document)) for document in documents]

    def finding(self, document: Document, code: str, start: int, end: int, message: str, **extra) -> Finding:
        """A finding of one of this checker's declared codes (KeyError for an undeclared one)."""
        rule = self.codes[code]
        extra.setdefault("severity", rule.severity)
        return document.finding(rule=code, checker=self.name, category=rule.category, message=message,
                                start=start, end=end, **extra)

    def rule_infos(self) -> Iterable[RuleInfo]:
        """Metadata of every rule code this checker can emit (SARIF, docs)."""
        return [rule.info() for rule in self.codes.values()]

    def describe(self) -> dict:
        """Provenance for the report (versions, packs); JSON-serialisable."""
        return {}

    def close(self) -> None:
        return None


class CheckerUnavailable(MtqaError):
    """A selected checker cannot run at all (e.g. no LanguageTool); exit code 2, one line."""
