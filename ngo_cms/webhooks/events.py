"""Turn a change into one payload and a delivery per interested target.

:func:`emit` is called inside the transaction that makes the change. It computes
the payload at once (a deleted page is gone afterwards), stores one
:class:`~ngo_cms.webhooks.models.WebhookDelivery` per enabled target that wants the
event and the locale, and enqueues their tasks only when the transaction commits:
a rolled-back publish leaves no delivery and sends nothing.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .models import Event, Webhook, WebhookDelivery

logger = logging.getLogger(__name__)

Payload = dict[str, Any]


def _context() -> Any:
    from django.test import RequestFactory

    from ngo_cms.api.context import ApiContext

    return ApiContext.of(RequestFactory().get("/"))


def interested_webhooks(event: str, locale_id: int | None) -> list[Webhook]:
    """The enabled targets that want ``event`` in the locale ``locale_id``."""
    targets = Webhook.objects.filter(enabled=True).prefetch_related("locales")
    return [target for target in targets if target.wants(event, locale_id)]


def emit(
    event: str,
    locale_id: int | None,
    build: Callable[[], tuple[Payload, list[str], list[str]]],
) -> list[WebhookDelivery]:
    """Record ``event`` for every interested target and send it after commit.

    Args:
        event: an :class:`~ngo_cms.webhooks.models.Event` value.
        locale_id: the changed object's locale, or ``None`` (every target).
        build: returns ``(object, public paths, API URLs)``; called only when some
            target wants the event, so that a site without webhooks pays one query.

    Returns:
        The deliveries created (none when no target wants the event).
    """
    targets = interested_webhooks(event, locale_id)
    if not targets:
        return []
    try:
        obj, paths, api_urls = build()
    except Exception:  # a webhook must never block publishing
        logger.exception("Could not build the payload of %s", event)
        return []
    event_id = uuid.uuid4()
    payload = {
        "id": str(event_id),
        "event": event,
        "created_at": timezone.now().isoformat().replace("+00:00", "Z"),
        "object": obj,
        "changed": {
            "paths": list(dict.fromkeys(path for path in paths if path)),
            "api_urls": list(dict.fromkeys(api_urls)),
        },
    }
    deliveries = [
        WebhookDelivery.objects.create(
            webhook=target, event_id=event_id, event=event, payload=payload
        )
        for target in targets
    ]
    ids = [delivery.pk for delivery in deliveries]

    def enqueue() -> None:
        from .tasks import deliver_webhook

        for pk in ids:
            # One task per target: a slow target holds up only its own delivery.
            deliver_webhook.enqueue(pk)

    transaction.on_commit(enqueue)
    return deliveries


# --- Pages ---------------------------------------------------------------------------
def _parent_path(url_path: str) -> str:
    """The url_path of a page's parent (its section list), from its own."""
    parts = url_path.rstrip("/").split("/")
    return "/".join(parts[:-1]) + "/" if len(parts) > 1 else "/"


def page_object(page: Page, context: Any = None) -> Payload:
    """The ``object`` of a page event: what the page is and where it is served."""
    from ngo_cms.api.registry import api_url_for

    context = context or _context()
    code = context.language_of(page.locale_id)
    path = context.public_path(page.url_path or "")
    api_url = api_url_for(page.content_type_id, code, page.slug, path, context)
    model = page.content_type.model_class() if page.content_type_id else None
    return {
        "id": page.pk,
        "type": (model or type(page))._meta.label,
        "locale": code,
        "translation_key": str(page.translation_key),
        "path": path,
        "api_url": context.absolute_url(api_url) if api_url else None,
    }


def page_paths(
    page: Page, context: Any = None, old_url_paths: Iterable[str] = ()
) -> list[str]:
    """The public paths that change with ``page``: its own (and where it was before
    a move), its live translations', and the section lists above them."""
    context = context or _context()
    url_paths = [page.url_path or "", *old_url_paths]
    url_paths += (
        Page.objects.live()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(pk=page.pk)
        .values_list("url_path", flat=True)
    )
    paths: list[str] = []
    for url_path in url_paths:
        paths += [
            context.public_path(url_path),
            context.public_path(_parent_path(url_path)),
        ]
    return [path for path in dict.fromkeys(paths) if path]


def page_event(event: str, page: Page, old_url_paths: Iterable[str] = ()) -> None:
    """Emit a page event (published, unpublished, moved, deleted)."""
    from ngo_cms.signal_handlers import api_urls_of_page

    def build() -> tuple[Payload, list[str], list[str]]:
        context = _context()
        return (
            page_object(page, context),
            page_paths(page, context, old_url_paths),
            api_urls_of_page(page),
        )

    emit(event, page.locale_id, build)


