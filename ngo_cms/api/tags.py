"""Cache tags: the keys of what each API answer shows, and invalidation by key.

Every answer names what it shows in ``Cache-Tag`` (comma-separated) and
``Surrogate-Key`` (space-separated) headers, so that a CDN that purges by key
(Fastly, Cloudflare, Varnish with xkey) drops exactly the answers a change touches.
The server-side response cache works by the same keys: each tag has a version
number in the cache, an answer is kept with the versions of its tags, and a change
moves on the versions of the tags it touches, so that only those answers miss.

The tags:

================================  =====================================================
``p:<translation key>``           a page, in every language (its detail, ``resolve``,
                                  every answer that lists, links to or embeds it)
``l:<app.model>``                 the lists of a page type (a new page of that type
                                  appears in them)
``s:<app.model>:<key>``           a snippet (a theme, an organisation) by its
                                  translation key (or id)
``i:<id>``                        an image and its renditions
``nav``                           navigation: the menus, the index, the locales
``miss``                          404 answers (a page published at that address)
================================  =====================================================

Changes that can alter any answer (a locale, a site, a redirect, a view restriction,
a page moved or deleted) still move on the global generation of
:mod:`ngo_cms.api.caching`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

TAG_KEY_PREFIX = "ngo_cms:api:tag:"
NAV = "nav"
MISS = "miss"

_collected: ContextVar[set[str] | None] = ContextVar("ngo_cms_cache_tags", default=None)


# --- Naming --------------------------------------------------------------------------
def label_of(model: Any) -> str:
    return model._meta.label_lower


def page_tag(translation_key: Any) -> str:
    return f"p:{translation_key}"


def list_tag(model: Any) -> str:
    return f"l:{label_of(model)}"


def snippet_tag(instance: Any) -> str:
    key = getattr(instance, "translation_key", None) or instance.pk
    return f"s:{label_of(type(instance))}:{key}"


def image_tag(pk: Any) -> str:
    return f"i:{pk}"


# --- Collecting the tags of one answer -------------------------------------------------
@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collect the tags that serializers and views name while an answer renders."""
    tags: set[str] = set()
    token = _collected.set(tags)
    try:
        yield tags
    finally:
        _collected.reset(token)


def tag(*tags: str) -> None:
    """Name what the answer being rendered shows (nothing outside an answer)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def tag_pages(pages: Iterable[Any]) -> None:
    collected = _collected.get()
    if collected is not None:
        collected.update(page_tag(page.translation_key) for page in pages)


# --- Versions --------------------------------------------------------------------------
def _clock() -> int:
    return time.time_ns()


def versions(
    tags: Iterable[str], *, create_at: int | None = None
) -> dict[str, int | None]:
    """The current version of each tag (None for a tag the cache has lost or never
    had).

    Args:
        create_at: give such a tag this version (the clock when the answer started
            rendering: later than any version an answer stored before the tag was
            lost, so that no such answer can match it again).
    """
    keys = {TAG_KEY_PREFIX + name: name for name in tags}
    found = cache.get_many(list(keys))
    result = {name: found.get(key) for key, name in keys.items()}
    if create_at is not None:
        for name, value in result.items():
            if value is None:
                cache.add(TAG_KEY_PREFIX + name, create_at, None)
                result[name] = cache.get(TAG_KEY_PREFIX + name)
    return result


def bump(*tags: str) -> None:
    """Move on the versions of ``tags`` now and again once the transaction commits
    (an answer rendered in between from the old rows must not stay cached), then
    purge them from a CDN that purges by key."""
    from ngo_cms.conf import app_settings

    names = sorted(set(tags))
    if not names:
        return
    if not app_settings.API_CACHE_TAGS:
        # Invalidation as before tags (kept for comparison in bench/api.py):
        # every cached answer goes.
        from .caching import bump_generation

        bump_generation()
        transaction.on_commit(bump_generation)
        return
    _bump_now(names)

    def after_commit() -> None:
        _bump_now(names)
        purge_keys(names)

    transaction.on_commit(after_commit)


def _bump_now(names: list[str]) -> None:
    current = versions(names)
    now = _clock()
    cache.set_many(
        {
            TAG_KEY_PREFIX + name: max((value or 0) + 1, now)
            for name, value in current.items()
        },
        None,
    )


def page_change_tags(page: Any) -> list[str]:
    """The tags a published or unpublished page touches."""
    tags = [page_tag(page.translation_key), list_tag(page.specific_class), MISS]
    if getattr(page, "show_in_menus", False) or page.depth <= 3:
        tags.append(NAV)
    return tags


def bump_for_instance(instance: Any) -> None:
    """Invalidate what shows ``instance`` (a page or a snippet)."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump(*page_change_tags(instance))
    else:
        bump(snippet_tag(instance))


# --- Purging a CDN by key --------------------------------------------------------------
def purge_keys(tags: Iterable[str]) -> None:
    """Send ``tags`` to the configured purge-by-key backends
    (``NGO_CMS_PURGE_BY_KEY``); a CDN failure never blocks publishing."""
    from ngo_cms.conf import app_settings

    names = list(tags)
    for name, config in (app_settings.PURGE_BY_KEY or {}).items():
        try:
            backend_class = import_string(config["BACKEND"])
            backend = backend_class({k: v for k, v in config.items() if k != "BACKEND"})
            backend.purge(names)
        except Exception:  # a CDN outage must never block publishing
            logger.exception("Could not purge %d keys from %s", len(names), name)
