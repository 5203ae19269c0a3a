"""Writes a report to stdout or to a file, and refuses a destination that is one of the inputs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from mtqa.atomic import atomic_write
from mtqa.errors import MtqaError


def write_output(text: str, path: str | None) -> None:
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise MtqaError(f"{path}: cannot write report: {exc.strerror or exc}") from None


def check_destinations(destinations: dict[str, str | None], inputs: Iterable[str]) -> None:
    """Refuse (MtqaError, exit 2) an output file that is one of the inputs, or two outputs that
    are one file: the report would replace the article it is about.

    Files are compared by device and inode, so a relative path, a symlink or a hard link
    to an input is caught as well as the same spelling.
    """
    wanted = {option: _identity(path) for option, path in destinations.items() if path and path != "-"}
    wanted = {option: ident for option, ident in wanted.items() if ident is not None}
    if not wanted:
        return
    seen: dict[tuple[int, int], str] = {}
    for option, ident in wanted.items():
        if ident in seen:
            raise MtqaError(f"{destinations[option]}: {option} and {seen[ident]} name the same file")
        seen[ident] = option
    for path in inputs:
        ident = _identity(path)
        if ident in seen:
            option = seen[ident]
            raise MtqaError(f"{destinations[option]}: {option} names an input file ({path}); "
                            "the report would replace it. Choose another file")


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None  # a file that does not exist yet cannot be an input
    return info.st_dev, info.st_ino
