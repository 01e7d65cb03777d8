"""Contract of the urgent actions endpoints and of signing."""

import datetime
import json

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone, translation

from actions.choices import ActionStatus
from actions.models import Signature, UrgentActionPage
from ngo_cms.api import caching, messages
from tests.factories.actions import SignatureFactory, valid_signature_data

from .conftest import LOCALES, message

pytestmark = pytest.mark.django_db


def signatures_url(page) -> str:
    return f"/api/v1/{page.locale.language_code}/actions/{page.slug}/signatures/"


@pytest.mark.parametrize("locale", LOCALES)
def test_action_list_shows_the_actions_of_the_locale(api, locale, actions):
    SignatureFactory(translation_key=actions["en"].translation_key)
    body = api.get(f"/api/v1/{locale}/actions/").json()
    item = next(i for i in body["results"] if i["id"] == actions[locale].pk)
    assert item["signature_count"] == actions["en"].signature_count
    assert item["status"]["value"] == "open"
    assert "letter" not in item


@pytest.mark.parametrize("locale", LOCALES)
def test_action_detail_counts_signatures_of_every_language(api, locale, actions):
    before = actions["en"].signature_count
    for code in LOCALES:
        SignatureFactory(translation_key=actions[code].translation_key, locale=code)
    body = api.get(f"/api/v1/{locale}/actions/{actions[locale].slug}/").json()
    assert body["signature_count"] == before + 3
    assert body["signature_goal"] == actions[locale].signature_goal
    assert body["signatures_url"] == signatures_url(actions[locale])
    assert {"letter", "addressee", "body", "related_cases", "signing_state"} <= set(
        body
    )
    assert all(case["locale"] == locale for case in body["related_cases"])


def test_action_status_filter_rejects_unknown_values(api):
    response = api.get("/api/v1/en/actions/?status=maybe")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"status"}
    assert api.get("/api/v1/en/actions/?status=won").json()["count"] == 0


@pytest.mark.parametrize("locale", LOCALES)
def test_signing_with_json_answers_202_pending_without_a_count(api, locale, actions):
    before = actions[locale].signature_count
    response = api.post(
        signatures_url(actions[locale]),
        data=json.dumps(
            valid_signature_data(consent_privacy=True, consent_contact=False)
        ),
        content_type="application/json",
    )
    assert response.status_code == 202, response.content
    assert response.json() == {
        "status": "pending",
        "message": message(messages.SIGNING_PENDING, locale),
    }
    assert response["Content-Language"] == locale
    signature = Signature.objects.get(email="ana@example.org")
    assert signature.locale == locale
    assert signature.confirmed_at is None
    # Pending: nothing counts until the owner confirms from the mail.
    assert actions[locale].signature_count == before


def test_signing_with_a_form_body_works_too(api, actions):
    response = api.post(signatures_url(actions["nl"]), data=valid_signature_data())
    assert response.status_code == 202


def test_new_repeat_pending_and_honeypot_addresses_get_the_same_answer(api, actions):
    url = signatures_url(actions["en"])
    SignatureFactory(
        translation_key=actions["en"].translation_key, email="done@example.org"
    )
    before = Signature.objects.count()
    answers = [
        api.post(url, data=valid_signature_data(email=email, website=website))
        for email, website in [
            ("new@example.org", ""),  # new
            ("new@example.org", ""),  # now pending
            ("DONE@example.org", ""),  # already confirmed
            ("bot@example.org", "http://spam.example"),  # honeypot
        ]
    ]
    assert {(a.status_code, a.content) for a in answers} == {
        (answers[0].status_code, answers[0].content)
    }
    assert Signature.objects.count() == before + 1


