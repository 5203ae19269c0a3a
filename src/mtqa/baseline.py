"""Baselines: record today's findings so CI gates only on findings that are new.

A finding is identified by a fingerprint of its rule, the flagged text and a few words
of context on each side, never by line or offset, so adding a paragraph above an old
finding does not make it "new". Identical fingerprints in one document are counted, so
a second copy of a known artifact is still reported. SARIF's ``partialFingerprints``
use the same function, so code-scanning tools track findings the way baselines do.

Documents are keyed by their path relative to the baseline file's folder, with / and no
'./' (version 2), so `mtqa check .`, `mtqa check articles/` and a run from a subfolder
name a document alike; a file holding several documents adds '#' and each one's own id.
Version 1 files kept the paths as typed, relative to the folder mtqa ran in; they are
read that way, and written back as version 2.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from mtqa.errors import MtqaError
from mtqa.model import Finding
from mtqa.report import DocumentResult, Report, rescored

FORMAT_VERSION = 2
# Version -> the folder its document paths are relative to (given the baseline file's).
_BASE = {1: lambda baseline_dir: os.getcwd(), 2: lambda baseline_dir: baseline_dir}
# Words of context kept on each side: enough to tell two occurrences of "She" apart,
# few enough that an edit elsewhere in the paragraph leaves the fingerprint alone.
CONTEXT_WORDS = 3
_WORD = re.compile(r"\S+")


def _context(line: str | None, finding: Finding) -> tuple[str, str]:
    """The CONTEXT_WORDS words before and after the finding on its line."""
    if line is None:
        return "", ""
    start = finding.column - 1
    first_line_of_text = finding.text.split("\n", 1)[0]
    end = start + len(first_line_of_text)
    before = _WORD.findall(line[:start])[-CONTEXT_WORDS:]
    after = _WORD.findall(line[end:])[:CONTEXT_WORDS] if "\n" not in finding.text else []
    return " ".join(before), " ".join(after)


def fingerprint(finding: Finding, line: str | None) -> str:
    """Stable id of a finding: rule + flagged text + surrounding words, no positions."""
    before, after = _context(line, finding)
    text = " ".join(finding.text.split())
    key = "\x1f".join((finding.rule, text, before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def document_key(doc: DocumentResult, base: str | None = None) -> str:
    """How a baseline names a document: its path relative to ``base`` (default: the
    current folder), with / and no './', then '#' and its id when a file holds several.
    Ids built from the path as typed ('sub/w.txt#1' of --split-docs, 'sub/m.xlf#one.txt'
    of an XLIFF <file>) keep only their own part, so the key does not depend on it."""
    path = _relative(doc.path, base or os.getcwd())
    if doc.id == doc.path:
        return path
    own = doc.id.removeprefix(doc.path + "#")
    return f"{path}#{own}"


def _typed_key(doc: DocumentResult, base: str) -> str:
    """The key mtqa wrote before ``document_key`` dropped the typed path from ids: a baseline
    written so still matches when the path is typed as it was then."""
    path = _relative(doc.path, base)
    return path if doc.id == doc.path else f"{path}#{doc.id}"


def _relative(path: str, base: str) -> str:
    """``path`` (relative to the current folder, or absolute) relative to ``base``, normalised."""
    if path.startswith("<"):  # <stdin>
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def _rebased(key: str, key_base: str, base: str) -> str:
    """A key written relative to ``key_base`` as ``document_key`` spells it relative to ``base``.
    The path ends at the first '#' (a '#' inside a file name stays in the key unchanged)."""
    if key.startswith("<"):
        return key
    path, hash_, doc_id = key.partition("#")
    return _relative(os.path.join(key_base, path), base) + hash_ + doc_id


def _folder(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def _portable(path: str) -> str:
    if path.startswith("<") or not os.path.isabs(path):
        return path.replace(os.sep, "/")
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def finding_fingerprints(doc: DocumentResult) -> list[str]:
    return [fingerprint(f, doc.lines.get(f.line)) for f in doc.findings]


def build_baseline(report: Report, base: str, kept: dict[str, list[dict]] | None = None) -> dict:
    """The baseline of ``report``, its paths relative to ``base`` (the baseline file's folder),
    plus ``kept``: entries of documents the run did not check."""
    documents: dict[str, list[dict]] = {}
    for doc in report.documents:
        entries = [
            {"fingerprint": fp, "rule": f.rule, "text": f.text}
            for f, fp in zip(doc.findings, finding_fingerprints(doc), strict=True)
        ]
        if entries:
            documents.setdefault(document_key(doc, base), []).extend(entries)
    for key, entries in (kept or {}).items():
        documents.setdefault(key, entries)
    return {"mtqa_baseline": FORMAT_VERSION, "documents": dict(sorted(documents.items()))}


def write_baseline(report: Report, path: str) -> tuple[int, int]:
    """Write the baseline file atomically; returns the entries recorded from this run and
    those kept from the file it replaces.

    Rewriting a baseline keeps the entries of documents this run did not check whose files
    still exist: a run over part of a corpus (a pre-commit hook on the staged files) or one
    where a file could not be read must not forget findings accepted long ago, which the
    next full run would then call new. Entries of files that are gone are dropped."""
    from mtqa.cli.output import write_output

    base = _folder(path)
    checked = {key for doc in report.documents for key in (document_key(doc, base), _typed_key(doc, base))}
    previous = {}
    if os.path.isfile(path):  # not a device such as /dev/full, which reads forever
        try:
            previous = _entries(path)
        except MtqaError:  # not a baseline: nothing to keep
            pass
    kept = {key: entries for key, entries in previous.items()
            if key not in checked and not key.startswith("<")
            and os.path.isfile(os.path.join(base, key.partition("#")[0]))}
    data = build_baseline(report, base, kept)
    total = sum(len(v) for v in data["documents"].values())
    held = sum(len(v) for v in kept.values())
    write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", path, what="baseline")
    return total - held, held


def check_replaceable(path: str) -> None:
    """Refuse, before a run, to write a baseline over a file that holds something else.

    Writing a baseline over an existing one keeps its entries, so the file is read first; a
    file that is not a baseline this mtqa reads (``package.json``, notes, a baseline broken
    by merge-conflict markers, one of a newer version) would be replaced whole, losing it or
    every entry the run did not recheck. An empty file, or none, is fine."""
    if not os.path.isfile(path):  # none yet, or a device such as /dev/null
        return
    try:
        if not Path(path).read_bytes().strip():
            return
    except OSError as exc:
        raise MtqaError(f"{path}: cannot read the file --write-baseline would replace: {exc}") from None
    try:
        _entries(path)
    except MtqaError as exc:
        raise MtqaError(f"{exc}; --write-baseline would replace it: remove it or name another file") from None


def read_baseline(path: str) -> dict[str, Counter[str]]:
    """Fingerprint counts per document key (relative to the baseline's folder, as
    ``document_key`` spells it, whatever the version); a broken file is a one-line error."""
    return {key: Counter(str(e["fingerprint"]) for e in entries) for key, entries in _entries(path).items()}


def _entries(path: str) -> dict[str, list[dict]]:
    """The entries of each document key of the baseline at ``path``, keys as ``document_key``
    spells them relative to the baseline's folder."""
    if path == "-":
        raise MtqaError("-: a baseline is read from a file, not from standard input")
    try:  # utf-8-sig: a baseline is a file teams edit, and some editors save JSON with a BOM
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MtqaError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MtqaError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise MtqaError(f"{path}: baseline is not valid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict) or "mtqa_baseline" not in data:
        raise MtqaError(f"{path}: not an mtqa baseline (no 'mtqa_baseline' version)")
    version = data["mtqa_baseline"]
    if version not in _BASE:
        raise MtqaError(f"{path}: baseline version {version!r}; this mtqa reads versions "
                        f"{', '.join(map(str, _BASE))}")
    documents = data.get("documents")
    if not isinstance(documents, dict):
        raise MtqaError(f"{path}: baseline has no 'documents' table")
    base = _folder(path)
    key_base = _BASE[version](base)
    rebased: dict[str, list[dict]] = {}
    for key, entries in documents.items():
        if not isinstance(entries, list) or not all(isinstance(e, dict) and "fingerprint" in e for e in entries):
            raise MtqaError(f"{path}: baseline entries of {key!r} must be objects with a fingerprint")
        rebased.setdefault(_rebased(key, key_base, base), []).extend(entries)
    return rebased


def apply_baseline(report: Report, path: str) -> Report:
    """Keep only findings the baseline does not know; record what matched and what is gone.

    Scores and penalties are recomputed from the remaining findings so the gate, which
    reads them, also considers only new findings.
    """
    known = read_baseline(path)
    base = _folder(path)
    seen_keys: set[str] = set()
    matched = new = gone = 0
    documents: list[DocumentResult] = []
    for doc in report.documents:
        keys = (document_key(doc, base), _typed_key(doc, base))
        seen_keys.update(keys)
        remaining = Counter(next((known[k] for k in keys if k in known), ()))
        kept: list[Finding] = []
        for f, fp in zip(doc.findings, finding_fingerprints(doc), strict=True):
            if remaining[fp] > 0:
                remaining[fp] -= 1
                matched += 1
            else:
                kept.append(f)
        new += len(kept)
        gone += sum(remaining.values())
        documents.append(rescored(doc, kept, report.severity_weights))
    # Documents in the baseline that this run did not check are not "fixed": they were
    # simply not looked at, so their entries are reported apart from the gone ones.
    unchecked = sum(sum(c.values()) for k, c in known.items() if k not in seen_keys)
    report.documents = documents
    report.baseline = {
        "path": _portable(path),
        "entries": sum(sum(c.values()) for c in known.values()),
        "matched": matched,
        "new": new,
        "gone": gone,
        "not_checked": unchecked,
    }
    return report
