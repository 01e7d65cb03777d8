"""Hostile input and failing parts: every answer under /api/ is JSON, never a 500
for bad input, and signing stops (503) rather than run unthrottled."""

import json
import uuid

import pytest
from django.test import Client

from actions.models import Signature
from ngo_cms.api import messages
from tests.factories.actions import valid_signature_data

from .conftest import message

pytestmark = pytest.mark.django_db
CLOSED_PORT_REDIS = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    # Nothing listens there: the throttle's cache is "down".
    "LOCATION": "redis://127.0.0.1:18399/3",
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
}


def signatures_url(page) -> str:
    return f"/api/v1/{page.locale.language_code}/actions/{page.slug}/signatures/"


def post_json(api: Client, url: str, body: object):
    return api.post(url, data=json.dumps(body), content_type="application/json")


def json_data(**overrides: object) -> dict[str, object]:
    return valid_signature_data(
        **{"consent_privacy": True, "consent_contact": False, **overrides}
    )


@pytest.mark.parametrize("value", ["0", "no", "off", "false", "true", 1, None])
def test_consent_must_be_a_json_boolean(api, actions, value):
    response = post_json(
        api, signatures_url(actions["nl"]), json_data(consent_privacy=value)
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_data"
    assert list(body["errors"]) == ["consent_privacy"]
    assert not Signature.objects.filter(email="ana@example.org").exists()


@pytest.mark.parametrize(
    "value", [["Ann", "Bob"], {"a": 1}, True, 12, "Ann\u001bBob", "A\u0000B"]
)
def test_names_must_be_text_without_control_characters(api, actions, value):
    response = post_json(
        api, signatures_url(actions["fr"]), json_data(first_name=value)
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["first_name"]
    assert response.json()["errors"]["first_name"][0] in {
        "Envoyez ce champ sous forme de texte.",
        "Retirez les caractères de contrôle de ce champ.",
    }


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        "[" * 100_000,
        '{"first_name": "\\ud800"}',
        b"\xff\xfe\x00garbage",
        "null",
        '"text"',
    ],
)
def test_unreadable_bodies_are_a_translated_json_400(api, actions, body):
    response = api.post(
        signatures_url(actions["nl"]), data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]
    assert response["Content-Language"] == "nl"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/en/cases/?q=a%00b",
        "/api/v1/en/cases/a%00b/",
        "/api/v1/en/actions/?%00=1",
    ],
)
def test_nul_characters_in_addresses_are_a_json_400(api, url):
    response = api.get(url)
    assert response.status_code == 400
    assert response.json()["code"] == "nul_character"