def is_translation(page: Page) -> bool:
    """Whether ``page`` was made from a page in another language (wagtail-localize's
    translation source), rather than written as an original."""
    from wagtail_localize.models import TranslationSource

    source_locales = TranslationSource.objects.filter(
        object_id=page.translation_key
    ).values_list("locale_id", flat=True)
    return any(locale_id != page.locale_id for locale_id in source_locales)


# --- Snippets ------------------------------------------------------------------------
def pages_showing(instance: Any) -> list[Page]:
    """The live pages that show ``instance``.

    From Wagtail's reference index (foreign keys, inline panels, stream fields and
    rich text), plus the pages' many-to-many fields (a case's themes), which the
    reference index does not track.
    """
    from wagtail.models import ReferenceIndex

    page_ids = set()
    for source, _references in ReferenceIndex.get_references_to(
        instance
    ).group_by_source_object():
        if isinstance(source, Page):
            page_ids.add(source.pk)
    for relation in type(instance)._meta.related_objects:
        if relation.many_to_many and issubclass(relation.related_model, Page):
            page_ids.update(
                relation.related_model.objects.filter(
                    **{relation.field.name: instance}
                ).values_list("pk", flat=True)
            )
    return list(Page.objects.live().filter(pk__in=page_ids).order_by("path"))


def snippet_event(instance: Any, *, deleted: bool = False) -> None:
    """Emit ``snippet.changed`` for a snippet saved, published or deleted."""
    from ngo_cms.signal_handlers import api_urls_of_page

    locale_id = getattr(instance, "locale_id", None)

    def build() -> tuple[Payload, list[str], list[str]]:
        context = _context()
        translation_key = getattr(instance, "translation_key", None)
        obj = {
            "id": instance.pk,
            "type": type(instance)._meta.label,
            "locale": context.language_of(locale_id) if locale_id else None,
            "translation_key": str(translation_key) if translation_key else None,
            "path": None,
            "api_url": None,
            "deleted": deleted,
        }
        paths: list[str] = []
        api_urls: list[str] = []
        for page in pages_showing(instance):
            paths += page_paths(page, context)
            api_urls += api_urls_of_page(page)
        return obj, paths, api_urls

    emit(Event.SNIPPET_CHANGED, locale_id, build)


# --- Signature milestones ----------------------------------------------------------
def milestones_reached(count: int, goal: int | None) -> list[tuple[str, int]]:
    """The milestones ``count`` has reached, as ``(name, threshold)``: percentages
    of ``goal`` ("50%") and plain counts ("1000"), from the app settings."""
    from ngo_cms.conf import app_settings

    reached = []
    if goal:
        for percentage in app_settings.WEBHOOK_MILESTONE_PERCENTAGES:
            threshold = -(-goal * percentage // 100)  # rounded up
            if count >= threshold:
                reached.append((f"{percentage}%", threshold))
    for threshold in app_settings.WEBHOOK_MILESTONE_COUNTS:
        if count >= threshold:
            reached.append((str(threshold), threshold))
    return reached


def signature_count_changed(
    sender: Any, instance: Page, count: int, goal: int | None = None, **kwargs: Any
) -> None:
    """Receiver of ``ngo_cms.signals.signature_count_changed``: send
    ``signatures.milestone`` once for each milestone the campaign's confirmed
    count has newly reached. Counts only, never anything about a signer."""
    from django.db import IntegrityError

    from .models import MilestoneReached

    reached = milestones_reached(count, goal)
    if not reached:
        return
    announced = set(
        MilestoneReached.objects.filter(
            translation_key=instance.translation_key
        ).values_list("milestone", flat=True)
    )
    for name, threshold in reached:
        if name in announced:
            continue
        try:
            with transaction.atomic():
                MilestoneReached.objects.create(
                    translation_key=instance.translation_key, milestone=name
                )
        except IntegrityError:  # announced before
            continue

        def build(name: str = name, threshold: int = threshold) -> Any:
            from ngo_cms.signal_handlers import api_urls_of_page

            context = _context()
            obj = page_object(instance, context)
            obj["milestone"] = {
                "name": name,
                "threshold": threshold,
                "count": count,
                "goal": goal,
            }
            return obj, page_paths(instance, context), api_urls_of_page(instance)

        # Every language shows the one count: every target gets it.
        emit(Event.SIGNATURE_MILESTONE, None, build)
