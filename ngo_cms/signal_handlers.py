"""Keep the API's caches in step with published content.

Any change that can alter an API response bumps the response-cache generation
(``ngo_cms.api.caching``): a page or a translation published, unpublished, moved or
deleted; a snippet or an image saved or deleted; a view restriction, a redirect, a
locale or a site changed. When ``WAGTAILFRONTENDCACHE`` is configured, the API
addresses of the page concerned are purged from the front-end cache (CDN) too;
Wagtail's frontend cache app already purges the public pages themselves.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from ngo_cms.api.caching import bump_generation

logger = logging.getLogger(__name__)


def api_urls_of_page(page: Page) -> list[str]:
    """The API addresses (absolute, on the site's root URL) that show ``page``."""
    from django.test import RequestFactory
    from django.urls import reverse

    from ngo_cms.api.context import ApiContext

    request = RequestFactory().get("/")
    context = ApiContext.of(request)
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    paths = []
    for item in context.translations(page):
        if item.api_url:
            paths.append(item.api_url)
        if item.url:
            paths.append(reverse("api:resolve") + "?path=" + item.url)
    for code in context.locales:
        paths.append(reverse("api:navigation", kwargs={"locale": code}))
    return [context.absolute_url(path) or path for path in paths]


def purge_frontend_cache(page: Page) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(api_urls_of_page(page))
    except Exception:  # a CDN outage must never block publishing
        logger.exception("Could not purge the API addresses of page %s", page.pk)


def page_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    """A page was published, unpublished or deleted: every cached answer is stale."""
    bump_generation()
    purge_frontend_cache(instance)


def page_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    bump_generation()
    purge_frontend_cache(instance)


def object_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet with drafts (DraftStateMixin) was published or unpublished."""
    if not isinstance(instance, Page):
        bump_generation()


def model_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet, image or site setting the API shows was saved or deleted."""
    if sender in _watched_models():
        bump_generation()


def _watched_models() -> set[type]:
    from wagtail.snippets.models import get_snippet_models

    return {
        *get_snippet_models(),
        get_image_model(),
        PageViewRestriction,
        Locale,
        Site,
        _redirect_model(),
    }


def _redirect_model() -> type:
    from wagtail.contrib.redirects.models import Redirect

    return Redirect


def register_signal_handlers() -> None:
    """Connect the handlers (called from ``NgoCmsConfig.ready``)."""
    from wagtail_localize.models import StringTranslation

    from ngo_cms import translation_guards, translation_sync

    post_save.connect(
        translation_guards.check_string_translation,
        sender=StringTranslation,
        dispatch_uid="ngo_cms_check_placeholders",
    )

    page_published.connect(
        translation_sync.page_published, dispatch_uid="ngo_cms_sync_translations"
    )
    published.connect(
        translation_sync.snippet_published,
        dispatch_uid="ngo_cms_sync_snippet_translations_published",
    )
    post_save.connect(
        translation_sync.snippet_saved,
        dispatch_uid="ngo_cms_sync_snippet_translations_saved",
    )
    page_published.connect(page_changed, dispatch_uid="ngo_cms_api_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="ngo_cms_api_page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="ngo_cms_api_page_moved")
    post_delete.connect(page_changed_on_delete, dispatch_uid="ngo_cms_api_page_deleted")
    published.connect(object_published, dispatch_uid="ngo_cms_api_published")
    unpublished.connect(object_published, dispatch_uid="ngo_cms_api_unpublished")
    post_save.connect(model_changed, dispatch_uid="ngo_cms_api_model_saved")
    post_delete.connect(model_changed, dispatch_uid="ngo_cms_api_model_deleted")


def page_changed_on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        bump_generation()
