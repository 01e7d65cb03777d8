"""The signature of a webhook request, in Stripe's scheme.

Each request carries::

    Webhook-Id: 9f1c…                      the event id, the same on every attempt
    Webhook-Signature: t=1732400000,v1=5257a869e7…

where ``v1`` is the hex HMAC-SHA256, under the target's secret, of the timestamp,
a dot and the raw body (``"1732400000.{…}"``). The receiver recomputes it, compares
in constant time and refuses old timestamps (replays). docs/webhooks.md shows a
receiver in Node and in Python.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Webhook-Signature"
ID_HEADER = "Webhook-Id"
EVENT_HEADER = "Webhook-Event"
#: How old a signed timestamp :func:`verify` accepts, in seconds.
TOLERANCE = 300


def compute(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"{timestamp}.{body}"`` under ``secret``."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The ``Webhook-Signature`` value for ``body``, signed now (or at ``timestamp``)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={compute(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, tolerance: int = TOLERANCE) -> bool:
    """Whether ``header`` is a valid, recent signature of ``body`` under ``secret``
    (what a receiver does; docs/webhooks.md shows the same in Node and Python)."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    return hmac.compare_digest(compute(secret, timestamp, body), parts.get("v1", ""))
