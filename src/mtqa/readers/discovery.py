"""Which files a run reads: the paths on the command line, with folders walked and quoted globs expanded.

A file named on the command line is read: the user asked for it. Every file mtqa finds
itself, in a folder or through a quoted glob, is filtered by ``[inputs] include`` and
``exclude`` the same way, so ``mtqa check 'site/**/*.md'`` skips ``node_modules`` as
``mtqa check site`` does. A file link found there that resolves outside the folder (or
outside the glob's fixed leading folders) is skipped: ``mtqa fix site/`` must not rewrite
a file elsewhere on the disk (folder links were never followed). Each file is read once,
however many times it is named or found, so findings and penalties are not counted twice.
A report mtqa wrote (HTML, Markdown, or text written with ``-o``) or a page of
`mtqa rules docs` (mtqa.reporters.marker) found in a folder or by a glob is skipped with a
note: it quotes findings, and `-o report.html` next to the articles must not make the next
run check its own report.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import takewhile

from mtqa.config.settings import Settings
from mtqa.errors import MtqaError
from mtqa.report import InputProblem
from mtqa.reporters.marker import is_report

STDIN = "-"
_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, and the command-line argument that led to it."""

    path: str
    root: str
    named: bool  # given on the command line itself, not found in a folder or by a glob
    real: str = ""  # the resolved path, to read each file once ("" for standard input)
    leaves: str = ""  # the folder it was found in, when it is a link that resolves outside it


@dataclass(slots=True)
class Notes:
    """What discovery left out on purpose, said once on stderr by the command."""

    outside: list[tuple[str, str]] = field(default_factory=list)  # (link, folder it leaves)
    twice: list[tuple[str, str]] = field(default_factory=list)  # (path, the earlier name of the file)
    reports: list[str] = field(default_factory=list)  # mtqa's own reports found in a folder

    def lines(self, follow_hint: str = "name it on the command line to read it") -> list[str]:
        out = []
        if self.outside:
            link, folder = self.outside[0]
            more = f" (and {len(self.outside) - 1} more such link(s))" if len(self.outside) > 1 else ""
            out.append(f"{link}: a link to a file outside {folder}; skipped{more} ({follow_hint})")
        if self.twice:
            path, first = self.twice[0]
            more = f" (and {len(self.twice) - 1} more file(s) given twice)" if len(self.twice) > 1 else ""
            out.append(f"{path}: the same file as {first}; read once{more}")
        if self.reports:
            more = f" (and {len(self.reports) - 1} more report(s))" if len(self.reports) > 1 else ""
            out.append(f"{self.reports[0]}: a report mtqa wrote; skipped{more} (name it on the command line to read it)")
        return out


def discover(paths: Iterable[str], settings: Settings, *, follow_outside_links: bool = False,
             notes: Notes | None = None) -> Iterator[Found | InputProblem]:
    """The files to read, in a stable order, each once; MtqaError when ``-`` is given twice.

    Raised here, before anything is read, rather than when the second ``-`` comes up.
    """
    paths = list(paths)
    if paths.count(STDIN) > 1:
        raise MtqaError(f"{STDIN}: standard input is given {paths.count(STDIN)} times; it can be read only once")
    return _unique(paths, settings, follow_outside_links, notes if notes is not None else Notes())


def _unique(paths: list[str], settings: Settings, follow: bool, notes: Notes) -> Iterator[Found | InputProblem]:
    seen: dict[str, str] = {}  # resolved path -> the name it was first read under
    for raw in paths:
        for item in _expand(raw, settings):
            if isinstance(item, InputProblem) or not item.real:
                yield item
                continue
            if item.leaves and not follow:
                notes.outside.append((item.path, item.leaves))
                continue
            if not item.named and is_report(item.path):
                notes.reports.append(item.path)
                continue
            if item.real in seen:
                notes.twice.append((item.path, seen[item.real]))
                continue
            seen[item.real] = item.path
            yield item


def _expand(raw: str, settings: Settings) -> Iterator[Found | InputProblem]:
    if raw == STDIN:
        yield Found(STDIN, raw, True)
        return
    try:
        is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
    except FileNotFoundError:
        is_dir = None  # absent (or a dangling link): maybe a quoted glob
    except OSError as exc:  # too long, a loop of links, no permission on a parent…
        yield InputProblem(raw, exc.strerror or str(exc))
        return
    if is_dir:
        found = False
        for item in _walk(raw, raw, (os.path.realpath(raw), raw), settings):
            found = True
            yield item
        if not found:
            yield InputProblem(raw, "no files to check in this folder (see [inputs] include and exclude)")
    elif is_dir is not None:
        yield Found(raw, raw, True, os.path.realpath(raw))
    elif _GLOB.search(raw):
        yield from _glob(raw, settings)
    else:
        yield InputProblem(raw, "no such file or directory")


