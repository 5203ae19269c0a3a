"""uvicorn's HTTP/1.1 protocol with a deadline for reading each request.

uvicorn times out idle keep-alive connections but not a request that is still arriving:
a client that sends half a header block, or headers announcing a body it never sends,
holds its connection for ever, and about 80 such sockets exhaust the connection limit
(slowloris). Here every request must arrive whole, headers and body, within
``read_timeout`` seconds of its first byte (or of the previous response); otherwise the
client gets 408 when nothing was answered yet, and the connection is closed.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

REQUEST_TIMEOUT = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
                   b"connection: close\r\ncontent-length: 38\r\n\r\nError: request not received in time.\r\n")


class TimedH11Protocol(H11Protocol):
    read_timeout: float = 15.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._read_deadline: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._settle()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()
            self._settle()  # a pipelined request may already be complete

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._read_deadline = self.loop.call_later(self.read_timeout, self._too_slow)

    def _disarm(self) -> None:
        if getattr(self, "_read_deadline", None) is not None:
            self._read_deadline.cancel()
            self._read_deadline = None

    def _settle(self) -> None:
        """The whole request is in (or the connection is going): no deadline any more."""
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()

    def _too_slow(self) -> None:
        self._read_deadline = None
        if self.transport.is_closing():
            return
        waiting_for_headers = self.conn.their_state is h11.IDLE
        if waiting_for_headers or (self.cycle is not None and not self.cycle.response_started):
            self.transport.write(REQUEST_TIMEOUT)
        self.transport.close()


def timed_protocol(read_timeout: float) -> type[TimedH11Protocol]:
    """The protocol class uvicorn instantiates per connection, with this deadline."""
    return type("TimedH11Protocol", (TimedH11Protocol,), {"read_timeout": read_timeout})
