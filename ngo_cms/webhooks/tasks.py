"""Deliver one webhook: one task per target and event, so that a slow or broken
target holds up nothing but its own delivery.

django-tasks has no retries of its own: a failed attempt enqueues the task again
with ``run_after`` (the first retry after ``WEBHOOK_RETRY_DELAY`` seconds, then
twice as long each time) up to ``WEBHOOK_MAX_ATTEMPTS`` attempts. A backend that
cannot defer (the immediate backend) retries at once. After
``WEBHOOK_FAILURE_LIMIT`` failed attempts in a row, whatever the deliveries, the
target is disabled and the dashboard tells its owner and the superusers.
"""

from __future__ import annotations

import datetime
import json
import logging
import time

import requests
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from ngo_cms.conf import app_settings

from . import signing
from .models import DeliveryStatus, Webhook, WebhookDelivery

logger = logging.getLogger(__name__)

USER_AGENT = "ngo-cms-webhooks/1"
#: How much of a failing answer's body the log keeps.
ERROR_EXCERPT = 500


def body_of(delivery: WebhookDelivery) -> bytes:
    """The exact bytes sent (and signed): compact UTF-8 JSON."""
    return json.dumps(
        delivery.payload, ensure_ascii=False, separators=(",", ":")
    ).encode()


def retry_delay(attempts: int) -> datetime.timedelta:
    """The wait before the next attempt, after ``attempts`` failed ones (1, 2...)."""
    seconds = app_settings.WEBHOOK_RETRY_DELAY * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=seconds)


def post(delivery: WebhookDelivery) -> tuple[int | None, str]:
    """POST the delivery once. Returns ``(HTTP status or None, error or "")``."""
    webhook = delivery.webhook
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.ID_HEADER: str(delivery.event_id),
        signing.EVENT_HEADER: delivery.event,
        signing.SIGNATURE_HEADER: signing.signature_header(webhook.secret, body),
    }
    timeout = app_settings.WEBHOOK_TIMEOUT
    try:
        response = requests.post(
            webhook.url,
            data=body,
            headers=headers,
            timeout=timeout,
            allow_redirects=False,
        )
    except requests.Timeout:
        return None, f"Timed out after {timeout} s"
    except requests.ConnectionError as error:
        return None, f"Could not connect: {type(error).__name__}"
    except requests.RequestException as error:
        return None, type(error).__name__
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, (
        f"HTTP {response.status_code}: {response.text[:ERROR_EXCERPT]}"
    )


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Make one attempt at a delivery, and schedule the next if it failed.

    Returns:
        The delivery's status afterwards (stored as the task's result).
    """
    delivery = (
        WebhookDelivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    )
    if delivery is None:
        return "skipped"
    if delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED):
        return delivery.status  # a duplicate task
    webhook = delivery.webhook
    if not webhook.enabled:
        delivery.status = DeliveryStatus.CANCELLED
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "next_attempt_at"])
        return delivery.status

    started = time.monotonic()
    status_code, error = post(delivery)
    delivery.duration_ms = int((time.monotonic() - started) * 1000)
    delivery.attempts += 1
    delivery.response_status = status_code
    delivery.last_attempt_at = timezone.now()
    delivery.next_attempt_at = None
    retry = False
    if not error:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.last_error = ""
        Webhook.objects.filter(pk=webhook.pk).update(consecutive_failures=0)
    else:
        delivery.last_error = error
        if record_failure(webhook):
            delivery.status = DeliveryStatus.FAILED
        elif delivery.attempts < app_settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.RETRYING
            delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
            retry = True
        else:
            delivery.status = DeliveryStatus.FAILED
    delivery.save()
    if retry:
        schedule(delivery)
    return delivery.status


def schedule(delivery: WebhookDelivery) -> None:
    """Enqueue the next attempt at ``delivery.next_attempt_at`` (at once on a
    backend that cannot defer)."""
    if deliver_webhook.get_backend().supports_defer and delivery.next_attempt_at:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    else:
        deliver_webhook.enqueue(delivery.pk)


def record_failure(webhook: Webhook) -> bool:
    """Count a failed attempt; disable the target at the limit.

    Returns:
        Whether the target is (now) disabled.
    """
    Webhook.objects.filter(pk=webhook.pk).update(
        consecutive_failures=F("consecutive_failures") + 1
    )
    webhook.refresh_from_db(fields=["consecutive_failures", "enabled"])
    if webhook.consecutive_failures < app_settings.WEBHOOK_FAILURE_LIMIT:
        return not webhook.enabled
    disabled = Webhook.objects.filter(pk=webhook.pk, enabled=True).update(
        enabled=False, disabled_at=timezone.now()
    )
    if disabled:
        from wagtail.log_actions import log

        from .audit import DISABLED

        log(
            instance=webhook,
            action=DISABLED,
            data={"failures": webhook.consecutive_failures},
        )
        logger.warning(
            "Webhook %s disabled after %d failed attempts",
            webhook.pk,
            webhook.consecutive_failures,
        )
    return True
