"""A real HTTP receiver on 127.0.0.1 for the webhook tests."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

#: The ports this project's webhook tests may use (NGO_CMS_WEBHOOK_TEST_PORTS, e.g.
#: "18100-18200", overrides).
PORTS = range(
    *map(int, os.environ.get("NGO_CMS_WEBHOOK_TEST_PORTS", "18100-18200").split("-"))
)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def payload(self) -> dict[str, Any]:
        return json.loads(self.body)


@dataclass
class Receiver:
    """What the server received, and how it answers: ``answers`` is consumed one
    per request (status, delay in seconds); when empty, ``default`` answers."""

    url: str = ""
    requests: list[Received] = field(default_factory=list)
    answers: list[tuple[int, float]] = field(default_factory=list)
    default: tuple[int, float] = (200, 0.0)

    def events(self, event: str | None = None, object_id: int | None = None) -> list:
        return [
            received
            for received in self.requests
            if (event is None or received.payload["event"] == event)
            and (object_id is None or received.payload["object"]["id"] == object_id)
        ]


def start_receiver() -> tuple[Receiver, ThreadingHTTPServer]:
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            receiver.requests.append(Received(dict(self.headers.items()), body))
            status, delay = (
                receiver.answers.pop(0) if receiver.answers else receiver.default
            )
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"ok" if status < 300 else b"receiver says no")
            except OSError:  # the client gave up (timeout)
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = None
    for port in PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
        except OSError:  # taken (another test, or a TIME_WAIT socket)
            continue
    assert server is not None, "no free port in the webhook tests' range"
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/cms"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return receiver, server


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver, server = start_receiver()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def second_receiver() -> Iterator[Receiver]:
    receiver, server = start_receiver()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
