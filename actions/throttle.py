"""One throttle for every way of signing and confirming a signature.

The API, the page's HTML form and the confirmation page all call :func:`hit`, with
the rates of ``settings.SIGNING_RATES``. Counters live in the cache alias
``"throttle"`` (Redis in production, so every worker shares them; its own alias, so
flooding the response cache cannot evict them). Keys hold keyed hashes, never an
address: the cache is not a list of who signed.

When the cache cannot be reached, :class:`ThrottleUnavailable` is raised and the
callers answer 503: signing unthrottled would let anyone mail-bomb an address or
fill the table.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest
from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from ngo_cms.conf import app_settings

CACHE_ALIAS = "throttle"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Seconds a client is told to wait when the throttle's cache is down.
UNAVAILABLE_RETRY_AFTER = 30


class ThrottleUnavailable(Exception):
    """The throttle's cache cannot be reached: refuse rather than run unthrottled."""


class Throttled(Exception):
    """A limit is reached; ``wait`` is the number of seconds until the next window."""

    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = wait


def parse_rate(rate: str) -> tuple[int, int]:
    """``"10/minute"`` as ``(10, 60)``: requests allowed and window in seconds."""
    number, period = rate.split("/")
    return int(number), PERIODS[period.strip()[0]]


def client_ident(request: HttpRequest) -> str:
    """The client's address, honouring ``REST_FRAMEWORK["NUM_PROXIES"]`` as DRF does.

    A host that does not set it would have DRF trust any ``X-Forwarded-For`` header,
    which anyone can forge to dodge the limit: then count by the peer address.
    """
    if api_settings.NUM_PROXIES is None:
        return request.META.get("REMOTE_ADDR", "")
    return BaseThrottle().get_ident(request)


def _digest(value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]


def hit(**idents: str) -> int | None:
    """Count one request against each ``scope=identity`` given.

    Args:
        idents: scope names of ``settings.SIGNING_RATES`` and the identity counted
            in each (a client address, a campaign key, a normalised email).

    Returns:
        ``None`` when every limit still holds, else the seconds to wait.

    Raises:
        ThrottleUnavailable: the cache could not be reached.
    """
    now = time.time()
    counters: list[tuple[str, int, int]] = []
    for scope, ident in idents.items():
        limit, period = parse_rate(app_settings.SIGNING_RATES[scope])
        window = int(now // period)
        counters.append((f"sign:{scope}:{_digest(ident)}:{window}", limit, period))
    cache = caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]
    try:
        counts = _increment(cache, [(key, period) for key, _l, period in counters])
    except (RedisError, OSError) as error:
        raise ThrottleUnavailable from error
    waits = [
        int(period - now % period) + 1
        for (_key, limit, period), count in zip(counters, counts, strict=True)
        if count > limit
    ]
    return max(waits) if waits else None


def _increment(cache: object, keys: list[tuple[str, int]]) -> list[int]:
    """Add one to each counter (created with its window as expiry); new values.

    On Redis, one pipelined round trip for all counters; elsewhere (local memory
    in development and tests) the cache API.
    """
    if isinstance(cache, RedisCache):
        full = [(cache.make_and_validate_key(key), period) for key, period in keys]
        client = cache._cache.get_client(full[0][0], write=True)
        pipe = client.pipeline(transaction=False)
        for key, period in full:
            pipe.set(key, 0, ex=period + 1, nx=True)
            pipe.incr(key)
        results = pipe.execute()
        return [int(value) for value in results[1::2]]
    values = []
    for key, period in keys:
        cache.add(key, 0, period + 1)
        try:
            values.append(cache.incr(key))
        except ValueError:
            # Expired between add() and incr(): start the window again.
            cache.set(key, 1, period + 1)
            values.append(1)
    return values
