"""Which files a run reads: the paths on the command line, with folders walked and quoted globs expanded.

A file named on the command line is read: the user asked for it. Every file mtqa finds
itself, in a folder or through a quoted glob, is filtered by ``[inputs] include`` and
``exclude`` the same way, so ``mtqa check 'site/**/*.md'`` skips ``node_modules`` as
``mtqa check site`` does.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mtqa.config.settings import Settings
from mtqa.report import InputProblem

STDIN = "-"
_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, and the command-line argument that led to it."""

    path: str
    root: str
    named: bool  # given on the command line itself, not found in a folder or by a glob


def discover(paths: Iterable[str], settings: Settings) -> Iterator[Found | InputProblem]:
    """The files to read, in a stable order."""
    for raw in paths:
        yield from _expand(raw, settings)


def expand_paths(paths: Iterable[str], settings: Settings) -> Iterator[str | InputProblem]:
    """The paths of :func:`discover`'s files (and its InputProblems)."""
    for item in discover(paths, settings):
        yield item if isinstance(item, InputProblem) else item.path


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
        for item in _walk(raw, raw, settings):
            found = True
            yield item
        if not found:
            yield InputProblem(raw, "no files to check in this folder (see [inputs] include and exclude)")
    elif is_dir is not None:
        yield Found(raw, raw, True)
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
    base = _fixed_folder(pattern)
    found = False
    for match in matches:
        rel = os.path.normpath(os.path.relpath(match, base))
        if os.path.isdir(match):
            if _excluded_folder(rel, settings):
                continue
            for item in _walk(match, pattern, settings):
                found = found or not isinstance(item, InputProblem)
                yield item
        elif _wanted(rel, settings):
            found = True
            yield Found(match, pattern, False)
    if not found:
        yield InputProblem(pattern, "no files to check match this pattern (see [inputs] include and exclude)")


def _fixed_folder(pattern: str) -> str:
    """The leading folders of a glob that hold no wildcard ("site" for "site/**/*.md")."""
    head = []
    for part in pattern.split(os.sep)[:-1]:
        if glob.has_magic(part):
            break
        head.append(part)
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
    return _matches(rel, name, settings.include) and not _matches(rel, name, settings.exclude)


def _matches(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def _walk(root: str, arg: str, settings: Settings) -> Iterator[Found | InputProblem]:
    """Matching files under ``root``; a folder that cannot be listed is an InputProblem."""
    failed: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=failed.append):
        while failed:
            yield _walk_problem(failed.pop(0))
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(
            d for d in dirs if not _matches(os.path.normpath(os.path.join(rel_folder, d)), d, settings.exclude)
        )
        for name in sorted(files):
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if _matches(rel, name, settings.include) and not _matches(rel, name, settings.exclude):
                yield Found(os.path.join(folder, name), arg, False)
    for error in failed:
        yield _walk_problem(error)


def _walk_problem(error: OSError) -> InputProblem:
    reason = "folder not readable (permission denied)" if error.errno == errno.EACCES else (
        f"folder not readable ({error.strerror or error})")
    return InputProblem(str(error.filename), reason)
