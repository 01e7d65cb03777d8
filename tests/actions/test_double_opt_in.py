"""Double opt-in: a signature counts once its owner confirms from the mailed link.

Mails go through the real task queue to a real SMTP server on 127.0.0.1; tests
read them there and follow the link like the signer would.
"""

import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from actions.models import Signature, UrgentActionPage
from actions.tasks import send_signature_mail
from tests.factories.actions import SignatureFactory, valid_signature_data

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/confirm/\S+/")


@pytest.fixture
def actions() -> dict[str, UrgentActionPage]:
    return {
        page.locale.language_code: page
        for page in UrgentActionPage.objects.live()
        .filter(slug__startswith="iran-", alias_of__isnull=True)
        .select_related("locale")
    }


def sign_with_form(client: Client, page: UrgentActionPage, **data: object):
    return client.post(page.sign_url, data=valid_signature_data(**data))


def link_in(smtp_server, address: str) -> str:
    [mail] = smtp_server.to(address)
    match = LINK.search(smtp_server.text(mail))
    assert match, smtp_server.text(mail)
    return match.group()


def test_a_signature_counts_only_after_its_owner_confirms_from_the_mail(
    smtp_server, actions, django_capture_on_commit_callbacks
):
    client = Client()
    before = actions["nl"].signature_count
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_with_form(client, actions["nl"], email="lotte@example.org")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kijk in je mailbox" in page
    # The answer shows no count at all.
    assert "Handtekeningen tot nu toe" not in page
    assert actions["nl"].signature_count == before

    [mail] = smtp_server.to("lotte@example.org")
    assert mail["Subject"].strip() == f"Bevestig je handtekening: {actions['nl'].title}"
    assert "De link werkt 72 uur." in smtp_server.text(mail)
    link = link_in(smtp_server, "lotte@example.org")
    path = urlsplit(link).path
    assert path.startswith(actions["nl"].url + "confirm/")

    # Opening the link (a mail scanner does too) only asks.
    asked = client.get(path)
    assert asked.status_code == 200
    assert "Mijn handtekening bevestigen" in asked.content.decode()
    assert actions["nl"].signature_count == before

    confirmed = client.post(path)
    assert confirmed.status_code == 200
    text = confirmed.content.decode()
    assert "je handtekening is bevestigd" in text
    assert f"{before + 1} mensen hebben tot nu toe ondertekend." in text
    assert actions["en"].signature_count == before + 1
    # Confirming again changes nothing and still thanks the signer.
    assert client.post(path).status_code == 200
    assert actions["en"].signature_count == before + 1
    detail = client.get(f"/api/v1/en/actions/{actions['en'].slug}/").json()
    assert detail["signature_count"] == before + 1


def test_a_headless_front_end_confirms_through_the_api(
    smtp_server, actions, django_capture_on_commit_callbacks
):
    api = Client()
    before = actions["fr"].signature_count
    url = f"/api/v1/fr/actions/{actions['fr'].slug}/signatures/"
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            url,
            data=json.dumps(
                valid_signature_data(
                    email="camille@example.org",
                    consent_privacy=True,
                    consent_contact=False,
                )
            ),
            content_type="application/json",
        )
    assert response.status_code == 202
    [mail] = smtp_server.to("camille@example.org")
    assert mail["Subject"].strip().startswith("Confirmez votre signature")
    token = unquote(link_in(smtp_server, "camille@example.org").split("/")[-2])

    confirmed = api.post(url + "confirm/", data={"token": token})
    assert confirmed.status_code == 200
    assert confirmed.json() == {
        "status": "confirmed",
        "message": "Merci : votre signature est confirmée et compte.",
        "signature_count": before + 1,
    }
    assert confirmed["Content-Language"] == "fr"


def test_the_owner_of_an_address_that_already_signed_is_told_and_nothing_changes(
    smtp_server, actions, django_capture_on_commit_callbacks
):
    SignatureFactory(
        translation_key=actions["en"].translation_key,
        email="sara@example.org",
        locale="en",
    )
    before = actions["en"].signature_count
    with django_capture_on_commit_callbacks(execute=True):
        repeat = sign_with_form(Client(), actions["en"], email="SARA@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        new = sign_with_form(Client(), actions["en"], email="newcomer@example.org")
    # The page a prober sees is the same for both (but for the CSRF token).
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert strip.sub("", repeat.content.decode()) == strip.sub("", new.content.decode())
    [mail] = smtp_server.to("sara@example.org")
    assert mail["Subject"].strip() == f"You have already signed: {actions['en'].title}"
    assert "/confirm/" not in smtp_server.text(mail)
    assert actions["en"].signature_count == before


def test_a_pending_address_gets_a_new_confirmation_and_a_bot_gets_nothing(
    smtp_server, actions, django_capture_on_commit_callbacks
):
    client = Client()
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            sign_with_form(client, actions["en"], email="twice@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sign_with_form(
            client, actions["en"], email="bot@example.org", website="http://x"
        )
    mails = smtp_server.to("twice@example.org")
    assert len(mails) == 2
    assert all("/confirm/" in smtp_server.text(mail) for mail in mails)
    assert smtp_server.to("bot@example.org") == []
    assert Signature.objects.filter(email_normalised="twice@example.org").count() == 1


def test_expired_forged_and_foreign_tokens_are_refused_in_the_signers_language(
    smtp_server, actions, settings, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        sign_with_form(client, actions["fr"], email="leo@example.org")
    path = urlsplit(link_in(smtp_server, "leo@example.org")).path
    token = path.rstrip("/").split("/")[-1]
    before = actions["fr"].signature_count

    forged = client.post(path.replace(token, token[:-2] + "xx"))
    assert forged.status_code == 400
    assert "n'est pas valide" in forged.content.decode()

    other = UrgentActionPage.objects.exclude(
        translation_key=actions["fr"].translation_key
    ).first()
    if other is not None:
        api = client.post(
            f"/api/v1/en/actions/{other.slug}/signatures/confirm/",
            data={"token": token},
        )
        assert api.status_code in (400, 404)

    settings.SIGNING_CONFIRM_MAX_AGE = -1
    expired = client.post(path)
    assert expired.status_code == 400
    assert "a expiré" in expired.content.decode()
    api = client.post(
        f"/api/v1/fr/actions/{actions['fr'].slug}/signatures/confirm/",
        data={"token": token},
    )
    assert api.status_code == 410
    assert api.json()["code"] == "expired_token"
    assert actions["fr"].signature_count == before


def test_the_task_queue_stores_the_signatures_id_never_the_address(
    smtp_server, settings, actions, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            actions["en"].sign_url, data=valid_signature_data(email="quiet@example.org")
        )
    assert response.status_code == 200
    assert smtp_server.messages == []  # queued, not sent by the request
    [queued] = DBTaskResult.objects.all()
    stored = json.dumps([queued.args_kwargs, queued.return_value], default=str).lower()
    assert "quiet" not in stored and "example.org" not in stored

    signature = Signature.objects.get(email="quiet@example.org")
    assert queued.args_kwargs == {"args": [signature.pk], "kwargs": {}}
    # What the worker runs, with what it stored: the task reads the address itself.
    assert send_signature_mail.call(*queued.args_kwargs["args"]) == "confirm"
    assert len(smtp_server.to("quiet@example.org")) == 1
