"""HTTP caching of API responses, and the server-side cache of rendered responses.

Every GET answer carries an ``ETag`` (a hash of its body), a ``Last-Modified`` (the
last time published content changed), and ``Cache-Control: public, max-age=…,
stale-while-revalidate=…`` from settings; a matching ``If-None-Match`` or
``If-Modified-Since`` gets a 304.

Rendered responses are kept in Django's cache (local memory by default, Redis when
``REDIS_URL`` is set) with the versions of their cache tags (:mod:`ngo_cms.api.tags`):
publishing a page, or changing a snippet or an image, moves on the versions of the
tags it touches, and only the answers that show it miss. The key also includes a
*generation* number, which changes that can alter any answer (locales, sites,
redirects, view restrictions, pages moved or deleted) bump, so that every cached
response becomes unreachable at once and expires on its own.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from ngo_cms.conf import app_settings

GENERATION_KEY = "ngo_cms:api:generation"
RESPONSE_KEY_PREFIX = "ngo_cms:api:response"
# Long enough to be useful, short enough that the cache does not keep dead entries
# of old generations around for long.
RESPONSE_TIMEOUT = 60 * 60


def _clock() -> int:
    """Nanoseconds since the epoch: the floor of every generation number (fine
    enough that bumps never run ahead of it)."""
    return time.time_ns()


def current_generation() -> tuple[int, int]:
    """The content generation and the (whole) second it started.

    When the generation's key is lost (Redis restarted or evicted it, the cache was
    flushed), the new number is taken from the clock rather than starting again at
    1: answers cached under an old number that survived elsewhere must never become
    reachable again.
    """
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = (_clock(), int(time.time()))
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY) or value
    return value


def bump_generation() -> None:
    """Make every cached API response stale (content changed)."""
    number, _started = current_generation()
    # Round up: a Last-Modified in the same second as the previous one would let a
    # client's If-Modified-Since match a response that is older than the change.
    cache.set(GENERATION_KEY, (max(number + 1, _clock()), int(time.time()) + 1), None)


def response_cache_enabled() -> bool:
    return app_settings.API_RESPONSE_CACHE


def response_key(
    request: HttpRequest,
    language: str,
    generation: int,
    query_parameters: Iterable[str] = (),
) -> str:
    """The cache key of a GET answer: its path and only the query parameters the
    endpoint reads (``query_parameters``), in a fixed order.

    Other parameters (``?_=random``, tracking tags) neither create an entry nor
    bypass the cache. The host is not part of the key: every absolute URL in an
    answer comes from the Site, never from the request's ``Host``.
    """
    wanted = sorted(
        (name, value)
        for name in set(query_parameters)
        for value in request.GET.getlist(name)
    )
    raw = request.path + "?" + urlencode(wanted)
    digest = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    return f"{RESPONSE_KEY_PREFIX}:{generation}:{language}:{digest}"


def cache_control() -> str:
    return (
        f"public, max-age={app_settings.API_CACHE_MAX_AGE}, "
        f"stale-while-revalidate={app_settings.API_STALE_WHILE_REVALIDATE}"
    )


def etag_of(body: bytes) -> str:
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'


# What a cached answer keeps of its headers (CORS headers are added per request by
# django-cors-headers, after the view).
FROZEN_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "Cache-Tag",
    "Surrogate-Key",
)


def freeze(
    response: HttpResponse, tag_versions: dict[str, int | None], last_modified: int
) -> tuple:
    """What the server-side cache keeps of a rendered response: its status, body
    and headers, the versions of its cache tags, and its Last-Modified."""
    headers = {name: response[name] for name in FROZEN_HEADERS if name in response}
    return response.status_code, response.content, headers, tag_versions, last_modified


def thaw_if_current(frozen: tuple) -> tuple[HttpResponse, int] | None:
    """The cached response and its Last-Modified, or None when a tag it was stored
    with has moved on (or was lost) since."""
    from . import tags

    status, body, headers, tag_versions, last_modified = frozen
    if tag_versions and tags.versions(tag_versions) != tag_versions:
        return None
    return HttpResponse(body, status=status, headers=headers), last_modified


def add_tag_headers(response: HttpResponse, names: Iterable[str]) -> None:
    """``Cache-Tag`` and ``Surrogate-Key``: what the answer shows, for CDNs that
    purge by key."""
    ordered = sorted(names)
    response["Cache-Tag"] = ",".join(ordered)
    response["Surrogate-Key"] = " ".join(ordered)


def tags_last_modified(tag_versions: dict[str, int | None], started: int) -> int:
    """The answer's Last-Modified: the latest change of anything it shows."""
    latest = max((value or 0 for value in tag_versions.values()), default=0)
    return max(started, -(-latest // 1_000_000_000))


def add_cache_headers(
    response: HttpResponse, last_modified: int, *, vary_language: bool = False
) -> None:
    """ETag, Last-Modified and Cache-Control of a rendered GET response.

    Args:
        vary_language: the view chose its language from Accept-Language (no locale
            in its URL), so shared caches must keep one copy per language.
    """
    if "ETag" not in response:
        response["ETag"] = etag_of(response.content)
    if "Last-Modified" not in response:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control()
    if vary_language:
        patch_vary_headers(response, ["Accept-Language"])


def conditional(
    request: HttpRequest, response: HttpResponse, last_modified: int
) -> HttpResponse:
    """``response``, or a 304 when the client's copy is still current."""
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )
