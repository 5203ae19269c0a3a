"""Runs checkers over documents, a bounded batch at a time, and builds the Report.

Streaming: a batch of documents (at most BATCH_DOCUMENTS, about BATCH_CHARS characters) is
read, checked, reduced to DocumentResults (findings, scores and only the lines reporters
quote) and dropped before the next batch is read, so memory stays flat however many files
a corpus holds. Each document's result is the one it gets checked alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from itertools import accumulate

from mtqa import __version__
from mtqa.checkers import Checker, CheckerUnavailable, available_checkers, load_checker_class
from mtqa.config.settings import Settings
from mtqa.copied import drop_copied
from mtqa.engine.registry import codes_for
from mtqa.metrics.accumulator import MetricsAccumulator
from mtqa.model import Applicability, Document, Finding
from mtqa.report import DocumentResult, InputProblem, Report, RuleInfo
from mtqa.readers import iter_documents
from mtqa.scoring import count_words, penalty, per_1000_words, score
from mtqa.engines import collect, unbatched
from mtqa.errors import ConfigError
from mtqa.selection import Selector, check_entries, rule_specificity, unknown_anywhere
from mtqa.suppress import directive_warnings, filter_findings

# A batch of documents checked together: enough to share the per-call costs of the checkers
# that batch (``check_documents``), bounded so memory stays flat in corpus size.
BATCH_DOCUMENTS = 64
BATCH_CHARS = 100_000


class Pipeline:
    """Owns the checkers for one run; use as a context manager so servers are closed."""

    def __init__(self, settings: Settings, checker_names: Iterable[str] | None = None) -> None:
        self.settings = settings
        self.skipped: dict[str, str] = {}
        self.failed: dict[str, str] = {}  # checkers that broke mid-run, and why
        self.checkers: list[Checker] = []
        self._stack = ExitStack()
        names = list(checker_names) if checker_names is not None else available_checkers()
        selector = Selector.build(settings.select, settings.ignore)
        self.metrics = MetricsAccumulator()
        self._absorbed: list[dict] = []  # run states of worker processes
        self._checked = 0  # documents this process checked
        for name in names:
            if name == "grammar" and not settings.grammar_enabled:
                self.skipped[name] = "turned off (--no-grammar or config)"
                continue  # before its import: LanguageTool's client pulls in an HTTP stack
            cls = load_checker_class(name)
            categories = cls.categories or {rule.category for rule in codes_for(name).values()}
            if not selector.checker_wanted(name, categories):
                self.skipped[name] = "not selected"
                continue
            checker = cls(settings)
            checker.metrics = self.metrics
            self._stack.callback(checker.close)
            self.checkers.append(checker)
        self._generic = frozenset(c.name for c in self.checkers if c.generic)
        # Checkers with a batch path of their own (the rest check a document at a time).
        self._batching = [c for c in self.checkers if type(c).check_batch is not Checker.check_batch]
        self._parts = tuple(p for p in ("source", "reference") if any(p in c.needs for c in self.checkers))
        self.rules: dict[str, RuleInfo] = {info.code: info for c in self.checkers for info in c.rule_infos()}
        packs = {code: info.pack for code, info in self.rules.items() if info.pack}
        try:
            check_entries(settings, self.rules, packs.values())
        except ConfigError:
            self.close()
            raise
        self.selector = Selector.build(settings.select, settings.ignore, packs)

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def check_document(self, document: Document) -> DocumentResult:
        return self.check_documents([document])[0]

    def check_documents(self, documents: Sequence[Document]) -> list[DocumentResult]:
        """The results of a batch of documents, each exactly what it gets checked alone.

        A checker whose cost is mostly per call (the naturalness model: some seventy array
        operations however short the text) checks the whole batch at once (``check_batch``);
        the others still check one document at a time, in between, so a document's run-wide
        metrics are taken before the next document adds its own.
        """
        self._checked += len(documents)
        # The parts some checker needs that each document lacks.
        missing = [{p for p in self._parts if not (d.has_source if p == "source" else d.has_reference)}
                   for d in documents]
        batched: dict[str, list] = {}
        for checker in self._batching:
            if checker.name in self.failed:
                continue
            todo = [i for i, lacks in enumerate(missing) if lacks.isdisjoint(checker.needs)]
            try:
                found = checker.check_batch([documents[i] for i in todo])
            except CheckerUnavailable as exc:
                self.failed[checker.name] = str(exc)  # as below: its findings of this batch are lost
                continue
            batched[checker.name] = by_document = [()] * len(documents)
            for i, findings in zip(todo, found):
                by_document[i] = findings
        return [self._result(document, lacks, {name: found[i] for name, found in batched.items()})
                for i, (document, lacks) in enumerate(zip(documents, missing))]

    def _result(self, document: Document, missing: set[str], batched: dict[str, list[Finding]]) -> DocumentResult:
        findings: list[Finding] = []
        for checker in self.checkers:
            if missing and not missing.isdisjoint(checker.needs):
                continue
            found = batched.get(checker.name)
            if found is None:
                if checker.name in self.failed:
                    continue
                try:
                    found = list(checker.check(document))
                except CheckerUnavailable as exc:
                    # A checker that broke mid-run (LanguageTool dying on every restart) costs
                    # its own findings, not everyone's: the report says so, and the run exits 2.
                    self.failed[checker.name] = str(exc)
                    continue
            for finding in found:
                if self.selector.allows(finding) and not document.is_masked(finding.start, finding.end):
                    findings.append(finding)
        # A defect the aligned source has too was copied, not made, by the translation.
        findings = drop_copied(document, _drop_shadowed(_dedupe(findings), self._generic))
        before = len(findings)
        # Suppression comments and accepted words apply to every checker's findings.
        findings = filter_findings(document, findings, self.settings)
        findings.sort(key=Finding.sort_key)
        result = build_result(document, findings, self.settings, suppressed=before - len(findings))
        result.warnings = directive_warnings(
            document, lambda targets: unknown_anywhere(targets, self.settings, self.rules, None))
        result.metrics = self.metrics.take_document()  # e.g. BLEU/chrF/TER (reference)
        result.unchecked = tuple(c.name for c in self.checkers if missing and not missing.isdisjoint(c.needs))
        return result

    def run(self, paths: Iterable[str], on_document: Callable[[str], None] | None = None) -> Report:
        return self.run_documents(iter_documents(paths, self.settings), on_document)

    def run_documents(
        self, items: Iterable[Document | InputProblem], on_document: Callable[[str], None] | None = None
    ) -> Report:
        checked = (b if isinstance(b, InputProblem) else self.check_documents(b) for b in batches(items))
        results, errors = collect(unbatched(checked), on_document)
        return self.report(results, errors)

    def run_state(self) -> dict:
        """What this process learnt while checking that the report needs: checkers that
        failed, run counters in the checkers' details, summed metric statistics."""
        return {"failed": dict(self.failed), "details": self._details(), "metrics": self.metrics.state(),
                "documents": self._checked}

    def absorb(self, state: dict) -> None:
        """Take in a worker's ``run_state`` (documents checked in other processes)."""
        for name, reason in state["failed"].items():
            self.failed.setdefault(name, reason)
        if state["documents"]:  # a worker that checked nothing never loaded a model to name
            self._absorbed.append(state["details"])
        self.metrics.merge(state["metrics"])

    def _details(self) -> dict:
        # Workers' details first: they checked the documents (a model they loaded names
        # its version); this process's own fill in what no worker reported.
        details: dict[str, dict] = {}
        for found in [*self._absorbed, {c.name: c.describe() for c in self.checkers}]:
            for name, described in found.items():
                _add_counters(details.setdefault(name, {}), described)
        return {c.name: details[c.name] for c in self.checkers if details.get(c.name)}

    def checked_nothing(self, results: Sequence[DocumentResult]) -> dict[str, str]:
        """Checkers `select` names (by name, category or code) that checked none of `results`,
        each needing a part no input had: `--select bilingual` without `--source` would
        otherwise pass any gate without a word. Runs that select nothing leave such checkers
        to run where they can, as always."""
        if not self.settings.select or not results:
            return {}
        idle = {}
        for checker in self.checkers:
            if not checker.needs or not all(checker.name in r.unchecked for r in results):
                continue
            infos = [info for info in self.rules.values() if info.checker == checker.name]
            if any(entry.lower() == checker.name
                   or any(rule_specificity(i.code, i.checker, i.category, entry) >= 0 for i in infos)
                   for entry in self.selector.select):
                idle[checker.name] = f"no input has a {' or '.join(sorted(checker.needs))}"
        return idle

    def provenance(self, results: Sequence[DocumentResult] = ()) -> dict:
        failed = {"failed": dict(sorted(self.failed.items()))} if self.failed else {}
        idle = self.checked_nothing(results)
        return {
            "checkers": [c.name for c in self.checkers],
            "skipped": dict(sorted(self.skipped.items())),
            **failed,
            **({"checked_nothing": idle} if idle else {}),
            "checker_details": self._details(),
            "config": self.settings.config_path,
            "config_hash": self.settings.config_hash,
            "source_lang": self.settings.source_lang,
        }

    def report(self, results: list[DocumentResult], errors: list[InputProblem],
               metrics: dict | None = None) -> Report:
        """The run's report; ``metrics`` replaces the run-wide metrics when the results are not
        the whole run (`mtqa serve` reports one request's document, not all it has checked)."""
        languagetool = None
        for checker in self.checkers:
            languagetool = checker.describe().get("languagetool") or languagetool
        return Report(
            documents=results,
            errors=errors,
            tool={"name": "mtqa", "version": __version__, "languagetool": languagetool},
            provenance=self.provenance(results),
            rules=dict(sorted(self.rules.items())),
            metrics=self.metrics.corpus() if metrics is None else metrics,
            severity_weights=dict(self.settings.severity_weights),
        )