@pytest.mark.parametrize("locale", LOCALES)
def test_invalid_signature_gets_translated_per_field_messages(api, locale, actions):
    response = api.post(
        signatures_url(actions[locale]),
        data=valid_signature_data(email="not-an-address", first_name=""),
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_data"
    assert set(body["errors"]) == {"email", "first_name"}
    with translation.override(locale):
        from actions.forms import SignatureForm

        expected = str(
            SignatureForm.base_fields["first_name"].error_messages["required"]
        )
    assert body["errors"]["first_name"] == [expected]
    assert "not-an-address" not in response.content.decode()


@pytest.mark.parametrize("locale", LOCALES)
def test_closed_action_rejects_signature_with_409(api, locale, actions):
    for page in actions.values():
        page.status = ActionStatus.CLOSED
        page.save()
    before = Signature.objects.count()
    response = api.post(signatures_url(actions[locale]), data=valid_signature_data())
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "closed"
    assert body["message"]
    assert response["Content-Language"] == locale
    assert Signature.objects.count() == before


def test_signing_an_unknown_action_is_a_404(api):
    response = api.post(
        "/api/v1/en/actions/nope/signatures/", data=valid_signature_data()
    )
    assert response.status_code == 404


@pytest.mark.parametrize("locale", LOCALES)
def test_signing_is_throttled_per_client_with_a_translated_429(api, locale, actions):
    url = signatures_url(actions[locale])
    for number in range(10):
        api.post(url, data=valid_signature_data(email=f"s{number}@example.org"))
    response = api.post(url, data=valid_signature_data(email="late@example.org"))
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "throttled"
    seconds = int(response["Retry-After"])
    assert body["message"] in {
        message(messages.THROTTLED, locale, seconds=seconds + extra) for extra in (0, 1)
    }


def test_get_on_signatures_is_not_allowed(api, actions):
    response = api.get(signatures_url(actions["en"]))
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_signing_with_a_json_list_is_a_400_not_a_crash(api, actions):
    response = api.post(
        signatures_url(actions["en"]), data="[1, 2]", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_behind_a_proxy_signers_are_throttled_by_their_own_address(api, actions):
    url = signatures_url(actions["en"])
    rest = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    with override_settings(REST_FRAMEWORK=rest):
        for number in range(10):
            api.post(
                url,
                data=valid_signature_data(email=f"p{number}@example.org"),
                HTTP_X_FORWARDED_FOR="203.0.113.7",
            )
        blocked = api.post(
            url,
            data=valid_signature_data(email="p-late@example.org"),
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
        other_signer = api.post(
            url,
            data=valid_signature_data(email="other@example.org"),
            HTTP_X_FORWARDED_FOR="198.51.100.20",
        )
    assert blocked.status_code == 429
    assert other_signer.status_code == 202


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(api, actions):
    url = signatures_url(actions["en"])
    for number in range(10):
        api.post(
            url,
            data=valid_signature_data(email=f"f{number}@example.org"),
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    response = api.post(
        url,
        data=valid_signature_data(email="f-late@example.org"),
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("nl", "De gegevens die je stuurde zijn te groot: stuur hoogstens"),
        ("fr", "Les données envoyées sont trop volumineuses : envoyez au plus"),
    ],
)
def test_an_oversized_signing_body_is_a_translated_413(api, actions, locale, expected):
    before = actions["en"].signature_count
    response = api.post(
        signatures_url(actions[locale]),
        data=json.dumps({**valid_signature_data(), "first_name": "x" * 3_000_000}),
        content_type="application/json",
    )
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "too_large"
    assert body["message"].startswith(expected)
    assert actions["en"].signature_count == before


@pytest.mark.parametrize("existing", ["none", "pending", "confirmed"])
def test_a_signing_request_costs_the_same_few_queries_for_any_address(
    api, actions, existing, django_assert_num_queries, is_postgres
):
    """Once the action has been read (once per content generation and process),
    a signature costs one statement on PostgreSQL (insert or find the row), two
    elsewhere, whatever the address's state; the mail task's insert runs after
    commit and is the same for every address too."""
    url = signatures_url(actions["en"])
    warm = api.post(
        url,
        data=valid_signature_data(email="warm@example.org"),
        REMOTE_ADDR="192.0.2.7",
    )
    assert warm.status_code == 202
    if existing != "none":
        pending = {"confirmed_at": None} if existing == "pending" else {}
        SignatureFactory(
            translation_key=actions["en"].translation_key,
            email="ana@example.org",
            **pending,
        )
    with django_assert_num_queries(1 if is_postgres else 2):
        response = api.post(url, data=valid_signature_data(), REMOTE_ADDR="192.0.2.8")
    assert response.status_code == 202
    assert Signature.objects.filter(email_normalised="ana@example.org").count() == 1


def test_an_action_unpublished_after_a_signature_is_no_longer_signable(api, actions):
    """The action read for earlier signatures is not reused once content changed."""
    url = signatures_url(actions["nl"])
    first = api.post(url, data=valid_signature_data(email="first@example.org"))
    assert first.status_code == 202
    actions["nl"].unpublish()
    second = api.post(url, data=valid_signature_data(email="second@example.org"))
    assert second.status_code == 404
    assert not Signature.objects.filter(email="second@example.org").exists()


def test_an_action_stops_taking_signatures_when_it_expires(api, actions, monkeypatch):
    """Expiry needs no publication (nothing bumps the content generation): the
    action read for earlier signatures is checked against the clock each time."""
    now = timezone.now()
    UrgentActionPage.objects.filter(pk=actions["fr"].pk).update(
        expire_at=now + datetime.timedelta(hours=1)
    )
    caching.bump_generation()  # as the publication that set the expiry would
    url = signatures_url(actions["fr"])
    assert api.post(url, data=valid_signature_data()).status_code == 202
    later = now + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = api.post(url, data=valid_signature_data(email="late@example.org"))
    assert response.status_code == 404
    assert not Signature.objects.filter(email="late@example.org").exists()
