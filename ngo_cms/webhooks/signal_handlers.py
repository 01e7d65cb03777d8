"""Wagtail's and Django's signals, turned into webhook events (:mod:`.events`)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from ngo_cms.signals import signature_count_changed

from . import events
from .models import Event, Webhook


def page_was_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    if not Webhook.objects.filter(enabled=True).exists():
        return  # spare the translation look-up
    event = (
        Event.TRANSLATION_PUBLISHED
        if events.is_translation(instance)
        else Event.PAGE_PUBLISHED
    )
    events.page_event(event, instance)


def page_was_unpublished(sender: Any, instance: Page, **kwargs: Any) -> None:
    events.page_event(Event.PAGE_UNPUBLISHED, instance)


def page_was_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    before = kwargs.get("url_path_before") or ""
    after = kwargs.get("url_path_after") or ""
    if before == after:  # reordered among its siblings: no address changed
        return
    events.page_event(Event.PAGE_MOVED, instance, old_url_paths=[before])


def page_was_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Deleting a page of a subclass sends post_delete for its own row and for its
    # wagtailcore_page row; one event, from the latter.
    if sender is Page:
        events.page_event(Event.PAGE_DELETED, instance)


def _is_snippet(model: type) -> bool:
    from wagtail.snippets.models import get_snippet_models

    return model in get_snippet_models()


def snippet_was_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet with drafts was published or unpublished (saving a draft changes
    nothing the API shows)."""
    if not isinstance(instance, Page) and _is_snippet(type(instance)):
        events.snippet_event(instance)


def snippet_was_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet without drafts was saved: the change is live at once."""
    if (
        not kwargs.get("raw")
        and not issubclass(sender, DraftStateMixin)
        and _is_snippet(sender)
    ):
        events.snippet_event(instance)


def snippet_was_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_snippet(sender):
        events.snippet_event(instance, deleted=True)


def register_signal_handlers() -> None:
    """Connect the handlers (called from ``WebhooksConfig.ready``)."""
    uid = "ngo_cms_webhooks_"
    page_published.connect(page_was_published, dispatch_uid=uid + "published")
    page_unpublished.connect(page_was_unpublished, dispatch_uid=uid + "unpublished")
    post_page_move.connect(page_was_moved, dispatch_uid=uid + "moved")
    post_delete.connect(page_was_deleted, dispatch_uid=uid + "page_deleted")
    published.connect(snippet_was_published, dispatch_uid=uid + "snippet_published")
    unpublished.connect(snippet_was_published, dispatch_uid=uid + "snippet_unpublished")
    post_save.connect(snippet_was_saved, dispatch_uid=uid + "snippet_saved")
    pre_delete.connect(snippet_was_deleted, dispatch_uid=uid + "snippet_deleted")
    signature_count_changed.connect(
        events.signature_count_changed, dispatch_uid=uid + "milestone"
    )