def _glob(pattern: str, settings: Settings) -> Iterator[Found | InputProblem]:
    """A quoted glob (`mtqa check 'site/**/*.md'`), for shells and CI files that do not
    expand it; `**` matches any depth. Matches are filtered as a folder's files are,
    relative to the pattern's fixed leading folders."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputProblem(pattern, "no files match this pattern")
        return
    base = fixed_folder(pattern)
    fence = (os.path.realpath(base), base)
    found = False
    for match in matches:
        rel = os.path.normpath(os.path.relpath(match, base))
        if os.path.isdir(match):
            if _excluded_folder(rel, settings):
                continue
            for item in _walk(match, pattern, fence, settings):
                found = found or not isinstance(item, InputProblem)
                yield item
        elif _wanted(rel, settings):
            found = True
            yield _found(match, pattern, os.path.realpath(match), fence)
    if not found:
        yield InputProblem(pattern, "no files to check match this pattern (see [inputs] include and exclude)")


def fixed_folder(pattern: str) -> str:
    """The leading folders of a glob that hold no wildcard ("site" for "site/**/*.md")."""
    head = list(takewhile(lambda part: not glob.has_magic(part), pattern.split(os.sep)[:-1]))
    if head == [""]:
        return os.sep
    return os.sep.join(head) or os.curdir


def _excluded_folder(rel: str, settings: Settings) -> bool:
    """Whether a folder (or one it is in) on the way from a glob's fixed folder is excluded."""
    parts = [p for p in rel.split(os.sep) if p not in ("", os.curdir)]
    return any(_matches(os.sep.join(parts[: i + 1]), part, settings.exclude) for i, part in enumerate(parts))


def _wanted(rel: str, settings: Settings) -> bool:
    folder, name = os.path.split(rel)
    if folder and _excluded_folder(folder, settings):
        return False
    return _included(rel, name, settings) and not _matches(rel, name, settings.exclude)


def _included(rel: str, name: str, settings: Settings) -> bool:
    """``[inputs] include`` matched with the extension in lower case too: `NEWS.TXT` and
    `Story.MD` are read as `.txt` and `.md` files (the readers go by the lower-case suffix)."""
    if _matches(rel, name, settings.include):
        return True
    stem, suffix = os.path.splitext(name)
    if suffix == suffix.lower():
        return False
    return _matches(rel[: len(rel) - len(suffix)] + suffix.lower(), stem + suffix.lower(), settings.include)


def _matches(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def _found(path: str, arg: str, real: str, fence: tuple[str, str]) -> Found:
    """A file found in a folder; ``fence`` is (real folder, folder as shown) it must resolve inside."""
    inside = real == fence[0] or real.startswith(fence[0].rstrip(os.sep) + os.sep)
    return Found(path, arg, False, real, "" if inside else fence[1])


def _walk(root: str, arg: str, fence: tuple[str, str], settings: Settings) -> Iterator[Found | InputProblem]:
    """Matching files under ``root``; a folder that cannot be listed is an InputProblem.

    Folder links are not followed (os.walk's default). Below ``root`` every folder is a
    real one, so a file that is not a link resolves to its place under the real root and
    only links need ``realpath``.
    """
    failed: list[OSError] = []
    real_root = os.path.realpath(root)
    for folder, dirs, files in os.walk(root, onerror=failed.append):
        while failed:
            yield _walk_problem(failed.pop(0))
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(
            d for d in dirs if not _matches(os.path.normpath(os.path.join(rel_folder, d)), d, settings.exclude)
        )
        for name in sorted(files):
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if _included(rel, name, settings) and not _matches(rel, name, settings.exclude):
                path = os.path.join(folder, name)
                real = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_root, rel)
                yield _found(path, arg, real, fence)
    for error in failed:
        yield _walk_problem(error)


def _walk_problem(error: OSError) -> InputProblem:
    reason = "folder not readable (permission denied)" if error.errno == errno.EACCES else (
        f"folder not readable ({error.strerror or error})")
    return InputProblem(str(error.filename), reason)
