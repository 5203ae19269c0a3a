"""Ctrl+C and SIGTERM during a Dask run, acted on where mtqa's own code waits.

Raised at any moment, KeyboardInterrupt lands inside distributed's client machinery (in
a future's finaliser, in the call that hands a wait to the event loop thread) and leaves
tracebacks on stderr or a client half-closed. While a run is on, the stop signals only
note that they came; the run waits for results in short slices and, between them, raises
KeyboardInterrupt (SIGINT) or SystemExit(128 + signal) (SIGTERM, SIGHUP), so the cluster
is closed on the way out and the command ends with its one line. A second signal of a
kind acts at once, as it would have without this.
"""

from __future__ import annotations

import signal
import threading

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
SLICE_SECONDS = 0.1  # how long a wait runs before it looks for a stop


class Stops:
    """The stop signals noted instead of acted on, inside ``with``."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._saved: dict[int, object] = {}

    def __enter__(self) -> Stops:
        if threading.current_thread() is threading.main_thread():
            for sig in STOP_SIGNALS:
                handler = signal.getsignal(sig)
                if handler is not signal.SIG_IGN:  # under nohup, or `cmd &` for SIGINT: stays ignored
                    self._saved[sig] = handler
                    signal.signal(sig, self._note)
        return self

    def __exit__(self, kind, error, _traceback) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)
        self._saved.clear()
        if kind is None or not issubclass(kind, (KeyboardInterrupt, SystemExit)):
            # What broke after a stop broke because of it (a SIGTERM to the whole process
            # group ends the workers first): the stop is what the command reports.
            self.check()

    def _note(self, signum: int, _frame) -> None:
        if self.signum is None:
            self.signum = signum
        saved = self._saved.pop(signum, None)
        signal.signal(signum, signal.SIG_DFL if saved is None else saved)  # the next one acts

    def check(self) -> None:
        """Raise what the first stop signal would have raised, if one came."""
        if self.signum == signal.SIGINT:
            raise KeyboardInterrupt
        if self.signum is not None:
            raise SystemExit(128 + self.signum)

    def waited(self, future) -> Waited:
        return Waited(future, self)


class Waited:
    """A future whose ``result()`` waits in slices and stops between them when told to."""

    def __init__(self, future, stops: Stops) -> None:
        self.future = future
        self.stops = stops
        self._done = threading.Event()
        future.add_done_callback(lambda _: self._done.set())

    def result(self):
        while not self._done.wait(SLICE_SECONDS):
            self.stops.check()
        self.stops.check()
        return self.future.result()
