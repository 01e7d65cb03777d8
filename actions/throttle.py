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
from typing import Any

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
    return hit_gated(idents)[0]


def hit_gated(
    idents: dict[str, str], gated: dict[str, str] | None = None
) -> tuple[int | None, bool]:
    """Count one request against ``idents``, and against ``gated`` only when every
    limit of ``idents`` still holds, in one round trip to the cache.

    Signing counts the client and the campaign, and the address only for requests
    those let through (a client over its limit must not use up an address's
    allowance): one Lua script on Redis, so that this costs one round trip.

    Returns:
        ``(wait, gated_over)``: the seconds to wait when a limit of ``idents`` is
        reached (else ``None``), and whether a limit of ``gated`` is.

    Raises:
        ThrottleUnavailable: the cache could not be reached.
    """
    now = time.time()
    counters: list[tuple[str, int, int]] = []
    for scope, ident in (*idents.items(), *(gated or {}).items()):
        limit, period = parse_rate(app_settings.SIGNING_RATES[scope])
        window = int(now // period)
        counters.append((f"sign:{scope}:{_digest(ident)}:{window}", limit, period))
    cache = caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]
    try:
        counts = _increment(cache, counters, len(idents))
    except (RedisError, OSError) as error:
        raise ThrottleUnavailable from error
    over = [
        count > limit
        for (_key, limit, _period), count in zip(counters, counts, strict=True)
    ]
    waits = [
        int(period - now % period) + 1
        for (_key, _limit, period), is_over in zip(
            counters[: len(idents)], over, strict=False
        )
        if is_over
    ]
    return (max(waits) if waits else None), any(over[len(idents) :])


# KEYS: the counters; ARGV: how many come first (the gate), then each counter's
# limit and expiry. A counter after the gate is counted only while no counter of the
# gate is over its limit (0 stands for "not counted").
INCREMENT_LUA = """
local first = tonumber(ARGV[1])
local blocked = false
local values = {}
for i, key in ipairs(KEYS) do
  if i > first and blocked then
    values[i] = 0
  else
    redis.call('SET', key, 0, 'EX', ARGV[2 * i + 1], 'NX')
    values[i] = redis.call('INCR', key)
    if i <= first and values[i] > tonumber(ARGV[2 * i]) then
      blocked = true
    end
  end
end
return values
"""
_scripts: dict[int, Any] = {}


def _increment(
    cache: object, counters: list[tuple[str, int, int]], first: int
) -> list[int]:
    """Add one to each counter (created with its window as expiry); new values.

    Counters after the ``first`` ones are left alone (value 0) when one of the
    first is over its limit. On Redis, one script call (one round trip) for all
    counters; elsewhere (local memory in development and tests) the cache API.
    """
    if isinstance(cache, RedisCache):
        keys = [cache.make_and_validate_key(key) for key, _l, _p in counters]
        # One client and one script object per connection pool, made once: Django
        # builds a new redis.Redis (with its table of callbacks) on every call.
        pool = cache._cache._get_connection_pool(True)
        script = _scripts.get(id(pool))
        if script is None:
            client = cache._cache.get_client(keys[0], write=True)
            script = _scripts[id(pool)] = client.register_script(INCREMENT_LUA)
        args: list[int] = [first]
        for _key, limit, period in counters:
            args += [limit, period + 1]
        return [int(value) for value in script(keys=keys, args=args)]
    values = []
    blocked = False
    for index, (key, limit, period) in enumerate(counters):
        if index >= first and blocked:
            values.append(0)
            continue
        cache.add(key, 0, period + 1)
        try:
            value = cache.incr(key)
        except ValueError:
            # Expired between add() and incr(): start the window again.
            cache.set(key, 1, period + 1)
            value = 1
        values.append(value)
        blocked = blocked or (index < first and value > limit)
    return values
