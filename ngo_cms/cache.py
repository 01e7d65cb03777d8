"""A Redis cache that lets readers through when Redis is down.

Django's ``RedisCache`` raises ``redis.ConnectionError`` (or a timeout) from every
call when Redis is unreachable, so every API answer would be a 500 although the
content is in the database. The response cache and its generation number are an
optimisation: this backend logs the failure and answers as a cache miss (``get``
gives the default, ``set`` and ``add`` store nothing), and the API renders from the
database. Throttles must not use it: a throttle that silently lets everything
through is no throttle, so they keep a strict cache alias of their own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Log a Redis outage once a minute per process, not once per request.
LOG_INTERVAL = 60.0


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and redis-py fills a
    table of about 170 response callbacks in each: about half a millisecond of CPU
    per call, more than the call itself on a hot path (the API's cached answers,
    signing). A ``redis.Redis`` is safe to share between threads (each command
    takes a connection from the pool).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    """``RedisCache`` whose reads miss and whose writes are dropped while Redis is
    unreachable (see the module docstring)."""

    _last_logged = 0.0

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _safe(self, call: Callable[[], T], default: T) -> T:
        try:
            return call()
        except Exception as error:  # redis.ConnectionError, TimeoutError, OSError
            if not _is_connection_error(error):
                raise
            now = time.monotonic()
            if now - FailSafeRedisCache._last_logged > LOG_INTERVAL:
                FailSafeRedisCache._last_logged = now
                logger.warning("Redis cache unreachable, serving uncached: %s", error)
            return default

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        parent = super().get
        return self._safe(lambda: parent(key, default, version), default)

    def get_many(self, keys: Any, version: Any = None) -> dict:
        parent = super().get_many
        return self._safe(lambda: parent(keys, version), {})

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        parent = super().set
        self._safe(lambda: parent(key, value, timeout, version), None)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        parent = super().add
        return self._safe(lambda: parent(key, value, timeout, version), False)

    def delete(self, key: Any, version: Any = None) -> bool:
        parent = super().delete
        return self._safe(lambda: parent(key, version), False)

    def has_key(self, key: Any, version: Any = None) -> bool:
        parent = super().has_key
        return self._safe(lambda: parent(key, version), False)

    def set_many(
        self, data: dict, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list:
        parent = super().set_many
        return self._safe(lambda: parent(data, timeout, version), list(data))

    def delete_many(self, keys: Any, version: Any = None) -> None:
        parent = super().delete_many
        self._safe(lambda: parent(keys, version), None)

    def touch(
        self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        parent = super().touch
        return self._safe(lambda: parent(key, timeout, version), False)


def _is_connection_error(error: Exception) -> bool:
    try:
        import redis
    except ImportError:  # pragma: no cover - RedisCache needs it anyway
        return isinstance(error, OSError)
    return isinstance(error, redis.ConnectionError | redis.TimeoutError | OSError)