def batches(items: Iterable[Document | InputProblem], documents: int = BATCH_DOCUMENTS, chars: int = BATCH_CHARS
            ) -> Iterator[list[Document] | InputProblem]:
    """Consecutive documents, at most ``documents`` of them and about ``chars`` characters
    (a longer document is a batch alone), a new file starting a new batch (a Dask partition
    then reads one file); an InputProblem passes through in its place."""
    batch: list[Document] = []
    size = 0
    for item in items:
        if isinstance(item, InputProblem):
            if batch:
                yield batch
                batch, size = [], 0
            yield item
            continue
        if batch and (len(batch) >= documents or size + len(item.text) > chars or item.path != batch[-1].path):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item.text)
    if batch:
        yield batch


def _add_counters(mine: dict, theirs: dict) -> None:
    """Merge a worker's checker details: run counters (`timeouts`) add up; the rest describes
    the configuration, the same in every process."""
    for key, value in theirs.items():
        if key == "timeouts" and isinstance(value, dict):
            counts = mine.setdefault(key, {})
            for code, count in value.items():
                counts[code] = counts.get(code, 0) + count
        else:
            mine.setdefault(key, value)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding: the same rule on the same span, two checkers that flag
    the same span with the same fix (the gazetteer's and the project vocabulary's "Kiev"
    → "Kyiv"), or, without a fix, with the same MQM category (a Russian paragraph left in
    the English is untranslated to the language checker and a copy of the source to the
    bilingual one) count once; a different fix is a different answer and stays. The more
    severe finding stays; on a tie, the one whose fix is safer (a project's own vocabulary
    marks its fixes safe), else the first."""
    kept: dict[tuple, int] = {}
    out: list[Finding | None] = []
    for f in findings:
        keys = [(f.rule, f.start, f.end)]
        if f.suggestions:
            keys.append(("fix", f.start, f.end, f.suggestions[0]))
        else:
            keys.append(("category", f.category, f.start, f.end))
        index = next((kept[k] for k in keys if k in kept), None)
        if index is None:
            for k in keys:
                kept[k] = len(out)
            out.append(f)
        elif _weight(f) > _weight(out[index]):
            out[index] = f
    return [f for f in out if f is not None]


_SAFETY = {Applicability.DISPLAY_ONLY: 0, Applicability.UNSAFE: 1, Applicability.SAFE: 2}


def _weight(f: Finding) -> tuple[int, int]:
    return f.severity.rank, _SAFETY[f.applicability]


def _drop_shadowed(findings: list[Finding], generic: frozenset[str]) -> list[Finding]:
    """Drop a generic checker's finding that flags mostly the same text as a specialised one.

    "Mostly the same" is an overlap of at least half the longer span: LanguageTool's
    "the the" or ".." beside the rule packs' is one problem, but its "came" inside the
    calque "came down from the tree" is a second problem and stays.
    """
    if not generic:
        return findings
    special = sorted((f.start, f.end) for f in findings if f.checker not in generic)
    if not special:
        return findings
    starts = [s for s, _ in special]
    # Furthest end among the specialised spans up to each index, to stop scanning early.
    reach = list(accumulate((end for _, end in special), max))
    return [f for f in findings if not (f.checker in generic and _same_text(f, special, starts, reach))]


def _same_text(f: Finding, special: list[tuple[int, int]], starts: list[int], reach: list[int]) -> bool:
    j = bisect.bisect_left(starts, max(f.end, f.start + 1)) - 1
    while j >= 0 and reach[j] > f.start:
        start, end = special[j]
        overlap = min(end, f.end) - max(start, f.start)
        if overlap > 0 and overlap * 2 >= max(end - start, f.end - f.start):
            return True
        j -= 1
    return False


def build_result(
    document: Document, findings: list[Finding], settings: Settings, suppressed: int = 0
) -> DocumentResult:
    words = count_words(document.analysis_text)
    pen = penalty(findings, settings.severity_weights)
    lines: dict[int, str] = {}
    index = document.line_index
    for f in findings:
        if f.line not in lines:
            start, end = index.line_span(f.line - document.line_offset)
            lines[f.line] = document.text[start:end].removesuffix("\r")  # a CRLF file's line as LF
    return DocumentResult(
        path=document.path,
        id=document.id,
        words=words,
        findings=findings,
        penalty=pen,
        score=score(pen, words),
        mqm_per_1000_words=per_1000_words(pen, words),
        lines=lines,
        text=document.text if settings.keep_text else None,
        suppressed=suppressed,
        encoding=document.metadata.get("encoding"),
        encoding_guessed=bool(document.metadata.get("encoding_guessed")),
    )


__all__ = ["Pipeline", "CheckerUnavailable", "batches", "build_result"]
