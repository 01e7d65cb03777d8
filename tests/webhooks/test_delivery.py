"""Publishing tells the registered front ends, signed, after commit, with retries.

Each test runs a real HTTP server on 127.0.0.1 (``receiver``) and publishes the demo
content as an editor would; the task queue is django-tasks' immediate backend, so a
delivery happens when the transaction commits.
"""

from __future__ import annotations

import json

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from actions.models import UrgentActionPage
from casepages.models import PrisonerCasePage
from ngo_cms.webhooks import signing
from ngo_cms.webhooks.models import DeliveryStatus, Event, Webhook, WebhookDelivery
from ngo_cms.webhooks.tasks import deliver_webhook

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest content and run what waits for the commit."""

    def publish(page: Page) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return publish


def webhook_for(receiver, **fields) -> Webhook:
    locales = fields.pop("locales", [])
    webhook = Webhook.objects.create(name="Front end", url=receiver.url, **fields)
    webhook.locales.set(locales)
    return webhook


def test_publishing_a_case_posts_a_signed_payload_naming_every_changed_address(
    receiver, djalali, publish
):
    root = Site.objects.get(is_default_site=True).root_url
    webhook = webhook_for(receiver)
    assert webhook.secret.startswith("whsec_") and len(webhook.secret) > 40

    publish(djalali["en"])

    [received] = receiver.events(Event.PAGE_PUBLISHED, djalali["en"].pk)
    header = received.headers["Webhook-Signature"]
    assert signing.verify(webhook.secret, header, received.body)
    assert not signing.verify("whsec_someone-else", header, received.body)
    assert not signing.verify(webhook.secret, header, received.body + b" ")
    # Stripe's scheme: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">.
    timestamp = int(header.split(",")[0].removeprefix("t="))
    assert abs(timestamp - timezone.now().timestamp()) < 60
    assert received.headers["Content-Type"] == "application/json"

    payload = received.payload
    assert received.headers["Webhook-Id"] == payload["id"]
    assert received.headers["Webhook-Event"] == "page.published"
    en, nl, fr = djalali["en"], djalali["nl"], djalali["fr"]
    assert payload["object"] == {
        "id": en.pk,
        "type": "casepages.PrisonerCasePage",
        "locale": "en",
        "translation_key": str(en.translation_key),
        "path": en.url,
        "api_url": f"{root}/api/v1/en/cases/ahmadreza-djalali/",
    }
    paths = payload["changed"]["paths"]
    # The page, its translations and the section lists that show them.
    for page in (en, nl, fr):
        assert page.url in paths
        assert page.get_parent().url in paths
    api_urls = payload["changed"]["api_urls"]
    for code, page in djalali.items():
        assert f"{root}/api/v1/{code}/cases/{page.slug}/" in api_urls
        assert f"{root}/api/v1/{code}/cases/" in api_urls

    delivery = WebhookDelivery.objects.get(event_id=payload["id"])
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        DeliveryStatus.SUCCEEDED,
        1,
        200,
    )
    assert delivery.duration_ms is not None
    assert delivery.payload == payload


def test_publishing_a_translation_is_its_own_event(receiver, djalali, publish):
    webhook_for(receiver, events=[Event.TRANSLATION_PUBLISHED])

    publish(djalali["en"])
    assert receiver.events(object_id=djalali["en"].pk) == []

    publish(djalali["nl"])
    [received] = receiver.events(Event.TRANSLATION_PUBLISHED, djalali["nl"].pk)
    assert received.payload["object"]["locale"] == "nl"
    assert received.payload["object"]["path"] == djalali["nl"].url


def test_unpublishing_moving_and_deleting_name_the_old_addresses(
    receiver, djalali, django_capture_on_commit_callbacks
):
    webhook_for(receiver)
    page = djalali["en"]
    old_url = page.url

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    [unpublished] = receiver.events(Event.PAGE_UNPUBLISHED, page.pk)
    assert old_url in unpublished.payload["changed"]["paths"]

    page.save_revision().publish()
    home = page.get_parent().get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(home, pos="last-child")
    [moved] = receiver.events(Event.PAGE_MOVED, page.pk)
    page.refresh_from_db()
    assert moved.payload["object"]["path"] == page.url != old_url
    assert {old_url, page.url} <= set(moved.payload["changed"]["paths"])

    moved_url = page.url
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    [deleted] = receiver.events(Event.PAGE_DELETED, page.pk)
    assert deleted.payload["object"]["path"] == moved_url
    assert deleted.payload["object"]["type"] == "casepages.PrisonerCasePage"


def test_a_changed_theme_names_the_cases_that_show_it(
    receiver, djalali, django_capture_on_commit_callbacks
):
    root = Site.objects.get(is_default_site=True).root_url
    webhook_for(receiver, events=[Event.SNIPPET_CHANGED])
    theme = djalali["en"].themes.first()
    assert theme is not None, "the demo case has themes"
    showing = list(PrisonerCasePage.objects.live().filter(themes=theme))
    assert showing

    theme.name = theme.name + " (renamed)"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()

    [received] = receiver.events(Event.SNIPPET_CHANGED, theme.pk)
    obj = received.payload["object"]
    assert (obj["type"], obj["locale"]) == ("casepages.Theme", "en")
    for page in showing:
        assert page.url in received.payload["changed"]["paths"]
        assert (
            f"{root}/api/v1/en/cases/{page.slug}/"
            in received.payload["changed"]["api_urls"]
        )


def test_only_the_languages_a_target_asked_for(receiver, djalali, locales, publish):
    webhook_for(receiver, locales=[locales["nl"]])

    publish(djalali["en"])
    publish(djalali["fr"])
    assert receiver.requests == []

    publish(djalali["nl"])
    assert [r.payload["object"]["id"] for r in receiver.requests] == [djalali["nl"].pk]


def test_a_disabled_target_or_an_unwanted_event_gets_nothing(
    receiver, djalali, publish
):
    webhook_for(receiver, enabled=False)
    webhook_for(receiver, events=[Event.PAGE_DELETED])

    publish(djalali["en"])

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_500_is_retried_with_the_same_event_id(receiver, djalali, publish):
    webhook = webhook_for(receiver, events=[Event.PAGE_PUBLISHED])
    receiver.answers = [(500, 0)]

    publish(djalali["en"])

    first, second = receiver.requests
    assert first.headers["Webhook-Id"] == second.headers["Webhook-Id"]
    assert first.body == second.body
    assert signing.verify(
        webhook.secret, second.headers["Webhook-Signature"], second.body
    )
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        DeliveryStatus.SUCCEEDED,
        2,
        200,
    )
    assert delivery.last_error == ""
    webhook.refresh_from_db()
    assert webhook.consecutive_failures == 0


def test_retries_wait_longer_each_time_on_a_backend_that_defers(
    receiver, djalali, settings
):
    """On a deferring backend (the database backend in production; django-tasks'
    dummy backend here, which keeps what was enqueued) each retry is enqueued with
    run_after twice as far as the one before."""
    from django_tasks import default_task_backend

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    settings.WEBHOOK_RETRY_DELAY = 30
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.default = (503, 0)
    webhook = webhook_for(receiver)
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event=Event.PAGE_PUBLISHED, payload={"event": "page.published"}
    )

    delays = []
    for _attempt in range(3):
        before = timezone.now()
        assert deliver_webhook.call(delivery.pk) in {"retrying", "failed"}
        delivery.refresh_from_db()
        if delivery.next_attempt_at:
            [queued] = default_task_backend.results[-1:]
            assert queued.task.run_after == delivery.next_attempt_at
            delays.append(round((delivery.next_attempt_at - before).total_seconds()))

    assert delays == [30, 60]
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 3)
    assert "HTTP 503" in delivery.last_error
    assert len(receiver.requests) == 3


def test_a_slow_target_times_out_without_holding_up_the_others(
    receiver, second_receiver, djalali, publish, settings
):
    settings.WEBHOOK_TIMEOUT = 0.5
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    receiver.default = (200, 3)  # answers after the timeout
    slow = webhook_for(receiver, events=[Event.PAGE_PUBLISHED])
    fast = webhook_for(second_receiver, events=[Event.PAGE_PUBLISHED])

    publish(djalali["en"])

    slow_delivery = WebhookDelivery.objects.get(webhook=slow)
    assert slow_delivery.status == DeliveryStatus.FAILED
    assert slow_delivery.response_status is None
    assert slow_delivery.last_error == "Timed out after 0.5 s"
    fast_delivery = WebhookDelivery.objects.get(webhook=fast)
    assert fast_delivery.status == DeliveryStatus.SUCCEEDED
    assert len(second_receiver.requests) == 1
    assert fast_delivery.event_id == slow_delivery.event_id


def test_a_target_that_keeps_failing_is_disabled_and_superusers_are_told(
    receiver, djalali, publish, settings, client, django_user_model
):
    settings.WEBHOOK_FAILURE_LIMIT = 3
    settings.WEBHOOK_MAX_ATTEMPTS = 10
    receiver.default = (500, 0)
    owner = django_user_model.objects.create_superuser("owner", "o@example.org", "pw")
    webhook = webhook_for(receiver, events=[Event.PAGE_PUBLISHED], owner=owner)

    publish(djalali["en"])

    assert len(receiver.requests) == 3
    webhook.refresh_from_db()
    assert not webhook.enabled
    assert webhook.disabled_at is not None
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 3)
    assert delivery.last_error.startswith("HTTP 500: receiver says no")

    client.force_login(owner)
    dashboard = client.get("/admin/").content.decode()
    assert "Webhooks disabled after failures" in dashboard
    assert "Front end" in dashboard
    history = client.get(f"/admin/webhooks/history/{webhook.pk}/").content.decode()
    assert "Disabled after 3 failed attempts in a row" in history

    publish(djalali["en"])
    assert len(receiver.requests) == 3  # nothing more


def test_a_success_resets_the_failure_count(receiver, djalali, publish, settings):
    settings.WEBHOOK_FAILURE_LIMIT = 3
    receiver.answers = [(500, 0), (500, 0)]
    webhook = webhook_for(receiver, events=[Event.PAGE_PUBLISHED])

    publish(djalali["en"])
    receiver.answers = [(500, 0), (500, 0)]
    publish(djalali["en"])

    webhook.refresh_from_db()
    assert webhook.enabled
    assert webhook.consecutive_failures == 0
    assert len(receiver.requests) == 6


def test_milestones_of_the_confirmed_count_are_sent_once_without_signer_data(
    receiver, settings, django_capture_on_commit_callbacks
):
    from actions.models import Signature
    from actions.signing import confirm_signature, make_token
    from tests.factories.actions import SignatureFactory

    settings.WEBHOOK_MILESTONE_PERCENTAGES = [50, 100]
    settings.WEBHOOK_MILESTONE_COUNTS = []
    action = UrgentActionPage.objects.live().filter(locale__language_code="nl").first()
    Signature.objects.filter(translation_key=action.translation_key).delete()
    action.signature_goal = 4
    action.save_revision().publish()
    webhook_for(receiver, events=[Event.SIGNATURE_MILESTONE])
    pending = [
        SignatureFactory(
            translation_key=action.translation_key,
            confirmed_at=None,
            email=f"private{n}@example.org",
            last_name="Secretname",
        )
        for n in range(4)
    ]

    sent = []
    for signature in pending:
        with django_capture_on_commit_callbacks(execute=True):
            confirm_signature(action, make_token(signature))
            confirm_signature(action, make_token(signature))  # again: no change
        sent.append(len(receiver.requests))

    assert sent == [0, 1, 1, 2]
    half, full = (r.payload for r in receiver.requests)
    assert half["event"] == "signatures.milestone"
    assert half["object"]["milestone"] == {
        "name": "50%",
        "threshold": 2,
        "count": 2,
        "goal": 4,
    }
    assert full["object"]["milestone"]["name"] == "100%"
    assert half["object"]["translation_key"] == str(action.translation_key)
    for received in receiver.requests:
        assert b"example.org" not in received.body
        assert b"Secretname" not in received.body


def test_no_delivery_is_stored_when_no_target_wants_the_event(djalali, publish):
    publish(djalali["en"])
    assert not WebhookDelivery.objects.exists()


def test_the_body_is_compact_utf8_json(receiver, djalali, publish):
    djalali["fr"].title = "Ahmadreza Djalali, détenu"
    webhook_for(receiver, events=[Event.TRANSLATION_PUBLISHED])
    publish(djalali["fr"])
    [received] = receiver.requests
    assert json.loads(received.body.decode("utf-8"))["event"] == "translation.published"
    assert b", " not in received.body[:40]
