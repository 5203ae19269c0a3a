"""Tying every LanguageTool JVM mtqa starts to the mtqa process that started it.

Three layers, so no JVM outlives mtqa however mtqa ends:

1. A normal end, Ctrl-C or an exception: the owner's ``close`` stops the server, and an
   atexit hook stops any server still running.
2. SIGTERM and SIGHUP: Python's default is to die at once, skipping atexit and every
   ``finally``. ``exit_on_signals`` turns them into ``SystemExit(128 + signal)``, so the
   same clean-up runs. (uvicorn catches SIGTERM while serving and re-raises it after
   shutting down; the re-raised signal lands here.)
3. SIGKILL or a crash: the kernel sends the JVM SIGTERM when its parent dies (Linux
   ``PR_SET_PDEATHSIG``). The kernel takes the *thread* that forked the JVM as its
   parent, so JVMs are forked from the main thread or from one launcher thread that
   lives as long as the process, never from a worker thread that may end first.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

PR_SET_PDEATHSIG = 1
_launcher_pool: ThreadPoolExecutor | None = None
_launcher_lock = threading.Lock()


def _load_prctl():
    """libc's prctl, resolved once here: the child must not load libraries between fork and exec."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def spawn(command: list[str], **kwargs) -> subprocess.Popen:
    """Start ``command`` so that it dies with this process (see the module docstring)."""
    if _PRCTL is None:
        return subprocess.Popen(command, **kwargs)
    kwargs["preexec_fn"] = _die_with(os.getpid())
    if threading.current_thread() is threading.main_thread():
        exit_on_signals()
        return subprocess.Popen(command, **kwargs)
    return _launcher().submit(subprocess.Popen, command, **kwargs).result()


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask the kernel to send ``sig`` to this process when its parent dies (a `--jobs` worker)."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, sig)


def _die_with(parent: int):
    def preexec() -> None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    return preexec


def _launcher() -> ThreadPoolExecutor:
    """One thread that only forks JVMs; idle, it waits for work until the process ends."""
    global _launcher_pool
    with _launcher_lock:
        if _launcher_pool is None:
            _launcher_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtqa-lt-launcher")
        return _launcher_pool


def exit_on_signals() -> None:
    """Make SIGTERM and SIGHUP, where still at their deadly default, exit through clean-up.

    Only the first signal is turned into SystemExit; a second one kills at once (the
    parent-death signal still takes the JVM along), so a stuck clean-up can be cut short.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is signal.SIG_DFL:
            signal.signal(sig, _exit)


def _exit(signum: int, _frame) -> None:
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is _exit:
            signal.signal(sig, signal.SIG_DFL)
    raise SystemExit(128 + signum)
