"""Purge API answers from a CDN by cache tag, beside Wagtail's purge by URL.

Configured in ``PURGE_BY_KEY`` (a name per backend)::

    PURGE_BY_KEY = {
        "fastly": {
            "BACKEND": "ngo_cms.api.purge.FastlyBackend",
            "SERVICE_ID": "...",
            "API_KEY": "...",
        },
        "cloudflare": {
            "BACKEND": "ngo_cms.api.purge.CloudflareBackend",
            "ZONE_ID": "...",
            "BEARER_TOKEN": "...",
        },
        "varnish": {
            "BACKEND": "ngo_cms.api.purge.HTTPBackend",
            "URL": "http://varnish.internal/",
        },
    }

Each backend gets the tags that a change touched (see :mod:`ngo_cms.api.tags`),
after the transaction commits, and sends them in the fewest requests its API allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests

TIMEOUT = 10


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class PurgeBackend:
    """Base of the purge-by-key backends: ``purge(tags)`` sends the tags."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options

    def purge(self, tags: list[str]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def post(self, url: str, **kwargs: Any) -> None:
        response = requests.request(
            kwargs.pop("method", "POST"), url, timeout=TIMEOUT, **kwargs
        )
        response.raise_for_status()


class FastlyBackend(PurgeBackend):
    """Fastly: ``POST /service/{id}/purge`` with ``Surrogate-Key`` (256 keys a call).

    Options: ``SERVICE_ID``, ``API_KEY``, optionally ``SOFT`` (mark stale rather
    than remove, default True) and ``API_URL``.
    """

    def purge(self, tags: list[str]) -> None:
        base = self.options.get("API_URL", "https://api.fastly.com").rstrip("/")
        headers = {"Fastly-Key": self.options["API_KEY"], "Accept": "application/json"}
        if self.options.get("SOFT", True):
            headers["Fastly-Soft-Purge"] = "1"
        for part in chunks(tags, 256):
            self.post(
                f"{base}/service/{self.options['SERVICE_ID']}/purge",
                headers={**headers, "Surrogate-Key": " ".join(part)},
            )


class CloudflareBackend(PurgeBackend):
    """Cloudflare: ``POST /zones/{zone}/purge_cache`` with ``{"tags": [...]}``
    (30 tags a call). Options: ``ZONE_ID``, ``BEARER_TOKEN``, optionally ``API_URL``.
    """

    def purge(self, tags: list[str]) -> None:
        base = self.options.get(
            "API_URL", "https://api.cloudflare.com/client/v4"
        ).rstrip("/")
        headers = {"Authorization": f"Bearer {self.options['BEARER_TOKEN']}"}
        for part in chunks(tags, 30):
            self.post(
                f"{base}/zones/{self.options['ZONE_ID']}/purge_cache",
                headers=headers,
                json={"tags": part},
            )


class HTTPBackend(PurgeBackend):
    """A cache of your own, e.g. Varnish with xkey: ``PURGE`` (or ``METHOD``) to
    ``URL`` with the tags in an ``xkey-purge`` header (or ``HEADER``), 100 a call."""

    def purge(self, tags: list[str]) -> None:
        header = self.options.get("HEADER", "xkey-purge")
        for part in chunks(tags, 100):
            self.post(
                self.options["URL"],
                method=self.options.get("METHOD", "PURGE"),
                headers={header: " ".join(part)},
            )
