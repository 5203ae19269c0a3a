"""Applying suggestions to files: choosing non-overlapping edits, converging, writing atomically.

Only formats whose document text *is* the file text (plain text and Markdown) can be
written back; everything else is refused with a reason. A fix run re-checks the text
after each pass until nothing safe is left (at most MAX_PASSES, as sqlfluff caps its
loop), so running ``mtqa fix`` twice changes nothing the second time.

Files are written with ``mtqa.atomic`` (all or nothing); a read-only file or one with
several hard links is left alone unless forced.
"""

from __future__ import annotations

import codecs
import difflib
import importlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mtqa.errors import InputError
from mtqa.model import Applicability, Document, Finding
from mtqa.readers import READERS

MAX_PASSES = 10
# Extensions whose reader keeps the file text as the document text.
WRITABLE = {ext: READERS[ext] for ext in (".txt", ".md", ".markdown")}


@dataclass(frozen=True, order=True)
class Edit:
    start: int
    end: int
    rule: str
    replacement: str


@dataclass
class FixResult:
    original: str
    fixed: str
    applied: list[Edit] = field(default_factory=list)
    overlapping: int = 0
    unsafe_left: int = 0
    converged: bool = True

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def applicable(finding: Finding, unsafe: bool) -> bool:
    if not finding.suggestions or finding.applicability is Applicability.DISPLAY_ONLY:
        return False
    return finding.applicability is Applicability.SAFE or unsafe


def choose_edits(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[list[Edit], int]:
    """Non-overlapping edits (first suggestion of each fixable finding) and how many overlapped.

    Deterministic: candidates are ordered by (start, end, rule, replacement) and taken
    greedily; an edit that overlaps one already taken waits for the next pass, when the
    text has been re-checked.
    """
    candidates = sorted(
        Edit(f.start, f.end, f.rule, f.suggestions[0])
        for f in findings
        if applicable(f, unsafe) and text[f.start:f.end] == f.text and f.suggestions[0] != f.text
    )
    chosen: list[Edit] = []
    overlapping = 0
    for edit in dict.fromkeys(candidates):  # drop exact duplicates, keep order
        if chosen:
            last = chosen[-1]
            # Overlap, or two insertions at the same point (their order would be arbitrary).
            if edit.start < last.end or (edit.start == last.start == last.end == edit.end):
                if (edit.start, edit.end, edit.replacement) != (last.start, last.end, last.replacement):
                    overlapping += 1
                continue
        chosen.append(edit)
    return chosen, overlapping


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos:edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, make_document: Callable[[str], Document],
             check: Callable[[Document], list[Finding]], unsafe: bool = False) -> FixResult:
    """Fix ``text`` pass by pass until no applicable edit is left (or MAX_PASSES)."""
    result = FixResult(original=text, fixed=text)
    for _ in range(MAX_PASSES):
        findings = check(make_document(result.fixed))
        edits, overlapping = choose_edits(result.fixed, findings, unsafe)
        result.overlapping = overlapping
        result.unsafe_left = sum(1 for f in findings if f.suggestions and f.applicability is Applicability.UNSAFE
                                 and not unsafe)
        if not edits:
            return result
        result.fixed = apply_edits(result.fixed, edits)
        result.applied.extend(edits)
    findings = check(make_document(result.fixed))
    result.converged = not choose_edits(result.fixed, findings, unsafe)[0]
    return result


@dataclass(frozen=True)
class Encoding:
    """How a file was stored, so it is written back the same way (BOM, UTF-8, UTF-16 or UTF-32)."""

    codec: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def decode_for_fix(data: bytes, path: str) -> tuple[str, Encoding]:
    """Decode UTF-8 or BOM-marked UTF-16/32; other encodings are refused (we could not write them back).

    UTF-32 is tried first: its little-endian BOM starts with UTF-16's.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
                       (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), Encoding(codec, bom)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {codec.upper()} at byte {exc.start}; not fixed") from None
    try:
        return data.decode("utf-8"), Encoding("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (invalid byte at {exc.start}); mtqa fix only writes UTF-8 "
                               "and UTF-16/32 files") from None


def writable_reader(path: str) -> str:
    """The reader module for a file `mtqa fix` may write, or InputError saying why not."""
    if path == "-":
        raise InputError("<stdin>", "mtqa fix cannot write standard input; give a file")
    suffix = Path(path).suffix.lower()
    module = WRITABLE.get(suffix)
    if module is None:
        kind = suffix or "files without an extension"
        raise InputError(path, f"mtqa fix only writes plain text and Markdown (.txt, .md, .markdown), "
                               f"not {kind}; use `mtqa check` to see its findings")
    return module


def make_document_factory(path: str, settings) -> Callable[[str], Document]:
    reader = importlib.import_module(writable_reader(path))

    def make(text: str) -> Document:
        documents = list(reader.read(text, path, settings))
        if len(documents) != 1:
            raise InputError(path, "expected one document")
        return documents[0]

    return make


def refuse_to_write(path: str) -> str | None:
    """Why ``mtqa fix`` should leave this file alone unless forced, or None.

    A read-only file says "do not change me"; replacing it would quietly drop that. A
    file with several hard links would be split in two by the rename: the other names
    would keep the old text. Permission bits are read, not ``os.access``, which says
    yes to root.
    """
    info = os.stat(os.path.realpath(path))
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return "file is read-only; not written (use --force to fix it anyway)"
    if info.st_nlink > 1:
        return (f"file has {info.st_nlink} hard links and fixing would split them; not written "
                "(use --force to fix this name anyway)")
    return None


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+\Z")


def unified_diff(path: str, old: str, new: str) -> str:
    """The change as a unified diff whose lines are the file's lines, as the readers count
    them (at CRLF, LF or CR; not at form feeds or U+2028, where ``str.splitlines`` would cut).

    Only the last line of a file may lack a line end ("\\ No newline at end of file").
    Diff tools know only LF: a lone CR (old Mac) line end is shown as LF, and a line above
    the diff says so, since such a diff is a preview, not a patch that applies to the file.
    """
    def lines(text: str) -> list[str]:
        return [line[:-1] + "\n" if line.endswith("\r") else line for line in _LINE.findall(text)]

    diff = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in difflib.unified_diff(lines(old), lines(new), fromfile=f"a/{path}", tofile=f"b/{path}"))
    if "\r" in old.replace("\r\n", "") or "\r" in new.replace("\r\n", ""):
        diff = f"{path}: line ends are CR (old Mac), shown as LF below\n{diff}"
    return diff
