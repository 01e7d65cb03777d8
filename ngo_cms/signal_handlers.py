"""Keep the API's caches in step with published content.

Any change that can alter an API response invalidates the answers that show it: a
page or a translation published or unpublished, a snippet or an image saved or
deleted move on their cache tags (``ngo_cms.api.tags``); a page moved or deleted, a
view restriction, a redirect, a locale or a site changed bump the response cache's
generation (``ngo_cms.api.caching``), which every answer depends on. When ``WAGTAILFRONTENDCACHE`` is configured, the API
addresses of the page concerned (and the lists) are purged from the front-end cache
(CDN) too, after the transaction commits, on publishing, unpublishing, moving,
deleting and on any change of a view restriction; Wagtail's frontend cache app
already purges the public pages themselves.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from ngo_cms.api import tags
from ngo_cms.api.caching import bump_generation

logger = logging.getLogger(__name__)


def api_urls_of_page(page: Page) -> list[str]:
    """The API addresses (absolute, on the site's root URL) that show or list
    ``page``, whatever its state now.

    The page's own detail and ``resolve`` addresses in every language (with and
    without ``?fallback=1``), those of its translations, and the lists and menus of
    every locale. Computed from the page's own fields too, so that it works for a
    page that was just unpublished, made private or deleted, which the visibility
    rule would no longer find.
    """
    from django.test import RequestFactory
    from django.urls import reverse

    from ngo_cms.api.context import ApiContext
    from ngo_cms.api.registry import api_url_for, registered_endpoints

    context = ApiContext.of(RequestFactory().get("/"))
    fields = ("locale_id", "slug", "url_path", "content_type_id")
    rows = {
        tuple(row[name] for name in fields)
        for row in Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        ).values(*fields)
    }
    rows.add(tuple(getattr(page, name) for name in fields))
    paths: list[str] = []
    for locale_id, slug, url_path, content_type_id in sorted(rows, key=str):
        code = context.language_of(locale_id)
        url = context.public_path(url_path or "")
        api_url = api_url_for(content_type_id, code, slug, url, context)
        if api_url:
            paths.append(api_url)
            for other in context.locales:
                if other != code and "?" not in api_url:
                    paths.append(
                        api_url.replace(f"/{code}/", f"/{other}/", 1) + "?fallback=1"
                    )
        if url:
            resolve = reverse("api:resolve") + "?path=" + url
            paths += [resolve, resolve + "&fallback=1"]
    for name, takes_locale in registered_endpoints().values():
        if not takes_locale:
            continue
        for code in context.locales:
            try:
                paths.append(reverse(name, kwargs={"locale": code}))
            except NoReverseMatch:
                continue
    unique = list(dict.fromkeys(paths))
    return [context.absolute_url(path) or path for path in unique]


def purge_frontend_cache(*pages: Page) -> None:
    """Purge the API addresses of ``pages`` from the front-end cache (CDN) once the
    transaction commits: purging earlier would let the CDN fetch the old answer
    again before the change is visible."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not pages:
        return
    try:
        urls = list(
            dict.fromkeys(url for page in pages for url in api_urls_of_page(page))
        )
    except Exception:  # a purge must never block publishing
        logger.exception("Could not list the API addresses of pages to purge")
        return

    def purge() -> None:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        try:
            purge_urls_from_cache(urls)
        except Exception:  # a CDN outage must never block publishing
            logger.exception("Could not purge %d API addresses", len(urls))

    transaction.on_commit(purge)


def page_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    """A page was published or unpublished: the answers that show it (its details
    in every language, the lists of its type, pages linking to it, navigation when
    it is in the menus) are stale, and its addresses leave the CDN."""
    tags.bump(*tags.page_change_tags(instance))
    purge_frontend_cache(instance)


def page_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    bump_generation()
    purge_frontend_cache(instance)


def restriction_changed(
    sender: Any, instance: PageViewRestriction, **kwargs: Any
) -> None:
    """A view restriction was added, changed or removed: the page and everything
    below it leave the CDN (the private pages must not stay served from it)."""
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # deleted together with its page
        return
    purge_frontend_cache(*Page.objects.descendant_of(page, inclusive=True))


def object_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet with drafts (DraftStateMixin) was published or unpublished."""
    if not isinstance(instance, Page):
        tags.bump(tags.snippet_tag(instance))


def model_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet or an image was saved or deleted: the answers that show it are
    stale. A view restriction, a locale, a site or a redirect can change any
    answer: all of them are."""
    from wagtail.snippets.models import get_snippet_models

    if sender is get_image_model():
        tags.bump(tags.image_tag(instance.pk))
    elif sender in (PageViewRestriction, Locale, Site, _redirect_model()):
        bump_generation()
    elif sender in get_snippet_models():
        tags.bump(tags.snippet_tag(instance))


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
    post_save.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="ngo_cms_api_restriction_saved",
    )
    post_delete.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="ngo_cms_api_restriction_deleted",
    )


def page_changed_on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        bump_generation()
        purge_frontend_cache(instance)
