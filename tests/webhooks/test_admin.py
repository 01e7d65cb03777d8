"""The webhooks' admin, through Django's test client on the real Wagtail admin:
superusers only, a validated target URL, a generated secret, the delivery log and
"send again"."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.users.models import UserProfile

from ngo_cms.webhooks import signing
from ngo_cms.webhooks.models import DeliveryStatus, Event, Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def editor(django_user_model):
    """An editor with every permission Django knows on webhooks, but no superuser."""
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="ngo_cms_webhooks")
    )
    return user


ADMIN_URLS = [
    "/admin/webhooks/",
    "/admin/webhooks/new/",
    "/admin/webhook-deliveries/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_only_superusers_reach_the_webhooks_admin(client, superuser, editor, url):
    client.force_login(editor)
    refused = client.get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "/admin/webhooks/" not in client.get("/admin/").content.decode()

    client.force_login(superuser)
    assert client.get(url).status_code == 200


def test_the_settings_menu_offers_webhooks_to_superusers(client, superuser):
    client.force_login(superuser)
    page = client.get("/admin/").content.decode()
    assert "/admin/webhooks/" in page
    assert "/admin/webhook-deliveries/" in page


def test_a_superuser_adds_a_target_with_a_generated_secret(client, superuser, locales):
    client.force_login(superuser)
    form = client.get("/admin/webhooks/new/").content.decode()
    # The secret is generated and shown so that it can be copied to the receiver.
    assert 'value="whsec_' in form

    refused = client.post(
        "/admin/webhooks/new/",
        {
            "name": "FTP",
            "url": "ftp://example.org/x",
            "secret": "whsec_x",
            "events": [],
        },
    )
    assert refused.status_code == 200
    errors = refused.content.decode()
    assert "Enter a web address starting with http:// or https://." in errors
    assert "Tick at least one event." in errors

    created = client.post(
        "/admin/webhooks/new/",
        {
            "name": "Next.js",
            "url": "https://front.example.org/api/revalidate",
            "secret": "whsec_copied-from-the-form",
            "events": [Event.PAGE_PUBLISHED, Event.TRANSLATION_PUBLISHED],
            "locales": [locales["nl"].pk],
            "enabled": "on",
            "owner": superuser.pk,
        },
    )
    assert created.status_code == 302
    webhook = Webhook.objects.get(name="Next.js")
    assert webhook.events == ["page.published", "translation.published"]
    assert list(webhook.locales.all()) == [locales["nl"]]
    assert webhook.owner == superuser
    assert webhook.secret == "whsec_copied-from-the-form"


def test_the_form_speaks_dutch_and_french(client, superuser):
    client.force_login(superuser)
    for language, label in [
        ("nl", "Alleen wijzigingen in deze talen; niets aangevinkt: alle talen."),
        ("fr", "Seulement les changements dans ces langues"),
    ]:
        profile = UserProfile.get_for_user(superuser)
        profile.preferred_language = language
        profile.save()
        with translation.override(language):
            page = client.get("/admin/webhooks/new/").content.decode()
        assert label in page


def test_enabling_again_resets_the_failure_count(client, superuser):
    webhook = Webhook.objects.create(
        name="Down",
        url="https://down.example.org/",
        enabled=False,
        consecutive_failures=20,
    )
    client.force_login(superuser)
    response = client.post(
        f"/admin/webhooks/edit/{webhook.pk}/",
        {
            "name": "Down",
            "url": "https://down.example.org/",
            "secret": webhook.secret,
            "events": [Event.PAGE_PUBLISHED],
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    webhook.refresh_from_db()
    assert (webhook.enabled, webhook.consecutive_failures) == (True, 0)


def test_the_delivery_log_shows_an_attempt_and_sends_it_again(
    client, superuser, editor, receiver, django_capture_on_commit_callbacks
):
    webhook = Webhook.objects.create(name="Receiver", url=receiver.url)
    delivery = WebhookDelivery.objects.create(
        webhook=webhook,
        event=Event.PAGE_PUBLISHED,
        payload={"event": "page.published", "object": {"id": 1}},
        status=DeliveryStatus.FAILED,
        attempts=6,
        response_status=502,
        last_error="HTTP 502: bad gateway",
    )
    client.force_login(superuser)
    listing = client.get("/admin/webhook-deliveries/").content.decode()
    assert "Receiver" in listing and "502" in listing
    inspect = client.get(f"/admin/webhook-deliveries/inspect/{delivery.pk}/")
    text = inspect.content.decode()
    assert "HTTP 502: bad gateway" in text
    assert f"/admin/webhook-deliveries/{delivery.pk}/send-again/" in text

    resend_url = f"/admin/webhook-deliveries/{delivery.pk}/send-again/"
    assert client.get(resend_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url)
    assert response.status_code == 302

    [received] = receiver.requests
    assert received.headers["Webhook-Id"] == str(delivery.event_id)
    assert signing.verify(
        webhook.secret, received.headers["Webhook-Signature"], received.body
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        DeliveryStatus.SUCCEEDED,
        7,
        200,
    )

    # Nobody else may send again.
    client.force_login(editor)
    assert client.post(resend_url).status_code in {302, 403}
    assert len(receiver.requests) == 1