def test_addresses_outside_the_versioned_api_are_json_404s(api):
    response = api.get("/api/nothing-here/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert api.get("/en/nothing-here/")["Content-Type"].startswith("text/html")


@pytest.mark.urls("tests.api.urls_faults")
def test_a_crash_under_the_api_is_a_translated_json_500():
    response = Client(raise_request_exception=False).get("/api/v1/nl/crash/")
    assert response.status_code == 500
    assert response.json() == {
        "status": 500,
        "code": "server_error",
        "message": message(messages.SERVER_ERROR, "nl"),
        "errors": {},
    }


@pytest.mark.urls("tests.api.urls_faults")
@pytest.mark.parametrize("path", ["/api/v1/fr/db-down/", "/api/v1/fr/plain-db-down/"])
def test_an_unreachable_database_is_a_json_503_with_retry_after(path):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 503
    assert response.json()["code"] == "unavailable"
    assert "réessayer" in response.json()["message"]
    assert int(response["Retry-After"]) > 0


def test_signing_answers_503_when_the_throttle_cannot_count(api, actions, settings):
    settings.CACHES = {**settings.CACHES, "throttle": CLOSED_PORT_REDIS}
    before = Signature.objects.count()
    response = post_json(api, signatures_url(actions["nl"]), json_data())
    assert response.status_code == 503
    assert response.json()["code"] == "unavailable"
    assert int(response["Retry-After"]) > 0
    assert response.json()["message"].startswith("De dienst is heel even niet")

    page = Client().post(actions["fr"].sign_url, data=valid_signature_data())
    assert page.status_code == 503
    assert "momentanément indisponible" in page.content.decode()
    assert int(page["Retry-After"]) > 0

    confirm = api.post(signatures_url(actions["en"]) + "confirm/", data={"token": "x"})
    assert confirm.status_code == 503
    assert Signature.objects.count() == before


def test_the_html_form_shares_the_api_throttle(api, actions):
    client = Client()
    for number in range(5):
        client.post(
            actions["en"].sign_url, data=valid_signature_data(email=f"h{number}@x.org")
        )
    for number in range(5):
        api.post(
            signatures_url(actions["en"]),
            data=valid_signature_data(email=f"a{number}@x.org"),
        )
    page = client.post(actions["nl"].sign_url, data=valid_signature_data())
    assert page.status_code == 429
    assert "Te veel pogingen" in page.content.decode()
    assert "Handtekeningen tot nu toe" not in page.content.decode()
    assert int(page["Retry-After"]) > 0


def test_a_campaign_is_throttled_across_clients(api, actions, settings):
    settings.SIGNING_RATES = {**settings.SIGNING_RATES, "campaign": "2/minute"}
    codes = [
        api.post(
            signatures_url(actions["en"]),
            data=valid_signature_data(email=f"c{n}@example.org"),
            REMOTE_ADDR=f"192.0.2.{n}",
        ).status_code
        for n in range(3)
    ]
    assert codes == [202, 202, 429]


def test_one_address_is_mailed_at_most_at_its_rate_and_the_answer_never_changes(
    api, actions, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.SIGNING_RATES = {**settings.SIGNING_RATES, "address": "2/hour"}
    answers = set()
    for n in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post(
                signatures_url(actions["en"]),
                data=valid_signature_data(email="target@example.org"),
                REMOTE_ADDR=f"198.51.100.{n}",
            )
        answers.add((response.status_code, response.content))
    assert len(answers) == 1
    assert len(smtp_server.to("target@example.org")) == 2


def test_confirmations_are_throttled_per_client(api, actions, settings):
    settings.SIGNING_RATES = {**settings.SIGNING_RATES, "confirm": "2/minute"}
    url = signatures_url(actions["en"]) + "confirm/"
    codes = [api.post(url, data={"token": "bad"}).status_code for _n in range(3)]
    assert codes == [404, 404, 429]
    assert api.post(url, data={"token": "bad"}).json()["code"] == "throttled"


def test_signing_answers_503_when_redis_is_down_altogether(api, actions, settings):
    settings.CACHES = {"default": CLOSED_PORT_REDIS, "throttle": CLOSED_PORT_REDIS}
    response = Client(raise_request_exception=False).post(
        signatures_url(actions["en"]),
        data=json.dumps(json_data()),
        content_type="application/json",
    )
    assert response.status_code == 503
    assert response.json()["code"] == "unavailable"
    assert int(response["Retry-After"]) > 0


@pytest.fixture(params=["local memory", "redis"])
def throttle_cache(request, settings) -> None:
    """The throttle's counters in local memory, or on a real Redis (one Lua script
    per request) when one answers on 127.0.0.1:6379."""
    if request.param == "redis":
        import redis

        location = "redis://127.0.0.1:6379/6"
        try:
            redis.Redis.from_url(location, socket_connect_timeout=0.5).ping()
        except redis.RedisError:
            pytest.skip("no Redis on 127.0.0.1:6379")
        settings.CACHES = {
            **settings.CACHES,
            "throttle": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": location,
                "KEY_PREFIX": f"ngo_cms_test_gate_{uuid.uuid4().hex}",
            },
        }


def test_a_client_over_its_limit_does_not_use_up_an_address(
    api, actions, settings, throttle_cache
):
    """Requests refused for their client (429) are not counted against the address
    they name: nobody can stop a person from signing by naming their address."""
    settings.SIGNING_RATES = {
        **settings.SIGNING_RATES,
        "client": "2/minute",
        "address": "1/hour",
    }
    url = signatures_url(actions["en"])
    for number in range(2):
        response = api.post(
            url,
            data=valid_signature_data(email=f"attacker{number}@example.org"),
            REMOTE_ADDR="203.0.113.1",
        )
        assert response.status_code == 202
    for _attempt in range(3):
        response = api.post(
            url,
            data=valid_signature_data(email="victim@example.org"),
            REMOTE_ADDR="203.0.113.1",
        )
        assert response.status_code == 429
    response = api.post(
        url,
        data=valid_signature_data(email="victim@example.org"),
        REMOTE_ADDR="203.0.113.2",
    )
    assert response.status_code == 202
    assert Signature.objects.filter(email="victim@example.org").exists()
