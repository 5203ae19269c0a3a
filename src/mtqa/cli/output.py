"""Writes a report to stdout or to a file, and refuses a destination that is one of the inputs."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable

from mtqa.atomic import atomic_write
from mtqa.errors import MtqaError


def write_output(text: str, path: str | None, what: str = "report") -> None:
    """Write ``text`` (a report, or ``what`` else) to stdout or atomically to ``path``."""
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        folder = os.path.dirname(path)
        reason = f"folder {folder} does not exist" if folder and not os.path.isdir(folder) else exc.strerror or exc
        raise MtqaError(f"{path}: cannot write {what}: {reason}") from None


class GuardedStdout:
    """Standard output whose failed write is a user error (one line, exit 2), not a traceback.

    A full disk (``> /dev/full``) or a closed descriptor (``>&-``) otherwise ends in a
    traceback and exit 1, which a CI job reads as a failed gate. Every command writes through
    it (``main`` installs it), so ``click.echo`` and ``print`` are covered as well as reports.
    A reader that left (BrokenPipeError, ``| head``) passes through: that is no error.

    A standard output that is not UTF-8 (Windows when redirected or piped: the ANSI code
    page; a Latin-1 locale) gets every character it cannot encode as a ``\\uXXXX`` escape
    instead of a UnicodeEncodeError in mid-report: the report is complete, and a JSON or
    SARIF report stays valid JSON meaning the same text (``-o`` writes UTF-8 instead).
    """

    def __init__(self, stream) -> None:
        self._stream = stream  # None when the shell closed the descriptor
        self._error = "standard output is closed"
        _escape_what_cannot_be_encoded(stream)

    def write(self, text: str) -> int:
        return self._guard(lambda stream: stream.write(text))

    def flush(self) -> None:
        if self._stream is not None:
            self._guard(lambda stream: stream.flush())

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str):
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)

    def _guard(self, operation):
        if self._stream is not None:
            try:
                return operation(self._stream)
            except BrokenPipeError:
                raise
            except OSError as exc:  # later writes repeat this cause, not "closed"
                self._stream, self._error = None, exc.strerror or str(exc)
                silence_stdout()
        raise MtqaError(f"cannot write report: {self._error}")


ESCAPE = "mtqa-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """``\\uXXXX`` for each character the codec cannot encode (a pair for one past U+FFFF):
    readable in a text report and, inside a JSON string, the character itself."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    units = error.object[error.start:error.end].encode("utf-16-be")
    escaped = "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2))
    return escaped, error.end


codecs.register_error(ESCAPE, _json_escape)


def _escape_what_cannot_be_encoded(stream) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    try:
        if reconfigure is not None and not codecs.lookup(stream.encoding).name.startswith("utf-"):
            reconfigure(errors=ESCAPE)
    except (LookupError, TypeError, OSError, ValueError):  # no known encoding, or a closed stream
        pass


def silence_stdout() -> None:
    """Point descriptor 1 at devnull so the interpreter's final flush cannot raise again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    except OSError:
        pass


def check_destinations(destinations: dict[str, str | None], inputs: Iterable[str]) -> None:
    """Refuse (MtqaError, exit 2) an output file that is one of the inputs, or two outputs that
    are one file: the report would replace the article it is about.

    Files are compared by device and inode, so a relative path, a symlink or a hard link
    to an input is caught as well as the same spelling.
    """
    for option, path in destinations.items():
        if path == "":
            raise MtqaError(f"{option}: empty path; name a file" + (" or '-' for standard output"
                                                                    if option == "--output" else ""))
        if path == "-" and option != "--output":
            raise MtqaError(f"-: {option} writes a file; standard output carries the report")
    wanted = {option: _identity(path) for option, path in destinations.items() if path and path != "-"}
    wanted = {option: ident for option, ident in wanted.items() if ident is not None}
    if not wanted:
        return
    seen: dict[tuple, str] = {}
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


def _identity(path: str) -> tuple | None:
    """Device and inode of ``path``; for a file not written yet, those of its folder and its
    name, so two options naming one new file (``r.json`` and ``./r.json``) are caught too."""
    try:
        info = os.stat(path)
        return info.st_dev, info.st_ino
    except (OSError, ValueError):
        pass
    try:
        folder = os.stat(os.path.dirname(path) or ".")
    except (OSError, ValueError):
        return None  # the write itself will report the missing folder
    return folder.st_dev, folder.st_ino, os.path.basename(path)
