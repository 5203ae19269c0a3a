"""The one way mtqa writes a file: all or nothing.

Reports, baselines and fixed articles are written to a temporary file in the target's
folder, flushed and fsynced, given their final permission bits, then ``os.replace``d
over the target (the target of a symlink, not the link), as sqlfluff does. Any failure
(a full disk, an interrupted run) removes the temporary file and leaves the target
byte for byte as it was, so no half report and no stray ``.mtqa-tmp`` file is left.

Permissions: a file that exists keeps its bits (and owner where allowed); a new file
gets ``0666 & ~umask`` like any file a shell redirection creates, not the 0600 that
``mkstemp`` gives its temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

CHUNK = 1 << 16
SUFFIX = ".mtqa-tmp"


def atomic_write(path: str, data: bytes) -> None:
    """Replace (or create) ``path`` with ``data`` atomically; OSError leaves it untouched.

    A device or FIFO (``-o /dev/null``, ``-o /dev/stdout``) is a stream, not a file to
    replace: it is written to directly. Renaming over it would, for root, swap the
    system's /dev/null for a plain file.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "wb") as stream:
            _write_all(stream, data)
        return
    real = os.path.realpath(path)
    folder = os.path.dirname(real)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        if info is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):
                os.chown(tmp, info.st_uid, info.st_gid)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def _write_all(handle, data: bytes) -> None:
    for i in range(0, len(data), CHUNK):
        handle.write(data[i:i + CHUNK])


def _umask() -> int:
    """The process umask (reading it means setting it; mtqa writes from one thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
